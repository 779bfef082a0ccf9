// SPDX-License-Identifier: GPL-2.0
/*
 * Each CPU's GDT and TSS, and the stacks of the interrupt stack table:
 * a double fault, NMI or machine check runs on a stack of its own, so a
 * kernel stack that overflowed into its guard page can still be reported.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/* Sizes: #DF prints registers and a backtrace, then panics; 8 KiB. */
#define DF_STACK_SIZE		(2 * PAGE_SIZE)
#define NMI_STACK_SIZE		PAGE_SIZE
#define MC_STACK_SIZE		PAGE_SIZE

/*
 * One CPU's IST stacks. They sit in .bss without guard pages of their
 * own: their handlers do not return and do not recurse (a fault in one
 * of them uses the IST stack it is on, below the handler's frame).
 */
struct exception_stacks {
	char df[DF_STACK_SIZE];
	char nmi[NMI_STACK_SIZE];
	char mc[MC_STACK_SIZE];
} __aligned(PAGE_SIZE);

static struct exception_stacks exception_stacks[NR_CPUS];
static struct hw_tss cpu_tss[NR_CPUS] __aligned(128);
static u64 cpu_gdt[NR_CPUS][GDT_ENTRIES] __aligned(16);
/* Lowest address of each CPU's boot stack; written once per CPU. */
static unsigned long boot_stacks[NR_CPUS];

/**
 * cpu_ist_stack_top - the initial stack pointer of an IST slot
 * @cpu: the CPU
 * @ist: IST_DF, IST_NMI or IST_MC
 *
 * Return: the top (highest address + 1) of that stack, or 0 for another slot.
 */
unsigned long cpu_ist_stack_top(int cpu, unsigned int ist)
{
	struct exception_stacks *es = &exception_stacks[cpu];

	switch (ist) {
	case IST_DF:
		return (unsigned long)es->df + sizeof(es->df);
	case IST_NMI:
		return (unsigned long)es->nmi + sizeof(es->nmi);
	case IST_MC:
		return (unsigned long)es->mc + sizeof(es->mc);
	}
	return 0;
}

/**
 * cpu_tss_init - load this CPU's own GDT and TSS
 * @cpu: this CPU's number
 * @stack_bottom: lowest address of the THREAD_SIZE stack this CPU booted on
 *
 * Called once per CPU with interrupts off: by trap_init() on CPU 0 and
 * from ap_start_kernel() on the others, before either can take an
 * exception that uses an IST stack. The selectors keep their values, so
 * the segment registers need no reload.
 */
void cpu_tss_init(int cpu, unsigned long stack_bottom)
{
	struct desc_ptr gdtr = { sizeof(cpu_gdt[cpu]) - 1,
				 (unsigned long)cpu_gdt[cpu] };
	struct hw_tss *tss = &cpu_tss[cpu];
	u64 *gdt = cpu_gdt[cpu];
	unsigned int ist;

	for (ist = 1; ist <= IST_USED; ist++)
		tss->ist[ist - 1] = cpu_ist_stack_top(cpu, ist);
	tss->iomap_base = sizeof(*tss);
	gdt[0] = 0;
	gdt[GDT_KERNEL_CS / 8] = GDT_DESC_CODE64;
	gdt[GDT_KERNEL_DS / 8] = GDT_DESC_DATA;
	gdt[GDT_USER32_CS / 8] = 0;
	gdt[GDT_USER_DS / 8] = GDT_DESC_USER_DATA;
	gdt[GDT_USER_CS / 8] = GDT_DESC_USER_CODE64;
	set_tss_desc(gdt, GDT_ENTRY_TSS, (unsigned long)tss, sizeof(*tss) - 1);
	load_gdt(&gdtr);
	load_tr(GDT_TSS);
	boot_stacks[cpu] = stack_bottom;
}

/**
 * cpu_tss_set_rsp0 - the stack an interrupt from user mode arrives on
 * @top: initial stack pointer (16-byte aligned) on this CPU
 *
 * For the next entry from ring 3 on this CPU. Caller has interrupts off
 * and stays on this CPU until it has left ring 3 again.
 */
void cpu_tss_set_rsp0(unsigned long top)
{
	cpu_tss[smp_processor_id()].rsp[0] = top;
}

/**
 * cpu_boot_stack - lowest address of the stack @cpu booted on
 *
 * CPU 0's is head_64.S's boot_stack (the "boot" task's, which may later
 * run on any CPU); a secondary CPU's is the one smpboot.c allocated, on
 * which its idle task runs. Both have an unmapped guard page below.
 *
 * Return: the address, or 0 for a CPU that has not booted.
 */
unsigned long cpu_boot_stack(int cpu)
{
	return cpu >= 0 && cpu < NR_CPUS ? READ_ONCE(boot_stacks[cpu]) : 0;
}

/**
 * boot_stack_guard_init - unmap the page below CPU 0's boot stack
 *
 * The boot stack lives in the image's .bss, which head_64.S maps whole;
 * once Tide's own page tables are loaded (init_mem_mapping()) this takes
 * the page below the stack out of the image mapping, so that the boot
 * task overflowing its stack faults as a vmalloc'ed stack would. The page
 * stays in the direct map, where nothing uses it.
 */
void boot_stack_guard_init(void)
{
	unsigned long guard = (unsigned long)boot_stack_guard;

	BUILD_BUG_ON(sizeof(struct hw_tss) != 104);
	if (WARN_ON_ONCE(guard + PAGE_SIZE != (unsigned long)boot_stack))
		return;
	kernel_unmap_range(guard, PAGE_SIZE);
	/* Before SMP, the range flush may not cover this CPU yet. */
	invlpg(guard);
}
