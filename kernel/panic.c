// SPDX-License-Identifier: GPL-2.0
/*
 * panic(), BUG() and WARN(). panic prints, dumps the stack and stops the
 * machine; under QEMU it leaves through the isa-debug-exit device so the
 * host sees a failure status (3) instead of a hang.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/reboot.h>
#include <asm/processor.h>

static int panic_depth;

void __noreturn panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	local_irq_disable();
	if (panic_depth++)
		machine_fail_exit();
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_fail_exit();
}

unsigned int warn_expect_depth, warn_expect_hits;

void __warn(const char *file, int line, const char *func, const char *cond)
{
	if (warn_expect_depth) {
		warn_expect_hits++;
		return;
	}
	printk(KERN_WARNING "WARNING: %s:%d %s: %s\n", file, line, func, cond);
	dump_stack();
}

void __noreturn __bug(const char *file, int line, const char *func,
		      const char *cond)
{
	panic("kernel BUG at %s:%d in %s: %s", file, line, func, cond);
}
