// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for memory a driver owns (mm/memory_hotplug.c, the virtio-mem
 * contract in include/linux/memory_hotplug.h): a test owner claims one
 * boot memory block, says which of its pageblocks are plugged, and the
 * cases check what online, mhp_plug_pages(), mhp_unplug_pages(), offline
 * and online again make of it: the counts, the page types, checksummed
 * movable and kernel data moved intact, a refusal that changes nothing.
 * add_driver_memory() and remove_driver_memory() are checked on a far
 * range with no RAM behind it, which is never touched, and with the
 * memmap on memory on firmware RAM above a mem= limit.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <asm/e820.h>
#include <kunit/test.h>
#include "kernel_fill_test.h"

#define DM_ROOT		"/sys/devices/system/memory"
#define DM_FAR		(1ULL << 39)	/* no RAM there: see memory_hotplug_kunit.c */
#define DM_BLOCK	((u64)MIN_MEMORY_BLOCK_SIZE)
#define DM_PB		pageblock_nr_pages
#define DM_PB_ORDER	pageblock_order
#define DM_NR_PB	PAGEBLOCKS_PER_SECTION
#define DM_RAM_NAME	"System RAM (virtio_mem)"
#define DM_MAX_PICK	4
#define DM_ROOM_MAX	48	/* 2 MiB blocks: 96 MiB */

/*
 * The test owner: bit N of @plugged set if pageblock N of its range is
 * plugged (a block has DM_NR_PB == 64 of them); the first @nr_pb may be.
 */
struct dm_owner {
	struct mhp_owner owner;
	unsigned long nr_pb;
	u64 plugged;
};

#define DM_BIT(pb)	(1ULL << (pb))
#define DM_BITS(pb, nr)	((~0ULL >> (64 - (nr))) << (pb))

static bool dm_plugged(struct mhp_owner *owner, unsigned long pfn)
{
	struct dm_owner *o = container_of(owner, struct dm_owner, owner);
	unsigned long pb = (pfn - PHYS_PFN(owner->start)) / DM_PB;

	return pb < o->nr_pb && (o->plugged & DM_BIT(pb));
}

static struct dm_owner dm_own;
static unsigned long dm_section = ULONG_MAX;	/* the borrowed boot block */
static bool dm_registered;

static unsigned long dm_pfn(void)
{
	return section_nr_to_pfn(dm_section);
}

static u64 dm_start(void)
{
	return PFN_PHYS(dm_pfn());
}

/*
 * A boot block that is online in one zone and holds no PG_reserved page:
 * everything in it is free or can move, so it can go offline.
 */
static bool dm_block_usable(unsigned long nr)
{
	struct mem_section *ms = __nr_to_section(nr);
	unsigned long pfn = section_nr_to_pfn(nr), i;
	struct memory_block *mem;
	bool ok;

	if (!valid_section(ms) || !online_section(ms) || !early_section(ms))
		return false;
	for (i = 0; i < PAGES_PER_SECTION; i++) {
		struct page *pg = pfn_to_page(pfn + i);

		if (PageReserved(pg) ||
		    page_zone(pg) != page_zone(pfn_to_page(pfn)))
			return false;
	}
	mem = find_memory_block_by_id(nr);
	if (!mem)
		return false;
	ok = mem->state == MEM_ONLINE && mem->zone &&
	     zone_idx(mem->zone) != ZONE_MOVABLE;
	put_device(&mem->dev);
	return ok;
}

/*
 * A usable boot block of node 0's highest populated kernel zone, where
 * the fill driver's kernel allocations go first (the first such, as one
 * at the top of a zone comes back in ZONE_NORMAL); else any usable one.
 */
static unsigned long dm_find_block(void)
{
	struct zone *top = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned long nr, any = ULONG_MAX;

	if (!populated_zone(top))
		top = &NODE_DATA(0)->node_zones[ZONE_DMA32];
	for_each_valid_section(nr) {
		if (!dm_block_usable(nr))
			continue;
		if (page_zone(pfn_to_page(section_nr_to_pfn(nr))) == top)
			return nr;
		if (any == ULONG_MAX)
			any = nr;
	}
	return any;
}

static int dm_set_state(u64 start, int online_type)
{
	int ret;

	mem_hotplug_begin();
	ret = mhp_block_set_state(start, online_type);
	mem_hotplug_done();
	return ret;
}

static int dm_state(u64 start)
{
	int ret;

	mem_hotplug_begin();
	ret = mhp_block_state(start);
	mem_hotplug_done();
	return ret;
}

