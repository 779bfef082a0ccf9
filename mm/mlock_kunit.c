// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/mlock.c: mlock() splits VMAs and fills the range in,
 * munlock() joins them again, madvise() cannot drop locked pages, the
 * on-fault variants leave pages to the
 * first touch, bad ranges and flags get Linux's errnos, mlockall()
 * covers later mappings and the heap, a locked mapping that grows is
 * filled in, and fork (dup_mm()) does not inherit a lock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <kunit/test.h>
#include "vma_kunit.h"

#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define RW	(PROT_READ | PROT_WRITE)
#define VRW	(VM_READ | VM_WRITE)
#define A	0x100000UL
#define PG	PAGE_SIZE

static void mlock_unuse(void *mm)
{
	kthread_unuse_mm(mm);
}

/* A new mm that the test thread runs on until the case ends. */
static struct mm_struct *mlock_new_mm(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	kthread_use_mm(mm);
	mmput(mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, mlock_unuse, mm),
			0);
	return mm;
}

static long mlock_map(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot)
{
	return vm_mmap_anon(mm, addr, len, prot, ANON | MAP_FIXED);
}

static int present_pages(struct mm_struct *mm, unsigned long addr, int n)
{
	int i, count = 0;

	for (i = 0; i < n; i++)
		count += mm_page_present(mm, addr + i * PG);
	return count;
}

/* mlock of the middle pages: three VMAs, the middle one filled in. */
static void mlock_middle(struct kunit *test)
{
	struct mm_struct *mm = mlock_new_mm(test);

	KUNIT_ASSERT_EQ(test, mlock_map(mm, A, 4 * PG, RW), (long)A);
	/* An unaligned start takes in its whole page. */
	KUNIT_EXPECT_EQ(test, do_mlock(mm, A + PG + 10, PG, VM_LOCKED), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	expect_vma(test, mm, 0, A, A + PG, VRW);
	expect_vma(test, mm, 1, A + PG, A + 3 * PG, VRW | VM_LOCKED);
	expect_vma(test, mm, 2, A + 3 * PG, A + 4 * PG, VRW);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A, 4), 2);
	KUNIT_EXPECT_TRUE(test, mm_page_present(mm, A + PG));
	KUNIT_EXPECT_TRUE(test, mm_page_present(mm, A + 2 * PG));
	/* Locked pages cannot be dropped: EINVAL, and nothing goes. */
	mmap_write_lock(mm);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, A, 4 * PG, MADV_DONTNEED),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, A + 2 * PG, PG, MADV_FREE),
			-EINVAL);
	mmap_write_unlock(mm);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A, 4), 2);
	/* munlock joins them again; the pages stay. */
	KUNIT_EXPECT_EQ(test, do_mlock(mm, A, 4 * PG, 0), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	expect_vma(test, mm, 0, A, A + 4 * PG, VRW);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A, 4), 2);
}

/* MLOCK_ONFAULT locks without filling in; PROT_NONE is not filled in. */
static void mlock_onfault(struct kunit *test)
{
	struct mm_struct *mm = mlock_new_mm(test);

	KUNIT_ASSERT_EQ(test, mlock_map(mm, A, 2 * PG, RW), (long)A);
	KUNIT_ASSERT_EQ(test, mlock_map(mm, A + 2 * PG, 2 * PG, PROT_NONE),
			(long)(A + 2 * PG));
	KUNIT_EXPECT_EQ(test, do_mlock(mm, A, 2 * PG,
				       VM_LOCKED | VM_LOCKONFAULT), 0);
	expect_vma(test, mm, 0, A, A + 2 * PG, VRW | VM_LOCKED_MASK);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A, 2), 0);
	KUNIT_EXPECT_EQ(test, do_mlock(mm, A + 2 * PG, 2 * PG, VM_LOCKED), 0);
	expect_vma(test, mm, 1, A + 2 * PG, A + 4 * PG, VM_LOCKED);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A + 2 * PG, 2), 0);
}

/* A hole gives -ENOMEM and changes nothing; a wrap -EINVAL; 0 is 0. */
static void mlock_errors(struct kunit *test)
{
	struct mm_struct *mm = mlock_new_mm(test);

	KUNIT_ASSERT_EQ(test, mlock_map(mm, A, PG, RW), (long)A);
	KUNIT_ASSERT_EQ(test, mlock_map(mm, A + 2 * PG, PG, RW),
			(long)(A + 2 * PG));
	KUNIT_EXPECT_EQ(test, do_mlock(mm, A, 3 * PG, VM_LOCKED), -ENOMEM);
	expect_vma(test, mm, 0, A, A + PG, VRW);
	expect_vma(test, mm, 1, A + 2 * PG, A + 3 * PG, VRW);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A, 3), 0);
	KUNIT_EXPECT_EQ(test, do_mlock(mm, 0x10000000, PG, 0), -ENOMEM);
	KUNIT_EXPECT_EQ(test, do_mlock(mm, A, -2 * PG, VM_LOCKED), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_mlock(mm, 0x10000000, 0, VM_LOCKED), 0);
	KUNIT_EXPECT_EQ(test, do_mlockall(mm, MCL_ONFAULT), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_mlockall(mm, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_mlockall(mm, MCL_CURRENT | 8), -EINVAL);
}

