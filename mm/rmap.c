// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: reverse map of anonymous pages
 *
 * Every anonymous user page knows who maps it: page->anon_rmap leads to a
 * struct anon_rmap holding one struct anon_rmap_item per (mm, address)
 * whose leaf entry names the page. Fork adds items (page_dup_rmap()),
 * mremap changes an item's address (page_move_rmap()), munmap and exit
 * remove them (page_remove_rmap()). The one reference of the page
 * allocator belongs to the mappings together: page_remove_rmap() says
 * when the last one went and the caller frees the page.
 *
 * A page of a shared anonymous object (struct shared_anon) has one more
 * item, for the object's slot that names it (page_add_obj_rmap() when
 * the slot is filled, page_remove_obj_rmap() when the object goes), and
 * shares the one reference with its mappings the same way. Migration
 * treats the slot like an entry: it marks it SHARED_ANON_MOVING (a fault
 * that finds the mark waits on the page lock) and makes it name the copy
 * at the end, under the object's lock, holding a reference to the
 * object meanwhile.
 *
 * Items change under the page_table_lock of their mm, in the critical
 * section that writes the entry, with the anon_rmap lock nested inside.
 * That page_table_lock is taken with interrupts off, so nothing here may
 * flush TLBs or free kernel heap memory (a free can unmap a heap block,
 * which is a cross call): items and anon_rmaps that go wait in pools for
 * reuse, and a work item gives what is over RMAP_POOL_MAX back. The pool
 * also makes the fault path's allocations cheap.
 *
 * Migration (mm/migrate.c) holds the page lock and uses
 * rmap_migration_unmap() and rmap_migration_remap(): the first turns
 * every entry naming the page into a migration entry and flushes each
 * mm's TLBs on the CPUs running it, the second makes every entry name
 * the new page. Each step takes one mapping at a time: the anon_rmap
 * lock to pick an item, then (the lock dropped) the mm's
 * page_table_lock to check the entry and change it, then the anon_rmap
 * lock again inside to mark the item. The mm stays alive through a
 * reference taken while its item was on the list.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/workqueue.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

/* Conversions that may fail (an entry changing under us) before -EAGAIN. */
#define RMAP_UNMAP_RETRIES	16
/* Spare items (and spare anon_rmaps) kept for reuse; more go back. */
#define RMAP_POOL_MAX		512

/*
 * Items and anon_rmaps no longer in use wait in these pools for reuse;
 * rmap_trim_work gives what is over RMAP_POOL_MAX back to the heap, from
 * a task. A dead anon_rmap is linked through its (empty) items list.
 * rmap_pool_lock (interrupts off) nests inside every other lock here.
 */
static LIST_HEAD(rmap_pool_items);
static LIST_HEAD(rmap_pool_rmaps);
static unsigned int rmap_pool_nr_items, rmap_pool_nr_rmaps;
static DEFINE_SPINLOCK(rmap_pool_lock);
static atomic_long_t nr_migration_waits;

/* Takes up to one spare of @pool; NULL if it is empty. */
static struct list_head *rmap_pool_get(struct list_head *pool,
				       unsigned int *nr)
{
	struct list_head *e = NULL;
	unsigned long flags;

	spin_lock_irqsave(&rmap_pool_lock, flags);
	if (!list_empty(pool)) {
		e = pool->next;
		list_del(e);
		(*nr)--;
	}
	spin_unlock_irqrestore(&rmap_pool_lock, flags);
	return e;
}

static void rmap_trim_fn(struct work_struct *work)
{
	struct list_head *e;

	while (READ_ONCE(rmap_pool_nr_items) > RMAP_POOL_MAX &&
	       (e = rmap_pool_get(&rmap_pool_items, &rmap_pool_nr_items)))
		kfree(list_entry(e, struct anon_rmap_item, node));
	while (READ_ONCE(rmap_pool_nr_rmaps) > RMAP_POOL_MAX &&
	       (e = rmap_pool_get(&rmap_pool_rmaps, &rmap_pool_nr_rmaps)))
		kfree(list_entry(e, struct anon_rmap, items));
}

