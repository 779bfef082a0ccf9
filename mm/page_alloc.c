// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy page allocator.
 *
 * DOC: page allocator
 *
 * Each zone keeps free blocks of 2^order pages (order 0 to MAX_PAGE_ORDER)
 * on lists per order and per migratetype. A free block's head page is
 * PageBuddy with its order in page->private. Freeing merges a block with
 * its buddy (pfn ^ (1 << order)) while the buddy is free, of the same
 * order, in the same zone, and not across an isolation boundary.
 *
 * Anti-fragmentation: physical memory is divided into 2 MiB pageblocks,
 * each labelled with a migratetype. Allocations take from their own type
 * first; only when it is empty do they fall back to another type, taking
 * the largest block there is and, when it is big enough, claiming its
 * whole pageblock, so that unmovable and movable pages do not end up
 * scattered through each other's pageblocks. MIGRATE_ISOLATE pageblocks
 * are never allocated from: their free pages are counted apart, which is
 * how a range is drained before it goes offline.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "internal.h"

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "Isolate",
};

/*
 * Where an allocation looks when its own migratetype's lists are empty,
 * in order. Reclaimable pages are the nearest thing to either of the
 * others, so they are tried first; unmovable and reclaimable requests
 * take movable blocks last.
 */
static const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1] = {
	/* unmovable   */ { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	/* movable     */ { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	/* reclaimable */ { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE },
};

#define PAGE_POISON	0xaa

bool __page_alloc_ready;

bool page_alloc_ready(void)
{
	return __page_alloc_ready;
}

/* ---- pageblock migratetypes (kept in the section table) ---- */

static u8 *pageblock_slot(const struct page *page)
{
	unsigned long pfn = page_to_pfn(page);
	struct mem_section *sec = __pfn_to_section(pfn);

	return &sec->pageblock_mt[(pfn & ~PAGE_SECTION_MASK) >> pageblock_order];
}

int get_pageblock_migratetype(const struct page *page)
{
	return *pageblock_slot(page);
}

void set_pageblock_migratetype(struct page *page, int migratetype)
{
	if (WARN_ON_ONCE(migratetype < 0 || migratetype >= MIGRATE_TYPES))
		migratetype = MIGRATE_UNMOVABLE;
	*pageblock_slot(page) = migratetype;
}

static bool is_migrate_isolate(int mt)
{
	return mt == MIGRATE_ISOLATE;
}

/* ---- free lists; zone->lock held ---- */

static void account_free(struct zone *zone, long nr, int mt)
{
	zone->vm_stat[is_migrate_isolate(mt) ? NR_ISOLATED_FREE : NR_FREE_PAGES] += nr;
}

static void add_to_free_list(struct page *page, struct zone *zone,
			     unsigned int order, int mt, bool tail)
{
	struct free_area *fa = &zone->free_area[order];

	page->type = PGTY_BUDDY;
	page->private = order;
	if (tail)
		list_add_tail(&page->lru, &fa->free_list[mt]);
	else
		list_add(&page->lru, &fa->free_list[mt]);
	fa->nr_free++;
	account_free(zone, 1L << order, mt);
}

/* @mt is the list the block is on: the type of its pageblock. */
static void del_from_free_list(struct page *page, struct zone *zone,
			       unsigned int order, int mt)
{
	list_del(&page->lru);
	page->type = PGTY_NONE;
	page->private = 0;
	zone->free_area[order].nr_free--;
	account_free(zone, -(1L << order), mt);
}

/* Labels every pageblock of the 2^@order block at @page as @mt. */
static void set_block_migratetype(struct page *page, unsigned int order, int mt)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i += pageblock_nr_pages)
		set_pageblock_migratetype(page + i, mt);
}

static bool page_is_buddy(struct page *page, struct page *buddy,
			  unsigned int order)
{
	if (!PageBuddy(buddy) || buddy_order(buddy) != order)
		return false;
	return page_zone(buddy) == page_zone(page);
}

/*
 * Puts a block on its free list, merging with free buddies. @mt is the
 * migratetype of the block's pageblock.
 */
