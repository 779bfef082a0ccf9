// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel page-table editing: map a range with the largest leaves that fit,
 * unmap a range (splitting large leaves at its edges and freeing tables
 * that empty), and look an address up. All kernel mappings live in the
 * one kernel_pml4; memory hot-add and hot-remove use the same calls. The
 * low half of kernel_pml4 holds the few user pages tests map. Each user
 * address space has a PML4 of its own whose kernel half mirrors
 * kernel_pml4's: pgd_alloc() copies it, and every later change of a
 * kernel-half PML4 entry is copied to all of them under pgtable_lock.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

pgentry_t *kernel_pml4;

/*
 * pgtable_lock serialises changes to kernel_pml4 and every table below it
 * (lookups do not take it). Lock order: pgtable_lock, then zone->lock.
 * Never held across a TLB flush, which waits for the other CPUs.
 */
static DEFINE_SPINLOCK(pgtable_lock);
bool direct_map_ready;

/* The PML4 pages of every user address space (page->lru), under pgtable_lock. */
static LIST_HEAD(pgd_list);

/* The first PML4 slot of the kernel half. */
#define KERNEL_PGD_FIRST	(PTRS_PER_TABLE / 2)

/* Page-table pages allocated and not yet freed, for leak checks. */
static unsigned long nr_pgtable_pages;

/* The early page tables map the first GiB at __START_KERNEL_map. */
#define EARLY_MAP_LIMIT	SZ_1G

void *boot_phys_to_virt(phys_addr_t pa)
{
	if (direct_map_ready)
		return __va(pa);
	BUG_ON(pa >= EARLY_MAP_LIMIT);
	return (void *)(pa + __START_KERNEL_map);
}

static pgentry_t *table_va(pgentry_t e)
{
	return boot_phys_to_virt(pgentry_addr(e));
}

/*
 * After @e, an entry of @table at @level, changed: if it is a kernel-half
 * slot of kernel_pml4, give every user PML4 the same entry, so that a
 * kernel mapping made or removed later is seen by every address space.
 * Called with pgtable_lock held.
 */
static void pgd_sync_entry(const pgentry_t *table, int level, const pgentry_t *e)
{
	unsigned int i = e - table;
	struct page *page;

	if (table != kernel_pml4 || level != PG_LEVEL_PML4 ||
	    i < KERNEL_PGD_FIRST)
		return;
	list_for_each_entry(page, &pgd_list, lru)
		((pgentry_t *)__va(page_to_phys(page)))[i] = *e;
}

/*
 * A zeroed page for a page table: from memblock until the buddy allocator
 * runs, from the buddy allocator after. Returns 0 when out of memory.
 */
static phys_addr_t pgtable_alloc(void)
{
	phys_addr_t pa;

	if (page_alloc_ready()) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

		if (!page)
			return 0;
		page->type = PGTY_PGTABLE;
		pa = page_to_phys(page);
	} else {
		pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0,
				direct_map_ready ? MEMBLOCK_ALLOC_ANYWHERE :
						   EARLY_MAP_LIMIT);
		if (!pa)
			return 0;
		memset(boot_phys_to_virt(pa), 0, PAGE_SIZE);
	}
	nr_pgtable_pages++;
	return pa;
}

static void pgtable_free(phys_addr_t pa)
{
	struct page *page = pfn_to_page(PHYS_PFN(pa));

	nr_pgtable_pages--;
	if (!page_alloc_ready()) {
		memblock_phys_free(pa, PAGE_SIZE);
		return;
	}
	if (PageReserved(page)) {
		free_reserved_page(page);
		return;
	}
	page->type = PGTY_NONE;
	__free_page(page);
}

unsigned long pgtable_pages_in_use(void)
{
	return nr_pgtable_pages;
}

/* End of the level-@level slot holding @va, capped at @end (wrap-safe). */
static unsigned long slot_end(unsigned long va, unsigned long end, int level)
{
	unsigned long next = (va & ~(pg_level_size(level) - 1)) + pg_level_size(level);

	return next - 1 < end - 1 ? next : end;
}

static bool level_allowed(int level, unsigned int flags)
{
	if (level == PG_LEVEL_4K)
		return true;
	if (!(flags & KMAP_LARGE) || level > PG_LEVEL_1G)
		return false;
	return level == PG_LEVEL_2M || !(flags & KMAP_NO_1G);
}

static bool table_empty(const pgentry_t *table);
static void unmap_level(pgentry_t *table, int level, unsigned long va,
			unsigned long end);

