// SPDX-License-Identifier: GPL-2.0
/*
 * The FADT's power management registers and S5 (soft off): Tide's power
 * off writes SLP_TYP|SLP_EN to the PM1 control registers the FADT names,
 * or lets ACPICA do it (running \_PTS first) once the namespace is loaded.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/time.h>
#include <linux/acpi.h>
#include <asm/io.h>
#include "internal.h"

struct acpi_fadt_info acpi_fadt;

/**
 * acpi_fadt_sci_irq - the interrupt the SCI arrives on, from the FADT
 *
 * Return: the ISA IRQ number; 0 when there is no FADT (yet).
 */
u16 acpi_fadt_sci_irq(void)
{
	return acpi_fadt.sci_irq;
}

/* PM1 control register fields (ACPI 6.5, 4.8.2.1.2). */
#define PM1_CNT_SLP_TYP_SHIFT	10
#define PM1_CNT_SLP_TYP_MASK	(0x7u << PM1_CNT_SLP_TYP_SHIFT)
#define PM1_CNT_SLP_EN		(1u << 13)
/* Sleep control register of hardware-reduced ACPI (4.8.3.7). */
#define SLEEP_CNT_SLP_TYP_SHIFT	2
#define SLEEP_CNT_SLP_EN	(1u << 5)

/* A FADT field exists only if the table is long enough to hold it. */
#define FADT_HAS(fadt, field) \
	((fadt)->header.length >= offsetof(struct acpi_table_fadt, field) + \
	 sizeof((fadt)->field))

static u64 fadt_pm1_cnt(struct acpi_table_fadt *fadt,
			const struct acpi_generic_address *x, u32 legacy,
			bool *mmio)
{
	if ((const u8 *)(x + 1) <= (const u8 *)fadt + fadt->header.length &&
	    x->address) {
		*mmio = x->space_id == ACPI_ADR_SPACE_SYSTEM_MEMORY;
		return x->address;
	}
	return legacy;
}

/**
 * acpi_parse_fadt - keep the SCI and the PM1 control registers
 *
 * Return: 0, or -ENODEV when there is no valid FADT.
 */
int __init acpi_parse_fadt(void)
{
	struct acpi_table_fadt *fadt = (void *)acpi_get_table_early(ACPI_SIG_FADT, 0);
	bool mmio = false;

	if (!fadt)
		return -ENODEV;
	if (fadt->header.length < ACPI_FADT_V1_SIZE) {
		pr_warn("ACPI: FADT is %u bytes, shorter than ACPI 1.0's; ignored\n",
			fadt->header.length);
		return -ENODEV;
	}
	acpi_fadt.sci_irq = fadt->sci_interrupt;
	acpi_fadt.smi_cmd = fadt->smi_command;
	acpi_fadt.hw_reduced = fadt->flags & ACPI_FADT_HW_REDUCED;
	acpi_fadt.pm1a_cnt = fadt_pm1_cnt(fadt, &fadt->xpm1a_control_block,
					  fadt->pm1a_control_block, &mmio);
	acpi_fadt.pm1b_cnt = fadt_pm1_cnt(fadt, &fadt->xpm1b_control_block,
					  fadt->pm1b_control_block, &mmio);
	acpi_fadt.pm1_cnt_mmio = mmio;
	acpi_fadt.present = true;
	pr_info("ACPI: FADT rev %u: SCI IRQ%u, PM1a_CNT %s %#llx%s\n",
		fadt->header.revision, acpi_fadt.sci_irq,
		mmio ? "mem" : "port", acpi_fadt.pm1a_cnt,
		acpi_fadt.hw_reduced ? ", hardware-reduced" : "");
	return 0;
}

static void pm1_cnt_write_s5(u64 reg, u8 typ)
{
	u16 v;

	if (!reg)
		return;
	if (acpi_fadt.pm1_cnt_mmio) {
		void __iomem *va = ioremap(reg, 2);

		if (!va)
			return;
		v = readw(va) & ~(PM1_CNT_SLP_TYP_MASK | PM1_CNT_SLP_EN);
		writew(v | typ << PM1_CNT_SLP_TYP_SHIFT | PM1_CNT_SLP_EN, va);
		iounmap(va);
		return;
	}
	v = inw(reg) & ~(PM1_CNT_SLP_TYP_MASK | PM1_CNT_SLP_EN);
	outw(v | typ << PM1_CNT_SLP_TYP_SHIFT | PM1_CNT_SLP_EN, reg);
}

/**
 * acpi_power_off - enter S5
 *
 * Through ACPICA when the namespace is loaded (it runs \_PTS and uses the
 * \_S5 values), else by writing the FADT's PM1 control registers with the
 * \_S5 values read at namespace load (0 until then, which is QEMU's).
 * Called with interrupts off. Returns only if the machine is still on.
 */
void acpi_power_off(void)
{
	if (!acpi_fadt.present)
		return;
	if (acpi_namespace_loaded) {
		acpi_status status = acpi_enter_sleep_state_prep(ACPI_STATE_S5);

		if (ACPI_SUCCESS(status))
			status = acpi_enter_sleep_state(ACPI_STATE_S5);
		pr_emerg("ACPI: S5 through ACPICA did not power off: %s\n",
			 acpi_format_exception(status));
		return;
	}
	if (acpi_fadt.hw_reduced)
		return;
	pm1_cnt_write_s5(acpi_fadt.pm1a_cnt, acpi_fadt.s5_typa);
	pm1_cnt_write_s5(acpi_fadt.pm1b_cnt, acpi_fadt.s5_typb);
	udelay(1000);
	pr_emerg("ACPI: S5 through PM1 control did not power off\n");
}
