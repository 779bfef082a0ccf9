/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NUMA node devices: /sys/devices/system/node/nodeN with their cpulist,
 * and the links between a node and its memory blocks.
 */
#ifndef _LINUX_NODE_H
#define _LINUX_NODE_H

#include <linux/device.h>

struct memory_block;

/* /sys/devices/system/node, owned by drivers/base/node.c */
extern struct bus_type node_subsys;

int register_one_node(int nid);
struct device *node_device(int nid);
int register_memory_block_under_node(struct memory_block *mem);
void unregister_memory_block_under_node(struct memory_block *mem);

#endif /* _LINUX_NODE_H */
