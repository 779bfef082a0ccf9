// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the memory system calls behind mmap(2)'s family: mprotect
 * splitting and merging VMAs and changing page-table entries, mremap
 * growing, shrinking and moving with the data, brk, madvise, private
 * file mappings and their references, shared anonymous objects, and
 * dup_mm(). Pages are touched through the uaccess calls in the test
 * thread, which runs on the mm under test.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <kunit/test.h>
#include "vma_kunit.h"

#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define RW	(PROT_READ | PROT_WRITE)
#define A	0x100000UL	/* where most cases map */
#define PG	PAGE_SIZE

static void calls_unuse(void *mm)
{
	kthread_unuse_mm(mm);
}

/* A new mm that the test thread runs on until the case ends. */
static struct mm_struct *use_new_mm(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	kthread_use_mm(mm);
	mmput(mm);	/* the thread's reference is the one left */
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, calls_unuse, mm),
			0);
	return mm;
}

static long map(struct mm_struct *mm, unsigned long addr, unsigned long len,
		unsigned long prot)
{
	return vm_mmap_anon(mm, addr, len, prot, ANON | MAP_FIXED);
}

static int mprotect(struct mm_struct *mm, unsigned long start,
		    unsigned long len, unsigned long prot)
{
	int ret;

	mmap_write_lock(mm);
	ret = do_mprotect(mm, start, len, prot);
	mmap_write_unlock(mm);
	return ret;
}

static long mremap(struct mm_struct *mm, unsigned long addr,
		   unsigned long old_len, unsigned long new_len, unsigned long flags,
		   unsigned long new_addr)
{
	long ret;

	mmap_write_lock(mm);
	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	mmap_write_unlock(mm);
	return ret;
}

/* Fill @len bytes at @addr with a pattern that starts from @seed. */
static void fill(struct kunit *test, unsigned long addr, size_t len, u8 seed)
{
	size_t i;
	u8 b;

	for (i = 0; i < len; i += 512) {
		b = seed + i / 512;
		KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(addr + i),
						   &b, 1), 0UL);
	}
}

static bool check(unsigned long addr, size_t len, u8 seed)
{
	size_t i;
	u8 b;

	for (i = 0; i < len; i += 512)
		if (copy_from_user(&b, (void __user *)(addr + i), 1) ||
		    b != (u8)(seed + i / 512))
			return false;
	return true;
}

/* mprotect of the middle splits in three; giving it back merges. */
static void calls_mprotect_middle(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test);

	KUNIT_ASSERT_EQ(test, map(mm, A, 16 * PG, RW), (long)A);
	KUNIT_EXPECT_EQ(test, mprotect(mm, A + 4 * PG, 4 * PG, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	expect_vma(test, mm, 0, A, A + 4 * PG, VM_READ | VM_WRITE);
	expect_vma(test, mm, 1, A + 4 * PG, A + 8 * PG, VM_READ);
	expect_vma(test, mm, 2, A + 8 * PG, A + 16 * PG, VM_READ | VM_WRITE);
	/* A range with a hole changes nothing. */
	KUNIT_EXPECT_EQ(test, mprotect(mm, A + 12 * PG, 8 * PG, PROT_NONE),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	KUNIT_EXPECT_EQ(test, mprotect(mm, A + 1, PG, PROT_READ), -EINVAL);
	KUNIT_EXPECT_EQ(test, mprotect(mm, A, PG, 0x8), -EINVAL);
	KUNIT_EXPECT_EQ(test, mprotect(mm, A, 0, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, mprotect(mm, A + 4 * PG, 4 * PG, RW), 0);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	expect_vma(test, mm, 0, A, A + 16 * PG, VM_READ | VM_WRITE);
}

/* The entries follow: read-only refuses writes, PROT_NONE keeps data. */
static void calls_mprotect_entries(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test);
	pgentry_t *pte;
	u8 b = 1;

	KUNIT_ASSERT_EQ(test, map(mm, A, 2 * PG, RW), (long)A);
	fill(test, A, 2 * PG, 7);
	KUNIT_ASSERT_EQ(test, mprotect(mm, A, PG, PROT_READ), 0);
	pte = user_pte_lookup(mm, A);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, *pte & (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW),
			_PAGE_PRESENT | _PAGE_USER);
	KUNIT_EXPECT_NE(test, copy_to_user((void __user *)A, &b, 1), 0UL);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(A + PG), &b, 1),
			0UL);
	KUNIT_ASSERT_EQ(test, mprotect(mm, A, PG, PROT_NONE), 0);
	KUNIT_EXPECT_EQ(test, *pte & (_PAGE_PRESENT | _PAGE_USER),
			_PAGE_PRESENT);
	KUNIT_ASSERT_EQ(test, mprotect(mm, A, PG, RW), 0);
	KUNIT_EXPECT_EQ(test, *pte & (_PAGE_USER | _PAGE_RW | _PAGE_NX),
			_PAGE_USER | _PAGE_RW | _PAGE_NX);
	KUNIT_EXPECT_TRUE(test, check(A, PG, 7));
	KUNIT_ASSERT_EQ(test, mprotect(mm, A, PG, PROT_READ | PROT_EXEC), 0);
	KUNIT_EXPECT_EQ(test, *pte & _PAGE_NX, 0ULL);
}

