// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for moving page-table pages (arch/x86/mm/pgtable_move.c): tables
 * of the direct map, the kernel image, vmalloc, the kernel heap, boot
 * memory, kernel_pml4, and of a user address space running code, moved
 * through migrate.c while their mappings keep working.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/syscall.h>
#include <kunit/test.h>
#include <kunit/user_page.h>

#define ANON_FIXED	(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define CODE_VA		KUNIT_PROG_CODE_VA
#define DATA_VA		KUNIT_PROG_DATA_VA
#define STACK_VA	KUNIT_PROG_STACK_VA
/* A 2 MiB slot of its own for the race with munmap: its own PT. */
#define RACE_VA		0x40000000UL
#define RACE_PAGES	8

/* exit(the word at DATA_VA) */
static const u8 prog_read[] = {
	0x48, 0xbb, 0x00, 0x00, 0x60, 0x00,	/* movabs $DATA_VA, %rbx */
	0x00, 0x00, 0x00, 0x00,
	0x48, 0x8b, 0x3b,			/* mov (%rbx), %rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/*
 * The page of the table at @level on the way to @va in @mm's tables
 * (kernel_pml4's for NULL), or NULL when the walk ends above @level. Walks
 * under the lock the mover respects, so the answer is a table that was
 * live at that moment.
 */
static struct page *table_page(struct mm_struct *mm, unsigned long va,
			       int level)
{
	struct page *page = NULL;
	unsigned long flags;
	pgentry_t *table;
	int l;

	if (mm)
		spin_lock_irqsave(&mm->page_table_lock, flags);
	else
		local_irq_save(flags);
	table = mm ? mm->pgd : kernel_pml4;
	for (l = PG_LEVEL_PML4; l > level; l--) {
		pgentry_t e = table[pg_index(va, l)];

		if (!pgentry_present(e) || pgentry_leaf(e, l))
			goto out;
		table = __va(pgentry_addr(e));
	}
	page = phys_to_page(__pa(table));
out:
	if (mm)
		spin_unlock_irqrestore(&mm->page_table_lock, flags);
	else
		local_irq_restore(flags);
	return page;
}

/*
 * Moves the table at @level for @va through migrate_kernel_page() and
 * checks that another page, typed alike, took its place.
 */
static void expect_table_moves(struct kunit *test, struct mm_struct *mm,
			       unsigned long va, int level)
{
	struct page *old = table_page(mm, va, level), *now;

	KUNIT_ASSERT_NOT_NULL_MSG(test, old, "no level-%d table for %#lx",
				  level, va);
	KUNIT_ASSERT_EQ(test, old->type, (u8)PGTY_PGTABLE);
	KUNIT_EXPECT_EQ(test, old->pt_level, (u16)level);
	KUNIT_EXPECT_PTR_EQ(test, old->pt_mm, mm);
	KUNIT_EXPECT_TRUE(test, page_is_migratable(old));
	KUNIT_ASSERT_EQ_MSG(test, migrate_kernel_page(old), 0,
			    "level %d table of %#lx", level, va);
	now = table_page(mm, va, level);
	KUNIT_ASSERT_NOT_NULL(test, now);
	KUNIT_EXPECT_PTR_NE(test, now, old);
	KUNIT_EXPECT_EQ(test, now->type, (u8)PGTY_PGTABLE);
	KUNIT_EXPECT_EQ(test, now->pt_level, (u16)level);
	KUNIT_EXPECT_PTR_EQ(test, now->pt_mm, mm);
}

/* Whether every CPU's CR3 names the PML4 it runs on; see cr3_check(). */
static atomic_t cr3_stale;

static void cr3_check(void *unused)
{
	struct mm_struct *mm = cpu_loaded_mm();
	unsigned long want = __pa(mm ? mm->pgd : kernel_pml4);

	if ((read_cr3() & PTE_ADDR_MASK) != want)
		atomic_inc(&cr3_stale);
}

static int cpus_with_stale_cr3(void)
{
	atomic_set(&cr3_stale, 0);
	on_each_cpu(cr3_check, NULL, true);
	return atomic_read(&cr3_stale);
}

static u32 word_at(unsigned long i, u32 seed)
{
	return seed + (u32)i * 2654435761u;
}

static void fill(u32 *p, unsigned long words, u32 seed)
{
	unsigned long i;

	for (i = 0; i < words; i++)
		p[i] = word_at(i, seed);
}

/* How many words of @p differ from what fill() wrote. */
static unsigned long check(const u32 *p, unsigned long words, u32 seed)
{
	unsigned long i, bad = 0;

	for (i = 0; i < words; i++)
		bad += p[i] != word_at(i, seed);
	return bad;
}

/*
 * The direct map's PDPT (a kernel-half one: every user PML4 names it
 * too) and its PD if it has one: data reached through __va() stays, and
 * a user PML4 made before the move names the new PDPT.
 */
static void pgtable_move_direct_map(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	struct mm_struct *mm = mm_alloc();
	unsigned long va;
	unsigned int slot;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_NOT_NULL(test, mm);
	va = (unsigned long)__va(page_to_phys(page));
	slot = pg_index(va, PG_LEVEL_PML4);
	fill((u32 *)va, PAGE_SIZE / 4, 7);
	expect_table_moves(test, NULL, va, PG_LEVEL_1G);
	if (table_page(NULL, va, PG_LEVEL_2M))
		expect_table_moves(test, NULL, va, PG_LEVEL_2M);
	KUNIT_EXPECT_EQ(test, check((u32 *)va, PAGE_SIZE / 4, 7), 0UL);
	KUNIT_EXPECT_EQ(test, mm->pgd[slot], kernel_pml4[slot]);
	KUNIT_EXPECT_EQ(test, pgentry_addr(kernel_pml4[slot]),
			page_to_phys(table_page(NULL, va, PG_LEVEL_1G)));
	KUNIT_EXPECT_EQ(test, cpus_with_stale_cr3(), 0);
	mmput(mm);
	__free_page(page);
}

/*
 * A table memblock gave at boot (PG_reserved): the PD and PT mapping the
 * kernel image's text. They move; the old pages go to the allocator.
 */
static void pgtable_move_boot_table(struct kunit *test)
{
	unsigned long va = (unsigned long)_text;
	struct page *pd = table_page(NULL, va, PG_LEVEL_2M);
	struct page *pt = table_page(NULL, va, PG_LEVEL_4K);

	KUNIT_ASSERT_NOT_NULL(test, pd);
	if (!PageReserved(pd))
		kunit_skip(test, "the image's PD moved already");
	KUNIT_EXPECT_EQ(test, pd->type, (u8)PGTY_PGTABLE);
	expect_table_moves(test, NULL, va, PG_LEVEL_2M);
	KUNIT_EXPECT_FALSE(test, PageReserved(pd));
	KUNIT_EXPECT_FALSE(test, PageReserved(table_page(NULL, va, PG_LEVEL_2M)));
	if (pt && PageReserved(pt)) {
		expect_table_moves(test, NULL, va, PG_LEVEL_4K);
		KUNIT_EXPECT_FALSE(test, PageReserved(pt));
	}
	/* Text still runs, rodata still reads, through the new tables. */
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys(va), __pa_symbol(_text));
	KUNIT_EXPECT_EQ(test, cpus_with_stale_cr3(), 0);
}

