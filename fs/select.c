// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: poll and select
 *
 * poll(2), ppoll(2), select(2) and pselect6(2) share one loop: ask each
 * file for its readiness through its poll operation, and on the first
 * pass let the operation register the caller on every wait queue that
 * signals a change (poll_wait() -> poll_register()). If nothing is ready
 * the caller sleeps until one of those queues wakes it, the timeout
 * passes, or a signal comes (-EINTR), then asks again. The registrations
 * are removed before the call returns.
 *
 * ppoll and pselect6 wait with the signal mask the caller gives
 * (set_user_sigmask()): a signal it leaves unblocked ends the wait with
 * -EINTR, and its handler runs with that mask; the caller's own mask is
 * back when the call returns.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include "internal.h"

#define POLL_FOREVER	U64_MAX

struct poll_waiters;

/* One registration: the caller on one wait queue, for one file. */
struct poll_entry {
	struct file *filp;		/* referenced while registered */
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
	struct poll_waiters *pw;
};

#define POLL_ENTRIES_PER_CHUNK \
	((PAGE_SIZE - 2 * sizeof(void *)) / sizeof(struct poll_entry))

struct poll_chunk {
	struct poll_chunk *next;
	unsigned long used;
	struct poll_entry entries[POLL_ENTRIES_PER_CHUNK];
};

/*
 * The caller's registrations. @triggered is set by a wake-up from any
 * queue (any CPU, interrupts off) and cleared by the caller before it
 * asks the files again.
 */
struct poll_waiters {
	poll_table pt;
	struct task_struct *task;
	bool triggered;
	int error;
	struct poll_chunk *chunks;
};

static int poll_wake(struct wait_queue_entry *wait, unsigned int mode,
		     void *key)
{
	struct poll_entry *e = container_of(wait, struct poll_entry, wait);

	WRITE_ONCE(e->pw->triggered, true);
	smp_wmb();
	return wake_up_state(e->pw->task, mode);
}

/* The poll_queue_proc: register the caller on @wq. */
static void poll_register(struct file *filp, struct wait_queue_head *wq,
			  poll_table *pt)
{
	struct poll_waiters *pw = container_of(pt, struct poll_waiters, pt);
	struct poll_chunk *c = pw->chunks;
	struct poll_entry *e;

	if (!c || c->used == POLL_ENTRIES_PER_CHUNK) {
		c = kmalloc(sizeof(*c), GFP_KERNEL);
		if (!c) {
			pw->error = -ENOMEM;
			return;
		}
		c->used = 0;
		c->next = pw->chunks;
		pw->chunks = c;
	}
	e = &c->entries[c->used++];
	e->filp = get_file(filp);
	e->wq = wq;
	e->pw = pw;
	init_wait_entry(&e->wait, 0);
	e->wait.func = poll_wake;
	e->wait.private = pw->task;
	add_wait_queue(wq, &e->wait);
}

static void poll_waiters_init(struct poll_waiters *pw)
{
	memset(pw, 0, sizeof(*pw));
	pw->pt._qproc = poll_register;
	pw->pt._key = ~0U;
	pw->task = current;
}

static void poll_waiters_free(struct poll_waiters *pw)
{
	struct poll_chunk *c = pw->chunks;

	while (c) {
		struct poll_chunk *next = c->next;
		unsigned long i;

		for (i = 0; i < c->used; i++) {
			remove_wait_queue(c->entries[i].wq, &c->entries[i].wait);
			fput(c->entries[i].filp);
		}
		kfree(c);
		c = next;
	}
	pw->chunks = NULL;
}

/**
 * vfs_poll - the readiness of @filp
 * @filp: the file
 * @pt: the poller (may be NULL: no registration)
 *
 * Return: EPOLL* bits; DEFAULT_POLLMASK for a file without poll.
 */
unsigned int vfs_poll(struct file *filp, poll_table *pt)
{
	if (!filp->f_op || !filp->f_op->poll)
		return DEFAULT_POLLMASK;
	return filp->f_op->poll(filp, pt);
}

/*
 * Sleep until a registered queue wakes us or *@left_ns passes (updated).
 * Return: false if the time ran out.
 */
static bool poll_sleep(struct poll_waiters *pw, u64 *left_ns)
{
	set_current_state(TASK_INTERRUPTIBLE);
	if (!READ_ONCE(pw->triggered)) {
		if (*left_ns == POLL_FOREVER)
			schedule();
		else
			*left_ns = schedule_timeout_ns(*left_ns);
	}
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(pw->triggered, false);
	return *left_ns != 0;
}

#define POLL_MAX_FDS	NR_OPEN_MAX

