// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel fill test driver: fills a node with every kind of memory the
 * kernel allocates for itself, each piece holding a checksummed pattern,
 * so that a test can offline that node's blocks and prove nothing changed.
 *
 * DOC: kernel fill test driver
 *
 * kernel_fill_test_fill(NODE, MIB) allocates, round after round, objects
 * of five slab caches of the driver's own (32 to 4096 bytes), kmalloc()
 * objects of six sizes (16 to 8192 bytes), kernel heap blocks of orders 1
 * to 4 and vmalloc buffers of 16 to 256 KiB, the last two on NODE. It
 * stops once MIB MiB are held or the node's highest kernel zone is within
 * KFILL_MARGIN pages of its low watermark, whichever comes first. The
 * first fill also starts KFILL_THREADS kernel threads, each sleeping with
 * a patterned buffer on its stack, and lays out one sparse vmalloc area:
 * KFILL_SPARSE single pages 2 MiB apart, so that each needs a page table
 * of its own (see kfill_sparse()), and writes a patterned buffer into
 * every CPU's per-CPU area. Slab objects and kernel threads' stacks
 * come from node 0 whatever NODE is: those allocators take no node.
 *
 * The driver's own records are kernel allocations too (kmalloc'ed
 * chunks of 168 entries, a kmalloc'ed thread table), so they move with
 * the rest. Every piece is reached by the kernel virtual address it was
 * handed out at, and migration keeps that address, so the driver needs no
 * callback: verify reads each piece through it.
 *
 * The operations are files in /sys/kernel/debug/tide_kfill/: ``fill``
 * (write "NODE MIB"; read "<objects> objects, <MiB> MiB"), ``verify``
 * (read "<n> objects, <bad> bad"; a write fails with -EIO if any is bad),
 * ``free`` (write anything: every piece is freed, the threads exit),
 * ``stats`` (per kind: objects, and pages on each node) and ``census``
 * (write "PFN NR"; read how many pages of that range are free, movable
 * or pinned, the pinned ones by what they are: what an offline of it
 * would stop at).
 */
#include <linux/kernel.h>
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mutex.h>
#include <linux/nodemask.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include "kernel_fill_test.h"

#define KFILL_THREADS		64
#define KFILL_STACK_WORDS	256	/* 2 KiB of each thread's 16 KiB stack */
#define KFILL_SPARSE		512	/* pages, 2 MiB apart: 1 GiB of range */
#define KFILL_PMD_SPAN		(2UL << 20)
#define KFILL_MARGIN		1024	/* pages above the low watermark */
#define KFILL_PER_CACHE		16	/* objects of each cache per round */
#define KFILL_KMALLOC_EACH	4	/* kmalloc objects of each size per round */
#define KFILL_PCPU_WORDS	64	/* 512 bytes in each CPU's per-CPU area */

enum kfill_kind {
	KF_CACHE,	/* arg: index in kfill_cache_sizes */
	KF_KMALLOC,	/* arg: index in kfill_kmalloc_sizes */
	KF_KHEAP,	/* arg: the block's order */
	KF_VMALLOC,	/* arg: index in kfill_vmalloc_sizes */
	KF_SPARSE,	/* one page of the sparse vmalloc area */
	KF_NR
};

static const unsigned int kfill_cache_sizes[] = { 32, 96, 256, 1024, 4096 };
static const char *const kfill_cache_names[] = {
	"kfill-32", "kfill-96", "kfill-256", "kfill-1024", "kfill-4096",
};
static const unsigned int kfill_kmalloc_sizes[] = {
	16, 64, 192, 512, 2048, 8192,
};
static const unsigned int kfill_vmalloc_sizes[] = {
	16 << 10, 64 << 10, 256 << 10,
};
#define KFILL_KHEAP_ORDERS	4	/* orders 1 .. 4 */

/* One allocation and the checksum of the pattern it holds. */
struct kfill_obj {
	void *addr;
	u64 sum;
	u32 id;		/* seeds the pattern */
	u8 kind;	/* enum kfill_kind */
	u8 arg;		/* size index or order, see enum kfill_kind */
};

