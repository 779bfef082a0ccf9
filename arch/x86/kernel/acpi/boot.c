// SPDX-License-Identifier: GPL-2.0
/*
 * The MADT at boot: local APICs (processors), IOAPICs, interrupt source
 * overrides and the local APIC address, gathered into madt_info for the
 * APIC and SMP code; the APICs' registers are claimed in iomem_resource.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/acpi.h>
#include <linux/ioport.h>
#include <linux/string.h>
#include <acpi/acpi.h>
#include <acpi/subtable.h>
#include <asm/acpi.h>

struct x86_madt_info madt_info;

static void __init madt_add_cpu(u32 apic_id, u32 flags)
{
	int i;

	for (i = 0; i < madt_info.nr_cpus; i++) {
		if (madt_info.apic_id[i] == apic_id) {
			pr_warn("ACPI: MADT: APIC id %u listed twice, ignored\n",
				apic_id);
			return;
		}
	}
	if (madt_info.nr_cpus == CONFIG_NR_CPUS) {
		pr_warn("ACPI: MADT: APIC id %u beyond NR_CPUS=%d, ignored\n",
			apic_id, CONFIG_NR_CPUS);
		return;
	}
	madt_info.apic_id[madt_info.nr_cpus] = apic_id;
	madt_info.enabled[madt_info.nr_cpus] = flags & ACPI_MADT_ENABLED;
	madt_info.nr_cpus++;
}

static void __init madt_add_ioapic(const struct acpi_madt_io_apic *e)
{
	struct madt_ioapic *io;

	if (madt_info.nr_ioapics == MADT_MAX_IOAPICS) {
		pr_warn("ACPI: MADT: IOAPIC %u beyond %d, ignored\n", e->id,
			MADT_MAX_IOAPICS);
		return;
	}
	io = &madt_info.ioapic[madt_info.nr_ioapics++];
	io->id = e->id;
	io->addr = e->address;
	io->gsi_base = e->global_irq_base;
}

static void __init madt_add_override(const struct acpi_madt_interrupt_override *e)
{
	struct madt_override *o;

	if (e->bus != 0) {
		pr_warn("ACPI: MADT: override for bus %u (not ISA) ignored\n", e->bus);
		return;
	}
	if (madt_info.nr_overrides == MADT_MAX_OVERRIDES) {
		pr_warn("ACPI: MADT: override IRQ%u beyond %d, ignored\n",
			e->source_irq, MADT_MAX_OVERRIDES);
		return;
	}
	o = &madt_info.override[madt_info.nr_overrides++];
	o->bus_irq = e->source_irq;
	o->gsi = e->global_irq;
	o->flags = e->inti_flags;
}

static int __init madt_entry(union acpi_subtable_headers *h, void *arg,
			     const unsigned long end)
{
	switch (h->common.type) {
	case ACPI_MADT_TYPE_LOCAL_APIC: {
		struct acpi_madt_local_apic *e = (void *)h;

		madt_add_cpu(e->id, e->lapic_flags);
		break;
	}
	case ACPI_MADT_TYPE_LOCAL_X2APIC: {
		struct acpi_madt_local_x2apic *e = (void *)h;

		madt_add_cpu(e->local_apic_id, e->lapic_flags);
		break;
	}
	case ACPI_MADT_TYPE_IO_APIC:
		madt_add_ioapic((void *)h);
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		madt_add_override((void *)h);
		break;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: {
		struct acpi_madt_local_apic_override *e = (void *)h;

		madt_info.lapic_addr = e->address;
		break;
	}
	default:
		break;		/* NMI sources and the like: not used */
	}
	return 0;
}

/**
 * acpi_parse_madt - fill madt_info from the MADT and the FADT's SCI
 *
 * Called from setup_arch() after acpi_table_init_early(). The SCI's
 * trigger and polarity are the override's if there is one, else
 * level/active-low as ACPI specifies.
 *
 * Return: 0, -ENODEV without a MADT, -EINVAL if it is corrupt (madt_info
 * then stays empty: valid == false).
 */
