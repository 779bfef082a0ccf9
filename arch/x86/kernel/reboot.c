// SPDX-License-Identifier: GPL-2.0
/*
 * Power off and failure exit. Power off enters ACPI S5 through the PM1a
 * control register QEMU's FADT names (0x604 on both -M pc and -M q35,
 * SLP_TYP 0 from \_S5); the ACPI issue replaces the constant with the
 * FADT's value. If that does not stop the machine, a reset through port
 * 0xcf9 does, since the runner starts QEMU with -no-reboot.
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <asm/io.h>
#include <asm/processor.h>

#define QEMU_PM1A_CNT		0x604
#define ACPI_SLP_EN		(1 << 13)
#define RESET_CONTROL_PORT	0xcf9
#define RESET_FULL		0x0e
#define DEBUG_EXIT_PORT		0xf4

void __noreturn machine_power_off(void)
{
	local_irq_disable();
	printk(KERN_EMERG "reboot: Power down\n");
	outw(ACPI_SLP_EN, QEMU_PM1A_CNT);
	outb(RESET_FULL, RESET_CONTROL_PORT);
	halt_forever();
}

void __noreturn machine_fail_exit(void)
{
	/* QEMU exits with (1 << 1) | 1 = 3. */
	outl(1, DEBUG_EXIT_PORT);
	halt_forever();
}
