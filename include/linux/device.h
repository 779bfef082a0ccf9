/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model, minimal: devices with a kobject, attribute groups and
 * a parent; buses; and system subsystems under /sys/devices/system.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/kobject.h>

struct device;

/**
 * struct bus_type - a bus or system subsystem: /sys/bus/<name>
 * @name: its name
 * @dev_name: devices without a name are called "<dev_name><id>"
 * @dev_groups: attributes every device on it gets
 * @bus_groups: attributes of /sys/bus/<name> itself
 * @uevent: adds the bus's variables to its devices' uevents, or NULL;
 *          returns 0 or -errno
 * @dev_root: for a subsystem, its /sys/devices/system/<name> device,
 *            the default parent of its devices
 *
 * The fields below are the driver core's (drivers/base/bus.c); @lock
 * protects @devices.
 */
struct bus_type {
	const char *name;
	const char *dev_name;
	const struct attribute_group **dev_groups, **bus_groups;
	int (*uevent)(const struct device *device,
		      struct kobj_uevent_env *vars);
	struct device *dev_root;

	struct kobject *bus_kobj;
	struct kobject *devices_kobj;
	struct mutex lock;
	struct list_head devices;
};

/**
 * struct device - a device: a kobject directory with attributes
 * @kobj: its directory (kobject_name() is dev_name())
 * @parent: parent device, or NULL (the bus's dev_root, else /sys/devices)
 * @init_name: name to use at device_add(), if not named by the bus
 * @bus: the bus it is on, or NULL
 * @groups: its own attributes, or NULL
 * @release: frees it when the last reference goes; required
 * @id: its number on the bus
 * @driver_data: for its driver (dev_get_drvdata())
 * @bus_node: on @bus->devices, under @bus->lock
 */
struct device {
	struct kobject kobj;
	struct device *parent;
	const char *init_name;
	struct bus_type *bus;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	u32 id;
	void *driver_data;
	struct list_head bus_node;
	bool pm_forbid;		/* power/control is "on" */
	bool pm_async;		/* power/async is "enabled" */
};

/* A device attribute; show/store return a byte count or -errno. */
struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *device, struct device_attribute *attr,
			char *buf);
	ssize_t (*store)(struct device *device, struct device_attribute *attr,
			 const char *buf, size_t count);
};

/* DEVICE_ATTR*(foo, ...) define the struct device_attribute dev_attr_foo. */
#define DEVICE_ATTR(fname, fmode, show_fn, store_fn)			\
	struct device_attribute dev_attr_##fname =			\
		__ATTR(fname, fmode, show_fn, store_fn)
#define DEVICE_ATTR_RO(fname)						\
	struct device_attribute dev_attr_##fname = __ATTR_RO(fname)
#define DEVICE_ATTR_RW(fname)						\
	struct device_attribute dev_attr_##fname = __ATTR_RW(fname)
#define DEVICE_ATTR_WO(fname)						\
	struct device_attribute dev_attr_##fname = __ATTR_WO(fname)

/* ATTRIBUTE_GROUPS(foo): foo_group and foo_groups from foo_attrs[]. */
#define ATTRIBUTE_GROUPS(set)						\
static const struct attribute_group set##_group = {			\
	.attrs = set##_attrs,						\
};									\
static const struct attribute_group *set##_groups[] = {		\
	&set##_group,							\
	NULL,								\
}

static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

static inline const char *dev_name(const struct device *device)
{
	return kobject_name(&device->kobj);
}

static inline void *dev_get_drvdata(const struct device *device)
{
	return device->driver_data;
}

static inline void dev_set_drvdata(struct device *device, void *data)
{
	device->driver_data = data;
}

/* /sys/devices and /sys/devices/system */
extern struct kobject *devices_kobj;
extern struct kobject *system_kobj;

int dev_set_name(struct device *device, const char *fmt, ...) __printf(2, 3);
void device_initialize(struct device *device);
int device_add(struct device *device);
int device_register(struct device *device);
void device_del(struct device *device);
void device_unregister(struct device *device);
struct device *get_device(struct device *device);
void put_device(struct device *device);
int device_create_file(struct device *device, const struct device_attribute *attr);
void device_remove_file(struct device *device, const struct device_attribute *attr);
int device_add_uevent_file(struct device *device);

int bus_register(struct bus_type *bus);
void bus_unregister(struct bus_type *bus);
/* Called per device by bus_walk_devices(); non-zero stops the walk. */
typedef int (*bus_dev_fn_t)(struct device *device, void *data);
int bus_walk_devices(struct bus_type *bus, void *data, bus_dev_fn_t fn);
/* Linux's name (without its @start argument) */
#define bus_for_each_dev(bus, data, fn) bus_walk_devices(bus, data, fn)
struct device *subsys_find_device_by_id(struct bus_type *bus, u32 id);
int subsys_system_register(struct bus_type *subsys,
			   const struct attribute_group **groups);
void subsys_system_unregister(struct bus_type *subsys);

/*
 * /sys/devices/system/memory and /sys/devices/system/node are declared in
 * <linux/memory.h> and <linux/node.h>.
 */

#endif /* _LINUX_DEVICE_H */
