// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "locking": mutex, rw_semaphore and counting semaphore, alone
 * and with several threads contending (exact counts, exclusion checks).
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <kunit/test.h>

#define LOCK_TEST_THREADS	4
#define LOCK_TEST_ROUNDS	500

/* Trylock fails while held, succeeds once released. */
static void mutex_trylock_behaves(struct kunit *test)
{
	DEFINE_MUTEX(m);

	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	mutex_lock(&m);
	KUNIT_EXPECT_TRUE(test, mutex_is_owner(&m));
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 0);
	mutex_unlock(&m);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 1);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

struct mutex_ctx {
	struct mutex lock;
	long counter;
	atomic_t inside;	/* threads inside the critical section */
	int overlaps;		/* times someone found another inside */
};

static int mutex_hammer(void *data)
{
	struct mutex_ctx *ctx = data;
	int i;

	for (i = 0; i < LOCK_TEST_ROUNDS; i++) {
		long v;

		mutex_lock(&ctx->lock);
		if (atomic_inc_return(&ctx->inside) != 1)
			ctx->overlaps++;
		v = ctx->counter;
		/* Give the others every chance to break in. */
		if (!(i % 8))
			yield();
		ctx->counter = v + 1;
		atomic_dec(&ctx->inside);
		mutex_unlock(&ctx->lock);
		if (!(i % 3))
			yield();
	}
	return 0;
}

/* N threads increment a counter under a mutex: nothing is lost. */
static void mutex_contention_exact_count(struct kunit *test)
{
	struct task_struct *t[LOCK_TEST_THREADS];
	struct mutex_ctx ctx = { .counter = 0 };
	int i;

	mutex_init(&ctx.lock);
	for (i = 0; i < LOCK_TEST_THREADS; i++) {
		t[i] = kthread_run(mutex_hammer, &ctx, "ktest-m%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (i = 0; i < LOCK_TEST_THREADS; i++)
		kthread_stop(t[i]);
	KUNIT_EXPECT_EQ(test, ctx.counter,
			(long)LOCK_TEST_THREADS * LOCK_TEST_ROUNDS);
	KUNIT_EXPECT_EQ(test, ctx.overlaps, 0);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&ctx.lock));
}

/* Unlocking a mutex one does not hold is reported. */
static void mutex_unlock_unowned_warns(struct kunit *test)
{
	DEFINE_MUTEX(m);

	KUNIT_EXPECT_WARN(test, mutex_unlock(&m));
}

struct rwsem_ctx {
	struct rw_semaphore sem;
	atomic_t readers;	/* inside as readers now */
	atomic_t writers;	/* inside as writers now */
	int max_readers;
	atomic_t violations;	/* a writer saw company, or a reader a writer */
	atomic_t arrived;
	int total;
};

static int rwsem_reader_meet(void *data)
{
	struct rwsem_ctx *ctx = data;
	u64 start;
	int n;

	down_read(&ctx->sem);
	n = atomic_inc_return(&ctx->readers);
	atomic_inc(&ctx->arrived);
	if (n > READ_ONCE(ctx->max_readers))
		WRITE_ONCE(ctx->max_readers, n);
	/* Hold the lock until every reader is inside (or we give up). */
	start = ktime_get_ns();
	while (atomic_read(&ctx->arrived) < ctx->total &&
	       ktime_get_ns() - start < 5 * NSEC_PER_SEC)
		msleep(1);
	n = atomic_read(&ctx->readers);
	if (n > READ_ONCE(ctx->max_readers))
		WRITE_ONCE(ctx->max_readers, n);
	atomic_dec(&ctx->readers);
	up_read(&ctx->sem);
	return 0;
}

/* Readers hold the semaphore together. */
static void rwsem_readers_share(struct kunit *test)
{
	struct task_struct *t[LOCK_TEST_THREADS];
	struct rwsem_ctx ctx = { .total = LOCK_TEST_THREADS };
	int i;

	init_rwsem(&ctx.sem);
	for (i = 0; i < LOCK_TEST_THREADS; i++) {
		t[i] = kthread_run(rwsem_reader_meet, &ctx, "ktest-r%d", i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (i = 0; i < LOCK_TEST_THREADS; i++)
		kthread_stop(t[i]);
	KUNIT_EXPECT_EQ(test, ctx.max_readers, LOCK_TEST_THREADS);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&ctx.sem));
}

static int rwsem_mixed(void *data)
{
	struct rwsem_ctx *ctx = data;
	bool writer = current->comm[7] == 'w';
	int i;

	for (i = 0; i < LOCK_TEST_ROUNDS / 5; i++) {
		if (writer) {
			down_write(&ctx->sem);
			if (atomic_inc_return(&ctx->writers) != 1 ||
			    atomic_read(&ctx->readers))
				atomic_inc(&ctx->violations);
			yield();
			ctx->total++;
			atomic_dec(&ctx->writers);
			up_write(&ctx->sem);
		} else {
			down_read(&ctx->sem);
			/* Fully ordered: before the look at writers. */
			atomic_inc_return(&ctx->readers);
			if (atomic_read(&ctx->writers))
				atomic_inc(&ctx->violations);
			yield();
			atomic_dec(&ctx->readers);
			up_read(&ctx->sem);
		}
		yield();
	}
	return 0;
}

