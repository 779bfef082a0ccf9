// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the sparse memory model (mm/sparse.c): pfn <-> struct page,
 * pfn_valid(), the section table and its flags, and adding and removing
 * section memmaps, including their errors and their cleanup under ENOMEM.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <kunit/test.h>
#include "internal.h"

/* Far above any RAM the tests boot with, and below MAX_PFN. */
#define SP_FAR_PFN		PHYS_PFN(1UL << 40)	/* 1 TiB */
/* Its memmap needs a PML4 slot of the vmemmap that boot RAM never uses. */
#define SP_FRESH_PFN		PHYS_PFN(1UL << 45)	/* 32 TiB */

#define SP_SECTION_FLAGS	(SECTION_MARKED_PRESENT | SECTION_HAS_MEM_MAP)
#define SP_BOOT_FLAGS		(SP_SECTION_FLAGS | SECTION_IS_EARLY)

/*
 * What the running case holds or changed; the exit hook puts it back even
 * after an assertion ended the case: the pages, the sections it added,
 * then the pageblock migratetypes.
 */
struct sp_ctx {
	struct list_head pages;		/* blocks held, on page->lru */
	unsigned long added_pfn;	/* the range it added, if added_nr */
	unsigned long added_nr;
	struct page *labels;		/* saved migratetypes of node 0 */
	unsigned long labels_start_pfn;
	unsigned long nr_labels;
};

static struct sp_ctx sp_ctx;

/* ---- helpers ---- */

static int sp_add(struct kunit *test, unsigned long pfn, unsigned long nr_pages)
{
	struct sp_ctx *ctx = test->priv;
	int ret = sparse_add_section(0, pfn, nr_pages);

	if (!ret) {
		ctx->added_pfn = pfn;
		ctx->added_nr = nr_pages;
	}
	return ret;
}

static void sp_remove(struct kunit *test)
{
	struct sp_ctx *ctx = test->priv;

	if (!ctx->added_nr)
		return;
	sparse_remove_section(ctx->added_pfn, ctx->added_nr);
	ctx->added_nr = 0;
}

static void sp_free_all(struct kunit *test)
{
	struct sp_ctx *ctx = test->priv;

	while (!list_empty(&ctx->pages)) {
		struct page *page = list_entry(ctx->pages.prev, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, page->order);
	}
}

/*
 * Remembers the migratetype of every pageblock of node 0. Cases change
 * them without meaning to: the unmovable memmap of a new section, and
 * running out of memory, make the allocator claim pageblocks.
 */
static int sp_save_labels(struct kunit *test)
{
	struct sp_ctx *ctx = test->priv;
	pg_data_t *pgdat = NODE_DATA(0);
	unsigned long start = ALIGN_DOWN(pgdat->node_start_pfn, pageblock_nr_pages);
	unsigned long end = pgdat->node_start_pfn + pgdat->node_spanned_pages;
	unsigned long i, n = DIV_ROUND_UP(end - start, pageblock_nr_pages);
	u8 *labels;

	ctx->labels = alloc_pages(__GFP_MOVABLE, get_order(n));
	if (!ctx->labels)
		return -ENOMEM;
	labels = page_dm_address(ctx->labels);
	for (i = 0; i < n; i++) {
		unsigned long pfn = start + i * pageblock_nr_pages;

		labels[i] = pfn_valid(pfn) ?
			get_pageblock_migratetype(pfn_to_page(pfn)) : MIGRATE_TYPES;
	}
	ctx->labels_start_pfn = start;
	ctx->nr_labels = n;
	return 0;
}

/* Relabels, through isolation so that free lists follow, what changed. */
static void sp_restore_labels(struct kunit *test)
{
	struct sp_ctx *ctx = test->priv;
	u8 *labels = page_dm_address(ctx->labels);
	unsigned long i;

	for (i = 0; i < ctx->nr_labels; i++) {
		struct page *page;

		if (labels[i] >= MIGRATE_ISOLATE)
			continue;
		page = pfn_to_page(ctx->labels_start_pfn + i * pageblock_nr_pages);
		if (get_pageblock_migratetype(page) == labels[i])
			continue;
		if (!set_migratetype_isolate(page))
			unset_migratetype_isolate(page, labels[i]);
	}
	__free_pages(ctx->labels, get_order(ctx->nr_labels));
	ctx->labels = NULL;
}

