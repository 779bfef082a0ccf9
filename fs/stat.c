// SPDX-License-Identifier: GPL-2.0
/*
 * stat(2) and its family: stat, lstat, fstat, newfstatat and statx, in
 * Linux's x86-64 layouts.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include "internal.h"

/**
 * vfs_getattr - the attributes of @pth for stat(2)
 * @pth: the file
 * @kst: filled in
 *
 * st_blocks counts 512-byte units of whole pages for the size.
 *
 * Return: 0.
 */
int vfs_getattr(const struct path *pth, struct kstat *kst)
{
	struct inode *ip = pth->dentry->d_inode;

	memset(kst, 0, sizeof(*kst));
	kst->ino = ip->i_ino;
	kst->dev = ip->i_sb->s_dev;
	kst->rdev = ip->i_rdev;
	kst->mode = READ_ONCE(ip->i_mode);
	kst->nlink = ip->i_nlink;
	kst->uid = ip->i_uid;
	kst->gid = ip->i_gid;
	kst->size = READ_ONCE(ip->i_size);
	kst->blksize = PAGE_SIZE;
	kst->blocks = S_ISREG(kst->mode) ?
		       PAGE_ALIGN(kst->size) / 512 : 0;
	kst->atime_ns = ip->i_atime_ns;
	kst->mtime_ns = ip->i_mtime_ns;
	kst->ctime_ns = ip->i_ctime_ns;
	return 0;
}

/* Linux's x86-64 struct stat, as user space sees it. */
struct user_stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime, st_atime_nsec;
	unsigned long st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	long reserved[3];
};

/**
 * stat_to_user_layout - a kstat in the user struct stat layout
 * @st: the attributes
 * @buf: 144 bytes of destination (struct stat of x86-64)
 */
void stat_to_user_layout(const struct kstat *st, void *buf)
{
	struct user_stat *u = buf;

	memset(u, 0, sizeof(*u));
	u->st_dev = new_encode_dev(st->dev);
	u->st_ino = st->ino;
	u->st_nlink = st->nlink;
	u->st_mode = st->mode;
	u->st_uid = st->uid;
	u->st_gid = st->gid;
	u->st_rdev = new_encode_dev(st->rdev);
	u->st_size = st->size;
	u->st_blksize = st->blksize;
	u->st_blocks = st->blocks;
	u->st_atime = st->atime_ns / NSEC_PER_SEC;
	u->st_atime_nsec = st->atime_ns % NSEC_PER_SEC;
	u->st_mtime = st->mtime_ns / NSEC_PER_SEC;
	u->st_mtime_nsec = st->mtime_ns % NSEC_PER_SEC;
	u->st_ctime = st->ctime_ns / NSEC_PER_SEC;
	u->st_ctime_nsec = st->ctime_ns % NSEC_PER_SEC;
}

/**
 * vfs_fstatat - the attributes of a name or descriptor
 * @dfd: AT_FDCWD or a descriptor
 * @name: a kernel string ("" with AT_EMPTY_PATH: @dfd itself)
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH (0x800 AT_NO_AUTOMOUNT and
 * the statx sync flags are accepted and ignored)
 * @st: filled in
 *
 * Return: 0, -EINVAL (bad flags), -EBADF, a walk error.
 */
int vfs_fstatat(int dfd, const char *name, int flags, struct kstat *st)
{
	unsigned int lf = LOOKUP_FOLLOW;
	struct path pth;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800 | 0x6000))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lf = 0;
	if (flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	if (!*name && (flags & AT_EMPTY_PATH) && dfd == AT_FDCWD) {
		get_current_pwd(&pth);
		err = 0;
	} else {
		err = filename_lookup(dfd, name, lf, &pth);
	}
	if (err)
		return err;
	err = vfs_getattr(&pth, st);
	path_put(&pth);
	return err;
}

