// SPDX-License-Identifier: GPL-2.0
/*
 * kernfs: the tree of nodes that /sys (and /sys/kernel/debug) is made of.
 * Nodes are added and removed at run time; removal waits for the show and
 * store calls in flight on the nodes it takes away.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/rwsem.h>
#include <linux/wait.h>
#include "kernfs.h"

/**
 * DOC: kernfs locking
 *
 * kernfs_rwsem protects the shape of the tree: every node's @children,
 * @sibling, @parent and @removed. Lookups and directory walks hold it for
 * reading, additions and removals for writing. It is never held across a
 * show or store call: those run under an active reference instead
 * (kernfs_get_active()), so a store may add or remove other nodes. A store
 * must not remove its own node (removal would wait for itself).
 *
 * For the lock validator an active reference on a file is a read lock of
 * the file's class (kn->dep_map) and the wait in removal is the write
 * lock: a show that takes lock L and a removal under L form a cycle. The
 * class is the attribute's (the @priv of kernfs_create_file()) when that
 * is a static object, so that a store may remove files of other
 * attributes; else one class, "kn->active", for all.
 */
static DECLARE_RWSEM(kernfs_rwsem);
static DECLARE_WAIT_QUEUE_HEAD(kernfs_drain_wq);
static struct lock_class_key kernfs_active_key;

#define KERNFS_NAME_MAX	255

/* "/" holds "sys"; both exist before any initcall runs. */
static struct kernfs_node kernfs_sys_node;
static struct kernfs_node kernfs_root_node = {
	.name = "",
	.type = VFS_DT_DIR,
	.mode = 0755,
	.parent = NULL,
	.sibling = LIST_HEAD_INIT(kernfs_root_node.sibling),
	.children = { &kernfs_sys_node.sibling, &kernfs_sys_node.sibling },
	.count = ATOMIC_INIT(1),
};
static struct kernfs_node kernfs_sys_node = {
	.name = "sys",
	.type = VFS_DT_DIR,
	.mode = 0755,
	.parent = &kernfs_root_node,
	.sibling = { &kernfs_root_node.children, &kernfs_root_node.children },
	.children = LIST_HEAD_INIT(kernfs_sys_node.children),
	.count = ATOMIC_INIT(2),
};

struct kernfs_node *sysfs_root_kn = &kernfs_sys_node;

/**
 * kernfs_get - take a reference that keeps @kn's memory
 * @kn: node, or NULL
 */
void kernfs_get(struct kernfs_node *kn)
{
	if (kn)
		atomic_inc(&kn->count);
}

/**
 * kernfs_put - drop a reference; the last one frees the node
 * @kn: node, or NULL
 *
 * Freeing drops the references the node held on its parent and, for a
 * symlink, on its target. The static root nodes are never freed.
 */
void kernfs_put(struct kernfs_node *kn)
{
	while (kn && atomic_dec_and_test(&kn->count)) {
		struct kernfs_node *parent = kn->parent;

		if (WARN_ON_ONCE(kn == &kernfs_root_node ||
				 kn == &kernfs_sys_node))
			return;
		WARN_ON_ONCE(!kn->removed);
		kernfs_put(kn->target);
		kfree(kn->name);
		kfree(kn);
		kn = parent;
	}
}

/**
 * kernfs_get_active - start a show/store call on @kn
 * @kn: node
 *
 * Return: true if @kn is still in the tree; then kernfs_put_active() must
 * follow, and kernfs_remove() waits for it.
 */
bool kernfs_get_active(struct kernfs_node *kn)
{
	bool ok;

	down_read(&kernfs_rwsem);
	ok = !kn->removed;
	if (ok)
		atomic_inc(&kn->active);	/* kernfs_rwsem orders it with removal */
	up_read(&kernfs_rwsem);
	if (ok && kn->type == VFS_DT_REG)
		lock_acquire(lockdep_map_of(kn), LOCKDEP_READ_RECURSIVE, false,
			     _RET_IP_);
	return ok;
}

