/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPICA's utobject.c includes this Linux header; Tide has no leak
 * detector, so the one call it makes does nothing. ACPICA builds only.
 */
#ifndef _TIDE_ACPICA_SHIM_KMEMLEAK_H
#define _TIDE_ACPICA_SHIM_KMEMLEAK_H

#define kmemleak_not_leak(ptr)	do { (void)(ptr); } while (0)

#endif /* _TIDE_ACPICA_SHIM_KMEMLEAK_H */
