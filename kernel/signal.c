// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: signals
 *
 * A signal is sent to a thread (tkill, tgkill, a fault) or to a thread
 * group (kill, the tty's job control, SIGCHLD): it becomes a bit in the
 * thread's pending set or in the group's shared one, with one siginfo
 * per signal (a signal already pending is not queued twice, real-time
 * ones included). A thread that does not block it is marked
 * (task->sigpending), woken from an interruptible sleep (which then
 * returns -ERESTARTSYS or -EINTR) and, if it runs on another CPU, sent
 * a reschedule interrupt so that it enters the kernel. On every return
 * to user mode the arch code (arch/x86/kernel/signal.c) calls
 * get_signal(), which takes the pending signals in order, lowest number
 * first, the thread's own before the group's, and carries out their
 * default actions: ignore; stop the whole group (SIGSTOP, and SIGTSTP,
 * SIGTTIN, SIGTTOU unless the process group is orphaned) until SIGCONT;
 * or end the whole group with the signal as its status (a core dump
 * action ends it the same way, without a dump). A signal with a handler
 * is handed back to the arch code to build the handler's frame.
 *
 * Locks: tasklist_lock (kernel/pid.c) is taken around every send, as it
 * finds the receivers and the parents to notify; then the receiver's
 * sighand->siglock, which protects the actions, every pending set and
 * blocked mask of the group, the group's thread list and its
 * stop/exit state. Both with interrupts off (the tty sends from its
 * interrupt).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/irqflags.h>

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

#define SS_ONSTACK	1
#define SS_DISABLE	2
#define MINSIGSTKSZ	2048

/* Signals a thread can never block or handle. */
#define SIG_UNBLOCKABLE	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_STOP_SET	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_IGNORE_SET	(sigmask(SIGCHLD) | sigmask(SIGURG) | \
			 sigmask(SIGWINCH) | sigmask(SIGCONT))

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

bool signal_pending(struct task_struct *p)
{
	return task_is_user(p) && READ_ONCE(p->sigpending);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return task_is_user(p) &&
	       ((READ_ONCE(p->pending->signal) & sigmask(SIGKILL)) ||
		(READ_ONCE(p->signal->flags) & SIGNAL_GROUP_EXIT));
}

/* Recompute @t's sigpending. Caller holds its siglock. */
static void recalc_sigpending_tsk(struct task_struct *t)
{
	u64 pend = t->pending->signal | t->signal->shared_pending.signal;
	bool on = (pend & ~t->blocked) ||
		  (t->signal->flags & (SIGNAL_GROUP_EXIT | SIGNAL_STOPPED));

	WRITE_ONCE(t->sigpending, on);
}

void recalc_sigpending(void)
{
	struct task_struct *p = current;
	unsigned long flags;

	sighand_lock_irqsave(p, flags);
	recalc_sigpending_tsk(p);
	sighand_unlock_irqrestore(p, flags);
}

/* Mark @t, wake it from a sleep @states allows, and kick its CPU. */
static void signal_wake_up(struct task_struct *t, unsigned int states)
{
	WRITE_ONCE(t->sigpending, true);
	if (!wake_up_state(t, states) && READ_ONCE(t->on_cpu) &&
	    t->cpu != smp_processor_id())
		smp_send_reschedule(t->cpu);
}

static struct k_sigaction *sig_action(struct task_struct *p, int sig)
{
	return &p->sighand->action[sig - 1];
}

/*
 * Is @sig blocked by @p? A signal that rt_sigtimedwait() unblocked only
 * to wait for it still counts as blocked: the waiter takes it, so it is
 * neither thrown away nor does its default action run.
 */
static bool sig_blocked_really(struct task_struct *p, int sig)
{
	return (p->blocked | p->real_blocked) & sigmask(sig);
}

/* Would @sig be thrown away by @p on arrival? Caller holds siglock. */
static bool sig_discarded(struct task_struct *p, int sig)
{
	void __user *h = sig_action(p, sig)->handler;

	if (sig_blocked_really(p, sig))
		return false;
	if (h == SIG_IGN)
		return true;
	/*
	 * init gets only the signals it has a handler for: a default
	 * action would end (or stop) the process everything hangs from.
	 */
	if (h == SIG_DFL && p->tgid == 1)
		return true;
	return h == SIG_DFL && (SIG_IGNORE_SET & sigmask(sig));
}


