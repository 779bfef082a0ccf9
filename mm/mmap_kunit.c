// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for VMAs (mm/mmap.c): insertion with merging and overlap checks,
 * splits by munmap and MAP_FIXED, top-down placement, and the argument
 * checks of mmap and munmap. No page is touched.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <kunit/test.h>
#include "vma_kunit.h"

#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define RW	(PROT_READ | PROT_WRITE)

static void mmap_test_mmput(void *mm)
{
	mmput(mm);
}

static struct mm_struct *test_mm(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, mmap_test_mmput, mm), 0);
	return mm;
}

static long map_fixed(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot)
{
	return vm_mmap_anon(mm, addr, len, prot, ANON | MAP_FIXED);
}

/* A VMA filling the gap between two with the same flags joins them. */
static void mmap_insert_merges(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	mmap_write_lock(mm);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x10000, 0x20000, VM_READ), 0);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x30000, 0x40000, VM_READ), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x20000, 0x30000, VM_READ), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	expect_vma(test, mm, 0, 0x10000, 0x40000, VM_READ);
	/* Touching at one end only: that VMA grows. */
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x40000, 0x42000, VM_READ), 0);
	expect_vma(test, mm, 0, 0x10000, 0x42000, VM_READ);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	mmap_write_unlock(mm);
}

/* Neighbours with other flags stay apart, in address order. */
static void mmap_insert_keeps_order(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	mmap_write_lock(mm);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x50000, 0x60000, VM_READ), 0);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x10000, 0x20000, VM_READ), 0);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x20000, 0x50000,
					 VM_READ | VM_WRITE), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	expect_vma(test, mm, 0, 0x10000, 0x20000, VM_READ);
	expect_vma(test, mm, 1, 0x20000, 0x50000, VM_READ | VM_WRITE);
	expect_vma(test, mm, 2, 0x50000, 0x60000, VM_READ);
	KUNIT_EXPECT_PTR_EQ(test, find_vma(mm, 0x1ffff), nth_vma(mm, 0));
	KUNIT_EXPECT_PTR_EQ(test, find_vma(mm, 0x20000), nth_vma(mm, 1));
	/* Below every VMA: the first one, which starts above. */
	KUNIT_EXPECT_PTR_EQ(test, find_vma(mm, 0x1000), nth_vma(mm, 0));
	KUNIT_EXPECT_NULL(test, find_vma(mm, 0x60000));
	mmap_write_unlock(mm);
}

/* An overlapping insert fails and changes nothing. */
static void mmap_insert_overlap(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	mmap_write_lock(mm);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x20000, 0x30000, VM_READ), 0);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x2f000, 0x31000, VM_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x1f000, 0x21000, VM_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x10000, 0x40000, VM_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x24000, 0x25000, VM_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x30000, 0x30000, VM_READ), -EINVAL);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x30000, 0x30800, VM_READ), -EINVAL);
	KUNIT_EXPECT_EQ(test, insert_vma(mm, 0x7ffffffff000UL, 0x800000000000UL,
					 VM_READ), -EINVAL);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	expect_vma(test, mm, 0, 0x20000, 0x30000, VM_READ);
	mmap_write_unlock(mm);
}

/* munmap in the middle splits a VMA; across a boundary it trims both. */
static void mmap_munmap_splits(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	KUNIT_ASSERT_EQ(test, map_fixed(mm, 0x100000, 0x10000, RW), 0x100000L);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x104000, 0x2000), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	expect_vma(test, mm, 0, 0x100000, 0x104000, VM_READ | VM_WRITE);
	expect_vma(test, mm, 1, 0x106000, 0x110000, VM_READ | VM_WRITE);
	/* A length short of a page covers the whole page. */
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x102000, 0x5001), 0);
	expect_vma(test, mm, 0, 0x100000, 0x102000, VM_READ | VM_WRITE);
	expect_vma(test, mm, 1, 0x108000, 0x110000, VM_READ | VM_WRITE);
	/* Nothing mapped there: nothing to do. */
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x200000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x100000, 0x10000), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 0);
}

