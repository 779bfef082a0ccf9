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
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/wait.h>

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

#define SIGRTMIN	32

/*
 * -ERESTARTSYS (512), returned by an interrupted sleep, and the other
 * restart codes are in <linux/errno.h>.
 */

/* A signal's bit in a u64 mask (Linux's sigset_t on x86-64). */
#define sigmask(sig)	(1ULL << ((sig) - 1))

/* sigaction's sa_flags (Linux's values). */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

#define SIG_DFL		((void __user *)0)
#define SIG_IGN		((void __user *)1)

/* si_code values (Linux's). */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_TKILL	(-6)
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRERR	2
#define ILL_ILLOPN	2
#define ILL_PRVOPC	5
#define FPE_INTDIV	1
#define FPE_FLTINV	7
#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/**
 * struct kernel_siginfo - what the kernel keeps of a pending signal
 *
 * Turned into user space's 128-byte siginfo_t when a handler runs
 * (arch/x86/kernel/signal.c): @pid and @uid for kill(), @addr for a
 * fault, @status (with @pid) for SIGCHLD.
 */
struct kernel_siginfo {
	int signo;
	int code;
	int errno_;
	int pid;
	int uid;
	int status;
	unsigned long addr;
};

/* Pending signals: a bit per signal, one siginfo per signal (no queue). */
struct sigpending {
	u64 signal;
	struct kernel_siginfo info[_NSIG];
};

/* One signal's disposition; Linux's struct sigaction for x86-64. */
struct k_sigaction {
	void __user *handler;
	unsigned long flags;
	void __user *restorer;
	u64 mask;
};

/**
 * struct sighand_struct - the actions of a thread group (or of the
 * processes sharing them with CLONE_SIGHAND)
 * @siglock: protects @action, every pending set and blocked mask of the
 *	tasks using it, and the signal_struct's stop and exit state.
 *	Taken with interrupts off (signals are sent from interrupts).
 *	Lock order: tasklist_lock, then siglock.
 */
struct sighand_struct {
	atomic_t count;
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

/* One interval timer: next expiry (ktime ns, 0: off) and period. */
struct itimer_state {
	u64 expires;
	u64 incr;
};

#define RLIMIT_STACK	3
#define RLIMIT_NOFILE	7
#define RLIM_NLIMITS	16
#define RLIM_INFINITY	(~0ULL)

/* signal_struct.flags */
#define SIGNAL_GROUP_EXIT	0x01	/* exit_group() or a fatal signal */
#define SIGNAL_STOPPED		0x02	/* job-control stopped */
#define SIGNAL_STOP_REPORT	0x04	/* stop not yet reported by wait4() */
#define SIGNAL_CONT_REPORT	0x08	/* continue not yet reported */

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
	void *priv;	/* unused: the fields below took its place */

	/* kernel/fork.c, kernel/exit.c, kernel/signal.c own the rest. */
	atomic_t count;			/* tasks pointing here */
	int nr_threads;			/* live threads, under tasklist_lock */
	atomic_t live;			/* threads not yet in do_exit() */
	struct task_struct *leader;	/* the thread group leader */
	struct list_head threads;	/* under tasklist_lock */
	struct list_head children;	/* child processes, tasklist_lock */
	struct wait_queue_head child_exit_wq;	/* wait4() sleeps here */
	struct sigpending shared_pending;	/* under siglock */
	unsigned int flags;		/* SIGNAL_*, under siglock */
	int group_exit_code;		/* under siglock */
	int stop_signal;		/* the signal of the last stop */
	struct rlimit64 rlim[RLIM_NLIMITS];
	/* kernel/itimer.c, under its itimer_lock */
	struct itimer_state it[3];	/* ITIMER_REAL, _VIRTUAL, _PROF */
	struct list_head itimer_node;	/* on the armed list, or empty */
	/*
	 * kernel/sched/cputime.c, under tasklist_lock: the CPU time of the
	 * threads that left the group, and of the children reaped by wait.
	 */
	u64 dead_utime, dead_stime;
	u64 cutime, cstime;
};

