// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues: adding and removing waiters, and waking them in order,
 * exclusive waiters one at a time.
 */
#include <linux/kernel.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* Wake the task behind @wq_entry. Return: 1 if it was asleep. */
int default_wake_function(struct wait_queue_entry *wq_entry,
			  unsigned int mode, void *key)
{
	return wake_up_state(wq_entry->private, mode);
}

/*
 * As default_wake_function(), and take the entry off its queue so that
 * the next wake-up goes to someone else; finish_wait() copes.
 */
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, void *key)
{
	int ret = default_wake_function(wq_entry, mode, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

/* Exclusive waiters queue at the tail, after every non-exclusive one. */
static void __add_wait_queue(struct wait_queue_head *wq_head,
			     struct wait_queue_entry *wq_entry)
{
	if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
		list_add_tail(&wq_entry->entry, &wq_head->head);
	else
		list_add(&wq_entry->entry, &wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

static void __prepare_to_wait(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		__add_wait_queue(wq_head, wq_entry);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait - queue @wq_entry (if it is not queued) and set @state
 * @wq_head: the queue
 * @wq_entry: the caller's entry, from DEFINE_WAIT() or init_wait_entry()
 * @state: TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * The caller then checks its condition and calls schedule() if it is
 * still false; a wake_up() after this call is never lost.
 */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	__prepare_to_wait(wq_head, wq_entry, state);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	__prepare_to_wait(wq_head, wq_entry, state);
}

/**
 * finish_wait - end a wait begun with prepare_to_wait()
 * @wq_head: the queue
 * @wq_entry: the entry, removed from the queue if still there
 *
 * Leaves the task RUNNING.
 */
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	/* Unlocked peek: only a wake-up empties it, under the lock. */
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

/**
 * __wake_up_locked - __wake_up() for a caller holding @wq_head->lock
 * @wq_head: the queue, locked
 * @mode: which sleeping states to wake (TASK_NORMAL)
 * @nr_exclusive: how many exclusive waiters to wake; 0 wakes all
 */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr_exclusive)
{
	struct wait_queue_entry *curr, *next;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int wflags = curr->flags;
		int ret = curr->func(curr, mode, NULL);

		if (ret < 0)
			break;
		if (ret && (wflags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

/**
 * __wake_up - wake the waiters on @wq_head
 * @wq_head: the queue
 * @mode: which sleeping states to wake (TASK_NORMAL)
 * @nr_exclusive: how many exclusive waiters to wake; 0 wakes all
 * @key: unused; kept for Linux's signature
 *
 * Non-exclusive waiters are all woken. Safe from interrupts.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	       int nr_exclusive, void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_locked(wq_head, mode, nr_exclusive);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