/*
 * Takes every page a movable request can get, biggest blocks first, so
 * that every zone is left exactly at its min watermark.
 */
static void sp_exhaust(struct kunit *test)
{
	struct sp_ctx *ctx = test->priv;
	int order;

	for (order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, order)))
			list_add_tail(&page->lru, &ctx->pages);
	}
}

/*
 * Gives exactly @nr pages (at most 2^MAX_PAGE_ORDER) back to one zone, out
 * of a held block of the largest order, split into single pages.
 */
static void sp_release(struct kunit *test, unsigned long nr)
{
	struct sp_ctx *ctx = test->priv;
	struct page *page, *block = NULL;
	unsigned long i;

	list_for_each_entry(page, &ctx->pages, lru) {
		if (page->order == MAX_PAGE_ORDER) {
			block = page;
			break;
		}
	}
	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_ASSERT_LE(test, nr, 1UL << MAX_PAGE_ORDER);
	list_del(&block->lru);
	for (i = 0; i < (1UL << MAX_PAGE_ORDER); i++) {
		atomic_set(&block[i]._refcount, 1);
		block[i].order = 0;
		if (i < nr)
			__free_pages(block + i, 0);
		else
			list_add(&block[i].lru, &ctx->pages);
	}
}

/* Does any memblock region (RAM as firmware reported it) touch section @nr? */
static bool sp_section_has_ram(unsigned long nr, int *nid)
{
	phys_addr_t start = PFN_PHYS(section_nr_to_pfn(nr));
	phys_addr_t end = PFN_PHYS(section_nr_to_pfn(nr + 1));
	struct memblock_region *r;

	for_each_mem_region(r) {
		if (r->base < end && memblock_region_end(r) > start) {
			*nid = r->nid;
			return true;
		}
	}
	return false;
}

static unsigned long sp_first_ram_pfn(void)
{
	return PFN_UP(memblock.memory.regions[0].base);
}

static unsigned long sp_last_ram_pfn(void)
{
	return PFN_DOWN(memblock_end_of_DRAM()) - 1;
}

/* Is the memmap behind @pfn's struct page mapped? */
static bool sp_memmap_mapped(unsigned long pfn)
{
	int level;

	return lookup_address((unsigned long)pfn_to_page(pfn), &level);
}

static int sp_init(struct kunit *test)
{
	memset(&sp_ctx, 0, sizeof(sp_ctx));
	INIT_LIST_HEAD(&sp_ctx.pages);
	test->priv = &sp_ctx;
	return sp_save_labels(test);
}

static void sp_exit(struct kunit *test)
{
	struct sp_ctx *ctx = test->priv;

	sp_free_all(test);
	sp_remove(test);
	if (ctx->labels)
		sp_restore_labels(test);
}

/* ---- the boot memmap ---- */

