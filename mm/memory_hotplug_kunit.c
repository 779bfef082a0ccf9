// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for add_memory() and remove_memory() (mm/memory_hotplug.c and the
 * x86 hooks): argument checks, the resource tree, the memmap and direct
 * map they build and tear down, rollback, and no leak over 1000 cycles.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/kthread.h>
#include <linux/memblock.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/e820.h>
#include <asm/pgtable.h>
#include <linux/range.h>
#include <kunit/test.h>
#include "internal.h"

/*
 * Ranges far above the RAM any test boot has, yet below the 40 physical
 * address bits of QEMU's CPU (the resource tree ends there): their direct
 * map and memmap can be built without the memory itself ever being touched.
 */
#define MHP_FAR			(1ULL << 39)		/* 512 GiB */
#define MHP_BLOCK		((u64)MIN_MEMORY_BLOCK_SIZE)
#define MHP_TOP			(1ULL << MAX_PHYSMEM_BITS)
#define MHP_MAX_ADDED		8
#define MHP_CYCLES		1000

/* What a case added; the exit hook removes what the case left behind. */
struct mhp_ctx {
	u64 start[MHP_MAX_ADDED];
	u64 size[MHP_MAX_ADDED];
	int nr;
};

static struct mhp_ctx mhp_ctx;

/* The figures that must come back to where they were after a remove. */
struct mhp_counts {
	unsigned long free, pgtables, slab, sections, totalram;
	unsigned long dm[4];
};

static void mhp_counts(struct mhp_counts *c)
{
	c->free = nr_free_pages();
	c->pgtables = pgtable_pages_in_use();
	c->slab = slab_pages();
	c->sections = sparse_present_sections();
	c->totalram = totalram_pages();
	direct_map_sizes(c->dm);
}

static void mhp_expect_counts(struct kunit *test, const struct mhp_counts *before)
{
	struct mhp_counts now;
	int i;

	mhp_counts(&now);
	KUNIT_EXPECT_EQ(test, now.free, before->free);
	KUNIT_EXPECT_EQ(test, now.pgtables, before->pgtables);
	KUNIT_EXPECT_EQ(test, now.slab, before->slab);
	KUNIT_EXPECT_EQ(test, now.sections, before->sections);
	KUNIT_EXPECT_EQ(test, now.totalram, before->totalram);
	for (i = PG_LEVEL_4K; i <= PG_LEVEL_1G; i++)
		KUNIT_EXPECT_EQ(test, now.dm[i], before->dm[i]);
}

static int mhp_add(struct kunit *test, int nid, u64 start, u64 size)
{
	struct mhp_ctx *ctx = test->priv;
	int ret = add_memory(nid, start, size, MHP_NONE);

	if (!ret && ctx->nr < MHP_MAX_ADDED) {
		ctx->start[ctx->nr] = start;
		ctx->size[ctx->nr] = size;
		ctx->nr++;
	}
	return ret;
}

static int mhp_remove(struct kunit *test, u64 start, u64 size)
{
	struct mhp_ctx *ctx = test->priv;
	int ret = remove_memory(start, size), i;

	if (ret)
		return ret;
	for (i = 0; i < ctx->nr; i++) {
		if (ctx->start[i] == start && ctx->size[i] == size) {
			ctx->nr--;
			ctx->start[i] = ctx->start[ctx->nr];
			ctx->size[i] = ctx->size[ctx->nr];
			break;
		}
	}
	return 0;
}

static int mhp_init(struct kunit *test)
{
	memset(&mhp_ctx, 0, sizeof(mhp_ctx));
	test->priv = &mhp_ctx;
	return 0;
}

static void mhp_exit(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;

	while (ctx->nr) {
		u64 start = ctx->start[ctx->nr - 1], size = ctx->size[ctx->nr - 1];
		unsigned long pfn;

		for (pfn = PHYS_PFN(start); pfn < PHYS_PFN(start + size);
		     pfn += PAGES_PER_SECTION)
			__pfn_to_section(pfn)->flags &= ~SECTION_IS_ONLINE;
		if (remove_memory(start, size))
			kunit_err(test, "cannot remove %#llx+%#llx\n", start, size);
		ctx->nr--;
	}
}

static bool mhp_has_resource(u64 start, u64 size)
{
	struct resource *res = lookup_resource(&iomem_resource, start);

	return res && res->end == start + size - 1;
}

/* ---- cases ---- */

/* Unaligned or empty ranges are refused before anything happens. */
static void mhp_alignment(struct kunit *test)
{
	static const struct { u64 start, size; } bad[] = {
		{ MHP_FAR + PAGE_SIZE, MHP_BLOCK },
		{ MHP_FAR, MHP_BLOCK / 2 },
		{ MHP_FAR, MHP_BLOCK + PAGE_SIZE },
		{ MHP_FAR, 0 },
		{ MHP_FAR + MHP_BLOCK / 2, MHP_BLOCK },
	};
	struct mhp_counts before;
	int i;

	mhp_counts(&before);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ(test, mhp_add(test, 0, bad[i].start, bad[i].size), -EINVAL);
		KUNIT_EXPECT_EQ(test, remove_memory(bad[i].start, bad[i].size), -EINVAL);
	}
	KUNIT_EXPECT_FALSE(test, pfn_valid(PHYS_PFN(MHP_FAR)));
	KUNIT_EXPECT_NULL(test, lookup_resource(&iomem_resource, MHP_FAR));
	mhp_expect_counts(test, &before);
}

