// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers for simple in-memory file systems: seeking, reading from a
 * kernel buffer, directories whose entries are the dcache's children.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "internal.h"

/**
 * generic_file_llseek - lseek for files whose size is i_size
 * @filp: the file
 * @off: the offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 *
 * Return: the new position, or -EINVAL (bad @whence, negative result).
 */
loff_t generic_file_llseek(struct file *filp, loff_t off, int whence)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		pos = filp->f_pos + off;
		break;
	case SEEK_END:
		pos = READ_ONCE(filp->f_inode->i_size) + off;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	filp->f_pos = pos;
	return pos;
}

/**
 * noop_llseek - lseek that leaves the position alone
 * @filp: the file
 * @off: ignored
 * @whence: ignored
 *
 * Return: the current position.
 */
loff_t noop_llseek(struct file *filp, loff_t off, int whence)
{
	return filp->f_pos;
}

/**
 * simple_read_from_buffer - read(2) of a file whose text is in @text
 * @ubuf: the user buffer
 * @want: bytes wanted
 * @posp: the position, advanced
 * @text: the text
 * @textlen: its length
 *
 * Return: bytes copied (0 at the end), or -EFAULT if none could be.
 */
ssize_t simple_read_from_buffer(void __user *ubuf, size_t want, loff_t *posp,
				const void *text, size_t textlen)
{
	loff_t pos = *posp;
	size_t n, left;

	if (pos < 0)
		return -EINVAL;
	if (pos >= textlen || !want)
		return 0;
	n = min_t(size_t, want, textlen - pos);
	left = copy_to_user(ubuf, text + pos, n);
	if (left == n)
		return -EFAULT;
	n -= left;
	*posp = pos + n;
	return n;
}

/**
 * dir_emit - hand one directory entry to a readdir consumer
 * @ctx: the consumer
 * @ename: the name (not NUL-terminated necessarily)
 * @elen: its length
 * @eino: the inode number
 * @etype: DT_* type
 *
 * Return: true to go on, false if the consumer is full.
 */
bool dir_emit(struct dir_context *ctx, const char *ename, int elen,
	      u64 eino, unsigned int etype)
{
	return ctx->actor(ctx, ename, elen, ctx->pos, eino, etype);
}

/**
 * dir_emit_dots - emit "." and ".." at positions 0 and 1
 * @filp: the open directory
 * @ctx: the consumer; ctx->pos advances past what was emitted
 *
 * Return: true to go on, false if the consumer is full.
 */
bool dir_emit_dots(struct file *filp, struct dir_context *ctx)
{
	struct dentry *d = filp->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct inode *pi;

		spin_lock(&dcache_lock);
		pi = d->d_parent->d_inode;
		spin_unlock(&dcache_lock);
		if (!dir_emit(ctx, "..", 2, pi->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/**
 * dcache_readdir - readdir of a directory whose entries are its cached
 * positive children (tmpfs, simple file systems)
 * @filp: the open directory
 * @ctx: the consumer
 *
 * Position n >= 2 is the (n-2)th child on the list; entries added or
 * removed between calls may shift what the next call sees, as on any
 * file system without stable cookies.
 *
 * Return: 0.
 */
int dcache_readdir(struct file *filp, struct dir_context *ctx)
{
	struct dentry *dip = filp->f_path.dentry;
	char name[NAME_MAX + 1];

	if (!dir_emit_dots(filp, ctx))
		return 0;
	for (;;) {
		struct dentry *c;
		loff_t i = 2;
		bool found = false;
		unsigned int len = 0, type = 0;
		u64 ino = 0;

		spin_lock(&dcache_lock);
		list_for_each_entry(c, &dip->d_subdirs, d_child) {
			if (!c->d_inode)
				continue;
			if (i++ < ctx->pos)
				continue;
			len = c->d_name.len;
			memcpy(name, c->d_name.name, len);
			ino = c->d_inode->i_ino;
			type = d_type_of(c->d_inode->i_mode);
			found = true;
			break;
		}
		spin_unlock(&dcache_lock);
		if (!found || !dir_emit(ctx, name, len, ino, type))
			return 0;
		ctx->pos++;
	}
}

/* A directory that only lists what the dcache holds. */
static struct dentry *simple_lookup(struct inode *dip, struct dentry *de,
				    unsigned int flags)
{
	return NULL;
}

const struct file_operations libfs_dir_fops = {
	.llseek = generic_file_llseek,
	.iterate_shared = dcache_readdir,
};

const struct inode_operations libfs_dir_iops = {
	.lookup = simple_lookup,
};

/* A pseudo file system's dentries are never looked up: none is kept. */
static int pseudo_fs_d_delete(const struct dentry *de)
{
	return 1;
}

static const struct dentry_operations pseudo_fs_dentry_ops = {
	.d_delete = pseudo_fs_d_delete,
};

/**
 * pseudo_fs_mount - the root of a new internal file system
 * @type: the file system type whose ->mount this is
 * @magic: what statfs() reports as its f_type
 *
 * For file systems mounted nowhere that only hold the inodes of files
 * made by system calls (pipes, sockets): a super block with a bare root
 * directory, whose dentries go at their last reference.
 *
 * Return: the root dentry with a reference, or ERR_PTR(-ENOMEM) (or
 * what sget_nodev() failed with).
 */
struct dentry *pseudo_fs_mount(struct file_system_type *type,
			       unsigned long magic)
{
	struct super_block *sblk = sget_nodev(type, NULL);
	struct inode *root;

	if (IS_ERR(sblk))
		return ERR_PTR(PTR_ERR(sblk));
	sblk->s_magic = magic;
	sblk->s_d_op = &pseudo_fs_dentry_ops;
	sblk->s_flags |= SB_PSEUDO;
	root = new_inode(sblk);
	if (root) {
		root->i_ino = 1;
		root->i_mode = S_IFDIR | 0700;
	}
	sblk->s_root = d_make_root(root);
	if (!sblk->s_root) {
		kill_anon_super(sblk);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sblk->s_root);
}
