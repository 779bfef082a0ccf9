/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of NUMA nodes. MAX_NUMNODES is small (CONFIG_NODES_SHIFT), so a
 * set is one word; the helpers keep callers from knowing that.
 */
#ifndef _LINUX_NODEMASK_H
#define _LINUX_NODEMASK_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/mmzone.h>

#if MAX_NUMNODES > BITS_PER_LONG
#error "nodemask_t holds at most BITS_PER_LONG nodes"
#endif

/* Node n is in the set when bit n of @bits is set. */
typedef struct {
	unsigned long bits;
} nodemask_t;

/* The bits that name real node ids. */
#define NODEMASK_VALID	(MAX_NUMNODES == BITS_PER_LONG ? ~0UL : \
			 (1UL << MAX_NUMNODES) - 1)

static inline void nodes_clear(nodemask_t *m)
{
	m->bits = 0;
}

static inline void node_set(int nid, nodemask_t *m)
{
	m->bits |= 1UL << nid;
}

static inline bool node_isset(int nid, const nodemask_t *m)
{
	return nid >= 0 && nid < MAX_NUMNODES && (m->bits & (1UL << nid));
}

static inline bool nodes_empty(const nodemask_t *m)
{
	return !m->bits;
}

static inline bool nodes_equal(const nodemask_t *a, const nodemask_t *b)
{
	return a->bits == b->bits;
}

/* Set bits of @w (no popcnt instruction is assumed, nor libgcc). */
static inline unsigned int node_bits_weight(unsigned long w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)
		n++;
	return n;
}

static inline unsigned int nodes_weight(const nodemask_t *m)
{
	return node_bits_weight(m->bits);
}

/* The lowest node in @m at or above @nid, or MAX_NUMNODES. */
static inline int next_node_from(int nid, const nodemask_t *m)
{
	unsigned long rest;

	if (nid >= MAX_NUMNODES)
		return MAX_NUMNODES;
	rest = m->bits >> nid;
	return rest ? nid + __builtin_ctzl(rest) : MAX_NUMNODES;
}

static inline int first_node(const nodemask_t *m)
{
	return next_node_from(0, m);
}

/* The node after @nid in @m, wrapping around; MAX_NUMNODES if @m is empty. */
static inline int next_node_wrap(int nid, const nodemask_t *m)
{
	int next = next_node_from(nid + 1, m);

	return next < MAX_NUMNODES ? next : first_node(m);
}

/* The @n-th node of @m counting from 0, or MAX_NUMNODES. */
static inline int nth_node(unsigned int n, const nodemask_t *m)
{
	int nid;

	for (nid = first_node(m); nid < MAX_NUMNODES;
	     nid = next_node_from(nid + 1, m))
		if (!n--)
			return nid;
	return MAX_NUMNODES;
}

/* Where @nid stands among the nodes of @m (0 for the first), or -1. */
static inline int node_index(int nid, const nodemask_t *m)
{
	if (!node_isset(nid, m))
		return -1;
	return node_bits_weight(m->bits & ((1UL << nid) - 1));
}

#define for_each_node_mask(nid, m)					\
	for ((nid) = first_node(m); (nid) < MAX_NUMNODES;		\
	     (nid) = next_node_from((nid) + 1, (m)))

/* Node states, as Linux's N_* sets: computed from the zones each time. */
enum node_states {
	N_POSSIBLE,		/* a pg_data_t exists */
	N_ONLINE,		/* has memory or CPUs (before a device) */
	N_NORMAL_MEMORY,	/* has present pages in a kernel zone */
	N_MEMORY,		/* has present pages in any zone */
	N_CPU,			/* has a present CPU */
	NR_NODE_STATES
};

bool node_state(int nid, enum node_states state);
void node_states_mask(enum node_states state, nodemask_t *m);

#endif /* _LINUX_NODEMASK_H */
