// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: time system calls
 *
 * CLOCK_MONOTONIC, CLOCK_BOOTTIME and their raw and coarse forms are
 * ktime_get_ns(), the TSC clock since boot. CLOCK_REALTIME is that plus
 * the wall time at boot, read once from the CMOS real-time clock (UTC,
 * as QEMU keeps it); clock_settime() is refused. CPU-time clocks report
 * the monotonic clock too (Tide does not account CPU time per task).
 * Sleeps (nanosleep, clock_nanosleep) are interruptible and restart
 * after a signal without a handler.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/cpu_time.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/io.h>
#include <asm/processor.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define TIMER_ABSTIME			1

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71

static DEFINE_SPINLOCK(rtc_lock);	/* the CMOS index port; irqs off */
static u64 boot_wall_ns;		/* wall time at ktime 0; 0: unread */

static unsigned int cmos_read(u8 reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

static unsigned int bcd(unsigned int v, bool binary)
{
	return binary ? v : (v & 15) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to @y-@m-@d (proleptic Gregorian). */
static u64 days_since_epoch(unsigned int y, unsigned int m, unsigned int d)
{
	/* Shift the year to start in March, so February comes last. */
	u64 era_y = m <= 2 ? y - 1 : y;
	unsigned int mp = m <= 2 ? m + 9 : m - 3;
	u64 days = era_y * 365 + era_y / 4 - era_y / 100 + era_y / 400;

	days += (153 * mp + 2) / 5 + d - 1;
	return days - 719468;	/* 1970-03-01 counted from year 0 */
}

/* Wall-clock seconds from the CMOS clock, read when no update runs. */
static u64 rtc_read_seconds(void)
{
	unsigned int sec, min, hour, day, mon, year, regb;
	unsigned long flags;
	bool binary;
	int tries;

	spin_lock_irqsave(&rtc_lock, flags);
	for (tries = 0; tries < 1000000 && (cmos_read(0x0a) & 0x80); tries++)
		cpu_relax();
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	regb = cmos_read(0x0b);
	spin_unlock_irqrestore(&rtc_lock, flags);
	binary = regb & 0x04;
	sec = bcd(sec, binary);
	min = bcd(min, binary);
	hour = bcd(hour & 0x7f, binary);
	day = bcd(day, binary);
	mon = bcd(mon, binary);
	year = bcd(year, binary) + 2000;
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;
	return days_since_epoch(year, mon, day) * 86400 + hour * 3600 +
	       min * 60 + sec;
}

/**
 * ktime_get_real_ns - CLOCK_REALTIME in nanoseconds since 1970
 *
 * Return: the wall time, from the CMOS clock at first use plus the
 * monotonic clock since.
 */
u64 ktime_get_real_ns(void)
{
	u64 wall = READ_ONCE(boot_wall_ns);

	if (!wall) {
		u64 now = ktime_get_ns();

		wall = rtc_read_seconds() * NSEC_PER_SEC - now;
		WRITE_ONCE(boot_wall_ns, wall);
	}
	return wall + ktime_get_ns();
}

static int clock_now(int clock, u64 *ns)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	}
	return -EINVAL;
}

