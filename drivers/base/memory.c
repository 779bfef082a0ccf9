// SPDX-License-Identifier: GPL-2.0
/*
 * Memory blocks in sysfs: a device /sys/devices/system/memory/memoryN for
 * every present 128 MiB block, with Linux 6.12's attribute files.
 *
 * DOC: memory blocks
 *
 * In Tide a memory block is exactly one section, so memoryN is named after
 * its section number. Blocks of boot memory are created (online) by an
 * initcall once sysfs is up; add_memory() and remove_memory() create and
 * remove the blocks of hot-added ranges (offline) through
 * create_memory_block_devices() and remove_memory_block_devices(), under
 * the hotplug lock, which also serialises the initcall's scan. The root
 * directory carries block_size_bytes, auto_online_blocks, crash_hotplug
 * and, with CONFIG_ARCH_MEMORY_PROBE, probe.
 *
 * A block is MEM_OFFLINE or MEM_ONLINE; writing "online", "online_kernel"
 * or "online_movable" to state (or 1 to online) onlines an offline block
 * through online_pages(), "offline" (or 0) offlines an online one through
 * offline_pages(). Writing state's current value fails with -EINVAL, as in
 * Linux; writing online's current value succeeds and does nothing. A
 * driver that holds the hotplug lock already reads and writes a block's
 * state with mhp_block_state() and mhp_block_set_state(), which share
 * the store path's code.
 *
 * Locking: a show() or store() runs with an active reference on its file,
 * and removing a block (under the hotplug lock, held for writing) waits in
 * device_del() for those references to go. So no show() takes the hotplug
 * lock or any lock held across a removal: shows read single fields with
 * READ_ONCE() and may be stale. A store() that needs the lock takes it
 * with mem_hotplug_trylock() in a sleeping loop (memory_block_lock(),
 * memory_root_lock()) that gives up once its block is being removed.
 * mem->state, mem->zone and mem->online_type are written only under the
 * hotplug lock.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/node.h>
#include <linux/notifier.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

struct bus_type memory_subsys = {
	.name = "memory",
	.dev_name = "memory",
};

/*
 * Set under the hotplug lock once the boot blocks exist; before that,
 * create_memory_block_devices() leaves the work to the boot scan.
 */
static bool memory_blocks_ready;

static struct memory_block *to_memory_block(struct device *dev)
{
	return container_of(dev, struct memory_block, dev);
}

static unsigned long memory_block_start_pfn(const struct memory_block *mem)
{
	return section_nr_to_pfn(mem->start_section_nr);
}

/* ---- memoryN attributes ---- */

static ssize_t phys_index_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%08lx\n", to_memory_block(dev)->start_section_nr);
}
static DEVICE_ATTR_RO(phys_index);

static ssize_t state_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	unsigned long state = READ_ONCE(to_memory_block(dev)->state);

	switch (state) {
	case MEM_ONLINE:
		return sysfs_emit(buf, "online\n");
	case MEM_OFFLINE:
		return sysfs_emit(buf, "offline\n");
	default:
		return sysfs_emit(buf, "ERROR-UNKNOWN-%lu\n", state);
	}
}

/* ---- onlining and offlining one block; hotplug lock held ---- */

/* Pages at the block's start that hold its own memmap (memmap_on_memory). */
static unsigned long memory_block_vmemmap_pages(const struct memory_block *mem)
{
	return mhp_section_hosts_memmap(memory_block_start_pfn(mem)) ?
	       MHP_VMEMMAP_PAGES : 0;
}

/**
 * memory_block_pfns - the pages of @mem that online and offline handle
 * @mem: a memory block
 * @first: out, the first (after a memmap kept in the block itself)
 * @past: out, the end
 */
void memory_block_pfns(const struct memory_block *mem,
		       unsigned long *first, unsigned long *past)
{
	*first = memory_block_start_pfn(mem) + memory_block_vmemmap_pages(mem);
	*past = memory_block_start_pfn(mem) + PAGES_PER_SECTION;
}

/**
 * memory_block_online - online an offline block
 * @mem: the block
 * @online_type: an enum mmop; MMOP_OFFLINE means MMOP_ONLINE
 * @zone: the zone to join, or NULL for the one @online_type picks
 *
 * Hotplug lock held. A memmap the block keeps in itself joins the zone
 * too and is counted present, not managed, as in Linux. Sends the block's
 * "online" uevent. Return: 0; -EINVAL if @mem is not offline;
 * online_pages()'s errno, with the block offline as before.
 */
