// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "sysfs": kobject directories, attributes, groups and symlinks
 * added and removed at run time, path walks, and reads and writes through
 * the VFS entry points with the errno a reader or writer gets.
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <asm/page.h>
#include <kunit/test.h>

#define ROOT "/sys/kernel/sysfs_kunit"

static struct kobject *st_root;
static int st_value;
static int st_store_ret;	/* non-zero: the store fails with it */
static int st_show_ret;		/* non-zero: the show fails with it */
static struct kobject *st_victim;	/* removed by the "zap" store */

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	if (st_show_ret)
		return st_show_ret;
	return sysfs_emit(buf, "%d\n", st_value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr,
			   const char *buf, size_t count)
{
	int v, err;

	if (st_store_ret)
		return st_store_ret;
	err = kstrtoint(buf, 10, &v);
	if (err)
		return err;
	st_value = v;
	return count;
}

static ssize_t zap_store(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count)
{
	kobject_put(st_victim);
	st_victim = NULL;
	return count;
}

static struct kobj_attribute st_value_attr = __ATTR_RW(value);
static struct kobj_attribute st_ro_attr = __ATTR(ro, 0444, value_show, NULL);
static struct kobj_attribute st_wo_attr = __ATTR(wo, 0200, NULL, value_store);
static struct kobj_attribute st_zap_attr = __ATTR_WO(zap);

static int sysfs_test_init(struct kunit *test)
{
	st_value = 0;
	st_store_ret = 0;
	st_show_ret = 0;
	st_root = kobject_create_and_add("sysfs_kunit", kernel_kobj);
	KUNIT_ASSERT_NOT_NULL(test, st_root);
	return 0;
}

static void sysfs_test_exit(struct kunit *test)
{
	kobject_put(st_root);
}

static bool st_exists(const char *path)
{
	struct vfs_stat st;

	return !vfs_stat_path(path, true, &st);
}

static void sysfs_dir_add_remove(struct kunit *test)
{
	struct kobject *a = kobject_create_and_add("a", st_root);
	struct vfs_stat st;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/a", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.type, (unsigned int)VFS_DT_DIR);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)0755);
	/* a second "a" in the same directory */
	KUNIT_EXPECT_NULL(test, kobject_create_and_add("a", st_root));
	kobject_put(a);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/a", true, &st), -ENOENT);
	/* the name is free again */
	a = kobject_create_and_add("a", st_root);
	KUNIT_EXPECT_NOT_NULL(test, a);
	kobject_put(a);
}

static void sysfs_bad_names(struct kunit *test)
{
	static const char * const bad[] = { "a/b", ".", "..", "" };
	struct kobject *kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_NULL(test, kobject_create_and_add(bad[i], st_root));
	/* kobject_add() says why; the failed object is still put */
	KUNIT_ASSERT_NOT_NULL(test, kobj);
	kobject_init(kobj, st_root->ktype);
	KUNIT_EXPECT_EQ(test, kobject_add(kobj, st_root, "x/y"), -EINVAL);
	KUNIT_EXPECT_FALSE(test, st_exists(ROOT "/x"));
	kobject_put(kobj);
}

static void sysfs_attr_read_write(struct kunit *test)
{
	char buf[16] = {};

	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_value_attr.attr), 0);
	st_value = 42;
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/value", buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "42\n");
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/value", "7\n", 2), 2);
	KUNIT_EXPECT_EQ(test, st_value, 7);
	/* a short read and one past the end */
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/value", buf, 1), 1);
	KUNIT_EXPECT_EQ(test, buf[0], '7');
	KUNIT_EXPECT_EQ(test, sysfs_create_file(st_root, &st_value_attr.attr),
			-EEXIST);
	sysfs_remove_file(st_root, &st_value_attr.attr);
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/value", buf, sizeof(buf)),
			-ENOENT);
}

