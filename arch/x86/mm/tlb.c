// SPDX-License-Identifier: GPL-2.0
/*
 * TLB flushes and address-space switches. Kernel mappings are the same in
 * every PML4, so a change to one is flushed on every online CPU (a
 * shootdown through cross calls) before the flush returns. A user
 * mapping is flushed only on the CPUs that have its mm loaded. A full
 * flush also loads CR3 again if the PML4 it names has moved.
 */
#include <linux/kernel.h>
#include <linux/mm_struct.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/* Past this many pages a full flush is cheaper than invlpg one by one. */
#define FLUSH_ALL_THRESHOLD	64

struct flush_range {
	unsigned long start, end;
	struct mm_struct *mm;	/* user flushes: only where it is loaded */
};

/* The mm whose PML4 this CPU has in CR3; NULL for kernel_pml4. */
static DEFINE_PER_CPU(struct mm_struct *, loaded_mm);

/*
 * A page-table move (pgtable_move.c) may have given this CPU's mm, or
 * kernel_pml4, a new PML4 while this CPU was stopped with the old one in
 * CR3: load the new one. The old stays intact until every CPU has passed
 * here (the mover's caller flushes all CPUs before freeing it). Before
 * the direct map is up, CR3 still holds the early tables on purpose.
 */
static void sync_cr3(void)
{
	struct mm_struct *mm = this_cpu_read(loaded_mm);
	unsigned long want;

	if (!direct_map_ready)
		return;
	want = __pa(mm ? READ_ONCE(mm->pgd) : READ_ONCE(kernel_pml4));
	if ((read_cr3() & PTE_ADDR_MASK) != want)
		write_cr3(want);
}

static void flush_tlb_all_local(void *unused)
{
	unsigned long cr4 = read_cr4();

	sync_cr3();
	/* Toggling PGE drops global entries too. */
	write_cr4(cr4 & ~X86_CR4_PGE);
	write_cr4(cr4);
}

/**
 * flush_tlb_this_cpu - drop every TLB entry of this CPU, globals too
 *
 * And the paging-structure caches, after loading CR3 anew if the PML4 of
 * the address space this CPU runs on has moved. For the page-table
 * mover, on the CPU running the stop; interrupts off.
 */
void flush_tlb_this_cpu(void)
{
	flush_tlb_all_local(NULL);
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

/**
 * cpu_loaded_mm - the mm this CPU runs on, or NULL for kernel_pml4
 */
struct mm_struct *cpu_loaded_mm(void)
{
	return this_cpu_read(loaded_mm);
}

/**
 * switch_mm - load @next's page tables on this CPU
 * @next: the address space, or NULL for kernel_pml4 (kernel threads)
 *
 * Called with interrupts off (the scheduler, kthread_use_mm()). Loading
 * CR3 drops every non-global TLB entry, so the mm switched away from
 * leaves @cpu_mask and needs no flush here later. Does nothing if @next
 * is loaded already.
 */
void switch_mm(struct mm_struct *next)
{
	struct mm_struct *prev = this_cpu_read(loaded_mm);
	int cpu = smp_processor_id();

	if (prev == next)
		return;
	if (next)
		cpumask_set_cpu(cpu, &next->cpu_mask);
	this_cpu_write(loaded_mm, next);
	write_cr3(__pa(next ? next->pgd : kernel_pml4));
	if (prev)
		cpumask_clear_cpu(cpu, &prev->cpu_mask);
}

static void flush_tlb_mm_local(void *info)
{
	const struct flush_range *r = info;

	/* Switched away meanwhile: the CR3 load flushed it already. */
	if (this_cpu_read(loaded_mm) != r->mm)
		return;
	if ((r->end - r->start) >> PAGE_SHIFT > FLUSH_ALL_THRESHOLD)
		write_cr3(read_cr3());
	else
		flush_tlb_range_local(info);
}

/**
 * flush_tlb_mm_range - drop @mm's TLB entries for [@from, @to)
 *
 * On every CPU that has @mm loaded, this one included; returns when they
 * have. The caller has changed the entries already, so a CPU that loads
 * @mm meanwhile reads the new ones. Cross-call rules apply (<linux/smp.h>):
 * not under @mm->page_table_lock.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long from,
			unsigned long to)
{
	struct flush_range r = {
		.start = from & PAGE_MASK,
		.end = to,
		.mm = mm,
	};
	struct cpumask mask;

	/* A snapshot: the send and the wait must see the same CPUs. */
	cpumask_copy(&mask, &mm->cpu_mask);
	if (!cpumask_empty(&mask))
		on_each_cpu_mask(&mask, flush_tlb_mm_local, &r, true);
}
