/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kunit_setjmp()/kunit_longjmp(): save and restore the callee-saved
 * registers, so that a failed KUnit assertion can abandon its test case.
 * The slot order matches enum kunit_jmp_slot in include/kunit/try-catch.h.
 */
	.text

/* int kunit_setjmp(struct kunit_jmp_buf *buf @rdi) */
	.balign 16
	.globl kunit_setjmp
	.type kunit_setjmp, @function
kunit_setjmp:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	/* The stack pointer the caller sees once we have returned. */
	leaq	8(%rsp), %rdx
	movq	%rdx, 48(%rdi)
	/* Resume where this call returns to. */
	movq	(%rsp), %rdx
	movq	%rdx, 56(%rdi)
	xorl	%eax, %eax
	ret
	.size kunit_setjmp, . - kunit_setjmp

/* void kunit_longjmp(struct kunit_jmp_buf *buf @rdi, int val @esi) */
	.balign 16
	.globl kunit_longjmp
	.type kunit_longjmp, @function
kunit_longjmp:
	movl	%esi, %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:
	movq	0(%rdi), %rbx
	movq	8(%rdi), %rbp
	movq	16(%rdi), %r12
	movq	24(%rdi), %r13
	movq	32(%rdi), %r14
	movq	40(%rdi), %r15
	movq	48(%rdi), %rsp
	jmpq	*56(%rdi)
	.size kunit_longjmp, . - kunit_longjmp
