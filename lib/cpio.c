// SPDX-License-Identifier: GPL-2.0
/*
 * Walk the entries of a newc cpio archive (an initramfs) held in memory,
 * checking every header field and length against the buffer before use.
 * Unpacking the entries into a file system comes later.
 */
#include <linux/kernel.h>
#include <linux/cpio.h>
#include <linux/overflow.h>
#include <linux/stat.h>
#include <linux/string.h>

/*
 * DOC: the newc format as cpio_for_each() reads it
 *
 * Each entry is a 110-byte header, the name (namesize bytes with its NUL),
 * NUL padding to a multiple of 4 bytes, the data (filesize bytes) and
 * padding to a multiple of 4 again, offsets counted from the start of
 * the buffer. The header is "070701" ("070702": the check field holds the
 * sum of a regular file's data bytes) and 13 fields of exactly 8 hex
 * digits: ino, mode, uid, gid, nlink, mtime, filesize, devmajor,
 * devminor, rdevmajor, rdevminor, namesize, check.
 *
 * An entry named "TRAILER!!!" ends an archive. As on Linux, archives may
 * be concatenated: after a trailer, NUL bytes are skipped and, if the
 * buffer goes on, another archive must start there at a multiple of 4.
 *
 * Names are taken relative to the root the archive is unpacked into.
 * Leading "./" prefixes are removed ("./bin/sh" is "bin/sh", what
 * "find . | cpio -o -H newc" produces; "." alone stays, meaning the root);
 * a name that is then empty, starts with '/' or has a ".." component is
 * refused, so no entry can name a file outside the root. Linux's
 * gen_init_cpio writes names without a leading '/', so real initramfs
 * archives pass.
 */

enum cpio_field {
	CPIO_INO, CPIO_MODE, CPIO_UID, CPIO_GID, CPIO_NLINK, CPIO_MTIME,
	CPIO_FILESIZE, CPIO_DEVMAJOR, CPIO_DEVMINOR, CPIO_RDEVMAJOR,
	CPIO_RDEVMINOR, CPIO_NAMESIZE, CPIO_CHECK,
};

/* Exactly CPIO_FIELD_LEN hex digits, either case; nothing else. */
static int cpio_parse_field(const char *s, u32 *val)
{
	unsigned int i;
	u32 v = 0;

	for (i = 0; i < CPIO_FIELD_LEN; i++) {
		char c = s[i];
		u32 digit;

		if (c >= '0' && c <= '9')
			digit = c - '0';
		else if (c >= 'a' && c <= 'f')
			digit = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			digit = c - 'A' + 10;
		else
			return -EINVAL;
		v = v << 4 | digit;
	}
	*val = v;
	return 0;
}

/* Parse the header at @hdr (CPIO_HDR_LEN bytes); sets *@crc for 070702. */
static int cpio_parse_header(const char *hdr, u32 *f, bool *crc)
{
	unsigned int i;

	if (!memcmp(hdr, "070701", CPIO_MAGIC_LEN))
		*crc = false;
	else if (!memcmp(hdr, "070702", CPIO_MAGIC_LEN))
		*crc = true;
	else
		return -EINVAL;
	for (i = 0; i < CPIO_NR_FIELDS; i++)
		if (cpio_parse_field(hdr + CPIO_MAGIC_LEN + i * CPIO_FIELD_LEN,
				     &f[i]))
			return -EINVAL;
	return 0;
}

/* @off rounded up to the next multiple of 4, or @len if that is past it. */
static size_t cpio_pad(size_t off, size_t len)
{
	size_t padded;

	if (check_add_overflow(off, (size_t)3, &padded))
		return len;
	padded &= ~(size_t)3;
	return min(padded, len);
}

/* Apply the name rules of the DOC section; *@name may move forward. */
static int cpio_check_name(const char **name, size_t *namelen)
{
	const char *s = *name, *end;
	size_t n = *namelen;

	while (n >= 2 && s[0] == '.' && s[1] == '/') {
		s += 2;
		n -= 2;
	}
	if (!n || s[0] == '/')
		return -EINVAL;
	/* No component may be ".."; the name ends with a NUL at @end. */
	for (end = s + n; s < end; ) {
		const char *slash = strchr(s, '/');
		size_t clen = (slash ? slash : end) - s;

		if (clen == 2 && s[0] == '.' && s[1] == '.')
			return -EINVAL;
		s += clen + 1;
	}
	*name += *namelen - n;
	*namelen = n;
	return 0;
}

static bool cpio_valid_type(u32 mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
	case S_IFDIR:
	case S_IFLNK:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return true;
	}
	return false;
}

static u32 cpio_data_sum(const u8 *data, size_t size)
{
	u32 sum = 0;

	while (size--)
		sum += *data++;
	return sum;
}

/*
 * Read the entry at *@pos into @e and move *@pos past it. *@trailer tells
 * whether it was the trailer, which @e then does not describe.
 */
static int cpio_next(const u8 *buf, size_t len, size_t *pos,
		     struct cpio_entry *e, bool *trailer)
{
	size_t name_off = *pos + CPIO_HDR_LEN, name_end, data_off, data_end;
	u32 f[CPIO_NR_FIELDS];
	const char *name;
	bool crc;

