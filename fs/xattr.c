// SPDX-License-Identifier: GPL-2.0
/*
 * Extended attributes: Tide's file systems keep none. The calls still
 * check their file (so a missing one is -ENOENT and a closed descriptor
 * -EBADF), then answer as Linux does for a file without attributes: no
 * such attribute (-ENODATA), an empty list, and setting is not supported
 * (-EOPNOTSUPP). GNU ls, cp and tar ask and carry on.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include "internal.h"

static long xattr_answer(enum xattr_op op)
{
	switch (op) {
	case XATTR_LIST:
		return 0;
	case XATTR_SET:
		return -EOPNOTSUPP;
	default:
		return -ENODATA;
	}
}

/**
 * vfs_xattr_path - what an xattr call on a path answers
 * @name: a kernel string
 * @follow: follow a final symlink (false for the l* calls)
 * @op: XATTR_GET, XATTR_SET, XATTR_LIST or XATTR_REMOVE
 *
 * Return: 0 (an empty list), -ENODATA, -EOPNOTSUPP, or a walk error.
 */
long vfs_xattr_path(const char *name, bool follow, enum xattr_op op)
{
	struct path path;
	long err;

	err = filename_lookup(AT_FDCWD, name, follow ? LOOKUP_FOLLOW : 0, &path);
	if (err)
		return err;
	path_put(&path);
	return xattr_answer(op);
}

static long xattr_path(unsigned long uname, bool follow, enum xattr_op op)
{
	char *name = getname((const char __user *)uname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_xattr_path(name, follow, op);
	putname(name);
	return err;
}

static long xattr_fd(unsigned int fd, enum xattr_op op)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return xattr_answer(op);
}

#define XATTR_CALLS(op, name)						\
static long sys_##name(struct pt_regs *regs)				\
{									\
	return xattr_path(SC_ARG0(regs), true, op);			\
}									\
SYSCALL_ENTRY(name, sys_##name);					\
static long sys_l##name(struct pt_regs *regs)				\
{									\
	return xattr_path(SC_ARG0(regs), false, op);			\
}									\
SYSCALL_ENTRY(l##name, sys_l##name);					\
static long sys_f##name(struct pt_regs *regs)				\
{									\
	return xattr_fd(SC_ARG0(regs), op);				\
}									\
SYSCALL_ENTRY(f##name, sys_f##name)

XATTR_CALLS(XATTR_GET, getxattr);
XATTR_CALLS(XATTR_SET, setxattr);
XATTR_CALLS(XATTR_LIST, listxattr);
XATTR_CALLS(XATTR_REMOVE, removexattr);
