/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device interrupt handlers. An irq number is an ISA IRQ (0-15, routed
 * through the MADT's interrupt source overrides) or, from 16 up, a GSI
 * (an IOAPIC input). Handlers run with interrupts disabled.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/percpu.h>

enum irqreturn {
	IRQ_NONE	= 0,
	IRQ_HANDLED	= 1,
};
typedef enum irqreturn irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev);

#define IRQF_SHARED		0x1	/* other handlers may share the line */

/**
 * request_irq - install @handler for @irq and unmask the line
 * @flags: IRQF_SHARED to share the line (every sharer must say so)
 * @name: for messages
 * @dev: passed to @handler, and names the handler for free_irq()
 *
 * Return: 0, -EINVAL for an irq with no IOAPIC input or a NULL handler,
 * -EBUSY when the line is taken and not shared, -ENOMEM.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev);

/**
 * free_irq - remove the handler of @irq installed with @dev
 *
 * Masks the line when its last handler goes. When free_irq() returns, the
 * handler is not running on any CPU. Warns if there is no such handler.
 */
void free_irq(unsigned int irq, void *dev);

DECLARE_PER_CPU(unsigned int, hardirq_depth);

/* True in an interrupt handler (device, timer or IPI). */
static inline bool in_hardirq(void)
{
	return this_cpu_read(hardirq_depth) != 0;
}
#define in_irq()	in_hardirq()

/*
 * Called on the way out of an interrupt that interrupted code with
 * interrupts enabled (interrupts are still off): the scheduler overrides
 * the empty default to preempt.
 */
void irq_exit_resched(void);

#endif /* _LINUX_INTERRUPT_H */
