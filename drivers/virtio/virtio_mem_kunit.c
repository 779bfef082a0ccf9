// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for drivers/virtio/virtio_mem.c's pure parts: which device
 * configurations are refused and why, the clamp of requested_size, the
 * byte layout of requests, and which units each plug or unplug step picks.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/virtio_mem.h>
#include <kunit/test.h>

#define MiB	(1ULL << 20)
#define GiB	(1ULL << 30)

/* 2 MiB device blocks in a 4 GiB region at 4 GiB, 1 GiB requested. */
static struct vmem_cfg good_cfg(void)
{
	return (struct vmem_cfg){
		.block_size = 2 * MiB,
		.node_id = 0,
		.addr = 4 * GiB,
		.region_size = 4 * GiB,
		.usable_region_size = 1280 * MiB,
		.plugged_size = 0,
		.requested_size = GiB,
	};
}

static void vmem_cfg_good(struct kunit *test)
{
	struct vmem_cfg c = good_cfg(), fixed = good_cfg();
	struct vmem_cfg_err e = {};

	KUNIT_EXPECT_TRUE(test, vmem_cfg_valid(&c, NULL, &e));
	KUNIT_EXPECT_TRUE(test, vmem_cfg_valid(&c, &fixed, &e));
	c.block_size = 4096;	/* the smallest allowed */
	c.plugged_size = 4096;
	KUNIT_EXPECT_TRUE(test, vmem_cfg_valid(&c, NULL, &e));
	c = good_cfg();
	c.block_size = GiB;	/* big blocks */
	c.usable_region_size = 2 * GiB;
	KUNIT_EXPECT_TRUE(test, vmem_cfg_valid(&c, NULL, &e));
	c = good_cfg();
	c.usable_region_size = c.region_size;
	c.plugged_size = c.region_size;
	c.requested_size = 8 * GiB;	/* above usable: clamped, not refused */
	KUNIT_EXPECT_TRUE(test, vmem_cfg_valid(&c, NULL, &e));
}

/* One malformed value of one field: refused, naming that field. */
struct bad_case {
	const char *field;
	u64 block_size, addr, region_size, usable, plugged, requested;
};

static const struct bad_case bad_cases[] = {
	{ "block_size", 0, 4 * GiB, 4 * GiB, 0, 0, 0 },
	{ "block_size", 3 * MiB, 3 * GiB, 3 * GiB, 0, 0, 0 },
	{ "block_size", 2048, 4 * GiB, 4 * GiB, 0, 0, 0 },
	{ "addr", 2 * MiB, 4 * GiB + MiB, 4 * GiB, 0, 0, 0 },
	{ "region_size", 2 * MiB, 4 * GiB, 0, 0, 0, 0 },
	{ "region_size", 2 * MiB, 4 * GiB, 4 * GiB + MiB, 0, 0, 0 },
	{ "region_size", 2 * MiB, ~0ULL - 4 * MiB + 1, 8 * MiB, 0, 0, 0 },
	{ "usable_region_size", 2 * MiB, 4 * GiB, 4 * GiB, 5 * GiB, 0, 0 },
	{ "usable_region_size", 2 * MiB, 4 * GiB, 4 * GiB, 3 * MiB, 0, 0 },
	{ "plugged_size", 2 * MiB, 4 * GiB, 4 * GiB, GiB, 2 * GiB, 0 },
	{ "plugged_size", 2 * MiB, 4 * GiB, 4 * GiB, GiB, MiB, 0 },
	{ "requested_size", 2 * MiB, 4 * GiB, 4 * GiB, GiB, 0, 5 * MiB },
};

static void vmem_cfg_malformed(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *b = &bad_cases[i];
		struct vmem_cfg c = {
			.block_size = b->block_size, .addr = b->addr,
			.region_size = b->region_size,
			.usable_region_size = b->usable,
			.plugged_size = b->plugged,
			.requested_size = b->requested,
		};
		struct vmem_cfg_err e = {};

		KUNIT_EXPECT_FALSE_MSG(test, vmem_cfg_valid(&c, NULL, &e),
				       "case %u accepted", i);
		KUNIT_EXPECT_STREQ_MSG(test, e.field ? e.field : "(none)",
				       b->field, "case %u", i);
		KUNIT_EXPECT_TRUE_MSG(test, e.why && strlen(e.why) > 5,
				      "case %u: no reason", i);
	}
}

