// SPDX-License-Identifier: GPL-2.0
/*
 * The IOAPICs: every input starts masked; request_irq() points one at its
 * vector on the boot CPU. ISA irqs go through the MADT's interrupt source
 * overrides (IRQ0 is GSI 2 on QEMU); without a MADT, QEMU's layout is
 * assumed: one IOAPIC at 0xfec00000, GSI base 0, IRQ0 -> GSI 2.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/page.h>
#include <asm/smp.h>

#pragma weak madt_info

#define IOAPIC_MAX		MADT_MAX_IOAPICS
#define IOAPIC_REGSEL		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_REG_ID		0x00
#define IOAPIC_REG_VER		0x01
#define IOAPIC_REG_REDTBL	0x10

/* Redirection entry, low word. */
#define IOAPIC_RTE_ACTIVE_LOW	(1U << 13)
#define IOAPIC_RTE_LEVEL	(1U << 15)
#define IOAPIC_RTE_MASKED	(1U << 16)

#define QEMU_IOAPIC_BASE	0xfec00000U

struct ioapic {
	void __iomem *base;
	u32 gsi_base;
	unsigned int nr_pins;
};

/* ioapic_lock serialises the select/window register pairs of all IOAPICs. */
static DEFINE_SPINLOCK(ioapic_lock);
static struct ioapic ioapics[IOAPIC_MAX];
static int nr_ioapics;

static struct madt_override fallback_overrides[] = {
	{ .bus_irq = 0, .gsi = 2, .flags = 0 },
};

static u32 ioapic_read(struct ioapic *io, u32 reg)
{
	writel(reg, (u8 __iomem *)io->base + IOAPIC_REGSEL);
	return readl((u8 __iomem *)io->base + IOAPIC_WINDOW);
}

static void ioapic_write(struct ioapic *io, u32 reg, u32 v)
{
	writel(reg, (u8 __iomem *)io->base + IOAPIC_REGSEL);
	writel(v, (u8 __iomem *)io->base + IOAPIC_WINDOW);
}

static bool have_madt(void)
{
	return &madt_info && madt_info.valid && madt_info.nr_ioapics;
}

/* The IOAPIC holding @gsi and its pin, or NULL. */
static struct ioapic *gsi_to_ioapic(u32 gsi, unsigned int *pin)
{
	int i;

	*pin = 0;
	for (i = 0; i < nr_ioapics; i++) {
		struct ioapic *io = &ioapics[i];

		if (gsi >= io->gsi_base && gsi < io->gsi_base + io->nr_pins) {
			*pin = gsi - io->gsi_base;
			return io;
		}
	}
	return NULL;
}

static const struct madt_override *find_override(unsigned int isa_irq)
{
	const struct madt_override *ov = fallback_overrides;
	int i, n = ARRAY_SIZE(fallback_overrides);

	if (have_madt()) {
		ov = madt_info.override;
		n = madt_info.nr_overrides;
	}
	for (i = 0; i < n; i++)
		if (ov[i].bus_irq == isa_irq)
			return &ov[i];
	return NULL;
}

/* True if an override moves some other ISA irq onto @gsi. */
static bool gsi_taken_by_override(unsigned int irq, u32 gsi)
{
	unsigned int isa;

	for (isa = 0; isa < NR_LEGACY_IRQS; isa++) {
		const struct madt_override *ov = find_override(isa);

		if (isa != irq && ov && ov->gsi == gsi)
			return true;
	}
	return false;
}

