/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry from user mode by SYSCALL, and the way into ring 3 and back that
 * user_mode_run() uses. Documentation/x86/entry.rst has the register ABI.
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
 * and GS base are still the user's. Interrupts stay off throughout.
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
 * long user_mode_enter(unsigned long rip @rdi, unsigned long rsp @rsi)
 *
 * Saves the callee-saved registers, makes the stack below them this
 * CPU's stack for entries from ring 3, and IRETs to @rip in ring 3 with
 * stack @rsp, interrupts off and every other register zero. Returns when
 * user_mode_return() is called, with its argument. The caller has
 * interrupts off and keeps them off until this returns.
 */
	.balign 16
	.globl user_mode_enter
	.type user_mode_enter, @function
user_mode_enter:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp		/* to 16 bytes, as the entry stack */
	movq	%rsp, %gs:user_mode_return_sp
	movq	%rsp, %gs:syscall_entry_sp
	pushq	%rdi
	pushq	%rsi
	leaq	16(%rsp), %rdi
	call	cpu_tss_set_rsp0
	popq	%rsi
	popq	%rdi
	pushq	$USER_DS
	pushq	%rsi
	pushq	$X86_EFLAGS_FIXED	/* interrupts off in ring 3 too */
	pushq	$USER_CS
	pushq	%rdi
	xorl	%eax, %eax
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	swapgs
	iretq
	.size user_mode_enter, . - user_mode_enter

/*
 * void user_mode_return(long code @rdi)
 *
 * From a system call (GS base already the kernel's): abandon the kernel
 * stack below user_mode_enter()'s frame and return from that call with
 * @code.
 */
	.balign 16
	.globl user_mode_return
	.type user_mode_return, @function
user_mode_return:
	movq	%gs:user_mode_return_sp, %rsp
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdi, %rax
	ret
	.size user_mode_return, . - user_mode_return
