// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "memblock": region list bookkeeping, flags, nodes, placement
 * of allocations, the free-range walk, and the E820 map as it reaches
 * memblock. Each case runs on small test-owned lists, never the live ones.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <kunit/test.h>

/* Room in each test list; small, so that "list full" is easy to reach. */
#define MB_TEST_REGIONS		16

#define MB_MIB(x)		((phys_addr_t)(x) << 20)

static struct memblock_region mb_test_memory[MB_TEST_REGIONS];
static struct memblock_region mb_test_reserved[MB_TEST_REGIONS];

/* The live memblock, put back by memblock_test_exit(). */
static struct memblock mb_saved;

/* Firmware maps are built here; too big for a case's stack. */
static struct e820_table mb_e820;

/* One expected region, or one range seen by memblock_walk_free(). */
struct mb_rgn {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
	int nid;
};

#define MB_RAM(b, s)		{ (b), (s), MEMBLOCK_NONE, 0 }
#define MB_RAM_F(b, s, f, n)	{ (b), (s), (f), (n) }
#define MB_RSV(b, s)		{ (b), (s), MEMBLOCK_NONE, NUMA_NO_NODE }

/*
 * Memblock is finished with once the buddy allocator runs, so each case
 * may swap in empty lists of its own; the live state is restored after.
 */
static int memblock_test_init(struct kunit *test)
{
	mb_saved = memblock;
	memset(mb_test_memory, 0, sizeof(mb_test_memory));
	memset(mb_test_reserved, 0, sizeof(mb_test_reserved));
	memset(&mb_e820, 0, sizeof(mb_e820));
	memblock = (struct memblock) {
		.bottom_up = false,
		.skip_hotplug = false,
		.current_limit = PHYS_ADDR_MAX,
		.memory = {
			.regions = mb_test_memory,
			.max = MB_TEST_REGIONS,
			.name = "memory",
		},
		.reserved = {
			.regions = mb_test_reserved,
			.max = MB_TEST_REGIONS,
			.name = "reserved",
		},
	};
	return 0;
}

static void memblock_test_exit(struct kunit *test)
{
	memblock = mb_saved;
}

static void mb_dump(struct kunit *test, const struct memblock_type *type)
{
	unsigned long i;

	for (i = 0; i < type->cnt && i < type->max; i++)
		kunit_info(test, "%s[%lu] = [%#llx, +%#llx) flags %#x nid %d",
			   type->name, i, type->regions[i].base,
			   type->regions[i].size, type->regions[i].flags,
			   type->regions[i].nid);
}

/*
 * Checks that @type holds exactly the @n regions in @exp, in order, and
 * that its total_size is their sum. @line is the caller's, for the report.
 */
static void mb_check(struct kunit *test, const struct memblock_type *type,
		     const struct mb_rgn *exp, unsigned long n, int line)
{
	phys_addr_t total = 0;
	unsigned long i;

	if (type->cnt != n)
		mb_dump(test, type);
	KUNIT_ASSERT_EQ_MSG(test, type->cnt, n, "%s list checked at line %d",
			    type->name, line);
	for (i = 0; i < n; i++) {
		const struct memblock_region *r = &type->regions[i];

		KUNIT_EXPECT_EQ_MSG(test, r->base, exp[i].base,
				    "%s[%lu] checked at line %d", type->name, i, line);
		KUNIT_EXPECT_EQ_MSG(test, r->size, exp[i].size,
				    "%s[%lu] checked at line %d", type->name, i, line);
		KUNIT_EXPECT_EQ_MSG(test, r->flags, exp[i].flags,
				    "%s[%lu] checked at line %d", type->name, i, line);
		KUNIT_EXPECT_EQ_MSG(test, r->nid, exp[i].nid,
				    "%s[%lu] checked at line %d", type->name, i, line);
		total += exp[i].size;
	}
	KUNIT_EXPECT_EQ_MSG(test, type->total_size, total,
			    "%s total_size checked at line %d", type->name, line);
}

