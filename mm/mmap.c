// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: VMAs, mmap, munmap and brk
 *
 * An address space's mapped ranges are struct vm_area_struct on a list
 * sorted by address (a tree can replace it once processes have many).
 * Two VMAs never overlap. Two that touch merge when they are alike: same
 * flags, same file or shared object, and for those a page offset that
 * continues across the boundary. A VMA is anonymous private (pages come
 * zeroed on the first touch, mm/memory.c), a private file mapping
 * (@vm_file, @vm_pgoff: pages are private copies of the file's, read
 * by the fault path) or
 * shared anonymous (@vm_shared, a struct shared_anon every mm forked
 * from the mapper sees). Each VMA holds a reference to its file and to
 * its shared object; splitting one takes another, removing one drops it.
 *
 * All arithmetic on user lengths and addresses is checked against
 * TASK_SIZE_MAX before anything changes. The system calls here take
 * current->mm's mmap_lock for writing around the do_*() that works.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mempolicy.h>
#include <linux/mman.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/overflow.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include "internal.h"

/* As many VMAs as Linux allows by default (vm.max_map_count). */
#define MAX_MAP_COUNT	65530

/* mmap() flags Tide understands; MAP_SHARED_VALIDATE refuses the rest. */
#define MAP_KNOWN_FLAGS	(MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_GROWSDOWN | MAP_DENYWRITE | MAP_EXECUTABLE | \
			 MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
			 MAP_NONBLOCK | MAP_STACK | MAP_FIXED_NOREPLACE)

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
	INIT_LIST_HEAD(&vma->vm_list);
	return vma;
}

/**
 * shared_anon_put - drop a reference to a shared anonymous object
 * @sa: the object
 *
 * The last reference frees the object: each slot's page loses the slot's
 * item in the reverse map and is freed with it unless a mapping is left
 * (none should be: VMAs unmap before they let go) or a migration holds
 * the page, which then frees it. Task context; sleeps (vfree()).
 */
void shared_anon_put(struct shared_anon *sa)
{
	unsigned long i;

	if (!atomic_dec_and_test(&sa->refs))
		return;
	for (i = 0; i < sa->nr_pages; i++) {
		struct page *page = shared_anon_slot_page(sa->pages[i]);

		if (page && page_remove_obj_rmap(page, sa, i))
			__free_page(page);
	}
	vfree(sa->pages);
	kfree(sa);
}

static struct shared_anon *shared_anon_alloc(unsigned long nr_pages)
{
	struct shared_anon *sa = kzalloc(sizeof(*sa), GFP_KERNEL);

	if (!sa)
		return NULL;
	sa->pages = vmalloc(nr_pages * sizeof(*sa->pages));
	if (!sa->pages) {
		kfree(sa);
		return NULL;
	}
	memset(sa->pages, 0, nr_pages * sizeof(*sa->pages));
	atomic_set(&sa->refs, 1);
	sa->nr_pages = nr_pages;
	spin_lock_init(&sa->lock);
	return sa;
}

/**
 * shared_anon_page - the page of a shared anonymous VMA at @addr
 * @vma: a VM_SHARED VMA (with vm_shared)
 * @addr: an address inside @vma
 *
 * Fills the slot on first use with a zeroed movable page, allocated as
 * @vma's policy says, whose reverse map starts with the slot's item. A
 * fault then maps the slot's page itself (never a copy), adding its own
 * item; fork's copy_page_range() adds the child's. The page may migrate
 * at any time (the slot then names the copy), so the pointer returned is
 * a snapshot: do_shared_page() reads the slot again under the object's
 * lock. Caller holds @vma's mm's mmap_lock.
 *
 * Return: the page, or NULL when out of memory or @vma has no object.
 */
struct page *shared_anon_page(struct vm_area_struct *vma, unsigned long addr)
{
	struct shared_anon *sa = vma->vm_shared;
	unsigned long idx, flags;
	struct page *page, *fresh;

	if (!sa || addr < vma->vm_start || addr >= vma->vm_end)
		return NULL;
	idx = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (WARN_ON_ONCE(idx >= sa->nr_pages))
		return NULL;
	page = READ_ONCE(sa->pages[idx]);
	if (page)
		return shared_anon_slot_page(page);
	fresh = alloc_user_page(vma, addr, GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	if (!fresh)
		return NULL;
	spin_lock_irqsave(&sa->lock, flags);
	page = sa->pages[idx];
	if (!page && !page_add_obj_rmap(fresh, sa, idx)) {
		WRITE_ONCE(sa->pages[idx], fresh);
		page = fresh;
		fresh = NULL;
	}
	spin_unlock_irqrestore(&sa->lock, flags);
	if (fresh)
		__free_page(fresh);
	return shared_anon_slot_page(page);
}

/* Drop what a VMA holds and free it; it is on no list. */
static void vma_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	if (vma->vm_shared)
		shared_anon_put(vma->vm_shared);
	mpol_put(vma->vm_policy);
	kfree(vma);
}

