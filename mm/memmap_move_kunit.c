// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for moving memmap blocks (the 2 MiB vmemmap leaves of
 * arch/x86/mm/init_64.c) through mm/migrate.c: every struct page of the
 * section survives, the allocator keeps working there, and the offline
 * scan empties a range that holds a block.
 */
#include <linux/kernel.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <kunit/test.h>
#include "internal.h"

#define MEMMAP_BLOCK_PAGES	(PMD_SIZE / PAGE_SIZE)
#define HELD_PAGES		64
#define TEST_MAGIC		0x6d656d6d6170UL

/* The physical address behind the vmemmap leaf holding @page's struct. */
static phys_addr_t memmap_leaf_pa(const struct page *page)
{
	int level;
	pgentry_t *e = lookup_address((unsigned long)page, &level);

	if (!e || level != PG_LEVEL_2M)
		return PHYS_ADDR_MAX;
	return pgentry_addr(*e);
}

/* The head of the memmap block backing @page's struct page, or NULL. */
static struct page *memmap_block_of(const struct page *page)
{
	phys_addr_t pa = memmap_leaf_pa(page);

	return pa == PHYS_ADDR_MAX ? NULL : phys_to_page(pa);
}

static bool block_can_move(struct page *head)
{
	const struct kernel_page_mover *m = kernel_page_mover_of(head);

	return m && head->type == PGTY_MEMMAP && m->movable(head);
}

struct section_snapshot {
	struct page *first;		/* the section's first struct page */
	struct page *copy;		/* all PAGES_PER_SECTION of them */
};

static int snapshot_take(struct section_snapshot *s, unsigned long pfn)
{
	s->first = pfn_to_page(ALIGN_DOWN(pfn, PAGES_PER_SECTION));
	s->copy = vmalloc(PAGES_PER_SECTION * sizeof(struct page));
	if (!s->copy)
		return -ENOMEM;
	memcpy(s->copy, s->first, PAGES_PER_SECTION * sizeof(struct page));
	return 0;
}

/*
 * Struct pages that differ from the snapshot in what never changes for a
 * page (zone and node), or at all for a PG_reserved page (boot memory
 * nobody frees while the test runs).
 */
static unsigned long snapshot_diff(const struct section_snapshot *s)
{
	unsigned long i, bad = 0;

	for (i = 0; i < PAGES_PER_SECTION; i++) {
		const struct page *was = &s->copy[i], *now = &s->first[i];

		if (page_zonenum(was) != page_zonenum(now) ||
		    page_to_nid(was) != page_to_nid(now))
			bad++;
		else if (PageReserved(was) && PageReserved(now) &&
			 (was->flags != now->flags || was->type != now->type ||
			  page_count(was) != page_count(now) ||
			  was->virtual != now->virtual))
			bad++;
	}
	return bad;
}

/*
 * Holds up to HELD_PAGES kernel pages; returns the first whose memmap
 * block can move, or NULL. Every held page gets a mark in ->private.
 */
static struct page *hold_pages(struct page **held, unsigned int *nr)
{
	struct page *found = NULL;

	for (*nr = 0; *nr < HELD_PAGES; (*nr)++) {
		struct page *p = alloc_page(GFP_KERNEL);
		struct page *head;

		if (!p)
			break;
		p->private = TEST_MAGIC + *nr;
		held[*nr] = p;
		head = memmap_block_of(p);
		if (!found && head && block_can_move(head))
			found = p;
	}
	return found;
}

static void release_pages(struct page **held, unsigned int nr)
{
	while (nr--) {
		held[nr]->private = 0;
		__free_page(held[nr]);
	}
}

/*
 * A boot memmap block (memblock's, PG_reserved) moves to allocator
 * memory, every struct page of its section intact; moved again, the
 * allocator's block goes back to the allocator. The held pages keep
 * their state and return to the allocator through the moved memmap.
 */
