/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a KUNIT_EXPECT_*() or KUNIT_ASSERT_*() site checked, handed to
 * lib/kunit/assert.c when the check fails so that it can print the source
 * text of both operands and the values they had.
 */
#ifndef _KUNIT_ASSERT_H
#define _KUNIT_ASSERT_H

#include <linux/types.h>
#include <linux/compiler.h>

struct kunit;

/* An expectation records a failure and goes on; an assertion ends the case. */
enum kunit_assert_type {
	KUNIT_EXPECTATION,
	KUNIT_ASSERTION,
};

/* How to explain a failure; picks the member of union kunit_value used. */
enum kunit_check_kind {
	KUNIT_CHECK_FAIL,		/* KUNIT_FAIL(): message only */
	KUNIT_CHECK_TRUE,		/* left_text should have been true */
	KUNIT_CHECK_FALSE,		/* left_text should have been false */
	KUNIT_CHECK_INT,		/* .i on both sides */
	KUNIT_CHECK_PTR,		/* .p on both sides */
	KUNIT_CHECK_STR,		/* .s on both sides */
	KUNIT_CHECK_NOT_ERR_OR_NULL,	/* .p on the left */
	KUNIT_CHECK_MEM,		/* .p on both sides, @size bytes */
};

/**
 * struct kunit_check - one check site, kept in rodata by the macros
 * @file: __FILE__ of the site
 * @line: __LINE__ of the site
 * @type: expectation or assertion
 * @kind: which comparison, see enum kunit_check_kind
 * @left_text: source text of the left operand (or the condition)
 * @op: source text of the operator, e.g. "==" (NULL for unary checks)
 * @right_text: source text of the right operand (NULL for unary checks)
 */
struct kunit_check {
	const char *file;
	int line;
	enum kunit_assert_type type;
	enum kunit_check_kind kind;
	const char *left_text;
	const char *op;
	const char *right_text;
};

/* One operand's value as the failing check saw it. */
union kunit_value {
	long long i;
	const void *p;
	const char *s;
};

#define KUNIT_NO_VALUE ((union kunit_value){ .i = 0 })

/**
 * __kunit_check_failed - report a failed check and mark the case failed
 * @test: the running case
 * @check: the check site
 * @left: value of the left operand (or of the checked pointer)
 * @right: value of the right operand
 * @size: bytes compared, for KUNIT_CHECK_MEM
 * @fmt: optional printf-style message from the _MSG variants, or NULL
 *
 * Prints the KTAP diagnostic lines for the failure. Does not abort the case:
 * the assertion macros call kunit_abort_case() after it.
 */
void __kunit_check_failed(struct kunit *test, const struct kunit_check *check,
			  union kunit_value left, union kunit_value right,
			  size_t size, const char *fmt, ...) __printf(6, 7);

#endif /* _KUNIT_ASSERT_H */
