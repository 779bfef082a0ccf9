// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for page migration (mm/migrate.c) and the movable test driver
 * (mm/movable_test.c): owned pages, kmalloc, large kmalloc and vmalloc
 * pages, refusals that leave pages intact, and many pages at once.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/memblock.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/sysfs.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/sections.h>
#include <kunit/test.h>

/* A one-page owner that can be told to refuse. */
struct test_owner {
	struct movable_owner owner;
	struct page *page;
	int refuse;		/* returned by the callback when non-zero */
	unsigned int calls;
};

static int test_owner_migrate(struct movable_owner *owner, struct page *old,
			      struct page *new)
{
	struct test_owner *t = container_of(owner, struct test_owner, owner);

	t->calls++;
	if (t->refuse)
		return t->refuse;
	if (t->page != old)
		return -EBUSY;
	t->page = new;
	return 0;
}

static void fill(void *p, size_t size, u8 seed)
{
	u8 *b = p;
	size_t i;

	for (i = 0; i < size; i++)
		b[i] = seed + i * 7 + (i >> 12);
}

/* Bytes of [@p, @p+@size) that differ from fill(@seed). */
static size_t check(const void *p, size_t size, u8 seed)
{
	const u8 *b = p;
	size_t i, bad = 0;

	for (i = 0; i < size; i++)
		bad += b[i] != (u8)(seed + i * 7 + (i >> 12));
	return bad;
}

/* Warms the caches migrate_pages() uses, then reads the free count. */
static unsigned long free_baseline(void)
{
	migrate_pages(NULL, 0, alloc_migration_target, 0, NULL);
	return nr_free_pages();
}

static struct page *owned_page(struct kunit *test, struct test_owner *t,
			       u8 seed)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);

	KUNIT_ASSERT_NOT_NULL(test, page);
	t->owner.name = "migrate_kunit";
	t->owner.migrate = test_owner_migrate;
	t->page = page;
	fill(movable_page_address(page), PAGE_SIZE, seed);
	page->private = 0x5a5a;
	set_page_movable_owner(page, &t->owner);
	return page;
}

/* Same data, owner switched to the new page, old page freed. */
static void migrate_owned_page(struct kunit *test)
{
	struct test_owner t = { };
	unsigned long before = free_baseline();
	struct page *old = owned_page(test, &t, 3);

	KUNIT_EXPECT_TRUE(test, page_is_migratable(old));
	KUNIT_ASSERT_EQ(test, migrate_page(old, NUMA_NO_NODE), 0);
	KUNIT_EXPECT_EQ(test, t.calls, 1u);
	KUNIT_EXPECT_PTR_NE(test, t.page, old);
	KUNIT_EXPECT_EQ(test, check(movable_page_address(t.page), PAGE_SIZE, 3),
			(size_t)0);
	KUNIT_EXPECT_PTR_EQ(test, page_movable_owner(t.page), &t.owner);
	KUNIT_EXPECT_EQ(test, t.page->private, 0x5a5aUL);
	KUNIT_EXPECT_EQ(test, page_count(t.page), 1);
	/* The old page went back to the allocator. */
	KUNIT_EXPECT_EQ(test, page_count(old), 0);
	KUNIT_EXPECT_NULL(test, page_movable_owner(old));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before - 1);
	clear_page_movable_owner(t.page);
	__free_page(t.page);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

/* A refusing owner keeps its page, data and all; the target is freed. */
static void migrate_owner_refuses(struct kunit *test)
{
	static const int errs[] = { -EBUSY, -EAGAIN, -EIO };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(errs); i++) {
		struct test_owner t = { };
		unsigned long before = free_baseline();
		struct page *page = owned_page(test, &t, 9);
		int want = errs[i] == -EAGAIN ? -EAGAIN : -EBUSY;

		t.refuse = errs[i];
		KUNIT_EXPECT_EQ(test, migrate_page(page, NUMA_NO_NODE), want);
		/* -EAGAIN is tried again, up to the pass limit. */
		KUNIT_EXPECT_EQ(test, t.calls, errs[i] == -EAGAIN ?
				MIGRATE_MAX_PASSES : 1u);
		KUNIT_EXPECT_PTR_EQ(test, t.page, page);
		KUNIT_EXPECT_PTR_EQ(test, page_movable_owner(page), &t.owner);
		KUNIT_EXPECT_EQ(test, page_count(page), 1);
		KUNIT_EXPECT_EQ(test, check(movable_page_address(page), PAGE_SIZE, 9),
				(size_t)0);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), before - 1);
		clear_page_movable_owner(page);
		__free_page(page);
	}
}

