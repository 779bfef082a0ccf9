// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: system calls on x86-64
 *
 * SYSCALL enters the kernel at entry_SYSCALL_64 (entry_64.S), which
 * builds a struct pt_regs at the top of the calling task's own kernel
 * stack and calls do_syscall_64() with interrupts on: the number is in
 * rax, the arguments in rdi, rsi, rdx, r10, r8 and r9, the result goes
 * back in rax. Numbers are Linux's. A call may sleep and be preempted.
 * On every way back to ring 3 exit_to_user_mode() reschedules if asked
 * and delivers pending signals.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/mm_struct.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/completion.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/traps.h>
#include <asm/unistd.h>
#include <linux/uaccess.h>

/* Scratch for the user's rsp while the entry switches stacks. */
DEFINE_PER_CPU(unsigned long, syscall_user_sp);
/*
 * The stack SYSCALL switches to: the top of the running user task's
 * stack, set by arch_switch_to() at every switch to a user task.
 */
DEFINE_PER_CPU(unsigned long, syscall_entry_sp);

/* RFLAGS bits SYSCALL clears: no interrupts, trap flag, DF or SMAP window. */
#define SYSCALL_RFLAGS_MASK \
	(X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_AC | \
	 X86_EFLAGS_NT)

/* Built once by syscall_table_init() from every SYSCALL_ENTRY. */
static const struct syscall_entry *sys_call_table[NR_syscalls];

/**
 * syscall_table_init - index the registered system calls by number
 *
 * Called once on the boot CPU before any user code runs. A number out of
 * range or registered twice is a build mistake: it is reported and the
 * first registration kept.
 *
 * Return: 0, or -EINVAL if some entry was refused.
 */
int syscall_table_init(void)
{
	const struct syscall_entry *e;
	int ret = 0;

	for (e = __syscall_entries_start; e < __syscall_entries_end; e++) {
		if (e->nr >= NR_syscalls || sys_call_table[e->nr]) {
			pr_err("syscall: %s (%lu) refused: %s\n", e->name, e->nr,
			       e->nr >= NR_syscalls ? "out of range" :
			       "number taken");
			ret = -EINVAL;
			continue;
		}
		sys_call_table[e->nr] = e;
	}
	return ret;
}

/* The name of system call @nr, or NULL if Tide has none. */
const char *syscall_name(unsigned long nr)
{
	return nr < NR_syscalls && sys_call_table[nr] ?
	       sys_call_table[nr]->name : NULL;
}

/* Numbers already reported as missing; numbers past the table share a bit. */
static unsigned long reported[NR_syscalls / BITS_PER_LONG + 1];

static void report_missing(unsigned long nr)
{
	unsigned long bit = nr < NR_syscalls ? nr : NR_syscalls;

	if (test_and_set_bit(bit, reported))
		return;
	pr_info("syscall: %lu not implemented (-ENOSYS)\n", nr);
}

/*
 * May the entry return with SYSRET? Only if it would restore exactly the
 * frame: rcx and r11 must still be rip and rflags (SYSRET loads those
 * from them), the selectors the user ones STAR gives, and rip a user
 * address (SYSRET with a non-canonical rip faults in ring 0 on some
 * CPUs). RF and TF must be clear, as SYSRET does not restore them the
 * way IRET does.
 */
