/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPICA's acenvex.h includes this after all its own headers (again
 * chosen by __linux__); Tide's declarations that need ACPICA types follow.
 */
#ifndef _TIDE_ACPI_PLATFORM_ACLINUXEX_H
#define _TIDE_ACPI_PLATFORM_ACLINUXEX_H

#include <acpi/platform/actideex.h>

#endif /* _TIDE_ACPI_PLATFORM_ACLINUXEX_H */
