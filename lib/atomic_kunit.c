// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for include/linux/atomic.h and include/linux/bitops.h: what each
 * operation returns and leaves behind, on one CPU. The expected values are
 * literals worked out by hand.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <kunit/test.h>

/* read and set, plain and ordered, and the static initialisers. */
static void atomic_read_set(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(7);
	atomic_long_t l = ATOMIC_LONG_INIT(-3);

	KUNIT_EXPECT_EQ(test, atomic_read(&a), 7);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), -3L);
	atomic_set(&a, 42);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 42);
	atomic_set_release(&a, -1);
	KUNIT_EXPECT_EQ(test, atomic_read_acquire(&a), -1);
	atomic_long_set(&l, 0x100000000L);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 0x100000000L);
	atomic_long_set_release(&l, 5);
	KUNIT_EXPECT_EQ(test, atomic_long_read_acquire(&l), 5L);
}

/* The operations without a result change the counter and nothing else. */
static void atomic_void_ops(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(10);
	atomic_long_t l = ATOMIC_LONG_INIT(10);

	atomic_add(5, &a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 15);
	atomic_sub(20, &a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), -5);
	atomic_inc(&a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), -4);
	atomic_dec(&a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), -5);
	atomic_set(&a, 0xf0);
	atomic_or(0x0f, &a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0xff);
	atomic_and(0x3c, &a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0x3c);
	atomic_andnot(0x0c, &a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0x30);

	atomic_long_add(0x7fffffff, &l);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 0x80000009L);
	atomic_long_sub(0x80000000L, &l);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 9L);
	atomic_long_inc(&l);
	atomic_long_inc(&l);
	atomic_long_dec(&l);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 10L);
	atomic_long_or(0x100000000L, &l);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 0x10000000aL);
	atomic_long_andnot(0x2, &l);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 0x100000008L);
	atomic_long_and(0xff, &l);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 8L);
}

/* _return gives the new value, in every ordering. */
static void atomic_return_ops(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(0);
	atomic_long_t l = ATOMIC_LONG_INIT(0);

	KUNIT_EXPECT_EQ(test, atomic_add_return(3, &a), 3);
	KUNIT_EXPECT_EQ(test, atomic_add_return_acquire(3, &a), 6);
	KUNIT_EXPECT_EQ(test, atomic_add_return_release(3, &a), 9);
	KUNIT_EXPECT_EQ(test, atomic_add_return_relaxed(3, &a), 12);
	KUNIT_EXPECT_EQ(test, atomic_sub_return(2, &a), 10);
	KUNIT_EXPECT_EQ(test, atomic_sub_return_relaxed(11, &a), -1);
	KUNIT_EXPECT_EQ(test, atomic_inc_return(&a), 0);
	KUNIT_EXPECT_EQ(test, atomic_inc_return_acquire(&a), 1);
	KUNIT_EXPECT_EQ(test, atomic_inc_return_release(&a), 2);
	KUNIT_EXPECT_EQ(test, atomic_inc_return_relaxed(&a), 3);
	KUNIT_EXPECT_EQ(test, atomic_dec_return(&a), 2);
	KUNIT_EXPECT_EQ(test, atomic_dec_return_release(&a), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 1);

	KUNIT_EXPECT_EQ(test, atomic_long_add_return(0x100000000L, &l),
			0x100000000L);
	KUNIT_EXPECT_EQ(test, atomic_long_inc_return(&l), 0x100000001L);
	KUNIT_EXPECT_EQ(test, atomic_long_dec_return_relaxed(&l),
			0x100000000L);
	KUNIT_EXPECT_EQ(test, atomic_long_sub_return(0x100000001L, &l), -1L);
}

/* fetch_ gives the old value, in every ordering. */
static void atomic_fetch_ops(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(5);
	atomic_long_t l = ATOMIC_LONG_INIT(0);

	KUNIT_EXPECT_EQ(test, atomic_fetch_add(10, &a), 5);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add_acquire(10, &a), 15);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add_release(10, &a), 25);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add_relaxed(10, &a), 35);
	KUNIT_EXPECT_EQ(test, atomic_fetch_sub(40, &a), 45);
	KUNIT_EXPECT_EQ(test, atomic_fetch_inc(&a), 5);
	KUNIT_EXPECT_EQ(test, atomic_fetch_inc_relaxed(&a), 6);
	KUNIT_EXPECT_EQ(test, atomic_fetch_dec(&a), 7);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 6);
	KUNIT_EXPECT_EQ(test, atomic_fetch_or(0x10, &a), 6);
	KUNIT_EXPECT_EQ(test, atomic_fetch_and(0x12, &a), 0x16);
	KUNIT_EXPECT_EQ(test, atomic_fetch_xor(0x11, &a), 0x12);
	KUNIT_EXPECT_EQ(test, atomic_fetch_andnot(0x01, &a), 0x03);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0x02);

	KUNIT_EXPECT_EQ(test, atomic_long_fetch_or(0x1, &l), 0L);
	KUNIT_EXPECT_EQ(test, atomic_long_fetch_or_acquire(0x1, &l), 1L);
	KUNIT_EXPECT_EQ(test, atomic_long_fetch_or(0x100000000L, &l), 1L);
	KUNIT_EXPECT_EQ(test, atomic_long_fetch_and_release(~0x1L, &l),
			0x100000001L);
	KUNIT_EXPECT_EQ(test, atomic_long_fetch_andnot_release(0x100000000L, &l),
			0x100000000L);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 0L);
}

