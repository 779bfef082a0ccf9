/* SPDX-License-Identifier: GPL-2.0 */
/* Memory protection bits, with the values of Linux's mmap() ABI. */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

/* mlockall() flags and mlock2()'s flag, Linux's values. */
#define MCL_CURRENT	1
#define MCL_FUTURE	2
#define MCL_ONFAULT	4
#define MLOCK_ONFAULT	0x01

#endif /* _LINUX_MMAN_H */
