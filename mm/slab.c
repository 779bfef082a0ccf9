// SPDX-License-Identifier: GPL-2.0
/*
 * Slab caches and kmalloc, on kernel heap mappings.
 *
 * DOC: slab
 *
 * A slab is one kheap block (2^order pages at one heap address) cut into
 * equal objects. Its head page (the page mapped at the block start) holds
 * the slab's state: slab_cache, freelist (free objects chained through
 * their first word) and inuse. Any object address leads to its head page
 * through kheap_block_start() and one page-table lookup. Each cache keeps
 * partial and full lists and caches one empty slab; further empty slabs
 * go straight back to the page allocator.
 *
 * kmalloc() serves sizes up to KMALLOC_MAX_CACHE_SIZE from power-of-two
 * caches (plus 96 and 192) and larger ones as whole kheap blocks.
 *
 * With CONFIG_DEBUG_VM, free objects are filled with POISON_FREE and
 * checked when handed out again, and double frees are caught.
 *
 * Lock order: kmem_cache.lock, then kheap_lock, then zone->lock.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

#define POISON_FREE	0x6b
#define SLAB_MIN_OBJECTS 8
#define SLAB_MAX_ORDER	3

static struct kmem_cache kmem_cache_boot = {
	.name = "kmem_cache",
};
static struct kmem_cache *kmem_cache_cache = &kmem_cache_boot;

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};
static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];
static const char *const kmalloc_names[ARRAY_SIZE(kmalloc_sizes)] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
	"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512",
	"kmalloc-1k", "kmalloc-2k", "kmalloc-4k", "kmalloc-8k",
};

/* slab_list_lock protects slab_caches and nr_slab_pages. */
static DEFINE_SPINLOCK(slab_list_lock);
static LIST_HEAD(slab_caches);
static unsigned long nr_slab_pages;

static void slab_pages_add(long n)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_list_lock, flags);
	nr_slab_pages += n;
	spin_unlock_irqrestore(&slab_list_lock, flags);
}

unsigned long slab_pages(void)
{
	return nr_slab_pages;
}

static void *slab_base(struct page *head)
{
	return (void *)head->virtual;
}

/* The head page of the slab (or large kmalloc block) holding @obj. */
static struct page *obj_to_head(const void *obj)
{
	if (!is_kheap_addr(obj))
		return NULL;
	return kheap_virt_to_page(kheap_block_start(obj));
}

struct kmem_cache *virt_to_cache(const void *obj)
{
	struct page *head = obj_to_head(obj);

	return head && PageSlab(head) ? head->slab_cache : NULL;
}

static void set_free_ptr(void *obj, void *next)
{
	*(void **)obj = next;
}

static void *get_free_ptr(void *obj)
{
	return *(void **)obj;
}

#ifdef CONFIG_DEBUG_VM
static void poison_object(struct kmem_cache *s, void *obj)
{
	memset(obj, POISON_FREE, s->size);
}

static void check_object(struct kmem_cache *s, struct page *head, void *obj)
{
	unsigned char *p = obj;
	unsigned int i;

	for (i = sizeof(void *); i < s->size; i++)
		if (p[i] != POISON_FREE)
			panic("%s: %s object %p written after free (offset %u: %#x)",
			      __func__, s->name, obj, i, p[i]);
}

static bool on_freelist(struct page *head, void *obj)
{
	void *p;

	for (p = head->freelist; p; p = get_free_ptr(p))
		if (p == obj)
			return true;
	return false;
}
#else /* !CONFIG_DEBUG_VM */
static inline void poison_object(struct kmem_cache *s, void *obj) { }
static inline void check_object(struct kmem_cache *s, struct page *head,
				void *obj) { }
static inline bool on_freelist(struct page *head, void *obj) { return false; }
#endif /* CONFIG_DEBUG_VM */

/* A new slab with every object free; s->lock not held. */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	gfp_t page_gfp = (gfp & (__GFP_HIGH | __GFP_NOWARN)) |
			 (s->flags & SLAB_RECLAIM_ACCOUNT ? __GFP_RECLAIMABLE : 0);
	char *base = kheap_alloc(s->order, page_gfp, 0);
	struct page *head;
	unsigned int i;

	if (!base)
		return NULL;
	head = kheap_virt_to_page(base);
	head->type = PGTY_SLAB;
	head->slab_cache = s;
	head->inuse = 0;
	head->freelist = NULL;
	INIT_LIST_HEAD(&head->lru);
	/* Chain objects lowest first. */
	for (i = s->objects; i > 0; i--) {
		void *obj = base + (i - 1) * s->size;

		poison_object(s, obj);
		set_free_ptr(obj, head->freelist);
		head->freelist = obj;
	}
	slab_pages_add(1L << s->order);
	return head;
}

