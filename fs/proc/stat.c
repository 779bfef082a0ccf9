// SPDX-License-Identifier: GPL-2.0
/*
 * procfs files about the system as a whole: stat, uptime, loadavg,
 * version, cmdline and the sys/kernel names.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/utsname.h>
#include "internal.h"

/* USER_HZ: the unit of the times in /proc/stat and /proc/PID/stat. */
#define PROC_USER_HZ	100

/* What /proc/stat and loadavg count, in one walk of the task list. */
struct proc_task_counts {
	unsigned int total, running, blocked;
	int last_pid;
	u64 switches;
};

static bool proc_count_task(struct task_struct *p, void *data)
{
	struct proc_task_counts *c = data;
	long state = task_state(p);

	c->switches += READ_ONCE(p->switches);
	if (p->flags & PF_IDLE)
		return true;	/* Linux counts no idle task */
	c->total++;
	if (state == TASK_RUNNING)
		c->running++;
	else if ((state & TASK_UNINTERRUPTIBLE) && !(state & TASK_NOLOAD))
		c->blocked++;
	if (p->pid > c->last_pid)
		c->last_pid = p->pid;
	return true;
}

static void proc_count_tasks(struct proc_task_counts *c)
{
	memset(c, 0, sizeof(*c));
	sched_visit_tasks(c, proc_count_task);
}

/* Time since boot in USER_HZ ticks. */
static u64 proc_uptime_ticks(void)
{
	return ktime_get_ns() / (NSEC_PER_SEC / PROC_USER_HZ);
}

/**
 * proc_stat_show - /proc/stat
 * @t: output
 * @task: unused
 *
 * Tide does not account CPU time by mode: every CPU's time since boot is
 * reported as idle, the other columns are 0. ctxt sums the tasks' switch
 * counts, processes is the highest pid given out (pids are never reused
 * yet), btime is 0 (Tide reads no wall clock).
 *
 * Return: 0.
 */
int proc_stat_show(struct proc_text *t, struct task_struct *task)
{
	struct proc_task_counts c;
	u64 up = proc_uptime_ticks();
	unsigned int ncpu = 0;
	int cpu;

	proc_count_tasks(&c);
	for_each_online_cpu(cpu)
		ncpu++;
	proc_printf(t, "cpu  0 0 0 %llu 0 0 0 0 0 0\n",
		    (unsigned long long)(up * ncpu));
	for_each_online_cpu(cpu)
		proc_printf(t, "cpu%d 0 0 0 %llu 0 0 0 0 0 0\n", cpu,
			    (unsigned long long)up);
	proc_printf(t, "intr 0\n");
	proc_printf(t, "ctxt %llu\n", (unsigned long long)c.switches);
	proc_printf(t, "btime 0\n");
	proc_printf(t, "processes %d\n", c.last_pid);
	proc_printf(t, "procs_running %u\n", c.running);
	proc_printf(t, "procs_blocked %u\n", c.blocked);
	proc_printf(t, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

/**
 * proc_uptime_show - /proc/uptime: seconds since boot, and idle seconds
 * summed over CPUs (all the time, see proc_stat_show())
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_uptime_show(struct proc_text *t, struct task_struct *task)
{
	u64 up = proc_uptime_ticks(), idle;
	unsigned int ncpu = 0;
	int cpu;

	for_each_online_cpu(cpu)
		ncpu++;
	idle = up * ncpu;
	proc_printf(t, "%llu.%02llu %llu.%02llu\n",
		    (unsigned long long)(up / PROC_USER_HZ),
		    (unsigned long long)(up % PROC_USER_HZ),
		    (unsigned long long)(idle / PROC_USER_HZ),
		    (unsigned long long)(idle % PROC_USER_HZ));
	return 0;
}

/**
 * proc_loadavg_show - /proc/loadavg
 * @t: output
 * @task: unused
 *
 * Tide keeps no load average: the three averages are 0.00; then
 * runnable/total tasks and the last pid given out, as on Linux.
 *
 * Return: 0.
 */
int proc_loadavg_show(struct proc_text *t, struct task_struct *task)
{
	struct proc_task_counts c;

	proc_count_tasks(&c);
	proc_printf(t, "0.00 0.00 0.00 %u/%u %d\n", c.running, c.total,
		    c.last_pid);
	return 0;
}

/**
 * proc_version_show - /proc/version: the kernel's banner line
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_version_show(struct proc_text *t, struct task_struct *task)
{
	proc_printf(t, "%s\n", uts_proc_banner);
	return 0;
}

/**
 * proc_cmdline_show - /proc/cmdline: the boot command line
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_cmdline_show(struct proc_text *t, struct task_struct *task)
{
	proc_printf(t, "%s\n", boot_command_line);
	return 0;
}

/**
 * proc_hostname_show - /proc/sys/kernel/hostname
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_hostname_show(struct proc_text *t, struct task_struct *task)
{
	struct new_utsname u;

	uts_get(&u);
	proc_printf(t, "%s\n", u.nodename);
	return 0;
}

/**
 * proc_domainname_show - /proc/sys/kernel/domainname
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_domainname_show(struct proc_text *t, struct task_struct *task)
{
	struct new_utsname u;

	uts_get(&u);
	proc_printf(t, "%s\n", u.domainname);
	return 0;
}

/**
 * proc_osrelease_show - /proc/sys/kernel/osrelease
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_osrelease_show(struct proc_text *t, struct task_struct *task)
{
	struct new_utsname u;

	uts_get(&u);
	proc_printf(t, "%s\n", u.release);
	return 0;
}

/**
 * proc_ostype_show - /proc/sys/kernel/ostype
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_ostype_show(struct proc_text *t, struct task_struct *task)
{
	struct new_utsname u;

	uts_get(&u);
	proc_printf(t, "%s\n", u.sysname);
	return 0;
}
