// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing memory management up at boot: nodes and zones from memblock,
 * the memmap initialised, free memory handed from memblock to the buddy
 * allocator, watermarks and zonelists computed, and the summary printed.
 *
 * DOC: memory initialisation
 *
 * memblock -> sections (sparse_init) -> zones (free_area_init) -> buddy
 * (memblock_free_all). Zones: ZONE_DMA32 holds pages below 4 GiB,
 * ZONE_NORMAL the rest, ZONE_MOVABLE nothing until an option sizes it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/memory_hotplug.h>
#include <linux/topology.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include "internal.h"

struct pglist_data *node_data[MAX_NUMNODES];
int nr_node_ids = 1;

static const char *const zone_names[MAX_NR_ZONES] = {
	"DMA32", "Normal", "Movable",
};

#define DMA32_END_PFN	PHYS_PFN(SZ_4G)

/* First pfn of ZONE_MOVABLE per node; 0 means the node has none. */
unsigned long zone_movable_pfn[MAX_NUMNODES];

/**
 * zone_for_pfn - the zone a boot page of node @nid belongs to
 */
enum zone_type zone_for_pfn(int nid, unsigned long pfn)
{
	if (zone_movable_pfn[nid] && pfn >= zone_movable_pfn[nid])
		return ZONE_MOVABLE;
	return pfn < DMA32_END_PFN ? ZONE_DMA32 : ZONE_NORMAL;
}

/*
 * The memory block of the kernel image at boot (one section: the block
 * size is a multiple of it). That block never goes offline.
 */
static phys_addr_t image_block_start(void)
{
	return ALIGN_DOWN(__pa_symbol(_text), MIN_MEMORY_BLOCK_SIZE);
}

/**
 * mm_meta_alloc - zeroed memory for mm's own metadata
 * @size: bytes
 * @nid: the node it describes, preferably also where it lies
 *
 * Section roots and node data. At boot from memblock, in the kernel
 * image's memory block while that has room (its direct-map address is
 * kept for good, so it could never move: let it lie where nothing ever
 * needs to leave), else on @nid. Afterwards from vmalloc: one mapping,
 * so its pages move like any vmalloc page and pin no block.
 *
 * Return: the address, or NULL when out of memory.
 */
void *mm_meta_alloc(size_t size, int nid)
{
	if (!page_alloc_ready()) {
		phys_addr_t img = image_block_start();
		phys_addr_t pa;
		void *va;

		pa = memblock_phys_alloc_range(size, PAGE_SIZE, img,
					       img + MIN_MEMORY_BLOCK_SIZE);
		if (!pa)
			pa = memblock_phys_alloc_try_nid(size, PAGE_SIZE, nid);
		if (!pa)
			return NULL;
		va = boot_phys_to_virt(pa);
		memset(va, 0, PAGE_ALIGN(size));
		return va;
	}
	return __vmalloc_node(size, GFP_KERNEL | __GFP_ZERO, nid, VM_ALLOC,
			      __builtin_return_address(0));
}

/**
 * mm_meta_free - free what mm_meta_alloc() returned
 * @p: the address
 * @size: the size asked for
 *
 * Boot memory goes to the allocator for the first time. Return: nothing.
 */
void mm_meta_free(void *p, size_t size)
{
	struct page *page;
	unsigned long i;

	if (is_vmalloc_addr(p)) {
		vfree(p);
		return;
	}
	page = phys_to_page(__pa(p));
	for (i = 0; i < PFN_UP(size); i++)
		free_reserved_page(page + i);
}

/**
 * memmap_init_range - initialise the struct pages of [@start_pfn, @end_pfn)
 * @reserved: mark them PG_reserved (not in the allocator)
 *
 * Writes every field of every struct page; the memmap may hold garbage.
 */
void memmap_init_range(unsigned long start_pfn, unsigned long end_pfn,
		       int nid, enum zone_type zone, bool reserved)
{
	unsigned long links = ((unsigned long)zone << ZONES_PGSHIFT) |
			      ((unsigned long)nid << NODES_PGSHIFT) |
			      (reserved ? 1UL << PG_reserved : 0);
	struct page *page = pfn_to_page(start_pfn);
	struct page *end = pfn_to_page(end_pfn);

	for (; page < end; page++) {
		*page = (struct page) { .flags = links };
		INIT_LIST_HEAD(&page->lru);
	}
}