/* As a driver plugs: marked plugged first, back as it was on failure. */
static int dm_plug(unsigned long pb, unsigned long nr)
{
	u64 was;
	int ret;

	mem_hotplug_begin();
	was = dm_own.plugged;
	dm_own.plugged |= DM_BITS(pb, nr);
	ret = mhp_plug_pages(dm_pfn() + pb * DM_PB, nr * DM_PB);
	if (ret)
		dm_own.plugged = was;
	mem_hotplug_done();
	return ret;
}

static int dm_unplug(unsigned long pb, unsigned long nr)
{
	int ret;

	mem_hotplug_begin();
	ret = mhp_unplug_pages(dm_pfn() + pb * DM_PB, nr * DM_PB);
	if (!ret)
		dm_own.plugged &= ~DM_BITS(pb, nr);
	mem_hotplug_done();
	return ret;
}

/* Pages of pageblock @pb of the block with @type; @reserved: PG_reserved too. */
static unsigned long dm_count_type(unsigned long pb, int type, bool reserved)
{
	unsigned long pfn = dm_pfn() + pb * DM_PB, i, n = 0;

	for (i = 0; i < DM_PB; i++) {
		struct page *pg = pfn_to_page(pfn + i);

		n += pg->type == type && (!reserved || PageReserved(pg));
	}
	return n;
}

static unsigned long dm_unplugged_pb(void)
{
	unsigned long pb, n = 0;

	for (pb = 0; pb < DM_NR_PB; pb++)
		n += dm_count_type(pb, PGTY_UNPLUGGED, false) != 0;
	return n;
}

/* 2 MiB blocks held outside the block, to be given back as room. */
static struct page *dm_room[DM_ROOM_MAX];
static unsigned int dm_nr_room;

static void dm_hold_room(void)
{
	static struct page *inside[DM_NR_PB];
	unsigned int nr_inside = 0, tries;
	unsigned long pfn;
	struct page *page;

	/* The block's own free pageblocks may come first: set aside. */
	for (tries = 0; tries < DM_ROOM_MAX + DM_NR_PB + 16 &&
	     dm_nr_room < DM_ROOM_MAX; tries++) {
		page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, DM_PB_ORDER);
		if (!page)
			break;
		pfn = page_to_pfn(page);
		if (pfn >= dm_pfn() && pfn < dm_pfn() + PAGES_PER_SECTION) {
			if (nr_inside < DM_NR_PB)
				inside[nr_inside++] = page;
			else
				__free_pages(page, DM_PB_ORDER);
			continue;
		}
		dm_room[dm_nr_room++] = page;
	}
	while (nr_inside)
		__free_pages(inside[--nr_inside], DM_PB_ORDER);
}

static void dm_free_room(void)
{
	while (dm_nr_room)
		__free_pages(dm_room[--dm_nr_room], DM_PB_ORDER);
}

/*
 * Borrows the block: offline, owned by the test owner with nothing
 * plugged. Each case onlines it with the pageblocks it wants plugged.
 */
static int dm_init(struct kunit *test)
{
	BUILD_BUG_ON(DM_NR_PB > 64);
	if (dm_section == ULONG_MAX)
		dm_section = dm_find_block();
	if (dm_section == ULONG_MAX)
		kunit_skip(test, "no boot block without reserved pages");
	if (dm_state(dm_start()) == MEM_ONLINE &&
	    dm_set_state(dm_start(), MMOP_OFFLINE))
		kunit_skip(test, "memory%lu does not go offline", dm_section);
	memset(&dm_own, 0, sizeof(dm_own));
	dm_own.owner.start = dm_start();
	dm_own.owner.size = DM_BLOCK;
	dm_own.owner.plugged = dm_plugged;
	dm_own.nr_pb = DM_NR_PB;
	if (mhp_owner_register(&dm_own.owner))
		kunit_skip(test, "cannot register the test owner");
	dm_registered = true;
	return 0;
}