/* A second reference pins the page; no owner, no move. */
static void migrate_pinned_and_unowned(struct kunit *test)
{
	struct test_owner t = { };
	unsigned long before = free_baseline();
	struct page *page = owned_page(test, &t, 1), *plain;

	get_page(page);
	KUNIT_EXPECT_FALSE(test, page_is_migratable(page));
	KUNIT_EXPECT_EQ(test, migrate_page(page, NUMA_NO_NODE), -EBUSY);
	KUNIT_EXPECT_EQ(test, t.calls, 0u);
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	KUNIT_EXPECT_EQ(test, check(movable_page_address(page), PAGE_SIZE, 1),
			(size_t)0);
	__free_page(page);	/* the extra reference */
	clear_page_movable_owner(page);
	__free_page(page);

	plain = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_EXPECT_FALSE(test, page_is_migratable(plain));
	KUNIT_EXPECT_EQ(test, migrate_page(plain, NUMA_NO_NODE), -EBUSY);
	KUNIT_EXPECT_EQ(test, migrate_kernel_page(plain), -EINVAL);
	KUNIT_EXPECT_EQ(test, page_count(plain), 1);
	__free_page(plain);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

/* Kmalloc objects keep address and contents when their slab moves. */
static void migrate_kmalloc_slab(struct kunit *test)
{
	enum { N = 64 };
	void *obj[N];
	struct page *old, *new;
	struct kmem_cache *cache;
	unsigned int i;
	void *more;

	for (i = 0; i < N; i++) {
		obj[i] = kmalloc(100, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		fill(obj[i], 100, i);
	}
	cache = virt_to_cache(obj[0]);
	old = kheap_virt_to_page(kheap_block_start(obj[0]));
	KUNIT_ASSERT_NOT_NULL(test, old);
	KUNIT_EXPECT_EQ(test, old->type, PGTY_SLAB);
	KUNIT_ASSERT_EQ(test, migrate_kernel_page(old), 0);
	new = kheap_virt_to_page(kheap_block_start(obj[0]));
	KUNIT_EXPECT_PTR_NE(test, new, old);
	KUNIT_EXPECT_EQ(test, new->type, PGTY_SLAB);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_cache(obj[0]), cache);
	KUNIT_EXPECT_EQ(test, page_count(old), 0);
	for (i = 0; i < N; i++)
		KUNIT_EXPECT_EQ_MSG(test, check(obj[i], 100, i), (size_t)0,
				    "object %u", i);
	KUNIT_EXPECT_EQ(test, ksize(obj[0]), (size_t)128);

	/* The moved slab still works: free into it and allocate from it. */
	kfree(obj[0]);
	more = kmalloc(100, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, more);
	kfree(more);
	for (i = 1; i < N; i++)
		kfree(obj[i]);
}

/* Every page of a large kmalloc block and of a vmalloc buffer moves. */
static void migrate_kheap_and_vmalloc(struct kunit *test)
{
	const size_t size = 4 * PAGE_SIZE;
	unsigned long before;
	struct vm_struct *area;
	unsigned int i;
	u8 *heap, *vm;

	/* The first free of a heap order may take a page for its slot stack. */
	kfree(kmalloc(size, GFP_KERNEL));
	vfree(vmalloc(size + 100));
	before = free_baseline();
	heap = kmalloc(size, GFP_KERNEL);
	vm = vmalloc(size + 100);

	KUNIT_ASSERT_NOT_NULL(test, heap);
	KUNIT_ASSERT_NOT_NULL(test, vm);
	fill(heap, size, 5);
	fill(vm, size + 100, 6);
	area = find_vm_area(vm);
	KUNIT_ASSERT_NOT_NULL(test, area);
	for (i = 0; i < 5; i++) {
		struct page *old = vmalloc_to_page(vm + i * PAGE_SIZE);

		KUNIT_EXPECT_EQ(test, migrate_kernel_page(old), 0);
		KUNIT_EXPECT_PTR_NE(test, vmalloc_to_page(vm + i * PAGE_SIZE), old);
		KUNIT_EXPECT_PTR_EQ(test, area->pages[i],
				    vmalloc_to_page(vm + i * PAGE_SIZE));
		KUNIT_EXPECT_EQ(test, area->pages[i]->virtual,
				(unsigned long)vm + i * PAGE_SIZE);
		if (i == 4)
			continue;
		old = kheap_virt_to_page(heap + i * PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, migrate_kernel_page(old), 0);
		KUNIT_EXPECT_PTR_NE(test, kheap_virt_to_page(heap + i * PAGE_SIZE),
				    old);
	}
	KUNIT_EXPECT_EQ(test, check(heap, size, 5), (size_t)0);
	KUNIT_EXPECT_EQ(test, check(vm, size + 100, 6), (size_t)0);
	KUNIT_EXPECT_EQ(test, ksize(heap), size);
	kfree(heap);
	vfree(vm);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

/* A stack nobody runs on moves like any vmalloc page, contents and all. */
static void migrate_idle_stack(struct kunit *test)
{
	void *stack = alloc_thread_stack(NUMA_NO_NODE);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, stack);
	fill(stack, THREAD_SIZE, 9);
	page = vmalloc_to_page(stack);
	KUNIT_EXPECT_EQ(test, migrate_kernel_page(page), 0);
	KUNIT_EXPECT_PTR_NE(test, vmalloc_to_page(stack), page);
	KUNIT_EXPECT_EQ(test, check(stack, THREAD_SIZE, 9), (size_t)0);
	free_thread_stack(stack);
}

struct stack_state {
	struct completion parked, go, done;
	void *frame;		/* an address in the thread's stack */
	int own_ret;		/* moving its own stack while on it */
	size_t own_bad;		/* bytes of its stack array changed by that */
	size_t bad;		/* bytes of its stack array that changed */
};

/*
 * Fills an array on its own stack, moves the page it is running on (the
 * stop runs on a stack of its own, so nothing writes this one meanwhile)
 * and checks the array, then sleeps while the test moves every page of
 * its stack, and checks the array again.
 */
static int stack_fn(void *arg)
{
	struct stack_state *st = arg;
	u8 buf[2048];

	fill(buf, sizeof(buf), 11);
	st->frame = buf;
	st->own_ret = migrate_kernel_page(vmalloc_to_page(buf));
	st->own_bad = check(buf, sizeof(buf), 11);
	complete(&st->parked);
	wait_for_completion(&st->go);
	st->bad = check(buf, sizeof(buf), 11);
	complete(&st->done);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/*
 * The stack of a sleeping thread moves under it, every page; the thread
 * wakes on the new pages with its locals intact. So does the page a
 * task is running on when it asks for the move itself.
 */
static void migrate_sleeping_stack(struct kunit *test)
{
	struct stack_state st = { };
	struct task_struct *k;
	unsigned long base, off;
	unsigned int moved = 0;

	init_completion(&st.parked);
	init_completion(&st.go);
	init_completion(&st.done);
	k = kthread_create(stack_fn, &st, "migrate-stack");
	KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	wake_up_process(k);
	wait_for_completion(&st.parked);
	/*
	 * The stop runs on stacks of its own, so a task can move the stack
	 * it is running on: its frames are not written during the stop.
	 */
	KUNIT_EXPECT_EQ(test, st.own_ret, 0);
	KUNIT_EXPECT_EQ(test, st.own_bad, (size_t)0);

	base = (unsigned long)k->stack;
	KUNIT_ASSERT_NE(test, base, 0UL);
	KUNIT_EXPECT_GE(test, (unsigned long)st.frame, base);
	/* It may not be asleep yet: retry the pages it still ran on. */
	for (off = 0; off < THREAD_SIZE; off += PAGE_SIZE) {
		struct page *old = vmalloc_to_page((void *)(base + off));
		int tries, ret = -EAGAIN;

		for (tries = 0; tries < 100 && ret; tries++) {
			ret = migrate_kernel_page(old);
			if (ret)
				msleep(1);
		}
		KUNIT_EXPECT_EQ(test, ret, 0);
		moved += !ret && vmalloc_to_page((void *)(base + off)) != old;
	}
	KUNIT_EXPECT_EQ(test, moved, (unsigned int)(THREAD_SIZE / PAGE_SIZE));
	complete(&st.go);
	wait_for_completion(&st.done);
	KUNIT_EXPECT_EQ(test, st.bad, (size_t)0);
	/* Free its stack now, not during a later case that counts pages. */
	get_task_struct(k);
	kthread_stop(k);
	for (off = 0; off < 1000 && READ_ONCE(k->stack); off++)
		msleep(1);	/* the idle loop frees dead tasks' stacks */
	KUNIT_EXPECT_NULL(test, READ_ONCE(k->stack));
	put_task_struct(k);
}

/* Targets never come from an isolated pageblock (what offlining needs). */
static void migrate_avoids_isolated_block(struct kunit *test)
{
	struct test_owner t = { };
	struct page *page = owned_page(test, &t, 4);
	unsigned long pfn = page_to_pfn(page);
	unsigned long block = ALIGN_DOWN(pfn, pageblock_nr_pages);
	int saved_mt = get_pageblock_migratetype(page);

	if (set_migratetype_isolate(page)) {
		clear_page_movable_owner(page);
		__free_page(page);
		kunit_skip(test, "pageblock of pfn %#lx cannot be isolated", pfn);
	}
	KUNIT_EXPECT_EQ(test, migrate_page(page, NUMA_NO_NODE), 0);
	KUNIT_EXPECT_TRUE(test, page_to_pfn(t.page) < block ||
			  page_to_pfn(t.page) >= block + pageblock_nr_pages);
	KUNIT_EXPECT_EQ(test, check(movable_page_address(t.page), PAGE_SIZE, 4),
			(size_t)0);
	unset_migratetype_isolate(pfn_to_page(block), saved_mt);
	clear_page_movable_owner(t.page);
	__free_page(t.page);
}

/* The test driver: a thousand pages moved in chunks, every checksum kept. */
static void migrate_many_driver_pages(struct kunit *test)
{
	const unsigned long n = 1000;
	unsigned long before, done, i, bad = 1;
	struct page **pages;
	unsigned int failed = 1;

	/*
	 * One round before the count: kernel page-table pages that the heap
	 * and vmalloc addresses of these allocations need are made then and
	 * stay, depending on what earlier suites allocated; they are no leak.
	 */
	pages = vmalloc(n * sizeof(*pages));
	KUNIT_ASSERT_NOT_NULL(test, pages);
	KUNIT_ASSERT_EQ(test, movable_test_fill(n, NUMA_NO_NODE), 0);
	movable_test_free();
	vfree(pages);

	before = free_baseline();
	done = migrate_nr_succeeded();
	pages = vmalloc(n * sizeof(*pages));
	KUNIT_ASSERT_NOT_NULL(test, pages);
	KUNIT_ASSERT_EQ(test, movable_test_fill(n, NUMA_NO_NODE), 0);
	KUNIT_EXPECT_EQ(test, movable_test_fill(1, NUMA_NO_NODE), -EBUSY);
	KUNIT_EXPECT_EQ(test, movable_test_nr_pages(), n);
	for (i = 0; i < n; i++)
		pages[i] = movable_test_page(i);

	KUNIT_EXPECT_EQ(test, migrate_pages(pages, n, alloc_migration_target,
					    0, &failed), 0);
	KUNIT_EXPECT_EQ(test, failed, 0u);
	KUNIT_EXPECT_EQ(test, migrate_nr_succeeded() - done, n);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_PTR_EQ(test, pages[i], movable_test_page(i));
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);

	/* Refused: nothing moves, nothing changes. */
	movable_test_set_refuse(true);
	KUNIT_EXPECT_EQ(test, migrate_pages(pages, 100, alloc_migration_target,
					    0, &failed), -EBUSY);
	KUNIT_EXPECT_EQ(test, failed, 100u);
	movable_test_set_refuse(false);
	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_PTR_EQ(test, pages[i], movable_test_page(i));
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);

	movable_test_free();
	KUNIT_EXPECT_EQ(test, movable_test_nr_pages(), 0UL);
	vfree(pages);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

/* Verify notices a changed byte. */
static void migrate_driver_detects_corruption(struct kunit *test)
{
	unsigned long bad = 0;
	u8 *p;

	KUNIT_ASSERT_EQ(test, movable_test_fill(8, NUMA_NO_NODE), 0);
	p = movable_page_address(movable_test_page(5));
	p[100] ^= 1;
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), -EIO);
	KUNIT_EXPECT_EQ(test, bad, 1UL);
	p[100] ^= 1;
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	movable_test_free();
	KUNIT_EXPECT_EQ(test, movable_test_fill(0, NUMA_NO_NODE), -EINVAL);
}

