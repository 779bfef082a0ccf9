// SPDX-License-Identifier: GPL-2.0
/*
 * The files of /sys/bus/pci/devices/SSSS:BB:DD.F, in Linux 6.12's formats:
 * ids, class, irq, resource, config, enable, and the uevent variables.
 *
 * Shows read fields set at enumeration, which never change afterwards,
 * or configuration space itself; they take no lock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include "pci.h"

/* A read-only file named @field, the struct pci_dev field of that name. */
#define PCI_ID_SHOW(field, fmt)						\
static ssize_t field##_show(struct device *d, struct device_attribute *a, \
			    char *buf)					\
{									\
	return sysfs_emit(buf, fmt "\n", to_pci_dev(d)->field);		\
}									\
static struct device_attribute pci_attr_##field = __ATTR_RO(field)

PCI_ID_SHOW(vendor, "0x%04x");
PCI_ID_SHOW(device, "0x%04x");
PCI_ID_SHOW(subsystem_vendor, "0x%04x");
PCI_ID_SHOW(subsystem_device, "0x%04x");
PCI_ID_SHOW(class, "0x%06x");
PCI_ID_SHOW(revision, "0x%02x");
PCI_ID_SHOW(irq, "%u");

/**
 * pci_format_resources - the text of a function's resource file
 * @pdev: the function
 * @buf: where to write
 * @size: its size
 *
 * One line per BAR and one for the expansion ROM (not probed: zeros),
 * start, end and flags each as 0x and 16 hex digits; zeros for an unused
 * slot.
 *
 * Return: the length written (without the final NUL).
 */
int pci_format_resources(const struct pci_dev *pdev, char *buf, size_t size)
{
	int i, n = 0;

	for (i = 0; i <= PCI_STD_NUM_BARS; i++) {
		const struct resource *r = i < PCI_STD_NUM_BARS ?
					   &pdev->resource[i] : NULL;
		u64 start = 0, end = 0, flags = 0;

		if (r && r->flags) {
			start = r->start;
			end = r->end;
			flags = r->flags;
		}
		n += scnprintf(buf + n, size - n,
			       "0x%016llx 0x%016llx 0x%016llx\n",
			       start, end, flags);
	}
	return n;
}

static ssize_t resource_show(struct device *d, struct device_attribute *a,
			     char *buf)
{
	return pci_format_resources(to_pci_dev(d), buf, PAGE_SIZE);
}
static struct device_attribute pci_attr_resource = __ATTR_RO(resource);

static ssize_t enable_show(struct device *d, struct device_attribute *a,
			   char *buf)
{
	u16 command;
	bool decodes;

	pci_read_config_word(to_pci_dev(d), PCI_COMMAND, &command);
	decodes = command & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY);
	return sysfs_emit(buf, "%d\n", decodes);
}
static struct device_attribute pci_attr_enable = __ATTR_RO(enable);

/* The first 256 bytes of configuration space, as raw bytes. */
static ssize_t config_show(struct device *d, struct device_attribute *a,
			   char *buf)
{
	int i;

	for (i = 0; i < PCI_CONF_LEGACY_BYTES; i += 4) {
		u32 v;

		pci_read_config_dword(to_pci_dev(d), i, &v);
		memcpy(buf + i, &v, 4);
	}
	return PCI_CONF_LEGACY_BYTES;
}
static struct device_attribute pci_attr_config = __ATTR_RO(config);

static struct attribute *pci_sysfs_attrs[] = {
	&pci_attr_vendor.attr,
	&pci_attr_device.attr,
	&pci_attr_subsystem_vendor.attr,
	&pci_attr_subsystem_device.attr,
	&pci_attr_class.attr,
	&pci_attr_revision.attr,
	&pci_attr_irq.attr,
	&pci_attr_resource.attr,
	&pci_attr_enable.attr,
	&pci_attr_config.attr,
	NULL,
};

static const struct attribute_group pci_sysfs_group = {
	.attrs = pci_sysfs_attrs,
};

/* The files of every function: pci_bus_type.dev_groups. */
const struct attribute_group *pci_sysfs_groups[] = {
	&pci_sysfs_group,
	NULL,
};

/**
 * pci_uevent - a function's uevent variables, as Linux's
 * @dev: the function's device
 * @env: the event being built
 *
 * Return: 0, or -ENOMEM if @env is full.
 */
int pci_uevent(const struct device *dev, struct kobj_uevent_env *env)
{
	const struct pci_dev *f = container_of(dev, struct pci_dev, dev);
	u8 base = f->class >> 16, sub = f->class >> 8, progif = f->class;

	if (add_uevent_var(env, "PCI_CLASS=%04X", f->class) ||
	    add_uevent_var(env, "PCI_ID=%04X:%04X", f->vendor, f->device) ||
	    add_uevent_var(env, "PCI_SUBSYS_ID=%04X:%04X",
			   f->subsystem_vendor, f->subsystem_device) ||
	    add_uevent_var(env, "PCI_SLOT_NAME=%s", dev_name(dev)) ||
	    add_uevent_var(env, "MODALIAS=pci:v%08Xd%08X"
			   "sv%08Xsd%08X" "bc%02Xsc%02Xi%02X",
			   f->vendor, f->device, f->subsystem_vendor,
			   f->subsystem_device, base, sub, progif))
		return -ENOMEM;
	return 0;
}