static int put_timespec(u64 ns, void __user *uts)
{
	struct timespec64 ts = {
		.tv_sec = ns / NSEC_PER_SEC,
		.tv_nsec = ns % NSEC_PER_SEC,
	};

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

static int get_timespec_ns(const void __user *uts, u64 *ns)
{
	struct timespec64 ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

static long sys_clock_gettime(struct pt_regs *regs)
{
	u64 ns;
	int ret = clock_now((int)SC_ARG0(regs), &ns);

	return ret ? ret : put_timespec(ns, (void __user *)SC_ARG1(regs));
}
SYSCALL_ENTRY(clock_gettime, sys_clock_gettime);

static long sys_clock_getres(struct pt_regs *regs)
{
	u64 ns;
	int ret = clock_now((int)SC_ARG0(regs), &ns);

	if (ret || !SC_ARG1(regs))
		return ret;
	return put_timespec(1, (void __user *)SC_ARG1(regs));
}
SYSCALL_ENTRY(clock_getres, sys_clock_getres);

static long sys_gettimeofday(struct pt_regs *regs)
{
	u64 ns = ktime_get_real_ns();
	struct __kernel_old_timeval tv = {
		.tv_sec = ns / NSEC_PER_SEC,
		.tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC,
	};
	void __user *utv = (void __user *)SC_ARG0(regs);
	void __user *utz = (void __user *)SC_ARG1(regs);

	if (utv && copy_to_user(utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (utz && clear_user(utz, 8))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(gettimeofday, sys_gettimeofday);

static long sys_time(struct pt_regs *regs)
{
	long t = ktime_get_real_ns() / NSEC_PER_SEC;

	if (SC_ARG0(regs) && put_user(t, (long __user *)SC_ARG0(regs)))
		return -EFAULT;
	return t;
}
SYSCALL_ENTRY(time, sys_time);

/*
 * Sleep until CLOCK_MONOTONIC reaches @deadline or a signal comes.
 * Return: 0, or -ERESTARTNOHAND with the time left in *@left.
 */
static int sleep_until(u64 deadline, u64 *left)
{
	for (;;) {
		u64 now = ktime_get_ns();

		if (now >= deadline)
			return 0;
		if (signal_pending(current)) {
			*left = deadline - now;
			return -ERESTARTNOHAND;
		}
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule_timeout_ns(deadline - now);
		__set_current_state(TASK_RUNNING);
	}
}

/* nanosleep(req, rem) */
static long sys_nanosleep(struct pt_regs *regs)
{
	void __user *rem = (void __user *)SC_ARG1(regs);
	u64 ns, left = 0;
	int ret = get_timespec_ns((const void __user *)SC_ARG0(regs), &ns);

	if (ret)
		return ret;
	ret = sleep_until(ktime_get_ns() + ns, &left);
	if (ret && rem && put_timespec(left, rem))
		return -EFAULT;
	return ret;
}
SYSCALL_ENTRY(nanosleep, sys_nanosleep);

/* clock_nanosleep(clock, flags, req, rem) */
static long sys_clock_nanosleep(struct pt_regs *regs)
{
	int clock = (int)SC_ARG0(regs), flags = (int)SC_ARG1(regs);
	void __user *rem = (void __user *)SC_ARG3(regs);
	u64 ns, now, left = 0, deadline;
	int ret;

	if (clock == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	ret = clock_now(clock, &now);
	if (ret)
		return ret;
	ret = get_timespec_ns((const void __user *)SC_ARG2(regs), &ns);
	if (ret)
		return ret;
	if (flags & TIMER_ABSTIME)
		deadline = ktime_get_ns() + (ns > now ? ns - now : 0);
	else
		deadline = ktime_get_ns() + ns;
	ret = sleep_until(deadline, &left);
	if (ret && !(flags & TIMER_ABSTIME) && rem && put_timespec(left, rem))
		return -EFAULT;
	return ret;
}
SYSCALL_ENTRY(clock_nanosleep, sys_clock_nanosleep);

/* clock_t of times(): USER_HZ ticks a second, whatever HZ is. */
#define USER_HZ		100
#define NS_PER_CLOCK_T	(NSEC_PER_SEC / USER_HZ)

/*
 * times(buf): the process's user and system time and its reaped
 * children's, in clock_t; returns the ticks since boot.
 */
static long sys_times(struct pt_regs *regs)
{
	void __user *buf = (void __user *)SC_ARG0(regs);
	struct cputime self, children;
	long tms[4];

	if (buf) {
		cputime_of(current, CPUTIME_GROUP, &self);
		cputime_of(current, CPUTIME_CHILDREN, &children);
		tms[0] = self.utime / NS_PER_CLOCK_T;
		tms[1] = self.stime / NS_PER_CLOCK_T;
		tms[2] = children.utime / NS_PER_CLOCK_T;
		tms[3] = children.stime / NS_PER_CLOCK_T;
		if (copy_to_user(buf, tms, sizeof(tms)))
			return -EFAULT;
	}
	return ktime_get_ns() / NS_PER_CLOCK_T;
}
SYSCALL_ENTRY(times, sys_times);

static long sys_sched_yield(struct pt_regs *regs)
{
	yield();
	return 0;
}
SYSCALL_ENTRY(sched_yield, sys_sched_yield);
