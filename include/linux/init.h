/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot options. early_param("name", fn) registers fn next to the code that
 * uses the option; parse_early_params() calls it with the text after '='
 * (or NULL for a bare word). A handler returns 0, or -EINVAL to have the
 * option reported as malformed; the default then stays in force.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/types.h>
#include <linux/compiler.h>

#define __init
#define __initdata

struct obs_kernel_param {
	const char *name;
	int (*setup)(char *val);
};

#define early_param(str, fn) \
	static const struct obs_kernel_param __setup_##fn \
	__used __section(".init.setup") __aligned(8) = { str, fn }

extern const struct obs_kernel_param __setup_start[], __setup_end[];

extern char boot_command_line[];

/*
 * Initcalls: functions run once, in level order, after the memory
 * allocators are up (do_initcalls() in init/main.c). Within a level the
 * order is link order. A non-zero return is reported and boot goes on.
 *
 *   core     - scheduler and core kernel services
 *   arch     - interrupt controllers, timers, per-CPU areas
 *   subsys   - SMP bring-up, workqueues, buses
 *   fs       - (file systems, later)
 *   device   - ACPI namespace, drivers
 *   late     - whatever needs everything else
 */
typedef int (*initcall_t)(void);

/* Puts a pointer to @fn in the section the linker sorts by @lvl. */
#define tide_initcall_at(lvl, fn) \
	static const initcall_t __initcall_##fn##_##lvl \
	__used __section(".initcall" #lvl ".init") __aligned(8) = fn

#define core_initcall(fn)	tide_initcall_at(1, fn)
#define arch_initcall(fn)	tide_initcall_at(3, fn)
#define subsys_initcall(fn)	tide_initcall_at(4, fn)
#define fs_initcall(fn)		tide_initcall_at(5, fn)
#define device_initcall(fn)	tide_initcall_at(6, fn)
#define late_initcall(fn)	tide_initcall_at(7, fn)

extern const initcall_t __initcall_start[], __initcall_end[];

void do_initcalls(void);

/* Split @cmdline in place and run each option's handler; see above. */
int parse_boot_params(char *cmdline, const struct obs_kernel_param *start,
		      const struct obs_kernel_param *end);
void parse_early_params(void);

#endif /* _LINUX_INIT_H */
