// SPDX-License-Identifier: GPL-2.0
/*
 * DEFLATE (RFC 1951) and gzip (RFC 1952) decompression from one buffer
 * into another, for the initramfs. Every read is checked against the
 * input and every write against the output: bad data is an error.
 */
#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/inflate.h>
#include <linux/slab.h>
#include <linux/string.h>

/*
 * DOC: how inflate() decodes
 *
 * A DEFLATE stream is a run of blocks. Each starts with three bits: the
 * last-block flag and the block type (0: stored bytes, 1: the fixed
 * Huffman codes of the RFC, 2: codes described at the start of the
 * block, 3: invalid). Bits are taken from each byte starting with the
 * least significant one; Huffman codes are sent starting with their most
 * significant bit, so they are matched bit by bit as they arrive.
 *
 * A Huffman code is described by the bit length of each symbol's code
 * (0: the symbol is not used). The codes are canonical: codes of one
 * length are consecutive numbers in symbol order, and the first code of
 * a length is one past the last code of the length below, doubled.
 * struct huff therefore only needs how many codes each length has and
 * the symbols sorted by (length, symbol): a code of n bits is found by
 * walking the lengths 1..n. The common short codes take a shortcut: a
 * table indexed by the next HUFF_FAST_BITS input bits (in arrival order)
 * gives the symbol and length of any code that short.
 *
 * Length and distance symbols stand for a base value plus some extra
 * bits. Both base tables follow from the extra-bit counts (each base is
 * the one before plus the range the one before covers), so they are
 * computed when a stream starts rather than written out here.
 *
 * Nothing is kept between calls: the whole stream is in the input and
 * its whole result fits the output, or the call fails.
 */

#define MAX_CODE_BITS	15
#define NR_LITLEN	288	/* 286 usable, 2 only in the fixed code */
#define NR_DIST		32	/* 30 usable, 2 only in the fixed code */
#define NR_LEN_SYMS	29	/* length symbols 257..285 */
#define NR_DIST_SYMS	30
#define NR_CLEN		19	/* code length code: 0..15, 16, 17, 18 */
#define END_OF_BLOCK	256
#define HUFF_FAST_BITS	10
#define FAST_LEN_MASK	0xf	/* fast entry: symbol << 4 | code length */

struct huff {
	u16 count[MAX_CODE_BITS + 1];	/* codes of each length */
	u16 sorted[NR_LITLEN];		/* symbols by (length, symbol) */
	u16 fast[1 << HUFF_FAST_BITS];	/* 0: no code this short */
};

struct inflater {
	const u8 *in;
	size_t in_len;
	size_t in_pos;		/* next byte to load into @bits */
	u64 bits;		/* loaded, not yet used; oldest lowest */
	unsigned int nbits;
	u8 *out;
	size_t out_size;
	size_t out_pos;
	struct huff litlen;
	struct huff dist;
	u16 lens[NR_LITLEN + NR_DIST];
	u16 len_base[NR_LEN_SYMS];
	u8 len_extra[NR_LEN_SYMS];
	u16 dist_base[NR_DIST_SYMS];
	u8 dist_extra[NR_DIST_SYMS];
};

/* Load bytes until @n bits (at most 32) are held; false at input's end. */
static bool need_bits(struct inflater *s, unsigned int n)
{
	while (s->nbits < n) {
		if (s->in_pos == s->in_len)
			return false;
		s->bits |= (u64)s->in[s->in_pos++] << s->nbits;
		s->nbits += 8;
	}
	return true;
}

/* Use up @n bits that are held. */
static u32 take_bits(struct inflater *s, unsigned int n)
{
	u32 val = s->bits & ((1ULL << n) - 1);

	s->bits >>= n;
	s->nbits -= n;
	return val;
}

static int get_bits(struct inflater *s, unsigned int n, u32 *val)
{
	if (!need_bits(s, n))
		return -EINVAL;
	*val = take_bits(s, n);
	return 0;
}

