/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the driver core (drivers/base) call in each other.
 */
#ifndef _DRIVERS_BASE_BASE_H
#define _DRIVERS_BASE_BASE_H

struct device;

int bus_attach_device(struct device *device);
void bus_detach_device(struct device *device);

/* power/sysfs.c: the power/ directory every device has. */
int device_power_dir_add(struct device *dev);
void device_power_dir_remove(struct device *dev);

#endif /* _DRIVERS_BASE_BASE_H */
