/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator's interface and struct page helpers.
 *
 * pfn_to_page() and page_to_pfn() are O(1): the memmap is one virtually
 * contiguous array at VMEMMAP_START indexed by pfn; only the parts for
 * present sections are backed by memory.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <asm/page.h>

#define vmemmap			((struct page *)VMEMMAP_START)
#define pfn_to_page(pfn)	(vmemmap + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))
#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define phys_to_page(pa)	pfn_to_page(PHYS_PFN(pa))

/* page->flags: low bits are PG_*, top bits hold node and zone. */
enum pageflags {
	PG_reserved,		/* not managed by the buddy allocator */
	PG_poisoned,		/* freed and poisoned (CONFIG_DEBUG_VM) */
	PG_isolated_free,	/* free block counted in NR_ISOLATED_FREE */
	PG_locked,		/* a user page's PTEs are being switched */
	PG_movable_alloc,	/* allocated with __GFP_MOVABLE, see below */
	__NR_PAGEFLAGS
};

#define ZONES_SHIFT		2
#define NODES_SHIFT		CONFIG_NODES_SHIFT
#define ZONES_PGSHIFT		(64 - ZONES_SHIFT)
#define NODES_PGSHIFT		(ZONES_PGSHIFT - NODES_SHIFT)

/*
 * PG_movable_alloc: the page was handed out for a movable use
 * (__GFP_MOVABLE). Between the allocation and the moment its user makes
 * it movable (an anonymous mapping, an owner) or frees it, the page looks
 * like any untyped kernel page; this bit tells the offline scan that it
 * is in that passage and worth another look, not pinned for good. Set or
 * cleared by the allocator when it hands the page out, with atomic bit
 * operations, as PG_locked shares the word.
 */
static inline bool PageMovableAlloc(const struct page *p)
{
	return test_bit(PG_movable_alloc, &p->flags);
}

static inline bool PageReserved(const struct page *p)
{
	return p->flags & (1UL << PG_reserved);
}

static inline void SetPageReserved(struct page *p)
{
	p->flags |= 1UL << PG_reserved;
}

static inline void ClearPageReserved(struct page *p)
{
	p->flags &= ~(1UL << PG_reserved);
}

/*
 * The page lock of a user page (PG_locked): held by migration while the
 * page's mappings are migration entries, so that nobody else moves it at
 * the same time. Only ever tried, never waited for while holding another
 * lock: see Documentation/mm/migration.rst. The bit is changed atomically;
 * the other flags of a page in use do not change.
 */
static inline bool PageLocked(const struct page *p)
{
	return test_bit(PG_locked, &p->flags);
}

/* Return: true if this call took the page lock. */
static inline bool trylock_page(struct page *p)
{
	return !test_and_set_bit(PG_locked, &p->flags);
}

static inline void unlock_page(struct page *p)
{
	clear_bit(PG_locked, &p->flags);
}

static inline bool PageBuddy(const struct page *p)
{
	return p->type == PGTY_BUDDY;
}

/*
 * A page of an online block that its driver took back (virtio-mem): not
 * RAM now, PG_reserved, never touched. See mhp_unplug_pages().
 */
static inline bool PageUnplugged(const struct page *p)
{
	return READ_ONCE(p->type) == PGTY_UNPLUGGED;
}

static inline bool PageSlab(const struct page *p)
{
	return p->type == PGTY_SLAB;
}

static inline unsigned int buddy_order(const struct page *p)
{
	return p->private;
}

static inline enum zone_type page_zonenum(const struct page *p)
{
	return p->flags >> ZONES_PGSHIFT;
}

static inline int page_to_nid(const struct page *p)
{
	return (p->flags >> NODES_PGSHIFT) & ((1UL << NODES_SHIFT) - 1);
}

static inline struct zone *page_zone(const struct page *p)
{
	return &NODE_DATA(page_to_nid(p))->node_zones[page_zonenum(p)];
}

static inline void set_page_links(struct page *p, enum zone_type zone, int nid)
{
	p->flags &= (1UL << NODES_PGSHIFT) - 1;
	p->flags |= ((unsigned long)zone << ZONES_PGSHIFT) |
		    ((unsigned long)nid << NODES_PGSHIFT);
}

static inline int page_count(const struct page *p)
{
	return atomic_read(&p->_refcount);
}

static inline void get_page(struct page *p)
{
	atomic_inc(&p->_refcount);
}

/* ---- page allocator (mm/page_alloc.c) ---- */

struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid);
void __free_pages(struct page *page, unsigned int order);
void put_page(struct page *page);
/* Hands a boot-reserved page (PG_reserved) to the allocator. */
void free_reserved_page(struct page *page);
/* Initial handover of a free range from memblock; no poisoning. */
void __free_pages_core(struct page *page, unsigned int order);
bool page_alloc_ready(void);

static inline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return __alloc_pages(gfp, order, 0);
}

static inline struct page *alloc_page(gfp_t gfp)
{
	return __alloc_pages(gfp, 0, 0);
}

static inline void __free_page(struct page *page)
{
	__free_pages(page, 0);
}

int get_pageblock_migratetype(const struct page *page);
int set_migratetype_isolate(struct page *page);
void unset_migratetype_isolate(struct page *page, int migratetype);
int test_pages_isolated(unsigned long start_pfn, unsigned long end_pfn);
unsigned long offline_isolated_pages(unsigned long start_pfn,
				     unsigned long end_pfn);
/* arch/x86/mm: back and unback the memmap for [start, end) of vmemmap. */
int vmemmap_populate(unsigned long start, unsigned long end, int nid);
void vmemmap_free(unsigned long start, unsigned long end);

unsigned long free_pages_in_range(unsigned long start_pfn,
				  unsigned long end_pfn);
unsigned long zone_kernel_reserve(const struct zone *zone);
struct page *alloc_page_zone(struct zone *zone, gfp_t gfp, unsigned long keep);
void set_pageblock_migratetype(struct page *page, int migratetype);

/* Free pages in all zones (excluding isolated pageblocks). */
unsigned long nr_free_pages(void);
/* Pages managed by the buddy allocator in all zones. */
unsigned long totalram_pages(void);

/* ---- boot (mm/mm_init.c) ---- */
void free_area_init(void);
void mm_core_init(void);
void memmap_init_range(unsigned long start_pfn, unsigned long end_pfn,
		       int nid, enum zone_type zone, bool reserved);
void show_mem_info(void);
int meminfo_format(char *buf, size_t size);
void show_zoneinfo(void);
void show_zone_layout(void);

/* ---- sparse (mm/sparse.c) ---- */
void sparse_init(void);
int sparse_add_section(int nid, unsigned long start_pfn, unsigned long nr_pages);
void sparse_remove_section(unsigned long start_pfn, unsigned long nr_pages);
unsigned long sparse_present_sections(void);

#endif /* _LINUX_MM_H */
