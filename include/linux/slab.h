/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel heap: kmalloc() and slab caches. Every object lives in a page
 * mapped in the kernel heap range (KHEAP_START..KHEAP_END), never at a
 * direct-map address, and that page records its one mapping in
 * page->virtual, so mm can move it by rewriting a single entry.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/overflow.h>
#include <linux/spinlock.h>

struct page;

typedef unsigned int slab_flags_t;
#define SLAB_HWCACHE_ALIGN	0x1u	/* align objects to 64 bytes */
#define SLAB_RECLAIM_ACCOUNT	0x2u	/* pages are MIGRATE_RECLAIMABLE */
#define SLAB_PANIC		0x4u	/* creation failure panics */

#define KMALLOC_MAX_CACHE_SIZE	8192
#define KMALLOC_MAX_SIZE	(4UL << 20)
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;		/* stride between objects */
	unsigned int align;
	unsigned int order;		/* slab size is PAGE_SIZE << order */
	unsigned int objects;		/* per slab */
	slab_flags_t flags;
	void (*ctor)(void *obj);
	/* lock protects the lists and counters below */
	spinlock_t lock;
	struct list_head partial;	/* slabs with free and used objects */
	struct list_head full;		/* slabs with no free object */
	struct page *empty;		/* one cached empty slab, or NULL */
	unsigned long nr_slabs;
	unsigned long nr_active;	/* objects handed out */
	struct list_head list;		/* on slab_caches, under slab_mutex */
};

void kmem_cache_init(void);
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
void kmem_cache_shrink(struct kmem_cache *s);

void *kmalloc(size_t size, gfp_t gfp);
void kfree(const void *p);
size_t ksize(const void *p);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/**
 * kmalloc_array - kmalloc() of @n elements of @size bytes each
 * Return: the memory, or NULL when @n * @size overflows, is larger than
 * KMALLOC_MAX_SIZE, or cannot be had; ZERO_SIZE_PTR if it is 0.
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, gfp);
}

/* kmalloc_array(), zeroed. */
static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

/* Pages in slabs, in all caches. */
unsigned long slab_pages(void);
/* The cache an object belongs to, or NULL if it is not a slab object. */
struct kmem_cache *virt_to_cache(const void *obj);

/* ---- kernel heap mappings (mm/kheap.c) ---- */

#define KHEAP_MAX_ORDER		10
#define KHEAP_ORDER_SHIFT	36	/* 64 GiB of heap range per order */

void *kheap_alloc(unsigned int order, gfp_t gfp, int nid);
void kheap_free(void *va);
struct page *kheap_virt_to_page(const void *va);
void *kheap_block_start(const void *va);
bool is_kheap_addr(const void *va);
unsigned long kheap_nr_pages(void);

#endif /* _LINUX_SLAB_H */