/* Gives the block back online and whole, with nothing of the tests in it. */
static void dm_exit(struct kunit *test)
{
	unsigned long pb;

	dm_free_room();
	kernel_fill_test_free();
	movable_test_set_refuse(false);
	movable_test_free();
	if (dm_section == ULONG_MAX)
		return;
	if (dm_registered && dm_state(dm_start()) == MEM_ONLINE)
		for (pb = 0; pb < DM_NR_PB; pb++)
			if (dm_count_type(pb, PGTY_UNPLUGGED, false))
				WARN_ON(dm_plug(pb, 1));
	if (dm_registered)
		mhp_owner_unregister(&dm_own.owner);
	dm_registered = false;
	/* Back in the kernel zone it came from. */
	if (dm_state(dm_start()) == MEM_ONLINE &&
	    zone_idx(page_zone(pfn_to_page(dm_pfn()))) == ZONE_MOVABLE)
		WARN_ON(dm_set_state(dm_start(), MMOP_OFFLINE));
	if (dm_state(dm_start()) != MEM_ONLINE &&
	    dm_set_state(dm_start(), MMOP_ONLINE_KERNEL))
		kunit_err(test, "memory%lu stays offline\n", dm_section);
}

static void dm_plug_even(void)
{
	unsigned long pb;

	for (pb = 0; pb < DM_NR_PB; pb += 2)
		dm_own.plugged |= DM_BIT(pb);
}

/* Half the pageblocks plugged: online hands exactly those out. */
static void dm_online_plugged_only(struct kunit *test)
{
	pg_data_t *pgdat = NODE_DATA(page_to_nid(pfn_to_page(dm_pfn())));
	unsigned long total = totalram_pages(), present, pb, pfn;

	present = pgdat->node_present_pages;
	dm_plug_even();
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, dm_state(dm_start()), MEM_ONLINE);
	KUNIT_EXPECT_EQ(test, totalram_pages() - total, DM_NR_PB / 2 * DM_PB);
	/* Unplugged pages are present, only not managed. */
	KUNIT_EXPECT_EQ(test, pgdat->node_present_pages - present,
			(unsigned long)PAGES_PER_SECTION);
	for (pb = 0; pb < DM_NR_PB; pb++) {
		pfn = dm_pfn() + pb * DM_PB;
		if (pb % 2) {
			KUNIT_EXPECT_EQ(test, dm_count_type(pb, PGTY_UNPLUGGED, true),
					DM_PB);
			KUNIT_EXPECT_EQ(test, free_pages_in_range(pfn, pfn + DM_PB),
					0UL);
		} else {
			KUNIT_EXPECT_EQ(test, dm_count_type(pb, PGTY_UNPLUGGED, false),
					0UL);
		}
	}
}

