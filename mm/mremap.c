// SPDX-License-Identifier: GPL-2.0
/*
 * mremap(2): shrink a mapping, grow it where it is when the room after
 * it is free, or move it (MREMAP_MAYMOVE, MREMAP_FIXED) with its pages:
 * the page-table entries move (mm/vma_pages.c), the data is not copied.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* Check the new range of MREMAP_FIXED against the old one. */
static int mremap_fixed_check(unsigned long addr, unsigned long old_len,
			      unsigned long new_addr, unsigned long new_len)
{
	unsigned long end;

	if (!IS_ALIGNED(new_addr, PAGE_SIZE))
		return -EINVAL;
	if (check_add_overflow(new_addr, new_len, &end) ||
	    end > TASK_SIZE_MAX || new_addr < MMAP_MIN_ADDR)
		return -EINVAL;
	if (new_addr < addr + old_len && addr < end)
		return -EINVAL;		/* the two ranges overlap */
	return 0;
}

/*
 * Move [@addr, @addr + @old_len) of @vma to @new_addr with @new_len
 * bytes (the destination is free). Returns @new_addr or -ENOMEM.
 */
static long mremap_move(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, unsigned long old_len,
			unsigned long new_addr, unsigned long new_len)
{
	unsigned long pgoff = vma->vm_pgoff, keep = min(old_len, new_len);
	int ret;

	if (vma->vm_file || vma->vm_shared)
		pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	if (vma->vm_shared &&
	    pgoff + (new_len >> PAGE_SHIFT) > vma->vm_shared->nr_pages)
		return -ENOMEM;		/* shared objects do not grow */
	ret = vma_link_copy(mm, vma, new_addr, new_addr + new_len, pgoff);
	if (ret)
		return ret;
	ret = move_page_range(mm, addr, new_addr, keep);
	if (ret)
		goto unlink;
	do_munmap(mm, addr, old_len);
	return new_addr;

unlink:
	do_munmap(mm, new_addr, new_len);
	return ret;
}

/* Grow @vma, which ends at @addr + @old_len, to @new_len in place. */
static long mremap_grow(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, unsigned long old_len,
			unsigned long new_len)
{
	unsigned long old_end = vma->vm_end, end;
	struct vm_area_struct *next;	/* the mapping after @vma */

	if (check_add_overflow(addr, new_len, &end) || end > TASK_SIZE_MAX)
		return -ENOMEM;
	next = find_vma(mm, old_end);
	if (next && next->vm_start < end)
		return -ENOMEM;
	if (vma->vm_shared && vma->vm_pgoff +
	    ((end - vma->vm_start) >> PAGE_SHIFT) > vma->vm_shared->nr_pages)
		return -ENOMEM;
	vma->vm_end = end;
	vma_merge_range(mm, addr, end);
	return addr;
}

/*
 * A locked mapping (mlock()) that grew from @old_len to @new_len bytes at
 * @addr gets its new pages now, as mlock() gave it its old ones; what
 * cannot be had is left to the faults. mmap_lock held for writing.
 */
static void mremap_fill_locked(struct mm_struct *mm, unsigned long addr,
			       unsigned long old_len, unsigned long new_len)
{
	struct vm_area_struct *vma;

	if (new_len <= old_len)
		return;
	vma = find_vma(mm, addr + old_len);
	if (vma && vma->vm_start <= addr + old_len &&
	    vma->vm_end >= addr + new_len &&
	    (vma->vm_flags & VM_LOCKED_MASK) == VM_LOCKED)
		populate_vma_range(mm, vma, addr + old_len, addr + new_len);
}

/* do_mremap() without the filling in of a grown locked mapping. */
static long mremap_change(struct mm_struct *mm,
			  unsigned long addr, unsigned long old_len,
			  unsigned long new_len, unsigned long mr_flags,
			  unsigned long new_addr)
{
	bool fixed = mr_flags & MREMAP_FIXED;
	struct vm_area_struct *vma;
	long ret;

	if (mr_flags & ~(unsigned long)(MREMAP_MAYMOVE | MREMAP_FIXED))
		return -EINVAL;
	if ((mr_flags & MREMAP_FIXED) && !(mr_flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (!IS_ALIGNED(addr, PAGE_SIZE) || old_len > TASK_SIZE_MAX ||
	    new_len > TASK_SIZE_MAX)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);	/* whole pages from here on */
	new_len = PAGE_ALIGN(new_len);	/* likewise */
	if (!new_len || !old_len)
		return -EINVAL;
	if (fixed) {
		ret = mremap_fixed_check(addr, old_len, new_addr, new_len);
		if (ret)
			return ret;
	}
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || addr > TASK_SIZE_MAX - old_len ||
	    addr + old_len > vma->vm_end)
		return -EFAULT;

	if (fixed) {
		ret = do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
		vma = find_vma(mm, addr);
		return mremap_move(mm, vma, addr, old_len, new_addr, new_len);
	}
	if (new_len <= old_len) {
		if (new_len < old_len) {
			ret = do_munmap(mm, addr + new_len, old_len - new_len);
			if (ret)
				return ret;
		}
		return addr;
	}
	if (addr + old_len == vma->vm_end) {
		ret = mremap_grow(mm, vma, addr, old_len, new_len);
		if (ret != -ENOMEM || !(mr_flags & MREMAP_MAYMOVE))
			return ret;
	}
	if (!(mr_flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	ret = get_unmapped_area(mm, 0, new_len);
	if (ret < 0)
		return ret;
	return mremap_move(mm, vma, addr, old_len, ret, new_len);
}

/**
 * do_mremap - resize or move the mapping at [@addr, @addr + @old_len)
 * @mm: the address space; mmap_lock held for writing
 * @addr: page-aligned start, inside one VMA with the whole old range
 * @old_len: the old length, rounded up to pages
 * @new_len: the new length, rounded up to pages, not 0
 * @flags: MREMAP_MAYMOVE, MREMAP_FIXED (with MAYMOVE)
 * @new_addr: where MREMAP_FIXED puts it (what is there is unmapped)
 *
 * Shrinking unmaps the tail. Growing extends the VMA when the range after
 * it is free, else moves the mapping (with MREMAP_MAYMOVE) to a free
 * range found as mmap() finds one. The pages move with the mapping; a
 * locked mapping (mlock()) gets its new pages at once.
 *
 * Return: the mapping's address; -EINVAL for bad flags, an unaligned
 * address, a zero length (Tide has no shared mappings to duplicate) or
 * a fixed range overlapping the old one; -EFAULT when the old range is
 * not inside one VMA; -ENOMEM when it cannot grow in place and may not
 * move, or memory or address space runs out.
 */
long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
	       unsigned long new_len, unsigned long flags,
	       unsigned long new_addr)
{
	long ret = mremap_change(mm, addr, old_len, new_len, flags, new_addr);

	if (ret >= 0)
		mremap_fill_locked(mm, ret, PAGE_ALIGN(old_len),
				   PAGE_ALIGN(new_len));
	return ret;
}

static long sys_mremap(struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;	/* NULL: a kernel thread */
	long ret;

	if (!mm)
		return -EFAULT;
	mmap_write_lock(mm);
	ret = do_mremap(mm, SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			SC_ARG3(regs), SC_ARG4(regs));
	mmap_write_unlock(mm);
	return ret;
}
SYSCALL_ENTRY(mremap, sys_mremap);