static bool sysret_ok(const struct pt_regs *regs)
{
	return regs->rcx == regs->rip && regs->r11 == regs->rflags &&
	       regs->cs == USER_CS && regs->ss == USER_DS &&
	       regs->rip < TASK_SIZE_MAX &&
	       !(regs->rflags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

/**
 * exit_to_user_mode - the work due before any return to ring 3
 * @regs: the user frame at the top of the current task's stack
 *
 * Called with interrupts off by every path back to user mode; returns
 * with them off. Until nothing is left: switches away if a reschedule is
 * due, and delivers pending signals (which may change @regs to run a
 * handler, or end the task).
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	struct task_struct *p = current;

	for (;;) {
		bool resched = need_resched();
		bool sig = task_is_user(p) && READ_ONCE(p->sigpending);

		if (!resched && !sig)
			return;
		local_irq_enable();
		if (resched)
			schedule();
		if (sig)
			arch_deliver_signals(regs);
		local_irq_disable();
	}
}

/**
 * exit_to_user_mode_prepare - exit_to_user_mode() on the current frame
 *
 * For ret_to_user_mode (a new task's first way to ring 3): also stores
 * the thread id clone(CLONE_CHILD_SETTID) asked for, in the child's own
 * memory. Interrupts off on entry and return.
 *
 * Return: task_pt_regs(current), for the IRET.
 */
struct pt_regs *exit_to_user_mode_prepare(void)
{
	struct task_struct *p = current;
	struct pt_regs *regs = task_pt_regs(p);
	int __user *tidp = p->set_child_tid;

	if (tidp) {
		p->set_child_tid = NULL;
		local_irq_enable();
		if (put_user(p->pid, tidp))
			pr_debug("clone: cannot store the child's tid\n");
		local_irq_disable();
	}
	exit_to_user_mode(regs);
	return regs;
}

/* Run the handler of the call @regs asks for; the result into regs->rax. */
static void syscall_dispatch(struct pt_regs *regs)
{
	unsigned long nr = regs->error_code;
	const struct syscall_entry *e = nr < NR_syscalls ?
					sys_call_table[nr] : NULL;

	if (e) {
		regs->rax = e->fn(regs);
	} else {
		report_missing(nr);
		regs->rax = -ENOSYS;
	}
}

/**
 * do_syscall_64 - run the system call user mode asked for
 * @regs: the frame entry_SYSCALL_64 built; regs->rax gets the result
 *
 * Called with interrupts on; the call may sleep. An unknown number gives
 * -ENOSYS and is named on the console the first time. Returns with
 * interrupts off, after exit_to_user_mode().
 *
 * Return: true if the entry may return with SYSRET, false for IRET.
 */
bool do_syscall_64(struct pt_regs *regs)
{
	syscall_dispatch(regs);
	local_irq_disable();
	exit_to_user_mode(regs);
	syscall_restart_if_due(regs);
	return sysret_ok(regs);
}

/**
 * user_mode_run - run code in ring 3 until it calls exit
 * @rip: the user address to start at
 * @rsp: the user stack pointer to start with
 *
 * Runs the code as a user task of its own (user_task_run()) on the
 * caller's address space: the caller's mm, or kernel_pml4's user half
 * (user_map_page()) for a thread without one. The task counts as a
 * thread of the caller: getpid() there gives the caller's pid. The
 * caller sleeps until the task ends.
 *
 * Return: the value user mode passed to exit(2) or exit_group(2) (the
 * whole register, not only its low byte), or -EFAULT if a signal killed
 * it (a fault it took, for instance).
 */
long user_mode_run(unsigned long rip, unsigned long rsp)
{
	return user_task_run(current->mm, rip, rsp);
}

/**
 * user_mode_run_mm - user_mode_run() in the address space @mm
 * @mm: the user address space; the calling kernel thread is on no other
 * @rip: the user address to start at
 * @rsp: the user stack pointer to start with
 *
 * Loads @mm for the run (kthread_use_mm()) unless the thread is on it
 * already, and goes back to kernel_pml4 after. Page faults in the run
 * are served from @mm's VMAs (handle_mm_fault()).
 *
 * Return: as user_mode_run().
 */
long user_mode_run_mm(struct mm_struct *mm, unsigned long rip,
		      unsigned long rsp)
{
	bool borrow = current->mm != mm;
	long ret;

	if (borrow)
		kthread_use_mm(mm);
	ret = user_mode_run(rip, rsp);
	if (borrow)
		kthread_unuse_mm(mm);
	return ret;
}

/**
 * syscall_init - let this CPU take SYSCALL
 *
 * Called once per CPU with interrupts off, after its GDT is loaded:
 * points MSR_LSTAR at the entry, MSR_STAR at the kernel and user
 * segments, masks the RFLAGS bits the kernel must not inherit, sets
 * EFER.SCE, and zeroes the user GS base that SWAPGS swaps in. Also
 * turns on the FPU and SSE for user code (fpu_init_cpu()).
 */
void syscall_init(void)
{
	fpu_init_cpu();
	wrmsr(MSR_STAR, (u64)(GDT_USER32_CS | USER_RPL) << 48 |
			(u64)GDT_KERNEL_CS << 32);
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, SYSCALL_RFLAGS_MASK);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