#define KFILL_CHUNK_OBJS	168	/* a chunk fits kmalloc-4k */

struct kfill_chunk {
	struct kfill_chunk *next;
	unsigned int nr;
	struct kfill_obj obj[KFILL_CHUNK_OBJS];
};

/* A sleeping thread and the buffer on its stack. */
struct kfill_thread {
	struct task_struct *task;
	u64 *buf;		/* on the thread's stack, set before @ready */
	u64 sum;
	u32 id;
	struct completion ready;
};

/* A patterned buffer in every CPU's per-CPU area; kfill_lock. */
struct kfill_pcpu {
	u64 w[KFILL_PCPU_WORDS];
	u64 sum;
	u32 id;
};
static DEFINE_PER_CPU(struct kfill_pcpu, kfill_pcpu);
static bool kfill_pcpu_filled;

/*
 * lock serialises fill, verify, free, stats and the corrupt hook; it
 * protects every field below. Migration changes none of them: it keeps
 * every piece at its address.
 */
static DEFINE_MUTEX(kfill_lock);
static struct kmem_cache *kfill_caches[ARRAY_SIZE(kfill_cache_sizes)];
static struct kfill_chunk *kfill_head;	/* newest chunk first */
static unsigned long kfill_nr;		/* objects in the chunks */
static unsigned long kfill_bytes;	/* their sizes, threads' buffers too */
static struct kfill_thread *kfill_threads;	/* KFILL_THREADS entries */
static unsigned int kfill_nr_threads;	/* started and not yet stopped */
static unsigned long kfill_stack_bad;	/* threads that found their buffer bad */
static u32 kfill_next_id;
static u64 kfill_seed = 0x6b66696c6c2d3031ULL;

/* A well-mixed word for word @n of the piece numbered @id. */
static u64 kfill_word(u32 id, u64 n)
{
	u64 x = kfill_seed ^ ((u64)id << 32) ^ (n * 0x9e3779b97f4a7c15ULL);

	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static void kfill_pattern(u64 *w, size_t bytes, u32 id)
{
	size_t i;

	for (i = 0; i < bytes / sizeof(u64); i++)
		w[i] = kfill_word(id, i);
}

static u64 kfill_checksum(const u64 *w, size_t bytes)
{
	u64 h = 0x243f6a8885a308d3ULL;
	size_t i;

	for (i = 0; i < bytes / sizeof(u64); i++) {
		h ^= READ_ONCE(w[i]);
		h = (h << 23 | h >> 41) * 0x100000001b3ULL;
	}
	return h;
}

static size_t kfill_obj_size(const struct kfill_obj *o)
{
	switch (o->kind) {
	case KF_CACHE:
		return kfill_cache_sizes[o->arg];
	case KF_KMALLOC:
		return kfill_kmalloc_sizes[o->arg];
	case KF_KHEAP:
		return PAGE_SIZE << o->arg;
	case KF_VMALLOC:
		return kfill_vmalloc_sizes[o->arg];
	default:
		return PAGE_SIZE;
	}
}

static void kfill_obj_release(const struct kfill_obj *o)
{
	switch (o->kind) {
	case KF_CACHE:
		kmem_cache_free(kfill_caches[o->arg], o->addr);
		break;
	case KF_KMALLOC:
		kfree(o->addr);
		break;
	case KF_KHEAP:
		kheap_free(o->addr);
		break;
	default:
		vfree(o->addr);
		break;
	}
}

/*
 * Records a piece already filled with its pattern. On failure (no room
 * for a new chunk) the piece is released. Lock held.
 */
static int kfill_record(void *addr, u32 id, enum kfill_kind kind, u8 arg)
{
	struct kfill_chunk *c = kfill_head;
	struct kfill_obj *o;

	if (!c || c->nr == KFILL_CHUNK_OBJS) {
		c = kmalloc(sizeof(*c), GFP_KERNEL);
		if (!c) {
			struct kfill_obj tmp = { .addr = addr, .kind = kind,
						 .arg = arg };

			kfill_obj_release(&tmp);
			return -ENOMEM;
		}
		c->nr = 0;
		c->next = kfill_head;
		kfill_head = c;
	}
	o = &c->obj[c->nr++];
	o->addr = addr;
	o->id = id;
	o->kind = kind;
	o->arg = arg;
	o->sum = kfill_checksum(addr, kfill_obj_size(o));
	kfill_nr++;
	kfill_bytes += kfill_obj_size(o);
	return 0;
}

/* Fills @addr (NULL: the allocation failed) and records it. Lock held. */
static int kfill_add(void *addr, enum kfill_kind kind, u8 arg)
{
	struct kfill_obj tmp = { .kind = kind, .arg = arg };
	u32 id = kfill_next_id++;

	if (!addr)
		return -ENOMEM;
	kfill_pattern(addr, kfill_obj_size(&tmp), id);
	return kfill_record(addr, id, kind, arg);
}

/* ---- per-CPU buffers ---- */

static void kfill_pcpu_fill(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct kfill_pcpu *p = per_cpu_ptr(&kfill_pcpu, cpu);

		p->id = kfill_next_id++;
		kfill_pattern(p->w, sizeof(p->w), p->id);
		p->sum = kfill_checksum(p->w, sizeof(p->w));
	}
	kfill_pcpu_filled = true;
}

