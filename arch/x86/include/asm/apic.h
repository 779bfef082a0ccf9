/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC, in xAPIC mode through its MMIO page: registers, EOI,
 * IPIs and the timer (apic.c).
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <linux/types.h>
#include <asm/io.h>

#define APIC_DEFAULT_PHYS_BASE	0xfee00000UL
#define MSR_IA32_APICBASE	0x1b
#define APICBASE_ENABLE		(1UL << 11)
#define APICBASE_BSP		(1UL << 8)
#define APICBASE_ADDR_MASK	0xfffff000UL

/* Register offsets. */
#define APIC_ID			0x020
#define APIC_VERSION		0x030
#define APIC_TPR		0x080
#define APIC_EOI		0x0b0
#define APIC_LDR		0x0d0
#define APIC_DFR		0x0e0
#define APIC_SVR		0x0f0
#define APIC_ISR		0x100
#define APIC_ESR		0x280
#define APIC_ICR_LOW		0x300
#define APIC_ICR_HIGH		0x310
#define APIC_LVT_TIMER		0x320
#define APIC_LVT_THERMAL	0x330
#define APIC_LVT_PERF		0x340
#define APIC_LVT_LINT0		0x350
#define APIC_LVT_LINT1		0x360
#define APIC_LVT_ERROR		0x370
#define APIC_TIMER_INIT		0x380
#define APIC_TIMER_CUR		0x390
#define APIC_TIMER_DIV		0x3e0

#define APIC_SVR_ENABLE		(1U << 8)
#define APIC_LVT_MASKED		(1U << 16)
#define APIC_LVT_PERIODIC	(1U << 17)
#define APIC_TIMER_DIV_16	0x3

/* ICR low fields. */
#define APIC_DM_FIXED		(0U << 8)
#define APIC_DM_INIT		(5U << 8)
#define APIC_DM_STARTUP		(6U << 8)
#define APIC_ICR_BUSY		(1U << 12)
#define APIC_ICR_ASSERT		(1U << 14)
#define APIC_ICR_LEVEL		(1U << 15)
#define APIC_DEST_SELF		(1U << 18)
#define APIC_DEST_ALLBUT	(3U << 18)

extern void __iomem *lapic_base;

static inline u32 apic_read(u32 reg)
{
	return readl((u8 __iomem *)lapic_base + reg);
}

static inline void apic_write(u32 reg, u32 v)
{
	writel(v, (u8 __iomem *)lapic_base + reg);
}

static inline void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

static inline u32 lapic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

int lapic_init(void);			/* boot CPU: map, enable, mask PICs */
void lapic_setup_this_cpu(void);	/* every CPU: SVR, LVTs, TPR */
void lapic_send_ipi(u32 apicid, u32 icr_low);
void lapic_send_ipi_self(int vector);
int lapic_wait_icr_idle(void);

/* Timer: calibrated once on the boot CPU, started on each CPU. */
int lapic_timer_calibrate(void);
void lapic_timer_start_this_cpu(void);
extern u64 lapic_timer_hz;		/* timer input after the divider */
extern u32 lapic_timer_period;		/* initial count per tick */

/* Time keeping (time.c). */
void timer_tick(bool user);

#endif /* _ASM_X86_APIC_H */
