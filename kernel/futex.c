// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: futexes
 *
 * FUTEX_WAIT sleeps if the user word still holds the value the caller
 * saw; FUTEX_WAKE wakes sleepers on a word. Waiters sit in one of a few
 * hash buckets under a key: the address space and the user address for
 * a private futex (FUTEX_PRIVATE_FLAG) or a word in private memory; the
 * shared object and the offset in it for a shared futex in a
 * MAP_SHARED|MAP_ANONYMOUS mapping, so that processes sharing it after
 * fork() meet whatever address they map it at. The bucket lock is held from reading the word to queueing, and by the
 * waker, so a wake between the read and the sleep is not lost. Bitset
 * variants match waiters and wakers whose bitsets intersect. Timeouts
 * are relative for FUTEX_WAIT and absolute (CLOCK_MONOTONIC, or
 * CLOCK_REALTIME with FUTEX_CLOCK_REALTIME) for FUTEX_WAIT_BITSET.
 * set_tid_address() and the robust list are stored here too.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY	0xffffffffU

#define FUTEX_BUCKETS		64

/* What identifies a futex word: an mm or a shared object, and where. */
struct futex_key {
	const void *obj;
	unsigned long off;
};

struct futex_waiter {
	struct list_head node;
	struct task_struct *task;
	struct futex_key key;
	u32 bitset;
	bool woken;
};

/* @lock protects @waiters and each waiter's @woken; irqs off. */
struct futex_bucket {
	spinlock_t lock;
	struct list_head waiters;
};

static struct futex_bucket futex_table[FUTEX_BUCKETS];


static struct futex_bucket *futex_bucket(const struct futex_key *key)
{
	unsigned long h = (key->off >> 2) ^ ((unsigned long)key->obj >> 6);

	h ^= h >> 17;
	return &futex_table[h % FUTEX_BUCKETS];
}

/*
 * The key of the word at @addr in current's mm: by the shared object for
 * a shared futex in a shared anonymous VMA, else by mm and address.
 */
static void futex_key(unsigned long addr, bool private, struct futex_key *key)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	key->obj = mm;
	key->off = addr;
	if (private)
		return;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr && vma->vm_shared) {
		key->obj = vma->vm_shared;
		key->off = (vma->vm_pgoff << PAGE_SHIFT) + (addr - vma->vm_start);
	}
	mmap_read_unlock(mm);
}

static bool key_eq(const struct futex_key *a, const struct futex_key *b)
{
	return a->obj == b->obj && a->off == b->off;
}

static int __init futex_init(void)
{
	int i;

	for (i = 0; i < FUTEX_BUCKETS; i++) {
		spin_lock_init(&futex_table[i].lock);
		INIT_LIST_HEAD(&futex_table[i].waiters);
	}
	return 0;
}
core_initcall(futex_init);

/**
 * futex_wake - wake up to @nr waiters on the user word @uaddr
 * @uaddr: the futex word, 4-byte aligned, in current's mm
 * @private: a process-private futex (else shared memory is looked up)
 * @nr: the most to wake
 * @bitset: wake only waiters whose bitset shares a bit with this
 *
 * Return: the number woken, or -EINVAL.
 */
int futex_wake(u32 __user *uaddr, bool private, int nr, u32 bitset)
{
	unsigned long addr = (unsigned long)uaddr;
	struct futex_waiter *w, *n;
	struct futex_bucket *b;
	struct futex_key key;
	unsigned long flags;
	int woken = 0;

	if ((addr & 3) || !bitset || !current->mm)
		return -EINVAL;
	futex_key(addr, private, &key);
	b = futex_bucket(&key);
	spin_lock_irqsave(&b->lock, flags);
	list_for_each_entry_safe(w, n, &b->waiters, node) {
		if (woken >= nr)
			break;
		if (!key_eq(&w->key, &key) || !(w->bitset & bitset))
			continue;
		list_del_init(&w->node);
		WRITE_ONCE(w->woken, true);
		wake_up_process(w->task);
		woken++;
	}
	spin_unlock_irqrestore(&b->lock, flags);
	return woken;
}

/*
 * Sleep on @uaddr while it holds @val, at most until @deadline_ns on
 * CLOCK_MONOTONIC (U64_MAX: no limit). mmap_lock is not held meanwhile.
 */
