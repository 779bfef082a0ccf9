// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: user page tables and demand paging
 *
 * The user half of an mm's PML4 is filled in by page faults: a fault on
 * an address inside a VMA that allows the access gets a zeroed page,
 * mapped with the VMA's permissions, and the faulting instruction runs
 * again. Every page-table page belongs to that one mm. A user page is
 * allocated movable (ZONE_MOVABLE first) and is listed in the reverse map
 * (mm/rmap.c) with every (mm, address) that maps it, so that migration
 * and offline can move it; while it moves, its entries are migration
 * entries and a fault on one waits.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/rmap.h>
#include <asm/traps.h>

static pgentry_t *user_table_va(pgentry_t e)
{
	return __va(pgentry_addr(e));
}

/*
 * The level-1 entry for @addr in @mm, adding the tables on the way when
 * @alloc. Called with page_table_lock held. Returns NULL when a table is
 * missing (and !@alloc) or cannot be allocated.
 */
static pgentry_t *user_pte_walk(struct mm_struct *mm, unsigned long addr,
				bool alloc)
{
	pgentry_t *table = mm->pgd;
	int level;

	for (level = PG_LEVEL_PML4; level > PG_LEVEL_4K; level--) {
		pgentry_t *e = &table[pg_index(addr, level)];

		if (!pgentry_present(*e)) {
			struct page *page;

			if (!alloc)
				return NULL;
			page = alloc_page(GFP_KERNEL | __GFP_ZERO);
			if (!page)
				return NULL;
			page->type = PGTY_PGTABLE;
			mm->nr_pgtables++;
			/* The CPU ands U/S and R/W over the levels: leaves decide. */
			*e = mk_table(page_to_phys(page)) | _PAGE_USER;
		}
		table = user_table_va(*e);
	}
	return &table[pg_index(addr, PG_LEVEL_4K)];
}

/**
 * user_pte_lookup - the leaf entry mapping @addr in @mm, for tests
 *
 * Return: the entry (which may be empty), or NULL when no table reaches
 * @addr. The caller holds mmap_lock and keeps page faults on @mm out.
 */
pgentry_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	return user_pte_walk(mm, addr, false);
}

/* The fault's access is one @vma does not allow. */
static bool access_error(unsigned long error_code,
			 const struct vm_area_struct *vma)
{
	/* Present pages carry all the VMA allows, so this access it does not. */
	if (error_code & X86_PF_PROT)
		return true;
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_INSTR)
		return !(vma->vm_flags & VM_EXEC);
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

static pgprot_t vma_page_prot(const struct vm_area_struct *vma)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (vma->vm_flags & VM_WRITE)
		prot |= _PAGE_RW | _PAGE_DIRTY;
	if (!(vma->vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}

/* Map a zeroed page at @addr (page aligned) in @vma. */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	pgentry_t *pte, busy = 0;
	unsigned long flags;
	int ret = 0;

	if (!page)
		return -ENOMEM;
	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_walk(mm, addr, true);
	if (!pte) {
		ret = -ENOMEM;
	} else if (*pte) {
		/* Another CPU's fault mapped it first, or it is migrating. */
		busy = *pte;
	} else {
		/* rmap: the reverse map lists the entry (mm/rmap.c). */
		ret = page_add_anon_rmap(page, vma, addr);
		if (!ret) {
			mm->nr_pages++;
			*pte = mk_leaf(page_to_phys(page), vma_page_prot(vma),
				       PG_LEVEL_4K);
			page = NULL;
		}
	}
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (page)
		__free_page(page);
	/* rmap: a migration entry: wait for the move, then fault again. */
	if (pgentry_migration(busy))
		migration_entry_wait(pte, busy);
	return ret;
}

/**
 * handle_mm_fault - fill in the page a fault on @addr needs
 * @mm: the address space the fault happened in (current->mm)
 * @addr: the faulting user address (CR2)
 * @error_code: the page fault's error code (X86_PF_*)
 *
 * Runs in the page-fault handler, with interrupts off, so it only tries
 * mmap_lock: a fault while someone holds it for writing fails. A fault on
 * a page being migrated waits until the move is done (rmap.h).
 *
 * Return: 0 when the access may be retried; -EFAULT when @addr is in no
 * VMA or the VMA does not allow the access, or mmap_lock was held;
 * -ENOMEM when no page could be had.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error_code)
{
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	if (addr >= TASK_SIZE_MAX || !mmap_read_trylock(mm))
		return -EFAULT;
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr && !access_error(error_code, vma))
		ret = do_anonymous_page(mm, vma, addr & PAGE_MASK);
	mmap_read_unlock(mm);
	return ret;
}

static bool user_table_empty(const pgentry_t *table)
{
	int i;

	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (table[i])
			return false;
	return true;
}

/*
 * Clear @table's entries for [@va, @end) at @level, moving the pages and
 * the tables that empty to @freed. Called with page_table_lock held.
 */
static void zap_level(struct mm_struct *mm, pgentry_t *table, int level,
		      unsigned long va, unsigned long end,
		      struct list_head *freed)
{
	unsigned long size = pg_level_size(level);

	while (va < end) {
		unsigned long next = min((va & ~(size - 1)) + size, end);
		pgentry_t *e = &table[pg_index(va, level)];
		struct page *page;

		/* rmap: a leaf may be a migration entry, not present. */
		if (!*e)
			goto next;
		page = phys_to_page(pgentry_addr(*e));
		if (level == PG_LEVEL_4K) {
			*e = 0;
			mm->nr_pages--;
			/* rmap: shared pages go with their last mapping. */
			if (page_remove_rmap(page, mm, va))
				list_add(&page->lru, freed);
			goto next;
		}
		zap_level(mm, user_table_va(*e), level - 1, va, next, freed);
		if (user_table_empty(user_table_va(*e))) {
			*e = 0;
			mm->nr_pgtables--;
			list_add(&page->lru, freed);
		}
next:
		va = next;
	}
}

/**
 * unmap_page_range - unmap and free the user pages of [@start, @end)
 *
 * Frees the page tables that become empty too. The TLBs of the CPUs
 * running @mm are flushed before any page is freed. The VMAs are the
 * caller's business; it holds mmap_lock for writing.
 */
void unmap_page_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end)
{
	unsigned long flags, mapped;
	struct page *page, *tmp;
	LIST_HEAD(freed);

	if (WARN_ON_ONCE(start > end || end > TASK_SIZE_MAX))
		return;
	spin_lock_irqsave(&mm->page_table_lock, flags);
	mapped = mm->nr_pages;
	zap_level(mm, mm->pgd, PG_LEVEL_PML4, start, end, &freed);
	/* rmap: an entry gone whose page stays (shared) needs the flush too. */
	mapped -= mm->nr_pages;
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (list_empty(&freed) && !mapped)
		return;
	flush_tlb_mm_range(mm, start, end);
	list_for_each_entry_safe(page, tmp, &freed, lru) {
		list_del(&page->lru);
		page->type = PGTY_NONE;
		__free_page(page);
	}
}
