// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect(2): change the access of a mapped range. The VMAs at the
 * edges are split, the VMAs inside get the new flags and their present
 * pages the new entry bits (mm/vma_pages.c), and alike neighbours merge
 * again afterwards.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* Linux's mprotect-only bits: grow the change to the stack's VMA end. */
#define PROT_GROWSDOWN	0x01000000
#define PROT_GROWSUP	0x02000000

/* Is [@start, @end) covered by VMAs with no hole? */
static bool range_mapped(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	unsigned long at = start;

	while (at < end) {
		if (!vma || vma->vm_start > at)
			return false;
		at = vma->vm_end;
		vma = list_next_entry(vma, vm_list);
		if (&vma->vm_list == &mm->vma_list)
			vma = NULL;
	}
	return true;
}

/**
 * do_mprotect - give [@start, @start + @len) of @mm the access @prot
 * @mm: the address space; mmap_lock held for writing
 * @start: page-aligned start
 * @len: length, rounded up to pages; 0 does nothing
 * @prot: PROT_READ, PROT_WRITE, PROT_EXEC or PROT_NONE (PROT_GROWSDOWN
 *	and PROT_GROWSUP are accepted and ignored)
 *
 * The range must be mapped throughout; it is checked before anything
 * changes.
 *
 * Return: 0; -EINVAL for an unaligned @start or unknown @prot bits;
 * -ENOMEM when part of the range is not mapped, it wraps or passes
 * TASK_SIZE_MAX, or a split finds no memory (VMAs may then be split
 * with their access unchanged).
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	unsigned long end, acc = prot & ~(PROT_GROWSDOWN | PROT_GROWSUP);
	struct vm_area_struct *vma;
	int ret;

	if (!IS_ALIGNED(start, PAGE_SIZE))
		return -EINVAL;
	if (acc & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((prot & PROT_GROWSDOWN) && (prot & PROT_GROWSUP))
		return -EINVAL;
	if (!len)
		return 0;
	if (len > TASK_SIZE_MAX || start > TASK_SIZE_MAX - PAGE_ALIGN(len))
		return -ENOMEM;
	end = PAGE_ALIGN(len) + start;
	if (!range_mapped(mm, start, end))
		return -ENOMEM;

	ret = split_vma_edges(mm, start, end);
	if (ret)
		return ret;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = list_next_entry(vma, vm_list)) {
		vma->vm_flags = (vma->vm_flags & ~VM_ACCESS_FLAGS) | acc;
		change_protection(mm, vma->vm_start, vma->vm_end,
				  vma->vm_flags);
		if (vma->vm_list.next == &mm->vma_list)
			break;
	}
	vma_merge_range(mm, start, end);
	return 0;
}

static long sys_mprotect(struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;	/* NULL: a kernel thread */
	int ret;

	if (!mm)
		return -ENOMEM;
	mmap_write_lock(mm);
	ret = do_mprotect(mm, SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs));
	mmap_write_unlock(mm);
	return ret;
}
SYSCALL_ENTRY(mprotect, sys_mprotect);
