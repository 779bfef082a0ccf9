// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the order in which Tide comes up, from the first C code
 * with a console to "Tide ready".
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/tsh.h>
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

	show_mem_info();
	show_zoneinfo();
	ready_ns = ktime_get_ns();
	pr_notice("Tide ready in %llu.%06llu s\n", ready_ns / NSEC_PER_SEC,
		  (ready_ns % NSEC_PER_SEC) / NSEC_PER_USEC);

	bench_run();
	if (kunit_run_all_tests() || poweroff_when_ready)
		machine_power_off();
	tsh_start();
	/* The boot task's work is done: sleep for good, CPU 0 idles. */
	for (;;) {
		set_current_state(TASK_IDLE);
		schedule();
	}
}
