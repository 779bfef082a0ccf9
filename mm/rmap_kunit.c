// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the reverse map and the migration of user pages (mm/rmap.c,
 * mm/migrate.c): ring-3 code fills pages with a pattern, they move
 * (migrate_pages(), offline of their memory block) while one or two mms
 * map them and while another CPU touches them, and ring-3 code finds its
 * data intact in pages with other pfns.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>
#include <asm/syscall.h>
#include <kunit/test.h>
#include "internal.h"

#define RK_ANON_FIXED	(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define RK_CODE_VA	0x400000UL
#define RK_DATA_VA	0x600000UL
#define RK_STACK_VA	0x7fff0000UL
/* Word k of a data page holds its own address ^ RK_MAGIC; word 1 counts. */
#define RK_MAGIC	0x5eed5eed00000000ULL
/* Parameters in the code page: data pages, spin iterations. */
#define RK_PARAM_NR	0x800
#define RK_PARAM_ITERS	0x808
/* Entry points into rk_prog. */
#define RK_FILL		0x00
#define RK_CHECK	0x55
#define RK_TOUCH	0xa3
#define RK_SPIN		0xeb
#define RK_MEM_ROOT	"/sys/devices/system/memory"

/*
 * fill: every word of the data pages gets its address ^ RK_MAGIC, then
 * word 1 of each page 0; exit(0).
 * check: exit(number of words, word 1 of each page aside, that differ).
 * touch: for each data page, compare word 0 and increment word 1;
 * exit(number of wrong words 0).
 * spin: read word 0 of the first page RK_PARAM_ITERS times; exit(number
 * of wrong reads).
 */
static const u8 rk_prog[] = {
	/* fill: at 0x0 */
	/* movabs $RK_MAGIC,%r8 */
	0x49, 0xb8, 0x00, 0x00, 0x00, 0x00, 0xed,
	0x5e, 0xed, 0x5e,
	0x48, 0x8b, 0x0c, 0x25, 0x00, 0x08, 0x40,	/* mov 0x400800,%rcx */
	0x00,
	0x48, 0xc1, 0xe1, 0x0c,                 /* shl $0xc,%rcx */
	0xbb, 0x00, 0x00, 0x60, 0x00,           /* mov $0x600000,%ebx */
	0x48, 0x8d, 0x14, 0x0b,                 /* lea (%rbx,%rcx),%rdx */
	0x48, 0x89, 0xd8,                       /* mov %rbx,%rax */
	0x4c, 0x31, 0xc0,                       /* xor %r8,%rax */
	0x48, 0x89, 0x03,                       /* mov %rax,(%rbx) */
	0x48, 0x83, 0xc3, 0x08,                 /* add $0x8,%rbx */
	0x48, 0x39, 0xd3,                       /* cmp %rdx,%rbx */
	0x72, 0xee,                             /* jb 1f */
	0xbb, 0x00, 0x00, 0x60, 0x00,           /* mov $0x600000,%ebx */
	/* movq $0x0,0x8(%rbx) */
	0x48, 0xc7, 0x43, 0x08, 0x00, 0x00, 0x00,
	0x00,
	0x48, 0x81, 0xc3, 0x00, 0x10, 0x00, 0x00,	/* add $0x1000,%rbx */
	0x48, 0x39, 0xd3,                       /* cmp %rdx,%rbx */
	0x72, 0xec,                             /* jb 36 */
	0x31, 0xff,                             /* xor %edi,%edi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,           /* mov $0x3c,%eax */
	0x0f, 0x05,                             /* syscall */
	0x0f, 0x0b,                             /* ud2 */
	/* check: at 0x55 */
	/* movabs $RK_MAGIC,%r8 */
	0x49, 0xb8, 0x00, 0x00, 0x00, 0x00, 0xed,
	0x5e, 0xed, 0x5e,
	0x48, 0x8b, 0x0c, 0x25, 0x00, 0x08, 0x40,	/* mov 0x400800,%rcx */
	0x00,
	0x48, 0xc1, 0xe1, 0x0c,                 /* shl $0xc,%rcx */
	0xbb, 0x00, 0x00, 0x60, 0x00,           /* mov $0x600000,%ebx */
	0x48, 0x8d, 0x14, 0x0b,                 /* lea (%rbx,%rcx),%rdx */
	0x31, 0xff,                             /* xor %edi,%edi */
	0x48, 0x89, 0xd8,                       /* mov %rbx,%rax */
	0x25, 0xff, 0x0f, 0x00, 0x00,           /* and $0xfff,%eax */
	0x83, 0xf8, 0x08,                       /* cmp $0x8,%eax */
	0x74, 0x0e,                             /* je 91 */
	0x48, 0x89, 0xd8,                       /* mov %rbx,%rax */
	0x4c, 0x31, 0xc0,                       /* xor %r8,%rax */
	0x48, 0x39, 0x03,                       /* cmp %rax,(%rbx) */
	0x74, 0x03,                             /* je 91 */
	0x48, 0xff, 0xc7,                       /* inc %rdi */
	0x48, 0x83, 0xc3, 0x08,                 /* add $0x8,%rbx */
	0x48, 0x39, 0xd3,                       /* cmp %rdx,%rbx */
	0x72, 0xdc,                             /* jb 76 */
	0xb8, 0x3c, 0x00, 0x00, 0x00,           /* mov $0x3c,%eax */
	0x0f, 0x05,                             /* syscall */
	0x0f, 0x0b,                             /* ud2 */
	/* touch: at 0xa3 */
	/* movabs $RK_MAGIC,%r8 */
	0x49, 0xb8, 0x00, 0x00, 0x00, 0x00, 0xed,
	0x5e, 0xed, 0x5e,
	0x48, 0x8b, 0x0c, 0x25, 0x00, 0x08, 0x40,	/* mov 0x400800,%rcx */
	0x00,
	0x48, 0xc1, 0xe1, 0x0c,                 /* shl $0xc,%rcx */
	0xbb, 0x00, 0x00, 0x60, 0x00,           /* mov $0x600000,%ebx */
	0x48, 0x8d, 0x14, 0x0b,                 /* lea (%rbx,%rcx),%rdx */
	0x31, 0xff,                             /* xor %edi,%edi */
	0x48, 0x89, 0xd8,                       /* mov %rbx,%rax */
	0x4c, 0x31, 0xc0,                       /* xor %r8,%rax */
	0x48, 0x39, 0x03,                       /* cmp %rax,(%rbx) */
	0x74, 0x03,                             /* je d2 */
	0x48, 0xff, 0xc7,                       /* inc %rdi */
	0x48, 0xff, 0x43, 0x08,                 /* incq 0x8(%rbx) */
	0x48, 0x81, 0xc3, 0x00, 0x10, 0x00, 0x00,	/* add $0x1000,%rbx */
	0x48, 0x39, 0xd3,                       /* cmp %rdx,%rbx */
	0x72, 0xe2,                             /* jb c4 */
	0xb8, 0x3c, 0x00, 0x00, 0x00,           /* mov $0x3c,%eax */
	0x0f, 0x05,                             /* syscall */
	0x0f, 0x0b,                             /* ud2 */
	/* spin: at 0xeb */
	/* movabs $RK_MAGIC,%r8 */
	0x49, 0xb8, 0x00, 0x00, 0x00, 0x00, 0xed,
	0x5e, 0xed, 0x5e,
	0x48, 0x8b, 0x0c, 0x25, 0x08, 0x08, 0x40,	/* mov 0x400808,%rcx */
	0x00,
	0xbb, 0x00, 0x00, 0x60, 0x00,           /* mov $0x600000,%ebx */
	0x48, 0x89, 0xd8,                       /* mov %rbx,%rax */
	0x4c, 0x31, 0xc0,                       /* xor %r8,%rax */
	0x31, 0xff,                             /* xor %edi,%edi */
	0x48, 0x39, 0x03,                       /* cmp %rax,(%rbx) */
	0x74, 0x03,                             /* je 112 */
	0x48, 0xff, 0xc7,                       /* inc %rdi */
	0x48, 0xff, 0xc9,                       /* dec %rcx */
	0x75, 0xf3,                             /* jne 10a */
	0xb8, 0x3c, 0x00, 0x00, 0x00,           /* mov $0x3c,%eax */
	0x0f, 0x05,                             /* syscall */
	0x0f, 0x0b,                             /* ud2 */
};

