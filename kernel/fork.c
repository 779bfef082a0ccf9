// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: making user processes and threads
 *
 * A user task is a scheduler task (sched_task_alloc()) with a user
 * register frame at the top of its stack (task_pt_regs()), an FXSAVE
 * area, a pending-signal set, a signal_struct shared by its thread group
 * and a sighand_struct with the signal actions. kernel_clone() makes one
 * from the calling task as clone(2) asks: the address space is shared
 * (CLONE_VM) or copied copy-on-write (dup_mm()), and likewise the
 * descriptor table (CLONE_FILES), root and cwd (CLONE_FS), signal
 * actions (CLONE_SIGHAND) and thread group (CLONE_THREAD). The child
 * starts in ret_to_user_mode with a copy of the parent's frame and rax 0.
 * user_process_spawn() makes a process from nothing, for init;
 * user_task_run() runs a piece of code as a user task and waits for it,
 * for tests (user_mode_run()).
 *
 * Parent links: a process's real_parent is the leader of the process
 * that forked it (threads share the leader's parent), and it is on that
 * process's signal->children; both change only under tasklist_lock.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mempolicy.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/syscall.h>

/* A new thread group's shared state: no children, Linux's limits. */
static struct signal_struct *signal_alloc(struct task_struct *leader)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);
	int i;

	if (!sig)
		return NULL;
	atomic_set(&sig->count, 1);
	sig->leader = leader;
	INIT_LIST_HEAD(&sig->threads);
	INIT_LIST_HEAD(&sig->children);
	INIT_LIST_HEAD(&sig->itimer_node);
	init_waitqueue_head(&sig->child_exit_wq);
	for (i = 0; i < RLIM_NLIMITS; i++) {
		sig->rlim[i].rlim_cur = RLIM_INFINITY;
		sig->rlim[i].rlim_max = RLIM_INFINITY;
	}
	sig->rlim[RLIMIT_STACK].rlim_cur = 8UL << 20;
	sig->rlim[RLIMIT_NOFILE].rlim_cur = 1024;
	sig->rlim[RLIMIT_NOFILE].rlim_max = 4096;
	return sig;
}

/**
 * put_signal_struct - drop a task's reference to its signal_struct
 * @sig: the shared state; freed with the last reference
 */
void put_signal_struct(struct signal_struct *sig)
{
	if (sig && atomic_dec_and_test(&sig->count)) {
		itimer_forget(sig);
		kfree(sig);
	}
}

static struct sighand_struct *sighand_alloc(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh), GFP_KERNEL);

	if (!sh)
		return NULL;
	atomic_set(&sh->count, 1);
	spin_lock_init(&sh->siglock);
	return sh;
}

/**
 * put_sighand - drop a reference to signal actions
 * @sh: the actions; freed with the last reference
 */
void put_sighand(struct sighand_struct *sh)
{
	if (sh && atomic_dec_and_test(&sh->count))
		kfree(sh);
}

/* The fields every user task needs, whatever made it. */
static int user_task_init(struct task_struct *p)
{
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->thread_node);
	INIT_LIST_HEAD(&p->pid_node);
	p->pending = kzalloc(sizeof(*p->pending), GFP_KERNEL);
	p->thread.fpu = fpu_alloc();
	if (!p->pending || !p->thread.fpu)
		return -ENOMEM;
	return 0;
}

/*
 * Undo what made a task that never ran: its references and memory. The
 * task_struct goes with its two references (its own and the maker's).
 */
static void free_unborn_task(struct task_struct *p)
{
	struct mm_struct *mm;
	struct files_struct *fdt;
	struct fs_struct *fs;

	/* Listed already: procfs may look, so clear under task_lock(). */
	task_lock(p);
	mm = p->mm;
	fdt = p->files;
	fs = p->fs;
	p->mm = NULL;
	p->files = NULL;
	p->fs = NULL;
	task_unlock(p);
	mpol_exit(p);
	if (mm)
		mmput(mm);
	if (fdt)
		put_files_struct(fdt);
	if (fs)
		put_fs_struct(fs);
	put_sighand(p->sighand);
	put_signal_struct(p->signal);
	put_task_struct(p);
	put_task_struct(p);
}

