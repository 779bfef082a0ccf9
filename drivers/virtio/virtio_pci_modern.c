// SPDX-License-Identifier: GPL-2.0
/*
 * Virtio 1.x devices on PCI: the vendor capabilities that locate the
 * common, notification, ISR and device configuration structures in the
 * BARs, the status sequence, queue setup, and MSI-X or INTx interrupts.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

/**
 * DOC: the modern PCI transport
 *
 * A virtio 1.x function has vendor 0x1af4 and device id 0x1040 + its
 * virtio device id; a transitional one (QEMU's default) keeps a legacy id
 * 0x1000..0x103f and names its virtio device id in its subsystem device
 * id, and is driven through the same modern interface (its legacy I/O BAR
 * is not used; a legacy-only function lacks the capabilities and is
 * refused). The subsystem vendor is the virtio vendor. Vendor
 * capabilities (PCI_CAP_ID_VNDR) name, by cfg_type, a BAR range for each
 * structure; the first usable one of each type is mapped. Interrupts: one
 * MSI-X vector for configuration changes and one per queue when the
 * function has enough, else its INTx line, whose handler reads (and so
 * clears) the ISR byte to tell queue and configuration interrupts apart.
 * Queue areas and buffers are described in virtio_ring.c.
 */

/* Vendor capability layout (virtio 1.x section 4.1.4). */
#define VPCI_CAP_CFG_TYPE	3	/* u8 */
#define VPCI_CAP_BAR		4	/* u8 */
#define VPCI_CAP_OFFSET		8	/* u32 */
#define VPCI_CAP_LENGTH		12	/* u32 */
#define VPCI_CAP_NOTIFY_MULT	16	/* u32, notification capability only */

enum vpci_cfg_type {
	VPCI_CFG_COMMON = 1,
	VPCI_CFG_NOTIFY = 2,
	VPCI_CFG_ISR = 3,
	VPCI_CFG_DEVICE = 4,
	VPCI_CFG_NR
};

/* Common configuration structure, byte offsets (section 4.1.4.3). */
#define VPCI_DFSELECT		0	/* u32 device_feature_select */
#define VPCI_DF			4	/* u32 device_feature */
#define VPCI_GFSELECT		8	/* u32 driver_feature_select */
#define VPCI_GF			12	/* u32 driver_feature */
#define VPCI_MSIX_CONFIG	16	/* u16 config vector */
#define VPCI_NUM_QUEUES		18	/* u16 */
#define VPCI_STATUS		20	/* u8 */
#define VPCI_GENERATION		21	/* u8 */
#define VPCI_Q_SELECT		22	/* u16 */
#define VPCI_Q_SIZE		24	/* u16 */
#define VPCI_Q_MSIX		26	/* u16 */
#define VPCI_Q_ENABLE		28	/* u16 */
#define VPCI_Q_NOFF		30	/* u16 notify offset, in multipliers */
#define VPCI_Q_DESC		32	/* u64 as two u32, low first */
#define VPCI_Q_AVAIL		40	/* u64: the driver area */
#define VPCI_Q_USED		48	/* u64: the device area */
#define VPCI_COMMON_LEN		56

#define VPCI_NO_VECTOR		0xffff
#define VPCI_ISR_QUEUE		0x1
#define VPCI_ISR_CONFIG		0x2

#define VPCI_VENDOR		0x1af4
#define VPCI_TRANS_FIRST	0x1000	/* transitional: legacy ids */
#define VPCI_MODERN_FIRST	0x1040
#define VPCI_MODERN_LAST	0x107f

/**
 * struct vpci_dev - one virtio PCI function
 * @vdev: its virtio device
 * @pdev: the PCI function
 * @common, @isr, @device, @notify: the mapped structures (@device may be
 *	NULL: a device without configuration)
 * @device_len, @notify_len: their lengths
 * @notify_mult: bytes between queue notification addresses per unit
 * @msix: per-queue MSI-X vectors are in use (else INTx)
 * @vqs: the queues made by setup_queues, indexed like its arguments
 * @nvqs: entries in @vqs
 *
 * Written by probe and setup_queues/drop_queues only, which the bus serializes;
 * the interrupt handlers read @vqs, which exists while they are installed.
 */
struct vpci_dev {
	struct virtio_device vdev;
	struct pci_dev *pdev;
	void __iomem *common, *isr, *device, *notify;
	u32 device_len, notify_len, notify_mult;
	bool msix;
	struct virtqueue **vqs;
	unsigned int nvqs;
};

