// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: mounts
 *
 * The mounts form a tree: each sits on a directory (its mountpoint) of
 * its parent mount, and the root mount, a tmpfs made at boot, is its own
 * parent. A dentry with mounts on it has d_mounted > 0; path walk then
 * asks lookup_mnt() which mount covers it and continues at that mount's
 * root (follow_mount()), and ".." at a mount's root climbs back to the
 * mountpoint (fs/namei.c).
 *
 * mount(2) and umount2(2) run under vfs_dir_mutex, so a mountpoint
 * cannot be removed while it is being mounted on; the tree's links
 * change under mount_lock too, which path walk and d_path() take alone.
 * A mount is busy while anything names it (mnt_count counts one per
 * struct path, plus one for being in the tree).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include "internal.h"

/* See struct vfsmount for what it protects; taken before dcache_lock. */
DEFINE_SPINLOCK(mount_lock);

/* The mounts in the tree, for /proc/mounts; under mount_lock. */
static LIST_HEAD(all_mounts);

/* The boot root: the root mount and its root dentry. Set once. */
static struct path boot_root;

/**
 * mntget - another reference to a mount
 * @mt: the mount, or NULL
 *
 * Return: @mt.
 */
struct vfsmount *mntget(struct vfsmount *mt)
{
	if (mt)
		atomic_inc(&mt->mnt_count);
	return mt;
}

/**
 * mntput - drop a reference to a mount
 * @mt: the mount, or NULL
 *
 * The last reference (the mount is out of the tree by then) drops the
 * root dentry and the super block's active reference. May sleep.
 */
void mntput(struct vfsmount *mt)
{
	if (!mt || !atomic_dec_and_test(&mt->mnt_count))
		return;
	dput(mt->mnt_root);
	deactivate_super(mt->mnt_sb);
	kfree(mt);
}

/**
 * path_get - take references to both halves of a path
 * @pth: the path
 */
void path_get(const struct path *pth)
{
	mntget(pth->mnt);
	dget(pth->dentry);
}

/**
 * path_put - drop the references path_get() took
 * @pth: the path
 */
void path_put(const struct path *pth)
{
	dput(pth->dentry);
	mntput(pth->mnt);
}

/**
 * vfs_root_path - the boot root (the root tmpfs)
 * @root: filled in, with references
 */
void vfs_root_path(struct path *root)
{
	*root = boot_root;
	path_get(root);
}

static struct vfsmount *alloc_vfsmnt(const char *dev_name)
{
	struct vfsmount *mt = kzalloc(sizeof(*mt), GFP_KERNEL);

	if (!mt)
		return NULL;
	INIT_LIST_HEAD(&mt->mnt_child);
	INIT_LIST_HEAD(&mt->mnt_mounts);
	INIT_LIST_HEAD(&mt->mnt_list);
	atomic_set(&mt->mnt_count, 1);
	mt->mnt_parent = mt;
	strscpy(mt->mnt_devname, dev_name ? dev_name : "none",
		sizeof(mt->mnt_devname));
	return mt;
}

/**
 * vfs_kern_mount - a mount of a new instance of @type, in no tree yet
 * @type: the file system type
 * @flags: MS_* flags (MS_RDONLY and friends are kept in mnt_flags)
 * @dev_name: the source string mount(2) gave
 * @data: the option string, or NULL
 *
 * Return: the mount with one reference, or ERR_PTR() of what the type's
 * mount returned, or -ENOMEM.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *dev_name, void *data)
{
	struct vfsmount *mt = alloc_vfsmnt(dev_name);
	struct dentry *root;

	if (!mt)
		return ERR_PTR(-ENOMEM);
	root = type->mount(type, flags, dev_name, data);
	if (IS_ERR_OR_NULL(root)) {
		kfree(mt);
		return root ? ERR_PTR(PTR_ERR(root)) : ERR_PTR(-ENOMEM);
	}
	mt->mnt_root = root;
	mt->mnt_sb = root->d_sb;
	mt->mnt_mountpoint = root;
	mt->mnt_flags = flags & (MS_RDONLY | MS_NOSUID | MS_NODEV |
				  MS_NOEXEC);
	return mt;
}

/**
 * kern_mount - an instance of @type for the kernel's own use
 * @type: the file system type
 *
 * The mount sits in no tree; callers keep it for good (pipefs, sockfs).
 *
 * Return: the mount with one reference, or an ERR_PTR() as
 * vfs_kern_mount() gives.
 */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	return vfs_kern_mount(type, 0, type->name, NULL);
}

