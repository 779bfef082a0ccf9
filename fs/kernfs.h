/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernfs: the in-memory tree under sysfs and debugfs (fs/ internal).
 * Directories, files with show/store callbacks, and symlinks to nodes.
 */
#ifndef _FS_KERNFS_H
#define _FS_KERNFS_H

#include <linux/atomic.h>
#include <linux/types.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/sysfs.h>

struct kernfs_node;

/* How a file's bytes are made and taken; both may be NULL. */
struct kernfs_ops {
	/* Fill @buf (PAGE_SIZE bytes): Return: bytes or -errno. */
	ssize_t (*show)(struct kernfs_node *kn, char *buf);
	/* @buf is NUL-terminated: Return: bytes consumed or -errno. */
	ssize_t (*store)(struct kernfs_node *kn, const char *buf, size_t len);
};

/**
 * struct kernfs_node - one directory, file or symlink
 *
 * Tree fields (@parent's @children list, @sibling, @removed) change under
 * kernfs_rwsem held for writing. @count keeps the memory (the tree, each
 * child, each symlink to it and each open file hold one); @active counts
 * show/store calls in flight, which kernfs_remove() waits out.
 */
struct kernfs_node {
	char *name;
	unsigned int type;		/* VFS_DT_DIR, VFS_DT_REG, VFS_DT_LNK */
	umode_t mode;
	struct kernfs_node *parent;
	struct list_head sibling;	/* on parent->children, by name */
	struct list_head children;	/* directories only */
	atomic_t count;
	atomic_t active;
	bool removed;
	const struct kernfs_ops *ops;	/* files */
	struct kernfs_node *target;	/* symlinks */
	void *priv;			/* the attribute, or debugfs data */
	void *owner;			/* the kobject a sysfs node belongs to */
#ifdef CONFIG_PROVE_LOCKING
	struct lockdep_map dep_map;	/* files: @active as a lock */
#endif
};

extern struct kernfs_node *sysfs_root_kn;
/* fs/debugfs.c: /sys/kernel/debug's node, or NULL before it exists */
struct kernfs_node *debugfs_root_kn(void);

struct kernfs_node *kernfs_create_dir(struct kernfs_node *parent,
				      const char *name, umode_t mode,
				      void *owner);
struct kernfs_node *kernfs_create_file(struct kernfs_node *parent,
				       const char *name, umode_t mode,
				       const struct kernfs_ops *ops,
				       void *priv, void *owner);
struct kernfs_node *kernfs_create_link(struct kernfs_node *dir,
				       const char *name,
				       struct kernfs_node *target);
void kernfs_remove(struct kernfs_node *node);
int kernfs_remove_by_name(struct kernfs_node *parent, const char *name);
struct kernfs_node *kernfs_find_and_get(struct kernfs_node *parent,
					const char *name);
struct kernfs_node *kernfs_walk_and_get(const char *path, bool follow);
void kernfs_get(struct kernfs_node *node);
void kernfs_put(struct kernfs_node *node);
bool kernfs_get_active(struct kernfs_node *kn);
void kernfs_put_active(struct kernfs_node *kn);
int kernfs_iterate(struct kernfs_node *dir, vfs_filldir_t fill, void *ctx);
int kernfs_link_path(struct kernfs_node *link, char *buf, size_t size);

#endif /* _FS_KERNFS_H */
