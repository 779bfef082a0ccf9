// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for online and offline (mm/memory_hotplug.c, drivers/base/memory.c)
 * on real memory: a boot memory block is offlined and onlined again, into
 * every zone, through the sysfs files user space uses; the notifier chain
 * sees its events in order and can veto; checksummed movable pages survive
 * an offline; a refusing owner makes it fail with everything restored.
 * Zone selection is checked on a far, never onlined block.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/memblock.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/notifier.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/time.h>
#include <kunit/test.h>
#include "internal.h"

#define MO_ROOT		"/sys/devices/system/memory"
#define MO_FAR		(1ULL << 39)
#define MO_MAX_EVENTS	16

/* The boot block the cases borrow; found once. */
static unsigned long mo_section = ULONG_MAX;

/*
 * A boot block whose pages are all RAM in one zone and none PG_reserved
 * (no firmware, kernel image or memblock data in it): everything in it is
 * free or can move, so it can go offline.
 */
static bool mo_block_usable(unsigned long nr)
{
	unsigned long pfn = section_nr_to_pfn(nr), i;
	struct mem_section *ms = __nr_to_section(nr);
	struct memory_block *mem;
	bool ok;

	if (!valid_section(ms) || !online_section(ms) || !early_section(ms))
		return false;
	for (i = 0; i < PAGES_PER_SECTION; i++) {
		struct page *page = pfn_to_page(pfn + i);

		if (PageReserved(page) || page_zone(page) != page_zone(pfn_to_page(pfn)))
			return false;
	}
	mem = find_memory_block_by_id(nr);
	if (!mem)
		return false;
	ok = mem->state == MEM_ONLINE && mem->zone;
	put_device(&mem->dev);
	return ok;
}

static unsigned long mo_find_block(void)
{
	unsigned long nr;

	if (mo_section != ULONG_MAX)
		return mo_section;
	for_each_valid_section(nr)
		if (mo_block_usable(nr))
			return mo_section = nr;
	return ULONG_MAX;
}

static ssize_t mo_write(const char *file, const char *val)
{
	char path[96];

	snprintf(path, sizeof(path), MO_ROOT "/memory%lu/%s", mo_section, file);
	return vfs_write_path(path, val, strlen(val));
}

static void mo_expect_read(struct kunit *test, const char *file, const char *want)
{
	char path[96], buf[64];
	ssize_t n;

	snprintf(path, sizeof(path), MO_ROOT "/memory%lu/%s", mo_section, file);
	memset(buf, 0, sizeof(buf));
	n = vfs_read_path(path, buf, sizeof(buf) - 1);
	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_EXPECT_STREQ(test, buf, want);
}

static int mo_init(struct kunit *test)
{
	if (mo_find_block() == ULONG_MAX)
		kunit_skip(test, "no boot block without reserved pages");
	return 0;
}

/* Every case leaves the block online, as it found it. */
static void mo_exit(struct kunit *test)
{
	struct memory_block *mem = find_memory_block_by_id(mo_section);

	if (!mem)
		return;
	if (mem->state != MEM_ONLINE)
		mo_write("state", "online_kernel");
	put_device(&mem->dev);
	movable_test_set_refuse(false);
	movable_test_free();
}

static struct zone *mo_zone(void)
{
	return page_zone(pfn_to_page(section_nr_to_pfn(mo_section)));
}

