// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel page-table editing (arch/x86/mm/pgtable.c) and for the
 * permissions init_64.c gives the kernel image and the direct map.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <kunit/test.h>

/*
 * A 64 GiB window nobody else maps: the kernel heap sub-range of order 15,
 * which kheap never uses (KHEAP_MAX_ORDER is 10). 1 GiB aligned.
 */
#define SCRATCH_BASE	(KHEAP_START + 15 * (1UL << KHEAP_ORDER_SHIFT))
#define SCRATCH_SIZE	(1UL << KHEAP_ORDER_SHIFT)

/* Physical memory for 1 GiB leaves; mapped but never touched. */
#define UNTOUCHED_PA	((phys_addr_t)PUD_SIZE)

/* "jmp *%rax": what the exec probe places in the page it jumps to. */
static const u8 jmp_rax[] = { 0xff, 0xe0 };

/* Only read, and written through the write probe (which must fault). */
static const u64 pgtable_ro_word = 0x5ca1ab1e0ddba11ULL;

/* In .data: the exec probe must fault here. */
static u8 pgtable_data_buf[64] __aligned(64) = { 1 };

static void free_page_action(void *page)
{
	__free_page(page);
}

static void free_2m_action(void *page)
{
	__free_pages(page, PMD_SHIFT - PAGE_SHIFT);
}

/* A page (order 0) or a 2 MiB block (order 9), freed when the case ends. */
static struct page *scratch_pages(struct kunit *test, unsigned int order)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_EQ(test,
			kunit_add_action_or_reset(test, order ? free_2m_action :
						  free_page_action, page), 0);
	return page;
}

/* Whatever a case left in the window goes before its pages are freed. */
static void pgtable_test_exit(struct kunit *test)
{
	kernel_unmap_range(SCRATCH_BASE, SCRATCH_SIZE);
}

/* The leaf entry mapping @va, checked to exist at @want_level. */
static pgentry_t *expect_leaf(struct kunit *test, unsigned long va,
			      int want_level)
{
	int level = 0;
	pgentry_t *e = lookup_address(va, &level);

	KUNIT_EXPECT_NOT_NULL_MSG(test, e, "va %#lx", va);
	if (e)
		KUNIT_EXPECT_EQ_MSG(test, level, want_level, "va %#lx", va);
	return e;
}

static void pgtable_map_4k(struct kunit *test)
{
	struct page *rw = scratch_pages(test, 0), *ro = scratch_pages(test, 0);
	unsigned long va = SCRATCH_BASE;
	pgentry_t *e;
	int level;

	KUNIT_ASSERT_EQ(test, kernel_map_range(va, page_to_phys(rw), PAGE_SIZE,
					       PAGE_KERNEL, 0), 0);
	KUNIT_ASSERT_EQ(test, kernel_map_range(va + PAGE_SIZE, page_to_phys(ro),
					       PAGE_SIZE, PAGE_KERNEL_RO, 0), 0);

	e = expect_leaf(test, va, PG_LEVEL_4K);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, pgentry_addr(*e), page_to_phys(rw));
	KUNIT_EXPECT_EQ(test, pgentry_prot(*e), PAGE_KERNEL);
	KUNIT_EXPECT_FALSE(test, *e & _PAGE_PSE);

	e = expect_leaf(test, va + PAGE_SIZE, PG_LEVEL_4K);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, pgentry_addr(*e), page_to_phys(ro));
	KUNIT_EXPECT_EQ(test, pgentry_prot(*e), PAGE_KERNEL_RO);

	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va + 0x123),
			page_to_phys(rw) + 0x123);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va + PAGE_SIZE + 0xfff),
			page_to_phys(ro) + 0xfff);
	/* Nothing beyond the two pages. */
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va + 2 * PAGE_SIZE),
			PHYS_ADDR_MAX);

	kernel_unmap_range(va, 2 * PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, lookup_address(va, &level));
	KUNIT_EXPECT_NULL(test, lookup_address(va + PAGE_SIZE, &level));
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va), PHYS_ADDR_MAX);
}