static void memmap_move_boot_block(struct kunit *test)
{
	struct page *held[HELD_PAGES];
	struct section_snapshot snap;
	struct page *page, *head, *head2;
	unsigned long sec, total;
	unsigned int nr, i;

	page = hold_pages(held, &nr);
	if (!page) {
		release_pages(held, nr);
		kunit_skip(test, "no held page's memmap block can move");
	}
	head = memmap_block_of(page);
	KUNIT_EXPECT_TRUE(test, PageReserved(head));
	KUNIT_EXPECT_EQ(test, head->virtual,
			ALIGN_DOWN((unsigned long)page, PMD_SIZE));
	KUNIT_EXPECT_EQ(test, head[MEMMAP_BLOCK_PAGES - 1].type, PGTY_MEMMAP);
	sec = ALIGN_DOWN(page_to_pfn(page), PAGES_PER_SECTION);
	KUNIT_ASSERT_EQ(test, snapshot_take(&snap, sec), 0);
	total = totalram_pages();

	KUNIT_EXPECT_EQ(test, migrate_kernel_page(head), 0);
	/* memblock's 2 MiB now belong to the allocator: MemTotal grows. */
	KUNIT_EXPECT_GE(test, totalram_pages(), total + MEMMAP_BLOCK_PAGES);
	head2 = memmap_block_of(page);
	KUNIT_ASSERT_NOT_NULL(test, head2);
	KUNIT_EXPECT_PTR_NE(test, head2, head);
	KUNIT_EXPECT_EQ(test, head2->type, PGTY_MEMMAP);
	KUNIT_EXPECT_FALSE(test, PageReserved(head2));
	KUNIT_EXPECT_EQ(test, head2->virtual,
			ALIGN_DOWN((unsigned long)page, PMD_SIZE));
	KUNIT_EXPECT_EQ(test, head2[MEMMAP_BLOCK_PAGES - 1].virtual,
			head2->virtual + PMD_SIZE - PAGE_SIZE);
	/* The old block went to the allocator, forgetting what it was. */
	KUNIT_EXPECT_FALSE(test, PageReserved(head));
	KUNIT_EXPECT_NE(test, head->type, PGTY_MEMMAP);
	KUNIT_EXPECT_EQ(test, head->virtual, 0UL);
	KUNIT_EXPECT_EQ(test, snapshot_diff(&snap), 0UL);
	for (i = 0; i < nr; i++) {
		KUNIT_EXPECT_EQ(test, held[i]->private, TEST_MAGIC + i);
		KUNIT_EXPECT_EQ(test, page_count(held[i]), 1);
	}

	/* Once more: now an allocator block, freed with __free_pages(). */
	KUNIT_EXPECT_EQ(test, migrate_kernel_page(head2), 0);
	KUNIT_EXPECT_PTR_NE(test, memmap_block_of(page), head2);
	KUNIT_EXPECT_EQ(test, snapshot_diff(&snap), 0UL);
	vfree(snap.copy);

	/*
	 * The held pages go back to the allocator through the moved
	 * memmap, and it still hands out blocks. (How many pages of the
	 * section are free afterwards depends on what else runs.)
	 */
	release_pages(held, nr);
	page = alloc_pages(GFP_KERNEL, 3);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 3);
}

/* The first boot memmap block that can move, lowest pfn first. */
static struct page *find_boot_block(void)
{
	unsigned long nr;

	for_each_valid_section(nr) {
		struct page *head = memmap_block_of(pfn_to_page(
					section_nr_to_pfn(nr)));

		if (head && block_can_move(head))
			return head;
	}
	return NULL;
}

/*
 * The offline scan over an isolated range that holds a memmap block:
 * the block leaves, the range ends up free and isolated.
 */
static void memmap_move_offline_scan(struct kunit *test)
{
	struct page *head = find_boot_block(), *probe;
	unsigned long lo, hi, pfn, bad = ULONG_MAX;
	int saved_mt;

	if (!head)
		kunit_skip(test, "no movable memmap block");
	probe = (struct page *)head->virtual;
	lo = page_to_pfn(head);
	hi = lo + MEMMAP_BLOCK_PAGES;
	saved_mt = get_pageblock_migratetype(head);
	KUNIT_ASSERT_EQ(test, set_migratetype_isolate(head), 0);

	KUNIT_EXPECT_EQ(test, migrate_pfn_range(lo, hi, alloc_migration_target,
						0, &bad), 0);
	KUNIT_EXPECT_EQ(test, bad, ULONG_MAX);
	pfn = PHYS_PFN(memmap_leaf_pa(probe));
	KUNIT_EXPECT_TRUE(test, pfn < lo || pfn >= hi);
	KUNIT_EXPECT_EQ(test, test_pages_isolated(lo, hi), 0);
	KUNIT_EXPECT_EQ(test, memmap_block_of(probe)->virtual,
			(unsigned long)probe);
	unset_migratetype_isolate(pfn_to_page(lo), saved_mt);
}

