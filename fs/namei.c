// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: path walk and the calls that change directories
 *
 * A walk starts at the caller's root (absolute names), its working
 * directory, or a directory descriptor, and takes one component at a
 * time: "." stays, ".." climbs (never above the caller's root, and out
 * of a mount's root to its mountpoint), a name is looked up in the
 * dcache and, if missing, by the file system's ->lookup under
 * vfs_dir_mutex. After each step the walk goes down through mounts on
 * the dentry reached. Symlinks are followed (always in the middle of a
 * name; at the end when asked or when a slash follows) up to 40 per walk,
 * then -ELOOP.
 *
 * Creating, removing and renaming take vfs_dir_mutex around the final
 * lookup and the file system's operation, so a name checked free or
 * present stays so until the operation is done.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include "internal.h"

#define MAX_LINKS	40	/* symlinks one walk follows, as on Linux */

DEFINE_MUTEX(vfs_dir_mutex);

/* A walk in progress: @pth is where it stands (referenced). */
struct nameidata {
	struct path pth;
	struct path root;
	int links;
	struct qstr last;	/* LOOKUP_PARENT: the name left */
	bool last_slash;	/* ... and whether a slash followed it */
	int last_kind;
};

enum { WALK_NAME, WALK_ROOT, WALK_DOT, WALK_DOTDOT };

/**
 * getname - copy a path name from user space
 * @name: the user pointer
 *
 * Return: a kernel copy (putname() it), or ERR_PTR(-EFAULT),
 * ERR_PTR(-ENAMETOOLONG) (PATH_MAX bytes without a NUL), ERR_PTR(-ENOMEM).
 */
char *getname(const char __user *name)
{
	char *k = kmalloc(PATH_MAX, GFP_KERNEL);
	long n;

	if (!k)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(k, name, PATH_MAX);
	if (n < 0 || n == PATH_MAX) {
		kfree(k);
		return ERR_PTR(n < 0 ? -EFAULT : -ENAMETOOLONG);
	}
	return k;
}

/**
 * putname - free a getname() copy
 * @name: the copy, or an ERR_PTR or NULL
 */
void putname(char *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}

/**
 * path_is_readonly - is @pth on a read-only mount?
 * @pth: the path
 *
 * Return: true if the mount has MS_RDONLY.
 */
bool path_is_readonly(const struct path *pth)
{
	return READ_ONCE(pth->mnt->mnt_flags) & MS_RDONLY;
}

/* Was directory @d removed (rmdir) after the walk reached it? */
static bool dir_is_dead(struct dentry *d)
{
	return !d->d_inode->i_nlink;
}

/*
 * The child @name of @parent (a directory): a cached positive dentry,
 * or one ->lookup makes. Caller holds vfs_dir_mutex. The result may be
 * negative: the caller decides.
 */
struct dentry *lookup_one_locked(struct dentry *parent,
				 const struct qstr *name)
{
	struct inode *dip = parent->d_inode;
	struct dentry *d, *alt;

	d = d_lookup(parent, name);
	if (d)
		return d;
	if (!dip->i_op || !dip->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	d = d_alloc(parent, name);
	if (!d)
		return ERR_PTR(-ENOMEM);
	alt = dip->i_op->lookup(dip, d, 0);
	if (alt) {
		dput(d);
		d = alt;
	}
	return d;
}

/* A positive child @name of @parent, with a reference; or ERR_PTR. */
static struct dentry *lookup_one(struct dentry *parent,
				 const struct qstr *name)
{
	struct dentry *d = d_lookup(parent, name);

	if (d && d->d_op && d->d_op->d_revalidate) {
		int valid = d->d_op->d_revalidate(d, 0);

		if (valid <= 0) {
			d_invalidate(d);
			dput(d);
			if (valid < 0)
				return ERR_PTR(valid);
			d = NULL;
		}
	}
	if (d)
		return d;
	mutex_lock(&vfs_dir_mutex);
	d = lookup_one_locked(parent, name);
	mutex_unlock(&vfs_dir_mutex);
	if (!IS_ERR(d) && !d->d_inode) {
		dput(d);
		d = ERR_PTR(-ENOENT);
	}
	return d;
}

/* Is @nd at its root (where ".." stays)? */
static bool at_root(struct nameidata *nd)
{
	return nd->pth.dentry == nd->root.dentry &&
	       nd->pth.mnt == nd->root.mnt;
}

static void follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		struct path up;

		if (at_root(nd))
			return;
		if (nd->pth.dentry != nd->pth.mnt->mnt_root) {
			spin_lock(&dcache_lock);
			up.dentry = dget(nd->pth.dentry->d_parent);
			spin_unlock(&dcache_lock);
			up.mnt = mntget(nd->pth.mnt);
			path_put(&nd->pth);
			nd->pth = up;
			break;
		}
		spin_lock(&mount_lock);
		if (nd->pth.mnt->mnt_parent == nd->pth.mnt) {
			spin_unlock(&mount_lock);
			return;		/* the top of everything */
		}
		up.mnt = mntget(nd->pth.mnt->mnt_parent);
		up.dentry = dget(nd->pth.mnt->mnt_mountpoint);
		spin_unlock(&mount_lock);
		path_put(&nd->pth);
		nd->pth = up;
	}
	follow_mount(&nd->pth);
}