static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order, int mt)
{
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;
		int buddy_mt;

		if (!pfn_valid(buddy_pfn) || !zone_spans_pfn(zone, buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!page_is_buddy(page, buddy, order))
			break;
		buddy_mt = get_pageblock_migratetype(buddy);
		/* Isolated and normal pageblocks never merge. */
		if (order >= pageblock_order &&
		    is_migrate_isolate(mt) != is_migrate_isolate(buddy_mt))
			break;
		del_from_free_list(buddy, zone, order, buddy_mt);
		/* The merged block goes on @mt's list: all of it is @mt now. */
		if (order >= pageblock_order && buddy_mt != mt)
			set_block_migratetype(buddy, order, mt);
		pfn &= buddy_pfn;
		page = pfn_to_page(pfn);
		order++;
	}
	add_to_free_list(page, zone, order, mt, false);
}

/*
 * Splits a block of @high order down to @low, returning the upper halves
 * to the free lists of @mt.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high, int mt)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), zone, high, mt, false);
	}
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
				       int mt)
{
	unsigned int o;

	for (o = order; o <= MAX_PAGE_ORDER; o++) {
		struct page *page = list_first_entry_or_null(
			&zone->free_area[o].free_list[mt], struct page, lru);

		if (!page)
			continue;
		del_from_free_list(page, zone, o, mt);
		expand(zone, page, order, o, mt);
		return page;
	}
	return NULL;
}

/*
 * Moves the free blocks of the pageblock holding @page onto @mt's lists
 * and relabels the pageblock. Returns how many free pages moved.
 */
static unsigned long move_freepages_block(struct zone *zone, struct page *page,
					  int old_mt, int mt)
{
	unsigned long pfn = ALIGN_DOWN(page_to_pfn(page), pageblock_nr_pages);
	unsigned long end = pfn + pageblock_nr_pages, moved = 0;

	if (!zone_spans_pfn(zone, pfn) || !zone_spans_pfn(zone, end - 1))
		return 0;
	while (pfn < end) {
		struct page *p = pfn_to_page(pfn);
		unsigned int order;

		if (!pfn_valid(pfn) || !PageBuddy(p)) {
			pfn++;
			continue;
		}
		order = buddy_order(p);
		del_from_free_list(p, zone, order, old_mt);
		add_to_free_list(p, zone, order, mt, true);
		moved += 1UL << order;
		pfn += 1UL << order;
	}
	set_pageblock_migratetype(pfn_to_page(end - pageblock_nr_pages), mt);
	return moved;
}

/*
 * Takes a block from another migratetype: the largest available, so the
 * foreign pageblock is used as a whole rather than nibbled at. If the
 * block is at least half a pageblock, or the request is not movable (an
 * unmovable page in a movable pageblock is what we least want to spread),
 * the whole pageblock changes hands.
 */
/* How far down a free list a boot-memory block is looked for. */
#define FALLBACK_SCAN_LIMIT	64

/*
 * The first block on @list, or with @boot_only the first of the first
 * FALLBACK_SCAN_LIMIT that lies in boot memory (an early section).
 */
static struct page *fallback_candidate(struct list_head *list, bool boot_only)
{
	struct page *page;
	int n = 0;

	list_for_each_entry(page, list, lru) {
		if (!boot_only || early_section(__pfn_to_section(page_to_pfn(page))))
			return page;
		if (++n == FALLBACK_SCAN_LIMIT)
			break;
	}
	return NULL;
}

