// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for inflate() and gunzip(): gzip members made at build time by
 * Debian's gzip and Python's zlib (stored, fixed and dynamic blocks, every
 * header field), checked byte for byte, then truncated, corrupted and
 * hand-made streams that must each fail with their errno.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/inflate.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kunit/test.h>
#include <generated/inflate_vectors.h>

#define WORDS_MAX	300000

struct inflate_test {
	u8 *want;		/* tide_words(WORDS_MAX) */
	u8 *out;
	u8 *copy;		/* a vector to corrupt */
};

/* scripts/gen_inflate_vectors.py's tide_words(), the data compressed. */
static void tide_words(u8 *buf, size_t n)
{
	static const char *const words[] = {
		"memory ", "block ", "online ", "offline ", "zone ", "node ",
		"page ", "movable\n",
	};
	size_t pos = 0;
	u32 s = 1;

	while (pos < n) {
		const char *w;

		s = s * 1664525u + 1013904223u;
		for (w = words[s >> 29]; *w && pos < n; w++)
			buf[pos++] = *w;
	}
}

static int inflate_test_init(struct kunit *test)
{
	struct inflate_test *t = vzalloc(sizeof(*t));

	if (!t)
		return -ENOMEM;
	test->priv = t;
	t->want = vmalloc(WORDS_MAX);
	t->out = vmalloc(WORDS_MAX + PAGE_SIZE);
	t->copy = vmalloc(PAGE_SIZE * 16);
	if (!t->want || !t->out || !t->copy)
		return -ENOMEM;
	tide_words(t->want, WORDS_MAX);
	return 0;
}

static void inflate_test_exit(struct kunit *test)
{
	struct inflate_test *t = test->priv;

	if (!t)
		return;
	vfree(t->want);
	vfree(t->out);
	vfree(t->copy);
	vfree(t);
}

/* gunzip() of @vec must give the first @size bytes of tide_words(). */
static void check_vector(struct kunit *test, const u8 *vec, size_t len,
			 size_t size)
{
	struct inflate_test *t = test->priv;
	size_t used = 0, got = 0;

	KUNIT_ASSERT_EQ(test, gunzip(vec, len, &used, t->out,
				     WORDS_MAX + PAGE_SIZE, &got), 0);
	KUNIT_EXPECT_EQ(test, used, len);
	KUNIT_ASSERT_EQ(test, got, size);
	KUNIT_EXPECT_MEMEQ(test, t->out, t->want, size);
}

static void inflate_stored_blocks(struct kunit *test)
{
	check_vector(test, vec_stored, sizeof(vec_stored), vec_stored_size);
}

static void inflate_fixed_blocks(struct kunit *test)
{
	check_vector(test, vec_fixed, sizeof(vec_fixed), vec_fixed_size);
}

static void inflate_dynamic_blocks(struct kunit *test)
{
	check_vector(test, vec_dynamic, sizeof(vec_dynamic), vec_dynamic_size);
}

/* 300 KB: many blocks, distances up to 32 KiB, gzip -1 and -9. */
static void inflate_large(struct kunit *test)
{
	check_vector(test, vec_large_fast, sizeof(vec_large_fast),
		     vec_large_fast_size);
	check_vector(test, vec_large_best, sizeof(vec_large_best),
		     vec_large_best_size);
}

static void inflate_header_fields(struct kunit *test)
{
	check_vector(test, vec_all_fields, sizeof(vec_all_fields),
		     vec_all_fields_size);
}

static void inflate_empty(struct kunit *test)
{
	check_vector(test, vec_empty, sizeof(vec_empty), 0);
}

/* Members back to back: each call takes one, *in_used says where it ends. */
static void inflate_concatenated(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	size_t a = sizeof(vec_dynamic), b = sizeof(vec_fixed), used, got;

	memcpy(t->copy, vec_dynamic, a);
	memcpy(t->copy + a, vec_fixed, b);
	KUNIT_ASSERT_EQ(test, gunzip(t->copy, a + b, &used, t->out,
				     WORDS_MAX, &got), 0);
	KUNIT_EXPECT_EQ(test, used, a);
	KUNIT_ASSERT_EQ(test, gunzip(t->copy + used, a + b - used, &used,
				     t->out, WORDS_MAX, &got), 0);
	KUNIT_EXPECT_EQ(test, used, b);
	KUNIT_EXPECT_EQ(test, got, (size_t)vec_fixed_size);
}

