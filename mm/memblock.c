// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: physical memory at boot, as two sorted lists of regions.
 *
 * DOC: memblock
 *
 * Every change goes through one pattern: split the regions that straddle
 * the range's ends (memblock_isolate_range()), act on the whole regions in
 * between, then merge neighbours that became alike. Adding a range that
 * overlaps what is there adds only the missing parts, so firmware maps
 * with overlapping, duplicated or out-of-order entries come out the same
 * as clean ones. memblock=debug logs every call with its caller.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>

static struct memblock_region memory_init_regions[MEMBLOCK_INIT_REGIONS];
static struct memblock_region reserved_init_regions[MEMBLOCK_INIT_REGIONS];

struct memblock memblock = {
	.memory = {
		.regions = memory_init_regions,
		.max = MEMBLOCK_INIT_REGIONS,
		.name = "memory",
	},
	.reserved = {
		.regions = reserved_init_regions,
		.max = MEMBLOCK_INIT_REGIONS,
		.name = "reserved",
	},
	.current_limit = PHYS_ADDR_MAX,	/* no limit until setup_arch sets one */
};

static bool memblock_debug;

#define memblock_dbg(fmt, ...) \
	do { if (memblock_debug) pr_info(fmt, ##__VA_ARGS__); } while (0)

static void memblock_dbg_call(const char *fn, phys_addr_t base,
			      phys_addr_t size, void *caller)
{
	unsigned long off;
	const char *sym;

	if (!memblock_debug)
		return;
	sym = kallsyms_lookup((unsigned long)caller, &off);
	pr_info("%s: [%#018llx-%#018llx] %s+0x%lx\n", fn, base,
		base + size - 1, sym ? sym : "?", sym ? off : 0);
}

/* Clamp [base, base+size) so it cannot wrap; returns the new size. */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	if (*size > PHYS_ADDR_MAX - base)
		*size = PHYS_ADDR_MAX - base;
	return *size;
}

static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	type->total_size -= type->regions[i].size;
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[i]));
	type->cnt--;
}

/* Inserts a region at index @i; the caller checked there is room. */
static void memblock_insert_region(struct memblock_type *type, unsigned long i,
				   phys_addr_t base, phys_addr_t size, int nid,
				   enum memblock_flags flags)
{
	struct memblock_region *r = &type->regions[i];

	memmove(r + 1, r, (type->cnt - i) * sizeof(*r));
	r->base = base;
	r->size = size;
	r->flags = flags;
	r->nid = nid;
	type->cnt++;
	type->total_size += size;
}

/* Joins neighbours that touch and agree on node and flags. */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = this + 1;

		if (memblock_region_end(this) != next->base ||
		    this->nid != next->nid || this->flags != next->flags) {
			i++;
			continue;
		}
		this->size += next->size;
		type->cnt--;
		memmove(next, next + 1, (type->cnt - i - 1) * sizeof(*next));
	}
}

/*
 * Adds [base, base+size) to @type: only the parts not already covered are
 * inserted, so the list stays non-overlapping. Counts first, so a full
 * list fails with nothing changed.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size, int nid,
			      enum memblock_flags flags)
{
	phys_addr_t end;
	unsigned long i, needed = 0;
	int pass;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;

	/* Pass 0 counts the pieces to insert, pass 1 inserts them. */
	for (pass = 0; pass < 2; pass++) {
		phys_addr_t cur = base;

		if (pass == 1 && type->cnt + needed > type->max) {
			pr_err("memblock: %s list full (%lu regions)\n",
			       type->name, type->max);
			return -ENOMEM;
		}
		for (i = 0; i < type->cnt && cur < end; i++) {
			struct memblock_region *r = &type->regions[i];
			phys_addr_t rend = memblock_region_end(r);

			if (rend <= cur)
				continue;
			if (r->base >= end)
				break;
			if (r->base > cur) {
				if (pass)
					memblock_insert_region(type, i++, cur,
							       r->base - cur,
							       nid, flags);
				else
					needed++;
			}
			cur = max(cur, rend);
		}
		if (cur < end) {
			if (pass)
				memblock_insert_region(type, i, cur, end - cur,
						       nid, flags);
			else
				needed++;
		}
		if (!needed)
			return 0;
	}
	memblock_merge_regions(type);
	return 0;
}

