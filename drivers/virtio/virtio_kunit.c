// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for drivers/virtio/virtio.c: a fake transport in memory registers
 * devices, drivers bind to them, and the status byte, the negotiated
 * features, the sysfs files and config-change dispatch are checked.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>
#include <kunit/test.h>

#define FAKE_DEVICE_ID	0x7ff0	/* no real driver claims it */

struct fake_transport {
	struct virtio_device vdev;
	u8 status;
	u8 status_log[8];	/* every status written, in order */
	int nlog;
	u64 offered;
	u64 finalized;
	bool refuse_features;	/* FEATURES_OK does not stick */
	int resets;
};

#define to_fake(v) container_of(v, struct fake_transport, vdev)

static u8 fake_get_status(struct virtio_device *vdev)
{
	return to_fake(vdev)->status;
}

static void fake_set_status(struct virtio_device *vdev, u8 status)
{
	struct fake_transport *t = to_fake(vdev);

	if (t->refuse_features)
		status &= ~VIRTIO_CONFIG_S_FEATURES_OK;
	t->status = status;
	if (t->nlog < ARRAY_SIZE(t->status_log))
		t->status_log[t->nlog++] = status;
}

static void fake_reset(struct virtio_device *vdev)
{
	to_fake(vdev)->status = 0;
	to_fake(vdev)->resets++;
}

static u64 fake_get_features(struct virtio_device *vdev)
{
	return to_fake(vdev)->offered;
}

static int fake_finalize(struct virtio_device *vdev)
{
	to_fake(vdev)->finalized = vdev->features;
	return 0;
}

static u32 fake_generation(struct virtio_device *vdev)
{
	return 0;
}

static const struct virtio_transport_ops fake_ops = {
	.read_status = fake_get_status,
	.write_status = fake_set_status,
	.reset_device = fake_reset,
	.device_features = fake_get_features,
	.commit_features = fake_finalize,
	.config_generation = fake_generation,
};

static void fake_release(struct device *dev)
{
	kfree(to_fake(dev_to_virtio(dev)));
}