/* pfn_to_page() and page_to_pfn() undo each other, from first to last RAM pfn. */
static void sparse_pfn_page_roundtrip(struct kunit *test)
{
	unsigned long first = sp_first_ram_pfn(), last = sp_last_ram_pfn();
	unsigned long pfns[] = {
		first, first + 1, PHYS_PFN(SZ_1M), PAGES_PER_SECTION - 1,
		PAGES_PER_SECTION, (first + last) / 2, last - 1, last,
	};
	struct memblock_region *r;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pfns); i++) {
		unsigned long pfn = pfns[i];
		struct page *page = pfn_to_page(pfn);

		if (pfn < first || pfn > last || !pfn_valid(pfn))
			continue;
		KUNIT_EXPECT_EQ_MSG(test, page_to_pfn(page), pfn, "pfn %#lx", pfn);
		KUNIT_EXPECT_EQ(test, (unsigned long)page,
				VMEMMAP_START + pfn * sizeof(struct page));
		KUNIT_EXPECT_EQ(test, page_to_phys(page), PFN_PHYS(pfn));
		KUNIT_EXPECT_PTR_EQ(test, phys_to_page(PFN_PHYS(pfn) + 123), page);
		KUNIT_EXPECT_TRUE_MSG(test, sp_memmap_mapped(pfn), "pfn %#lx", pfn);
	}
	/* Every region's ends, and the zone recorded in their struct pages. */
	for_each_mem_region(r) {
		unsigned long ends[] = {
			PFN_UP(r->base), PFN_DOWN(memblock_region_end(r)) - 1,
		};

		for (i = 0; i < ARRAY_SIZE(ends); i++) {
			struct page *page = pfn_to_page(ends[i]);

			KUNIT_EXPECT_EQ(test, page_to_pfn(page), ends[i]);
			KUNIT_EXPECT_EQ_MSG(test, page_zonenum(page),
					    zone_for_pfn(r->nid, ends[i]),
					    "pfn %#lx", ends[i]);
			KUNIT_EXPECT_EQ(test, page_to_nid(page), r->nid);
		}
	}
}

/* struct page fits in 64 bytes, so one section's memmap is one 2 MiB leaf. */
static void sparse_memmap_size(struct kunit *test)
{
	unsigned long pfn = sp_first_ram_pfn();
	int level;

	KUNIT_EXPECT_LE(test, sizeof(struct page), 64);
	KUNIT_EXPECT_EQ(test, PAGES_PER_SECTION * sizeof(struct page), PMD_SIZE);
	KUNIT_EXPECT_EQ(test, PAGES_PER_SECTION * sizeof(struct page), SZ_2M);
	KUNIT_ASSERT_NOT_NULL(test, lookup_address((unsigned long)pfn_to_page(pfn),
						   &level));
	KUNIT_EXPECT_EQ(test, level, PG_LEVEL_2M);
}

/*
 * Up to the end of RAM, pfn_valid() holds exactly in the sections that
 * hold RAM, holes between them included.
 */
static void sparse_pfn_valid_boot_ram(struct kunit *test)
{
	unsigned long nr, last = pfn_to_section_nr(sp_last_ram_pfn());
	int nid;

	for (nr = 0; nr <= last; nr++) {
		unsigned long pfn = section_nr_to_pfn(nr);
		bool ram = sp_section_has_ram(nr, &nid);

		KUNIT_EXPECT_EQ_MSG(test, pfn_valid(pfn), ram, "section %lu", nr);
		KUNIT_EXPECT_EQ_MSG(test, pfn_valid(pfn + PAGES_PER_SECTION - 1), ram,
				    "section %lu", nr);
	}
	KUNIT_EXPECT_TRUE(test, pfn_valid(sp_first_ram_pfn()));
	KUNIT_EXPECT_TRUE(test, pfn_valid(sp_last_ram_pfn()));
}

/* pfn_valid() is false in an absent section and from MAX_PFN on. */
static void sparse_pfn_valid_absent(struct kunit *test)
{
	unsigned long last = sp_last_ram_pfn();

	KUNIT_ASSERT_GT(test, SP_FAR_PFN, ALIGN(last + 1, PAGES_PER_SECTION));
	KUNIT_EXPECT_FALSE(test, pfn_valid(ALIGN(last + 1, PAGES_PER_SECTION)));
	KUNIT_EXPECT_FALSE(test, pfn_valid(SP_FAR_PFN));
	KUNIT_EXPECT_FALSE(test, pfn_valid(SP_FAR_PFN + 12345));
	KUNIT_EXPECT_FALSE(test, pfn_valid(MAX_PFN - 1));
	KUNIT_EXPECT_FALSE(test, pfn_valid(MAX_PFN));
	KUNIT_EXPECT_FALSE(test, pfn_valid(MAX_PFN + PAGES_PER_SECTION));
	KUNIT_EXPECT_FALSE(test, pfn_valid(ULONG_MAX));
}

/*
 * Sections holding boot RAM are present, have a memmap, are marked early
 * and carry the node of their RAM; no other section is present.
 */