static DECLARE_WORK(rmap_trim_work, rmap_trim_fn);

/* Puts @item and, if not NULL, @r into the pools. Any context. */
static void rmap_free(struct anon_rmap_item *item, struct anon_rmap *r)
{
	unsigned long flags;
	bool trim;

	spin_lock_irqsave(&rmap_pool_lock, flags);
	list_add(&item->node, &rmap_pool_items);
	rmap_pool_nr_items++;
	if (r) {
		list_add(&r->items, &rmap_pool_rmaps);
		rmap_pool_nr_rmaps++;
	}
	trim = rmap_pool_nr_items > RMAP_POOL_MAX ||
	       rmap_pool_nr_rmaps > RMAP_POOL_MAX;
	spin_unlock_irqrestore(&rmap_pool_lock, flags);
	if (trim)
		schedule_work(&rmap_trim_work);
}

static void rmap_free_rmap(struct anon_rmap *r)
{
	unsigned long flags;

	spin_lock_irqsave(&rmap_pool_lock, flags);
	list_add(&r->items, &rmap_pool_rmaps);
	rmap_pool_nr_rmaps++;
	spin_unlock_irqrestore(&rmap_pool_lock, flags);
}

static struct anon_rmap_item *rmap_item_alloc(void)
{
	struct list_head *e = rmap_pool_get(&rmap_pool_items,
					    &rmap_pool_nr_items);

	return e ? list_entry(e, struct anon_rmap_item, node) :
		   kmalloc(sizeof(struct anon_rmap_item), GFP_KERNEL);
}

static struct anon_rmap *anon_rmap_alloc(void)
{
	struct list_head *e = rmap_pool_get(&rmap_pool_rmaps,
					    &rmap_pool_nr_rmaps);
	struct anon_rmap *r;

	r = e ? list_entry(e, struct anon_rmap, items) :
		kmalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return NULL;
	spin_lock_init(&r->lock);
	INIT_LIST_HEAD(&r->items);
	r->nr = 0;
	r->nr_obj = 0;
	r->emptied = false;
	return r;
}

/*
 * The item of @r for (@owner, @addr): a mapping's (@owner an mm, @addr
 * its user address) or, with @is_obj, a slot's (@owner the shared
 * object, @addr the index). NULL if there is none.
 */
static struct anon_rmap_item *rmap_find_item(struct anon_rmap *r,
					     bool is_obj, const void *owner,
					     unsigned long addr)
{
	struct anon_rmap_item *item;

	list_for_each_entry(item, &r->items, node) {
		const void *o = is_obj ? (const void *)item->obj :
					 (const void *)item->mm;

		if (item->is_obj == is_obj && o == owner && item->addr == addr)
			return item;
	}
	return NULL;
}

static struct anon_rmap_item *rmap_find(struct anon_rmap *r,
					struct mm_struct *mm,
					unsigned long addr)
{
	return rmap_find_item(r, false, mm, addr);
}

/*
 * Removes @item from @page's @r (whose lock the caller holds). If it was
 * the last, @page stops being anonymous and true is returned: the caller
 * frees @page (and puts @item and @r into the pools with rmap_free()).
 * A migration holding the page lock frees the page itself instead.
 */
static bool rmap_del_item(struct page *page, struct anon_rmap *r,
			  struct anon_rmap_item *item)
{
	bool free_it = false;

	list_del(&item->node);
	if (item->is_obj)
		r->nr_obj--;
	if (--r->nr)
		return false;
	/* Holding the lock here keeps a migration from starting meanwhile. */
	free_it = trylock_page(page);
	if (free_it) {
		WRITE_ONCE(page->anon_rmap, NULL);
		WRITE_ONCE(page->type, PGTY_NONE);
		unlock_page(page);
	} else {
		r->emptied = true;
	}
	return free_it;
}