/* Remove the signals of @mask from every pending set of @p's group. */
static void flush_group_signals(struct task_struct *p, u64 mask)
{
	struct task_struct *t;

	p->signal->shared_pending.signal &= ~mask;
	list_for_each_entry(t, &p->signal->threads, thread_node)
		t->pending->signal &= ~mask;
}

/* Tell the parent of @p's process of a stop or continue. tasklist_lock. */
static void notify_parent_cldstop(struct task_struct *p, int why)
{
	struct task_struct *leader = p->group_leader;
	struct task_struct *parent = leader->real_parent;
	struct kernel_siginfo info = { .signo = SIGCHLD, .code = why };

	if (!parent || parent->exit_state)
		return;
	info.pid = leader->pid;
	info.status = why == CLD_STOPPED ? p->signal->stop_signal : SIGCONT;
	if (!(sig_action(parent, SIGCHLD)->flags & SA_NOCLDSTOP) &&
	    parent->sighand != p->sighand)
		__send_signal_locked(SIGCHLD, &info, parent, true);
	wake_up_all(&parent->signal->child_exit_wq);
}

/* SIGCONT resumes a stopped group. Caller holds tasklist_lock, siglock. */
static bool continue_group(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;

	flush_group_signals(p, SIG_STOP_SET);
	if (!(sig->flags & SIGNAL_STOPPED))
		return false;
	sig->flags &= ~(SIGNAL_STOPPED | SIGNAL_STOP_REPORT);
	sig->flags |= SIGNAL_CONT_REPORT;
	list_for_each_entry(t, &sig->threads, thread_node) {
		recalc_sigpending_tsk(t);
		wake_up_state(t, TASK_STOPPED);
	}
	return true;
}

/* A fatal signal for the whole group: everyone gets SIGKILL. siglock. */
static void kill_group(struct task_struct *p, int sig)
{
	struct signal_struct *s = p->signal;
	struct task_struct *t;

	if (!(s->flags & SIGNAL_GROUP_EXIT)) {
		s->flags |= SIGNAL_GROUP_EXIT;
		s->group_exit_code = sig;
	}
	list_for_each_entry(t, &s->threads, thread_node) {
		t->pending->signal |= sigmask(SIGKILL);
		signal_wake_up(t, TASK_NORMAL | TASK_STOPPED);
	}
}

/* The thread of @p's group to deliver a group signal @sig to. siglock. */
static struct task_struct *pick_thread(struct task_struct *p, int sig)
{
	struct task_struct *t;

	if (!(p->blocked & sigmask(sig)))
		return p;
	list_for_each_entry(t, &p->signal->threads, thread_node)
		if (!(t->blocked & sigmask(sig)))
			return t;
	return NULL;
}

/**
 * __send_signal_locked - send @sig to @p or its group
 * @sig: 1.._NSIG
 * @info: what the receiver learns (copied), or NULL for SI_KERNEL
 * @p: a user task
 * @group: to @p's whole thread group (else to @p alone)
 *
 * Caller holds tasklist_lock with interrupts off; this takes @p's
 * siglock. A dead task or one that is not a user task gets nothing.
 *
 * Return: 0 (also when the signal is ignored), -ESRCH for a dead target.
 */
int __send_signal_locked(int sig, struct kernel_siginfo *info,
			 struct task_struct *p, bool group)
{
	struct sighand_struct *sh = p->sighand;
	struct sigpending *pend;
	struct task_struct *t;
	bool cont = false;

	if (!task_is_user(p) || p->exit_state || !sh)
		return -ESRCH;
	spin_lock(&sh->siglock);
	if (p->signal->flags & SIGNAL_GROUP_EXIT)
		goto out;
	if (SIG_STOP_SET & sigmask(sig))
		flush_group_signals(p, sigmask(SIGCONT));
	if (sig == SIGCONT)
		cont = continue_group(p);
	if (sig_discarded(p, sig))
		goto out;
	pend = group ? &p->signal->shared_pending : p->pending;
	if (!(pend->signal & sigmask(sig))) {
		struct kernel_siginfo *slot = &pend->info[sig - 1];

		if (info)
			*slot = *info;
		else
			*slot = (struct kernel_siginfo){ .code = SI_KERNEL };
		slot->signo = sig;
		pend->signal |= sigmask(sig);
	}
	if (sig == SIGKILL ||
	    (group && sig_action(p, sig)->handler == SIG_DFL &&
	     !(sigmask(sig) & (SIG_STOP_SET | SIG_IGNORE_SET)) &&
	     !sig_blocked_really(p, sig) && sig != SIGCONT)) {
		kill_group(p, sig);
		goto out;
	}
	t = group ? pick_thread(p, sig) : p;
	if (t && !(t->blocked & sigmask(sig)))
		signal_wake_up(t, TASK_INTERRUPTIBLE);
out:
	spin_unlock(&sh->siglock);
	if (cont)
		notify_parent_cldstop(p, CLD_CONTINUED);
	return 0;
}

