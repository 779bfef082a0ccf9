// SPDX-License-Identifier: GPL-2.0
/*
 * Split virtqueues, the driver's side: chains of descriptors handed to the
 * device through the driver area and taken back from the device area, with
 * the ordering and event suppression the virtio 1.x specification asks for.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

/**
 * DOC: split virtqueues
 *
 * Each of a queue's three areas is one page of its own from the page
 * allocator (GFP_KERNEL: unmovable, never in ZONE_MOVABLE), which is why a
 * queue holds at most PAGE_SIZE / 16 = 256 descriptors. The device holds
 * their physical addresses, so they must never move: they are the DMA
 * exception to "every page moves" and are addressed through the direct map
 * (see Documentation/driver-api/virtio.rst).
 *
 * A buffer handed to the device is cut at page boundaries, one descriptor
 * per piece, and each piece's page gets a reference (get_page()) until the
 * device returns the chain: migration leaves a page with an extra reference
 * alone (-EAGAIN, tried again later). The lookup of the page and the
 * reference are taken with interrupts off under the queue's lock, so no
 * stop-the-machine migration can move the page in between.
 *
 * Ordering: the descriptors and the ring entry are written before the
 * driver area's index (write barrier), the index before the device's
 * notification flags are read (full barrier), and the device area's index
 * is read before the entries it covers (read barrier).
 */

#define VRING_MAX_NUM	(PAGE_SIZE / sizeof(struct vring_desc))

/**
 * struct vring_virtqueue - a split queue
 * @vq: what drivers see
 * @num: entries (a power of 2, at most VRING_MAX_NUM)
 * @desc, @avail, @used: the three areas, through the direct map
 * @desc_page, @avail_page, @used_page: their pages
 * @ring_bell: the transport's doorbell; false if the device is gone
 * @lock: protects every field below and the driver's writes to the
 *	areas; taken by adders, getters and the interrupt, irqsave
 * @event_idx: VIRTIO_RING_F_EVENT_IDX was negotiated
 * @broken: the device misbehaved; the queue refuses further use
 * @free_head: first free descriptor, chained through .next
 * @avail_idx: our copy of avail->idx (the device only reads it)
 * @avail_flags: our copy of avail->flags
 * @num_added: chains published since the last kick
 * @last_used: the next device-area entry to take
 * @data: per chain head, the token its adder gave (NULL: not a head)
 * @pinned: per descriptor, the page its buffer pins, or NULL
 */
struct vring_virtqueue {
	struct virtqueue vq;
	unsigned int num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	struct page *desc_page, *avail_page, *used_page;
	bool (*ring_bell)(struct virtqueue *q);

