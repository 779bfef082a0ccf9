// SPDX-License-Identifier: GPL-2.0
/*
 * PCI enumeration: every function on bus 0 becomes a struct pci_dev, with
 * its header, its BARs as firmware assigned them (claimed in the resource
 * tree) and its INTx line; and the capability list walk.
 *
 * DOC: enumeration
 *
 * pci_scan_bus0() runs once at boot. A BAR is sized by writing all ones
 * and reading back which address bits stick, with the function's memory
 * and I/O decoding turned off meanwhile so that the probed value never
 * decodes; the original value and command are put back. A memory BAR is
 * claimed under the "PCI mem" window of the resource tree (which
 * e820__reserve_holes() claimed busy, so that no RAM is hot-added there):
 * /sys/kernel/debug/iomem shows it nested, named after the function. I/O
 * BARs are recorded but not claimed: Tide has no I/O port tree. Functions
 * behind PCI-to-PCI bridges are not enumerated: QEMU's pc and q35
 * machines have none by default.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/irq.h>
#include "pci.h"

#define PCI_HDR_LAYOUT		0x7f
#define PCI_HDR_MULTIFN		0x80
#define PCI_HDR_ENDPOINT	0
#define PCI_HDR_P2P_BRIDGE	1
#define PCI_BAR_IO_MASK		(~0x03u)
#define PCI_BAR_MEM_MASK	(~0x0fu)
#define PCI_BAR_MEM_TYPE_MASK	0x06
#define PCI_SLOTS_ON_BUS	32
#define PCI_CAP_WALK_LIMIT	48	/* capabilities fit 192 bytes */

int pci_read_config_byte(const struct pci_dev *pdev, int where, u8 *val)
{
	u32 v = ~0u;
	int ret = pci_raw_read(pdev->segment, pdev->bus, pdev->devfn, where,
			       1, &v);

	*val = v;
	return ret;
}

int pci_read_config_word(const struct pci_dev *pdev, int where, u16 *val)
{
	u32 v = ~0u;
	int ret = pci_raw_read(pdev->segment, pdev->bus, pdev->devfn, where,
			       2, &v);

	*val = v;
	return ret;
}

int pci_read_config_dword(const struct pci_dev *pdev, int where, u32 *val)
{
	*val = ~0u;
	return pci_raw_read(pdev->segment, pdev->bus, pdev->devfn, where, 4,
			    val);
}

int pci_write_config_byte(const struct pci_dev *pdev, int where, u8 val)
{
	return pci_raw_write(pdev->segment, pdev->bus, pdev->devfn, where, 1,
			     val);
}

int pci_write_config_word(const struct pci_dev *pdev, int where, u16 val)
{
	return pci_raw_write(pdev->segment, pdev->bus, pdev->devfn, where, 2,
			     val);
}

int pci_write_config_dword(const struct pci_dev *pdev, int where, u32 val)
{
	return pci_raw_write(pdev->segment, pdev->bus, pdev->devfn, where, 4,
			     val);
}

/**
 * pci_find_next_capability - the next capability @cap after @pos
 * @pdev: the function
 * @pos: a capability's offset, or PCI_CAPABILITY_LIST to start
 * @cap: a PCI_CAP_ID_* value
 *
 * Follows the list at most PCI_CAP_WALK_LIMIT steps, so that a looping
 * list ends; pointers are dword aligned and at least 0x40.
 *
 * Return: the offset of the capability, or 0 if there is none.
 */
u8 pci_find_next_capability(struct pci_dev *pdev, u8 pos, int cap)
{
	int steps = PCI_CAP_WALK_LIMIT;
	u8 next;
	u16 hdr;

	if (pos == PCI_CAPABILITY_LIST) {
		u16 status;

		pci_read_config_word(pdev, PCI_STATUS, &status);
		if (status == 0xffff || !(status & PCI_STATUS_CAP_LIST))
			return 0;
		pci_read_config_byte(pdev, PCI_CAPABILITY_LIST, &next);
	} else {
		pci_read_config_byte(pdev, pos + PCI_CAP_LIST_NEXT, &next);
	}
	while (steps--) {
		next &= ~3;
		if (next < 0x40)
			return 0;
		pci_read_config_word(pdev, next, &hdr);
		if ((hdr & 0xff) == 0xff)
			return 0;
		if ((hdr & 0xff) == cap)
			return next;
		next = hdr >> 8;
	}
	return 0;
}

/**
 * pci_find_capability - the first capability @cap of @pdev
 * @pdev: the function
 * @cap: a PCI_CAP_ID_* value
 *
 * Return: its offset in configuration space, or 0 if it has none.
 */
u8 pci_find_capability(struct pci_dev *pdev, int cap)
{
	return pci_find_next_capability(pdev, PCI_CAPABILITY_LIST, cap);
}

