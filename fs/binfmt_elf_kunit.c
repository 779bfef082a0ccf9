// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for elf_load_plan(): two valid executables, a static ET_EXEC and
 * a PIE with an interpreter, then one malformation per check, each with
 * the errno it must get. Images are assembled here, field by field.
 */
#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/limits.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <kunit/test.h>
#include "elf_kunit.h"

/* Room for an image, both where it is built and where it is checked. */
#define ELF_TEST_LEN	0x3000

#define PIE_INTERP	"/lib/ld-musl-x86_64.so.1"

struct elf_test {
	u8 *img;	/* the image being built, 8-byte aligned */
	u8 *tail;	/* a vmalloc area: the image is copied to its end */
	struct elf_plan plan;
};

static struct elf64_hdr *eh(struct kunit *test)
{
	return (struct elf64_hdr *)((struct elf_test *)test->priv)->img;
}

static struct elf64_phdr *ph(struct kunit *test, unsigned int i)
{
	u8 *img = ((struct elf_test *)test->priv)->img;

	return (struct elf64_phdr *)(img + sizeof(struct elf64_hdr)) + i;
}

static void set_phdr(struct kunit *test, unsigned int i, u32 type, u32 flags,
		     u64 offset, u64 vaddr, u64 filesz, u64 memsz, u64 align)
{
	elf_test_phdr((u8 *)eh(test), i, type, flags, offset, vaddr, filesz,
		      memsz, align);
}

static void set_header(struct kunit *test, u16 type, u64 entry, u16 phnum)
{
	elf_test_header((u8 *)eh(test), type, entry, phnum);
}

/*
 * A static executable, 0x2100 bytes: headers and code in one R+X segment
 * at 0x400000 (entry 0x401000), data with bss at 0x403000, and a
 * non-executable PT_GNU_STACK.
 */
static size_t build_static(struct kunit *test)
{
	set_header(test, 2, 0x401000, 3);
	set_phdr(test, 0, 1, 5, 0, 0x400000, 0x1100, 0x1100, 0x1000);
	set_phdr(test, 1, 1, 6, 0x2000, 0x403000, 0x100, 0x2800, 0x1000);
	set_phdr(test, 2, 0x6474e551, 6, 0, 0, 0, 0, 16);
	return 0x2100;
}

/*
 * A PIE, 0x1400 bytes: PT_PHDR, PT_INTERP at 0x200, a read-only segment
 * at 0 holding them, code at 0x1000 (entry 0x1010), an executable stack.
 */
static size_t build_pie(struct kunit *test)
{
	u8 *img = ((struct elf_test *)test->priv)->img;

	set_header(test, 3, 0x1010, 5);
	set_phdr(test, 0, 6, 4, 64, 64, 5 * 56, 5 * 56, 8);
	set_phdr(test, 1, 3, 4, 0x200, 0x200, sizeof(PIE_INTERP),
		 sizeof(PIE_INTERP), 1);
	set_phdr(test, 2, 1, 4, 0, 0, 0x800, 0x800, 0x1000);
	set_phdr(test, 3, 1, 5, 0x1000, 0x1000, 0x400, 0x400, 0x1000);
	set_phdr(test, 4, 0x6474e551, 7, 0, 0, 0, 0, 16);
	memcpy(img + 0x200, PIE_INTERP, sizeof(PIE_INTERP));
	return 0x1400;
}

/*
 * Check the first @len bytes of the image, copied so that they end where
 * the vmalloc area ends: a read past them hits an unmapped page.
 */
static int plan(struct kunit *test, size_t len)
{
	struct elf_test *t = test->priv;
	u8 *copy = t->tail + ELF_TEST_LEN - len;

	memcpy(copy, t->img, len);
	return elf_load_plan(copy, len, &t->plan);
}

static struct elf_plan *the_plan(struct kunit *test)
{
	return &((struct elf_test *)test->priv)->plan;
}