/* A 2 MiB aligned range with KMAP_LARGE is one level-2 leaf; without, 512 PTEs. */
static void pgtable_map_2m(struct kunit *test)
{
	struct page *block = scratch_pages(test, PMD_SHIFT - PAGE_SHIFT);
	phys_addr_t pa = page_to_phys(block);
	unsigned long va = SCRATCH_BASE + PUD_SIZE, off;
	pgentry_t *e;
	int level;

	KUNIT_ASSERT_TRUE(test, IS_ALIGNED(pa, PMD_SIZE));
	KUNIT_ASSERT_EQ(test, kernel_map_range(va, pa, PMD_SIZE, PAGE_KERNEL,
					       KMAP_LARGE), 0);
	e = expect_leaf(test, va, PG_LEVEL_2M);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_TRUE(test, *e & _PAGE_PSE);
	KUNIT_EXPECT_EQ(test, pgentry_addr(*e), pa);
	KUNIT_EXPECT_EQ(test, pgentry_prot(*e), PAGE_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, lookup_address(va + PMD_SIZE - 1, &level), e);
	kernel_unmap_range(va, PMD_SIZE);

	/* The same range without KMAP_LARGE: 4 KiB leaves throughout. */
	KUNIT_ASSERT_EQ(test, kernel_map_range(va, pa, PMD_SIZE, PAGE_KERNEL, 0), 0);
	for (off = 0; off < PMD_SIZE; off += PAGE_SIZE) {
		e = expect_leaf(test, va + off, PG_LEVEL_4K);
		if (!e || pgentry_addr(*e) != pa + off) {
			KUNIT_FAIL(test, "no 4K leaf for %#lx -> %#llx", va + off,
				   (unsigned long long)(pa + off));
			break;
		}
	}
	kernel_unmap_range(va, PMD_SIZE);
}

/* 1 GiB aligned with KMAP_LARGE: a level-3 leaf. The memory is not touched. */
static void pgtable_map_1g(struct kunit *test)
{
	unsigned long va = SCRATCH_BASE + 2 * PUD_SIZE;
	unsigned long before = pgtable_pages_in_use();
	bool had_pdpt = pgentry_present(kernel_pml4[pg_index(va, PG_LEVEL_PML4)]);
	pgentry_t *e;

	KUNIT_ASSERT_EQ(test, kernel_map_range(va, UNTOUCHED_PA, PUD_SIZE,
					       PAGE_KERNEL, KMAP_LARGE), 0);
	e = expect_leaf(test, va, PG_LEVEL_1G);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_TRUE(test, *e & _PAGE_PSE);
	KUNIT_EXPECT_EQ(test, pgentry_addr(*e), UNTOUCHED_PA);
	KUNIT_EXPECT_EQ(test, pgentry_prot(*e), PAGE_KERNEL);
	/* No PD or PT below a 1 GiB leaf; only the PDPT may be new. */
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before + !had_pdpt);
	kernel_unmap_range(va, PUD_SIZE);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before);
}

/* KMAP_NO_1G: the same 1 GiB range becomes 512 level-2 leaves in one PD. */
static void pgtable_map_no_1g(struct kunit *test)
{
	unsigned long va = SCRATCH_BASE + 3 * PUD_SIZE, off;
	unsigned long before = pgtable_pages_in_use();
	bool had_pdpt = pgentry_present(kernel_pml4[pg_index(va, PG_LEVEL_PML4)]);

	KUNIT_ASSERT_EQ(test, kernel_map_range(va, UNTOUCHED_PA, PUD_SIZE,
					       PAGE_KERNEL,
					       KMAP_LARGE | KMAP_NO_1G), 0);
	for (off = 0; off < PUD_SIZE; off += PMD_SIZE) {
		pgentry_t *e = expect_leaf(test, va + off, PG_LEVEL_2M);

		if (!e || pgentry_addr(*e) != UNTOUCHED_PA + off) {
			KUNIT_FAIL(test, "no 2M leaf for %#lx", va + off);
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before + 1 + !had_pdpt);
	kernel_unmap_range(va, PUD_SIZE);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before);
}

