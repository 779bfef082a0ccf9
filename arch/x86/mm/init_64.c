// SPDX-License-Identifier: GPL-2.0
/*
 * Building Tide's own page tables at boot (direct map and kernel image),
 * backing the vmemmap with memory, at boot and at hot-add, and the
 * arch_add_memory()/arch_remove_memory() hooks of memory hotplug.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>


/* Bytes of the direct map per leaf level (index = PG_LEVEL_*). */
static unsigned long direct_map_bytes[4];

static void map_or_panic(unsigned long va, phys_addr_t pa, unsigned long size,
			 pgprot_t prot, unsigned int flags)
{
	int ret = kernel_map_range(va, pa, size, prot, flags);

	if (ret)
		panic("%s: mapping %#lx+%#lx failed (%d)", __func__, va, size, ret);
}

/*
 * Adds (@sign 1) or takes out (-1) [@start, @end) of the DirectMap counts,
 * leaf by leaf as mapped: after mapping it, or before unmapping it.
 */
static void account_direct_map(phys_addr_t start, phys_addr_t end, int sign)
{
	while (start < end) {
		int level;
		pgentry_t *e = lookup_address((unsigned long)__va(start), &level);
		unsigned long step;

		if (!e)
			break;
		step = pg_level_size(level) - (start & (pg_level_size(level) - 1));
		direct_map_bytes[level] += sign * (long)min_t(phys_addr_t, step,
							      end - start);
		start += step;
	}
}

/**
 * arch_map_direct - add [@start, @end) of RAM to the direct map
 *
 * Used at boot and by memory hot-add. Large pages where alignment allows.
 * Return: 0 or the error of kernel_map_range().
 */
int arch_map_direct(phys_addr_t start, phys_addr_t end)
{
	int ret = kernel_map_range((unsigned long)__va(start), start, end - start,
				   PAGE_KERNEL, KMAP_LARGE);

	if (!ret && direct_map_ready)
		account_direct_map(start, end, 1);
	return ret;
}

void direct_map_sizes(unsigned long bytes[4])
{
	memcpy(bytes, direct_map_bytes, sizeof(direct_map_bytes));
}

/**
 * init_mem_mapping - switch from the early tables to Tide's own
 *
 * Maps the kernel image with per-section permissions (text RX, rodata R,
 * data and bss RW, all but text NX) and every memblock RAM region in the
 * direct map, then loads CR3. The first-GiB identity map is gone after.
 */
void init_mem_mapping(void)
{
	struct memblock_region *r;
	phys_addr_t pml4;

	memblock_set_current_limit(SZ_1G);
	pml4 = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0, SZ_1G);
	if (!pml4)
		panic("%s: no memory for the PML4", __func__);
	kernel_pml4 = boot_phys_to_virt(pml4);
	memset(kernel_pml4, 0, PAGE_SIZE);

	map_or_panic((unsigned long)_text, __pa_symbol(_text),
		     PAGE_ALIGN((unsigned long)_etext) - (unsigned long)_text,
		     PAGE_KERNEL_RX, 0);
	map_or_panic((unsigned long)__start_rodata, __pa_symbol(__start_rodata),
		     PAGE_ALIGN((unsigned long)__end_rodata) - (unsigned long)__start_rodata,
		     PAGE_KERNEL_RO, 0);
	map_or_panic((unsigned long)_sdata, __pa_symbol(_sdata),
		     PAGE_ALIGN((unsigned long)_end) - (unsigned long)_sdata,
		     PAGE_KERNEL, 0);

	for_each_mem_region(r) {
		if (r->flags & MEMBLOCK_NOMAP)
			continue;
		if (arch_map_direct(r->base, memblock_region_end(r)))
			panic("%s: cannot map RAM %#llx-%#llx", __func__, r->base,
			      memblock_region_end(r));
	}

	write_cr4(read_cr4() | X86_CR4_PGE);
	write_cr3(pml4);
	direct_map_ready = true;
	kernel_pml4 = __va(pml4);
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	for_each_mem_region(r)
		if (!(r->flags & MEMBLOCK_NOMAP))
			account_direct_map(r->base, memblock_region_end(r), 1);
	pr_info("x86/mm: direct map %lluM in 1G:%luM 2M:%luM 4k:%luK\n",
		memblock_phys_mem_size() >> 20, direct_map_bytes[PG_LEVEL_1G] >> 20,
		direct_map_bytes[PG_LEVEL_2M] >> 20, direct_map_bytes[PG_LEVEL_4K] >> 10);
}