/* Drop to a byte boundary and hand back the whole bytes still held. */
static void align_input(struct inflater *s)
{
	take_bits(s, s->nbits & 7);
	s->in_pos -= s->nbits / 8;
	s->bits = 0;
	s->nbits = 0;
}

static unsigned int reverse_bits(unsigned int code, unsigned int len)
{
	unsigned int rev = 0;

	while (len--) {
		rev = rev << 1 | (code & 1);
		code >>= 1;
	}
	return rev;
}

/*
 * Build @h from the code lengths of symbols 0..@n-1. A set of lengths
 * that asks for more codes than the lengths allow is refused; one that
 * leaves codes unused is accepted (the RFC allows a lone distance code),
 * and meeting an unused code in the data is then an error.
 */
static int huff_build(struct huff *h, const u16 *lens, unsigned int n)
{
	u16 next[MAX_CODE_BITS + 1];
	unsigned int sym, len, room = 1, code = 0, idx = 0, i;

	memset(h->count, 0, sizeof(h->count));
	for (sym = 0; sym < n; sym++)
		h->count[lens[sym]]++;
	h->count[0] = 0;
	for (len = 1; len <= MAX_CODE_BITS; len++) {
		room <<= 1;
		if (h->count[len] > room)
			return -EINVAL;
		room -= h->count[len];
	}

	next[1] = 0;
	for (len = 1; len < MAX_CODE_BITS; len++)
		next[len + 1] = next[len] + h->count[len];
	for (sym = 0; sym < n; sym++)
		if (lens[sym])
			h->sorted[next[lens[sym]]++] = sym;

	memset(h->fast, 0, sizeof(h->fast));
	for (len = 1; len <= HUFF_FAST_BITS; len++) {
		for (i = 0; i < h->count[len]; i++, idx++, code++) {
			unsigned int slot = reverse_bits(code, len);

			/* Every continuation of the code's bits leads here. */
			for (; slot < ARRAY_SIZE(h->fast); slot += 1U << len)
				h->fast[slot] = h->sorted[idx] << 4 | len;
		}
		code <<= 1;
	}
	return 0;
}

/* The next symbol of code @h, or -EINVAL (unused code, input ended). */
static int huff_decode(struct inflater *s, const struct huff *h)
{
	unsigned int len, code = 0, first = 0, idx = 0;
	u16 hit;

	/* As many bits as the table needs, or what is left of the input. */
	while (s->nbits < HUFF_FAST_BITS && s->in_pos < s->in_len) {
		s->bits |= (u64)s->in[s->in_pos++] << s->nbits;
		s->nbits += 8;
	}
	hit = h->fast[s->bits & ((1U << HUFF_FAST_BITS) - 1)];
	if (hit && (hit & FAST_LEN_MASK) <= s->nbits) {
		take_bits(s, hit & FAST_LEN_MASK);
		return hit >> 4;
	}

	/* The long way: @first is the first code of @len bits. */
	for (len = 1; len <= MAX_CODE_BITS; len++) {
		if (!need_bits(s, len))
			return -EINVAL;
		code = code << 1 | ((s->bits >> (len - 1)) & 1);
		if (code - first < h->count[len]) {
			take_bits(s, len);
			return h->sorted[idx + code - first];
		}
		idx += h->count[len];
		first = (first + h->count[len]) << 1;
	}
	return -EINVAL;
}

/* Length symbols 257..284 and distance symbols: see the DOC section. */
static void inflate_fill_bases(struct inflater *s)
{
	unsigned int i, base;

	for (i = 0, base = 3; i < NR_LEN_SYMS - 1; i++) {
		s->len_extra[i] = i < 8 ? 0 : (i >> 2) - 1;
		s->len_base[i] = base;
		base += 1U << s->len_extra[i];
	}
	/* Symbol 285 is the longest match, 258, with no extra bits. */
	s->len_extra[NR_LEN_SYMS - 1] = 0;
	s->len_base[NR_LEN_SYMS - 1] = 258;

	for (i = 0, base = 1; i < NR_DIST_SYMS; i++) {
		s->dist_extra[i] = i < 4 ? 0 : (i >> 1) - 1;
		s->dist_base[i] = base;
		base += 1U << s->dist_extra[i];
	}
}