static int walk_name(struct nameidata *nd, const char *name,
		     unsigned int flags);

/* Continue the walk through symlink @link (referenced, consumed). */
static int follow_link(struct nameidata *nd, struct path *link)
{
	struct inode *ip = link->dentry->d_inode;
	struct path jump = { };
	char *body;
	int err;

	if (++nd->links > MAX_LINKS) {
		path_put(link);
		return -ELOOP;
	}
	if (!ip->i_op || !ip->i_op->get_link) {
		path_put(link);
		return -EINVAL;
	}
	body = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!body) {
		path_put(link);
		return -ENOMEM;
	}
	err = ip->i_op->get_link(link->dentry, body, PATH_MAX, &jump);
	path_put(link);
	if (!err && jump.mnt) {
		path_put(&nd->pth);
		nd->pth = jump;
	} else if (!err) {
		err = *body ? walk_name(nd, body, LOOKUP_FOLLOW) : -ENOENT;
	}
	kfree(body);
	return err;
}

/* One step from the directory nd->pth through component @q. */
static int walk_step(struct nameidata *nd, const struct qstr *q, bool follow)
{
	struct path next;
	struct dentry *d;

	if (q->len == 1 && q->name[0] == '.')
		return 0;
	if (q->len == 2 && q->name[0] == '.' && q->name[1] == '.') {
		follow_dotdot(nd);
		return 0;
	}
	d = lookup_one(nd->pth.dentry, q);
	if (IS_ERR(d))
		return PTR_ERR(d);
	next.mnt = mntget(nd->pth.mnt);
	next.dentry = d;
	follow_mount(&next);
	if (follow && S_ISLNK(next.dentry->d_inode->i_mode))
		return follow_link(nd, &next);
	path_put(&nd->pth);
	nd->pth = next;
	return 0;
}

static bool nd_is_dir(struct nameidata *nd)
{
	return S_ISDIR(nd->pth.dentry->d_inode->i_mode);
}

/*
 * Walk @name from nd->pth (or the root for an absolute name). With
 * LOOKUP_PARENT, stop before the last component and leave it in
 * nd->last. A name ending in a slash must name a directory.
 */
static int walk_name(struct nameidata *nd, const char *name,
		     unsigned int flags)
{
	if (*name == '/') {
		path_put(&nd->pth);
		nd->pth = nd->root;
		path_get(&nd->pth);
	}
	nd->last_kind = WALK_ROOT;
	for (;;) {
		struct qstr q;
		const char *rest;
		bool slash, last;
		int err;

		while (*name == '/')
			name++;
		if (!*name)
			return 0;
		q.name = name;
		for (q.len = 0; name[q.len] && name[q.len] != '/'; q.len++)
			;
		if (q.len > NAME_MAX)
			return -ENAMETOOLONG;
		rest = name + q.len;
		slash = *rest == '/';
		while (*rest == '/')
			rest++;
		last = !*rest;
		if (!nd_is_dir(nd))
			return -ENOTDIR;
		if (last && (flags & LOOKUP_PARENT)) {
			nd->last = q;
			nd->last_slash = slash;
			nd->last_kind = WALK_NAME;
			if (q.len == 1 && q.name[0] == '.')
				nd->last_kind = WALK_DOT;
			else if (q.len == 2 && !memcmp(q.name, "..", 2))
				nd->last_kind = WALK_DOTDOT;
			return 0;
		}
		err = walk_step(nd, &q, !last || slash ||
				(flags & LOOKUP_FOLLOW));
		if (err)
			return err;
		if ((!last || slash) && !nd_is_dir(nd))
			return -ENOTDIR;
		name = rest;
	}
}

