// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues: adding and removing waiters, and waking them in order,
 * exclusive waiters one at a time.
 */
#include <linux/kernel.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->waiters);
	spin_lock_init(&wq->lock);
}

void init_wait_entry(struct wait_queue_entry *waiter, int flags)
{
	INIT_LIST_HEAD(&waiter->entry);
	waiter->private = current;
	waiter->func = autoremove_wake_function;
	waiter->flags = flags;
}

/* Wake the task behind @waiter. Return: 1 if it was asleep. */
int default_wake_function(struct wait_queue_entry *waiter,
			  unsigned int mode, void *key)
{
	struct task_struct *sleeper = waiter->private;

	return wake_up_state(sleeper, mode);
}

/*
 * As default_wake_function(), and take the entry off its queue so that
 * the next wake-up goes to someone else; finish_wait() copes.
 */
int autoremove_wake_function(struct wait_queue_entry *waiter,
			     unsigned int mode, void *key)
{
	int woke = default_wake_function(waiter, mode, key);

	if (woke != 0)
		list_del_init(&waiter->entry);
	return woke;
}

/*
 * Link @waiter into @wq (lock held). Exclusive waiters queue at the tail,
 * after every non-exclusive one, so a wake-up reaches those first.
 */
static void wait_queue_link(struct wait_queue_head *wq,
			    struct wait_queue_entry *waiter)
{
	bool excl = waiter->flags & WQ_FLAG_EXCLUSIVE;

	if (excl)
		list_add_tail(&waiter->entry, &wq->waiters);
	else
		list_add(&waiter->entry, &wq->waiters);
}

/* Set or clear @waiter's exclusive flag, then link it in under the lock. */
static void wait_queue_add(struct wait_queue_head *wq,
			   struct wait_queue_entry *waiter, bool excl)
{
	unsigned long irqfl;

	if (excl)
		waiter->flags |= WQ_FLAG_EXCLUSIVE;
	else
		waiter->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq->lock, irqfl);
	wait_queue_link(wq, waiter);
	spin_unlock_irqrestore(&wq->lock, irqfl);
}

void add_wait_queue(struct wait_queue_head *wq,
		    struct wait_queue_entry *waiter)
{
	wait_queue_add(wq, waiter, false);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq,
			      struct wait_queue_entry *waiter)
{
	wait_queue_add(wq, waiter, true);
}

void remove_wait_queue(struct wait_queue_head *wq,
		       struct wait_queue_entry *waiter)
{
	unsigned long irqfl;

	spin_lock_irqsave(&wq->lock, irqfl);
	list_del_init(&waiter->entry);
	spin_unlock_irqrestore(&wq->lock, irqfl);
}

/* Queue @waiter unless already queued, and set @state, under the lock. */
static void wait_queue_prepare(struct wait_queue_head *wq,
			       struct wait_queue_entry *waiter, int state,
			       bool excl)
{
	unsigned long irqfl;

	if (excl)
		waiter->flags |= WQ_FLAG_EXCLUSIVE;
	else
		waiter->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq->lock, irqfl);
	if (list_empty(&waiter->entry))
		wait_queue_link(wq, waiter);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, irqfl);
}

/**
 * prepare_to_wait - queue @waiter (if it is not queued) and set @state
 * @wq: the queue
 * @waiter: the caller's entry, from DEFINE_WAIT() or init_wait_entry()
 * @state: TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * The caller then checks its condition and calls schedule() if it is
 * still false; a wake_up() after this call is never lost.
 */
void prepare_to_wait(struct wait_queue_head *wq,
		     struct wait_queue_entry *waiter, int state)
{
	wait_queue_prepare(wq, waiter, state, false);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq,
			       struct wait_queue_entry *waiter, int state)
{
	wait_queue_prepare(wq, waiter, state, true);
}

/**
 * finish_wait - end a wait begun with prepare_to_wait()
 * @wq: the queue
 * @waiter: the entry, removed from the queue if still there
 *
 * Leaves the task RUNNING.
 */
void finish_wait(struct wait_queue_head *wq,
		 struct wait_queue_entry *waiter)
{
	unsigned long irqfl;

	__set_current_state(TASK_RUNNING);
	/* Unlocked peek: only a wake-up empties it, under the lock. */
	if (list_empty(&waiter->entry))
		return;
	spin_lock_irqsave(&wq->lock, irqfl);
	list_del_init(&waiter->entry);
	spin_unlock_irqrestore(&wq->lock, irqfl);
}

/**
 * wait_queue_wake_locked - wait_queue_wake() with @wq->lock already held
 * @wq: the queue, locked
 * @max_excl: how many exclusive waiters to wake; 0 wakes all
 * @states: which sleeping states to wake (TASK_NORMAL)
 *
 * Walks the queue in order; a wake function returning a negative value
 * stops the walk.
 */
void wait_queue_wake_locked(struct wait_queue_head *wq, int max_excl,
			    unsigned int states)
{
	struct wait_queue_entry *w, *tmp;
	int woken_excl = 0;

	list_for_each_entry_safe(w, tmp, &wq->waiters, entry) {
		bool excl = w->flags & WQ_FLAG_EXCLUSIVE;
		int rc = w->func(w, states, NULL);

		if (rc < 0)
			return;
		if (rc > 0 && excl && ++woken_excl == max_excl)
			return;
	}
}

/**
 * wait_queue_wake - wake the waiters on @wq
 * @wq: the queue
 * @max_excl: how many exclusive waiters to wake; 0 wakes all
 * @states: which sleeping states to wake (TASK_NORMAL)
 *
 * Non-exclusive waiters are all woken. Safe from interrupts.
 */
void wait_queue_wake(struct wait_queue_head *wq, int max_excl,
		     unsigned int states)
{
	unsigned long irqfl;

	spin_lock_irqsave(&wq->lock, irqfl);
	wait_queue_wake_locked(wq, max_excl, states);
	spin_unlock_irqrestore(&wq->lock, irqfl);
}
