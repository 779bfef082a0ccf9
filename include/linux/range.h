/* SPDX-License-Identifier: GPL-2.0 */
/* A range of physical addresses, both ends included (as in Linux). */
#ifndef _LINUX_RANGE_H
#define _LINUX_RANGE_H

#include <linux/types.h>

struct range {
	u64 start;
	u64 end;	/* last byte */
};

static inline u64 range_len(const struct range *r)
{
	return r->end - r->start + 1;
}

#endif /* _LINUX_RANGE_H */
