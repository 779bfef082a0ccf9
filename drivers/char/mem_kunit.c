// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the memory devices opened through /dev: null, zero, full,
 * urandom and kmsg give what their Linux namesakes give.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>

static struct file *open_dev(struct kunit *test, const char *name, int flags)
{
	struct file *f = filp_open(name, flags, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s: %ld", name,
			       IS_ERR(f) ? PTR_ERR(f) : 0L);
	return f;
}

static void mem_null(struct kunit *test)
{
	struct file *f = open_dev(test, "/dev/null", O_RDWR);
	char buf[8];
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0L);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "abcdef", 6, &pos), 6L);
	fput(f);
}

static void mem_zero_and_full(struct kunit *test)
{
	struct file *z = open_dev(test, "/dev/zero", O_RDWR);
	struct file *full = open_dev(test, "/dev/full", O_RDWR);
	char buf[64], zeros[64] = { };
	loff_t pos = 0;

	memset(buf, 0xaa, sizeof(buf));
	KUNIT_EXPECT_EQ(test, kernel_read(z, buf, sizeof(buf), &pos), 64L);
	KUNIT_EXPECT_EQ(test, memcmp(buf, zeros, sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, kernel_write(z, "x", 1, &pos), 1L);
	memset(buf, 0xaa, sizeof(buf));
	KUNIT_EXPECT_EQ(test, kernel_read(full, buf, 10, &pos), 10L);
	KUNIT_EXPECT_EQ(test, memcmp(buf, zeros, 10), 0);
	KUNIT_EXPECT_EQ(test, kernel_write(full, "x", 1, &pos), (ssize_t)-ENOSPC);
	fput(z);
	fput(full);
}

static void mem_urandom(struct kunit *test)
{
	struct file *f = open_dev(test, "/dev/urandom", O_RDWR);
	u8 a[32], b[32];
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_read(f, a, sizeof(a), &pos), 32L);
	KUNIT_EXPECT_EQ(test, kernel_read(f, b, sizeof(b), &pos), 32L);
	KUNIT_EXPECT_NE(test, memcmp(a, b, sizeof(a)), 0);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "seed", 4, &pos), 4L);
	fput(f);
}

/* Reads records until one holds @marker; Return: true if found. */
static bool kmsg_find(struct kunit *test, const char *marker, char *rec,
		      size_t size)
{
	struct file *f = open_dev(test, "/dev/kmsg", O_RDONLY | O_NONBLOCK);
	loff_t pos = 0;
	ssize_t n;
	bool found = false;

	while ((n = kernel_read(f, rec, size - 1, &pos)) > 0) {
		rec[n] = '\0';
		if (strstr(rec, marker)) {
			found = true;
			break;
		}
	}
	if (!found)
		KUNIT_EXPECT_EQ(test, n, (ssize_t)-EAGAIN);
	fput(f);
	return found;
}

/* One record per read: "level,seq,usec,-;text\n". */
static void mem_kmsg(struct kunit *test)
{
	char *rec = kmalloc(1024, GFP_KERNEL);
	struct file *f;
	loff_t pos = 0;
	char *semi;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	pr_info("mem_kunit kmsg marker 1\n");
	KUNIT_ASSERT_TRUE(test, kmsg_find(test, "mem_kunit kmsg marker 1", rec, 1024));
	KUNIT_EXPECT_TRUE(test, str_has_prefix(rec, "6,"));
	semi = strchr(rec, ';');
	KUNIT_ASSERT_NOT_NULL(test, semi);
	KUNIT_EXPECT_STREQ(test, semi, ";mem_kunit kmsg marker 1\n");
	KUNIT_EXPECT_EQ(test, semi[-1], '-');

	/* a write is a message */
	f = open_dev(test, "/dev/kmsg", O_WRONLY);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "<5>mem_kunit kmsg marker 2", 26, &pos),
			26L);
	fput(f);
	KUNIT_EXPECT_TRUE(test, kmsg_find(test, "mem_kunit kmsg marker 2", rec, 1024));
	KUNIT_EXPECT_NULL(test, strstr(rec, "<5>"));

	/* a buffer too small for the record: -EINVAL */
	f = open_dev(test, "/dev/kmsg", O_RDONLY | O_NONBLOCK);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, rec, 4, &pos), (ssize_t)-EINVAL);
	fput(f);
	kfree(rec);
}

static struct kunit_case mem_cases[] = {
	KUNIT_CASE(mem_null),
	KUNIT_CASE(mem_zero_and_full),
	KUNIT_CASE(mem_urandom),
	KUNIT_CASE(mem_kmsg),
	{}
};

static struct kunit_suite mem_suite = {
	.name = "mem",
	.test_cases = mem_cases,
};
kunit_test_suite(mem_suite);
