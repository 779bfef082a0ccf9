// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs: a kobject's directory, its attribute files and groups, and
 * symlinks between kobjects, on top of kernfs. A read or write of an
 * attribute goes to the kobject type's sysfs_ops.
 */
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/string.h>
#include <asm/page.h>
#include "kernfs.h"

static ssize_t sysfs_kf_show(struct kernfs_node *kn, char *buf)
{
	struct kobject *kobj = kn->owner;
	const struct sysfs_ops *ops = kobj->ktype->sysfs_ops;

	return ops && ops->show ? ops->show(kobj, kn->priv, buf) : -EIO;
}

static ssize_t sysfs_kf_store(struct kernfs_node *kn, const char *buf,
			      size_t len)
{
	struct kobject *kobj = kn->owner;
	const struct sysfs_ops *ops = kobj->ktype->sysfs_ops;

	return ops && ops->store ? ops->store(kobj, kn->priv, buf, len) : -EIO;
}

/* Which callbacks exist follows the mode, as kernfs checks it at open. */
static const struct kernfs_ops sysfs_rw_ops = {
	.show = sysfs_kf_show,
	.store = sysfs_kf_store,
};
static const struct kernfs_ops sysfs_ro_ops = { .show = sysfs_kf_show };
static const struct kernfs_ops sysfs_wo_ops = { .store = sysfs_kf_store };
static const struct kernfs_ops sysfs_no_ops;

static const struct kernfs_ops *sysfs_ops_for(umode_t mode)
{
	if ((mode & 0444) && (mode & 0222))
		return &sysfs_rw_ops;
	if (mode & 0444)
		return &sysfs_ro_ops;
	if (mode & 0222)
		return &sysfs_wo_ops;
	return &sysfs_no_ops;
}

/**
 * sysfs_create_dir - create @kobj's directory in its parent's
 * @kobj: object with a name; parent NULL means /sys
 *
 * Return: 0, or the -errno of kernfs_create_dir().
 */
int sysfs_create_dir(struct kobject *kobj)
{
	struct kernfs_node *parent, *kn;

	parent = kobj->parent ? kobj->parent->sd : sysfs_root_kn;
	if (!parent)
		return -ENOENT;
	kn = kernfs_create_dir(parent, kobj->name, 0755, kobj);
	if (IS_ERR(kn))
		return PTR_ERR(kn);
	kobj->sd = kn;
	return 0;
}

/**
 * sysfs_remove_dir - remove @kobj's directory and everything in it
 * @kobj: object
 */
void sysfs_remove_dir(struct kobject *kobj)
{
	kernfs_remove(kobj->sd);
	kobj->sd = NULL;
}

static int sysfs_add_file(struct kernfs_node *dir, struct kobject *kobj,
			  const struct attribute *a, umode_t perm)
{
	struct kernfs_node *kn;

	kn = kernfs_create_file(dir, a->name, perm, sysfs_ops_for(perm),
				(void *)a, kobj);
	return IS_ERR(kn) ? PTR_ERR(kn) : 0;
}

/**
 * sysfs_create_file - add the attribute file @attr to @kobj's directory
 * @kobj: object in sysfs
 * @attr: the attribute; lives until the file is removed
 *
 * Return: 0, -EINVAL (@kobj not in sysfs), -EEXIST, -ENOMEM.
 */
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	if (!kobj || !kobj->sd || !attr)
		return -EINVAL;
	return sysfs_add_file(kobj->sd, kobj, attr, attr->mode);
}

/**
 * sysfs_remove_file - remove the attribute file @attr of @kobj
 * @kobj: object
 * @attr: the attribute
 */
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	if (kobj && kobj->sd && attr)
		kernfs_remove_by_name(kobj->sd, attr->name);
}

/**
 * sysfs_create_files - add several attribute files
 * @kobj: object in sysfs
 * @attrs: NULL-terminated array
 *
 * Return: 0, or the first error (the files added are removed again).
 */
int sysfs_create_files(struct kobject *kobj,
		       const struct attribute * const *attrs)
{
	int i, err;

	for (i = 0; attrs[i]; i++) {
		err = sysfs_create_file(kobj, attrs[i]);
		if (err) {
			while (--i >= 0)
				sysfs_remove_file(kobj, attrs[i]);
			return err;
		}
	}
	return 0;
}

/**
 * sysfs_remove_files - remove several attribute files
 * @kobj: object
 * @attrs: NULL-terminated array
 */
void sysfs_remove_files(struct kobject *kobj,
			const struct attribute * const *attrs)
{
	int i;

	for (i = 0; attrs[i]; i++)
		sysfs_remove_file(kobj, attrs[i]);
}