int memory_block_online(struct memory_block *mem, int online_type,
			struct zone *zone)
{
	unsigned long block_pfn = memory_block_start_pfn(mem);
	unsigned long start_pfn, end_pfn, nr_vmemmap;
	int ret;

	if (mem->state != MEM_OFFLINE)
		return -EINVAL;
	if (online_type == MMOP_OFFLINE)
		online_type = MMOP_ONLINE;
	if (!zone)
		zone = zone_for_pfn_range(online_type, mem->nid, block_pfn,
					  PAGES_PER_SECTION);
	memory_block_pfns(mem, &start_pfn, &end_pfn);
	nr_vmemmap = start_pfn - block_pfn;
	if (nr_vmemmap)
		mhp_init_memmap_on_memory(block_pfn, nr_vmemmap, zone);
	ret = online_pages(start_pfn, end_pfn - start_pfn, zone);
	if (ret) {
		if (nr_vmemmap)
			mhp_deinit_memmap_on_memory(block_pfn, nr_vmemmap);
		return ret;
	}
	if (nr_vmemmap)
		mhp_adjust_present_memmap(block_pfn, nr_vmemmap);
	mem->online_type = online_type;
	WRITE_ONCE(mem->zone, zone);
	WRITE_ONCE(mem->state, MEM_ONLINE);
	kobject_uevent(&mem->dev.kobj, KOBJ_ONLINE);
	return 0;
}

/**
 * memory_block_offline - offline an online block
 * @mem: the block
 *
 * Hotplug lock held. @mem->online_type keeps the type the block had;
 * its zone is cleared, so a caller that wants it back as it was records
 * @mem->zone first. A memmap kept in the block stops being counted before
 * offline_pages() (whose node and zone checks must not see it) and
 * leaves the zone after. Sends the block's "offline" uevent.
 * Return: 0; -EINVAL if @mem is not online or spans two zones;
 * offline_pages()'s errno, with the block online as before.
 */
int memory_block_offline(struct memory_block *mem)
{
	unsigned long block_pfn = memory_block_start_pfn(mem);
	unsigned long start_pfn, end_pfn, nr_vmemmap;
	int ret;

	if (mem->state != MEM_ONLINE)
		return -EINVAL;
	if (!mem->zone)		/* boot memory spanning two zones */
		return -EINVAL;
	memory_block_pfns(mem, &start_pfn, &end_pfn);
	nr_vmemmap = start_pfn - block_pfn;
	if (nr_vmemmap)
		mhp_adjust_present_memmap(block_pfn, -(long)nr_vmemmap);
	ret = offline_pages(start_pfn, end_pfn - start_pfn);
	if (ret) {
		if (nr_vmemmap)
			mhp_adjust_present_memmap(block_pfn, nr_vmemmap);
		return ret;
	}
	if (nr_vmemmap)
		mhp_deinit_memmap_on_memory(block_pfn, nr_vmemmap);
	WRITE_ONCE(mem->zone, NULL);
	WRITE_ONCE(mem->state, MEM_OFFLINE);
	kobject_uevent(&mem->dev.kobj, KOBJ_OFFLINE);
	return 0;
}

/*
 * Hotplug lock held. What a write of @online_type's name to @mem's state
 * file does once the lock is taken. Return: 0 or the errno.
 */
static int memory_block_set_state(struct memory_block *mem, int online_type)
{
	if (online_type == MMOP_OFFLINE)
		return memory_block_offline(mem);
	return memory_block_online(mem, online_type, NULL);
}

/* Hotplug lock held. The block at @start, with a reference, or NULL. */
static struct memory_block *memory_block_at(u64 start)
{
	if (!IS_ALIGNED(start, memory_block_size_bytes()))
		return NULL;
	return find_memory_block_by_id(pfn_to_section_nr(PHYS_PFN(start)));
}

/**
 * mhp_block_state - the state of the memory block at @start
 * @start: its first physical address
 *
 * Hotplug lock held. Return: MEM_ONLINE or MEM_OFFLINE; -ENODEV when no
 * block starts at @start.
 */
int mhp_block_state(u64 start)
{
	struct memory_block *mem = memory_block_at(start);
	int state;

	if (!mem)
		return -ENODEV;
	state = mem->state;
	put_device(&mem->dev);
	return state;
}

