/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues: tasks sleep on a queue until a condition holds; whoever
 * makes it true calls wake_up(). wait_event() rechecks the condition after
 * every wake-up, so spurious wake-ups are harmless.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *waiter,
				 unsigned int mode, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01	/* wake_up() wakes only one of these */

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the waiting task */
	wait_queue_func_t func;
	struct list_head entry;		/* on wait_queue_head.waiters */
};

/* @lock protects @waiters; taken with interrupts off. */
typedef struct wait_queue_head {
	spinlock_t lock;
	struct list_head waiters;
} wait_queue_head_t;

/* Static initialiser of a wait_queue_head named @wq. */
#define WAIT_QUEUE_HEAD_INIT(wq) {					\
	.waiters = LIST_HEAD_INIT((wq).waiters),			\
	.lock = SPINLOCK_STATIC_INIT(wq.lock),				\
}
#define DECLARE_WAIT_QUEUE_HEAD(wq) \
	struct wait_queue_head wq = WAIT_QUEUE_HEAD_INIT(wq)

int default_wake_function(struct wait_queue_entry *waiter,
			  unsigned int mode, void *key);
int autoremove_wake_function(struct wait_queue_entry *waiter,
			     unsigned int mode, void *key);

/* A wait_queue_entry for the current task whose wake-up calls @fn. */
#define DEFINE_WAIT_FUNC(waiter, fn)					\
	struct wait_queue_entry waiter = {				\
		.entry = LIST_HEAD_INIT(waiter.entry),			\
		.func = (fn),						\
		.private = current,					\
		.flags = 0,						\
	}
#define DEFINE_WAIT(waiter)						\
	DEFINE_WAIT_FUNC(waiter, autoremove_wake_function)

void init_waitqueue_head(struct wait_queue_head *wq);
void init_wait_entry(struct wait_queue_entry *waiter, int flags);
void add_wait_queue(struct wait_queue_head *wq,
		    struct wait_queue_entry *waiter);
void add_wait_queue_exclusive(struct wait_queue_head *wq,
			      struct wait_queue_entry *waiter);
void remove_wait_queue(struct wait_queue_head *wq,
		       struct wait_queue_entry *waiter);
void prepare_to_wait(struct wait_queue_head *wq,
		     struct wait_queue_entry *waiter, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq,
			       struct wait_queue_entry *waiter, int state);
void finish_wait(struct wait_queue_head *wq,
		 struct wait_queue_entry *waiter);

/*
 * Tide's wake-up primitive: wake every non-exclusive waiter on @wq whose
 * sleep state is in @states, and at most @max_excl exclusive ones (0: no
 * limit). The _locked form is for a caller already holding @wq->lock.
 */
void wait_queue_wake(struct wait_queue_head *wq, int max_excl,
		     unsigned int states);
void wait_queue_wake_locked(struct wait_queue_head *wq, int max_excl,
			    unsigned int states);

static inline void wake_up(struct wait_queue_head *wq)
{
	wait_queue_wake(wq, 1, TASK_NORMAL);
}

static inline void wake_up_nr(struct wait_queue_head *wq, int nr)
{
	wait_queue_wake(wq, nr, TASK_NORMAL);
}

static inline void wake_up_all(struct wait_queue_head *wq)
{
	wait_queue_wake(wq, 0, TASK_NORMAL);
}

static inline void wake_up_interruptible(struct wait_queue_head *wq)
{
	wait_queue_wake(wq, 1, TASK_INTERRUPTIBLE);
}

static inline void wake_up_interruptible_all(struct wait_queue_head *wq)
{
	wait_queue_wake(wq, 0, TASK_INTERRUPTIBLE);
}

/* Whether anyone waits: only meaningful with a barrier or the lock. */
static inline bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->waiters);
}

/*
 * The common loop: @timeout_ns is U64_MAX for no timeout. Evaluates to the
 * nanoseconds left when @condition became true (at least 1), or 0 if the
 * timeout passed with @condition still false.
 */
#define __wait_event_loop_ns(wq, condition, state, timeout_ns) ({	\
	struct wait_queue_entry __waiter;				\
	u64 __left = (timeout_ns);					\
									\
	init_wait_entry(&__waiter, 0);				\
	for (;;) {							\
		prepare_to_wait(&(wq), &__waiter, state);	\
		if (condition) {					\
			if (!__left)					\
				__left = 1;				\
			break;						\
		}							\
		if (!__left)						\
			break;						\
		__left = schedule_timeout_ns(__left);			\
	}								\
	finish_wait(&(wq), &__waiter);				\
	__left;								\
})

/* Sleep until @condition is true; rechecked after each wake_up(). */
#define wait_event(wq, condition) do {				\
	if (!(condition))						\
		__wait_event_loop_ns(wq, condition,			\
				 TASK_UNINTERRUPTIBLE, U64_MAX);	\
} while (0)

/* As wait_event(), for a thread idle until work comes: never "hung". */
#define wait_event_idle(wq, condition) do {				\
	if (!(condition))						\
		__wait_event_loop_ns(wq, condition, TASK_IDLE, U64_MAX);	\
} while (0)

bool signal_pending(struct task_struct *p);	/* kernel/signal.c */

/*
 * wait_event_interruptible - sleep until @condition, or a signal comes
 * Return: 0 when @condition is true, -ERESTARTSYS if a signal (not
 * blocked) is pending for the task first.
 */
#define wait_event_interruptible(wq, condition) ({			\
	struct wait_queue_entry __waiter;				\
	int __ret = 0;							\
									\
	if (!(condition)) {						\
		init_wait_entry(&__waiter, 0);				\
		for (;;) {						\
			prepare_to_wait(&(wq), &__waiter,		\
					TASK_INTERRUPTIBLE);		\
			if (condition)					\
				break;					\
			if (signal_pending(current)) {			\
				__ret = -ERESTARTSYS;			\
				break;					\
			}						\
			schedule();					\
		}							\
		finish_wait(&(wq), &__waiter);				\
	}								\
	__ret;								\
})

/*
 * wait_event_timeout_ns - as wait_event(), for at most @timeout_ns.
 * Return: 0 if it timed out with @condition false, else the nanoseconds
 * left (at least 1).
 */
#define wait_event_timeout_ns(wq, condition, timeout_ns) ({	\
	u64 __t = (timeout_ns);						\
									\
	if (condition)							\
		__t = __t ? __t : 1;					\
	else								\
		__t = __wait_event_loop_ns(wq, condition,		\
				       TASK_UNINTERRUPTIBLE, __t);	\
	__t;								\
})

/*
 * wait_event_idle_timeout_ns - as wait_event_timeout_ns(), in TASK_IDLE:
 * for a kernel thread waiting for work, which is not "hung" however long
 * it waits and does not count in the load average.
 * Return: as wait_event_timeout_ns().
 */
#define wait_event_idle_timeout_ns(wq, condition, timeout_ns) ({	\
	u64 __t = (timeout_ns);						\
									\
	if (condition)							\
		__t = __t ? __t : 1;					\
	else								\
		__t = __wait_event_loop_ns(wq, condition, TASK_IDLE, __t);	\
	__t;								\
})

/* Linux's form, @timeout in jiffies. Return: jiffies left (>= 1) or 0. */
#define wait_event_timeout(wq, condition, timeout) ({		\
	long __j = (timeout);						\
	u64 __ns = wait_event_timeout_ns(wq, condition,		\
				__j > 0 ? sched_jiffies_to_ns(__j) : 0); \
									\
	__ns ? max(1L, (long)(__ns / sched_jiffies_to_ns(1))) : 0L;	\
})

#endif /* _LINUX_WAIT_H */
