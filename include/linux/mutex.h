/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutexes: sleeping locks with an owner. A contended mutex_lock() sleeps;
 * mutex_unlock() hands the lock to the longest waiter, so waiters are
 * served in arrival order. Task context only.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

/* @wait_lock protects @owner and @wait_list; taken with interrupts off. */
struct mutex {
	spinlock_t wait_lock;
	struct task_struct *owner;
	struct list_head wait_list;
#ifdef CONFIG_PROVE_LOCKING
	struct lockdep_map dep_map;
#endif
};

#ifdef CONFIG_PROVE_LOCKING
#define MUTEX_DEP_MAP_INIT(m) \
	.dep_map = STATIC_LOCKDEP_MAP_INIT(#m, LD_WAIT_SLEEP),
#else
#define MUTEX_DEP_MAP_INIT(m)
#endif

#define __MUTEX_INITIALIZER(m) {					\
	.wait_list = LIST_HEAD_INIT(m.wait_list),			\
	.wait_lock = SPINLOCK_STATIC_INIT(m.wait_lock),			\
	.owner = NULL,							\
	MUTEX_DEP_MAP_INIT(m)						\
}
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key);

/* Every mutex set up by one mutex_init() line is one lock class. */
#define mutex_init(m)							\
	do {								\
		static struct lock_class_key site_key;			\
									\
		__mutex_init((m), #m, &site_key);				\
	} while (0)

void mutex_lock(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
bool mutex_is_owner(struct mutex *lock);

#endif /* _LINUX_MUTEX_H */
