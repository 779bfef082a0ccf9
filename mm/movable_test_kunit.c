// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the movable page test driver's input checks (mm/movable_test.c):
 * page counts no machine has, including one whose table size wraps.
 */
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <kunit/test.h>

/*
 * 2^61 + 1 pages: the 8-byte table entries for them add up to 2^64 + 8
 * bytes, which wrapped to an 8-byte table that the fill loop overran.
 */
static void movable_test_fill_wrapping_count(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, movable_test_fill(2305843009213693953UL, NUMA_NO_NODE),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, movable_test_nr_pages(), 0UL);
	KUNIT_EXPECT_EQ(test, movable_test_fill(0xffffffffffffffffUL, NUMA_NO_NODE),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, movable_test_nr_pages(), 0UL);
}

/* One page more than the machine has is refused before anything is taken. */
static void movable_test_fill_more_than_ram(struct kunit *test)
{
	unsigned long before = nr_free_pages();

	KUNIT_EXPECT_EQ(test, movable_test_fill(totalram_pages() + 1, NUMA_NO_NODE),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, movable_test_nr_pages(), 0UL);
	KUNIT_EXPECT_GE(test, nr_free_pages() + 16, before);
}

/* Sizes that fit still work: 3 pages filled, verified and freed. */
static void movable_test_fill_small(struct kunit *test)
{
	unsigned long bad = 1;

	KUNIT_ASSERT_EQ(test, movable_test_fill(3, NUMA_NO_NODE), 0);
	KUNIT_EXPECT_EQ(test, movable_test_nr_pages(), 3UL);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	movable_test_free();
	KUNIT_EXPECT_EQ(test, movable_test_nr_pages(), 0UL);
}

static struct kunit_case movable_test_test_cases[] = {
	KUNIT_CASE(movable_test_fill_wrapping_count),
	KUNIT_CASE(movable_test_fill_more_than_ram),
	KUNIT_CASE(movable_test_fill_small),
	{}
};

static struct kunit_suite movable_test_test_suite = {
	.name = "movable_test",
	.test_cases = movable_test_test_cases,
};

kunit_test_suite(movable_test_test_suite);