static void elf_static_exec_plan(struct kunit *test)
{
	struct elf_plan *p = the_plan(test);

	KUNIT_ASSERT_EQ(test, plan(test, build_static(test)), 0);
	KUNIT_EXPECT_EQ(test, p->nr_segs, 2U);
	KUNIT_EXPECT_EQ(test, p->segs[0].start, 0x400000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].end, 0x402000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].vaddr, 0x400000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].offset, 0ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].filesz, 0x1100ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].memsz, 0x1100ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].prot, 5U);	/* PROT_READ | PROT_EXEC */
	KUNIT_EXPECT_EQ(test, p->segs[1].start, 0x403000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].end, 0x406000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].vaddr, 0x403000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].offset, 0x2000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].filesz, 0x100ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].memsz, 0x2800ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].prot, 3U);	/* PROT_READ | PROT_WRITE */
	KUNIT_EXPECT_NULL(test, p->interp);
	KUNIT_EXPECT_EQ(test, p->interp_len, 0UL);
	KUNIT_EXPECT_EQ(test, p->entry, 0x401000ULL);
	KUNIT_EXPECT_EQ(test, p->phdr_vaddr, 0x400040ULL);
	KUNIT_EXPECT_EQ(test, p->phnum, 3U);
	KUNIT_EXPECT_FALSE(test, p->pie);
	KUNIT_EXPECT_FALSE(test, p->exec_stack);
}

static void elf_pie_with_interp_plan(struct kunit *test)
{
	struct elf_plan *p = the_plan(test);
	struct elf_test *t = test->priv;
	size_t len = build_pie(test);

	KUNIT_ASSERT_EQ(test, plan(test, len), 0);
	KUNIT_EXPECT_EQ(test, p->nr_segs, 2U);
	KUNIT_EXPECT_EQ(test, p->segs[0].start, 0ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].end, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[0].prot, 1U);	/* PROT_READ */
	KUNIT_EXPECT_EQ(test, p->segs[1].start, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].end, 0x2000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].offset, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, p->segs[1].prot, 5U);
	KUNIT_ASSERT_NOT_NULL(test, p->interp);
	KUNIT_EXPECT_STREQ(test, p->interp, "/lib/ld-musl-x86_64.so.1");
	KUNIT_EXPECT_EQ(test, p->interp_len, 24UL);
	/* The path is not copied: it is the image's own bytes. */
	KUNIT_EXPECT_PTR_EQ(test, p->interp,
			    (const char *)t->tail + ELF_TEST_LEN - len + 0x200);
	KUNIT_EXPECT_EQ(test, p->entry, 0x1010ULL);
	KUNIT_EXPECT_EQ(test, p->phdr_vaddr, 64ULL);
	KUNIT_EXPECT_EQ(test, p->phnum, 5U);
	KUNIT_EXPECT_TRUE(test, p->pie);
	KUNIT_EXPECT_TRUE(test, p->exec_stack);
}

/* Without PT_PHDR, AT_PHDR is found through the PT_LOAD holding e_phoff. */
static void elf_phdr_from_load(struct kunit *test)
{
	u8 *img = ((struct elf_test *)test->priv)->img;
	size_t len = build_static(test);

	/* In segment 1's file bytes, 0x2000..0x2100: at 0x403000 + 0x10. */
	memcpy(img + 0x2010, ph(test, 0), 3 * 56);
	eh(test)->e_phoff = 0x2010;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	KUNIT_EXPECT_EQ(test, the_plan(test)->phdr_vaddr, 0x403010ULL);
	/* In no segment's file bytes: not in memory, AT_PHDR 0. */
	memcpy(img + 0x1800, ph(test, 0), 3 * 56);
	eh(test)->e_phoff = 0x1800;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	KUNIT_EXPECT_EQ(test, the_plan(test)->phdr_vaddr, 0ULL);
}

static void elf_truncated_ident(struct kunit *test)
{
	build_static(test);
	KUNIT_EXPECT_EQ(test, plan(test, 0), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, plan(test, 10), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, plan(test, 63), -ENOEXEC);
}

static void elf_truncated_phdr_table(struct kunit *test)
{
	build_static(test);
	/* The table is 64..232; the file must hold all of it. */
	KUNIT_EXPECT_EQ(test, plan(test, 64), -EINVAL);
	KUNIT_EXPECT_EQ(test, plan(test, 231), -EINVAL);
	/* 232 bytes hold the table, not the segments. */
	KUNIT_EXPECT_EQ(test, plan(test, 232), -EINVAL);
	KUNIT_EXPECT_EQ(test, the_plan(test)->nr_segs, 0U);
}

