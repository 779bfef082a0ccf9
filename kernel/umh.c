// SPDX-License-Identifier: GPL-2.0
/*
 * call_usermodehelper(): run a user program from the kernel, as a new
 * process of its own (the uevent helper of lib/kobject_uevent.c).
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/binfmts.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched/task.h>
#include <linux/umh.h>

/*
 * One run: its own copy of the path, arguments and environment, so that
 * the caller's may go as soon as call_usermodehelper() returns. With
 * @waiter the caller frees it after @done; without, the new process does.
 */
struct umh_run {
	struct completion done;
	bool waiter;
	int result;			/* kernel_execve()'s */
	const char *path;
	const char **argv;
	const char **envp;
	char strings[];
};

static size_t umh_vec_bytes(char **vec, int *count)
{
	size_t bytes = 0;
	int n = 0;

	for (; vec && vec[n]; n++)
		bytes += strlen(vec[n]) + 1;
	*count = n;
	return bytes;
}

/* Copy @vec's @n strings to @at, pointers to @out; return the end. */
static char *umh_vec_copy(const char **out, char **vec, int n, char *at)
{
	int i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(vec[i]) + 1;

		memcpy(at, vec[i], len);
		out[i] = at;
		at += len;
	}
	out[n] = NULL;
	return at;
}

static struct umh_run *umh_run_alloc(const char *path, char **argv,
				     char **envp)
{
	size_t plen = strlen(path) + 1, bytes;
	int argc, envc;
	struct umh_run *run;
	char *at;

	bytes = plen + umh_vec_bytes(argv, &argc) + umh_vec_bytes(envp, &envc);
	run = kzalloc(sizeof(*run) + bytes, GFP_KERNEL);
	if (!run)
		return NULL;
	run->argv = kcalloc(argc + envc + 2, sizeof(char *), GFP_KERNEL);
	if (!run->argv) {
		kfree(run);
		return NULL;
	}
	run->envp = run->argv + argc + 1;
	memcpy(run->strings, path, plen);
	run->path = run->strings;
	at = umh_vec_copy(run->argv, argv, argc, run->strings + plen);
	umh_vec_copy(run->envp, envp, envc, at);
	init_completion(&run->done);
	return run;
}

static void umh_run_free(struct umh_run *run)
{
	kfree(run->argv);
	kfree(run);
}

/* The new process: load the program; on failure it exits. */
static int umh_exec(void *arg)
{
	struct umh_run *run = arg;
	int ret = kernel_execve(run->path, run->argv, run->envp);

	if (run->waiter) {
		run->result = ret;
		complete(&run->done);	/* @run is the caller's now */
	} else {
		/* Nobody to tell, as on Linux: no console line per event. */
		umh_run_free(run);
	}
	return ret ? 1 : 0;
}

/**
 * call_usermodehelper - start a user program in a new process
 * @path: absolute path of the program
 * @argv: its arguments, NULL-terminated, at least argv[0]
 * @envp: its environment, NULL-terminated, or NULL for none
 * @wait: UMH_NO_WAIT or UMH_WAIT_EXEC
 *
 * The process has no parent (nobody waits for it; it is released when
 * it exits), no open files, and the root file system as root and cwd.
 * The strings are copied: the caller may free them on return. Process
 * context; no locks needed, the caller may hold sleeping locks as the
 * program does not run before this returns with UMH_NO_WAIT. The
 * program must not be started before init (it would get pid 1).
 *
 * Return: 0 once started (UMH_NO_WAIT) or once the program is loaded
 * (UMH_WAIT_EXEC); -EINVAL for no @argv[0] or an unsupported @wait
 * (UMH_WAIT_PROC); -ENOMEM; with UMH_WAIT_EXEC kernel_execve()'s error.
 */
int call_usermodehelper(const char *path, char **argv, char **envp,
			int wait)
{
	struct umh_run *run;
	int pid, ret;

	if (!path || !*path || !argv || !argv[0])
		return -EINVAL;
	if (wait != UMH_NO_WAIT && wait != UMH_WAIT_EXEC)
		return -EINVAL;
	run = umh_run_alloc(path, argv, envp);
	if (!run)
		return -ENOMEM;
	run->waiter = wait == UMH_WAIT_EXEC;
	pid = user_process_spawn(umh_exec, run, "kworker/umh");
	if (pid < 0) {
		umh_run_free(run);
		return pid;
	}
	/*
	 * Without a waiter @run is the new process's from here on: it may
	 * be freed already, so nothing of it is read again.
	 */
	if (wait == UMH_NO_WAIT)
		return 0;
	wait_for_completion(&run->done);
	ret = run->result;
	umh_run_free(run);
	return ret;
}
