// SPDX-License-Identifier: GPL-2.0
/*
 * Read-write semaphores: a reader count (or -1 for a writer) and a FIFO
 * of waiters. Releasing hands the lock to the head of the queue: one
 * writer, or every reader up to the next queued writer.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include "lock_waiter.h"

/* Called through init_rwsem(), which supplies @name and the class @key. */
void __init_rwsem(struct rw_semaphore *rws, const char *name,
		  struct lock_class_key *key)
{
	spin_lock_init(&rws->lock);
	rws->count = 0;
	rws->owner = NULL;
	INIT_LIST_HEAD(&rws->wait_list);
	lockdep_init_map(lockdep_map_of(rws), name, key, LD_WAIT_SLEEP);
}

/* Grant the lock to whoever may have it now. Called with rws->lock held. */
static void rwsem_grant(struct rw_semaphore *rws)
{
	struct lock_waiter *w;

	while ((w = list_first_entry_or_null(&rws->wait_list,
					     struct lock_waiter, list))) {
		if (w->write) {
			if (rws->count == 0) {
				rws->count = -1;
				rws->owner = w->task;
				lock_waiter_grant(w);
			}
			return;
		}
		if (rws->count < 0)
			return;
		rws->count++;
		lock_waiter_grant(w);
	}
}

static void rwsem_wait(struct rw_semaphore *rws, unsigned long *flags,
		       bool write)
{
	struct lock_waiter w;

	lock_waiter_init(&w, write);
	list_add_tail(&w.list, &rws->wait_list);
	lock_waiter_wait(&rws->lock, flags, &w, U64_MAX);
}

/**
 * down_read - take @rws shared, sleeping while a writer holds or waits
 * @rws: the semaphore
 */
void down_read(struct rw_semaphore *rws)
{
	unsigned long flags;

	lock_might_sleep();
	lock_acquire(lockdep_map_of(rws), LOCKDEP_READ, false, _RET_IP_);
	spin_lock_irqsave(&rws->lock, flags);
	if (rws->count >= 0 && list_empty(&rws->wait_list))
		rws->count++;
	else
		rwsem_wait(rws, &flags, false);
	spin_unlock_irqrestore(&rws->lock, flags);
}

/* Return: 1 if taken shared, 0 if that would have to wait. */
int down_read_trylock(struct rw_semaphore *rws)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&rws->lock, flags);
	if (rws->count >= 0 && list_empty(&rws->wait_list)) {
		rws->count++;
		ret = 1;
	}
	spin_unlock_irqrestore(&rws->lock, flags);
	if (ret)
		lock_acquire(lockdep_map_of(rws), LOCKDEP_READ, true, _RET_IP_);
	return ret;
}

void up_read(struct rw_semaphore *rws)
{
	unsigned long flags;

	lock_release(lockdep_map_of(rws), _RET_IP_);
	spin_lock_irqsave(&rws->lock, flags);
	if (!WARN_ON_ONCE(rws->count <= 0) && --rws->count == 0)
		rwsem_grant(rws);
	spin_unlock_irqrestore(&rws->lock, flags);
}

/**
 * down_write - take @rws exclusively, sleeping while anyone holds it
 * @rws: the semaphore
 */
void down_write(struct rw_semaphore *rws)
{
	unsigned long flags;

	lock_might_sleep();
	lock_acquire(lockdep_map_of(rws), LOCKDEP_WRITE, false, _RET_IP_);
	spin_lock_irqsave(&rws->lock, flags);
	if (rws->count == 0 && list_empty(&rws->wait_list)) {
		rws->count = -1;
		rws->owner = current;
	} else {
		rwsem_wait(rws, &flags, true);
	}
	spin_unlock_irqrestore(&rws->lock, flags);
}

/* Return: 1 if taken exclusively, 0 if that would have to wait. */
int down_write_trylock(struct rw_semaphore *rws)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&rws->lock, flags);
	if (rws->count == 0 && list_empty(&rws->wait_list)) {
		rws->count = -1;
		rws->owner = current;
		ret = 1;
	}
	spin_unlock_irqrestore(&rws->lock, flags);
	if (ret)
		lock_acquire(lockdep_map_of(rws), LOCKDEP_WRITE, true,
			     _RET_IP_);
	return ret;
}

void up_write(struct rw_semaphore *rws)
{
	unsigned long flags;

	lock_release(lockdep_map_of(rws), _RET_IP_);
	spin_lock_irqsave(&rws->lock, flags);
	WARN_ON_ONCE(rws->count != -1 || rws->owner != current);
	rws->count = 0;
	rws->owner = NULL;
	rwsem_grant(rws);
	spin_unlock_irqrestore(&rws->lock, flags);
}

/**
 * downgrade_write - turn a held write lock into a read lock
 * @rws: held for writing by the caller
 *
 * Readers queued at the head join at once; a queued writer still waits.
 */
void downgrade_write(struct rw_semaphore *rws)
{
	unsigned long flags;

	lock_downgrade(lockdep_map_of(rws), _RET_IP_);
	spin_lock_irqsave(&rws->lock, flags);
	WARN_ON_ONCE(rws->count != -1);
	rws->count = 1;
	rws->owner = NULL;
	rwsem_grant(rws);
	spin_unlock_irqrestore(&rws->lock, flags);
}

bool rwsem_is_locked(struct rw_semaphore *rws)
{
	return READ_ONCE(rws->count) != 0;
}
