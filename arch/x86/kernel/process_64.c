// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 half of tasks: the first stack frame, which
 * __switch_to_asm() pops into a fresh task as if it had switched out;
 * the user register frame at the top of every task's stack; and what
 * the switch changes besides the stack: the stack entries from ring 3
 * use, the user FS and GS bases and the x87/SSE registers.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/syscall.h>

void ret_from_kernel_thread(void);

/* The frame __switch_to_asm() pops, lowest address first. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp;
	unsigned long ret_addr;
};

_Static_assert(__builtin_offsetof(struct task_struct, thread.sp) == 0,
	       "switch_to_64.S expects thread.sp at offset 0");

/**
 * task_pt_regs - the user register frame of @p
 * @p: a task with a stack of its own
 *
 * The top of every task's stack is a struct pt_regs: an entry from ring
 * 3 (SYSCALL, interrupt, exception) builds it there, and fork and execve
 * write the registers user mode continues with there. A kernel thread
 * leaves it unused.
 *
 * Return: the frame.
 */
struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((unsigned long)p->stack + THREAD_SIZE) - 1;
}

/**
 * start_thread - make @regs start a new program
 * @regs: the current task's task_pt_regs()
 * @ip: the entry point
 * @sp: the initial user stack pointer
 *
 * Every general register is zero, interrupts are on, the selectors are
 * the user ones; the frame no longer counts as a system call's (no
 * restart). For the current task's own frame (execve) it also does what
 * a new program expects of the rest of the task: FS and GS bases zero,
 * x87/SSE registers reset, caught signals back to their default action
 * (exec_signal_reset()), and a vfork parent let go (mm_release_vfork()).
 */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	struct task_struct *p = current;

	memset(regs, 0, sizeof(*regs));
	regs->rip = ip;
	regs->rsp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags = X86_EFLAGS_FIXED | X86_EFLAGS_IF;
	regs->vector = USER_FRAME_VECTOR;
	p->thread.fsbase = 0;
	p->thread.gsbase = 0;
	if (regs == task_pt_regs(p)) {
		wrmsr(MSR_FS_BASE, 0);
		wrmsr(MSR_KERNEL_GS_BASE, 0);
		fpu_reset_current();
		exec_signal_reset();
		mm_release_vfork(p);
	}
}

/* Per-CPU: the top of the running task's stack (SYSCALL's new rsp). */
DECLARE_PER_CPU(unsigned long, syscall_entry_sp);

/**
 * arch_switch_to - the switch's work besides the stack
 * @prev: the task switching out (still current)
 * @next: the task switching in
 *
 * Called by the scheduler with interrupts off and the run queue locked,
 * right before __switch_to_asm(). A task with a user frame gets its
 * stack top as the stack of entries from ring 3 (TSS.rsp0 and the
 * SYSCALL stack), its FS and GS bases, and its x87/SSE registers back;
 * the outgoing one's registers are saved first. Kernel threads leave
 * all of that alone: they never enter ring 3.
 */
void arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (prev->thread.fpu)
		fpu_save(prev->thread.fpu);
	if (!next->thread.fpu)
		return;
	fpu_restore(next->thread.fpu);
	this_cpu_write(syscall_entry_sp,
		       (unsigned long)task_pt_regs(next) + sizeof(struct pt_regs));
	cpu_tss_set_rsp0((unsigned long)task_pt_regs(next) +
			 sizeof(struct pt_regs));
	wrmsr(MSR_FS_BASE, next->thread.fsbase);
	wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
}

/**
 * arch_task_free - free the arch state of a task being freed
 * @p: a task that will never run again
 */
void arch_task_free(struct task_struct *p)
{
	fpu_free(p->thread.fpu);
	p->thread.fpu = NULL;
}

/**
 * arch_thread_setup - make @p start in @entry at its first switch-in
 * @p: a task with a stack and not yet runnable
 * @entry: called after schedule_tail(); a kernel thread's must not
 *	return; a user task's may, and then the task goes to user mode with
 *	its task_pt_regs(). NULL goes to user mode at once (a forked child).
 *
 * The initial frame sits just below the user register frame. The stack
 * pointer is 16-byte aligned at ret_from_kernel_thread, as the ABI
 * expects before a call. A zero %rbp ends backtraces.
 */
void arch_thread_setup(struct task_struct *p, void (*entry)(void))
{
	unsigned long top = (unsigned long)task_pt_regs(p);
	struct inactive_task_frame *frame;

	frame = (struct inactive_task_frame *)(top - sizeof(*frame));
	memset(frame, 0, sizeof(*frame));
	frame->rbx = (unsigned long)entry;
	frame->ret_addr = (unsigned long)ret_from_kernel_thread;
	p->thread.sp = (unsigned long)frame;
}

/**
 * show_task_stack - print the backtrace of a task that is switched out
 * @p: a sleeping task (not running on any CPU); the caller keeps it and
 *     its stack from being freed
 *
 * Starts from the frame __switch_to_asm() left on @p's stack. The walk
 * stays inside @p's stack, so a task that wakes meanwhile gives a short
 * or odd trace, not a fault. Boot-time stacks (no @p->stack) are not
 * walked.
 */
void show_task_stack(struct task_struct *p)
{
	struct inactive_task_frame *frame;
	unsigned long lo = (unsigned long)p->stack, hi = lo + THREAD_SIZE;

	if (!p->stack || READ_ONCE(p->on_cpu))
		return;
	frame = (struct inactive_task_frame *)READ_ONCE(p->thread.sp);
	if ((unsigned long)frame < lo ||
	    (unsigned long)(frame + 1) > hi)
		return;
	show_backtrace_range(frame->rbp, lo, hi, frame->ret_addr);
}

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

/*
 * arch_prctl(code, addr): the user FS and GS bases (TLS). The new base
 * is loaded at once and kept in thread_struct for the next switches;
 * interrupts are off in between so that a switch cannot load the old
 * value after the new one was stored.
 */
static long sys_arch_prctl(struct pt_regs *regs)
{
	struct thread_struct *t = &current->thread;
	unsigned long addr = SC_ARG1(regs);
	unsigned long flags;

	switch ((int)SC_ARG0(regs)) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (addr >= TASK_SIZE_MAX)
			return -EPERM;
		local_irq_save(flags);
		if ((int)SC_ARG0(regs) == ARCH_SET_FS) {
			t->fsbase = addr;
			wrmsr(MSR_FS_BASE, addr);
		} else {
			t->gsbase = addr;
			wrmsr(MSR_KERNEL_GS_BASE, addr);
		}
		local_irq_restore(flags);
		return 0;
	case ARCH_GET_FS:
		return put_user(t->fsbase, (unsigned long __user *)addr) ?
		       -EFAULT : 0;
	case ARCH_GET_GS:
		return put_user(t->gsbase, (unsigned long __user *)addr) ?
		       -EFAULT : 0;
	}
	return -EINVAL;
}
SYSCALL_ENTRY(arch_prctl, sys_arch_prctl);
