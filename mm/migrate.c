// SPDX-License-Identifier: GPL-2.0
/*
 * Page migration: move pages in use to other pages, for movable pages that
 * have an owner and for kernel heap, slab and vmalloc pages.
 *
 * DOC: page migration
 *
 * Two kinds of page can move. A page allocated with __GFP_MOVABLE whose
 * owner registered a struct movable_owner: the owner is asked to switch
 * its reference from the old page to the new one. A kernel page of the
 * heap, of a slab or of a vmalloc area: such a page has exactly one kernel
 * mapping, at page->virtual (Tide never hands out direct-map addresses of
 * those), so moving it means rewriting that one entry; the address the
 * kernel uses, and so every pointer into the page, stays the same.
 *
 * migrate_pages() works in chunks of MIGRATE_CHUNK_PAGES. For a chunk it
 * allocates the targets first (nothing can fail later for lack of memory),
 * then does all the copying and switching under one stop_machine(): every
 * CPU sits with interrupts off, so nobody writes to a page between its
 * copy and its switch. Page by page, the runner checks that the page is
 * still what it was (one reference, same owner, same mapping), copies it
 * through the direct map, switches the owner or rewrites the entry and
 * flushes its own TLB entry for it at once, so that its own later writes
 * (say, an owner's callback updating an array that lives in a page moved
 * just before) reach the new page. The other CPUs only spin, touching the
 * stop state, their per-CPU areas and the kernel image; once the chunk is
 * done the runner shoots down their TLB entries before they go on. A page
 * of a CPU's per-CPU copy (a vmalloc area) is the exception: that CPU
 * writes it while it spins, so the runner has it copy and switch the page
 * itself (stop_machine_run_on()) and has every other CPU drop the old
 * translation at once, before any cross call could write through it. After
 * the stop the old pages are freed, and the unused targets of the pages
 * that could not move. A page that cannot move is left exactly as it
 * was.
 *
 * Kinds with a struct kernel_page_mover (page tables, memmap blocks) move
 * by their mover's rule, a unit of order above 0 at a time. Not moved
 * (-EBUSY): other pages of order above 0, CPU 0's per-CPU area (in the
 * kernel image) and reserved pages. A kernel stack moves like any vmalloc
 * page unless a CPU is running on it during the stop. That, pages with
 * an extra reference (held for a moment by someone), slab pages whose
 * slab is between lists (being set up or torn down) and pages whose
 * mapping is changing give -EAGAIN and are retried up to
 * MIGRATE_MAX_PASSES times.
 *
 * Anonymous user pages (PGTY_ANON) move without stopping the machine:
 * see "user pages" below.
 *
 * Caller's side: the caller keeps the pages allocated for the whole call
 * (their owners must not free them meanwhile; user pages are the
 * exception, munmap may free them at any time); to keep targets out of a
 * range being emptied, it isolates that range's pageblocks first.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/memblock.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/stop_machine.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include "internal.h"

/* Past this many rewritten entries one full flush beats a ranged one. */
#define MIGRATE_FLUSH_ALL	8

struct migrate_item {
	struct page *old;
	struct page *new;		/* target, or NULL */
	const struct kernel_page_mover *mover;	/* @old's kind moves so */
	unsigned int order;		/* of @old's unit (mover's pages only) */
	int ret;			/* 0 once moved, else why not (or 1: to do) */
	bool copied;			/* an owned page's data is in @new */
};

struct migrate_chunk {
	struct migrate_item item[MIGRATE_CHUNK_PAGES];
	unsigned int nr;
	unsigned long va[MIGRATE_FLUSH_ALL];	/* entries rewritten */
	unsigned int nr_va;
	bool flush_all;			/* a mover moved something */
	/* Sharing out the copying of owned pages among the stopped CPUs. */
	atomic_t next_copy;		/* next item to take */
	unsigned int helpers;		/* CPUs helping */
	atomic_t helpers_done;
};

static atomic_long_t nr_succeeded;

/*
 * The mover of each page type that moves by its own rule. Written by
 * initcalls before anything migrates, read unlocked after.
 */
static const struct kernel_page_mover *page_movers[PGTY_NR];

/**
 * register_kernel_page_mover - pages of @type move with @mover from now on
 *
 * Called once per type, from an initcall. See struct kernel_page_mover.
 */
void register_kernel_page_mover(unsigned int type,
				const struct kernel_page_mover *mover)
{
	if (WARN_ON(type >= PGTY_NR || page_movers[type]))
		return;
	WRITE_ONCE(page_movers[type], mover);
}

/**
 * kernel_page_mover_of - the mover registered for @page's type
 * Return: the mover, or NULL when @page's kind has none.
 */
const struct kernel_page_mover *kernel_page_mover_of(const struct page *page)
{
	unsigned int type = READ_ONCE(page->type);

	return type < PGTY_NR ? READ_ONCE(page_movers[type]) : NULL;
}

