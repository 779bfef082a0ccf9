// SPDX-License-Identifier: GPL-2.0
/*
 * Cross calls: run a function on other CPUs, through a queue per target
 * CPU and the architecture's call-function IPI. Also the CPU masks.
 *
 * DOC: cross calls
 *
 * Each CPU owns one call slot (struct call_single_data) per target CPU.
 * A call fills the slot, marks it busy, appends it to the target's queue
 * and sends the IPI; the target runs the function and clears busy. With
 * @wait the caller spins until busy clears; a slot is reused only once it
 * is no longer busy, so async calls need no allocation either. The whole
 * call runs with interrupts off on the caller (no migration between slot
 * and send), and every wait loop runs this CPU's own queue, so CPUs that
 * call each other at once make progress.
 */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/processor.h>
#include <asm/smp.h>

struct cpumask cpus_possible_set = { .bits = { 1 } };
struct cpumask cpus_present_set = { .bits = { 1 } };
struct cpumask cpus_online_set = { .bits = { 1 } };
unsigned int nr_cpu_ids = 1;

/*
 * A target's pending calls, FIFO. @lock protects head and tail; it is a
 * bare arch_spinlock_t, which the lock validator does not see, and a leaf
 * taken with interrupts off. The CPUs waiting in a stop_machine() run
 * their queue while the runner copies kernel pages, and the validator
 * would record each acquire in the current task's held_locks: the task's
 * task_struct may be one of the pages being copied, and a write after
 * the copy would be lost (the validator then saw a lock held twice).
 */
struct call_queue {
	arch_spinlock_t lock;
	struct call_single_data *head, *tail;
};

static DEFINE_PER_CPU(struct call_queue, call_queue);
static DEFINE_PER_CPU(struct call_single_data[NR_CPUS], call_slots);

void __weak scheduler_ipi(void)
{
}

/**
 * smp_process_call_queue - run every cross call queued for this CPU
 *
 * From the call-function IPI and from the wait loops. Interrupts off.
 */
void smp_process_call_queue(void)
{
	struct call_queue *q = this_cpu_ptr(&call_queue);
	struct call_single_data *csd, *next;

	arch_spin_lock(&q->lock);
	csd = q->head;
	q->head = q->tail = NULL;
	arch_spin_unlock(&q->lock);

	for (; csd; csd = next) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		/* Once busy is clear the caller may reuse the slot. */
		next = csd->next;
		func(info);
		smp_store_release(&csd->busy, 0);
	}
}

static void csd_wait(struct call_single_data *csd)
{
	while (smp_load_acquire(&csd->busy)) {
		smp_process_call_queue();
		cpu_relax();
	}
}

static void csd_queue(int cpu, struct call_single_data *csd)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);

	csd->next = NULL;
	arch_spin_lock(&q->lock);
	if (q->tail)
		q->tail->next = csd;
	else
		q->head = csd;
	q->tail = csd;
	arch_spin_unlock(&q->lock);
}

/* Queues @func for the online CPUs of @mask but this one. Interrupts off. */
static void smp_send_calls(const struct cpumask *mask, smp_call_func_t func,
			   void *info)
{
	struct call_single_data *slots = *this_cpu_ptr(&call_slots);
	int self = smp_processor_id(), cpu;

	for_each_cpu(cpu, mask) {
		struct call_single_data *csd = &slots[cpu];

		if (cpu == self || !cpu_online(cpu))
			continue;
		csd_wait(csd);
		csd->func = func;
		csd->info = info;
		csd->busy = 1;
		csd_queue(cpu, csd);
		arch_send_call_function_ipi(cpu);
	}
}

/* Waits for this CPU's calls to the CPUs of @mask. Interrupts off. */
static void smp_wait_calls(const struct cpumask *mask)
{
	struct call_single_data *slots = *this_cpu_ptr(&call_slots);
	int self = smp_processor_id(), cpu;

	for_each_cpu(cpu, mask)
		if (cpu != self)
			csd_wait(&slots[cpu]);
}

/**
 * smp_call_function_many - run @func(@info) on the online CPUs of @mask
 *
 * Not on the calling CPU, even if it is in @mask. See <linux/smp.h> for
 * the context @func runs in and for deadlocks to avoid.
 */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	unsigned long flags;

	local_irq_save(flags);
	smp_send_calls(mask, func, info);
	if (wait)
		smp_wait_calls(mask);
	local_irq_restore(flags);
}

/* On every other online CPU. */
void smp_call_function(smp_call_func_t fn, void *arg, bool wait)
{
	smp_call_function_many(cpu_online_mask, fn, arg, wait);
}

/**
 * smp_call_function_single - run @func(@info) on @target
 *
 * On the calling CPU it runs at once, with interrupts off.
 * Return: 0, or -ENXIO if @target is not online.
 */
int smp_call_function_single(int target, smp_call_func_t func, void *info,
			     bool wait)
{
	struct cpumask one = { };
	unsigned long flags;

	if (target < 0 || target >= NR_CPUS || !cpu_online(target))
		return -ENXIO;
	local_irq_save(flags);
	if (target == smp_processor_id()) {
		func(info);
	} else {
		cpumask_set_cpu(target, &one);
		smp_send_calls(&one, func, info);
		if (wait)
			smp_wait_calls(&one);
	}
	local_irq_restore(flags);
	return 0;
}

/**
 * on_each_cpu_mask - run @func(@info) on the online CPUs of @mask
 *
 * Including this CPU if it is in @mask, where @func runs with interrupts
 * off after the calls to the others have been sent.
 */
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func,
		      void *info, bool wait)
{
	unsigned long flags;

	local_irq_save(flags);
	smp_send_calls(mask, func, info);
	if (cpumask_test_cpu(smp_processor_id(), mask))
		func(info);
	if (wait)
		smp_wait_calls(mask);
	local_irq_restore(flags);
}

void on_each_cpu(smp_call_func_t func, void *info, bool wait)
{
	on_each_cpu_mask(cpu_online_mask, func, info, wait);
}

int smp_call_function_single_async(int cpu, struct call_single_data *csd)
{
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);
	if (cpu < 0 || cpu >= NR_CPUS || !cpu_online(cpu) ||
	    cpu == smp_processor_id()) {
		ret = -ENXIO;
	} else if (smp_load_acquire(&csd->busy)) {
		ret = -EBUSY;
	} else {
		csd->busy = 1;
		csd_queue(cpu, csd);
		arch_send_call_function_ipi(cpu);
	}
	local_irq_restore(flags);
	return ret;
}

void smp_send_reschedule(int cpu)
{
	if (cpu_online(cpu))
		arch_send_reschedule_ipi(cpu);
}
