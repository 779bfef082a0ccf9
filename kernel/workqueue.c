// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues: a FIFO of work items per workqueue, drained by one worker
 * kernel thread; flushing waits on sequence numbers of finished items.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <stdarg.h>

/*
 * DOC: workqueues
 *
 * queue_work() appends an item unless it is already pending; the worker
 * clears the pending bit before calling the function, so an item may be
 * requeued (even by itself) while it runs and then runs again. Items run
 * one at a time in queueing order. Every queueing takes the next sequence
 * number; the worker publishes the number of the last finished item (or,
 * when the queue runs empty, of the last queued one, which covers items
 * cancelled before they ran), so waiting for "everything queued before
 * now" is waiting for a number.
 */

#define WQ_NAME_LEN 24

/*
 * @lock protects @worklist, @current_work, the sequence numbers and the
 * @entry/@seq of queued items; taken with interrupts off (queue_work()
 * is allowed from interrupts).
 */
struct workqueue_struct {
	spinlock_t lock;
	struct list_head worklist;
	struct work_struct *current_work;	/* running now, or NULL */
	u64 queued_seq;				/* number of the last queued */
	u64 done_seq;				/* all up to this are done */
	u64 current_seq;			/* number of current_work */
	struct wait_queue_head more_work;	/* the worker sleeps here */
	struct wait_queue_head done_wait;	/* flushers sleep here */
	struct task_struct *worker;
	char name[WQ_NAME_LEN];
};

struct workqueue_struct *system_wq;

static bool wq_has_work(struct workqueue_struct *wq)
{
	return !list_empty(&wq->worklist);
}

static int worker_thread(void *data)
{
	struct workqueue_struct *wq = data;
	unsigned long flags;

	for (;;) {
		struct work_struct *work;
		work_func_t func;

		wait_event_idle(wq->more_work,
			   READ_ONCE(wq->worklist.next) != &wq->worklist ||
			   kthread_should_stop());

		spin_lock_irqsave(&wq->lock, flags);
		if (!wq_has_work(wq)) {
			spin_unlock_irqrestore(&wq->lock, flags);
			if (kthread_should_stop())
				return 0;
			continue;
		}
		work = list_first_entry(&wq->worklist, struct work_struct,
					entry);
		list_del_init(&work->entry);
		func = work->func;
		wq->current_work = work;
		wq->current_seq = work->seq;
		atomic_long_fetch_andnot_release(WORK_PENDING, &work->data);
		spin_unlock_irqrestore(&wq->lock, flags);

		func(work);

		spin_lock_irqsave(&wq->lock, flags);
		wq->current_work = NULL;
		wq->done_seq = wq_has_work(wq) ? wq->current_seq :
						  wq->queued_seq;
		spin_unlock_irqrestore(&wq->lock, flags);
		wake_up_all(&wq->done_wait);
		cond_resched();
	}
}

/**
 * alloc_workqueue - a workqueue with its own worker thread
 * @fmt: printf-style name (the worker is "kworker/<name>")
 * @flags: accepted for Linux compatibility, ignored
 * @max_active: accepted, ignored: items always run one at a time
 *
 * Return: the workqueue, or NULL without memory.
 */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	struct task_struct *worker;
	va_list ap;

	wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	if (!wq)
		return NULL;
	va_start(ap, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, ap);
	va_end(ap);
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->worklist);
	init_waitqueue_head(&wq->more_work);
	init_waitqueue_head(&wq->done_wait);

	worker = kthread_create(worker_thread, wq, "kworker/%s", wq->name);
	if (IS_ERR(worker)) {
		kfree(wq);
		return NULL;
	}
	wq->worker = worker;
	wake_up_process(worker);
	return wq;
}

/**
 * destroy_workqueue - finish every queued item, stop the worker, free @doomed
 * @doomed: nothing may queue on it any more
 */
void destroy_workqueue(struct workqueue_struct *doomed)
{
	flush_workqueue(doomed);
	kthread_stop(doomed->worker);
	WARN_ON(wq_has_work(doomed));
	kfree(doomed);
}

