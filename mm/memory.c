// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: user page tables, demand paging and copy-on-write
 *
 * The user half of an mm's PML4 is filled in by page faults: a fault on
 * an address inside a VMA that allows the access gets a page, mapped
 * with the VMA's permissions, and the faulting instruction runs again.
 * An anonymous VMA's page starts zeroed; a private file VMA's (vm_file)
 * is filled with kernel_read() from the file at (vm_pgoff + page index)
 * << PAGE_SHIFT, zero past the end of the file, and is the process's own
 * copy from then on. A shared anonymous VMA (vm_shared) maps the
 * shared object's page itself (shared_anon_page(), mm/mmap.c), which
 * every mm mapping the object sees.
 *
 * Anonymous pages (demand-zero pages, private file copies and
 * copy-on-write copies) are allocated movable, ZONE_MOVABLE first, and
 * listed in the reverse map (mm/rmap.c) with every (mm, address) whose
 * entry names them; the mappings share the page's one reference, and the
 * last one to go frees it. Migration and offline move them: while one
 * moves, its entries are migration entries and a fault on one waits.
 * A shared anonymous object's page is anonymous too: its reverse map
 * lists the object's slot beside the mappings, which all share the page's
 * one reference, and it migrates the same way (the slot is switched with
 * the entries).
 *
 * fork() (copy_page_range()) makes the child's tables point at the
 * parent's pages. In a private writable VMA both sides lose write
 * access; the first write on either side takes a fault (do_wp_page())
 * that copies the page, or just makes it writable again if no other
 * entry maps it. Page-table pages are never shared.
 *
 * Page-table pages move (arch/x86/mm/pgtable_move.c) while the machine is
 * stopped, unless their mm's page_table_lock is held: every walk of the
 * user half holds it, with interrupts off, and uses what it found before
 * dropping it. Each table page records its mm, level and address
 * (pgtable_page_init()) so that the mover finds the entry naming it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/fs.h>
#include <linux/mempolicy.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/preempt.h>
#include <linux/rmap.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include <asm/traps.h>

static pgentry_t *user_table_va(pgentry_t e)
{
	return __va(pgentry_addr(e));
}

/**
 * user_pte_walk - the 4K entry for @addr in @mm's page tables
 * @mm: the address space; the caller holds its page_table_lock (with
 *	interrupts off), and uses the entry only until it drops the lock:
 *	after that the table may move
 * @addr: a user address
 * @alloc: add the missing tables on the way
 * @skip: without @alloc, where a missing table gets the first address
 *	past the hole it leaves; may be NULL
 *
 * The one walker of user page tables: the fault path, fork, the memory
 * system calls (mm/vma_pages.c) and the reverse map use it.
 *
 * Return: the entry (which may be empty or a migration entry), or NULL
 * when a table is missing (without @alloc) or cannot be allocated.
 */
pgentry_t *user_pte_walk(struct mm_struct *mm, unsigned long addr,
			 bool alloc, unsigned long *skip)
{
	pgentry_t *table = mm->pgd;
	int level;

	for (level = PG_LEVEL_PML4; level > PG_LEVEL_4K; level--) {
		pgentry_t *e = &table[pg_index(addr, level)];

		if (!pgentry_present(*e)) {
			struct page *page;

			if (!alloc) {
				if (skip)
					*skip = (addr | (pg_level_size(level) - 1)) + 1;
				return NULL;
			}
			page = alloc_page(GFP_KERNEL | __GFP_ZERO);
			if (!page)
				return NULL;
			pgtable_page_init(page, mm, level - 1, addr);
			mm->nr_pgtables++;
			/* The CPU ands U/S and R/W over the levels: leaves decide. */
			*e = mk_table(page_to_phys(page)) | _PAGE_USER;
		}
		table = user_table_va(*e);
	}
	return &table[pg_index(addr, PG_LEVEL_4K)];
}

/**
 * user_pte_lookup - the leaf entry mapping @addr in @mm
 *
 * user_pte_walk() without adding tables; the same rule: the caller holds
 * @mm's page_table_lock with interrupts off while it uses the entry.
 *
 * Return: the entry (which may be empty), or NULL when no table reaches
 * @addr.
 */
pgentry_t *user_pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	return user_pte_walk(mm, addr, false, NULL);
}