/**
 * kernfs_put_active - end a call started by kernfs_get_active()
 * @kn: node
 */
void kernfs_put_active(struct kernfs_node *kn)
{
	if (kn->type == VFS_DT_REG)
		lock_release(lockdep_map_of(kn), _RET_IP_);
	/* Fully ordered: the drop is seen before removed is looked at. */
	if (atomic_dec_and_test(&kn->active) && READ_ONCE(kn->removed))
		wake_up_all(&kernfs_drain_wq);
}

static bool kernfs_name_ok(const char *name)
{
	size_t len = strnlen(name, KERNFS_NAME_MAX + 1);

	return len && len <= KERNFS_NAME_MAX && !strchr(name, '/') &&
	       strcmp(name, ".") && strcmp(name, "..");
}

static struct kernfs_node *__kernfs_find(struct kernfs_node *parent,
					 const char *name, size_t len)
{
	struct kernfs_node *kn;

	list_for_each_entry(kn, &parent->children, sibling) {
		if (!strncmp(kn->name, name, len) && !kn->name[len])
			return kn;
	}
	return NULL;
}

/*
 * A node of @type, not yet in any directory: its caller fills in what the
 * type needs, then kernfs_add() makes it visible, so that nobody ever
 * finds a node half set up. Return: the node, or ERR_PTR(-EINVAL/-ENOMEM).
 */
static struct kernfs_node *kernfs_new(const char *name, unsigned int type,
				      umode_t mode)
{
	struct kernfs_node *kn;
	size_t len;

	if (!name || !kernfs_name_ok(name))
		return ERR_PTR(-EINVAL);
	kn = kzalloc(sizeof(*kn), GFP_KERNEL);
	if (!kn)
		return ERR_PTR(-ENOMEM);
	len = strlen(name);
	kn->name = kmalloc(len + 1, GFP_KERNEL);
	if (!kn->name) {
		kfree(kn);
		return ERR_PTR(-ENOMEM);
	}
	memcpy(kn->name, name, len + 1);
	kn->type = type;
	kn->mode = mode;
	atomic_set(&kn->count, 1);
	INIT_LIST_HEAD(&kn->children);
	return kn;
}

/* Frees a node kernfs_add() refused, with the reference it held on a target. */
static void kernfs_free_unlinked(struct kernfs_node *kn)
{
	kernfs_put(kn->target);
	kfree(kn->name);
	kfree(kn);
}

/*
 * Links @kn, set up in full, under @parent in name order. Return: @kn, or
 * ERR_PTR(-EINVAL/-EEXIST/-ENOENT if @parent is gone), @kn freed.
 */
static struct kernfs_node *kernfs_add(struct kernfs_node *parent,
				      struct kernfs_node *kn)
{
	struct kernfs_node *pos;
	int err = 0;

	if (!parent || parent->type != VFS_DT_DIR)
		err = -EINVAL;
	down_write(&kernfs_rwsem);
	if (!err && parent->removed)
		err = -ENOENT;
	else if (!err && __kernfs_find(parent, kn->name, strlen(kn->name)))
		err = -EEXIST;
	if (err) {
		up_write(&kernfs_rwsem);
		kernfs_free_unlinked(kn);
		return ERR_PTR(err);
	}
	list_for_each_entry(pos, &parent->children, sibling) {
		if (strcmp(pos->name, kn->name) > 0)
			break;
	}
	list_add_tail(&kn->sibling, &pos->sibling);
	kernfs_get(parent);
	kn->parent = parent;
	up_write(&kernfs_rwsem);
	return kn;
}

/**
 * kernfs_create_dir - add a directory
 * @parent: directory to add it to
 * @name: its name (no '/', not "." or "..", at most 255 bytes)
 * @mode: permission bits
 * @owner: the kobject it stands for, or NULL
 *
 * Return: the node, or ERR_PTR(-EEXIST) if @parent has an entry named
 * @name, -EINVAL for a bad name, -ENOENT if @parent was removed, -ENOMEM.
 */
