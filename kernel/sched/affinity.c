// SPDX-License-Identifier: GPL-2.0
/*
 * CPU affinity of user tasks: sched_setaffinity() and sched_getaffinity().
 * A task keeps the set it was given; Tide's scheduler can pin a task to
 * one CPU (bound_cpu) or let it run anywhere, so a set of one CPU pins
 * it and any larger set lets it run on every CPU.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* Bytes of a user CPU mask that name CPUs Tide may have. */
#define AFFINITY_BYTES	(CPUMASK_LONGS * sizeof(unsigned long))

/* @p's set: what it was given, every possible CPU if nothing. */
static void task_affinity(struct task_struct *p, struct cpumask *out)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	cpumask_copy(out, &p->cpus_mask);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	if (cpumask_empty(out))
		cpumask_copy(out, cpu_possible_mask);
}

/**
 * sched_fork_affinity - a new task inherits its parent's CPU set
 * @child: the task being made, not running yet
 * @parent: current
 */
void sched_fork_affinity(struct task_struct *child, struct task_struct *parent)
{
	struct cpumask mask;

	task_affinity(parent, &mask);
	cpumask_copy(&child->cpus_mask, &mask);
	child->bound_cpu = cpumask_weight(&mask) == 1 ? cpumask_first(&mask) :
			   -1;
}

/* The task of @pid (0: current) with a reference, or NULL. */
static struct task_struct *affinity_task(int pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return pid > 0 ? find_get_task(pid) : NULL;
}

/*
 * sched_getaffinity(pid, len, mask): the set, in as many bytes as Tide's
 * masks have; returns that byte count. @len must hold nr_cpu_ids bits and
 * be a multiple of a long.
 */
static long sys_sched_getaffinity(struct pt_regs *regs)
{
	unsigned long len = SC_ARG1(regs);
	void __user *umask = (void __user *)SC_ARG2(regs);
	struct task_struct *p;
	struct cpumask mask;
	size_t n;

	if (len * 8 < nr_cpu_ids || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	p = affinity_task((int)SC_ARG0(regs));
	if (!p)
		return -ESRCH;
	task_affinity(p, &mask);
	put_task_struct(p);
	cpumask_and(&mask, &mask, cpu_possible_mask);
	n = min_t(size_t, len, AFFINITY_BYTES);
	return copy_to_user(umask, &mask, n) ? -EFAULT : (long)n;
}
SYSCALL_ENTRY(sched_getaffinity, sys_sched_getaffinity);

/*
 * sched_setaffinity(pid, len, mask): a shorter mask leaves the other
 * CPUs out, a longer one's extra bytes are ignored. -EINVAL when no
 * online CPU is left in it.
 */
static long sys_sched_setaffinity(struct pt_regs *regs)
{
	unsigned long len = SC_ARG1(regs);
	const void __user *umask = (const void __user *)SC_ARG2(regs);
	struct cpumask mask, online;
	struct task_struct *p;
	unsigned long flags;

	cpumask_clear(&mask);
	if (copy_from_user(&mask, umask, min_t(size_t, len, AFFINITY_BYTES)))
		return -EFAULT;
	p = affinity_task((int)SC_ARG0(regs));
	if (!p)
		return -ESRCH;
	if (!cpumask_and(&online, &mask, cpu_online_mask)) {
		put_task_struct(p);
		return -EINVAL;
	}
	spin_lock_irqsave(&p->pi_lock, flags);
	cpumask_copy(&p->cpus_mask, &online);
	p->bound_cpu = cpumask_weight(&online) == 1 ?
		       cpumask_first(&online) : -1;
	spin_unlock_irqrestore(&p->pi_lock, flags);
	put_task_struct(p);
	return 0;
}
SYSCALL_ENTRY(sched_setaffinity, sys_sched_setaffinity);