/* Many slab pages of several caches moved in one call. */
static void migrate_many_kernel_pages(struct kunit *test)
{
	enum { N = 300 };
	static const size_t sizes[] = { 16, 192, 1000, 3000 };
	void **obj;
	struct page **pages;
	unsigned int i, nr = 0, failed = 1;

	obj = vzalloc(N * sizeof(*obj));
	pages = vzalloc(N * sizeof(*pages));
	KUNIT_ASSERT_NOT_NULL(test, obj);
	KUNIT_ASSERT_NOT_NULL(test, pages);
	for (i = 0; i < N; i++) {
		size_t size = sizes[i % ARRAY_SIZE(sizes)];
		struct page *head;
		unsigned int j;

		obj[i] = kmalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		fill(obj[i], size, i);
		head = kheap_virt_to_page(obj[i]);
		for (j = 0; j < nr && pages[j] != head; j++)
			;
		if (j == nr)
			pages[nr++] = head;
	}
	KUNIT_EXPECT_EQ(test, migrate_pages(pages, nr, alloc_migration_target,
					    0, &failed), 0);
	KUNIT_EXPECT_EQ(test, failed, 0u);
	for (i = 0; i < N; i++)
		KUNIT_EXPECT_EQ_MSG(test, check(obj[i], sizes[i % ARRAY_SIZE(sizes)], i),
				    (size_t)0, "object %u", i);
	for (i = 0; i < N; i++)
		kfree(obj[i]);
	vfree(obj);
	vfree(pages);
}

