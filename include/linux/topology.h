/* SPDX-License-Identifier: GPL-2.0 */
/* How far apart nodes are; the architecture knows (SLIT or defaults). */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#define LOCAL_DISTANCE		10
#define REMOTE_DISTANCE		20

/* SLIT distance from node @from to node @to (10 = local). */
int node_distance(int from, int to);

#endif /* _LINUX_TOPOLOGY_H */