/* Makes @page anonymous with @r: scanners that see PGTY_ANON find it. */
static void rmap_publish(struct page *page, struct anon_rmap *r)
{
	WRITE_ONCE(page->anon_rmap, r);
	smp_wmb();	/* the rmap before the type that says it is there */
	WRITE_ONCE(page->type, PGTY_ANON);
}

/**
 * page_add_anon_rmap - record that @vma maps @page at @addr
 * @page: an order-0 page: a new one (its first mapping makes it an
 *	anonymous page) or an anonymous one already mapped elsewhere
 * @vma: the VMA; its mm's entry for @addr is to name @page
 * @addr: the page-aligned user address
 *
 * The caller holds @vma->vm_mm->page_table_lock (interrupts off) and
 * writes the entry in the same critical section, after this succeeded.
 * Allocates from the kernel heap.
 *
 * Return: 0; -ENOMEM with nothing recorded (the caller must not map the
 * page); -EINVAL if @page is in use for something else.
 */
int page_add_anon_rmap(struct page *page, struct vm_area_struct *vma,
		       unsigned long addr)
{
	struct anon_rmap *r = page->anon_rmap, *fresh = NULL;
	struct anon_rmap_item *item;

	if (WARN_ON_ONCE(page->type != PGTY_NONE && page->type != PGTY_ANON) ||
	    WARN_ON_ONCE(!IS_ALIGNED(addr, PAGE_SIZE)))
		return -EINVAL;
	item = rmap_item_alloc();
	if (!item)
		return -ENOMEM;
	if (page->type == PGTY_NONE) {
		/* A new page nobody else knows of yet. */
		fresh = anon_rmap_alloc();
		if (!fresh) {
			rmap_free(item, NULL);
			return -ENOMEM;
		}
		r = fresh;
	}
	item->mm = vma->vm_mm;
	item->addr = addr;
	item->state = RMAP_MAPPED;
	item->is_obj = false;

	spin_lock(&r->lock);
	list_add(&item->node, &r->items);
	r->nr++;
	spin_unlock(&r->lock);
	if (fresh)
		rmap_publish(page, fresh);
	return 0;
}

/**
 * page_remove_rmap - forget that @mm maps @page at @addr
 * @page: the page the entry named (present, or a migration entry)
 *
 * The caller holds @mm->page_table_lock and has cleared (or is clearing,
 * in this critical section) the entry. If this was the last mapping the
 * page stops being anonymous (type PGTY_NONE) and the caller must free it
 * with __free_page() once it has flushed the TLBs of @mm: unless the page
 * is being migrated, in which case the migrating task frees it.
 *
 * Return: true when the caller must free the page.
 */
bool page_remove_rmap(struct page *page, struct mm_struct *mm,
		      unsigned long addr)
{
	struct anon_rmap *r = page->anon_rmap;
	struct anon_rmap_item *item;
	bool free_it;

	if (WARN_ON_ONCE(!PageAnon(page) || !r))
		return false;
	spin_lock(&r->lock);
	item = rmap_find(r, mm, addr);
	if (WARN_ON_ONCE(!item)) {
		spin_unlock(&r->lock);
		return false;
	}
	free_it = rmap_del_item(page, r, item);
	spin_unlock(&r->lock);
	rmap_free(item, free_it ? r : NULL);
	return free_it;
}

/**
 * page_add_obj_rmap - record that slot @idx of @obj names @page
 * @page: a new order-0 page nobody maps yet; it becomes anonymous
 * @obj: the shared anonymous object
 * @idx: the slot
 *
 * The caller holds @obj->lock (interrupts off) and fills the slot in the
 * same critical section, after this succeeded. Allocates from the kernel
 * heap.
 *
 * Return: 0; -ENOMEM with nothing recorded (the caller leaves the slot
 * empty); -EINVAL if @page is in use already.
 */
