// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the PCI core on the machine KUnit boots (QEMU -M pc): the
 * host bridge read through configuration access, bad accesses refused,
 * capability walks landing on their ids, BARs nested in "PCI mem", the
 * resource file's format, sysfs files, and driver binding.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <kunit/test.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/smp.h>
#include "pci.h"

#define HOST_BRIDGE_VENDOR	0x8086
#define HOST_BRIDGE_I440FX	0x1237
#define HOST_BRIDGE_Q35		0x29c0

static void pci_host_bridge_ids(struct kunit *test)
{
	u32 id, cls;

	KUNIT_ASSERT_EQ(test, pci_raw_read(0, 0, 0, PCI_VENDOR_ID, 4, &id), 0);
	KUNIT_EXPECT_EQ(test, id & 0xffff, HOST_BRIDGE_VENDOR);
	KUNIT_EXPECT_TRUE_MSG(test, id >> 16 == HOST_BRIDGE_I440FX ||
			      id >> 16 == HOST_BRIDGE_Q35,
			      "device %#x", id >> 16);
	/* Byte and word reads see the same bytes as the dword. */
	KUNIT_ASSERT_EQ(test, pci_raw_read(0, 0, 0, PCI_DEVICE_ID, 2, &cls), 0);
	KUNIT_EXPECT_EQ(test, cls, id >> 16);
	KUNIT_ASSERT_EQ(test, pci_raw_read(0, 0, 0, 1, 1, &cls), 0);
	KUNIT_EXPECT_EQ(test, cls, (id >> 8) & 0xff);
	/* A host bridge: class 06, subclass 00. */
	KUNIT_ASSERT_EQ(test, pci_raw_read(0, 0, 0, PCI_CLASS_REVISION, 4,
					   &cls), 0);
	KUNIT_EXPECT_EQ(test, cls >> 16, 0x0600u);
	/* An empty slot answers all ones. */
	KUNIT_ASSERT_EQ(test, pci_raw_read(0, 0, PCI_DEVFN(31, 7), 0, 4, &id),
			0);
	KUNIT_EXPECT_EQ(test, id, 0xffffffffu);
}

