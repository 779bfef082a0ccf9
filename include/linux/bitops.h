/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic operations on single bits of an unsigned long array (bitmaps,
 * cpumasks). Bit @nr is bit nr % BITS_PER_LONG of word nr / BITS_PER_LONG.
 *
 * On Tide all of these are fully ordered, as the lock-prefixed x86
 * instructions they compile to are. Linux promises ordering only for the
 * test_and_ variants; do not rely on more when writing code to share.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/compiler.h>

#define BITS_PER_LONG		64
/* The word of a bitmap that holds bit @nr, and that bit within the word. */
#define BIT_WORD(nr)		((nr) / (8 * sizeof(unsigned long)))
#define BIT_MASK(nr)		(1UL << ((nr) % BITS_PER_LONG))

static inline void set_bit(unsigned long nr, unsigned long *addr)
{
	__atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_SEQ_CST);
}

static inline void clear_bit(unsigned long nr, unsigned long *addr)
{
	__atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr),
			   __ATOMIC_SEQ_CST);
}

/* Return: whether the bit was set before. */
static inline bool test_and_set_bit(unsigned long nr, unsigned long *addr)
{
	return __atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr),
				 __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

static inline bool test_and_clear_bit(unsigned long nr, unsigned long *addr)
{
	return __atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr),
				  __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

/* A relaxed read of one bit. */
static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return (READ_ONCE(addr[BIT_WORD(nr)]) >> (nr % BITS_PER_LONG)) & 1;
}

#endif /* _LINUX_BITOPS_H */