/* Marks the 2 MiB at @pa as the memmap mapped at @va (see below). */
static void vmemmap_block_label(phys_addr_t pa, unsigned long va)
{
	struct page *page = phys_to_page(pa);
	unsigned long i;

	for (i = 0; i < PMD_SIZE / PAGE_SIZE; i++) {
		page[i].type = PGTY_MEMMAP;
		page[i].virtual = va + i * PAGE_SIZE;
	}
}

/*
 * 2 MiB of memory for the memmap at @va, preferably on @nid: from
 * memblock at boot (labelled later, once the memmap exists: see
 * vmemmap_label_boot_blocks()), from the buddy allocator later. Returns
 * PHYS_ADDR_MAX if none.
 */
static phys_addr_t vmemmap_alloc_block(int nid, unsigned long va)
{
	struct page *page;

	if (!page_alloc_ready()) {
		phys_addr_t pa = memblock_phys_alloc_try_nid(PMD_SIZE, PMD_SIZE, nid);

		return pa ? pa : PHYS_ADDR_MAX;
	}
	page = __alloc_pages(GFP_KERNEL | __GFP_NOWARN, PMD_SHIFT - PAGE_SHIFT, nid);
	if (!page)
		return PHYS_ADDR_MAX;
	vmemmap_block_label(page_to_phys(page), va);
	return page_to_phys(page);
}

static void vmemmap_free_block(phys_addr_t pa)
{
	struct page *page = phys_to_page(pa);
	unsigned long i;

	if (!page_alloc_ready()) {
		memblock_phys_free(pa, PMD_SIZE);
		return;
	}
	for (i = 0; i < PMD_SIZE / PAGE_SIZE; i++) {
		page[i].type = PGTY_NONE;
		page[i].virtual = 0;
	}
	if (PageReserved(page)) {
		for (i = 0; i < PMD_SIZE / PAGE_SIZE; i++)
			free_reserved_page(page + i);
		return;
	}
	__free_pages(page, PMD_SHIFT - PAGE_SHIFT);
}

/*
 * Whether the vmemmap leaf at @va, mapping @pa, is backed by the very
 * memory it describes (memmap_on_memory): that block belongs to the
 * memory, which maps and unmaps it itself (arch_add_memory()), never to
 * this file. Such a block is the section's first 2 MiB and, unlike the
 * blocks this file allocates, its head does not name @va in ->virtual
 * (a block of ours may land there too once migrated).
 */
static bool vmemmap_leaf_self_hosted(unsigned long va, phys_addr_t pa)
{
	unsigned long first = (va - VMEMMAP_START) / sizeof(struct page);

	return PHYS_PFN(pa) == first && page_alloc_ready() &&
	       phys_to_page(pa)->virtual != va;
}

/**
 * vmemmap_populate - back [@start, @end) of the vmemmap with memory
 * @start: first vmemmap address
 * @end: end address; both are widened to whole 2 MiB leaves
 * @nid: the node to take the memory from, preferably
 *
 * Whole 2 MiB leaves (one section's memmap each). Checks first: a range
 * that is wholly backed already (a memmap kept in the memory itself) is
 * left as it is, and one that is partly backed is refused, so that on a
 * failure half-way every leaf from @start up to the failure is this
 * call's own and is freed again, and nothing mapped before is touched.
 *
 * Return: 0; -EEXIST for a partly backed range; -ENOMEM.
 */
int vmemmap_populate(unsigned long start, unsigned long end, int nid)
{
	unsigned long va, backed = 0;
	int level;

	start = ALIGN_DOWN(start, PMD_SIZE);
	end = ALIGN(end, PMD_SIZE);
	for (va = start; va < end; va += PMD_SIZE)
		backed += !!lookup_address(va, &level);
	if (backed == (end - start) / PMD_SIZE)
		return 0;
	if (backed)
		return -EEXIST;
	for (va = start; va < end; va += PMD_SIZE) {
		phys_addr_t pa = vmemmap_alloc_block(nid, va);

		if (pa == PHYS_ADDR_MAX ||
		    kernel_map_range(va, pa, PMD_SIZE, PAGE_KERNEL,
				     KMAP_LARGE | KMAP_NO_1G)) {
			if (pa != PHYS_ADDR_MAX)
				vmemmap_free_block(pa);
			if (va > start)
				vmemmap_free(start, va);
			return -ENOMEM;
		}
	}
	return 0;
}