#define MB_EXPECT(test, list, ...)					\
	do {								\
		static const struct mb_rgn __mb_exp[] = { __VA_ARGS__ };	\
									\
		mb_check(test, &memblock.list, __mb_exp,		\
			 ARRAY_SIZE(__mb_exp), __LINE__);		\
	} while (0)

#define MB_EXPECT_EMPTY(test, list)					\
	mb_check(test, &memblock.list, NULL, 0, __LINE__)

/* Touching ranges added in any order become one region. */
static void memblock_add_merges_adjacent(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(24), MB_MIB(4)), 0);
	/* Fills the hole, touching both neighbours. */
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(20), MB_MIB(4)), 0);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(12)));
}

/* Overlapping adds are counted once in the region and in total_size. */
static void memblock_add_merges_overlapping(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(8)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(20), MB_MIB(12)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(18), MB_MIB(2)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(16)));
}

/*
 * An add that overlaps existing regions inserts only the missing parts:
 * the node of what was there first is kept.
 */
static void memblock_add_fills_only_gaps(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add_node(MB_MIB(20), MB_MIB(4), 1,
						MEMBLOCK_NONE), 0);
	KUNIT_ASSERT_EQ(test, memblock_add_node(MB_MIB(28), MB_MIB(2), 1,
						MEMBLOCK_NONE), 0);
	KUNIT_ASSERT_EQ(test, memblock_add_node(MB_MIB(16), MB_MIB(16), 2,
						MEMBLOCK_NONE), 0);
	MB_EXPECT(test, memory,
		  MB_RAM_F(MB_MIB(16), MB_MIB(4), MEMBLOCK_NONE, 2),
		  MB_RAM_F(MB_MIB(20), MB_MIB(4), MEMBLOCK_NONE, 1),
		  MB_RAM_F(MB_MIB(24), MB_MIB(4), MEMBLOCK_NONE, 2),
		  MB_RAM_F(MB_MIB(28), MB_MIB(2), MEMBLOCK_NONE, 1),
		  MB_RAM_F(MB_MIB(30), MB_MIB(2), MEMBLOCK_NONE, 2));
}

/* Ranges added out of order come out sorted by base. */
static void memblock_add_out_of_order_sorted(struct kunit *test)
{
	static const phys_addr_t bases[] = { 64, 16, 48, 32, 80, 24 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bases); i++)
		KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(bases[i]), MB_MIB(2)), 0);
	MB_EXPECT(test, memory,
		  MB_RAM(MB_MIB(16), MB_MIB(2)), MB_RAM(MB_MIB(24), MB_MIB(2)),
		  MB_RAM(MB_MIB(32), MB_MIB(2)), MB_RAM(MB_MIB(48), MB_MIB(2)),
		  MB_RAM(MB_MIB(64), MB_MIB(2)), MB_RAM(MB_MIB(80), MB_MIB(2)));
}

/* Neighbours that differ in flags stay apart. */
static void memblock_add_keeps_flags_apart(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add_node(MB_MIB(20), MB_MIB(4), 0,
						MEMBLOCK_HOTPLUG), 0);
	MB_EXPECT(test, memory,
		  MB_RAM(MB_MIB(16), MB_MIB(4)),
		  MB_RAM_F(MB_MIB(20), MB_MIB(4), MEMBLOCK_HOTPLUG, 0));
}

/* Zero-length add and reserve succeed and change nothing. */
static void memblock_zero_size_is_noop(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, memblock_add(MB_MIB(16), 0), 0);
	KUNIT_EXPECT_EQ(test, memblock_reserve(MB_MIB(16), 0), 0);
	MB_EXPECT_EMPTY(test, memory);
	MB_EXPECT_EMPTY(test, reserved);

	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(4)), 0);
	KUNIT_EXPECT_EQ(test, memblock_add(MB_MIB(32), 0), 0);
	KUNIT_EXPECT_EQ(test, memblock_reserve(MB_MIB(18), 0), 0);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(4)));
	MB_EXPECT_EMPTY(test, reserved);
}

