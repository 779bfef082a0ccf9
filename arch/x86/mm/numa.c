// SPDX-License-Identifier: GPL-2.0
/*
 * NUMA setup: from the ranges, CPUs and distances the SRAT/SLIT parser
 * reported (by proximity domain) to node ids on memblock regions, the
 * MEMBLOCK_HOTPLUG flag on hotpluggable ranges, and a distance table.
 *
 * DOC: numa
 *
 * Proximity domains are mapped to node ids in the order they are first
 * seen. A memory-less domain (a hotplug area with no boot RAM, as QEMU
 * gives it) still becomes a node, so that memory hot-added there later has
 * somewhere to go. Without an SRAT, or with one that covers no boot RAM,
 * everything is node 0.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/memory_hotplug.h>
#include <linux/mmzone.h>
#include <linux/string.h>
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <asm/numa.h>
#include <asm/smp.h>
#include <asm/sections.h>

struct numa_memblk {
	u64 start, end;
	int nid;
	bool hotpluggable;
};

static struct numa_memblk numa_memblks[NUMA_MAX_MEMBLKS];
static int nr_numa_memblks;

static int pxm_map[MAX_NUMNODES];	/* node id -> proximity domain */
static int nr_nodes_mapped;
static u8 numa_distance[MAX_NUMNODES][MAX_NUMNODES];

#define MAX_APIC_IDS	256
static s8 apicid_node[MAX_APIC_IDS];
static bool apicid_node_init;

/* Node id for @pxm, creating it if new; NUMA_NO_NODE when out of ids. */
static int pxm_to_node_create(int pxm)
{
	int nid;

	for (nid = 0; nid < nr_nodes_mapped; nid++)
		if (pxm_map[nid] == pxm)
			return nid;
	if (nr_nodes_mapped == MAX_NUMNODES) {
		pr_warn("NUMA: proximity domain %d ignored: more than %d nodes\n",
			pxm, MAX_NUMNODES);
		return NUMA_NO_NODE;
	}
	pxm_map[nr_nodes_mapped] = pxm;
	return nr_nodes_mapped++;
}

int pxm_to_node(int pxm)
{
	int nid;

	for (nid = 0; nid < nr_nodes_mapped; nid++)
		if (pxm_map[nid] == pxm)
			return nid;
	return NUMA_NO_NODE;
}

void numa_add_memblk(int pxm, u64 start, u64 end, bool hotpluggable)
{
	struct numa_memblk *mb;
	int nid = pxm_to_node_create(pxm);

	if (nid == NUMA_NO_NODE || end <= start)
		return;
	if (nr_numa_memblks == NUMA_MAX_MEMBLKS) {
		pr_warn("NUMA: too many memory ranges; [mem %#llx-%#llx] ignored\n",
			start, end - 1);
		return;
	}
	mb = &numa_memblks[nr_numa_memblks++];
	mb->start = start;
	mb->end = end;
	mb->nid = nid;
	mb->hotpluggable = hotpluggable;
}

void numa_add_cpu(int pxm, u32 apic_id)
{
	int nid = pxm_to_node_create(pxm);

	if (!apicid_node_init) {
		memset(apicid_node, NUMA_NO_NODE, sizeof(apicid_node));
		apicid_node_init = true;
	}
	if (nid != NUMA_NO_NODE && apic_id < MAX_APIC_IDS)
		apicid_node[apic_id] = nid;
}

int apicid_to_node(u32 apic_id)
{
	if (!apicid_node_init || apic_id >= MAX_APIC_IDS)
		return NUMA_NO_NODE;
	return apicid_node[apic_id];
}

void numa_set_distance(int from_pxm, int to_pxm, u8 distance)
{
	int from = pxm_to_node_create(from_pxm), to = pxm_to_node_create(to_pxm);

	if (from == NUMA_NO_NODE || to == NUMA_NO_NODE)
		return;
	__node_set_distance(from, to, distance);
}

u8 __node_set_distance(int from, int to, u8 distance)
{
	u8 old;

	if (WARN_ON_ONCE(from < 0 || to < 0 || from >= MAX_NUMNODES ||
			 to >= MAX_NUMNODES))
		return 0;
	old = numa_distance[from][to];
	numa_distance[from][to] = distance;
	return old;
}

/**
 * node_distance - SLIT distance between two nodes
 *
 * Return: the SLIT value, or 10 for a node to itself and 20 otherwise
 * when the SLIT gave none.
 */
int node_distance(int from, int to)
{
	if (from < 0 || to < 0 || from >= MAX_NUMNODES || to >= MAX_NUMNODES)
		return REMOTE_DISTANCE;
	if (numa_distance[from][to])
		return numa_distance[from][to];
	if (from != to)
		return REMOTE_DISTANCE;
	return LOCAL_DISTANCE;
}

int cpu_to_node(int cpu)
{
	int nid;

	if (cpu < 0 || cpu >= NR_CPUS)
		return 0;
	nid = apicid_to_node(x86_cpu_to_apicid[cpu]);
	return nid == NUMA_NO_NODE ? 0 : nid;
}

