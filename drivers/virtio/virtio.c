// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio bus: /sys/bus/virtio/devices/virtioN, driver matching by
 * device id, the status and feature handshake up to FEATURES_OK, and the
 * dispatch of configuration-change interrupts to the bound driver.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sysfs.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

/**
 * DOC: the virtio bus
 *
 * A transport registers each device it finds with register_virtio_device();
 * the bus resets it, sets ACKNOWLEDGE and offers it to every registered
 * driver whose id table names its device id. Binding sets DRIVER,
 * negotiates features (those the device offers that the driver lists, plus
 * the ring and transport features Tide implements), sets FEATURES_OK, and
 * checks that the device kept it before the driver's probe runs. A device
 * without VIRTIO_F_VERSION_1 (a legacy one) is refused.
 *
 * virtio_bus_lock protects both lists and every device's @driver: it is
 * taken (sleeping) by registration and unregistration of devices and
 * drivers, which probe and remove under it. sysfs files read fields
 * written before the device was added, or single bytes from the transport.
 */
static DEFINE_MUTEX(virtio_bus_lock);
static LIST_HEAD(virtio_devices);
static LIST_HEAD(virtio_drivers);

/* Features the core itself understands, offered on every driver's behalf. */
#define VIRTIO_CORE_FEATURES	((1ULL << VIRTIO_F_VERSION_1) | \
				 (1ULL << VIRTIO_RING_F_EVENT_IDX))

/* The files of /sys/bus/virtio/devices/virtioN, with Linux 6.12's formats. */
enum virtio_file {
	VIRTIO_FILE_DEVICE,
	VIRTIO_FILE_VENDOR,
	VIRTIO_FILE_STATUS,
	VIRTIO_FILE_MODALIAS,
	VIRTIO_FILE_FEATURES,
};

struct virtio_file_attr {
	struct device_attribute dattr;
	enum virtio_file which;
};

/* Features: one character per bit, bit 0 first. */
static ssize_t virtio_emit_features(u64 features, char *buf)
{
	int bit, n = 0;

	for (bit = 0; bit < 64; bit++)
		buf[n++] = features & (1ULL << bit) ? '1' : '0';
	buf[n++] = '\n';
	return n;
}

static ssize_t virtio_file_show(struct device *dev,
				struct device_attribute *dattr, char *buf)
{
	const struct virtio_file_attr *f =
		container_of(dattr, struct virtio_file_attr, dattr);
	struct virtio_device *vdev = dev_to_virtio(dev);

	switch (f->which) {
	case VIRTIO_FILE_DEVICE:
		return sysfs_emit(buf, "0x%04x\n", vdev->id.device);
	case VIRTIO_FILE_VENDOR:
		return sysfs_emit(buf, "0x%04x\n", vdev->id.vendor);
	case VIRTIO_FILE_STATUS:
		return sysfs_emit(buf, "0x%08x\n",
				  vdev->transport->read_status(vdev));
	case VIRTIO_FILE_MODALIAS:
		return sysfs_emit(buf, "virtio:d%08Xv%08X\n",
				  vdev->id.device, vdev->id.vendor);
	case VIRTIO_FILE_FEATURES:
		return virtio_emit_features(READ_ONCE(vdev->features), buf);
	}
	return -EINVAL;
}

#define VIRTIO_FILE(fname, kind) {					\
	.dattr = __ATTR(fname, 0444, virtio_file_show, NULL),		\
	.which = (kind),						\
}

static struct virtio_file_attr virtio_files[] = {
	VIRTIO_FILE(device, VIRTIO_FILE_DEVICE),
	VIRTIO_FILE(vendor, VIRTIO_FILE_VENDOR),
	VIRTIO_FILE(status, VIRTIO_FILE_STATUS),
	VIRTIO_FILE(modalias, VIRTIO_FILE_MODALIAS),
	VIRTIO_FILE(features, VIRTIO_FILE_FEATURES),
};

static struct attribute *virtio_sysfs_attrs[] = {
	&virtio_files[0].dattr.attr,
	&virtio_files[1].dattr.attr,
	&virtio_files[2].dattr.attr,
	&virtio_files[3].dattr.attr,
	&virtio_files[4].dattr.attr,
	NULL,
};
ATTRIBUTE_GROUPS(virtio_sysfs);

static struct bus_type virtio_bus = {
	.name = "virtio",
	.dev_name = "virtio",
	.dev_groups = virtio_sysfs_groups,
};