static void vma_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	mm->map_count--;
	vma_free(vma);
}

/*
 * Give @to the file, offset, shared object and NUMA policy of @from, with
 * references.
 */
static void vma_copy_backing(struct vm_area_struct *to,
			     const struct vm_area_struct *from)
{
	to->vm_pgoff = from->vm_pgoff;
	to->vm_policy = mpol_get(from->vm_policy);
	to->vm_file = from->vm_file ? get_file(from->vm_file) : NULL;
	to->vm_shared = from->vm_shared;
	if (to->vm_shared)
		atomic_inc(&to->vm_shared->refs);
}

static unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) / PAGE_SIZE;
}

/* May @a and @b (which follows it directly) be one VMA? */
static bool vma_can_join(const struct vm_area_struct *a,
			 const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags ||
	    a->vm_file != b->vm_file || a->vm_shared != b->vm_shared ||
	    !mpol_equal(a->vm_policy, b->vm_policy))
		return false;
	if (!a->vm_file && !a->vm_shared)
		return true;
	return a->vm_pgoff + vma_pages(a) == b->vm_pgoff;
}

/* The VMA before @at in @mm's list, or NULL. */
static struct vm_area_struct *vma_prev(struct mm_struct *mm,
				       struct vm_area_struct *at)
{
	if (at->vm_list.prev == &mm->vma_list)
		return NULL;
	return list_entry(at->vm_list.prev, struct vm_area_struct, vm_list);
}

/* The VMA after @at in @mm's list, or NULL. */
static struct vm_area_struct *vma_next(struct mm_struct *mm,
				       struct vm_area_struct *at)
{
	if (at->vm_list.next == &mm->vma_list)
		return NULL;
	return list_next_entry(at, vm_list);
}

/*
 * Join @mid with its neighbours where they are alike. Returns the VMA
 * that now covers @mid's range (@mid itself may have been freed).
 */
static struct vm_area_struct *vma_merge_around(struct mm_struct *mm,
					       struct vm_area_struct *mid)
{
	struct vm_area_struct *prev = vma_prev(mm, mid);
	struct vm_area_struct *next = vma_next(mm, mid);

	if (next && vma_can_join(mid, next)) {
		mid->vm_end = next->vm_end;
		vma_remove(mm, next);
	}
	if (prev && vma_can_join(prev, mid)) {
		prev->vm_end = mid->vm_end;
		vma_remove(mm, mid);
		mid = prev;
	}
	return mid;
}

/**
 * find_vma - the first VMA of @mm that ends above @va
 *
 * As in Linux, the VMA may start above @va too: check vm_start to learn
 * whether @va is inside it. Caller holds mmap_lock.
 *
 * Return: the VMA, or NULL if none ends above @va.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long va)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->vma_list, vm_list)
		if (vma->vm_end > va)
			return vma;
	return NULL;
}

/*
 * Put the unlinked @add on @mm's list, then merge it with its
 * neighbours. Returns the VMA covering its range, or ERR_PTR(-ENOMEM)
 * if it overlaps a VMA (then @add is not linked).
 */
static struct vm_area_struct *vma_link(struct mm_struct *mm,
				       struct vm_area_struct *add)
{
	struct vm_area_struct *next = find_vma(mm, add->vm_start);

	if (next && next->vm_start < add->vm_end)
		return ERR_PTR(-ENOMEM);
	list_add_tail(&add->vm_list, next ? &next->vm_list : &mm->vma_list);
	mm->map_count++;
	return vma_merge_around(mm, add);
}

/**
 * vma_merge_range - join the alike neighbours among the VMAs near a range
 * @mm: the address space; mmap_lock held for writing
 * @first: first address whose VMA (or the one before it) may join
 * @last: last address whose VMA may join the one after it
 *
 * For mprotect() and mremap(), after they changed VMAs in [@first, @last).
 */
