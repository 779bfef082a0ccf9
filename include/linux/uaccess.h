/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Access to user memory from the kernel. Every call checks that the user
 * range lies in the user half (access_ok()) and survives a fault on it:
 * the calls return what Linux's do, never oops on a bad user pointer.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <asm/uaccess.h>

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);

#endif /* _LINUX_UACCESS_H */