/* A move takes the pages along: the data is at the new address. */
static void calls_mremap_move(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test);
	unsigned long pages = mm->nr_pages;
	long to;

	KUNIT_ASSERT_EQ(test, map(mm, A, 3 * PG, RW), (long)A);
	KUNIT_ASSERT_EQ(test, map(mm, A + 3 * PG, PG, PROT_READ),
			(long)(A + 3 * PG));
	fill(test, A, 3 * PG, 3);
	pages = mm->nr_pages - pages;
	/* The next page is taken: no growth in place, no move allowed. */
	KUNIT_EXPECT_EQ(test, mremap(mm, A, 3 * PG, 5 * PG, 0, 0),
			(long)-ENOMEM);
	to = mremap(mm, A, 3 * PG, 5 * PG, MREMAP_MAYMOVE, 0);
	KUNIT_ASSERT_GT(test, to, 0L);
	KUNIT_EXPECT_NE(test, to, (long)A);
	KUNIT_EXPECT_TRUE(test, check(to, 3 * PG, 3));
	KUNIT_EXPECT_EQ(test, mm->nr_pages, pages);	/* moved, not copied */
	KUNIT_EXPECT_EQ(test, find_vma(mm, A)->vm_start, A + 3 * PG);
	KUNIT_EXPECT_EQ(test, find_vma(mm, to)->vm_end, to + 5 * PG);
	/* MREMAP_FIXED to a chosen place, over what was there. */
	KUNIT_ASSERT_EQ(test, map(mm, 0x400000, PG, PROT_READ), 0x400000L);
	KUNIT_EXPECT_EQ(test, mremap(mm, to, 5 * PG, 2 * PG,
				     MREMAP_MAYMOVE | MREMAP_FIXED,
				     0x400000), 0x400000L);
	KUNIT_EXPECT_TRUE(test, check(0x400000, 2 * PG, 3));
	expect_vma(test, mm, 1, 0x400000, 0x402000, VM_READ | VM_WRITE);
	KUNIT_EXPECT_EQ(test, mremap(mm, 0x400000, 2 * PG, 2 * PG,
				     MREMAP_MAYMOVE | MREMAP_FIXED,
				     0x401000), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, mremap(mm, 0x400000, 2 * PG, 2 * PG,
				     MREMAP_FIXED, 0x600000), (long)-EINVAL);
}

/* Growing in place when there is room, shrinking, and bad ranges. */
static void calls_mremap_resize(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test);

	KUNIT_ASSERT_EQ(test, map(mm, A, 2 * PG, RW), (long)A);
	fill(test, A, 2 * PG, 9);
	KUNIT_EXPECT_EQ(test, mremap(mm, A, 2 * PG, 6 * PG, 0, 0), (long)A);
	expect_vma(test, mm, 0, A, A + 6 * PG, VM_READ | VM_WRITE);
	KUNIT_EXPECT_TRUE(test, check(A, 2 * PG, 9));
	KUNIT_EXPECT_EQ(test, mremap(mm, A, 6 * PG, PG, 0, 0), (long)A);
	expect_vma(test, mm, 0, A, A + PG, VM_READ | VM_WRITE);
	KUNIT_EXPECT_EQ(test, mremap(mm, A + 8 * PG, PG, 2 * PG,
				     MREMAP_MAYMOVE, 0), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, mremap(mm, A, 2 * PG, 4 * PG, MREMAP_MAYMOVE,
				     0), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, mremap(mm, A, PG, 0, 0, 0), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, mremap(mm, A + 1, PG, PG, 0, 0), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, mremap(mm, A, PG, PG, 8, 0), (long)-EINVAL);
}

