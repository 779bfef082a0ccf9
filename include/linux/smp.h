/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which CPU am I, and running a function on other CPUs: the cross-call
 * interface (kernel/smp.c) over the architecture's IPIs.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/types.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>

#define smp_processor_id()	this_cpu_read(cpu_number)
/* Same thing; "raw" only documents that the caller may migrate after. */
#define raw_smp_processor_id()	smp_processor_id()

typedef void (*smp_call_func_t)(void *arg);

/*
 * Cross calls. @func runs on the target CPUs with interrupts disabled
 * (from the call-function IPI, or while such a CPU waits for its own cross
 * call). With @wait, the caller returns only after @func has returned on
 * every target. The caller may have interrupts disabled: while it waits it
 * runs the calls other CPUs make to it, so two CPUs calling each other do
 * not deadlock. A CPU spinning with interrupts off for a lock that the
 * caller holds is a deadlock, though: don't cross-call under such a lock.
 */
int smp_call_function_single(int target, smp_call_func_t func, void *info,
			     bool wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);
void smp_call_function(smp_call_func_t func, void *info, bool wait);
void on_each_cpu(smp_call_func_t func, void *info, bool wait);
void on_each_cpu_mask(const struct cpumask *mask, smp_call_func_t func,
		      void *info, bool wait);

/*
 * A cross call the caller owns: set func and info, then queue it with
 * smp_call_function_single_async(); busy stays set until func returned on
 * the target. For calls that may run long (stop_machine()), which must
 * not hold up the per-CPU slots the other calls use.
 */
struct call_single_data {
	struct call_single_data *next;	/* in the target's queue */
	smp_call_func_t func;
	void *info;
	unsigned int busy;		/* set by the caller, cleared by the target */
};

/* Return: 0, -ENXIO if @cpu is offline or this CPU, -EBUSY if @csd is busy. */
int smp_call_function_single_async(int cpu, struct call_single_data *csd);

/* Runs the cross calls queued for this CPU. Interrupts must be off. */
void smp_process_call_queue(void);

/* Asks @cpu to call scheduler_ipi() soon. */
void smp_send_reschedule(int cpu);

/* Called on the target of smp_send_reschedule(); the scheduler overrides. */
void scheduler_ipi(void);

/* Memory barriers for data shared between CPUs. */
#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
/* x86 keeps loads and stores in order: only the compiler must not move them. */
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()
#define smp_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)
/*
 * Stores @v in @var, then a full barrier: a sequentially consistent store,
 * which on x86 is an xchg, so earlier accesses are done before it and
 * later loads wait for it (what set_current_state() needs).
 */
#define smp_store_mb(var, v)	__atomic_store_n(&(var), (v), __ATOMIC_SEQ_CST)

#endif /* _LINUX_SMP_H */
