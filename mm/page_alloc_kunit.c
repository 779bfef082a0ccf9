// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the buddy allocator (mm/page_alloc.c): zone choice, splitting
 * and merging, free counters, watermarks, migratetypes and their fallback,
 * and pageblock isolation. Every case gives back all that it took.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <kunit/test.h>
#include "internal.h"

/* Pageblocks one case may have isolated at a time. */
#define PA_MAX_ISOLATED		8
/* Bound on the allocations a case makes to drain a handful of lists. */
#define PA_DRAIN_LIMIT		65536

/*
 * What the running case holds or changed. The exit hook puts all of it
 * back, in this order, also when an assertion ended the case early: the
 * pages, the watermarks, the isolated pageblocks, then the pageblock
 * migratetypes.
 */
struct pa_ctx {
	struct list_head pages;		/* blocks held, on page->lru */
	int nr_isolated;
	struct page *isolated[PA_MAX_ISOLATED];
	int isolated_mt[PA_MAX_ISOLATED];
	bool wmarks_dropped;		/* watermarks to recompute */
	/* saved pageblock migratetypes of node 0, or NULL */
	struct page *labels;
	unsigned long labels_start_pfn;
	unsigned long nr_labels;
};

static struct pa_ctx pa_ctx;

/* ---- helpers ---- */

/* Allocates and holds a block; its order is in page->order (prep_new_page). */
static struct page *pa_alloc(struct kunit *test, gfp_t gfp, unsigned int order)
{
	struct pa_ctx *ctx = test->priv;
	struct page *page = alloc_pages(gfp, order);

	if (page)
		list_add_tail(&page->lru, &ctx->pages);
	return page;
}

static void pa_free(struct kunit *test, struct page *page)
{
	list_del(&page->lru);
	__free_pages(page, page->order);
}

/* Frees the held blocks, newest first. */
static void pa_free_all(struct kunit *test)
{
	struct pa_ctx *ctx = test->priv;

	while (!list_empty(&ctx->pages))
		pa_free(test, list_entry(ctx->pages.prev, struct page, lru));
}

/*
 * Turns a held block into held blocks of 2^@order pages, each with its
 * own reference, so that they can be freed one by one (split_page() in
 * Linux, for @order 0).
 */
static void pa_split(struct kunit *test, struct page *page, unsigned int order)
{
	unsigned long i, step = 1UL << order, n = 1UL << page->order;

	for (i = n - step; i > 0; i -= step) {
		atomic_set(&page[i]._refcount, 1);
		page[i].order = order;
		list_add(&page[i].lru, &page->lru);
	}
	page->order = order;
}

static bool pa_holds(struct page *page, unsigned long start_pfn,
		     unsigned long end_pfn)
{
	unsigned long pfn = page_to_pfn(page);

	return pfn < end_pfn && pfn + (1UL << page->order) > start_pfn;
}

/* Isolates @page's pageblock for the rest of the case. */
static int pa_isolate(struct kunit *test, struct page *page)
{
	struct pa_ctx *ctx = test->priv;
	int mt = get_pageblock_migratetype(page);
	int ret;

	KUNIT_ASSERT_LT(test, ctx->nr_isolated, PA_MAX_ISOLATED);
	ret = set_migratetype_isolate(page);
	if (!ret) {
		ctx->isolated[ctx->nr_isolated] = page;
		ctx->isolated_mt[ctx->nr_isolated] = mt;
		ctx->nr_isolated++;
	}
	return ret;
}

/* Gives back the pageblock the case isolated through @page. */
static void pa_unisolate(struct kunit *test, struct page *page)
{
	struct pa_ctx *ctx = test->priv;
	int i;

	for (i = ctx->nr_isolated - 1; i >= 0; i--) {
		if (ctx->isolated[i] != page)
			continue;
		unset_migratetype_isolate(page, ctx->isolated_mt[i]);
		ctx->nr_isolated--;
		ctx->isolated[i] = ctx->isolated[ctx->nr_isolated];
		ctx->isolated_mt[i] = ctx->isolated_mt[ctx->nr_isolated];
		return;
	}
}

/*
 * Remembers the migratetype of every pageblock of node 0: cases make the
 * allocator claim pageblocks, and the exit hook puts them back. The buffer
 * is movable, so that taking it does not claim one.
 */
static int pa_save_labels(struct kunit *test)
{
	struct pa_ctx *ctx = test->priv;
	pg_data_t *pgdat = NODE_DATA(0);
	unsigned long start = ALIGN_DOWN(pgdat->node_start_pfn, pageblock_nr_pages);
	unsigned long end = pgdat->node_start_pfn + pgdat->node_spanned_pages;
	unsigned long i, n = DIV_ROUND_UP(end - start, pageblock_nr_pages);
	struct page *buf;
	u8 *labels;

	buf = alloc_pages(__GFP_MOVABLE, get_order(n));
	if (!buf)
		return -ENOMEM;
	labels = page_dm_address(buf);
	for (i = 0; i < n; i++) {
		unsigned long pfn = start + i * pageblock_nr_pages;

		labels[i] = pfn_valid(pfn) ?
			get_pageblock_migratetype(pfn_to_page(pfn)) : MIGRATE_TYPES;
	}
	ctx->labels = buf;
	ctx->labels_start_pfn = start;
	ctx->nr_labels = n;
	return 0;
}

/*
 * Relabels, through isolation so that the free lists follow, every
 * pageblock whose migratetype differs from the saved one.
 */
static void pa_restore_labels(struct kunit *test)
{
	struct pa_ctx *ctx = test->priv;
	u8 *labels = page_dm_address(ctx->labels);
	unsigned long i, unrestored = 0;

	for (i = 0; i < ctx->nr_labels; i++) {
		unsigned long pfn = ctx->labels_start_pfn + i * pageblock_nr_pages;
		struct page *page;
		int mt;

		if (labels[i] >= MIGRATE_ISOLATE)
			continue;
		page = pfn_to_page(pfn);
		mt = get_pageblock_migratetype(page);
		if (mt == labels[i] || mt == MIGRATE_ISOLATE)
			continue;
		if (set_migratetype_isolate(page)) {
			unrestored++;
			continue;
		}
		unset_migratetype_isolate(page, labels[i]);
	}
	if (unrestored)
		kunit_info(test, "%lu pageblock types not restored", unrestored);
	__free_pages(ctx->labels, get_order(ctx->nr_labels));
	ctx->labels = NULL;
}

/*
 * Sets every watermark of every zone to 0, so that requests can take the
 * last free page; the exit hook computes them again.
 */
