/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parameters of built-in "modules" shown in /sys/module/MOD/parameters/
 * (kernel/params.c), with the value formats and errnos of Linux 6.12's.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/types.h>

struct kparam;

/**
 * struct kparam_ops - how a parameter's value is parsed and printed
 * @set: parses @val (a sysfs write, a trailing newline allowed, or a boot
 *       option's value, NULL for a bare option) into @p->arg; returns 0
 *       or a -errno, leaving the value as it was on failure
 * @get: prints the value and a newline into @buf (KPARAM_BUF_SIZE
 *       bytes); returns the length
 */
struct kparam_ops {
	int (*set)(const char *val, const struct kparam *p);
	int (*get)(char *buf, const struct kparam *p);
};

/**
 * struct kparam - one parameter of a built-in module
 * @name: its file name in /sys/module/MOD/parameters/
 * @ops: its parser and printer
 * @arg: the variable @ops work on
 * @mode: the file's permission bits: 0444 read-only, 0644 writable by
 *        root; 0 registers it for boot options only
 */
struct kparam {
	const char *name;
	const struct kparam_ops *ops;
	void *arg;
	umode_t mode;
};

/* The size of the buffer kparam_ops.get() prints into. */
#define KPARAM_BUF_SIZE		4096

/* An unsigned int, parsed as kstrtoull() with base 0; -ERANGE above UINT_MAX. */
extern const struct kparam_ops kparam_uint_ops;
/* A bool, parsed as kstrtobool() (a bare boot option is "Y"), shown Y/N. */
extern const struct kparam_ops kparam_bool_ops;

int kparam_set_uint(const char *val, const struct kparam *p);
int kparam_get_uint(char *buf, const struct kparam *p);
int kparam_set_bool(const char *val, const struct kparam *p);
int kparam_get_bool(char *buf, const struct kparam *p);

int kparam_register(const char *module, const struct kparam *params,
		    unsigned int n);
int kparam_unregister(const char *module);
int kparam_set_locked(const struct kparam *p, const char *val);

#endif /* _LINUX_MODULEPARAM_H */
