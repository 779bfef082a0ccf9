// SPDX-License-Identifier: GPL-2.0
/*
 * Boot option parsing. The command line is split on spaces (double quotes
 * group), each word is "name" or "name=value", and the handler registered
 * with early_param() for that name runs. Unknown and malformed options
 * are reported and otherwise ignored, so a typo never stops a boot.
 *
 * Also the parameters of built-in modules in sysfs: kparam_register()
 * makes /sys/module/MOD/parameters/NAME for each struct kparam of MOD,
 * read and written through its kparam_ops, and the standard ops for
 * unsigned int and bool parameters.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

char boot_command_line[CONFIG_CMDLINE_SIZE];

/* Options handled elsewhere (by the test runner or later issues). */
static const char *const quiet_unknown[] = { "BOOT_IMAGE", NULL };

static bool name_matches(const char *opt, const char *name)
{
	/* Linux treats '-' and '_' in option names alike. */
	for (; *opt && *name; opt++, name++) {
		char a = *opt == '-' ? '_' : *opt;
		char b = *name == '-' ? '_' : *name;

		if (a != b)
			return false;
	}
	return !*opt && !*name;
}

static char *next_word(char *p, char **name, char **val)
{
	bool quoted = false;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (!*p)
		return NULL;
	*name = p;
	*val = NULL;
	for (; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && (*p == ' ' || *p == '\t' || *p == '\n'))
			break;
		if (*p == '=' && !*val) {
			*p = '\0';
			*val = p + 1;
		}
	}
	if (*p)
		*p++ = '\0';
	if (*val && **val == '"') {
		size_t n = strlen(*val);

		(*val)++;
		if (n >= 2 && (*val)[n - 2] == '"')
			(*val)[n - 2] = '\0';
	}
	return p;
}

/**
 * parse_boot_params - run the handlers in [@start, @end) over @cmdline
 * @cmdline: modified in place (words are terminated)
 *
 * Return: the number of words that were unknown or rejected.
 */
int parse_boot_params(char *cmdline, const struct obs_kernel_param *start,
		      const struct obs_kernel_param *end)
{
	const struct obs_kernel_param *p;
	char *name, *val;
	int bad = 0;

	while ((cmdline = next_word(cmdline, &name, &val))) {
		bool known = false;
		size_t i;

		for (p = start; p < end; p++) {
			if (!name_matches(name, p->name))
				continue;
			known = true;
			if (p->setup(val)) {
				pr_warn("Malformed boot option '%s%s%s', ignored\n",
					name, val ? "=" : "", val ? val : "");
				bad++;
			}
		}
		for (i = 0; !known && quiet_unknown[i]; i++)
			known = !strcmp(name, quiet_unknown[i]);
		if (!known) {
			pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n",
				name, val ? "=" : "", val ? val : "");
			bad++;
		}
	}
	return bad;
}

/**
 * parse_early_params - apply boot_command_line
 *
 * Works on a copy, so boot_command_line stays intact for printing.
 */
void parse_early_params(void)
{
	static char tmp[CONFIG_CMDLINE_SIZE];

	strscpy(tmp, boot_command_line, sizeof(tmp));
	parse_boot_params(tmp, __setup_start, __setup_end);
}

/* ---- parameters of built-in modules ---- */

/**
 * kparam_set_uint - parse an unsigned int parameter
 * @val: decimal, 0x hex or 0 octal, one trailing newline allowed
 * @p: @p->arg is an unsigned int
 *
 * Return: 0; -EINVAL for text that is not such a number (a sign other
 * than '+', spaces, nothing, NULL); -ERANGE above UINT_MAX.
 */
int kparam_set_uint(const char *val, const struct kparam *p)
{
	unsigned long long v;
	int ret;

	if (!val)
		return -EINVAL;
	ret = kstrtoull(val, 0, &v);
	if (ret)
		return ret;
	if (v > UINT_MAX)
		return -ERANGE;
	WRITE_ONCE(*(unsigned int *)p->arg, v);
	return 0;
}

