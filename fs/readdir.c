// SPDX-License-Identifier: GPL-2.0
/*
 * Reading directories: iterate_dir() runs a directory's iterate_shared
 * from the open file's position; getdents64(2) packs the entries in
 * Linux's struct linux_dirent64 layout.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

/**
 * iterate_dir - emit a directory's entries from the file position on
 * @file: an open directory
 * @ctx: the consumer; its pos is set from and saved to f_pos
 *
 * Holds no directory lock around the call: the entries' copies to user
 * memory may fault, and the fault may read a file. Entries change under
 * vfs_dir_mutex; the file system's iterate_shared copes with changes
 * between its entries (dcache_readdir() does).
 *
 * Return: 0, -ENOTDIR (no iterate_shared), -ENOENT (the directory was
 * removed), or the file system's error.
 */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file->f_inode;
	int err = -ENOTDIR;

	if (!file->f_op->iterate_shared)
		return err;
	mutex_lock(&file->f_pos_lock);
	err = -ENOENT;
	if (inode->i_nlink) {
		ctx->pos = file->f_pos;
		err = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
		inode->i_atime_ns = inode_now_ns();
	}
	mutex_unlock(&file->f_pos_lock);
	return err;
}

/* The head of struct linux_dirent64; the name follows, NUL-terminated. */
struct dirent64_head {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
} __packed;

#define DIRENT64_NAME_OFF	19

struct getdents_ctx {
	struct dir_context ctx;
	char __user *buf;
	size_t left;
	size_t used;
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int len,
		      loff_t pos, u64 ino, unsigned int type)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	size_t reclen = ALIGN(DIRENT64_NAME_OFF + len + 1, sizeof(u64));
	struct dirent64_head h;
	char __user *d;

	if (reclen > g->left) {
		if (!g->used)
			g->error = -EINVAL;	/* not even one fits */
		return false;
	}
	d = g->buf + g->used;
	h.d_ino = ino;
	h.d_off = pos + 1;
	h.d_reclen = reclen;
	h.d_type = type;
	if (copy_to_user(d, &h, DIRENT64_NAME_OFF) ||
	    copy_to_user(d + DIRENT64_NAME_OFF, name, len) ||
	    clear_user(d + DIRENT64_NAME_OFF + len,
		       reclen - DIRENT64_NAME_OFF - len)) {
		g->error = -EFAULT;
		return false;
	}
	g->used += reclen;
	g->left -= reclen;
	return true;
}

/**
 * ksys_getdents64 - getdents64(2)
 * @fd: an open directory
 * @buf: the user buffer
 * @count: its size
 *
 * Return: bytes placed (0 at the end), -EBADF, -ENOTDIR, -EINVAL (the
 * buffer cannot hold the next entry), -EFAULT.
 */
long ksys_getdents64(unsigned int fd, void __user *buf, unsigned int count)
{
	struct getdents_ctx g = {
		.ctx.actor = filldir64,
		.buf = buf,
		.left = count,
	};
	struct file *f;
	int err;

	if (!access_ok(buf, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = iterate_dir(f, &g.ctx);
	fput(f);
	if (g.used)
		return g.used;
	return g.error ? g.error : err;
}

static long sys_getdents64(struct pt_regs *regs)
{
	return ksys_getdents64(SC_ARG0(regs), (void __user *)SC_ARG1(regs),
			       SC_ARG2(regs));
}
SYSCALL_ENTRY(getdents64, sys_getdents64);