static void sysfs_errno_propagation(struct kunit *test)
{
	char buf[16];

	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_value_attr.attr), 0);
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/value", "x\n", 2), -EINVAL);
	st_store_ret = -EBUSY;
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/value", "1\n", 2), -EBUSY);
	st_store_ret = -ENOMEM;
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/value", "1\n", 2), -ENOMEM);
	st_show_ret = -EIO;
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/value", buf, sizeof(buf)),
			-EIO);
	KUNIT_EXPECT_EQ(test, st_value, 0);
}

static void sysfs_permissions(struct kunit *test)
{
	struct vfs_file *f;
	char buf[16];

	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_ro_attr.attr), 0);
	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_wo_attr.attr), 0);
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/ro", "1", 1), -EACCES);
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/wo", buf, sizeof(buf)),
			-EACCES);
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/wo", "5", 1), 1);
	KUNIT_EXPECT_EQ(test, st_value, 5);
	/* nothing can be created; a missing directory is ENOENT */
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/new", "1", 1), -EACCES);
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/no/new", "1", 1), -ENOENT);
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT, "1", 1), -EISDIR);
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT, buf, sizeof(buf)), -EISDIR);
	/* a file opened read-only cannot be written */
	KUNIT_ASSERT_EQ(test, vfs_open(ROOT "/ro", O_RDONLY, &f), 0);
	KUNIT_EXPECT_EQ(test, vfs_write(f, "1", 1), -EBADF);
	vfs_close(f);
	KUNIT_EXPECT_EQ(test, vfs_open(ROOT "/ro", O_ACCMODE, &f), -EINVAL);
}

static void sysfs_path_walk(struct kunit *test)
{
	struct vfs_stat st;

	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_ro_attr.attr), 0);
	KUNIT_EXPECT_EQ(test, vfs_stat_path("/", true, &st), 0);
	KUNIT_EXPECT_EQ(test, vfs_stat_path("//sys///kernel/./sysfs_kunit/", true,
					    &st), 0);
	KUNIT_EXPECT_EQ(test, st.type, (unsigned int)VFS_DT_DIR);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/../sysfs_kunit/ro", true, &st),
			0);
	KUNIT_EXPECT_EQ(test, st.type, (unsigned int)VFS_DT_REG);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)0444);
	KUNIT_EXPECT_EQ(test, vfs_stat_path("/../../sys", true, &st), 0);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/ro/", true, &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/ro/x", true, &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, vfs_stat_path("sys/kernel", true, &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/nothing", true, &st), -ENOENT);
}

struct st_list {
	char names[128];
	unsigned int types[8];
	unsigned int n;
};

static int st_fill(void *ctx, const char *name, unsigned int type)
{
	struct st_list *l = ctx;

	if (l->n < ARRAY_SIZE(l->types))
		l->types[l->n] = type;
	l->n++;
	strscpy(l->names + strlen(l->names), name,
		sizeof(l->names) - strlen(l->names));
	strscpy(l->names + strlen(l->names), " ",
		sizeof(l->names) - strlen(l->names));
	return 0;
}

static void sysfs_readdir_sorted(struct kunit *test)
{
	struct kobject *b = kobject_create_and_add("b", st_root);
	struct kobject *a = kobject_create_and_add("a", st_root);
	struct st_list l = {};

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_ro_attr.attr), 0);
	KUNIT_ASSERT_EQ(test, sysfs_create_link(st_root, a, "link"), 0);
	KUNIT_EXPECT_EQ(test, vfs_readdir_path(ROOT, st_fill, &l), 0);
	KUNIT_EXPECT_STREQ(test, l.names, "a b link ro ");
	KUNIT_EXPECT_EQ(test, l.types[0], (unsigned int)VFS_DT_DIR);
	KUNIT_EXPECT_EQ(test, l.types[2], (unsigned int)VFS_DT_LNK);
	KUNIT_EXPECT_EQ(test, l.types[3], (unsigned int)VFS_DT_REG);
	KUNIT_EXPECT_EQ(test, vfs_readdir_path(ROOT "/ro", st_fill, &l), -ENOTDIR);
	kobject_put(a);
	kobject_put(b);
}