/* Set up @nd at @dfd (AT_FDCWD: the working directory). */
static int nd_start(struct nameidata *nd, int dfd, const char *name)
{
	memset(nd, 0, sizeof(*nd));
	get_current_root(&nd->root);
	if (*name == '/') {
		nd->pth = nd->root;
		path_get(&nd->pth);
	} else if (dfd == AT_FDCWD) {
		get_current_pwd(&nd->pth);
	} else {
		struct file *f = fget(dfd);

		if (!f) {
			path_put(&nd->root);
			return -EBADF;
		}
		nd->pth = f->f_path;
		path_get(&nd->pth);
		fput(f);
	}
	return 0;
}

static void nd_end(struct nameidata *nd)
{
	path_put(&nd->pth);
	path_put(&nd->root);
}

/**
 * filename_lookup - walk @name from @dfd to what it names
 * @dfd: AT_FDCWD or a descriptor (of a directory for a relative name)
 * @name: a kernel string
 * @flags: LOOKUP_FOLLOW (follow a final symlink), LOOKUP_DIRECTORY
 * (must be a directory), LOOKUP_EMPTY ("" names @dfd itself)
 * @pth: the result, referenced
 *
 * Return: 0, -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG, -EBADF, -ENOMEM,
 * or a file system's lookup error.
 */
int filename_lookup(int dfd, const char *name, unsigned int flags,
		    struct path *pth)
{
	struct nameidata nd;
	int err;

	if (!*name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	err = nd_start(&nd, dfd, name);
	if (err)
		return err;
	if (*name && dfd != AT_FDCWD && *name != '/' && !nd_is_dir(&nd))
		err = -ENOTDIR;
	if (!err)
		err = walk_name(&nd, name, flags & LOOKUP_FOLLOW);
	if (!err && (flags & LOOKUP_DIRECTORY) && !nd_is_dir(&nd))
		err = -ENOTDIR;
	if (!err) {
		*pth = nd.pth;
		path_get(pth);
	}
	nd_end(&nd);
	return err;
}

/**
 * kern_path - walk @name from the caller's working directory
 * @name: a kernel string
 * @flags: LOOKUP_FOLLOW, LOOKUP_DIRECTORY
 * @pth: the result, referenced (path_put() it)
 *
 * Return: as filename_lookup().
 */
int kern_path(const char *name, unsigned int flags, struct path *pth)
{
	return filename_lookup(AT_FDCWD, name, flags, pth);
}

/**
 * vfs_path_lookup_at - walk @name from descriptor @dfd
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: a kernel string
 * @flags: LOOKUP_FOLLOW, LOOKUP_DIRECTORY
 * @pth: the result, referenced
 *
 * Return: as filename_lookup().
 */
int vfs_path_lookup_at(int dfd, const char *name, unsigned int flags,
		       struct path *pth)
{
	return filename_lookup(dfd, name, flags, pth);
}

/*
 * Walk to the parent of @name's last component. Return: 0 with
 * @nd set (nd_end() it), or -errno (nothing to end).
 */
static int parent_walk(struct nameidata *nd, int dfd, const char *name)
{
	int err;

	if (!*name)
		return -ENOENT;
	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	err = nd_start(nd, dfd, name);
	if (err)
		return err;
	err = walk_name(nd, name, LOOKUP_PARENT);
	if (err)
		nd_end(nd);
	return err;
}

/**
 * filename_create - find a free name for mkdir, mknod, symlink, link
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the new name
 * @parent: set to the directory, referenced
 * @want_dir: a trailing slash is allowed (mkdir)
 *
 * On success vfs_dir_mutex is held: do the create, then
 * done_path_create().
 *
 * Return: a negative dentry, or ERR_PTR(-EEXIST) (the name exists, or is
 * "." or ".." or "/"), -ENOENT (a trailing slash on a non-directory
 * create, or missing parent), -EROFS, a walk error.
 */
struct dentry *filename_create(int dfd, const char *name,
			       struct path *parent, bool want_dir)
{
	struct nameidata nd;
	struct dentry *d;
	int err = parent_walk(&nd, dfd, name);

	if (err)
		return ERR_PTR(err);
	if (nd.last_kind != WALK_NAME) {
		err = -EEXIST;
		goto out;
	}
	if (path_is_readonly(&nd.pth)) {
		err = -EROFS;
		goto out;
	}
	mutex_lock(&vfs_dir_mutex);
	d = dir_is_dead(nd.pth.dentry) ? ERR_PTR(-ENOENT) :
	    lookup_one_locked(nd.pth.dentry, &nd.last);
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
	} else if (d->d_inode) {
		err = -EEXIST;
		dput(d);
	} else if (nd.last_slash && !want_dir) {
		err = -ENOENT;
		dput(d);
	} else {
		*parent = nd.pth;
		path_get(parent);
		nd_end(&nd);
		return d;
	}
	mutex_unlock(&vfs_dir_mutex);
out:
	nd_end(&nd);
	return ERR_PTR(err);
}