/* Offline takes the block's pages out of every count; online puts them back. */
static void mo_offline_online_counts(struct kunit *test)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	struct zone *zone = mo_zone();
	unsigned long present = zone->present_pages;
	unsigned long pfn = section_nr_to_pfn(mo_section);

	KUNIT_ASSERT_EQ(test, mo_write("state", "offline"), 7);
	mo_expect_read(test, "state", "offline\n");
	mo_expect_read(test, "online", "0\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total - PAGES_PER_SECTION);
	KUNIT_EXPECT_LE(test, nr_free_pages(), free - PAGES_PER_SECTION + 64);
	KUNIT_EXPECT_EQ(test, zone->present_pages, present - PAGES_PER_SECTION);
	KUNIT_EXPECT_FALSE(test, online_section(__pfn_to_section(pfn)));
	KUNIT_EXPECT_TRUE(test, PageReserved(pfn_to_page(pfn)));
	KUNIT_EXPECT_TRUE(test, PageReserved(pfn_to_page(pfn + PAGES_PER_SECTION - 1)));

	KUNIT_ASSERT_EQ(test, mo_write("state", "online_kernel"), 13);
	mo_expect_read(test, "state", "online\n");
	mo_expect_read(test, "online", "1\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, zone->present_pages, present);
	KUNIT_EXPECT_TRUE(test, online_section(__pfn_to_section(pfn)));
	KUNIT_EXPECT_EQ(test, mo_zone(), zone);
}

/* Linux's errnos for each write that is not a transition. */
static void mo_state_machine(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, mo_write("state", "online"), -EINVAL);
	KUNIT_EXPECT_EQ(test, mo_write("state", "online_movable"), -EINVAL);
	KUNIT_EXPECT_EQ(test, mo_write("state", "bogus"), -EINVAL);
	KUNIT_EXPECT_EQ(test, mo_write("state", ""), -EINVAL);
	KUNIT_EXPECT_EQ(test, mo_write("online", "1"), 1);
	KUNIT_EXPECT_EQ(test, mo_write("online", "maybe"), -EINVAL);
	mo_expect_read(test, "state", "online\n");

	KUNIT_ASSERT_EQ(test, mo_write("online", "0"), 1);
	mo_expect_read(test, "state", "offline\n");
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), -EINVAL);
	KUNIT_EXPECT_EQ(test, mo_write("online", "0"), 1);
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline\n"), -EINVAL);
	mo_expect_read(test, "state", "offline\n");

	KUNIT_ASSERT_EQ(test, mo_write("state", "online_movable\n"), 15);
	mo_expect_read(test, "valid_zones", "Movable\n");
	KUNIT_ASSERT_EQ(test, mo_write("state", "offline"), 7);
	KUNIT_ASSERT_EQ(test, mo_write("online", "1"), 1);
	mo_expect_read(test, "state", "online\n");
}

/* An offline boot block goes back to the kernel zone it came from by default. */
static void mo_valid_zones_offline_boot(struct kunit *test)
{
	char want[32];
	const char *kname = mo_zone()->name;

	KUNIT_ASSERT_EQ(test, mo_write("state", "offline"), 7);
	snprintf(want, sizeof(want), "%s Movable\n", kname);
	mo_expect_read(test, "valid_zones", want);
	KUNIT_ASSERT_EQ(test, mo_write("state", "online"), 6);
	KUNIT_EXPECT_STREQ(test, mo_zone()->name, kname);
}

/* ---- the notifier chain ---- */

struct mo_rec {
	struct notifier_block nb;
	int id;
	unsigned long veto;	/* event to veto with veto_err */
	int veto_err;
};

static struct {
	int id[MO_MAX_EVENTS];
	unsigned long ev[MO_MAX_EVENTS];
	struct memory_notify arg[MO_MAX_EVENTS];
	int n;
} mo_log;

static int mo_record(struct notifier_block *nb, unsigned long ev, void *v)
{
	struct mo_rec *r = container_of(nb, struct mo_rec, nb);

	if (mo_log.n < MO_MAX_EVENTS) {
		mo_log.id[mo_log.n] = r->id;
		mo_log.ev[mo_log.n] = ev;
		mo_log.arg[mo_log.n] = *(struct memory_notify *)v;
		mo_log.n++;
	}
	if (ev == r->veto)
		return r->veto_err ? notifier_from_errno(r->veto_err) : NOTIFY_BAD;
	return NOTIFY_OK;
}