/**
 * send_sig_info - send @sig with @info to @p's group or to @p alone
 * @sig: the signal
 * @info: the siginfo to record, or NULL
 * @p: the receiver
 * @group: the whole thread group
 *
 * Return: 0, -EINVAL for a bad signal, -ESRCH for a dead receiver.
 */
int send_sig_info(int sig, struct kernel_siginfo *info,
		  struct task_struct *p, bool group)
{
	unsigned long flags;
	int ret;

	if (!valid_signal(sig))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __send_signal_locked(sig, info, p, group);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * send_sig - send @sig to @p's thread group
 * @sig: the signal
 * @p: a user task
 * @priv: non-zero: from the kernel (SI_KERNEL), else as kill() by current
 *
 * Return: 0, or a negative errno.
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	struct kernel_siginfo info = {
		.code = priv ? SI_KERNEL : SI_USER,
		.pid = priv ? 0 : task_tgid_nr(current),
	};

	return send_sig_info(sig, &info, p, true);
}

/**
 * force_sig_fault - a fault's signal to the current thread
 * @sig: SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP or SIGKILL
 * @code: its si_code
 * @addr: si_addr
 *
 * A blocked or ignored fault signal would make the faulting instruction
 * run again forever: it is unblocked and its action reset to the
 * default, which ends the process.
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *p = current;
	struct kernel_siginfo info = { .code = code, .addr = addr };
	unsigned long flags;

	if (!task_is_user(p))
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	sighand_lock(p);
	if ((p->blocked & sigmask(sig)) ||
	    sig_action(p, sig)->handler == SIG_IGN) {
		p->blocked &= ~sigmask(sig);
		sig_action(p, sig)->handler = SIG_DFL;
	}
	/* init ignores default actions sent to it, not its own faults. */
	if (p->tgid == 1 && sig_action(p, sig)->handler == SIG_DFL) {
		kill_group(p, sig);
		sighand_unlock(p);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return;
	}
	sighand_unlock(p);
	__send_signal_locked(sig, &info, p, false);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * Send to every live process of group @pgrp; a group whose members are all
 * zombies exists (0) but gets nothing. Caller holds tasklist_lock.
 */
static int __kill_pgrp_info(int sig, struct kernel_siginfo *info, int pgrp)
{
	struct task_struct *p, *n;
	int ret = -ESRCH;

	list_for_each_entry_safe(p, n, pid_table_head(), pid_node) {
		if (p != p->group_leader || !task_in_pgrp_of(p, pgrp))
			continue;
		if (ret == -ESRCH)
			ret = 0;	/* the group exists, zombies or not */
		if (sig && !p->exit_state)
			ret = __send_signal_locked(sig, info, p, true);
	}
	return ret;
}

/*
 * Whether process group @pgrp would be orphaned without @ignore: no
 * live member other than @ignore has a parent in another group of the
 * same session. Caller holds tasklist_lock.
 */
static bool pgrp_orphaned_without(int pgrp, struct task_struct *ignore)
{
	struct task_struct *p;

	list_for_each_entry(p, pid_table_head(), pid_node) {
		struct task_struct *parent = p->real_parent;

		if (p != p->group_leader || p == ignore || p->exit_state ||
		    p->signal->pgrp != pgrp || !parent || parent == ignore)
			continue;
		if (parent->signal->pgrp != pgrp &&
		    parent->signal->session == p->signal->session)
			return false;
	}
	return true;
}

static bool pgrp_has_stopped(int pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, pid_table_head(), pid_node)
		if (p == p->group_leader && !p->exit_state &&
		    p->signal->pgrp == pgrp &&
		    (p->signal->flags & SIGNAL_STOPPED))
			return true;
	return false;
}

/**
 * orphan_check_pgrp - POSIX's rule for a group orphaned by an exit
 * @pgrp: a process group the exit of @leaving may orphan
 * @leaving: the process (leader) that exits
 *
 * If the group becomes orphaned and has a stopped process, nobody is
 * left to continue it: every process of the group gets SIGHUP, then
 * SIGCONT. Caller holds tasklist_lock.
 */
