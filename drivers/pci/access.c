// SPDX-License-Identifier: GPL-2.0
/*
 * PCI configuration space access: mechanism #1 through ports 0xcf8/0xcfc
 * on every machine, and on a machine whose ACPI MCFG table describes an
 * ECAM window (QEMU's q35), memory-mapped access through it.
 *
 * DOC: configuration access
 *
 * One implementation serves both the PCI core and ACPICA
 * (acpi_os_read_pci_configuration() in drivers/acpi/osl.c). Mechanism #1
 * writes the address of a dword to 0xcf8 and moves the data through
 * 0xcfc..0xcff: the address latch is shared, so pci_conf1_lock is held
 * from the address write to the data access, with interrupts off (any
 * context may read configuration space). ECAM needs no lock: each access
 * is one load or store. pci_ecam_init() validates MCFG's first entry
 * (segment 0, bus range starting at 0, base 1 MiB aligned, below 4 GiB
 * and not System RAM) and maps the 1 MiB window of bus 0, the only bus
 * Tide enumerates; other buses, and any machine without a usable MCFG,
 * use mechanism #1 (whose reach is the first 256 bytes of a function).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/acpi.h>
#include <acpi/acpi.h>
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <asm/io.h>
#include "pci.h"

#define PCI_CONF1_ADDRESS	0xcf8
#define PCI_CONF1_DATA		0xcfc
#define PCI_CONF1_ENABLE	0x80000000u

/* The 0xcf8 latch: held from the address write to the data access. */
static DEFINE_SPINLOCK(pci_conf1_lock);

/*
 * ECAM window of bus 0: set once by pci_ecam_init() (an initcall, before
 * enumeration), read locklessly afterwards.
 */
static void __iomem *pci_ecam_bus0;

static bool pci_access_ok(u16 seg, int reg, int len, int limit)
{
	return seg == 0 && reg >= 0 && reg + len <= limit &&
	       (len == 1 || len == 2 || len == 4) && !(reg & (len - 1));
}

static u32 pci_conf1_address(u8 bus, u8 devfn, int reg)
{
	return PCI_CONF1_ENABLE | (u32)bus << 16 | (u32)devfn << 8 |
	       (reg & 0xfc);
}

static void __iomem *pci_ecam_addr(u8 bus, u8 devfn, int reg)
{
	void __iomem *base = READ_ONCE(pci_ecam_bus0);

	if (!base || bus != 0)
		return NULL;
	return base + ((u32)devfn << 12) + reg;
}

/*
 * One access of @len bytes at @reg: through ECAM where it covers the
 * bus, else through ports 0xcf8/0xcfc under pci_conf1_lock.
 * Return: 0, or -EINVAL for a bad segment, offset, length or alignment.
 */
static int pci_conf_access(u16 seg, u8 bus, u8 devfn, int reg, int len,
			   u32 *val, bool write)
{
	void __iomem *mmio = pci_ecam_addr(bus, devfn, reg);
	u16 port = PCI_CONF1_DATA + (reg & 3);
	unsigned long flags;

	if (!pci_access_ok(seg, reg, len, mmio ? PCI_CONF_ECAM_BYTES :
			   PCI_CONF_LEGACY_BYTES))
		return -EINVAL;
	if (mmio) {
		if (!write)
			*val = len == 1 ? readb(mmio) : len == 2 ?
			       readw(mmio) : readl(mmio);
		else if (len == 1)
			writeb(*val, mmio);
		else if (len == 2)
			writew(*val, mmio);
		else
			writel(*val, mmio);
		return 0;
	}
	spin_lock_irqsave(&pci_conf1_lock, flags);
	outl(pci_conf1_address(bus, devfn, reg), PCI_CONF1_ADDRESS);
	if (!write)
		*val = len == 1 ? inb(port) : len == 2 ? inw(port) : inl(port);
	else if (len == 1)
		outb(*val, port);
	else if (len == 2)
		outw(*val, port);
	else
		outl(*val, port);
	spin_unlock_irqrestore(&pci_conf1_lock, flags);
	return 0;
}

