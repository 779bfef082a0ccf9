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
 * @gfp: allocation flags
 * @fmt: format and arguments
 *
 * Return: the string (kfree() it), or NULL without memory.
 */
char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list args;
	char *s;

	va_start(args, fmt);
	s = kvasprintf(gfp, fmt, args);
	va_end(args);
	return s;
}

/**
 * kobject_init - prepare @kobj for kobject_add(); holds one reference
 * @kobj: zeroed or fresh object
 * @ktype: its type; must have a release function
 */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	WARN_ON_ONCE(!ktype || !ktype->release);
	memset(kobj, 0, sizeof(*kobj));
	kobj->ktype = ktype;
	kobj->refcount = 1;
	kobj->state_initialized = true;
}

/**
 * kobject_set_name_vargs - set the name from a format
 * @kobj: object not yet in sysfs (renaming one in sysfs is not supported)
 * @fmt: format
 * @vargs: its arguments
 *
 * Return: 0, -EINVAL for an empty name or one in sysfs, -ENOMEM.
 */
int kobject_set_name_vargs(struct kobject *kobj, const char *fmt,
			   va_list vargs)
{
	char *name;

	if (kobj->state_in_sysfs)
		return -EINVAL;
	name = kvasprintf(GFP_KERNEL, fmt, vargs);
	if (!name)
		return -ENOMEM;
	if (!*name) {
		kfree(name);
		return -EINVAL;
	}
	kfree(kobj->name);
	kobj->name = name;
	return 0;
}

/**
 * kobject_set_name - set the name from a format
 * @kobj: object not yet in sysfs
 * @fmt: format and arguments
 *
 * Return: as kobject_set_name_vargs().
 */
int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_set_name_vargs(kobj, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_get - take a reference
 * @kobj: object, or NULL
 *
 * Return: @kobj.
 */
struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj) {
		WARN_ON_ONCE(!kobj->state_initialized);
		__atomic_add_fetch(&kobj->refcount, 1, __ATOMIC_RELAXED);
	}
	return kobj;
}

static int kobject_add_vargs(struct kobject *kobj, struct kobject *parent,
			     const char *fmt, va_list vargs)
{
	int err;

	if (!kobj || WARN_ON_ONCE(!kobj->state_initialized))
		return -EINVAL;
	if (kobj->state_in_sysfs)
		return -EEXIST;
	if (fmt) {
		err = kobject_set_name_vargs(kobj, fmt, vargs);
		if (err)
			return err;
	}
	if (!kobj->name)
		return -EINVAL;
	kobj->parent = kobject_get(parent);
	err = sysfs_create_dir(kobj);
	if (err)
		goto put_parent;
	kobj->state_in_sysfs = true;
	if (kobj->ktype->default_groups) {
		err = sysfs_create_groups(kobj, kobj->ktype->default_groups);
		if (err)
			goto remove_dir;
	}
	return 0;

remove_dir:
	kobj->state_in_sysfs = false;
	sysfs_remove_dir(kobj);
put_parent:
	kobject_put(kobj->parent);
	kobj->parent = NULL;
	return err;
}

/**
 * kobject_add - name @kobj and create its directory under @parent
 * @kobj: object from kobject_init()
 * @parent: parent object, or NULL for /sys itself
 * @fmt: the name's format and arguments, or NULL to keep the name set
 *
 * The default groups of its type are created with it. On failure the
 * caller still owns its reference and must kobject_put() it.
 *
 * Return: 0, -EEXIST (already added, or a sibling has the name), -EINVAL
 * (no or bad name), -ENOENT (@parent removed meanwhile), -ENOMEM.
 */
int kobject_add(struct kobject *kobj, struct kobject *parent,
		const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_add_vargs(kobj, parent, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_init_and_add - kobject_init() then kobject_add()
 * @kobj: object
 * @ktype: its type
 * @parent: parent object or NULL
 * @fmt: the name's format and arguments
 *
 * Return: as kobject_add(); on failure kobject_put() @kobj.
 */
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int ret;

	kobject_init(kobj, ktype);
	va_start(args, fmt);
	ret = kobject_add_vargs(kobj, parent, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_del - take @kobj's directory (and all below it) out of sysfs
 * @kobj: object, or NULL
 *
 * Waits for show/store calls in flight on its attributes. The object
 * itself stays until its last reference goes.
 */
void kobject_del(struct kobject *kobj)
{
	struct kobject *parent;

	if (!kobj || !kobj->state_in_sysfs)
		return;
	sysfs_remove_dir(kobj);
	kobj->state_in_sysfs = false;
	parent = kobj->parent;
	kobj->parent = NULL;
	kobject_put(parent);
}

/**
 * kobject_put - drop a reference; the last one releases the object
 * @kobj: object, or NULL
 *
 * The release removes it from sysfs if still there, frees the name and
 * calls its type's release. Task context.
 */
void kobject_put(struct kobject *kobj)
{
	const struct kobj_type *ktype;
	const char *name;

	if (!kobj)
		return;
	WARN_ON_ONCE(!kobj->state_initialized);
	if (__atomic_sub_fetch(&kobj->refcount, 1, __ATOMIC_ACQ_REL))
		return;
	kobject_del(kobj);
	ktype = kobj->ktype;
	name = kobj->name;
	if (ktype && ktype->release)
		ktype->release(kobj);
	kfree(name);
}

static void dynamic_kobj_release(struct kobject *kobj)
{
	kfree(kobj);
}

static const struct kobj_type dynamic_kobj_ktype = {
	.release = dynamic_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

/**
 * kobject_create_and_add - a plain directory object under @parent
 * @name: its name
 * @parent: parent object, or NULL for /sys
 *
 * Its attributes are struct kobj_attribute. kobject_put() removes it.
 *
 * Return: the object, or NULL on failure.
 */
struct kobject *kobject_create_and_add(const char *name,
				       struct kobject *parent)
{
	struct kobject *kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);

	if (!kobj)
		return NULL;
	kobject_init(kobj, &dynamic_kobj_ktype);
	if (kobject_add(kobj, parent, "%s", name)) {
		kobject_put(kobj);
		return NULL;
	}
	return kobj;
}

static ssize_t kobj_attr_show(struct kobject *kobj, struct attribute *attr,
			      char *buf)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute,
						 attr);

	return ka->show ? ka->show(kobj, ka, buf) : -EIO;
}

static ssize_t kobj_attr_store(struct kobject *kobj, struct attribute *attr,
			       const char *buf, size_t count)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute,
						 attr);

	return ka->store ? ka->store(kobj, ka, buf, count) : -EIO;
}

const struct sysfs_ops kobj_sysfs_ops = {
	.show = kobj_attr_show,
	.store = kobj_attr_store,
};

/* /sys/kernel: core_initcall, before debugfs and any subsystem. */
static int __init ksysfs_init(void)
{
	kernel_kobj = kobject_create_and_add("kernel", NULL);
	return kernel_kobj ? 0 : -ENOMEM;
}
core_initcall(ksysfs_init);
