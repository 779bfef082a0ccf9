// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: the dentry cache
 *
 * Every name the VFS has seen is a dentry on its parent's d_subdirs
 * list; a directory's children are found by walking that list. Each
 * dentry holds a reference to its parent and, when positive, to its
 * inode. An unused positive dentry (d_count 0) stays cached: for tmpfs
 * the cache is the directory. A dentry is freed when its count drops to
 * 0 and it is negative, unhashed (unlinked, d_delete()) or its
 * d_delete operation says so, and when its super block dies.
 *
 * Negative dentries exist only while a lookup or a create holds one:
 * d_lookup() never returns them, so every cached name is a real file.
 *
 * All list, name, parent and inode changes happen under dcache_lock, a
 * spinlock; d_count goes up from 0 only under it (d_lookup()), and the
 * decision to free at 0 is taken under it too.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

DEFINE_SPINLOCK(dcache_lock);

/**
 * d_type_of - the getdents64 d_type of a mode
 * @mode: an inode mode
 *
 * Return: DT_REG, DT_DIR, ... or DT_UNKNOWN.
 */
unsigned int d_type_of(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* Point @d at a copy of @name: inline when short. */
static int d_set_name(struct dentry *d, const struct qstr *name)
{
	char *s = d->d_iname;

	if (name->len >= sizeof(d->d_iname)) {
		s = kmalloc(name->len + 1, GFP_KERNEL);
		if (!s)
			return -ENOMEM;
	}
	memcpy(s, name->name, name->len);
	s[name->len] = '\0';
	d->d_name.name = s;
	d->d_name.len = name->len;
	return 0;
}

static void d_free_name(const char *name, struct dentry *d)
{
	if (name != d->d_iname)
		kfree(name);
}

static struct dentry *__d_alloc(struct super_block *sblk,
				const struct qstr *name)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	if (d_set_name(d, name)) {
		kfree(d);
		return NULL;
	}
	atomic_set(&d->d_count, 1);
	spin_lock_init(&d->d_lock);
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	d->d_sb = sblk;
	d->d_op = sblk->s_d_op;
	d->d_parent = d;
	return d;
}

/**
 * d_alloc - a new negative dentry @name under @parent
 * @parent: the directory's dentry (gets a reference from the child)
 * @name: the name (copied)
 *
 * The dentry is on @parent's list at once, with one reference. The
 * caller holds vfs_dir_mutex, so no second dentry of the name appears.
 *
 * Return: the dentry, or NULL without memory.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d = __d_alloc(parent->d_sb, name);

	if (!d)
		return NULL;
	dget(parent);
	spin_lock(&dcache_lock);
	d->d_parent = parent;
	list_add_tail(&d->d_child, &parent->d_subdirs);
	spin_unlock(&dcache_lock);
	return d;
}

/**
 * d_alloc_name - d_alloc() with a C string
 * @dir: the directory's dentry
 * @str: the name
 *
 * Return: the dentry, or NULL without memory.
 */
struct dentry *d_alloc_name(struct dentry *dir, const char *str)
{
	struct qstr q = { .name = str, .len = strlen(str) };

	return d_alloc(dir, &q);
}

/**
 * d_make_root - the root dentry of a new super block
 * @root: the root inode (its reference passes to the dentry), or NULL
 *
 * Return: the dentry ("/", its own parent), or NULL if @root was NULL
 * or memory ran out (then @root was iput()).
 */
struct dentry *d_make_root(struct inode *root)
{
	static const struct qstr slash = { .name = "/", .len = 1 };
	struct dentry *d;

	if (!root)
		return NULL;
	d = __d_alloc(root->i_sb, &slash);
	if (!d) {
		iput(root);
		return NULL;
	}
	d->d_inode = root;
	return d;
}

/**
 * d_instantiate - give a negative dentry its inode
 * @de: negative
 * @ip: the inode; the caller's reference passes to @de
 */
void d_instantiate(struct dentry *de, struct inode *ip)
{
	spin_lock(&dcache_lock);
	WARN_ON_ONCE(de->d_inode);
	de->d_inode = ip;
	spin_unlock(&dcache_lock);
}

/**
 * d_add - the answer of a lookup: @ip for @de, or NULL (negative)
 * @de: the dentry the lookup was given
 * @ip: the inode found (the caller's reference passes), or NULL
 */
