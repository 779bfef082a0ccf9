/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Supervisor-mode access prevention: with CR4.SMAP set, the kernel faults
 * on any data access to a user page unless EFLAGS.AC is set. stac() opens
 * that window and clac() closes it; uaccess keeps it open only around the
 * instructions that touch user memory.
 */
#ifndef _ASM_X86_SMAP_H
#define _ASM_X86_SMAP_H

#include <linux/types.h>

/*
 * Set once on the boot CPU when CPUID reports SMAP (cpu_protect.c). STAC
 * and CLAC are invalid opcodes on CPUs without it, so they are skipped.
 */
extern bool x86_smap_enabled;

static inline void stac(void)
{
	if (x86_smap_enabled)
		__asm__ __volatile__("stac" ::: "memory");
}

static inline void clac(void)
{
	if (x86_smap_enabled)
		__asm__ __volatile__("clac" ::: "memory");
}

#endif /* _ASM_X86_SMAP_H */
