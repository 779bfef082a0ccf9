// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: interval timers
 *
 * setitimer(), getitimer() and alarm() for ITIMER_REAL (SIGALRM),
 * ITIMER_VIRTUAL (SIGVTALRM) and ITIMER_PROF (SIGPROF). The virtual and
 * profiling timers count wall time like the real one, not the CPU time
 * that kernel/sched/cputime.c accounts: a 5-second ITIMER_PROF fires 5
 * seconds later whether the process ran or slept (so a sysfs write that
 * sleeps, such as a memory offline pausing between passes, is still
 * interrupted by it). One kernel thread,
 * itimerd, sleeps until the earliest expiry of any process and sends
 * the signals, rearming periodic timers.
 *
 * Locks: itimer_lock protects every signal_struct's it_* fields and the
 * list of processes with a timer armed; it is taken alone (itimerd
 * drops it before it sends), except inside tasklist_lock when a
 * signal_struct is freed (itimer_forget()). Lock order: tasklist_lock,
 * then itimer_lock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2
#define NR_ITIMERS	3

static DEFINE_SPINLOCK(itimer_lock);
static LIST_HEAD(itimer_armed);		/* signal_structs, under itimer_lock */
static DECLARE_WAIT_QUEUE_HEAD(itimer_wq);
static bool itimer_changed;		/* under itimer_lock */

static const int itimer_signal[NR_ITIMERS] = {
	[ITIMER_REAL] = SIGALRM,
	[ITIMER_VIRTUAL] = SIGVTALRM,
	[ITIMER_PROF] = SIGPROF,
};

struct itimerval_user {
	struct __kernel_old_timeval it_interval;
	struct __kernel_old_timeval it_value;
};

static bool any_armed(struct signal_struct *sig)
{
	int i;

	for (i = 0; i < NR_ITIMERS; i++)
		if (sig->it[i].expires)
			return true;
	return false;
}

/**
 * itimer_forget - take a signal_struct being freed off the armed list
 * @sig: the shared state of a process that has no task left
 */
void itimer_forget(struct signal_struct *sig)
{
	unsigned long flags;

	spin_lock_irqsave(&itimer_lock, flags);
	if (!list_empty(&sig->itimer_node))
		list_del_init(&sig->itimer_node);
	spin_unlock_irqrestore(&itimer_lock, flags);
}

/* The earliest expiry on the list (U64_MAX: none). itimer_lock held. */
static u64 itimer_next(void)
{
	struct signal_struct *sig;
	u64 next = U64_MAX;
	int i;

	list_for_each_entry(sig, &itimer_armed, itimer_node)
		for (i = 0; i < NR_ITIMERS; i++)
			if (sig->it[i].expires && sig->it[i].expires < next)
				next = sig->it[i].expires;
	return next;
}

