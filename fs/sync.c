// SPDX-License-Identifier: GPL-2.0
/*
 * sync(2), syncfs(2), fsync(2), fdatasync(2), and the advice calls
 * (fadvise64). Tide's file systems live in memory, so there is nothing
 * to write back unless a file's fsync says so, and advice changes
 * nothing.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include "internal.h"

/**
 * vfs_fsync - fsync an open file
 * @file: the file
 * @datasync: fdatasync rather than fsync
 *
 * Return: 0, -EINVAL if the file cannot be synced (no fsync: pipes,
 * devices), or the file's error.
 */
int vfs_fsync(struct file *file, int datasync)
{
	if (!file->f_op || !file->f_op->fsync)
		return S_ISDIR(file->f_inode->i_mode) ? 0 : -EINVAL;
	return file->f_op->fsync(file, datasync);
}

static long fsync_fd(unsigned int fd, int datasync)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = vfs_fsync(f, datasync);
	fput(f);
	return err;
}

static long sys_fsync(struct pt_regs *regs)
{
	return fsync_fd(SC_ARG0(regs), 0);
}
SYSCALL_ENTRY(fsync, sys_fsync);

static long sys_fdatasync(struct pt_regs *regs)
{
	return fsync_fd(SC_ARG0(regs), 1);
}
SYSCALL_ENTRY(fdatasync, sys_fdatasync);

static long sys_sync(struct pt_regs *regs)
{
	return 0;
}
SYSCALL_ENTRY(sync, sys_sync);

static long sys_syncfs(struct pt_regs *regs)
{
	struct file *f = fget(SC_ARG0(regs));

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}
SYSCALL_ENTRY(syncfs, sys_syncfs);

#define POSIX_FADV_NOREUSE	5

/**
 * vfs_fadvise - posix_fadvise(): check the advice, then ignore it
 * @fd: the descriptor
 * @len: the length advised on (must not be negative)
 * @advice: POSIX_FADV_NORMAL .. POSIX_FADV_NOREUSE
 *
 * Return: 0, -EBADF, -ESPIPE (a pipe or FIFO), -EINVAL (bad advice or
 * length).
 */
long vfs_fadvise(unsigned int fd, loff_t len, int advice)
{
	struct file *f = fget(fd);
	long err = 0;

	if (!f)
		return -EBADF;
	if (S_ISFIFO(f->f_inode->i_mode))
		err = -ESPIPE;
	else if (advice < 0 || advice > POSIX_FADV_NOREUSE || len < 0)
		err = -EINVAL;
	fput(f);
	return err;
}

static long sys_fadvise64(struct pt_regs *regs)
{
	return vfs_fadvise(SC_ARG0(regs), (long)SC_ARG2(regs), SC_ARG3(regs));
}
SYSCALL_ENTRY(fadvise64, sys_fadvise64);
