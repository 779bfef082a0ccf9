/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Terminals: the tty core (drivers/tty/tty_io.c, tty_ioctl.c), the N_TTY
 * line discipline (drivers/tty/n_tty.c) and what a driver gives them.
 * Documentation/driver-api/tty.rst has the layers and the lock rules.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/termios.h>
#include <linux/wait.h>

/* Device numbers, Linux's. */
#define TTY_MAJOR		4	/* ttyS0 is minor 64 */
#define TTYAUX_MAJOR		5	/* /dev/tty is 5:0, /dev/console 5:1 */
#define TTYS_MINOR_BASE		64

#define N_TTY_BUF_SIZE		4096	/* input buffer, a power of two */
#define N_TTY_ECHO_BUF		128	/* echo output staged per batch */

struct tty_struct;

/**
 * struct tty_operations - what a tty driver provides
 * @write: send @n bytes as they are (the line discipline has done the
 *	output processing). Called with @tty->lock held and interrupts
 *	off; must not sleep. Output is synchronous: when it returns, the
 *	bytes are in the hardware.
 * @open: the first open of @tty (0 or -errno); may sleep
 * @close: the last close of @tty; may sleep
 * @get_serial: TIOCGSERIAL's answer (a UART's port, irq, line), or NULL
 */
struct tty_operations {
	void (*write)(struct tty_struct *tty, const u8 *buf, size_t n);
	int (*open)(struct tty_struct *t);
	void (*close)(struct tty_struct *t);
	void (*get_serial)(struct tty_struct *t, struct serial_struct *ss);
};

/*
 * struct n_tty_data - the line discipline's state, all under tty->lock.
 *
 * Input is a ring of N_TTY_BUF_SIZE bytes addressed by free-running
 * indices: [read_tail, canon_head) is committed input a reader may take,
 * [canon_head, read_head) is the line being edited (empty outside
 * canonical mode). A set bit in @eol marks the byte that ends a line; a
 * marked NUL is the end-of-file mark VEOF leaves.
 */
struct n_tty_data {
	u8 buf[N_TTY_BUF_SIZE];
	unsigned long eol[N_TTY_BUF_SIZE / BITS_PER_LONG];
	size_t read_tail;
	size_t canon_head;
	size_t read_head;
	unsigned int column;		/* output column, for tabs and erase */
	unsigned int canon_column;	/* column the edited line began at */
	bool icanon;			/* ICANON as the buffer was built */
	bool lnext;			/* the next byte is taken literally */
	bool erasing;			/* inside an ECHOPRT \...\/ run */
	bool stopped;			/* output stopped by VSTOP */
	size_t echo_len;
	u8 echo[N_TTY_ECHO_BUF];	/* echoes not yet given to ->write */
};

/**
 * struct tty_struct - one terminal
 * @lock: protects @termios, @winsize, @pgrp, @session, @ldata; taken
 *	with interrupts off. Lock order: @lock, then printk's log lock
 *	(the driver's ->write takes it), then wait-queue locks.
 * @write_mutex: one writer at a time, so that a write(2) is not mixed
 *	with another task's (outside @lock)
 * @count: open files on it, under tty_open_mutex (tty_io.c)
 * @pgrp: foreground process group, 0 if none
 * @session: the session it is the controlling terminal of, 0 if none
 * @input_wait: readers and pollers wait here for input
 * @kill_pgrp: how job-control signals are sent: kill_pgrp(), or a
 *	recorder in the line discipline's tests
 */
struct tty_struct {
	const char *name;
	dev_t dev;
	const struct tty_operations *ops;	/* the driver's */
	void *driver_data;

	spinlock_t lock;		/* see above */
	struct mutex write_mutex;	/* see above */
	int count;
	struct termios2 termios;
	struct winsize winsize;
	int pgrp;
	int session;
	wait_queue_head_t input_wait;	/* readers, pollers */
	int (*kill_pgrp)(int pgrp, int sig);
	struct n_tty_data ldata;
};

#ifndef ENOTTY
#define ENOTTY		25
#endif
#ifndef ESRCH
#define ESRCH		3
#endif

/* ---- tty core: tty_io.c ---- */

/* Sets up @tty for a driver: locks, queues, Linux's default termios. */
void tty_init_struct(struct tty_struct *tty, const char *name, dev_t dev,
		     const struct tty_operations *ops);
/*
 * Registers ttySn's device numbers and the /dev/console, /dev/tty
 * aliases of the console tty.
 */
int tty_register_console_port(struct tty_struct *tty);
/* Input from a driver, in process context (may send signals). */
void tty_receive(struct tty_struct *tty, const u8 *buf, size_t n);
/* The session leader current is leaving its terminal (exit, setsid). */
void disassociate_ctty(bool on_exit);

/* The console's terminal, or NULL; is a terminal open (by anyone)? */
struct tty_struct *tty_console(void);
bool tty_in_use(struct tty_struct *tty);
/* A kernel reader's and writer's entry points (no user copies). */
ssize_t tty_kernel_read(struct tty_struct *tty, void *buf, size_t n,
			bool nonblock);
ssize_t tty_kernel_write(struct tty_struct *tty, const void *buf, size_t n);
int tty_kernel_open(struct tty_struct *tty);
void tty_kernel_close(struct tty_struct *tty);

/* ---- termios and ioctls: tty_ioctl.c ---- */

extern const struct termios2 tty_std_termios;
/* TCGETS... on @tty for @file's caller; @arg is a user pointer. */
long tty_fop_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
/* The same with the caller's data in the kernel (tests, kernel users). */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd,
		    unsigned long arg, void *kbuf);

/* ---- the N_TTY line discipline: n_tty.c ---- */

void n_tty_open(struct tty_struct *tty);
void n_tty_receive(struct tty_struct *tty, const u8 *buf, size_t n);
ssize_t n_tty_read(struct tty_struct *tty, u8 *kbuf, size_t nr,
		   bool nonblock);
ssize_t n_tty_write(struct tty_struct *tty, const u8 *kbuf, size_t n);
bool n_tty_poll_readable(struct tty_struct *tty);
void n_tty_flush_input(struct tty_struct *tty);
void n_tty_set_termios(struct tty_struct *tty, const struct termios2 *old);
size_t n_tty_inq(struct tty_struct *tty);

#endif /* _LINUX_TTY_H */
