// SPDX-License-Identifier: GPL-2.0
/*
 * Open files (struct file): made by open, shared by dup() and fork()
 * through references, released at the last fput().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include "internal.h"

/**
 * alloc_file - a new open file on @path
 * @path: what it opens (the file takes its own references)
 * @flags: the O_* flags of the open
 * @fops: its operations
 *
 * f_mode gets FMODE_READ/FMODE_WRITE from the access mode and
 * FMODE_LSEEK; f_op->open is not called here.
 *
 * Return: the file with one reference, or ERR_PTR(-ENOMEM).
 */
struct file *alloc_file(const struct path *path, unsigned int flags,
			const struct file_operations *fops)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	unsigned int acc = flags & O_ACCMODE;

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->f_path = *path;
	path_get(path);
	f->f_inode = path->dentry->d_inode;
	f->f_op = fops;
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC |
			       O_CLOEXEC);
	if (!(flags & O_PATH)) {
		if (acc == O_RDONLY || acc == O_RDWR)
			f->f_mode |= FMODE_READ;
		if (acc == O_WRONLY || acc == O_RDWR)
			f->f_mode |= FMODE_WRITE;
		f->f_mode |= FMODE_LSEEK;
	}
	mutex_init(&f->f_pos_lock);
	atomic_long_set(&f->f_count, 1);
	return f;
}

/**
 * get_file - another reference to an open file
 * @f: the file (the caller holds a reference)
 *
 * Return: @f.
 */
struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

/**
 * fput - drop a reference to an open file
 * @file: the file, or NULL
 *
 * The last reference calls f_op->release and drops the path. Runs the
 * release in the caller's context at once (Tide has no deferred fput):
 * do not call it holding locks a release might take. May sleep.
 */
void fput(struct file *file)
{
	if (!file || !atomic_long_dec_and_test(&file->f_count))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	path_put(&file->f_path);
	kfree(file);
}

/**
 * filp_close - close an open file the kernel opened
 * @file: the file
 *
 * Return: 0.
 */
int filp_close(struct file *file)
{
	fput(file);
	return 0;
}