static void discard_slab(struct kmem_cache *s, struct page *head)
{
	head->type = PGTY_KHEAP;
	head->slab_cache = NULL;
	head->freelist = NULL;
	kheap_free(slab_base(head));
	slab_pages_add(-(1L << s->order));
}

/**
 * kmem_cache_alloc - one object from @s
 * @gfp: __GFP_ZERO zeroes it; other flags go to the page allocator
 *
 * Return: the object, or NULL when no slab could be allocated.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct page *head, *fresh = NULL;
	unsigned long flags;
	void *obj;

again:
	spin_lock_irqsave(&s->lock, flags);
	head = list_first_entry_or_null(&s->partial, struct page, lru);
	if (!head && s->empty) {
		head = s->empty;
		s->empty = NULL;
		list_add(&head->lru, &s->partial);
	}
	if (!head && fresh) {
		head = fresh;
		fresh = NULL;
		s->nr_slabs++;
		list_add(&head->lru, &s->partial);
	}
	if (!head) {
		spin_unlock_irqrestore(&s->lock, flags);
		fresh = new_slab(s, gfp);
		if (!fresh)
			return NULL;
		goto again;
	}
	obj = head->freelist;
	head->freelist = get_free_ptr(obj);
	check_object(s, head, obj);
	if (++head->inuse == s->objects)
		list_move(&head->lru, &s->full);
	s->nr_active++;
	spin_unlock_irqrestore(&s->lock, flags);

	/* Lost a race for the lock: keep the slab we made as the spare. */
	if (fresh) {
		spin_lock_irqsave(&s->lock, flags);
		if (!s->empty) {
			s->empty = fresh;
			s->nr_slabs++;
			fresh = NULL;
		}
		spin_unlock_irqrestore(&s->lock, flags);
		if (fresh)
			discard_slab(s, fresh);
	}
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	else if (IS_ENABLED(CONFIG_DEBUG_VM))
		set_free_ptr(obj, (void *)0x6b6b6b6b6b6b6b6bUL);
	if (s->ctor)
		s->ctor(obj);
	return obj;
}

/**
 * kmem_cache_free - give an object back to its cache
 *
 * Freeing NULL does nothing. An object of another cache, an address that
 * is not an object start, or a double free is reported and ignored.
 */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *head, *discard = NULL;
	unsigned long flags;

	if (!obj)
		return;
	/*
	 * Find the slab with the lock held and interrupts off: migration
	 * (under stop_machine()) may move a slab's head page, but not while
	 * any CPU is in here.
	 */
	spin_lock_irqsave(&s->lock, flags);
	head = obj_to_head(obj);
	if (!head || !PageSlab(head) || head->slab_cache != s ||
	    ((char *)obj - (char *)slab_base(head)) % s->size ||
	    ((char *)obj - (char *)slab_base(head)) / s->size >= s->objects) {
		spin_unlock_irqrestore(&s->lock, flags);
		WARN_ON_ONCE(1);
		return;
	}
	if (IS_ENABLED(CONFIG_DEBUG_VM) && on_freelist(head, obj)) {
		spin_unlock_irqrestore(&s->lock, flags);
		pr_err("%s: double free of %p in %s\n", __func__, obj, s->name);
		WARN_ON_ONCE(1);
		return;
	}
	poison_object(s, obj);
	set_free_ptr(obj, head->freelist);
	head->freelist = obj;
	if (head->inuse-- == s->objects)
		list_move(&head->lru, &s->partial);
	s->nr_active--;
	if (!head->inuse) {
		list_del(&head->lru);
		if (!s->empty) {
			s->empty = head;
		} else {
			discard = head;
			s->nr_slabs--;
		}
	}
	spin_unlock_irqrestore(&s->lock, flags);
	if (discard)
		discard_slab(s, discard);
}

static unsigned int calculate_order(unsigned int size)
{
	unsigned int order = 0;

	while (order < SLAB_MAX_ORDER &&
	       (PAGE_SIZE << order) / size < SLAB_MIN_OBJECTS)
		order++;
	return order;
}