/* Large leaves only where both addresses are aligned to the leaf size. */
static void pgtable_map_large_needs_alignment(struct kunit *test)
{
	unsigned long va = SCRATCH_BASE + 4 * PUD_SIZE;
	pgentry_t *e;

	/* pa 4 KiB off a 2 MiB boundary: no 2 MiB leaf is possible. */
	KUNIT_ASSERT_EQ(test, kernel_map_range(va, UNTOUCHED_PA + PAGE_SIZE,
					       PMD_SIZE, PAGE_KERNEL,
					       KMAP_LARGE), 0);
	e = expect_leaf(test, va, PG_LEVEL_4K);
	if (e)
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), UNTOUCHED_PA + PAGE_SIZE);
	kernel_unmap_range(va, PMD_SIZE);

	/* 2 MiB + 4 KiB from a 2 MiB boundary: one 2M leaf, then one 4K leaf. */
	KUNIT_ASSERT_EQ(test, kernel_map_range(va, UNTOUCHED_PA,
					       PMD_SIZE + PAGE_SIZE,
					       PAGE_KERNEL, KMAP_LARGE), 0);
	expect_leaf(test, va, PG_LEVEL_2M);
	e = expect_leaf(test, va + PMD_SIZE, PG_LEVEL_4K);
	if (e)
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), UNTOUCHED_PA + PMD_SIZE);
	kernel_unmap_range(va, PMD_SIZE + PAGE_SIZE);
}

static void pgtable_unaligned_einval(struct kunit *test)
{
	unsigned long va = SCRATCH_BASE, before = pgtable_pages_in_use();
	phys_addr_t pa = page_to_phys(scratch_pages(test, 0));
	int level;

	KUNIT_EXPECT_EQ(test, kernel_map_range(va + 8, pa, PAGE_SIZE,
					       PAGE_KERNEL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_map_range(va, pa + 8, PAGE_SIZE,
					       PAGE_KERNEL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_map_range(va, pa, PAGE_SIZE + 8,
					       PAGE_KERNEL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_map_range(va, pa, 0, PAGE_KERNEL, 0),
			-EINVAL);
	KUNIT_EXPECT_NULL(test, lookup_address(va, &level));
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before);
}

/*
 * Mapping over a mapping fails with -EEXIST and warns, leaves the old
 * mapping alone and undoes whatever part of the new one it had mapped.
 */
static void pgtable_overlap_eexist(struct kunit *test)
{
	unsigned long va = SCRATCH_BASE + 5 * PUD_SIZE;
	phys_addr_t a = page_to_phys(scratch_pages(test, 0));
	phys_addr_t b = page_to_phys(scratch_pages(test, 0));
	unsigned long before = pgtable_pages_in_use();
	pgentry_t *e;
	int level, ret;

	KUNIT_ASSERT_EQ(test, kernel_map_range(va + PAGE_SIZE, a, PAGE_SIZE,
					       PAGE_KERNEL, 0), 0);
	/* Exactly over it. */
	KUNIT_EXPECT_WARN(test, ret = kernel_map_range(va + PAGE_SIZE, b,
							 PAGE_SIZE, PAGE_KERNEL, 0));
	KUNIT_EXPECT_EQ(test, ret, -EEXIST);
	/* Starting one page below: that page must not stay mapped. */
	KUNIT_EXPECT_WARN(test, ret = kernel_map_range(va, b,
							 2 * PAGE_SIZE, PAGE_KERNEL, 0));
	KUNIT_EXPECT_EQ(test, ret, -EEXIST);
	KUNIT_EXPECT_NULL(test, lookup_address(va, &level));
	/* A 2 MiB leaf over the 2 MiB holding it. */
	KUNIT_EXPECT_WARN(test, ret = kernel_map_range(va, UNTOUCHED_PA,
							 PMD_SIZE, PAGE_KERNEL, KMAP_LARGE));
	KUNIT_EXPECT_EQ(test, ret, -EEXIST);
	e = expect_leaf(test, va + PAGE_SIZE, PG_LEVEL_4K);
	if (e)
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), a);
	kernel_unmap_range(va, PMD_SIZE);

	/* A 4 KiB page inside a 2 MiB leaf. */
	KUNIT_ASSERT_EQ(test, kernel_map_range(va, UNTOUCHED_PA, PMD_SIZE,
					       PAGE_KERNEL, KMAP_LARGE), 0);
	KUNIT_EXPECT_WARN(test, ret = kernel_map_range(va + 3 * PAGE_SIZE, b,
							 PAGE_SIZE, PAGE_KERNEL, 0));
	KUNIT_EXPECT_EQ(test, ret, -EEXIST);
	e = expect_leaf(test, va + 3 * PAGE_SIZE, PG_LEVEL_2M);
	if (e)
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), UNTOUCHED_PA);
	kernel_unmap_range(va, PMD_SIZE);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before);
}

