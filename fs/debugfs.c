// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs: the kernfs subtree at /sys/kernel/debug, for test drivers and
 * fault injection: directories, show/store files and integer files.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/debugfs.h>
#include <linux/kobject.h>
#include "kernfs.h"

/*
 * A struct dentry * is the entry's kernfs node: callers never look
 * inside, and the two conversions below are the only casts.
 */
static struct kernfs_node *debugfs_root;

static struct kernfs_node *d_kn(struct dentry *d)
{
	return (struct kernfs_node *)d;
}

static struct dentry *kn_d(struct kernfs_node *kn)
{
	return (struct dentry *)kn;
}

static struct kernfs_node *debugfs_parent(struct dentry *parent)
{
	return parent ? d_kn(parent) : debugfs_root;
}

/**
 * debugfs_root_kn - the kernfs node of /sys/kernel/debug, for mounting
 *
 * Return: the node, or NULL before debugfs_init().
 */
struct kernfs_node *debugfs_root_kn(void)
{
	return debugfs_root;
}

/**
 * debugfs_initialized - whether /sys/kernel/debug exists yet
 *
 * Return: true from core_initcall time on.
 */
bool debugfs_initialized(void)
{
	return debugfs_root;
}

/**
 * debugfs_create_dir - add a directory
 * @name: its name
 * @parent: directory, or NULL for /sys/kernel/debug
 *
 * Return: the entry, or ERR_PTR(-ENODEV) before debugfs is up, -EEXIST,
 * -EINVAL (bad name), -ENOENT (@parent removed), -ENOMEM.
 */
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	if (IS_ERR(parent))
		return parent;
	if (!debugfs_root)
		return ERR_PTR(-ENODEV);
	return kn_d(kernfs_create_dir(debugfs_parent(parent), name, 0755,
				      NULL));
}

static ssize_t debugfs_kf_show(struct kernfs_node *kn, char *buf)
{
	const struct debugfs_file_ops *ops = kn->owner;

	return ops->show(kn->priv, buf);
}

static ssize_t debugfs_kf_store(struct kernfs_node *kn, const char *buf,
				size_t len)
{
	const struct debugfs_file_ops *ops = kn->owner;

	return ops->store(kn->priv, buf, len);
}

static const struct kernfs_ops debugfs_rw_ops = {
	.show = debugfs_kf_show,
	.store = debugfs_kf_store,
};
static const struct kernfs_ops debugfs_ro_ops = { .show = debugfs_kf_show };
static const struct kernfs_ops debugfs_wo_ops = { .store = debugfs_kf_store };
static const struct kernfs_ops debugfs_no_ops;

/**
 * debugfs_create_file - add a file
 * @fname: its name
 * @mode: permission bits; reading needs a read bit and @ops->show,
 *        writing a write bit and @ops->store (else -EACCES at open)
 * @dir: directory, or NULL for /sys/kernel/debug
 * @data: passed to @ops
 * @ops: show and store; lives until the file is removed
 *
 * Return: as debugfs_create_dir().
 */
struct dentry *debugfs_create_file(const char *fname, umode_t mode,
				   struct dentry *dir, void *data,
				   const struct debugfs_file_ops *ops)
{
	const struct kernfs_ops *kops = &debugfs_no_ops;

	if (IS_ERR(dir))
		return dir;
	if (!debugfs_root)
		return ERR_PTR(-ENODEV);
	if (!ops)
		return ERR_PTR(-EINVAL);
	if (ops->show && ops->store)
		kops = &debugfs_rw_ops;
	else if (ops->show)
		kops = &debugfs_ro_ops;
	else if (ops->store)
		kops = &debugfs_wo_ops;
	return kn_d(kernfs_create_file(debugfs_parent(dir), fname, mode,
				       kops, data, (void *)ops));
}

/**
 * debugfs_lookup - find an entry
 * @name: its name
 * @parent: directory, or NULL for /sys/kernel/debug
 *
 * Return: the entry with a reference (drop it with debugfs_lookup_put()),
 * or NULL.
 */
struct dentry *debugfs_lookup(const char *name, struct dentry *parent)
{
	if (IS_ERR(parent) || !debugfs_root)
		return NULL;
	return kn_d(kernfs_find_and_get(debugfs_parent(parent), name));
}

/**
 * debugfs_lookup_put - drop a reference from debugfs_lookup()
 * @dentry: entry, or NULL
 *
 * A debugfs entry is not a VFS dentry (see above): the VFS's dput()
 * must not be given one.
 */
void debugfs_lookup_put(struct dentry *dentry)
{
	kernfs_put(d_kn(dentry));
}

/**
 * debugfs_remove - remove an entry and everything below it
 * @dentry: entry, or NULL/ERR_PTR (nothing happens)
 *
 * Waits for show/store calls in flight on what it removes.
 */
void debugfs_remove(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry) || d_kn(dentry) == debugfs_root)
		return;
	kernfs_remove(d_kn(dentry));
}