static int map_level(pgentry_t *table, int level, unsigned long va,
		     unsigned long end, phys_addr_t pa, pgprot_t prot,
		     unsigned int flags, unsigned long *done)
{
	while (va != end) {
		unsigned long next = slot_end(va, end, level);
		unsigned long lsize = pg_level_size(level);
		pgentry_t *e = &table[pg_index(va, level)];
		int ret;

		if (level_allowed(level, flags) && next - va == lsize &&
		    IS_ALIGNED(pa, lsize)) {
			if (pgentry_present(*e)) {
				WARN_ON_ONCE(1);
				return -EEXIST;
			}
			*e = mk_leaf(pa, prot, level);
		} else {
			bool fresh = false;

			if (!pgentry_present(*e)) {
				phys_addr_t t = pgtable_alloc();

				if (!t)
					return -ENOMEM;
				*e = mk_table(t);
				if (flags & KMAP_USER)
					*e |= _PAGE_USER;
				pgd_sync_entry(table, level, e);
				fresh = true;
			} else if (pgentry_leaf(*e, level)) {
				WARN_ON_ONCE(1);
				return -EEXIST;
			}
			ret = map_level(table_va(*e), level - 1, va, next, pa,
					prot, flags, done);
			if (ret) {
				/*
				 * A table this call added and left empty would
				 * outlive the failure: the rollback only walks
				 * what was mapped.
				 */
				if (fresh && table_empty(table_va(*e))) {
					phys_addr_t t = pgentry_addr(*e);

					*e = 0;
					pgd_sync_entry(table, level, e);
					pgtable_free(t);
				}
				return ret;
			}
		}
		pa += next - va;
		va = next;
		*done = va;
	}
	return 0;
}

/**
 * kernel_map_range - map [@va, @va+@size) to [@pa, ...) with @prot
 * @flags: KMAP_LARGE to allow 2 MiB/1 GiB leaves where alignment permits
 *
 * Does not flush the TLB: the range must have been unmapped (and flushed)
 * before. On failure, whatever part was mapped is unmapped again.
 *
 * Return: 0, -EINVAL for unaligned arguments, -EEXIST if part of the
 * range is already mapped, -ENOMEM when a page table cannot be allocated.
 */
int kernel_map_range(unsigned long va, phys_addr_t pa, unsigned long size,
		     pgprot_t prot, unsigned int flags)
{
	unsigned long done = va, irqflags;
	int ret;

	if (!size || !IS_ALIGNED(va | pa | size, PAGE_SIZE))
		return -EINVAL;
	spin_lock_irqsave(&pgtable_lock, irqflags);
	ret = map_level(kernel_pml4, PG_LEVEL_PML4, va, va + size, pa, prot,
			flags, &done);
	if (ret && done != va)
		unmap_level(kernel_pml4, PG_LEVEL_PML4, va, done);
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	if (ret && done != va)
		flush_tlb_kernel_range(va, done);
	return ret;
}

/* Replaces a large leaf at @level by a table of leaves one level down. */
static int split_leaf(pgentry_t *e, int level)
{
	pgprot_t prot = pgentry_prot(*e);
	phys_addr_t base = pgentry_addr(*e), t;
	unsigned long step = pg_level_size(level - 1);
	pgentry_t *table;
	int i;

	t = pgtable_alloc();
	if (!t)
		return -ENOMEM;
	table = boot_phys_to_virt(t);
	for (i = 0; i < PTRS_PER_TABLE; i++)
		table[i] = mk_leaf(base + i * step, prot, level - 1);
	*e = mk_table(t);
	return 0;
}

static bool table_empty(const pgentry_t *table)
{
	int i;

	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (table[i])
			return false;
	return true;
}

static void unmap_level(pgentry_t *table, int level, unsigned long va,
			unsigned long end)
{
	while (va != end) {
		unsigned long next = slot_end(va, end, level);
		pgentry_t *e = &table[pg_index(va, level)];

		if (!pgentry_present(*e))
			goto next;
		if (pgentry_leaf(*e, level)) {
			if (next - va == pg_level_size(level)) {
				*e = 0;
				goto next;
			}
			/* Part of a large leaf: split, then unmap the part. */
			if (split_leaf(e, level)) {
				pr_err("%s: no memory to split a leaf at %#lx\n",
				       __func__, va);
				goto next;
			}
		}
		unmap_level(table_va(*e), level - 1, va, next);
		if (table_empty(table_va(*e))) {
			phys_addr_t t = pgentry_addr(*e);

			*e = 0;
			pgd_sync_entry(table, level, e);
			pgtable_free(t);
		}
next:
		va = next;
	}
}

