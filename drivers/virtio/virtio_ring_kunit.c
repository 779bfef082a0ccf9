// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for drivers/virtio/virtio_ring.c: a fake device in memory reads the
 * driver area and the descriptors through their physical addresses, as a
 * real device would, and returns chains through the device area.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>
#include <kunit/test.h>

/* The device's side of one queue, and a stand-in virtio device. */
struct fake_vdev {
	struct virtio_device vdev;
	struct virtqueue *vq;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	unsigned int num;
	u16 last_avail;		/* next driver-area entry the device takes */
	int notified;		/* doorbell rings */
	int callbacks;		/* driver callbacks */
	bool gone;		/* the doorbell fails */
};

static struct fake_vdev *fake_of(struct virtqueue *vq)
{
	return container_of(vq->vdev, struct fake_vdev, vdev);
}

static bool fake_notify(struct virtqueue *vq)
{
	fake_of(vq)->notified++;
	return !fake_of(vq)->gone;
}

static void fake_callback(struct virtqueue *vq)
{
	fake_of(vq)->callbacks++;
}

static struct fake_vdev *fake_setup(struct kunit *test, unsigned int num,
				    bool event_idx)
{
	struct fake_vdev *f = kzalloc(sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, f);
	if (event_idx)
		f->vdev.features = 1ULL << VIRTIO_RING_F_EVENT_IDX;
	f->vq = vq_create(0, num, &f->vdev, fake_notify,
				       fake_callback, "test");
	KUNIT_ASSERT_NOT_NULL(test, f->vq);
	f->num = num;
	f->desc = __va(vq_desc_area(f->vq));
	f->avail = __va(vq_driver_area(f->vq));
	f->used = __va(vq_device_area(f->vq));
	return f;
}

static void fake_teardown(struct fake_vdev *f)
{
	vq_destroy(f->vq);
	kfree(f);
}

/*
 * The device takes the next published chain: writable pieces are filled
 * with @fill, readable ones summed into *@sum. Returns its head, or -1.
 */
static int fake_take(struct fake_vdev *f, u8 fill, u32 *written, u32 *sum)
{
	u16 head, i;

	if (f->last_avail == READ_ONCE(f->avail->idx))
		return -1;
	head = f->avail->ring[f->last_avail++ % f->num];
	*written = 0;
	for (i = head;; i = f->desc[i].next) {
		u8 *p = __va(f->desc[i].addr);
		u32 n;

		if (f->desc[i].flags & VRING_DESC_F_WRITE) {
			memset(p, fill, f->desc[i].len);
			*written += f->desc[i].len;
		} else if (sum) {
			for (n = 0; n < f->desc[i].len; n++)
				*sum += p[n];
		}
		if (!(f->desc[i].flags & VRING_DESC_F_NEXT))
			break;
	}
	return head;
}

/* The device returns chain @head; true if it must interrupt the driver. */
static bool fake_put(struct fake_vdev *f, u32 head, u32 len)
{
	u16 old = f->used->idx;
	u16 used_event = f->avail->ring[f->num];

	f->used->ring[old % f->num].id = head;
	f->used->ring[old % f->num].len = len;
	WRITE_ONCE(f->used->idx, old + 1);
	if (f->vdev.features & (1ULL << VIRTIO_RING_F_EVENT_IDX))
		return vring_need_event(used_event, old + 1, old);
	return !(f->avail->flags & VRING_AVAIL_F_NO_INTERRUPT);
}

