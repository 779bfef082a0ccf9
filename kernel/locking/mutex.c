// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes: an owner pointer and a FIFO of sleeping waiters under a
 * spinlock; unlock hands ownership straight to the first waiter.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include "lock_waiter.h"

/* Called through mutex_init(), which supplies @name and the class @key. */
void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key)
{
	spin_lock_init(&lock->wait_lock);
	lock->owner = NULL;
	INIT_LIST_HEAD(&lock->wait_list);
	lockdep_init_map(lockdep_map_of(lock), name, key, LD_WAIT_SLEEP);
}

static void __mutex_lock(struct mutex *lock, unsigned long ip)
{
	struct lock_waiter w;
	unsigned long flags;

	lock_might_sleep();
	lock_acquire(lockdep_map_of(lock), LOCKDEP_WRITE, false, ip);
	spin_lock_irqsave(&lock->wait_lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		return;
	}
	WARN_ON_ONCE(lock->owner == current);
	lock_waiter_init(&w, true);
	list_add_tail(&w.list, &lock->wait_list);
	lock_waiter_wait(&lock->wait_lock, &flags, &w, U64_MAX);
	/* The unlocker made us the owner. */
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

/**
 * mutex_lock - take @lock, sleeping while another task holds it
 * @lock: the mutex; not already held by the caller (that deadlocks)
 *
 * Task context, no preemption count held.
 */
void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, _RET_IP_);
}

/**
 * mutex_trylock - take @lock if it is free, without sleeping
 * @lock: the mutex
 *
 * Return: 1 if taken, 0 if another task holds it.
 */
int mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&lock->wait_lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		ret = 1;
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	if (ret)
		lock_acquire(lockdep_map_of(lock), LOCKDEP_WRITE, true,
			     _RET_IP_);
	return ret;
}

/**
 * mutex_unlock - release @lock, handing it to the first waiter if any
 * @lock: a mutex the caller holds (warns otherwise)
 */
void mutex_unlock(struct mutex *lock)
{
	struct lock_waiter *w;
	unsigned long flags;

	lock_release(lockdep_map_of(lock), _RET_IP_);
	spin_lock_irqsave(&lock->wait_lock, flags);
	WARN_ON_ONCE(lock->owner != current);
	w = list_first_entry_or_null(&lock->wait_list, struct lock_waiter,
				     list);
	if (w) {
		lock->owner = w->task;
		lock_waiter_grant(w);
	} else {
		lock->owner = NULL;
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

bool mutex_is_locked(struct mutex *m)
{
	return READ_ONCE(m->owner) != NULL;
}

/* Whether the current task holds @lock: for lockdep-style assertions. */
bool mutex_is_owner(struct mutex *lock)
{
	return READ_ONCE(lock->owner) == current;
}