/* kernel_pml4 itself: every CPU on it loads the new one. */
static void pgtable_move_kernel_pml4(struct kunit *test)
{
	pgentry_t *before = kernel_pml4;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	struct mm_struct *mm;
	u32 *p;

	KUNIT_ASSERT_NOT_NULL(test, page);
	expect_table_moves(test, NULL, 0, PG_LEVEL_PML4);
	KUNIT_EXPECT_PTR_NE(test, kernel_pml4, before);
	KUNIT_EXPECT_EQ(test, read_cr3() & PTE_ADDR_MASK, __pa(kernel_pml4));
	KUNIT_EXPECT_EQ(test, cpus_with_stale_cr3(), 0);
	/* Kernel mappings made after reach kernel_pml4 and new mms. */
	p = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	fill(p, PAGE_SIZE / 4, 3);
	mm = mm_alloc();
	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_EXPECT_EQ(test, memcmp(mm->pgd + 256, kernel_pml4 + 256,
				     256 * sizeof(pgentry_t)), 0);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, check(p, PAGE_SIZE / 4, 3), 0UL);
	vfree(p);
	__free_page(page);
}

/*
 * Every PTE page of a large vmalloc area, and its PD: the contents read
 * through the area are the same after, and vfree() frees the new tables
 * (none leaks).
 */