/* Link a new process or thread @p of @parent into the tables and lists. */
static void link_new_task(struct task_struct *p, struct task_struct *parent,
			  bool thread)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (thread) {
		p->real_parent = parent->real_parent;
		p->group_leader = parent->group_leader;
	} else {
		p->real_parent = parent ? parent->group_leader : NULL;
		p->group_leader = p;
		if (p->real_parent)
			list_add_tail(&p->sibling,
				      &p->real_parent->signal->children);
	}
	sighand_lock(p);
	list_add_tail(&p->thread_node, &p->signal->threads);
	p->signal->nr_threads++;
	atomic_inc(&p->signal->live);
	sighand_unlock(p);
	attach_pid(p);
	get_task_struct(p);	/* the table's, dropped by release_task() */
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* The address space, files, fs and signal state @args asks for. */
static int copy_resources(struct task_struct *p, u64 flags)
{
	struct task_struct *cur = current;
	int err = 0;

	if (cur->mm) {
		if (flags & CLONE_VM) {
			mmget(cur->mm);
			p->mm = cur->mm;
		} else {
			p->mm = dup_mm(cur->mm);
			if (!p->mm)
				return -ENOMEM;
		}
	}
	if (cur->files) {
		if (flags & CLONE_FILES) {
			get_files_struct(cur->files);
			p->files = cur->files;
		} else {
			p->files = dup_fd(cur->files, &err);
			if (err)
				return err;
		}
	}
	if (cur->fs) {
		if (flags & CLONE_FS) {
			get_fs_struct(cur->fs);
			p->fs = cur->fs;
		} else {
			p->fs = copy_fs_struct(cur->fs);
			if (!p->fs)
				return -ENOMEM;
		}
	}
	if (flags & CLONE_SIGHAND) {
		atomic_inc(&cur->sighand->count);
		p->sighand = cur->sighand;
	} else {
		unsigned long irqf;

		p->sighand = sighand_alloc();
		if (!p->sighand)
			return -ENOMEM;
		sighand_lock_irqsave(cur, irqf);
		memcpy(p->sighand->action, cur->sighand->action,
		       sizeof(p->sighand->action));
		sighand_unlock_irqrestore(cur, irqf);
	}
	if (flags & CLONE_THREAD) {
		atomic_inc(&cur->signal->count);
		p->signal = cur->signal;
	} else {
		p->signal = signal_alloc(p);
		if (!p->signal)
			return -ENOMEM;
		p->signal->pgrp = cur->signal->pgrp;
		p->signal->session = cur->signal->session;
		p->signal->tty = cur->signal->tty;
		memcpy(p->signal->rlim, cur->signal->rlim,
		       sizeof(p->signal->rlim));
	}
	return 0;
}

/* The combinations Linux refuses, and what Tide does not do. */
static int clone_flags_check(struct kernel_clone_args *args)
{
	u64 f = args->flags;

	if ((f & CLONE_THREAD) && !(f & CLONE_SIGHAND))
		return -EINVAL;
	if ((f & CLONE_SIGHAND) && !(f & CLONE_VM))
		return -EINVAL;
	if ((f & CLONE_FS) && (f & CLONE_NEWNS))
		return -EINVAL;
	if (f & (CLONE_NEWNS | CLONE_PIDFD | 0xfe000000ULL))
		return -EINVAL;
	if (args->exit_signal < 0 || args->exit_signal >= _NSIG)
		return -EINVAL;
	if (!task_is_user(current) || !current->mm)
		return -EINVAL;
	return 0;
}

/**
 * kernel_clone - clone(2), fork(2) and vfork(2)
 * @args: the flags and addresses clone(2) was given
 *
 * Called from a system call of a user task (current's frame is
 * task_pt_regs(current)). The child gets a copy of that frame with rax
 * 0, the stack @args->stack if not 0, the FS base @args->tls with
 * CLONE_SETTLS. With CLONE_VFORK the caller sleeps until the child
 * execs or exits.
 *
 * Return: the child's id (its tid for a thread), or -EINVAL for flags
 * Linux refuses or Tide lacks (namespaces, pidfd), -ENOMEM, -EAGAIN.
 */
long kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *cur = current, *p;
	struct completion vfork;
	u64 flags = args->flags;
	struct pt_regs *regs;
	int pid, err;

	err = clone_flags_check(args);
	if (err)
		return err;
	p = sched_task_alloc(cur->comm);
	if (!p)
		return -ENOMEM;
	pid = p->pid;
	err = user_task_init(p);
	if (!err)
		err = copy_resources(p, flags);
	if (err) {
		free_unborn_task(p);
		return err;
	}
	mpol_fork(p, cur);
	sched_fork_affinity(p, cur);
	fpu_copy_current(p->thread.fpu);
	p->thread.fsbase = flags & CLONE_SETTLS ? args->tls :
			   cur->thread.fsbase;
	p->thread.gsbase = cur->thread.gsbase;
	p->blocked = cur->blocked;
	p->sas_ss_sp = flags & CLONE_VM && !(flags & CLONE_VFORK) ?
		       0 : cur->sas_ss_sp;
	p->sas_ss_size = p->sas_ss_sp ? cur->sas_ss_size : 0;
	p->pid = pid;
	p->tgid = flags & CLONE_THREAD ? cur->tgid : pid;
	p->exit_signal = flags & CLONE_THREAD ? -1 : args->exit_signal;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;

	regs = task_pt_regs(p);
	*regs = *task_pt_regs(cur);
	regs->rax = 0;
	regs->vector = USER_FRAME_VECTOR;
	if (args->stack)
		regs->rsp = args->stack;
	arch_thread_setup(p, NULL);

	if (flags & CLONE_PARENT_SETTID)
		put_user(pid, args->parent_tid);
	if (flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
		get_task_struct(p);
	}
	link_new_task(p, cur, flags & CLONE_THREAD);
	wake_up_process(p);
	put_task_struct(p);	/* the maker's reference */
	if (flags & CLONE_VFORK) {
		wait_for_completion(&vfork);
		put_task_struct(p);
	}
	return pid;
}

/* clone(flags, stack, parent_tid, child_tid, tls): x86-64's order. */
static long sys_clone(struct pt_regs *regs)
{
	struct kernel_clone_args args = {
		.flags = SC_ARG0(regs) & ~(u64)CSIGNAL,
		.exit_signal = SC_ARG0(regs) & CSIGNAL,
		.stack = SC_ARG1(regs),
		.parent_tid = (int __user *)SC_ARG2(regs),
		.child_tid = (int __user *)SC_ARG3(regs),
		.tls = SC_ARG4(regs),
	};

	return kernel_clone(&args);
}
SYSCALL_ENTRY(clone, sys_clone);

static long sys_fork(struct pt_regs *regs)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}
SYSCALL_ENTRY(fork, sys_fork);

static long sys_vfork(struct pt_regs *regs)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VM | CLONE_VFORK,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}
SYSCALL_ENTRY(vfork, sys_vfork);

/**
 * mm_release_vfork - let a vfork parent go on
 * @p: the current task, which execs or exits
 *
 * Called by execve() once the new program is loaded, and at exit.
 */
void mm_release_vfork(struct task_struct *p)
{
	struct completion *done = p->vfork_done;

	if (done) {
		p->vfork_done = NULL;
		complete(done);
	}
}

/* A process made from nothing: its own group, session, files and fs. */
static struct task_struct *user_task_create(const char *name, int pid,
					    void (*entry)(void))
{
	struct task_struct *p = sched_task_alloc(name);

	if (!p)
		return NULL;
	if (user_task_init(p))
		goto fail;
	p->signal = signal_alloc(p);
	p->sighand = sighand_alloc();
	if (!p->signal || !p->sighand)
		goto fail;
	p->pid = pid;
	p->tgid = pid;
	p->exit_signal = SIGCHLD;
	p->signal->pgrp = pid;
	p->signal->session = pid;
	arch_thread_setup(p, entry);
	return p;
fail:
	free_unborn_task(p);
	return NULL;
}