static struct page *__rmqueue_fallback(struct zone *zone, unsigned int order,
				       int start_mt, bool boot_only)
{
	int o, i;

	for (o = MAX_PAGE_ORDER; o >= (int)order; o--) {
		for (i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
			int mt = fallbacks[start_mt][i];
			struct page *page = fallback_candidate(
				&zone->free_area[o].free_list[mt], boot_only);
			unsigned long pfn;

			if (!page)
				continue;
			zone->vm_stat[NR_FALLBACK]++;
			pfn = page_to_pfn(page);
			if (o >= pageblock_order) {
				unsigned long b;

				for (b = 0; b < (1UL << o); b += pageblock_nr_pages)
					set_pageblock_migratetype(pfn_to_page(pfn + b),
								  start_mt);
				zone->vm_stat[NR_PAGEBLOCK_STEAL] += 1UL << (o - pageblock_order);
				del_from_free_list(page, zone, o, mt);
				expand(zone, page, order, o, start_mt);
				return page;
			}
			/* A pageblock reaching out of the zone is not claimed. */
			if ((o >= pageblock_order / 2 || start_mt != MIGRATE_MOVABLE) &&
			    move_freepages_block(zone, page, mt, start_mt)) {
				zone->vm_stat[NR_PAGEBLOCK_STEAL]++;
				mt = start_mt;
			}
			del_from_free_list(page, zone, o, mt);
			expand(zone, page, order, o, mt);
			return page;
		}
	}
	return NULL;
}

/*
 * The passes of __alloc_pages() over the zonelist, from the most to the
 * least wanted source of pages.
 */
enum alloc_pass {
	PASS_OWN_TYPE,		/* free blocks of the request's migratetype */
	PASS_BOOT_FALLBACK,	/* unmovable: claim a pageblock of boot memory */
	PASS_ANY_FALLBACK,	/* claim a pageblock anywhere */
	NR_ALLOC_PASSES
};

static struct page *rmqueue(struct zone *zone, unsigned int order, int mt,
			    enum alloc_pass pass)
{
	switch (pass) {
	case PASS_OWN_TYPE:
		return __rmqueue_smallest(zone, order, mt);
	case PASS_BOOT_FALLBACK:
		if (mt == MIGRATE_MOVABLE)
			return NULL;
		return __rmqueue_fallback(zone, order, mt, true);
	default:
		return __rmqueue_fallback(zone, order, mt, false);
	}
}

/* ---- zone choice ---- */

static enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA32)
		return ZONE_DMA32;
	if (gfp & __GFP_MOVABLE)
		return ZONE_MOVABLE;
	return ZONE_NORMAL;
}

static int gfp_migratetype(gfp_t gfp)
{
	if (gfp & __GFP_MOVABLE)
		return MIGRATE_MOVABLE;
	if (gfp & __GFP_RECLAIMABLE)
		return MIGRATE_RECLAIMABLE;
	return MIGRATE_UNMOVABLE;
}

/*
 * Would taking 2^order pages leave the zone above its min watermark?
 * __GFP_HIGH requests may use half of the reserve below it.
 */
static bool zone_watermark_ok(struct zone *z, unsigned int order, gfp_t gfp,
			      unsigned long keep)
{
	long free = z->vm_stat[NR_FREE_PAGES] - (1L << order) + 1;
	long min = min_wmark_pages(z) + keep;

	if (gfp & __GFP_HIGH)
		min -= min / 2;
	return free > min;
}

#ifdef CONFIG_DEBUG_VM
static void check_new_page(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		struct page *p = page + i;
		u64 *first = page_dm_address(p);

		if (PageReserved(p) || page_count(p) || PageBuddy(p))
			panic("%s: bad page pfn %#lx: flags %#lx count %d type %u",
			      __func__, page_to_pfn(p), p->flags, page_count(p),
			      p->type);
		/* A freed page keeps its poison until it is handed out again. */
		if ((p->flags & (1UL << PG_poisoned)) &&
		    *first != 0xaaaaaaaaaaaaaaaaULL)
			panic("%s: pfn %#lx written after free: %#llx",
			      __func__, page_to_pfn(p), *first);
		p->flags &= ~(1UL << PG_poisoned);
	}
}

static void poison_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		memset(page_dm_address(page + i), PAGE_POISON, PAGE_SIZE);
		page[i].flags |= 1UL << PG_poisoned;
	}
}
#else /* !CONFIG_DEBUG_VM */
static inline void check_new_page(struct page *page, unsigned int order) { }
static inline void poison_pages(struct page *page, unsigned int order) { }
#endif /* CONFIG_DEBUG_VM */

