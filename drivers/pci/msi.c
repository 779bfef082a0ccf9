// SPDX-License-Identifier: GPL-2.0
/*
 * A PCI function's interrupts for its driver: MSI-X vectors, else its
 * INTx line (pci_alloc_irq_vectors(), pci_irq_vector()).
 *
 * DOC: interrupts
 *
 * MSI-X: the capability gives the table's size, its BAR and offset. Each
 * vector gets an irq of irq_alloc_msi() (arch/x86/kernel/irq.c: its own
 * IDT vector, edge-triggered, to the boot CPU); the function is switched
 * to MSI-X with every vector masked (MASKALL), each table entry gets the
 * message irq_msi_compose() makes and is unmasked, then MASKALL is
 * cleared and INTx disabled. The message is a memory write: the driver
 * calls pci_set_master() too.
 *
 * INTx: the pin reaches the IOAPIC on the ISA irq SeaBIOS routed it to
 * and wrote in PCI_INTERRUPT_LINE (probe.c checks it with ioapic_route(),
 * which applies the MADT's interrupt source overrides); pdev->irq is that
 * number, for request_irq() with IRQF_SHARED. A function whose line is
 * unusable (0 or 0xff) has no INTx.
 *
 * The MSI-X state of each function lives on msix_list under msix_lock (a
 * mutex: who reads and writes it are the function's driver, from probe()
 * and remove(), and pci_irq_vector()).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <asm/irq.h>
#include "pci.h"

#define PCI_MSIX_TABLE_BIR	0x7
#define PCI_MSIX_SLOT_BYTES	16
#define PCI_MSIX_ENTRY_ADDR_LO	0
#define PCI_MSIX_ENTRY_ADDR_HI	4
#define PCI_MSIX_ENTRY_DATA	8
#define PCI_MSIX_ENTRY_CTRL	12
#define  PCI_MSIX_ENTRY_MASKED	0x1

struct pci_msix {
	struct pci_dev *pdev;
	void __iomem *table;
	unsigned int nr;
	struct list_head node;
	int irqs[];
};

static DEFINE_MUTEX(msix_lock);
static LIST_HEAD(msix_list);	/* struct pci_msix, under msix_lock */

/* msix_lock held. */
static struct pci_msix *pci_msix_find(struct pci_dev *pdev)
{
	struct pci_msix *m;

	list_for_each_entry(m, &msix_list, node)
		if (m->pdev == pdev)
			return m;
	return NULL;
}

static void pci_msix_release(struct pci_msix *m, unsigned int nr_irqs)
{
	unsigned int i;

	for (i = 0; i < nr_irqs; i++)
		irq_free_msi(m->irqs[i]);
	pci_iounmap(m->pdev, m->table);
	kfree(m);
}

