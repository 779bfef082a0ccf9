// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for cpio_for_each(): archives assembled here entry by entry (a
 * directory, a file, a symlink, device nodes, hard links, concatenated
 * archives), then malformed headers, names and sizes with their errno.
 */
#include <linux/kernel.h>
#include <linux/cpio.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kunit/test.h>

#define CPIO_TEST_LEN	0x2000
#define CPIO_TEST_MAX	8

/* Offsets of some header fields, for tests that corrupt one. */
#define OFF_UID		(6 + 2 * 8)
#define OFF_FILESIZE	(6 + 6 * 8)
#define OFF_NAMESIZE	(6 + 11 * 8)

struct cpio_test {
	u8 *buf;		/* the archive being built */
	size_t len;
	u8 *tail;		/* vmalloc area: the archive is copied to its end */
	struct cpio_entry seen[CPIO_TEST_MAX];
	unsigned int nr_seen;
	int stop_at;		/* return 7 from this call, counting from 1 */
};

/* What one entry's header says; the name's size is strlen() + 1. */
struct ent {
	u32 ino, mode, uid, gid, nlink, mtime, rmaj, rmin, check;
	const char *name;
	const char *data;
	size_t size;
};

static struct cpio_test *ctx(struct kunit *test)
{
	return test->priv;
}

static void put_hex(u8 *p, u32 v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 4)
		p[i] = "0123456789abcdef"[v & 0xf];
}

/* Append a header of @magic, name and data, each padded to 4 bytes. */
static size_t add(struct kunit *test, const char *magic, const struct ent *en)
{
	struct cpio_test *t = ctx(test);
	size_t namesize = strlen(en->name) + 1;
	u32 f[13] = { en->ino, en->mode, en->uid, en->gid, en->nlink,
		      en->mtime, en->size, 0, 0, en->rmaj, en->rmin,
		      namesize, en->check };
	size_t start = t->len;
	u8 *p = t->buf + t->len;
	int i;

	memcpy(p, magic, 6);
	for (i = 0; i < 13; i++)
		put_hex(p + 6 + i * 8, f[i]);
	t->len += 110;
	memcpy(t->buf + t->len, en->name, namesize);
	t->len = ALIGN(t->len + namesize, 4);
	memcpy(t->buf + t->len, en->data, en->size);
	t->len = ALIGN(t->len + en->size, 4);
	return start;
}

static size_t add_trailer(struct kunit *test)
{
	struct ent tr = { .name = "TRAILER!!!", .nlink = 1 };

	return add(test, "070701", &tr);
}

static size_t add_file(struct kunit *test, const char *name, const char *data)
{
	struct ent en = { .ino = 100, .mode = S_IFREG | 0644, .nlink = 1,
			  .name = name, .data = data, .size = strlen(data) };

	return add(test, "070701", &en);
}

static int record(const struct cpio_entry *e, void *arg)
{
	struct cpio_test *t = arg;

	if (t->nr_seen < CPIO_TEST_MAX)
		t->seen[t->nr_seen] = *e;
	t->nr_seen++;
	return t->nr_seen == t->stop_at ? 7 : 0;
}

/* Walk the first @len bytes, placed to end where the vmalloc area ends. */
static int walk_len(struct kunit *test, size_t len)
{
	struct cpio_test *t = ctx(test);
	u8 *copy = t->tail + CPIO_TEST_LEN - len;

	memcpy(copy, t->buf, len);
	t->nr_seen = 0;
	return cpio_for_each(copy, len, record, t);
}

static int walk(struct kunit *test)
{
	return walk_len(test, ctx(test)->len);
}

/* The name of entry @i, which the walk must have reported. */
static const char *seen_name(struct kunit *test, unsigned int i)
{
	KUNIT_ASSERT_LT(test, i, ctx(test)->nr_seen);
	return ctx(test)->seen[i].name;
}