/* Whether @page heads a unit its kind's mover could move at all. */
static bool mover_unit_movable(const struct kernel_page_mover *m,
			       const struct page *page)
{
	return !PageBuddy(page) && m->movable(page);
}

/**
 * set_page_movable_owner - make @owner the one to ask when @page moves
 * @page: an order-0 page from __alloc_pages() with __GFP_MOVABLE
 *
 * The owner keeps the page until it frees it (freeing clears the owner).
 */
void set_page_movable_owner(struct page *page, struct movable_owner *owner)
{
	WRITE_ONCE(page->owner, owner);
}

/**
 * clear_page_movable_owner - @page can no longer move
 */
void clear_page_movable_owner(struct page *page)
{
	WRITE_ONCE(page->owner, NULL);
}

/**
 * page_movable_owner - the owner set_page_movable_owner() gave @page
 * Return: the owner, or NULL.
 */
struct movable_owner *page_movable_owner(const struct page *page)
{
	return READ_ONCE(page->owner);
}

/**
 * movable_page_address - where the owner of a movable page reaches its data
 *
 * The direct-map address of @page. Only valid while the owner's reference
 * names @page: after its migrate callback switched to a new page, the
 * owner must use the new page's address.
 *
 * Return: the address.
 */
void *movable_page_address(const struct page *page)
{
	return page_dm_address(page);
}

static bool is_kernel_mapped_type(const struct page *page)
{
	return page->type == PGTY_KHEAP || page->type == PGTY_SLAB ||
	       page->type == PGTY_VMALLOC;
}

static bool page_kind_migratable(const struct page *page);

/**
 * page_is_migratable - could migrate_pages() move @page at all?
 *
 * A quick unlocked look, for scanners deciding what to try: an order-0
 * page in use, anonymous, with an owner or with a kernel mapping at
 * page->virtual. The real checks are repeated when the page is moved.
 *
 * Return: true if it is worth trying.
 */
bool page_is_migratable(const struct page *page)
{
	const struct kernel_page_mover *m = kernel_page_mover_of(page);

	if (m)
		return mover_unit_movable(m, page);
	return page_count(page) == 1 && page_kind_migratable(page);
}

/*
 * Whether @page is of a kind migrate_pages() moves, whatever its
 * reference count: a page with an extra reference may be pinned only for
 * a moment.
 */
static bool page_kind_migratable(const struct page *page)
{
	const struct kernel_page_mover *m = kernel_page_mover_of(page);

	if (m)
		return mover_unit_movable(m, page);
	if (PageReserved(page) || PageBuddy(page) || page_count(page) < 1)
		return false;
	if (PageAnon(page))
		return page->order == 0;
	if (page_movable_owner(page))
		return page->type == PGTY_NONE && page->order == 0;
	return is_kernel_mapped_type(page) && page->virtual;
}

/*
 * A movable target for an owned page: ZONE_MOVABLE of every node first
 * (nodes in @order, nearest first), then the kernel zones, each only
 * above zone_kernel_reserve(), so that user data leaving a block never
 * takes the memory the kernel needs.
 */
static struct page *alloc_movable_target(const int *order, int n, gfp_t gfp)
{
	struct page *page;
	int i, z;

	for (i = 0; i < n; i++) {
		page = alloc_page_zone(&NODE_DATA(order[i])->node_zones[ZONE_MOVABLE],
				       gfp, 0);
		if (page)
			return page;
	}
	for (i = 0; i < n; i++) {
		for (z = ZONE_MOVABLE - 1; z >= 0; z--) {
			struct zone *zone = &NODE_DATA(order[i])->node_zones[z];

			page = alloc_page_zone(zone, gfp, zone_kernel_reserve(zone));
			if (page)
				return page;
		}
	}
	return NULL;
}

/**
 * alloc_migration_target - default target allocator for migrate_pages()
 * @old: the page to move
 * @private: a struct migration_target_control *, or 0 for the defaults
 *
 * Owned and anonymous pages get a movable page, from ZONE_MOVABLE wherever
 * there is room before any kernel zone, and from a kernel zone only above its
 * kernel reserve (alloc_movable_target()); kernel pages an unmovable (or,
 * if their pageblock is reclaimable, a reclaimable) one, so that kernel
 * data never lands in ZONE_MOVABLE. Isolated pageblocks are never used.
 * With other_nodes_first the page's own node comes last.
 *
 * Return: the page, or NULL when out of memory.
 */
struct page *alloc_migration_target(struct page *old, unsigned long private)
{
	const struct migration_target_control *mtc = (void *)private;
	int nid = mtc && mtc->nid != NUMA_NO_NODE ? mtc->nid : page_to_nid(old);
	gfp_t gfp = (mtc ? mtc->gfp : 0) | __GFP_NOWARN;
	const struct kernel_page_mover *mover;
	int order[MAX_NUMNODES], n, i;
	unsigned int unit = 0;
	struct page *page;

