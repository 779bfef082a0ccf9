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

#ifdef CONFIG_NUMA_KUNIT_TEST
/*
 * Test hook for mm/numa_kunit.c: while set, a non-zero answer replaces
 * what node_distance() would return, without touching the SLIT's table
 * or the proximity domain mapping.
 */
extern int (*numa_distance_override)(int from, int to);

static inline int numa_test_distance(int from, int to)
{
	return numa_distance_override ? numa_distance_override(from, to) : 0;
}
#else
static inline int numa_test_distance(int from, int to)
{
	return 0;
}
#endif /* CONFIG_NUMA_KUNIT_TEST */

#endif /* _ASM_X86_NUMA_H */
