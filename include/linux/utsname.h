/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system's names as uname(2) reports them (kernel/utsname.c). The
 * host and domain names change at run time (sethostname(2),
 * /proc/sys/kernel/hostname); read them with uts_get(), not in place.
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <linux/types.h>

#define __NEW_UTS_LEN	64

/* uname(2)'s struct utsname, Linux's layout: six 65-byte strings. */
struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

void uts_get(struct new_utsname *out);
int uts_set_hostname(const char *name, size_t len);
int uts_set_domainname(const char *name, size_t len);
/* "Linux version ..." as /proc/version shows it, without the newline. */
extern const char uts_proc_banner[];

#endif /* _LINUX_UTSNAME_H */