static void cpio_valid_archive(struct kunit *test)
{
	static const struct ent ents[] = {
		{ .ino = 1, .mode = S_IFDIR | 0755, .uid = 0, .gid = 0,
		  .nlink = 2, .mtime = 1700000000, .name = "dev" },
		{ .ino = 2, .mode = S_IFREG | 0755, .uid = 1000, .gid = 100,
		  .nlink = 1, .mtime = 1700000001, .name = "init",
		  .data = "#!/bin/sh\n", .size = 10 },
		{ .ino = 3, .mode = S_IFLNK | 0777, .nlink = 1,
		  .mtime = 1700000002, .name = "sh", .data = "busybox",
		  .size = 7 },
		{ .ino = 4, .mode = S_IFCHR | 0600, .nlink = 1,
		  .mtime = 1700000003, .rmaj = 5, .rmin = 1,
		  .name = "dev/console" },
		{ .ino = 5, .mode = S_IFBLK | 0660, .gid = 6, .nlink = 1,
		  .rmaj = 259, .rmin = 0x12345, .name = "dev/nvme0n1" },
		{ .ino = 6, .mode = S_IFIFO | 0600, .nlink = 1,
		  .name = "run/fifo" },
		{ .ino = 7, .mode = S_IFSOCK | 0777, .nlink = 1,
		  .name = "run/sock" },
	};
	struct cpio_test *t = ctx(test);
	const struct cpio_entry *e = t->seen;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ents); i++)
		add(test, "070701", &ents[i]);
	add_trailer(test);

	KUNIT_ASSERT_EQ(test, walk(test), 0);
	KUNIT_ASSERT_EQ(test, t->nr_seen, 7U);
	for (i = 0; i < 7; i++) {
		KUNIT_EXPECT_STREQ(test, e[i].name, ents[i].name);
		KUNIT_EXPECT_EQ(test, e[i].namelen, strlen(ents[i].name));
		KUNIT_EXPECT_EQ(test, e[i].ino, ents[i].ino);
		KUNIT_EXPECT_EQ(test, e[i].mode, ents[i].mode);
		KUNIT_EXPECT_EQ(test, e[i].uid, ents[i].uid);
		KUNIT_EXPECT_EQ(test, e[i].gid, ents[i].gid);
		KUNIT_EXPECT_EQ(test, e[i].nlink, ents[i].nlink);
		KUNIT_EXPECT_EQ(test, e[i].mtime, ents[i].mtime);
		KUNIT_EXPECT_EQ(test, e[i].rdev_major, ents[i].rmaj);
		KUNIT_EXPECT_EQ(test, e[i].rdev_minor, ents[i].rmin);
		KUNIT_EXPECT_EQ(test, e[i].size, ents[i].size);
	}
	/*
	 * "init"'s header is at 116 (110 + "dev\0" + 2 bytes of padding);
	 * its data at 232 (116 + 110 + "init\0" + 1 byte of padding).
	 */
	KUNIT_EXPECT_PTR_EQ(test, e[1].data,
			    (const void *)(t->tail + CPIO_TEST_LEN - t->len + 232));
	KUNIT_EXPECT_MEMEQ(test, e[1].data, "#!/bin/sh\n", 10);
	KUNIT_EXPECT_MEMEQ(test, e[2].data, "busybox", 7);
}

/* Two archives, NUL padding between and after: both walked. */
static void cpio_concatenated(struct kunit *test)
{
	struct cpio_test *t = ctx(test);

	add_file(test, "a", "first");
	add_trailer(test);
	t->len += 12;			/* zeroed: NUL padding */
	add_file(test, "b", "second");
	add_trailer(test);
	t->len += 508;
	KUNIT_EXPECT_EQ(test, walk(test), 0);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 2U);
	KUNIT_EXPECT_STREQ(test, seen_name(test, 0), "a");
	KUNIT_EXPECT_STREQ(test, seen_name(test, 1), "b");
	KUNIT_EXPECT_EQ(test, t->seen[1].size, 6UL);
}

/* After a trailer: only padding, or an archive at a multiple of 4. */
static void cpio_after_trailer(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t end;

	add_file(test, "a", "x");
	add_trailer(test);
	end = t->len;
	memcpy(t->buf + t->len, "junk", 4);
	t->len += 4;
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	/* One NUL, then an archive that starts off the 4-byte grid. */
	t->len = end + 1;
	t->buf[end] = 0;
	add_file(test, "b", "y");
	add_trailer(test);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	/* A lone NUL to end the buffer is fine. */
	KUNIT_EXPECT_EQ(test, walk_len(test, end + 1), 0);
}

/*
 * cpio_walk_archives() stops after the trailer and its NUL padding at
 * data that is not an archive (a gzip member, in an initramfs) and says
 * where; junk right after an archive is the caller's to judge.
 */
static void cpio_part_then_other(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t used = 0;
	u8 *copy;

	add_file(test, "a", "x");
	add_trailer(test);
	memset(t->buf + t->len, 0, 8);
	t->len += 8;
	add_file(test, "b", "y");
	add_trailer(test);
	memcpy(t->buf + t->len, "\x1f\x8b\x08\x00", 4);
	t->len += 4;
	copy = t->tail + CPIO_TEST_LEN - t->len;
	memcpy(copy, t->buf, t->len);
	t->nr_seen = 0;
	KUNIT_ASSERT_EQ(test, cpio_walk_archives(copy, t->len, record, t,
						 &used), 0);
	KUNIT_EXPECT_EQ(test, used, t->len - 4);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 2);
	/* The whole-buffer walk refuses what follows. */
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_len(test, t->len - 4), 0);
}