static void pgtable_move_vmalloc(struct kunit *test)
{
	unsigned long size = 6 * PMD_SIZE, va, n = 0;
	unsigned long in_use = pgtable_pages_in_use();
	u32 *p = vmalloc(size);

	KUNIT_ASSERT_NOT_NULL(test, p);
	fill(p, size / 4, 11);
	for (va = (unsigned long)p; va < (unsigned long)p + size;
	     va = ALIGN_DOWN(va, PMD_SIZE) + PMD_SIZE, n++)
		expect_table_moves(test, NULL, va, PG_LEVEL_4K);
	KUNIT_EXPECT_GE(test, n, 6UL);
	expect_table_moves(test, NULL, (unsigned long)p, PG_LEVEL_2M);
	KUNIT_EXPECT_EQ(test, check(p, size / 4, 11), 0UL);
	KUNIT_EXPECT_EQ(test, vmalloc_to_page(p + size / 4 - 1),
			phys_to_page(kernel_virt_to_phys((unsigned long)
							 (p + size / 4 - 1))));
	vfree(p);
	KUNIT_EXPECT_LE(test, pgtable_pages_in_use(), in_use);
}

/* The kernel heap's tables under a kmalloc() buffer. */
static void pgtable_move_kheap(struct kunit *test)
{
	u32 *p = kmalloc(8 * PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_kheap_addr(p));
	fill(p, 2 * PAGE_SIZE, 5);
	expect_table_moves(test, NULL, (unsigned long)p, PG_LEVEL_4K);
	expect_table_moves(test, NULL, (unsigned long)p, PG_LEVEL_2M);
	KUNIT_EXPECT_EQ(test, check(p, 2 * PAGE_SIZE, 5), 0UL);
	KUNIT_EXPECT_PTR_EQ(test, kheap_virt_to_page(p),
			    phys_to_page(kernel_virt_to_phys((unsigned long)p)));
	kfree(p);
}

/* The tables of the ioremap window, under a memremap() of a page. */
static void pgtable_move_ioremap(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	u32 *p;

	KUNIT_ASSERT_NOT_NULL(test, page);
	p = memremap(page_to_phys(page), PAGE_SIZE, MEMREMAP_WB);
	KUNIT_ASSERT_NOT_NULL(test, p);
	fill(p, PAGE_SIZE / 4, 13);
	expect_table_moves(test, NULL, (unsigned long)p, PG_LEVEL_4K);
	expect_table_moves(test, NULL, (unsigned long)p, PG_LEVEL_2M);
	KUNIT_EXPECT_EQ(test, check(p, PAGE_SIZE / 4, 13), 0UL);
	KUNIT_EXPECT_EQ(test, kernel_virt_to_phys((unsigned long)p),
			page_to_phys(page));
	memunmap(p);
	__free_page(page);
}

/*
 * A new mm the calling thread runs on until the case ends: prog_read at
 * CODE_VA, a stack page, a data page at DATA_VA holding @word.
 */
static struct mm_struct *prog_mm(struct kunit *test, u64 word)
{
	struct mm_struct *mm = kunit_prog_mm(test, prog_read,
					     sizeof(prog_read), 1,
					     PROT_READ | PROT_WRITE);

	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)DATA_VA, &word,
					   sizeof(word)), 0UL);
	return mm;
}

static long run(struct mm_struct *mm)
{
	return user_mode_run_mm(mm, CODE_VA, STACK_VA);
}

/*
 * A live process's PT, PD, PDPT and PML4, one after the other, while
 * this thread runs on the mm: ring 3 reads its data through the new
 * tables each time, CR3 follows the PML4, the kernel half stays in step
 * and mmput() frees the moved tables.
 */