/* A size that would run past the top of the address space is capped. */
static void memblock_add_wrap_capped(struct kunit *test)
{
	phys_addr_t base = PHYS_ADDR_MAX - MB_MIB(1) + 1;

	KUNIT_ASSERT_EQ(test, memblock_add(base, MB_MIB(4)), 0);
	MB_EXPECT(test, memory, MB_RAM(PHYS_ADDR_MAX - MB_MIB(1) + 1,
				       MB_MIB(1) - 1));
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), PHYS_ADDR_MAX);
}

/* Removing the middle of a region leaves its two ends. */
static void memblock_remove_splits_region(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_remove(MB_MIB(20), MB_MIB(4)), 0);
	MB_EXPECT(test, memory,
		  MB_RAM(MB_MIB(16), MB_MIB(4)), MB_RAM(MB_MIB(24), MB_MIB(8)));
}

/* A remove across regions and holes trims the ends, drops the middle. */
static void memblock_remove_spans_regions(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(24), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(32), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_remove(MB_MIB(18), MB_MIB(16)), 0);
	MB_EXPECT(test, memory,
		  MB_RAM(MB_MIB(16), MB_MIB(2)), MB_RAM(MB_MIB(34), MB_MIB(2)));
}

/* A remove whose size runs past the top removes everything above base. */
static void memblock_remove_wrap_capped(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(64), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_remove(MB_MIB(24), PHYS_ADDR_MAX), 0);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(8)));
}

/* Reservations merge, free splits them, and "memory" is not touched. */
static void memblock_reserve_and_free(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(16), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(20), MB_MIB(4)), 0);
	MB_EXPECT(test, reserved, MB_RSV(MB_MIB(16), MB_MIB(8)));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(MB_MIB(19)));

	KUNIT_ASSERT_EQ(test, memblock_phys_free(MB_MIB(18), MB_MIB(2)), 0);
	MB_EXPECT(test, reserved,
		  MB_RSV(MB_MIB(16), MB_MIB(2)), MB_RSV(MB_MIB(20), MB_MIB(4)));
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), MB_MIB(6));
	KUNIT_EXPECT_FALSE(test, memblock_is_reserved(MB_MIB(19)));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(MB_MIB(20)));
	KUNIT_EXPECT_FALSE(test, memblock_is_reserved(MB_MIB(24)));
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(16)));
}

/* mark_hotplug flags exactly the range, splitting the region around it. */
static void memblock_mark_hotplug_exact(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_mark_hotplug(MB_MIB(20), MB_MIB(4)), 0);
	MB_EXPECT(test, memory,
		  MB_RAM(MB_MIB(16), MB_MIB(4)),
		  MB_RAM_F(MB_MIB(20), MB_MIB(4), MEMBLOCK_HOTPLUG, 0),
		  MB_RAM(MB_MIB(24), MB_MIB(8)));
}

/* clear_hotplug on the same range makes the pieces one region again. */
static void memblock_clear_hotplug_merges(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_mark_hotplug(MB_MIB(20), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock.memory.cnt, 3);
	KUNIT_ASSERT_EQ(test, memblock_clear_hotplug(MB_MIB(20), MB_MIB(4)), 0);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(16)));
}

/* set_node moves exactly the range to the node, merging like neighbours. */
static void memblock_set_node_exact(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_set_node(MB_MIB(24), MB_MIB(4), 1), 0);
	MB_EXPECT(test, memory,
		  MB_RAM_F(MB_MIB(16), MB_MIB(8), MEMBLOCK_NONE, 0),
		  MB_RAM_F(MB_MIB(24), MB_MIB(4), MEMBLOCK_NONE, 1),
		  MB_RAM_F(MB_MIB(28), MB_MIB(4), MEMBLOCK_NONE, 0));

	KUNIT_ASSERT_EQ(test, memblock_set_node(MB_MIB(28), MB_MIB(4), 1), 0);
	MB_EXPECT(test, memory,
		  MB_RAM_F(MB_MIB(16), MB_MIB(8), MEMBLOCK_NONE, 0),
		  MB_RAM_F(MB_MIB(24), MB_MIB(8), MEMBLOCK_NONE, 1));
}

