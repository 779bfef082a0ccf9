/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tsh, the console shell (kernel/tsh.c): started by start_kernel() once
 * Tide is ready, until a user space exists.
 */
#ifndef _LINUX_TSH_H
#define _LINUX_TSH_H

#ifdef CONFIG_TIDE_SHELL
int tsh_start(void);
#else /* !CONFIG_TIDE_SHELL */
static inline int tsh_start(void)
{
	return 0;
}
#endif /* CONFIG_TIDE_SHELL */

#endif /* _LINUX_TSH_H */
