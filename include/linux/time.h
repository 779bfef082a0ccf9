/* SPDX-License-Identifier: GPL-2.0 */
/* Monotonic time since boot, from the calibrated TSC. */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

#define NSEC_PER_USEC	1000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_SEC	1000000000ULL

/* struct timespec and struct timeval as x86-64 user space has them. */
struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

/* Nanoseconds since the TSC was calibrated; 0 before that. */
u64 ktime_get_ns(void);
/* CLOCK_REALTIME: nanoseconds since 1970 (kernel/time.c, CMOS clock). */
u64 ktime_get_real_ns(void);
void udelay(unsigned long usecs);

#endif /* _LINUX_TIME_H */
