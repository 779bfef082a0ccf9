// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for drivers/char/random.c: the ChaCha20 block function against
 * the RFC 7539 test vector, the flags getrandom(2) accepts, and that the
 * generator does not repeat itself.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/random.h>
#include <linux/string.h>
#include <kunit/test.h>
#include "random.h"

/* RFC 7539 section 2.3.2: key 00..1f, counter 1, nonce 0:0x4a000000:0x09000000 */
static void random_chacha20_rfc_vector(struct kunit *test)
{
	static const u8 want[16] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15,
		0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4,
	};
	u32 st[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	u8 out[64];
	int i;

	for (i = 0; i < 8; i++)
		st[4 + i] = (4 * i) | (4 * i + 1) << 8 | (4 * i + 2) << 16 |
			    (u32)(4 * i + 3) << 24;
	st[12] = 1;
	st[13] = 0x09000000;
	st[14] = 0x4a000000;
	st[15] = 0;
	chacha20_block(st, out);
	KUNIT_EXPECT_EQ(test, memcmp(out, want, sizeof(want)), 0);
	KUNIT_EXPECT_EQ(test, out[63], 0x4e);
}

static void random_getrandom_flags(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, getrandom_check_flags(0), 0);
	KUNIT_EXPECT_EQ(test, getrandom_check_flags(GRND_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, getrandom_check_flags(GRND_RANDOM), 0);
	KUNIT_EXPECT_EQ(test, getrandom_check_flags(GRND_RANDOM | GRND_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, getrandom_check_flags(GRND_INSECURE), 0);
	KUNIT_EXPECT_EQ(test, getrandom_check_flags(GRND_INSECURE | GRND_RANDOM),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, getrandom_check_flags(0x8), -EINVAL);
}

/* Two draws of 64 bytes are different, and neither is all zeros. */
static void random_outputs_differ(struct kunit *test)
{
	u8 a[64], b[64], z[64] = { 0 };

	get_random_bytes(a, sizeof(a));
	get_random_bytes(b, sizeof(b));
	KUNIT_EXPECT_NE(test, memcmp(a, b, sizeof(a)), 0);
	KUNIT_EXPECT_NE(test, memcmp(a, z, sizeof(a)), 0);
	KUNIT_EXPECT_NE(test, get_random_u64(), get_random_u64());
}

/* A write folded into the key changes what follows, never repeats it. */
static void random_mixing_changes_stream(struct kunit *test)
{
	u8 before[32], after[32], junk[7] = "abcdefg";

	get_random_bytes(before, sizeof(before));
	add_device_randomness(junk, sizeof(junk));
	get_random_bytes(after, sizeof(after));
	KUNIT_EXPECT_NE(test, memcmp(before, after, sizeof(before)), 0);
}

static struct kunit_case random_cases[] = {
	KUNIT_CASE(random_chacha20_rfc_vector),
	KUNIT_CASE(random_getrandom_flags),
	KUNIT_CASE(random_outputs_differ),
	KUNIT_CASE(random_mixing_changes_stream),
	{}
};

static struct kunit_suite random_suite = {
	.name = "random",
	.test_cases = random_cases,
};
kunit_test_suite(random_suite);
