// SPDX-License-Identifier: GPL-2.0
/*
 * Power off and failure exit. Power off enters ACPI S5 (drivers/acpi/
 * sleep.c: through ACPICA, or the FADT's PM1 control registers); without
 * ACPI it writes S5 to 0x604, where QEMU's PM1a control register sits on
 * both -M pc and -M q35. If that does not stop the machine, a reset
 * through port 0xcf9 does, since the runner starts QEMU with -no-reboot.
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
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
	acpi_power_off();
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
