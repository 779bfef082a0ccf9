/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per 4 KiB page frame, in the virtually mapped memmap
 * (vmemmap). It must stay within 64 bytes: the memmap of a 128 MiB section
 * is then exactly one 2 MiB page.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>

struct kmem_cache;
struct mm_struct;

/* What a page is being used for (page->type). */
enum page_type {
	PGTY_NONE = 0,		/* allocated, owner decides */
	PGTY_BUDDY,		/* head of a free block in the buddy allocator */
	PGTY_SLAB,		/* a slab page (head page of a slab) */
	PGTY_KHEAP,		/* part of a kernel heap mapping (large kmalloc, tail of a slab) */
	PGTY_VMALLOC,		/* mapped in the vmalloc range */
	PGTY_PGTABLE,		/* page table, kernel or user: pt_* fields */
	PGTY_MEMMAP,		/* backs part of the memmap itself */
	PGTY_ANON,		/* anonymous user page: see anon_rmap */
	PGTY_UNPLUGGED,		/* in an online block, but its driver took it back: not RAM now */
	PGTY_NR
};

struct anon_rmap;

struct page {
	unsigned long flags;		/* PG_* bits; zone and node in the top bits */
	struct list_head lru;		/* free lists; slab partial/full lists */
	union {
		unsigned long private;	/* buddy: order of the free block */
		struct kmem_cache *slab_cache;	/* slab: its cache */
		/* page table: the first address its entries translate */
		unsigned long pt_va;
	};
	union {
		void *freelist;		/* slab: first free object */
		struct anon_rmap *anon_rmap;	/* anon: who maps it (rmap.h) */
		/* page table: its user address space, NULL for the kernel's */
		struct mm_struct *pt_mm;
	};
	/*
	 * The one kernel mapping mm made for this page (kernel heap or
	 * vmalloc), or 0. Moving the page means rewriting that entry.
	 */
	unsigned long virtual;
	atomic_t _refcount;		/* page_count(); freed at 0 */
	u8 type;			/* enum page_type */
	u8 order;			/* kheap: order of the mapping this page heads */
	union {
		u16 inuse;		/* slab: objects in use */
		u16 pt_level;		/* page table: PG_LEVEL_* of its entries */
	};
	void *owner;			/* who can move this page (migration, later) */
};

#endif /* _LINUX_MM_TYPES_H */