/**
 * debugfs_lookup_and_remove - remove the entry @name of @parent
 * @name: its name
 * @parent: directory, or NULL for /sys/kernel/debug
 */
void debugfs_lookup_and_remove(const char *name, struct dentry *parent)
{
	struct dentry *d = debugfs_lookup(name, parent);

	debugfs_remove(d);
	debugfs_lookup_put(d);
}

/* ---- integer files: the value is read and written in place ---- */

static ssize_t debugfs_u32_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%u\n", READ_ONCE(*(u32 *)data));
}

static ssize_t debugfs_u32_store(void *data, const char *buf, size_t len)
{
	unsigned long long val;
	int err = kstrtoull(buf, 0, &val);

	if (err)
		return err;
	if (val > U32_MAX)
		return -ERANGE;
	WRITE_ONCE(*(u32 *)data, val);
	return len;
}

static ssize_t debugfs_u64_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%llu\n", READ_ONCE(*(u64 *)data));
}

static ssize_t debugfs_u64_store(void *data, const char *buf, size_t len)
{
	unsigned long long val;
	int err = kstrtoull(buf, 0, &val);

	if (err)
		return err;
	WRITE_ONCE(*(u64 *)data, val);
	return len;
}

static ssize_t debugfs_bool_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%c\n", READ_ONCE(*(bool *)data) ? 'Y' : 'N');
}

static ssize_t debugfs_bool_store(void *data, const char *buf, size_t len)
{
	bool val;
	int err = kstrtobool(buf, &val);

	if (err)
		return err;
	WRITE_ONCE(*(bool *)data, val);
	return len;
}

static ssize_t debugfs_errno_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(*(int *)data));
}

/* 0 or a negative errno, e.g. "-12" to inject -ENOMEM. */
static ssize_t debugfs_errno_store(void *data, const char *buf, size_t len)
{
	int val, err = kstrtoint(buf, 0, &val);

	if (err)
		return err;
	if (val > 0 || val < -MAX_ERRNO)
		return -EINVAL;
	WRITE_ONCE(*(int *)data, val);
	return len;
}

static const struct debugfs_file_ops debugfs_u32_ops = {
	.show = debugfs_u32_show, .store = debugfs_u32_store,
};
static const struct debugfs_file_ops debugfs_u64_ops = {
	.show = debugfs_u64_show, .store = debugfs_u64_store,
};
static const struct debugfs_file_ops debugfs_bool_ops = {
	.show = debugfs_bool_show, .store = debugfs_bool_store,
};
static const struct debugfs_file_ops debugfs_errno_ops = {
	.show = debugfs_errno_show, .store = debugfs_errno_store,
};

/**
 * debugfs_create_u32 - a file showing and setting *@value in decimal
 * @fname: its name
 * @mode: permission bits
 * @dir: directory, or NULL
 * @value: the variable; lives until the file is removed
 *
 * Writes take decimal, 0x hex or 0 octal; above U32_MAX is -ERANGE.
 */
void debugfs_create_u32(const char *fname, umode_t mode, struct dentry *dir,
			u32 *value)
{
	debugfs_create_file(fname, mode, dir, value, &debugfs_u32_ops);
}

/**
 * debugfs_create_u64 - a file showing and setting *@value in decimal
 * @fname: its name
 * @mode: permission bits
 * @dir: directory, or NULL
 * @value: the variable; lives until the file is removed
 */
void debugfs_create_u64(const char *fname, umode_t mode, struct dentry *dir,
			u64 *value)
{
	debugfs_create_file(fname, mode, dir, value, &debugfs_u64_ops);
}

/**
 * debugfs_create_bool - a file showing *@value as Y or N
 * @name: its name
 * @mode: permission bits
 * @parent: directory, or NULL
 * @value: the variable; writes take what kstrtobool() does (1/0, y/n)
 */
void debugfs_create_bool(const char *name, umode_t mode,
			 struct dentry *parent, bool *value)
{
	debugfs_create_file(name, mode, parent, value, &debugfs_bool_ops);
}

/**
 * debugfs_create_errno - a file holding 0 or a negative errno
 * @name: its name
 * @mode: permission bits
 * @parent: directory, or NULL
 * @value: the variable; writes outside -MAX_ERRNO..0 fail with -EINVAL
 */
void debugfs_create_errno(const char *name, umode_t mode,
			  struct dentry *parent, int *value)
{
	debugfs_create_file(name, mode, parent, value, &debugfs_errno_ops);
}

/* /sys/kernel/debug; lib/kobject.c made /sys/kernel earlier in link order. */
static int __init debugfs_init(void)
{
	struct kernfs_node *kn;

	if (!kernel_kobj)
		return -ENODEV;
	kn = kernfs_create_dir(kernel_kobj->sd, "debug", 0700, NULL);
	if (IS_ERR(kn))
		return PTR_ERR(kn);
	debugfs_root = kn;
	return 0;
}
core_initcall(debugfs_init);
