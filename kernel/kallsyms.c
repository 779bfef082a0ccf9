// SPDX-License-Identifier: GPL-2.0
/*
 * Address-to-symbol lookup over the table the build appends to the image,
 * and frame-pointer backtraces built on it.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <asm/sections.h>


const char *kallsyms_lookup(unsigned long addr, unsigned long *offset)
{
	u64 lo = 0, hi = kallsyms_num;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_etext || !hi)
		return NULL;
	/* Find the last symbol at or below addr. */
	while (hi - lo > 1) {
		u64 mid = (lo + hi) / 2;

		if (kallsyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (kallsyms_addrs[lo] > addr)
		return NULL;
	*offset = addr - kallsyms_addrs[lo];
	return &kallsyms_names[kallsyms_offsets[lo]];
}

static void print_address(unsigned long addr)
{
	unsigned long off;
	const char *name = kallsyms_lookup(addr, &off);

	if (name)
		printk(KERN_EMERG " [<%016lx>] %s+0x%lx\n", addr, name, off);
	else
		printk(KERN_EMERG " [<%016lx>] ?\n", addr);
}

static bool frame_ok(unsigned long rbp)
{
	/* Kernel half, 8-byte aligned; stacks live in the image or vmalloc. */
	return rbp >= 0xffff800000000000UL && !(rbp & 7) && rbp < ~0UL - 16;
}

void show_backtrace_range(unsigned long rbp, unsigned long lo,
			  unsigned long hi, unsigned long first)
{
	int depth;

	printk(KERN_EMERG "Call Trace:\n");
	if (first)
		print_address(first);
	for (depth = 0; depth < 32 && frame_ok(rbp) && rbp >= lo &&
	     rbp + 16 <= hi; depth++) {
		unsigned long *frame = (unsigned long *)rbp;
		unsigned long ret = frame[1];

		if (!ret)
			break;
		print_address(ret);
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
}

void show_backtrace(unsigned long rbp)
{
	show_backtrace_range(rbp, 0, ~0UL, 0);
}

noinline void dump_stack(void)
{
	show_backtrace((unsigned long)__builtin_frame_address(0));
}