static void pa_drop_watermarks(struct kunit *test)
{
	struct pa_ctx *ctx = test->priv;
	int nid, z;

	ctx->wmarks_dropped = true;
	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];
			unsigned long flags;

			spin_lock_irqsave(&zone->lock, flags);
			memset(zone->_watermark, 0, sizeof(zone->_watermark));
			spin_unlock_irqrestore(&zone->lock, flags);
		}
	}
}

/* The first zone of node 0's zonelist that a request up to @highest may use. */
static struct zone *pa_first_zone(enum zone_type highest)
{
	struct zone **zp;

	for (zp = NODE_DATA(0)->node_zonelist.zones; *zp; zp++)
		if (zone_idx(*zp) <= highest)
			return *zp;
	return NULL;
}

struct pa_snap {
	unsigned long nr_free[NR_PAGE_ORDERS];
	unsigned long stat[NR_ZONE_STAT_ITEMS];
};

static void pa_snapshot(struct zone *zone, struct pa_snap *s)
{
	unsigned long flags;
	int o;

	spin_lock_irqsave(&zone->lock, flags);
	for (o = 0; o < NR_PAGE_ORDERS; o++)
		s->nr_free[o] = zone->free_area[o].nr_free;
	memcpy(s->stat, zone->vm_stat, sizeof(s->stat));
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* Expects @zone's free blocks and free counts to be as in @before. */
static void pa_expect_same_free(struct kunit *test, struct zone *zone,
				const struct pa_snap *before)
{
	struct pa_snap now;
	int o;

	pa_snapshot(zone, &now);
	for (o = 0; o < NR_PAGE_ORDERS; o++)
		KUNIT_EXPECT_EQ_MSG(test, now.nr_free[o], before->nr_free[o],
				    "zone %s order %d", zone->name, o);
	KUNIT_EXPECT_EQ_MSG(test, now.stat[NR_FREE_PAGES],
			    before->stat[NR_FREE_PAGES], "zone %s", zone->name);
	KUNIT_EXPECT_EQ_MSG(test, now.stat[NR_ISOLATED_FREE],
			    before->stat[NR_ISOLATED_FREE], "zone %s", zone->name);
}

static bool pa_list_empty(struct zone *zone, unsigned int order, int mt)
{
	unsigned long flags;
	bool empty;

	spin_lock_irqsave(&zone->lock, flags);
	empty = list_empty(&zone->free_area[order].free_list[mt]);
	spin_unlock_irqrestore(&zone->lock, flags);
	return empty;
}

/*
 * The block at the front of @zone's @mt list of the smallest (@largest
 * false) or largest non-empty order from @min_order on; NULL if none.
 */
static struct page *pa_peek(struct zone *zone, unsigned int min_order, int mt,
			    bool largest, unsigned int *order)
{
	struct page *page = NULL;
	unsigned long flags;
	int i;

	spin_lock_irqsave(&zone->lock, flags);
	for (i = 0; i <= MAX_PAGE_ORDER - (int)min_order && !page; i++) {
		int o = largest ? MAX_PAGE_ORDER - i : min_order + i;

		page = list_first_entry_or_null(&zone->free_area[o].free_list[mt],
						struct page, lru);
		*order = o;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/* The pfn of the free block holding @pfn, or ULONG_MAX if it is not free. */
static unsigned long pa_free_block_of(unsigned long pfn, unsigned int *order)
{
	unsigned int o;

	for (o = 0; o <= MAX_PAGE_ORDER; o++) {
		unsigned long head = ALIGN_DOWN(pfn, 1UL << o);
		struct page *page = pfn_to_page(head);

		if (!pfn_valid(head) || !PageBuddy(page))
			continue;
		if (pfn < head + (1UL << buddy_order(page))) {
			*order = buddy_order(page);
			return head;
		}
	}
	return ULONG_MAX;
}

/* Is the free block at @page on @zone's @mt list of @order? */
static bool pa_on_list(struct zone *zone, struct page *page,
		       unsigned int order, int mt)
{
	struct page *p;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&zone->lock, flags);
	list_for_each_entry(p, &zone->free_area[order].free_list[mt], lru) {
		if (p == page) {
			found = true;
			break;
		}
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return found;
}

/* A pageblock of @zone that is free as a whole and not isolated. */
static struct page *pa_free_pageblock(struct zone *zone)
{
	unsigned int order;

	return pa_peek(zone, pageblock_order, MIGRATE_MOVABLE, true, &order);
}

/*
 * Allocates with @gfp until the allocator refuses, biggest blocks (up to
 * @max_order) first so that it is quick, single pages last so that
 * nothing is left that a request could have. Returns the pages taken.
 */
static unsigned long pa_exhaust(struct kunit *test, gfp_t gfp,
				unsigned int max_order)
{
	unsigned long taken = 0;
	int order;

	for (order = max_order; order >= 0; order--)
		while (pa_alloc(test, gfp | __GFP_NOWARN, order))
			taken += 1UL << order;
	return taken;
}

/*
 * Walks every free list of @zone: each entry must be the head of a free
 * block of the list's order, aligned, inside the zone, in pageblocks of
 * the list's migratetype; the lists must add up to nr_free and to the
 * free and isolated page counters.
 */
static void pa_check_free_lists(struct kunit *test, struct zone *zone)
{
	unsigned long free = 0, isolated = 0, flags;
	unsigned long bad_pfn = ULONG_MAX, bad_mt_pfn = ULONG_MAX;
	unsigned long bad_nr_order = ULONG_MAX, bad_nr = 0, bad_mt_nr = 0;
	int bad_mt_list = 0, bad_mt_block = 0;
	struct pa_snap s;
	int o, mt;

	spin_lock_irqsave(&zone->lock, flags);
	for (o = 0; o < NR_PAGE_ORDERS; o++) {
		unsigned long n = 0, size = 1UL << o;

		for (mt = 0; mt < MIGRATE_TYPES; mt++) {
			struct page *page;

			list_for_each_entry(page, &zone->free_area[o].free_list[mt], lru) {
				unsigned long pfn = page_to_pfn(page), b;

				n++;
				if (mt == MIGRATE_ISOLATE)
					isolated += size;
				else
					free += size;
				if (!PageBuddy(page) || buddy_order(page) != o ||
				    !IS_ALIGNED(pfn, size) ||
				    !zone_spans_pfn(zone, pfn) ||
				    !zone_spans_pfn(zone, pfn + size - 1)) {
					if (!bad_nr++)
						bad_pfn = pfn;
					continue;
				}
				for (b = ALIGN_DOWN(pfn, pageblock_nr_pages);
				     b < pfn + size; b += pageblock_nr_pages) {
					int bmt = get_pageblock_migratetype(pfn_to_page(b));

					if (bmt == mt)
						continue;
					if (!bad_mt_nr++) {
						bad_mt_pfn = b;
						bad_mt_list = mt;
						bad_mt_block = bmt;
					}
				}
			}
		}
		if (n != zone->free_area[o].nr_free && bad_nr_order == ULONG_MAX)
			bad_nr_order = o;
	}
	memcpy(s.stat, zone->vm_stat, sizeof(s.stat));
	spin_unlock_irqrestore(&zone->lock, flags);

	KUNIT_EXPECT_EQ_MSG(test, bad_nr, 0,
			    "zone %s: bad free block heads, first at pfn %#lx",
			    zone->name, bad_pfn);
	KUNIT_EXPECT_EQ_MSG(test, bad_mt_nr, 0,
			    "zone %s: pageblock %#lx is %s but has a free block on the %s list",
			    zone->name, bad_mt_pfn,
			    bad_mt_nr ? migratetype_names[bad_mt_block] : "-",
			    bad_mt_nr ? migratetype_names[bad_mt_list] : "-");
	KUNIT_EXPECT_EQ_MSG(test, bad_nr_order, ULONG_MAX,
			    "zone %s: nr_free disagrees with the lists", zone->name);
	KUNIT_EXPECT_EQ_MSG(test, free, s.stat[NR_FREE_PAGES], "zone %s", zone->name);
	KUNIT_EXPECT_EQ_MSG(test, isolated, s.stat[NR_ISOLATED_FREE],
			    "zone %s", zone->name);
}

static void pa_check_all_free_lists(struct kunit *test)
{
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			if (populated_zone(&NODE_DATA(nid)->node_zones[z]))
				pa_check_free_lists(test, &NODE_DATA(nid)->node_zones[z]);
}

/* The zones as the suite found them, for the last case to compare. */
static struct pa_snap pa_start[MAX_NUMNODES][MAX_NR_ZONES];
static unsigned long pa_start_wmarks[MAX_NUMNODES][MAX_NR_ZONES][NR_WMARK];
static unsigned long pa_start_labels[MAX_NUMNODES][MAX_NR_ZONES][MIGRATE_TYPES];

/* Counts @zone's pageblocks of each migratetype into @count. */
static void pa_count_labels(struct zone *zone, unsigned long *count)
{
	unsigned long pfn;

	memset(count, 0, MIGRATE_TYPES * sizeof(*count));
	for (pfn = ALIGN(zone->zone_start_pfn, pageblock_nr_pages);
	     pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
		if (pfn_valid(pfn))
			count[get_pageblock_migratetype(pfn_to_page(pfn))]++;
}

static int pa_suite_init(struct kunit_suite *suite)
{
	int nid, z;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			pa_snapshot(zone, &pa_start[nid][z]);
			pa_count_labels(zone, pa_start_labels[nid][z]);
			memcpy(pa_start_wmarks[nid][z], zone->_watermark,
			       sizeof(zone->_watermark));
		}
	}
	return 0;
}

static int pa_init(struct kunit *test)
{
	memset(&pa_ctx, 0, sizeof(pa_ctx));
	INIT_LIST_HEAD(&pa_ctx.pages);
	test->priv = &pa_ctx;
	return pa_save_labels(test);
}

static void pa_exit(struct kunit *test)
{
	struct pa_ctx *ctx = test->priv;

	pa_free_all(test);
	if (ctx->wmarks_dropped)
		setup_per_zone_wmarks();
	while (ctx->nr_isolated)
		pa_unisolate(test, ctx->isolated[ctx->nr_isolated - 1]);
	if (ctx->labels)
		pa_restore_labels(test);
}

/* ---- zones and watermarks ---- */

/* Each node's zonelist holds its populated zones, highest first. */
static void page_alloc_zonelist_order(struct kunit *test)
{
	int nid;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		struct zone **zp = pgdat->node_zonelist.zones;
		int populated = 0, listed = 0, z;
		int prev = MAX_NR_ZONES;

		for (z = 0; z < MAX_NR_ZONES; z++)
			populated += populated_zone(&pgdat->node_zones[z]);
		for (; *zp && (*zp)->zone_pgdat == pgdat; zp++, listed++) {
			KUNIT_EXPECT_TRUE(test, populated_zone(*zp));
			KUNIT_EXPECT_LT_MSG(test, (int)zone_idx(*zp), prev,
					    "node %d: %s listed after a lower zone",
					    nid, (*zp)->name);
			prev = zone_idx(*zp);
		}
		KUNIT_EXPECT_GT(test, populated, 0);
		KUNIT_EXPECT_EQ_MSG(test, listed, populated, "node %d", nid);
	}
}

/* Populated zones have min < low < high, and a reserve below ZONE_MOVABLE. */
static void page_alloc_watermarks_ordered(struct kunit *test)
{
	int nid, z;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			if (!zone->managed_pages)
				continue;
			if (z != ZONE_MOVABLE)
				KUNIT_EXPECT_GT_MSG(test, min_wmark_pages(zone), 0,
						    "zone %s", zone->name);
			KUNIT_EXPECT_LT_MSG(test, min_wmark_pages(zone),
					    low_wmark_pages(zone), "zone %s", zone->name);
			KUNIT_EXPECT_LT_MSG(test, low_wmark_pages(zone),
					    high_wmark_pages(zone), "zone %s", zone->name);
			KUNIT_EXPECT_LT_MSG(test, high_wmark_pages(zone),
					    zone->managed_pages, "zone %s", zone->name);
		}
	}
}

