// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for notifier error injection (lib/notifier-error-inject.c and
 * lib/memory-notifier-error-inject.c): the debugfs files, read and
 * written by path, and the errors the chains then return.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <kunit/test.h>
#include "notifier-error-inject.h"

#define NEI_ROOT	"/sys/kernel/debug/notifier-error-inject"
#define NEI_MEM		NEI_ROOT "/memory/actions"
#define NEI_ONLINE	NEI_MEM "/MEM_GOING_ONLINE/error"
#define NEI_OFFLINE	NEI_MEM "/MEM_GOING_OFFLINE/error"

/* Events of the private chain of nei_private_chain(). */
#define NEI_EVENT_A	0x11
#define NEI_EVENT_B	0x22
#define NEI_PRIV	NEI_ROOT "/kunit-chain"

static ssize_t nei_write(const char *path, const char *text)
{
	return vfs_write_path(path, text, strlen(text));
}

/* Reads @path; the test fails unless it reads @want. */
static void nei_expect_file(struct kunit *test, const char *path,
			    const char *want)
{
	char buf[32];
	ssize_t n;

	memset(buf, 0, sizeof(buf));
	n = vfs_read_path(path, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_EQ_MSG(test, n, (ssize_t)strlen(want), "reading %s", path);
	KUNIT_EXPECT_STREQ_MSG(test, buf, want, "reading %s", path);
}

/* Writes @text to @path; the test fails unless the write succeeds. */
static void nei_set(struct kunit *test, const char *path, const char *text)
{
	KUNIT_EXPECT_EQ_MSG(test, nei_write(path, text), (ssize_t)strlen(text),
			    "writing %s to %s", text, path);
}

static bool nei_exists(const char *path)
{
	struct vfs_stat st;

	return !vfs_stat_path(path, false, &st);
}

#define NEI_BLOCKS	"/sys/devices/system/memory"

/* The boot block nei_block_veto() offlines and onlines, once found. */
static unsigned long nei_block = ULONG_MAX;

/*
 * A boot block that can go offline: online, in one zone, and without a
 * PG_reserved page (firmware, the kernel image, memblock allocations).
 */
static bool nei_block_movable(unsigned long nr)
{
	struct mem_section *ms = __nr_to_section(nr);
	unsigned long pfn = section_nr_to_pfn(nr), end;
	struct zone *zone;

	if (!valid_section(ms) || !online_section(ms) || !early_section(ms))
		return false;
	zone = page_zone(pfn_to_page(pfn));
	for (end = pfn + PAGES_PER_SECTION; pfn < end; pfn++)
		if (PageReserved(pfn_to_page(pfn)) ||
		    page_zone(pfn_to_page(pfn)) != zone)
			return false;
	return true;
}

static ssize_t nei_block_write(const char *file, const char *text)
{
	char path[96];

	snprintf(path, sizeof(path), NEI_BLOCKS "/memory%lu/%s", nei_block, file);
	return vfs_write_path(path, text, strlen(text));
}

static void nei_expect_state(struct kunit *test, const char *want)
{
	char path[96];

	snprintf(path, sizeof(path), NEI_BLOCKS "/memory%lu/state", nei_block);
	nei_expect_file(test, path, want);
}

/*
 * One event on the memory chain, under the hotplug lock as online and
 * offline send it, for a block far above RAM. Returns the chain's value.
 */
static int nei_memory_event(unsigned long event)
{
	struct memory_notify arg = {
		.start_pfn = PHYS_PFN(1ULL << 40),
		.nr_pages = PAGES_PER_SECTION,
		.status_change_nid_normal = NUMA_NO_NODE,
		.status_change_nid = NUMA_NO_NODE,
	};
	int ret;

	mem_hotplug_begin();
	ret = memory_notify(event, &arg);
	mem_hotplug_done();
	return ret;
}

/*
 * A GOING event and, as online and offline do, the cancel that undoes it
 * for the callbacks that saw it. Returns the GOING event's errno.
 */
static int nei_try(unsigned long going, unsigned long cancel)
{
	int err = notifier_to_errno(nei_memory_event(going));

	nei_memory_event(cancel);
	return err;
}

/* Counts the memory events it sees; used to find the injector's place. */
struct nei_probe {
	struct notifier_block nb;
	int seen;
};

static int nei_probe_call(struct notifier_block *nb, unsigned long val,
			  void *data)
{
	container_of(nb, struct nei_probe, nb)->seen++;
	return NOTIFY_OK;
}

static struct nei_probe nei_early = {
	.nb = { .notifier_call = nei_probe_call,
		.priority = DEFAULT_CALLBACK_PRI },
};

static struct nei_probe nei_late = {
	.nb = { .notifier_call = nei_probe_call,
		.priority = MEMORY_INJECT_PRI - 1 },
};

static struct notifier_err_inject_action nei_priv_actions[] = {
	NOTIFIER_ERR_INJECT_ACTION(NEI_EVENT_A),
	NOTIFIER_ERR_INJECT_ACTION(NEI_EVENT_B),
	{ }
};

static struct notifier_err_inject nei_priv = {
	.name = "kunit-chain",
	.actions = nei_priv_actions,
};

/* Whatever a case set or registered goes back, even if it stopped early. */
static void nei_exit(struct kunit *test)
{
	nei_write(NEI_ONLINE, "0");
	nei_write(NEI_OFFLINE, "0");
	unregister_memory_notifier(&nei_early.nb);
	unregister_memory_notifier(&nei_late.nb);
	if (nei_priv.dir)
		notifier_err_inject_remove(&nei_priv);
	/* A block a case took offline goes back online. */
	if (nei_block != ULONG_MAX && !online_section(__nr_to_section(nei_block)))
		nei_block_write("state", "online_kernel");
}

static int nei_count(void *ctx, const char *name, unsigned int type)
{
	int *n = ctx;

	if (type == VFS_DT_DIR && (!strcmp(name, "MEM_GOING_ONLINE") ||
				   !strcmp(name, "MEM_GOING_OFFLINE")))
		n[0]++;
	else
		n[1]++;
	return 0;
}

/* ---- cases ---- */

/* The memory injector offers the two GOING events, at 0, mode 0600. */
static void nei_memory_files(struct kunit *test)
{
	int counts[2] = { 0, 0 };
	struct vfs_stat st;

	KUNIT_ASSERT_EQ(test, vfs_readdir_path(NEI_MEM, nei_count, counts), 0);
	KUNIT_EXPECT_EQ(test, counts[0], 2);
	KUNIT_EXPECT_EQ(test, counts[1], 0);
	nei_expect_file(test, NEI_ONLINE, "0\n");
	nei_expect_file(test, NEI_OFFLINE, "0\n");
	KUNIT_ASSERT_EQ(test, vfs_stat_path(NEI_ONLINE, true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.mode & 0777, 0600);
}

/* Writes are kept within -MAX_ERRNO..0; what is not a number is refused. */
static void nei_error_values(struct kunit *test)
{
	nei_set(test, NEI_OFFLINE, "-12");
	nei_expect_file(test, NEI_OFFLINE, "-12\n");
	nei_set(test, NEI_OFFLINE, "-16\n");
	nei_expect_file(test, NEI_OFFLINE, "-16\n");
	nei_set(test, NEI_OFFLINE, "5");
	nei_expect_file(test, NEI_OFFLINE, "0\n");
	nei_set(test, NEI_OFFLINE, "-100000");
	nei_expect_file(test, NEI_OFFLINE, "-4095\n");
	nei_set(test, NEI_OFFLINE, "-0x10");
	nei_expect_file(test, NEI_OFFLINE, "-16\n");
	KUNIT_EXPECT_EQ(test, nei_write(NEI_OFFLINE, "busy"), -EINVAL);
	KUNIT_EXPECT_EQ(test, nei_write(NEI_OFFLINE, "-"), -EINVAL);
	KUNIT_EXPECT_EQ(test, nei_write(NEI_OFFLINE, "-99999999999999999999"),
			-ERANGE);
	nei_expect_file(test, NEI_OFFLINE, "-16\n");
	nei_set(test, NEI_OFFLINE, "0");
	nei_expect_file(test, NEI_OFFLINE, "0\n");
	/* The two events have a value each. */
	nei_expect_file(test, NEI_ONLINE, "0\n");
}

/* An errno in MEM_GOING_ONLINE fails that event only, until cleared. */
static void nei_memory_going_online(struct kunit *test)
{
	int ret;

	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_ONLINE, MEM_CANCEL_ONLINE), 0);
	nei_set(test, NEI_ONLINE, "-12");
	ret = nei_memory_event(MEM_GOING_ONLINE);
	nei_memory_event(MEM_CANCEL_ONLINE);
	KUNIT_EXPECT_TRUE(test, ret & NOTIFY_STOP_MASK);
	KUNIT_EXPECT_EQ(test, notifier_to_errno(ret), -ENOMEM);
	/* Again: the error stays until it is cleared. */
	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_ONLINE, MEM_CANCEL_ONLINE),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_OFFLINE, MEM_CANCEL_OFFLINE), 0);
	KUNIT_EXPECT_EQ(test, notifier_to_errno(nei_memory_event(MEM_OFFLINE)), 0);
	nei_set(test, NEI_ONLINE, "0");
	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_ONLINE, MEM_CANCEL_ONLINE), 0);
}

