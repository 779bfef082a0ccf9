// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code: runs on the early page tables (first GiB mapped at 0
 * and at -2 GiB) with the boot stack, and copies what it needs out of the
 * PVH start info before anything can overwrite it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/bootparam.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/setup.h>

struct boot_info boot_info;


/* Physical memory below 1 GiB, through the early kernel-image mapping. */
static void *early_phys(phys_addr_t pa)
{
	return (void *)(pa + __START_KERNEL_map);
}

static void __init copy_start_info(u32 pa)
{
	struct hvm_start_info *si = early_phys(pa);
	struct hvm_memmap_table_entry *mm;
	u32 i;

	boot_info.start_info_pa = pa;
	if (si->magic != HVM_START_MAGIC)
		panic("PVH start info at %#x has bad magic %#x", pa, si->magic);
	boot_info.rsdp_pa = si->rsdp_paddr;
	if (si->cmdline_paddr) {
		const char *cl = early_phys(si->cmdline_paddr);

		strscpy(boot_command_line, cl, CONFIG_CMDLINE_SIZE);
		boot_info.cmdline_pa = si->cmdline_paddr;
		boot_info.cmdline_size = strlen(cl) + 1;
	}
	if (si->nr_modules && si->modlist_paddr) {
		struct hvm_modlist_entry *mod = early_phys(si->modlist_paddr);

		boot_info.modlist_pa = si->modlist_paddr;
		boot_info.modlist_size = si->nr_modules * sizeof(*mod);
		boot_info.initrd_start = mod->paddr;
		boot_info.initrd_size = mod->size;
	}
	if (si->version < 1 || !si->memmap_paddr)
		panic("PVH start info version %u has no memory map", si->version);
	mm = early_phys(si->memmap_paddr);
	boot_info.memmap_pa = si->memmap_paddr;
	boot_info.memmap_size = si->memmap_entries * sizeof(*mm);
	for (i = 0; i < si->memmap_entries; i++)
		e820__range_add(mm[i].addr, mm[i].size, mm[i].type);
}

void __noreturn x86_64_start_kernel(u32 start_info_pa)
{
	serial_console_init();
	copy_start_info(start_info_pa);
	start_kernel();
	panic("start_kernel returned");
}
