// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for node devices (drivers/base/node.c): nodeN/meminfo read by
 * path, checked line by line against the zones' own counters; the node
 * sets, distance and cpumap files and the cpuN devices
 * (drivers/base/cpu.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/node.h>
#include <linux/cpumask.h>
#include <linux/topology.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <kunit/test.h>

#define NODE_ROOT	"/sys/devices/system/node"

/*
 * The fields Linux 6.12 prints for an x86-64 kernel without THP, in
 * order; the last three are counts, the others kB.
 */
static const char *const meminfo_names[] = {
	"MemTotal", "MemFree", "MemUsed", "SwapCached", "Active", "Inactive",
	"Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)",
	"Unevictable", "Mlocked", "Dirty", "Writeback", "FilePages", "Mapped",
	"AnonPages", "Shmem", "KernelStack", "PageTables", "SecPageTables",
	"NFS_Unstable", "Bounce", "WritebackTmp", "KReclaimable", "Slab",
	"SReclaimable", "SUnreclaim",
	"HugePages_Total", "HugePages_Free", "HugePages_Surp",
};

#define NR_MEMINFO_KB	(ARRAY_SIZE(meminfo_names) - 3)

static unsigned long node_managed(int nid)
{
	unsigned long n = 0;
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++)
		n += NODE_DATA(nid)->node_zones[z].managed_pages;
	return n;
}

/*
 * Reads nodeN/meminfo and checks each line's layout: "Node N ", the
 * field's name and colon padded to 16 columns, then the value in 8
 * columns and " kB" (in 5 columns for the counts). The values go to
 * @vals, in meminfo_names[] order.
 */
static void read_node_meminfo(struct kunit *test, int nid,
			      unsigned long *vals)
{
	char path[64], prefix[16], *buf, *line, *end, *num;
	int i, plen;
	ssize_t n;

	buf = kzalloc(PAGE_SIZE + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	snprintf(path, sizeof(path), NODE_ROOT "/node%d/meminfo", nid);
	n = vfs_read_path(path, buf, PAGE_SIZE);
	KUNIT_ASSERT_GT_MSG(test, n, 0, "reading %s", path);
	KUNIT_EXPECT_EQ(test, buf[n - 1], '\n');
	plen = snprintf(prefix, sizeof(prefix), "Node %d ", nid);

	line = buf;
	for (i = 0; i < ARRAY_SIZE(meminfo_names); i++) {
		bool is_kb = i < NR_MEMINFO_KB;
		int width = is_kb ? 16 + 8 + 3 : 17 + 5;
		const char *name = meminfo_names[i];

		end = strchr(line, '\n');
		KUNIT_ASSERT_NOT_NULL_MSG(test, end, "%s: no line for %s", path, name);
		*end = '\0';
		KUNIT_EXPECT_EQ_MSG(test, (int)(end - line), plen + width,
				    "line \"%s\"", line);
		KUNIT_ASSERT_EQ_MSG(test, strncmp(line, prefix, plen), 0,
				    "line \"%s\"", line);
		KUNIT_ASSERT_EQ_MSG(test, strncmp(line + plen, name, strlen(name)), 0,
				    "line \"%s\", expected %s", line, name);
		KUNIT_EXPECT_EQ_MSG(test, line[plen + strlen(name)], ':',
				    "line \"%s\"", line);
		if (is_kb) {
			KUNIT_EXPECT_STREQ(test, end - 3, " kB");
			end[-3] = '\0';
		}
		num = line + plen + strlen(name) + 1;
		while (*num == ' ')
			num++;
		KUNIT_EXPECT_EQ_MSG(test, kstrtoul(num, 10, &vals[i]), 0,
				    "line \"%s\"", line);
		line = end + 1;
	}
	KUNIT_EXPECT_EQ_MSG(test, *line, '\0', "%s: more after the last field: %s",
			    path, line);
	kfree(buf);
}

/* ---- cases ---- */

/* Each node's MemTotal is its zones' managed pages; Used = Total - Free. */
static void node_meminfo_values(struct kunit *test)
{
	unsigned long vals[ARRAY_SIZE(meminfo_names)];
	unsigned long sum = 0;
	int nid, i;

	for_each_online_node(nid) {
		if (!node_device(nid))	/* memory-less: no directory */
			continue;
		memset(vals, 0xff, sizeof(vals));
		read_node_meminfo(test, nid, vals);
		KUNIT_EXPECT_EQ_MSG(test, vals[0], node_managed(nid) << (PAGE_SHIFT - 10),
				    "node %d MemTotal", nid);
		KUNIT_EXPECT_LE(test, vals[1], vals[0]);
		KUNIT_EXPECT_EQ(test, vals[2], vals[0] - vals[1]);
		for (i = 3; i < ARRAY_SIZE(meminfo_names); i++)
			KUNIT_EXPECT_EQ_MSG(test, vals[i], 0UL, "node %d %s",
					    nid, meminfo_names[i]);
		sum += vals[0];
	}
	/* Together the nodes hold all RAM, and some of it is in use. */
	KUNIT_EXPECT_EQ(test, sum, totalram_pages() << (PAGE_SHIFT - 10));
	KUNIT_EXPECT_GT(test, sum, 0UL);
}

/* MemFree follows the node's free pages as they are taken and given back. */
static void node_meminfo_tracks_free(struct kunit *test)
{
	unsigned long before[ARRAY_SIZE(meminfo_names)];
	unsigned long during[ARRAY_SIZE(meminfo_names)];
	const unsigned int order = 10;	/* 4 MiB, far above any noise */
	struct page *page;
	int nid;

	page = alloc_pages(GFP_KERNEL, order);
	KUNIT_ASSERT_NOT_NULL(test, page);
	nid = page_to_nid(page);
	__free_pages(page, order);

	read_node_meminfo(test, nid, before);
	page = __alloc_pages(GFP_KERNEL | __GFP_THISNODE, order, nid);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_to_nid(page), nid);
	read_node_meminfo(test, nid, during);
	__free_pages(page, order);

	KUNIT_EXPECT_EQ(test, during[0], before[0]);
	/* 4096 kB gone, give or take what others did meanwhile. */
	KUNIT_EXPECT_LE(test, during[1] + 4096, before[1] + 512);
	KUNIT_EXPECT_GE(test, during[1] + 4096, before[1] - 512);
}

