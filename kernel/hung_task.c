// SPDX-License-Identifier: GPL-2.0
/*
 * The hung-task detector: a kernel thread that looks for tasks stuck in
 * uninterruptible sleep for longer than hung_task_timeout_secs= and
 * prints each with its stack.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/sched.h>

/**
 * DOC: hung tasks
 *
 * A task counts as hung when it is in TASK_UNINTERRUPTIBLE (not
 * TASK_IDLE, which idle workers use) and its switch count has not moved
 * for longer than the bound. The check remembers, in each task, the
 * switch count it last saw and when it changed; so a task is reported
 * between one and two check periods after the bound, once, until it runs
 * again. Only the fields named hung_* in task_struct are written, under
 * tasklist_lock.
 */

/* Seconds; 0 turns the detector off. Linux's default is 120. */
static unsigned long hung_task_timeout_secs = 30;

static int __init hung_task_timeout_setup(char *val)
{
	unsigned long secs;

	if (!val || kstrtoul(val, 0, &secs))
		return -EINVAL;
	hung_task_timeout_secs = secs;
	return 0;
}
early_param("hung_task_timeout_secs", hung_task_timeout_setup);

struct hung_check {
	u64 now_ns;
	u64 timeout_ns;
	unsigned int found;
};

static bool hung_task_one(struct task_struct *p, void *data)
{
	struct hung_check *hc = data;
	u64 switches = READ_ONCE(p->switches);

	if (task_state(p) != TASK_UNINTERRUPTIBLE ||
	    switches != p->hung_last_switches) {
		p->hung_last_switches = switches;
		p->hung_last_seen_ns = hc->now_ns;
		p->hung_reported = false;
		return true;
	}
	if (p->hung_reported ||
	    hc->now_ns - p->hung_last_seen_ns <= hc->timeout_ns)
		return true;
	p->hung_reported = true;
	hc->found++;
	pr_err("INFO: task %s:%d blocked for more than %llu seconds.\n",
	       p->comm, p->pid, hc->timeout_ns / NSEC_PER_SEC);
	show_task_stack(p);
	return true;
}

/**
 * hung_task_check - report tasks in uninterruptible sleep for too long
 * @timeout_ns: the bound
 *
 * A task is reported the first time a check finds that it has not run
 * for more than @timeout_ns since an earlier check saw it change. Task
 * context; takes tasklist_lock.
 *
 * Return: the number of tasks reported by this call.
 */
unsigned int hung_task_check(u64 timeout_ns)
{
	struct hung_check hc = {
		.now_ns = ktime_get_ns(),
		.timeout_ns = timeout_ns,
	};

	sched_visit_tasks(&hc, hung_task_one);
	return hc.found;
}

static int khungtaskd(void *unused)
{
	u64 timeout_ns = (u64)hung_task_timeout_secs * NSEC_PER_SEC;

	while (!kthread_should_stop()) {
		/* Idle, so that a check with a shorter bound skips it. */
		set_current_state(TASK_IDLE);
		schedule_timeout_ns(timeout_ns);
		hung_task_check(timeout_ns);
	}
	return 0;
}

static int __init hung_task_init(void)
{
	struct task_struct *t;

	if (!hung_task_timeout_secs)
		return 0;
	t = kthread_run(khungtaskd, NULL, "khungtaskd");
	return IS_ERR(t) ? PTR_ERR(t) : 0;
}
device_initcall(hung_task_init);
