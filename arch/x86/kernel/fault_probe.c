// SPDX-License-Identifier: GPL-2.0
/*
 * Fault probes for tests: touch an address once with a page fault armed
 * (fault_expect_arm()) and say whether it faulted, so a test can check
 * that a mapping really has the protection its page-table entry claims.
 */
#include <linux/kernel.h>
#include <asm/traps.h>

/*
 * The probes touch @addr once with a page fault armed and report whether
 * it faulted; @fe then holds the faulting address and error code. After a
 * fault the handler resumes at the local label 1, with every register as
 * it was at the fault.
 */
noinline bool fault_probe_read(struct fault_expect *fe, const void *addr)
{
	fault_expect_arm(fe);
	asm volatile("leaq 1f(%%rip), %%rax\n\t"
		     "movq %%rax, %[resume]\n\t"
		     "movb (%[p]), %%al\n"
		     "1:\n"
		     : [resume] "=m" (fe->resume)
		     : [p] "r" (addr)
		     : "rax", "memory");
	fault_expect_disarm();
	return fe->hit;
}

/* Writes back the byte it reads, so a write that succeeds changes nothing. */
noinline bool fault_probe_write(struct fault_expect *fe, const void *addr)
{
	fault_expect_arm(fe);
	asm volatile("leaq 1f(%%rip), %%rax\n\t"
		     "movq %%rax, %[resume]\n\t"
		     "movb (%[p]), %%cl\n\t"
		     "movb %%cl, (%[p])\n"
		     "1:\n"
		     : [resume] "=m" (fe->resume)
		     : [p] "r" (addr)
		     : "rax", "rcx", "memory");
	fault_expect_disarm();
	return fe->hit;
}

/*
 * Jumps to @addr, which must hold jmp_rax: if the fetch does not fault,
 * that instruction jumps straight back to the label.
 */
noinline bool fault_probe_exec(struct fault_expect *fe, const void *addr)
{
	fault_expect_arm(fe);
	asm volatile("leaq 1f(%%rip), %%rax\n\t"
		     "movq %%rax, %[resume]\n\t"
		     "jmp *%[p]\n"
		     "1:\n"
		     : [resume] "=m" (fe->resume)
		     : [p] "r" (addr)
		     : "rax", "memory");
	fault_expect_disarm();
	return fe->hit;
}
