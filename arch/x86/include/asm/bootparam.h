/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PVH boot ABI (Xen's hvm_start_info, version 1): what QEMU hands
 * pvh_start_32 in %ebx. Field layout is fixed by the ABI.
 */
#ifndef _ASM_X86_BOOTPARAM_H
#define _ASM_X86_BOOTPARAM_H

#include <linux/types.h>

#define HVM_START_MAGIC	0x336ec578

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

/* What setup_arch() keeps from the start info for later stages. */
struct boot_info {
	phys_addr_t start_info_pa;
	phys_addr_t rsdp_pa;		/* ACPI, for the next issue */
	phys_addr_t initrd_start;	/* first module, if any */
	u64 initrd_size;
	phys_addr_t cmdline_pa;
	u64 cmdline_size;
	phys_addr_t memmap_pa;
	u64 memmap_size;
	phys_addr_t modlist_pa;
	u64 modlist_size;
};

extern struct boot_info boot_info;

#endif /* _ASM_X86_BOOTPARAM_H */