static void sysfs_symlinks(struct kunit *test)
{
	struct kobject *dev = kobject_create_and_add("dev", st_root);
	struct kobject *bus = kobject_create_and_add("bus", st_root);
	struct kobject *devs = kobject_create_and_add("devices", bus);
	char buf[64] = {};
	struct vfs_stat st;

	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_ASSERT_NOT_NULL(test, devs);
	KUNIT_ASSERT_EQ(test, sysfs_create_file(dev, &st_value_attr.attr), 0);
	KUNIT_ASSERT_EQ(test, sysfs_create_link(devs, dev, "dev0"), 0);
	KUNIT_EXPECT_EQ(test, sysfs_create_link(devs, dev, "dev0"), -EEXIST);
	KUNIT_EXPECT_EQ(test, vfs_readlink_path(ROOT "/bus/devices/dev0", buf,
						sizeof(buf)), 9);
	KUNIT_EXPECT_STREQ(test, buf, "../../dev");
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/bus/devices/dev0", false, &st),
			0);
	KUNIT_EXPECT_EQ(test, st.type, (unsigned int)VFS_DT_LNK);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/bus/devices/dev0", true, &st),
			0);
	KUNIT_EXPECT_EQ(test, st.type, (unsigned int)VFS_DT_DIR);
	/* through the link to an attribute, and ".." is the target's parent */
	st_value = 3;
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/bus/devices/dev0/value", buf,
					    sizeof(buf)), 2);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/bus/devices/dev0/../bus", true,
					    &st), 0);
	KUNIT_EXPECT_EQ(test, vfs_readlink_path(ROOT "/dev", buf, sizeof(buf)),
			-EINVAL);
	/* the target goes first: the link stays but leads nowhere */
	kobject_put(dev);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/bus/devices/dev0", true, &st),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/bus/devices/dev0", false, &st),
			0);
	sysfs_remove_link(devs, "dev0");
	KUNIT_EXPECT_EQ(test, vfs_stat_path(ROOT "/bus/devices/dev0", false, &st),
			-ENOENT);
	kobject_put(devs);
	kobject_put(bus);
}

static struct attribute *st_grp_attrs[] = {
	&st_value_attr.attr,
	&st_ro_attr.attr,
	NULL,
};

static umode_t st_hide_ro(struct kobject *kobj, struct attribute *attr, int n)
{
	return attr == &st_ro_attr.attr ? 0 : attr->mode;
}

static void sysfs_groups(struct kunit *test)
{
	const struct attribute_group named = { .name = "grp",
					       .attrs = st_grp_attrs };
	const struct attribute_group hidden = { .attrs = st_grp_attrs,
						.is_visible = st_hide_ro };

	KUNIT_ASSERT_EQ(test, sysfs_create_group(st_root, &named), 0);
	KUNIT_EXPECT_TRUE(test, st_exists(ROOT "/grp/value"));
	KUNIT_EXPECT_TRUE(test, st_exists(ROOT "/grp/ro"));
	KUNIT_EXPECT_EQ(test, sysfs_create_group(st_root, &named), -EEXIST);
	sysfs_remove_group(st_root, &named);
	KUNIT_EXPECT_FALSE(test, st_exists(ROOT "/grp"));

	KUNIT_ASSERT_EQ(test, sysfs_create_group(st_root, &hidden), 0);
	KUNIT_EXPECT_TRUE(test, st_exists(ROOT "/value"));
	KUNIT_EXPECT_FALSE(test, st_exists(ROOT "/ro"));
	/* a clash half-way leaves nothing of the group */
	sysfs_remove_group(st_root, &hidden);
	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_ro_attr.attr), 0);
	KUNIT_EXPECT_EQ(test, sysfs_create_group(st_root, &(const struct
			attribute_group){ .attrs = st_grp_attrs }), -EEXIST);
	KUNIT_EXPECT_FALSE(test, st_exists(ROOT "/value"));
}

