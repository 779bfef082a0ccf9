// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: process ids
 *
 * Every task, kernel thread or user task, gets its id from one counter
 * here, so that an id names one task whatever walks the tasks (/proc
 * lists kernel threads too, as Linux does). Id 1 is kept for init: the
 * first user_process_spawn() gets it (alloc_init_pid()), and the
 * counter hands out 2 and up; so init sees getpid() == 1 though kernel
 * threads were made before it. A user task's pid is its thread id
 * (gettid()); tgid, the leader's pid, is its process id (getpid()).
 * kill(), wait4() and the lookups below know only user tasks, on the
 * pid table here. Ids are handed out in increasing order up to
 * PID_MAX_LIMIT and then from 2 again, skipping ids a user task still
 * uses as its id, process group or session (kernel threads are assumed
 * not to live through a wrap).
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
static int last_pid = 1;	/* under tasklist_lock; 1 is init's */
static bool init_pid_given;	/* under tasklist_lock */

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
 * alloc_pid - the next free task id
 *
 * Takes tasklist_lock (so the caller must not hold the scheduler's task
 * list lock). The counter only moves forward, so an id is not handed
 * out twice before the counter wraps.
 *
 * Return: the id (2 or more), or -EAGAIN if every id is used.
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
 * alloc_init_pid - id 1 the first time, then as alloc_pid()
 *
 * For user_process_spawn(): the first process is init.
 *
 * Return: the id, or -EAGAIN.
 */
int alloc_init_pid(void)
{
	unsigned long flags;
	bool first;

	spin_lock_irqsave(&tasklist_lock, flags);
	first = !init_pid_given;
	init_pid_given = true;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return first ? 1 : alloc_pid();
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
