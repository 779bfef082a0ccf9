/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPICA's host configuration for Tide: integer types, the C library
 * ACPICA may call, lock and cache types for the OS services layer
 * (drivers/acpi/osl.c), the FACS global lock and message prefixes.
 */
#ifndef _TIDE_ACPI_PLATFORM_ACTIDE_H
#define _TIDE_ACPI_PLATFORM_ACTIDE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/init.h>
#include <asm/io.h>

/* Integer model: LP64, with Tide's u8..u64 as ACPICA's fixed types. */
#define ACPI_USE_SYSTEM_INTTYPES
#define ACPI_MACHINE_WIDTH		64
#define COMPILER_DEPENDENT_INT64	long long
#define COMPILER_DEPENDENT_UINT64	unsigned long long
#define ACPI_USE_NATIVE_DIVIDE
#define ACPI_USE_NATIVE_MATH64
#define acpi_uintptr_t			uintptr_t
#define ACPI_TO_INTEGER(p)		((uintptr_t)(p))
#define ACPI_OFFSET(d, f)		offsetof(d, f)

/* ACPICA uses Tide's string routines plus the few below. */
#define ACPI_USE_SYSTEM_CLIBRARY
#define ACPI_USE_DO_WHILE_0
#define ACPI_IGNORE_PACKAGE_RESOLUTION_ERRORS

/* Tide has PCI configuration space through ports 0xcf8/0xcfc. */
#define ACPI_PCI_CONFIGURED

#define ACPI_INIT_FUNCTION		__init

/* Write back and invalidate the caches, before entering a sleep state. */
static inline void acpi_tide_wbinvd(void)
{
	__asm__ __volatile__("wbinvd" ::: "memory");
}

#define ACPI_FLUSH_CPU_CACHE()		acpi_tide_wbinvd()

/* OS services objects (drivers/acpi/osl.c owns their layout). */
struct acpi_tide_cache;
#define acpi_cache_t			struct acpi_tide_cache
#define acpi_spinlock			spinlock_t *
#define acpi_raw_spinlock		spinlock_t *
#define acpi_cpu_flags			unsigned long
/* osl.c has its own acpi_os_allocate_zeroed(): kzalloc(). */
#define USE_NATIVE_ALLOCATE_ZEROED

#define ACPI_MSG_ERROR			KERN_ERR "ACPI Error: "
#define ACPI_MSG_EXCEPTION		KERN_ERR "ACPI Exception: "
#define ACPI_MSG_WARNING		KERN_WARNING "ACPI Warning: "
#define ACPI_MSG_INFO			KERN_INFO "ACPI: "
#define ACPI_MSG_BIOS_ERROR		KERN_ERR "ACPI BIOS Error (bug): "
#define ACPI_MSG_BIOS_WARNING		KERN_WARNING "ACPI BIOS Warning (bug): "

/*
 * The FACS global lock word: bit 0 "pending" (someone waits), bit 1
 * "owned". Taking it sets owned, or pending when it is already owned;
 * the caller got it when it was free. Giving it back clears both and
 * reports whether a waiter must be told (GBL_RLS).
 */
#define TIDE_GLOCK_PENDING	0x1u
#define TIDE_GLOCK_OWNED	0x2u

static inline bool acpi_tide_take_global_lock(u32 *word)
{
	u32 old = __atomic_load_n(word, __ATOMIC_RELAXED), new;

	do {
		new = (old & ~TIDE_GLOCK_PENDING) | TIDE_GLOCK_OWNED;
		if (old & TIDE_GLOCK_OWNED)
			new |= TIDE_GLOCK_PENDING;
	} while (!__atomic_compare_exchange_n(word, &old, new, false,
					      __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
	return !(old & TIDE_GLOCK_OWNED);
}

static inline bool acpi_tide_give_global_lock(u32 *word)
{
	u32 old = __atomic_load_n(word, __ATOMIC_RELAXED);

	while (!__atomic_compare_exchange_n(word, &old,
					    old & ~(TIDE_GLOCK_PENDING | TIDE_GLOCK_OWNED),
					    false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		;
	return old & TIDE_GLOCK_PENDING;
}

#define ACPI_ACQUIRE_GLOBAL_LOCK(facs, acquired) \
	((acquired) = acpi_tide_take_global_lock(&(facs)->global_lock))
#define ACPI_RELEASE_GLOBAL_LOCK(facs, pending) \
	((pending) = acpi_tide_give_global_lock(&(facs)->global_lock))

/*
 * The C library routines ACPICA needs beyond <linux/string.h>, under
 * Tide names (drivers/acpi/acpica_libc.c) so that they never collide with
 * a later lib/string.c.
 */
char *acpi_tide_strcpy(char *dst, const char *src);
char *acpi_tide_strncpy(char *dst, const char *src, size_t n);
char *acpi_tide_strcat(char *dst, const char *src);
char *acpi_tide_strncat(char *dst, const char *src, size_t n);
unsigned long acpi_tide_strtoul(const char *s, char **end, int base);
#define strcpy		acpi_tide_strcpy
#define strncpy		acpi_tide_strncpy
#define strcat		acpi_tide_strcat
#define strncat		acpi_tide_strncat
#define strtoul		acpi_tide_strtoul

static inline int acpi_tide_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int acpi_tide_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int acpi_tide_islower(int c) { return c >= 'a' && c <= 'z'; }
static inline int acpi_tide_isalpha(int c)
{
	return acpi_tide_isupper(c) || acpi_tide_islower(c);
}

static inline int acpi_tide_isxdigit(int c)
{
	return acpi_tide_isdigit(c) || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static inline int acpi_tide_isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int acpi_tide_isprint(int c) { return c >= 0x20 && c < 0x7f; }
static inline int acpi_tide_toupper(int c)
{
	return acpi_tide_islower(c) ? c - 'a' + 'A' : c;
}

static inline int acpi_tide_tolower(int c)
{
	return acpi_tide_isupper(c) ? c - 'A' + 'a' : c;
}

#define isdigit		acpi_tide_isdigit
#define isupper		acpi_tide_isupper
#define islower		acpi_tide_islower
#define isalpha		acpi_tide_isalpha
#define isxdigit	acpi_tide_isxdigit
#define isspace		acpi_tide_isspace
#define isprint		acpi_tide_isprint
#define toupper		acpi_tide_toupper
#define tolower		acpi_tide_tolower

#endif /* _TIDE_ACPI_PLATFORM_ACTIDE_H */