	if (gfp & __GFP_THISNODE) {
		order[0] = nid;
		n = 1;
	} else {
		n = node_order_by_distance(nid, order);
	}
	if (mtc && mtc->other_nodes_first && n > 1) {
		/* nid is order[0], the nearest: move it to the end */
		for (i = 0; i < n - 1; i++)
			order[i] = order[i + 1];
		order[n - 1] = nid;
	}
	if (page_movable_owner(old) || PageAnon(old))
		return alloc_movable_target(order, n, gfp | __GFP_MOVABLE);
	mover = kernel_page_mover_of(old);	/* once: the type may change */
	if (mover)
		unit = mover->order(old);
	else if (get_pageblock_migratetype(old) == MIGRATE_RECLAIMABLE)
		gfp |= __GFP_RECLAIMABLE;
	for (i = 0; i < n; i++) {
		page = __alloc_pages(gfp | __GFP_THISNODE, unit, order[i]);
		if (page)
			return page;
	}
	return NULL;
}

/*
 * The vmalloc area holding @va. Every area starts with an unmapped guard
 * page and is mapped without holes after it, so the first unmapped page
 * below @va is the guard. Stopped machine only.
 */
static struct vm_struct *vm_area_of(unsigned long va)
{
	unsigned long a = va;
	int level;

	while (a > VMALLOC_START && lookup_address(a - PAGE_SIZE, &level))
		a -= PAGE_SIZE;
	return find_vm_area((void *)a);
}

/* Is @head on one of its cache's lists or its spare? Stopped machine. */
static bool slab_is_listed(struct kmem_cache *s, struct page *head)
{
	struct page *p;

	if (s->empty == head)
		return true;
	list_for_each_entry(p, &s->partial, lru)
		if (p == head)
			return true;
	list_for_each_entry(p, &s->full, lru)
		if (p == head)
			return true;
	return false;
}

/*
 * Checks that kernel page @old can move now and returns its entry, or NULL
 * with *ret set. For vmalloc pages also finds the slot naming the page.
 */
static pgentry_t *kernel_page_check(struct page *old, struct page ***slot,
				    int *ret)
{
	unsigned long va = old->virtual;
	pgentry_t *pte;
	int level;

	*ret = -EAGAIN;
	pte = lookup_address(va, &level);
	if (!pte || level != PG_LEVEL_4K ||
	    pgentry_addr(*pte) != page_to_phys(old))
		return NULL;

	*ret = -EBUSY;
	if (old->type == PGTY_VMALLOC) {
		struct vm_struct *vm;
		unsigned long idx;

		vm = vm_area_of(va);
		if (!vm || !(vm->flags & VM_ALLOC))
			return NULL;
		/*
		 * A kernel stack moves like any vmalloc page unless a CPU is
		 * running on it right now (in the stop, writing it).
		 */
		if ((vm->flags & VM_STACK) &&
		    stop_machine_stack_busy(vm->addr, vm->addr + vm->size)) {
			*ret = -EAGAIN;
			return NULL;
		}
		idx = (va - vm->addr) / PAGE_SIZE - 1;	/* guard page first */
		if (idx >= vm->nr_pages || vm->pages[idx] != old) {
			*ret = -EAGAIN;
			return NULL;
		}
		*slot = &vm->pages[idx];
	} else if (old->type == PGTY_SLAB) {
		struct kmem_cache *s = old->slab_cache;

		/*
		 * Every other CPU is stopped, so a held lock stays held: give
		 * up rather than touch the lists under its holder.
		 */
		*ret = -EAGAIN;
		if (!s || spin_is_locked(&s->lock) || !slab_is_listed(s, old))
			return NULL;
	}
	*ret = 0;
	return pte;
}

/* Gives @new the state a slab head or heap page keeps in its struct page. */
static void transfer_kernel_page_state(struct kmem_cache *s, struct page *old,
				       struct page *new)
{
	new->type = old->type;
	new->order = old->order;
	new->virtual = old->virtual;
	if (old->type != PGTY_SLAB)
		return;
	new->slab_cache = old->slab_cache;
	new->freelist = old->freelist;
	new->inuse = old->inuse;
	if (s->empty == old) {
		s->empty = new;
		INIT_LIST_HEAD(&new->lru);
	} else {
		new->lru = old->lru;
		new->lru.next->prev = &new->lru;
		new->lru.prev->next = &new->lru;
	}
	INIT_LIST_HEAD(&old->lru);
}

/* A kernel page's copy and the switch of its one entry. */
struct kernel_page_switch {
	struct page *old, *new;
	pgentry_t *pte;
};

/* Copies, then points the entry at the copy and flushes this CPU's TLB. */
static int kernel_page_switch(void *arg)
{
	struct kernel_page_switch *sw = arg;

	copy_page(page_dm_address(sw->new), page_dm_address(sw->old));
	WRITE_ONCE(*sw->pte, mk_leaf(page_to_phys(sw->new),
				     pgentry_prot(*sw->pte), PG_LEVEL_4K));
	invlpg(sw->old->virtual);
	return 0;
}

