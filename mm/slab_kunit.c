// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kmalloc and slab caches (mm/slab.c) on kernel heap mappings
 * (mm/kheap.c): placement, alignment, accounting, poisoning and misuse.
 */
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <kunit/test.h>

/* What slab.c fills free objects with under CONFIG_DEBUG_VM. */
#define SLAB_TEST_POISON	0x6b

/* Enough objects to fill ten slabs of any cache these tests create. */
#define SLAB_TEST_MAX_OBJS	512
static void *slab_test_objs[SLAB_TEST_MAX_OBJS];

struct kmalloc_case {
	size_t size;		/* what is asked for */
	size_t class;		/* the size class that must serve it */
	char desc[16];
};

static const struct kmalloc_case kmalloc_cases[] = {
	{ 1, 8, "1" },		{ 8, 8, "8" },		{ 9, 16, "9" },
	{ 16, 16, "16" },	{ 24, 32, "24" },	{ 32, 32, "32" },
	{ 50, 64, "50" },	{ 64, 64, "64" },	{ 65, 96, "65" },
	{ 96, 96, "96" },	{ 100, 128, "100" },	{ 128, 128, "128" },
	{ 150, 192, "150" },	{ 192, 192, "192" },	{ 200, 256, "200" },
	{ 256, 256, "256" },	{ 300, 512, "300" },	{ 512, 512, "512" },
	{ 1000, 1024, "1000" },	{ 1024, 1024, "1024" },	{ 2000, 2048, "2000" },
	{ 2048, 2048, "2048" },	{ 3000, 4096, "3000" },	{ 4096, 4096, "4096" },
	{ 5000, 8192, "5000" },	{ 8192, 8192, "8192" },
};

KUNIT_ARRAY_PARAM_DESC(kmalloc_cases, kmalloc_cases, desc);

#define KMALLOC_PER_CLASS	12

/*
 * Each size class hands out distinct, non-overlapping, writable objects,
 * aligned to 8 and, for power-of-two sizes, to their size; all in the
 * kernel heap, none in the direct map.
 */
static void slab_kmalloc_size_classes(struct kunit *test)
{
	const struct kmalloc_case *c = test->param_value;
	u8 *obj[KMALLOC_PER_CLASS];
	int i, j;

	for (i = 0; i < KMALLOC_PER_CLASS; i++) {
		u8 *p = kmalloc(c->size, GFP_KERNEL);

		obj[i] = p;
		KUNIT_ASSERT_FALSE_MSG(test, ZERO_OR_NULL_PTR(p), "object %d", i);
		KUNIT_EXPECT_TRUE(test, is_kheap_addr(p));
		KUNIT_EXPECT_FALSE(test, is_direct_map_addr((unsigned long)p));
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 8));
		if (is_power_of_2(c->size))
			KUNIT_EXPECT_EQ_MSG(test, (unsigned long)p % c->size, 0,
					    "%p", p);
		KUNIT_EXPECT_EQ(test, ksize(p), c->class);
		KUNIT_EXPECT_EQ(test, virt_to_cache(p)->object_size, c->class);
		memset(p, i + 1, c->size);
	}
	for (i = 0; i < KMALLOC_PER_CLASS; i++) {
		for (j = i + 1; j < KMALLOC_PER_CLASS; j++)
			KUNIT_EXPECT_TRUE_MSG(test, obj[i] + c->class <= obj[j] ||
					      obj[j] + c->class <= obj[i],
					      "%p and %p overlap", obj[i], obj[j]);
		KUNIT_EXPECT_EQ(test, obj[i][0], i + 1);
		KUNIT_EXPECT_EQ(test, obj[i][c->size - 1], i + 1);
	}
	for (i = 0; i < KMALLOC_PER_CLASS; i++)
		kfree(obj[i]);
}

/*
 * Checks that every page of [@p, @p+@size) is a heap page whose
 * page->virtual is where it is mapped, and that the page really holds
 * the bytes written at that address.
 */