/* Boot RAM is System RAM in the resource tree: adding over it fails. */
static void mhp_boot_ram_overlap(struct kunit *test)
{
	u64 last = ALIGN_DOWN(memblock_end_of_DRAM() - 1, MHP_BLOCK);
	struct mhp_counts before;

	mhp_counts(&before);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, 0, MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, last, MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, last, 2 * MHP_BLOCK), -EEXIST);
	mhp_expect_counts(test, &before);
}

/* A range that overlaps an earlier add fails; touching it is fine. */
static void mhp_overlap_previous(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR, 2 * MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_FAR, MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_FAR + MHP_BLOCK, MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_FAR - MHP_BLOCK, 2 * MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_FAR - MHP_BLOCK, 4 * MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_FAR + 2 * MHP_BLOCK, MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_FAR - MHP_BLOCK, MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR - MHP_BLOCK, MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR + 2 * MHP_BLOCK, MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, 2 * MHP_BLOCK), 0);
}

/*
 * Past what the CPU addresses, where the resource tree ends: -EEXIST, as
 * Linux (the range is requested first). Past 2^MAX_PHYSMEM_BITS on a CPU
 * that reaches further (the root widened here to play one): -E2BIG; the
 * last block itself works.
 */
static void mhp_out_of_range(struct kunit *test)
{
	resource_size_t root_end = iomem_resource.end;
	struct mhp_counts before;
	int ret;

	mhp_counts(&before);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, root_end + 1, MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_TOP, MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_BLOCK, ALIGN_DOWN(~0ULL, MHP_BLOCK)),
			-EEXIST);
	mhp_expect_counts(test, &before);

	iomem_resource.end = ~0ULL;
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_TOP, MHP_BLOCK), -E2BIG);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_TOP - MHP_BLOCK, 2 * MHP_BLOCK), -E2BIG);
	/* A range whose end wraps is never a range: -EEXIST, root or not. */
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, ALIGN_DOWN(~0ULL, MHP_BLOCK), MHP_BLOCK),
			-EEXIST);
	mhp_expect_counts(test, &before);

	/*
	 * The first add up there allocates the section root for the last
	 * 32 GiB, which sparse.c keeps for good: count from the second.
	 */
	ret = mhp_add(test, 0, MHP_TOP - MHP_BLOCK, MHP_BLOCK);
	KUNIT_EXPECT_EQ(test, ret, 0);
	if (ret)
		goto out_restore_root;
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_TOP - MHP_BLOCK, MHP_BLOCK), 0);
	mhp_counts(&before);
	ret = mhp_add(test, 0, MHP_TOP - MHP_BLOCK, MHP_BLOCK);
	KUNIT_EXPECT_EQ(test, ret, 0);
	if (ret)
		goto out_restore_root;
	KUNIT_EXPECT_TRUE(test, pfn_valid(PHYS_PFN(MHP_TOP) - 1));
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys((unsigned long)__va(MHP_TOP - 8)),
			MHP_TOP - 8);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_TOP - MHP_BLOCK, MHP_BLOCK), 0);
	mhp_expect_counts(test, &before);
out_restore_root:
	iomem_resource.end = root_end;
}

static void mhp_bad_node(struct kunit *test)
{
	struct mhp_counts before;

	mhp_counts(&before);
	KUNIT_EXPECT_EQ(test, mhp_add(test, -1, MHP_FAR, MHP_BLOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_add(test, MAX_NUMNODES, MHP_FAR, MHP_BLOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 1 << 20, MHP_FAR, MHP_BLOCK), -EINVAL);
	/* Unknown flags are refused too. */
	KUNIT_EXPECT_EQ(test, add_memory(0, MHP_FAR, MHP_BLOCK, 1 << 2), -EINVAL);
	KUNIT_EXPECT_NULL(test, lookup_resource(&iomem_resource, MHP_FAR));
	mhp_expect_counts(test, &before);
}

/* What an added range looks like: offline memmap, direct map, node span. */
static void mhp_added_state(struct kunit *test)
{
	unsigned long pfn = PHYS_PFN(MHP_FAR), nr = PHYS_PFN(2 * MHP_BLOCK);
	pg_data_t *pgdat = NODE_DATA(0);
	unsigned long span_start = pgdat->node_start_pfn;
	unsigned long span = pgdat->node_spanned_pages;
	unsigned long present = pgdat->node_present_pages;
	unsigned long managed = totalram_pages();
	struct page *page;
	int level;

	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR, 2 * MHP_BLOCK), 0);
	KUNIT_EXPECT_TRUE(test, pfn_valid(pfn));
	KUNIT_EXPECT_TRUE(test, pfn_valid(pfn + nr - 1));
	KUNIT_EXPECT_FALSE(test, pfn_valid(pfn + nr));
	for (page = pfn_to_page(pfn); page < pfn_to_page(pfn + nr);
	     page += PAGES_PER_SECTION / 4) {
		KUNIT_EXPECT_TRUE(test, PageReserved(page));
		KUNIT_EXPECT_EQ(test, page_to_nid(page), 0);
		KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_NORMAL);
		KUNIT_EXPECT_EQ(test, page_count(page), 0);
	}
	KUNIT_EXPECT_TRUE(test, present_section(__pfn_to_section(pfn)));
	KUNIT_EXPECT_FALSE(test, online_section(__pfn_to_section(pfn)));
	KUNIT_EXPECT_FALSE(test, __pfn_to_section(pfn)->flags & SECTION_IS_EARLY);
	KUNIT_EXPECT_EQ(test, __pfn_to_section(pfn)->nid, 0);

	/* Mapped, with 2 MiB leaves (256 MiB is not 1 GiB aligned). */
	KUNIT_EXPECT_NOT_NULL(test, lookup_address((unsigned long)__va(MHP_FAR), &level));
	KUNIT_EXPECT_EQ(test, level, PG_LEVEL_2M);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys((unsigned long)__va(MHP_FAR + 12345)),
			MHP_FAR + 12345);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys((unsigned long)__va(MHP_FAR + 2 * MHP_BLOCK)),
			PHYS_ADDR_MAX);

	/* Offline: the node spans it, but nothing is present or managed. */
	KUNIT_EXPECT_EQ(test, pgdat->node_start_pfn, span_start);
	KUNIT_EXPECT_EQ(test, pgdat->node_start_pfn + pgdat->node_spanned_pages, pfn + nr);
	KUNIT_EXPECT_EQ(test, pgdat->node_present_pages, present);
	KUNIT_EXPECT_EQ(test, totalram_pages(), managed);

	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, 2 * MHP_BLOCK), 0);
	KUNIT_EXPECT_FALSE(test, pfn_valid(pfn));
	KUNIT_EXPECT_NULL(test, lookup_address((unsigned long)__va(MHP_FAR), &level));
	KUNIT_EXPECT_EQ(test, pgdat->node_start_pfn, span_start);
	KUNIT_EXPECT_EQ(test, pgdat->node_spanned_pages, span);
}

