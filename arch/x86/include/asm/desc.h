/* SPDX-License-Identifier: GPL-2.0 */
/* IDT gates and the GDT every CPU runs on after boot. */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>

#define GDT_KERNEL_CS		0x08
#define GDT_KERNEL_DS		0x10

struct gate_desc {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT		0x8e	/* present, DPL 0, 64-bit interrupt gate */

/* Points @g at @handler: a kernel-mode interrupt gate, no IST stack. */
static inline void set_intr_gate(struct gate_desc *g, unsigned long handler)
{
	g->offset_low = handler & 0xffff;
	g->selector = GDT_KERNEL_CS;
	g->ist = 0;
	g->type_attr = GATE_INTERRUPT;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->reserved = 0;
}

struct desc_ptr {
	u16 limit;
	u64 base;
} __packed;

static inline void store_idt(struct desc_ptr *d)
{
	__asm__ __volatile__("sidt %0" : "=m"(*d));
}

static inline void load_idt(const struct desc_ptr *d)
{
	__asm__ __volatile__("lidt %0" : : "m"(*d));
}

/* Installs the gates for vectors 32-255 in the IDT trap_init() loaded. */
void idt_setup_irq_gates(void);
/* Loads the boot CPU's IDT on this CPU. */
void idt_load_this_cpu(void);

#endif /* _ASM_X86_DESC_H */
