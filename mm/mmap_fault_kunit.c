// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for demand paging (mm/memory.c) in an address space of its own:
 * hand-assembled programs run in ring 3 with user_mode_run_mm() against
 * anonymous VMAs, user accesses fault pages in or get -EFAULT, and
 * mmput() gives every page back.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/rmap.h>
#include <linux/smp.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/syscall.h>
#include <kunit/test.h>
#include <kunit/user_page.h>

#define ANON_FIXED	(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define CODE_VA		KUNIT_PROG_CODE_VA
#define DATA_VA		KUNIT_PROG_DATA_VA
#define STACK_VA	KUNIT_PROG_STACK_VA

/*
 * exit(the first word at DATA_VA) after storing 0x5eed in the second,
 * with a push and pop on the stack first.
 */
static const u8 prog_rw[] = {
	0x48, 0xbb, 0x00, 0x00, 0x60, 0x00,	/* movabs $DATA_VA, %rbx */
	0x00, 0x00, 0x00, 0x00,
	0x57,					/* push %rdi */
	0x5f,					/* pop %rdi */
	0x48, 0x8b, 0x3b,			/* mov (%rbx), %rdi */
	0x48, 0xc7, 0x43, 0x08, 0xed, 0x5e,	/* movq $0x5eed, 8(%rbx) */
	0x00, 0x00,
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/* A store to DATA_VA; exit(0) if it comes back. */
static const u8 prog_store[] = {
	0x48, 0xbb, 0x00, 0x00, 0x60, 0x00,	/* movabs $DATA_VA, %rbx */
	0x00, 0x00, 0x00, 0x00,
	0x48, 0xc7, 0x03, 0x01, 0x00, 0x00,	/* movq $1, (%rbx) */
	0x00,
	0x31, 0xff,				/* xor %edi, %edi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

static long run(struct mm_struct *mm)
{
	return user_mode_run_mm(mm, CODE_VA, STACK_VA);
}

/* Demand-zero pages read 0 in ring 3, and what ring 3 writes stays. */
static void fault_demand_zero(struct kunit *test)
{
	struct mm_struct *mm = kunit_prog_mm(test, prog_rw, sizeof(prog_rw), 1,
					     PROT_READ | PROT_WRITE);
	u64 v = 0;

	KUNIT_EXPECT_EQ(test, mm->nr_pages, 1UL);	/* the code page */
	KUNIT_EXPECT_EQ(test, run(mm), 0L);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 3UL);	/* + stack, data */
	KUNIT_EXPECT_EQ(test, copy_from_user(&v, (void __user *)(DATA_VA + 8),
					     sizeof(v)), 0UL);
	KUNIT_EXPECT_EQ(test, v, 0x5eedULL);
	/* The kernel's own store is what ring 3 reads next time. */
	v = 42;
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)DATA_VA, &v, sizeof(v)), 0UL);
	KUNIT_EXPECT_EQ(test, run(mm), 42L);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 3UL);
}

/* Pages carry U/S, R/W per VMA and NX unless the VMA is executable. */
static void fault_page_protection(struct kunit *test)
{
	struct mm_struct *mm = kunit_prog_mm(test, prog_rw, sizeof(prog_rw), 1,
					     PROT_READ | PROT_WRITE);
	pgentry_t *code, *data;

	KUNIT_ASSERT_EQ(test, run(mm), 0L);
	mmap_read_lock(mm);
	code = user_pte_lookup(mm, CODE_VA);
	data = user_pte_lookup(mm, DATA_VA);
	KUNIT_ASSERT_NOT_NULL(test, code);
	KUNIT_ASSERT_NOT_NULL(test, data);
	KUNIT_EXPECT_EQ(test, *code & (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW |
				       _PAGE_NX | _PAGE_GLOBAL),
			_PAGE_PRESENT | _PAGE_USER | _PAGE_RW);
	KUNIT_EXPECT_EQ(test, *data & (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW |
				       _PAGE_NX | _PAGE_GLOBAL),
			_PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX);
	mmap_read_unlock(mm);
}

/* A store to a read-only VMA ends the run with -EFAULT; no page comes. */
static void fault_write_to_readonly(struct kunit *test)
{
	struct mm_struct *mm = kunit_prog_mm(test, prog_store, sizeof(prog_store), 1,
					     PROT_READ);

	KUNIT_EXPECT_EQ(test, run(mm), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 1UL);
	/* The same store is fine once the VMA is writable. */
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, DATA_VA, PAGE_SIZE,
					   PROT_READ | PROT_WRITE, ANON_FIXED),
			(long)DATA_VA);
	KUNIT_EXPECT_EQ(test, run(mm), 0L);
}

