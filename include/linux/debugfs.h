/* SPDX-License-Identifier: GPL-2.0 */
/*
 * debugfs: files for debugging and testing under /sys/kernel/debug, made
 * with show/store callbacks (fs/debugfs.c). No ABI promise.
 */
#ifndef _LINUX_DEBUGFS_H
#define _LINUX_DEBUGFS_H

#include <linux/types.h>
#include <linux/sysfs.h>

/* A debugfs entry; opaque (it is the entry's kernfs node). */
struct dentry;

/*
 * A debugfs file's callbacks, given the @data of debugfs_create_file().
 * show fills a PAGE_SIZE buffer; store gets a NUL-terminated copy. Both
 * return a byte count or -errno (the errno the writer gets).
 */
struct debugfs_file_ops {
	ssize_t (*show)(void *data, char *buf);
	ssize_t (*store)(void *data, const char *buf, size_t len);
};

struct dentry *debugfs_create_dir(const char *fname, struct dentry *dir);
struct dentry *debugfs_create_file(const char *fname, umode_t mode,
				   struct dentry *dir, void *data,
				   const struct debugfs_file_ops *ops);
struct dentry *debugfs_lookup(const char *fname, struct dentry *dir);
void debugfs_remove(struct dentry *entry);
void debugfs_lookup_put(struct dentry *entry);
void debugfs_lookup_and_remove(const char *fname, struct dentry *dir);
void debugfs_create_u32(const char *fname, umode_t mode, struct dentry *dir,
			u32 *value);
void debugfs_create_u64(const char *fname, umode_t mode, struct dentry *dir,
			u64 *value);
void debugfs_create_bool(const char *fname, umode_t mode,
			 struct dentry *dir, bool *value);
void debugfs_create_errno(const char *fname, umode_t mode,
			  struct dentry *dir, int *value);
bool debugfs_initialized(void);

#endif /* _LINUX_DEBUGFS_H */
