/* SPDX-License-Identifier: GPL-2.0 */
/* Interrupt lines as the core sees them: numbers, counts, spurious ones. */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/types.h>
#include <asm/irq.h>

/* Interrupts handled on @irq since boot (all CPUs). */
unsigned long irq_count(unsigned int irq);
/* Interrupts that arrived on a vector nobody handles. */
unsigned long irq_spurious_count(void);

#endif /* _LINUX_IRQ_H */
