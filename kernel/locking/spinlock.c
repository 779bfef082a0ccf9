// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlocks under CONFIG_PROVE_LOCKING: out of line, so that the
 * validator sees the caller's address, and each lock and unlock reported
 * to it before the bare lock is touched.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>

/* Called through spin_lock_init(), which supplies @name and @key. */
void __spin_lock_init(spinlock_t *l, const char *name,
		      struct lock_class_key *key)
{
	l->raw.locked = 0;
	lockdep_init_map(&l->dep_map, name, key, LD_WAIT_SPIN);
}

/* spin_lock - take @l, spinning while another CPU holds it */
void spin_lock(spinlock_t *l)
{
	lock_acquire(&l->dep_map, LOCKDEP_WRITE, false, _RET_IP_);
	arch_spin_lock(&l->raw);
}

/* spin_unlock - release @l, which the caller holds */
void spin_unlock(spinlock_t *l)
{
	lock_release(&l->dep_map, _RET_IP_);
	arch_spin_unlock(&l->raw);
}
