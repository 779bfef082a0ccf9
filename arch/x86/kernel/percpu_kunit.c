// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for moving per-CPU areas: every page of CPU 1's copy migrated
 * while a thread on CPU 1 keeps using its per-CPU data, by a runner on
 * another CPU and by CPU 1 itself; values, cross calls and the scheduler
 * still work afterwards. Skips on a single-CPU boot.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/stop_machine.h>
#include <linux/vmalloc.h>
#include <kunit/test.h>

/* Two pages' worth, so that the copy spans more than one page. */
#define PCT_WORDS	1024
#define PCT_CPU		1

static DEFINE_PER_CPU(unsigned long[PCT_WORDS], pct_pattern);
static DEFINE_PER_CPU(unsigned long, pct_count);
static DEFINE_PER_CPU(unsigned long, pct_calls);

static unsigned long pct_word(unsigned int i)
{
	return i * 0x9e3779b97f4a7c15UL + PCT_CPU;
}

/* Bumps the count and checks the pattern, on its own CPU, until told. */
struct pct_worker {
	unsigned long rounds;
	unsigned long bad;	/* rounds that saw a wrong word */
	int cpu_seen;		/* a CPU it ran on other than PCT_CPU, or -1 */
};

/* Until kthread_stop(): both threads of a case run so long. */
static bool pct_keep_going(void)
{
	return !kthread_should_stop();
}

static int pct_worker_fn(void *data)
{
	struct pct_worker *w = data;

	while (pct_keep_going()) {
		unsigned long *p = this_cpu_ptr(&pct_pattern[0]);
		unsigned int i;

		this_cpu_inc(pct_count);
		for (i = 0; i < PCT_WORDS; i += 61)
			if (p[i] != pct_word(i)) {
				w->bad++;
				break;
			}
		if (smp_processor_id() != PCT_CPU)
			w->cpu_seen = smp_processor_id();
		w->rounds++;
		if (!(w->rounds & 63))
			yield();
	}
	return 0;
}

/* Moves every page of PCT_CPU's copy; run by a thread on a chosen CPU. */
struct pct_mover {
	struct completion done;
	unsigned int nr_pages;
	unsigned int nr_moved;	/* migrate_kernel_page() returned 0 */
	unsigned int nr_same;	/* ... but the address kept its page */
	int err;		/* the first error */
	int runner;		/* where it ran */
};

static int pct_mover_fn(void *data)
{
	struct pct_mover *m = data;
	unsigned long size = __stop_tide_percpu - __start_tide_percpu;
	unsigned long base = (unsigned long)__start_tide_percpu +
			     per_cpu_offset(PCT_CPU);
	unsigned long va;

	m->runner = smp_processor_id();
	for (va = ALIGN_DOWN(base, PAGE_SIZE); va < base + size;
	     va += PAGE_SIZE) {
		struct page *old = vmalloc_to_page((void *)va);
		int ret;

		m->nr_pages++;
		ret = old ? migrate_kernel_page(old) : -ENOENT;
		if (ret) {
			if (!m->err)
				m->err = ret;
			continue;
		}
		m->nr_moved++;
		if (vmalloc_to_page((void *)va) == old)
			m->nr_same++;
	}
	complete(&m->done);
	while (pct_keep_going())
		msleep(1);
	return 0;
}

static void pct_call(void *info)
{
	int *where = info;

	this_cpu_inc(pct_calls);
	*where = smp_processor_id();
}

/*
 * Moves PCT_CPU's area from a thread bound to @runner while a worker on
 * PCT_CPU uses it, then checks what must have survived.
 */
