// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for blocking notifier chains (kernel/notifier.c) and the errno
 * encoding of include/linux/notifier.h, each on a chain of its own.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/notifier.h>
#include <linux/string.h>
#include <kunit/test.h>

#define NT_MAX_CALLS	16

/* What the callbacks of one case saw, in the order they ran. */
struct nt_log {
	int ids[NT_MAX_CALLS];
	int nr;
	unsigned long last_val;
	void *last_data;
};

/* A block that logs its @id and returns @ret. */
struct nt_block {
	struct notifier_block nb;
	struct nt_log *log;
	int id;
	int ret;
};

static int nt_callback(struct notifier_block *nb, unsigned long val,
		       void *data)
{
	struct nt_block *b = container_of(nb, struct nt_block, nb);

	if (b->log->nr < NT_MAX_CALLS)
		b->log->ids[b->log->nr] = b->id;
	b->log->nr++;
	b->log->last_val = val;
	b->log->last_data = data;
	return b->ret;
}

static void nt_block_init(struct nt_block *b, struct nt_log *log, int id,
			  int priority, int ret)
{
	memset(b, 0, sizeof(*b));
	b->nb.notifier_call = nt_callback;
	b->nb.priority = priority;
	b->log = log;
	b->id = id;
	b->ret = ret;
}

/* Checks that the callbacks ran exactly in the order @want (@n ids). */
static void nt_expect_order(struct kunit *test, const struct nt_log *log,
			    const int *want, int n)
{
	int i;

	KUNIT_ASSERT_EQ(test, log->nr, n);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, log->ids[i], want[i], "call %d", i);
}

static void nt_unregister_all(struct blocking_notifier_head *nh,
			      struct nt_block *b, int n)
{
	while (n--)
		blocking_notifier_chain_unregister(nh, &b[n].nb);
}

/* ---- cases ---- */

/* Higher priority first; equal priorities in the order they came. */
static void notifier_priority_order(struct kunit *test)
{
	BLOCKING_NOTIFIER_HEAD(chain);
	static const int want[] = { 3, 5, 1, 4, 2, 6 };
	struct nt_log log = { };
	struct nt_block b[6];
	int i;

	nt_block_init(&b[0], &log, 1, 0, NOTIFY_OK);
	nt_block_init(&b[1], &log, 2, -5, NOTIFY_OK);
	nt_block_init(&b[2], &log, 3, 10, NOTIFY_OK);
	nt_block_init(&b[3], &log, 4, 0, NOTIFY_OK);
	nt_block_init(&b[4], &log, 5, 10, NOTIFY_OK);
	nt_block_init(&b[5], &log, 6, -5, NOTIFY_DONE);
	for (i = 0; i < ARRAY_SIZE(b); i++)
		KUNIT_ASSERT_EQ(test, blocking_notifier_chain_register(&chain, &b[i].nb), 0);

	/* With no stop, the value is the last callback's (6: DONE). */
	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, 42, &log),
			NOTIFY_DONE);
	nt_expect_order(test, &log, want, ARRAY_SIZE(want));
	KUNIT_EXPECT_EQ(test, log.last_val, 42UL);
	KUNIT_EXPECT_PTR_EQ(test, log.last_data, (void *)&log);
	nt_unregister_all(&chain, b, ARRAY_SIZE(b));
	KUNIT_EXPECT_NULL(test, chain.head);
}

/* A value with NOTIFY_STOP_MASK ends the walk and is what the call returns. */
static void notifier_stop_mask(struct kunit *test)
{
	static const int stop_values[] = {
		NOTIFY_STOP, NOTIFY_BAD, NOTIFY_STOP_MASK | NOTIFY_OK | 0x10,
	};
	BLOCKING_NOTIFIER_HEAD(chain);
	static const int want[] = { 1, 2 };
	struct nt_log log;
	struct nt_block b[3];
	int i, stop, ret;

	for (i = 0; i < ARRAY_SIZE(stop_values) + 1; i++) {
		/* The last round vetoes with an errno. */
		stop = i < ARRAY_SIZE(stop_values) ? stop_values[i] :
		       notifier_from_errno(-EBUSY);
		memset(&log, 0, sizeof(log));
		nt_block_init(&b[0], &log, 1, 3, NOTIFY_OK);
		nt_block_init(&b[1], &log, 2, 2, stop);
		nt_block_init(&b[2], &log, 3, 1, NOTIFY_OK);
		blocking_notifier_chain_register(&chain, &b[2].nb);
		blocking_notifier_chain_register(&chain, &b[0].nb);
		blocking_notifier_chain_register(&chain, &b[1].nb);

		ret = blocking_notifier_call_chain(&chain, 1, NULL);
		KUNIT_EXPECT_EQ_MSG(test, ret, stop, "round %d", i);
		nt_expect_order(test, &log, want, ARRAY_SIZE(want));
		nt_unregister_all(&chain, b, ARRAY_SIZE(b));
	}
	KUNIT_EXPECT_EQ(test, notifier_to_errno(ret), -EBUSY);
}

