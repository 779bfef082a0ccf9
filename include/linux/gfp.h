/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GFP flags: how an allocation may be satisfied. Zone modifiers choose the
 * highest zone that may be used (__GFP_DMA32, __GFP_MOVABLE); __GFP_MOVABLE
 * and __GFP_RECLAIMABLE also choose the migratetype.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

#define __GFP_DMA32		0x01u	/* only below 4 GiB */
#define __GFP_MOVABLE		0x02u	/* the owner can move it; ZONE_MOVABLE allowed */
#define __GFP_RECLAIMABLE	0x04u	/* a cache that can be shrunk */
#define __GFP_HIGH		0x08u	/* may dip below the min watermark */
#define __GFP_ZERO		0x10u	/* return zeroed memory */
#define __GFP_NOWARN		0x20u	/* no message on failure */
#define __GFP_THISNODE		0x40u	/* only the preferred node */
#define __GFP_NORETRY		0x80u	/* (accepted; Tide never retries) */

#define GFP_KERNEL		0u
#define GFP_ATOMIC		(__GFP_HIGH)
#define GFP_NOWAIT		0u
#define GFP_DMA32		(__GFP_DMA32)
#define GFP_HIGHUSER_MOVABLE	(__GFP_MOVABLE)
#define GFP_KERNEL_ACCOUNT	GFP_KERNEL

#define GFP_ZONEMASK		(__GFP_DMA32 | __GFP_MOVABLE)

#endif /* _LINUX_GFP_H */
