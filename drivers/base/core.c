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

static void device_kobj_release(struct kobject *kobj)
{
	struct device *device = kobj_to_dev(kobj);

	if (device->release)
		device->release(device);
	else
		WARN_ON_ONCE(1);	/* a device must say how it is freed */
}

static ssize_t device_attr_show(struct kobject *kobj, struct attribute *attr,
			     char *buf)
{
	struct device_attribute *da = container_of(attr,
						   struct device_attribute,
						   attr);

	return da->show ? da->show(kobj_to_dev(kobj), da, buf) : -EIO;
}

static ssize_t device_attr_store(struct kobject *kobj, struct attribute *attr,
			      const char *buf, size_t count)
{
	struct device_attribute *da = container_of(attr,
						   struct device_attribute,
						   attr);

	return da->store ? da->store(kobj_to_dev(kobj), da, buf, count) : -EIO;
}

static const struct sysfs_ops device_attr_ops = {
	.show = device_attr_show,
	.store = device_attr_store,
};

/* Only devices on a bus (or subsystem) send uevents, named by it. */
static bool device_uevent_filter(const struct kobject *kobj)
{
	return kobj_to_dev((struct kobject *)kobj)->bus != NULL;
}

static const char *device_uevent_name(const struct kobject *kobj)
{
	const struct device *device = kobj_to_dev((struct kobject *)kobj);

	return device->bus ? device->bus->name : NULL;
}

/* The variables a device adds to its events and its uevent file. */
static int device_uevent_vars(const struct kobject *kobj,
			      struct kobj_uevent_env *env)
{
	const struct device *device = kobj_to_dev((struct kobject *)kobj);

	if (device->bus && device->bus->uevent)
		return device->bus->uevent(device, env);
	return 0;
}

static const struct kobj_uevent_ops device_uevent_ops = {
	.filter = device_uevent_filter,
	.name = device_uevent_name,
	.uevent = device_uevent_vars,
};

static const struct kobj_type device_kobj_type = {
	.release = device_kobj_release,
	.sysfs_ops = &device_attr_ops,
	.uevent_ops = &device_uevent_ops,
};

/*
 * A device's uevent file: reading gives the variables its events carry
 * beyond ACTION, DEVPATH, SUBSYSTEM and SEQNUM, one per line (nothing
 * for a device that sends no events); writing an action sends that
 * event again (kobject_synth_uevent()), which is how user space replays
 * the events of devices that were there before it listened.
 */
static ssize_t uevent_show(struct device *device,
			   struct device_attribute *da, char *out)
{
	const struct kobj_uevent_ops *ops = &device_uevent_ops;
	struct kobj_uevent_env *vars;
	int i, at = 0, ret;

	if (!ops->filter(&device->kobj))
		return 0;
	vars = kzalloc(sizeof(*vars), GFP_KERNEL);
	if (!vars)
		return -ENOMEM;
	ret = ops->uevent(&device->kobj, vars);
	for (i = 0; !ret && i < vars->envp_idx; i++)
		at += sysfs_emit_at(out, at, "%s\n", vars->envp[i]);
	kfree(vars);
	return ret ? ret : at;
}

static ssize_t uevent_store(struct device *device,
			    struct device_attribute *da,
			    const char *text, size_t len)
{
	int ret = kobject_synth_uevent(&device->kobj, text, len);

	return ret ? ret : len;
}

static struct device_attribute dev_attr_uevent = __ATTR_RW(uevent);

/**
 * device_add_uevent_file - give @device its uevent file
 * @device: a device in sysfs
 *
 * device_add() does; for the root device of a subsystem, which is added
 * as a plain kobject, subsys_system_register() does.
 *
 * Return: as device_create_file().
 */
int device_add_uevent_file(struct device *device)
{
	return device_create_file(device, &dev_attr_uevent);
}

/**
 * dev_set_name - name a device before device_add()
 * @device: device
 * @fmt: format and arguments
 *
 * Return: 0, -EINVAL (empty name or already added), -ENOMEM.
 */
int dev_set_name(struct device *device, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_set_name_vargs(&device->kobj, fmt, args);
	va_end(args);
	return ret;
}

/**
 * device_initialize - first half of device_register(): holds a reference
 * @device: zeroed device; set @release before the last put_device()
 */
void device_initialize(struct device *device)
{
	kobject_init(&device->kobj, &device_kobj_type);
	INIT_LIST_HEAD(&device->bus_node);
}

/**
 * device_add - second half of device_register(): show it in sysfs
 * @device: initialized device
 *
 * Names it (@init_name, or the bus's dev_name and @id), creates its
 * directory under its parent, its bus's and its own attribute groups, and
 * for a device on a bus the links /sys/bus/<bus>/devices/<name> and
 * <device>/subsystem, and its uevent file; then sends the "add" uevent
 * (a device on a bus only). On failure nothing is left in sysfs; the
 * caller still holds its reference.
 *
 * Return: 0, -EINVAL (no name), -EEXIST (name taken), -ENOMEM.
 */
