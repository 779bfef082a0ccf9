/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory blocks: the unit memory is hot-added, onlined, offlined and
 * removed in, each a device /sys/devices/system/memory/memoryN.
 */
#ifndef _LINUX_MEMORY_H
#define _LINUX_MEMORY_H

#include <linux/types.h>
#include <linux/device.h>

/* A block's state; Linux's values (memoryN/state reads their names). */
#define MEM_ONLINE	(1 << 0)
#define MEM_OFFLINE	(1 << 2)

/**
 * struct memory_block - one memory block (in Tide: one 128 MiB section)
 * @start_section_nr: its section number, also N in memoryN
 * @state: MEM_ONLINE or MEM_OFFLINE
 * @nid: the node its memory belongs to
 * @dev: its device on memory_subsys, dev.id == @start_section_nr
 *
 * Created and removed under the hotplug lock, which also protects @state.
 */
struct memory_block {
	unsigned long start_section_nr;
	unsigned long state;
	int nid;
	struct device dev;
};

/* /sys/devices/system/memory, owned by drivers/base/memory.c */
extern struct bus_type memory_subsys;

int create_memory_block_devices(unsigned long start, unsigned long size,
				int nid);
void remove_memory_block_devices(unsigned long start, unsigned long size);
struct memory_block *find_memory_block_by_id(unsigned long block_id);

#endif /* _LINUX_MEMORY_H */
