/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one path from an exception or interrupt stub into C and back: the
 * stub has pushed an error code (or 0) and the vector on top of the CPU's
 * frame; this saves the rest as a struct pt_regs, calls handler(regs) and
 * returns with iretq. Coming from user mode (the saved CS has RPL 3) it
 * swaps in the kernel's GS base first and the user's back last, so that
 * per-CPU data works in the handler. The handler runs with DF and AC
 * clear. On the way back to ring 3, exit_to_user_mode() does the
 * return-to-user work (reschedule, signals) before the registers are
 * restored.
 */
#ifndef _ASM_X86_ENTRY_H
#define _ASM_X86_ENTRY_H

#ifdef __ASSEMBLY__
/*
 * Saves the general registers as the top of a struct pt_regs; @rax is what
 * goes in its rax slot: %rax itself, or the system call entry's first
 * result.
 */
.macro PUSH_GPRS rax
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq \rax
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

/* Restores the general registers of a struct pt_regs at the stack top. */
.macro POP_GPRS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rax
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
.endm

.macro PT_REGS_ENTRY handler
	testb $3, 24(%rsp)		/* cs, above vector, error code, rip */
	jz .Lkernel_gs_\@
	swapgs
	.set .Lkernel_gs_\@, .		/* a label (checkpatch reads .h as C) */
	PUSH_GPRS %rax
	cld
	/*
	 * Close the SMAP window an interrupted uaccess may have open; iretq
	 * gives that code its AC back. No CLAC on a CPU without SMAP.
	 */
	cmpb $0, x86_smap_enabled(%rip)
	je .Lsmap_closed_\@
	clac
	.set .Lsmap_closed_\@, .
	movq %rsp, %rdi
	/* A frame record so backtraces continue into the interrupted code. */
	pushq 17*8(%rsp)		/* rip */
	pushq %rbp
	movq %rsp, %rbp
	call \handler
	addq $16, %rsp
	/* To ring 3: reschedule, deliver signals (interrupts stay off). */
	testb $3, 18*8(%rsp)		/* cs */
	jz .Lno_user_work_\@
	movq %rsp, %rdi
	call exit_to_user_mode
	.set .Lno_user_work_\@, .
	POP_GPRS
	addq $16, %rsp			/* vector, error code */
	testb $3, 8(%rsp)		/* cs */
	jz .Lkernel_ret_\@
	swapgs
	.set .Lkernel_ret_\@, .
	iretq
.endm
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_ENTRY_H */
