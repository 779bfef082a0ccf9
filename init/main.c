// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the order in which Tide comes up, from the first C code
 * with a console to "Tide ready".
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/time.h>
#include <kunit/test.h>
#include <asm/processor.h>
#include <asm/setup.h>


static bool poweroff_when_ready;

static int __init tide_poweroff_setup(char *val)
{
	if (!val)
		val = "1";
	return kstrtobool(val, &poweroff_when_ready);
}
early_param("tide.poweroff", tide_poweroff_setup);

/*
 * DOC: the first process
 *
 * After "Tide ready", start_kernel() starts init as pid 1 the way Linux
 * 6.12 does: the rdinit= program (default /init) if the root (the
 * initramfs) has one, else the init= program, else the first of
 * /sbin/init, /etc/init, /bin/init and /bin/sh that runs. Each is
 * started with argv[0] its path and the environment HOME=/ TERM=linux.
 * As in Linux, an init= program that does not run is a panic
 * ("Requested init PATH failed (error N)."), and so is finding no
 * program at all ("No working init found"), which is what a boot with
 * neither an initramfs nor init= comes to: Tide has no root device to
 * mount instead.
 */

#define INIT_PATH_LEN	256

static char rdinit_path[INIT_PATH_LEN] = "/init";
static char init_path[INIT_PATH_LEN];		/* empty: no init= */

/* A value that is empty or too long is malformed; the default stays. */
static int set_init_path(char *dst, const char *val)
{
	if (!val || !*val || strlen(val) >= INIT_PATH_LEN)
		return -EINVAL;
	strscpy(dst, val, INIT_PATH_LEN);
	return 0;
}

static int __init rdinit_setup(char *val)
{
	return set_init_path(rdinit_path, val);
}
early_param("rdinit", rdinit_setup);

static int __init init_setup(char *val)
{
	return set_init_path(init_path, val);
}
early_param("init", init_setup);

#define CONSOLE_PATH	"/dev/console"
#define CONSOLE_DEV	MKDEV(5, 1)	/* Linux's /dev/console */

/*
 * As on Linux, init starts with /dev/console as its descriptors 0, 1
 * and 2. The node is made if the initramfs and devtmpfs lack it.
 */
static void make_console_node(void)
{
	int ret;

	init_mkdir("/dev", 0755);
	ret = init_mknod(CONSOLE_PATH, S_IFCHR | 0600, CONSOLE_DEV);
	if (ret && ret != -EEXIST)
		pr_warn("init: cannot make %s (error %d)\n", CONSOLE_PATH, ret);
}

static void open_console(void)
{
	struct file *f = filp_open(CONSOLE_PATH, O_RDWR, 0);

	if (IS_ERR(f)) {
		pr_warn("init: cannot open %s (error %ld): init has no stdin, stdout or stderr\n",
			CONSOLE_PATH, PTR_ERR(f));
		return;
	}
	/* Descriptors 0, 1, 2 share the open file: 3 references. */
	fd_install_new(get_file(f), 0);
	fd_install_new(get_file(f), 0);
	fd_install_new(f, 0);
}

struct init_start {
	struct completion done;
	const char *started;	/* the program that runs, or NULL */
	int error;		/* of the last one tried */
};

static const char *const init_envp[] = { "HOME=/", "TERM=linux", NULL };

static bool try_init(struct init_start *st, const char *path, bool quiet)
{
	const char *const argv[] = { path, NULL };
	int ret = kernel_execve(path, argv, init_envp);

	if (!ret) {
		st->started = path;
		return true;
	}
	if (!quiet || ret != -ENOENT)
		pr_warn("init: cannot run %s (error %d)\n", path, ret);
	st->error = ret;
	return false;
}

#define NO_INIT_HELP \
	"Boot an initramfs with /init, or name a program with init=."

/*
 * pid 1 before it is a program: find one, tell the boot task. Panics,
 * as Linux's pid 1 does, when init= names a program that does not run
 * or when none runs.
 */
static int init_process(void *arg)
{
	static const char *const fallbacks[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	struct init_start *st = arg;
	unsigned int i;
	bool ok;

	open_console();
	ok = try_init(st, rdinit_path, true);
	if (!ok && init_path[0]) {
		ok = try_init(st, init_path, false);
		if (!ok)
			panic("Requested init %s failed (error %d).", init_path,
			      st->error);
	}
	for (i = 0; !ok && i < ARRAY_SIZE(fallbacks); i++)
		ok = try_init(st, fallbacks[i], true);
	if (!ok)
		panic("No working init found (last error %d). " NO_INIT_HELP,
		      st->error);
	/* @st lives on the boot task's stack: done with it after this. */
	complete(&st->done);
	return 0;
}

/* Run init as pid 1; without a program for it, panic. */
static void start_init(void)
{
	struct init_start st = { .error = -ENOENT };
	int pid;

	make_console_node();
	init_completion(&st.done);
	pid = user_process_spawn(init_process, &st, "init");
	if (pid < 0)
		panic("init: cannot make the first process (error %d)", pid);
	wait_for_completion(&st.done);
	pr_info("init: pid %d runs %s\n", pid, st.started);
}

/**
 * do_initcalls - run every registered initcall, level by level
 */
void do_initcalls(void)
{
	const initcall_t *call;

	for (call = __initcall_start; call < __initcall_end; call++) {
		int ret = (*call)();

		if (ret) {
			unsigned long off;
			const char *name = kallsyms_lookup((unsigned long)*call, &off);

			pr_warn("initcall %s returned %d\n", name ? name : "?", ret);
		}
	}
}

void start_kernel(void)
{
	u64 ready_ns;

	pr_notice("Tide kernel (x86-64), PVH boot\n");
	pr_notice("Command line: %s\n", boot_command_line);
	parse_early_params();

	setup_arch();
	mm_core_init();
	do_initcalls();
	populate_rootfs();

	show_mem_info();
	show_zoneinfo();
	ready_ns = ktime_get_ns();
	pr_notice("Tide ready in %llu.%06llu s\n", ready_ns / NSEC_PER_SEC,
		  (ready_ns % NSEC_PER_SEC) / NSEC_PER_USEC);

	bench_run();
	if (kunit_run_all_tests() || poweroff_when_ready)
		machine_power_off();
	start_init();
	/* The boot task's work is done: sleep for good, CPU 0 idles. */
	for (;;) {
		set_current_state(TASK_IDLE);
		schedule();
	}
}
