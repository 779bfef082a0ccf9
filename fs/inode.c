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

/*
 * TEMPORARY (vfs branch only): the real-time clock is kernel/time.c's
 * (the proc helper's branch declares it in linux/time.h). Until that is
 * merged, time since boot stands in; the lead removes this stand-in.
 */
u64 ktime_get_real_ns(void);
u64 __weak ktime_get_real_ns(void)
{
	return ktime_get_ns();
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
 * new_inode - an inode of @sb with one reference
 * @sb: the super block; the inode goes on its s_inodes list
 *
 * The inode comes with i_nlink 1, mode 0, the current time in all three
 * times, and no operations: the file system fills those in.
 *
 * Return: the inode, or NULL without memory.
 */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	u64 now = inode_now_ns();

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_nlink = 1;
	atomic_set(&inode->i_count, 1);
	init_rwsem(&inode->i_rwsem);
	inode->i_atime_ns = now;
	inode->i_mtime_ns = now;
	inode->i_ctime_ns = now;
	INIT_LIST_HEAD(&inode->i_sb_list);
	spin_lock(&sb->s_inode_list_lock);
	list_add_tail(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
	return inode;
}

/**
 * ihold - take another reference on an inode the caller holds one on
 * @inode: the inode
 */
void ihold(struct inode *inode)
{
	WARN_ON_ONCE(atomic_inc_return(&inode->i_count) < 2);
}

/**
 * iput - drop a reference to an inode
 * @inode: the inode, or NULL
 *
 * At the last reference the super block's evict_inode (if any) runs and
 * the inode is freed. May sleep.
 */
void iput(struct inode *inode)
{
	struct super_block *sb;

	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	sb = inode->i_sb;
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	if (inode->i_pipe)
		free_pipe_info(inode->i_pipe);
	spin_lock(&sb->s_inode_list_lock);
	list_del(&inode->i_sb_list);
	spin_unlock(&sb->s_inode_list_lock);
	kfree(inode);
}

/**
 * init_special_inode - make @inode a device node, FIFO or socket
 * @inode: a new inode
 * @mode: its S_IFCHR, S_IFBLK, S_IFIFO or S_IFSOCK mode
 * @rdev: the device number of a device node
 *
 * Opening a character device then finds the driver registered with
 * chrdev_add() for @rdev; opening a FIFO gives a pipe. Block devices and
 * sockets cannot be opened (-ENXIO).
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = NULL;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else {
		inode->i_fop = NULL;
	}
}

/**
 * inode_permission - may the caller access @inode as @mask asks?
 * @inode: the inode
 * @mask: MAY_READ, MAY_WRITE, MAY_EXEC
 *
 * Every task is root: read and write are always allowed, and so is
 * searching a directory; executing needs an execute bit somewhere, as it
 * does for Linux's root.
 *
 * Return: 0 or -EACCES.
 */
int inode_permission(struct inode *inode, int mask)
{
	if ((mask & MAY_EXEC) && !S_ISDIR(inode->i_mode) &&
	    !(inode->i_mode & 0111))
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
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_type = type;
	sb->s_fs_info = fs_info;
	sb->s_dev = MKDEV(0, atomic_inc_return(&next_anon_minor));
	atomic_set(&sb->s_active, 1);
	spin_lock_init(&sb->s_inode_list_lock);
	INIT_LIST_HEAD(&sb->s_inodes);
	INIT_LIST_HEAD(&sb->s_list);
	sb->s_next_ino = 1;
	return sb;
}

/**
 * kill_anon_super - free a super block and everything cached under it
 * @sb: a super block whose last mount is gone
 *
 * Frees every dentry of the tree (dropping their inodes), calls
 * put_super, and frees @sb. An inode still referenced is reported.
 */
void kill_anon_super(struct super_block *sb)
{
	shrink_dcache_sb(sb);
	WARN_ON_ONCE(!list_empty(&sb->s_inodes));
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	kfree(sb);
}

/**
 * deactivate_super - drop an active reference (a mount) to @sb
 * @sb: the super block
 *
 * The last one kills the super block through its type's kill_sb.
 */
void deactivate_super(struct super_block *sb)
{
	if (!atomic_dec_and_test(&sb->s_active))
		return;
	if (sb->s_type->kill_sb)
		sb->s_type->kill_sb(sb);
	else
		kill_anon_super(sb);
}
