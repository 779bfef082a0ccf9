// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler core: per-CPU run queues served round robin, the context
 * switch, wake-ups, the tick's time slice and preemption, and task life.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/mm_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/memblock.h>
#include <linux/smp.h>
#include <asm/processor.h>
#include <linux/sched/task.h>
#include "sched.h"

/*
 * DOC: scheduler core
 *
 * Every CPU has a struct rq with a FIFO of runnable tasks. schedule() puts
 * the running task at the tail if it is still runnable and takes the head;
 * with nothing queued it keeps running the current task, or the CPU's idle
 * task. scheduler_tick() asks for a switch when the running task has used
 * SCHED_SLICE_NS and another one waits; the switch happens at the next
 * preemption point: irq_exit_resched(), preempt_enable(), cond_resched()
 * or any call to schedule(). A task only changes CPU while it sleeps:
 * wake_up_process() picks the CPU it will run on.
 *
 * Without a tick (interrupts not yet working) the same code runs fully
 * cooperatively: cond_resched() measures the slice itself, timed sleeps
 * are checked on every schedule() and by the idle loop, and the idle loop
 * polls instead of halting.
 */

/* The boot context: the task start_kernel() runs in. */
static struct task_struct boot_task = {
	.__state = TASK_RUNNING,
	.flags = PF_BOOT,
	.bound_cpu = 0,		/* boot code and tests expect CPU 0 */
	.on_rq = 1,
	.on_cpu = 1,
	.usage = ATOMIC_INIT(1),
	.run_list = LIST_HEAD_INIT(boot_task.run_list),
	.timer_node = LIST_HEAD_INIT(boot_task.timer_node),
	.tasks = LIST_HEAD_INIT(boot_task.tasks),
	.comm = "boot",
};

/* `current` works from the first instruction of C: CPU 0 runs boot_task. */
struct rq sched_runqueues[CONFIG_NR_CPUS] = {
	[0] = { .curr = &boot_task },
};

/* Interrupts have been seen enabled: tasks born from now on get them on. */
bool sched_irqs_live;

/* Every task, for debugging; lock order: innermost. */
static DEFINE_SPINLOCK(task_list_lock);
static LIST_HEAD(task_list);

/* A secondary CPU's boot context, which becomes its idle task. */
static struct task_struct ap_idle_tasks[CONFIG_NR_CPUS];

/* sched_cpu - the CPU this code runs on (from the per-CPU area, %gs). */
int sched_cpu(void)
{
	return smp_processor_id();
}

struct task_struct *sched_get_current(void)
{
	return this_rq()->curr;
}

int *sched_preempt_count_ptr(void)
{
	return &current->preempt_count;
}

/**
 * sched_mark_irqs_live - interrupts work from now on
 *
 * Called by the interrupt code right after it first enables interrupts on
 * the boot CPU, before any secondary CPU is started. From then on new
 * tasks start with interrupts on, a task born earlier gets them at its
 * next schedule(), and every idle loop (a secondary CPU's from its first
 * pass) runs with them on. Does not wait for the first tick: until it came,
 * a secondary CPU would idle with interrupts off and never answer the
 * boot CPU's cross calls.
 */
void sched_mark_irqs_live(void)
{
	WRITE_ONCE(sched_irqs_live, true);
}

/* Whether sched_mark_irqs_live() ran (or interrupts were seen on). */
bool sched_irqs_are_live(void)
{
	return READ_ONCE(sched_irqs_live);
}

static void note_irq_flags(unsigned long flags)
{
	if ((flags & X86_EFLAGS_IF) && !READ_ONCE(sched_irqs_live))
		WRITE_ONCE(sched_irqs_live, true);
}

/* Online run queues, for wake-up placement. */
unsigned int sched_nr_cpus(void)
{
	unsigned int n = 0;
	int cpu;

	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++)
		n += READ_ONCE(cpu_rq(cpu)->online);
	return n;
}

