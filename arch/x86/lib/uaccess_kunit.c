// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for user memory access (usercopy_64.c, asm/uaccess.h) against
 * real user pages mapped in the low half, and for SMEP and SMAP keeping
 * the kernel off those pages outside uaccess.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include <kunit/user_page.h>

/* Two pages at a user address: the first mapped, the second never. */
#define UTEST_VA	0x40000000UL
#define UTEST_HOLE	(UTEST_VA + PAGE_SIZE)

/* "jmp *%rax": what the exec probe jumps to. */
static const u8 jmp_rax[] = { 0xff, 0xe0 };

/* A kernel word that a bad user pointer must leave alone. */
static u64 uaccess_kernel_word = 0x1122334455667788ULL;

/* A zeroed user page at UTEST_VA with @prot until the case ends. */
static u8 *utest_map(struct kunit *test, pgprot_t prot)
{
	return kunit_user_page(test, UTEST_VA, prot);
}

static void uaccess_copy_roundtrip(struct kunit *test)
{
	u8 *kva = utest_map(test, PAGE_USER_RW);
	void __user *u = (void __user *)UTEST_VA;
	u8 out[64], in[64];
	int i;

	for (i = 0; i < sizeof(out); i++)
		out[i] = i * 7 + 1;
	KUNIT_EXPECT_EQ(test, copy_to_user(u + 100, out, sizeof(out)), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(kva + 100, out, sizeof(out)), 0);
	memset(in, 0, sizeof(in));
	KUNIT_EXPECT_EQ(test, copy_from_user(in, u + 100, sizeof(in)), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(in, out, sizeof(in)), 0);
	KUNIT_EXPECT_EQ(test, clear_user(u + 110, 10), 0UL);
	KUNIT_EXPECT_EQ(test, kva[109], out[9]);
	KUNIT_EXPECT_EQ(test, kva[110], 0);
	KUNIT_EXPECT_EQ(test, kva[119], 0);
	KUNIT_EXPECT_EQ(test, kva[120], out[20]);
}

static void uaccess_get_put_sizes(struct kunit *test)
{
	u8 *kva = utest_map(test, PAGE_USER_RW);
	u8 __user *u = (u8 __user *)UTEST_VA;
	u8 b = 0;
	u16 w = 0;
	u32 l = 0;
	u64 q = 0;
	void *p = NULL;

	KUNIT_EXPECT_EQ(test, put_user(0xa5, u + 1), 0);
	KUNIT_EXPECT_EQ(test, put_user(0xbeef, (u16 __user *)(u + 2)), 0);
	KUNIT_EXPECT_EQ(test, put_user(0xdeadc0deU, (u32 __user *)(u + 4)), 0);
	KUNIT_EXPECT_EQ(test, put_user(0x0123456789abcdefULL, (u64 __user *)(u + 8)), 0);
	KUNIT_EXPECT_EQ(test, put_user((void *)kva, (void * __user *)(u + 16)), 0);
	KUNIT_EXPECT_EQ(test, kva[1], 0xa5);
	KUNIT_EXPECT_EQ(test, kva[2] | kva[3] << 8, 0xbeef);
	KUNIT_EXPECT_EQ(test, kva[0], 0);

	KUNIT_EXPECT_EQ(test, get_user(b, u + 1), 0);
	KUNIT_EXPECT_EQ(test, get_user(w, (u16 __user *)(u + 2)), 0);
	KUNIT_EXPECT_EQ(test, get_user(l, (u32 __user *)(u + 4)), 0);
	KUNIT_EXPECT_EQ(test, get_user(q, (u64 __user *)(u + 8)), 0);
	KUNIT_EXPECT_EQ(test, get_user(p, (void * __user *)(u + 16)), 0);
	KUNIT_EXPECT_EQ(test, b, 0xa5);
	KUNIT_EXPECT_EQ(test, w, 0xbeef);
	KUNIT_EXPECT_EQ(test, l, 0xdeadc0deU);
	KUNIT_EXPECT_EQ(test, q, 0x0123456789abcdefULL);
	KUNIT_EXPECT_PTR_EQ(test, p, (void *)kva);
}

/* A user address with no page: -EFAULT and "nothing copied", no oops. */
static void uaccess_unmapped_faults(struct kunit *test)
{
	u8 __user *hole = (u8 __user *)UTEST_HOLE;
	u8 buf[32];
	u32 l = 0xffffffff;

	utest_map(test, PAGE_USER_RW);
	memset(buf, 0xcc, sizeof(buf));
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, hole, sizeof(buf)), sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, buf[31], 0);
	KUNIT_EXPECT_EQ(test, copy_to_user(hole, buf, sizeof(buf)), sizeof(buf));
	KUNIT_EXPECT_EQ(test, clear_user(hole, 5), 5UL);
	KUNIT_EXPECT_EQ(test, get_user(l, (u32 __user *)hole), -EFAULT);
	KUNIT_EXPECT_EQ(test, l, 0U);
	KUNIT_EXPECT_EQ(test, put_user(1, (u32 __user *)hole), -EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user((char *)buf, (char __user *)hole, 8),
			-EFAULT);
}

/* A copy that runs off the mapped page stops at its end. */
static void uaccess_partial_copy(struct kunit *test)
{
	u8 *kva = utest_map(test, PAGE_USER_RW);
	u8 __user *end = (u8 __user *)UTEST_HOLE;
	u8 buf[16];

	memset(buf, 0x5a, sizeof(buf));
	KUNIT_EXPECT_EQ(test, copy_to_user(end - 6, buf, sizeof(buf)), 10UL);
	KUNIT_EXPECT_EQ(test, kva[PAGE_SIZE - 6], 0x5a);
	KUNIT_EXPECT_EQ(test, kva[PAGE_SIZE - 1], 0x5a);
	memset(kva + PAGE_SIZE - 6, 0x33, 6);
	memset(buf, 0xcc, sizeof(buf));
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, end - 6, sizeof(buf)), 10UL);
	KUNIT_EXPECT_EQ(test, buf[5], 0x33);
	KUNIT_EXPECT_EQ(test, buf[6], 0);
	KUNIT_EXPECT_EQ(test, buf[15], 0);
	KUNIT_EXPECT_EQ(test, clear_user(end - 3, 8), 5UL);
	KUNIT_EXPECT_EQ(test, kva[PAGE_SIZE - 3], 0);
}

