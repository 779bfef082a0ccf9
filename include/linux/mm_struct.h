/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User address spaces: struct mm_struct (a PML4 of its own and the list
 * of mapped areas), struct vm_area_struct, and the calls that map, unmap
 * and fault. Documentation/mm/process-address-space.rst has the design.
 */
#ifndef _LINUX_MM_STRUCT_H
#define _LINUX_MM_STRUCT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>

struct file;
struct page;
struct mempolicy;

/**
 * struct shared_anon - the pages of a MAP_SHARED|MAP_ANONYMOUS mapping
 * @refs: the VMAs that use it (fork and splits add VMAs), and for a
 *	moment a migration working on one of its slots; freed at 0
 * @nr_pages: its size; a VMA maps pages [vm_pgoff, vm_pgoff + its length)
 * @lock: taken (interrupts off) to fill an empty slot of @pages, to map
 *	a slot's page and to switch a slot during a migration; nests inside
 *	mm->page_table_lock
 * @pages: a page per slot once touched, else NULL; a slot whose page is
 *	migrating carries SHARED_ANON_MOVING
 *
 * Every mm and every VMA that maps the object sees the same pages: a
 * fault maps the slot's page (never a copy). The page's one reference
 * belongs to its mappings and the slot together, and the reverse map
 * lists them all (the slot as an item of its own), so the page migrates
 * like a private anonymous one: the slot is switched with the entries.
 */
struct shared_anon {
	atomic_t refs;
	unsigned long nr_pages;
	spinlock_t lock;	/* see above */
	struct page **pages;
};

/* In a shared_anon slot: the page is migrating; a fault waits for it. */
#define SHARED_ANON_MOVING	1UL

static inline struct page *shared_anon_slot_page(struct page *slot)
{
	return (struct page *)((unsigned long)slot & ~SHARED_ANON_MOVING);
}

static inline bool shared_anon_slot_moving(struct page *slot)
{
	return (unsigned long)slot & SHARED_ANON_MOVING;
}

/* vm_area_struct.vm_flags: the first three are PROT_READ/WRITE/EXEC. */
#define VM_NONE		0x0UL
#define VM_READ		0x1UL
#define VM_WRITE	0x2UL
#define VM_EXEC		0x4UL
#define VM_SHARED	0x8UL	/* shared anonymous: pages in vm_shared */
#define VM_GROWSDOWN	0x100UL	/* asked for with MAP_GROWSDOWN; not grown */
#define VM_LOCKED	0x2000UL	/* mlock(): filled in now (mm/mlock.c) */
#define VM_LOCKONFAULT	0x80000UL	/* with VM_LOCKED: filled in on touch */
#define VM_LOCKED_MASK	(VM_LOCKONFAULT | VM_LOCKED)
#define VM_ACCESS_FLAGS	(VM_EXEC | VM_WRITE | VM_READ)

/* mmap() flags, with Linux's values. */
#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_GROWSDOWN		0x100
#define MAP_DENYWRITE		0x800
#define MAP_EXECUTABLE		0x1000
#define MAP_LOCKED		0x2000
#define MAP_NORESERVE		0x4000
#define MAP_POPULATE		0x8000
#define MAP_NONBLOCK		0x10000
#define MAP_STACK		0x20000
#define MAP_FIXED_NOREPLACE	0x100000

/* mremap() flags */
#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4	/* not supported */

/* msync() flags */
#define MS_ASYNC		1
#define MS_INVALIDATE		2
#define MS_SYNC			4

/* madvise() advice Tide acts on; the others Linux knows are accepted. */
#define MADV_DONTNEED		4
#define MADV_FREE		8
#define MADV_REMOVE		9
#define MADV_HWPOISON		100

/* Mappings the kernel chooses the place of end at or below this address. */
#define TASK_UNMAPPED_TOP	0x00007f0000000000UL
/* Nothing is ever mapped below this address (Linux's mmap_min_addr). */
#define MMAP_MIN_ADDR		0x10000UL

/**
 * struct vm_area_struct - one mapped range of a user address space
 * @vm_start: first address, page aligned
 * @vm_end: first address past the range, page aligned, > @vm_start
 * @vm_flags: VM_*
 * @vm_mm: the address space
 * @vm_list: in @vm_mm->vma_list, sorted by address, never overlapping
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	unsigned long vm_flags;
	struct mm_struct *vm_mm;
	struct list_head vm_list;
	struct file *vm_file;		/* a file mapping: a reference, or NULL */
	unsigned long vm_pgoff;		/* @vm_file's page at @vm_start */
	struct shared_anon *vm_shared;	/* VM_SHARED: a reference, else NULL */
	/*
	 * mbind()'s policy (a reference), or NULL to follow the task's:
	 * written under mmap_lock for writing, read under it for reading
	 * (mm/mempolicy.c).
	 */
	struct mempolicy *vm_policy;
};