static int put_byte(struct inflater *s, u8 byte)
{
	if (s->out_pos == s->out_size)
		return -ENOSPC;
	s->out[s->out_pos++] = byte;
	return 0;
}

/* Copy @len bytes from @dist back; the ranges may overlap. */
static int copy_match(struct inflater *s, unsigned int len, unsigned int dist)
{
	u8 *dst, *src;

	if (dist > s->out_pos)
		return -EINVAL;
	if (len > s->out_size - s->out_pos)
		return -ENOSPC;
	dst = s->out + s->out_pos;
	src = dst - dist;
	s->out_pos += len;
	while (len--)
		*dst++ = *src++;
	return 0;
}

/* A Huffman-coded block's data, up to its end-of-block symbol. */
static int inflate_huff_block(struct inflater *s)
{
	for (;;) {
		int sym = huff_decode(s, &s->litlen), dsym, ret;
		unsigned int len, dist;
		u32 extra;

		if (sym < 0)
			return sym;
		if (sym < END_OF_BLOCK) {
			ret = put_byte(s, sym);
			if (ret)
				return ret;
			continue;
		}
		if (sym == END_OF_BLOCK)
			return 0;
		sym -= END_OF_BLOCK + 1;
		if (sym >= NR_LEN_SYMS)
			return -EINVAL;
		if (get_bits(s, s->len_extra[sym], &extra))
			return -EINVAL;
		len = s->len_base[sym] + extra;

		dsym = huff_decode(s, &s->dist);
		if (dsym < 0)
			return dsym;
		if (dsym >= NR_DIST_SYMS)
			return -EINVAL;
		if (get_bits(s, s->dist_extra[dsym], &extra))
			return -EINVAL;
		dist = s->dist_base[dsym] + extra;

		ret = copy_match(s, len, dist);
		if (ret)
			return ret;
	}
}

static int inflate_stored_block(struct inflater *s)
{
	const u8 *hdr;
	unsigned int len;

	align_input(s);
	if (s->in_len - s->in_pos < 4)
		return -EINVAL;
	hdr = s->in + s->in_pos;
	len = hdr[0] | hdr[1] << 8;
	if ((hdr[2] | hdr[3] << 8) != (~len & 0xffff))
		return -EINVAL;
	s->in_pos += 4;
	if (len > s->in_len - s->in_pos)
		return -EINVAL;
	if (len > s->out_size - s->out_pos)
		return -ENOSPC;
	memcpy(s->out + s->out_pos, s->in + s->in_pos, len);
	s->in_pos += len;
	s->out_pos += len;
	return 0;
}

/* RFC 1951 3.2.6: literals 0-143 have 8 bits, 144-255 have 9 ... */
static int inflate_fixed_codes(struct inflater *s)
{
	unsigned int sym;

	for (sym = 0; sym < NR_LITLEN; sym++) {
		if (sym < 144)
			s->lens[sym] = 8;
		else if (sym < 256)
			s->lens[sym] = 9;
		else if (sym < 280)
			s->lens[sym] = 7;
		else
			s->lens[sym] = 8;
	}
	for (sym = 0; sym < NR_DIST; sym++)
		s->lens[NR_LITLEN + sym] = 5;
	if (huff_build(&s->litlen, s->lens, NR_LITLEN))
		return -EINVAL;
	return huff_build(&s->dist, s->lens + NR_LITLEN, NR_DIST);
}

/* RFC 1951 3.2.7: the order code length code lengths are sent in. */
static const u8 clen_order[NR_CLEN] = {
	16, 17, 18, 0,
	8, 7, 9, 6, 10, 5, 11, 4,
	12, 3, 13, 2, 14, 1, 15,
};

