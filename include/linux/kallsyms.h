/* SPDX-License-Identifier: GPL-2.0 */
/* Symbol names for kernel text addresses (the table scripts/kallsyms.py makes). */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

/* The table itself, emitted by scripts/kallsyms.py into .kallsyms. */
extern const u64 kallsyms_num;
extern const u64 kallsyms_addrs[];
extern const u32 kallsyms_offsets[];
extern const char kallsyms_names[];

/*
 * Finds the function containing @addr. Returns its name and sets *@offset,
 * or returns NULL when @addr is not in kernel text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset);

/* Prints a frame-pointer backtrace starting at frame @rbp. */
void show_backtrace(unsigned long rbp);
/*
 * The same, first printing @first (if not 0) and following only frames
 * inside [@lo, @hi): for the stack of another task.
 */
void show_backtrace_range(unsigned long rbp, unsigned long lo,
			  unsigned long hi, unsigned long first);
void dump_stack(void);

struct task_struct;
/* Prints the backtrace of a switched-out task (arch/x86). */
void show_task_stack(struct task_struct *p);

#endif /* _LINUX_KALLSYMS_H */
