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

#define PCI_ID_SHOW(field, fmt)						\
static ssize_t field##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	return sysfs_emit(buf, fmt "\n", to_pci_dev(dev)->field);	\
}									\
static DEVICE_ATTR_RO(field)

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

static ssize_t resource_show(struct device *dev,
			     struct device_attribute *attr, char *buf)
{
	return pci_format_resources(to_pci_dev(dev), buf, PAGE_SIZE);
}
static DEVICE_ATTR_RO(resource);

static ssize_t enable_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	u16 cmd;

	pci_read_config_word(to_pci_dev(dev), PCI_COMMAND, &cmd);
	return sysfs_emit(buf, "%u\n",
			  !!(cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY)));
}
static DEVICE_ATTR_RO(enable);

/* The first 256 bytes of configuration space, as raw bytes. */
static ssize_t config_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	int i;

	for (i = 0; i < PCI_CFG_SPACE_SIZE; i += 4) {
		u32 v;

		pci_read_config_dword(pdev, i, &v);
		memcpy(buf + i, &v, 4);
	}
	return PCI_CFG_SPACE_SIZE;
}
static DEVICE_ATTR_RO(config);

static struct attribute *pci_dev_attrs[] = {
	&dev_attr_vendor.attr,
	&dev_attr_device.attr,
	&dev_attr_subsystem_vendor.attr,
	&dev_attr_subsystem_device.attr,
	&dev_attr_class.attr,
	&dev_attr_revision.attr,
	&dev_attr_irq.attr,
	&dev_attr_resource.attr,
	&dev_attr_enable.attr,
	&dev_attr_config.attr,
	NULL,
};

static const struct attribute_group pci_dev_group = {
	.attrs = pci_dev_attrs,
};

const struct attribute_group *pci_dev_groups[] = {
	&pci_dev_group,
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
	const struct pci_dev *pdev = container_of(dev, struct pci_dev, dev);

	if (add_uevent_var(env, "PCI_CLASS=%04X", pdev->class) ||
	    add_uevent_var(env, "PCI_ID=%04X:%04X", pdev->vendor,
			   pdev->device) ||
	    add_uevent_var(env, "PCI_SUBSYS_ID=%04X:%04X",
			   pdev->subsystem_vendor, pdev->subsystem_device) ||
	    add_uevent_var(env, "PCI_SLOT_NAME=%s", dev_name(dev)) ||
	    add_uevent_var(env, "MODALIAS=pci:v%08Xd%08X"
			   "sv%08Xsd%08X" "bc%02Xsc%02Xi%02X",
			   pdev->vendor, pdev->device, pdev->subsystem_vendor,
			   pdev->subsystem_device, pdev->class >> 16,
			   (pdev->class >> 8) & 0xff, pdev->class & 0xff))
		return -ENOMEM;
	return 0;
}