/*
 * Sizes BAR @i (two slots for a 64-bit one) and fills pdev->resource[i].
 * Decoding is off. Returns how many BAR slots it used.
 */
static int pci_read_bar(struct pci_dev *pdev, int i)
{
	int reg = PCI_BASE_ADDRESS_0 + 4 * i;
	struct resource *res = &pdev->resource[i];
	u32 lo, lo_mask, hi = 0, hi_mask = ~0u;
	u64 base, mask;
	bool is64;

	pci_read_config_dword(pdev, reg, &lo);
	pci_write_config_dword(pdev, reg, ~0u);
	pci_read_config_dword(pdev, reg, &lo_mask);
	pci_write_config_dword(pdev, reg, lo);
	if (!lo_mask || lo_mask == ~0u)
		return 1;	/* not implemented */

	if (lo & PCI_BASE_ADDRESS_SPACE_IO) {
		mask = lo_mask & PCI_BAR_IO_MASK & 0xffff;
		if (!mask)
			return 1;
		res->start = lo & PCI_BAR_IO_MASK;
		res->end = res->start + (mask & -mask) - 1;
		res->flags = IORESOURCE_IO | IORESOURCE_SIZEALIGN |
			     (lo & ~PCI_BAR_IO_MASK);
		return 1;
	}
	is64 = (lo & PCI_BAR_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
	       i + 1 < PCI_STD_NUM_BARS;
	if (is64) {
		pci_read_config_dword(pdev, reg + 4, &hi);
		pci_write_config_dword(pdev, reg + 4, ~0u);
		pci_read_config_dword(pdev, reg + 4, &hi_mask);
		pci_write_config_dword(pdev, reg + 4, hi);
	} else {
		hi_mask = ~0u;	/* a 32-bit BAR's size fits its low mask */
	}
	mask = ((u64)hi_mask << 32) | (lo_mask & PCI_BAR_MEM_MASK);
	base = ((u64)hi << 32) | (lo & PCI_BAR_MEM_MASK);
	if (mask & PCI_BAR_MEM_MASK) {
		res->start = base;
		res->end = base + (mask & -mask) - 1;
		res->flags = IORESOURCE_MEM | IORESOURCE_SIZEALIGN |
			     (lo & ~PCI_BAR_MEM_MASK) |
			     (is64 ? IORESOURCE_MEM_64 : 0) |
			     (lo & PCI_BASE_ADDRESS_MEM_PREFETCH ?
			      IORESOURCE_PREFETCH : 0);
	}
	return is64 ? 2 : 1;
}

static void pci_read_bars(struct pci_dev *pdev, int nr)
{
	u16 saved;
	int i;

	/* No decoding while a BAR holds all ones. */
	pci_read_config_word(pdev, PCI_COMMAND, &saved);
	pci_write_config_word(pdev, PCI_COMMAND, saved &
			      ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (i = 0; i < nr; )
		i += pci_read_bar(pdev, i);
	pci_write_config_word(pdev, PCI_COMMAND, saved);
}

/* Claims each memory BAR under "PCI mem"; an unclaimable one is dropped. */
static void pci_claim_bars(struct pci_dev *pdev)
{
	int i, err;

	for (i = 0; i != PCI_STD_NUM_BARS; i++) {
		struct resource *res = pdev->resource + i;
		bool io = res->flags & IORESOURCE_IO;

		res->name = dev_name(&pdev->dev);
		if (io)
			pr_info("pci %s: BAR %d [io  %#06llx-%#06llx]\n",
				res->name, i, (u64)res->start, (u64)res->end);
		if (io || !res->flags)
			continue;
		err = res->start ? iomem_request_within("PCI mem", res) :
				   -ENOENT;
		if (err) {
			pr_err("pci %s: BAR %d [mem %#010llx-%#010llx] cannot be claimed (%d), ignored\n",
			       res->name, i, (u64)res->start, (u64)res->end,
			       err);
			memset(res, 0, sizeof(*res));
			continue;
		}
		pr_info("pci %s: BAR %d [mem %#010llx-%#010llx%s%s]\n",
			res->name, i, (u64)res->start, (u64)res->end,
			res->flags & IORESOURCE_MEM_64 ? " 64bit" : "",
			res->flags & IORESOURCE_PREFETCH ? " pref" : "");
	}
}

/*
 * INTx: SeaBIOS writes the ISA irq it routed the pin to in
 * PCI_INTERRUPT_LINE; ioapic_route() maps it through the MADT's
 * overrides to a GSI. Without a usable line the function gets irq 0.
 */
static void pci_read_irq(struct pci_dev *pdev)
{
	struct irq_route route;
	u8 line;

	pci_read_config_byte(pdev, PCI_INTERRUPT_PIN, &pdev->pin);
	pci_read_config_byte(pdev, PCI_INTERRUPT_LINE, &line);
	if (pdev->pin < 1 || pdev->pin > 4)
		pdev->pin = 0;
	if (pdev->pin && line && line < NR_IRQS && !ioapic_route(line, &route))
		pdev->irq = line;
	else if (pdev->pin)
		pr_info("pci %s: INTx pin %c has no usable line (%u)\n",
			dev_name(&pdev->dev), 'A' + pdev->pin - 1, line);
}

static void pci_dev_release(struct device *dev)
{
	kfree(to_pci_dev(dev));
}

static struct device *pci_root;

static void pci_root_release(struct device *dev)
{
	kfree(dev);
}

/* Reads the header of one present function and adds it. */
static int pci_scan_function(u8 devfn, u32 id)
{
	struct pci_dev *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);
	struct device *dev;
	u32 class_rev;
	u8 layout;
	int err;

	if (!pdev)
		return -ENOMEM;
	pdev->devfn = devfn;
	pdev->vendor = id & 0xffff;
	pdev->device = id >> 16;
	pci_read_config_dword(pdev, PCI_CLASS_REVISION, &class_rev);
	pdev->class = class_rev >> 8;
	pdev->revision = class_rev & 0xff;
	pci_read_config_byte(pdev, PCI_HEADER_TYPE, &layout);
	pdev->hdr_type = layout & PCI_HDR_LAYOUT;
	INIT_LIST_HEAD(&pdev->node);

	dev = &pdev->dev;
	device_initialize(dev);
	dev->release = pci_dev_release;
	dev->parent = pci_root;
	dev->bus = &pci_bus_type;
	err = dev_set_name(&pdev->dev, "%04x:%02x:%02x.%d", pdev->segment,
			   pdev->bus, PCI_SLOT(devfn), PCI_FUNC(devfn));
	if (err)
		goto put;

	pr_info("pci %s: [%04x:%04x] type %02x class %#08x\n",
		dev_name(&pdev->dev), pdev->vendor, pdev->device,
		pdev->hdr_type, pdev->class);
	if (pdev->hdr_type == PCI_HDR_ENDPOINT) {
		pci_read_config_word(pdev, PCI_SUBSYSTEM_VENDOR_ID,
				     &pdev->subsystem_vendor);
		pci_read_config_word(pdev, PCI_SUBSYSTEM_ID,
				     &pdev->subsystem_device);
		pci_read_bars(pdev, PCI_STD_NUM_BARS);
	} else if (pdev->hdr_type == PCI_HDR_P2P_BRIDGE) {
		pci_read_bars(pdev, 2);
		pr_info("pci %s: bridge: the buses behind it are not scanned\n",
			dev_name(&pdev->dev));
	}
	pci_claim_bars(pdev);
	pci_read_irq(pdev);
	pdev->msix_cap = pci_find_capability(pdev, PCI_CAP_ID_MSIX);

	err = device_add(&pdev->dev);
	if (err)
		goto release;
	pci_bus_add_device(pdev);
	return 0;

release:
	for (int i = 0; i < PCI_STD_NUM_BARS; i++)
		if (pdev->resource[i].parent)
			release_resource(&pdev->resource[i]);
put:
	put_device(&pdev->dev);
	return err;
}

/**
 * pci_scan_bus0 - find and add every function of bus 0
 *
 * Boot, once, after pci_ecam_init() and bus registration. A function that
 * cannot be added is reported and skipped.
 *
 * Return: the number of functions added, or -ENOMEM for no root device.
 */
int __init pci_scan_bus0(void)
{
	int slot, fn, found = 0, err;
	struct pci_dev probe = { };
	u32 id;
	u8 hdr;

	pci_root = kzalloc(sizeof(*pci_root), GFP_KERNEL);
	if (!pci_root)
		return -ENOMEM;
	device_initialize(pci_root);
	pci_root->release = pci_root_release;
	err = dev_set_name(pci_root, "pci0000:00");
	if (!err)
		err = device_add(pci_root);
	if (err) {
		put_device(pci_root);
		pci_root = NULL;
		return err;
	}
	for (slot = 0; slot < PCI_SLOTS_ON_BUS; slot++) {
		for (fn = 0; fn < 8; fn++) {
			probe.devfn = PCI_DEVFN(slot, fn);
			pci_read_config_dword(&probe, PCI_VENDOR_ID, &id);
			if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
				if (fn == 0)
					break;
				continue;
			}
			err = pci_scan_function(probe.devfn, id);
			if (err)
				pr_err("pci 0000:00:%02x.%d: not added (%d)\n",
				       slot, fn, err);
			else
				found++;
			if (fn == 0) {
				pci_read_config_byte(&probe, PCI_HEADER_TYPE,
						     &hdr);
				if (!(hdr & PCI_HDR_MULTIFN))
					break;
			}
		}
	}
	return found;
}
