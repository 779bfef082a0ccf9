// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "sched": kernel threads start, run and exit; wake-ups, wait
 * queues, completions and timed sleeps behave. Timing is only checked in
 * the direction that cannot flake (a sleep is never shorter than asked).
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/smp.h>
#include <asm/processor.h>
#include <kunit/test.h>

#define SCHED_TEST_THREADS	8

/* Waits here are generous: a test that hangs is worse than a slow one. */
#define SCHED_TEST_PATIENCE_NS	(5 * NSEC_PER_SEC)

static int return_arg(void *data)
{
	return (int)(long)data;
}

/* A thread runs its function and kthread_stop() returns its value. */
static void sched_thread_runs_and_exits(struct kunit *test)
{
	struct task_struct *t;

	t = kthread_run(return_arg, (void *)42L, "ktest-%d", 1);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_STREQ(test, t->comm, "ktest-1");
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 42);
}

/* A thread stopped before it ever ran does not run at all. */
static void sched_stop_before_run(struct kunit *test)
{
	struct task_struct *t;

	t = kthread_create(return_arg, (void *)7L, "ktest-never");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	KUNIT_EXPECT_EQ(test, task_state(t), (long)TASK_NEW);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
}

struct many_ctx {
	atomic_t counter;
	struct completion done;
};

static int count_and_complete(void *data)
{
	struct many_ctx *ctx = data;

	atomic_inc_return(&ctx->counter);
	complete(&ctx->done);
	return 0;
}

/* Many threads all run and each signals once. */
static void sched_many_threads(struct kunit *test)
{
	struct task_struct *t[SCHED_TEST_THREADS];
	struct many_ctx ctx = { 0 };
	int i, done = 0;

	init_completion(&ctx.done);
	for (i = 0; i < SCHED_TEST_THREADS; i++) {
		t[i] = kthread_run(count_and_complete, &ctx, "ktest-%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (i = 0; i < SCHED_TEST_THREADS; i++)
		done += !!wait_for_completion_timeout_ns(&ctx.done,
						SCHED_TEST_PATIENCE_NS);
	for (i = 0; i < SCHED_TEST_THREADS; i++)
		kthread_stop(t[i]);
	KUNIT_EXPECT_EQ(test, done, SCHED_TEST_THREADS);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx.counter), SCHED_TEST_THREADS);
}

static int loop_until_stopped(void *data)
{
	int *loops = data;

	while (!kthread_should_stop()) {
		WRITE_ONCE(*loops, *loops + 1);
		msleep(1);
	}
	return 5;
}

/* kthread_should_stop() turns true and the thread's return value counts. */
static void sched_should_stop(struct kunit *test)
{
	struct task_struct *t;
	int loops = 0;
	u64 start = ktime_get_ns();

	t = kthread_run(loop_until_stopped, &loops, "ktest-loop");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	while (READ_ONCE(loops) < 2 &&
	       ktime_get_ns() - start < SCHED_TEST_PATIENCE_NS)
		msleep(1);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 5);
	KUNIT_EXPECT_GT(test, loops, 0);
}

static int set_flag(void *data)
{
	WRITE_ONCE(*(bool *)data, true);
	return 0;
}

/* A task that only calls cond_resched()/yield() lets others run. */
static void sched_yield_lets_others_run(struct kunit *test)
{
	struct task_struct *t;
	bool flag = false;
	u64 start = ktime_get_ns();

	t = kthread_run(set_flag, &flag, "ktest-flag");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	while (!READ_ONCE(flag) &&
	       ktime_get_ns() - start < SCHED_TEST_PATIENCE_NS)
		yield();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(flag));
	kthread_stop(t);
}

/* wake_up_process() on a running task changes nothing. */
static void sched_wake_running(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, wake_up_process(current), 0);
	KUNIT_EXPECT_EQ(test, task_state(current), (long)TASK_RUNNING);
}

struct wq_ctx {
	struct wait_queue_head wq;
	bool cond;
	bool woke;
	struct completion started;
};

static int wait_for_cond(void *data)
{
	struct wq_ctx *ctx = data;

	complete(&ctx->started);
	wait_event(ctx->wq, READ_ONCE(ctx->cond));
	WRITE_ONCE(ctx->woke, true);
	return 0;
}