static void sparse_boot_section_flags(struct kunit *test)
{
	unsigned long nr, last = pfn_to_section_nr(sp_last_ram_pfn()), n = 0;
	int nid;

	for (nr = 0; nr <= last; nr++) {
		struct mem_section *ms = __nr_to_section(nr);

		if (!sp_section_has_ram(nr, &nid)) {
			KUNIT_EXPECT_FALSE_MSG(test, present_section(ms),
					       "section %lu", nr);
			continue;
		}
		n++;
		KUNIT_ASSERT_NOT_NULL(test, ms);
		KUNIT_EXPECT_EQ_MSG(test, ms->flags & SP_BOOT_FLAGS, SP_BOOT_FLAGS,
				    "section %lu", nr);
		KUNIT_EXPECT_EQ_MSG(test, ms->nid, nid, "section %lu", nr);
	}
	KUNIT_EXPECT_EQ(test, sparse_present_sections(), n);
}

/* The pages of boot sections are in the buddy allocator: they are online. */
static void sparse_boot_sections_online(struct kunit *test)
{
	unsigned long nr, last = pfn_to_section_nr(sp_last_ram_pfn());
	int nid;

	for (nr = 0; nr <= last; nr++)
		if (sp_section_has_ram(nr, &nid))
			KUNIT_EXPECT_TRUE_MSG(test, online_section(__nr_to_section(nr)),
					      "section %lu", nr);
}

/* A section root that was never allocated gives no section at all. */
static void sparse_absent_root_null(struct kunit *test)
{
	unsigned long root;

	for (root = 0; root < NR_SECTION_ROOTS; root++)
		if (!mem_section[root])
			break;
	KUNIT_ASSERT_LT(test, root, NR_SECTION_ROOTS);
	KUNIT_EXPECT_NULL(test, __nr_to_section(root * SECTIONS_PER_ROOT));
	KUNIT_EXPECT_NULL(test, __nr_to_section((root + 1) * SECTIONS_PER_ROOT - 1));
	KUNIT_EXPECT_FALSE(test, pfn_valid(section_nr_to_pfn(root * SECTIONS_PER_ROOT)));
	KUNIT_EXPECT_NULL(test, __nr_to_section(NR_MEM_SECTIONS));
	KUNIT_EXPECT_NULL(test, __pfn_to_section(MAX_PFN));
	/* Boot RAM's root is there. */
	KUNIT_EXPECT_NOT_NULL(test, __pfn_to_section(sp_first_ram_pfn()));
}

/* ---- adding and removing sections ---- */

/*
 * A section added far above RAM gets a writable memmap and is valid, not
 * early and not online; removing it takes the memmap away again.
 */
static void sparse_add_remove_section(struct kunit *test)
{
	const unsigned long pfn = SP_FAR_PFN, end = pfn + PAGES_PER_SECTION;
	unsigned long present = sparse_present_sections(), i, bad = 0;
	struct mem_section *ms;
	struct page *memmap;

	KUNIT_ASSERT_FALSE(test, pfn_valid(pfn));
	KUNIT_ASSERT_EQ(test, sp_add(test, pfn, PAGES_PER_SECTION), 0);
	KUNIT_EXPECT_TRUE(test, pfn_valid(pfn));
	KUNIT_EXPECT_TRUE(test, pfn_valid(end - 1));
	KUNIT_EXPECT_FALSE(test, pfn_valid(end));
	KUNIT_EXPECT_FALSE(test, pfn_valid(pfn - 1));
	ms = __pfn_to_section(pfn);
	KUNIT_ASSERT_NOT_NULL(test, ms);
	KUNIT_EXPECT_EQ(test, ms->flags, SP_SECTION_FLAGS);
	KUNIT_EXPECT_EQ(test, ms->nid, 0);
	KUNIT_EXPECT_EQ(test, sparse_present_sections(), present + 1);

	memmap = pfn_to_page(pfn);
	KUNIT_EXPECT_TRUE(test, sp_memmap_mapped(pfn));
	KUNIT_EXPECT_TRUE(test, sp_memmap_mapped(end - 1));
	memset(memmap, 0x5a, PAGES_PER_SECTION * sizeof(struct page));
	for (i = 0; i < PAGES_PER_SECTION; i++) {
		memmap[i].flags = i;
		bad += memmap[i].lru.next != (void *)0x5a5a5a5a5a5a5a5aUL;
	}
	for (i = 0; i < PAGES_PER_SECTION; i++)
		bad += memmap[i].flags != i;
	KUNIT_EXPECT_EQ(test, bad, 0);

	sp_remove(test);
	KUNIT_EXPECT_FALSE(test, pfn_valid(pfn));
	KUNIT_EXPECT_FALSE(test, pfn_valid(end - 1));
	KUNIT_EXPECT_FALSE(test, sp_memmap_mapped(pfn));
	KUNIT_EXPECT_FALSE(test, present_section(ms));
	KUNIT_EXPECT_EQ(test, sparse_present_sections(), present);
}

