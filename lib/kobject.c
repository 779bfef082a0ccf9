// SPDX-License-Identifier: GPL-2.0
/*
 * kobjects: named, reference-counted objects in a tree whose shape sysfs
 * shows. Also /sys/kernel (kernel_kobj) and the kasprintf() they name with.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/string.h>

struct kobject *kernel_kobj;

/**
 * kvasprintf - format into a new kmalloc'ed string
 * @gfp: allocation flags
 * @fmt: format
 * @args: its arguments
 *
 * Return: the string (kfree() it), or NULL without memory.
 */
char *kvasprintf(gfp_t gfp, const char *fmt, va_list args)
{
	va_list again;
	char *s;
	int len;

	va_copy(again, args);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	s = kmalloc(len + 1, gfp);
	if (s)
		vsnprintf(s, len + 1, fmt, args);
	return s;
}

/**
 * kasprintf - format into a new kmalloc'ed string
 * @flags: allocation flags
 * @fmt: format and arguments
 *
 * Return: the string (kfree() it), or NULL without memory.
 */
char *kasprintf(gfp_t flags, const char *fmt, ...)
{
	va_list args;
	char *s;

	va_start(args, fmt);
	s = kvasprintf(flags, fmt, args);
	va_end(args);
	return s;
}

/**
 * kobject_get_path - @obj's path below /sys, as "/devices/system/node"
 * @obj: an object with a name
 * @gfp: allocation flags
 *
 * The path is of the object's current parents (kobject_del() clears its
 * parent: take it before).
 *
 * Return: the path (kfree() it), or NULL without memory or name.
 */
char *kobject_get_path(const struct kobject *obj, gfp_t gfp)
{
	const struct kobject *k;
	size_t len = 0, n;
	char *path;

	for (k = obj; k; k = k->parent) {
		if (!k->name)
			return NULL;
		len += strlen(k->name) + 1;
	}
	path = kmalloc(len + 1, gfp);
	if (!path)
		return NULL;
	path[len] = '\0';
	for (k = obj; k; k = k->parent) {
		n = strlen(k->name);
		len -= n;
		memcpy(path + len, k->name, n);
		path[--len] = '/';
	}
	return path;
}

/**
 * kobject_init - prepare @obj for kobject_add(); holds one reference
 * @obj: zeroed or fresh object
 * @type: its type; must have a release function
 */
void kobject_init(struct kobject *obj, const struct kobj_type *type)
{
	WARN_ON_ONCE(!type || !type->release);
	memset(obj, 0, sizeof(*obj));
	obj->ktype = type;
	atomic_set(&obj->refcount, 1);
	obj->state_initialized = true;
}

/**
 * kobject_set_name_vargs - set the name from a format
 * @obj: object not yet in sysfs (renaming one in sysfs is not supported)
 * @fmt: format
 * @vargs: its arguments
 *
 * Return: 0, -EINVAL for an empty name or one in sysfs, -ENOMEM.
 */
int kobject_set_name_vargs(struct kobject *obj, const char *fmt,
			   va_list vargs)
{
	char *name;

	if (obj->state_in_sysfs)
		return -EINVAL;
	name = kvasprintf(GFP_KERNEL, fmt, vargs);
	if (!name)
		return -ENOMEM;
	if (!*name) {
		kfree(name);
		return -EINVAL;
	}
	kfree(obj->name);
	obj->name = name;
	return 0;
}

/**
 * kobject_set_name - set the name from a format
 * @obj: object not yet in sysfs
 * @fmt: format and arguments
 *
 * Return: as kobject_set_name_vargs().
 */
