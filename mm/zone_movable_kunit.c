// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "zone_movable": where find_zone_movable_pfns() starts each
 * node's ZONE_MOVABLE for movable_node, kernelcore= and movablecore=, on
 * memory layouts built in test-owned memblock lists.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/string.h>
#include <asm/page.h>
#include <kunit/test.h>
#include "internal.h"

#define ZM_TEST_REGIONS		16

#define ZM_MIB(x)		((phys_addr_t)(x) << 20)
#define ZM_GIB(x)		((phys_addr_t)(x) << 30)
#define ZM_PFN(addr)		((unsigned long)PHYS_PFN(addr))

static struct memblock_region zm_test_memory[ZM_TEST_REGIONS];
static struct memblock_region zm_test_reserved[ZM_TEST_REGIONS];

/* The live memblock, put back by zone_movable_test_exit(). */
static struct memblock zm_saved;

/* What find_zone_movable_pfns() answered in the running case. */
static unsigned long zm_mp[MAX_NUMNODES];

/*
 * find_zone_movable_pfns() only reads memblock's memory list, which is
 * done with once the buddy allocator runs: each case swaps in empty
 * lists of its own and the live ones are put back afterwards.
 */
static int zone_movable_test_init(struct kunit *test)
{
	zm_saved = memblock;
	memset(zm_test_memory, 0, sizeof(zm_test_memory));
	memset(zm_test_reserved, 0, sizeof(zm_test_reserved));
	memset(zm_mp, 0xff, sizeof(zm_mp));
	memblock = (struct memblock) {
		.current_limit = PHYS_ADDR_MAX,
		.memory = {
			.regions = zm_test_memory,
			.max = ZM_TEST_REGIONS,
			.name = "memory",
		},
		.reserved = {
			.regions = zm_test_reserved,
			.max = ZM_TEST_REGIONS,
			.name = "reserved",
		},
	};
	return 0;
}

static void zone_movable_test_exit(struct kunit *test)
{
	memblock = zm_saved;
}

/* Adds [base, base + size) to node @nid with @flags, or ends the case. */
static void zm_add(struct kunit *test, phys_addr_t base, phys_addr_t size,
		   int nid, enum memblock_flags flags)
{
	KUNIT_ASSERT_EQ(test, memblock_add_node(base, size, nid, flags), 0);
}

static void zm_run(const struct movable_opts *o)
{
	memset(zm_mp, 0xff, sizeof(zm_mp));
	find_zone_movable_pfns(o, zm_mp);
}

/*
 * Checks that zm_mp holds @exp for nodes 0 .. @n - 1 and 0 for every
 * other node. @line is the caller's, for the report.
 */
static void zm_check(struct kunit *test, const unsigned long *exp,
		     unsigned int n, int line)
{
	unsigned int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		KUNIT_EXPECT_EQ_MSG(test, zm_mp[nid], nid < n ? exp[nid] : 0UL,
				    "node %u, checked at line %d", nid, line);
}

/* ZM_EXPECT(test, start of node 0, start of node 1, ...), in pfns. */
#define ZM_EXPECT(test, ...)						\
	do {								\
		static const unsigned long __zm_exp[] = { __VA_ARGS__ };	\
									\
		zm_check(test, __zm_exp, ARRAY_SIZE(__zm_exp), __LINE__); \
	} while (0)

/* kernelcore=@bytes alone. */
static void zm_run_kernelcore(unsigned long long bytes)
{
	struct movable_opts o = {
		.kernelcore_set = true,
		.kernelcore_bytes = bytes,
	};

	zm_run(&o);
}

/* Without any option no node has a movable zone, hotplug flags or not. */
static void zone_movable_no_options(struct kunit *test)
{
	struct movable_opts o = { 0 };

	zm_add(test, ZM_MIB(16), ZM_MIB(496), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(512), ZM_MIB(512), 1, MEMBLOCK_HOTPLUG);
	zm_run(&o);
	ZM_EXPECT(test, 0);
}