struct writer_state {
	u64 *heap_counter;
	u64 *vm_counter;
	unsigned long done_writes;	/* increments of each counter */
	bool stop;
	struct completion started, done;
};

static int writer_fn(void *arg)
{
	struct writer_state *w = arg;
	unsigned long i = 0;

	complete(&w->started);
	while (!READ_ONCE(w->stop)) {
		WRITE_ONCE(*w->heap_counter, READ_ONCE(*w->heap_counter) + 1);
		WRITE_ONCE(*w->vm_counter, READ_ONCE(*w->vm_counter) + 1);
		WRITE_ONCE(w->done_writes, ++i);
	}
	complete(&w->done);
	return 0;
}

#define CONCURRENT_MOVES	20

/*
 * A thread on another CPU keeps incrementing counters in a kmalloc object
 * and a vmalloc buffer while their pages move CONCURRENT_MOVES times: not
 * one increment may be lost. The count of moves is fixed, not the time
 * the writer runs, so a slow or busy host changes nothing but the count
 * of increments; the writer must have made some during the moves.
 */
static void migrate_under_concurrent_writes(struct kunit *test)
{
	struct writer_state w = { };
	struct task_struct *k;
	unsigned long before;
	unsigned int moves;
	int cpu = smp_processor_id();

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU");
	w.heap_counter = kzalloc(sizeof(u64), GFP_KERNEL);
	w.vm_counter = vzalloc(sizeof(u64));
	KUNIT_ASSERT_NOT_NULL(test, w.heap_counter);
	KUNIT_ASSERT_NOT_NULL(test, w.vm_counter);
	init_completion(&w.started);
	init_completion(&w.done);
	k = kthread_create(writer_fn, &w, "migrate-writer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	kthread_bind(k, cpumask_next(cpu, cpu_online_mask) < nr_cpu_ids ?
		     cpumask_next(cpu, cpu_online_mask) :
		     cpumask_first(cpu_online_mask));
	wake_up_process(k);
	wait_for_completion(&w.started);
	before = READ_ONCE(w.done_writes);
	for (moves = 0; moves < CONCURRENT_MOVES; moves++) {
		struct page *hp = kheap_virt_to_page(w.heap_counter);
		struct page *vp = vmalloc_to_page(w.vm_counter);

		if (migrate_kernel_page(hp) || migrate_kernel_page(vp))
			break;
	}
	KUNIT_EXPECT_GT(test, READ_ONCE(w.done_writes), before);
	WRITE_ONCE(w.stop, true);
	wait_for_completion(&w.done);
	KUNIT_EXPECT_EQ(test, moves, CONCURRENT_MOVES);
	KUNIT_EXPECT_EQ(test, *w.heap_counter, (u64)w.done_writes);
	KUNIT_EXPECT_EQ(test, *w.vm_counter, (u64)w.done_writes);
	kunit_info(test, "%lu increments of each counter during %u moves",
		   w.done_writes, moves);
	kfree(w.heap_counter);
	vfree(w.vm_counter);
}