/**
 * sched_nr_running - runnable tasks on @cpu, the running one included
 * @cpu: a CPU number
 *
 * A snapshot without the lock; the idle task does not count.
 */
unsigned int sched_nr_running(int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *curr = READ_ONCE(rq->curr);

	return READ_ONCE(rq->nr_queued) + (curr && curr != rq->idle);
}

/* ---- task life ---- */

/**
 * sched_task_alloc - a new task with a stack, not yet runnable
 * @name: its name (truncated to TASK_COMM_LEN - 1)
 *
 * The task is in TASK_NEW and holds two references: one for its own life
 * (dropped when its stack is freed after exit) and one for the caller.
 * arch_thread_setup() must give it an entry point before it is woken.
 *
 * Return: the task, or NULL without memory.
 */
struct task_struct *sched_task_alloc(const char *name)
{
	struct task_struct *p;
	unsigned long flags;

	sched_reap_dead();
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	p->stack = alloc_thread_stack(NUMA_NO_NODE);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	p->__state = TASK_NEW;
	atomic_set(&p->usage, 2);
	p->cpu = sched_cpu();
	p->bound_cpu = -1;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->timer_node);
	spin_lock_init(&p->pi_lock);
	spin_lock_init(&p->alloc_lock);	/* task_lock() */
	strscpy(p->comm, name, sizeof(p->comm));
	/* Before task_list_lock: alloc_pid() takes tasklist_lock. */
	p->pid = alloc_pid();
	spin_lock_irqsave(&task_list_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&task_list_lock, flags);
	return p;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

/**
 * sched_visit_tasks - call @fn for every task until it returns false
 * @data: passed to @fn
 * @fn: called under task_list_lock with interrupts off: must not sleep or
 *      create or free tasks; the task it gets cannot be freed meanwhile
 */
void sched_visit_tasks(void *data,
		       bool (*fn)(struct task_struct *p, void *data))
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&task_list_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (!fn(p, data))
			break;
	}
	spin_unlock_irqrestore(&task_list_lock, flags);
}

/**
 * put_task_struct - drop a reference; the last one frees the task
 * @p: a task whose stack is already gone, or which never ran
 *
 * Safe with interrupts off. Does not free a stack still in use: a task
 * that ran holds its own reference until sched_reap_dead().
 */
void put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	if (!atomic_dec_and_test(&p->usage))
		return;
	if (WARN_ON_ONCE(p->flags & (PF_BOOT | PF_IDLE)))
		return;
	spin_lock_irqsave(&task_list_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&task_list_lock, flags);
	if (p->stack)
		free_thread_stack(p->stack);
	arch_task_free(p);
	if (p->signal)
		user_task_free(p);
	kfree(p->pending);
	kfree(p->kthread);
	kfree(p);
}

/* Tasks that have called do_task_exit() and whose stack is not freed yet. */
static atomic_t nr_exiting = ATOMIC_INIT(0);

/**
 * sched_reap_dead - free the stacks of tasks that have exited
 *
 * Called where sleeping is not needed but the caller holds no scheduler
 * lock: the idle loop and task creation.
 */
void sched_reap_dead(void)
{
	int cpu;

	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);
		struct task_struct *p, *n;
		unsigned long flags;
		LIST_HEAD(dead);

		if (list_empty(&rq->dead) || !rq->online)
			continue;
		spin_lock_irqsave(&rq->lock, flags);
		list_for_each_entry_safe(p, n, &rq->dead, run_list)
			list_move_tail(&p->run_list, &dead);
		spin_unlock_irqrestore(&rq->lock, flags);

		list_for_each_entry_safe(p, n, &dead, run_list) {
			list_del_init(&p->run_list);
			free_thread_stack(p->stack);
			p->stack = NULL;
			put_task_struct(p);
			atomic_dec(&nr_exiting);
		}
	}
}

/**
 * sched_reap_dead_wait - wait until every exited task's stack is freed
 *
 * For callers that count free pages and must not see an earlier task's
 * stack freed in the middle (the KUnit runner, between cases). Sleeps;
 * gives up after a second with a warning. Task context only.
 */
