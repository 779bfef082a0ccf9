/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory blocks: the unit memory is hot-added, onlined, offlined and
 * removed in, each a device /sys/devices/system/memory/memoryN.
 */
#ifndef _LINUX_MEMORY_H
#define _LINUX_MEMORY_H

#include <linux/types.h>
#include <linux/device.h>

/*
 * A block's state (memoryN/state reads the names of the first and third),
 * and the memory notifier's events: Linux's values.
 */
#define MEM_ONLINE		(1 << 0)	/* pages are in the allocator */
#define MEM_GOING_OFFLINE	(1 << 1)	/* about to offline: may veto */
#define MEM_OFFLINE		(1 << 2)	/* pages are out of the allocator */
#define MEM_GOING_ONLINE	(1 << 3)	/* about to online: may veto */
#define MEM_CANCEL_ONLINE	(1 << 4)	/* the online failed or was vetoed */
#define MEM_CANCEL_OFFLINE	(1 << 5)	/* the offline failed or was vetoed */

/**
 * struct memory_notify - the payload of every memory notifier event
 * @start_pfn: first pfn of the range going on- or offline
 * @nr_pages: its length
 * @status_change_nid_normal: the node whose kernel zones (DMA32, Normal)
 *	gain their first or lose their last page, or NUMA_NO_NODE
 * @status_change_nid: the node that gains its first or loses its last
 *	page of memory (any zone), or NUMA_NO_NODE
 */
struct memory_notify {
	unsigned long start_pfn;
	unsigned long nr_pages;
	int status_change_nid_normal;
	int status_change_nid;
};

struct notifier_block;

/*
 * Priorities of memory notifier callbacks; higher runs earlier (and,
 * for the error injector, lower runs later so that it can veto last).
 */
#define DEFAULT_CALLBACK_PRI	0
#define MEMORY_INJECT_PRI	(-1)

int register_memory_notifier(struct notifier_block *nb);
void unregister_memory_notifier(struct notifier_block *nb);
/* Calls the chain; returns its NOTIFY_* value (notifier_to_errno() it). */
int memory_notify(unsigned long val, void *v);

/**
 * struct memory_block - one memory block (in Tide: one 128 MiB section)
 * @start_section_nr: its section number, also N in memoryN
 * @state: MEM_ONLINE or MEM_OFFLINE
 * @online_type: how it was last onlined (enum mmop), or -1 before that
 * @nid: the node its memory belongs to
 * @zone: while online, the zone its pages are in (NULL for a boot block
 *	whose pages lie in two zones, which cannot be offlined)
 * @dying: set under the hotplug lock when its removal starts
 * @dev: its device on memory_subsys, dev.id == @start_section_nr
 *
 * Created and removed under the hotplug lock, which also protects @state.
 */
struct memory_block {
	unsigned long start_section_nr;
	unsigned long state;
	int online_type;
	int nid;
	struct zone *zone;
	bool dying;
	struct device dev;
};

/* /sys/devices/system/memory, owned by drivers/base/memory.c */
extern struct bus_type memory_subsys;

int create_memory_block_devices(unsigned long start, unsigned long size,
				int nid);
void remove_memory_block_devices(unsigned long start, unsigned long size);
struct memory_block *find_memory_block_by_id(unsigned long block_id);

/*
 * Hotplug lock held. One block at a time, for mm/memory_hotplug.c, which
 * owns every change of a whole range and its rollback.
 */
int memory_block_online(struct memory_block *mem, int online_type,
			struct zone *zone);
int memory_block_offline(struct memory_block *mem);
int walk_memory_blocks(u64 start, u64 size, void *arg,
		       int (*fn)(struct memory_block *mem, void *arg));
void memory_block_pfns(const struct memory_block *mem,
		       unsigned long *first, unsigned long *past);

#endif /* _LINUX_MEMORY_H */
