/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues: tasks sleep on a queue until a condition holds; whoever
 * makes it true calls wake_up(). wait_event() rechecks the condition after
 * every wake-up, so spurious wake-ups are harmless.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01	/* wake_up() wakes only one of these */

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the waiting task */
	wait_queue_func_t func;
	struct list_head entry;
};

/* @lock protects @head; taken with interrupts off. */
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ .lock = __SPIN_LOCK_UNLOCKED, .head = LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

int default_wake_function(struct wait_queue_entry *wq_entry,
			  unsigned int mode, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, void *key);

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = function,					\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

void init_waitqueue_head(struct wait_queue_head *wq_head);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	       int nr_exclusive, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr_exclusive);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/* Whether anyone waits: only meaningful with a barrier or the lock. */
static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/*
 * The common loop: @timeout_ns is U64_MAX for no timeout. Evaluates to the
 * nanoseconds left when @condition became true (at least 1), or 0 if the
 * timeout passed with @condition still false.
 */
#define ___wait_event_ns(wq_head, condition, state, timeout_ns) ({	\
	struct wait_queue_entry __wq_entry;				\
	u64 __left = (timeout_ns);					\
									\
	init_wait_entry(&__wq_entry, 0);				\
	for (;;) {							\
		prepare_to_wait(&(wq_head), &__wq_entry, state);	\
		if (condition) {					\
			if (!__left)					\
				__left = 1;				\
			break;						\
		}							\
		if (!__left)						\
			break;						\
		__left = schedule_timeout_ns(__left);			\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	__left;								\
})

/* Sleep until @condition is true; rechecked after each wake_up(). */
#define wait_event(wq_head, condition) do {				\
	if (!(condition))						\
		___wait_event_ns(wq_head, condition,			\
				 TASK_UNINTERRUPTIBLE, U64_MAX);	\
} while (0)

/* Tide has no signals: this never returns -ERESTARTSYS. Return: 0. */
#define wait_event_interruptible(wq_head, condition) ({		\
	wait_event(wq_head, condition);					\
	0;								\
})

/*
 * wait_event_timeout_ns - as wait_event(), for at most @timeout_ns.
 * Return: 0 if it timed out with @condition false, else the nanoseconds
 * left (at least 1).
 */
#define wait_event_timeout_ns(wq_head, condition, timeout_ns) ({	\
	u64 __t = (timeout_ns);						\
									\
	if (condition)							\
		__t = __t ? __t : 1;					\
	else								\
		__t = ___wait_event_ns(wq_head, condition,		\
				       TASK_UNINTERRUPTIBLE, __t);	\
	__t;								\
})

/* Linux's form, @timeout in jiffies. Return: jiffies left (>= 1) or 0. */
#define wait_event_timeout(wq_head, condition, timeout) ({		\
	long __j = (timeout);						\
	u64 __ns = wait_event_timeout_ns(wq_head, condition,		\
				__j > 0 ? sched_jiffies_to_ns(__j) : 0); \
									\
	__ns ? max(1L, (long)(__ns / sched_jiffies_to_ns(1))) : 0L;	\
})

#endif /* _LINUX_WAIT_H */
