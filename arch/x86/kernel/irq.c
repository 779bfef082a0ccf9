// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt dispatch for vectors 32-255: device irqs to the handlers
 * request_irq() installed, system vectors (timer, IPIs) to their fixed
 * handlers, anything else counted as spurious. Also the initcall that
 * brings up the APIC, the tick and then enables interrupts.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/hw_irq.h>
#include <asm/irq.h>
#include <asm/smp.h>

struct irqaction {
	irq_handler_t handler;
	void *dev;
	const char *name;
	unsigned long flags;
	struct irqaction *next;
};

/*
 * desc->lock protects action and is held while the handlers run, so that
 * free_irq() returns only once a handler is not running anywhere. It is
 * taken with interrupts off; lock order: desc->lock, then ioapic_lock.
 */
struct irq_desc {
	spinlock_t lock;
	struct irqaction *action;
	unsigned long count;
	unsigned long unhandled;
};

static struct irq_desc irq_descs[NR_IRQS];
static sysvec_handler_t sysvec_handlers[NR_VECTORS];
static atomic_long_t spurious_count;
static struct desc_ptr boot_idt;

DEFINE_PER_CPU(unsigned int, hardirq_depth);

void __weak irq_exit_resched(void)
{
}

/**
 * idt_setup_irq_gates - point IDT vectors 32-255 at the irq entry stubs
 *
 * Fills the table trap_init() loaded (found with sidt) and remembers it
 * for the APs. Boot CPU, interrupts off.
 */
void idt_setup_irq_gates(void)
{
	struct gate_desc *idt;
	int v;

	store_idt(&boot_idt);
	idt = (struct gate_desc *)boot_idt.base;
	if (boot_idt.limit + 1 < NR_VECTORS * sizeof(*idt))
		panic("%s: the IDT has only %u bytes", __func__, boot_idt.limit + 1);
	for (v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++) {
		u64 addr = (u64)irq_entry_stubs +
			   (v - FIRST_EXTERNAL_VECTOR) * IRQ_STUB_SIZE;

		set_intr_gate(&idt[v], addr);
	}
}

void idt_load_this_cpu(void)
{
	load_idt(&boot_idt);
}

/* Boot CPU, before interrupts are enabled. */
void set_sysvec_handler(int vector, sysvec_handler_t fn)
{
	sysvec_handlers[vector] = fn;
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_IRQS ? READ_ONCE(irq_descs[irq].count) : 0;
}

unsigned long irq_spurious_count(void)
{
	return atomic_long_read(&spurious_count);
}

static void count_spurious(void)
{
	atomic_long_inc(&spurious_count);
}

static void handle_device_irq(unsigned int irq)
{
	struct irq_desc *desc = &irq_descs[irq];
	struct irqaction *a;
	bool handled = false;

	spin_lock(&desc->lock);
	desc->count++;
	for (a = desc->action; a; a = a->next)
		handled |= a->handler(irq, a->dev) == IRQ_HANDLED;
	if (!handled)
		desc->unhandled++;
	spin_unlock(&desc->lock);
	if (!desc->action)
		count_spurious();
	/* After the handlers: a level-triggered line must be quiet by now. */
	apic_eoi();
}

/**
 * do_irq - the C side of every interrupt on vectors 32-255
 *
 * Interrupts are off and stay off. On the way out of the outermost
 * interrupt taken with interrupts enabled, irq_exit_resched() may switch
 * tasks.
 */
void do_irq(struct pt_regs *regs)
{
	unsigned int vector = regs->vector;

	this_cpu_inc(hardirq_depth);
	if (vector >= IRQ0_VECTOR && vector < IRQ0_VECTOR + NR_IRQS) {
		handle_device_irq(vector - IRQ0_VECTOR);
	} else if (vector == SPURIOUS_APIC_VECTOR) {
		/* The APIC withdrew the interrupt: no EOI for this one. */
		count_spurious();
	} else if (sysvec_handlers[vector]) {
		apic_eoi();
		sysvec_handlers[vector](regs);
	} else if (vector < IRQ0_VECTOR) {
		/* From the masked 8259s: they get no EOI from us either. */
		count_spurious();
	} else {
		count_spurious();
		apic_eoi();
	}
	this_cpu_dec(hardirq_depth);
	if (!this_cpu_read(hardirq_depth) && (regs->rflags & X86_EFLAGS_IF))
		irq_exit_resched();
}

/*
 * The MSI irqs handed out: bit n for irq n. msi_lock is a leaf lock,
 * taken by irq_alloc_msi()/irq_free_msi() and by request_irq() (under
 * desc->lock) through irq_is_msi().
 */
static DEFINE_SPINLOCK(msi_lock);
static u64 msi_irqs;

/* The address of an interrupt message: 0xfee, destination APIC id. */
#define MSI_ADDR_BASE		0xfee00000u
#define MSI_ADDR_DEST_SHIFT	12

/**
 * irq_alloc_msi - an irq number for one message-signalled vector
 *
 * The irq lies above every IOAPIC input; its vector is irq_to_vector().
 *
 * Return: the irq, or -ENOSPC if all are taken.
 */