/* An errno in MEM_GOING_OFFLINE fails that event only, until cleared. */
static void nei_memory_going_offline(struct kunit *test)
{
	nei_set(test, NEI_OFFLINE, "-16");
	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_OFFLINE, MEM_CANCEL_OFFLINE),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_ONLINE, MEM_CANCEL_ONLINE), 0);
	nei_set(test, NEI_OFFLINE, "0");
	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_OFFLINE, MEM_CANCEL_OFFLINE), 0);
}

/*
 * The injector runs after default-priority callbacks (which then see
 * the cancel) and its veto keeps lower ones from running at all.
 */
static void nei_memory_call_order(struct kunit *test)
{
	nei_early.seen = 0;
	nei_late.seen = 0;
	KUNIT_ASSERT_EQ(test, register_memory_notifier(&nei_early.nb), 0);
	KUNIT_ASSERT_EQ(test, register_memory_notifier(&nei_late.nb), 0);

	KUNIT_EXPECT_EQ(test, nei_try(MEM_GOING_ONLINE, MEM_CANCEL_ONLINE), 0);
	KUNIT_EXPECT_EQ(test, nei_early.seen, 2);
	KUNIT_EXPECT_EQ(test, nei_late.seen, 2);

	nei_set(test, NEI_ONLINE, "-22");
	KUNIT_EXPECT_EQ(test, notifier_to_errno(nei_memory_event(MEM_GOING_ONLINE)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, nei_early.seen, 3);
	KUNIT_EXPECT_EQ(test, nei_late.seen, 2);
	/* The cancel is no GOING event: it reaches everyone. */
	nei_memory_event(MEM_CANCEL_ONLINE);
	KUNIT_EXPECT_EQ(test, nei_early.seen, 4);
	KUNIT_EXPECT_EQ(test, nei_late.seen, 3);

	unregister_memory_notifier(&nei_early.nb);
	unregister_memory_notifier(&nei_late.nb);
}

/* The generic part on a chain of the test's own, and its printk. */
static void nei_private_chain(struct kunit *test)
{
	static const char msg[] =
		"kunit-chain notifier: injected error -28 into NEI_EVENT_A";
	struct notifier_err_inject dup = {
		.name = "kunit-chain", .actions = nei_priv_actions,
	};
	BLOCKING_NOTIFIER_HEAD(chain);
	size_t size = (size_t)1 << CONFIG_LOG_BUF_SHIFT;
	char *log;
	int ret;

	KUNIT_ASSERT_EQ(test, notifier_err_inject_init(&nei_priv, 5), 0);
	KUNIT_EXPECT_EQ(test, nei_priv.nb.priority, 5);
	nei_expect_file(test, NEI_PRIV "/actions/NEI_EVENT_A/error", "0\n");
	nei_expect_file(test, NEI_PRIV "/actions/NEI_EVENT_B/error", "0\n");
	KUNIT_ASSERT_EQ(test, blocking_notifier_chain_register(&chain, &nei_priv.nb), 0);

	/* Nothing injected: every event, listed or not, is NOTIFY_OK. */
	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, NEI_EVENT_A, NULL),
			NOTIFY_OK);
	nei_set(test, NEI_PRIV "/actions/NEI_EVENT_A/error", "-28");
	ret = blocking_notifier_call_chain(&chain, NEI_EVENT_A, NULL);
	KUNIT_EXPECT_EQ(test, ret, notifier_from_errno(-ENOSPC));
	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, NEI_EVENT_B, NULL),
			NOTIFY_OK);
	KUNIT_EXPECT_EQ(test, blocking_notifier_call_chain(&chain, 0x33, NULL),
			NOTIFY_OK);

	/* The injection was logged, naming chain, errno and event. */
	log = kzalloc(size + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	log_buf_copy(log, size);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(log, msg), "no \"%s\" in the log", msg);
	kfree(log);

	/* A second injector of the same name is refused and leaves no trace. */
	KUNIT_EXPECT_EQ(test, notifier_err_inject_init(&dup, 0), -EEXIST);
	KUNIT_EXPECT_NULL(test, dup.dir);
	nei_expect_file(test, NEI_PRIV "/actions/NEI_EVENT_A/error", "-28\n");

	KUNIT_EXPECT_EQ(test, blocking_notifier_chain_unregister(&chain, &nei_priv.nb), 0);
	notifier_err_inject_remove(&nei_priv);
	KUNIT_EXPECT_FALSE(test, nei_exists(NEI_PRIV));
	KUNIT_EXPECT_TRUE(test, nei_exists(NEI_ROOT "/memory"));
}

