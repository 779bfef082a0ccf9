// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/sched/cputime.c: a tick charges the running task's
 * user or system time, a thread leaving keeps its time in the group, a
 * reaped process's time (its own and its children's) goes to the
 * parent's children totals.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/cpu_time.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/irqflags.h>
#include <kunit/test.h>

#define TICK	(NSEC_PER_SEC / HZ)

/* A tick in user mode and one in the kernel, charged to this thread. */
static void cputime_tick_charges_current(struct kunit *test)
{
	struct task_struct *self = current;
	u64 ut, st;
	unsigned long flags;

	flags = arch_local_irq_save();
	ut = self->utime;
	st = self->stime;
	account_process_tick(true);
	account_process_tick(false);
	account_process_tick(false);
	KUNIT_EXPECT_EQ(test, self->utime - ut, (u64)TICK);
	KUNIT_EXPECT_EQ(test, self->stime - st, 2 * (u64)TICK);
	arch_local_irq_restore(flags);
}

/* Test objects: only the fields cputime.c reads are set. */
static struct signal_struct ct_parent, ct_child;
static struct task_struct ct_a, ct_b;

/* The group's time: live threads plus dead ones; reaping moves it up. */
static void cputime_group_and_reap(struct kunit *test)
{
	struct signal_struct *parent = &ct_parent, *child = &ct_child;
	struct task_struct *a = &ct_a, *b = &ct_b;
	struct cputime t = { 0 };

	memset(parent, 0, sizeof(*parent));
	memset(child, 0, sizeof(*child));
	memset(a, 0, sizeof(*a));
	memset(b, 0, sizeof(*b));
	INIT_LIST_HEAD(&child->threads);
	a->signal = child;
	b->signal = child;
	a->utime = 3 * TICK;
	a->stime = 5 * TICK;
	b->utime = 7 * TICK;
	b->stime = 11 * TICK;
	list_add_tail(&a->thread_node, &child->threads);
	list_add_tail(&b->thread_node, &child->threads);
	child->cutime = 100;
	child->cstime = 200;
	parent->cutime = 1;
	parent->cstime = 2;

	/* b leaves first: its time stays in the group. */
	list_del_init(&b->thread_node);
	cputime_thread_gone(b);
	KUNIT_EXPECT_EQ(test, child->dead_utime, 7 * TICK);
	KUNIT_EXPECT_EQ(test, child->dead_stime, 11 * TICK);

	cputime_reaped(parent, child, &t);
	KUNIT_EXPECT_EQ(test, t.utime, 10 * TICK + 100);
	KUNIT_EXPECT_EQ(test, t.stime, 16 * TICK + 200);
	KUNIT_EXPECT_EQ(test, parent->cutime, 10 * TICK + 101);
	KUNIT_EXPECT_EQ(test, parent->cstime, 16 * TICK + 202);
}

static struct kunit_case cputime_cases[] = {
	KUNIT_CASE(cputime_tick_charges_current),
	KUNIT_CASE(cputime_group_and_reap),
	{}
};

static struct kunit_suite cputime_suite = {
	.name = "cputime",
	.test_cases = cputime_cases,
};
kunit_test_suite(cputime_suite);