int device_add(struct device *device)
{
	struct kobject *parent;
	int err;

	if (!device)
		return -EINVAL;
	if (device->init_name)
		err = dev_set_name(device, "%s", device->init_name);
	else if (!device->kobj.name && device->bus && device->bus->dev_name)
		err = dev_set_name(device, "%s%u", device->bus->dev_name, device->id);
	else
		err = device->kobj.name ? 0 : -EINVAL;
	if (err)
		return err;
	device->init_name = NULL;

	if (device->parent)
		parent = &device->parent->kobj;
	else if (device->bus && device->bus->dev_root)
		parent = &device->bus->dev_root->kobj;
	else
		parent = devices_kobj;
	err = kobject_add(&device->kobj, parent, NULL);
	if (err)
		return err;
	err = device_add_uevent_file(device);
	if (err)
		goto del_kobj;
	err = device_power_dir_add(device);
	if (err)
		goto del_kobj;
	if (device->bus) {
		err = sysfs_create_groups(&device->kobj, device->bus->dev_groups);
		if (err)
			goto remove_power;
	}
	err = sysfs_create_groups(&device->kobj, device->groups);
	if (err)
		goto remove_bus_groups;
	err = bus_attach_device(device);
	if (err)
		goto remove_groups;
	/* Like Linux, a device stays when user space could not be told. */
	kobject_uevent(&device->kobj, KOBJ_ADD);
	return 0;

remove_groups:
	sysfs_remove_groups(&device->kobj, device->groups);
remove_bus_groups:
	if (device->bus)
		sysfs_remove_groups(&device->kobj, device->bus->dev_groups);
remove_power:
	device_power_dir_remove(device);
del_kobj:
	kobject_del(&device->kobj);
	return err;
}

/**
 * device_register - device_initialize() and device_add()
 * @device: zeroed device
 *
 * Return: as device_add(); on failure put_device() @device.
 */
int device_register(struct device *device)
{
	device_initialize(device);
	return device_add(device);
}

/**
 * device_del - take @device out of sysfs and off its bus
 * @device: added device
 *
 * Sends the "remove" uevent (with the path it had) once it is off its
 * bus. Waits for show/store calls in flight on its attributes; must not
 * be called from one of them.
 */
void device_del(struct device *device)
{
	bus_detach_device(device);
	if (device->kobj.state_in_sysfs)
		kobject_uevent(&device->kobj, KOBJ_REMOVE);
	kobject_del(&device->kobj);
}

/**
 * device_unregister - device_del() and drop the registration reference
 * @device: registered device
 */
void device_unregister(struct device *device)
{
	device_del(device);
	put_device(device);
}

/**
 * get_device - take a reference
 * @device: device, or NULL
 *
 * Return: @device.
 */
struct device *get_device(struct device *device)
{
	if (device)
		kobject_get(&device->kobj);
	return device;
}

/**
 * put_device - drop a reference; the last calls @device->release
 * @device: device, or NULL
 */
void put_device(struct device *device)
{
	if (device)
		kobject_put(&device->kobj);
}

/**
 * device_create_file - add one attribute file to a device
 * @device: added device
 * @attr: the attribute
 *
 * Return: as sysfs_create_file().
 */
int device_create_file(struct device *device, const struct device_attribute *attr)
{
	return device ? sysfs_create_file(&device->kobj, &attr->attr) : -EINVAL;
}

/**
 * device_remove_file - remove an attribute file of a device
 * @device: device
 * @attr: the attribute
 */
void device_remove_file(struct device *device, const struct device_attribute *attr)
{
	if (device)
		sysfs_remove_file(&device->kobj, &attr->attr);
}

/*
 * /sys/devices and /sys/devices/system, before any subsystem registers;
 * and /sys/dev/block and /sys/dev/char, where Linux links each device
 * with a number. Tide's devices have none, so both stay empty, but
 * programs that scan them (busybox mdev -s and -d) find them.
 */
static int __init devices_init(void)
{
	struct kobject *dev_dir;

	devices_kobj = kobject_create_and_add("devices", NULL);
	if (!devices_kobj)
		return -ENOMEM;
	system_kobj = kobject_create_and_add("system", devices_kobj);
	if (!system_kobj)
		return -ENOMEM;
	dev_dir = kobject_create_and_add("dev", NULL);
	if (!dev_dir || !kobject_create_and_add("block", dev_dir) ||
	    !kobject_create_and_add("char", dev_dir))
		return -ENOMEM;
	return 0;
}
core_initcall(devices_init);
