// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for SMP: the CPUs that came up, per-CPU data, cross calls (sync
 * and async), the reschedule IPI, a real TLB shootdown seen from the
 * other CPUs, and stop_machine() exclusivity. Cases that need a second
 * CPU skip on a single-CPU boot.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/stop_machine.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/apic.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <kunit/test.h>

#define WAIT_NS		(2 * NSEC_PER_SEC)

static DEFINE_PER_CPU(unsigned long, test_counter);
static DEFINE_PER_CPU(int, test_slot);

static void need_two_cpus(struct kunit *test)
{
	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU online");
}

static void smp_cpus_online(struct kunit *test)
{
	int cpu, other;

	KUNIT_EXPECT_EQ(test, num_online_cpus(), num_present_cpus());
	KUNIT_EXPECT_TRUE(test, cpu_online(0));
	for_each_online_cpu(cpu)
		for_each_online_cpu(other)
			if (other != cpu)
				KUNIT_EXPECT_NE(test, x86_cpu_to_apicid[cpu],
						x86_cpu_to_apicid[other]);
}

static void smp_percpu_cpu0_is_static(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, per_cpu_offset(0), 0UL);
	KUNIT_EXPECT_PTR_EQ(test, per_cpu_ptr(&test_slot, 0), &test_slot);
	KUNIT_EXPECT_EQ(test, per_cpu(cpu_number, 0), 0);
}

static void write_slot(void *info)
{
	this_cpu_write(test_slot, smp_processor_id() * 10 + 1);
	this_cpu_inc(test_counter);
}

/* Every CPU writes its own copy; no copy sees another's write. */
static void smp_percpu_isolation(struct kunit *test)
{
	int cpu;

	for_each_online_cpu(cpu) {
		per_cpu(test_slot, cpu) = -1;
		per_cpu(test_counter, cpu) = 0;
		if (cpu)
			KUNIT_EXPECT_PTR_NE(test, per_cpu_ptr(&test_slot, cpu),
					    per_cpu_ptr(&test_slot, 0));
	}
	on_each_cpu(write_slot, NULL, true);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, per_cpu(test_slot, cpu), cpu * 10 + 1);
		KUNIT_EXPECT_EQ(test, per_cpu(test_counter, cpu), 1UL);
		KUNIT_EXPECT_EQ(test, per_cpu(cpu_number, cpu), cpu);
	}
}

struct who_ran {
	int cpu;
	bool irqs_off;
};

static void record_cpu(void *info)
{
	struct who_ran *w = info;

	w->cpu = smp_processor_id();
	w->irqs_off = !(arch_local_save_flags() & X86_EFLAGS_IF);
}

static void smp_call_single_wait(struct kunit *test)
{
	int cpu;

	for_each_online_cpu(cpu) {
		struct who_ran w = { .cpu = -1 };

		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, record_cpu, &w, true), 0);
		KUNIT_EXPECT_EQ(test, w.cpu, cpu);
		KUNIT_EXPECT_TRUE(test, w.irqs_off);
	}
	KUNIT_EXPECT_EQ(test, smp_call_function_single(NR_CPUS, record_cpu, NULL, true),
			-ENXIO);
}

static atomic_long_t async_hits;

static void async_inc(void *info)
{
	atomic_long_inc(&async_hits);
}

/* wait=false returns at once; every other CPU still runs the call. */
static void smp_call_async(struct kunit *test)
{
	unsigned long want = num_online_cpus() - 1;
	u64 end;
	int i;

	need_two_cpus(test);
	atomic_long_set(&async_hits, 0);
	for (i = 0; i < 100; i++)
		smp_call_function(async_inc, NULL, false);
	end = ktime_get_ns() + WAIT_NS;
	while (atomic_long_read(&async_hits) < 100 * want && ktime_get_ns() < end)
		cpu_relax();
	KUNIT_EXPECT_EQ(test, atomic_long_read(&async_hits), 100 * want);
}

/* Two CPUs cross-calling each other with interrupts off must not hang. */
static void cross_call_back(void *info)
{
	struct who_ran w;

	smp_call_function_single(0, record_cpu, &w, true);
	*(int *)info = w.cpu;
}

static void smp_call_nested_wait(struct kunit *test)
{
	int got = -1;

	need_two_cpus(test);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(1, cross_call_back, &got, true), 0);
	KUNIT_EXPECT_EQ(test, got, 0);
}

static void smp_reschedule_ipi(struct kunit *test)
{
	unsigned long before;
	u64 end;

	need_two_cpus(test);
	before = READ_ONCE(per_cpu(resched_ipi_count, 1));
	smp_send_reschedule(1);
	end = ktime_get_ns() + WAIT_NS;
	while (READ_ONCE(per_cpu(resched_ipi_count, 1)) == before &&
	       ktime_get_ns() < end)
		cpu_relax();
	KUNIT_EXPECT_EQ(test, READ_ONCE(per_cpu(resched_ipi_count, 1)), before + 1);
}