/* Writers exclude readers and each other; no writer update is lost. */
static void rwsem_writer_excludes(struct kunit *test)
{
	struct task_struct *t[LOCK_TEST_THREADS];
	struct rwsem_ctx ctx = { .total = 0 };
	int i;

	init_rwsem(&ctx.sem);
	for (i = 0; i < LOCK_TEST_THREADS; i++) {
		t[i] = kthread_run(rwsem_mixed, &ctx, "ktest-r%c%d",
				   i % 2 ? 'w' : 'r', i);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t[i]);
	}
	for (i = 0; i < LOCK_TEST_THREADS; i++)
		kthread_stop(t[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx.violations), 0);
	KUNIT_EXPECT_EQ(test, ctx.total,
			(LOCK_TEST_THREADS / 2) * (LOCK_TEST_ROUNDS / 5));
}

struct rwsem_writer_ctx {
	struct rw_semaphore *sem;
	struct completion got;
};

static int rwsem_take_write(void *data)
{
	struct rwsem_writer_ctx *ctx = data;

	down_write(ctx->sem);
	complete(&ctx->got);
	up_write(ctx->sem);
	return 0;
}

/* A waiting writer keeps new readers out, and gets the lock next. */
static void rwsem_writer_not_starved(struct kunit *test)
{
	DECLARE_RWSEM(sem);
	struct rwsem_writer_ctx ctx = { .sem = &sem };
	struct task_struct *t;
	u64 start;

	init_completion(&ctx.got);
	down_read(&sem);
	t = kthread_run(rwsem_take_write, &ctx, "ktest-writer");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	start = ktime_get_ns();
	while (list_empty(&sem.wait_list) &&
	       ktime_get_ns() - start < 5 * NSEC_PER_SEC)
		msleep(1);
	KUNIT_EXPECT_FALSE(test, list_empty(&sem.wait_list));
	KUNIT_EXPECT_EQ(test, down_read_trylock(&sem), 0);
	KUNIT_EXPECT_FALSE(test, completion_done(&ctx.got));
	up_read(&sem);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout_ns(&ctx.got,
						5 * NSEC_PER_SEC), 0);
	kthread_stop(t);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&sem));
}

/* Trylocks respect the holder, and downgrade lets readers in. */
static void rwsem_trylock_and_downgrade(struct kunit *test)
{
	DECLARE_RWSEM(sem);

	down_write(&sem);
	KUNIT_EXPECT_EQ(test, down_read_trylock(&sem), 0);
	KUNIT_EXPECT_EQ(test, down_write_trylock(&sem), 0);
	downgrade_write(&sem);
	KUNIT_EXPECT_EQ(test, down_read_trylock(&sem), 1);
	KUNIT_EXPECT_EQ(test, down_write_trylock(&sem), 0);
	up_read(&sem);
	up_read(&sem);
	KUNIT_EXPECT_EQ(test, down_write_trylock(&sem), 1);
	up_write(&sem);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&sem));
}

/* down_timeout() on an empty semaphore times out, not early. */
static void sema_timeout(struct kunit *test)
{
	struct semaphore sem;
	u64 start;

	sema_init(&sem, 0);
	start = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, down_timeout_ns(&sem, 10 * NSEC_PER_MSEC), -ETIME);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 10 * NSEC_PER_MSEC);
	KUNIT_EXPECT_EQ(test, down_timeout(&sem, 1), -ETIME);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 1);
	up(&sem);
	KUNIT_EXPECT_EQ(test, down_timeout(&sem, 1), 0);
}

/* A semaphore of N lets N in without waiting, and no more. */
static void sema_counts(struct kunit *test)
{
	struct semaphore sem;

	sema_init(&sem, 2);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 0);
	KUNIT_EXPECT_EQ(test, down_timeout_ns(&sem, 0), 0);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 1);
	up(&sem);
	up(&sem);
	KUNIT_EXPECT_EQ(test, sem.count, 2);
}

struct sema_ctx {
	struct semaphore sem;
	struct completion got;
};

static int sema_taker(void *data)
{
	struct sema_ctx *ctx = data;
	int ret = down_timeout_ns(&ctx->sem, 5 * NSEC_PER_SEC);

	complete(&ctx->got);
	return ret;
}

/* up() hands its unit to a sleeping waiter. */
static void sema_up_wakes_waiter(struct kunit *test)
{
	struct sema_ctx ctx;
	struct task_struct *t;

	sema_init(&ctx.sem, 0);
	init_completion(&ctx.got);
	t = kthread_run(sema_taker, &ctx, "ktest-sem");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	msleep(10);
	KUNIT_EXPECT_FALSE(test, completion_done(&ctx.got));
	up(&ctx.sem);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout_ns(&ctx.got,
						5 * NSEC_PER_SEC), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_EQ(test, ctx.sem.count, 0);
}

static struct kunit_case locking_cases[] = {
	KUNIT_CASE(mutex_trylock_behaves),
	KUNIT_CASE(mutex_contention_exact_count),
	KUNIT_CASE(mutex_unlock_unowned_warns),
	KUNIT_CASE(rwsem_readers_share),
	KUNIT_CASE(rwsem_writer_excludes),
	KUNIT_CASE(rwsem_writer_not_starved),
	KUNIT_CASE(rwsem_trylock_and_downgrade),
	KUNIT_CASE(sema_timeout),
	KUNIT_CASE(sema_counts),
	KUNIT_CASE(sema_up_wakes_waiter),
	{}
};

static struct kunit_suite locking_suite = {
	.name = "locking",
	.test_cases = locking_cases,
};
kunit_test_suite(locking_suite);
