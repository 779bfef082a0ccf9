/* SPDX-License-Identifier: GPL-2.0 */
/* Boot-time entry points called once, in the order init/main.c gives. */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/compiler.h>

void serial_console_init(void);
void tsc_init(void);
void setup_arch(void);
void __noreturn start_kernel(void);
void bench_run(void);

#endif /* _ASM_X86_SETUP_H */