/* A 1 GiB aligned gigabyte gets a 1 GiB direct-map leaf, counted as such. */
static void mhp_gigabyte_leaf(struct kunit *test)
{
	unsigned long before[4], after[4];
	int level;

	direct_map_sizes(before);
	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR, SZ_1G), 0);
	KUNIT_EXPECT_NOT_NULL(test, lookup_address((unsigned long)__va(MHP_FAR), &level));
	KUNIT_EXPECT_EQ(test, level, PG_LEVEL_1G);
	direct_map_sizes(after);
	KUNIT_EXPECT_EQ(test, after[PG_LEVEL_1G], before[PG_LEVEL_1G] + SZ_1G);
	KUNIT_EXPECT_EQ(test, after[PG_LEVEL_2M], before[PG_LEVEL_2M]);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, SZ_1G), 0);
	direct_map_sizes(after);
	KUNIT_EXPECT_EQ(test, after[PG_LEVEL_1G], before[PG_LEVEL_1G]);
}

/* remove_memory() refuses what it must not undo, and changes nothing. */
static void mhp_remove_refusals(struct kunit *test)
{
	unsigned long pfn = PHYS_PFN(MHP_FAR + MHP_BLOCK);
	struct mhp_counts before;

	KUNIT_EXPECT_EQ(test, remove_memory(MHP_FAR, MHP_BLOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, remove_memory(0, MHP_BLOCK), -EBUSY);
	KUNIT_EXPECT_EQ(test, remove_memory(MHP_TOP, MHP_BLOCK), -EINVAL);

	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR, 2 * MHP_BLOCK), 0);
	mhp_counts(&before);
	/* Only ranges holding whole add_memory() ranges. */
	KUNIT_EXPECT_EQ(test, remove_memory(MHP_FAR, MHP_BLOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, remove_memory(MHP_FAR + MHP_BLOCK, MHP_BLOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, remove_memory(MHP_FAR - MHP_BLOCK, 2 * MHP_BLOCK), -EINVAL);
	/* An online section blocks the removal. */
	__pfn_to_section(pfn)->flags |= SECTION_IS_ONLINE;
	KUNIT_EXPECT_EQ(test, remove_memory(MHP_FAR, 2 * MHP_BLOCK), -EBUSY);
	__pfn_to_section(pfn)->flags &= ~SECTION_IS_ONLINE;
	KUNIT_EXPECT_TRUE(test, pfn_valid(pfn));
	KUNIT_EXPECT_TRUE(test, mhp_has_resource(MHP_FAR, 2 * MHP_BLOCK));
	mhp_expect_counts(test, &before);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, 2 * MHP_BLOCK), 0);
}

/*
 * Several ranges go all or nothing, checked before anything is done: with
 * one range that cannot be removed (boot memory) the others stay exactly
 * as they were; when every range can go, all go.
 */
static void mhp_ranges_all_or_nothing(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;
	const u64 second = MHP_FAR + 4 * MHP_BLOCK;
	struct range r[2] = {
		{ .start = MHP_FAR, .end = MHP_FAR + MHP_BLOCK - 1 },
		{ .start = 0, .end = MHP_BLOCK - 1 },
	};

	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR, MHP_BLOCK), 0);
	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, second, MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, offline_and_remove_memory_ranges(r, 2), -EINVAL);
	KUNIT_EXPECT_TRUE(test, pfn_valid(PHYS_PFN(MHP_FAR)));
	KUNIT_EXPECT_TRUE(test, mhp_has_resource(MHP_FAR, MHP_BLOCK));
	KUNIT_EXPECT_TRUE(test, online_section(__pfn_to_section(0)));

	r[1].start = second;
	r[1].end = second + MHP_BLOCK - 1;
	KUNIT_EXPECT_EQ(test, offline_and_remove_memory_ranges(r, 2), 0);
	KUNIT_EXPECT_FALSE(test, pfn_valid(PHYS_PFN(MHP_FAR)));
	KUNIT_EXPECT_FALSE(test, pfn_valid(PHYS_PFN(second)));
	KUNIT_EXPECT_FALSE(test, mhp_has_resource(MHP_FAR, MHP_BLOCK));
	ctx->nr = 0;		/* both are gone: nothing for the exit hook */
}