#define to_vpci(v) container_of(v, struct vpci_dev, vdev)

static void vpci_write64(u64 val, void __iomem *lo)
{
	writel((u32)val, lo);
	writel(val >> 32, lo + 4);
}

static void vpci_get(struct virtio_device *vdev, unsigned int offset,
		     void *buf, unsigned int len)
{
	struct vpci_dev *vp = to_vpci(vdev);
	void __iomem *p = vp->device + offset;
	u32 lo, hi;
	u16 w;
	u8 *b = buf;

	if (!vp->device || offset + len > vp->device_len || offset + len < len) {
		memset(buf, 0, len);
		WARN_ON_ONCE(1);
		return;
	}
	switch (len) {
	case 1:
		*b = readb(p);
		break;
	case 2:
		w = readw(p);
		memcpy(buf, &w, 2);
		break;
	case 4:
		lo = readl(p);
		memcpy(buf, &lo, 4);
		break;
	case 8:
		lo = readl(p);
		hi = readl(p + 4);
		memcpy(buf, &lo, 4);
		memcpy(b + 4, &hi, 4);
		break;
	default:
		while (len--)
			*b++ = readb(p++);
	}
}

static void vpci_set(struct virtio_device *vdev, unsigned int offset,
		     const void *buf, unsigned int len)
{
	struct vpci_dev *vp = to_vpci(vdev);
	void __iomem *p = vp->device + offset;
	const u8 *b = buf;
	u32 v;
	u16 w;

	if (!vp->device || offset + len > vp->device_len || offset + len < len) {
		WARN_ON_ONCE(1);
		return;
	}
	switch (len) {
	case 2:
		memcpy(&w, buf, 2);
		writew(w, p);
		break;
	case 4:
		memcpy(&v, buf, 4);
		writel(v, p);
		break;
	default:
		while (len--)
			writeb(*b++, p++);
	}
}

static u32 vpci_generation(struct virtio_device *vdev)
{
	return readb(to_vpci(vdev)->common + VPCI_GENERATION);
}

static u8 vpci_get_status(struct virtio_device *vdev)
{
	return readb(to_vpci(vdev)->common + VPCI_STATUS);
}

static void vpci_set_status(struct virtio_device *vdev, u8 status)
{
	WARN_ON_ONCE(!status);
	writeb(status, to_vpci(vdev)->common + VPCI_STATUS);
}

/* Writes 0 and waits for the device to read back 0: its reset is done. */
static void vpci_reset(struct virtio_device *vdev)
{
	struct vpci_dev *vp = to_vpci(vdev);
	unsigned int us;

	writeb(0, vp->common + VPCI_STATUS);
	for (us = 0; readb(vp->common + VPCI_STATUS); us++) {
		if (us == 1000000) {
			pr_err("virtio%d: device does not finish its reset\n",
			       vdev->index);
			return;
		}
		udelay(1);
	}
}

static u64 vpci_get_features(struct virtio_device *vdev)
{
	struct vpci_dev *vp = to_vpci(vdev);
	u64 features;

	writel(0, vp->common + VPCI_DFSELECT);
	features = readl(vp->common + VPCI_DF);
	writel(1, vp->common + VPCI_DFSELECT);
	features |= (u64)readl(vp->common + VPCI_DF) << 32;
	return features;
}

static int vpci_finalize_features(struct virtio_device *vdev)
{
	struct vpci_dev *vp = to_vpci(vdev);

	writel(0, vp->common + VPCI_GFSELECT);
	writel((u32)vdev->features, vp->common + VPCI_GF);
	writel(1, vp->common + VPCI_GFSELECT);
	writel(vdev->features >> 32, vp->common + VPCI_GF);
	return 0;
}

static bool vpci_notify(struct virtqueue *vq)
{
	writew(vq->index, (void __iomem *)vq->priv);
	return true;
}

static irqreturn_t vpci_config_irq(int irq, void *data)
{
	virtio_config_changed(&((struct vpci_dev *)data)->vdev);
	return IRQ_HANDLED;
}

static irqreturn_t vpci_vq_irq(int irq, void *data)
{
	return vq_interrupt(data) ? IRQ_HANDLED : IRQ_NONE;
}

