// SPDX-License-Identifier: GPL-2.0
/*
 * stop_machine(): every online CPU is pulled in with interrupts off, one
 * runs the function, the others spin until it is done. The others still
 * answer cross calls while they spin, so the function may change kernel
 * mappings and shoot down TLBs; and they run work the function hands one
 * of them through a mailbox that involves no per-CPU data
 * (stop_machine_run_on()), which is how a CPU's per-CPU pages move.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <linux/stop_machine.h>
#include <asm/processor.h>

struct stop_state {
	cpu_stop_fn_t fn;
	cpu_stop_fn_t helper;	/* run by every other CPU, or NULL */
	void *data;
	int runner;		/* CPU that runs fn */
	unsigned int nr;	/* CPUs taking part */
	atomic_t arrived;	/* CPUs spinning with interrupts off */
	atomic_t left;		/* CPUs done with this state */
	bool done;		/* fn returned */
	int ret;
};

/* One stop_machine() at a time; taken with interrupts on (see below). */
static atomic_t stop_busy;

/*
 * The longest any stop kept the calling CPU's interrupts off, from before
 * the other CPUs are pulled in until they have all left, in ns: no CPU
 * stays stopped longer. Written under stop_busy; read and reset (by
 * writing 0) through /sys/kernel/debug/stop_machine/longest_ns.
 */
static u64 stop_longest_ns;
/*
 * Own cross-call slots, under stop_busy: the CPUs stay in stop_cpu() for
 * all of fn, and fn's own cross calls need the ordinary slots meanwhile.
 */
static struct call_single_data stop_csd[NR_CPUS];

/*
 * Each CPU's stack pointer as it entered the stop in progress: the only
 * stacks written while fn runs are the ones these point into, which are
 * the stop stacks below.
 */
static unsigned long stop_cpu_sp[NR_CPUS];

/*
 * Every CPU spends the stop on a stack of its own in the kernel image,
 * not on the kernel stack it was interrupted on (a task's, or the idle
 * task's): those are vmalloc pages, and a CPU that kept writing one could
 * never let it move, the stack of the task that asked for the stop
 * included. Each is used by its CPU alone, one stop at a time.
 */
#define STOP_STACK_SIZE		(4 * PAGE_SIZE)
static u8 stop_stacks[NR_CPUS][STOP_STACK_SIZE] __aligned(PAGE_SIZE);

/*
 * The stop in progress. Not on the caller's stack, which may move while
 * the machine is stopped; written by __stop_machine() under stop_busy
 * before any CPU is pulled in, read by the CPUs until they have left.
 */
static struct stop_state stop_st;

/*
 * Work the runner hands a waiting CPU (stop_machine_run_on()). In the
 * kernel image, not in per-CPU data, so that a CPU whose per-CPU pages
 * are being switched under it still reaches it. The runner fills @fn
 * and @arg and sets @pending (release); the CPU runs it, sets @ret and
 * clears @pending (release). Only during a stop, under stop_busy.
 */
struct stop_work {
	cpu_stop_fn_t fn;
	void *arg;
	int ret;
	int pending;
};
static struct stop_work stop_work[NR_CPUS];
/* The stop in progress (under stop_busy), for stop_machine_run_on(). */
static struct stop_state *stop_current;

/* A waiting CPU: the runner's work for it, if any. */
static void stop_cpu_do_work(int cpu)
{
	struct stop_work *w = &stop_work[cpu];

	/* Pairs with the runner's release: @fn and @arg are set. */
	if (!smp_load_acquire(&w->pending))
		return;
	w->ret = w->fn(w->arg);
	/* The runner sees @ret and everything @fn wrote. */
	smp_store_release(&w->pending, 0);
}

/*
 * Every CPU, interrupts off: meet, run or wait, leave. While waiting for
 * the runner, a CPU writes no per-CPU data of its own but for the cross
 * call queue (smp_process_call_queue()); the runner's work for it comes
 * first in each round, so that work may switch the CPU's per-CPU pages.
 */
static void stop_cpu_on_stop_stack(void *info)
{
	struct stop_state *st = info;
	int self = smp_processor_id();

	stop_cpu_sp[self] = (unsigned long)__builtin_frame_address(0);
	atomic_fetch_inc(&st->arrived);
	while (atomic_read_acquire(&st->arrived) < st->nr) {
		smp_process_call_queue();
		cpu_relax();
	}
	if (self == st->runner) {
		st->ret = st->fn(st->data);
		/* Pairs with the acquire below: @st->ret is set. */
		smp_store_release(&st->done, true);
	} else {
		if (st->helper)
			st->helper(st->data);
		/* Once @done is seen, everything fn wrote is. */
		while (!smp_load_acquire(&st->done)) {
			stop_cpu_do_work(self);
			smp_process_call_queue();
			cpu_relax();
		}
	}
	/* After this the next stop may reuse @st. */
	atomic_fetch_inc_release(&st->left);
}

/* Every CPU, interrupts off: the stop, on this CPU's stop stack. */
static void stop_cpu(void *info)
{
	int self = smp_processor_id();

	call_on_stack(stop_cpu_on_stop_stack, info,
		      stop_stacks[self] + STOP_STACK_SIZE);
}

