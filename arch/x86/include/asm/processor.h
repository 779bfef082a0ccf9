/* SPDX-License-Identifier: GPL-2.0 */
/* Control registers, MSRs, CPUID, the TSC and TLB invalidation. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <asm/processor-flags.h>

#define X86_CR0_WP	(1UL << 16)
#define X86_CR4_PAE	(1UL << 5)
#define X86_CR4_PGE	(1UL << 7)
#define X86_CR4_SMEP	(1UL << 20)	/* no kernel fetch from user pages */
#define X86_CR4_SMAP	(1UL << 21)	/* no kernel data access to them */
#define MSR_EFER	0xc0000080
#define EFER_SCE	(1UL << 0)	/* SYSCALL and SYSRET enabled */
#define EFER_NX		(1UL << 11)
#define MSR_STAR	0xc0000081	/* SYSCALL/SYSRET selector bases */
#define MSR_LSTAR	0xc0000082	/* 64-bit SYSCALL entry point */
#define MSR_SYSCALL_MASK 0xc0000084	/* RFLAGS bits SYSCALL clears */
#define MSR_KERNEL_GS_BASE 0xc0000102	/* the GS base SWAPGS swaps in */
#define MSR_FS_BASE	0xc0000100	/* FS base: user mode's TLS pointer */


static inline unsigned long read_cr0(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline unsigned long read_cr3(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline unsigned long read_cr4(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(0));
}

/* CPUID leaf 7, subleaf 0, EBX: structured extended features. */
#define CPUID_LEAF_EXT_FEATURES	7
#define CPUID_7_EBX_SMEP	(1U << 7)
#define CPUID_7_EBX_SMAP	(1U << 20)

/* CPUID leaf 0x80000008 EAX[7:0]: the CPU's physical address width. */
#define CPUID_EXT_ADDR_SIZES	0x80000008
#define CPUID_PHYS_BITS(eax)	((eax) & 0xff)
/* What to assume when the leaf is missing (as Linux does for 64-bit). */
#define X86_PHYS_BITS_DEFAULT	36

/*
 * x86_phys_bits - MAXPHYADDR: how many bits of physical address the CPU
 * can reach. Addresses at or above 1 << x86_phys_bits() do not exist for
 * it; a page-table entry pointing there is a reserved-bit fault.
 */
static inline unsigned int x86_phys_bits(void)
{
	u32 a, b, c, d;

	cpuid(0x80000000, &a, &b, &c, &d);
	if (a < CPUID_EXT_ADDR_SIZES)
		return X86_PHYS_BITS_DEFAULT;
	cpuid(CPUID_EXT_ADDR_SIZES, &a, &b, &c, &d);
	return CPUID_PHYS_BITS(a) ? CPUID_PHYS_BITS(a) : X86_PHYS_BITS_DEFAULT;
}

/* SMEP and SMAP in CR4 on this CPU (cpu_protect.c). */
void cpu_protect_init(bool boot);

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void invlpg(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

static inline void __noreturn halt_forever(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

/*
 * call_on_stack - run @fn(@arg) with the stack pointer at @top, then come
 * back to the stack of the caller. @top must be 16-byte aligned (the
 * call then leaves the ABI's alignment). r12 holds the old stack pointer
 * across the call; @fn preserves it, as it does every callee-saved
 * register the compiler may have put @fn or @top in.
 */
static inline void call_on_stack(void (*fn)(void *), void *arg, void *top)
{
	register void *a0 asm("rdi") = arg;

	asm volatile("movq %%rsp, %%r12\n\t"
		     "movq %[top], %%rsp\n\t"
		     "call *%[fn]\n\t"
		     "movq %%r12, %%rsp"
		     : "+r" (a0)
		     : [fn] "r" (fn), [top] "r" (top)
		     : "r12", "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10",
		       "r11", "memory", "cc");
}

#endif /* _ASM_X86_PROCESSOR_H */
