/* SPDX-License-Identifier: GPL-2.0 */
/* The register frame entry.S builds on an exception or interrupt. */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <linux/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, rbp, rbx, r11, r10;
	unsigned long r9, r8, rax, rcx, rdx, rsi, rdi;
	unsigned long vector, error_code;
	/* pushed by the CPU */
	unsigned long rip, cs, rflags, rsp, ss;
};

#endif /* _ASM_X86_PTRACE_H */