/* Bad buffers; @n grows by the buffers checked. Lock held. */
static unsigned long kfill_pcpu_bad(unsigned long *n)
{
	unsigned long bad = 0;
	int cpu;

	if (!kfill_pcpu_filled)
		return 0;
	for_each_possible_cpu(cpu) {
		struct kfill_pcpu *p = per_cpu_ptr(&kfill_pcpu, cpu);

		bad += kfill_checksum(p->w, sizeof(p->w)) != p->sum;
		(*n)++;
	}
	return bad;
}

/* ---- threads ---- */

static DECLARE_WAIT_QUEUE_HEAD(kfill_sleep);

static int kfill_thread_fn(void *data)
{
	struct kfill_thread *t = data;
	u64 buf[KFILL_STACK_WORDS];

	kfill_pattern(buf, sizeof(buf), t->id);
	t->sum = kfill_checksum(buf, sizeof(buf));
	t->buf = buf;
	complete(&t->ready);
	/* Nobody wakes the queue: kthread_stop() wakes the thread itself. */
	wait_event_idle(kfill_sleep, kthread_should_stop());
	/* The stack may have moved while the thread slept: check it here. */
	return kfill_checksum(buf, sizeof(buf)) == t->sum ? 0 : -EIO;
}

/* Stops every thread; those that found their buffer bad are counted. */
static void kfill_stop_threads(void)
{
	while (kfill_nr_threads) {
		struct kfill_thread *t = &kfill_threads[--kfill_nr_threads];

		if (kthread_stop(t->task))
			kfill_stack_bad++;
	}
	kfree(kfill_threads);
	kfill_threads = NULL;
}

static int kfill_start_threads(void)
{
	unsigned int i;

	kfill_threads = kcalloc(KFILL_THREADS, sizeof(*kfill_threads),
				GFP_KERNEL);
	if (!kfill_threads)
		return -ENOMEM;
	for (i = 0; i < KFILL_THREADS; i++) {
		struct kfill_thread *t = &kfill_threads[i];

		t->id = kfill_next_id++;
		init_completion(&t->ready);
		t->task = kthread_run(kfill_thread_fn, t, "kfill/%u", i);
		if (IS_ERR(t->task))
			return -ENOMEM;
		kfill_nr_threads++;
		wait_for_completion(&t->ready);
		kfill_bytes += sizeof(u64) * KFILL_STACK_WORDS;
	}
	return 0;
}

/* ---- the sparse vmalloc area ---- */

/*
 * Lays out KFILL_SPARSE one-page vmalloc areas 2 MiB apart: between two
 * of them, a vmap() of one spare page over the rest of the 2 MiB (the
 * area and its guard page) holds the range, so that the next one-page
 * area, placed first-fit, lands in the next page table's span. Once all
 * are placed the spacers go: what stays is a page table per data page,
 * unless a hole left lower in the vmalloc range caught some of them.
 * Lock held.
 */
