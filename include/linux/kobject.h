/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel objects: reference-counted things with a name and a parent that
 * show up as directories under /sys (lib/kobject.c).
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/sysfs.h>

struct kobject;
struct kernfs_node;

/**
 * struct kobj_type - what a family of kobjects has in common
 * @release: frees the object when the last reference goes; required
 * @sysfs_ops: turns its attributes into text and back
 * @default_groups: attributes created with the directory, or NULL
 */
struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups;
};

/**
 * struct kobject - a node of the object tree, shown as a sysfs directory
 * @name: set by kobject_add() or kobject_set_name(); kmalloc'ed
 * @parent: the directory it sits in (a reference is held), NULL for /sys
 * @ktype: its type
 * @sd: its sysfs directory while it is in sysfs
 * @refcount: references; the last kobject_put() calls @ktype->release
 *
 * A kobject is embedded in the structure it describes; kobject_put() is
 * the only way to free it once kobject_init() ran.
 */
struct kobject {
	const char *name;
	struct kobject *parent;
	const struct kobj_type *ktype;
	struct kernfs_node *sd;
	atomic_t refcount;
	bool state_initialized;
	bool state_in_sysfs;
};

/* An attribute of a plain kobject (kobject_create_and_add()). */
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *obj, struct kobj_attribute *attr,
			char *buf);
	ssize_t (*store)(struct kobject *obj, struct kobj_attribute *attr,
			 const char *buf, size_t count);
};

extern const struct sysfs_ops kobj_sysfs_ops;
/* /sys/kernel, the parent of /sys/kernel/debug */
extern struct kobject *kernel_kobj;

static inline const char *kobject_name(const struct kobject *obj)
{
	return obj->name;
}

void kobject_init(struct kobject *obj, const struct kobj_type *type);
int kobject_set_name(struct kobject *obj, const char *fmt, ...) __printf(2, 3);
int kobject_set_name_vargs(struct kobject *obj, const char *fmt,
			   va_list vargs);
int kobject_add(struct kobject *obj, struct kobject *parent_obj,
		const char *fmt, ...) __printf(3, 4);
int kobject_init_and_add(struct kobject *obj, const struct kobj_type *type,
			 struct kobject *parent_obj, const char *fmt, ...)
	__printf(4, 5);
void kobject_del(struct kobject *obj);
struct kobject *kobject_get(struct kobject *obj);
void kobject_put(struct kobject *obj);
struct kobject *kobject_create_and_add(const char *name,
				       struct kobject *parent_obj);
char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);
char *kasprintf(gfp_t gfp, const char *fmt, ...) __printf(2, 3);

#endif /* _LINUX_KOBJECT_H */
