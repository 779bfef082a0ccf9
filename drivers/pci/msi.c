// SPDX-License-Identifier: GPL-2.0
/*
 * A PCI function's interrupts for its driver: pci_alloc_irq_vectors()
 * and pci_irq_vector().
 *
 * DOC: interrupts
 *
 * A function's INTx pin reaches the IOAPIC on the ISA irq SeaBIOS routed
 * it to and wrote in PCI_INTERRUPT_LINE (probe.c checks it with
 * ioapic_route(), which applies the MADT's interrupt source overrides);
 * pdev->irq is that number, given to request_irq() with IRQF_SHARED.
 * MSI-X is not implemented yet: a request that allows only MSI-X fails
 * with -ENOSPC, one that allows INTx gets the INTx line as its one
 * vector. The state lives in the driver's function and is changed only
 * by its driver, from probe() and remove().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include "pci.h"

/**
 * pci_alloc_irq_vectors - set up a function's interrupts
 * @pdev: the function, bound to the caller
 * @min: the fewest vectors the caller can work with (at least 1)
 * @max: the most it wants
 * @flags: PCI_IRQ_MSIX and/or PCI_IRQ_INTX
 *
 * Return: the number of vectors (1 for INTx); -EINVAL for bad arguments;
 * -ENOSPC if no allowed kind can give @min vectors.
 */
int pci_alloc_irq_vectors(struct pci_dev *pdev, unsigned int min,
			  unsigned int max, unsigned int flags)
{
	if (!min || min > max || !(flags & (PCI_IRQ_MSIX | PCI_IRQ_INTX)))
		return -EINVAL;
	if ((flags & PCI_IRQ_INTX) && min == 1 && pdev->irq) {
		pci_update_intx(pdev, true);
		return 1;
	}
	return -ENOSPC;
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
	if (nr != 0 || !pdev->irq)
		return -EINVAL;
	return pdev->irq;
}

/**
 * pci_free_irq_vectors - give back what pci_alloc_irq_vectors() set up
 * @pdev: the function; its irqs are freed already
 */
void pci_free_irq_vectors(struct pci_dev *pdev)
{
	pci_update_intx(pdev, false);
}