static void pgtable_move_user_tables(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, 0x5eed);
	unsigned long tables;
	int level;

	KUNIT_ASSERT_EQ(test, run(mm), 0x5eedL);
	tables = mm->nr_pgtables;
	for (level = PG_LEVEL_4K; level <= PG_LEVEL_PML4; level++) {
		u64 word = 0x100 + level;

		expect_table_moves(test, mm, DATA_VA, level);
		KUNIT_EXPECT_EQ(test, read_cr3() & PTE_ADDR_MASK, __pa(mm->pgd));
		KUNIT_EXPECT_EQ(test, cpus_with_stale_cr3(), 0);
		KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)DATA_VA,
						   &word, sizeof(word)), 0UL);
		KUNIT_EXPECT_EQ_MSG(test, run(mm), (long)word,
				    "after moving level %d", level);
	}
	KUNIT_EXPECT_EQ(test, memcmp(mm->pgd + 256, kernel_pml4 + 256,
				     256 * sizeof(pgentry_t)), 0);
	KUNIT_EXPECT_EQ(test, mm->nr_pgtables, tables);
}

struct lock_holder {
	spinlock_t *lock;
	bool held;
	bool release;
};

/* Holds the lock, interrupts on, until told to let go. */
static int hold_lock_thread(void *data)
{
	struct lock_holder *h = data;

	spin_lock(h->lock);
	WRITE_ONCE(h->held, true);
	while (!READ_ONCE(h->release))
		cpu_relax();
	spin_unlock(h->lock);
	for (;;) {
		if (kthread_should_stop())
			return 0;
		msleep(1);
	}
}

/*
 * While another CPU holds the mm's page_table_lock (as a walker does),
 * its tables do not move: -EAGAIN, the table the same and intact. Once
 * the lock is free, it moves.
 */
static void pgtable_move_locked_refused(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, 0xbeef);
	struct lock_holder h = { .lock = &mm->page_table_lock };
	struct page *pt = table_page(mm, DATA_VA, PG_LEVEL_4K);
	struct task_struct *k;
	unsigned long flags;
	pgentry_t *pd;
	int cpu;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	KUNIT_ASSERT_NOT_NULL(test, pt);
	cpu = cpumask_first(cpu_online_mask) == smp_processor_id() ?
	      cpumask_next(smp_processor_id(), cpu_online_mask) :
	      cpumask_first(cpu_online_mask);
	k = kthread_create(hold_lock_thread, &h, "pt_lock_holder");
	KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	kthread_bind(k, cpu);
	wake_up_process(k);
	while (!READ_ONCE(h.held))
		msleep(1);

	KUNIT_EXPECT_EQ(test, migrate_kernel_page(pt), -EAGAIN);
	/* Unlocked look, interrupts off: the holder only spins. */
	local_irq_save(flags);
	pd = __va(pgentry_addr(mm->pgd[pg_index(DATA_VA, PG_LEVEL_PML4)]));
	pd = __va(pgentry_addr(pd[pg_index(DATA_VA, PG_LEVEL_1G)]));
	KUNIT_EXPECT_EQ(test, pgentry_addr(pd[pg_index(DATA_VA, PG_LEVEL_2M)]),
			page_to_phys(pt));
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, pt->type, (u8)PGTY_PGTABLE);

	WRITE_ONCE(h.release, true);
	kthread_stop(k);
	KUNIT_EXPECT_EQ(test, run(mm), 0xbeefL);
	expect_table_moves(test, mm, DATA_VA, PG_LEVEL_4K);
	KUNIT_EXPECT_EQ(test, run(mm), 0xbeefL);
}

struct race {
	struct mm_struct *mm;
	unsigned long rounds;
};

/* Maps, fills and unmaps RACE_VA over and over: its PT comes and goes. */
static int unmap_race_thread(void *data)
{
	struct race *r = data;

	for (; !kthread_should_stop(); r->rounds++) {
		if (vm_mmap_anon(r->mm, RACE_VA, RACE_PAGES * PAGE_SIZE,
				 PROT_READ | PROT_WRITE,
				 ANON_FIXED | MAP_POPULATE) != (long)RACE_VA)
			break;
		vm_munmap(r->mm, RACE_VA, RACE_PAGES * PAGE_SIZE);
	}
	return 0;
}

/* Every table of @mm names its mm and level, and there are @mm's count. */
static unsigned long count_tables(struct kunit *test, struct mm_struct *mm,
				  pgentry_t *table, int level)
{
	unsigned long n = 0;
	int i, last = level == PG_LEVEL_PML4 ? 255 : 511;

	for (i = 0; i <= last; i++) {
		struct page *sub;

		if (level == PG_LEVEL_4K || !pgentry_present(table[i]))
			continue;
		sub = phys_to_page(pgentry_addr(table[i]));
		KUNIT_EXPECT_EQ(test, sub->type, (u8)PGTY_PGTABLE);
		KUNIT_EXPECT_PTR_EQ(test, sub->pt_mm, mm);
		KUNIT_EXPECT_EQ(test, sub->pt_level, (u16)(level - 1));
		n += 1 + count_tables(test, mm, __va(pgentry_addr(table[i])),
				      level - 1);
	}
	return n;
}

