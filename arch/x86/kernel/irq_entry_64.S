/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt entry for vectors 32-255: one 16-byte stub per vector pushes
 * a zero error code and the vector, then the common path saves the
 * registers as a struct pt_regs (the same frame exceptions build) and
 * calls do_irq(regs). Interrupt gates: interrupts stay off throughout.
 */
#include <asm/entry.h>
#include <asm/hw_irq.h>

	.text
	.balign 16
	.globl irq_entry_stubs
irq_entry_stubs:
	vector = FIRST_EXTERNAL_VECTOR
	.rept NR_VECTORS - FIRST_EXTERNAL_VECTOR
	.balign IRQ_STUB_SIZE
	pushq $0
	pushq $vector
	jmp irq_common
	vector = vector + 1
	.endr

	.balign 16
irq_common:
	PT_REGS_ENTRY do_irq