/* A failure half-way (a section with a memmap already) undoes it all. */
static void mhp_rollback(struct kunit *test)
{
	unsigned long mid = PHYS_PFN(MHP_FAR + MHP_BLOCK);
	struct mhp_counts before;
	int level;

	KUNIT_ASSERT_EQ(test, sparse_add_section(0, mid, PAGES_PER_SECTION), 0);
	mhp_counts(&before);
	KUNIT_EXPECT_EQ(test, mhp_add(test, 0, MHP_FAR, 3 * MHP_BLOCK), -EEXIST);
	KUNIT_EXPECT_FALSE(test, pfn_valid(PHYS_PFN(MHP_FAR)));
	KUNIT_EXPECT_FALSE(test, pfn_valid(PHYS_PFN(MHP_FAR + 2 * MHP_BLOCK)));
	KUNIT_EXPECT_TRUE(test, pfn_valid(mid));
	KUNIT_EXPECT_NULL(test, lookup_address((unsigned long)__va(MHP_FAR), &level));
	KUNIT_EXPECT_NULL(test, lookup_resource(&iomem_resource, MHP_FAR));
	mhp_expect_counts(test, &before);
	sparse_remove_section(mid, PAGES_PER_SECTION);
}

/* Boot RAM and added ranges as the resource tree shows them. */
static void mhp_resource_tree(struct kunit *test)
{
	static const char line[] = "8000000000-800fffffff : System RAM\n";
	struct memblock_region *r;
	struct resource *res;
	char *buf = kmalloc(4096, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for_each_mem_region(r)
		KUNIT_EXPECT_EQ(test, region_intersects(r->base, r->size,
							IORESOURCE_SYSTEM_RAM),
				REGION_INTERSECTS);
	KUNIT_EXPECT_EQ(test, region_intersects(MHP_FAR, MHP_BLOCK, IORESOURCE_SYSTEM_RAM),
			REGION_DISJOINT);

	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR, 2 * MHP_BLOCK), 0);
	res = lookup_resource(&iomem_resource, MHP_FAR);
	KUNIT_ASSERT_NOT_NULL(test, res);
	KUNIT_EXPECT_STREQ(test, res->name, "System RAM");
	KUNIT_EXPECT_EQ(test, res->end, MHP_FAR + 2 * MHP_BLOCK - 1);
	KUNIT_EXPECT_EQ(test, res->flags, IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY);
	KUNIT_EXPECT_PTR_EQ(test, res->parent, &iomem_resource);
	KUNIT_EXPECT_EQ(test, region_intersects(MHP_FAR, 2 * MHP_BLOCK,
						IORESOURCE_SYSTEM_RAM), REGION_INTERSECTS);
	KUNIT_EXPECT_EQ(test, region_intersects(MHP_FAR, 3 * MHP_BLOCK,
						IORESOURCE_SYSTEM_RAM), REGION_MIXED);
	iomem_format(buf, 4096);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, line));
	/* Boot RAM is listed first, from its first byte. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, " : System RAM\n"));

	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, 2 * MHP_BLOCK), 0);
	iomem_format(buf, 4096);
	KUNIT_EXPECT_NULL(test, strstr(buf, line));
	KUNIT_EXPECT_EQ(test, region_intersects(MHP_FAR, MHP_BLOCK, IORESOURCE_SYSTEM_RAM),
			REGION_DISJOINT);
	kfree(buf);
}

/* One add and remove of several sizes leave every counter where it was. */
static void mhp_no_leak(struct kunit *test)
{
	static const u64 sizes[] = { MHP_BLOCK, 3 * MHP_BLOCK, SZ_1G, SZ_1G + MHP_BLOCK };
	struct mhp_counts before;
	int i;

	/*
	 * Warm-up with the largest range: the slab caches of the memory
	 * block devices may keep one empty slab after their first growth.
	 */
	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR + MHP_BLOCK, sizes[3]), 0);
	KUNIT_ASSERT_EQ(test, mhp_remove(test, MHP_FAR + MHP_BLOCK, sizes[3]), 0);
	mhp_counts(&before);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		KUNIT_ASSERT_EQ(test, mhp_add(test, 0, MHP_FAR + MHP_BLOCK, sizes[i]), 0);
		KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR + MHP_BLOCK, sizes[i]), 0);
		mhp_expect_counts(test, &before);
	}
}

/* The same over 1000 cycles, timed. */
static void mhp_thousand_cycles(struct kunit *test)
{
	struct mhp_counts before, after;
	u64 t0, ns;
	int i, ret = 0;

	mhp_counts(&before);
	t0 = ktime_get_ns();
	for (i = 0; i < MHP_CYCLES && !ret; i++) {
		ret = add_memory(0, MHP_FAR, MHP_BLOCK, MHP_NONE);
		if (!ret)
			ret = remove_memory(MHP_FAR, MHP_BLOCK);
	}
	ns = ktime_get_ns() - t0;
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, i, MHP_CYCLES);
	mhp_counts(&after);
	kunit_info(test, "%d add/remove cycles of 128 MiB in %llu ms; free pages %lu -> %lu, page tables %lu -> %lu, slab pages %lu -> %lu\n",
		   i, ns / 1000000, before.free, after.free, before.pgtables,
		   after.pgtables, before.slab, after.slab);
	mhp_expect_counts(test, &before);
}