static struct fake_transport *fake_register(struct kunit *test, u64 offered,
					    bool refuse)
{
	struct fake_transport *t = kzalloc(sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	t->offered = offered;
	t->refuse_features = refuse;
	t->vdev.id.device = FAKE_DEVICE_ID;
	t->vdev.id.vendor = 0x1af4;
	t->vdev.transport = &fake_ops;
	t->vdev.dev.release = fake_release;
	KUNIT_ASSERT_EQ(test, register_virtio_device(&t->vdev), 0);
	return t;
}

static int probes, removes, changes;

static int fake_probe(struct virtio_device *vdev)
{
	probes++;
	return 0;
}

static void fake_remove(struct virtio_device *vdev)
{
	removes++;
}

static void fake_config_changed(struct virtio_device *vdev)
{
	changes++;
}

static const struct virtio_device_id fake_ids[] = {
	{ FAKE_DEVICE_ID, VIRTIO_DEV_ANY_ID },
	{}
};

static const unsigned int fake_features[] = { 0, 3 };

static struct virtio_driver fake_driver = {
	.name = "virtio-kunit",
	.match = fake_ids,
	.features_wanted = fake_features,
	.nr_features = ARRAY_SIZE(fake_features),
	.probe = fake_probe,
	.remove = fake_remove,
	.config_changed = fake_config_changed,
};

/* The text a bus attribute of @vdev shows, in @buf (PAGE_SIZE). */
static void show_attr(struct kunit *test, struct virtio_device *vdev,
		      const char *name, char *buf)
{
	const struct attribute_group *grp = vdev->dev.bus->dev_groups[0];
	struct attribute **a;

	for (a = grp->attrs; *a; a++) {
		struct device_attribute *da;

		if (strcmp((*a)->name, name))
			continue;
		da = container_of(*a, struct device_attribute, attr);
		KUNIT_ASSERT_GT(test, da->show(&vdev->dev, da, buf), 0);
		return;
	}
	KUNIT_FAIL(test, "no attribute %s", name);
}

static int virtio_kunit_init(struct kunit *test)
{
	probes = removes = changes = 0;
	return 0;
}

/* Binding: ACK, DRIVER, FEATURES_OK, DRIVER_OK in order; features ANDed. */
static void virtio_bind_sequence(struct kunit *test)
{
	u64 offered = (1ULL << VIRTIO_F_VERSION_1) | (1ULL << 3) |
		      (1ULL << 5) | (1ULL << VIRTIO_RING_F_EVENT_IDX);
	struct fake_transport *t = fake_register(test, offered, false);
	const u8 want[] = {
		VIRTIO_CONFIG_S_ACKNOWLEDGE,
		VIRTIO_CONFIG_S_ACKNOWLEDGE | VIRTIO_CONFIG_S_DRIVER,
		VIRTIO_CONFIG_S_ACKNOWLEDGE | VIRTIO_CONFIG_S_DRIVER |
			VIRTIO_CONFIG_S_FEATURES_OK,
		VIRTIO_CONFIG_S_ACKNOWLEDGE | VIRTIO_CONFIG_S_DRIVER |
			VIRTIO_CONFIG_S_FEATURES_OK | VIRTIO_CONFIG_S_DRIVER_OK,
	};
	int i;

	KUNIT_EXPECT_EQ(test, t->resets, 1);
	KUNIT_EXPECT_EQ(test, probes, 0);
	KUNIT_ASSERT_EQ(test, virtio_driver_register(&fake_driver), 0);
	KUNIT_EXPECT_EQ(test, probes, 1);
	KUNIT_ASSERT_EQ(test, t->nlog, ARRAY_SIZE(want));
	for (i = 0; i < ARRAY_SIZE(want); i++)
		KUNIT_EXPECT_EQ(test, t->status_log[i], want[i]);
	/* bit 5 is the device's only, bit 0 the driver's only */
	KUNIT_EXPECT_EQ(test, t->finalized,
			(1ULL << VIRTIO_F_VERSION_1) | (1ULL << 3) |
			(1ULL << VIRTIO_RING_F_EVENT_IDX));
	KUNIT_EXPECT_TRUE(test, virtio_feature_on(&t->vdev, 3));
	KUNIT_EXPECT_FALSE(test, virtio_feature_on(&t->vdev, 5));
	virtio_driver_unregister(&fake_driver);
	KUNIT_EXPECT_EQ(test, removes, 1);
	KUNIT_EXPECT_EQ(test, t->status, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	KUNIT_EXPECT_EQ(test, t->vdev.features, 0);
	unregister_virtio_device(&t->vdev);
}

/* A legacy device, or one that drops FEATURES_OK, is refused: FAILED. */
static void virtio_bind_refused(struct kunit *test)
{
	struct fake_transport *legacy = fake_register(test, 1ULL << 3, false);
	struct fake_transport *picky = fake_register(test,
				1ULL << VIRTIO_F_VERSION_1, true);

	KUNIT_ASSERT_EQ(test, virtio_driver_register(&fake_driver), 0);
	KUNIT_EXPECT_EQ(test, probes, 0);
	KUNIT_EXPECT_TRUE(test, legacy->status & VIRTIO_CONFIG_S_FAILED);
	KUNIT_EXPECT_TRUE(test, picky->status & VIRTIO_CONFIG_S_FAILED);
	KUNIT_EXPECT_NULL(test, legacy->vdev.driver);
	virtio_driver_unregister(&fake_driver);
	KUNIT_EXPECT_EQ(test, removes, 0);
	unregister_virtio_device(&legacy->vdev);
	unregister_virtio_device(&picky->vdev);
}

/* sysfs: device, vendor, status, features and modalias as Linux prints. */
static void virtio_sysfs_files(struct kunit *test)
{
	struct fake_transport *t = fake_register(test,
			(1ULL << VIRTIO_F_VERSION_1) | (1ULL << 3), false);
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	char want[66];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, virtio_driver_register(&fake_driver), 0);
	KUNIT_EXPECT_EQ(test, strncmp(dev_name(&t->vdev.dev), "virtio", 6), 0);
	show_attr(test, &t->vdev, "device", buf);
	KUNIT_EXPECT_STREQ(test, buf, "0x7ff0\n");
	show_attr(test, &t->vdev, "vendor", buf);
	KUNIT_EXPECT_STREQ(test, buf, "0x1af4\n");
	show_attr(test, &t->vdev, "status", buf);
	KUNIT_EXPECT_STREQ(test, buf, "0x0000000f\n");
	show_attr(test, &t->vdev, "modalias", buf);
	KUNIT_EXPECT_STREQ(test, buf, "virtio:d00007FF0v00001AF4\n");
	memset(want, '0', 64);
	want[3] = '1';
	want[32] = '1';
	want[64] = '\n';
	want[65] = 0;
	memset(buf, 0, PAGE_SIZE);
	show_attr(test, &t->vdev, "features", buf);
	KUNIT_EXPECT_STREQ(test, buf, want);
	virtio_driver_unregister(&fake_driver);
	unregister_virtio_device(&t->vdev);
	kfree(buf);
}

/* Config changes reach the bound driver; while disabled they wait. */
static void virtio_config_change_dispatch(struct kunit *test)
{
	struct fake_transport *t = fake_register(test,
			1ULL << VIRTIO_F_VERSION_1, false);

	virtio_config_changed(&t->vdev);	/* no driver yet: kept */
	KUNIT_EXPECT_EQ(test, changes, 0);
	KUNIT_ASSERT_EQ(test, virtio_driver_register(&fake_driver), 0);
	KUNIT_EXPECT_EQ(test, changes, 1);	/* delivered at enable */
	virtio_config_changed(&t->vdev);
	KUNIT_EXPECT_EQ(test, changes, 2);
	virtio_config_disable(&t->vdev);
	virtio_config_changed(&t->vdev);
	virtio_config_changed(&t->vdev);
	KUNIT_EXPECT_EQ(test, changes, 2);
	virtio_config_enable(&t->vdev);
	KUNIT_EXPECT_EQ(test, changes, 3);	/* once for both */
	virtio_driver_unregister(&fake_driver);
	virtio_config_changed(&t->vdev);
	KUNIT_EXPECT_EQ(test, changes, 3);
	unregister_virtio_device(&t->vdev);
}

/* Indexes are the lowest free; a driver registered later still binds. */
static void virtio_index_reuse(struct kunit *test)
{
	struct fake_transport *a = fake_register(test,
			1ULL << VIRTIO_F_VERSION_1, false);
	struct fake_transport *b = fake_register(test,
			1ULL << VIRTIO_F_VERSION_1, false);
	int ia = a->vdev.index;

	KUNIT_EXPECT_NE(test, ia, b->vdev.index);
	unregister_virtio_device(&a->vdev);
	a = fake_register(test, 1ULL << VIRTIO_F_VERSION_1, false);
	KUNIT_EXPECT_EQ(test, a->vdev.index, ia);
	KUNIT_EXPECT_EQ(test, virtio_driver_register(&fake_driver), 0);
	KUNIT_EXPECT_EQ(test, probes, 2);
	virtio_driver_unregister(&fake_driver);
	unregister_virtio_device(&a->vdev);
	unregister_virtio_device(&b->vdev);
}

static struct kunit_case virtio_cases[] = {
	KUNIT_CASE(virtio_bind_sequence),
	KUNIT_CASE(virtio_bind_refused),
	KUNIT_CASE(virtio_sysfs_files),
	KUNIT_CASE(virtio_config_change_dispatch),
	KUNIT_CASE(virtio_index_reuse),
	{}
};

static struct kunit_suite virtio_suite = {
	.name = "virtio",
	.init = virtio_kunit_init,
	.test_cases = virtio_cases,
};
kunit_test_suite(virtio_suite);
