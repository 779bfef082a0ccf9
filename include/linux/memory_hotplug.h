/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory hotplug: boot options and policies (Linux 6.12's names, values
 * and defaults), the hotplug lock, and hot-add and hot-remove of physical
 * ranges. Online and offline build on these.
 */
#ifndef _LINUX_MEMORY_HOTPLUG_H
#define _LINUX_MEMORY_HOTPLUG_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>

/*
 * What a newly added memory block becomes (memhp_default_state=). The
 * order matches mmop_names[] in mm/memory_hotplug.c.
 */
enum mmop {
	MMOP_OFFLINE = 0,
	MMOP_ONLINE,		/* "online": zone chosen by the online policy */
	MMOP_ONLINE_KERNEL,	/* "online_kernel" */
	MMOP_ONLINE_MOVABLE,	/* "online_movable" */
};

/* memory_hotplug.online_policy= */
enum online_policy {
	ONLINE_POLICY_CONTIG_ZONES = 0,	/* "contig-zones", the default */
	ONLINE_POLICY_AUTO_MOVABLE,	/* "auto-movable" */
};

/*
 * The hotplug policy. The memory_hotplug.* fields can change at any time
 * through /sys/module/memory_hotplug/parameters/ (written whole, under
 * kparam_lock): read each once, with READ_ONCE().
 */
struct memhp_config {
	bool movable_node;		/* movable_node */
	enum mmop default_online_type;	/* memhp_default_state= */
	enum online_policy online_policy;
	unsigned int auto_movable_ratio;	/* percent, default 301 */
	bool auto_movable_numa_aware;		/* default true */
	bool memmap_on_memory;		/* default true (Linux: false) */
};

extern struct memhp_config memhp;

static inline bool movable_node_is_enabled(void)
{
	return memhp.movable_node;
}

/* Linux's spelling of each value, for messages and sysfs. */
const char *mmop_name(enum mmop type);
/* Parses a memhp_default_state= / sysfs value; -EINVAL if unknown. */
int mmop_parse(const char *s);

/* ---- hot-add and hot-remove (mm/memory_hotplug.c) ---- */

/*
 * The granularity of hot-add and hot-remove: one memory block, which in
 * Tide is always one 128 MiB section (Linux's x86 default below 64 GiB).
 */
#define MIN_MEMORY_BLOCK_SIZE	(1UL << CONFIG_SECTION_SIZE_BITS)

unsigned long memory_block_size_bytes(void);

/*
 * mem_hotplug_begin()/mem_hotplug_done() hold the hotplug lock for
 * writing: add, remove, online and offline run one at a time inside it.
 * get_online_mems()/put_online_mems() hold it for reading, so that the
 * set of present and online sections does not change meanwhile. It sleeps:
 * task context only. It is taken before any zone or page-table lock.
 */
void mem_hotplug_begin(void);
void mem_hotplug_done(void);
bool mem_hotplug_trylock(void);
void get_online_mems(void);
void put_online_mems(void);

/* add_memory() flags (Linux's values). */
typedef int mhp_t;
#define MHP_NONE		((mhp_t)0)
/* Each memory block's first pages back its own memmap (memmap_on_memory). */
#define MHP_MEMMAP_ON_MEMORY	((mhp_t)(1 << 1))

/*
 * Pages at the start of each memory block that back its memmap when it
 * was added with MHP_MEMMAP_ON_MEMORY: one 2 MiB pageblock per 128 MiB.
 * Their struct pages have type PGTY_MEMMAP; they are never onlined.
 */
#define MHP_VMEMMAP_PAGES	(PAGES_PER_SECTION * sizeof(struct page) / PAGE_SIZE)

/*
 * memory_hotplug.memmap_on_memory: whether hot-add puts each block's memmap
 * in the block's own first pages. Tide's default is on (Linux's is off);
 * memory_hotplug.memmap_on_memory=0 at boot gives Linux's default back.
 */
static inline bool mhp_memmap_on_memory(void)
{
	return READ_ONCE(memhp.memmap_on_memory);
}

/*
 * Whether a block's memmap can live in the block at all (Linux 6.12's
 * rules, see mm/memory_hotplug.c), and memory_hotplug.memmap_on_memory
 * asks for it.
 */
bool mhp_can_memmap_on_memory(void);

/*
 * The flags a hot-add path (ACPI, probe, virtio-mem) passes to add_memory()
 * by default: MHP_MEMMAP_ON_MEMORY when mhp_can_memmap_on_memory().
 */
static inline mhp_t mhp_default_flags(void)
{
	if (mhp_can_memmap_on_memory())
		return MHP_MEMMAP_ON_MEMORY;
	return MHP_NONE;
}

