// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kparam": the parameters of built-in modules. The uint and
 * bool parsers with Linux 6.12's answers and errnos, kparam_register()'s
 * files and modes, and /sys/module/memory_hotplug/parameters/ read and
 * written through vfs_read_path()/vfs_write_path() as a shell does.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <kunit/test.h>

#define KP_DIR		"/sys/module/memory_hotplug/parameters/"
#define KP_BUF		128

/* What get() prints into: a page, as sysfs gives show(). */
static char kp_page[KPARAM_BUF_SIZE];

/* One parse: the text (NULL: a bare boot option), errno, resulting value. */
struct kp_uint_case {
	const char *in;
	int ret;
	unsigned int val;
};

/* Expected values as Linux 6.12 gave them for the same writes. */
static const struct kp_uint_case kp_uint_cases[] = {
	{ "0", 0, 0 },
	{ "301\n", 0, 301 },
	{ "4294967295", 0, 4294967295U },
	{ "0x10", 0, 16 },
	{ "010", 0, 8 },
	{ "+7", 0, 7 },
	{ "4294967296", -ERANGE, 0 },
	{ "99999999999999999999999", -ERANGE, 0 },
	{ "-1", -EINVAL, 0 },
	{ " 5", -EINVAL, 0 },
	{ "6 ", -EINVAL, 0 },
	{ "abc", -EINVAL, 0 },
	{ "\n", -EINVAL, 0 },
	{ "", -EINVAL, 0 },
	{ NULL, -EINVAL, 0 },
};

/* A failed parse must leave the old value: start from one no case gives. */
#define KP_UINT_OLD	12345U

static void kparam_uint_parse(struct kunit *test)
{
	unsigned int v;
	struct kparam p = { "u", &kparam_uint_ops, &v, 0644 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kp_uint_cases); i++) {
		const struct kp_uint_case *c = &kp_uint_cases[i];
		unsigned int want = c->ret ? KP_UINT_OLD : c->val;

		v = KP_UINT_OLD;
		KUNIT_EXPECT_EQ_MSG(test, p.ops->set(c->in, &p), c->ret,
				    "set(\"%s\")", c->in ? c->in : "(null)");
		KUNIT_EXPECT_EQ_MSG(test, v, want, "after set(\"%s\")",
				    c->in ? c->in : "(null)");
	}
}

static void kparam_uint_print(struct kunit *test)
{
	unsigned int v = 4294967295U;
	struct kparam p = { "u", &kparam_uint_ops, &v, 0644 };
	char *buf = kp_page;

	KUNIT_EXPECT_EQ(test, p.ops->get(buf, &p), 11);
	KUNIT_EXPECT_STREQ(test, buf, "4294967295\n");
	v = 0;
	KUNIT_EXPECT_EQ(test, p.ops->get(buf, &p), 2);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");
}

struct kp_bool_case {
	const char *in;
	int ret;
	bool val;
};

static const struct kp_bool_case kp_bool_cases[] = {
	{ "Y", 0, true }, { "y\n", 0, true }, { "1", 0, true },
	{ "on", 0, true }, { "yes", 0, true },
	{ "N", 0, false }, { "0\n", 0, false }, { "off", 0, false },
	{ "no", 0, false }, { "nonsense", 0, false },
	{ NULL, 0, true },		/* a bare boot option */
	{ "o", -EINVAL, false }, { "x", -EINVAL, false },
	{ "\n", -EINVAL, false }, { "", -EINVAL, false },
};

static void kparam_bool_parse(struct kunit *test)
{
	struct kparam p;
	bool v;
	size_t i;

	p = (struct kparam){ "b", &kparam_bool_ops, &v, 0644 };
	for (i = 0; i < ARRAY_SIZE(kp_bool_cases); i++) {
		const struct kp_bool_case *c = &kp_bool_cases[i];
		bool start;

		/* Both starting values, so that "unchanged" shows either way. */
		for (start = false; ; start = true) {
			bool want = c->ret ? start : c->val;

			v = start;
			KUNIT_EXPECT_EQ_MSG(test, p.ops->set(c->in, &p), c->ret,
					    "set(\"%s\")",
					    c->in ? c->in : "(null)");
			KUNIT_EXPECT_EQ_MSG(test, v, want,
					    "set(\"%s\") from %d",
					    c->in ? c->in : "(null)", start);
			if (start)
				break;
		}
	}
}

static void kparam_bool_print(struct kunit *test)
{
	bool v = true;
	struct kparam p = { "b", &kparam_bool_ops, &v, 0644 };
	char *buf = kp_page;

	KUNIT_EXPECT_EQ(test, p.ops->get(buf, &p), 2);
	KUNIT_EXPECT_STREQ(test, buf, "Y\n");
	v = false;
	p.ops->get(buf, &p);
	KUNIT_EXPECT_STREQ(test, buf, "N\n");
}

/* ---- through the VFS ---- */

/* The file's text into @buf (KP_BUF bytes): 0, or the -errno ("" read). */
static int kp_read(const char *name, char *buf)
{
	ssize_t n;

	memset(buf, 0, KP_BUF);
	n = vfs_read_path(name, buf, KP_BUF - 1);
	if (n < 0) {
		buf[0] = '\0';
		return n;
	}
	return 0;
}

/* The file's text, in @buf; a failed read fails the test. */
static const char *kp_text(struct kunit *test, const char *name, char *buf)
{
	KUNIT_EXPECT_EQ_MSG(test, kp_read(name, buf), 0, "reading %s", name);
	return buf;
}

/* The same, in a buffer good until the next kp_now(). */
#define kp_now(test, name)	kp_text(test, name, kp_page)