int page_add_obj_rmap(struct page *page, struct shared_anon *obj,
		      unsigned long idx)
{
	struct anon_rmap_item *item;
	struct anon_rmap *r;

	if (WARN_ON_ONCE(page->type != PGTY_NONE))
		return -EINVAL;
	item = rmap_item_alloc();
	if (!item)
		return -ENOMEM;
	r = anon_rmap_alloc();
	if (!r) {
		rmap_free(item, NULL);
		return -ENOMEM;
	}
	item->obj = obj;
	item->addr = idx;
	item->state = RMAP_MAPPED;
	item->is_obj = true;
	list_add(&item->node, &r->items);
	r->nr = 1;
	r->nr_obj = 1;
	rmap_publish(page, r);
	return 0;
}

/**
 * page_remove_obj_rmap - forget that slot @idx of @obj names @page
 * @page: the slot's page
 *
 * For the object's teardown (shared_anon_put()): nobody can fault the
 * slot in any more. If this was the page's last item the page stops
 * being anonymous and the caller must free it with __free_page(); a
 * migration holding the page lock frees it instead.
 *
 * Return: true when the caller must free the page.
 */
bool page_remove_obj_rmap(struct page *page, struct shared_anon *obj,
			  unsigned long idx)
{
	struct anon_rmap *r = READ_ONCE(page->anon_rmap);
	struct anon_rmap_item *item;
	unsigned long flags;
	bool free_it;

	if (WARN_ON_ONCE(!PageAnon(page) || !r))
		return false;
	spin_lock_irqsave(&r->lock, flags);
	item = rmap_find_item(r, true, obj, idx);
	if (WARN_ON_ONCE(!item)) {
		spin_unlock_irqrestore(&r->lock, flags);
		return false;
	}
	free_it = rmap_del_item(page, r, item);
	spin_unlock_irqrestore(&r->lock, flags);
	rmap_free(item, free_it ? r : NULL);
	return free_it;
}

/**
 * page_move_rmap - @mm's mapping of @page moved from @old_addr to @new_addr
 *
 * For mremap: the caller holds @mm->page_table_lock and moves the entry
 * (present or a migration entry, unchanged) in the same critical section.
 */
void page_move_rmap(struct page *page, struct mm_struct *mm,
		    unsigned long old_addr, unsigned long new_addr)
{
	struct anon_rmap *r = page->anon_rmap;
	struct anon_rmap_item *item;

	if (WARN_ON_ONCE(!PageAnon(page) || !r))
		return;
	spin_lock(&r->lock);
	item = rmap_find(r, mm, old_addr);
	if (!WARN_ON_ONCE(!item))
		item->addr = new_addr;
	spin_unlock(&r->lock);
}

/**
 * page_mapcount - how many entries name @page
 *
 * For copy-on-write: a page with one mapping can be made writable in
 * place. Stable while the caller holds the page_table_lock of an mm that
 * maps it and no other mm shares it; otherwise a snapshot.
 *
 * Return: the number of mappings (a shared object's slot is not one), 0
 * for a page that is not anonymous.
 */
unsigned int page_mapcount(struct page *page)
{
	struct anon_rmap *r = READ_ONCE(page->anon_rmap);
	unsigned long flags;
	unsigned int nr;

	if (!PageAnon(page) || !r)
		return 0;
	spin_lock_irqsave(&r->lock, flags);
	nr = r->nr - r->nr_obj;
	spin_unlock_irqrestore(&r->lock, flags);
	return nr;
}

/**
 * page_mapped_at - is (@mm, @addr) among the mappings of @page?
 *
 * For tests and checks; the caller holds @mm->page_table_lock or keeps
 * @page's mappings from changing otherwise.
 *
 * Return: true if the reverse map lists it.
 */