/*
 * movable_node: the movable zone starts at the node's lowest hotpluggable
 * pfn, rounded up to 4 MiB; a node without hotpluggable memory has none.
 */
static void zone_movable_movable_node(struct kunit *test)
{
	struct movable_opts o = { .movable_node = true };

	zm_add(test, ZM_MIB(16), ZM_MIB(240), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(256), ZM_MIB(45), 1, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(1), ZM_GIB(1), 1, MEMBLOCK_HOTPLUG);
	zm_add(test, ZM_MIB(301) + SZ_4K, ZM_MIB(211) - SZ_4K, 1,
	       MEMBLOCK_HOTPLUG);
	zm_run(&o);
	ZM_EXPECT(test, 0, ZM_PFN(ZM_MIB(304)));
}

/* movable_node without any MEMBLOCK_HOTPLUG memory sizes nothing. */
static void zone_movable_movable_node_no_hotplug(struct kunit *test)
{
	struct movable_opts o = { .movable_node = true };

	zm_add(test, ZM_MIB(16), ZM_MIB(496), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(512), ZM_MIB(512), 1, MEMBLOCK_NONE);
	zm_run(&o);
	ZM_EXPECT(test, 0);
}

/*
 * One node, all of it below 4 GiB, so the movable zone is carved from
 * DMA32: kernelcore bytes are rounded up to pages, the start to 4 MiB.
 */
static void zone_movable_kernelcore_dma32_only(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_GIB(1), 0, MEMBLOCK_NONE);

	zm_run_kernelcore(ZM_MIB(100));
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(116)));
	/* 25601 pages: 16M + 100M + 4K, rounded up to 120M. */
	zm_run_kernelcore(ZM_MIB(100) + 1);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(120)));
}

/*
 * With RAM above 4 GiB only Normal memory can be movable: when DMA32
 * alone holds more than kernelcore, the movable zone starts at 4 GiB.
 */
static void zone_movable_kernelcore_dma32_exceeds(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_GIB(3) - ZM_MIB(16), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(4), ZM_GIB(2), 0, MEMBLOCK_NONE);
	zm_run_kernelcore(ZM_GIB(1));
	ZM_EXPECT(test, ZM_PFN(ZM_GIB(4)));
}

/* DMA32 pages count towards kernelcore; the rest comes from Normal. */
static void zone_movable_kernelcore_dma32_counts(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_GIB(2) - ZM_MIB(16), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(4), ZM_GIB(4), 0, MEMBLOCK_NONE);
	/* 3 GiB = 2032M below 4 GiB + 1040M above. */
	zm_run_kernelcore(ZM_GIB(3));
	ZM_EXPECT(test, ZM_PFN(ZM_GIB(4) + ZM_MIB(1040)));
}

/*
 * A node entirely below 4 GiB on a machine with Normal memory is all
 * kernel, and its pages count towards the kernelcore of the whole.
 */
static void zone_movable_kernelcore_dma32_node(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_GIB(2) - ZM_MIB(16), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(4), ZM_GIB(2), 1, MEMBLOCK_NONE);
	/* Node 0 gives 2032M; node 1 the remaining 1040M. */
	zm_run_kernelcore(ZM_GIB(3));
	ZM_EXPECT(test, 0, ZM_PFN(ZM_GIB(4) + ZM_MIB(1040)));
}

/*
 * kernelcore=N% of all RAM, rounded down to a page: 50% of 262145 pages
 * is 131072, which puts the start exactly on a 4 MiB boundary, where
 * rounding up would move it a whole block on.
 */
