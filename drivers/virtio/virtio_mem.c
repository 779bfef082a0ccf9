// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-mem (virtio device id 24): a region of guest-physical memory the
 * host lets the guest use in device blocks, as much as requested_size
 * asks. The driver adds the region's memory blocks as driver-managed RAM,
 * plugs and unplugs device blocks inside them and hands them to and takes
 * them from the page allocator. See Documentation/admin-guide/mm/virtio-mem.rst.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/kthread.h>
#include <linux/log2.h>
#include <linux/memblock.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/mutex.h>
#include <linux/nodemask.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/time.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_mem.h>
#include <linux/wait.h>
#include <asm/numa.h>

/**
 * DOC: virtio-mem
 *
 * One kernel thread per device ("virtio_mem/N") does all the work: woken
 * at probe, by the config-change interrupt, by a write to fake_config and
 * by its retry timeout, it reads the configuration, checks it, and plugs
 * or unplugs one step at a time until the plugged size equals
 * requested_size or nothing more can be done. Each step is planned by a
 * pure function (vmem_plan_plug(), vmem_plan_unplug()) from the per
 * memory block state, then carried out: requests to the device outside
 * the hotplug lock, changes of the plugged state and every call into mm
 * inside it (mem_hotplug_begin()), as the mhp_owner contract asks.
 *
 * Order of operations. Plug: the device ACKs a PLUG, then (hotplug lock)
 * the units are marked plugged and, if their block is online, handed to
 * the allocator (mhp_plug_pages()); a new block gets its memmap units
 * plugged first, then add_driver_memory(). Unplug: (hotplug lock) the
 * pages are taken out (mhp_unplug_pages(), or the whole block offlined
 * and removed) and marked unplugged, then the device is asked to UNPLUG;
 * if it refuses, the units are marked plugged and given back. So the
 * kernel never holds a page the device does not back.
 *
 * VIRTIO_MEM_F_UNPLUGGED_INACCESSIBLE is accepted: Tide never reads or
 * writes an unplugged pageblock (online_pages() skips them through the
 * owner's plugged() callback; offline and migration skip PGTY_UNPLUGGED).
 */

#define VMEM_RESP_TIMEOUT_NS	(10 * NSEC_PER_SEC)
#define VMEM_BUSY_SLEEP_MS	20
#define VMEM_RETRY_MIN_MS	2000U
#define VMEM_RETRY_MAX_MS	300000U
/* Added memory that may stay offline (Linux's offline threshold idea). */
#define VMEM_OFFLINE_LIMIT	(1ULL << 30)

enum vmem_fake_field {
	VF_BLOCK_SIZE, VF_NODE_ID, VF_ADDR, VF_REGION_SIZE,
	VF_USABLE_REGION_SIZE, VF_PLUGGED_SIZE, VF_REQUESTED_SIZE, VF_NR
};

static const char * const vmem_field_names[VF_NR] = {
	"block_size", "node_id", "addr", "region_size",
	"usable_region_size", "plugged_size", "requested_size",
};

/**
 * struct vmem - one virtio-mem device
 * @vdev: its device
 * @vq: its request queue ("guest-request")
 * @req: the request buffer (kmalloc; pinned by the queue while the
 *	device holds it)
 * @resp: the response buffer (likewise)
 * @resp_done: completed by the queue callback
 * @fixed: the configuration accepted at probe (block_size, node_id, addr,
 *	region_size never change after it)
 * @nid: the node its memory belongs to
 * @geom: units and memory blocks
 * @mb_start: the first memory block aligned address in the region
 * @mbs: per memory block state; written by the thread only, with the
 *	hotplug lock held for writing; read by the thread, and by
 *	vmem_plugged() with the hotplug lock held
 * @leaving: the first addresses of the blocks isolated ahead of a shrink
 *	(vmem_isolate_leaving()), @nr_leaving of them. The thread's only;
 *	nr_mb entries.
 * @owner: registered with mm for [@mb_start, +nr_mb memory blocks)
 * @res: the device region in iomem ("virtio0", not busy)
 * @thread: the resize thread
 * @wq: where the thread sleeps
 * @kick: set by whoever wants the thread to look at the config again
 * @unplug_all: the device had memory plugged at probe: UNPLUG_ALL first
 * @broken: the device stopped answering: no more requests
 * @retry_ms: the thread's next retry timeout after a stop, 0 for none
 * @reported: the requested_size the stop message was printed for
 * @last_clamp: the requested_size the clamp note was printed for
 * @lock: protects the @st_* snapshot and the fakes; a spinlock, taken
 *	by the thread, the debugfs files and nobody else
 * @st_cfg: the last configuration read (with fakes)
 * @st_plugged: bytes plugged, as the driver counts them
 * @st_blocks: memory blocks added
 * @st_paused: the last configuration was refused
 * @st_reason: "none", or why the last resize stopped short
 * @fake_mask: bit f set: config reads return @fake_val[f] for field f
 * @fake_val: the fake values
 * @dir: debugfs virtio_mem/virtioN
 * @name: "virtioN", the iomem resource's name
 * @errbuf: the thread's, for a stop reason with an errno
 */
struct vmem {
	struct virtio_device *vdev;
	struct virtqueue *vq;
	struct virtio_mem_req *req;
	struct virtio_mem_resp *resp;
	struct completion resp_done;
	struct vmem_cfg fixed;
	int nid;
	struct vmem_geom geom;
	u64 mb_start;
	struct vmem_mb *mbs;
	u64 *leaving;
	unsigned int nr_leaving;
	struct mhp_owner owner;
	struct resource *res;
	struct task_struct *thread;
	struct wait_queue_head wq;
	bool kick;
	bool unplug_all;
	bool broken;
	unsigned int retry_ms;
	u64 reported;
	u64 last_clamp;
	spinlock_t lock;		/* see above: snapshot and fakes */
	struct vmem_cfg st_cfg;
	u64 st_plugged;
	unsigned int st_blocks;
	bool st_paused;
	char st_reason[80];
	unsigned int fake_mask;
	u64 fake_val[VF_NR];
	struct dentry *dir;
	char name[16];
	char errbuf[32];
};