int ioapic_route(unsigned int irq, struct irq_route *r)
{
	const struct madt_override *ov = NULL;
	unsigned int pin;
	u16 pol, trig;

	if (irq >= NR_IRQS)
		return -EINVAL;
	if (irq < NR_LEGACY_IRQS)
		ov = find_override(irq);
	r->gsi = ov ? ov->gsi : irq;
	if (!ov && gsi_taken_by_override(irq, r->gsi))
		return -EINVAL;
	if (!gsi_to_ioapic(r->gsi, &pin))
		return -EINVAL;
	pol = ov ? ov->flags & MADT_POLARITY_MASK : MADT_POLARITY_CONFORMS;
	trig = ov ? ov->flags & MADT_TRIGGER_MASK : MADT_TRIGGER_CONFORMS;
	/* "Conforms to the bus": ISA is edge/high, PCI (GSI >= 16) level/low. */
	if (pol == MADT_POLARITY_CONFORMS)
		r->active_low = irq >= NR_LEGACY_IRQS;
	else
		r->active_low = pol == MADT_POLARITY_LOW;
	if (trig == MADT_TRIGGER_CONFORMS)
		r->level = irq >= NR_LEGACY_IRQS;
	else
		r->level = trig == MADT_TRIGGER_LEVEL;
	return 0;
}

int ioapic_unmask_irq(unsigned int irq, int vector)
{
	struct irq_route r;
	struct ioapic *io;
	unsigned int pin;
	unsigned long flags;
	u32 low;

	if (ioapic_route(irq, &r))
		return -EINVAL;
	io = gsi_to_ioapic(r.gsi, &pin);
	if (!io)
		return -EINVAL;
	low = vector | (r.level ? IOAPIC_RTE_LEVEL : 0) |
	      (r.active_low ? IOAPIC_RTE_ACTIVE_LOW : 0);
	spin_lock_irqsave(&ioapic_lock, flags);
	/* Fixed delivery, physical destination: the boot CPU. */
	ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin + 1, x86_cpu_to_apicid[0] << 24);
	ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin, low);
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return 0;
}

void ioapic_mask_irq(unsigned int irq)
{
	struct irq_route r;
	struct ioapic *io;
	unsigned int pin;
	unsigned long flags;
	u32 low;

	if (ioapic_route(irq, &r))
		return;
	io = gsi_to_ioapic(r.gsi, &pin);
	if (!io)
		return;
	spin_lock_irqsave(&ioapic_lock, flags);
	low = ioapic_read(io, IOAPIC_REG_REDTBL + 2 * pin);
	ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin, low | IOAPIC_RTE_MASKED);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

unsigned int ioapic_nr_inputs(void)
{
	unsigned int n = 0;
	int i;

	for (i = 0; i < nr_ioapics; i++)
		n += ioapics[i].nr_pins;
	return n;
}

static int ioapic_add(u32 addr, u32 gsi_base)
{
	struct ioapic *io = &ioapics[nr_ioapics];
	unsigned int pin;

	io->base = ioremap(addr, PAGE_SIZE);
	if (!io->base)
		return -ENOMEM;
	io->gsi_base = gsi_base;
	io->nr_pins = ((ioapic_read(io, IOAPIC_REG_VER) >> 16) & 0xff) + 1;
	for (pin = 0; pin < io->nr_pins; pin++) {
		ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin, IOAPIC_RTE_MASKED);
		ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin + 1, 0);
	}
	pr_info("ioapic: IOAPIC %d at %#x, GSI %u-%u\n",
		(ioapic_read(io, IOAPIC_REG_ID) >> 24) & 0xf, addr, gsi_base,
		gsi_base + io->nr_pins - 1);
	nr_ioapics++;
	return 0;
}

/**
 * ioapic_init - find the IOAPICs and mask every input
 *
 * From the MADT if the ACPI code parsed one, else QEMU's single IOAPIC.
 * Return: 0, -ENODEV without IOAPIC, -ENOMEM if a mapping fails.
 */
int ioapic_init(void)
{
	int i, ret;

	if (!have_madt()) {
		pr_info("ioapic: no MADT, assuming QEMU's IOAPIC layout\n");
		return ioapic_add(QEMU_IOAPIC_BASE, 0);
	}
	for (i = 0; i < madt_info.nr_ioapics && i < IOAPIC_MAX; i++) {
		ret = ioapic_add(madt_info.ioapic[i].addr,
				 madt_info.ioapic[i].gsi_base);
		if (ret)
			return ret;
	}
	return nr_ioapics ? 0 : -ENODEV;
}