bool page_mapped_at(struct page *page, struct mm_struct *mm,
		    unsigned long addr)
{
	struct anon_rmap *r = READ_ONCE(page->anon_rmap);
	unsigned long flags;
	bool found;

	if (!PageAnon(page) || !r)
		return false;
	spin_lock_irqsave(&r->lock, flags);
	found = rmap_find(r, mm, addr);
	spin_unlock_irqrestore(&r->lock, flags);
	return found;
}

/* ---- migration ---- */

/* A reference to @mm unless its last one is gone (it is being torn down). */
static bool rmap_mmget(struct mm_struct *mm)
{
	int users = atomic_read(&mm->mm_users);

	do {
		if (!users)
			return false;
	} while (!atomic_try_cmpxchg(&mm->mm_users, &users, users + 1));
	return true;
}

/* What rmap_pick() found: a mapping (@mm) or a shared object's slot. */
struct rmap_target {
	struct mm_struct *mm;		/* with a reference, or NULL */
	struct shared_anon *obj;	/* with a reference, or NULL */
	unsigned long addr;		/* user address, or slot index */
};

/*
 * Picks an item of @r not in @state, with a reference to its mm or
 * object, into @t; false when every item is in @state. *@dying is set
 * when an item's mm or object is being torn down.
 */
static bool rmap_pick(struct anon_rmap *r, u8 state, struct rmap_target *t,
		      bool *dying)
{
	struct anon_rmap_item *item;
	unsigned long flags;
	bool found = false;

	*dying = false;
	t->mm = NULL;
	t->obj = NULL;
	spin_lock_irqsave(&r->lock, flags);
	list_for_each_entry(item, &r->items, node) {
		if (item->state == state)
			continue;
		if (item->is_obj) {
			found = atomic_inc_not_zero(&item->obj->refs);
			if (found)
				t->obj = item->obj;
		} else {
			found = rmap_mmget(item->mm);
			if (found)
				t->mm = item->mm;
		}
		if (found) {
			t->addr = item->addr;
			break;
		}
		*dying = true;
	}
	spin_unlock_irqrestore(&r->lock, flags);
	return found;
}

/* Drops the reference rmap_pick() took. Task context. */
static void rmap_target_put(struct rmap_target *t)
{
	if (t->mm)
		mmput(t->mm);
	else
		shared_anon_put(t->obj);
}

/* Marks @t's item of @r @state; true if it is still there. */
static bool rmap_mark(struct anon_rmap *r, const struct rmap_target *t,
		      u8 state)
{
	struct anon_rmap_item *item;

	spin_lock(&r->lock);
	item = rmap_find_item(r, !t->mm, t->mm ? (void *)t->mm : t->obj,
			      t->addr);
	if (item)
		item->state = state;
	spin_unlock(&r->lock);
	return item;
}

/*
 * Makes the entry or slot @t names, if it names @old, a migration entry
 * (a slot gets SHARED_ANON_MOVING) and marks its item RMAP_UNMAPPED.
 * Returns whether a present entry changed (the caller flushes), and in
 * *@marked whether the item was marked.
 */
static bool rmap_unmap_one(struct page *old, struct anon_rmap *r,
			   const struct rmap_target *t, bool *marked)
{
	struct page *moving = (struct page *)((unsigned long)old |
					      SHARED_ANON_MOVING);
	bool changed = false;
	unsigned long flags;
	pgentry_t *pte, e;

	*marked = false;
	if (t->obj) {
		struct page **slot = &t->obj->pages[t->addr];

		spin_lock_irqsave(&t->obj->lock, flags);
		if (*slot == old || *slot == moving) {
			WRITE_ONCE(*slot, moving);
			*marked = rmap_mark(r, t, RMAP_UNMAPPED);
		}
		spin_unlock_irqrestore(&t->obj->lock, flags);
		return false;
	}
	spin_lock_irqsave(&t->mm->page_table_lock, flags);
	pte = user_pte_walk(t->mm, t->addr, false, NULL);
	e = pte ? *pte : 0;
	if (e && pgentry_addr(e) == page_to_phys(old) &&
	    (pgentry_present(e) || pgentry_migration(e))) {
		if (pgentry_present(e)) {
			WRITE_ONCE(*pte, mk_migration_entry(e));
			changed = true;
		}
		*marked = rmap_mark(r, t, RMAP_UNMAPPED);
	}
	spin_unlock_irqrestore(&t->mm->page_table_lock, flags);
	return changed;
}

