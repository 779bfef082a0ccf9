// SPDX-License-Identifier: GPL-2.0
/*
 * The PCI bus: the list of functions, drivers matched to them by vendor
 * and device id, and what a driver does to its function (enable it, make
 * it a bus master, map a BAR, set up its interrupts).
 *
 * DOC: drivers
 *
 * pci_lock (a mutex) protects pci_devices, pci_drivers and every
 * pdev->driver: pci_register_driver() walks the functions and
 * pci_bus_add_device() walks the drivers, each under one hold, so a
 * function found while a driver registers is offered to it exactly once.
 * probe() and remove() run with pci_lock held: they must not register or
 * unregister PCI drivers. Interrupts are in msi.c.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include "pci.h"

static DEFINE_MUTEX(pci_lock);
static LIST_HEAD(pci_devices);	/* every function, under pci_lock */
static LIST_HEAD(pci_drivers);	/* every driver, under pci_lock */

struct bus_type pci_bus_type = {
	.name = "pci",
	.dev_groups = pci_sysfs_groups,
	.uevent = pci_uevent,
};

static const struct pci_device_id *pci_match(const struct pci_driver *drv,
					     const struct pci_dev *pdev)
{
	const struct pci_device_id *e;

	for (e = drv->id_table; e && e->vendor; e++)
		if ((e->vendor == PCI_ANY_ID || e->vendor == pdev->vendor) &&
		    (e->device == PCI_ANY_ID || e->device == pdev->device))
			return e;
	return NULL;
}

/* pci_lock held. Offers @pdev to @drv; true if it bound. */
static bool pci_try_bind(struct pci_driver *drv, struct pci_dev *pdev)
{
	const struct pci_device_id *entry;
	int err;

	if (pdev->driver)
		return false;
	entry = pci_match(drv, pdev);
	if (!entry || !drv->probe)
		return false;
	pdev->driver = drv;
	err = drv->probe(pdev, entry);
	if (err) {
		pdev->driver = NULL;
		if (err != -ENODEV)
			pr_err("pci %s: %s: probe failed (%d)\n",
			       dev_name(&pdev->dev), drv->name, err);
		return false;
	}
	return true;
}

/**
 * pci_bus_add_device - put a new function on the list, offer it to drivers
 * @pdev: the function, added to sysfs already
 *
 * Sleeps (takes pci_lock).
 */
void pci_bus_add_device(struct pci_dev *pdev)
{
	struct pci_driver *drv;

	mutex_lock(&pci_lock);
	list_add_tail(&pdev->node, &pci_devices);
	list_for_each_entry(drv, &pci_drivers, node)
		if (pci_try_bind(drv, pdev))
			break;
	mutex_unlock(&pci_lock);
}

/**
 * pci_register_driver - add a driver and bind it to its functions
 * @drv: the driver; id_table ends with a vendor of 0
 *
 * probe() is called for every matching function without a driver, now
 * and for functions found later. Sleeps.
 *
 * Return: 0, or -EINVAL for a driver without a name, table or probe.
 */
int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *pdev;

	if (!drv->name || !drv->id_table || !drv->probe)
		return -EINVAL;
	mutex_lock(&pci_lock);
	list_add_tail(&drv->node, &pci_drivers);
	list_for_each_entry(pdev, &pci_devices, node)
		pci_try_bind(drv, pdev);
	mutex_unlock(&pci_lock);
	return 0;
}

/**
 * pci_unregister_driver - unbind a driver from its functions and drop it
 * @driver: a registered driver
 *
 * remove() is called for each bound function. Sleeps.
 */
void pci_unregister_driver(struct pci_driver *driver)
{
	struct pci_dev *pdev;

	mutex_lock(&pci_lock);
	list_for_each_entry(pdev, &pci_devices, node) {
		if (pdev->driver != driver)
			continue;
		if (driver->remove)
			driver->remove(pdev);
		pdev->driver = NULL;
	}
	list_del(&driver->node);
	mutex_unlock(&pci_lock);
}