void d_add(struct dentry *de, struct inode *ip)
{
	if (ip)
		d_instantiate(de, ip);
}

/**
 * dget - another reference to a dentry the caller holds or found
 * @de: the dentry, or NULL
 *
 * Return: @de.
 */
struct dentry *dget(struct dentry *de)
{
	if (de)
		atomic_inc(&de->d_count);
	return de;
}

/* Must an unused @d go? Called under dcache_lock. */
static bool d_should_free(struct dentry *d)
{
	if (d->d_parent == d)
		return false;	/* a root goes with its super block */
	if (!d->d_inode || (d->d_flags & DCACHE_UNHASHED))
		return true;
	return d->d_op && d->d_op->d_delete && d->d_op->d_delete(d);
}

static void d_free(struct dentry *d)
{
	iput(d->d_inode);
	d_free_name(d->d_name.name, d);
	kfree(d);
}

/**
 * dput - drop a reference to a dentry
 * @de: the dentry, or NULL
 *
 * At 0 a dentry that must not stay cached is freed, and the reference
 * it held on its parent dropped in turn. May sleep (iput()).
 */
void dput(struct dentry *de)
{
	while (de) {
		struct dentry *parent;

		spin_lock(&dcache_lock);
		if (!atomic_dec_and_test(&de->d_count) ||
		    !d_should_free(de)) {
			spin_unlock(&dcache_lock);
			return;
		}
		if (!(de->d_flags & DCACHE_UNHASHED))
			list_del_init(&de->d_child);
		de->d_flags |= DCACHE_UNHASHED;
		parent = de->d_parent;
		spin_unlock(&dcache_lock);
		d_free(de);
		de = parent;
	}
}

