// SPDX-License-Identifier: GPL-2.0
/*
 * exec_glibc: a real glibc program (tools/testing/exec/exec_probe.c),
 * static and static-pie, is written to tmpfs and run through
 * kernel_execve() in a process of its own. glibc's start-up reads the
 * auxiliary vector, sets up TLS from AT_PHDR, takes its canary from
 * AT_RANDOM and uses brk and mmap; the program checks argv, envp and
 * the auxiliary values and exits 42 when all is as on Linux.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <kunit/test.h>

extern const char exec_probe_static[], exec_probe_static_end[];
extern const char exec_probe_spie[], exec_probe_spie_end[];

struct glibc_run {
	const char *path;
	int ret;		/* kernel_execve()'s */
	struct task_struct *task;
};

static int glibc_run_fn(void *data)
{
	static const char *const envp[] = { "HOME=/", "TERM=vt100", NULL };
	struct glibc_run *run = data;
	const char *argv[] = { run->path, "one", "two", NULL };

	get_task_struct(current);	/* put by glibc_run() */
	run->task = current;
	run->ret = kernel_execve(run->path, argv, envp);
	return run->ret ? 1 : 0;
}

/* Write the program to @path and run it; its exit status, or -1. */
static long glibc_run(struct kunit *test, const char *path,
		      const char *start, const char *end)
{
	struct glibc_run run = { .path = path };
	struct file *f;
	loff_t pos = 0;
	long status;
	int ms;

	init_mkdir("/tmp", 0755);
	f = filp_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0755);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, start, end - start, &pos),
			(ssize_t)(end - start));
	fput(f);

	KUNIT_ASSERT_GT(test, user_process_spawn(glibc_run_fn, &run,
						 "exec_glibc"), 0);
	for (ms = 0; ms < 10000; ms++) {
		if (run.task && task_state(run.task) == TASK_DEAD)
			break;
		msleep(1);
	}
	KUNIT_ASSERT_NOT_NULL(test, run.task);
	KUNIT_ASSERT_EQ(test, task_state(run.task), (long)TASK_DEAD);
	KUNIT_EXPECT_EQ(test, run.ret, 0);
	/* Killed by a signal: the low bits of exit_code say which. */
	KUNIT_EXPECT_EQ(test, run.task->exit_code & 0x7f, 0);
	status = run.ret ? -1 : run.task->exit_arg;
	put_task_struct(run.task);
	return status;
}

static void exec_glibc_static(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, glibc_run(test, "/tmp/exec_probe-static",
					exec_probe_static,
					exec_probe_static_end), 42L);
}

static void exec_glibc_static_pie(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, glibc_run(test, "/tmp/exec_probe-static-pie",
					exec_probe_spie,
					exec_probe_spie_end), 42L);
}

static struct kunit_case exec_glibc_cases[] = {
	KUNIT_CASE(exec_glibc_static),
	KUNIT_CASE(exec_glibc_static_pie),
	{}
};

static struct kunit_suite exec_glibc_suite = {
	.name = "exec_glibc",
	.test_cases = exec_glibc_cases,
};
kunit_test_suite(exec_glibc_suite);