/* wait_event() sleeps until the condition is set and wake_up() called. */
static void sched_wait_event_wakes(struct kunit *test)
{
	struct wq_ctx ctx = { .cond = false };
	struct task_struct *t;
	u64 start;

	init_waitqueue_head(&ctx.wq);
	init_completion(&ctx.started);
	t = kthread_run(wait_for_cond, &ctx, "ktest-wait");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	wait_for_completion(&ctx.started);
	start = ktime_get_ns();
	while (task_state(t) == TASK_RUNNING &&
	       ktime_get_ns() - start < SCHED_TEST_PATIENCE_NS)
		msleep(1);
	KUNIT_EXPECT_NE(test, task_state(t), (long)TASK_RUNNING);

	/* A spurious wake-up leaves it waiting. */
	wake_up(&ctx.wq);
	msleep(5);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(ctx.woke));

	WRITE_ONCE(ctx.cond, true);
	wake_up(&ctx.wq);
	start = ktime_get_ns();
	while (!READ_ONCE(ctx.woke) &&
	       ktime_get_ns() - start < SCHED_TEST_PATIENCE_NS)
		msleep(1);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(ctx.woke));
	kthread_stop(t);
}

/* wait_event_timeout_ns() gives up after the timeout, not before. */
static void sched_wait_event_timeout(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	u64 start = ktime_get_ns(), left;
	bool never = false;

	left = wait_event_timeout_ns(wq, READ_ONCE(never), 10 * NSEC_PER_MSEC);
	KUNIT_EXPECT_EQ(test, left, 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 10 * NSEC_PER_MSEC);

	never = true;
	KUNIT_EXPECT_GT(test, wait_event_timeout_ns(wq, READ_ONCE(never),
						    10 * NSEC_PER_MSEC), 0);

	/* Linux's jiffies form: 0 on timeout, at least 1 if the condition held. */
	KUNIT_EXPECT_EQ(test, wait_event_timeout(wq, !READ_ONCE(never), 1), 0);
	KUNIT_EXPECT_GE(test, wait_event_timeout(wq, READ_ONCE(never), 5), 1);
}

struct compl_ctx {
	struct completion go;
	atomic_t passed;
};

static int wait_go(void *data)
{
	struct compl_ctx *ctx = data;

	wait_for_completion(&ctx->go);
	atomic_inc_return(&ctx->passed);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* Each complete() lets exactly one waiter through; complete_all() the rest. */
static void sched_completion_counts(struct kunit *test)
{
	struct task_struct *t[4];
	struct compl_ctx ctx = { .passed = ATOMIC_INIT(0) };
	u64 start;
	int i;

	init_completion(&ctx.go);
	for (i = 0; i < 4; i++) {
		t[i] = kthread_run(wait_go, &ctx, "ktest-c%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	msleep(10);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx.passed), 0);

	complete(&ctx.go);
	start = ktime_get_ns();
	while (atomic_read(&ctx.passed) < 1 &&
	       ktime_get_ns() - start < SCHED_TEST_PATIENCE_NS)
		msleep(1);
	msleep(10);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx.passed), 1);

	complete_all(&ctx.go);
	start = ktime_get_ns();
	while (atomic_read(&ctx.passed) < 4 &&
	       ktime_get_ns() - start < SCHED_TEST_PATIENCE_NS)
		msleep(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx.passed), 4);
	/* After complete_all(), waiting does not block. */
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&ctx.go));
	for (i = 0; i < 4; i++)
		kthread_stop(t[i]);
}

/* A complete() before the wait is remembered; a missing one times out. */
static void sched_completion_before_wait(struct kunit *test)
{
	DECLARE_COMPLETION(c);
	u64 start;

	complete(&c);
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout_ns(&c, 1), 0);
	KUNIT_EXPECT_FALSE(test, completion_done(&c));

	start = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout_ns(&c,
				5 * NSEC_PER_MSEC), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 5 * NSEC_PER_MSEC);
}

/* msleep() lasts at least as asked, and not absurdly longer. */
static void sched_msleep_duration(struct kunit *test)
{
	u64 start = ktime_get_ns(), took;

	msleep(20);
	took = ktime_get_ns() - start;
	KUNIT_EXPECT_GE(test, took, 20 * NSEC_PER_MSEC);
	KUNIT_EXPECT_LT(test, took, 2 * NSEC_PER_SEC);

	start = ktime_get_ns();
	usleep_range(500, 1000);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 500 * NSEC_PER_USEC);
}

