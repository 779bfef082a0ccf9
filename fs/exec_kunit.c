// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for exec (fs/exec.c, fs/binfmt_elf.c's mapping half,
 * fs/binfmt_script.c): ELF images assembled here are loaded from files
 * served out of memory into a new mm, their stack and auxiliary vector
 * are read back, and their code runs in ring 3 (user_mode_run_mm()) and
 * exits with a status that tells what it saw. The last cases write the
 * images to tmpfs and run them whole through kernel_execve() in a
 * process of their own.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/delay.h>
#include <linux/elf.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/syscall.h>
#include <kunit/test.h>
#include "elf_kunit.h"

#define IMG_LEN		0x3000
#define TEST_INTERP	"/tmp/ld-tide-test.so"
#define PIE_BASE	0x555555554000UL

/* A file whose bytes are a buffer in memory. */
struct memfile {
	struct file file;
	struct inode inode;
	u8 *data;
	size_t len;
};

static void exec_test_kfree(void *p)
{
	kfree(p);
}

/* Zeroed memory freed when the case ends. */
static void *test_zalloc(struct kunit *test, size_t size)
{
	void *p = kzalloc(size, GFP_KERNEL);

	if (p && kunit_add_action_or_reset(test, exec_test_kfree, p))
		return NULL;
	return p;
}

static ssize_t memfile_read(struct file *f, char __user *buf, size_t len,
			    loff_t *pos)
{
	struct memfile *m = container_of(f, struct memfile, file);

	if (*pos >= m->len)
		return 0;
	len = min(len, (size_t)(m->len - *pos));
	memcpy((void __force *)buf, m->data + *pos, len);
	*pos += len;
	return len;
}

static ssize_t memfile_read_kernel(struct file *f, void *buf, size_t len,
				   loff_t *pos)
{
	return memfile_read(f, (char __user *)buf, len, pos);
}

static const struct file_operations memfile_fops = {
	.read = memfile_read,
	.read_kernel = memfile_read_kernel,
};

static struct memfile *memfile_new(struct kunit *test, size_t len)
{
	struct memfile *m = test_zalloc(test, sizeof(*m));

	KUNIT_ASSERT_NOT_NULL(test, m);
	m->data = test_zalloc(test, len);
	KUNIT_ASSERT_NOT_NULL(test, m->data);
	m->len = len;
	m->inode.i_mode = S_IFREG | 0755;
	m->inode.i_size = len;
	m->file.f_inode = &m->inode;
	m->file.f_op = &memfile_fops;
	m->file.f_mode = FMODE_READ;
	atomic_long_add_return(1, &m->file.f_count);	/* the test's own */
	return m;
}

static long memfile_refs(struct memfile *m)
{
	return atomic_long_add_return(0, &m->file.f_count);
}

static void set_header(u8 *img, u16 type, u64 entry, u16 phnum)
{
	elf_test_header(img, type, entry, phnum);
}

static void set_phdr(u8 *img, unsigned int i, u32 type, u32 flags,
		     u64 offset, u64 vaddr, u64 filesz, u64 memsz)
{
	elf_test_phdr(img, i, type, flags, offset, vaddr, filesz, memsz,
		      PAGE_SIZE);
}

/*
 * exit(*data + *(data + 8) + argc): data is the data segment's only file
 * word (40); the word after it is zero fill sharing its page with file
 * bytes that are not zero.
 */
static const u8 prog_static[] = {
	0x48, 0x8d, 0x1d, 0xf9, 0x1f, 0x00, 0x00,	/* lea 0x403000(%rip),%rbx */
	0x48, 0x8b, 0x3b,				/* mov (%rbx),%rdi */
	0x48, 0x03, 0x7b, 0x08,				/* add 8(%rbx),%rdi */
	0x48, 0x03, 0x3c, 0x24,				/* add (%rsp),%rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,			/* mov $60,%eax */
	0x0f, 0x05,					/* syscall */
	0x0f, 0x0b,					/* ud2 */
};

/*
 * A static ET_EXEC: headers and code R+X at 0x400000 (entry 0x401000),
 * data R+W at 0x403000 with 8 file bytes and 0x2000 of memory.
 */
static struct memfile *build_static(struct kunit *test)
{
	struct memfile *m = memfile_new(test, IMG_LEN);
	u64 forty = 40;

