// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the N_TTY line discipline and the termios ioctls, on a
 * terminal with no hardware: bytes are fed to n_tty_receive(), output is
 * recorded by a test driver, signals by a test kill_pgrp.
 */
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/tty.h>
#include <kunit/test.h>

#define NT_TEST_PGRP	42
#define NT_OUT_MAX	512

struct nt_test {
	struct tty_struct tty;
	char out[NT_OUT_MAX + 1];	/* what the driver was asked to send */
	size_t out_len;
};

/* The last signals the line discipline sent (one test runs at a time). */
static int nt_sig_count, nt_sig_last, nt_sig_pgrp;

static void nt_test_write(struct tty_struct *tty, const u8 *buf, size_t n)
{
	struct nt_test *t = container_of(tty, struct nt_test, tty);

	n = min(n, NT_OUT_MAX - t->out_len);
	memcpy(t->out + t->out_len, buf, n);
	t->out_len += n;
	t->out[t->out_len] = '\0';
}

static int nt_test_kill_pgrp(int pgrp, int sig)
{
	nt_sig_count++;
	nt_sig_last = sig;
	nt_sig_pgrp = pgrp;
	return 0;
}

static const struct tty_operations nt_test_ops = {
	.write = nt_test_write,
};

static int nt_test_init(struct kunit *test)
{
	struct nt_test *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	tty_init_struct(&t->tty, "ttytest", MKDEV(TTY_MAJOR, 99),
			&nt_test_ops);
	t->tty.kill_pgrp = nt_test_kill_pgrp;
	t->tty.pgrp = NT_TEST_PGRP;
	nt_sig_count = 0;
	nt_sig_last = 0;
	nt_sig_pgrp = 0;
	test->priv = t;
	return 0;
}

static void nt_test_exit(struct kunit *test)
{
	kfree(test->priv);
}

static struct tty_struct *nt_tty(struct kunit *test)
{
	return &((struct nt_test *)test->priv)->tty;
}

static const char *nt_out(struct kunit *test)
{
	return ((struct nt_test *)test->priv)->out;
}

static void nt_out_clear(struct kunit *test)
{
	struct nt_test *t = test->priv;

	t->out_len = 0;
	t->out[0] = '\0';
}

static void nt_feed(struct kunit *test, const char *s)
{
	n_tty_receive(nt_tty(test), (const u8 *)s, strlen(s));
}

/* A non-blocking read of at most @nr bytes into @buf, NUL-terminated. */
static ssize_t nt_read(struct kunit *test, char *buf, size_t nr)
{
	ssize_t n = n_tty_read(nt_tty(test), (u8 *)buf, nr, true);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* Change some flags and c_cc slots through TCSETS, as a program would. */
static void nt_set_lflag(struct kunit *test, u32 clear, u32 set)
{
	struct termios t;

	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(nt_tty(test), TCGETS, 0, &t), 0);
	t.c_lflag = (t.c_lflag & ~clear) | set;
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(nt_tty(test), TCSETS, 0, &t), 0);
}

static void nt_set_cc(struct kunit *test, int slot, u8 value)
{
	struct termios t;

	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(nt_tty(test), TCGETS, 0, &t), 0);
	t.c_cc[slot] = value;
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(nt_tty(test), TCSETS, 0, &t), 0);
}

/* A line is readable only once it ends; CR arrives as NL (ICRNL). */
static void n_tty_canon_line(struct kunit *test)
{
	char buf[64];

	nt_feed(test, "ls -l");
	KUNIT_EXPECT_FALSE(test, n_tty_poll_readable(nt_tty(test)));
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), -EAGAIN);
	nt_feed(test, "\rpwd\r");
	KUNIT_EXPECT_TRUE(test, n_tty_poll_readable(nt_tty(test)));
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 6);
	KUNIT_EXPECT_STREQ(test, buf, "ls -l\n");
	/* One line per read, and a short buffer takes the line in parts. */
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, 2), 2);
	KUNIT_EXPECT_STREQ(test, buf, "pw");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 2);
	KUNIT_EXPECT_STREQ(test, buf, "d\n");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), -EAGAIN);
}

/* VERASE (^? by default, ^H once set), VKILL (^U), VWERASE (^W). */
static void n_tty_erase_kill(struct kunit *test)
{
	char buf[64];

	nt_feed(test, "cay\177\177at\n");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 4);
	KUNIT_EXPECT_STREQ(test, buf, "cat\n");

	nt_feed(test, "rm -rf /\025echo\n");
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "echo\n");

	nt_feed(test, "echo one two  \0272\n");
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "echo one 2\n");

	/* ^H is an ordinary character until it is VERASE. */
	nt_feed(test, "ab\b\n");
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "ab\b\n");
	nt_set_cc(test, VERASE, '\b');
	nt_feed(test, "ab\b\n");
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "a\n");

	/* Erasing an empty line does nothing. */
	nt_feed(test, "\b\b\x15x\n");
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "x\n");
}