static pg_data_t *alloc_node_data(int nid)
{
	pg_data_t *pgdat = mm_meta_alloc(sizeof(*pgdat), nid);
	int z;

	if (!pgdat)
		panic("%s: no memory for node %d", __func__, nid);
	pgdat->node_id = nid;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];
		int o, t;

		spin_lock_init(&zone->lock);
		zone->name = zone_names[z];
		zone->zone_pgdat = pgdat;
		for (o = 0; o < NR_PAGE_ORDERS; o++)
			for (t = 0; t < MIGRATE_TYPES; t++)
				INIT_LIST_HEAD(&zone->free_area[o].free_list[t]);
	}
	node_data[nid] = pgdat;
	return pgdat;
}

/* Grows @zone's span to include [start, end) and counts @present pages. */
static void zone_grow(struct zone *zone, unsigned long start, unsigned long end,
		      unsigned long present)
{
	unsigned long zend = zone_end_pfn(zone);

	if (!zone->spanned_pages) {
		zone->zone_start_pfn = start;
		zend = end;
	} else {
		zone->zone_start_pfn = min(zone->zone_start_pfn, start);
		zend = max(zend, end);
	}
	zone->spanned_pages = zend - zone->zone_start_pfn;
	zone->present_pages += present;
}

static void node_update_span(pg_data_t *pgdat)
{
	unsigned long start = ULONG_MAX, end = 0, present = 0;
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		if (!zone->spanned_pages)
			continue;
		start = min(start, zone->zone_start_pfn);
		end = max(end, zone_end_pfn(zone));
		present += zone->present_pages;
	}
	pgdat->node_start_pfn = start == ULONG_MAX ? 0 : start;
	pgdat->node_spanned_pages = end > start ? end - start : 0;
	pgdat->node_present_pages = present;
}

typedef void zone_part_fn(int nid, enum zone_type z, unsigned long s,
			  unsigned long e);

/* Calls @fn for each part of [start, end) that lies in one zone. */
static void walk_zone_parts(int nid, unsigned long start, unsigned long end,
			       zone_part_fn *fn)
{
	while (start < end) {
		enum zone_type z = zone_for_pfn(nid, start);
		unsigned long stop = end;

		if (z == ZONE_DMA32)
			stop = min(stop, DMA32_END_PFN);
		if (z != ZONE_MOVABLE && zone_movable_pfn[nid] > start)
			stop = min(stop, zone_movable_pfn[nid]);
		fn(nid, z, start, stop);
		start = stop;
	}
}

static void span_part(int nid, enum zone_type z, unsigned long s, unsigned long e)
{
	zone_grow(&NODE_DATA(nid)->node_zones[z], s, e, e - s);
}

static void memmap_part(int nid, enum zone_type z, unsigned long s, unsigned long e)
{
	memmap_init_range(s, e, nid, z, true);
}

/**
 * free_area_init - nodes, zones and initialised memmap for boot RAM
 *
 * Every struct page of a present section starts PG_reserved: RAM, holes
 * and firmware areas alike; memblock_free_all() then releases the free
 * ones. Holes take the zone of the pfn they sit at.
 */
void free_area_init(void)
{
	struct memblock_region *r;
	unsigned long nr;
	int nid;

	struct movable_opts opts = movable_opts;

	/* A section's memmap is then exactly one 2 MiB vmemmap leaf. */
	BUILD_BUG_ON(sizeof(struct page) > 64);
	BUILD_BUG_ON(PAGES_PER_SECTION * 64 != PMD_SIZE);

	opts.movable_node = movable_node_is_enabled();
	find_zone_movable_pfns(&opts, zone_movable_pfn);
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (zone_movable_pfn[nid])
			pr_info("Movable zone start for node %d at %#llx\n", nid,
				PFN_PHYS(zone_movable_pfn[nid]));
	/* Every node gets its pg_data_t, memory-less ones included. */
	for (nid = 0; nid < nr_node_ids; nid++)
		if (!NODE_DATA(nid))
			alloc_node_data(nid);

	for_each_mem_region(r) {
		nid = r->nid;
		if (!NODE_DATA(nid))
			alloc_node_data(nid);
		if (r->flags & MEMBLOCK_NOMAP)
			continue;
		walk_zone_parts(nid, PFN_UP(r->base),
				   PFN_DOWN(memblock_region_end(r)), span_part);
	}
	for_each_valid_section(nr)
		walk_zone_parts(__nr_to_section(nr)->nid, section_nr_to_pfn(nr),
				section_nr_to_pfn(nr + 1), memmap_part);
	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		int z;

		node_update_span(pgdat);
		for (z = 0; z < MAX_NR_ZONES; z++)
			pgdat->node_zones[z].present_early_pages =
				pgdat->node_zones[z].present_pages;
	}
}

