/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt entry for vectors 32-255: one 16-byte stub per vector pushes
 * a zero error code and the vector, then the common path saves the
 * registers as a struct pt_regs (the same frame exceptions build) and
 * calls do_irq(regs). Interrupt gates: interrupts stay off throughout.
 */
#include <asm/hw_irq.h>

	.text
	.balign 16
	.globl irq_entry_stubs
irq_entry_stubs:
	vector = FIRST_EXTERNAL_VECTOR
	.rept NR_VECTORS - FIRST_EXTERNAL_VECTOR
	.balign IRQ_STUB_SIZE
	pushq $0
	pushq $vector
	jmp irq_common
	vector = vector + 1
	.endr

	.balign 16
irq_common:
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
	call do_irq
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