/* Sets up @nr vectors; msix_lock held. Returns 0 or -errno. */
static int pci_msix_enable(struct pci_dev *pdev, unsigned int nr,
			   unsigned int qsize)
{
	u8 cap = pdev->msix_cap;
	struct pci_msix *m;
	unsigned int i;
	u32 table;
	u16 ctrl;
	int err;

	m = kzalloc(sizeof(*m) + nr * sizeof(m->irqs[0]), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->pdev = pdev;
	m->nr = nr;
	pci_read_config_dword(pdev, cap + PCI_MSIX_TABLE, &table);
	m->table = pci_iomap_range(pdev, table & PCI_MSIX_TABLE_BIR,
				   table & ~PCI_MSIX_TABLE_BIR,
				   qsize * PCI_MSIX_SLOT_BYTES);
	if (!m->table) {
		kfree(m);
		return -ENOSPC;
	}
	for (i = 0; i < nr; i++) {
		err = irq_alloc_msi();
		if (err < 0) {
			pci_msix_release(m, i);
			return err;
		}
		m->irqs[i] = err;
	}

	pci_read_config_word(pdev, cap + PCI_MSIX_FLAGS, &ctrl);
	ctrl |= PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL;
	pci_write_config_word(pdev, cap + PCI_MSIX_FLAGS, ctrl);
	for (i = 0; i < qsize; i++) {
		void __iomem *e = m->table + i * PCI_MSIX_SLOT_BYTES;
		struct msi_msg msg;

		if (i >= nr) {
			writel(PCI_MSIX_ENTRY_MASKED, e + PCI_MSIX_ENTRY_CTRL);
			continue;
		}
		irq_msi_compose(m->irqs[i], &msg);
		writel(msg.address_lo, e + PCI_MSIX_ENTRY_ADDR_LO);
		writel(msg.address_hi, e + PCI_MSIX_ENTRY_ADDR_HI);
		writel(msg.data, e + PCI_MSIX_ENTRY_DATA);
		writel(0, e + PCI_MSIX_ENTRY_CTRL);
	}
	readl(m->table + PCI_MSIX_ENTRY_CTRL);	/* the writes have landed */
	pci_update_intx(pdev, false);
	ctrl &= ~PCI_MSIX_FLAGS_MASKALL;
	pci_write_config_word(pdev, cap + PCI_MSIX_FLAGS, ctrl);
	list_add(&m->node, &msix_list);
	return 0;
}

/**
 * pci_alloc_irq_vectors - set up a function's interrupts
 * @pdev: the function, bound to the caller
 * @min: the fewest vectors the caller can work with (at least 1)
 * @max: the most it wants
 * @flags: PCI_IRQ_MSIX and/or PCI_IRQ_INTX
 *
 * MSI-X first if allowed and the function has it: min(@max, table size)
 * vectors. Else INTx, one vector, if allowed and @min is 1.
 *
 * Return: the number of vectors; -EINVAL for bad arguments or vectors
 * set up already; -ENOSPC if no allowed kind can give @min vectors.
 */
int pci_alloc_irq_vectors(struct pci_dev *pdev, unsigned int min,
			  unsigned int max, unsigned int flags)
{
	unsigned int qsize, nr;
	u16 ctrl;
	int ret = -ENOSPC;

	if (!min || min > max || !(flags & (PCI_IRQ_MSIX | PCI_IRQ_INTX)))
		return -EINVAL;
	mutex_lock(&msix_lock);
	if (pci_msix_find(pdev)) {
		ret = -EINVAL;
		goto out;
	}
	if ((flags & PCI_IRQ_MSIX) && pdev->msix_cap) {
		pci_read_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS,
				     &ctrl);
		qsize = (ctrl & PCI_MSIX_FLAGS_QSIZE) + 1;
		nr = min(max, qsize);
		if (nr >= min) {
			ret = pci_msix_enable(pdev, nr, qsize);
			if (!ret) {
				ret = nr;
				goto out;
			}
			pr_info("pci %s: MSI-X not set up (%d)\n",
				dev_name(&pdev->dev), ret);
			ret = -ENOSPC;
		}
	}
	if ((flags & PCI_IRQ_INTX) && min == 1 && pdev->irq) {
		pci_update_intx(pdev, true);
		ret = 1;
	}
out:
	mutex_unlock(&msix_lock);
	return ret;
}

/**
 * pci_irq_vector - the irq number of one of a function's vectors
 * @pdev: the function
 * @nr: the vector's index
 *
 * Return: the irq for request_irq(), or -EINVAL if @nr was not set up.
 */
int pci_irq_vector(struct pci_dev *pdev, unsigned int nr)
{
	struct pci_msix *m;
	int ret = -EINVAL;

	mutex_lock(&msix_lock);
	m = pci_msix_find(pdev);
	if (m && nr < m->nr)
		ret = m->irqs[nr];
	else if (!m && nr == 0 && pdev->irq)
		ret = pdev->irq;
	mutex_unlock(&msix_lock);
	return ret;
}

/**
 * pci_free_irq_vectors - give back what pci_alloc_irq_vectors() set up
 * @pdev: the function; free_irq() was called for each of its irqs
 *
 * Masks and disables MSI-X (or INTx).
 */
void pci_free_irq_vectors(struct pci_dev *pdev)
{
	struct pci_msix *m;
	unsigned int i;
	u16 ctrl;

	mutex_lock(&msix_lock);
	m = pci_msix_find(pdev);
	if (!m) {
		pci_update_intx(pdev, false);
		goto out;
	}
	list_del(&m->node);
	for (i = 0; i < m->nr; i++)
		writel(PCI_MSIX_ENTRY_MASKED, m->table +
		       i * PCI_MSIX_SLOT_BYTES + PCI_MSIX_ENTRY_CTRL);
	pci_read_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, &ctrl);
	ctrl &= ~(PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
	pci_write_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, ctrl);
	pci_msix_release(m, m->nr);
out:
	mutex_unlock(&msix_lock);
}
