// SPDX-License-Identifier: GPL-2.0
/*
 * Opening files, and the calls on a file's attributes and on the
 * process's directories: open, openat, creat, truncate, chmod, chown,
 * access, utimensat, chdir, fchdir, chroot, getcwd, umask.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include "internal.h"

/* O_TMPFILE is this bit with O_DIRECTORY (Linux's __O_TMPFILE). */
#define O_TMPFILE_BIT	020000000

/* What an O_PATH file, or one whose inode has no operations, gets. */
static const struct file_operations no_file_ops;

/**
 * vfs_truncate - set a regular file's size
 * @path: the file
 * @length: the new size
 *
 * Return: 0, -EISDIR, -EINVAL (not a regular file, negative length),
 * -EROFS, -EPERM (the file system cannot), -EFBIG, -ENOMEM.
 */
int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || length < 0)
		return -EINVAL;
	if (path_is_readonly(path))
		return -EROFS;
	if (!inode->i_op || !inode->i_op->setattr)
		return -EPERM;
	down_write(&inode->i_rwsem);
	err = inode->i_op->setattr(path->dentry, length);
	up_write(&inode->i_rwsem);
	return err;
}

/**
 * dentry_open - open the file at @path
 * @path: what to open (the file takes its own references)
 * @flags: O_* flags (O_CREAT and O_TRUNC are the caller's business)
 *
 * Calls the inode's f_op->open (a character device's finds its driver
 * there). O_PATH files get no operations and no open call.
 *
 * Return: the file, or ERR_PTR(): -ENXIO (block device, socket, or a
 * file with no operations), -ENOMEM, or what the open returned.
 */
struct file *dentry_open(const struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	const struct file_operations *fops = inode->i_fop;
	struct file *f;
	int err;

	if (flags & O_PATH)
		fops = &no_file_ops;
	else if (!fops)
		return ERR_PTR(-ENXIO);
	f = alloc_file(path, flags, fops);
	if (IS_ERR(f) || (flags & O_PATH))
		return f;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			f->f_op = &no_file_ops;	/* no release */
			fput(f);
			return ERR_PTR(err);
		}
	}
	/* As on Linux: without an llseek operation, lseek gives -ESPIPE. */
	if (!f->f_op->llseek)
		f->f_mode &= ~FMODE_LSEEK;
	return f;
}

/* Create the regular file @name (O_CREAT); *@path gets it, referenced. */
static int open_create(int dfd, const char *name, umode_t mode, int flags,
		       struct path *path)
{
	struct path parent;
	struct dentry *d = filename_create(dfd, name, &parent, false);
	struct inode *dir;
	int err;

	if (IS_ERR(d)) {
		err = PTR_ERR(d);
		/* An existing name is fine unless O_EXCL; walk to it. */
		if (err == -EEXIST && !(flags & O_EXCL))
			return -EAGAIN;
		return err;
	}
	dir = parent.dentry->d_inode;
	err = -EACCES;
	if (dir->i_op && dir->i_op->create)
		err = dir->i_op->create(dir, d, S_IFREG |
					(mode & 07777 & ~current_umask()),
					flags & O_EXCL);
	if (!err) {
		path->mnt = mntget(parent.mnt);
		path->dentry = dget(d);
	}
	done_path_create(&parent, d);
	return err;
}

/* The checks of open on an existing file at @path. */
static int may_open(const struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	unsigned int acc = flags & O_ACCMODE;

	if (S_ISLNK(inode->i_mode) && !(flags & O_PATH))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (flags & O_PATH)
		return 0;
	if (S_ISDIR(inode->i_mode) &&
	    (acc != O_RDONLY || (flags & (O_CREAT | O_TRUNC))))
		return -EISDIR;
	if ((acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC)) &&
	    path_is_readonly(path) && S_ISREG(inode->i_mode))
		return -EROFS;
	return 0;
}

/**
 * do_filp_open - openat(2) with a kernel name
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the name
 * @flags: O_* flags
 * @mode: permission bits for O_CREAT
 *
 * Return: the open file, or ERR_PTR(): -ENOENT, -EEXIST (O_CREAT |
 * O_EXCL on an existing name), -EISDIR, -ENOTDIR, -ELOOP (O_NOFOLLOW on a
 * symlink, or too many links), -EROFS, -ENXIO, -ENAMETOOLONG, -ENOMEM,
 * -EOPNOTSUPP (O_TMPFILE: callers fall back to a named file).
 */
