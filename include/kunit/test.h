/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit for Tide: in-kernel unit tests with Linux's KUnit interface. Suites
 * are registered with kunit_test_suite(), run at boot when the kernel is
 * started with kunit.enable=1, and report in KTAP version 1 on the console.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <kunit/assert.h>
#include <kunit/try-catch.h>

/* KTAP nests a subtest four spaces deeper than its parent. */
/* The first line of every KTAP document, nested or not. */
#define KTAP_VERSION_LINE	"KTAP version 1\n"
#define KUNIT_SUBTEST_INDENT		"    "
#define KUNIT_SUBSUBTEST_INDENT		"        "

/* Room for a parameter's description, including the terminating NUL. */
#define KUNIT_PARAM_DESC_SIZE		128
/* Room for a skip reason, including the terminating NUL. */
#define KUNIT_STATUS_COMMENT_SIZE	256
/* Deferred cleanups one case may have pending at once. */
#define KUNIT_MAX_ACTIONS		16

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit;

/* A deferred cleanup: called with the context it was registered with. */
typedef void (kunit_action_t)(void *ctx);

/**
 * struct kunit_case - one test case of a suite
 * @run_case: the test; it reports through KUNIT_EXPECT_*()/KUNIT_ASSERT_*()
 * @name: shown in the KTAP output; KUNIT_CASE() uses the function's name
 * @generate_params: for a parameterised case, returns the parameter after
 *	@prev (the first when @prev is NULL) or NULL when there are no more,
 *	and may write a description of it into @desc (KUNIT_PARAM_DESC_SIZE)
 *
 * An array of cases ends with an entry whose @run_case is NULL: {}.
 */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
};

#define KUNIT_CASE(test_name)						\
	{ .run_case = test_name, .name = #test_name }

#define KUNIT_CASE_PARAM(test_name, gen_params)				\
	{ .run_case = test_name, .name = #test_name,			\
	  .generate_params = gen_params }

/**
 * struct kunit_suite - a named group of cases with shared setup
 * @name: the suite's name, normally its subsystem's ("memblock")
 * @suite_init: run once before the first case; non-zero fails the suite
 * @suite_exit: run once after the last case
 * @init: run before each case (and each parameter); non-zero fails the case
 * @exit: run after each case, also when the case or @init failed
 * @test_cases: the cases, ending with an empty entry
 */
struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
};

struct kunit_action {
	kunit_action_t *fn;
	void *ctx;
};

/**
 * struct kunit - the context of one running case (or one parameter of it)
 * @name: the case's name
 * @status: KUNIT_SUCCESS until a check fails or the case skips itself
 * @status_comment: the reason given to kunit_skip()/kunit_mark_skipped()
 * @param_value: the current parameter of a parameterised case, else NULL
 * @param_index: the current parameter's position, from 0
 * @priv: for the suite's @init, the case and @exit to share; starts NULL
 *
 * The remaining members belong to lib/kunit.
 */
struct kunit {
	const char *name;
	enum kunit_status status;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	const void *param_value;
	int param_index;
	void *priv;

	/* private: */
	struct kunit_suite *suite;
	struct kunit_case *test_case;
	struct kunit_jmp_buf abort_point;
	bool abort_armed;
	int nr_actions;
	struct kunit_action actions[KUNIT_MAX_ACTIONS];
};

/*
 * Registration: pointers to the suites go into the .kunit_test_suites
 * section, which the linker script gathers between __kunit_suites_start
 * and __kunit_suites_end. Suites run in link order.
 */
#define __kunit_paste(a, b) a##b
#define __kunit_unique_id(prefix, n) __kunit_paste(prefix, n)

#define kunit_test_suites(...)						\
	static struct kunit_suite *const				\
	__kunit_unique_id(__kunit_suite_ptrs_, __COUNTER__)[]		\
	__used __section(".kunit_test_suites") __aligned(8) = { __VA_ARGS__ }

#define kunit_test_suite(suite) kunit_test_suites(&(suite))

