// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the controlling terminal and job-control rules of the tty
 * core (tty_io.c), with made-up processes: a signal_struct and a process
 * id each, never the running task's.
 */
#include <linux/kernel.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <kunit/test.h>
#include "tty.h"

static int ctty_sig[4], ctty_sig_pgrp[4], ctty_nsig;

static void ctty_test_write(struct tty_struct *tty, const u8 *buf, size_t n)
{
}

static int ctty_test_kill_pgrp(int pgrp, int sig)
{
	if (ctty_nsig < ARRAY_SIZE(ctty_sig)) {
		ctty_sig[ctty_nsig] = sig;
		ctty_sig_pgrp[ctty_nsig] = pgrp;
	}
	ctty_nsig++;
	return 0;
}

static const struct tty_operations ctty_test_ops = {
	.write = ctty_test_write,
};

/*
 * The terminal and three processes: leader 10 and member 11 (in group
 * 11) of session 10, and leader 20 of session 20.
 */
struct ctty_test {
	struct tty_struct tty;
	struct signal_struct leader, member, other;
};

static int ctty_test_init(struct kunit *test)
{
	struct ctty_test *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	tty_init_struct(&t->tty, "ttyctty", MKDEV(TTY_MAJOR, 98),
			&ctty_test_ops);
	t->tty.kill_pgrp = ctty_test_kill_pgrp;
	t->leader.session = 10;
	t->leader.pgrp = 10;
	t->member.session = 10;
	t->member.pgrp = 11;
	t->other.session = 20;
	t->other.pgrp = 20;
	ctty_nsig = 0;
	test->priv = t;
	return 0;
}

static void ctty_test_exit(struct kunit *test)
{
	kfree(test->priv);
}

/* A session leader takes a free terminal; its group is the foreground. */
static void tty_ctty_leader_acquires(struct kunit *test)
{
	struct ctty_test *t = test->priv;

	KUNIT_EXPECT_FALSE(test, tty_is_ctty_of(&t->tty, &t->leader));
	KUNIT_ASSERT_EQ(test, tty_set_ctty_of(&t->tty, &t->leader, 10, false),
			0);
	KUNIT_EXPECT_PTR_EQ(test, t->leader.tty, &t->tty);
	KUNIT_EXPECT_EQ(test, t->tty.session, 10);
	KUNIT_EXPECT_EQ(test, t->tty.pgrp, 10);
	KUNIT_EXPECT_TRUE(test, tty_is_ctty_of(&t->tty, &t->leader));
	/* Asking again is fine. */
	KUNIT_EXPECT_EQ(test, tty_set_ctty_of(&t->tty, &t->leader, 10, false),
			0);
	/* A child inherits the pointer: same session, same terminal. */
	t->member.tty = &t->tty;
	KUNIT_EXPECT_TRUE(test, tty_is_ctty_of(&t->tty, &t->member));
}

/* Only a session leader may, and not for another session's terminal. */
static void tty_ctty_refused(struct kunit *test)
{
	struct ctty_test *t = test->priv;

	KUNIT_EXPECT_EQ(test, tty_set_ctty_of(&t->tty, &t->member, 11, false),
			-EPERM);
	KUNIT_ASSERT_EQ(test, tty_set_ctty_of(&t->tty, &t->leader, 10, false),
			0);
	KUNIT_EXPECT_EQ(test, tty_set_ctty_of(&t->tty, &t->other, 20, false),
			-EPERM);
	KUNIT_EXPECT_EQ(test, t->tty.session, 10);
	/* TIOCSCTTY 1: taken over; the old session no longer has it. */
	KUNIT_EXPECT_EQ(test, tty_set_ctty_of(&t->tty, &t->other, 20, true),
			0);
	KUNIT_EXPECT_EQ(test, t->tty.session, 20);
	KUNIT_EXPECT_FALSE(test, tty_is_ctty_of(&t->tty, &t->leader));
	/* A kernel thread (no signal_struct) gets no terminal. */
	KUNIT_EXPECT_EQ(test, tty_set_ctty_of(&t->tty, NULL, 0, false),
			-EPERM);
}

