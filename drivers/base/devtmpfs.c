// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs: one tmpfs super block, mountable as type "devtmpfs" any
 * number of times, that the kernel mounts on /dev and fills with a node
 * for each device a driver registers.
 */
#include <linux/kernel.h>
#include <linux/devtmpfs.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

/* fs/filesystems.c: a registered type by name (Linux's fs.h has it). */
struct file_system_type *get_fs_type(const char *fsname);

/**
 * DOC: devtmpfs
 *
 * The first mount of type "devtmpfs" makes a tmpfs super block through
 * tmpfs's own mount; devtmpfs keeps an active reference on it, so it
 * lives for good, and every later mount shows the same tree. Its type
 * is then devtmpfs's, so /proc/mounts says "devtmpfs".
 *
 * At fs_initcall time the kernel mounts it on /dev (making /dev if the
 * root lacks it). devtmpfs_create_node() makes nodes by path under
 * /dev: a node asked for earlier waits on a list until then. Nodes are
 * made with the kernel's view of the tree (the boot root), so a file
 * system user space mounts over /dev later hides them, as on Linux.
 *
 * devtmpfs_lock protects devtmpfs_up and the pending list; it is taken
 * before the VFS's locks (init_mknod() takes them). devtmpfs_sb_lock
 * protects devtmpfs_sb and devtmpfs_root; mount(2) takes it under the
 * VFS's locks, so it comes after them and nothing is called under it.
 */
static DEFINE_MUTEX(devtmpfs_lock);
static DEFINE_MUTEX(devtmpfs_sb_lock);
static struct super_block *devtmpfs_sb;
static struct dentry *devtmpfs_root;
static bool devtmpfs_up;
static LIST_HEAD(devtmpfs_pending);

struct devtmpfs_req {
	struct list_head list;
	umode_t mode;
	dev_t dev;
	char name[];
};

static struct file_system_type devtmpfs_fs_type;

static struct dentry *devtmpfs_mount(struct file_system_type *type,
				     int flags, const char *dev_name,
				     void *data)
{
	struct file_system_type *tmpfs;
	struct dentry *root;

	mutex_lock(&devtmpfs_sb_lock);
	if (devtmpfs_root) {
		/* the mount about to be made holds one more */
		atomic_inc(&devtmpfs_sb->s_active);
		root = dget(devtmpfs_root);
		goto out;
	}
	tmpfs = get_fs_type("tmpfs");
	if (!tmpfs || !tmpfs->mount) {
		root = ERR_PTR(-ENODEV);
		goto out;
	}
	root = tmpfs->mount(tmpfs, flags, "devtmpfs", NULL);
	if (IS_ERR(root))
		goto out;
	devtmpfs_sb = root->d_sb;
	devtmpfs_sb->s_type = &devtmpfs_fs_type;
	devtmpfs_fs_type.kill_sb = tmpfs->kill_sb;
	root->d_inode->i_mode = S_IFDIR | 0755;
	/* devtmpfs's own active reference, and its own on the root */
	atomic_inc(&devtmpfs_sb->s_active);
	devtmpfs_root = dget(root);
out:
	mutex_unlock(&devtmpfs_sb_lock);
	return root;
}

static struct file_system_type devtmpfs_fs_type = {
	.name = "devtmpfs",
	.mount = devtmpfs_mount,
};

/* Makes "/dev/a/b"'s directories "/dev/a"; @path is a writable copy. */
static void devtmpfs_make_parents(char *path)
{
	char *slash = path + 5;	/* after "/dev/" */

	while ((slash = strchr(slash, '/'))) {
		*slash = '\0';
		init_mkdir(path, 0755);	/* -EEXIST is fine */
		*slash = '/';
		slash++;
	}
}

/* Caller holds devtmpfs_lock and devtmpfs is up. */
static int devtmpfs_mknod_locked(const char *name, umode_t mode, dev_t dev)
{
	size_t len = strlen(name) + 6;
	char *path = kmalloc(len, GFP_KERNEL);
	int err;

	if (!path)
		return -ENOMEM;
	snprintf(path, len, "/dev/%s", name);
	devtmpfs_make_parents(path);
	err = init_mknod(path, mode, dev);
	kfree(path);
	return err;
}

/**
 * devtmpfs_create_node - make the node /dev/@name for device @dev
 * @name: the name under /dev, e.g. "null" or "pts/0" (directories on
 *        the way are made); no "..", no leading '/'
 * @mode: S_IFCHR or S_IFBLK with the permission bits; permission bits
 *        alone mean a character device
 * @dev: the device number
 *
 * Before devtmpfs is mounted the request is kept and carried out then.
 * Task context; may sleep.
 *
 * Return: 0, -EINVAL (bad name or type), -EEXIST (the name exists),
 * -ENOMEM, or another -errno of init_mknod().
 */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct devtmpfs_req *req;
	size_t len;
	int err = 0;

	if (!name || !*name || name[0] == '/' || strstr(name, ".."))
		return -EINVAL;
	if (!(mode & S_IFMT))
		mode |= S_IFCHR;
	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		return -EINVAL;
	mutex_lock(&devtmpfs_lock);
	if (devtmpfs_up) {
		err = devtmpfs_mknod_locked(name, mode, dev);
		goto out;
	}
	len = strlen(name) + 1;
	req = kmalloc(sizeof(*req) + len, GFP_KERNEL);
	if (!req) {
		err = -ENOMEM;
		goto out;
	}
	req->mode = mode;
	req->dev = dev;
	memcpy(req->name, name, len);
	list_add_tail(&req->list, &devtmpfs_pending);
out:
	mutex_unlock(&devtmpfs_lock);
	return err;
}

/**
 * devtmpfs_mounted - whether devtmpfs is on /dev and nodes go there
 *
 * Return: true once devtmpfs_init() mounted it.
 */
bool devtmpfs_mounted(void)
{
	bool up;

	mutex_lock(&devtmpfs_lock);
	up = devtmpfs_up;
	mutex_unlock(&devtmpfs_lock);
	return up;
}

/* chrdev_add()'s node maker: @mode has the permission bits alone. */
static int devtmpfs_chrdev_node(dev_t dev, const char *name, umode_t mode)
{
	return devtmpfs_create_node(name, S_IFCHR | (mode & 07777), dev);
}

/* After mnt_init() (core_initcall) made the root; before device drivers. */
static int __init devtmpfs_init(void)
{
	struct devtmpfs_req *req, *next;
	int err;

	err = register_filesystem(&devtmpfs_fs_type);
	if (err)
		return err;
	init_mkdir("/dev", 0755);	/* the initramfs may bring its own */
	err = init_mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	if (err) {
		pr_err("devtmpfs: mounting on /dev: %d\n", err);
		return err;
	}
	mutex_lock(&devtmpfs_lock);
	devtmpfs_up = true;
	list_for_each_entry_safe(req, next, &devtmpfs_pending, list) {
		err = devtmpfs_mknod_locked(req->name, req->mode, req->dev);
		if (err)
			pr_warn("devtmpfs: /dev/%s: %d\n", req->name, err);
		list_del(&req->list);
		kfree(req);
	}
	mutex_unlock(&devtmpfs_lock);
	/* nodes for the character devices registered so far, and later */
	chrdev_register_node_maker(devtmpfs_chrdev_node);
	pr_info("devtmpfs: mounted on /dev\n");
	return 0;
}
fs_initcall(devtmpfs_init);
