// SPDX-License-Identifier: GPL-2.0
/*
 * The resource tree of physical address space (iomem_resource): requests
 * with overlap checks, releases, queries, and the boot "System RAM"
 * entries that memory hot-add must not overlap.
 *
 * DOC: resource tree
 *
 * Every node is a struct resource [start, end]. A node's children lie
 * inside it, sorted and disjoint. request_resource() places a range
 * directly under a given parent; __request_region() looks for the deepest
 * free spot, descending into resources that contain the range and are not
 * IORESOURCE_BUSY (a window that others may subdivide). A busy resource is
 * owned outright: nothing is placed inside it by __request_region().
 */
#include <linux/kernel.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/sections.h>

/*
 * resource_lock protects the parent/sibling/child links of every resource
 * in any tree. It is a leaf lock: nothing else is taken under it, and no
 * allocation or callback runs while it is held.
 */
static DEFINE_SPINLOCK(resource_lock);

/*
 * The root: all physical address space. Until the architecture knows what
 * the CPU can address (x86: setup_arch(), from MAXPHYADDR), it spans
 * what the direct map can.
 */
struct resource iomem_resource = {
	.name	= "PCI mem",
	.start	= 0,
	.end	= (1ULL << MAX_PHYSMEM_BITS) - 1,
	.flags	= IORESOURCE_MEM,
};

/* The resource after @p in a depth-first walk below @root, or NULL. */
static struct resource *next_resource(struct resource *p, struct resource *root)
{
	if (p->child)
		return p->child;
	while (!p->sibling && p->parent != root)
		p = p->parent;
	return p->sibling;
}

/* resource_lock held. Links @new under @root, or returns what is in the way. */
static struct resource *resource_insert_locked(struct resource *root,
					   struct resource *new)
{
	struct resource **pp = &root->child;

	if (new->end < new->start || new->start < root->start ||
	    new->end > root->end)
		return root;
	for (;;) {
		struct resource *tmp = *pp;

		if (!tmp || tmp->start > new->end) {
			new->sibling = tmp;
			new->child = NULL;
			new->parent = root;
			*pp = new;
			return NULL;
		}
		if (tmp->end >= new->start)
			return tmp;
		pp = &tmp->sibling;
	}
}

/**
 * request_resource_conflict - place @res directly under @tree
 * @tree: the parent, e.g. &iomem_resource
 * @res: the range; its links are set on success
 *
 * Return: NULL on success; otherwise the resource in the way: a child of
 * @tree that overlaps @res, or @tree itself when @res is empty or not
 * inside it.
 */
struct resource *request_resource_conflict(struct resource *tree,
					   struct resource *res)
{
	struct resource *conflict;
	unsigned long flags;

	spin_lock_irqsave(&resource_lock, flags);
	conflict = resource_insert_locked(tree, res);
	spin_unlock_irqrestore(&resource_lock, flags);
	return conflict;
}

/**
 * request_resource - place @res directly under @tree
 * @tree: the parent
 * @res: the range
 *
 * Return: 0, or -EBUSY if @res overlaps a child of @tree or is not inside
 * @tree.
 */
int request_resource(struct resource *tree, struct resource *res)
{
	return request_resource_conflict(tree, res) ? -EBUSY : 0;
}

/**
 * iomem_request_within - place @res under the top-level resource @name
 * @name: the name of a top-level resource of iomem_resource (a window
 *	claimed busy at boot, such as "PCI mem")
 * @res: the range, lying wholly inside one such resource
 *
 * For a driver that owns a window and subdivides it itself (the PCI core
 * claims BARs inside "PCI mem"), whatever the window's busy flag says.
 *
 * Return: 0; -ENOENT if no top-level @name holds all of @res; -EBUSY if
 * @res overlaps one of that resource's children.
 */
int iomem_request_within(const char *name, struct resource *res)
{
	struct resource *p, *conflict = NULL;
	unsigned long flags;
	int ret = -ENOENT;

	spin_lock_irqsave(&resource_lock, flags);
	for (p = iomem_resource.child; p; p = p->sibling) {
		if (p->start <= res->start && res->end <= p->end &&
		    !strcmp(p->name, name)) {
			conflict = resource_insert_locked(p, res);
			ret = conflict ? -EBUSY : 0;
			break;
		}
	}
	spin_unlock_irqrestore(&resource_lock, flags);
	return ret;
}

