// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: locking pages in memory
 *
 * mlock(2), mlock2(2), munlock(2), mlockall(2) and munlockall(2). Tide
 * has no swap and never evicts a user page, so what a lock changes is
 * when the pages come: a locked range has VM_LOCKED on its VMAs and is
 * filled in at once (populate_vma_range()), and so is every later
 * mapping after mlockall(MCL_FUTURE) (mm->def_flags; mmap(), brk()), a
 * MAP_LOCKED mapping and the part a locked mapping grows by (mremap()). With the on-fault
 * variants (MLOCK_ONFAULT, MCL_ONFAULT) pages still come on first touch.
 * Locked pages stay movable: an offline migrates them like any other.
 * Locks are not inherited over fork() (dup_vma_list() drops them) and
 * end with the address space at execve().
 *
 * Every caller runs as root with CAP_IPC_LOCK, so RLIMIT_MEMLOCK never
 * refuses a lock, as on Linux for such a caller.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* Is [@start, @end) covered by VMAs without a hole? mmap_lock held. */
static bool mlock_range_mapped(struct mm_struct *mm, unsigned long start,
			       unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long at;

	for (at = start; at < end; at = vma->vm_end) {
		vma = find_vma(mm, at);
		if (!vma || vma->vm_start > at)
			return false;
	}
	return true;
}

/* The VMA after @vma in @mm, or NULL. */
static struct vm_area_struct *mlock_next(struct mm_struct *mm,
					 struct vm_area_struct *vma)
{
	if (vma->vm_list.next == &mm->vma_list)
		return NULL;
	return list_next_entry(vma, vm_list);
}

/*
 * Give every VMA of [@start, @end) the lock bits @flags (VM_LOCKED,
 * VM_LOCKONFAULT or none), splitting the VMAs at the edges and merging
 * alike neighbours afterwards. The range is mapped throughout (checked
 * by the caller). mmap_lock held for writing. Returns 0 or -ENOMEM (a
 * split found no memory: VMAs may be split, their bits unchanged).
 */
static int mlock_set_range(struct mm_struct *mm, unsigned long start,
			   unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma;
	int ret;

	ret = split_vma_edges(mm, start, end);
	if (ret)
		return ret;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = mlock_next(mm, vma))
		vma->vm_flags = (vma->vm_flags & ~VM_LOCKED_MASK) | flags;
	vma_merge_range(mm, start, end);
	return 0;
}

/*
 * Fill in the locked pages of [@start, @end): those of VMAs with
 * VM_LOCKED but not VM_LOCKONFAULT, and some access (a PROT_NONE VMA is
 * left alone, as Linux does). mmap_lock held for writing. Returns 0 or
 * populate_vma_range()'s errno.
 */
