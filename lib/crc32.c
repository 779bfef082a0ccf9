// SPDX-License-Identifier: GPL-2.0
/*
 * CRC-32 (the reflected polynomial 0xedb88320) a byte at a time through a
 * 256-entry table that is computed on the first call.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/smp.h>

#define CRC32_POLY_REFLECTED	0xedb88320u

static u32 crc32_table[256];
static bool crc32_table_ready;

/*
 * Entry b is the remainder of the byte b shifted through eight steps of
 * the division. Two CPUs filling it at once write the same values, so a
 * race is harmless; the flag is set only after the last entry.
 */
static void crc32_fill_table(void)
{
	unsigned int b, step;

	for (b = 0; b < ARRAY_SIZE(crc32_table); b++) {
		u32 rem = b;

		for (step = 0; step < 8; step++)
			rem = (rem >> 1) ^ ((rem & 1) ? CRC32_POLY_REFLECTED : 0);
		crc32_table[b] = rem;
	}
	/* Pairs with the acquire in crc32_le(): entries before the flag. */
	smp_store_release(&crc32_table_ready, true);
}

/**
 * crc32_le - feed @len bytes at @p into a running CRC-32
 * @crc: the register so far (~0 to start a gzip CRC; see crc32())
 * @p: the bytes
 * @len: how many
 *
 * No pre- or post-inversion is done here; crc32() in <linux/crc32.h> adds
 * both, giving the value gzip stores in its trailer.
 *
 * Return: the register after the bytes.
 */
u32 crc32_le(u32 crc, const void *p, size_t len)
{
	const u8 *byte = p;

	/* Pairs with the release in crc32_fill_table(). */
	if (!smp_load_acquire(&crc32_table_ready))
		crc32_fill_table();
	while (len--)
		crc = crc32_table[(crc ^ *byte++) & 0xff] ^ (crc >> 8);
	return crc;
}