/*
 * Another CPU maps and unmaps a range (its PT allocated and freed each
 * round) while this one keeps moving that PT: every move either happens
 * or finds the table gone (-EAGAIN, or -EBUSY once the page is something
 * else), and nothing leaks or breaks.
 */
static void pgtable_move_races_unmap(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, 0xcafe);
	struct race r = { .mm = mm };
	unsigned long tries = 0, moved = 0, gone = 0, flags;
	u64 end = ktime_get_ns() + 5 * NSEC_PER_SEC;
	struct task_struct *k;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	k = kthread_run(unmap_race_thread, &r, "pt_unmap_race");
	KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	/* 300 tries, or 5 s on a slow host: enough moves either way. */
	while (tries < 300 && ktime_get_ns() < end) {
		struct page *pt = table_page(mm, RACE_VA, PG_LEVEL_4K);
		int ret;

		if (!pt) {
			cond_resched();
			continue;
		}
		ret = migrate_kernel_page(pt);
		KUNIT_EXPECT_TRUE_MSG(test, ret == 0 || ret == -EAGAIN ||
				      ret == -EBUSY, "ret %d", ret);
		moved += !ret;
		gone += !!ret;
		tries++;
	}
	kthread_stop(k);
	kunit_info(test, "%lu moves tried, %lu done, %lu refused, %lu unmap rounds\n",
		   tries, moved, gone, r.rounds);
	KUNIT_EXPECT_GT(test, r.rounds, 0UL);
	KUNIT_EXPECT_GT(test, moved, 0UL);
	spin_lock_irqsave(&mm->page_table_lock, flags);
	KUNIT_EXPECT_EQ(test, count_tables(test, mm, mm->pgd, PG_LEVEL_PML4),
			mm->nr_pgtables);
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	KUNIT_EXPECT_EQ(test, run(mm), 0xcafeL);
}

/*
 * The offline scan (migrate_pfn_range()) moves page tables it meets: a
 * vmalloc PT, a user PT and a boot table, each range then holds no table.
 */
static void pgtable_move_offline_scan(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, 0xf00d);
	u32 *p = vmalloc(PMD_SIZE);
	struct page *pages[3];
	unsigned long bad = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	fill(p, PMD_SIZE / 4, 9);
	pages[0] = table_page(NULL, (unsigned long)p, PG_LEVEL_4K);
	pages[1] = table_page(mm, DATA_VA, PG_LEVEL_4K);
	pages[2] = table_page(NULL, (unsigned long)__va(0), PG_LEVEL_1G);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		unsigned long pfn;

		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		pfn = page_to_pfn(pages[i]);
		KUNIT_EXPECT_EQ_MSG(test, migrate_pfn_range(pfn, pfn + 1,
				    alloc_migration_target, 0, &bad), 0,
				    "table %d, bad pfn %#lx", i, bad);
		KUNIT_EXPECT_NE(test, pages[i]->type, (u8)PGTY_PGTABLE);
	}
	KUNIT_EXPECT_PTR_NE(test, table_page(NULL, (unsigned long)p,
					     PG_LEVEL_4K), pages[0]);
	KUNIT_EXPECT_PTR_NE(test, table_page(mm, DATA_VA, PG_LEVEL_4K),
			    pages[1]);
	KUNIT_EXPECT_EQ(test, check(p, PMD_SIZE / 4, 9), 0UL);
	KUNIT_EXPECT_EQ(test, run(mm), 0xf00dL);
	vfree(p);
}

/* The pages of one pageblock, handed out as migration targets. */
struct block_pool {
	struct page *base;
	unsigned int next;
};

static struct page *from_pool(struct page *old, unsigned long private)
{
	struct block_pool *bp = (struct block_pool *)private;

	return bp->next < pageblock_nr_pages ? bp->base + bp->next++ : NULL;
}

