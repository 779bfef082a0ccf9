// SPDX-License-Identifier: GPL-2.0
/*
 * The E820 memory map: copied from the PVH start info, printed, limited by
 * mem=, and turned into memblock's view of RAM. Firmware maps may be out of
 * order, overlapping, unaligned or hold zero-length entries; the rule that
 * makes all of those safe is: RAM is rounded inward to whole pages and
 * added, then every non-RAM range, rounded outward, is removed. So where
 * RAM and anything else overlap, the other type wins. mem= is rounded down
 * to a page, and whatever else is left, memblock ends on page boundaries.
 *
 * At boot the non-RAM ranges, and the hole below 4 GiB that no entry
 * describes, are claimed in iomem_resource, so that memory hot-add never
 * lands on firmware data or MMIO (Documentation/x86/memory-map.rst).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ioport.h>
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

/*
 * Every memblock RAM region must start and end on a page boundary: the
 * direct map and the memmap are made of whole pages. Cuts the partial
 * pages off any region that does not (none should be left by the code
 * above; this keeps the rule whatever removed a part of RAM).
 */
static void __init e820__memblock_trim(void)
{
	struct memblock_region *r;
	bool cut;

	do {
		cut = false;
		for_each_mem_region(r) {
			phys_addr_t start = r->base, end = memblock_region_end(r);
			phys_addr_t in_start = PAGE_ALIGN(start);
			phys_addr_t in_end = end & PAGE_MASK;

			if (start == in_start && end == in_end)
				continue;
			pr_warn("e820: RAM [mem %#018llx-%#018llx] not page aligned, trimmed\n",
				start, end - 1);
			if (in_start >= in_end) {
				memblock_remove(start, end - start);
			} else {
				memblock_remove(start, in_start - start);
				memblock_remove(in_end, end - in_end);
			}
			cut = true;
			break;		/* the region list changed: start over */
		}
	} while (cut);
}

void e820__memblock_setup(void)
{
	e820__table_to_memblock(&e820_table);
	if (mem_limit) {
		pr_info("e820: mem=%lluK: removing RAM above %#llx\n",
			mem_limit >> 10, mem_limit);
		memblock_remove(mem_limit, PHYS_ADDR_MAX - mem_limit);
	}
	e820__memblock_trim();
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
	/* Only whole pages are RAM: an unaligned limit is rounded down. */
	limit &= PAGE_MASK;
	if (limit < MEM_LIMIT_MIN) {
		pr_warn("mem=%s is below the %luM Tide needs to boot\n", val,
			MEM_LIMIT_MIN >> 20);
		return -EINVAL;
	}
	mem_limit = limit;
	return 0;
}
early_param("mem", parse_memopt);

/* The names /proc/iomem shows for non-RAM E820 types (Linux's spellings). */
static const struct {
	u32 type;
	const char *name;
} e820_iomem_names[] = {
	{ E820_TYPE_ACPI,	"ACPI Tables" },
	{ E820_TYPE_NVS,	"ACPI Non-volatile Storage" },
	{ E820_TYPE_UNUSABLE,	"Unusable memory" },
	{ E820_TYPE_PMEM,	"Persistent Memory (legacy)" },
};

static const char *e820_type_to_iomem_name(u32 type)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(e820_iomem_names); i++)
		if (e820_iomem_names[i].type == type)
			return e820_iomem_names[i].name;
	return "Reserved";
}

/**
 * e820_claim_reserved - claim the firmware's non-RAM ranges
 *
 * Each entry that is not RAM becomes a busy resource of iomem_resource,
 * named for its type; parts already claimed are left to their owner, and
 * parts beyond the CPU's physical address space are not claimed (the root
 * ends there). RAM is not claimed here: "System RAM" comes from memblock
 * (kernel/resource.c), so RAM that mem= hides stays free for hot-add.
 * Called once at boot, after the allocators are up.
 */
void __init e820_claim_reserved(void)
{
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 end = e->addr + e->size - 1;

		if (e->type == E820_TYPE_RAM || !e->size)
			continue;
		if (end < e->addr)
			end = ~0ULL;
		if (iomem_claim_free(e->addr, end,
				     e820_type_to_iomem_name(e->type)) < 0)
			pr_warn("e820: [mem %#018llx-%#018llx] not claimed\n",
				e->addr, end);
	}
}

/*
 * The end of the RAM below 4 GiB that the firmware map describes,
 * mem= notwithstanding: where the hole for MMIO starts on a PC.
 */
static u64 __init e820__end_of_low_ram(void)
{
	u64 end = 0;
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type != E820_TYPE_RAM || e->addr >= SZ_4G ||
		    e->addr + e->size < e->addr)
			continue;
		end = max(end, min_t(u64, e->addr + e->size, SZ_4G));
	}
	return PAGE_ALIGN(end);
}

/**
 * e820__reserve_holes - claim what the firmware map leaves out below 4 GiB
 *
 * The hole between the end of low RAM and 4 GiB holds PCI BARs, the
 * IOAPICs, the HPET, the local APIC and the BIOS flash; the first MiB holds
 * the VGA window and option ROMs. Neither is ever RAM to hot-add. Each part
 * that nothing claimed before (call it after e820_claim_reserved() and
 * the interrupt controllers) becomes busy: "Video RAM area" 0xa0000-0xbffff,
 * "Video ROM" 0xc0000-0xc7fff, "Adapter ROM" 0xc8000-0xeffff, "System ROM"
 * 0xf0000-0xfffff, "Reserved" 0xfffc0000-0xffffffff (the BIOS), and
 * "PCI mem" for the rest of the hole: Linux's PCI host bridge windows,
 * which Tide keeps busy; the PCI core nests BARs in them itself
 * (iomem_request_within()).
 */
void __init e820__reserve_holes(void)
{
	u64 low_end = max_t(u64, e820__end_of_low_ram(), SZ_1M);

	iomem_claim_free(0xa0000, 0xbffff, "Video RAM area");
	iomem_claim_free(0xc0000, 0xc7fff, "Video ROM");
	iomem_claim_free(0xc8000, 0xeffff, "Adapter ROM");
	iomem_claim_free(0xf0000, 0xfffff, "System ROM");
	iomem_claim_free(0xfffc0000, SZ_4G - 1, "Reserved");
	if (low_end < SZ_4G)
		iomem_claim_free(low_end, SZ_4G - 1, "PCI mem");
}