static void elf_phoff_past_end(struct kunit *test)
{
	size_t len = build_static(test);

	eh(test)->e_phoff = len;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	eh(test)->e_phoff = len - 3 * 56 + 1;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	/* Offset plus table size wraps to a small number. */
	eh(test)->e_phoff = ~0ULL - 16;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_phnum_bounds(struct kunit *test)
{
	size_t len = build_static(test);

	eh(test)->e_phnum = 65;
	KUNIT_EXPECT_EQ(test, plan(test, len), -E2BIG);
	eh(test)->e_phnum = 0xffff;
	KUNIT_EXPECT_EQ(test, plan(test, len), -E2BIG);
	eh(test)->e_phnum = 0;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	eh(test)->e_phnum = 3;
	eh(test)->e_phentsize = 64;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_overlapping_loads(struct kunit *test)
{
	size_t len = build_static(test);

	/* Segment 0 ends in page 0x401000: segment 1 may start at 0x402000. */
	ph(test, 1)->p_vaddr = 0x402000;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	ph(test, 1)->p_vaddr = 0x401000;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	/* Sharing the page is overlapping too, though the bytes do not. */
	ph(test, 1)->p_vaddr = 0x401f00;
	ph(test, 1)->p_offset = 0x1f00;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_unsorted_loads(struct kunit *test)
{
	size_t len = build_static(test);
	struct elf64_phdr tmp = *ph(test, 0);

	*ph(test, 0) = *ph(test, 1);
	*ph(test, 1) = tmp;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_wrapping_vaddr(struct kunit *test)
{
	size_t len = build_static(test);

	ph(test, 1)->p_vaddr = 0xfffffffffffff000ULL;
	ph(test, 1)->p_memsz = 0x2000;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 1)->p_vaddr = 0x403000;
	ph(test, 1)->p_memsz = ~0ULL - 0x1000;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

/* The one segment may end at TASK_SIZE_MAX, not a byte above. */
static void elf_task_size_limit(struct kunit *test)
{
	size_t len = build_static(test);
	u64 base = 0x7fffffffd000ULL;

	KUNIT_ASSERT_EQ(test, TASK_SIZE_MAX, 0x7ffffffff000UL);
	eh(test)->e_phnum = 1;
	eh(test)->e_entry = base + 0x1000;
	ph(test, 0)->p_vaddr = base;
	ph(test, 0)->p_memsz = 0x2000;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	KUNIT_EXPECT_EQ(test, the_plan(test)->segs[0].end, 0x7ffffffff000ULL);
	ph(test, 0)->p_memsz = 0x2001;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 0)->p_vaddr = 0x800000000000ULL;
	eh(test)->e_entry = 0x800000001000ULL;
	ph(test, 0)->p_memsz = 0x1100;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_filesz_over_memsz(struct kunit *test)
{
	size_t len = build_static(test);

	ph(test, 1)->p_memsz = 0x100;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	ph(test, 1)->p_memsz = 0xff;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_segment_past_end(struct kunit *test)
{
	size_t len = build_static(test);

	/* Segment 1's bytes are 0x2000..0x2100, the last of the file. */
	KUNIT_EXPECT_EQ(test, plan(test, len - 1), -EINVAL);
	ph(test, 1)->p_filesz = 0x101;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 1)->p_filesz = 0x100;
	ph(test, 1)->p_offset = ~0ULL - 0x80 + 1;
	ph(test, 1)->p_vaddr = 0x403000 - 0x80;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_huge_memsz(struct kunit *test)
{
	size_t len = build_static(test);

	/* Lowest page 0x400000; the highest may end 1 GiB above it. */
	ph(test, 1)->p_memsz = 0x40000000 - 0x3000;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	ph(test, 1)->p_memsz = 0x40000000 - 0x3000 + 1;
	KUNIT_EXPECT_EQ(test, plan(test, len), -E2BIG);
	ph(test, 1)->p_memsz = 0x100000000ULL;
	KUNIT_EXPECT_EQ(test, plan(test, len), -E2BIG);
}

static void elf_misaligned_vaddr(struct kunit *test)
{
	size_t len = build_static(test);

	/* 0x602000 - 0x2000 is a multiple of 2 MiB; 0x403000 - 0x2000 is not. */
	ph(test, 1)->p_align = 0x200000;
	ph(test, 1)->p_vaddr = 0x602000;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	ph(test, 1)->p_vaddr = 0x403000;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 1)->p_align = 0x3000;	/* not a power of two */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	/* No alignment asked for, but a page cannot map at another offset. */
	ph(test, 1)->p_align = 0;
	ph(test, 1)->p_vaddr = 0x403010;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_entry_outside(struct kunit *test)
{
	size_t len = build_static(test);

	eh(test)->e_entry = 0x4010ff;	/* last byte of the code */
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	eh(test)->e_entry = 0x401100;	/* one past it */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	eh(test)->e_entry = 0x300000;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	eh(test)->e_entry = 0x403000;	/* data: not executable */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	eh(test)->e_entry = 0x403100;	/* bss: not from the file */
	ph(test, 1)->p_flags = 7;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_no_load(struct kunit *test)
{
	size_t len = build_static(test);

	ph(test, 0)->p_type = 0;	/* PT_NULL */
	ph(test, 1)->p_type = 4;	/* PT_NOTE */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_too_many_loads(struct kunit *test)
{
	unsigned int i;

	set_header(test, 2, 0x400000, 16);
	for (i = 0; i < 17; i++)
		set_phdr(test, i, 1, 5, 0, 0x400000 + i * 0x1000, i ? 0 : 0x400,
			 0x400, 0x1000);
	KUNIT_EXPECT_EQ(test, plan(test, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, the_plan(test)->nr_segs, 16U);
	eh(test)->e_phnum = 17;
	KUNIT_EXPECT_EQ(test, plan(test, 0x1000), -E2BIG);
}

static void elf_interp_not_terminated(struct kunit *test)
{
	u8 *img = ((struct elf_test *)test->priv)->img;
	size_t len = build_pie(test);

	img[0x200 + sizeof(PIE_INTERP) - 1] = 'x';
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	img[0x200 + sizeof(PIE_INTERP) - 1] = 0;
	img[0x204] = 0;			/* "/lib" then garbage */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 1)->p_filesz = 1;	/* "" */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_interp_outside_file(struct kunit *test)
{
	size_t len = build_pie(test);

	ph(test, 1)->p_offset = len - 4;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 1)->p_offset = ~0ULL - 8;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_two_interps(struct kunit *test)
{
	size_t len = build_pie(test);

	*ph(test, 4) = *ph(test, 1);
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_interp_path_max(struct kunit *test)
{
	u8 *img = ((struct elf_test *)test->priv)->img;
	size_t len = build_pie(test) + PATH_MAX;

	memset(img + 0x200, 'a', PATH_MAX);
	img[0x200 + PATH_MAX - 1] = 0;
	ph(test, 1)->p_filesz = PATH_MAX;
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	KUNIT_EXPECT_EQ(test, the_plan(test)->interp_len, PATH_MAX - 1UL);
	img[0x200 + PATH_MAX - 1] = 'a';
	img[0x200 + PATH_MAX] = 0;
	ph(test, 1)->p_filesz = PATH_MAX + 1;
	KUNIT_EXPECT_EQ(test, plan(test, len), -E2BIG);
}

static void elf_pt_phdr_outside_load(struct kunit *test)
{
	size_t len = build_pie(test);

	ph(test, 0)->p_vaddr = 0x3000;
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 0)->p_vaddr = 0x800 - 5 * 56 + 1;	/* runs off segment 0 */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

/* PT_GNU_STACK decides the stack; it and PT_PHDR may appear only once. */
static void elf_stack_and_phdr_once(struct kunit *test)
{
	size_t len = build_pie(test);

	*ph(test, 1) = *ph(test, 4);	/* two PT_GNU_STACK, no PT_INTERP */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
	ph(test, 1)->p_type = 4;	/* PT_NOTE: one left, with PF_X */
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	KUNIT_EXPECT_TRUE(test, the_plan(test)->exec_stack);
	ph(test, 4)->p_type = 4;	/* none: not executable */
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
	KUNIT_EXPECT_FALSE(test, the_plan(test)->exec_stack);
	*ph(test, 1) = *ph(test, 0);	/* two PT_PHDR */
	KUNIT_EXPECT_EQ(test, plan(test, len), -EINVAL);
}

static void elf_not_ours(struct kunit *test)
{
	size_t len = build_static(test);
	struct elf64_hdr *h = eh(test);

	h->e_machine = 3;		/* EM_386 */
	KUNIT_EXPECT_EQ(test, plan(test, len), -ENOEXEC);
	h->e_machine = 62;
	h->e_ident[4] = 1;		/* ELFCLASS32 */
	KUNIT_EXPECT_EQ(test, plan(test, len), -ENOEXEC);
	h->e_ident[4] = 2;
	h->e_ident[5] = 2;		/* ELFDATA2MSB */
	KUNIT_EXPECT_EQ(test, plan(test, len), -ENOEXEC);
	h->e_ident[5] = 1;
	h->e_ident[6] = 0;		/* EV_NONE */
	KUNIT_EXPECT_EQ(test, plan(test, len), -ENOEXEC);
	h->e_ident[6] = 1;
	h->e_type = 1;			/* ET_REL */
	KUNIT_EXPECT_EQ(test, plan(test, len), -ENOEXEC);
	h->e_type = 4;			/* ET_CORE */
	KUNIT_EXPECT_EQ(test, plan(test, len), -ENOEXEC);
	h->e_type = 2;
	h->e_ident[3] = 'f';
	KUNIT_EXPECT_EQ(test, plan(test, len), -ENOEXEC);
	h->e_ident[3] = 'F';
	KUNIT_EXPECT_EQ(test, plan(test, len), 0);
}

static int elf_test_init(struct kunit *test)
{
	struct elf_test *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	t->img = kzalloc(ELF_TEST_LEN, GFP_KERNEL);
	t->tail = vzalloc(ELF_TEST_LEN);
	test->priv = t;
	if (!t->img || !t->tail)
		return -ENOMEM;
	return 0;
}

static void elf_test_exit(struct kunit *test)
{
	struct elf_test *t = test->priv;

	if (!t)
		return;
	if (t->tail)
		vfree(t->tail);
	kfree(t->img);
	kfree(t);
}

static struct kunit_case binfmt_elf_cases[] = {
	KUNIT_CASE(elf_static_exec_plan),
	KUNIT_CASE(elf_pie_with_interp_plan),
	KUNIT_CASE(elf_phdr_from_load),
	KUNIT_CASE(elf_truncated_ident),
	KUNIT_CASE(elf_truncated_phdr_table),
	KUNIT_CASE(elf_phoff_past_end),
	KUNIT_CASE(elf_phnum_bounds),
	KUNIT_CASE(elf_overlapping_loads),
	KUNIT_CASE(elf_unsorted_loads),
	KUNIT_CASE(elf_wrapping_vaddr),
	KUNIT_CASE(elf_task_size_limit),
	KUNIT_CASE(elf_filesz_over_memsz),
	KUNIT_CASE(elf_segment_past_end),
	KUNIT_CASE(elf_huge_memsz),
	KUNIT_CASE(elf_misaligned_vaddr),
	KUNIT_CASE(elf_entry_outside),
	KUNIT_CASE(elf_no_load),
	KUNIT_CASE(elf_too_many_loads),
	KUNIT_CASE(elf_interp_not_terminated),
	KUNIT_CASE(elf_interp_outside_file),
	KUNIT_CASE(elf_two_interps),
	KUNIT_CASE(elf_interp_path_max),
	KUNIT_CASE(elf_pt_phdr_outside_load),
	KUNIT_CASE(elf_stack_and_phdr_once),
	KUNIT_CASE(elf_not_ours),
	{}
};

static struct kunit_suite binfmt_elf_suite = {
	.name = "binfmt_elf",
	.init = elf_test_init,
	.exit = elf_test_exit,
	.test_cases = binfmt_elf_cases,
};
kunit_test_suite(binfmt_elf_suite);