/* resource_lock held. Unlinks @res from its parent (no children allowed). */
static int resource_unlink_locked(struct resource *res)
{
	struct resource **pp;

	if (!res->parent)
		return -EINVAL;
	if (res->child)
		return -EBUSY;
	for (pp = &res->parent->child; *pp; pp = &(*pp)->sibling) {
		if (*pp == res) {
			*pp = res->sibling;
			res->parent = NULL;
			res->sibling = NULL;
			return 0;
		}
	}
	return -EINVAL;
}

/**
 * release_resource - take @res out of its tree
 * @res: a resource placed by request_resource() or __request_region()
 *
 * Does not free @res: it belongs to the caller.
 *
 * Return: 0; -EINVAL if @res is not in a tree; -EBUSY if it still has
 * children (release those first).
 */
int release_resource(struct resource *res)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&resource_lock, flags);
	ret = resource_unlink_locked(res);
	spin_unlock_irqrestore(&resource_lock, flags);
	return ret;
}

/*
 * Claims [@start, @start + @n) at the deepest free spot below @under (see
 * __request_region()). Return: the new resource, or ERR_PTR(-EINVAL) for
 * an empty range, ERR_PTR(-ENOMEM), ERR_PTR(-EEXIST) when something is in
 * the way or the range is not inside @under (a range whose end wraps past
 * the top of the address space never is).
 */
static struct resource *request_region_err(struct resource *under,
					   resource_size_t start,
					   resource_size_t n, const char *name,
					   unsigned long flags)
{
	struct resource *claim, *conflict;
	unsigned long irqflags;

	if (!n)
		return ERR_PTR(-EINVAL);
	if (start + n - 1 < start)
		return ERR_PTR(-EEXIST);
	claim = kzalloc(sizeof(*claim), GFP_KERNEL);
	if (!claim)
		return ERR_PTR(-ENOMEM);
	claim->start = start;
	claim->end = start + n - 1;
	claim->name = name;
	claim->flags = flags;

	spin_lock_irqsave(&resource_lock, irqflags);
	for (;;) {
		conflict = resource_insert_locked(under, claim);
		if (!conflict)
			break;
		if (conflict == under || (conflict->flags & IORESOURCE_BUSY) ||
		    conflict->start > claim->start || conflict->end < claim->end)
			break;
		under = conflict;
	}
	spin_unlock_irqrestore(&resource_lock, irqflags);
	if (conflict) {
		kfree(claim);
		return ERR_PTR(-EEXIST);
	}
	return claim;
}

/**
 * __request_region - claim [@start, @start + @len) at the deepest free spot
 * @root: where to start looking, e.g. &iomem_resource
 * @start: first address
 * @len: length in bytes
 * @name: kept by pointer; must outlive the resource
 * @flags: the new resource's flags (IORESOURCE_BUSY to own it outright)
 *
 * Descends into resources that contain the whole range and are not busy.
 * Fails when anything overlaps the range only partly or is busy.
 *
 * Return: the new resource (allocated here; give it back with
 * __release_region()), or NULL on overlap, an empty or wrapping range, or
 * no memory (iomem_request_region() tells these apart).
 */
struct resource *__request_region(struct resource *root,
				  resource_size_t start, resource_size_t len,
				  const char *name, unsigned long flags)
{
	struct resource *res = request_region_err(root, start, len, name, flags);

	return IS_ERR(res) ? NULL : res;
}

/**
 * iomem_request_region - __request_region() in iomem_resource, with errnos
 * @start: first address
 * @n: length in bytes
 * @name: kept by pointer; must outlive the resource
 * @flags: the new resource's flags
 *
 * The root ends where the CPU's physical address space does (on x86,
 * setup_arch() sets it from MAXPHYADDR), so a range the CPU cannot reach
 * conflicts with the root itself.
 *
 * Return: the new resource (give it back with __release_region() on
 * &iomem_resource); ERR_PTR(-EEXIST) when the range overlaps a busy
 * resource, straddles the edge of another, reaches past the root or wraps
 * around (as Linux's register_memory_resource() reports all of these);
 * ERR_PTR(-EINVAL) for an empty range; ERR_PTR(-ENOMEM).
 */
struct resource *iomem_request_region(resource_size_t start, resource_size_t n,
				      const char *name, unsigned long flags)
{
	return request_region_err(&iomem_resource, start, n, name, flags);
}

