// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY, the line discipline: turns the bytes a terminal receives into
 * what read(2) returns (line editing and echo in canonical mode, VMIN and
 * VTIME otherwise, job-control characters) and post-processes what
 * write(2) sends (ONLCR and its relatives).
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/tty.h>

/**
 * DOC: N_TTY
 *
 * Everything here runs under tty->lock (a spinlock taken with interrupts
 * off) except the sleeping part of n_tty_read(). Input arrives through
 * n_tty_receive() in process context (the UART driver hands its bytes
 * over from a work item, never from its interrupt handler), so a
 * job-control character can call kill_pgrp() once the lock is dropped.
 *
 * Echoes and written bytes go through one staging buffer, ldata.echo,
 * handed to the driver's ->write() when full and at the end of each
 * batch, still under tty->lock: echo and output keep their order.
 *
 * A c_cc slot holding 0 is disabled (POSIX's _POSIX_VDISABLE).
 */

#define NT_EOF_MARK	0	/* the byte VEOF leaves at the end of a line */
#define NT_TICK_NS	(100 * NSEC_PER_MSEC)	/* VTIME's unit */

#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))

static size_t nt_idx(size_t i)
{
	return i & (N_TTY_BUF_SIZE - 1);
}

static u8 nt_byte(const struct n_tty_data *ld, size_t i)
{
	return ld->buf[nt_idx(i)];
}

/* Is @c the (enabled) special character in slot @v? */
static bool nt_is(const struct tty_struct *tty, u8 c, int v)
{
	return c && tty->termios.c_cc[v] == c;
}

static bool nt_cntrl(u8 c)
{
	return c < 0x20 || c == 0x7f;
}

static bool nt_word_char(u8 c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* A UTF-8 continuation byte, which erase removes with its lead byte. */
static bool nt_continuation(const struct tty_struct *tty, u8 c)
{
	return I_FLAG(tty, IUTF8) && (c & 0xc0) == 0x80;
}

/* ---- output ---- */

static void nt_flush_out(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;

	if (ld->echo_len) {
		tty->ops->write(tty, ld->echo, ld->echo_len);
		ld->echo_len = 0;
	}
}

/* Queue bytes for the driver exactly as given. */
static void nt_put_raw(struct tty_struct *tty, const char *s, size_t n)
{
	struct n_tty_data *ld = &tty->ldata;

	for (; n; n--, s++) {
		if (ld->echo_len == N_TTY_ECHO_BUF)
			nt_flush_out(tty);
		ld->echo[ld->echo_len++] = *s;
	}
}

/* Queue one byte with OPOST processing, keeping ldata.column true. */
static void nt_out_char(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int spaces;

	if (!O_FLAG(tty, OPOST)) {
		nt_put_raw(tty, (const char *)&c, 1);
		return;
	}
	switch (c) {
	case '\n':
		if (O_FLAG(tty, ONLRET))
			ld->column = 0;
		if (O_FLAG(tty, ONLCR)) {
			ld->column = 0;
			ld->canon_column = 0;
			nt_put_raw(tty, "\r\n", 2);
			return;
		}
		ld->canon_column = ld->column;
		break;
	case '\r':
		if (O_FLAG(tty, ONOCR) && ld->column == 0)
			return;
		if (O_FLAG(tty, OCRNL)) {
			c = '\n';
			if (O_FLAG(tty, ONLRET))
				ld->column = 0;
			ld->canon_column = ld->column;
			break;
		}
		ld->column = 0;
		ld->canon_column = 0;
		break;
	case '\t':
		spaces = 8 - (ld->column & 7);
		ld->column += spaces;
		if ((tty->termios.c_oflag & TABDLY) == TAB3) {
			nt_put_raw(tty, "        ", spaces);
			return;
		}
		break;
	case '\b':
		if (ld->column)
			ld->column--;
		break;
	default:
		if (nt_cntrl(c))
			break;
		if (O_FLAG(tty, OLCUC) && c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (!nt_continuation(tty, c))
			ld->column++;
		break;
	}
	nt_put_raw(tty, (const char *)&c, 1);
}

/* Echo @c as typed; with ECHOCTL a control character shows as ^X. */
static void nt_echo_char(struct tty_struct *tty, u8 c)
{
	if (L_FLAG(tty, ECHOCTL) && nt_cntrl(c) && c != '\t' && c != '\n') {
		nt_out_char(tty, '^');
		nt_out_char(tty, c ^ 0x40);
		return;
	}
	nt_out_char(tty, c);
}

/* End an ECHOPRT "\erased/" run before echoing anything else. */
static void nt_finish_erasing(struct tty_struct *tty)
{
	if (tty->ldata.erasing) {
		nt_out_char(tty, '/');
		tty->ldata.erasing = false;
	}
}

/* Move the cursor back over @cols columns, blanking them. */
static void nt_rubout(struct tty_struct *tty, unsigned int cols)
{
	while (cols--) {
		nt_put_raw(tty, "\b \b", 3);
		if (tty->ldata.column)
			tty->ldata.column--;
	}
}

/*
 * The column a tab just erased from the edited line started at: replay
 * the echo widths of what is left of the line from the column it began.
 */
static unsigned int nt_line_column(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int col = ld->canon_column;
	size_t i;
	u8 c;

	for (i = ld->canon_head; i != ld->read_head; i++) {
		c = nt_byte(ld, i);
		if (c == '\t')
			col = (col | 7) + 1;
		else if (nt_cntrl(c))
			col += L_FLAG(tty, ECHOCTL) ? 2 : 0;
		else if (!nt_continuation(tty, c))
			col++;
	}
	return col;
}

/* Echo the erasure of @c (@len bytes from @at) as the flags ask. */
static void nt_echo_erase(struct tty_struct *tty, u8 c, size_t at,
			  size_t len, bool plain_erase)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int col;

	if (L_FLAG(tty, ECHOPRT)) {
		if (!ld->erasing) {
			nt_out_char(tty, '\\');
			ld->erasing = true;
		}
		nt_echo_char(tty, c);
		while (--len)
			nt_put_raw(tty, (const char *)&ld->buf[nt_idx(++at)], 1);
	} else if (plain_erase && !L_FLAG(tty, ECHOE)) {
		nt_echo_char(tty, tty->termios.c_cc[VERASE]);
	} else if (c == '\t') {
		col = nt_line_column(tty);
		while (ld->column > col) {
			nt_put_raw(tty, "\b", 1);
			ld->column--;
		}
	} else if (nt_cntrl(c)) {
		if (L_FLAG(tty, ECHOCTL))
			nt_rubout(tty, 2);
	} else {
		nt_rubout(tty, 1);
	}
}

/* ---- input ---- */

static size_t nt_room(const struct n_tty_data *ld)
{
	return N_TTY_BUF_SIZE - (ld->read_head - ld->read_tail);
}

/*
 * Store @c. In canonical mode the last free byte is kept for a line
 * terminator (@ends_line), so that a full line can still be ended.
 */
static bool nt_store(struct tty_struct *tty, u8 c, bool ends_line)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t need = (ld->icanon && !ends_line) ? 2 : 1;

	if (nt_room(ld) < need)
		return false;
	clear_bit(nt_idx(ld->read_head), ld->eol);
	ld->buf[nt_idx(ld->read_head)] = c;
	ld->read_head++;
	if (!ld->icanon)
		ld->canon_head = ld->read_head;
	return true;
}