static int kfill_sparse(int nid)
{
	unsigned int spacer_pages = KFILL_PMD_SPAN / PAGE_SIZE - 3;
	struct page **fill = NULL;
	void **spacers = NULL;
	struct page *spare;
	unsigned int i, n = 0;
	int ret = -ENOMEM;

	spare = alloc_page(GFP_KERNEL);
	if (!spare)
		return -ENOMEM;
	fill = kmalloc_array(spacer_pages, sizeof(*fill), GFP_KERNEL);
	spacers = kcalloc(KFILL_SPARSE, sizeof(*spacers), GFP_KERNEL);
	if (!fill || !spacers)
		goto free_spare;
	for (i = 0; i < spacer_pages; i++)
		fill[i] = spare;
	for (i = 0; i < KFILL_SPARSE; i++) {
		void *p = __vmalloc_node(PAGE_SIZE, GFP_KERNEL | __GFP_THISNODE,
					 nid, VM_ALLOC,
					 __builtin_return_address(0));

		ret = kfill_add(p, KF_SPARSE, 0);
		if (ret)
			break;
		spacers[n] = vmap(fill, spacer_pages);
		if (!spacers[n])
			break;
		n++;
	}
	while (n)
		vunmap(spacers[--n]);
free_spare:
	kfree(spacers);
	kfree(fill);
	__free_page(spare);
	return ret;
}

/* ---- fill, verify, free ---- */

/* Whether @nid's highest kernel zone is near its low watermark. */
static bool kfill_node_low(int nid)
{
	struct zone *z = &NODE_DATA(nid)->node_zones[ZONE_NORMAL];

	if (!populated_zone(z))
		z = &NODE_DATA(nid)->node_zones[ZONE_DMA32];
	if (!populated_zone(z))
		return true;
	return zone_page_state(z, NR_FREE_PAGES) <
	       low_wmark_pages(z) + KFILL_MARGIN;
}

/* One round of every kind but threads and the sparse area. Lock held. */
static int kfill_round(int nid, unsigned int round)
{
	const gfp_t gfp = __GFP_NOWARN | GFP_KERNEL;
	unsigned int i, j;
	u8 arg;
	int ret;

	for (i = 0; i < ARRAY_SIZE(kfill_caches); i++) {
		for (j = 0; j < KFILL_PER_CACHE; j++) {
			ret = kfill_add(kmem_cache_alloc(kfill_caches[i], gfp),
					KF_CACHE, i);
			if (ret)
				return ret;
		}
	}
	for (i = 0; i < ARRAY_SIZE(kfill_kmalloc_sizes); i++) {
		for (j = 0; j < KFILL_KMALLOC_EACH; j++) {
			ret = kfill_add(kmalloc(kfill_kmalloc_sizes[i], gfp),
					KF_KMALLOC, i);
			if (ret)
				return ret;
		}
	}
	for (i = 1; i <= KFILL_KHEAP_ORDERS; i++) {
		ret = kfill_add(kheap_alloc(i, gfp | __GFP_THISNODE, nid),
				KF_KHEAP, i);
		if (ret)
			return ret;
	}
	arg = round % ARRAY_SIZE(kfill_vmalloc_sizes);
	return kfill_add(__vmalloc_node(kfill_vmalloc_sizes[arg],
					gfp | __GFP_THISNODE, nid, VM_ALLOC,
					__builtin_return_address(0)),
			 KF_VMALLOC, arg);
}

static int kfill_create_caches(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kfill_caches); i++) {
		if (kfill_caches[i])
			continue;
		kfill_caches[i] = kmem_cache_create(kfill_cache_names[i],
						    kfill_cache_sizes[i], 0, 0,
						    NULL);
		if (!kfill_caches[i])
			return -ENOMEM;
	}
	return 0;
}

/* Frees every piece, stops the threads, destroys the caches. Lock held. */
static void kfill_free_locked(void)
{
	unsigned int i;

	kfill_stop_threads();
	while (kfill_head) {
		struct kfill_chunk *c = kfill_head;

		while (c->nr)
			kfill_obj_release(&c->obj[--c->nr]);
		kfill_head = c->next;
		kfree(c);
		cond_resched();
	}
	for (i = 0; i < ARRAY_SIZE(kfill_caches); i++) {
		kmem_cache_destroy(kfill_caches[i]);
		kfill_caches[i] = NULL;
	}
	kfill_nr = 0;
	kfill_bytes = 0;
	kfill_pcpu_filled = false;
}