/* kernel_virt_to_phys() keeps the offset within 2 MiB and 1 GiB leaves. */
static void pgtable_virt_to_phys_large(struct kunit *test)
{
	unsigned long va2m = SCRATCH_BASE + 6 * PUD_SIZE;
	unsigned long va1g = SCRATCH_BASE + 7 * PUD_SIZE;

	KUNIT_ASSERT_EQ(test, kernel_map_range(va2m, UNTOUCHED_PA + PMD_SIZE,
					       PMD_SIZE, PAGE_KERNEL,
					       KMAP_LARGE), 0);
	KUNIT_ASSERT_EQ(test, kernel_map_range(va1g, UNTOUCHED_PA, PUD_SIZE,
					       PAGE_KERNEL, KMAP_LARGE), 0);
	expect_leaf(test, va2m, PG_LEVEL_2M);
	expect_leaf(test, va1g, PG_LEVEL_1G);

	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va2m),
			UNTOUCHED_PA + PMD_SIZE);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va2m + 0x12345),
			UNTOUCHED_PA + PMD_SIZE + 0x12345);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va2m + PMD_SIZE - 1),
			UNTOUCHED_PA + 2 * PMD_SIZE - 1);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va1g + 0x2345678),
			UNTOUCHED_PA + 0x2345678);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va1g + PUD_SIZE - 1),
			UNTOUCHED_PA + PUD_SIZE - 1);
	kernel_unmap_range(va2m, PMD_SIZE);
	kernel_unmap_range(va1g, PUD_SIZE);
}

/*
 * Unmapping one page of a 2 MiB leaf splits it: the page is gone, the
 * other 511 stay mapped to the same memory with the same protection.
 */
static void pgtable_split_2m(struct kunit *test)
{
	struct page *block = scratch_pages(test, PMD_SHIFT - PAGE_SHIFT);
	phys_addr_t pa = page_to_phys(block);
	unsigned long va = SCRATCH_BASE + 8 * PUD_SIZE, off;
	unsigned long hole = 5 * PAGE_SIZE;
	unsigned long before = pgtable_pages_in_use(), mapped;
	u8 *p = (u8 *)va;
	int level;

	KUNIT_ASSERT_EQ(test, kernel_map_range(va, pa, PMD_SIZE, PAGE_KERNEL,
					       KMAP_LARGE), 0);
	expect_leaf(test, va, PG_LEVEL_2M);
	mapped = pgtable_pages_in_use();
	for (off = 0; off < PMD_SIZE; off += PAGE_SIZE)
		p[off] = off >> PAGE_SHIFT;

	kernel_unmap_range(va + hole, PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, lookup_address(va + hole, &level));
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va + hole), PHYS_ADDR_MAX);
	for (off = 0; off < PMD_SIZE; off += PAGE_SIZE) {
		pgentry_t *e;

		if (off == hole)
			continue;
		e = expect_leaf(test, va + off, PG_LEVEL_4K);
		if (!e || pgentry_addr(*e) != pa + off ||
		    pgentry_prot(*e) != PAGE_KERNEL || p[off] != (u8)(off >> PAGE_SHIFT)) {
			KUNIT_FAIL(test, "page at +%#lx: entry %#llx, pa %#llx",
				   off, e ? (unsigned long long)*e : 0ULL,
				   (unsigned long long)(pa + off));
			break;
		}
	}
	/* One new PT replaced the leaf. */
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), mapped + 1);
	kernel_unmap_range(va, PMD_SIZE);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before);
}

/* Unmapping 4 KiB out of a 1 GiB leaf splits twice: to 2M, then to 4K. */
static void pgtable_split_1g(struct kunit *test)
{
	unsigned long va = SCRATCH_BASE + 9 * PUD_SIZE;
	unsigned long hole = PMD_SIZE + PAGE_SIZE;
	pgentry_t *e;
	int level;

	KUNIT_ASSERT_EQ(test, kernel_map_range(va, UNTOUCHED_PA, PUD_SIZE,
					       PAGE_KERNEL_RO, KMAP_LARGE), 0);
	kernel_unmap_range(va + hole, PAGE_SIZE);

	KUNIT_EXPECT_NULL(test, lookup_address(va + hole, &level));
	e = expect_leaf(test, va, PG_LEVEL_2M);
	if (e) {
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), UNTOUCHED_PA);
		KUNIT_EXPECT_EQ(test, pgentry_prot(*e), PAGE_KERNEL_RO);
	}
	e = expect_leaf(test, va + PMD_SIZE, PG_LEVEL_4K);
	if (e)
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), UNTOUCHED_PA + PMD_SIZE);
	e = expect_leaf(test, va + hole + PAGE_SIZE, PG_LEVEL_4K);
	if (e) {
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e),
				UNTOUCHED_PA + hole + PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, pgentry_prot(*e), PAGE_KERNEL_RO);
	}
	e = expect_leaf(test, va + PUD_SIZE - PMD_SIZE, PG_LEVEL_2M);
	if (e)
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e),
				UNTOUCHED_PA + PUD_SIZE - PMD_SIZE);
	kernel_unmap_range(va, PUD_SIZE);
}

