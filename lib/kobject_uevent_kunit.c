// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "kobject_uevent": the variables of uevents and their
 * order, SEQNUM, the netlink datagram, the uevent files of devices and
 * the uevent helper's files, read and written by path as user space
 * does.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/kobject.h>
#include <linux/mm.h>
#include <linux/net.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/delay.h>
#include <linux/umh.h>
#include <kunit/test.h>

#define UK_NODE0	"/sys/devices/system/node/node0/uevent"
#define UK_MEM_ROOT	"/sys/devices/system/memory/uevent"
#define UK_SEQNUM	"/sys/kernel/uevent_seqnum"
#define UK_HELPER	"/sys/kernel/uevent_helper"
#define UK_HOTPLUG	"/proc/sys/kernel/hotplug"
#define UK_UUID		"0a1b2c3d-4e5f-6789-abcd-ef0123456789"

/*
 * A test object type whose uevent() copies what the event holds so far
 * (everything but SEQNUM) into uk_seen, one variable per line.
 */
static char uk_seen[UEVENT_BUFFER_SIZE];
static int uk_calls;
static bool uk_refuse;		/* the filter says no */

static bool uk_filter(const struct kobject *kobj)
{
	return !uk_refuse;
}

static const char *uk_name(const struct kobject *kobj)
{
	return "uk_subsys";
}

static int uk_uevent(const struct kobject *kobj, struct kobj_uevent_env *ev)
{
	int i, at = 0;

	uk_calls++;
	uk_seen[0] = '\0';
	for (i = 0; i < ev->envp_idx; i++)
		at += scnprintf(uk_seen + at, sizeof(uk_seen) - at, "%s\n",
				ev->envp[i]);
	return add_uevent_var(ev, "UK_OWN=%d", 7);
}

static const struct kobj_uevent_ops uk_ops = {
	.filter = uk_filter,
	.name = uk_name,
	.uevent = uk_uevent,
};

static void uk_release(struct kobject *kobj)
{
	kfree(kobj);
}

static const struct kobj_type uk_type = {
	.release = uk_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.uevent_ops = &uk_ops,
};

static struct kobject *uk_dir;	/* /sys/kernel/uk_dir */
static struct kobject *uk_obj;	/* /sys/kernel/uk_dir/uk_obj */

/* procfs on /proc for the hotplug file, unless something mounted it. */
static int uk_suite_init(struct kunit_suite *suite)
{
	struct path p;

	init_mkdir("/proc", 0555);
	if (!kern_path("/proc/self", 0, &p)) {
		path_put(&p);
		return 0;
	}
	return init_mount("proc", "/proc", "proc", 0, NULL);
}

static int uk_init(struct kunit *test)
{
	uk_dir = kobject_create_and_add("uk_dir", kernel_kobj);
	if (!uk_dir)
		return -ENOMEM;
	uk_obj = kzalloc(sizeof(*uk_obj), GFP_KERNEL);
	if (!uk_obj ||
	    kobject_init_and_add(uk_obj, &uk_type, uk_dir, "uk_obj")) {
		kobject_put(uk_obj);
		kobject_put(uk_dir);
		return -ENOMEM;
	}
	uk_calls = 0;
	uk_refuse = false;
	uk_seen[0] = '\0';
	return 0;
}

static void uk_exit(struct kunit *test)
{
	kobject_put(uk_obj);
	kobject_put(uk_dir);
	uevent_helper_set("", 0);
}

/*
 * One read or write of a file by path: sysfs through kernfs
 * (vfs_read_path()), /proc through the VFS.
 */