/*
 * resource_lock held. The first part of [@pos, @end] that no child of
 * iomem_resource overlaps, in *@s..*@e. Return: true if there is one.
 */
static bool iomem_first_free_locked(resource_size_t pos, resource_size_t end,
				    resource_size_t *s, resource_size_t *e)
{
	struct resource *p;

	for (p = iomem_resource.child; p; p = p->sibling) {
		if (p->end < pos)
			continue;
		if (p->start > pos)
			break;
		if (p->end >= end)
			return false;
		pos = p->end + 1;
	}
	*s = pos;
	*e = (p && p->start <= end) ? p->start - 1 : end;
	return true;
}

/**
 * iomem_claim_free - claim what nobody has claimed of [@start, @end]
 * @start: first address
 * @end: last address (inclusive)
 * @name: kept by pointer; must outlive the resources
 *
 * For boot code that knows a range is not RAM (a hole of the firmware map,
 * MMIO): each part of it that no top-level resource of iomem_resource
 * overlaps becomes a busy IORESOURCE_MEM resource named @name, so that
 * memory cannot be hot-added there. Parts already claimed are left as
 * they are, and parts past the root are not claimed. Sleeps (allocates).
 * The resources are released one by one with __release_region(); boot
 * code never releases them.
 *
 * Return: the number of resources made, or -ENOMEM (those made stay).
 */
int iomem_claim_free(resource_size_t start, resource_size_t end,
		     const char *name)
{
	resource_size_t pos = start, s, e;
	unsigned long irqflags;
	struct resource *res;
	int made = 0;
	bool found;

	end = min(end, iomem_resource.end);
	while (pos <= end) {
		spin_lock_irqsave(&resource_lock, irqflags);
		found = iomem_first_free_locked(pos, end, &s, &e);
		spin_unlock_irqrestore(&resource_lock, irqflags);
		if (!found)
			break;
		res = request_region_err(&iomem_resource, s, e - s + 1, name,
					 IORESOURCE_MEM | IORESOURCE_BUSY);
		if (IS_ERR(res) && PTR_ERR(res) == -ENOMEM)
			return -ENOMEM;
		made += !IS_ERR(res);
		if (e == end)
			break;
		pos = e + 1;
	}
	return made;
}

/**
 * __release_region - give back a range claimed with __request_region()
 * @parent: where the search starts, as given to __request_region()
 * @start: first address of the region
 * @n: its length; the region must match exactly
 *
 * Return: 0 (the resource is freed); -EINVAL if no such region exists;
 * -EBUSY if it has children.
 */
int __release_region(struct resource *parent, resource_size_t start,
		     resource_size_t n)
{
	resource_size_t end = start + n - 1;
	struct resource *p, *found = NULL;
	unsigned long flags;
	int ret = -EINVAL;

	if (!n)
		return -EINVAL;
	spin_lock_irqsave(&resource_lock, flags);
	p = parent->child;
	while (p) {
		if (p->start == start && p->end == end) {
			found = p;
			break;
		}
		if (p->start <= start && p->end >= end &&
		    !(p->flags & IORESOURCE_BUSY))
			p = p->child;
		else if (p->end < start)
			p = p->sibling;
		else
			break;
	}
	if (found)
		ret = resource_unlink_locked(found);
	spin_unlock_irqrestore(&resource_lock, flags);
	if (!ret)
		kfree(found);
	return ret;
}

/**
 * lookup_resource - the child of @tree that starts at @addr
 * @tree: the parent whose children are searched (not their children)
 * @addr: the first address looked for
 *
 * The result stays valid only while nobody releases it: callers keep
 * their own lock around the lookup and its use (the hotplug lock for
 * "System RAM" of hot-added memory).
 *
 * Return: the resource, or NULL.
 */
struct resource *lookup_resource(struct resource *tree, resource_size_t addr)
{
	struct resource *p;
	unsigned long flags;

	spin_lock_irqsave(&resource_lock, flags);
	for (p = tree->child; p && p->start < addr; p = p->sibling)
		;
	if (p && p->start != addr)
		p = NULL;
	spin_unlock_irqrestore(&resource_lock, flags);
	return p;
}

/**
 * lookup_resource_nested - the resource with @flags that starts at @addr
 * @tree: where the search starts
 * @addr: the first address looked for
 * @flags: all of these must be set on the resource found
 *
 * Like lookup_resource(), but also looks inside the resources that
 * contain @addr and are not busy (a driver's device region holding the
 * "System RAM (virtio_mem)" it added), the outermost match first. Same
 * lifetime rule as lookup_resource().
 *
 * Return: the resource, or NULL.
 */
