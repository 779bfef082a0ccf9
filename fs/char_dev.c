// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: drivers register a device number with its file
 * operations (chrdev_add()); opening a device node with that number
 * switches the open file to the driver's operations.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

struct chrdev {
	struct list_head list;
	dev_t dev;
	umode_t mode;
	const struct file_operations *fops;
	char name[32];
};

/* Registered devices; under chrdevs_lock. Entries are never removed. */
static LIST_HEAD(chrdevs);
static DEFINE_SPINLOCK(chrdevs_lock);
/* Who makes /dev nodes (devtmpfs), once it is up; under chrdevs_lock. */
static chrdev_node_fn node_maker;

static struct chrdev *chrdev_find(dev_t dev)
{
	struct chrdev *cd, *found = NULL;

	spin_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list) {
		if (cd->dev == dev) {
			found = cd;
			break;
		}
	}
	spin_unlock(&chrdevs_lock);
	return found;
}

/**
 * chrdev_add - register a character device
 * @dev: its number
 * @name: its name under /dev ("ttyS0", "console"; may contain '/')
 * @mode: the node's permission bits
 * @fops: what an open of the node gets
 *
 * If a node maker is registered (devtmpfs), it is asked to make the
 * node now; otherwise it makes it when it registers.
 *
 * Return: 0, -EBUSY if @dev is taken, -EINVAL (no @fops, long name),
 * -ENOMEM.
 */
int chrdev_add(dev_t dev, const char *name, umode_t mode,
	       const struct file_operations *fops)
{
	struct chrdev *cd;
	chrdev_node_fn maker;

	if (!fops || !name || strlen(name) >= sizeof(cd->name))
		return -EINVAL;
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	cd->dev = dev;
	cd->mode = mode & 07777;
	cd->fops = fops;
	memcpy(cd->name, name, strlen(name) + 1);	/* length checked */
	if (chrdev_find(dev)) {
		kfree(cd);
		return -EBUSY;
	}
	spin_lock(&chrdevs_lock);
	list_add_tail(&cd->list, &chrdevs);
	maker = node_maker;
	spin_unlock(&chrdevs_lock);
	if (maker)
		maker(dev, cd->name, cd->mode);
	return 0;
}

/**
 * chrdev_register_node_maker - devtmpfs is up: make nodes from now on
 * @fn: called with each registered device's number, name and mode, at
 * once for the devices there are and then for every later chrdev_add()
 *
 * Called once, in process context; @fn may sleep.
 */
void chrdev_register_node_maker(chrdev_node_fn fn)
{
	struct chrdev *cd;

	spin_lock(&chrdevs_lock);
	node_maker = fn;
	spin_unlock(&chrdevs_lock);
	/* Entries are never removed, so the walk needs no lock held. */
	list_for_each_entry(cd, &chrdevs, list)
		fn(cd->dev, cd->name, cd->mode);
}

/* The open of any character device node: hand over to the driver. */
static int chrdev_open(struct inode *ip, struct file *filp)
{
	struct chrdev *cd = chrdev_find(ip->i_rdev);

	if (!cd)
		return -ENXIO;
	filp->f_op = cd->fops;
	return filp->f_op->open ? filp->f_op->open(ip, filp) : 0;
}

const struct file_operations chrdev_open_fops = {
	.open = chrdev_open,
};
