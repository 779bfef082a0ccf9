/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declarations of Tide's OS services layer that need ACPICA's types;
 * included at the end of <acpi/acpi.h> through the aclinuxex.h shim.
 */
#ifndef _TIDE_ACPI_PLATFORM_ACTIDEEX_H
#define _TIDE_ACPI_PLATFORM_ACTIDEEX_H

/* Nothing yet: every acpi_os_*() has ACPICA's own prototype. */

#endif /* _TIDE_ACPI_PLATFORM_ACTIDEEX_H */