/* Plugging an unplugged pageblock grows managed; plugging again is refused. */
static void dm_plug_pages(struct kunit *test)
{
	unsigned long total;

	dm_plug_even();
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	total = totalram_pages();
	KUNIT_ASSERT_EQ(test, dm_plug(1, 1), 0);
	KUNIT_EXPECT_EQ(test, totalram_pages() - total, DM_PB);
	KUNIT_EXPECT_EQ(test, dm_count_type(1, PGTY_UNPLUGGED, false), 0UL);
	KUNIT_EXPECT_EQ(test, dm_unplugged_pb(), DM_NR_PB / 2 - 1);
	/* Two at once, then what is plugged already: -EINVAL, no change. */
	KUNIT_EXPECT_EQ(test, dm_plug(3, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, dm_plug(1, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, totalram_pages() - total, DM_PB);
	KUNIT_EXPECT_EQ(test, dm_count_type(3, PGTY_UNPLUGGED, true), DM_PB);
	KUNIT_EXPECT_FALSE(test, dm_own.plugged & DM_BIT(3));
	KUNIT_EXPECT_EQ(test, dm_plug(3, 1), 0);
	KUNIT_EXPECT_EQ(test, totalram_pages() - total, 2 * DM_PB);
}

static bool dm_kernel_type(const struct page *page)
{
	return page->type == PGTY_SLAB || page->type == PGTY_KHEAP ||
	       page->type == PGTY_VMALLOC || page->type == PGTY_PGTABLE;
}

/* Movable test pages (by pfn) in each pageblock of the block. */
static void dm_count_movable(unsigned long *per_pb)
{
	unsigned long i, pfn;

	for (i = 0; i < movable_test_nr_pages(); i++) {
		pfn = page_to_pfn(movable_test_page(i));
		if (pfn >= dm_pfn() && pfn < dm_pfn() + PAGES_PER_SECTION)
			per_pb[(pfn - dm_pfn()) / DM_PB]++;
	}
}

static unsigned long dm_count_kernel(unsigned long pb)
{
	unsigned long pfn = dm_pfn() + pb * DM_PB, i, n = 0;

	for (i = 0; i < DM_PB; i++)
		n += dm_kernel_type(pfn_to_page(pfn + i));
	return n;
}

/* The pageblock with the most of @score not picked yet, or DM_NR_PB. */
static unsigned long dm_best(const unsigned long *score, const bool *picked)
{
	unsigned long pb, best = DM_NR_PB;

	for (pb = 0; pb < DM_NR_PB; pb++)
		if (!picked[pb] && score[pb] &&
		    (best == DM_NR_PB || score[pb] > score[best]))
			best = pb;
	return best;
}

/* Kernel data of the fill driver until memory is low: the block too. */
static int dm_fill_all(void)
{
	return kernel_fill_test_fill(0, totalram_pages() >> (20 - PAGE_SHIFT));
}

/*
 * Pageblocks holding movable test pages and kernel pages (slab, kernel
 * heap, vmalloc, page tables, stacks) of the fill driver are unplugged:
 * every byte moves elsewhere intact, managed drops by exactly what left.
 */
static void dm_unplug_moves_in_use(struct kunit *test)
{
	static unsigned long kern[DM_NR_PB], mov[DM_NR_PB];
	static bool picked[DM_NR_PB];
	unsigned long pick[DM_MAX_PICK], nr = 0, total, bad = 1, n, i, pb;
	unsigned long kernel_pages = 0, movable_pages = 0, types[4] = {};

	/*
	 * With the block offline, room is held and the rest of memory
	 * filled with kernel data; the block onlined is then nearly all the
	 * free memory, and movable and kernel data land in it. Then the
	 * room is given back, so that the data has somewhere to go.
	 */
	dm_hold_room();
	kunit_info(test, "%u MiB of room held\n", dm_nr_room * 2);
	KUNIT_ASSERT_GE(test, dm_nr_room, DM_ROOM_MAX / 2);
	KUNIT_ASSERT_EQ(test, dm_fill_all(), 0);
	dm_own.plugged = ~0ULL;
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, movable_test_fill(2048, 0), 0);
	KUNIT_ASSERT_EQ(test, dm_fill_all(), 0);
	dm_free_room();

	memset(kern, 0, sizeof(kern));
	memset(mov, 0, sizeof(mov));
	memset(picked, 0, sizeof(picked));
	dm_count_movable(mov);
	for (pb = 0; pb < DM_NR_PB; pb++)
		kern[pb] = dm_count_kernel(pb);
	pb = dm_best(mov, picked);
	if (pb < DM_NR_PB) {
		picked[pb] = true;
		pick[nr++] = pb;
	}
	while (nr < DM_MAX_PICK) {
		pb = dm_best(kern, picked);
		if (pb == DM_NR_PB)
			break;
		picked[pb] = true;
		pick[nr++] = pb;
	}
	for (i = 0; i < nr; i++) {
		kernel_pages += kern[pick[i]];
		movable_pages += mov[pick[i]];
		for (pb = 0; pb < ARRAY_SIZE(types); pb++)
			types[pb] += dm_count_type(pick[i], PGTY_SLAB + pb, false);
	}
	kunit_info(test, "unplugging %lu pageblocks: %lu kernel pages (slab %lu, heap %lu, vmalloc %lu, page table %lu), %lu movable pages\n",
		   nr, kernel_pages, types[0], types[1], types[2], types[3],
		   movable_pages);
	KUNIT_ASSERT_GT(test, kernel_pages, 0UL);
	KUNIT_ASSERT_GT(test, movable_pages, 0UL);

	total = totalram_pages();
	for (i = 0; i < nr; i++)
		KUNIT_EXPECT_EQ(test, dm_unplug(pick[i], 1), 0);
	KUNIT_EXPECT_EQ(test, total - totalram_pages(), nr * DM_PB);
	for (i = 0; i < nr; i++) {
		KUNIT_EXPECT_EQ(test, dm_count_type(pick[i], PGTY_UNPLUGGED, true),
				DM_PB);
		KUNIT_EXPECT_EQ(test, dm_count_kernel(pick[i]), 0UL);
	}
	memset(mov, 0, sizeof(mov));
	dm_count_movable(mov);
	for (i = 0; i < nr; i++)
		KUNIT_EXPECT_EQ(test, mov[pick[i]], 0UL);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	bad = 1;
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(&n, &bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	/* Unplugged again: -EINVAL, nothing changes. */
	KUNIT_EXPECT_EQ(test, dm_unplug(pick[0], 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, total - totalram_pages(), nr * DM_PB);
}

/*
 * Memory full of kernel data, the block too: unplugging a pageblock in
 * use is refused at once with -ENOSPC, and nothing changed.
 */
static void dm_unplug_no_room(struct kunit *test)
{
	unsigned long total, pb, bad = 1;
	int mt;

	/* The rest of memory first, then the block. */
	KUNIT_ASSERT_EQ(test, dm_fill_all(), 0);
	dm_own.plugged = ~0ULL;
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, dm_fill_all(), 0);
	for (pb = 0; pb < DM_NR_PB; pb++)
		if (dm_count_kernel(pb))
			break;
	KUNIT_ASSERT_LT(test, pb, (unsigned long)DM_NR_PB);
	total = totalram_pages();
	mt = get_pageblock_migratetype(pfn_to_page(dm_pfn() + pb * DM_PB));
	KUNIT_EXPECT_EQ(test, dm_unplug(pb, 1), -ENOSPC);
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, dm_unplugged_pb(), 0UL);
	KUNIT_EXPECT_EQ(test,
			get_pageblock_migratetype(pfn_to_page(dm_pfn() + pb * DM_PB)),
			mt);
	KUNIT_EXPECT_TRUE(test, dm_own.plugged & DM_BIT(pb));
	KUNIT_EXPECT_EQ(test, kernel_fill_test_verify(NULL, &bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
}

/*
 * In ZONE_MOVABLE: a page whose owner refuses to let it move fails the
 * unplug with -EBUSY and everything is as before; once it may move, the
 * same unplug succeeds and the data is intact where it went.
 */
static void dm_unplug_refused(struct kunit *test)
{
	unsigned long total, pfn, pb, bad = 1;
	struct page *page;
	int mt;

	dm_own.plugged = ~0ULL;
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_MOVABLE), 0);
	KUNIT_ASSERT_EQ(test, movable_test_fill(256, 0), 0);
	page = movable_test_page(0);
	pfn = page_to_pfn(page);
	KUNIT_ASSERT_TRUE(test, pfn >= dm_pfn() &&
			  pfn < dm_pfn() + PAGES_PER_SECTION);
	pb = (pfn - dm_pfn()) / DM_PB;
	total = totalram_pages();
	mt = get_pageblock_migratetype(movable_test_page(0));

	movable_test_set_refuse(true);
	KUNIT_EXPECT_EQ(test, dm_unplug(pb, 1), -EBUSY);
	movable_test_set_refuse(false);
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, dm_unplugged_pb(), 0UL);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(page), mt);
	KUNIT_EXPECT_PTR_EQ(test, movable_test_page(0), page);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);

	KUNIT_EXPECT_EQ(test, dm_unplug(pb, 1), 0);
	KUNIT_EXPECT_EQ(test, total - totalram_pages(), DM_PB);
	KUNIT_EXPECT_EQ(test, dm_count_type(pb, PGTY_UNPLUGGED, true), DM_PB);
	KUNIT_EXPECT_PTR_NE(test, movable_test_page(0), page);
	bad = 1;
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
}