/*
 * Splits regions so that [base, base+size) is exactly covered by whole
 * regions [*start_rgn, *end_rgn). Fails with nothing changed if the list
 * has no room for the two splits that may be needed.
 */
static int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
				  phys_addr_t size, unsigned long *start_rgn,
				  unsigned long *end_rgn)
{
	phys_addr_t end;
	unsigned long i;

	*start_rgn = *end_rgn = 0;
	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	if (type->cnt + 2 > type->max) {
		pr_err("memblock: %s list full (%lu regions)\n", type->name,
		       type->max);
		return -ENOMEM;
	}
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rbase = r->base, rend = memblock_region_end(r);

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase < base) {
			/* Split off the part below base; revisit the rest. */
			r->base = base;
			r->size = rend - base;
			type->total_size -= base - rbase;
			memblock_insert_region(type, i, rbase, base - rbase,
					       r->nid, r->flags);
		} else if (rend > end) {
			/* Split off the part above end. */
			r->base = end;
			r->size = rend - end;
			type->total_size -= end - rbase;
			memblock_insert_region(type, i--, rbase, end - rbase,
					       r->nid, r->flags);
		} else {
			if (!*end_rgn)
				*start_rgn = i;
			*end_rgn = i + 1;
		}
	}
	return 0;
}

static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	unsigned long start, end, i;
	int ret;

	ret = memblock_isolate_range(type, base, size, &start, &end);
	if (ret)
		return ret;
	for (i = end; i > start; i--)
		memblock_remove_region(type, i - 1);
	return 0;
}

static int memblock_setclr_flag(phys_addr_t base, phys_addr_t size, bool set,
				enum memblock_flags flag)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long start, end, i;
	int ret;

	ret = memblock_isolate_range(type, base, size, &start, &end);
	if (ret)
		return ret;
	for (i = start; i < end; i++) {
		if (set)
			type->regions[i].flags |= flag;
		else
			type->regions[i].flags &= ~flag;
	}
	memblock_merge_regions(type);
	return 0;
}

/**
 * memblock_add_node - add RAM on node @nid with @flags
 * Return: 0, or -ENOMEM when the region list is full (nothing changed).
 */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_add_range(&memblock.memory, base, size, nid, flags);
}

/**
 * memblock_add - add RAM (node 0 until the SRAT says otherwise)
 * Return: 0, or -ENOMEM when the region list is full (nothing changed).
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_add_range(&memblock.memory, base, size, 0, MEMBLOCK_NONE);
}

/**
 * memblock_remove - forget RAM in [@base, @base+@size)
 * Return: 0, or -ENOMEM when splitting needs room the list lacks.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_remove_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve - mark [@base, @base+@size) in use
 * Return: 0, or -ENOMEM when the reserved list is full.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_add_range(&memblock.reserved, base, size, NUMA_NO_NODE,
				  MEMBLOCK_NONE);
}

/**
 * memblock_phys_free - undo a reservation or allocation
 * Return: 0, or -ENOMEM when splitting needs room the list lacks.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_remove_range(&memblock.reserved, base, size);
}

/**
 * memblock_mark_hotplug - flag RAM the firmware says may be unplugged
 * Return: 0, or -ENOMEM when splitting needs room the list lacks.
 */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_setclr_flag(base, size, true, MEMBLOCK_HOTPLUG);
}

int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_setclr_flag(base, size, false, MEMBLOCK_HOTPLUG);
}

int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_call(__func__, base, size, __builtin_return_address(0));
	return memblock_setclr_flag(base, size, true, MEMBLOCK_NOMAP);
}

/**
 * memblock_set_node - assign the RAM in a range to node @nid
 * Return: 0, or -ENOMEM when splitting needs room the list lacks.
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long start, end, i;
	int ret;

	ret = memblock_isolate_range(type, base, size, &start, &end);
	if (ret)
		return ret;
	for (i = start; i < end; i++)
		type->regions[i].nid = nid;
	memblock_merge_regions(type);
	return 0;
}

void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/* With movable_node, boot allocations stay out of hotpluggable memory. */
void memblock_set_skip_hotplug(bool enable)
{
	memblock.skip_hotplug = enable;
}

