/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bulk user copies: one rep movsb or rep stosb each. A fault stops
 * the string instruction with rcx counting the bytes not yet done, and
 * the exception table sends it to the return, which hands rcx back.
 */
#include <asm/extable.h>

	.text

/* unsigned long x86_copy_user(void *to @rdi, const void *from @rsi, unsigned long n @rdx) */
	.balign 16
	.globl x86_copy_user
	.type x86_copy_user, @function
x86_copy_user:
	movq	%rdx, %rcx
1:	rep movsb
2:	movq	%rcx, %rax
	ret
	EXTABLE_ENTRY 1b, 2b
	.size x86_copy_user, . - x86_copy_user

/* unsigned long x86_clear_user(void *to @rdi, unsigned long n @rsi) */
	.balign 16
	.globl x86_clear_user
	.type x86_clear_user, @function
x86_clear_user:
	movq	%rsi, %rcx
	xorl	%eax, %eax
1:	rep stosb
2:	movq	%rcx, %rax
	ret
	EXTABLE_ENTRY 1b, 2b
	.size x86_clear_user, . - x86_clear_user
