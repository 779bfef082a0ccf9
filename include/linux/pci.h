/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI: devices found on the host bridge's buses, their configuration
 * space, BARs and capabilities, interrupts (MSI-X, else INTx through the
 * IOAPIC), and drivers matched by vendor and device id. The code is in
 * drivers/pci/; the register offsets and values are the PCI Local Bus and
 * PCI Express specifications' (the same as Linux's uapi pci_regs.h).
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/list.h>
#include <asm/io.h>

/* Configuration space header (type 0), byte offsets. */
#define PCI_VENDOR_ID		0x00	/* 16 bits */
#define PCI_DEVICE_ID		0x02	/* 16 bits */
#define PCI_COMMAND		0x04	/* 16 bits */
#define  PCI_COMMAND_IO		0x1	/* decode I/O space */
#define  PCI_COMMAND_MEMORY	0x2	/* decode memory space */
#define  PCI_COMMAND_MASTER	0x4	/* bus mastering (DMA, MSI) */
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS		0x06	/* 16 bits */
#define  PCI_STATUS_CAP_LIST	0x10	/* the capability list exists */
#define PCI_CLASS_REVISION	0x08	/* class << 8 | revision */
#define PCI_HEADER_TYPE		0x0e	/* bit 7: multi-function */
#define PCI_BASE_ADDRESS_0	0x10	/* six BARs, 4 bytes apart */
#define  PCI_BASE_ADDRESS_SPACE_IO	0x1
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x4
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x8
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_CAPABILITY_LIST	0x34
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d	/* 1..4: INTA..INTD, 0: none */

/* Capability ids and the MSI-X capability's registers. */
#define PCI_CAP_ID_VNDR		0x09	/* vendor specific (virtio's) */
#define PCI_CAP_ID_MSIX		0x11
#define PCI_CAP_LIST_NEXT	1
#define PCI_MSIX_FLAGS		2	/* 16 bits */
#define  PCI_MSIX_FLAGS_QSIZE	0x07ff	/* table size - 1 */
#define  PCI_MSIX_FLAGS_MASKALL	0x4000
#define  PCI_MSIX_FLAGS_ENABLE	0x8000
#define PCI_MSIX_TABLE		4	/* BIR in bits 2:0, offset above */
#define PCI_MSIX_PBA		8

#define PCI_STD_NUM_BARS	6
#define PCI_ANY_ID		(~0u)

#define PCI_DEVFN(slot, fn)	((((slot) & 0x1f) << 3) | ((fn) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

/**
 * struct pci_dev - one PCI function
 * @dev: its device, /sys/bus/pci/devices/SSSS:BB:DD.F (under
 *	/sys/devices/pci0000:00/)
 * @segment, @bus, @devfn: where it is
 * @vendor, @device, @subsystem_vendor, @subsystem_device, @revision:
 *	from its header
 * @class: base class << 16 | subclass << 8 | programming interface
 * @hdr_type: header type, the multi-function bit cleared
 * @resource: its BARs as firmware assigned them (flags IORESOURCE_MEM or
 *	IORESOURCE_IO, 0 for an unused BAR; the upper half of a 64-bit BAR
 *	is unused), claimed in the resource tree
 * @pin: its interrupt pin (0: none, 1..4: INTA..INTD)
 * @irq: the Linux-style irq number of its INTx line for request_irq(),
 *	0 if it has none
 * @msix_cap: offset of its MSI-X capability, 0 if none
 * @driver: the driver bound to it, or NULL
 * @node: on the list of every PCI device, under the PCI core's lock
 */
struct pci_dev {
	struct device dev;
	u16 segment;
	u8 bus;
	u8 devfn;
	u16 vendor, device;
	u16 subsystem_vendor, subsystem_device;
	u8 revision;
	u8 hdr_type;
	u32 class;
	struct resource resource[PCI_STD_NUM_BARS];
	u8 pin;
	unsigned int irq;
	u8 msix_cap;
	struct pci_driver *driver;
	struct list_head node;
};

static inline struct pci_dev *to_pci_dev(struct device *dev)
{
	return container_of(dev, struct pci_dev, dev);
}

/* A driver's match entry: PCI_ANY_ID matches every value. */
struct pci_device_id {
	u32 vendor, device;
};

/**
 * struct pci_driver - a driver for PCI functions
 * @name: for messages (and /sys/bus/pci/drivers/@name)
 * @id_table: entries ending with one whose vendor is 0
 * @probe: called for each matching device without a driver (at
 *	registration and when the device is found later); 0 binds it
 * @remove: called when the driver is unregistered, for each bound device
 * @node: the PCI core's list of drivers
 */
struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *pdev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *pdev);
	struct list_head node;
};

int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);

/* Configuration space access: 0, or -EINVAL for a bad offset/alignment. */
int pci_read_config_byte(const struct pci_dev *pdev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *pdev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *pdev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *pdev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *pdev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *pdev, int where, u32 val);

/* The offset of the first / next capability @cap, or 0 if none. */
u8 pci_find_capability(struct pci_dev *pdev, int cap);
u8 pci_find_next_capability(struct pci_dev *pdev, u8 pos, int cap);

#define pci_resource_start(pdev, bar)	((pdev)->resource[(bar)].start)
#define pci_resource_len(pdev, bar)					\
	((pdev)->resource[(bar)].flags ?				\
	 (pdev)->resource[(bar)].end - (pdev)->resource[(bar)].start + 1 : 0)
#define pci_resource_flags(pdev, bar)	((pdev)->resource[(bar)].flags)

int pci_enable_device(struct pci_dev *pdev);	/* decode its BARs */
void pci_disable_device(struct pci_dev *pdev);
void pci_set_master(struct pci_dev *pdev);

/*
 * Maps [@offset, @offset + @len) of memory BAR @bar uncached; NULL if the
 * BAR is not memory, or the range leaves it. Unmap with pci_iounmap().
 */
void __iomem *pci_iomap_range(struct pci_dev *pdev, int bar,
			      unsigned long offset, unsigned long len);
void pci_iounmap(struct pci_dev *pdev, void __iomem *addr);

/* Interrupts: MSI-X vectors if the device has them, else its INTx line. */
#define PCI_IRQ_INTX		(1 << 0)
#define PCI_IRQ_MSIX		(1 << 2)

/*
 * Sets up between @min and @max vectors of a kind @flags allows (MSI-X
 * first). Return: how many, or -ENOSPC / -EINVAL.
 */
int pci_alloc_irq_vectors(struct pci_dev *pdev, unsigned int min,
			  unsigned int max, unsigned int flags);
/* The irq number of vector @nr for request_irq(), or -EINVAL. */
int pci_irq_vector(struct pci_dev *pdev, unsigned int nr);
void pci_free_irq_vectors(struct pci_dev *pdev);

#endif /* _LINUX_PCI_H */
