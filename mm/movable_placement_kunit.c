// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of where memory went at boot: with movable_node, hotpluggable
 * memory holds no boot reservation and no kernel page, and all of it is
 * in ZONE_MOVABLE; kernel allocations never come from ZONE_MOVABLE; user
 * memory spares the kernel zones' reserve while a ZONE_MOVABLE has room.
 * Cases that need a hotpluggable range (a crafted SRAT) skip without one.
 */
#include <kunit/test.h>
#include <linux/memblock.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static bool have_hotplug_memory(void)
{
	struct memblock_region *r;

	for_each_mem_region(r)
		if (r->flags & MEMBLOCK_HOTPLUG)
			return true;
	return false;
}

static void need_movable_node_hotplug(struct kunit *test)
{
	if (!movable_node_is_enabled())
		kunit_skip(test, "boot without movable_node");
	if (!have_hotplug_memory())
		kunit_skip(test, "no hotpluggable boot memory (needs an SRAT that flags some)");
}

/* No memblock reservation (boot allocation) overlaps hotpluggable RAM. */
static void movable_no_reservation_in_hotplug(struct kunit *test)
{
	struct memblock_region *m, *r;

	need_movable_node_hotplug(test);
	for_each_mem_region(m) {
		if (!(m->flags & MEMBLOCK_HOTPLUG))
			continue;
		for_each_reserved_mem_region(r)
			KUNIT_EXPECT_FALSE_MSG(test,
				r->base < memblock_region_end(m) &&
				memblock_region_end(r) > m->base,
				"reserved [%#llx-%#llx] in hotpluggable [%#llx-%#llx]",
				r->base, memblock_region_end(r) - 1, m->base,
				memblock_region_end(m) - 1);
	}
}

/* Every page of hotpluggable RAM sits in ZONE_MOVABLE. */
static void movable_hotplug_is_movable_zone(struct kunit *test)
{
	struct memblock_region *m;
	unsigned long pfn, wrong = 0, first_wrong = 0;

	need_movable_node_hotplug(test);
	for_each_mem_region(m) {
		if (!(m->flags & MEMBLOCK_HOTPLUG))
			continue;
		for (pfn = PFN_UP(m->base); pfn < PFN_DOWN(memblock_region_end(m)); pfn++) {
			if (page_zonenum(pfn_to_page(pfn)) == ZONE_MOVABLE)
				continue;
			if (!wrong++)
				first_wrong = pfn;
		}
	}
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0, "first at pfn %#lx", first_wrong);
}

/* Without movable_node, hotpluggable RAM is ordinary kernel memory. */
static void movable_hotplug_kernel_zone_without_option(struct kunit *test)
{
	struct memblock_region *m;
	unsigned long pfn, movable = 0;

	if (movable_node_is_enabled())
		kunit_skip(test, "booted with movable_node");
	if (!have_hotplug_memory())
		kunit_skip(test, "no hotpluggable boot memory");
	for_each_mem_region(m) {
		if (!(m->flags & MEMBLOCK_HOTPLUG))
			continue;
		for (pfn = PFN_UP(m->base); pfn < PFN_DOWN(memblock_region_end(m)); pfn++)
			movable += page_zonenum(pfn_to_page(pfn)) == ZONE_MOVABLE;
	}
	KUNIT_EXPECT_EQ(test, movable, 0);
}

/*
 * However ZONE_MOVABLE was sized (movable_node, kernelcore=, movablecore=),
 * none of its pages belongs to the kernel: none is reserved, a page
 * table, memmap, slab, heap or vmalloc page.
 */
static void movable_zone_holds_no_kernel_page(struct kunit *test)
{
	unsigned long pfn, bad = 0, first_bad = 0, spanned = 0;
	int nid;

	for_each_online_node(nid)
		spanned += NODE_DATA(nid)->node_zones[ZONE_MOVABLE].spanned_pages;
	if (!spanned)
		kunit_skip(test, "no ZONE_MOVABLE");
	for_each_online_node(nid) {
		struct zone *zone = &NODE_DATA(nid)->node_zones[ZONE_MOVABLE];

		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
			struct page *page;

			if (!pfn_valid(pfn))
				continue;
			page = pfn_to_page(pfn);
			if (page_zonenum(page) != ZONE_MOVABLE)
				continue;
			if (!PageReserved(page) && page->type != PGTY_PGTABLE &&
			    page->type != PGTY_MEMMAP && page->type != PGTY_SLAB &&
			    page->type != PGTY_KHEAP && page->type != PGTY_VMALLOC)
				continue;
			if (!bad++)
				first_bad = pfn;
		}
	}
	KUNIT_EXPECT_EQ_MSG(test, bad, 0, "first at pfn %#lx", first_bad);
}