	set_header(m->data, ET_EXEC, 0x401000, 3);
	set_phdr(m->data, 0, PT_LOAD, PF_R | PF_X, 0, 0x400000,
		 0x1000 + sizeof(prog_static), 0x1000 + sizeof(prog_static));
	set_phdr(m->data, 1, PT_LOAD, PF_R | PF_W, 0x2000, 0x403000, 8,
		 0x2000);
	set_phdr(m->data, 2, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
	memcpy(m->data + 0x1000, prog_static, sizeof(prog_static));
	memset(m->data + 0x2000, 0xaa, 0x1000);
	memcpy(m->data + 0x2000, &forty, sizeof(forty));
	return m;
}

/* The interpreter: find AT_ENTRY in the auxiliary vector and jump there. */
static const u8 prog_interp[] = {
	0x48, 0x8b, 0x04, 0x24,			/* mov (%rsp),%rax */
	0x48, 0x8d, 0x5c, 0xc4, 0x10,		/* lea 16(%rsp,%rax,8),%rbx */
	0x48, 0x8b, 0x0b,			/* 1: mov (%rbx),%rcx */
	0x48, 0x83, 0xc3, 0x08,			/* add $8,%rbx */
	0x48, 0x85, 0xc9,			/* test %rcx,%rcx */
	0x75, 0xf4,				/* jnz 1b */
	0x48, 0x8b, 0x0b,			/* 2: mov (%rbx),%rcx */
	0x48, 0x83, 0xf9, 0x09,			/* cmp $AT_ENTRY,%rcx */
	0x74, 0x06,				/* je 3f */
	0x48, 0x83, 0xc3, 0x10,			/* add $16,%rbx */
	0xeb, 0xf1,				/* jmp 2b */
	0xff, 0x63, 0x08,			/* 3: jmp *8(%rbx) */
};

/* The PIE's own code: exit(argc + 5). */
static const u8 prog_pie[] = {
	0x48, 0x8b, 0x3c, 0x24,			/* mov (%rsp),%rdi */
	0x48, 0x83, 0xc7, 0x05,			/* add $5,%rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60,%eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/* A PIE naming TEST_INTERP: PT_PHDR, PT_INTERP, R at 0, R+X at 0x1000. */
static struct memfile *build_pie(struct kunit *test)
{
	struct memfile *m = memfile_new(test, 0x2000);

	set_header(m->data, ET_DYN, 0x1000, 4);
	set_phdr(m->data, 0, PT_PHDR, PF_R, 64, 64, 4 * 56, 4 * 56);
	set_phdr(m->data, 1, PT_INTERP, PF_R, 0x200, 0x200,
		 sizeof(TEST_INTERP), sizeof(TEST_INTERP));
	set_phdr(m->data, 2, PT_LOAD, PF_R, 0, 0, 0x400, 0x400);
	set_phdr(m->data, 3, PT_LOAD, PF_R | PF_X, 0x1000, 0x1000,
		 sizeof(prog_pie), sizeof(prog_pie));
	memcpy(m->data + 0x200, TEST_INTERP, sizeof(TEST_INTERP));
	memcpy(m->data + 0x1000, prog_pie, sizeof(prog_pie));
	return m;
}

/* The interpreter: an ET_DYN, one R+X segment, entry at 0x1000. */
static struct memfile *build_interp(struct kunit *test)
{
	struct memfile *m = memfile_new(test, 0x2000);

	set_header(m->data, ET_DYN, 0x1000, 1);
	set_phdr(m->data, 0, PT_LOAD, PF_R | PF_X, 0, 0,
		 0x1000 + sizeof(prog_interp), 0x1000 + sizeof(prog_interp));
	memcpy(m->data + 0x1000, prog_interp, sizeof(prog_interp));
	return m;
}

static const char *const test_argv[] = { "prog", "one", "two", NULL };
static const char *const test_envp[] = { "HOME=/", "TERM=vt100", NULL };

static void exec_test_bprm_free(void *bprm)
{
	bprm_free(bprm);
}

/* A bprm for @filename with test_argv, test_envp and @file loaded. */
static struct linux_binprm *load(struct kunit *test, const char *filename,
				 struct memfile *file)
{
	struct linux_binprm *b = test_zalloc(test, sizeof(*b));

	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_EQ(test, bprm_init(b, filename), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
				exec_test_bprm_free, b), 0);
	KUNIT_ASSERT_EQ(test, bprm_add_strings(b, test_argv, false), 0);
	KUNIT_ASSERT_EQ(test, bprm_add_strings(b, test_envp, true), 0);
	KUNIT_ASSERT_EQ(test, bprm_set_file(b, get_file(&file->file)), 0);
	KUNIT_ASSERT_EQ(test, bprm_plan(b), 0);
	return b;
}

/* The static program runs, sees its data, zeroed bss and argc. */
static void exec_static_runs(struct kunit *test)
{
	struct memfile *f = build_static(test);
	struct linux_binprm *b = load(test, "/bin/prog", f);
	struct vm_area_struct *vma;

	KUNIT_ASSERT_EQ(test, exec_build_mm(b), 0);
	KUNIT_EXPECT_EQ(test, b->entry, 0x401000UL);
	KUNIT_EXPECT_EQ(test, b->load_bias, 0UL);
	KUNIT_EXPECT_EQ(test, b->mm->start_brk, 0x405000UL);
	KUNIT_EXPECT_EQ(test, b->mm->brk, 0x405000UL);
	KUNIT_EXPECT_PTR_EQ(test, b->mm->exe_file, &f->file);
	vma = find_vma(b->mm, 0x403000);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	/* The file part is a private file mapping, the rest anonymous. */
	KUNIT_EXPECT_PTR_EQ(test, vma->vm_file, &f->file);
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, 2UL);
	KUNIT_EXPECT_EQ(test, vma->vm_end, 0x404000UL);
	vma = find_vma(b->mm, 0x404000);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	KUNIT_EXPECT_NULL(test, vma->vm_file);
	KUNIT_EXPECT_EQ(test, user_mode_run_mm(b->mm, b->entry, b->sp), 43L);
}

