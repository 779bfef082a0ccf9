// SPDX-License-Identifier: GPL-2.0
/*
 * ZONE_MOVABLE at boot: where each node's movable zone starts, from
 * movable_node (hotpluggable memory), or from kernelcore=/movablecore=.
 *
 * DOC: ZONE_MOVABLE sizing
 *
 * A node's ZONE_MOVABLE is everything from zone_movable_pfn[nid] up; 0
 * means the node has none. Three ways to size it, as in Linux:
 *
 * - movable_node: it starts at the node's lowest hotpluggable pfn (memory
 *   the SRAT flagged, MEMBLOCK_HOTPLUG), so hotpluggable memory holds no
 *   kernel data.
 * - kernelcore=X (bytes or percent of RAM): X pages stay usable by the
 *   kernel, spread evenly over the nodes; a node too small for its share
 *   is all kernel and the others take more. movablecore=Y asks for Y
 *   movable pages, i.e. kernelcore = RAM - Y; with both, the kernel gets
 *   the larger of the two answers.
 * - Movable pages only ever come from the highest populated zone type
 *   (Normal, or DMA32 on a machine without RAM above 4 GiB): pages below
 *   it always stay kernel and count towards kernelcore.
 *
 * Starts are rounded up to MAX_PAGE_ORDER blocks; a start at or past a
 * node's end means no movable zone there. kernelcore=mirror is not
 * supported: it is reported and ignored.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "internal.h"

struct movable_opts movable_opts;

#define DMA32_END_PFN		PHYS_PFN(SZ_4G)
#define MOVABLE_ALIGN_PAGES	(1UL << MAX_PAGE_ORDER)

static bool region_usable(const struct memblock_region *r)
{
	return !(r->flags & MEMBLOCK_NOMAP) && r->nid >= 0 && r->nid < MAX_NUMNODES &&
	       PFN_DOWN(memblock_region_end(r)) > PFN_UP(r->base);
}

static unsigned long node_end_pfn(int nid)
{
	struct memblock_region *r;
	unsigned long end = 0;

	for_each_mem_region(r)
		if (region_usable(r) && r->nid == nid)
			end = max(end, PFN_DOWN(memblock_region_end(r)));
	return end;
}

/* Pages requested by a size or percentage option, out of @total. */
static unsigned long option_pages(unsigned long long bytes, unsigned int pct,
				  unsigned long total)
{
	if (pct)
		return total / 100 * pct + total % 100 * pct / 100;
	return PFN_UP(bytes);
}

static void size_from_hotplug(unsigned long *mp)
{
	struct memblock_region *r;

	for_each_mem_region(r) {
		unsigned long pfn = PFN_UP(r->base);

		if (!region_usable(r) || !(r->flags & MEMBLOCK_HOTPLUG))
			continue;
		if (!mp[r->nid] || pfn < mp[r->nid])
			mp[r->nid] = pfn;
	}
}

/*
 * Hands out @kernel pages to the nodes, lowest addresses first, in equal
 * shares, repeating while some node still has room and pages remain.
 * Pages below @usable_start are kernel whatever the share.
 */
static void size_from_kernelcore(unsigned long kernel, unsigned long usable_start,
				 unsigned long *mp)
{
	unsigned long kernel_end[MAX_NUMNODES] = { 0 };
	bool has_mem[MAX_NUMNODES] = { false }, full[MAX_NUMNODES] = { false };
	struct memblock_region *r;
	int nid, usable = 0;

	/* A node the shares never reach is movable from its first pfn. */
	for_each_mem_region(r) {
		if (!region_usable(r) || has_mem[r->nid])
			continue;
		has_mem[r->nid] = true;
		kernel_end[r->nid] = PFN_UP(r->base);
	}
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		usable += has_mem[nid];

	while (kernel && usable) {
		unsigned long share = max(kernel / usable, 1UL), progress = 0;

		for (nid = 0; nid < MAX_NUMNODES; nid++) {
			unsigned long budget = share;

			if (!has_mem[nid] || full[nid])
				continue;
			for_each_mem_region(r) {
				unsigned long s = max(PFN_UP(r->base), kernel_end[nid]);
				unsigned long e = PFN_DOWN(memblock_region_end(r));
				unsigned long take;

				if (!region_usable(r) || r->nid != nid || s >= e)
					continue;
				if (s < usable_start) {
					unsigned long low_end = min(e, usable_start);
					unsigned long n = low_end - s;

					kernel_end[nid] = low_end;
					budget -= min(n, budget);
					kernel -= min(n, kernel);
					progress += n;
					s = low_end;
					if (s >= e)
						continue;
				}
				if (!budget || !kernel)
					break;
				take = min3(budget, e - s, kernel);
				kernel_end[nid] = s + take;
				budget -= take;
				kernel -= take;
				progress += take;
				if (!budget || !kernel)
					break;
			}
			if (kernel_end[nid] >= node_end_pfn(nid)) {
				full[nid] = true;
				usable--;
			}
		}
		if (!progress)
			break;
	}
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (has_mem[nid] && !full[nid])
			mp[nid] = max(kernel_end[nid], usable_start);
}

