// SPDX-License-Identifier: GPL-2.0
/*
 * The periodic tick: every CPU's local APIC timer interrupt lands here.
 * CPU 0 advances jiffies; every CPU counts its own ticks, charges the
 * tick to the task it interrupted and calls scheduler_tick().
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sched/cpu_time.h>
#include <asm/apic.h>

volatile unsigned long jiffies;
DEFINE_PER_CPU(unsigned long, tick_count);

void __weak scheduler_tick(void)
{
}

/*
 * Local timer interrupt, interrupts off, after the EOI; @user: it came
 * in user mode.
 */
void timer_tick(bool user)
{
	if (smp_processor_id() == 0)
		jiffies++;
	this_cpu_inc(tick_count);
	account_process_tick(user);
	scheduler_tick();
}