static ssize_t uk_io(const char *path, char *buf, size_t len, bool write)
{
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	if (strncmp(path, "/proc/", 6))
		return write ? vfs_write_path(path, buf, len) :
			       vfs_read_path(path, buf, len);
	f = filp_open(path, write ? O_WRONLY : O_RDONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	n = write ? kernel_write(f, buf, len, &pos) :
		    kernel_read(f, buf, len, &pos);
	fput(f);
	return n;
}

/* Reads @path; the case fails unless it holds @want. */
static void uk_expect_file(struct kunit *test, const char *path,
			   const char *want)
{
	char buf[300];
	ssize_t n;

	memset(buf, 0, sizeof(buf));
	n = uk_io(path, buf, sizeof(buf) - 1, false);
	KUNIT_EXPECT_EQ_MSG(test, n, (ssize_t)strlen(want), "reading %s", path);
	KUNIT_EXPECT_STREQ_MSG(test, buf, want, "reading %s", path);
}

static ssize_t uk_write(const char *path, const char *text)
{
	return uk_io(path, (char *)text, strlen(text), true);
}

static void uk_path(struct kunit *test)
{
	char *path = kobject_get_path(uk_obj, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, path);
	KUNIT_EXPECT_STREQ(test, path, "/kernel/uk_dir/uk_obj");
	kfree(path);
	path = kobject_get_path(kernel_kobj, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, path);
	KUNIT_EXPECT_STREQ(test, path, "/kernel");
	kfree(path);
}

/* ACTION, DEVPATH, SUBSYSTEM, the caller's, then the type's own. */
static void uk_order(struct kunit *test)
{
	char *extra[] = { "FIRST=1", "SECOND=two", NULL };

	KUNIT_EXPECT_EQ(test, kobject_uevent_env(uk_obj, KOBJ_CHANGE, extra),
			0);
	KUNIT_EXPECT_EQ(test, uk_calls, 1);
	KUNIT_EXPECT_STREQ(test, uk_seen,
			   "ACTION=change\n"
			   "DEVPATH=/kernel/uk_dir/uk_obj\n"
			   "SUBSYSTEM=uk_subsys\n"
			   "FIRST=1\nSECOND=two\n");
	KUNIT_EXPECT_EQ(test, kobject_uevent(uk_obj, KOBJ_OFFLINE), 0);
	KUNIT_EXPECT_STREQ(test, uk_seen,
			   "ACTION=offline\n"
			   "DEVPATH=/kernel/uk_dir/uk_obj\n"
			   "SUBSYSTEM=uk_subsys\n");
}

/* Every event sent takes the next number; refused ones take none. */
static void uk_seqnum(struct kunit *test)
{
	u64 before = uevent_seqnum_read();
	char want[32];
	int i;

	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, kobject_uevent(uk_obj, KOBJ_ADD), 0);
	KUNIT_EXPECT_EQ(test, uevent_seqnum_read(), before + 3);
	uk_refuse = true;
	KUNIT_EXPECT_EQ(test, kobject_uevent(uk_obj, KOBJ_ADD), 0);
	KUNIT_EXPECT_EQ(test, uevent_seqnum_read(), before + 3);
	KUNIT_EXPECT_EQ(test, uk_calls, 3);
	snprintf(want, sizeof(want), "%llu\n",
		 (unsigned long long)before + 3);
	uk_expect_file(test, UK_SEQNUM, want);
	KUNIT_EXPECT_EQ(test, uk_write(UK_SEQNUM, "5"), (ssize_t)-EACCES);
}

/* Bad actions and objects that cannot send uevents. */
static void uk_bad_calls(struct kunit *test)
{
	u64 before = uevent_seqnum_read();

	KUNIT_EXPECT_EQ(test, kobject_uevent(uk_obj, KOBJ_MAX), -EINVAL);
	KUNIT_EXPECT_EQ(test, kobject_uevent(uk_dir, KOBJ_ADD), -EINVAL);
	KUNIT_EXPECT_EQ(test, kobject_uevent(NULL, KOBJ_ADD), -EINVAL);
	KUNIT_EXPECT_EQ(test, uevent_seqnum_read(), before);
	KUNIT_EXPECT_EQ(test, uk_calls, 0);
}