	spinlock_t lock;
	bool event_idx;
	bool broken;
	u16 free_head;
	u16 avail_idx;
	u16 avail_flags;
	u16 num_added;
	u16 last_used;
	void **data;
	struct page **pinned;
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

/* Where the driver asks for an interrupt with EVENT_IDX: after avail ring. */
static u16 *vring_used_event(struct vring_virtqueue *vvq)
{
	return &vvq->avail->ring[vvq->num];
}

/* Where the device asks for a notification with EVENT_IDX. */
static u16 *vring_avail_event(struct vring_virtqueue *vvq)
{
	return (u16 *)&vvq->used->ring[vvq->num];
}

/*
 * The DMA exception: the direct-map address of a ring page, which the
 * device also holds by its physical address.
 */
static void *vring_page_va(struct page *page)
{
	return __va(page_to_phys(page));
}

/*
 * The page holding kernel address @addr (heap, vmalloc or direct map), or
 * NULL for any other address (stack, kernel image): those cannot be pinned.
 */
static struct page *vring_addr_to_page(const void *addr)
{
	if (is_kheap_addr(addr))
		return kheap_virt_to_page(addr);
	if (is_vmalloc_addr(addr))
		return vmalloc_to_page(addr);
	if (is_direct_map_addr((unsigned long)addr))
		return phys_to_page(__pa(addr));
	return NULL;
}

/* Descriptors @buf needs: one per page it touches. */
static unsigned int vring_buf_pieces(const struct virtio_buf *buf)
{
	unsigned long start = (unsigned long)buf->addr;
	unsigned long end = start + buf->len;

	return (PAGE_ALIGN(end) - (start & PAGE_MASK)) >> PAGE_SHIFT;
}

/* Unpins and frees the chain at @head; returns its token. Under the lock. */
static void *vring_detach(struct vring_virtqueue *vvq, u16 head)
{
	void *data = vvq->data[head];
	u16 i = head;

	vvq->data[head] = NULL;
	for (;;) {
		if (vvq->pinned[i]) {
			put_page(vvq->pinned[i]);
			vvq->pinned[i] = NULL;
		}
		vvq->vq.num_free++;
		if (!(vvq->desc[i].flags & VRING_DESC_F_NEXT))
			break;
		i = vvq->desc[i].next;
	}
	vvq->desc[i].next = vvq->free_head;
	vvq->free_head = head;
	return data;
}

/*
 * Fills free descriptors from @buf onwards, pinning each page; @prev is
 * the last descriptor filled so far (or -1). Returns the last one filled,
 * or -EFAULT (an address that cannot be pinned) with what it filled
 * chained after @prev for the caller to undo. Under the lock.
 */
static int vring_fill(struct vring_virtqueue *vvq, const struct virtio_buf *buf,
		      u16 flags, int prev, int *head)
{
	unsigned long va = (unsigned long)buf->addr;
	unsigned long end = va + buf->len;

	while (va < end) {
		unsigned long piece = min(end, (va & PAGE_MASK) + PAGE_SIZE) - va;
		struct page *page = vring_addr_to_page((void *)va);
		u16 i = vvq->free_head;

		if (!page)
			return -EFAULT;
		vvq->free_head = vvq->desc[i].next;
		vvq->vq.num_free--;
		get_page(page);
		vvq->pinned[i] = page;
		vvq->desc[i].addr = page_to_phys(page) + (va & ~PAGE_MASK);
		vvq->desc[i].len = piece;
		vvq->desc[i].flags = flags;
		if (prev >= 0) {
			vvq->desc[prev].flags |= VRING_DESC_F_NEXT;
			vvq->desc[prev].next = i;
		} else {
			*head = i;
		}
		prev = i;
		va += piece;
	}
	return prev;
}

/**
 * vq_add_buffers - hand a chain of buffers to the device
 * @vq: the queue
 * @bufs: @out buffers the device reads, then @in buffers it writes
 * @out: how many it reads
 * @in: how many it writes
 * @data: token returned by vq_take_used() for this chain; not NULL
 *
 * Each buffer's pages are pinned until the chain comes back. The chain is
 * visible to the device once this returns; notify it with vq_publish().
 * May be called from any context.
 *
 * Return: 0; -EINVAL for an empty chain, a zero-length buffer or a NULL
 * @data; -ENOSPC if the free descriptors do not suffice; -EFAULT for an
 * address not in the heap, vmalloc or the direct map; -EIO if the queue is
 * broken. On error nothing is added and nothing stays pinned.
 */
int vq_add_buffers(struct virtqueue *vq, const struct virtio_buf *bufs,
		       unsigned int out, unsigned int in, void *data)
{
	struct vring_virtqueue *vvq = to_vvq(vq);
	unsigned int i, need = 0;
	unsigned long flags;
	int last = -1, head = -1, err = 0;

	if (!data || out + in == 0)
		return -EINVAL;
	for (i = 0; i < out + in; i++) {
		if (!bufs[i].len)
			return -EINVAL;
		need += vring_buf_pieces(&bufs[i]);
	}

	spin_lock_irqsave(&vvq->lock, flags);
	if (vvq->broken) {
		err = -EIO;
		goto out_unlock;
	}
	if (need > vq->num_free) {
		err = -ENOSPC;
		goto out_unlock;
	}
	for (i = 0; i < out + in; i++) {
		last = vring_fill(vvq, &bufs[i], i < out ? 0 : VRING_DESC_F_WRITE,
				  last, &head);
		if (last < 0) {
			err = last;
			goto out_undo;
		}
	}
	vvq->data[head] = data;
	vvq->avail->ring[vvq->avail_idx & (vvq->num - 1)] = head;
	vvq->avail_idx++;
	/* the chain and its ring entry before the index that publishes it */
	smp_wmb();
	WRITE_ONCE(vvq->avail->idx, vvq->avail_idx);
	vvq->num_added++;
	spin_unlock_irqrestore(&vvq->lock, flags);
	return 0;

out_undo:
	if (head >= 0) {
		vvq->data[head] = (void *)1;	/* any token, dropped below */
		vring_detach(vvq, head);
	}
out_unlock:
	spin_unlock_irqrestore(&vvq->lock, flags);
	return err;
}

/**
 * vq_needs_doorbell - whether the device wants to hear of new chains
 * @vq: the queue
 *
 * Return: true if vq_ring_doorbell() should be called: the device did not
 * set VRING_USED_F_NO_NOTIFY, or (EVENT_IDX) the chains published since the
 * last kick passed its avail_event.
 */
bool vq_needs_doorbell(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);
	unsigned long flags;
	u16 new_idx, old_idx;
	bool need;

