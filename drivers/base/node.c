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
	&dev_attr_meminfo.attr,
	NULL,
};
ATTRIBUTE_GROUPS(node_dev);

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

	err = subsys_system_register(&node_subsys, NULL);
	if (err)
		return err;
	for_each_online_node(nid) {
		err = register_one_node(nid);
		if (err)
			pr_err("node: cannot register node%d: %d\n", nid, err);
	}
	return 0;
}
subsys_initcall(node_dev_init);
