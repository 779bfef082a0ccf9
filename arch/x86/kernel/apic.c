// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC in xAPIC mode: mapped once with ioremap(), set up on
 * every CPU (spurious vector, LVTs, task priority), IPIs through the ICR,
 * and the timer, calibrated against the TSC and run periodically at HZ.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq.h>
#include <asm/page.h>
#include <asm/processor.h>

#pragma weak madt_info

void __iomem *lapic_base;
u64 lapic_timer_hz;
u32 lapic_timer_period;

#define CALIBRATE_NS		(10 * NSEC_PER_MSEC)
#define ICR_IDLE_TIMEOUT_NS	(10 * NSEC_PER_MSEC)

/* The MADT's local APIC address when there is one, else the MSR's. */
static phys_addr_t lapic_phys_base(void)
{
	if (&madt_info && madt_info.valid && madt_info.lapic_addr)
		return madt_info.lapic_addr;
	return rdmsr(MSR_IA32_APICBASE) & APICBASE_ADDR_MASK;
}

/**
 * lapic_setup_this_cpu - put this CPU's local APIC into Tide's state
 *
 * Enabled with SPURIOUS_APIC_VECTOR, every LVT masked but the error one,
 * task priority 0 (accept all). The timer is started separately.
 */
void lapic_setup_this_cpu(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	if (!(base & APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, base | APICBASE_ENABLE);
	apic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_LVT_LINT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT_LINT1, APIC_LVT_MASKED);
	apic_write(APIC_LVT_THERMAL, APIC_LVT_MASKED);
	apic_write(APIC_LVT_PERF, APIC_LVT_MASKED);
	apic_write(APIC_LVT_ERROR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_TPR, 0);
	/* Anything latched before we got here. */
	apic_eoi();
}

/**
 * lapic_init - map the local APIC and set up the boot CPU's
 *
 * Masks the 8259s first: from here on the IOAPIC delivers device irqs.
 * Return: 0, or -ENODEV when the CPU has no APIC, -ENOMEM if the map fails.
 */
int lapic_init(void)
{
	u32 a, b, c, d;
	phys_addr_t pa;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & (1U << 9))) {
		pr_err("apic: this CPU has no local APIC\n");
		return -ENODEV;
	}
	legacy_pic_mask_all();
	pa = lapic_phys_base();
	lapic_base = ioremap(pa, PAGE_SIZE);
	if (!lapic_base)
		return -ENOMEM;
	lapic_setup_this_cpu();
	pr_info("apic: local APIC %u at %#llx, version %#x\n", lapic_id(),
		(unsigned long long)pa, apic_read(APIC_VERSION) & 0xff);
	return 0;
}

/*
 * lapic_wait_icr_idle - wait until the previous IPI has left
 * Return: 0, or -ETIMEDOUT.
 */
int lapic_wait_icr_idle(void)
{
	u64 end = ktime_get_ns() + ICR_IDLE_TIMEOUT_NS;

	while (apic_read(APIC_ICR_LOW) & APIC_ICR_BUSY) {
		if (ktime_get_ns() > end)
			return -ETIMEDOUT;
		cpu_relax();
	}
	return 0;
}

/**
 * lapic_send_ipi - send an interrupt command to the CPU with @apicid
 * @icr_low: delivery mode, vector and flags for the low ICR word
 *
 * The two ICR writes must not be split by an interrupt that sends an IPI
 * itself, hence interrupts off around them.
 */
void lapic_send_ipi(u32 apicid, u32 icr_low)
{
	unsigned long flags;

	local_irq_save(flags);
	if (lapic_wait_icr_idle())
		pr_err("apic: ICR stuck busy on CPU %d\n", smp_processor_id());
	apic_write(APIC_ICR_HIGH, apicid << 24);
	apic_write(APIC_ICR_LOW, icr_low);
	local_irq_restore(flags);
}

void lapic_send_ipi_self(int vector)
{
	unsigned long flags;

	local_irq_save(flags);
	lapic_wait_icr_idle();
	apic_write(APIC_ICR_HIGH, 0);
	apic_write(APIC_ICR_LOW, APIC_DEST_SELF | APIC_DM_FIXED | vector);
	local_irq_restore(flags);
}

static void local_timer_interrupt(struct pt_regs *regs)
{
	timer_tick(user_mode(regs));
}

/**
 * lapic_timer_calibrate - measure the timer's input clock against the TSC
 *
 * Counts down from the top for CALIBRATE_NS, divider 16, then derives the
 * initial count of one HZ period. Boot CPU, interrupts off.
 * Return: 0, or -EIO if the timer did not move.
 */
int lapic_timer_calibrate(void)
{
	u64 t0, t1;
	u32 left;

	apic_write(APIC_TIMER_DIV, APIC_TIMER_DIV_16);
	apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	t0 = ktime_get_ns();
	apic_write(APIC_TIMER_INIT, 0xffffffff);
	do {
		t1 = ktime_get_ns();
	} while (t1 - t0 < CALIBRATE_NS);
	left = apic_read(APIC_TIMER_CUR);
	apic_write(APIC_TIMER_INIT, 0);

	lapic_timer_hz = (u64)(0xffffffffU - left) * NSEC_PER_SEC / (t1 - t0);
	lapic_timer_period = lapic_timer_hz / HZ;
	if (!lapic_timer_period) {
		pr_err("apic: timer did not count during calibration\n");
		return -EIO;
	}
	set_sysvec_handler(LOCAL_TIMER_VECTOR, local_timer_interrupt);
	pr_info("apic: timer %llu.%03llu MHz, %u counts per tick at HZ=%d\n",
		lapic_timer_hz / 1000000, lapic_timer_hz / 1000 % 1000,
		lapic_timer_period, HZ);
	return 0;
}

/* Starts this CPU's periodic tick with the boot CPU's calibration. */
void lapic_timer_start_this_cpu(void)
{
	apic_write(APIC_TIMER_DIV, APIC_TIMER_DIV_16);
	apic_write(APIC_LVT_TIMER, APIC_LVT_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TIMER_INIT, lapic_timer_period);
}