void node_cpumask(int nid, struct cpumask *mask)
{
	int cpu;

	cpumask_clear(mask);
	for_each_present_cpu(cpu)
		if (cpu_to_node(cpu) == nid)
			cpumask_set_cpu(cpu, mask);
}

int cpumask_print_list(char *buf, size_t size, const struct cpumask *mask)
{
	int cpu, len = 0, start = -1, prev = -2;

	buf[0] = '\0';
	for (cpu = 0; cpu <= NR_CPUS; cpu++) {
		bool set = cpu < NR_CPUS && cpumask_test_cpu(cpu, mask);

		if (set && start < 0)
			start = cpu;
		if (set) {
			prev = cpu;
			continue;
		}
		if (start < 0)
			continue;
		len += scnprintf(buf + len, size - len, "%s%d", len ? "," : "", start);
		if (prev > start)
			len += scnprintf(buf + len, size - len, "-%d", prev);
		start = -1;
	}
	return len;
}

/* After SMP bring-up: which CPUs and how much memory each node has. */
static int numa_report_nodes(void)
{
	struct cpumask mask;
	char list[64];
	int nid;

	for_each_online_node(nid) {
		node_cpumask(nid, &mask);
		cpumask_print_list(list, sizeof(list), &mask);
		pr_info("NUMA: node %d: CPUs %s, %lu MiB present\n", nid,
			list[0] ? list : "none",
			NODE_DATA(nid)->node_present_pages >> (20 - PAGE_SHIFT));
	}
	return 0;
}
late_initcall(numa_report_nodes);

/* Does any recorded range cover boot RAM? */
static bool numa_covers_ram(void)
{
	struct memblock_region *r;
	int i;

	for_each_mem_region(r)
		for (i = 0; i < nr_numa_memblks; i++)
			if (numa_memblks[i].start < memblock_region_end(r) &&
			    numa_memblks[i].end > r->base)
				return true;
	return false;
}

static void numa_reset(void)
{
	nr_numa_memblks = 0;
	nr_nodes_mapped = 0;
	memset(numa_distance, 0, sizeof(numa_distance));
	apicid_node_init = false;
}

/*
 * The node holding the kernel image can never be unplugged: whatever the
 * SRAT says, none of its memory is treated as hotpluggable.
 */
static void numa_clear_kernel_node_hotplug(void)
{
	phys_addr_t kernel = __pa_symbol(_text);
	struct memblock_region *r;
	int nid = NUMA_NO_NODE;

	for_each_mem_region(r)
		if (kernel >= r->base && kernel < memblock_region_end(r))
			nid = r->nid;
	/* Clearing can merge regions, so look again after each change. */
	for (;;) {
		bool cleared = false;

		for_each_mem_region(r) {
			if (r->nid != nid || !(r->flags & MEMBLOCK_HOTPLUG))
				continue;
			pr_warn("NUMA: node %d holds the kernel; [mem %#llx-%#llx] is not hotpluggable\n",
				nid, r->base, memblock_region_end(r) - 1);
			memblock_clear_hotplug(r->base, r->size);
			cleared = true;
			break;
		}
		if (!cleared)
			return;
	}
}

int x86_numa_init(void)
{
	int i, ret = 0;

	if (nr_numa_memblks && !numa_covers_ram()) {
		pr_warn("NUMA: SRAT covers no boot RAM, using one node\n");
		numa_reset();
		ret = -EINVAL;
	}
	for (i = 0; i < nr_numa_memblks; i++) {
		struct numa_memblk *mb = &numa_memblks[i];

		memblock_set_node(mb->start, mb->end - mb->start, mb->nid);
		if (mb->hotpluggable)
			memblock_mark_hotplug(mb->start, mb->end - mb->start);
		pr_info("NUMA: node %d [mem %#018llx-%#018llx]%s\n", mb->nid,
			mb->start, mb->end - 1, mb->hotpluggable ? " hotplug" : "");
	}
	if (!nr_nodes_mapped)
		pr_info("NUMA: no SRAT, all memory on node 0\n");
	nr_node_ids = max(nr_nodes_mapped, 1);
	numa_clear_kernel_node_hotplug();
	/* From here on, boot allocations stay out of hotpluggable memory. */
	if (movable_node_is_enabled())
		memblock_set_skip_hotplug(true);
	return ret;
}

/**
 * memory_add_physaddr_to_nid - the node hot-added memory at @start joins
 *
 * The node of the SRAT memory affinity range (hotpluggable or not) that
 * holds @start, as QEMU describes its DIMM area; without one, node 0,
 * said once. For the probe file and for memory devices without _PXM.
 * Return: a node id.
 */
int memory_add_physaddr_to_nid(u64 start)
{
	int i;

	for (i = 0; i < nr_numa_memblks; i++)
		if (start >= numa_memblks[i].start && start < numa_memblks[i].end)
			return numa_memblks[i].nid;
	pr_info_once("NUMA: no node for memory at %#llx, using node 0\n", start);
	return 0;
}
