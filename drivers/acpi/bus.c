// SPDX-License-Identifier: GPL-2.0
/*
 * The ACPI namespace: ACPICA loads the DSDT and SSDTs, enables ACPI mode
 * and runs _INI methods; acpi.debug=1 then lists every device with its
 * _HID, _UID and _STA.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <linux/time.h>
#include "internal.h"

bool acpi_namespace_loaded;
/* _STA of @handle; 0xf (present, enabled, shown, working) without one. */
static u64 acpi_device_sta(acpi_handle handle)
{
	union acpi_object obj;
	struct acpi_buffer buf = { sizeof(obj), &obj };

	if (ACPI_FAILURE(acpi_evaluate_object_typed(handle, "_STA", NULL, &buf,
						    ACPI_TYPE_INTEGER)))
		return ACPI_STA_DEVICE_PRESENT | ACPI_STA_DEVICE_FUNCTIONING |
		       ACPI_STA_DEVICE_ENABLED | ACPI_STA_DEVICE_UI;
	return obj.integer.value;
}

static acpi_status acpi_list_device(acpi_handle handle, u32 level,
				    void *context, void **ret)
{
	char path[128];
	struct acpi_buffer name = { sizeof(path), path };
	struct acpi_device_info *info;
	unsigned int *count = context;

	(*count)++;
	if (ACPI_FAILURE(acpi_get_object_info(handle, &info)))
		return AE_OK;
	/* Memory devices are always listed: they are what Tide is about. */
	if ((acpi_debug || ((info->valid & ACPI_VALID_HID) &&
			    !strcmp(info->hardware_id.string, "PNP0C80"))) &&
	    ACPI_SUCCESS(acpi_get_name(handle, ACPI_FULL_PATHNAME, &name)))
		pr_info("ACPI: device %-24s _HID %-9s _UID %-4s _STA %#llx\n", path,
			info->valid & ACPI_VALID_HID ? info->hardware_id.string : "-",
			info->valid & ACPI_VALID_UID ? info->unique_id.string : "-",
			acpi_device_sta(handle));
	ACPI_FREE(info);
	return AE_OK;
}

/* acpi.debug=1: every Notify() the namespace sends, e.g. from a GPE. */
static void acpi_debug_notify(acpi_handle handle, u32 event, void *context)
{
	char path[128];
	struct acpi_buffer name = { sizeof(path), path };

	if (ACPI_FAILURE(acpi_get_name(handle, ACPI_FULL_PATHNAME, &name)))
		strscpy(path, "?", sizeof(path));
	pr_info("ACPI: Notify(%s, %#x)\n", path, event);
}

static void acpi_power_button_work(void *context)
{
	pr_notice("ACPI: power button pressed, powering off\n");
	machine_power_off();
}

/* Runs from the SCI: the work is deferred to a thread. */
static u32 acpi_power_button_event(void *context)
{
	acpi_os_execute(OSL_NOTIFY_HANDLER, acpi_power_button_work, NULL);
	return ACPI_INTERRUPT_HANDLED;
}

/**
 * acpi_bus_init - load the namespace and bring ACPI up
 *
 * A subsys_initcall: the heap exists, interrupts are not yet delivered
 * (the SCI handler is recorded by the OS services layer, see osl.c).
 *
 * Return: 0, also without ACPI; -ENODEV if ACPICA failed (ACPI stays in
 * the boot-table-only state and power off uses the FADT directly).
 */
static int __init acpi_bus_init(void)
{
	unsigned int devices = 0;
	acpi_status status;
	const u32 full_init = ACPI_FULL_INITIALIZATION;
	const char *step;
	u64 t0;

	if (acpi_disabled || !acpi_early_table_count())
		return 0;
	t0 = ktime_get_ns();
	step = "subsystem init";
	status = acpi_initialize_subsystem();
	if (ACPI_FAILURE(status))
		goto fail;
	step = "table init";
	status = acpi_initialize_tables(NULL, 16, TRUE);
	if (ACPI_FAILURE(status))
		goto fail;
	step = "table load";
	status = acpi_load_tables();
	if (ACPI_FAILURE(status))
		goto fail;
	step = "enable";
	status = acpi_enable_subsystem(full_init);
	if (ACPI_FAILURE(status))
		goto fail;
	step = "object init";
	status = acpi_initialize_objects(full_init);
	if (ACPI_FAILURE(status))
		goto fail;
	acpi_namespace_loaded = true;
	if (acpi_os_initialize_queues())
		pr_warn("ACPI: no worker threads, deferred work runs inline\n");
	if (ACPI_FAILURE(acpi_install_fixed_event_handler(ACPI_EVENT_POWER_BUTTON,
							  acpi_power_button_event,
							  NULL)))
		pr_warn("ACPI: no power button event\n");
	if (ACPI_FAILURE(acpi_get_sleep_type_data(ACPI_STATE_S5, &acpi_fadt.s5_typa,
						  &acpi_fadt.s5_typb)))
		pr_warn("ACPI: no \\_S5, power off uses SLP_TYP 0\n");

	if (acpi_debug)
		acpi_install_notify_handler(ACPI_ROOT_OBJECT,
					    ACPI_SYSTEM_NOTIFY,
					    acpi_debug_notify, NULL);
	/* Enable every GPE that has a _Lxx/_Exx method. */
	acpi_update_all_gpes();
	acpi_walk_namespace(ACPI_TYPE_DEVICE, ACPI_ROOT_OBJECT, ACPI_UINT32_MAX,
			    acpi_list_device, NULL, &devices, NULL);
	pr_info("ACPI: namespace loaded in %llu us, %u devices, S5 SLP_TYP %u/%u\n",
		(ktime_get_ns() - t0) / 1000, devices, acpi_fadt.s5_typa,
		acpi_fadt.s5_typb);
	return 0;

fail:
	pr_err("ACPI: %s failed: %s; namespace not available\n", step,
	       acpi_format_exception(status));
	return -ENODEV;
}
subsys_initcall(acpi_bus_init);
