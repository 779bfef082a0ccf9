// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: VMAs, mmap and munmap
 *
 * An address space's mapped ranges are struct vm_area_struct on a list
 * sorted by address (a tree can replace it once processes have many).
 * Two VMAs never overlap; two that touch and have the same flags are
 * merged when one is inserted next to the other. Only anonymous private
 * mappings exist: their pages come on the first touch (mm/memory.c).
 * All arithmetic on user lengths and addresses is checked against
 * TASK_SIZE_MAX before anything changes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/overflow.h>
#include <linux/slab.h>

/* As many VMAs as Linux allows by default (vm.max_map_count). */
#define MAX_MAP_COUNT	65530

static struct vm_area_struct *vma_alloc(struct mm_struct *mm,
					unsigned long start, unsigned long end,
					unsigned long vm_flags)
{
	struct vm_area_struct *vma;

	if (mm->map_count >= MAX_MAP_COUNT)
		return NULL;
	vma = kzalloc(sizeof(*vma), GFP_KERNEL);
	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_mm = mm;
	return vma;
}

static void vma_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	mm->map_count--;
	kfree(vma);
}

/**
 * find_vma - the first VMA of @mm that ends above @addr
 *
 * As in Linux, the VMA may start above @addr too: check vm_start to learn
 * whether @addr is inside it. Caller holds mmap_lock.
 *
 * Return: the VMA, or NULL if none ends above @addr.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->vma_list, vm_list)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

/**
 * insert_vma - add the range [@start, @end) with @vm_flags to @mm
 *
 * Merged with a VMA that ends at @start or begins at @end when the flags
 * are equal, so no new VMA may be needed. Does not touch page tables.
 * Caller holds mmap_lock for writing.
 *
 * Return: 0; -EINVAL for an unaligned or empty range or one past
 * TASK_SIZE_MAX; -ENOMEM if it overlaps a VMA, or for want of memory or
 * of VMA slots.
 */
int insert_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long vm_flags)
{
	struct vm_area_struct *next, *prev = NULL, *vma;
	struct list_head *pos;
	bool join_prev, join_next;

	if (start >= end || !IS_ALIGNED(start | end, PAGE_SIZE) ||
	    end > TASK_SIZE_MAX)
		return -EINVAL;
	next = find_vma(mm, start);
	if (next && next->vm_start < end)
		return -ENOMEM;
	pos = next ? &next->vm_list : &mm->vma_list;
	if (pos->prev != &mm->vma_list)
		prev = list_entry(pos->prev, struct vm_area_struct, vm_list);

	join_prev = prev && prev->vm_end == start && prev->vm_flags == vm_flags;
	join_next = next && next->vm_start == end && next->vm_flags == vm_flags;
	if (join_prev && join_next) {
		prev->vm_end = next->vm_end;
		vma_remove(mm, next);
	} else if (join_prev) {
		prev->vm_end = end;
	} else if (join_next) {
		next->vm_start = start;
	} else {
		vma = vma_alloc(mm, start, end, vm_flags);
		if (!vma)
			return -ENOMEM;
		list_add_tail(&vma->vm_list, pos);
		mm->map_count++;
	}
	return 0;
}

/*
 * Cut @vma in two at @addr (strictly inside it): @vma keeps the lower
 * part, a new VMA after it the upper. Returns 0 or -ENOMEM.
 */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     unsigned long addr)
{
	struct vm_area_struct *upper;

	upper = vma_alloc(mm, addr, vma->vm_end, vma->vm_flags);
	if (!upper)
		return -ENOMEM;
	vma->vm_end = addr;
	list_add(&upper->vm_list, &vma->vm_list);
	mm->map_count++;
	return 0;
}

/**
 * do_munmap - remove every mapping in [@addr, @addr+@len)
 *
 * VMAs that straddle an edge are split; the pages of the range are
 * unmapped, flushed from the TLBs of the CPUs running @mm and freed.
 * Parts of the range with nothing mapped are skipped. Caller holds
 * mmap_lock for writing.
 *
 * Return: 0; -EINVAL for an unaligned @addr, a zero @len or a range that
 * does not fit below TASK_SIZE_MAX; -ENOMEM when a split finds no memory
 * (the VMAs may then be split with nothing unmapped).
 */