void vma_merge_range(struct mm_struct *mm, unsigned long first,
		     unsigned long last)
{
	struct vm_area_struct *vma, *next;

	vma = find_vma(mm, first ? first - 1 : 0);
	while (vma && vma->vm_start <= last) {
		next = vma_next(mm, vma);
		if (next && vma_can_join(vma, next)) {
			vma->vm_end = next->vm_end;
			vma_remove(mm, next);
			continue;
		}
		vma = next;
	}
}

/**
 * vma_link_copy - map [@start, @end) backed as @like, at page @pgoff
 * @mm: the address space; mmap_lock held for writing
 * @like: the VMA whose flags, file and shared object the new one takes
 * @start: page-aligned start of a free range
 * @end: its end
 * @pgoff: the page of @like's file or object at @start
 *
 * For mremap() moving a mapping. The new VMA may merge with neighbours.
 *
 * Return: 0, or -ENOMEM (for want of memory, or if the range is taken).
 */
int vma_link_copy(struct mm_struct *mm, const struct vm_area_struct *like,
		  unsigned long start, unsigned long end, unsigned long pgoff)
{
	struct vm_area_struct *vma;

	vma = vma_alloc(mm, start, end, like->vm_flags);
	if (!vma)
		return -ENOMEM;
	vma_copy_backing(vma, like);
	vma->vm_pgoff = pgoff;
	if (IS_ERR(vma_link(mm, vma))) {
		vma_free(vma);
		return -ENOMEM;
	}
	return 0;
}

/**
 * insert_vma - add the anonymous range [@start, @end) with @vm_flags to @mm
 *
 * Merged with a VMA that ends at @start or begins at @end when they are
 * alike. Does not touch page tables. Caller holds mmap_lock for writing.
 *
 * Return: 0; -EINVAL for an unaligned or empty range or one past
 * TASK_SIZE_MAX; -ENOMEM if it overlaps a VMA, or for want of memory or
 * of VMA slots.
 */
int insert_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long vm_flags)
{
	struct vm_area_struct *vma, *next;

	if (start >= end || !IS_ALIGNED(start | end, PAGE_SIZE) ||
	    end > TASK_SIZE_MAX)
		return -EINVAL;
	next = find_vma(mm, start);
	if (next && next->vm_start < end)
		return -ENOMEM;
	vma = vma_alloc(mm, start, end, vm_flags);
	if (!vma)
		return -ENOMEM;
	vma_link(mm, vma);	/* cannot overlap: checked above */
	return 0;
}

/**
 * split_vma - cut @vma in two at @addr
 * @mm: its address space; mmap_lock held for writing
 * @vma: the VMA
 * @addr: a page-aligned address strictly inside @vma
 *
 * @vma keeps the lower part; a new VMA after it, backed alike (with its
 * own references and the page offset moved on), takes the upper part.
 *
 * Return: 0, or -ENOMEM (nothing changed).
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr)
{
	struct vm_area_struct *upper;

	if (WARN_ON_ONCE(addr <= vma->vm_start || addr >= vma->vm_end))
		return -EINVAL;
	upper = vma_alloc(mm, addr, vma->vm_end, vma->vm_flags);
	if (!upper)
		return -ENOMEM;
	vma_copy_backing(upper, vma);
	if (vma->vm_file || vma->vm_shared)
		upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	list_add(&upper->vm_list, &vma->vm_list);
	mm->map_count++;
	return 0;
}

/**
 * split_vma_edges - make [@start, @end) begin and end on VMA boundaries
 * @mm: the address space; mmap_lock held for writing
 * @start: page-aligned first address of the range
 * @end: page-aligned end of the range, above @start
 *
 * A VMA that straddles @start or @end is cut there (split_vma()), so that
 * every VMA meeting the range lies inside it and can be changed whole.
 * Holes in the range stay holes.
 *
 * Return: 0, or -ENOMEM (the cut at @start may be made, the one at @end
 * not).
 */
int split_vma_edges(struct mm_struct *mm, unsigned long start,
		    unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int ret;

	if (vma && vma->vm_start < start) {
		ret = split_vma(mm, vma, start);
		if (ret)
			return ret;
	}
	vma = find_vma(mm, end - 1);
	if (vma && vma->vm_start < end && vma->vm_end > end)
		return split_vma(mm, vma, end);
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
	ret = split_vma_edges(mm, addr, end);
	if (ret)
		return ret;
	vma = find_vma(mm, addr);
	list_for_each_entry_safe_from(vma, tmp, &mm->vma_list, vm_list) {
		if (vma->vm_start >= end)
			break;
		vma_remove(mm, vma);
	}
	unmap_page_range(mm, addr, end);
	return 0;
}