static long stat_user(int dfd, unsigned long uname, int flags,
		      unsigned long ubuf)
{
	struct user_stat us;
	struct kstat st;
	char *name = getname((const char __user *)uname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_fstatat(dfd, name, flags, &st);
	putname(name);
	if (err)
		return err;
	stat_to_user_layout(&st, &us);
	return copy_to_user((void __user *)ubuf, &us, sizeof(us)) ?
	       -EFAULT : 0;
}

static long sys_stat(struct pt_regs *regs)
{
	return stat_user(AT_FDCWD, SC_ARG0(regs), 0, SC_ARG1(regs));
}
SYSCALL_ENTRY(stat, sys_stat);

static long sys_lstat(struct pt_regs *regs)
{
	return stat_user(AT_FDCWD, SC_ARG0(regs), AT_SYMLINK_NOFOLLOW,
			 SC_ARG1(regs));
}
SYSCALL_ENTRY(lstat, sys_lstat);

static long sys_newfstatat(struct pt_regs *regs)
{
	return stat_user(SC_ARG0(regs), SC_ARG1(regs), SC_ARG3(regs),
			 SC_ARG2(regs));
}
SYSCALL_ENTRY(newfstatat, sys_newfstatat);

/**
 * vfs_fstat - the attributes of an open file
 * @fd: the descriptor
 * @st: filled in
 *
 * Return: 0 or -EBADF.
 */
int vfs_fstat(unsigned int fd, struct kstat *st)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, st);
	fput(f);
	return err;
}

static long sys_fstat(struct pt_regs *regs)
{
	struct user_stat us;
	struct kstat st;
	long err = vfs_fstat(SC_ARG0(regs), &st);

	if (err)
		return err;
	stat_to_user_layout(&st, &us);
	return copy_to_user((void __user *)SC_ARG1(regs), &us, sizeof(us)) ?
	       -EFAULT : 0;
}
SYSCALL_ENTRY(fstat, sys_fstat);

/* Linux's struct statx (256 bytes). */
struct user_statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 reserved;
};

struct user_statx {
	u32 stx_mask;
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 spare0;
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct user_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major;
	u32 stx_rdev_minor;
	u32 stx_dev_major;
	u32 stx_dev_minor;
	u64 spare[14];
};

#define STATX_BASIC_STATS	0x07ffU
#define STATX__RESERVED		0x80000000U

static void statx_time(struct user_statx_timestamp *t, u64 ns)
{
	t->tv_sec = ns / NSEC_PER_SEC;
	t->tv_nsec = ns % NSEC_PER_SEC;
}

/**
 * statx_to_user_layout - a kstat in the user struct statx layout
 * @st: the attributes
 * @buf: 256 bytes of destination
 */
void statx_to_user_layout(const struct kstat *st, void *buf)
{
	struct user_statx *x = buf;

	memset(x, 0, sizeof(*x));
	x->stx_mask = STATX_BASIC_STATS;
	x->stx_blksize = st->blksize;
	x->stx_nlink = st->nlink;
	x->stx_uid = st->uid;
	x->stx_gid = st->gid;
	x->stx_mode = st->mode;
	x->stx_ino = st->ino;
	x->stx_size = st->size;
	x->stx_blocks = st->blocks;
	statx_time(&x->stx_atime, st->atime_ns);
	statx_time(&x->stx_ctime, st->ctime_ns);
	statx_time(&x->stx_mtime, st->mtime_ns);
	x->stx_rdev_major = MAJOR(st->rdev);
	x->stx_rdev_minor = MINOR(st->rdev);
	x->stx_dev_major = MAJOR(st->dev);
	x->stx_dev_minor = MINOR(st->dev);
}

static long sys_statx(struct pt_regs *regs)
{
	struct user_statx ux;
	struct kstat st;
	char *name;
	long err;

	if (SC_ARG3(regs) & STATX__RESERVED)
		return -EINVAL;
	name = getname((const char __user *)SC_ARG1(regs));
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_fstatat(SC_ARG0(regs), name, SC_ARG2(regs), &st);
	putname(name);
	if (err)
		return err;
	statx_to_user_layout(&st, &ux);
	return copy_to_user((void __user *)SC_ARG4(regs), &ux, sizeof(ux)) ?
	       -EFAULT : 0;
}
SYSCALL_ENTRY(statx, sys_statx);
