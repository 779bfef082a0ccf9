/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Making user processes: the contract between kernel/fork.c (which owns
 * it) and the code that starts the first process (init/main.c).
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>

struct pt_regs;

/**
 * user_process_spawn - start a kernel thread that becomes a user process
 * @fn: runs in the new task; calls kernel_execve() to load a program
 * @arg: passed to @fn
 * @name: the task's comm until a program is loaded
 *
 * The task is the leader of a new thread group with its own descriptor
 * table (files_alloc()), root and cwd at the root file system
 * (fs_alloc_root()), a new session and process group, and no mm. The
 * first process spawned gets pid 1, and orphans are reparented to it.
 * When @fn returns 0 (after a kernel_execve() that succeeded) the task
 * enters user mode with the registers kernel_execve() set; when it
 * returns non-zero the task exits with that status.
 *
 * Return: the new process's pid, or -ENOMEM.
 */
int user_process_spawn(int (*fn)(void *arg), void *arg, const char *name);

/* The user registers of @p: the frame at the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p);

/* Set @regs to start a new program at @ip with stack @sp (execve). */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

#endif /* _LINUX_SCHED_TASK_H */
