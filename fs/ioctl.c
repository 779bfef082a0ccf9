// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(2): the few commands every file takes (FIOCLEX, FIONCLEX,
 * FIONBIO, FIOASYNC, and FIONREAD on regular files), then the file's own
 * unlocked_ioctl.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIONBIO		0x5421
#define FIOASYNC	0x5452
#define FIONREAD	0x541B

/**
 * do_vfs_ioctl - ioctl(2)
 * @fd: the descriptor
 * @cmd: the command
 * @arg: its argument (a user pointer for most)
 *
 * Return: the command's result, -EBADF, -EFAULT, or -ENOTTY when the
 * file has no ioctl (or O_PATH).
 */
long do_vfs_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;
	int on;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		ret = fd_set_cloexec(fd, cmd == FIOCLEX);
		break;
	case FIONBIO:
		ret = get_user(on, (int __user *)arg);
		if (ret)
			break;
		WRITE_ONCE(f->f_flags, on ? f->f_flags | O_NONBLOCK :
					  f->f_flags & ~O_NONBLOCK);
		break;
	case FIOASYNC:
		ret = get_user(on, (int __user *)arg);
		break;
	default:
		if (cmd == FIONREAD && S_ISREG(f->f_inode->i_mode)) {
			loff_t left = READ_ONCE(f->f_inode->i_size) - f->f_pos;

			ret = put_user((int)max_t(loff_t, left, 0),
				       (int __user *)arg);
			break;
		}
		ret = -ENOTTY;
		if (f->f_op && f->f_op->unlocked_ioctl)
			ret = f->f_op->unlocked_ioctl(f, cmd, arg);
		break;
	}
	fput(f);
	return ret;
}

static long sys_ioctl(struct pt_regs *regs)
{
	return do_vfs_ioctl(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs));
}
SYSCALL_ENTRY(ioctl, sys_ioctl);
