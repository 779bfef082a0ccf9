/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock-dependency validator (CONFIG_PROVE_LOCKING): every lock carries
 * a lockdep_map naming its class; the lock calls lock_acquire() and
 * lock_release() and kernel/locking/lockdep.c checks the order of classes.
 * Documentation/locking/lockdep.rst says what it checks and how to read a
 * report.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * A class is identified by the address of a lock_class_key: a static
 * object that the init macro of the lock declares at its call site, so
 * every lock set up by one spin_lock_init() (mutex_init(), ...) line
 * shares a class. A statically initialised lock is its own key.
 */
struct lock_class_key {
	char unique;		/* non-empty, so that each has an address */
};

/* What waiting for a lock does: spin (atomic) or sleep. */
enum lockdep_wait {
	LD_WAIT_SPIN = 0,
	LD_WAIT_SLEEP = 1,
};

/* The @read argument of lock_acquire(). */
#define LOCKDEP_WRITE		0	/* exclusive */
#define LOCKDEP_READ		1	/* shared, but may wait for a writer */
#define LOCKDEP_READ_RECURSIVE	2	/* shared, never waits while shared */

struct lock_class;

/*
 * @key:  NULL for a lock set up by a static initialiser: then the map's
 *        own address is the key
 * @name: the lock's name as written at its init site (a static string)
 * @class: cached after the first acquire
 */
struct lockdep_map {
	struct lock_class_key *key;
	const char *name;
	struct lock_class *class;
	unsigned char wait;
};

#define _RET_IP_	((unsigned long)__builtin_return_address(0))
/* The address of the code that uses it (a label placed right there). */
#define _THIS_IP_	({ __label__ ip_here; ip_here: (unsigned long)&&ip_here; })

#ifdef CONFIG_PROVE_LOCKING

/* The map inside a lock, or NULL where locks carry none. */
#define lockdep_map_of(lock)	(&(lock)->dep_map)

#define STATIC_LOCKDEP_MAP_INIT(_name, _wait)				\
	{ .name = (_name), .wait = (_wait) }

void lockdep_init_map(struct lockdep_map *map, const char *name,
		      struct lock_class_key *key, enum lockdep_wait wait);
void lock_acquire(struct lockdep_map *map, int read, bool trylock,
		  unsigned long ip);
void lock_release(struct lockdep_map *map, unsigned long ip);
void lock_downgrade(struct lockdep_map *map, unsigned long ip);

/*
 * The run queue lock is taken by one task and dropped by the next across
 * a context switch: these move it from one task's held list to the other
 * without checking anything.
 */
void lockdep_switch_out(struct lockdep_map *map);
void lockdep_switch_in(struct lockdep_map *map, unsigned long ip);

/* Whether @p is in the kernel image (can serve as a class key). */
bool lockdep_static_obj(const void *p);

/* Reports printed since boot (test-mode ones included). */
unsigned int lockdep_reports(void);
/* Whether the validator still runs (it stops after its first report). */
bool lockdep_enabled(void);

/*
 * Test mode, for the KUnit suite: reports are printed at KERN_INFO without
 * the word that fails a boot, and the validator stays on after them.
 */
void lockdep_test_begin(void);
void lockdep_test_end(void);

#else /* !CONFIG_PROVE_LOCKING */

#define lockdep_map_of(lock)	((struct lockdep_map *)NULL)
#define STATIC_LOCKDEP_MAP_INIT(_name, _wait)	{ }

static inline void lockdep_init_map(struct lockdep_map *map, const char *name,
				    struct lock_class_key *key,
				    enum lockdep_wait wait) { }
static inline void lock_acquire(struct lockdep_map *map, int read,
				bool trylock, unsigned long ip) { }
static inline void lock_release(struct lockdep_map *map, unsigned long ip) { }
static inline void lock_downgrade(struct lockdep_map *map,
				  unsigned long ip) { }
static inline void lockdep_switch_out(struct lockdep_map *map) { }
static inline void lockdep_switch_in(struct lockdep_map *map,
				     unsigned long ip) { }
static inline bool lockdep_static_obj(const void *p) { return false; }
static inline unsigned int lockdep_reports(void) { return 0; }
static inline bool lockdep_enabled(void) { return false; }

#endif /* CONFIG_PROVE_LOCKING */

/* The per-task list of held locks (in task_struct). */
#define LOCKDEP_MAX_HELD	48

struct held_lock {
	struct lockdep_map *map;
	struct lock_class *class;
	unsigned long ip;	/* where it was taken */
	unsigned char read;	/* LOCKDEP_WRITE/READ/READ_RECURSIVE */
	bool hardirq;		/* taken in hard-IRQ context */
	bool trylock;
};

#endif /* _LINUX_LOCKDEP_H */