static void pci_update_command(struct pci_dev *pdev, u16 set, u16 clear)
{
	u16 was, want;

	pci_read_config_word(pdev, PCI_COMMAND, &was);
	want = (was & ~clear) | set;
	if (want != was)
		pci_write_config_word(pdev, PCI_COMMAND, want);
}

/**
 * pci_update_intx - let the function assert INTx, or stop it
 * @pdev: the function
 * @on: true to clear PCI_COMMAND_INTX_DISABLE, false to set it
 */
void pci_update_intx(struct pci_dev *pdev, bool on)
{
	if (on)
		pci_update_command(pdev, 0, PCI_COMMAND_INTX_DISABLE);
	else
		pci_update_command(pdev, PCI_COMMAND_INTX_DISABLE, 0);
}

/**
 * pci_enable_device - turn on decoding of the function's BARs
 * @pdev: the function
 *
 * Memory decoding if it has a memory BAR, I/O decoding if an I/O BAR.
 *
 * Return: 0.
 */
int pci_enable_device(struct pci_dev *pdev)
{
	unsigned long kinds = 0;
	u16 set = 0;
	int n;

	for (n = 0; n != PCI_STD_NUM_BARS; n++)
		kinds |= pdev->resource[n].flags;
	if (kinds & IORESOURCE_MEM)
		set |= PCI_COMMAND_MEMORY;
	if (kinds & IORESOURCE_IO)
		set |= PCI_COMMAND_IO;
	pci_update_command(pdev, set, 0);
	return 0;
}

/**
 * pci_disable_device - stop the function's decoding and bus mastering
 * @pdev: the function
 */
void pci_disable_device(struct pci_dev *pdev)
{
	pci_update_command(pdev, 0, PCI_COMMAND_IO | PCI_COMMAND_MEMORY |
			   PCI_COMMAND_MASTER);
}

/**
 * pci_set_master - let the function start DMA (and send MSI-X messages)
 * @pdev: the function
 */
void pci_set_master(struct pci_dev *pdev)
{
	pci_update_command(pdev, PCI_COMMAND_MASTER, 0);
}

/**
 * pci_iomap_range - map part of a memory BAR uncached
 * @pdev: the function
 * @bar: 0..5
 * @offset: from the BAR's start
 * @length: bytes; 0 for the rest of the BAR
 *
 * Return: the mapping, or NULL if @bar is not a memory BAR, the range
 * leaves it, or it cannot be mapped.
 */
void __iomem *pci_iomap_range(struct pci_dev *pdev, int bar,
			      unsigned long offset, unsigned long length)
{
	u64 size;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS ||
	    !(pci_resource_flags(pdev, bar) & IORESOURCE_MEM))
		return NULL;
	size = pci_resource_len(pdev, bar);
	if (offset >= size)
		return NULL;
	if (!length)
		length = size - offset;
	if (length > size - offset)
		return NULL;
	return ioremap(pci_resource_start(pdev, bar) + offset, length);
}

/**
 * pci_iounmap - undo pci_iomap_range()
 * @pdev: the function
 * @addr: the mapping
 */
void pci_iounmap(struct pci_dev *pdev, void __iomem *addr)
{
	if (addr)
		iounmap(addr);
}

/* Configuration access, the bus, then bus 0's functions. */
static int __init pci_core_init(void)
{
	int err, found;

	pci_ecam_init();
	err = bus_register(&pci_bus_type);
	if (err) {
		pr_err("PCI: cannot register the bus (%d)\n", err);
		return err;
	}
	found = pci_scan_bus0();
	if (found < 0)
		return found;
	pr_info("PCI: %d functions on bus 00 (%s)\n", found,
		pci_ecam_active() ? "ECAM" : "port 0xcf8");
	return 0;
}
subsys_initcall(pci_core_init);