/**
 * get_unmapped_area - where a new mapping of @len bytes can go in @mm
 * @mm: the address space; mmap_lock held
 * @addr: a hint, or 0
 * @len: page-aligned length
 *
 * At the hint (rounded up to a page) if the range is free and allowed,
 * else the highest free range that ends at or below mm->mmap_base.
 *
 * Return: the address, or -ENOMEM.
 */
long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
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

/* The checks of mmap() on a file: Linux's errnos for what Tide refuses. */
static int mmap_file_check(struct file *file, unsigned long prot,
			   unsigned long flags)
{
	bool shared = (flags & MAP_TYPE) != MAP_PRIVATE;

	if ((file->f_mode & FMODE_READ) == 0)
		return -EACCES;
	if (shared && (prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
		return -EACCES;
	if (file->f_op && file->f_op->mmap)
		return 0;	/* the file maps itself */
	/*
	 * Otherwise only a regular file's private pages can be had, read by
	 * the fault path; shared ones would need a page cache Tide lacks,
	 * and a pipe or a device has no pages to read at an offset.
	 */
	if (shared || !file_inode(file) || !S_ISREG(file_inode(file)->i_mode))
		return -ENODEV;
	return 0;
}

/* Check mmap()'s arguments; a file's are mmap_file_check()'s. */
static long mmap_check_args(unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags, struct file *file,
			    unsigned long pgoff)
{
	unsigned long type = flags & MAP_TYPE, end;

	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (type != MAP_SHARED && type != MAP_PRIVATE &&
	    type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (type == MAP_SHARED_VALIDATE && (flags & ~MAP_KNOWN_FLAGS))
		return -EOPNOTSUPP;
	if (!len)
		return -EINVAL;
	if (len > TASK_SIZE_MAX)
		return -ENOMEM;
	len = PAGE_ALIGN(len);
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (!IS_ALIGNED(addr, PAGE_SIZE))
			return -EINVAL;
		if (check_add_overflow(addr, len, &end) || end > TASK_SIZE_MAX)
			return -ENOMEM;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
	}
	if (!(flags & MAP_ANONYMOUS) && !file)
		return -EBADF;
	if (!(flags & MAP_ANONYMOUS))
		return mmap_file_check(file, prot, flags);
	return 0;
}

/*
 * A new, unlinked VMA for mmap(): its flags and backing. Returns it or
 * an ERR_PTR (-ENOMEM, or what the file's mmap operation says).
 */
static struct vm_area_struct *mmap_new_vma(struct mm_struct *mm,
					   unsigned long addr,
					   unsigned long len,
					   unsigned long prot,
					   unsigned long flags,
					   struct file *file,
					   unsigned long pgoff)
{
	unsigned long vm_flags = prot;	/* PROT_* are VM_READ/WRITE/EXEC */
	struct vm_area_struct *vma;
	int ret;

	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm_flags |= VM_SHARED;
	vm_flags |= flags & MAP_LOCKED ? VM_LOCKED : mm->def_flags;
	vma = vma_alloc(mm, addr, addr + len, vm_flags);
	if (!vma)
		return ERR_PTR(-ENOMEM);
	if (flags & MAP_ANONYMOUS) {
		if (!(vm_flags & VM_SHARED))
			return vma;
		vma->vm_shared = shared_anon_alloc(len >> PAGE_SHIFT);
		if (!vma->vm_shared) {
			kfree(vma);
			return ERR_PTR(-ENOMEM);
		}
		return vma;
	}
	vma->vm_file = get_file(file);	/* put by vma_free() */
	vma->vm_pgoff = pgoff;
	if (file->f_op->mmap) {
		/*
		 * The driver may refuse, or make the VMA anonymous
		 * (/dev/zero): it then puts vm_file and sets it NULL.
		 */
		ret = file->f_op->mmap(file, vma);
		if (ret) {
			vma_free(vma);
			return ERR_PTR(ret);
		}
	}
	return vma;
}

/**
 * do_mmap - map anonymous memory or a file into @mm
 * @mm: the address space; mmap_lock held for writing
 * @addr: where (MAP_FIXED, MAP_FIXED_NOREPLACE), or a hint (0 for none)
 * @len: bytes, rounded up to whole pages
 * @prot: PROT_READ, PROT_WRITE and PROT_EXEC, or PROT_NONE
 * @flags: MAP_PRIVATE or MAP_SHARED, MAP_ANONYMOUS or a file, and the
 *	other MAP_* flags: MAP_POPULATE fills the pages now; MAP_NORESERVE,
 *	MAP_STACK, MAP_LOCKED, MAP_DENYWRITE and the like are accepted
 * @file: the file for a file mapping (a reference is taken), else NULL
 * @pgoff: the file page mapped at @addr
 *
 * Without MAP_FIXED the range goes at the hint when that is free, else
 * top-down below mm->mmap_base. MAP_FIXED replaces whatever was mapped
 * in the range; MAP_FIXED_NOREPLACE fails instead. Pages come on the
 * first touch (zeroed, or read from the file by the fault path), or now
 * with MAP_POPULATE (populate_vma_range()).
 *
 * Return: the address; -EINVAL for bad @prot or @flags, a zero @len or
 * an unaligned fixed @addr; -EPERM for a fixed @addr below MMAP_MIN_ADDR;
 * -EEXIST when MAP_FIXED_NOREPLACE finds the range taken; -EBADF for a
 * file mapping without a file; -EACCES for a file not open for reading
 * (or for writing, when shared and writable); -ENODEV for a file that
 * cannot be mapped (shared without its own mmap operation, or not a
 * regular file); -EOVERFLOW when @pgoff + the pages wrap; -ENOMEM
 * when the range does not fit below TASK_SIZE_MAX, no free range is big
 * enough, or memory runs out.
 */
long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, struct file *file,
	     unsigned long pgoff)
{
	struct vm_area_struct *vma, *next;
	long ret;

	ret = mmap_check_args(addr, len, prot, flags, file, pgoff);
	if (ret)
		return ret;
	len = PAGE_ALIGN(len);
	if (flags & MAP_ANONYMOUS) {
		file = NULL;
		pgoff = 0;
	}

	if (flags & MAP_FIXED_NOREPLACE) {	/* fail rather than replace */
		next = find_vma(mm, addr);
		if (next && next->vm_start < addr + len)
			return -EEXIST;
	} else if (flags & MAP_FIXED) {
		ret = do_munmap(mm, addr, len);
		if (ret)
			return ret;
	} else {
		ret = get_unmapped_area(mm, addr, len);
		if (ret < 0)
			return ret;
		addr = ret;
	}

	vma = mmap_new_vma(mm, addr, len, prot, flags, file, pgoff);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (IS_ERR(vma_link(mm, vma))) {
		vma_free(vma);
		return -ENOMEM;
	}
	if (flags & MAP_POPULATE) {
		vma = find_vma(mm, addr);
		ret = populate_vma_range(mm, vma, addr, addr + len);
		if (ret) {
			do_munmap(mm, addr, len);
			return ret;
		}
	} else if ((find_vma(mm, addr)->vm_flags & VM_LOCKED_MASK) ==
		   VM_LOCKED && (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))) {
		/* Locked (MAP_LOCKED, mlockall()): filled in, as far as it goes. */
		populate_vma_range(mm, find_vma(mm, addr), addr, addr + len);
	}
	return addr;
}

