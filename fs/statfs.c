// SPDX-License-Identifier: GPL-2.0
/*
 * statfs(2) and fstatfs(2): a file system's counts in Linux's x86-64
 * struct statfs.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

/* statfs f_flags, Linux's ST_* values. */
#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_VALID	0x0020

/**
 * vfs_statfs - the counts of the file system @pth is on
 * @pth: any file on it
 * @st: filled in (f_flags from the mount's flags)
 *
 * Return: 0, or -ENOSYS if the file system has no statfs.
 */
int vfs_statfs(const struct path *pth, struct kstatfs *st)
{
	struct super_block *sblk = pth->dentry->d_sb;
	int flags = READ_ONCE(pth->mnt->mnt_flags);
	int err;

	memset(st, 0, sizeof(*st));
	if (!sblk->s_op || !sblk->s_op->statfs)
		return -ENOSYS;
	err = sblk->s_op->statfs(pth->dentry, st);
	if (err)
		return err;
	if (!st->f_frsize)
		st->f_frsize = st->f_bsize;
	st->f_flags = ST_VALID | ((flags & MS_RDONLY) ? ST_RDONLY : 0) |
		      ((flags & MS_NOSUID) ? ST_NOSUID : 0) |
		      ((flags & MS_NODEV) ? ST_NODEV : 0) |
		      ((flags & MS_NOEXEC) ? ST_NOEXEC : 0);
	return 0;
}

/* Linux's x86-64 struct statfs (120 bytes). */
struct user_statfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

static long statfs_to_user(const struct path *pth, unsigned long ubuf)
{
	struct user_statfs u;
	struct kstatfs st;
	int err = vfs_statfs(pth, &st);

	if (err)
		return err;
	memset(&u, 0, sizeof(u));
	u.f_type = st.f_type;
	u.f_bsize = st.f_bsize;
	u.f_blocks = st.f_blocks;
	u.f_bfree = st.f_bfree;
	u.f_bavail = st.f_bavail;
	u.f_files = st.f_files;
	u.f_ffree = st.f_ffree;
	u.f_fsid[0] = pth->dentry->d_sb->s_dev;
	u.f_namelen = st.f_namelen;
	u.f_frsize = st.f_frsize;
	u.f_flags = st.f_flags;
	return copy_to_user((void __user *)ubuf, &u, sizeof(u)) ? -EFAULT : 0;
}

static long sys_statfs(struct pt_regs *regs)
{
	char *name = getname((const char __user *)SC_ARG0(regs));
	struct path pth;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_lookup(AT_FDCWD, name, LOOKUP_FOLLOW, &pth);
	putname(name);
	if (err)
		return err;
	err = statfs_to_user(&pth, SC_ARG1(regs));
	path_put(&pth);
	return err;
}
SYSCALL_ENTRY(statfs, sys_statfs);

static long sys_fstatfs(struct pt_regs *regs)
{
	struct file *f = fget(SC_ARG0(regs));
	long err;

	if (!f)
		return -EBADF;
	err = statfs_to_user(&f->f_path, SC_ARG1(regs));
	fput(f);
	return err;
}
SYSCALL_ENTRY(fstatfs, sys_fstatfs);