#define TM_DIR	"/sys/kernel/debug/tide_movable/"

static ssize_t tm_write(const char *file, const char *text)
{
	return vfs_write_path(file, text, strlen(text));
}

/* The driver through its debugfs files, as a shell would use it. */
static void migrate_driver_debugfs(struct kunit *test)
{
	char buf[64];
	ssize_t n;

	KUNIT_ASSERT_EQ(test, tm_write(TM_DIR "fill", "16\n"), (ssize_t)3);
	n = vfs_read_path(TM_DIR "fill", buf, sizeof(buf) - 1);
	KUNIT_ASSERT_GT(test, n, (ssize_t)0);
	buf[n] = 0;
	KUNIT_EXPECT_STREQ(test, buf, "16\n");
	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "fill", "4\n"), (ssize_t)-EBUSY);
	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "fill", "lots\n"), (ssize_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "migrate", "1\n"), (ssize_t)2);
	n = vfs_read_path(TM_DIR "verify", buf, sizeof(buf) - 1);
	KUNIT_ASSERT_GT(test, n, (ssize_t)0);
	buf[n] = 0;
	KUNIT_EXPECT_STREQ(test, buf, "16 pages, 0 bad\n");
	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "verify", "1\n"), (ssize_t)2);

	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "refuse", "1\n"), (ssize_t)2);
	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "migrate", "1\n"), (ssize_t)-EBUSY);
	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "refuse", "0\n"), (ssize_t)2);

	/* A changed byte makes a verify write fail with EIO. */
	((u8 *)movable_page_address(movable_test_page(3)))[7] ^= 0x10;
	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "verify", "1\n"), (ssize_t)-EIO);
	((u8 *)movable_page_address(movable_test_page(3)))[7] ^= 0x10;

	KUNIT_EXPECT_EQ(test, tm_write(TM_DIR "free", "1\n"), (ssize_t)2);
	n = vfs_read_path(TM_DIR "fill", buf, sizeof(buf) - 1);
	KUNIT_ASSERT_GT(test, n, (ssize_t)0);
	buf[n] = 0;
	KUNIT_EXPECT_STREQ(test, buf, "0\n");
}