/* Terminate the edited line with @c and hand it to readers. */
static void nt_end_line(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ld = &tty->ldata;

	if (!nt_store(tty, c, true))
		return;
	set_bit(nt_idx(ld->read_head - 1), ld->eol);
	ld->canon_head = ld->read_head;
}

static void nt_reset(struct n_tty_data *ld)
{
	ld->read_tail = 0;
	ld->canon_head = 0;
	ld->read_head = 0;
	memset(ld->eol, 0, sizeof(ld->eol));
	ld->lnext = false;
	ld->erasing = false;
}

enum nt_erase_kind { NT_ERASE, NT_WERASE, NT_KILL };

/* VERASE, VWERASE, VKILL: take bytes back off the edited line. */
static void nt_erase(struct tty_struct *tty, enum nt_erase_kind kind)
{
	struct n_tty_data *ld = &tty->ldata;
	bool seen_word = false;
	size_t at, len;
	u8 c;

	if (ld->read_head == ld->canon_head)
		return;
	if (kind == NT_KILL && !L_FLAG(tty, ECHO)) {
		ld->read_head = ld->canon_head;
		return;
	}
	if (kind == NT_KILL && (!L_FLAG(tty, ECHOK) || !L_FLAG(tty, ECHOKE) ||
				!L_FLAG(tty, ECHOE))) {
		/* Show the kill character, and a new line with ECHOK. */
		ld->read_head = ld->canon_head;
		nt_finish_erasing(tty);
		nt_echo_char(tty, tty->termios.c_cc[VKILL]);
		if (L_FLAG(tty, ECHOK))
			nt_out_char(tty, '\n');
		return;
	}
	while (ld->read_head != ld->canon_head) {
		at = ld->read_head;
		do {
			c = nt_byte(ld, --at);
		} while (nt_continuation(tty, c) && at != ld->canon_head);
		if (nt_continuation(tty, c))
			break;
		/* A word: what precedes its last run of letters and digits. */
		if (kind == NT_WERASE) {
			if (nt_word_char(c))
				seen_word = true;
			else if (seen_word)
				break;
		}
		len = ld->read_head - at;
		ld->read_head = at;
		if (L_FLAG(tty, ECHO))
			nt_echo_erase(tty, c, at, len, kind == NT_ERASE);
		if (kind == NT_ERASE)
			break;
	}
	if (ld->read_head == ld->canon_head && L_FLAG(tty, ECHO))
		nt_finish_erasing(tty);
}

