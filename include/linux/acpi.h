/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI for the rest of Tide: the early table list and subtable walker
 * (drivers/acpi/tables.c), the namespace (drivers/acpi/bus.c) and ACPI
 * power off. Needs none of ACPICA's headers; code that reads table fields
 * includes <acpi/acpi.h> itself.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/types.h>
#include <linux/errno.h>

struct acpi_table_header;
/*
 * One entry of a MADT/SRAT-like table, as the walker hands it over: it
 * starts with ACPICA's struct acpi_subtable_header (type, length) and
 * handlers cast it to the entry type they asked for.
 */
union acpi_subtable_headers;

/* As ACPICA declares them, for code that does not include ACPICA. */
typedef void *acpi_handle;
typedef void (*acpi_notify_handler)(acpi_handle device, u32 value,
				    void *context);

typedef int (*acpi_tbl_entry_handler)(union acpi_subtable_headers *sub,
				      void *arg, const unsigned long end);

/* entry_type for acpi_table_parse_entries(): every known type. */
#define ACPI_ANY_SUBTABLE	(-1)

#ifdef CONFIG_ACPI

extern bool acpi_disabled;

int acpi_table_init_early(void);
struct acpi_table_header *acpi_get_table_early(const char *sig, int instance);
int acpi_table_parse_entries(const char *sig, size_t table_hdr_size,
			     int entry_type, acpi_tbl_entry_handler handler,
			     void *arg, unsigned int max_entries);
int acpi_parse_entries_buf(const struct acpi_table_header *table,
			   size_t table_hdr_size, int entry_type,
			   acpi_tbl_entry_handler handler, void *arg,
			   unsigned int max_entries);
int acpi_numa_init(void);
/* Enters S5 through the FADT; returns only if that did not work. */
void acpi_power_off(void);
/* The SCI's IRQ from the FADT (drivers/acpi/sleep.c); 0 without one. */
u16 acpi_fadt_sci_irq(void);

#else /* !CONFIG_ACPI */

#define acpi_disabled true

static inline int acpi_table_init_early(void) { return -ENODEV; }
static inline struct acpi_table_header *acpi_get_table_early(const char *sig,
							      int instance)
{
	return NULL;
}

static inline int acpi_table_parse_entries(const char *sig,
					   size_t table_hdr_size, int entry_type,
					   acpi_tbl_entry_handler handler,
					   void *arg, unsigned int max_entries)
{
	return -ENODEV;
}

static inline int acpi_numa_init(void) { return -ENODEV; }

static inline void acpi_power_off(void) { }
static inline u16 acpi_fadt_sci_irq(void) { return 0; }

#endif /* CONFIG_ACPI */

#endif /* _LINUX_ACPI_H */