/* 63 variables fit (the last slot ends envp), the 64th does not. */
static void uk_env_limits(struct kunit *test)
{
	struct kobj_uevent_env *env = kzalloc(sizeof(*env), GFP_KERNEL);
	char big[UEVENT_BUFFER_SIZE];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, env);
	for (i = 0; i < UEVENT_NUM_ENVP - 1; i++)
		KUNIT_EXPECT_EQ(test, add_uevent_var(env, "V%d=%d", i, i), 0);
	KUNIT_EXPECT_WARN(test, KUNIT_EXPECT_EQ(test,
			  add_uevent_var(env, "ONE=MORE"), -ENOMEM));
	KUNIT_EXPECT_EQ(test, env->envp_idx, UEVENT_NUM_ENVP - 1);
	KUNIT_EXPECT_STREQ(test, env->envp[5], "V5=5");

	memset(env, 0, sizeof(*env));
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	KUNIT_EXPECT_WARN(test, KUNIT_EXPECT_EQ(test,
			  add_uevent_var(env, "B=%s", big), -ENOMEM));
	KUNIT_EXPECT_EQ(test, env->envp_idx, 0);
	KUNIT_EXPECT_EQ(test, env->buflen, 0);
	kfree(env);
}

/* What a write to a uevent file sends: SYNTH_UUID and SYNTH_ARG_s. */
static void uk_synth_vars(struct kunit *test)
{
	static const char plain[] = "add\n";
	static const char args[] = "change " UK_UUID " KEY=val X1=2\n";

	KUNIT_EXPECT_EQ(test, kobject_synth_uevent(uk_obj, plain,
						   strlen(plain)), 0);
	KUNIT_EXPECT_STREQ(test, uk_seen,
			   "ACTION=add\n"
			   "DEVPATH=/kernel/uk_dir/uk_obj\n"
			   "SUBSYSTEM=uk_subsys\n"
			   "SYNTH_UUID=0\n");
	KUNIT_EXPECT_EQ(test, kobject_synth_uevent(uk_obj, args,
						   strlen(args)), 0);
	KUNIT_EXPECT_STREQ(test, uk_seen,
			   "ACTION=change\n"
			   "DEVPATH=/kernel/uk_dir/uk_obj\n"
			   "SUBSYSTEM=uk_subsys\n"
			   "SYNTH_UUID=" UK_UUID "\n"
			   "SYNTH_ARG_KEY=val\n"
			   "SYNTH_ARG_X1=2\n");
	/* A NUL ends a write as a newline does. */
	KUNIT_EXPECT_EQ(test, kobject_synth_uevent(uk_obj, "online", 7), 0);
	KUNIT_EXPECT_EQ(test, uk_calls, 3);
}

/* Linux's -EINVAL for every malformed write, and no event. */
static void uk_synth_errors(struct kunit *test)
{
	static const char *const bad[] = {
		"", "\n", "bogus\n", "addx\n", "ad\n", "Add\n", "add \n",
		"add 1234\n", "add " UK_UUID "x\n",
		"add " UK_UUID " \n", "add " UK_UUID " KEY\n",
		"add " UK_UUID " KEY=\n", "add " UK_UUID " =v\n",
		"add " UK_UUID " K-Y=v\n", "add " UK_UUID " K=v-w\n",
		"add " UK_UUID "  K=v\n",
		"add 0a1b2c3d-4e5f-6789-abcd-ef012345678g\n",
		"add 0a1b2c3d+4e5f-6789-abcd-ef0123456789\n",
	};
	u64 before = uevent_seqnum_read();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, uk_write(UK_NODE0, bad[i]),
				    (ssize_t)-EINVAL, "writing \"%s\"", bad[i]);
	KUNIT_EXPECT_EQ(test, uevent_seqnum_read(), before);
}

/* Devices: what uevent files read and what good writes send. */
static void uk_device_files(struct kunit *test)
{
	u64 before = uevent_seqnum_read();

	/* A node and the memory root add nothing to ACTION..SEQNUM. */
	uk_expect_file(test, UK_NODE0, "");
	uk_expect_file(test, UK_MEM_ROOT, "");
	KUNIT_EXPECT_EQ(test, uk_write(UK_NODE0, "change\n"), 7);
	KUNIT_EXPECT_EQ(test, uevent_seqnum_read(), before + 1);
	KUNIT_EXPECT_EQ(test, uk_write(UK_NODE0, "add " UK_UUID " A=b"),
			(ssize_t)strlen("add " UK_UUID " A=b"));
	KUNIT_EXPECT_EQ(test, uevent_seqnum_read(), before + 2);
	/* The root of a subsystem is on no bus: accepted, nothing sent. */
	KUNIT_EXPECT_EQ(test, uk_write(UK_MEM_ROOT, "add\n"), 4);
	KUNIT_EXPECT_EQ(test, uevent_seqnum_read(), before + 2);
}

