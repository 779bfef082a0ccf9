/* SPDX-License-Identifier: GPL-2.0 */
/* Declarations shared inside mm/ only. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/seqlock.h>

/*
 * mm's own metadata (section roots, node data): zeroed; from memblock
 * at boot (in the kernel image's memory block while it has room),
 * addressed through the direct map; from vmalloc afterwards, so that it
 * moves. Returns NULL when out of memory.
 */
void *mm_meta_alloc(size_t size, int nid);
void mm_meta_free(void *p, size_t size);

/* The direct-map address of a page: for mm's own use, never handed out. */
static inline void *page_dm_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}


enum zone_type zone_for_pfn(int nid, unsigned long pfn);
void memblock_free_all(void);
void setup_per_zone_wmarks(void);
void build_all_zonelists(void);
extern seqcount_t zonelist_update_seq;	/* see build_all_zonelists() */
int node_order_by_distance(int nid, int *order);

extern bool __page_alloc_ready;

/* Boot options that size ZONE_MOVABLE (mm/zone_movable.c). */
struct movable_opts {
	bool movable_node;
	bool mirror;			/* kernelcore=mirror: reported, ignored */
	bool kernelcore_set, movablecore_set;
	unsigned long long kernelcore_bytes, movablecore_bytes;
	unsigned int kernelcore_pct, movablecore_pct;	/* 0: bytes apply */
};

extern struct movable_opts movable_opts;
extern unsigned long zone_movable_pfn[MAX_NUMNODES];
void find_zone_movable_pfns(const struct movable_opts *o, unsigned long *mp);

#endif /* _MM_INTERNAL_H */
