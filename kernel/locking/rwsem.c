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

void init_rwsem(struct rw_semaphore *sem)
{
	spin_lock_init(&sem->lock);
	sem->count = 0;
	sem->owner = NULL;
	INIT_LIST_HEAD(&sem->wait_list);
}

/* Grant the lock to whoever may have it now. Called with sem->lock held. */
static void rwsem_grant(struct rw_semaphore *sem)
{
	struct lock_waiter *w;

	while ((w = list_first_entry_or_null(&sem->wait_list,
					     struct lock_waiter, list))) {
		if (w->write) {
			if (sem->count == 0) {
				sem->count = -1;
				sem->owner = w->task;
				lock_waiter_grant(w);
			}
			return;
		}
		if (sem->count < 0)
			return;
		sem->count++;
		lock_waiter_grant(w);
	}
}

static void rwsem_wait(struct rw_semaphore *sem, unsigned long *flags,
		       bool write)
{
	struct lock_waiter w;

	lock_waiter_init(&w, write);
	list_add_tail(&w.list, &sem->wait_list);
	lock_waiter_wait(&sem->lock, flags, &w, U64_MAX);
}

/**
 * down_read - take @sem shared, sleeping while a writer holds or waits
 * @sem: the semaphore
 */
void down_read(struct rw_semaphore *sem)
{
	unsigned long flags;

	lock_might_sleep();
	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count >= 0 && list_empty(&sem->wait_list))
		sem->count++;
	else
		rwsem_wait(sem, &flags, false);
	spin_unlock_irqrestore(&sem->lock, flags);
}

/* Return: 1 if taken shared, 0 if that would have to wait. */
int down_read_trylock(struct rw_semaphore *sem)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count >= 0 && list_empty(&sem->wait_list)) {
		sem->count++;
		ret = 1;
	}
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

void up_read(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	if (!WARN_ON_ONCE(sem->count <= 0) && --sem->count == 0)
		rwsem_grant(sem);
	spin_unlock_irqrestore(&sem->lock, flags);
}

/**
 * down_write - take @sem exclusively, sleeping while anyone holds it
 * @sem: the semaphore
 */
void down_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	lock_might_sleep();
	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count == 0 && list_empty(&sem->wait_list)) {
		sem->count = -1;
		sem->owner = current;
	} else {
		rwsem_wait(sem, &flags, true);
	}
	spin_unlock_irqrestore(&sem->lock, flags);
}

/* Return: 1 if taken exclusively, 0 if that would have to wait. */
int down_write_trylock(struct rw_semaphore *sem)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sem->lock, flags);
	if (sem->count == 0 && list_empty(&sem->wait_list)) {
		sem->count = -1;
		sem->owner = current;
		ret = 1;
	}
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

void up_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	WARN_ON_ONCE(sem->count != -1 || sem->owner != current);
	sem->count = 0;
	sem->owner = NULL;
	rwsem_grant(sem);
	spin_unlock_irqrestore(&sem->lock, flags);
}

/**
 * downgrade_write - turn a held write lock into a read lock
 * @sem: held for writing by the caller
 *
 * Readers queued at the head join at once; a queued writer still waits.
 */
void downgrade_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	WARN_ON_ONCE(sem->count != -1);
	sem->count = 1;
	sem->owner = NULL;
	rwsem_grant(sem);
	spin_unlock_irqrestore(&sem->lock, flags);
}

bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}
