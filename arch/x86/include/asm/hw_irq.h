/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interrupt vector map (IDT entries 32-255) and the entry stubs.
 *
 *   0x20-0x2f  the 8259 PICs, remapped here and masked: only spurious
 *   0x30-0x6f  device irqs: irq n on vector 0x30 + n (NR_IRQS = 64)
 *   0xe0       never assigned (tests send it to check spurious handling)
 *   0xec       local APIC timer
 *   0xfb       call-function IPI (cross calls, TLB shootdown)
 *   0xfc       reschedule IPI
 *   0xfe       local APIC error
 *   0xff       local APIC spurious (never acknowledged)
 *
 * A higher vector has a higher priority class, so IPIs and the timer
 * outrank devices.
 */
#ifndef _ASM_X86_HW_IRQ_H
#define _ASM_X86_HW_IRQ_H

#define FIRST_EXTERNAL_VECTOR	0x20
#define PIC_MASTER_VECTOR	0x20
#define PIC_SLAVE_VECTOR	0x28
#define IRQ0_VECTOR		0x30
#define UNUSED_TEST_VECTOR	0xe0
#define LOCAL_TIMER_VECTOR	0xec
#define CALL_FUNCTION_VECTOR	0xfb
#define RESCHEDULE_VECTOR	0xfc
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff
#define NR_VECTORS		256

#define IRQ_STUB_SIZE		16

#ifndef __ASSEMBLY__
#include <asm/ptrace.h>

/* 224 entry stubs, one per vector from FIRST_EXTERNAL_VECTOR. */
extern const char irq_entry_stubs[];

/* C entry for every vector >= 32, called by the stubs. */
void do_irq(struct pt_regs *regs);

/* Handlers for system vectors (timer, IPIs); run after the EOI. */
typedef void (*sysvec_handler_t)(struct pt_regs *regs);
void set_sysvec_handler(int vector, sysvec_handler_t fn);
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_HW_IRQ_H */
