/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtio bus: devices a transport (drivers/virtio/virtio_pci_modern.c)
 * finds, drivers matched to them by device id, and the queues they share.
 * The bus is drivers/virtio/virtio.c, the queues drivers/virtio/virtio_ring.c.
 * See Documentation/driver-api/virtio.rst.
 */
#ifndef _LINUX_VIRTIO_H
#define _LINUX_VIRTIO_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct virtio_device;
struct virtqueue;
struct virtio_transport_ops;

/* Called when the device has used buffers of @vq (interrupt context). */
typedef void vq_callback_t(struct virtqueue *vq);

/**
 * struct virtqueue - a queue as its driver sees it
 * @list: on its device's @vqs list (the transport adds and removes it)
 * @callback: the driver's, or NULL
 * @name: for messages
 * @vdev: the device it belongs to
 * @index: its number on the device
 * @num_free: descriptors not in any chain the device holds
 * @priv: the transport's (its notification address)
 */
struct virtqueue {
	struct list_head list;
	vq_callback_t *callback;
	const char *name;
	struct virtio_device *vdev;
	unsigned int index;
	unsigned int num_free;
	void *priv;
};

/**
 * struct virtio_device_id - a driver's match entry
 * @device: the virtio device id (4: entropy, 24: memory...), 0 ends a table
 * @vendor: VIRTIO_DEV_ANY_ID or the subsystem vendor
 */
struct virtio_device_id {
	u32 device;
	u32 vendor;
};
#define VIRTIO_DEV_ANY_ID	0xffffffff

/**
 * struct virtio_device - a device on the virtio bus: /sys/bus/virtio/devices/virtioN
 * @index: N, unique while the device exists
 * @dev: its device (parent: the transport's, e.g. the PCI function)
 * @id: its device and vendor id
 * @config: the transport's operations
 * @vqs: its queues, under the transport's control (probe/remove only)
 * @features: the features negotiated (the device's & the driver's), bit n
 *	for feature n; written only before FEATURES_OK, by the bus
 * @config_lock: protects @config_enabled and @config_change_pending; taken
 *	in the config-change interrupt, so with interrupts off
 * @config_enabled: the driver may get config_changed calls
 * @config_change_pending: a change came while they were off
 * @driver: the bound driver, or NULL; written by the bus under its lock
 * @node: on the bus's list of devices, under its lock
 * @priv: the transport's
 */
struct virtio_device {
	int index;
	struct device dev;
	struct virtio_device_id id;
	const struct virtio_transport_ops *transport;
	struct list_head vqs;
	u64 features;
	spinlock_t config_lock;
	bool config_enabled;
	bool config_change_pending;
	struct virtio_driver *driver;
	struct list_head node;
	void *priv;
};

static inline struct virtio_device *dev_to_virtio(struct device *dev)
{
	return container_of(dev, struct virtio_device, dev);
}

/**
 * struct virtio_driver - a driver for virtio devices
 * @name: for messages
 * @match: the devices it drives, ending with a zero device id
 * @features_wanted: the feature bits it understands (bit numbers)
 * @nr_features: how many
 * @probe: binds a device whose status is ACKNOWLEDGE|DRIVER|FEATURES_OK;
 *	sets up its queues and calls virtio_device_ready(); 0 or -errno
 * @remove: unbinds it; it may reset the device and free its queues itself
 *	(transport->reset_device, then transport->drop_queues), else the bus does afterwards
 * @config_changed: the device's configuration changed, or NULL
 *	(interrupt context)
 * @node: on the bus's list of drivers
 */
struct virtio_driver {
	const char *name;
	const struct virtio_device_id *match;
	const unsigned int *features_wanted;
	unsigned int nr_features;
	int (*probe)(struct virtio_device *vdev);
	void (*remove)(struct virtio_device *vdev);
	void (*config_changed)(struct virtio_device *vdev);
	struct list_head node;
};

int register_virtio_device(struct virtio_device *vdev);
void unregister_virtio_device(struct virtio_device *vdev);
int virtio_driver_register(struct virtio_driver *drv);
void virtio_driver_unregister(struct virtio_driver *drv);
void virtio_config_changed(struct virtio_device *vdev);
void virtio_config_enable(struct virtio_device *vdev);
void virtio_config_disable(struct virtio_device *vdev);

/**
 * struct virtio_buf - one buffer of a chain handed to a queue
 * @addr: its kernel address (kmalloc, vmalloc, or direct map); its pages
 *	are pinned while the device holds it
 * @len: its length in bytes
 */
struct virtio_buf {
	void *addr;
	unsigned int len;
};

int vq_add_buffers(struct virtqueue *vq, const struct virtio_buf *bufs,
		       unsigned int out, unsigned int in, void *data);
bool vq_needs_doorbell(struct virtqueue *vq);
bool vq_ring_doorbell(struct virtqueue *vq);
bool vq_publish(struct virtqueue *vq);
void *vq_take_used(struct virtqueue *vq, unsigned int *len);
void vq_callbacks_off(struct virtqueue *vq);
bool vq_callbacks_on(struct virtqueue *vq);
void *vq_take_unused(struct virtqueue *vq);
unsigned int vq_ring_entries(const struct virtqueue *vq);
phys_addr_t vq_desc_area(const struct virtqueue *vq);
phys_addr_t vq_driver_area(const struct virtqueue *vq);
phys_addr_t vq_device_area(const struct virtqueue *vq);

/* For transports: make and free a split queue, and its interrupt. */
struct virtqueue *vq_create(unsigned int index, unsigned int num,
					 struct virtio_device *vdev,
					 bool (*ring_bell)(struct virtqueue *q),
					 vq_callback_t *callback,
					 const char *name);
void vq_destroy(struct virtqueue *vq);
bool vq_interrupt(struct virtqueue *vq);

#endif /* _LINUX_VIRTIO_H */