/* ^D: ends a line without a newline; on an empty line, end of file. */
static void n_tty_eof(struct kunit *test)
{
	char buf[64];

	nt_feed(test, "abc\x04");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	nt_feed(test, "\x04");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 0);
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), -EAGAIN);
	/* A buffer just big enough for the line takes the ^D with it. */
	nt_feed(test, "xy\x04z\n");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, 2), 2);
	KUNIT_EXPECT_STREQ(test, buf, "xy");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 2);
	KUNIT_EXPECT_STREQ(test, buf, "z\n");
	/* FIONREAD counts the lines' bytes, not the end-of-file marks. */
	nt_feed(test, "ab\004c\n");
	KUNIT_EXPECT_EQ(test, n_tty_inq(nt_tty(test)), 4);
	/* ^D is not echoed */
	KUNIT_EXPECT_STREQ(test, nt_out(test),
			   "abcxyz\r\nabc\r\n");
}

/* Echo: ECHOCTL shows ^X, ECHOE rubs out, ECHOKE rubs out the line. */
static void n_tty_echo(struct kunit *test)
{
	char buf[64];

	nt_feed(test, "a\001\177\177b\tc\n");
	KUNIT_EXPECT_STREQ(test, nt_out(test),
			   "a^A\b \b\b \b\b \bb\tc\r\n");
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "b\tc\n");

	/* The tab after "b" took 7 columns: erasing it goes back 7. */
	nt_out_clear(test);
	nt_feed(test, "b\t\x7f");
	KUNIT_EXPECT_STREQ(test, nt_out(test), "b\t\b\b\b\b\b\b\b");

	nt_out_clear(test);
	nt_feed(test, "\025xy\025");
	KUNIT_EXPECT_STREQ(test, nt_out(test),
			   "\b \bxy\b \b\b \b");

	/* Without ECHOKE, kill echoes ^U and a new line (ECHOK). */
	nt_set_lflag(test, ECHOKE, 0);
	nt_out_clear(test);
	nt_feed(test, "zz\x15");
	KUNIT_EXPECT_STREQ(test, nt_out(test), "zz^U\r\n");

	/* Without ECHOE, erase echoes the erase character itself. */
	nt_set_lflag(test, ECHOE, 0);
	nt_out_clear(test);
	nt_feed(test, "q\x7f");
	KUNIT_EXPECT_STREQ(test, nt_out(test), "q^?");

	/* No ECHO: nothing, but the line still arrives. */
	nt_set_lflag(test, ECHO, 0);
	nt_out_clear(test);
	nt_feed(test, "secret\n");
	KUNIT_EXPECT_STREQ(test, nt_out(test), "");
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "secret\n");
}

/* Output: ONLCR turns NL into CR NL; without OPOST bytes go as they are. */
static void n_tty_output(struct kunit *test)
{
	struct tty_struct *tty = nt_tty(test);
	struct termios t;

	KUNIT_EXPECT_EQ(test, n_tty_write(tty, (const u8 *)"a\nb\n", 4), 4);
	KUNIT_EXPECT_STREQ(test, nt_out(test), "a\r\nb\r\n");

	tty_mode_ioctl(tty, TCGETS, 0, &t);
	t.c_oflag |= TAB3;
	tty_mode_ioctl(tty, TCSETS, 0, &t);
	nt_out_clear(test);
	n_tty_write(tty, (const u8 *)"ab\tc", 4);
	KUNIT_EXPECT_STREQ(test, nt_out(test), "ab      c");

	t.c_oflag &= ~OPOST;
	tty_mode_ioctl(tty, TCSETS, 0, &t);
	nt_out_clear(test);
	n_tty_write(tty, (const u8 *)"x\ny\t", 4);
	KUNIT_EXPECT_STREQ(test, nt_out(test), "x\ny\t");
}