static void rk_mmput(void *mm)
{
	mmput(mm);
}

/*
 * A new mm with rk_prog at RK_CODE_VA, a stack page and @nr data pages
 * mapped with mmap @flags (none faulted in yet); freed when the case ends.
 */
static struct mm_struct *rk_mm_flags(struct kunit *test, unsigned long nr,
				     u64 iters, unsigned long flags)
{
	struct mm_struct *mm = mm_alloc();
	int fail = 0;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, rk_mmput, mm), 0);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, RK_CODE_VA, PAGE_SIZE,
					   PROT_READ | PROT_WRITE | PROT_EXEC,
					   RK_ANON_FIXED), (long)RK_CODE_VA);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, RK_STACK_VA - PAGE_SIZE,
					   PAGE_SIZE, PROT_READ | PROT_WRITE,
					   RK_ANON_FIXED),
			(long)(RK_STACK_VA - PAGE_SIZE));
	KUNIT_ASSERT_EQ(test, vm_mmap(mm, RK_DATA_VA, nr * PAGE_SIZE,
				      PROT_READ | PROT_WRITE, flags, NULL, 0),
			(long)RK_DATA_VA);
	kthread_use_mm(mm);
	fail |= copy_to_user((void __user *)RK_CODE_VA, rk_prog,
			     sizeof(rk_prog)) != 0;
	fail |= copy_to_user((void __user *)(RK_CODE_VA + RK_PARAM_NR), &nr,
			     sizeof(nr)) != 0;
	fail |= copy_to_user((void __user *)(RK_CODE_VA + RK_PARAM_ITERS),
			     &iters, sizeof(iters)) != 0;
	kthread_unuse_mm(mm);
	KUNIT_ASSERT_EQ(test, fail, 0);
	return mm;
}

static struct mm_struct *rk_mm(struct kunit *test, unsigned long nr, u64 iters)
{
	return rk_mm_flags(test, nr, iters, RK_ANON_FIXED);
}

static long rk_run(struct mm_struct *mm, unsigned long entry)
{
	return user_mode_run_mm(mm, RK_CODE_VA + entry, RK_STACK_VA);
}

/* The page @mm maps at @addr (and the entry in *@e), or NULL. */
static struct page *rk_page(struct mm_struct *mm, unsigned long addr,
			    pgentry_t *e)
{
	struct page *page = NULL;
	unsigned long flags;
	pgentry_t *pte;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_lookup(mm, addr);
	if (pte && pgentry_present(*pte)) {
		page = phys_to_page(pgentry_addr(*pte));
		if (e)
			*e = *pte;
	}
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	return page;
}