/* A node without a pg_data_t gets one; it stays when its memory goes. */
static void mhp_new_node(struct kunit *test)
{
	unsigned long pfn = PHYS_PFN(MHP_FAR);
	pg_data_t *pgdat;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES && NODE_DATA(nid); nid++)
		;
	if (nid == MAX_NUMNODES)
		kunit_skip(test, "every node already has a pg_data_t");
	KUNIT_ASSERT_EQ(test, mhp_add(test, nid, MHP_FAR, MHP_BLOCK), 0);
	pgdat = NODE_DATA(nid);
	KUNIT_ASSERT_NOT_NULL(test, pgdat);
	KUNIT_EXPECT_EQ(test, pgdat->node_id, nid);
	KUNIT_EXPECT_GT(test, nr_node_ids, nid);
	KUNIT_EXPECT_EQ(test, pgdat->node_start_pfn, pfn);
	KUNIT_EXPECT_EQ(test, pgdat->node_spanned_pages, PAGES_PER_SECTION);
	KUNIT_EXPECT_EQ(test, pgdat->node_present_pages, 0);
	KUNIT_EXPECT_EQ(test, page_to_nid(pfn_to_page(pfn)), nid);
	KUNIT_EXPECT_EQ(test, __pfn_to_section(pfn)->nid, nid);
	KUNIT_EXPECT_STREQ(test, pgdat->node_zones[ZONE_NORMAL].name, "Normal");
	/* Its allocations fall back to the nodes with memory. */
	KUNIT_EXPECT_NOT_NULL(test, pgdat->node_zonelist.zones[0]);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, MHP_BLOCK), 0);
	KUNIT_EXPECT_PTR_EQ(test, NODE_DATA(nid), pgdat);
	KUNIT_EXPECT_EQ(test, pgdat->node_spanned_pages, 0);
}

/* add_memory() in another thread waits while a reader holds the lock. */
struct mhp_lock_arg {
	struct completion started;
	struct completion done;
};

static int mhp_lock_thread(void *data)
{
	struct mhp_lock_arg *arg = data;
	int ret;

	complete(&arg->started);
	ret = add_memory(0, MHP_FAR, MHP_BLOCK, MHP_NONE);
	complete(&arg->done);
	return ret;
}

static void mhp_lock_excludes(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;
	struct mhp_lock_arg arg;
	struct task_struct *t;

	init_completion(&arg.started);
	init_completion(&arg.done);
	get_online_mems();
	t = kthread_run(mhp_lock_thread, &arg, "mhp-lock");
	if (IS_ERR(t)) {
		put_online_mems();
		KUNIT_FAIL(test, "kthread_run: %ld", PTR_ERR(t));
		return;
	}
	wait_for_completion(&arg.started);
	/* 50 ms: the add cannot finish while get_online_mems() is held. */
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout_ns(&arg.done, 50000000), 0);
	KUNIT_EXPECT_FALSE(test, pfn_valid(PHYS_PFN(MHP_FAR)));
	put_online_mems();
	wait_for_completion(&arg.done);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_TRUE(test, pfn_valid(PHYS_PFN(MHP_FAR)));
	ctx->start[ctx->nr] = MHP_FAR;
	ctx->size[ctx->nr++] = MHP_BLOCK;
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, MHP_BLOCK), 0);
}

/* A node with a pg_data_t and no memory (QEMU's hotplug node) takes a range. */
static void mhp_memoryless_node(struct kunit *test)
{
	unsigned long pfn = PHYS_PFN(MHP_FAR);
	struct mhp_counts before;
	int nid;

	for_each_online_node(nid)
		if (!NODE_DATA(nid)->node_present_pages)
			break;
	if (nid >= MAX_NUMNODES)
		kunit_skip(test, "no memory-less node at boot");
	/*
	 * The node's device (sysfs directory, power/ files) comes with its
	 * first memory and stays: one round first, so that the counts
	 * compare two states that both have it.
	 */
	KUNIT_ASSERT_EQ(test, mhp_add(test, nid, MHP_FAR, 2 * MHP_BLOCK), 0);
	KUNIT_ASSERT_EQ(test, mhp_remove(test, MHP_FAR, 2 * MHP_BLOCK), 0);
	mhp_counts(&before);
	KUNIT_ASSERT_EQ(test, mhp_add(test, nid, MHP_FAR, 2 * MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, page_to_nid(pfn_to_page(pfn)), nid);
	KUNIT_EXPECT_EQ(test, NODE_DATA(nid)->node_start_pfn, pfn);
	KUNIT_EXPECT_EQ(test, NODE_DATA(nid)->node_spanned_pages, 2 * PAGES_PER_SECTION);
	KUNIT_EXPECT_EQ(test, NODE_DATA(nid)->node_present_pages, 0);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, MHP_FAR, 2 * MHP_BLOCK), 0);
	KUNIT_EXPECT_EQ(test, NODE_DATA(nid)->node_spanned_pages, 0);
	mhp_expect_counts(test, &before);
}

/*
 * Real RAM that Tide does not use: firmware RAM above a mem= limit. The
 * first block-aligned stretch of up to @want blocks, in *@start and *@size.
 */
static bool mhp_find_spare_ram(u64 want, u64 *start, u64 *size)
{
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 s = ALIGN(e->addr, MHP_BLOCK), end = ALIGN_DOWN(e->addr + e->size, MHP_BLOCK);
		u64 n = 0;

		if (e->type != E820_TYPE_RAM)
			continue;
		for (; s < end; s += MHP_BLOCK) {
			if (region_intersects(s, MHP_BLOCK, IORESOURCE_SYSTEM_RAM) ==
			    REGION_DISJOINT && !pfn_valid(PHYS_PFN(s)))
				break;
		}
		while (s + (n + 1) * MHP_BLOCK <= end && n < want &&
		       region_intersects(s + n * MHP_BLOCK, MHP_BLOCK,
					 IORESOURCE_SYSTEM_RAM) == REGION_DISJOINT &&
		       !pfn_valid(PHYS_PFN(s + n * MHP_BLOCK)))
			n++;
		if (n) {
			*start = s;
			*size = n * MHP_BLOCK;
			return true;
		}
	}
	return false;
}

