/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PCI core's internal interface: raw configuration access (shared
 * with ACPICA's OS layer), the device list and the sysfs groups.
 */
#ifndef _DRIVERS_PCI_PCI_H
#define _DRIVERS_PCI_PCI_H

#include <linux/pci.h>

/* The 4 KiB ECAM window of bus 0 is mapped; larger offsets need it. */
#define PCI_CONF_LEGACY_BYTES	256
#define PCI_CONF_ECAM_BYTES	4096

int pci_raw_read(u16 seg, u8 bus, u8 devfn, int reg, int len, u32 *val);
int pci_raw_write(u16 seg, u8 bus, u8 devfn, int reg, int len, u32 val);
int pci_ecam_init(void);
bool pci_ecam_active(void);

extern struct bus_type pci_bus_type;
extern const struct attribute_group *pci_sysfs_groups[];
int pci_uevent(const struct device *dev, struct kobj_uevent_env *env);
int pci_format_resources(const struct pci_dev *pdev, char *buf, size_t size);
int pci_scan_bus0(void);
void pci_bus_add_device(struct pci_dev *pdev);
void pci_update_intx(struct pci_dev *pdev, bool on);

#endif /* _DRIVERS_PCI_PCI_H */