/* Every reference exec took to the file is dropped again. */
static void exec_drops_file_refs(struct kunit *test)
{
	struct memfile *f = build_static(test);
	struct linux_binprm *b = load(test, "/bin/prog", f);

	KUNIT_ASSERT_EQ(test, exec_build_mm(b), 0);
	KUNIT_EXPECT_GT(test, memfile_refs(f), 2L);
	bprm_free(b);
	KUNIT_EXPECT_EQ(test, memfile_refs(f), 1L);
}

static u64 read_u64(struct kunit *test, unsigned long addr)
{
	u64 v = 0;

	KUNIT_EXPECT_EQ(test, copy_from_user(&v, (void __user *)addr,
					     sizeof(v)), 0UL);
	return v;
}

static void expect_user_str(struct kunit *test, unsigned long addr,
			    const char *want)
{
	char buf[64];

	KUNIT_ASSERT_GT(test, strncpy_from_user(buf, (const char __user *)addr,
						sizeof(buf)), -1L);
	KUNIT_EXPECT_STREQ(test, buf, want);
}

static void exec_test_unuse(void *mm)
{
	kthread_unuse_mm(mm);
}

/* Look up @tag in the auxiliary vector at @auxv; -1 when missing. */
static u64 auxv_get(struct kunit *test, unsigned long auxv, u64 tag)
{
	unsigned long a;

	for (a = auxv; a < auxv + 64 * 16; a += 16) {
		u64 t = read_u64(test, a);

		if (t == tag)
			return read_u64(test, a + 8);
		if (!t)
			break;
	}
	return (u64)-1;
}