int __init acpi_parse_madt(void)
{
	struct acpi_table_madt *madt = (void *)acpi_get_table_early(ACPI_SIG_MADT, 0);
	int i, ret, enabled = 0;

	memset(&madt_info, 0, sizeof(madt_info));
	if (!madt)
		return -ENODEV;
	madt_info.lapic_addr = madt->address;
	madt_info.pcat_compat = madt->flags & ACPI_MADT_PCAT_COMPAT;
	ret = acpi_parse_entries_buf(&madt->header, sizeof(*madt),
				     ACPI_ANY_SUBTABLE, madt_entry, NULL, 0);
	if (ret < 0) {
		memset(&madt_info, 0, sizeof(madt_info));
		return ret;
	}
	madt_info.sci_irq = acpi_fadt_sci_irq();
	madt_info.sci_flags = MADT_POLARITY_LOW | MADT_TRIGGER_LEVEL;
	for (i = 0; i < madt_info.nr_overrides; i++)
		if (madt_info.override[i].bus_irq == madt_info.sci_irq &&
		    madt_info.override[i].flags)
			madt_info.sci_flags = madt_info.override[i].flags;
	madt_info.valid = true;

	for (i = 0; i < madt_info.nr_cpus; i++)
		enabled += madt_info.enabled[i];
	pr_info("ACPI: MADT: LAPIC %#llx, %d CPUs (%d enabled), %d IOAPIC, %d overrides%s\n",
		madt_info.lapic_addr, madt_info.nr_cpus, enabled,
		madt_info.nr_ioapics, madt_info.nr_overrides,
		madt_info.pcat_compat ? ", 8259 PICs" : "");
	for (i = 0; i < madt_info.nr_ioapics; i++)
		pr_info("ACPI: IOAPIC[%d]: id %u at %#x, GSI %u-\n", i,
			madt_info.ioapic[i].id, madt_info.ioapic[i].addr,
			madt_info.ioapic[i].gsi_base);
	for (i = 0; i < madt_info.nr_overrides; i++)
		pr_info("ACPI: INT_SRC_OVR: IRQ%u -> GSI %u flags %#x\n",
			madt_info.override[i].bus_irq, madt_info.override[i].gsi,
			madt_info.override[i].flags);
	return 0;
}

/* Register window sizes: a local APIC's page, an IOAPIC's 1 KiB. */
#define LAPIC_MMIO_SIZE		0x1000
#define IOAPIC_MMIO_SIZE	0x400
/* Where the local APIC is when no MADT says (its reset value). */
#define LAPIC_DEFAULT_ADDR	0xfee00000ULL

static char ioapic_names[MADT_MAX_IOAPICS][sizeof("IOAPIC 255")] __initdata;

/**
 * acpi_madt_claim_iomem - claim the APICs' registers in iomem_resource
 *
 * "Local APIC" at the MADT's address (the architectural default without a
 * MADT) and "IOAPIC <n>" for each IOAPIC it lists, busy, so that memory
 * is never hot-added over them. Parts that firmware already reserved stay
 * as they are. Called once at boot, after acpi_parse_madt() and once the
 * allocators are up.
 */
void __init acpi_madt_claim_iomem(void)
{
	u64 lapic = madt_info.valid ? madt_info.lapic_addr : LAPIC_DEFAULT_ADDR;
	int i;

	iomem_claim_free(lapic, lapic + LAPIC_MMIO_SIZE - 1, "Local APIC");
	for (i = 0; i < madt_info.nr_ioapics; i++) {
		u64 base = madt_info.ioapic[i].addr;

		snprintf(ioapic_names[i], sizeof(ioapic_names[i]), "IOAPIC %d", i);
		iomem_claim_free(base, base + IOAPIC_MMIO_SIZE - 1,
				 ioapic_names[i]);
	}
}
