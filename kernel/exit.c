// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: process exit and wait
 *
 * do_exit() ends the calling user task: it gives up its address space
 * (first clearing and futex-waking the word CLONE_CHILD_CLEARTID
 * named, and letting a vfork parent go on), its descriptors and fs
 * state, then under tasklist_lock leaves its thread group. The last
 * thread of a process hands the process's children to init (pid 1) and
 * the process becomes a zombie for its parent's wait4(), which gets
 * SIGCHLD (or the exit signal clone() named); a thread that is not the
 * leader is released at once. A leader that exits before its threads
 * stays a zombie that wait4() does not report until the last thread is
 * gone. A process whose parent ignores SIGCHLD (or set SA_NOCLDWAIT),
 * or that has no parent, is released without waiting. When the last
 * thread of a session leader exits, its controlling terminal leaves the
 * session and the terminal's foreground group gets SIGHUP and SIGCONT
 * (disassociate_ctty()).
 *
 * Wait statuses are Linux's: exit(n) gives (n & 0xff) << 8, death by
 * signal s gives s, a stop by signal s gives (s << 8) | 0x7f, a
 * continue 0xffff.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mempolicy.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/sched/cpu_time.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <asm/irqflags.h>

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

#define P_ALL		0
#define P_PID		1
#define P_PGID		2


/**
 * user_task_free - drop what a user task still holds when it is freed
 * @p: a task being freed by put_task_struct()
 *
 * The signal_struct and sighand_struct references outlive the exit, so
 * that a zombie's status and a dying thread's last steps can use them.
 */
void user_task_free(struct task_struct *p)
{
	put_sighand(p->sighand);
	put_signal_struct(p->signal);
	p->sighand = NULL;
	p->signal = NULL;
}

/* Give up the address space: CLONE_CHILD_CLEARTID, vfork, the mm. */
static void exit_mm(struct task_struct *p)
{
	struct mm_struct *mm = p->mm;
	int __user *tidp = p->clear_child_tid;

	if (tidp && mm) {
		p->clear_child_tid = NULL;
		if (!put_user(0, tidp))
			futex_wake((u32 __user *)tidp, false, 1, ~0U);
	}
	mm_release_vfork(p);
	if (!mm)
		return;
	task_lock(p);
	local_irq_disable();
	p->mm = NULL;
	switch_mm(NULL);
	local_irq_enable();
	task_unlock(p);
	mmput(mm);
}

/* Give up the descriptor table and fs state (task_lock: procfs reads). */
static void exit_files_fs(struct task_struct *p)
{
	struct files_struct *fdt;
	struct fs_struct *fs;

	task_lock(p);
	fdt = p->files;
	fs = p->fs;
	p->files = NULL;
	p->fs = NULL;
	task_unlock(p);
	if (fdt)
		put_files_struct(fdt);
	if (fs)
		put_fs_struct(fs);
}

/*
 * Take @p off the tables: no more wait4() reports it. Caller holds
 * tasklist_lock; drops the table's reference (which may free @p).
 */
static void release_task(struct task_struct *p)
{
	p->exit_state = EXIT_DEAD;
	detach_pid(p);
	list_del_init(&p->sibling);
	put_task_struct(p);
}

/* Whether the parent of @p wants no zombie (SIG_IGN, SA_NOCLDWAIT). */
static bool parent_ignores_exit(struct task_struct *parent)
{
	struct k_sigaction *ka = &parent->sighand->action[SIGCHLD - 1];

	return ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT);
}

/*
 * The process of leader @p is gone: tell its parent, and become a zombie
 * for it or be released. Caller holds tasklist_lock.
 */
static void notify_parent_exit(struct task_struct *p)
{
	struct task_struct *parent = p->real_parent;
	struct kernel_siginfo info = { 0 };
	int status = p->exit_code;

	if (!parent || parent->exit_state || parent_ignores_exit(parent)) {
		release_task(p);
		return;
	}
	p->exit_state = EXIT_ZOMBIE;
	if (p->exit_signal > 0) {
		info.signo = p->exit_signal;
		info.pid = p->pid;
		if (status & 0x7f) {
			info.code = CLD_KILLED;
			info.status = status & 0x7f;
		} else {
			info.code = CLD_EXITED;
			info.status = (status >> 8) & 0xff;
		}
		__send_signal_locked(p->exit_signal, &info, parent, true);
	}
	wake_up_all(&parent->signal->child_exit_wq);
}

/* The process that adopts orphans: init, if it is alive and not @sig's. */
static struct task_struct *find_reaper(struct signal_struct *sig)
{
	struct task_struct *init = find_task_by_pid(1);

	if (!init || init->signal == sig || init->exit_state ||
	    (init->signal->flags & SIGNAL_GROUP_EXIT))
		return NULL;
	return init;
}

/*
 * Hand the children of the dying process @sig to init; a child's group
 * that the exit orphans gets SIGHUP and SIGCONT if it has stopped jobs.
 * tasklist_lock.
 */
