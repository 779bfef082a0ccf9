/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signals and the state a thread group shares: the contract between
 * kernel/signal.c (which owns it) and the code that sends signals or
 * sleeps interruptibly (tty, pipes, memory hotplug's offline). Values
 * are Linux's ABI.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/types.h>
#include <linux/sched.h>

#define _NSIG		64

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31

/* Returned by an interrupted call that restarts when no handler runs. */
#define ERESTARTSYS	512

struct tty_struct;

/**
 * struct signal_struct - what the threads of one process share
 * @pgrp: process group id
 * @session: session id
 * @tty: the controlling terminal, or NULL (drivers/tty sets and clears it)
 *
 * kernel/signal.c and kernel/fork.c own the rest of the structure.
 */
struct signal_struct {
	int pgrp;
	int session;
	struct tty_struct *tty;
	void *priv;	/* kernel/signal.c's: pending set, counts, exit state */
};

/* True if @p has a signal it does not block pending (or is being killed):
 * an interruptible sleep returns -ERESTARTSYS or -EINTR. */
bool signal_pending(struct task_struct *p);
/* Send @sig to one task, its whole thread group, or a process group. */
int send_sig(int sig, struct task_struct *p, int priv);
int kill_pid(int pid, int sig);
int kill_pgrp(int pgrp, int sig);
/* Is process group @pgrp orphaned or empty (no job control signals)? */
bool is_current_pgrp_orphaned(void);
/* Is @sig blocked or ignored by current (SIGTTOU, SIGTTIN checks)? */
bool sig_ignored_or_blocked(int sig);

#endif /* _LINUX_SCHED_SIGNAL_H */
