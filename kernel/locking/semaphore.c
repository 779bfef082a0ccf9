// SPDX-License-Identifier: GPL-2.0
/*
 * Counting semaphores: a count of free units and a FIFO of waiters; up()
 * gives its unit straight to the first waiter when there is one.
 */
#include <linux/kernel.h>
#include <linux/semaphore.h>
#include <linux/sched.h>
#include "lock_waiter.h"

void sema_init(struct semaphore *sem, int val)
{
	spin_lock_init(&sem->lock);
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}

/**
 * down_timeout_ns - take a unit, waiting at most @timeout_ns
 * @sem: the semaphore
 * @timeout_ns: nanoseconds; 0 only tries, U64_MAX waits forever
 *
 * Return: 0 when a unit was taken, -ETIME on timeout.
 */
int down_timeout_ns(struct semaphore *sem, u64 timeout_ns)
{
	struct lock_waiter w;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count > 0) {
		sem->count--;
	} else {
		lock_might_sleep();
		lock_waiter_init(&w, false);
		list_add_tail(&w.list, &sem->wait_list);
		ret = lock_waiter_wait(&sem->lock, &flags, &w, timeout_ns);
	}
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

/* Take a unit, sleeping as long as it takes. */
void down(struct semaphore *sem)
{
	down_timeout_ns(sem, U64_MAX);
}

/* Return: 0 if a unit was taken, 1 if none was free (Linux's sense). */
int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	int ret = 1;

	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count > 0) {
		sem->count--;
		ret = 0;
	}
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

/* Linux's form, @timeout in jiffies. Return: 0, or -ETIME. */
int down_timeout(struct semaphore *sem, long timeout)
{
	return down_timeout_ns(sem, timeout > 0 ? sched_jiffies_to_ns(timeout) : 0);
}

/**
 * up - return a unit, to the longest waiter if one sleeps
 * @sem: the semaphore
 *
 * Safe from interrupts.
 */
void up(struct semaphore *sem)
{
	struct lock_waiter *w;
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	w = list_first_entry_or_null(&sem->wait_list, struct lock_waiter, list);
	if (w)
		lock_waiter_grant(w);
	else
		sem->count++;
	spin_unlock_irqrestore(&sem->lock, flags);
}