static int kernel_page_forget(void *arg)
{
	invlpg(*(unsigned long *)arg);
	return 0;
}

/*
 * Switches a page of @cpu's per-CPU copy. That CPU writes its per-CPU
 * data while it waits in the stop (its cross-call queue), so it copies
 * and switches the page itself; the other CPUs then drop the old
 * translation at once, before a cross call (whose completion they write
 * into the caller's per-CPU slots) could write through it.
 */
static void percpu_page_switch(struct kernel_page_switch *sw, int cpu)
{
	unsigned long va = sw->old->virtual;
	int self = smp_processor_id(), other;

	if (cpu == self)
		kernel_page_switch(sw);
	else if (stop_machine_run_on(cpu, kernel_page_switch, sw))
		WARN_ON_ONCE(1);
	for_each_online_cpu(other) {
		if (other == self)
			invlpg(va);
		else if (other != cpu)
			stop_machine_run_on(other, kernel_page_forget, &va);
	}
}

/* Moves one kernel page; stopped machine, the runner CPU. */
static int move_kernel_page(struct migrate_chunk *c, struct page *old,
			    struct page *new)
{
	struct kernel_page_switch sw = { .old = old, .new = new };
	struct page **slot = NULL;
	int ret, cpu;

	if (old->type == PGTY_NONE)
		return -EBUSY;
	if (page_count(old) != 1)	/* someone holds it for a moment */
		return -EAGAIN;
	sw.pte = kernel_page_check(old, &slot, &ret);
	if (!sw.pte)
		return ret;
	cpu = old->type == PGTY_VMALLOC ? per_cpu_area_owner(old->virtual) : -1;
	if (cpu >= 0 && !cpu_online(cpu))
		return -EBUSY;	/* nobody to switch it: cannot happen yet */

	/*
	 * The runner's own writes (the slab lists, the area's page array)
	 * come before the copy, so that the copy has them all.
	 */
	transfer_kernel_page_state(old->slab_cache, old, new);
	if (slot)
		*slot = new;
	if (cpu >= 0)
		percpu_page_switch(&sw, cpu);
	else
		kernel_page_switch(&sw);
	/* From here on this CPU's accesses to the address reach @new. */
	if (c->nr_va < MIGRATE_FLUSH_ALL)
		c->va[c->nr_va] = old->virtual;
	c->nr_va++;
	return 0;
}

/* Whether owned page @old may move now; stopped machine. */
static bool owned_page_movable(struct page *old)
{
	return page_movable_owner(old) && page_count(old) == 1 &&
	       old->type == PGTY_NONE && !old->order;
}

/*
 * Moves one owned page; stopped machine, the runner CPU. Its data may
 * have been copied already (@copied): nothing writes an owned page while
 * the machine is stopped, so that copy is still good.
 */
static int move_owned_page(struct page *old, struct page *new, bool copied)
{
	struct movable_owner *owner = page_movable_owner(old);
	int ret;

	if (!owned_page_movable(old))
		return page_count(old) > 1 && page_movable_owner(old) ?
		       -EAGAIN : -EBUSY;
	if (!copied)
		copy_page(page_dm_address(new), page_dm_address(old));
	new->private = old->private;
	ret = owner->migrate(owner, old, new);
	if (ret) {
		new->private = 0;
		return ret == -EAGAIN ? -EAGAIN : -EBUSY;
	}
	new->owner = owner;
	old->owner = NULL;
	return 0;
}

/*
 * Copies owned pages of @c, taking items one at a time until none is
 * left; every CPU of the stop runs this at once. Kernel pages are not
 * copied here: the runner itself may write to one (an owner's array, a
 * slab list) until it moves it, so it copies them at that moment.
 */
static void migrate_chunk_copy_share(struct migrate_chunk *c)
{
	unsigned int i;

	while ((i = atomic_fetch_inc_relaxed(&c->next_copy)) < c->nr) {
		struct migrate_item *it = &c->item[i];

		if (it->ret == 1 && owned_page_movable(it->old)) {
			copy_page(page_dm_address(it->new), page_dm_address(it->old));
			it->copied = true;
		}
	}
}

/* The other CPUs of the stop: their share of the copying. */
static int migrate_chunk_helper(void *arg)
{
	struct migrate_chunk *c = arg;

	migrate_chunk_copy_share(c);
	atomic_inc_return_release(&c->helpers_done);
	return 0;
}