static void zone_movable_kernelcore_percent(struct kunit *test)
{
	struct movable_opts o = {
		.kernelcore_set = true,
		.kernelcore_pct = 50,
	};

	zm_add(test, ZM_MIB(16), (phys_addr_t)262145 << PAGE_SHIFT, 0,
	       MEMBLOCK_NONE);
	zm_run(&o);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(16 + 512)));

	/* 33% of 262145 is 86507.85: 86507, from pfn 4096 up to 91136. */
	o.kernelcore_pct = 33;
	zm_run(&o);
	ZM_EXPECT(test, 91136UL);

	/* A percentage wins over stale bytes. */
	o.kernelcore_pct = 25;
	o.kernelcore_bytes = ZM_MIB(900);
	zm_run(&o);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(16 + 256)));
}

/* kernelcore is split evenly between two nodes, across holes too. */
static void zone_movable_kernelcore_two_nodes(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_MIB(48), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(128), ZM_MIB(896), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(1), ZM_GIB(1), 1, MEMBLOCK_NONE);
	/* 256M each: node 0 takes 48M, then 208M after its hole. */
	zm_run_kernelcore(ZM_MIB(512));
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(336)), ZM_PFN(ZM_GIB(1) + ZM_MIB(256)));
}

/* kernelcore is split evenly between three nodes. */
static void zone_movable_kernelcore_three_nodes(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_GIB(1) - ZM_MIB(16), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(1), ZM_GIB(1), 1, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(2), ZM_GIB(1), 2, MEMBLOCK_NONE);
	zm_run_kernelcore(ZM_MIB(300));
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(116)), ZM_PFN(ZM_GIB(1) + ZM_MIB(100)),
		  ZM_PFN(ZM_GIB(2) + ZM_MIB(100)));
}

/*
 * A node smaller than its share is all kernel, and what it could not
 * take is shared out by the other nodes, whose kernel parts grow.
 */
static void zone_movable_kernelcore_small_node(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_MIB(52), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(1), ZM_GIB(1), 1, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(2), ZM_GIB(1), 2, MEMBLOCK_NONE);
	/* Shares of 100M; node 0 has 52M, the missing 48M go 24M + 24M. */
	zm_run_kernelcore(ZM_MIB(300));
	ZM_EXPECT(test, 0, ZM_PFN(ZM_GIB(1) + ZM_MIB(124)),
		  ZM_PFN(ZM_GIB(2) + ZM_MIB(124)));
}

/*
 * A node whose kernel share is nothing is movable from its first page:
 * one page of kernelcore goes to node 0 and leaves node 1 none.
 */
static void zone_movable_kernelcore_no_share(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_GIB(1) - ZM_MIB(16), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(1), ZM_GIB(1), 1, MEMBLOCK_NONE);
	zm_run_kernelcore(PAGE_SIZE);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(20)), ZM_PFN(ZM_GIB(1)));
}

/*
 * The same when node 0's DMA32 part uses up all of kernelcore: node 1,
 * all above 4 GiB, is movable from its first page, not from 4 GiB.
 */
static void zone_movable_kernelcore_no_share_normal(struct kunit *test)
{
	zm_add(test, ZM_MIB(16), ZM_GIB(3) - ZM_MIB(16), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(4), ZM_GIB(1), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(8), ZM_GIB(1), 1, MEMBLOCK_NONE);
	zm_run_kernelcore(ZM_GIB(1));
	ZM_EXPECT(test, ZM_PFN(ZM_GIB(4)), ZM_PFN(ZM_GIB(8)));
}

/*
 * movablecore=Y asks for Y rounded up to 4 MiB as movable: the same as
 * kernelcore=RAM-Y'. 100M + 4K becomes 104M, so 920M stay kernel.
 */
static void zone_movable_movablecore(struct kunit *test)
{
	struct movable_opts o = {
		.movablecore_set = true,
		.movablecore_bytes = ZM_MIB(100) + SZ_4K,
	};

	zm_add(test, ZM_MIB(16), ZM_GIB(1), 0, MEMBLOCK_NONE);
	zm_run(&o);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(16 + 920)));

	zm_run_kernelcore(ZM_MIB(920));
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(16 + 920)));

	/* movablecore=25%: 256M movable. */
	o.movablecore_pct = 25;
	zm_run(&o);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(16 + 768)));
}

