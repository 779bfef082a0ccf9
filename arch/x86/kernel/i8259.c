// SPDX-License-Identifier: GPL-2.0
/*
 * The two 8259 PICs: reprogrammed to vectors 0x20-0x2f, so that a
 * spurious interrupt from them can never look like an exception, and then
 * masked for good. The IOAPIC delivers device interrupts instead.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/irq.h>

#define PIC_MASTER_CMD		0x20
#define PIC_MASTER_DATA		0x21
#define PIC_SLAVE_CMD		0xa0
#define PIC_SLAVE_DATA		0xa1

#define ICW1_INIT_ICW4		0x11	/* edge, cascade, ICW4 follows */
#define ICW3_MASTER_CASCADE	0x04	/* slave on input 2 */
#define ICW3_SLAVE_ID		0x02
#define ICW4_8086		0x01

/**
 * legacy_pic_mask_all - remap both PICs away from the exceptions, mask them
 */
void legacy_pic_mask_all(void)
{
	outb(0xff, PIC_MASTER_DATA);
	outb(0xff, PIC_SLAVE_DATA);

	outb(ICW1_INIT_ICW4, PIC_MASTER_CMD);
	outb(PIC_MASTER_VECTOR, PIC_MASTER_DATA);
	outb(ICW3_MASTER_CASCADE, PIC_MASTER_DATA);
	outb(ICW4_8086, PIC_MASTER_DATA);

	outb(ICW1_INIT_ICW4, PIC_SLAVE_CMD);
	outb(PIC_SLAVE_VECTOR, PIC_SLAVE_DATA);
	outb(ICW3_SLAVE_ID, PIC_SLAVE_DATA);
	outb(ICW4_8086, PIC_SLAVE_DATA);

	outb(0xff, PIC_MASTER_DATA);
	outb(0xff, PIC_SLAVE_DATA);
}