/* MAP_FIXED replaces the part it covers; mapping back merges again. */
static void mmap_fixed_replaces(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	KUNIT_ASSERT_EQ(test, map_fixed(mm, 0x200000, 0x4000, RW), 0x200000L);
	KUNIT_EXPECT_EQ(test, map_fixed(mm, 0x201000, 0x1000, PROT_READ), 0x201000L);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	expect_vma(test, mm, 0, 0x200000, 0x201000, VM_READ | VM_WRITE);
	expect_vma(test, mm, 1, 0x201000, 0x202000, VM_READ);
	expect_vma(test, mm, 2, 0x202000, 0x204000, VM_READ | VM_WRITE);
	KUNIT_EXPECT_EQ(test, map_fixed(mm, 0x201000, 0x1000, RW), 0x201000L);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	expect_vma(test, mm, 0, 0x200000, 0x204000, VM_READ | VM_WRITE);
}

/* Without MAP_FIXED: a free hint is taken, else top-down from the base. */
static void mmap_placement(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x3000, RW, ANON),
			0x7effffffd000L);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x1000, PROT_READ, ANON),
			0x7effffffc000L);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0x300000, 0x2000, RW, ANON),
			0x300000L);
	/* The hint is taken now: the next free range below the others. */
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0x301000, 0x2000, RW, ANON),
			0x7effffffa000L);
	/* The top three pages freed: the highest two of them are used. */
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x7effffffd000, 0x3000), 0);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x2000, PROT_READ, ANON),
			0x7effffffe000L);
	KUNIT_EXPECT_EQ(test, mm->map_count, 4);
}

/* Once the space below the base is used up, -ENOMEM. */
static void mmap_out_of_space(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	mm->mmap_base = 0x13000;
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x4000, RW, ANON), (long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x2000, RW, ANON), 0x11000L);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x2000, RW, ANON), (long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x1000, RW, ANON), 0x10000L);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x1000, RW, ANON), (long)-ENOMEM);
}

/* Bad arguments, lengths that overflow, ranges past TASK_SIZE_MAX. */
static void mmap_bad_arguments(struct kunit *test)
{
	struct mm_struct *mm = test_mm(test);

	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0, RW, ANON), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x1000, 0x8, ANON), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x1000, RW,
					   MAP_SHARED | MAP_ANONYMOUS), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x1000, RW, MAP_PRIVATE),
			(long)-EINVAL);
	KUNIT_EXPECT_EQ(test, map_fixed(mm, 0x200001, 0x1000, RW), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, map_fixed(mm, 0x1000, 0x1000, RW), (long)-EPERM);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, ~0UL, RW, ANON), (long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0, 0x800000000000UL, RW, ANON),
			(long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, map_fixed(mm, 0x7fffffffe000UL, 0x2000, RW),
			(long)-ENOMEM);
	KUNIT_EXPECT_EQ(test, map_fixed(mm, 0xfffffffffffff000UL, 0x2000, RW),
			(long)-ENOMEM);
	/* The last page below TASK_SIZE_MAX is fine. */
	KUNIT_EXPECT_EQ(test, map_fixed(mm, 0x7fffffffe000UL, 0x1000, RW),
			0x7fffffffe000L);
	/* A hint that would wrap is ignored, not refused. */
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, 0xfffffffffffff000UL, 0x2000,
					   RW, ANON), 0x7effffffe000L);

	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x200800, 0x1000), -EINVAL);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x200000, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x200000, ~0UL), -EINVAL);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x7ffffffff000UL, 0x1000), -EINVAL);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x7fffffffe000UL, 0x2000), -EINVAL);
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, 0x7fffffffe000UL, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
}

static struct kunit_case mmap_cases[] = {
	KUNIT_CASE(mmap_insert_merges),
	KUNIT_CASE(mmap_insert_keeps_order),
	KUNIT_CASE(mmap_insert_overlap),
	KUNIT_CASE(mmap_munmap_splits),
	KUNIT_CASE(mmap_fixed_replaces),
	KUNIT_CASE(mmap_placement),
	KUNIT_CASE(mmap_out_of_space),
	KUNIT_CASE(mmap_bad_arguments),
	{}
};

static struct kunit_suite mmap_suite = {
	.name = "mmap",
	.test_cases = mmap_cases,
};
kunit_test_suite(mmap_suite);
