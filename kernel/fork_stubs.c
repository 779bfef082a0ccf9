// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY weak stand-ins, to be removed by the lead at the merge: the
 * VFS calls fork and exit use (fs/file.c, fs/fs_struct.c, fs.h) and
 * exec's dup_mm() (mm/mm_struct.c), until those branches are merged.
 * The real definitions, being strong, replace these at link time. A
 * process with no files_struct or fs_struct (NULL) simply has none.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm_struct.h>
#include <linux/slab.h>

struct files_struct * __weak dup_fd(struct files_struct *old, int *errorp)
{
	*errorp = 0;
	return NULL;
}

struct files_struct * __weak files_alloc(void)
{
	return NULL;
}

void __weak get_files_struct(struct files_struct *files)
{
}

void __weak put_files_struct(struct files_struct *files)
{
}

struct fs_struct * __weak copy_fs_struct(struct fs_struct *old)
{
	return NULL;
}

struct fs_struct * __weak fs_alloc_root(void)
{
	return NULL;
}

void __weak get_fs_struct(struct fs_struct *fs)
{
}

void __weak put_fs_struct(struct fs_struct *fs)
{
}

struct file * __weak get_file(struct file *f)
{
	return f;
}

void __weak fput(struct file *file)
{
}

ssize_t __weak kernel_read(struct file *file, void *buf, size_t count,
			   loff_t *pos)
{
	return -EIO;
}

/* A copy of @old's VMAs (without files' references) and, COW, its pages. */
struct mm_struct * __weak dup_mm(struct mm_struct *old)
{
	struct vm_area_struct *vma;
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	mmap_write_lock(old);
	list_for_each_entry(vma, &old->vma_list, vm_list) {
		struct vm_area_struct *copy = kzalloc(sizeof(*copy), GFP_KERNEL);

		if (!copy)
			goto fail;
		*copy = *vma;
		copy->vm_mm = mm;
		list_add_tail(&copy->vm_list, &mm->vma_list);
		mm->map_count++;
		if (copy_page_range(mm, old, vma))
			goto fail;
	}
	mm->mmap_base = old->mmap_base;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mmap_write_unlock(old);
	return mm;
fail:
	mmap_write_unlock(old);
	mmput(mm);
	return NULL;
}