/* Unmapping everything frees every page table the mappings needed. */
static void pgtable_unmap_frees_tables(struct kunit *test)
{
	unsigned long va = SCRATCH_BASE;
	bool had_pdpt = pgentry_present(kernel_pml4[pg_index(va, PG_LEVEL_PML4)]);
	phys_addr_t pa = page_to_phys(scratch_pages(test, 0));
	unsigned long before = pgtable_pages_in_use();
	pgentry_t *e;
	int level;

	KUNIT_ASSERT_EQ(test, kernel_map_range(va, pa, PAGE_SIZE,
					       PAGE_KERNEL, 0), 0);
	KUNIT_ASSERT_EQ(test, kernel_map_range(va + PUD_SIZE + PMD_SIZE, pa,
					       PAGE_SIZE, PAGE_KERNEL, 0), 0);
	KUNIT_ASSERT_EQ(test, kernel_map_range(va + 2 * PUD_SIZE, UNTOUCHED_PA,
					       PMD_SIZE, PAGE_KERNEL,
					       KMAP_LARGE), 0);
	KUNIT_ASSERT_EQ(test, kernel_map_range(va + 3 * PUD_SIZE, UNTOUCHED_PA,
					       PUD_SIZE, PAGE_KERNEL,
					       KMAP_LARGE), 0);
	/* PD+PT, PD+PT, PD, nothing; and the PDPT if there was none. */
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before + 5 + !had_pdpt);

	/* Over holes, whole leaves and part of the 1 GiB leaf (split). */
	kernel_unmap_range(va, 3 * PUD_SIZE + PMD_SIZE);
	KUNIT_EXPECT_NULL(test, lookup_address(va + 3 * PUD_SIZE, &level));
	e = expect_leaf(test, va + 3 * PUD_SIZE + PMD_SIZE, PG_LEVEL_2M);
	if (e)
		KUNIT_EXPECT_EQ(test, pgentry_addr(*e), UNTOUCHED_PA + PMD_SIZE);
	kernel_unmap_range(va, 4 * PUD_SIZE);
	KUNIT_EXPECT_NULL(test, lookup_address(va, &level));
	KUNIT_EXPECT_NULL(test, lookup_address(va + 3 * PUD_SIZE, &level));
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), before);
}

/* A test mapping and the direct map reach the same memory. */
static void pgtable_data_visible_in_direct_map(struct kunit *test)
{
	struct page *page = scratch_pages(test, 0);
	u64 *dm = __va(page_to_phys(page));
	u64 *vm = (u64 *)SCRATCH_BASE;

	KUNIT_ASSERT_EQ(test, kernel_map_range(SCRATCH_BASE, page_to_phys(page),
					       PAGE_SIZE, PAGE_KERNEL, 0), 0);
	WRITE_ONCE(vm[0], 0x1122334455667788ULL);
	WRITE_ONCE(vm[511], 0x8877665544332211ULL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(dm[0]), 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(dm[511]), 0x8877665544332211ULL);
	WRITE_ONCE(dm[7], 0xfeedfacecafebeefULL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(vm[7]), 0xfeedfacecafebeefULL);
	kernel_unmap_range(SCRATCH_BASE, PAGE_SIZE);
	/* The memory outlives the mapping. */
	KUNIT_EXPECT_EQ(test, dm[0], 0x1122334455667788ULL);
}

