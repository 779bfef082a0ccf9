// SPDX-License-Identifier: GPL-2.0
/*
 * The power/ directory of every device. Tide has no runtime power
 * management: no device is ever suspended, so each file reports what
 * Linux reports for a device whose runtime PM was never enabled. Two
 * settings are kept per device because user space may write them:
 * control ("auto", or "on", which forbids runtime suspend and holds a
 * usage reference, as on Linux) and async ("enabled"/"disabled").
 * Both live in struct device and change under pm_sysfs_lock.
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/sysfs.h>

/* Serialises writers of device->pm_forbid and pm_async; readers are unlocked. */
static DEFINE_MUTEX(pm_sysfs_lock);

static ssize_t pm_control_read(struct device *dev,
			       struct device_attribute *file, char *out)
{
	return sysfs_emit(out, "%s\n", READ_ONCE(dev->pm_forbid) ? "on" : "auto");
}

static ssize_t pm_control_write(struct device *dev,
				struct device_attribute *file,
				const char *in, size_t len)
{
	bool forbid;

	if (sysfs_streq(in, "on"))
		forbid = true;
	else if (sysfs_streq(in, "auto"))
		forbid = false;
	else
		return -EINVAL;
	mutex_lock(&pm_sysfs_lock);
	WRITE_ONCE(dev->pm_forbid, forbid);
	mutex_unlock(&pm_sysfs_lock);
	return len;
}

static ssize_t pm_async_read(struct device *dev,
			     struct device_attribute *file, char *out)
{
	return sysfs_emit(out, "%s\n",
			  READ_ONCE(dev->pm_async) ? "enabled" : "disabled");
}

static ssize_t pm_async_write(struct device *dev,
			      struct device_attribute *file,
			      const char *in, size_t len)
{
	bool on;

	if (sysfs_streq(in, "enabled"))
		on = true;
	else if (sysfs_streq(in, "disabled"))
		on = false;
	else
		return -EINVAL;
	mutex_lock(&pm_sysfs_lock);
	WRITE_ONCE(dev->pm_async, on);
	mutex_unlock(&pm_sysfs_lock);
	return len;
}

/* No device uses autosuspend: reading or setting its delay is EIO. */
static ssize_t pm_delay_read(struct device *dev,
			     struct device_attribute *file, char *out)
{
	return -EIO;
}

static ssize_t pm_delay_write(struct device *dev,
			      struct device_attribute *file,
			      const char *in, size_t len)
{
	return -EIO;
}

static ssize_t pm_status_read(struct device *dev,
			      struct device_attribute *file, char *out)
{
	return sysfs_emit(out, "unsupported\n");
}

/* Runtime PM is disabled on every device, and forbidden after "on". */
static ssize_t pm_enabled_read(struct device *dev,
			       struct device_attribute *file, char *out)
{
	return sysfs_emit(out, "%s\n", READ_ONCE(dev->pm_forbid) ?
			  "disabled & forbidden" : "disabled");
}

/* "on" holds the one usage reference there can be. */
static ssize_t pm_usage_read(struct device *dev,
			     struct device_attribute *file, char *out)
{
	return sysfs_emit(out, "%d\n", READ_ONCE(dev->pm_forbid) ? 1 : 0);
}

/* Counters that stay 0 when nothing is ever suspended or resumed. */
static ssize_t pm_zero_read(struct device *dev,
			    struct device_attribute *file, char *out)
{
	return sysfs_emit(out, "%d\n", 0);
}

static struct device_attribute pm_files[] = {
	__ATTR(async, 0644, pm_async_read, pm_async_write),
	__ATTR(autosuspend_delay_ms, 0644, pm_delay_read, pm_delay_write),
	__ATTR(control, 0644, pm_control_read, pm_control_write),
	__ATTR(runtime_active_kids, 0444, pm_zero_read, NULL),
	__ATTR(runtime_active_time, 0444, pm_zero_read, NULL),
	__ATTR(runtime_enabled, 0444, pm_enabled_read, NULL),
	__ATTR(runtime_status, 0444, pm_status_read, NULL),
	__ATTR(runtime_suspended_time, 0444, pm_zero_read, NULL),
	__ATTR(runtime_usage, 0444, pm_usage_read, NULL),
};

static struct attribute *pm_file_list[] = {
	&pm_files[0].attr, &pm_files[1].attr, &pm_files[2].attr,
	&pm_files[3].attr, &pm_files[4].attr, &pm_files[5].attr,
	&pm_files[6].attr, &pm_files[7].attr, &pm_files[8].attr,
	NULL,
};

static const struct attribute_group pm_dir = {
	.name = "power",
	.attrs = pm_file_list,
};

/**
 * device_power_dir_add - give @dev its power/ directory
 * @dev: a device being added, already in sysfs
 *
 * Return: 0, or the error of creating the directory and its files.
 */
int device_power_dir_add(struct device *dev)
{
	BUILD_BUG_ON(ARRAY_SIZE(pm_file_list) != ARRAY_SIZE(pm_files) + 1);
	return sysfs_create_group(&dev->kobj, &pm_dir);
}

/**
 * device_power_dir_remove - take @dev's power/ directory away
 * @dev: a device being deleted
 */
void device_power_dir_remove(struct device *dev)
{
	sysfs_remove_group(&dev->kobj, &pm_dir);
}