/* argc, argv, envp, the strings and the auxiliary vector as the ABI says. */
static void exec_stack_layout(struct kunit *test)
{
	struct memfile *f = build_static(test);
	struct linux_binprm *b = load(test, "/bin/prog", f);
	unsigned long sp, auxv, rnd;
	int i;

	KUNIT_ASSERT_EQ(test, exec_build_mm(b), 0);
	sp = b->sp;
	KUNIT_EXPECT_EQ(test, sp % 16, 0UL);
	KUNIT_EXPECT_EQ(test, b->mm->start_stack, sp);
	kthread_use_mm(b->mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, exec_test_unuse,
							b->mm), 0);
	KUNIT_EXPECT_EQ(test, read_u64(test, sp), 3ULL);
	for (i = 0; i < 3; i++)
		expect_user_str(test, read_u64(test, sp + 8 + 8 * i),
				test_argv[i]);
	KUNIT_EXPECT_EQ(test, read_u64(test, sp + 32), 0ULL);
	expect_user_str(test, read_u64(test, sp + 40), "HOME=/");
	expect_user_str(test, read_u64(test, sp + 48), "TERM=vt100");
	KUNIT_EXPECT_EQ(test, read_u64(test, sp + 56), 0ULL);
	auxv = sp + 64;
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 6), 4096ULL);   /* PAGESZ */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 3), 0x400040ULL); /* PHDR */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 4), 56ULL);	  /* PHENT */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 5), 3ULL);	  /* PHNUM */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 7), 0ULL);	  /* BASE */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 9), 0x401000ULL); /* ENTRY */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 17), 100ULL);  /* CLKTCK */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 23), 0ULL);	  /* SECURE */
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 11), 0ULL);	  /* UID */
	KUNIT_EXPECT_NE(test, auxv_get(test, auxv, 16), (u64)-1); /* HWCAP */
	expect_user_str(test, auxv_get(test, auxv, 31), "/bin/prog");
	expect_user_str(test, auxv_get(test, auxv, 15), "x86_64");
	rnd = auxv_get(test, auxv, 25);
	KUNIT_EXPECT_GT(test, rnd, sp);
	KUNIT_EXPECT_LT(test, rnd, STACK_TOP);
	/* The strings /proc/PID/cmdline and environ show. */
	expect_user_str(test, b->mm->arg_start, "prog");
	KUNIT_EXPECT_EQ(test, b->mm->arg_end - b->mm->arg_start, 13UL);
	KUNIT_EXPECT_EQ(test, b->mm->env_start, b->mm->arg_end);
	expect_user_str(test, b->mm->env_start, "HOME=/");
	KUNIT_EXPECT_EQ(test, b->mm->env_end - b->mm->env_start, 18UL);
}

/* A PIE goes at PIE_BASE, its interpreter lower, and the interpreter runs. */
static void exec_pie_with_interp(struct kunit *test)
{
	struct memfile *f = build_pie(test), *ld = build_interp(test);
	struct linux_binprm *b = load(test, "/bin/pie", f);

	KUNIT_ASSERT_NOT_NULL(test, b->plan.interp);
	KUNIT_EXPECT_STREQ(test, b->plan.interp, TEST_INTERP);
	/* The interpreter is required once the plan names one. */
	KUNIT_EXPECT_EQ(test, exec_build_mm(b), -ENOEXEC);
	KUNIT_ASSERT_EQ(test, bprm_set_interp(b, get_file(&ld->file)), 0);
	KUNIT_ASSERT_EQ(test, exec_build_mm(b), 0);
	KUNIT_EXPECT_EQ(test, b->load_bias, PIE_BASE);
	KUNIT_EXPECT_NE(test, b->interp_bias, 0UL);
	KUNIT_EXPECT_LT(test, b->interp_bias, STACK_TOP - MMAP_BASE_GAP);
	KUNIT_EXPECT_GT(test, b->interp_bias, PIE_BASE);
	KUNIT_EXPECT_EQ(test, b->entry, b->interp_bias + 0x1000);
	KUNIT_EXPECT_EQ(test, b->mm->start_brk, PIE_BASE + 0x2000);
	/* The interpreter finds AT_ENTRY and jumps to the PIE: argc + 5. */
	KUNIT_EXPECT_EQ(test, user_mode_run_mm(b->mm, b->entry, b->sp), 8L);
}

/* AT_PHDR and AT_BASE of the PIE. */
static void exec_pie_auxv(struct kunit *test)
{
	struct memfile *f = build_pie(test), *ld = build_interp(test);
	struct linux_binprm *b = load(test, "/bin/pie", f);
	unsigned long auxv;

	KUNIT_ASSERT_EQ(test, bprm_set_interp(b, get_file(&ld->file)), 0);
	KUNIT_ASSERT_EQ(test, exec_build_mm(b), 0);
	kthread_use_mm(b->mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, exec_test_unuse,
							b->mm), 0);
	auxv = b->sp + 8 * (1 + 3 + 1 + 2 + 1);
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 3), PIE_BASE + 64);
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 5), 4ULL);
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 7), (u64)b->interp_bias);
	KUNIT_EXPECT_EQ(test, auxv_get(test, auxv, 9), PIE_BASE + 0x1000);
}

