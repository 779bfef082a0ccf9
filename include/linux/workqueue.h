/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Workqueues: functions queued to run later in a kernel thread, where
 * they may sleep. Each workqueue has one worker thread that runs its
 * items one at a time in the order they were queued.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/types.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *w);

#define WORK_PENDING	0x1UL	/* queued and not yet started */

/*
 * @entry is the workqueue's, under its lock. @data holds WORK_PENDING:
 * queue_work() sets it atomically without the lock, the workqueue clears
 * it under the lock. @wq is where the item was last queued (for
 * flush_work()).
 */
struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
	struct workqueue_struct *wq;
	u64 seq;		/* its number on @wq when last queued */
};

#define __WORK_INITIALIZER(n, f) {					\
	.data = ATOMIC_LONG_INIT(0),					\
	.entry = LIST_HEAD_INIT((n).entry),				\
	.func = (f),							\
	.wq = NULL,							\
	.seq = 0,							\
}
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)

#define INIT_WORK(_work, _func) do {					\
	atomic_long_set(&(_work)->data, 0);				\
	INIT_LIST_HEAD(&(_work)->entry);				\
	(_work)->func = (_func);					\
	(_work)->wq = NULL;						\
} while (0)

static inline bool work_pending(struct work_struct *work)
{
	return atomic_long_read_acquire(&work->data) & WORK_PENDING;
}

/* alloc_workqueue() flags: accepted for Linux compatibility, no effect. */
#define WQ_UNBOUND		0x0002
#define WQ_FREEZABLE		0x0004
#define WQ_MEM_RECLAIM		0x0008
#define WQ_HIGHPRI		0x0010

extern struct workqueue_struct *system_wq;

__printf(1, 4)
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...);
#define create_singlethread_workqueue(name) alloc_workqueue("%s", 0, 1, name)
void destroy_workqueue(struct workqueue_struct *wq);

bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool schedule_work(struct work_struct *work);
bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
void flush_workqueue(struct workqueue_struct *wq);
void flush_scheduled_work(void);
bool current_is_workqueue_worker(void);

#endif /* _LINUX_WORKQUEUE_H */