/**
 * done_path_create - end what filename_create() began
 * @parent: the directory it gave
 * @de: the dentry it gave (created or still negative)
 */
void done_path_create(struct path *parent, struct dentry *de)
{
	dput(de);
	mutex_unlock(&vfs_dir_mutex);
	path_put(parent);
}

static void touch_dir(struct inode *dip)
{
	dip->i_mtime_ns = dip->i_ctime_ns = inode_now_ns();
}

/**
 * do_mkdirat - mkdir(2) with a kernel name
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the new directory
 * @mode: permission bits (the umask applies)
 *
 * Return: 0, -EEXIST, -ENOENT, -ENOTDIR, -EPERM (the file system cannot
 * make directories), -ENOSPC, -ENOMEM, a walk error.
 */
int do_mkdirat(int dfd, const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *d = filename_create(dfd, name, &parent, true);
	struct inode *dip;
	int err;

	if (IS_ERR(d))
		return PTR_ERR(d);
	dip = parent.dentry->d_inode;
	err = -EPERM;
	if (dip->i_op && dip->i_op->mkdir)
		err = dip->i_op->mkdir(dip, d,
				       (mode & 07777 & ~current_umask()) |
				       S_IFDIR);
	done_path_create(&parent, d);
	return err;
}

/**
 * do_mknodat - mknod(2) with a kernel name
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the new node
 * @mode: S_IFREG, S_IFCHR, S_IFBLK, S_IFIFO or S_IFSOCK and permission
 * bits (0 type means regular)
 * @dev: the device number for device nodes
 *
 * Return: 0, -EINVAL (a directory or bad type), -EEXIST, -EPERM, a walk
 * error.
 */
int do_mknodat(int dfd, const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *d;
	struct inode *dip;
	int err;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	d = filename_create(dfd, name, &parent, false);
	if (IS_ERR(d))
		return PTR_ERR(d);
	dip = parent.dentry->d_inode;
	err = -EPERM;
	mode = (mode & S_IFMT) | (mode & 07777 & ~current_umask());
	if (S_ISREG(mode) && dip->i_op && dip->i_op->create)
		err = dip->i_op->create(dip, d, mode, true);
	else if (!S_ISREG(mode) && dip->i_op && dip->i_op->mknod)
		err = dip->i_op->mknod(dip, d, mode, dev);
	done_path_create(&parent, d);
	return err;
}

/**
 * do_symlinkat - symlink(2) with kernel strings
 * @target: the link's text
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the new link
 *
 * Return: 0, -ENOENT (empty @target), -EEXIST, -EPERM, a walk error.
 */
int do_symlinkat(const char *target, int dfd, const char *name)
{
	struct path parent;
	struct dentry *d;
	struct inode *dip;
	int err;

	if (!*target)
		return -ENOENT;
	d = filename_create(dfd, name, &parent, false);
	if (IS_ERR(d))
		return PTR_ERR(d);
	dip = parent.dentry->d_inode;
	err = -EPERM;
	if (dip->i_op && dip->i_op->symlink)
		err = dip->i_op->symlink(dip, d, target);
	done_path_create(&parent, d);
	return err;
}

/**
 * do_linkat - link(2) and linkat(2) with kernel names
 * @odfd: where @oldname starts
 * @oldname: the existing file
 * @ndfd: where @newname starts
 * @newname: the new name
 * @flags: AT_SYMLINK_FOLLOW, AT_EMPTY_PATH
 *
 * Return: 0, -EPERM (a directory), -EXDEV (another mount), -EEXIST,
 * -EINVAL (bad flags), a walk error.
 */
int do_linkat(int odfd, const char *oldname, int ndfd,
	      const char *newname, int flags)
{
	struct path old, parent;
	struct dentry *d;
	struct inode *dip;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = filename_lookup(odfd, oldname,
			      ((flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0) |
			      ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0),
			      &old);
	if (err)
		return err;
	err = -EPERM;
	if (S_ISDIR(old.dentry->d_inode->i_mode))
		goto put_old;
	d = filename_create(ndfd, newname, &parent, false);
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
		goto put_old;
	}
	dip = parent.dentry->d_inode;
	err = -EXDEV;
	if (parent.mnt != old.mnt)
		goto done;
	err = -ENOENT;
	if (old.dentry->d_flags & DCACHE_UNHASHED)
		goto done;
	err = -EPERM;
	if (dip->i_op && dip->i_op->link)
		err = dip->i_op->link(old.dentry, dip, d);
done:
	done_path_create(&parent, d);
