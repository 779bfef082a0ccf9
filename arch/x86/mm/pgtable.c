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
 *
 * Page-table pages move (pgtable_move.c): each one's struct page says
 * which table it is (pgtable_page_init()), and a walker keeps the tables
 * it reads from moving by holding pgtable_lock or having interrupts off
 * (Documentation/mm/migration.rst, "Page tables").
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>

pgentry_t *kernel_pml4;

/*
 * pgtable_lock serialises changes to kernel_pml4 and every table below it
 * and to pgd_list (lookups do not take it). Always taken with interrupts
 * off. Lock order: pgtable_lock, then zone->lock. Never held across a TLB
 * flush, which waits for the other CPUs. The page-table mover leaves
 * kernel tables alone while someone holds it.
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
 * Called with pgtable_lock held, or with the machine stopped.
 */
static void pgd_sync_entry(const pgentry_t *table, int level, const pgentry_t *e)
{
	unsigned int i = e - table;
	struct page *page;

	if (table != kernel_pml4 || level != PG_LEVEL_PML4 ||
	    i < KERNEL_PGD_FIRST)
		return;
	list_for_each_entry(page, &pgd_list, lru)
		WRITE_ONCE(((pgentry_t *)__va(page_to_phys(page)))[i], *e);
}

/**
 * pgd_sync_kernel_entry - copy kernel_pml4's entry @e to every user PML4
 * @e: an entry of kernel_pml4 that changed; nothing happens for one of
 *	the user half
 *
 * For the page-table mover, which runs with the machine stopped and has
 * checked that nobody holds pgtable_lock (kernel_pgtables_locked()).
 */
void pgd_sync_kernel_entry(const pgentry_t *e)
{
	pgd_sync_entry(kernel_pml4, PG_LEVEL_PML4, e);
}

/**
 * kernel_pgtables_locked - is someone changing kernel page tables now?
 *
 * Return: whether pgtable_lock is held. With the machine stopped, a held
 * lock stays held: the mover then leaves kernel tables and pgd_list be.
 */
bool kernel_pgtables_locked(void)
{
	return spin_is_locked(&pgtable_lock);
}

/**
 * pgtable_page_init - record in @page which table it is, for the mover
 * @page: a page-table page
 * @mm: the user address space it belongs to, NULL for kernel_pml4's tree
 * @level: PG_LEVEL_* of its entries (PG_LEVEL_PML4 for a PML4)
 * @va: an address its entries translate (ignored for a PML4)
 *
 * Called before the table is linked, or with the machine stopped.
 */
void pgtable_page_init(struct page *page, struct mm_struct *mm, int level,
		       unsigned long va)
{
	page->type = PGTY_PGTABLE;
	page->pt_mm = mm;
	page->pt_level = level;
	page->pt_va = level == PG_LEVEL_PML4 ? 0 :
		      va & ~(pg_level_size(level + 1) - 1);
}

/**
 * pgtable_page_clear - @page is no page table any more
 *
 * Called before the page is freed, under the lock its table was changed
 * under, so that the mover never finds a freed page typed as a table.
 */
void pgtable_page_clear(struct page *page)
{
	page->type = PGTY_NONE;
	page->pt_mm = NULL;
	page->pt_level = 0;
	page->pt_va = 0;
}

/*
 * A zeroed page for a page table whose entries are at @level and
 * translate @va: from memblock until the buddy allocator runs (typed for
 * the mover later, by pgtable_type_boot_tables()), from the buddy
 * allocator after. Returns 0 when out of memory.
 */
