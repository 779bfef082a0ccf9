// SPDX-License-Identifier: GPL-2.0
/*
 * Memory hotplug: the policy knobs set at boot (movable_node,
 * memhp_default_state= and the memory_hotplug.* options, with Linux
 * 6.12's values, spellings and defaults: memhp_default_state defaults to
 * offline, as with Linux's CONFIG_MHP_DEFAULT_ONLINE_TYPE_OFFLINE), the
 * memory_hotplug.* ones also in /sys/module/memory_hotplug/parameters/,
 * the hotplug lock, and add_memory()/remove_memory().
 *
 * DOC: hot-add and hot-remove
 *
 * add_memory() checks its arguments, then under the hotplug lock claims
 * the range as "System RAM" in the resource tree, creates the node if it
 * has no pg_data_t yet, and calls arch_add_memory(): the range gets its
 * direct map, then __add_pages() gives its sections a memmap, initialised
 * PG_reserved (offline: no page of it is in the buddy allocator). Each
 * block then gets its memoryN device in sysfs (drivers/base/memory.c);
 * last, the node's span grows to cover it. remove_memory() undoes exactly
 * that, in reverse order, for a range add_memory() added and nobody onlined.
 *
 * With MHP_MEMMAP_ON_MEMORY each 128 MiB block's 2 MiB memmap lives in
 * the block's own first pageblock instead of coming from memory already
 * online; those MHP_VMEMMAP_PAGES pages are typed PGTY_MEMMAP and never
 * onlined. Every hot-add path (ACPI, probe) passes mhp_default_flags(),
 * which asks for it unless memory_hotplug.memmap_on_memory=0 was given at
 * boot, so that hot-add takes no boot memory in proportion to the memmap.
 * While its block is online the memmap pageblock is in the block's zone
 * and counted present, never managed (MemTotal does not see it), as in
 * Linux: mhp_init_memmap_on_memory() and mhp_adjust_present_memmap().
 *
 * DOC: memory a driver owns
 *
 * A driver such as virtio-mem adds its region as driver-managed memory
 * (add_driver_memory(): its own resource name, nested in its device
 * region) and registers a struct mhp_owner for it. Online then asks the
 * owner pageblock by pageblock: plugged ones go to the allocator, the
 * rest become PGTY_UNPLUGGED, present and PG_reserved but not managed,
 * their contents never touched. mhp_plug_pages() and mhp_unplug_pages()
 * move pageblocks of an online block between the two states, the latter
 * with the fit estimate and the evacuation an offline uses. Offline
 * passes over unplugged pages, so a block with holes can go offline and
 * come back with whatever holes the owner reports then.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/rwsem.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/memblock.h>
#include <linux/migrate.h>
#include <linux/moduleparam.h>
#include <linux/notifier.h>
#include <linux/range.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/pgtable.h>
#include "internal.h"

struct memhp_config memhp = {
	.movable_node = false,
	.default_online_type = MMOP_OFFLINE,
	.online_policy = ONLINE_POLICY_CONTIG_ZONES,
	.auto_movable_ratio = 301,
	.auto_movable_numa_aware = true,
	.memmap_on_memory = true,
};

/* Spellings, indexed by enum mmop and enum online_policy (Linux's ABI). */
static const char *const mmop_names[] = {
	"offline", "online", "online_kernel", "online_movable",
};

static const char *const online_policy_names[] = {
	"contig-zones", "auto-movable",
};

const char *mmop_name(enum mmop type)
{
	BUILD_BUG_ON(ARRAY_SIZE(mmop_names) != MMOP_ONLINE_MOVABLE + 1);
	BUILD_BUG_ON(ARRAY_SIZE(online_policy_names) != ONLINE_POLICY_AUTO_MOVABLE + 1);
	return type < ARRAY_SIZE(mmop_names) ? mmop_names[type] : "?";
}

/* Index of @s in @names (a trailing newline allowed), or -EINVAL. */
static int match_name(const char *const *names, size_t n, const char *s)
{
	size_t i, len;

	if (!s)
		return -EINVAL;
	len = strlen(s);
	if (len && s[len - 1] == '\n')
		len--;
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], s, len))
			return i;
	return -EINVAL;
}

int mmop_parse(const char *s)
{
	return match_name(mmop_names, ARRAY_SIZE(mmop_names), s);
}

static int __init movable_node_setup(char *val)
{
	if (val)
		return -EINVAL;
	memhp.movable_node = true;
	return 0;
}
early_param("movable_node", movable_node_setup);

static int __init memhp_default_state_setup(char *val)
{
	int type = mmop_parse(val);

	if (type < 0)
		return -EINVAL;
	memhp.default_online_type = type;
	return 0;
}
early_param("memhp_default_state", memhp_default_state_setup);

/*
 * The memory_hotplug.* options, also /sys/module/memory_hotplug/
 * parameters/ (Linux 6.12's modes: all writable by root but
 * memmap_on_memory, which only the boot option sets). Whoever uses a
 * value reads it once with READ_ONCE(); the setters write it whole.
 */
static int online_policy_set(const char *val, const struct kparam *p)
{
	int policy = match_name(online_policy_names,
				ARRAY_SIZE(online_policy_names), val);

	if (policy < 0)
		return policy;
	WRITE_ONCE(*(enum online_policy *)p->arg, policy);
	return 0;
}

static int online_policy_get(char *buf, const struct kparam *p)
{
	enum online_policy policy = READ_ONCE(*(enum online_policy *)p->arg);

	return scnprintf(buf, KPARAM_BUF_SIZE, "%s\n",
			 online_policy_names[policy]);
}

static const struct kparam_ops online_policy_ops = {
	.set = online_policy_set,
	.get = online_policy_get,
};

/*
 * Shown as Y or N, like Linux. Linux also takes "force" at boot; Tide does
 * not implement forcing (a block's memmap is one whole pageblock anyway).
 */
static const struct kparam_ops memmap_on_memory_ops = {
	.set = kparam_set_bool,
	.get = kparam_get_bool,
};

enum { MHP_PARAM_POLICY, MHP_PARAM_RATIO, MHP_PARAM_NUMA, MHP_PARAM_MEMMAP };

static const struct kparam memhp_params[] = {
	[MHP_PARAM_POLICY] = { "online_policy", &online_policy_ops,
			       &memhp.online_policy, 0644 },
	[MHP_PARAM_RATIO] = { "auto_movable_ratio", &kparam_uint_ops,
			      &memhp.auto_movable_ratio, 0644 },
	[MHP_PARAM_NUMA] = { "auto_movable_numa_aware", &kparam_bool_ops,
			     &memhp.auto_movable_numa_aware, 0644 },
	[MHP_PARAM_MEMMAP] = { "memmap_on_memory", &memmap_on_memory_ops,
			       &memhp.memmap_on_memory, 0444 },
};

static int __init memhp_boot_param(int which, char *val)
{
	const struct kparam *p = &memhp_params[which];

	return p->ops->set(val, p);
}

static int __init online_policy_setup(char *val)
{
	return memhp_boot_param(MHP_PARAM_POLICY, val);
}
early_param("memory_hotplug.online_policy", online_policy_setup);

static int __init auto_movable_ratio_setup(char *val)
{
	return memhp_boot_param(MHP_PARAM_RATIO, val);
}
early_param("memory_hotplug.auto_movable_ratio", auto_movable_ratio_setup);

static int __init auto_movable_numa_aware_setup(char *val)
{
	return memhp_boot_param(MHP_PARAM_NUMA, val);
}
early_param("memory_hotplug.auto_movable_numa_aware", auto_movable_numa_aware_setup);

static int __init memmap_on_memory_setup(char *val)
{
	return memhp_boot_param(MHP_PARAM_MEMMAP, val);
}
early_param("memory_hotplug.memmap_on_memory", memmap_on_memory_setup);

/* /sys/module/memory_hotplug/parameters/ */
static int __init memhp_params_init(void)
{
	return kparam_register("memory_hotplug", memhp_params,
			       ARRAY_SIZE(memhp_params));
}
subsys_initcall(memhp_params_init);

/* ---- the hotplug lock ---- */

/*
 * The hotplug lock. Writers: add, remove, online and offline (one at a
 * time), each a single hold from its checks to its last change, so that
 * what was checked still holds when it acts. Readers (get_online_mems()):
 * whoever needs the present and online sections, the memory blocks and
 * the hot-added resources to stay as they are. What it protects: section
 * flags, memory block state, zone and node spans as hotplug changes them
 * (zone->lock is taken inside for the allocator's sake), and the
 * "System RAM" resources of hot-added memory.
 *
 * Order: acpi_memory_lock, then this, then kernfs_rwsem, node_devices_lock,
 * resource_lock, pgtable_lock, zone->lock, zonelist_update_lock. Never
 * taken, even for reading, by a sysfs show(): removal holds it while it
 * waits for readers of the files it removes (drivers/base/memory.c).
 */
static DECLARE_RWSEM(mem_hotplug_lock);

/**
 * mem_hotplug_begin - start an add, remove, online or offline
 *
 * Sleeps until no other hotplug operation and no get_online_mems() reader
 * runs. Return: nothing; pair it with mem_hotplug_done().
 */
void mem_hotplug_begin(void)
{
	down_write(&mem_hotplug_lock);
}

/**
 * mem_hotplug_done - end what mem_hotplug_begin() started
 */
void mem_hotplug_done(void)
{
	up_write(&mem_hotplug_lock);
}

/**
 * mem_hotplug_trylock - mem_hotplug_begin() unless someone holds the lock
 *
 * For sysfs writes: a removal holding the lock waits for writers of its
 * blocks' files, so they must not sleep on it. Return: true if taken.
 */
bool mem_hotplug_trylock(void)
{
	return down_write_trylock(&mem_hotplug_lock);
}

/**
 * get_online_mems - keep the present and online sections as they are
 *
 * Readers run concurrently with each other, never with a hotplug
 * operation. Sleeps. Pair it with put_online_mems().
 */
void get_online_mems(void)
{
	down_read(&mem_hotplug_lock);
}

/**
 * put_online_mems - end what get_online_mems() started
 */
void put_online_mems(void)
{
	up_read(&mem_hotplug_lock);
}

/* ---- hot-add and hot-remove ---- */

/**
 * memory_block_size_bytes - the hotplug granularity
 *
 * Return: the size of a memory block, MIN_MEMORY_BLOCK_SIZE (128 MiB).
 */
unsigned long memory_block_size_bytes(void)
{
	return MIN_MEMORY_BLOCK_SIZE;
}

/* Non-empty and block aligned at both ends, as Linux requires. */
static int mhp_check_range(u64 start, u64 size)
{
	unsigned long block = memory_block_size_bytes();

	/* block is a power of two: both ends aligned iff their OR is */
	if (!size || !IS_ALIGNED(start | size, block)) {
		pr_err("Block size [%#lx] unaligned hotplug range: start %#llx, size %#llx\n",
		       block, start, size);
		return -EINVAL;
	}
	return 0;
}