/* The raw stream inside a member, through inflate() itself. */
static void inflate_raw_stream(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	size_t len = sizeof(vec_dynamic) - 10 - 8, used, got;

	KUNIT_ASSERT_EQ(test, inflate(vec_dynamic + 10, len, &used, t->out,
				      WORDS_MAX, &got), 0);
	KUNIT_EXPECT_EQ(test, used, len);
	KUNIT_EXPECT_EQ(test, got, (size_t)vec_dynamic_size);
	KUNIT_EXPECT_EQ(test, crc32(0, t->out, got),
			crc32(0, t->want, vec_dynamic_size));
}

/* Every proper prefix of a member fails, none crashes or over-reads. */
static void inflate_truncated(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	const size_t len = sizeof(vec_dynamic);
	size_t cut, used, got;

	for (cut = 0; cut < len; cut++) {
		/* The prefix ends at the end of a vmalloc area. */
		u8 *end = t->copy + PAGE_SIZE * 16;

		memcpy(end - cut, vec_dynamic, cut);
		KUNIT_EXPECT_NE_MSG(test, gunzip(end - cut, cut, &used, t->out,
						 WORDS_MAX, &got), 0,
				    "prefix of %zu bytes", cut);
	}
}

/*
 * Any flipped bit after the header fields gzip ignores is detected, but
 * in the stream's last byte, whose high bits may be padding.
 */
static void inflate_bit_flips(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	const size_t len = sizeof(vec_fixed);
	size_t bit, used, got;
	int ret;

	for (bit = 10 * 8; bit < len * 8; bit++) {
		if (bit / 8 == len - 9)
			continue;
		memcpy(t->copy, vec_fixed, len);
		t->copy[bit / 8] ^= 1 << (bit % 8);
		ret = gunzip(t->copy, len, &used, t->out, WORDS_MAX, &got);
		KUNIT_EXPECT_TRUE_MSG(test, ret == -EINVAL || ret == -EIO,
				      "bit %zu flipped: %d", bit, ret);
	}
}

static void inflate_output_too_small(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	size_t used = 0, got = 0;

	KUNIT_EXPECT_EQ(test, gunzip(vec_dynamic, sizeof(vec_dynamic), &used,
				     t->out, vec_dynamic_size - 1, &got),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, gunzip(vec_stored, sizeof(vec_stored), &used,
				     t->out, 100, &got), -ENOSPC);
	KUNIT_EXPECT_EQ(test, used, 0);
	KUNIT_EXPECT_EQ(test, got, 0);
}

static void inflate_bad_trailer(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	const size_t len = sizeof(vec_dynamic);
	size_t used, got;

	memcpy(t->copy, vec_dynamic, len);
	t->copy[len - 8] ^= 0x10;	/* CRC-32 */
	KUNIT_EXPECT_EQ(test, gunzip(t->copy, len, &used, t->out, WORDS_MAX,
				     &got), -EIO);
	memcpy(t->copy, vec_dynamic, len);
	t->copy[len - 2] = 1;		/* ISIZE */
	KUNIT_EXPECT_EQ(test, gunzip(t->copy, len, &used, t->out, WORDS_MAX,
				     &got), -EIO);
	memcpy(t->copy, vec_all_fields, sizeof(vec_all_fields));
	t->copy[10] ^= 1;		/* covered by the header CRC */
	KUNIT_EXPECT_EQ(test, gunzip(t->copy, sizeof(vec_all_fields), &used,
				     t->out, WORDS_MAX, &got), -EIO);
}

static void inflate_bad_header(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	const size_t len = sizeof(vec_dynamic);
	size_t used, got;
	static const struct {
		unsigned int off;
		u8 val;
	} bad[] = {
		{ 0, 0x1e },	/* magic */
		{ 1, 0x8c },
		{ 2, 7 },	/* method */
		{ 3, 0x20 },	/* reserved flags */
		{ 3, 0x80 },
		{ 3, 0x08 },	/* a name with no NUL before the end */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memcpy(t->copy, vec_dynamic, len);
		t->copy[bad[i].off] = bad[i].val;
		if (bad[i].off == 3)
			memset(t->copy + 10, 0xff, len - 10);
		KUNIT_EXPECT_EQ_MSG(test, gunzip(t->copy, len, &used, t->out,
						 WORDS_MAX, &got), -EINVAL,
				    "byte %u = %#x", bad[i].off, bad[i].val);
	}
}