static int migrate_chunk_stopped(void *arg)
{
	struct migrate_chunk *c = arg;
	unsigned int i;

	migrate_chunk_copy_share(c);
	while (atomic_read_acquire(&c->helpers_done) < c->helpers)
		cpu_relax();

	c->nr_va = 0;
	c->flush_all = false;
	for (i = 0; i < c->nr; i++) {
		struct migrate_item *it = &c->item[i];

		if (it->ret != 1)
			continue;
		if (it->mover) {
			it->ret = it->mover->move(it->old, it->new);
			if (!it->ret)
				c->flush_all = true;
		} else if (page_movable_owner(it->old))
			it->ret = move_owned_page(it->old, it->new, it->copied);
		else if (is_kernel_mapped_type(it->old) && it->old->virtual)
			it->ret = move_kernel_page(c, it->old, it->new);
		else if (!page_count(it->old) || PageBuddy(it->old))
			it->ret = -ENOENT;	/* freed since the pass began */
		else
			it->ret = -EBUSY;
	}
	/*
	 * The other CPUs may still hold the old translations: drop them. A
	 * mover's move may have changed a page table or a large leaf: all.
	 */
	if (c->flush_all || c->nr_va > MIGRATE_FLUSH_ALL) {
		flush_tlb_all();
	} else {
		for (i = 0; i < c->nr_va; i++)
			flush_tlb_kernel_range(c->va[i], c->va[i] + PAGE_SIZE);
	}
	return 0;
}

/*
 * An old unit of 2^@order pages that moved: forget what each page was,
 * then free it (memory memblock gave at boot goes to the allocator for
 * the first time).
 */
static void release_old_unit(struct page *old, unsigned int order)
{
	bool reserved = PageReserved(old);
	struct page *p, *end = old + (1UL << order);

	for (p = old; p < end; p++) {

		p->type = PGTY_NONE;
		p->virtual = 0;
		p->owner = NULL;
		p->private = 0;
		p->freelist = NULL;
		p->inuse = 0;
		p->order = 0;
		if (reserved)
			free_reserved_page(p);
	}
	if (!reserved)
		__free_pages(old, order);
}

/* A target that was not used: back to the allocator. */
static void free_target(struct migrate_item *it)
{
	__free_pages(it->new, it->order);
	it->new = NULL;
}

/*
 * DOC: user pages
 *
 * An anonymous page is reached by user code, and by the kernel's user
 * accesses, through its user mappings alone: the reverse map (mm/rmap.c)
 * lists them. migrate_anon_page() takes a reference and the page lock,
 * turns every mapping into a migration entry and shoots the address down
 * on every CPU running each mm (rmap_migration_unmap()), so that from
 * then on any access faults and waits; only then it copies the page,
 * makes the entries name the copy with the permissions they had
 * (rmap_migration_remap()) and frees the old page. Nothing stops: the
 * other CPUs go on, and only a thread touching this page waits.
 *
 * A reference beyond the mappings' one and ours means someone holds the
 * page (no such user exists yet: the kernel reads user memory through the
 * user mapping, and so waits like user code): -EAGAIN, with the entries
 * restored to the old page. So do mappings that keep changing.
 */

/* A reference to @page unless it is free. */
static bool get_page_unless_zero(struct page *page)
{
	int count = atomic_read(&page->_refcount);

	do {
		if (!count)
			return false;
	} while (!atomic_try_cmpxchg(&page->_refcount, &count, count + 1));
	return true;
}

/*
 * Moves anonymous page @old to @new. Returns 0 when it moved (@old is
 * freed, @new mapped instead); -ENOENT when every mapping went away
 * meanwhile (@old is freed or on its way there, @new is freed); or
 * -EAGAIN (@old as it was, @new unused, still the caller's).
 */
static int migrate_anon_page(struct page *old, struct page *new)
{
	int ret = -EAGAIN;

	/* Freed, or no longer mapped: nothing left to move. */
	if (!get_page_unless_zero(old))
		return -ENOENT;
	if (!trylock_page(old))
		goto put;
	/* Checked under the lock: the last unmap clears both under it. */
	if (!PageAnon(old) || !READ_ONCE(old->anon_rmap)) {
		ret = -ENOENT;
		goto unlock;
	}

	ret = rmap_migration_unmap(old);
	/* The mappings' reference and ours: any other is a pin. */
	if (!ret && page_count(old) != 2)
		ret = -EAGAIN;
	if (ret) {
		rmap_migration_remap(old, old);
		goto unlock;
	}
	copy_page(page_dm_address(new), page_dm_address(old));
	if (!rmap_migration_remap(old, new)) {
		unlock_page(old);
		put_page(old);
		put_page(old);
		return -ENOENT;
	}
	unlock_page(old);
	/* Ours, then the mappings': the old page is freed (and poisoned). */
	put_page(old);
	put_page(old);
	return 0;

unlock:
	unlock_page(old);
put:
	put_page(old);
	return ret == -EINVAL ? -EBUSY : ret;
}

/*
 * Moves the anonymous pages among the pending items of @c, outside any
 * stop. Returns how many of them are done (moved or gone).
 */