/* memmap_on_memory: each block's memmap is its own first 2 MiB. */
static void mhp_memmap_self_hosted(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;
	struct mhp_counts before, after;
	u64 start, size, off;
	pgentry_t *e;
	int level;

	if (!mhp_find_spare_ram(2, &start, &size))
		kunit_skip(test, "no firmware RAM beyond what Tide uses (boot with mem=)");
	mhp_counts(&before);
	KUNIT_ASSERT_EQ(test, add_memory(0, start, size, MHP_MEMMAP_ON_MEMORY), 0);
	ctx->start[ctx->nr] = start;
	ctx->size[ctx->nr++] = size;
	mhp_counts(&after);
	/*
	 * No memmap from the allocator: only page tables were taken, and
	 * slab pages for the new blocks' devices and sysfs nodes.
	 */
	KUNIT_EXPECT_EQ(test, before.free - after.free,
			(after.pgtables - before.pgtables) +
			(after.slab - before.slab));

	for (off = 0; off < size; off += MHP_BLOCK) {
		unsigned long pfn = PHYS_PFN(start + off);
		struct page *first = pfn_to_page(pfn);

		e = lookup_address((unsigned long)first, &level);

		KUNIT_ASSERT_NOT_NULL(test, e);
		KUNIT_EXPECT_EQ(test, level, PG_LEVEL_2M);
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), start + off);
		/* The memmap is in the block itself, seen through the direct map. */
		KUNIT_EXPECT_EQ(test, memcmp(__va(start + off), first, sizeof(*first)), 0);
		KUNIT_EXPECT_EQ(test, first->type, PGTY_MEMMAP);
		KUNIT_EXPECT_EQ(test, first[MHP_VMEMMAP_PAGES - 1].type, PGTY_MEMMAP);
		KUNIT_EXPECT_EQ(test, first[MHP_VMEMMAP_PAGES].type, PGTY_NONE);
		KUNIT_EXPECT_TRUE(test, PageReserved(&first[MHP_VMEMMAP_PAGES]));
		KUNIT_EXPECT_EQ(test, page_to_nid(&first[PAGES_PER_SECTION - 1]), 0);
	}
	kunit_info(test, "memmap on memory at %#llx+%#llx\n", start, size);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, start, size), 0);
	KUNIT_EXPECT_NULL(test, lookup_address((unsigned long)pfn_to_page(PHYS_PFN(start)),
					       &level));
	mhp_expect_counts(test, &before);

	/* And again without the flag: the memmap then comes from elsewhere. */
	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, start, size), 0);
	e = lookup_address((unsigned long)pfn_to_page(PHYS_PFN(start)), &level);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_NE(test, pgentry_addr(*e), start);
	KUNIT_EXPECT_EQ(test, mhp_remove(test, start, size), 0);
	mhp_expect_counts(test, &before);
}

/*
 * memory_hotplug.memmap_on_memory is on unless the boot said otherwise, and
 * mhp_default_flags() follows it at run time.
 */
static void mhp_memmap_default_on(struct kunit *test)
{
	bool saved = memhp.memmap_on_memory;

	if (!strstr(boot_command_line, "memory_hotplug.memmap_on_memory="))
		KUNIT_EXPECT_TRUE(test, saved);
	WRITE_ONCE(memhp.memmap_on_memory, true);
	KUNIT_EXPECT_TRUE(test, mhp_can_memmap_on_memory());
	KUNIT_EXPECT_EQ(test, mhp_default_flags(), MHP_MEMMAP_ON_MEMORY);
	WRITE_ONCE(memhp.memmap_on_memory, false);
	KUNIT_EXPECT_FALSE(test, mhp_can_memmap_on_memory());
	KUNIT_EXPECT_EQ(test, mhp_default_flags(), MHP_NONE);
	WRITE_ONCE(memhp.memmap_on_memory, saved);
}

/*
 * Where no RAM answers, the memmap written into the range does not read
 * back: add_memory() keeps the memmap elsewhere and still succeeds.
 */
static void mhp_memmap_no_ram_falls_back(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;
	struct mhp_counts before;
	u64 start = MHP_FAR, size = 2 * MHP_BLOCK;
	pgentry_t *e;
	int level;

	if (!mhp_can_memmap_on_memory())
		kunit_skip(test, "memory_hotplug.memmap_on_memory is off");
	mhp_counts(&before);
	KUNIT_ASSERT_EQ(test, add_memory(0, start, size, MHP_MEMMAP_ON_MEMORY), 0);
	ctx->start[ctx->nr] = start;
	ctx->size[ctx->nr++] = size;
	e = lookup_address((unsigned long)pfn_to_page(PHYS_PFN(start)), &level);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_NE(test, pgentry_addr(*e), start);
	KUNIT_EXPECT_FALSE(test, mhp_section_hosts_memmap(PHYS_PFN(start)));
	KUNIT_EXPECT_FALSE(test,
			   mhp_section_hosts_memmap(PHYS_PFN(start + MHP_BLOCK)));
	KUNIT_EXPECT_TRUE(test, PageReserved(pfn_to_page(PHYS_PFN(start))));
	KUNIT_EXPECT_EQ(test, mhp_remove(test, start, size), 0);
	mhp_expect_counts(test, &before);
}

/* Onlines (@online) or offlines the block at @start; hotplug lock taken. */
static int mhp_block_set(struct kunit *test, u64 start, bool online)
{
	struct memory_block *mem;
	int ret;

	mem_hotplug_begin();
	mem = find_memory_block_by_id(pfn_to_section_nr(PHYS_PFN(start)));
	if (!mem) {
		mem_hotplug_done();
		return -ENODEV;
	}
	ret = online ? memory_block_online(mem, MMOP_ONLINE_MOVABLE, NULL) :
		       memory_block_offline(mem);
	put_device(&mem->dev);
	mem_hotplug_done();
	return ret;
}