/**
 * mhp_block_set_state - online or offline a block as its state file would
 * @start: the block's first physical address
 * @online_type: MMOP_OFFLINE to offline, another MMOP_* to online
 *
 * Hotplug lock held (for a driver that holds it already): the state
 * file's store path after its locking, so the same zone choice, errnos
 * and block state updates. Return: 0; -ENODEV when no block starts at
 * @start; -EINVAL for an unknown @online_type or a block already in that
 * state; online_pages()'s or offline_pages()'s errno.
 */
int mhp_block_set_state(u64 start, int online_type)
{
	struct memory_block *mem;
	int ret;

	if (online_type < MMOP_OFFLINE || online_type > MMOP_ONLINE_MOVABLE)
		return -EINVAL;
	mem = memory_block_at(start);
	if (!mem)
		return -ENODEV;
	ret = memory_block_set_state(mem, online_type);
	put_device(&mem->dev);
	return ret;
}

/*
 * Takes the hotplug lock for a write to @mem's files without sleeping on
 * it while a removal that waits for those writers holds it.
 * Return: 0, or -ENODEV once @mem is being removed.
 */
static int memory_block_lock(struct memory_block *mem)
{
	while (!mem_hotplug_trylock()) {
		if (READ_ONCE(mem->dying))
			return -ENODEV;
		msleep(1);
	}
	if (mem->dying) {
		mem_hotplug_done();
		return -ENODEV;
	}
	return 0;
}

/*
 * The hotplug lock for a write to a file of the memory root, which is
 * never removed: no need to give up, but no sleeping on the lock either
 * (see "Locking" above).
 */
static void memory_root_lock(void)
{
	while (!mem_hotplug_trylock())
		msleep(1);
}

/*
 * Linux's ABI: "online", "online_kernel", "online_movable" online an
 * offline block (-EINVAL if it is online), "offline" offlines an online
 * one (-EINVAL if offline; -EBUSY if its pages cannot be moved away);
 * anything else is -EINVAL.
 */
static ssize_t state_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct memory_block *mem = to_memory_block(dev);
	int online_type = mmop_parse(buf);
	int ret;

	if (online_type < 0)
		return -EINVAL;
	ret = memory_block_lock(mem);
	if (ret)
		return ret;
	ret = memory_block_set_state(mem, online_type);
	mem_hotplug_done();
	return ret ? ret : count;
}
static DEVICE_ATTR_RW(state);

static ssize_t online_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%d\n",
			  READ_ONCE(to_memory_block(dev)->state) == MEM_ONLINE);
}

/*
 * 1 onlines as "online" does (the zone the online policy picks, whatever
 * auto_online_blocks says: that one is for memory being added), 0
 * offlines; kstrtobool()'s -EINVAL otherwise. Writing the current state
 * succeeds without doing anything.
 */
static ssize_t online_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	struct memory_block *mem = to_memory_block(dev);
	bool val;
	int ret;

	ret = kstrtobool(buf, &val);
	if (ret)
		return ret;
	ret = memory_block_lock(mem);
	if (ret)
		return ret;
	if (val && mem->state == MEM_OFFLINE)
		ret = memory_block_online(mem, MMOP_ONLINE, NULL);
	else if (!val && mem->state == MEM_ONLINE)
		ret = memory_block_offline(mem);
	mem_hotplug_done();
	return ret ? ret : count;
}
static DEVICE_ATTR_RW(online);

/* Linux prints 0 on every architecture but s390. */
static ssize_t phys_device_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0\n");
}
static DEVICE_ATTR_RO(phys_device);

/*
 * Whether offlining @mem could succeed as far as what it holds goes: 0
 * for an online block that spans two zones or holds a page that can
 * never move (pfn_range_first_pinned(): the kernel image, firmware's
 * ranges, a hole, a device's ring), else 1. Linux 6.12 prints 1 for
 * every block; Tide tells the truth, as Linux did before 5.8, which
 * lsmem and the kselftest read. A snapshot, taken without the hotplug
 * lock (see "Locking" above): the block's memmap stays while this show
 * holds its file.
 */
static ssize_t removable_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	struct memory_block *mem = to_memory_block(dev);
	unsigned long first, past;
	bool removable = IS_ENABLED(CONFIG_MEMORY_HOTREMOVE);

	if (removable && READ_ONCE(mem->state) == MEM_ONLINE) {
		memory_block_pfns(mem, &first, &past);
		removable = READ_ONCE(mem->zone) &&
			    pfn_range_first_pinned(first, past) == past;
	}
	return sysfs_emit(buf, "%d\n", removable);
}
static DEVICE_ATTR_RO(removable);

