// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl(2): duplicating descriptors, their close-on-exec bit, and the
 * status flags (O_APPEND, O_NONBLOCK) of open files.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include "internal.h"

/* The status flags F_SETFL may change, as on Linux for these files. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NOATIME | O_DIRECT)

/**
 * do_fcntl - fcntl(2)
 * @fd: the descriptor
 * @cmd: F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL
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