/**
 * mhp_range_allowed - whether [@start, @start + @size) can be hot-added
 * @start: first physical address
 * @size: length in bytes
 *
 * The range must lie below 2^MAX_PHYSMEM_BITS, the limit of both the
 * section table and the direct map.
 *
 * Return: true if it does.
 */
bool mhp_range_allowed(u64 start, u64 size)
{
	u64 limit = 1ULL << MAX_PHYSMEM_BITS;

	if (start + size < start || start + size > limit) {
		pr_warn("Hotplugged memory exceeds maximum addressable address, range=%#llx-%#llx, maximum=%#llx\n",
			start, start + size, limit);
		return false;
	}
	return true;
}

/*
 * Gives node @nid a pg_data_t if it has none, with empty zones, and
 * rebuilds the zonelists so that allocations for the node fall back to
 * the others. The pg_data_t stays when the node's memory goes (as in
 * Linux): other CPUs may look at NODE_DATA() without a lock.
 */
static int hotadd_init_pgdat(int nid)
{
	pg_data_t *pgdat, *model;
	int other, z, o, t;

	if (NODE_DATA(nid))
		return 0;
	other = next_online_node_from(0);
	if (WARN_ON_ONCE(other >= MAX_NUMNODES))
		return -EINVAL;
	model = NODE_DATA(other);
	pgdat = mm_meta_alloc(sizeof(*pgdat), nid);
	if (!pgdat)
		return -ENOMEM;
	pgdat->node_id = nid;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zn = &pgdat->node_zones[z];

		spin_lock_init(&zn->lock);
		zn->name = model->node_zones[z].name;
		zn->zone_pgdat = pgdat;
		for (o = 0; o < NR_PAGE_ORDERS; o++)
			for (t = 0; t < MIGRATE_TYPES; t++)
				INIT_LIST_HEAD(&zn->free_area[o].free_list[t]);
	}
	/* Fully initialised before anyone can find it. */
	smp_store_release(&node_data[nid], pgdat);
	if (nid >= nr_node_ids)
		nr_node_ids = nid + 1;
	build_all_zonelists();
	pr_info("Initmem setup node %d (hot-add)\n", nid);
	return 0;
}

/*
 * Sets @pgdat's span to the union of its zones' spans and of its
 * hot-added sections (boot sections are covered by the zones already).
 * Present pages are not touched: offline memory is not present.
 */
static void node_span_update(pg_data_t *pgdat)
{
	unsigned long start = ULONG_MAX, end = 0, nr;
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zn = &pgdat->node_zones[z];

		if (!zn->spanned_pages)
			continue;
		start = min(start, zn->zone_start_pfn);
		end = max(end, zone_end_pfn(zn));
	}
	for_each_valid_section(nr) {
		struct mem_section *ms = __nr_to_section(nr);
		unsigned long pfn = section_nr_to_pfn(nr);

		if ((ms->flags & SECTION_IS_EARLY) || ms->nid != pgdat->node_id)
			continue;
		start = min(start, pfn);
		end = max(end, pfn + PAGES_PER_SECTION);
	}
	if (end <= start) {
		pgdat->node_start_pfn = 0;
		pgdat->node_spanned_pages = 0;
		return;
	}
	pgdat->node_start_pfn = start;
	pgdat->node_spanned_pages = end - start;
}

/* The zone offline pages are labelled with until online picks theirs. */
static enum zone_type offline_zone_for_pfn(unsigned long pfn)
{
	return pfn < PHYS_PFN(SZ_4G) ? ZONE_DMA32 : ZONE_NORMAL;
}

/*
 * Whether the memmap just written into the section at @sec_pfn reads back:
 * where no RAM answers (a probe of an address with nothing behind it),
 * writes vanish and reads give all zeroes or all ones.
 */
static bool memmap_reads_back(unsigned long sec_pfn, int nid)
{
	struct page *first = pfn_to_page(sec_pfn);
	struct page *last = pfn_to_page(sec_pfn + PAGES_PER_SECTION - 1);

	return first->type == PGTY_MEMMAP && last->type == PGTY_NONE &&
	       PageReserved(last) && page_to_nid(last) == nid;
}

/**
 * __add_pages - sections and an initialised memmap for a pfn range
 * @nid: the node the range belongs to
 * @start_pfn: first pfn, section aligned
 * @nr_pages: a multiple of PAGES_PER_SECTION
 * @params: with memmap_on_memory, the architecture has already backed
 *	each section's memmap with the section's own first pages
 *
 * Hotplug lock held. Every struct page of the range is written, marked
 * PG_reserved, and carries @nid and a kernel zone; the sections are
 * present but not online. With memmap_on_memory the first
 * MHP_VMEMMAP_PAGES pages of each section get type PGTY_MEMMAP: they hold
 * the memmap and must never be onlined; and the memmap must read back as
 * written, or the range has no RAM to hold it. Does not touch the direct
 * map or any zone.
 *
 * Return: 0, or sparse_add_section()'s error (-EINVAL, -EEXIST,
 * -ENOMEM), or -ENXIO when a memmap kept in the range does not read
 * back; in every failure nothing was added.
 */
int __add_pages(int nid, unsigned long start_pfn, unsigned long nr_pages,
		const struct mhp_params *params)
{
	unsigned long sec_pfn, i, end_pfn = start_pfn + nr_pages;
	int ret;

	ret = sparse_add_section(nid, start_pfn, nr_pages);
	if (ret)
		return ret;
	for (sec_pfn = start_pfn; sec_pfn < end_pfn; sec_pfn += PAGES_PER_SECTION) {
		memmap_init_range(sec_pfn, sec_pfn + PAGES_PER_SECTION, nid,
				  offline_zone_for_pfn(sec_pfn), true);
		if (!params->memmap_on_memory)
			continue;
		for (i = 0; i < MHP_VMEMMAP_PAGES; i++)
			pfn_to_page(sec_pfn + i)->type = PGTY_MEMMAP;
		if (!memmap_reads_back(sec_pfn, nid)) {
			sparse_remove_section(start_pfn, nr_pages);
			return -ENXIO;
		}
	}
	return 0;
}

/**
 * __remove_pages - free the memmap of an offline pfn range
 * @start_pfn: first pfn, section aligned
 * @nr_pages: a multiple of PAGES_PER_SECTION
 *
 * Hotplug lock held; no section of the range is online. The struct pages
 * are gone when this returns. Return: nothing.
 */
void __remove_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	sparse_remove_section(start_pfn, nr_pages);
}

/* Hotplug lock held. Whether any section of the range is online. */
static bool range_has_online_section(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long sec_pfn;

	for (sec_pfn = start_pfn; sec_pfn < end_pfn; sec_pfn += PAGES_PER_SECTION)
		if (online_section(__pfn_to_section(sec_pfn)))
			return true;
	return false;
}

/**
 * mhp_can_memmap_on_memory - whether hot-add can self-host the memmap
 *
 * The rules are Linux 6.12's: memory_hotplug.memmap_on_memory is on; a
 * block's memmap fills whole pages, whole pageblocks (online and offline
 * set migratetypes a pageblock at a time, and the block's first online
 * pageblock starts where the memmap ends) and whole 2 MiB vmemmap leaves
 * (so that the leaf holds nothing but this block's memmap); and it leaves
 * the block some memory to online. With 128 MiB blocks and a 64-byte
 * struct page all hold: the memmap is one 2 MiB pageblock.
 *
 * Return: true if add_memory() callers should pass MHP_MEMMAP_ON_MEMORY.
 */
bool mhp_can_memmap_on_memory(void)
{
	unsigned long bytes = PHYS_PFN(memory_block_size_bytes()) *
			      sizeof(struct page);
	unsigned long pages = bytes >> PAGE_SHIFT;

	if (!mhp_memmap_on_memory())
		return false;
	return IS_ALIGNED(bytes, PMD_SIZE) && pages == MHP_VMEMMAP_PAGES &&
	       IS_ALIGNED(pages, pageblock_nr_pages) &&
	       pages < PHYS_PFN(memory_block_size_bytes());
}

/*
 * Hotplug lock held. Claims [@start, +@size) as a resource named @name
 * with @res_flags ("System RAM", busy, for add_memory()), at the deepest
 * non-busy resource that covers it, and builds its direct map, memmap
 * and memory blocks (offline). Return: as add_memory(), with nothing
 * left behind on failure.
 */
static int __add_memory_range(int nid, u64 start, u64 size, mhp_t flags,
			      const char *name, unsigned long res_flags)
{
	struct mhp_params cfg = {
		.memmap_on_memory = flags & MHP_MEMMAP_ON_MEMORY,
	};
	struct resource *res;
	int ret;

	/*
	 * As Linux: a range the resource tree cannot hold (wrapped, or
	 * beyond its root, which ends where the CPU's addresses do) is
	 * -EEXIST, like one that is claimed already.
	 */
	if (start + size < start || start + size - 1 > iomem_resource.end)
		return -EEXIST;
	res = iomem_request_region(start, size, name, res_flags);
	if (IS_ERR(res)) {
		pr_debug("add_memory: [%#llx-%#llx] overlaps a resource\n",
			 start, start + size - 1);
		return PTR_ERR(res);
	}
	ret = -E2BIG;
	if (!mhp_range_allowed(start, size))
		goto out_release;
	ret = hotadd_init_pgdat(nid);
	if (ret)
		goto out_release;
	/* As Linux: where the memmap cannot live in the block, it does not. */
	if (cfg.memmap_on_memory && !mhp_can_memmap_on_memory())
		cfg.memmap_on_memory = false;
	ret = arch_add_memory(nid, start, size, &cfg);
	if (ret == -ENXIO && cfg.memmap_on_memory) {
		pr_warn("add_memory: [%#llx-%#llx] does not hold its memmap (no RAM?): memmap from other memory\n",
			start, start + size - 1);
		cfg.memmap_on_memory = false;
		ret = arch_add_memory(nid, start, size, &cfg);
	}
	if (ret)
		goto out_release;
	ret = create_memory_block_devices(start, size, nid);
	if (ret)
		goto out_remove;
	node_span_update(NODE_DATA(nid));
	return 0;

out_remove:
	arch_remove_memory(start, size);
out_release:
	WARN_ON(__release_region(&iomem_resource, start, size));
	return ret;
}

/* The resource of memory add_memory() adds: busy "System RAM". */
#define MHP_RAM_FLAGS	(IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY)

/* Checks shared by add_memory() and add_memory_claim(). */
static int mhp_check_add(int nid, u64 start, u64 size, mhp_t flags)
{
	int ret = mhp_check_range(start, size);

	if (ret)
		return ret;
	if (nid < 0 || nid >= MAX_NUMNODES) {
		pr_warn("%s: node %d is not a valid node\n", __func__, nid);
		return -EINVAL;
	}
	if (flags & ~MHP_MEMMAP_ON_MEMORY)
		return -EINVAL;
	return 0;
}

/* Hotplug lock held. auto_online_blocks says whether and how. */
static void mhp_auto_online(u64 start, u64 size)
{
	int online_type = mhp_get_default_online_type();

	if (online_type != MMOP_OFFLINE)
		online_memory_blocks(start, size, online_type);
}

