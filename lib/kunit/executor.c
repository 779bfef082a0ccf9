// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit's executor: the boot options that turn the tests on and pick them,
 * and the walk over the built-in suites that prints the top-level KTAP
 * header and runs each selected suite in link order.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <kunit/test.h>

#include "kunit-internal.h"

#define KUNIT_GLOB_MAX	128

/* kunit.enable: off unless asked for, so a normal boot runs no tests. */
static bool kunit_enable_param;

/*
 * kunit.filter_glob=SUITE_GLOB[.CASE_GLOB]: the part before the first '.'
 * matches suite names, the rest case names ("*" when there is no dot).
 */
static bool kunit_filter_set;
static char kunit_suite_glob[KUNIT_GLOB_MAX];
static char kunit_case_glob[KUNIT_GLOB_MAX];

static int __init kunit_enable_setup(char *val)
{
	bool on = true;		/* a bare "kunit.enable" means yes */

	if (val && kstrtobool(val, &on))
		return -EINVAL;
	kunit_enable_param = on;
	return 0;
}
early_param("kunit.enable", kunit_enable_setup);

static int __init kunit_filter_glob_setup(char *val)
{
	const char *case_glob = "*";
	size_t suite_len;
	char *dot;

	if (!val || !*val)
		return -EINVAL;
	dot = strchr(val, '.');
	suite_len = dot ? (size_t)(dot - val) : strlen(val);
	if (dot)
		case_glob = dot + 1;
	if (!suite_len || suite_len >= KUNIT_GLOB_MAX || !*case_glob ||
	    strlen(case_glob) >= KUNIT_GLOB_MAX)
		return -EINVAL;

	memcpy(kunit_suite_glob, val, suite_len);
	kunit_suite_glob[suite_len] = '\0';
	strscpy(kunit_case_glob, case_glob, sizeof(kunit_case_glob));
	kunit_filter_set = true;
	return 0;
}
early_param("kunit.filter_glob", kunit_filter_glob_setup);

bool kunit_enabled(void)
{
	return kunit_enable_param;
}

/* The number of @suite's cases to run: 0 leaves the suite out entirely. */
static size_t kunit_selected_cases(struct kunit_suite *suite)
{
	if (!suite || !suite->test_cases)
		return 0;
	if (!kunit_filter_set)
		return kunit_suite_count_cases(suite, NULL);
	if (!glob_match(kunit_suite_glob, suite->name))
		return 0;
	return kunit_suite_count_cases(suite, kunit_case_glob);
}

bool kunit_run_all_tests(void)
{
	struct kunit_suite *const *suite;
	struct kunit_stats totals = { 0 };
	size_t nr_suites = 0, number = 0;
	const char *case_glob = NULL;

	if (!kunit_enable_param)
		return false;
	if (kunit_filter_set)
		case_glob = kunit_case_glob;

	for (suite = __kunit_suites_start; suite < __kunit_suites_end; suite++)
		nr_suites += kunit_selected_cases(*suite) > 0;

	pr_info(KTAP_VERSION_LINE);
	pr_info("1..%zu\n", nr_suites);
	for (suite = __kunit_suites_start; suite < __kunit_suites_end; suite++) {
		if (!kunit_selected_cases(*suite))
			continue;
		kunit_run_suite(*suite, ++number, case_glob, &totals);
	}

	/*
	 * Linux prints "# Totals" per suite only; the run-wide line after the
	 * last suite lies outside the top-level plan, so KTAP parsers skip it.
	 */
	pr_info("# Totals: pass:%lu fail:%lu skip:%lu total:%lu\n",
		totals.passed, totals.failed, totals.skipped, totals.total);
	return true;
}
