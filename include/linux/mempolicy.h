/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NUMA memory policy: which nodes the user pages of a task, or of one of
 * its VMAs, come from. The modes and flags are Linux's user ABI values.
 */
#ifndef _LINUX_MEMPOLICY_H
#define _LINUX_MEMPOLICY_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/nodemask.h>

struct page;
struct task_struct;
struct vm_area_struct;

/* Modes, the low bits of set_mempolicy()'s and mbind()'s mode. */
enum {
	MPOL_DEFAULT,
	MPOL_PREFERRED,
	MPOL_BIND,
	MPOL_INTERLEAVE,
	MPOL_LOCAL,
	MPOL_PREFERRED_MANY,
	MPOL_WEIGHTED_INTERLEAVE,
	MPOL_MAX,
};

/* Mode flags, or'ed into the mode. */
#define MPOL_F_STATIC_NODES	0x8000
#define MPOL_F_RELATIVE_NODES	0x4000
#define MPOL_F_NUMA_BALANCING	0x2000
#define MPOL_MODE_FLAGS		(MPOL_F_STATIC_NODES | \
				 MPOL_F_RELATIVE_NODES | \
				 MPOL_F_NUMA_BALANCING)

/* get_mempolicy() flags. */
#define MPOL_F_NODE		(1 << 0)
#define MPOL_F_ADDR		(1 << 1)
#define MPOL_F_MEMS_ALLOWED	(1 << 2)

/* mbind() and move_pages() flags. */
#define MPOL_MF_STRICT		(1 << 0)
#define MPOL_MF_MOVE		(1 << 1)
#define MPOL_MF_MOVE_ALL	(1 << 2)
#define MPOL_MF_LAZY		(1 << 3)	/* refused, as by Linux */
#define MPOL_MF_VALID		(MPOL_MF_STRICT | MPOL_MF_MOVE | \
				 MPOL_MF_MOVE_ALL)

/**
 * struct mempolicy - a policy, shared by reference
 * @refcnt: references; the last mpol_put() frees it
 * @mode: MPOL_PREFERRED .. MPOL_WEIGHTED_INTERLEAVE (MPOL_DEFAULT is
 *	the absence of a policy: a NULL pointer)
 * @flags: the MPOL_MODE_FLAGS it was made with
 * @nodes: the nodes it allocates from (for MPOL_PREFERRED one node; for
 *	MPOL_LOCAL none), already cut down to nodes with memory
 * @user_nodes: the mask as the caller gave it, what get_mempolicy()
 *	returns for a policy made with MPOL_F_STATIC_NODES or
 *	MPOL_F_RELATIVE_NODES
 *
 * A policy never changes once made; a new policy replaces it. Who reads
 * which pointer under what is written at task_struct::mempolicy and
 * vm_area_struct::vm_policy.
 */
struct mempolicy {
	atomic_t refcnt;
	unsigned short mode;
	unsigned short flags;
	nodemask_t nodes;
	nodemask_t user_nodes;
};

static inline struct mempolicy *mpol_get(struct mempolicy *pol)
{
	if (pol)
		atomic_inc(&pol->refcnt);
	return pol;
}

void mpol_put(struct mempolicy *pol);
struct mempolicy *mpol_create(int mode, unsigned short flags,
			      const nodemask_t *nodes,
			      const nodemask_t *allowed);
bool mpol_equal(const struct mempolicy *a, const struct mempolicy *b);
int mpol_pick_node(const struct mempolicy *pol, int local,
		   unsigned long ilx, unsigned int *il_next);

int mpol_fork(struct task_struct *child, struct task_struct *parent);
void mpol_exit(struct task_struct *p);
struct page *alloc_user_page(struct vm_area_struct *vma, unsigned long addr,
			     gfp_t gfp);

#endif /* _LINUX_MEMPOLICY_H */