static unsigned int migrate_chunk_anon(struct migrate_chunk *c)
{
	unsigned int i, done = 0;

	for (i = 0; i < c->nr; i++) {
		struct migrate_item *it = &c->item[i];
		int ret;

		if (it->ret != 1 || !PageAnon(it->old))
			continue;
		ret = migrate_anon_page(it->old, it->new);
		if (ret == -EAGAIN || ret == -EBUSY) {
			/* @new stays for the next pass, or is freed after it */
			it->ret = ret;
			continue;
		}
		if (ret == -ENOENT)	/* gone: @new unused */
			__free_page(it->new);
		it->old = ret ? NULL : it->new;
		it->new = NULL;
		it->ret = 0;
		done++;
	}
	return done;
}

/* One pass over the pending items of @c. Returns how many moved. */
static unsigned int migrate_chunk_pass(struct migrate_chunk *c,
				       new_page_t get_new, unsigned long private)
{
	unsigned int i, moved = 0, todo = 0;

	for (i = 0; i < c->nr; i++) {
		struct migrate_item *it = &c->item[i];

		if (it->ret != -EAGAIN && it->ret != 1)
			continue;
		if (PageBuddy(it->old) ||
		    (!page_count(it->old) && !kernel_page_mover_of(it->old))) {
			/*
			 * Freed since the caller chose it (a process exited,
			 * or copy-on-write let go of it): nothing to move.
			 */
			if (it->new)
				free_target(it);
			it->old = NULL;
			it->ret = 0;
			continue;
		}
		if (!it->new) {
			it->mover = kernel_page_mover_of(it->old);
			it->order = it->mover ? it->mover->order(it->old) : 0;
		} else if (it->mover != kernel_page_mover_of(it->old)) {
			/* Freed and reused as something else meanwhile. */
			free_target(it);
			it->ret = -EAGAIN;
			continue;
		}
		if (!page_is_migratable(it->old)) {
			/* A user page's extra reference is fork's, for a moment. */
			it->ret = PageAnon(it->old) && page_count(it->old) > 1 ?
				  -EAGAIN : -EBUSY;
			continue;
		}
		if (!it->new)
			it->new = get_new(it->old, private);
		if (!it->new) {
			it->ret = -ENOMEM;
			continue;
		}
		it->ret = 1;
		todo++;
	}
	moved = migrate_chunk_anon(c);
	for (i = 0; i < c->nr; i++)
		if (c->item[i].ret == 1)
			break;
	if (!todo || i == c->nr)
		return moved;

	for (i = 0; i < c->nr; i++)
		c->item[i].copied = false;
	atomic_set(&c->next_copy, 0);
	atomic_set(&c->helpers_done, 0);
	c->helpers = num_online_cpus() - 1;
	stop_machine_helped(migrate_chunk_stopped, migrate_chunk_helper, c);

	for (i = 0; i < c->nr; i++) {
		struct migrate_item *it = &c->item[i];

		if (!it->new)
			continue;
		if (it->ret == -ENOENT) {	/* already free: nothing moved */
			free_target(it);
			it->old = NULL;
			it->ret = 0;
			continue;
		}
		if (it->ret == 0) {
			release_old_unit(it->old, it->order);
			it->old = it->new;
			it->new = NULL;
			moved++;
		} else if (it->ret != -EAGAIN) {
			free_target(it);
		}
	}
	return moved;
}

/**
 * migrate_pages - move each page of @pages to a page from @get_new
 * @pages: order-0 pages in use; on return each moved entry names the new
 *	   page (NULL for a user page whose mappings all went away
 *	   meanwhile: it was freed), the others are unchanged
 * @nr: entries in @pages
 * @get_new: target allocator, e.g. alloc_migration_target()
 * @private: passed to @get_new
 * @nr_failed: if not NULL, set to the number of pages that did not move
 *
 * Copies each page, switches its owner's reference (or rewrites its kernel
 * mapping, or its user mappings), flushes the TLBs and frees the old
 * page. User pages move one by one under their page lock; the others
 * under stop_machine(). Works
 * in chunks of MIGRATE_CHUNK_PAGES, each under one stop_machine(), and may
 * reschedule between chunks. Pages failing with -EAGAIN are tried again,
 * at most MIGRATE_MAX_PASSES times in all. A page that does not move is
 * left intact. Must be called from a task, with interrupts on.
 *
 * Return: 0 if every page moved; otherwise the error of the first page
 * that did not: -ENOMEM (no target), -EBUSY (the page cannot move: pinned,
 * not movable, or its owner refused), -EAGAIN (it kept changing).
 */