/* Files exec must refuse before reading them; the first page is read. */
static void exec_refuses_files(struct kunit *test)
{
	struct memfile *f = build_static(test);
	size_t len;
	void *img;
	u64 size;

	f->inode.i_mode = S_IFREG | 0644;
	KUNIT_EXPECT_EQ(test, bprm_read_file(&f->file, PAGE_SIZE, &img, &len,
					     &size), -EACCES);
	f->inode.i_mode = S_IFDIR | 0755;
	KUNIT_EXPECT_EQ(test, bprm_read_file(&f->file, PAGE_SIZE, &img, &len,
					     &size), -EACCES);
	f->inode.i_mode = S_IFREG | 0100;
	f->inode.i_size = 0;
	KUNIT_EXPECT_EQ(test, bprm_read_file(&f->file, PAGE_SIZE, &img, &len,
					     &size), -ENOEXEC);
	f->inode.i_size = IMG_LEN;
	KUNIT_ASSERT_EQ(test, bprm_read_file(&f->file, PAGE_SIZE, &img, &len,
					     &size), 0);
	KUNIT_EXPECT_EQ(test, len, (size_t)PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, size, (u64)IMG_LEN);
	KUNIT_EXPECT_EQ(test, memcmp(img, f->data, len), 0);
	vfree(img);
	/* Longer than the file says it is: -EIO. */
	f->inode.i_size = IMG_LEN + 1;
	KUNIT_EXPECT_EQ(test, bprm_read_file(&f->file, IMG_LEN + 1, &img, &len,
					     &size), -EIO);
}

/* Headers past the first page: exec reads the whole file and plans. */
static void exec_headers_far_in(struct kunit *test)
{
	struct memfile *f = build_static(test);
	struct linux_binprm *b;
	struct elf64_hdr *h = (struct elf64_hdr *)f->data;

	/* The table moves to the data segment's file bytes, past 4 KiB. */
	memcpy(f->data + 0x2100, f->data + 64, 3 * 56);
	h->e_phoff = 0x2100;
	KUNIT_EXPECT_EQ(test, elf_load_plan_head(f->data, PAGE_SIZE, IMG_LEN,
						 &(struct elf_plan){ }),
			ELF_PLAN_NEED_MORE);
	b = load(test, "/bin/prog", f);
	KUNIT_EXPECT_EQ(test, b->image_len, (size_t)IMG_LEN);
	KUNIT_EXPECT_EQ(test, b->plan.nr_segs, 2U);
	/* Segments are checked against the file's size, not the head's. */
	h->e_phoff = 64;
	KUNIT_EXPECT_EQ(test, elf_load_plan_head(f->data, PAGE_SIZE, IMG_LEN,
						 &b->plan), 0);
	KUNIT_EXPECT_EQ(test, elf_load_plan_head(f->data, PAGE_SIZE, 0x2004,
						 &b->plan), -EINVAL);
}

/* One string too long, or all of them too many, is -E2BIG. */
static void exec_e2big(struct kunit *test)
{
	struct linux_binprm *b = test_zalloc(test, sizeof(*b));
	const char *one[] = { NULL, NULL };
	char *big = vmalloc(MAX_ARG_STRLEN + 1);
	int i, ret = 0;

	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_ASSERT_EQ(test, bprm_init(b, "/x"), 0);
	memset(big, 'a', MAX_ARG_STRLEN);
	big[MAX_ARG_STRLEN] = '\0';
	one[0] = big;
	KUNIT_EXPECT_EQ(test, bprm_add_strings(b, one, false), -E2BIG);
	big[MAX_ARG_STRLEN - 1] = '\0';		/* exactly the limit fits */
	KUNIT_EXPECT_EQ(test, bprm_add_strings(b, one, false), 0);
	KUNIT_EXPECT_EQ(test, b->argc, 1);
	for (i = 0; i < 32 && !ret; i++)
		ret = bprm_add_strings(b, one, true);
	KUNIT_EXPECT_EQ(test, ret, -E2BIG);
	KUNIT_EXPECT_LE(test, b->strings_len, MAX_ARG_TOTAL);
	KUNIT_EXPECT_EQ(test, (size_t)(b->argc + b->envc), b->strings_len /
			MAX_ARG_STRLEN);
	vfree(big);
	bprm_free(b);
}

static void expect_parse(struct kunit *test, const char *line,
			 const char *interp, const char *arg)
{
	char name[BINPRM_BUF_SIZE];
	const char *a;
	size_t alen;

	KUNIT_ASSERT_EQ_MSG(test, script_parse(line, strlen(line), name,
					       sizeof(name), &a, &alen), 0,
			    "%s", line);
	KUNIT_EXPECT_STREQ(test, name, interp);
	if (!arg) {
		KUNIT_EXPECT_NULL(test, a);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, alen, strlen(arg));
	KUNIT_EXPECT_EQ(test, memcmp(a, arg, alen), 0);
}

