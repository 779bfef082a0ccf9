// SPDX-License-Identifier: GPL-2.0
/*
 * Memory notifier error injection: MEM_GOING_ONLINE and MEM_GOING_OFFLINE
 * fail with the errno written to /sys/kernel/debug/notifier-error-inject/
 * memory/actions/<EVENT>/error, so that online and offline unwind.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memory.h>
#include "notifier-error-inject.h"

static struct notifier_err_inject_action memory_inject_actions[] = {
	NOTIFIER_ERR_INJECT_ACTION(MEM_GOING_ONLINE),
	NOTIFIER_ERR_INJECT_ACTION(MEM_GOING_OFFLINE),
	{ }
};

static struct notifier_err_inject memory_inject = {
	.name = "memory",
	.actions = memory_inject_actions,
};

/*
 * device_initcall, after the top directory (fs_initcall). The injector
 * runs at MEMORY_INJECT_PRI, after the default-priority callbacks, so
 * that its veto makes them see the cancel event.
 */
static int __init memory_notifier_err_inject_init(void)
{
	int err;

	err = notifier_err_inject_init(&memory_inject, MEMORY_INJECT_PRI);
	if (err)
		goto out_err;
	err = register_memory_notifier(&memory_inject.nb);
	if (err) {
		notifier_err_inject_remove(&memory_inject);
		goto out_err;
	}
	return 0;

out_err:
	pr_err("memory notifier error injection: not set up: %d\n", err);
	return err;
}
device_initcall(memory_notifier_err_inject_init);
