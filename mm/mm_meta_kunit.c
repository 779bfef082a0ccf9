// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for where mm's own metadata lives: boot-time section roots and
 * node data in the kernel image's memory block, later ones in vmalloc
 * (movable), and the kernel heap's free-slot chunks movable pages whose
 * stack survives a move.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/sections.h>
#include <kunit/test.h>
#include "internal.h"

/* Blocks freed at once: more than one chunk of free slots holds. */
#define META_NR_BLOCKS	600
#define META_ORDER	5	/* 128 KiB: no slab and hardly a kmalloc uses it */

static bool in_image_block(const void *p)
{
	phys_addr_t img = ALIGN_DOWN(__pa_symbol(_text), MIN_MEMORY_BLOCK_SIZE);
	phys_addr_t pa = __pa(p);

	return pa >= img && pa < img + MIN_MEMORY_BLOCK_SIZE;
}

/* What memblock gave at boot lies where nothing needs to leave. */
static void mm_meta_boot_in_image_block(struct kunit *test)
{
	unsigned long root;
	int nid;

	for_each_online_node(nid) {
		if (is_vmalloc_addr(NODE_DATA(nid)))
			continue;	/* hot-added node */
		KUNIT_EXPECT_TRUE_MSG(test, in_image_block(NODE_DATA(nid)),
				      "node %d's pg_data_t at %#llx", nid,
				      (unsigned long long)__pa(NODE_DATA(nid)));
	}
	for (root = 0; root < NR_SECTION_ROOTS; root++) {
		if (!mem_section[root] || is_vmalloc_addr(mem_section[root]))
			continue;
		KUNIT_EXPECT_TRUE_MSG(test, in_image_block(mem_section[root]),
				      "section root %lu at %#llx", root,
				      (unsigned long long)__pa(mem_section[root]));
	}
}

/* After boot: zeroed, mapped once, movable with its contents. */
static void mm_meta_later_moves(struct kunit *test)
{
	size_t size = 3 * PAGE_SIZE + 8;
	unsigned char *p = mm_meta_alloc(size, 0);
	unsigned long off, pg, bad = 0;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	for (off = 0; off < size; off++)
		bad += p[off] != 0;
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	for (off = 0; off < size; off++)
		p[off] = (unsigned char)(off * 7 + 1);
	for (pg = 0; pg < PFN_UP(size); pg++) {
		unsigned char *at = p + pg * PAGE_SIZE;
		struct page *old = vmalloc_to_page(at);

		KUNIT_EXPECT_EQ(test, migrate_kernel_page(old), 0);
		KUNIT_EXPECT_PTR_NE(test, vmalloc_to_page(at), old);
	}
	for (off = 0; off < size; off++)
		bad += p[off] != (unsigned char)(off * 7 + 1);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	mm_meta_free(p, size);
}

/* The free-slot chunks of the kernel heap, found by their owner. */
static unsigned int find_slot_chunks(struct page **found, unsigned int max)
{
	unsigned int n = 0;
	unsigned long pfn;
	int nid;

	for_each_online_node(nid) {
		pg_data_t *node = NODE_DATA(nid);
		unsigned long end = node->node_start_pfn + node->node_spanned_pages;

		for (pfn = node->node_start_pfn; pfn < end && n < max; pfn++) {
			struct page *page;
			struct movable_owner *o;

			if (!pfn_valid(pfn))
				continue;
			page = pfn_to_page(pfn);
			o = page_movable_owner(page);
			if (o && !strcmp(o->name, "kheap-slots"))
				found[n++] = page;
		}
	}
	return n;
}

/*
 * Many heap blocks freed fill more than one chunk of free slots; every
 * chunk moves, and the slots come back from the moved stack, all of them.
 */
static void mm_meta_slot_chunks_move(struct kunit *test)
{
	void **blocks = vmalloc(2 * META_NR_BLOCKS * sizeof(*blocks));
	void **back = blocks + META_NR_BLOCKS;
	struct page *chunks[16];
	unsigned int i, j, n, again = 0;

	KUNIT_ASSERT_NOT_NULL(test, blocks);
	for (i = 0; i < META_NR_BLOCKS; i++) {
		blocks[i] = kheap_alloc(META_ORDER, GFP_KERNEL, 0);
		if (!blocks[i])
			break;
	}
	KUNIT_ASSERT_EQ(test, i, (unsigned int)META_NR_BLOCKS);
	for (i = 0; i < META_NR_BLOCKS; i++)
		kheap_free(blocks[i]);

	n = find_slot_chunks(chunks, ARRAY_SIZE(chunks));
	KUNIT_EXPECT_GE(test, n, 2U);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, migrate_page(chunks[i], NUMA_NO_NODE), 0);
		KUNIT_EXPECT_NULL(test, page_movable_owner(chunks[i]));
	}
	KUNIT_EXPECT_EQ(test, find_slot_chunks(chunks, ARRAY_SIZE(chunks)), n);

	/* The stack is intact: the same slots come back, last freed first. */
	for (i = 0; i < META_NR_BLOCKS; i++) {
		void *b = kheap_alloc(META_ORDER, GFP_KERNEL, 0);

		KUNIT_ASSERT_NOT_NULL(test, b);
		for (j = 0; j < META_NR_BLOCKS; j++)
			if (blocks[j] == b)
				break;
		again += j < META_NR_BLOCKS;
		back[i] = b;
	}
	KUNIT_EXPECT_EQ(test, again, (unsigned int)META_NR_BLOCKS);
	for (i = 0; i < META_NR_BLOCKS; i++)
		kheap_free(back[i]);
	vfree(blocks);
}

static struct kunit_case mm_meta_test_cases[] = {
	KUNIT_CASE(mm_meta_boot_in_image_block),
	KUNIT_CASE(mm_meta_later_moves),
	KUNIT_CASE(mm_meta_slot_chunks_move),
	{}
};

static struct kunit_suite mm_meta_test_suite = {
	.name = "mm_meta",
	.test_cases = mm_meta_test_cases,
};
kunit_test_suite(mm_meta_test_suite);