/* /sys/kernel/uevent_helper and /proc/sys/kernel/hotplug: one path. */
static void uk_helper_files(struct kunit *test)
{
	char longpath[UEVENT_HELPER_PATH_LEN + 8];

	if (!IS_ENABLED(CONFIG_UEVENT_HELPER))
		kunit_skip(test, "CONFIG_UEVENT_HELPER is off");
	uk_expect_file(test, UK_HELPER, "\n");
	uk_expect_file(test, UK_HOTPLUG, "\n");
	KUNIT_EXPECT_EQ(test, uk_write(UK_HELPER, "/sbin/uk-helper\n"), 16);
	uk_expect_file(test, UK_HELPER, "/sbin/uk-helper\n");
	uk_expect_file(test, UK_HOTPLUG, "/sbin/uk-helper\n");
	KUNIT_EXPECT_EQ(test, uk_write(UK_HOTPLUG, "/bin/other\nrest"), 15);
	uk_expect_file(test, UK_HELPER, "/bin/other\n");

	/* sysfs refuses a path without room for its NUL: -ENOENT. */
	memset(longpath, 'p', sizeof(longpath));
	longpath[0] = '/';
	KUNIT_EXPECT_EQ(test, vfs_write_path(UK_HELPER, longpath,
					     UEVENT_HELPER_PATH_LEN),
			(ssize_t)-ENOENT);
	uk_expect_file(test, UK_HELPER, "/bin/other\n");
	KUNIT_EXPECT_EQ(test, vfs_write_path(UK_HELPER, longpath,
					     UEVENT_HELPER_PATH_LEN - 1),
			(ssize_t)UEVENT_HELPER_PATH_LEN - 1);
	/* procfs keeps what fits, as Linux's sysctl strings do. */
	KUNIT_EXPECT_EQ(test, uk_io(UK_HOTPLUG, longpath, sizeof(longpath),
				    true),
			(ssize_t)sizeof(longpath));
	longpath[UEVENT_HELPER_PATH_LEN - 1] = '\n';
	longpath[UEVENT_HELPER_PATH_LEN] = '\0';
	uk_expect_file(test, UK_HOTPLUG, longpath);
	KUNIT_EXPECT_EQ(test, uk_write(UK_HELPER, "\n"), 1);
	uk_expect_file(test, UK_HOTPLUG, "\n");
}

/*
 * The datagram on NETLINK_KOBJECT_UEVENT group 1: "ACTION@DEVPATH", then
 * every variable, each ending in a NUL; from port 0.
 */
static void uk_netlink_message(struct kunit *test)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	char *extra[] = { "FIRST=1", NULL };
	struct sockaddr_nl from;
	struct socket *sock;
	char want[160], got[256];
	struct msghdr m;
	int len, n;

	KUNIT_ASSERT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_DGRAM,
					       NETLINK_KOBJECT_UEVENT, &sock), 0);
	KUNIT_ASSERT_EQ(test, sock->ops->bind(sock, (struct sockaddr *)&a,
					      sizeof(a)), 0);
	KUNIT_EXPECT_EQ(test, kobject_uevent_env(uk_obj, KOBJ_MOVE, extra), 0);
	len = scnprintf(want, sizeof(want),
			"move@/kernel/uk_dir/uk_obj%cACTION=move%c"
			"DEVPATH=/kernel/uk_dir/uk_obj%cSUBSYSTEM=uk_subsys%c"
			"FIRST=1%cUK_OWN=7%cSEQNUM=%llu%c", 0, 0, 0, 0, 0, 0,
			(unsigned long long)uevent_seqnum_read(), 0);
	/* Other events may come first (none should, in a test boot). */
	do {
		memset(got, 0, sizeof(got));
		msg_init_kernel(&m, got, sizeof(got));
		m.msg_name = &from;
		n = sock->ops->recvmsg(sock, &m, sizeof(got), MSG_DONTWAIT);
	} while (n > 0 && strncmp(got, "move@/kernel/uk_dir/", 20));
	KUNIT_EXPECT_EQ(test, n, len);
	KUNIT_EXPECT_TRUE(test, n == len && !memcmp(got, want, len));
	KUNIT_EXPECT_EQ(test, from.nl_pid, 0U);
	KUNIT_EXPECT_EQ(test, from.nl_groups, 1U);
	sock_release(sock);
}