static void expect_pages_know_mapping(struct kunit *test, u8 *p, size_t size)
{
	unsigned long va;

	for (va = ALIGN_DOWN((unsigned long)p, PAGE_SIZE);
	     va < (unsigned long)p + size; va += PAGE_SIZE) {
		struct page *page = kheap_virt_to_page((void *)va);
		unsigned long a = max_t(unsigned long, va, p);
		u8 *alias;

		KUNIT_ASSERT_NOT_NULL_MSG(test, page, "va %#lx", va);
		if (page->virtual != va) {
			KUNIT_FAIL(test, "page at %#lx records %#lx", va,
				   page->virtual);
			return;
		}
		KUNIT_EXPECT_TRUE(test, page->type == PGTY_SLAB ||
				  page->type == PGTY_KHEAP);
		KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(a),
				page_to_phys(page) + (a & ~PAGE_MASK));
		*(u8 *)a = 0xa5;
		alias = (u8 *)__va(page_to_phys(page)) + (a & ~PAGE_MASK);
		KUNIT_EXPECT_EQ(test, *alias, 0xa5);
	}
}

/* mm can find the mapping from the page: page->virtual is its heap address. */
static void slab_page_knows_mapping(struct kunit *test)
{
	static const size_t sizes[] = { 8, 100, 4096, 8192, SZ_64K };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		expect_pages_know_mapping(test, p, sizes[i]);
		kfree(p);
	}
}

static void slab_kzalloc_zeroes(struct kunit *test)
{
	static const size_t sizes[] = { 8, 96, 200, 2048, 8192, SZ_64K };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);
		size_t n, bad = 0;

		KUNIT_ASSERT_NOT_NULL(test, p);
		/* Dirty it, so that a reuse of the same memory shows. */
		memset(p, 0xa5, sizes[i]);
		kfree(p);
		p = kzalloc(sizes[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		for (n = 0; n < ksize(p); n++)
			bad += p[n] != 0;
		KUNIT_EXPECT_EQ_MSG(test, bad, 0, "size %zu", sizes[i]);
		kfree(p);
	}
}

static void slab_zero_and_null(struct kunit *test)
{
	void *p = kmalloc(8, GFP_KERNEL);
	struct kmem_cache *k8 = virt_to_cache(p);
	unsigned long slab, heap, active;

	KUNIT_ASSERT_NOT_NULL(test, k8);
	kfree(p);
	slab = slab_pages();
	heap = kheap_nr_pages();
	active = k8->nr_active;

	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_PTR_EQ(test, kzalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, ksize(ZERO_SIZE_PTR), 0);
	KUNIT_EXPECT_EQ(test, ksize(NULL), 0);
	KUNIT_EXPECT_NULL(test, virt_to_cache(ZERO_SIZE_PTR));
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	kmem_cache_free(k8, NULL);
	KUNIT_EXPECT_EQ(test, k8->nr_active, active);
	KUNIT_EXPECT_EQ(test, slab_pages(), slab);
	KUNIT_EXPECT_EQ(test, kheap_nr_pages(), heap);
}

/* ksize() covers the request, and the whole of it is usable. */
static void slab_ksize(struct kunit *test)
{
	size_t size;

	for (size = 1; size <= 3 * KMALLOC_MAX_CACHE_SIZE; size += 37) {
		u8 *p = kmalloc(size, GFP_KERNEL);
		size_t got;

		KUNIT_ASSERT_NOT_NULL(test, p);
		got = ksize(p);
		KUNIT_EXPECT_GE_MSG(test, got, size, "kmalloc(%zu)", size);
		if (got >= size) {
			p[0] = 1;
			p[got - 1] = 2;
		}
		kfree(p);
	}
}