/**
 * vmemmap_free - unmap [@start, @end) of the vmemmap and free its memory
 *
 * Leaves backed by the memory they describe are not this file's and are
 * left alone (see vmemmap_leaf_self_hosted()).
 */
void vmemmap_free(unsigned long start, unsigned long end)
{
	unsigned long va;
	int level;

	start = ALIGN_DOWN(start, PMD_SIZE);
	end = ALIGN(end, PMD_SIZE);
	for (va = start; va < end; va += PMD_SIZE) {
		pgentry_t *e = lookup_address(va, &level);
		phys_addr_t pa;

		if (!e)
			continue;
		pa = pgentry_addr(*e);
		if (vmemmap_leaf_self_hosted(va, pa))
			continue;
		kernel_unmap_range(va, PMD_SIZE);
		vmemmap_free_block(pa);
	}
}

/* The vmemmap address of the memmap of the section starting at @pfn. */
static unsigned long section_memmap_va(unsigned long pfn)
{
	return (unsigned long)pfn_to_page(pfn);
}

/* Whether the section at @pfn backs its own memmap (memmap_on_memory). */
static bool memmap_self_hosted(unsigned long pfn)
{
	unsigned long va = section_memmap_va(pfn);
	int level;
	pgentry_t *e = lookup_address(va, &level);

	return e && level == PG_LEVEL_2M &&
	       vmemmap_leaf_self_hosted(va, pgentry_addr(*e));
}

/*
 * A memmap block moves like any kernel-mapped page: its one mapping, a
 * 2 MiB vmemmap leaf, is pointed at a copy. Every block is labelled
 * PGTY_MEMMAP on all its 512 struct pages, each page's ->virtual being
 * the vmemmap address it backs, so that the head names its leaf. A block
 * kept in the memory it describes (memmap_on_memory) never moves: it
 * leaves with that memory.
 */

/*
 * Whether @page could head a memmap block that may move. Unlocked. A
 * self-hosted block's pages are PGTY_MEMMAP too (memory_hotplug.c) but
 * have no ->virtual.
 */
static bool memmap_block_movable(const struct page *page)
{
	unsigned long va = READ_ONCE(page->virtual);

	return READ_ONCE(page->type) == PGTY_MEMMAP &&
	       IS_ALIGNED(page_to_pfn(page), PMD_SIZE / PAGE_SIZE) &&
	       va >= VMEMMAP_START && va < VMEMMAP_END &&
	       IS_ALIGNED(va, PMD_SIZE);
}

static unsigned int memmap_block_order(const struct page *page)
{
	return PMD_SHIFT - PAGE_SHIFT;
}

/*
 * Stopped machine, the runner CPU. Nobody else writes a struct page
 * during the stop, and this function's own writes (labelling @new, whose
 * struct pages may live in the very block being moved) all come before
 * the copy, so the copy is complete; from the switch on the runner's
 * writes reach the copy, and migrate.c flushes the other CPUs.
 */
static int memmap_block_move(struct page *old, struct page *new)
{
	unsigned long va = old->virtual;
	pgentry_t *e;
	int level;

	if (!memmap_block_movable(old))
		return -EBUSY;
	e = lookup_address(va, &level);
	if (!e || level != PG_LEVEL_2M || pgentry_addr(*e) != page_to_phys(old))
		return -EAGAIN;		/* being mapped or unmapped */
	vmemmap_block_label(page_to_phys(new), va);
	memcpy(__va(page_to_phys(new)), __va(page_to_phys(old)), PMD_SIZE);
	WRITE_ONCE(*e, mk_leaf(page_to_phys(new), pgentry_prot(*e),
			       PG_LEVEL_2M));
	invlpg(va);
	return 0;
}

static const struct kernel_page_mover memmap_block_mover = {
	.name = "memmap",
	.movable = memmap_block_movable,
	.order = memmap_block_order,
	.move = memmap_block_move,
};

/*
 * Boot memmap blocks came from memblock before any struct page existed:
 * label them now (they stay PG_reserved and go to the allocator with
 * free_reserved_page() once moved or freed), and let them move.
 */