/*
 * Adding and removing sections, again and again, gives back every page of
 * memmap and every page table (the section root stays, by design).
 */
static void sparse_add_remove_no_leak(struct kunit *test)
{
	static const unsigned long sizes[] = { 1, 2, 1, 3, 1 };
	unsigned long free, tables;
	unsigned int i;

	/* The first addition may allocate the section root, which stays. */
	KUNIT_ASSERT_EQ(test, sp_add(test, SP_FAR_PFN, 3 * PAGES_PER_SECTION), 0);
	sp_remove(test);
	free = nr_free_pages();
	tables = pgtable_pages_in_use();

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long nr_pages = sizes[i] * PAGES_PER_SECTION;

		KUNIT_ASSERT_EQ(test, sp_add(test, SP_FAR_PFN, nr_pages), 0);
		KUNIT_EXPECT_EQ(test, nr_free_pages(),
				free - sizes[i] * (PMD_SIZE >> PAGE_SHIFT) - 1);
		sp_remove(test);
		KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(), free, "round %u", i);
		KUNIT_EXPECT_EQ_MSG(test, pgtable_pages_in_use(), tables, "round %u", i);
	}
}

/* Misaligned, empty, too high or wrapping ranges are refused with -EINVAL. */
static void sparse_add_bad_range(struct kunit *test)
{
	const unsigned long pps = PAGES_PER_SECTION;
	static const struct { unsigned long pfn, nr; } bad[] = {
		{ SP_FAR_PFN + 1, PAGES_PER_SECTION },
		{ SP_FAR_PFN + PAGES_PER_SECTION / 2, PAGES_PER_SECTION },
		{ SP_FAR_PFN, PAGES_PER_SECTION - 1 },
		{ SP_FAR_PFN, PAGES_PER_SECTION + 1 },
		{ SP_FAR_PFN, 0 },
		{ MAX_PFN, PAGES_PER_SECTION },
		{ MAX_PFN - PAGES_PER_SECTION, 2 * PAGES_PER_SECTION },
		{ ALIGN_DOWN(ULONG_MAX, PAGES_PER_SECTION), 2 * PAGES_PER_SECTION },
		{ SP_FAR_PFN, ALIGN_DOWN(ULONG_MAX, PAGES_PER_SECTION) },
	};
	unsigned long free = nr_free_pages(), present = sparse_present_sections();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ_MSG(test, sp_add(test, bad[i].pfn, bad[i].nr), -EINVAL,
				    "pfn %#lx nr %#lx", bad[i].pfn, bad[i].nr);
		KUNIT_EXPECT_FALSE(test, pfn_valid(SP_FAR_PFN));
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
	KUNIT_EXPECT_EQ(test, sparse_present_sections(), present);
	/* The highest section there can be is fine. */
	KUNIT_EXPECT_EQ(test, sp_add(test, MAX_PFN - pps, pps), 0);
	KUNIT_EXPECT_TRUE(test, pfn_valid(MAX_PFN - 1));
}

