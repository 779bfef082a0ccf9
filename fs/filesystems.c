// SPDX-License-Identifier: GPL-2.0
/*
 * The list of file system types mount(2) knows, and its text for
 * /proc/filesystems.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/string.h>
#include "internal.h"

/* Every registered type, in registration order; under fs_list_lock. */
static LIST_HEAD(fs_types);
static DEFINE_SPINLOCK(fs_list_lock);

/**
 * register_filesystem - make a file system type mountable by name
 * @fs: the type; its name must be unique
 *
 * Return: 0, -EBUSY if a type of that name is registered, -EINVAL if
 * @fs has no name or no mount operation.
 */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type *t;
	int ret = 0;

	if (!fs->name || !fs->mount)
		return -EINVAL;
	spin_lock(&fs_list_lock);
	list_for_each_entry(t, &fs_types, fs_list) {
		if (t == fs || !strcmp(t->name, fs->name)) {
			ret = -EBUSY;
			break;
		}
	}
	if (!ret)
		list_add_tail(&fs->fs_list, &fs_types);
	spin_unlock(&fs_list_lock);
	return ret;
}

/**
 * get_fs_type - the registered type called @fsname
 * @fsname: e.g. "tmpfs"
 *
 * Types are never unregistered, so the pointer stays valid.
 *
 * Return: the type, or NULL.
 */
struct file_system_type *get_fs_type(const char *fsname)
{
	struct file_system_type *t, *found = NULL;

	spin_lock(&fs_list_lock);
	list_for_each_entry(t, &fs_types, fs_list) {
		if (!strcmp(t->name, fsname)) {
			found = t;
			break;
		}
	}
	spin_unlock(&fs_list_lock);
	return found;
}

/**
 * filesystems_show - the text of /proc/filesystems
 * @buf: destination
 * @size: its size
 *
 * One line per type: "nodev" and a tab for types that need no device,
 * a tab alone for the others, then the name.
 *
 * Return: the length written (the text is cut to fit, NUL-terminated).
 */
int filesystems_show(char *buf, size_t size)
{
	struct file_system_type *t;
	int len = 0;

	if (!size)
		return 0;
	buf[0] = '\0';
	spin_lock(&fs_list_lock);
	list_for_each_entry(t, &fs_types, fs_list) {
		int n = snprintf(buf + len, size - len, "%s\t%s\n",
				 (t->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev",
				 t->name);

		if (n >= (int)(size - len)) {
			len = size - 1;
			break;
		}
		len += n;
	}
	spin_unlock(&fs_list_lock);
	return len;
}
