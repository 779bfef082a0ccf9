// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit's runner: runs one suite's cases, each inside a try/catch so that a
 * failed assertion ends only that case, and prints the results in KTAP
 * version 1 the way Linux's KUnit does, so Linux's kunit.py can parse them.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <kunit/test.h>

#include "kunit-internal.h"

/*
 * kunit.stats_enabled: 0 never prints the pass/fail/skip counts, 1 prints
 * them for groups of more than one result (Linux's default), 2 always.
 */
static int kunit_stats_enabled = 1;

/* The case running now; NULL between cases. No threads, so no lock. */
static struct kunit *kunit_current;

static int __init kunit_stats_enabled_setup(char *val)
{
	int v;

	if (!val || kstrtoint(val, 10, &v) || v < 0 || v > 2)
		return -EINVAL;
	kunit_stats_enabled = v;
	return 0;
}
early_param("kunit.stats_enabled", kunit_stats_enabled_setup);

struct kunit *kunit_get_current_test(void)
{
	return kunit_current;
}

void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

void kunit_mark_skipped(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	/* A failure is the more important news; keep it. */
	if (test->status != KUNIT_FAILURE)
		WRITE_ONCE(test->status, KUNIT_SKIPPED);
	va_start(args, fmt);
	vsnprintf(test->status_comment, sizeof(test->status_comment), fmt, args);
	va_end(args);
}

void __noreturn kunit_abort_case(struct kunit *test)
{
	if (!test->abort_armed)
		panic("kunit: %s: abort outside a running test case", test->name);
	kunit_longjmp(&test->abort_point, 1);
}

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	if (!action)
		return -EINVAL;
	if (test->nr_actions >= KUNIT_MAX_ACTIONS)
		return -ENOMEM;
	test->actions[test->nr_actions].fn = action;
	test->actions[test->nr_actions].ctx = ctx;
	test->nr_actions++;
	return 0;
}

int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx)
{
	int err = kunit_add_action(test, action, ctx);

	if (err && action)
		action(ctx);
	return err;
}

/* Unlinks the newest pending @action(@ctx); returns false if there is none. */
static bool kunit_take_action(struct kunit *test, kunit_action_t *action,
			      void *ctx)
{
	int i;

	for (i = test->nr_actions - 1; i >= 0; i--) {
		if (test->actions[i].fn != action || test->actions[i].ctx != ctx)
			continue;
		memmove(&test->actions[i], &test->actions[i + 1],
			(test->nr_actions - i - 1) * sizeof(test->actions[0]));
		test->nr_actions--;
		return true;
	}
	return false;
}

void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	kunit_take_action(test, action, ctx);
}

void kunit_release_action(struct kunit *test, kunit_action_t *action,
			  void *ctx)
{
	if (kunit_take_action(test, action, ctx))
		action(ctx);
}

/* Runs the pending actions, newest first; an action may add more. */
static void kunit_run_actions(struct kunit *test)
{
	while (test->nr_actions) {
		struct kunit_action a = test->actions[--test->nr_actions];

		a.fn(a.ctx);
	}
}

/*
 * Calls @fn(@test) with @test's abort point set, so that kunit_abort_case()
 * lands here. Returns false if @fn was abandoned that way.
 */
static noinline bool kunit_try(struct kunit *test,
			       void (*fn)(struct kunit *test))
{
	test->abort_armed = true;
	if (kunit_setjmp(&test->abort_point)) {
		test->abort_armed = false;
		return false;
	}
	fn(test);
	test->abort_armed = false;
	return true;
}

static void kunit_init_and_run_case(struct kunit *test)
{
	struct kunit_suite *suite = test->suite;
	int err;

	if (suite->init) {
		err = suite->init(test);
		if (err) {
			kunit_err(test, "failed to initialize: %d", err);
			kunit_set_failure(test);
			return;
		}
	}
	test->test_case->run_case(test);
}

static void kunit_exit_case(struct kunit *test)
{
	if (test->suite->exit)
		test->suite->exit(test);
}

/*
 * Runs one case, or one parameter of one, with a fresh context: the suite's
 * init, the case, the suite's exit (always), then the deferred actions.
 */
static enum kunit_status kunit_run_once(struct kunit *test,
					struct kunit_suite *suite,
					struct kunit_case *test_case,
					const void *param, int param_index)
{
	/*
	 * Threads an earlier case started may still have a stack to free:
	 * free them now, so that no case counting free pages sees it happen.
	 */
	sched_reap_dead_wait();
	memset(test, 0, sizeof(*test));
	test->name = test_case->name;
	test->status = KUNIT_SUCCESS;
	test->suite = suite;
	test->test_case = test_case;
	test->param_value = param;
	test->param_index = param_index;

	kunit_current = test;
	kunit_try(test, kunit_init_and_run_case);
	kunit_try(test, kunit_exit_case);
	kunit_run_actions(test);
	kunit_current = NULL;
	return test->status;
}

static void kunit_count(struct kunit_stats *stats, enum kunit_status status)
{
	switch (status) {
	case KUNIT_SUCCESS:
		stats->passed++;
		break;
	case KUNIT_FAILURE:
		stats->failed++;
		break;
	case KUNIT_SKIPPED:
		stats->skipped++;
		break;
	}
	stats->total++;
}

static void kunit_add_stats(struct kunit_stats *sum, const struct kunit_stats *add)
{
	sum->passed += add->passed;
	sum->failed += add->failed;
	sum->skipped += add->skipped;
	sum->total += add->total;
}

