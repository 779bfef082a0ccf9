// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "hung_task": a thread kept in uninterruptible sleep is
 * reported by hung_task_check() with a short bound, a running one is not.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <kunit/test.h>

/* The bound the test uses instead of hung_task_timeout_secs. */
#define HUNG_TEST_BOUND_NS	NSEC_PER_SEC

struct hung_ctx {
	struct completion release;
	struct completion done;
};

static int hung_sleeper(void *data)
{
	struct hung_ctx *ctx = data;

	wait_for_completion(&ctx->release);
	complete(&ctx->done);
	return 0;
}

static void wait_until_asleep(struct task_struct *t)
{
	int i;

	for (i = 0; i < 1000 && task_state(t) != TASK_UNINTERRUPTIBLE; i++)
		usleep_range(1000, 2000);
}

/* Blocked past the bound: reported, once, with its name. */
static void blocked_task_reported(struct kunit *test)
{
	struct task_struct *t;
	struct hung_ctx ctx;

	init_completion(&ctx.release);
	init_completion(&ctx.done);
	t = kthread_run(hung_sleeper, &ctx, "ktest-hung");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	get_task_struct(t);
	wait_until_asleep(t);
	KUNIT_ASSERT_EQ(test, task_state(t), (long)TASK_UNINTERRUPTIBLE);

	hung_task_check(HUNG_TEST_BOUND_NS);	/* first sight: start timing */
	KUNIT_EXPECT_FALSE(test, t->hung_reported);
	msleep(HUNG_TEST_BOUND_NS / NSEC_PER_MSEC * 3 / 2);
	KUNIT_EXPECT_GE(test, hung_task_check(HUNG_TEST_BOUND_NS), 1U);
	KUNIT_EXPECT_TRUE(test, t->hung_reported);

	complete(&ctx.release);
	wait_for_completion(&ctx.done);
	kthread_stop(t);
	put_task_struct(t);
}

static int hung_spinner(void *data)
{
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

/* A thread that keeps running (short sleeps) is never reported. */
static void running_task_not_reported(struct kunit *test)
{
	struct task_struct *t;

	t = kthread_run(hung_spinner, NULL, "ktest-busy");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	get_task_struct(t);
	hung_task_check(HUNG_TEST_BOUND_NS);
	msleep(HUNG_TEST_BOUND_NS / NSEC_PER_MSEC * 3 / 2);
	hung_task_check(HUNG_TEST_BOUND_NS);
	KUNIT_EXPECT_FALSE(test, t->hung_reported);
	kthread_stop(t);
	put_task_struct(t);
}

static struct kunit_case hung_task_cases[] = {
	KUNIT_CASE(blocked_task_reported),
	KUNIT_CASE(running_task_not_reported),
	{}
};

static struct kunit_suite hung_task_suite = {
	.name = "hung_task",
	.test_cases = hung_task_cases,
};
kunit_test_suite(hung_task_suite);