/* After munmap the page is gone: ring 3 and uaccess fault on it. */
static void fault_after_munmap(struct kunit *test)
{
	struct mm_struct *mm = kunit_prog_mm(test, prog_rw, sizeof(prog_rw), 1,
					     PROT_READ | PROT_WRITE);
	u64 v = 0;

	KUNIT_ASSERT_EQ(test, run(mm), 0L);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 3UL);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, DATA_VA, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 2UL);
	KUNIT_EXPECT_EQ(test, run(mm), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, copy_from_user(&v, (void __user *)DATA_VA, sizeof(v)),
			(unsigned long)sizeof(v));
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 2UL);
}

/* User accesses into holes and against a VMA's permissions: -EFAULT. */
static void fault_uaccess_hole(struct kunit *test)
{
	u8 buf[16];
	u64 v = 7;

	kunit_prog_mm(test, prog_rw, sizeof(prog_rw), 2, PROT_READ);
	memset(buf, 0xff, sizeof(buf));
	/* Nothing mapped between the code and the data. */
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)0x500000,
					     sizeof(buf)), 16UL);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)0x500000), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0ULL);
	/* A read-only VMA reads (zero) but takes no write. */
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)DATA_VA), 0);
	KUNIT_EXPECT_EQ(test, put_user(v, (u64 __user *)DATA_VA), -EFAULT);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)DATA_VA, buf, 16), 16UL);
	/* A copy running off the end of the data VMA stops there. */
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)(DATA_VA +
					     2 * PAGE_SIZE - 8), 16), 8UL);
}

/*
 * Whether this CPU has @mm's PML4 in CR3 and is in its cpu_mask, read
 * with interrupts off so that the task stays on the CPU it asks about.
 */
static bool mm_loaded_here(struct mm_struct *mm)
{
	unsigned long flags;
	bool loaded;

	local_irq_save(flags);
	loaded = read_cr3() == __pa(mm->pgd) && cpu_loaded_mm() == mm &&
		 cpumask_test_cpu(smp_processor_id(), &mm->cpu_mask);
	local_irq_restore(flags);
	return loaded;
}

/*
 * The scheduler loads the mm again when the thread comes back after a
 * sleep (other tasks ran on kernel_pml4 meanwhile), and the thread's
 * user pages are there; kthread_unuse_mm() leaves the mask empty.
 */
static void fault_mm_follows_the_task(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	u64 v = 0x1234, w = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	kthread_use_mm(mm);
	KUNIT_EXPECT_TRUE(test, mm_loaded_here(mm));
	KUNIT_EXPECT_EQ(test, vm_mmap_anon(mm, DATA_VA, PAGE_SIZE,
					   PROT_READ | PROT_WRITE, ANON_FIXED),
			(long)DATA_VA);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)DATA_VA, &v, sizeof(v)), 0UL);
	for (i = 0; i < 5; i++) {
		msleep(20);
		KUNIT_EXPECT_TRUE(test, mm_loaded_here(mm));
		KUNIT_EXPECT_EQ(test, copy_from_user(&w, (void __user *)DATA_VA,
						     sizeof(w)), 0UL);
		KUNIT_EXPECT_EQ(test, w, 0x1234ULL);
	}
	kthread_unuse_mm(mm);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&mm->cpu_mask));
	KUNIT_EXPECT_EQ(test, read_cr3(), __pa(kernel_pml4));
	mmput(mm);
}

struct pingpong {
	struct mm_struct *mm;
	u64 value;
};

/*
 * On its own mm, store a value at DATA_VA, then yield the CPU again and
 * again and read it back each time. Returns the number of wrong reads.
 */
static int mm_pingpong(void *data)
{
	struct pingpong *pp = data;
	int i, errors = 0;
	u64 w;

	kthread_use_mm(pp->mm);
	if (copy_to_user((void __user *)DATA_VA, &pp->value, sizeof(w)))
		errors++;
	for (i = 0; i < 50; i++) {
		/* Meant: hand the CPU to the other thread bound to it. */
		yield();
		if (copy_from_user(&w, (void __user *)DATA_VA, sizeof(w)) ||
		    w != pp->value)
			errors++;
	}
	kthread_unuse_mm(pp->mm);
	return errors;
}

/*
 * Two threads on one CPU, each on an mm of its own with a different
 * value at the same address, hand the CPU to each other 50 times: each
 * always reads its own value, so every switch loaded the right PML4.
 */
static void fault_switch_between_mms(struct kunit *test)
{
	struct pingpong pp[2];
	struct task_struct *t[2];
	int i;

	for (i = 0; i < 2; i++) {
		pp[i].value = 0x1111ULL * (i + 1);
		pp[i].mm = mm_alloc();
		KUNIT_ASSERT_NOT_NULL(test, pp[i].mm);
		KUNIT_EXPECT_EQ(test, vm_mmap_anon(pp[i].mm, DATA_VA, PAGE_SIZE,
						   PROT_READ | PROT_WRITE,
						   ANON_FIXED), (long)DATA_VA);
		t[i] = kthread_create(mm_pingpong, &pp[i], "mm_pingpong%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
		kthread_bind(t[i], 0);
	}
	for (i = 0; i < 2; i++)
		wake_up_process(t[i]);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_EQ_MSG(test, kthread_stop(t[i]), 0, "thread %d", i);
		KUNIT_EXPECT_EQ(test, pp[i].mm->nr_pages, 1UL);
		mmput(pp[i].mm);
	}
}