void sched_reap_dead_wait(void)
{
	int ms;

	for (ms = 0; atomic_read(&nr_exiting); ms++) {
		sched_reap_dead();
		if (!atomic_read(&nr_exiting))
			break;
		if (WARN_ON_ONCE(ms == 1000))
			break;
		msleep(1);
	}
}

/**
 * do_task_exit - end the current task
 *
 * Its stack is freed later by another context; the task_struct lives on
 * while references to it remain. Never returns.
 */
void __noreturn do_task_exit(void)
{
	if (WARN_ON(current->flags & (PF_BOOT | PF_IDLE)))
		halt_forever();
	atomic_inc(&nr_exiting);
	set_current_state(TASK_DEAD);
	schedule();
	panic("%s: dead task %s ran again", __func__, current->comm);
}

/* ---- picking and switching ---- */

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	rq->nr_queued++;
}

static struct task_struct *dequeue_first(struct rq *rq)
{
	struct task_struct *p;

	p = list_first_entry(&rq->queue, struct task_struct, run_list);
	list_del_init(&p->run_list);
	rq->nr_queued--;
	return p;
}

/* Round robin. Called with rq->lock held; @prev is rq->curr. */
static struct task_struct *pick_next_task(struct rq *rq,
					  struct task_struct *prev)
{
	/* Before sched_init() there is no idle task: keep polling. */
	if (!rq->idle)
		return prev;
	if (prev->on_rq && prev != rq->idle) {
		if (list_empty(&rq->queue))
			return prev;
		enqueue_task(rq, prev);
	}
	if (!list_empty(&rq->queue))
		return dequeue_first(rq);
	return rq->idle;
}

/*
 * The second half of a switch, on the new task's stack: @prev is off the
 * CPU now. Releases the run queue lock taken by __schedule().
 * Return: the interrupt flags of the task that switched out.
 */
static unsigned long finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	unsigned long flags = rq->switch_flags;

	/*
	 * A dead task that was only preempted (between set_current_state()
	 * and its last schedule()) is still queued: not yet.
	 */
	if (task_state(prev) == TASK_DEAD && !prev->on_rq)
		list_add_tail(&prev->run_list, &rq->dead);
	/* Pairs with the acquire in wake_up_state(): @prev is saved. */
	smp_store_release(&prev->on_cpu, 0);
	lockdep_switch_in(lockdep_map_of(&rq->lock), _RET_IP_);
	spin_unlock(&rq->lock);
	return flags;
}

/*
 * schedule_tail - first C code of a new task (from ret_from_kernel_thread)
 * @prev: the task switched away from
 *
 * New tasks run with interrupts on once the system has them; a task born
 * earlier starts with them off and gets them at its first schedule()
 * after they work (see __schedule()).
 */
void schedule_tail(struct task_struct *prev)
{
	unsigned long flags = finish_task_switch(prev);

	note_irq_flags(flags);
	if (READ_ONCE(sched_irqs_live))
		local_irq_enable();
	else
		current->irqs_late = true;
}