/**
 * d_lookup - the cached positive child @name of @parent
 * @parent: a directory's dentry
 * @name: the name
 *
 * Return: the dentry with a new reference, or NULL.
 */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d, *found = NULL;

	spin_lock(&dcache_lock);
	list_for_each_entry(d, &parent->d_subdirs, d_child) {
		if (d->d_inode && d->d_name.len == name->len &&
		    !memcmp(d->d_name.name, name->name, name->len)) {
			found = dget(d);
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

/* Take @d off its parent's list: no lookup finds it again. */
static void d_unhash(struct dentry *d)
{
	spin_lock(&dcache_lock);
	if (!(d->d_flags & DCACHE_UNHASHED)) {
		list_del_init(&d->d_child);
		d->d_flags |= DCACHE_UNHASHED;
	}
	spin_unlock(&dcache_lock);
}

/**
 * d_delete - the name @de is gone (unlink, rmdir)
 * @de: the dentry; the caller still holds its reference
 *
 * The dentry leaves its directory at once; open files keep using it (and
 * d_path() says " (deleted)") until their last reference frees it.
 */
void d_delete(struct dentry *de)
{
	d_unhash(de);
}

/**
 * d_invalidate - a cached dentry turned out stale (d_revalidate said so)
 * @de: the dentry
 */
void d_invalidate(struct dentry *de)
{
	d_unhash(de);
}

/**
 * d_move - rename: @de takes @target's name and place
 * @de: the dentry renamed
 * @target: the dentry of the new name (negative or replaced); it leaves
 * the tree
 *
 * Caller holds vfs_dir_mutex.
 */
void d_move(struct dentry *de, struct dentry *target)
{
	struct dentry *old_parent, *new_parent = target->d_parent;
	unsigned int len = target->d_name.len;
	char *long_name = NULL;
	const char *old_name;

	/* The new name first, so that nothing can fail under the lock. */
	if (len >= sizeof(de->d_iname)) {
		long_name = kmalloc(len + 1, GFP_KERNEL);
		if (WARN_ON_ONCE(!long_name))
			return;
		memcpy(long_name, target->d_name.name, len + 1);
	}
	dget(new_parent);
	spin_lock(&dcache_lock);
	if (!(target->d_flags & DCACHE_UNHASHED)) {
		list_del_init(&target->d_child);
		target->d_flags |= DCACHE_UNHASHED;
	}
	old_name = de->d_name.name;
	if (long_name) {
		de->d_name.name = long_name;
	} else {
		memcpy(de->d_iname, target->d_name.name, len);
		de->d_iname[len] = '\0';
		de->d_name.name = de->d_iname;
	}
	de->d_name.len = len;
	old_parent = de->d_parent;
	de->d_parent = new_parent;
	list_del(&de->d_child);
	list_add_tail(&de->d_child, &new_parent->d_subdirs);
	spin_unlock(&dcache_lock);
	if (old_name != de->d_iname)
		kfree(old_name);
	dput(old_parent);
}

/**
 * d_is_ancestor - is @anc @d or one of its ancestors?
 * @anc: a dentry
 * @d: a dentry of the same super block
 *
 * Return: true if walking up from @d meets @anc.
 */
bool d_is_ancestor(struct dentry *anc, struct dentry *d)
{
	bool ret = false;

	spin_lock(&dcache_lock);
	for (;;) {
		if (d == anc) {
			ret = true;
			break;
		}
		if (d->d_parent == d)
			break;
		d = d->d_parent;
	}
	spin_unlock(&dcache_lock);
	return ret;
}

/**
 * shrink_dcache_sb - free every dentry of a dying super block
 * @sblk: the super block; nothing else uses its dentries any more
 *
 * Frees the tree under s_root bottom-up, children first. A dentry that
 * still has users beyond its children is reported (a leak).
 */
void shrink_dcache_sb(struct super_block *sblk)
{
	struct dentry *d = sblk->s_root;

	while (d) {
		struct dentry *parent;

		if (!list_empty(&d->d_subdirs)) {
			d = list_first_entry(&d->d_subdirs, struct dentry,
					     d_child);
			continue;
		}
		parent = d->d_parent;
		list_del_init(&d->d_child);
		d_free(d);
		if (parent == d)
			break;
		d = parent;
	}
	sblk->s_root = NULL;
}

/* Write @name in front of *@end (moving it back); false if out of room. */
static bool prepend(char **end, char *buf, const char *name, int len)
{
	if (*end - buf < len)
		return false;
	*end -= len;
	memcpy(*end, name, len);
	return true;
}

/**
 * d_path - the absolute path of @pth as the caller's root sees it
 * @pth: a dentry and its mount
 * @buf: scratch
 * @buflen: its size
 *
 * Climbs mounts to the caller's root (the global root if the caller has
 * none). An unlinked dentry gets " (deleted)" after its name, as on
 * Linux; a path outside the caller's root reads as if from the top; a
 * dentry of an internal file system (SB_PSEUDO) is its bare name
 * ("pipe:[123]").
 *
 * Return: a pointer into @buf to the NUL-terminated path, or
 * ERR_PTR(-ENAMETOOLONG) if @buf is too small.
 */
char *d_path(const struct path *pth, char *buf, int buflen)
{
	struct dentry *d = pth->dentry;
	struct vfsmount *mt = pth->mnt;
	char *end = buf + buflen;
	struct path root;
	bool ok = true;

	ok = prepend(&end, buf, "", 1);
	if (d->d_sb->s_flags & SB_PSEUDO) {
		spin_lock(&dcache_lock);
		ok = ok && prepend(&end, buf, d->d_name.name, d->d_name.len);
		spin_unlock(&dcache_lock);
		return ok ? end : ERR_PTR(-ENAMETOOLONG);
	}
	get_current_root(&root);
	if (ok && (d->d_flags & DCACHE_UNHASHED) && d->d_parent != d)
		ok = prepend(&end, buf, " (deleted)", 10);
	spin_lock(&mount_lock);
	spin_lock(&dcache_lock);
	while (ok) {
		if (d == root.dentry && mt == root.mnt)
			break;
		if (d == mt->mnt_root) {
			if (mt->mnt_parent == mt)
				break;
			d = mt->mnt_mountpoint;
			mt = mt->mnt_parent;
			continue;
		}
		ok = prepend(&end, buf, d->d_name.name, d->d_name.len) &&
		     prepend(&end, buf, "/", 1);
		d = d->d_parent;
	}
	spin_unlock(&dcache_lock);
	spin_unlock(&mount_lock);
	path_put(&root);
	if (ok && *end != '/')
		ok = prepend(&end, buf, "/", 1);
	return ok ? end : ERR_PTR(-ENAMETOOLONG);
}