/* Send @signo to a live thread of the process @sig belongs to. */
static void itimer_send(struct signal_struct *sig, int signo)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };
	struct task_struct *t;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &sig->threads, thread_node) {
		if (!t->exit_state) {
			__send_signal_locked(signo, &info, t, true);
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * Fire one expired timer: take a reference to the process's state, drop
 * the lock, send, come back. Returns true if it fired one (the caller
 * rescans), false when nothing is due.
 */
static bool itimer_fire_one(void)
{
	struct signal_struct *sig, *hit = NULL;
	u64 now = ktime_get_ns();
	unsigned long flags;
	int i, which = 0;

	spin_lock_irqsave(&itimer_lock, flags);
	list_for_each_entry(sig, &itimer_armed, itimer_node) {
		for (i = 0; i < NR_ITIMERS && !hit; i++) {
			if (!sig->it[i].expires || sig->it[i].expires > now)
				continue;
			hit = sig;
			which = i;
		}
		if (hit)
			break;
	}
	if (hit) {
		struct itimer_state *it = &hit->it[which];

		it->expires = it->incr ? max(it->expires + it->incr, now + 1) : 0;
		if (!any_armed(hit))
			list_del_init(&hit->itimer_node);
		atomic_inc(&hit->count);
	}
	spin_unlock_irqrestore(&itimer_lock, flags);
	if (!hit)
		return false;
	itimer_send(hit, itimer_signal[which]);
	put_signal_struct(hit);
	return true;
}

static int itimerd(void *unused)
{
	unsigned long flags;
	u64 next, now;

	for (;;) {
		while (itimer_fire_one())
			;
		spin_lock_irqsave(&itimer_lock, flags);
		itimer_changed = false;
		next = itimer_next();
		spin_unlock_irqrestore(&itimer_lock, flags);
		now = ktime_get_ns();
		if (next <= now)
			continue;
		/* Waiting for work: TASK_IDLE, never a hung task. */
		wait_event_idle_timeout_ns(itimer_wq, READ_ONCE(itimer_changed),
					   next == U64_MAX ? U64_MAX :
					   next - now);
	}
	return 0;
}

static int __init itimer_init(void)
{
	struct task_struct *t = kthread_run(itimerd, NULL, "itimerd");

	return IS_ERR(t) ? PTR_ERR(t) : 0;
}
late_initcall(itimer_init);

static u64 timeval_ns(const struct __kernel_old_timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static void ns_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

/*
 * Read and replace (if @value_ns is not NULL) current's timer @which;
 * a value of 0 disarms. The old value left and interval go to @old.
 */
static void do_setitimer(int which, const u64 *value_ns, u64 incr_ns,
			 struct itimerval_user *old)
{
	struct signal_struct *sig = current->signal;
	struct itimer_state *it = &sig->it[which];
	u64 now = ktime_get_ns();
	unsigned long flags;

	spin_lock_irqsave(&itimer_lock, flags);
	if (old) {
		ns_timeval(it->expires > now ? it->expires - now :
			   it->expires ? 1000 : 0, &old->it_value);
		ns_timeval(it->incr, &old->it_interval);
	}
	if (value_ns) {
		it->expires = *value_ns ? now + *value_ns : 0;
		it->incr = *value_ns ? incr_ns : 0;
		if (any_armed(sig) && list_empty(&sig->itimer_node))
			list_add_tail(&sig->itimer_node, &itimer_armed);
		else if (!any_armed(sig) && !list_empty(&sig->itimer_node))
			list_del_init(&sig->itimer_node);
		itimer_changed = true;
	}
	spin_unlock_irqrestore(&itimer_lock, flags);
	if (value_ns)
		wake_up_all(&itimer_wq);
}

/* setitimer(which, new, old) */
static long sys_setitimer(struct pt_regs *regs)
{
	int which = (int)SC_ARG0(regs);
	const void __user *unew = (const void __user *)SC_ARG1(regs);
	void __user *uold = (void __user *)SC_ARG2(regs);
	struct itimerval_user new, old;
	u64 value;

	if (which < 0 || which >= NR_ITIMERS)
		return -EINVAL;
	if (unew) {
		if (copy_from_user(&new, unew, sizeof(new)))
			return -EFAULT;
		if (new.it_value.tv_sec < 0 || new.it_value.tv_usec < 0 ||
		    new.it_value.tv_usec >= 1000000 ||
		    new.it_interval.tv_sec < 0 || new.it_interval.tv_usec < 0 ||
		    new.it_interval.tv_usec >= 1000000)
			return -EINVAL;
		value = timeval_ns(&new.it_value);
	}
	do_setitimer(which, unew ? &value : NULL,
		     unew ? timeval_ns(&new.it_interval) : 0, &old);
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(setitimer, sys_setitimer);

static long sys_getitimer(struct pt_regs *regs)
{
	int which = (int)SC_ARG0(regs);
	struct itimerval_user old;

	if (which < 0 || which >= NR_ITIMERS)
		return -EINVAL;
	do_setitimer(which, NULL, 0, &old);
	return copy_to_user((void __user *)SC_ARG1(regs), &old, sizeof(old)) ?
	       -EFAULT : 0;
}
SYSCALL_ENTRY(getitimer, sys_getitimer);

/* alarm(seconds): the seconds left of the previous alarm, rounded up. */
static long sys_alarm(struct pt_regs *regs)
{
	u64 value = (u64)(unsigned int)SC_ARG0(regs) * NSEC_PER_SEC;
	struct itimerval_user old;
	long left;

	do_setitimer(ITIMER_REAL, &value, 0, &old);
	left = old.it_value.tv_sec;
	if (old.it_value.tv_usec >= 500000 || (!left && old.it_value.tv_usec))
		left++;
	return left;
}
SYSCALL_ENTRY(alarm, sys_alarm);
