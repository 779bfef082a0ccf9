/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame the entry code builds on an exception, an interrupt
 * or a system call. For a system call, vector is SYSCALL_VECTOR and
 * error_code the number user mode asked for (rax is overwritten with the
 * result); rip, cs, rflags, rsp and ss are user mode's, as an interrupt
 * from user mode would have pushed them.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#define SYSCALL_VECTOR	(-1)
/* A user frame made by the kernel (execve, sigreturn): not a call's. */
#define USER_FRAME_VECTOR	(-2)

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, rbp, rbx, r11, r10;
	unsigned long r9, r8, rax, rcx, rdx, rsi, rdi;
	unsigned long vector, error_code;
	/* pushed by the CPU */
	unsigned long rip, cs, rflags, rsp, ss;
};

/* Whether @regs was interrupted in ring 3. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) != 0;
}

#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_PTRACE_H */
