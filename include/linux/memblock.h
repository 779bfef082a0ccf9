/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time view of physical memory. "memory" lists the RAM
 * the firmware reported, "reserved" what is already in use. Regions in
 * each list are sorted, non-overlapping, and merged when they touch and
 * agree on flags and node. memblock hands out memory until the buddy
 * allocator takes over (memblock_free_all()).
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define MEMBLOCK_ALLOC_ANYWHERE	(~(phys_addr_t)0)
#define MEMBLOCK_INIT_REGIONS	256
#define NUMA_NO_NODE		(-1)
#define MAX_NUMNODES		(1 << CONFIG_NODES_SHIFT)

enum memblock_flags {
	MEMBLOCK_NONE		= 0x0,	/* nothing special */
	MEMBLOCK_HOTPLUG	= 0x1,	/* firmware says it can be unplugged */
	MEMBLOCK_MIRROR		= 0x2,	/* mirrored (reliable) memory */
	MEMBLOCK_NOMAP		= 0x4,	/* not in the direct map */
};

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
	int nid;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	bool bottom_up;		/* allocate upwards from the kernel image */
	bool skip_hotplug;	/* never allocate from MEMBLOCK_HOTPLUG memory */
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid);

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* Zeroed memory for mm's own boot data, through the direct map; panics. */
void *memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align);

void memblock_set_bottom_up(bool enable);
void memblock_set_current_limit(phys_addr_t limit);
void memblock_set_skip_hotplug(bool enable);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
void memblock_dump_all(void);

/* Calls @fn on each free (memory minus reserved) range, lowest first. */
void memblock_walk_free(void (*fn)(phys_addr_t start, phys_addr_t end,
				   int nid, void *arg), void *arg);

static inline phys_addr_t memblock_region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

#define for_each_mem_region(rgn) \
	for (rgn = memblock.memory.regions; \
	     rgn < memblock.memory.regions + memblock.memory.cnt; rgn++)
#define for_each_reserved_mem_region(rgn) \
	for (rgn = memblock.reserved.regions; \
	     rgn < memblock.reserved.regions + memblock.reserved.cnt; rgn++)

#endif /* _LINUX_MEMBLOCK_H */