/**
 * kernel_fill_test_fill - fill node @nid with kernel allocations
 * @nid: the node; it must have memory
 * @mib: stop once about this many MiB are held (by this call and earlier
 *	 ones together)
 *
 * The first call on an empty driver also starts the threads and lays
 * out the sparse vmalloc area (see DOC). The fill also stops, keeping
 * what it has, when an allocation fails or the node's highest kernel
 * zone nears its low watermark. Takes kfill_lock; sleeps.
 *
 * Return: 0; -EINVAL for a node without memory or @mib 0; -ENOMEM when
 * the threads, caches or sparse area of a first fill could not be had
 * (then nothing is kept).
 */
int kernel_fill_test_fill(int nid, unsigned long mib)
{
	unsigned int round = 0;
	int ret = 0;

	if (!mib || mib > totalram_pages() >> (20 - PAGE_SHIFT) ||
	    nid < 0 || nid >= MAX_NUMNODES || !NODE_DATA(nid) ||
	    !node_state(nid, N_MEMORY))
		return -EINVAL;
	mutex_lock(&kfill_lock);
	if (!kfill_nr && !kfill_nr_threads) {
		ret = kfill_create_caches();
		if (!ret)
			ret = kfill_start_threads();
		if (!ret)
			ret = kfill_sparse(nid);
		if (!ret)
			kfill_pcpu_fill();
		if (ret) {
			kfill_free_locked();
			goto unlock;
		}
	}
	while (kfill_bytes < mib << 20 && !kfill_node_low(nid)) {
		if (kfill_round(nid, round++))
			break;
		cond_resched();
	}
unlock:
	mutex_unlock(&kfill_lock);
	return ret;
}

/* Whether piece @o still holds its pattern. */
static bool kfill_obj_ok(const struct kfill_obj *o)
{
	return kfill_checksum(o->addr, kfill_obj_size(o)) == o->sum;
}

/**
 * kernel_fill_test_verify - recompute every checksum
 * @nr_objects: if not NULL, set to the pieces checked (threads included)
 * @nr_bad: if not NULL, set to the pieces whose data changed, and the
 *	    threads that found their stack buffer changed when they exited
 *
 * Takes kfill_lock.
 *
 * Return: 0 if all are intact (also when there are none), -EIO if not.
 */
int kernel_fill_test_verify(unsigned long *nr_objects, unsigned long *nr_bad)
{
	unsigned long bad, n = 0;
	struct kfill_chunk *c;
	unsigned int i;

	mutex_lock(&kfill_lock);
	bad = kfill_stack_bad;
	for (c = kfill_head; c; c = c->next) {
		for (i = 0; i < c->nr; i++)
			bad += !kfill_obj_ok(&c->obj[i]);
		n += c->nr;
		cond_resched();
	}
	for (i = 0; i < kfill_nr_threads; i++) {
		struct kfill_thread *t = &kfill_threads[i];

		bad += kfill_checksum(t->buf, sizeof(u64) * KFILL_STACK_WORDS) !=
		       t->sum;
		n++;
	}
	bad += kfill_pcpu_bad(&n);
	mutex_unlock(&kfill_lock);
	if (bad)
		pr_err("kernel_fill_test: %lu of %lu objects corrupt\n", bad, n);
	if (nr_objects)
		*nr_objects = n;
	if (nr_bad)
		*nr_bad = bad;
	return bad ? -EIO : 0;
}

/**
 * kernel_fill_test_free - free every piece and stop the threads
 *
 * Also forgets the threads that found their buffer bad. Takes kfill_lock.
 */
void kernel_fill_test_free(void)
{
	mutex_lock(&kfill_lock);
	kfill_free_locked();
	kfill_stack_bad = 0;
	mutex_unlock(&kfill_lock);
}

/**
 * kernel_fill_test_nr_objects - pieces held, threads not counted
 * Return: the count.
 */
