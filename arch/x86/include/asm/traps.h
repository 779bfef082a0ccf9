/* SPDX-License-Identifier: GPL-2.0 */
/* Exception vectors and the expected-fault hook tests use. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <linux/types.h>

#define X86_TRAP_DE	0
#define X86_TRAP_DB	1
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3
#define X86_TRAP_UD	6
#define X86_TRAP_DF	8
#define X86_TRAP_NP	11
#define X86_TRAP_SS	12
#define X86_TRAP_GP	13
#define X86_TRAP_PF	14
#define X86_TRAP_MF	16
#define X86_TRAP_AC	17
#define X86_TRAP_MC	18
#define X86_TRAP_XF	19

#define X86_PF_PROT	(1UL << 0)
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_INSTR	(1UL << 4)

struct fault_expect {
	unsigned long resume;	/* rip to continue at after the fault */
	bool hit;
	unsigned long addr;
	unsigned long error_code;
};

void trap_init(void);
void fault_expect_arm(struct fault_expect *fe);
void fault_expect_disarm(void);

/*
 * Probes (CONFIG_KUNIT): read @addr, write back the byte read, or jump to
 * @addr (which must hold "jmp *%rax"); true if that faulted, with the
 * fault's address and error code in @fe.
 */
bool fault_probe_read(struct fault_expect *fe, const void *addr);
bool fault_probe_write(struct fault_expect *fe, const void *addr);
bool fault_probe_exec(struct fault_expect *fe, const void *addr);

#endif /* _ASM_X86_TRAPS_H */