/**
 * struct mm_struct - a user address space
 * @pgd: its PML4: the user half its own, the kernel half kernel_pml4's.
 *	The PML4 moves like any page table (arch/x86/mm/pgtable_move.c):
 *	read @pgd where it cannot, with interrupts off or under
 *	@page_table_lock.
 * @mmap_lock: held for writing to change @vma_list, @map_count and which
 *	page-table entries exist for unmapping; held for reading to look
 *	VMAs up and to fault pages in. Lock order: mmap_lock, then
 *	@page_table_lock, then zone->lock. Not held across a user access
 *	(a fault there takes it for reading).
 * @page_table_lock: taken with interrupts off around every change of
 *	the user half's page tables and of @nr_pgtables and @nr_pages, so
 *	that two faults reading @mmap_lock cannot both fill one entry; and
 *	around every walk of them, since page-table pages move (the mover
 *	leaves @mm's tables alone while the lock is held). A pointer into
 *	a table is good only until the lock is dropped.
 * @mm_users: references; at 0, mmput() frees the address space
 * @vma_list: the VMAs, sorted by address
 * @map_count: how many VMAs there are
 * @mmap_base: where top-down placement of new mappings starts
 * @nr_pgtables: user-half page-table pages (the PML4 not counted)
 * @nr_pages: user pages mapped
 * @cpu_mask: CPUs that have @pgd in CR3 now (set and cleared by
 *	switch_mm() with interrupts off); a TLB flush of user addresses goes
 *	to these alone, since loading another CR3 flushed the others.
 * @exe_file: the program execve() loaded (/proc/PID/exe), a reference
 * @start_brk, @brk: the heap brk(2) grows, set by execve()
 * @start_stack: the top of the initial stack
 * @arg_start, @arg_end, @env_start, @env_end: where execve() put argv's
 *	and envp's strings (/proc/PID/cmdline, environ)
 *
 * The fields after @cpu_mask are written by execve() alone, before the
 * new program runs, and read by anyone holding a reference.
 */
struct mm_struct {
	pgentry_t *pgd;
	struct rw_semaphore mmap_lock;
	spinlock_t page_table_lock;	/* see above */
	atomic_t mm_users;
	struct list_head vma_list;
	int map_count;
	unsigned long mmap_base;
	unsigned long nr_pgtables;
	unsigned long nr_pages;
	struct cpumask cpu_mask;
	struct file *exe_file;
	unsigned long start_brk;
	unsigned long brk;
	unsigned long start_stack;
	unsigned long arg_start, arg_end;
	unsigned long env_start, env_end;
	/* VM_LOCKED bits every new mapping gets (mlockall()); mmap_lock */
	unsigned long def_flags;
};

struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *old);
void mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
struct mm_struct *get_task_mm(struct task_struct *p);
void kthread_use_mm(struct mm_struct *next);
void kthread_unuse_mm(struct mm_struct *prev);

static inline void mmap_read_lock(struct mm_struct *as)
{
	down_read(&as->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *as)
{
	up_read(&as->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *as)
{
	down_write(&as->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *as)
{
	up_write(&as->mmap_lock);
}

/* mm/mmap.c */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
int insert_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long vm_flags);
long do_mmap_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long prot, unsigned long flags);
int do_munmap(struct mm_struct *mm, unsigned long addr, unsigned long len);
long vm_mmap_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long prot, unsigned long flags);
int vm_munmap(struct mm_struct *mm, unsigned long addr, unsigned long len);
void exit_mmap(struct mm_struct *mm);
long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, struct file *file,
	     unsigned long pgoff);
long vm_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, struct file *file,
	     unsigned long pgoff);
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);
struct page *shared_anon_page(struct vm_area_struct *vma, unsigned long addr);
void shared_anon_put(struct shared_anon *sa);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr);
int split_vma_edges(struct mm_struct *mm, unsigned long start,
		    unsigned long end);
void vma_merge_range(struct mm_struct *mm, unsigned long first,
		     unsigned long last);
int vma_link_copy(struct mm_struct *mm, const struct vm_area_struct *like,
		  unsigned long start, unsigned long end, unsigned long pgoff);
long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
		       unsigned long len);
int dup_vma_list(struct mm_struct *dst, struct mm_struct *src);
int do_mlock(struct mm_struct *mm, unsigned long start, unsigned long len,
	     unsigned long flags);
int do_mlockall(struct mm_struct *mm, unsigned long flags);

/* mm/vma_pages.c: page-table work of the memory system calls */
pgprot_t vma_pte_prot(unsigned long vm_flags);
int populate_vma_range(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long first, unsigned long stop);
void clear_mapped_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
	       size_t len);
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, unsigned long new_flags);
int move_page_range(struct mm_struct *mm, unsigned long old,
		    unsigned long new, unsigned long len);
bool mm_page_present(struct mm_struct *mm, unsigned long addr);

/* mm/mprotect.c, mm/mremap.c, mm/madvise.c */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot);
long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
	       unsigned long new_len, unsigned long flags,
	       unsigned long new_addr);
int do_madvise(struct mm_struct *mm, unsigned long start, unsigned long len,
	       int advice);

/* mm/memory.c */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error_code);
void unmap_page_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end);
pgentry_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr);
pgentry_t *user_pte_walk(struct mm_struct *mm, unsigned long addr,
			 bool alloc, unsigned long *skip);
/*
 * fork: make @dst map what @src maps in @vma (COW for private pages).
 * Implemented in mm/memory.c; dup_mm() calls it for each VMA it copies,
 * with @src's mmap_lock held for writing (@dst is not visible to
 * anyone else yet). Returns 0 or -ENOMEM.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);	/* mm/memory.c */

/* arch/x86/mm/tlb.c */
void switch_mm(struct mm_struct *next);
struct mm_struct *cpu_loaded_mm(void);
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long from,
			unsigned long to);

#endif /* _LINUX_MM_STRUCT_H */