#define vmem_err(vm, fmt, ...) \
	pr_err("virtio_mem %s: " fmt, (vm)->name, ##__VA_ARGS__)
#define vmem_info(vm, fmt, ...) \
	pr_info("virtio_mem %s: " fmt, (vm)->name, ##__VA_ARGS__)

/* ---- pure parts, tested by virtio_mem_kunit.c ---- */

static bool vmem_reject(struct vmem_cfg_err *err, const char *field,
			const char *why, u64 value)
{
	err->field = field;
	err->why = why;
	err->value = value;
	return false;
}

/**
 * vmem_cfg_valid - whether a configuration read from the device is sane
 * @c: the configuration
 * @fixed: the one accepted at probe, or NULL at probe
 * @err: filled with the first problem found
 *
 * Checks the sizes and alignments the specification promises, and that
 * the fields that cannot change did not. Does not check requested_size
 * against usable_region_size (vmem_cfg_clamp() does).
 * Return: true if @c can be used.
 */
bool vmem_cfg_valid(const struct vmem_cfg *c, const struct vmem_cfg *fixed,
		    struct vmem_cfg_err *err)
{
	u64 bs = c->block_size, end;

	if (bs < SZ_4K || !is_power_of_2(bs))
		return vmem_reject(err, "block_size",
				   "is not a power of two of at least 4 KiB", bs);
	if (!IS_ALIGNED(c->addr, bs))
		return vmem_reject(err, "addr",
				   "is not aligned to block_size", c->addr);
	if (!c->region_size || !IS_ALIGNED(c->region_size, bs))
		return vmem_reject(err, "region_size",
				   "is not a non-zero multiple of block_size",
				   c->region_size);
	if (check_add_overflow(c->addr, c->region_size, &end))
		return vmem_reject(err, "region_size",
				   "makes the region wrap around",
				   c->region_size);
	if (c->usable_region_size > c->region_size ||
	    !IS_ALIGNED(c->usable_region_size, bs))
		return vmem_reject(err, "usable_region_size",
				   "is not a multiple of block_size within region_size",
				   c->usable_region_size);
	if (c->plugged_size > c->usable_region_size ||
	    !IS_ALIGNED(c->plugged_size, bs))
		return vmem_reject(err, "plugged_size",
				   "is not a multiple of block_size within usable_region_size",
				   c->plugged_size);
	if (!IS_ALIGNED(c->requested_size, bs))
		return vmem_reject(err, "requested_size",
				   "is not a multiple of block_size",
				   c->requested_size);
	if (!fixed)
		return true;
	if (c->block_size != fixed->block_size)
		return vmem_reject(err, "block_size", "changed since probe", bs);
	if (c->node_id != fixed->node_id)
		return vmem_reject(err, "node_id", "changed since probe",
				   c->node_id);
	if (c->addr != fixed->addr)
		return vmem_reject(err, "addr", "changed since probe", c->addr);
	if (c->region_size != fixed->region_size)
		return vmem_reject(err, "region_size", "changed since probe",
				   c->region_size);
	return true;
}

/**
 * vmem_cfg_clamp - bounds requested_size by usable_region_size
 * @c: a valid configuration
 * Return: true if requested_size was above it (and now equals it).
 */
bool vmem_cfg_clamp(struct vmem_cfg *c)
{
	if (c->requested_size <= c->usable_region_size)
		return false;
	c->requested_size = c->usable_region_size;
	return true;
}

/**
 * vmem_req_encode - fills a request as the device reads it
 * @req: the request
 * @type: VIRTIO_MEM_REQ_*
 * @addr: the first device block's address (0 for UNPLUG_ALL)
 * @nb_blocks: how many device blocks (0 for UNPLUG_ALL)
 *
 * Every reserved field is zeroed. Return: nothing.
 */
void vmem_req_encode(struct virtio_mem_req *req, u16 type, u64 addr,
		     u16 nb_blocks)
{
	memset(req, 0, sizeof(*req));
	req->type = type;
	req->addr = addr;
	req->nb_blocks = nb_blocks;
}

/* Units of memory block @mb below the end of the usable region. */
static unsigned int vmem_mb_cap(const struct vmem_geom *g, unsigned int mb,
				unsigned long usable_units)
{
	unsigned long first = (unsigned long)mb * g->units_per_mb;

	if (usable_units <= first)
		return 0;
	return min_t(unsigned long, usable_units - first, g->units_per_mb);
}

/* The most units one request may carry. */
static unsigned int vmem_max_units(const struct vmem_geom *g)
{
	return max(1U, VIRTIO_MEM_MAX_NB_BLOCKS / g->blocks_per_unit);
}

/**
 * vmem_plan_plug - the next plug step towards @want more units
 * @g: the geometry
 * @mbs: the memory blocks' state
 * @usable_units: units from the first memory block below the end of
 *	the usable region (big-block mode: whole units)
 * @want: units still to plug, at least 1
 * @memmap_units: units a new block's memmap needs (0 without
 *	memmap on memory); plugged before the block is added
 * @st: the step
 *
 * An added block that is not full comes first (lowest first), from its
 * first unplugged unit, as many units as it has room and @want allows;
 * else the lowest block not yet added, from its first unit, as many as
 * it has room and @want allows (at least max(1, @memmap_units): the
 * memmap's units are in the same request, so they are plugged before
 * the block is added, and the block is onlined once with all of them).
 * Big-block mode: the lowest unit not added.
 * Return: 0 and @st; -ENOSPC when the usable region is full; -ERANGE
 * when @want is smaller than a new block's memmap.
 */
int vmem_plan_plug(const struct vmem_geom *g, const struct vmem_mb *mbs,
		   unsigned long usable_units, unsigned long want,
		   unsigned int memmap_units, struct vmem_step *st)
{
	unsigned int mb, cap, n;

	if (g->mbs_per_unit > 1) {
		for (mb = 0; mb + g->mbs_per_unit <= g->nr_mb;
		     mb += g->mbs_per_unit) {
			if (mb / g->mbs_per_unit >= usable_units)
				break;
			if (mbs[mb].added)
				continue;
			*st = (struct vmem_step){ VMEM_PLUG_NEW, mb, 0, 1 };
			return 0;
		}
		return -ENOSPC;
	}
	for (mb = 0; mb < g->nr_mb; mb++) {
		cap = vmem_mb_cap(g, mb, usable_units);
		if (!mbs[mb].added || mbs[mb].plugged >= cap)
			continue;
		n = min_t(unsigned long, cap - mbs[mb].plugged, want);
		n = min(n, vmem_max_units(g));
		*st = (struct vmem_step){ VMEM_PLUG_FILL, mb,
					  mbs[mb].plugged, n };
		return 0;
	}
	n = max(memmap_units, 1U);
	for (mb = 0; mb < g->nr_mb; mb++) {
		if (mbs[mb].added)
			continue;
		cap = vmem_mb_cap(g, mb, usable_units);
		if (cap < n)
			return -ENOSPC;
		if (want < n)
			return -ERANGE;
		/* One request and one online for the whole block. */
		n = min_t(unsigned long, cap, want);
		n = min(n, vmem_max_units(g));
		*st = (struct vmem_step){ VMEM_PLUG_NEW, mb, 0, n };
		return 0;
	}
	return -ENOSPC;
}

/**
 * vmem_plan_unplug - the next unplug step towards @want fewer units
 * @g: the geometry
 * @mbs: the memory blocks' state (online, flags as last looked)
 * @want: units still to unplug, at least 1
 * @st: the step
 *
 * Newest first: the highest added block not marked VMEM_MB_SKIP. If
 * @want covers all its plugged units (or none are left), the whole
 * block goes, unless it is marked VMEM_MB_NO_WHOLE; else its top units
 * above the memmap ones, at most @want. A block whose only plugged units
 * are its memmap's is passed over until the whole block may go.
 * Big-block mode: the highest added unit, whole.
 * Return: 0 and @st; -ENOSPC when no block offers anything.
 */
int vmem_plan_unplug(const struct vmem_geom *g, const struct vmem_mb *mbs,
		     unsigned long want, struct vmem_step *st)
{
	unsigned int mb, p, m, n;

	for (mb = g->nr_mb; mb-- > 0;) {
		const struct vmem_mb *b = &mbs[mb];

		if (!b->added || (b->flags & VMEM_MB_SKIP))
			continue;
		if (g->mbs_per_unit > 1) {
			if (mb % g->mbs_per_unit)
				continue;
			*st = (struct vmem_step){ VMEM_UNPLUG_WHOLE, mb, 0, 1 };
			return 0;
		}
		p = b->plugged;
		m = min_t(unsigned int, b->memmap, p);
		if (!(b->flags & VMEM_MB_NO_WHOLE) && (!p || want >= p)) {
			*st = (struct vmem_step){ VMEM_UNPLUG_WHOLE, mb, 0, p };
			return 0;
		}
		n = min_t(unsigned long, want, p - m);
		n = min(n, vmem_max_units(g));
		if (!n)
			continue;
		*st = (struct vmem_step){
			b->online == MEM_ONLINE ? VMEM_UNPLUG_ONLINE :
						  VMEM_UNPLUG_OFFLINE,
			mb, p - n, n };
		return 0;
	}
	return -ENOSPC;
}

/* ---- the device ---- */

static void vmem_resp_cb(struct virtqueue *vq)
{
	struct vmem *vm = dev_get_drvdata(&vq->vdev->dev);

	complete(&vm->resp_done);
}

/*
 * Sends one request and waits for its response. Thread only (one request
 * at a time). Return: the VIRTIO_MEM_RESP_* the device gave, BUSY retried
 * after a short sleep; -EIO when the device does not answer (it is then
 * marked broken and keeps the buffers: vmem_remove() frees them).
 */
static int vmem_request(struct vmem *vm, u16 type, u64 addr, u32 nb)
{
	struct virtio_buf bufs[2] = {
		{ vm->req, sizeof(*vm->req) },
		{ vm->resp, sizeof(*vm->resp) },
	};
	unsigned int len;
	int err;

	if (vm->broken)
		return -EIO;
	for (;;) {
		vmem_req_encode(vm->req, type, addr, nb);
		memset(vm->resp, 0xff, sizeof(*vm->resp));
		reinit_completion(&vm->resp_done);
		err = vq_add_buffers(vm->vq, bufs, 1, 1, vm->req);
		if (err)
			return err;
		vq_publish(vm->vq);
		wait_for_completion_timeout_ns(&vm->resp_done,
					       VMEM_RESP_TIMEOUT_NS);
		if (vq_take_used(vm->vq, &len) != vm->req) {
			vmem_err(vm, "no response to request %u, giving up on the device\n",
				 type);
			vm->broken = true;
			return -EIO;
		}
		if (vm->resp->type != VIRTIO_MEM_RESP_BUSY)
			return vm->resp->type;
		msleep(VMEM_BUSY_SLEEP_MS);
	}
}

/* Reads the configuration, stable across its generation, with the fakes. */
static void vmem_read_config(struct vmem *vm, struct vmem_cfg *c)
{
	struct virtio_device *vdev = vm->vdev;
	const struct virtio_transport_ops *t = vdev->transport;
	u64 *fields[VF_NR] = {
		&c->block_size, NULL, &c->addr, &c->region_size,
		&c->usable_region_size, &c->plugged_size, &c->requested_size,
	};
	static const unsigned int offs[VF_NR] = {
		offsetof(struct virtio_mem_config, block_size),
		offsetof(struct virtio_mem_config, node_id),
		offsetof(struct virtio_mem_config, addr),
		offsetof(struct virtio_mem_config, region_size),
		offsetof(struct virtio_mem_config, usable_region_size),
		offsetof(struct virtio_mem_config, plugged_size),
		offsetof(struct virtio_mem_config, requested_size),
	};
	u32 gen;
	int f;

	do {
		gen = t->config_generation(vdev);
		for (f = 0; f < VF_NR; f++) {
			if (fields[f])
				t->read_config(vdev, offs[f], fields[f], 8);
			else
				t->read_config(vdev, offs[f], &c->node_id, 2);
		}
	} while (gen != t->config_generation(vdev));

	spin_lock(&vm->lock);
	for (f = 0; f < VF_NR; f++) {
		if (!(vm->fake_mask & (1U << f)))
			continue;
		if (fields[f])
			*fields[f] = vm->fake_val[f];
		else
			c->node_id = vm->fake_val[f];
	}
	spin_unlock(&vm->lock);
}

static void vmem_kick(struct vmem *vm)
{
	WRITE_ONCE(vm->kick, true);
	wake_up(&vm->wq);
}

static void vmem_config_changed(struct virtio_device *vdev)
{
	struct vmem *vm = dev_get_drvdata(&vdev->dev);

	if (vm)
		vmem_kick(vm);
}

/* ---- state, under the hotplug lock ---- */

static u64 vmem_mb_addr(struct vmem *vm, unsigned int mb)
{
	return vm->mb_start + (u64)mb * memory_block_size_bytes();
}

static u64 vmem_unit_addr(struct vmem *vm, unsigned int mb, unsigned int u)
{
	return vmem_mb_addr(vm, mb) + (u64)u * vm->geom.unit;
}

/* mhp_owner->plugged: hotplug lock held. */
static bool vmem_plugged(struct mhp_owner *owner, unsigned long pfn)
{
	struct vmem *vm = owner->priv;
	u64 off = PFN_PHYS(pfn) - vm->mb_start;
	unsigned int mb = off / memory_block_size_bytes();
	u64 in = off % memory_block_size_bytes();

	if (mb >= vm->geom.nr_mb)
		return false;
	if (vm->geom.mbs_per_unit > 1)
		return vm->mbs[mb].plugged;
	return in / vm->geom.unit < vm->mbs[mb].plugged;
}

/* Bytes plugged as the driver counts them (thread, or hotplug lock). */
static u64 vmem_plugged_bytes(struct vmem *vm, unsigned int *blocks)
{
	u64 units = 0;
	unsigned int mb, n = 0;

	for (mb = 0; mb < vm->geom.nr_mb; mb++) {
		n += vm->mbs[mb].added;
		if (vm->geom.mbs_per_unit == 1 || !(mb % vm->geom.mbs_per_unit))
			units += vm->mbs[mb].plugged;
	}
	if (blocks)
		*blocks = n;
	return units * vm->geom.unit;
}

/* Publishes the snapshot the status file shows. */
static void vmem_publish(struct vmem *vm, const struct vmem_cfg *c,
			 bool paused, const char *reason)
{
	unsigned int blocks;
	u64 plugged = vmem_plugged_bytes(vm, &blocks);

	spin_lock(&vm->lock);
	if (c)
		vm->st_cfg = *c;
	vm->st_plugged = plugged;
	vm->st_blocks = blocks;
	vm->st_paused = paused;
	if (reason)
		strscpy(vm->st_reason, reason, sizeof(vm->st_reason));
	spin_unlock(&vm->lock);
}

static const char *vmem_errno_reason(struct vmem *vm, int err)
{
	switch (err) {
	case -ENOSPC:
		return "no room for the memory in use";
	case -EBUSY:
		return "pages that cannot move";
	case -EINTR:
		return "interrupted";
	case -ENOMEM:
		return "out of memory";
	default:
		snprintf(vm->errbuf, sizeof(vm->errbuf),
			 "memory hotplug error %d", err);
		return vm->errbuf;
	}
}

/* ---- plug ---- */

/* Bytes of added blocks that are offline now. Hotplug lock held. */
static u64 vmem_offline_bytes(struct vmem *vm)
{
	unsigned int mb;
	u64 bytes = 0;

	for (mb = 0; mb < vm->geom.nr_mb; mb++)
		if (vm->mbs[mb].added &&
		    mhp_block_state(vmem_mb_addr(vm, mb)) == MEM_OFFLINE)
			bytes += memory_block_size_bytes();
	return bytes;
}

/*
 * Adds the block(s) of @st, whose first units the device has just
 * plugged. Return: 0 or -errno (then the units are still plugged at the
 * device, and the caller unplugs them).
 */
static int vmem_add_block(struct vmem *vm, const struct vmem_step *st,
			  unsigned int memmap_units, mhp_t flags,
			  const char **reason)
{
	unsigned int k, nmb = vm->geom.mbs_per_unit;
	u64 size = (u64)nmb * memory_block_size_bytes();
	int err;

	mem_hotplug_begin();
	if (vmem_offline_bytes(vm) + size >
	    max_t(u64, VMEM_OFFLINE_LIMIT, 2 * size)) {
		mem_hotplug_done();
		*reason = "1 GiB of added memory is offline";
		return -ENOSPC;
	}
	for (k = 0; k < nmb; k++) {
		vm->mbs[st->mb + k].added = 1;
		vm->mbs[st->mb + k].plugged = st->nr;
		vm->mbs[st->mb + k].memmap = memmap_units;
	}
	err = add_driver_memory(vm->nid, vmem_mb_addr(vm, st->mb), size,
				"System RAM (virtio_mem)", flags);
	if (err) {
		for (k = 0; k < nmb; k++)
			vm->mbs[st->mb + k] = (struct vmem_mb){};
		*reason = "adding memory failed";
		vmem_err(vm, "adding memory at 0x%llx failed (%d)\n",
			 vmem_mb_addr(vm, st->mb), err);
	}
	mem_hotplug_done();
	return err;
}

/* Marks @n units from @first of @mb plugged and gives them to mm. */
static int vmem_fill_done(struct vmem *vm, unsigned int mb, unsigned int first,
			  unsigned int n)
{
	u64 addr = vmem_unit_addr(vm, mb, first);
	int err = 0;

	mem_hotplug_begin();
	vm->mbs[mb].plugged = first + n;
	if (mhp_block_state(vmem_mb_addr(vm, mb)) == MEM_ONLINE)
		err = mhp_plug_pages(PHYS_PFN(addr),
				     PHYS_PFN(n * vm->geom.unit));
	mem_hotplug_done();
	if (err)
		vmem_err(vm, "giving 0x%llx-0x%llx to the allocator failed (%d)\n",
			 addr, addr + n * vm->geom.unit - 1, err);
	return err;
}

/*
 * One plug step towards @want more units. Return: 0 on progress,
 * -errno with *@reason when it cannot go on.
 */
static int vmem_plug_step(struct vmem *vm, const struct vmem_cfg *c,
			  unsigned long want, const char **reason)
{
	const struct vmem_geom *g = &vm->geom;
	unsigned long usable_units = 0;
	unsigned int memmap_units = 0;
	u64 usable_end = c->addr + c->usable_region_size;
	mhp_t flags = mhp_default_flags();
	struct vmem_step st;
	int err, resp;

	if (usable_end > vm->mb_start)
		usable_units = (usable_end - vm->mb_start) / g->unit;
	if (g->mbs_per_unit == 1 && (flags & MHP_MEMMAP_ON_MEMORY))
		memmap_units = DIV_ROUND_UP(MHP_VMEMMAP_PAGES << PAGE_SHIFT,
					    g->unit);
	err = vmem_plan_plug(g, vm->mbs, usable_units, want, memmap_units, &st);
	if (err) {
		*reason = err == -ERANGE ? "less than a memory block's memmap" :
					   "the usable region is full";
		return err;
	}
	resp = vmem_request(vm, VIRTIO_MEM_REQ_PLUG,
			    vmem_unit_addr(vm, st.mb, st.first),
			    st.nr * g->blocks_per_unit);
	if (resp != VIRTIO_MEM_RESP_ACK) {
		*reason = resp == VIRTIO_MEM_RESP_NACK ?
			"the device refused to plug" : "device error";
		return -EIO;
	}
	if (st.kind == VMEM_PLUG_FILL)
		return vmem_fill_done(vm, st.mb, st.first, st.nr);

	err = vmem_add_block(vm, &st, memmap_units, flags, reason);
	if (err)
		vmem_request(vm, VIRTIO_MEM_REQ_UNPLUG,
			     vmem_unit_addr(vm, st.mb, 0),
			     st.nr * g->blocks_per_unit);
	return err;
}

/* ---- unplug ---- */

/*
 * The device refused to unplug what mm already gave back: take it again.
 * @whole: the block was removed too.
 */
static void vmem_unplug_refused(struct vmem *vm, const struct vmem_step *st,
				const struct vmem_mb *before, bool whole)
{
	unsigned int k, nmb = vm->geom.mbs_per_unit;
	u64 start = vmem_mb_addr(vm, st->mb);
	int err = 0;

	mem_hotplug_begin();
	if (whole) {
		for (k = 0; k < nmb; k++)
			vm->mbs[st->mb + k] = before[k];
		err = add_driver_memory(vm->nid, start,
					nmb * memory_block_size_bytes(),
					"System RAM (virtio_mem)",
					before->memmap ? MHP_MEMMAP_ON_MEMORY :
							 MHP_NONE);
		if (err)
			for (k = 0; k < nmb; k++)
				vm->mbs[st->mb + k] = (struct vmem_mb){};
	} else {
		vm->mbs[st->mb].plugged = st->first + st->nr;
		if (mhp_block_state(start) == MEM_ONLINE)
			err = mhp_plug_pages(PHYS_PFN(vmem_unit_addr(vm, st->mb,
								     st->first)),
					     PHYS_PFN(st->nr * vm->geom.unit));
	}
	mem_hotplug_done();
	vmem_err(vm, "the device refused to unplug 0x%llx (+%u units): kept%s\n",
		 vmem_unit_addr(vm, st->mb, st->first), st->nr,
		 err ? ", but giving it back failed" : "");
}

/* Offlines (if online) and removes the block(s) of @st. Lock held. */
static int vmem_remove_locked(struct vmem *vm, const struct vmem_step *st)
{
	unsigned int k, nmb = vm->geom.mbs_per_unit;
	u64 start, size = (u64)nmb * memory_block_size_bytes();
	int err;

	for (k = 0; k < nmb; k++) {
		start = vmem_mb_addr(vm, st->mb + k);
		if (mhp_block_state(start) != MEM_ONLINE)
			continue;
		err = mhp_block_set_state(start, MMOP_OFFLINE);
		if (err)
			goto online_again;
	}
	err = remove_driver_memory(vmem_mb_addr(vm, st->mb), size);
	if (!err)
		return 0;
	k = nmb;
online_again:
	while (k-- > 0)
		mhp_block_set_state(vmem_mb_addr(vm, st->mb + k), MMOP_ONLINE);
	return err;
}

/*
 * Asks the device to unplug the units of @st, which mm no longer holds
 * (@whole: the block, from its first unit, is removed too; @before: its
 * state then). If the device refuses, they are taken back
 * (vmem_unplug_refused()). Return: 0, or -EIO with *@reason.
 */
static int vmem_unplug_at_device(struct vmem *vm, const struct vmem_step *st,
				 const struct vmem_mb *before, bool whole,
				 const char **reason)
{
	u64 addr = whole ? vmem_mb_addr(vm, st->mb) :
			   vmem_unit_addr(vm, st->mb, st->first);
	int resp = vmem_request(vm, VIRTIO_MEM_REQ_UNPLUG, addr,
				st->nr * vm->geom.blocks_per_unit);

	if (resp == VIRTIO_MEM_RESP_ACK)
		return 0;
	vmem_unplug_refused(vm, st, before, whole);
	*reason = "the device refused to unplug";
	return -EIO;
}

static int vmem_unplug_whole(struct vmem *vm, const struct vmem_step *st,
			     const char **reason)
{
	struct vmem_mb before[8];
	unsigned int k, nmb = vm->geom.mbs_per_unit;
	int err;

	if (nmb > ARRAY_SIZE(before))
		nmb = ARRAY_SIZE(before);	/* a unit of at most 1 GiB */
	mem_hotplug_begin();
	err = vmem_remove_locked(vm, st);
	if (!err) {
		for (k = 0; k < nmb; k++) {
			before[k] = vm->mbs[st->mb + k];
			vm->mbs[st->mb + k] = (struct vmem_mb){};
		}
	}
	mem_hotplug_done();
	if (err) {
		vm->mbs[st->mb].flags |= vm->geom.mbs_per_unit > 1 ?
				VMEM_MB_SKIP : VMEM_MB_NO_WHOLE;
		*reason = vmem_errno_reason(vm, err);
		return 0;	/* try the next candidate */
	}
	if (!st->nr)
		return 0;
	return vmem_unplug_at_device(vm, st, before, true, reason);
}

/* Takes the top units of an online block back, one unit at a time. */
static int vmem_unplug_online(struct vmem *vm, struct vmem_step *st,
			      const char **reason)
{
	unsigned int top = st->first + st->nr, u;
	u64 start = vmem_mb_addr(vm, st->mb);
	int err = 0;

	/* all at once first; one unit at a time when that fails */
	mem_hotplug_begin();
	if (mhp_block_state(start) == MEM_ONLINE &&
	    !mhp_unplug_pages(PHYS_PFN(vmem_unit_addr(vm, st->mb, st->first)),
			      PHYS_PFN(st->nr * vm->geom.unit)))
		vm->mbs[st->mb].plugged = st->first;
	mem_hotplug_done();
	u = vm->mbs[st->mb].plugged == st->first ? st->first : top;
	for (; u > st->first; u--) {
		mem_hotplug_begin();
		if (mhp_block_state(start) != MEM_ONLINE)
			err = -EAGAIN;
		else
			err = mhp_unplug_pages(PHYS_PFN(vmem_unit_addr(vm, st->mb,
								       u - 1)),
					       PHYS_PFN(vm->geom.unit));
		if (!err)
			vm->mbs[st->mb].plugged = u - 1;
		mem_hotplug_done();
		if (err)
			break;
	}
	if (err && err != -EAGAIN) {	/* -EAGAIN: offlined meanwhile */
		vm->mbs[st->mb].flags |= VMEM_MB_SKIP;
		*reason = vmem_errno_reason(vm, err);
	}
	if (u == top)
		return 0;
	st->first = u;
	st->nr = top - u;
	return vmem_unplug_at_device(vm, st, NULL, false, reason);
}

/* Unplugs the top units of an offline block: no pages to take back. */
static int vmem_unplug_offline(struct vmem *vm, const struct vmem_step *st,
			       const char **reason)
{
	mem_hotplug_begin();
	if (mhp_block_state(vmem_mb_addr(vm, st->mb)) != MEM_OFFLINE) {
		mem_hotplug_done();
		return 0;	/* onlined meanwhile: plan again */
	}
	vm->mbs[st->mb].plugged = st->first;
	mem_hotplug_done();
	return vmem_unplug_at_device(vm, st, NULL, false, reason);
}

static int vmem_unplug_step(struct vmem *vm, unsigned long want,
			    const char **reason)
{
	struct vmem_step st;
	unsigned int mb;

	mem_hotplug_begin();
	for (mb = 0; mb < vm->geom.nr_mb; mb++)
		if (vm->mbs[mb].added)
			vm->mbs[mb].online =
				mhp_block_state(vmem_mb_addr(vm, mb));
	mem_hotplug_done();
	if (vmem_plan_unplug(&vm->geom, vm->mbs, want, &st)) {
		if (!*reason)
			*reason = "nothing left to unplug";
		return -ENOSPC;
	}
	switch (st.kind) {
	case VMEM_UNPLUG_WHOLE:
		return vmem_unplug_whole(vm, &st, reason);
	case VMEM_UNPLUG_ONLINE:
		return vmem_unplug_online(vm, &st, reason);
	default:
		return vmem_unplug_offline(vm, &st, reason);
	}
}

/* ---- blocks that leave together ---- */

/*
 * The blocks the next unplug steps take out whole, in the order they go,
 * until @want units are gone: vmem_plan_unplug() itself, run on a copy of
 * @mbs in which each block it takes is marked VMEM_MB_SKIP. They stop at
 * the first step that takes only part of a block, after which no block
 * goes whole. Writes at most @max block numbers to @out (u64, so that
 * the caller can turn them into addresses in place).
 * Return: how many; 0 when the copy cannot be had.
 */
static unsigned int vmem_plan_leaving(const struct vmem_geom *g,
				      const struct vmem_mb *mbs,
				      unsigned long want, u64 *out,
				      unsigned int max)
{
	struct vmem_mb *left = kmalloc_array(g->nr_mb, sizeof(*mbs),
					     GFP_KERNEL);
	unsigned int k, n = 0, span = max(g->mbs_per_unit, 1U);
	struct vmem_step st;

	if (!left)
		return 0;
	memcpy(left, mbs, g->nr_mb * sizeof(*mbs));
	while (want && n < max && !vmem_plan_unplug(g, left, want, &st) &&
	       st.kind == VMEM_UNPLUG_WHOLE) {
		for (k = 0; k < span && n < max; k++) {
			out[n++] = st.mb + k;
			left[st.mb + k].flags |= VMEM_MB_SKIP;
		}
		want -= min_t(unsigned long, want, st.nr);
	}
	kfree(left);
	return n;
}

/*
 * Before a shrink: isolates the online blocks that the unplug steps
 * towards @want will take out whole, as many as fit elsewhere together
 * (mhp_isolate_leaving()), so that what they hold moves once, into
 * memory that stays, rather than into the next block to go. Those that
 * do not fit are offlined as before, one at a time, when their turn
 * comes, and the shrink still goes as far as memory allows. Records the
 * blocks in @vm->leaving for vmem_unisolate_leaving().
 */
static void vmem_isolate_leaving(struct vmem *vm, unsigned long want)
{
	unsigned int mb, i, n;
	int ret;

	mem_hotplug_begin();
	for (mb = 0; mb < vm->geom.nr_mb; mb++)
		if (vm->mbs[mb].added)
			vm->mbs[mb].online =
				mhp_block_state(vmem_mb_addr(vm, mb));
	n = vmem_plan_leaving(&vm->geom, vm->mbs, want, vm->leaving,
			      vm->geom.nr_mb);
	for (i = 0; i < n; i++)
		vm->leaving[i] = vmem_mb_addr(vm, vm->leaving[i]);
	ret = mhp_isolate_leaving(vm->leaving, n);
	vm->nr_leaving = ret > 0 ? n : 0;
	mem_hotplug_done();
	if (ret < 0)
		vmem_info(vm, "leaving blocks not isolated ahead (%d)\n", ret);
}

/* After a shrink: what vmem_isolate_leaving() isolated and is left. */
static void vmem_unisolate_leaving(struct vmem *vm)
{
	if (!vm->nr_leaving)
		return;
	mem_hotplug_begin();
	mhp_unisolate_leaving(vm->leaving, vm->nr_leaving);
	mem_hotplug_done();
	vm->nr_leaving = 0;
}

/* ---- the resize thread ---- */

static bool vmem_read_checked(struct vmem *vm, struct vmem_cfg *c)
{
	struct vmem_cfg_err e;

	vmem_read_config(vm, c);
	if (!vmem_cfg_valid(c, &vm->fixed, &e)) {
		vmem_err(vm, "invalid config: %s 0x%llx %s; resizing paused\n",
			 e.field, e.value, e.why);
		return false;
	}
	if (vmem_cfg_clamp(c) && vm->last_clamp != c->requested_size) {
		vm->last_clamp = c->requested_size;
		vmem_info(vm, "requested size above the usable region: clamped to 0x%llx\n",
			  c->requested_size);
	}
	return true;
}

/* UNPLUG_ALL, when the device came with memory plugged. */
static void vmem_unplug_all(struct vmem *vm)
{
	int resp = vmem_request(vm, VIRTIO_MEM_REQ_UNPLUG_ALL, 0, 0);

	if (resp == VIRTIO_MEM_RESP_ACK) {
		vm->unplug_all = false;
		return;
	}
	vmem_err(vm, "unplugging all memory failed (%d)\n", resp);
	vm->broken = true;
}

/*
 * Resizes until the plugged size is requested_size, the config changes,
 * or it cannot go on. Return: true when it stopped short (retry later:
 * memory may have been freed, or offline blocks onlined).
 */
static bool vmem_resize(struct vmem *vm)
{
	struct vmem_cfg c, prev;
	const char *reason = NULL;
	bool leaving = false, kicked = false;
	unsigned long want;
	unsigned int mb;
	u64 plugged;
	int err = 0;

	if (!vmem_read_checked(vm, &c)) {
		spin_lock(&vm->lock);
		prev = vm->st_cfg;
		spin_unlock(&vm->lock);
		vmem_publish(vm, &prev, true, NULL);
		return false;
	}
	vmem_publish(vm, &c, false, NULL);
	if (vm->unplug_all) {
		vmem_unplug_all(vm);
		vmem_kick(vm);	/* usable_region_size may have changed */
		return false;
	}
	for (mb = 0; mb < vm->geom.nr_mb; mb++)
		vm->mbs[mb].flags = 0;
	while (!vm->broken && !kthread_should_stop()) {
		if (READ_ONCE(vm->kick)) {
			/* The thread loops and reads the config again. */
			kicked = true;
			break;
		}
		plugged = vmem_plugged_bytes(vm, NULL);
		if (plugged < c.requested_size) {
			want = (c.requested_size - plugged) / vm->geom.unit;
			if (!want)
				break;
			err = vmem_plug_step(vm, &c, want, &reason);
		} else if (plugged > c.requested_size) {
			want = DIV_ROUND_UP(plugged - c.requested_size,
					    vm->geom.unit);
			if (!leaving) {
				vmem_isolate_leaving(vm, want);
				leaving = true;
			}
			err = vmem_unplug_step(vm, want, &reason);
		} else {
			break;
		}
		vmem_publish(vm, NULL, false, NULL);
		if (err)
			break;
	}
	vmem_unisolate_leaving(vm);
	if (kicked)
		return false;
	plugged = vmem_plugged_bytes(vm, NULL);
	if (!err || plugged == c.requested_size) {
		vmem_publish(vm, NULL, false, "none");
		return false;
	}
	if (!reason)
		reason = vmem_errno_reason(vm, err);
	vmem_publish(vm, NULL, false, reason);
	if (vm->reported != c.requested_size) {
		vm->reported = c.requested_size;
		vmem_info(vm, "stopped at %llu bytes, requested %llu: %s\n",
			  plugged, c.requested_size, reason);
	}
	return true;
}

static int vmem_thread(void *data)
{
	struct vmem *vm = data;
	u64 timeout;

	while (!kthread_should_stop()) {
		timeout = vm->retry_ms ? (u64)vm->retry_ms * NSEC_PER_MSEC :
					 U64_MAX;
		wait_event_idle_timeout_ns(vm->wq, READ_ONCE(vm->kick) ||
					   kthread_should_stop(), timeout);
		if (kthread_should_stop())
			break;
		if (READ_ONCE(vm->kick)) {
			WRITE_ONCE(vm->kick, false);
			vm->reported = U64_MAX;
			vm->retry_ms = 0;
		}
		if (!vmem_resize(vm))
			vm->retry_ms = 0;
		else if (!vm->retry_ms)
			vm->retry_ms = VMEM_RETRY_MIN_MS;
		else
			vm->retry_ms = min(2 * vm->retry_ms, VMEM_RETRY_MAX_MS);
	}
	return 0;
}

/* ---- debugfs ---- */

static struct dentry *vmem_debug_root;

static ssize_t vmem_status_show(void *data, char *buf)
{
	struct vmem *vm = data;
	int n;

	spin_lock(&vm->lock);
	n = snprintf(buf, PAGE_SIZE,
		     "block_size %llu\nnode %d\naddr 0x%llx\nregion_size %llu\n"
		     "usable_region_size %llu\nplugged_size %llu\n"
		     "requested_size %llu\nblocks %u\nstate %s\nstop_reason %s\n",
		     vm->fixed.block_size, vm->nid, vm->fixed.addr,
		     vm->fixed.region_size, vm->st_cfg.usable_region_size,
		     vm->st_plugged, vm->st_cfg.requested_size, vm->st_blocks,
		     vm->st_paused ? "paused" : "running", vm->st_reason);
	spin_unlock(&vm->lock);
	return n;
}

static ssize_t vmem_fake_store(void *data, const char *buf, size_t len)
{
	struct vmem *vm = data;
	char field[24];
	unsigned long long val;
	const char *sp;
	size_t flen;
	int f;

	if (sysfs_streq(buf, "clear")) {
		spin_lock(&vm->lock);
		vm->fake_mask = 0;
		spin_unlock(&vm->lock);
		vmem_kick(vm);
		return len;
	}
	sp = strchr(buf, ' ');
	if (!sp)
		return -EINVAL;
	flen = sp - buf;
	if (flen >= sizeof(field))
		return -EINVAL;
	memcpy(field, buf, flen);
	field[flen] = '\0';
	for (f = 0; f < VF_NR; f++)
		if (!strcmp(field, vmem_field_names[f]))
			break;
	if (f == VF_NR || kstrtoull(sp + 1, 0, &val))
		return -EINVAL;
	if (f == VF_NODE_ID && val > 0xffff)
		return -ERANGE;
	spin_lock(&vm->lock);
	vm->fake_val[f] = val;
	vm->fake_mask |= 1U << f;
	spin_unlock(&vm->lock);
	vmem_kick(vm);
	return len;
}

static const struct debugfs_file_ops vmem_status_ops = {
	.show = vmem_status_show,
};

static const struct debugfs_file_ops vmem_fake_ops = {
	.store = vmem_fake_store,
};

static void vmem_debugfs_init(struct vmem *vm)
{
	if (IS_ERR_OR_NULL(vmem_debug_root))
		vmem_debug_root = debugfs_create_dir("virtio_mem", NULL);
	if (IS_ERR_OR_NULL(vmem_debug_root))
		return;
	vm->dir = debugfs_create_dir(vm->name, vmem_debug_root);
	if (IS_ERR_OR_NULL(vm->dir)) {
		vm->dir = NULL;
		return;
	}
	debugfs_create_file("status", 0400, vm->dir, vm, &vmem_status_ops);
	debugfs_create_file("fake_config", 0200, vm->dir, vm, &vmem_fake_ops);
}

/* ---- probe and remove ---- */

/* The node of the device's memory (Linux's rules, see the DOC above). */
static int vmem_pick_node(struct vmem *vm, const struct vmem_cfg *c)
{
	int nid = NUMA_NO_NODE;

	if (virtio_feature_on(vm->vdev, VIRTIO_MEM_F_ACPI_PXM))
		nid = pxm_to_node(c->node_id);
	else if (c->node_id < MAX_NUMNODES &&
		 node_state(c->node_id, N_ONLINE))
		nid = c->node_id;
	if (nid == NUMA_NO_NODE)
		nid = memory_add_physaddr_to_nid(c->addr);
	return nid;
}

/* Frees @vm and what it points to (kfree() of NULL does nothing). */
static void vmem_free(struct vmem *vm)
{
	kfree(vm->leaving);
	kfree(vm->mbs);
	kfree(vm->req);
	kfree(vm->resp);
	kfree(vm);
}

/* Checks @c against the machine and sets up the geometry. */
static int vmem_setup_region(struct vmem *vm, const struct vmem_cfg *c)
{
	u64 mbsz = memory_block_size_bytes();
	u64 first = ALIGN(c->addr, mbsz);
	u64 end = ALIGN_DOWN(c->addr + c->region_size, mbsz);
	struct vmem_geom *g = &vm->geom;

	if (end <= first) {
		vmem_err(vm, "region 0x%llx-0x%llx holds no whole memory block\n",
			 c->addr, c->addr + c->region_size - 1);
		return -EINVAL;
	}
	if (!mhp_range_allowed(first, end - first)) {
		vmem_err(vm, "region 0x%llx-0x%llx cannot be hot-added\n",
			 c->addr, c->addr + c->region_size - 1);
		return -EINVAL;
	}
	if (region_intersects(c->addr, c->region_size, IORESOURCE_MEM) !=
	    REGION_DISJOINT) {
		vmem_err(vm, "region 0x%llx-0x%llx overlaps existing iomem\n",
			 c->addr, c->addr + c->region_size - 1);
		return -EBUSY;
	}
	vm->mb_start = first;
	g->unit = max_t(u64, c->block_size, PAGE_SIZE * pageblock_nr_pages);
	g->blocks_per_unit = g->unit / c->block_size;
	g->nr_mb = (end - first) / mbsz;
	if (g->unit < mbsz) {
		g->units_per_mb = mbsz / g->unit;
		g->mbs_per_unit = 1;
	} else {
		g->units_per_mb = 1;
		g->mbs_per_unit = g->unit / mbsz;
		g->nr_mb = ALIGN_DOWN(g->nr_mb, g->mbs_per_unit);
		if (!g->nr_mb || g->mbs_per_unit > 8) {
			vmem_err(vm, "block size 0x%llx: no whole block fits, or above 1 GiB\n",
				 c->block_size);
			return -EINVAL;
		}
	}
	return 0;
}

static void vmem_print(struct vmem *vm, const struct vmem_cfg *c)
{
	vmem_info(vm, "start address: 0x%llx\n", c->addr);
	vmem_info(vm, "region size: 0x%llx\n", c->region_size);
	vmem_info(vm, "device block size: 0x%llx\n", c->block_size);
	vmem_info(vm, "nid: %d\n", vm->nid);
	vmem_info(vm, "memory block size: 0x%lx\n", memory_block_size_bytes());
	if (vm->geom.mbs_per_unit == 1)
		vmem_info(vm, "subblock size: 0x%llx\n", vm->geom.unit);
	else
		vmem_info(vm, "big block size: 0x%llx\n", vm->geom.unit);
	vmem_info(vm, "plugged size: 0x%llx\n", c->plugged_size);
	vmem_info(vm, "requested size: 0x%llx\n", c->requested_size);
}

static int vmem_init_region(struct vmem *vm)
{
	struct vmem_cfg c;
	struct vmem_cfg_err e;
	int err;

	vmem_read_config(vm, &c);
	if (!vmem_cfg_valid(&c, NULL, &e)) {
		vmem_err(vm, "invalid config: %s 0x%llx %s\n",
			 e.field, e.value, e.why);
		return -EINVAL;
	}
	err = vmem_setup_region(vm, &c);
	if (err)
		return err;
	vm->fixed = c;
	vm->st_cfg = c;
	vm->nid = vmem_pick_node(vm, &c);
	vm->unplug_all = c.plugged_size != 0;
	vmem_print(vm, &c);
	if (vm->unplug_all)
		vmem_info(vm, "memory plugged at probe: unplugging all first\n");
	return 0;
}

static int vmem_probe(struct virtio_device *vdev)
{
	vq_callback_t *callbacks[] = { vmem_resp_cb };
	static const char * const names[] = { "guest-request" };
	struct vmem *vm;
	int err;

	vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	if (!vm)
		return -ENOMEM;
	vm->req = kzalloc(sizeof(*vm->req), GFP_KERNEL);
	vm->resp = kzalloc(sizeof(*vm->resp), GFP_KERNEL);
	if (!vm->req || !vm->resp) {
		err = -ENOMEM;
		goto out_free;
	}
	vm->vdev = vdev;
	snprintf(vm->name, sizeof(vm->name), "%s", dev_name(&vdev->dev));
	init_completion(&vm->resp_done);
	init_waitqueue_head(&vm->wq);
	spin_lock_init(&vm->lock);
	strscpy(vm->st_reason, "none", sizeof(vm->st_reason));
	vm->reported = U64_MAX;
	vm->last_clamp = U64_MAX;

	err = vmem_init_region(vm);
	if (err)
		goto out_free;
	vm->mbs = kcalloc(vm->geom.nr_mb, sizeof(*vm->mbs), GFP_KERNEL);
	vm->leaving = kcalloc(vm->geom.nr_mb, sizeof(*vm->leaving),
			      GFP_KERNEL);
	if (!vm->mbs || !vm->leaving) {
		err = -ENOMEM;
		goto out_free;
	}
	vm->res = iomem_request_region(vm->fixed.addr, vm->fixed.region_size,
				       vm->name, IORESOURCE_MEM);
	if (IS_ERR(vm->res)) {
		err = PTR_ERR(vm->res);
		vmem_err(vm, "could not reserve the device region (%d)\n", err);
		goto out_free;
	}
	vm->res->flags &= ~IORESOURCE_BUSY;
	vm->owner.start = vm->mb_start;
	vm->owner.size = (u64)vm->geom.nr_mb * memory_block_size_bytes();
	vm->owner.plugged = vmem_plugged;
	vm->owner.priv = vm;
	err = mhp_owner_register(&vm->owner);
	if (err)
		goto out_release;

	dev_set_drvdata(&vdev->dev, vm);
	err = virtio_setup_queues(vdev, 1, &vm->vq, callbacks, names);
	if (err)
		goto out_owner;
	virtio_device_ready(vdev);
	vmem_debugfs_init(vm);
	vm->thread = kthread_run(vmem_thread, vm, "virtio_mem/%d", vdev->index);
	if (IS_ERR(vm->thread)) {
		err = PTR_ERR(vm->thread);
		goto out_queues;
	}
	vmem_kick(vm);
	return 0;

out_queues:
	debugfs_remove(vm->dir);
	vdev->transport->reset_device(vdev);
	vdev->transport->drop_queues(vdev);
out_owner:
	dev_set_drvdata(&vdev->dev, NULL);
	mhp_owner_unregister(&vm->owner);
out_release:
	__release_region(&iomem_resource, vm->fixed.addr,
			 vm->fixed.region_size);
out_free:
	vmem_free(vm);
	return err;
}

/*
 * Unbinding: the thread stops, then every block goes (offline, remove)
 * before the device is reset, which unplugs everything. A block that
 * cannot go offline keeps the driver's state (and the memory) alive.
 */
static void vmem_remove(struct virtio_device *vdev)
{
	struct vmem *vm = dev_get_drvdata(&vdev->dev);
	struct vmem_step st = { VMEM_UNPLUG_WHOLE, 0, 0, 0 };
	bool stuck = false;
	unsigned int mb;

	kthread_stop(vm->thread);
	debugfs_remove(vm->dir);
	mem_hotplug_begin();
	for (mb = 0; mb < vm->geom.nr_mb; mb += vm->geom.mbs_per_unit) {
		if (!vm->mbs[mb].added)
			continue;
		st.mb = mb;
		if (vmem_remove_locked(vm, &st))
			stuck = true;
		else
			vm->mbs[mb].added = 0;
	}
	mem_hotplug_done();
	if (stuck) {
		vmem_err(vm, "memory still in use: the device stays as it is\n");
		return;
	}
	vdev->transport->reset_device(vdev);
	vq_take_unused(vm->vq);
	vdev->transport->drop_queues(vdev);
	mhp_owner_unregister(&vm->owner);
	__release_region(&iomem_resource, vm->fixed.addr,
			 vm->fixed.region_size);
	dev_set_drvdata(&vdev->dev, NULL);
	vmem_free(vm);
}

static const unsigned int vmem_features[] = {
	VIRTIO_MEM_F_ACPI_PXM,			/* node_id is a PXM */
	VIRTIO_MEM_F_UNPLUGGED_INACCESSIBLE,	/* never touched anyway */
};

static const struct virtio_device_id vmem_ids[] = {
	{ .device = VIRTIO_ID_MEM, .vendor = VIRTIO_DEV_ANY_ID },
	{}
};

static struct virtio_driver vmem_driver = {
	.name = "virtio_mem",
	.match = vmem_ids,
	.features_wanted = vmem_features,
	.nr_features = ARRAY_SIZE(vmem_features),
	.probe = vmem_probe,
	.remove = vmem_remove,
	.config_changed = vmem_config_changed,
};

static int __init vmem_init(void)
{
	return virtio_driver_register(&vmem_driver);
}
device_initcall(vmem_init);