/* Checks every page of [@start, @end) is mapped with the given rights. */
static void expect_image_range(struct kunit *test, const char *what,
			       unsigned long start, unsigned long end,
			       bool writable, bool exec)
{
	unsigned long va;

	KUNIT_ASSERT_LT(test, start, end);
	for (va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
		int level;
		pgentry_t *e = lookup_address(va, &level);

		if (!e) {
			KUNIT_FAIL(test, "%s: %#lx is not mapped", what, va);
			return;
		}
		if (pgentry_writable(*e) != writable || pgentry_exec(*e) != exec) {
			KUNIT_FAIL(test, "%s: %#lx is %s%s, expected %s%s", what,
				   va, pgentry_writable(*e) ? "RW" : "RO",
				   pgentry_exec(*e) ? "X" : "NX",
				   writable ? "RW" : "RO", exec ? "X" : "NX");
			return;
		}
		if (kernel_virt_to_phys(va) != __pa_symbol(va)) {
			KUNIT_FAIL(test, "%s: %#lx maps %#llx", what, va,
				   (unsigned long long)kernel_virt_to_phys(va));
			return;
		}
	}
}

static void pgtable_kernel_text_rx(struct kunit *test)
{
	expect_image_range(test, "text", (unsigned long)_text,
			   (unsigned long)_etext, false, true);
}

static void pgtable_kernel_rodata_ro_nx(struct kunit *test)
{
	expect_image_range(test, "rodata", (unsigned long)__start_rodata,
			   (unsigned long)__end_rodata, false, false);
}

/* Data and bss are RW and NX, except the boot stack's guard page. */
static void pgtable_kernel_data_rw_nx(struct kunit *test)
{
	unsigned long guard = (unsigned long)boot_stack_guard;
	int level;

	expect_image_range(test, "data+bss", (unsigned long)_sdata, guard,
			   true, false);
	KUNIT_EXPECT_NULL(test, lookup_address(guard, &level));
	expect_image_range(test, "bss", guard + PAGE_SIZE, (unsigned long)_end,
			   true, false);
}

/* The boot stack's guard page faults; the stack's lowest byte does not. */
static void pgtable_boot_stack_guard_faults(struct kunit *test)
{
	unsigned long bottom = (unsigned long)boot_stack;
	struct fault_expect fe;

	KUNIT_EXPECT_EQ(test, (unsigned long)boot_stack_guard + PAGE_SIZE, bottom);
	KUNIT_EXPECT_TRUE(test, fault_probe_read(&fe, (void *)(bottom - 1)));
	KUNIT_EXPECT_EQ(test, fe.addr, bottom - 1);
	KUNIT_EXPECT_FALSE(test, fault_probe_read(&fe, (void *)bottom));
}

/* The CPU enforces read-only: a write to rodata faults (CR0.WP). */
static void pgtable_rodata_write_faults(struct kunit *test)
{
	const void *p = &pgtable_ro_word;
	struct fault_expect fe;

	KUNIT_ASSERT_TRUE(test, (char *)p >= __start_rodata &&
			  (char *)p < __end_rodata);
	KUNIT_EXPECT_FALSE(test, fault_probe_read(&fe, p));
	KUNIT_EXPECT_TRUE(test, fault_probe_write(&fe, p));
	KUNIT_EXPECT_EQ(test, fe.addr, (unsigned long)p);
	KUNIT_EXPECT_EQ(test, fe.error_code & (X86_PF_WRITE | X86_PF_PROT),
			X86_PF_WRITE | X86_PF_PROT);
	KUNIT_EXPECT_EQ(test, READ_ONCE(pgtable_ro_word), 0x5ca1ab1e0ddba11ULL);

	/* Text is read-only too. */
	KUNIT_EXPECT_TRUE(test, fault_probe_write(&fe, (void *)fault_probe_write));
	KUNIT_EXPECT_EQ(test, fe.error_code & (X86_PF_WRITE | X86_PF_PROT),
			X86_PF_WRITE | X86_PF_PROT);
	/* And data is writable. */
	KUNIT_EXPECT_FALSE(test, fault_probe_write(&fe, pgtable_data_buf));
}

/*
 * NX is enforced: the same code runs from a page mapped without NX, and
 * faults as an instruction fetch from data, a PAGE_KERNEL mapping and
 * the direct map.
 */