/**
 * rmap_migration_unmap - make every entry naming @old a migration entry
 * @old: an anonymous page; the caller holds its page lock and a reference
 *
 * Mapping by mapping: the entry becomes a migration entry (same page,
 * same permissions, not present), then the TLBs of every CPU in that
 * mm's cpu_mask drop the address (flush_tlb_mm_range(), a cross call).
 * A shared object's slot naming @old is marked SHARED_ANON_MOVING, so
 * that no fault maps @old again. When this returns 0 nobody can reach
 * @old through a user mapping any more: faults on those addresses wait
 * (migration_entry_wait(), migration_page_wait()). Takes page_table_lock
 * or the object's lock, and the anon_rmap lock, never across a flush.
 * Must be called from a task with interrupts on.
 *
 * Return: 0; -EAGAIN when the mappings kept changing or one mm or object
 * is being torn down. Either way the caller ends with
 * rmap_migration_remap().
 */
int rmap_migration_unmap(struct page *old)
{
	struct anon_rmap *r = old->anon_rmap;
	unsigned int failures = 0;
	struct rmap_target t;
	bool dying, marked;

	if (WARN_ON_ONCE(!PageLocked(old) || !r))
		return -EINVAL;
	while (failures < RMAP_UNMAP_RETRIES) {
		if (!rmap_pick(r, RMAP_UNMAPPED, &t, &dying))
			return dying ? -EAGAIN : 0;
		if (rmap_unmap_one(old, r, &t, &marked))
			flush_tlb_mm_range(t.mm, t.addr, t.addr + PAGE_SIZE);
		if (!marked)	/* moved or unmapped meanwhile: look again */
			failures++;
		rmap_target_put(&t);
	}
	return -EAGAIN;
}

/*
 * Makes the entry or slot @t names, if it is a migration entry for @old
 * (a slot: @old marked SHARED_ANON_MOVING), name @new; marks the item
 * RMAP_RESTORED either way.
 */
static void rmap_remap_one(struct page *old, struct page *new,
			   struct anon_rmap *r, const struct rmap_target *t)
{
	struct page *moving = (struct page *)((unsigned long)old |
					      SHARED_ANON_MOVING);
	unsigned long flags;
	pgentry_t *pte, e;

	if (t->obj) {
		struct page **slot = &t->obj->pages[t->addr];

		spin_lock_irqsave(&t->obj->lock, flags);
		if (*slot == moving)
			WRITE_ONCE(*slot, new);
		rmap_mark(r, t, RMAP_RESTORED);
		spin_unlock_irqrestore(&t->obj->lock, flags);
		return;
	}
	spin_lock_irqsave(&t->mm->page_table_lock, flags);
	pte = user_pte_walk(t->mm, t->addr, false, NULL);
	e = pte ? *pte : 0;
	/* Not present before: no TLB holds it, no flush needed. */
	if (pgentry_migration(e) && pgentry_addr(e) == page_to_phys(old))
		WRITE_ONCE(*pte, migration_entry_restore(e, page_to_phys(new)));
	rmap_mark(r, t, RMAP_RESTORED);
	spin_unlock_irqrestore(&t->mm->page_table_lock, flags);
}

