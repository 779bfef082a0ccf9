/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the MADT and FADT told setup_arch(): CPUs by APIC id, IOAPICs,
 * interrupt source overrides and the SCI, for the APIC/SMP code
 * (filled by arch/x86/kernel/acpi/boot.c).
 */
#ifndef _ASM_X86_ACPI_H
#define _ASM_X86_ACPI_H

#include <linux/types.h>
#include <linux/errno.h>

#define MADT_MAX_IOAPICS	8
#define MADT_MAX_OVERRIDES	16

/* MPS INTI flags of an interrupt source override (ACPI 6.5, 5.2.12.5). */
#define MADT_POLARITY_MASK	0x3
#define MADT_POLARITY_CONFORMS	0x0
#define MADT_POLARITY_HIGH	0x1
#define MADT_POLARITY_LOW	0x3
#define MADT_TRIGGER_MASK	0xc
#define MADT_TRIGGER_CONFORMS	0x0
#define MADT_TRIGGER_EDGE	0x4
#define MADT_TRIGGER_LEVEL	0xc

struct madt_ioapic {
	u8 id;
	u32 addr;		/* physical MMIO base */
	u32 gsi_base;
};

struct madt_override {
	u8 bus_irq;		/* ISA IRQ */
	u32 gsi;
	u16 flags;		/* MADT_POLARITY_* | MADT_TRIGGER_* */
};

/**
 * struct x86_madt_info - the machine's interrupt topology from the MADT
 * @valid: a MADT was found and parsed
 * @lapic_addr: local APIC physical base (the 64-bit override if present)
 * @pcat_compat: 8259 PICs present (they must be masked)
 * @nr_cpus: entries in @apic_id/@enabled, the boot CPU's included
 * @apic_id: APIC id of each processor entry, in MADT order
 * @enabled: the processor is usable now (else "online capable" at most)
 * @nr_ioapics: entries in @ioapic
 * @nr_overrides: entries in @override
 * @sci_irq: the FADT's SCI interrupt (ISA IRQ number), 0 without FADT
 * @sci_flags: the override's flags for the SCI, or level/low by default
 */
struct x86_madt_info {
	bool valid;
	u64 lapic_addr;
	bool pcat_compat;
	int nr_cpus;
	u32 apic_id[CONFIG_NR_CPUS];
	bool enabled[CONFIG_NR_CPUS];
	int nr_ioapics;
	struct madt_ioapic ioapic[MADT_MAX_IOAPICS];
	int nr_overrides;
	struct madt_override override[MADT_MAX_OVERRIDES];
	u8 sci_irq;
	u16 sci_flags;
};

extern struct x86_madt_info madt_info;

#ifdef CONFIG_ACPI
int acpi_parse_madt(void);
void acpi_madt_claim_iomem(void);
#else
static inline int acpi_parse_madt(void) { return -ENODEV; }
static inline void acpi_madt_claim_iomem(void) { }
#endif /* CONFIG_ACPI */

#endif /* _ASM_X86_ACPI_H */