/**
 * add_memory - hot-add a physical range, offline
 * @nid: its node; a node without a pg_data_t gets one
 * @start: first physical address, memory block aligned
 * @size: length, a non-zero multiple of the memory block size
 * @flags: MHP_MEMMAP_ON_MEMORY to place each block's memmap in the
 *	block's own first MHP_VMEMMAP_PAGES pages (mhp_default_flags()
 *	gives it unless memory_hotplug.memmap_on_memory=0), else MHP_NONE;
 *	the flag is dropped where mhp_can_memmap_on_memory() says no,
 *	or where the memmap written does not read back (no RAM there)
 *
 * Registers the range as "System RAM" (this comes first, so a range that
 * is claimed already, or lies beyond what the CPU can address, fails
 * there), maps it in the direct map, gives it a memmap (every page
 * PG_reserved), creates its memory block devices (offline) and grows the
 * node's span. Then, unless memhp_default_state (auto_online_blocks) is
 * "offline", onlines the blocks with that type; a block that fails to
 * online stays offline and does not fail the add. On failure everything
 * done is undone (a pg_data_t created for a new node stays). Takes the
 * hotplug lock; sleeps.
 *
 * Return: 0; -EINVAL for a bad alignment, size, node or flag; -EEXIST
 * when the range wraps, overlaps a resource (boot RAM, an earlier add,
 * MMIO, firmware) or reaches beyond the resource tree's root; -E2BIG when
 * it reaches past 2^MAX_PHYSMEM_BITS; -ENOMEM or a sysfs errno.
 */
int add_memory(int nid, u64 start, u64 size, mhp_t flags)
{
	int ret;

	mem_hotplug_begin();
	ret = __add_memory(nid, start, size, flags);
	mem_hotplug_done();
	return ret;
}

/**
 * __add_memory - add_memory() with the hotplug lock already held
 *
 * For callers that must not sleep on the lock (a sysfs store takes it
 * with mem_hotplug_trylock()). Return: as add_memory().
 */
int __add_memory(int nid, u64 start, u64 size, mhp_t flags)
{
	int ret = mhp_check_add(nid, start, size, flags);

	if (ret)
		return ret;
	ret = __add_memory_range(nid, start, size, flags, "System RAM",
				 MHP_RAM_FLAGS);
	if (!ret)
		mhp_auto_online(start, size);
	return ret;
}

/*
 * Hotplug lock held. The "System RAM" resource of hot-added memory that
 * starts at @addr and ends at or before @last, or NULL; a driver's
 * (add_driver_memory()) may sit inside the driver's device region.
 */
static struct resource *hotadded_resource_at(u64 addr, u64 last)
{
	struct resource *res = lookup_resource_nested(&iomem_resource, addr,
						      IORESOURCE_SYSTEM_RAM);
	unsigned long pfn;

	if (!res || res->end > last ||
	    (res->flags & IORESOURCE_SYSTEM_RAM) != IORESOURCE_SYSTEM_RAM)
		return NULL;
	for (pfn = PHYS_PFN(res->start); pfn < PHYS_PFN(res->end + 1);
	     pfn += PAGES_PER_SECTION) {
		struct mem_section *ms = __pfn_to_section(pfn);

		if (!valid_section(ms) || (ms->flags & SECTION_IS_EARLY))
			return NULL;
	}
	return res;
}

/*
 * Hotplug lock held. Calls @fn for every part of [@start, +@size): a
 * hot-added resource wholly inside it (@res set), or a gap of blocks
 * without a memmap (@res NULL). Stops at @fn's first non-zero return.
 * Return: 0, @fn's value, or -EEXIST when a block of the range has a
 * memmap that is not such a resource (boot memory, one reaching out of
 * the range).
 */
static int walk_range_parts(u64 start, u64 size, void *arg,
			    int (*fn)(u64 start, u64 size,
				      struct resource *res, void *arg))
{
	u64 block = memory_block_size_bytes(), last = start + size - 1;
	u64 pos = start, gap;
	int ret;

	while (pos < start + size) {
		struct resource *res;

		for (gap = pos; gap < start + size &&
		     !valid_section(__pfn_to_section(PHYS_PFN(gap))); gap += block)
			;
		if (gap > pos) {
			ret = fn(pos, gap - pos, NULL, arg);
			if (ret)
				return ret;
			pos = gap;
			continue;
		}
		res = hotadded_resource_at(pos, last);
		if (!res)
			return -EEXIST;
		gap = res->end + 1;	/* @fn may release @res */
		ret = fn(pos, gap - pos, res, arg);
		if (ret)
			return ret;
		pos = gap;
	}
	return 0;
}

struct claim_ctx {
	int nid;
	mhp_t flags;
	u64 added[16], added_size[16];	/* gaps added by this call */
	int nr_added;
	int nr_taken;		/* parts that were memory already */
	bool check_only;
};

static int claim_part(u64 start, u64 size, struct resource *res, void *arg)
{
	struct claim_ctx *c = arg;
	int ret;

	if (res) {
		c->nr_taken++;
		return 0;
	}
	if (c->check_only)
		return c->nr_added++ < ARRAY_SIZE(c->added) ? 0 : -E2BIG;
	ret = __add_memory_range(c->nid, start, size, c->flags, "System RAM",
				 MHP_RAM_FLAGS);
	if (ret)
		return ret;
	c->added[c->nr_added] = start;
	c->added_size[c->nr_added++] = size;
	return 0;
}

/**
 * add_memory_claim - hot-add what of a device's range is not memory yet
 * @nid: the node, as for add_memory()
 * @start: first physical address, memory block aligned
 * @size: length, a multiple of the memory block size
 * @flags: as for add_memory()
 *
 * For a memory device that owns its whole range however its parts were
 * added: hot-added memory already inside the range (a block written to
 * the probe file, say) is kept as it is and becomes the caller's, and
 * every gap between such parts is added as add_memory() would. Checks
 * everything first, under one hold of the hotplug lock; then the new
 * parts are onlined as auto_online_blocks says.
 *
 * Return: 0 when the whole range was added now, 1 when some of it was
 * memory already and has been taken over; -EEXIST when part of it is boot memory, another
 * device's or a resource other than hot-added System RAM, or a hot-added
 * resource reaches out of the range; add_memory()'s errnos otherwise.
 * On failure the gaps this call added are removed again.
 */
int add_memory_claim(int nid, u64 start, u64 size, mhp_t flags)
{
	struct claim_ctx c = { .nid = nid, .flags = flags, .check_only = true };
	int ret = mhp_check_add(nid, start, size, flags), i;

	if (ret)
		return ret;
	mem_hotplug_begin();
	ret = walk_range_parts(start, size, &c, claim_part);
	if (ret)
		goto out;
	c.nr_added = c.nr_taken = 0;
	c.check_only = false;
	ret = walk_range_parts(start, size, &c, claim_part);
	if (ret) {
		for (i = c.nr_added - 1; i >= 0; i--)
			WARN_ON(__remove_memory(c.added[i], c.added_size[i]));
		goto out;
	}
	for (i = 0; i < c.nr_added; i++)
		mhp_auto_online(c.added[i], c.added_size[i]);
	ret = c.nr_taken ? 1 : 0;
out:
	mem_hotplug_done();
	return ret;
}

/**
 * remove_memory - hot-remove hot-added memory
 * @start: first physical address, memory block aligned
 * @size: a multiple of the memory block size
 *
 * Removes every hot-added range inside [@start, +@size): its memory
 * block devices, memmap and vmemmap page tables, direct map and its page
 * tables, its "System RAM" resource and its share of the node's span.
 * Blocks of the range without memory are skipped. Each hot-added range
 * must lie wholly inside (splitting one is not supported) and be offline.
 * Everything is checked before anything is removed. Takes the hotplug
 * lock; sleeps.
 *
 * Return: 0; -EINVAL for a bad alignment, a range holding boot memory or
 * part of a larger hot-added range, or one with no memory at all; -EBUSY
 * when any of its sections is online (boot RAM always is).
 */
int remove_memory(u64 start, u64 size)
{
	int ret;

	mem_hotplug_begin();
	ret = __remove_memory(start, size);
	mem_hotplug_done();
	return ret;
}

static int count_hotadded_part(u64 start, u64 size, struct resource *res,
			       void *arg)
{
	*(int *)arg += !!res;
	return 0;
}

static int remove_resource_part(u64 start, u64 size, struct resource *res,
				void *arg)
{
	int nid;

	if (!res)
		return 0;
	nid = __pfn_to_section(PHYS_PFN(start))->nid;
	remove_memory_block_devices(start, size);
	arch_remove_memory(start, size);
	WARN_ON(__release_region(&iomem_resource, start, size));
	node_span_update(NODE_DATA(nid));
	return 0;
}

/*
 * __remove_memory - remove_memory() with the hotplug lock already held
 *
 * Return: as remove_memory().
 */
int __remove_memory(u64 start, u64 size)
{
	int ret, nr = 0;

	ret = mhp_check_range(start, size);
	if (ret)
		return ret;
	if (start + size < start || !mhp_range_allowed(start, size))
		return -EINVAL;
	if (range_has_online_section(PHYS_PFN(start), PHYS_PFN(start + size)))
		return -EBUSY;
	ret = walk_range_parts(start, size, &nr, count_hotadded_part);
	if (ret || !nr)
		return -EINVAL;
	return walk_range_parts(start, size, NULL, remove_resource_part);
}

/* ---- the owners of driver-managed memory ---- */

/*
 * The registered struct mhp_owner, by ->list. Written (register,
 * unregister) and read (online, plug, unplug) only under the hotplug
 * lock: readers hold it for writing anyway, as online and offline do.
 */
static LIST_HEAD(mhp_owners);

/* Hotplug lock held. The owner whose range holds @pfn, or NULL. */
static struct mhp_owner *mhp_owner_of(unsigned long pfn)
{
	struct mhp_owner *owner;
	u64 addr = PFN_PHYS(pfn);

	list_for_each_entry(owner, &mhp_owners, list)
		if (addr >= owner->start && addr - owner->start < owner->size)
			return owner;
	return NULL;
}

/* ---- online and offline ---- */

int mhp_get_default_online_type(void)
{
	return READ_ONCE(memhp.default_online_type);
}

void mhp_set_default_online_type(int online_type)
{
	WRITE_ONCE(memhp.default_online_type, online_type);
}

/*
 * The kernel zone a range joins: the first of DMA32 and Normal whose
 * span it meets (memory offlined from boot memory goes back where it
 * was), else Normal.
 */
static struct zone *default_kernel_zone(int nid, unsigned long start_pfn,
					unsigned long nr_pages)
{
	pg_data_t *pgdat = NODE_DATA(nid);
	int z;

	for (z = 0; z < ZONE_MOVABLE; z++)
		if (zone_intersects(&pgdat->node_zones[z], start_pfn, nr_pages))
			return &pgdat->node_zones[z];
	return &pgdat->node_zones[ZONE_NORMAL];
}

