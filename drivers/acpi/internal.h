/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared between Tide's ACPI files in drivers/acpi (nothing outside):
 * table checks, the boot-time table list, the FADT summary and the
 * OS services layer's hooks. Includes ACPICA's headers.
 */
#ifndef _DRIVERS_ACPI_INTERNAL_H
#define _DRIVERS_ACPI_INTERNAL_H

#include <linux/acpi.h>
#include <acpi/acpi.h>
#include <acpi/subtable.h>

/* Room for the tables of any QEMU machine and then some. */
#define ACPI_MAX_EARLY_TABLES	64
/* A table longer than this is taken to be corrupt. */
#define ACPI_MAX_TABLE_LEN	(16u << 20)

/* Validation, usable on any buffer (tables.c, tested by tables_kunit.c). */
u8 acpi_checksum(const void *buf, size_t len);
int acpi_rsdp_check(const struct acpi_table_rsdp *rsdp, size_t avail);
int acpi_table_check(const struct acpi_table_header *table, size_t avail);

/* The boot-time table list (tables.c). */
void *acpi_early_table_va(phys_addr_t pa, size_t size);
bool acpi_early_table_owns(const void *va);
int acpi_early_table_count(void);

/**
 * struct acpi_fadt_info - what Tide uses from the FADT
 * @present: a valid FADT was found
 * @sci_irq: SCI interrupt (ISA IRQ)
 * @smi_cmd: SMI command port, 0 if ACPI mode is fixed
 * @pm1a_cnt: PM1a control register (I/O port or memory address)
 * @pm1b_cnt: PM1b control register, 0 if none
 * @pm1_cnt_mmio: the PM1 control blocks are in memory, not I/O space
 * @hw_reduced: HW_REDUCED_ACPI: no PM1 blocks, S5 through the sleep register
 * @s5_typa: SLP_TYPa for S5 (from \_S5 once the namespace is loaded)
 * @s5_typb: SLP_TYPb for S5
 */
struct acpi_fadt_info {
	bool present;
	u16 sci_irq;
	u32 smi_cmd;
	u64 pm1a_cnt;
	u64 pm1b_cnt;
	bool pm1_cnt_mmio;
	bool hw_reduced;
	u8 s5_typa;
	u8 s5_typb;
};

extern struct acpi_fadt_info acpi_fadt;
int acpi_parse_fadt(void);

/* container.c: "online" uevent of @child's container, if it has one. */
void acpi_container_online(acpi_handle child);

/* osl.c: deferred-work threads; the SCI handler run by hand (tests). */
int acpi_os_initialize_queues(void);
u32 acpi_sci_poll(void);

/* acpi.debug=1: list tables and devices at boot (tables.c). */
extern bool acpi_debug;

/* Set once ACPICA has loaded the namespace (bus.c). */
extern bool acpi_namespace_loaded;

/*
 * acpi_memhotplug.c: PNP0C80 memory devices. Its pure helpers are here
 * for acpi_memhotplug_kunit.c.
 */
#define ACPI_MEMORY_MAX_RANGES	8	/* per device; QEMU's DIMMs have one */
#define ACPI_MEMORY_PATH_LEN	32	/* "\\_SB_.MHPC.MP00" and deeper */

/* _OST status codes (ACPI 6.5, section 6.3.5) this driver reports. */
#define ACPI_MEMORY_OST_SUCCESS			0x00
#define ACPI_MEMORY_OST_FAILURE			0x01	/* non-specific */
#define ACPI_MEMORY_OST_DEVICE_BUSY		0x82	/* eject: busy */
#define ACPI_MEMORY_OST_EJECT_IN_PROGRESS	0x84	/* eject: pending */

/**
 * struct acpi_memory_range - one memory range of a device's _CRS
 * @start: first physical address
 * @size: length in bytes
 * @added: add_memory() succeeded for it: the device owns it
 */
struct acpi_memory_range {
	u64 start;
	u64 size;
	bool added;
};

struct acpi_memory_ranges {
	int nr;
	struct acpi_memory_range range[ACPI_MEMORY_MAX_RANGES];
};

int acpi_memory_collect_range(struct acpi_resource *res,
			      struct acpi_memory_ranges *ranges);
int acpi_memory_pick_node(bool has_pxm, u32 pxm, u64 start);
u32 acpi_memory_ost_code(u32 type, int err);

#endif /* _DRIVERS_ACPI_INTERNAL_H */