static void reparent_children(struct signal_struct *sig)
{
	struct task_struct *child, *n;
	struct task_struct *reaper = find_reaper(sig);

	list_for_each_entry(child, &sig->children, sibling)
		if (!child->exit_state && child->signal->pgrp != sig->pgrp &&
		    child->signal->session == sig->session)
			orphan_check_pgrp(child->signal->pgrp, sig->leader);
	list_for_each_entry_safe(child, n, &sig->children, sibling) {
		list_del_init(&child->sibling);
		child->real_parent = reaper;
		if (reaper)
			list_add_tail(&child->sibling, &reaper->signal->children);
		if (child->exit_state == EXIT_ZOMBIE &&
		    !child->signal->nr_threads) {
			child->exit_state = 0;
			notify_parent_exit(child);
		}
	}
}

/* Leave the thread group and the process tree. */
static void exit_notify(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *leader = p->group_leader;
	unsigned long flags;
	bool group_dead;

	spin_lock_irqsave(&tasklist_lock, flags);
	sighand_lock(p);
	list_del_init(&p->thread_node);
	cputime_thread_gone(p);
	group_dead = --sig->nr_threads == 0;
	sighand_unlock(p);
	if (group_dead) {
		reparent_children(sig);
		/* Its own group, if the exit leaves it orphaned. */
		if (p->group_leader->real_parent)
			orphan_check_pgrp(sig->pgrp, p->group_leader);
	}
	if (p == leader) {
		if (group_dead)
			notify_parent_exit(p);
		else
			p->exit_state = EXIT_ZOMBIE;	/* reported later */
	} else {
		release_task(p);
		if (group_dead && leader->exit_state == EXIT_ZOMBIE) {
			leader->exit_state = 0;
			notify_parent_exit(leader);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * do_exit - end the current task with wait status @code
 * @code: a wait status ((n & 0xff) << 8 for exit(n), or a signal number)
 *
 * A kernel thread just ends (do_task_exit()). Never returns.
 */
void __noreturn do_exit(int code)
{
	struct task_struct *p = current;
	struct completion *done = p->exit_done;
	bool group_dead;

	if (!task_is_user(p))
		do_task_exit();
	if (p->pid == 1 && p->tgid == 1)
		pr_emerg("init exited with status %#x\n", code);
	p->exit_code = code;
	group_dead = atomic_dec_and_test(&p->signal->live);
	exit_mm(p);
	exit_files_fs(p);
	mpol_exit(p);
	/* The session's end hangs up its terminal (SIGHUP, SIGCONT). */
	if (group_dead && p->signal->session == p->tgid)
		disassociate_ctty(true);
	exit_notify(p);
	if (done) {
		/* user_task_run(): it has no parent and is released now. */
		p->exit_done = NULL;
		complete(done);
	}
	do_task_exit();
}

/**
 * do_group_exit - end every thread of the current process
 * @code: the wait status the process ends with
 *
 * The first caller's @code wins; the other threads get SIGKILL and exit
 * with it on their way back to user mode. Never returns.
 */
void __noreturn do_group_exit(int code)
{
	struct task_struct *p = current, *t;
	struct signal_struct *sig = p->signal;
	unsigned long flags;

	sighand_lock_irqsave(p, flags);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		code = sig->group_exit_code;
	} else {
		sig->flags |= SIGNAL_GROUP_EXIT;
		sig->group_exit_code = code;
		list_for_each_entry(t, &sig->threads, thread_node) {
			if (t == p)
				continue;
			t->pending->signal |= sigmask(SIGKILL);
			WRITE_ONCE(t->sigpending, true);
			wake_up_state(t, TASK_NORMAL | TASK_STOPPED);
		}
	}
	sighand_unlock_irqrestore(p, flags);
	do_exit(code);
}

static long sys_exit(struct pt_regs *regs)
{
	current->exit_arg = (long)SC_ARG0(regs);
	do_exit(((int)SC_ARG0(regs) & 0xff) << 8);
}
SYSCALL_ENTRY(exit, sys_exit);

static long sys_exit_group(struct pt_regs *regs)
{
	current->exit_arg = (long)SC_ARG0(regs);
	do_group_exit(((int)SC_ARG0(regs) & 0xff) << 8);
}
SYSCALL_ENTRY(exit_group, sys_exit_group);

/* What one wait4()/waitid() call looks for and what it found. */
struct wait_request {
	int type;		/* P_ALL, P_PID, P_PGID */
	int id;
	int options;
	int pid;		/* found: the child */
	int status;		/* found: wait status */
	int code;		/* found: CLD_* for waitid */
	struct cputime times;	/* found and reaped: its CPU time */
};

static bool wait_match(struct wait_request *req, struct task_struct *child)
{
	switch (req->type) {
	case P_PID:
		return child->pid == req->id;
	case P_PGID:
		return child->signal->pgrp == req->id;
	}
	return true;
}

/*
 * Look at @child once: 1 and @req filled if it has something to report,
 * 0 if not. Caller holds tasklist_lock.
 */
static int wait_consider(struct wait_request *req, struct task_struct *child)
{
	struct signal_struct *sig = child->signal;
	bool keep = req->options & WNOWAIT;
	int ret = 0;

	if (child->exit_state == EXIT_ZOMBIE && !sig->nr_threads) {
		if (!(req->options & WEXITED))
			return 0;
		req->pid = child->pid;
		req->status = child->exit_code;
		req->code = (req->status & 0x7f) ? CLD_KILLED : CLD_EXITED;
		if (!keep) {
			cputime_reaped(current->signal, sig, &req->times);
			release_task(child);
		}
		return 1;
	}
	if (child->exit_state)
		return 0;
	sighand_lock(child);
	if ((req->options & WUNTRACED) && (sig->flags & SIGNAL_STOP_REPORT)) {
		req->status = (sig->stop_signal << 8) | 0x7f;
		req->code = CLD_STOPPED;
		if (!keep)
			sig->flags &= ~SIGNAL_STOP_REPORT;
		ret = 1;
	} else if ((req->options & WCONTINUED) &&
		   (sig->flags & SIGNAL_CONT_REPORT)) {
		req->status = 0xffff;
		req->code = CLD_CONTINUED;
		if (!keep)
			sig->flags &= ~SIGNAL_CONT_REPORT;
		ret = 1;
	}
	sighand_unlock(child);
	if (ret)
		req->pid = child->pid;
	return ret;
}

/*
 * The wait loop: the id of the child reported, 0 with WNOHANG and
 * nothing to report, -ECHILD with no child to wait for, -ERESTARTSYS
 * when a signal came first.
 */
static long do_wait(struct wait_request *req)
{
	struct signal_struct *sig = current->signal;
	struct wait_queue_entry waiter;
	struct task_struct *child;
	unsigned long flags;
	long ret;

	init_wait_entry(&waiter, 0);
	for (;;) {
		bool found = false;

		prepare_to_wait(&sig->child_exit_wq, &waiter,
				TASK_INTERRUPTIBLE);
		ret = 0;
		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry(child, &sig->children, sibling) {
			if (!wait_match(req, child))
				continue;
			found = true;
			if (wait_consider(req, child)) {
				ret = req->pid;
				break;
			}
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (ret)
			break;
		if (!found) {
			ret = -ECHILD;
			break;
		}
		if (req->options & WNOHANG)
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&sig->child_exit_wq, &waiter);
	return ret;
}

/* wait4(pid, status, options, rusage) */
static long sys_wait4(struct pt_regs *regs)
{
	int pid = (int)SC_ARG0(regs);
	int __user *statusp = (int __user *)SC_ARG1(regs);
	int options = (int)SC_ARG2(regs);
	void __user *ru = (void __user *)SC_ARG3(regs);
	struct wait_request req = { .options = options | WEXITED };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WALL | __WCLONE))
		return -EINVAL;
	if (pid == -1) {
		req.type = P_ALL;
	} else if (pid < -1) {
		req.type = P_PGID;
		req.id = -pid;
	} else if (pid == 0) {
		req.type = P_PGID;
		req.id = current->signal->pgrp;
	} else {
		req.type = P_PID;
		req.id = pid;
	}
	ret = do_wait(&req);
	if (ret > 0 && statusp && put_user(req.status, statusp))
		return -EFAULT;
	/* A child that exited: its CPU time; stopped or continued: zeros. */
	if (ret > 0 && ru &&
	    put_rusage(req.code == CLD_EXITED || req.code == CLD_KILLED ?
		       &req.times : NULL, ru))
		return -EFAULT;
	return ret;
}
SYSCALL_ENTRY(wait4, sys_wait4);

/* The first 32 bytes of a siginfo_t for a child's state (waitid). */
struct waitid_info {
	int signo, errno_, code, pad;
	int pid, uid, status, pad2;
};

/* waitid(idtype, id, infop, options, rusage) */
static long sys_waitid(struct pt_regs *regs)
{
	int type = (int)SC_ARG0(regs);
	void __user *infop = (void __user *)SC_ARG2(regs);
	struct wait_request req = {
		.type = type,
		.id = (int)SC_ARG1(regs),
		.options = (int)SC_ARG3(regs),
	};
	struct waitid_info wi = { 0 };
	long ret;

	if (type < P_ALL || type > P_PGID)
		return -EINVAL;
	if (!(req.options & (WEXITED | WUNTRACED | WCONTINUED)))
		return -EINVAL;
	if (type == P_PGID && !req.id)
		req.id = current->signal->pgrp;
	ret = do_wait(&req);
	if (ret < 0)
		return ret;
	if (ret > 0) {
		wi.signo = SIGCHLD;
		wi.code = req.code;
		wi.pid = req.pid;
		wi.status = req.code == CLD_EXITED ? (req.status >> 8) & 0xff :
			    req.code == CLD_STOPPED ? (req.status >> 8) & 0xff :
			    req.code == CLD_CONTINUED ? SIGCONT :
			    req.status & 0x7f;
	}
	if (infop && (clear_user(infop, 128) ||
		      copy_to_user(infop, &wi, sizeof(wi))))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(waitid, sys_waitid);
