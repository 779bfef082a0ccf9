/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Making user processes: the contract between kernel/fork.c (which owns
 * it) and the code that starts the first process (init/main.c).
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>
#include <linux/spinlock.h>

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

/*
 * tasklist_lock (kernel/pid.c) protects the pid table, every parent and
 * child link (real_parent, signal->children, sibling), thread lists
 * (signal->threads, thread_node, nr_threads) and exit_state. Taken with
 * interrupts off: kill_pgrp() may come from an interrupt. Lock order:
 * tasklist_lock, then sighand->siglock, then a task's pi_lock.
 */
extern spinlock_t tasklist_lock;

/*
 * task_lock - take @p's alloc_lock: its mm, files and fs pointers stay
 * as they are until task_unlock() (the rule is at task_struct's field).
 */
static inline void task_lock(struct task_struct *owner)
{
	spin_lock(&owner->alloc_lock);
}

static inline void task_unlock(struct task_struct *owner)
{
	spin_unlock(&owner->alloc_lock);
}

/* kernel/pid.c: the user-visible ids (see Documentation/scheduler/) */
int alloc_pid(void);
int alloc_init_pid(void);
void attach_pid(struct task_struct *p);
void detach_pid(struct task_struct *p);
struct task_struct *find_task_by_pid(int nr);
struct list_head *pid_table_head(void);
struct task_struct *find_get_task(int nr);
/* Call @fn on every user task under tasklist_lock until it returns false. */
void visit_user_tasks(bool (*fn)(struct task_struct *p, void *data),
			void *data);

/* kernel/exit.c */
void __noreturn do_exit(int code);
void __noreturn do_group_exit(int code);

/* kernel/fork.c: clone(2)'s arguments, as clone3() has them */
struct kernel_clone_args {
	u64 flags;
	int __user *pidfd;
	int __user *child_tid;
	int __user *parent_tid;
	int exit_signal;
	unsigned long stack;
	unsigned long tls;
};

long kernel_clone(struct kernel_clone_args *args);
void put_signal_struct(struct signal_struct *sig);
void put_sighand(struct sighand_struct *sh);
/* execve() calls this once the new program is in: a vfork parent goes on */
void mm_release_vfork(struct task_struct *p);

/* clone flags (Linux's values) */
#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000

/* kernel/futex.c: wake up to @nr waiters on the user word @uaddr */
int futex_wake(u32 __user *uaddr, bool private, int nr, u32 bitset);

#endif /* _LINUX_SCHED_TASK_H */
