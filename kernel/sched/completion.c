// SPDX-License-Identifier: GPL-2.0
/*
 * Completions on top of a wait queue: a counter of complete() calls that
 * waiters consume one each, with the wait queue's lock guarding both.
 */
#include <linux/kernel.h>
#include <linux/completion.h>

/**
 * complete - let one waiter (present or future) through
 * @comp: the completion
 *
 * Safe from interrupts.
 */
void complete(struct completion *comp)
{
	unsigned long flags;

	spin_lock_irqsave(&comp->wq.lock, flags);
	if (comp->done != UINT_MAX)
		comp->done++;
	/* Under the lock: a waiter may free @comp as soon as it sees done. */
	wait_queue_wake_locked(&comp->wq, 1, TASK_NORMAL);
	spin_unlock_irqrestore(&comp->wq.lock, flags);
}

/**
 * complete_all - let every waiter through until reinit_completion()
 * @comp: the completion
 */
void complete_all(struct completion *comp)
{
	unsigned long flags;

	spin_lock_irqsave(&comp->wq.lock, flags);
	comp->done = UINT_MAX;
	wait_queue_wake_locked(&comp->wq, 0, TASK_NORMAL);
	spin_unlock_irqrestore(&comp->wq.lock, flags);
}

/* Take one "done" if there is one. Called with comp->wq.lock held. */
static bool completion_consume(struct completion *comp)
{
	if (!comp->done)
		return false;
	if (comp->done != UINT_MAX)
		comp->done--;
	return true;
}

/**
 * wait_for_completion_timeout_ns - wait for complete(), at most @timeout_ns
 * @comp: the completion
 * @timeout_ns: nanoseconds; U64_MAX waits forever
 *
 * Waiters are served in arrival order (exclusive wait).
 *
 * Return: 0 on timeout, else the nanoseconds left (at least 1).
 */
u64 wait_for_completion_timeout_ns(struct completion *comp, u64 timeout_ns)
{
	struct wait_queue_entry wait;
	unsigned long flags;
	u64 left = timeout_ns;

	init_wait_entry(&wait, 0);
	for (;;) {
		prepare_to_wait_exclusive(&comp->wq, &wait,
					  TASK_UNINTERRUPTIBLE);
		spin_lock_irqsave(&comp->wq.lock, flags);
		if (completion_consume(comp)) {
			spin_unlock_irqrestore(&comp->wq.lock, flags);
			left = left ? left : 1;
			break;
		}
		spin_unlock_irqrestore(&comp->wq.lock, flags);
		if (!left)
			break;
		left = schedule_timeout_ns(left);
	}
	finish_wait(&comp->wq, &wait);
	/*
	 * A complete() whose wake-up picked this waiter while it was giving
	 * up must not be lost: pass the wake-up on.
	 */
	if (!left && READ_ONCE(comp->done))
		wake_up(&comp->wq);
	return left;
}

/* Sleep until complete(). */
void wait_for_completion(struct completion *comp)
{
	wait_for_completion_timeout_ns(comp, U64_MAX);
}

/* Linux's form: @timeout in jiffies. Return: jiffies left (>= 1) or 0. */
unsigned long wait_for_completion_timeout(struct completion *comp,
					  unsigned long timeout)
{
	u64 left = wait_for_completion_timeout_ns(comp,
				sched_jiffies_to_ns(timeout));

	return left ? max(1UL, (unsigned long)(left / sched_jiffies_to_ns(1))) : 0;
}

/* Take a complete() without sleeping. Return: true if there was one. */
bool try_wait_for_completion(struct completion *comp)
{
	unsigned long flags;
	bool took;

	spin_lock_irqsave(&comp->wq.lock, flags);
	took = completion_consume(comp);
	spin_unlock_irqrestore(&comp->wq.lock, flags);
	return took;
}

/* Whether a complete() is pending that no waiter took yet. */
bool completion_done(struct completion *comp)
{
	return READ_ONCE(comp->done) != 0;
}