/**
 * kparam_get_uint - print an unsigned int parameter in decimal
 * Return: the length printed.
 */
int kparam_get_uint(char *buf, const struct kparam *p)
{
	return scnprintf(buf, KPARAM_BUF_SIZE, "%u\n",
			 READ_ONCE(*(unsigned int *)p->arg));
}

/**
 * kparam_set_bool - parse a bool parameter with kstrtobool()
 * @val: NULL (a bare boot option) means true
 * @p: @p->arg is a bool
 *
 * Return: 0, or -EINVAL when kstrtobool() finds no answer.
 */
int kparam_set_bool(const char *val, const struct kparam *p)
{
	bool v;
	int ret;

	ret = kstrtobool(val ? val : "Y", &v);
	if (ret)
		return ret;
	WRITE_ONCE(*(bool *)p->arg, v);
	return 0;
}

/**
 * kparam_get_bool - print a bool parameter as Y or N
 * Return: the length printed.
 */
int kparam_get_bool(char *buf, const struct kparam *p)
{
	return scnprintf(buf, KPARAM_BUF_SIZE, "%c\n",
			 READ_ONCE(*(bool *)p->arg) ? 'Y' : 'N');
}

const struct kparam_ops kparam_uint_ops = {
	.set = kparam_set_uint,
	.get = kparam_get_uint,
};

const struct kparam_ops kparam_bool_ops = {
	.set = kparam_set_bool,
	.get = kparam_get_bool,
};

/*
 * Serialises every set() and get() made through sysfs or
 * kparam_set_locked(), so a reader never sees a value half way through
 * a set() that changes more than one variable. Code that only reads one
 * parameter variable reads it with READ_ONCE() and does not take it.
 * Also protects module_kobj and kparam_modules (written by register and
 * unregister). Never held while files are removed: removal waits for the
 * show() and store() calls in flight, which take it.
 */
static DEFINE_MUTEX(kparam_lock);

/* /sys/module; created by the first kparam_register(). */
static struct kobject *module_kobj;

/* A parameter's file: the attribute sysfs calls us with, and its kparam. */
struct kparam_attr {
	struct kobj_attribute kattr;
	const struct kparam *param;
};

/* A registered module: its directory, the parameters group and files. */
struct kparam_module {
	struct list_head node;		/* in kparam_modules */
	struct kobject *kobj;		/* /sys/module/NAME */
	struct attribute_group grp;	/* parameters/ */
	struct attribute **list;	/* grp.attrs */
	struct kparam_attr *attrs;
};

static LIST_HEAD(kparam_modules);

static const struct kparam *kparam_of(struct kobj_attribute *kattr)
{
	return container_of(kattr, struct kparam_attr, kattr)->param;
}

static ssize_t kparam_show(struct kobject *kobj, struct kobj_attribute *kattr,
			   char *buf)
{
	const struct kparam *p = kparam_of(kattr);
	int len;

	if (!p->ops->get)
		return -EPERM;
	mutex_lock(&kparam_lock);
	len = p->ops->get(buf, p);
	mutex_unlock(&kparam_lock);
	return len;
}

/**
 * kparam_set_locked - set @p from @val under the parameters' lock
 * @p: a parameter
 * @val: its new value, as written to its sysfs file
 *
 * Return: @p->ops->set()'s 0 or -errno; -EPERM if @p has no set().
 */
int kparam_set_locked(const struct kparam *p, const char *val)
{
	int ret;

	if (!p->ops->set)
		return -EPERM;
	mutex_lock(&kparam_lock);
	ret = p->ops->set(val, p);
	mutex_unlock(&kparam_lock);
	return ret;
}

static ssize_t kparam_store(struct kobject *kobj, struct kobj_attribute *kattr,
			    const char *buf, size_t len)
{
	int ret = kparam_set_locked(kparam_of(kattr), buf);

	return ret ? ret : len;
}

/* kparam_lock held. The registered module called @name, or NULL. */
static struct kparam_module *kparam_find(const char *name)
{
	struct kparam_module *m;