static unsigned long brk(struct mm_struct *mm, unsigned long to)
{
	unsigned long ret;

	mmap_write_lock(mm);
	ret = do_brk(mm, to);
	mmap_write_unlock(mm);
	return ret;
}

/* brk grows and shrinks the heap and answers with the break. */
static void calls_brk(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test);

	mm->start_brk = mm->brk = 0x600000;
	KUNIT_EXPECT_EQ(test, brk(mm, 0), 0x600000UL);
	KUNIT_EXPECT_EQ(test, brk(mm, 0x600100), 0x600100UL);
	expect_vma(test, mm, 0, 0x600000, 0x601000, VM_READ | VM_WRITE);
	KUNIT_EXPECT_EQ(test, brk(mm, 0x603000), 0x603000UL);
	expect_vma(test, mm, 0, 0x600000, 0x603000, VM_READ | VM_WRITE);
	fill(test, 0x600000, 3 * PG, 1);
	KUNIT_EXPECT_EQ(test, brk(mm, 0x601800), 0x601800UL);
	expect_vma(test, mm, 0, 0x600000, 0x602000, VM_READ | VM_WRITE);
	KUNIT_EXPECT_TRUE(test, check(0x600000, 0x1800, 1));
	/* Below the start, or into another mapping: the break stays. */
	KUNIT_EXPECT_EQ(test, brk(mm, 0x500000), 0x601800UL);
	KUNIT_ASSERT_EQ(test, map(mm, 0x608000, PG, RW), 0x608000L);
	KUNIT_EXPECT_EQ(test, brk(mm, 0x609000), 0x601800UL);
	KUNIT_EXPECT_EQ(test, brk(mm, 0x600000), 0x600000UL);
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
}

/* MADV_DONTNEED gives zeroes back; holes and unknown advice fail. */
static void calls_madvise(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test);
	int ret;

	KUNIT_ASSERT_EQ(test, map(mm, A, 2 * PG, RW), (long)A);
	fill(test, A, 2 * PG, 5);
	mmap_write_lock(mm);
	ret = do_madvise(mm, A, PG, MADV_DONTNEED);
	mmap_write_unlock(mm);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_TRUE(test, check(A + PG, PG, 5 + PG / 512));
	KUNIT_EXPECT_FALSE(test, check(A, PG, 5));
	KUNIT_EXPECT_TRUE(test, check(A, 1, 0));	/* reads zero */
	mmap_write_lock(mm);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, A, 4 * PG, 0), -ENOMEM);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, A, PG, 6), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, A + 1, PG, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, A, PG, 14), 0);	/* HUGEPAGE */
	mmap_write_unlock(mm);
}

/* A file whose bytes are a buffer in memory. */
struct memfile {
	struct file file;
	struct inode inode;
	u8 data[4 * PAGE_SIZE];
};

static ssize_t memfile_read(struct file *f, char __user *buf, size_t len,
			    loff_t *pos)
{
	struct memfile *m = container_of(f, struct memfile, file);

	if (*pos >= sizeof(m->data))
		return 0;
	len = min(len, (size_t)(sizeof(m->data) - *pos));
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

static void calls_kfree(void *p)
{
	kfree(p);
}

static struct memfile *memfile_new(struct kunit *test)
{
	struct memfile *m = kzalloc(sizeof(*m), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, calls_kfree, m),
			0);
	for (i = 0; i < sizeof(m->data); i += 512)
		m->data[i] = 0x40 + i / 512;
	m->inode.i_mode = S_IFREG | 0644;
	m->inode.i_size = sizeof(m->data);
	m->file.f_inode = &m->inode;
	m->file.f_op = &memfile_fops;
	m->file.f_mode = FMODE_READ;
	atomic_long_add_return(1, &m->file.f_count);
	return m;
}

static long refs(struct memfile *m)
{
	return atomic_long_add_return(0, &m->file.f_count);
}

