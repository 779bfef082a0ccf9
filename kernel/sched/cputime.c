// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: CPU time of tasks
 *
 * Each tick charges its length to the task it interrupted: to its user
 * time if the CPU was in user mode, to its system time if in the kernel
 * (an idle CPU charges nobody). A thread that leaves its group adds its
 * times to the group's dead_* totals; a process reaped by wait4() or
 * waitid() adds its whole times to its parent's cutime/cstime. From
 * these getrusage(), times() and wait4()'s rusage answer, like Linux's
 * tick-based accounting: a task that runs less than a tick at a time
 * may be missed or charged a whole tick.
 *
 * Locks: a task's utime/stime are written only by the tick of the CPU
 * it runs on (interrupts off) and read with READ_ONCE(); the
 * signal_struct totals and the walk over a group's threads are under
 * tasklist_lock.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/cpu_time.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include "sched.h"

#define TICK_NS		(NSEC_PER_SEC / HZ)

/**
 * account_process_tick - charge one tick to the task running here
 * @user: the tick interrupted user mode
 *
 * From the timer interrupt, interrupts off.
 */
void account_process_tick(bool user)
{
	struct rq *rq = this_rq();
	struct task_struct *running = rq->curr;

	if (!running || running == rq->idle)
		return;
	if (user)
		WRITE_ONCE(running->utime, running->utime + TICK_NS);
	else
		WRITE_ONCE(running->stime, running->stime + TICK_NS);
}

/* The group's live threads and dead ones, in ns. tasklist_lock held. */
static void __group_cputime(struct signal_struct *sig, struct cputime *t)
{
	struct task_struct *p;

	t->utime = sig->dead_utime;
	t->stime = sig->dead_stime;
	list_for_each_entry(p, &sig->threads, thread_node) {
		t->utime += READ_ONCE(p->utime);
		t->stime += READ_ONCE(p->stime);
	}
}

/**
 * cputime_of - CPU time of a thread, its process, or its reaped children
 * @p: the thread
 * @who: CPUTIME_THREAD, CPUTIME_GROUP or CPUTIME_CHILDREN
 * @t: the result, in ns
 *
 * Takes tasklist_lock (not for CPUTIME_THREAD).
 */
void cputime_of(struct task_struct *p, enum cputime_who who,
		struct cputime *t)
{
	unsigned long flags;

	if (who == CPUTIME_THREAD) {
		t->utime = READ_ONCE(p->utime);
		t->stime = READ_ONCE(p->stime);
		return;
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	if (who == CPUTIME_GROUP) {
		__group_cputime(p->signal, t);
	} else {
		t->utime = p->signal->cutime;
		t->stime = p->signal->cstime;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * cputime_thread_gone - @p leaves its thread group: keep its time there
 *
 * tasklist_lock held; @p is off the group's thread list already or is
 * taken off under the same hold.
 */
void cputime_thread_gone(struct task_struct *p)
{
	p->signal->dead_utime += READ_ONCE(p->utime);
	p->signal->dead_stime += READ_ONCE(p->stime);
}

/**
 * cputime_reaped - the parent @parent reaps the process @child
 * @t: if not NULL, gets what was added (the child's own time and its
 *	reaped children's), for wait4()'s rusage
 *
 * tasklist_lock held; @child has no live thread left.
 */
void cputime_reaped(struct signal_struct *parent, struct signal_struct *child,
		    struct cputime *t)
{
	struct cputime own;

	__group_cputime(child, &own);
	own.utime += child->cutime;
	own.stime += child->cstime;
	parent->cutime += own.utime;
	parent->cstime += own.stime;
	if (t)
		*t = own;
}

/* struct rusage of x86-64: two struct timeval, then 14 longs. */
struct rusage_abi {
	struct __kernel_old_timeval ru_utime;
	struct __kernel_old_timeval ru_stime;
	long ru_rest[14];
};

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
}

/**
 * put_rusage - write a struct rusage holding @t to user space
 * @t: the times; NULL for all zero
 * @ru: the user's struct rusage
 *
 * Only the user and system times are kept; the other fields are zero.
 *
 * Return: 0 or -EFAULT.
 */
int put_rusage(const struct cputime *t, void __user *ru)
{
	struct rusage_abi out = { 0 };

	if (t) {
		ns_to_timeval(t->utime, &out.ru_utime);
		ns_to_timeval(t->stime, &out.ru_stime);
	}
	return copy_to_user(ru, &out, sizeof(out)) ? -EFAULT : 0;
}