/* Above KMALLOC_MAX_CACHE_SIZE: whole heap blocks, written end to end. */
static void slab_large_kmalloc(struct kunit *test)
{
	static const size_t sizes[] = { SZ_64K, SZ_1M, KMALLOC_MAX_SIZE };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t n = sizes[i] / sizeof(u64), k, bad = 0;
		unsigned long free, heap;
		u64 *p;

		/* Once first: the heap's free-slot stack may need a page. */
		kfree(kmalloc(sizes[i], GFP_KERNEL));
		free = nr_free_pages();
		heap = kheap_nr_pages();

		p = kmalloc(sizes[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, is_kheap_addr(p));
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
		KUNIT_EXPECT_GE(test, ksize(p), sizes[i]);
		KUNIT_EXPECT_NULL(test, virt_to_cache(p));
		KUNIT_EXPECT_EQ(test, kheap_nr_pages(), heap + sizes[i] / PAGE_SIZE);
		KUNIT_EXPECT_LE(test, nr_free_pages(), free - sizes[i] / PAGE_SIZE);
		for (k = 0; k < n; k++)
			p[k] = k ^ 0x5555;
		for (k = 0; k < n; k++)
			bad += p[k] != (k ^ 0x5555);
		KUNIT_EXPECT_EQ_MSG(test, bad, 0, "size %zu", sizes[i]);
		expect_pages_know_mapping(test, (u8 *)p, sizes[i]);
		kfree(p);
		KUNIT_EXPECT_EQ(test, kheap_nr_pages(), heap);
		KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(), free, "size %zu", sizes[i]);
	}
	KUNIT_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
}

static unsigned int slab_ctor_calls;

#define SLAB_CTOR_MAGIC	0xc0ffee11u

struct slab_ctor_obj {
	unsigned int magic;
	unsigned int pad[5];
};

static void slab_test_ctor(void *p)
{
	struct slab_ctor_obj *o = p;

	o->magic = SLAB_CTOR_MAGIC;
	slab_ctor_calls++;
}

static void slab_cache_ctor(struct kunit *test)
{
	struct kmem_cache *s;
	struct slab_ctor_obj *o[3];
	int i;

	s = kmem_cache_create("slab_test_ctor", sizeof(struct slab_ctor_obj),
			      0, 0, slab_test_ctor);
	KUNIT_ASSERT_NOT_NULL(test, s);
	slab_ctor_calls = 0;
	for (i = 0; i < 3; i++) {
		o[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, o[i]);
		KUNIT_EXPECT_EQ(test, o[i]->magic, SLAB_CTOR_MAGIC);
	}
	KUNIT_EXPECT_GE(test, slab_ctor_calls, 3);
	for (i = 0; i < 3; i++)
		kmem_cache_free(s, o[i]);
	kmem_cache_destroy(s);
}

/* Checks that @n objects from @s are distinct and @align aligned. */
static void expect_cache_alignment(struct kunit *test, struct kmem_cache *s,
				   unsigned long align, int n)
{
	void *bad = NULL;
	int i, j;

	KUNIT_ASSERT_LE(test, n, SLAB_TEST_MAX_OBJS);
	for (i = 0; i < n; i++) {
		slab_test_objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, slab_test_objs[i]);
		if (!bad && !IS_ALIGNED((unsigned long)slab_test_objs[i], align))
			bad = slab_test_objs[i];
		KUNIT_EXPECT_TRUE(test, is_kheap_addr(slab_test_objs[i]));
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_PTR_NE(test, slab_test_objs[i],
					    slab_test_objs[j]);
		memset(slab_test_objs[i], 0xee, s->object_size);
	}
	KUNIT_EXPECT_NULL_MSG(test, bad, "%s: not %lu aligned", s->name, align);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, slab_test_objs[i]);
}

static void slab_cache_alignment(struct kunit *test)
{
	struct kmem_cache *hw, *a128, *dflt;

	hw = kmem_cache_create("slab_test_hw", 24, 0, SLAB_HWCACHE_ALIGN, NULL);
	a128 = kmem_cache_create("slab_test_a128", 24, 128, 0, NULL);
	dflt = kmem_cache_create("slab_test_12", 12, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, hw);
	KUNIT_ASSERT_NOT_NULL(test, a128);
	KUNIT_ASSERT_NOT_NULL(test, dflt);

	expect_cache_alignment(test, hw, 64, 3 * PAGE_SIZE / 64);
	expect_cache_alignment(test, a128, 128, 70);
	expect_cache_alignment(test, dflt, 8, 500);
	KUNIT_EXPECT_GE(test, hw->size, 64);
	kmem_cache_destroy(hw);
	kmem_cache_destroy(a128);
	kmem_cache_destroy(dflt);
}

/* Allocates @n objects from @s into slab_test_objs[]. */
static void fill_cache(struct kunit *test, struct kmem_cache *s, int n)
{
	int i;

	KUNIT_ASSERT_LE(test, n, SLAB_TEST_MAX_OBJS);
	for (i = 0; i < n; i++) {
		slab_test_objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, slab_test_objs[i]);
	}
}