/*
 * contig-zones: a range next to (inside the span of) exactly one of the
 * kernel zone and ZONE_MOVABLE joins that one, keeping zones contiguous;
 * otherwise movable_node decides.
 */
static struct zone *contig_zone(int nid, unsigned long start_pfn,
				unsigned long nr_pages)
{
	struct zone *kernel = default_kernel_zone(nid, start_pfn, nr_pages);
	struct zone *movable = &NODE_DATA(nid)->node_zones[ZONE_MOVABLE];
	bool in_kernel = zone_intersects(kernel, start_pfn, nr_pages);
	bool in_movable = zone_intersects(movable, start_pfn, nr_pages);

	if (in_kernel != in_movable)
		return in_kernel ? kernel : movable;
	return movable_node_is_enabled() ? movable : kernel;
}

/*
 * auto-movable: could @nr_pages more go to ZONE_MOVABLE and keep movable
 * memory within @ratio percent of boot kernel memory? Counts
 * node @nid only, or every node for NUMA_NO_NODE.
 */
static bool auto_movable_fits(int nid, unsigned long nr_pages,
			      unsigned int ratio)
{
	unsigned long kernel_early = 0, movable = 0;
	int n, z;

	for_each_online_node(n) {
		if (nid != NUMA_NO_NODE && n != nid)
			continue;
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(n)->node_zones[z];

			if (z == ZONE_MOVABLE)
				movable += zone->present_pages;
			else
				kernel_early += zone->present_early_pages;
		}
	}
	return movable + nr_pages <= (unsigned long)ratio * kernel_early / 100;
}

static struct zone *auto_movable_zone(int nid, unsigned long start_pfn,
				      unsigned long nr_pages)
{
	/* Each parameter read once: sysfs may change them meanwhile. */
	unsigned int ratio = READ_ONCE(memhp.auto_movable_ratio);
	bool numa_aware = READ_ONCE(memhp.auto_movable_numa_aware);

	if (ratio && auto_movable_fits(NUMA_NO_NODE, nr_pages, ratio) &&
	    (!numa_aware || auto_movable_fits(nid, nr_pages, ratio)))
		return &NODE_DATA(nid)->node_zones[ZONE_MOVABLE];
	return default_kernel_zone(nid, start_pfn, nr_pages);
}

/**
 * zone_for_pfn_range - the zone a range would be onlined into
 * @online_type: MMOP_ONLINE, MMOP_ONLINE_KERNEL or MMOP_ONLINE_MOVABLE
 * @nid: the range's node, which has a pg_data_t
 * @start_pfn: first pfn
 * @nr_pages: length
 *
 * online_kernel picks the kernel zone, online_movable ZONE_MOVABLE, and
 * plain online follows memory_hotplug.online_policy: contig-zones (see
 * contig_zone()) or auto-movable (ZONE_MOVABLE while movable memory stays
 * within auto_movable_ratio percent of boot kernel memory, of the node
 * too when auto_movable_numa_aware; decided per memory block, as Tide has
 * no memory groups). Hotplug lock held. Return: the zone, never NULL.
 */
struct zone *zone_for_pfn_range(int online_type, int nid,
				unsigned long start_pfn, unsigned long nr_pages)
{
	if (online_type == MMOP_ONLINE_KERNEL)
		return default_kernel_zone(nid, start_pfn, nr_pages);
	if (online_type == MMOP_ONLINE_MOVABLE)
		return &NODE_DATA(nid)->node_zones[ZONE_MOVABLE];
	if (READ_ONCE(memhp.online_policy) == ONLINE_POLICY_AUTO_MOVABLE)
		return auto_movable_zone(nid, start_pfn, nr_pages);
	return contig_zone(nid, start_pfn, nr_pages);
}

/* Present pages of @pgdat's kernel zones (DMA32, Normal). */
static unsigned long node_kernel_present(const pg_data_t *pgdat)
{
	unsigned long n = 0;
	int z;

	for (z = 0; z < ZONE_MOVABLE; z++)
		n += pgdat->node_zones[z].present_pages;
	return n;
}

/*
 * Fills in which node changes state if [@start_pfn, +@nr_pages) of
 * @zone goes online (@online) or offline: gains its first or loses its
 * last memory, and likewise for kernel-zone memory.
 */
static void memory_notify_init(struct memory_notify *arg, struct zone *zone,
			       unsigned long start_pfn, unsigned long nr_pages,
			       bool online)
{
	pg_data_t *pgdat = zone->zone_pgdat;
	bool kernel = zone_idx(zone) != ZONE_MOVABLE;
	unsigned long node_present = pgdat->node_present_pages;
	unsigned long kern_present = node_kernel_present(pgdat);

	arg->start_pfn = start_pfn;
	arg->nr_pages = nr_pages;
	arg->status_change_nid = NUMA_NO_NODE;
	arg->status_change_nid_normal = NUMA_NO_NODE;
	if (online ? !node_present : node_present == nr_pages)
		arg->status_change_nid = pgdat->node_id;
	if (kernel && (online ? !kern_present : kern_present == nr_pages))
		arg->status_change_nid_normal = pgdat->node_id;
}

/* Calls the chain; returns 0 or the errno a callback vetoed with. */
static int memory_notify_errno(unsigned long event, struct memory_notify *arg)
{
	return notifier_to_errno(memory_notify(event, arg));
}

/*
 * Relabels the struct pages of the range with @zone and grows @zone's
 * span to cover it. zone->lock keeps spans consistent for the
 * allocator's isolation checks.
 */
static void move_pfn_range_to_zone(struct zone *zone, unsigned long start_pfn,
				   unsigned long nr_pages)
{
	unsigned long end_pfn = start_pfn + nr_pages, pfn, flags, zend;
	int nid = zone->zone_pgdat->node_id;

	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		set_page_links(pfn_to_page(pfn), zone_idx(zone), nid);
	spin_lock_irqsave(&zone->lock, flags);
	if (!zone->spanned_pages) {
		zone->zone_start_pfn = start_pfn;
		zend = end_pfn;
	} else {
		zend = max(zone_end_pfn(zone), end_pfn);
		zone->zone_start_pfn = min(zone->zone_start_pfn, start_pfn);
	}
	zone->spanned_pages = zend - zone->zone_start_pfn;
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* Whether @pfn is online memory of @zone (its section online, its page there). */
static bool pfn_in_zone_online(struct zone *zone, unsigned long pfn)
{
	return online_section(__pfn_to_section(pfn)) &&
	       page_zone(pfn_to_page(pfn)) == zone;
}

/*
 * After [@start_pfn, @end_pfn) left @zone: if it was at an edge of the
 * span, moves that edge to the nearest pageblock still online in @zone
 * (an empty zone spans nothing). Holes inside the span stay spanned.
 */
static void shrink_zone_span(struct zone *zone, unsigned long start_pfn,
			     unsigned long end_pfn)
{
	unsigned long zstart = zone->zone_start_pfn, zend = zone_end_pfn(zone);
	unsigned long pfn, flags;

	if (start_pfn <= zstart) {
		for (pfn = end_pfn; pfn < zend; pfn += pageblock_nr_pages)
			if (pfn_in_zone_online(zone, pfn))
				break;
		zstart = min(pfn, zend);
	}
	if (end_pfn >= zend) {
		for (pfn = start_pfn; pfn > zstart; pfn -= pageblock_nr_pages)
			if (pfn_in_zone_online(zone, pfn - pageblock_nr_pages))
				break;
		zend = max(pfn, zstart);
	}
	spin_lock_irqsave(&zone->lock, flags);
	zone->zone_start_pfn = zend > zstart ? zstart : 0;
	zone->spanned_pages = zend > zstart ? zend - zstart : 0;
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* Present-page counts of the zone and node, by @delta pages. */
static void adjust_present_pages(struct zone *zone, unsigned long start_pfn,
				 long delta)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	zone->present_pages += delta;
	if (early_section(__pfn_to_section(start_pfn)))
		zone->present_early_pages += delta;
	spin_unlock_irqrestore(&zone->lock, flags);
	zone->zone_pgdat->node_present_pages += delta;
}

/**
 * mhp_section_hosts_memmap - whether a section keeps its memmap in itself
 * @sec_pfn: first pfn of a present section
 *
 * True for a section added with MHP_MEMMAP_ON_MEMORY: its first page is
 * typed PGTY_MEMMAP and the vmemmap leaf holding its struct pages is its
 * own first 2 MiB (a memmap block from elsewhere may be typed so too).
 * Return: true or false.
 */
bool mhp_section_hosts_memmap(unsigned long sec_pfn)
{
	struct page *first = pfn_to_page(sec_pfn);
	pgentry_t *e;
	int level;

	if (first->type != PGTY_MEMMAP)
		return false;
	e = lookup_address((unsigned long)first, &level);
	return e && level == PG_LEVEL_2M &&
	       pgentry_addr(*e) == PFN_PHYS(sec_pfn);
}

/**
 * mhp_init_memmap_on_memory - a block's own memmap pages join @zone
 * @start_pfn: the block's first pfn
 * @nr_pages: its memmap pages (MHP_VMEMMAP_PAGES)
 * @zone: the zone the rest of the block is about to be onlined into
 *
 * Hotplug lock held; called before online_pages() for the rest. The pages
 * stay PG_reserved and out of the allocator; they join @zone's span and
 * their pageblock becomes MIGRATE_UNMOVABLE. They are not counted present
 * yet: mhp_adjust_present_memmap() does that once the online succeeded,
 * so that online_pages() sees the node's counts as they were.
 */
void mhp_init_memmap_on_memory(unsigned long start_pfn, unsigned long nr_pages,
			       struct zone *zone)
{
	unsigned long pfn;

	move_pfn_range_to_zone(zone, start_pfn, nr_pages);
	for (pfn = start_pfn; pfn < start_pfn + nr_pages;
	     pfn += pageblock_nr_pages)
		set_pageblock_migratetype(pfn_to_page(pfn), MIGRATE_UNMOVABLE);
}

/**
 * mhp_deinit_memmap_on_memory - a block's own memmap pages leave their zone
 * @start_pfn: the block's first pfn
 * @nr_pages: its memmap pages
 *
 * Hotplug lock held; after offline_pages() took the rest of the block out,
 * or after a failed online. The zone's span shrinks if they were at an
 * edge of it. Return: nothing.
 */
void mhp_deinit_memmap_on_memory(unsigned long start_pfn,
				 unsigned long nr_pages)
{
	unsigned long end = start_pfn + nr_pages;
	struct zone *zone = page_zone(pfn_to_page(start_pfn));

	if (zone_intersects(zone, start_pfn, end - start_pfn))
		shrink_zone_span(zone, start_pfn, end);
	node_span_update(zone->zone_pgdat);
}

/**
 * mhp_adjust_present_memmap - count a block's own memmap pages present
 * @start_pfn: the block's first pfn; its memmap pages are in a zone
 * @nr_pages: how many, negative to stop counting them
 *
 * Hotplug lock held. As in Linux, the memmap pages of an online block
 * are present in its zone and node (never managed: MemTotal leaves them
 * out); an offline block has none present. Return: nothing.
 */
void mhp_adjust_present_memmap(unsigned long start_pfn, long nr_pages)
{
	adjust_present_pages(page_zone(pfn_to_page(start_pfn)), start_pfn,
			     nr_pages);
}

static void set_sections_online(unsigned long start_pfn, unsigned long end_pfn,
				bool online)
{
	unsigned long pfn;

	for (pfn = ALIGN_DOWN(start_pfn, PAGES_PER_SECTION); pfn < end_pfn;
	     pfn += PAGES_PER_SECTION) {
		struct mem_section *ms = __pfn_to_section(pfn);

		if (online)
			ms->flags |= SECTION_IS_ONLINE;
		else
			ms->flags &= ~SECTION_IS_ONLINE;
	}
}

/*
 * Hands the PG_reserved pages of the range to the buddy allocator; pages
 * a driver had unplugged (now plugged again) lose that type first.
 */
static void online_pages_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		if (PageUnplugged(pfn_to_page(pfn)))
			pfn_to_page(pfn)->type = PGTY_NONE;
	pfn = start_pfn;
	while (pfn < end_pfn) {
		unsigned int order = min_t(unsigned int, MAX_PAGE_ORDER,
					   __builtin_ctzl(pfn));

		while (pfn + (1UL << order) > end_pfn)
			order--;
		__free_pages_core(pfn_to_page(pfn), order);
		pfn += 1UL << order;
	}
}