struct resource *lookup_resource_nested(struct resource *tree,
					resource_size_t addr,
					unsigned long flags)
{
	struct resource *p;
	unsigned long irqflags;

	spin_lock_irqsave(&resource_lock, irqflags);
	p = tree->child;
	while (p) {
		if (p->end < addr) {
			p = p->sibling;
			continue;
		}
		if (p->start > addr) {
			p = NULL;
			break;
		}
		if (p->start == addr && (p->flags & flags) == flags)
			break;
		p = (p->flags & IORESOURCE_BUSY) ? NULL : p->child;
	}
	spin_unlock_irqrestore(&resource_lock, irqflags);
	return p;
}

/*
 * The lowest part of [@start, @end] covered by a resource of iomem_resource
 * carrying all of @flags, clipped to the range, in *@s..*@e. Nested matches
 * are fine: the one starting lowest (and then reaching furthest) wins.
 * Return: true if there is one.
 */
static bool find_next_iomem(resource_size_t start, resource_size_t end,
			    unsigned long flags, resource_size_t *s,
			    resource_size_t *e)
{
	struct resource *p, *best = NULL;
	unsigned long irqflags;

	spin_lock_irqsave(&resource_lock, irqflags);
	for (p = iomem_resource.child; p; p = next_resource(p, &iomem_resource)) {
		if ((p->flags & flags) != flags || p->end < start || p->start > end)
			continue;
		if (!best || p->start < best->start ||
		    (p->start == best->start && p->end > best->end))
			best = p;
	}
	if (best) {
		*s = max(best->start, start);
		*e = min(best->end, end);
	}
	spin_unlock_irqrestore(&resource_lock, irqflags);
	return best;
}

/**
 * region_intersects - how [@start, @start + @size) meets resources with @flags
 * @start: first address
 * @size: length in bytes
 * @flags: all of these must be set, e.g. IORESOURCE_SYSTEM_RAM
 *
 * Return: REGION_INTERSECTS if such resources cover the whole range,
 * REGION_DISJOINT if they cover none of it, REGION_MIXED otherwise (and
 * for an empty range, REGION_DISJOINT).
 */
int region_intersects(resource_size_t start, resource_size_t size,
		      unsigned long flags)
{
	resource_size_t end = start + size - 1, pos = start, s = 0, e = 0;
	bool covered_some = false, gap = false;

	if (!size)
		return REGION_DISJOINT;
	if (end < start)
		end = ~(resource_size_t)0;
	while (find_next_iomem(pos, end, flags, &s, &e)) {
		if (s > pos)
			gap = true;
		covered_some = true;
		if (e == end)
			break;
		pos = e + 1;
	}
	if (!covered_some)
		return REGION_DISJOINT;
	if (gap || e != end)
		return REGION_MIXED;
	return REGION_INTERSECTS;
}

/**
 * walk_system_ram_range - call @func on each System RAM part of a pfn range
 * @first_pfn: first pfn
 * @npages: length
 * @arg: passed to @func
 * @func: called with the whole pages of each part, lowest first, without
 *	  resource_lock held; a non-zero return stops the walk
 *
 * Return: the first non-zero value @func returned, 0 if every call
 * returned 0, or -EINVAL if the range holds no System RAM page.
 */
int walk_system_ram_range(unsigned long first_pfn, unsigned long npages,
			  void *arg, int (*func)(unsigned long first_pfn,
						 unsigned long npages,
						 void *arg))
{
	resource_size_t pos = PFN_PHYS(first_pfn);
	resource_size_t end = PFN_PHYS(first_pfn + npages) - 1, s, e;
	int ret = -EINVAL;

	if (!npages)
		return -EINVAL;
	while (pos <= end &&
	       find_next_iomem(pos, end, IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY,
			       &s, &e)) {
		unsigned long pfn = PFN_UP(s), epfn = PFN_DOWN(e + 1);

		if (pfn < epfn) {
			ret = func(pfn, epfn - pfn, arg);
			if (ret)
				break;
		}
		if (e == end)
			break;
		pos = e + 1;
	}
	return ret;
}

