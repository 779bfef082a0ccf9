// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/system/cpu: a cpuN device per possible CPU, with a link
 * to its node, and the CPU sets (online, possible, present, offline)
 * that libnuma and other tools read.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/node.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/topology.h>

struct bus_type cpu_subsys = {
	.name = "cpu",
	.dev_name = "cpu",
};

/* @mask as a list ("0-1,3") and a newline; an empty set is a bare "\n". */
static ssize_t print_cpu_list(char *buf, const struct cpumask *mask)
{
	int len = cpumask_print_list(buf, PAGE_SIZE - 1, mask);

	buf[len++] = '\n';
	buf[len] = '\0';
	return len;
}

static ssize_t online_show(struct device *dev, struct device_attribute *da,
			   char *buf)
{
	return print_cpu_list(buf, cpu_online_mask);
}
static DEVICE_ATTR_RO(online);

static ssize_t possible_show(struct device *dev,
			     struct device_attribute *da, char *buf)
{
	return print_cpu_list(buf, cpu_possible_mask);
}
static DEVICE_ATTR_RO(possible);

static ssize_t present_show(struct device *dev, struct device_attribute *da,
			    char *buf)
{
	return print_cpu_list(buf, cpu_present_mask);
}
static DEVICE_ATTR_RO(present);

/* Possible CPUs that are not online. */
static ssize_t offline_show(struct device *dev, struct device_attribute *da,
			    char *buf)
{
	struct cpumask off;
	int cpu;

	cpumask_clear(&off);
	for_each_possible_cpu(cpu)
		if (!cpu_online(cpu))
			cpumask_set_cpu(cpu, &off);
	return print_cpu_list(buf, &off);
}
static DEVICE_ATTR_RO(offline);

/* The highest CPU number the kernel was built for. */
static ssize_t kernel_max_show(struct device *dev,
			       struct device_attribute *da, char *buf)
{
	return sysfs_emit(buf, "%d\n", (int)NR_CPUS - 1);
}
static DEVICE_ATTR_RO(kernel_max);

static struct attribute *cpu_subsys_attrs[] = {
	&dev_attr_online.attr,
	&dev_attr_possible.attr,
	&dev_attr_present.attr,
	&dev_attr_offline.attr,
	&dev_attr_kernel_max.attr,
	NULL,
};
ATTRIBUTE_GROUPS(cpu_subsys);

static void cpu_dev_release(struct device *dev)
{
	kfree(dev);
}

/* cpuN and its nodeK link; the device stays for the life of the system. */
static int __init register_cpu_device(int cpu)
{
	struct device *dev, *node;
	char name[24];
	int err;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);	/* freed by release */
	if (!dev)
		return -ENOMEM;
	device_initialize(dev);
	dev->release = cpu_dev_release;
	dev->bus = &cpu_subsys;
	dev->id = cpu;
	err = device_add(dev);
	if (err) {
		put_device(dev);
		return err;
	}
	node = node_device(cpu_to_node(cpu));
	if (!node)
		return 0;
	snprintf(name, sizeof(name), "node%d", cpu_to_node(cpu));
	return sysfs_create_link(&dev->kobj, &node->kobj, name);
}

/* subsys_initcall; links after node.o, so the nodes' devices exist. */
static int __init cpu_dev_init(void)
{
	int cpu, err;

	err = subsys_system_register(&cpu_subsys, cpu_subsys_groups);
	if (err)
		return err;
	for_each_possible_cpu(cpu) {
		err = register_cpu_device(cpu);
		if (err)
			pr_err("cpu: cannot register cpu%d: %d\n", cpu, err);
	}
	return 0;
}
subsys_initcall(cpu_dev_init);
