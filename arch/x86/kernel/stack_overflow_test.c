// SPDX-License-Identifier: GPL-2.0
/*
 * A test trigger, built only with CONFIG_KUNIT: tide.test_stack_overflow=
 * "boot" or "thread" makes a late initcall recurse without bound on the
 * boot task's stack (in .bss) or on a new kernel thread's (vmalloc'ed),
 * so that `make check` sees the double fault handler report a kernel
 * stack overflow and panic instead of the machine resetting.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/string.h>

enum { OVERFLOW_OFF, OVERFLOW_BOOT, OVERFLOW_THREAD };

static int overflow_where;
/* Never reached; read each call, so the compiler cannot see the end. */
static unsigned long overflow_limit = ~0UL;

static int __init overflow_setup(char *val)
{
	if (val && !strcmp(val, "boot"))
		overflow_where = OVERFLOW_BOOT;
	else if (val && !strcmp(val, "thread"))
		overflow_where = OVERFLOW_THREAD;
	else
		return -EINVAL;
	return 0;
}
early_param("tide.test_stack_overflow", overflow_setup);

/* 512 bytes a level: a 16 KiB stack lasts some 30 levels. */
static noinline unsigned long overflow_recurse(unsigned long depth)
{
	char frame[512];

	memset(frame, depth, sizeof(frame));
	/* The frame must exist: the compiler may not drop or shrink it. */
	__asm__ __volatile__("" : : "r"(frame) : "memory");
	if (depth >= READ_ONCE(overflow_limit))
		return 0;
	return overflow_recurse(depth + 1) + frame[0] + frame[sizeof(frame) - 1];
}

static int overflow_thread(void *data)
{
	return overflow_recurse(0);
}

static int __init overflow_trigger(void)
{
	struct task_struct *t;

	switch (overflow_where) {
	case OVERFLOW_BOOT:
		pr_notice("test: overflowing the boot task's stack\n");
		return overflow_recurse(0);
	case OVERFLOW_THREAD:
		pr_notice("test: overflowing a kernel thread's stack\n");
		t = kthread_run(overflow_thread, NULL, "stack_overflow");
		if (IS_ERR(t))
			return PTR_ERR(t);
		/* The thread overflows on some CPU; this one waits for it. */
		for (;;)
			msleep(1000);
	}
	return 0;
}
late_initcall(overflow_trigger);
