/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The initramfs: the image the boot loader passes with the kernel (a PVH
 * module, QEMU's -initrd) and the walk over its parts, init/initramfs.c.
 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/cpio.h>

int initramfs_for_each(const void *image, size_t len, cpio_actor_t fn,
		       void *arg);

/* Whether the boot loader passed an initramfs (set before initcalls). */
bool initrd_present(void);

#endif /* _LINUX_INITRD_H */