static void rk_pages(struct kunit *test, struct mm_struct *mm,
		     struct page **pages, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++) {
		pages[i] = rk_page(mm, RK_DATA_VA + i * PAGE_SIZE, NULL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
}

#define RK_NR		16
#define RK_TOUCH_NR	32

/*
 * migrate_pages() moves filled user pages: every entry names a page with
 * another pfn and the same permission bits, the reverse map follows, and
 * ring 3 reads every word it wrote.
 */
static void rmap_migrate_keeps_data(struct kunit *test)
{
	struct mm_struct *mm = rk_mm(test, RK_NR, 0);
	unsigned long old_pfn[RK_NR], i, addr;
	struct page *pages[RK_NR], *old[RK_NR];
	pgentry_t before[RK_NR], after;
	unsigned int failed = 1;

	KUNIT_ASSERT_EQ(test, rk_run(mm, RK_FILL), 0L);
	KUNIT_ASSERT_EQ(test, rk_run(mm, RK_CHECK), 0L);
	for (i = 0; i < RK_NR; i++) {
		addr = RK_DATA_VA + i * PAGE_SIZE;
		old[i] = pages[i] = rk_page(mm, addr, &before[i]);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		old_pfn[i] = page_to_pfn(pages[i]);
		KUNIT_EXPECT_TRUE(test, page_is_migratable(pages[i]));
	}
	KUNIT_EXPECT_EQ(test, migrate_pages(pages, RK_NR, alloc_migration_target,
					    0, &failed), 0);
	KUNIT_EXPECT_EQ(test, failed, 0U);
	for (i = 0; i < RK_NR; i++) {
		addr = RK_DATA_VA + i * PAGE_SIZE;
		KUNIT_EXPECT_PTR_EQ(test, rk_page(mm, addr, &after), pages[i]);
		KUNIT_EXPECT_NE(test, page_to_pfn(pages[i]), old_pfn[i]);
		KUNIT_EXPECT_EQ(test, pgentry_prot(after), pgentry_prot(before[i]));
		KUNIT_EXPECT_TRUE(test, page_mapped_at(pages[i], mm, addr));
		KUNIT_EXPECT_EQ(test, page_mapcount(pages[i]), 1U);
		KUNIT_EXPECT_FALSE(test, PageAnon(old[i]));
	}
	KUNIT_EXPECT_EQ(test, rk_run(mm, RK_CHECK), 0L);
	/* And it all moves again, back into the pages just freed perhaps. */
	KUNIT_EXPECT_EQ(test, migrate_pages(pages, RK_NR, alloc_migration_target,
					    0, NULL), 0);
	KUNIT_EXPECT_EQ(test, rk_run(mm, RK_CHECK), 0L);
}

/*
 * Points @mm's entry for @addr (which maps a page of its own, freed here)
 * at @owner's page there, read-only in both, as fork's copy-on-write
 * sharing does: the owner's entry is read (and write-protected) under its
 * page_table_lock with a page reference taken, then the copy is written
 * under @mm's, since the two locks do not nest. Returns the page.
 */
static struct page *rk_share(struct kunit *test, struct mm_struct *owner,
			     struct mm_struct *mm, unsigned long va)
{
	struct page *page = NULL, *mine = NULL;
	struct vm_area_struct *vma;
	pgentry_t *pte, e = 0;
	unsigned long flags;
	int err = -EFAULT;

	spin_lock_irqsave(&owner->page_table_lock, flags);
	pte = user_pte_lookup(owner, va);
	if (pte && pgentry_present(*pte)) {
		*pte &= ~_PAGE_RW;
		e = *pte;
		page = phys_to_page(pgentry_addr(e));
		get_page(page);
	}
	spin_unlock_irqrestore(&owner->page_table_lock, flags);
	flush_tlb_mm_range(owner, va, va + PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, page);

	mmap_read_lock(mm);
	vma = find_vma(mm, va);
	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_lookup(mm, va);
	if (vma && pte && pgentry_present(*pte)) {
		mine = phys_to_page(pgentry_addr(*pte));
		err = page_dup_rmap(page, vma, va);
		if (!err) {
			*pte = e;
			if (!page_remove_rmap(mine, mm, va))
				mine = NULL;
		}
	}
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	mmap_read_unlock(mm);
	flush_tlb_mm_range(mm, va, va + PAGE_SIZE);
	if (mine)
		__free_page(mine);
	put_page(page);
	KUNIT_ASSERT_EQ(test, err, 0);
	return page;
}

/*
 * A page two mms map (as fork leaves it) moves once: both entries name
 * the new page, read-only as before, and both read the data.
 */
static void rmap_migrate_shared_page(struct kunit *test)
{
	struct mm_struct *a = rk_mm(test, 1, 0), *b = rk_mm(test, 1, 0);
	struct page *page, *old;
	u64 other = 0x1234;
	pgentry_t ea, eb;

	KUNIT_ASSERT_EQ(test, rk_run(a, RK_FILL), 0L);
	/* b's own page, different data: its check fails until it shares. */
	kthread_use_mm(b);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)RK_DATA_VA, &other,
					   sizeof(other)), 0UL);
	kthread_unuse_mm(b);
	KUNIT_EXPECT_NE(test, rk_run(b, RK_CHECK), 0L);

	old = page = rk_share(test, a, b, RK_DATA_VA);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 2U);
	KUNIT_EXPECT_TRUE(test, page_mapped_at(page, b, RK_DATA_VA));
	KUNIT_EXPECT_EQ(test, rk_run(b, RK_CHECK), 0L);

	KUNIT_ASSERT_EQ(test, migrate_pages(&page, 1, alloc_migration_target,
					    0, NULL), 0);
	KUNIT_EXPECT_PTR_NE(test, page, old);
	KUNIT_EXPECT_PTR_EQ(test, rk_page(a, RK_DATA_VA, &ea), page);
	KUNIT_EXPECT_PTR_EQ(test, rk_page(b, RK_DATA_VA, &eb), page);
	KUNIT_EXPECT_EQ(test, ea, eb);
	KUNIT_EXPECT_FALSE(test, pgentry_writable(ea));
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 2U);
	KUNIT_EXPECT_TRUE(test, page_mapped_at(page, a, RK_DATA_VA));
	KUNIT_EXPECT_TRUE(test, page_mapped_at(page, b, RK_DATA_VA));
	KUNIT_EXPECT_EQ(test, rk_run(a, RK_CHECK), 0L);
	KUNIT_EXPECT_EQ(test, rk_run(b, RK_CHECK), 0L);
	/* One unmap leaves the page to the other mm. */
	KUNIT_EXPECT_EQ(test, vm_munmap(a, RK_DATA_VA, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 1U);
	KUNIT_EXPECT_EQ(test, rk_run(b, RK_CHECK), 0L);
}

/* Whether @mm's entry for @addr is a migration entry for @page. */
static bool rk_migrating(struct mm_struct *mm, unsigned long addr,
			 struct page *page)
{
	unsigned long flags;
	pgentry_t *pte;
	bool ret;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_lookup(mm, addr);
	ret = pte && pgentry_migration(*pte) &&
	      pgentry_addr(*pte) == page_to_phys(page);
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	return ret;
}