	spin_lock_irqsave(&vvq->lock, flags);
	/* our index store before the device's suppression fields are read */
	smp_mb();
	new_idx = vvq->avail_idx;
	old_idx = new_idx - vvq->num_added;
	vvq->num_added = 0;
	if (vvq->event_idx)
		need = vring_need_event(READ_ONCE(*vring_avail_event(vvq)),
					new_idx, old_idx);
	else
		need = !(READ_ONCE(vvq->used->flags) & VRING_USED_F_NO_NOTIFY);
	spin_unlock_irqrestore(&vvq->lock, flags);
	return need;
}

/**
 * vq_ring_doorbell - ring the device's doorbell for @vq
 * @vq: the queue
 *
 * Return: false if the transport says the device is gone (the queue is
 * then broken), else true.
 */
bool vq_ring_doorbell(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);

	if (READ_ONCE(vvq->broken))
		return false;
	if (!vvq->ring_bell(vq)) {
		WRITE_ONCE(vvq->broken, true);
		return false;
	}
	return true;
}

/**
 * vq_publish - notify the device of new chains if it wants to be
 * @vq: the queue
 *
 * Return: false if a notification was needed and failed, else true.
 */
bool vq_publish(struct virtqueue *vq)
{
	if (vq_needs_doorbell(vq))
		return vq_ring_doorbell(vq);
	return true;
}

/**
 * vq_take_used - take back a chain the device used
 * @vq: the queue
 * @len: set to the bytes the device says it wrote
 *
 * Unpins the chain's pages. A device-area entry naming no chain marks the
 * queue broken, with a console error.
 *
 * Return: the chain's token, or NULL if the device returned none (or the
 * queue is broken).
 */
void *vq_take_used(struct virtqueue *vq, unsigned int *len)
{
	struct vring_virtqueue *vvq = to_vvq(vq);
	void *data = NULL;
	unsigned long flags;
	u32 id;

	spin_lock_irqsave(&vvq->lock, flags);
	if (vvq->broken || vvq->last_used == READ_ONCE(vvq->used->idx))
		goto out;
	/* the index before the entries it covers */
	smp_rmb();
	id = READ_ONCE(vvq->used->ring[vvq->last_used & (vvq->num - 1)].id);
	if (id >= vvq->num || !vvq->data[id]) {
		pr_err("virtio: %s: device returned bad chain id %u\n",
		       vq->name, id);
		vvq->broken = true;
		goto out;
	}
	if (len)
		*len = READ_ONCE(vvq->used->ring[vvq->last_used &
						 (vvq->num - 1)].len);
	data = vring_detach(vvq, id);
	vvq->last_used++;
	if (!(vvq->avail_flags & VRING_AVAIL_F_NO_INTERRUPT)) {
		/* with EVENT_IDX: interrupt me at the next one */
		WRITE_ONCE(*vring_used_event(vvq), vvq->last_used);
		smp_mb();
	}
out:
	spin_unlock_irqrestore(&vvq->lock, flags);
	return data;
}

/**
 * vq_callbacks_off - ask the device not to interrupt for @vq
 * @vq: the queue
 *
 * A hint only: an interrupt may still arrive.
 */
void vq_callbacks_off(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);
	unsigned long flags;

	spin_lock_irqsave(&vvq->lock, flags);
	vvq->avail_flags |= VRING_AVAIL_F_NO_INTERRUPT;
	if (!vvq->event_idx)
		WRITE_ONCE(vvq->avail->flags, vvq->avail_flags);
	spin_unlock_irqrestore(&vvq->lock, flags);
}

/**
 * vq_callbacks_on - ask for interrupts for @vq again
 * @vq: the queue
 *
 * Return: true if no used chain is waiting; false if one is, which the
 * caller must take with vq_take_used() (no interrupt comes for it).
 */
bool vq_callbacks_on(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);
	unsigned long flags;
	bool idle;

	spin_lock_irqsave(&vvq->lock, flags);
	vvq->avail_flags &= ~VRING_AVAIL_F_NO_INTERRUPT;
	if (vvq->event_idx)
		WRITE_ONCE(*vring_used_event(vvq), vvq->last_used);
	else
		WRITE_ONCE(vvq->avail->flags, vvq->avail_flags);
	/* the request before the look at the device's index */
	smp_mb();
	idle = READ_ONCE(vvq->used->idx) == vvq->last_used;
	spin_unlock_irqrestore(&vvq->lock, flags);
	return idle;
}

/**
 * vq_take_unused - take back a chain the device never used
 * @vq: the queue, whose device was reset (so it holds nothing any more)
 *
 * Return: a chain's token, its pages unpinned, or NULL when none is left.
 */
void *vq_take_unused(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);
	void *data = NULL;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&vvq->lock, flags);
	for (i = 0; i < vvq->num; i++) {
		if (vvq->data[i]) {
			data = vring_detach(vvq, i);
			break;
		}
	}
	spin_unlock_irqrestore(&vvq->lock, flags);
	return data;
}

