/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU access through %gs: the GS base of each CPU is the offset from
 * the static per-CPU section (CPU 0's copy) to its own copy, so %gs:var
 * names this CPU's var. CPU 0 keeps GS base 0 from the first instruction,
 * which is why per-CPU data works before any initialisation.
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <linux/types.h>

#define MSR_GS_BASE	0xc0000101

/*
 * Each access is one instruction, so no interrupt (and no migration) can
 * split it. Scalars of 1, 2, 4 or 8 bytes only.
 */
#define this_cpu_read(var) ({						\
	union { __typeof__(var) v; u8 b; u16 w; u32 l; u64 q; } __u;	\
	switch (sizeof(var)) {						\
	case 1:								\
		__asm__ __volatile__("movb %%gs:%1, %0"			\
				     : "=q"(__u.b) : "m"(var));		\
		break;							\
	case 2:								\
		__asm__ __volatile__("movw %%gs:%1, %0"			\
				     : "=r"(__u.w) : "m"(var));		\
		break;							\
	case 4:								\
		__asm__ __volatile__("movl %%gs:%1, %0"			\
				     : "=r"(__u.l) : "m"(var));		\
		break;							\
	default:							\
		__asm__ __volatile__("movq %%gs:%1, %0"			\
				     : "=r"(__u.q) : "m"(var));		\
		break;							\
	}								\
	__u.v; })

#define __this_cpu_op(op, var, val) do {				\
	__typeof__(var) __v = (val);					\
	switch (sizeof(var)) {						\
	case 1:								\
		__asm__ __volatile__(op "b %1, %%gs:%0"			\
				     : "+m"(var) : "qi"(__v));		\
		break;							\
	case 2:								\
		__asm__ __volatile__(op "w %1, %%gs:%0"			\
				     : "+m"(var) : "ri"(__v));		\
		break;							\
	case 4:								\
		__asm__ __volatile__(op "l %1, %%gs:%0"			\
				     : "+m"(var) : "ri"(__v));		\
		break;							\
	default:							\
		__asm__ __volatile__(op "q %1, %%gs:%0"			\
				     : "+m"(var) : "re"(__v));		\
		break;							\
	}								\
} while (0)

#define this_cpu_write(var, val)	__this_cpu_op("mov", var, val)
#define this_cpu_add(var, val)		__this_cpu_op("add", var, val)
#define this_cpu_sub(var, val)		__this_cpu_op("sub", var, val)
#define this_cpu_inc(var)		this_cpu_add(var, 1)
#define this_cpu_dec(var)		this_cpu_sub(var, 1)

#endif /* _ASM_X86_PERCPU_H */