/* A shell's echo of @text: its length, or the -errno of open or write. */
static ssize_t kp_write(const char *name, const char *text)
{
	return vfs_write_path(name, text, strlen(text));
}

/* The test module: one file of each kind, one boot-only parameter. */
static unsigned int kp_test_uint = 7;
static bool kp_test_bool = true;
static const struct kparam kp_test_params[] = {
	{ "number", &kparam_uint_ops, &kp_test_uint, 0644 },
	{ "flag", &kparam_bool_ops, &kp_test_bool, 0444 },
	{ "boot_only", &kparam_uint_ops, &kp_test_uint, 0 },
};

#define KP_TEST_DIR	"/sys/module/kparam_kunit/parameters/"

/* A registered module's files: modes, reads, writes and errnos. */
static void kparam_register_files(struct kunit *test)
{
	kp_test_uint = 7;
	kp_test_bool = true;
	KUNIT_ASSERT_EQ(test, kparam_register("kparam_kunit", kp_test_params,
					      ARRAY_SIZE(kp_test_params)), 0);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_TEST_DIR "number"), "7\n");
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_TEST_DIR "flag"), "Y\n");
	KUNIT_EXPECT_EQ(test, kp_read(KP_TEST_DIR "boot_only", kp_page),
			-ENOENT);

	KUNIT_EXPECT_EQ(test, kp_write(KP_TEST_DIR "number", "0x20\n"), 5);
	KUNIT_EXPECT_EQ(test, kp_test_uint, 32U);
	KUNIT_EXPECT_EQ(test, kp_write(KP_TEST_DIR "number", "4294967296"),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, kp_write(KP_TEST_DIR "number", "x"), -EINVAL);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_TEST_DIR "number"), "32\n");
	/* Read-only: refused at open, as Linux's sysfs does. */
	KUNIT_EXPECT_EQ(test, kp_write(KP_TEST_DIR "flag", "N"), -EACCES);
	KUNIT_EXPECT_TRUE(test, kp_test_bool);
	/* A module's directory is made once. */
	KUNIT_EXPECT_EQ(test, kparam_register("kparam_kunit", kp_test_params,
					      1), -EEXIST);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_TEST_DIR "number"), "32\n");

	/* Gone with its files; the variable keeps its value. */
	KUNIT_EXPECT_EQ(test, kparam_unregister("kparam_kunit"), 0);
	KUNIT_EXPECT_EQ(test, kp_read(KP_TEST_DIR "number", kp_page), -ENOENT);
	KUNIT_EXPECT_EQ(test, kp_read("/sys/module/kparam_kunit", kp_page),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, kp_test_uint, 32U);
	KUNIT_EXPECT_EQ(test, kparam_unregister("kparam_kunit"), -ENOENT);
}

/*
 * memory_hotplug's parameters as Linux 6.12 has them. Each value is put
 * back as it was, whatever the boot options set.
 */
static void kparam_memory_hotplug(struct kunit *test)
{
	static char policy[KP_BUF], ratio[KP_BUF], numa[KP_BUF], memmap[KP_BUF];

	kp_text(test, KP_DIR "online_policy", policy);
	kp_text(test, KP_DIR "auto_movable_ratio", ratio);
	kp_text(test, KP_DIR "auto_movable_numa_aware", numa);
	kp_text(test, KP_DIR "memmap_on_memory", memmap);

	KUNIT_EXPECT_TRUE(test, !strcmp(policy, "contig-zones\n") ||
			  !strcmp(policy, "auto-movable\n"));
	KUNIT_EXPECT_TRUE(test, !strcmp(memmap, "Y\n") ||
			  !strcmp(memmap, "N\n"));

	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "online_policy", "auto-movable"),
			12);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_DIR "online_policy"),
			   "auto-movable\n");
	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "online_policy", "contig-zones\n"),
			13);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_DIR "online_policy"),
			   "contig-zones\n");
	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "online_policy", "Auto-movable"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "online_policy", "contig-zones "),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "online_policy", "\n"), -EINVAL);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_DIR "online_policy"),
			   "contig-zones\n");

	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "auto_movable_ratio", "0\n"), 2);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_DIR "auto_movable_ratio"),
			   "0\n");
	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "auto_movable_ratio",
				       "4294967296"), -ERANGE);
	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "auto_movable_ratio", "-1"),
			-EINVAL);

	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "auto_movable_numa_aware", "off"),
			3);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_DIR "auto_movable_numa_aware"),
			   "N\n");
	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "auto_movable_numa_aware", "o"),
			-EINVAL);

	KUNIT_EXPECT_EQ(test, kp_write(KP_DIR "memmap_on_memory", "Y"),
			-EACCES);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_DIR "memmap_on_memory"),
			   memmap);

	KUNIT_EXPECT_GT(test, kp_write(KP_DIR "online_policy", policy), 0);
	KUNIT_EXPECT_GT(test, kp_write(KP_DIR "auto_movable_ratio", ratio), 0);
	KUNIT_EXPECT_GT(test, kp_write(KP_DIR "auto_movable_numa_aware", numa),
			0);
	KUNIT_EXPECT_STREQ(test, kp_now(test, KP_DIR "auto_movable_ratio"),
			   ratio);
}

static struct kunit_case kparam_test_cases[] = {
	KUNIT_CASE(kparam_uint_parse),
	KUNIT_CASE(kparam_uint_print),
	KUNIT_CASE(kparam_bool_parse),
	KUNIT_CASE(kparam_bool_print),
	KUNIT_CASE(kparam_register_files),
	KUNIT_CASE(kparam_memory_hotplug),
	{}
};

static struct kunit_suite kparam_test_suite = {
	.name = "kparam",
	.test_cases = kparam_test_cases,
};

kunit_test_suite(kparam_test_suite);