put_old:
	path_put(&old);
	return err;
}

/* Does directory @d have entries? Caller holds vfs_dir_mutex. */
static bool dir_has_entries(struct dentry *d)
{
	struct dentry *c;
	bool ret = false;

	spin_lock(&dcache_lock);
	list_for_each_entry(c, &d->d_subdirs, d_child) {
		if (c->d_inode) {
			ret = true;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return ret;
}

/* Is @d (on @mt) a mountpoint or a mount's root? */
static bool is_busy_mount(struct dentry *d, struct vfsmount *mt)
{
	return READ_ONCE(d->d_mounted) || d == mt->mnt_root;
}

/* Unlink or rmdir @d from @dip. Caller holds vfs_dir_mutex. */
static int vfs_remove(struct inode *dip, struct dentry *d,
		      struct vfsmount *mt, bool rmdir)
{
	bool isdir = S_ISDIR(d->d_inode->i_mode);
	int err;

	if (rmdir && !isdir)
		return -ENOTDIR;
	if (!rmdir && isdir)
		return -EISDIR;
	if (is_busy_mount(d, mt))
		return -EBUSY;
	if (rmdir && dir_has_entries(d))
		return -ENOTEMPTY;
	if (rmdir)
		err = dip->i_op->rmdir ? dip->i_op->rmdir(dip, d) : -EPERM;
	else
		err = dip->i_op->unlink ? dip->i_op->unlink(dip, d) : -EPERM;
	if (!err) {
		d_delete(d);
		touch_dir(dip);
	}
	return err;
}

/**
 * do_unlinkat - unlink(2), rmdir(2), unlinkat(2) with a kernel name
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: what goes
 * @flags: AT_REMOVEDIR for rmdir
 *
 * Return: 0, -ENOENT, -EISDIR (unlink of a directory), -ENOTDIR,
 * -ENOTEMPTY, -EBUSY (a mountpoint), -EINVAL (rmdir of "."), -EPERM,
 * -EROFS, a walk error.
 */
int do_unlinkat(int dfd, const char *name, int flags)
{
	bool rmdir = flags & AT_REMOVEDIR;
	struct nameidata nd;
	struct dentry *d;
	int err;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	err = parent_walk(&nd, dfd, name);
	if (err)
		return err;
	if (nd.last_kind != WALK_NAME) {
		err = !rmdir ? -EISDIR : nd.last_kind == WALK_DOT ? -EINVAL :
		      nd.last_kind == WALK_DOTDOT ? -ENOTEMPTY : -EBUSY;
		goto out;
	}
	err = -EROFS;
	if (path_is_readonly(&nd.pth))
		goto out;
	mutex_lock(&vfs_dir_mutex);
	d = dir_is_dead(nd.pth.dentry) ? ERR_PTR(-ENOENT) :
	    lookup_one_locked(nd.pth.dentry, &nd.last);
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
	} else {
		if (!d->d_inode)
			err = -ENOENT;
		else if (nd.last_slash && !S_ISDIR(d->d_inode->i_mode))
			err = -ENOTDIR;
		else
			err = vfs_remove(nd.pth.dentry->d_inode, d,
					 nd.pth.mnt, rmdir);
		dput(d);
	}
	mutex_unlock(&vfs_dir_mutex);
out:
	nd_end(&nd);
	return err;
}

#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)
#define RENAME_WHITEOUT		(1 << 2)

/* The checks of rename(2) on looked-up dentries; under vfs_dir_mutex. */
static int rename_check(struct dentry *od, struct dentry *nd_,
			struct nameidata *o, struct nameidata *n,
			unsigned int flags)
{
	bool odir;

	if (!od->d_inode)
		return -ENOENT;
	odir = S_ISDIR(od->d_inode->i_mode);
	if ((o->last_slash || n->last_slash) && !odir)
		return -ENOTDIR;
	if (is_busy_mount(od, o->pth.mnt))
		return -EBUSY;
	/* A directory cannot move under itself. */
	if (odir && d_is_ancestor(od, n->pth.dentry))
		return -EINVAL;
	if (!nd_->d_inode)
		return 0;
	if (flags & RENAME_NOREPLACE)
		return -EEXIST;
	if (is_busy_mount(nd_, n->pth.mnt))
		return -EBUSY;
	if (odir && !S_ISDIR(nd_->d_inode->i_mode))
		return -ENOTDIR;
	if (!odir && S_ISDIR(nd_->d_inode->i_mode))
		return -EISDIR;
	if (odir && dir_has_entries(nd_))
		return -ENOTEMPTY;
	if (d_is_ancestor(nd_, o->pth.dentry))
		return -ENOTEMPTY;
	return 0;
}

/**
 * do_renameat2 - rename(2), renameat(2), renameat2(2) with kernel names
 * @odfd: where @oldname starts
 * @oldname: the name that moves
 * @ndfd: where @newname starts
 * @newname: the new name, replaced if it exists
 * @flags: RENAME_NOREPLACE; RENAME_EXCHANGE and RENAME_WHITEOUT are not
 * supported (-EINVAL)
 *
 * Return: 0 (also when both names are the same file), -ENOENT, -EXDEV
 * (different mounts), -EEXIST (NOREPLACE), -ENOTDIR, -EISDIR,
 * -ENOTEMPTY, -EINVAL (into itself; "." or ".."), -EBUSY, a walk error.
 */
int do_renameat2(int odfd, const char *oldname, int ndfd,
		 const char *newname, unsigned int flags)
{
	struct nameidata o, n;
	struct dentry *od = NULL, *nd_ = NULL;
	struct inode *odir, *ndir;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	err = parent_walk(&o, odfd, oldname);
	if (err)
		return err;
	err = parent_walk(&n, ndfd, newname);
	if (err)
		goto end_old;
	err = -EXDEV;
	if (o.pth.mnt != n.pth.mnt)
		goto end_new;
	err = o.last_kind == WALK_NAME && n.last_kind == WALK_NAME ? 0 :
	      (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	if (o.last_kind == WALK_DOT || o.last_kind == WALK_DOTDOT ||
	    n.last_kind == WALK_DOT || n.last_kind == WALK_DOTDOT)
		err = -EINVAL;
	if (err)
		goto end_new;
	err = -EROFS;
	if (path_is_readonly(&o.pth))
		goto end_new;
	odir = o.pth.dentry->d_inode;
	ndir = n.pth.dentry->d_inode;
	mutex_lock(&vfs_dir_mutex);
	err = -ENOENT;
	if (dir_is_dead(o.pth.dentry) || dir_is_dead(n.pth.dentry))
		goto unlock;
	od = lookup_one_locked(o.pth.dentry, &o.last);
	if (IS_ERR(od)) {
		err = PTR_ERR(od);
		od = NULL;
		goto unlock;
	}
	nd_ = lookup_one_locked(n.pth.dentry, &n.last);
	if (IS_ERR(nd_)) {
		err = PTR_ERR(nd_);
		nd_ = NULL;
		goto unlock;
	}
	err = rename_check(od, nd_, &o, &n, flags);
	if (err || od == nd_ || od->d_inode == nd_->d_inode)
		goto unlock;
	err = odir->i_op->rename ?
	      odir->i_op->rename(odir, od, ndir, nd_, flags) : -EPERM;
	if (!err) {
		d_move(od, nd_);
		touch_dir(odir);
		touch_dir(ndir);
	}
unlock:
	mutex_unlock(&vfs_dir_mutex);
	dput(od);
	dput(nd_);
end_new:
	nd_end(&n);
end_old:
	nd_end(&o);
	return err;
}

/**
 * do_readlinkat - readlink(2) with a kernel name and buffer
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the link ("" with @dfd an O_PATH descriptor of one)
 * @buf: destination, not NUL-terminated
 * @size: its size (> 0)
 *
 * Return: bytes placed (cut to @size), -EINVAL (not a symlink), a walk
 * error.
 */
int do_readlinkat(int dfd, const char *name, char *buf, int size)
{
	struct path pth, jump = { };
	struct inode *ip;
	char *body;
	int err, len;

	err = filename_lookup(dfd, name, LOOKUP_EMPTY, &pth);
	if (err)
		return err;
	ip = pth.dentry->d_inode;
	err = -EINVAL;
	if (!S_ISLNK(ip->i_mode) || !ip->i_op || !ip->i_op->get_link)
		goto put;
	err = -ENOMEM;
	body = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!body)
		goto put;
	err = ip->i_op->get_link(pth.dentry, body, PATH_MAX, &jump);
	if (!err && jump.mnt) {
		/* A magic link reads as where it points. */
		char *p = d_path(&jump, body, PATH_MAX);

		path_put(&jump);
		if (IS_ERR(p))
			err = PTR_ERR(p);
		else
			memmove(body, p, strlen(p) + 1);
	}
	if (!err) {
		len = min_t(int, strlen(body), size);
		memcpy(buf, body, len);
		err = len;
	}
	kfree(body);
put:
	path_put(&pth);
	return err;
}

/**
 * init_mkdir - mkdir for the kernel (initramfs, devtmpfs)
 * @name: a kernel string
 * @mode: permission bits (the caller's umask applies)
 *
 * Return: as do_mkdirat().
 */
int init_mkdir(const char *name, umode_t mode)
{
	return do_mkdirat(AT_FDCWD, name, mode);
}

/**
 * init_mknod - mknod for the kernel
 * @name: a kernel string
 * @mode: type and permission bits
 * @dev: device number
 *
 * Return: as do_mknodat().
 */
int init_mknod(const char *name, umode_t mode, dev_t dev)
{
	return do_mknodat(AT_FDCWD, name, mode, dev);
}

/**
 * init_symlink - symlink for the kernel
 * @target: the link's text
 * @name: the new link
 *
 * Return: as do_symlinkat().
 */
int init_symlink(const char *target, const char *name)
{
	return do_symlinkat(target, AT_FDCWD, name);
}

/**
 * init_unlink - unlink for the kernel
 * @name: a kernel string
 *
 * Return: as do_unlinkat().
 */
int init_unlink(const char *name)
{
	return do_unlinkat(AT_FDCWD, name, 0);
}

/**
 * init_rmdir - rmdir for the kernel
 * @name: a kernel string
 *
 * Return: as do_unlinkat().
 */
int init_rmdir(const char *name)
{
	return do_unlinkat(AT_FDCWD, name, AT_REMOVEDIR);
}

/**
 * init_link - link for the kernel (initramfs hard links)
 * @oldname: the existing file
 * @newname: the new name
 *
 * Return: as do_linkat().
 */
int init_link(const char *oldname, const char *newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/*
 * ---- The system calls: user names copied, then the do_ forms. ----
 *
 * Each older call (mkdir, unlink, rename, ...) is its *at form with
 * AT_FDCWD and fixed flags, so both go through one helper per form.
 */

/* The calls that take one name. */
enum one_name_op { ONE_NAME_MKDIR, ONE_NAME_MKNOD, ONE_NAME_UNLINK };

/* Linux's user encoding of a device number back to Tide's dev_t. */
static dev_t decode_dev(u64 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

/*
 * Copies the user name, then runs @op: @arg is the mode (mkdir, mknod)
 * or the AT_REMOVEDIR flag (unlink); @udev the user's device number.
 */
static long one_name_user(enum one_name_op op, int dfd, unsigned long uname,
			  unsigned long arg, u64 udev)
{
	char *name = getname((const char __user *)uname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	switch (op) {
	case ONE_NAME_MKDIR:
		err = do_mkdirat(dfd, name, arg);
		break;
	case ONE_NAME_MKNOD:
		err = do_mknodat(dfd, name, arg, decode_dev(udev));
		break;
	default:
		err = do_unlinkat(dfd, name, arg);
		break;
	}
	putname(name);
	return err;
}

static long sys_mkdirat(struct pt_regs *regs)
{
	return one_name_user(ONE_NAME_MKDIR, SC_ARG0(regs), SC_ARG1(regs),
			     SC_ARG2(regs), 0);
}
SYSCALL_ENTRY(mkdirat, sys_mkdirat);

static long sys_mkdir(struct pt_regs *regs)
{
	return one_name_user(ONE_NAME_MKDIR, AT_FDCWD, SC_ARG0(regs),
			     SC_ARG1(regs), 0);
}
SYSCALL_ENTRY(mkdir, sys_mkdir);

static long sys_mknodat(struct pt_regs *regs)
{
	return one_name_user(ONE_NAME_MKNOD, SC_ARG0(regs), SC_ARG1(regs),
			     SC_ARG2(regs), SC_ARG3(regs));
}
SYSCALL_ENTRY(mknodat, sys_mknodat);

static long sys_mknod(struct pt_regs *regs)
{
	return one_name_user(ONE_NAME_MKNOD, AT_FDCWD, SC_ARG0(regs),
			     SC_ARG1(regs), SC_ARG2(regs));
}
SYSCALL_ENTRY(mknod, sys_mknod);

static long sys_unlinkat(struct pt_regs *regs)
{
	return one_name_user(ONE_NAME_UNLINK, SC_ARG0(regs), SC_ARG1(regs),
			     SC_ARG2(regs), 0);
}
SYSCALL_ENTRY(unlinkat, sys_unlinkat);

static long sys_unlink(struct pt_regs *regs)
{
	return one_name_user(ONE_NAME_UNLINK, AT_FDCWD, SC_ARG0(regs), 0, 0);
}
SYSCALL_ENTRY(unlink, sys_unlink);

static long sys_rmdir(struct pt_regs *regs)
{
	return one_name_user(ONE_NAME_UNLINK, AT_FDCWD, SC_ARG0(regs),
			     AT_REMOVEDIR, 0);
}
SYSCALL_ENTRY(rmdir, sys_rmdir);

/* The calls that take an old and a new name. */
enum two_names_op { TWO_NAMES_SYMLINK, TWO_NAMES_LINK, TWO_NAMES_RENAME };

/*
 * Copies both user names, then runs @op: for a symlink the old name is
 * the target (a string, never walked) and @odfd is unused.
 */
static long two_names_user(enum two_names_op op, int odfd, unsigned long uold,
			   int ndfd, unsigned long unew, unsigned int flags)
{
	char *old, *new;
	long err;

	old = getname((const char __user *)uold);
	if (IS_ERR(old))
		return PTR_ERR(old);
	new = getname((const char __user *)unew);
	if (IS_ERR(new)) {
		putname(old);
		return PTR_ERR(new);
	}
	switch (op) {
	case TWO_NAMES_SYMLINK:
		err = do_symlinkat(old, ndfd, new);
		break;
	case TWO_NAMES_LINK:
		err = do_linkat(odfd, old, ndfd, new, flags);
		break;
	default:
		err = do_renameat2(odfd, old, ndfd, new, flags);
		break;
	}
	putname(old);
	putname(new);
	return err;
}

static long sys_symlinkat(struct pt_regs *regs)
{
	return two_names_user(TWO_NAMES_SYMLINK, AT_FDCWD, SC_ARG0(regs),
			      SC_ARG1(regs), SC_ARG2(regs), 0);
}
SYSCALL_ENTRY(symlinkat, sys_symlinkat);

static long sys_symlink(struct pt_regs *regs)
{
	return two_names_user(TWO_NAMES_SYMLINK, AT_FDCWD, SC_ARG0(regs),
			      AT_FDCWD, SC_ARG1(regs), 0);
}
SYSCALL_ENTRY(symlink, sys_symlink);

static long sys_linkat(struct pt_regs *regs)
{
	return two_names_user(TWO_NAMES_LINK, SC_ARG0(regs), SC_ARG1(regs),
			      SC_ARG2(regs), SC_ARG3(regs), SC_ARG4(regs));
}
SYSCALL_ENTRY(linkat, sys_linkat);

static long sys_link(struct pt_regs *regs)
{
	return two_names_user(TWO_NAMES_LINK, AT_FDCWD, SC_ARG0(regs),
			      AT_FDCWD, SC_ARG1(regs), 0);
}
SYSCALL_ENTRY(link, sys_link);

static long sys_renameat2(struct pt_regs *regs)
{
	return two_names_user(TWO_NAMES_RENAME, SC_ARG0(regs), SC_ARG1(regs),
			      SC_ARG2(regs), SC_ARG3(regs), SC_ARG4(regs));
}
SYSCALL_ENTRY(renameat2, sys_renameat2);

static long sys_renameat(struct pt_regs *regs)
{
	return two_names_user(TWO_NAMES_RENAME, SC_ARG0(regs), SC_ARG1(regs),
			      SC_ARG2(regs), SC_ARG3(regs), 0);
}
SYSCALL_ENTRY(renameat, sys_renameat);

static long sys_rename(struct pt_regs *regs)
{
	return two_names_user(TWO_NAMES_RENAME, AT_FDCWD, SC_ARG0(regs),
			      AT_FDCWD, SC_ARG1(regs), 0);
}
SYSCALL_ENTRY(rename, sys_rename);

/* readlinkat(dfd, name, buf, size) in kernel memory, then copied out. */
static long readlink_user(int dfd, unsigned long uname, unsigned long ubuf,
			  long size)
{
	char *name, *buf;
	long len;

	if (size <= 0)
		return -EINVAL;
	name = getname((const char __user *)uname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	size = min_t(long, size, PATH_MAX);
	buf = kmalloc(size, GFP_KERNEL);
	len = buf ? do_readlinkat(dfd, name, buf, size) : -ENOMEM;
	if (len > 0 && copy_to_user((void __user *)ubuf, buf, len))
		len = -EFAULT;
	kfree(buf);
	putname(name);
	return len;
}

static long sys_readlinkat(struct pt_regs *regs)
{
	return readlink_user(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs),
			     (int)SC_ARG3(regs));
}
SYSCALL_ENTRY(readlinkat, sys_readlinkat);

static long sys_readlink(struct pt_regs *regs)
{
	return readlink_user(AT_FDCWD, SC_ARG0(regs), SC_ARG1(regs),
			     (int)SC_ARG2(regs));
}
SYSCALL_ENTRY(readlink, sys_readlink);