/* A device-writable buffer comes back filled, with its token and length. */
static void virtio_ring_add_get(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 16, false);
	u8 *buf = kzalloc(100, GFP_KERNEL);
	struct virtio_buf b = { buf, 100 };
	unsigned int len = 0;
	u32 written;
	int head;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf), 0);
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 15);
	KUNIT_EXPECT_NULL(test, vq_take_used(f->vq, &len));
	KUNIT_EXPECT_TRUE(test, vq_publish(f->vq));
	KUNIT_EXPECT_EQ(test, f->notified, 1);
	head = fake_take(f, 0xa5, &written, NULL);
	KUNIT_ASSERT_GE(test, head, 0);
	KUNIT_EXPECT_EQ(test, written, 100);
	KUNIT_EXPECT_TRUE(test, fake_put(f, head, written));
	KUNIT_EXPECT_TRUE(test, vq_interrupt(f->vq));
	KUNIT_EXPECT_EQ(test, f->callbacks, 1);
	KUNIT_EXPECT_PTR_EQ(test, vq_take_used(f->vq, &len), (void *)buf);
	KUNIT_EXPECT_EQ(test, len, 100);
	KUNIT_EXPECT_EQ(test, buf[0], 0xa5);
	KUNIT_EXPECT_EQ(test, buf[99], 0xa5);
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 16);
	KUNIT_EXPECT_FALSE(test, vq_interrupt(f->vq));
	kfree(buf);
	fake_teardown(f);
}

/* A chain of a readable and a writable buffer keeps its order and flags. */
static void virtio_ring_out_in_chain(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 8, false);
	u8 *req = kmalloc(4, GFP_KERNEL), *resp = kzalloc(8, GFP_KERNEL);
	struct virtio_buf b[2] = { { req, 4 }, { resp, 8 } };
	u32 written, sum = 0;
	int head;

	KUNIT_ASSERT_NOT_NULL(test, req);
	KUNIT_ASSERT_NOT_NULL(test, resp);
	memset(req, 3, 4);
	KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, b, 1, 1, req), 0);
	head = fake_take(f, 7, &written, &sum);
	KUNIT_ASSERT_GE(test, head, 0);
	KUNIT_EXPECT_EQ(test, sum, 12);
	KUNIT_EXPECT_EQ(test, written, 8);
	KUNIT_EXPECT_FALSE(test, f->desc[head].flags & VRING_DESC_F_WRITE);
	fake_put(f, head, written);
	KUNIT_EXPECT_PTR_EQ(test, vq_take_used(f->vq, NULL), (void *)req);
	KUNIT_EXPECT_EQ(test, resp[7], 7);
	kfree(req);
	kfree(resp);
	fake_teardown(f);
}

/* 16-bit indices wrap: 70000 round trips through a 4-entry queue. */
static void virtio_ring_index_wrap(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 4, false);
	u8 *buf = kzalloc(16, GFP_KERNEL);
	struct virtio_buf b = { buf, 16 };
	unsigned int i, bad = 0, len;
	u32 written;
	int head;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 70000; i++) {
		if (vq_add_buffers(f->vq, &b, 0, 1, buf))
			bad++;
		head = fake_take(f, i & 0xff, &written, NULL);
		if (head < 0) {
			bad++;
			break;
		}
		fake_put(f, head, written);
		if (vq_take_used(f->vq, &len) != buf || buf[15] != (i & 0xff))
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_EQ(test, f->avail->idx, (u16)70000);
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 4);
	kfree(buf);
	fake_teardown(f);
}

/* A full ring refuses with -ENOSPC and accepts again once one comes back. */
static void virtio_ring_full(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 4, false);
	u8 *buf = kzalloc(64, GFP_KERNEL);
	struct virtio_buf b = { buf, 8 }, two[2] = { { buf, 8 },
						    { buf + 8, 8 } };
	u32 written;
	int i, head, count = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1,
							 buf + i), 0);
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, f->avail->idx, 4);
	head = fake_take(f, 1, &written, NULL);
	fake_put(f, head, written);
	KUNIT_EXPECT_PTR_EQ(test, vq_take_used(f->vq, NULL), (void *)buf);
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf), 0);
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 0);
	/* a chain wider than the free descriptors is refused whole */
	KUNIT_EXPECT_NOT_NULL(test, vq_take_unused(f->vq));
	count = page_count(kheap_virt_to_page(buf));
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, two, 1, 1, buf),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 1);
	KUNIT_EXPECT_EQ(test, page_count(kheap_virt_to_page(buf)), count);
	while (vq_take_unused(f->vq))
		;
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 4);
	kfree(buf);
	fake_teardown(f);
}