static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	check_new_page(page, order);
	atomic_set(&page->_refcount, 1);
	page->order = order;
	if (gfp & __GFP_MOVABLE)
		set_bit(PG_movable_alloc, &page->flags);
	else
		clear_bit(PG_movable_alloc, &page->flags);
	if (gfp & __GFP_ZERO)
		memset(page_dm_address(page), 0, PAGE_SIZE << order);
}

/*
 * One try at @zone in @pass, keeping @keep pages above its min watermark.
 * Return: a prepared page, or NULL.
 */
static struct page *zone_alloc(struct zone *zone, unsigned int order,
			       gfp_t gfp, int mt, enum alloc_pass pass,
			       unsigned long keep)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&zone->lock, flags);
	if (!zone_watermark_ok(zone, order, gfp, keep)) {
		spin_unlock_irqrestore(&zone->lock, flags);
		return NULL;
	}
	page = rmqueue(zone, order, mt, pass);
	if (page)
		zone->vm_stat[NR_ALLOC]++;
	spin_unlock_irqrestore(&zone->lock, flags);
	if (page)
		prep_new_page(page, order, gfp);
	return page;
}

/**
 * alloc_page_zone - one page from one zone, leaving @keep pages free
 * @zone: a populated zone
 * @gfp: migratetype and __GFP_ZERO; zone modifiers are ignored
 * @keep: pages that must stay free above the zone's min watermark
 *
 * For migration targets that pick their zone themselves (see
 * alloc_migration_target()). Never sleeps.
 * Return: a page with a reference count of 1, or NULL.
 */
struct page *alloc_page_zone(struct zone *zone, gfp_t gfp, unsigned long keep)
{
	int mt = gfp_migratetype(gfp);
	enum alloc_pass pass;
	struct page *page;

	if (!page_alloc_ready() || !populated_zone(zone))
		return NULL;
	for (pass = PASS_OWN_TYPE; pass < NR_ALLOC_PASSES; pass++) {
		page = zone_alloc(zone, 0, gfp, mt, pass, keep);
		if (page)
			return page;
	}
	return NULL;
}

/**
 * __alloc_pages - allocate 2^@order contiguous pages
 * @gfp: zone modifiers, migratetype, __GFP_ZERO, __GFP_HIGH, ...
 * @preferred_nid: node whose zonelist is walked first
 *
 * Walks the zonelist, skipping zones above what @gfp allows and zones at
 * their min watermark, up to three times (enum alloc_pass): first every
 * zone is asked for a block of the request's own migratetype; only then
 * may a zone hand over a pageblock of another type, and a request that is
 * not movable first claims one in boot memory. Linux falls back within
 * each zone before trying the next, which lets a kernel page land in the
 * first hot-added block of ZONE_NORMAL and pin it there; here kernel
 * pages stay in boot memory while it has room. A request that may use
 * ZONE_MOVABLE walks the zonelist twice: the first time it leaves each
 * kernel zone zone_kernel_reserve() pages, so that user memory goes on
 * to a ZONE_MOVABLE further down the list (another node's DIMM) before
 * it takes what page tables and the reverse map need; only when that
 * walk finds nothing does it dig into the reserve. Never sleeps, never
 * reclaims. The zonelist is read without a lock: a failure seen while
 * build_all_zonelists() rewrote it is retried (zonelist_update_seq).
 *
 * Return: the first page with a reference count of 1, or NULL.
 */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid)
{
	enum zone_type highest = gfp_zone(gfp);
	int mt = gfp_migratetype(gfp);
	enum alloc_pass pass;
	struct zonelist *zl;
	struct zone **zp, *zone;
	unsigned int seq;
	bool spare_kernel;

	if (WARN_ON_ONCE(order > MAX_PAGE_ORDER) || !page_alloc_ready())
		return NULL;
	if (preferred_nid < 0 || preferred_nid >= MAX_NUMNODES ||
	    !NODE_DATA(preferred_nid))
		preferred_nid = 0;
	zl = &NODE_DATA(preferred_nid)->node_zonelist;
retry:
	seq = read_seqcount_begin(&zonelist_update_seq);
	spare_kernel = highest == ZONE_MOVABLE;
walk:
	for (pass = PASS_OWN_TYPE; pass < NR_ALLOC_PASSES; pass++) {
		for (zp = zl->zones; (zone = READ_ONCE(*zp)); zp++) {
			unsigned long keep = 0;
			struct page *page;

			if (zone_idx(zone) > highest)
				continue;
			if ((gfp & __GFP_THISNODE) &&
			    zone->zone_pgdat->node_id != preferred_nid)
				continue;
			if (spare_kernel && zone_idx(zone) != ZONE_MOVABLE)
				keep = zone_kernel_reserve(zone);
			page = zone_alloc(zone, order, gfp, mt, pass, keep);
			if (page)
				return page;
		}
	}
	if (spare_kernel) {
		spare_kernel = false;
		goto walk;
	}
	/* A zonelist rewritten under us may have hidden a zone: look again. */
	if (read_seqcount_retry(&zonelist_update_seq, seq))
		goto retry;
	if (!(gfp & __GFP_NOWARN))
		pr_warn("page allocation failure: order:%u, mode:%#x\n", order, gfp);
	return NULL;
}

