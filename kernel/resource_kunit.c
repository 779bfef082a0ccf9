// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the resource tree (kernel/resource.c): requests and their
 * conflicts, nesting under non-busy windows, releases, lookups, the root's
 * CPU limit, the boot claims and the /proc/iomem text, mostly on a private
 * root or near the top of iomem_resource, where no RAM is.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <asm/processor.h>

#define RES(s, e, n, f) { .start = (s), .end = (e), .name = (n), .flags = (f) }

/* Direct children go in sorted, whatever the order of the requests. */
static void resource_request_sorted(struct kunit *test)
{
	struct resource root = RES(0, 0xffff, "root", IORESOURCE_MEM);
	struct resource a = RES(0x2000, 0x2fff, "a", IORESOURCE_MEM);
	struct resource b = RES(0x0000, 0x0fff, "b", IORESOURCE_MEM);
	struct resource c = RES(0x1000, 0x1fff, "c", IORESOURCE_MEM);

	KUNIT_EXPECT_EQ(test, request_resource(&root, &a), 0);
	KUNIT_EXPECT_EQ(test, request_resource(&root, &b), 0);
	KUNIT_EXPECT_EQ(test, request_resource(&root, &c), 0);
	KUNIT_EXPECT_PTR_EQ(test, root.child, &b);
	KUNIT_EXPECT_PTR_EQ(test, b.sibling, &c);
	KUNIT_EXPECT_PTR_EQ(test, c.sibling, &a);
	KUNIT_EXPECT_NULL(test, a.sibling);
	KUNIT_EXPECT_PTR_EQ(test, c.parent, &root);
	KUNIT_EXPECT_PTR_EQ(test, lookup_resource(&root, 0x1000), &c);
	KUNIT_EXPECT_NULL(test, lookup_resource(&root, 0x1001));
	KUNIT_EXPECT_EQ(test, release_resource(&c), 0);
	KUNIT_EXPECT_PTR_EQ(test, b.sibling, &a);
	KUNIT_EXPECT_EQ(test, release_resource(&a), 0);
	KUNIT_EXPECT_EQ(test, release_resource(&b), 0);
	KUNIT_EXPECT_NULL(test, root.child);
}

/* Overlaps at either end, inside, around, and outside the root conflict. */
static void resource_conflicts(struct kunit *test)
{
	struct resource root = RES(0x1000, 0xffff, "root", IORESOURCE_MEM);
	struct resource a = RES(0x4000, 0x5fff, "a", IORESOURCE_MEM);
	struct resource t = RES(0, 0, "t", IORESOURCE_MEM);
	static const struct { u64 start, end; bool root; } bad[] = {
		{ 0x3000, 0x4000, false }, { 0x5fff, 0x7000, false },
		{ 0x4800, 0x4fff, false }, { 0x3000, 0x7000, false },
		{ 0x4000, 0x5fff, false }, { 0x0000, 0x1fff, true },
		{ 0xf000, 0x10000, true }, { 0x3000, 0x2fff, true },
	};
	int i;

	KUNIT_ASSERT_EQ(test, request_resource(&root, &a), 0);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		t.start = bad[i].start;
		t.end = bad[i].end;
		KUNIT_EXPECT_PTR_EQ(test, request_resource_conflict(&root, &t),
				    bad[i].root ? &root : &a);
		KUNIT_EXPECT_EQ(test, request_resource(&root, &t), -EBUSY);
		KUNIT_EXPECT_NULL(test, t.parent);
	}
	/* Touching is not overlapping. */
	t.start = 0x6000;
	t.end = 0x6fff;
	KUNIT_EXPECT_EQ(test, request_resource(&root, &t), 0);
	KUNIT_EXPECT_EQ(test, release_resource(&t), 0);
	KUNIT_EXPECT_EQ(test, release_resource(&t), -EINVAL);
	KUNIT_EXPECT_EQ(test, release_resource(&a), 0);
}

