// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the text of the procfs files that need no VFS: each file's
 * layout as Linux 6.12 prints it (names, spacing, units), and the text
 * buffer that grows to fit.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <kunit/test.h>
#include "internal.h"

static void proc_text_release(void *t)
{
	proc_text_free(t);
	kfree(t);
}

/* Builds a file's text, NUL-terminated, freed at the end of the case. */
static char *build(struct kunit *test, proc_show_t show)
{
	struct proc_text *t = kzalloc(sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_EQ(test, proc_text_build(show, NULL, t), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, proc_text_release, t), 0);
	KUNIT_ASSERT_LT(test, t->len, t->size);
	t->buf[t->len] = '\0';
	return t->buf;
}

/* The line of @text starting with @prefix, or NULL; the line ends at '\n'. */
static const char *line_of(const char *text, const char *prefix)
{
	const char *p = text;
	size_t n = strlen(prefix);

	while (p && *p) {
		if (!strncmp(p, prefix, n))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static size_t line_len(const char *line)
{
	const char *nl = strchr(line, '\n');

	return nl ? (size_t)(nl - line) : strlen(line);
}

static int count_lines_with(const char *text, const char *prefix)
{
	const char *p = text;
	int n = 0;

	while ((p = line_of(p, prefix))) {
		n++;
		p += line_len(p);
	}
	return n;
}

/* Every kB line is 28 wide: name padded to 16, value right-aligned in 8. */
static void proc_meminfo_layout(struct kunit *test)
{
	char *text = build(test, proc_meminfo_show);
	static const char * const order[] = {
		"MemTotal:", "MemFree:", "MemAvailable:", "Buffers:", "Cached:",
		"SwapTotal:", "Shmem:", "Slab:", "SReclaimable:", "SUnreclaim:",
		"KernelStack:", "PageTables:", "VmallocTotal:",
		"HugePages_Total:", "Hugepagesize:", "DirectMap4k:",
	};
	const char *prev = text, *l;
	unsigned long kb;
	char num[16];
	int i;

	KUNIT_EXPECT_TRUE(test, str_has_prefix(text, "MemTotal:       "));
	for (i = 0; i < (int)ARRAY_SIZE(order); i++) {
		l = line_of(text, order[i]);
		KUNIT_ASSERT_NOT_NULL_MSG(test, l, "no %s line", order[i]);
		KUNIT_EXPECT_TRUE_MSG(test, l >= prev, "%s out of order", order[i]);
		prev = l;
	}
	l = line_of(text, "MemTotal:");
	KUNIT_EXPECT_EQ(test, line_len(l), 27UL);
	KUNIT_EXPECT_EQ(test, strncmp(l + 24, " kB", 3), 0);
	memcpy(num, l + 16, 8);
	num[8] = '\0';
	for (i = 0; num[i] == ' '; i++)
		;
	KUNIT_ASSERT_EQ(test, kstrtoul(num + i, 10, &kb), 0);
	KUNIT_EXPECT_EQ(test, kb, totalram_pages() << (PAGE_SHIFT - 10));
	/* a count, not kB */
	l = line_of(text, "HugePages_Total:");
	KUNIT_EXPECT_EQ(test, line_len(l), 24UL);
}

static void proc_cpuinfo_layout(struct kunit *test)
{
	char *text = build(test, proc_cpuinfo_show);

	KUNIT_EXPECT_TRUE(test, str_has_prefix(text, "processor\t: 0\n"));
	KUNIT_EXPECT_EQ(test, count_lines_with(text, "processor\t: "),
			(int)num_online_cpus());
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "vendor_id\t: "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "model name\t: "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "cpu MHz\t\t: "));
	/* every x86-64 CPU has these */
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "flags\t\t: fpu "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " lm"));
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "address sizes\t: "));
	/* blocks are separated by an empty line */
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "power management:\n\n"));
}