static void free_pages_to_zone(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long pfn = page_to_pfn(page), flags;

	spin_lock_irqsave(&zone->lock, flags);
	zone->vm_stat[NR_FREE_EVENTS]++;
	__free_one_page(page, pfn, zone, order, get_pageblock_migratetype(page));
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * __free_pages - return 2^@order pages that __alloc_pages() handed out
 *
 * Drops the reference; the pages go back when it was the last one.
 * Freed pages are poisoned with CONFIG_DEBUG_VM.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (!page)
		return;
	if (WARN_ON_ONCE(PageReserved(page) || PageBuddy(page) ||
			 page_count(page) <= 0))
		return;
	if (!atomic_dec_and_test(&page->_refcount))
		return;
	page->type = PGTY_NONE;
	page->virtual = 0;
	page->owner = NULL;
	poison_pages(page, order);
	free_pages_to_zone(page, order);
}

void put_page(struct page *page)
{
	__free_pages(page, page->order);
}

/**
 * __free_pages_core - hand boot memory to the allocator
 *
 * For pages that memblock owned: clears PG_reserved on each, adds them to
 * the zone's managed count (under zone->lock, like every change of it)
 * and frees them without poisoning.
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long i, n = 1UL << order, flags;
	struct zone *zone = page_zone(page);

	for (i = 0; i < n; i++) {
		page[i].flags &= ~(1UL << PG_reserved);
		atomic_set(&page[i]._refcount, 0);
	}
	spin_lock_irqsave(&zone->lock, flags);
	WRITE_ONCE(zone->managed_pages, zone->managed_pages + n);
	spin_unlock_irqrestore(&zone->lock, flags);
	free_pages_to_zone(page, order);
}

/**
 * free_reserved_page - give one PG_reserved page to the allocator
 *
 * For memory memblock reserved at boot and mm frees later (early page
 * tables, early memmap).
 */
void free_reserved_page(struct page *page)
{
	page->type = PGTY_NONE;
	__free_pages_core(page, 0);
}

unsigned long nr_free_pages(void)
{
	unsigned long n = 0;
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			n += NODE_DATA(nid)->node_zones[z].vm_stat[NR_FREE_PAGES];
	return n;
}

unsigned long totalram_pages(void)
{
	unsigned long n = 0;
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			n += NODE_DATA(nid)->node_zones[z].managed_pages;
	return n;
}

/* ---- pageblock isolation ---- */

/*
 * If the pageblock holding @pfn sits inside a free block larger than a
 * pageblock, breaks that block into pageblock-sized ones, each on the
 * list of its own pageblock's type. zone->lock held.
 */