static void free_range_to_buddy(phys_addr_t start, phys_addr_t end, int nid,
				void *arg)
{
	unsigned long pfn = PFN_UP(start), epfn = PFN_DOWN(end);
	unsigned long *freed = arg;

	while (pfn < epfn) {
		/* Largest aligned block that fits and stays in one zone. */
		unsigned int order = min_t(unsigned int, MAX_PAGE_ORDER,
					   pfn ? __builtin_ctzl(pfn) : MAX_PAGE_ORDER);
		enum zone_type z = zone_for_pfn(nid, pfn);

		while (pfn + (1UL << order) > epfn ||
		       zone_for_pfn(nid, pfn + (1UL << order) - 1) != z)
			order--;
		__free_pages_core(pfn_to_page(pfn), order);
		*freed += 1UL << order;
		pfn += 1UL << order;
	}
}

/**
 * memblock_free_all - the buddy allocator takes over free memory
 *
 * After this, memblock allocations fail; the reserved regions stay as
 * PG_reserved pages.
 */
void memblock_free_all(void)
{
	unsigned long freed = 0, nr;

	__page_alloc_ready = true;
	memblock_walk_free(free_range_to_buddy, &freed);
	/* Boot sections are online from here on: their pages are managed. */
	for_each_valid_section(nr)
		__nr_to_section(nr)->flags |= SECTION_IS_ONLINE;
	memblock_set_current_limit(0);
	pr_info("Memory: %luK/%luK available (%luK reserved)\n",
		freed << (PAGE_SHIFT - 10),
		(unsigned long)(memblock_phys_mem_size() >> 10),
		(unsigned long)((memblock_phys_mem_size() >> 10) -
				(freed << (PAGE_SHIFT - 10))));
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << 62;

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/* min_free_kbytes, as Linux sizes it: sqrt(16 * lowmem in KiB). */
static unsigned long min_free_kbytes;

/**
 * setup_per_zone_wmarks - recompute every zone's watermarks
 *
 * The min reserve is split between zones by managed size; ZONE_MOVABLE
 * gets only a token reserve, since nothing that must succeed comes from
 * it. low and high sit 1/4 and 1/2 of min above it (at least 0.1% of the
 * zone). Call after managed page counts change.
 */
void setup_per_zone_wmarks(void)
{
	unsigned long lowmem = 0, min_pages;
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < ZONE_MOVABLE; z++)
			lowmem += NODE_DATA(nid)->node_zones[z].managed_pages;
	min_free_kbytes = clamp(int_sqrt((lowmem << (PAGE_SHIFT - 10)) * 16),
				128UL, 262144UL);
	min_pages = min_free_kbytes >> (PAGE_SHIFT - 10);

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];
			unsigned long min, gap, flags;

			spin_lock_irqsave(&zone->lock, flags);
			if (z == ZONE_MOVABLE)
				min = clamp(zone->managed_pages / 1024, 0UL, 128UL);
			else
				min = lowmem ? min_pages * zone->managed_pages / lowmem : 0;
			gap = max(min / 4, zone->managed_pages / 1000);
			zone->_watermark[WMARK_MIN] = min;
			zone->_watermark[WMARK_LOW] = min + gap;
			zone->_watermark[WMARK_HIGH] = min + 2 * gap;
			spin_unlock_irqrestore(&zone->lock, flags);
		}
	}
}

/**
 * node_order_by_distance - nodes as seen from @nid, nearest first
 * @order: out, filled with the node ids that have a pg_data_t
 *
 * Ties go to the node after @nid first (wrapping around), so that equally
 * distant nodes share the load from different starting points.
 * Return: how many nodes were written.
 */
int node_order_by_distance(int nid, int *order)
{
	int n = 0, i, j, other;

	for (i = 0; i < MAX_NUMNODES; i++) {
		other = (nid + i) % MAX_NUMNODES;
		if (NODE_DATA(other))
			order[n++] = other;
	}
	/* Insertion sort, stable, so the tie order above is kept. */
	for (i = 1; i < n; i++) {
		int node = order[i], d = node_distance(nid, node);

		for (j = i; j > 0 && node_distance(nid, order[j - 1]) > d; j--)
			order[j] = order[j - 1];
		order[j] = node;
	}
	return n;
}

/*
 * zonelist_update_seq: the zonelists are read without a lock by every
 * allocation and rewritten in place, rarely, by build_all_zonelists();
 * an allocation that failed while a rewrite ran tries again. Writers hold
 * zonelist_update_lock (interrupts off, so that no allocation on this CPU
 * spins on an odd count); the hotplug lock orders them among themselves.
 */
