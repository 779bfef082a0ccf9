// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for vmalloc, vmap and kernel stacks (mm/vmalloc.c): placement,
 * guard pages, page->virtual, accounting and failure paths.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <kunit/test.h>

static bool is_mapped(unsigned long va)
{
	int level;

	return lookup_address(va, &level);
}

/* Fills [@p, @p+@size) with a pattern of @seed; returns the bytes not kept. */
static size_t fill_and_check(u8 *p, size_t size, u8 seed)
{
	size_t i, bad = 0;

	for (i = 0; i < size; i++)
		p[i] = seed + i / PAGE_SIZE + i;
	for (i = 0; i < size; i++)
		bad += p[i] != (u8)(seed + i / PAGE_SIZE + i);
	return bad;
}

/* In the vmalloc range, page aligned, as many pages as asked, all writable. */
static void vmalloc_basic(struct kunit *test)
{
	static const unsigned long sizes[] = {
		1, PAGE_SIZE, 5 * PAGE_SIZE + 10, SZ_1M,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long size = sizes[i];
		u8 *p = vmalloc(size);
		unsigned long a = (unsigned long)p;
		struct vm_struct *vm;

		KUNIT_ASSERT_NOT_NULL_MSG(test, p, "size %lu", size);
		KUNIT_EXPECT_GE(test, a, VMALLOC_START);
		KUNIT_EXPECT_LE(test, a + PAGE_ALIGN(size), VMALLOC_END);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED(a, PAGE_SIZE));
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
		vm = find_vm_area(p);
		KUNIT_EXPECT_NOT_NULL(test, vm);
		if (vm)
			KUNIT_EXPECT_EQ(test, vm->nr_pages,
					PAGE_ALIGN(size) >> PAGE_SHIFT);
		KUNIT_EXPECT_EQ_MSG(test, fill_and_check(p, PAGE_ALIGN(size), i),
				    0, "size %lu", size);
		vfree(p);
		KUNIT_EXPECT_FALSE(test, is_mapped(a));
		KUNIT_EXPECT_NULL(test, find_vm_area(p));
	}
}

static void vmalloc_vzalloc_zeroes(struct kunit *test)
{
	unsigned long size = 8 * PAGE_SIZE, i, bad = 0;
	u8 *p = vmalloc(size);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xa5, size);
	vfree(p);
	p = vzalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < size; i++)
		bad += p[i] != 0;
	KUNIT_EXPECT_EQ(test, bad, 0);
	vfree(p);
}

/* Each page of an area knows its address, and holds what is written there. */
static void vmalloc_to_page_matches_virtual(struct kunit *test)
{
	unsigned long nr = 16, i, j;
	u8 *p = vmalloc(nr * PAGE_SIZE);
	struct page *pages[16];

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < nr; i++) {
		unsigned long va = (unsigned long)p + i * PAGE_SIZE;
		struct page *page = vmalloc_to_page((void *)(va + 123));

		pages[i] = page;
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page((void *)va), page);
		KUNIT_EXPECT_EQ(test, page->virtual, va);
		KUNIT_EXPECT_EQ(test, page->type, PGTY_VMALLOC);
		KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va + 5),
				page_to_phys(page) + 5);
		p[i * PAGE_SIZE + 7] = 0x40 + i;
		KUNIT_EXPECT_EQ(test, ((u8 *)__va(page_to_phys(page)))[7], 0x40 + i);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_PTR_NE(test, pages[j], page);
	}
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(p - PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(__va(page_to_phys(pages[0]))));
	vfree(p);
}

/* The page below an area and the page above it are unmapped and fault. */
static void vmalloc_guard_pages(struct kunit *test)
{
	unsigned long size = 3 * PAGE_SIZE;
	u8 *p = vmalloc(size), *q;
	struct fault_expect fe;

	KUNIT_ASSERT_NOT_NULL(test, p);
	/* A neighbour right above: its guard is our upper fence. */
	q = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, q);

	KUNIT_EXPECT_FALSE(test, is_mapped((unsigned long)p - PAGE_SIZE));
	KUNIT_EXPECT_FALSE(test, is_mapped((unsigned long)p + size));
	KUNIT_EXPECT_FALSE(test, is_mapped((unsigned long)q - PAGE_SIZE));

	KUNIT_EXPECT_FALSE(test, fault_probe_read(&fe, p));
	KUNIT_EXPECT_FALSE(test, fault_probe_read(&fe, p + size - 1));
	KUNIT_EXPECT_TRUE(test, fault_probe_read(&fe, p - 1));
	KUNIT_EXPECT_EQ(test, fe.addr, (unsigned long)p - 1);
	KUNIT_EXPECT_EQ(test, fe.error_code & X86_PF_PROT, 0);
	KUNIT_EXPECT_TRUE(test, fault_probe_read(&fe, p + size));
	KUNIT_EXPECT_EQ(test, fe.addr, (unsigned long)p + size);
	vfree(q);
	vfree(p);
}