struct file *do_filp_open(int dfd, const char *name, int flags,
			  umode_t mode)
{
	unsigned int lf = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct path path;
	struct file *f;
	int err;

	if ((flags & O_TMPFILE_BIT) && (flags & O_DIRECTORY))
		return ERR_PTR(-EOPNOTSUPP);	/* no unnamed files yet */
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if ((flags & O_CREAT) && (flags & O_EXCL)) {
		err = open_create(dfd, name, mode, flags, &path);
	} else {
		err = filename_lookup(dfd, name, lf, &path);
		if (err == -ENOENT && (flags & O_CREAT)) {
			err = open_create(dfd, name, mode, flags, &path);
			if (err == -EAGAIN)	/* made meanwhile */
				err = filename_lookup(dfd, name, lf, &path);
		}
		if (err == -ENOENT && (flags & O_CREAT) && *name &&
		    name[strlen(name) - 1] == '/')
			err = -EISDIR;
	}
	if (err)
		return ERR_PTR(err);
	err = may_open(&path, flags);
	if (err)
		goto put;
	f = dentry_open(&path, flags);
	if (IS_ERR(f)) {
		err = PTR_ERR(f);
		goto put;
	}
	if ((flags & O_TRUNC) && (f->f_mode & FMODE_WRITE) &&
	    S_ISREG(f->f_inode->i_mode)) {
		err = vfs_truncate(&path, 0);
		if (err) {
			fput(f);
			goto put;
		}
	}
	path_put(&path);
	return f;
put:
	path_put(&path);
	return ERR_PTR(err);
}

/**
 * filp_open - open a file by name, for the kernel
 * @name: a kernel string, from the caller's working directory
 * @flags: O_* flags
 * @mode: permission bits for O_CREAT
 *
 * Return: as do_filp_open().
 */
struct file *filp_open(const char *name, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, name, flags, mode);
}

/**
 * do_sys_openat - open a file and give it a descriptor
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: a kernel string
 * @flags: O_* flags (O_CLOEXEC sets the descriptor's bit)
 * @mode: permission bits for O_CREAT
 *
 * Return: the descriptor, -EMFILE, -EBADF (no table), or an open error.
 */
int do_sys_openat(int dfd, const char *name, int flags, umode_t mode)
{
	struct file *f;
	int fd;

	if (!current->files)
		return -EBADF;
	f = do_filp_open(dfd, name, flags, mode);
	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = fd_install_new(f, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}

static long openat_user(int dfd, unsigned long uname, int flags, umode_t mode)
{
	char *name = getname((const char __user *)uname);
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = do_sys_openat(dfd, name, flags, mode);
	putname(name);
	return ret;
}

static long sys_openat(struct pt_regs *regs)
{
	return openat_user(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			   SC_ARG3(regs));
}
SYSCALL_ENTRY(openat, sys_openat);

static long sys_open(struct pt_regs *regs)
{
	return openat_user(AT_FDCWD, SC_ARG0(regs), SC_ARG1(regs),
			   SC_ARG2(regs));
}
SYSCALL_ENTRY(open, sys_open);

static long sys_creat(struct pt_regs *regs)
{
	return openat_user(AT_FDCWD, SC_ARG0(regs),
			   O_CREAT | O_WRONLY | O_TRUNC, SC_ARG1(regs));
}
SYSCALL_ENTRY(creat, sys_creat);

/* Look up a user name with @flags from @dfd; *@path referenced. */
static int user_path_at(int dfd, unsigned long uname, unsigned int flags,
			struct path *path)
{
	char *name = getname((const char __user *)uname);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_lookup(dfd, name, flags, path);
	putname(name);
	return err;
}

static long sys_truncate(struct pt_regs *regs)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, SC_ARG0(regs), LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = vfs_truncate(&path, (long)SC_ARG1(regs));
	path_put(&path);
	return err;
}
SYSCALL_ENTRY(truncate, sys_truncate);

/**
 * do_ftruncate - ftruncate(2)
 * @fd: a descriptor open for writing
 * @length: the new size
 *
 * Return: 0, -EBADF, -EINVAL (not open for writing, not a regular file,
 * negative length), or vfs_truncate()'s errors.
 */
int do_ftruncate(unsigned int fd, loff_t length)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = -EINVAL;
	if ((f->f_mode & FMODE_WRITE) && !S_ISDIR(f->f_inode->i_mode))
		err = vfs_truncate(&f->f_path, length);
	fput(f);
	return err;
}

static long sys_ftruncate(struct pt_regs *regs)
{
	return do_ftruncate(SC_ARG0(regs), (long)SC_ARG1(regs));
}
SYSCALL_ENTRY(ftruncate, sys_ftruncate);

