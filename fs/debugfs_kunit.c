// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "debugfs": directories and show/store files under
 * /sys/kernel/debug, the integer helpers, lookup and recursive removal.
 */
#include <linux/kernel.h>
#include <linux/debugfs.h>
#include <linux/string.h>
#include <kunit/test.h>

#define DROOT "/sys/kernel/debug/debugfs_kunit"

static struct dentry *dt_dir;
static char dt_text[32];

static ssize_t dt_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%s\n", (char *)data);
}

static ssize_t dt_store(void *data, const char *buf, size_t len)
{
	if (!strcmp(buf, "fail\n"))
		return -EBUSY;
	strscpy(data, buf, sizeof(dt_text));
	return len;
}

static const struct debugfs_file_ops dt_ops = {
	.show = dt_show,
	.store = dt_store,
};

static int debugfs_test_init(struct kunit *test)
{
	strscpy(dt_text, "hello", sizeof(dt_text));
	dt_dir = debugfs_create_dir("debugfs_kunit", NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dt_dir);
	return 0;
}

static void debugfs_test_exit(struct kunit *test)
{
	debugfs_remove(dt_dir);
}

static void debugfs_root_exists(struct kunit *test)
{
	struct vfs_stat st;

	KUNIT_EXPECT_TRUE(test, debugfs_initialized());
	KUNIT_EXPECT_EQ(test, vfs_stat_path("/sys/kernel/debug", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.type, (unsigned int)VFS_DT_DIR);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(DROOT, true, &st), 0);
}

static void debugfs_file_show_store(struct kunit *test)
{
	struct dentry *f;
	char buf[32] = {};

	f = debugfs_create_file("text", 0644, dt_dir, dt_text, &dt_ops);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f);
	KUNIT_EXPECT_EQ(test, vfs_read_path(DROOT "/text", buf, sizeof(buf)), 6);
	KUNIT_EXPECT_STREQ(test, buf, "hello\n");
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/text", "bye", 3), 3);
	KUNIT_EXPECT_STREQ(test, dt_text, "bye");
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/text", "fail\n", 5), -EBUSY);
	KUNIT_EXPECT_STREQ(test, dt_text, "bye");
	KUNIT_EXPECT_PTR_EQ(test, debugfs_create_file("text", 0644, dt_dir,
						      dt_text, &dt_ops),
			    ERR_PTR(-EEXIST));
	/* a read-only file refuses writers */
	f = debugfs_create_file("ro", 0444, dt_dir, dt_text, &dt_ops);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f);
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/ro", "x", 1), -EACCES);
}

static void debugfs_integers(struct kunit *test)
{
	u32 v32 = 7;
	u64 v64 = 1ULL << 40;
	bool flag = false;
	int err = 0;
	char buf[32] = {};

	debugfs_create_u32("u32", 0644, dt_dir, &v32);
	debugfs_create_u64("u64", 0644, dt_dir, &v64);
	debugfs_create_bool("bool", 0644, dt_dir, &flag);
	debugfs_create_errno("error", 0644, dt_dir, &err);

	KUNIT_EXPECT_EQ(test, vfs_read_path(DROOT "/u32", buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "7\n");
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/u32", "0x10\n", 5), 5);
	KUNIT_EXPECT_EQ(test, v32, 16u);
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/u32", "4294967296", 10),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/u32", "x", 1), -EINVAL);

	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, vfs_read_path(DROOT "/u64", buf, sizeof(buf)), 14);
	KUNIT_EXPECT_STREQ(test, buf, "1099511627776\n");

	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/bool", "Y\n", 2), 2);
	KUNIT_EXPECT_TRUE(test, flag);
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, vfs_read_path(DROOT "/bool", buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "Y\n");

	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/error", "-12\n", 4), 4);
	KUNIT_EXPECT_EQ(test, err, -ENOMEM);
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/error", "12", 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_write_path(DROOT "/error", "-4096", 5), -EINVAL);
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, vfs_read_path(DROOT "/error", buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "-12\n");
	/* the variables live on this stack: the files go first */
	debugfs_lookup_and_remove("u32", dt_dir);
	debugfs_lookup_and_remove("u64", dt_dir);
	debugfs_lookup_and_remove("bool", dt_dir);
	debugfs_lookup_and_remove("error", dt_dir);
	KUNIT_EXPECT_EQ(test, vfs_read_path(DROOT "/u32", buf, sizeof(buf)),
			-ENOENT);
}

static void debugfs_nested_remove(struct kunit *test)
{
	struct dentry *a, *b, *found;
	struct vfs_stat st;

	a = debugfs_create_dir("a", dt_dir);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, a);
	b = debugfs_create_dir("b", a);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, debugfs_create_file("f", 0444, b,
							       dt_text, &dt_ops));
	KUNIT_EXPECT_EQ(test, vfs_stat_path(DROOT "/a/b/f", true, &st), 0);
	found = debugfs_lookup("a", dt_dir);
	KUNIT_EXPECT_PTR_EQ(test, found, a);
	debugfs_lookup_put(found);
	KUNIT_EXPECT_NULL(test, debugfs_lookup("zz", dt_dir));
	debugfs_remove(a);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(DROOT "/a", true, &st), -ENOENT);
	/* errors pass through: a child of an error is that error */
	KUNIT_EXPECT_PTR_EQ(test, debugfs_create_dir("x", ERR_PTR(-ENOMEM)),
			    ERR_PTR(-ENOMEM));
	KUNIT_EXPECT_PTR_EQ(test, debugfs_create_dir("bad/name", dt_dir),
			    ERR_PTR(-EINVAL));
	debugfs_remove(NULL);
	debugfs_remove(ERR_PTR(-ENOENT));
}

static struct kunit_case debugfs_test_cases[] = {
	KUNIT_CASE(debugfs_root_exists),
	KUNIT_CASE(debugfs_file_show_store),
	KUNIT_CASE(debugfs_integers),
	KUNIT_CASE(debugfs_nested_remove),
	{}
};

static struct kunit_suite debugfs_test_suite = {
	.name = "debugfs",
	.init = debugfs_test_init,
	.exit = debugfs_test_exit,
	.test_cases = debugfs_test_cases,
};

kunit_test_suite(debugfs_test_suite);