/* Higher priority first; the payload names the block's range. */
static void mo_notifier_order(struct kunit *test)
{
	struct mo_rec lo = { .nb = { .notifier_call = mo_record, .priority = 0 }, .id = 1 };
	struct mo_rec hi = { .nb = { .notifier_call = mo_record, .priority = 10 }, .id = 2 };
	static const unsigned long want[] = {
		MEM_GOING_OFFLINE, MEM_GOING_OFFLINE, MEM_OFFLINE, MEM_OFFLINE,
		MEM_GOING_ONLINE, MEM_GOING_ONLINE, MEM_ONLINE, MEM_ONLINE,
	};
	int i;

	memset(&mo_log, 0, sizeof(mo_log));
	KUNIT_ASSERT_EQ(test, register_memory_notifier(&lo.nb), 0);
	KUNIT_ASSERT_EQ(test, register_memory_notifier(&hi.nb), 0);
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), 7);
	KUNIT_EXPECT_EQ(test, mo_write("state", "online"), 6);
	unregister_memory_notifier(&hi.nb);
	unregister_memory_notifier(&lo.nb);

	KUNIT_ASSERT_EQ(test, mo_log.n, (int)ARRAY_SIZE(want));
	for (i = 0; i < mo_log.n; i++) {
		KUNIT_EXPECT_EQ(test, mo_log.ev[i], want[i]);
		KUNIT_EXPECT_EQ(test, mo_log.id[i], i % 2 ? 1 : 2);
		KUNIT_EXPECT_EQ(test, mo_log.arg[i].start_pfn,
				section_nr_to_pfn(mo_section));
		KUNIT_EXPECT_EQ(test, mo_log.arg[i].nr_pages, PAGES_PER_SECTION);
		/* Node 0 keeps other memory: no node changes state. */
		KUNIT_EXPECT_EQ(test, mo_log.arg[i].status_change_nid, NUMA_NO_NODE);
	}
}

/* A veto of GOING_ONLINE cancels: the block stays offline, counts unchanged. */
static void mo_notifier_veto_online(struct kunit *test)
{
	struct mo_rec r = { .nb = { .notifier_call = mo_record },
			    .veto = MEM_GOING_ONLINE, .veto_err = -ENOMEM };
	unsigned long total;

	KUNIT_ASSERT_EQ(test, mo_write("state", "offline"), 7);
	total = totalram_pages();
	memset(&mo_log, 0, sizeof(mo_log));
	KUNIT_ASSERT_EQ(test, register_memory_notifier(&r.nb), 0);
	KUNIT_EXPECT_EQ(test, mo_write("state", "online"), -ENOMEM);
	unregister_memory_notifier(&r.nb);
	mo_expect_read(test, "state", "offline\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_ASSERT_EQ(test, mo_log.n, 2);
	KUNIT_EXPECT_EQ(test, mo_log.ev[0], (unsigned long)MEM_GOING_ONLINE);
	KUNIT_EXPECT_EQ(test, mo_log.ev[1], (unsigned long)MEM_CANCEL_ONLINE);
	/* NOTIFY_BAD alone is a plain refusal. */
	r.veto_err = 0;
	KUNIT_ASSERT_EQ(test, register_memory_notifier(&r.nb), 0);
	KUNIT_EXPECT_LT(test, mo_write("state", "online"), 0);
	unregister_memory_notifier(&r.nb);
	mo_expect_read(test, "state", "offline\n");
	KUNIT_EXPECT_EQ(test, mo_write("state", "online"), 6);
}

/* A veto of GOING_OFFLINE: online as before, MEM_CANCEL_OFFLINE sent. */
static void mo_notifier_veto_offline(struct kunit *test)
{
	struct mo_rec r = { .nb = { .notifier_call = mo_record },
			    .veto = MEM_GOING_OFFLINE, .veto_err = -EBUSY };
	unsigned long total = totalram_pages();
	unsigned long free = nr_free_pages();

	memset(&mo_log, 0, sizeof(mo_log));
	KUNIT_ASSERT_EQ(test, register_memory_notifier(&r.nb), 0);
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), -EBUSY);
	unregister_memory_notifier(&r.nb);
	mo_expect_read(test, "state", "online\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	/* Isolation was undone: the block's free pages count as free again. */
	KUNIT_EXPECT_GE(test, nr_free_pages() + 64, free);
	KUNIT_ASSERT_EQ(test, mo_log.n, 2);
	KUNIT_EXPECT_EQ(test, mo_log.ev[1], (unsigned long)MEM_CANCEL_OFFLINE);
}

