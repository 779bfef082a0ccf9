// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(2), msync(2) and mincore(2): advice about a mapped range
 * (MADV_DONTNEED drops pages; the rest is accepted and ignored), flushing
 * a range to its file (Tide has no shared file mappings: nothing to do)
 * and asking which pages are present.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* The highest madvise() advice Linux 6.12 knows below MADV_HWPOISON. */
#define MADV_LAST_KNOWN		25	/* MADV_COLLAPSE */

/*
 * Check that [@start, @start + @len) is a page-aligned range of @mm
 * mapped throughout; *@end gets its page-aligned end. Returns 0, -EINVAL
 * for an unaligned @start or a wrapping range, -ENOMEM for a hole.
 */
static int mapped_range(struct mm_struct *mm, unsigned long start,
			unsigned long len, unsigned long *end)
{
	struct vm_area_struct *vma;
	unsigned long addr;

	if (!IS_ALIGNED(start, PAGE_SIZE))
		return -EINVAL;
	if (len > TASK_SIZE_MAX || start > TASK_SIZE_MAX - PAGE_ALIGN(len))
		return -ENOMEM;
	*end = start + PAGE_ALIGN(len);
	for (addr = start; addr < *end; addr = vma->vm_end) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr)
			return -ENOMEM;
	}
	return 0;
}

static bool madvise_known(int advice)
{
	if (advice < 0 || advice > MADV_LAST_KNOWN)
		return false;
	return advice < 5 || advice > 7;	/* 5 to 7 were never used */
}

/* Whether a VMA of [@start, @end) is locked (mlock()). */
static bool range_has_locked(struct mm_struct *mm, unsigned long start,
			     unsigned long end)
{
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = find_vma(mm, vma->vm_end))
		if (vma->vm_flags & VM_LOCKED_MASK)
			return true;
	return false;
}

/* Drop the pages of [@start, @end); a file mapping's fault reads them again. */
static int madvise_dontneed(struct mm_struct *mm, unsigned long start,
			    unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long a, b;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = find_vma(mm, b)) {
		a = max(start, vma->vm_start);
		b = min(end, vma->vm_end);
		/* A shared object's pages stay: other mappings see them. */
		if (!vma->vm_shared)
			unmap_page_range(mm, a, b);
		if (b == end)
			break;
	}
	return 0;
}

/**
 * do_madvise - act on advice about [@start, @start + @len) of @mm
 * @mm: the address space; mmap_lock held for writing
 * @start: page-aligned start
 * @len: length, rounded up to pages
 * @advice: MADV_*
 *
 * MADV_DONTNEED and MADV_FREE drop the private pages of the range: the
 * next touch gets zeroes (anonymous) or the file's bytes (file mapping).
 * MADV_REMOVE needs a shared file mapping, which Tide has not. Every
 * other advice Linux knows is accepted and does nothing.
 *
 * Return: 0; -EINVAL for an unaligned @start, unknown advice,
 * MADV_REMOVE, or MADV_DONTNEED or MADV_FREE on a range with a locked
 * mapping (mlock(): nothing is dropped); -ENOMEM when part of the
 * range is not mapped.
 */
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len,
	       int advice)
{
	unsigned long end;
	int ret;

	if (!madvise_known(advice) || advice == MADV_REMOVE)
		return -EINVAL;
	if (!IS_ALIGNED(start, PAGE_SIZE))
		return -EINVAL;
	if (!len)
		return 0;
	ret = mapped_range(mm, start, len, &end);
	if (ret)
		return ret;
	if (advice != MADV_DONTNEED && advice != MADV_FREE)
		return 0;
	if (range_has_locked(mm, start, end))
		return -EINVAL;
	return madvise_dontneed(mm, start, end);
	return 0;
}

static long sys_madvise(struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;	/* NULL: a kernel thread */
	int ret;

	if (!mm)
		return -ENOMEM;
	mmap_write_lock(mm);
	ret = do_madvise(mm, SC_ARG0(regs), SC_ARG1(regs), (int)SC_ARG2(regs));
	mmap_write_unlock(mm);
	return ret;
}
SYSCALL_ENTRY(madvise, sys_madvise);

static long sys_msync(struct pt_regs *regs)
{
	unsigned long start = SC_ARG0(regs), flags = SC_ARG2(regs), end;
	struct mm_struct *mm = current->mm;	/* NULL: a kernel thread */
	int ret;

	if (flags & ~(unsigned long)(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if ((flags & (MS_ASYNC | MS_SYNC)) == (MS_ASYNC | MS_SYNC))
		return -EINVAL;
	if (!IS_ALIGNED(start, PAGE_SIZE))
		return -EINVAL;
	if (!mm || !SC_ARG1(regs))
		return 0;
	mmap_read_lock(mm);
	ret = mapped_range(mm, start, SC_ARG1(regs), &end);
	mmap_read_unlock(mm);
	return ret;
}
SYSCALL_ENTRY(msync, sys_msync);

/* mincore() answers this many pages per mmap_lock hold. */
#define MINCORE_BATCH	256

static long sys_mincore(struct pt_regs *regs)
{
	unsigned long start = SC_ARG0(regs), end, addr, n, i;
	unsigned char __user *vec = (unsigned char __user *)SC_ARG2(regs);
	struct mm_struct *mm = current->mm;	/* NULL: a kernel thread */
	unsigned char buf[MINCORE_BATCH];
	int ret;

	if (!IS_ALIGNED(start, PAGE_SIZE))
		return -EINVAL;
	if (!mm)
		return -ENOMEM;
	for (addr = start; ; addr += n * PAGE_SIZE, vec += n) {
		mmap_read_lock(mm);
		ret = mapped_range(mm, start, SC_ARG1(regs), &end);
		if (ret || addr >= end) {
			mmap_read_unlock(mm);
			return ret;
		}
		n = min((end - addr) >> PAGE_SHIFT, (unsigned long)MINCORE_BATCH);
		for (i = 0; i < n; i++)
			buf[i] = mm_page_present(mm, addr + i * PAGE_SIZE);
		mmap_read_unlock(mm);
		if (copy_to_user(vec, buf, n))
			return -EFAULT;
	}
}
SYSCALL_ENTRY(mincore, sys_mincore);
