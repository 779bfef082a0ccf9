// SPDX-License-Identifier: GPL-2.0
/*
 * A user page for a test case: mapped with user_map_page() in the low
 * half of kernel_pml4 (no mm), zeroed, and unmapped and freed when the
 * case ends, whatever way it ends.
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <kunit/user_page.h>

struct kunit_user_page {
	unsigned long va;
	void *kva;
};

static void kunit_user_page_drop(void *data)
{
	struct kunit_user_page *u = data;

	user_unmap_page(u->va);
	vfree(u->kva);
	kfree(u);
}

/**
 * kunit_user_page - a zeroed page at user address @va for this case
 * @test: the running case
 * @va: page-aligned user address, not mapped yet
 * @prot: PAGE_USER_RW or PAGE_USER_RX
 *
 * Fails the case (an assertion: it does not return) when memory or the
 * mapping cannot be had.
 *
 * Return: the page's kernel alias, for filling in code or reading back.
 */
u8 *kunit_user_page(struct kunit *test, unsigned long va, pgprot_t prot)
{
	struct kunit_user_page *u = kzalloc(sizeof(*u), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, u);
	u->va = va;
	u->kva = vmalloc(PAGE_SIZE);
	if (!u->kva) {
		kfree(u);
		KUNIT_ASSERT_FAILURE(test, "no memory for a user page");
	}
	memset(u->kva, 0, PAGE_SIZE);
	if (user_map_page(va, kernel_virt_to_phys((unsigned long)u->kva),
			  prot)) {
		vfree(u->kva);
		kfree(u);
		KUNIT_ASSERT_FAILURE(test, "cannot map a user page at %#lx", va);
	}
	KUNIT_ASSERT_EQ(test,
			kunit_add_action_or_reset(test, kunit_user_page_drop, u),
			0);
	return u->kva;
}

static void kunit_prog_mm_drop(void *mm)
{
	kthread_unuse_mm(mm);
}

/**
 * kunit_prog_mm - a new mm the calling thread runs on until the case ends
 * @test: the running case
 * @prog: machine code, copied to KUNIT_PROG_CODE_VA (mapped read, write
 *	and execute, so that copy_to_user() can put it there)
 * @len: its length, at most a page
 * @data_pages: pages mapped with @data_prot at KUNIT_PROG_DATA_VA (0: none)
 * @data_prot: PROT_* of the data pages
 *
 * A stack page lies below KUNIT_PROG_STACK_VA. Run it with
 * user_mode_run_mm(mm, KUNIT_PROG_CODE_VA, KUNIT_PROG_STACK_VA). Fails
 * the case (an assertion) when any step fails.
 *
 * Return: the mm; the thread holds its only reference.
 */
struct mm_struct *kunit_prog_mm(struct kunit *test, const u8 *prog,
				size_t len, unsigned long data_pages,
				unsigned long data_prot)
{
	const unsigned long anon = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
	unsigned long stack = KUNIT_PROG_STACK_VA - PAGE_SIZE;
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	kthread_use_mm(mm);
	mmput(mm);	/* the thread's reference is the one left */
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							kunit_prog_mm_drop, mm),
			0);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, KUNIT_PROG_CODE_VA, PAGE_SIZE,
					   PROT_READ | PROT_WRITE | PROT_EXEC,
					   anon), (long)KUNIT_PROG_CODE_VA);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, stack, PAGE_SIZE,
					   PROT_READ | PROT_WRITE, anon),
			(long)stack);
	if (data_pages)
		KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, KUNIT_PROG_DATA_VA,
						   data_pages * PAGE_SIZE,
						   data_prot, anon),
				(long)KUNIT_PROG_DATA_VA);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)KUNIT_PROG_CODE_VA,
					   prog, len), 0UL);
	return mm;
}