/*
 * Offlining a block full of page tables, as offline_pages() does it: a
 * pageblock is made to hold a running process's four tables, a vmalloc
 * area's PTs, the kernel heap's PT and kernel_pml4 (moved there in one
 * stop), then isolated and emptied with migrate_pfn_range(). Afterwards
 * no page of it is in use, and everything still works.
 */
static void pgtable_move_empties_block(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, 0xb10c);
	unsigned long size = 4 * PMD_SIZE, va, pfn, bad = 0, busy = 0;
	u32 *v = vmalloc(size), *k = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct block_pool bp = { };
	struct page *pages[16];
	unsigned int n = 0, i, failed = 0;
	int level, mt;

	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_ASSERT_NOT_NULL(test, k);
	fill(v, size / 4, 21);
	fill(k, PAGE_SIZE / 4, 22);
	bp.base = alloc_pages(GFP_KERNEL, pageblock_order);
	KUNIT_ASSERT_NOT_NULL(test, bp.base);
	for (i = 0; i < pageblock_nr_pages; i++) {
		atomic_set(&bp.base[i]._refcount, 1);
		bp.base[i].order = 0;
	}
	pfn = page_to_pfn(bp.base);

	for (level = PG_LEVEL_4K; level <= PG_LEVEL_PML4; level++)
		pages[n++] = table_page(mm, DATA_VA, level);
	for (va = (unsigned long)v; va < (unsigned long)v + size;
	     va = ALIGN_DOWN(va, PMD_SIZE) + PMD_SIZE)
		pages[n++] = table_page(NULL, va, PG_LEVEL_4K);
	pages[n++] = table_page(NULL, (unsigned long)k, PG_LEVEL_4K);
	pages[n++] = table_page(NULL, 0, PG_LEVEL_PML4);
	for (i = 0; i < n; i++)
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	KUNIT_ASSERT_EQ(test, migrate_pages(pages, n, from_pool,
					    (unsigned long)&bp, &failed), 0);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_TRUE(test, page_to_pfn(pages[i]) >= pfn &&
				  page_to_pfn(pages[i]) < pfn + pageblock_nr_pages);
	KUNIT_EXPECT_EQ(test, run(mm), 0xb10cL);

	mt = get_pageblock_migratetype(bp.base);
	KUNIT_ASSERT_EQ(test, set_migratetype_isolate(bp.base), 0);
	for (i = bp.next; i < pageblock_nr_pages; i++)
		__free_page(bp.base + i);
	KUNIT_EXPECT_EQ_MSG(test, migrate_pfn_range(pfn, pfn + pageblock_nr_pages,
			    alloc_migration_target, 0, &bad), 0,
			    "bad pfn %#lx", bad);
	for (i = 0; i < pageblock_nr_pages; i++)
		busy += page_count(bp.base + i) != 0;
	KUNIT_EXPECT_EQ(test, busy, 0UL);
	KUNIT_EXPECT_EQ(test, cpus_with_stale_cr3(), 0);
	KUNIT_EXPECT_EQ(test, run(mm), 0xb10cL);
	KUNIT_EXPECT_EQ(test, check(v, size / 4, 21), 0UL);
	KUNIT_EXPECT_EQ(test, check(k, PAGE_SIZE / 4, 22), 0UL);
	unset_migratetype_isolate(bp.base, mt);
	kfree(k);
	vfree(v);
}

static struct kunit_case pgtable_move_cases[] = {
	KUNIT_CASE(pgtable_move_boot_table),
	KUNIT_CASE(pgtable_move_direct_map),
	KUNIT_CASE(pgtable_move_kernel_pml4),
	KUNIT_CASE(pgtable_move_vmalloc),
	KUNIT_CASE(pgtable_move_kheap),
	KUNIT_CASE(pgtable_move_ioremap),
	KUNIT_CASE(pgtable_move_user_tables),
	KUNIT_CASE(pgtable_move_locked_refused),
	KUNIT_CASE(pgtable_move_races_unmap),
	KUNIT_CASE(pgtable_move_offline_scan),
	KUNIT_CASE(pgtable_move_empties_block),
	{}
};

static struct kunit_suite pgtable_move_suite = {
	.name = "pgtable_move",
	.test_cases = pgtable_move_cases,
};
kunit_test_suite(pgtable_move_suite);