static void empty_cache(struct kmem_cache *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kmem_cache_free(s, slab_test_objs[i]);
}

/*
 * Ten slabs' worth of objects, all freed: after kmem_cache_shrink() the
 * slab, heap and page-table counts and the free page count are back where
 * they were, and destroying the cache gives back the rest.
 */
static void slab_cache_no_leak(struct kunit *test)
{
	unsigned long free, slab, heap, pgt;
	struct kmem_cache *s;
	int n;

	/*
	 * A first round, so that the cache of caches has room for the cache
	 * and the heap's free-slot stack holds the slots it will use.
	 */
	s = kmem_cache_create("slab_test_leak", 700, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	n = 10 * s->objects + 3;
	KUNIT_ASSERT_LE(test, n, SLAB_TEST_MAX_OBJS);
	fill_cache(test, s, n);
	empty_cache(s, n);
	kmem_cache_destroy(s);

	free = nr_free_pages();
	slab = slab_pages();
	heap = kheap_nr_pages();
	pgt = pgtable_pages_in_use();

	s = kmem_cache_create("slab_test_leak", 700, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	fill_cache(test, s, n);
	KUNIT_EXPECT_EQ(test, s->nr_active, n);
	KUNIT_EXPECT_EQ(test, s->nr_slabs, 11);
	KUNIT_EXPECT_EQ(test, slab_pages(), slab + (11UL << s->order));
	KUNIT_EXPECT_EQ(test, kheap_nr_pages(), heap + (11UL << s->order));
	KUNIT_EXPECT_LE(test, nr_free_pages(), free - (11UL << s->order));
	empty_cache(s, n);
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(test, s->nr_active, 0);
	KUNIT_EXPECT_EQ(test, s->nr_slabs, 0);
	KUNIT_EXPECT_EQ(test, slab_pages(), slab);
	KUNIT_EXPECT_EQ(test, kheap_nr_pages(), heap);
	KUNIT_EXPECT_EQ(test, pgtable_pages_in_use(), pgt);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
}

/* Destroying a cache that has objects is refused; the objects stay valid. */
static void slab_destroy_busy_cache(struct kunit *test)
{
	struct kmem_cache *s;
	u64 *obj;
	int i;

	s = kmem_cache_create("slab_test_busy", 64, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	for (i = 0; i < 8; i++)
		obj[i] = 0x1234 + i;

	/* One object is left: destroy refuses, with a warning. */
	KUNIT_EXPECT_WARN(test, kmem_cache_destroy(s));

	KUNIT_EXPECT_PTR_EQ(test, virt_to_cache(obj), s);
	KUNIT_EXPECT_NOT_NULL(test, kheap_virt_to_page(obj));
	KUNIT_EXPECT_STREQ(test, s->name, "slab_test_busy");
	KUNIT_EXPECT_EQ(test, s->nr_active, 1);
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, obj[i], 0x1234 + i);
	/* Still a working cache. */
	kmem_cache_free(s, obj);
	KUNIT_EXPECT_EQ(test, s->nr_active, 0);
	kmem_cache_destroy(s);
}

static void slab_virt_to_cache(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_v2c", 40, 0, 0, NULL);
	void *k = kmalloc(100, GFP_KERNEL), *big = kmalloc(SZ_64K, GFP_KERNEL);
	void *o;
	int on_stack;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, k);
	KUNIT_ASSERT_NOT_NULL(test, big);
	o = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, o);

	KUNIT_EXPECT_PTR_EQ(test, virt_to_cache(o), s);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_cache((char *)o + 39), s);
	KUNIT_ASSERT_NOT_NULL(test, virt_to_cache(k));
	KUNIT_EXPECT_STREQ(test, virt_to_cache(k)->name, "kmalloc-128");
	KUNIT_EXPECT_NULL(test, virt_to_cache(big));
	KUNIT_EXPECT_NULL(test, virt_to_cache(&on_stack));
	KUNIT_EXPECT_NULL(test, virt_to_cache(__va(page_to_phys(kheap_virt_to_page(o)))));

	kmem_cache_free(s, o);
	kfree(k);
	kfree(big);
	kmem_cache_destroy(s);
}

