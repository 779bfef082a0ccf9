/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Notifier chains: callbacks that a subsystem calls, in priority order,
 * when something happens (memory going online, say). A callback may veto
 * the "going" events by returning NOTIFY_BAD or an errno wrapped with
 * notifier_from_errno(); the caller then unwinds with a cancel event.
 */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/rwsem.h>

struct notifier_block;

typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action,
			     void *data);

/**
 * struct notifier_block - one callback on a chain
 * @notifier_call: the callback; returns a NOTIFY_* value
 * @next: the chain's link, owned by the chain
 * @priority: higher runs earlier; equal priorities run in the order
 *	they were registered
 */
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};

/*
 * A chain whose callbacks may sleep. Calls hold the semaphore for
 * reading, (un)registration for writing.
 */
struct blocking_notifier_head {
	struct rw_semaphore rwsem;
	struct notifier_block *head;
};

/* Defines an empty chain @name. */
#define BLOCKING_NOTIFIER_HEAD(name)					\
	struct blocking_notifier_head name = {				\
		.head = NULL, .rwsem = __RWSEM_INITIALIZER(name.rwsem) }

/* Return values of a callback (Linux's). */
#define NOTIFY_DONE		0x0000		/* not interested */
#define NOTIFY_OK		0x0001		/* handled */
#define NOTIFY_STOP_MASK	0x8000		/* call no further callback */
#define NOTIFY_BAD		(NOTIFY_STOP_MASK | 0x0002)	/* veto */
#define NOTIFY_STOP		(NOTIFY_OK | NOTIFY_STOP_MASK)

/* An errno as a callback's veto, and back; NOTIFY_BAD alone is -EPERM. */
static inline int notifier_from_errno(int err)
{
	return err ? NOTIFY_STOP_MASK | (NOTIFY_OK - err) : NOTIFY_OK;
}

static inline int notifier_to_errno(int ret)
{
	int code = ret & ~NOTIFY_STOP_MASK;

	if (code <= NOTIFY_OK)
		return 0;		/* NOTIFY_DONE, NOTIFY_OK, NOTIFY_STOP */
	return -(code - NOTIFY_OK);
}

int blocking_notifier_chain_register(struct blocking_notifier_head *nh,
				     struct notifier_block *nb);
int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh,
				       struct notifier_block *nb);
int blocking_notifier_call_chain(struct blocking_notifier_head *nh,
				 unsigned long val, void *v);

#endif /* _LINUX_NOTIFIER_H */
