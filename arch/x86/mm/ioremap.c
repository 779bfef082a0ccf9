// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap and memremap: mappings of device registers and firmware tables
 * in their own range (IOREMAP_START..IOREMAP_END), usable as soon as
 * Tide's page tables are live, before any allocator runs.
 *
 * DOC: ioremap
 *
 * Areas are tracked in a fixed, address-sorted table (no allocation, so
 * the ACPI table code can use it in setup_arch()); each area is followed
 * by an unmapped guard page. ioremap() maps uncached (PCD|PWT) and refuses
 * RAM the allocator owns, which must never get a second, conflicting
 * cache type; memremap(MEMREMAP_WB) maps cacheable and accepts anything.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/pgtable.h>

#define IOREMAP_MAX_AREAS	128

struct ioremap_area {
	unsigned long va;	/* page-aligned start of the mapping */
	unsigned long size;	/* mapped bytes, guard page not included */
};

/* ioremap_lock protects areas[] and nr_areas. */
static DEFINE_SPINLOCK(ioremap_lock);
static struct ioremap_area areas[IOREMAP_MAX_AREAS];
static unsigned long nr_areas;

/* Finds room for @size bytes plus a guard page; returns 0 if none. */
static unsigned long ioremap_reserve(unsigned long size)
{
	unsigned long va = IOREMAP_START, i;

	if (nr_areas == IOREMAP_MAX_AREAS)
		return 0;
	for (i = 0; i < nr_areas; i++) {
		if (areas[i].va - va >= size + PAGE_SIZE)
			break;
		va = areas[i].va + areas[i].size + PAGE_SIZE;
	}
	if (va > IOREMAP_END || IOREMAP_END - va < size + PAGE_SIZE)
		return 0;
	memmove(&areas[i + 1], &areas[i], (nr_areas - i) * sizeof(areas[0]));
	areas[i].va = va;
	areas[i].size = size;
	nr_areas++;
	return va;
}

/* The size of the area starting at @va, or 0 if there is none. */
static unsigned long ioremap_area_size(unsigned long va)
{
	unsigned long i;

	for (i = 0; i < nr_areas; i++)
		if (areas[i].va == va)
			return areas[i].size;
	return 0;
}

/* Removes the area starting at @va; returns its size, or 0 if none. */
static unsigned long ioremap_release(unsigned long va)
{
	unsigned long i, size;

	for (i = 0; i < nr_areas; i++) {
		if (areas[i].va != va)
			continue;
		size = areas[i].size;
		memmove(&areas[i], &areas[i + 1],
			(nr_areas - i - 1) * sizeof(areas[0]));
		nr_areas--;
		return size;
	}
	return 0;
}

static void *__ioremap(phys_addr_t phys, size_t size, pgprot_t prot)
{
	phys_addr_t base = phys & PAGE_MASK;
	unsigned long len, va, flags;

	if (!size || phys + size < phys || !direct_map_ready)
		return NULL;
	len = PAGE_ALIGN(phys + size) - base;
	spin_lock_irqsave(&ioremap_lock, flags);
	va = ioremap_reserve(len);
	spin_unlock_irqrestore(&ioremap_lock, flags);
	if (!va) {
		pr_err("ioremap: no room to map %#llx+%#lx\n", phys, (unsigned long)size);
		return NULL;
	}
	if (kernel_map_range(va, base, len, prot, 0)) {
		spin_lock_irqsave(&ioremap_lock, flags);
		ioremap_release(va);
		spin_unlock_irqrestore(&ioremap_lock, flags);
		return NULL;
	}
	return (void *)(va + (phys - base));
}

static void __iounmap(const volatile void *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, size, flags;

	if (!addr)
		return;
	if (WARN_ON_ONCE(va < IOREMAP_START || va >= IOREMAP_END))
		return;
	/* Unmap first: once released, the range can be handed out again. */
	spin_lock_irqsave(&ioremap_lock, flags);
	size = ioremap_area_size(va);
	spin_unlock_irqrestore(&ioremap_lock, flags);
	if (WARN_ON_ONCE(!size))
		return;
	kernel_unmap_range(va, size);
	spin_lock_irqsave(&ioremap_lock, flags);
	ioremap_release(va);
	spin_unlock_irqrestore(&ioremap_lock, flags);
}

/* RAM the buddy allocator owns (or will own): not for uncached mappings. */
static bool is_managed_ram(phys_addr_t phys, size_t size)
{
	unsigned long pfn;

	for (pfn = PFN_DOWN(phys); pfn < PFN_UP(phys + size); pfn++)
		if (pfn_valid(pfn) && !PageReserved(pfn_to_page(pfn)))
			return true;
	return false;
}

/**
 * ioremap - map device registers uncached
 * @phys: physical address (need not be page aligned)
 * @size: bytes
 *
 * Return: an address for readl()/writel() and friends, or NULL when the
 * range is allocator-owned RAM, the window is full, or page tables cannot
 * be allocated. Works from setup_arch() on (after init_mem_mapping()).
 */
void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	if (page_alloc_ready() && is_managed_ram(phys, size)) {
		WARN_ON_ONCE(1);
		return NULL;
	}
	return __ioremap(phys, size, PAGE_KERNEL_NOCACHE);
}

void iounmap(volatile void __iomem *addr)
{
	__iounmap((const void *)addr);
}

/**
 * memremap - map memory (firmware tables, reserved RAM) cacheable
 * @flags: MEMREMAP_WB
 *
 * Return: the address of @phys, or NULL (see ioremap()).
 */
void *memremap(phys_addr_t phys, size_t size, unsigned long flags)
{
	if (flags != MEMREMAP_WB)
		return NULL;
	return __ioremap(phys, size, PAGE_KERNEL);
}

void memunmap(void *addr)
{
	__iounmap(addr);
}

unsigned long ioremap_nr_areas(void)
{
	return nr_areas;
}
