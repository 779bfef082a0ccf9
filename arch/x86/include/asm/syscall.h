/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System calls on x86-64: the SYSCALL entry (arch/x86/entry/entry_64.S),
 * the C dispatcher, and the one way into ring 3 there is before
 * processes exist, user_mode_run().
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
void __noreturn user_mode_fault(struct pt_regs *regs, const char *name);

/* entry_64.S */
void entry_SYSCALL_64(void);
long user_mode_enter(unsigned long rip, unsigned long rsp);
void __noreturn user_mode_return(long code);

#endif /* _ASM_X86_SYSCALL_H */