/* One pass over @fds. Return: how many have revents. */
static int poll_pass(struct kpollfd *fds, unsigned int nfds, poll_table *pt)
{
	unsigned int i;
	int count = 0;

	for (i = 0; i < nfds; i++) {
		struct file *f;
		unsigned int mask;

		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		f = fget(fds[i].fd);
		if (!f) {
			fds[i].revents = EPOLLNVAL;
			count++;
			continue;
		}
		if (pt)
			pt->_key = fds[i].events | EPOLLERR | EPOLLHUP;
		mask = vfs_poll(f, pt) &
		       ((unsigned short)fds[i].events | EPOLLERR | EPOLLHUP);
		fput(f);
		fds[i].revents = mask;
		if (mask) {
			count++;
			pt = NULL;	/* something is ready: no more waiting */
		}
	}
	return count;
}

/**
 * do_poll - poll(2) on a kernel copy of the pollfd array
 * @fds: the array; revents filled in
 * @nfds: its length
 * @timeout_ns: how long to wait (0: not at all, U64_MAX: for ever);
 * set to the time left
 *
 * Return: how many entries have revents (0 on timeout), -EINTR if a
 * signal came while waiting, -ENOMEM.
 */
int do_poll(struct kpollfd *fds, unsigned int nfds, u64 *timeout_ns)
{
	struct poll_waiters pw;
	u64 left = *timeout_ns;
	bool time_left = left != 0;
	int count;

	poll_waiters_init(&pw);
	for (;;) {
		count = poll_pass(fds, nfds, time_left ? &pw.pt : NULL);
		pw.pt._qproc = NULL;	/* registered once is enough */
		if (count || !time_left || pw.error)
			break;
		if (signal_pending(current)) {
			count = -EINTR;
			break;
		}
		time_left = poll_sleep(&pw, &left);
	}
	poll_waiters_free(&pw);
	*timeout_ns = left;
	return count ? count : pw.error;
}

/* The events select's three sets stand for. */
#define SEL_IN	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define SEL_OUT	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define SEL_EX	(EPOLLPRI)

/**
 * do_select - select(2) on kernel bitmaps
 * @n: one more than the highest descriptor looked at
 * @in: readable-wanted bits, replaced by the ready ones (or NULL)
 * @out: writable-wanted bits, likewise
 * @ex: exceptional-condition bits, likewise
 * @timeout_ns: 0, U64_MAX for ever, else nanoseconds; set to what is left
 *
 * Return: how many bits are set in the results, -EBADF if a set names a
 * closed descriptor, -EINTR, -ENOMEM.
 */
int do_select(int n, unsigned long *in, unsigned long *out,
	      unsigned long *ex, u64 *timeout_ns)
{
	size_t words = DIV_ROUND_UP(n, BITS_PER_LONG);
	struct kpollfd *fds;
	unsigned int nfds = 0, i;
	int fd, count;

	fds = kcalloc(n ? n : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	for (fd = 0; fd < n; fd++) {
		short ev = 0;

		if (in && test_bit(fd, in))
			ev |= SEL_IN;
		if (out && test_bit(fd, out))
			ev |= SEL_OUT;
		if (ex && test_bit(fd, ex))
			ev |= SEL_EX;
		if (!ev)
			continue;
		fds[nfds].fd = fd;
		fds[nfds++].events = ev;
	}
	count = do_poll(fds, nfds, timeout_ns);
	for (i = 0; count > 0 && i < nfds; i++) {
		if (fds[i].revents & EPOLLNVAL) {
			count = -EBADF;
			break;
		}
	}
	if (count >= 0) {
		if (in)
			memset(in, 0, words * sizeof(long));
		if (out)
			memset(out, 0, words * sizeof(long));
		if (ex)
			memset(ex, 0, words * sizeof(long));
		count = 0;
		for (i = 0; i < nfds; i++) {
			short r = fds[i].revents, ev = fds[i].events;

			if (in && (ev & SEL_IN) && (r & SEL_IN)) {
				set_bit(fds[i].fd, in);
				count++;
			}
			if (out && (ev & SEL_OUT) && (r & SEL_OUT)) {
				set_bit(fds[i].fd, out);
				count++;
			}
			if (ex && (ev & SEL_EX) && (r & SEL_EX)) {
				set_bit(fds[i].fd, ex);
				count++;
			}
		}
	}
	kfree(fds);
	return count;
}

/* ---- The system calls ---- */

static long poll_user(unsigned long ufds, unsigned int nfds, u64 timeout_ns)
{
	struct kpollfd *fds;
	long ret;

	if (nfds > POLL_MAX_FDS)
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, (const void __user *)ufds,
			   nfds * sizeof(*fds)))
		goto out;
	ret = do_poll(fds, nfds, &timeout_ns);
	if (ret >= 0 && copy_to_user((void __user *)ufds, fds,
				     nfds * sizeof(*fds)))
		ret = -EFAULT;
out:
	kfree(fds);
	return ret;
}