static void sysfs_remove_among_siblings(struct kunit *test)
{
	struct kobject *k[3];
	struct st_list l = {};
	char buf[16];
	int i;

	for (i = 0; i < 3; i++) {
		k[i] = kobject_create_and_add(i == 0 ? "m0" : i == 1 ? "m1" : "m2",
					      st_root);
		KUNIT_ASSERT_NOT_NULL(test, k[i]);
		KUNIT_ASSERT_EQ(test, sysfs_create_file(k[i], &st_ro_attr.attr), 0);
	}
	kobject_put(k[1]);
	KUNIT_EXPECT_EQ(test, vfs_readdir_path(ROOT, st_fill, &l), 0);
	KUNIT_EXPECT_STREQ(test, l.names, "m0 m2 ");
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/m0/ro", buf, sizeof(buf)), 2);
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/m2/ro", buf, sizeof(buf)), 2);
	KUNIT_EXPECT_EQ(test, vfs_read_path(ROOT "/m1/ro", buf, sizeof(buf)),
			-ENOENT);
	kobject_put(k[0]);
	kobject_put(k[2]);
}

static void sysfs_open_file_outlives_removal(struct kunit *test)
{
	struct kobject *k = kobject_create_and_add("gone", st_root);
	struct vfs_file *f;
	char buf[16];

	KUNIT_ASSERT_NOT_NULL(test, k);
	KUNIT_ASSERT_EQ(test, sysfs_create_file(k, &st_value_attr.attr), 0);
	KUNIT_ASSERT_EQ(test, vfs_open(ROOT "/gone/value", O_RDWR, &f), 0);
	KUNIT_EXPECT_EQ(test, vfs_read(f, buf, sizeof(buf)), 2);
	kobject_put(k);
	KUNIT_EXPECT_EQ(test, vfs_read(f, buf, sizeof(buf)), -ENODEV);
	KUNIT_EXPECT_EQ(test, vfs_write(f, "1", 1), -ENODEV);
	vfs_close(f);
}

/* A store may remove other nodes: removal does not wait on itself. */
static void sysfs_store_removes_other(struct kunit *test)
{
	st_victim = kobject_create_and_add("victim", st_root);
	KUNIT_ASSERT_NOT_NULL(test, st_victim);
	KUNIT_ASSERT_EQ(test, sysfs_create_file(st_root, &st_zap_attr.attr), 0);
	KUNIT_EXPECT_EQ(test, vfs_write_path(ROOT "/zap", "1", 1), 1);
	KUNIT_EXPECT_NULL(test, st_victim);
	KUNIT_EXPECT_FALSE(test, st_exists(ROOT "/victim"));
}

static ssize_t id_show(struct device *dev, struct device_attribute *attr,
		       char *buf)
{
	return sysfs_emit(buf, "%u\n", dev->id);
}
static DEVICE_ATTR_RO(id);

static struct attribute *st_dev_attrs[] = { &dev_attr_id.attr, NULL };
ATTRIBUTE_GROUPS(st_dev);

static void st_dev_release(struct device *dev)
{
	(void)dev;
}

