/* SPDX-License-Identifier: GPL-2.0 */
/* Consoles: where printk's text goes once it is in the log buffer. */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, size_t n);
	/* Returns a received character, or -1 if none is waiting. */
	int (*read)(struct console *con);
	void *data;
	struct console *next;
};

/* Starts sending printk output to @con, replaying the log first if asked. */
void register_console(struct console *con, bool replay);
void unregister_console(struct console *con);
/* Writes to @con under printk's lock: never in the middle of a line. */
void console_write(struct console *con, const char *s, size_t n);
/* The first registered console that can read input, or NULL. */
struct console *console_find_input(void);

#endif /* _LINUX_CONSOLE_H */