static void pci_bad_access(struct kunit *test)
{
	u32 v;

	KUNIT_EXPECT_EQ(test, pci_raw_read(1, 0, 0, 0, 4, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_raw_read(0, 0, 0, 2, 4, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_raw_read(0, 0, 0, 1, 2, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_raw_read(0, 0, 0, 0, 3, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_raw_read(0, 0, 0, -4, 4, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_raw_write(0, 0, 0, 0, 8, 0), -EINVAL);
	if (!pci_ecam_active())
		KUNIT_EXPECT_EQ(test, pci_raw_read(0, 0, 0, 0x100, 4, &v),
				-EINVAL);
}

static int count_dev(struct device *dev, void *data)
{
	(*(int *)data)++;
	return 0;
}

/* Every capability found by the walk carries the id looked for. */
static int check_caps(struct device *dev, void *data)
{
	struct kunit *test = data;
	struct pci_dev *pdev = container_of(dev, struct pci_dev, dev);
	int id, n;
	u8 pos, got;

	for (id = 1; id < 0x20; id++) {
		n = 0;
		for (pos = pci_find_capability(pdev, id); pos && n < 48;
		     pos = pci_find_next_capability(pdev, pos, id), n++) {
			KUNIT_EXPECT_GE(test, pos, 0x40);
			pci_read_config_byte(pdev, pos, &got);
			KUNIT_EXPECT_EQ(test, got, id);
		}
		KUNIT_EXPECT_LT(test, n, 48);
	}
	KUNIT_EXPECT_EQ(test, pdev->msix_cap,
			pci_find_capability(pdev, PCI_CAP_ID_MSIX));
	return 0;
}

static void pci_capability_walk(struct kunit *test)
{
	int n = 0;

	bus_for_each_dev(&pci_bus_type, &n, count_dev);
	KUNIT_EXPECT_GE(test, n, 3);	/* host bridge, ISA bridge, IDE ... */
	bus_for_each_dev(&pci_bus_type, test, check_caps);
}

/* Each memory BAR sits inside "PCI mem" and matches the BAR register. */
static int check_bars(struct device *dev, void *data)
{
	struct kunit *test = data;
	struct pci_dev *pdev = container_of(dev, struct pci_dev, dev);
	int i;

	for (i = 0; i != PCI_STD_NUM_BARS; i++) {
		struct resource *r = pdev->resource + i;
		u32 bar;

		if ((r->flags & IORESOURCE_MEM) == 0)
			continue;
		KUNIT_ASSERT_NOT_NULL(test, r->parent);
		KUNIT_EXPECT_STREQ(test, r->parent->name, "PCI mem");
		KUNIT_EXPECT_STREQ(test, r->name, dev_name(dev));
		pci_read_config_dword(pdev, PCI_BASE_ADDRESS_0 + 4 * i, &bar);
		KUNIT_EXPECT_EQ(test, (u64)(bar & ~0xfu), (u64)r->start & 0xffffffff);
		/* A size is a power of two and the start aligned to it. */
		KUNIT_EXPECT_EQ(test, resource_size(r) & (resource_size(r) - 1),
				0ULL);
		KUNIT_EXPECT_EQ(test, r->start & (resource_size(r) - 1), 0ULL);
	}
	return 0;
}

static void pci_bars_claimed(struct kunit *test)
{
	bus_for_each_dev(&pci_bus_type, test, check_bars);
}

static char fmt_buf[PAGE_SIZE], fmt_want[PAGE_SIZE];

static void pci_resource_format(struct kunit *test)
{
	static struct pci_dev pdev;
	const char *zero =
		"0x0000000000000000 0x0000000000000000 0x0000000000000000\n";
	int n;

	pdev.resource[0].start = 0xc000;
	pdev.resource[0].end = 0xc01f;
	pdev.resource[0].flags = IORESOURCE_IO | IORESOURCE_SIZEALIGN | 1;
	pdev.resource[4].start = 0xfe000000;
	pdev.resource[4].end = 0xfe003fff;
	pdev.resource[4].flags = IORESOURCE_MEM | IORESOURCE_SIZEALIGN |
				 IORESOURCE_PREFETCH | IORESOURCE_MEM_64 | 0xc;
	n = pci_format_resources(&pdev, fmt_buf, sizeof(fmt_buf));
	scnprintf(fmt_want, sizeof(fmt_want), "%s%s%s%s%s%s%s",
		  "0x000000000000c000 0x000000000000c01f 0x0000000000040101\n",
		  zero, zero, zero,
		  "0x00000000fe000000 0x00000000fe003fff 0x000000000014220c\n",
		  zero, zero);
	KUNIT_EXPECT_EQ(test, n, (int)strlen(fmt_want));
	KUNIT_EXPECT_STREQ(test, fmt_buf, fmt_want);
}

static void read_sysfs(struct kunit *test, const char *path, char *buf,
		       size_t size)
{
	ssize_t n = vfs_read_path(path, buf, size - 1);

	KUNIT_ASSERT_GT_MSG(test, n, 0L, "%s", path);
	buf[n] = '\0';
}

#define HB "/sys/bus/pci/devices/0000:00:00.0/"

static void pci_sysfs_host_bridge(struct kunit *test)
{
	char *buf = fmt_buf;

	read_sysfs(test, HB "vendor", buf, PAGE_SIZE);
	KUNIT_EXPECT_STREQ(test, buf, "0x8086\n");
	read_sysfs(test, HB "class", buf, PAGE_SIZE);
	KUNIT_EXPECT_STREQ(test, buf, "0x060000\n");
	read_sysfs(test, HB "irq", buf, PAGE_SIZE);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");
	read_sysfs(test, HB "uevent", buf, PAGE_SIZE);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "PCI_CLASS=60000\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "PCI_SLOT_NAME=0000:00:00.0\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "MODALIAS=pci:v00008086d0000"));
	read_sysfs(test, "/sys/devices/pci0000:00/0000:00:00.0/device", buf,
		   PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, !strcmp(buf, "0x1237\n") ||
			  !strcmp(buf, "0x29c0\n"));
}

static int probes, removes;

static int test_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	probes++;
	return 0;
}

static void test_remove(struct pci_dev *pdev)
{
	removes++;
}

static const struct pci_device_id test_ids[] = {
	{ HOST_BRIDGE_VENDOR, PCI_ANY_ID },
	{ 0, 0 },
};

static const struct pci_device_id no_ids[] = {
	{ 0x1234, 0xfffe },
	{ 0, 0 },
};

static void pci_driver_binding(struct kunit *test)
{
	struct pci_driver drv = {
		.name = "pci-kunit",
		.id_table = test_ids,
		.probe = test_probe,
		.remove = test_remove,
	};
	struct pci_driver none = {
		.name = "pci-kunit-none",
		.id_table = no_ids,
		.probe = test_probe,
	};
	struct pci_driver bad = { .name = "bad" };

	probes = removes = 0;
	KUNIT_EXPECT_EQ(test, pci_register_driver(&bad), -EINVAL);
	KUNIT_ASSERT_EQ(test, pci_register_driver(&none), 0);
	KUNIT_EXPECT_EQ(test, probes, 0);
	pci_unregister_driver(&none);
	KUNIT_ASSERT_EQ(test, pci_register_driver(&drv), 0);
	/* The host bridge at least; every Intel function without a driver. */
	KUNIT_EXPECT_GE(test, probes, 1);
	pci_unregister_driver(&drv);
	KUNIT_EXPECT_EQ(test, removes, probes);
}

/* ---- MSI-X: boot:kunit-pci-msix adds a modern virtio-rng-pci ---- */

static void msix_irq_alloc(struct kunit *test)
{
	int a = irq_alloc_msi(), b = irq_alloc_msi();
	struct msi_msg msg;

	KUNIT_ASSERT_GE(test, a, 0);
	KUNIT_ASSERT_GE(test, b, 0);
	KUNIT_EXPECT_NE(test, a, b);
	KUNIT_EXPECT_GE(test, (unsigned int)a, ioapic_nr_inputs());
	KUNIT_EXPECT_TRUE(test, irq_is_msi(a));
	irq_msi_compose(a, &msg);
	KUNIT_EXPECT_EQ(test, msg.address_lo,
			0xfee00000u | x86_cpu_to_apicid[0] << 12);
	KUNIT_EXPECT_EQ(test, msg.address_hi, 0u);
	KUNIT_EXPECT_EQ(test, msg.data, (u32)irq_to_vector(a));
	irq_free_msi(a);
	irq_free_msi(b);
	KUNIT_EXPECT_FALSE(test, irq_is_msi(a));
}

/*
 * A device with MSI-X that no Tide driver binds (virtio devices are the
 * virtio core's): QEMU's e1000e, 8086:10d3, five vectors.
 */
static int find_msix_dev(struct device *dev, void *data)
{
	struct pci_dev *pdev = container_of(dev, struct pci_dev, dev);

	if (pdev->vendor == 0x8086 && pdev->device == 0x10d3 && !pdev->driver) {
		*(struct pci_dev **)data = pdev;
		return 1;
	}
	return 0;
}

static atomic_t msix_hits;

static irqreturn_t msix_handler(int irq, void *dev)
{
	atomic_inc(&msix_hits);
	return IRQ_HANDLED;
}

static void msix_vectors(struct kunit *test)
{
	struct pci_dev *pdev = NULL;
	void __iomem *table;
	u32 tbl, lo, data, ctrl;
	struct msi_msg msg;
	int n, irq, i;
	u16 flags;

	bus_for_each_dev(&pci_bus_type, &pdev, find_msix_dev);
	if (!pdev)
		kunit_skip(test, "no unbound e1000e (8086:10d3) on this machine");
	KUNIT_ASSERT_NE(test, pdev->msix_cap, 0);
	KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(pdev, 2, 1, PCI_IRQ_MSIX),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, pci_alloc_irq_vectors(pdev, 64, 64,
						    PCI_IRQ_MSIX), -ENOSPC);
	pci_enable_device(pdev);
	pci_set_master(pdev);
	n = pci_alloc_irq_vectors(pdev, 1, 8, PCI_IRQ_MSIX | PCI_IRQ_INTX);
	KUNIT_ASSERT_GE(test, n, 1);
	pci_read_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, &flags);
	KUNIT_EXPECT_TRUE(test, flags & PCI_MSIX_FLAGS_ENABLE);
	KUNIT_EXPECT_FALSE(test, flags & PCI_MSIX_FLAGS_MASKALL);
	KUNIT_EXPECT_EQ(test, n, min(8, (flags & PCI_MSIX_FLAGS_QSIZE) + 1));
	pci_read_config_dword(pdev, pdev->msix_cap + PCI_MSIX_TABLE, &tbl);
	table = pci_iomap_range(pdev, tbl & 7, tbl & ~7u, n * 16);
	KUNIT_ASSERT_NOT_NULL(test, table);
	for (i = 0; i < n; i++) {
		irq = pci_irq_vector(pdev, i);
		KUNIT_EXPECT_TRUE(test, irq_is_msi(irq));
		irq_msi_compose(irq, &msg);
		lo = readl(table + 16 * i);
		data = readl(table + 16 * i + 8);
		ctrl = readl(table + 16 * i + 12);
		KUNIT_EXPECT_EQ(test, lo, msg.address_lo);
		KUNIT_EXPECT_EQ(test, data, msg.data);
		KUNIT_EXPECT_EQ(test, ctrl & 1, 0u);
	}
	KUNIT_EXPECT_EQ(test, pci_irq_vector(pdev, n), -EINVAL);
	/* The vector reaches request_irq()'s handler (sent by the CPU). */
	irq = pci_irq_vector(pdev, 0);
	atomic_set(&msix_hits, 0);
	KUNIT_ASSERT_EQ(test, request_irq(irq, msix_handler, 0, "pci-kunit",
					  test), 0);
	lapic_send_ipi_self(irq_to_vector(irq));
	for (i = 0; i < 100 && !atomic_read(&msix_hits); i++)
		mdelay(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&msix_hits), 1);
	free_irq(irq, test);
	pci_iounmap(pdev, table);
	pci_free_irq_vectors(pdev);
	KUNIT_EXPECT_FALSE(test, irq_is_msi(irq));
	pci_read_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, &flags);
	KUNIT_EXPECT_FALSE(test, flags & PCI_MSIX_FLAGS_ENABLE);

	/* INTx only: the line SeaBIOS routed. */
	n = pci_alloc_irq_vectors(pdev, 1, 4, PCI_IRQ_INTX);
	KUNIT_EXPECT_EQ(test, n, pdev->irq ? 1 : -ENOSPC);
	if (n == 1)
		KUNIT_EXPECT_EQ(test, pci_irq_vector(pdev, 0), (int)pdev->irq);
	pci_free_irq_vectors(pdev);
	pci_disable_device(pdev);
}

static struct kunit_case pci_msix_cases[] = {
	KUNIT_CASE(msix_irq_alloc),
	KUNIT_CASE(msix_vectors),
	{}
};

static struct kunit_suite pci_msix_suite = {
	.name = "pci_msix",
	.test_cases = pci_msix_cases,
};
kunit_test_suite(pci_msix_suite);

static struct kunit_case pci_cases[] = {
	KUNIT_CASE(pci_host_bridge_ids),
	KUNIT_CASE(pci_bad_access),
	KUNIT_CASE(pci_capability_walk),
	KUNIT_CASE(pci_bars_claimed),
	KUNIT_CASE(pci_resource_format),
	KUNIT_CASE(pci_sysfs_host_bridge),
	KUNIT_CASE(pci_driver_binding),
	{}
};

static struct kunit_suite pci_suite = {
	.name = "pci",
	.test_cases = pci_cases,
};
kunit_test_suite(pci_suite);