static int __stop_machine(cpu_stop_fn_t fn, cpu_stop_fn_t helper, void *arg,
			  const struct cpumask *cpus);

/**
 * stop_machine_helped - stop_machine() on the caller's CPU, with helpers
 * @fn: run on this CPU, as stop_machine(@fn, @arg, NULL) would
 * @helper: run once by every other CPU in the stop, with @arg, while
 *	@fn runs; their cross calls are not answered meanwhile, so @fn must
 *	wait for the helpers (through @arg) before it makes any
 *
 * For work that can be shared out while the machine is stopped, such as
 * copying pages. Return: @fn's return value.
 */
int stop_machine_helped(cpu_stop_fn_t fn, cpu_stop_fn_t helper, void *arg)
{
	return __stop_machine(fn, helper, arg, NULL);
}

int stop_machine(cpu_stop_fn_t fn, void *arg, const struct cpumask *cpus)
{
	return __stop_machine(fn, NULL, arg, cpus);
}

/* Both of the above; @helper may be NULL. */
static int __stop_machine(cpu_stop_fn_t fn, cpu_stop_fn_t helper, void *arg,
			  const struct cpumask *cpus)
{
	struct stop_state *st = &stop_st;
	struct cpumask others;
	unsigned long flags;
	int self, cpu;
	u64 t0;

	/*
	 * Spin for the lock with interrupts on, so that a stop_machine() in
	 * progress elsewhere can pull this CPU in meanwhile.
	 */
	while (atomic_xchg_acquire(&stop_busy, 1))
		cpu_relax();

	local_irq_save(flags);
	*st = (struct stop_state){ .data = arg, .fn = fn, .helper = helper };
	t0 = ktime_get_ns();
	self = smp_processor_id();
	if (cpus) {
		struct cpumask m;

		st->runner = cpumask_and(&m, cpus, cpu_online_mask) ?
			    cpumask_first(&m) : -1;
	} else {
		st->runner = self;
	}
	if (st->runner < 0) {
		local_irq_restore(flags);
		atomic_set_release(&stop_busy, 0);
		return -EINVAL;
	}
	stop_current = st;
	cpumask_copy(&others, cpu_online_mask);
	cpumask_clear_cpu(self, &others);
	st->nr = cpumask_weight(&others) + 1;

	for_each_cpu(cpu, &others) {
		struct call_single_data *csd = &stop_csd[cpu];

		/* The previous stop's call may still be returning. */
		while (smp_load_acquire(&csd->busy))
			cpu_relax();
		csd->func = stop_cpu;
		csd->info = st;
		if (smp_call_function_single_async(cpu, csd))
			st->nr--;	/* went offline: cannot happen at present */
	}
	stop_cpu(st);
	while (atomic_read_acquire(&st->left) < st->nr)
		cpu_relax();

	stop_current = NULL;
	t0 = ktime_get_ns() - t0;
	if (t0 > stop_longest_ns)
		stop_longest_ns = t0;
	local_irq_restore(flags);
	atomic_set_release(&stop_busy, 0);
	return st->ret;
}

/**
 * stop_machine_run_on - have a waiting CPU of the stop run @fn(@arg)
 * @cpu: an online CPU other than the runner
 *
 * Only from a stop_machine() fn, on the runner. @cpu runs @fn with
 * interrupts off, outside any cross call, and the runner waits for it
 * meanwhile. Neither side touches per-CPU data to pass the work: @fn may
 * switch @cpu's own per-CPU pages to copies, the one moment when nothing
 * else on @cpu writes them. With helpers (stop_machine_helped()) @cpu
 * picks the work up once its helper is done.
 *
 * Return: @fn's return value; -EINVAL outside a stop, on another CPU
 * than the runner, or for a @cpu that is the runner or not online.
 */
int stop_machine_run_on(int cpu, cpu_stop_fn_t fn, void *arg)
{
	struct stop_state *st = READ_ONCE(stop_current);
	struct stop_work *w;

	if (!st || smp_processor_id() != st->runner ||
	    cpu < 0 || cpu >= NR_CPUS || cpu == st->runner || !cpu_online(cpu))
		return -EINVAL;
	w = &stop_work[cpu];
	w->fn = fn;
	w->arg = arg;
	/* Publishes @fn and @arg to @cpu (stop_cpu_do_work()). */
	smp_store_release(&w->pending, 1);
	/* Pairs with @cpu's release once @fn has returned. */
	while (smp_load_acquire(&w->pending))
		cpu_relax();
	return w->ret;
}

/**
 * stop_machine_stack_busy - is a stack in [@start, @end) running code?
 *
 * For a stop_machine() fn: true if any CPU taking part in the stop is
 * executing on a stack inside the range, which therefore changes while
 * fn runs. Every other kernel stack belongs to a task that is not
 * running and stays untouched until the stop ends.
 */
bool stop_machine_stack_busy(unsigned long start, unsigned long end)
{
	int cpu;

	for_each_online_cpu(cpu)
		if (stop_cpu_sp[cpu] >= start && stop_cpu_sp[cpu] < end)
			return true;
	return false;
}

static int __init stop_machine_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("stop_machine", NULL);

	debugfs_create_u64("longest_ns", 0644, dir, &stop_longest_ns);
	return 0;
}
late_initcall(stop_machine_debugfs_init);
