/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scheduler's private view: one run queue per CPU, and the helpers
 * files of kernel/sched share. Nothing outside kernel/sched includes this.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

/**
 * struct rq - the tasks one CPU runs
 *
 * @lock protects every field below and the @run_list/@on_rq of the tasks
 * queued here; it is taken with interrupts off. Lock order: a task's
 * pi_lock, then a run queue lock; never two run queue locks at once.
 */
struct rq {
	spinlock_t lock;
	struct list_head queue;		/* runnable and waiting, FIFO */
	unsigned int nr_queued;
	struct task_struct *curr;	/* running now */
	struct task_struct *idle;	/* runs when @queue is empty */
	struct list_head dead;		/* exited, stacks not yet freed */
	unsigned long switch_flags;	/* irq flags of the task switching out */
	bool online;			/* accepts tasks (idle task exists) */
	bool tick_seen;			/* scheduler_tick() has run here */
	int cpu;
} __aligned(64);

extern struct rq sched_runqueues[CONFIG_NR_CPUS];
extern bool sched_irqs_live;

int sched_cpu(void);

static inline struct rq *cpu_rq(int cpu)
{
	return &sched_runqueues[cpu];
}

static inline struct rq *this_rq(void)
{
	return cpu_rq(sched_cpu());
}

void sched_reap_dead(void);
void sched_timers_run(void);

#endif /* _KERNEL_SCHED_SCHED_H */