struct kernfs_node *kernfs_create_dir(struct kernfs_node *parent,
				      const char *name, umode_t mode,
				      void *owner)
{
	struct kernfs_node *kn = kernfs_new(name, VFS_DT_DIR, mode);

	if (IS_ERR(kn))
		return kn;
	kn->owner = owner;
	return kernfs_add(parent, kn);
}

/* Names the lock class of @kn's active references (see DOC above). */
static void kernfs_active_init(struct kernfs_node *kn, const char *name,
			       void *priv)
{
	struct lock_class_key *key = &kernfs_active_key;

	if (lockdep_static_obj(priv) && lockdep_static_obj(name))
		key = priv;
	else
		name = "kn->active";
	lockdep_init_map(lockdep_map_of(kn), name, key, LD_WAIT_SLEEP);
}

/**
 * kernfs_create_file - add a file whose bytes come from @ops
 * @parent: directory to add it to
 * @name: its name
 * @mode: permission bits; a read (write) needs a read (write) bit and a
 *        show (store) callback, or it fails with -EACCES
 * @ops: show and store
 * @priv: kept in the node for @ops
 * @owner: kept in the node for @ops
 *
 * The caller keeps @ops, @priv and @owner alive until the node is removed.
 * Return: as kernfs_create_dir().
 */
struct kernfs_node *kernfs_create_file(struct kernfs_node *parent,
				       const char *name, umode_t mode,
				       const struct kernfs_ops *ops,
				       void *priv, void *owner)
{
	struct kernfs_node *kn;

	kn = kernfs_new(name, VFS_DT_REG, mode);
	if (IS_ERR(kn))
		return kn;
	kernfs_active_init(kn, name, priv);
	kn->ops = ops;
	kn->priv = priv;
	kn->owner = owner;
	return kernfs_add(parent, kn);
}

/**
 * kernfs_create_link - add a symlink to @target
 * @dir: directory to add it to
 * @name: its name
 * @target: the node it points to; the link holds a reference on it, and a
 *          lookup through it fails with -ENOENT once @target is removed
 *
 * Return: as kernfs_create_dir().
 */
struct kernfs_node *kernfs_create_link(struct kernfs_node *dir,
				       const char *name,
				       struct kernfs_node *target)
{
	struct kernfs_node *kn;

	if (!target || target->type == VFS_DT_LNK)
		return ERR_PTR(-EINVAL);
	kn = kernfs_new(name, VFS_DT_LNK, 0777);
	if (IS_ERR(kn))
		return kn;
	kernfs_get(target);
	kn->target = target;
	return kernfs_add(dir, kn);
}

/* Marks @kn's subtree removed, deepest first; the caller holds the lock. */
static void __kernfs_deactivate(struct kernfs_node *kn)
{
	struct kernfs_node *child;

	list_for_each_entry(child, &kn->children, sibling)
		__kernfs_deactivate(child);
	smp_store_mb(kn->removed, true);
}

/* Waits out @kn's subtree's calls, unlinks it and drops the tree's refs. */
static void kernfs_drain_and_put(struct kernfs_node *kn)
{
	struct kernfs_node *child, *next;

	list_for_each_entry_safe(child, next, &kn->children, sibling)
		kernfs_drain_and_put(child);
	if (kn->type == VFS_DT_REG) {
		/* Waiting for readers to leave: a write lock, for lockdep. */
		lock_acquire(lockdep_map_of(kn), LOCKDEP_WRITE, false, _RET_IP_);
		lock_release(lockdep_map_of(kn), _RET_IP_);
	}
	wait_event(kernfs_drain_wq,
		   !atomic_read(&kn->active));
	down_write(&kernfs_rwsem);
	list_del_init(&kn->sibling);
	up_write(&kernfs_rwsem);
	kernfs_put(kn);
}