/* The fault's access is one @vma does not allow. */
static bool access_error(unsigned long error_code,
			 const struct vm_area_struct *vma)
{
	/* A write to a present page: copy-on-write if the VMA allows it. */
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	/* Present pages carry all else the VMA allows. */
	if (error_code & X86_PF_PROT)
		return true;
	if (error_code & X86_PF_INSTR)
		return !(vma->vm_flags & VM_EXEC);
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

static pgprot_t vma_page_prot(const struct vm_area_struct *vma)
{
	return vma_pte_prot(vma->vm_flags);
}

/*
 * Map the shared anonymous object's page at @addr (never a copy). The
 * slot is read again under the object's lock, inside page_table_lock, and
 * the mapping's reverse-map item added in the same hold: a migration
 * marks the slot under that lock before it looks for mappings, so it
 * either finds this one or this fault finds the mark and waits.
 */
static int do_shared_page(struct mm_struct *mm, struct vm_area_struct *vma,
			  unsigned long addr)
{
	struct shared_anon *sa = vma->vm_shared;
	unsigned long idx = vma->vm_pgoff +
			    ((addr - vma->vm_start) >> PAGE_SHIFT);
	struct page *slot = NULL;
	pgentry_t *pte, busy = 0;
	unsigned long flags;
	int ret = 0;

	if (!shared_anon_page(vma, addr))
		return -ENOMEM;
	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_walk(mm, addr, true, NULL);
	if (!pte) {
		ret = -ENOMEM;
	} else if (*pte) {
		/* Another CPU's fault mapped it first, or it is migrating. */
		busy = *pte;
	} else {
		spin_lock(&sa->lock);
		slot = sa->pages[idx];
		if (!shared_anon_slot_moving(slot)) {
			ret = page_add_anon_rmap(slot, vma, addr);
			if (!ret) {
				mm->nr_pages++;
				*pte = mk_leaf(page_to_phys(slot),
					       vma_page_prot(vma), PG_LEVEL_4K);
			}
			slot = NULL;
		}
		spin_unlock(&sa->lock);
	}
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	/* A move in progress: wait for it, then fault again. */
	if (pgentry_migration(busy))
		migration_entry_wait(busy);
	if (slot)
		migration_page_wait(shared_anon_slot_page(slot));
	return ret;
}

/*
 * Fill @page with the file data of @vma at @addr: kernel_read() at the
 * file offset the page maps, zero past the end of the file.
 */
static int file_fill_page(struct vm_area_struct *vma, unsigned long addr,
			  struct page *page)
{
	loff_t pos = (loff_t)(vma->vm_pgoff +
			      ((addr - vma->vm_start) >> PAGE_SHIFT)) << PAGE_SHIFT;
	void *kaddr = __va(page_to_phys(page));
	ssize_t n = kernel_read(vma->vm_file, kaddr, PAGE_SIZE, &pos);

	if (n < 0)
		return (int)n;
	return 0;
}

/* Map a new page at @addr (page aligned) in @vma: zeroed or file data. */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr)
{
	struct page *page = alloc_user_page(vma, addr,
					     GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	pgentry_t *pte, busy = 0;
	unsigned long flags;
	int ret = 0;

	if (!page)
		return -ENOMEM;
	if (vma->vm_file) {
		ret = file_fill_page(vma, addr, page);
		if (ret) {
			__free_page(page);
			return -EFAULT;
		}
	}
	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_walk(mm, addr, true, NULL);
	if (!pte) {
		ret = -ENOMEM;
	} else if (*pte) {
		/* Another CPU's fault mapped it first, or it is migrating. */
		busy = *pte;
	} else {
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
	/* A migration entry: wait for the move, then fault again. */
	if (pgentry_migration(busy))
		migration_entry_wait(busy);
	return ret;
}

/*
 * A write to a present, write-protected page of a writable VMA: the
 * copy-on-write break. An anonymous page only this entry maps is made
 * writable in place; one that others map too is copied into a new page.
 * A page of a shared anonymous object is written in place. Interrupts
 * are on (the TLB flush is a cross call).
 *
 * While the copy is made unlocked, a reference on the old page keeps it
 * from being freed or migrated (migration gives up on a page with an
 * extra reference); the entry is switched only if it still names it.
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr)
{
	struct page *old, *copy = NULL, *src = NULL;
	bool free_old = false;
	unsigned long flags;
	pgentry_t *pte;
	int ret = 0;

	for (;;) {
		spin_lock_irqsave(&mm->page_table_lock, flags);
		pte = user_pte_walk(mm, addr, false, NULL);
		if (!pte || !pgentry_present(*pte) || pgentry_writable(*pte))
			goto unlock;	/* changed meanwhile: retry the access */
		old = phys_to_page(pgentry_addr(*pte));
		if (vma->vm_shared) {
			/* A shared object's page is written in place. */
			*pte |= _PAGE_RW | _PAGE_DIRTY;
			goto unlock;
		}
		if (!PageAnon(old))
			goto unlock;
		if (page_mapcount(old) == 1) {
			*pte |= _PAGE_RW | _PAGE_DIRTY;
			goto unlock;
		}
		if (copy && src == old)
			break;
		get_page(old);
		spin_unlock_irqrestore(&mm->page_table_lock, flags);
		if (src)
			put_page(src);
		src = old;
		if (!copy)
			copy = alloc_user_page(vma, addr,
						       GFP_HIGHUSER_MOVABLE);
		if (!copy) {
			put_page(src);
			return -ENOMEM;
		}
		/* Copied unlocked: the page is read-only everywhere. */
		memcpy(__va(page_to_phys(copy)), __va(page_to_phys(src)),
		       PAGE_SIZE);
	}
	ret = page_add_anon_rmap(copy, vma, addr);
	if (ret)
		goto unlock;
	*pte = mk_leaf(page_to_phys(copy), vma_page_prot(vma), PG_LEVEL_4K);
	copy = NULL;
	/* The other entries may have gone meanwhile (exit, munmap). */
	free_old = page_remove_rmap(old, mm, addr);
unlock:
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (copy)
		__free_page(copy);
	flush_tlb_mm_range(mm, addr, addr + PAGE_SIZE);
	if (src)
		put_page(src);
	if (free_old)
		__free_page(old);
	return ret;
}

