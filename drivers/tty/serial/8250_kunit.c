// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the console UART's terminal (8250_port.c) with the real
 * device: what TIOCGSERIAL reports, and lines typed on the serial port
 * by the test runner reaching a reader through the receive interrupt,
 * the work item and the line discipline.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/delay.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/tty.h>
#include <kunit/test.h>
#include "8250.h"

#define TYPED_WAIT_NS	(60ULL * NSEC_PER_SEC)

/*
 * tty_kunit.typed=1: a runner types at this suite's prompts (make
 * check's boot:tty-typed-line). Without it the typed cases skip.
 */
static bool typed;

static int __init tty_kunit_typed_setup(char *val)
{
	return kstrtobool(val ? val : "1", &typed);
}
early_param("tty_kunit.typed", tty_kunit_typed_setup);

static int typed_sig, typed_pgrp;

static int typed_kill_pgrp(int pgrp, int sig)
{
	typed_pgrp = pgrp;
	typed_sig = sig;
	return 0;
}

/* Wait (sleeping) until a whole line is there, or give up. */
static bool wait_readable(struct tty_struct *tty)
{
	u64 end = ktime_get_ns() + TYPED_WAIT_NS;

	while (!n_tty_poll_readable(tty)) {
		if (ktime_get_ns() > end)
			return false;
		msleep(20);
	}
	return true;
}

/* Print @prompt on the terminal and read the line typed after it. */
static ssize_t prompt_and_read(struct kunit *test, struct tty_struct *tty,
			       const char *prompt, char *buf, size_t size)
{
	ssize_t n;

	tty_kernel_write(tty, prompt, strlen(prompt));
	if (!wait_readable(tty)) {
		KUNIT_FAIL(test, "nothing typed after \"%s\" within %llu s",
			   prompt, TYPED_WAIT_NS / NSEC_PER_SEC);
		return -1;
	}
	n = tty_kernel_read(tty, buf, size - 1, true);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static void serial8250_get_serial(struct kunit *test)
{
	struct tty_struct *tty = serial8250_console_tty();
	struct serial_struct ss;

	KUNIT_ASSERT_NOT_NULL(test, tty);
	KUNIT_ASSERT_EQ(test, tty_mode_ioctl(tty, TIOCGSERIAL, 0, &ss), 0);
	KUNIT_EXPECT_EQ(test, ss.type, PORT_16550A);
	/* QEMU's -serial stdio is COM1 */
	KUNIT_EXPECT_EQ(test, ss.line, 0);
	KUNIT_EXPECT_EQ(test, ss.port, 0x3f8);
	KUNIT_EXPECT_EQ(test, ss.irq, 4);
}

/*
 * The runner types "tide", two DEL, "ny tty" and CR: the reader gets
 * "tiny tty\n". Then "abc", ^C and CR: SIGINT for the foreground group,
 * and the flushed "abc" never reaches the reader, only the "\n".
 */
static void serial8250_typed_line(struct kunit *test)
{
	struct tty_struct *tty = serial8250_console_tty();
	int (*saved_kill)(int pgrp, int sig);
	char buf[64];
	ssize_t n;

	if (!typed)
		kunit_skip(test, "boot with tty_kunit.typed=1 and type lines");
	KUNIT_ASSERT_NOT_NULL(test, tty);
	KUNIT_ASSERT_EQ(test, tty_kernel_open(tty), 0);
	saved_kill = tty->kill_pgrp;
	tty->kill_pgrp = typed_kill_pgrp;
	tty->pgrp = 77;

	n = prompt_and_read(test, tty, "tty-kunit> ", buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, n, 9);
	KUNIT_EXPECT_STREQ(test, buf, "tiny tty\n");

	n = prompt_and_read(test, tty, "tty-kunit> ", buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, typed_sig, SIGINT);
	KUNIT_EXPECT_EQ(test, typed_pgrp, 77);
	KUNIT_EXPECT_EQ(test, n, 1);
	KUNIT_EXPECT_STREQ(test, buf, "\n");

	tty->kill_pgrp = saved_kill;
	tty->pgrp = 0;
	tty_kernel_close(tty);
}

static struct kunit_case serial8250_cases[] = {
	KUNIT_CASE(serial8250_get_serial),
	KUNIT_CASE(serial8250_typed_line),
	{}
};

static struct kunit_suite serial8250_suite = {
	.name = "serial8250",
	.test_cases = serial8250_cases,
};
kunit_test_suite(serial8250_suite);