/*
 * CONFIG_DEBUG_VM: a freed object is filled with the poison (past its
 * first word, the free pointer). Another object keeps the slab, and so
 * the freed object's mapping, alive.
 */
static void slab_free_poisons(struct kunit *test)
{
	struct kmem_cache *s;
	u8 *a, *b;
	size_t i, bad = 0;

	if (!IS_ENABLED(CONFIG_DEBUG_VM))
		kunit_skip(test, "needs CONFIG_DEBUG_VM");
	s = kmem_cache_create("slab_test_poison", 96, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_PTR_EQ(test, kheap_block_start(a), kheap_block_start(b));

	memset(a, 0, 96);
	memset(b, 0, 96);
	kmem_cache_free(s, a);
	for (i = sizeof(void *); i < 96; i++)
		bad += a[i] != SLAB_TEST_POISON;
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* The live neighbour is untouched. */
	KUNIT_EXPECT_EQ(test, b[0], 0);
	KUNIT_EXPECT_EQ(test, b[95], 0);

	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/*
 * CONFIG_DEBUG_VM: freeing an object twice is reported (WARN once) and
 * ignored, so the freelist does not hand the object out twice.
 */
static void slab_double_free(struct kunit *test)
{
	struct kmem_cache *s;
	void *a, *keep, *x, *y;

	if (!IS_ENABLED(CONFIG_DEBUG_VM))
		kunit_skip(test, "needs CONFIG_DEBUG_VM");
	s = kmem_cache_create("slab_test_dfree", 32, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	keep = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, keep);

	kmem_cache_free(s, a);
	KUNIT_EXPECT_WARN(test, kmem_cache_free(s, a));
	KUNIT_EXPECT_EQ(test, s->nr_active, 1);

	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_ASSERT_NOT_NULL(test, y);
	KUNIT_EXPECT_PTR_NE(test, x, y);
	KUNIT_EXPECT_PTR_NE(test, x, keep);
	KUNIT_EXPECT_PTR_NE(test, y, keep);
	KUNIT_EXPECT_EQ(test, s->nr_active, 3);

	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, keep);
	KUNIT_EXPECT_EQ(test, s->nr_active, 0);
	kmem_cache_destroy(s);
}

static void slab_create_bad_args(struct kunit *test)
{
	struct kmem_cache *s;

	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_bad", 0, 0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_bad",
						  KMALLOC_MAX_CACHE_SIZE + 1,
						  0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_bad", 64, 24, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_bad", 64,
						  2 * PAGE_SIZE, 0, NULL));

	/* The limits themselves are fine. */
	s = kmem_cache_create("slab_test_max", KMALLOC_MAX_CACHE_SIZE, 0, 0, NULL);
	KUNIT_EXPECT_NOT_NULL(test, s);
	kmem_cache_destroy(s);
	s = kmem_cache_create("slab_test_min", 1, 0, 0, NULL);
	KUNIT_EXPECT_NOT_NULL(test, s);
	kmem_cache_destroy(s);
}

static struct kunit_case slab_test_cases[] = {
	KUNIT_CASE_PARAM(slab_kmalloc_size_classes, kmalloc_cases_gen_params),
	KUNIT_CASE(slab_page_knows_mapping),
	KUNIT_CASE(slab_kzalloc_zeroes),
	KUNIT_CASE(slab_zero_and_null),
	KUNIT_CASE(slab_ksize),
	KUNIT_CASE(slab_large_kmalloc),
	KUNIT_CASE(slab_cache_ctor),
	KUNIT_CASE(slab_cache_alignment),
	KUNIT_CASE(slab_cache_no_leak),
	KUNIT_CASE(slab_destroy_busy_cache),
	KUNIT_CASE(slab_virt_to_cache),
	KUNIT_CASE(slab_free_poisons),
	KUNIT_CASE(slab_double_free),
	KUNIT_CASE(slab_create_bad_args),
	{}
};

static struct kunit_suite slab_test_suite = {
	.name = "slab",
	.test_cases = slab_test_cases,
};
kunit_test_suite(slab_test_suite);
