/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NUMA at boot: the ACPI SRAT/SLIT parser reports memory ranges, CPUs and
 * distances by proximity domain; x86_numa_init() turns them into nodes,
 * memblock node ids and MEMBLOCK_HOTPLUG flags.
 */
#ifndef _ASM_X86_NUMA_H
#define _ASM_X86_NUMA_H

#include <linux/types.h>
#include <linux/topology.h>

#define NUMA_MAX_MEMBLKS	64

/* Hooks for the SRAT/SLIT parser; entries it found invalid never get here. */
void numa_add_memblk(int pxm, u64 start, u64 end, bool hotpluggable);
void numa_add_cpu(int pxm, u32 apic_id);
void numa_set_distance(int from_pxm, int to_pxm, u8 distance);

/*
 * Applies what the hooks recorded (or sets up a single node when there is
 * nothing usable). Returns 0, or -EINVAL when the SRAT was unusable and
 * Tide fell back to one node.
 */
int x86_numa_init(void);

int pxm_to_node(int pxm);
/* Node of the CPU with this APIC id, or NUMA_NO_NODE. */
int apicid_to_node(u32 apic_id);

/*
 * Sets the distance between node ids @from and @to (0: none, so that
 * node_distance() answers its default). Return: the value it replaces.
 */
u8 __node_set_distance(int from, int to, u8 distance);

#endif /* _ASM_X86_NUMA_H */