int irq_alloc_msi(void)
{
	unsigned int irq;
	unsigned long flags;
	int ret = -ENOSPC;

	spin_lock_irqsave(&msi_lock, flags);
	for (irq = max(ioapic_nr_inputs(), NR_LEGACY_IRQS); irq < NR_IRQS;
	     irq++) {
		if (!(msi_irqs & (1ULL << irq))) {
			msi_irqs |= (1ULL << irq);
			ret = irq;
			break;
		}
	}
	spin_unlock_irqrestore(&msi_lock, flags);
	return ret;
}

/**
 * irq_free_msi - give back an irq of irq_alloc_msi()
 * @irq: the irq; free_irq() was called for its handlers
 */
void irq_free_msi(unsigned int irq)
{
	unsigned long flags;

	if (WARN_ON_ONCE(irq >= NR_IRQS))
		return;
	spin_lock_irqsave(&msi_lock, flags);
	WARN_ON_ONCE(!(msi_irqs & (1ULL << irq)));
	msi_irqs &= ~(1ULL << irq);
	spin_unlock_irqrestore(&msi_lock, flags);
}

/**
 * irq_is_msi - whether @irq came from irq_alloc_msi()
 * @irq: an irq number
 *
 * Return: true if it is an allocated MSI irq.
 */
bool irq_is_msi(unsigned int irq)
{
	unsigned long flags;
	bool ret;

	if (irq >= NR_IRQS)
		return false;
	spin_lock_irqsave(&msi_lock, flags);
	ret = msi_irqs & (1ULL << irq);
	spin_unlock_irqrestore(&msi_lock, flags);
	return ret;
}

/**
 * irq_msi_compose - the message a device writes to raise @irq
 * @irq: an irq of irq_alloc_msi()
 * @msg: out: address (fixed delivery, physical destination: the boot
 *	CPU's APIC) and data (the vector, edge-triggered)
 */
void irq_msi_compose(unsigned int irq, struct msi_msg *msg)
{
	msg->address_lo = MSI_ADDR_BASE |
			  x86_cpu_to_apicid[0] << MSI_ADDR_DEST_SHIFT;
	msg->address_hi = 0;
	msg->data = irq_to_vector(irq);
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev)
{
	struct irq_route route;
	struct irq_desc *desc;
	struct irqaction *a, **pp;
	unsigned long irqflags;
	int ret;

	if (irq >= NR_IRQS || !handler ||
	    (!irq_is_msi(irq) && ioapic_route(irq, &route)))
		return -EINVAL;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	a->handler = handler;
	a->dev = dev;
	a->name = name;
	a->flags = flags;

	desc = &irq_descs[irq];
	spin_lock_irqsave(&desc->lock, irqflags);
	if (desc->action && !(desc->action->flags & flags & IRQF_SHARED)) {
		ret = -EBUSY;
		goto out_unlock;
	}
	if (!desc->action && !irq_is_msi(irq)) {
		ret = ioapic_unmask_irq(irq, irq_to_vector(irq));
		if (ret)
			goto out_unlock;
	}
	for (pp = &desc->action; *pp; pp = &(*pp)->next)
		;
	*pp = a;
	spin_unlock_irqrestore(&desc->lock, irqflags);
	return 0;

out_unlock:
	spin_unlock_irqrestore(&desc->lock, irqflags);
	kfree(a);
	return ret;
}

void free_irq(unsigned int irq, void *dev)
{
	struct irqaction *a = NULL, **pp;
	struct irq_desc *desc;
	unsigned long irqflags;

	if (WARN_ON(irq >= NR_IRQS))
		return;
	desc = &irq_descs[irq];
	spin_lock_irqsave(&desc->lock, irqflags);
	for (pp = &desc->action; *pp; pp = &(*pp)->next) {
		if ((*pp)->dev == dev) {
			a = *pp;
			*pp = a->next;
			break;
		}
	}
	if (a && !desc->action && !irq_is_msi(irq))
		ioapic_mask_irq(irq);
	spin_unlock_irqrestore(&desc->lock, irqflags);
	if (WARN_ON(!a))
		return;
	kfree(a);
}

static void error_interrupt(struct pt_regs *regs)
{
	u32 esr;

	apic_write(APIC_ESR, 0);
	esr = apic_read(APIC_ESR);
	pr_err("apic: CPU %d: APIC error %#x\n", smp_processor_id(), esr);
}

/*
 * Interrupt controllers, the tick, then interrupts on, and the scheduler
 * told so. Arch initcall on the boot CPU; the APs follow from
 * smp_boot_cpus().
 */
static int __init x86_irq_init(void)
{
	int ret;

	ret = lapic_init();
	if (ret)
		return ret;
	idt_setup_irq_gates();
	set_sysvec_handler(ERROR_APIC_VECTOR, error_interrupt);
	ret = ioapic_init();
	if (ret)
		pr_err("ioapic: not usable (%d), device interrupts off\n", ret);
	smp_ipi_init();
	ret = lapic_timer_calibrate();
	if (ret)
		return ret;
	lapic_timer_start_this_cpu();
	local_irq_enable();
	/* Now, not at the first tick: the APs' idle loops go by it. */
	sched_mark_irqs_live();
	return 0;
}
arch_initcall(x86_irq_init);