static bool memblock_skip_region(const struct memblock_region *m, int nid)
{
	if (m->flags & MEMBLOCK_NOMAP)
		return true;
	if (memblock.skip_hotplug && (m->flags & MEMBLOCK_HOTPLUG))
		return true;
	return nid != NUMA_NO_NODE && m->nid != nid;
}

/* Lowest fit of @size at @align in the free part of [lo, hi), or 0. */
static phys_addr_t fit_bottom_up(phys_addr_t lo, phys_addr_t hi,
				 phys_addr_t size, phys_addr_t align)
{
	struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t cand = lo, a;
	unsigned long i;

	for (i = 0; i <= rsv->cnt; i++) {
		phys_addr_t gap_end = i < rsv->cnt ? rsv->regions[i].base : hi;

		if (i < rsv->cnt && memblock_region_end(&rsv->regions[i]) <= cand)
			continue;
		gap_end = min(gap_end, hi);
		a = ALIGN(cand, align);
		if (a >= cand && a < gap_end && gap_end - a >= size)
			return a;
		if (i == rsv->cnt || rsv->regions[i].base >= hi)
			break;
		cand = max(cand, memblock_region_end(&rsv->regions[i]));
	}
	return 0;
}

/* Highest fit of @size at @align in the free part of [lo, hi), or 0. */
static phys_addr_t fit_top_down(phys_addr_t lo, phys_addr_t hi,
				phys_addr_t size, phys_addr_t align)
{
	struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t cand_hi = hi, a;
	long i;

	for (i = (long)rsv->cnt - 1; i >= -1; i--) {
		phys_addr_t gap_lo = lo;

		if (i >= 0) {
			struct memblock_region *r = &rsv->regions[i];

			if (r->base >= cand_hi)
				continue;
			gap_lo = max(lo, memblock_region_end(r));
		}
		if (cand_hi >= gap_lo + size) {
			a = ALIGN_DOWN(cand_hi - size, align);
			if (a >= gap_lo)
				return a;
		}
		if (i < 0 || rsv->regions[i].base <= lo)
			break;
		cand_hi = rsv->regions[i].base;
	}
	return 0;
}

static phys_addr_t memblock_find_in_range(phys_addr_t size, phys_addr_t align,
					  phys_addr_t start, phys_addr_t end,
					  int nid)
{
	struct memblock_type *mem = &memblock.memory;
	unsigned long n;

	end = min(end, memblock.current_limit);
	/* Address 0 doubles as "not found"; never hand out page 0. */
	if (start < PAGE_SIZE)
		start = PAGE_SIZE;
	for (n = 0; n < mem->cnt; n++) {
		unsigned long i = memblock.bottom_up ? n : mem->cnt - 1 - n;
		struct memblock_region *m = &mem->regions[i];
		phys_addr_t lo = max(m->base, start);
		phys_addr_t hi = min(memblock_region_end(m), end);
		phys_addr_t found;

		if (lo >= hi || hi - lo < size || memblock_skip_region(m, nid))
			continue;
		found = memblock.bottom_up ? fit_bottom_up(lo, hi, size, align) :
					     fit_top_down(lo, hi, size, align);
		if (found)
			return found;
	}
	return 0;
}

static phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
					    phys_addr_t start, phys_addr_t end,
					    int nid, void *caller)
{
	phys_addr_t found;

	if (!size || !align || (align & (align - 1))) {
		WARN_ON_ONCE(1);
		return 0;
	}
	size = ALIGN(size, PAGE_SIZE);
	found = memblock_find_in_range(size, align, start, end, nid);
	if (!found && nid != NUMA_NO_NODE)
		found = memblock_find_in_range(size, align, start, end,
					       NUMA_NO_NODE);
	if (!found || memblock_add_range(&memblock.reserved, found, size,
					 NUMA_NO_NODE, MEMBLOCK_NONE))
		return 0;
	memblock_dbg_call("memblock_alloc", found, size, caller);
	return found;
}

