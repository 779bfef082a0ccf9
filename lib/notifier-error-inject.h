/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Notifier error injection: a callback for one notifier chain that fails
 * chosen events with an errno set in debugfs, to exercise the callers'
 * unwinding (lib/notifier-error-inject.c).
 */
#ifndef _LIB_NOTIFIER_ERROR_INJECT_H
#define _LIB_NOTIFIER_ERROR_INJECT_H

#include <linux/debugfs.h>
#include <linux/notifier.h>

/**
 * struct notifier_err_inject_action - one event the injector can fail
 * @name: the event's name, e.g. "MEM_GOING_ONLINE": its debugfs directory
 * @val: the event, as the chain's callbacks get it
 * @error: 0, or the negative errno every such event is failed with;
 *	read and written through actions/<@name>/error
 */
struct notifier_err_inject_action {
	const char *name;
	unsigned long val;
	int error;
};

/* A table entry for event macro @ev, named as the macro is spelled. */
#define NOTIFIER_ERR_INJECT_ACTION(ev)	{ .name = #ev, .val = (ev) }

/**
 * struct notifier_err_inject - an injector for one chain
 * @nb: the block to register on the chain, once set up
 * @name: the chain's name: the directory under notifier-error-inject
 * @actions: the events it can fail, ended by an entry with a NULL name
 * @dir: its debugfs directory, set by notifier_err_inject_init()
 */
struct notifier_err_inject {
	struct notifier_block nb;
	const char *name;
	struct notifier_err_inject_action *actions;
	struct dentry *dir;
};

int notifier_err_inject_init(struct notifier_err_inject *inj, int priority);
void notifier_err_inject_remove(struct notifier_err_inject *inj);

#endif /* _LIB_NOTIFIER_ERROR_INJECT_H */
