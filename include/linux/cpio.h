/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "newc" cpio format (magic 070701, and 070702 with a checksum) that
 * initramfs images use, and an iterator over the entries of one in memory.
 */
#ifndef _LINUX_CPIO_H
#define _LINUX_CPIO_H

#include <linux/types.h>

/* A header: 6 bytes of magic, then 13 fields of 8 hex digits each. */
#define CPIO_MAGIC_LEN		6
#define CPIO_FIELD_LEN		8
#define CPIO_NR_FIELDS		13
#define CPIO_HDR_LEN		(CPIO_MAGIC_LEN + CPIO_NR_FIELDS * CPIO_FIELD_LEN)
#define CPIO_TRAILER		"TRAILER!!!"

/**
 * struct cpio_entry - one member of an archive, as cpio_for_each() saw it
 * @name: NUL-terminated, inside the archive, relative to the root the
 *	archive is unpacked into: leading "./" removed, never empty, never
 *	absolute, no ".." component; "." for the root itself
 * @namelen: strlen(@name)
 * @data: the file's contents or the symlink's target (not NUL-terminated),
 *	inside the archive; @size bytes
 * @size: the header's filesize
 * @ino: the inode number; entries of one hard-linked file share it, the
 *	last of them carries the data
 * @mode: file type (S_IFREG, S_IFDIR, S_IFLNK, S_IFCHR, S_IFBLK, S_IFIFO,
 *	S_IFSOCK) and permission bits
 * @uid: owner
 * @gid: group
 * @nlink: link count
 * @mtime: modification time, seconds since the epoch
 * @rdev_major: for a device node, its device number's major half
 * @rdev_minor: and its minor half
 */
struct cpio_entry {
	const char *name;
	size_t namelen;
	const void *data;
	size_t size;
	u32 ino;
	u32 mode;
	u32 uid;
	u32 gid;
	u32 nlink;
	u32 mtime;
	u32 rdev_major;
	u32 rdev_minor;
};

typedef int (*cpio_actor_t)(const struct cpio_entry *e, void *arg);

int cpio_for_each(const void *buf, size_t len, cpio_actor_t fn, void *arg);
int cpio_walk_archives(const void *buf, size_t len, cpio_actor_t fn,
		       void *arg, size_t *used);

#endif /* _LINUX_CPIO_H */
