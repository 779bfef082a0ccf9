/* SPDX-License-Identifier: GPL-2.0 */
/* Limits user space knows by the same names and values as on Linux. */
#ifndef _LINUX_LIMITS_H
#define _LINUX_LIMITS_H

#define PATH_MAX	4096	/* bytes in a path, the terminating NUL included */

#endif /* _LINUX_LIMITS_H */
