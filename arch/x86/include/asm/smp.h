/* SPDX-License-Identifier: GPL-2.0 */
/* x86 SMP: CPU numbers to APIC IDs, bring-up and the IPIs behind cross calls. */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

/*
 * Low memory the APs start from (SIPI vector 0x08), inside the first MiB
 * that setup_arch() reserves: the code page, then the PML4, PDPT and PD
 * of the identity map the trampoline switches to long mode on.
 */
#define TRAMPOLINE_BASE		0x8000
#define TRAMPOLINE_PAGES	4

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>

/* Physical APIC ID of each possible CPU; CPU 0 is the boot CPU. */
extern u32 x86_cpu_to_apicid[NR_CPUS];

/* Fills the possible/present masks and x86_cpu_to_apicid from the MADT. */
void smp_enumerate_cpus(void);
/* Starts every present AP; prints "smp: Brought up ...". */
int smp_boot_cpus(void);

void arch_send_call_function_ipi(int cpu);
void arch_send_reschedule_ipi(int cpu);
/* Installs the IPI handlers (boot CPU, before the first AP starts). */
void smp_ipi_init(void);

/* Called on each AP when it is up, interrupts disabled; the scheduler overrides. */
void cpu_idle_loop(void);

/* Reschedule IPIs this CPU took (for tests). */
DECLARE_PER_CPU(unsigned long, resched_ipi_count);
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_SMP_H */