/*
 * The pages of the range become PGTY_UNPLUGGED: their struct pages say
 * so (they stay PG_reserved, out of the allocator), the pages themselves
 * are never touched.
 */
static void mark_unplugged(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long n;

	for (n = 0; n < end_pfn - start_pfn; n++) {
		struct page *p = pfn_to_page(start_pfn + n);

		WARN_ON_ONCE(!PageReserved(p));
		WRITE_ONCE(p->type, PGTY_UNPLUGGED);
	}
}

/*
 * Hotplug lock held. online_pages_range() for a range some driver may
 * own: with an owner, only the runs of pageblocks it says are plugged go
 * to the allocator, the others are marked unplugged.
 */
static void online_owned_range(unsigned long start_pfn, unsigned long end_pfn)
{
	struct mhp_owner *owner = mhp_owner_of(start_pfn);
	unsigned long pfn, run;
	bool plugged;

	if (!owner) {
		online_pages_range(start_pfn, end_pfn);
		return;
	}
	for (pfn = start_pfn; pfn < end_pfn; pfn = run) {
		plugged = owner->plugged(owner, pfn);
		for (run = pfn + pageblock_nr_pages; run < end_pfn &&
		     owner->plugged(owner, run) == plugged;
		     run += pageblock_nr_pages)
			;
		if (plugged)
			online_pages_range(pfn, run);
		else
			mark_unplugged(pfn, run);
	}
}

/* Every pageblock of the range gets @mt (its free pages move with it). */
static void set_range_migratetype(unsigned long start_pfn,
				  unsigned long end_pfn, int mt)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages)
		unset_migratetype_isolate(pfn_to_page(pfn), mt);
}

/* Zone population changed: zonelists if it (de)populated, and watermarks. */
static void zone_population_changed(bool populated_before, struct zone *zone)
{
	if (populated_before != populated_zone(zone))
		build_all_zonelists();
	setup_per_zone_wmarks();
}

/**
 * online_pages - hand an offline range to the buddy allocator in @zone
 * @start_pfn: first pfn, pageblock aligned
 * @nr_pages: a multiple of pageblock_nr_pages; every page is present,
 *	PG_reserved and offline (memmap_on_memory pages excluded)
 * @zone: from zone_for_pfn_range(), of the range's node
 *
 * Hotplug lock held. The range joins @zone's span and is isolated, the
 * memory notifier may veto (MEM_GOING_ONLINE), then its pages are freed
 * into the isolated pageblocks (in a registered owner's range only the
 * pageblocks it says are plugged; the others become PGTY_UNPLUGGED,
 * present but not managed), counted as present and managed, made
 * MIGRATE_MOVABLE, and the zonelists (if @zone was empty) and watermarks
 * are rebuilt, and its sections marked online, before MEM_ONLINE. Does
 * not touch memory block state: the caller does.
 *
 * Return: 0, or the errno of a vetoing callback after MEM_CANCEL_ONLINE,
 * with the range offline and outside @zone again.
 */
int online_pages(unsigned long start_pfn, unsigned long nr_pages,
		 struct zone *zone)
{
	unsigned long end_pfn = start_pfn + nr_pages, pfn;
	bool populated = populated_zone(zone);
	struct memory_notify arg;
	int ret;

	if (WARN_ON_ONCE(!nr_pages || !IS_ALIGNED(start_pfn | nr_pages,
						  pageblock_nr_pages)))
		return -EINVAL;
	memory_notify_init(&arg, zone, start_pfn, nr_pages, true);
	move_pfn_range_to_zone(zone, start_pfn, nr_pages);
	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages)
		set_pageblock_migratetype(pfn_to_page(pfn), MIGRATE_ISOLATE);

	ret = memory_notify_errno(MEM_GOING_ONLINE, &arg);
	if (ret) {
		pr_debug("online_pages [%#lx-%#lx]: vetoed: %d\n", start_pfn,
			 end_pfn - 1, ret);
		memory_notify(MEM_CANCEL_ONLINE, &arg);
		for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages)
			set_pageblock_migratetype(pfn_to_page(pfn), MIGRATE_MOVABLE);
		shrink_zone_span(zone, start_pfn, end_pfn);
		return ret;
	}

	adjust_present_pages(zone, start_pfn, nr_pages);
	online_owned_range(start_pfn, end_pfn);
	set_sections_online(start_pfn, end_pfn, true);
	set_range_migratetype(start_pfn, end_pfn, MIGRATE_MOVABLE);
	node_span_update(zone->zone_pgdat);
	zone_population_changed(populated, zone);
	memory_notify(MEM_ONLINE, &arg);
	return 0;
}

/*
 * Isolates every pageblock of the range, remembering each one's type in
 * @saved; on failure restores the ones done. Return: 0 or -EBUSY.
 */
static int isolate_range(unsigned long start_pfn, unsigned long end_pfn,
			 u8 *saved)
{
	unsigned long pfn;
	int i = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages, i++) {
		struct page *page = pfn_to_page(pfn);

		saved[i] = get_pageblock_migratetype(page);
		if (set_migratetype_isolate(page))
			goto undo;
	}
	return 0;
undo:
	while (pfn > start_pfn) {
		pfn -= pageblock_nr_pages;
		unset_migratetype_isolate(pfn_to_page(pfn), saved[--i]);
	}
	return -EBUSY;
}

static void unisolate_range(unsigned long start_pfn, unsigned long end_pfn,
			    const u8 *saved)
{
	unsigned long pfn;
	int i = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages, i++)
		unset_migratetype_isolate(pfn_to_page(pfn), saved[i]);
}

/*
 * Blocks that will go offline soon, isolated ahead of their turn so that
 * what leaves one of them is not put into another (mhp_isolate_leaving(),
 * offline_planned()). An entry is the online part of one memory block
 * (memory_block_pfns()) and its pageblocks' types from before. The list
 * and the entries change only under the hotplug lock held for writing;
 * an entry may outlive one hold of it (virtio-mem drops the lock between
 * steps), and goes away when offline_pages() takes that range (whether
 * it succeeds or not) or when its isolation is undone.
 */
struct leaving_block {
	struct list_head list;
	unsigned long first_pfn, past_pfn;
	u8 saved[PAGEBLOCKS_PER_SECTION];
};

static LIST_HEAD(leaving_blocks);

/* Hotplug lock held. Takes the entry of exactly [@start_pfn, @end_pfn). */
static struct leaving_block *leaving_take(unsigned long start_pfn,
					  unsigned long end_pfn)
{
	struct leaving_block *lb;

	list_for_each_entry(lb, &leaving_blocks, list) {
		if (lb->first_pfn == start_pfn && lb->past_pfn == end_pfn) {
			list_del(&lb->list);
			return lb;
		}
	}
	return NULL;
}

/* Hotplug lock held. Whether [@start_pfn, @end_pfn) meets a leaving block. */
static bool leaving_overlaps(unsigned long start_pfn, unsigned long end_pfn)
{
	struct leaving_block *lb;

	list_for_each_entry(lb, &leaving_blocks, list)
		if (lb->first_pfn < end_pfn && start_pfn < lb->past_pfn)
			return true;
	return false;
}

/*
 * Hotplug lock held for writing. Isolates the online range of one block
 * ahead of its offline and records it. Return: 0, -ENOMEM, or -EBUSY
 * (a pageblock already isolated: nothing changed).
 */
static int leaving_isolate(unsigned long start_pfn, unsigned long end_pfn)
{
	struct leaving_block *lb = kzalloc(sizeof(*lb), GFP_KERNEL);
	int ret;

	if (!lb)
		return -ENOMEM;
	ret = isolate_range(start_pfn, end_pfn, lb->saved);
	if (ret) {
		kfree(lb);
		return ret;
	}
	lb->first_pfn = start_pfn;
	lb->past_pfn = end_pfn;
	list_add_tail(&lb->list, &leaving_blocks);
	return 0;
}

/*
 * Hotplug lock held for writing. Gives [@start_pfn, @end_pfn) its
 * pageblock types back if it is still a leaving block; else nothing.
 */
static void leaving_unisolate(unsigned long start_pfn, unsigned long end_pfn)
{
	struct leaving_block *lb = leaving_take(start_pfn, end_pfn);

	if (!lb)
		return;
	unisolate_range(lb->first_pfn, lb->past_pfn, lb->saved);
	kfree(lb);
}

/*
 * Whether the task offlining was sent a signal: then the offline stops
 * with -EINTR and rolls back like any failed one. Only a write from user
 * space can see this; kernel threads (ACPI eject, KUnit) never have one.
 * @what names the work in the console line ("offline_pages", "unplug").
 */
static bool offline_interrupted(const char *what, unsigned long start_pfn,
				unsigned long end_pfn)
{
	bool interrupted = signal_pending(current);

	if (interrupted)
		pr_info("%s [%#lx-%#lx]: interrupted by a signal\n", what,
			start_pfn, end_pfn - 1);
	return interrupted;
}

/*
 * The pause between two passes, cut into OFFLINE_PAUSE_STEP_MS steps so
 * that a signal ends it early. Return: true if a signal came.
 */
static bool offline_pause(const char *what, unsigned long start_pfn,
			  unsigned long end_pfn, unsigned int ms)
{
	unsigned int step;

	while (ms) {
		step = min(ms, OFFLINE_PAUSE_STEP_MS);
		msleep(step);
		ms -= step;
		if (offline_interrupted(what, start_pfn, end_pfn))
			return true;
	}
	return false;
}