static ssize_t dm_write_state(const char *val)
{
	char path[96];

	snprintf(path, sizeof(path), DM_ROOT "/memory%lu/state", dm_section);
	return vfs_write_path(path, val, strlen(val));
}

/*
 * A block with holes goes offline (here through its state file, as a
 * user would) with its movable data moved out, and comes back online
 * with the holes the owner says now.
 */
static void dm_offline_online_holes(struct kunit *test)
{
	pg_data_t *pgdat = NODE_DATA(page_to_nid(pfn_to_page(dm_pfn())));
	unsigned long present = pgdat->node_present_pages;
	unsigned long total = totalram_pages(), pb, bad = 1;

	dm_plug_even();
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, movable_test_fill(1024, 0), 0);
	KUNIT_ASSERT_EQ(test, dm_write_state("offline"), 7);
	KUNIT_EXPECT_EQ(test, dm_state(dm_start()), MEM_OFFLINE);
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, pgdat->node_present_pages, present);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);

	/* The owner changed its mind while offline: the odd ones now. */
	dm_own.plugged = 0;
	for (pb = 1; pb < DM_NR_PB; pb += 2)
		dm_own.plugged |= DM_BIT(pb);
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, totalram_pages() - total, DM_NR_PB / 2 * DM_PB);
	for (pb = 0; pb < DM_NR_PB; pb++)
		KUNIT_EXPECT_EQ(test, dm_count_type(pb, PGTY_UNPLUGGED, true),
				pb % 2 ? 0UL : DM_PB);
	/* And the driver can take it offline too, and online it again. */
	KUNIT_EXPECT_EQ(test, dm_set_state(dm_start(), MMOP_OFFLINE), 0);
	KUNIT_EXPECT_EQ(test, dm_set_state(dm_start(), MMOP_OFFLINE), -EINVAL);
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, dm_unplugged_pb(), DM_NR_PB / 2);
}