/*
 * End to end, as Linux's memory-hotplug selftest does it: with an errno
 * injected, writing the state file of a real block fails with that errno
 * and the block stays as it was; cleared, the same write works.
 */
static void nei_block_veto(struct kunit *test)
{
	unsigned long nr, total = totalram_pages();

	for_each_valid_section(nr)
		if (nei_block_movable(nr))
			break;
	if (nr >= NR_MEM_SECTIONS)
		kunit_skip(test, "no boot block that can go offline");
	nei_block = nr;

	nei_set(test, NEI_OFFLINE, "-16");
	KUNIT_EXPECT_EQ(test, nei_block_write("state", "offline"), -EBUSY);
	nei_expect_state(test, "online\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
	nei_set(test, NEI_OFFLINE, "0");
	KUNIT_ASSERT_EQ(test, nei_block_write("state", "offline"), 7);
	nei_expect_state(test, "offline\n");

	nei_set(test, NEI_ONLINE, "-12");
	KUNIT_EXPECT_EQ(test, nei_block_write("state", "online"), -ENOMEM);
	nei_expect_state(test, "offline\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total - PAGES_PER_SECTION);
	KUNIT_EXPECT_EQ(test, nei_block_write("online", "1"), -ENOMEM);
	nei_expect_state(test, "offline\n");
	nei_set(test, NEI_ONLINE, "0");
	KUNIT_ASSERT_EQ(test, nei_block_write("state", "online"), 6);
	nei_expect_state(test, "online\n");
	KUNIT_EXPECT_EQ(test, totalram_pages(), total);
}

static struct kunit_case nei_cases[] = {
	KUNIT_CASE(nei_memory_files),
	KUNIT_CASE(nei_error_values),
	KUNIT_CASE(nei_memory_going_online),
	KUNIT_CASE(nei_memory_going_offline),
	KUNIT_CASE(nei_memory_call_order),
	KUNIT_CASE(nei_private_chain),
	KUNIT_CASE(nei_block_veto),
	{}
};

static struct kunit_suite nei_suite = {
	.name = "notifier_error_inject",
	.exit = nei_exit,
	.test_cases = nei_cases,
};

kunit_test_suite(nei_suite);