static void split_large_free_block(struct zone *zone, unsigned long pfn)
{
	unsigned int o;

	for (o = pageblock_order + 1; o <= MAX_PAGE_ORDER; o++) {
		unsigned long head = pfn & ~((1UL << o) - 1), i;
		struct page *hp;
		unsigned int order;

		if (!pfn_valid(head) || !zone_spans_pfn(zone, head))
			return;
		hp = pfn_to_page(head);
		if (!PageBuddy(hp) || buddy_order(hp) < o)
			continue;
		order = buddy_order(hp);
		del_from_free_list(hp, zone, order, get_pageblock_migratetype(hp));
		for (i = 0; i < (1UL << order); i += pageblock_nr_pages) {
			struct page *p = pfn_to_page(head + i);

			add_to_free_list(p, zone, pageblock_order,
					 get_pageblock_migratetype(p), false);
		}
		return;
	}
}

/**
 * set_migratetype_isolate - stop allocations from @page's pageblock
 *
 * Its free pages move to the isolate lists and stop counting as free.
 * Pages in use are not touched; when they are freed they stay isolated.
 *
 * Return: 0, or -EBUSY if the pageblock is already isolated or reaches
 * outside @page's zone.
 */
int set_migratetype_isolate(struct page *page)
{
	struct zone *zone = page_zone(page);
	unsigned long start = ALIGN_DOWN(page_to_pfn(page), pageblock_nr_pages);
	unsigned long flags;
	int mt, ret = 0;

	spin_lock_irqsave(&zone->lock, flags);
	mt = get_pageblock_migratetype(page);
	if (is_migrate_isolate(mt) || !zone_spans_pfn(zone, start) ||
	    !zone_spans_pfn(zone, start + pageblock_nr_pages - 1)) {
		ret = -EBUSY;
	} else {
		split_large_free_block(zone, page_to_pfn(page));
		move_freepages_block(zone, page, mt, MIGRATE_ISOLATE);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return ret;
}

/*
 * A pageblock that was isolated while wholly free could not merge with its
 * buddy; once it is back as @mt, frees it again so that it does.
 * zone->lock held.
 */
static void merge_unisolated_pageblock(struct zone *zone, struct page *page,
				       int mt)
{
	unsigned long pfn = ALIGN_DOWN(page_to_pfn(page), pageblock_nr_pages);
	struct page *head = pfn_to_page(pfn);
	unsigned int order;

	if (!PageBuddy(head) || buddy_order(head) < pageblock_order)
		return;
	order = buddy_order(head);
	del_from_free_list(head, zone, order, mt);
	__free_one_page(head, pfn, zone, order, mt);
}

/**
 * unset_migratetype_isolate - give @page's pageblock back as @mt
 *
 * Its free pages go to @mt's lists, merged with free buddies outside it.
 */
void unset_migratetype_isolate(struct page *page, int mt)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	if (is_migrate_isolate(get_pageblock_migratetype(page))) {
		split_large_free_block(zone, page_to_pfn(page));
		move_freepages_block(zone, page, MIGRATE_ISOLATE, mt);
		merge_unisolated_pageblock(zone, page, mt);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * offline_isolated_pages - take the free pages of an isolated range out
 * @start_pfn: first pfn, pageblock aligned
 * @end_pfn: end, pageblock aligned; every page between is free and in an
 *	isolated pageblock of one zone (test_pages_isolated() said 0)
 *
 * Each free block leaves its free list; its pages become PG_reserved and
 * stop counting as managed by the zone. PGTY_UNPLUGGED pages (not RAM,
 * never managed) are passed over. Does not touch present counts,
 * spans or section flags: that is offline_pages()'s business.
 *
 * Return: the number of pages taken out.
 */
unsigned long offline_isolated_pages(unsigned long start_pfn,
				     unsigned long end_pfn)
{
	struct zone *zone = page_zone(pfn_to_page(start_pfn));
	unsigned long pfn = start_pfn, taken = 0, flags, i;

	spin_lock_irqsave(&zone->lock, flags);
	while (pfn < end_pfn) {
		struct page *page = pfn_to_page(pfn);
		unsigned int order;

		if (PageUnplugged(page)) {	/* not RAM: stays as it is */
			pfn++;
			continue;
		}
		if (WARN_ON_ONCE(!PageBuddy(page)))
			break;
		order = buddy_order(page);
		del_from_free_list(page, zone, order, MIGRATE_ISOLATE);
		for (i = 0; i < (1UL << order); i++) {
			page[i].flags |= 1UL << PG_reserved;
			page[i].flags &= ~(1UL << PG_poisoned);
		}
		taken += 1UL << order;
		pfn += 1UL << order;
	}
	WRITE_ONCE(zone->managed_pages, zone->managed_pages - taken);
	spin_unlock_irqrestore(&zone->lock, flags);
	return taken;
}

/**
 * test_pages_isolated - is all of [@start_pfn, @end_pfn) free and isolated?
 * @start_pfn: first pfn, pageblock aligned
 * @end_pfn: end, pageblock aligned; the range lies in one zone
 *
 * Takes the zone's lock, so that no page of the range is allocated,
 * freed or merged while it is looked at; the answer holds until the
 * lock is dropped, and afterwards only while the pageblocks stay
 * isolated (which keeps new allocations out, not frees).
 *
 * PGTY_UNPLUGGED pages are not RAM and count as neither.
 *
 * Return: 0 if so, -EBUSY if any page is in use or its block not isolated.
 */
int test_pages_isolated(unsigned long start_pfn, unsigned long end_pfn)
{
	struct zone *zone = page_zone(pfn_to_page(start_pfn));
	unsigned long pfn = start_pfn, flags;
	int ret = 0;

	spin_lock_irqsave(&zone->lock, flags);
	while (pfn < end_pfn) {
		struct page *page = pfn_to_page(pfn);

		if (pfn_valid(pfn) && PageUnplugged(page)) {
			pfn++;		/* not RAM: nothing to free */
			continue;
		}
		if (!pfn_valid(pfn) ||
		    !is_migrate_isolate(get_pageblock_migratetype(page)) ||
		    !PageBuddy(page)) {
			ret = -EBUSY;
			break;
		}
		pfn += 1UL << buddy_order(page);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return ret;
}

/**
 * free_pages_in_range - how many pages of a range are free in the buddy
 * @start_pfn: first pfn, pageblock aligned
 * @end_pfn: end, pageblock aligned; the range lies in one zone
 *
 * Takes the zone's lock. Return: the number, stale once the lock is gone.
 */
unsigned long free_pages_in_range(unsigned long start_pfn,
				  unsigned long end_pfn)
{
	struct zone *zone = page_zone(pfn_to_page(start_pfn));
	unsigned long pfn = start_pfn, n = 0, flags;

	spin_lock_irqsave(&zone->lock, flags);
	while (pfn < end_pfn) {
		struct page *page = pfn_to_page(pfn);

		if (pfn_valid(pfn) && PageBuddy(page)) {
			n += 1UL << buddy_order(page);
			pfn += 1UL << buddy_order(page);
		} else {
			pfn++;
		}
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return min(n, end_pfn - start_pfn);
}

/**
 * zone_kernel_reserve - what movable data must leave free in a kernel zone
 * @zone: any zone
 *
 * Movable pages that migration moves out of a block may land in DMA32 or
 * Normal only above this many free pages, so that moving user data never
 * starves the kernel: the high watermark plus an eighth of the zone. Free
 * pages of isolated pageblocks are not counted in the zone: they are on
 * their way out with an offline (several blocks that leave together are
 * isolated at once), and the reserve is for the zone that stays.
 * Return: the reserve in pages; 0 for ZONE_MOVABLE, which is not kept
 * for the kernel.
 */
unsigned long zone_kernel_reserve(const struct zone *zone)
{
	unsigned long managed = READ_ONCE(zone->managed_pages);
	unsigned long leaving = READ_ONCE(zone->vm_stat[NR_ISOLATED_FREE]);

	if (zone_idx(zone) == ZONE_MOVABLE)
		return 0;
	if (leaving > managed)
		leaving = managed;
	return high_wmark_pages(zone) + (managed - leaving) / 8;
}