/*
 * Parameter generators over a static array of T. get_desc, if not NULL, is
 * void fn(T *elem, char *desc) and writes a name for each element into desc.
 */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		typeof((array)[0]) *__elem = prev ?			\
			(typeof((array)[0]) *)prev + 1 : &(array)[0];	\
		void (*__describe)(typeof((array)[0]) *, char *) = get_desc; \
									\
		if (__elem >= &(array)[ARRAY_SIZE(array)])		\
			return NULL;					\
		if (__describe)						\
			__describe(__elem, desc);			\
		return __elem;						\
	}

/* As KUNIT_ARRAY_PARAM(), naming each element by its string member. */
#define KUNIT_ARRAY_PARAM_DESC(name, array, desc_member)		\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		typeof((array)[0]) *__elem = prev ?			\
			(typeof((array)[0]) *)prev + 1 : &(array)[0];	\
									\
		if (__elem >= &(array)[ARRAY_SIZE(array)])		\
			return NULL;					\
		strscpy(desc, __elem->desc_member, KUNIT_PARAM_DESC_SIZE); \
		return __elem;						\
	}

#ifdef CONFIG_KUNIT

/**
 * kunit_run_all_tests - run the built-in suites if the command line asks
 *
 * Runs every suite selected by kunit.filter_glob (all of them by default),
 * in link order, printing KTAP version 1. Does nothing unless the kernel was
 * booted with kunit.enable=1; does not power the machine off.
 *
 * Return: true if the tests ran, false if KUnit is not enabled.
 */
bool kunit_run_all_tests(void);

/**
 * kunit_enabled - whether kunit.enable=1 was given
 *
 * Return: true if kunit_run_all_tests() will run the suites.
 */
bool kunit_enabled(void);

#else /* !CONFIG_KUNIT */

static inline bool kunit_run_all_tests(void)
{
	return false;
}

static inline bool kunit_enabled(void)
{
	return false;
}

#endif /* CONFIG_KUNIT */

/**
 * kunit_get_current_test - the case running now
 *
 * Return: the running case's context, or NULL outside a test case.
 */
struct kunit *kunit_get_current_test(void);

/**
 * kunit_set_failure - mark @test failed without printing anything
 * @test: the running case
 */
void kunit_set_failure(struct kunit *test);

/**
 * kunit_abort_case - leave the running case at once
 * @test: the running case
 *
 * Resumes in the runner, which goes on with the case's exit and cleanups.
 * Used by the assertion macros and kunit_skip(); panics if @test is not
 * running inside the runner.
 */
void __noreturn kunit_abort_case(struct kunit *test);

/**
 * kunit_mark_skipped - report @test as skipped, and carry on
 * @test: the running case
 * @fmt: printf-style reason, shown after "# SKIP"
 *
 * A case that has already failed stays failed.
 */
void kunit_mark_skipped(struct kunit *test, const char *fmt, ...) __printf(2, 3);

/* Report @test as skipped and end it at once. */
#define kunit_skip(test, fmt, ...)					\
	do {								\
		kunit_mark_skipped(test, fmt, ##__VA_ARGS__);		\
		kunit_abort_case(test);					\
	} while (0)

/**
 * kunit_add_action - run @action(@ctx) when @test ends
 * @test: the running case
 * @action: the cleanup
 * @ctx: its argument
 *
 * Pending actions run after the suite's exit hook, newest first, whether
 * the case passed, failed or aborted.
 *
 * Return: 0, -EINVAL if @action is NULL, or -ENOMEM when KUNIT_MAX_ACTIONS
 * are already pending (the action is then not registered and not run).
 */
int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);

/**
 * kunit_add_action_or_reset - kunit_add_action(), or run @action now
 * @test: the running case
 * @action: the cleanup
 * @ctx: its argument
 *
 * Return: as kunit_add_action(); on failure @action(@ctx) has been called.
 */
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx);

/**
 * kunit_remove_action - forget the newest pending @action(@ctx), unrun
 * @test: the running case
 * @action: the cleanup
 * @ctx: its argument
 */
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx);