static struct resource dm_region = {
	.name = "dm-virtio",
	.flags = IORESOURCE_MEM,
};

/*
 * Driver memory nests in the driver's region as "System RAM (virtio_mem)",
 * driver managed; auto-online with nothing plugged hands out nothing;
 * removal finds it and it is gone afterwards.
 */
static void dm_add_remove(struct kunit *test)
{
	static struct dm_owner far;
	unsigned long total = totalram_pages(), pfn, bad = 0;
	int type = mhp_get_default_online_type(), ret;
	struct resource *res;

	dm_region.start = DM_FAR;
	dm_region.end = DM_FAR + 4 * DM_BLOCK - 1;
	KUNIT_ASSERT_EQ(test, request_resource(&iomem_resource, &dm_region), 0);
	memset(&far, 0, sizeof(far));
	far.owner.start = DM_FAR;
	far.owner.size = 4 * DM_BLOCK;
	far.owner.plugged = dm_plugged;
	far.nr_pb = 0;		/* nothing plugged: never touched */
	ret = mhp_owner_register(&far.owner);
	if (ret) {
		release_resource(&dm_region);
		KUNIT_ASSERT_EQ(test, 0, ret);
	}

	mhp_set_default_online_type(MMOP_OFFLINE);
	mem_hotplug_begin();
	ret = add_driver_memory(0, DM_FAR, 2 * DM_BLOCK, DM_RAM_NAME, MHP_NONE);
	KUNIT_EXPECT_EQ(test, ret, 0);
	res = lookup_resource_nested(&iomem_resource, DM_FAR,
				     IORESOURCE_SYSTEM_RAM);
	KUNIT_EXPECT_NOT_NULL(test, res);
	if (res) {
		KUNIT_EXPECT_STREQ(test, res->name, DM_RAM_NAME);
		KUNIT_EXPECT_PTR_EQ(test, res->parent, &dm_region);
		KUNIT_EXPECT_EQ(test, res->end, DM_FAR + 2 * DM_BLOCK - 1);
		KUNIT_EXPECT_EQ(test, res->flags & IORESOURCE_SYSRAM_DRIVER_MANAGED,
				(unsigned long)IORESOURCE_SYSRAM_DRIVER_MANAGED);
		KUNIT_EXPECT_TRUE(test, res->flags & IORESOURCE_BUSY);
	}
	KUNIT_EXPECT_EQ(test, mhp_block_state(DM_FAR), MEM_OFFLINE);
	KUNIT_EXPECT_EQ(test, mhp_block_state(DM_FAR + DM_BLOCK), MEM_OFFLINE);
	KUNIT_EXPECT_EQ(test, remove_driver_memory(DM_FAR, 2 * DM_BLOCK), 0);
	KUNIT_EXPECT_NULL(test, lookup_resource_nested(&iomem_resource, DM_FAR,
						       IORESOURCE_SYSTEM_RAM));
	KUNIT_EXPECT_NULL(test, dm_region.child);
	KUNIT_EXPECT_EQ(test, mhp_block_state(DM_FAR), -ENODEV);
	mem_hotplug_done();

	/* Auto-online: the blocks go online, every page unplugged. */
	mhp_set_default_online_type(MMOP_ONLINE_MOVABLE);
	mem_hotplug_begin();
	ret = add_driver_memory(0, DM_FAR + DM_BLOCK, DM_BLOCK, DM_RAM_NAME,
				MHP_NONE);
	mhp_set_default_online_type(type);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, mhp_block_state(DM_FAR + DM_BLOCK), MEM_ONLINE);
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	for (pfn = PHYS_PFN(DM_FAR + DM_BLOCK);
	     pfn < PHYS_PFN(DM_FAR + 2 * DM_BLOCK); pfn++)
		bad += !PageUnplugged(pfn_to_page(pfn));
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	KUNIT_EXPECT_EQ(test, remove_driver_memory(DM_FAR + DM_BLOCK, DM_BLOCK),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, mhp_block_set_state(DM_FAR + DM_BLOCK,
						  MMOP_OFFLINE), 0);
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, remove_driver_memory(DM_FAR + DM_BLOCK, DM_BLOCK),
			0);
	KUNIT_EXPECT_NULL(test, dm_region.child);
	mem_hotplug_done();

	/* Without a region of the driver's, directly under the root. */
	mhp_set_default_online_type(MMOP_OFFLINE);
	mem_hotplug_begin();
	KUNIT_EXPECT_EQ(test, add_driver_memory(0, DM_FAR + 4 * DM_BLOCK,
						DM_BLOCK, DM_RAM_NAME, MHP_NONE), 0);
	res = lookup_resource(&iomem_resource, DM_FAR + 4 * DM_BLOCK);
	KUNIT_EXPECT_TRUE(test, res && !strcmp(res->name, DM_RAM_NAME));
	KUNIT_EXPECT_EQ(test, remove_driver_memory(DM_FAR + 4 * DM_BLOCK,
						   DM_BLOCK), 0);
	KUNIT_EXPECT_NULL(test, lookup_resource(&iomem_resource,
						DM_FAR + 4 * DM_BLOCK));
	mem_hotplug_done();
	mhp_set_default_online_type(type);

	mhp_owner_unregister(&far.owner);
	KUNIT_EXPECT_EQ(test, release_resource(&dm_region), 0);
}

