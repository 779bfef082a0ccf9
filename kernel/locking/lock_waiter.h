/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The waiter the sleeping locks share: a task queued on a lock's wait
 * list until the releaser hands the lock over by setting @granted.
 */
#ifndef _KERNEL_LOCKING_LOCK_WAITER_H
#define _KERNEL_LOCKING_LOCK_WAITER_H

#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/semaphore.h>

struct lock_waiter {
	struct list_head list;		/* on the lock's wait list */
	struct task_struct *task;
	bool write;			/* rwsem: wants it exclusively */
	bool granted;			/* the lock is ours now */
};

static inline void lock_waiter_init(struct lock_waiter *w, bool write)
{
	INIT_LIST_HEAD(&w->list);
	w->task = current;
	w->write = write;
	w->granted = false;
}

/*
 * Hand the lock to @w and wake it. Called with the lock's spinlock held.
 * @w lives on the waiter's stack and may vanish once @granted is set, so
 * the task is pinned first.
 */
static inline void lock_waiter_grant(struct lock_waiter *w)
{
	struct task_struct *task = w->task;

	list_del_init(&w->list);
	get_task_struct(task);
	smp_store_release(&w->granted, true);
	wake_up_process(task);
	put_task_struct(task);
}

/*
 * Sleep until @w is granted or @timeout_ns passes (U64_MAX: never).
 * Called and returns with @lock held (interrupts saved in *@flags).
 * Return: 0 when granted, -ETIME after dequeuing itself on timeout.
 */
static inline int lock_waiter_wait(spinlock_t *lock, unsigned long *flags,
				   struct lock_waiter *w, u64 timeout_ns)
{
	for (;;) {
		if (smp_load_acquire(&w->granted))
			return 0;
		if (!timeout_ns) {
			list_del_init(&w->list);
			return -ETIME;
		}
		set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(lock, *flags);
		timeout_ns = schedule_timeout_ns(timeout_ns);
		spin_lock_irqsave(lock, *flags);
	}
}

/* Sleeping with a preemption count held would hang or corrupt. */
#define lock_might_sleep() WARN_ON_ONCE(preempt_count())

#endif /* _KERNEL_LOCKING_LOCK_WAITER_H */
