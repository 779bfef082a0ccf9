// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for include/linux/overflow.h and the allocators that use it:
 * checked add/sub/mul at the edges of their types, the saturating size
 * helpers, and kmalloc_array()/kcalloc() refusing a wrapped size.
 */
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <kunit/test.h>

/* Unsigned add: exact below the top, wraps (and says so) past it. */
static void overflow_add_unsigned(struct kunit *test)
{
	u64 r64 = 0;
	u32 r32 = 0;
	u8 r8 = 0;

	KUNIT_EXPECT_FALSE(test, check_add_overflow(0xfffffffffffffffeULL, 1ULL, &r64));
	KUNIT_EXPECT_EQ(test, r64, 0xffffffffffffffffULL);
	KUNIT_EXPECT_TRUE(test, check_add_overflow(0xffffffffffffffffULL, 2ULL, &r64));
	KUNIT_EXPECT_EQ(test, r64, 1ULL);
	KUNIT_EXPECT_TRUE(test, check_add_overflow(0xffffffffU, 1U, &r32));
	KUNIT_EXPECT_EQ(test, r32, 0U);
	KUNIT_EXPECT_FALSE(test, check_add_overflow(200, 55, &r8));
	KUNIT_EXPECT_EQ(test, r8, 255);
	KUNIT_EXPECT_TRUE(test, check_add_overflow(200, 56, &r8));
	KUNIT_EXPECT_EQ(test, r8, 0);
}

/* Signed add: both ends of the range. */
static void overflow_add_signed(struct kunit *test)
{
	s32 r = 0;

	KUNIT_EXPECT_FALSE(test, check_add_overflow(2147483646, 1, &r));
	KUNIT_EXPECT_EQ(test, r, 2147483647);
	KUNIT_EXPECT_TRUE(test, check_add_overflow(2147483647, 1, &r));
	KUNIT_EXPECT_EQ(test, r, -2147483647 - 1);
	KUNIT_EXPECT_TRUE(test, check_add_overflow(-2147483647 - 1, -1, &r));
	KUNIT_EXPECT_EQ(test, r, 2147483647);
}

/* Subtraction below zero overflows an unsigned result, not a signed one. */
static void overflow_sub(struct kunit *test)
{
	unsigned long u = 0;
	long s = 0;

	KUNIT_EXPECT_FALSE(test, check_sub_overflow(5UL, 5UL, &u));
	KUNIT_EXPECT_EQ(test, u, 0UL);
	KUNIT_EXPECT_TRUE(test, check_sub_overflow(5UL, 6UL, &u));
	KUNIT_EXPECT_EQ(test, u, 0xffffffffffffffffUL);
	KUNIT_EXPECT_FALSE(test, check_sub_overflow(5L, 6L, &s));
	KUNIT_EXPECT_EQ(test, s, -1L);
	KUNIT_EXPECT_TRUE(test, check_sub_overflow(-9223372036854775807L - 1, 1L, &s));
}

/* The fill bug: 2^61 + 1 pages of 8 bytes is 8 bytes after the wrap. */
static void overflow_mul(struct kunit *test)
{
	unsigned long r = 0;
	u32 r32 = 0;

	KUNIT_EXPECT_TRUE(test, check_mul_overflow(2305843009213693953UL, 8UL, &r));
	KUNIT_EXPECT_EQ(test, r, 8UL);
	KUNIT_EXPECT_FALSE(test, check_mul_overflow(2305843009213693951UL, 8UL, &r));
	KUNIT_EXPECT_EQ(test, r, 0xfffffffffffffff8UL);
	KUNIT_EXPECT_FALSE(test, check_mul_overflow(0UL, 0xffffffffffffffffUL, &r));
	KUNIT_EXPECT_EQ(test, r, 0UL);
	/* Inputs wider than the result: the truncation is reported. */
	KUNIT_EXPECT_TRUE(test, check_mul_overflow(65536ULL, 65536ULL, &r32));
	KUNIT_EXPECT_EQ(test, r32, 0U);
	KUNIT_EXPECT_FALSE(test, check_mul_overflow(65535ULL, 65537ULL, &r32));
	KUNIT_EXPECT_EQ(test, r32, 0xffffffffU);
}

/* size_mul(), size_add() and array_size() stop at SIZE_MAX. */
static void overflow_size_helpers(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, size_mul(4096, 3), (size_t)12288);
	KUNIT_EXPECT_EQ(test, size_mul(2305843009213693953UL, 8),
			(size_t)0xffffffffffffffffUL);
	KUNIT_EXPECT_EQ(test, size_add(0xfffffffffffffff0UL, 15),
			(size_t)0xffffffffffffffffUL);
	KUNIT_EXPECT_EQ(test, size_add(0xfffffffffffffff0UL, 16),
			(size_t)0xffffffffffffffffUL);
	KUNIT_EXPECT_EQ(test, size_add(size_mul(1UL << 62, 4), 1),
			(size_t)0xffffffffffffffffUL);
	KUNIT_EXPECT_EQ(test, array_size(10, 24), (size_t)240);
	KUNIT_EXPECT_EQ(test, array_size(1UL << 32, 1UL << 32),
			(size_t)0xffffffffffffffffUL);
}

/* A wrapped count gets NULL, not the few bytes the wrap left. */
static void overflow_kmalloc_array(struct kunit *test)
{
	u64 *p;

	KUNIT_EXPECT_NULL(test, kmalloc_array(2305843009213693953UL, 8, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(2305843009213693953UL, 8, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(8, 2305843009213693953UL, GFP_KERNEL));
	p = kcalloc(4, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[0] | p[1] | p[2] | p[3], 0ULL);
	KUNIT_EXPECT_GE(test, ksize(p), (size_t)32);
	kfree(p);
}

static struct kunit_case overflow_test_cases[] = {
	KUNIT_CASE(overflow_add_unsigned),
	KUNIT_CASE(overflow_add_signed),
	KUNIT_CASE(overflow_sub),
	KUNIT_CASE(overflow_mul),
	KUNIT_CASE(overflow_size_helpers),
	KUNIT_CASE(overflow_kmalloc_array),
	{}
};

static struct kunit_suite overflow_test_suite = {
	.name = "overflow",
	.test_cases = overflow_test_cases,
};

kunit_test_suite(overflow_test_suite);