/**
 * kernfs_remove - remove @kn and everything below it
 * @kn: node, or NULL/ERR_PTR (nothing happens)
 *
 * From the moment this is called no lookup finds the subtree and no new
 * show or store starts on it; the call returns once those in flight have
 * returned. Open files and symlinks keep the memory of their nodes but see
 * them as gone. Task context; not from a store on a node being removed.
 */
void kernfs_remove(struct kernfs_node *kn)
{
	if (IS_ERR_OR_NULL(kn))
		return;
	if (WARN_ON_ONCE(kn == &kernfs_root_node || kn == &kernfs_sys_node))
		return;
	down_write(&kernfs_rwsem);
	if (kn->removed) {
		up_write(&kernfs_rwsem);
		return;
	}
	__kernfs_deactivate(kn);
	up_write(&kernfs_rwsem);
	kernfs_drain_and_put(kn);
}

/**
 * kernfs_remove_by_name - remove the entry @name of @parent (and below)
 * @parent: directory
 * @name: entry
 *
 * Return: 0, or -ENOENT if there is no such entry.
 */
int kernfs_remove_by_name(struct kernfs_node *parent, const char *name)
{
	struct kernfs_node *kn = kernfs_find_and_get(parent, name);

	if (!kn)
		return -ENOENT;
	kernfs_remove(kn);
	kernfs_put(kn);
	return 0;
}

/**
 * kernfs_find_and_get - look up one entry of a directory
 * @parent: directory
 * @name: entry name
 *
 * Return: the node with a reference (kernfs_put() it), or NULL.
 */
struct kernfs_node *kernfs_find_and_get(struct kernfs_node *parent,
					const char *name)
{
	struct kernfs_node *kn;

	if (!parent || !name)
		return NULL;
	down_read(&kernfs_rwsem);
	kn = parent->removed ? NULL : __kernfs_find(parent, name, strlen(name));
	kernfs_get(kn);
	up_read(&kernfs_rwsem);
	return kn;
}

/* Resolves a symlink under the lock: its target, or NULL if removed. */
static struct kernfs_node *__kernfs_follow(struct kernfs_node *kn)
{
	if (kn->type != VFS_DT_LNK)
		return kn;
	return kn->target->removed ? NULL : kn->target;
}

/**
 * kernfs_walk_and_get - resolve an absolute path
 * @path: "/sys/..."; "." and ".." components and repeated '/' are allowed
 * @follow: resolve a symlink in the last component too
 *
 * Symlinks in the middle of @path are always followed; ".." after one
 * goes to the target's parent, as in a real path walk.
 *
 * Return: the node with a reference, or ERR_PTR(-ENOENT) (missing entry,
 * relative path), -ENOTDIR (a file used as a directory), -ENAMETOOLONG.
 */
struct kernfs_node *kernfs_walk_and_get(const char *path, bool follow)
{
	struct kernfs_node *kn = &kernfs_root_node, *next;
	const char *p = path, *end;
	size_t len;

	if (!path || path[0] != '/')
		return ERR_PTR(-ENOENT);
	down_read(&kernfs_rwsem);
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		end = strchr(p, '/');
		len = end ? (size_t)(end - p) : strlen(p);
		if (len > KERNFS_NAME_MAX) {
			kn = ERR_PTR(-ENAMETOOLONG);
			break;
		}
		if (kn->type != VFS_DT_DIR) {
			kn = ERR_PTR(-ENOTDIR);
			break;
		}
		if (len == 1 && p[0] == '.') {
			next = kn;
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			next = kn->parent ? kn->parent : kn;
		} else {
			next = __kernfs_find(kn, p, len);
			if (next && (end || follow))
				next = __kernfs_follow(next);
		}
		if (!next || next->removed) {
			kn = ERR_PTR(-ENOENT);
			break;
		}
		kn = next;
		p += len;
	}
	if (!IS_ERR(kn)) {
		/* "dir/" names a directory: a file there is -ENOTDIR */
		if (p > path && p[-1] == '/' && kn->type == VFS_DT_REG &&
		    kn != &kernfs_root_node)
			kn = ERR_PTR(-ENOTDIR);
		else
			kernfs_get(kn);
	}
	up_read(&kernfs_rwsem);
	return kn;
}