/* The free lists agree with the counters and the pageblock types. */
static void page_alloc_free_lists_consistent(struct kunit *test)
{
	pa_check_all_free_lists(test);
}

/* ---- allocation basics ---- */

/* An order-0 page has one reference and comes from the first usable zone. */
static void page_alloc_order0_refcount_zone(struct kunit *test)
{
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, zone);
	page = pa_alloc(test, GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
	KUNIT_EXPECT_FALSE(test, PageBuddy(page));
	KUNIT_EXPECT_FALSE(test, PageReserved(page));
	KUNIT_EXPECT_TRUE(test, pfn_valid(page_to_pfn(page)));
	KUNIT_EXPECT_PTR_EQ(test, page_zone(page), zone);
	KUNIT_EXPECT_TRUE(test, zone_spans_pfn(zone, page_to_pfn(page)));
	KUNIT_EXPECT_EQ(test, page_to_nid(page), 0);
}

/* __GFP_ZERO hands out zeroed memory, even where the last user wrote. */
static void page_alloc_zeroed(struct kunit *test)
{
	unsigned int round, reused = 0;

	for (round = 0; round < 16; round++) {
		struct page *dirty, *page;
		unsigned long i, bad = 0;
		u64 *p;

		dirty = pa_alloc(test, GFP_KERNEL, 2);
		KUNIT_ASSERT_NOT_NULL(test, dirty);
		memset(page_dm_address(dirty), 0x5a, 4 * PAGE_SIZE);
		pa_free(test, dirty);

		page = pa_alloc(test, GFP_KERNEL | __GFP_ZERO, 2);
		KUNIT_ASSERT_NOT_NULL(test, page);
		reused += page == dirty;
		p = page_dm_address(page);
		for (i = 0; i < 4 * PAGE_SIZE / sizeof(*p); i++)
			bad += p[i] != 0;
		KUNIT_EXPECT_EQ_MSG(test, bad, 0, "pfn %#lx", page_to_pfn(page));
		pa_free(test, page);
	}
	/* Otherwise the check above may only have met untouched memory. */
	KUNIT_EXPECT_GT(test, reused, 0);
}

