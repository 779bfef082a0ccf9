/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Registering a system call. Each subsystem defines its calls next to
 * the code they use:
 *
 *	static long sys_read(struct pt_regs *regs) { ... }
 *	SYSCALL_ENTRY(read, sys_read);
 *
 * SYSCALL_ENTRY puts {__NR_read, sys_read} in the .syscall_entries
 * section; syscall_table_init() turns the section into the table the
 * entry indexes, and refuses a number registered twice. A handler reads
 * its arguments from @regs with SC_ARG0()..SC_ARG5() (rdi, rsi, rdx,
 * r10, r8, r9, Linux's order) and returns the result or -errno. It may
 * change @regs (execve, rt_sigreturn, fork's child frame).
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

typedef long (*syscall_fn_t)(struct pt_regs *regs);

struct syscall_entry {
	unsigned long nr;
	syscall_fn_t fn;
	const char *name;
};

#define SYSCALL_ENTRY(call, fn) \
	static const struct syscall_entry __syscall_entry_##call \
	__used __section(".syscall_entries") __aligned(8) = \
		{ __NR_##call, fn, #call }

#define SC_ARG0(regs)	((regs)->rdi)
#define SC_ARG1(regs)	((regs)->rsi)
#define SC_ARG2(regs)	((regs)->rdx)
#define SC_ARG3(regs)	((regs)->r10)
#define SC_ARG4(regs)	((regs)->r8)
#define SC_ARG5(regs)	((regs)->r9)

extern const struct syscall_entry __syscall_entries_start[];
extern const struct syscall_entry __syscall_entries_end[];

int syscall_table_init(void);
const char *syscall_name(unsigned long nr);

#endif /* _LINUX_SYSCALLS_H */