/**
 * handle_mm_fault - fill in the page a fault on @addr needs
 * @mm: the address space the fault happened in (current->mm)
 * @addr: the faulting user address (CR2)
 * @error_code: the page fault's error code (X86_PF_*)
 *
 * With interrupts on and no preemption count (a fault from ring 3, or
 * from a user access that ran so) this may sleep: on mmap_lock, reading a file page,
 * allocating. With interrupts off it only tries mmap_lock, and serves
 * neither file pages nor copy-on-write (-EFAULT then).
 *
 * Return: 0 when the access may be retried; -EFAULT when @addr is in no
 * VMA (or mmap_lock could not be had); -EACCES when the VMA does not
 * allow the access; -ENOMEM when no page could be had.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr,
		    unsigned long error_code)
{
	bool can_sleep = (arch_local_save_flags() & X86_EFLAGS_IF) &&
			 !preempt_count();
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	if (addr >= TASK_SIZE_MAX)
		return -EFAULT;
	if (can_sleep)
		mmap_read_lock(mm);
	else if (!mmap_read_trylock(mm))
		return -EFAULT;
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		goto out;
	ret = -EACCES;
	if (access_error(error_code, vma))
		goto out;
	ret = -EFAULT;
	if (error_code & X86_PF_PROT) {
		if (can_sleep)
			ret = do_wp_page(mm, vma, addr & PAGE_MASK);
	} else if (vma->vm_shared) {
		ret = do_shared_page(mm, vma, addr & PAGE_MASK);
	} else if (can_sleep || !vma->vm_file) {
		ret = do_anonymous_page(mm, vma, addr & PAGE_MASK);
	}
out:
	mmap_read_unlock(mm);
	return ret;
}

/* Entries fork copies per hold of the parent's page_table_lock. */
#define FORK_BATCH	64

struct fork_batch {
	unsigned long va[FORK_BATCH];
	pgentry_t e[FORK_BATCH];
	unsigned int nr;
};

/*
 * Under @src's page_table_lock: gather up to FORK_BATCH present entries
 * of [*@va, @end), write-protecting them with @wrprotect and taking a
 * reference on each page, so that none can be freed or migrated before
 * the child's entries are written. Stops early at a migration entry,
 * returned in *@wait_e (0 if none). Advances *@va past what it looked at.
 */