static int __init vmemmap_label_boot_blocks(void)
{
	unsigned long nr, n = 0;

	for_each_valid_section(nr) {
		unsigned long va = section_memmap_va(section_nr_to_pfn(nr));
		pgentry_t *e;
		phys_addr_t pa;
		int level;

		e = lookup_address(va, &level);
		if (!e || level != PG_LEVEL_2M)
			continue;
		pa = pgentry_addr(*e);
		/*
		 * No boot block is self-hosted (memmap_on_memory is for
		 * hot-add), though one may start its own section.
		 */
		if (!pfn_valid(PHYS_PFN(pa)))
			continue;
		if (phys_to_page(pa)->type != PGTY_NONE)
			continue;
		vmemmap_block_label(pa, va);
		n++;
	}
	register_kernel_page_mover(PGTY_MEMMAP, &memmap_block_mover);
	pr_info("x86/mm: %lu boot memmap blocks movable\n", n);
	return 0;
}
arch_initcall(vmemmap_label_boot_blocks);

/*
 * Maps the memmap of the section at @pfn onto the section's own first
 * 2 MiB; sparse_add_section() then finds it backed and leaves it be.
 */
static int memmap_map_self(unsigned long pfn)
{
	BUILD_BUG_ON(MHP_VMEMMAP_PAGES * PAGE_SIZE != PMD_SIZE);
	return kernel_map_range(section_memmap_va(pfn), PFN_PHYS(pfn), PMD_SIZE,
				PAGE_KERNEL, KMAP_LARGE | KMAP_NO_1G);
}

/*
 * Frees the memmap of [@start_pfn, @end_pfn): self-hosted leaves are
 * unmapped first (that memory is not the allocator's to take back), so
 * that __remove_pages() frees only memmap that came from elsewhere.
 */
static void remove_sections(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn += PAGES_PER_SECTION)
		if (memmap_self_hosted(pfn))
			kernel_unmap_range(section_memmap_va(pfn), PMD_SIZE);
	__remove_pages(start_pfn, end_pfn - start_pfn);
}

/**
 * arch_add_memory - direct map and memmap for a hot-added range
 * @nid: the range's node (its memmap is allocated there if possible)
 * @start: first physical address, section aligned
 * @size: a multiple of the section size
 * @params: memmap_on_memory: back each section's memmap with the
 *	section's own first 2 MiB instead of allocating it
 *
 * Hotplug lock held. Maps the range in the direct map with the largest
 * leaves alignment allows, then __add_pages(). Does not touch the memory
 * itself unless the memmap lives in it. On failure nothing stays mapped.
 *
 * Return: 0, -EEXIST if part of the range is mapped already, or -ENOMEM
 * (or __add_pages()'s error).
 */
int arch_add_memory(int nid, u64 start, u64 size, const struct mhp_params *params)
{
	unsigned long start_pfn = PHYS_PFN(start), end_pfn = PHYS_PFN(start + size);
	unsigned long sec_pfn = start_pfn;
	int ret;

	ret = arch_map_direct(start, start + size);
	if (ret)
		return ret;
	if (!params->memmap_on_memory) {
		ret = __add_pages(nid, start_pfn, end_pfn - start_pfn, params);
		if (ret)
			goto out_unmap_direct;
		return 0;
	}
	/* A section at a time, so that a failure knows what to undo. */
	for (; sec_pfn < end_pfn; sec_pfn += PAGES_PER_SECTION) {
		ret = memmap_map_self(sec_pfn);
		if (ret)
			goto out_remove_sections;
		ret = __add_pages(nid, sec_pfn, PAGES_PER_SECTION, params);
		if (ret) {
			kernel_unmap_range(section_memmap_va(sec_pfn), PMD_SIZE);
			goto out_remove_sections;
		}
	}
	return 0;

out_remove_sections:
	if (sec_pfn > start_pfn)
		remove_sections(start_pfn, sec_pfn);
out_unmap_direct:
	account_direct_map(start, start + size, -1);
	kernel_unmap_range((unsigned long)__va(start), size);
	return ret;
}

/**
 * arch_remove_memory - undo arch_add_memory()
 * @start: first physical address of the range
 * @size: its length
 *
 * Hotplug lock held; no page of the range is online or in use. Frees the
 * memmap (__remove_pages(); a memmap held in the range itself is only
 * unmapped), then unmaps the direct map, which frees the page tables that
 * empties and flushes the TLB. Return: nothing.
 */
void arch_remove_memory(u64 start, u64 size)
{
	remove_sections(PHYS_PFN(start), PHYS_PFN(start + size));
	account_direct_map(start, start + size, -1);
	kernel_unmap_range((unsigned long)__va(start), size);
}