static void cpio_non_hex_field(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t at = add_file(test, "a", "x");

	add_trailer(test);
	memcpy(t->buf + at + OFF_UID, "0000003A", 8);
	KUNIT_EXPECT_EQ(test, walk(test), 0);
	KUNIT_EXPECT_EQ(test, t->seen[0].uid, 0x3aU);
	memcpy(t->buf + at + OFF_UID, "0000003g", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	memcpy(t->buf + at + OFF_UID, "0x00003a", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	memcpy(t->buf + at + OFF_UID, " 000003a", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	memcpy(t->buf + at + OFF_UID, "-0000001", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
}

static void cpio_bad_magic(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t at = add_file(test, "a", "x");

	add_trailer(test);
	memcpy(t->buf + at, "070707", 6);	/* the old portable format */
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	memcpy(t->buf + at, "070703", 6);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
}

static void cpio_namesize_zero(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t at = add_file(test, "a", "x");

	add_trailer(test);
	memcpy(t->buf + at + OFF_NAMESIZE, "00000000", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 0U);
}

static void cpio_name_not_terminated(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t at = add_file(test, "abc", "x");

	add_trailer(test);
	/* "abc": namesize 3 would end on 'c', 5 on the padding's NUL. */
	memcpy(t->buf + at + OFF_NAMESIZE, "00000003", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	memcpy(t->buf + at + OFF_NAMESIZE, "00000005", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	memcpy(t->buf + at + OFF_NAMESIZE, "00000004", 8);
	KUNIT_EXPECT_EQ(test, walk(test), 0);
}

static void cpio_data_past_end(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t at = add_file(test, "a", "0123456789");

	/* Header 110, "a\0", data at 112..122: cut the buffer inside it. */
	KUNIT_EXPECT_EQ(test, walk_len(test, 121), -EINVAL);
	memcpy(t->buf + at + OFF_FILESIZE, "00001000", 8);
	add_trailer(test);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 0U);
}

static void cpio_missing_trailer(struct kunit *test)
{
	struct cpio_test *t = ctx(test);

	KUNIT_EXPECT_EQ(test, walk_len(test, 0), -EINVAL);
	add_file(test, "a", "x");
	add_file(test, "b", "y");
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	/* The entries before the end were reported all the same. */
	KUNIT_EXPECT_EQ(test, t->nr_seen, 2U);
	t->len += 16;
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	/* A second archive without its trailer. */
	t->len -= 16;
	add_trailer(test);
	add_file(test, "c", "z");
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 3U);
}

static void cpio_truncated_header(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t end;

	add_file(test, "a", "x");
	end = t->len;
	add_trailer(test);
	KUNIT_EXPECT_EQ(test, walk_len(test, 100), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_len(test, end + 109), -EINVAL);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 1U);
	/* The trailer's name cut short: not NUL-terminated. */
	KUNIT_EXPECT_EQ(test, walk_len(test, end + 110 + 10), -EINVAL);
	/* Its padding cut at the end of the buffer is fine. */
	KUNIT_EXPECT_EQ(test, walk_len(test, end + 110 + 11), 0);
}

/* The name of a one-file archive, as the walk reports it, or the errno. */
static int walk_name(struct kunit *test, const char *name)
{
	ctx(test)->len = 0;
	memset(ctx(test)->buf, 0, CPIO_TEST_LEN);
	add_file(test, name, "");
	add_trailer(test);
	return walk(test);
}

static void cpio_name_rules(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, walk_name(test, ".."), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, "../etc"), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, "a/../b"), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, "a/.."), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, "./../a"), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, "/etc/passwd"), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, ".//etc"), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, ""), -EINVAL);
	KUNIT_EXPECT_EQ(test, walk_name(test, "./"), -EINVAL);

	KUNIT_EXPECT_EQ(test, walk_name(test, "a..b/..c/d.."), 0);
	KUNIT_EXPECT_STREQ(test, seen_name(test, 0), "a..b/..c/d..");
	KUNIT_EXPECT_EQ(test, walk_name(test, "./bin/sh"), 0);
	KUNIT_EXPECT_STREQ(test, seen_name(test, 0), "bin/sh");
	KUNIT_EXPECT_EQ(test, ctx(test)->seen[0].namelen, 6UL);
	KUNIT_EXPECT_EQ(test, walk_name(test, "././etc"), 0);
	KUNIT_EXPECT_STREQ(test, seen_name(test, 0), "etc");
	KUNIT_EXPECT_EQ(test, walk_name(test, "."), 0);
	KUNIT_EXPECT_STREQ(test, seen_name(test, 0), ".");
}