/* INTx: the ISR byte says what happened; reading it clears it. */
static irqreturn_t vpci_intx_irq(int irq, void *data)
{
	struct vpci_dev *vp = data;
	u8 isr = readb(vp->isr);
	unsigned int i;

	if (!isr)
		return IRQ_NONE;
	if (isr & VPCI_ISR_CONFIG)
		virtio_config_changed(&vp->vdev);
	if (isr & VPCI_ISR_QUEUE)
		for (i = 0; i < vp->nvqs; i++)
			if (vp->vqs[i])
				vq_interrupt(vp->vqs[i]);
	return IRQ_HANDLED;
}

/* Undoes the queue, vector and interrupt setup of vpci_find_vqs(). */
static void vpci_del_vqs(struct virtio_device *vdev)
{
	struct vpci_dev *vp = to_vpci(vdev);
	struct pci_dev *pdev = vp->pdev;
	unsigned int i;

	if (!vp->vqs)
		return;
	if (vp->msix) {
		free_irq(pci_irq_vector(pdev, 0), vp);
		for (i = 0; i < vp->nvqs; i++)
			if (vp->vqs[i])
				free_irq(pci_irq_vector(pdev, i + 1),
					 vp->vqs[i]);
	} else {
		free_irq(pdev->irq, vp);
	}
	for (i = 0; i < vp->nvqs; i++) {
		if (!vp->vqs[i])
			continue;
		list_del(&vp->vqs[i]->list);
		vq_destroy(vp->vqs[i]);
	}
	pci_free_irq_vectors(pdev);
	kfree(vp->vqs);
	vp->vqs = NULL;
	vp->nvqs = 0;
}

/* Makes queue @i (vector @vector) and tells the device where it is. */
static struct virtqueue *vpci_setup_vq(struct vpci_dev *vp, unsigned int i,
				       vq_callback_t *cb, const char *name,
				       u16 vector)
{
	void __iomem *c = vp->common;
	unsigned int size, num;
	unsigned long noff;
	struct virtqueue *vq;

	writew(i, c + VPCI_Q_SELECT);
	size = readw(c + VPCI_Q_SIZE);
	if (!size || readw(c + VPCI_Q_ENABLE))
		return ERR_PTR(-ENOENT);
	num = min_t(unsigned int, size, PAGE_SIZE / sizeof(struct vring_desc));
	while (num & (num - 1))		/* a power of 2 (the spec's sizes are) */
		num &= num - 1;
	noff = (unsigned long)readw(c + VPCI_Q_NOFF) * vp->notify_mult;
	if (noff + 2 > vp->notify_len)
		return ERR_PTR(-EINVAL);
	vq = vq_create(i, num, &vp->vdev, vpci_notify, cb, name);
	if (!vq)
		return ERR_PTR(-ENOMEM);
	vq->priv = (void __force *)(vp->notify + noff);
	writew(num, c + VPCI_Q_SIZE);
	vpci_write64(vq_desc_area(vq), c + VPCI_Q_DESC);
	vpci_write64(vq_driver_area(vq), c + VPCI_Q_AVAIL);
	vpci_write64(vq_device_area(vq), c + VPCI_Q_USED);
	if (vector != VPCI_NO_VECTOR) {
		writew(vector, c + VPCI_Q_MSIX);
		if (readw(c + VPCI_Q_MSIX) != vector) {
			vq_destroy(vq);
			return ERR_PTR(-EBUSY);
		}
	}
	return vq;
}

/* Vectors: config + one per queue by MSI-X, else INTx. 0 or -errno. */
static int vpci_setup_vectors(struct vpci_dev *vp, unsigned int nvqs)
{
	struct pci_dev *pdev = vp->pdev;
	int n;

	n = pci_alloc_irq_vectors(pdev, nvqs + 1, nvqs + 1, PCI_IRQ_MSIX);
	if (n == (int)nvqs + 1) {
		writew(0, vp->common + VPCI_MSIX_CONFIG);
		if (readw(vp->common + VPCI_MSIX_CONFIG) == 0) {
			vp->msix = true;
			return 0;
		}
		pci_free_irq_vectors(pdev);
	} else if (n > 0) {
		pci_free_irq_vectors(pdev);
	}
	vp->msix = false;
	if (!pdev->irq)
		return -ENODEV;
	n = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_INTX);
	return n < 0 ? n : 0;
}