static void init_cache(struct kmem_cache *s, const char *name,
		       unsigned int size, unsigned int align, slab_flags_t flags,
		       void (*ctor)(void *))
{
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, 64u);
	align = max_t(unsigned int, align, sizeof(void *));
	s->name = name;
	s->object_size = size;
	s->size = ALIGN(max_t(unsigned int, size, sizeof(void *)), align);
	s->align = align;
	s->flags = flags;
	s->ctor = ctor;
	s->order = calculate_order(s->size);
	s->objects = (PAGE_SIZE << s->order) / s->size;
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	s->empty = NULL;
	s->nr_slabs = 0;
	s->nr_active = 0;
}

static void register_cache(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_list_lock, flags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_list_lock, flags);
}

/**
 * kmem_cache_create - a cache of @size-byte objects
 * @align: minimum alignment (0 for the word size); a power of two
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_RECLAIM_ACCOUNT, SLAB_PANIC
 * @ctor: run on each object as it is handed out, or NULL
 *
 * Return: the cache, or NULL for a bad size/alignment or no memory
 * (with SLAB_PANIC, those panic instead).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;

	if (size && size <= KMALLOC_MAX_CACHE_SIZE &&
	    (!align || (align & (align - 1)) == 0) && align <= PAGE_SIZE)
		s = kmem_cache_alloc(kmem_cache_cache, GFP_KERNEL | __GFP_ZERO);
	if (!s) {
		if (flags & SLAB_PANIC)
			panic("%s: cannot create cache %s", __func__, name);
		return NULL;
	}
	init_cache(s, name, size, align, flags, ctor);
	register_cache(s);
	return s;
}

/**
 * kmem_cache_shrink - free the cached empty slab
 */
void kmem_cache_shrink(struct kmem_cache *s)
{
	struct page *empty;
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	empty = s->empty;
	s->empty = NULL;
	if (empty)
		s->nr_slabs--;
	spin_unlock_irqrestore(&s->lock, flags);
	if (empty)
		discard_slab(s, empty);
}

/**
 * kmem_cache_destroy - free a cache that has no objects left
 *
 * A cache that still has objects is reported and left alone (leaked),
 * never freed under its users.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;

	if (!s)
		return;
	kmem_cache_shrink(s);
	if (s->nr_active || s->nr_slabs) {
		pr_err("%s: %s still has %lu objects\n", __func__, s->name,
		       s->nr_active);
		WARN_ON_ONCE(1);
		return;
	}
	spin_lock_irqsave(&slab_list_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_list_lock, flags);
	kmem_cache_free(kmem_cache_cache, s);
}

static int kmalloc_index(size_t size)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return i;
	return -1;
}

/**
 * kmalloc - @size bytes of kernel memory
 *
 * Return: the memory (aligned to at least 8 bytes, and to its size class
 * for power-of-two sizes), ZERO_SIZE_PTR for 0, or NULL.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	int idx;

	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_SIZE)
		return NULL;
	idx = kmalloc_index(size);
	if (idx >= 0)
		return kmem_cache_alloc(kmalloc_caches[idx], gfp);
	return kheap_alloc(get_order(size), gfp, 0);
}

/**
 * kfree - free what kmalloc() returned; NULL and ZERO_SIZE_PTR are ignored
 */
void kfree(const void *p)
{
	struct page *head;

	if (ZERO_OR_NULL_PTR(p))
		return;
	head = obj_to_head(p);
	if (WARN_ON_ONCE(!head))
		return;
	if (PageSlab(head)) {
		kmem_cache_free(head->slab_cache, (void *)p);
		return;
	}
	if (WARN_ON_ONCE(p != kheap_block_start(p)))
		return;
	kheap_free((void *)p);
}

/**
 * ksize - usable size of a kmalloc()ed block
 * Return: the size, or 0 for something that is not one.
 */
size_t ksize(const void *p)
{
	struct page *head;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	head = obj_to_head(p);
	if (!head)
		return 0;
	if (PageSlab(head))
		return head->slab_cache->object_size;
	return PAGE_SIZE << head->order;
}

/**
 * kmem_cache_init - bootstrap the cache of caches and the kmalloc caches
 */
void kmem_cache_init(void)
{
	unsigned int i;

	init_cache(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache),
		   0, SLAB_HWCACHE_ALIGN, NULL);
	register_cache(&kmem_cache_boot);
	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i],
						      kmalloc_sizes[i], 0,
						      SLAB_PANIC, NULL);
}