/* The offline scan: a range emptied of movable pages, stopped by others. */
static void migrate_pfn_range_empties_block(struct kunit *test)
{
	enum { ORDER = 3, N = 1 << ORDER };
	struct test_owner t[N] = { };
	struct page *block = alloc_pages(GFP_HIGHUSER_MOVABLE, ORDER), *plain;
	unsigned long lo, bad = 0;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, block);
	lo = page_to_pfn(block);
	/* Split it into N order-0 pages, each with an owner. */
	for (i = 0; i < N; i++) {
		struct page *p = block + i;

		atomic_set(&p->_refcount, 1);
		p->order = 0;
		t[i].owner.name = "migrate_kunit";
		t[i].owner.migrate = test_owner_migrate;
		t[i].page = p;
		fill(movable_page_address(p), PAGE_SIZE, i);
		set_page_movable_owner(p, &t[i].owner);
	}
	KUNIT_EXPECT_EQ(test, migrate_pfn_range(lo, lo + N,
			alloc_migration_target, 0, &bad), 0);
	for (i = 0; i < N; i++) {
		unsigned long pfn = page_to_pfn(t[i].page);

		KUNIT_EXPECT_TRUE(test, pfn < lo || pfn >= lo + N);
		KUNIT_EXPECT_PTR_EQ(test, page_movable_owner(t[i].page),
				    &t[i].owner);
		KUNIT_EXPECT_EQ(test, check(movable_page_address(t[i].page),
					    PAGE_SIZE, i), (size_t)0);
		/* The old pages are free now. */
		KUNIT_EXPECT_EQ(test, page_count(block + i), 0);
	}
	/* Nothing in use is left: a second scan has nothing to do. */
	KUNIT_EXPECT_EQ(test, migrate_pfn_range(lo, lo + N,
			alloc_migration_target, 0, &bad), 0);
	for (i = 0; i < N; i++) {
		clear_page_movable_owner(t[i].page);
		__free_page(t[i].page);
	}

	/* A page nobody can move stops the scan and is reported. */
	plain = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_EXPECT_EQ(test, migrate_pfn_range(page_to_pfn(plain),
			page_to_pfn(plain) + 1, alloc_migration_target, 0, &bad),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, bad, page_to_pfn(plain));
	__free_page(plain);
}

