/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System calls on x86-64: the SYSCALL entry (arch/x86/entry/entry_64.S),
 * the C dispatcher, the return-to-user work, and user_mode_run(), which
 * runs a piece of user code as a task of its own (for tests).
 */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

#include <linux/types.h>

struct pt_regs;
struct mm_struct;

void syscall_init(void);
bool do_syscall_64(struct pt_regs *regs);
long user_mode_run(unsigned long rip, unsigned long rsp);
long user_mode_run_mm(struct mm_struct *mm, unsigned long rip,
		      unsigned long rsp);
void exit_to_user_mode(struct pt_regs *regs);
struct pt_regs *exit_to_user_mode_prepare(void);
/* kernel/fork.c: run user code as a task of its own, wait for its end */
long user_task_run(struct mm_struct *mm, unsigned long rip,
		   unsigned long rsp);
/* arch/x86/kernel/signal.c: deliver current's pending signals */
void arch_deliver_signals(struct pt_regs *regs);
void syscall_restart_if_due(struct pt_regs *regs);

/* entry_64.S */
void entry_SYSCALL_64(void);
void __noreturn ret_to_user_mode(void);

#endif /* _ASM_X86_SYSCALL_H */
