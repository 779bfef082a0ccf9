// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for initramfs_for_each(): images of plain newc archives and gzip
 * members (stored blocks, made here with crc32()) back to back, with NUL
 * padding, then truncated, corrupted and unknown parts.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/initrd.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kunit/test.h>

#define IMG_MAX		0x4000

struct img {
	u8 *buf;
	size_t len;
	size_t base;		/* where the archive being built starts */
	unsigned int seen;
	char names[8][16];
};

static void put_hex8(u8 *p, u32 v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 4)
		p[i] = "0123456789abcdef"[v & 0xf];
}

/* newc pads to 4 bytes from the start of its archive. */
static void pad4(struct img *im)
{
	while ((im->len - im->base) & 3)
		im->buf[im->len++] = 0;
}

/* A newc entry (or the trailer, for @name "TRAILER!!!") at the end. */
static void add_entry(struct img *im, const char *name, u32 mode,
		      const char *data)
{
	size_t namesize = strlen(name) + 1, size = data ? strlen(data) : 0;
	u32 f[13] = { im->len + 1, mode, 0, 0, 1, 0, size, 0, 0, 0, 0,
		      namesize, 0 };
	int i;

	memcpy(im->buf + im->len, "070701", 6);
	for (i = 0; i < 13; i++)
		put_hex8(im->buf + im->len + 6 + 8 * i, f[i]);
	im->len += 110;
	memcpy(im->buf + im->len, name, namesize);
	im->len += namesize;
	pad4(im);
	if (size)
		memcpy(im->buf + im->len, data, size);
	im->len += size;
	pad4(im);
}

static void add_archive(struct img *im, const char *a, const char *b)
{
	im->base = im->len;
	add_entry(im, a, S_IFDIR | 0755, NULL);
	add_entry(im, b, S_IFREG | 0644, "data\n");
	add_entry(im, "TRAILER!!!", 0, NULL);
}

static void put_le32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/* Replace im->buf[@from..] by a gzip member holding it in one stored block. */
static void gzip_tail(struct img *im, size_t from)
{
	size_t n = im->len - from;
	u8 *p = im->buf + from;
	u32 crc = crc32(0, p, n);

	memmove(p + 15, p, n);
	memcpy(p, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
	p[10] = 0x01;			/* last block, stored */
	p[11] = n & 0xff;
	p[12] = n >> 8;
	p[13] = ~n & 0xff;
	p[14] = (~n >> 8) & 0xff;
	put_le32(p + 15 + n, crc);
	put_le32(p + 19 + n, n);
	im->len = from + 15 + n + 8;
}

static int count(const struct cpio_entry *e, void *arg)
{
	struct img *im = arg;

	if (im->seen < ARRAY_SIZE(im->names))
		strscpy(im->names[im->seen], e->name, sizeof(im->names[0]));
	im->seen++;
	return 0;
}

static int walk(struct img *im)
{
	/* The image ends where its vmalloc area ends. */
	u8 *copy = im->buf + 2 * IMG_MAX - im->len;

	memcpy(copy, im->buf, im->len);
	im->seen = 0;
	return initramfs_for_each(copy, im->len, count, im);
}

static int initramfs_test_init(struct kunit *test)
{
	struct img *im = vzalloc(sizeof(*im));

	if (!im)
		return -ENOMEM;
	test->priv = im;
	im->buf = vzalloc(2 * IMG_MAX);
	return im->buf ? 0 : -ENOMEM;
}

static void initramfs_test_exit(struct kunit *test)
{
	struct img *im = test->priv;

	if (!im)
		return;
	vfree(im->buf);
	vfree(im);
}

static void initramfs_plain_then_gzip(struct kunit *test)
{
	struct img *im = test->priv;
	size_t mark;

	add_archive(im, "a", "a/f");
	memset(im->buf + im->len, 0, 12);
	im->len += 12;
	mark = im->len;
	add_archive(im, "b", "b/g");
	add_archive(im, "c", "c/h");
	gzip_tail(im, mark);
	memset(im->buf + im->len, 0, 5);
	im->len += 5;
	KUNIT_ASSERT_EQ(test, walk(im), 0);
	KUNIT_ASSERT_EQ(test, im->seen, 6);
	KUNIT_EXPECT_STREQ(test, im->names[0], "a");
	KUNIT_EXPECT_STREQ(test, im->names[3], "b/g");
	KUNIT_EXPECT_STREQ(test, im->names[5], "c/h");
}

static void initramfs_two_members(struct kunit *test)
{
	struct img *im = test->priv;
	size_t mark;

	add_archive(im, "a", "a/f");
	gzip_tail(im, 0);
	mark = im->len;
	add_archive(im, "b", "b/g");
	gzip_tail(im, mark);
	KUNIT_ASSERT_EQ(test, walk(im), 0);
	KUNIT_EXPECT_EQ(test, im->seen, 4);
}

/* A member whose archive stops in its 2nd entry: the 1st was seen. */
static void initramfs_truncated_archive(struct kunit *test)
{
	struct img *im = test->priv;

	add_archive(im, "a", "a/f");
	im->len -= 130;		/* into "a/f"'s header */
	gzip_tail(im, 0);
	KUNIT_EXPECT_EQ(test, walk(im), -EINVAL);
	KUNIT_EXPECT_EQ(test, im->seen, 1);
}

static void initramfs_bad_parts(struct kunit *test)
{
	struct img *im = test->priv;
	size_t good;

	add_archive(im, "a", "a/f");
	good = im->len;
	memcpy(im->buf + im->len, "junk", 4);
	im->len += 4;
	KUNIT_EXPECT_EQ(test, walk(im), -EINVAL);
	KUNIT_EXPECT_EQ(test, im->seen, 2);

	/* A member with a wrong CRC-32: none of its entries are seen. */
	im->len = good;
	add_archive(im, "b", "b/g");
	gzip_tail(im, good);
	im->buf[im->len - 8] ^= 1;
	KUNIT_EXPECT_EQ(test, walk(im), -EIO);
	KUNIT_EXPECT_EQ(test, im->seen, 2);

	/* A gzip member cut short. */
	im->len -= 10;
	KUNIT_EXPECT_EQ(test, walk(im), -EINVAL);
}

static void initramfs_only_padding(struct kunit *test)
{
	struct img *im = test->priv;

	memset(im->buf, 0, 64);
	im->len = 64;
	KUNIT_EXPECT_EQ(test, walk(im), 0);
	KUNIT_EXPECT_EQ(test, im->seen, 0);
}

static struct kunit_case initramfs_cases[] = {
	KUNIT_CASE(initramfs_plain_then_gzip),
	KUNIT_CASE(initramfs_two_members),
	KUNIT_CASE(initramfs_truncated_archive),
	KUNIT_CASE(initramfs_bad_parts),
	KUNIT_CASE(initramfs_only_padding),
	{}
};

static struct kunit_suite initramfs_suite = {
	.name = "initramfs",
	.init = initramfs_test_init,
	.exit = initramfs_test_exit,
	.test_cases = initramfs_cases,
};
kunit_test_suite(initramfs_suite);
