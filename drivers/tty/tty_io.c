// SPDX-License-Identifier: GPL-2.0
/*
 * The tty core: the character devices (/dev/ttyS0, /dev/console,
 * /dev/tty), open and close, read and write with the job-control checks,
 * poll, and the controlling terminal of a session.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include "tty.h"

/**
 * DOC: tty core
 *
 * Tide has one terminal, the console's UART (ttyS<n>, usually ttyS0);
 * /dev/console opens it too, and /dev/tty opens the caller's controlling
 * terminal. tty_open_mutex serialises opens and closes (tty->count) and the
 * acquiring of a controlling terminal; a task's signal->tty is set and
 * cleared here only.
 *
 * A terminal is the controlling terminal of the session in tty->session
 * (0: none). A task's signal->tty counts only while its session is that
 * one, so a pointer left behind in a process that did not take part in
 * a TIOCNOTTY or a last close does no harm.
 */

static DEFINE_MUTEX(tty_open_mutex);
static struct tty_struct *console_tty;	/* set once at boot */

#define TTY_WRITE_CHUNK	256	/* bytes processed per turn of tty->lock */

static const struct file_operations tty_file_ops;

/**
 * tty_init_struct - make @tty ready for its driver
 * @tty: zeroed storage
 * @name: "ttyS0"
 * @dev: its device number
 * @ops: the driver's
 *
 * Gives it Linux's termios for a serial console and no window size (0x0,
 * as ttyS0 has on Linux).
 */
void tty_init_struct(struct tty_struct *tty, const char *name, dev_t dev,
		     const struct tty_operations *ops)
{
	tty->name = name;
	tty->dev = dev;
	tty->ops = ops;
	spin_lock_init(&tty->lock);
	mutex_init(&tty->write_mutex);
	init_waitqueue_head(&tty->input_wait);
	tty->termios = tty_std_termios;
	tty->kill_pgrp = kill_pgrp;
	n_tty_open(tty);
}

/**
 * tty_is_ctty_of - is @tty the controlling terminal of @ss's session?
 * @tty: the terminal
 * @ss: a process's shared state (current->signal), may be NULL
 *
 * Return: true if @ss points at @tty and @tty belongs to @ss's session.
 */
bool tty_is_ctty_of(struct tty_struct *tty, struct signal_struct *ss)
{
	return ss && ss->tty == tty && tty->session &&
	       READ_ONCE(tty->session) == ss->session;
}

/* Is @tty the controlling terminal of current's session? */
bool tty_is_ctty(struct tty_struct *tty)
{
	return tty_is_ctty_of(tty, current->signal);
}

/*
 * Has @ss's session a controlling terminal? (signal->tty may be a stale
 * pointer left from an earlier session.)
 */
static bool has_ctty(struct signal_struct *ss)
{
	return ss && ss->tty && READ_ONCE(ss->tty->session) == ss->session;
}

static bool current_has_ctty(void)
{
	return has_ctty(current->signal);
}

static bool current_is_session_leader(void)
{
	struct signal_struct *ss = current->signal;

	return ss && ss->session == current->tgid;
}

/**
 * tty_set_ctty_of - make @tty the controlling terminal of a session
 * @tty: the terminal
 * @ss: the shared state of the process asking (current->signal)
 * @tgid: its process id
 * @steal: take @tty from another session (TIOCSCTTY with arg 1, as root)
 *
 * Takes tty_open_mutex. The foreground process group becomes the
 * process's.
 *
 * Return: 0 (also when it already is), or -EPERM if the process is not a
 * session leader, its session has another controlling terminal, or @tty
 * belongs to another session and @steal is false.
 */