/* Top-down allocations come from the top of the highest region. */
static void memblock_alloc_top_down(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(64), MB_MIB(16)), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K),
			MB_MIB(80) - SZ_4K);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K),
			MB_MIB(80) - 2 * SZ_4K);
	MB_EXPECT(test, reserved, MB_RSV(MB_MIB(80) - 2 * SZ_4K, 2 * SZ_4K));
}

/* Bottom-up allocations come from the bottom of the lowest region. */
static void memblock_alloc_bottom_up(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(64), MB_MIB(16)), 0);
	memblock_set_bottom_up(true);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K), MB_MIB(16));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K),
			MB_MIB(16) + SZ_4K);
	MB_EXPECT(test, reserved, MB_RSV(MB_MIB(16), 2 * SZ_4K));
}

/* The address honours the alignment in both directions. */
static void memblock_alloc_alignment(struct kunit *test)
{
	/* Neither end of the region is 2 MiB aligned. */
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16) + SZ_4K,
					   MB_MIB(16) - 2 * SZ_4K), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_2M), MB_MIB(30));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_64K, SZ_64K),
			MB_MIB(32) - 2 * SZ_64K);
	memblock_set_bottom_up(true);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_2M), MB_MIB(18));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_64K),
			MB_MIB(16) + SZ_64K);
}

/* The size is rounded up to whole pages, and that much is reserved. */
static void memblock_alloc_rounds_to_pages(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(100, 8), MB_MIB(32) - SZ_4K);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K + 1, 8),
			MB_MIB(32) - 3 * SZ_4K);
	MB_EXPECT(test, reserved, MB_RSV(MB_MIB(32) - 3 * SZ_4K, 3 * SZ_4K));
}

/* Top-down, reserved ranges are stepped over to the next gap that fits. */
static void memblock_alloc_top_down_skips_reserved(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(28), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(20), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(25), SZ_4K), 0);
	/* The gaps above 20M are too small for 3 MiB. */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(MB_MIB(3), SZ_4K),
			MB_MIB(17));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(MB_MIB(2), SZ_4K),
			MB_MIB(26));
	MB_EXPECT(test, reserved,
		  MB_RSV(MB_MIB(17), MB_MIB(7)),
		  MB_RSV(MB_MIB(25), SZ_4K),
		  MB_RSV(MB_MIB(26), MB_MIB(6)));
}

/* Bottom-up, reserved ranges are stepped over to the next gap that fits. */
static void memblock_alloc_bottom_up_skips_reserved(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(16), MB_MIB(1)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(18), MB_MIB(1)), 0);
	memblock_set_bottom_up(true);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(MB_MIB(2), SZ_4K),
			MB_MIB(19));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(MB_MIB(1), SZ_4K),
			MB_MIB(17));
	MB_EXPECT(test, reserved, MB_RSV(MB_MIB(16), MB_MIB(5)));
}

/* With skip_hotplug on, MEMBLOCK_HOTPLUG memory is never handed out. */
static void memblock_alloc_skips_hotplug(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_mark_hotplug(MB_MIB(24), MB_MIB(8)), 0);
	memblock_set_skip_hotplug(true);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K),
			MB_MIB(24) - SZ_4K);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(MB_MIB(9), SZ_4K), 0);
	/* All of it hotpluggable: nothing, in either direction. */
	KUNIT_ASSERT_EQ(test, memblock_mark_hotplug(MB_MIB(16), MB_MIB(8)), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	memblock_set_bottom_up(true);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
}