/*
 * Every section's memmap block is labelled and can move, a block that
 * starts the very section it describes included (node 1's first block
 * lands there when memblock allocates bottom-up on the node).
 */
static void memmap_move_all_labelled(struct kunit *test)
{
	unsigned long nr, n = 0;

	for_each_valid_section(nr) {
		struct page *first = pfn_to_page(section_nr_to_pfn(nr));
		struct page *head = memmap_block_of(first);

		KUNIT_ASSERT_NOT_NULL(test, head);
		KUNIT_EXPECT_TRUE_MSG(test, block_can_move(head),
				      "section %lu: block at %#llx, type %u",
				      nr, (unsigned long long)page_to_phys(head),
				      head->type);
		KUNIT_EXPECT_EQ(test, head->virtual, (unsigned long)first);
		n++;
	}
	KUNIT_EXPECT_GT(test, n, 0UL);
}

/*
 * Far above any test boot's RAM: the memory behind it is never touched,
 * only its direct map and memmap are built (as in memory_hotplug_kunit).
 */
#define HOTADD_START	((1ULL << 39) + (64ULL << 30))
#define HOTADD_SIZE	((u64)MIN_MEMORY_BLOCK_SIZE)

/*
 * Hot-added memory without memmap_on_memory: its memmap block comes from
 * the allocator, labelled, moves with every struct page intact, and is
 * freed with the memory afterwards.
 */
static void memmap_move_hotadded_block(struct kunit *test)
{
	unsigned long pfn = PHYS_PFN(HOTADD_START), i, bad = 0;
	struct page *first, *head, *head2;
	struct page *copy;
	int level;
	u64 t0;

	KUNIT_ASSERT_EQ(test, add_memory(0, HOTADD_START, HOTADD_SIZE,
					 MHP_NONE), 0);
	first = pfn_to_page(pfn);
	head = memmap_block_of(first);
	KUNIT_ASSERT_NOT_NULL(test, head);
	KUNIT_EXPECT_TRUE(test, block_can_move(head));
	KUNIT_EXPECT_FALSE(test, PageReserved(head));
	KUNIT_EXPECT_EQ(test, head->virtual, (unsigned long)first);

	copy = vmalloc(PAGES_PER_SECTION * sizeof(struct page));
	KUNIT_ASSERT_NOT_NULL(test, copy);
	memcpy(copy, first, PAGES_PER_SECTION * sizeof(struct page));
	t0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, migrate_kernel_page(head), 0);
	kunit_info(test, "2 MiB memmap block moved in %llu us (stop included)\n",
		   (ktime_get_ns() - t0) / NSEC_PER_USEC);
	head2 = memmap_block_of(first);
	KUNIT_EXPECT_PTR_NE(test, head2, head);
	/* Offline memory: nobody changes these struct pages meanwhile. */
	for (i = 0; i < PAGES_PER_SECTION; i++) {
		const struct page *was = &copy[i], *now = &first[i];

		bad += was->flags != now->flags || was->type != now->type ||
		       page_count(was) != page_count(now);
	}
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	vfree(copy);

	/* Removing the memory frees the moved block (and nothing is lost). */
	KUNIT_EXPECT_EQ(test, remove_memory(HOTADD_START, HOTADD_SIZE), 0);
	KUNIT_EXPECT_NULL(test, lookup_address((unsigned long)first, &level));
	/* Free (a buddy head), or already handed out again: not memmap. */
	KUNIT_EXPECT_NE(test, head2->type, PGTY_MEMMAP);
}

/*
 * Whether section @nr is a whole online boot block that could go offline:
 * not the kernel image's, no PG_reserved page (firmware, memblock data).
 */
static bool block_can_go(unsigned long nr)
{
	unsigned long pfn = section_nr_to_pfn(nr), i;
	struct mem_section *ms = __nr_to_section(nr);

	if (memory_block_size_bytes() != PAGES_PER_SECTION * PAGE_SIZE ||
	    !valid_section(ms) || !online_section(ms) || !early_section(ms) ||
	    pfn_to_section_nr(PHYS_PFN(__pa_symbol(_text))) == nr)
		return false;
	for (i = 0; i < PAGES_PER_SECTION; i++)
		if (PageReserved(pfn_to_page(pfn + i)))
			return false;
	return true;
}