static int sleep_then_count(void *data)
{
	atomic_t *n = data;

	msleep(20);
	atomic_inc_return(n);
	return 0;
}

/* Several tasks sleep at once and all of them wake up. */
static void sched_sleeps_overlap(struct kunit *test)
{
	struct task_struct *t[4];
	u64 start = ktime_get_ns();
	atomic_t n = ATOMIC_INIT(0);
	int i;

	for (i = 0; i < 4; i++) {
		t[i] = kthread_run(sleep_then_count, &n, "ktest-s%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (i = 0; i < 4; i++)
		kthread_stop(t[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&n), 4);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 20 * NSEC_PER_MSEC);
}

static int note_cpu(void *data)
{
	*(int *)data = smp_processor_id();
	return 0;
}

/* A bound thread runs on its CPU; the boot task stays on CPU 0. */
static void sched_bind_to_cpu(struct kunit *test)
{
	unsigned int last = sched_nr_cpus() - 1;
	struct task_struct *t;
	int ran_on = -1;

	t = kthread_create(note_cpu, &ran_on, "ktest-bound");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	kthread_bind(t, last);
	wake_up_process(t);
	kthread_stop(t);
	KUNIT_EXPECT_EQ(test, ran_on, (int)last);
	KUNIT_EXPECT_EQ(test, sched_bind_task(current, CONFIG_NR_CPUS), -EINVAL);
	msleep(1);
	KUNIT_EXPECT_EQ(test, smp_processor_id(), 0);
}

struct spin_ctx {
	bool stop;
	struct completion ran;
};

static int spin_until_told(void *data)
{
	struct spin_ctx *ctx = data;

	while (!READ_ONCE(ctx->stop))
		cpu_relax();
	return 0;
}

static int signal_ran(void *data)
{
	struct spin_ctx *ctx = data;

	complete(&ctx->ran);
	return 0;
}

/* With a tick, a task spinning without yielding is preempted. */
static void sched_tick_preempts_spinner(struct kunit *test)
{
	struct spin_ctx ctx = { .stop = false };
	struct task_struct *spinner, *other;
	u64 left;

	if (!sched_tick_running())
		kunit_skip(test, "no tick: scheduling is cooperative");
	init_completion(&ctx.ran);
	spinner = kthread_create(spin_until_told, &ctx, "ktest-spin");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, spinner);
	other = kthread_create(signal_ran, &ctx, "ktest-other");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, other);
	/* Both on this CPU, the spinner first. */
	sched_bind_task(spinner, smp_processor_id());
	sched_bind_task(other, smp_processor_id());
	wake_up_process(spinner);
	wake_up_process(other);
	left = wait_for_completion_timeout_ns(&ctx.ran, 2 * NSEC_PER_SEC);
	WRITE_ONCE(ctx.stop, true);
	kthread_stop(spinner);
	kthread_stop(other);
	KUNIT_EXPECT_GT(test, left, 0);
}

/* preempt_disable() nests and preempt_enable() unwinds it. */
static void sched_preempt_count_nests(struct kunit *test)
{
	int base = preempt_count();

	preempt_disable();
	preempt_disable();
	KUNIT_EXPECT_EQ(test, preempt_count(), base + 2);
	preempt_enable();
	preempt_enable();
	KUNIT_EXPECT_EQ(test, preempt_count(), base);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(sched_thread_runs_and_exits),
	KUNIT_CASE(sched_stop_before_run),
	KUNIT_CASE(sched_many_threads),
	KUNIT_CASE(sched_should_stop),
	KUNIT_CASE(sched_yield_lets_others_run),
	KUNIT_CASE(sched_wake_running),
	KUNIT_CASE(sched_wait_event_wakes),
	KUNIT_CASE(sched_wait_event_timeout),
	KUNIT_CASE(sched_completion_counts),
	KUNIT_CASE(sched_completion_before_wait),
	KUNIT_CASE(sched_msleep_duration),
	KUNIT_CASE(sched_sleeps_overlap),
	KUNIT_CASE(sched_bind_to_cpu),
	KUNIT_CASE(sched_tick_preempts_spinner),
	KUNIT_CASE(sched_preempt_count_nests),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
