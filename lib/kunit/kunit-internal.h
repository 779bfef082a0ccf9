/* SPDX-License-Identifier: GPL-2.0 */
/* What the KUnit executor and runner share; nothing outside lib/kunit uses it. */
#ifndef _LIB_KUNIT_INTERNAL_H
#define _LIB_KUNIT_INTERNAL_H

#include <kunit/test.h>

/* Gathered by the linker script from kunit_test_suites(). */
extern struct kunit_suite *const __kunit_suites_start[];
extern struct kunit_suite *const __kunit_suites_end[];

/* Result counts, either per case or per leaf result (each parameter). */
struct kunit_stats {
	unsigned long passed;
	unsigned long failed;
	unsigned long skipped;
	unsigned long total;
};

/**
 * kunit_suite_count_cases - how many of @suite's cases @case_glob selects
 * @suite: the suite
 * @case_glob: a glob over case names, or NULL for all
 *
 * Return: the number of cases that kunit_run_suite() would run.
 */
size_t kunit_suite_count_cases(struct kunit_suite *suite, const char *case_glob);

/**
 * kunit_run_suite - run @suite and print its KTAP subtest
 * @suite: the suite
 * @number: the suite's position in the top-level plan, from 1
 * @case_glob: a glob over case names, or NULL for all
 * @totals: the leaf results are added here
 */
void kunit_run_suite(struct kunit_suite *suite, size_t number,
		     const char *case_glob, struct kunit_stats *totals);

/**
 * kunit_print_stats - print "<indent># <label>: pass:P fail:F skip:S total:T"
 * @indent: leading spaces, for the nesting level
 * @label: the suite's or case's name, or "Totals"
 * @stats: the counts
 *
 * Prints nothing when kunit.stats_enabled=0, nor for a single result when
 * it is 1 (the default), as Linux does.
 */
void kunit_print_stats(const char *indent, const char *label,
		       const struct kunit_stats *stats);

#endif /* _LIB_KUNIT_INTERNAL_H */