/* The mount whose mountpoint is @pth, with a reference; or NULL. */
static struct vfsmount *lookup_mnt(const struct path *pth)
{
	struct vfsmount *m, *found = NULL;

	spin_lock(&mount_lock);
	list_for_each_entry(m, &pth->mnt->mnt_mounts, mnt_child) {
		if (m->mnt_mountpoint == pth->dentry)
			found = m;
	}
	mntget(found);
	spin_unlock(&mount_lock);
	return found;
}

/**
 * follow_mount - go down through the mounts on @pth
 * @pth: a referenced path; replaced by the topmost mount's root
 *
 * Return: true if @pth changed.
 */
bool follow_mount(struct path *pth)
{
	bool moved = false;

	while (READ_ONCE(pth->dentry->d_mounted)) {
		struct vfsmount *child = lookup_mnt(pth);

		if (!child)
			break;
		path_put(pth);
		pth->mnt = child;
		pth->dentry = dget(child->mnt_root);
		moved = true;
	}
	return moved;
}

/* Put @mt in the tree on @mp. Caller holds vfs_dir_mutex. */
static void attach_mnt(struct vfsmount *mt, const struct path *mp)
{
	mntget(mp->mnt);
	dget(mp->dentry);
	spin_lock(&mount_lock);
	mt->mnt_parent = mp->mnt;
	mt->mnt_mountpoint = mp->dentry;
	mp->dentry->d_mounted++;
	list_add_tail(&mt->mnt_child, &mp->mnt->mnt_mounts);
	list_add_tail(&mt->mnt_list, &all_mounts);
	spin_unlock(&mount_lock);
}

/* Take @mt and the mounts on it out of the tree, dropping the tree's
 * references. Caller holds vfs_dir_mutex. */
static void umount_tree(struct vfsmount *mt)
{
	struct vfsmount *parent;
	struct dentry *mp;

	while (!list_empty(&mt->mnt_mounts))
		umount_tree(list_first_entry(&mt->mnt_mounts,
					     struct vfsmount, mnt_child));
	spin_lock(&mount_lock);
	parent = mt->mnt_parent;
	mp = mt->mnt_mountpoint;
	list_del_init(&mt->mnt_child);
	list_del_init(&mt->mnt_list);
	mp->d_mounted--;
	mt->mnt_parent = mt;
	mt->mnt_mountpoint = mt->mnt_root;
	spin_unlock(&mount_lock);
	dput(mp);
	mntput(parent);
	mntput(mt);
}

/* A mount of @src's tree at @src's dentry (MS_BIND). */
static struct vfsmount *clone_mnt(const struct path *src)
{
	struct vfsmount *mt = alloc_vfsmnt(src->mnt->mnt_devname);

	if (!mt)
		return ERR_PTR(-ENOMEM);
	atomic_inc(&src->mnt->mnt_sb->s_active);
	mt->mnt_sb = src->mnt->mnt_sb;
	mt->mnt_root = dget(src->dentry);
	mt->mnt_mountpoint = mt->mnt_root;
	mt->mnt_flags = src->mnt->mnt_flags;
	return mt;
}

