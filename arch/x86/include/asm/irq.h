/* SPDX-License-Identifier: GPL-2.0 */
/* Irq numbers and the IOAPIC routing behind them (io_apic.c). */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <linux/types.h>
#include <asm/hw_irq.h>

#define NR_IRQS			64
#define NR_LEGACY_IRQS		16

static inline int irq_to_vector(unsigned int irq)
{
	return IRQ0_VECTOR + irq;
}

/* Polarity and trigger of an IOAPIC input. */
struct irq_route {
	u32 gsi;
	bool level;		/* level-triggered (else edge) */
	bool active_low;
};

/*
 * ioapic_route - where @irq enters the IOAPIC and how it is signalled
 * Return: 0, or -EINVAL if @irq has no IOAPIC input.
 */
int ioapic_route(unsigned int irq, struct irq_route *r);
/* Points @irq's input at @vector on the boot CPU and unmasks it. */
int ioapic_unmask_irq(unsigned int irq, int vector);
void ioapic_mask_irq(unsigned int irq);
/* Number of IOAPIC inputs found (all IOAPICs). */
unsigned int ioapic_nr_inputs(void);
int ioapic_init(void);

void legacy_pic_mask_all(void);

/*
 * Message-signalled irqs (PCI MSI-X): the irq numbers above the IOAPIC's
 * inputs, each with its own vector (irq_to_vector()), edge-triggered,
 * sent to the boot CPU. request_irq() takes an allocated one like any.
 */
struct msi_msg {
	u32 address_lo;
	u32 address_hi;
	u32 data;
};

int irq_alloc_msi(void);
void irq_free_msi(unsigned int irq);
bool irq_is_msi(unsigned int irq);
void irq_msi_compose(unsigned int irq, struct msi_msg *msg);

#endif /* _ASM_X86_IRQ_H */
