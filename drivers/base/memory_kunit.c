// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for memory blocks in sysfs (drivers/base/memory.c and node.c):
 * every file is read and written by path, as user space will.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <asm/sections.h>
#include <kunit/test.h>

#define MB_ROOT		"/sys/devices/system/memory"
/*
 * Far above the RAM of any test boot and below the 40 address bits of
 * QEMU's CPU: 512 GiB, section 4096 (0x1000).
 */
#define MB_FAR		(1ULL << 39)
#define MB_FAR_STR	"0x8000000000"
#define MB_FAR_DIR	MB_ROOT "/memory4096"

/* Reads @path into @buf; the test fails unless it reads @want. */
static void mb_expect_file(struct kunit *test, const char *path,
			   const char *want)
{
	char buf[128];
	ssize_t n;

	memset(buf, 0, sizeof(buf));
	n = vfs_read_path(path, buf, sizeof(buf) - 1);
	KUNIT_EXPECT_EQ_MSG(test, n, (ssize_t)strlen(want), "reading %s", path);
	KUNIT_EXPECT_STREQ_MSG(test, buf, want, "reading %s", path);
}

static ssize_t mb_probe(const char *text)
{
	return vfs_write_path(MB_ROOT "/probe", text, strlen(text));
}

static bool mb_exists(const char *path)
{
	struct vfs_stat st;

	return !vfs_stat_path(path, false, &st);
}

/* The first section with a memmap that is online: boot memory. */
static unsigned long mb_first_boot_section(void)
{
	unsigned long nr;

	for (nr = 0; nr < NR_MEM_SECTIONS; nr++) {
		struct mem_section *ms = __nr_to_section(nr);

		if (valid_section(ms) && online_section(ms))
			return nr;
	}
	return NR_MEM_SECTIONS;
}

static int mb_count_blocks(void *ctx, const char *name, unsigned int type)
{
	if (!strncmp(name, "memory", 6) && type == VFS_DT_DIR)
		(*(unsigned long *)ctx)++;
	return 0;
}

static void mb_exit(struct kunit *test)
{
	/* A case that stopped half-way must not leave 1 TiB behind. */
	if (mb_exists(MB_FAR_DIR) && remove_memory(MB_FAR, memory_block_size_bytes()))
		kunit_err(test, "cannot remove the probed block\n");
}

/* ---- cases ---- */

/* Every section with a memmap has its directory; boot ones are online. */
static void mb_boot_blocks(struct kunit *test)
{
	unsigned long nr = mb_first_boot_section(), blocks = 0, sections = 0, i;
	char path[96], want[64], link[64];
	int nid;

	KUNIT_ASSERT_LT(test, nr, NR_MEM_SECTIONS);
	nid = __nr_to_section(nr)->nid;
	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/phys_index", nr);
	snprintf(want, sizeof(want), "%08lx\n", nr);
	mb_expect_file(test, path, want);
	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/state", nr);
	mb_expect_file(test, path, "online\n");
	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/online", nr);
	mb_expect_file(test, path, "1\n");
	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/phys_device", nr);
	mb_expect_file(test, path, "0\n");
	/* The kernel image can never move: its block says so. */
	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/removable", nr);
	mb_expect_file(test, path, pfn_to_section_nr(PHYS_PFN(
		       __pa_symbol(_text))) == nr ? "0\n" : "1\n");
	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/valid_zones", nr);
	mb_expect_file(test, path, section_nr_to_pfn(nr) < PHYS_PFN(SZ_4G) ?
		       "DMA32\n" : "Normal\n");

	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/node%d", nr, nid);
	snprintf(want, sizeof(want), "../../node/node%d", nid);
	memset(link, 0, sizeof(link));
	KUNIT_EXPECT_GT(test, vfs_readlink_path(path, link, sizeof(link) - 1), 0);
	KUNIT_EXPECT_STREQ(test, link, want);
	snprintf(path, sizeof(path), "/sys/devices/system/node/node%d/memory%lu/phys_index",
		 nid, nr);
	snprintf(want, sizeof(want), "%08lx\n", nr);
	mb_expect_file(test, path, want);

	for (i = 0; i < NR_MEM_SECTIONS; i++)
		sections += valid_section(__nr_to_section(i));
	KUNIT_EXPECT_EQ(test, vfs_readdir_path(MB_ROOT, mb_count_blocks, &blocks), 0);
	KUNIT_EXPECT_EQ(test, blocks, sections);
}