/* GFP_DMA32 blocks lie wholly below 4 GiB, in ZONE_DMA32. */
static void page_alloc_dma32_below_4g(struct kunit *test)
{
	unsigned int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order += 5) {
		struct page *page = pa_alloc(test, GFP_DMA32, order);

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_LE(test, page_to_phys(page) + (PAGE_SIZE << order), SZ_4G);
		KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_DMA32);
	}
}

/* Orders above MAX_PAGE_ORDER are refused without touching the zone. */
static void page_alloc_order_too_large(struct kunit *test)
{
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	struct pa_snap before;
	struct page *page;

	pa_snapshot(zone, &before);
	KUNIT_EXPECT_WARN(test, page = alloc_pages(GFP_KERNEL | __GFP_NOWARN,
						   MAX_PAGE_ORDER + 1));
	KUNIT_EXPECT_NULL(test, page);
	if (page)
		__free_pages(page, MAX_PAGE_ORDER + 1);
	pa_expect_same_free(test, zone, &before);

	page = pa_alloc(test, GFP_KERNEL, MAX_PAGE_ORDER);
	KUNIT_EXPECT_NOT_NULL(test, page);
}

/* NR_FREE_PAGES drops by 2^order on allocation and comes back on free. */
static void page_alloc_free_counters(struct kunit *test)
{
	static const unsigned int orders[] = { 0, 1, 3, pageblock_order, MAX_PAGE_ORDER };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(orders); i++) {
		unsigned int order = orders[i];
		unsigned long total = nr_free_pages();
		struct pa_snap before, mid;
		struct page *page;
		struct zone *zone;

		page = pa_alloc(test, GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		zone = page_zone(page);
		pa_free(test, page);
		/* The zone is now as it will be before and after the next pair. */
		pa_snapshot(zone, &before);

		page = pa_alloc(test, GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_PTR_EQ(test, page_zone(page), zone);
		pa_snapshot(zone, &mid);
		KUNIT_EXPECT_EQ_MSG(test, mid.stat[NR_FREE_PAGES],
				    before.stat[NR_FREE_PAGES] - (1UL << order),
				    "order %u", order);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), total - (1UL << order));
		KUNIT_EXPECT_EQ(test, mid.stat[NR_ALLOC], before.stat[NR_ALLOC] + 1);

		pa_free(test, page);
		pa_expect_same_free(test, zone, &before);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), total);
		pa_snapshot(zone, &mid);
		KUNIT_EXPECT_EQ(test, mid.stat[NR_FREE_EVENTS],
				before.stat[NR_FREE_EVENTS] + 1);
	}
}

/* ---- splitting and merging ---- */

/*
 * With no small free block left, an order-0 request splits the first
 * larger one: the request gets its head and each lower order gets one
 * buddy, the upper half of what remained.
 */
static void page_alloc_split_leaves_buddies(struct kunit *test)
{
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	const int mt = MIGRATE_MOVABLE;
	struct page *head, *page;
	struct pa_snap before, after;
	unsigned int order, o, n = 0;

	/* Take every movable block below order 3, so that a split must happen. */
	for (o = 0; o < 3; o++) {
		while (!pa_list_empty(zone, o, mt)) {
			KUNIT_ASSERT_LT(test, n++, PA_DRAIN_LIMIT);
			page = pa_alloc(test, __GFP_MOVABLE, o);
			KUNIT_ASSERT_NOT_NULL(test, page);
			KUNIT_ASSERT_PTR_EQ(test, page_zone(page), zone);
		}
	}
	head = pa_peek(zone, 3, mt, false, &order);
	KUNIT_ASSERT_NOT_NULL(test, head);
	pa_snapshot(zone, &before);

	page = pa_alloc(test, __GFP_MOVABLE, 0);
	KUNIT_ASSERT_PTR_EQ(test, page, head);
	pa_snapshot(zone, &after);
	KUNIT_EXPECT_EQ(test, after.nr_free[order], before.nr_free[order] - 1);
	for (o = 0; o < order; o++) {
		struct page *buddy = head + (1UL << o);

		KUNIT_EXPECT_EQ_MSG(test, after.nr_free[o], before.nr_free[o] + 1,
				    "order %u", o);
		KUNIT_EXPECT_TRUE_MSG(test, PageBuddy(buddy), "order %u", o);
		KUNIT_EXPECT_EQ(test, buddy_order(buddy), o);
		KUNIT_EXPECT_TRUE(test, pa_on_list(zone, buddy, o, mt));
	}
	KUNIT_EXPECT_EQ(test, after.stat[NR_FREE_PAGES],
			before.stat[NR_FREE_PAGES] - 1);

	/* Freeing the page merges it with all of its buddies again. */
	pa_free(test, page);
	pa_expect_same_free(test, zone, &before);
	KUNIT_EXPECT_TRUE(test, PageBuddy(head));
	KUNIT_EXPECT_EQ(test, buddy_order(head), order);
}

/*
 * The pages of an order-3 block freed one by one merge, as each buddy
 * becomes free, into the block they came from.
 */