/**
 * vm_mmap - do_mmap() taking @mm's mmap_lock
 *
 * Return: as do_mmap().
 */
long vm_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, struct file *file,
	     unsigned long pgoff)
{
	long ret;

	mmap_write_lock(mm);
	ret = do_mmap(mm, addr, len, prot, flags, file, pgoff);
	mmap_write_unlock(mm);
	return ret;
}

/**
 * do_mmap_anon - map anonymous private memory into @mm
 * @mm: the address space; mmap_lock held for writing
 * @addr: where (MAP_FIXED), or a hint (0 for none)
 * @len: bytes, rounded up to whole pages
 * @prot: PROT_READ, PROT_WRITE and PROT_EXEC, or PROT_NONE
 * @flags: MAP_PRIVATE | MAP_ANONYMOUS, optionally MAP_FIXED
 *
 * Return: as do_mmap(); -EINVAL for anything but a private anonymous
 * mapping.
 */
long do_mmap_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long prot, unsigned long flags)
{
	if ((flags & MAP_TYPE) != MAP_PRIVATE || !(flags & MAP_ANONYMOUS))
		return -EINVAL;
	return do_mmap(mm, addr, len, prot, flags, NULL, 0);
}

/**
 * vm_mmap_anon - do_mmap_anon() taking @mm's mmap_lock
 *
 * Return: as do_mmap_anon().
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
 *
 * Return: as do_munmap().
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
 * do_brk - move @mm's program break to @brk, as brk(2)
 * @mm: the address space; mmap_lock held for writing
 * @brk: the new break, or 0 (or anything below mm->start_brk) to ask
 *
 * The heap is the anonymous read-write range [start_brk, brk) rounded
 * up to pages. Growing maps the new pages (refused if they would meet
 * another mapping); shrinking unmaps the pages above the new break.
 *
 * Return: the break after the call: @brk on success, the old break when
 * it was refused (brk(2) reports failure so, never with an errno).
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long old_top = PAGE_ALIGN(mm->brk), new_top;
	struct vm_area_struct *next;	/* the mapping above */

	if (brk < mm->start_brk || brk > TASK_SIZE_MAX)
		return mm->brk;
	new_top = PAGE_ALIGN(brk);
	if (new_top < old_top) {
		if (do_munmap(mm, new_top, old_top - new_top))
			return mm->brk;
	} else if (new_top > old_top) {
		next = find_vma(mm, old_top);
		if (next && next->vm_start < new_top + PAGE_SIZE)
			return mm->brk;	/* keep a guard page below @next */
		if (insert_vma(mm, old_top, new_top,
			       VM_READ | VM_WRITE | mm->def_flags))
			return mm->brk;
		/* After mlockall(MCL_FUTURE): filled in, as far as it goes. */
		if (mm->def_flags == VM_LOCKED)
			populate_vma_range(mm, find_vma(mm, old_top), old_top,
					   new_top);
	}
	mm->brk = brk;
	return brk;
}