/**
 * pci_raw_read - read configuration space of one function
 * @seg: PCI segment (only 0 exists)
 * @bus: bus number
 * @devfn: slot and function
 * @reg: byte offset, aligned to @len
 * @len: 1, 2 or 4
 * @val: out: the value (all ones if nothing answers)
 *
 * Any context. Offsets from 256 on need ECAM.
 *
 * Return: 0, or -EINVAL for a bad segment, offset, length or alignment.
 */
int pci_raw_read(u16 seg, u8 bus, u8 devfn, int reg, int len, u32 *val)
{
	return pci_conf_access(seg, bus, devfn, reg, len, val, false);
}

/**
 * pci_raw_write - write configuration space of one function
 * @seg: PCI segment (only 0 exists)
 * @bus: bus number
 * @devfn: slot and function
 * @reg: byte offset, aligned to @len
 * @len: 1, 2 or 4
 * @val: the value
 *
 * Any context.
 *
 * Return: 0, or -EINVAL as pci_raw_read().
 */
int pci_raw_write(u16 seg, u8 bus, u8 devfn, int reg, int len, u32 val)
{
	return pci_conf_access(seg, bus, devfn, reg, len, &val, true);
}

/**
 * pci_ecam_active - whether configuration access goes through ECAM
 *
 * Return: true once pci_ecam_init() mapped MCFG's window.
 */
bool pci_ecam_active(void)
{
	return READ_ONCE(pci_ecam_bus0) != NULL;
}

/* MCFG: the ACPI header, 8 reserved bytes, then 16-byte entries. */
struct pci_mcfg_entry {
	u64 base;
	u16 segment;
	u8 bus_start;
	u8 bus_end;
	u32 reserved;
} __packed;

#define PCI_MCFG_ENTRIES_AT	(sizeof(struct acpi_table_header) + 8)

/**
 * pci_ecam_init - use the ECAM window MCFG describes, if it is sound
 *
 * Boot, once, before enumeration. Without MCFG (-M pc) nothing changes.
 * A bad entry is reported and mechanism #1 stays.
 *
 * Return: 0 (ECAM in use, or no MCFG), -EINVAL for an unusable entry,
 * -ENOMEM if the window cannot be mapped.
 */
int __init pci_ecam_init(void)
{
	struct acpi_table_header *t = acpi_get_table_early("MCFG", 0);
	const struct pci_mcfg_entry *e;
	void __iomem *va;
	u64 end;

	if (!t)
		return 0;
	if (t->length < PCI_MCFG_ENTRIES_AT + sizeof(*e)) {
		pr_err("PCI: MCFG has no entry; using port 0xcf8\n");
		return -EINVAL;
	}
	e = (const void *)t + PCI_MCFG_ENTRIES_AT;
	end = e->base + ((u64)(e->bus_end + 1) << 20) - 1;
	if (e->segment != 0 || e->bus_start != 0 || e->bus_end < e->bus_start ||
	    !IS_ALIGNED(e->base, SZ_1M) || e->base < SZ_1M || end >= SZ_4G ||
	    region_intersects(e->base, end - e->base + 1,
			      IORESOURCE_SYSTEM_RAM) != REGION_DISJOINT) {
		pr_err("PCI: MCFG entry [mem %#010llx-%#010llx] segment %u buses %02x-%02x is unusable; using port 0xcf8\n",
		       e->base, end, e->segment, e->bus_start, e->bus_end);
		return -EINVAL;
	}
	va = ioremap(e->base, SZ_1M);
	if (!va) {
		pr_err("PCI: cannot map ECAM at %#llx; using port 0xcf8\n",
		       e->base);
		return -ENOMEM;
	}
	WRITE_ONCE(pci_ecam_bus0, va);
	pr_info("PCI: ECAM [mem %#010llx-%#010llx] (base %#llx) for domain 0000 [bus %02x-%02x]\n",
		e->base, end, e->base, e->bus_start, e->bus_end);
	return 0;
}