/* Kernel addresses are refused before anything touches them. */
static void uaccess_kernel_address(struct kunit *test)
{
	void __user *k = (void __user *)&uaccess_kernel_word;
	u64 v = 1, buf = 0;

	KUNIT_EXPECT_FALSE(test, access_ok(k, 8));
	KUNIT_EXPECT_EQ(test, copy_to_user(k, &v, 8), 8UL);
	KUNIT_EXPECT_EQ(test, clear_user(k, 8), 8UL);
	KUNIT_EXPECT_EQ(test, put_user(v, (u64 __user *)k), -EFAULT);
	KUNIT_EXPECT_EQ(test, uaccess_kernel_word, 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, copy_from_user(&buf, k, 8), 8UL);
	KUNIT_EXPECT_EQ(test, buf, 0ULL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)k), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0ULL);
	/* Straddling the end of the user half, and in the hole. */
	KUNIT_EXPECT_TRUE(test, access_ok((void __user *)(TASK_SIZE_MAX - 8), 8));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)(TASK_SIZE_MAX - 4), 8));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)(1UL << 47), 1));
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)(1UL << 63)), -EFAULT);
}

/* A length that makes the range wrap past the top of the address space. */
static void uaccess_wrapping_length(struct kunit *test)
{
	void __user *u = (void __user *)UTEST_VA;
	u8 buf[8] = { 0 };

	utest_map(test, PAGE_USER_RW);
	KUNIT_EXPECT_FALSE(test, access_ok(u, ~0UL));
	KUNIT_EXPECT_FALSE(test, access_ok(u, -UTEST_VA));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)~0UL, 2));
	KUNIT_EXPECT_EQ(test, copy_to_user(u, buf, -UTEST_VA + 16), -UTEST_VA + 16);
	KUNIT_EXPECT_EQ(test, clear_user(u, ~0UL), ~0UL);
}

static void uaccess_strncpy(struct kunit *test)
{
	u8 *kva = utest_map(test, PAGE_USER_RW);
	char __user *u = (char __user *)UTEST_VA;
	char buf[16];

	strscpy((char *)kva, "tide", 8);
	memset(buf, 'x', sizeof(buf));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, u, sizeof(buf)), 4L);
	KUNIT_EXPECT_STREQ(test, buf, "tide");
	memset(buf, 'x', sizeof(buf));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, u, 3), 3L);
	KUNIT_EXPECT_EQ(test, buf[2], 'd');
	KUNIT_EXPECT_EQ(test, buf[3], 'x');
	/* No NUL before the page ends: the next byte faults. */
	memset(kva + PAGE_SIZE - 4, 'a', 4);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (char __user *)UTEST_HOLE - 4,
						sizeof(buf)), -EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (char __user *)&uaccess_kernel_word,
						sizeof(buf)), -EFAULT);
}

/*
 * With SMAP, a plain kernel load from a user page faults (a protection
 * fault: the page is present); inside stac()/clac() it does not.
 */
static void uaccess_smap_blocks_plain_access(struct kunit *test)
{
	struct fault_expect fe;

	utest_map(test, PAGE_USER_RW);
	if (!(read_cr4() & X86_CR4_SMAP))
		kunit_skip(test, "SMAP is off");
	KUNIT_EXPECT_TRUE(test, fault_probe_read(&fe, (void *)UTEST_VA));
	KUNIT_EXPECT_EQ(test, fe.addr, UTEST_VA);
	KUNIT_EXPECT_TRUE(test, fe.error_code & X86_PF_PROT);
	stac();
	KUNIT_EXPECT_FALSE(test, fault_probe_read(&fe, (void *)UTEST_VA));
	clac();
}

/* With SMEP, the kernel cannot run code from a user page. */
static void uaccess_smep_blocks_exec(struct kunit *test)
{
	u8 *kva = utest_map(test, PAGE_USER_RX);
	struct fault_expect fe;

	if (!(read_cr4() & X86_CR4_SMEP))
		kunit_skip(test, "SMEP is off");
	memcpy(kva, jmp_rax, sizeof(jmp_rax));
	KUNIT_EXPECT_TRUE(test, fault_probe_exec(&fe, (void *)UTEST_VA));
	KUNIT_EXPECT_EQ(test, fe.addr, UTEST_VA);
	KUNIT_EXPECT_TRUE(test, fe.error_code & X86_PF_INSTR);
}

static struct kunit_case uaccess_cases[] = {
	KUNIT_CASE(uaccess_copy_roundtrip),
	KUNIT_CASE(uaccess_get_put_sizes),
	KUNIT_CASE(uaccess_unmapped_faults),
	KUNIT_CASE(uaccess_partial_copy),
	KUNIT_CASE(uaccess_kernel_address),
	KUNIT_CASE(uaccess_wrapping_length),
	KUNIT_CASE(uaccess_strncpy),
	KUNIT_CASE(uaccess_smap_blocks_plain_access),
	KUNIT_CASE(uaccess_smep_blocks_exec),
	{}
};

static struct kunit_suite uaccess_suite = {
	.name = "uaccess",
	.test_cases = uaccess_cases,
};
kunit_test_suite(uaccess_suite);