/*
 * VINTR, VQUIT, VSUSP: flush the input unless NOFLSH, restart output,
 * echo the character. The caller sends @sig once tty->lock is dropped.
 */
static int nt_signal_char(struct tty_struct *tty, int sig, u8 c)
{
	if (!L_FLAG(tty, NOFLSH))
		nt_reset(&tty->ldata);
	if (I_FLAG(tty, IXON))
		tty->ldata.stopped = false;
	if (L_FLAG(tty, ECHO))
		nt_echo_char(tty, c);
	return sig;
}

/* Canonical mode's special characters; false if @c is an ordinary one. */
static bool nt_receive_canon(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t i;

	if (nt_is(tty, c, VERASE) || nt_is(tty, c, VKILL) ||
	    (nt_is(tty, c, VWERASE) && L_FLAG(tty, IEXTEN))) {
		nt_erase(tty, nt_is(tty, c, VERASE) ? NT_ERASE :
			 nt_is(tty, c, VKILL) ? NT_KILL : NT_WERASE);
		return true;
	}
	if (nt_is(tty, c, VLNEXT) && L_FLAG(tty, IEXTEN)) {
		ld->lnext = true;
		if (L_FLAG(tty, ECHO)) {
			nt_finish_erasing(tty);
			if (L_FLAG(tty, ECHOCTL))
				nt_put_raw(tty, "^\b", 2);
		}
		return true;
	}
	if (nt_is(tty, c, VREPRINT) && L_FLAG(tty, ECHO) &&
	    L_FLAG(tty, IEXTEN)) {
		nt_finish_erasing(tty);
		nt_echo_char(tty, c);
		nt_out_char(tty, '\n');
		for (i = ld->canon_head; i != ld->read_head; i++)
			nt_echo_char(tty, nt_byte(ld, i));
		return true;
	}
	if (c == '\n') {
		if (L_FLAG(tty, ECHO) || L_FLAG(tty, ECHONL))
			nt_out_char(tty, '\n');
		nt_end_line(tty, c);
		return true;
	}
	if (nt_is(tty, c, VEOF)) {
		nt_end_line(tty, NT_EOF_MARK);	/* never echoed */
		return true;
	}
	if (nt_is(tty, c, VEOL) ||
	    (nt_is(tty, c, VEOL2) && L_FLAG(tty, IEXTEN))) {
		if (L_FLAG(tty, ECHO)) {
			if (ld->read_head == ld->canon_head)
				ld->canon_column = ld->column;
			nt_echo_char(tty, c);
		}
		nt_end_line(tty, c);
		return true;
	}
	return false;
}

/* Echo and store an ordinary byte. */
static void nt_receive_plain(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ld = &tty->ldata;

	if (nt_room(ld) < (ld->icanon ? 2 : 1))
		return;
	if (L_FLAG(tty, ECHO)) {
		nt_finish_erasing(tty);
		if (c == '\n') {
			nt_out_char(tty, '\n');
		} else {
			if (ld->read_head == ld->canon_head)
				ld->canon_column = ld->column;
			nt_echo_char(tty, c);
		}
	}
	nt_store(tty, c, false);
}

/* One received byte. Return: a signal for the foreground group, or 0. */
static int nt_receive_char(struct tty_struct *tty, u8 c)
{
	struct n_tty_data *ld = &tty->ldata;

	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (I_FLAG(tty, IUCLC) && L_FLAG(tty, IEXTEN) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ld->lnext) {
		ld->lnext = false;
		nt_receive_plain(tty, c);
		return 0;
	}
	if (I_FLAG(tty, IXON)) {
		if (nt_is(tty, c, VSTART)) {
			ld->stopped = false;
			return 0;
		}
		if (nt_is(tty, c, VSTOP)) {
			ld->stopped = true;
			return 0;
		}
	}
	if (L_FLAG(tty, ISIG)) {
		if (nt_is(tty, c, VINTR))
			return nt_signal_char(tty, SIGINT, c);
		if (nt_is(tty, c, VQUIT))
			return nt_signal_char(tty, SIGQUIT, c);
		if (nt_is(tty, c, VSUSP))
			return nt_signal_char(tty, SIGTSTP, c);
	}
	if (ld->stopped && I_FLAG(tty, IXON) && I_FLAG(tty, IXANY))
		ld->stopped = false;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return 0;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (ld->icanon && nt_receive_canon(tty, c))
		return 0;
	nt_receive_plain(tty, c);
	return 0;
}

