// SPDX-License-Identifier: GPL-2.0
/*
 * Completions on top of a wait queue: a counter of complete() calls that
 * waiters consume one each, with the wait queue's lock guarding both.
 */
#include <linux/kernel.h>
#include <linux/completion.h>

/**
 * complete - let one waiter (present or future) through
 * @x: the completion
 *
 * Safe from interrupts.
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	/* Under the lock: a waiter may free @x as soon as it sees done. */
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/**
 * complete_all - let every waiter through until reinit_completion()
 * @x: the completion
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* Take one "done" if there is one. Called with x->wait.lock held. */
static bool __completion_take(struct completion *x)
{
	if (!x->done)
		return false;
	if (x->done != UINT_MAX)
		x->done--;
	return true;
}

/**
 * wait_for_completion_timeout_ns - wait for complete(), at most @timeout_ns
 * @x: the completion
 * @timeout_ns: nanoseconds; U64_MAX waits forever
 *
 * Waiters are served in arrival order (exclusive wait).
 *
 * Return: 0 on timeout, else the nanoseconds left (at least 1).
 */
u64 wait_for_completion_timeout_ns(struct completion *x, u64 timeout_ns)
{
	struct wait_queue_entry wait;
	unsigned long flags;
	u64 left = timeout_ns;

	init_wait_entry(&wait, 0);
	for (;;) {
		prepare_to_wait_exclusive(&x->wait, &wait,
					  TASK_UNINTERRUPTIBLE);
		spin_lock_irqsave(&x->wait.lock, flags);
		if (__completion_take(x)) {
			spin_unlock_irqrestore(&x->wait.lock, flags);
			left = left ? left : 1;
			break;
		}
		spin_unlock_irqrestore(&x->wait.lock, flags);
		if (!left)
			break;
		left = schedule_timeout_ns(left);
	}
	finish_wait(&x->wait, &wait);
	/*
	 * A complete() whose wake-up picked this waiter while it was giving
	 * up must not be lost: pass the wake-up on.
	 */
	if (!left && READ_ONCE(x->done))
		wake_up(&x->wait);
	return left;
}

/* Sleep until complete(). */
void wait_for_completion(struct completion *x)
{
	wait_for_completion_timeout_ns(x, U64_MAX);
}

/* Linux's form: @timeout in jiffies. Return: jiffies left (>= 1) or 0. */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	u64 left = wait_for_completion_timeout_ns(x,
				sched_jiffies_to_ns(timeout));

	return left ? max(1UL, (unsigned long)(left / sched_jiffies_to_ns(1))) : 0;
}

/* Take a complete() without sleeping. Return: true if there was one. */
bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&x->wait.lock, flags);
	ret = __completion_take(x);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

/* Whether a complete() is pending that no waiter took yet. */
bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