static bool virtio_id_match(const struct virtio_device *vdev,
			    const struct virtio_driver *drv)
{
	const struct virtio_device_id *id;

	for (id = drv->match; id && id->device; id++)
		if (id->device == vdev->id.device &&
		    (id->vendor == VIRTIO_DEV_ANY_ID ||
		     id->vendor == vdev->id.vendor))
			return true;
	return false;
}

/* The feature bits @drv asks for, with the core's own. */
static u64 virtio_driver_features(const struct virtio_driver *drv)
{
	const unsigned int *bit = drv->features_wanted;
	const unsigned int *end = bit + drv->nr_features;
	u64 want = VIRTIO_CORE_FEATURES;

	for (; bit < end; bit++)
		if (*bit < 64)
			want |= 1ULL << *bit;
	return want;
}

/* Binds @drv to @vdev: DRIVER, features, FEATURES_OK, probe. Bus lock held. */
static int virtio_bind(struct virtio_device *vdev, struct virtio_driver *drv)
{
	u64 offered = vdev->transport->device_features(vdev);
	int err;
	u8 status;

	virtio_add_status(vdev, VIRTIO_CONFIG_S_DRIVER);
	if (!(offered & (1ULL << VIRTIO_F_VERSION_1))) {
		pr_err("virtio%d: legacy device (no VERSION_1), not supported\n",
		       vdev->index);
		err = -ENODEV;
		goto fail;
	}
	vdev->features = offered & virtio_driver_features(drv);
	err = vdev->transport->commit_features(vdev);
	if (err)
		goto fail;
	virtio_add_status(vdev, VIRTIO_CONFIG_S_FEATURES_OK);
	if (!(vdev->transport->read_status(vdev) & VIRTIO_CONFIG_S_FEATURES_OK)) {
		pr_err("virtio%d: device refused features %#llx\n",
		       vdev->index, (unsigned long long)vdev->features);
		err = -ENODEV;
		goto fail;
	}
	vdev->driver = drv;
	err = drv->probe(vdev);
	if (err) {
		vdev->driver = NULL;
		goto fail;
	}
	/* A driver that did not say it is ready is ready once probed. */
	status = vdev->transport->read_status(vdev);
	if (!(status & VIRTIO_CONFIG_S_DRIVER_OK))
		virtio_device_ready(vdev);
	virtio_config_enable(vdev);
	return 0;

fail:
	pr_err("virtio%d: %s: probe failed (%d)\n", vdev->index, drv->name,
	       err);
	vdev->features = 0;
	vdev->transport->reset_device(vdev);
	if (!list_empty(&vdev->vqs))	/* a probe that failed half-way */
		vdev->transport->drop_queues(vdev);
	virtio_add_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE |
			  VIRTIO_CONFIG_S_FAILED);
	return err;
}

/*
 * Unbinds @vdev's driver: it stops, then the device is reset and any
 * queues left are freed. Bus lock held.
 */
static void virtio_unbind(struct virtio_device *vdev)
{
	struct virtio_driver *drv = vdev->driver;

	virtio_config_disable(vdev);
	if (drv->remove)
		drv->remove(vdev);
	vdev->driver = NULL;
	vdev->features = 0;
	vdev->transport->reset_device(vdev);
	if (!list_empty(&vdev->vqs))	/* queues the driver left behind */
		vdev->transport->drop_queues(vdev);
	virtio_add_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
}

/* The lowest index no registered device has. Lock held. */
static int virtio_free_index(void)
{
	struct virtio_device *vdev;
	int index = 0;

again:
	list_for_each_entry(vdev, &virtio_devices, node) {
		if (vdev->index == index) {
			index++;
			goto again;
		}
	}
	return index;
}

/**
 * register_virtio_device - add a device a transport found
 * @vdev: its @id, @config and @dev.parent and @dev.release set by the
 *	transport; the rest is the bus's
 *
 * Resets the device, sets ACKNOWLEDGE, creates /sys/bus/virtio/devices/
 * virtioN and binds the first matching driver (a failed probe leaves the
 * device registered, status FAILED). May sleep.
 *
 * Return: 0, or -errno from device_add() (then the caller must
 * put_device(&vdev->dev)).
 */