int do_munmap(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma, *tmp;
	unsigned long end;
	int ret;

	if (!IS_ALIGNED(addr, PAGE_SIZE) || addr > TASK_SIZE_MAX ||
	    len > TASK_SIZE_MAX - addr || !len)
		return -EINVAL;
	/* Cannot wrap: addr + len <= TASK_SIZE_MAX, which is page aligned. */
	end = addr + PAGE_ALIGN(len);

	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (vma->vm_start < addr) {
		ret = split_vma(mm, vma, addr);
		if (ret)
			return ret;
		vma = list_next_entry(vma, vm_list);
	}
	tmp = find_vma(mm, end - 1);
	if (tmp && tmp->vm_start < end && tmp->vm_end > end) {
		ret = split_vma(mm, tmp, end);
		if (ret)
			return ret;
	}
	list_for_each_entry_safe_from(vma, tmp, &mm->vma_list, vm_list) {
		if (vma->vm_start >= end)
			break;
		vma_remove(mm, vma);
	}
	unmap_page_range(mm, addr, end);
	return 0;
}

/*
 * Where a new mapping of @len bytes goes: at the hint @addr if the range
 * is free and allowed, else the highest free range that ends at or below
 * mm->mmap_base. Returns the address or -ENOMEM.
 */
static long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
			      unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long end, gap_end = mm->mmap_base;

	addr = PAGE_ALIGN(addr);
	if (addr >= MMAP_MIN_ADDR && !check_add_overflow(addr, len, &end) &&
	    end <= TASK_SIZE_MAX) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start >= end)
			return addr;
	}

	list_for_each_entry_reverse(vma, &mm->vma_list, vm_list) {
		if (gap_end < MMAP_MIN_ADDR || gap_end - MMAP_MIN_ADDR < len)
			return -ENOMEM;
		if (vma->vm_end <= gap_end - len)
			break;		/* the gap above @vma holds it */
		if (vma->vm_start < gap_end)
			gap_end = vma->vm_start;
	}
	if (gap_end < MMAP_MIN_ADDR || gap_end - MMAP_MIN_ADDR < len)
		return -ENOMEM;
	return gap_end - len;
}

/**
 * do_mmap_anon - map anonymous private memory into @mm
 * @addr: where (MAP_FIXED), or a hint (0 for none)
 * @len: bytes, rounded up to whole pages
 * @prot: PROT_READ, PROT_WRITE and PROT_EXEC, or PROT_NONE
 * @flags: MAP_PRIVATE | MAP_ANONYMOUS, optionally MAP_FIXED
 *
 * Without MAP_FIXED the range goes at the hint when that is free, else
 * top-down below mm->mmap_base. MAP_FIXED replaces whatever was mapped
 * in the range. No page is allocated: the first touch of each one faults
 * in a zeroed page. Caller holds mmap_lock for writing.
 *
 * Return: the address; -EINVAL for bad @prot or @flags, a zero @len or
 * an unaligned fixed @addr; -EPERM for a fixed @addr below MMAP_MIN_ADDR;
 * -ENOMEM when the range does not fit below TASK_SIZE_MAX, no free range
 * is big enough, or memory runs out.
 */
long do_mmap_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long prot, unsigned long flags)
{
	unsigned long end;
	long ret;

	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((flags & (MAP_SHARED | MAP_PRIVATE)) != MAP_PRIVATE ||
	    !(flags & MAP_ANONYMOUS) || !len)
		return -EINVAL;
	if (len > TASK_SIZE_MAX)
		return -ENOMEM;
	len = PAGE_ALIGN(len);

	if (flags & MAP_FIXED) {
		if (!IS_ALIGNED(addr, PAGE_SIZE))
			return -EINVAL;
		if (check_add_overflow(addr, len, &end) || end > TASK_SIZE_MAX)
			return -ENOMEM;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
		ret = do_munmap(mm, addr, len);
		if (ret)
			return ret;
	} else {
		ret = get_unmapped_area(mm, addr, len);
		if (ret < 0)
			return ret;
		addr = ret;
	}
	/* PROT_READ, PROT_WRITE and PROT_EXEC are VM_READ, VM_WRITE, VM_EXEC. */
	ret = insert_vma(mm, addr, addr + len, prot);
	return ret ? ret : (long)addr;
}

/**
 * vm_mmap_anon - do_mmap_anon() taking @mm's mmap_lock
 */
long vm_mmap_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long prot, unsigned long flags)
{
	long ret;

	mmap_write_lock(mm);
	ret = do_mmap_anon(mm, addr, len, prot, flags);
	mmap_write_unlock(mm);
	return ret;
}

/**
 * vm_munmap - do_munmap() taking @mm's mmap_lock
 */
int vm_munmap(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

/**
 * exit_mmap - remove every mapping of @mm, for mmput()
 *
 * Frees the VMAs, the user pages and the user half's page tables; the
 * PML4 stays. Takes mmap_lock.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	mmap_write_lock(mm);
	list_for_each_entry_safe(vma, tmp, &mm->vma_list, vm_list)
		vma_remove(mm, vma);
	unmap_page_range(mm, 0, TASK_SIZE_MAX);
	mmap_write_unlock(mm);
}
