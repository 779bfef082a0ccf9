/* SPDX-License-Identifier: GPL-2.0 */
/*
 * devtmpfs: the tmpfs instance the kernel fills with a node per device
 * (drivers/base/devtmpfs.c) and mounts on /dev.
 */
#ifndef _LINUX_DEVTMPFS_H
#define _LINUX_DEVTMPFS_H

#include <linux/types.h>
#include <linux/fs.h>

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
bool devtmpfs_mounted(void);

#endif /* _LINUX_DEVTMPFS_H */