/* With both options the kernel gets the larger of the two answers. */
static void zone_movable_both_options(struct kunit *test)
{
	struct movable_opts o = {
		.kernelcore_set = true,
		.kernelcore_bytes = ZM_MIB(200),
		.movablecore_set = true,
		.movablecore_bytes = ZM_MIB(100),
	};

	zm_add(test, ZM_MIB(16), ZM_GIB(1), 0, MEMBLOCK_NONE);
	/* movablecore leaves 924M, more than kernelcore's 200M. */
	zm_run(&o);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(16 + 924)));

	/* kernelcore's 960M is more than the 924M movablecore leaves. */
	o.kernelcore_bytes = ZM_MIB(960);
	zm_run(&o);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(16 + 960)));
}

/* kernelcore of all RAM or more leaves nothing movable. */
static void zone_movable_kernelcore_all_ram(struct kunit *test)
{
	struct movable_opts o = {
		.kernelcore_set = true,
		.kernelcore_pct = 100,
	};

	zm_add(test, ZM_MIB(16), ZM_MIB(512), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(1), ZM_MIB(512), 1, MEMBLOCK_NONE);
	zm_run_kernelcore(ZM_GIB(1));
	ZM_EXPECT(test, 0);
	zm_run_kernelcore(ZM_GIB(64));
	ZM_EXPECT(test, 0);
	zm_run(&o);
	ZM_EXPECT(test, 0);
	/* One page less: the starts round up to the nodes' ends. */
	zm_run_kernelcore(ZM_GIB(1) - PAGE_SIZE);
	ZM_EXPECT(test, 0);
}

/*
 * kernelcore=0, and movablecore of all RAM or more, ask for no kernel
 * memory at all: that is ignored, as is movablecore=0.
 */
static void zone_movable_zero_kernel(struct kunit *test)
{
	struct movable_opts o = {
		.movablecore_set = true,
		.movablecore_bytes = ZM_GIB(4),
	};

	zm_add(test, ZM_MIB(16), ZM_GIB(1), 0, MEMBLOCK_NONE);
	zm_run_kernelcore(0);
	ZM_EXPECT(test, 0);
	zm_run(&o);
	ZM_EXPECT(test, 0);
	o.movablecore_bytes = ZM_GIB(1);
	zm_run(&o);
	ZM_EXPECT(test, 0);
	o.movablecore_bytes = 0;
	zm_run(&o);
	ZM_EXPECT(test, 0);
}

/*
 * A start that rounds up to the node's end or beyond means no movable
 * zone; one that still falls inside the node stands.
 */
static void zone_movable_start_past_end(struct kunit *test)
{
	struct movable_opts o = { .movable_node = true };

	zm_add(test, ZM_MIB(16), ZM_MIB(1026), 0, MEMBLOCK_NONE);
	/* 1040M, 2M short of the end. */
	zm_run_kernelcore(ZM_MIB(1024));
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(1040)));
	/* 1040M + 4K rounds up to 1044M, past the end. */
	zm_run_kernelcore(ZM_MIB(1024) + SZ_4K);
	ZM_EXPECT(test, 0);

	/* Hotpluggable [1045M, 1046M) rounds up to 1048M, its end is 1046M. */
	zm_add(test, ZM_MIB(1044), ZM_MIB(1), 1, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(1045), ZM_MIB(1), 1, MEMBLOCK_HOTPLUG);
	zm_run(&o);
	ZM_EXPECT(test, 0);
	/* Exactly at a 4 MiB boundary and the node's end: none either. */
	zm_add(test, ZM_MIB(1048), ZM_MIB(2), 2, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(1050), ZM_MIB(2), 2, MEMBLOCK_HOTPLUG);
	zm_add(test, ZM_MIB(1052), ZM_MIB(4), 3, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(1056), ZM_MIB(4), 3, MEMBLOCK_HOTPLUG);
	zm_run(&o);
	ZM_EXPECT(test, 0, 0, 0, ZM_PFN(ZM_MIB(1056)));
}

