// SPDX-License-Identifier: GPL-2.0
/*
 * Notifier error injection, the part every chain shares: a table of
 * events becomes /sys/kernel/debug/notifier-error-inject/<chain>/actions/
 * <EVENT>/error, and a callback fails each event with the errno found there.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/sysfs.h>
#include "notifier-error-inject.h"

/* /sys/kernel/debug/notifier-error-inject; made once, never removed. */
static struct dentry *notifier_err_inject_root;

/*
 * The error files. A write takes any decimal (or 0x hex) integer and
 * keeps it within -MAX_ERRNO..0, so "5" reads back as 0 and "-9999" as
 * -4095; text that is no integer is -EINVAL.
 */
static ssize_t inject_error_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(*(int *)data));
}

static ssize_t inject_error_store(void *data, const char *buf, size_t len)
{
	bool negative = buf[0] == '-';
	unsigned long long mag;
	int err, val;

	err = kstrtoull(buf + negative, 0, &mag);
	if (err)
		return err;
	/* What a signed 64-bit integer holds, as with Linux's files. */
	if (mag > (~0ULL >> 1) + negative)
		return -ERANGE;
	if (!negative)
		val = 0;
	else if (mag > MAX_ERRNO)
		val = -MAX_ERRNO;
	else
		val = -(int)mag;
	WRITE_ONCE(*(int *)data, val);
	return len;
}

static const struct debugfs_file_ops inject_error_ops = {
	.show = inject_error_show,
	.store = inject_error_store,
};

/* The chain's callback: the errno set for @val, as a return value. */
static int inject_notifier_call(struct notifier_block *nb, unsigned long val,
				void *data)
{
	struct notifier_err_inject *inj =
		container_of(nb, struct notifier_err_inject, nb);
	struct notifier_err_inject_action *act;
	int err;

	for (act = inj->actions; act->name; act++) {
		if (act->val != val)
			continue;
		err = READ_ONCE(act->error);
		if (!err)
			break;
		pr_info("%s notifier: injected error %d into %s\n", inj->name,
			err, act->name);
		return notifier_from_errno(err);
	}
	return NOTIFY_OK;
}

/**
 * notifier_err_inject_init - make an injector's debugfs files and callback
 * @inj: the injector, with @inj->name and @inj->actions filled in
 * @priority: the priority its block will have on the chain
 *
 * Creates notifier-error-inject/<name>/actions/<EVENT>/error (mode 0600)
 * for each action, all reading 0, and sets up @inj->nb. It does not
 * register @inj->nb: the caller does that on its chain afterwards, and
 * calls notifier_err_inject_remove() if that fails.
 *
 * Return: 0; -ENODEV when debugfs or the top directory is missing,
 * -EEXIST when @inj->name is taken, or debugfs's errno, with nothing
 * left behind.
 */
int notifier_err_inject_init(struct notifier_err_inject *inj, int priority)
{
	struct notifier_err_inject_action *act;
	struct dentry *actions, *d, *f;

	if (IS_ERR_OR_NULL(notifier_err_inject_root))
		return -ENODEV;
	inj->nb.notifier_call = inject_notifier_call;
	inj->nb.priority = priority;
	d = debugfs_create_dir(inj->name, notifier_err_inject_root);
	if (IS_ERR(d))
		return PTR_ERR(d);
	inj->dir = d;
	actions = debugfs_create_dir("actions", inj->dir);
	if (IS_ERR(actions))
		goto out_remove;
	for (act = inj->actions; act->name; act++) {
		act->error = 0;
		d = debugfs_create_dir(act->name, actions);
		if (IS_ERR(d)) {
			actions = d;
			goto out_remove;
		}
		f = debugfs_create_file("error", 0600, d, &act->error,
					&inject_error_ops);
		if (IS_ERR(f)) {
			actions = f;
			goto out_remove;
		}
	}
	return 0;

out_remove:
	debugfs_remove(inj->dir);
	inj->dir = NULL;
	return PTR_ERR(actions);
}

/**
 * notifier_err_inject_remove - take an injector's debugfs files away
 * @inj: an injector set up by notifier_err_inject_init()
 *
 * Waits for reads and writes of its files in flight. The caller has
 * unregistered @inj->nb first (or never registered it).
 */
void notifier_err_inject_remove(struct notifier_err_inject *inj)
{
	debugfs_remove(inj->dir);
	inj->dir = NULL;
}

/* fs_initcall: after debugfs (core_initcall), before the injectors. */
static int __init notifier_err_inject_setup(void)
{
	struct dentry *d = debugfs_create_dir("notifier-error-inject", NULL);

	if (IS_ERR(d)) {
		pr_err("notifier-error-inject: no debugfs directory: %ld\n",
		       PTR_ERR(d));
		return PTR_ERR(d);
	}
	notifier_err_inject_root = d;
	return 0;
}
fs_initcall(notifier_err_inject_setup);