/* chmod on a looked-up inode: type bits stay. */
static int chmod_inode(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;

	if (path_is_readonly(path))
		return -EROFS;
	WRITE_ONCE(inode->i_mode, (inode->i_mode & S_IFMT) | (mode & 07777));
	inode->i_ctime_ns = inode_now_ns();
	return 0;
}

static int chown_inode(const struct path *path, unsigned int uid,
		       unsigned int gid)
{
	struct inode *inode = path->dentry->d_inode;

	if (path_is_readonly(path))
		return -EROFS;
	if (uid != (unsigned int)-1)
		WRITE_ONCE(inode->i_uid, uid);
	if (gid != (unsigned int)-1)
		WRITE_ONCE(inode->i_gid, gid);
	inode->i_ctime_ns = inode_now_ns();
	return 0;
}

/* Lookup flags of the *at calls' AT_SYMLINK_NOFOLLOW / AT_EMPTY_PATH. */
static int at_flags(int flags, unsigned int allowed, unsigned int *lf)
{
	if (flags & ~allowed)
		return -EINVAL;
	*lf = ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
	      ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0);
	return 0;
}

/**
 * init_chmod - chmod for the kernel (initramfs)
 * @name: a kernel string; a final symlink is followed
 * @mode: the new permission bits (and set-id, sticky)
 *
 * Return: 0, -EROFS, a walk error.
 */
int init_chmod(const char *name, umode_t mode)
{
	struct path path;
	int err = kern_path(name, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_inode(&path, mode);
	path_put(&path);
	return err;
}

/**
 * init_chown - chown for the kernel (initramfs)
 * @name: a kernel string
 * @uid: the new owner, or -1 to keep it
 * @gid: the new group, or -1 to keep it
 * @flags: AT_SYMLINK_NOFOLLOW to change a symlink itself
 *
 * Return: 0, -EINVAL (bad flags), -EROFS, a walk error.
 */
int init_chown(const char *name, unsigned int uid, unsigned int gid,
	       int flags)
{
	unsigned int lf;
	struct path path;
	int err = at_flags(flags, AT_SYMLINK_NOFOLLOW, &lf);

	if (err)
		return err;
	err = kern_path(name, lf, &path);
	if (err)
		return err;
	err = chown_inode(&path, uid, gid);
	path_put(&path);
	return err;
}

static long sys_fchmodat(struct pt_regs *regs)
{
	struct path path;
	long err = user_path_at(SC_ARG0(regs), SC_ARG1(regs), LOOKUP_FOLLOW,
				&path);

	if (err)
		return err;
	err = chmod_inode(&path, SC_ARG2(regs));
	path_put(&path);
	return err;
}
SYSCALL_ENTRY(fchmodat, sys_fchmodat);

static long sys_chmod(struct pt_regs *regs)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, SC_ARG0(regs), LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_inode(&path, SC_ARG1(regs));
	path_put(&path);
	return err;
}
SYSCALL_ENTRY(chmod, sys_chmod);

static long sys_fchmod(struct pt_regs *regs)
{
	struct file *f = fget(SC_ARG0(regs));
	long err;

	if (!f)
		return -EBADF;
	err = chmod_inode(&f->f_path, SC_ARG1(regs));
	fput(f);
	return err;
}
SYSCALL_ENTRY(fchmod, sys_fchmod);

static long chown_at(int dfd, unsigned long uname, unsigned int uid,
		     unsigned int gid, int flags)
{
	unsigned int lf;
	struct path path;
	long err = at_flags(flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &lf);

	if (err)
		return err;
	err = user_path_at(dfd, uname, lf, &path);
	if (err)
		return err;
	err = chown_inode(&path, uid, gid);
	path_put(&path);
	return err;
}

static long sys_fchownat(struct pt_regs *regs)
{
	return chown_at(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			SC_ARG3(regs), SC_ARG4(regs));
}
SYSCALL_ENTRY(fchownat, sys_fchownat);

static long sys_chown(struct pt_regs *regs)
{
	return chown_at(AT_FDCWD, SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			0);
}
SYSCALL_ENTRY(chown, sys_chown);

static long sys_lchown(struct pt_regs *regs)
{
	return chown_at(AT_FDCWD, SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			AT_SYMLINK_NOFOLLOW);
}
SYSCALL_ENTRY(lchown, sys_lchown);

static long sys_fchown(struct pt_regs *regs)
{
	struct file *f = fget(SC_ARG0(regs));
	long err;

	if (!f)
		return -EBADF;
	err = chown_inode(&f->f_path, SC_ARG1(regs), SC_ARG2(regs));
	fput(f);
	return err;
}
SYSCALL_ENTRY(fchown, sys_fchown);

