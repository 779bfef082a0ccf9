// SPDX-License-Identifier: GPL-2.0
/*
 * The driver core: struct device registration, device attributes, and
 * the /sys/devices and /sys/devices/system directories they live under.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/device.h>
#include <linux/slab.h>
#include "base.h"

struct kobject *devices_kobj;
struct kobject *system_kobj;

static void device_release(struct kobject *kobj)
{
	struct device *dev = kobj_to_dev(kobj);

	if (dev->release)
		dev->release(dev);
	else
		WARN_ON_ONCE(1);	/* a device must say how it is freed */
}

static ssize_t dev_attr_show(struct kobject *kobj, struct attribute *attr,
			     char *buf)
{
	struct device_attribute *da = container_of(attr,
						   struct device_attribute,
						   attr);

	return da->show ? da->show(kobj_to_dev(kobj), da, buf) : -EIO;
}

static ssize_t dev_attr_store(struct kobject *kobj, struct attribute *attr,
			      const char *buf, size_t count)
{
	struct device_attribute *da = container_of(attr,
						   struct device_attribute,
						   attr);

	return da->store ? da->store(kobj_to_dev(kobj), da, buf, count) : -EIO;
}

static const struct sysfs_ops dev_sysfs_ops = {
	.show = dev_attr_show,
	.store = dev_attr_store,
};

static const struct kobj_type device_ktype = {
	.release = device_release,
	.sysfs_ops = &dev_sysfs_ops,
};

/**
 * dev_set_name - name a device before device_add()
 * @dev: device
 * @fmt: format and arguments
 *
 * Return: 0, -EINVAL (empty name or already added), -ENOMEM.
 */
int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_set_name_vargs(&dev->kobj, fmt, args);
	va_end(args);
	return ret;
}

/**
 * device_initialize - first half of device_register(): holds a reference
 * @dev: zeroed device; set @release before the last put_device()
 */
void device_initialize(struct device *dev)
{
	kobject_init(&dev->kobj, &device_ktype);
	INIT_LIST_HEAD(&dev->bus_node);
}

/**
 * device_add - second half of device_register(): show it in sysfs
 * @dev: initialized device
 *
 * Names it (@init_name, or the bus's dev_name and @id), creates its
 * directory under its parent, its bus's and its own attribute groups, and
 * for a device on a bus the links /sys/bus/<bus>/devices/<name> and
 * <device>/subsystem. On failure nothing is left in sysfs; the caller
 * still holds its reference.
 *
 * Return: 0, -EINVAL (no name), -EEXIST (name taken), -ENOMEM.
 */
int device_add(struct device *dev)
{
	struct kobject *parent;
	int err;

	if (!dev)
		return -EINVAL;
	if (dev->init_name)
		err = dev_set_name(dev, "%s", dev->init_name);
	else if (!dev->kobj.name && dev->bus && dev->bus->dev_name)
		err = dev_set_name(dev, "%s%u", dev->bus->dev_name, dev->id);
	else
		err = dev->kobj.name ? 0 : -EINVAL;
	if (err)
		return err;
	dev->init_name = NULL;

	if (dev->parent)
		parent = &dev->parent->kobj;
	else if (dev->bus && dev->bus->dev_root)
		parent = &dev->bus->dev_root->kobj;
	else
		parent = devices_kobj;
	err = kobject_add(&dev->kobj, parent, NULL);
	if (err)
		return err;
	if (dev->bus) {
		err = sysfs_create_groups(&dev->kobj, dev->bus->dev_groups);
		if (err)
			goto del_kobj;
	}
	err = sysfs_create_groups(&dev->kobj, dev->groups);
	if (err)
		goto remove_bus_groups;
	err = bus_add_device(dev);
	if (err)
		goto remove_groups;
	return 0;

remove_groups:
	sysfs_remove_groups(&dev->kobj, dev->groups);
remove_bus_groups:
	if (dev->bus)
		sysfs_remove_groups(&dev->kobj, dev->bus->dev_groups);
del_kobj:
	kobject_del(&dev->kobj);
	return err;
}

/**
 * device_register - device_initialize() and device_add()
 * @dev: zeroed device
 *
 * Return: as device_add(); on failure put_device() @dev.
 */
int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

/**
 * device_del - take @dev out of sysfs and off its bus
 * @dev: added device
 *
 * Waits for show/store calls in flight on its attributes; must not be
 * called from one of them.
 */
void device_del(struct device *dev)
{
	bus_remove_device(dev);
	kobject_del(&dev->kobj);
}

/**
 * device_unregister - device_del() and drop the registration reference
 * @dev: registered device
 */
void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

/**
 * get_device - take a reference
 * @dev: device, or NULL
 *
 * Return: @dev.
 */
struct device *get_device(struct device *dev)
{
	if (dev)
		kobject_get(&dev->kobj);
	return dev;
}

/**
 * put_device - drop a reference; the last calls @dev->release
 * @dev: device, or NULL
 */
void put_device(struct device *dev)
{
	if (dev)
		kobject_put(&dev->kobj);
}

/**
 * device_create_file - add one attribute file to a device
 * @dev: added device
 * @attr: the attribute
 *
 * Return: as sysfs_create_file().
 */
int device_create_file(struct device *dev, const struct device_attribute *attr)
{
	return dev ? sysfs_create_file(&dev->kobj, &attr->attr) : -EINVAL;
}

/**
 * device_remove_file - remove an attribute file of a device
 * @dev: device
 * @attr: the attribute
 */
void device_remove_file(struct device *dev, const struct device_attribute *attr)
{
	if (dev)
		sysfs_remove_file(&dev->kobj, &attr->attr);
}

/* /sys/devices and /sys/devices/system, before any subsystem registers. */
static int __init devices_init(void)
{
	devices_kobj = kobject_create_and_add("devices", NULL);
	if (!devices_kobj)
		return -ENOMEM;
	system_kobj = kobject_create_and_add("system", devices_kobj);
	return system_kobj ? 0 : -ENOMEM;
}
core_initcall(devices_init);