/*
 * The two halves by hand: unmapping turns both mms' entries into
 * migration entries, remapping onto the page itself (the undo after a
 * failure) gives back exactly the entries there were.
 */
static void rmap_migration_undo(struct kunit *test)
{
	struct mm_struct *a = rk_mm(test, 1, 0), *b = rk_mm(test, 1, 0);
	struct page *page;
	pgentry_t ea, eb, after;

	KUNIT_ASSERT_EQ(test, rk_run(a, RK_FILL), 0L);
	KUNIT_ASSERT_EQ(test, rk_run(b, RK_FILL), 0L);
	page = rk_share(test, a, b, RK_DATA_VA);
	KUNIT_ASSERT_PTR_EQ(test, rk_page(a, RK_DATA_VA, &ea), page);
	KUNIT_ASSERT_PTR_EQ(test, rk_page(b, RK_DATA_VA, &eb), page);

	get_page(page);
	KUNIT_ASSERT_TRUE(test, trylock_page(page));
	KUNIT_EXPECT_FALSE(test, trylock_page(page));
	KUNIT_EXPECT_EQ(test, rmap_migration_unmap(page), 0);
	KUNIT_EXPECT_TRUE(test, rk_migrating(a, RK_DATA_VA, page));
	KUNIT_EXPECT_TRUE(test, rk_migrating(b, RK_DATA_VA, page));
	KUNIT_EXPECT_NULL(test, rk_page(a, RK_DATA_VA, NULL));
	KUNIT_EXPECT_TRUE(test, rmap_migration_remap(page, page));
	unlock_page(page);
	put_page(page);

	KUNIT_EXPECT_PTR_EQ(test, rk_page(a, RK_DATA_VA, &after), page);
	KUNIT_EXPECT_EQ(test, after, ea);
	KUNIT_EXPECT_PTR_EQ(test, rk_page(b, RK_DATA_VA, &after), page);
	KUNIT_EXPECT_EQ(test, after, eb);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 2U);
	KUNIT_EXPECT_EQ(test, rk_run(a, RK_CHECK), 0L);
	KUNIT_EXPECT_EQ(test, rk_run(b, RK_CHECK), 0L);
}

/*
 * Ends a migration of @page (locked, with our reference) whose mappings
 * all went meanwhile: the remap onto @new finds nothing to map, neither
 * page is anonymous, and our reference, the mappings' and @new go back
 * to the allocator.
 */
static void rk_end_emptied(struct kunit *test, struct page *page,
			   struct page *new)
{
	unsigned long free;

	KUNIT_EXPECT_FALSE(test, rmap_migration_remap(page, new));
	KUNIT_EXPECT_FALSE(test, PageAnon(new));
	KUNIT_EXPECT_FALSE(test, PageAnon(page));
	unlock_page(page);
	free = nr_free_pages();
	put_page(page);
	put_page(page);
	__free_page(new);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free + 2);
}

/*
 * munmap while the page's entries are migration entries: the unmap takes
 * them away like present ones, the page stays for the migration to free,
 * and the remap finds nothing left to map.
 */
static void rmap_unmap_while_migrating(struct kunit *test)
{
	struct mm_struct *mm = rk_mm(test, 2, 0);
	struct page *page, *new = alloc_page(GFP_HIGHUSER_MOVABLE);

	KUNIT_ASSERT_NOT_NULL(test, new);
	KUNIT_ASSERT_EQ(test, rk_run(mm, RK_FILL), 0L);
	page = rk_page(mm, RK_DATA_VA, NULL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	get_page(page);
	KUNIT_ASSERT_TRUE(test, trylock_page(page));
	KUNIT_EXPECT_EQ(test, rmap_migration_unmap(page), 0);
	/* The code and two data pages (rk_prog leaves its stack alone). */
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 3UL);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, RK_DATA_VA, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 2UL);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 0U);
	/* The mappings' reference stays while the page is locked. */
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	rk_end_emptied(test, page, new);
	/* The other data page is untouched. */
	KUNIT_EXPECT_NOT_NULL(test, rk_page(mm, RK_DATA_VA + PAGE_SIZE, NULL));
}

/*
 * A page with an extra reference (fork holds one while it copies an
 * entry) does not move; -EAGAIN, everything as it was. Once the reference
 * goes it moves.
 */
static void rmap_pinned_page_stays(struct kunit *test)
{
	struct mm_struct *mm = rk_mm(test, 1, 0);
	struct page *page, *pinned;
	pgentry_t before, after;

	KUNIT_ASSERT_EQ(test, rk_run(mm, RK_FILL), 0L);
	pinned = page = rk_page(mm, RK_DATA_VA, &before);
	KUNIT_ASSERT_NOT_NULL(test, page);
	get_page(pinned);
	KUNIT_EXPECT_EQ(test, migrate_pages(&page, 1, alloc_migration_target,
					    0, NULL), -EAGAIN);
	KUNIT_EXPECT_PTR_EQ(test, page, pinned);
	KUNIT_EXPECT_PTR_EQ(test, rk_page(mm, RK_DATA_VA, &after), pinned);
	KUNIT_EXPECT_EQ(test, after, before);
	KUNIT_EXPECT_FALSE(test, PageLocked(pinned));
	KUNIT_EXPECT_EQ(test, rk_run(mm, RK_CHECK), 0L);
	put_page(pinned);
	KUNIT_EXPECT_EQ(test, migrate_pages(&page, 1, alloc_migration_target,
					    0, NULL), 0);
	KUNIT_EXPECT_PTR_NE(test, page, pinned);
	KUNIT_EXPECT_EQ(test, rk_run(mm, RK_CHECK), 0L);
}

struct rk_toucher {
	struct mm_struct *mm;
	unsigned long runs, errors, uaccess_errors;
	long last;
};

/*
 * Runs rk_prog's touch again and again until told to stop, and between
 * runs reads a word of one page after the other with copy_from_user():
 * the kernel's user accesses wait on migration entries too.
 */