int tty_set_ctty_of(struct tty_struct *tty, struct signal_struct *ss,
		    int tgid, bool steal)
{
	unsigned long flags;
	int err = 0;

	mutex_lock(&tty_open_mutex);
	if (tty_is_ctty_of(tty, ss))
		goto out;
	err = -EPERM;
	if (!ss || ss->session != tgid || has_ctty(ss))
		goto out;
	spin_lock_irqsave(&tty->lock, flags);
	if (!tty->session || steal) {
		tty->session = ss->session;
		tty->pgrp = ss->pgrp;
		err = 0;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (!err)
		ss->tty = tty;
out:
	mutex_unlock(&tty_open_mutex);
	return err;
}

/* tty_set_ctty_of() for current. */
int tty_set_ctty(struct tty_struct *tty, bool steal)
{
	return tty_set_ctty_of(tty, current->signal, current->tgid, steal);
}

/**
 * tty_disassociate_of - a process gives up its controlling terminal
 * @ss: its shared state
 * @tgid: its process id
 *
 * A session leader's terminal belongs to no session any more and its
 * foreground process group gets SIGHUP and SIGCONT; any other process
 * only forgets its terminal. Takes tty_open_mutex.
 */
void tty_disassociate_of(struct signal_struct *ss, int tgid)
{
	struct tty_struct *tty;
	unsigned long flags;
	int pgrp = 0;

	if (!ss || !ss->tty)
		return;
	mutex_lock(&tty_open_mutex);
	tty = ss->tty;
	if (tty_is_ctty_of(tty, ss) && ss->session == tgid) {
		spin_lock_irqsave(&tty->lock, flags);
		pgrp = tty->pgrp;
		tty->session = 0;
		tty->pgrp = 0;
		spin_unlock_irqrestore(&tty->lock, flags);
	}
	ss->tty = NULL;
	mutex_unlock(&tty_open_mutex);
	if (pgrp > 0) {
		tty->kill_pgrp(pgrp, SIGHUP);
		tty->kill_pgrp(pgrp, SIGCONT);
	}
}

/**
 * disassociate_ctty - current gives up its controlling terminal
 * @on_exit: current is exiting (for proc's exit path to call when a
 *	session leader exits); TIOCNOTTY passes false
 *
 * As tty_disassociate_of() for current.
 */
void disassociate_ctty(bool on_exit)
{
	tty_disassociate_of(current->signal, current->tgid);
}

/**
 * tty_job_check - may current read (@sig SIGTTIN) or write/configure
 *	(@sig SIGTTOU) its controlling terminal @tty?
 * @tty: the terminal
 * @sig: SIGTTIN or SIGTTOU
 *
 * A member of a background process group gets @sig sent to its group,
 * unless it ignores or blocks it (then reading fails, writing goes on)
 * or its group is orphaned (fails).
 *
 * Return: 0 to go on, -EIO, or -ERESTARTSYS after sending @sig.
 */
int tty_job_check(struct tty_struct *tty, int sig)
{
	struct signal_struct *ss = current->signal;
	bool orphan;

	if (!tty_in_background(tty, ss))
		return 0;
	if (sig_ignored_or_blocked(sig))
		return sig == SIGTTIN ? -EIO : 0;
	/* An orphaned group would stay stopped: nobody would continue it. */
	orphan = is_current_pgrp_orphaned();
	if (orphan)
		return -EIO;
	tty->kill_pgrp(ss->pgrp, sig);
	return -ERESTARTSYS;
}

/**
 * tty_in_background - is @ss's process in a background process group of
 *	its controlling terminal @tty?
 * @tty: the terminal
 * @ss: the process's shared state
 *
 * Return: false if @tty is not its controlling terminal, has no
 * foreground group, or the process is in the foreground group.
 */
bool tty_in_background(struct tty_struct *tty, struct signal_struct *ss)
{
	int pgrp;

	if (!tty_is_ctty_of(tty, ss))
		return false;
	pgrp = READ_ONCE(tty->pgrp);
	return pgrp && pgrp != ss->pgrp;
}

/**
 * tty_console - the terminal of the console (ttySn)
 *
 * Return: it, or NULL before its driver registered it.
 */
struct tty_struct *tty_console(void)
{
	return READ_ONCE(console_tty);
}

/**
 * tty_in_use - is @tty open, by a process or a kernel user?
 * @tty: the terminal
 *
 * Return: true while it has openers (a snapshot: no lock is kept).
 */
bool tty_in_use(struct tty_struct *tty)
{
	return READ_ONCE(tty->count) > 0;
}

/**
 * tty_kernel_open - count an opener of @tty; the first one starts it
 * @tty: the terminal
 *
 * Return: 0 or the driver's -errno.
 */
int tty_kernel_open(struct tty_struct *tty)
{
	int err = 0;

	mutex_lock(&tty_open_mutex);
	if (!tty->count) {
		n_tty_open(tty);
		if (tty->ops->open)
			err = tty->ops->open(tty);
	}
	if (!err)
		tty->count++;
	mutex_unlock(&tty_open_mutex);
	return err;
}

/**
 * tty_kernel_close - undo tty_kernel_open()
 * @tty: the terminal
 *
 * The last close stops the driver, drops unread input, and leaves the
 * terminal free for a new session.
 */
void tty_kernel_close(struct tty_struct *tty)
{
	unsigned long flags;

	mutex_lock(&tty_open_mutex);
	if (WARN_ON_ONCE(tty->count <= 0))
		goto out;
	if (--tty->count)
		goto out;
	if (tty->ops->close)
		tty->ops->close(tty);
	spin_lock_irqsave(&tty->lock, flags);
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	n_tty_flush_input(tty);
out:
	mutex_unlock(&tty_open_mutex);
}

/**
 * tty_kernel_read - read from @tty into a kernel buffer
 * @tty: the terminal, opened with tty_kernel_open()
 * @buf: destination
 * @n: its size
 * @nonblock: do not sleep
 *
 * No job-control checks (kernel threads have no session).
 *
 * Return: as n_tty_read().
 */
ssize_t tty_kernel_read(struct tty_struct *tty, void *buf, size_t n,
			bool nonblock)
{
	if (!n)
		return 0;
	return n_tty_read(tty, buf, min_t(size_t, n, N_TTY_BUF_SIZE),
			  nonblock);
}

/**
 * tty_kernel_write - write a kernel buffer to @tty (with OPOST)
 * @tty: the terminal
 * @buf: the bytes
 * @n: how many
 *
 * Return: @n.
 */
ssize_t tty_kernel_write(struct tty_struct *tty, const void *buf, size_t n)
{
	size_t done, part;

	mutex_lock(&tty->write_mutex);
	for (done = 0; done < n; done += part) {
		part = min_t(size_t, n - done, TTY_WRITE_CHUNK);
		n_tty_write(tty, (const u8 *)buf + done, part);
	}
	mutex_unlock(&tty->write_mutex);
	return n;
}

/**
 * tty_receive - input from @tty's driver
 * @tty: the terminal
 * @buf: the bytes received
 * @n: how many
 *
 * Process context. Input for a terminal nobody has open is dropped.
 */
void tty_receive(struct tty_struct *tty, const u8 *buf, size_t n)
{
	if (READ_ONCE(tty->count))
		n_tty_receive(tty, buf, n);
}

/* ---- the file operations ---- */

static int tty_open(struct inode *inode, struct file *file)
{
	dev_t rdev = inode->i_rdev;
	struct tty_struct *tty = console_tty;
	bool noctty = file->f_flags & O_NOCTTY;
	int err;

	if (rdev == MKDEV(TTYAUX_MAJOR, 0)) {
		/* /dev/tty: the caller's controlling terminal */
		tty = current->signal ? current->signal->tty : NULL;
		if (!tty || !tty_is_ctty(tty))
			return -ENXIO;
		noctty = true;
	} else if (rdev == MKDEV(TTYAUX_MAJOR, 1)) {
		/* /dev/console never becomes a controlling terminal */
		noctty = true;
	}
	if (!tty)
		return -ENODEV;
	err = tty_kernel_open(tty);
	if (err)
		return err;
	/* A session leader without a terminal takes a free one. */
	if (!noctty && current_is_session_leader() && !current_has_ctty() &&
	    !READ_ONCE(tty->session))
		tty_set_ctty(tty, false);
	file->private_data = tty;
	return 0;
}

static int tty_release(struct inode *inode, struct file *file)
{
	if (file->private_data)
		tty_kernel_close(file->private_data);
	return 0;
}

static ssize_t tty_read(struct file *file, char __user *ubuf, size_t len,
			loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	ssize_t n;
	u8 *kbuf;

	n = tty_job_check(tty, SIGTTIN);
	if (n)
		return n;
	if (!len)
		return 0;
	len = min_t(size_t, len, N_TTY_BUF_SIZE);
	kbuf = kmalloc(len, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	n = n_tty_read(tty, kbuf, len, file->f_flags & O_NONBLOCK);
	if (n > 0 && copy_to_user(ubuf, kbuf, n))
		n = -EFAULT;
	kfree(kbuf);
	return n;
}

static ssize_t tty_write(struct file *file, const char __user *ubuf,
			 size_t len, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	u8 kbuf[TTY_WRITE_CHUNK];
	size_t done, part;
	int err;

	if (tty->termios.c_lflag & TOSTOP) {
		err = tty_job_check(tty, SIGTTOU);
		if (err)
			return err;
	}
	mutex_lock(&tty->write_mutex);
	for (done = 0; done < len; done += part) {
		part = min_t(size_t, len - done, sizeof(kbuf));
		if (copy_from_user(kbuf, ubuf + done, part))
			break;
		n_tty_write(tty, kbuf, part);
	}
	mutex_unlock(&tty->write_mutex);
	return done ? (ssize_t)done : len ? -EFAULT : 0;
}

static unsigned int tty_poll(struct file *file, struct poll_table_struct *pt)
{
	struct tty_struct *tty = file->private_data;
	unsigned int mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &tty->input_wait, pt);
	if (n_tty_poll_readable(tty))
		mask |= EPOLLRDNORM | EPOLLIN;
	return mask;
}

static const struct file_operations tty_file_ops = {
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_fop_ioctl,
	.open = tty_open,
	.release = tty_release,
};

/**
 * tty_register_console_port - publish the console's terminal
 * @tty: the UART's tty, set up with tty_init_struct()
 *
 * Registers @tty's own number (4:64+n, /dev/ttySn), /dev/console (5:1)
 * and /dev/tty (5:0) with chrdev_add(). Called once at boot.
 *
 * Return: 0 or chrdev_add()'s -errno.
 */
int tty_register_console_port(struct tty_struct *tty)
{
	int err;

	console_tty = tty;
	err = chrdev_add(tty->dev, tty->name, 0660, &tty_file_ops);
	if (!err)
		err = chrdev_add(MKDEV(TTYAUX_MAJOR, 1), "console", 0600,
				 &tty_file_ops);
	if (!err)
		err = chrdev_add(MKDEV(TTYAUX_MAJOR, 0), "tty", 0666,
				 &tty_file_ops);
	return err;
}
