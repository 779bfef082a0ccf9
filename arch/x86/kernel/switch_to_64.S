/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The context switch: save the callee-saved registers on the old task's
 * stack, swap stack pointers, restore the new task's registers. New tasks
 * start in ret_from_kernel_thread from a frame made by arch_thread_setup().
 */
	.text

/*
 * struct task_struct *__switch_to_asm(struct task_struct *from @rdi,
 *                                     struct task_struct *to @rsi)
 *
 * Returns, on the new task's stack, the task switched away from. The
 * saved stack pointer is the first member of task_struct (thread.sp).
 */
	.balign 16
	.globl __switch_to_asm
	.type __switch_to_asm, @function
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, 0(%rdi)
	movq	0(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdi, %rax
	ret
	.size __switch_to_asm, . - __switch_to_asm

/*
 * First code of a new task: %rax is the previous task, %rbx the entry
 * function (void (*)(void)) that arch_thread_setup() stored, or 0. A
 * kernel thread's entry does not return; when a user task's does (or
 * there is none), the task goes to user mode with its task_pt_regs().
 */
	.balign 16
	.globl ret_from_kernel_thread
	.type ret_from_kernel_thread, @function
ret_from_kernel_thread:
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	1f
	call	*%rbx
1:	jmp	ret_to_user_mode
	.size ret_from_kernel_thread, . - ret_from_kernel_thread