/*
 * Linux's accounting of a memmap kept in its block: while the block is
 * online its 2 MiB are present in the zone and node, and in the zone's
 * span, but not managed, so MemTotal grows by 126 MiB per 128 MiB block;
 * offline, they count nowhere and the zone spans nothing of the block.
 */
static void mhp_memmap_accounting(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;
	unsigned long vm = 2 * SZ_1M / PAGE_SIZE;
	unsigned long pfn, present, managed, node_present, total;
	struct zone *zone;
	u64 start, size;
	int round;

	if (!mhp_find_spare_ram(1, &start, &size))
		kunit_skip(test, "no firmware RAM beyond what Tide uses (boot with mem=)");
	pfn = PHYS_PFN(start);
	zone = &NODE_DATA(0)->node_zones[ZONE_MOVABLE];
	if (zone->present_pages)
		kunit_skip(test, "node 0 has ZONE_MOVABLE memory already");
	KUNIT_ASSERT_EQ(test, add_memory(0, start, size, MHP_MEMMAP_ON_MEMORY), 0);
	ctx->start[ctx->nr] = start;
	ctx->size[ctx->nr++] = size;
	KUNIT_ASSERT_TRUE(test, mhp_section_hosts_memmap(pfn));
	present = zone->present_pages;
	managed = READ_ONCE(zone->managed_pages);
	node_present = NODE_DATA(0)->node_present_pages;
	total = totalram_pages();

	for (round = 0; round < 3; round++) {
		KUNIT_ASSERT_EQ(test, mhp_block_set(test, start, true), 0);
		KUNIT_EXPECT_EQ(test, zone->present_pages,
				present + PAGES_PER_SECTION);
		KUNIT_EXPECT_EQ(test, READ_ONCE(zone->managed_pages),
				managed + PAGES_PER_SECTION - vm);
		KUNIT_EXPECT_EQ(test, NODE_DATA(0)->node_present_pages,
				node_present + PAGES_PER_SECTION);
		KUNIT_EXPECT_EQ(test, totalram_pages(),
				total + PAGES_PER_SECTION - vm);
		KUNIT_EXPECT_EQ(test, zone->zone_start_pfn, pfn);
		KUNIT_EXPECT_EQ(test, zone->spanned_pages, PAGES_PER_SECTION);
		KUNIT_EXPECT_PTR_EQ(test, page_zone(pfn_to_page(pfn)), zone);
		KUNIT_EXPECT_TRUE(test,
				  PageReserved(pfn_to_page(pfn + vm - 1)));

		KUNIT_ASSERT_EQ(test, mhp_block_set(test, start, false), 0);
		KUNIT_EXPECT_EQ(test, zone->present_pages, present);
		KUNIT_EXPECT_EQ(test, READ_ONCE(zone->managed_pages), managed);
		KUNIT_EXPECT_EQ(test, NODE_DATA(0)->node_present_pages,
				node_present);
		KUNIT_EXPECT_EQ(test, totalram_pages(), total);
		KUNIT_EXPECT_EQ(test, zone->spanned_pages, 0UL);
	}
	KUNIT_EXPECT_EQ(test, mhp_remove(test, start, size), 0);
}

/* Movable test pages whose pfn lies in [@start, +@size). */
static unsigned long mhp_test_pages_in(u64 start, u64 size)
{
	unsigned long i, pfn, n = 0;

	for (i = 0; i < movable_test_nr_pages(); i++) {
		pfn = page_to_pfn(movable_test_page(i));
		if (pfn >= PHYS_PFN(start) && pfn < PHYS_PFN(start + size))
			n++;
	}
	return n;
}

/*
 * Adds three blocks of firmware RAM beyond mem= on node 0, offline, for a
 * case that brings them into ZONE_MOVABLE; skips the case when there is
 * no such RAM or ZONE_MOVABLE has memory already. Returns the first
 * block's address.
 */
static u64 mhp_add_three_blocks(struct kunit *test)
{
	u64 start, size;

	if (!mhp_find_spare_ram(3, &start, &size) || size < 3 * MHP_BLOCK)
		kunit_skip(test, "no three blocks of firmware RAM beyond mem=");
	if (NODE_DATA(0)->node_zones[ZONE_MOVABLE].present_pages)
		kunit_skip(test, "node 0 has ZONE_MOVABLE memory already");
	KUNIT_ASSERT_EQ(test, mhp_add(test, 0, start, 3 * MHP_BLOCK), 0);
	return start;
}

/*
 * Blocks that leave together are emptied together: data in the first
 * one does not move into the next ones, which leave too. Checksummed
 * movable pages fill the first of three ZONE_MOVABLE blocks; removing
 * the three must migrate about the pages in use there, once, not up to
 * three times.
 */