static void fork_gather(struct mm_struct *src, unsigned long *va,
			unsigned long end, bool wrprotect,
			struct fork_batch *b, pgentry_t *wait_e)
{
	b->nr = 0;
	*wait_e = 0;
	while (*va < end && b->nr < FORK_BATCH) {
		unsigned long skip;
		pgentry_t *e = user_pte_walk(src, *va, false, &skip);

		if (!e) {
			/* No table here: on past the hole. */
			*va = min(skip, end);
			continue;
		}
		if (pgentry_migration(*e)) {
			*wait_e = *e;
			return;
		}
		if (pgentry_present(*e)) {
			if (wrprotect)
				*e &= ~_PAGE_RW;
			get_page(phys_to_page(pgentry_addr(*e)));
			b->va[b->nr] = *va;
			b->e[b->nr++] = *e;
		}
		*va += PAGE_SIZE;
	}
}

/*
 * Under @dst's page_table_lock: write the gathered entries into @dst.
 * Every page (a shared object's too) gets a reverse-map entry for the
 * child and keeps the one reference all its mappings share. Returns -ENOMEM
 * when a table or a reverse-map entry cannot be had; entries from that
 * one on are not written.
 */
static int fork_install(struct mm_struct *dst, struct vm_area_struct *vma,
			struct fork_batch *b)
{
	unsigned int i;

	for (i = 0; i < b->nr; i++) {
		struct page *page = phys_to_page(pgentry_addr(b->e[i]));
		pgentry_t *d = user_pte_walk(dst, b->va[i], true, NULL);

		if (!d || page_dup_rmap(page, vma, b->va[i]))
			return -ENOMEM;
		*d = b->e[i];
		dst->nr_pages++;
	}
	return 0;
}

/**
 * copy_page_range - share @vma's pages of @src with @dst (fork)
 * @dst: the child's mm, which has a copy of @vma already
 * @src: the parent's mm
 * @vma: the parent's VMA (the child's copy, found by address, gets the
 *	reverse-map entries)
 *
 * The child's tables get the parent's entries, and each page a
 * reverse-map entry for the child. In a private
 * writable VMA, both sides are made read-only, so that the first write
 * copies (do_wp_page()); read-only and shared pages stay shared. The two
 * page_table_locks are never held together: entries are gathered under
 * the parent's, with a reference on each page, and written under the
 * child's; an entry the parent has migrating is waited for. The
 * parent's TLBs are flushed for the range. The caller holds @src's
 * mmap_lock for writing and is the only user of @dst.
 *
 * Return: 0, or -ENOMEM (entries already copied stay; mmput() of @dst
 * gives them back).
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	bool wrprotect = (vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;
	struct vm_area_struct *child = find_vma(dst, vma->vm_start);
	unsigned long va = vma->vm_start, flags;
	struct fork_batch *b;
	pgentry_t wait_e = 0;
	unsigned int i;
	int ret = 0;

	if (WARN_ON_ONCE(!child || child->vm_start != vma->vm_start))
		return -EINVAL;
	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	while (va < vma->vm_end && !ret) {
		spin_lock_irqsave(&src->page_table_lock, flags);
		fork_gather(src, &va, vma->vm_end, wrprotect, b, &wait_e);
		spin_unlock_irqrestore(&src->page_table_lock, flags);

		spin_lock_irqsave(&dst->page_table_lock, flags);
		ret = fork_install(dst, child, b);
		spin_unlock_irqrestore(&dst->page_table_lock, flags);
		/* The references fork_gather() took, written or not. */
		for (i = 0; i < b->nr; i++)
			put_page(phys_to_page(pgentry_addr(b->e[i])));
		if (wait_e)
			migration_entry_wait(wait_e);
	}
	kfree(b);
	if (wrprotect)
		flush_tlb_mm_range(src, vma->vm_start, vma->vm_end);
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

		/* A leaf may be a migration entry, not present. */
		if (!*e)
			goto next;
		page = phys_to_page(pgentry_addr(*e));
		if (level == PG_LEVEL_4K) {
			*e = 0;
			mm->nr_pages--;
			/*
			 * Freed with its last mapping; a shared object's
			 * slot is one, so its pages stay while it does.
			 */
			if (!WARN_ON_ONCE(!PageAnon(page)) &&
			    page_remove_rmap(page, mm, va))
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
	/* An entry gone whose page stays (shared) needs the flush too. */
	mapped -= mm->nr_pages;
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (list_empty(&freed) && !mapped)
		return;
	flush_tlb_mm_range(mm, start, end);
	list_for_each_entry_safe(page, tmp, &freed, lru) {
		list_del(&page->lru);
		if (page->type == PGTY_PGTABLE)
			pgtable_page_clear(page);
		else
			page->type = PGTY_NONE;
		__free_page(page);
	}
}