int kobject_set_name(struct kobject *obj, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_set_name_vargs(obj, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_get - take a reference
 * @obj: object, or NULL
 *
 * Return: @obj.
 */
struct kobject *kobject_get(struct kobject *obj)
{
	if (obj) {
		WARN_ON_ONCE(!obj->state_initialized);
		atomic_inc(&obj->refcount);
	}
	return obj;
}

static int kobject_add_vargs(struct kobject *obj, struct kobject *parent_obj,
			     const char *fmt, va_list vargs)
{
	int err;

	if (!obj || WARN_ON_ONCE(!obj->state_initialized))
		return -EINVAL;
	if (obj->state_in_sysfs)
		return -EEXIST;
	if (fmt) {
		err = kobject_set_name_vargs(obj, fmt, vargs);
		if (err)
			return err;
	}
	if (!obj->name)
		return -EINVAL;
	obj->parent = kobject_get(parent_obj);
	err = sysfs_create_dir(obj);
	if (err)
		goto put_parent;
	obj->state_in_sysfs = true;
	if (obj->ktype->default_groups) {
		err = sysfs_create_groups(obj, obj->ktype->default_groups);
		if (err)
			goto remove_dir;
	}
	return 0;

remove_dir:
	obj->state_in_sysfs = false;
	sysfs_remove_dir(obj);
put_parent:
	kobject_put(obj->parent);
	obj->parent = NULL;
	return err;
}

/**
 * kobject_add - name @obj and create its directory under @parent_obj
 * @obj: object from kobject_init()
 * @parent_obj: parent object, or NULL for /sys itself
 * @fmt: the name's format and arguments, or NULL to keep the name set
 *
 * The default groups of its type are created with it. On failure the
 * caller still owns its reference and must kobject_put() it.
 *
 * Return: 0, -EEXIST (already added, or a sibling has the name), -EINVAL
 * (no or bad name), -ENOENT (@parent_obj removed meanwhile), -ENOMEM.
 */
int kobject_add(struct kobject *obj, struct kobject *parent_obj,
		const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_add_vargs(obj, parent_obj, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_init_and_add - kobject_init() then kobject_add()
 * @obj: object
 * @type: its type
 * @parent_obj: parent object or NULL
 * @fmt: the name's format and arguments
 *
 * Return: as kobject_add(); on failure kobject_put() @obj.
 */
int kobject_init_and_add(struct kobject *obj, const struct kobj_type *type,
			 struct kobject *parent_obj, const char *fmt, ...)
{
	va_list args;
	int ret;

	kobject_init(obj, type);
	va_start(args, fmt);
	ret = kobject_add_vargs(obj, parent_obj, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_del - take @obj's directory (and all below it) out of sysfs
 * @obj: object, or NULL
 *
 * Waits for show/store calls in flight on its attributes. The object
 * itself stays until its last reference goes.
 */
void kobject_del(struct kobject *obj)
{
	struct kobject *parent_obj;

	if (!obj || !obj->state_in_sysfs)
		return;
	sysfs_remove_dir(obj);
	obj->state_in_sysfs = false;
	parent_obj = obj->parent;
	obj->parent = NULL;
	kobject_put(parent_obj);
}

/**
 * kobject_put - drop a reference; the last one releases the object
 * @obj: object, or NULL
 *
 * The release removes it from sysfs if still there, frees the name and
 * calls its type's release. Task context.
 */
void kobject_put(struct kobject *obj)
{
	const struct kobj_type *type;
	const char *name;

	if (!obj)
		return;
	WARN_ON_ONCE(!obj->state_initialized);
	if (!atomic_dec_and_test(&obj->refcount))
		return;
	kobject_del(obj);
	type = obj->ktype;
	name = obj->name;
	if (type && type->release)
		type->release(obj);
	kfree(name);
}

static void plain_kobj_release(struct kobject *obj)
{
	kfree(obj);
}

static const struct kobj_type plain_kobj_type = {
	.release = plain_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

/**
 * kobject_create_and_add - a plain directory object under @parent_obj
 * @name: its name
 * @parent_obj: parent object, or NULL for /sys
 *
 * Its attributes are struct kobj_attribute. kobject_put() removes it.
 *
 * Return: the object, or NULL on failure.
 */
struct kobject *kobject_create_and_add(const char *name,
				       struct kobject *parent_obj)
{
	struct kobject *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	kobject_init(obj, &plain_kobj_type);
	if (kobject_add(obj, parent_obj, "%s", name)) {
		kobject_put(obj);
		return NULL;
	}
	return obj;
}

static ssize_t kattr_show(struct kobject *obj, struct attribute *attr,
			  char *buf)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute,
						 attr);

	return ka->show ? ka->show(obj, ka, buf) : -EIO;
}

static ssize_t kattr_store(struct kobject *obj, struct attribute *attr,
			   const char *buf, size_t count)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute,
						 attr);

	return ka->store ? ka->store(obj, ka, buf, count) : -EIO;
}

const struct sysfs_ops kobj_sysfs_ops = {
	.show = kattr_show,
	.store = kattr_store,
};

/* /sys/kernel: core_initcall, before debugfs and any subsystem. */
static int __init kernel_kobj_init(void)
{
	struct kobject *k = kobject_create_and_add("kernel", NULL);

	if (!k)
		return -ENOMEM;
	kernel_kobj = k;
	return 0;
}
core_initcall(kernel_kobj_init);
