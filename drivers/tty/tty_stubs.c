// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY, for the lead to delete: weak stand-ins for the VFS and
 * signal calls the tty uses, so that the tty links and its tests run
 * before the vfs and proc branches land. Their real definitions (fs/,
 * kernel/signal.c) override these; once both are merged this file and
 * its Makefile line go.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched/signal.h>
#include "tty.h"

int __weak chrdev_add(dev_t dev, const char *name, umode_t mode,
		      const struct file_operations *f_ops)
{
	return 0;
}

int __weak kill_pgrp(int pgrp, int sig)
{
	return 0;
}

bool __weak signal_pending(struct task_struct *p)
{
	return false;
}

bool __weak is_current_pgrp_orphaned(void)
{
	return false;
}

bool __weak sig_ignored_or_blocked(int sig)
{
	return false;
}

#if !__has_include("linux/poll.h")
void __weak poll_wait(struct file *file, wait_queue_head_t *wq,
		      struct poll_table_struct *table)
{
}
#endif