/*
 * Moves every page in use out of the isolated range, pass after pass,
 * until all of it is free. A page that can never move (-EBUSY from the
 * scan: not migratable, or its owner refused) ends it at once. A page
 * held for a moment by an extra reference, one that kept changing
 * (-EAGAIN) or a failed target allocation (-ENOMEM) is tried again in the
 * next pass, after a pause that doubles each time: at most
 * OFFLINE_MAX_PASSES passes, about a second of pauses in all. Each pass
 * scans OFFLINE_SCAN_CHUNK pages at a time; before each stretch and
 * during the pauses a pending signal ends the work (offline_interrupted()).
 * @what names the work in the console lines: "offline_pages" for an
 * offline, "unplug" for mhp_unplug_pages().
 * Return: 0, -EINTR, or -EBUSY.
 */
static int evacuate_range(const char *what, unsigned long start_pfn,
			  unsigned long end_pfn)
{
	struct migration_target_control mtc = {
		.nid = NUMA_NO_NODE, .other_nodes_first = true,
	};
	unsigned long bad, pfn, stop;
	int pass, err, ret = 0;

	for (pass = 0; pass < OFFLINE_MAX_PASSES; pass++) {
		ret = 0;
		for (pfn = start_pfn; pfn < end_pfn; pfn = stop) {
			if (offline_interrupted(what, start_pfn, end_pfn))
				return -EINTR;
			stop = min(end_pfn, pfn + OFFLINE_SCAN_CHUNK);
			bad = ULONG_MAX;
			err = migrate_pfn_range(pfn, stop, alloc_migration_target,
						(unsigned long)&mtc, &bad);
			if (err == -EBUSY && bad != ULONG_MAX) {
				pr_info("%s [%#lx-%#lx]: pfn %#lx cannot be moved (type %u, count %d)\n",
					what, start_pfn, end_pfn - 1, bad,
					pfn_to_page(bad)->type,
					page_count(pfn_to_page(bad)));
				return -EBUSY;
			}
			if (err == -EBUSY) {
				pr_info("%s [%#lx-%#lx]: an owner refused to move a page\n",
					what, start_pfn, end_pfn - 1);
				return -EBUSY;
			}
			if (err && !ret)
				ret = err;
		}
		if (!ret && !test_pages_isolated(start_pfn, end_pfn))
			return 0;
		if (offline_pause(what, start_pfn, end_pfn, 1U << pass))
			return -EINTR;
	}
	pr_info("%s [%#lx-%#lx]: still busy after %d passes (%d)\n", what,
		start_pfn, end_pfn - 1, OFFLINE_MAX_PASSES, ret);
	return -EBUSY;
}

/*
 * Free pages @zone offers to what leaves the blocks being offlined, once
 * @gone of its managed pages (@gone_free of them free) have left with
 * them: its free pages above its min watermark, and for a kernel zone
 * above zone_kernel_reserve() too, both scaled down to the managed pages
 * it keeps (a zone emptied keeps nothing back, and one that shrinks
 * keeps back less). Unlocked: an estimate for refusing an offline early,
 * not a promise.
 */
static unsigned long zone_room_after(struct zone *zone, unsigned long gone,
				     unsigned long gone_free)
{
	unsigned long free = READ_ONCE(zone->vm_stat[NR_FREE_PAGES]);
	unsigned long managed = READ_ONCE(zone->managed_pages);
	unsigned long keep = min_wmark_pages(zone) + zone_kernel_reserve(zone);

	if (gone >= managed)
		return 0;
	keep = keep * (managed - gone) / managed;
	free = free > gone_free ? free - gone_free : 0;
	return free > keep ? free - keep : 0;
}

/* Pages of the range a driver took back (PGTY_UNPLUGGED): not RAM. */
static unsigned long unplugged_pages_in_range(unsigned long start_pfn,
					      unsigned long end_pfn)
{
	unsigned long pfn, n = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		n += PageUnplugged(pfn_to_page(pfn));
	return n;
}

/*
 * Whether what is in use in the online ranges [@start[i], @end[i]) (each
 * in one zone) fits in what every zone offers once they are gone
 * (zone_room_after()); unplugged pages are neither in use nor managed.
 * @isolated: the ranges are isolated already, so their free pages have
 * left the zones' free counts (else none of them is isolated yet).
 * Sets *@in_use and *@room. Shared by offline and mhp_unplug_pages().
 * Return: true if it fits.
 */
static bool ranges_fit(const unsigned long *start, const unsigned long *end,
		       int nr, bool isolated, unsigned long *in_use,
		       unsigned long *room)
{
	int nid, z, i;

	*in_use = 0;
	*room = 0;

	for_each_online_node(nid) {
		for (z = MAX_NR_ZONES - 1; z >= 0; z--) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];
			unsigned long gone = 0, gone_free = 0, f, u;

			if (!populated_zone(zone))
				continue;
			for (i = 0; i < nr; i++) {
				if (page_zone(pfn_to_page(start[i])) != zone)
					continue;
				f = free_pages_in_range(start[i], end[i]);
				u = unplugged_pages_in_range(start[i], end[i]);
				gone += end[i] - start[i] - u;
				if (!isolated)
					gone_free += f;
				*in_use += end[i] - start[i] - u - f;
			}
			*room += zone_room_after(zone, gone, gone_free);
		}
	}
	return *in_use <= *room;
}

/*
 * ranges_fit() for an offline. Return: 0, or -EBUSY with the reason on
 * the console: an offline that cannot fit what it must move is refused
 * before it moves anything.
 */
static int offline_fits(const unsigned long *start, const unsigned long *end,
			int nr, bool isolated)
{
	unsigned long in_use, room;

	if (ranges_fit(start, end, nr, isolated, &in_use, &room))
		return 0;
	pr_info("offline: %lu pages in use, room for %lu elsewhere: refused\n",
		in_use, room);
	return -EBUSY;
}

static int add_ram_pages(unsigned long pfn, unsigned long nr, void *arg)
{
	*(unsigned long *)arg += nr;
	return 0;
}

/*
 * Whether every page of [@start_pfn, @end_pfn) is System RAM in the
 * resource tree (/proc/iomem): a block firmware keeps part of (a hole)
 * never goes offline, as in Linux, whatever its pages hold.
 */
static bool range_all_ram(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long ram = 0;

	walk_system_ram_range(start_pfn, end_pfn - start_pfn, &ram,
			      add_ram_pages);
	return ram == end_pfn - start_pfn;
}

/**
 * offline_pages - take an online range out of the buddy allocator
 * @start_pfn: first pfn, pageblock aligned
 * @nr_pages: at most one section, a multiple of pageblock_nr_pages; every
 *	page is online and in one zone
 *
 * Hotplug lock held. Refuses first a range that is not all System RAM in
 * the resource tree ("memory holes", as Linux), then one whose pages in
 * use cannot fit elsewhere (see offline_fits()); isolates its pageblocks
 * so nothing new is allocated there (a range isolated ahead with the
 * blocks leaving with it, see mhp_isolate_leaving(), is taken as it is),
 * asks the memory notifier (MEM_GOING_OFFLINE may veto), migrates every
 * page in use elsewhere (see evacuate_range() for the bound on retries),
 * then takes the free pages out, lowers the present and managed counts,
 * shrinks the zone's span and rebuilds zonelists and watermarks, and
 * marks its sections offline, before MEM_OFFLINE. Does not touch memory
 * block state: the caller does.
 *
 * Return: 0; -EINVAL when the range has a hole (firmware's, not System
 * RAM) or is not online memory of one zone;
 * -EBUSY when what is in use would not fit elsewhere, a pageblock cannot
 * be isolated or a page cannot be moved; -EINTR when the calling task got
 * a signal while pages were being moved; a vetoing callback's errno.
 * On failure MEM_CANCEL_OFFLINE is sent (once MEM_GOING_OFFLINE was) and
 * the range is online as before, its pageblocks back to their types
 * (also those of a range isolated ahead); pages that were migrated stay
 * where they went.
 */
int offline_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	unsigned long end_pfn = start_pfn + nr_pages, pfn;
	u8 saved[PAGEBLOCKS_PER_SECTION];
	struct leaving_block *lb;
	struct memory_notify arg;
	struct zone *zone;
	bool populated;
	int ret;

	if (WARN_ON_ONCE(!nr_pages || nr_pages > PAGES_PER_SECTION ||
			 !IS_ALIGNED(start_pfn | nr_pages, pageblock_nr_pages)))
		return -EINVAL;
	if (!range_all_ram(start_pfn, end_pfn)) {
		/* Linux's failure line, with its reason for this case. */
		pr_info("memory offlining [mem %#010llx-%#010llx] failed due to memory holes\n",
			PFN_PHYS(start_pfn), PFN_PHYS(end_pfn) - 1);
		goto refused;
	}
	zone = page_zone(pfn_to_page(start_pfn));
	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages)
		if (!pfn_in_zone_online(zone, pfn) ||
		    !pfn_in_zone_online(zone, pfn + pageblock_nr_pages - 1))
			goto refused;
	populated = populated_zone(zone);

	lb = leaving_take(start_pfn, end_pfn);
	if (lb) {
		/* Isolated ahead, with the blocks leaving with it. */
		memcpy(saved, lb->saved, sizeof(saved));
		kfree(lb);
		ret = offline_fits(&start_pfn, &end_pfn, 1, true);
		if (ret)
			goto unisolate;
	} else {
		/*
		 * Before isolating: offline_fits() counts the zones' free
		 * pages, and the range's own leave that count once isolated.
		 */
		ret = offline_fits(&start_pfn, &end_pfn, 1, false);
		if (ret)
			return ret;
		ret = isolate_range(start_pfn, end_pfn, saved);
		if (ret)
			return ret;
	}
	memory_notify_init(&arg, zone, start_pfn, nr_pages, false);
	ret = memory_notify_errno(MEM_GOING_OFFLINE, &arg);
	if (ret)
		goto cancel;
	ret = evacuate_range("offline_pages", start_pfn, end_pfn);
	if (ret)
		goto cancel;

	offline_isolated_pages(start_pfn, end_pfn);
	set_sections_online(start_pfn, end_pfn, false);
	adjust_present_pages(zone, start_pfn, -(long)nr_pages);
	shrink_zone_span(zone, start_pfn, end_pfn);
	node_span_update(zone->zone_pgdat);
	zone_population_changed(populated, zone);
	memory_notify(MEM_OFFLINE, &arg);
	return 0;

cancel:
	memory_notify(MEM_CANCEL_OFFLINE, &arg);
unisolate:
	unisolate_range(start_pfn, end_pfn, saved);
	return ret;

refused:
	/* Isolated ahead (a leaving block): back as it was all the same. */
	leaving_unisolate(start_pfn, end_pfn);
	return -EINVAL;
}

/* ---- blocks that leave together ---- */

/* For mhp_isolate_leaving(): the online blocks among the ones given. */
struct leaving_plan {
	unsigned long *start, *end;
	int nr;
};

