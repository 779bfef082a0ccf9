// SPDX-License-Identifier: GPL-2.0
/*
 * The E820 memory map: copied from the PVH start info, printed, limited by
 * mem=, and turned into memblock's view of RAM. Firmware maps may be out of
 * order, overlapping, unaligned or hold zero-length entries; the rule that
 * makes all of those safe is: RAM is rounded inward to whole pages and
 * added, then every non-RAM range, rounded outward, is removed. So where
 * RAM and anything else overlap, the other type wins.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <asm/e820.h>
#include <asm/page.h>

struct e820_table e820_table;

/* mem=: highest physical address to use (x86 semantics), 0 = no limit. */
static u64 mem_limit;

/* Below this, mem= would leave too little to boot; it is refused. */
#define MEM_LIMIT_MIN	(32UL << 20)

void e820__range_add(u64 start, u64 size, enum e820_type type)
{
	u32 n = e820_table.nr_entries;

	if (n >= E820_MAX_ENTRIES) {
		pr_err("e820: too many entries; [mem %#018llx-%#018llx] ignored\n",
		       start, start + size - 1);
		return;
	}
	e820_table.entries[n].addr = start;
	e820_table.entries[n].size = size;
	e820_table.entries[n].type = type;
	e820_table.nr_entries = n + 1;
}

static const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM: return "usable";
	case E820_TYPE_RESERVED: return "reserved";
	case E820_TYPE_ACPI: return "ACPI data";
	case E820_TYPE_NVS: return "ACPI NVS";
	case E820_TYPE_UNUSABLE: return "unusable";
	case E820_TYPE_PMEM: return "persistent (type 7)";
	default: return "type unknown";
	}
}

void e820__print_table(const char *who)
{
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		if (!e->size)
			continue;
		pr_info("%s: [mem %#018llx-%#018llx] %s\n", who, e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
	}
}

/**
 * e820__table_to_memblock - feed a firmware map to memblock
 * @t: the map; not modified
 *
 * Adds RAM rounded inward, then removes every other type rounded outward
 * (see the top of this file). Entries that wrap around the address space
 * are reported and skipped.
 */
void e820__table_to_memblock(const struct e820_table *t)
{
	u32 i;

	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		u64 start = PAGE_ALIGN(e->addr);
		u64 end = (e->addr + e->size) & PAGE_MASK;

		if (e->type != E820_TYPE_RAM || !e->size)
			continue;
		if (e->addr + e->size < e->addr) {
			pr_warn("e820: entry %u wraps around, skipped\n", i);
			continue;
		}
		/* start is 0 if rounding up went past the top: nothing. */
		if (end > start && start >= e->addr)
			memblock_add(start, end - start);
	}
	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		u64 start = e->addr & PAGE_MASK;
		u64 end = PAGE_ALIGN(e->addr + e->size);

		if (e->type == E820_TYPE_RAM || !e->size)
			continue;
		if (e->addr + e->size < e->addr || end < start)
			end = PHYS_ADDR_MAX & PAGE_MASK;
		memblock_remove(start, end - start);
	}
}

void e820__memblock_setup(void)
{
	e820__table_to_memblock(&e820_table);
	if (mem_limit) {
		pr_info("e820: mem=%lluM: removing RAM above %#llx\n",
			mem_limit >> 20, mem_limit);
		memblock_remove(mem_limit, PHYS_ADDR_MAX - mem_limit);
	}
}

u64 e820__end_of_ram(void)
{
	return memblock_end_of_DRAM();
}

/* mem=<size>: use no RAM above this physical address (as x86 Linux does). */
static int __init parse_memopt(char *val)
{
	char *end;
	u64 limit;

	if (!val)
		return -EINVAL;
	limit = memparse(val, &end);
	if (*end || !limit)
		return -EINVAL;
	if (limit < MEM_LIMIT_MIN) {
		pr_warn("mem=%s is below the %luM Tide needs to boot\n", val,
			MEM_LIMIT_MIN >> 20);
		return -EINVAL;
	}
	mem_limit = limit;
	return 0;
}
early_param("mem", parse_memopt);
