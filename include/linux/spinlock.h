/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks: a test-and-set lock that also disables interrupts in the
 * _irqsave form. With CONFIG_PROVE_LOCKING each spinlock_t also names a
 * lock class and its lock/unlock go through the validator; arch_spinlock_t
 * is the bare lock, for the validator's own use.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/lockdep.h>
#include <asm/irqflags.h>

typedef struct {
	volatile unsigned int locked;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0 }

static inline void arch_spin_lock(arch_spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked)
			__asm__ __volatile__("pause");
}

static inline void arch_spin_unlock(arch_spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

typedef struct {
	arch_spinlock_t raw;
#ifdef CONFIG_PROVE_LOCKING
	struct lockdep_map dep_map;
#endif
} spinlock_t;

#ifdef CONFIG_PROVE_LOCKING
#define SPIN_DEP_MAP_INIT(name) \
	, .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, LD_WAIT_SPIN)
#else
#define SPIN_DEP_MAP_INIT(name)
#endif

/* Static initialiser of the spinlock @name (also its class name). */
#define SPINLOCK_STATIC_INIT(name) \
	{ .raw = __ARCH_SPIN_LOCK_UNLOCKED SPIN_DEP_MAP_INIT(name) }
#define DEFINE_SPINLOCK(lock_name) \
	spinlock_t lock_name = SPINLOCK_STATIC_INIT(lock_name)

#ifdef CONFIG_PROVE_LOCKING

void __spin_lock_init(spinlock_t *l, const char *name,
		      struct lock_class_key *key);
void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);

/* Every lock set up by one spin_lock_init() line is one class. */
#define spin_lock_init(l)						\
	do {								\
		static struct lock_class_key site_key;			\
									\
		__spin_lock_init((l), #l, &site_key);			\
	} while (0)

#else /* !CONFIG_PROVE_LOCKING */

static inline void spin_lock_init(spinlock_t *l)
{
	l->raw.locked = 0;
}

static inline void spin_lock(spinlock_t *l)
{
	arch_spin_lock(&l->raw);
}

static inline void spin_unlock(spinlock_t *l)
{
	arch_spin_unlock(&l->raw);
}

#endif /* CONFIG_PROVE_LOCKING */

static inline bool spin_is_locked(spinlock_t *l)
{
	return l->raw.locked;
}

#define spin_lock_irqsave(l, flags) \
	do { flags = arch_local_irq_save(); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) \
	do { spin_unlock(l); arch_local_irq_restore(flags); } while (0)

#endif /* _LINUX_SPINLOCK_H */