/* The #! line: interpreter, one optional argument, blanks around them. */
static void exec_script_parse(struct kunit *test)
{
	char name[BINPRM_BUF_SIZE], *line;
	const char *a;
	size_t alen;

	expect_parse(test, "#!/bin/sh\necho hi\n", "/bin/sh", NULL);
	expect_parse(test, "#! /bin/sh -e \t\n", "/bin/sh", "-e");
	expect_parse(test, "#!/usr/bin/env python3 -u x\n", "/usr/bin/env",
		     "python3 -u x");
	expect_parse(test, "#!/bin/busybox", "/bin/busybox", NULL);
	KUNIT_EXPECT_EQ(test, script_parse("#!  \n", 5, name, sizeof(name),
					   &a, &alen), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, script_parse("\177ELF", 4, name, sizeof(name),
					   &a, &alen), -ENOEXEC);

	line = test_zalloc(test, 600);
	KUNIT_ASSERT_NOT_NULL(test, line);
	/* A path running past the 256 bytes looked at: refused. */
	memcpy(line, "#!/", 3);
	memset(line + 3, 'p', 400);
	KUNIT_EXPECT_EQ(test, script_parse(line, 403, name, sizeof(name), &a,
					   &alen), -ENOEXEC);
	/* Only the argument runs past them: it is cut. */
	memcpy(line, "#!/bin/sh ", 10);
	KUNIT_ASSERT_EQ(test, script_parse(line, 403, name, sizeof(name), &a,
					   &alen), 0);
	KUNIT_EXPECT_STREQ(test, name, "/bin/sh");
	KUNIT_EXPECT_EQ(test, alen, (size_t)(BINPRM_BUF_SIZE - 10));
}

/* argv[0] gives way to interpreter, argument and the script's path. */
static void exec_script_args(struct kunit *test)
{
	struct linux_binprm *b = test_zalloc(test, sizeof(*b));
	static const char *const argv[] = { "run.sh", "a", NULL };
	static const char *const want[] = {
		"/bin/sh", "-e x", "/tmp/run.sh", "a", "E=1",
	};
	const char *s;
	int i;

	KUNIT_ASSERT_EQ(test, bprm_init(b, "/tmp/run.sh"), 0);
	KUNIT_ASSERT_EQ(test, bprm_add_strings(b, argv, false), 0);
	KUNIT_ASSERT_EQ(test, bprm_add_strings(b, (const char *const []){
					"E=1", NULL }, true), 0);
	KUNIT_ASSERT_EQ(test, script_rewrite_args(b, "/bin/sh", "-e xyz", 4),
			0);
	KUNIT_EXPECT_EQ(test, b->argc, 4);
	KUNIT_EXPECT_EQ(test, b->envc, 1);
	s = b->strings;
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		KUNIT_EXPECT_STREQ(test, s, want[i]);
		s += strlen(s) + 1;
	}
	KUNIT_EXPECT_EQ(test, (size_t)(s - b->strings), b->strings_len);
	/* Without an argument, and with an empty argv. */
	bprm_free(b);
	KUNIT_ASSERT_EQ(test, bprm_init(b, "/s"), 0);
	KUNIT_ASSERT_EQ(test, script_rewrite_args(b, "/bin/sh", NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, b->argc, 2);
	KUNIT_EXPECT_STREQ(test, b->strings, "/bin/sh");
	KUNIT_EXPECT_STREQ(test, b->strings + 8, "/s");
	bprm_free(b);
}

/* An image the plan refuses never gets a new mm. */
static void exec_malformed(struct kunit *test)
{
	struct memfile *f = build_static(test);
	struct linux_binprm *b = test_zalloc(test, sizeof(*b));
	struct elf64_phdr *p;

	KUNIT_ASSERT_EQ(test, bprm_init(b, "/bad"), 0);
	p = (struct elf64_phdr *)(f->data + 64) + 1;
	p->p_memsz = ~0ULL - 0x1000;	/* wraps */
	KUNIT_ASSERT_EQ(test, bprm_set_file(b, get_file(&f->file)), 0);
	KUNIT_EXPECT_EQ(test, bprm_plan(b), -EINVAL);
	bprm_free(b);
	KUNIT_EXPECT_EQ(test, memfile_refs(f), 1L);
}


/* Write @m's bytes to a new file @path with @mode (in the tmpfs root). */
static void write_file(struct kunit *test, const char *path,
		       const void *data, size_t len, umode_t mode)
{
	struct file *f;
	loff_t pos = 0;

	init_mkdir("/tmp", 0755);
	f = filp_open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s: %ld", path, PTR_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, data, len, &pos), (ssize_t)len);
	fput(f);
}