static int mlock_populate(struct mm_struct *mm, unsigned long start,
			  unsigned long end)
{
	struct vm_area_struct *vma;
	int ret;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = mlock_next(mm, vma)) {
		if ((vma->vm_flags & VM_LOCKED_MASK) != VM_LOCKED ||
		    !(vma->vm_flags & VM_ACCESS_FLAGS))
			continue;
		ret = populate_vma_range(mm, vma, max(start, vma->vm_start),
					 min(end, vma->vm_end));
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * do_mlock - lock or unlock the pages of [@start, @start + @len) in @mm
 * @mm: the address space; takes its mmap_lock
 * @start: any address: rounded down to its page, @len grows by as much
 * @len: bytes, rounded up to whole pages; 0 does nothing
 * @flags: VM_LOCKED (lock and fill in now), VM_LOCKED | VM_LOCKONFAULT
 *	(lock, pages on first touch) or 0 (unlock)
 *
 * The range must be mapped throughout; it is checked before anything
 * changes.
 *
 * Return: 0; -EINVAL when the range wraps; -ENOMEM when part of it is
 * not mapped or a VMA split finds no memory; -EAGAIN when the pages
 * could not all be had (the lock stays, with the pages filled so far).
 */
int do_mlock(struct mm_struct *mm, unsigned long start, unsigned long len,
	     unsigned long flags)
{
	unsigned long end;
	int ret;

	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	mmap_write_lock(mm);
	ret = -ENOMEM;
	if (mlock_range_mapped(mm, start, end))
		ret = mlock_set_range(mm, start, end, flags);
	/* A lock whose pages cannot all be had: POSIX's EAGAIN. */
	if (!ret && flags == VM_LOCKED && mlock_populate(mm, start, end))
		ret = -EAGAIN;
	mmap_write_unlock(mm);
	return ret;
}

/**
 * do_mlockall - lock every mapping of @mm, and/or those to come
 * @mm: the address space; takes its mmap_lock
 * @flags: MCL_CURRENT, MCL_FUTURE, or both, each optionally with
 *	MCL_ONFAULT; 0 unlocks everything (munlockall())
 *
 * MCL_CURRENT locks the VMAs there are (and fills them in, unless
 * MCL_ONFAULT); MCL_FUTURE locks the mappings made later (mm->def_flags),
 * and without it later mappings are no longer locked. A VMA that cannot
 * be changed or filled in is left as it is, as on Linux.
 *
 * Return: 0, or -EINVAL for an empty or unknown @flags other than the
 * munlockall() 0, or MCL_ONFAULT alone.
 */
int do_mlockall(struct mm_struct *mm, unsigned long flags)
{
	unsigned long lock = 0;
	struct vm_area_struct *vma;

	if (flags & ~(unsigned long)(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) ||
	    flags == MCL_ONFAULT)
		return -EINVAL;
	if (flags & (MCL_CURRENT | MCL_FUTURE))
		lock = VM_LOCKED | (flags & MCL_ONFAULT ? VM_LOCKONFAULT : 0);
	mmap_write_lock(mm);
	mm->def_flags = flags & MCL_FUTURE ? lock : 0;
	if (flags == 0 || (flags & MCL_CURRENT)) {
		list_for_each_entry(vma, &mm->vma_list, vm_list)
			vma->vm_flags = (vma->vm_flags & ~VM_LOCKED_MASK) |
					(flags ? lock : 0);
		vma_merge_range(mm, 0, TASK_SIZE_MAX);
		if (lock == VM_LOCKED)
			mlock_populate(mm, 0, TASK_SIZE_MAX);
	}
	mmap_write_unlock(mm);
	return 0;
}

static long sys_mlock(struct pt_regs *regs)
{
	if (!current->mm)
		return -ENOMEM;
	return do_mlock(current->mm, SC_ARG0(regs), SC_ARG1(regs), VM_LOCKED);
}
SYSCALL_ENTRY(mlock, sys_mlock);

static long sys_mlock2(struct pt_regs *regs)
{
	unsigned long flags = SC_ARG2(regs);

	if (flags & ~(unsigned long)MLOCK_ONFAULT)
		return -EINVAL;
	if (!current->mm)
		return -ENOMEM;
	return do_mlock(current->mm, SC_ARG0(regs), SC_ARG1(regs),
			VM_LOCKED | (flags ? VM_LOCKONFAULT : 0));
}
SYSCALL_ENTRY(mlock2, sys_mlock2);

static long sys_munlock(struct pt_regs *regs)
{
	if (!current->mm)
		return -ENOMEM;
	return do_mlock(current->mm, SC_ARG0(regs), SC_ARG1(regs), 0);
}
SYSCALL_ENTRY(munlock, sys_munlock);

static long sys_mlockall(struct pt_regs *regs)
{
	unsigned long flags = (unsigned int)SC_ARG0(regs);

	if (!flags)
		return -EINVAL;
	if (!current->mm)
		return -ENOMEM;
	return do_mlockall(current->mm, flags);
}
SYSCALL_ENTRY(mlockall, sys_mlockall);

static long sys_munlockall(struct pt_regs *regs)
{
	if (!current->mm)
		return -ENOMEM;
	return do_mlockall(current->mm, 0);
}
SYSCALL_ENTRY(munlockall, sys_munlockall);