/*
 * mmput() frees every page and page table: nr_free_pages() comes back to
 * where it was, and while the mm lives it is short by exactly the user
 * pages, the user page tables and the PML4.
 */
static void fault_mmput_frees_all(struct kunit *test)
{
	unsigned long free = 0, i, round;
	struct mm_struct *mm;
	u8 byte = 1;

	/* Round 0 fills the slab caches the mm and VMAs come from. */
	for (round = 0; round < 4; round++) {
		if (round == 1)
			free = nr_free_pages();
		mm = mm_alloc();
		KUNIT_ASSERT_NOT_NULL(test, mm);
		kthread_use_mm(mm);
		KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, DATA_VA, 8 * PAGE_SIZE,
						   PROT_READ | PROT_WRITE,
						   ANON_FIXED), (long)DATA_VA);
		for (i = 0; i < 8; i++)
			KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)
					(DATA_VA + i * PAGE_SIZE), &byte, 1), 0UL);
		/* One PDPT, one PD, one PT for the eight pages. */
		KUNIT_EXPECT_EQ(test, mm->nr_pages, 8UL);
		KUNIT_EXPECT_EQ(test, mm->nr_pgtables, 3UL);
		if (round)
			KUNIT_EXPECT_EQ(test, free - nr_free_pages(), 8UL + 3 + 1);
		kthread_unuse_mm(mm);
		mmput(mm);
		if (round)
			KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(), free,
					    "round %lu", round);
	}
}

/*
 * User pages are movable: allocated from ZONE_MOVABLE when there is one,
 * anonymous, listed in the reverse map with their one mapping, and worth
 * a try for migration (mm/rmap_kunit.c moves them).
 */
static void fault_user_page_movable(struct kunit *test)
{
	struct mm_struct *mm = kunit_prog_mm(test, prog_rw, sizeof(prog_rw), 1,
					     PROT_READ | PROT_WRITE);
	struct page *page;
	pgentry_t *pte;

	KUNIT_ASSERT_EQ(test, run(mm), 0L);
	mmap_read_lock(mm);
	pte = user_pte_lookup(mm, DATA_VA);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_ASSERT_TRUE(test, pgentry_present(*pte));
	page = phys_to_page(pgentry_addr(*pte));
	KUNIT_EXPECT_EQ(test, page->type, (u8)PGTY_ANON);
	KUNIT_EXPECT_TRUE(test, page_mapped_at(page, mm, DATA_VA));
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 1U);
	KUNIT_EXPECT_TRUE(test, page_is_migratable(page));
	mmap_read_unlock(mm);
}

/*
 * A kernel-half PML4 entry made after the mm exists reaches its PML4,
 * and so does its removal.
 */
static void fault_kernel_half_follows(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long va = VMALLOC_END - PGDIR_SIZE;
	unsigned int i = pg_index(va, PG_LEVEL_PML4);
	struct page *page = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_EXPECT_EQ(test, memcmp(mm->pgd + 256, kernel_pml4 + 256,
				     256 * sizeof(pgentry_t)), 0);
	KUNIT_EXPECT_EQ(test, (int)i, 465);
	if (!page || pgentry_present(kernel_pml4[i])) {
		if (page)
			__free_page(page);
		mmput(mm);
		kunit_skip(test, "PML4 slot %u in use or no page", i);
	}
	KUNIT_EXPECT_EQ(test, kernel_map_range(va, page_to_phys(page), PAGE_SIZE,
					       PAGE_KERNEL, 0), 0);
	KUNIT_EXPECT_TRUE(test, pgentry_present(mm->pgd[i]));
	KUNIT_EXPECT_EQ(test, mm->pgd[i], kernel_pml4[i]);
	kernel_unmap_range(va, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mm->pgd[i], 0ULL);
	KUNIT_EXPECT_EQ(test, kernel_pml4[i], 0ULL);
	__free_page(page);
	mmput(mm);
}

static struct kunit_case mmap_fault_cases[] = {
	KUNIT_CASE(fault_demand_zero),
	KUNIT_CASE(fault_page_protection),
	KUNIT_CASE(fault_write_to_readonly),
	KUNIT_CASE(fault_after_munmap),
	KUNIT_CASE(fault_uaccess_hole),
	KUNIT_CASE(fault_mm_follows_the_task),
	KUNIT_CASE(fault_switch_between_mms),
	KUNIT_CASE(fault_mmput_frees_all),
	KUNIT_CASE(fault_user_page_movable),
	KUNIT_CASE(fault_kernel_half_follows),
	{}
};

static struct kunit_suite mmap_fault_suite = {
	.name = "mmap_fault",
	.test_cases = mmap_fault_cases,
};
kunit_test_suite(mmap_fault_suite);
