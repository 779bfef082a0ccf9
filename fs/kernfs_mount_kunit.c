// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for sysfs and debugfs mounted and used through the VFS: reads
 * give show()'s text, writes give the writer the errno the kernfs path
 * helpers give, directories list and symlinks resolve, and a removed
 * node is gone for lookups and -ENODEV for files still open.
 */
#include <linux/kernel.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>
#include "internal.h"
#include "kernfs.h"

#define MEMDIR	"/sys/devices/system/memory"

static int sysfs_mount_suite_init(struct kunit_suite *suite)
{
	struct path p;
	int err;

	if (!kern_path(MEMDIR, LOOKUP_FOLLOW, &p)) {
		path_put(&p);
		return 0;
	}
	init_mkdir("/sys", 0555);
	err = init_mount("sysfs", "/sys", "sysfs", 0, NULL);
	if (!err)
		err = init_mount("debugfs", "/sys/kernel/debug", "debugfs", 0,
				 NULL);
	return err;
}

/* Up to @size - 1 bytes of @name from its start, NUL-terminated. */
static ssize_t vfs_read_whole(const char *name, char *buf, size_t size)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size - 1, &pos);
	fput(f);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* Opened as a shell's '>' opens, then one write: the writer's result. */
static ssize_t vfs_write_whole(const char *name, const char *text)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, text, strlen(text), &pos);
	fput(f);
	return n;
}

static void sysfs_mount_read(struct kunit *test)
{
	char *a = kzalloc(PAGE_SIZE, GFP_KERNEL), *b = kzalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t na, nb;

	KUNIT_ASSERT_TRUE(test, a && b);
	na = vfs_read_whole(MEMDIR "/block_size_bytes", a, PAGE_SIZE);
	nb = vfs_read_path(MEMDIR "/block_size_bytes", b, PAGE_SIZE - 1);
	KUNIT_EXPECT_GT(test, na, 0L);
	KUNIT_EXPECT_EQ(test, na, nb);
	KUNIT_EXPECT_EQ(test, memcmp(a, b, na > 0 ? na : 0), 0);
	kfree(a);
	kfree(b);
}

/* The same errno through the mount as through vfs_write_path(). */
static void sysfs_mount_write_errors(struct kunit *test)
{
	static const struct { const char *path, *text; long want; } w[] = {
		{ MEMDIR "/block_size_bytes", "1", -EACCES },	/* read-only */
		{ MEMDIR "/memory0/state", "bogus", -EINVAL },	/* store says */
		{ MEMDIR "/no_such_attr", "1", -EACCES },	/* no create */
		{ MEMDIR, "1", -EISDIR },
		{ "/sys/no_such_dir/x", "1", -ENOENT },
		{ MEMDIR "/block_size_bytes/x", "1", -ENOTDIR },
	};
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(w); i++) {
		ssize_t old = vfs_write_path(w[i].path, w[i].text,
					     strlen(w[i].text));
		ssize_t now = vfs_write_whole(w[i].path, w[i].text);

		KUNIT_EXPECT_EQ_MSG(test, now, old, "%s", w[i].path);
		KUNIT_EXPECT_EQ_MSG(test, now, (ssize_t)w[i].want, "%s",
				    w[i].path);
	}
}

struct sysfs_names {
	struct dir_context ctx;
	bool bsb, mem0, dots;
};

static bool sysfs_name_seen(struct dir_context *ctx, const char *name,
			    int len, loff_t pos, u64 ino, unsigned int type)
{
	struct sysfs_names *n = container_of(ctx, struct sysfs_names, ctx);

	if (len == 16 && !strncmp(name, "block_size_bytes", 16))
		n->bsb = type == DT_REG && ino;
	if (len == 7 && !strncmp(name, "memory0", 7))
		n->mem0 = type == DT_DIR && ino;
	if (len == 1 && name[0] == '.')
		n->dots = true;
	return true;
}

static void sysfs_mount_readdir(struct kunit *test)
{
	struct sysfs_names n = { .ctx.actor = sysfs_name_seen };
	struct file *f = filp_open(MEMDIR, O_RDONLY | O_DIRECTORY, 0);

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &n.ctx), 0);
	fput(f);
	KUNIT_EXPECT_TRUE(test, n.dots);
	KUNIT_EXPECT_TRUE(test, n.bsb);
	KUNIT_EXPECT_TRUE(test, n.mem0);
}

/* A node's memory links read as kernfs writes them, and lead there. */
static void sysfs_mount_symlink(struct kunit *test)
{
	static const char link[] = "/sys/devices/system/node/node0/memory0";
	char want[128], got[128];
	struct path p;
	int n, m;

	m = vfs_readlink_path(link, want, sizeof(want));
	KUNIT_ASSERT_GT(test, m, 0);
	n = do_readlinkat(AT_FDCWD, link, got, sizeof(got));
	KUNIT_ASSERT_EQ(test, n, m);
	KUNIT_EXPECT_EQ(test, memcmp(got, want, n), 0);
	KUNIT_ASSERT_EQ(test, kern_path(link, LOOKUP_FOLLOW, &p), 0);
	KUNIT_EXPECT_TRUE(test, S_ISDIR(p.dentry->d_inode->i_mode));
	path_put(&p);
}

/* debugfs through its mount; removal while open gives -ENODEV. */
static void sysfs_mount_debugfs(struct kunit *test)
{
	static u32 value = 5;
	struct dentry *dir = debugfs_create_dir("kernfs_mount_kunit", NULL);
	char buf[32];
	struct file *f;
	loff_t pos = 0;

	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));
	debugfs_create_u32("value", 0600, dir, &value);
	KUNIT_EXPECT_EQ(test, vfs_read_whole("/sys/kernel/debug/kernfs_mount_kunit/value",
					     buf, sizeof(buf)), 2L);
	KUNIT_EXPECT_STREQ(test, buf, "5\n");
	KUNIT_EXPECT_EQ(test, vfs_write_whole("/sys/kernel/debug/kernfs_mount_kunit/value",
					      "42"), 2L);
	KUNIT_EXPECT_EQ(test, value, 42U);
	f = filp_open("/sys/kernel/debug/kernfs_mount_kunit/value", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	debugfs_remove(dir);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), (ssize_t)-ENODEV);
	fput(f);
	f = filp_open("/sys/kernel/debug/kernfs_mount_kunit/value", O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), (long)-ENOENT);
}

static struct kunit_case sysfs_mount_cases[] = {
	KUNIT_CASE(sysfs_mount_read),
	KUNIT_CASE(sysfs_mount_write_errors),
	KUNIT_CASE(sysfs_mount_readdir),
	KUNIT_CASE(sysfs_mount_symlink),
	KUNIT_CASE(sysfs_mount_debugfs),
	{}
};

static struct kunit_suite sysfs_mount_suite = {
	.name = "sysfs_mount",
	.suite_init = sysfs_mount_suite_init,
	.test_cases = sysfs_mount_cases,
};
kunit_test_suite(sysfs_mount_suite);