/**
 * queue_work - queue @work on @wq unless it is already pending
 * @wq: the workqueue
 * @work: an initialised item (INIT_WORK())
 *
 * Safe from interrupts. An item that is running but not pending is
 * queued again and runs once more after the current run.
 *
 * Return: true if queued, false if it was already pending.
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;

	if (atomic_long_fetch_or(WORK_PENDING, &work->data) & WORK_PENDING)
		return false;
	spin_lock_irqsave(&wq->lock, flags);
	work->wq = wq;
	work->seq = ++wq->queued_seq;
	list_add_tail(&work->entry, &wq->worklist);
	spin_unlock_irqrestore(&wq->lock, flags);
	wake_up(&wq->more_work);
	return true;
}

/* queue_work() on system_wq. */
bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static u64 wq_queued_seq(struct workqueue_struct *wq)
{
	unsigned long flags;
	u64 seq;

	spin_lock_irqsave(&wq->lock, flags);
	seq = wq->queued_seq;
	spin_unlock_irqrestore(&wq->lock, flags);
	return seq;
}

static bool wq_reached(struct workqueue_struct *wq, u64 target)
{
	unsigned long flags;
	bool done;

	spin_lock_irqsave(&wq->lock, flags);
	done = wq->done_seq >= target;
	spin_unlock_irqrestore(&wq->lock, flags);
	return done;
}

/**
 * flush_workqueue - wait until every item queued on @wq before the call
 * has finished
 * @wq: the workqueue; not from its own worker (that would deadlock)
 */
void flush_workqueue(struct workqueue_struct *wq)
{
	u64 target;

	if (WARN_ON_ONCE(current == wq->worker))
		return;
	target = wq_queued_seq(wq);
	wait_event(wq->done_wait, wq_reached(wq, target));
}

void flush_scheduled_work(void)
{
	flush_workqueue(system_wq);
}

/*
 * Whether @work is pending or running on @wq; if so, *@target is the
 * sequence number whose completion means its last queueing has run.
 */
static bool work_busy_target(struct workqueue_struct *wq,
			     struct work_struct *work, u64 *target)
{
	unsigned long flags;
	bool busy = true;

	spin_lock_irqsave(&wq->lock, flags);
	if (work_pending(work) && !list_empty(&work->entry))
		*target = work->seq;
	else if (wq->current_work == work)
		*target = wq->current_seq;
	else
		busy = false;
	spin_unlock_irqrestore(&wq->lock, flags);
	return busy;
}

/**
 * flush_work - wait for the last queueing of @w to finish running
 * @w: an item, queued or not
 *
 * Not from the worker of the queue @w is on (that would deadlock).
 *
 * Return: true if it had to wait, false if @w was idle.
 */
bool flush_work(struct work_struct *w)
{
	struct workqueue_struct *wq = READ_ONCE(w->wq);
	u64 target;

	if (!wq || !work_busy_target(wq, w, &target))
		return false;
	if (WARN_ON_ONCE(current == wq->worker))
		return false;
	wait_event(wq->done_wait, wq_reached(wq, target));
	return true;
}

/**
 * cancel_work_sync - take @w off its queue and wait if it is running
 * @w: an item
 *
 * On return @w is neither pending nor running, unless someone queued
 * it again meanwhile.
 *
 * Return: true if it was pending.
 */
bool cancel_work_sync(struct work_struct *w)
{
	struct workqueue_struct *wq = READ_ONCE(w->wq);
	unsigned long flags;
	bool pending = false;

	if (!wq)
		return false;
	spin_lock_irqsave(&wq->lock, flags);
	if (work_pending(w) && !list_empty(&w->entry)) {
		list_del_init(&w->entry);
		atomic_long_fetch_andnot_release(WORK_PENDING, &w->data);
		pending = true;
		/* Flushers waiting for its number must not wait forever. */
		if (!wq_has_work(wq) && !wq->current_work)
			wq->done_seq = wq->queued_seq;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	if (pending)
		wake_up_all(&wq->done_wait);
	flush_work(w);
	return pending;
}

/* Whether the current task is some workqueue's worker. */
bool current_is_workqueue_worker(void)
{
	struct task_struct *p = current;

	return (p->flags & PF_KTHREAD) && !strncmp(p->comm, "kworker/", 8);
}

static int __init workqueue_init(void)
{
	system_wq = alloc_workqueue("%s", 0, 0, "events");
	return system_wq ? 0 : -ENOMEM;
}
subsys_initcall(workqueue_init);
