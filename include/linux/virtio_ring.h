/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Split virtqueues: the three areas a driver and a device share (the
 * descriptor table, the driver area "avail" and the device area "used"),
 * laid out as the virtio 1.x specification (section 2.7) fixes them, and
 * the driver's side of a queue. The code is in drivers/virtio/virtio_ring.c.
 * Every field is little-endian, as x86 is, so plain integer types serve.
 */
#ifndef _LINUX_VIRTIO_RING_H
#define _LINUX_VIRTIO_RING_H

#include <linux/types.h>

/* Descriptor flags (struct vring_desc.flags). */
#define VRING_DESC_F_NEXT	1	/* the chain goes on at .next */
#define VRING_DESC_F_WRITE	2	/* the device writes this buffer */
#define VRING_DESC_F_INDIRECT	4	/* a table of descriptors (unused) */

/* Driver area flag: the driver needs no interrupt for used buffers. */
#define VRING_AVAIL_F_NO_INTERRUPT	1
/* Device area flag: the device needs no notification of new buffers. */
#define VRING_USED_F_NO_NOTIFY		1

/* Feature bits of the ring itself (see <linux/virtio_config.h>). */
#define VIRTIO_RING_F_INDIRECT_DESC	28
#define VIRTIO_RING_F_EVENT_IDX		29

/* Split queues of the modern transport hold at most this many entries. */
#define VRING_MAX_SIZE		32768

/* One buffer: guest-physical address, length, flags, next in chain. */
struct vring_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

/*
 * The driver area: flags, the free-running index of the next ring slot the
 * driver fills, the ring of chain heads, then (with EVENT_IDX) used_event.
 */
struct vring_avail {
	u16 flags;
	u16 idx;
	u16 ring[];
};

/* A used chain: its head's index and the bytes the device wrote. */
struct vring_used_elem {
	u32 id;
	u32 len;
};

/* The device area: flags, its index, the ring, then avail_event. */
struct vring_used {
	u16 flags;
	u16 idx;
	struct vring_used_elem ring[];
};

/* Sizes in bytes of the three areas of a queue of @num entries. */
static inline size_t vring_desc_bytes(unsigned int num)
{
	return sizeof(struct vring_desc) * num;
}

static inline size_t vring_avail_bytes(unsigned int num)
{
	/* flags, idx, ring[num], used_event */
	return sizeof(u16) * (3 + num);
}

static inline size_t vring_used_bytes(unsigned int num)
{
	/* flags, idx, ring[num], avail_event */
	return sizeof(u16) * 3 + sizeof(struct vring_used_elem) * num;
}

/*
 * With VIRTIO_RING_F_EVENT_IDX, one side asks to hear of the other's index
 * only once it passes @event: when it went from @old to @new_idx, the
 * notification is due if @event lies in [old, new_idx). All three are
 * free-running 16-bit counters.
 */
static inline bool vring_need_event(u16 event, u16 new_idx, u16 old)
{
	u16 since_event = (u16)(new_idx - event - 1);
	u16 moved = (u16)(new_idx - old);

	return since_event < moved;
}

#endif /* _LINUX_VIRTIO_RING_H */