/* A private file mapping shows the file at its offset and holds refs. */
static void calls_file_mapping(struct kunit *test)
{
	struct memfile *f = memfile_new(test);
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	u8 b = 0;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	kthread_use_mm(mm);
	KUNIT_ASSERT_EQ(test, vm_mmap(mm, A, 4 * PG, RW, MAP_PRIVATE |
				      MAP_FIXED, &f->file, 1), (long)A);
	KUNIT_EXPECT_EQ(test, refs(f), 2L);
	vma = find_vma(mm, A);
	KUNIT_EXPECT_PTR_EQ(test, vma->vm_file, &f->file);
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, 1UL);
	KUNIT_EXPECT_TRUE(test, check(A, 3 * PG, 0x40 + PG / 512));
	/* Past the file's end: zeroes. */
	b = 1;
	KUNIT_EXPECT_EQ(test, copy_from_user(&b, (void __user *)(A + 3 * PG),
					     1), 0UL);
	KUNIT_EXPECT_EQ(test, b, 0);
	/* Private: writing does not reach the file. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)A, &b, 1), 0UL);
	KUNIT_EXPECT_EQ(test, f->data[PG], 0x40 + PG / 512);
	/* A split takes a reference; the offset follows. */
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, A + PG, PG), 0);
	KUNIT_EXPECT_EQ(test, refs(f), 3L);
	KUNIT_EXPECT_EQ(test, find_vma(mm, A + PG)->vm_pgoff, 3UL);
	/* MADV_DONTNEED reads the file again. */
	mmap_write_lock(mm);
	KUNIT_EXPECT_EQ(test, do_madvise(mm, A, PG, MADV_DONTNEED), 0);
	mmap_write_unlock(mm);
	KUNIT_EXPECT_TRUE(test, check(A, PG, 0x40 + PG / 512));
	kthread_unuse_mm(mm);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, refs(f), 1L);
}

/* The errnos of file mappings Tide refuses. */
static void calls_file_errors(struct kunit *test)
{
	struct memfile *f = memfile_new(test);
	struct mm_struct *mm = use_new_mm(test);

	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, PROT_READ, MAP_PRIVATE, NULL,
				      0), (long)-EBADF);
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, PROT_READ, MAP_SHARED,
				      &f->file, 0), (long)-ENODEV);
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, RW, MAP_SHARED, &f->file, 0),
			(long)-EACCES);
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, PROT_READ, MAP_PRIVATE,
				      &f->file, ~0UL), (long)-EOVERFLOW);
	/* A pipe (or any file but a regular one) has no pages to map. */
	f->inode.i_mode = S_IFIFO | 0644;
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, PROT_READ, MAP_PRIVATE,
				      &f->file, 0), (long)-ENODEV);
	f->file.f_mode = 0;
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, PROT_READ, MAP_PRIVATE,
				      &f->file, 0), (long)-EACCES);
	KUNIT_EXPECT_EQ(test, refs(f), 1L);
	KUNIT_EXPECT_EQ(test, mm->map_count, 0);
}

/* MAP_FIXED_NOREPLACE fails on a taken range; unknown flags are checked. */
static void calls_fixed_noreplace(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test);

	KUNIT_ASSERT_EQ(test, map(mm, A, 2 * PG, RW), (long)A);
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, A + PG, 2 * PG, RW,
				      ANON | MAP_FIXED_NOREPLACE, NULL, 0),
			(long)-EEXIST);
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, A + 2 * PG, PG, RW,
				      ANON | MAP_FIXED_NOREPLACE, NULL, 0),
			(long)(A + 2 * PG));
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, RW, MAP_SHARED_VALIDATE |
				      MAP_ANONYMOUS | 0x40, NULL, 0),
			(long)-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0, PG, RW, MAP_ANONYMOUS, NULL, 0),
			(long)-EINVAL);
	/* MAP_POPULATE fills the pages at once. */
	KUNIT_EXPECT_EQ(test, vm_mmap(mm, 0x400000, 4 * PG, RW, ANON |
				      MAP_FIXED | MAP_POPULATE | MAP_STACK |
				      MAP_NORESERVE, NULL, 0), 0x400000L);
	KUNIT_EXPECT_EQ(test, mm->nr_pages, 4UL);
}

