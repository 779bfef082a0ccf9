/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IDT gates, and the GDT and TSS every CPU runs on after boot: each CPU
 * has its own GDT (the TSS descriptor is marked busy by the CPU that
 * loads it) whose TSS points at that CPU's interrupt stack table.
 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>
#include <asm/segment.h>

/*
 * Interrupt stack table slots, 1 to 7 (0 in a gate: stay on the current
 * stack). Exceptions that may come when the current stack is unusable
 * get a stack of their own, per CPU.
 */
#define IST_DF			1	/* double fault: stack overflow */
#define IST_NMI			2
#define IST_MC			3	/* machine check */
#define IST_USED		3

/* The 64-bit TSS, as the CPU reads it. */
struct hw_tss {
	u32 reserved0;
	u64 rsp[3];		/* rsp[0]: the stack for an entry from ring 3 */
	u64 reserved1;
	u64 ist[7];		/* ist[n - 1]: the stack of IST slot n */
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;		/* past the limit: no I/O permission bitmap */
} __packed;

#define DESC_TSS_AVAIL		0x89	/* present, DPL 0, available 64-bit TSS */

/*
 * Writes a 64-bit TSS descriptor for [@base, @base + @limit] into GDT
 * slots @entry and @entry + 1.
 */
static inline void set_tss_desc(u64 *gdt, unsigned int entry,
				unsigned long base, u32 limit)
{
	gdt[entry] = (limit & 0xffffULL) | (base & 0xffffffULL) << 16 |
		     (u64)DESC_TSS_AVAIL << 40 |
		     ((limit >> 16) & 0xfULL) << 48 |
		     ((base >> 24) & 0xffULL) << 56;
	gdt[entry + 1] = base >> 32;
}

struct gate_desc {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT		0x8e	/* present, DPL 0, 64-bit interrupt gate */

/*
 * Points @g at @handler: a kernel-mode interrupt gate that switches to
 * the stack of IST slot @ist (0: none).
 */
static inline void set_intr_gate_ist(struct gate_desc *g, unsigned long handler,
				     unsigned int ist)
{
	g->offset_low = handler & 0xffff;
	g->selector = GDT_KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->reserved = 0;
}

/* Points @g at @handler: a kernel-mode interrupt gate, no IST stack. */
static inline void set_intr_gate(struct gate_desc *g, unsigned long handler)
{
	set_intr_gate_ist(g, handler, 0);
}

struct desc_ptr {
	u16 limit;
	u64 base;
} __packed;

static inline void load_gdt(const struct desc_ptr *d)
{
	__asm__ __volatile__("lgdt %0" : : "m"(*d));
}

static inline void load_tr(u16 sel)
{
	__asm__ __volatile__("ltr %0" : : "r"(sel));
}

static inline u16 store_tr(void)
{
	u16 sel;

	__asm__ __volatile__("str %0" : "=r"(sel));
	return sel;
}

static inline void store_idt(struct desc_ptr *d)
{
	__asm__ __volatile__("sidt %0" : "=m"(*d));
}

static inline void load_idt(const struct desc_ptr *d)
{
	__asm__ __volatile__("lidt %0" : : "m"(*d));
}

/* Installs the gates for vectors 32-255 in the IDT trap_init() loaded. */
void idt_setup_irq_gates(void);
/* Loads the boot CPU's IDT on this CPU. */
void idt_load_this_cpu(void);

/* From head_64.S: CPU 0's boot stack and the page below it. */
extern char boot_stack[], boot_stack_guard[];

void cpu_tss_init(int cpu, unsigned long stack_bottom);
unsigned long cpu_boot_stack(int cpu);
unsigned long cpu_ist_stack_top(int cpu, unsigned int ist);
void boot_stack_guard_init(void);
void cpu_tss_set_rsp0(unsigned long top);

#endif /* _ASM_X86_DESC_H */
