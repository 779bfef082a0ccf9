// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: inodes and super blocks
 *
 * An inode lives while something refers to it: each dentry naming it
 * holds one reference (i_count), and so does each ihold(). Tide keeps
 * no unused inodes: at the last iput() the file system's evict_inode
 * runs and the inode is freed, whatever its link count. A file system
 * that wants an inode to outlive its users keeps a dentry (tmpfs does).
 *
 * Super blocks are made by sget_nodev() for file systems without a
 * device, each with its own anonymous device number, and die when their
 * last mount goes (deactivate_super() calls the type's kill_sb).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include "internal.h"

/* Numbers for inodes of file systems that have no numbering of their own. */
static atomic_long_t last_ino = ATOMIC_LONG_INIT(1);

/* Minor numbers of anonymous super blocks (major 0), as Linux gives. */
static atomic_t next_anon_minor = ATOMIC_INIT(1);

/**
 * get_next_ino - a fresh inode number
 *
 * Return: a number not given before (wraps only after 2^63 calls).
 */
unsigned long get_next_ino(void)
{
	return atomic_long_inc_return(&last_ino);
}

/**
 * inode_now_ns - the time to stamp on an inode now
 *
 * Return: CLOCK_REALTIME in nanoseconds since 1970.
 */
u64 inode_now_ns(void)
{
	return ktime_get_real_ns();
}

/**
 * new_inode - an inode of @sblk with one reference
 * @sblk: the super block; the inode goes on its s_inodes list
 *
 * The inode comes with i_nlink 1, mode 0, the current time in all three
 * times, and no operations: the file system fills those in.
 *
 * Return: the inode, or NULL without memory.
 */
struct inode *new_inode(struct super_block *sblk)
{
	struct inode *ip = kzalloc(sizeof(*ip), GFP_KERNEL);
	u64 now = inode_now_ns();

	if (!ip)
		return NULL;
	ip->i_sb = sblk;
	ip->i_nlink = 1;
	atomic_set(&ip->i_count, 1);
	init_rwsem(&ip->i_rwsem);
	ip->i_atime_ns = now;
	ip->i_mtime_ns = now;
	ip->i_ctime_ns = now;
	INIT_LIST_HEAD(&ip->i_sb_list);
	spin_lock(&sblk->s_inode_list_lock);
	list_add_tail(&ip->i_sb_list, &sblk->s_inodes);
	spin_unlock(&sblk->s_inode_list_lock);
	return ip;
}

/**
 * ihold - take another reference on an inode the caller holds one on
 * @ip: the inode
 */
void ihold(struct inode *ip)
{
	WARN_ON_ONCE(atomic_inc_return(&ip->i_count) < 2);
}

/**
 * iput - drop a reference to an inode
 * @ip: the inode, or NULL
 *
 * At the last reference the super block's evict_inode (if any) runs and
 * the inode is freed. May sleep.
 */
void iput(struct inode *ip)
{
	struct super_block *sblk;

	if (!ip || !atomic_dec_and_test(&ip->i_count))
		return;
	sblk = ip->i_sb;
	if (sblk->s_op && sblk->s_op->evict_inode)
		sblk->s_op->evict_inode(ip);
	if (ip->i_pipe)
		free_pipe_info(ip->i_pipe);
	spin_lock(&sblk->s_inode_list_lock);
	list_del(&ip->i_sb_list);
	spin_unlock(&sblk->s_inode_list_lock);
	kfree(ip);
}

/**
 * init_special_inode - make @ip a device node, FIFO or socket
 * @ip: a new inode
 * @mode: its S_IFCHR, S_IFBLK, S_IFIFO or S_IFSOCK mode
 * @rdev: the device number of a device node
 *
 * Opening a character device then finds the driver registered with
 * chrdev_add() for @rdev; opening a FIFO gives a pipe. Block devices and
 * sockets cannot be opened (-ENXIO).
 */
void init_special_inode(struct inode *ip, umode_t mode, dev_t rdev)
{
	ip->i_mode = mode;
	if (S_ISCHR(mode)) {
		ip->i_fop = &chrdev_open_fops;
		ip->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		ip->i_fop = NULL;
		ip->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		ip->i_fop = &pipe_file_fops;
	} else {
		ip->i_fop = NULL;
	}
}

/**
 * inode_permission - may the caller access @ip as @mask asks?
 * @ip: the inode
 * @mask: MAY_READ, MAY_WRITE, MAY_EXEC
 *
 * Every task is root: read and write are always allowed, and so is
 * searching a directory; executing needs an execute bit somewhere, as it
 * does for Linux's root.
 *
 * Return: 0 or -EACCES.
 */
int inode_permission(struct inode *ip, int mask)
{
	if ((mask & MAY_EXEC) && !S_ISDIR(ip->i_mode) &&
	    !(ip->i_mode & 0111))
		return -EACCES;
	return 0;
}

/**
 * sget_nodev - a new super block for a file system without a device
 * @type: the file system type
 * @fs_info: the file system's private data, in s_fs_info
 *
 * The super block has its own device number (major 0) and one active
 * reference, for the mount about to be made; no root yet.
 *
 * Return: the super block, or ERR_PTR(-ENOMEM).
 */
struct super_block *sget_nodev(struct file_system_type *type, void *fs_info)
{
	struct super_block *sblk = kzalloc(sizeof(*sblk), GFP_KERNEL);

	if (!sblk)
		return ERR_PTR(-ENOMEM);
	sblk->s_type = type;
	sblk->s_fs_info = fs_info;
	sblk->s_dev = MKDEV(0, atomic_inc_return(&next_anon_minor));
	atomic_set(&sblk->s_active, 1);
	spin_lock_init(&sblk->s_inode_list_lock);
	INIT_LIST_HEAD(&sblk->s_inodes);
	INIT_LIST_HEAD(&sblk->s_list);
	sblk->s_next_ino = 1;
	return sblk;
}

/**
 * kill_anon_super - free a super block and everything cached under it
 * @sblk: a super block whose last mount is gone
 *
 * Frees every dentry of the tree (dropping their inodes), calls
 * put_super, and frees @sblk. An inode still referenced is reported.
 */
void kill_anon_super(struct super_block *sblk)
{
	shrink_dcache_sb(sblk);
	WARN_ON_ONCE(!list_empty(&sblk->s_inodes));
	if (sblk->s_op && sblk->s_op->put_super)
		sblk->s_op->put_super(sblk);
	kfree(sblk);
}

/**
 * deactivate_super - drop an active reference (a mount) to @sblk
 * @sblk: the super block
 *
 * The last one kills the super block through its type's kill_sb.
 */
void deactivate_super(struct super_block *sblk)
{
	if (!atomic_dec_and_test(&sblk->s_active))
		return;
	if (sblk->s_type->kill_sb)
		sblk->s_type->kill_sb(sblk);
	else
		kill_anon_super(sblk);
}
