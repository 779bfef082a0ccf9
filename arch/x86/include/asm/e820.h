/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware memory map as the PVH start info gives it (E820 types).
 * Kept sorted and sanitised: overlapping, unaligned and zero-length
 * entries from firmware never reach memblock as they came.
 */
#ifndef _ASM_X86_E820_H
#define _ASM_X86_E820_H

#include <linux/types.h>

#define E820_MAX_ENTRIES	128

enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
	E820_TYPE_PMEM		= 7,
};

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
} __attribute__((packed));

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

void e820__range_add(u64 start, u64 size, enum e820_type type);
void e820__print_table(const char *who);
void e820__memblock_setup(void);
void e820__table_to_memblock(const struct e820_table *t);
u64 e820__end_of_ram(void);
void e820_claim_reserved(void);
void e820__reserve_holes(void);

#endif /* _ASM_X86_E820_H */
