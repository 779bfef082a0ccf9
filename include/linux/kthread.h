/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel threads: a function run on its own stack by the scheduler until
 * it returns, calls kthread_exit(), or is asked to stop by kthread_stop().
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/bug.h>
#include <linux/err.h>
#include <linux/sched.h>

__printf(3, 4)
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...);

/* kthread_create() and start it at once; ERR_PTR() on failure. */
#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k =					\
		kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

/* Run @k only on @cpu: call before its first wake-up. */
static inline void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	WARN_ON(sched_bind_task(k, cpu));
}

int kthread_stop(struct task_struct *thread);
bool kthread_should_stop(void);
void __noreturn kthread_exit(long ret);
bool kthread_has_exited(struct task_struct *k);

#endif /* _LINUX_KTHREAD_H */