/**
 * vq_interrupt - the transport's interrupt for @vq
 * @vq: the queue
 *
 * Return: true if the device had used chains (the driver's callback ran),
 * false if the interrupt was not for this queue.
 */
bool vq_interrupt(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);

	if (READ_ONCE(vvq->used->idx) == READ_ONCE(vvq->last_used))
		return false;
	if (READ_ONCE(vvq->broken))
		return true;
	if (vq->callback)
		vq->callback(vq);
	return true;
}

/* Return: the number of entries of @vq. */
unsigned int vq_ring_entries(const struct virtqueue *vq)
{
	return to_vvq(vq)->num;
}

/* Return: the physical address of @vq's descriptor table. */
phys_addr_t vq_desc_area(const struct virtqueue *vq)
{
	return page_to_phys(to_vvq(vq)->desc_page);
}

/* Return: the physical address of @vq's driver area. */
phys_addr_t vq_driver_area(const struct virtqueue *vq)
{
	return page_to_phys(to_vvq(vq)->avail_page);
}

/* Return: the physical address of @vq's device area. */
phys_addr_t vq_device_area(const struct virtqueue *vq)
{
	return page_to_phys(to_vvq(vq)->used_page);
}

static void vring_free_pages(struct vring_virtqueue *vvq)
{
	if (vvq->desc_page)
		__free_pages(vvq->desc_page, 0);
	if (vvq->avail_page)
		__free_pages(vvq->avail_page, 0);
	if (vvq->used_page)
		__free_pages(vvq->used_page, 0);
}

/**
 * vq_create - make a split queue (for transports)
 * @index: its number on the device
 * @num: entries: a power of 2, at most PAGE_SIZE / 16
 * @vdev: its device; VIRTIO_RING_F_EVENT_IDX in vdev->features selects
 *	event-index suppression
 * @ring_bell: rings the device's doorbell; false if the device is gone
 * @callback: the driver's, or NULL
 * @name: for messages; must outlive the queue
 *
 * The areas are zeroed unmovable pages. The queue is not on the device's
 * list: the transport adds it.
 *
 * Return: the queue, or NULL for a bad @num or when out of memory.
 */
struct virtqueue *vq_create(unsigned int index, unsigned int num,
					 struct virtio_device *vdev,
					 bool (*ring_bell)(struct virtqueue *q),
					 vq_callback_t *callback,
					 const char *name)
{
	struct vring_virtqueue *vvq;
	unsigned int i;

	if (!num || !is_power_of_2(num) || num > VRING_MAX_NUM)
		return NULL;
	vvq = kzalloc(sizeof(*vvq), GFP_KERNEL);
	if (!vvq)
		return NULL;
	vvq->data = kcalloc(num, sizeof(*vvq->data), GFP_KERNEL);
	vvq->pinned = kcalloc(num, sizeof(*vvq->pinned), GFP_KERNEL);
	if (!vvq->data || !vvq->pinned)
		goto out_free_arrays;
	vvq->desc_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	vvq->avail_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	vvq->used_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	if (!vvq->desc_page || !vvq->avail_page || !vvq->used_page)
		goto out_free_pages;

	vvq->desc = vring_page_va(vvq->desc_page);
	vvq->avail = vring_page_va(vvq->avail_page);
	vvq->used = vring_page_va(vvq->used_page);
	vvq->num = num;
	vvq->ring_bell = ring_bell;
	spin_lock_init(&vvq->lock);
	vvq->event_idx = vdev->features & (1ULL << VIRTIO_RING_F_EVENT_IDX);
	for (i = 0; i + 1 < num; i++)
		vvq->desc[i].next = i + 1;
	vvq->vq.callback = callback;
	vvq->vq.name = name;
	vvq->vq.vdev = vdev;
	vvq->vq.index = index;
	vvq->vq.num_free = num;
	INIT_LIST_HEAD(&vvq->vq.list);
	return &vvq->vq;

out_free_pages:
	vring_free_pages(vvq);
out_free_arrays:
	kfree(vvq->pinned);
	kfree(vvq->data);
	kfree(vvq);
	return NULL;
}

/**
 * vq_destroy - free a queue the device no longer uses
 * @vq: the queue: its device reset, or never told of it
 *
 * Chains still on it are unpinned (with a warning: their driver should
 * have taken them back with vq_take_unused()).
 */
void vq_destroy(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);

	WARN_ON(vq_take_unused(vq));
	while (vq_take_unused(vq))
		;
	vring_free_pages(vvq);
	kfree(vvq->pinned);
	kfree(vvq->data);
	kfree(vvq);
}
