/* SPDX-License-Identifier: GPL-2.0 */
/* What the VMA test suites (mmap, mmap_calls) check a VMA list with. */
#ifndef _MM_VMA_KUNIT_H
#define _MM_VMA_KUNIT_H

#include <linux/list.h>
#include <linux/mm_struct.h>
#include <kunit/test.h>

/* The @n-th VMA of @mm (from 0), or NULL. */
static inline struct vm_area_struct *nth_vma(struct mm_struct *mm, int n)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->vma_list, vm_list)
		if (n-- == 0)
			return vma;
	return NULL;
}

/* Expects the @n-th VMA to be [@start, @end) with @flags. */
static inline void expect_vma(struct kunit *test, struct mm_struct *mm, int n,
			      unsigned long start, unsigned long end,
			      unsigned long flags)
{
	struct vm_area_struct *vma = nth_vma(mm, n);

	KUNIT_ASSERT_NOT_NULL_MSG(test, vma, "no VMA %d", n);
	KUNIT_EXPECT_EQ_MSG(test, vma->vm_start, start, "VMA %d", n);
	KUNIT_EXPECT_EQ_MSG(test, vma->vm_end, end, "VMA %d", n);
	KUNIT_EXPECT_EQ_MSG(test, vma->vm_flags, flags, "VMA %d", n);
}

#endif /* _MM_VMA_KUNIT_H */