/* __request_region() nests in a window, never in or across a busy range. */
static void resource_region_nesting(struct kunit *test)
{
	struct resource root = RES(0, 0xfffff, "root", IORESOURCE_MEM);
	struct resource win = RES(0x10000, 0x1ffff, "window", IORESOURCE_MEM);
	struct resource busy = RES(0x40000, 0x4ffff, "busy", IORESOURCE_MEM | IORESOURCE_BUSY);
	struct resource *r1, *r2;

	KUNIT_ASSERT_EQ(test, request_resource(&root, &win), 0);
	KUNIT_ASSERT_EQ(test, request_resource(&root, &busy), 0);

	r1 = __request_region(&root, 0x12000, 0x1000, "in window", IORESOURCE_BUSY);
	KUNIT_ASSERT_NOT_NULL(test, r1);
	KUNIT_EXPECT_PTR_EQ(test, r1->parent, &win);
	KUNIT_EXPECT_EQ(test, r1->end, 0x12fff);
	/* Across the window's edge, inside the busy range, overlapping r1. */
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x1f000, 0x2000, "x", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x41000, 0x1000, "x", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x12800, 0x1000, "x", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, 0x1000, 0, "x", 0));
	KUNIT_EXPECT_NULL(test, __request_region(&root, ~0ULL - 10, 0x100, "x", 0));
	r2 = __request_region(&root, 0x80000, 0x1000, "top", 0);
	KUNIT_ASSERT_NOT_NULL(test, r2);
	KUNIT_EXPECT_PTR_EQ(test, r2->parent, &root);

	/* A window with children cannot go; a region must match exactly. */
	KUNIT_EXPECT_EQ(test, release_resource(&win), -EBUSY);
	KUNIT_EXPECT_EQ(test, __release_region(&root, 0x12000, 0x800), -EINVAL);
	KUNIT_EXPECT_EQ(test, __release_region(&root, 0x12000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, __release_region(&root, 0x12000, 0x1000), -EINVAL);
	KUNIT_EXPECT_EQ(test, __release_region(&root, 0x80000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, release_resource(&win), 0);
	KUNIT_EXPECT_EQ(test, release_resource(&busy), 0);
	KUNIT_EXPECT_NULL(test, root.child);
}

/*
 * Where tests may claim @n blocks of @sz: three quarters up
 * iomem_resource, far above any test boot's RAM and below QEMU's reserved
 * range at the top of the 40-bit space.
 */
static u64 iomem_test_base(u64 n, u64 sz)
{
	return (iomem_resource.end + 1) / 4 * 3 - n * sz;
}

/* iomem_request_region() says why it failed. */
static void resource_iomem_errnos(struct kunit *test)
{
	u64 sz = 1ULL << 27, base = iomem_test_base(2, sz);
	struct resource *r;

	r = iomem_request_region(base, sz, "test", IORESOURCE_MEM | IORESOURCE_BUSY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(r));
	KUNIT_EXPECT_PTR_EQ(test, r->parent, &iomem_resource);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base + sz - 1, 2, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base, 0, "x", 0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base, sz), 0);
}

/*
 * The root ends at the CPU's MAXPHYADDR (CPUID 0x80000008, read here
 * directly); past it, across it, or wrapping around: -EEXIST, as Linux's
 * request for hot-added memory reports.
 */
static void resource_iomem_root_limit(struct kunit *test)
{
	u64 sz = 1ULL << 27, top;
	u32 a, b, c, d;

	cpuid(0x80000000, &a, &b, &c, &d);
	if (a < 0x80000008)
		kunit_skip(test, "no CPUID leaf 0x80000008");
	cpuid(0x80000008, &a, &b, &c, &d);
	top = 1ULL << (a & 0xff);
	KUNIT_EXPECT_EQ(test, iomem_resource.end, top - 1);

	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(top, sz, "x", 0)), -EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(top - sz, 2 * sz, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(top - 1, 2, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(1ULL << 52, sz, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(-sz, sz, "x", 0)), -EEXIST);
	/* start + n wraps to a small number: refused, not taken as [start, 0x..) */
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(~0ULL, 2, "x", 0)), -EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(-sz, 2 * sz, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(sz, ~0ULL, "x", 0)), -EEXIST);
}

/*
 * Partial overlaps: across either edge of a busy resource or of a window,
 * around one, or inside a busy one: -EEXIST; inside a window it nests.
 */