unsigned long kernel_fill_test_nr_objects(void)
{
	return READ_ONCE(kfill_nr);
}

/**
 * kernel_fill_test_nr_threads - sleeping threads held
 * Return: the count.
 */
unsigned long kernel_fill_test_nr_threads(void)
{
	return READ_ONCE(kfill_nr_threads);
}

/**
 * kernel_fill_test_corrupt - flip one bit of piece @idx, for tests
 * @idx: 0 is the newest piece
 *
 * Return: 0, or -ENOENT when there are not that many pieces.
 */
int kernel_fill_test_corrupt(unsigned long idx)
{
	struct kfill_chunk *c;
	int ret = -ENOENT;

	mutex_lock(&kfill_lock);
	for (c = kfill_head; c; c = c->next) {
		if (idx < c->nr) {
			u8 *p = c->obj[c->nr - 1 - idx].addr;

			p[0] ^= 0x10;
			ret = 0;
			break;
		}
		idx -= c->nr;
	}
	mutex_unlock(&kfill_lock);
	return ret;
}

/**
 * kernel_fill_test_piece - the address of piece @idx and its size, for tests
 * @idx: 0 is the newest piece
 * @size: set to the piece's size in bytes
 *
 * The address stays valid until the pieces are freed; it does not change
 * when the pages behind it move.
 *
 * Return: the address, or NULL when there are not that many pieces.
 */
void *kernel_fill_test_piece(unsigned long idx, size_t *size)
{
	struct kfill_chunk *c;
	void *addr = NULL;

	mutex_lock(&kfill_lock);
	for (c = kfill_head; c; c = c->next) {
		if (idx < c->nr) {
			const struct kfill_obj *o = &c->obj[c->nr - 1 - idx];

			addr = o->addr;
			*size = kfill_obj_size(o);
			break;
		}
		idx -= c->nr;
	}
	mutex_unlock(&kfill_lock);
	return addr;
}

/* ---- stats ---- */

/* Pages per node of one row of the stats file. */
struct kfill_row {
	unsigned long objects;
	unsigned long pages[MAX_NUMNODES];
};

/* Counts the page at @va on its node, unless it is @*last (then skips). */
static void kfill_count_page(struct kfill_row *row, unsigned long va,
			     unsigned long *last)
{
	phys_addr_t pa = kernel_virt_to_phys(va);
	unsigned long pfn;

	if (pa == PHYS_ADDR_MAX)
		return;
	pfn = PHYS_PFN(pa);
	if (last) {
		if (*last == pfn)
			return;
		*last = pfn;
	}
	row->pages[page_to_nid(pfn_to_page(pfn))]++;
}

/* The page table that maps @va, counted on its node. */
static void kfill_count_pgtable(struct kfill_row *row, unsigned long va,
				unsigned long *last)
{
	int level;
	pgentry_t *e = lookup_address(va, &level);
	unsigned long pfn;

	if (!e)
		return;
	pfn = PHYS_PFN(__pa(e));
	if (*last == pfn)
		return;
	*last = pfn;
	row->pages[page_to_nid(pfn_to_page(pfn))]++;
	row->objects++;
}

enum { ROW_META = KF_NR, ROW_PGTABLE, ROW_STACK, ROW_PCPU, NR_ROWS };

static const char *const kfill_row_names[NR_ROWS] = {
	"cache", "kmalloc", "kheap", "vmalloc", "sparse", "records",
	"pgtable", "stack", "percpu",
};

/*
 * Small objects of one size sit side by side in slabs: a page is counted
 * once per run of objects of that size in it, which is exact as long as
 * the objects came in address order.
 */