int register_virtio_device(struct virtio_device *vdev)
{
	struct virtio_driver *drv;
	int err;

	device_initialize(&vdev->dev);
	INIT_LIST_HEAD(&vdev->vqs);
	spin_lock_init(&vdev->config_lock);
	vdev->config_enabled = false;
	vdev->config_change_pending = false;
	vdev->driver = NULL;
	vdev->features = 0;

	mutex_lock(&virtio_bus_lock);
	vdev->index = virtio_free_index();
	vdev->dev.id = vdev->index;
	vdev->dev.bus = &virtio_bus;
	vdev->transport->reset_device(vdev);
	virtio_add_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	err = device_add(&vdev->dev);
	if (err)
		goto out_unlock;
	list_add_tail(&vdev->node, &virtio_devices);
	list_for_each_entry(drv, &virtio_drivers, node) {
		if (virtio_id_match(vdev, drv)) {
			virtio_bind(vdev, drv);
			break;
		}
	}
out_unlock:
	mutex_unlock(&virtio_bus_lock);
	return err;
}

/**
 * unregister_virtio_device - remove a device: its driver's remove runs,
 *	the device is reset, its sysfs directory goes and its reference is
 *	dropped
 * @vdev: a registered device
 */
void unregister_virtio_device(struct virtio_device *vdev)
{
	mutex_lock(&virtio_bus_lock);
	if (vdev->driver)
		virtio_unbind(vdev);
	list_del(&vdev->node);
	mutex_unlock(&virtio_bus_lock);
	device_unregister(&vdev->dev);
}

/**
 * virtio_driver_register - add a driver and bind it to unbound matching
 *	devices
 * @drv: @name, @match and @probe set
 *
 * A device whose probe fails stays unbound. May sleep.
 *
 * Return: 0, or -EINVAL without @probe or @match.
 */
int virtio_driver_register(struct virtio_driver *drv)
{
	struct virtio_device *vdev;

	if (!drv->probe || !drv->match)
		return -EINVAL;
	mutex_lock(&virtio_bus_lock);
	list_add_tail(&drv->node, &virtio_drivers);
	list_for_each_entry(vdev, &virtio_devices, node)
		if (!vdev->driver && virtio_id_match(vdev, drv))
			virtio_bind(vdev, drv);
	mutex_unlock(&virtio_bus_lock);
	return 0;
}

/**
 * virtio_driver_unregister - unbind @drv from its devices and forget it
 * @drv: a registered driver
 */
void virtio_driver_unregister(struct virtio_driver *drv)
{
	struct virtio_device *vdev;

	mutex_lock(&virtio_bus_lock);
	list_for_each_entry(vdev, &virtio_devices, node)
		if (vdev->driver == drv)
			virtio_unbind(vdev);
	list_del(&drv->node);
	mutex_unlock(&virtio_bus_lock);
}

/**
 * virtio_config_changed - the transport saw a config-change interrupt
 * @vdev: the device
 *
 * Calls the driver's config_changed now if enabled, else remembers it for
 * virtio_config_enable(). Any context.
 */
void virtio_config_changed(struct virtio_device *vdev)
{
	unsigned long flags;

	spin_lock_irqsave(&vdev->config_lock, flags);
	if (!vdev->config_enabled)
		vdev->config_change_pending = true;
	else if (vdev->driver && vdev->driver->config_changed)
		vdev->driver->config_changed(vdev);
	spin_unlock_irqrestore(&vdev->config_lock, flags);
}

/**
 * virtio_config_enable - let config_changed calls reach the driver, and
 *	deliver one that came while they were off
 * @vdev: the device
 */
void virtio_config_enable(struct virtio_device *vdev)
{
	unsigned long flags;

	spin_lock_irqsave(&vdev->config_lock, flags);
	vdev->config_enabled = true;
	if (vdev->config_change_pending && vdev->driver &&
	    vdev->driver->config_changed)
		vdev->driver->config_changed(vdev);
	vdev->config_change_pending = false;
	spin_unlock_irqrestore(&vdev->config_lock, flags);
}

/**
 * virtio_config_disable - hold config_changed calls back (remembered)
 * @vdev: the device
 *
 * When it returns, no call is running.
 */
void virtio_config_disable(struct virtio_device *vdev)
{
	unsigned long flags;

	spin_lock_irqsave(&vdev->config_lock, flags);
	vdev->config_enabled = false;
	spin_unlock_irqrestore(&vdev->config_lock, flags);
}

static int __init virtio_bus_init(void)
{
	int err = bus_register(&virtio_bus);

	if (err)
		pr_err("virtio: cannot register the bus (%d)\n", err);
	return err;
}
core_initcall(virtio_bus_init);