/* A shared anonymous object is one for every VMA and every copy. */
static void calls_shared_anon(struct kunit *test)
{
	struct mm_struct *mm = use_new_mm(test), *copy;
	struct vm_area_struct *lo, *hi;
	struct shared_anon *sa;

	KUNIT_ASSERT_EQ(test, vm_mmap(mm, A, 4 * PG, RW, MAP_SHARED |
				      MAP_ANONYMOUS | MAP_FIXED, NULL, 0),
			(long)A);
	lo = find_vma(mm, A);
	sa = lo->vm_shared;
	KUNIT_ASSERT_NOT_NULL(test, sa);
	KUNIT_EXPECT_EQ(test, lo->vm_flags, VM_READ | VM_WRITE | VM_SHARED);
	KUNIT_EXPECT_EQ(test, sa->nr_pages, 4UL);
	KUNIT_EXPECT_EQ(test, vm_munmap(mm, A + PG, PG), 0);
	hi = find_vma(mm, A + 2 * PG);
	KUNIT_EXPECT_PTR_EQ(test, hi->vm_shared, sa);
	KUNIT_EXPECT_EQ(test, hi->vm_pgoff, 2UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&sa->refs), 2);
	KUNIT_EXPECT_NOT_NULL(test, shared_anon_page(hi, A + 3 * PG));
	KUNIT_EXPECT_PTR_EQ(test, shared_anon_page(hi, A + 3 * PG),
			    sa->pages[3]);
	copy = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_EXPECT_EQ(test, atomic_read(&sa->refs), 4);
	KUNIT_EXPECT_PTR_EQ(test, shared_anon_page(find_vma(copy, A + 3 * PG),
						   A + 3 * PG), sa->pages[3]);
	mmput(copy);
	KUNIT_EXPECT_EQ(test, atomic_read(&sa->refs), 2);
}

/* dup_mm copies every VMA, file references and the program fields. */
static void calls_dup_mm(struct kunit *test)
{
	struct memfile *f = memfile_new(test);
	struct mm_struct *mm = use_new_mm(test), *copy;
	int i;

	KUNIT_ASSERT_EQ(test, map(mm, A, 2 * PG, RW), (long)A);
	KUNIT_ASSERT_EQ(test, vm_mmap(mm, 0x400000, PG, PROT_READ,
				      MAP_PRIVATE | MAP_FIXED, &f->file, 2),
			0x400000L);
	mm->exe_file = get_file(&f->file);
	mm->start_brk = 0x500000;
	mm->brk = 0x501234;
	mm->arg_start = 0x7ff000;
	KUNIT_EXPECT_EQ(test, refs(f), 3L);
	copy = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_EXPECT_EQ(test, copy->map_count, 2);
	for (i = 0; i < 2; i++) {
		struct vm_area_struct *a = nth_vma(mm, i), *b = nth_vma(copy, i);

		KUNIT_EXPECT_EQ(test, a->vm_start, b->vm_start);
		KUNIT_EXPECT_EQ(test, a->vm_end, b->vm_end);
		KUNIT_EXPECT_EQ(test, a->vm_flags, b->vm_flags);
		KUNIT_EXPECT_PTR_EQ(test, a->vm_file, b->vm_file);
		KUNIT_EXPECT_EQ(test, a->vm_pgoff, b->vm_pgoff);
		KUNIT_EXPECT_PTR_EQ(test, b->vm_mm, copy);
	}
	KUNIT_EXPECT_EQ(test, refs(f), 5L);
	KUNIT_EXPECT_PTR_EQ(test, copy->exe_file, &f->file);
	KUNIT_EXPECT_EQ(test, copy->brk, 0x501234UL);
	KUNIT_EXPECT_EQ(test, copy->start_brk, 0x500000UL);
	KUNIT_EXPECT_EQ(test, copy->arg_start, 0x7ff000UL);
	mmput(copy);
	KUNIT_EXPECT_EQ(test, refs(f), 3L);
}

static struct kunit_case calls_cases[] = {
	KUNIT_CASE(calls_mprotect_middle),
	KUNIT_CASE(calls_mprotect_entries),
	KUNIT_CASE(calls_mremap_move),
	KUNIT_CASE(calls_mremap_resize),
	KUNIT_CASE(calls_brk),
	KUNIT_CASE(calls_madvise),
	KUNIT_CASE(calls_file_mapping),
	KUNIT_CASE(calls_file_errors),
	KUNIT_CASE(calls_fixed_noreplace),
	KUNIT_CASE(calls_shared_anon),
	KUNIT_CASE(calls_dup_mm),
	{}
};

static struct kunit_suite calls_suite = {
	.name = "mmap_calls",
	.test_cases = calls_cases,
};
kunit_test_suite(calls_suite);