void orphan_check_pgrp(int pgrp, struct task_struct *leaving)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };

	if (!pgrp_orphaned_without(pgrp, leaving) || !pgrp_has_stopped(pgrp))
		return;
	__kill_pgrp_info(SIGHUP, &info, pgrp);
	__kill_pgrp_info(SIGCONT, &info, pgrp);
}

/**
 * kill_pgrp - send @sig to every process of group @pgrp
 * @pgrp: a process group id
 * @sig: the signal (0: only check that the group exists)
 *
 * Safe from interrupts (the tty's ^C).
 *
 * Return: 0, or -ESRCH if the group has no process, -EINVAL.
 */
int kill_pgrp(int pgrp, int sig)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };
	unsigned long flags;
	int ret;

	if (sig && !valid_signal(sig))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(sig, &info, pgrp);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Send to the process (thread group) that @pid is a thread of. */
static int __kill_pid_info(int sig, struct kernel_siginfo *info, int pid)
{
	struct task_struct *p = find_task_by_pid(pid);

	if (!p || p->exit_state == EXIT_DEAD)
		return -ESRCH;
	if (p->exit_state)
		return 0;	/* a zombie: there, but nothing to deliver */
	return sig ? __send_signal_locked(sig, info, p->group_leader->exit_state ?
					  p : p->group_leader, true) : 0;
}

/**
 * kill_proc_info - kill()'s core for one process
 * @sig: the signal (0: existence check)
 * @info: what the receiver learns
 * @pid: a process (or thread) id
 *
 * Return: 0, or -ESRCH.
 */
int kill_proc_info(int sig, struct kernel_siginfo *info, int pid)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pid_info(sig, info, pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * kill_pid - send @sig to process @pid from the kernel
 * @pid: a process id
 * @sig: the signal
 *
 * Return: 0, or -ESRCH, -EINVAL.
 */
int kill_pid(int pid, int sig)
{
	struct kernel_siginfo info = { .code = SI_KERNEL };

	if (sig && !valid_signal(sig))
		return -EINVAL;
	return kill_proc_info(sig, &info, pid);
}

/* kill(-1, sig): every process but init and the caller's. tasklist_lock. */
static int __kill_all(int sig, struct kernel_siginfo *info)
{
	struct task_struct *p, *n;
	int ret = -ESRCH;

	list_for_each_entry_safe(p, n, pid_table_head(), pid_node) {
		if (p != p->group_leader || p->exit_state || p->tgid == 1 ||
		    p->signal == current->signal)
			continue;
		ret = sig ? __send_signal_locked(sig, info, p, true) : 0;
	}
	return ret;
}

/* kill(pid, sig) */
static long sys_kill(struct pt_regs *regs)
{
	int pid = (int)SC_ARG0(regs), sig = (int)SC_ARG1(regs);
	struct kernel_siginfo info = {
		.code = SI_USER, .pid = task_tgid_nr(current),
	};
	unsigned long flags;
	int ret;

	if (sig && !valid_signal(sig))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid > 0)
		ret = __kill_pid_info(sig, &info, pid);
	else if (pid == -1)
		ret = __kill_all(sig, &info);
	else
		ret = __kill_pgrp_info(sig, &info,
				       pid ? -pid : current->signal->pgrp);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}
SYSCALL_ENTRY(kill, sys_kill);

