// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit's own tests: "kunit-example" exercises each kind of check, the
 * hooks, parameters, skipping and deferred actions on their passing paths;
 * "kunit-fail-demo" fails on purpose, but only when booted with
 * kunit.fail_demo=1, so the host runner can prove failures are caught.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <kunit/test.h>

/* Set by the suite_init hook, checked by a case. */
static bool example_suite_ready;

/* What the per-case init hook hands the case through test->priv. */
struct example_ctx {
	int magic;
	int exits;
};

static struct example_ctx example_ctx;

#define EXAMPLE_MAGIC	0x7de

static int example_suite_init(struct kunit_suite *suite)
{
	example_suite_ready = true;
	return 0;
}

static void example_suite_exit(struct kunit_suite *suite)
{
	example_suite_ready = false;
}

static int example_init(struct kunit *test)
{
	example_ctx.magic = EXAMPLE_MAGIC;
	test->priv = &example_ctx;
	return 0;
}

static void example_exit(struct kunit *test)
{
	struct example_ctx *ctx = test->priv;

	ctx->magic = 0;
	ctx->exits++;
}

/* The integer comparisons and booleans, each on its passing side. */
static void example_int_checks(struct kunit *test)
{
	unsigned int u = 3;
	int neg = -2;

	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
	KUNIT_EXPECT_NE(test, u, 4);
	KUNIT_EXPECT_LT(test, neg, 0);
	KUNIT_EXPECT_LE(test, u, 3);
	KUNIT_EXPECT_GT(test, u, 0);
	KUNIT_EXPECT_GE(test, u, 0);
	KUNIT_EXPECT_TRUE(test, u == 3);
	KUNIT_EXPECT_FALSE(test, neg > 0);
	KUNIT_EXPECT_EQ_MSG(test, u * 2, 6, "u is %u", u);
	KUNIT_EXPECT_TRUE_MSG(test, neg < 0, "neg is %d", neg);
}

/* Pointer checks, including error pointers. */
static void example_ptr_checks(struct kunit *test)
{
	static int object;
	int *p = &object, *none = NULL;
	void *err = ERR_PTR(-ENOMEM);

	KUNIT_EXPECT_PTR_EQ(test, p, &object);
	KUNIT_EXPECT_PTR_NE(test, p, none);
	KUNIT_EXPECT_NULL(test, none);
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, IS_ERR(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(err), -ENOMEM);
}

/* String and memory comparisons. */
static void example_str_mem_checks(struct kunit *test)
{
	const u8 a[] = { 1, 2, 3, 4 }, b[] = { 1, 2, 3, 4 }, c[] = { 1, 2, 9, 4 };
	char buf[8];

	strscpy(buf, "tide", sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "tide");
	KUNIT_EXPECT_STRNEQ(test, buf, "ebb");
	KUNIT_EXPECT_MEMEQ(test, a, b, sizeof(a));
	KUNIT_EXPECT_MEMNEQ(test, a, c, sizeof(a));
}

/* Assertions that hold let the case run to its end. */
static void example_assert_pass(struct kunit *test)
{
	static int object;
	int *p = &object;
	bool reached_end = false;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	KUNIT_ASSERT_EQ(test, 2 * 21, 42);
	KUNIT_ASSERT_GE(test, 5, 5);
	KUNIT_ASSERT_STREQ(test, "a", "a");
	KUNIT_ASSERT_TRUE(test, p == &object);
	reached_end = true;
	KUNIT_EXPECT_TRUE(test, reached_end);
}

/* The suite's hooks ran and gave the case its context. */
static void example_hooks(struct kunit *test)
{
	struct example_ctx *ctx = test->priv;

	KUNIT_EXPECT_TRUE(test, example_suite_ready);
	KUNIT_ASSERT_PTR_EQ(test, ctx, &example_ctx);
	KUNIT_EXPECT_EQ(test, ctx->magic, EXAMPLE_MAGIC);
	KUNIT_EXPECT_PTR_EQ(test, kunit_get_current_test(), test);
}

/* A parameterised case over glob_match(), which kunit.filter_glob uses. */
struct example_glob {
	const char *pat;
	const char *str;
	bool match;
};

static const struct example_glob example_globs[] = {
	{ "memblock", "memblock", true },
	{ "mem*", "memblock", true },
	{ "*alloc", "page_alloc", true },
	{ "p?ge*", "page_alloc", true },
	{ "slab", "vmalloc", false },
	{ "*.add", "memblock.remove", false },
};

static void example_glob_desc(const struct example_glob *g, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s vs %s", g->pat, g->str);
}

KUNIT_ARRAY_PARAM(example_glob, example_globs, example_glob_desc);

static void example_params(struct kunit *test)
{
	const struct example_glob *g = test->param_value;

	KUNIT_ASSERT_NOT_NULL(test, g);
	KUNIT_EXPECT_EQ(test, glob_match(g->pat, g->str), g->match);
}

/* kunit_skip() ends the case: the failure after it never happens. */
static void example_skip(struct kunit *test)
{
	kunit_skip(test, "skipping is reported, not failed");
	KUNIT_FAIL(test, "kunit_skip() did not end the case");
}

/* kunit_mark_skipped() lets the case go on. */
static void example_mark_skipped(struct kunit *test)
{
	bool went_on = false;

	kunit_mark_skipped(test, "marked, carrying on");
	went_on = true;
	KUNIT_EXPECT_TRUE(test, went_on);
	KUNIT_EXPECT_EQ(test, test->status, KUNIT_SKIPPED);
}