static void vmem_cfg_fixed_fields(struct kunit *test)
{
	const struct vmem_cfg fixed = good_cfg();
	struct vmem_cfg c;
	struct vmem_cfg_err e;

	c = good_cfg();
	c.block_size = 4 * MiB;
	KUNIT_EXPECT_FALSE(test, vmem_cfg_valid(&c, &fixed, &e));
	KUNIT_EXPECT_STREQ(test, e.field, "block_size");
	c = good_cfg();
	c.node_id = 1;
	KUNIT_EXPECT_FALSE(test, vmem_cfg_valid(&c, &fixed, &e));
	KUNIT_EXPECT_STREQ(test, e.field, "node_id");
	c = good_cfg();
	c.addr = 8 * GiB;
	KUNIT_EXPECT_FALSE(test, vmem_cfg_valid(&c, &fixed, &e));
	KUNIT_EXPECT_STREQ(test, e.field, "addr");
	c = good_cfg();
	c.region_size = 2 * GiB;
	c.usable_region_size = GiB;
	KUNIT_EXPECT_FALSE(test, vmem_cfg_valid(&c, &fixed, &e));
	KUNIT_EXPECT_STREQ(test, e.field, "region_size");
	c = good_cfg();		/* the sizes that may change */
	c.usable_region_size = 4 * GiB;
	c.plugged_size = 2 * GiB;
	c.requested_size = 3 * GiB;
	KUNIT_EXPECT_TRUE(test, vmem_cfg_valid(&c, &fixed, &e));
}

static void vmem_cfg_clamping(struct kunit *test)
{
	struct vmem_cfg c = good_cfg();

	KUNIT_EXPECT_FALSE(test, vmem_cfg_clamp(&c));
	KUNIT_EXPECT_EQ(test, c.requested_size, GiB);
	c.requested_size = c.usable_region_size;
	KUNIT_EXPECT_FALSE(test, vmem_cfg_clamp(&c));
	c.requested_size = 3 * GiB;
	KUNIT_EXPECT_TRUE(test, vmem_cfg_clamp(&c));
	KUNIT_EXPECT_EQ(test, c.requested_size, 1280 * MiB);
}

static void vmem_layouts(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(struct virtio_mem_config), 56);
	KUNIT_EXPECT_EQ(test, offsetof(struct virtio_mem_config, node_id), 8);
	KUNIT_EXPECT_EQ(test, offsetof(struct virtio_mem_config, addr), 16);
	KUNIT_EXPECT_EQ(test, offsetof(struct virtio_mem_config, region_size),
			24);
	KUNIT_EXPECT_EQ(test, offsetof(struct virtio_mem_config,
				       usable_region_size), 32);
	KUNIT_EXPECT_EQ(test, offsetof(struct virtio_mem_config, plugged_size),
			40);
	KUNIT_EXPECT_EQ(test, offsetof(struct virtio_mem_config,
				       requested_size), 48);
	KUNIT_EXPECT_EQ(test, sizeof(struct virtio_mem_req), 24);
	KUNIT_EXPECT_EQ(test, sizeof(struct virtio_mem_resp), 10);
	KUNIT_EXPECT_EQ(test, offsetof(struct virtio_mem_resp, state), 8);
}

static void vmem_request_bytes(struct kunit *test)
{
	static const u8 plug[24] = {
		0, 0, 0, 0, 0, 0, 0, 0,
		0x00, 0x00, 0x20, 0x40, 0x01, 0, 0, 0,	/* 0x140200000 */
		0x40, 0x00, 0, 0, 0, 0, 0, 0,		/* 64 blocks */
	};
	static const u8 unplug_all[24] = { 2 };
	struct virtio_mem_req req;

	memset(&req, 0xaa, sizeof(req));
	vmem_req_encode(&req, VIRTIO_MEM_REQ_PLUG, 0x140200000ULL, 64);
	KUNIT_EXPECT_EQ(test, memcmp(&req, plug, sizeof(plug)), 0);
	memset(&req, 0xaa, sizeof(req));
	vmem_req_encode(&req, VIRTIO_MEM_REQ_UNPLUG, 0x140200000ULL, 64);
	KUNIT_EXPECT_EQ(test, ((u8 *)&req)[0], 1);
	KUNIT_EXPECT_EQ(test, memcmp((u8 *)&req + 1, plug + 1, 23), 0);
	memset(&req, 0xaa, sizeof(req));
	vmem_req_encode(&req, VIRTIO_MEM_REQ_UNPLUG_ALL, 0, 0);
	KUNIT_EXPECT_EQ(test, memcmp(&req, unplug_all, sizeof(req)), 0);
	vmem_req_encode(&req, VIRTIO_MEM_REQ_STATE, 0, 0xffff);
	KUNIT_EXPECT_EQ(test, ((u8 *)&req)[0], 3);
	KUNIT_EXPECT_EQ(test, ((u8 *)&req)[16], 0xff);
	KUNIT_EXPECT_EQ(test, ((u8 *)&req)[17], 0xff);
}

