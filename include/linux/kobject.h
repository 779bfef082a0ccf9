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
struct kobj_uevent_env;

/*
 * What happened to a kobject, as a uevent's ACTION says it. The values
 * and names are Linux's: user space writes the names to uevent files.
 */
enum kobject_action {
	KOBJ_ADD,		/* "add" */
	KOBJ_REMOVE,		/* "remove" */
	KOBJ_CHANGE,		/* "change" */
	KOBJ_MOVE,		/* "move" */
	KOBJ_ONLINE,		/* "online" */
	KOBJ_OFFLINE,		/* "offline" */
	KOBJ_BIND,		/* "bind" */
	KOBJ_UNBIND,		/* "unbind" */
	KOBJ_MAX
};

/* Sizes Linux gives user space: variables, their bytes, the helper. */
#define UEVENT_NUM_ENVP		64	/* NAME=VALUE strings, at most */
#define UEVENT_BUFFER_SIZE	2048	/* their bytes with the NULs */
#define UEVENT_HELPER_PATH_LEN	256	/* the helper's path with its NUL */

/**
 * struct kobj_uevent_env - the variables of one uevent, being built
 * @argv: the uevent helper's arguments (path, subsystem, NULL)
 * @envp: pointers into @buf, one per variable, in the order added
 * @envp_idx: how many @envp holds
 * @buf: the variables, each NUL-terminated, back to back
 * @buflen: the bytes of @buf in use
 *
 * Filled with add_uevent_var(); large (2.5 KiB): kmalloc it.
 */
struct kobj_uevent_env {
	char *argv[3];
	char *envp[UEVENT_NUM_ENVP];
	int envp_idx;
	char buf[UEVENT_BUFFER_SIZE];
	int buflen;
};

/**
 * struct kobj_uevent_ops - how a family of kobjects sends uevents
 * @filter: false for an object that sends none (and whose uevent file
 *          reads empty); NULL: all do
 * @name: the SUBSYSTEM value; NULL or a NULL return: no event
 * @uevent: adds the type's own variables (after ACTION, DEVPATH,
 *          SUBSYSTEM and the caller's); returns 0 or -errno
 *
 * Linux hangs these on a kset; Tide has no ksets and hangs them on the
 * kobj_type (kobj_type.uevent_ops).
 */
struct kobj_uevent_ops {
	bool (*filter)(const struct kobject *kobj);
	const char *(*name)(const struct kobject *kobj);
	int (*uevent)(const struct kobject *kobj, struct kobj_uevent_env *env);
};

/**
 * struct kobj_type - what a family of kobjects has in common
 * @release: frees the object when the last reference goes; required
 * @sysfs_ops: turns its attributes into text and back
 * @default_groups: attributes created with the directory, or NULL
 * @uevent_ops: how its objects send uevents; NULL: they send none
 */
struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups;
	const struct kobj_uevent_ops *uevent_ops;
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
char *kobject_get_path(const struct kobject *obj, gfp_t gfp);

/* lib/kobject_uevent.c */
int kobject_uevent(struct kobject *obj, enum kobject_action action);
int kobject_uevent_env(struct kobject *obj, enum kobject_action action,
		       char *extra[]);
int kobject_synth_uevent(struct kobject *obj, const char *buf,
			 size_t count);
int add_uevent_var(struct kobj_uevent_env *env, const char *fmt, ...)
	__printf(2, 3);
u64 uevent_seqnum_read(void);
size_t uevent_helper_get(char *buf, size_t size);
void uevent_helper_set(const char *path, size_t len);

#endif /* _LINUX_KOBJECT_H */