int migrate_pages(struct page **pages, unsigned int nr, new_page_t get_new,
		  unsigned long private, unsigned int *nr_failed)
{
	struct migrate_chunk *c;
	unsigned int base, i, pass, failed = 0;
	int ret = 0;

	c = kmalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	for (base = 0; base < nr; base += c->nr) {
		c->nr = min_t(unsigned int, nr - base, MIGRATE_CHUNK_PAGES);
		for (i = 0; i < c->nr; i++) {
			c->item[i].old = pages[base + i];
			c->item[i].new = NULL;
			c->item[i].mover = NULL;
			c->item[i].order = 0;
			c->item[i].ret = 1;
		}
		for (pass = 0; pass < MIGRATE_MAX_PASSES; pass++) {
			migrate_chunk_pass(c, get_new, private);
			for (i = 0; i < c->nr; i++)
				if (c->item[i].ret == -EAGAIN)
					break;
			if (i == c->nr)
				break;
			cond_resched();
		}
		for (i = 0; i < c->nr; i++) {
			struct migrate_item *it = &c->item[i];

			if (it->new)	/* still -EAGAIN after the last pass */
				free_target(it);
			pages[base + i] = it->old;
			if (!it->ret)
				continue;
			failed++;
			if (!ret)
				ret = it->ret;
		}
		cond_resched();
	}
	kfree(c);
	atomic_long_add(nr - failed, &nr_succeeded);
	if (nr_failed)
		*nr_failed = failed;
	return ret;
}

/*
 * If @pfn lies in a free buddy block, the pfn after that block, else 0.
 * Unlocked: the answer may be stale, and only decides what to skip.
 */
static unsigned long free_block_end(unsigned long pfn)
{
	unsigned int o;

	for (o = 0; o <= MAX_PAGE_ORDER; o++) {
		unsigned long head = ALIGN_DOWN(pfn, 1UL << o);
		struct page *hp;
		unsigned int order;

		if (!pfn_valid(head))
			return 0;
		hp = pfn_to_page(head);
		if (!PageBuddy(hp))
			continue;
		order = READ_ONCE(hp->private);
		if (order <= MAX_PAGE_ORDER && head + (1UL << order) > pfn)
			return head + (1UL << order);
	}
	return 0;
}

/**
 * pfn_range_first_pinned - the first page of a range that can never move
 * @start_pfn: first pfn
 * @end_pfn: the pfn after the range
 *
 * Classifies pages as migrate_pfn_range() does, without moving any: a
 * hole (no memmap), a reserved page that no mover handles (the kernel
 * image, firmware's ranges, boot metadata) and a page in use of no
 * movable kind (neither an owner, nor a kernel mapping, nor the reverse
 * map, nor being set up for a movable use: a device's ring, say) are
 * pinned; free pages, PGTY_UNPLUGGED pages and pages held only for a
 * moment are not. Unlocked: a snapshot, like the offline scan's first
 * look. For the memory block's ``removable`` file. Sleeps
 * (cond_resched()).
 *
 * Return: the pfn of the first pinned page, or @end_pfn if none is.
 */
unsigned long pfn_range_first_pinned(unsigned long start_pfn,
				     unsigned long end_pfn)
{
	const struct kernel_page_mover *mover;
	unsigned long pfn = start_pfn, end;
	struct page *page;

	while (pfn < end_pfn) {
		if (!(pfn % 4096))
			cond_resched();
		if (!pfn_valid(pfn))
			return pfn;
		page = pfn_to_page(pfn);
		end = free_block_end(pfn);
		if (end) {
			pfn = end;
			continue;
		}
		mover = kernel_page_mover_of(page);
		if (mover && mover_unit_movable(mover, page)) {
			pfn = ALIGN_DOWN(pfn, 1UL << mover->order(page)) +
			      (1UL << mover->order(page));
			continue;
		}
		if (PageReserved(page) && !PageUnplugged(page))
			return pfn;
		if (page_count(page) && !PageUnplugged(page) &&
		    !page_kind_migratable(page) && !PageMovableAlloc(page))
			return pfn;
		pfn++;
	}
	return end_pfn;
}

/**
 * migrate_pfn_range - move every page in use out of [@start_pfn, @end_pfn)
 * @get_new: target allocator, e.g. alloc_migration_target()
 * @private: passed to @get_new
 * @bad_pfn: if not NULL, set to the first page that cannot move when
 *	     -EBUSY is returned for one
 *
 * The scan for offlining: free blocks are skipped, every other page must
 * be migratable (page_is_migratable()) and is moved, MIGRATE_CHUNK_PAGES
 * at a time. The caller isolates the range's pageblocks first, so that
 * targets come from elsewhere and nothing new is allocated inside.
 * Holes (pfns without a memmap) and PGTY_UNPLUGGED pages are skipped. Stops at the first page that
 * cannot move; pages moved before it stay moved. A page of a movable kind
 * that has an extra reference, and a page allocated for a movable use
 * that its user has not yet mapped or given an owner (PG_movable_alloc),
 * are skipped for now (-EAGAIN at the end): the next call may find them
 * movable, or free.
 *
 * Return: 0 when no page in use is left to move; -EBUSY (a page that is
 * not movable, or refused), -ENOMEM or -EAGAIN (one was held, or kept
 * changing) otherwise.
 */
