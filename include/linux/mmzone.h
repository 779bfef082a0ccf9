/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Nodes, zones, free areas and the sparse section table.
 *
 * A node (pg_data_t) owns zones; a zone owns the buddy free lists for its
 * pages; every 128 MiB section of physical address space has an entry in
 * a two-level table that says whether it is present, whether its memmap
 * exists, whether it is online, and holds its pageblocks' migratetypes.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mm_types.h>
#include <asm/page.h>

#define MAX_PAGE_ORDER		CONFIG_PAGE_ORDER_MAX
#define NR_PAGE_ORDERS		(1 + MAX_PAGE_ORDER)
#define pageblock_order		9
#define pageblock_nr_pages	((unsigned long)1 << pageblock_order)

#define MAX_NUMNODES		(1 << CONFIG_NODES_SHIFT)

enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,		/* types with per-type fallback */
	MIGRATE_ISOLATE = MIGRATE_PCPTYPES,	/* never allocated from */
	MIGRATE_TYPES
};

extern const char *const migratetype_names[MIGRATE_TYPES];

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];	/* per migratetype */
	unsigned long nr_free;		/* blocks of this order, all types */
};

enum zone_type {
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_MOVABLE,
	MAX_NR_ZONES
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

enum zone_stat_item {
	NR_FREE_PAGES,		/* free, excluding isolated pageblocks */
	NR_ISOLATED_FREE,	/* free pages sitting in isolated pageblocks */
	NR_ALLOC,		/* successful allocations (events) */
	NR_FREE_EVENTS,		/* frees (events) */
	NR_FALLBACK,		/* allocations served from another migratetype */
	NR_PAGEBLOCK_STEAL,	/* pageblocks claimed by a fallback */
	NR_ZONE_STAT_ITEMS
};

struct pglist_data;

struct zone {
	/*
	 * lock protects free_area, pageblock types, vm_stat, and every
	 * write of the span and the page counts below; readers without it
	 * (statistics, sysfs) use READ_ONCE() and may see a stale value.
	 */
	spinlock_t lock;
	const char *name;
	struct pglist_data *zone_pgdat;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* first to last pfn, holes included */
	unsigned long present_pages;	/* RAM pages in the span */
	unsigned long present_early_pages;	/* of those, boot memory */
	unsigned long managed_pages;	/* pages the buddy allocator owns */
	unsigned long _watermark[NR_WMARK];
	struct free_area free_area[NR_PAGE_ORDERS];	/* per order */
	unsigned long vm_stat[NR_ZONE_STAT_ITEMS];
};

/* Zones to try, best first; NULL-terminated. */
struct zonelist {
	struct zone *zones[MAX_NUMNODES * MAX_NR_ZONES + 1];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelist;
	int node_id;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
} pg_data_t;

extern struct pglist_data *node_data[MAX_NUMNODES];
/* Node ids in use are 0 .. nr_node_ids - 1 (memory-less ones included). */
extern int nr_node_ids;
#define NODE_DATA(nid)		(node_data[nid])

static inline unsigned long zone_end_pfn(const struct zone *z)
{
	return z->zone_start_pfn + z->spanned_pages;
}

/* Whether @z's span (holes included) meets [@start_pfn, +@nr_pages). */
static inline bool zone_intersects(const struct zone *z, unsigned long start_pfn,
				   unsigned long nr_pages)
{
	return z->spanned_pages && start_pfn < zone_end_pfn(z) &&
	       z->zone_start_pfn < start_pfn + nr_pages;
}

static inline bool zone_spans_pfn(const struct zone *z, unsigned long pfn)
{
	return pfn >= z->zone_start_pfn && pfn < zone_end_pfn(z);
}

static inline bool populated_zone(const struct zone *z)
{
	return z->present_pages != 0;
}

static inline enum zone_type zone_idx(const struct zone *z)
{
	return z - z->zone_pgdat->node_zones;
}

static inline unsigned long zone_page_state(const struct zone *z,
					    enum zone_stat_item item)
{
	return z->vm_stat[item];
}

#define wmark_pages(z, i)	((z)->_watermark[i])
#define min_wmark_pages(z)	wmark_pages(z, WMARK_MIN)
#define low_wmark_pages(z)	wmark_pages(z, WMARK_LOW)
#define high_wmark_pages(z)	wmark_pages(z, WMARK_HIGH)

/* The first node at or after @nid that has a pg_data_t, or MAX_NUMNODES. */
static inline int next_online_node_from(int nid)
{
	while (nid < MAX_NUMNODES && !NODE_DATA(nid))
		nid++;
	return nid;
}

/* Nodes with a pg_data_t, memory-less ones included. */
static inline unsigned int num_online_nodes(void)
{
	unsigned int n = 0;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		n += NODE_DATA(nid) != NULL;
	return n;
}

#define for_each_online_node(nid) \
	for (nid = next_online_node_from(0); nid < MAX_NUMNODES; \
	     nid = next_online_node_from(nid + 1))

/* ---- sparse memory model ---- */

#define SECTION_SIZE_BITS	CONFIG_SECTION_SIZE_BITS
#define MAX_PHYSMEM_BITS	CONFIG_MAX_PHYSMEM_BITS
#define PFN_SECTION_SHIFT	(CONFIG_SECTION_SIZE_BITS - PAGE_SHIFT)
#define PAGES_PER_SECTION	(_AC(1, UL) << PFN_SECTION_SHIFT)
#define PAGE_SECTION_MASK	(~(PAGES_PER_SECTION - 1))
#define NR_MEM_SECTIONS		(1UL << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))
#define PAGEBLOCKS_PER_SECTION	(PAGES_PER_SECTION / pageblock_nr_pages)
#define MAX_PFN			(1UL << (MAX_PHYSMEM_BITS - PAGE_SHIFT))

/* mem_section.flags */
#define SECTION_MARKED_PRESENT	0x1	/* RAM exists in this section */
#define SECTION_HAS_MEM_MAP	0x2	/* its struct pages are mapped */
#define SECTION_IS_ONLINE	0x4	/* its pages are in the buddy allocator */
#define SECTION_IS_EARLY	0x8	/* present since boot */

struct mem_section {
	unsigned long flags;
	int nid;
	/* one byte per pageblock: its migratetype */
	u8 pageblock_mt[PAGEBLOCKS_PER_SECTION];
};

#define SECTIONS_PER_ROOT	256UL
#define NR_SECTION_ROOTS	DIV_ROUND_UP_CONST(NR_MEM_SECTIONS, SECTIONS_PER_ROOT)
#define DIV_ROUND_UP_CONST(n, d) (((n) + (d) - 1) / (d))

extern struct mem_section *mem_section[];

static inline unsigned long pfn_to_section_nr(unsigned long pfn)
{
	return pfn >> PFN_SECTION_SHIFT;
}

static inline unsigned long section_nr_to_pfn(unsigned long nr)
{
	return nr << PFN_SECTION_SHIFT;
}

/* The section's entry, or NULL when its root was never allocated. */
static inline struct mem_section *__nr_to_section(unsigned long nr)
{
	struct mem_section *root;

	if (nr >= NR_MEM_SECTIONS)
		return NULL;
	root = mem_section[nr / SECTIONS_PER_ROOT];
	return root ? &root[nr % SECTIONS_PER_ROOT] : NULL;
}

static inline struct mem_section *__pfn_to_section(unsigned long pfn)
{
	return __nr_to_section(pfn >> PFN_SECTION_SHIFT);
}

static inline bool present_section(const struct mem_section *ms)
{
	return ms && (ms->flags & SECTION_MARKED_PRESENT);
}

static inline bool valid_section(const struct mem_section *ms)
{
	return ms && (ms->flags & SECTION_HAS_MEM_MAP);
}

static inline bool online_section(const struct mem_section *ms)
{
	return ms && (ms->flags & SECTION_IS_ONLINE);
}

/* Present since boot (not hot-added). */
static inline bool early_section(const struct mem_section *ms)
{
	return ms && (ms->flags & SECTION_IS_EARLY);
}

/*
 * The first section at or after @nr that has a memmap, or NR_MEM_SECTIONS;
 * roots of the table that were never allocated are skipped whole.
 */
unsigned long next_valid_section(unsigned long nr);

#define for_each_valid_section(nr) \
	for (nr = next_valid_section(0); nr < NR_MEM_SECTIONS; \
	     nr = next_valid_section(nr + 1))

/* True when @pfn has a struct page (its section's memmap exists). */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < MAX_PFN && valid_section(__pfn_to_section(pfn));
}

#endif /* _LINUX_MMZONE_H */