static void page_alloc_merge_restores_block(struct kunit *test)
{
	/* After freeing page i, the order of the free block holding page 0. */
	static const struct { unsigned int page; int head_order; } steps[] = {
		{ 1, -1 }, { 0, 1 }, { 2, 1 }, { 3, 2 },
		{ 7, 2 }, { 5, 2 }, { 4, 2 }, { 6, 3 },
	};
	struct pa_snap before;
	struct page *page;
	struct zone *zone;
	unsigned long head_pfn;
	unsigned int i, order;

	zone = pa_first_zone(ZONE_NORMAL);
	pa_snapshot(zone, &before);
	page = pa_alloc(test, __GFP_MOVABLE, 3);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_PTR_EQ(test, page_zone(page), zone);
	pa_split(test, page, 0);

	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		struct page *p = page + steps[i].page;
		unsigned long at;

		pa_free(test, p);
		if (steps[i].head_order < 0) {
			KUNIT_EXPECT_TRUE(test, PageBuddy(p));
			KUNIT_EXPECT_EQ(test, buddy_order(p), 0);
			KUNIT_EXPECT_FALSE(test, PageBuddy(page));
			continue;
		}
		at = pa_free_block_of(page_to_pfn(page), &order);
		if (steps[i].head_order < 3) {
			KUNIT_EXPECT_EQ_MSG(test, at, page_to_pfn(page), "step %u", i);
			KUNIT_EXPECT_EQ_MSG(test, order, steps[i].head_order,
					    "step %u", i);
		}
	}
	/* The whole block is free again, at least as one order-3 block. */
	head_pfn = pa_free_block_of(page_to_pfn(page), &order);
	KUNIT_EXPECT_NE(test, head_pfn, ULONG_MAX);
	KUNIT_EXPECT_GE(test, order, 3);
	KUNIT_EXPECT_LE(test, head_pfn, page_to_pfn(page));
	pa_expect_same_free(test, zone, &before);
}

/* Freeing a page that is already free is refused and changes nothing. */
static void page_alloc_double_free_refused(struct kunit *test)
{
	struct pa_snap before;
	struct page *page;
	struct zone *zone;

	page = pa_alloc(test, __GFP_MOVABLE, 1);
	KUNIT_ASSERT_NOT_NULL(test, page);
	zone = page_zone(page);
	pa_split(test, page, 0);
	pa_free(test, page + 1);
	pa_free(test, page);
	/* page + 1 is now inside a free block it does not head. */
	KUNIT_ASSERT_FALSE(test, PageBuddy(page + 1));
	pa_snapshot(zone, &before);

	KUNIT_EXPECT_WARN(test, __free_pages(page + 1, 0));
	KUNIT_EXPECT_EQ(test, page_count(page + 1), 0);
	pa_expect_same_free(test, zone, &before);
	/* Repair a broken count so that the page can be handed out again. */
	atomic_set(&page[1]._refcount, 0);
}

/*
 * Two free buddy pageblocks of different migratetypes still merge, and
 * the merged block is of one type throughout, the one on whose list it is.
 */
static void page_alloc_merge_across_migratetypes(struct kunit *test)
{
	struct page *block, *low, *high;
	unsigned long head;
	struct zone *zone;
	unsigned int order;

	KUNIT_ASSERT_LE(test, pageblock_order + 1, MAX_PAGE_ORDER);
	block = pa_alloc(test, __GFP_MOVABLE, pageblock_order + 1);
	KUNIT_ASSERT_NOT_NULL(test, block);
	zone = page_zone(block);
	pa_split(test, block, pageblock_order);
	low = block;
	high = block + pageblock_nr_pages;

	/* Relabel the low pageblock; none of its pages is on a free list. */
	set_pageblock_migratetype(low, MIGRATE_UNMOVABLE);
	KUNIT_ASSERT_EQ(test, get_pageblock_migratetype(high), MIGRATE_MOVABLE);

	pa_free(test, high);
	pa_free(test, low);
	head = pa_free_block_of(page_to_pfn(low), &order);
	KUNIT_EXPECT_LE(test, head, page_to_pfn(low));
	KUNIT_EXPECT_GE(test, order, pageblock_order + 1);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(low),
			get_pageblock_migratetype(high));
	pa_check_free_lists(test, zone);
}

/* ---- migratetypes ---- */

/* Each request comes from a pageblock of its own migratetype. */
static void page_alloc_migratetype_matches_pageblock(struct kunit *test)
{
	static const struct { gfp_t gfp; int mt; } kinds[] = {
		{ __GFP_MOVABLE, MIGRATE_MOVABLE },
		{ GFP_KERNEL, MIGRATE_UNMOVABLE },
		{ __GFP_RECLAIMABLE, MIGRATE_RECLAIMABLE },
	};
	unsigned int k, i;

	for (k = 0; k < ARRAY_SIZE(kinds); k++) {
		unsigned int wrong = 0;
		struct page *page;

		for (i = 0; i < 256; i++) {
			page = pa_alloc(test, kinds[k].gfp, i % 8 ? 0 : 3);
			KUNIT_ASSERT_NOT_NULL(test, page);
			wrong += get_pageblock_migratetype(page) != kinds[k].mt;
		}
		KUNIT_EXPECT_EQ_MSG(test, wrong, 0, "%s requests",
				    migratetype_names[kinds[k].mt]);
	}
	pa_check_all_free_lists(test);
}

/*
 * With no unmovable or reclaimable free block left, an unmovable request
 * takes the largest movable block and claims its pageblock(s); the
 * requests that follow are served from the claimed pageblock.
 */
static void page_alloc_fallback_claims_pageblock(struct kunit *test)
{
	static const int drain[] = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE };
	static const gfp_t drain_gfp[] = { __GFP_RECLAIMABLE, GFP_KERNEL };
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	struct pa_snap before, after;
	struct page *page, *want;
	unsigned long claimed;
	unsigned int d, i, n = 0, order;

	/* Drain reclaimable first: its fallback would take unmovable blocks. */
	for (d = 0; d < ARRAY_SIZE(drain); d++) {
		while ((page = pa_peek(zone, 0, drain[d], false, &order))) {
			KUNIT_ASSERT_LT(test, n++, PA_DRAIN_LIMIT);
			page = pa_alloc(test, drain_gfp[d], order);
			KUNIT_ASSERT_NOT_NULL(test, page);
			KUNIT_ASSERT_PTR_EQ(test, page_zone(page), zone);
		}
	}
	want = pa_peek(zone, 0, MIGRATE_MOVABLE, true, &order);
	KUNIT_ASSERT_NOT_NULL(test, want);
	pa_snapshot(zone, &before);

	page = pa_alloc(test, GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_PTR_EQ(test, page, want);
	pa_snapshot(zone, &after);
	claimed = order >= pageblock_order ? 1UL << (order - pageblock_order) : 1;
	KUNIT_EXPECT_EQ(test, after.stat[NR_FALLBACK], before.stat[NR_FALLBACK] + 1);
	KUNIT_EXPECT_EQ(test, after.stat[NR_PAGEBLOCK_STEAL],
			before.stat[NR_PAGEBLOCK_STEAL] + claimed);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(page), MIGRATE_UNMOVABLE);

	for (i = 0; i < 16; i++) {
		struct page *next = pa_alloc(test, GFP_KERNEL, 0);

		KUNIT_ASSERT_NOT_NULL(test, next);
		KUNIT_EXPECT_EQ_MSG(test, page_to_pfn(next) >> pageblock_order,
				    page_to_pfn(page) >> pageblock_order,
				    "allocation %u", i);
	}
	pa_snapshot(zone, &before);
	KUNIT_EXPECT_EQ(test, before.stat[NR_FALLBACK], after.stat[NR_FALLBACK]);
	pa_check_free_lists(test, zone);
}

