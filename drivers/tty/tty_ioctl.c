// SPDX-License-Identifier: GPL-2.0
/*
 * Terminal ioctls: termios (TCGETS, TCSETS*, and the termios2 forms),
 * window size, flushing, the foreground process group and session, and
 * the controlling terminal (TIOCSCTTY, TIOCNOTTY).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include "tty.h"

/*
 * What Linux gives a serial console: canonical mode with echo and job
 * control characters, CR read as NL, NL written as CR NL, 115200 8N1.
 */
const struct termios2 tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = ONLCR | OPOST,
	.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	.c_line = N_TTY,
	.c_cc = {
		[VINTR] = 'C' & 0x1f,
		[VQUIT] = '\\' & 0x1f,
		[VERASE] = 0x7f,
		[VKILL] = 'U' & 0x1f,
		[VEOF] = 'D' & 0x1f,
		[VTIME] = 0,
		[VMIN] = 1,
		[VSTART] = 'Q' & 0x1f,
		[VSTOP] = 'S' & 0x1f,
		[VSUSP] = 'Z' & 0x1f,
		[VREPRINT] = 'R' & 0x1f,
		[VDISCARD] = 'O' & 0x1f,
		[VWERASE] = 'W' & 0x1f,
		[VLNEXT] = 'V' & 0x1f,
	},
	.c_ispeed = 115200,
	.c_ospeed = 115200,
};

/* Bits per second of the B* codes: B0..B38400, then B57600..B4000000. */
static const u32 tty_low_rates[] = {
	0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800,
	9600, 19200, 38400,
};

static const u32 tty_high_rates[] = {
	0, 57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000,
	1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
};

static u32 tty_code_rate(u32 code, u32 other)
{
	if (code == BOTHER)
		return other;
	if (code & BOTHER)
		return tty_high_rates[code & 0xf];
	return tty_low_rates[code & 0xf];
}

/* Fill in the speeds of a termios set without them (TCSETS*). */
static void tty_derive_speeds(struct termios2 *t)
{
	u32 in = (t->c_cflag & CIBAUD) >> 16;

	t->c_ospeed = tty_code_rate(t->c_cflag & CBAUD, t->c_ospeed);
	t->c_ispeed = in ? tty_code_rate(in, t->c_ispeed) : t->c_ospeed;
}

/* Install @t (TCSETS*, TCSETS2*); @flush first drops the input. */
static void tty_set_termios(struct tty_struct *tty, const struct termios2 *t,
			    bool flush)
{
	struct termios2 old;
	unsigned long flags;

	if (flush)
		n_tty_flush_input(tty);
	spin_lock_irqsave(&tty->lock, flags);
	old = tty->termios;
	tty->termios = *t;
	n_tty_set_termios(tty, &old);
	spin_unlock_irqrestore(&tty->lock, flags);
	/* VMIN, VTIME or ICANON may have made input readable. */
	wake_up_interruptible_all(&tty->input_wait);
}

static void tty_set_winsize(struct tty_struct *tty, const struct winsize *ws)
{
	unsigned long flags;
	bool changed;
	int pgrp;

	spin_lock_irqsave(&tty->lock, flags);
	changed = memcmp(&tty->winsize, ws, sizeof(*ws)) != 0;
	tty->winsize = *ws;
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (changed && pgrp > 0)
		tty->kill_pgrp(pgrp, SIGWINCH);
}

static bool tty_is_set_cmd(unsigned int cmd)
{
	switch (cmd) {
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
	case TCFLSH:
	case TCXONC:
		return true;
	}
	return false;
}

static long tty_termios_ioctl(struct tty_struct *tty, unsigned int cmd,
			      void *karg)
{
	struct termios2 t;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	t = tty->termios;
	spin_unlock_irqrestore(&tty->lock, flags);

	switch (cmd) {
	case TCGETS:
		memcpy(karg, &t, sizeof(struct termios));
		return 0;
	case TCGETS2:
		memcpy(karg, &t, sizeof(t));
		return 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		memcpy(&t, karg, sizeof(struct termios));
		tty_derive_speeds(&t);
		tty_set_termios(tty, &t, cmd == TCSETSF);
		return 0;
	default:	/* TCSETS2, TCSETSW2, TCSETSF2 */
		memcpy(&t, karg, sizeof(t));
		if ((t.c_cflag & CBAUD) != BOTHER)
			tty_derive_speeds(&t);
		tty_set_termios(tty, &t, cmd == TCSETSF2);
		return 0;
	}
}