int migrate_pfn_range(unsigned long start_pfn, unsigned long end_pfn,
		      new_page_t get_new, unsigned long private,
		      unsigned long *bad_pfn)
{
	const struct kernel_page_mover *mover;
	unsigned long pfn = start_pfn;
	unsigned int unit;
	struct page **batch;
	unsigned int n = 0;
	bool busy = false;
	int ret = 0;

	batch = kmalloc(MIGRATE_CHUNK_PAGES * sizeof(*batch), GFP_KERNEL);
	if (!batch)
		return -ENOMEM;

	while (pfn < end_pfn && !ret) {
		struct page *page;
		unsigned long end;

		if (!pfn_valid(pfn)) {
			pfn++;
			continue;
		}
		page = pfn_to_page(pfn);
		if (PageUnplugged(page)) {	/* not RAM: nothing to move */
			pfn++;
			continue;
		}
		end = free_block_end(pfn);
		if (end) {
			pfn = end;
			continue;
		}
		mover = kernel_page_mover_of(page);
		unit = mover && mover_unit_movable(mover, page) ?
		       mover->order(page) : 0;
		if (unit) {
			/*
			 * A unit of order above 0 moves alone, so that one
			 * stop copies at most one such unit.
			 */
			if (n)
				ret = migrate_pages(batch, n, get_new, private,
						    NULL);
			n = 0;
			if (!ret)
				ret = migrate_pages(&page, 1, get_new, private,
						    NULL);
			pfn = ALIGN_DOWN(pfn, 1UL << unit) + (1UL << unit);
			continue;
		}
		if (mover && mover_unit_movable(mover, page)) {
			batch[n++] = page;
			pfn++;
			if (n == MIGRATE_CHUNK_PAGES) {
				ret = migrate_pages(batch, n, get_new, private,
						    NULL);
				n = 0;
			}
			continue;
		}
		if (PageReserved(page)) {
			/* Never the allocator's (boot memory's holes): stays. */
			if (bad_pfn)
				*bad_pfn = pfn;
			ret = -EBUSY;
			break;
		}
		if (!page_count(page)) {
			/* Being freed right now: free by the next call. */
			busy = true;
			pfn++;
			continue;
		}
		if (!page_kind_migratable(page) && PageMovableAlloc(page)) {
			/* Its user has not made it movable yet: later. */
			busy = true;
			pfn++;
			continue;
		}
		if (!page_kind_migratable(page)) {
			if (bad_pfn)
				*bad_pfn = pfn;
			ret = -EBUSY;
			break;
		}
		if (page_count(page) != 1) {
			/* An extra reference, perhaps for a moment: later. */
			busy = true;
			pfn++;
			continue;
		}
		batch[n++] = page;
		pfn++;
		if (n == MIGRATE_CHUNK_PAGES) {
			ret = migrate_pages(batch, n, get_new, private, NULL);
			n = 0;
		}
	}
	if (n && !ret)
		ret = migrate_pages(batch, n, get_new, private, NULL);
	kfree(batch);
	return !ret && busy ? -EAGAIN : ret;
}

/**
 * migrate_page - move one page, owned or kernel, to a page of node @nid
 * @nid: the preferred node, or NUMA_NO_NODE for the page's own
 *
 * See migrate_pages(). The page itself is gone when this succeeds; an
 * owner learns the new page through its callback, a kernel page keeps its
 * address.
 *
 * Return: 0, -ENOMEM, -EBUSY or -EAGAIN (see migrate_pages()).
 */
int migrate_page(struct page *page, int nid)
{
	struct migration_target_control mtc = { .nid = nid };

	return migrate_pages(&page, 1, alloc_migration_target,
			     (unsigned long)&mtc, NULL);
}

/**
 * migrate_kernel_page - move a kernel heap, slab or vmalloc page
 *
 * The page's contents go to a new page and its one mapping (page->virtual)
 * is rewritten, under stop_machine() so that nobody writes meanwhile; all
 * TLBs are flushed and the old page freed. Every address into the page,
 * and with it every kmalloc() object and vmalloc() buffer, stays valid
 * with the same contents. Does not move a kernel stack that a CPU is
 * running on. A page of a kind with a kernel_page_mover moves by its rule.
 *
 * Return: 0; -EINVAL if @page is not such a page; -EBUSY, -EAGAIN or
 * -ENOMEM as migrate_pages().
 */
int migrate_kernel_page(struct page *page)
{
	if (kernel_page_mover_of(page))
		return migrate_page(page, NUMA_NO_NODE);
	if (!is_kernel_mapped_type(page) || !page->virtual ||
	    page_movable_owner(page))
		return -EINVAL;
	return migrate_page(page, NUMA_NO_NODE);
}

/**
 * migrate_nr_succeeded - pages moved since boot
 * Return: the count.
 */
unsigned long migrate_nr_succeeded(void)
{
	return atomic_long_read(&nr_succeeded);
}
