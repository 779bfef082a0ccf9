/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory hotplug: boot options and policies (Linux 6.12's names, values
 * and defaults). The hot-add/remove and online/offline paths build on
 * these.
 */
#ifndef _LINUX_MEMORY_HOTPLUG_H
#define _LINUX_MEMORY_HOTPLUG_H

#include <linux/types.h>

/*
 * What a newly added memory block becomes (memhp_default_state=). The
 * order matches mmop_names[] in mm/memory_hotplug.c.
 */
enum mmop {
	MMOP_OFFLINE = 0,
	MMOP_ONLINE,		/* "online": zone chosen by the online policy */
	MMOP_ONLINE_KERNEL,	/* "online_kernel" */
	MMOP_ONLINE_MOVABLE,	/* "online_movable" */
};

/* memory_hotplug.online_policy= */
enum online_policy {
	ONLINE_POLICY_CONTIG_ZONES = 0,	/* "contig-zones", the default */
	ONLINE_POLICY_AUTO_MOVABLE,	/* "auto-movable" */
};

struct memhp_config {
	bool movable_node;		/* movable_node */
	enum mmop default_online_type;	/* memhp_default_state= */
	enum online_policy online_policy;
	unsigned int auto_movable_ratio;	/* percent, default 301 */
	bool auto_movable_numa_aware;		/* default true */
	bool memmap_on_memory;			/* default false */
};

extern struct memhp_config memhp;

static inline bool movable_node_is_enabled(void)
{
	return memhp.movable_node;
}

/* Linux's spelling of each value, for messages and (later) sysfs. */
const char *mmop_name(enum mmop type);
const char *online_policy_name(enum online_policy policy);
/* Parses a memhp_default_state= / sysfs value; -EINVAL if unknown. */
int mmop_parse(const char *s);

#endif /* _LINUX_MEMORY_HOTPLUG_H */
