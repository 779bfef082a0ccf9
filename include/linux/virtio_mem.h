/* SPDX-License-Identifier: GPL-2.0 */
/*
 * virtio-mem (virtio device id 24): what the virtio 1.2 specification,
 * section 5.15, says the device's configuration space, requests and
 * responses look like; and the driver's pure parts (config checks, request
 * encoding, plug/unplug planning) that drivers/virtio/virtio_mem_kunit.c
 * tests. The driver is drivers/virtio/virtio_mem.c; see
 * Documentation/admin-guide/mm/virtio-mem.rst.
 */
#ifndef _LINUX_VIRTIO_MEM_H
#define _LINUX_VIRTIO_MEM_H

#include <linux/types.h>

/*
 * Every multi-byte field below is little-endian on the wire; Tide runs
 * only on x86-64, so the fields are plain CPU integers.
 */

#define VIRTIO_ID_MEM			24

/* Feature bits (device-specific, so numbered from 0). */
#define VIRTIO_MEM_F_ACPI_PXM		0	/* node_id is an ACPI PXM */
#define VIRTIO_MEM_F_UNPLUGGED_INACCESSIBLE 1	/* unplugged: never touch */

/* Request types: the first 16-bit field of every request. */
#define VIRTIO_MEM_REQ_PLUG		0	/* make device blocks usable */
#define VIRTIO_MEM_REQ_UNPLUG		1	/* give device blocks back */
#define VIRTIO_MEM_REQ_UNPLUG_ALL	2	/* give every block back */
#define VIRTIO_MEM_REQ_STATE		3	/* ask what blocks are */

/* Response types: the first 16-bit field of every response. */
#define VIRTIO_MEM_RESP_ACK		0	/* done */
#define VIRTIO_MEM_RESP_NACK		1	/* refused now (e.g. above requested) */
#define VIRTIO_MEM_RESP_BUSY		2	/* try again later */
#define VIRTIO_MEM_RESP_ERROR		3	/* a malformed request */

/* What a STATE request answers in the response's state field. */
#define VIRTIO_MEM_STATE_PLUGGED	0	/* all plugged */
#define VIRTIO_MEM_STATE_UNPLUGGED	1	/* none plugged */
#define VIRTIO_MEM_STATE_MIXED		2	/* some of each */

/*
 * The device configuration, little-endian, 56 bytes. block_size, node_id,
 * addr and region_size never change; usable_region_size and
 * requested_size change with a config-change interrupt; plugged_size
 * follows the driver's requests (and UNPLUG_ALL) without one.
 */
struct virtio_mem_config {
	u64 block_size;		/* offset 0: a power of two */
	u16 node_id;			/* offset 8: node, or PXM with ACPI_PXM */
	u8 reserved[6];
	u64 addr;			/* offset 16: start of the region */
	u64 region_size;		/* offset 24 */
	u64 usable_region_size;	/* offset 32: plugging stays below */
	u64 plugged_size;		/* offset 40 */
	u64 requested_size;		/* offset 48 */
};

/*
 * A request, 24 bytes, device-readable: the type, then (PLUG, UNPLUG and
 * STATE) a range of @nb_blocks device blocks from @addr. UNPLUG_ALL uses
 * only the type.
 */
struct virtio_mem_req {
	u16 type;
	u16 reserved0[3];
	u64 addr;
	u16 nb_blocks;
	u16 reserved1[3];
};

/* A response, 10 bytes, device-writable: the type, then STATE's answer. */
struct virtio_mem_resp {
	u16 type;
	u16 reserved[3];
	u16 state;
};

/* The most device blocks one request can name (nb_blocks is 16 bits). */
#define VIRTIO_MEM_MAX_NB_BLOCKS	0xffffU

/* ---- the driver's pure parts (drivers/virtio/virtio_mem.c) ---- */

/* The configuration in CPU byte order. */
struct vmem_cfg {
	u64 block_size;
	u16 node_id;
	u64 addr;
	u64 region_size;
	u64 usable_region_size;
	u64 plugged_size;
	u64 requested_size;
};

/* Why a configuration was refused: the field, the rule, its value. */
struct vmem_cfg_err {
	const char *field;
	const char *why;
	u64 value;
};

bool vmem_cfg_valid(const struct vmem_cfg *c, const struct vmem_cfg *fixed,
		    struct vmem_cfg_err *err);
bool vmem_cfg_clamp(struct vmem_cfg *c);
void vmem_req_encode(struct virtio_mem_req *req, u16 type, u64 addr,
		     u16 nb_blocks);

/*
 * The driver plugs in units of max(block_size, pageblock) bytes. In
 * sub-block mode a unit is smaller than a memory block, and each memory
 * block's plugged units are a prefix of it (plugged from the bottom,
 * unplugged from the top); in big-block mode a unit spans one or more
 * whole memory blocks.
 */
struct vmem_geom {
	u64 unit;			/* bytes */
	unsigned int units_per_mb;	/* 1 in big-block mode */
	unsigned int mbs_per_unit;	/* 1 in sub-block mode */
	unsigned int nr_mb;		/* memory blocks the driver can add */
	unsigned int blocks_per_unit;	/* device blocks per unit */
};

/* One memory block of the region, as the driver tracks it. */
struct vmem_mb {
	u32 plugged;	/* units plugged (big-block: 1 if its unit is) */
	u16 memmap;	/* of those, the first ones hold its memmap */
	u8 added;	/* add_driver_memory() done */
	u8 online;	/* for planning: MEM_ONLINE when last looked */
	u8 flags;	/* VMEM_MB_*: this pass only */
};
#define VMEM_MB_SKIP		0x1	/* nothing more can go from it */
#define VMEM_MB_NO_WHOLE	0x2	/* it could not go offline whole */

enum vmem_step_kind {
	VMEM_PLUG_FILL,		/* plug units into an added block */
	VMEM_PLUG_NEW,		/* plug a new block's first units, add it */
	VMEM_UNPLUG_OFFLINE,	/* offline block: UNPLUG its top units */
	VMEM_UNPLUG_ONLINE,	/* online block: take its top units back */
	VMEM_UNPLUG_WHOLE,	/* offline, remove and UNPLUG the block */
};

/* One step: @nr units from unit @first of memory block @mb. */
struct vmem_step {
	enum vmem_step_kind kind;
	unsigned int mb;
	unsigned int first;
	unsigned int nr;
};

int vmem_plan_plug(const struct vmem_geom *g, const struct vmem_mb *mbs,
		   unsigned long usable_units, unsigned long want,
		   unsigned int memmap_units, struct vmem_step *st);
int vmem_plan_unplug(const struct vmem_geom *g, const struct vmem_mb *mbs,
		     unsigned long want, struct vmem_step *st);

#endif /* _LINUX_VIRTIO_MEM_H */