/*
 * The one zone of @nid whose span meets [@start_pfn, @end_pfn), or NULL
 * when none or several do.
 */
static struct zone *memory_block_zone(int nid, unsigned long start_pfn,
				      unsigned long end_pfn)
{
	pg_data_t *pgdat = NODE_DATA(nid);
	struct zone *found = NULL;
	int z;

	if (!pgdat)
		return NULL;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		if (!zone_intersects(zone, start_pfn, end_pfn - start_pfn))
			continue;
		if (found)
			return NULL;
		found = zone;
	}
	return found;
}

/*
 * An online block names the zone its pages are in ("none" if they span
 * several). An offline one names the zone plain "online" would pick
 * first, then those of online_kernel and online_movable if they differ.
 *
 * Takes no lock (see "Locking" above): the answer may be stale by the
 * time it is read, as in Linux, but every zone and pg_data_t it looks at
 * stays allocated for good.
 */
static ssize_t valid_zones_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct memory_block *mem = to_memory_block(dev);
	unsigned long start_pfn = memory_block_start_pfn(mem);
	struct zone *def, *kernel, *movable, *zone;
	ssize_t len;

	if (!NODE_DATA(mem->nid))
		return sysfs_emit(buf, "none\n");
	if (READ_ONCE(mem->state) == MEM_ONLINE) {
		zone = READ_ONCE(mem->zone);
		return sysfs_emit(buf, "%s\n", zone ? zone->name : "none");
	}
	def = zone_for_pfn_range(MMOP_ONLINE, mem->nid, start_pfn, PAGES_PER_SECTION);
	kernel = zone_for_pfn_range(MMOP_ONLINE_KERNEL, mem->nid, start_pfn,
				    PAGES_PER_SECTION);
	movable = zone_for_pfn_range(MMOP_ONLINE_MOVABLE, mem->nid, start_pfn,
				     PAGES_PER_SECTION);
	len = sysfs_emit(buf, "%s", def->name);
	if (kernel != def)
		len += sysfs_emit_at(buf, len, " %s", kernel->name);
	if (movable != def)
		len += sysfs_emit_at(buf, len, " %s", movable->name);
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}
static DEVICE_ATTR_RO(valid_zones);

static struct attribute *memory_block_attrs[] = {
	&dev_attr_phys_index.attr,
	&dev_attr_state.attr,
	&dev_attr_online.attr,
	&dev_attr_phys_device.attr,
	&dev_attr_removable.attr,
	&dev_attr_valid_zones.attr,
	NULL,
};
ATTRIBUTE_GROUPS(memory_block);

/* ---- /sys/devices/system/memory ---- */

static ssize_t block_size_bytes_show(struct device *dev,
				     struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%lx\n", memory_block_size_bytes());
}
static DEVICE_ATTR_RO(block_size_bytes);

/* The type add_memory() onlines new blocks with: memhp_default_state. */
static ssize_t auto_online_blocks_show(struct device *dev,
				       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", mmop_name(mhp_get_default_online_type()));
}

static ssize_t auto_online_blocks_store(struct device *dev,
					struct device_attribute *attr,
					const char *buf, size_t count)
{
	int online_type = mmop_parse(buf);

	if (online_type < 0)
		return -EINVAL;
	mhp_set_default_online_type(online_type);
	return count;
}
static DEVICE_ATTR_RW(auto_online_blocks);

/*
 * Adds one block at the physical address written ("0x100000000"), on the
 * node the SRAT gives that address (node 0 if none), onlined like any
 * hot-added memory when auto_online_blocks says so. Unlike Linux, with its
 * memmap in the block itself (mhp_default_flags()), like every hot-add.
 * Linux's errnos: kstrtoull()'s for text that is not a number, -EINVAL
 * for an unaligned address, else add_memory()'s.
 */
static ssize_t probe_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	unsigned long long addr;
	int ret;

	ret = kstrtoull(buf, 0, &addr);
	if (ret)
		return ret;
	if (!IS_ALIGNED(addr, memory_block_size_bytes()))
		return -EINVAL;
	memory_root_lock();
	ret = __add_memory(memory_add_physaddr_to_nid(addr), addr,
			   memory_block_size_bytes(), mhp_default_flags());
	mem_hotplug_done();
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(probe);

/*
 * Whether the kernel updates a loaded crash kernel's view of memory on
 * hotplug itself. Tide has no kexec, so never: 0, as Linux prints when
 * no crash kernel is loaded.
 */