/* Installs the handlers once every queue exists. 0 or -errno. */
static int vpci_request_irqs(struct vpci_dev *vp)
{
	struct pci_dev *pdev = vp->pdev;
	const char *name = vp->vdev.dev.kobj.name;
	unsigned int i;
	int err;

	if (!vp->msix)
		return request_irq(pdev->irq, vpci_intx_irq, IRQF_SHARED,
				   name, vp);
	err = request_irq(pci_irq_vector(pdev, 0), vpci_config_irq, 0, name,
			  vp);
	if (err)
		return err;
	for (i = 0; i < vp->nvqs; i++) {
		if (!vp->vqs[i])
			continue;
		err = request_irq(pci_irq_vector(pdev, i + 1), vpci_vq_irq, 0,
				  vp->vqs[i]->name, vp->vqs[i]);
		if (err)
			goto out_free;
	}
	return 0;

out_free:
	while (i--)
		if (vp->vqs[i])
			free_irq(pci_irq_vector(pdev, i + 1), vp->vqs[i]);
	free_irq(pci_irq_vector(pdev, 0), vp);
	return err;
}

static int vpci_find_vqs(struct virtio_device *vdev, unsigned int nvqs,
			 struct virtqueue *vqs[], vq_callback_t *callbacks[],
			 const char * const names[])
{
	struct vpci_dev *vp = to_vpci(vdev);
	struct virtqueue *vq;
	unsigned int i;
	int err;

	if (vp->vqs)
		return -EBUSY;
	if (nvqs > readw(vp->common + VPCI_NUM_QUEUES))
		return -ENOENT;
	vp->vqs = kcalloc(nvqs, sizeof(*vp->vqs), GFP_KERNEL);
	if (!vp->vqs)
		return -ENOMEM;
	err = vpci_setup_vectors(vp, nvqs);
	if (err)
		goto out_free_array;
	vp->nvqs = nvqs;
	for (i = 0; i < nvqs; i++) {
		vqs[i] = NULL;
		if (!names[i])
			continue;
		vq = vpci_setup_vq(vp, i, callbacks[i], names[i],
				   vp->msix ? i + 1 : VPCI_NO_VECTOR);
		if (IS_ERR(vq)) {
			err = PTR_ERR(vq);
			goto out_del;
		}
		list_add_tail(&vq->list, &vdev->vqs);
		vp->vqs[i] = vqs[i] = vq;
	}
	err = vpci_request_irqs(vp);
	if (err)
		goto out_del;
	for (i = 0; i < nvqs; i++) {
		if (!vp->vqs[i])
			continue;
		writew(i, vp->common + VPCI_Q_SELECT);
		writew(1, vp->common + VPCI_Q_ENABLE);
	}
	return 0;

out_del:
	/* no handler is installed here: free the queues and the vectors */
	for (i = 0; i < nvqs; i++) {
		if (vp->vqs[i]) {
			list_del(&vp->vqs[i]->list);
			vq_destroy(vp->vqs[i]);
		}
		vqs[i] = NULL;
	}
	pci_free_irq_vectors(vp->pdev);
out_free_array:
	kfree(vp->vqs);
	vp->vqs = NULL;
	vp->nvqs = 0;
	return err;
}

static const struct virtio_transport_ops vpci_transport_ops = {
	.read_config = vpci_get,
	.write_config = vpci_set,
	.config_generation = vpci_generation,
	.read_status = vpci_get_status,
	.write_status = vpci_set_status,
	.reset_device = vpci_reset,
	.setup_queues = vpci_find_vqs,
	.drop_queues = vpci_del_vqs,
	.device_features = vpci_get_features,
	.commit_features = vpci_finalize_features,
};

/*
 * Maps the first capability of @type whose range lies in a memory BAR;
 * sets *@len (and *@mult for the notification one). NULL if there is none.
 */