/*
 * Also a free block smaller than a pageblock, when it is the only one
 * left, makes an unmovable request claim its whole pageblock, and the
 * requests that follow are served from there.
 */
static void page_alloc_fallback_claims_from_small_block(struct kunit *test)
{
	struct pa_snap before, after;
	struct page *block, *page;
	struct zone *zone;
	unsigned long pfn;
	unsigned int i;

	block = pa_alloc(test, __GFP_MOVABLE, pageblock_order);
	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_ASSERT_EQ(test, get_pageblock_migratetype(block), MIGRATE_MOVABLE);
	zone = page_zone(block);
	pfn = page_to_pfn(block);
	pa_split(test, block, 0);

	/* Nothing free anywhere but eight pages of the movable pageblock. */
	pa_drop_watermarks(test);
	pa_exhaust(test, GFP_HIGHUSER_MOVABLE, MAX_PAGE_ORDER);
	KUNIT_ASSERT_EQ(test, nr_free_pages(), 0);
	for (i = 0; i < 8; i++)
		pa_free(test, block + i);
	KUNIT_ASSERT_EQ(test, nr_free_pages(), 8);
	pa_snapshot(zone, &before);

	page = pa_alloc(test, GFP_KERNEL | __GFP_NOWARN, 0);
	KUNIT_ASSERT_PTR_EQ(test, page, block);
	pa_snapshot(zone, &after);
	KUNIT_EXPECT_EQ(test, after.stat[NR_FALLBACK], before.stat[NR_FALLBACK] + 1);
	KUNIT_EXPECT_EQ(test, after.stat[NR_PAGEBLOCK_STEAL],
			before.stat[NR_PAGEBLOCK_STEAL] + 1);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(block), MIGRATE_UNMOVABLE);
	pa_check_free_lists(test, zone);

	for (i = 1; i < 8; i++) {
		page = pa_alloc(test, GFP_KERNEL | __GFP_NOWARN, 0);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_TRUE(test, pa_holds(page, pfn, pfn + pageblock_nr_pages));
	}
	pa_snapshot(zone, &before);
	KUNIT_EXPECT_EQ(test, before.stat[NR_FALLBACK], after.stat[NR_FALLBACK]);
}

/* ---- pageblock isolation ---- */

/* No request of any kind is served from an isolated pageblock. */
static void page_alloc_isolate_blocks_allocation(struct kunit *test)
{
	static const struct { gfp_t gfp; unsigned int order, count; } reqs[] = {
		{ __GFP_MOVABLE, MAX_PAGE_ORDER, 8 },
		{ __GFP_MOVABLE, pageblock_order, 16 },
		{ __GFP_MOVABLE, 0, 2048 },
		{ GFP_KERNEL, 0, 2048 },
		{ __GFP_RECLAIMABLE, 0, 512 },
	};
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	struct page *block, *page;
	unsigned long pfn, inside = 0;
	unsigned int r, i;

	/* The block a large movable request would get first. */
	block = pa_free_pageblock(zone);
	KUNIT_ASSERT_NOT_NULL(test, block);
	pfn = page_to_pfn(block);
	KUNIT_ASSERT_EQ(test, pa_isolate(test, block), 0);

	for (r = 0; r < ARRAY_SIZE(reqs); r++) {
		for (i = 0; i < reqs[r].count; i++) {
			page = pa_alloc(test, reqs[r].gfp | __GFP_NOWARN, reqs[r].order);
			if (!page)
				break;
			inside += pa_holds(page, pfn, pfn + pageblock_nr_pages);
		}
	}
	KUNIT_EXPECT_EQ(test, inside, 0);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(block), MIGRATE_ISOLATE);
	KUNIT_EXPECT_EQ(test, test_pages_isolated(pfn, pfn + pageblock_nr_pages), 0);
}

/* Isolating a free pageblock moves its pages from free to isolated. */
static void page_alloc_isolate_counts(struct kunit *test)
{
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	struct pa_snap before, after;
	unsigned long pfn, total;
	struct page *block;

	block = pa_free_pageblock(zone);
	KUNIT_ASSERT_NOT_NULL(test, block);
	pfn = page_to_pfn(block);
	total = nr_free_pages();
	pa_snapshot(zone, &before);

	KUNIT_ASSERT_EQ(test, pa_isolate(test, block), 0);
	pa_snapshot(zone, &after);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(block), MIGRATE_ISOLATE);
	KUNIT_EXPECT_EQ(test, after.stat[NR_ISOLATED_FREE],
			before.stat[NR_ISOLATED_FREE] + pageblock_nr_pages);
	KUNIT_EXPECT_EQ(test, after.stat[NR_FREE_PAGES],
			before.stat[NR_FREE_PAGES] - pageblock_nr_pages);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), total - pageblock_nr_pages);
	KUNIT_EXPECT_EQ(test, test_pages_isolated(pfn, pfn + pageblock_nr_pages), 0);
	pa_check_free_lists(test, zone);
}

/*
 * A pageblock with a page in use is not fully isolated; the page freed
 * there stays isolated, and then the whole pageblock is.
 */