static void kfill_count(struct kfill_row *rows)
{
	unsigned long last[KF_NR][8], last_pt = ULONG_MAX, last_meta = ULONG_MAX;
	struct kfill_chunk *c;
	unsigned int i;
	size_t off;

	memset(last, 0xff, sizeof(last));
	for (c = kfill_head; c; c = c->next) {
		rows[ROW_META].objects++;
		kfill_count_page(&rows[ROW_META], (unsigned long)c, &last_meta);
		for (i = 0; i < c->nr; i++) {
			const struct kfill_obj *o = &c->obj[i];
			unsigned long va = (unsigned long)o->addr;
			size_t size = kfill_obj_size(o);

			rows[o->kind].objects++;
			if (size < PAGE_SIZE) {
				kfill_count_page(&rows[o->kind], va,
						 &last[o->kind][o->arg]);
				continue;
			}
			for (off = 0; off < size; off += PAGE_SIZE)
				kfill_count_page(&rows[o->kind], va + off, NULL);
			if (o->kind == KF_SPARSE)
				kfill_count_pgtable(&rows[ROW_PGTABLE], va,
						    &last_pt);
		}
	}
	for (i = 0; i < kfill_nr_threads; i++) {
		unsigned long stack = (unsigned long)kfill_threads[i].task->stack;

		rows[ROW_STACK].objects++;
		for (off = 0; off < THREAD_SIZE; off += PAGE_SIZE)
			kfill_count_page(&rows[ROW_STACK], stack + off, NULL);
	}
	for_each_possible_cpu(i) {
		if (!kfill_pcpu_filled)
			break;
		rows[ROW_PCPU].objects++;
		kfill_count_page(&rows[ROW_PCPU],
				 (unsigned long)per_cpu_ptr(&kfill_pcpu, i), NULL);
	}
}

static ssize_t stats_show(void *data, char *buf)
{
	struct kfill_row *rows;
	int len, nid, r;

	rows = kcalloc(NR_ROWS, sizeof(*rows), GFP_KERNEL);
	if (!rows)
		return -ENOMEM;
	mutex_lock(&kfill_lock);
	kfill_count(rows);
	mutex_unlock(&kfill_lock);
	len = sysfs_emit(buf, "%-8s %8s", "kind", "objects");
	for (nid = 0; nid < nr_node_ids; nid++)
		len += sysfs_emit_at(buf, len, "  node%d%s", nid,
				     nid + 1 < nr_node_ids ? "" : "\n");
	for (r = 0; r < NR_ROWS; r++) {
		len += sysfs_emit_at(buf, len, "%-8s %8lu", kfill_row_names[r],
				     rows[r].objects);
		for (nid = 0; nid < nr_node_ids; nid++)
			len += sysfs_emit_at(buf, len, " %6lu%s",
					     rows[r].pages[nid],
					     nid + 1 < nr_node_ids ? "" : "\n");
	}
	kfree(rows);
	return len;
}

/* ---- census ---- */

/* The range the census file looks at; set by a write, read unlocked. */
static unsigned long kfill_census_start, kfill_census_nr;

/* What pins pages, as the census file names them: page types, then these. */
enum { PIN_RESERVED = PGTY_NR, PIN_TAIL, PIN_NR };

static const char *const kfill_pin_names[PIN_NR] = {
	"none", "buddy", "slab", "kheap", "vmalloc", "pgtable", "memmap",
	"anon", "reserved", "count0",
};

/*
 * Sorts each page of the range: free (in the buddy allocator), movable
 * (migration would try it) or pinned, the pinned ones by type, with
 * PG_reserved pages (memblock's, firmware's, the kernel image) and pages
 * with no reference apart (tails of larger allocations). An unlocked
 * look: the counts may be stale by the time they are printed.
 */
static ssize_t census_show(void *data, char *buf)
{
	unsigned long start = READ_ONCE(kfill_census_start);
	unsigned long end = start + READ_ONCE(kfill_census_nr);
	unsigned long pfn, free = 0, movable = 0, holes = 0;
	unsigned long pinned[PIN_NR] = { 0 };
	int len, i;

	for (pfn = start; pfn != end; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn) || PageUnplugged(pfn_to_page(pfn))) {
			holes++;	/* no memmap, or not RAM now */
			continue;
		}
		page = pfn_to_page(pfn);
		if (PageBuddy(page)) {
			unsigned long n = min(1UL << buddy_order(page), end - pfn);

			free += n;
			pfn += n - 1;
		} else if (page_is_migratable(page)) {
			movable++;
		} else if (PageReserved(page)) {
			pinned[PIN_RESERVED]++;
		} else if (!page_count(page)) {
			pinned[PIN_TAIL]++;
		} else {
			pinned[page->type < PGTY_NR ? page->type : PGTY_NONE]++;
		}
		if (!(pfn % 4096))
			cond_resched();
	}
	len = sysfs_emit(buf, "pfn %#lx-%#lx: %lu free, %lu movable, %lu holes\n",
			 start, end - 1, free, movable, holes);
	for (i = 0; i < PIN_NR; i++)
		if (pinned[i])
			len += sysfs_emit_at(buf, len, "pinned %s %lu\n",
					     kfill_pin_names[i], pinned[i]);
	return len;
}

