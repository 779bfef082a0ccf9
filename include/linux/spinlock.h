/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks: a test-and-set lock that also disables interrupts in the
 * _irqsave form. Tide runs one CPU until SMP arrives; the lock is real so
 * that code written now stays correct then.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <asm/irqflags.h>

typedef struct {
	volatile unsigned int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED { 0 }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *l)
{
	l->locked = 0;
}

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked)
			__asm__ __volatile__("pause");
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *l)
{
	return l->locked;
}

#define spin_lock_irqsave(l, flags) \
	do { flags = arch_local_irq_save(); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) \
	do { spin_unlock(l); arch_local_irq_restore(flags); } while (0)

#endif /* _LINUX_SPINLOCK_H */
