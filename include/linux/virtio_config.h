/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a virtio transport provides to the bus and its drivers: the device
 * status, features, configuration space and queues; and the status and
 * feature bits the virtio 1.x specification defines (sections 2.1, 6).
 */
#ifndef _LINUX_VIRTIO_CONFIG_H
#define _LINUX_VIRTIO_CONFIG_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/virtio.h>

/* Device status bits, set in this order (spec 3.1.1). */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE	1
#define VIRTIO_CONFIG_S_DRIVER		2
#define VIRTIO_CONFIG_S_DRIVER_OK	4
#define VIRTIO_CONFIG_S_FEATURES_OK	8
#define VIRTIO_CONFIG_S_NEEDS_RESET	0x40
#define VIRTIO_CONFIG_S_FAILED		0x80

/* Transport-level feature bits (24..40 are reserved for these). */
#define VIRTIO_TRANSPORT_F_START	28
#define VIRTIO_TRANSPORT_F_END		41
#define VIRTIO_F_VERSION_1		32
#define VIRTIO_F_ACCESS_PLATFORM	33
#define VIRTIO_F_RING_PACKED		34

/**
 * struct virtio_transport_ops - a transport's operations on one device
 * @read_config: copies @len bytes of device configuration at @offset to @buf
 * @write_config: writes @len bytes of @buf to the configuration at @offset
 * @config_generation: the configuration generation counter
 * @read_status: the status byte
 * @write_status: writes a non-zero status byte
 * @reset_device: writes 0 and waits until the device reads back 0
 * @setup_queues: makes @nr queues with @callbacks and @names (a NULL name
 *	skips that index), puts them in @queues and on the device's list,
 *	and sets up their interrupts; 0 or -errno with nothing left
 * @drop_queues: undoes setup_queues (the device must be reset first)
 * @device_features: the 64 feature bits the device offers
 * @commit_features: tells the device vdev->features; 0 or -errno
 */
struct virtio_transport_ops {
	void (*read_config)(struct virtio_device *vdev, unsigned int offset,
			    void *buf, unsigned int len);
	void (*write_config)(struct virtio_device *vdev, unsigned int offset,
			     const void *buf, unsigned int len);
	u32 (*config_generation)(struct virtio_device *vdev);
	u8 (*read_status)(struct virtio_device *vdev);
	void (*write_status)(struct virtio_device *vdev, u8 status);
	void (*reset_device)(struct virtio_device *vdev);
	int (*setup_queues)(struct virtio_device *vdev, unsigned int nr,
			    struct virtqueue *queues[],
			    vq_callback_t *callbacks[],
			    const char * const names[]);
	void (*drop_queues)(struct virtio_device *vdev);
	u64 (*device_features)(struct virtio_device *vdev);
	int (*commit_features)(struct virtio_device *vdev);
};

/* Whether feature @fbit was negotiated. */
static inline bool virtio_feature_on(const struct virtio_device *vdev,
				      unsigned int fbit)
{
	if (WARN_ON_ONCE(fbit >= 64))
		return false;
	return vdev->features & (1ULL << fbit);
}

/* Takes feature @fbit back before FEATURES_OK (a driver's probe may not). */
static inline void virtio_clear_bit(struct virtio_device *vdev,
				    unsigned int fbit)
{
	vdev->features &= ~(1ULL << fbit);
}

static inline void virtio_add_status(struct virtio_device *vdev, u8 bits)
{
	vdev->transport->write_status(vdev, vdev->transport->read_status(vdev) | bits);
}

/* Sets DRIVER_OK: the driver's queues are ready, the device may use them. */
static inline void virtio_device_ready(struct virtio_device *vdev)
{
	virtio_add_status(vdev, VIRTIO_CONFIG_S_DRIVER_OK);
}

static inline int virtio_setup_queues(struct virtio_device *vdev,
				  unsigned int nvqs, struct virtqueue *vqs[],
				  vq_callback_t *callbacks[],
				  const char * const names[])
{
	return vdev->transport->setup_queues(vdev, nvqs, vqs, callbacks, names);
}

/*
 * Reads a field of @len bytes at @offset of the device configuration,
 * again until the generation counter did not change across the read (so a
 * field wider than the transport's accesses is never torn).
 */
static inline void virtio_config_read(struct virtio_device *vdev,
				      unsigned int offset, void *buf,
				      unsigned int len)
{
	u32 before, after;

	do {
		before = vdev->transport->config_generation(vdev);
		vdev->transport->read_config(vdev, offset, buf, len);
		after = vdev->transport->config_generation(vdev);
	} while (before != after);
}

#define virtio_config_read_field(vdev, structname, member, ptr)			\
	virtio_config_read((vdev), offsetof(structname, member), (ptr),	\
			   sizeof(*(ptr)))

#endif /* _LINUX_VIRTIO_CONFIG_H */