/**
 * rmap_migration_remap - make every migration entry for @old name @new
 * @old: the page rmap_migration_unmap() was called for, still locked
 * @new: its copy, or @old itself to undo
 *
 * From the first entry on, @new is an anonymous page sharing @old's
 * anon_rmap, and locked like @old until the end; then the anon_rmap is
 * @new's alone and @old is a plain page again (PGTY_NONE) holding only
 * references. A shared object's slot marked for @old names @new. Waits
 * (rescheduling) for mms and objects being torn down to drop their
 * items. Each restored entry gets the permissions it had. Task context,
 * interrupts on.
 *
 * Return: true if @new has mappings; false if every mapping went away
 * meanwhile (munmap, exit): then nothing maps @new or @old, @new is not
 * anonymous and the anon_rmap is freed; the caller frees the pages.
 */
bool rmap_migration_remap(struct page *old, struct page *new)
{
	struct anon_rmap *r = old->anon_rmap;
	struct anon_rmap_item *item;
	struct rmap_target t;
	unsigned long flags;
	bool dying, mapped;

	if (new != old) {
		/*
		 * Locked before anyone can see it anonymous, so that a munmap
		 * of its last mapping leaves it to us too. Only a migration
		 * that gives up on seeing it is no user page can hold it now.
		 */
		while (!trylock_page(new))
			cpu_relax();
		rmap_publish(new, r);
	}
	for (;;) {
		if (!rmap_pick(r, RMAP_RESTORED, &t, &dying)) {
			if (!dying)
				break;
			/* its exit_mmap() or teardown removes the item */
			cond_resched();
			cpu_relax();
			continue;
		}
		rmap_remap_one(old, new, r, &t);
		rmap_target_put(&t);
	}
	spin_lock_irqsave(&r->lock, flags);
	list_for_each_entry(item, &r->items, node)
		item->state = RMAP_MAPPED;
	mapped = r->nr;
	spin_unlock_irqrestore(&r->lock, flags);

	if (new != old) {
		WRITE_ONCE(old->anon_rmap, NULL);
		WRITE_ONCE(old->type, PGTY_NONE);
	}
	if (!mapped) {
		WRITE_ONCE(new->anon_rmap, NULL);
		WRITE_ONCE(new->type, PGTY_NONE);
		rmap_free_rmap(r);
	}
	if (new != old)
		unlock_page(new);
	return mapped;
}

static bool rmap_irqs_disabled(void)
{
	return !(arch_local_save_flags() & X86_EFLAGS_IF);
}

/**
 * migration_entry_wait - wait until the migration @entry stands for ends
 * @entry: the migration entry a walk found, under page_table_lock; the
 *	caller holds no spinlock now
 *
 * The page named by @entry is locked by a migration that restores every
 * entry naming it before it unlocks the page: once the lock is gone, the
 * caller looks again and finds the new page (or the old one, if the
 * migration gave up). A fault never fills a zero page over a migration
 * entry. Waits on the page, not on the entry: the page table holding the
 * entry may move meanwhile. With interrupts off (the page-fault handler)
 * this CPU runs its queued cross calls while it waits: the migration's
 * TLB shootdown may be one of them, and the migration waits for it.
 */
void migration_entry_wait(pgentry_t entry)
{
	migration_page_wait(phys_to_page(pgentry_addr(entry)));
}

/**
 * migration_page_wait - wait until the migration of @page ends
 * @page: a page a migration holds locked: named by a migration entry, or
 *	by a shared object's slot marked SHARED_ANON_MOVING; the caller
 *	holds no spinlock
 *
 * As migration_entry_wait(), from the page.
 */
void migration_page_wait(const struct page *page)
{
	atomic_long_inc(&nr_migration_waits);
	while (PageLocked(page)) {
		if (rmap_irqs_disabled())
			smp_process_call_queue();
		cpu_relax();
	}
}

/**
 * rmap_nr_migration_waits - faults that waited for a migration, since boot
 * Return: the count.
 */
unsigned long rmap_nr_migration_waits(void)
{
	return atomic_long_read(&nr_migration_waits);
}
