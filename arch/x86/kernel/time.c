// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick: every CPU's local APIC timer interrupt lands here.
 * CPU 0 advances jiffies; every CPU counts its own ticks and calls
 * scheduler_tick().
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/apic.h>

volatile unsigned long jiffies;
DEFINE_PER_CPU(unsigned long, tick_count);

void __weak scheduler_tick(void)
{
}

/* Local timer interrupt, interrupts off, after the EOI. */
void timer_tick(void)
{
	if (smp_processor_id() == 0)
		jiffies++;
	this_cpu_inc(tick_count);
	scheduler_tick();
}