/*
 * @t's signal state lock (sighand->siglock: the actions, the pending
 * sets, the masks), plain or with interrupts saved.
 */
#define sighand_lock(t)		spin_lock(&(t)->sighand->siglock)
#define sighand_unlock(t)	spin_unlock(&(t)->sighand->siglock)
#define sighand_lock_irqsave(t, fl) \
	spin_lock_irqsave(&(t)->sighand->siglock, fl)
#define sighand_unlock_irqrestore(t, fl) \
	spin_unlock_irqrestore(&(t)->sighand->siglock, fl)

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

/* Is a fatal signal (SIGKILL, group exit) on its way to @p? */
bool fatal_signal_pending(struct task_struct *p);
/* Send a fault's signal to current (traps): blocked or ignored is fatal. */
void force_sig_fault(int sig, int code, unsigned long addr);
/* Send @info's signal to current's thread group, or to @p alone. */
int send_sig_info(int sig, struct kernel_siginfo *info,
		  struct task_struct *p, bool group);
/* Recompute current's sigpending flag (after changing blocked). */
void recalc_sigpending(void);
/* Under tasklist_lock: send to @p (or its group). */
int __send_signal_locked(int sig, struct kernel_siginfo *info,
			 struct task_struct *p, bool group);

/* What get_signal() hands the arch code: a signal with a handler. */
struct ksignal {
	int sig;
	struct k_sigaction ka;
	struct kernel_siginfo info;
};

bool get_signal(struct ksignal *ksig);
/* After a handler's frame is built: block what the handler blocks. */
void signal_delivered(struct ksignal *ksig, bool onstack);
/* The 128-byte user siginfo_t for @info. */
int copy_siginfo_to_user(void __user *to, const struct kernel_siginfo *info);
/* Whether current runs on its alternate signal stack at @sp. */
bool on_sig_stack(unsigned long sp);
/* sigsuspend(), ppoll(), pselect(): put the mask back after delivery. */
void restore_saved_sigmask(void);
/* Set current's blocked mask (SIGKILL and SIGSTOP stay unblocked). */
void set_current_blocked(u64 mask);
int set_user_sigmask(const u64 __user *umask, size_t size);

/* One task's signal sets as /proc/PID/status shows them (bit n-1: n). */
struct task_sigmasks {
	u64 pending, shared, blocked, ignored, caught;
};
void task_signal_masks(struct task_struct *p, struct task_sigmasks *m);
void restore_user_sigmask(bool interrupted);

/* exit: SIGHUP and SIGCONT to a group the exit orphans (tasklist_lock) */
void orphan_check_pgrp(int pgrp, struct task_struct *leaving);

/* execve(): handlers back to SIG_DFL, no alternate stack */
void exec_signal_reset(void);

/* kernel/itimer.c: a process's shared state is being freed */
void itimer_forget(struct signal_struct *sig);

/* kill(2)'s permission-free core: 0 or -ESRCH. */
int kill_proc_info(int sig, struct kernel_siginfo *info, int pid);
/* Process ids: the user-visible pid of @p's thread group. */
static inline int task_tgid_nr(struct task_struct *p)
{
	return p->tgid ? p->tgid : p->pid;
}

/*
 * Whether @p still belongs to its process group and session: a zombie
 * does until it is reaped (EXIT_DEAD), as on Linux, so kill(-pgrp, 0),
 * setpgid() and TIOCSPGRP still find a group whose members have all
 * exited but are not yet waited for (a pipeline's first command that
 * finished before the second joined its group). Signals sent to the
 * group skip the zombies. tasklist_lock held.
 */
static inline bool task_in_pgrp_of(const struct task_struct *p, int pgrp)
{
	return p->exit_state != EXIT_DEAD && p->signal &&
	       p->signal->pgrp == pgrp;
}

#endif /* _LINUX_SCHED_SIGNAL_H */