/* mlockall: now and later (brk too); munlockall ends both; not over fork. */
static void mlock_all(struct kunit *test)
{
	struct mm_struct *mm = mlock_new_mm(test), *copy;

	KUNIT_ASSERT_EQ(test, mlock_map(mm, A, 2 * PG, RW), (long)A);
	KUNIT_EXPECT_EQ(test, do_mlockall(mm, MCL_CURRENT), 0);
	expect_vma(test, mm, 0, A, A + 2 * PG, VRW | VM_LOCKED);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A, 2), 2);
	KUNIT_ASSERT_EQ(test, mlock_map(mm, A + 4 * PG, PG, RW),
			(long)(A + 4 * PG));
	expect_vma(test, mm, 1, A + 4 * PG, A + 5 * PG, VRW);
	KUNIT_EXPECT_EQ(test, do_mlockall(mm, MCL_FUTURE), 0);
	KUNIT_ASSERT_EQ(test, mlock_map(mm, A + 6 * PG, 2 * PG, RW),
			(long)(A + 6 * PG));
	expect_vma(test, mm, 2, A + 6 * PG, A + 8 * PG, VRW | VM_LOCKED);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A + 6 * PG, 2), 2);
	/* The heap grown after MCL_FUTURE is locked and filled in too. */
	mmap_write_lock(mm);
	mm->start_brk = A + 20 * PG;
	mm->brk = A + 20 * PG;
	KUNIT_EXPECT_EQ(test, do_brk(mm, A + 22 * PG), A + 22 * PG);
	mmap_write_unlock(mm);
	expect_vma(test, mm, 3, A + 20 * PG, A + 22 * PG, VRW | VM_LOCKED);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A + 20 * PG, 2), 2);
	copy = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	expect_vma(test, copy, 0, A, A + 2 * PG, VRW);
	expect_vma(test, copy, 2, A + 6 * PG, A + 8 * PG, VRW);
	KUNIT_EXPECT_EQ(test, copy->def_flags, 0UL);
	mmput(copy);
	KUNIT_EXPECT_EQ(test, do_mlockall(mm, 0), 0);
	expect_vma(test, mm, 0, A, A + 2 * PG, VRW);
	expect_vma(test, mm, 2, A + 6 * PG, A + 8 * PG, VRW);
	KUNIT_ASSERT_EQ(test, mlock_map(mm, A + 10 * PG, PG, RW),
			(long)(A + 10 * PG));
	expect_vma(test, mm, 3, A + 10 * PG, A + 11 * PG, VRW);
	expect_vma(test, mm, 4, A + 20 * PG, A + 22 * PG, VRW);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A + 10 * PG, 1), 0);
}

/* A locked mapping that grows (mremap()) gets its new pages at once. */
static void mlock_mremap_grows(struct kunit *test)
{
	struct mm_struct *mm = mlock_new_mm(test);
	long ret;

	KUNIT_ASSERT_EQ(test, mlock_map(mm, A, 2 * PG, RW), (long)A);
	KUNIT_ASSERT_EQ(test, do_mlock(mm, A, 2 * PG, VM_LOCKED), 0);
	mmap_write_lock(mm);
	ret = do_mremap(mm, A, 2 * PG, 4 * PG, 0, 0);
	mmap_write_unlock(mm);
	KUNIT_EXPECT_EQ(test, ret, (long)A);
	expect_vma(test, mm, 0, A, A + 4 * PG, VRW | VM_LOCKED);
	KUNIT_EXPECT_EQ(test, present_pages(mm, A, 4), 4);
}

static struct kunit_case mlock_cases[] = {
	KUNIT_CASE(mlock_middle),
	KUNIT_CASE(mlock_onfault),
	KUNIT_CASE(mlock_errors),
	KUNIT_CASE(mlock_all),
	KUNIT_CASE(mlock_mremap_grows),
	{}
};

static struct kunit_suite mlock_suite = {
	.name = "mlock",
	.test_cases = mlock_cases,
};
kunit_test_suite(mlock_suite);