#define NR_AREAS	8

/* Live areas, guard pages included, never overlap. */
static void vmalloc_areas_disjoint(struct kunit *test)
{
	static const unsigned long pages[NR_AREAS] = { 1, 3, 2, 16, 1, 7, 64, 2 };
	u8 *p[NR_AREAS];
	int i, j;

	for (i = 0; i < NR_AREAS; i++) {
		p[i] = vmalloc(pages[i] * PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
		memset(p[i], i, pages[i] * PAGE_SIZE);
	}
	/* Free one in the middle and take a smaller area: it fits the gap. */
	vfree(p[3]);
	p[3] = vmalloc(5 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p[3]);
	memset(p[3], 3, 5 * PAGE_SIZE);

	for (i = 0; i < NR_AREAS; i++) {
		unsigned long si = (unsigned long)p[i] - PAGE_SIZE;
		unsigned long ei = (unsigned long)p[i] +
				   (i == 3 ? 5 : pages[i]) * PAGE_SIZE;

		for (j = i + 1; j < NR_AREAS; j++) {
			unsigned long sj = (unsigned long)p[j] - PAGE_SIZE;
			unsigned long ej = (unsigned long)p[j] +
					   (j == 3 ? 5 : pages[j]) * PAGE_SIZE;

			KUNIT_EXPECT_TRUE_MSG(test, ei <= sj || ej <= si,
					      "areas %d and %d overlap", i, j);
		}
		KUNIT_EXPECT_EQ(test, p[i][0], i);
		KUNIT_EXPECT_EQ(test, p[i][ei - (unsigned long)p[i] - 1], i);
	}
	for (i = 0; i < NR_AREAS; i++)
		vfree(p[i]);
}

/* vfree() gives everything back, and the range is used again (first fit). */
static void vmalloc_free_reuses_no_leak(struct kunit *test)
{
	unsigned long nr = 40, free, used, pgt;
	void *p, *q;

	/* Once first, so that kmalloc's caches hold what vmalloc needs. */
	vfree(vmalloc(nr * PAGE_SIZE));
	free = nr_free_pages();
	used = vmalloc_nr_pages();
	pgt = pgtable_pages_in_use();

	p = vmalloc(nr * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), used + nr);
	KUNIT_EXPECT_LE(test, nr_free_pages(), free - nr);
	vfree(p);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), pgt);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);

	q = vmalloc(nr * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	vfree(q);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
}

/* Sizes that cannot be served fail with NULL and leave nothing behind. */
static void vmalloc_bad_sizes(struct kunit *test)
{
	static const unsigned long sizes[] = {
		VMALLOC_END - VMALLOC_START + 1,
		VMALLOC_END - VMALLOC_START,
		ULONG_MAX,
		1UL << 44,			/* 16 TiB: 2^32 pages */
		(1UL << 44) + PAGE_SIZE,
	};
	unsigned long free = nr_free_pages(), used = vmalloc_nr_pages();
	unsigned int i;

	KUNIT_EXPECT_NULL(test, vmalloc(0));
	KUNIT_EXPECT_NULL(test, vzalloc(0));
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		void *p = vmalloc(sizes[i]);

		KUNIT_EXPECT_NULL_MSG(test, p, "vmalloc(%#lx)", sizes[i]);
		if (p)
			vfree(p);
	}
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
}

/*
 * More memory than is free (but not more than RAM, so that vmalloc
 * really tries): fails, and gives back the pages it got so far.
 */
