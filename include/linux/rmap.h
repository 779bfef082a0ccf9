/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The reverse map of user pages: for each anonymous page, the (mm,
 * address) pairs whose page-table entries name it, and for a page of a
 * shared anonymous object the object's slot, so that migration can find
 * and switch every one. Documentation/mm/process-address-space.rst has
 * the design and the lock rules.
 */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>

struct mm_struct;
struct shared_anon;
struct vm_area_struct;

/**
 * struct anon_rmap - who maps one anonymous page
 * @lock: protects @items, @nr, @nr_obj and every item's fields. Taken
 *	with interrupts off. Lock order: mm->page_table_lock (of the mm
 *	whose entry changes), then the shared object's lock (struct
 *	shared_anon), then @lock, then zone->lock. Never held across a TLB
 *	flush, an allocation or a free.
 * @items: struct anon_rmap_item, one per mapping, in no order
 * @nr: how many items, the object's slot included
 * @nr_obj: how many of them are a shared object's slot (0 or 1)
 * @emptied: the last mapping went while migration held the page lock;
 *	the migrating task frees the page (and this structure)
 *
 * Allocated with the page's first mapping and reached through
 * page->anon_rmap. While a page migrates, the old and the new page both
 * point here, so an entry naming either finds the same mappings.
 * Kernel heap memory: it moves with the rest of the heap.
 */
struct anon_rmap {
	spinlock_t lock;
	struct list_head items;
	unsigned int nr;
	unsigned int nr_obj;
	bool emptied;
};

/* anon_rmap_item.state: how far migration got with this mapping. */
enum rmap_state {
	RMAP_MAPPED = 0,	/* not visited by a migration */
	RMAP_UNMAPPED,		/* its entry is a migration entry */
	RMAP_RESTORED,		/* its entry names the page again */
};

/**
 * struct anon_rmap_item - one mapping of an anonymous page
 * @node: in anon_rmap.items
 * @mm: the address space; the item holds no reference: it is removed
 *	before @mm's page tables go (exit_mmap() unmaps everything)
 * @obj: instead of @mm when @is_obj: the shared anonymous object whose
 *	slot names the page; removed when the object goes
 * @addr: the page-aligned user address, or the slot's index in @obj
 * @state: enum rmap_state, written by migration only
 * @is_obj: the item is a slot of @obj, not an entry of @mm
 *
 * A mapping's item changes (is added, removed or gets another @addr)
 * only with @mm->page_table_lock held, in the same critical section as
 * the entry it describes, and the anon_rmap lock inside that; a slot's
 * item only with @obj's lock held, in the critical section that fills
 * or empties the slot.
 */
struct anon_rmap_item {
	struct list_head node;
	union {
		struct mm_struct *mm;
		struct shared_anon *obj;
	};
	unsigned long addr;
	u8 state;
	bool is_obj;
};

static inline bool PageAnon(const struct page *page)
{
	return page->type == PGTY_ANON;
}

int page_add_anon_rmap(struct page *page, struct vm_area_struct *vma,
		       unsigned long addr);
bool page_remove_rmap(struct page *page, struct mm_struct *mm,
		      unsigned long addr);
void page_move_rmap(struct page *page, struct mm_struct *mm,
		    unsigned long old_addr, unsigned long new_addr);
int page_add_obj_rmap(struct page *page, struct shared_anon *obj,
		      unsigned long idx);
bool page_remove_obj_rmap(struct page *page, struct shared_anon *obj,
			  unsigned long idx);
unsigned int page_mapcount(struct page *page);
bool page_mapped_at(struct page *page, struct mm_struct *mm,
		    unsigned long addr);

/**
 * page_dup_rmap - record the copy of a mapping that fork makes
 * @page: the page the parent's entry names (present or a migration entry)
 * @vma: the child's VMA
 * @addr: the address, the same as the parent's
 *
 * page_add_anon_rmap() for a page that has mappings already. The two
 * page_table_locks do not nest (lockdep knows no nesting), so fork copies
 * an entry in two steps: under the parent's lock it reads the entry,
 * write-protects it and takes a page reference (get_page()); on a
 * migration entry it instead drops the lock, calls migration_entry_wait()
 * and reads again. Then, under the child's lock, it calls this and writes
 * the child's entry; it drops the reference after. The reference makes a
 * migration that started meanwhile give up (-EAGAIN) and restore the
 * parent's entry, so the page is still the one the entry names.
 *
 * Return: 0, or -ENOMEM (nothing recorded: the caller leaves the child's
 * entry empty and fails the fork).
 */
static inline int page_dup_rmap(struct page *page, struct vm_area_struct *vma,
				unsigned long addr)
{
	return page_add_anon_rmap(page, vma, addr);
}

/* For migration (mm/migrate.c); the page lock is held by the caller. */
int rmap_migration_unmap(struct page *old);
bool rmap_migration_remap(struct page *old, struct page *new);
void migration_entry_wait(pgentry_t entry);
void migration_page_wait(const struct page *page);
unsigned long rmap_nr_migration_waits(void);

#endif /* _LINUX_RMAP_H */
