// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI containers (_HID ACPI0004, PNP0A05, PNP0A06) as devices of the
 * "container" subsystem, /sys/devices/system/container/<HID>:<NN>, for
 * their uevents: QEMU puts its memory slots in one (MHPD), and Linux
 * tells user space that the container is "online" after each memory
 * device in it is checked and added.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/**
 * DOC: containers
 *
 * At boot a walk of the whole namespace, in ACPICA's order (the order
 * Linux creates its ACPI devices in), numbers the devices of each
 * container _HID from 0 as Linux names them ("PNP0A06:04" is the fifth
 * PNP0A06); each one _STA says present becomes a device on the
 * container bus, which sends "add" and then "online", as Linux's scan
 * does. acpi_container_online() sends "online" again for the container
 * of a memory device that was just added. Devices are never removed.
 * The list is written at boot only (device_initcall) and read after.
 */
static struct bus_type container_subsys = {
	.name = "container",
	.dev_name = "container",
};

struct acpi_container {
	struct device dev;
	acpi_handle handle;
	struct list_head list;
};

static LIST_HEAD(acpi_containers);	/* written at boot only */

static const char *const acpi_container_hids[] = {
	"ACPI0004", "PNP0A05", "PNP0A06",
};

/* How many devices of each container _HID the walk has seen. */
struct acpi_container_walk {
	unsigned int seen[ARRAY_SIZE(acpi_container_hids)];
};

static void acpi_container_release(struct device *gone)
{
	kfree(container_of(gone, struct acpi_container, dev));
}

static void acpi_container_add(acpi_handle handle, const char *hid,
			       unsigned int nr)
{
	struct acpi_container *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return;
	c->handle = handle;
	device_initialize(&c->dev);
	c->dev.bus = &container_subsys;
	c->dev.release = acpi_container_release;
	if (dev_set_name(&c->dev, "%s:%02x", hid, nr) ||
	    device_add(&c->dev)) {
		pr_warn("ACPI: no device for container %s:%02x\n", hid, nr);
		put_device(&c->dev);
		return;
	}
	list_add_tail(&c->list, &acpi_containers);
	kobject_uevent(&c->dev.kobj, KOBJ_ONLINE);
}

/* _STA says present; a device without _STA is. */
static bool acpi_container_present(acpi_handle handle)
{
	union acpi_object sta;
	struct acpi_buffer buf = { sizeof(sta), &sta };
	acpi_status status;

	status = acpi_evaluate_object_typed(handle, METHOD_NAME__STA, NULL,
					    &buf, ACPI_TYPE_INTEGER);
	if (status == AE_NOT_FOUND)
		return true;
	return ACPI_SUCCESS(status) &&
	       (sta.integer.value & ACPI_STA_DEVICE_PRESENT);
}

static acpi_status acpi_container_visit(acpi_handle handle, u32 level,
					void *data, void **ret)
{
	struct acpi_container_walk *walk = data;
	struct acpi_device_info *about;
	unsigned int i;

	if (ACPI_FAILURE(acpi_get_object_info(handle, &about)))
		return AE_OK;
	for (i = 0; i < ARRAY_SIZE(acpi_container_hids); i++) {
		if (!(about->valid & ACPI_VALID_HID) ||
		    strcmp(about->hardware_id.string, acpi_container_hids[i]))
			continue;
		if (acpi_container_present(handle))
			acpi_container_add(handle, acpi_container_hids[i],
					   walk->seen[i]);
		walk->seen[i]++;
	}
	ACPI_FREE(about);
	return AE_OK;
}

/**
 * acpi_container_online - send "online" for the container of a device
 * @child: an ACPI device just added (a memory device)
 *
 * Nothing happens if @child's parent is not a container. Process
 * context, any lock that kobject_uevent() may nest under.
 */
void acpi_container_online(acpi_handle child)
{
	struct acpi_container *c;
	acpi_handle parent;

	if (ACPI_FAILURE(acpi_get_parent(child, &parent)))
		return;
	list_for_each_entry(c, &acpi_containers, list)
		if (c->handle == parent)
			kobject_uevent(&c->dev.kobj, KOBJ_ONLINE);
}

/* device_initcall, before the memory devices (Makefile order). */
static int __init acpi_container_init(void)
{
	struct acpi_container_walk walk = { };
	int err;

	if (acpi_disabled || !acpi_namespace_loaded)
		return 0;
	err = subsys_system_register(&container_subsys, NULL);
	if (err)
		return err;
	acpi_walk_namespace(ACPI_TYPE_DEVICE, ACPI_ROOT_OBJECT, ACPI_UINT32_MAX,
			    acpi_container_visit, NULL, &walk, NULL);
	return 0;
}
device_initcall(acpi_container_init);