static phys_addr_t pgtable_alloc(int level, unsigned long va)
{
	phys_addr_t pa;

	if (page_alloc_ready()) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

		if (!page)
			return 0;
		pgtable_page_init(page, NULL, level, va);
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
	pgtable_page_clear(page);
	if (PageReserved(page)) {
		free_reserved_page(page);
		return;
	}
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
				phys_addr_t t = pgtable_alloc(level - 1, va);

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

/*
 * Replaces a large leaf at @level, which maps @va, by a table of leaves
 * one level down.
 */
static int split_leaf(pgentry_t *e, int level, unsigned long va)
{
	pgprot_t prot = pgentry_prot(*e);
	phys_addr_t base = pgentry_addr(*e), t;
	unsigned long step = pg_level_size(level - 1);
	pgentry_t *table;
	int i;

	t = pgtable_alloc(level - 1, va);
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
			if (split_leaf(e, level, va)) {
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
 * pgd_alloc - give @mm a PML4 (@mm->pgd)
 * @mm: a new address space nobody else sees yet
 *
 * The user half is empty; the kernel half is kernel_pml4's, and stays
 * so: the page joins the list that every change of a kernel-half PML4
 * entry is copied to. Free with pgd_free().
 *
 * Return: 0, or -ENOMEM.
 */
int pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	unsigned long irqflags;
	pgentry_t *pgd;

	if (!page)
		return -ENOMEM;
	pgtable_page_init(page, mm, PG_LEVEL_PML4, 0);
	pgd = __va(page_to_phys(page));
	spin_lock_irqsave(&pgtable_lock, irqflags);
	memcpy(pgd + KERNEL_PGD_FIRST, kernel_pml4 + KERNEL_PGD_FIRST,
	       KERNEL_PGD_FIRST * sizeof(*pgd));
	list_add(&page->lru, &pgd_list);
	mm->pgd = pgd;
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	return 0;
}

/**
 * pgd_free - free @mm's PML4 from pgd_alloc()
 *
 * The caller has freed the user half's tables and no CPU has the PML4
 * loaded. @mm->pgd is read under pgtable_lock with interrupts off, where
 * the PML4 cannot move, and is NULL after.
 */
void pgd_free(struct mm_struct *mm)
{
	unsigned long irqflags;
	struct page *page;

	spin_lock_irqsave(&pgtable_lock, irqflags);
	page = phys_to_page(__pa(mm->pgd));
	list_del_init(&page->lru);
	pgtable_page_clear(page);
	mm->pgd = NULL;
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	__free_page(page);
}

/**
 * lookup_address - find the leaf entry mapping @va
 * @level: set to the leaf's level
 *
 * The pointer is into a page table, and page tables move: the caller
 * keeps them still while it uses the pointer, by holding pgtable_lock,
 * having interrupts off, running with the machine stopped, or holding
 * mem_hotplug_lock (offline, the one to move tables, takes it too).
 * Others use kernel_lookup_entry().
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
 * kernel_lookup_entry - the leaf entry mapping @va, by value
 * @level: set to the leaf's level when @va is mapped
 *
 * Walks with interrupts off, so that no page table it reads can move
 * under it (a move needs every CPU stopped, and a CPU with interrupts off
 * does not stop). Any context.
 *
 * Return: the entry, or 0 if @va is not mapped.
 */
pgentry_t kernel_lookup_entry(unsigned long va, int *level)
{
	unsigned long irqflags;
	pgentry_t *e, ret = 0;

	local_irq_save(irqflags);
	e = lookup_address(va, level);
	if (e)
		ret = READ_ONCE(*e);
	local_irq_restore(irqflags);
	return ret;
}

/**
 * kernel_virt_to_phys - translate any mapped kernel address
 *
 * Any context (see kernel_lookup_entry()).
 *
 * Return: the physical address, or PHYS_ADDR_MAX when @va is not mapped.
 */
phys_addr_t kernel_virt_to_phys(unsigned long va)
{
	int level;
	pgentry_t e = kernel_lookup_entry(va, &level);

	if (!pgentry_present(e))
		return PHYS_ADDR_MAX;
	return pgentry_addr(e) + (va & (pg_level_size(level) - 1));
}

/*
 * Whether @pa is a boot table to type: memblock's (PG_reserved), not yet
 * typed, and not in the kernel image, which never moves.
 */
static bool boot_table_untyped(phys_addr_t pa)
{
	struct page *page = pfn_to_page(PHYS_PFN(pa));

	if (pa >= __pa_symbol(_text) && pa < __pa_symbol(_end))
		return false;
	return PageReserved(page) && page->type == PGTY_NONE;
}

/* Types the tables below @table (at @level) for the mover; see below. */
static unsigned long type_boot_level(pgentry_t *table, int level,
				     unsigned long va)
{
	unsigned long n = 0;
	int i;

	for (i = 0; i < PTRS_PER_TABLE; i++) {
		unsigned long sub = va + i * pg_level_size(level);
		pgentry_t e = table[i];
		struct page *page;

		if (level == PG_LEVEL_4K || !pgentry_present(e) ||
		    pgentry_leaf(e, level))
			continue;
		/* Sign-extend: the kernel half starts at slot 256. */
		if (level == PG_LEVEL_PML4 && i >= KERNEL_PGD_FIRST)
			sub |= ~((1UL << 48) - 1);
		page = pfn_to_page(PHYS_PFN(pgentry_addr(e)));
		if (boot_table_untyped(pgentry_addr(e))) {
			pgtable_page_init(page, NULL, level - 1, sub);
			n++;
		}
		n += type_boot_level(table_va(e), level - 1, sub);
	}
	return n;
}

/**
 * pgtable_type_boot_tables - type the page tables memblock gave at boot
 *
 * The tables of kernel_pml4's tree that were allocated before the buddy
 * allocator ran (kernel_pml4 itself among them) are PG_reserved pages
 * with no type; this gives each the type and place pgtable_alloc() gives
 * a later table, so that they move like it. Called once, from an
 * initcall, with interrupts on.
 *
 * Return: how many pages it typed.
 */
unsigned long pgtable_type_boot_tables(void)
{
	struct page *root = pfn_to_page(PHYS_PFN(__pa(kernel_pml4)));
	unsigned long irqflags, n = 0;

	spin_lock_irqsave(&pgtable_lock, irqflags);
	if (boot_table_untyped(__pa(kernel_pml4))) {
		pgtable_page_init(root, NULL, PG_LEVEL_PML4, 0);
		n++;
	}
	n += type_boot_level(kernel_pml4, PG_LEVEL_PML4, 0);
	spin_unlock_irqrestore(&pgtable_lock, irqflags);
	return n;
}
