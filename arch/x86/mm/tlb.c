// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel TLB flushes. Every CPU runs on the one kernel_pml4, so a change
 * to a kernel mapping is flushed on every online CPU (a shootdown through
 * cross calls) before the flush returns.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/* Past this many pages a full flush is cheaper than invlpg one by one. */
#define FLUSH_ALL_THRESHOLD	64

struct flush_range {
	unsigned long start, end;
};

static void flush_tlb_all_local(void *unused)
{
	unsigned long cr4 = read_cr4();

	/* Toggling PGE drops global entries too. */
	write_cr4(cr4 & ~X86_CR4_PGE);
	write_cr4(cr4);
}

static void flush_tlb_range_local(void *info)
{
	const struct flush_range *r = info;
	unsigned long va;

	for (va = r->start; va < r->end; va += PAGE_SIZE)
		invlpg(va);
}

/**
 * flush_tlb_all - drop every TLB entry, global ones included, on all CPUs
 *
 * Returns when every online CPU has flushed. Cross-call rules apply (see
 * <linux/smp.h>): not under a lock that other CPUs take with interrupts off.
 */
void flush_tlb_all(void)
{
	on_each_cpu(flush_tlb_all_local, NULL, true);
}

/**
 * flush_tlb_kernel_range - drop TLB entries for [@from, @to) on all CPUs
 *
 * Returns when every online CPU has flushed the range. Same rules as
 * flush_tlb_all().
 */
void flush_tlb_kernel_range(unsigned long from, unsigned long to)
{
	struct flush_range r = {
		.start = from & PAGE_MASK,
		.end = to,
	};

	if ((to - from) >> PAGE_SHIFT > FLUSH_ALL_THRESHOLD) {
		flush_tlb_all();
		return;
	}
	on_each_cpu(flush_tlb_range_local, &r, true);
}