/**
 * kernel_unmap_range - remove the mappings of [@va, @va+@size)
 *
 * Splits large leaves that straddle the edges, frees page tables that
 * become empty (but never the PML4), and flushes the TLB for the range.
 * Unmapped parts of the range are skipped. Does not free the pages that
 * were mapped: they belong to the caller.
 */
void kernel_unmap_range(unsigned long va, unsigned long size)
{
	unsigned long irqflags;

	if (!size || WARN_ON(!IS_ALIGNED(va | size, PAGE_SIZE)))
		return;
	spin_lock_irqsave(&pgtable_lock, irqflags);
	unmap_level(kernel_pml4, PG_LEVEL_PML4, va, va + size);
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	flush_tlb_kernel_range(va, va + size);
}

/**
 * user_map_page - map one page at a user address
 * @va: page-aligned, below TASK_SIZE_MAX
 * @pa: the page's physical address
 * @prot: PAGE_USER_RW or PAGE_USER_RX (must include _PAGE_USER)
 *
 * For tests of the user/kernel boundary without an mm: the page goes in
 * the low half of kernel_pml4, which a task on no mm uses, seen by every
 * CPU. The tables this adds carry _PAGE_USER too (the CPU ands the U/S
 * bits of every level); the kernel half has none. Undo with
 * user_unmap_page(). Does not flush the TLB.
 *
 * Return: 0, -EINVAL for a bad address or protection, -EEXIST if @va is
 * mapped, -ENOMEM when a page table cannot be allocated.
 */
int user_map_page(unsigned long va, phys_addr_t pa, pgprot_t prot)
{
	if (va >= TASK_SIZE_MAX || !(prot & _PAGE_USER) ||
	    (prot & _PAGE_GLOBAL))
		return -EINVAL;
	return kernel_map_range(va, pa, PAGE_SIZE, prot, KMAP_USER);
}

/**
 * user_unmap_page - remove the page user_map_page() put at @va
 *
 * Frees the tables that empty and flushes the TLB on every CPU; the
 * page itself belongs to the caller.
 */
void user_unmap_page(unsigned long va)
{
	if (WARN_ON_ONCE(va >= TASK_SIZE_MAX))
		return;
	kernel_unmap_range(va, PAGE_SIZE);
}

/**
 * pgd_alloc - a PML4 for a user address space
 *
 * The user half is empty; the kernel half is kernel_pml4's, and stays
 * so: the page joins the list that every change of a kernel-half PML4
 * entry is copied to. Free with pgd_free().
 *
 * Return: the PML4, or NULL when out of memory.
 */
pgentry_t *pgd_alloc(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	unsigned long irqflags;
	pgentry_t *pgd;

	if (!page)
		return NULL;
	page->type = PGTY_PGTABLE;
	pgd = __va(page_to_phys(page));
	spin_lock_irqsave(&pgtable_lock, irqflags);
	memcpy(pgd + KERNEL_PGD_FIRST, kernel_pml4 + KERNEL_PGD_FIRST,
	       KERNEL_PGD_FIRST * sizeof(*pgd));
	list_add(&page->lru, &pgd_list);
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	return pgd;
}

/**
 * pgd_free - free a PML4 from pgd_alloc()
 *
 * The caller has freed the user half's tables and no CPU has @pgd loaded.
 */
void pgd_free(pgentry_t *pgd)
{
	struct page *page = phys_to_page(__pa(pgd));
	unsigned long irqflags;

	spin_lock_irqsave(&pgtable_lock, irqflags);
	list_del(&page->lru);
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	page->type = PGTY_NONE;
	__free_page(page);
}

/**
 * lookup_address - find the leaf entry mapping @va
 * @level: set to the leaf's level
 *
 * Return: a pointer to the entry, or NULL if @va is not mapped.
 */
pgentry_t *lookup_address(unsigned long va, int *level)
{
	pgentry_t *table = kernel_pml4;
	int l;

	for (l = PG_LEVEL_PML4; l >= PG_LEVEL_4K; l--) {
		pgentry_t *e = &table[pg_index(va, l)];

		if (!pgentry_present(*e))
			return NULL;
		if (pgentry_leaf(*e, l)) {
			*level = l;
			return e;
		}
		table = table_va(*e);
	}
	return NULL;
}

/**
 * kernel_virt_to_phys - translate any mapped kernel address
 * Return: the physical address, or PHYS_ADDR_MAX when @va is not mapped.
 */
phys_addr_t kernel_virt_to_phys(unsigned long va)
{
	int level;
	pgentry_t *e = lookup_address(va, &level);

	if (!e)
		return PHYS_ADDR_MAX;
	return pgentry_addr(*e) + (va & (pg_level_size(level) - 1));
}
