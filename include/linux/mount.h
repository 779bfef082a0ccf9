/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mounts: a super block's tree grafted onto a directory of another
 * mount. The mount tree and each mount's place in it are fs/namespace.c's;
 * the lock rules are written at struct vfsmount and in vfs.rst.
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/atomic.h>
#include <linux/list.h>

struct dentry;
struct super_block;

/* mount(2) flags, Linux's values. */
#define MS_RDONLY	0x1
#define MS_NOSUID	0x2
#define MS_NODEV	0x4
#define MS_NOEXEC	0x8
#define MS_REMOUNT	0x20
#define MS_BIND		0x1000
#define MS_MOVE		0x2000
#define MS_REC		0x4000
#define MS_SILENT	0x8000

/* umount2(2) flags. */
#define MNT_FORCE	0x1
#define MNT_DETACH	0x2
#define MNT_EXPIRE	0x4
#define UMOUNT_NOFOLLOW	0x8
/* Every flag umount2(2) accepts. */
#define UMOUNT_KNOWN_FLAGS	(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW)

/**
 * struct vfsmount - one mount
 * @mnt_root: the root of the mounted tree (a reference)
 * @mnt_sb: its super block (an s_active reference)
 * @mnt_flags: MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC
 * @mnt_parent: the mount it sits on; itself for the root mount
 * @mnt_mountpoint: the dentry of @mnt_parent it covers (a reference)
 * @mnt_count: references: one for being in the tree, one per struct
 * path that names it (path_get()), one per child mount.
 *
 * @mnt_parent, @mnt_mountpoint, @mnt_child, @mnt_mounts and @mnt_list
 * change under mount_lock (fs/namespace.c) with namespace_sem held;
 * path walk reads them under mount_lock alone.
 */
struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	int mnt_flags;
	struct vfsmount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct list_head mnt_child;	/* on mnt_parent->mnt_mounts */
	struct list_head mnt_mounts;	/* the mounts on top of this one */
	struct list_head mnt_list;	/* every mount in the tree */
	atomic_t mnt_count;
	char mnt_devname[32];
};

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);

#endif /* _LINUX_MOUNT_H */