/**
 * n_tty_receive - bytes from the terminal's driver
 * @tty: the terminal
 * @buf: the bytes, as received
 * @n: how many
 *
 * Edits, echoes and stores them, wakes readers, and sends VINTR, VQUIT
 * and VSUSP's signals to the foreground process group through
 * tty->kill_pgrp() with no lock held. Bytes that do not fit in the
 * buffer are dropped. Process context; takes tty->lock.
 */
void n_tty_receive(struct tty_struct *tty, const u8 *buf, size_t n)
{
	unsigned long flags;
	int sig, pgrp;

	while (n) {
		sig = 0;
		spin_lock_irqsave(&tty->lock, flags);
		for (; n && !sig; n--, buf++)
			sig = nt_receive_char(tty, *buf);
		nt_flush_out(tty);
		pgrp = tty->pgrp;
		spin_unlock_irqrestore(&tty->lock, flags);

		wake_up_interruptible_all(&tty->input_wait);
		if (sig && pgrp > 0)
			tty->kill_pgrp(pgrp, sig);
	}
}

/* Readable now? @poll: VMIN counts when VTIME is 0, as for poll(2). */
static bool nt_readable(struct tty_struct *tty, bool poll)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t want = 1;

	if (ld->icanon)
		return ld->read_tail != ld->canon_head;
	if (poll && !tty->termios.c_cc[VTIME] && tty->termios.c_cc[VMIN])
		want = tty->termios.c_cc[VMIN];
	return ld->read_head - ld->read_tail >= want;
}

/**
 * n_tty_poll_readable - would read(2) find input (poll's EPOLLIN)?
 * @tty: the terminal
 *
 * A complete line in canonical mode; VMIN bytes (1 if VTIME is set or
 * VMIN is 0) otherwise. Takes tty->lock.
 *
 * Return: true if input is ready.
 */
bool n_tty_poll_readable(struct tty_struct *tty)
{
	unsigned long flags;
	bool ready;

	spin_lock_irqsave(&tty->lock, flags);
	ready = nt_readable(tty, true);
	spin_unlock_irqrestore(&tty->lock, flags);
	return ready;
}

/*
 * Canonical read: take bytes up to and including the first line end (a
 * VEOF mark is taken but not returned), at most @nr of them. When the
 * line's bytes fill @nr exactly and a VEOF mark follows, it goes too, so
 * that the next read does not see a stray end of file.
 */
static size_t nt_copy_canon(struct tty_struct *tty, u8 *kbuf, size_t nr)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t n = 0, i;
	bool end;
	u8 c;

	while (ld->read_tail != ld->canon_head) {
		i = nt_idx(ld->read_tail);
		c = ld->buf[i];
		end = test_bit(i, ld->eol);
		if (end && c == NT_EOF_MARK) {
			clear_bit(i, ld->eol);
			ld->read_tail++;
			break;
		}
		if (n == nr)
			break;
		kbuf[n++] = c;
		ld->read_tail++;
		if (end) {
			clear_bit(i, ld->eol);
			break;
		}
	}
	return n;
}

static size_t nt_copy_raw(struct tty_struct *tty, u8 *kbuf, size_t nr)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t n = 0, i;

	while (n < nr && ld->read_tail != ld->canon_head) {
		i = nt_idx(ld->read_tail++);
		clear_bit(i, ld->eol);
		kbuf[n++] = ld->buf[i];
	}
	return n;
}

/**
 * n_tty_read - read(2) of a terminal, into a kernel buffer
 * @tty: the terminal
 * @kbuf: where the bytes go
 * @nr: room in @kbuf (at least 1)
 * @nonblock: O_NONBLOCK: never sleep
 *
 * Canonical mode returns one line (or what fits of it; 0 at VEOF on an
 * empty line). Otherwise VMIN and VTIME decide, as termios(3) says: MIN
 * bytes, TIME tenths of a second between bytes once one came, TIME for
 * the first byte when MIN is 0, or what is there when both are 0. Sleeps
 * interruptibly; the caller has done the job-control checks. Readers are
 * not serialised: each takes its bytes under tty->lock, so a canonical
 * line goes whole to one of them.
 *
 * Return: bytes read (0 at end of file or when VTIME ran out), -EAGAIN
 * when @nonblock and nothing is ready, -ERESTARTSYS when a signal came
 * before any byte.
 */