void kunit_print_stats(const char *indent, const char *label,
		       const struct kunit_stats *stats)
{
	if (!kunit_stats_enabled)
		return;
	if (kunit_stats_enabled == 1 && stats->total <= 1)
		return;
	pr_info("%s# %s: pass:%lu fail:%lu skip:%lu total:%lu\n", indent, label,
		stats->passed, stats->failed, stats->skipped, stats->total);
}

/* "ok N name", "not ok N name" or "ok N name # SKIP reason" at @indent. */
static void kunit_print_result(const char *indent, enum kunit_status status,
			       size_t number, const char *name,
			       const char *comment)
{
	bool skipped = status == KUNIT_SKIPPED;

	pr_info("%s%s %zu %s%s%s%s\n", indent,
		status == KUNIT_FAILURE ? "not ok" : "ok", number, name,
		skipped ? " # SKIP" : "",
		skipped && comment[0] ? " " : "",
		skipped ? comment : "");
}

static bool kunit_case_selected(struct kunit_case *test_case,
				const char *case_glob)
{
	return !case_glob || glob_match(case_glob, test_case->name);
}

size_t kunit_suite_count_cases(struct kunit_suite *suite, const char *case_glob)
{
	struct kunit_case *test_case;
	size_t n = 0;

	for (test_case = suite->test_cases; test_case && test_case->run_case;
	     test_case++)
		n += kunit_case_selected(test_case, case_glob);
	return n;
}

/*
 * A parameterised case is a nested KTAP subtest without a plan (the number
 * of parameters is not known up front), one result line per parameter.
 * The case fails if any parameter failed, passes if any passed, and is
 * skipped if all were (or there were none).
 */
static enum kunit_status kunit_run_param_case(struct kunit_suite *suite,
					      struct kunit_case *test_case,
					      struct kunit *test,
					      struct kunit_stats *leaves,
					      char *comment, size_t comment_size)
{
	enum kunit_status outcome = KUNIT_SKIPPED;
	char desc[KUNIT_PARAM_DESC_SIZE];
	const void *param;
	int index = 0;

	desc[0] = '\0';
	param = test_case->generate_params(NULL, desc);
	if (!param) {
		strscpy(comment, "no parameters", comment_size);
		kunit_count(leaves, KUNIT_SKIPPED);
		return KUNIT_SKIPPED;
	}

	pr_info(KUNIT_SUBSUBTEST_INDENT KTAP_VERSION_LINE);
	pr_info(KUNIT_SUBSUBTEST_INDENT "# Subtest: %s\n", test_case->name);
	while (param) {
		enum kunit_status s;

		s = kunit_run_once(test, suite, test_case, param, index);
		if (!desc[0])
			snprintf(desc, sizeof(desc), "param-%d", index);
		kunit_print_result(KUNIT_SUBSUBTEST_INDENT, s, index + 1, desc,
				   test->status_comment);
		kunit_count(leaves, s);
		if (s == KUNIT_FAILURE)
			outcome = KUNIT_FAILURE;
		else if (s == KUNIT_SUCCESS && outcome == KUNIT_SKIPPED)
			outcome = KUNIT_SUCCESS;
		strscpy(comment, test->status_comment, comment_size);

		desc[0] = '\0';
		param = test_case->generate_params(param, desc);
		index++;
	}
	kunit_print_stats(KUNIT_SUBTEST_INDENT, test_case->name, leaves);
	return outcome;
}

void kunit_run_suite(struct kunit_suite *suite, size_t number,
		     const char *case_glob, struct kunit_stats *totals)
{
	struct kunit_stats cases = { 0 }, leaves = { 0 };
	enum kunit_status suite_status = KUNIT_SKIPPED;
	struct kunit_case *test_case;
	size_t case_number = 0;
	int err;

	if (suite->suite_init) {
		err = suite->suite_init(suite);
		if (err) {
			pr_err(KUNIT_SUBTEST_INDENT "# %s: failed to initialize (%d)\n",
			       suite->name, err);
			/* No cases ran: the suite is one failed leaf. */
			kunit_count(totals, KUNIT_FAILURE);
			kunit_print_result("", KUNIT_FAILURE, number, suite->name, "");
			return;
		}
	}

	pr_info(KUNIT_SUBTEST_INDENT KTAP_VERSION_LINE);
	pr_info(KUNIT_SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	pr_info(KUNIT_SUBTEST_INDENT "1..%zu\n",
		kunit_suite_count_cases(suite, case_glob));

	for (test_case = suite->test_cases; test_case->run_case; test_case++) {
		struct kunit_stats case_leaves = { 0 };
		char comment[KUNIT_STATUS_COMMENT_SIZE];
		enum kunit_status status;
		struct kunit test;

		if (!kunit_case_selected(test_case, case_glob))
			continue;
		case_number++;

		if (test_case->generate_params) {
			status = kunit_run_param_case(suite, test_case, &test,
						      &case_leaves, comment,
						      sizeof(comment));
		} else {
			status = kunit_run_once(&test, suite, test_case, NULL, 0);
			strscpy(comment, test.status_comment, sizeof(comment));
			kunit_count(&case_leaves, status);
		}
		kunit_print_result(KUNIT_SUBTEST_INDENT, status, case_number,
				   test_case->name, comment);

		kunit_count(&cases, status);
		kunit_add_stats(&leaves, &case_leaves);
		if (status == KUNIT_FAILURE)
			suite_status = KUNIT_FAILURE;
		else if (status == KUNIT_SUCCESS && suite_status == KUNIT_SKIPPED)
			suite_status = KUNIT_SUCCESS;
	}

	if (suite->suite_exit)
		suite->suite_exit(suite);

	kunit_print_stats("", suite->name, &cases);
	kunit_print_stats("", "Totals", &leaves);
	kunit_print_result("", suite_status, number, suite->name, "");
	kunit_add_stats(totals, &leaves);
}
