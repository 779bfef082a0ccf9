// SPDX-License-Identifier: GPL-2.0
/*
 * A user page for a test case: mapped with user_map_page() in the low
 * half of kernel_pml4 (no mm), zeroed, and unmapped and freed when the
 * case ends, whatever way it ends.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
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