/* ---- offline with data in the block ---- */

/*
 * Onlined into ZONE_MOVABLE (empty otherwise in this boot), the block is
 * where movable allocations go first: the test driver's pages land there.
 */
static unsigned long mo_fill_block(struct kunit *test, unsigned long nr)
{
	unsigned long pfn = section_nr_to_pfn(mo_section), in = 0, i;

	KUNIT_ASSERT_EQ(test, mo_write("state", "offline"), 7);
	KUNIT_ASSERT_EQ(test, mo_write("state", "online_movable"), 14);
	KUNIT_ASSERT_EQ(test, movable_test_fill(nr, 0), 0);
	for (i = 0; i < nr; i++) {
		unsigned long p = page_to_pfn(movable_test_page(i));

		in += p >= pfn && p < pfn + PAGES_PER_SECTION;
	}
	return in;
}

/* Half the block full of checksummed pages: offline moves every byte. */
static void mo_offline_moves_data(struct kunit *test)
{
	unsigned long nr = PAGES_PER_SECTION / 2, pfn, bad = 1, i;
	unsigned long in = mo_fill_block(test, nr);

	KUNIT_EXPECT_EQ(test, in, nr);
	KUNIT_ASSERT_EQ(test, mo_write("state", "offline"), 7);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	pfn = section_nr_to_pfn(mo_section);
	for (i = 0; i < nr; i++) {
		unsigned long p = page_to_pfn(movable_test_page(i));

		if (p >= pfn && p < pfn + PAGES_PER_SECTION) {
			KUNIT_FAIL(test, "page %lu still in the offline block", i);
			break;
		}
	}
	movable_test_free();
}

/* A refusing owner: -EBUSY, block online, its data where it was and intact. */
static void mo_offline_refused(struct kunit *test)
{
	unsigned long total, bad = 1;
	struct page *first;

	KUNIT_ASSERT_GT(test, mo_fill_block(test, 1024), 0UL);
	first = movable_test_page(0);
	total = totalram_pages();
	movable_test_set_refuse(true);
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), -EBUSY);
	movable_test_set_refuse(false);
	mo_expect_read(test, "state", "online\n");
	mo_expect_read(test, "valid_zones", "Movable\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	/* The block takes new allocations again: nothing is left isolated. */
	KUNIT_EXPECT_NE(test, get_pageblock_migratetype(first), MIGRATE_ISOLATE);
	movable_test_free();
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), 7);
}

struct mo_holder {
	struct page *page;
	unsigned int ms;
};

static int mo_hold_thread(void *data)
{
	struct mo_holder *h = data;

	msleep(h->ms);
	put_page(h->page);
	return 0;
}

/*
 * A page held for a moment by an extra reference is tried again, within
 * the offline's bound, instead of failing it: the offline succeeds once
 * the holder lets go, and the data is intact.
 */
static void mo_offline_transient_ref(struct kunit *test)
{
	unsigned long pfn = section_nr_to_pfn(mo_section), bad = 1;
	struct mo_holder h = { .ms = 50 };
	struct task_struct *t;

	KUNIT_ASSERT_GT(test, mo_fill_block(test, 1024), 0UL);
	h.page = movable_test_page(0);
	if (page_to_pfn(h.page) < pfn || page_to_pfn(h.page) >= pfn + PAGES_PER_SECTION)
		kunit_skip(test, "the first test page is not in the block");
	get_page(h.page);
	t = kthread_run(mo_hold_thread, &h, "mo-hold");
	if (IS_ERR(t)) {
		put_page(h.page);
		KUNIT_FAIL(test, "kthread_run: %ld", PTR_ERR(t));
		return;
	}
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), 7);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	movable_test_free();
}