/* With skip_hotplug off, MEMBLOCK_HOTPLUG memory is used like any other. */
static void memblock_alloc_uses_hotplug(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_mark_hotplug(MB_MIB(24), MB_MIB(8)), 0);
	memblock_set_skip_hotplug(false);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K),
			MB_MIB(32) - SZ_4K);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(MB_MIB(4), SZ_4K),
			MB_MIB(28) - SZ_4K);
}

/* memblock_phys_alloc_range() stays inside [start, end). */
static void memblock_alloc_within_range(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(48)), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(SZ_4K, SZ_4K,
							MB_MIB(20), MB_MIB(24)),
			MB_MIB(24) - SZ_4K);
	/* Only part of the range is RAM. */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(SZ_4K, SZ_4K,
							MB_MIB(60), MB_MIB(80)),
			MB_MIB(64) - SZ_4K);
	/* Bigger than the range. */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(MB_MIB(8), SZ_4K,
							MB_MIB(20), MB_MIB(24)),
			0);
	memblock_set_bottom_up(true);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(SZ_4K, SZ_4K,
							MB_MIB(20), MB_MIB(24)),
			MB_MIB(20));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(SZ_4K, SZ_4K,
							MB_MIB(8), MB_MIB(24)),
			MB_MIB(16));
}

/* The current limit caps every allocation. */
static void memblock_alloc_below_current_limit(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(48)), 0);
	memblock_set_current_limit(MB_MIB(24));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K),
			MB_MIB(24) - SZ_4K);
	memblock_set_current_limit(MB_MIB(16));
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
}

/* When nothing fits, allocation returns 0 and reserves nothing. */
static void memblock_alloc_nothing_fits(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K), 0);

	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(1)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(18), MB_MIB(1)), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(MB_MIB(2), SZ_4K), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_1G), 0);
	MB_EXPECT_EMPTY(test, reserved);

	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(16), MB_MIB(3)), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	memblock_set_bottom_up(true);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	MB_EXPECT(test, reserved, MB_RSV(MB_MIB(16), MB_MIB(3)));
}

/* try_nid prefers the node, and falls back to any node when it has none. */
static void memblock_alloc_try_nid_prefers_node(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, memblock_add_node(MB_MIB(16), MB_MIB(16), 0,
						MEMBLOCK_NONE), 0);
	KUNIT_ASSERT_EQ(test, memblock_add_node(MB_MIB(32), MB_MIB(16), 1,
						MEMBLOCK_NONE), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 0),
			MB_MIB(32) - SZ_4K);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 1),
			MB_MIB(48) - SZ_4K);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 3),
			MB_MIB(48) - 2 * SZ_4K);
}

/* Fills "memory" with @n separate 1 MiB regions, 2 MiB apart, from 16M. */
static void mb_fill_memory(struct kunit *test, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16 + 2 * i),
						   MB_MIB(1)), 0);
	KUNIT_ASSERT_EQ(test, memblock.memory.cnt, n);
}

/* On a full list, an add that needs a new region fails; nothing changes. */
static void memblock_add_list_full(struct kunit *test)
{
	static struct memblock_region before[MB_TEST_REGIONS];
	phys_addr_t total;

	mb_fill_memory(test, MB_TEST_REGIONS);
	memcpy(before, mb_test_memory, sizeof(before));
	total = memblock.memory.total_size;

	KUNIT_EXPECT_EQ(test, memblock_add(MB_MIB(200), MB_MIB(1)), -ENOMEM);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, MB_TEST_REGIONS);
	KUNIT_EXPECT_EQ(test, memblock.memory.total_size, total);
	KUNIT_EXPECT_MEMEQ(test, mb_test_memory, before, sizeof(before));

	/* Already covered: nothing to insert, so it succeeds. */
	KUNIT_EXPECT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(1)), 0);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, MB_TEST_REGIONS);
	KUNIT_EXPECT_MEMEQ(test, mb_test_memory, before, sizeof(before));
}

/*
 * With one free slot, an add that needs two new pieces fails as a whole:
 * no piece is inserted before the list runs out.
 */
