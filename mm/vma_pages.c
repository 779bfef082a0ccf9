// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: page-table work of the memory system calls
 *
 * What mmap (MAP_POPULATE, private file mappings), mprotect, mremap,
 * madvise, mincore and exec do to the user page tables of one mm, each
 * over a range of one VMA: fill pages in, change the permissions of the
 * present ones, move them to another address, ask which are present.
 * The fault path (mm/memory.c) is the other writer of these tables; both
 * change entries under mm->page_table_lock, and the callers here hold
 * mmap_lock for writing, so no fault runs meanwhile (faults only try it).
 *
 * A page filled here is an anonymous page, allocated movable and listed
 * in the reverse map as the fault path does. Entries may be migration
 * entries (a page moving, mm/rmap.c): the calls here keep them (moving,
 * re-protecting) or wait for the move before touching the page.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mempolicy.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/rmap.h>
#include <linux/string.h>
#include "internal.h"

/**
 * vma_pte_prot - the bits of a present user entry under @vm_flags
 *
 * PROT_NONE keeps the page present without _PAGE_USER, so ring 3 faults
 * on it and mprotect() can give access back with the data intact.
 *
 * Return: the protection bits.
 */
pgprot_t vma_pte_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_ACCESSED;

	if (vm_flags & VM_ACCESS_FLAGS)
		prot |= _PAGE_USER;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW | _PAGE_DIRTY;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}

/* Map @page at @addr unless a page is there; frees @page then. */
static int vp_install(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long uaddr, struct page *page)
{
	unsigned long flags;
	pgentry_t *pte;
	int ret = 0;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_walk(mm, uaddr, true, NULL);
	if (!pte) {
		ret = -ENOMEM;
	} else if (!*pte) {
		ret = page_add_anon_rmap(page, vma, uaddr);
		if (!ret) {
			mm->nr_pages++;
			*pte = mk_leaf(page_to_phys(page),
				       vma_pte_prot(vma->vm_flags), PG_LEVEL_4K);
			page = NULL;
		}
	}
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (page)
		__free_page(page);
	return ret;
}

static bool vp_present(struct mm_struct *mm, unsigned long addr)
{
	unsigned long flags;
	pgentry_t *pte;
	bool ret;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_walk(mm, addr, false, NULL);
	/* A page being migrated is there too. */
	ret = pte && *pte;
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	return ret;
}

/* Read @vma's file bytes for the page at @addr into @buf (a page). */
static int vp_read_file_page(struct vm_area_struct *vma, unsigned long addr,
			     void *buf)
{
	loff_t pos = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) +
		     (addr - vma->vm_start);
	ssize_t n;

	n = kernel_read(vma->vm_file, buf, PAGE_SIZE, &pos);
	return n < 0 ? (int)n : 0;	/* past the end of the file: zeroes */
}

/**
 * populate_vma_range - fill in the pages of [@first, @stop) of @vma now
 * @mm: @vma's address space; mmap_lock held for writing
 * @vma: a VMA holding the page-aligned range
 * @first: first address
 * @stop: end of the range
 *
 * Anonymous private pages come zeroed; a private file mapping's pages
 * are read from the file (bytes past its end are zero). Pages already
 * present stay. Shared anonymous VMAs are skipped: their pages belong to
 * the shared object and come through the fault path.
 *
 * Return: 0; -ENOMEM when a page or table cannot be had; a read error
 * of the file. Pages filled before the failure stay.
 */