/**
 * kernfs_iterate - call @fill for each entry of directory @dir, by name
 * @dir: directory
 * @fill: callback; runs under kernfs_rwsem, so it must not add or remove
 *        nodes; a non-zero return stops the walk
 * @ctx: passed to @fill
 *
 * Return: 0, -ENOTDIR if @dir is not a directory, -ENOENT if it was
 * removed, or what @fill returned to stop.
 */
int kernfs_iterate(struct kernfs_node *dir, vfs_filldir_t fill, void *ctx)
{
	struct kernfs_node *kn;
	int ret = 0;

	if (dir->type != VFS_DT_DIR)
		return -ENOTDIR;
	down_read(&kernfs_rwsem);
	if (dir->removed)
		ret = -ENOENT;
	else
		list_for_each_entry(kn, &dir->children, sibling) {
			ret = fill(ctx, kn->name, kn->type);
			if (ret)
				break;
		}
	up_read(&kernfs_rwsem);
	return ret;
}

static unsigned int kernfs_depth(struct kernfs_node *kn)
{
	unsigned int depth = 0;

	for (; kn->parent; kn = kn->parent)
		depth++;
	return depth;
}

/* Appends "/"-separated names from @top (exclusive) down to @kn. */
static int kernfs_path_down(struct kernfs_node *top, struct kernfs_node *kn,
			    char *buf, size_t size, size_t *pos)
{
	int ret;

	if (kn == top)
		return 0;
	ret = kernfs_path_down(top, kn->parent, buf, size, pos);
	if (ret)
		return ret;
	ret = snprintf(buf + *pos, size - *pos, "%s%s",
		       kn->parent == top ? "" : "/", kn->name);
	if (ret >= (int)(size - *pos))
		return -ENAMETOOLONG;
	*pos += ret;
	return 0;
}

/**
 * kernfs_link_path - the text of a symlink, relative to its directory
 * @link: symlink node
 * @buf: where to put it, NUL-terminated
 * @size: size of @buf
 *
 * The text climbs with "../" to the deepest common ancestor and goes down
 * to the target, e.g. "../../devices/system/memory/memory0".
 *
 * Return: its length, -EINVAL if @link is not a symlink, -ENOENT if the
 * link or its target was removed, -ENAMETOOLONG if @buf is too small.
 */
int kernfs_link_path(struct kernfs_node *link, char *buf, size_t size)
{
	struct kernfs_node *a, *b;
	unsigned int da, db;
	size_t pos = 0;
	int ret = 0;

	if (link->type != VFS_DT_LNK)
		return -EINVAL;
	if (!size)
		return -ENAMETOOLONG;
	down_read(&kernfs_rwsem);
	if (link->removed || link->target->removed) {
		ret = -ENOENT;
		goto out;
	}
	a = link->parent;
	b = link->target;
	da = kernfs_depth(a);
	db = kernfs_depth(b);
	while (da > db) {
		a = a->parent;
		da--;
	}
	while (db > da) {
		b = b->parent;
		db--;
	}
	while (a != b) {
		a = a->parent;
		b = b->parent;
	}
	buf[0] = '\0';
	for (a = link->parent; a != b; a = a->parent) {
		if (pos + 3 >= size) {
			ret = -ENAMETOOLONG;
			goto out;
		}
		memcpy(buf + pos, "../", 4);
		pos += 3;
	}
	ret = kernfs_path_down(b, link->target, buf, size, &pos);
	if (!ret)
		ret = pos;
out:
	up_read(&kernfs_rwsem);
	return ret;
}