/* A range with a section that has a memmap already is refused whole. */
static void sparse_add_existing(struct kunit *test)
{
	const unsigned long pps = PAGES_PER_SECTION;
	unsigned long boot = ALIGN_DOWN(sp_first_ram_pfn(), pps);
	unsigned long present = sparse_present_sections();
	unsigned long flags;

	flags = __pfn_to_section(boot)->flags;
	KUNIT_EXPECT_EQ(test, sparse_add_section(0, boot, pps), -EEXIST);
	KUNIT_EXPECT_EQ(test, __pfn_to_section(boot)->flags, flags);
	KUNIT_EXPECT_TRUE(test, pfn_valid(boot));

	KUNIT_ASSERT_EQ(test, sp_add(test, SP_FAR_PFN + pps, pps), 0);
	/* Overlapping it from below, and from above: nothing is added. */
	KUNIT_EXPECT_EQ(test, sparse_add_section(0, SP_FAR_PFN, 2 * pps), -EEXIST);
	KUNIT_EXPECT_EQ(test, sparse_add_section(0, SP_FAR_PFN + pps, 2 * pps),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, sparse_add_section(0, SP_FAR_PFN + pps, pps), -EEXIST);
	KUNIT_EXPECT_FALSE(test, pfn_valid(SP_FAR_PFN));
	KUNIT_EXPECT_FALSE(test, pfn_valid(SP_FAR_PFN + 2 * pps));
	KUNIT_EXPECT_TRUE(test, pfn_valid(SP_FAR_PFN + pps));
	KUNIT_EXPECT_EQ(test, sparse_present_sections(), present + 1);
}

/*
 * Every pageblock of a new section starts MIGRATE_MOVABLE, also when the
 * section had been there before with other types.
 */
static void sparse_new_section_movable(struct kunit *test)
{
	const unsigned long pfn = SP_FAR_PFN;
	unsigned long i, wrong = 0;

	KUNIT_ASSERT_EQ(test, sp_add(test, pfn, PAGES_PER_SECTION), 0);
	for (i = 0; i < PAGES_PER_SECTION; i += pageblock_nr_pages) {
		wrong += get_pageblock_migratetype(pfn_to_page(pfn + i)) !=
			 MIGRATE_MOVABLE;
		set_pageblock_migratetype(pfn_to_page(pfn + i), MIGRATE_UNMOVABLE);
	}
	KUNIT_EXPECT_EQ(test, wrong, 0);
	sp_remove(test);

	KUNIT_ASSERT_EQ(test, sp_add(test, pfn, PAGES_PER_SECTION), 0);
	for (i = 0; i < PAGES_PER_SECTION; i += pageblock_nr_pages)
		wrong += get_pageblock_migratetype(pfn_to_page(pfn + i)) !=
			 MIGRATE_MOVABLE;
	KUNIT_EXPECT_EQ(test, wrong, 0);
}

/* ---- out of memory ---- */

/*
 * With memory for one section's memmap but not two, adding two fails with
 * -ENOMEM and takes the first one away again, leaking nothing.
 */
static void sparse_add_enomem_rolls_back(struct kunit *test)
{
	const unsigned long pfn = SP_FAR_PFN, pps = PAGES_PER_SECTION;
	unsigned long free, tables, present = sparse_present_sections();
	int ret;

	KUNIT_ASSERT_EQ(test, sp_add(test, pfn, pps), 0);
	sp_remove(test);
	free = nr_free_pages();
	tables = pgtable_pages_in_use();

	sp_exhaust(test);
	/* One 2 MiB memmap block and its page table fit; a second block does not. */
	sp_release(test, 1UL << MAX_PAGE_ORDER);
	ret = sp_add(test, pfn, 2 * pps);
	KUNIT_EXPECT_EQ(test, ret, -ENOMEM);
	KUNIT_EXPECT_FALSE(test, pfn_valid(pfn));
	KUNIT_EXPECT_FALSE(test, pfn_valid(pfn + pps));
	KUNIT_EXPECT_FALSE(test, sp_memmap_mapped(pfn));
	KUNIT_EXPECT_FALSE(test, sp_memmap_mapped(pfn + pps));
	KUNIT_EXPECT_EQ(test, sparse_present_sections(), present);

	sp_free_all(test);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), tables);
}

