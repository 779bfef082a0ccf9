// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl(2): duplicating descriptors, their close-on-exec bit, and the
 * status flags (O_APPEND, O_NONBLOCK) of open files.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

/* Commands beyond include/linux/fcntl.h's, Linux's values. */
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_SETOWN	8
#define F_GETOWN	9
#define F_OFD_GETLK	36
#define F_OFD_SETLK	37
#define F_OFD_SETLKW	38
#define F_GETPIPE_SZ	1032
#define F_UNLCK		2

/* The status flags F_SETFL may change, as on Linux for these files. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NOATIME | O_DIRECT)

/**
 * do_fcntl - fcntl(2)
 * @fd: the descriptor
 * @cmd: F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL;
 * record locks always succeed (one process owns each file in practice
 * here): F_GETLK says "unlocked", F_SETLK(W) grant; F_GETOWN is 0,
 * F_SETOWN is accepted; F_GETPIPE_SZ gives 65536 on a pipe
 * @arg: the command's argument
 *
 * Return: what the command gives (a new descriptor, the flags, 0),
 * -EBADF, -EINVAL (unknown command, or a start at or past the limit),
 * -EMFILE.
 */
long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= NR_OPEN_MAX) {
			ret = -EINVAL;
			break;
		}
		ret = fd_alloc_from(get_file(f), arg,
				    cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		if (ret < 0)
			fput(f);
		break;
	case F_GETFD:
		ret = fd_get_cloexec(fd) > 0 ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		ret = fd_set_cloexec(fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		ret = READ_ONCE(f->f_flags);
		break;
	case F_SETFL:
		WRITE_ONCE(f->f_flags, (f->f_flags & ~SETFL_MASK) |
			   (arg & SETFL_MASK));
		ret = 0;
		break;
	case F_GETLK:
	case F_OFD_GETLK:
		/* struct flock starts with short l_type. */
		ret = put_user((short)F_UNLCK, (short __user *)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
	case F_SETOWN:
	case F_GETOWN:
		ret = 0;
		break;
	case F_GETPIPE_SZ:
		ret = S_ISFIFO(f->f_inode->i_mode) ? 65536 : -EBADF;
		break;
	default:
		ret = -EINVAL;
		break;
	}
	fput(f);
	return ret;
}

static long sys_fcntl(struct pt_regs *regs)
{
	return do_fcntl(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs));
}
SYSCALL_ENTRY(fcntl, sys_fcntl);

#define LOCK_SH		1
#define LOCK_EX		2
#define LOCK_NB		4
#define LOCK_UN		8

/* flock(2): whole-file locks, always granted (see do_fcntl()). */
static long sys_flock(struct pt_regs *regs)
{
	unsigned int cmd = SC_ARG1(regs) & ~LOCK_NB;
	struct file *f = fget(SC_ARG0(regs));

	if (!f)
		return -EBADF;
	fput(f);
	if (cmd != LOCK_SH && cmd != LOCK_EX && cmd != LOCK_UN)
		return -EINVAL;
	return 0;
}
SYSCALL_ENTRY(flock, sys_flock);
