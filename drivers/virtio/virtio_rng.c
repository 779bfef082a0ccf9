// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-rng (virtio device id 4): one queue of buffers the device fills
 * with random bytes. Tide uses it to prove the transport end to end: one
 * read at probe, and /sys/kernel/debug/virtio_rng/read for more.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/time.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>

#define VIRTIO_ID_RNG		4
#define VRNG_READ_BYTES		32

/**
 * struct vrng - one entropy device
 * @vdev: its device
 * @vq: its only queue ("input")
 * @lock: one read at a time (sleeping; readers of the debugfs file and
 *	probe take it around a whole read, queue add to buffer return)
 * @done: completed by the queue callback when the device returned a buffer
 */
struct vrng {
	struct virtio_device *vdev;
	struct virtqueue *vq;
	struct mutex lock;
	struct completion done;
};

/* The device behind /sys/kernel/debug/virtio_rng/read (the first one). */
static struct vrng *vrng_debug;

static void vrng_input_done(struct virtqueue *vq)
{
	struct vrng *vr = dev_get_drvdata(&vq->vdev->dev);

	complete(&vr->done);
}

/*
 * Takes the device's returned buffers until @buf, freeing older ones
 * (of reads that timed out). Return: whether @buf came back.
 */
static bool vrng_take(struct vrng *vr, u8 *buf, unsigned int *got)
{
	void *done;

	while ((done = vq_take_used(vr->vq, got))) {
		if (done == buf)
			return true;
		kfree(done);
	}
	return false;
}

/*
 * Has the device fill @len bytes of @buf (a heap buffer). Sleeps, up to a
 * second. Return: the bytes it wrote; -ETIMEDOUT if the device still holds
 * @buf (then it must not be freed: vrng_remove() frees it); -EIO if it came
 * back without an interrupt; or the -errno of the add.
 */
static int vrng_read(struct vrng *vr, u8 *buf, unsigned int len)
{
	struct virtio_buf b = { buf, len };
	unsigned int got = 0;
	int err;

	mutex_lock(&vr->lock);
	reinit_completion(&vr->done);
	err = vq_add_buffers(vr->vq, &b, 0, 1, buf);
	if (err)
		goto out;
	vq_publish(vr->vq);
	if (!wait_for_completion_timeout_ns(&vr->done, NSEC_PER_SEC)) {
		if (vrng_take(vr, buf, &got)) {
			pr_err("virtio_rng %s: buffer returned without an interrupt\n",
			       dev_name(&vr->vdev->dev));
			err = -EIO;
		} else {
			/* the device still holds it: it is the queue's now */
			pr_err("virtio_rng %s: read timed out\n",
			       dev_name(&vr->vdev->dev));
			err = -ETIMEDOUT;
		}
		goto out;
	}
	err = vrng_take(vr, buf, &got) ? min(got, len) : -EIO;
out:
	mutex_unlock(&vr->lock);
	return err;
}

/* 32 bytes from the device, in hex. */
static ssize_t vrng_debug_show(void *data, char *out)
{
	struct vrng *vr = data;
	u8 *buf = kzalloc(VRNG_READ_BYTES, GFP_KERNEL);
	int n, i, at = 0;

	if (!buf)
		return -ENOMEM;
	n = vrng_read(vr, buf, VRNG_READ_BYTES);
	for (i = 0; i < n; i++)
		at += snprintf(out + at, PAGE_SIZE - at, "%02x", buf[i]);
	if (n >= 0)
		at += snprintf(out + at, PAGE_SIZE - at, "\n");
	if (n != -ETIMEDOUT)
		kfree(buf);
	return n < 0 ? n : at;
}

static const struct debugfs_file_ops vrng_debug_ops = {
	.show = vrng_debug_show,
};

static int vrng_probe(struct virtio_device *vdev)
{
	vq_callback_t *callbacks[] = { vrng_input_done };
	static const char * const names[] = { "input" };
	struct vrng *vr;
	u8 *buf;
	int err, n;

	vr = kzalloc(sizeof(*vr), GFP_KERNEL);
	buf = kzalloc(VRNG_READ_BYTES, GFP_KERNEL);
	if (!vr || !buf) {
		err = -ENOMEM;
		goto out_free;
	}
	vr->vdev = vdev;
	mutex_init(&vr->lock);
	init_completion(&vr->done);
	dev_set_drvdata(&vdev->dev, vr);
	err = virtio_setup_queues(vdev, 1, &vr->vq, callbacks, names);
	if (err)
		goto out_free;
	virtio_device_ready(vdev);

	n = vrng_read(vr, buf, VRNG_READ_BYTES);
	if (n < 0)
		pr_err("virtio_rng %s: first read failed (%d)\n",
		       dev_name(&vdev->dev), n);
	else
		pr_info("virtio_rng %s: read %d random bytes\n",
			dev_name(&vdev->dev), n);
	if (n != -ETIMEDOUT)
		kfree(buf);
	if (!vrng_debug) {
		struct dentry *dir = debugfs_create_dir("virtio_rng", NULL);

		if (!IS_ERR_OR_NULL(dir) &&
		    !IS_ERR_OR_NULL(debugfs_create_file("read", 0400, dir, vr,
							&vrng_debug_ops)))
			vrng_debug = vr;
	}
	return 0;

out_free:
	dev_set_drvdata(&vdev->dev, NULL);
	kfree(buf);
	kfree(vr);
	return err;
}

static void vrng_remove(struct virtio_device *vdev)
{
	struct vrng *vr = dev_get_drvdata(&vdev->dev);
	void *stale;

	if (vrng_debug == vr) {
		debugfs_lookup_and_remove("virtio_rng", NULL);
		vrng_debug = NULL;
	}
	vdev->transport->reset_device(vdev);
	while ((stale = vq_take_unused(vr->vq)))
		kfree(stale);	/* buffers of timed-out reads */
	vdev->transport->drop_queues(vdev);
	dev_set_drvdata(&vdev->dev, NULL);
	kfree(vr);
}

static const struct virtio_device_id vrng_ids[] = {
	{ VIRTIO_ID_RNG, VIRTIO_DEV_ANY_ID },
	{}
};

static struct virtio_driver vrng_driver = {
	.name = "virtio_rng",
	.match = vrng_ids,
	.probe = vrng_probe,
	.remove = vrng_remove,
};

static int __init vrng_init(void)
{
	return virtio_driver_register(&vrng_driver);
}
device_initcall(vrng_init);