/**
 * memblock_phys_alloc_range - allocate and reserve physical memory
 * @start, @end: the allocation lies within [start, end)
 *
 * Direction follows memblock_set_bottom_up(); hotpluggable memory is
 * skipped when memblock_set_skip_hotplug() is on; the size is rounded up
 * to whole pages.
 *
 * Return: the physical address, or 0 when nothing fits.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE,
					__builtin_return_address(0));
}

/**
 * memblock_phys_alloc_try_nid - allocate, preferring node @nid
 * Return: the physical address, or 0 when nothing fits on any node.
 */
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid)
{
	return memblock_alloc_range_nid(size, align, 0, MEMBLOCK_ALLOC_ANYWHERE,
					nid, __builtin_return_address(0));
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_range_nid(size, align, 0, MEMBLOCK_ALLOC_ANYWHERE,
					NUMA_NO_NODE,
					__builtin_return_address(0));
}

/**
 * memblock_alloc_or_panic - zeroed boot memory for mm's own tables
 *
 * Return: a kernel virtual address (early mapping or direct map); never
 * fails: running out of memory this early panics.
 */
void *memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa;
	void *va;

	pa = memblock_alloc_range_nid(size, align, 0, MEMBLOCK_ALLOC_ANYWHERE,
				      NUMA_NO_NODE, __builtin_return_address(0));
	if (!pa)
		panic("%s: cannot allocate %llu bytes", __func__, size);
	va = boot_phys_to_virt(pa);
	memset(va, 0, ALIGN(size, PAGE_SIZE));
	return va;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? memblock_region_end(&memblock.memory.regions[n - 1]) : 0;
}

static long memblock_search(struct memblock_type *type, phys_addr_t addr)
{
	unsigned long lo = 0, hi = type->cnt;

	while (lo < hi) {
		unsigned long mid = (lo + hi) / 2;
		struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			hi = mid;
		else if (addr >= memblock_region_end(r))
			lo = mid + 1;
		else
			return mid;
	}
	return -1;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr) >= 0;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr) >= 0;
}

bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	for (i = 0; i < memblock.reserved.cnt; i++) {
		struct memblock_region *r = &memblock.reserved.regions[i];

		if (r->base < base + size && memblock_region_end(r) > base)
			return true;
	}
	return false;
}

/**
 * memblock_walk_free - visit every free range of RAM, lowest first
 *
 * Free means in "memory", not NOMAP, and not in "reserved". Ranges that
 * straddle a node boundary are split so @fn always sees one node.
 */
void memblock_walk_free(void (*fn)(phys_addr_t start, phys_addr_t end,
				   int nid, void *arg), void *arg)
{
	struct memblock_type *rsv = &memblock.reserved;
	unsigned long mi, ri = 0;

	for (mi = 0; mi < memblock.memory.cnt; mi++) {
		struct memblock_region *m = &memblock.memory.regions[mi];
		phys_addr_t cur = m->base, end = memblock_region_end(m);

		if (m->flags & MEMBLOCK_NOMAP)
			continue;
		while (ri < rsv->cnt && memblock_region_end(&rsv->regions[ri]) <= cur)
			ri++;
		while (cur < end) {
			unsigned long j = ri;
			phys_addr_t stop = end;

			/* Skip reservations covering cur. */
			while (j < rsv->cnt && rsv->regions[j].base <= cur &&
			       memblock_region_end(&rsv->regions[j]) > cur) {
				cur = memblock_region_end(&rsv->regions[j]);
				j++;
			}
			if (cur >= end)
				break;
			if (j < rsv->cnt && rsv->regions[j].base < end)
				stop = rsv->regions[j].base;
			fn(cur, stop, m->nid, arg);
			cur = stop;
			ri = j;
		}
	}
}

static void memblock_dump(struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s: %lu regions\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[%#018llx-%#018llx], %#llx bytes on node %d flags: %#x\n",
			type->name, i, r->base, memblock_region_end(r) - 1,
			r->size, r->nid, r->flags);
	}
}

void memblock_dump_all(void)
{
	if (!memblock_debug)
		return;
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %#llx reserved size = %#llx\n",
		memblock.memory.total_size, memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

static int __init early_memblock(char *val)
{
	if (!val || strcmp(val, "debug"))
		return -EINVAL;
	memblock_debug = true;
	return 0;
}
early_param("memblock", early_memblock);