bool mhp_range_allowed(u64 start, u64 size);
/* The node of hot-added memory at @start, from the SRAT (arch/x86/mm/numa.c). */
int memory_add_physaddr_to_nid(u64 start);
int add_memory(int nid, u64 start, u64 size, mhp_t flags);
int __add_memory(int nid, u64 start, u64 size, mhp_t flags);	/* lock held */
int add_memory_claim(int nid, u64 start, u64 size, mhp_t flags);
int remove_memory(u64 start, u64 size);
int __remove_memory(u64 start, u64 size);	/* hotplug lock held */
bool mhp_range_has_memory(u64 start, u64 size);

/*
 * Whole ranges (mm/memory_hotplug.c owns them, and their rollback): all
 * or nothing, under one hold of the hotplug lock; see the functions.
 */
struct range;
int offline_and_remove_memory_ranges(const struct range *r, int nr);
int offline_and_remove_memory(u64 start, u64 size);
void online_memory_blocks(u64 start, u64 size, int online_type);

struct mhp_params {
	bool memmap_on_memory;	/* memmap inside the range (MHP_MEMMAP_ON_MEMORY) */
};

/* Hotplug lock held: sections and their memmap for a pfn range. */
int __add_pages(int nid, unsigned long start_pfn, unsigned long nr_pages,
		const struct mhp_params *params);
void __remove_pages(unsigned long start_pfn, unsigned long nr_pages);

/*
 * Architecture hooks (arch/x86/mm/init_64.c), hotplug lock held: the
 * direct map and the memmap of a range, built and torn down.
 */

int arch_add_memory(int nid, u64 start, u64 size, const struct mhp_params *params);
void arch_remove_memory(u64 start, u64 size);

/* ---- online and offline (mm/memory_hotplug.c) ---- */

/*
 * The type new blocks are onlined with by add_memory() (MMOP_OFFLINE:
 * they stay offline): memhp_default_state=, and
 * /sys/devices/system/memory/auto_online_blocks.
 */
int mhp_get_default_online_type(void);
void mhp_set_default_online_type(int online_type);

/*
 * The zone a range of node @nid would be onlined into with @online_type
 * (MMOP_ONLINE, MMOP_ONLINE_KERNEL or MMOP_ONLINE_MOVABLE), following
 * memory_hotplug.online_policy and movable_node. Hotplug lock held.
 */
struct zone *zone_for_pfn_range(int online_type, int nid,
				unsigned long start_pfn, unsigned long nr_pages);

/*
 * Hotplug lock held. online_pages() hands an offline, present range to
 * the buddy allocator in @zone; offline_pages() takes an online range
 * out of it, migrating what is in use. Both call the memory notifier
 * chain and undo everything on failure. See the functions.
 */
int online_pages(unsigned long start_pfn, unsigned long nr_pages,
		 struct zone *zone);
/*
 * Hotplug lock held. A block's own memmap pages (the first @nr_pages from
 * @start_pfn) join @zone's span before online_pages() onlines the rest,
 * and leave it after offline_pages() took the rest out; they are counted
 * present (never managed) while the block is online: see the functions.
 */
void mhp_init_memmap_on_memory(unsigned long start_pfn, unsigned long nr_pages,
			       struct zone *zone);
void mhp_deinit_memmap_on_memory(unsigned long start_pfn,
				 unsigned long nr_pages);
void mhp_adjust_present_memmap(unsigned long start_pfn, long nr_pages);
/* Whether the section at @sec_pfn holds its own memmap (hotplug lock held). */
bool mhp_section_hosts_memmap(unsigned long sec_pfn);
int offline_pages(unsigned long start_pfn, unsigned long nr_pages);

/*
 * Offline retry bound: passes of isolate-check/migrate over a block
 * before offline_pages() gives up with -EBUSY.
 */
#define OFFLINE_MAX_PASSES	10
/*
 * A signal to the offlining task is looked for after every
 * OFFLINE_SCAN_CHUNK pages scanned and every OFFLINE_PAUSE_STEP_MS of a
 * pause between passes; the offline then fails with -EINTR.
 */
#define OFFLINE_SCAN_CHUNK	(4 * pageblock_nr_pages)
#define OFFLINE_PAUSE_STEP_MS	10U

/*
 * Blocks that leave together (mm/memory_hotplug.c). When several blocks
 * go offline one after the other, what the first one holds would move
 * into the next ones and then again. mhp_isolate_leaving() isolates the
 * pageblocks of the online blocks about to leave (as many, in the given
 * order, as fit elsewhere together), so that offline_pages() of each
 * moves its pages once, to memory that stays; mhp_unisolate_leaving()
 * gives back the ones not offlined. Both with the hotplug lock held for
 * writing; the isolation may last across releases of it (virtio-mem
 * asks the device between two blocks). offline_and_remove_memory_ranges()
 * does the same for its blocks inside its one hold of the lock.
 * See the functions' kernel-doc.
 */
int mhp_isolate_leaving(const u64 *starts, int nr);
void mhp_unisolate_leaving(const u64 *starts, int nr);

/* ---- memory a driver owns (virtio-mem): mm/memory_hotplug.c ---- */

