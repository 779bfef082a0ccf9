// SPDX-License-Identifier: GPL-2.0
/*
 * NUMA node devices under /sys/devices/system/node: one nodeN per node
 * with a pg_data_t, its cpulist and meminfo, and links to and from its
 * memory blocks.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/memory.h>
#include <linux/mmzone.h>
#include <linux/mutex.h>
#include <linux/node.h>
#include <linux/nodemask.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/topology.h>

struct bus_type node_subsys = {
	.name = "node",
	.dev_name = "node",
};

/*
 * node_devices_lock protects node_devices[]. Node devices, once
 * registered, stay for the life of the system (a pg_data_t never goes
 * away either), so a pointer read under the lock stays valid.
 */
static DEFINE_MUTEX(node_devices_lock);
static struct device *node_devices[MAX_NUMNODES];

static ssize_t cpulist_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct cpumask mask;
	int len;

	node_cpumask(dev->id, &mask);
	len = cpumask_print_list(buf, PAGE_SIZE - 1, &mask);
	buf[len++] = '\n';
	buf[len] = '\0';
	return len;
}
static DEVICE_ATTR_RO(cpulist);

/*
 * Bits 0..@nbits-1 of @mask in hex, most significant first, in words of
 * 32 bits separated by commas; the first word only as wide as its bits
 * need (Linux's "%*pb").
 */
static int print_hex_mask(char *buf, const unsigned long *mask,
			  unsigned int nbits)
{
	unsigned int words = DIV_ROUND_UP(nbits, 32), w, len = 0;

	for (w = words; w-- > 0;) {
		unsigned int first = w * 32;
		unsigned int bits = min(nbits - first, 32u);
		u32 v = (u32)(mask[first / BITS_PER_LONG] >>
			      (first % BITS_PER_LONG));

		if (bits < 32)
			v &= (1U << bits) - 1;
		if (w == words - 1)
			len += sysfs_emit_at(buf, len, "%0*x",
					     (int)DIV_ROUND_UP(bits, 4), v);
		else
			len += sysfs_emit_at(buf, len, ",%08x", v);
	}
	len += sysfs_emit_at(buf, len, "%c", '\n');
	return len;
}

static ssize_t cpumap_show(struct device *dev, struct device_attribute *da,
			   char *buf)
{
	struct cpumask mask;

	node_cpumask(dev->id, &mask);
	return print_hex_mask(buf, mask.bits, nr_cpu_ids);
}
static DEVICE_ATTR_RO(cpumap);

/* The SLIT distances from this node to every online node, in order. */
static ssize_t distance_show(struct device *dev, struct device_attribute *da,
			     char *buf)
{
	int nid, len = 0;

	for (nid = 0; nid < MAX_NUMNODES; ++nid) {
		if (!node_device(nid))
			continue;
		len += sysfs_emit_at(buf, len, "%s%d", len ? " " : "",
				     node_distance(dev->id, nid));
	}
	len += sysfs_emit_at(buf, len, "%c", '\n');
	return len;
}
static DEVICE_ATTR_RO(distance);

/*
 * nodeN/meminfo, in Linux's layout for an x86-64 kernel without THP: the
 * same fields in the same order, so that tools parsing it by name or by
 * position both work. Tide knows a node's total, free and used memory;
 * what it does not have (swap, page cache, LRU lists) or counts only
 * system-wide (slab, page tables, kernel stacks) reads 0.
 */
enum node_meminfo_value {
	NODE_MI_ZERO,
	NODE_MI_TOTAL,
	NODE_MI_FREE,
	NODE_MI_USED,
};

static const struct node_meminfo_field {
	const char *name;
	enum node_meminfo_value value;
} node_meminfo_fields[] = {
	{ "MemTotal:", NODE_MI_TOTAL },
	{ "MemFree:", NODE_MI_FREE },
	{ "MemUsed:", NODE_MI_USED },
	{ "SwapCached:" },
	{ "Active:" },
	{ "Inactive:" },
	{ "Active(anon):" },
	{ "Inactive(anon):" },
	{ "Active(file):" },
	{ "Inactive(file):" },
	{ "Unevictable:" },
	{ "Mlocked:" },
	{ "Dirty:" },
	{ "Writeback:" },
	{ "FilePages:" },
	{ "Mapped:" },
	{ "AnonPages:" },
	{ "Shmem:" },
	{ "KernelStack:" },
	{ "PageTables:" },
	{ "SecPageTables:" },
	{ "NFS_Unstable:" },
	{ "Bounce:" },
	{ "WritebackTmp:" },
	{ "KReclaimable:" },
	{ "Slab:" },
	{ "SReclaimable:" },
	{ "SUnreclaim:" },
};