seqcount_t zonelist_update_seq = SEQCNT_ZERO(zonelist_update_seq);
static DEFINE_SPINLOCK(zonelist_update_lock);

/**
 * build_all_zonelists - each node's fallback order for allocations
 *
 * Nodes nearest first (node_order_by_distance()), within a node from the
 * highest zone down, so that an allocation allowed into ZONE_MOVABLE uses
 * it first and DMA32 is kept for last. Empty zones are left out. Every
 * entry is written whole (WRITE_ONCE), so a reader racing the rewrite sees
 * valid zones and a NULL end, and zonelist_update_seq tells it to look
 * again. Called at boot and with the hotplug lock held.
 */
void build_all_zonelists(void)
{
	int order[MAX_NUMNODES];
	unsigned long flags;
	int nid, i, z, n, nr;

	spin_lock_irqsave(&zonelist_update_lock, flags);
	write_seqcount_begin(&zonelist_update_seq);
	for_each_online_node(nid) {
		struct zonelist *zl = &NODE_DATA(nid)->node_zonelist;

		n = 0;
		nr = node_order_by_distance(nid, order);
		for (i = 0; i < nr; i++) {
			for (z = MAX_NR_ZONES - 1; z >= 0; z--) {
				struct zone *zone = &NODE_DATA(order[i])->node_zones[z];

				if (populated_zone(zone))
					WRITE_ONCE(zl->zones[n++], zone);
			}
		}
		WRITE_ONCE(zl->zones[n], NULL);
	}
	write_seqcount_end(&zonelist_update_seq);
	spin_unlock_irqrestore(&zonelist_update_lock, flags);
}

/**
 * show_zone_layout - one line per populated zone of every node
 *
 * A node without memory (a hotplug area, say) is listed as such.
 */
void show_zone_layout(void)
{
	int nid, z;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);

		if (!pgdat->node_present_pages) {
			pr_info("Node %d: no memory\n", nid);
			continue;
		}
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &pgdat->node_zones[z];

			if (!populated_zone(zone))
				continue;
			pr_info("Node %d: %-7s [mem %#018llx-%#018llx] present %lu managed %lu\n",
				nid, zone->name, PFN_PHYS(zone->zone_start_pfn),
				PFN_PHYS(zone_end_pfn(zone)) - 1, zone->present_pages,
				zone->managed_pages);
		}
	}
}

/**
 * mm_core_init - from memblock to a working kernel heap
 */
void mm_core_init(void)
{
	build_all_zonelists();
	memblock_free_all();
	show_zone_layout();
	setup_per_zone_wmarks();
	kmem_cache_init();
	vmalloc_init();
}

static unsigned long zone_free_total(enum zone_type z)
{
	unsigned long n = 0;
	int nid;

	for_each_online_node(nid)
		n += NODE_DATA(nid)->node_zones[z].vm_stat[NR_FREE_PAGES];
	return n;
}

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

/* One "Name:   value kB" line; Return: the characters written. */
static int meminfo_kb(char *buf, size_t size, const char *name,
		      unsigned long kb)
{
	return scnprintf(buf, size, "%-16s%8lu kB\n", name, kb);
}

/* A line whose value is a count, not kB. */
static int meminfo_nr(char *buf, size_t size, const char *name,
		      unsigned long nr)
{
	return scnprintf(buf, size, "%-16s%8lu\n", name, nr);
}

/**
 * meminfo_format - the memory summary, as /proc/meminfo shows it
 * @buf: output, NUL-terminated when @size > 0
 * @size: its size; the text is cut short if it does not fit
 *
 * Linux 6.12's field names and spacing, in its order; the fields Tide
 * has nothing behind (no page cache, swap, huge pages) are 0. Tide's
 * own line, MovableFree, comes last.
 *
 * Return: the number of characters written, excluding the NUL.
 */
