// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch: from the firmware's description of the machine to memblock,
 * Tide's own page tables and the sparse memmap.
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/acpi.h>
#include <asm/bootparam.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/numa.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/traps.h>


/* Memory below 1 MiB holds firmware data (EBDA, BIOS tables); keep it. */
#define LOW_RESERVE	SZ_1M

static void reserve_boot_data(void)
{
	struct boot_info *bi = &boot_info;

	memblock_reserve(0, LOW_RESERVE);
	memblock_reserve(__pa_symbol(_text), PAGE_ALIGN(__pa_symbol(_end)) -
			 __pa_symbol(_text));
	memblock_reserve(bi->start_info_pa, sizeof(struct hvm_start_info));
	if (bi->cmdline_size)
		memblock_reserve(bi->cmdline_pa, bi->cmdline_size);
	if (bi->memmap_size)
		memblock_reserve(bi->memmap_pa, bi->memmap_size);
	if (bi->modlist_size)
		memblock_reserve(bi->modlist_pa, bi->modlist_size);
	if (bi->initrd_size) {
		memblock_reserve(bi->initrd_start, bi->initrd_size);
		pr_info("initrd: [mem %#018llx-%#018llx]\n", bi->initrd_start,
			bi->initrd_start + bi->initrd_size - 1);
	}
}

/*
 * The resource tree spans what the CPU can address (MAXPHYADDR), as in
 * Linux: a range past it, from the probe file, ACPI or the SRAT, then
 * conflicts with the root and is refused before anything maps it.
 */
static void __init setup_iomem_root(void)
{
	unsigned int bits = x86_phys_bits();

	iomem_resource.end = (1ULL << bits) - 1;
	pr_info("x86: %u physical address bits, iomem up to %#llx\n", bits,
		(unsigned long long)iomem_resource.end);
}

/*
 * What firmware and the chipset own, claimed in iomem_resource once the
 * allocators are up and after boot RAM (core_initcall in kernel/resource.c):
 * the E820 entries that are not RAM, then the APICs, then the holes.
 */
static int __init x86_claim_iomem(void)
{
	e820_claim_reserved();
	acpi_madt_claim_iomem();
	e820__reserve_holes();
	return 0;
}
arch_initcall(x86_claim_iomem);

void setup_arch(void)
{
	trap_init();
	tsc_init();
	setup_iomem_root();
	e820__print_table("BIOS-e820");
	e820__memblock_setup();
	reserve_boot_data();
	/*
	 * Boot allocations go bottom-up, just above the kernel image: first
	 * because only the first GiB is mapped yet, and for good because low
	 * memory next to the kernel is what is least likely to be unplugged
	 * or to end up in ZONE_MOVABLE (Tide has no ZONE_DMA to keep free).
	 */
	memblock_set_bottom_up(true);
	init_mem_mapping();
	boot_stack_guard_init();
	/* Firmware tables, then the nodes the SRAT describes. */
	acpi_table_init_early();
	acpi_parse_madt();
	acpi_numa_init();
	x86_numa_init();
	memblock_dump_all();
	sparse_init();
	free_area_init();
}
