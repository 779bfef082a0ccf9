// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads: creation with a printf-style name, the stop handshake
 * and exit. The scheduling itself is kernel/sched/core.c's.
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <stdarg.h>

/* What a kernel thread needs besides its task; freed with the task. */
struct kthread {
	int (*threadfn)(void *data);
	void *data;
	bool should_stop;	/* set once by kthread_stop() */
	bool cancelled;		/* stopped before it was ever woken */
	long result;
	struct completion exited;
};

/**
 * kthread_exit - end the current kernel thread with @ret
 * @ret: what kthread_stop() returns
 */
void __noreturn kthread_exit(long ret)
{
	struct kthread *kt = current->kthread;

	if (WARN_ON(!kt))
		do_task_exit();
	kt->result = ret;
	complete_all(&kt->exited);
	do_task_exit();
}

static void kthread_entry(void)
{
	struct kthread *kt = current->kthread;
	int ret = -EINTR;

	if (!READ_ONCE(kt->cancelled))
		ret = kt->threadfn(kt->data);
	kthread_exit(ret);
}

/**
 * kthread_create - make a kernel thread, stopped until woken
 * @threadfn: runs in the thread; its return value ends the thread
 * @data: passed to @threadfn
 * @namefmt: printf-style name
 *
 * Start it with wake_up_process() (or use kthread_run()). The caller owns
 * a reference that kthread_stop() drops; a thread never stopped keeps its
 * task_struct (not its stack) allocated after it exits.
 *
 * Return: the task, or ERR_PTR(-ENOMEM).
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct task_struct *p;
	struct kthread *kt;
	char name[TASK_COMM_LEN];
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);

	kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	if (!kt)
		return ERR_PTR(-ENOMEM);
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->exited);

	p = sched_task_alloc(name);
	if (!p) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	p->flags |= PF_KTHREAD;
	p->kthread = kt;
	arch_thread_setup(p, kthread_entry);
	return p;
}

/* Whether the current kernel thread should return: kthread_stop() waits. */
bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;

	return kt && READ_ONCE(kt->should_stop);
}

/* Whether @k has finished (returned or called kthread_exit()). */
bool kthread_has_exited(struct task_struct *k)
{
	return completion_done(&k->kthread->exited);
}

/**
 * kthread_stop - ask @k to stop, wait for it to exit, drop the reference
 * @k: a task from kthread_create(); not used by the caller afterwards
 *
 * Sets kthread_should_stop() for @k and wakes it; @k must check that and
 * return. A thread that was never woken does not run at all; one that was
 * woken (kthread_run()) runs its function even if it had not got the CPU
 * yet - unlike Linux, where it may then never run.
 *
 * Return: @k's result, or -EINTR if it was never woken.
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	unsigned long flags;
	int ret;

	if (WARN_ON(!kt))
		return -EINVAL;
	/* Under pi_lock, a concurrent first wake-up is either before or after. */
	spin_lock_irqsave(&k->pi_lock, flags);
	if (task_state(k) == TASK_NEW)
		kt->cancelled = true;
	spin_unlock_irqrestore(&k->pi_lock, flags);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}
