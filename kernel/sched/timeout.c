// SPDX-License-Identifier: GPL-2.0
/*
 * Timed sleeps: schedule_timeout(), msleep() and usleep_range() on one
 * deadline-ordered list of sleeping tasks, checked by the tick, by every
 * schedule() and by the idle loop.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/sched/signal.h>
#include "sched.h"

/*
 * DOC: timed sleeps
 *
 * A task that sleeps with a timeout puts itself on sched_timers, sorted by
 * deadline (ktime_get_ns() nanoseconds), and sleeps. sched_timers_run()
 * wakes every task whose deadline passed. With a tick the resolution is a
 * tick; without one, sleepers are woken when some CPU calls schedule() or
 * idles, which polls.
 */

/* Lock order: sched_timer_lock, then a task's pi_lock, then rq locks. */
static DEFINE_SPINLOCK(sched_timer_lock);
static LIST_HEAD(sched_timers);
static u64 sched_timer_next = U64_MAX;	/* earliest deadline, for peeking */

static void timer_arm(struct task_struct *p, u64 deadline)
{
	struct task_struct *t;
	struct list_head *pos = &sched_timers;
	unsigned long flags;

	spin_lock_irqsave(&sched_timer_lock, flags);
	list_for_each_entry(t, &sched_timers, timer_node) {
		if (t->timer_deadline_ns > deadline) {
			pos = &t->timer_node;
			break;
		}
	}
	p->timer_deadline_ns = deadline;
	p->timer_armed = true;
	list_add_tail(&p->timer_node, pos);
	if (deadline < sched_timer_next)
		WRITE_ONCE(sched_timer_next, deadline);
	spin_unlock_irqrestore(&sched_timer_lock, flags);
}

static void timer_update_next(void)
{
	struct task_struct *t;

	t = list_first_entry_or_null(&sched_timers, struct task_struct,
				     timer_node);
	WRITE_ONCE(sched_timer_next, t ? t->timer_deadline_ns : U64_MAX);
}

static void timer_disarm(struct task_struct *p)
{
	unsigned long flags;

	if (!READ_ONCE(p->timer_armed))
		return;
	spin_lock_irqsave(&sched_timer_lock, flags);
	if (p->timer_armed) {
		list_del_init(&p->timer_node);
		p->timer_armed = false;
		timer_update_next();
	}
	spin_unlock_irqrestore(&sched_timer_lock, flags);
}

/**
 * sched_timers_run - wake the tasks whose sleep has timed out
 *
 * Cheap when nothing is due. Safe from interrupts; the caller must not
 * hold a scheduler lock.
 */
void sched_timers_run(void)
{
	unsigned long flags;
	u64 now;

	if (READ_ONCE(sched_timer_next) == U64_MAX)
		return;
	now = ktime_get_ns();
	if (READ_ONCE(sched_timer_next) > now)
		return;
	spin_lock_irqsave(&sched_timer_lock, flags);
	for (;;) {
		struct task_struct *t;

		t = list_first_entry_or_null(&sched_timers, struct task_struct,
					     timer_node);
		if (!t || t->timer_deadline_ns > now)
			break;
		list_del_init(&t->timer_node);
		t->timer_armed = false;
		/* The sleeper disarms under this lock, so @t is alive. */
		wake_up_state(t, TASK_NORMAL);
	}
	timer_update_next();
	spin_unlock_irqrestore(&sched_timer_lock, flags);
}

/**
 * schedule_timeout_ns - sleep until woken or @timeout_ns nanoseconds pass
 * @timeout_ns: how long at most; U64_MAX sleeps without a timeout
 *
 * The caller sets the sleeping state first (set_current_state()), as for
 * schedule(); the task is RUNNING on return.
 *
 * Return: the nanoseconds left, 0 if the timeout passed.
 */
u64 schedule_timeout_ns(u64 timeout_ns)
{
	u64 deadline, now;

	if (timeout_ns == U64_MAX) {
		schedule();
		return U64_MAX;
	}
	now = ktime_get_ns();
	deadline = now + timeout_ns;
	timer_arm(current, deadline);
	schedule();
	timer_disarm(current);
	__set_current_state(TASK_RUNNING);
	now = ktime_get_ns();
	return deadline > now ? deadline - now : 0;
}

/**
 * schedule_timeout - Linux's form: the timeout in jiffies (HZ per second)
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 *
 * Return: jiffies left (at least 1 if woken early), 0 on timeout.
 */
long schedule_timeout(long timeout)
{
	u64 left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return MAX_SCHEDULE_TIMEOUT;
	}
	if (timeout <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	left = schedule_timeout_ns(sched_jiffies_to_ns(timeout));
	if (!left)
		return 0;
	return max(1L, (long)(left / sched_jiffies_to_ns(1)));
}

long schedule_timeout_uninterruptible(long timeout)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/**
 * sleep_ns - sleep at least @ns nanoseconds
 * @ns: the duration
 *
 * Never returns early; may return late by up to a tick (or, without a
 * tick, until a CPU next schedules or idles).
 */
void sleep_ns(u64 ns)
{
	u64 deadline = ktime_get_ns() + ns;

	for (;;) {
		u64 now = ktime_get_ns();

		if (now >= deadline)
			break;
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule_timeout_ns(deadline - now);
	}
}

void msleep(unsigned int msecs)
{
	sleep_ns((u64)msecs * NSEC_PER_MSEC);
}

/**
 * msleep_interruptible - sleep @ms milliseconds unless a signal comes
 * @ms: the duration
 *
 * A kernel thread (no signals) sleeps the whole time; a user task wakes
 * early when a signal is pending for it.
 *
 * Return: 0 after the whole sleep, else the milliseconds left (at least
 * 1), as Linux's.
 */
unsigned long msleep_interruptible(unsigned int ms)
{
	u64 deadline = ktime_get_ns() + (u64)ms * NSEC_PER_MSEC;

	for (;;) {
		u64 now = ktime_get_ns();

		if (now >= deadline)
			return 0;
		if (signal_pending(current))
			return max_t(u64, 1, (deadline - now) / NSEC_PER_MSEC);
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule_timeout_ns(deadline - now);
		__set_current_state(TASK_RUNNING);
	}
}

/**
 * usleep_range - sleep between @min_us and about @max_us microseconds
 * @min_us: the least
 * @max_us: the most the caller is happy with (a hint: never enforced)
 */
void usleep_range(unsigned long min_us, unsigned long max_us)
{
	sleep_ns((u64)min_us * NSEC_PER_USEC);
}