static void cpio_huge_sizes(struct kunit *test)
{
	struct cpio_test *t = ctx(test);
	size_t at = add_file(test, "a", "x");

	add_trailer(test);
	memcpy(t->buf + at + OFF_FILESIZE, "ffffffff", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	memcpy(t->buf + at + OFF_FILESIZE, "00000001", 8);
	memcpy(t->buf + at + OFF_NAMESIZE, "FFFFFFFF", 8);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
}

static void cpio_unknown_type(struct kunit *test)
{
	struct ent en = { .mode = 0644, .nlink = 1, .name = "a" };

	add(test, "070701", &en);
	add_trailer(test);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
}

/* 070702: a regular file's bytes must add up to the check field. */
static void cpio_crc_format(struct kunit *test)
{
	struct ent en = { .mode = S_IFREG | 0644, .nlink = 1, .name = "a",
			  .data = "\x01\x02\xff", .size = 3,
			  .check = 0x102 };
	struct cpio_test *t = ctx(test);
	size_t at = add(test, "070702", &en);

	add_trailer(test);
	KUNIT_EXPECT_EQ(test, walk(test), 0);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 1U);
	put_hex(t->buf + at + 6 + 12 * 8, 0x103);
	KUNIT_EXPECT_EQ(test, walk(test), -EINVAL);
	/* 070701 ignores the field. */
	memcpy(t->buf + at, "070701", 6);
	KUNIT_EXPECT_EQ(test, walk(test), 0);
}

/* Hard links: the same ino twice, the data with the last one. */
static void cpio_hard_links(struct kunit *test)
{
	struct ent first = { .ino = 42, .mode = S_IFREG | 0755, .nlink = 2,
			     .name = "bin/ls" };
	struct ent last = first;
	struct cpio_test *t = ctx(test);

	last.name = "bin/busybox";
	last.data = "ELF";
	last.size = 3;
	add(test, "070701", &first);
	add(test, "070701", &last);
	add_trailer(test);
	KUNIT_ASSERT_EQ(test, walk(test), 0);
	KUNIT_ASSERT_EQ(test, t->nr_seen, 2U);
	KUNIT_EXPECT_EQ(test, t->seen[0].ino, 42U);
	KUNIT_EXPECT_EQ(test, t->seen[0].nlink, 2U);
	KUNIT_EXPECT_EQ(test, t->seen[0].size, 0UL);
	KUNIT_EXPECT_EQ(test, t->seen[1].ino, 42U);
	KUNIT_EXPECT_EQ(test, t->seen[1].size, 3UL);
}

static void cpio_callback_stops(struct kunit *test)
{
	struct cpio_test *t = ctx(test);

	add_file(test, "a", "1");
	add_file(test, "b", "2");
	add_file(test, "c", "3");
	add_trailer(test);
	t->stop_at = 2;
	KUNIT_EXPECT_EQ(test, walk(test), 7);
	KUNIT_EXPECT_EQ(test, t->nr_seen, 2U);
}

static int cpio_test_init(struct kunit *test)
{
	struct cpio_test *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	test->priv = t;
	t->buf = kzalloc(CPIO_TEST_LEN, GFP_KERNEL);
	t->tail = vzalloc(CPIO_TEST_LEN);
	if (!t->buf || !t->tail)
		return -ENOMEM;
	return 0;
}

static void cpio_test_exit(struct kunit *test)
{
	struct cpio_test *t = test->priv;

	if (!t)
		return;
	if (t->tail)
		vfree(t->tail);
	kfree(t->buf);
	kfree(t);
}

static struct kunit_case cpio_cases[] = {
	KUNIT_CASE(cpio_valid_archive),
	KUNIT_CASE(cpio_concatenated),
	KUNIT_CASE(cpio_after_trailer),
	KUNIT_CASE(cpio_part_then_other),
	KUNIT_CASE(cpio_non_hex_field),
	KUNIT_CASE(cpio_bad_magic),
	KUNIT_CASE(cpio_namesize_zero),
	KUNIT_CASE(cpio_name_not_terminated),
	KUNIT_CASE(cpio_data_past_end),
	KUNIT_CASE(cpio_missing_trailer),
	KUNIT_CASE(cpio_truncated_header),
	KUNIT_CASE(cpio_name_rules),
	KUNIT_CASE(cpio_huge_sizes),
	KUNIT_CASE(cpio_unknown_type),
	KUNIT_CASE(cpio_crc_format),
	KUNIT_CASE(cpio_hard_links),
	KUNIT_CASE(cpio_callback_stops),
	{}
};

static struct kunit_suite cpio_suite = {
	.name = "cpio",
	.init = cpio_test_init,
	.exit = cpio_test_exit,
	.test_cases = cpio_cases,
};
kunit_test_suite(cpio_suite);
