/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 system call numbers Tide implements: Linux's numbers, which
 * are user space's ABI (arch/x86/entry/syscalls/syscall_64.tbl in Linux).
 */
#ifndef _ASM_X86_UNISTD_H
#define _ASM_X86_UNISTD_H

#define __NR_getpid		39
#define __NR_exit		60
#define __NR_exit_group		231

/* One past the highest number the table has room for. */
#define NR_syscalls		512

#endif /* _ASM_X86_UNISTD_H */
