// SPDX-License-Identifier: GPL-2.0
/*
 * Buses and system subsystems: /sys/bus/<name>/devices/ with a link per
 * device, and for a subsystem its root device /sys/devices/system/<name>.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/device.h>
#include <linux/slab.h>
#include "base.h"

static struct kobject *bus_kobj;	/* /sys/bus */

/**
 * bus_register - create /sys/bus/<name> and /sys/bus/<name>/devices
 * @bus: the bus; @name set, the rest optional
 *
 * Return: 0, -ENODEV before the driver core is up, -EEXIST (@bus already
 * registered, or its name taken; also when its directory could not be
 * allocated), -ENOMEM.
 */
int bus_register(struct bus_type *bus)
{
	struct kobject *kobj, *devices;
	int err = -ENOMEM;

	if (!bus_kobj)
		return -ENODEV;
	if (bus->bus_kobj)
		return -EEXIST;		/* this very bus, registered already */
	kobj = kobject_create_and_add(bus->name, bus_kobj);
	if (!kobj)
		return -EEXIST;
	devices = kobject_create_and_add("devices", kobj);
	if (!devices)
		goto put_bus;
	err = sysfs_create_groups(kobj, bus->bus_groups);
	if (err)
		goto put_devices;
	mutex_init(&bus->lock);
	INIT_LIST_HEAD(&bus->devices);
	bus->devices_kobj = devices;
	bus->bus_kobj = kobj;
	return 0;

put_devices:
	kobject_put(devices);
put_bus:
	kobject_put(kobj);
	return err;
}

/**
 * bus_unregister - remove /sys/bus/<name>; its devices must be gone
 * @bus: a registered bus
 */
void bus_unregister(struct bus_type *bus)
{
	WARN_ON_ONCE(!list_empty(&bus->devices));
	kobject_put(bus->devices_kobj);
	kobject_put(bus->bus_kobj);
	bus->devices_kobj = NULL;
	bus->bus_kobj = NULL;
}

/**
 * bus_attach_device - put @device on its bus (called by device_add())
 * @device: device with its directory; nothing happens without a bus
 *
 * Return: 0 or the -errno of a link.
 */
int bus_attach_device(struct device *device)
{
	struct bus_type *bus = device->bus;
	int err;

	if (!bus || !bus->devices_kobj)
		return 0;
	err = sysfs_create_link(bus->devices_kobj, &device->kobj, dev_name(device));
	if (err)
		return err;
	err = sysfs_create_link(&device->kobj, bus->bus_kobj, "subsystem");
	if (err) {
		sysfs_remove_link(bus->devices_kobj, dev_name(device));
		return err;
	}
	mutex_lock(&bus->lock);
	list_add_tail(&device->bus_node, &bus->devices);
	mutex_unlock(&bus->lock);
	return 0;
}

/**
 * bus_detach_device - take @device off its bus (called by device_del())
 * @device: device
 */
void bus_detach_device(struct device *device)
{
	struct bus_type *bus = device->bus;

	if (!bus || list_empty(&device->bus_node))
		return;
	mutex_lock(&bus->lock);
	list_del_init(&device->bus_node);
	mutex_unlock(&bus->lock);
	sysfs_remove_link(&device->kobj, "subsystem");
	sysfs_remove_link(bus->devices_kobj, dev_name(device));
}

/**
 * bus_walk_devices - call @fn for each device on @bus, in order added
 * @bus: the bus
 * @data: passed to @fn
 * @fn: callback, under the bus lock (it must not add or remove devices
 *      of @bus); a non-zero return stops the walk
 *
 * Return: 0 or what @fn returned.
 */
int bus_walk_devices(struct bus_type *bus, void *data, bus_dev_fn_t fn)
{
	struct device *device;
	int ret = 0;

	mutex_lock(&bus->lock);
	list_for_each_entry(device, &bus->devices, bus_node) {
		ret = fn(device, data);
		if (ret)
			break;
	}
	mutex_unlock(&bus->lock);
	return ret;
}

/**
 * subsys_find_device_by_id - the device with number @id on @bus
 * @bus: the bus
 * @id: the device's @id
 *
 * Return: the device with a reference (put_device() it), or NULL.
 */
struct device *subsys_find_device_by_id(struct bus_type *bus, u32 id)
{
	struct device *device, *found = NULL;

	mutex_lock(&bus->lock);
	list_for_each_entry(device, &bus->devices, bus_node) {
		if (device->id == id) {
			found = get_device(device);
			break;
		}
	}
	mutex_unlock(&bus->lock);
	return found;
}

static void subsys_root_release(struct device *device)
{
	kfree(device);
}

/**
 * subsys_system_register - register a system subsystem
 * @subsys: the bus_type; its devices go under its root device
 * @groups: attributes of the root device /sys/devices/system/<name>
 *          (e.g. memory's block_size_bytes), or NULL
 *
 * Return: 0, or the -errno of bus_register() or of the root device, with
 * nothing left behind.
 */
int subsys_system_register(struct bus_type *subsys,
			   const struct attribute_group **groups)
{
	struct device *device;
	int err;

	err = bus_register(subsys);
	if (err)
		return err;
	err = -ENOMEM;
	device = kzalloc(sizeof(*device), GFP_KERNEL);
	if (!device)
		goto unregister;
	device_initialize(device);
	device->release = subsys_root_release;
	err = kobject_add(&device->kobj, system_kobj, "%s", subsys->name);
	if (err)
		goto put;
	err = sysfs_create_groups(&device->kobj, groups);
	if (!err)
		err = device_add_uevent_file(device);
	if (!err)
		err = device_power_dir_add(device);
	if (err)
		goto put;
	subsys->dev_root = device;
	return 0;

put:
	put_device(device);
unregister:
	bus_unregister(subsys);
	return err;
}

/**
 * subsys_system_unregister - undo subsys_system_register()
 * @subsys: a registered subsystem whose devices are all gone
 */
void subsys_system_unregister(struct bus_type *subsys)
{
	struct device *root = subsys->dev_root;

	subsys->dev_root = NULL;
	device_unregister(root);
	bus_unregister(subsys);
}

/* /sys/bus: core_initcall, after /sys/devices (core.o links first). */
static int __init buses_init(void)
{
	bus_kobj = kobject_create_and_add("bus", NULL);
	return bus_kobj ? 0 : -ENOMEM;
}
core_initcall(buses_init);