/* A pointer left from an old session does not count as a terminal. */
static void tty_ctty_stale_pointer(struct kunit *test)
{
	struct ctty_test *t = test->priv;

	t->other.tty = &t->tty;	/* session 20; the terminal is nobody's */
	KUNIT_EXPECT_FALSE(test, tty_is_ctty_of(&t->tty, &t->other));
	KUNIT_EXPECT_EQ(test, tty_set_ctty_of(&t->tty, &t->other, 20, false),
			0);
	KUNIT_EXPECT_TRUE(test, tty_is_ctty_of(&t->tty, &t->other));
}

/* Background: another group of the session while a foreground is set. */
static void tty_ctty_background(struct kunit *test)
{
	struct ctty_test *t = test->priv;

	KUNIT_EXPECT_FALSE(test, tty_in_background(&t->tty, &t->member));
	tty_set_ctty_of(&t->tty, &t->leader, 10, false);
	t->member.tty = &t->tty;
	KUNIT_EXPECT_FALSE(test, tty_in_background(&t->tty, &t->leader));
	KUNIT_EXPECT_TRUE(test, tty_in_background(&t->tty, &t->member));
	t->tty.pgrp = 11;	/* tcsetpgrp(member's group) */
	KUNIT_EXPECT_TRUE(test, tty_in_background(&t->tty, &t->leader));
	KUNIT_EXPECT_FALSE(test, tty_in_background(&t->tty, &t->member));
	/* A process of another session is never "in the background". */
	KUNIT_EXPECT_FALSE(test, tty_in_background(&t->tty, &t->other));
}

/* TIOCNOTTY from the leader: SIGHUP then SIGCONT to the foreground. */
static void tty_ctty_disassociate(struct kunit *test)
{
	struct ctty_test *t = test->priv;

	tty_set_ctty_of(&t->tty, &t->leader, 10, false);
	t->member.tty = &t->tty;
	/* A member only forgets its terminal. */
	tty_disassociate_of(&t->member, 11);
	KUNIT_EXPECT_NULL(test, t->member.tty);
	KUNIT_EXPECT_EQ(test, ctty_nsig, 0);
	KUNIT_EXPECT_EQ(test, t->tty.session, 10);

	t->tty.pgrp = 11;
	tty_disassociate_of(&t->leader, 10);
	KUNIT_EXPECT_NULL(test, t->leader.tty);
	KUNIT_EXPECT_EQ(test, t->tty.session, 0);
	KUNIT_EXPECT_EQ(test, t->tty.pgrp, 0);
	KUNIT_ASSERT_EQ(test, ctty_nsig, 2);
	KUNIT_EXPECT_EQ(test, ctty_sig[0], SIGHUP);
	KUNIT_EXPECT_EQ(test, ctty_sig[1], SIGCONT);
	KUNIT_EXPECT_EQ(test, ctty_sig_pgrp[0], 11);
	/* The terminal is free for the next session. */
	KUNIT_EXPECT_EQ(test, tty_set_ctty_of(&t->tty, &t->other, 20, false),
			0);
}

static struct kunit_case tty_ctty_cases[] = {
	KUNIT_CASE(tty_ctty_leader_acquires),
	KUNIT_CASE(tty_ctty_refused),
	KUNIT_CASE(tty_ctty_stale_pointer),
	KUNIT_CASE(tty_ctty_background),
	KUNIT_CASE(tty_ctty_disassociate),
	{}
};

static struct kunit_suite tty_ctty_suite = {
	.name = "tty_ctty",
	.init = ctty_test_init,
	.exit = ctty_test_exit,
	.test_cases = tty_ctty_cases,
};
kunit_test_suite(tty_ctty_suite);