/* Errnos survive the trip through a callback's return value. */
static void notifier_errno_round_trip(struct kunit *test)
{
	static const int errs[] = {
		-EPERM, -ENOENT, -ENOMEM, -EBUSY, -EEXIST, -EINVAL, -ENOSPC,
		-MAX_ERRNO,
	};
	int i, ret;

	KUNIT_EXPECT_EQ(test, notifier_from_errno(0), NOTIFY_OK);
	KUNIT_EXPECT_EQ(test, notifier_to_errno(notifier_from_errno(0)), 0);
	for (i = 0; i < ARRAY_SIZE(errs); i++) {
		ret = notifier_from_errno(errs[i]);
		KUNIT_EXPECT_TRUE_MSG(test, ret & NOTIFY_STOP_MASK,
				      "errno %d does not stop the chain", errs[i]);
		KUNIT_EXPECT_EQ(test, notifier_to_errno(ret), errs[i]);
	}
	/* The plain values carry no errno; a bare veto reads as -EPERM. */
	KUNIT_EXPECT_EQ(test, notifier_to_errno(NOTIFY_DONE), 0);
	KUNIT_EXPECT_EQ(test, notifier_to_errno(NOTIFY_OK), 0);
	KUNIT_EXPECT_EQ(test, notifier_to_errno(NOTIFY_STOP), 0);
	KUNIT_EXPECT_EQ(test, notifier_to_errno(NOTIFY_BAD), -EPERM);
	KUNIT_EXPECT_EQ(test, notifier_to_errno(NOTIFY_STOP_MASK), 0);
}

/* Unregistering a block that is not on the chain is -ENOENT. */
static void notifier_unregister_missing(struct kunit *test)
{
	BLOCKING_NOTIFIER_HEAD(chain);
	struct nt_log log = { };
	struct nt_block a, b;

	nt_block_init(&a, &log, 1, 0, NOTIFY_OK);
	nt_block_init(&b, &log, 2, 0, NOTIFY_OK);
	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &a.nb),
			-ENOENT);
	KUNIT_ASSERT_EQ(test, blocking_notifier_chain_register(&chain, &a.nb), 0);
	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &b.nb),
			-ENOENT);
	KUNIT_EXPECT_PTR_EQ(test, chain.head, &a.nb);
	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &a.nb), 0);
	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &a.nb),
			-ENOENT);
	/* Gone means not called. */
	blocking_notifier_call_chain(&chain, 0, NULL);
	KUNIT_EXPECT_EQ(test, log.nr, 0);
}

/* Unregistering from the middle keeps the rest in order. */
static void notifier_unregister_middle(struct kunit *test)
{
	BLOCKING_NOTIFIER_HEAD(chain);
	static const int want[] = { 1, 3 };
	struct nt_log log = { };
	struct nt_block b[3];
	int i;

	for (i = 0; i < ARRAY_SIZE(b); i++) {
		nt_block_init(&b[i], &log, i + 1, 0, NOTIFY_OK);
		KUNIT_ASSERT_EQ(test, blocking_notifier_chain_register(&chain, &b[i].nb), 0);
	}
	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &b[1].nb), 0);
	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, 0, NULL), NOTIFY_OK);
	nt_expect_order(test, &log, want, ARRAY_SIZE(want));
	blocking_notifier_chain_unregister(&chain, &b[0].nb);
	blocking_notifier_chain_unregister(&chain, &b[2].nb);
}

/* Registering a block twice warns, fails with -EEXIST and changes nothing. */
static void notifier_register_twice(struct kunit *test)
{
	BLOCKING_NOTIFIER_HEAD(chain);
	struct nt_log log = { };
	struct nt_block a, b;
	int ret = 0;

	nt_block_init(&a, &log, 1, 0, NOTIFY_OK);
	nt_block_init(&b, &log, 2, 0, NOTIFY_OK);
	KUNIT_ASSERT_EQ(test, blocking_notifier_chain_register(&chain, &a.nb), 0);
	KUNIT_ASSERT_EQ(test, blocking_notifier_chain_register(&chain, &b.nb), 0);
	KUNIT_EXPECT_WARN(test, ret = blocking_notifier_chain_register(&chain, &a.nb));
	KUNIT_EXPECT_EQ(test, ret, -EEXIST);
	/* Still one link each: a once, then b, then the end. */
	KUNIT_EXPECT_PTR_EQ(test, chain.head, &a.nb);
	KUNIT_EXPECT_PTR_EQ(test, a.nb.next, &b.nb);
	KUNIT_EXPECT_NULL(test, b.nb.next);
	blocking_notifier_call_chain(&chain, 0, NULL);
	KUNIT_EXPECT_EQ(test, log.nr, 2);
	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &a.nb), 0);
	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &b.nb), 0);
	KUNIT_EXPECT_NULL(test, chain.head);
}

/* An empty chain, new or emptied, calls nothing and returns NOTIFY_DONE. */
static void notifier_empty_chain(struct kunit *test)
{
	BLOCKING_NOTIFIER_HEAD(chain);
	struct nt_log log = { };
	struct nt_block a;

	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, 7, &log),
			NOTIFY_DONE);
	nt_block_init(&a, &log, 1, 0, NOTIFY_STOP);
	KUNIT_ASSERT_EQ(test, blocking_notifier_chain_register(&chain, &a.nb), 0);
	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, 7, &log),
			NOTIFY_STOP);
	KUNIT_EXPECT_EQ(test, log.nr, 1);
	KUNIT_ASSERT_EQ(test, blocking_notifier_chain_unregister(&chain, &a.nb), 0);
	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, 7, &log),
			NOTIFY_DONE);
	KUNIT_EXPECT_EQ(test, log.nr, 1);
}

static struct kunit_case notifier_cases[] = {
	KUNIT_CASE(notifier_priority_order),
	KUNIT_CASE(notifier_stop_mask),
	KUNIT_CASE(notifier_errno_round_trip),
	KUNIT_CASE(notifier_unregister_missing),
	KUNIT_CASE(notifier_unregister_middle),
	KUNIT_CASE(notifier_register_twice),
	KUNIT_CASE(notifier_empty_chain),
	{}
};

static struct kunit_suite notifier_suite = {
	.name = "notifier",
	.test_cases = notifier_cases,
};

kunit_test_suite(notifier_suite);