/*
 * When the memmap block is there but a page table for it is not, adding
 * fails with -ENOMEM and leaves no page table behind.
 */
static void sparse_add_enomem_pgtable(struct kunit *test)
{
	const unsigned long pfn = SP_FRESH_PFN, pps = PAGES_PER_SECTION;
	unsigned long va = (unsigned long)pfn_to_page(pfn), free, tables;
	pgentry_t *slot = &kernel_pml4[pg_index(va, PG_LEVEL_PML4)];

	KUNIT_ASSERT_EQ(test, sp_add(test, pfn, pps), 0);
	sp_remove(test);
	/* Nothing else lives in this part of the vmemmap. */
	KUNIT_ASSERT_FALSE(test, pgentry_present(*slot));
	free = nr_free_pages();
	tables = pgtable_pages_in_use();

	sp_exhaust(test);
	/* The 2 MiB block and the first of the two page tables needed. */
	sp_release(test, (PMD_SIZE >> PAGE_SHIFT) + 1);
	KUNIT_EXPECT_EQ(test, sp_add(test, pfn, pps), -ENOMEM);
	KUNIT_EXPECT_FALSE(test, pfn_valid(pfn));
	KUNIT_EXPECT_FALSE(test, sp_memmap_mapped(pfn));
	KUNIT_EXPECT_FALSE_MSG(test, pgentry_present(*slot),
			       "a page table of the failed mapping is left in the PML4");

	sp_free_all(test);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), tables);
}

/*
 * vmemmap_populate() checks before it maps: a range partly backed already
 * is refused and nothing changes, so that its failure path can never free
 * a leaf somebody else mapped.
 */
static void sparse_vmemmap_partly_backed(struct kunit *test)
{
	const unsigned long pfn = SP_FAR_PFN, pps = PAGES_PER_SECTION;
	unsigned long a = (unsigned long)pfn_to_page(pfn);

	KUNIT_ASSERT_EQ(test, vmemmap_populate(a, a + PMD_SIZE, 0), 0);
	KUNIT_EXPECT_EQ(test, vmemmap_populate(a, a + 2 * PMD_SIZE, 0), -EEXIST);
	KUNIT_EXPECT_TRUE(test, sp_memmap_mapped(pfn));
	KUNIT_EXPECT_FALSE(test, sp_memmap_mapped(pfn + pps));
	/* Wholly backed: nothing to do. */
	KUNIT_EXPECT_EQ(test, vmemmap_populate(a, a + PMD_SIZE, 0), 0);
	vmemmap_free(a, a + PMD_SIZE);
	KUNIT_EXPECT_FALSE(test, sp_memmap_mapped(pfn));
}

static struct kunit_case sparse_cases[] = {
	KUNIT_CASE(sparse_pfn_page_roundtrip),
	KUNIT_CASE(sparse_memmap_size),
	KUNIT_CASE(sparse_pfn_valid_boot_ram),
	KUNIT_CASE(sparse_pfn_valid_absent),
	KUNIT_CASE(sparse_boot_section_flags),
	KUNIT_CASE(sparse_boot_sections_online),
	KUNIT_CASE(sparse_absent_root_null),
	KUNIT_CASE(sparse_add_remove_section),
	KUNIT_CASE(sparse_add_remove_no_leak),
	KUNIT_CASE(sparse_add_bad_range),
	KUNIT_CASE(sparse_add_existing),
	KUNIT_CASE(sparse_new_section_movable),
	KUNIT_CASE(sparse_add_enomem_rolls_back),
	KUNIT_CASE(sparse_add_enomem_pgtable),
	KUNIT_CASE(sparse_vmemmap_partly_backed),
	{}
};

static struct kunit_suite sparse_suite = {
	.name = "sparse",
	.init = sp_init,
	.exit = sp_exit,
	.test_cases = sparse_cases,
};

kunit_test_suite(sparse_suite);