static void sysfs_device_subsystem(struct kunit *test)
{
	struct bus_type bus = { .name = "kunit_sub", .dev_name = "kblk",
				.dev_groups = st_dev_groups };
	struct device dev = { .bus = &bus, .id = 3, .release = st_dev_release };
	struct device *found;
	char buf[64] = {};

	KUNIT_ASSERT_EQ(test, subsys_system_register(&bus, NULL), 0);
	KUNIT_EXPECT_TRUE(test, st_exists("/sys/devices/system/kunit_sub"));
	KUNIT_EXPECT_TRUE(test, st_exists("/sys/bus/kunit_sub/devices"));
	KUNIT_EXPECT_EQ(test, subsys_system_register(&bus, NULL), -EEXIST);
	KUNIT_ASSERT_EQ(test, device_register(&dev), 0);
	KUNIT_EXPECT_STREQ(test, dev_name(&dev), "kblk3");
	KUNIT_EXPECT_EQ(test, vfs_read_path("/sys/devices/system/kunit_sub/kblk3/id",
					    buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "3\n");
	KUNIT_EXPECT_EQ(test, vfs_readlink_path("/sys/bus/kunit_sub/devices/kblk3",
						buf, sizeof(buf)),
			(int)strlen("../../../devices/system/kunit_sub/kblk3"));
	KUNIT_EXPECT_STREQ(test, buf, "../../../devices/system/kunit_sub/kblk3");
	KUNIT_EXPECT_EQ(test, vfs_readlink_path(
			"/sys/devices/system/kunit_sub/kblk3/subsystem",
			buf, sizeof(buf)),
			(int)strlen("../../../../bus/kunit_sub"));
	KUNIT_EXPECT_STREQ(test, buf, "../../../../bus/kunit_sub");
	found = subsys_find_device_by_id(&bus, 3);
	KUNIT_EXPECT_PTR_EQ(test, found, &dev);
	put_device(found);
	KUNIT_EXPECT_NULL(test, subsys_find_device_by_id(&bus, 4));
	device_unregister(&dev);
	KUNIT_EXPECT_FALSE(test, st_exists("/sys/devices/system/kunit_sub/kblk3"));
	KUNIT_EXPECT_FALSE(test, st_exists("/sys/bus/kunit_sub/devices/kblk3"));
	subsys_system_unregister(&bus);
	KUNIT_EXPECT_FALSE(test, st_exists("/sys/devices/system/kunit_sub"));
	KUNIT_EXPECT_FALSE(test, st_exists("/sys/bus/kunit_sub"));
}

static void sysfs_boot_tree(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, st_exists("/sys/devices/system/memory"));
	KUNIT_EXPECT_TRUE(test, st_exists("/sys/devices/system/node"));
	KUNIT_EXPECT_TRUE(test, st_exists("/sys/bus/memory/devices"));
	KUNIT_EXPECT_TRUE(test, st_exists("/sys/bus/node/devices"));
	KUNIT_EXPECT_TRUE(test, st_exists("/sys/kernel/debug"));
}

static void sysfs_streq_emit(struct kunit *test)
{
	char *page = kzalloc(PAGE_SIZE, GFP_KERNEL);

	KUNIT_EXPECT_TRUE(test, sysfs_streq("online\n", "online"));
	KUNIT_EXPECT_TRUE(test, sysfs_streq("online", "online\n"));
	KUNIT_EXPECT_TRUE(test, sysfs_streq("online", "online"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("online\n\n", "online"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("onlin", "online"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("online_movable", "online"));
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, sysfs_emit(page, "%s\n", "Normal"), 7);
	KUNIT_EXPECT_EQ(test, sysfs_emit_at(page, 6, " Movable\n"), 9);
	KUNIT_EXPECT_STREQ(test, page, "Normal Movable\n");
	kfree(page);
}

static struct kunit_case sysfs_test_cases[] = {
	KUNIT_CASE(sysfs_dir_add_remove),
	KUNIT_CASE(sysfs_bad_names),
	KUNIT_CASE(sysfs_attr_read_write),
	KUNIT_CASE(sysfs_errno_propagation),
	KUNIT_CASE(sysfs_permissions),
	KUNIT_CASE(sysfs_path_walk),
	KUNIT_CASE(sysfs_readdir_sorted),
	KUNIT_CASE(sysfs_symlinks),
	KUNIT_CASE(sysfs_groups),
	KUNIT_CASE(sysfs_remove_among_siblings),
	KUNIT_CASE(sysfs_open_file_outlives_removal),
	KUNIT_CASE(sysfs_store_removes_other),
	KUNIT_CASE(sysfs_device_subsystem),
	KUNIT_CASE(sysfs_boot_tree),
	KUNIT_CASE(sysfs_streq_emit),
	{}
};

static struct kunit_suite sysfs_test_suite = {
	.name = "sysfs",
	.init = sysfs_test_init,
	.exit = sysfs_test_exit,
	.test_cases = sysfs_test_cases,
};

kunit_test_suite(sysfs_test_suite);