static void resource_iomem_partial_overlap(struct kunit *test)
{
	u64 sz = 1ULL << 27, base = iomem_test_base(4, sz);
	struct resource *busy, *win, *in;

	busy = iomem_request_region(base, sz, "busy", IORESOURCE_MEM | IORESOURCE_BUSY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(busy));
	win = iomem_request_region(base + 2 * sz, sz, "window", IORESOURCE_MEM);
	KUNIT_ASSERT_FALSE(test, IS_ERR(win));

	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base - sz / 2, sz, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base + sz / 2, sz, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base + 4096, 4096, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base - sz, 3 * sz, "x", 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base + 2 * sz - 4096, 8192,
							   "x", 0)), -EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(base + 3 * sz - 4096, 8192,
							   "x", 0)), -EEXIST);
	in = iomem_request_region(base + 2 * sz, 4096, "in", IORESOURCE_MEM | IORESOURCE_BUSY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(in));
	KUNIT_EXPECT_PTR_EQ(test, in->parent, win);

	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base + 2 * sz, 4096), 0);
	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base + 2 * sz, sz), 0);
	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base, sz), 0);
}

/* iomem_claim_free() claims the gaps around what is there, and no more. */
static void resource_iomem_claim_free(struct kunit *test)
{
	u64 sz = 1ULL << 27, base = iomem_test_base(4, sz);
	struct resource *mid, *lo, *hi;

	mid = iomem_request_region(base + sz, sz, "mid", IORESOURCE_MEM | IORESOURCE_BUSY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(mid));
	KUNIT_EXPECT_EQ(test, iomem_claim_free(base, base + 3 * sz - 1, "gap"), 2);
	lo = lookup_resource(&iomem_resource, base);
	hi = lookup_resource(&iomem_resource, base + 2 * sz);
	KUNIT_ASSERT_NOT_NULL(test, lo);
	KUNIT_ASSERT_NOT_NULL(test, hi);
	KUNIT_EXPECT_EQ(test, lo->end, base + sz - 1);
	KUNIT_EXPECT_EQ(test, hi->end, base + 3 * sz - 1);
	KUNIT_EXPECT_STREQ(test, hi->name, "gap");
	KUNIT_EXPECT_TRUE(test, hi->flags & IORESOURCE_BUSY);
	/* All taken now; past the root nothing is made. */
	KUNIT_EXPECT_EQ(test, iomem_claim_free(base, base + 3 * sz - 1, "gap"), 0);
	KUNIT_EXPECT_EQ(test, iomem_claim_free(iomem_resource.end + 1, ~0ULL, "x"), 0);

	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base, sz), 0);
	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base + sz, sz), 0);
	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base + 2 * sz, sz), 0);
}

/*
 * Boot claims on a PC: the local APIC, the BIOS and the hole below 4 GiB
 * are taken, so no memory block can be requested over them.
 */
static void resource_boot_claims_mmio(struct kunit *test)
{
	static const u64 taken[] = {
		0xa0000, 0xf0000, 0xfec00000, 0xfee00000, 0xfffc0000, 0xf8000000,
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(taken); i++) {
		u64 at = taken[i];
		int how = region_intersects(at, 4096, IORESOURCE_MEM | IORESOURCE_BUSY);
		long err = PTR_ERR(iomem_request_region(at, 4096, "x", 0));

		KUNIT_EXPECT_EQ_MSG(test, how, REGION_INTERSECTS, "at %#llx", at);
		KUNIT_EXPECT_EQ_MSG(test, err, -EEXIST, "at %#llx", at);
	}
	KUNIT_EXPECT_EQ(test, PTR_ERR(iomem_request_region(0xf8000000, 1ULL << 27,
							   "x", 0)), -EEXIST);
}

/* region_intersects() and walk_system_ram_range() on the real tree. */
static int count_pages(unsigned long pfn, unsigned long nr, void *arg)
{
	*(unsigned long *)arg += nr;
	return 0;
}

