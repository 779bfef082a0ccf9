// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: system calls on x86-64
 *
 * SYSCALL enters the kernel at entry_SYSCALL_64 (entry_64.S), which
 * builds a struct pt_regs on this CPU's entry stack and calls
 * do_syscall_64(): the number is in rax, the arguments in rdi, rsi, rdx,
 * r10, r8 and r9, the result goes back in rax. Numbers are Linux's.
 * There are no processes yet: the only user code is what a kernel thread
 * runs through user_mode_run(), and exit or an exception ends that.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/mm_struct.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/traps.h>
#include <asm/unistd.h>

/* Scratch for the user's rsp while the entry switches stacks. */
DEFINE_PER_CPU(unsigned long, syscall_user_sp);
/* The stack SYSCALL switches to (16-byte aligned), set by user_mode_enter(). */
DEFINE_PER_CPU(unsigned long, syscall_entry_sp);
/* user_mode_enter()'s saved frame, for user_mode_return(). */
DEFINE_PER_CPU(unsigned long, user_mode_return_sp);

/* RFLAGS bits SYSCALL clears: no interrupts, trap flag, DF or SMAP window. */
#define SYSCALL_RFLAGS_MASK \
	(X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_AC | \
	 X86_EFLAGS_NT)

static long sys_getpid(struct pt_regs *regs)
{
	return current->pid;
}
SYSCALL_ENTRY(getpid, sys_getpid);

/*
 * exit(2) and exit_group(2): the code user mode ends with is what
 * user_mode_run() returns to the kernel thread that entered it.
 */
static long sys_exit(struct pt_regs *regs)
{
	user_mode_return((int)SC_ARG0(regs));
}
SYSCALL_ENTRY(exit, sys_exit);
SYSCALL_ENTRY(exit_group, sys_exit);

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
 * do_syscall_64 - run the system call user mode asked for
 * @regs: the frame entry_SYSCALL_64 built; regs->rax gets the result
 *
 * Runs with interrupts off on the CPU the call came from (nothing here
 * sleeps yet). An unknown number gives -ENOSYS and is named on the
 * console the first time.
 *
 * Return: true if the entry may return with SYSRET, false for IRET.
 */
bool do_syscall_64(struct pt_regs *regs)
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
	return sysret_ok(regs);
}

/**
 * user_mode_run - run code in ring 3 until it calls exit
 * @rip: the user address to start at
 * @rsp: the user stack pointer to start with
 *
 * Tide has no processes yet: this lends the calling kernel thread's CPU
 * to user code (mapped with user_map_page(), or in the thread's mm), with
 * interrupts off the whole time and this thread's stack below the
 * caller's frame as the stack for entries from ring 3.
 *
 * Return: the status user mode passed to exit(2) or exit_group(2), or
 * -EFAULT if it took an exception (user_mode_fault()) other than a page
 * fault the thread's mm serves.
 */
long user_mode_run(unsigned long rip, unsigned long rsp)
{
	unsigned long flags;
	long ret;

	local_irq_save(flags);
	ret = user_mode_enter(rip, rsp);
	local_irq_restore(flags);
	return ret;
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
 * user_mode_fault - an exception in ring 3 ends the user code
 * @regs: the exception's frame (user CS), on the entry stack
 * @name: what the exception is, for the console
 *
 * Called by do_trap() with the kernel GS base in place. There are no
 * signals yet: the user_mode_run() in progress returns -EFAULT, and the
 * console says what happened where.
 */
void __noreturn user_mode_fault(struct pt_regs *regs, const char *name)
{
	if (regs->vector == X86_TRAP_PF)
		pr_info("user_mode: %s at rip %#lx, address %#lx, error %#lx: ended\n",
			name, regs->rip, read_cr2(), regs->error_code);
	else
		pr_info("user_mode: %s at rip %#lx, error %#lx: ended\n",
			name, regs->rip, regs->error_code);
	user_mode_return(-EFAULT);
}

/**
 * syscall_init - let this CPU take SYSCALL
 *
 * Called once per CPU with interrupts off, after its GDT is loaded:
 * points MSR_LSTAR at the entry, MSR_STAR at the kernel and user
 * segments, masks the RFLAGS bits the kernel must not inherit, sets
 * EFER.SCE, and zeroes the user GS base that SWAPGS swaps in.
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, (u64)(GDT_USER32_CS | USER_RPL) << 48 |
			(u64)GDT_KERNEL_CS << 32);
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, SYSCALL_RFLAGS_MASK);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