/* Deferred actions: released ones run at once, removed ones never. */
static int example_action_log[4];
static int example_action_count;

static void example_action(void *ctx)
{
	if (example_action_count < ARRAY_SIZE(example_action_log))
		example_action_log[example_action_count] = (int)(long)ctx;
	example_action_count++;
}

static void example_actions(struct kunit *test)
{
	example_action_count = 0;
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, example_action, (void *)1L), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, example_action, (void *)2L), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, example_action, (void *)3L), 0);

	kunit_release_action(test, example_action, (void *)2L);
	KUNIT_EXPECT_EQ(test, example_action_count, 1);
	KUNIT_EXPECT_EQ(test, example_action_log[0], 2);

	kunit_remove_action(test, example_action, (void *)3L);
	KUNIT_EXPECT_EQ(test, example_action_count, 1);
	KUNIT_EXPECT_EQ(test, kunit_add_action(test, NULL, NULL), -EINVAL);
	/* Action 1 is still pending; the next case sees it ran. */
}

static void example_actions_ran(struct kunit *test)
{
	if (!example_action_count)
		kunit_skip(test, "needs example_actions to run first");
	/* Only action 1 ran after example_actions ended, and only once. */
	KUNIT_EXPECT_EQ(test, example_action_count, 2);
	KUNIT_EXPECT_EQ(test, example_action_log[1], 1);
}

/* The deferred-action table has room for KUNIT_MAX_ACTIONS and no more. */
static void example_actions_full(struct kunit *test)
{
	int i;

	example_action_count = 0;
	for (i = 0; i < KUNIT_MAX_ACTIONS; i++)
		KUNIT_ASSERT_EQ(test, kunit_add_action(test, example_action, NULL), 0);
	KUNIT_EXPECT_EQ(test, kunit_add_action(test, example_action, NULL), -ENOMEM);
	KUNIT_EXPECT_EQ(test, kunit_add_action_or_reset(test, example_action, NULL),
			-ENOMEM);
	/* _or_reset ran the action that did not fit. */
	KUNIT_EXPECT_EQ(test, example_action_count, 1);
}

static struct kunit_case example_cases[] = {
	KUNIT_CASE(example_int_checks),
	KUNIT_CASE(example_ptr_checks),
	KUNIT_CASE(example_str_mem_checks),
	KUNIT_CASE(example_assert_pass),
	KUNIT_CASE(example_hooks),
	KUNIT_CASE_PARAM(example_params, example_glob_gen_params),
	KUNIT_CASE(example_skip),
	KUNIT_CASE(example_mark_skipped),
	KUNIT_CASE(example_actions),
	KUNIT_CASE(example_actions_ran),
	KUNIT_CASE(example_actions_full),
	{}
};

static struct kunit_suite example_suite = {
	.name = "kunit-example",
	.suite_init = example_suite_init,
	.suite_exit = example_suite_exit,
	.init = example_init,
	.exit = example_exit,
	.test_cases = example_cases,
};

/*
 * kunit-fail-demo: with kunit.fail_demo=1 the expected results are
 *   fail_demo_expect       not ok (an EXPECT fails, the case goes on)
 *   fail_demo_assert       not ok (an ASSERT fails, the case stops)
 *   fail_demo_after_assert ok     (proves the two lines above)
 *   fail_demo_params       not ok (params 1 and 3 ok, param 2 not ok)
 * Without it every case is skipped.
 */
static bool fail_demo;
static bool fail_demo_went_on;
static bool fail_demo_ran_past_assert;

static int __init fail_demo_setup(char *val)
{
	bool on = true;

	if (val && kstrtobool(val, &on))
		return -EINVAL;
	fail_demo = on;
	return 0;
}
early_param("kunit.fail_demo", fail_demo_setup);

static int fail_demo_init(struct kunit *test)
{
	if (!fail_demo)
		kunit_skip(test, "boot with kunit.fail_demo=1 to run");
	return 0;
}

static int fail_demo_double(int x)
{
	return 2 * x;
}

static void fail_demo_expect(struct kunit *test)
{
	int got = fail_demo_double(2);

	KUNIT_EXPECT_EQ(test, got, 5);
	fail_demo_went_on = true;
}

static void fail_demo_assert(struct kunit *test)
{
	KUNIT_ASSERT_EQ_MSG(test, fail_demo_double(3), 7, "deliberate failure");
	fail_demo_ran_past_assert = true;
}

static void fail_demo_after_assert(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, fail_demo_went_on);
	KUNIT_EXPECT_FALSE(test, fail_demo_ran_past_assert);
}

static const int fail_demo_values[] = { 1, 2, 3 };

KUNIT_ARRAY_PARAM(fail_demo_value, fail_demo_values, NULL);

static void fail_demo_params(struct kunit *test)
{
	const int *v = test->param_value;

	KUNIT_EXPECT_NE(test, *v, 2);
}

static struct kunit_case fail_demo_cases[] = {
	KUNIT_CASE(fail_demo_expect),
	KUNIT_CASE(fail_demo_assert),
	KUNIT_CASE(fail_demo_after_assert),
	KUNIT_CASE_PARAM(fail_demo_params, fail_demo_value_gen_params),
	{}
};

static struct kunit_suite fail_demo_suite = {
	.name = "kunit-fail-demo",
	.init = fail_demo_init,
	.test_cases = fail_demo_cases,
};

kunit_test_suites(&example_suite, &fail_demo_suite);