/* Read the run-length coded lengths of @total symbols into s->lens. */
static int read_code_lengths(struct inflater *s, unsigned int total)
{
	unsigned int n = 0;

	while (n < total) {
		int sym = huff_decode(s, &s->dist);
		unsigned int repeat, shift;
		u16 val = 0;
		u32 extra;

		if (sym < 0)
			return sym;
		if (sym < 16) {
			s->lens[n++] = sym;
			continue;
		}
		if (sym == 16) {
			if (!n)
				return -EINVAL;
			val = s->lens[n - 1];
			shift = 2;
			repeat = 3;
		} else if (sym == 17) {
			shift = 3;
			repeat = 3;
		} else {
			shift = 7;
			repeat = 11;
		}
		if (get_bits(s, shift, &extra))
			return -EINVAL;
		repeat += extra;
		if (repeat > total - n)
			return -EINVAL;
		while (repeat--)
			s->lens[n++] = val;
	}
	return 0;
}

static int inflate_dynamic_codes(struct inflater *s)
{
	unsigned int nlit, ndist, nclen, i;
	u32 val;

	if (get_bits(s, 5, &val))
		return -EINVAL;
	nlit = val + 257;
	if (get_bits(s, 5, &val))
		return -EINVAL;
	ndist = val + 1;
	if (get_bits(s, 4, &val))
		return -EINVAL;
	nclen = val + 4;
	if (nlit > 286 || ndist > NR_DIST_SYMS)
		return -EINVAL;

	/* The code length code is built in s->dist until it is needed. */
	memset(s->lens, 0, NR_CLEN * sizeof(s->lens[0]));
	for (i = 0; i < nclen; i++) {
		if (get_bits(s, 3, &val))
			return -EINVAL;
		s->lens[clen_order[i]] = val;
	}
	if (huff_build(&s->dist, s->lens, NR_CLEN))
		return -EINVAL;
	if (read_code_lengths(s, nlit + ndist))
		return -EINVAL;
	if (!s->lens[END_OF_BLOCK])
		return -EINVAL;
	if (huff_build(&s->litlen, s->lens, nlit))
		return -EINVAL;
	return huff_build(&s->dist, s->lens + nlit, ndist);
}

static int inflate_blocks(struct inflater *s)
{
	u32 last, type;
	int ret;

	inflate_fill_bases(s);
	do {
		if (get_bits(s, 1, &last) || get_bits(s, 2, &type))
			return -EINVAL;
		switch (type) {
		case 0:
			ret = inflate_stored_block(s);
			break;
		case 1:
			ret = inflate_fixed_codes(s);
			if (!ret)
				ret = inflate_huff_block(s);
			break;
		case 2:
			ret = inflate_dynamic_codes(s);
			if (!ret)
				ret = inflate_huff_block(s);
			break;
		default:
			ret = -EINVAL;
		}
		if (ret)
			return ret;
	} while (!last);
	align_input(s);
	return 0;
}

/**
 * inflate - decompress one raw DEFLATE stream
 * @in: the stream (no zlib or gzip wrapping)
 * @in_len: bytes at @in; the stream may end before
 * @in_used: set to the bytes the stream took, up to the byte holding
 *	the end of its last block
 * @out: where the data goes
 * @out_size: bytes available at @out
 * @out_len: set to the bytes written
 *
 * Does not read outside @in nor write outside @out; on error @out may
 * hold part of the data and *@in_used and *@out_len are not set.
 * Allocates about 7 KiB of state with kmalloc() for the call.
 *
 * Return: 0; -EINVAL for a malformed or truncated stream (block type 3,
 * a stored length not matching its complement, an over-subscribed code,
 * a code, length or distance symbol that is not allowed, a distance
 * before the start of the output, a missing end-of-block code, input
 * ending inside the stream); -ENOSPC when @out_size is too small;
 * -ENOMEM.
 */
int inflate(const void *in, size_t in_len, size_t *in_used,
	    void *out, size_t out_size, size_t *out_len)
{
	struct inflater *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int ret;

	if (!s)
		return -ENOMEM;
	s->in = in;
	s->in_len = in_len;
	s->out = out;
	s->out_size = out_size;
	ret = inflate_blocks(s);
	if (!ret) {
		*in_used = s->in_pos;
		*out_len = s->out_pos;
	}
	kfree(s);
	return ret;
}

