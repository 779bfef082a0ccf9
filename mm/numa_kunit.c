// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "numa": the order in which node_order_by_distance() lists
 * nodes and the zonelists build_all_zonelists() makes from it, on fake
 * nodes whose distances come from a test table, never from the SLIT.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <asm/numa.h>
#include <kunit/test.h>
#include "internal.h"

/* Further than anything a case sets: where the nodes it ignores go. */
#define NUMA_TEST_FAR		250

/*
 * Distances the running case changed (through __node_set_distance(), as
 * the SLIT parser does), and what they were before, for the exit hook.
 */
static bool numa_touched[MAX_NUMNODES][MAX_NUMNODES];
static u8 numa_saved[MAX_NUMNODES][MAX_NUMNODES];

/* The fake nodes the running case installed in node_data[]. */
static pg_data_t *numa_fake[MAX_NUMNODES];

/* Whether the zonelists were built while fake nodes were installed. */
static bool numa_zonelists_dirty;

static void numa_set(int from, int to, u8 d)
{
	u8 old = __node_set_distance(from, to, d);

	if (!numa_touched[from][to]) {
		numa_saved[from][to] = old;
		numa_touched[from][to] = true;
	}
}

static int numa_test_init(struct kunit *test)
{
	memset(numa_touched, 0, sizeof(numa_touched));
	memset(numa_fake, 0, sizeof(numa_fake));
	numa_zonelists_dirty = false;
	return 0;
}

/* Takes the fake nodes out of node_data[] and out of the zonelists. */
static void numa_remove_fakes(void)
{
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		if (!numa_fake[nid])
			continue;
		node_data[nid] = NULL;
		kfree(numa_fake[nid]);
		numa_fake[nid] = NULL;
	}
	if (numa_zonelists_dirty) {
		build_all_zonelists();
		numa_zonelists_dirty = false;
	}
}

static void numa_test_exit(struct kunit *test)
{
	int from, to;

	for (from = 0; from < MAX_NUMNODES; from++)
		for (to = 0; to < MAX_NUMNODES; to++)
			if (numa_touched[from][to])
				__node_set_distance(from, to, numa_saved[from][to]);
	numa_remove_fakes();
}

/*
 * Installs an empty pg_data_t for @nid, which must be a node id the
 * running kernel does not use; skips the case otherwise. Its zones are
 * valid but hold no pages unless the case says they have some.
 */
static pg_data_t *numa_fake_node(struct kunit *test, int nid)
{
	pg_data_t *pgdat;
	int z, o, mt;

	if (NODE_DATA(nid))
		kunit_skip(test, "node %d is in use", nid);
	pgdat = kzalloc(sizeof(*pgdat), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pgdat);
	pgdat->node_id = nid;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		spin_lock_init(&zone->lock);
		zone->name = "fake";
		zone->zone_pgdat = pgdat;
		for (o = 0; o < NR_PAGE_ORDERS; o++)
			for (mt = 0; mt < MIGRATE_TYPES; mt++)
				INIT_LIST_HEAD(&zone->free_area[o].free_list[mt]);
	}
	numa_fake[nid] = pgdat;
	node_data[nid] = pgdat;
	return pgdat;
}

/* Sets the distance from @from to every node this case did not set to @d. */
static void numa_set_rest(int from, u8 d)
{
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (!numa_touched[from][nid])
			numa_set(from, nid, d);
}

/*
 * Checks node_order_by_distance(@nid): @n nodes from @want first, then
 * every other node with a pg_data_t in order from @nid on, wrapping, as
 * equally distant nodes come. @line is the caller's, for the report.
 */
static void numa_check_order(struct kunit *test, int nid, const int *want,
			     int n, int line)
{
	int got[MAX_NUMNODES], exp[MAX_NUMNODES];
	int nr, i, j, other, total = n;

	memcpy(exp, want, n * sizeof(*want));
	for (i = 0; i < MAX_NUMNODES; i++) {
		other = (nid + i) % MAX_NUMNODES;
		if (!NODE_DATA(other))
			continue;
		for (j = 0; j < n && want[j] != other; j++)
			;
		if (j == n)
			exp[total++] = other;
	}

	memset(got, 0xff, sizeof(got));
	nr = node_order_by_distance(nid, got);
	KUNIT_ASSERT_EQ_MSG(test, nr, total, "from node %d, checked at line %d",
			    nid, line);
	for (i = 0; i < nr; i++)
		KUNIT_EXPECT_EQ_MSG(test, got[i], exp[i],
				    "from node %d, place %d, checked at line %d",
				    nid, i, line);
}

#define NUMA_EXPECT_ORDER(test, nid, ...)				\
	do {								\
		static const int __numa_want[] = { __VA_ARGS__ };	\
									\
		numa_check_order(test, nid, __numa_want,		\
				 ARRAY_SIZE(__numa_want), __LINE__);	\
	} while (0)