	if (len - *pos < CPIO_HDR_LEN)
		return -EINVAL;
	if (cpio_parse_header((const char *)buf + *pos, f, &crc))
		return -EINVAL;

	if (!f[CPIO_NAMESIZE] ||
	    check_add_overflow(name_off, (size_t)f[CPIO_NAMESIZE], &name_end) ||
	    name_end > len)
		return -EINVAL;
	name = (const char *)buf + name_off;
	if (strnlen(name, f[CPIO_NAMESIZE]) != f[CPIO_NAMESIZE] - 1)
		return -EINVAL;
	data_off = cpio_pad(name_end, len);
	if (check_add_overflow(data_off, (size_t)f[CPIO_FILESIZE], &data_end) ||
	    data_end > len)
		return -EINVAL;
	*pos = cpio_pad(data_end, len);

	*trailer = !strcmp(name, CPIO_TRAILER);
	if (*trailer)
		return 0;

	e->name = name;
	e->namelen = f[CPIO_NAMESIZE] - 1;
	if (cpio_check_name(&e->name, &e->namelen))
		return -EINVAL;
	if (!cpio_valid_type(f[CPIO_MODE]))
		return -EINVAL;
	if (crc && S_ISREG(f[CPIO_MODE]) &&
	    cpio_data_sum(buf + data_off, f[CPIO_FILESIZE]) != f[CPIO_CHECK])
		return -EINVAL;
	e->data = buf + data_off;
	e->size = f[CPIO_FILESIZE];
	e->ino = f[CPIO_INO];
	e->mode = f[CPIO_MODE];
	e->uid = f[CPIO_UID];
	e->gid = f[CPIO_GID];
	e->nlink = f[CPIO_NLINK];
	e->mtime = f[CPIO_MTIME];
	e->rdev_major = f[CPIO_RDEVMAJOR];
	e->rdev_minor = f[CPIO_RDEVMINOR];
	return 0;
}

/**
 * cpio_walk_archives - walk the newc archives at the start of @buf
 * @buf: one or more archives, back to back, any alignment, possibly
 *	followed by other data (a compressed part of an initramfs)
 * @len: bytes in @buf
 * @fn: called with each entry other than the trailers, in archive order;
 *	a non-zero return stops the walk
 * @arg: passed to @fn
 * @used: set, on success, to the bytes the archives and the NUL padding
 *	after their trailers take; what follows does not start with the
 *	newc magic
 *
 * As cpio_for_each(), but stopping without an error after a trailer at
 * data that is not another archive, so that the caller can go on with it.
 *
 * Return: 0; what @fn returned if it stopped the walk; -EINVAL for a
 * malformed archive (see cpio_for_each()).
 */
int cpio_walk_archives(const void *buf, size_t len, cpio_actor_t fn,
		       void *arg, size_t *used)
{
	const u8 *bytes = buf;
	struct cpio_entry e;
	size_t pos = 0;
	bool trailer;
	int ret;

	do {
		/* One archive: entries up to its trailer. */
		do {
			ret = cpio_next(buf, len, &pos, &e, &trailer);
			if (ret)
				return ret;
			if (!trailer) {
				ret = fn(&e, arg);
				if (ret)
					return ret;
			}
		} while (!trailer);

		while (pos < len && bytes[pos] == 0)
			pos++;
		if (len - pos < CPIO_MAGIC_LEN - 1 ||
		    memcmp(bytes + pos, "07070", CPIO_MAGIC_LEN - 1))
			break;
	} while (!(pos & 3));
	*used = pos;
	return 0;
}

/**
 * cpio_for_each - call @fn on each entry of the newc archives in @buf
 * @buf: one or more archives, back to back, any alignment
 * @len: bytes in @buf
 * @fn: called with each entry other than the trailers, in archive order;
 *	a non-zero return stops the walk
 * @arg: passed to @fn
 *
 * The entry, with its name and data pointing into @buf, is valid only
 * during the call. Reads nothing outside [@buf, @buf + @len); does not
 * allocate, create files or link hard links (entries report their inode
 * number so that a later unpacker can). @fn may already have run for
 * the entries before a malformed one.
 *
 * Return: 0 when every archive ended with its trailer and only NUL
 * padding followed the last; what @fn returned if it stopped the walk;
 * -EINVAL for a malformed archive: a bad magic or a field that is not 8
 * hex digits, a truncated header, a name that is empty, not NUL-terminated
 * at namesize - 1, absolute or with a ".." component, a name or data
 * running past @len, an unknown file type, a 070702 checksum mismatch,
 * a missing trailer, or bytes other than NUL after one that do not start
 * another archive at a multiple of 4.
 */
int cpio_for_each(const void *buf, size_t len, cpio_actor_t fn, void *arg)
{
	size_t used;
	int ret;

	ret = cpio_walk_archives(buf, len, fn, arg, &used);
	if (!ret && used != len)
		return -EINVAL;
	return ret;
}