/* The hugetlb counts that close the file: plain numbers, not kB. */
static const char *const node_meminfo_huge[] = {
	"HugePages_Total:", "HugePages_Free:", "HugePages_Surp:",
};

/*
 * Pages the buddy allocator manages on node @nid, and how many of them
 * are free. Read without locks: a snapshot that online and offline may
 * be changing, as in Linux.
 */
static void node_page_counts(int nid, unsigned long *managed,
			     unsigned long *free)
{
	struct pglist_data *pgdat = NODE_DATA(nid);
	int z;

	*managed = 0;
	*free = 0;
	if (!pgdat)
		return;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		*managed += READ_ONCE(zone->managed_pages);
		*free += READ_ONCE(zone->vm_stat[NR_FREE_PAGES]);
	}
}

static ssize_t meminfo_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	unsigned long managed, free, kb;
	int nid = dev->id, len = 0, i;

	node_page_counts(nid, &managed, &free);
	free = min(free, managed);
	for (i = 0; i < ARRAY_SIZE(node_meminfo_fields); i++) {
		switch (node_meminfo_fields[i].value) {
		case NODE_MI_TOTAL:
			kb = managed;
			break;
		case NODE_MI_FREE:
			kb = free;
			break;
		case NODE_MI_USED:
			kb = managed - free;
			break;
		default:
			kb = 0;
			break;
		}
		kb <<= PAGE_SHIFT - 10;
		len += sysfs_emit_at(buf, len, "Node %d %-16s%8lu kB\n", nid,
				     node_meminfo_fields[i].name, kb);
	}
	for (i = 0; i < ARRAY_SIZE(node_meminfo_huge); i++)
		len += sysfs_emit_at(buf, len, "Node %d %-17s%5u\n", nid,
				     node_meminfo_huge[i], 0);
	return len;
}
static DEVICE_ATTR_RO(meminfo);

static struct attribute *node_dev_attrs[] = {
	&dev_attr_cpulist.attr,
	&dev_attr_cpumap.attr,
	&dev_attr_distance.attr,
	&dev_attr_meminfo.attr,
	NULL,
};
ATTRIBUTE_GROUPS(node_dev);

/*
 * The node sets of /sys/devices/system/node as lists ("0-1"), one file
 * per set; has_generic_initiator is always empty on Tide. "online" are
 * the nodes with a device here.
 */
static ssize_t print_node_list(char *buf, enum node_states state)
{
	int nid, first = -1, len = 0;

	for (nid = 0; nid <= MAX_NUMNODES; nid++) {
		bool in = nid < MAX_NUMNODES &&
			  (state == N_ONLINE ? node_device(nid) != NULL :
			   node_state(nid, state));

		if (in && first < 0)
			first = nid;
		if (in || first < 0)
			continue;
		len += sysfs_emit_at(buf, len, len ? ",%d" : "%d", first);
		if (nid - 1 > first)
			len += sysfs_emit_at(buf, len, "-%d", nid - 1);
		first = -1;
	}
	len += sysfs_emit_at(buf, len, "%c", '\n');
	return len;
}

#define NODE_STATE_ATTR(name, state)					\
static ssize_t name##_show(struct device *dev, struct device_attribute *da, \
			   char *buf)					\
{									\
	return print_node_list(buf, state);				\
}									\
static DEVICE_ATTR_RO(name)

NODE_STATE_ATTR(possible, N_POSSIBLE);
NODE_STATE_ATTR(online, N_ONLINE);
NODE_STATE_ATTR(has_normal_memory, N_NORMAL_MEMORY);
NODE_STATE_ATTR(has_memory, N_MEMORY);
NODE_STATE_ATTR(has_cpu, N_CPU);

