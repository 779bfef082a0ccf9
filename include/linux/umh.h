/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Running a user program from the kernel (kernel/umh.c): the uevent
 * helper is the one user.
 */
#ifndef _LINUX_UMH_H
#define _LINUX_UMH_H

/* How long call_usermodehelper() waits; Linux's values. */
#define UMH_NO_WAIT	0	/* not at all */
#define UMH_WAIT_EXEC	1	/* until the program is loaded */
#define UMH_WAIT_PROC	2	/* until it exits: not supported by Tide */

int call_usermodehelper(const char *path, char **argv, char **envp,
			int wait);

#endif /* _LINUX_UMH_H */
