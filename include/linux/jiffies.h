/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jiffies: ticks of the periodic timer since interrupts were enabled, HZ
 * per second. CPU 0's tick advances it; compare with time_after().
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/percpu.h>

#define HZ		CONFIG_HZ

extern volatile unsigned long jiffies;
/* Timer interrupts taken by each CPU. */
DECLARE_PER_CPU(unsigned long, tick_count);

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * 1000 / HZ;
}

/* Called from every CPU's tick; the scheduler overrides the empty default. */
void scheduler_tick(void);

#endif /* _LINUX_JIFFIES_H */
