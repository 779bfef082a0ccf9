// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel heap mappings: the only way pages reach slab and large kmalloc.
 *
 * DOC: kernel heap
 *
 * The heap range is cut into one sub-range per order (64 GiB each); a
 * block of 2^order pages gets a slot of that size in its order's
 * sub-range. Its pages are ordinary order-0 pages, not necessarily
 * contiguous, each mapped with its own 4 KiB entry and each recording
 * that address in page->virtual. So, from any heap address, the order
 * (and the block start) follow from the address alone, the page from one
 * page-table lookup, and a page can later be replaced by another by
 * rewriting one entry. Free slots are kept on per-order stacks stored in
 * chunks, one page each, reached through the direct map; each chunk page
 * has a movable owner (slot_chunk_owner) that relinks the stack when the
 * page moves, so that the chunks pin no memory block either.
 */
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include "internal.h"

#define SLOTS_PER_CHUNK	((PAGE_SIZE - 2 * sizeof(long)) / sizeof(long))

struct slot_chunk {
	struct slot_chunk *next;
	unsigned long nr;
	unsigned long slot[SLOTS_PER_CHUNK];
};

struct kheap_order {
	unsigned long next;		/* never-used slots start here */
	struct slot_chunk *free;	/* stack of freed slots */
};

/*
 * kheap_lock protects kheap_orders[], the chunks they hold and
 * kheap_pages; taken with interrupts off, so a stopped machine never has
 * it held by another CPU.
 */
static DEFINE_SPINLOCK(kheap_lock);
static struct kheap_order kheap_orders[KHEAP_MAX_ORDER + 1];
static unsigned long kheap_pages;

static unsigned long order_base(unsigned int order)
{
	return KHEAP_START + ((unsigned long)order << KHEAP_ORDER_SHIFT);
}

bool is_kheap_addr(const void *va)
{
	unsigned long a = (unsigned long)va;

	return a >= KHEAP_START &&
	       a < order_base(KHEAP_MAX_ORDER + 1) && a < KHEAP_END;
}

static unsigned int addr_order(unsigned long a)
{
	return (a - KHEAP_START) >> KHEAP_ORDER_SHIFT;
}

void *kheap_block_start(const void *va)
{
	unsigned long a = (unsigned long)va;
	unsigned int order = addr_order(a);

	return (void *)(order_base(order) +
			ALIGN_DOWN(a - order_base(order), PAGE_SIZE << order));
}

static struct slot_chunk *slot_chunk_alloc(void);
static void slot_chunk_free(struct slot_chunk *c);

/* Returns a free slot of @order, or 0 when the sub-range is used up. */
static unsigned long slot_get(unsigned int order)
{
	struct kheap_order *ko = &kheap_orders[order];
	struct slot_chunk *c = ko->free;
	unsigned long va;

	if (c && c->nr) {
		va = c->slot[--c->nr];
		if (!c->nr && c->next) {
			ko->free = c->next;
			slot_chunk_free(c);
		}
		return va;
	}
	if (ko->next + (PAGE_SIZE << order) > (1UL << KHEAP_ORDER_SHIFT))
		return 0;
	va = order_base(order) + ko->next;
	ko->next += PAGE_SIZE << order;
	return va;
}

/* Returns false only if a new chunk was needed and none could be had. */
static bool slot_put(unsigned int order, unsigned long va)
{
	struct kheap_order *ko = &kheap_orders[order];
	struct slot_chunk *c = ko->free;

	if (!c || c->nr == SLOTS_PER_CHUNK) {
		struct slot_chunk *n = slot_chunk_alloc();

		if (!n)
			return false;
		n->next = c;
		ko->free = c = n;
	}
	c->slot[c->nr++] = va;
	return true;
}

/*
 * A chunk moved (stopped machine, the runner): the stack that links it
 * names the copy from now on. The copy is taken again first: an earlier
 * move in the same stop may have relinked a pointer inside @old after
 * migrate.c copied it.
 */
static int slot_chunk_migrate(struct movable_owner *owner, struct page *old,
			      struct page *new)
{
	struct slot_chunk *from = page_dm_address(old), *to = page_dm_address(new);
	unsigned int order;

	if (spin_is_locked(&kheap_lock))
		return -EAGAIN;
	for (order = 0; order <= KHEAP_MAX_ORDER; order++) {
		struct slot_chunk **link = &kheap_orders[order].free;

		while (*link && *link != from)
			link = &(*link)->next;
		if (*link) {
			copy_page(to, from);
			*link = to;
			return 0;
		}
	}
	return -EBUSY;		/* not a chunk of any stack: being freed */
}

