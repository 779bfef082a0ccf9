/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GCC defines __linux__, so ACPICA's acenv.h asks for the Linux platform
 * header by this name. Tide answers with its own configuration instead.
 */
#ifndef _TIDE_ACPI_PLATFORM_ACLINUX_H
#define _TIDE_ACPI_PLATFORM_ACLINUX_H

#include <acpi/platform/actide.h>

#endif /* _TIDE_ACPI_PLATFORM_ACLINUX_H */
