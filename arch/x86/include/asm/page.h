/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tide's virtual memory map (Documentation/x86/memory-map.rst), 4-level
 * paging, 48-bit virtual addresses:
 *
 *   0000000000000000 - 00007fffffffefff 128 TiB  user space (TASK_SIZE_MAX)
 *   ffff888000000000 - ffffc87fffffffff  64 TiB  direct map of all RAM (mm only)
 *   ffffc88000000000 - ffffc8ffffffffff 512 GiB  ioremap/memremap (MMIO, firmware tables)
 *   ffffc90000000000 - ffffe8ffffffffff  32 TiB  vmalloc and kernel stacks
 *   ffffe90000000000 - ffffe9ffffffffff   1 TiB  kernel heap (slab pages)
 *   ffffea0000000000 - ffffeaffffffffff   1 TiB  vmemmap (struct page array)
 *   ffffffff80000000 - ffffffffbfffffff   1 GiB  kernel image
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

/* Constants usable from C, assembly and the linker script alike. */
#ifdef __ASSEMBLY__
#define _AC(x, suffix)		x
#else
#define __AC(x, suffix)		x##suffix
#define _AC(x, suffix)		__AC(x, suffix)
#endif

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PMD_SHIFT		21
#define PMD_SIZE		(_AC(1, UL) << PMD_SHIFT)
#define PUD_SHIFT		30
#define PUD_SIZE		(_AC(1, UL) << PUD_SHIFT)
#define PGDIR_SHIFT		39
#define PGDIR_SIZE		(_AC(1, UL) << PGDIR_SHIFT)
#define PTRS_PER_TABLE		512

#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define PAGE_OFFSET		_AC(0xffff888000000000, UL)
#define DIRECT_MAP_SIZE		(_AC(64, UL) << 40)
#define IOREMAP_START		_AC(0xffffc88000000000, UL)
#define IOREMAP_END		_AC(0xffffc90000000000, UL)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe90000000000, UL)
#define KHEAP_START		_AC(0xffffe90000000000, UL)
#define KHEAP_END		_AC(0xffffea0000000000, UL)
#define VMEMMAP_START		_AC(0xffffea0000000000, UL)
#define VMEMMAP_END		_AC(0xffffeb0000000000, UL)
#define KERNEL_IMAGE_SIZE	(_AC(1, UL) << 30)
/*
 * The user half: [0, TASK_SIZE_MAX). It ends one guard page below the
 * canonical hole at 1 << 47, so that nothing user space maps ends next to
 * the hole and a SYSCALL in the last user page cannot leave a
 * non-canonical return address for SYSRET.
 */
#define TASK_SIZE_MAX		((_AC(1, UL) << 47) - PAGE_SIZE)

#ifndef __ASSEMBLY__
#include <linux/types.h>

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(pfn)	(((phys_addr_t)(pfn)) << PAGE_SHIFT)
#define PHYS_PFN(pa)	((unsigned long)((pa) >> PAGE_SHIFT))
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)

/*
 * The direct map belongs to mm: page tables, the memmap and allocator
 * metadata use it. Memory handed to the rest of the kernel is always
 * mapped elsewhere (kernel heap or vmalloc), see mm/slab.c.
 */
#define __va(pa)	((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va)	((phys_addr_t)((unsigned long)(va) - PAGE_OFFSET))
#define __pa_symbol(va)	((phys_addr_t)((unsigned long)(va) - __START_KERNEL_map))

static inline bool is_direct_map_addr(unsigned long va)
{
	return va >= PAGE_OFFSET && va < PAGE_OFFSET + DIRECT_MAP_SIZE;
}

static inline bool is_kernel_image_addr(unsigned long va)
{
	return va >= __START_KERNEL_map;
}
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_PAGE_H */
