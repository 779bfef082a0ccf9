/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Preemption control. Each task counts the sections in which it must not
 * be switched out by the tick; the scheduler only preempts at count 0.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>

/* Defined in kernel/sched/core.c; the count lives in the current task. */
int *sched_preempt_count_ptr(void);
void preempt_schedule(void);

static inline int preempt_count(void)
{
	return READ_ONCE(*sched_preempt_count_ptr());
}

/* Code between these two is never switched out by the tick. */
static inline void preempt_disable(void)
{
	(*sched_preempt_count_ptr())++;
	barrier();
}

/* Drops the count without rescheduling, even if a switch is due. */
static inline void preempt_enable_no_resched(void)
{
	barrier();
	(*sched_preempt_count_ptr())--;
}

/* Drops the count and switches now if the tick asked for it meanwhile. */
static inline void preempt_enable(void)
{
	preempt_enable_no_resched();
	preempt_schedule();
}

static inline bool preemptible(void)
{
	return preempt_count() == 0;
}

#endif /* _LINUX_PREEMPT_H */