/*
 * A page freed after the caller chose it (a process exited, or
 * copy-on-write let go of it, between the offline scan and the move) is
 * done with: nothing to move, no error, its entry NULL.
 */
static void migrate_freed_meanwhile(struct kunit *test)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);
	unsigned int failed = 1;

	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	KUNIT_EXPECT_EQ(test, migrate_pages(&page, 1, alloc_migration_target,
					    0, &failed), 0);
	KUNIT_EXPECT_EQ(test, failed, 0U);
	KUNIT_EXPECT_NULL(test, page);
}

/*
 * The offline scan meeting a page on its way back to the allocator (its
 * count already 0, not yet a buddy page): something to look at again
 * (-EAGAIN), not a page that can never move (-EBUSY).
 */
static void migrate_pfn_range_page_being_freed(struct kunit *test)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);
	unsigned long bad = ULONG_MAX;

	KUNIT_ASSERT_NOT_NULL(test, page);
	atomic_set(&page->_refcount, 0);
	KUNIT_EXPECT_EQ(test, migrate_pfn_range(page_to_pfn(page),
			page_to_pfn(page) + 1, alloc_migration_target, 0, &bad),
			-EAGAIN);
	KUNIT_EXPECT_EQ(test, bad, ULONG_MAX);
	atomic_set(&page->_refcount, 1);
	__free_page(page);
}

/*
 * A page handed out for a movable use whose user has not mapped it yet
 * (a fault zeroing or reading into it, a copy-on-write copy being made):
 * something to look at again, not a page that can never move. Offline
 * failed with EBUSY on such pages while a process faulted in memory.
 */
