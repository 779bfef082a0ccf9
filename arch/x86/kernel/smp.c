// SPDX-License-Identifier: GPL-2.0
/*
 * x86 IPIs: the call-function IPI behind cross calls (kernel/smp.c) and
 * the reschedule IPI, both sent by fixed delivery to one APIC ID.
 */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/smp.h>

DEFINE_PER_CPU(unsigned long, resched_ipi_count);

void arch_send_call_function_ipi(int cpu)
{
	lapic_send_ipi(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | CALL_FUNCTION_VECTOR);
}

void arch_send_reschedule_ipi(int cpu)
{
	lapic_send_ipi(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | RESCHEDULE_VECTOR);
}

static void call_function_interrupt(struct pt_regs *regs)
{
	smp_process_call_queue();
}

static void reschedule_interrupt(struct pt_regs *regs)
{
	this_cpu_inc(resched_ipi_count);
	scheduler_ipi();
}

void smp_ipi_init(void)
{
	set_sysvec_handler(CALL_FUNCTION_VECTOR, call_function_interrupt);
	set_sysvec_handler(RESCHEDULE_VECTOR, reschedule_interrupt);
}