static void mhp_ranges_move_once(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;
	unsigned long in_use, moved, bad = 1;
	u64 start, size, off;
	struct range r;
	int ret;

	start = mhp_add_three_blocks(test);
	size = 3 * MHP_BLOCK;
	/*
	 * The data goes into the first block while it is ZONE_MOVABLE's only
	 * memory; the two others come online empty after it, and are where
	 * migration would put the data if the first block left alone.
	 */
	KUNIT_ASSERT_EQ(test, mhp_block_set(test, start, true), 0);
	KUNIT_ASSERT_EQ(test, movable_test_fill(SZ_1M / PAGE_SIZE * 100, 0), 0);
	for (off = MHP_BLOCK; off < size; off += MHP_BLOCK) {
		ret = mhp_block_set(test, start + off, true);
		KUNIT_ASSERT_EQ_MSG(test, ret, 0, "online %#llx", start + off);
	}
	in_use = 0;
	for (off = 0; off < size; off += MHP_BLOCK) {
		unsigned long n = mhp_test_pages_in(start + off, MHP_BLOCK);

		kunit_info(test, "block %llu: %lu test pages\n",
			   off / MHP_BLOCK, n);
		in_use += n;
	}
	KUNIT_EXPECT_GT(test, in_use, PHYS_PFN(MHP_BLOCK) / 2);

	moved = migrate_nr_succeeded();
	r.start = start;
	r.end = start + size - 1;
	ret = offline_and_remove_memory_ranges(&r, 1);
	moved = migrate_nr_succeeded() - moved;
	KUNIT_EXPECT_EQ(test, ret, 0);
	if (!ret)
		ctx->nr = 0;	/* removed: nothing for the exit hook */
	kunit_info(test, "%lu test pages in the blocks, %lu pages migrated\n",
		   in_use, moved);
	/* The fill's own page tables and a few kernel pages move too. */
	KUNIT_EXPECT_LE(test, moved, in_use + in_use / 16 + 256);
	KUNIT_EXPECT_GE(test, moved, in_use);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	movable_test_free();
}

/* Pageblocks of [@start, +@size) whose type is not MIGRATE_MOVABLE. */
static unsigned long mhp_not_movable_pageblocks(u64 start, u64 size)
{
	unsigned long pfn, n = 0;

	for (pfn = PHYS_PFN(start); pfn < PHYS_PFN(start + size);
	     pfn += pageblock_nr_pages) {
		if (PageReserved(pfn_to_page(pfn)))
			continue;	/* a block's own memmap */
		n += get_pageblock_migratetype(pfn_to_page(pfn)) !=
		     MIGRATE_MOVABLE;
	}
	return n;
}

/*
 * Three blocks leave together and the middle one holds pages that refuse
 * to move: the first, offlined already, comes back online, the last gets
 * its pageblocks back from the isolation ahead, and the free pages of
 * all three count as free again.
 */
static void mhp_ranges_refused_gives_back(struct kunit *test)
{
	struct mhp_ctx *ctx = test->priv;
	unsigned long free0, bad = 1;
	u64 start, size, off;
	struct range r;

	start = mhp_add_three_blocks(test);
	size = 3 * MHP_BLOCK;
	KUNIT_ASSERT_EQ(test, mhp_block_set(test, start + MHP_BLOCK, true), 0);
	KUNIT_ASSERT_EQ(test, movable_test_fill(SZ_1M / PAGE_SIZE * 32, 0), 0);
	KUNIT_ASSERT_EQ(test, mhp_block_set(test, start, true), 0);
	KUNIT_ASSERT_EQ(test, mhp_block_set(test, start + 2 * MHP_BLOCK, true),
			0);
	KUNIT_EXPECT_GT(test, mhp_test_pages_in(start + MHP_BLOCK, MHP_BLOCK),
			0UL);
	free0 = nr_free_pages();

	movable_test_set_refuse(true);
	r.start = start;
	r.end = start + size - 1;
	KUNIT_EXPECT_EQ(test, offline_and_remove_memory_ranges(&r, 1), -EBUSY);
	movable_test_set_refuse(false);
	get_online_mems();
	for (off = 0; off < size; off += MHP_BLOCK)
		KUNIT_EXPECT_EQ(test, mhp_block_state(start + off), MEM_ONLINE);
	put_online_mems();
	KUNIT_EXPECT_EQ(test, mhp_not_movable_pageblocks(start, size), 0UL);
	/* Per-CPU lists and slab may hold a few pages either way. */
	KUNIT_EXPECT_LE(test, free0, nr_free_pages() + 1024);
	KUNIT_EXPECT_LE(test, nr_free_pages(), free0 + 1024);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);

	/* Once the pages may move, the same removal goes through. */
	KUNIT_EXPECT_EQ(test, offline_and_remove_memory_ranges(&r, 1), 0);
	ctx->nr = 0;
	movable_test_free();
}

static struct kunit_case memory_hotplug_cases[] = {
	KUNIT_CASE(mhp_alignment),
	KUNIT_CASE(mhp_boot_ram_overlap),
	KUNIT_CASE(mhp_overlap_previous),
	KUNIT_CASE(mhp_out_of_range),
	KUNIT_CASE(mhp_bad_node),
	KUNIT_CASE(mhp_added_state),
	KUNIT_CASE(mhp_memoryless_node),
	KUNIT_CASE(mhp_gigabyte_leaf),
	KUNIT_CASE(mhp_remove_refusals),
	KUNIT_CASE(mhp_rollback),
	KUNIT_CASE(mhp_ranges_all_or_nothing),
	KUNIT_CASE(mhp_resource_tree),
	KUNIT_CASE(mhp_no_leak),
	KUNIT_CASE(mhp_thousand_cycles),
	KUNIT_CASE(mhp_memmap_self_hosted),
	KUNIT_CASE(mhp_memmap_default_on),
	KUNIT_CASE(mhp_memmap_no_ram_falls_back),
	KUNIT_CASE(mhp_memmap_accounting),
	KUNIT_CASE(mhp_ranges_move_once),
	KUNIT_CASE(mhp_ranges_refused_gives_back),
	KUNIT_CASE(mhp_lock_excludes),
	/* Last: the node it creates outlives the case, as in Linux. */
	KUNIT_CASE(mhp_new_node),
	{}
};

static struct kunit_suite memory_hotplug_suite = {
	.name = "memory_hotplug",
	.init = mhp_init,
	.exit = mhp_exit,
	.test_cases = memory_hotplug_cases,
};

kunit_test_suite(memory_hotplug_suite);