/*
 * 1000 events, plain, synthetic and refused, with a listener that
 * drains them: every buffer is freed (a leak of one 2.5 KiB variable
 * buffer per event would be 600 pages).
 */
/*
 * A helper started without waiting belongs to its new process at once:
 * one whose program is missing frees its request as soon as the exec
 * fails, possibly before call_usermodehelper() returns. The caller read
 * the request after that and, under load, waited on freed memory (a
 * uevent after /proc/sys/kernel/hotplug was set to a missing program
 * hung the compare machine). With CONFIG_DEBUG_VM the freed request is
 * poisoned, so a read of it is caught sooner or later in this loop.
 */
static void uk_helper_no_wait(struct kunit *test)
{
	char *argv[] = { "/no/such/uevent-helper", "memory", NULL };
	char *envp[] = { "ACTION=change", NULL };
	int i;

	for (i = 0; i < 200; i++)
		KUNIT_ASSERT_EQ(test, call_usermodehelper(argv[0], argv, envp,
							  UMH_NO_WAIT), 0);
	KUNIT_EXPECT_EQ(test, call_usermodehelper(argv[0], argv, envp,
						  UMH_WAIT_EXEC), -ENOENT);
	msleep(50);	/* let the last ones exit before the next case */
}

static void uk_no_leak(struct kunit *test)
{
	static const char args[] = "add " UK_UUID " K=v\n";
	struct sockaddr_nl a = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	unsigned long before = 0;
	struct socket *sock;
	struct msghdr m;
	char buf[256];
	int i;

	KUNIT_ASSERT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_DGRAM,
					       NETLINK_KOBJECT_UEVENT, &sock), 0);
	KUNIT_ASSERT_EQ(test, sock->ops->bind(sock, (struct sockaddr *)&a,
					      sizeof(a)), 0);
	for (i = 0; i < 1010; i++) {
		if (i == 10)	/* after the slab caches have grown */
			before = nr_free_pages();
		KUNIT_ASSERT_EQ(test, kobject_uevent(uk_obj, KOBJ_CHANGE), 0);
		KUNIT_ASSERT_EQ(test, kobject_synth_uevent(uk_obj, args,
							   strlen(args)), 0);
		KUNIT_ASSERT_EQ(test, kobject_synth_uevent(uk_obj, "add 1", 5),
				-EINVAL);
		do {
			msg_init_kernel(&m, buf, sizeof(buf));
		} while (sock->ops->recvmsg(sock, &m, sizeof(buf),
					    MSG_DONTWAIT) > 0);
	}
	sock_release(sock);
	KUNIT_EXPECT_LE_MSG(test, before, nr_free_pages() + 16,
			    "%lu pages fewer free after 1000 events",
			    before - nr_free_pages());
}

static struct kunit_case uk_cases[] = {
	KUNIT_CASE(uk_path),
	KUNIT_CASE(uk_order),
	KUNIT_CASE(uk_seqnum),
	KUNIT_CASE(uk_bad_calls),
	KUNIT_CASE(uk_env_limits),
	KUNIT_CASE(uk_synth_vars),
	KUNIT_CASE(uk_synth_errors),
	KUNIT_CASE(uk_device_files),
	KUNIT_CASE(uk_helper_files),
	KUNIT_CASE(uk_netlink_message),
	KUNIT_CASE(uk_helper_no_wait),
	KUNIT_CASE(uk_no_leak),
	{}
};

static struct kunit_suite uk_suite = {
	.name = "kobject_uevent",
	.suite_init = uk_suite_init,
	.init = uk_init,
	.exit = uk_exit,
	.test_cases = uk_cases,
};
kunit_test_suite(uk_suite);
