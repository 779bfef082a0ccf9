// SPDX-License-Identifier: GPL-2.0
/*
 * The procfs file system type and its root directory: the system-wide
 * files, sys/kernel, the self links and one directory per process.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include "internal.h"

#define PROC_SUPER_MAGIC	0x9fa0

/* VFS tables as text: the VFS core prints them (fs/filesystems.c). */
static int proc_vfs_table(struct proc_text *t,
			  int (*fmt)(char *buf, size_t size))
{
	int n = fmt(t->buf + t->len, t->size - t->len);

	t->len += n;
	if (t->len + 1 >= t->size)
		t->len = t->size;	/* maybe cut: retry bigger */
	return 0;
}

/**
 * proc_filesystems_show - /proc/filesystems: filesystems_show()'s text
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_filesystems_show(struct proc_text *t, struct task_struct *task)
{
	return proc_vfs_table(t, filesystems_show);
}

/**
 * proc_mounts_show - /proc/PID/mounts: mounts_show()'s text (one mount
 * tree: every process sees the same)
 * @t: output
 * @task: unused
 *
 * Return: 0.
 */
int proc_mounts_show(struct proc_text *t, struct task_struct *task)
{
	return proc_vfs_table(t, mounts_show);
}

/* Writing the host name: a trailing newline is not part of it. */
static int proc_hostname_store(struct task_struct *task, char *buf,
			       size_t len)
{
	if (len && buf[len - 1] == '\n')
		len--;
	return uts_set_hostname(buf, len);
}

/* The NIS domain name, as the host name. */
static int proc_domainname_store(struct task_struct *task, char *buf,
				 size_t len)
{
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	return uts_set_domainname(buf, len);
}

/* /proc/sys/kernel/hotplug: the uevent helper (lib/kobject_uevent.c). */
static int proc_hotplug_show(struct proc_text *t, struct task_struct *task)
{
	char path[UEVENT_HELPER_PATH_LEN];

	uevent_helper_get(path, sizeof(path));
	proc_printf(t, "%s\n", path);
	return 0;
}

/*
 * As Linux's sysctl strings: the text up to the first newline or NUL,
 * cut to what fits; the whole write counts as written.
 */
static int proc_hotplug_store(struct task_struct *task, char *buf,
			      size_t len)
{
	size_t n = 0;

	while (n < len && buf[n] && buf[n] != '\n')
		n++;
	uevent_helper_set(buf, min_t(size_t, n, UEVENT_HELPER_PATH_LEN - 1));
	return 0;
}

static int proc_mounts_get_link(struct dentry *dentry, char *buf,
				size_t size, struct path *jump)
{
	int n = snprintf(buf, size, "self/mounts");

	return n < (int)size ? 0 : -ENAMETOOLONG;
}

static const struct proc_entry proc_sys_kernel_entries[] = {
	{ .name = "domainname", .mode = S_IFREG | 0644,
	  .show = proc_domainname_show, .store = proc_domainname_store },
	{ .name = "hostname", .mode = S_IFREG | 0644,
	  .show = proc_hostname_show, .store = proc_hostname_store },
#ifdef CONFIG_UEVENT_HELPER
	{ .name = "hotplug", .mode = S_IFREG | 0644,
	  .show = proc_hotplug_show, .store = proc_hotplug_store },
#endif
	{ .name = "osrelease", .mode = S_IFREG | 0444,
	  .show = proc_osrelease_show },
	{ .name = "ostype", .mode = S_IFREG | 0444,
	  .show = proc_ostype_show },
};

static const struct proc_entry proc_sys_entries[] = {
	{ .name = "kernel", .mode = S_IFDIR | 0555,
	  .children = proc_sys_kernel_entries,
	  .nr_children = ARRAY_SIZE(proc_sys_kernel_entries) },
};

#define PROC_FILE(n, fn) \
	{ .name = n, .mode = S_IFREG | 0444, .show = fn }

/* The root's fixed entries, in the order getdents lists them. */
static const struct proc_entry proc_root_entries[] = {
	PROC_FILE("buddyinfo", proc_buddyinfo_show),
	PROC_FILE("cmdline", proc_cmdline_show),
	PROC_FILE("cpuinfo", proc_cpuinfo_show),
	PROC_FILE("filesystems", proc_filesystems_show),
	PROC_FILE("iomem", proc_iomem_show),
	PROC_FILE("loadavg", proc_loadavg_show),
	PROC_FILE("meminfo", proc_meminfo_show),
	{ .name = "mounts", .mode = S_IFLNK | 0777,
	  .get_link = proc_mounts_get_link },
	{ .name = "self", .mode = S_IFLNK | 0777,
	  .get_link = proc_self_get_link },
	PROC_FILE("stat", proc_stat_show),
	{ .name = "sys", .mode = S_IFDIR | 0555,
	  .children = proc_sys_entries,
	  .nr_children = ARRAY_SIZE(proc_sys_entries) },
	{ .name = "thread-self", .mode = S_IFLNK | 0777,
	  .get_link = proc_thread_self_get_link },
	PROC_FILE("uptime", proc_uptime_show),
	PROC_FILE("version", proc_version_show),
	PROC_FILE("vmstat", proc_vmstat_show),
	PROC_FILE("zoneinfo", proc_zoneinfo_show),
};

#define PROC_ROOT_NR	ARRAY_SIZE(proc_root_entries)

static struct dentry *proc_root_dir_lookup(struct inode *dir,
				       struct dentry *dentry,
				       unsigned int flags)
{
	struct dentry *ret;

	ret = proc_lookup_in(dir, dentry, proc_root_entries, PROC_ROOT_NR, 0);
	if (ret || dentry->d_inode)
		return ret;
	return proc_pid_lookup(dir, dentry);
}

/* ".", "..", the fixed entries, then the processes by pid. */
static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	if (!dir_emit_dots(file, ctx))
		return 0;
	if (!proc_emit_entries(ctx, proc_root_entries, PROC_ROOT_NR, 2))
		return 0;
	return proc_pid_readdir(file, ctx, 2 + PROC_ROOT_NR);
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_dir_lookup,
};

static const struct file_operations proc_root_fops = {
	.llseek = generic_file_llseek,
	.iterate_shared = proc_root_iterate,
};

static const struct proc_entry proc_root_entry = {
	.name = "/",
	.mode = S_IFDIR | 0555,
	.iop = &proc_root_iops,
	.fop = &proc_root_fops,
};

static struct dentry *proc_mount(struct file_system_type *type,
				 int flags, const char *source, void *data)
{
	struct super_block *sb = sget_nodev(type, NULL);
	struct inode *inode;
	struct dentry *root;

	if (IS_ERR(sb))
		return ERR_PTR(PTR_ERR(sb));
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &procfs_sops;
	sb->s_d_op = &procfs_dops;
	sb->s_flags |= SB_NOCACHE_INODES;
	inode = proc_make_inode(sb, &proc_root_entry, 0, 0);
	root = inode ? d_make_root(inode) : NULL;
	if (!root) {
		kill_anon_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	sb->s_root = root;
	return root;
}

static struct file_system_type procfs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = kill_anon_super,
};

static int __init proc_root_init(void)
{
	return register_filesystem(&procfs_type);
}
fs_initcall(proc_root_init);
