/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception table: for each kernel instruction that may fault on
 * purpose (an access to user memory), the address to continue at when it
 * does. Documentation/x86/entry.rst describes how it is used.
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

/*
 * One entry: EXTABLE_ENTRY insn, fixup in assembly, _ASM_EXTABLE(insn,
 * fixup) in inline asm. Both are labels (local numeric ones such as 1b,
 * 2f are fine). Entries are absolute addresses, kept in the section
 * __ex_table in link order.
 */
#ifdef __ASSEMBLY__
.macro EXTABLE_ENTRY insn, fixup
	.pushsection __ex_table, "a"
	.balign 8
	.quad \insn, \fixup
	.popsection
.endm
#else
#define _ASM_EXTABLE(insn, fixup)			\
	".pushsection __ex_table, \"a\"\n"		\
	".balign 8\n"					\
	".quad " #insn ", " #fixup "\n"			\
	".popsection\n"

#include <linux/types.h>

struct pt_regs;

struct exception_table_entry {
	unsigned long insn;	/* the instruction that may fault */
	unsigned long fixup;	/* where to continue when it does */
};

/* From the linker script: every object's entries, in link order. */
extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long ip);
bool fixup_exception(struct pt_regs *regs);
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_EXTABLE_H */