static void resource_system_ram_queries(struct kunit *test)
{
	u64 sz = 1ULL << 27, base = iomem_test_base(4, sz);
	struct resource *a, *b;
	unsigned long pages = 0;

	a = __request_region(&iomem_resource, base, sz, "System RAM",
			     IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY);
	KUNIT_ASSERT_NOT_NULL(test, a);
	b = __request_region(&iomem_resource, base + 2 * sz, sz, "System RAM",
			     IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY);
	KUNIT_ASSERT_NOT_NULL(test, b);

	KUNIT_EXPECT_EQ(test, region_intersects(base, sz, IORESOURCE_SYSTEM_RAM),
			REGION_INTERSECTS);
	KUNIT_EXPECT_EQ(test, region_intersects(base + sz, sz, IORESOURCE_SYSTEM_RAM),
			REGION_DISJOINT);
	KUNIT_EXPECT_EQ(test, region_intersects(base, 3 * sz, IORESOURCE_SYSTEM_RAM),
			REGION_MIXED);
	KUNIT_EXPECT_EQ(test, region_intersects(base - sz, 2 * sz, IORESOURCE_SYSTEM_RAM),
			REGION_MIXED);
	KUNIT_EXPECT_EQ(test, walk_system_ram_range(PHYS_PFN(base), PHYS_PFN(4 * sz),
						    &pages, count_pages), 0);
	KUNIT_EXPECT_EQ(test, pages, 2 * PHYS_PFN(sz));
	KUNIT_EXPECT_EQ(test, walk_system_ram_range(PHYS_PFN(base + sz), PHYS_PFN(sz),
						    &pages, count_pages), -EINVAL);
	/* Boot RAM: the first MiB's RAM below 640 KiB is System RAM. */
	KUNIT_EXPECT_NE(test, region_intersects(0x1000, 0x1000, IORESOURCE_SYSTEM_RAM),
			REGION_DISJOINT);

	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base, sz), 0);
	KUNIT_EXPECT_EQ(test, __release_region(&iomem_resource, base + 2 * sz, sz), 0);
	KUNIT_EXPECT_EQ(test, region_intersects(base, 3 * sz, IORESOURCE_SYSTEM_RAM),
			REGION_DISJOINT);
}

/* The /proc/iomem text: indentation per level, eight hex digits at least. */
static void resource_iomem_text(struct kunit *test)
{
	static const char want[] =
		"00001000-00001fff : System RAM\n"
		"  00001000-000013ff : Kernel code\n"
		"10000000000-1000fffffff : hot\n";
	struct resource ram = RES(0x1000, 0x1fff, "System RAM", IORESOURCE_SYSTEM_RAM);
	struct resource code = RES(0x1000, 0x13ff, "Kernel code", IORESOURCE_SYSTEM_RAM);
	struct resource hot = RES(1ULL << 40, (1ULL << 40) + (1ULL << 28) - 1, "hot",
				  IORESOURCE_SYSTEM_RAM);
	struct resource saved = iomem_resource;
	char *buf = kmalloc(256, GFP_KERNEL);
	int len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	/* A private tree under a copy of the root: the real one is untouched. */
	saved.child = NULL;
	saved.end = ~0ULL;	/* "hot" lies past this CPU's reach */
	KUNIT_ASSERT_EQ(test, request_resource(&saved, &ram), 0);
	KUNIT_ASSERT_EQ(test, request_resource(&ram, &code), 0);
	KUNIT_ASSERT_EQ(test, request_resource(&saved, &hot), 0);
	len = iomem_format_tree(&saved, buf, 256);
	KUNIT_EXPECT_STREQ(test, buf, want);
	KUNIT_EXPECT_EQ(test, len, (int)strlen(want));
	/* Cut short, still NUL-terminated. */
	len = iomem_format_tree(&saved, buf, 10);
	KUNIT_EXPECT_EQ(test, len, 9);
	KUNIT_EXPECT_STREQ(test, buf, "00001000-");
	release_resource(&code);
	release_resource(&ram);
	release_resource(&hot);
	kfree(buf);
}

static struct kunit_case resource_cases[] = {
	KUNIT_CASE(resource_request_sorted),
	KUNIT_CASE(resource_conflicts),
	KUNIT_CASE(resource_region_nesting),
	KUNIT_CASE(resource_iomem_errnos),
	KUNIT_CASE(resource_iomem_root_limit),
	KUNIT_CASE(resource_iomem_partial_overlap),
	KUNIT_CASE(resource_iomem_claim_free),
	KUNIT_CASE(resource_boot_claims_mmio),
	KUNIT_CASE(resource_system_ram_queries),
	KUNIT_CASE(resource_iomem_text),
	{}
};

static struct kunit_suite resource_suite = {
	.name = "resource",
	.test_cases = resource_cases,
};

kunit_test_suite(resource_suite);