/*
 * The first block of firmware RAM that Tide does not use (above a mem=
 * limit): no System RAM resource, no memmap. Return: true if found.
 */
static bool dm_spare_block(u64 *start)
{
	u32 i;
	u64 s, end;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type != E820_TYPE_RAM)
			continue;
		end = ALIGN_DOWN(e->addr + e->size, DM_BLOCK);
		for (s = ALIGN(e->addr, DM_BLOCK); s + DM_BLOCK <= end;
		     s += DM_BLOCK) {
			if (region_intersects(s, DM_BLOCK, IORESOURCE_SYSTEM_RAM) ==
			    REGION_DISJOINT && !pfn_valid(PHYS_PFN(s))) {
				*start = s;
				return true;
			}
		}
	}
	return false;
}

/*
 * Driver memory with its memmap in its own first pageblock (plugged by
 * the driver before the add): auto-online skips the memmap and hands out
 * the plugged pageblocks; the memmap cannot be unplugged; offline and
 * removal work. Needs real RAM Tide does not use: boot with mem=.
 */
static void dm_memmap_on_memory(struct kunit *test)
{
	static struct dm_owner spare;
	unsigned long total = totalram_pages(), pfn, pb;
	int type = mhp_get_default_online_type();
	u64 start;

	if (!dm_spare_block(&start))
		kunit_skip(test, "no firmware RAM beyond what Tide uses (boot with mem=)");
	if (!mhp_can_memmap_on_memory())
		kunit_skip(test, "memory_hotplug.memmap_on_memory is off");
	pfn = PHYS_PFN(start);
	memset(&spare, 0, sizeof(spare));
	spare.owner.start = start;
	spare.owner.size = DM_BLOCK;
	spare.owner.plugged = dm_plugged;
	spare.nr_pb = DM_NR_PB;
	spare.plugged = DM_BITS(0, DM_NR_PB / 2);	/* the memmap's too */
	KUNIT_ASSERT_EQ(test, mhp_owner_register(&spare.owner), 0);

	mhp_set_default_online_type(MMOP_ONLINE_KERNEL);
	mem_hotplug_begin();
	KUNIT_EXPECT_EQ(test, add_driver_memory(0, start, DM_BLOCK, DM_RAM_NAME,
						MHP_MEMMAP_ON_MEMORY), 0);
	mhp_set_default_online_type(type);
	KUNIT_EXPECT_TRUE(test, mhp_section_hosts_memmap(pfn));
	KUNIT_EXPECT_EQ(test, mhp_block_state(start), MEM_ONLINE);
	/* The plugged half but the memmap's pageblock. */
	KUNIT_EXPECT_EQ(test, totalram_pages() - total,
			(DM_NR_PB / 2 - 1) * DM_PB);
	KUNIT_EXPECT_EQ(test, pfn_to_page(pfn)->type, PGTY_MEMMAP);
	for (pb = DM_NR_PB / 2; pb < DM_NR_PB; pb++)
		KUNIT_EXPECT_TRUE(test, PageUnplugged(pfn_to_page(pfn + pb * DM_PB)));
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn, DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn + DM_PB, DM_PB), 0);
	spare.plugged &= ~DM_BIT(1);
	spare.plugged |= DM_BIT(DM_NR_PB - 1);
	KUNIT_EXPECT_EQ(test, mhp_plug_pages(pfn + (DM_NR_PB - 1) * DM_PB, DM_PB),
			0);
	KUNIT_EXPECT_EQ(test, totalram_pages() - total,
			(DM_NR_PB / 2 - 1) * DM_PB);
	KUNIT_EXPECT_EQ(test, mhp_block_set_state(start, MMOP_OFFLINE), 0);
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, remove_driver_memory(start, DM_BLOCK), 0);
	KUNIT_EXPECT_NULL(test, lookup_resource_nested(&iomem_resource, start,
						       IORESOURCE_SYSTEM_RAM));
	mem_hotplug_done();
	mhp_owner_unregister(&spare.owner);
}