/*
 * __schedule - switch to the next task
 * @preempt: true for a preemption or a yield: the current task stays
 *	runnable whatever its state (it may be between set_current_state()
 *	and its own schedule()); false: a task not RUNNING goes to sleep.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;
	struct rq *rq;

	if (WARN_ON_ONCE(prev->preempt_count && !preempt))
		prev->preempt_count = 0;
	sched_timers_run();

	flags = arch_local_irq_save();
	note_irq_flags(flags);
	rq = this_rq();
	spin_lock(&rq->lock);
	prev->need_resched = false;
	if (!preempt && task_state(prev) != TASK_RUNNING &&
	    prev != rq->idle && rq->idle)
		prev->on_rq = 0;

	next = pick_next_task(rq, prev);
	if (next != prev) {
		/*
		 * The next task releases rq->lock (finish_task_switch()).
		 * While rq->curr is still @prev: it names the task.
		 */
		lockdep_switch_out(lockdep_map_of(&rq->lock));
		rq->curr = next;
		next->on_cpu = 1;
		next->slice_start_ns = ktime_get_ns();
		next->switches++;
		rq->switch_flags = flags;
		/* A kernel thread runs on kernel_pml4: no lazy mm. */
		switch_mm(next->mm);
		arch_switch_to(prev, next);
		prev = __switch_to_asm(prev, next);
		finish_task_switch(prev);
	} else {
		if (preempt)
			prev->slice_start_ns = ktime_get_ns();
		spin_unlock(&rq->lock);
	}

	if (!(flags & X86_EFLAGS_IF) && current->irqs_late &&
	    READ_ONCE(sched_irqs_live)) {
		current->irqs_late = false;
		flags |= X86_EFLAGS_IF;
	}
	arch_local_irq_restore(flags);
}

/**
 * schedule - give up the CPU
 *
 * If the current task set a sleeping state (set_current_state()) it stays
 * off the run queue until woken; a RUNNING task goes to the tail of its
 * CPU's queue. Must not be called with a preemption count held.
 */
void schedule(void)
{
	__schedule(false);
}

/* yield - let every other runnable task on this CPU run first. */
void yield(void)
{
	__schedule(true);
}

bool need_resched(void)
{
	return READ_ONCE(current->need_resched);
}

static bool slice_expired(struct task_struct *p)
{
	return ktime_get_ns() - p->slice_start_ns >= SCHED_SLICE_NS;
}

/**
 * cond_resched - a voluntary preemption point for long loops
 *
 * Switches if the tick asked for it or, where there is no tick yet, if
 * the slice is used up and another task waits. No-op inside
 * preempt_disable().
 */
void cond_resched(void)
{
	struct rq *rq = this_rq();

	if (current->preempt_count)
		return;
	if (need_resched() ||
	    (READ_ONCE(rq->nr_queued) && slice_expired(current)))
		__schedule(true);
	else
		sched_timers_run();
}

void preempt_schedule(void)
{
	if (unlikely(READ_ONCE(current->need_resched)) &&
	    !current->preempt_count &&
	    (arch_local_save_flags() & X86_EFLAGS_IF))
		__schedule(true);
}

/**
 * irq_exit_resched - preempt on the way out of an interrupt
 *
 * Called by the interrupt code on the interrupted task's stack, with
 * interrupts off, when returning to kernel code that ran with interrupts
 * on. Switches if a switch is due and the task is preemptible.
 */
void irq_exit_resched(void)
{
	struct task_struct *p = current;

	if (READ_ONCE(p->need_resched) && !p->preempt_count)
		__schedule(true);
}

/**
 * scheduler_tick - the periodic tick's share of scheduling
 *
 * From the timer interrupt: ends the current slice if another task waits,
 * wakes sleepers whose time is up. Does not switch itself.
 */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr = rq->curr;

	if (!rq->tick_seen)
		WRITE_ONCE(rq->tick_seen, true);
	if (!READ_ONCE(sched_irqs_live))
		WRITE_ONCE(sched_irqs_live, true);
	if (READ_ONCE(rq->nr_queued) &&
	    (curr == rq->idle || slice_expired(curr)))
		WRITE_ONCE(curr->need_resched, true);
	sched_timers_run();
}

/* Whether this CPU's tick drives preemption (else: cooperative only). */
bool sched_tick_running(void)
{
	return READ_ONCE(this_rq()->tick_seen);
}

/* The reschedule IPI: the run queue changed, the idle loop looks again. */
void scheduler_ipi(void)
{
	struct rq *rq = this_rq();

	if (READ_ONCE(rq->nr_queued))
		WRITE_ONCE(rq->curr->need_resched, true);
}

/* ---- wake-up ---- */