/* A node comes first in its own order, even with a near neighbour. */
static void numa_order_local_first(struct kunit *test)
{
	numa_fake_node(test, 2);
	numa_fake_node(test, 3);
	numa_fake_node(test, 5);
	numa_set(3, 3, LOCAL_DISTANCE);
	numa_set(3, 2, 11);
	numa_set(3, 5, 12);
	numa_set_rest(3, NUMA_TEST_FAR);
	NUMA_EXPECT_ORDER(test, 3, 3, 2, 5);
}

/* Nearer remote nodes come before farther ones, whatever their ids. */
static void numa_order_nearer_first(struct kunit *test)
{
	numa_fake_node(test, 2);
	numa_fake_node(test, 3);
	numa_fake_node(test, 5);
	numa_fake_node(test, 6);
	numa_set(2, 2, LOCAL_DISTANCE);
	numa_set(2, 3, 30);
	numa_set(2, 5, 15);
	numa_set(2, 6, 25);
	numa_set_rest(2, NUMA_TEST_FAR);
	NUMA_EXPECT_ORDER(test, 2, 2, 5, 6, 3);
}

/*
 * Equally distant nodes come in id order starting after @nid and
 * wrapping round, so that different nodes fall back to different ones.
 */
static void numa_order_ties_wrap(struct kunit *test)
{
	numa_fake_node(test, 2);
	numa_fake_node(test, 3);
	numa_fake_node(test, 5);
	numa_fake_node(test, 6);
	numa_set(5, 5, LOCAL_DISTANCE);
	numa_set(5, 2, 20);
	numa_set(5, 3, 20);
	numa_set(5, 6, 20);
	numa_set_rest(5, NUMA_TEST_FAR);
	NUMA_EXPECT_ORDER(test, 5, 5, 6, 2, 3);

	/* Two groups of ties: each keeps the order from 5 on. */
	numa_set(5, 2, 30);
	numa_set(5, 6, 30);
	NUMA_EXPECT_ORDER(test, 5, 5, 3, 6, 2);

	/* From 3, the next in line is 5, then 6, then back to 2. */
	numa_set(3, 3, LOCAL_DISTANCE);
	numa_set(3, 2, 20);
	numa_set(3, 5, 20);
	numa_set(3, 6, 20);
	numa_set_rest(3, NUMA_TEST_FAR);
	NUMA_EXPECT_ORDER(test, 3, 3, 5, 6, 2);
}

/* Node ids without a pg_data_t are left out, however near. */
static void numa_order_skips_missing(struct kunit *test)
{
	int order[MAX_NUMNODES];
	int i, nr;

	numa_fake_node(test, 2);
	numa_fake_node(test, 6);
	KUNIT_ASSERT_NULL(test, NODE_DATA(3));
	KUNIT_ASSERT_NULL(test, NODE_DATA(4));
	numa_set(2, 2, LOCAL_DISTANCE);
	numa_set(2, 3, 11);
	numa_set(2, 4, 12);
	numa_set(2, 6, 15);
	numa_set_rest(2, NUMA_TEST_FAR);
	NUMA_EXPECT_ORDER(test, 2, 2, 6);

	nr = node_order_by_distance(2, order);
	for (i = 0; i < nr; i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, NODE_DATA(order[i]),
					  "place %d holds node %d", i, order[i]);
}

/*
 * Without SLIT distances, a node is 10 from itself and 20 from any other:
 * the order is then the node, then all others from the next id on.
 */
static void numa_default_distances(struct kunit *test)
{
	int nid;

	numa_fake_node(test, 2);
	numa_fake_node(test, 3);
	numa_fake_node(test, 6);
	KUNIT_EXPECT_EQ(test, node_distance(3, 3), LOCAL_DISTANCE);
	KUNIT_EXPECT_EQ(test, node_distance(3, 6), REMOTE_DISTANCE);
	KUNIT_EXPECT_EQ(test, node_distance(6, 2), REMOTE_DISTANCE);
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (nid != 3)
			KUNIT_EXPECT_EQ_MSG(test, node_distance(3, nid),
					    REMOTE_DISTANCE, "to node %d", nid);
	NUMA_EXPECT_ORDER(test, 3, 3);
	NUMA_EXPECT_ORDER(test, 6, 6);

	/* Out-of-range ids are remote rather than an out-of-bounds read. */
	KUNIT_EXPECT_EQ(test, node_distance(-1, 3), REMOTE_DISTANCE);
	KUNIT_EXPECT_EQ(test, node_distance(3, MAX_NUMNODES), REMOTE_DISTANCE);
}

/*
 * Checks @zl, a zonelist as built for node @nid: only populated zones,
 * each node's together and highest first, the nodes in distance order,
 * and every populated zone of every node exactly once.
 */