/* Bad arguments: -EINVAL (or -EBUSY, -ENODEV), and nothing changes. */
static void dm_bad_args(struct kunit *test)
{
	struct mhp_owner bad = {
		.start = DM_FAR + PAGE_SIZE, .size = DM_BLOCK,
		.plugged = dm_plugged,
	};
	unsigned long total, pfn = dm_pfn();

	KUNIT_EXPECT_EQ(test, mhp_owner_register(&bad), -EINVAL);
	bad.start = DM_FAR;
	bad.plugged = NULL;
	KUNIT_EXPECT_EQ(test, mhp_owner_register(&bad), -EINVAL);
	bad.plugged = dm_plugged;
	bad.size = 0;
	KUNIT_EXPECT_EQ(test, mhp_owner_register(&bad), -EINVAL);
	bad.start = dm_start();
	bad.size = DM_BLOCK;
	KUNIT_EXPECT_EQ(test, mhp_owner_register(&bad), -EBUSY);

	mem_hotplug_begin();
	/* The block is offline: nothing to plug or unplug. */
	KUNIT_EXPECT_EQ(test, mhp_plug_pages(pfn, DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn, DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_driver_memory(0, DM_FAR + PAGE_SIZE, DM_BLOCK,
						DM_RAM_NAME, MHP_NONE), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_driver_memory(0, DM_FAR, DM_BLOCK, NULL,
						MHP_NONE), -EINVAL);
	KUNIT_EXPECT_EQ(test, add_driver_memory(-1, DM_FAR, DM_BLOCK,
						DM_RAM_NAME, MHP_NONE), -EINVAL);
	KUNIT_EXPECT_EQ(test, remove_driver_memory(DM_FAR, DM_BLOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_block_state(DM_FAR), -ENODEV);
	KUNIT_EXPECT_EQ(test, mhp_block_state(dm_start() + PAGE_SIZE), -ENODEV);
	KUNIT_EXPECT_EQ(test, mhp_block_set_state(dm_start(), 7), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_block_set_state(DM_FAR, MMOP_ONLINE), -ENODEV);
	mem_hotplug_done();

	dm_own.plugged = ~0ULL;
	KUNIT_ASSERT_EQ(test, dm_set_state(dm_start(), MMOP_ONLINE_KERNEL), 0);
	total = totalram_pages();
	mem_hotplug_begin();
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn + 1, DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn, DM_PB / 2), -EINVAL);
	/* Across the end of the block, and outside any owner's range. */
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn + PAGES_PER_SECTION - DM_PB,
					       2 * DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_unplug_pages(pfn - DM_PB, DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_plug_pages(pfn, DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_plug_pages(pfn + 1, DM_PB), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_block_set_state(dm_start(), MMOP_ONLINE),
			-EINVAL);
	mem_hotplug_done();
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, dm_unplugged_pb(), 0UL);
}

static struct kunit_case driver_memory_cases[] = {
	KUNIT_CASE(dm_online_plugged_only),
	KUNIT_CASE(dm_plug_pages),
	KUNIT_CASE(dm_unplug_moves_in_use),
	KUNIT_CASE(dm_unplug_no_room),
	KUNIT_CASE(dm_unplug_refused),
	KUNIT_CASE(dm_offline_online_holes),
	KUNIT_CASE(dm_add_remove),
	KUNIT_CASE(dm_memmap_on_memory),
	KUNIT_CASE(dm_bad_args),
	{}
};

static struct kunit_suite driver_memory_suite = {
	.name = "driver_memory",
	.init = dm_init,
	.exit = dm_exit,
	.test_cases = driver_memory_cases,
};
kunit_test_suite(driver_memory_suite);