#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4
#define AT_EACCESS	0x200

/**
 * do_faccessat - access(2) and faccessat2(2) with a kernel name
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the name
 * @mode: F_OK or R_OK | W_OK | X_OK
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EACCESS, AT_EMPTY_PATH
 *
 * Every caller is root: X_OK needs an execute bit on a non-directory,
 * W_OK fails on a read-only mount.
 *
 * Return: 0, -EACCES, -EROFS, -EINVAL (bad mode or flags), a walk error.
 */
int do_faccessat(int dfd, const char *name, int mode, int flags)
{
	unsigned int lf;
	struct path path;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	err = at_flags(flags & ~AT_EACCESS, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH,
		       &lf);
	if (err)
		return err;
	err = filename_lookup(dfd, name, lf, &path);
	if (err)
		return err;
	if (mode & X_OK)
		err = inode_permission(path.dentry->d_inode, MAY_EXEC);
	if (!err && (mode & W_OK) && path_is_readonly(&path) &&
	    !S_ISCHR(path.dentry->d_inode->i_mode) &&
	    !S_ISFIFO(path.dentry->d_inode->i_mode))
		err = -EROFS;
	path_put(&path);
	return err;
}

static long access_user(int dfd, unsigned long uname, int mode, int flags)
{
	char *name = getname((const char __user *)uname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_faccessat(dfd, name, mode, flags);
	putname(name);
	return err;
}

static long sys_faccessat2(struct pt_regs *regs)
{
	return access_user(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			   SC_ARG3(regs));
}
SYSCALL_ENTRY(faccessat2, sys_faccessat2);

static long sys_faccessat(struct pt_regs *regs)
{
	return access_user(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs), 0);
}
SYSCALL_ENTRY(faccessat, sys_faccessat);

static long sys_access(struct pt_regs *regs)
{
	return access_user(AT_FDCWD, SC_ARG0(regs), SC_ARG1(regs), 0);
}
SYSCALL_ENTRY(access, sys_access);

#define UTIME_NOW	((1L << 30) - 1)
#define UTIME_OMIT	((1L << 30) - 2)

struct user_timespec {
	long tv_sec;
	long tv_nsec;
};

/* One of utimensat's times: *@ns set unless UTIME_OMIT. */
static int utime_value(const struct user_timespec *t, u64 now, u64 *ns,
		       bool *set)
{
	*set = true;
	if (t->tv_nsec == UTIME_OMIT) {
		*set = false;
		return 0;
	}
	if (t->tv_nsec == UTIME_NOW) {
		*ns = now;
		return 0;
	}
	if (t->tv_nsec < 0 || t->tv_nsec >= NSEC_PER_SEC || t->tv_sec < 0)
		return -EINVAL;
	*ns = (u64)t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
	return 0;
}

/**
 * do_utimensat - utimensat(2) with kernel arguments
 * @dfd: AT_FDCWD or a descriptor
 * @name: the name, or NULL for @dfd itself (futimens)
 * @times: access and modification times, or NULL for now
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH
 *
 * Return: 0, -EINVAL (bad nanoseconds or flags), -EBADF, -EROFS, a walk
 * error.
 */
static int do_utimensat(int dfd, const char *name,
			const struct user_timespec *times, int flags)
{
	u64 now = inode_now_ns(), at = now, mt = now;
	bool set_a = true, set_m = true;
	struct inode *inode;
	unsigned int lf;
	struct path path;
	int err;

	err = at_flags(flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &lf);
	if (err)
		return err;
	if (times) {
		err = utime_value(&times[0], now, &at, &set_a);
		if (!err)
			err = utime_value(&times[1], now, &mt, &set_m);
		if (err)
			return err;
	}
	if (name) {
		err = filename_lookup(dfd, name, lf, &path);
	} else {
		struct file *f = dfd == AT_FDCWD ? NULL : fget(dfd);

		if (!f)
			return -EBADF;
		path = f->f_path;
		path_get(&path);
		fput(f);
	}
	if (err)
		return err;
	inode = path.dentry->d_inode;
	if (path_is_readonly(&path)) {
		err = -EROFS;
	} else {
		if (set_a)
			inode->i_atime_ns = at;
		if (set_m)
			inode->i_mtime_ns = mt;
		inode->i_ctime_ns = now;
	}
	path_put(&path);
	return err;
}