/* RFC 1952 member header flags */
#define GZ_FHCRC	0x02
#define GZ_FEXTRA	0x04
#define GZ_FNAME	0x08
#define GZ_FCOMMENT	0x10
#define GZ_FRESERVED	0xe0
#define GZ_CM_DEFLATE	8
#define GZ_HDR_LEN	10
#define GZ_TRAILER_LEN	8

static u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

/* Skip a NUL-terminated field at *@pos; -EINVAL if it runs off the end. */
static int gz_skip_string(const u8 *p, size_t len, size_t *pos)
{
	size_t i;

	for (i = *pos; i < len; i++) {
		if (!p[i]) {
			*pos = i + 1;
			return 0;
		}
	}
	return -EINVAL;
}

/* The offset of the member's DEFLATE stream, after its header. */
static int gz_parse_header(const u8 *p, size_t len, size_t *pos)
{
	u8 flags;

	if (len < GZ_HDR_LEN || !gzip_magic(p, len) || p[2] != GZ_CM_DEFLATE)
		return -EINVAL;
	flags = p[3];
	if (flags & GZ_FRESERVED)
		return -EINVAL;
	*pos = GZ_HDR_LEN;
	if (flags & GZ_FEXTRA) {
		size_t xlen;

		if (len - *pos < 2)
			return -EINVAL;
		xlen = p[*pos] | p[*pos + 1] << 8;
		*pos += 2;
		if (xlen > len - *pos)
			return -EINVAL;
		*pos += xlen;
	}
	if ((flags & GZ_FNAME) && gz_skip_string(p, len, pos))
		return -EINVAL;
	if ((flags & GZ_FCOMMENT) && gz_skip_string(p, len, pos))
		return -EINVAL;
	if (flags & GZ_FHCRC) {
		if (len - *pos < 2)
			return -EINVAL;
		/* The low 16 bits of the CRC-32 of the header before it. */
		if ((crc32(0, p, *pos) & 0xffff) !=
		    (p[*pos] | p[*pos + 1] << 8))
			return -EIO;
		*pos += 2;
	}
	return 0;
}

/**
 * gunzip - decompress one gzip member and check its CRC-32 and size
 * @in: the member: header, DEFLATE stream, trailer
 * @in_len: bytes at @in; more members or padding may follow the first
 * @in_used: set to the bytes of the member, trailer included
 * @out: where the data goes
 * @out_size: bytes available at @out
 * @out_len: set to the bytes written
 *
 * Accepts every header field of RFC 1952 (extra field, name, comment,
 * header CRC). As inflate(), reads and writes only inside the buffers
 * and sets *@in_used and *@out_len only on success.
 *
 * Return: 0; -EINVAL for a bad header (magic, method other than
 * DEFLATE, reserved flags set, fields running off the end), a stream
 * inflate() refuses or a truncated trailer; -EIO when the header CRC,
 * the data's CRC-32 or its length modulo 2^32 disagrees with the
 * member; -ENOSPC when @out_size is too small; -ENOMEM.
 */
int gunzip(const void *in, size_t in_len, size_t *in_used,
	   void *out, size_t out_size, size_t *out_len)
{
	const u8 *p = in;
	size_t pos, used, got;
	int ret;

	ret = gz_parse_header(p, in_len, &pos);
	if (ret)
		return ret;
	ret = inflate(p + pos, in_len - pos, &used, out, out_size, &got);
	if (ret)
		return ret;
	pos += used;
	if (in_len - pos < GZ_TRAILER_LEN)
		return -EINVAL;
	if (get_le32(p + pos) != crc32(0, out, got) ||
	    get_le32(p + pos + 4) != (u32)got)
		return -EIO;
	*in_used = pos + GZ_TRAILER_LEN;
	*out_len = got;
	return 0;
}