/**
 * iomem_format_tree - a resource tree as /proc/iomem shows it
 * @root: the tree's root, which is not itself listed
 * @buf: output, always NUL-terminated when @size > 0
 * @size: its size; the text is cut short if it does not fit
 *
 * One line per resource below @root, "start-end : name", two spaces of
 * indentation per level, addresses in at least eight hex digits.
 *
 * Return: the number of characters written, excluding the NUL.
 */
int iomem_format_tree(struct resource *root, char *buf, size_t size)
{
	struct resource *p, *q;
	unsigned long flags;
	int len = 0;

	if (!size)
		return 0;
	buf[0] = '\0';
	spin_lock_irqsave(&resource_lock, flags);
	for (p = root->child; p; p = next_resource(p, root)) {
		int depth = 0;

		for (q = p->parent; q && q != root; q = q->parent)
			depth++;
		len += scnprintf(buf + len, size - len, "%*s%08llx-%08llx : %s\n",
				 depth * 2, "", (unsigned long long)p->start,
				 (unsigned long long)p->end, p->name ? p->name : "<BAD>");
	}
	spin_unlock_irqrestore(&resource_lock, flags);
	return len;
}

/**
 * iomem_format - /proc/iomem: iomem_format_tree() of iomem_resource
 * @buf: output, always NUL-terminated when @size > 0
 * @size: its size
 *
 * Return: the number of characters written, excluding the NUL.
 */
int iomem_format(char *buf, size_t size)
{
	return iomem_format_tree(&iomem_resource, buf, size);
}

/*
 * Boot RAM becomes "System RAM", one busy resource per run of touching
 * memblock regions (nodes and flags do not split a run).
 */
static int __init iomem_init_system_ram(void)
{
	struct memblock_region *r;
	phys_addr_t start = 0, end = 0;
	int failed = 0;

	for_each_mem_region(r) {
		if (end && r->base == end) {
			end = memblock_region_end(r);
			continue;
		}
		if (end && !__request_region(&iomem_resource, start, end - start,
					     "System RAM", IORESOURCE_SYSTEM_RAM |
					     IORESOURCE_BUSY))
			failed++;
		start = r->base;
		end = memblock_region_end(r);
	}
	if (end && !__request_region(&iomem_resource, start, end - start,
				     "System RAM", IORESOURCE_SYSTEM_RAM |
				     IORESOURCE_BUSY))
		failed++;
	return failed ? -ENOMEM : 0;
}
core_initcall(iomem_init_system_ram);

/* The kernel image's parts, nested in the System RAM that holds them. */
static struct resource kernel_image_res[4];

static int __init iomem_init_kernel_image(void)
{
	const struct {
		const char *name;
		const char *start, *end;
	} part[ARRAY_SIZE(kernel_image_res)] = {
		{ "Kernel code", _text, _etext },
		{ "Kernel rodata", __start_rodata, __end_rodata },
		{ "Kernel data", _sdata, _edata },
		{ "Kernel bss", __bss_start, __bss_stop },
	};
	int i, failed = 0;

	for (i = 0; i < ARRAY_SIZE(part); i++) {
		struct resource *r = &kernel_image_res[i];

		if (part[i].end <= part[i].start)
			continue;
		r->name = part[i].name;
		r->start = __pa_symbol(part[i].start);
		r->end = __pa_symbol(part[i].end) - 1;
		r->flags = IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY;
		if (iomem_request_within("System RAM", r)) {
			pr_warn("iomem: cannot place %s [mem %#010llx-%#010llx]\n",
				r->name, (unsigned long long)r->start,
				(unsigned long long)r->end);
			failed++;
		}
	}
	return failed ? -EBUSY : 0;
}
/* After iomem_init_system_ram(), a core initcall. */
arch_initcall(iomem_init_kernel_image);

/*
 * /sys/kernel/debug/iomem: the tree in /proc/iomem's format (Tide has no
 * procfs yet). One page at most: a longer tree is cut short.
 */
static ssize_t iomem_debugfs_show(void *data, char *buf)
{
	return iomem_format(buf, PAGE_SIZE);
}

static const struct debugfs_file_ops iomem_debugfs_ops = {
	.show = iomem_debugfs_show,
};

static int __init iomem_debugfs_init(void)
{
	struct dentry *d = debugfs_create_file("iomem", 0444, NULL, NULL,
					       &iomem_debugfs_ops);

	return IS_ERR(d) ? PTR_ERR(d) : 0;
}
late_initcall(iomem_debugfs_init);