/**
 * init_utimes - set the access and modification times, for the kernel
 * @name: a kernel string; a symlink itself is changed, not followed
 * @mtime_sec: the modification time in seconds (cpio's mtime); the
 * access time gets the same
 *
 * Return: 0, -EROFS, a walk error.
 */
int init_utimes(const char *name, s64 mtime_sec)
{
	struct user_timespec t[2] = {
		{ .tv_sec = mtime_sec }, { .tv_sec = mtime_sec },
	};

	if (mtime_sec < 0)
		return -EINVAL;
	return do_utimensat(AT_FDCWD, name, t, AT_SYMLINK_NOFOLLOW);
}

static long sys_utimensat(struct pt_regs *regs)
{
	const void __user *ut = (const void __user *)SC_ARG2(regs);
	struct user_timespec times[2];
	char *name = NULL;
	long err;

	if (ut && copy_from_user(times, ut, sizeof(times)))
		return -EFAULT;
	if (SC_ARG1(regs)) {
		name = getname((const char __user *)SC_ARG1(regs));
		if (IS_ERR(name))
			return PTR_ERR(name);
	}
	err = do_utimensat(SC_ARG0(regs), name, ut ? times : NULL,
			   SC_ARG3(regs));
	putname(name);
	return err;
}
SYSCALL_ENTRY(utimensat, sys_utimensat);

/* chdir or chroot to @path (referenced, consumed). */
static int set_dir(struct path *path, bool root)
{
	if (!S_ISDIR(path->dentry->d_inode->i_mode)) {
		path_put(path);
		return -ENOTDIR;
	}
	return root ? set_fs_root(path) : set_fs_pwd(path);
}

/**
 * init_chdir - chdir for the kernel (the caller's fs_struct)
 * @name: a kernel string
 *
 * Return: 0, -ENOTDIR, -EINVAL (no fs_struct), a walk error.
 */
int init_chdir(const char *name)
{
	struct path path;
	int err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	return err ? err : set_dir(&path, false);
}

/**
 * init_chroot - chroot for the kernel (the caller's fs_struct)
 * @name: a kernel string
 *
 * Return: as init_chdir().
 */
int init_chroot(const char *name)
{
	struct path path;
	int err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	return err ? err : set_dir(&path, true);
}

static long sys_chdir(struct pt_regs *regs)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, SC_ARG0(regs),
				LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	return err ? err : set_dir(&path, false);
}
SYSCALL_ENTRY(chdir, sys_chdir);

static long sys_chroot(struct pt_regs *regs)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, SC_ARG0(regs),
				LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	return err ? err : set_dir(&path, true);
}
SYSCALL_ENTRY(chroot, sys_chroot);

static long sys_fchdir(struct pt_regs *regs)
{
	struct file *f = fget(SC_ARG0(regs));
	struct path path;

	if (!f)
		return -EBADF;
	path = f->f_path;
	path_get(&path);
	fput(f);
	return set_dir(&path, false);
}
SYSCALL_ENTRY(fchdir, sys_fchdir);

/**
 * do_getcwd - the working directory's name
 * @buf: destination
 * @size: its size
 *
 * Return: the length including the NUL, -ERANGE if @size is too small,
 * -ENOENT if the directory was removed, -ENOMEM.
 */
long do_getcwd(char *buf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path pwd;
	long len;
	char *p;

	if (!page)
		return -ENOMEM;
	get_current_pwd(&pwd);
	if ((pwd.dentry->d_flags & DCACHE_UNHASHED) &&
	    pwd.dentry->d_parent != pwd.dentry) {
		len = -ENOENT;
		goto out;
	}
	p = d_path(&pwd, page, PATH_MAX);
	if (IS_ERR(p)) {
		len = PTR_ERR(p);
		goto out;
	}
	len = strlen(p) + 1;
	if (len > size)
		len = -ERANGE;
	else
		memcpy(buf, p, len);
out:
	path_put(&pwd);
	kfree(page);
	return len;
}

static long sys_getcwd(struct pt_regs *regs)
{
	unsigned long size = min_t(unsigned long, SC_ARG1(regs), PATH_MAX);
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!buf)
		return -ENOMEM;
	len = do_getcwd(buf, size);
	if (len > 0 && copy_to_user((void __user *)SC_ARG0(regs), buf, len))
		len = -EFAULT;
	kfree(buf);
	return len;
}
SYSCALL_ENTRY(getcwd, sys_getcwd);

static long sys_umask(struct pt_regs *regs)
{
	return set_current_umask(SC_ARG0(regs));
}
SYSCALL_ENTRY(umask, sys_umask);
