// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the kernel fill test driver (mm/kernel_fill_test.c): what it
 * counts as bad, what it refuses, and that freeing gives every page back.
 */
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <kunit/test.h>
#include "kernel_fill_test.h"

#define KFILL_TEST_THREADS	64

/* A few MiB filled, verified intact, and freed with its threads. */
static void kernel_fill_test_small(struct kunit *test)
{
	unsigned long n = 0, bad = 1;

	KUNIT_ASSERT_EQ(test, kernel_fill_test_fill(0, 4), 0);
	KUNIT_EXPECT_GT(test, kernel_fill_test_nr_objects(), 512UL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_nr_threads(),
			(unsigned long)KFILL_TEST_THREADS);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(&n, &bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	/* The threads' stack buffers and the per-CPU buffers count too. */
	KUNIT_EXPECT_EQ(test, n, kernel_fill_test_nr_objects() +
			KFILL_TEST_THREADS + num_possible_cpus());
	/* A second fill adds to the first, without new threads. */
	n = kernel_fill_test_nr_objects();
	KUNIT_EXPECT_EQ(test, kernel_fill_test_fill(0, 8), 0);
	KUNIT_EXPECT_GT(test, kernel_fill_test_nr_objects(), n);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_nr_threads(),
			(unsigned long)KFILL_TEST_THREADS);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(NULL, NULL), 0);
	kernel_fill_test_free();
	KUNIT_EXPECT_EQ(test, kernel_fill_test_nr_objects(), 0UL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_nr_threads(), 0UL);
}

/* One flipped bit is one bad object; flipped back, none. */
static void kernel_fill_test_corrupt_one(struct kunit *test)
{
	unsigned long n, bad = 0;

	KUNIT_ASSERT_EQ(test, kernel_fill_test_fill(0, 2), 0);
	n = kernel_fill_test_nr_objects();
	KUNIT_ASSERT_EQ(test, kernel_fill_test_corrupt(n / 2), 0);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(NULL, &bad), -EIO);
	KUNIT_EXPECT_EQ(test, bad, 1UL);
	KUNIT_ASSERT_EQ(test, kernel_fill_test_corrupt(0), 0);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(NULL, &bad), -EIO);
	KUNIT_EXPECT_EQ(test, bad, 2UL);
	KUNIT_ASSERT_EQ(test, kernel_fill_test_corrupt(n / 2), 0);
	KUNIT_ASSERT_EQ(test, kernel_fill_test_corrupt(0), 0);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(NULL, &bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_corrupt(n), -ENOENT);
	kernel_fill_test_free();
}

/*
 * Every page behind the 64 newest pieces (past the 2 MiB of the sparse
 * area and the threads' buffers, a fill of 4 MiB runs rounds: the newest
 * are the last round's vmalloc buffer, kernel heap blocks, kmalloc and
 * cache objects) moves to another frame, and verify still finds every
 * pattern intact at the same addresses.
 */
static void kernel_fill_test_moved(struct kunit *test)
{
	unsigned long idx, pg, moved = 0, bad = 1;
	size_t size = 0;
	void *addr;

	KUNIT_ASSERT_EQ(test, kernel_fill_test_fill(0, 4), 0);
	for (idx = 0; idx < 64; idx++) {
		addr = kernel_fill_test_piece(idx, &size);
		KUNIT_ASSERT_NOT_NULL(test, addr);
		for (pg = 0; pg < DIV_ROUND_UP(size, PAGE_SIZE); pg++) {
			unsigned long va = (unsigned long)addr + pg * PAGE_SIZE;
			phys_addr_t pa = kernel_virt_to_phys(va);

			KUNIT_ASSERT_NE(test, pa, PHYS_ADDR_MAX);
			if (migrate_kernel_page(phys_to_page(pa)))
				continue;
			KUNIT_EXPECT_NE(test, kernel_virt_to_phys(va), pa);
			moved++;
		}
	}
	KUNIT_EXPECT_GE(test, moved, 48UL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(NULL, &bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_piece(ULONG_MAX, &size), NULL);
	kernel_fill_test_free();
}

/* Nodes and sizes that cannot be filled are refused; nothing is kept. */
static void kernel_fill_test_bad_input(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kernel_fill_test_fill(-1, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_fill(MAX_NUMNODES, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_fill(0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_fill(0, ULONG_MAX), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_fill(
			0, (totalram_pages() >> (20 - PAGE_SHIFT)) + 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_nr_objects(), 0UL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_nr_threads(), 0UL);
	KUNIT_EXPECT_EQ(test, kernel_fill_test_corrupt(0), -ENOENT);
}

struct kfill_counts {
	unsigned long free, slab, kheap, vmalloc, stacks, pgtables;
};

static void kfill_counts(struct kfill_counts *c)
{
	sched_reap_dead_wait();
	c->free = nr_free_pages();
	c->slab = slab_pages();
	c->kheap = kheap_nr_pages();
	c->vmalloc = vmalloc_nr_pages();
	c->stacks = kernel_stack_pages();
	c->pgtables = pgtable_pages_in_use();
}

/*
 * A fill and free gives back every page of each allocator. The first
 * round may leave page tables for vmalloc range it was the first to use,
 * so the second is measured. While filled, the sparse area holds a page
 * table for each of its 512 pages (a few may share one with a hole lower
 * in the vmalloc range). Page tables of others may be freed meanwhile,
 * so free pages and page tables are compared as at least and at most.
 */
static void kernel_fill_test_no_leak(struct kunit *test)
{
	struct kfill_counts before, after;

	KUNIT_ASSERT_EQ(test, kernel_fill_test_fill(0, 16), 0);
	kernel_fill_test_free();
	kfill_counts(&before);
	KUNIT_ASSERT_EQ(test, kernel_fill_test_fill(0, 16), 0);
	KUNIT_EXPECT_LT(test, nr_free_pages() + 4096, before.free);
	KUNIT_EXPECT_GE(test, pgtable_pages_in_use(), before.pgtables + 500);
	kernel_fill_test_free();
	kfill_counts(&after);
	KUNIT_EXPECT_EQ(test, after.slab, before.slab);
	KUNIT_EXPECT_EQ(test, after.kheap, before.kheap);
	KUNIT_EXPECT_EQ(test, after.vmalloc, before.vmalloc);
	KUNIT_EXPECT_EQ(test, after.stacks, before.stacks);
	KUNIT_EXPECT_LE(test, after.pgtables, before.pgtables);
	KUNIT_EXPECT_GE(test, after.free, before.free);
}

static struct kunit_case kernel_fill_test_cases[] = {
	KUNIT_CASE(kernel_fill_test_small),
	KUNIT_CASE(kernel_fill_test_corrupt_one),
	KUNIT_CASE(kernel_fill_test_moved),
	KUNIT_CASE(kernel_fill_test_bad_input),
	KUNIT_CASE(kernel_fill_test_no_leak),
	{}
};

static struct kunit_suite kernel_fill_test_suite = {
	.name = "kernel_fill_test",
	.test_cases = kernel_fill_test_cases,
};

kunit_test_suite(kernel_fill_test_suite);