static int futex_wait(u32 __user *uaddr, bool private, u32 val,
		      u64 deadline_ns, u32 bitset)
{
	struct futex_waiter w = { .task = current, .bitset = bitset };
	struct futex_bucket *b;
	unsigned long flags;
	u32 cur;
	int ret = 0;

	if (((unsigned long)uaddr & 3) || !bitset)
		return -EINVAL;
	/* Fault the word in first: reading it under the bucket lock cannot. */
	if (get_user(cur, uaddr))
		return -EFAULT;
	futex_key((unsigned long)uaddr, private, &w.key);
	b = futex_bucket(&w.key);
	spin_lock_irqsave(&b->lock, flags);
	if (get_user(cur, uaddr)) {
		ret = -EFAULT;
	} else if (cur != val) {
		ret = -EAGAIN;
	} else {
		list_add_tail(&w.node, &b->waiters);
		set_current_state(TASK_INTERRUPTIBLE);
	}
	spin_unlock_irqrestore(&b->lock, flags);
	if (ret)
		return ret;

	while (!READ_ONCE(w.woken)) {
		u64 now = ktime_get_ns();

		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		if (deadline_ns != U64_MAX && now >= deadline_ns) {
			ret = -ETIMEDOUT;
			break;
		}
		schedule_timeout_ns(deadline_ns == U64_MAX ? U64_MAX :
				    deadline_ns - now);
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&b->lock, flags);
	if (w.woken)
		ret = 0;
	else
		list_del(&w.node);
	spin_unlock_irqrestore(&b->lock, flags);
	return ret;
}

/* A user timespec to a CLOCK_MONOTONIC deadline in ns (U64_MAX: none). */
static int futex_deadline(const void __user *uts, bool absolute,
			  bool realtime, u64 *deadline)
{
	struct timespec64 ts;
	u64 ns, now = ktime_get_ns();

	*deadline = U64_MAX;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (!absolute) {
		*deadline = now + ns;
		return 0;
	}
	if (realtime) {
		u64 real = ktime_get_real_ns();

		*deadline = ns > real ? now + (ns - real) : now;
		return 0;
	}
	*deadline = ns;
	return 0;
}

/* futex(uaddr, op, val, timeout, uaddr2, val3) */
static long sys_futex(struct pt_regs *regs)
{
	u32 __user *uaddr = (u32 __user *)SC_ARG0(regs);
	int op = (int)SC_ARG1(regs);
	u32 val = (u32)SC_ARG2(regs);
	const void __user *uts = (const void __user *)SC_ARG3(regs);
	u32 val3 = (u32)SC_ARG5(regs);
	int cmd = op & FUTEX_CMD_MASK;
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	bool private = op & FUTEX_PRIVATE_FLAG;
	u64 deadline;
	int ret;

	if (!current->mm)
		return -EFAULT;
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		if (realtime)
			return -ENOSYS;
		ret = futex_deadline(uts, false, false, &deadline);
		return ret ? ret : futex_wait(uaddr, private, val, deadline,
						 val3);
	case FUTEX_WAIT_BITSET:
		ret = futex_deadline(uts, true, realtime, &deadline);
		return ret ? ret : futex_wait(uaddr, private, val, deadline,
						 val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		return futex_wake(uaddr, private, val, val3);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, private, val, val3);
	}
	return -ENOSYS;
}
SYSCALL_ENTRY(futex, sys_futex);

/* set_tid_address(tidptr): cleared and woken at exit; returns the tid. */
static long sys_set_tid_address(struct pt_regs *regs)
{
	current->clear_child_tid = (int __user *)SC_ARG0(regs);
	return current->pid;
}
SYSCALL_ENTRY(set_tid_address, sys_set_tid_address);

/* Linux's struct robust_list_head is three words. */
#define ROBUST_LIST_HEAD_SIZE	24

static long sys_set_robust_list(struct pt_regs *regs)
{
	if (SC_ARG1(regs) != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = (void __user *)SC_ARG0(regs);
	current->robust_list_len = SC_ARG1(regs);
	return 0;
}
SYSCALL_ENTRY(set_robust_list, sys_set_robust_list);

/* get_robust_list(pid, head_ptr, len_ptr) */
static long sys_get_robust_list(struct pt_regs *regs)
{
	int pid = (int)SC_ARG0(regs);
	struct task_struct *p = pid ? find_get_task(pid) : current;
	unsigned long head;
	long ret = 0;

	if (!p)
		return -ESRCH;
	head = (unsigned long)p->robust_list;
	if (put_user(head, (unsigned long __user *)SC_ARG1(regs)) ||
	    put_user((size_t)ROBUST_LIST_HEAD_SIZE,
		     (size_t __user *)SC_ARG2(regs)))
		ret = -EFAULT;
	if (pid)
		put_task_struct(p);
	return ret;
}
SYSCALL_ENTRY(get_robust_list, sys_get_robust_list);