static int rk_touch_thread(void *data)
{
	struct rk_toucher *t = data;
	unsigned long addr;
	u64 w;

	kthread_use_mm(t->mm);
	while (!kthread_should_stop()) {
		long ret = rk_run(t->mm, RK_TOUCH);

		if (ret) {
			t->errors++;
			t->last = ret;
		}
		addr = RK_DATA_VA + (t->runs % RK_TOUCH_NR) * PAGE_SIZE + 16;
		if (copy_from_user(&w, (void __user *)addr, sizeof(w)) ||
		    w != (addr ^ RK_MAGIC))
			t->uaccess_errors++;
		WRITE_ONCE(t->runs, t->runs + 1);
	}
	kthread_unuse_mm(t->mm);
	return 0;
}


/*
 * CPU 1 touches the pages in ring 3 (reads one word, increments another)
 * while this CPU moves them again and again: its faults on migration
 * entries wait, no read sees anything but the data (never a fresh zero
 * page) and no increment is lost.
 */
static void rmap_fault_waits_for_migration(struct kunit *test)
{
	struct mm_struct *mm = rk_mm(test, RK_TOUCH_NR, 0);
	struct page *pages[RK_TOUCH_NR];
	struct rk_toucher t = { .mm = mm };
	unsigned long waits, round, i;
	struct task_struct *task;
	u64 count;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	KUNIT_ASSERT_EQ(test, rk_run(mm, RK_FILL), 0L);
	task = kthread_create(rk_touch_thread, &t, "rmap_touch");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	kthread_bind(task, 1);
	wake_up_process(task);
	while (!READ_ONCE(t.runs))
		msleep(1);

	waits = rmap_nr_migration_waits();
	for (round = 0; round < 400; round++) {
		if (round >= 10 && rmap_nr_migration_waits() != waits)
			break;
		rk_pages(test, mm, pages, RK_TOUCH_NR);
		KUNIT_EXPECT_EQ(test, migrate_pages(pages, RK_TOUCH_NR,
						    alloc_migration_target,
						    0, NULL), 0);
	}
	kthread_stop(task);
	KUNIT_EXPECT_NE_MSG(test, rmap_nr_migration_waits(), waits,
			    "no fault met a migration entry in %lu rounds",
			    round);
	KUNIT_EXPECT_EQ_MSG(test, t.errors, 0UL, "last exit %ld", t.last);
	KUNIT_EXPECT_EQ(test, t.uaccess_errors, 0UL);
	kthread_use_mm(mm);
	for (i = 0; i < RK_TOUCH_NR; i++) {
		count = 0;
		KUNIT_EXPECT_EQ(test, copy_from_user(&count, (void __user *)
				(RK_DATA_VA + i * PAGE_SIZE + 8),
				sizeof(count)), 0UL);
		KUNIT_EXPECT_EQ_MSG(test, count, (u64)t.runs, "page %lu", i);
	}
	kthread_unuse_mm(mm);
	KUNIT_EXPECT_EQ(test, rk_run(mm, RK_CHECK), 0L);
}

/* A thread working in @mm until stopped: rounds done, errors seen. */
struct rk_churner {
	struct mm_struct *mm;
	unsigned long rounds, errors;
};

/* Maps, fills and unmaps RK_TOUCH_NR pages, again and again. */
static int rk_churn_thread(void *data)
{
	struct rk_churner *c = data;
	unsigned long i, addr;
	u64 w;

	kthread_use_mm(c->mm);
	while (!kthread_should_stop()) {
		if (vm_mmap_anon(c->mm, RK_DATA_VA, RK_TOUCH_NR * PAGE_SIZE,
				 PROT_READ | PROT_WRITE, RK_ANON_FIXED) !=
		    (long)RK_DATA_VA)
			c->errors++;
		for (i = 0; i < RK_TOUCH_NR; i++) {
			addr = RK_DATA_VA + i * PAGE_SIZE;
			w = addr ^ RK_MAGIC;
			if (copy_to_user((void __user *)addr, &w, sizeof(w)))
				c->errors++;
		}
		for (i = 0; i < RK_TOUCH_NR; i++) {
			addr = RK_DATA_VA + i * PAGE_SIZE;
			if (copy_from_user(&w, (void __user *)addr, sizeof(w)) ||
			    w != (addr ^ RK_MAGIC))
				c->errors++;
		}
		if (vm_munmap(c->mm, RK_DATA_VA, RK_TOUCH_NR * PAGE_SIZE))
			c->errors++;
		WRITE_ONCE(c->rounds, c->rounds + 1);
	}
	kthread_unuse_mm(c->mm);
	return 0;
}

/*
 * CPU 1 maps, fills, checks and unmaps pages over and over while this CPU
 * moves whatever is mapped: munmap meets migration entries and pages
 * whose mappings all go while they move. Every page is freed exactly once
 * (a double free or a write after free is a WARN or a panic on the
 * console) and CPU 1 always reads what it wrote.
 */
static void rmap_unmap_races_migration(struct kunit *test)
{
	struct mm_struct *mm = rk_mm(test, RK_TOUCH_NR, 0);
	struct rk_churner c = { .mm = mm };
	struct page *pages[RK_TOUCH_NR];
	unsigned long round, i, gone = 0;
	struct task_struct *task;
	unsigned int n;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	task = kthread_create(rk_churn_thread, &c, "rmap_churn");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	kthread_bind(task, 1);
	wake_up_process(task);
	for (round = 0; round < 2000; round++) {
		for (i = n = 0; i < RK_TOUCH_NR; i++) {
			pages[n] = rk_page(mm, RK_DATA_VA + i * PAGE_SIZE, NULL);
			n += pages[n] != NULL;
		}
		if (n)
			migrate_pages(pages, n, alloc_migration_target, 0, NULL);
		for (i = 0; i < n; i++)
			gone += !pages[i];
	}
	kthread_stop(task);
	kunit_info(test, "%lu rounds of CPU 1, %lu pages gone while moving",
		   c.rounds, gone);
	KUNIT_EXPECT_GT(test, c.rounds, 0UL);
	KUNIT_EXPECT_EQ(test, c.errors, 0UL);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 1UL);	/* the code page */
}

struct rk_spinner {
	struct mm_struct *mm;
	bool started;
	long ret;
};

