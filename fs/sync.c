// SPDX-License-Identifier: GPL-2.0
/*
 * sync(2), fsync(2), fdatasync(2). Tide's file systems live in memory,
 * so there is nothing to write back unless a file's fsync says so.
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