/* Flags: NO_NOTIFY silences kicks, NO_INTERRUPT is set by disable_cb. */
static void virtio_ring_flags_suppression(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 8, false);
	u8 *buf = kzalloc(8, GFP_KERNEL);
	struct virtio_buf b = { buf, 8 };
	u32 written;
	int head;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	f->used->flags = VRING_USED_F_NO_NOTIFY;
	KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf), 0);
	KUNIT_EXPECT_FALSE(test, vq_needs_doorbell(f->vq));
	f->used->flags = 0;
	KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf + 1), 0);
	KUNIT_EXPECT_TRUE(test, vq_needs_doorbell(f->vq));

	vq_callbacks_off(f->vq);
	KUNIT_EXPECT_EQ(test, f->avail->flags, VRING_AVAIL_F_NO_INTERRUPT);
	head = fake_take(f, 0, &written, NULL);
	KUNIT_EXPECT_FALSE(test, fake_put(f, head, written));
	/* a chain waits: enable_cb says so */
	KUNIT_EXPECT_FALSE(test, vq_callbacks_on(f->vq));
	KUNIT_EXPECT_EQ(test, f->avail->flags, 0);
	KUNIT_EXPECT_NOT_NULL(test, vq_take_used(f->vq, NULL));
	KUNIT_EXPECT_TRUE(test, vq_callbacks_on(f->vq));
	while (vq_take_unused(f->vq))
		;
	kfree(buf);
	fake_teardown(f);
}

/* EVENT_IDX: the device's avail_event and the driver's used_event. */
static void virtio_ring_event_idx(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 8, true);
	u8 *buf = kzalloc(8, GFP_KERNEL);
	struct virtio_buf b = { buf, 8 };
	u16 *avail_event = (u16 *)&f->used->ring[8];
	u32 written;
	int i, head;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	/* the device wants a kick once the index passes 2 */
	*avail_event = 2;
	KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf), 0);
	KUNIT_EXPECT_FALSE(test, vq_needs_doorbell(f->vq));	/* 0->1 */
	KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf + 1), 0);
	KUNIT_EXPECT_FALSE(test, vq_needs_doorbell(f->vq));	/* 1->2 */
	for (i = 0; i < 2; i++)
		KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1,
							 buf + 2 + i), 0);
	KUNIT_EXPECT_TRUE(test, vq_needs_doorbell(f->vq));	/* 2->4 */

	/* used_event starts at 0: the first used chain interrupts */
	head = fake_take(f, 0, &written, NULL);
	KUNIT_EXPECT_TRUE(test, fake_put(f, head, written));
	/* not taken yet: the next one does not interrupt again */
	head = fake_take(f, 0, &written, NULL);
	KUNIT_EXPECT_FALSE(test, fake_put(f, head, written));
	KUNIT_EXPECT_NOT_NULL(test, vq_take_used(f->vq, NULL));
	KUNIT_EXPECT_NOT_NULL(test, vq_take_used(f->vq, NULL));
	/* taken: used_event moved to 2, so the third interrupts */
	KUNIT_EXPECT_EQ(test, f->avail->ring[8], 2);
	head = fake_take(f, 0, &written, NULL);
	KUNIT_EXPECT_TRUE(test, fake_put(f, head, written));
	vq_callbacks_off(f->vq);
	KUNIT_EXPECT_NOT_NULL(test, vq_take_used(f->vq, NULL));
	/* disabled: used_event stays behind, the fourth does not interrupt */
	head = fake_take(f, 0, &written, NULL);
	KUNIT_EXPECT_FALSE(test, fake_put(f, head, written));
	KUNIT_EXPECT_FALSE(test, vq_callbacks_on(f->vq));
	KUNIT_EXPECT_NOT_NULL(test, vq_take_used(f->vq, NULL));
	kfree(buf);
	fake_teardown(f);
}