/*
 * A driver that owns a range of hot-added memory and plugs it in pieces
 * smaller than a memory block (virtio-mem: device blocks of 2 MiB and up
 * inside 128 MiB memory blocks). Each pageblock of the range is either
 * plugged (RAM the device backs) or unplugged (the device may not back
 * it: reading it may fault the VM, so it is never touched, not even its
 * struct page's contents beyond what the memmap init writes).
 *
 * @plugged: whether the pageblock at @pfn is plugged now. Called with the
 *	hotplug lock held (for writing, from online), so the driver's answer
 *	must not change while that lock is held: the driver changes its
 *	plugged state only with the hotplug lock held too.
 * @priv: the driver's.
 * The rest is mm's: set by mhp_owner_register().
 */
struct mhp_owner {
	u64 start;
	u64 size;
	bool (*plugged)(struct mhp_owner *owner, unsigned long pfn);
	void *priv;
	struct list_head list;	/* on mm's owner list, under the hotplug lock */
};

/*
 * mhp_owner_register - from now on, online_pages() of a block in
 * [@owner->start, +@owner->size) hands only plugged pageblocks to the
 * allocator; unplugged ones become PGTY_UNPLUGGED (PG_reserved, present
 * in the zone, not managed). Ranges are memory block aligned and must
 * not overlap another owner's. Takes the hotplug lock.
 * Return: 0, -EINVAL (alignment), -EBUSY (overlap).
 *
 * mhp_owner_unregister - the range has no memory left (all removed).
 * Takes the hotplug lock.
 */
int mhp_owner_register(struct mhp_owner *owner);
void mhp_owner_unregister(struct mhp_owner *owner);

/*
 * add_driver_memory - add_memory() for a driver-owned range, hotplug lock
 * held by the caller: the resource is named @name ("System RAM (virtio_mem)"),
 * flagged IORESOURCE_SYSRAM_DRIVER_MANAGED, and placed inside the driver's
 * own resource if one covers the range (the device region "virtio0",
 * not busy). Everything else as __add_memory(), including auto-online with
 * memhp_default_state (which then hands out only plugged pageblocks).
 * With MHP_MEMMAP_ON_MEMORY, the caller has plugged the block's first
 * MHP_VMEMMAP_PAGES pages (the memmap lives there).
 * Return: as add_memory().
 *
 * remove_driver_memory - __remove_memory() for such a range: every block
 * offline. Hotplug lock held. Return: 0, -EBUSY (a block online), -EINVAL.
 */
int add_driver_memory(int nid, u64 start, u64 size, const char *name,
		      mhp_t flags);
int remove_driver_memory(u64 start, u64 size);

/*
 * Plugging and unplugging inside an online block, hotplug lock held for
 * writing, [@start_pfn, +@nr_pages) pageblock aligned, within one memory
 * block of a registered owner's range:
 *
 * mhp_plug_pages - PGTY_UNPLUGGED pages the device now backs join the
 * allocator in their block's zone (managed and MemTotal grow by
 * @nr_pages). The owner has already marked them plugged.
 * Return: 0, -EINVAL (block not online, or a page not PGTY_UNPLUGGED).
 *
 * mhp_unplug_pages - plugged pages leave the allocator: the pageblocks are
 * isolated, what is in use is migrated elsewhere (kernel pages too: see
 * Documentation/mm/migration.rst), the free pages are taken out and
 * become PGTY_UNPLUGGED, managed pages drop by @nr_pages. Refused at once
 * (-ENOSPC, reason on the console) when what is in use cannot fit in
 * what the other memory offers (the same estimate as offline). Bounded
 * like offline (OFFLINE_MAX_PASSES), ends early on a signal (-EINTR).
 * On failure the pages are back in the allocator as before (what moved
 * stays moved). The owner marks them unplugged after 0.
 * Return: 0, -EINVAL, -ENOSPC, -EBUSY (something cannot move), -EINTR.
 *
 * offline_pages() skips PGTY_UNPLUGGED pages (they are not RAM: nothing
 * to move, not managed); online_pages() consults the owner.
 */
int mhp_plug_pages(unsigned long start_pfn, unsigned long nr_pages);
int mhp_unplug_pages(unsigned long start_pfn, unsigned long nr_pages);

/*
 * drivers/base/memory.c, sharing the state file's code: the online state
 * of the memory block at @start (MEM_ONLINE or MEM_OFFLINE), or -ENODEV
 * when no block is there. Hotplug lock held.
 */
int mhp_block_state(u64 start);
/*
 * Online or offline the memory block at @start as a write of "online" /
 * "offline" to its state file would (same zone choice, same errnos, the
 * block device's state updated), hotplug lock held. @online_type is an
 * MMOP_* (MMOP_OFFLINE to offline). Return: 0 or the errno.
 */
int mhp_block_set_state(u64 start, int online_type);

#endif /* _LINUX_MEMORY_HOTPLUG_H */