static void proc_stat_layout(struct kunit *test)
{
	char *text = build(test, proc_stat_show);

	KUNIT_EXPECT_TRUE(test, str_has_prefix(text, "cpu  "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "cpu0 "));
	KUNIT_EXPECT_EQ(test, count_lines_with(text, "cpu"),
			(int)num_online_cpus() + 1);
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "ctxt "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "btime "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "processes "));
	/* this test runs: something is running */
	KUNIT_EXPECT_NULL(test, line_of(text, "procs_running 0\n"));
	KUNIT_EXPECT_NOT_NULL(test, line_of(text, "procs_blocked "));
}

static void proc_uptime_loadavg_layout(struct kunit *test)
{
	char *up = build(test, proc_uptime_show);
	char *load = build(test, proc_loadavg_show);
	const char *dot = strchr(up, '.');
	const char *slash;

	/* "S.CC I.CC\n" */
	KUNIT_ASSERT_NOT_NULL(test, dot);
	KUNIT_EXPECT_EQ(test, dot[3], ' ');
	KUNIT_EXPECT_EQ(test, up[strlen(up) - 4], '.');
	KUNIT_EXPECT_EQ(test, up[strlen(up) - 1], '\n');
	KUNIT_EXPECT_TRUE(test, str_has_prefix(load, "0.00 0.00 0.00 "));
	slash = strchr(load, '/');
	KUNIT_ASSERT_NOT_NULL(test, slash);
	KUNIT_EXPECT_NE(test, slash[-1], '0');	/* >= 1 running */
}

static void proc_version_and_names(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, str_has_prefix(build(test, proc_version_show),
					       "Linux version 6.12.0"));
	KUNIT_EXPECT_STREQ(test, build(test, proc_ostype_show), "Linux\n");
	KUNIT_EXPECT_TRUE(test, str_has_prefix(build(test, proc_osrelease_show),
					       "6.12.0"));
	KUNIT_EXPECT_EQ(test, build(test, proc_cmdline_show)[0] != '\0', true);
}

static void proc_memory_tables(struct kunit *test)
{
	char *buddy = build(test, proc_buddyinfo_show);
	char *zone = build(test, proc_zoneinfo_show);
	char *iomem = build(test, proc_iomem_show);
	char *vmstat = build(test, proc_vmstat_show);
	const char *l = line_of(buddy, "Node 0, zone ");

	/* "Node 0, zone    DMA32 " then one "%6lu " per order */
	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_EXPECT_EQ(test, line_len(l), 22UL + 7 * NR_PAGE_ORDERS);
	KUNIT_EXPECT_NOT_NULL(test, line_of(zone, "Node 0, zone "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(zone, "  pages free     "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(zone, "        managed  "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(iomem, " : System RAM\n"));
	KUNIT_EXPECT_TRUE(test, str_has_prefix(vmstat, "nr_free_pages "));
	KUNIT_EXPECT_NOT_NULL(test, line_of(vmstat, "pgfree "));
}

static int big_show(struct proc_text *t, struct task_struct *task)
{
	int i;

	for (i = 0; i < 3000; i++)
		proc_printf(t, "%04d\n", i);
	return 0;
}

/* A text past the first page is printed again into a bigger buffer. */
static void proc_text_grows(struct kunit *test)
{
	char *text = build(test, big_show);

	KUNIT_EXPECT_EQ(test, strlen(text), 15000UL);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(text + 14995, "2999\n"));
}

static struct kunit_case proc_text_cases[] = {
	KUNIT_CASE(proc_meminfo_layout),
	KUNIT_CASE(proc_cpuinfo_layout),
	KUNIT_CASE(proc_stat_layout),
	KUNIT_CASE(proc_uptime_loadavg_layout),
	KUNIT_CASE(proc_version_and_names),
	KUNIT_CASE(proc_memory_tables),
	KUNIT_CASE(proc_text_grows),
	{}
};

static struct kunit_suite proc_text_suite = {
	.name = "proc_text",
	.test_cases = proc_text_cases,
};
kunit_test_suite(proc_text_suite);
