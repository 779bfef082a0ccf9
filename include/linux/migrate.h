/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page migration: moving the contents of a page in use to another page and
 * switching every reference to it, for movable pages with an owner and for
 * kernel heap, slab and vmalloc pages (whose one mapping is rewritten).
 */
#ifndef _LINUX_MIGRATE_H
#define _LINUX_MIGRATE_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>

/**
 * struct movable_owner - who holds a movable page and can let it move
 * @name: for messages
 * @migrate: switch the owner's reference from @old to @new
 *
 * A page allocated with __GFP_MOVABLE and given an owner with
 * set_page_movable_owner() can be migrated. By the time @migrate runs, the
 * data of @old has been copied to @new and @new->private equals
 * @old->private (owners may keep a cookie there, e.g. an index). @migrate
 * runs under stop_machine(): every CPU has interrupts off, so it must not
 * sleep, allocate or spin on a lock. It returns 0 once its references name
 * @new, or -EBUSY/-EAGAIN to refuse; after a refusal @old is untouched and
 * stays the owner's page.
 */
struct movable_owner {
	const char *name;
	int (*migrate)(struct movable_owner *owner, struct page *old,
		       struct page *new);
};

/**
 * struct kernel_page_mover - how one kind of mm's own pages moves
 * @name: for messages
 * @movable: an unlocked quick look for scanners: is @page the head of a
 *	unit of this kind that could move at all? It may be PG_reserved
 *	(memblock gave it at boot) and its reference count may be 0.
 * @order: the order of the unit @page heads (0 for a page table, 9 for
 *	a 2 MiB memmap block); units are aligned to their size
 * @move: stopped machine, run by the CPU running the stop: check again
 *	that @old can move now, copy the unit to @new (a block of the same
 *	order, reference count 1, type PGTY_NONE), give @new the state the
 *	struct pages hold, switch every reference (page-table entry,
 *	pointer, CR3 to be reloaded) from @old to @new and flush this CPU's
 *	own TLB for what it rewrote. Returns 0, -EAGAIN (not now: tried
 *	again) or -EBUSY (never). After 0, migrate.c flushes every CPU's
 *	whole TLB, global entries included, before the stop ends, and then
 *	frees @old (PG_reserved pages with free_reserved_page()); after an
 *	error @old must be untouched.
 *
 * Page tables (PGTY_PGTABLE) and memmap blocks (PGTY_MEMMAP) are moved
 * this way: migrate.c asks the mover registered for page->type before it
 * looks at anything else about the page.
 */
struct kernel_page_mover {
	const char *name;
	bool (*movable)(const struct page *page);
	unsigned int (*order)(const struct page *page);
	int (*move)(struct page *old, struct page *new);
};

void register_kernel_page_mover(unsigned int type,
				const struct kernel_page_mover *mover);
const struct kernel_page_mover *kernel_page_mover_of(const struct page *page);

/*
 * Allocates the target for @old; @private is the caller's. Returns a page
 * with a reference count of 1, or NULL: of order 0, or for a page of a
 * kind with a kernel_page_mover, a block of the order the mover gives.
 */
typedef struct page *(*new_page_t)(struct page *old, unsigned long private);

/**
 * struct migration_target_control - where alloc_migration_target() allocates
 * @nid: preferred node; NUMA_NO_NODE: the old page's node
 * @gfp: extra flags (e.g. __GFP_THISNODE); the migratetype follows the page
 * @other_nodes_first: try the other nodes, nearest first, before @nid
 *	(offlining: pages leaving a node's memory should not land in the
 *	next block of the same DIMM, to be moved again)
 */
struct migration_target_control {
	int nid;
	gfp_t gfp;
	bool other_nodes_first;
};

/* Pages migrate_pages() handles between two points where it may yield. */
#define MIGRATE_CHUNK_PAGES	512
/* Passes over pages that failed with -EAGAIN before giving up on them. */
#define MIGRATE_MAX_PASSES	3

void set_page_movable_owner(struct page *page, struct movable_owner *owner);
void clear_page_movable_owner(struct page *page);
struct movable_owner *page_movable_owner(const struct page *page);
void *movable_page_address(const struct page *page);
bool page_is_migratable(const struct page *page);

struct page *alloc_migration_target(struct page *old, unsigned long private);
int migrate_pages(struct page **pages, unsigned int nr, new_page_t get_new,
		  unsigned long private, unsigned int *nr_failed);
int migrate_pfn_range(unsigned long start_pfn, unsigned long end_pfn,
		      new_page_t get_new, unsigned long private,
		      unsigned long *bad_pfn);
unsigned long pfn_range_first_pinned(unsigned long start_pfn,
				     unsigned long end_pfn);
int migrate_page(struct page *page, int nid);
int migrate_kernel_page(struct page *page);

/* Statistics since boot (like Linux's pgmigrate_success/_fail). */
unsigned long migrate_nr_succeeded(void);

#ifdef CONFIG_TEST_MOVABLE
int movable_test_fill(unsigned long nr_pages, int nid);
int movable_test_verify(unsigned long *nr_bad);
void movable_test_free(void);
int movable_test_migrate_all(unsigned long *nr_failed);
unsigned long movable_test_nr_pages(void);
void movable_test_set_refuse(bool refuse);
void movable_test_set_hold(bool hold);
struct page *movable_test_page(unsigned long idx);
#else /* !CONFIG_TEST_MOVABLE */
static inline int movable_test_fill(unsigned long nr_pages, int nid)
{
	return -ENODEV;
}

static inline int movable_test_verify(unsigned long *nr_bad)
{
	return -ENODEV;
}

static inline void movable_test_free(void) { }

static inline int movable_test_migrate_all(unsigned long *nr_failed)
{
	return -ENODEV;
}

static inline unsigned long movable_test_nr_pages(void) { return 0; }
static inline void movable_test_set_refuse(bool refuse) { }
static inline void movable_test_set_hold(bool hold) { }
static inline struct page *movable_test_page(unsigned long idx) { return NULL; }
#endif /* CONFIG_TEST_MOVABLE */

#endif /* _LINUX_MIGRATE_H */
