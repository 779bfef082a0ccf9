/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysfs: kernel objects as directories under /sys, their attributes as
 * files with show/store callbacks, symlinks between them; and the VFS-like
 * entry points (vfs_open/vfs_read/vfs_write...) that reach every file.
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/err.h>


#ifndef __stringify
#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)
#endif

struct kobject;

/**
 * struct attribute - a file in a kobject's directory
 * @name: the file name
 * @mode: permission bits (0444 read-only, 0644 read-write, 0200 write-only)
 */
struct attribute {
	const char *name;
	umode_t mode;
};

/**
 * struct attribute_group - attributes created and removed together
 * @name: a subdirectory to put them in, or NULL for the kobject's own
 * @is_visible: optional: the mode to use for attribute @n, 0 to skip it
 * @attrs: NULL-terminated array
 */
struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *obj, struct attribute *attr,
			      int n);
	struct attribute **attrs;
};

/*
 * How a kobject type turns an attribute into text and back. show fills a
 * PAGE_SIZE buffer; store gets a NUL-terminated copy of what was written.
 * Both return a byte count or -errno; a negative store return is what
 * write(2) returns to the writer.
 */
struct sysfs_ops {
	ssize_t (*show)(struct kobject *obj, struct attribute *attr,
			char *buf);
	ssize_t (*store)(struct kobject *obj, struct attribute *attr,
			 const char *buf, size_t count);
};

/*
 * Initialiser of a struct whose first members are a struct attribute
 * named attr, then show and store (struct kobj_attribute and friends).
 * The file is called after the C token @fname; __ATTR_RO() and friends
 * take the callbacks from <fname>_show and <fname>_store.
 */
#define __ATTR(fname, fmode, show_fn, store_fn) {			\
	.store = (store_fn),						\
	.show = (show_fn),						\
	.attr.mode = (fmode),						\
	.attr.name = __stringify(fname),				\
}
#define __ATTR_RO(fname)	__ATTR(fname, 0444, fname##_show, NULL)
#define __ATTR_RW(fname)	__ATTR(fname, 0644, fname##_show, fname##_store)
#define __ATTR_WO(fname)	__ATTR(fname, 0200, NULL, fname##_store)
#define __ATTR_NULL		{ .attr.name = NULL }

/* Used by the kobject core; drivers use kobject_add() instead. */
int sysfs_create_dir(struct kobject *obj);
void sysfs_remove_dir(struct kobject *obj);

int sysfs_create_file(struct kobject *obj, const struct attribute *attr);
void sysfs_remove_file(struct kobject *obj, const struct attribute *attr);
int sysfs_create_files(struct kobject *obj, const struct attribute * const *attrs);
void sysfs_remove_files(struct kobject *obj, const struct attribute * const *attrs);
int sysfs_create_group(struct kobject *obj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *obj, const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *obj, const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *obj, const struct attribute_group **groups);
int sysfs_create_link(struct kobject *obj, struct kobject *target,
		      const char *name);
void sysfs_remove_link(struct kobject *obj, const char *name);

int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);
int sysfs_emit_at(char *buf, int at, const char *fmt, ...) __printf(3, 4);
bool sysfs_streq(const char *a, const char *b);

/* ---- VFS-like entry points (fs/read_write.c) ---- */

#include <linux/fcntl.h>

/* d_type values, with Linux's values */
#define VFS_DT_DIR	4
#define VFS_DT_REG	8
#define VFS_DT_LNK	10

/* An open file: a reference to a node and the position in it. */
struct vfs_file {
	struct kernfs_node *kn;
	unsigned int flags;
	loff_t pos;
};

/* What stat tells: the type (VFS_DT_*) and the permission bits. */
struct vfs_stat {
	unsigned int type;
	umode_t mode;
};

/* Called once per directory entry; a non-zero return stops the walk. */
typedef int (*vfs_filldir_t)(void *ctx, const char *name, unsigned int type);

int vfs_open(const char *path, unsigned int flags, struct vfs_file **filp);
ssize_t vfs_read(struct vfs_file *file, char *buf, size_t size);
ssize_t vfs_write(struct vfs_file *file, const char *buf, size_t len);
void vfs_close(struct vfs_file *file);
ssize_t vfs_read_path(const char *path, char *buf, size_t size);
ssize_t vfs_write_path(const char *path, const char *buf, size_t len);
int vfs_readdir_path(const char *path, vfs_filldir_t fill, void *ctx);
int vfs_stat_path(const char *path, bool follow, struct vfs_stat *st);
int vfs_readlink_path(const char *path, char *buf, size_t size);

#endif /* _LINUX_SYSFS_H */