static ssize_t memory_root_crash_show(struct device *dev,
				      struct device_attribute *da, char *buf)
{
	return sysfs_emit(buf, "0\n");	/* never */
}

static struct device_attribute dev_attr_crash_hotplug =
	__ATTR(crash_hotplug, 0444, memory_root_crash_show, NULL);

static struct attribute *memory_root_attrs[] = {
	&dev_attr_block_size_bytes.attr,
	&dev_attr_crash_hotplug.attr,
	&dev_attr_auto_online_blocks.attr,
	&dev_attr_probe.attr,
	NULL,
};

static umode_t memory_root_attr_visible(struct kobject *kobj,
					struct attribute *attr, int n)
{
	if (attr == &dev_attr_probe.attr && !IS_ENABLED(CONFIG_ARCH_MEMORY_PROBE))
		return 0;
	return attr->mode;
}

static const struct attribute_group memory_root_group = {
	.attrs = memory_root_attrs,
	.is_visible = memory_root_attr_visible,
};

static const struct attribute_group *memory_root_groups[] = {
	&memory_root_group,
	NULL,
};

/* ---- the memory notifier chain ---- */

static BLOCKING_NOTIFIER_HEAD(memory_chain);

/**
 * register_memory_notifier - be told of memory going on- and offline
 * @nb: its priority orders it among the others (higher first)
 *
 * @nb->notifier_call gets one of MEM_GOING_ONLINE, MEM_ONLINE,
 * MEM_CANCEL_ONLINE, MEM_GOING_OFFLINE, MEM_OFFLINE, MEM_CANCEL_OFFLINE
 * and a struct memory_notify, with the hotplug lock held (it must not
 * add, remove, online or offline memory). Returning NOTIFY_BAD or
 * notifier_from_errno(err) to a GOING event vetoes the change. Sleeps.
 * Return: 0, or -EEXIST if @nb is registered already.
 */
int register_memory_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_register(&memory_chain, nb);
}

/**
 * unregister_memory_notifier - stop telling @nb; waits for calls in flight
 */
void unregister_memory_notifier(struct notifier_block *nb)
{
	blocking_notifier_chain_unregister(&memory_chain, nb);
}

/**
 * memory_notify - call the memory notifier chain
 * @val: the MEM_* event
 * @v: its struct memory_notify
 *
 * Hotplug lock held. Return: the chain's NOTIFY_* value.
 */
int memory_notify(unsigned long val, void *v)
{
	return blocking_notifier_call_chain(&memory_chain, val, v);
}

/* ---- creating and removing blocks ---- */

static void memory_block_release(struct device *dev)
{
	kfree(to_memory_block(dev));
}

/**
 * find_memory_block_by_id - the memory block of section @block_id
 * @block_id: a section number
 *
 * Return: the block with a reference on its device (put_device() it),
 * or NULL when there is none.
 */
struct memory_block *find_memory_block_by_id(unsigned long block_id)
{
	struct device *dev;

	if ((u32)block_id != block_id)
		return NULL;
	dev = subsys_find_device_by_id(&memory_subsys, block_id);
	return dev ? to_memory_block(dev) : NULL;
}

/* Hotplug lock held. One block, registered and linked to its node. */
static int add_memory_block(unsigned long section_nr, int nid,
			    unsigned long state)
{
	struct memory_block *mem;
	int ret;

	mem = find_memory_block_by_id(section_nr);
	if (mem) {
		put_device(&mem->dev);
		return -EEXIST;
	}
	mem = kzalloc(sizeof(*mem), GFP_KERNEL);
	if (!mem)
		return -ENOMEM;
	mem->start_section_nr = section_nr;
	mem->state = state;
	mem->online_type = -1;
	mem->nid = nid;
	if (state == MEM_ONLINE)
		mem->zone = memory_block_zone(nid, section_nr_to_pfn(section_nr),
					      section_nr_to_pfn(section_nr + 1));
	device_initialize(&mem->dev);
	mem->dev.release = memory_block_release;
	mem->dev.bus = &memory_subsys;
	mem->dev.id = section_nr;
	mem->dev.groups = memory_block_groups;
	ret = device_add(&mem->dev);
	if (ret)
		goto put;
	ret = register_memory_block_under_node(mem);
	if (ret)
		goto del;
	return 0;

del:
	device_del(&mem->dev);
put:
	put_device(&mem->dev);
	return ret;
}

