/* SPDX-License-Identifier: GPL-2.0 */
/* CPU time of tasks and processes (kernel/sched/cputime.c). */
#ifndef _LINUX_SCHED_CPU_TIME_H
#define _LINUX_SCHED_CPU_TIME_H

#include <linux/types.h>

struct task_struct;
struct signal_struct;

/* What cputime_of() adds up (getrusage()'s RUSAGE_* in other words). */
enum cputime_who {
	CPUTIME_THREAD,		/* the thread alone */
	CPUTIME_GROUP,		/* every thread of its process, dead ones too */
	CPUTIME_CHILDREN,	/* the children its process reaped */
};

/* User and system time, in ns. */
struct cputime {
	u64 utime;
	u64 stime;
};

void account_process_tick(bool user);
void cputime_of(struct task_struct *p, enum cputime_who who,
		struct cputime *t);
void cputime_thread_gone(struct task_struct *p);
void cputime_reaped(struct signal_struct *parent, struct signal_struct *child,
		    struct cputime *t);
int put_rusage(const struct cputime *t, void __user *ru);

#endif /* _LINUX_SCHED_CPU_TIME_H */