/* Send @sig to thread @tid, of process @tgid unless that is 0. */
static long do_tkill(int tgid, int tid, int sig)
{
	struct kernel_siginfo info = {
		.code = SI_TKILL, .pid = task_tgid_nr(current),
	};
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	if (tid <= 0 || (sig && !valid_signal(sig)))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(tid);
	if (p && !p->exit_state && (!tgid || p->tgid == tgid))
		ret = sig ? __send_signal_locked(sig, &info, p, false) : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static long sys_tkill(struct pt_regs *regs)
{
	return do_tkill(0, (int)SC_ARG0(regs), (int)SC_ARG1(regs));
}
SYSCALL_ENTRY(tkill, sys_tkill);

static long sys_tgkill(struct pt_regs *regs)
{
	if ((int)SC_ARG0(regs) <= 0)
		return -EINVAL;
	return do_tkill((int)SC_ARG0(regs), (int)SC_ARG1(regs),
			(int)SC_ARG2(regs));
}
SYSCALL_ENTRY(tgkill, sys_tgkill);

/**
 * is_current_pgrp_orphaned - may job control stop current's group?
 *
 * A process group is orphaned when no member has a parent in another
 * group of the same session: nobody is left to continue it.
 *
 * Return: true if orphaned (or empty).
 */
bool is_current_pgrp_orphaned(void)
{
	int pgrp = current->signal->pgrp;
	struct task_struct *p;
	unsigned long flags;
	bool orphaned = true;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, pid_table_head(), pid_node) {
		struct task_struct *parent = p->real_parent;

		if (p != p->group_leader || p->exit_state ||
		    p->signal->pgrp != pgrp || !parent)
			continue;
		if (parent->signal->pgrp != pgrp &&
		    parent->signal->session == p->signal->session) {
			orphaned = false;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return orphaned;
}

/**
 * sig_ignored_or_blocked - does current ignore or block @sig?
 * @sig: a signal number
 *
 * Return: true if blocked or its action is SIG_IGN.
 */
bool sig_ignored_or_blocked(int sig)
{
	struct task_struct *p = current;

	if (!task_is_user(p) || !valid_signal(sig))
		return true;
	return (p->blocked & sigmask(sig)) ||
	       sig_action(p, sig)->handler == SIG_IGN;
}

/* Take the lowest pending signal @p does not block. Caller holds siglock. */
static int dequeue_signal(struct task_struct *p, u64 mask,
			  struct kernel_siginfo *info)
{
	struct sigpending *sets[2] = { p->pending,
				       &p->signal->shared_pending };
	int i;

	for (i = 0; i < 2; i++) {
		u64 ready = sets[i]->signal & mask;
		int sig;

		if (!ready)
			continue;
		sig = __builtin_ctzll(ready) + 1;
		sets[i]->signal &= ~sigmask(sig);
		*info = sets[i]->info[sig - 1];
		return sig;
	}
	return 0;
}

/* Stay stopped (job control) until SIGCONT or a fatal signal. */
static void do_signal_stop(int signr)
{
	struct task_struct *p = current, *t;
	struct signal_struct *sig = p->signal;
	unsigned long flags;
	bool first = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	sighand_lock(p);
	if (signr && !(sig->flags & (SIGNAL_STOPPED | SIGNAL_GROUP_EXIT))) {
		first = true;
		sig->flags |= SIGNAL_STOPPED | SIGNAL_STOP_REPORT;
		sig->flags &= ~SIGNAL_CONT_REPORT;
		sig->stop_signal = signr;
		list_for_each_entry(t, &sig->threads, thread_node)
			if (t != p)
				signal_wake_up(t, TASK_INTERRUPTIBLE);
	}
	sighand_unlock(p);
	if (first)
		notify_parent_cldstop(p, CLD_STOPPED);
	spin_unlock_irqrestore(&tasklist_lock, flags);

	sighand_lock_irqsave(p, flags);
	while ((sig->flags & SIGNAL_STOPPED) &&
	       !(sig->flags & SIGNAL_GROUP_EXIT) &&
	       !(p->pending->signal & sigmask(SIGKILL))) {
		set_current_state(TASK_STOPPED);
		sighand_unlock_irqrestore(p, flags);
		schedule();
		sighand_lock_irqsave(p, flags);
	}
	recalc_sigpending_tsk(p);
	sighand_unlock_irqrestore(p, flags);
}

/**
 * get_signal - carry out current's pending signals until one has a handler
 * @ksig: filled with the signal, its action and siginfo
 *
 * Called on the way to user mode with interrupts on. Default actions
 * happen here: ignore, stop, or end the process (this does not return
 * then).
 *
 * Return: true if @ksig has a handler to run, false if nothing is left.
 */
bool get_signal(struct ksignal *ksig)
{
	struct task_struct *p = current;
	struct signal_struct *sig = p->signal;
	unsigned long flags;
	int signr;

	for (;;) {
		struct k_sigaction *ka;

		sighand_lock_irqsave(p, flags);
		if ((sig->flags & SIGNAL_GROUP_EXIT) ||
		    (p->pending->signal & sigmask(SIGKILL))) {
			int code = (sig->flags & SIGNAL_GROUP_EXIT) ?
				   sig->group_exit_code : SIGKILL;

			sighand_unlock_irqrestore(p, flags);
			do_group_exit(code);
		}
		if (sig->flags & SIGNAL_STOPPED) {
			sighand_unlock_irqrestore(p, flags);
			do_signal_stop(0);
			continue;
		}
		signr = dequeue_signal(p, ~p->blocked, &ksig->info);
		if (!signr) {
			recalc_sigpending_tsk(p);
			sighand_unlock_irqrestore(p, flags);
			return false;
		}
		ka = sig_action(p, signr);
		if (ka->handler == SIG_IGN) {
			sighand_unlock_irqrestore(p, flags);
			continue;
		}
		if (ka->handler != SIG_DFL) {
			ksig->sig = signr;
			ksig->ka = *ka;
			if (ka->flags & SA_RESETHAND)
				ka->handler = SIG_DFL;
			sighand_unlock_irqrestore(p, flags);
			return true;
		}
		sighand_unlock_irqrestore(p, flags);
		if (sigmask(signr) & SIG_IGNORE_SET)
			continue;
		if (sigmask(signr) & SIG_STOP_SET) {
			if (signr != SIGSTOP && is_current_pgrp_orphaned())
				continue;
			do_signal_stop(signr);
			continue;
		}
		do_group_exit(signr);
	}
}

/**
 * set_current_blocked - replace current's blocked mask
 * @mask: the new mask; SIGKILL and SIGSTOP are never blocked
 */
void set_current_blocked(u64 mask)
{
	struct task_struct *p = current;
	unsigned long flags;

	sighand_lock_irqsave(p, flags);
	p->blocked = mask & ~SIG_UNBLOCKABLE;
	recalc_sigpending_tsk(p);
	sighand_unlock_irqrestore(p, flags);
}

/**
 * signal_delivered - a handler's frame is built: update the mask
 * @ksig: the signal whose handler runs
 * @onstack: unused; the frame records the alternate stack state
 *
 * The handler runs with its sa_mask and (without SA_NODEFER) its own
 * signal blocked; a mask saved by sigsuspend() went into the frame.
 */
void signal_delivered(struct ksignal *ksig, bool onstack)
{
	struct task_struct *p = current;
	u64 mask = p->blocked | ksig->ka.mask;

	if (!(ksig->ka.flags & SA_NODEFER))
		mask |= sigmask(ksig->sig);
	p->restore_sigmask = false;
	set_current_blocked(mask);
}

/**
 * restore_saved_sigmask - put back the mask sigsuspend() replaced
 *
 * For when no handler ran: the mask saved goes back as it was.
 */
void restore_saved_sigmask(void)
{
	struct task_struct *p = current;

	if (p->restore_sigmask) {
		p->restore_sigmask = false;
		set_current_blocked(p->saved_sigmask);
	}
}

/**
 * task_signal_masks - @p's signal sets, for /proc/PID/status
 * @p: a task the caller holds a reference to (its sighand and pending
 *	set live as long as the task)
 * @m: filled in; all zero for a kernel thread
 *
 * A snapshot taken under @p's siglock.
 */
void task_signal_masks(struct task_struct *p, struct task_sigmasks *m)
{
	unsigned long flags;
	int sig;

	memset(m, 0, sizeof(*m));
	if (!task_is_user(p) || !p->sighand || !p->signal)
		return;
	sighand_lock_irqsave(p, flags);
	m->pending = p->pending->signal;
	m->shared = p->signal->shared_pending.signal;
	m->blocked = p->blocked;
	for (sig = 1; sig <= _NSIG; sig++) {
		void __user *h = sig_action(p, sig)->handler;

		if (h == SIG_IGN)
			m->ignored |= sigmask(sig);
		else if (h != SIG_DFL)
			m->caught |= sigmask(sig);
	}
	sighand_unlock_irqrestore(p, flags);
}

/**
 * set_user_sigmask - the mask ppoll() and pselect6() wait with
 * @umask: the user's sigset, or NULL to keep the mask as it is
 * @size: its size as the caller passed it (must be 8)
 *
 * Saves the current mask, as sigsuspend() does, and puts @umask in
 * force (SIGKILL and SIGSTOP stay unblocked). The caller ends the wait
 * with restore_user_sigmask().
 *
 * Return: 0; -EINVAL for a wrong @size; -EFAULT for a bad @umask (the
 * mask is then unchanged).
 */
int set_user_sigmask(const u64 __user *umask, size_t size)
{
	struct task_struct *p = current;
	u64 mask;

	if (!umask)
		return 0;
	if (size != sizeof(u64))
		return -EINVAL;
	if (get_user(mask, umask))
		return -EFAULT;
	p->saved_sigmask = p->blocked;
	p->restore_sigmask = true;
	set_current_blocked(mask);
	return 0;
}

/**
 * restore_user_sigmask - end a wait that set_user_sigmask() began
 * @interrupted: the wait ended for a signal (-EINTR)
 *
 * After an interrupted wait the saved mask stays saved: the handler runs
 * with the wait's mask in force and its frame restores the saved one
 * (signal_delivered()), as on Linux; without a handler it goes back on
 * the way to user mode. Otherwise it goes back at once.
 */
void restore_user_sigmask(bool interrupted)
{
	if (!interrupted)
		restore_saved_sigmask();
}

/* The user siginfo_t: Linux's x86-64 layout of the fields Tide fills. */
struct user_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int pad;
	union {
		struct {
			int pid;
			int uid;
			int status;
			int pad;
			long utime;
			long stime;
		} kill;
		unsigned long addr;
		char bytes[112];
	};
};

/**
 * copy_siginfo_to_user - write @info as user space's siginfo_t
 * @to: 128 bytes of user memory
 * @info: the kernel's record
 *
 * Return: 0, or -EFAULT.
 */
int copy_siginfo_to_user(void __user *to, const struct kernel_siginfo *info)
{
	struct user_siginfo u;

	_Static_assert(sizeof(u) == 128, "siginfo_t is 128 bytes");
	memset(&u, 0, sizeof(u));
	u.si_signo = info->signo;
	u.si_errno = info->errno_;
	u.si_code = info->code;
	switch (info->signo) {
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		if (info->code > 0 && info->code != SI_KERNEL) {
			u.addr = info->addr;
			break;
		}
		/* a kernel-made fault code: the kill layout */
		u.kill.pid = info->pid;
		break;
	default:
		u.kill.pid = info->pid;
		u.kill.uid = info->uid;
		if (info->signo == SIGCHLD)
			u.kill.status = info->status;
	}
	return copy_to_user(to, &u, sizeof(u)) ? -EFAULT : 0;
}

/* rt_sigaction(sig, act, oact, sigsetsize) */
static long sys_rt_sigaction(struct pt_regs *regs)
{
	int sig = (int)SC_ARG0(regs);
	const void __user *act = (const void __user *)SC_ARG1(regs);
	void __user *oact = (void __user *)SC_ARG2(regs);
	struct task_struct *p = current;
	struct k_sigaction new, old;
	unsigned long flags;

	if (SC_ARG3(regs) != sizeof(u64))
		return -EINVAL;
	if (!valid_signal(sig) || (act && (sigmask(sig) & SIG_UNBLOCKABLE)))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	sighand_lock_irqsave(p, flags);
	old = *sig_action(p, sig);
	if (act) {
		new.mask &= ~SIG_UNBLOCKABLE;
		*sig_action(p, sig) = new;
		if (sig_discarded(p, sig))
			flush_group_signals(p, sigmask(sig));
	}
	sighand_unlock_irqrestore(p, flags);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(rt_sigaction, sys_rt_sigaction);

/* rt_sigprocmask(how, set, oset, sigsetsize) */
static long sys_rt_sigprocmask(struct pt_regs *regs)
{
	int how = (int)SC_ARG0(regs);
	const u64 __user *set = (const u64 __user *)SC_ARG1(regs);
	u64 __user *oset = (u64 __user *)SC_ARG2(regs);
	u64 old = current->blocked, mask;

	if (SC_ARG3(regs) != sizeof(u64))
		return -EINVAL;
	if (set) {
		if (get_user(mask, set))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			mask |= old;
			break;
		case SIG_UNBLOCK:
			mask = old & ~mask;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(mask);
	}
	if (oset && put_user(old, oset))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(rt_sigprocmask, sys_rt_sigprocmask);

/* rt_sigpending(set, sigsetsize): pending and blocked. */
static long sys_rt_sigpending(struct pt_regs *regs)
{
	struct task_struct *p = current;
	unsigned long flags;
	u64 pend;

	if (SC_ARG1(regs) > sizeof(u64))
		return -EINVAL;
	sighand_lock_irqsave(p, flags);
	pend = (p->pending->signal | p->signal->shared_pending.signal) &
	       p->blocked;
	sighand_unlock_irqrestore(p, flags);
	return copy_to_user((void __user *)SC_ARG0(regs), &pend,
			    SC_ARG1(regs)) ? -EFAULT : 0;
}
SYSCALL_ENTRY(rt_sigpending, sys_rt_sigpending);

/* Sleep until a signal is pending. */
static void sleep_for_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* rt_sigsuspend(mask, sigsetsize) */
static long sys_rt_sigsuspend(struct pt_regs *regs)
{
	struct task_struct *p = current;
	u64 mask;

	if (SC_ARG1(regs) != sizeof(u64))
		return -EINVAL;
	if (get_user(mask, (const u64 __user *)SC_ARG0(regs)))
		return -EFAULT;
	p->saved_sigmask = p->blocked;
	p->restore_sigmask = true;
	set_current_blocked(mask);
	sleep_for_signal();
	return -ERESTARTNOHAND;
}
SYSCALL_ENTRY(rt_sigsuspend, sys_rt_sigsuspend);

static long sys_pause(struct pt_regs *regs)
{
	sleep_for_signal();
	return -ERESTARTNOHAND;
}
SYSCALL_ENTRY(pause, sys_pause);

/* rt_sigtimedwait(set, info, timeout, sigsetsize) */
static long sys_rt_sigtimedwait(struct pt_regs *regs)
{
	const struct timespec64 __user *uts = (void __user *)SC_ARG2(regs);
	struct task_struct *p = current;
	struct kernel_siginfo info;
	u64 set, old, timeout = U64_MAX;
	struct timespec64 ts;
	unsigned long flags;
	int sig;

	if (SC_ARG3(regs) != sizeof(u64))
		return -EINVAL;
	if (get_user(set, (const u64 __user *)SC_ARG0(regs)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		timeout = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	set &= ~SIG_UNBLOCKABLE;
	sighand_lock_irqsave(p, flags);
	sig = dequeue_signal(p, set, &info);
	if (!sig && timeout) {
		old = p->blocked;
		p->real_blocked = old;
		p->blocked &= ~set;
		recalc_sigpending_tsk(p);
		sighand_unlock_irqrestore(p, flags);
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(p))
			schedule_timeout_ns(timeout);
		__set_current_state(TASK_RUNNING);
		sighand_lock_irqsave(p, flags);
		p->blocked = old;
		p->real_blocked = 0;
		sig = dequeue_signal(p, set, &info);
	}
	recalc_sigpending_tsk(p);
	sighand_unlock_irqrestore(p, flags);
	if (!sig)
		return signal_pending(p) ? -EINTR : -EAGAIN;
	if (SC_ARG1(regs) &&
	    copy_siginfo_to_user((void __user *)SC_ARG1(regs), &info))
		return -EFAULT;
	return sig;
}
SYSCALL_ENTRY(rt_sigtimedwait, sys_rt_sigtimedwait);

/* Linux's stack_t on x86-64. */
struct user_stack_t {
	unsigned long ss_sp;
	int ss_flags;
	int pad;
	size_t ss_size;
};

bool on_sig_stack(unsigned long sp)
{
	struct task_struct *p = current;

	return p->sas_ss_size && sp > p->sas_ss_sp &&
	       sp - p->sas_ss_sp <= p->sas_ss_size;
}

/* sigaltstack(ss, old_ss) */
static long sys_sigaltstack(struct pt_regs *regs)
{
	const void __user *uss = (const void __user *)SC_ARG0(regs);
	void __user *uoss = (void __user *)SC_ARG1(regs);
	struct task_struct *p = current;
	bool on = on_sig_stack(task_pt_regs(p)->rsp);
	struct user_stack_t ss, old = {
		.ss_sp = p->sas_ss_sp,
		.ss_size = p->sas_ss_size,
		.ss_flags = !p->sas_ss_size ? SS_DISABLE :
			    on ? SS_ONSTACK : 0,
	};

	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on)
			return -EPERM;
		if (ss.ss_flags & ~(SS_DISABLE | SS_ONSTACK | (1U << 31)))
			return -EINVAL;
		if (ss.ss_flags & SS_DISABLE) {
			p->sas_ss_sp = 0;
			p->sas_ss_size = 0;
		} else {
			if (ss.ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			p->sas_ss_sp = ss.ss_sp;
			p->sas_ss_size = ss.ss_size;
		}
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(sigaltstack, sys_sigaltstack);

/**
 * exec_signal_reset - what execve() does to signal state
 *
 * Handled signals go back to their default action (the handlers are
 * gone with the old program); ignored ones stay ignored; the blocked
 * mask and pending signals stay. The alternate signal stack is
 * forgotten. Called once the new program is committed.
 */
void exec_signal_reset(void)
{
	struct task_struct *p = current;
	unsigned long flags;
	int i;

	if (!task_is_user(p))
		return;
	sighand_lock_irqsave(p, flags);
	for (i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &p->sighand->action[i];

		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = NULL;
		ka->mask = 0;
	}
	sighand_unlock_irqrestore(p, flags);
	p->sas_ss_sp = 0;
	p->sas_ss_size = 0;
}
