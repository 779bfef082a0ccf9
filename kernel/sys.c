// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: process identity system calls
 *
 * The ids a process sees (pids from kernel/pid.c), its process group and
 * session, credentials (everyone is root: set calls accept what they
 * are given for uid/gid 0 and keep nothing else), resource limits, its
 * name, uname() and sysinfo(), reboot().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

static long sys_getpid(struct pt_regs *regs)
{
	return task_tgid_nr(current);
}
SYSCALL_ENTRY(getpid, sys_getpid);

static long sys_gettid(struct pt_regs *regs)
{
	return current->pid;
}
SYSCALL_ENTRY(gettid, sys_gettid);

static long sys_getppid(struct pt_regs *regs)
{
	struct task_struct *parent;
	unsigned long flags;
	int ppid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	parent = current->group_leader ? current->group_leader->real_parent :
		 NULL;
	if (parent)
		ppid = task_tgid_nr(parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
}
SYSCALL_ENTRY(getppid, sys_getppid);