#define NR_PROBE_OBJS	256

/* Kernel heap and vmalloc pages never come from ZONE_MOVABLE. */
static void movable_kernel_allocations_avoid_movable(struct kunit *test)
{
	void **objs = kcalloc(NR_PROBE_OBJS, sizeof(void *), GFP_KERNEL);
	void *v;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, objs);
	for (i = 0; i < NR_PROBE_OBJS; i++) {
		struct page *page;

		objs[i] = kmalloc(PAGE_SIZE, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
		page = kheap_virt_to_page(objs[i]);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_NE(test, page_zonenum(page), ZONE_MOVABLE);
	}
	v = vmalloc(64 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, v);
	for (i = 0; i < 64; i++)
		KUNIT_EXPECT_NE(test, page_zonenum(vmalloc_to_page((char *)v + i * PAGE_SIZE)),
				ZONE_MOVABLE);
	vfree(v);
	for (i = 0; i < NR_PROBE_OBJS; i++)
		kfree(objs[i]);
	kfree(objs);
}

/* A movable allocation uses ZONE_MOVABLE first when its node has one. */
static void movable_allocation_prefers_movable_zone(struct kunit *test)
{
	struct page *page;
	int nid, found = NUMA_NO_NODE;

	for_each_online_node(nid)
		if (NODE_DATA(nid)->node_zones[ZONE_MOVABLE].vm_stat[NR_FREE_PAGES])
			found = nid;
	if (found == NUMA_NO_NODE)
		kunit_skip(test, "no free ZONE_MOVABLE memory");
	page = __alloc_pages(GFP_HIGHUSER_MOVABLE, 0, found);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_MOVABLE);
	KUNIT_EXPECT_EQ(test, page_to_nid(page), found);
	__free_page(page);
}

/*
 * Node 0's first kernel zone, if its zonelist reaches a ZONE_MOVABLE with
 * free pages only after it (another node's), else NULL.
 */
static struct zone *kernel_zone_before_movable(void)
{
	struct zone **zp, *first = NULL;

	for (zp = NODE_DATA(0)->node_zonelist.zones; *zp; zp++) {
		if (zone_idx(*zp) != ZONE_MOVABLE) {
			if (!first && populated_zone(*zp))
				first = *zp;
			continue;
		}
		if (!(*zp)->vm_stat[NR_FREE_PAGES])
			continue;
		return first;
	}
	return NULL;
}

/*
 * User memory that outgrows node 0 leaves node 0's kernel zone its
 * zone_kernel_reserve() and goes on to another node's ZONE_MOVABLE, so
 * that the page tables it needs next can still be had.
 */
static void movable_allocation_spares_kernel_reserve(struct kunit *test)
{
	struct zone *kz = kernel_zone_before_movable();
	unsigned long limit, n, free;
	struct page *page, *later;
	bool moved_on = false;
	LIST_HEAD(held);

	if (!kz)
		kunit_skip(test, "no kernel zone before a free ZONE_MOVABLE");
	limit = kz->managed_pages + 1024;
	for (n = 0; n < limit && !moved_on; n++) {
		page = __alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0, 0);
		if (!page)
			break;
		list_add(&page->lru, &held);
		moved_on = page_zonenum(page) == ZONE_MOVABLE;
	}
	free = kz->vm_stat[NR_FREE_PAGES];
	KUNIT_EXPECT_TRUE_MSG(test, moved_on, "%lu pages, none movable", n);
	KUNIT_EXPECT_GE(test, free, zone_kernel_reserve(kz));
	page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_page(page);
	list_for_each_entry_safe(page, later, &held, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

static struct kunit_case movable_placement_cases[] = {
	KUNIT_CASE(movable_no_reservation_in_hotplug),
	KUNIT_CASE(movable_hotplug_is_movable_zone),
	KUNIT_CASE(movable_hotplug_kernel_zone_without_option),
	KUNIT_CASE(movable_zone_holds_no_kernel_page),
	KUNIT_CASE(movable_kernel_allocations_avoid_movable),
	KUNIT_CASE(movable_allocation_prefers_movable_zone),
	KUNIT_CASE(movable_allocation_spares_kernel_reserve),
	{}
};

static struct kunit_suite movable_placement_suite = {
	.name = "movable_placement",
	.test_cases = movable_placement_cases,
};
kunit_test_suite(movable_placement_suite);