static void vmalloc_out_of_memory(struct kunit *test)
{
	unsigned long nr = nr_free_pages() + 16, free, used, pgt;
	void *p;

	if (nr > totalram_pages())
		kunit_skip(test, "free memory too close to total RAM");
	/* Once first, so that kmalloc holds what the page array needs. */
	p = vmalloc(nr * PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, p);
	if (p)
		vfree(p);
	free = nr_free_pages();
	used = vmalloc_nr_pages();
	pgt = pgtable_pages_in_use();
	KUNIT_ASSERT_GT(test, nr, free);

	p = vmalloc(nr * PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, p);
	if (p)
		vfree(p);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), pgt);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
}

/* vmap maps the caller's pages in order; vunmap leaves them intact. */
static void vmalloc_vmap(struct kunit *test)
{
	struct page *pages[4];
	u8 *v;
	int i;

	for (i = 0; i < 4; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		memset(__va(page_to_phys(pages[i])), 0x10 + i, PAGE_SIZE);
	}
	KUNIT_EXPECT_NULL(test, vmap(pages, 0));

	v = vmap(pages, 4);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(v));
	KUNIT_EXPECT_FALSE(test, is_mapped((unsigned long)v - PAGE_SIZE));
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(v + i * PAGE_SIZE),
				    pages[i]);
		KUNIT_EXPECT_EQ(test, v[i * PAGE_SIZE], 0x10 + i);
		KUNIT_EXPECT_EQ(test, v[i * PAGE_SIZE + PAGE_SIZE - 1], 0x10 + i);
		v[i * PAGE_SIZE + 1] = 0x20 + i;
	}
	vunmap(v);
	KUNIT_EXPECT_FALSE(test, is_mapped((unsigned long)v));
	KUNIT_EXPECT_NULL(test, find_vm_area(v));
	for (i = 0; i < 4; i++) {
		u8 *dm = __va(page_to_phys(pages[i]));

		KUNIT_EXPECT_EQ(test, dm[0], 0x10 + i);
		KUNIT_EXPECT_EQ(test, dm[1], 0x20 + i);
		KUNIT_EXPECT_EQ(test, page_count(pages[i]), 1);
		__free_page(pages[i]);
	}
}

/* A kernel stack: THREAD_SIZE usable bytes above an unmapped guard page. */
static void vmalloc_thread_stack(struct kunit *test)
{
	unsigned long before = kernel_stack_pages(), used = vmalloc_nr_pages();
	struct fault_expect fe;
	struct vm_struct *vm;
	u8 *s = alloc_thread_stack(0);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(s));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)s, PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, fill_and_check(s, THREAD_SIZE, 0x33), 0);
	KUNIT_EXPECT_FALSE(test, is_mapped((unsigned long)s - PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, fault_probe_read(&fe, s - 8));
	KUNIT_EXPECT_EQ(test, fe.addr, (unsigned long)s - 8);
	KUNIT_EXPECT_EQ(test, kernel_stack_pages(),
			before + THREAD_SIZE / PAGE_SIZE);
	vm = find_vm_area(s);
	KUNIT_ASSERT_NOT_NULL(test, vm);
	KUNIT_EXPECT_TRUE(test, vm->flags & VM_STACK);

	free_thread_stack(s);
	KUNIT_EXPECT_EQ(test, kernel_stack_pages(), before);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	KUNIT_EXPECT_FALSE(test, is_mapped((unsigned long)s));
}

static void vmalloc_vfree_null(struct kunit *test)
{
	unsigned long free = nr_free_pages(), used = vmalloc_nr_pages();

	vfree(NULL);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), used);
}

static struct kunit_case vmalloc_test_cases[] = {
	KUNIT_CASE(vmalloc_basic),
	KUNIT_CASE(vmalloc_vzalloc_zeroes),
	KUNIT_CASE(vmalloc_to_page_matches_virtual),
	KUNIT_CASE(vmalloc_guard_pages),
	KUNIT_CASE(vmalloc_areas_disjoint),
	KUNIT_CASE(vmalloc_free_reuses_no_leak),
	KUNIT_CASE(vmalloc_bad_sizes),
	KUNIT_CASE(vmalloc_out_of_memory),
	KUNIT_CASE(vmalloc_vmap),
	KUNIT_CASE(vmalloc_thread_stack),
	KUNIT_CASE(vmalloc_vfree_null),
	{}
};

static struct kunit_suite vmalloc_test_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_test_cases,
};
kunit_test_suite(vmalloc_test_suite);