/* Every other CPU reads through the test address, one by one. */
struct tlb_probe {
	volatile u64 *va;
	u64 seen[NR_CPUS];
};

static void tlb_read(void *info)
{
	struct tlb_probe *p = info;

	p->seen[smp_processor_id()] = *p->va;
}

/*
 * The shootdown: page A is mapped at a vmalloc address and every CPU
 * reads it (so each TLB holds A's translation); CPU 0 then points the
 * address at page B through kernel_unmap_range()/kernel_map_range(). A
 * CPU whose TLB was not flushed would still read A's value.
 */
static void smp_tlb_shootdown(struct kunit *test)
{
	struct tlb_probe p = { };
	u64 *a, *b;
	phys_addr_t pa, pb;
	int cpu;

	need_two_cpus(test);
	a = vmalloc(PAGE_SIZE);
	b = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	*a = 0xaaaa;
	*b = 0xbbbb;
	pa = kernel_virt_to_phys((unsigned long)a);
	pb = kernel_virt_to_phys((unsigned long)b);
	p.va = a;

	on_each_cpu(tlb_read, &p, true);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, p.seen[cpu], 0xaaaaULL);

	kernel_unmap_range((unsigned long)a, PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, kernel_map_range((unsigned long)a, pb, PAGE_SIZE,
					       PAGE_KERNEL, 0), 0);
	on_each_cpu(tlb_read, &p, true);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ_MSG(test, p.seen[cpu], 0xbbbbULL, "CPU %d", cpu);

	kernel_unmap_range((unsigned long)a, PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, kernel_map_range((unsigned long)a, pa, PAGE_SIZE,
					       PAGE_KERNEL, 0), 0);
	on_each_cpu(tlb_read, &p, true);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, p.seen[cpu], 0xaaaaULL);
	vfree(a);
	vfree(b);
}

struct stop_probe {
	int ran_on;
	bool irqs_off;
	bool others_quiet;
};

/* While it runs, no other CPU takes a tick: they spin with interrupts off. */
static int stop_fn(void *data)
{
	struct stop_probe *sp = data;
	unsigned long ticks[NR_CPUS];
	u64 start = ktime_get_ns();
	int cpu;

	sp->ran_on = smp_processor_id();
	sp->irqs_off = !(arch_local_save_flags() & X86_EFLAGS_IF);
	for_each_online_cpu(cpu)
		ticks[cpu] = READ_ONCE(per_cpu(tick_count, cpu));
	while (ktime_get_ns() - start < 5 * NSEC_PER_SEC / HZ)
		cpu_relax();
	sp->others_quiet = true;
	for_each_online_cpu(cpu)
		if (READ_ONCE(per_cpu(tick_count, cpu)) != ticks[cpu])
			sp->others_quiet = false;
	return 42;
}

static void smp_stop_machine_exclusive(struct kunit *test)
{
	struct stop_probe sp = { .ran_on = -1 };
	struct cpumask one = { };
	int last = 0, cpu;

	KUNIT_EXPECT_EQ(test, stop_machine(stop_fn, &sp, NULL), 42);
	KUNIT_EXPECT_EQ(test, sp.ran_on, smp_processor_id());
	KUNIT_EXPECT_TRUE(test, sp.irqs_off);
	KUNIT_EXPECT_TRUE(test, sp.others_quiet);

	for_each_online_cpu(cpu)
		last = cpu;
	cpumask_set_cpu(last, &one);
	sp.ran_on = -1;
	KUNIT_EXPECT_EQ(test, stop_machine(stop_fn, &sp, &one), 42);
	KUNIT_EXPECT_EQ(test, sp.ran_on, last);
	KUNIT_EXPECT_TRUE(test, sp.others_quiet);

	cpumask_clear(&one);
	KUNIT_EXPECT_EQ(test, stop_machine(stop_fn, &sp, &one), -EINVAL);
}

static int stop_remap_fn(void *data)
{
	struct tlb_probe *p = data;
	unsigned long va = (unsigned long)p->va;

	/* A shootdown from inside the stop: the spinning CPUs must answer. */
	kernel_unmap_range(va, PAGE_SIZE);
	return kernel_map_range(va, p->seen[0], PAGE_SIZE, PAGE_KERNEL, 0);
}

