/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry from user mode by SYSCALL, and the common way back to user mode
 * of new tasks. Documentation/x86/entry.rst has the register ABI and
 * the stack layout.
 */
#include <linux/errno.h>
#include <asm/entry.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

	.text

/*
 * SYSCALL lands here with CPL 0, CS and SS from MSR_STAR, the user's
 * rip in rcx and rflags in r11, interrupts, DF, TF and AC cleared by
 * MSR_SYSCALL_MASK, and everything else as user mode left it: the stack
 * and GS base are still the user's. The frame goes at the top of the
 * current task's own stack (syscall_entry_sp, set at each switch), where
 * task_pt_regs() finds it; do_syscall_64() runs with interrupts on and
 * comes back with them off, the return-to-user work done.
 */
	.balign 16
	.globl entry_SYSCALL_64
	.type entry_SYSCALL_64, @function
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:syscall_user_sp
	movq	%gs:syscall_entry_sp, %rsp
	/* The frame an interrupt from user mode would have pushed. */
	pushq	$USER_DS
	pushq	%gs:syscall_user_sp
	pushq	%r11			/* rflags */
	pushq	$USER_CS
	pushq	%rcx			/* rip */
	pushq	%rax			/* error_code: the number asked for */
	pushq	$SYSCALL_VECTOR
	PUSH_GPRS $-ENOSYS		/* in the rax slot: the result so far */
	/* Backtraces end here: the user's rbp means nothing to them. */
	xorl	%ebp, %ebp
	movq	%rsp, %rdi
	sti
	call	do_syscall_64
	testb	%al, %al
	POP_GPRS			/* pops do not change the flags */
	jz	.Lsyscall_iret
	/*
	 * SYSRET: do_syscall_64() checked that rcx and r11 still hold rip and
	 * rflags and that rip is a user address, so SYSRET's own loads of
	 * CS and SS (from MSR_STAR) give the frame's values.
	 */
	movq	5*8(%rsp), %rsp		/* rsp, above vector to rflags */
	swapgs
	sysretq
.Lsyscall_iret:
	addq	$16, %rsp		/* vector, error code */
	swapgs
	iretq
	.size entry_SYSCALL_64, . - entry_SYSCALL_64

/*
 * void ret_to_user_mode(void)
 *
 * From anywhere on the current task's stack: do the return-to-user work
 * (exit_to_user_mode_prepare(), which comes back with interrupts off)
 * and IRET to the frame at the top of the stack, abandoning everything
 * below it. New user tasks come here from ret_from_kernel_thread.
 */
	.balign 16
	.globl ret_to_user_mode
	.type ret_to_user_mode, @function
ret_to_user_mode:
	cli
	call	exit_to_user_mode_prepare
	movq	%rax, %rsp
	POP_GPRS
	addq	$16, %rsp		/* vector, error code */
	swapgs
	iretq
	.size ret_to_user_mode, . - ret_to_user_mode