/* 2 MiB units, 64 per 128 MiB memory block, 4 blocks. */
static const struct vmem_geom sbm = {
	.unit = 2 * MiB, .units_per_mb = 64, .mbs_per_unit = 1,
	.nr_mb = 4, .blocks_per_unit = 1,
};

static void expect_step(struct kunit *test, const struct vmem_step *st,
			enum vmem_step_kind kind, unsigned int mb,
			unsigned int first, unsigned int nr)
{
	KUNIT_EXPECT_EQ(test, st->kind, kind);
	KUNIT_EXPECT_EQ(test, st->mb, mb);
	KUNIT_EXPECT_EQ(test, st->first, first);
	KUNIT_EXPECT_EQ(test, st->nr, nr);
}

static void vmem_plan_plug_order(struct kunit *test)
{
	struct vmem_mb mbs[4] = {};
	struct vmem_step st;

	/* a new block: from its memmap unit on, as much as it holds */
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 100, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 0, 0, 64);
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 5, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 0, 0, 5);
	/* a block added with less is filled in one request, as far as wanted */
	mbs[0] = (struct vmem_mb){ .plugged = 1, .memmap = 1, .added = 1 };
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 100, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_FILL, 0, 1, 63);
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 10, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_FILL, 0, 1, 10);
	/* a full block: the next one, in address order */
	mbs[0].plugged = 64;
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 10, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 1, 0, 10);
	/* a partly plugged lower block is filled before a new one */
	mbs[1] = (struct vmem_mb){ .plugged = 64, .memmap = 1, .added = 1 };
	mbs[0].plugged = 30;
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 50, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_FILL, 0, 30, 34);
	/* with or without memmap on memory, as much as wanted */
	mbs[0].plugged = 64;
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 50, 0, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 2, 0, 50);
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 50, 2, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 2, 0, 50);
	/* a new block near the end of the usable region: what it holds */
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 140, 100, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 2, 0, 12);
	/* less wanted than a new block's memmap */
	KUNIT_EXPECT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 1, 2, &st),
			-ERANGE);
}

static void vmem_plan_plug_limits(struct kunit *test)
{
	struct vmem_mb mbs[4] = {};
	struct vmem_geom small = sbm;
	struct vmem_step st;

	/* the usable region ends 10 units into block 1 */
	mbs[0] = (struct vmem_mb){ .plugged = 64, .memmap = 1, .added = 1 };
	mbs[1] = (struct vmem_mb){ .plugged = 1, .memmap = 1, .added = 1 };
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&sbm, mbs, 74, 100, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_FILL, 1, 1, 9);
	mbs[1].plugged = 10;
	KUNIT_EXPECT_EQ(test, vmem_plan_plug(&sbm, mbs, 74, 100, 1, &st),
			-ENOSPC);
	/* every block full */
	mbs[1].plugged = 64;
	mbs[2] = mbs[1];
	mbs[3] = mbs[1];
	KUNIT_EXPECT_EQ(test, vmem_plan_plug(&sbm, mbs, 256, 1, 1, &st),
			-ENOSPC);
	/* 4 KiB device blocks: 512 per unit, 127 units per request */
	small.blocks_per_unit = 512;
	mbs[3] = (struct vmem_mb){ .plugged = 1, .memmap = 1, .added = 1 };
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&small, mbs, 256, 63, 1, &st), 0);
	expect_step(test, &st, VMEM_PLUG_FILL, 3, 1, 63);
	small.blocks_per_unit = 2048;	/* 1 KiB-ish: 31 units a request */
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&small, mbs, 256, 63, 1, &st), 0);
	KUNIT_EXPECT_EQ(test, st.nr, 31);
}