/* Non-canonical reads: VMIN bytes, VTIME tenths of a second. */
static void n_tty_vmin_vtime(struct kunit *test)
{
	struct tty_struct *tty = nt_tty(test);
	u8 buf[16];
	u64 start;

	nt_set_lflag(test, ICANON, 0);
	/* VMIN 1, VTIME 0 (the defaults): each byte is readable at once. */
	nt_feed(test, "k");
	KUNIT_EXPECT_EQ(test, n_tty_read(tty, buf, sizeof(buf), false), 1);
	KUNIT_EXPECT_EQ(test, buf[0], 'k');

	/* VMIN 3: poll waits for three bytes. */
	nt_set_cc(test, VMIN, 3);
	nt_feed(test, "12");
	KUNIT_EXPECT_FALSE(test, n_tty_poll_readable(tty));
	nt_feed(test, "3");
	KUNIT_EXPECT_TRUE(test, n_tty_poll_readable(tty));
	KUNIT_EXPECT_EQ(test, n_tty_read(tty, buf, sizeof(buf), false), 3);

	/* VMIN 0, VTIME 0: what is there, possibly nothing, at once. */
	nt_set_cc(test, VMIN, 0);
	KUNIT_EXPECT_EQ(test, n_tty_read(tty, buf, sizeof(buf), false), 0);

	/* VMIN 0, VTIME 2: 0 after 0.2 s without input. */
	nt_set_cc(test, VTIME, 2);
	start = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, n_tty_read(tty, buf, sizeof(buf), false), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 190 * NSEC_PER_MSEC);

	/* VMIN 4, VTIME 1: one byte, then 0.1 s without another. */
	nt_set_cc(test, VMIN, 4);
	nt_set_cc(test, VTIME, 1);
	nt_feed(test, "z");
	start = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, n_tty_read(tty, buf, sizeof(buf), false), 1);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 90 * NSEC_PER_MSEC);

	/* Non-canonical: CR still becomes NL, ^D and ^U are plain bytes. */
	nt_set_cc(test, VMIN, 1);
	nt_set_cc(test, VTIME, 0);
	nt_feed(test, "\r\x04\x15");
	KUNIT_EXPECT_EQ(test, n_tty_read(tty, buf, sizeof(buf), false), 3);
	KUNIT_EXPECT_EQ(test, buf[0], '\n');
	KUNIT_EXPECT_EQ(test, buf[1], 0x04);
	KUNIT_EXPECT_EQ(test, buf[2], 0x15);
}

/* Leaving canonical mode makes the half-typed line readable. */
static void n_tty_mode_switch(struct kunit *test)
{
	char buf[16];

	nt_feed(test, "half");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), -EAGAIN);
	nt_set_lflag(test, ICANON, 0);
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 4);
	KUNIT_EXPECT_STREQ(test, buf, "half");
}

/* ^C, ^\ and ^Z signal the foreground group and flush the input. */
static void n_tty_signals(struct kunit *test)
{
	char buf[16];

	nt_feed(test, "sleep 100\x03");
	KUNIT_EXPECT_EQ(test, nt_sig_count, 1);
	KUNIT_EXPECT_EQ(test, nt_sig_last, SIGINT);
	KUNIT_EXPECT_EQ(test, nt_sig_pgrp, NT_TEST_PGRP);
	KUNIT_EXPECT_STREQ(test, nt_out(test), "sleep 100^C");
	nt_feed(test, "\n");
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 1);
	KUNIT_EXPECT_STREQ(test, buf, "\n");

	nt_feed(test, "\x1c");
	KUNIT_EXPECT_EQ(test, nt_sig_last, SIGQUIT);
	nt_feed(test, "\x1a");
	KUNIT_EXPECT_EQ(test, nt_sig_last, SIGTSTP);
	KUNIT_EXPECT_EQ(test, nt_sig_count, 3);

	/* NOFLSH keeps the input. */
	nt_set_lflag(test, 0, NOFLSH);
	nt_feed(test, "ab\003c\n");
	KUNIT_EXPECT_EQ(test, nt_sig_count, 4);
	nt_read(test, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "abc\n");

	/* ^V^C: a literal ^C; and without ISIG ^C is a plain byte too. */
	nt_feed(test, "\x16\x03\n");
	KUNIT_EXPECT_EQ(test, nt_sig_count, 4);
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 2);
	KUNIT_EXPECT_EQ(test, buf[0], 0x03);
	nt_set_lflag(test, ISIG, 0);
	nt_feed(test, "\x03\n");
	KUNIT_EXPECT_EQ(test, nt_sig_count, 4);
	KUNIT_EXPECT_EQ(test, nt_read(test, buf, sizeof(buf) - 1), 2);

	/* No foreground group: nobody to signal. */
	nt_set_lflag(test, 0, ISIG);
	nt_tty(test)->pgrp = 0;
	nt_feed(test, "\x03");
	KUNIT_EXPECT_EQ(test, nt_sig_count, 4);
}