static void migrate_pfn_range_page_being_set_up(struct kunit *test)
{
	struct page *page = alloc_page(GFP_HIGHUSER_MOVABLE);
	unsigned long bad = ULONG_MAX;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_TRUE(test, PageMovableAlloc(page));
	KUNIT_EXPECT_EQ(test, migrate_pfn_range(page_to_pfn(page),
			page_to_pfn(page) + 1, alloc_migration_target, 0, &bad),
			-EAGAIN);
	KUNIT_EXPECT_EQ(test, bad, ULONG_MAX);
	__free_page(page);

	/* A page handed out for the kernel has no mark. */
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_FALSE(test, PageMovableAlloc(page));
	__free_page(page);
}

/*
 * pfn_range_first_pinned(), behind the memory blocks' removable files:
 * the kernel image and a plain kernel page are pinned; a free page, a
 * slab page, an owned page and one being set up for a movable use are
 * not.
 */
static void migrate_first_pinned(struct kunit *test)
{
	unsigned long text = PHYS_PFN(__pa_symbol(_text));
	struct page *plain = alloc_page(GFP_KERNEL);
	struct page *setup = alloc_page(GFP_HIGHUSER_MOVABLE);
	struct test_owner t = { };
	struct page *owned = owned_page(test, &t, 2), *freed, *slab;
	void *obj = kmalloc(100, GFP_KERNEL);
	unsigned long pfn;

	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_ASSERT_NOT_NULL(test, setup);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	slab = kheap_virt_to_page(kheap_block_start(obj));
	KUNIT_ASSERT_NOT_NULL(test, slab);
	KUNIT_EXPECT_EQ(test, pfn_range_first_pinned(text, text + 1), text);
	pfn = page_to_pfn(plain);
	KUNIT_EXPECT_EQ(test, pfn_range_first_pinned(pfn, pfn + 1), pfn);
	pfn = page_to_pfn(setup);
	KUNIT_EXPECT_EQ(test, pfn_range_first_pinned(pfn, pfn + 1), pfn + 1);
	pfn = page_to_pfn(owned);
	KUNIT_EXPECT_EQ(test, pfn_range_first_pinned(pfn, pfn + 1), pfn + 1);
	pfn = page_to_pfn(slab);
	KUNIT_EXPECT_EQ(test, pfn_range_first_pinned(pfn, pfn + 1), pfn + 1);
	freed = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, freed);
	pfn = page_to_pfn(freed);
	__free_page(freed);
	KUNIT_EXPECT_EQ(test, pfn_range_first_pinned(pfn, pfn + 1), pfn + 1);
	kfree(obj);
	clear_page_movable_owner(owned);
	__free_page(owned);
	__free_page(setup);
	__free_page(plain);
}

static struct kunit_case migrate_test_cases[] = {
	KUNIT_CASE(migrate_owned_page),
	KUNIT_CASE(migrate_pfn_range_page_being_set_up),
	KUNIT_CASE(migrate_owner_refuses),
	KUNIT_CASE(migrate_pinned_and_unowned),
	KUNIT_CASE(migrate_kmalloc_slab),
	KUNIT_CASE(migrate_kheap_and_vmalloc),
	KUNIT_CASE(migrate_idle_stack),
	KUNIT_CASE(migrate_sleeping_stack),
	KUNIT_CASE(migrate_avoids_isolated_block),
	KUNIT_CASE(migrate_many_driver_pages),
	KUNIT_CASE(migrate_driver_detects_corruption),
	KUNIT_CASE(migrate_many_kernel_pages),
	KUNIT_CASE(migrate_under_concurrent_writes),
	KUNIT_CASE(migrate_driver_debugfs),
	KUNIT_CASE(migrate_pfn_range_empties_block),
	KUNIT_CASE(migrate_freed_meanwhile),
	KUNIT_CASE(migrate_pfn_range_page_being_freed),
	KUNIT_CASE(migrate_first_pinned),
	{}
};

static struct kunit_suite migrate_test_suite = {
	.name = "migrate",
	.test_cases = migrate_test_cases,
};
kunit_test_suite(migrate_test_suite);
