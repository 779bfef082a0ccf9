// SPDX-License-Identifier: GPL-2.0
/*
 * procfs files about memory: meminfo, vmstat, zoneinfo, buddyinfo and
 * iomem, printed from the zones, the counters mm keeps and the resource
 * tree.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include "internal.h"

/**
 * proc_meminfo_show - /proc/meminfo: mm's meminfo_format()
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_meminfo_show(struct proc_text *t, struct task_struct *task)
{
	int n = meminfo_format(t->buf + t->len, t->size - t->len);

	t->len += n;
	/* meminfo_format() cuts short silently: a full buffer means retry */
	if (t->len + 1 >= t->size)
		t->len = t->size;
	return 0;
}

/**
 * proc_iomem_show - /proc/iomem: the resource tree, as kernel/resource.c
 * formats it
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_iomem_show(struct proc_text *t, struct task_struct *task)
{
	int n = iomem_format(t->buf + t->len, t->size - t->len);

	t->len += n;
	if (t->len + 1 >= t->size)
		t->len = t->size;
	return 0;
}

/* Sums one zone counter over every zone of type @z (all if -1). */
static unsigned long zone_stat_sum(int z, enum zone_stat_item item)
{
	unsigned long n = 0;
	int nid, i;

	for_each_online_node(nid) {
		for (i = 0; i < MAX_NR_ZONES; i++) {
			if (z >= 0 && i != z)
				continue;
			n += READ_ONCE(NODE_DATA(nid)->node_zones[i].vm_stat[item]);
		}
	}
	return n;
}

/* Linux's suffix of the per-zone event counters (pgalloc_dma32, ...). */
static const char *vmstat_zone_suffix(int z)
{
	switch (z) {
	case ZONE_DMA32:
		return "dma32";
	case ZONE_NORMAL:
		return "normal";
	case ZONE_MOVABLE:
		return "movable";
	default:
		return "unknown";
	}
}

/**
 * proc_vmstat_show - /proc/vmstat: the counters Tide keeps, Linux's names
 * @t: output
 * @task: unused
 *
 * nr_free_pages excludes free pages in isolated pageblocks (Tide counts
 * those apart, Linux has no name for them); nr_kernel_stack is in kB as
 * on Linux; pgalloc_<zone> and pgfree count the buddy allocator's
 * allocations and frees, pgmigrate_success the pages migration moved.
 *
 * Return: 0.
 */
int proc_vmstat_show(struct proc_text *t, struct task_struct *task)
{
	int z;

	proc_printf(t, "nr_free_pages %lu\n",
		    zone_stat_sum(-1, NR_FREE_PAGES));
	proc_printf(t, "nr_kernel_stack %lu\n",
		    kernel_stack_pages() << (PAGE_SHIFT - 10));
	for (z = 0; z < MAX_NR_ZONES; z++)
		proc_printf(t, "pgalloc_%s %lu\n", vmstat_zone_suffix(z),
			    zone_stat_sum(z, NR_ALLOC));
	proc_printf(t, "pgfree %lu\n", zone_stat_sum(-1, NR_FREE_EVENTS));
	proc_printf(t, "pgmigrate_success %lu\n", migrate_nr_succeeded());
	return 0;
}

static void zoneinfo_zone(struct proc_text *t, pg_data_t *pgdat, int z)
{
	struct zone *zone = &pgdat->node_zones[z];
	int i;

	proc_printf(t, "Node %d, zone %8s", pgdat->node_id, zone->name);
	proc_printf(t, "\n  pages free     %lu",
		    READ_ONCE(zone->vm_stat[NR_FREE_PAGES]));
	proc_printf(t, "\n        boost    %lu", 0UL);
	proc_printf(t, "\n        min      %lu", min_wmark_pages(zone));
	proc_printf(t, "\n        low      %lu", low_wmark_pages(zone));
	proc_printf(t, "\n        high     %lu", high_wmark_pages(zone));
	proc_printf(t, "\n        spanned  %lu", READ_ONCE(zone->spanned_pages));
	proc_printf(t, "\n        present  %lu", READ_ONCE(zone->present_pages));
	proc_printf(t, "\n        managed  %lu", READ_ONCE(zone->managed_pages));
	proc_printf(t, "\n        cma      %lu", 0UL);
	proc_printf(t, "\n        protection: (");
	for (i = 0; i < MAX_NR_ZONES; i++)
		proc_printf(t, "%s0", i ? ", " : "");
	proc_printf(t, ")");
	proc_printf(t, "\n      %-12s %lu", "nr_free_pages",
		    READ_ONCE(zone->vm_stat[NR_FREE_PAGES]));
	proc_printf(t, "\n  start_pfn:           %lu\n",
		    READ_ONCE(zone->zone_start_pfn));
}

/**
 * proc_zoneinfo_show - /proc/zoneinfo: each zone's counts and watermarks
 * @t: output
 * @task: unused
 *
 * Linux's layout for the lines Tide has values for; zones without
 * pages are listed too, as on Linux.
 *
 * Return: 0.
 */
int proc_zoneinfo_show(struct proc_text *t, struct task_struct *task)
{
	int nid, z;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++)
			zoneinfo_zone(t, NODE_DATA(nid), z);
	}
	return 0;
}

/**
 * proc_buddyinfo_show - /proc/buddyinfo: free blocks per order and zone
 * @t: output
 * @task: unused
 *
 * One line per zone with pages: "Node N, zone NAME" and a count for each
 * order from 0 up, read under the zone's lock.
 *
 * Return: 0.
 */
int proc_buddyinfo_show(struct proc_text *t, struct task_struct *task)
{
	unsigned long counts[NR_PAGE_ORDERS], flags;
	int nid, z, o;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			if (!populated_zone(zone))
				continue;
			spin_lock_irqsave(&zone->lock, flags);
			for (o = 0; o < NR_PAGE_ORDERS; o++)
				counts[o] = zone->free_area[o].nr_free;
			spin_unlock_irqrestore(&zone->lock, flags);
			proc_printf(t, "Node %d, zone %8s ", nid, zone->name);
			for (o = 0; o < NR_PAGE_ORDERS; o++)
				proc_printf(t, "%6lu ", counts[o]);
			proc_putc(t, '\n');
		}
	}
	return 0;
}