static void memblock_add_all_or_nothing(struct kunit *test)
{
	static struct memblock_region before[MB_TEST_REGIONS];
	phys_addr_t total;

	mb_fill_memory(test, MB_TEST_REGIONS - 1);
	memcpy(before, mb_test_memory, sizeof(before));
	total = memblock.memory.total_size;

	/* Covers the holes at [17M, 18M) and [19M, 20M). */
	KUNIT_EXPECT_EQ(test, memblock_add(MB_MIB(17), MB_MIB(3)), -ENOMEM);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, MB_TEST_REGIONS - 1);
	KUNIT_EXPECT_EQ(test, memblock.memory.total_size, total);
	KUNIT_EXPECT_MEMEQ(test, mb_test_memory, before, sizeof(before));
}

/* Splits that the list has no room for fail with nothing changed. */
static void memblock_split_list_full(struct kunit *test)
{
	static struct memblock_region before[MB_TEST_REGIONS];
	phys_addr_t total;

	mb_fill_memory(test, MB_TEST_REGIONS - 1);
	memcpy(before, mb_test_memory, sizeof(before));
	total = memblock.memory.total_size;

	KUNIT_EXPECT_EQ(test, memblock_remove(MB_MIB(16) + SZ_64K, SZ_64K),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, memblock_mark_hotplug(MB_MIB(18) + SZ_64K,
						    SZ_64K), -ENOMEM);
	KUNIT_EXPECT_EQ(test, memblock_set_node(MB_MIB(20) + SZ_64K, SZ_64K,
						1), -ENOMEM);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, MB_TEST_REGIONS - 1);
	KUNIT_EXPECT_EQ(test, memblock.memory.total_size, total);
	KUNIT_EXPECT_MEMEQ(test, mb_test_memory, before, sizeof(before));
}

/* What memblock_walk_free() reported, in order. */
struct mb_walk {
	unsigned int n;
	struct mb_rgn seen[8];
};

static void mb_walk_record(phys_addr_t start, phys_addr_t end, int nid,
			   void *arg)
{
	struct mb_walk *w = arg;

	if (w->n < ARRAY_SIZE(w->seen)) {
		w->seen[w->n].base = start;
		w->seen[w->n].size = end - start;
		w->seen[w->n].nid = nid;
	}
	w->n++;
}

/*
 * The walk visits exactly memory minus reserved minus NOMAP, lowest
 * first, split where the node changes.
 */
static void memblock_walk_free_exact(struct kunit *test)
{
	static const struct mb_rgn want[] = {
		MB_RAM_F(MB_MIB(17), MB_MIB(3), MEMBLOCK_NONE, 0),
		MB_RAM_F(MB_MIB(24), MB_MIB(6), MEMBLOCK_NONE, 0),
		MB_RAM_F(MB_MIB(50), MB_MIB(10), MEMBLOCK_NONE, 0),
		MB_RAM_F(MB_MIB(61), MB_MIB(3), MEMBLOCK_NONE, 0),
		MB_RAM_F(MB_MIB(64), MB_MIB(6), MEMBLOCK_NONE, 1),
	};
	struct mb_walk w = { 0 };
	unsigned int i;

	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(16), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(48), MB_MIB(16)), 0);
	KUNIT_ASSERT_EQ(test, memblock_add_node(MB_MIB(64), MB_MIB(8), 1,
						MEMBLOCK_NONE), 0);
	KUNIT_ASSERT_EQ(test, memblock_add(MB_MIB(80), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_mark_nomap(MB_MIB(80), MB_MIB(4)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(16), MB_MIB(1)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(20), MB_MIB(4)), 0);
	/* Runs from inside one region, over a hole, into the next. */
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(30), MB_MIB(20)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(60), MB_MIB(1)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(70), MB_MIB(2)), 0);
	KUNIT_ASSERT_EQ(test, memblock_reserve(MB_MIB(81), MB_MIB(1)), 0);

	memblock_walk_free(mb_walk_record, &w);

	KUNIT_ASSERT_EQ(test, w.n, ARRAY_SIZE(want));
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		KUNIT_EXPECT_EQ_MSG(test, w.seen[i].base, want[i].base,
				    "range %u", i);
		KUNIT_EXPECT_EQ_MSG(test, w.seen[i].size, want[i].size,
				    "range %u", i);
		KUNIT_EXPECT_EQ_MSG(test, w.seen[i].nid, want[i].nid,
				    "range %u", i);
	}
}