/* First code of a spawned process: its function, then user mode. */
static void user_spawn_entry(void)
{
	struct task_struct *p = current;
	int ret = p->spawn_fn(p->spawn_arg);

	if (ret || task_pt_regs(p)->cs != USER_CS)
		do_exit((ret ? ret : 1) << 8);
	/* ret_from_kernel_thread goes on to ret_to_user_mode. */
}

int user_process_spawn(int (*fn)(void *arg), void *arg, const char *name)
{
	struct task_struct *p;
	int pid = alloc_init_pid();

	if (pid < 0)
		return -ENOMEM;
	p = user_task_create(name, pid, user_spawn_entry);
	if (!p)
		return -ENOMEM;
	p->files = files_alloc();
	p->fs = fs_alloc_root();
	p->spawn_fn = fn;
	p->spawn_arg = arg;
	link_new_task(p, NULL, false);
	wake_up_process(p);
	put_task_struct(p);
	return pid;
}

/*
 * user_task_run()'s task opens files and resolves paths as its caller
 * would: it shares the caller's descriptors and root/cwd, or gets its
 * own (empty table, the root) if the caller has none.
 */
static void user_task_share_fs(struct task_struct *p)
{
	struct task_struct *cur = current;

	if (cur->files) {
		get_files_struct(cur->files);
		p->files = cur->files;
	} else {
		p->files = files_alloc();
	}
	if (cur->fs) {
		get_fs_struct(cur->fs);
		p->fs = cur->fs;
	} else {
		p->fs = fs_alloc_root();
	}
}

/**
 * user_task_run - run user code as a task of its own and wait for it
 * @mm: the address space to run in (a reference is taken), or NULL for
 *	kernel_pml4's user half (user_map_page())
 * @rip: where to start in ring 3
 * @rsp: the initial user stack pointer
 *
 * The task is not a child of anyone; its id is the caller's (a kernel
 * thread's number, on the pid table while it runs, so that kill() and
 * getpid() work in it) and it runs on the CPU the caller is bound to,
 * if any, with the caller's descriptors and root/cwd (or fresh ones if
 * the caller has none). The caller sleeps until it ends.
 *
 * Return: what it passed to exit(2)/exit_group(2), the whole register;
 * -EFAULT if a signal killed it; -ENOMEM if it could not be made.
 */
long user_task_run(struct mm_struct *mm, unsigned long rip, unsigned long rsp)
{
	struct completion done;
	struct task_struct *p;
	long ret;

	p = user_task_create("user_mode_run", 0, NULL);
	if (!p)
		return -ENOMEM;
	p->pid = current->pid;
	p->tgid = current->tgid ? current->tgid : current->pid;
	p->signal->pgrp = p->tgid;
	p->signal->session = p->tgid;
	p->exit_signal = -1;
	p->bound_cpu = current->bound_cpu;
	link_new_task(p, NULL, false);
	if (mm) {
		mmget(mm);
		p->mm = mm;
	}
	user_task_share_fs(p);
	memset(task_pt_regs(p), 0, sizeof(struct pt_regs));
	task_pt_regs(p)->rip = rip;
	task_pt_regs(p)->rsp = rsp;
	task_pt_regs(p)->cs = USER_CS;
	task_pt_regs(p)->ss = USER_DS;
	task_pt_regs(p)->rflags = X86_EFLAGS_FIXED | X86_EFLAGS_IF;
	task_pt_regs(p)->vector = USER_FRAME_VECTOR;
	init_completion(&done);
	p->exit_done = &done;
	get_task_struct(p);
	wake_up_process(p);
	put_task_struct(p);
	wait_for_completion(&done);
	ret = (p->exit_code & 0x7f) ? -EFAULT : p->exit_arg;
	put_task_struct(p);
	return ret;
}
