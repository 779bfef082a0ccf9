/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counting semaphores: down() takes one unit or sleeps, up() returns one
 * (to the longest waiter first). up() is safe from interrupts; the down()
 * family needs task context, except down_trylock().
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/errno.h>


/* @lock protects @count and @wait_list; taken with interrupts off. */
struct semaphore {
	spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(sem, n) {				\
	.wait_list = LIST_HEAD_INIT(sem.wait_list),			\
	.lock = SPINLOCK_STATIC_INIT(sem.lock),				\
	.count = (n),							\
}
#define DEFINE_SEMAPHORE(name, n) \
	struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long timeout);
int down_timeout_ns(struct semaphore *sem, u64 timeout_ns);
void up(struct semaphore *sem);

#endif /* _LINUX_SEMAPHORE_H */