/* xchg always stores; cmpxchg only on a match; both return the old value. */
static void atomic_xchg_cmpxchg(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(1);
	atomic_long_t l = ATOMIC_LONG_INIT(100);
	int old;

	KUNIT_EXPECT_EQ(test, atomic_xchg(&a, 2), 1);
	KUNIT_EXPECT_EQ(test, atomic_xchg_acquire(&a, 3), 2);
	KUNIT_EXPECT_EQ(test, atomic_xchg_release(&a, 0), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0);

	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, 0, 8), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 8);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, 0, 9), 8);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 8);

	old = 7;
	KUNIT_EXPECT_FALSE(test, atomic_try_cmpxchg(&a, &old, 9));
	KUNIT_EXPECT_EQ(test, old, 8);
	KUNIT_EXPECT_TRUE(test, atomic_try_cmpxchg(&a, &old, 9));
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 9);

	KUNIT_EXPECT_EQ(test, atomic_long_xchg(&l, -100), 100L);
	KUNIT_EXPECT_EQ(test, atomic_long_cmpxchg_relaxed(&l, -100, 4), -100L);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l), 4L);
}

/* The reference-count helpers: true exactly at zero. */
static void atomic_refcount_helpers(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(2);

	KUNIT_EXPECT_FALSE(test, atomic_dec_and_test(&a));
	KUNIT_EXPECT_TRUE(test, atomic_dec_and_test(&a));
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0);
	KUNIT_EXPECT_FALSE(test, atomic_inc_not_zero(&a));
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0);
	atomic_set(&a, -1);
	KUNIT_EXPECT_TRUE(test, atomic_inc_and_test(&a));
	atomic_set(&a, 1);
	KUNIT_EXPECT_TRUE(test, atomic_inc_not_zero(&a));
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 2);
	KUNIT_EXPECT_FALSE(test, atomic_sub_and_test(3, &a));
	KUNIT_EXPECT_TRUE(test, atomic_sub_and_test(-1, &a));
	KUNIT_EXPECT_FALSE(test, atomic_add_unless(&a, 5, 0));
	KUNIT_EXPECT_TRUE(test, atomic_add_unless(&a, 5, 1));
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 5);
}

/* Bits in the second word, and neighbours left alone. */
static void atomic_bitops(struct kunit *test)
{
	unsigned long map[2] = { 0x1, 0 };

	set_bit(65, map);
	KUNIT_EXPECT_EQ(test, map[0], 0x1UL);
	KUNIT_EXPECT_EQ(test, map[1], 0x2UL);
	KUNIT_EXPECT_TRUE(test, test_bit(65, map));
	KUNIT_EXPECT_FALSE(test, test_bit(64, map));
	KUNIT_EXPECT_TRUE(test, test_and_set_bit(0, map));
	KUNIT_EXPECT_FALSE(test, test_and_set_bit(63, map));
	KUNIT_EXPECT_EQ(test, map[0], 0x8000000000000001UL);
	clear_bit(0, map);
	KUNIT_EXPECT_EQ(test, map[0], 0x8000000000000000UL);
	KUNIT_EXPECT_TRUE(test, test_and_clear_bit(65, map));
	KUNIT_EXPECT_FALSE(test, test_and_clear_bit(65, map));
	KUNIT_EXPECT_EQ(test, map[1], 0UL);
}

static struct kunit_case atomic_test_cases[] = {
	KUNIT_CASE(atomic_read_set),
	KUNIT_CASE(atomic_void_ops),
	KUNIT_CASE(atomic_return_ops),
	KUNIT_CASE(atomic_fetch_ops),
	KUNIT_CASE(atomic_xchg_cmpxchg),
	KUNIT_CASE(atomic_refcount_helpers),
	KUNIT_CASE(atomic_bitops),
	{}
};

static struct kunit_suite atomic_test_suite = {
	.name = "atomic",
	.test_cases = atomic_test_cases,
};

kunit_test_suite(atomic_test_suite);
