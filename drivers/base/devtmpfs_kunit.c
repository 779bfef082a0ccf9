// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for devtmpfs: the nodes of registered character devices exist
 * under /dev, devtmpfs_create_node() makes nodes (and directories) and
 * refuses bad requests, and a second mount shows the same tree.
 */
#include <linux/kernel.h>
#include <linux/devtmpfs.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <kunit/test.h>

/* The node at @name is a character device with number @dev. */
static void expect_chr(struct kunit *test, const char *name, dev_t dev)
{
	struct path p;

	KUNIT_ASSERT_EQ_MSG(test, kern_path(name, 0, &p), 0, "%s", name);
	KUNIT_EXPECT_TRUE_MSG(test, S_ISCHR(p.dentry->d_inode->i_mode), "%s", name);
	KUNIT_EXPECT_EQ_MSG(test, p.dentry->d_inode->i_rdev, dev, "%s", name);
	path_put(&p);
}

/* drivers/char/mem.c's devices, registered through chrdev_add(). */
static void devtmpfs_mem_nodes(struct kunit *test)
{
	KUNIT_ASSERT_TRUE(test, devtmpfs_mounted());
	expect_chr(test, "/dev/null", MKDEV(1, 3));
	expect_chr(test, "/dev/zero", MKDEV(1, 5));
	expect_chr(test, "/dev/full", MKDEV(1, 7));
	expect_chr(test, "/dev/random", MKDEV(1, 8));
	expect_chr(test, "/dev/urandom", MKDEV(1, 9));
	expect_chr(test, "/dev/kmsg", MKDEV(1, 11));
}

static void devtmpfs_create(struct kunit *test)
{
	struct path p;

	KUNIT_ASSERT_EQ(test, devtmpfs_create_node("kunit-devtmpfs/sub/n0",
						   0600, MKDEV(1, 3)), 0);
	expect_chr(test, "/dev/kunit-devtmpfs/sub/n0", MKDEV(1, 3));
	KUNIT_ASSERT_EQ(test, kern_path("/dev/kunit-devtmpfs/sub", 0, &p), 0);
	KUNIT_EXPECT_TRUE(test, S_ISDIR(p.dentry->d_inode->i_mode));
	path_put(&p);
	KUNIT_EXPECT_EQ(test, devtmpfs_create_node("kunit-devtmpfs/sub/n0",
						   0600, MKDEV(1, 3)), -EEXIST);
	KUNIT_EXPECT_EQ(test, devtmpfs_create_node("/abs", 0600, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, devtmpfs_create_node("a/../b", 0600, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, devtmpfs_create_node("", 0600, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, devtmpfs_create_node("reg", S_IFREG | 0600, 1),
			-EINVAL);
}

/* Every mount of devtmpfs is the one tree. */
static void devtmpfs_second_mount(struct kunit *test)
{
	struct path p;

	init_mkdir("/kunit-devtmpfs", 0755);
	if (kern_path("/kunit-devtmpfs/null", 0, &p)) {
		KUNIT_ASSERT_EQ(test, init_mount("devtmpfs", "/kunit-devtmpfs",
						 "devtmpfs", 0, NULL), 0);
	} else {
		path_put(&p);
	}
	expect_chr(test, "/kunit-devtmpfs/null", MKDEV(1, 3));
	KUNIT_ASSERT_EQ(test, devtmpfs_create_node("kunit-second", 0600,
						   MKDEV(1, 5)), 0);
	expect_chr(test, "/kunit-devtmpfs/kunit-second", MKDEV(1, 5));
	KUNIT_EXPECT_EQ(test, init_umount("/kunit-devtmpfs", 0), 0);
	/* the tree outlives its mounts */
	expect_chr(test, "/dev/kunit-second", MKDEV(1, 5));
}

static struct kunit_case devtmpfs_cases[] = {
	KUNIT_CASE(devtmpfs_mem_nodes),
	KUNIT_CASE(devtmpfs_create),
	KUNIT_CASE(devtmpfs_second_mount),
	{}
};

static struct kunit_suite devtmpfs_suite = {
	.name = "devtmpfs",
	.test_cases = devtmpfs_cases,
};
kunit_test_suite(devtmpfs_suite);