static void __iomem *vpci_map_cap(struct pci_dev *pdev, u8 type, u32 min_len,
				  u32 *len, u32 *mult)
{
	u8 pos, cfg_type, bar;
	u32 offset, length;
	void __iomem *p;

	for (pos = pci_find_capability(pdev, PCI_CAP_ID_VNDR); pos;
	     pos = pci_find_next_capability(pdev, pos, PCI_CAP_ID_VNDR)) {
		pci_read_config_byte(pdev, pos + VPCI_CAP_CFG_TYPE, &cfg_type);
		pci_read_config_byte(pdev, pos + VPCI_CAP_BAR, &bar);
		pci_read_config_dword(pdev, pos + VPCI_CAP_OFFSET, &offset);
		pci_read_config_dword(pdev, pos + VPCI_CAP_LENGTH, &length);
		if (cfg_type != type || bar >= PCI_STD_NUM_BARS ||
		    length < min_len)
			continue;
		if (mult)
			pci_read_config_dword(pdev, pos + VPCI_CAP_NOTIFY_MULT,
					      mult);
		p = pci_iomap_range(pdev, bar, offset, length);
		if (!p)
			continue;
		*len = length;
		return p;
	}
	return NULL;
}

static void vpci_unmap(struct vpci_dev *vp)
{
	if (vp->common)
		pci_iounmap(vp->pdev, vp->common);
	if (vp->notify)
		pci_iounmap(vp->pdev, vp->notify);
	if (vp->isr)
		pci_iounmap(vp->pdev, vp->isr);
	if (vp->device)
		pci_iounmap(vp->pdev, vp->device);
}

static void vpci_release(struct device *dev)
{
	struct vpci_dev *vp = to_vpci(dev_to_virtio(dev));

	vpci_unmap(vp);
	kfree(vp);
}

static int vpci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct vpci_dev *vp;
	u32 len;
	int err;

	vp = kzalloc(sizeof(*vp), GFP_KERNEL);
	if (!vp)
		return -ENOMEM;
	vp->pdev = pdev;
	err = pci_enable_device(pdev);
	if (err)
		goto out_free;
	vp->common = vpci_map_cap(pdev, VPCI_CFG_COMMON, VPCI_COMMON_LEN,
				  &len, NULL);
	vp->isr = vpci_map_cap(pdev, VPCI_CFG_ISR, 1, &len, NULL);
	vp->notify = vpci_map_cap(pdev, VPCI_CFG_NOTIFY, 2, &vp->notify_len,
				  &vp->notify_mult);
	vp->device = vpci_map_cap(pdev, VPCI_CFG_DEVICE, 1, &vp->device_len,
				  NULL);
	if (!vp->common || !vp->isr || !vp->notify) {
		pr_err("virtio-pci %02x:%02x.%x: no usable virtio 1.x capabilities (legacy-only?)\n",
		       pdev->bus, PCI_SLOT(pdev->devfn), PCI_FUNC(pdev->devfn));
		err = -ENODEV;
		goto out_unmap;
	}
	pci_set_master(pdev);
	if (pdev->device < VPCI_MODERN_FIRST)
		vp->vdev.id.device = pdev->subsystem_device;
	else
		vp->vdev.id.device = pdev->device - VPCI_MODERN_FIRST;
	vp->vdev.id.vendor = pdev->subsystem_vendor;
	vp->vdev.transport = &vpci_transport_ops;
	vp->vdev.dev.parent = &pdev->dev;
	vp->vdev.dev.release = vpci_release;
	vp->vdev.priv = vp;
	dev_set_drvdata(&pdev->dev, vp);
	err = register_virtio_device(&vp->vdev);
	if (err) {
		put_device(&vp->vdev.dev);	/* vpci_release() unmaps */
		pci_disable_device(pdev);
		return err;
	}
	return 0;

out_unmap:
	vpci_unmap(vp);
	pci_disable_device(pdev);
out_free:
	kfree(vp);
	return err;
}

static void vpci_remove(struct pci_dev *pdev)
{
	struct vpci_dev *vp = dev_get_drvdata(&pdev->dev);

	unregister_virtio_device(&vp->vdev);
	pci_disable_device(pdev);
}

/* Every transitional and modern id, 0x1000..0x107f, and the end entry. */
static struct pci_device_id vpci_ids[VPCI_MODERN_LAST - VPCI_TRANS_FIRST + 2];

static struct pci_driver vpci_driver = {
	.name = "virtio-pci",
	.id_table = vpci_ids,
	.probe = vpci_probe,
	.remove = vpci_remove,
};

static int __init vpci_init(void)
{
	unsigned int i;

	for (i = 0; i <= VPCI_MODERN_LAST - VPCI_TRANS_FIRST; i++) {
		vpci_ids[i].vendor = VPCI_VENDOR;
		vpci_ids[i].device = VPCI_TRANS_FIRST + i;
	}
	return pci_register_driver(&vpci_driver);
}
device_initcall(vpci_init);