/* Graft @mt (one reference, passed) on @mp, a directory. */
static int graft(struct vfsmount *mt, const struct path *mp)
{
	int err = 0;

	mutex_lock(&vfs_dir_mutex);
	if (mp->dentry->d_flags & DCACHE_UNHASHED)
		err = -ENOENT;
	else if (!S_ISDIR(mp->dentry->d_inode->i_mode) &&
		 S_ISDIR(mt->mnt_root->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err)
		attach_mnt(mt, mp);
	mutex_unlock(&vfs_dir_mutex);
	if (err)
		mntput(mt);
	return err;
}

/**
 * path_mount - mount(2) on a looked-up mountpoint
 * @dev_name: the source: a path for MS_BIND, else any string
 * @mp: where
 * @fstype: the file system type's name (not for MS_BIND or MS_REMOUNT)
 * @mflags: MS_* flags
 * @opts: the option string, or NULL
 *
 * MS_REMOUNT changes the read-only, nosuid, nodev and noexec flags of
 * the mount at @mp. MS_BIND mounts the tree at @dev_name on @mp. MS_MOVE
 * is not supported.
 *
 * Return: 0, -ENODEV (unknown type), -ENOTDIR, -EINVAL (MS_MOVE, or
 * MS_REMOUNT of a path that is not a mount's root), -ENOENT, -ENOMEM,
 * or what the file system's mount returned.
 */
int path_mount(const char *dev_name, const struct path *mp,
	       const char *fstype, unsigned long mflags, void *opts)
{
	struct file_system_type *fs;
	struct vfsmount *mt;

	if (mflags & MS_REMOUNT) {
		if (mp->dentry != mp->mnt->mnt_root)
			return -EINVAL;
		spin_lock(&mount_lock);
		mp->mnt->mnt_flags = mflags & (MS_RDONLY | MS_NOSUID |
					      MS_NODEV | MS_NOEXEC);
		spin_unlock(&mount_lock);
		return 0;
	}
	if (mflags & MS_MOVE)
		return -EINVAL;
	if (mflags & MS_BIND) {
		struct path src;
		int err;

		if (!dev_name)
			return -EFAULT;
		err = kern_path(dev_name, LOOKUP_FOLLOW, &src);
		if (err)
			return err;
		mt = clone_mnt(&src);
		path_put(&src);
	} else {
		if (!fstype)
			return -EINVAL;
		fs = get_fs_type(fstype);
		if (!fs)
			return -ENODEV;
		if (!S_ISDIR(mp->dentry->d_inode->i_mode))
			return -ENOTDIR;
		mt = vfs_kern_mount(fs, mflags, dev_name, opts);
	}
	if (IS_ERR(mt))
		return PTR_ERR(mt);
	return graft(mt, mp);
}

/**
 * path_umount - unmount the mount whose root @pth is
 * @pth: the mount's root (the caller's reference is dropped)
 * @flags: MNT_DETACH: take it out of the tree now even if busy or with
 * mounts on it, freeing it when its last user goes
 *
 * Return: 0, -EINVAL if @pth is not a mount's root, -EBUSY if it is the
 * root mount, or (without MNT_DETACH) in use or has mounts on it.
 */
int path_umount(struct path *pth, int flags)
{
	struct vfsmount *mt = pth->mnt;
	int err = 0;

	mutex_lock(&vfs_dir_mutex);
	if (pth->dentry != mt->mnt_root)
		err = -EINVAL;
	else if (mt->mnt_parent == mt)
		err = -EBUSY;
	else if (!(flags & MNT_DETACH) &&
		 (!list_empty(&mt->mnt_mounts) ||
		  atomic_read(&mt->mnt_count) > 2))
		err = -EBUSY;
	if (!err)
		umount_tree(mt);
	mutex_unlock(&vfs_dir_mutex);
	path_put(pth);
	return err;
}

/**
 * init_mount - mount(2) for the kernel
 * @dev_name: the source
 * @dir_name: the mountpoint, a kernel string
 * @fstype: the type's name
 * @mflags: MS_* flags
 * @opts: options, or NULL
 *
 * Return: as path_mount(), or a path walk error for @dir_name.
 */
int init_mount(const char *dev_name, const char *dir_name,
	       const char *fstype, unsigned long mflags, void *opts)
{
	struct path mp;
	int err = kern_path(dir_name, LOOKUP_FOLLOW, &mp);

	if (err)
		return err;
	err = path_mount(dev_name, &mp, fstype, mflags, opts);
	path_put(&mp);
	return err;
}

/**
 * init_umount - umount2(2) for the kernel
 * @name: the mount's root
 * @flags: MNT_DETACH or 0
 *
 * Return: as path_umount(), or a path walk error.
 */
int init_umount(const char *name, int flags)
{
	struct path pth;
	int err = kern_path(name, LOOKUP_FOLLOW, &pth);

	if (err)
		return err;
	return path_umount(&pth, flags);
}

/* A user string of at most @max bytes, or NULL for a NULL pointer. */
static char *copy_mount_string(const char __user *s, long max)
{
	char *k;
	long n;

	if (!s)
		return NULL;
	k = kmalloc(max, GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(k, s, max);
	if (n < 0 || n == max) {
		kfree(k);
		return ERR_PTR(n < 0 ? n : -EINVAL);
	}
	return k;
}

static long sys_mount(struct pt_regs *regs)
{
	char *dev = NULL, *type = NULL, *data = NULL, *dip;
	unsigned long flags = SC_ARG3(regs);
	struct path mp;
	long err;

	dip = getname((const char __user *)SC_ARG1(regs));
	if (IS_ERR(dip))
		return PTR_ERR(dip);
	dev = copy_mount_string((const char __user *)SC_ARG0(regs), PATH_MAX);
	type = copy_mount_string((const char __user *)SC_ARG2(regs), 256);
	data = copy_mount_string((const char __user *)SC_ARG4(regs), PAGE_SIZE);
	err = IS_ERR(dev) ? PTR_ERR(dev) : IS_ERR(type) ? PTR_ERR(type) :
	      IS_ERR(data) ? PTR_ERR(data) : 0;
	if (!err)
		err = filename_lookup(AT_FDCWD, dip, LOOKUP_FOLLOW, &mp);
	if (!err) {
		err = path_mount(dev, &mp, type, flags, data);
		path_put(&mp);
	}
	if (!IS_ERR(dev))
		kfree(dev);
	if (!IS_ERR(type))
		kfree(type);
	if (!IS_ERR(data))
		kfree(data);
	putname(dip);
	return err;
}
SYSCALL_ENTRY(mount, sys_mount);

static long sys_umount2(struct pt_regs *regs)
{
	int flags = SC_ARG1(regs);
	struct path pth;
	char *name;
	long err;

	if (flags & ~UMOUNT_KNOWN_FLAGS)
		return -EINVAL;
	name = getname((const char __user *)SC_ARG0(regs));
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = filename_lookup(AT_FDCWD, name,
			      (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			      &pth);
	putname(name);
	if (err)
		return err;
	return path_umount(&pth, flags);
}
SYSCALL_ENTRY(umount2, sys_umount2);

/**
 * mounts_show - the text of /proc/mounts
 * @buf: destination
 * @size: its size
 *
 * One line per mount, as Linux writes them: source, mountpoint, type,
 * options ("rw" or "ro"), "0 0".
 *
 * Return: the length written (cut to fit, NUL-terminated).
 */
int mounts_show(char *buf, size_t size)
{
	struct vfsmount *m;
	char *pathbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	int len = 0;

	if (!size || !pathbuf) {
		kfree(pathbuf);
		return 0;
	}
	buf[0] = '\0';
	mutex_lock(&vfs_dir_mutex);
	list_for_each_entry(m, &all_mounts, mnt_list) {
		struct path p = { .mnt = m, .dentry = m->mnt_root };
		char *name = d_path(&p, pathbuf, PATH_MAX);
		int n;

		if (IS_ERR(name))
			continue;
		n = snprintf(buf + len, size - len, "%s %s %s %s 0 0\n",
			     m->mnt_devname, name, m->mnt_sb->s_type->name,
			     (m->mnt_flags & MS_RDONLY) ? "ro" : "rw");
		if (n >= (int)(size - len)) {
			len = size - 1;
			break;
		}
		len += n;
	}
	mutex_unlock(&vfs_dir_mutex);
	kfree(pathbuf);
	return len;
}

/**
 * mnt_init - make the root file system: a tmpfs mounted at "/"
 *
 * Runs as a core_initcall, before anything at later levels mounts,
 * creates or opens files; nobody needs to call it.
 *
 * Return: 0, or -errno if the root could not be made (then nothing in
 * the VFS works: reported loudly).
 */
int mnt_init(void)
{
	struct file_system_type *fs;
	struct vfsmount *mt;
	int err;

	err = shmem_init();
	if (err)
		goto fail;
	fs = get_fs_type("tmpfs");
	mt = fs ? vfs_kern_mount(fs, 0, "rootfs", (void *)"mode=0755") :
		  ERR_PTR(-ENODEV);
	if (IS_ERR(mt)) {
		err = PTR_ERR(mt);
		goto fail;
	}
	spin_lock(&mount_lock);
	list_add_tail(&mt->mnt_list, &all_mounts);
	spin_unlock(&mount_lock);
	boot_root.mnt = mntget(mt);
	boot_root.dentry = dget(mt->mnt_root);
	return 0;
fail:
	pr_err("vfs: no root file system: %d\n", err);
	return err;
}
core_initcall(mnt_init);
