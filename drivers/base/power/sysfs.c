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

/* Whether the user's @buf is @word, with or without one newline. */
static bool pm_word_is(const char *buf, size_t count, const char *word)
{
	size_t len = strlen(word);

	if (count && buf[count - 1] == '\n')
		count--;
	return count == len && !memcmp(buf, word, len);
}

static ssize_t control_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%s\n", READ_ONCE(dev->pm_forbid) ? "on" : "auto");
}

static ssize_t control_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	bool forbid;

	if (pm_word_is(buf, count, "on"))
		forbid = true;
	else if (pm_word_is(buf, count, "auto"))
		forbid = false;
	else
		return -EINVAL;
	mutex_lock(&pm_sysfs_lock);
	WRITE_ONCE(dev->pm_forbid, forbid);
	mutex_unlock(&pm_sysfs_lock);
	return count;
}
static DEVICE_ATTR_RW(control);

static ssize_t async_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%s\n",
			  READ_ONCE(dev->pm_async) ? "enabled" : "disabled");
}

static ssize_t async_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	bool on;

	if (pm_word_is(buf, count, "enabled"))
		on = true;
	else if (pm_word_is(buf, count, "disabled"))
		on = false;
	else
		return -EINVAL;
	mutex_lock(&pm_sysfs_lock);
	WRITE_ONCE(dev->pm_async, on);
	mutex_unlock(&pm_sysfs_lock);
	return count;
}
static DEVICE_ATTR_RW(async);

/* No device uses autosuspend: reading or setting its delay is EIO. */
static ssize_t autosuspend_delay_ms_show(struct device *dev,
					 struct device_attribute *attr,
					 char *buf)
{
	return -EIO;
}

static ssize_t autosuspend_delay_ms_store(struct device *dev,
					  struct device_attribute *attr,
					  const char *buf, size_t count)
{
	return -EIO;
}
static DEVICE_ATTR_RW(autosuspend_delay_ms);

static ssize_t runtime_status_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "unsupported\n");
}
static DEVICE_ATTR_RO(runtime_status);

/* Runtime PM is disabled on every device, and forbidden after "on". */
static ssize_t runtime_enabled_show(struct device *dev,
				    struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", READ_ONCE(dev->pm_forbid) ?
			  "disabled & forbidden" : "disabled");
}
static DEVICE_ATTR_RO(runtime_enabled);

static ssize_t runtime_usage_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(dev->pm_forbid) ? 1 : 0);
}
static DEVICE_ATTR_RO(runtime_usage);

/* Counters that stay 0 when nothing is ever suspended or resumed. */
static ssize_t pm_zero_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "0\n");
}
static DEVICE_ATTR(runtime_active_kids, 0444, pm_zero_show, NULL);
static DEVICE_ATTR(runtime_active_time, 0444, pm_zero_show, NULL);
static DEVICE_ATTR(runtime_suspended_time, 0444, pm_zero_show, NULL);

static struct attribute *pm_attrs[] = {
	&dev_attr_async.attr,
	&dev_attr_autosuspend_delay_ms.attr,
	&dev_attr_control.attr,
	&dev_attr_runtime_active_kids.attr,
	&dev_attr_runtime_active_time.attr,
	&dev_attr_runtime_enabled.attr,
	&dev_attr_runtime_status.attr,
	&dev_attr_runtime_suspended_time.attr,
	&dev_attr_runtime_usage.attr,
	NULL,
};

static const struct attribute_group pm_attr_group = {
	.name = "power",
	.attrs = pm_attrs,
};

/**
 * dpm_sysfs_add - give @dev its power/ directory
 * @dev: a device being added, already in sysfs
 *
 * Return: 0, or the error of creating the group.
 */
int dpm_sysfs_add(struct device *dev)
{
	return sysfs_create_group(&dev->kobj, &pm_attr_group);
}

/**
 * dpm_sysfs_remove - take @dev's power/ directory away
 * @dev: a device being deleted
 */
void dpm_sysfs_remove(struct device *dev)
{
	sysfs_remove_group(&dev->kobj, &pm_attr_group);
}