int populate_vma_range(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long first, unsigned long stop)
{
	unsigned long addr;
	struct page *page;
	int ret;

	if (WARN_ON_ONCE(first < vma->vm_start || stop > vma->vm_end))
		return -EINVAL;
	if (vma->vm_shared)
		return 0;
	for (addr = first; addr != stop; addr += PAGE_SIZE) {
		if (vp_present(mm, addr))
			continue;
		page = alloc_user_page(vma, addr,
				       GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
		if (!page)
			return -ENOMEM;
		if (vma->vm_file) {
			ret = vp_read_file_page(vma, addr,
						page_dm_address(page));
			if (ret) {
				__free_page(page);
				return ret;
			}
		}
		ret = vp_install(mm, vma, addr, page);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * clear_mapped_range - zero the bytes [@start, @end) of @mm's present pages
 *
 * Through the direct map, whatever the pages' permissions: exec uses it
 * for the file bytes that share a page with a segment's zero fill. Pages
 * not present are left alone (they come zeroed). Caller holds mmap_lock
 * for writing.
 */
void clear_mapped_range(struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	unsigned long addr = start, next, flags;
	pgentry_t *pte, e;

	while (addr < end) {
		next = min((addr & PAGE_MASK) + PAGE_SIZE, end);
		spin_lock_irqsave(&mm->page_table_lock, flags);
		pte = user_pte_walk(mm, addr, false, NULL);
		e = pte ? *pte : 0;
		if (pgentry_present(e))
			memset((u8 *)__va(pgentry_addr(e)) +
			       (addr & ~PAGE_MASK), 0, next - addr);
		spin_unlock_irqrestore(&mm->page_table_lock, flags);
		/* A page moving: wait, then write to where it went. */
		if (pgentry_migration(e)) {
			migration_entry_wait(e);
			continue;
		}
		addr = next;
	}
}

/**
 * copy_to_mm - write @len bytes of @src at @addr in @mm
 * @mm: an address space the caller may not be running on (exec's new one)
 * @addr: the user address
 * @src: kernel bytes
 * @len: how many
 *
 * Through the direct map, so the permissions of the pages do not matter;
 * every page of the range must be present (populate_vma_range()). Caller
 * holds mmap_lock for writing.
 *
 * Return: 0, or -EFAULT if a page of the range is not present.
 */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
	       size_t len)
{
	unsigned long next, flags;
	const u8 *from = src;
	pgentry_t *pte, e;
	int ret = 0;

	while (len && !ret) {
		next = min((addr & PAGE_MASK) + PAGE_SIZE, addr + len);
		spin_lock_irqsave(&mm->page_table_lock, flags);
		pte = user_pte_walk(mm, addr, false, NULL);
		e = pte ? *pte : 0;
		if (pgentry_present(e))
			memcpy((u8 *)__va(pgentry_addr(e)) +
			       (addr & ~PAGE_MASK), from, next - addr);
		else if (!pgentry_migration(e))
			ret = -EFAULT;
		spin_unlock_irqrestore(&mm->page_table_lock, flags);
		/* A page moving: wait, then write to where it went. */
		if (pgentry_migration(e)) {
			migration_entry_wait(e);
			continue;
		}
		from += next - addr;
		len -= next - addr;
		addr = next;
	}
	return ret;
}

/**
 * change_protection - give the present pages of [@start, @end) @new_flags
 * @mm: the address space; mmap_lock held for writing
 * @start: page-aligned start
 * @end: page-aligned end
 * @new_flags: the VMA's new flags
 *
 * A private page mapped more than once (page_mapcount() > 1, shared
 * for copy-on-write) does not become writable: its write fault copies
 * it. A migration entry gets the new bits too, and keeps them when the
 * move ends. The TLBs of the CPUs running @mm are flushed.
 */
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, unsigned long new_flags)
{
	pgprot_t prot = vma_pte_prot(new_flags);
	unsigned long addr = start, skip, flags;
	struct page *page;
	pgentry_t *pte;
	pgprot_t p;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	while (addr < end) {
		pte = user_pte_walk(mm, addr, false, &skip);
		if (!pte) {
			addr = skip;
			continue;
		}
		if (pgentry_present(*pte) || pgentry_migration(*pte)) {
			bool moving = pgentry_migration(*pte);

			page = phys_to_page(pgentry_addr(*pte));
			p = prot;
			if (!(new_flags & VM_SHARED) && page_mapcount(page) > 1)
				p &= ~(pgprot_t)(_PAGE_RW | _PAGE_DIRTY);
			*pte = mk_leaf(pgentry_addr(*pte), p, PG_LEVEL_4K);
			if (moving)
				*pte = mk_migration_entry(*pte);
		}
		addr += PAGE_SIZE;
	}
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	flush_tlb_mm_range(mm, start, end);
}

/**
 * move_page_range - move the present pages of [@old, @old + @len) to @new
 * @mm: the address space; mmap_lock held for writing
 * @old: page-aligned source
 * @new: page-aligned destination, whose range has no present page
 * @len: page-aligned length
 *
 * The tables the destination needs are added first, so the move itself
 * cannot fail half-way. Each entry (present or a migration entry) keeps
 * its bits, and an anonymous page's reverse map its new address. The
 * old range's TLB entries are flushed.
 *
 * Return: 0, or -ENOMEM with nothing moved.
 */
int move_page_range(struct mm_struct *mm, unsigned long old,
		    unsigned long new, unsigned long len)
{
	unsigned long off, skip, flags;
	pgentry_t *src, *dst;
	struct page *page;
	int ret = 0;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	for (off = 0; off < len; off += PAGE_SIZE) {
		src = user_pte_walk(mm, old + off, false, &skip);
		if (!src) {
			off = skip - old - PAGE_SIZE;
			continue;
		}
		if (*src && !user_pte_walk(mm, new + off, true, NULL)) {
			ret = -ENOMEM;
			goto out;
		}
	}
	for (off = 0; off < len; off += PAGE_SIZE) {
		src = user_pte_walk(mm, old + off, false, &skip);
		if (!src) {
			off = skip - old - PAGE_SIZE;
			continue;
		}
		if (!*src)
			continue;
		dst = user_pte_walk(mm, new + off, false, NULL);
		*dst = *src;
		*src = 0;
		page = phys_to_page(pgentry_addr(*dst));
		if (PageAnon(page))
			page_move_rmap(page, mm, old + off, new + off);
	}
out:
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	if (!ret)
		flush_tlb_mm_range(mm, old, old + len);
	return ret;
}

/**
 * mm_page_present - is a page mapped at @addr in @mm? (mincore)
 *
 * Return: true if the entry for @addr is present. Caller holds mmap_lock.
 */
bool mm_page_present(struct mm_struct *mm, unsigned long addr)
{
	return vp_present(mm, addr);
}