struct spawn_exec {
	const char *path;
	const char *const *argv;
	int ret;			/* kernel_execve()'s */
	struct task_struct *task;
};

static int spawn_exec_fn(void *data)
{
	struct spawn_exec *se = data;

	get_task_struct(current);	/* put by spawn_exec_done() */
	se->task = current;
	se->ret = kernel_execve(se->path, se->argv, test_envp);
	return se->ret ? 1 : 0;
}

/* Run @path in a new process; returns its exit(2) argument or -1. */
static long spawn_exec(struct kunit *test, struct spawn_exec *se)
{
	int pid = user_process_spawn(spawn_exec_fn, se, "exec_test");
	int ms;

	KUNIT_ASSERT_GT(test, pid, 0);
	for (ms = 0; ms < 3000; ms++) {
		if (se->task && task_state(se->task) == TASK_DEAD)
			break;
		msleep(1);
	}
	KUNIT_ASSERT_NOT_NULL(test, se->task);
	KUNIT_ASSERT_EQ(test, task_state(se->task), (long)TASK_DEAD);
	return se->ret ? -1 : se->task->exit_arg;
}

static void spawn_exec_done(struct spawn_exec *se)
{
	if (se->task)
		put_task_struct(se->task);
	se->task = NULL;
}

/* kernel_execve() of a file in tmpfs: the program runs as the process. */
static void exec_kernel_execve_static(struct kunit *test)
{
	struct memfile *f = build_static(test);
	struct spawn_exec se = { "/tmp/exec-static", test_argv };

	write_file(test, se.path, f->data, f->len, 0755);
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), 43L);
	KUNIT_EXPECT_EQ(test, se.ret, 0);
	KUNIT_EXPECT_STREQ(test, se.task->comm, "exec-static");
	spawn_exec_done(&se);
}

/* A #! script runs its interpreter with the rewritten argv. */
static void exec_kernel_execve_script(struct kunit *test)
{
	static const char script[] = "#! /tmp/exec-interp  one arg \n";
	struct memfile *f = build_static(test);
	struct spawn_exec se = { "/tmp/exec-script", test_argv };

	write_file(test, "/tmp/exec-interp", f->data, f->len, 0755);
	write_file(test, se.path, script, sizeof(script) - 1, 0755);
	/* argv: interpreter, "one arg", script, "one", "two": argc 5. */
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), 45L);
	KUNIT_EXPECT_STREQ(test, se.task->comm, "exec-script");
	spawn_exec_done(&se);
}

/* A PIE and its interpreter, both from tmpfs. */
static void exec_kernel_execve_pie(struct kunit *test)
{
	struct memfile *f = build_pie(test), *ld = build_interp(test);
	struct spawn_exec se = { "/tmp/exec-pie", test_argv };

	write_file(test, TEST_INTERP, ld->data, ld->len, 0755);
	write_file(test, se.path, f->data, f->len, 0755);
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), 8L);
	spawn_exec_done(&se);
}

/* The errors: missing file or interpreter, no execute bit, a loop. */
static void exec_kernel_execve_errors(struct kunit *test)
{
	static const char loop[] = "#!/tmp/exec-loop\n";
	static const char *const no_argv[] = { NULL };
	struct memfile *f = build_static(test), *pie = build_pie(test);
	struct spawn_exec se = { "/tmp/exec-none", test_argv };

	KUNIT_EXPECT_EQ(test, kernel_execve("/tmp/exec-none", no_argv,
					    test_envp), -EINVAL);

	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), -1L);
	KUNIT_EXPECT_EQ(test, se.ret, -ENOENT);
	spawn_exec_done(&se);

	se.path = "/tmp/exec-noexec";
	write_file(test, se.path, f->data, f->len, 0644);
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), -1L);
	KUNIT_EXPECT_EQ(test, se.ret, -EACCES);
	spawn_exec_done(&se);

	se.path = "/tmp/exec-loop";
	write_file(test, se.path, loop, sizeof(loop) - 1, 0755);
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), -1L);
	KUNIT_EXPECT_EQ(test, se.ret, -ELOOP);
	spawn_exec_done(&se);

	/* The PIE names an interpreter that is not there. */
	se.path = "/tmp/exec-pie-alone";
	memcpy(pie->data + 0x200, "/tmp/ld-tide-none.so", 20);
	write_file(test, se.path, pie->data, pie->len, 0755);
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), -1L);
	KUNIT_EXPECT_EQ(test, se.ret, -ENOENT);
	spawn_exec_done(&se);
}

