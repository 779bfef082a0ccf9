/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The resource tree: who owns which range of physical address space.
 * iomem_resource is its root and spans what the CPU can address; RAM
 * appears in it as "System RAM", at boot and when memory is hot-added, and
 * firmware ranges and MMIO are claimed at boot, so that a range cannot be
 * claimed twice and memory is never added where something else lives.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

typedef phys_addr_t resource_size_t;

/*
 * One range [@start, @end] (inclusive, as in /proc/iomem). Children lie
 * inside their parent, sorted by start and never overlapping each other;
 * @sibling is the next child of the same parent. resource_lock in
 * kernel/resource.c protects the links of every resource in the tree.
 */
struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
	struct resource *parent;
	struct resource *sibling;
	struct resource *child;
};

/* resource->flags: the type bits, then the state bits (Linux's values). */
#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_PREFETCH	0x00002000	/* a PCI BAR: prefetchable */
#define IORESOURCE_SIZEALIGN	0x00040000	/* aligned to its size */
#define IORESOURCE_MEM_64	0x00100000	/* a PCI BAR: 64 bits */
#define IORESOURCE_SYSRAM	0x01000000	/* the range is RAM */
#define IORESOURCE_BUSY		0x80000000	/* owned: nothing nests inside */
#define IORESOURCE_SYSRAM_DRIVER_MANAGED	0x02000000
#define IORESOURCE_SYSTEM_RAM	(IORESOURCE_MEM | IORESOURCE_SYSRAM)

/* What region_intersects() found. */
enum {
	REGION_DISJOINT,	/* no part of the range has the flags */
	REGION_INTERSECTS,	/* all of it lies in resources with the flags */
	REGION_MIXED,		/* some of it does */
};

extern struct resource iomem_resource;

static inline resource_size_t resource_size(const struct resource *r)
{
	return r->end - r->start + 1;
}

int request_resource(struct resource *tree, struct resource *res);
struct resource *request_resource_conflict(struct resource *tree,
					   struct resource *res);
int release_resource(struct resource *res);
int iomem_request_within(const char *name, struct resource *res);

struct resource *__request_region(struct resource *root,
				  resource_size_t start, resource_size_t len,
				  const char *name, unsigned long flags);
struct resource *iomem_request_region(resource_size_t start, resource_size_t n,
				      const char *name, unsigned long flags);
int __release_region(struct resource *parent, resource_size_t start,
		     resource_size_t n);
int iomem_claim_free(resource_size_t start, resource_size_t end,
		     const char *name);

struct resource *lookup_resource(struct resource *tree, resource_size_t addr);
struct resource *lookup_resource_nested(struct resource *tree,
					resource_size_t addr,
					unsigned long flags);
int region_intersects(resource_size_t start, resource_size_t size,
		      unsigned long flags);
int walk_system_ram_range(unsigned long first_pfn, unsigned long npages,
			  void *arg, int (*func)(unsigned long first_pfn,
						 unsigned long npages,
						 void *arg));
int iomem_format_tree(struct resource *root, char *buf, size_t size);
int iomem_format(char *buf, size_t size);

#endif /* _LINUX_IOPORT_H */
