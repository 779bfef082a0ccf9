// SPDX-License-Identifier: GPL-2.0
/*
 * The sparse memory model: physical address space in 128 MiB sections.
 *
 * DOC: sparse
 *
 * mem_section[] is a two-level table covering 2^MAX_PHYSMEM_BITS (64 TiB)
 * of physical address space; a root of SECTIONS_PER_ROOT entries is only
 * allocated once a section in it appears. A present section's struct
 * pages live at a fixed place in the vmemmap, so pfn_to_page() is a single
 * addition; this file decides which parts of the vmemmap are backed.
 * sparse_add_section() is the one way a section gets a memmap, at boot
 * (sparse_init()) and at hot-add alike.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "internal.h"

struct mem_section *mem_section[NR_SECTION_ROOTS];

/* Allocates the root holding section @nr if needed. */
static int sparse_index_init(unsigned long nr, int nid)
{
	unsigned long root = nr / SECTIONS_PER_ROOT;
	struct mem_section *sections;

	if (mem_section[root])
		return 0;
	sections = mm_meta_alloc(SECTIONS_PER_ROOT * sizeof(struct mem_section), nid);
	if (!sections)
		return -ENOMEM;
	mem_section[root] = sections;
	return 0;
}

static unsigned long section_memmap_start(unsigned long nr)
{
	return (unsigned long)pfn_to_page(section_nr_to_pfn(nr));
}

static unsigned long section_memmap_end(unsigned long nr)
{
	return (unsigned long)pfn_to_page(section_nr_to_pfn(nr + 1));
}

/**
 * sparse_add_section - give the sections of a range their memmap
 * @nid: node the range belongs to (the memmap is allocated there if it can be)
 * @start_pfn: section-aligned first pfn
 * @nr_pages: a multiple of PAGES_PER_SECTION
 *
 * The struct pages are not initialised: whoever brings the pages into a
 * zone does that. Every pageblock starts out MIGRATE_MOVABLE. If any
 * section cannot be set up, those already set up by this call are removed.
 *
 * Return: 0; -EINVAL for an unaligned or out-of-range request; -EEXIST if
 * a section already has a memmap; -ENOMEM.
 */
int sparse_add_section(int nid, unsigned long start_pfn, unsigned long nr_pages)
{
	unsigned long nr, first = pfn_to_section_nr(start_pfn);
	unsigned long last = pfn_to_section_nr(start_pfn + nr_pages);
	int ret = 0;

	if (!nr_pages || (start_pfn | nr_pages) & ~PAGE_SECTION_MASK ||
	    start_pfn + nr_pages > MAX_PFN || start_pfn + nr_pages < start_pfn)
		return -EINVAL;
	for (nr = first; nr < last; nr++)
		if (valid_section(__nr_to_section(nr)))
			return -EEXIST;

	for (nr = first; nr < last; nr++) {
		struct mem_section *ms;

		ret = sparse_index_init(nr, nid);
		if (ret)
			break;
		ret = vmemmap_populate(section_memmap_start(nr),
				       section_memmap_end(nr), nid);
		if (ret)
			break;
		ms = __nr_to_section(nr);
		ms->nid = nid;
		memset(ms->pageblock_mt, MIGRATE_MOVABLE, sizeof(ms->pageblock_mt));
		ms->flags = SECTION_MARKED_PRESENT | SECTION_HAS_MEM_MAP |
			    (page_alloc_ready() ? 0 : SECTION_IS_EARLY);
	}
	if (ret && nr > first)
		sparse_remove_section(start_pfn, section_nr_to_pfn(nr) - start_pfn);
	return ret;
}

/**
 * sparse_remove_section - free the memmap of a range's sections
 *
 * The caller has taken the pages out of their zone; the struct pages are
 * gone once this returns. Section roots are kept.
 */
void sparse_remove_section(unsigned long start_pfn, unsigned long nr_pages)
{
	unsigned long nr, last = pfn_to_section_nr(start_pfn + nr_pages);

	for (nr = pfn_to_section_nr(start_pfn); nr < last; nr++) {
		struct mem_section *ms = __nr_to_section(nr);

		if (!valid_section(ms))
			continue;
		WARN_ON(online_section(ms));
		vmemmap_free(section_memmap_start(nr), section_memmap_end(nr));
		ms->flags = 0;
	}
}

unsigned long next_valid_section(unsigned long nr)
{
	while (nr < NR_MEM_SECTIONS) {
		if (!mem_section[nr / SECTIONS_PER_ROOT]) {
			nr = ALIGN(nr + 1, SECTIONS_PER_ROOT);
			continue;
		}
		if (valid_section(__nr_to_section(nr)))
			return nr;
		nr++;
	}
	return NR_MEM_SECTIONS;
}

unsigned long sparse_present_sections(void)
{
	unsigned long nr, n = 0;

	for_each_valid_section(nr)
		n++;
	return n;
}

/**
 * sparse_init - memmap for every section holding boot RAM
 *
 * Sections are added in runs of consecutive sections on one node.
 */
void sparse_init(void)
{
	struct memblock_region *r;
	unsigned long run_start = 0, run_end = 0;
	int run_nid = 0, ret;

	for_each_mem_region(r) {
		unsigned long first = pfn_to_section_nr(PFN_DOWN(r->base));
		unsigned long last = pfn_to_section_nr(PFN_DOWN(memblock_region_end(r) - 1)) + 1;

		if (first < run_end)
			first = run_end;
		if (first >= last)
			continue;
		if (run_end && (first != run_end || r->nid != run_nid)) {
			ret = sparse_add_section(run_nid, section_nr_to_pfn(run_start),
						 section_nr_to_pfn(run_end - run_start));
			if (ret)
				panic("sparse: no memmap for sections %lu-%lu (%d)",
				      run_start, run_end - 1, ret);
			run_end = 0;
		}
		if (!run_end) {
			run_start = first;
			run_nid = r->nid;
		}
		run_end = last;
	}
	if (run_end) {
		ret = sparse_add_section(run_nid, section_nr_to_pfn(run_start),
					 section_nr_to_pfn(run_end - run_start));
		if (ret)
			panic("sparse: no memmap for sections %lu-%lu (%d)",
			      run_start, run_end - 1, ret);
	}
	pr_info("sparse: %lu sections of %lu MiB present, memmap %lu KiB\n",
		sparse_present_sections(), PAGES_PER_SECTION >> (20 - PAGE_SHIFT),
		sparse_present_sections() * PAGES_PER_SECTION * sizeof(struct page) >> 10);
}