static ssize_t has_generic_initiator_show(struct device *dev,
					  struct device_attribute *da, char *buf)
{
	return sysfs_emit(buf, "\n");
}
static DEVICE_ATTR_RO(has_generic_initiator);

static struct attribute *node_root_attrs[] = {
	&dev_attr_possible.attr,
	&dev_attr_online.attr,
	&dev_attr_has_normal_memory.attr,
	&dev_attr_has_memory.attr,
	&dev_attr_has_cpu.attr,
	&dev_attr_has_generic_initiator.attr,
	NULL,
};
ATTRIBUTE_GROUPS(node_root);

static void node_device_release(struct device *dev)
{
	kfree(dev);
}

/**
 * register_one_node - give node @nid its /sys/devices/system/node/nodeN
 * @nid: a node id below MAX_NUMNODES
 *
 * Does nothing when the device exists already. Sleeps.
 *
 * Return: 0; -EINVAL for a bad @nid; -ENOMEM or device_add()'s errno.
 */
int register_one_node(int nid)
{
	struct device *dev;
	int err = 0;

	if (nid < 0 || nid >= MAX_NUMNODES)
		return -EINVAL;
	mutex_lock(&node_devices_lock);
	if (node_devices[nid])
		goto out_unlock;
	err = -ENOMEM;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		goto out_unlock;
	device_initialize(dev);
	dev->release = node_device_release;
	dev->bus = &node_subsys;
	dev->id = nid;
	dev->groups = node_dev_groups;
	err = device_add(dev);
	if (err) {
		put_device(dev);
		goto out_unlock;
	}
	node_devices[nid] = dev;
out_unlock:
	mutex_unlock(&node_devices_lock);
	return err;
}

/**
 * node_device - the device of node @nid
 * @nid: a node id
 *
 * Return: the device, or NULL when @nid has none (yet).
 */
struct device *node_device(int nid)
{
	struct device *dev;

	if (nid < 0 || nid >= MAX_NUMNODES)
		return NULL;
	mutex_lock(&node_devices_lock);
	dev = node_devices[nid];
	mutex_unlock(&node_devices_lock);
	return dev;
}

/**
 * register_memory_block_under_node - link a memory block and its node
 * @mem: a registered memory block
 *
 * Creates memoryN/nodeK and nodeK/memoryN. A node without a device gets
 * no links (not an error).
 *
 * Return: 0, or sysfs_create_link()'s errno with neither link left.
 */
int register_memory_block_under_node(struct memory_block *mem)
{
	struct device *node = node_device(mem->nid);
	char name[24];
	int err;

	if (!node)
		return 0;
	snprintf(name, sizeof(name), "node%d", mem->nid);
	err = sysfs_create_link(&mem->dev.kobj, &node->kobj, name);
	if (err)
		return err;
	err = sysfs_create_link(&node->kobj, &mem->dev.kobj, dev_name(&mem->dev));
	if (err)
		sysfs_remove_link(&mem->dev.kobj, name);
	return err;
}

/**
 * unregister_memory_block_under_node - undo register_memory_block_under_node()
 * @mem: the memory block
 *
 * Removing links that do not exist is harmless.
 */
void unregister_memory_block_under_node(struct memory_block *mem)
{
	struct device *node = node_device(mem->nid);
	char name[24];

	if (!node)
		return;
	snprintf(name, sizeof(name), "node%d", mem->nid);
	sysfs_remove_link(&node->kobj, dev_name(&mem->dev));
	sysfs_remove_link(&mem->dev.kobj, name);
}

/* subsys_initcall; links before memory.o, so nodes exist before blocks. */
static int __init node_dev_init(void)
{
	int nid, err;

	err = subsys_system_register(&node_subsys, node_root_groups);
	if (err)
		return err;
	/*
	 * As Linux: a node without memory or CPUs (the one that will take
	 * hot-added DIMMs) gets its device when memory is added to it.
	 */
	for_each_online_node(nid) {
		if (!node_state(nid, N_ONLINE))
			continue;
		err = register_one_node(nid);
		if (err)
			pr_err("node: cannot register node%d: %d\n", nid, err);
	}
	return 0;
}
subsys_initcall(node_dev_init);