static int rk_spin_thread(void *data)
{
	struct rk_spinner *s = data;

	kthread_use_mm(s->mm);
	WRITE_ONCE(s->started, true);
	s->ret = rk_run(s->mm, RK_SPIN);
	kthread_unuse_mm(s->mm);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/*
 * The shootdown: CPU 1 reads the page in ring 3 in one long run while
 * this CPU moves it and frees the old page, which CONFIG_DEBUG_VM fills
 * with poison. A CPU left with the old translation would read the poison
 * (or whatever the page holds next); only the IPI to every CPU in the
 * mm's cpu_mask before the copy keeps every read right.
 */
static void rmap_tlb_shootdown(struct kunit *test)
{
	struct rk_spinner s = { };
	struct task_struct *task;
	struct page *page;
	u64 iters = 1 << 20, t0, ns;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	/* Long enough to outlast the migration many times over. */
	s.mm = rk_mm(test, 1, iters);
	KUNIT_ASSERT_EQ(test, rk_run(s.mm, RK_FILL), 0L);
	t0 = ktime_get_ns();
	KUNIT_ASSERT_EQ(test, rk_run(s.mm, RK_SPIN), 0L);
	ns = ktime_get_ns() - t0 + 1;
	iters = iters * 200000000ULL / ns + 1;
	kthread_use_mm(s.mm);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(RK_CODE_VA +
					   RK_PARAM_ITERS), &iters,
					   sizeof(iters)), 0UL);
	kthread_unuse_mm(s.mm);

	task = kthread_create(rk_spin_thread, &s, "rmap_spin");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	kthread_bind(task, 1);
	wake_up_process(task);
	while (!READ_ONCE(s.started))
		cpu_relax();
	udelay(1000);
	page = rk_page(s.mm, RK_DATA_VA, NULL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, migrate_pages(&page, 1, alloc_migration_target,
					    0, NULL), 0);
	kthread_stop(task);
	KUNIT_EXPECT_EQ_MSG(test, s.ret, 0L, "%llu reads", iters);
	KUNIT_EXPECT_PTR_EQ(test, rk_page(s.mm, RK_DATA_VA, NULL), page);
	KUNIT_EXPECT_EQ(test, rk_run(s.mm, RK_CHECK), 0L);
}

/* ---- offline ---- */

static unsigned long rk_section = ULONG_MAX;

/* A boot block, online, with no reserved page and one zone: it can go. */
static bool rk_block_usable(unsigned long nr)
{
	unsigned long pfn = section_nr_to_pfn(nr), i;
	struct memory_block *mem;
	bool ok;

	if (!valid_section(__nr_to_section(nr)) ||
	    !online_section(__nr_to_section(nr)) ||
	    !early_section(__nr_to_section(nr)))
		return false;
	for (i = 0; i < PAGES_PER_SECTION; i++) {
		struct page *page = pfn_to_page(pfn + i);

		if (PageReserved(page) ||
		    page_zone(page) != page_zone(pfn_to_page(pfn)))
			return false;
	}
	mem = find_memory_block_by_id(nr);
	if (!mem)
		return false;
	ok = mem->state == MEM_ONLINE && mem->zone;
	put_device(&mem->dev);
	return ok;
}

static ssize_t rk_state(const char *val)
{
	char path[96];

	snprintf(path, sizeof(path), RK_MEM_ROOT "/memory%lu/state", rk_section);
	return vfs_write_path(path, val, strlen(val));
}

static void rk_block_online(void *unused)
{
	struct memory_block *mem = find_memory_block_by_id(rk_section);

	if (!mem)
		return;
	if (mem->state != MEM_ONLINE)
		rk_state("online_kernel");
	put_device(&mem->dev);
}

/*
 * User pages in a ZONE_MOVABLE block: offlining the block moves them,
 * and ring 3 finds its data in pages outside the block.
 */
static void rmap_offline_moves_user_pages(struct kunit *test)
{
	unsigned long nr = 64, i, start, in = 0;
	struct mm_struct *mm;
	struct page *page;

	if (rk_section == ULONG_MAX)
		for_each_valid_section(i)
			if (rk_block_usable(i)) {
				rk_section = i;
				break;
			}
	if (rk_section == ULONG_MAX)
		kunit_skip(test, "no boot block without reserved pages");
	start = section_nr_to_pfn(rk_section);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, rk_block_online,
							NULL), 0);
	/* Alone in ZONE_MOVABLE, the block takes the user pages. */
	KUNIT_ASSERT_EQ(test, rk_state("offline"), 7);
	KUNIT_ASSERT_EQ(test, rk_state("online_movable"), 14);
	mm = rk_mm(test, nr, 0);
	KUNIT_ASSERT_EQ(test, rk_run(mm, RK_FILL), 0L);
	for (i = 0; i < nr; i++) {
		page = rk_page(mm, RK_DATA_VA + i * PAGE_SIZE, NULL);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_MOVABLE);
		in += page_to_pfn(page) - start < PAGES_PER_SECTION;
	}
	KUNIT_EXPECT_EQ(test, in, nr);

	KUNIT_EXPECT_EQ(test, rk_state("offline"), 7);
	for (i = 0; i < nr; i++) {
		page = rk_page(mm, RK_DATA_VA + i * PAGE_SIZE, NULL);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_GE_MSG(test, page_to_pfn(page) - start,
				    PAGES_PER_SECTION, "page %lu", i);
		KUNIT_EXPECT_TRUE(test, PageAnon(page));
	}
	KUNIT_EXPECT_EQ(test, rk_run(mm, RK_CHECK), 0L);
}

/* ---- shared anonymous memory (MAP_SHARED | MAP_ANONYMOUS) ---- */

#define RK_SHARED_FIXED	(MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED)

/* fork's copy of @mm (its tables share every page), freed at the end. */
static struct mm_struct *rk_fork(struct kunit *test, struct mm_struct *mm)
{
	struct mm_struct *copy;

	copy = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, rk_mmput, copy),
			0);
	return copy;
}

static struct shared_anon *rk_object(struct mm_struct *mm)
{
	struct vm_area_struct *vma = find_vma(mm, RK_DATA_VA);