/* Hotplug lock held. Unlinks and unregisters the block of @section_nr. */
static void remove_memory_block(unsigned long section_nr)
{
	struct memory_block *mem = find_memory_block_by_id(section_nr);

	if (!mem)
		return;
	WRITE_ONCE(mem->dying, true);
	unregister_memory_block_under_node(mem);
	device_del(&mem->dev);
	put_device(&mem->dev);		/* find_memory_block_by_id()'s */
	put_device(&mem->dev);		/* the registration's */
}

/**
 * create_memory_block_devices - memoryN devices for a hot-added range
 * @start: first physical address, memory block aligned
 * @size: length, a multiple of the memory block size
 * @nid: the node the range belongs to
 *
 * Hotplug lock held (add_memory()). Every block starts offline and is
 * linked to its node, whose device is created if it has none. Before the
 * boot scan has run, does nothing: the scan will find the sections.
 *
 * Return: 0; -EINVAL for a misaligned range; -EEXIST when a block of the
 * range exists; -ENOMEM or a sysfs errno. On failure no block of the
 * range is left.
 */
int create_memory_block_devices(unsigned long start, unsigned long size,
				int nid)
{
	unsigned long first = pfn_to_section_nr(PHYS_PFN(start));
	unsigned long end = pfn_to_section_nr(PHYS_PFN(start + size));
	unsigned long nr;
	int ret;

	if (!IS_ALIGNED(start | size, memory_block_size_bytes()))
		return -EINVAL;
	if (!memory_blocks_ready)
		return 0;
	ret = register_one_node(nid);
	if (ret)
		return ret;
	for (nr = first; nr < end; nr++) {
		ret = add_memory_block(nr, nid, MEM_OFFLINE);
		if (ret)
			goto remove_blocks;
	}
	return 0;

remove_blocks:
	while (nr-- > first)
		remove_memory_block(nr);
	return ret;
}

/**
 * remove_memory_block_devices - remove the memoryN devices of a range
 * @start: first physical address, memory block aligned
 * @size: length, a multiple of the memory block size
 *
 * Hotplug lock held (remove_memory()). Blocks that do not exist are
 * skipped. Waits for reads of the blocks' files in flight.
 */
void remove_memory_block_devices(unsigned long start, unsigned long size)
{
	unsigned long first = pfn_to_section_nr(PHYS_PFN(start));
	unsigned long end = pfn_to_section_nr(PHYS_PFN(start + size));
	unsigned long nr;

	if (WARN_ON_ONCE(!IS_ALIGNED(start | size, memory_block_size_bytes())))
		return;
	for (nr = first; nr < end; nr++)
		remove_memory_block(nr);
}

/* ---- walking blocks, for mm/memory_hotplug.c ---- */

/**
 * walk_memory_blocks - call @fn for each memory block of a range
 * @start: first physical address, memory block aligned
 * @size: a multiple of the memory block size
 * @arg: passed to @fn
 * @fn: called with each block that exists, first to last
 *
 * Hotplug lock held (blocks neither come nor go meanwhile; @fn may online
 * or offline the block it is given). Return: 0, or @fn's first non-zero
 * return, which stops the walk.
 */
int walk_memory_blocks(u64 start, u64 size, void *arg,
		       int (*fn)(struct memory_block *mem, void *arg))
{
	unsigned long first = pfn_to_section_nr(PHYS_PFN(start));
	unsigned long n = size / memory_block_size_bytes(), i;
	int ret = 0;

	for (i = 0; i < n && !ret; i++) {
		struct memory_block *mem = find_memory_block_by_id(first + i);

		if (!mem)
			continue;
		ret = fn(mem, arg);
		put_device(&mem->dev);
	}
	return ret;
}

/*
 * subsys_initcall, linked after node.o: the memory subsystem and a block
 * for every section with a memmap, online if its pages are.
 */
static int __init memory_dev_init(void)
{
	unsigned long nr;
	int ret;

	ret = subsys_system_register(&memory_subsys, memory_root_groups);
	if (ret)
		return ret;
	mem_hotplug_begin();
	for_each_valid_section(nr) {
		struct mem_section *ms = __nr_to_section(nr);

		ret = add_memory_block(nr, ms->nid, online_section(ms) ?
				       MEM_ONLINE : MEM_OFFLINE);
		if (ret)
			pr_err("memory: cannot register memory%lu: %d\n", nr, ret);
	}
	memory_blocks_ready = true;
	mem_hotplug_done();
	return 0;
}
subsys_initcall(memory_dev_init);