/*
 * An order-9 block lying in a section that could go offline, taken from
 * the allocator (others it hands out first are given back). NULL if none.
 */
static struct page *alloc_block_in_offlinable_section(void)
{
	struct page *held[96], *found = NULL;
	unsigned int n = 0;

	while (n < ARRAY_SIZE(held)) {
		struct page *p = alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					     PMD_SHIFT - PAGE_SHIFT);

		if (!p)
			break;
		if (block_can_go(pfn_to_section_nr(page_to_pfn(p)))) {
			found = p;
			break;
		}
		held[n++] = p;
	}
	while (n--)
		__free_pages(held[n], PMD_SHIFT - PAGE_SHIFT);
	return found;
}

/*
 * Page tables move only once their mover is registered (another part of
 * mm): until then a block holding one cannot go offline.
 */
static bool holds_unmovable_pgtables(unsigned long nr)
{
	struct page *first = pfn_to_page(section_nr_to_pfn(nr)), *p;

	for (p = first; p < first + PAGES_PER_SECTION; p++)
		if (p->type == PGTY_PGTABLE && !kernel_page_mover_of(p))
			return true;
	return false;
}

/* migrate_pages()'s get_new: the target the case chose, once. */
static struct page *chosen_target(struct page *old, unsigned long private)
{
	struct page **target = (struct page **)private, *page = *target;

	*target = NULL;
	return page;
}

static int write_block_state(unsigned long nr, const char *state)
{
	char path[80];

	snprintf(path, sizeof(path), "/sys/devices/system/memory/memory%lu/state",
		 nr);
	return vfs_write_path(path, state, strlen(state));
}

/*
 * A memory block holding a memmap block goes offline through the state
 * file, as user space offlines it: the memmap block leaves, every struct
 * page it holds intact, and the block comes online again. The case first
 * moves a boot memmap block into a block that can go.
 */
static void memmap_move_offline_block(struct kunit *test)
{
	struct page *target = alloc_block_in_offlinable_section();
	struct section_snapshot snap;
	struct page *head = NULL, *probe;
	unsigned long nr, sec, pfn;
	unsigned int failed = 0;

	if (!target)
		kunit_skip(test, "no order-9 block in a block that can go");
	sec = pfn_to_section_nr(page_to_pfn(target));
	for_each_valid_section(nr) {
		head = memmap_block_of(pfn_to_page(section_nr_to_pfn(nr)));
		if (nr != sec && head && block_can_move(head))
			break;
		head = NULL;
	}
	if (!head) {
		__free_pages(target, PMD_SHIFT - PAGE_SHIFT);
		kunit_skip(test, "no memmap block to move");
	}
	probe = (struct page *)head->virtual;
	KUNIT_ASSERT_EQ(test, migrate_pages(&head, 1, chosen_target,
					    (unsigned long)&target, &failed), 0);
	KUNIT_ASSERT_EQ(test, pfn_to_section_nr(PHYS_PFN(memmap_leaf_pa(probe))),
			sec);
	KUNIT_ASSERT_EQ(test, snapshot_take(&snap, page_to_pfn(probe)), 0);

	if (holds_unmovable_pgtables(sec)) {
		vfree(snap.copy);
		kunit_skip(test, "block %lu holds page tables, which no mover moves",
			   sec);
	}
	KUNIT_ASSERT_EQ(test, write_block_state(sec, "offline"), 7);
	pfn = PHYS_PFN(memmap_leaf_pa(probe));
	KUNIT_EXPECT_NE(test, pfn_to_section_nr(pfn), sec);
	KUNIT_EXPECT_EQ(test, memmap_block_of(probe)->virtual,
			(unsigned long)probe);
	KUNIT_EXPECT_EQ(test, snapshot_diff(&snap), 0UL);
	vfree(snap.copy);
	KUNIT_EXPECT_EQ(test, write_block_state(sec, "online_kernel"), 13);
}

static struct kunit_case memmap_move_test_cases[] = {
	KUNIT_CASE(memmap_move_all_labelled),
	KUNIT_CASE(memmap_move_boot_block),
	KUNIT_CASE(memmap_move_offline_scan),
	KUNIT_CASE(memmap_move_hotadded_block),
	KUNIT_CASE(memmap_move_offline_block),
	{}
};

static struct kunit_suite memmap_move_test_suite = {
	.name = "memmap_move",
	.test_cases = memmap_move_test_cases,
};
kunit_test_suite(memmap_move_test_suite);