static long sys_poll(struct pt_regs *regs)
{
	int ms = SC_ARG2(regs);

	return poll_user(SC_ARG0(regs), SC_ARG1(regs),
			 ms < 0 ? POLL_FOREVER : (u64)ms * NSEC_PER_MSEC);
}
SYSCALL_ENTRY(poll, sys_poll);

struct user_timespec64 {
	long tv_sec;
	long tv_nsec;
};

/* A user timespec (NULL: for ever) as nanoseconds; -EINVAL if bad. */
static int timespec_ns(unsigned long uts, u64 *ns)
{
	struct user_timespec64 ts;

	if (!uts) {
		*ns = POLL_FOREVER;
		return 0;
	}
	if (copy_from_user(&ts, (const void __user *)uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

static long sys_ppoll(struct pt_regs *regs)
{
	u64 ns;
	long ret = timespec_ns(SC_ARG2(regs), &ns);

	if (!ret)
		ret = set_user_sigmask((const u64 __user *)SC_ARG3(regs),
				       SC_ARG4(regs));
	if (ret)
		return ret;
	ret = poll_user(SC_ARG0(regs), SC_ARG1(regs), ns);
	restore_user_sigmask(ret == -EINTR);
	return ret;
}
SYSCALL_ENTRY(ppoll, sys_ppoll);

/* select's three user sets in, do_select(), results out. */
static long select_user(int n, unsigned long uin, unsigned long uout,
			unsigned long uex, u64 *ns)
{
	unsigned long *bits[3] = { };
	unsigned long uset[3] = { uin, uout, uex };
	size_t bytes;
	long ret;
	int i;

	if (n < 0)
		return -EINVAL;
	if (n > NR_OPEN_MAX)
		n = NR_OPEN_MAX;
	bytes = DIV_ROUND_UP(n, BITS_PER_LONG) * sizeof(long);
	for (i = 0; i < 3; i++) {
		if (!uset[i])
			continue;
		ret = -ENOMEM;
		bits[i] = kzalloc(bytes ? bytes : sizeof(long), GFP_KERNEL);
		if (!bits[i])
			goto out;
		ret = -EFAULT;
		if (copy_from_user(bits[i], (const void __user *)uset[i], bytes))
			goto out;
	}
	ret = do_select(n, bits[0], bits[1], bits[2], ns);
	for (i = 0; ret >= 0 && i < 3; i++) {
		if (uset[i] && copy_to_user((void __user *)uset[i], bits[i],
					    bytes))
			ret = -EFAULT;
	}
out:
	for (i = 0; i < 3; i++)
		kfree(bits[i]);
	return ret;
}

struct user_timeval {
	long tv_sec;
	long tv_usec;
};

static long sys_select(struct pt_regs *regs)
{
	unsigned long utv = SC_ARG4(regs);
	struct user_timeval tv;
	u64 ns = POLL_FOREVER;
	long ret;

	if (utv) {
		if (copy_from_user(&tv, (const void __user *)utv, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		ns = (u64)tv.tv_sec * NSEC_PER_SEC +
		     (u64)tv.tv_usec * NSEC_PER_USEC;
	}
	ret = select_user(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			  SC_ARG3(regs), &ns);
	if (utv && ns != POLL_FOREVER) {
		/* Linux writes back the time left. */
		tv.tv_sec = ns / NSEC_PER_SEC;
		tv.tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
		if (copy_to_user((void __user *)utv, &tv, sizeof(tv)))
			ret = ret < 0 ? ret : -EFAULT;
	}
	return ret;
}
SYSCALL_ENTRY(select, sys_select);

/* pselect6's sixth argument: the mask and its size, Linux's layout. */
struct user_sigmask_arg {
	unsigned long set;
	size_t size;
};

static long sys_pselect6(struct pt_regs *regs)
{
	unsigned long uts = SC_ARG4(regs), usig = SC_ARG5(regs);
	struct user_sigmask_arg sig = { };
	struct user_timespec64 ts;
	u64 ns;
	long ret = timespec_ns(uts, &ns);

	if (ret)
		return ret;
	if (usig && copy_from_user(&sig, (const void __user *)usig,
				   sizeof(sig)))
		return -EFAULT;
	ret = set_user_sigmask((const u64 __user *)sig.set, sig.size);
	if (ret)
		return ret;
	ret = select_user(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			  SC_ARG3(regs), &ns);
	restore_user_sigmask(ret == -EINTR);
	if (uts) {
		ts.tv_sec = ns / NSEC_PER_SEC;
		ts.tv_nsec = ns % NSEC_PER_SEC;
		if (copy_to_user((void __user *)uts, &ts, sizeof(ts)))
			ret = ret < 0 ? ret : -EFAULT;
	}
	return ret;
}
SYSCALL_ENTRY(pselect6, sys_pselect6);
