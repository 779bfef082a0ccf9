// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: moving page-table pages
 *
 * Every page-table page, the kernel's (kernel_pml4 and its tree: direct
 * map, vmemmap, vmalloc, kernel heap, ioremap) and every user address
 * space's (its PML4 and the tables below), moves the same way: with the
 * machine stopped, copy it, make the one entry or pointer that names it
 * name the copy, and flush. migrate.c calls us through the mover
 * registered for PGTY_PGTABLE and, once we return 0, flushes every CPU's
 * TLB (a full flush loads CR3 again where the PML4 moved, see
 * arch/x86/mm/tlb.c) before it frees the old page.
 *
 * Who names a table: a table below a PML4 is named by one entry of the
 * table one level up, found by walking from the root with the address the
 * table's struct page records (pgtable_page_init()); a PDPT of the kernel
 * half is named by a kernel_pml4 entry and by the same entry of every
 * user PML4 (pgd_sync_kernel_entry()); a PML4 is named by kernel_pml4 or
 * its mm's @pgd, by the pgd_list linkage (page->lru) of a user one, and
 * by the CR3 of every CPU running on it.
 *
 * What keeps a walker safe: the mover runs on a stopped machine, and a
 * CPU stops only with interrupts on. A walk that holds the lock of the
 * tables it reads (pgtable_lock, or the mm's page_table_lock, both taken
 * with interrupts off), or that runs with interrupts off, is never
 * caught half-way; and the mover refuses with -EAGAIN while either lock
 * is held, since its holder may be the CPU running the stop. Tables being
 * freed (an unmap, an exit) are recognised by their parent entry no
 * longer naming them: -EAGAIN as well.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/pgtable.h>

static pgentry_t *pt_table_va(pgentry_t e)
{
	return __va(pgentry_addr(e));
}

static void *pt_page_va(const struct page *page)
{
	return __va(page_to_phys(page));
}

/*
 * The entry one level up that names table @page (not a PML4), or NULL
 * when none does now (the table is being freed). Stopped machine.
 */
static pgentry_t *pt_parent_entry(const struct page *page)
{
	struct mm_struct *mm = page->pt_mm;
	pgentry_t *table = mm ? mm->pgd : kernel_pml4;
	int level;

	if (!table)	/* an mm still being set up */
		return NULL;
	for (level = PG_LEVEL_PML4; level > page->pt_level; level--) {
		pgentry_t *e = &table[pg_index(page->pt_va, level)];

		if (!pgentry_present(*e) || pgentry_leaf(*e, level))
			return NULL;
		if (level == page->pt_level + 1)
			return pgentry_addr(*e) == page_to_phys(page) ? e : NULL;
		table = pt_table_va(*e);
	}
	return NULL;
}

/* Whether PML4 @page is still its address space's. Stopped machine. */
static bool pt_pml4_current(const struct page *page)
{
	const pgentry_t *pml4 = page->pt_mm ? page->pt_mm->pgd : kernel_pml4;

	return pml4 == pt_page_va(page);
}

/* Makes @new the PML4 in place of @old; stopped machine, checked. */
static void pt_switch_pml4(struct page *old, struct page *new)
{
	struct mm_struct *mm = old->pt_mm;

	if (mm) {
		/* pgd_list: the kernel half is kept in step through it. */
		new->lru = old->lru;
		new->lru.next->prev = &new->lru;
		new->lru.prev->next = &new->lru;
		INIT_LIST_HEAD(&old->lru);
		WRITE_ONCE(mm->pgd, pt_page_va(new));
	} else {
		WRITE_ONCE(kernel_pml4, pt_page_va(new));
	}
}

/* Whether @page's tables are being changed or walked under their lock. */
static bool pt_locked(const struct page *page)
{
	if (kernel_pgtables_locked())
		return true;
	return page->pt_mm && spin_is_locked(&page->pt_mm->page_table_lock);
}

/**
 * pgtable_move_page - move page table @old to @new
 * @old: a page typed PGTY_PGTABLE
 * @new: a zeroed or unused page (reference count 1, PGTY_NONE)
 *
 * The kernel_page_mover's move: with every CPU stopped, on the CPU
 * running the stop, interrupts off. Copies @old to @new, makes the entry
 * (or mm->pgd, kernel_pml4, pgd_list linkage) that named @old name @new,
 * and flushes this CPU's TLB, loading CR3 anew if its PML4 moved. The
 * caller flushes the other CPUs (which reloads their CR3 likewise) and
 * frees @old. Does not touch @old on failure.
 *
 * Return: 0; -EAGAIN while pgtable_lock or the mm's page_table_lock is
 * held, or when nothing names @old now (it is being freed); -EBUSY for
 * a page that is no page table.
 */
int pgtable_move_page(struct page *old, struct page *new)
{
	int level = old->pt_level;
	pgentry_t *parent = NULL;

	if (old->type != PGTY_PGTABLE)
		return -EAGAIN;		/* freed since it was chosen */
	if (level < PG_LEVEL_4K || level > PG_LEVEL_PML4)
		return -EBUSY;
	if (pt_locked(old))
		return -EAGAIN;
	if (level == PG_LEVEL_PML4) {
		if (!pt_pml4_current(old))
			return -EAGAIN;
	} else {
		parent = pt_parent_entry(old);
		if (!parent)
			return -EAGAIN;
	}

	copy_page(pt_page_va(new), pt_page_va(old));
	pgtable_page_init(new, old->pt_mm, level, old->pt_va);
	if (parent) {
		WRITE_ONCE(*parent, (*parent & ~PTE_ADDR_MASK) |
				    page_to_phys(new));
		if (!old->pt_mm && level == PG_LEVEL_1G)
			pgd_sync_kernel_entry(parent);
	} else {
		pt_switch_pml4(old, new);
	}
	flush_tlb_this_cpu();
	return 0;
}

static bool pgtable_movable(const struct page *page)
{
	u16 level = READ_ONCE(page->pt_level);

	return READ_ONCE(page->type) == PGTY_PGTABLE &&
	       level >= PG_LEVEL_4K && level <= PG_LEVEL_PML4;
}

static unsigned int pgtable_order(const struct page *page)
{
	return 0;
}

static const struct kernel_page_mover pgtable_mover = {
	.name = "page table",
	.movable = pgtable_movable,
	.order = pgtable_order,
	.move = pgtable_move_page,
};

static int __init pgtable_move_init(void)
{
	unsigned long n;

	/* The fields pgtable_page_init() fills must not grow struct page. */
	BUILD_BUG_ON(sizeof(struct page) != 64);
	n = pgtable_type_boot_tables();
	register_kernel_page_mover(PGTY_PGTABLE, &pgtable_mover);
	pr_info("x86/mm: page tables move (%lu from boot memory)\n", n);
	return 0;
}
core_initcall(pgtable_move_init);