/**
 * kunit_release_action - run the newest pending @action(@ctx) now
 * @test: the running case
 * @action: the cleanup
 * @ctx: its argument
 *
 * Does nothing if no such action is pending.
 */
void kunit_release_action(struct kunit *test, kunit_action_t *action,
			  void *ctx);

/* Diagnostics tied to a case: "    # <case>: <message>". */
#define kunit_printk(lvl, test, fmt, ...)				\
	printk(lvl KUNIT_SUBTEST_INDENT "# %s: " fmt "\n", (test)->name, \
	       ##__VA_ARGS__)
#define kunit_info(test, fmt, ...) kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)
#define kunit_warn(test, fmt, ...) kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...) kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/*
 * The checks. Each KUNIT_EXPECT_*() records a failure and lets the case go
 * on; each KUNIT_ASSERT_*() ends the case. Operands are evaluated once.
 * The _MSG variants add a printf-style message to the failure report.
 */
#define __KUNIT_FAILED(test, atype, akind, ltext, optext, rtext, lval,	\
		       rval, size, fmt, ...)				\
	do {								\
		static const struct kunit_check __kunit_site = {	\
			.file = __FILE__,				\
			.line = __LINE__,				\
			.type = (atype),				\
			.kind = (akind),				\
			.left_text = (ltext),				\
			.op = (optext),					\
			.right_text = (rtext),				\
		};							\
		__kunit_check_failed(test, &__kunit_site, lval, rval,	\
				     size, fmt, ##__VA_ARGS__);		\
		if ((atype) == KUNIT_ASSERTION)				\
			kunit_abort_case(test);				\
	} while (0)

#define __KUNIT_FAIL(test, atype, fmt, ...)				\
	__KUNIT_FAILED(test, atype, KUNIT_CHECK_FAIL, NULL, NULL, NULL,	\
		       KUNIT_NO_VALUE, KUNIT_NO_VALUE, 0, fmt, ##__VA_ARGS__)

#define __KUNIT_BOOL(test, atype, cond, want, fmt, ...)			\
	do {								\
		if ((!!(cond)) != (want))					\
			__KUNIT_FAILED(test, atype,			\
				       (want) ? KUNIT_CHECK_TRUE : KUNIT_CHECK_FALSE, \
				       #cond, NULL, NULL, KUNIT_NO_VALUE, \
				       KUNIT_NO_VALUE, 0, fmt, ##__VA_ARGS__); \
	} while (0)

/* "+ 0" promotes bit-fields and small types so that typeof() accepts them. */
#define __KUNIT_INT(test, atype, left, op, right, fmt, ...)		\
	do {								\
		const typeof((left) + 0) __kunit_l = (left);		\
		const typeof((right) + 0) __kunit_r = (right);		\
									\
		if (!(__kunit_l op __kunit_r))				\
			__KUNIT_FAILED(test, atype, KUNIT_CHECK_INT,	\
				       #left, #op, #right,		\
				       ((union kunit_value){ .i = (long long)__kunit_l }), \
				       ((union kunit_value){ .i = (long long)__kunit_r }), \
				       0, fmt, ##__VA_ARGS__);		\
	} while (0)

#define __KUNIT_PTR(test, atype, left, op, right, rtext, fmt, ...)	\
	do {								\
		__auto_type __kunit_l = (left);				\
		__auto_type __kunit_r = (right);			\
									\
		if (!(__kunit_l op __kunit_r))				\
			__KUNIT_FAILED(test, atype, KUNIT_CHECK_PTR,	\
				       #left, #op, rtext,		\
				       ((union kunit_value){ .p = __kunit_l }), \
				       ((union kunit_value){ .p = __kunit_r }), \
				       0, fmt, ##__VA_ARGS__);		\
	} while (0)

static inline bool __kunit_str_equal(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

#define __KUNIT_STR(test, atype, left, op, right, want_equal, fmt, ...)	\
	do {								\
		const char *__kunit_l = (left);				\
		const char *__kunit_r = (right);			\
									\
		if (__kunit_str_equal(__kunit_l, __kunit_r) != (want_equal)) \
			__KUNIT_FAILED(test, atype, KUNIT_CHECK_STR,	\
				       #left, #op, #right,		\
				       ((union kunit_value){ .s = __kunit_l }), \
				       ((union kunit_value){ .s = __kunit_r }), \
				       0, fmt, ##__VA_ARGS__);		\
	} while (0)

static inline bool __kunit_mem_equal(const void *a, const void *b, size_t n)
{
	if (!a || !b)
		return a == b;
	return !memcmp(a, b, n);
}

#define __KUNIT_MEM(test, atype, left, op, right, size, want_equal, fmt, ...) \
	do {								\
		const void *__kunit_l = (left);				\
		const void *__kunit_r = (right);			\
		const size_t __kunit_n = (size);			\
									\
		if (__kunit_mem_equal(__kunit_l, __kunit_r, __kunit_n) != (want_equal)) \
			__KUNIT_FAILED(test, atype, KUNIT_CHECK_MEM,	\
				       #left, #op, #right,		\
				       ((union kunit_value){ .p = __kunit_l }), \
				       ((union kunit_value){ .p = __kunit_r }), \
				       __kunit_n, fmt, ##__VA_ARGS__);	\
	} while (0)

#define __KUNIT_NOT_ERR_OR_NULL(test, atype, ptr, fmt, ...)		\
	do {								\
		const void *__kunit_p = (ptr);				\
									\
		if (IS_ERR_OR_NULL(__kunit_p))				\
			__KUNIT_FAILED(test, atype, KUNIT_CHECK_NOT_ERR_OR_NULL, \
				       #ptr, NULL, NULL,		\
				       ((union kunit_value){ .p = __kunit_p }), \
				       KUNIT_NO_VALUE, 0, fmt, ##__VA_ARGS__); \
	} while (0)

/* Nothing to check: documents that reaching this point is the test. */
#define KUNIT_SUCCEED(test) ((void)(test))

/* Unconditional failures. */
#define KUNIT_FAIL(test, fmt, ...)					\
	__KUNIT_FAIL(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_FAILURE(test, fmt, ...)				\
	__KUNIT_FAIL(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

/* Expectations. */
#define KUNIT_EXPECT_TRUE_MSG(test, cond, fmt, ...)			\
	__KUNIT_BOOL(test, KUNIT_EXPECTATION, cond, true, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_TRUE(test, cond) KUNIT_EXPECT_TRUE_MSG(test, cond, NULL)
#define KUNIT_EXPECT_FALSE_MSG(test, cond, fmt, ...)			\
	__KUNIT_BOOL(test, KUNIT_EXPECTATION, cond, false, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE(test, cond) KUNIT_EXPECT_FALSE_MSG(test, cond, NULL)

#define KUNIT_EXPECT_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_EXPECTATION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_EQ(test, left, right) KUNIT_EXPECT_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_EXPECTATION, left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE(test, left, right) KUNIT_EXPECT_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_EXPECTATION, left, <, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT(test, left, right) KUNIT_EXPECT_LT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_EXPECTATION, left, <=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE(test, left, right) KUNIT_EXPECT_LE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_EXPECTATION, left, >, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT(test, left, right) KUNIT_EXPECT_GT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_EXPECTATION, left, >=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE(test, left, right) KUNIT_EXPECT_GE_MSG(test, left, right, NULL)

#define KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(test, KUNIT_EXPECTATION, left, ==, right, #right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_EQ(test, left, right)				\
	KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(test, KUNIT_EXPECTATION, left, !=, right, #right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE(test, left, right)				\
	KUNIT_EXPECT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(test, KUNIT_EXPECTATION, ptr, ==, NULL, "NULL", fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL(test, ptr) KUNIT_EXPECT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(test, KUNIT_EXPECTATION, ptr, !=, NULL, "NULL", fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL(test, ptr) KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	__KUNIT_NOT_ERR_OR_NULL(test, KUNIT_EXPECTATION, ptr, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)

#define KUNIT_EXPECT_STREQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(test, KUNIT_EXPECTATION, left, ==, right, true, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_STREQ(test, left, right)				\
	KUNIT_EXPECT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(test, KUNIT_EXPECTATION, left, !=, right, false, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ(test, left, right)				\
	KUNIT_EXPECT_STRNEQ_MSG(test, left, right, NULL)

#define KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	__KUNIT_MEM(test, KUNIT_EXPECTATION, left, ==, right, size, true, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	__KUNIT_MEM(test, KUNIT_EXPECTATION, left, !=, right, size, false, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMNEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, NULL)

/* Assertions: as the expectations, but a failure ends the case. */
#define KUNIT_ASSERT_TRUE_MSG(test, cond, fmt, ...)			\
	__KUNIT_BOOL(test, KUNIT_ASSERTION, cond, true, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_TRUE(test, cond) KUNIT_ASSERT_TRUE_MSG(test, cond, NULL)
#define KUNIT_ASSERT_FALSE_MSG(test, cond, fmt, ...)			\
	__KUNIT_BOOL(test, KUNIT_ASSERTION, cond, false, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE(test, cond) KUNIT_ASSERT_FALSE_MSG(test, cond, NULL)

#define KUNIT_ASSERT_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_ASSERTION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_EQ(test, left, right) KUNIT_ASSERT_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_ASSERTION, left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE(test, left, right) KUNIT_ASSERT_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_ASSERTION, left, <, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT(test, left, right) KUNIT_ASSERT_LT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_ASSERTION, left, <=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE(test, left, right) KUNIT_ASSERT_LE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GT_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_ASSERTION, left, >, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT(test, left, right) KUNIT_ASSERT_GT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_INT(test, KUNIT_ASSERTION, left, >=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE(test, left, right) KUNIT_ASSERT_GE_MSG(test, left, right, NULL)

#define KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(test, KUNIT_ASSERTION, left, ==, right, #right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_EQ(test, left, right)				\
	KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	__KUNIT_PTR(test, KUNIT_ASSERTION, left, !=, right, #right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE(test, left, right)				\
	KUNIT_ASSERT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(test, KUNIT_ASSERTION, ptr, ==, NULL, "NULL", fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL(test, ptr) KUNIT_ASSERT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	__KUNIT_PTR(test, KUNIT_ASSERTION, ptr, !=, NULL, "NULL", fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL(test, ptr) KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	__KUNIT_NOT_ERR_OR_NULL(test, KUNIT_ASSERTION, ptr, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)

#define KUNIT_ASSERT_STREQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(test, KUNIT_ASSERTION, left, ==, right, true, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STREQ(test, left, right)				\
	KUNIT_ASSERT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	__KUNIT_STR(test, KUNIT_ASSERTION, left, !=, right, false, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ(test, left, right)				\
	KUNIT_ASSERT_STRNEQ_MSG(test, left, right, NULL)

#define KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	__KUNIT_MEM(test, KUNIT_ASSERTION, left, ==, right, size, true, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	__KUNIT_MEM(test, KUNIT_ASSERTION, left, !=, right, size, false, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMNEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, NULL)

/*
 * KUNIT_EXPECT_WARN - run @stmt, which must WARN at least once
 *
 * The warnings are counted, not printed (so a deliberate one does not read
 * as a kernel bug on the console), and the case fails if there was none.
 */
#define KUNIT_EXPECT_WARN(test, stmt) do {				\
	unsigned int __kunit_hits = warn_expect_hits;			\
	warn_expect_depth++;						\
	stmt;								\
	warn_expect_depth--;						\
	KUNIT_EXPECT_TRUE_MSG(test, warn_expect_hits != __kunit_hits,	\
			      "expected a warning from: %s", #stmt);	\
} while (0)

#endif /* _KUNIT_TEST_H */