static void pgtable_nx_enforced(struct kunit *test)
{
	struct page *page = scratch_pages(test, 0);
	u8 *dm = __va(page_to_phys(page));
	struct fault_expect fe;

	memcpy(dm, jmp_rax, sizeof(jmp_rax));
	KUNIT_ASSERT_EQ(test, kernel_map_range(SCRATCH_BASE, page_to_phys(page),
					       PAGE_SIZE, PAGE_KERNEL_RX, 0), 0);
	KUNIT_EXPECT_FALSE(test, fault_probe_exec(&fe, (void *)SCRATCH_BASE));
	kernel_unmap_range(SCRATCH_BASE, PAGE_SIZE);

	KUNIT_ASSERT_EQ(test, kernel_map_range(SCRATCH_BASE, page_to_phys(page),
					       PAGE_SIZE, PAGE_KERNEL, 0), 0);
	KUNIT_EXPECT_TRUE(test, fault_probe_exec(&fe, (void *)SCRATCH_BASE));
	KUNIT_EXPECT_EQ(test, fe.addr, SCRATCH_BASE);
	KUNIT_EXPECT_EQ(test, fe.error_code & (X86_PF_INSTR | X86_PF_PROT),
			X86_PF_INSTR | X86_PF_PROT);
	kernel_unmap_range(SCRATCH_BASE, PAGE_SIZE);

	KUNIT_EXPECT_TRUE(test, fault_probe_exec(&fe, dm));
	KUNIT_EXPECT_EQ(test, fe.addr, (unsigned long)dm);
	KUNIT_EXPECT_TRUE(test, fe.error_code & X86_PF_INSTR);

	memcpy(pgtable_data_buf, jmp_rax, sizeof(jmp_rax));
	KUNIT_EXPECT_TRUE(test, fault_probe_exec(&fe, pgtable_data_buf));
	KUNIT_EXPECT_TRUE(test, fe.error_code & X86_PF_INSTR);
}

/* Every direct-map leaf over RAM is present, writable and NX. */
static void pgtable_direct_map_nx(struct kunit *test)
{
	struct memblock_region *r;
	unsigned long leaves = 0;

	for_each_mem_region(r) {
		phys_addr_t pa = r->base, end = memblock_region_end(r);

		if (r->flags & MEMBLOCK_NOMAP)
			continue;
		while (pa < end) {
			unsigned long va = (unsigned long)__va(pa);
			int level;
			pgentry_t *e = lookup_address(va, &level);

			if (!e) {
				KUNIT_FAIL(test, "RAM %#llx not in the direct map",
					   (unsigned long long)pa);
				return;
			}
			if (pgentry_exec(*e) || !pgentry_writable(*e) ||
			    kernel_virt_to_phys(va) != pa) {
				KUNIT_FAIL(test, "direct map of %#llx: entry %#llx",
					   (unsigned long long)pa,
					   (unsigned long long)*e);
				return;
			}
			leaves++;
			pa = ALIGN_DOWN(pa, pg_level_size(level)) +
			     pg_level_size(level);
		}
	}
	KUNIT_EXPECT_GT(test, leaves, 0);
}

static struct kunit_case pgtable_test_cases[] = {
	KUNIT_CASE(pgtable_map_4k),
	KUNIT_CASE(pgtable_map_2m),
	KUNIT_CASE(pgtable_map_1g),
	KUNIT_CASE(pgtable_map_no_1g),
	KUNIT_CASE(pgtable_map_large_needs_alignment),
	KUNIT_CASE(pgtable_unaligned_einval),
	KUNIT_CASE(pgtable_overlap_eexist),
	KUNIT_CASE(pgtable_virt_to_phys_large),
	KUNIT_CASE(pgtable_split_2m),
	KUNIT_CASE(pgtable_split_1g),
	KUNIT_CASE(pgtable_unmap_frees_tables),
	KUNIT_CASE(pgtable_data_visible_in_direct_map),
	KUNIT_CASE(pgtable_kernel_text_rx),
	KUNIT_CASE(pgtable_kernel_rodata_ro_nx),
	KUNIT_CASE(pgtable_kernel_data_rw_nx),
	KUNIT_CASE(pgtable_boot_stack_guard_faults),
	KUNIT_CASE(pgtable_rodata_write_faults),
	KUNIT_CASE(pgtable_nx_enforced),
	KUNIT_CASE(pgtable_direct_map_nx),
	{}
};

static struct kunit_suite pgtable_test_suite = {
	.name = "pgtable",
	.exit = pgtable_test_exit,
	.test_cases = pgtable_test_cases,
};
kunit_test_suite(pgtable_test_suite);
