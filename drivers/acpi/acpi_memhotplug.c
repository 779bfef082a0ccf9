// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI memory devices (_HID PNP0C80, e.g. QEMU's DIMM slots MP00-MP07):
 * their memory added at boot and on a device check, taken offline and
 * removed on an eject request, with the outcome reported through _OST.
 *
 * DOC: acpi_memhotplug
 *
 * At boot every PNP0C80 device in the namespace gets a struct
 * acpi_memory_device and a Notify handler. Those whose _STA says present
 * and enabled are added at once: each memory range of _CRS goes to
 * add_memory() on the node of _PXM (or, without one, the node the SRAT
 * gives its address, else node 0), with mhp_default_flags(): as in Linux,
 * each block's memmap lives in the block itself when memmap_on_memory is
 * on (Tide's default), so a DIMM far larger than boot memory can be
 * added. A device owns every block of its
 * ranges however it was added (add_memory_claim(): memory probed there
 * before the DIMM came becomes the device's). It remembers the ranges it
 * owns, so that it is never added twice and only its own ranges are
 * removed. The driver never walks memory blocks itself:
 * mm/memory_hotplug.c owns every state change of a range and its rollback.
 *
 * Notify handlers run on ACPICA's notify workqueue. They only queue the
 * event on this driver's own single-threaded workqueue, where it is
 * handled under acpi_memory_lock: adding or offlining gigabytes takes
 * long and must not hold up other devices' notifications.
 *
 *  - bus check (0), device check (1): _STA present and enabled, and the
 *    device has no memory added: add it. Not present, but memory added:
 *    the memory went away under us, offline and remove it. _OST(event, 0)
 *    on success, _OST(event, 1) otherwise.
 *  - eject request (3): _OST(3, 0x84, in progress); then
 *    offline_and_remove_memory_ranges() of every range the device owns,
 *    which checks first and then offlines and removes them all under one
 *    hold of the hotplug lock, or leaves every block as it was. If it
 *    fails, _OST(3, 0x82, device busy) tells the platform, which then
 *    keeps the device. Else _EJ0(1), only once nothing of the device's
 *    ranges is memory any more, and _OST(3, 0).
 *
 * Other notify values are ignored, as the ACPI spec allows.
 */
#define pr_fmt(fmt) "acpi_memhotplug: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/debugfs.h>
#include <linux/list.h>
#include <linux/memblock.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/range.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <asm/numa.h>
#include "internal.h"

#define ACPI_MEMORY_DEVICE_HID	"PNP0C80"

/* Notify values this driver acts on (ACPI 6.5, table 5.166). */
#define ACPI_MEMORY_BUS_CHECK		0x00
#define ACPI_MEMORY_DEVICE_CHECK	0x01
#define ACPI_MEMORY_EJECT_REQUEST	0x03

/*
 * One memory device. @nid and @ranges are protected by acpi_memory_lock.
 * Devices are listed at boot and never freed or unlisted: the list may be
 * walked without the lock, and the device is its notify handler's context.
 */
struct acpi_memory_device {
	struct list_head list;
	acpi_handle handle;
	char path[ACPI_MEMORY_PATH_LEN];
	int nid;		/* node of the last add */
	struct acpi_memory_ranges ranges;
};

/* One notification, queued from the notify handler to acpi_memory_wq. */
struct acpi_memory_event {
	struct work_struct work;
	struct acpi_memory_device *dev;
	u32 type;
};

/* Lock order: acpi_memory_lock, then the hotplug lock (add_memory() etc.). */
static DEFINE_MUTEX(acpi_memory_lock);
static LIST_HEAD(acpi_memory_devices);
static struct workqueue_struct *acpi_memory_wq;

/* ---- _CRS ---- */

/**
 * acpi_memory_collect_range - note one _CRS resource if it is memory
 * @res: a resource as acpi_walk_resources() hands it over
 * @ranges: the ranges so far
 *
 * Word, DWord and QWord address space descriptors of type memory with a
 * non-zero length are recorded (added false); a range that starts where
 * the last one ends extends it. Every other resource is skipped.
 *
 * Return: 0, or -ENOSPC when @ranges is full (the resource is not noted).
 */
int acpi_memory_collect_range(struct acpi_resource *res,
			      struct acpi_memory_ranges *ranges)
{
	struct acpi_resource_address64 a;
	struct acpi_memory_range *last;
	u64 last_byte;

	if (ACPI_FAILURE(acpi_resource_to_address64(res, &a)))
		return 0;
	if (a.resource_type != ACPI_MEMORY_RANGE || !a.address.address_length)
		return 0;
	/* Firmware's numbers: a range whose end wraps is skipped, not added. */
	if (check_add_overflow(a.address.minimum, a.address.address_length - 1,
			       &last_byte)) {
		pr_warn("_CRS range %#llx + %#llx wraps around, skipped\n",
			a.address.minimum, a.address.address_length);
		return 0;
	}
	last = ranges->nr ? &ranges->range[ranges->nr - 1] : NULL;
	if (last && last->start + last->size == a.address.minimum) {
		last->size += a.address.address_length;
		return 0;
	}
	if (ranges->nr == ACPI_MEMORY_MAX_RANGES)
		return -ENOSPC;
	ranges->range[ranges->nr].start = a.address.minimum;
	ranges->range[ranges->nr].size = a.address.address_length;
	ranges->range[ranges->nr].added = false;
	ranges->nr++;
	return 0;
}

struct acpi_memory_crs {
	struct acpi_memory_ranges *ranges;
	int err;
};

static acpi_status acpi_memory_crs_one(struct acpi_resource *res, void *data)
{
	struct acpi_memory_crs *crs = data;

	crs->err = acpi_memory_collect_range(res, crs->ranges);
	return crs->err ? AE_LIMIT : AE_OK;
}

/* The memory ranges of @handle's _CRS into @ranges (emptied first). */
static int acpi_memory_read_crs(acpi_handle handle,
				struct acpi_memory_ranges *ranges)
{
	struct acpi_memory_crs crs = { ranges, 0 };
	acpi_status status;

	memset(ranges, 0, sizeof(*ranges));
	status = acpi_walk_resources(handle, METHOD_NAME__CRS,
				     acpi_memory_crs_one, &crs);
	if (crs.err)
		return crs.err;
	if (ACPI_FAILURE(status))
		return -EIO;
	return ranges->nr ? 0 : -ENODEV;
}

/* ---- node, status, _OST, _EJ0 ---- */

/**
 * acpi_memory_pick_node - the node for a memory device's range
 * @has_pxm: the device has a _PXM
 * @pxm: its value
 * @start: the range's first address
 *
 * Return: the node of @pxm when the SRAT named it, else the node the SRAT
 * gives @start (memory_add_physaddr_to_nid(), which says 0 when it has
 * none). Never NUMA_NO_NODE.
 */
int acpi_memory_pick_node(bool has_pxm, u32 pxm, u64 start)
{
	int nid = has_pxm ? pxm_to_node(pxm) : NUMA_NO_NODE;

	return nid == NUMA_NO_NODE ? memory_add_physaddr_to_nid(start) : nid;
}

/* Evaluates @method of @dev, which must return an integer, into @val. */
static acpi_status acpi_memory_integer(struct acpi_memory_device *dev,
				       const char *method, u64 *val)
{
	union acpi_object obj;
	struct acpi_buffer buf = { sizeof(obj), &obj };
	acpi_status status;

	status = acpi_evaluate_object_typed(dev->handle, (char *)method, NULL,
					    &buf, ACPI_TYPE_INTEGER);
	if (ACPI_SUCCESS(status))
		*val = obj.integer.value;
	return status;
}

static int acpi_memory_node(struct acpi_memory_device *dev, u64 start)
{
	u64 pxm = 0;
	acpi_status status;

	status = acpi_memory_integer(dev, "_PXM", &pxm);
	return acpi_memory_pick_node(ACPI_SUCCESS(status), pxm, start);
}

/* Present and enabled per _STA; a device without _STA is. */
static bool acpi_memory_present(struct acpi_memory_device *dev)
{
	const u64 want = ACPI_STA_DEVICE_PRESENT | ACPI_STA_DEVICE_ENABLED;
	u64 sta = 0;
	acpi_status status;

	status = acpi_memory_integer(dev, METHOD_NAME__STA, &sta);
	if (status == AE_NOT_FOUND)
		return true;
	return ACPI_SUCCESS(status) && (sta & want) == want;
}

/**
 * acpi_memory_ost_code - the _OST status code for a handler's result
 * @type: the notify value handled
 * @err: 0 or the negative errno the handling ended with
 *
 * Return: 0 (success) for 0; for an eject request 0x82 (device busy) for
 * -EBUSY; 1 (non-specific failure) for anything else.
 */
u32 acpi_memory_ost_code(u32 type, int err)
{
	if (!err)
		return ACPI_MEMORY_OST_SUCCESS;
	if (type == ACPI_MEMORY_EJECT_REQUEST && err == -EBUSY)
		return ACPI_MEMORY_OST_DEVICE_BUSY;
	return ACPI_MEMORY_OST_FAILURE;
}

/* _OST(@source, @code, empty buffer); a device without _OST is fine. */
static void acpi_memory_ost(struct acpi_memory_device *dev, u32 source,
			    u32 code)
{
	union acpi_object arg[3] = {
		{ .integer = { ACPI_TYPE_INTEGER, source } },
		{ .integer = { ACPI_TYPE_INTEGER, code } },
		{ .buffer = { ACPI_TYPE_BUFFER, 0, NULL } },
	};
	struct acpi_object_list args = { ARRAY_SIZE(arg), arg };
	acpi_status status;

	status = acpi_evaluate_object(dev->handle, "_OST", &args, NULL);
	if (ACPI_FAILURE(status) && status != AE_NOT_FOUND)
		pr_warn("%s: _OST(%#x, %#x) failed: %s\n", dev->path, source,
			code, acpi_format_exception(status));
}

static int acpi_memory_ej0(struct acpi_memory_device *dev)
{
	union acpi_object arg = { .integer = { ACPI_TYPE_INTEGER, 1 } };
	struct acpi_object_list args = { 1, &arg };
	acpi_status status;

	status = acpi_evaluate_object(dev->handle, "_EJ0", &args, NULL);
	if (ACPI_FAILURE(status)) {
		pr_err("%s: _EJ0 failed: %s\n", dev->path,
		       acpi_format_exception(status));
		return status == AE_NOT_FOUND ? -ENODEV : -EIO;
	}
	if (acpi_memory_present(dev))
		pr_warn("%s: still present after _EJ0\n", dev->path);
	return 0;
}

/* ---- add, offline, remove ---- */

static bool acpi_memory_has_memory(struct acpi_memory_device *dev)
{
	int i;

	for (i = 0; i < dev->ranges.nr; i++)
		if (dev->ranges.range[i].added)
			return true;
	return false;
}

static u64 range_end(const struct acpi_memory_range *r)
{
	return r->start + r->size - 1;
}

/*
 * acpi_memory_lock held. Adds every _CRS range with add_memory_claim():
 * the device owns its whole range however its parts were added, so
 * memory already there (probed by hand, say) becomes the device's and is
 * removed with it. Ranges that fail are reported and not retried.
 * Returns 0 if all were added, else the first error.
 */
static int acpi_memory_add(struct acpi_memory_device *dev)
{
	struct acpi_memory_ranges *ranges = &dev->ranges;
	int i, ret, first_err = 0;

	ret = acpi_memory_read_crs(dev->handle, ranges);
	if (ret) {
		pr_err("%s: no usable memory in _CRS (%d)\n", dev->path, ret);
		return ret;
	}
	for (i = 0; i < ranges->nr; i++) {
		struct acpi_memory_range *r = &ranges->range[i];

		dev->nid = acpi_memory_node(dev, r->start);
		ret = add_memory_claim(dev->nid, r->start, r->size,
				       mhp_default_flags());
		if (ret == -EEXIST)
			pr_err("%s: [mem %#llx-%#llx] is already in use, not added\n",
			       dev->path, r->start, range_end(r));
		else if (ret < 0)
			pr_err("%s: cannot add [mem %#llx-%#llx] node %d: %d\n",
			       dev->path, r->start, range_end(r), dev->nid, ret);
		else
			pr_info("%s: %s [mem %#llx-%#llx] node %d\n", dev->path,
				ret ? "took over" : "added", r->start,
				range_end(r), dev->nid);
		r->added = ret >= 0;
		if (ret < 0 && !first_err)
			first_err = ret;
	}
	return first_err;
}

/*
 * acpi_memory_lock held. Offlines and removes every range the device
 * owns, all at once: offline_and_remove_memory_ranges() checks everything
 * first and either removes all of them or leaves every block as it was.
 * Return: 0 or its errno.
 */
static int acpi_memory_remove(struct acpi_memory_device *dev)
{
	struct range r[ACPI_MEMORY_MAX_RANGES];
	int i, n = 0, ret;

	for (i = 0; i < dev->ranges.nr; i++) {
		struct acpi_memory_range *m = &dev->ranges.range[i];

		if (!m->added)
			continue;
		r[n].start = m->start;
		r[n++].end = range_end(m);
	}
	if (!n)
		return 0;
	ret = offline_and_remove_memory_ranges(r, n);
	if (ret) {
		pr_warn("%s: memory stays: %d\n", dev->path, ret);
		return ret;
	}
	for (i = 0; i < dev->ranges.nr; i++) {
		struct acpi_memory_range *m = &dev->ranges.range[i];

		if (m->added)
			pr_info("%s: removed [mem %#llx-%#llx] node %d\n",
				dev->path, m->start, range_end(m), dev->nid);
		m->added = false;
	}
	return 0;
}

/*
 * _EJ0 takes the memory away for good: refused (and reported) while any
 * block of the device's ranges is still memory.
 */
static bool acpi_memory_ejectable(struct acpi_memory_device *dev)
{
	int i;

	for (i = 0; i < dev->ranges.nr; i++) {
		struct acpi_memory_range *r = &dev->ranges.range[i];

		if (mhp_range_has_memory(ALIGN_DOWN(r->start, memory_block_size_bytes()),
					 ALIGN(r->start + r->size, memory_block_size_bytes()) -
					 ALIGN_DOWN(r->start, memory_block_size_bytes()))) {
			pr_err("%s: [mem %#llx-%#llx] is still memory, no _EJ0\n",
			       dev->path, r->start, range_end(r));
			return false;
		}
	}
	return true;
}

/* ---- events ---- */

/* acpi_memory_lock held. Bus or device check. */
static int acpi_memory_check(struct acpi_memory_device *dev)
{
	bool present = acpi_memory_present(dev);
	int ret;

	if (present && !acpi_memory_has_memory(dev)) {
		ret = acpi_memory_add(dev);
		/* As Linux's rescan of the container the device sits in. */
		if (!ret)
			acpi_container_online(dev->handle);
		return ret;
	}
	if (!present && acpi_memory_has_memory(dev)) {
		pr_warn("%s: gone without an eject request\n", dev->path);
		return acpi_memory_remove(dev);
	}
	return 0;
}

/* acpi_memory_lock held. An eject request; returns what _OST reports. */
static int acpi_memory_eject(struct acpi_memory_device *dev)
{
	int ret;

	acpi_memory_ost(dev, ACPI_MEMORY_EJECT_REQUEST,
			ACPI_MEMORY_OST_EJECT_IN_PROGRESS);
	ret = acpi_memory_remove(dev);
	if (ret) {
		pr_warn("%s: eject refused, memory stays as it was: %d\n",
			dev->path, ret);
		return ret;
	}
	if (!acpi_memory_ejectable(dev))
		return -EBUSY;
	return acpi_memory_ej0(dev);
}

static void acpi_memory_event_work(struct work_struct *work)
{
	struct acpi_memory_event *ev =
		container_of(work, struct acpi_memory_event, work);
	struct acpi_memory_device *dev = ev->dev;
	int ret;

	mutex_lock(&acpi_memory_lock);
	if (ev->type == ACPI_MEMORY_EJECT_REQUEST)
		ret = acpi_memory_eject(dev);
	else
		ret = acpi_memory_check(dev);
	acpi_memory_ost(dev, ev->type, acpi_memory_ost_code(ev->type, ret));
	mutex_unlock(&acpi_memory_lock);
	kfree(ev);
}

/* Queue @type for @dev. Return: 0, -EINVAL for a value not acted on, -ENOMEM. */
static int acpi_memory_queue(struct acpi_memory_device *dev, u32 type)
{
	struct acpi_memory_event *ev;

	if (type != ACPI_MEMORY_BUS_CHECK && type != ACPI_MEMORY_DEVICE_CHECK &&
	    type != ACPI_MEMORY_EJECT_REQUEST)
		return -EINVAL;
	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return -ENOMEM;
	INIT_WORK(&ev->work, acpi_memory_event_work);
	ev->dev = dev;
	ev->type = type;
	queue_work(acpi_memory_wq, &ev->work);
	return 0;
}

/*
 * Runs on ACPICA's notify workqueue: may sleep, but must not take long.
 * @context is the device, installed with the handler.
 */
static void acpi_memory_notify(acpi_handle handle, u32 type, void *context)
{
	struct acpi_memory_device *dev = context;

	if (acpi_memory_queue(dev, type) == -ENOMEM)
		acpi_memory_ost(dev, type, ACPI_MEMORY_OST_FAILURE);
}

/* ---- debugfs: /sys/kernel/debug/acpi_memhotplug/ ---- */

/* "devices": one line per device, its path, node and ranges. */
static ssize_t acpi_memory_devices_show(void *data, char *buf)
{
	struct acpi_memory_device *dev;
	size_t len = 0;
	int i;

	mutex_lock(&acpi_memory_lock);
	list_for_each_entry(dev, &acpi_memory_devices, list) {
		len += scnprintf(buf + len, PAGE_SIZE - len, "%s", dev->path);
		for (i = 0; i < dev->ranges.nr; i++) {
			struct acpi_memory_range *r = &dev->ranges.range[i];

			if (r->added)
				len += scnprintf(buf + len, PAGE_SIZE - len,
						 " [mem %#llx-%#llx] node %d",
						 r->start, range_end(r),
						 dev->nid);
		}
		len += scnprintf(buf + len, PAGE_SIZE - len, "\n");
	}
	mutex_unlock(&acpi_memory_lock);
	return len;
}

/*
 * "notify": writing "MP00 1" (the last path segment or the full path,
 * then a notify value) queues that event for the device exactly as its
 * Notify handler would, so tests can repeat a device check the platform
 * sent once.
 */
static ssize_t acpi_memory_notify_store(void *data, const char *buf,
					size_t len)
{
	char name[ACPI_MEMORY_PATH_LEN];
	struct acpi_memory_device *dev, *found = NULL;
	const char *sp = strchr(buf, ' ');
	unsigned long type;
	size_t n;
	int ret;

	if (!sp || sp == buf || sp - buf >= sizeof(name))
		return -EINVAL;
	n = sp - buf;
	memcpy(name, buf, n);
	name[n] = 0;
	ret = kstrtoul(sp + 1, 0, &type);
	if (ret)
		return ret;
	list_for_each_entry(dev, &acpi_memory_devices, list) {
		size_t plen = strlen(dev->path);

		if (!strcmp(dev->path, name) ||
		    (plen > n && dev->path[plen - n - 1] == '.' &&
		     !strcmp(dev->path + plen - n, name)))
			found = dev;
	}
	if (!found)
		return -ENODEV;
	ret = acpi_memory_queue(found, type);
	return ret ? ret : len;
}

static const struct debugfs_file_ops acpi_memory_devices_ops = {
	.show = acpi_memory_devices_show,
};

static const struct debugfs_file_ops acpi_memory_notify_ops = {
	.store = acpi_memory_notify_store,
};

static void __init acpi_memory_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("acpi_memhotplug", NULL);

	if (IS_ERR_OR_NULL(dir))
		return;
	debugfs_create_file("devices", 0444, dir, NULL,
			    &acpi_memory_devices_ops);
	debugfs_create_file("notify", 0200, dir, NULL, &acpi_memory_notify_ops);
}

/* ---- boot ---- */

/* _HID or one of the _CIDs of @handle is PNP0C80. */
static bool acpi_memory_is_device(acpi_handle handle)
{
	struct acpi_device_info *info;
	bool match = false;
	u32 i;

	if (ACPI_FAILURE(acpi_get_object_info(handle, &info)))
		return false;
	if (info->valid & ACPI_VALID_HID)
		match = !strcmp(info->hardware_id.string, ACPI_MEMORY_DEVICE_HID);
	if (!match && (info->valid & ACPI_VALID_CID))
		for (i = 0; i < info->compatible_id_list.count; i++)
			if (!strcmp(info->compatible_id_list.ids[i].string,
				    ACPI_MEMORY_DEVICE_HID))
				match = true;
	ACPI_FREE(info);
	return match;
}

/*
 * A namespace walk, not acpi_get_devices(): that one skips devices whose
 * _STA says absent, and an empty slot is exactly what is hot-plugged.
 */
static acpi_status acpi_memory_new_device(acpi_handle handle, u32 level,
					  void *data, void **ret)
{
	struct acpi_buffer name;
	struct acpi_memory_device *dev;
	acpi_status status;

	if (!acpi_memory_is_device(handle))
		return AE_OK;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return AE_NO_MEMORY;
	dev->handle = handle;
	name.length = sizeof(dev->path);
	name.pointer = dev->path;
	if (ACPI_FAILURE(acpi_get_name(handle, ACPI_FULL_PATHNAME, &name)))
		strscpy(dev->path, "?", sizeof(dev->path));
	status = acpi_install_notify_handler(handle, ACPI_SYSTEM_NOTIFY,
					     acpi_memory_notify, dev);
	if (ACPI_FAILURE(status))
		pr_err("%s: no notify handler (%s): no hotplug in this slot\n",
		       dev->path, acpi_format_exception(status));
	list_add_tail(&dev->list, &acpi_memory_devices);
	return AE_OK;
}

/*
 * device_initcall: after the namespace (subsys), memory blocks (subsys)
 * and debugfs. Finds the devices, hooks their notifications, then adds
 * the memory of those present (QEMU's cold-plugged DIMMs).
 */
static int __init acpi_memory_init(void)
{
	struct acpi_memory_device *dev;
	int nr = 0, added = 0;

	if (acpi_disabled || !acpi_namespace_loaded)
		return 0;
	acpi_memory_wq = alloc_workqueue("acpi_memhp", 0, 1);
	if (!acpi_memory_wq)
		return -ENOMEM;
	if (ACPI_FAILURE(acpi_walk_namespace(ACPI_TYPE_DEVICE, ACPI_ROOT_OBJECT,
					     ACPI_UINT32_MAX,
					     acpi_memory_new_device, NULL,
					     NULL, NULL)))
		pr_warn("out of memory listing the memory devices\n");
	if (list_empty(&acpi_memory_devices))
		return 0;

	mutex_lock(&acpi_memory_lock);
	list_for_each_entry(dev, &acpi_memory_devices, list) {
		nr++;
		if (!acpi_memory_present(dev))
			continue;
		acpi_memory_add(dev);
		added += acpi_memory_has_memory(dev);
	}
	mutex_unlock(&acpi_memory_lock);
	acpi_memory_debugfs_init();
	pr_info("%d memory devices, %d with memory at boot\n", nr, added);
	return 0;
}
device_initcall(acpi_memory_init);
