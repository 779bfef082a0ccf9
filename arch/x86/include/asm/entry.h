/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one path from an exception or interrupt stub into C and back: the
 * stub has pushed an error code (or 0) and the vector on top of the CPU's
 * frame; this saves the rest as a struct pt_regs, calls handler(regs) and
 * returns with iretq.
 */
#ifndef _ASM_X86_ENTRY_H
#define _ASM_X86_ENTRY_H

#ifdef __ASSEMBLY__
.macro PT_REGS_ENTRY handler
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq %rax
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
	cld
	movq %rsp, %rdi
	/* A frame record so backtraces continue into the interrupted code. */
	pushq 17*8(%rsp)		/* rip */
	pushq %rbp
	movq %rsp, %rbp
	call \handler
	addq $16, %rsp
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
	addq $16, %rsp			/* vector, error code */
	iretq
.endm
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_ENTRY_H */