/* The contents of @path without its newline, into @buf (64 bytes). */
static ssize_t read_line(const char *path, char *buf)
{
	ssize_t n = vfs_read_path(path, buf, 63);

	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (n >= 0)
		buf[n] = '\0';
	return n;
}

/*
 * A node without memory or CPUs (make run's node 1) has no nodeN
 * directory and is not online, as on Linux; it is possible.
 */
static void node_memoryless_has_no_device(struct kunit *test)
{
	char path[80], buf[64];
	int nid, checked = 0;
	bool had_memory = false;

	for_each_online_node(nid) {
		if (node_managed(nid) || nid == 0)
			continue;
		/* Memory added and removed by an earlier case leaves it. */
		if (node_device(nid)) {
			had_memory = true;
			continue;
		}
		snprintf(path, sizeof(path), NODE_ROOT "/node%d/meminfo", nid);
		KUNIT_EXPECT_EQ(test, vfs_read_path(path, buf, 63), -ENOENT);
		checked++;
	}
	if (!checked)
		kunit_skip(test, "no memory-less node without a device");
	if (had_memory)
		return;
	/* make run's machine: two nodes, CPUs and memory on node 0. */
	KUNIT_ASSERT_GT(test, read_line(NODE_ROOT "/possible", buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "0-1");
	KUNIT_ASSERT_GT(test, read_line(NODE_ROOT "/online", buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "0");
	KUNIT_ASSERT_GT(test, read_line(NODE_ROOT "/has_memory", buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "0");
	KUNIT_ASSERT_GT(test, read_line(NODE_ROOT "/has_cpu", buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "0");
	KUNIT_ASSERT_GT(test, read_line(NODE_ROOT "/node0/distance", buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "10");
}

/* cpumap is the hex form of cpulist; every CPU has a cpuN directory. */
static void node_cpumap_and_cpus(struct kunit *test)
{
	char buf[64], path[80];
	unsigned long map;
	int cpu;

	KUNIT_ASSERT_GT(test, read_line(NODE_ROOT "/node0/cpumap", buf), 0);
	KUNIT_ASSERT_EQ(test, kstrtoul(buf, 16, &map), 0);
	for_each_possible_cpu(cpu) {
		if (cpu >= BITS_PER_LONG)
			break;
		KUNIT_EXPECT_EQ_MSG(test, !!(map & (1UL << cpu)),
				    cpu_to_node(cpu) == 0, "cpu %d", cpu);
		snprintf(path, sizeof(path),
			 "/sys/devices/system/cpu/cpu%d/node%d/cpumap", cpu,
			 cpu_to_node(cpu));
		KUNIT_EXPECT_GT_MSG(test, read_line(path, buf), 0, "%s", path);
	}
	KUNIT_ASSERT_GT(test, read_line("/sys/devices/system/cpu/offline", buf),
			-1);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

/* The block node_meminfo_offline_online() borrows, while it has it. */
static unsigned long node_test_block = ULONG_MAX;

static void node_test_exit(struct kunit *test)
{
	char path[80];

	if (node_test_block == ULONG_MAX)
		return;
	if (!online_section(__nr_to_section(node_test_block))) {
		snprintf(path, sizeof(path),
			 "/sys/devices/system/memory/memory%lu/online",
			 node_test_block);
		vfs_write_path(path, "1", 1);
	}
	node_test_block = ULONG_MAX;
}

/* Onlined or offlined, a block's 128 MiB show in its node's MemTotal. */
static void node_meminfo_offline_online(struct kunit *test)
{
	unsigned long before[ARRAY_SIZE(meminfo_names)];
	unsigned long after[ARRAY_SIZE(meminfo_names)];
	unsigned long nr, pfn, i, block_kb;
	char path[80];
	int nid;

	/* A boot block with nothing pinned in it, in a single zone. */
	for_each_valid_section(nr) {
		struct mem_section *ms = __nr_to_section(nr);

		if (!online_section(ms) || !early_section(ms))
			continue;
		pfn = section_nr_to_pfn(nr);
		for (i = 0; i < PAGES_PER_SECTION; i++)
			if (PageReserved(pfn_to_page(pfn + i)) ||
			    page_zone(pfn_to_page(pfn + i)) != page_zone(pfn_to_page(pfn)))
				break;
		if (i == PAGES_PER_SECTION)
			break;
	}
	if (nr >= NR_MEM_SECTIONS)
		kunit_skip(test, "no boot block that can go offline");
	nid = page_to_nid(pfn_to_page(section_nr_to_pfn(nr)));
	block_kb = PAGES_PER_SECTION << (PAGE_SHIFT - 10);
	snprintf(path, sizeof(path), "/sys/devices/system/memory/memory%lu/online", nr);

	read_node_meminfo(test, nid, before);
	node_test_block = nr;
	KUNIT_ASSERT_EQ(test, vfs_write_path(path, "0", 1), 1);
	read_node_meminfo(test, nid, after);
	KUNIT_EXPECT_EQ(test, after[0], before[0] - block_kb);
	KUNIT_EXPECT_EQ(test, after[0], node_managed(nid) << (PAGE_SHIFT - 10));
	KUNIT_EXPECT_LE(test, after[1], before[1]);
	KUNIT_EXPECT_EQ(test, after[2], after[0] - after[1]);

	KUNIT_ASSERT_EQ(test, vfs_write_path(path, "1", 1), 1);
	read_node_meminfo(test, nid, after);
	KUNIT_EXPECT_EQ(test, after[0], before[0]);
	/* Its pages came back free. */
	KUNIT_EXPECT_GE(test, after[1] + 1024, before[1]);
}

static struct kunit_case node_cases[] = {
	KUNIT_CASE(node_meminfo_values),
	KUNIT_CASE(node_meminfo_tracks_free),
	KUNIT_CASE(node_memoryless_has_no_device),
	KUNIT_CASE(node_cpumap_and_cpus),
	KUNIT_CASE(node_meminfo_offline_online),
	{}
};

static struct kunit_suite node_suite = {
	.name = "node",
	.exit = node_test_exit,
	.test_cases = node_cases,
};

kunit_test_suite(node_suite);