int meminfo_format(char *buf, size_t size)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long slab = slab_pages(), vm_used = vmalloc_nr_pages();
	unsigned long dm[4] = { 0 };
	static const char * const zero_kb[] = {
		"Buffers:", "Cached:", "SwapCached:", "Active:", "Inactive:",
		"Active(anon):", "Inactive(anon):", "Active(file):",
		"Inactive(file):", "Unevictable:", "Mlocked:", "SwapTotal:",
		"SwapFree:", "Dirty:", "Writeback:", "AnonPages:", "Mapped:",
		"Shmem:", "KReclaimable:",
	};
	int len = 0, i;

	if (!size)
		return 0;
	buf[0] = '\0';
	direct_map_sizes(dm);
	len += meminfo_kb(buf + len, size - len, "MemTotal:", K(total));
	len += meminfo_kb(buf + len, size - len, "MemFree:", K(free));
	len += meminfo_kb(buf + len, size - len, "MemAvailable:", K(free));
	for (i = 0; i < (int)ARRAY_SIZE(zero_kb); i++)
		len += meminfo_kb(buf + len, size - len, zero_kb[i], 0);
	len += meminfo_kb(buf + len, size - len, "Slab:", K(slab));
	len += meminfo_kb(buf + len, size - len, "SReclaimable:", 0);
	len += meminfo_kb(buf + len, size - len, "SUnreclaim:", K(slab));
	len += meminfo_kb(buf + len, size - len, "KernelStack:",
			  K(kernel_stack_pages()));
	len += meminfo_kb(buf + len, size - len, "PageTables:",
			  K(pgtable_pages_in_use()));
	len += meminfo_kb(buf + len, size - len, "CommitLimit:", K(total) / 2);
	len += meminfo_kb(buf + len, size - len, "Committed_AS:", 0);
	len += meminfo_kb(buf + len, size - len, "VmallocTotal:",
			  (VMALLOC_END - VMALLOC_START) >> 10);
	len += meminfo_kb(buf + len, size - len, "VmallocUsed:", K(vm_used));
	len += meminfo_kb(buf + len, size - len, "VmallocChunk:", 0);
	len += meminfo_nr(buf + len, size - len, "HugePages_Total:", 0);
	len += meminfo_nr(buf + len, size - len, "HugePages_Free:", 0);
	len += meminfo_nr(buf + len, size - len, "HugePages_Rsvd:", 0);
	len += meminfo_nr(buf + len, size - len, "HugePages_Surp:", 0);
	len += meminfo_kb(buf + len, size - len, "Hugepagesize:", 2048);
	len += meminfo_kb(buf + len, size - len, "Hugetlb:", 0);
	len += meminfo_kb(buf + len, size - len, "DirectMap4k:", dm[1] >> 10);
	len += meminfo_kb(buf + len, size - len, "DirectMap2M:", dm[2] >> 10);
	len += meminfo_kb(buf + len, size - len, "DirectMap1G:", dm[3] >> 10);
	/* Tide's own lines, after Linux's. */
	len += meminfo_kb(buf + len, size - len, "MovableFree:",
			  K(zone_free_total(ZONE_MOVABLE)));
	return len;
}

/**
 * show_mem_info - print meminfo_format()'s text to the log, line by line
 */
void show_mem_info(void)
{
	char *text = kmalloc(4096, GFP_KERNEL), *line, *nl;

	if (!text)
		return;
	meminfo_format(text, 4096);
	for (line = text; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		pr_info("%.*s\n", (int)(nl - line), line);
	}
	kfree(text);
}

/**
 * show_zoneinfo - a /proc/zoneinfo-like dump, at KERN_DEBUG
 */
void show_zoneinfo(void)
{
	struct zone **zp;
	int nid, z, o;

	for_each_online_node(nid) {
		pr_debug("Node %d zonelist:", nid);
		for (zp = NODE_DATA(nid)->node_zonelist.zones; *zp; zp++)
			pr_cont(" %d:%s", (*zp)->zone_pgdat->node_id, (*zp)->name);
		pr_cont("\n");
	}
	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			pr_debug("Node %d, zone %8s\n", nid, zone->name);
			pr_debug("  pages free     %lu\n", zone->vm_stat[NR_FREE_PAGES]);
			pr_debug("        min      %lu\n", min_wmark_pages(zone));
			pr_debug("        low      %lu\n", low_wmark_pages(zone));
			pr_debug("        high     %lu\n", high_wmark_pages(zone));
			pr_debug("        spanned  %lu\n", zone->spanned_pages);
			pr_debug("        present  %lu\n", zone->present_pages);
			pr_debug("        managed  %lu\n", zone->managed_pages);
			pr_debug("        isolated %lu\n", zone->vm_stat[NR_ISOLATED_FREE]);
			pr_debug("  start_pfn:     %lu\n", zone->zone_start_pfn);
			pr_debug("  free blocks:");
			for (o = 0; o < NR_PAGE_ORDERS; o++)
				pr_cont(" %lu", zone->free_area[o].nr_free);
			pr_cont("\n");
		}
	}
}
