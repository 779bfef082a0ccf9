/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CRC-32 as gzip (RFC 1952), zlib's crc32() and Ethernet compute it: the
 * reflected polynomial 0xedb88320, bits taken least significant first.
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

u32 crc32_le(u32 crc, const void *p, size_t len);

/* The CRC-32 of @len bytes at @p, as gzip stores it: start ~0, end ~. */
static inline u32 crc32(u32 crc, const void *p, size_t len)
{
	return ~crc32_le(~crc, p, len);
}

#endif /* _LINUX_CRC32_H */