static struct movable_owner slot_chunk_owner = {
	.name = "kheap-slots",
	.migrate = slot_chunk_migrate,
};

/* A zeroed chunk page, movable; kheap_lock held. NULL if none. */
static struct slot_chunk *slot_chunk_alloc(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_MOVABLE | __GFP_ZERO);

	if (!page)
		return NULL;
	set_page_movable_owner(page, &slot_chunk_owner);
	return page_dm_address(page);
}

/* kheap_lock held; @c is on no stack any more. */
static void slot_chunk_free(struct slot_chunk *c)
{
	struct page *page = phys_to_page(__pa(c));

	clear_page_movable_owner(page);
	__free_page(page);
}

static void unmap_and_free(unsigned long va, unsigned long nr)
{
	unsigned long i;
	struct page *pages[16];
	unsigned long batch;

	/*
	 * Look the pages up before the entries go away, and mark them as no
	 * longer kernel-mapped while interrupts are off: migration runs under
	 * stop_machine(), which cannot start until this CPU takes interrupts
	 * again, and it never moves a page so marked. So the pages freed
	 * below are the ones mapped here, not ones it moved away meanwhile.
	 */
	for (i = 0; i < nr; i += batch) {
		unsigned long j, flags;

		batch = min(nr - i, ARRAY_SIZE(pages));
		local_irq_save(flags);
		for (j = 0; j < batch; j++) {
			pages[j] = kheap_virt_to_page((void *)(va + (i + j) * PAGE_SIZE));
			if (!pages[j])
				continue;
			pages[j]->type = PGTY_NONE;
			pages[j]->virtual = 0;
		}
		local_irq_restore(flags);
		kernel_unmap_range(va + i * PAGE_SIZE, batch * PAGE_SIZE);
		for (j = 0; j < batch; j++)
			if (pages[j])
				__free_page(pages[j]);
	}
}

/**
 * kheap_alloc - 2^@order pages mapped at one heap address
 * @gfp: for the pages; __GFP_ZERO zeroes them
 * @nid: preferred node
 *
 * Return: the address, or NULL when out of pages, page tables or range.
 */
void *kheap_alloc(unsigned int order, gfp_t gfp, int nid)
{
	unsigned long va, flags, i, nr = 1UL << order;

	if (order > KHEAP_MAX_ORDER)
		return NULL;
	spin_lock_irqsave(&kheap_lock, flags);
	va = slot_get(order);
	spin_unlock_irqrestore(&kheap_lock, flags);
	if (!va)
		return NULL;

	for (i = 0; i < nr; i++) {
		struct page *page = __alloc_pages(gfp, 0, nid);
		unsigned long pva = va + i * PAGE_SIZE;

		if (!page)
			goto undo;
		if (kernel_map_range(pva, page_to_phys(page), PAGE_SIZE,
				     PAGE_KERNEL, 0)) {
			__free_page(page);
			goto undo;
		}
		page->type = PGTY_KHEAP;
		page->virtual = pva;
		page->order = i ? 0 : order;
	}
	spin_lock_irqsave(&kheap_lock, flags);
	kheap_pages += nr;
	spin_unlock_irqrestore(&kheap_lock, flags);
	return (void *)va;

undo:
	unmap_and_free(va, i);
	spin_lock_irqsave(&kheap_lock, flags);
	if (!slot_put(order, va))
		pr_warn("kheap: leaking heap range %#lx\n", va);
	spin_unlock_irqrestore(&kheap_lock, flags);
	return NULL;
}

/**
 * kheap_free - unmap a block kheap_alloc() returned and free its pages
 * @va: the block's start address
 */
void kheap_free(void *va)
{
	unsigned long a = (unsigned long)va, flags, nr;
	unsigned int order;

	if (WARN_ON_ONCE(!is_kheap_addr(va) || va != kheap_block_start(va)))
		return;
	order = addr_order(a);
	nr = 1UL << order;
	unmap_and_free(a, nr);
	spin_lock_irqsave(&kheap_lock, flags);
	kheap_pages -= nr;
	if (!slot_put(order, a))
		pr_warn("kheap: leaking heap range %#lx\n", a);
	spin_unlock_irqrestore(&kheap_lock, flags);
}

/**
 * kheap_virt_to_page - the page mapped at a heap address
 * Return: the page, or NULL if @va is not a mapped heap address.
 */
struct page *kheap_virt_to_page(const void *va)
{
	phys_addr_t pa;

	if (!is_kheap_addr(va))
		return NULL;
	pa = kernel_virt_to_phys((unsigned long)va);
	return pa == PHYS_ADDR_MAX ? NULL : phys_to_page(pa);
}

unsigned long kheap_nr_pages(void)
{
	return kheap_pages;
}