/* Pages are pinned while the device holds them, one piece per page. */
static void virtio_ring_pins_pages(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 8, false);
	u8 *buf = vmalloc(2 * PAGE_SIZE);
	struct virtio_buf b;
	struct page *p0, *p1;
	int c0, c1;
	u32 written;
	int head;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0, 2 * PAGE_SIZE);	/* vmalloc does not zero */
	p0 = vmalloc_to_page(buf);
	p1 = vmalloc_to_page(buf + PAGE_SIZE);
	c0 = page_count(p0);
	c1 = page_count(p1);
	b.addr = buf + PAGE_SIZE - 10;
	b.len = 20;
	KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, &b, 0, 1, buf), 0);
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 6);
	KUNIT_EXPECT_EQ(test, page_count(p0), c0 + 1);
	KUNIT_EXPECT_EQ(test, page_count(p1), c1 + 1);
	head = fake_take(f, 9, &written, NULL);
	KUNIT_EXPECT_EQ(test, written, 20);
	KUNIT_EXPECT_EQ(test, f->desc[head].addr,
			page_to_phys(p0) + PAGE_SIZE - 10);
	fake_put(f, head, written);
	KUNIT_EXPECT_NOT_NULL(test, vq_take_used(f->vq, NULL));
	KUNIT_EXPECT_EQ(test, page_count(p0), c0);
	KUNIT_EXPECT_EQ(test, page_count(p1), c1);
	KUNIT_EXPECT_EQ(test, buf[PAGE_SIZE + 9], 9);
	KUNIT_EXPECT_EQ(test, buf[PAGE_SIZE + 10], 0);
	vfree(buf);
	fake_teardown(f);
}

/* Bad input loses nothing; a bad device id breaks the queue. */
static void virtio_ring_bad_input(struct kunit *test)
{
	struct fake_vdev *f = fake_setup(test, 8, false);
	u8 *buf = kzalloc(8, GFP_KERNEL), stack_buf[8];
	struct virtio_buf ok = { buf, 8 }, two[2] = { { buf, 8 },
						    { stack_buf, 8 } };

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_NULL(test, vq_create(0, 6, &f->vdev,
				fake_notify, NULL, "bad"));
	KUNIT_EXPECT_NULL(test, vq_create(0, 512, &f->vdev,
				fake_notify, NULL, "bad"));
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, &ok, 0, 1, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, &ok, 0, 0, buf),
			-EINVAL);
	/* an unpinnable (stack) address: nothing added, nothing pinned */
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, two, 1, 1, buf),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, f->vq->num_free, 8);
	KUNIT_EXPECT_EQ(test, f->avail->idx, 0);

	KUNIT_ASSERT_EQ(test, vq_add_buffers(f->vq, &ok, 0, 1, buf), 0);
	fake_put(f, 5, 8);	/* a chain the driver never added */
	KUNIT_EXPECT_NULL(test, vq_take_used(f->vq, NULL));
	KUNIT_EXPECT_EQ(test, vq_add_buffers(f->vq, &ok, 0, 1, buf), -EIO);
	f->gone = true;
	KUNIT_EXPECT_FALSE(test, vq_ring_doorbell(f->vq));
	KUNIT_EXPECT_PTR_EQ(test, vq_take_unused(f->vq),
			    (void *)buf);
	kfree(buf);
	fake_teardown(f);
}

static struct kunit_case virtio_ring_cases[] = {
	KUNIT_CASE(virtio_ring_add_get),
	KUNIT_CASE(virtio_ring_out_in_chain),
	KUNIT_CASE(virtio_ring_index_wrap),
	KUNIT_CASE(virtio_ring_full),
	KUNIT_CASE(virtio_ring_flags_suppression),
	KUNIT_CASE(virtio_ring_event_idx),
	KUNIT_CASE(virtio_ring_pins_pages),
	KUNIT_CASE(virtio_ring_bad_input),
	{}
};

static struct kunit_suite virtio_ring_suite = {
	.name = "virtio_ring",
	.test_cases = virtio_ring_cases,
};
kunit_test_suite(virtio_ring_suite);