/* Where a waking task should run. Called with its pi_lock held. */
static int select_task_cpu(struct task_struct *p)
{
	int cpu, best = -1;
	unsigned int best_load = ~0U;

	if (p->bound_cpu >= 0)
		return p->bound_cpu;
	if (cpu_rq(p->cpu)->online && !sched_nr_running(p->cpu))
		return p->cpu;
	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++) {
		unsigned int load;

		if (!READ_ONCE(cpu_rq(cpu)->online))
			continue;
		load = sched_nr_running(cpu);
		if (load < best_load) {
			best_load = load;
			best = cpu;
		}
	}
	return best >= 0 ? best : sched_cpu();
}

/* Nudge a CPU whose queue got a task; its tick would do it later. */
static void sched_kick_cpu(int cpu)
{
	smp_send_reschedule(cpu);
}

/**
 * wake_up_state - make @p runnable if its state is in @states
 * @p: the task
 * @states: a mask of states to wake from (TASK_NORMAL, TASK_NEW)
 *
 * Safe from interrupts and with any lock held that is not a scheduler
 * lock. The caller's prior stores are visible to @p once it runs.
 *
 * Return: 1 if @p was woken, 0 if it was not in @states.
 */
int wake_up_state(struct task_struct *p, unsigned int states)
{
	unsigned long flags;
	struct rq *rq;
	int cpu;
	bool kick;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (!(task_state(p) & states)) {
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return 0;
	}

	/* Still on a queue: it has not gone through schedule() yet. */
	rq = cpu_rq(p->cpu);
	spin_lock(&rq->lock);
	if (p->on_rq) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		spin_unlock(&rq->lock);
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return 1;
	}
	spin_unlock(&rq->lock);

	/* Off every queue; wait until its old CPU has switched away. */
	while (smp_load_acquire(&p->on_cpu))
		cpu_relax();

	cpu = select_task_cpu(p);
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	p->cpu = cpu;
	WRITE_ONCE(p->__state, TASK_RUNNING);
	p->on_rq = 1;
	enqueue_task(rq, p);
	kick = rq->curr == rq->idle;
	if (kick)
		WRITE_ONCE(rq->curr->need_resched, true);
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);

	if (kick && cpu != sched_cpu())
		sched_kick_cpu(cpu);
	return 1;
}

/**
 * wake_up_process - wake a sleeping or new task
 * @task: the task
 *
 * Return: 1 if it was woken, 0 if it was already running.
 */
int wake_up_process(struct task_struct *task)
{
	return wake_up_state(task, TASK_NORMAL | TASK_NEW);
}

/**
 * sched_bind_task - let @p run only on @cpu from its next wake-up on
 * @p: a task that is not running, normally one fresh from kthread_create()
 * @cpu: an online CPU, or -1 to let it run anywhere again
 *
 * Return: 0, or -EINVAL if @cpu is not online.
 */
int sched_bind_task(struct task_struct *p, int cpu)
{
	unsigned long flags;

	if (cpu >= CONFIG_NR_CPUS ||
	    (cpu >= 0 && !READ_ONCE(cpu_rq(cpu)->online)))
		return -EINVAL;
	spin_lock_irqsave(&p->pi_lock, flags);
	p->bound_cpu = cpu;
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return 0;
}

/* ---- idle ---- */

static bool idle_can_halt(struct rq *rq)
{
	return READ_ONCE(rq->tick_seen) &&
	       (arch_local_save_flags() & X86_EFLAGS_IF);
}

static void idle_body(struct rq *rq)
{
	for (;;) {
		if (READ_ONCE(sched_irqs_live))
			local_irq_enable();
		sched_reap_dead();
		sched_timers_run();
		if (READ_ONCE(rq->nr_queued) || need_resched()) {
			schedule();
			continue;
		}
		if (!idle_can_halt(rq)) {
			cpu_relax();
			continue;
		}
		/* Halt unless work arrived; sti's shadow closes the race. */
		local_irq_disable();
		if (READ_ONCE(rq->nr_queued) || need_resched())
			local_irq_enable();
		else
			__asm__ __volatile__("sti; hlt" ::: "memory");
	}
}