/*
 * Pages held all along (the test driver's "hold"): the offline, written
 * here from a kernel thread that never has a signal pending, keeps
 * retrying through every pass and its pauses (about a second in all),
 * never gives -EINTR, and fails with -EBUSY; the block stays online with
 * the data intact, and goes offline once the pages are let go.
 */
static void mo_offline_held_no_signal(struct kunit *test)
{
	unsigned long pfn = section_nr_to_pfn(mo_section), bad = 1;
	struct page *first;
	u64 start, ms;

	KUNIT_ASSERT_GT(test, mo_fill_block(test, 64), 0UL);
	first = movable_test_page(0);
	if (page_to_pfn(first) < pfn || page_to_pfn(first) >= pfn + PAGES_PER_SECTION)
		kunit_skip(test, "the first test page is not in the block");
	movable_test_set_hold(true);
	KUNIT_EXPECT_EQ(test, page_count(first), 2);
	start = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), -EBUSY);
	ms = (ktime_get_ns() - start) / NSEC_PER_MSEC;
	/* 1 + 2 + ... + 2^(OFFLINE_MAX_PASSES - 2) ms of pauses at least. */
	KUNIT_EXPECT_GE(test, ms, (1ULL << (OFFLINE_MAX_PASSES - 1)) - 1);
	mo_expect_read(test, "state", "online\n");
	movable_test_set_hold(false);
	KUNIT_EXPECT_EQ(test, page_count(first), 1);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	KUNIT_EXPECT_NE(test, get_pageblock_migratetype(first), MIGRATE_ISOLATE);
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), 7);
	KUNIT_EXPECT_EQ(test, movable_test_verify(&bad), 0);
	movable_test_free();
}

/* A page that cannot move at all (a kernel stack) makes offline fail fast. */
static void mo_offline_unmovable(struct kunit *test)
{
	unsigned long pfn = section_nr_to_pfn(mo_section);
	struct page *page = NULL;
	unsigned long i;

	/* Take a free page of the block as an unmovable kernel page. */
	KUNIT_ASSERT_EQ(test, mo_write("state", "offline"), 7);
	KUNIT_ASSERT_EQ(test, mo_write("state", "online_movable"), 14);
	for (i = 0; i < 4096 && !page; i++) {
		struct page *p = alloc_page(GFP_HIGHUSER_MOVABLE);

		if (!p)
			break;
		if (page_to_pfn(p) >= pfn && page_to_pfn(p) < pfn + PAGES_PER_SECTION)
			page = p;
		else
			__free_page(p);
	}
	KUNIT_ASSERT_NOT_NULL(test, page);
	/* No owner: nobody can move it. */
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), -EBUSY);
	mo_expect_read(test, "state", "online\n");
	__free_page(page);
	KUNIT_EXPECT_EQ(test, mo_write("state", "offline"), 7);
}

/* ---- zone selection, on a far block that is only added ---- */

