/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Delays: busy-waiting ones (udelay, mdelay) for any context, and sleeping
 * ones (msleep, usleep_range) for task context, which let other tasks run.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>
#include <linux/time.h>

static inline void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

static inline void ndelay(unsigned long nsecs)
{
	udelay((nsecs + 999) / 1000);
}

/* Sleep at least @ns nanoseconds (kernel/sched/timeout.c). */
void sleep_ns(u64 ns);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int ms);
void usleep_range(unsigned long min_us, unsigned long max_us);

static inline void ssleep(unsigned int secs)
{
	msleep(secs * 1000);
}

#endif /* _LINUX_DELAY_H */