/* execve("/tmp/exec-static", argv at 0x403000, NULL); exit(100 - error). */
static const u8 prog_caller[] = {
	0x48, 0x8d, 0x3d, 0xf9, 0x20, 0x00, 0x00,	/* lea 0x403100(%rip),%rdi */
	0x48, 0x8d, 0x35, 0xf2, 0x1f, 0x00, 0x00,	/* lea 0x403000(%rip),%rsi */
	0x31, 0xd2,					/* xor %edx,%edx */
	0xb8, 0x3b, 0x00, 0x00, 0x00,			/* mov $59,%eax */
	0x0f, 0x05,					/* syscall */
	0x48, 0x89, 0xc7,				/* mov %rax,%rdi */
	0x48, 0xf7, 0xdf,				/* neg %rdi */
	0x48, 0x83, 0xc7, 0x64,				/* add $100,%rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,			/* mov $60,%eax */
	0x0f, 0x05,					/* syscall */
	0x0f, 0x0b,					/* ud2 */
};

/* A program calling execve(2) with argv[0] = @argv0 (an address). */
static struct memfile *build_caller(struct kunit *test, u64 argv0)
{
	struct memfile *m = memfile_new(test, 0x2200);

	set_header(m->data, ET_EXEC, 0x401000, 2);
	set_phdr(m->data, 0, PT_LOAD, PF_R | PF_X, 0, 0x400000,
		 0x1000 + sizeof(prog_caller), 0x1000 + sizeof(prog_caller));
	set_phdr(m->data, 1, PT_LOAD, PF_R | PF_W, 0x2000, 0x403000, 0x200,
		 0x200);
	memcpy(m->data + 0x1000, prog_caller, sizeof(prog_caller));
	memcpy(m->data + 0x2000, &argv0, sizeof(argv0));
	strscpy((char *)m->data + 0x2100, "/tmp/exec-static", 0x100);
	return m;
}

/* execve(2) from user mode replaces the caller; a failed one returns. */
static void exec_syscall_from_user(struct kunit *test)
{
	struct memfile *f = build_static(test);
	struct memfile *good = build_caller(test, 0x403100);
	struct memfile *bad = build_caller(test, 0x10), *empty;
	struct spawn_exec se = { "/tmp/exec-caller", test_argv };

	write_file(test, "/tmp/exec-static", f->data, f->len, 0755);
	write_file(test, se.path, good->data, good->len, 0755);
	/* The static program with argc 1: 40 + 0 + 1. */
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), 41L);
	KUNIT_EXPECT_STREQ(test, se.task->comm, "exec-static");
	spawn_exec_done(&se);
	/* An empty argv: the program gets one empty string, argc 1. */
	empty = build_caller(test, 0);
	write_file(test, se.path, empty->data, empty->len, 0755);
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), 41L);
	spawn_exec_done(&se);
	/* argv[0] is a bad pointer: -EFAULT, and the caller goes on. */
	write_file(test, se.path, bad->data, bad->len, 0755);
	KUNIT_EXPECT_EQ(test, spawn_exec(test, &se), 100L + EFAULT);
	KUNIT_EXPECT_STREQ(test, se.task->comm, "exec-caller");
	spawn_exec_done(&se);
}

static struct kunit_case exec_cases[] = {
	KUNIT_CASE(exec_static_runs),
	KUNIT_CASE(exec_drops_file_refs),
	KUNIT_CASE(exec_stack_layout),
	KUNIT_CASE(exec_pie_with_interp),
	KUNIT_CASE(exec_pie_auxv),
	KUNIT_CASE(exec_refuses_files),
	KUNIT_CASE(exec_headers_far_in),
	KUNIT_CASE(exec_e2big),
	KUNIT_CASE(exec_script_parse),
	KUNIT_CASE(exec_script_args),
	KUNIT_CASE(exec_malformed),
	KUNIT_CASE(exec_kernel_execve_static),
	KUNIT_CASE(exec_kernel_execve_script),
	KUNIT_CASE(exec_kernel_execve_pie),
	KUNIT_CASE(exec_kernel_execve_errors),
	KUNIT_CASE(exec_syscall_from_user),
	{}
};

static struct kunit_suite exec_suite = {
	.name = "exec",
	.test_cases = exec_cases,
};
kunit_test_suite(exec_suite);