	list_for_each_entry(m, &kparam_modules, node)
		if (!strcmp(kobject_name(m->kobj), name))
			return m;
	return NULL;
}

static void kparam_module_free(struct kparam_module *m)
{
	kfree(m->list);
	kfree(m->attrs);
	kfree(m);
}

/* The files of @params that have a mode, in a new kparam_module. */
static struct kparam_module *kparam_module_alloc(const struct kparam *params,
						 unsigned int n)
{
	struct kparam_module *m = kzalloc(sizeof(*m), GFP_KERNEL);
	unsigned int i, used = 0;

	if (!m)
		return NULL;
	m->attrs = kcalloc(n, sizeof(*m->attrs), GFP_KERNEL);
	m->list = kcalloc(n + 1, sizeof(*m->list), GFP_KERNEL);
	if (!m->attrs || !m->list) {
		kparam_module_free(m);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		struct kparam_attr *a = &m->attrs[used];

		if (!params[i].mode)
			continue;
		a->param = &params[i];
		a->kattr.attr.name = params[i].name;
		a->kattr.attr.mode = params[i].mode;
		a->kattr.show = kparam_show;
		if (params[i].mode & 0222)
			a->kattr.store = kparam_store;
		m->list[used++] = &a->kattr.attr;
	}
	m->grp.name = "parameters";
	m->grp.attrs = m->list;
	return m;
}

/**
 * kparam_register - show a built-in module's parameters in sysfs
 * @module: the directory name under /sys/module
 * @params: @n parameters; they and what they point at stay until
 *          kparam_unregister(), or for good
 * @n: how many
 *
 * Creates /sys/module/@module/parameters/ with one file per parameter of
 * non-zero mode. Reading a file prints the value with ops->get(); writing
 * one calls ops->set() with what was written (newline included) and
 * returns its errno, or the count written. Sleeps; from an initcall.
 *
 * Return: 0; -EEXIST if @module is registered already; -ENOMEM; a sysfs
 * errno (-EEXIST if two parameters share a name). On failure nothing of
 * @module is left.
 */
int kparam_register(const char *module, const struct kparam *params,
		    unsigned int n)
{
	struct kparam_module *m = kparam_module_alloc(params, n);
	int ret = -ENOMEM;

	if (!m)
		return -ENOMEM;
	mutex_lock(&kparam_lock);
	if (kparam_find(module)) {
		ret = -EEXIST;
		goto unlock;
	}
	if (!module_kobj)
		module_kobj = kobject_create_and_add("module", NULL);
	if (!module_kobj)
		goto unlock;
	m->kobj = kobject_create_and_add(module, module_kobj);
	if (!m->kobj)
		goto unlock;
	/* Listed before its files exist: a second register sees it. */
	list_add_tail(&m->node, &kparam_modules);
	mutex_unlock(&kparam_lock);

	ret = sysfs_create_group(m->kobj, &m->grp);
	if (!ret)
		return 0;
	mutex_lock(&kparam_lock);
	list_del(&m->node);
	mutex_unlock(&kparam_lock);
	kobject_put(m->kobj);
	kparam_module_free(m);
	return ret;

unlock:
	mutex_unlock(&kparam_lock);
	kparam_module_free(m);
	return ret;
}

/**
 * kparam_unregister - remove what kparam_register() made for @module
 * @module: its name
 *
 * Waits for reads and writes of its files in flight; none starts after.
 * The parameters' variables are left as they are. Sleeps.
 *
 * Return: 0, or -ENOENT if @module is not registered.
 */
int kparam_unregister(const char *module)
{
	struct kparam_module *m;

	mutex_lock(&kparam_lock);
	m = kparam_find(module);
	if (m)
		list_del(&m->node);
	mutex_unlock(&kparam_lock);
	if (!m)
		return -ENOENT;
	sysfs_remove_group(m->kobj, &m->grp);
	kobject_put(m->kobj);
	kparam_module_free(m);
	return 0;
}
