/* SPDX-License-Identifier: GPL-2.0 */
/* Stopping the machine. */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/* Powers the machine off; under QEMU the process exits with status 0. */
void __noreturn machine_power_off(void);
/* Ends QEMU with a failure status (isa-debug-exit), or halts. */
void __noreturn machine_fail_exit(void);

#endif /* _LINUX_REBOOT_H */