static void mo_zone_policies(struct kunit *test)
{
	unsigned long pfn = PHYS_PFN(MO_FAR);
	struct memhp_config saved = memhp;
	pg_data_t *pgdat = NODE_DATA(0);
	struct zone *normal = &pgdat->node_zones[ZONE_NORMAL];
	struct zone *movable = &pgdat->node_zones[ZONE_MOVABLE];

	get_online_mems();
	KUNIT_EXPECT_PTR_EQ(test, zone_for_pfn_range(MMOP_ONLINE_KERNEL, 0, pfn,
						      PAGES_PER_SECTION), normal);
	KUNIT_EXPECT_PTR_EQ(test, zone_for_pfn_range(MMOP_ONLINE_MOVABLE, 0, pfn,
						      PAGES_PER_SECTION), movable);
	/*
	 * contig-zones: 512 GiB is next to neither zone of a test boot (it
	 * has far less RAM and no DIMM there), so movable_node decides.
	 */
	memhp.online_policy = ONLINE_POLICY_CONTIG_ZONES;
	memhp.movable_node = false;
	KUNIT_EXPECT_PTR_EQ(test, zone_for_pfn_range(MMOP_ONLINE, 0, pfn,
						      PAGES_PER_SECTION), normal);
	memhp.movable_node = true;
	KUNIT_EXPECT_PTR_EQ(test, zone_for_pfn_range(MMOP_ONLINE, 0, pfn,
						      PAGES_PER_SECTION), movable);
	memhp.movable_node = false;
	/* auto-movable: 128 MiB fits 301% of ~512 MiB, a terabyte does not. */
	memhp.online_policy = ONLINE_POLICY_AUTO_MOVABLE;
	KUNIT_EXPECT_PTR_EQ(test, zone_for_pfn_range(MMOP_ONLINE, 0, pfn,
						      PAGES_PER_SECTION), movable);
	KUNIT_EXPECT_PTR_EQ(test, zone_for_pfn_range(MMOP_ONLINE, 0, pfn,
						      PHYS_PFN(1ULL << 40)), normal);
	memhp.auto_movable_ratio = 0;
	KUNIT_EXPECT_PTR_EQ(test, zone_for_pfn_range(MMOP_ONLINE, 0, pfn,
						      PAGES_PER_SECTION), normal);
	memhp = saved;
	put_online_mems();
}

/* auto_online_blocks reads and takes Linux's four names, nothing else. */
static void mo_auto_online_blocks(struct kunit *test)
{
	static const char *const names[] = {
		"online", "online_kernel", "online_movable", "offline",
	};
	int saved = mhp_get_default_online_type(), i;
	char buf[32];

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		KUNIT_EXPECT_EQ(test, vfs_write_path(MO_ROOT "/auto_online_blocks",
						     names[i], strlen(names[i])),
				(ssize_t)strlen(names[i]));
		memset(buf, 0, sizeof(buf));
		KUNIT_EXPECT_GT(test, vfs_read_path(MO_ROOT "/auto_online_blocks",
						    buf, sizeof(buf) - 1), 0);
		KUNIT_EXPECT_EQ(test, strncmp(buf, names[i], strlen(names[i])), 0);
	}
	KUNIT_EXPECT_EQ(test, vfs_write_path(MO_ROOT "/auto_online_blocks",
					     "sometimes", 9), -EINVAL);
	KUNIT_EXPECT_EQ(test, mhp_get_default_online_type(), MMOP_OFFLINE);
	mhp_set_default_online_type(saved);
}

static struct kunit_case memory_online_cases[] = {
	KUNIT_CASE(mo_offline_online_counts),
	KUNIT_CASE(mo_state_machine),
	KUNIT_CASE(mo_valid_zones_offline_boot),
	KUNIT_CASE(mo_notifier_order),
	KUNIT_CASE(mo_notifier_veto_online),
	KUNIT_CASE(mo_notifier_veto_offline),
	KUNIT_CASE(mo_offline_moves_data),
	KUNIT_CASE(mo_offline_refused),
	KUNIT_CASE(mo_offline_transient_ref),
	KUNIT_CASE(mo_offline_held_no_signal),
	KUNIT_CASE(mo_offline_unmovable),
	KUNIT_CASE(mo_zone_policies),
	KUNIT_CASE(mo_auto_online_blocks),
	{}
};

static struct kunit_suite memory_online_suite = {
	.name = "memory_online",
	.init = mo_init,
	.exit = mo_exit,
	.test_cases = memory_online_cases,
};
kunit_test_suite(memory_online_suite);
