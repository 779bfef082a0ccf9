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

/* vm_area_struct.vm_flags: the first three are PROT_READ/WRITE/EXEC. */
#define VM_NONE		0x0UL
#define VM_READ		0x1UL
#define VM_WRITE	0x2UL
#define VM_EXEC		0x4UL
#define VM_SHARED	0x8UL	/* never set yet: only private mappings */
#define VM_ACCESS_FLAGS	(VM_EXEC | VM_WRITE | VM_READ)

/* mmap() flags, with Linux's values. */
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20

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
};

/**
 * struct mm_struct - a user address space
 * @pgd: its PML4: the user half its own, the kernel half kernel_pml4's
 * @mmap_lock: held for writing to change @vma_list, @map_count and which
 *	page-table entries exist for unmapping; held for reading to look
 *	VMAs up and to fault pages in. Lock order: mmap_lock, then
 *	@page_table_lock, then zone->lock. Not held across a user access
 *	(a fault there takes it for reading).
 * @page_table_lock: taken with interrupts off around every change of
 *	the user half's page tables and of @nr_pgtables and @nr_pages, so
 *	that two faults reading @mmap_lock cannot both fill one entry.
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
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
};

struct mm_struct *mm_alloc(void);
void mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
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

/* mm/memory.c */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error_code);
void unmap_page_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end);
pgentry_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);

/* fork: a copy of @old's VMAs and (copy-on-write) pages */
struct mm_struct *dup_mm(struct mm_struct *old);

/* arch/x86/mm/tlb.c */
void switch_mm(struct mm_struct *next);
struct mm_struct *cpu_loaded_mm(void);
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);

#endif /* _LINUX_MM_STRUCT_H */