static void vmem_plan_unplug_order(struct kunit *test)
{
	struct vmem_mb mbs[4] = {};
	struct vmem_step st;
	unsigned int i;

	for (i = 0; i < 3; i++)
		mbs[i] = (struct vmem_mb){ .plugged = 64, .memmap = 1,
					   .added = 1, .online = 1 };
	/* newest first: the top units of the highest block */
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 10, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_ONLINE, 2, 54, 10);
	/* all of a block's content: the whole block, memmap included */
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 64, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_WHOLE, 2, 0, 64);
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 100, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_WHOLE, 2, 0, 64);
	/* 63 units: never the memmap unit while the block stays */
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 63, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_ONLINE, 2, 1, 63);
	/* an offline block is only UNPLUGged */
	mbs[2].online = 4;
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 5, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_OFFLINE, 2, 59, 5);
	/* it could not go offline whole: its units above the memmap */
	mbs[2].online = 1;
	mbs[2].flags = VMEM_MB_NO_WHOLE;
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 100, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_ONLINE, 2, 1, 63);
	/* nothing more from it: the next lower block */
	mbs[2].flags = VMEM_MB_SKIP;
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 3, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_ONLINE, 1, 61, 3);
}

static void vmem_plan_unplug_memmap(struct kunit *test)
{
	struct vmem_mb mbs[4] = {};
	struct vmem_step st;

	/* only the memmap's two units left: kept while less is wanted */
	mbs[0] = (struct vmem_mb){ .plugged = 20, .memmap = 2, .added = 1,
				   .online = 1 };
	mbs[1] = (struct vmem_mb){ .plugged = 2, .memmap = 2, .added = 1,
				   .online = 1 };
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 1, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_ONLINE, 0, 19, 1);
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 2, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_WHOLE, 1, 0, 2);
	/* an added block with nothing plugged is removed */
	mbs[1].plugged = 0;
	mbs[1].memmap = 0;
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&sbm, mbs, 1, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_WHOLE, 1, 0, 0);
	/* nothing that could go */
	mbs[0].flags = VMEM_MB_SKIP;
	mbs[1].flags = VMEM_MB_SKIP;
	KUNIT_EXPECT_EQ(test, vmem_plan_unplug(&sbm, mbs, 1, &st), -ENOSPC);
}

/* Big blocks: 256 MiB units, two memory blocks each. */
static void vmem_plan_big_blocks(struct kunit *test)
{
	static const struct vmem_geom bbm = {
		.unit = 256 * MiB, .units_per_mb = 1, .mbs_per_unit = 2,
		.nr_mb = 4, .blocks_per_unit = 1,
	};
	struct vmem_mb mbs[4] = {};
	struct vmem_step st;

	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&bbm, mbs, 2, 1, 0, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 0, 0, 1);
	mbs[0] = (struct vmem_mb){ .plugged = 1, .added = 1, .online = 1 };
	mbs[1] = mbs[0];
	KUNIT_ASSERT_EQ(test, vmem_plan_plug(&bbm, mbs, 2, 1, 0, &st), 0);
	expect_step(test, &st, VMEM_PLUG_NEW, 2, 0, 1);
	KUNIT_EXPECT_EQ(test, vmem_plan_plug(&bbm, mbs, 1, 1, 0, &st),
			-ENOSPC);
	mbs[2] = mbs[0];
	mbs[3] = mbs[0];
	KUNIT_ASSERT_EQ(test, vmem_plan_unplug(&bbm, mbs, 1, &st), 0);
	expect_step(test, &st, VMEM_UNPLUG_WHOLE, 2, 0, 1);
}

static struct kunit_case vmem_cases[] = {
	KUNIT_CASE(vmem_cfg_good),
	KUNIT_CASE(vmem_cfg_malformed),
	KUNIT_CASE(vmem_cfg_fixed_fields),
	KUNIT_CASE(vmem_cfg_clamping),
	KUNIT_CASE(vmem_layouts),
	KUNIT_CASE(vmem_request_bytes),
	KUNIT_CASE(vmem_plan_plug_order),
	KUNIT_CASE(vmem_plan_plug_limits),
	KUNIT_CASE(vmem_plan_unplug_order),
	KUNIT_CASE(vmem_plan_unplug_memmap),
	KUNIT_CASE(vmem_plan_big_blocks),
	{}
};

static struct kunit_suite vmem_suite = {
	.name = "virtio_mem",
	.test_cases = vmem_cases,
};
kunit_test_suite(vmem_suite);