/* "PFN NR": the range the next read looks at. */
static ssize_t census_store(void *data, const char *buf, size_t len)
{
	unsigned long start, nr;
	char words[48], *second;
	int ret;

	if (len >= sizeof(words))
		return -EINVAL;
	memcpy(words, buf, len);
	words[len] = '\0';
	second = strchr(words, ' ');
	if (!second)
		return -EINVAL;
	*second++ = '\0';
	ret = kstrtoul(words, 0, &start);
	if (!ret)
		ret = kstrtoul(second, 0, &nr);
	if (ret)
		return ret;
	if (!nr || start + nr < start || start + nr > MAX_PFN)
		return -EINVAL;
	WRITE_ONCE(kfill_census_start, start);
	WRITE_ONCE(kfill_census_nr, nr);
	return len;
}

/* ---- debugfs ---- */

static ssize_t fill_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%lu objects, %lu MiB\n",
			  kernel_fill_test_nr_objects(),
			  READ_ONCE(kfill_bytes) >> 20);
}

/* "NODE MIB" */
static ssize_t fill_store(void *data, const char *buf, size_t len)
{
	char words[32], *mib;
	unsigned long nr;
	int nid, ret;

	if (len >= sizeof(words))
		return -EINVAL;
	memcpy(words, buf, len);
	words[len] = '\0';
	mib = strchr(words, ' ');
	if (!mib)
		return -EINVAL;
	*mib++ = '\0';
	ret = kstrtoint(words, 0, &nid);
	if (!ret)
		ret = kstrtoul(mib, 0, &nr);
	if (!ret)
		ret = kernel_fill_test_fill(nid, nr);
	return ret ? ret : len;
}

static ssize_t verify_show(void *data, char *buf)
{
	unsigned long n = 0, bad = 0;

	kernel_fill_test_verify(&n, &bad);
	return sysfs_emit(buf, "%lu objects, %lu bad\n", n, bad);
}

static ssize_t verify_store(void *data, const char *buf, size_t len)
{
	int ret = kernel_fill_test_verify(NULL, NULL);

	return ret ? ret : len;
}

static ssize_t free_store(void *data, const char *buf, size_t len)
{
	kernel_fill_test_free();
	return len;
}

static const struct debugfs_file_ops kfill_fill_ops = {
	.show = fill_show,
	.store = fill_store,
};

static const struct debugfs_file_ops kfill_verify_ops = {
	.show = verify_show,
	.store = verify_store,
};

static const struct debugfs_file_ops kfill_free_ops = {
	.store = free_store,
};

static const struct debugfs_file_ops kfill_stats_ops = {
	.show = stats_show,
};

static const struct debugfs_file_ops kfill_census_ops = {
	.show = census_show,
	.store = census_store,
};

static int __init kernel_fill_test_init(void)
{
	struct dentry *dir = debugfs_create_dir("tide_kfill", NULL);

	if (IS_ERR(dir)) {
		pr_warn("kernel_fill_test: no debugfs directory: %ld\n",
			PTR_ERR(dir));
		return PTR_ERR(dir);
	}
	debugfs_create_file("fill", 0644, dir, NULL, &kfill_fill_ops);
	debugfs_create_file("verify", 0644, dir, NULL, &kfill_verify_ops);
	debugfs_create_file("free", 0200, dir, NULL, &kfill_free_ops);
	debugfs_create_file("stats", 0444, dir, NULL, &kfill_stats_ops);
	debugfs_create_file("census", 0644, dir, NULL, &kfill_census_ops);
	return 0;
}
late_initcall(kernel_fill_test_init);