static void page_alloc_isolate_busy_page(struct kunit *test)
{
	const unsigned int busy = 100;
	struct pa_snap before, after;
	struct page *block;
	struct zone *zone;
	unsigned long pfn, i;
	unsigned int order;

	block = pa_alloc(test, __GFP_MOVABLE, pageblock_order);
	KUNIT_ASSERT_NOT_NULL(test, block);
	zone = page_zone(block);
	pfn = page_to_pfn(block);
	KUNIT_ASSERT_TRUE(test, IS_ALIGNED(pfn, pageblock_nr_pages));
	pa_split(test, block, 0);
	for (i = 0; i < pageblock_nr_pages; i++)
		if (i != busy)
			pa_free(test, block + i);
	pa_snapshot(zone, &before);

	KUNIT_ASSERT_EQ(test, pa_isolate(test, block), 0);
	pa_snapshot(zone, &after);
	KUNIT_EXPECT_EQ(test, after.stat[NR_ISOLATED_FREE],
			before.stat[NR_ISOLATED_FREE] + pageblock_nr_pages - 1);
	KUNIT_EXPECT_EQ(test, test_pages_isolated(pfn, pfn + pageblock_nr_pages),
			-EBUSY);

	pa_free(test, block + busy);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(block), MIGRATE_ISOLATE);
	pa_snapshot(zone, &after);
	KUNIT_EXPECT_EQ(test, after.stat[NR_ISOLATED_FREE],
			before.stat[NR_ISOLATED_FREE] + pageblock_nr_pages);
	KUNIT_EXPECT_EQ(test, after.stat[NR_FREE_PAGES],
			before.stat[NR_FREE_PAGES] - (pageblock_nr_pages - 1));
	KUNIT_EXPECT_EQ(test, test_pages_isolated(pfn, pfn + pageblock_nr_pages), 0);
	/* Merged within the pageblock, and not beyond it. */
	KUNIT_EXPECT_EQ(test, pa_free_block_of(pfn, &order), pfn);
	KUNIT_EXPECT_EQ(test, order, pageblock_order);
	KUNIT_EXPECT_TRUE(test, pa_on_list(zone, block, pageblock_order,
					   MIGRATE_ISOLATE));
}

/* Isolating an isolated pageblock again fails with -EBUSY. */
static void page_alloc_isolate_twice_busy(struct kunit *test)
{
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	struct pa_snap before;
	struct page *block;

	block = pa_free_pageblock(zone);
	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_ASSERT_EQ(test, pa_isolate(test, block), 0);
	pa_snapshot(zone, &before);
	KUNIT_EXPECT_EQ(test, set_migratetype_isolate(block), -EBUSY);
	KUNIT_EXPECT_EQ(test, set_migratetype_isolate(block + 17), -EBUSY);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(block), MIGRATE_ISOLATE);
	pa_expect_same_free(test, zone, &before);
}

/*
 * Undoing isolation puts the pages back on the free lists of the given
 * type, merged as they were, and the counts back where they were.
 */
static void page_alloc_unisolate_restores(struct kunit *test)
{
	struct zone *zone = pa_first_zone(ZONE_NORMAL);
	struct pa_snap before;
	struct page *block;
	unsigned long pfn, head;
	unsigned int order;

	block = pa_free_pageblock(zone);
	KUNIT_ASSERT_NOT_NULL(test, block);
	pfn = page_to_pfn(block);
	pa_snapshot(zone, &before);

	KUNIT_ASSERT_EQ(test, pa_isolate(test, block), 0);
	pa_unisolate(test, block);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(block), MIGRATE_MOVABLE);
	pa_expect_same_free(test, zone, &before);
	head = pa_free_block_of(pfn, &order);
	KUNIT_ASSERT_NE(test, head, ULONG_MAX);
	KUNIT_EXPECT_TRUE(test, pa_on_list(zone, pfn_to_page(head), order,
					   MIGRATE_MOVABLE));
	pa_check_free_lists(test, zone);
}

/*
 * A pageblock that reaches past its zone cannot be isolated as a whole:
 * isolation either fails or really isolates it, never reports success
 * for a pageblock it left alone.
 */
static void page_alloc_isolate_partial_pageblock(struct kunit *test)
{
	unsigned int tried = 0;
	int nid, z, end;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			if (!populated_zone(zone))
				continue;
			for (end = 0; end < 2; end++) {
				/* A pfn in a pageblock the zone does not wholly cover. */
				unsigned long pfn = end ? zone_end_pfn(zone) - 1 :
						    zone->zone_start_pfn;
				struct page *page = pfn_to_page(pfn);
				int ret;

				if (IS_ALIGNED(end ? pfn + 1 : pfn, pageblock_nr_pages))
					continue;
				tried++;
				ret = pa_isolate(test, page);
				if (ret)
					KUNIT_EXPECT_EQ(test, ret, -EBUSY);
				else
					KUNIT_EXPECT_EQ_MSG(test, get_pageblock_migratetype(page),
							    MIGRATE_ISOLATE,
							    "zone %s pfn %#lx reported isolated",
							    zone->name, pfn);
			}
		}
	}
	if (!tried)
		kunit_skip(test, "every zone starts and ends on a pageblock boundary");
}

/* ---- watermarks under pressure ---- */

/*
 * Requests succeed until each zone is down to its min watermark, then
 * fail; freeing everything brings every zone back exactly.
 */
static void page_alloc_exhaust_stops_at_min(struct kunit *test)
{
	struct pa_snap before[MAX_NR_ZONES];
	pg_data_t *pgdat = NODE_DATA(0);
	unsigned long total, taken;
	int z;

	total = nr_free_pages();
	for (z = 0; z < MAX_NR_ZONES; z++)
		pa_snapshot(&pgdat->node_zones[z], &before[z]);

	/* Movable requests: they leave the fewest pageblocks claimed. */
	taken = pa_exhaust(test, GFP_HIGHUSER_MOVABLE, MAX_PAGE_ORDER);
	KUNIT_EXPECT_GT(test, taken, 0);
	KUNIT_EXPECT_NULL(test, pa_alloc(test, GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0));
	KUNIT_EXPECT_NULL(test, pa_alloc(test, GFP_KERNEL | __GFP_NOWARN, 0));
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		if (!populated_zone(zone))
			continue;
		KUNIT_EXPECT_EQ_MSG(test, zone_page_state(zone, NR_FREE_PAGES),
				    min_wmark_pages(zone), "zone %s", zone->name);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), total - taken);

	pa_free_all(test);
	for (z = 0; z < MAX_NR_ZONES; z++)
		if (populated_zone(&pgdat->node_zones[z]))
			pa_expect_same_free(test, &pgdat->node_zones[z], &before[z]);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), total);
}

/* __GFP_HIGH requests may use half of the reserve below min. */
static void page_alloc_high_dips_below_min(struct kunit *test)
{
	const gfp_t gfp = GFP_DMA32 | __GFP_MOVABLE | __GFP_NOWARN;
	struct zone *zone = pa_first_zone(ZONE_DMA32);
	unsigned long min, high = 0;
	struct pa_snap before;

	KUNIT_ASSERT_NOT_NULL(test, zone);
	min = min_wmark_pages(zone);
	KUNIT_ASSERT_GT(test, min / 2, 0);
	pa_snapshot(zone, &before);

	pa_exhaust(test, gfp, MAX_PAGE_ORDER);
	KUNIT_EXPECT_EQ(test, zone_page_state(zone, NR_FREE_PAGES), min);
	KUNIT_EXPECT_NULL(test, pa_alloc(test, gfp, 0));
	while (pa_alloc(test, gfp | __GFP_HIGH, 0))
		high++;
	KUNIT_EXPECT_EQ(test, high, min / 2);
	KUNIT_EXPECT_EQ(test, zone_page_state(zone, NR_FREE_PAGES), min - min / 2);
	KUNIT_EXPECT_NULL(test, pa_alloc(test, gfp, 0));

	pa_free_all(test);
	pa_expect_same_free(test, zone, &before);
}

