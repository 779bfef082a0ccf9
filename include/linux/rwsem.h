/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-write semaphores: many readers or one writer. Waiters queue in
 * arrival order; a reader that arrives while a writer waits queues behind
 * it, so writers are not starved. Task context only.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

/*
 * @count: readers holding it, or -1 while a writer does. @lock protects
 * every field; taken with interrupts off.
 */
struct rw_semaphore {
	spinlock_t lock;
	long count;
	struct task_struct *owner;	/* the writer, for debugging */
	struct list_head wait_list;
#ifdef CONFIG_PROVE_LOCKING
	struct lockdep_map dep_map;
#endif
};

#ifdef CONFIG_PROVE_LOCKING
#define RWSEM_DEP_MAP_INIT(sem) \
	.dep_map = STATIC_LOCKDEP_MAP_INIT(#sem, LD_WAIT_SLEEP),
#else
#define RWSEM_DEP_MAP_INIT(sem)
#endif

#define __RWSEM_INITIALIZER(sem) {					\
	.wait_list = LIST_HEAD_INIT(sem.wait_list),			\
	.lock = SPINLOCK_STATIC_INIT(sem.lock),				\
	.count = 0,							\
	.owner = NULL,							\
	RWSEM_DEP_MAP_INIT(sem)						\
}
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *rws, const char *name,
		  struct lock_class_key *key);

/*
 * Every rwsem set up by one init_rwsem() line is one lock class. A reader
 * queues behind a waiting writer, so taking one for reading inside
 * another of the same class can deadlock: the validator reports it.
 */
#define init_rwsem(sem)							\
	do {								\
		static struct lock_class_key site_key;			\
									\
		__init_rwsem((sem), #sem, &site_key);			\
	} while (0)

void down_read(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
bool rwsem_is_locked(struct rw_semaphore *sem);

#endif /* _LINUX_RWSEM_H */