/**
 * sysfs_create_group - add a group of attributes, in a subdirectory if
 * the group is named
 * @kobj: object in sysfs
 * @grp: the group; is_visible() may hide attributes or change modes
 *
 * Return: 0, or the first error with nothing of the group left behind.
 */
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	struct kernfs_node *dir;
	int i, err = 0;

	if (!kobj || !kobj->sd || !grp || !grp->attrs)
		return -EINVAL;
	dir = kobj->sd;
	if (grp->name) {
		dir = kernfs_create_dir(kobj->sd, grp->name, 0755, kobj);
		if (IS_ERR(dir))
			return PTR_ERR(dir);
	}
	for (i = 0; grp->attrs[i]; i++) {
		struct attribute *attr = grp->attrs[i];
		umode_t mode = attr->mode;

		if (grp->is_visible) {
			mode = grp->is_visible(kobj, attr, i);
			if (!mode)
				continue;
		}
		err = sysfs_add_file(dir, kobj, attr, mode);
		if (err)
			break;
	}
	if (err) {
		if (grp->name)
			kernfs_remove(dir);
		else
			while (--i >= 0)
				kernfs_remove_by_name(dir, grp->attrs[i]->name);
	}
	return err;
}

/**
 * sysfs_remove_group - remove what sysfs_create_group() added
 * @kobj: object
 * @grp: the group
 */
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
	int i;

	if (!kobj || !kobj->sd || !grp)
		return;
	if (grp->name) {
		kernfs_remove_by_name(kobj->sd, grp->name);
		return;
	}
	for (i = 0; grp->attrs && grp->attrs[i]; i++)
		kernfs_remove_by_name(kobj->sd, grp->attrs[i]->name);
}

/**
 * sysfs_create_groups - add several groups
 * @kobj: object in sysfs
 * @groups: NULL-terminated array, or NULL
 *
 * Return: 0, or the first error with the groups added before removed.
 */
int sysfs_create_groups(struct kobject *kobj,
			const struct attribute_group **groups)
{
	int i, err;

	for (i = 0; groups && groups[i]; i++) {
		err = sysfs_create_group(kobj, groups[i]);
		if (err) {
			while (--i >= 0)
				sysfs_remove_group(kobj, groups[i]);
			return err;
		}
	}
	return 0;
}

/**
 * sysfs_remove_groups - remove several groups
 * @obj: object
 * @grps: NULL-terminated array, or NULL
 */
void sysfs_remove_groups(struct kobject *obj,
			 const struct attribute_group **grps)
{
	int i;

	for (i = 0; grps && grps[i]; i++)
		sysfs_remove_group(obj, grps[i]);
}

/**
 * sysfs_create_link - add the symlink @name in @kobj's directory
 * @kobj: object in sysfs (the directory the link is in)
 * @target: object in sysfs it points to
 * @name: the link's name
 *
 * The link reads as a relative path ("../../devices/..."). If @target is
 * removed first the link stays but leads nowhere (-ENOENT).
 *
 * Return: 0, -EINVAL (an object not in sysfs), -EEXIST, -ENOMEM.
 */
int sysfs_create_link(struct kobject *kobj, struct kobject *target,
		      const char *name)
{
	struct kernfs_node *kn;

	if (!target || !target->sd)
		return -EINVAL;
	kn = kernfs_create_link(kobj ? kobj->sd : sysfs_root_kn, name,
				target->sd);
	return IS_ERR(kn) ? PTR_ERR(kn) : 0;
}

/**
 * sysfs_remove_link - remove the symlink @name from @kobj's directory
 * @kobj: object, or NULL for /sys
 * @name: the link's name
 */
void sysfs_remove_link(struct kobject *kobj, const char *name)
{
	struct kernfs_node *dir = kobj ? kobj->sd : sysfs_root_kn;

	if (dir)
		kernfs_remove_by_name(dir, name);
}

/**
 * sysfs_emit_at - format into a show buffer at offset @at
 * @buf: the PAGE_SIZE buffer show was given
 * @at: where to start, 0..PAGE_SIZE-1
 * @fmt: format and arguments
 *
 * Return: bytes written (the text is cut at the end of the page).
 */
int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN_ON_ONCE(!buf || at < 0 || at >= (int)PAGE_SIZE))
		return 0;
	va_start(args, fmt);
	len = vsnprintf(buf + at, PAGE_SIZE - at, fmt, args);
	va_end(args);
	return min_t(int, len, PAGE_SIZE - at - 1);
}

/**
 * sysfs_emit - format into a show buffer
 * @buf: the PAGE_SIZE buffer show was given
 * @fmt: format and arguments
 *
 * Return: bytes written.
 */
int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN_ON_ONCE(!buf))
		return 0;
	va_start(args, fmt);
	len = vsnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return min_t(int, len, PAGE_SIZE - 1);
}

/**
 * sysfs_streq - compare what was written with a keyword
 * @a: one string
 * @b: the other
 *
 * A single trailing newline on either side is ignored ("online\n" from
 * echo equals "online").
 *
 * Return: true if equal in that sense.
 */
bool sysfs_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	if (*a == *b)
		return true;
	if (!*a && *b == '\n' && !b[1])
		return true;
	if (*a == '\n' && !a[1] && !*b)
		return true;
	return false;
}