/**
 * tty_mode_ioctl - the ioctls that need no process context
 * @tty: the terminal
 * @cmd: TCGETS, TCSETS*, TCGETS2, TCSETS2*, TIOCGWINSZ, TIOCSWINSZ,
 *	FIONREAD, TIOCOUTQ, TCFLSH, TCXONC, TCSBRK, TCSBRKP, TIOCGETD,
 *	TIOCGSERIAL, TIOCEXCL, TIOCNXCL
 * @arg: the integer argument (TCFLSH, TCXONC, TCSBRK)
 * @kbuf: the structure or int, in the kernel: read for the set calls,
 *	written for the get calls
 *
 * The caller has done the job-control check. Output is synchronous on
 * Tide, so the "wait for output" forms do not wait.
 *
 * Return: 0, -EINVAL for a bad TCFLSH/TCXONC argument, -ENOTTY for any
 * other @cmd.
 */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd,
		    unsigned long arg, void *kbuf)
{
	unsigned long flags;

	switch (cmd) {
	case TCGETS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCGETS2:
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		return tty_termios_ioctl(tty, cmd, kbuf);
	case TIOCGWINSZ:
		spin_lock_irqsave(&tty->lock, flags);
		memcpy(kbuf, &tty->winsize, sizeof(struct winsize));
		spin_unlock_irqrestore(&tty->lock, flags);
		return 0;
	case TIOCSWINSZ:
		tty_set_winsize(tty, kbuf);
		return 0;
	case FIONREAD:
		*(int *)kbuf = n_tty_inq(tty);
		return 0;
	case TIOCOUTQ:
		*(int *)kbuf = 0;
		return 0;
	case TIOCGETD:
		*(int *)kbuf = N_TTY;
		return 0;
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			n_tty_flush_input(tty);
		return 0;
	case TCXONC:
		return arg > TCION ? -EINVAL : 0;
	case TCSBRK:
	case TCSBRKP:
	case TIOCEXCL:
	case TIOCNXCL:
		return 0;
	case TIOCGSERIAL:
		if (tty->ops->get_serial) {
			memset(kbuf, 0, sizeof(struct serial_struct));
			tty->ops->get_serial(tty, kbuf);
			return 0;
		}
		return -ENOTTY;
	}
	return -ENOTTY;
}

/* Bytes copied in (before) and out (after) tty_mode_ioctl() for @cmd. */
static void tty_ioctl_sizes(unsigned int cmd, size_t *in, size_t *out)
{
	*in = 0;
	*out = 0;
	switch (cmd) {
	case TCGETS:
		*out = sizeof(struct termios);
		break;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		*in = sizeof(struct termios);
		break;
	case TCGETS2:
		*out = sizeof(struct termios2);
		break;
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		*in = sizeof(struct termios2);
		break;
	case TIOCGWINSZ:
		*out = sizeof(struct winsize);
		break;
	case TIOCSWINSZ:
		*in = sizeof(struct winsize);
		break;
	case FIONREAD:
	case TIOCOUTQ:
	case TIOCGETD:
		*out = sizeof(int);
		break;
	case TIOCGSERIAL:
		*out = sizeof(struct serial_struct);
		break;
	}
}

/* TIOCGPGRP, TIOCSPGRP, TIOCGSID, TIOCSCTTY, TIOCNOTTY */
static long tty_job_ioctl(struct tty_struct *tty, unsigned int cmd,
			  unsigned long arg)
{
	int __user *uarg = (int __user *)arg;
	unsigned long flags;
	int val, err;

	if (cmd == TIOCSCTTY)
		return tty_set_ctty(tty, arg == 1);
	if (!tty_is_ctty(tty))
		return -ENOTTY;
	switch (cmd) {
	case TIOCNOTTY:
		disassociate_ctty(false);
		return 0;
	case TIOCGPGRP:
		val = READ_ONCE(tty->pgrp);
		break;
	case TIOCGSID:
		val = READ_ONCE(tty->session);
		break;
	default:	/* TIOCSPGRP */
		err = tty_job_check(tty, SIGTTOU);
		if (err)
			return err;
		if (copy_from_user(&val, uarg, sizeof(val)))
			return -EFAULT;
		if (val < 0)
			return -EINVAL;
		/* Signal 0 only asks whether the group has a process. */
		if (!val || tty->kill_pgrp(val, 0))
			return -ESRCH;
		spin_lock_irqsave(&tty->lock, flags);
		tty->pgrp = val;
		spin_unlock_irqrestore(&tty->lock, flags);
		return 0;
	}
	return copy_to_user(uarg, &val, sizeof(val)) ? -EFAULT : 0;
}

/**
 * tty_ioctl - ioctl(2) on a terminal (file_operations.unlocked_ioctl)
 * @file: an open /dev/ttyS0, /dev/console or /dev/tty
 * @cmd: the request
 * @arg: its argument, a user pointer or an integer
 *
 * TIOCSPGRP wants a group with a process in it (-ESRCH), but Tide
 * cannot yet check that the group is in the caller's session (-EPERM on
 * Linux).
 *
 * Return: 0 or a value, -ENOTTY for an unknown request or for the
 * process-group requests on a terminal that is not the caller's
 * controlling one, -EPERM (TIOCSCTTY), -EINVAL, -EFAULT, -EIO and
 * -ERESTARTSYS (background process group).
 */
long tty_fop_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	union {
		struct termios2 t;
		struct winsize ws;
		struct serial_struct ss;
		int i;
	} k;
	size_t in, out;
	long ret;

	switch (cmd) {
	case TIOCSCTTY:
	case TIOCNOTTY:
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCGSID:
		return tty_job_ioctl(tty, cmd, arg);
	}
	if (tty_is_set_cmd(cmd)) {
		ret = tty_job_check(tty, SIGTTOU);
		if (ret)
			return ret;
	}
	tty_ioctl_sizes(cmd, &in, &out);
	if (in && copy_from_user(&k, (void __user *)arg, in))
		return -EFAULT;
	ret = tty_mode_ioctl(tty, cmd, arg, &k);
	if (!ret && out && copy_to_user((void __user *)arg, &k, out))
		return -EFAULT;
	return ret;
}
