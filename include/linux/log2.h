/* SPDX-License-Identifier: GPL-2.0 */
/* Integer logarithms and powers of two. */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/types.h>

static inline int ilog2(unsigned long v)
{
	return 63 - __builtin_clzl(v);
}

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1 : 1UL << (64 - __builtin_clzl(n - 1));
}

#define __ffs(x) ((unsigned long)__builtin_ctzl(x))
#define fls64(x) ((x) ? 64 - __builtin_clzll(x) : 0)

#endif /* _LINUX_LOG2_H */