static void smp_stop_machine_shootdown(struct kunit *test)
{
	struct tlb_probe p = { };
	u64 *a, *b;
	phys_addr_t pa;
	int cpu;

	need_two_cpus(test);
	a = vmalloc(PAGE_SIZE);
	b = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	*a = 1;
	*b = 2;
	pa = kernel_virt_to_phys((unsigned long)a);
	p.va = a;
	on_each_cpu(tlb_read, &p, true);
	p.seen[0] = kernel_virt_to_phys((unsigned long)b);
	KUNIT_EXPECT_EQ(test, stop_machine(stop_remap_fn, &p, NULL), 0);
	on_each_cpu(tlb_read, &p, true);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ_MSG(test, p.seen[cpu], 2ULL, "CPU %d", cpu);
	kernel_unmap_range((unsigned long)a, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, kernel_map_range((unsigned long)a, pa, PAGE_SIZE,
					       PAGE_KERNEL, 0), 0);
	vfree(a);
	vfree(b);
}

struct stop_watch {
	struct task_struct *other;	/* the waiting CPU's task in the stop */
	bool written;			/* it wrote the validator's record */
};

#ifdef CONFIG_PROVE_LOCKING
/* The first unused entry of @t's held-lock record, cleared; or NULL. */
static u8 *clear_free_held_lock(struct task_struct *t)
{
	int depth = READ_ONCE(t->lockdep_depth);

	if (depth < 0 || depth >= LOCKDEP_MAX_HELD)
		return NULL;
	memset(&t->held_locks[depth], 0, sizeof(t->held_locks[depth]));
	return (u8 *)&t->held_locks[depth];
}

/* Whether the entry clear_free_held_lock() cleared was written since. */
static bool held_lock_written(const u8 *slot)
{
	size_t i;

	for (i = 0; i < sizeof(struct held_lock); i++)
		if (READ_ONCE(slot[i]))
			return true;
	return false;
}
#else
static u8 *clear_free_held_lock(struct task_struct *t)
{
	return NULL;
}

static bool held_lock_written(const u8 *slot)
{
	return false;
}
#endif

/*
 * The runner watches the task a waiting CPU runs while that CPU spins in
 * the stop for 20 ms, answering cross calls: that task_struct may be a
 * page the runner moves, so nothing in it may be written, not even the
 * validator's record of the locks it takes (a lock taken and dropped
 * fills the first free entry, which the runner cleared). The waiting CPU
 * is this one, CPU 0: its per-CPU data is in the kernel image, so the
 * validator sees its locks.
 */
static int stop_watch_fn(void *data)
{
	struct stop_watch *w = data;
	struct task_struct *t;
	u64 start;
	u8 *slot;

	t = w->other;
	slot = clear_free_held_lock(t);
	if (!slot)
		return -ENOSPC;
	start = ktime_get_ns();
	while (ktime_get_ns() - start < 20 * NSEC_PER_MSEC)
		cpu_relax();
	w->written = held_lock_written(slot);
	return 0;
}

static void smp_stop_waiters_write_nothing(struct kunit *test)
{
	struct stop_watch w = { .other = current };
	struct cpumask runner = { };
	int cpu;

	need_two_cpus(test);
	if (!IS_ENABLED(CONFIG_PROVE_LOCKING) || !lockdep_enabled())
		kunit_skip(test, "needs the lock validator");
	if (smp_processor_id() != 0)
		kunit_skip(test, "runs on CPU 0");
	for_each_online_cpu(cpu)
		if (cpu != 0) {
			cpumask_set_cpu(cpu, &runner);
			break;
		}
	KUNIT_EXPECT_EQ(test, stop_machine(stop_watch_fn, &w, &runner), 0);
	KUNIT_EXPECT_FALSE_MSG(test, w.written,
			       "the waiting CPU's task recorded a lock");
}

static void smp_ticks_on_every_cpu(struct kunit *test)
{
	unsigned long before[NR_CPUS];
	u64 start = ktime_get_ns();
	int cpu;

	for_each_online_cpu(cpu)
		before[cpu] = READ_ONCE(per_cpu(tick_count, cpu));
	while (ktime_get_ns() - start < 100 * NSEC_PER_MSEC)
		cpu_relax();
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_GT_MSG(test, READ_ONCE(per_cpu(tick_count, cpu)),
				    before[cpu], "CPU %d", cpu);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(smp_cpus_online),
	KUNIT_CASE(smp_stop_waiters_write_nothing),
	KUNIT_CASE(smp_percpu_cpu0_is_static),
	KUNIT_CASE(smp_percpu_isolation),
	KUNIT_CASE(smp_call_single_wait),
	KUNIT_CASE(smp_call_async),
	KUNIT_CASE(smp_call_nested_wait),
	KUNIT_CASE(smp_reschedule_ipi),
	KUNIT_CASE(smp_tlb_shootdown),
	KUNIT_CASE(smp_stop_machine_exclusive),
	KUNIT_CASE(smp_stop_machine_shootdown),
	KUNIT_CASE(smp_ticks_on_every_cpu),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
