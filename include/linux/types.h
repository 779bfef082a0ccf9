/* SPDX-License-Identifier: GPL-2.0 */
/* Fixed-width integer types and the handful of kernel typedefs built on them. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdarg.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef unsigned long uintptr_t;
typedef _Bool bool;

typedef u64 phys_addr_t;
typedef unsigned short umode_t;	/* file type and permission bits */
typedef long long loff_t;	/* a file offset */
typedef unsigned int gfp_t;

#define true 1
#define false 0
#define NULL ((void *)0)

#define U8_MAX 0xff
#define U32_MAX 0xffffffffU
#define U64_MAX 0xffffffffffffffffULL
#define ULONG_MAX (~0UL)
#define LONG_MAX ((long)(ULONG_MAX >> 1))
#define INT_MAX 0x7fffffff
#define UINT_MAX 0xffffffffU
#define PHYS_ADDR_MAX (~(phys_addr_t)0)

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _LINUX_TYPES_H */