/*
 * Free lists stay consistent with the pageblock types when single-page
 * unmovable requests have split and claimed every last free block, down
 * to the small ones in pageblocks at the edges of zones, and after all
 * is freed again.
 */
static void page_alloc_free_lists_consistent_exhausted(struct kunit *test)
{
	KUNIT_EXPECT_GT(test, pa_exhaust(test, GFP_KERNEL, 0), 0);
	pa_check_all_free_lists(test);
	pa_free_all(test);
	pa_check_all_free_lists(test);
}

/*
 * The suite gave back everything: every zone has the free blocks, free
 * counts, watermarks and pageblock types it had before the first case,
 * and its free lists are consistent.
 */
static void page_alloc_state_restored(struct kunit *test)
{
	unsigned long labels[MIGRATE_TYPES];
	int nid, z, mt;

	/* This case holds nothing but its own saved labels: drop them. */
	pa_restore_labels(test);
	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			pa_expect_same_free(test, zone, &pa_start[nid][z]);
			for (mt = 0; mt < NR_WMARK; mt++)
				KUNIT_EXPECT_EQ_MSG(test, zone->_watermark[mt],
						    pa_start_wmarks[nid][z][mt],
						    "zone %s watermark %d", zone->name, mt);
			pa_count_labels(zone, labels);
			for (mt = 0; mt < MIGRATE_TYPES; mt++)
				KUNIT_EXPECT_EQ_MSG(test, labels[mt],
						    pa_start_labels[nid][z][mt],
						    "zone %s: %s pageblocks", zone->name,
						    migratetype_names[mt]);
		}
	}
	pa_check_all_free_lists(test);
}

/* ---- managed_pages under concurrency ---- */

#define PA_MANAGED_ROUNDS	50000

struct pa_managed_ctx {
	struct zone *zone;		/* the zone whose count is watched */
	struct completion done[2];
	unsigned long counted[2];	/* pages each thread gave back there */
};

struct pa_managed_arg {
	struct pa_managed_ctx *ctx;
	int id;
};

/*
 * Hands pages back as boot memory is handed over (free_reserved_page(),
 * which adds to managed_pages), as fast as it can, alongside the other
 * thread doing the same.
 */
static int pa_managed_thread(void *data)
{
	struct pa_managed_arg *a = data;
	struct pa_managed_ctx *ctx = a->ctx;
	int i;

	for (i = 0; i < PA_MANAGED_ROUNDS; i++) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_NOWARN);

		if (!page)
			break;
		if (page_zone(page) != ctx->zone) {
			__free_page(page);
			continue;
		}
		free_reserved_page(page);
		ctx->counted[a->id]++;
	}
	complete(&ctx->done[a->id]);
	return 0;
}

/*
 * Two CPUs raising a zone's managed_pages at once lose no update (every
 * change of it is made under zone->lock).
 */
static void page_alloc_managed_no_lost_update(struct kunit *test)
{
	struct pa_managed_ctx ctx = {};
	struct pa_managed_arg arg[2];
	struct task_struct *t[2];
	unsigned long before, after, flags;
	struct page *probe;
	int i;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	probe = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, probe);
	ctx.zone = page_zone(probe);
	__free_page(probe);
	before = READ_ONCE(ctx.zone->managed_pages);
	for (i = 0; i < 2; i++) {
		init_completion(&ctx.done[i]);
		arg[i].ctx = &ctx;
		arg[i].id = i;
		t[i] = kthread_run(pa_managed_thread, &arg[i], "pa-managed%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (i = 0; i < 2; i++) {
		wait_for_completion(&ctx.done[i]);
		kthread_stop(t[i]);
	}
	after = READ_ONCE(ctx.zone->managed_pages);
	KUNIT_EXPECT_EQ(test, after - before, ctx.counted[0] + ctx.counted[1]);
	KUNIT_EXPECT_GT(test, ctx.counted[0] + ctx.counted[1], 0UL);
	/* Put the count back: those pages were counted already. */
	spin_lock_irqsave(&ctx.zone->lock, flags);
	WRITE_ONCE(ctx.zone->managed_pages, ctx.zone->managed_pages -
		   (ctx.counted[0] + ctx.counted[1]));
	spin_unlock_irqrestore(&ctx.zone->lock, flags);
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(page_alloc_zonelist_order),
	KUNIT_CASE(page_alloc_managed_no_lost_update),
	KUNIT_CASE(page_alloc_watermarks_ordered),
	KUNIT_CASE(page_alloc_free_lists_consistent),
	KUNIT_CASE(page_alloc_order0_refcount_zone),
	KUNIT_CASE(page_alloc_zeroed),
	KUNIT_CASE(page_alloc_dma32_below_4g),
	KUNIT_CASE(page_alloc_order_too_large),
	KUNIT_CASE(page_alloc_free_counters),
	KUNIT_CASE(page_alloc_split_leaves_buddies),
	KUNIT_CASE(page_alloc_merge_restores_block),
	KUNIT_CASE(page_alloc_double_free_refused),
	KUNIT_CASE(page_alloc_merge_across_migratetypes),
	KUNIT_CASE(page_alloc_migratetype_matches_pageblock),
	KUNIT_CASE(page_alloc_fallback_claims_pageblock),
	KUNIT_CASE(page_alloc_fallback_claims_from_small_block),
	KUNIT_CASE(page_alloc_isolate_blocks_allocation),
	KUNIT_CASE(page_alloc_isolate_counts),
	KUNIT_CASE(page_alloc_isolate_busy_page),
	KUNIT_CASE(page_alloc_isolate_twice_busy),
	KUNIT_CASE(page_alloc_unisolate_restores),
	KUNIT_CASE(page_alloc_isolate_partial_pageblock),
	KUNIT_CASE(page_alloc_exhaust_stops_at_min),
	KUNIT_CASE(page_alloc_high_dips_below_min),
	KUNIT_CASE(page_alloc_free_lists_consistent_exhausted),
	KUNIT_CASE(page_alloc_state_restored),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.suite_init = pa_suite_init,
	.init = pa_init,
	.exit = pa_exit,
	.test_cases = page_alloc_cases,
};

kunit_test_suite(page_alloc_suite);