	return vma ? vma->vm_shared : NULL;
}

/* Word @word of data page @i in @mm through its user mapping, or ~0. */
static u64 rk_peek(struct mm_struct *mm, unsigned long i, unsigned int word)
{
	u64 w = ~0ULL;

	kthread_use_mm(mm);
	if (copy_from_user(&w, (void __user *)(RK_DATA_VA + i * PAGE_SIZE +
					       word * 8), sizeof(w)))
		w = ~0ULL;
	kthread_unuse_mm(mm);
	return w;
}

static bool rk_poke(struct mm_struct *mm, unsigned long i, unsigned int word,
		    u64 w)
{
	bool ok;

	kthread_use_mm(mm);
	ok = !copy_to_user((void __user *)(RK_DATA_VA + i * PAGE_SIZE +
					   word * 8), &w, sizeof(w));
	kthread_unuse_mm(mm);
	return ok;
}

/*
 * A shared anonymous object's pages, mapped by a process and its fork,
 * move: both entries and the object's slot name the new page, the two
 * processes still share it (a write in one is read in the other), and
 * the reverse map counts the two mappings, not the slot.
 */
static void rmap_shared_anon_moves(struct kunit *test)
{
	struct mm_struct *a = rk_mm_flags(test, RK_NR, 0, RK_SHARED_FIXED), *b;
	struct page *pages[RK_NR], *old[RK_NR];
	struct shared_anon *sa = rk_object(a);
	unsigned int failed = 1;
	unsigned long i;

	KUNIT_ASSERT_NOT_NULL(test, sa);
	KUNIT_ASSERT_EQ(test, rk_run(a, RK_FILL), 0L);
	b = rk_fork(test, a);
	KUNIT_ASSERT_EQ(test, rk_run(b, RK_CHECK), 0L);
	rk_pages(test, a, old, RK_NR);
	for (i = 0; i < RK_NR; i++) {
		pages[i] = old[i];
		KUNIT_EXPECT_PTR_EQ(test, sa->pages[i], old[i]);
		KUNIT_EXPECT_PTR_EQ(test, rk_page(b, RK_DATA_VA + i * PAGE_SIZE,
						  NULL), old[i]);
		KUNIT_EXPECT_EQ(test, page_mapcount(old[i]), 2U);
		KUNIT_EXPECT_TRUE(test, page_is_migratable(old[i]));
	}
	KUNIT_EXPECT_EQ(test, migrate_pages(pages, RK_NR, alloc_migration_target,
					    0, &failed), 0);
	KUNIT_EXPECT_EQ(test, failed, 0U);
	for (i = 0; i < RK_NR; i++) {
		unsigned long addr = RK_DATA_VA + i * PAGE_SIZE;

		KUNIT_EXPECT_PTR_NE(test, pages[i], old[i]);
		KUNIT_EXPECT_PTR_EQ(test, sa->pages[i], pages[i]);
		KUNIT_EXPECT_PTR_EQ(test, rk_page(a, addr, NULL), pages[i]);
		KUNIT_EXPECT_PTR_EQ(test, rk_page(b, addr, NULL), pages[i]);
		KUNIT_EXPECT_EQ(test, page_mapcount(pages[i]), 2U);
		KUNIT_EXPECT_EQ(test, page_count(pages[i]), 1);
		KUNIT_EXPECT_FALSE(test, PageAnon(old[i]));
	}
	KUNIT_EXPECT_EQ(test, rk_run(a, RK_CHECK), 0L);
	KUNIT_EXPECT_EQ(test, rk_run(b, RK_CHECK), 0L);
	KUNIT_EXPECT_TRUE(test, rk_poke(b, RK_NR - 1, 1, 0x5ca1ab1e));
	KUNIT_EXPECT_EQ(test, rk_peek(a, RK_NR - 1, 1), 0x5ca1ab1eULL);
	/* The parent's unmap leaves the pages to the child and the slot. */
	KUNIT_EXPECT_EQ(test, vm_munmap(a, RK_DATA_VA, RK_NR * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, page_mapcount(pages[0]), 1U);
	KUNIT_EXPECT_EQ(test, rk_run(b, RK_CHECK), 0L);
}

/*
 * A slot's page that no entry maps moves too; a later fault maps the new
 * page, with the data.
 */
static void rmap_shared_anon_unmapped_slot(struct kunit *test)
{
	struct mm_struct *mm = rk_mm_flags(test, 2, 0, RK_SHARED_FIXED);
	struct shared_anon *sa = rk_object(mm);
	struct page *page, *old;

	KUNIT_ASSERT_NOT_NULL(test, sa);
	mmap_read_lock(mm);
	old = page = shared_anon_page(find_vma(mm, RK_DATA_VA),
				      RK_DATA_VA + PAGE_SIZE);
	mmap_read_unlock(mm);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_TRUE(test, PageAnon(page));
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 0U);
	((u64 *)page_dm_address(page))[3] = 0xfeedf00d;
	KUNIT_EXPECT_EQ(test, migrate_pages(&page, 1, alloc_migration_target,
					    0, NULL), 0);
	KUNIT_EXPECT_PTR_NE(test, page, old);
	KUNIT_EXPECT_PTR_EQ(test, sa->pages[1], page);
	KUNIT_EXPECT_NULL(test, rk_page(mm, RK_DATA_VA + PAGE_SIZE, NULL));
	KUNIT_EXPECT_EQ(test, rk_peek(mm, 1, 3), 0xfeedf00dULL);
	KUNIT_EXPECT_PTR_EQ(test, rk_page(mm, RK_DATA_VA + PAGE_SIZE, NULL),
			    page);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 1U);
}

/*
 * By hand: unmapping marks the slot as well as the entry, the undo gives
 * both back; and when the object goes while its page is locked for a
 * move, the page is left to the migration, which frees it.
 */