static void numa_check_zonelist(struct kunit *test, int nid,
				struct zone *const *zl)
{
	int order[MAX_NUMNODES];
	int nr, i, z, n = 0;

	nr = node_order_by_distance(nid, order);
	for (i = 0; i < nr; i++) {
		pg_data_t *pgdat = NODE_DATA(order[i]);

		for (z = MAX_NR_ZONES - 1; z >= 0; z--) {
			struct zone *zone = &pgdat->node_zones[z];

			if (!populated_zone(zone))
				continue;
			KUNIT_ASSERT_NOT_NULL_MSG(test, zl[n],
						  "list ends before node %d %s",
						  order[i], zone->name);
			KUNIT_EXPECT_PTR_EQ_MSG(test, zl[n], zone,
						"place %d: want node %d zone %d", n,
						order[i], z);
			n++;
		}
	}
	KUNIT_EXPECT_NULL_MSG(test, zl[n], "more than %d zones listed", n);
}

/* Node 0's own zonelist: its zones first, highest first, empty ones out. */
static void numa_zonelist_node0(struct kunit *test)
{
	struct zone *const *zl;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, NODE_DATA(0));
	build_all_zonelists();
	zl = NODE_DATA(0)->node_zonelist.zones;
	KUNIT_ASSERT_NOT_NULL(test, zl[0]);
	KUNIT_EXPECT_EQ(test, zl[0]->zone_pgdat->node_id, 0);
	for (i = 0; zl[i]; i++) {
		KUNIT_EXPECT_TRUE_MSG(test, populated_zone(zl[i]),
				      "place %d is empty", i);
		if (i && zl[i]->zone_pgdat == zl[i - 1]->zone_pgdat)
			KUNIT_EXPECT_LT_MSG(test, zone_idx(zl[i]),
					    zone_idx(zl[i - 1]),
					    "place %d after place %d", i, i - 1);
	}
	numa_check_zonelist(test, 0, zl);
}

/*
 * Zonelists across nodes: the nearest node's zones come right after the
 * node's own, each node from Movable down, and empty zones are skipped.
 * The fake nodes are in the zonelists only while the case checks them.
 */
static void numa_zonelist_fake_nodes(struct kunit *test)
{
	struct zone *zl[MAX_NUMNODES * MAX_NR_ZONES + 1];
	pg_data_t *a, *b;
	int i;

	a = numa_fake_node(test, 2);
	b = numa_fake_node(test, 3);
	a->node_zones[ZONE_NORMAL].present_pages = 100;
	a->node_zones[ZONE_MOVABLE].present_pages = 50;
	b->node_zones[ZONE_DMA32].present_pages = 10;
	b->node_zones[ZONE_MOVABLE].present_pages = 5;
	numa_set(2, 2, LOCAL_DISTANCE);
	numa_set(2, 3, 15);
	numa_set_rest(2, NUMA_TEST_FAR);

	numa_zonelists_dirty = true;
	build_all_zonelists();
	memcpy(zl, a->node_zonelist.zones, sizeof(zl));
	KUNIT_EXPECT_PTR_EQ(test, zl[0], &a->node_zones[ZONE_MOVABLE]);
	KUNIT_EXPECT_PTR_EQ(test, zl[1], &a->node_zones[ZONE_NORMAL]);
	KUNIT_EXPECT_PTR_EQ(test, zl[2], &b->node_zones[ZONE_MOVABLE]);
	KUNIT_EXPECT_PTR_EQ(test, zl[3], &b->node_zones[ZONE_DMA32]);
	numa_check_zonelist(test, 2, zl);
	numa_remove_fakes();

	/* Rebuilt without them: no live zonelist points at a fake node. */
	for (i = 0; NODE_DATA(0)->node_zonelist.zones[i]; i++) {
		struct zone *zone = NODE_DATA(0)->node_zonelist.zones[i];

		KUNIT_EXPECT_TRUE_MSG(test, zone->zone_pgdat != a &&
				      zone->zone_pgdat != b,
				      "place %d is a removed node's", i);
	}
}

static struct kunit_case numa_test_cases[] = {
	KUNIT_CASE(numa_order_local_first),
	KUNIT_CASE(numa_order_nearer_first),
	KUNIT_CASE(numa_order_ties_wrap),
	KUNIT_CASE(numa_order_skips_missing),
	KUNIT_CASE(numa_default_distances),
	KUNIT_CASE(numa_zonelist_node0),
	KUNIT_CASE(numa_zonelist_fake_nodes),
	{}
};

static struct kunit_suite numa_test_suite = {
	.name = "numa",
	.init = numa_test_init,
	.exit = numa_test_exit,
	.test_cases = numa_test_cases,
};

kunit_test_suite(numa_test_suite);
