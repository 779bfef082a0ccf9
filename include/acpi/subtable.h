/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The subtable union that acpi_table_parse_entries() hands to its
 * handlers (declared, opaque, in <linux/acpi.h>), for code that reads
 * table fields and so includes ACPICA's headers anyway.
 */
#ifndef _ACPI_SUBTABLE_H
#define _ACPI_SUBTABLE_H

#include <acpi/acpi.h>

union acpi_subtable_headers {
	struct acpi_subtable_header common;
};

#endif /* _ACPI_SUBTABLE_H */
