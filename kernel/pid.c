// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: process ids
 *
 * User processes and threads get ids from a counter of their own,
 * starting at 1, so that the first process (init) sees getpid() == 1.
 * Kernel threads keep the scheduler's numbers (task->pid from
 * sched_task_alloc()), which user space never sees: kill(), wait4() and
 * the pid lookup below know only user tasks, on the table here. A user
 * task's pid is its thread id (gettid()); tgid, the leader's pid, is its
 * process id (getpid()). Ids are handed out in increasing order up to
 * PID_MAX_LIMIT and then from 2 again, skipping ids still in use as a
 * task's id, a process group or a session.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>

/* Linux's default pid_max. */
#define PID_MAX_LIMIT	4194304

DEFINE_SPINLOCK(tasklist_lock);

/* Every user task with an id, under tasklist_lock. */
static LIST_HEAD(pid_table);
static int last_pid;		/* under tasklist_lock */

/* Whether @nr names a task, group or session. Called under tasklist_lock. */
static bool pid_in_use(int nr)
{
	struct task_struct *p;

	list_for_each_entry(p, &pid_table, pid_node) {
		if (p->pid == nr)
			return true;
		if (p->signal && (p->signal->pgrp == nr ||
				  p->signal->session == nr))
			return true;
	}
	return false;
}

/**
 * alloc_pid - the next free user-visible id
 *
 * Takes tasklist_lock. The id is reserved only once attach_pid() puts a
 * task on the table; callers allocate and attach in one go under the
 * caller's own serialisation (fork runs attach right after).
 *
 * Return: the id (1 for the first call), or -EAGAIN if every id is used.
 */
int alloc_pid(void)
{
	unsigned long flags;
	int nr, tries;

	spin_lock_irqsave(&tasklist_lock, flags);
	for (tries = 0; tries < PID_MAX_LIMIT; tries++) {
		nr = last_pid + 1;
		if (nr >= PID_MAX_LIMIT)
			nr = 2;
		last_pid = nr;
		if (!pid_in_use(nr))
			break;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return tries < PID_MAX_LIMIT ? nr : -EAGAIN;
}

/**
 * attach_pid - put @p on the pid table
 * @p: a user task whose pid is set
 *
 * Caller holds tasklist_lock.
 */
void attach_pid(struct task_struct *p)
{
	list_add_tail(&p->pid_node, &pid_table);
}

/**
 * detach_pid - take @p off the pid table (at release)
 * @p: a user task
 *
 * Caller holds tasklist_lock.
 */
void detach_pid(struct task_struct *p)
{
	list_del_init(&p->pid_node);
}

/**
 * find_task_by_pid - the user task with id @nr
 * @nr: a thread id
 *
 * Caller holds tasklist_lock; the task stays valid while it is held.
 *
 * Return: the task, or NULL.
 */
struct task_struct *find_task_by_pid(int nr)
{
	struct task_struct *p;

	list_for_each_entry(p, &pid_table, pid_node)
		if (p->pid == nr)
			return p;
	return NULL;
}

/**
 * find_get_task - find_task_by_pid() with a reference, without the lock
 * @nr: a thread id
 *
 * Return: the task (drop it with put_task_struct()), or NULL.
 */
struct task_struct *find_get_task(int nr)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(nr);
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/**
 * visit_user_tasks - visit the pid table
 * @fn: called with tasklist_lock held and interrupts off; must not
 *	sleep; returns false to stop
 * @data: passed to @fn
 */
void visit_user_tasks(bool (*fn)(struct task_struct *p, void *data),
			void *data)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &pid_table, pid_node)
		if (!fn(p, data))
			break;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * pid_table_head - the pid table, to walk under tasklist_lock
 *
 * Return: the list of user tasks, linked by task->pid_node.
 */
struct list_head *pid_table_head(void)
{
	return &pid_table;
}
