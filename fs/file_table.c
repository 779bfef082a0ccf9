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
 * alloc_file - a new open file on @pth
 * @pth: what it opens (the file takes its own references)
 * @flags: the O_* flags of the open
 * @fops: its operations
 *
 * f_mode gets FMODE_READ/FMODE_WRITE from the access mode and
 * FMODE_LSEEK; f_op->open is not called here.
 *
 * Return: the file with one reference, or ERR_PTR(-ENOMEM).
 */
struct file *alloc_file(const struct path *pth, unsigned int flags,
			const struct file_operations *fops)
{
	struct file *nf = kzalloc(sizeof(*nf), GFP_KERNEL);
	unsigned int acc = flags & O_ACCMODE;

	if (!nf)
		return ERR_PTR(-ENOMEM);
	nf->f_path = *pth;
	path_get(pth);
	nf->f_inode = pth->dentry->d_inode;
	nf->f_op = fops;
	nf->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC |
			       O_CLOEXEC);
	if (!(flags & O_PATH)) {
		if (acc == O_RDONLY || acc == O_RDWR)
			nf->f_mode |= FMODE_READ;
		if (acc == O_WRONLY || acc == O_RDWR)
			nf->f_mode |= FMODE_WRITE;
		nf->f_mode |= FMODE_LSEEK;
	}
	mutex_init(&nf->f_pos_lock);
	atomic_long_set(&nf->f_count, 1);
	return nf;
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
 * @filp: the file, or NULL
 *
 * The last reference calls f_op->release and drops the path. Runs the
 * release in the caller's context at once (Tide has no deferred fput):
 * do not call it holding locks a release might take. May sleep.
 */
void fput(struct file *filp)
{
	if (!filp || !atomic_long_dec_and_test(&filp->f_count))
		return;
	if (filp->f_op && filp->f_op->release)
		filp->f_op->release(filp->f_inode, filp);
	path_put(&filp->f_path);
	kfree(filp);
}

/**
 * filp_close - close an open file the kernel opened
 * @filp: the file
 *
 * Return: 0.
 */
int filp_close(struct file *filp)
{
	fput(filp);
	return 0;
}
