/* SPDX-License-Identifier: GPL-2.0 */
/* How far apart nodes are; the architecture knows (SLIT or defaults). */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#define LOCAL_DISTANCE		10
#define REMOTE_DISTANCE		20

struct cpumask;

/* SLIT distance from node @from to node @to (10 = local). */
int node_distance(int from, int to);
/* The node a present CPU belongs to (node 0 when the SRAT says nothing). */
int cpu_to_node(int cpu);
/* Fills @mask with the present CPUs of node @nid. */
void node_cpumask(int nid, struct cpumask *mask);
/* Writes @mask as a cpulist ("0-3,6") into @buf; returns the length. */
int cpumask_print_list(char *buf, size_t size, const struct cpumask *mask);

#endif /* _LINUX_TOPOLOGY_H */