static int leaving_plan_block(struct memory_block *mem, void *arg)
{
	struct leaving_plan *lp = arg;

	if (mem->state != MEM_ONLINE)
		return 0;
	if (!mem->zone)	/* boot memory of two zones: never leaves */
		return -EBUSY;
	memory_block_pfns(mem, &lp->start[lp->nr], &lp->end[lp->nr]);
	lp->nr++;
	return 0;
}

/*
 * Hotplug lock held. The longest run of @lp's blocks, from the first,
 * whose pages in use fit elsewhere together. More blocks only add pages
 * in use and take room away, so a binary search finds it.
 */
static int leaving_fitting(const struct leaving_plan *lp)
{
	unsigned long in_use, room;
	int lo = 0, hi = lp->nr, mid;

	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		if (ranges_fit(lp->start, lp->end, mid, false, &in_use, &room))
			lo = mid;
		else
			hi = mid - 1;
	}
	if (lo < lp->nr)
		pr_info("offline: %d of %d leaving blocks fit elsewhere together\n",
			lo, lp->nr);
	return lo;
}

/**
 * mhp_isolate_leaving - isolate memory blocks that are about to go offline
 * @starts: the first physical address of each block, memory block
 *	aligned, in the order the caller will offline them
 * @nr: how many
 *
 * Hotplug lock held for writing. Looks at @starts in order and takes the
 * longest run from the first whose pages in use fit elsewhere together
 * (the estimate offline_pages() makes, for all of them at once); blocks
 * that are offline already count in the run and are left alone. It
 * isolates the pageblocks of every online block of the run: nothing new
 * is allocated there, and when offline_pages() then takes one of them,
 * what it moves goes to memory that stays, so data moves once however
 * many blocks leave.
 *
 * A block stays isolated, also across releases of the hotplug lock,
 * until offline_pages() takes it (it is then offline, or, if that
 * failed, back as it was before this call) or mhp_unisolate_leaving()
 * gives it back. Meanwhile mhp_plug_pages() and mhp_unplug_pages()
 * refuse it with -EBUSY. The caller undoes what it did not offline.
 *
 * Return: how many of @starts, from the first, are now isolated or
 * offline: 0 to @nr (fewer than @nr: the rest did not fit, reason on
 * the console); -EINVAL when a start is not a present memory block's;
 * -EBUSY when a block spans two zones or is isolated already; -ENOMEM.
 * On an error nothing is isolated.
 */
int mhp_isolate_leaving(const u64 *starts, int nr)
{
	u64 bsize = memory_block_size_bytes();
	struct leaving_plan lp = {};
	int *online_before, i, fit, ret = 0;

	if (nr <= 0)
		return 0;
	lp.start = kcalloc(2 * nr, sizeof(*lp.start), GFP_KERNEL);
	online_before = kcalloc(nr + 1, sizeof(*online_before), GFP_KERNEL);
	if (!lp.start || !online_before) {
		ret = -ENOMEM;
		goto out;
	}
	lp.end = lp.start + nr;
	for (i = 0; i < nr && !ret; i++) {
		online_before[i] = lp.nr;
		if (!IS_ALIGNED(starts[i], bsize) ||
		    !pfn_valid(PHYS_PFN(starts[i])))
			ret = -EINVAL;
		else
			ret = walk_memory_blocks(starts[i], bsize, &lp,
						 leaving_plan_block);
	}
	online_before[nr] = lp.nr;
	if (ret)
		goto out;
	fit = leaving_fitting(&lp);
	for (i = 0; i < fit; i++) {
		ret = leaving_isolate(lp.start[i], lp.end[i]);
		if (ret)
			break;
	}
	if (ret) {
		while (i--)
			leaving_unisolate(lp.start[i], lp.end[i]);
		goto out;
	}
	/* Offline blocks right after the run belong to it too. */
	for (i = nr; online_before[i] > fit; i--)
		;
	ret = i;
out:
	kfree(online_before);
	kfree(lp.start);
	return ret;
}

/**
 * mhp_unisolate_leaving - give back blocks isolated ahead of an offline
 * @starts: as given to mhp_isolate_leaving()
 * @nr: how many
 *
 * Hotplug lock held for writing. Every block of @starts that
 * mhp_isolate_leaving() isolated and nobody offlined since gets its
 * pageblocks back as they were; the others are left alone.
 */
void mhp_unisolate_leaving(const u64 *starts, int nr)
{
	unsigned long first, past;
	struct memory_block *mem;
	int i;

	for (i = 0; i < nr; i++) {
		if (!IS_ALIGNED(starts[i], memory_block_size_bytes()))
			continue;
		first = PHYS_PFN(starts[i]);
		mem = find_memory_block_by_id(pfn_to_section_nr(first));
		if (!mem)
			continue;
		memory_block_pfns(mem, &first, &past);
		put_device(&mem->dev);
		leaving_unisolate(first, past);
	}
}

/* ---- whole ranges: the one place that changes them and rolls back ---- */

static int online_one_block(struct memory_block *mem, void *arg)
{
	int err;

	if (mem->state != MEM_OFFLINE)
		return 0;
	err = memory_block_online(mem, *(int *)arg, NULL);
	if (err)
		pr_warn("memory: cannot online memory%lu: %d\n",
			mem->start_section_nr, err);
	return 0;
}

/**
 * online_memory_blocks - online every offline block of a range
 * @start: first physical address, memory block aligned
 * @size: a multiple of the memory block size
 * @online_type: an enum mmop; MMOP_OFFLINE means MMOP_ONLINE
 *
 * Hotplug lock held. For auto-onlining new memory: a block that fails to
 * online is reported and stays offline, and the others go on.
 */
void online_memory_blocks(u64 start, u64 size, int online_type)
{
	walk_memory_blocks(start, size, &online_type, online_one_block);
}

/* A block offlined by offline_ranges(), and how to bring it back. */
struct block_undo {
	struct memory_block *mem;
	int online_type;
	struct zone *zone;
	unsigned long start_pfn, end_pfn;
};

struct offline_plan {
	struct block_undo *blocks;
	int nr, max;
};

static int plan_block(struct memory_block *mem, void *arg)
{
	struct offline_plan *plan = arg;
	struct block_undo *b;

	if (mem->state != MEM_ONLINE)
		return 0;
	if (!mem->zone) {	/* boot memory of two zones */
		pr_info("memory: memory%lu spans two zones, cannot go offline\n",
			mem->start_section_nr);
		return -EBUSY;
	}
	if (WARN_ON_ONCE(plan->nr == plan->max))
		return -EINVAL;
	b = &plan->blocks[plan->nr++];
	b->mem = mem;
	b->online_type = mem->online_type;
	b->zone = mem->zone;
	memory_block_pfns(mem, &b->start_pfn, &b->end_pfn);
	return 0;
}

/*
 * Hotplug lock held. Checks that every range can be removed once it is
 * offline (hot-added memory, wholly inside, at least one part) and plans
 * which blocks go offline, with the state each must come back to.
 * Return: 0, -EINVAL (not removable), -EBUSY or -ENOMEM.
 */
static int plan_offline(const struct range *r, int nr,
			struct offline_plan *plan)
{
	unsigned long blocks = 0;
	int i, ret, parts;

	for (i = 0; i < nr; i++) {
		ret = mhp_check_range(r[i].start, range_len(&r[i]));
		if (ret)
			return ret;
		blocks += range_len(&r[i]) / memory_block_size_bytes();
		parts = 0;
		ret = walk_range_parts(r[i].start, range_len(&r[i]), &parts,
				       count_hotadded_part);
		if (ret || !parts)
			return -EINVAL;
	}
	plan->blocks = kcalloc(blocks, sizeof(*plan->blocks), GFP_KERNEL);
	if (!plan->blocks)
		return -ENOMEM;
	plan->max = blocks;
	for (i = 0; i < nr; i++) {
		ret = walk_memory_blocks(r[i].start, range_len(&r[i]), plan,
					 plan_block);
		if (ret)
			return ret;
	}
	return 0;
}

/* Hotplug lock held. Whether the plan's pages in use fit elsewhere. */
static int plan_fits(const struct offline_plan *plan)
{
	unsigned long *start, *end;
	int i, ret;

	if (!plan->nr)
		return 0;
	start = kcalloc(2 * plan->nr, sizeof(*start), GFP_KERNEL);
	if (!start)
		return -ENOMEM;
	end = start + plan->nr;
	for (i = 0; i < plan->nr; i++) {
		start[i] = plan->blocks[i].start_pfn;
		end[i] = plan->blocks[i].end_pfn;
	}
	ret = offline_fits(start, end, plan->nr, false);
	kfree(start);
	return ret;
}

/*
 * Hotplug lock held for writing. Isolates every planned block first, so
 * that what leaves one of them goes to memory that stays and moves once;
 * then offlines them in order. If one fails, the ones after it get their
 * pageblocks back and the ones before it come back online with exactly
 * the online type and in exactly the zone they had.
 * Return: 0 or the failing block's errno.
 */
static int offline_planned(const struct offline_plan *plan)
{
	int i, j, ret = 0;

	for (i = 0; i < plan->nr; i++) {
		ret = leaving_isolate(plan->blocks[i].start_pfn,
				      plan->blocks[i].end_pfn);
		if (ret) {
			pr_info("memory: memory%lu cannot be isolated: %d\n",
				plan->blocks[i].mem->start_section_nr, ret);
			goto unisolate;
		}
	}
	for (i = 0; i < plan->nr; i++) {
		ret = memory_block_offline(plan->blocks[i].mem);
		if (ret) {
			pr_info("memory: memory%lu stays online: %d\n",
				plan->blocks[i].mem->start_section_nr, ret);
			break;
		}
	}
	if (!ret)
		return 0;
	/* A failed offline_pages() gave block i its pageblocks back. */
	for (j = i; j < plan->nr; j++)
		leaving_unisolate(plan->blocks[j].start_pfn,
				  plan->blocks[j].end_pfn);
	while (i--) {
		const struct block_undo *b = &plan->blocks[i];

		if (memory_block_online(b->mem, b->online_type, b->zone))
			pr_err("memory: memory%lu could not be onlined again\n",
			       b->mem->start_section_nr);
	}
	return ret;

unisolate:
	while (i--)
		leaving_unisolate(plan->blocks[i].start_pfn,
				  plan->blocks[i].end_pfn);
	return ret;
}

/**
 * offline_and_remove_memory_ranges - offline hot-added ranges, remove them
 * @r: the ranges, memory block aligned; each holds hot-added memory only
 *	(the blocks of one or more add_memory() calls, each wholly inside)
 * @nr: how many
 *
 * All or nothing, under one hold of the hotplug lock, so nobody onlines a
 * block in between: first checks that every range can be removed once it
 * is offline, that every online block is in one zone, and that the pages
 * in use in all of them fit elsewhere (see offline_fits()); then isolates
 * the pageblocks of every online block, so that what is in use moves
 * once, to memory that stays, and offlines them one by one; if one
 * fails, the ones not offlined yet get their pageblocks back and the
 * ones offlined before it come back online with exactly the online type
 * and zone each had (blocks that were offline stay offline); then
 * removes every range, which the checks made sure cannot fail half-way.
 * Takes the hotplug lock; sleeps.
 *
 * Return: 0 with every range removed; -EINVAL for a bad range or one that
 * holds boot memory, no memory, or part of a larger hot-added range;
 * -EBUSY when a page cannot be moved, the pages in use do not fit
 * elsewhere or a block spans two zones; a notifier's errno; -ENOMEM. On
 * failure every block is as it was.
 */