ssize_t n_tty_read(struct tty_struct *tty, u8 *kbuf, size_t nr,
		   bool nonblock)
{
	u64 timeout = U64_MAX, gap = 0;
	size_t copied = 0, minimum = 1;
	unsigned long flags;
	struct task_struct *reader = current;
	ssize_t ret = 0;
	bool canon, done;
	DEFINE_WAIT(wait);

	spin_lock_irqsave(&tty->lock, flags);
	canon = tty->ldata.icanon;
	if (!canon && tty->termios.c_cc[VMIN]) {
		minimum = tty->termios.c_cc[VMIN];
		gap = tty->termios.c_cc[VTIME] * NT_TICK_NS;
	} else if (!canon) {
		timeout = tty->termios.c_cc[VTIME] * NT_TICK_NS;
	}
	spin_unlock_irqrestore(&tty->lock, flags);

	for (;;) {
		prepare_to_wait(&tty->input_wait, &wait, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&tty->lock, flags);
		if (canon) {
			done = tty->ldata.read_tail != tty->ldata.canon_head;
			if (done)
				copied = nt_copy_canon(tty, kbuf, nr);
		} else {
			size_t got = nt_copy_raw(tty, kbuf + copied,
						 nr - copied);

			copied += got;
			if (got && gap)
				timeout = gap;
			done = copied >= minimum || copied == nr;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		if (done || !timeout)
			break;
		if (nonblock) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(reader)) {
			ret = -ERESTARTSYS;
			break;
		}
		timeout = schedule_timeout_ns(timeout);
	}
	finish_wait(&tty->input_wait, &wait);
	return copied ? (ssize_t)copied : ret;
}

/**
 * n_tty_write - write(2) of a terminal, from a kernel buffer
 * @tty: the terminal
 * @kbuf: the bytes
 * @n: how many; the caller keeps batches small (tty->lock is held with
 *	interrupts off while they go out)
 *
 * Applies OPOST processing and hands the result to the driver. VSTOP
 * does not hold output back on Tide.
 *
 * Return: @n.
 */
ssize_t n_tty_write(struct tty_struct *tty, const u8 *kbuf, size_t n)
{
	unsigned long flags;
	size_t i;

	spin_lock_irqsave(&tty->lock, flags);
	for (i = 0; i < n; i++)
		nt_out_char(tty, kbuf[i]);
	nt_flush_out(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/**
 * n_tty_flush_input - drop all input, read or being edited (TCIFLUSH)
 * @tty: the terminal
 *
 * Takes tty->lock.
 */
void n_tty_flush_input(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	nt_reset(&tty->ldata);
	spin_unlock_irqrestore(&tty->lock, flags);
}

/**
 * n_tty_inq - FIONREAD: bytes a reader could take now
 * @tty: the terminal
 *
 * In canonical mode the completed lines only, VEOF marks not counted.
 * Takes tty->lock.
 *
 * Return: the count.
 */
size_t n_tty_inq(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned long flags;
	size_t n = 0, i;

	spin_lock_irqsave(&tty->lock, flags);
	for (i = ld->read_tail; i != ld->canon_head; i++)
		if (!test_bit(nt_idx(i), ld->eol) ||
		    nt_byte(ld, i) != NT_EOF_MARK)
			n++;
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/**
 * n_tty_set_termios - termios changed from @old to tty->termios
 * @tty: the terminal, tty->lock held
 * @old: the previous settings
 *
 * Leaving canonical mode makes the line being edited readable; entering
 * it makes what was received one unterminated line, returned by the next
 * read as it is.
 */
void n_tty_set_termios(struct tty_struct *tty, const struct termios2 *old)
{
	struct n_tty_data *ld = &tty->ldata;
	bool icanon = L_FLAG(tty, ICANON);

	if (icanon != ld->icanon) {
		ld->canon_head = ld->read_head;
		ld->erasing = false;
		ld->lnext = false;
		ld->icanon = icanon;
	}
	if (!I_FLAG(tty, IXON))
		ld->stopped = false;
}

/**
 * n_tty_open - a fresh line discipline state for @tty
 * @tty: the terminal; tty->lock not held, nobody else uses @tty yet
 *	(first open)
 */
void n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;

	nt_reset(ld);
	ld->echo_len = 0;
	ld->column = 0;
	ld->canon_column = 0;
	ld->stopped = false;
	ld->icanon = L_FLAG(tty, ICANON);
}