/* Linux's defaults, and what TCSETS stores TCGETS returns. */
static void n_tty_termios_ioctls(struct kunit *test)
{
	struct tty_struct *tty = nt_tty(test);
	struct termios2 t2;
	struct termios t;
	struct winsize ws = { 0 };
	int n;

	/* The ABI: sizes and the _IOR/_IOW encoded numbers. */
	KUNIT_EXPECT_EQ(test, sizeof(struct termios), 36);
	KUNIT_EXPECT_EQ(test, sizeof(struct termios2), 44);
	KUNIT_EXPECT_EQ(test, sizeof(struct serial_struct), 72);
	KUNIT_EXPECT_EQ(test, TCGETS2, 0x802c542a);
	KUNIT_EXPECT_EQ(test, TCSETSF2, 0x402c542d);

	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, TCGETS, 0, &t), 0);
	KUNIT_EXPECT_EQ(test, t.c_iflag, 0x500);
	KUNIT_EXPECT_EQ(test, t.c_oflag, 0x5);
	KUNIT_EXPECT_EQ(test, t.c_cflag, 0x1cb2);
	KUNIT_EXPECT_EQ(test, t.c_lflag, 0x8a3b);
	KUNIT_EXPECT_EQ(test, t.c_cc[VINTR], 3);
	KUNIT_EXPECT_EQ(test, t.c_cc[VERASE], 0x7f);
	KUNIT_EXPECT_EQ(test, t.c_cc[VEOF], 4);
	KUNIT_EXPECT_EQ(test, t.c_cc[VMIN], 1);

	t.c_lflag = 0x10;
	t.c_cc[VMIN] = 7;
	t.c_cflag = 0xcbf;	/* B38400 | CS8 | CREAD | HUPCL | CLOCAL */
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, TCSETSW, 0, &t), 0);
	memset(&t, 0, sizeof(t));
	tty_mode_ioctl(tty, TCGETS, 0, &t);
	KUNIT_EXPECT_EQ(test, t.c_lflag, 0x10);
	KUNIT_EXPECT_EQ(test, t.c_cc[VMIN], 7);
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, TCGETS2, 0, &t2), 0);
	KUNIT_EXPECT_EQ(test, t2.c_ospeed, 38400);
	KUNIT_EXPECT_EQ(test, t2.c_ispeed, 38400);

	/* Window size: 0x0 as on Linux's ttyS0, then what was set. */
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, TIOCGWINSZ, 0, &ws), 0);
	KUNIT_EXPECT_EQ(test, ws.ws_row, 0);
	KUNIT_EXPECT_EQ(test, ws.ws_col, 0);
	ws.ws_row = 50;
	ws.ws_col = 132;
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, TIOCSWINSZ, 0, &ws), 0);
	KUNIT_EXPECT_EQ(test, nt_sig_last, SIGWINCH);
	memset(&ws, 0, sizeof(ws));
	tty_mode_ioctl(tty, TIOCGWINSZ, 0, &ws);
	KUNIT_EXPECT_EQ(test, ws.ws_col, 132);

	/* TCSETSF drops pending input, FIONREAD counts it. */
	nt_feed(test, "abc");
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, FIONREAD, 0, &n), 0);
	KUNIT_EXPECT_EQ(test, n, 3);
	tty_mode_ioctl(tty, TCGETS, 0, &t);
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, TCSETSF, 0, &t), 0);
	tty_mode_ioctl(tty, FIONREAD, 0, &n);
	KUNIT_EXPECT_EQ(test, n, 0);

	KUNIT_EXPECT_EQ(test, tty_mode_ioctl(tty, TCFLSH, 3, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, tty_mode_ioctl(tty, TCFLSH, TCIFLUSH, NULL), 0);
	KUNIT_EXPECT_EQ(test, tty_mode_ioctl(tty, TCXONC, TCOON, NULL), 0);
	KUNIT_EXPECT_EQ(test, tty_mode_ioctl(tty, TCSBRK, 1, NULL), 0);
	KUNIT_EXPECT_EQ(test, tty_mode_ioctl(tty, 0x5480, 0, NULL), -ENOTTY);
}

static struct kunit_case n_tty_cases[] = {
	KUNIT_CASE(n_tty_canon_line),
	KUNIT_CASE(n_tty_erase_kill),
	KUNIT_CASE(n_tty_eof),
	KUNIT_CASE(n_tty_echo),
	KUNIT_CASE(n_tty_output),
	KUNIT_CASE(n_tty_vmin_vtime),
	KUNIT_CASE(n_tty_mode_switch),
	KUNIT_CASE(n_tty_signals),
	KUNIT_CASE(n_tty_termios_ioctls),
	{}
};

static struct kunit_suite n_tty_suite = {
	.name = "n_tty",
	.init = nt_test_init,
	.exit = nt_test_exit,
	.test_cases = n_tty_cases,
};
kunit_test_suite(n_tty_suite);