int offline_and_remove_memory_ranges(const struct range *r, int nr)
{
	struct offline_plan plan = {};
	int i, ret;

	mem_hotplug_begin();
	ret = plan_offline(r, nr, &plan);
	if (!ret)
		ret = plan_fits(&plan);
	if (!ret)
		ret = offline_planned(&plan);
	kfree(plan.blocks);
	/* Checked by plan_offline(): nothing online, all of it hot-added. */
	for (i = 0; !ret && i < nr; i++)
		WARN_ON(__remove_memory(r[i].start, range_len(&r[i])));
	mem_hotplug_done();
	return ret;
}

/**
 * offline_and_remove_memory - offline_and_remove_memory_ranges() of one range
 * @start: first physical address, memory block aligned
 * @size: a multiple of the memory block size
 *
 * Return: as offline_and_remove_memory_ranges().
 */
int offline_and_remove_memory(u64 start, u64 size)
{
	struct range r = { .start = start, .end = start + size - 1 };

	return offline_and_remove_memory_ranges(&r, 1);
}

/**
 * mhp_range_has_memory - whether any block of a range has a memmap
 * @start: first physical address, memory block aligned
 * @size: a multiple of the memory block size
 *
 * Takes the hotplug lock for reading. For a device about to be ejected:
 * nothing of its range may still be memory. Return: true if some is.
 */
bool mhp_range_has_memory(u64 start, u64 size)
{
	u64 pos;
	bool found = false;

	get_online_mems();
	for (pos = start; pos < start + size && !found;
	     pos += memory_block_size_bytes())
		found = valid_section(__pfn_to_section(PHYS_PFN(pos)));
	put_online_mems();
	return found;
}

/* ---- memory a driver owns (virtio-mem) ---- */

/**
 * mhp_owner_register - make online_pages() ask @owner about its range
 * @owner: @start and @size memory block aligned, @plugged set
 *
 * Takes the hotplug lock. From now on, onlining a block of
 * [@owner->start, +@owner->size) hands only the pageblocks @owner says
 * are plugged to the allocator; see online_owned_range().
 *
 * Return: 0; -EINVAL for a bad alignment, an empty range or no
 * @plugged; -EBUSY when the range overlaps another owner's.
 */
int mhp_owner_register(struct mhp_owner *owner)
{
	struct mhp_owner *other;
	int ret;

	if (!owner || !owner->plugged)
		return -EINVAL;
	ret = mhp_check_range(owner->start, owner->size);
	if (ret)
		return ret;
	if (owner->start + owner->size < owner->start)
		return -EINVAL;
	mem_hotplug_begin();
	list_for_each_entry(other, &mhp_owners, list) {
		if (owner->start < other->start + other->size &&
		    other->start < owner->start + owner->size) {
			ret = -EBUSY;
			break;
		}
	}
	if (!ret)
		list_add_tail(&owner->list, &mhp_owners);
	mem_hotplug_done();
	return ret;
}

/**
 * mhp_owner_unregister - forget an owner whose range holds no memory now
 * @owner: registered with mhp_owner_register()
 *
 * Takes the hotplug lock. Return: nothing.
 */
void mhp_owner_unregister(struct mhp_owner *owner)
{
	mem_hotplug_begin();
	list_del_init(&owner->list);
	mem_hotplug_done();
}

/**
 * add_driver_memory - hot-add driver-managed memory, hotplug lock held
 * @nid: its node
 * @start: first physical address, memory block aligned
 * @size: a non-zero multiple of the memory block size
 * @name: the resource's name, e.g. "System RAM (virtio_mem)"; kept by
 *	pointer, so it must outlive the memory
 * @flags: as for add_memory(); with MHP_MEMMAP_ON_MEMORY each block's
 *	first MHP_VMEMMAP_PAGES pages must be plugged already
 *
 * __add_memory() with a resource of its own kind: @name, busy System RAM
 * flagged IORESOURCE_SYSRAM_DRIVER_MANAGED, placed inside the deepest
 * non-busy resource that covers the range (the driver's device region,
 * such as "virtio0", when it claimed one). The blocks are then onlined
 * as auto_online_blocks says; in a registered owner's range only the
 * plugged pageblocks reach the allocator.
 *
 * Return: as add_memory(); -EINVAL also for no @name.
 */
int add_driver_memory(int nid, u64 start, u64 size, const char *name,
		      mhp_t flags)
{
	int ret = mhp_check_add(nid, start, size, flags);

	if (ret)
		return ret;
	if (!name)
		return -EINVAL;
	ret = __add_memory_range(nid, start, size, flags, name,
				 MHP_RAM_FLAGS | IORESOURCE_SYSRAM_DRIVER_MANAGED);
	if (!ret)
		mhp_auto_online(start, size);
	return ret;
}

/**
 * remove_driver_memory - remove what add_driver_memory() added
 * @start: first physical address, memory block aligned
 * @size: a multiple of the memory block size
 *
 * __remove_memory(), hotplug lock held: its resources are found where
 * add_driver_memory() nested them, and released. Every block offline.
 *
 * Return: 0; -EBUSY when a block is online; -EINVAL for a bad range or
 * one without hot-added memory.
 */
int remove_driver_memory(u64 start, u64 size)
{
	return __remove_memory(start, size);
}

/*
 * Hotplug lock held. Whether [@start_pfn, +@nr_pages) is pageblock
 * aligned, inside one memory block that is online in one zone, and
 * inside a registered owner's range. Return: 0 or -EINVAL.
 */
static int mhp_check_owned(unsigned long start_pfn, unsigned long nr_pages)
{
	unsigned long last = start_pfn + nr_pages - 1;
	struct mhp_owner *owner;

	if (!nr_pages || !IS_ALIGNED(start_pfn | nr_pages, pageblock_nr_pages) ||
	    last < start_pfn ||
	    pfn_to_section_nr(start_pfn) != pfn_to_section_nr(last))
		return -EINVAL;
	owner = mhp_owner_of(start_pfn);
	if (!owner || PFN_PHYS(last) - owner->start >= owner->size)
		return -EINVAL;
	if (!pfn_valid(start_pfn) ||
	    !online_section(__pfn_to_section(start_pfn)) ||
	    page_zone(pfn_to_page(start_pfn)) != page_zone(pfn_to_page(last)))
		return -EINVAL;
	return 0;
}

/**
 * mhp_plug_pages - unplugged pages of an online block join the allocator
 * @start_pfn: first pfn, pageblock aligned
 * @nr_pages: a multiple of pageblock_nr_pages, within one memory block
 *	of a registered owner's range
 *
 * Hotplug lock held for writing. Every page must be PGTY_UNPLUGGED; they
 * are freed into their block's zone as MIGRATE_MOVABLE pageblocks, and
 * the zone's managed pages (MemTotal) grow by @nr_pages. Present counts
 * do not change: unplugged pages were present already.
 *
 * Return: 0; -EINVAL for a bad range, a block not online or a page that
 * is not PGTY_UNPLUGGED; -EBUSY for a block isolated by
 * mhp_isolate_leaving() (then nothing changed).
 */
int mhp_plug_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	unsigned long end_pfn = start_pfn + nr_pages, pfn;
	struct zone *zone;
	bool populated;
	int ret = mhp_check_owned(start_pfn, nr_pages);

	if (ret)
		return ret;
	if (leaving_overlaps(start_pfn, end_pfn))
		return -EBUSY;
	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		if (!PageUnplugged(pfn_to_page(pfn)))
			return -EINVAL;
	zone = page_zone(pfn_to_page(start_pfn));
	populated = populated_zone(zone);
	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages)
		set_pageblock_migratetype(pfn_to_page(pfn), MIGRATE_MOVABLE);
	online_pages_range(start_pfn, end_pfn);
	zone_population_changed(populated, zone);
	return 0;
}

/**
 * mhp_unplug_pages - plugged pages of an online block leave the allocator
 * @start_pfn: first pfn, pageblock aligned
 * @nr_pages: a multiple of pageblock_nr_pages, within one memory block
 *	of a registered owner's range; none unplugged, none the memmap
 *
 * Hotplug lock held for writing. First refuses if what is in use in the
 * range would not fit in what the other memory offers (the estimate
 * offline makes, ranges_fit()). Then isolates the pageblocks, moves
 * everything in use elsewhere (evacuate_range(): kernel pages too, the
 * same retries, signals and limits as offline), takes the free pages out
 * of the allocator and marks them PGTY_UNPLUGGED: managed pages drop by
 * @nr_pages, present pages stay. The memory notifier is not called: the
 * block stays online.
 *
 * Return: 0; -EINVAL for a bad range or pages that are not plugged RAM;
 * -ENOSPC when what is in use does not fit elsewhere (reason on the
 * console); -EBUSY when a pageblock cannot be isolated (the block is
 * isolated by mhp_isolate_leaving()) or a page cannot move; -EINTR on a
 * signal. On failure the pageblocks are back as they
 * were (pages that moved stay moved).
 */
int mhp_unplug_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	unsigned long end_pfn = start_pfn + nr_pages, pfn, in_use, room;
	u8 saved[PAGEBLOCKS_PER_SECTION];
	struct zone *zone;
	bool populated;
	int ret = mhp_check_owned(start_pfn, nr_pages);

	if (ret)
		return ret;
	pfn = ALIGN_DOWN(start_pfn, PAGES_PER_SECTION);
	if (mhp_section_hosts_memmap(pfn) && start_pfn < pfn + MHP_VMEMMAP_PAGES)
		return -EINVAL;		/* the block's own memmap */
	if (leaving_overlaps(start_pfn, end_pfn))
		return -EBUSY;
	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		if (PageUnplugged(pfn_to_page(pfn)))
			return -EINVAL;
	if (!ranges_fit(&start_pfn, &end_pfn, 1, false, &in_use, &room)) {
		pr_info("unplug [%#lx-%#lx]: %lu pages in use, room for %lu elsewhere: refused\n",
			start_pfn, end_pfn - 1, in_use, room);
		return -ENOSPC;
	}
	zone = page_zone(pfn_to_page(start_pfn));
	populated = populated_zone(zone);
	ret = isolate_range(start_pfn, end_pfn, saved);
	if (ret)
		return ret;
	ret = evacuate_range("unplug", start_pfn, end_pfn);
	if (ret) {
		unisolate_range(start_pfn, end_pfn, saved);
		return ret;
	}
	offline_isolated_pages(start_pfn, end_pfn);
	mark_unplugged(start_pfn, end_pfn);
	/* Nothing free is left in them: their type only labels them. */
	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages)
		unset_migratetype_isolate(pfn_to_page(pfn), MIGRATE_MOVABLE);
	zone_population_changed(populated, zone);
	return 0;
}