/**
 * find_zone_movable_pfns - where ZONE_MOVABLE starts on each node
 * @o: the options (movable_opts at boot; tests pass their own)
 * @mp: out, MAX_NUMNODES entries; 0 for a node without ZONE_MOVABLE
 *
 * Reads memblock's memory regions (node ids and MEMBLOCK_HOTPLUG must be
 * set already). See the DOC comment at the top of this file.
 */
void find_zone_movable_pfns(const struct movable_opts *o, unsigned long *mp)
{
	struct memblock_region *r;
	unsigned long total = 0, kernel, usable_start = 0;
	int nid;

	memset(mp, 0, MAX_NUMNODES * sizeof(*mp));
	for_each_mem_region(r) {
		if (!region_usable(r))
			continue;
		total += PFN_DOWN(memblock_region_end(r)) - PFN_UP(r->base);
		if (PFN_DOWN(memblock_region_end(r)) > DMA32_END_PFN)
			usable_start = DMA32_END_PFN;
	}

	if (o->movable_node) {
		size_from_hotplug(mp);
	} else if (o->kernelcore_set || o->movablecore_set) {
		kernel = o->kernelcore_set ?
			 option_pages(o->kernelcore_bytes, o->kernelcore_pct, total) : 0;
		if (o->movablecore_set) {
			unsigned long movable = ALIGN(option_pages(o->movablecore_bytes,
								   o->movablecore_pct, total),
						      MOVABLE_ALIGN_PAGES);

			kernel = max(kernel, total - min(movable, total));
		}
		if (kernel && kernel < total)
			size_from_kernelcore(kernel, usable_start, mp);
	}

	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		if (!mp[nid])
			continue;
		mp[nid] = ALIGN(mp[nid], MOVABLE_ALIGN_PAGES);
		if (mp[nid] >= node_end_pfn(nid))
			mp[nid] = 0;
	}
}

/* kernelcore= / movablecore=: nn[KMGTPE] or nn% (at most 100). */
static int parse_core(char *val, unsigned long long *bytes, unsigned int *pct)
{
	unsigned long long v;
	char *end;

	if (!val)
		return -EINVAL;
	v = memparse(val, &end);
	if (end == val)
		return -EINVAL;
	if (*end == '%') {
		/* digits right before the '%': no size suffix allowed */
		if (end[-1] < '0' || end[-1] > '9' || v > 100 || end[1])
			return -EINVAL;
		*pct = v;
		*bytes = 0;
		return 0;
	}
	if (*end)
		return -EINVAL;
	*bytes = v;
	*pct = 0;
	return 0;
}

static int __init kernelcore_setup(char *val)
{
	if (val && !strcmp(val, "mirror")) {
		pr_warn("kernelcore=mirror is not supported by Tide; ignored\n");
		movable_opts.mirror = true;
		return 0;
	}
	if (parse_core(val, &movable_opts.kernelcore_bytes,
		       &movable_opts.kernelcore_pct))
		return -EINVAL;
	movable_opts.kernelcore_set = true;
	return 0;
}
early_param("kernelcore", kernelcore_setup);

static int __init movablecore_setup(char *val)
{
	if (parse_core(val, &movable_opts.movablecore_bytes,
		       &movable_opts.movablecore_pct))
		return -EINVAL;
	movable_opts.movablecore_set = true;
	return 0;
}
early_param("movablecore", movablecore_setup);
