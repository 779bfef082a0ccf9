/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decompressing DEFLATE streams (RFC 1951) and gzip members (RFC 1952)
 * held in memory, into a buffer the caller provides: lib/inflate.c.
 */
#ifndef _LINUX_INFLATE_H
#define _LINUX_INFLATE_H

#include <linux/types.h>

/* The two bytes every gzip member starts with. */
#define GZIP_MAGIC0	0x1f
#define GZIP_MAGIC1	0x8b

int inflate(const void *in, size_t in_len, size_t *in_used,
	    void *out, size_t out_size, size_t *out_len);
int gunzip(const void *in, size_t in_len, size_t *in_used,
	   void *out, size_t out_size, size_t *out_len);

/* Whether @len bytes at @p start like a gzip member. */
static inline bool gzip_magic(const void *p, size_t len)
{
	const u8 *b = p;

	return len >= 2 && b[0] == GZIP_MAGIC0 && b[1] == GZIP_MAGIC1;
}

#endif /* _LINUX_INFLATE_H */