/* Block type 3; a stored length that is not the complement's. */
static void inflate_bad_blocks(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	static const u8 type3[] = { 0x07, 0, 0, 0 };
	static const u8 stored_len[] = { 0x01, 0x05, 0x00, 0xfb, 0xfe,
					 'a', 'b', 'c', 'd', 'e' };
	static const u8 stored_short[] = { 0x01, 0x05, 0x00, 0xfa, 0xff,
					   'a', 'b' };
	static const u8 stored_ok[] = { 0x01, 0x05, 0x00, 0xfa, 0xff,
					'a', 'b', 'c', 'd', 'e' };
	size_t used, got;

	KUNIT_EXPECT_EQ(test, inflate(type3, sizeof(type3), &used, t->out,
				      WORDS_MAX, &got), -EINVAL);
	KUNIT_EXPECT_EQ(test, inflate(stored_len, sizeof(stored_len), &used,
				      t->out, WORDS_MAX, &got), -EINVAL);
	KUNIT_EXPECT_EQ(test, inflate(stored_short, sizeof(stored_short),
				      &used, t->out, WORDS_MAX, &got), -EINVAL);
	KUNIT_ASSERT_EQ(test, inflate(stored_ok, sizeof(stored_ok), &used,
				      t->out, WORDS_MAX, &got), 0);
	KUNIT_EXPECT_EQ(test, used, sizeof(stored_ok));
	KUNIT_EXPECT_EQ(test, got, 5);
	KUNIT_EXPECT_MEMEQ(test, t->out, "abcde", 5);
}

/* Streams built bit by bit by the generator, one error each. */
static void inflate_bad_codes(struct kunit *test)
{
	struct inflate_test *t = test->priv;
	size_t used, got;

	KUNIT_EXPECT_EQ(test, inflate(raw_far_distance,
				      sizeof(raw_far_distance), &used, t->out,
				      WORDS_MAX, &got), -EINVAL);
	KUNIT_EXPECT_EQ(test, inflate(raw_oversubscribed,
				      sizeof(raw_oversubscribed), &used,
				      t->out, WORDS_MAX, &got), -EINVAL);
	KUNIT_EXPECT_EQ(test, inflate(raw_no_end_of_block,
				      sizeof(raw_no_end_of_block), &used,
				      t->out, WORDS_MAX, &got), -EINVAL);
}

/* The check value of the CRC-32 catalogue: "123456789" -> 0xcbf43926. */
static void inflate_crc32(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, crc32(0, "123456789", 9), 0xcbf43926);
	KUNIT_EXPECT_EQ(test, crc32(crc32(0, "1234", 4), "56789", 5),
			0xcbf43926);
	KUNIT_EXPECT_EQ(test, crc32(0, "", 0), 0);
}

static struct kunit_case inflate_cases[] = {
	KUNIT_CASE(inflate_stored_blocks),
	KUNIT_CASE(inflate_fixed_blocks),
	KUNIT_CASE(inflate_dynamic_blocks),
	KUNIT_CASE(inflate_large),
	KUNIT_CASE(inflate_header_fields),
	KUNIT_CASE(inflate_empty),
	KUNIT_CASE(inflate_concatenated),
	KUNIT_CASE(inflate_raw_stream),
	KUNIT_CASE(inflate_truncated),
	KUNIT_CASE(inflate_bit_flips),
	KUNIT_CASE(inflate_output_too_small),
	KUNIT_CASE(inflate_bad_trailer),
	KUNIT_CASE(inflate_bad_header),
	KUNIT_CASE(inflate_bad_blocks),
	KUNIT_CASE(inflate_bad_codes),
	KUNIT_CASE(inflate_crc32),
	{}
};

static struct kunit_suite inflate_suite = {
	.name = "inflate",
	.init = inflate_test_init,
	.exit = inflate_test_exit,
	.test_cases = inflate_cases,
};
kunit_test_suite(inflate_suite);
