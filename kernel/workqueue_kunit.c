// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "workqueue": items run in queueing order on the worker,
 * flushing waits for them, pending items are not queued twice, and
 * cancelling stops an item that has not started.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/workqueue.h>
#include <kunit/test.h>

#define WQ_TEST_ITEMS	8

struct wq_test_item {
	struct work_struct work;
	int index;
	int runs;
	int *log;
	int *log_len;
	struct completion *gate;	/* if set, wait on it before running */
	bool slow;
};

static void wq_test_fn(struct work_struct *work)
{
	struct wq_test_item *it = container_of(work, struct wq_test_item, work);

	if (it->gate)
		wait_for_completion(it->gate);
	if (it->slow)
		msleep(20);
	it->runs++;
	if (it->log)
		it->log[(*it->log_len)++] = it->index;
}

static void wq_item_init(struct wq_test_item *it, int index)
{
	memset(it, 0, sizeof(*it));
	INIT_WORK(&it->work, wq_test_fn);
	it->index = index;
}

/* Items run one at a time in the order they were queued. */
static void wq_runs_in_order(struct kunit *test)
{
	struct wq_test_item items[WQ_TEST_ITEMS];
	struct workqueue_struct *wq;
	int log[WQ_TEST_ITEMS], len = 0, i;

	wq = alloc_workqueue("ktest", 0, 1);
	KUNIT_ASSERT_NOT_NULL(test, wq);
	for (i = 0; i < WQ_TEST_ITEMS; i++) {
		wq_item_init(&items[i], i);
		items[i].log = log;
		items[i].log_len = &len;
		items[i].slow = i == 0;
		KUNIT_EXPECT_TRUE(test, queue_work(wq, &items[i].work));
	}
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, len, WQ_TEST_ITEMS);
	for (i = 0; i < len; i++)
		KUNIT_EXPECT_EQ(test, log[i], i);
	destroy_workqueue(wq);
}

/* flush_work() returns only once the item has run. */
static void wq_flush_work_waits(struct kunit *test)
{
	struct wq_test_item it;

	wq_item_init(&it, 0);
	it.slow = true;
	KUNIT_EXPECT_TRUE(test, schedule_work(&it.work));
	KUNIT_EXPECT_TRUE(test, flush_work(&it.work));
	KUNIT_EXPECT_EQ(test, it.runs, 1);
	KUNIT_EXPECT_FALSE(test, work_pending(&it.work));
	/* Idle now: nothing to wait for. */
	KUNIT_EXPECT_FALSE(test, flush_work(&it.work));
}

/* Queueing a pending item again is refused; it runs once. */
static void wq_pending_not_requeued(struct kunit *test)
{
	struct wq_test_item blocker, it;
	struct workqueue_struct *wq;
	DECLARE_COMPLETION(gate);

	wq = alloc_workqueue("ktest", 0, 1);
	KUNIT_ASSERT_NOT_NULL(test, wq);
	wq_item_init(&blocker, 0);
	blocker.gate = &gate;
	wq_item_init(&it, 1);
	KUNIT_EXPECT_TRUE(test, queue_work(wq, &blocker.work));
	KUNIT_EXPECT_TRUE(test, queue_work(wq, &it.work));
	KUNIT_EXPECT_FALSE(test, queue_work(wq, &it.work));
	KUNIT_EXPECT_TRUE(test, work_pending(&it.work));
	complete(&gate);
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, it.runs, 1);
	KUNIT_EXPECT_EQ(test, blocker.runs, 1);
	destroy_workqueue(wq);
}

/* cancel_work_sync() removes an item that has not started. */
static void wq_cancel_pending(struct kunit *test)
{
	struct wq_test_item blocker, it, after;
	struct workqueue_struct *wq;
	DECLARE_COMPLETION(gate);

	wq = alloc_workqueue("ktest", 0, 1);
	KUNIT_ASSERT_NOT_NULL(test, wq);
	wq_item_init(&blocker, 0);
	blocker.gate = &gate;
	wq_item_init(&it, 1);
	wq_item_init(&after, 2);
	queue_work(wq, &blocker.work);
	queue_work(wq, &it.work);
	queue_work(wq, &after.work);
	KUNIT_EXPECT_TRUE(test, cancel_work_sync(&it.work));
	KUNIT_EXPECT_FALSE(test, work_pending(&it.work));
	complete(&gate);
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, it.runs, 0);
	KUNIT_EXPECT_EQ(test, after.runs, 1);
	/* Cancelling the last item must not leave flushers hanging. */
	reinit_completion(&gate);
	queue_work(wq, &blocker.work);
	queue_work(wq, &it.work);
	KUNIT_EXPECT_TRUE(test, cancel_work_sync(&it.work));
	complete(&gate);
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, it.runs, 0);
	KUNIT_EXPECT_EQ(test, blocker.runs, 2);
	destroy_workqueue(wq);
}

struct wq_requeue {
	struct work_struct work;
	int runs;
};

static void wq_requeue_fn(struct work_struct *work)
{
	struct wq_requeue *r = container_of(work, struct wq_requeue, work);

	if (++r->runs < 3)
		queue_work(system_wq, work);
}

/* An item may queue itself again while it runs. */
static void wq_requeue_from_itself(struct kunit *test)
{
	struct wq_requeue r = { .runs = 0 };
	int i;

	INIT_WORK(&r.work, wq_requeue_fn);
	schedule_work(&r.work);
	for (i = 0; i < 3; i++)
		flush_work(&r.work);
	KUNIT_EXPECT_EQ(test, r.runs, 3);
}

/* destroy_workqueue() runs what was queued before freeing. */
static void wq_destroy_drains(struct kunit *test)
{
	struct wq_test_item items[3];
	struct workqueue_struct *wq;
	int i;

	wq = alloc_workqueue("ktest-%d", 0, 1, 2);
	KUNIT_ASSERT_NOT_NULL(test, wq);
	for (i = 0; i < 3; i++) {
		wq_item_init(&items[i], i);
		queue_work(wq, &items[i].work);
	}
	destroy_workqueue(wq);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, items[i].runs, 1);
}

static struct kunit_case workqueue_cases[] = {
	KUNIT_CASE(wq_runs_in_order),
	KUNIT_CASE(wq_flush_work_waits),
	KUNIT_CASE(wq_pending_not_requeued),
	KUNIT_CASE(wq_cancel_pending),
	KUNIT_CASE(wq_requeue_from_itself),
	KUNIT_CASE(wq_destroy_drains),
	{}
};

static struct kunit_suite workqueue_suite = {
	.name = "workqueue",
	.test_cases = workqueue_cases,
};
kunit_test_suite(workqueue_suite);