static void rmap_shared_anon_undo_and_teardown(struct kunit *test)
{
	struct mm_struct *mm = rk_mm_flags(test, 1, 0, RK_SHARED_FIXED);
	struct page *page, *new = alloc_page(GFP_HIGHUSER_MOVABLE);
	struct shared_anon *sa = rk_object(mm);
	pgentry_t before, after;

	KUNIT_ASSERT_NOT_NULL(test, new);
	KUNIT_ASSERT_NOT_NULL(test, sa);
	KUNIT_ASSERT_EQ(test, rk_run(mm, RK_FILL), 0L);
	page = rk_page(mm, RK_DATA_VA, &before);
	KUNIT_ASSERT_NOT_NULL(test, page);

	get_page(page);
	KUNIT_ASSERT_TRUE(test, trylock_page(page));
	KUNIT_EXPECT_EQ(test, rmap_migration_unmap(page), 0);
	KUNIT_EXPECT_TRUE(test, rk_migrating(mm, RK_DATA_VA, page));
	KUNIT_EXPECT_TRUE(test, shared_anon_slot_moving(sa->pages[0]));
	KUNIT_EXPECT_PTR_EQ(test, shared_anon_slot_page(sa->pages[0]), page);
	KUNIT_EXPECT_TRUE(test, rmap_migration_remap(page, page));
	KUNIT_EXPECT_PTR_EQ(test, sa->pages[0], page);
	KUNIT_EXPECT_PTR_EQ(test, rk_page(mm, RK_DATA_VA, &after), page);
	KUNIT_EXPECT_EQ(test, after, before);
	KUNIT_EXPECT_EQ(test, rk_run(mm, RK_CHECK), 0L);

	/* Locked again: the object goes with its only VMA meanwhile. */
	KUNIT_EXPECT_EQ(test, rmap_migration_unmap(page), 0);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, RK_DATA_VA, PAGE_SIZE), 0);
	KUNIT_EXPECT_TRUE(test, PageAnon(page));
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	rk_end_emptied(test, page, new);
}

/*
 * In @s->mm (a fork sharing the object): empties its entries, so that
 * every access faults the slot's page in again, then reads word 0 and
 * increments word 1 of each page; again and again.
 */
static int rk_share_thread(void *data)
{
	struct rk_churner *s = data;
	unsigned long i, addr;
	u64 w;

	kthread_use_mm(s->mm);
	while (!kthread_should_stop()) {
		mmap_write_lock(s->mm);
		unmap_page_range(s->mm, RK_DATA_VA,
				 RK_DATA_VA + RK_TOUCH_NR * PAGE_SIZE);
		mmap_write_unlock(s->mm);
		for (i = 0; i < RK_TOUCH_NR; i++) {
			addr = RK_DATA_VA + i * PAGE_SIZE;
			if (copy_from_user(&w, (void __user *)addr, sizeof(w)) ||
			    w != (addr ^ RK_MAGIC))
				s->errors++;
			if (copy_from_user(&w, (void __user *)(addr + 8),
					   sizeof(w)) || w != s->rounds)
				s->errors++;
			w = s->rounds + 1;
			if (copy_to_user((void __user *)(addr + 8), &w,
					 sizeof(w)))
				s->errors++;
		}
		WRITE_ONCE(s->rounds, s->rounds + 1);
	}
	kthread_unuse_mm(s->mm);
	return 0;
}

/*
 * CPU 1 faults a shared object's pages in from their slots, over and
 * over, while this CPU moves them: a fault meets a marked slot or a
 * migration entry and waits, never maps a page that is being left, and
 * no read or increment is lost.
 */
static void rmap_shared_anon_faults_race_migration(struct kunit *test)
{
	struct mm_struct *a = rk_mm_flags(test, RK_TOUCH_NR, 0,
					  RK_SHARED_FIXED);
	struct rk_churner s = { 0 };
	struct page *pages[RK_TOUCH_NR];
	struct shared_anon *sa = rk_object(a);
	struct task_struct *task;
	unsigned long round, i;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	KUNIT_ASSERT_NOT_NULL(test, sa);
	KUNIT_ASSERT_EQ(test, rk_run(a, RK_FILL), 0L);
	s.mm = rk_fork(test, a);
	task = kthread_create(rk_share_thread, &s, "rmap_share");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	kthread_bind(task, 1);
	wake_up_process(task);
	for (round = 0; round < 200 || READ_ONCE(s.rounds) < 20; round++) {
		if (round >= 2000)
			break;
		for (i = 0; i < RK_TOUCH_NR; i++)
			pages[i] = shared_anon_slot_page(READ_ONCE(sa->pages[i]));
		KUNIT_EXPECT_EQ(test, migrate_pages(pages, RK_TOUCH_NR,
						    alloc_migration_target,
						    0, NULL), 0);
	}
	kthread_stop(task);
	KUNIT_EXPECT_GE(test, s.rounds, 20UL);
	KUNIT_EXPECT_EQ(test, s.errors, 0UL);
	for (i = 0; i < RK_TOUCH_NR; i++)
		KUNIT_EXPECT_EQ_MSG(test, rk_peek(a, i, 1), (u64)s.rounds,
				    "page %lu", i);
	KUNIT_EXPECT_EQ(test, rk_run(a, RK_CHECK), 0L);
}

static struct kunit_case rmap_cases[] = {
	KUNIT_CASE(rmap_migrate_keeps_data),
	KUNIT_CASE(rmap_migrate_shared_page),
	KUNIT_CASE(rmap_migration_undo),
	KUNIT_CASE(rmap_unmap_while_migrating),
	KUNIT_CASE(rmap_pinned_page_stays),
	KUNIT_CASE(rmap_fault_waits_for_migration),
	KUNIT_CASE(rmap_unmap_races_migration),
	KUNIT_CASE(rmap_tlb_shootdown),
	KUNIT_CASE(rmap_offline_moves_user_pages),
	KUNIT_CASE(rmap_shared_anon_moves),
	KUNIT_CASE(rmap_shared_anon_unmapped_slot),
	KUNIT_CASE(rmap_shared_anon_undo_and_teardown),
	KUNIT_CASE(rmap_shared_anon_faults_race_migration),
	{}
};

static struct kunit_suite rmap_suite = {
	.name = "rmap",
	.test_cases = rmap_cases,
};
kunit_test_suite(rmap_suite);