/*
 * Make this secondary CPU's boot context its idle task and open its run
 * queue to wake-ups. Interrupts are off.
 */
static void sched_init_this_ap(struct rq *rq)
{
	struct task_struct *idle = rq->curr;
	unsigned long flags;

	idle->slice_start_ns = ktime_get_ns();
	idle->pid = alloc_pid();
	spin_lock_irqsave(&task_list_lock, flags);
	list_add_tail(&idle->tasks, &task_list);
	spin_unlock_irqrestore(&task_list_lock, flags);

	spin_lock(&rq->lock);
	rq->idle = idle;
	WRITE_ONCE(rq->online, true);
	spin_unlock(&rq->lock);
}

/**
 * cpu_idle_loop - what a CPU runs when it has nothing else to do
 *
 * CPU 0's idle task runs it from sched_init(). A secondary CPU calls it
 * from its boot stack once it is set up (per-CPU area, APIC, tick); that
 * context then is its idle task, and the CPU starts taking tasks.
 */
void __noreturn cpu_idle_loop(void)
{
	struct rq *rq = this_rq();

	if (!rq->idle) {
		if (rq->cpu == 0 || rq->curr != &ap_idle_tasks[rq->cpu]) {
			/* Before sched_init(): nothing to schedule yet. */
			for (;;)
				__asm__ __volatile__("sti; hlt" ::: "memory");
		}
		sched_init_this_ap(rq);
	}
	idle_body(rq);
	__builtin_unreachable();
}

static void idle_entry(void)
{
	cpu_idle_loop();
}

static void rq_init(struct rq *rq, int cpu)
{
	struct task_struct *idle = &ap_idle_tasks[cpu];

	spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->queue);
	INIT_LIST_HEAD(&rq->dead);
	rq->cpu = cpu;
	if (!cpu)
		return;
	/* What `current` is on that CPU from its first instruction. */
	idle->__state = TASK_RUNNING;
	idle->flags = PF_IDLE;
	idle->on_rq = 1;
	idle->on_cpu = 1;
	idle->cpu = cpu;
	idle->bound_cpu = cpu;
	atomic_set(&idle->usage, 1);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->timer_node);
	INIT_LIST_HEAD(&idle->tasks);
	spin_lock_init(&idle->pi_lock);
	snprintf(idle->comm, sizeof(idle->comm), "idle/%d", cpu);
	rq->curr = idle;
}

/**
 * sched_init - run queues for every CPU and CPU 0's idle task
 *
 * The boot context goes on as an ordinary task ("boot") that may sleep;
 * CPU 0 runs a separate idle task when nothing else is runnable.
 *
 * Return: 0, or -ENOMEM.
 */
int __init sched_init(void)
{
	struct rq *rq0 = cpu_rq(0);
	struct task_struct *idle;
	unsigned long flags;
	int cpu;

	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++)
		rq_init(cpu_rq(cpu), cpu);
	spin_lock_irqsave(&task_list_lock, flags);
	list_add_tail(&boot_task.tasks, &task_list);
	spin_unlock_irqrestore(&task_list_lock, flags);
	spin_lock_init(&boot_task.pi_lock);
	boot_task.slice_start_ns = ktime_get_ns();

	idle = sched_task_alloc("idle/0");
	if (!idle)
		return -ENOMEM;
	idle->flags |= PF_IDLE;
	idle->bound_cpu = 0;
	idle->__state = TASK_RUNNING;
	idle->on_rq = 1;
	arch_thread_setup(idle, idle_entry);

	spin_lock_irqsave(&rq0->lock, flags);
	rq0->idle = idle;
	WRITE_ONCE(rq0->online, true);
	spin_unlock_irqrestore(&rq0->lock, flags);
	pr_info("sched: round robin, %llu ms slice, idle task pid %d\n",
		SCHED_SLICE_NS / NSEC_PER_MSEC, idle->pid);
	return 0;
}
core_initcall(sched_init);
