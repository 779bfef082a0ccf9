// SPDX-License-Identifier: GPL-2.0
/*
 * The exception table lookup: a kernel-mode page fault or general
 * protection fault at an instruction listed in __ex_table continues at
 * that entry's fixup instead of oopsing.
 */
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

/**
 * search_exception_tables - the entry for the instruction at @ip
 *
 * A linear search: the table holds a few dozen entries and is only
 * consulted on a fault the kernel would otherwise die of.
 *
 * Return: the entry, or NULL if @ip has none.
 */
const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

/**
 * fixup_exception - resume a faulting kernel instruction at its fixup
 * @regs: the frame of a page fault or general protection fault
 *
 * Only faults in kernel mode are fixed up; the registers other than rip
 * stay as the fault left them, which is how the fixup learns how far the
 * instruction got (a rep movsb leaves the bytes not copied in rcx).
 *
 * Return: true if @regs now resumes at a fixup.
 */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	if (regs->cs & SEGMENT_RPL_MASK)
		return false;
	e = search_exception_tables(regs->rip);
	if (!e)
		return false;
	regs->rip = e->fixup;
	return true;
}