/* Appends an entry to mb_e820. */
static void mb_e820_add(u64 addr, u64 size, enum e820_type type)
{
	struct e820_entry *e = &mb_e820.entries[mb_e820.nr_entries++];

	e->addr = addr;
	e->size = size;
	e->type = type;
}

/* Overlapping and duplicated RAM entries become one region. */
static void memblock_e820_overlapping_ram(struct kunit *test)
{
	mb_e820_add(0x100000, 0x300000, E820_TYPE_RAM);
	mb_e820_add(0x300000, 0x500000, E820_TYPE_RAM);
	mb_e820_add(0x100000, 0x300000, E820_TYPE_RAM);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory, MB_RAM(0x100000, 0x700000));
}

/* Entries in any order come out sorted. */
static void memblock_e820_out_of_order(struct kunit *test)
{
	mb_e820_add(MB_MIB(64), MB_MIB(16), E820_TYPE_RAM);
	mb_e820_add(MB_MIB(16), MB_MIB(16), E820_TYPE_RAM);
	mb_e820_add(MB_MIB(40), MB_MIB(4), E820_TYPE_RAM);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory,
		  MB_RAM(MB_MIB(16), MB_MIB(16)), MB_RAM(MB_MIB(40), MB_MIB(4)),
		  MB_RAM(MB_MIB(64), MB_MIB(16)));
}

/* Unaligned RAM is rounded inward; less than a whole page adds nothing. */
static void memblock_e820_unaligned_ram(struct kunit *test)
{
	mb_e820_add(MB_MIB(16) + 0x123, MB_MIB(4), E820_TYPE_RAM);
	mb_e820_add(MB_MIB(32) + 0x100, 0x800, E820_TYPE_RAM);
	mb_e820_add(MB_MIB(40) + 0x800, 0x1000, E820_TYPE_RAM);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16) + SZ_4K, MB_MIB(4) - SZ_4K));
}

/* Zero-length entries, RAM or not, change nothing. */
static void memblock_e820_zero_length(struct kunit *test)
{
	mb_e820_add(MB_MIB(16), 0, E820_TYPE_RAM);
	mb_e820_add(MB_MIB(32), MB_MIB(16), E820_TYPE_RAM);
	/* Rounded outward, this would cover a page, were it not empty. */
	mb_e820_add(MB_MIB(40) + 0x10, 0, E820_TYPE_RESERVED);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(32), MB_MIB(16)));
}

/* Where RAM and another type overlap, the other type wins, in any order. */
static void memblock_e820_reserved_wins(struct kunit *test)
{
	mb_e820_add(MB_MIB(20) + 0x800, 0x1000, E820_TYPE_RESERVED);
	mb_e820_add(MB_MIB(16), MB_MIB(16), E820_TYPE_RAM);
	mb_e820_add(MB_MIB(30), MB_MIB(1), E820_TYPE_ACPI);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory,
		  MB_RAM(MB_MIB(16), MB_MIB(4)),
		  MB_RAM(MB_MIB(20) + 2 * SZ_4K, MB_MIB(10) - 2 * SZ_4K),
		  MB_RAM(MB_MIB(31), MB_MIB(1)));
}

/* A RAM entry that wraps around the address space is skipped. */
static void memblock_e820_wrapping_ram(struct kunit *test)
{
	mb_e820_add(MB_MIB(16), MB_MIB(16), E820_TYPE_RAM);
	mb_e820_add(0xffffffffffff0000ULL, 0x20000, E820_TYPE_RAM);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(16)));
}