/**
 * exit_mmap - remove every mapping of @mm, for mmput()
 *
 * Frees the VMAs (dropping their file and shared-object references), the
 * user pages and the user half's page tables; the PML4 stays. Takes
 * mmap_lock.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	mmap_write_lock(mm);
	unmap_page_range(mm, 0, TASK_SIZE_MAX);
	list_for_each_entry_safe(vma, tmp, &mm->vma_list, vm_list)
		vma_remove(mm, vma);
	mmap_write_unlock(mm);
}

/**
 * dup_vma_list - give @dst a copy of each of @src's VMAs
 * @dst: a new mm with no VMAs
 * @src: the mm being forked
 *
 * Each copy holds its own references to the file and shared object.
 * Page tables are not touched. @src's mmap_lock is held for writing;
 * @dst is the caller's alone.
 *
 * Return: 0, or -ENOMEM (@dst may then hold some of the copies, which
 * mmput() frees).
 */
int dup_vma_list(struct mm_struct *dst, struct mm_struct *src)
{
	struct vm_area_struct *vma, *copy;

	list_for_each_entry(vma, &src->vma_list, vm_list) {
		/* Memory locks are not inherited. */
		copy = vma_alloc(dst, vma->vm_start, vma->vm_end,
				 vma->vm_flags & ~VM_LOCKED_MASK);
		if (!copy)
			return -ENOMEM;
		vma_copy_backing(copy, vma);
		list_add_tail(&copy->vm_list, &dst->vma_list);
		dst->map_count++;
	}
	return 0;
}

/* ---- The system calls ---- */

static long sys_mmap(struct pt_regs *regs)
{
	unsigned long addr = SC_ARG0(regs), len = SC_ARG1(regs);
	unsigned long prot = SC_ARG2(regs), flags = SC_ARG3(regs);
	unsigned long off = SC_ARG5(regs);
	struct mm_struct *mm = current->mm;	/* NULL: a kernel thread */
	struct file *file = NULL;	/* none if anonymous */
	long ret;

	if (!mm)
		return -ENOMEM;
	if (off & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MAP_ANONYMOUS) == 0) {
		file = fget((unsigned int)SC_ARG4(regs));
		if (!file)
			return -EBADF;
	}
	ret = vm_mmap(mm, addr, len, prot, flags, file, off >> PAGE_SHIFT);
	if (file)
		fput(file);
	return ret;
}
SYSCALL_ENTRY(mmap, sys_mmap);

static long sys_munmap(struct pt_regs *regs)
{
	if (!current->mm)
		return -EINVAL;
	return vm_munmap(current->mm, SC_ARG0(regs), SC_ARG1(regs));
}
SYSCALL_ENTRY(munmap, sys_munmap);

static long sys_brk(struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;	/* NULL: a kernel thread */
	unsigned long ret;

	if (!mm)
		return 0;
	mmap_write_lock(mm);
	ret = do_brk(mm, SC_ARG0(regs));
	mmap_write_unlock(mm);
	return ret;
}
SYSCALL_ENTRY(brk, sys_brk);