/* block_size_bytes is hex without 0x; probe is write-only; state read-only. */
static void mb_root_files(struct kunit *test)
{
	struct vfs_stat st;
	char path[96];

	mb_expect_file(test, MB_ROOT "/block_size_bytes", "8000000\n");
	KUNIT_ASSERT_EQ(test, vfs_stat_path(MB_ROOT "/probe", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.mode & 0777, 0200);
	snprintf(path, sizeof(path), MB_ROOT "/memory%lu/state",
		 mb_first_boot_section());
	KUNIT_ASSERT_EQ(test, vfs_stat_path(path, true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.mode & 0777, 0644);
	KUNIT_ASSERT_EQ(test, vfs_stat_path(MB_ROOT "/auto_online_blocks", true,
					    &st), 0);
	KUNIT_EXPECT_EQ(test, st.mode & 0777, 0644);
}

/* Each node with a pg_data_t has nodeN with its CPUs as a list. */
static void mb_node_cpulist(struct kunit *test)
{
	char buf[64];
	ssize_t n;

	memset(buf, 0, sizeof(buf));
	n = vfs_read_path("/sys/devices/system/node/node0/cpulist", buf,
			  sizeof(buf) - 1);
	KUNIT_ASSERT_GT(test, n, 1);
	KUNIT_EXPECT_EQ(test, buf[n - 1], '\n');
	KUNIT_EXPECT_EQ(test, buf[0], '0');
}

/* probe adds one offline block; remove_memory() takes its directory away. */
static void mb_probe_add_remove(struct kunit *test)
{
	char link[64];

	KUNIT_ASSERT_EQ(test, mb_probe(MB_FAR_STR "\n"),
			(ssize_t)strlen(MB_FAR_STR "\n"));
	mb_expect_file(test, MB_FAR_DIR "/phys_index", "00001000\n");
	mb_expect_file(test, MB_FAR_DIR "/state", "offline\n");
	mb_expect_file(test, MB_FAR_DIR "/online", "0\n");
	mb_expect_file(test, MB_FAR_DIR "/valid_zones",
		       movable_node_is_enabled() ? "Movable Normal\n" :
		       "Normal Movable\n");
	memset(link, 0, sizeof(link));
	KUNIT_EXPECT_GT(test, vfs_readlink_path(MB_FAR_DIR "/node0", link,
						sizeof(link) - 1), 0);
	KUNIT_EXPECT_STREQ(test, link, "../../node/node0");
	KUNIT_EXPECT_TRUE(test, mb_exists("/sys/devices/system/node/node0/memory4096"));

	KUNIT_ASSERT_EQ(test, remove_memory(MB_FAR, memory_block_size_bytes()), 0);
	KUNIT_EXPECT_FALSE(test, mb_exists(MB_FAR_DIR));
	KUNIT_EXPECT_FALSE(test, mb_exists("/sys/devices/system/node/node0/memory4096"));
	KUNIT_EXPECT_FALSE(test, pfn_valid(PHYS_PFN(MB_FAR)));
}

/* After a warm-up round, probe and remove leave free and slab pages as they were. */
static void mb_probe_no_leak(struct kunit *test)
{
	unsigned long free, slab;
	int i;

	for (i = 0; i < 2; i++) {
		free = nr_free_pages();
		slab = slab_pages();
		KUNIT_ASSERT_EQ(test, mb_probe(MB_FAR_STR), (ssize_t)strlen(MB_FAR_STR));
		KUNIT_ASSERT_EQ(test, remove_memory(MB_FAR, memory_block_size_bytes()), 0);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free);
	KUNIT_EXPECT_EQ(test, slab_pages(), slab);
}

/* Linux's errnos: not a number or unaligned -EINVAL, present -EEXIST. */
static void mb_probe_errors(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, mb_probe("junk"), -EINVAL);
	KUNIT_EXPECT_EQ(test, mb_probe("0x8000001000"), -EINVAL);
	KUNIT_EXPECT_FALSE(test, mb_exists(MB_FAR_DIR));
	KUNIT_EXPECT_EQ(test, mb_probe("0x0"), -EEXIST);
	KUNIT_ASSERT_EQ(test, mb_probe(MB_FAR_STR), (ssize_t)strlen(MB_FAR_STR));
	KUNIT_EXPECT_EQ(test, mb_probe(MB_FAR_STR), -EEXIST);
	KUNIT_EXPECT_TRUE(test, mb_exists(MB_FAR_DIR));
	KUNIT_EXPECT_EQ(test, remove_memory(MB_FAR, memory_block_size_bytes()), 0);
}

struct mb_reader {
	const char *const *paths;
	struct completion done;
	int failed;		/* reads that returned an error */
};

static int mb_reader_thread(void *data)
{
	struct mb_reader *r = data;
	char buf[128];
	int i;

	for (i = 0; r->paths[i]; i++)
		if (vfs_read_path(r->paths[i], buf, sizeof(buf)) < 0)
			r->failed++;
	complete(&r->done);
	return 0;
}

/*
 * No show() of a memory block, the memory root or a node waits for the
 * hotplug lock: a removal holds it while it waits for those readers to
 * leave (the valid_zones deadlock). The reads must finish while this
 * case holds the lock.
 */
static void mb_show_never_waits(struct kunit *test)
{
	char blk[6][96];
	const char *paths[] = {
		blk[0], blk[1], blk[2], blk[3], blk[4], blk[5],
		MB_ROOT "/block_size_bytes", MB_ROOT "/auto_online_blocks",
		"/sys/devices/system/node/node0/cpulist",
		"/sys/devices/system/node/node0/meminfo",
		NULL,
	};
	static const char *const files[] = {
		"valid_zones", "state", "online", "removable", "phys_index",
		"phys_device",
	};
	unsigned long nr = mb_first_boot_section();
	struct mb_reader r = { .paths = paths };
	struct task_struct *t;
	u64 left;
	int i;

	for (i = 0; i < ARRAY_SIZE(files); i++)
		snprintf(blk[i], sizeof(blk[i]), MB_ROOT "/memory%lu/%s", nr,
			 files[i]);
	init_completion(&r.done);
	mem_hotplug_begin();
	t = kthread_run(mb_reader_thread, &r, "mb-reader");
	if (IS_ERR(t)) {
		mem_hotplug_done();
		KUNIT_FAIL(test, "kthread_run: %ld", PTR_ERR(t));
		return;
	}
	/* Two seconds: ten reads take well under a millisecond each. */
	left = wait_for_completion_timeout_ns(&r.done, 2000000000ULL);
	mem_hotplug_done();
	KUNIT_EXPECT_GT_MSG(test, left, 0ULL,
			    "a show() waited for the hotplug lock");
	if (!left)
		wait_for_completion(&r.done);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_EQ(test, r.failed, 0);
}

static struct kunit_case memory_blocks_cases[] = {
	KUNIT_CASE(mb_show_never_waits),
	KUNIT_CASE(mb_boot_blocks),
	KUNIT_CASE(mb_root_files),
	KUNIT_CASE(mb_node_cpulist),
	KUNIT_CASE(mb_probe_add_remove),
	KUNIT_CASE(mb_probe_no_leak),
	KUNIT_CASE(mb_probe_errors),
	{}
};

static struct kunit_suite memory_blocks_suite = {
	.name = "memory_blocks",
	.exit = mb_exit,
	.test_cases = memory_blocks_cases,
};
kunit_test_suite(memory_blocks_suite);