/* A reserved entry that wraps takes away all RAM above its start. */
static void memblock_e820_wrapping_reserved(struct kunit *test)
{
	mb_e820_add(MB_MIB(16), MB_MIB(16), E820_TYPE_RAM);
	mb_e820_add(MB_MIB(64), MB_MIB(16), E820_TYPE_RAM);
	mb_e820_add(MB_MIB(24), PHYS_ADDR_MAX - SZ_4K, E820_TYPE_RESERVED);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(8)));
}

/*
 * Part of a page at the very top: rounding its start up must not wrap to
 * address 0 and turn it into the whole address space.
 */
static void memblock_e820_partial_top_page(struct kunit *test)
{
	mb_e820_add(MB_MIB(16), MB_MIB(16), E820_TYPE_RAM);
	mb_e820_add(0xfffffffffffff800ULL, 0x400, E820_TYPE_RAM);
	e820__table_to_memblock(&mb_e820);
	MB_EXPECT(test, memory, MB_RAM(MB_MIB(16), MB_MIB(16)));
}

static struct kunit_case memblock_test_cases[] = {
	KUNIT_CASE(memblock_add_merges_adjacent),
	KUNIT_CASE(memblock_add_merges_overlapping),
	KUNIT_CASE(memblock_add_fills_only_gaps),
	KUNIT_CASE(memblock_add_out_of_order_sorted),
	KUNIT_CASE(memblock_add_keeps_flags_apart),
	KUNIT_CASE(memblock_zero_size_is_noop),
	KUNIT_CASE(memblock_add_wrap_capped),
	KUNIT_CASE(memblock_remove_splits_region),
	KUNIT_CASE(memblock_remove_spans_regions),
	KUNIT_CASE(memblock_remove_wrap_capped),
	KUNIT_CASE(memblock_reserve_and_free),
	KUNIT_CASE(memblock_mark_hotplug_exact),
	KUNIT_CASE(memblock_clear_hotplug_merges),
	KUNIT_CASE(memblock_set_node_exact),
	KUNIT_CASE(memblock_alloc_top_down),
	KUNIT_CASE(memblock_alloc_bottom_up),
	KUNIT_CASE(memblock_alloc_alignment),
	KUNIT_CASE(memblock_alloc_rounds_to_pages),
	KUNIT_CASE(memblock_alloc_top_down_skips_reserved),
	KUNIT_CASE(memblock_alloc_bottom_up_skips_reserved),
	KUNIT_CASE(memblock_alloc_skips_hotplug),
	KUNIT_CASE(memblock_alloc_uses_hotplug),
	KUNIT_CASE(memblock_alloc_within_range),
	KUNIT_CASE(memblock_alloc_below_current_limit),
	KUNIT_CASE(memblock_alloc_nothing_fits),
	KUNIT_CASE(memblock_alloc_try_nid_prefers_node),
	KUNIT_CASE(memblock_add_list_full),
	KUNIT_CASE(memblock_add_all_or_nothing),
	KUNIT_CASE(memblock_split_list_full),
	KUNIT_CASE(memblock_walk_free_exact),
	KUNIT_CASE(memblock_e820_overlapping_ram),
	KUNIT_CASE(memblock_e820_out_of_order),
	KUNIT_CASE(memblock_e820_unaligned_ram),
	KUNIT_CASE(memblock_e820_zero_length),
	KUNIT_CASE(memblock_e820_reserved_wins),
	KUNIT_CASE(memblock_e820_wrapping_ram),
	KUNIT_CASE(memblock_e820_wrapping_reserved),
	KUNIT_CASE(memblock_e820_partial_top_page),
	{}
};

static struct kunit_suite memblock_test_suite = {
	.name = "memblock",
	.init = memblock_test_init,
	.exit = memblock_test_exit,
	.test_cases = memblock_test_cases,
};

kunit_test_suite(memblock_test_suite);