static void pct_move_area(struct kunit *test, int runner)
{
	struct pct_worker w = { .cpu_seen = -1 };
	struct pct_mover m = { };
	struct task_struct *wk, *mk;
	unsigned long count, calls;
	unsigned int i;
	int where = -1;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU online");
	for (i = 0; i < PCT_WORDS; i++)
		per_cpu(pct_pattern, PCT_CPU)[i] = pct_word(i);
	init_completion(&m.done);

	wk = kthread_create(pct_worker_fn, &w, "pct-worker");
	KUNIT_ASSERT_FALSE(test, IS_ERR(wk));
	kthread_bind(wk, PCT_CPU);
	wake_up_process(wk);
	while (!READ_ONCE(w.rounds))
		msleep(1);

	mk = kthread_create(pct_mover_fn, &m, "pct-mover");
	KUNIT_ASSERT_FALSE(test, IS_ERR(mk));
	kthread_bind(mk, runner);
	wake_up_process(mk);
	wait_for_completion(&m.done);
	kthread_stop(mk);

	KUNIT_EXPECT_EQ(test, m.runner, runner);
	KUNIT_EXPECT_GT(test, m.nr_pages, 1U);
	KUNIT_EXPECT_EQ(test, m.err, 0);
	KUNIT_EXPECT_EQ(test, m.nr_moved, m.nr_pages);
	KUNIT_EXPECT_EQ(test, m.nr_same, 0U);

	/* The worker goes on counting on its CPU. */
	count = READ_ONCE(per_cpu(pct_count, PCT_CPU));
	for (i = 0; i < 200 && READ_ONCE(per_cpu(pct_count, PCT_CPU)) == count;
	     i++)
		msleep(10);	/* a starved vCPU may take a while under TCG */
	KUNIT_EXPECT_GT(test, READ_ONCE(per_cpu(pct_count, PCT_CPU)), count);
	/* Cross calls reach the CPU and its per-CPU data. */
	calls = per_cpu(pct_calls, PCT_CPU);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(PCT_CPU, pct_call,
						       &where, 1), 0);
	KUNIT_EXPECT_EQ(test, where, PCT_CPU);
	KUNIT_EXPECT_EQ(test, per_cpu(pct_calls, PCT_CPU), calls + 1);
	/* The scheduler still stops the worker there. */
	KUNIT_EXPECT_EQ(test, kthread_stop(wk), 0);
	KUNIT_EXPECT_EQ(test, w.bad, 0UL);
	KUNIT_EXPECT_EQ(test, w.cpu_seen, -1);

	KUNIT_EXPECT_EQ(test, per_cpu(cpu_number, PCT_CPU), PCT_CPU);
	KUNIT_EXPECT_EQ(test, per_cpu(this_cpu_off, PCT_CPU),
			per_cpu_offset(PCT_CPU));
	for (i = 0; i < PCT_WORDS; i++)
		if (per_cpu(pct_pattern, PCT_CPU)[i] != pct_word(i))
			break;
	KUNIT_EXPECT_EQ(test, i, (unsigned int)PCT_WORDS);
}

/* The owner is not the CPU running the stop: it switches its own pages. */
static void percpu_move_from_other_cpu(struct kunit *test)
{
	pct_move_area(test, 0);
}

/* The owner runs the stop itself; the others drop its old pages. */
static void percpu_move_by_owner(struct kunit *test)
{
	pct_move_area(test, PCT_CPU);
}

/* Addresses map to the CPU whose copy holds them, CPU 0's to none. */
static void percpu_area_owner_lookup(struct kunit *test)
{
	int cpu;

	KUNIT_EXPECT_EQ(test, per_cpu_area_owner((unsigned long)&pct_count),
			-1);
	for_each_possible_cpu(cpu) {
		if (!cpu)
			continue;
		KUNIT_EXPECT_EQ(test, per_cpu_area_owner((unsigned long)
				per_cpu_ptr(&pct_count, cpu)), cpu);
		KUNIT_EXPECT_EQ(test, per_cpu_area_owner((unsigned long)
				per_cpu_ptr(&pct_pattern[PCT_WORDS - 1], cpu)),
				cpu);
	}
	KUNIT_EXPECT_EQ(test, per_cpu_area_owner(VMALLOC_START), -1);
}

/* What the stopped CPU saw when the runner handed it work. */
struct pct_handoff {
	int target;
	int ran_on;		/* set by the work */
	int ret;		/* stop_machine_run_on() */
	int ret_self;		/* ... asked to run on the runner itself */
};

static int pct_handoff_work(void *arg)
{
	struct pct_handoff *h = arg;

	h->ran_on = smp_processor_id();
	return 7;
}

static int pct_handoff_stopped(void *arg)
{
	struct pct_handoff *h = arg;

	h->ret = stop_machine_run_on(h->target, pct_handoff_work, h);
	h->ret_self = stop_machine_run_on(smp_processor_id(),
					  pct_handoff_work, h);
	return 0;
}

/* The mailbox the per-CPU moves use: only in a stop, only to others. */
static void percpu_stop_machine_run_on(struct kunit *test)
{
	struct pct_handoff h = { .ran_on = -1, .target = 1 };
	struct cpumask zero = { };

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU online");
	KUNIT_EXPECT_EQ(test, stop_machine_run_on(1, pct_handoff_work, &h),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, h.ran_on, -1);

	/* The runner is CPU 0, whoever calls; the work goes to CPU 1. */
	cpumask_set_cpu(0, &zero);
	KUNIT_EXPECT_EQ(test, stop_machine(pct_handoff_stopped, &h, &zero), 0);
	KUNIT_EXPECT_EQ(test, h.ret, 7);
	KUNIT_EXPECT_EQ(test, h.ran_on, 1);
	KUNIT_EXPECT_EQ(test, h.ret_self, -EINVAL);
}

static struct kunit_case percpu_test_cases[] = {
	KUNIT_CASE(percpu_stop_machine_run_on),
	KUNIT_CASE(percpu_area_owner_lookup),
	KUNIT_CASE(percpu_move_from_other_cpu),
	KUNIT_CASE(percpu_move_by_owner),
	{}
};

static struct kunit_suite percpu_test_suite = {
	.name = "percpu",
	.test_cases = percpu_test_cases,
};
kunit_test_suite(percpu_test_suite);
