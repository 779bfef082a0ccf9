/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Completions: "this happened" events. Each complete() lets one waiter
 * through (or a later one, if none waits yet); complete_all() lets every
 * present and future waiter through until reinit_completion().
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;	/* under wq.lock; UINT_MAX after complete_all */
	struct wait_queue_head wq;
};

#define COMPLETION_INITIALIZER(c) \
	{ .wq = WAIT_QUEUE_HEAD_INIT((c).wq), .done = 0 }
#define DECLARE_COMPLETION(c) \
	struct completion c = COMPLETION_INITIALIZER(c)

static inline void init_completion(struct completion *comp)
{
	init_waitqueue_head(&comp->wq);
	comp->done = 0;
}

static inline void reinit_completion(struct completion *comp)
{
	comp->done = 0;
}

void wait_for_completion(struct completion *comp);
u64 wait_for_completion_timeout_ns(struct completion *comp, u64 timeout_ns);
unsigned long wait_for_completion_timeout(struct completion *comp,
					  unsigned long timeout);
bool try_wait_for_completion(struct completion *comp);
bool completion_done(struct completion *comp);
void complete(struct completion *comp);
void complete_all(struct completion *comp);

#endif /* _LINUX_COMPLETION_H */