/* NOMAP memory is no RAM: not counted, not kernel, not movable. */
static void zone_movable_nomap_ignored(struct kunit *test)
{
	struct movable_opts o = {
		.kernelcore_set = true,
		.kernelcore_pct = 50,
	};

	zm_add(test, ZM_MIB(16), ZM_MIB(32), 0, MEMBLOCK_NOMAP);
	zm_add(test, ZM_MIB(48), ZM_GIB(1), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_MIB(1072), ZM_GIB(1), 0, MEMBLOCK_NOMAP);
	/* 50% of the 1024M of RAM, counted from 48M. */
	zm_run(&o);
	ZM_EXPECT(test, ZM_PFN(ZM_MIB(48 + 512)));
	/* The node ends at 1072M: NOMAP above does not extend it. */
	zm_run_kernelcore(ZM_MIB(1024) - SZ_4K);
	ZM_EXPECT(test, 0);
}

/* movable_node: NOMAP hotpluggable memory does not start a movable zone. */
static void zone_movable_nomap_hotplug_ignored(struct kunit *test)
{
	struct movable_opts o = { .movable_node = true };

	zm_add(test, ZM_MIB(16), ZM_MIB(496), 0, MEMBLOCK_NONE);
	zm_add(test, ZM_GIB(2), ZM_MIB(64), 1, MEMBLOCK_HOTPLUG | MEMBLOCK_NOMAP);
	zm_add(test, ZM_GIB(3), ZM_GIB(1), 1, MEMBLOCK_HOTPLUG);
	zm_add(test, ZM_GIB(4), ZM_MIB(64), 2, MEMBLOCK_HOTPLUG | MEMBLOCK_NOMAP);
	zm_run(&o);
	ZM_EXPECT(test, 0, ZM_PFN(ZM_GIB(3)), 0);
}

static struct kunit_case zone_movable_test_cases[] = {
	KUNIT_CASE(zone_movable_no_options),
	KUNIT_CASE(zone_movable_movable_node),
	KUNIT_CASE(zone_movable_movable_node_no_hotplug),
	KUNIT_CASE(zone_movable_kernelcore_dma32_only),
	KUNIT_CASE(zone_movable_kernelcore_dma32_exceeds),
	KUNIT_CASE(zone_movable_kernelcore_dma32_counts),
	KUNIT_CASE(zone_movable_kernelcore_dma32_node),
	KUNIT_CASE(zone_movable_kernelcore_percent),
	KUNIT_CASE(zone_movable_kernelcore_two_nodes),
	KUNIT_CASE(zone_movable_kernelcore_three_nodes),
	KUNIT_CASE(zone_movable_kernelcore_small_node),
	KUNIT_CASE(zone_movable_kernelcore_no_share),
	KUNIT_CASE(zone_movable_kernelcore_no_share_normal),
	KUNIT_CASE(zone_movable_movablecore),
	KUNIT_CASE(zone_movable_both_options),
	KUNIT_CASE(zone_movable_kernelcore_all_ram),
	KUNIT_CASE(zone_movable_zero_kernel),
	KUNIT_CASE(zone_movable_start_past_end),
	KUNIT_CASE(zone_movable_nomap_ignored),
	KUNIT_CASE(zone_movable_nomap_hotplug_ignored),
	{}
};

static struct kunit_suite zone_movable_test_suite = {
	.name = "zone_movable",
	.init = zone_movable_test_init,
	.exit = zone_movable_test_exit,
	.test_cases = zone_movable_test_cases,
};

kunit_test_suite(zone_movable_test_suite);
