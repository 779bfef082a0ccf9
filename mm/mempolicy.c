// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: NUMA memory policy
 *
 * A policy says from which nodes the anonymous pages of a task come. A
 * task has one (set_mempolicy()), each VMA may have one (mbind()); a VMA's
 * policy wins over the task's, and without either a page comes from the
 * node of the CPU that faults it in. Policies are made once and never
 * changed, shared by reference: fork gives the child a reference to its
 * parent's task policy and each copied VMA one to its VMA policy.
 *
 * The checks of the system calls, and their errno values, are the ones
 * Linux 6.12 applies, because libnuma and numactl probe for them. Node
 * masks from user space are Linux's: maxnode bits of which the last is
 * ignored, words of 64 bits; bits up to Linux's 1024 nodes are accepted
 * and, like Linux's nodes without memory, simply never used.
 *
 * Placement of the pages already there follows a policy only when asked
 * (mbind() with MPOL_MF_MOVE, migrate_pages(), move_pages()): those use
 * the user-page migration of mm/migrate.c, in chunks, without holding
 * mmap_lock while pages move.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/mempolicy.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/nodemask.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/syscalls.h>
#include <linux/topology.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>
#include "internal.h"

/* Linux's MAX_NUMNODES on x86-64 distributions: mask bits up to it are fine. */
#define MPOL_ABI_NODES		1024
/* Pages gathered under mmap_lock before they are moved without it. */
#define MPOL_MOVE_BATCH		256
#define BITS_PER_BYTE		8

/* ---- node states ---- */

static bool node_has_pages(int nid, bool kernel_zones_only)
{
	pg_data_t *node = NODE_DATA(nid);
	enum zone_type last = kernel_zones_only ? ZONE_NORMAL : ZONE_MOVABLE;
	enum zone_type zt;

	if (!node)
		return false;
	for (zt = 0; zt <= last; zt++)
		if (READ_ONCE(node->node_zones[zt].managed_pages))
			return true;
	return false;
}

static bool node_has_cpu(int nid)
{
	int cpu;

	for_each_present_cpu(cpu)
		if (cpu_to_node(cpu) == nid)
			return true;
	return false;
}

/**
 * node_state - whether node @nid is in the set @state
 * @nid: any int
 * @state: N_POSSIBLE .. N_CPU
 *
 * Computed from the zones' managed pages and the present CPUs at the
 * time of the call, without locks: a snapshot, as Linux's bits are.
 * N_ONLINE is N_MEMORY or N_CPU, the nodes Linux brings online.
 *
 * Return: true when it is.
 */
bool node_state(int nid, enum node_states state)
{
	if (nid < 0 || nid >= MAX_NUMNODES || !NODE_DATA(nid))
		return false;
	switch (state) {
	case N_POSSIBLE:
		return true;
	case N_ONLINE:
		return node_has_pages(nid, false) || node_has_cpu(nid);
	case N_NORMAL_MEMORY:
		return node_has_pages(nid, true);
	case N_MEMORY:
		return node_has_pages(nid, false);
	case N_CPU:
		return node_has_cpu(nid);
	default:
		return false;
	}
}

/**
 * node_states_mask - every node in the set @state
 * @state: N_POSSIBLE .. N_CPU
 * @m: out
 */
void node_states_mask(enum node_states state, nodemask_t *m)
{
	int nid;

	nodes_clear(m);
	for (nid = MAX_NUMNODES - 1; nid >= 0; nid--)
		if (node_state(nid, state))
			node_set(nid, m);
}

/* Whether move_pages() may send pages to @nid. */
static bool node_takes_pages(int nid)
{
	return node_state(nid, N_MEMORY);
}

static int local_node(void)
{
	int on_cpu = raw_smp_processor_id();

	return cpu_to_node(on_cpu);
}

/* ---- policies ---- */

/*
 * The nodes of @allowed that MPOL_F_RELATIVE_NODES mask @user names: its
 * bit n stands for the (n modulo the size of @allowed)-th node of it.
 */
static void relative_nodes(nodemask_t *out, const nodemask_t *user,
			   const nodemask_t *allowed)
{
	unsigned int w = nodes_weight(allowed);
	int n;

	nodes_clear(out);
	if (!w)
		return;
	for_each_node_mask(n, user)
		node_set(nth_node(n % w, allowed), out);
}

/**
 * mpol_create - check a mode, its flags and nodes, and make the policy
 * @mode: MPOL_DEFAULT .. MPOL_WEIGHTED_INTERLEAVE, flags already taken off
 * @flags: MPOL_MODE_FLAGS bits
 * @nodes: the mask from user space (only nodes below MAX_NUMNODES)
 * @allowed: the nodes the task may use: those with memory
 *
 * MPOL_PREFERRED with no node is MPOL_LOCAL. Sleeps (allocates).
 *
 * Return: NULL for MPOL_DEFAULT; the new policy with one reference;
 * ERR_PTR(-EINVAL) when the mode and mask do not go together (a mask for
 * MPOL_DEFAULT or MPOL_LOCAL, none for the modes that need one, flags
 * with an empty MPOL_PREFERRED, no node with memory left), or
 * ERR_PTR(-ENOMEM).
 */
struct mempolicy *mpol_create(int mode, unsigned short flags,
			      const nodemask_t *nodes,
			      const nodemask_t *allowed)
{
	bool user_flags = flags & (MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES);
	struct mempolicy *pol;
	nodemask_t use;

	if (mode < MPOL_DEFAULT || mode >= MPOL_MAX)
		return ERR_PTR(-EINVAL);
	if (mode == MPOL_DEFAULT)
		return nodes_empty(nodes) ? NULL : ERR_PTR(-EINVAL);
	if (mode == MPOL_PREFERRED && nodes_empty(nodes)) {
		/* local allocation: nothing for the flags to keep */
		if (user_flags)
			return ERR_PTR(-EINVAL);
		mode = MPOL_LOCAL;
	} else if (mode != MPOL_LOCAL) {
		if (nodes_empty(nodes))
			return ERR_PTR(-EINVAL);
	} else if (user_flags || !nodes_empty(nodes)) {
		return ERR_PTR(-EINVAL);
	}

	nodes_clear(&use);
	if (mode != MPOL_LOCAL) {
		if (flags & MPOL_F_RELATIVE_NODES)
			relative_nodes(&use, nodes, allowed);
		else
			use.bits = nodes->bits & allowed->bits;
		if (nodes_empty(&use))
			return ERR_PTR(-EINVAL);
		if (mode == MPOL_PREFERRED) {
			int first = first_node(&use);

			nodes_clear(&use);
			node_set(first, &use);
		}
	}

	pol = kzalloc(sizeof(*pol), GFP_KERNEL);
	if (!pol)
		return ERR_PTR(-ENOMEM);
	atomic_set(&pol->refcnt, 1);
	pol->mode = mode;
	pol->flags = flags;
	pol->nodes = use;
	if (user_flags)
		pol->user_nodes = *nodes;
	return pol;
}

/**
 * mpol_put - drop a reference to @pol (NULL is fine)
 *
 * The last one frees it. Never sleeps.
 */
void mpol_put(struct mempolicy *pol)
{
	if (pol && atomic_dec_and_test(&pol->refcnt))
		kfree(pol);
}

/**
 * mpol_equal - whether two policies place pages alike
 * @a: a policy or NULL (the default)
 * @b: the same
 *
 * Return: true when both are default or have the same mode, flags and
 * nodes (VMAs with equal policies may merge).
 */
bool mpol_equal(const struct mempolicy *a, const struct mempolicy *b)
{
	if (a == b)
		return true;
	if (!a || !b)
		return false;
	return a->mode == b->mode && a->flags == b->flags &&
	       nodes_equal(&a->nodes, &b->nodes) &&
	       nodes_equal(&a->user_nodes, &b->user_nodes);
}

/* The node of @mask nearest to @nid (@nid itself when it is in @mask). */
static int nearest_node_in(int nid, const nodemask_t *mask)
{
	int order[MAX_NUMNODES], n, i;

	if (node_isset(nid, mask))
		return nid;
	n = node_order_by_distance(nid < 0 ? 0 : nid, order);
	for (i = 0; i < n; i++)
		if (node_isset(order[i], mask))
			return order[i];
	return first_node(mask);
}

/**
 * mpol_pick_node - the node a page under @pol is asked of first
 * @pol: the policy, or NULL for the default
 * @local: the node of the allocating CPU
 * @ilx: for interleaving by VMA: the page's index in its mapping;
 *	ignored when @il_next is given
 * @il_next: for a task's interleave policy: its last node, advanced here
 *
 * Return: a node id.
 */
int mpol_pick_node(const struct mempolicy *pol, int local,
		   unsigned long ilx, unsigned int *il_next)
{
	int nid;

	if (!pol)
		return local;
	if (pol->mode == MPOL_LOCAL)
		return local;
	if (pol->mode == MPOL_PREFERRED)
		return first_node(&pol->nodes);
	if (pol->mode == MPOL_BIND || pol->mode == MPOL_PREFERRED_MANY)
		return nearest_node_in(local, &pol->nodes);
	/* the two interleaving modes: every node weighs the same */
	if (!il_next)
		return nth_node(ilx % nodes_weight(&pol->nodes), &pol->nodes);
	nid = next_node_wrap(*il_next, &pol->nodes);
	*il_next = nid;
	return nid;
}

/* One page of node @nid alone, quietly. */
static struct page *alloc_on_node(gfp_t gfp, int nid)
{
	return __alloc_pages(gfp | __GFP_THISNODE | __GFP_NOWARN, 0, nid);
}

/*
 * A page under @pol, first tried on @nid: MPOL_BIND stays inside its
 * nodes, nearest first; the others fall back to any node, the modes with
 * a mask trying its nodes before the rest.
 */
static struct page *mpol_alloc(const struct mempolicy *pol, int nid, gfp_t gfp)
{
	int order[MAX_NUMNODES], n, i;
	struct page *page;

	if (pol == NULL || pol->mode == MPOL_LOCAL)
		return __alloc_pages(gfp, 0, nid);
	page = alloc_on_node(gfp, nid);
	if (page)
		return page;
	if (pol->mode == MPOL_BIND || pol->mode == MPOL_PREFERRED_MANY) {
		n = node_order_by_distance(nid, order);
		for (i = 0; i < n; i++) {
			if (!node_isset(order[i], &pol->nodes))
				continue;
			page = alloc_on_node(gfp, order[i]);
			if (page)
				return page;
		}
		if (pol->mode == MPOL_BIND)
			return NULL;
	}
	return __alloc_pages(gfp, 0, nid);
}

/* The index that interleaves @vma's page at @addr. */
static unsigned long vma_ilx(const struct vm_area_struct *vma,
			     unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/**
 * alloc_user_page - a page for @vma at @addr, as its policy says
 * @vma: a VMA of current->mm; its mmap_lock held (for reading at least)
 * @addr: the page's address in @vma
 * @gfp: flags for __alloc_pages() (movable user pages, maybe zeroed)
 *
 * @vma's policy if it has one, else current's task policy, else the
 * local node. Never sleeps.
 *
 * Return: the page with a reference count of 1, or NULL (MPOL_BIND's
 * nodes are full, or no memory anywhere).
 */
struct page *alloc_user_page(struct vm_area_struct *vma, unsigned long addr,
			     gfp_t gfp)
{
	struct mempolicy *pol = vma ? vma->vm_policy : NULL;
	unsigned int *il_next = NULL;
	int nid;

	if (!pol && current->mm && vma && vma->vm_mm == current->mm) {
		pol = current->mempolicy;
		il_next = &current->il_prev;
	}
	nid = mpol_pick_node(pol, local_node(),
			     vma ? vma_ilx(vma, addr) : 0, il_next);
	return mpol_alloc(pol, nid, gfp);
}

/**
 * mpol_fork - give @child a reference to @parent's task policy
 * @child: a task being made, not running yet
 * @parent: current
 *
 * Return: 0 (a shared reference cannot fail).
 */
int mpol_fork(struct task_struct *child, struct task_struct *parent)
{
	child->mempolicy = mpol_get(parent->mempolicy);
	child->il_prev = parent->il_prev;
	return 0;
}

/**
 * mpol_exit - drop @p's task policy
 * @p: an exiting task (current), or one that never ran
 */
void mpol_exit(struct task_struct *p)
{
	struct mempolicy *pol;

	task_lock(p);
	pol = p->mempolicy;
	p->mempolicy = NULL;
	task_unlock(p);
	mpol_put(pol);
}

/* ---- user masks ---- */

/*
 * Read the node mask of @maxnode bits (the last one ignored, as Linux
 * does) at @umask into @nodes. -EINVAL for a mask longer than a page of
 * bits or with a bit at or past MPOL_ABI_NODES; -EFAULT.
 */
static int get_user_nodes(nodemask_t *nodes, const unsigned long __user *umask,
			  unsigned long maxnode)
{
	unsigned long nbits, words, w, word;

	nodes_clear(nodes);
	/* Unsigned, as in Linux: a maxnode of 0 is a mask far too long. */
	nbits = maxnode - 1;
	if (!nbits || !umask)
		return 0;
	if (nbits > PAGE_SIZE * BITS_PER_BYTE)
		return -EINVAL;
	words = DIV_ROUND_UP(nbits, BITS_PER_LONG);
	for (w = 0; w < words; w++) {
		unsigned long first = w * BITS_PER_LONG;

		if (get_user(word, umask + w))
			return -EFAULT;
		if (nbits - first < BITS_PER_LONG)
			word &= (1UL << (nbits - first)) - 1;
		if (!word)
			continue;
		if (first + BITS_PER_LONG > MPOL_ABI_NODES)
			return -EINVAL;
		if (!w)
			nodes->bits = word & NODEMASK_VALID;
	}
	return 0;
}

/*
 * Write @nodes to a user mask of @maxnode bits, whole words: the words
 * past nr_node_ids' are zeroed. -EINVAL past a page; -EFAULT.
 */
static int put_user_nodes(unsigned long __user *umask, unsigned long maxnode,
			  const nodemask_t *nodes)
{
	unsigned long bytes = ALIGN(maxnode - 1, BITS_PER_LONG) / BITS_PER_BYTE;
	unsigned long have = DIV_ROUND_UP(nr_node_ids, BITS_PER_LONG) *
			     sizeof(long);

	if (bytes > have) {
		if (bytes > PAGE_SIZE)
			return -EINVAL;
		if (clear_user((char __user *)umask + have, bytes - have))
			return -EFAULT;
		bytes = have;
	}
	return copy_to_user(umask, &nodes->bits, bytes) ? -EFAULT : 0;
}

/* Split the mode argument: mode and flags, both checked. */
static int split_mode(int *mode, unsigned short *flags)
{
	const unsigned short both = MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES;
	unsigned short f = *mode & MPOL_MODE_FLAGS;
	int m = *mode & ~MPOL_MODE_FLAGS;

	*mode = m;
	*flags = f;
	if ((unsigned int)m >= MPOL_MAX || (f & both) == both)
		return -EINVAL;
	if ((f & MPOL_F_NUMA_BALANCING) && m != MPOL_BIND &&
	    m != MPOL_PREFERRED_MANY)
		return -EINVAL;
	return 0;
}

/* The policy made from user arguments, or NULL, or an ERR_PTR. */
static struct mempolicy *mpol_from_user(int mode,
					const unsigned long __user *umask,
					unsigned long maxnode)
{
	unsigned short flags;
	nodemask_t nodes, allowed;
	int err;

	err = split_mode(&mode, &flags);
	if (!err)
		err = get_user_nodes(&nodes, umask, maxnode);
	if (err)
		return ERR_PTR(err);
	node_states_mask(N_MEMORY, &allowed);
	return mpol_create(mode, flags, &nodes, &allowed);
}

/* ---- the pages of a range ---- */

/*
 * The page mapped at @addr of @mm, or NULL (nothing there, or a migration
 * entry). Caller holds mmap_lock; the pointer stays meaningful only while
 * it does (migration copes with a page freed since).
 */
static struct page *mapped_page(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = NULL;
	unsigned long flags;
	pgentry_t *pte;

	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_walk(mm, addr, false, NULL);
	if (pte && pgentry_present(*pte))
		page = phys_to_page(pgentry_addr(*pte));
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	return page;
}

/* The VMA of @mm holding @addr, or NULL. */
static struct vm_area_struct *vma_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

/*
 * Move @pages[0..@nr) to the nodes in @targets[] (one per page), one
 * migrate_pages() per target node. Returns how many did not move.
 */
static unsigned int move_batch(struct page **pages, const int *targets,
			       unsigned int nr)
{
	struct page *group[MPOL_MOVE_BATCH];
	unsigned int failed = 0, fails, i, n;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; ++nid) {
		struct migration_target_control dest = {
			.nid = nid, .gfp = __GFP_THISNODE,
		};

		for (i = n = 0; i < nr; i++)
			if (targets[i] == nid)
				group[n++] = pages[i];
		if (!n)
			continue;
		fails = 0;
		migrate_pages(group, n, alloc_migration_target,
			      (unsigned long)&dest, &fails);
		failed += fails;
	}
	return failed;
}

/*
 * How the pages of a walk are chosen and where they go: @target returns
 * the node for @page at @addr of @vma, or a negative number to leave it.
 */
struct mpol_walk {
	int (*target)(struct mpol_walk *w, struct vm_area_struct *vma,
		      unsigned long addr, struct page *pg);
	const struct mempolicy *pol;	/* mbind's new policy */
	nodemask_t from, to;		/* migrate_pages()'s masks */
	bool move_shared;		/* MPOL_MF_MOVE_ALL */
	bool move;			/* false: only count misplaced pages */
	unsigned long misplaced;	/* pages @target chose */
};

/*
 * Walk [@start, @end) of @mm in batches: under mmap_lock for reading,
 * gather the pages @w chooses; without it, move them. Returns how many
 * chosen pages did not move (all of them when !@w->move).
 */
static unsigned long walk_and_move(struct mm_struct *mm, unsigned long start,
				   unsigned long end, struct mpol_walk *w)
{
	struct page *pages[MPOL_MOVE_BATCH];
	int targets[MPOL_MOVE_BATCH];
	unsigned long addr = start, failed = 0;
	struct vm_area_struct *vma;
	unsigned int nr;

	while (addr < end) {
		nr = 0;
		mmap_read_lock(mm);
		while (addr < end && nr < MPOL_MOVE_BATCH) {
			struct page *page;
			int nid;

			vma = find_vma(mm, addr);
			if (!vma || vma->vm_start >= end) {
				addr = end;
				break;
			}
			if (addr < vma->vm_start)
				addr = vma->vm_start;
			page = mapped_page(mm, addr);
			if (page && PageAnon(page) &&
			    (w->move_shared || page_mapcount(page) == 1)) {
				nid = w->target(w, vma, addr, page);
				if (nid >= 0) {
					w->misplaced++;
					pages[nr] = page;
					targets[nr++] = nid;
				}
			}
			addr += PAGE_SIZE;
		}
		mmap_read_unlock(mm);
		if (!w->move)
			failed += nr;
		else if (nr)
			failed += move_batch(pages, targets, nr);
		cond_resched();
	}
	return failed;
}

/* ---- set_mempolicy, get_mempolicy ---- */

/* set_mempolicy(mode, nmask, maxnode) */
static long sys_set_mempolicy(struct pt_regs *regs)
{
	struct mempolicy *pol, *old;

	pol = mpol_from_user((int)SC_ARG0(regs),
			     (const unsigned long __user *)SC_ARG1(regs),
			     SC_ARG2(regs));
	if (IS_ERR(pol))
		return PTR_ERR(pol);
	task_lock(current);
	old = current->mempolicy;
	current->mempolicy = pol;
	/* Interleaving starts at the first node of the mask. */
	current->il_prev = MAX_NUMNODES - 1;
	task_unlock(current);
	mpol_put(old);
	return 0;
}
SYSCALL_ENTRY(set_mempolicy, sys_set_mempolicy);

/* The node of the page at @addr of current, faulting it in first. */
static int node_of_address(unsigned long addr)
{
	struct mm_struct *mm = current->mm;	/* a user task's */
	struct page *page;
	int tries;
	char c;

	for (tries = 0; tries < 8; tries++) {
		if (get_user(c, (const char __user *)addr))
			return -EFAULT;
		(void)c;
		mmap_read_lock(mm);
		page = mapped_page(mm, addr);
		if (page) {
			int nid = page_to_nid(page);

			mmap_read_unlock(mm);
			return nid;
		}
		mmap_read_unlock(mm);
	}
	return -EFAULT;
}

/* The nodes get_mempolicy() reports for @pol. */
static void report_nodes(const struct mempolicy *pol, nodemask_t *nodes)
{
	nodes_clear(nodes);
	if (!pol)
		return;
	if (pol->flags & (MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES))
		*nodes = pol->user_nodes;
	else if (pol->mode != MPOL_LOCAL)
		*nodes = pol->nodes;
}

/*
 * get_mempolicy()'s work: the mode (or a node) into *@mode and the mask
 * into @nodes. The checks are Linux's, in its order.
 */
static int do_get_mempolicy(int *mode, nodemask_t *nodes, unsigned long addr,
			    unsigned long flags)
{
	struct mempolicy *pol = current->mempolicy;
	struct mm_struct *mm = current->mm;	/* NULL in a kernel thread */
	struct vm_area_struct *vma;
	int err = 0;

	if (flags & ~(unsigned long)(MPOL_F_NODE | MPOL_F_ADDR |
				     MPOL_F_MEMS_ALLOWED))
		return -EINVAL;
	if (flags & MPOL_F_MEMS_ALLOWED) {	/* alone, or refused */
		if (flags != MPOL_F_MEMS_ALLOWED)
			return -EINVAL;
		*mode = MPOL_DEFAULT;
		node_states_mask(N_MEMORY, nodes);
		return 0;
	}
	if (flags & MPOL_F_ADDR) {
		if (!mm)
			return -EFAULT;
		mmap_read_lock(mm);
		vma = vma_at(mm, addr);
		if (!vma) {
			mmap_read_unlock(mm);
			return -EFAULT;
		}
		pol = mpol_get(vma->vm_policy);
		mmap_read_unlock(mm);
	} else if (addr) {
		return -EINVAL;
	} else {
		mpol_get(pol);
	}

	if (flags & MPOL_F_NODE) {
		if (flags & MPOL_F_ADDR) {
			err = node_of_address(addr);
			if (err >= 0) {
				*mode = err;
				err = 0;
			}
		} else if (pol && pol == current->mempolicy &&
			   (pol->mode == MPOL_INTERLEAVE ||
			    pol->mode == MPOL_WEIGHTED_INTERLEAVE)) {
			*mode = next_node_wrap(current->il_prev, &pol->nodes);
		} else {
			err = -EINVAL;
		}
	} else {
		*mode = pol ? pol->mode | (pol->flags & MPOL_MODE_FLAGS) :
			      MPOL_DEFAULT;
	}
	if (!err)
		report_nodes(pol, nodes);
	mpol_put(pol);
	return err;
}

/* get_mempolicy(policy, nmask, maxnode, addr, flags) */
static long sys_get_mempolicy(struct pt_regs *regs)
{
	int __user *upolicy = (int __user *)SC_ARG0(regs);
	unsigned long __user *umask = (unsigned long __user *)SC_ARG1(regs);
	unsigned long maxnode = SC_ARG2(regs);
	nodemask_t nodes;
	int mode, err;

	if (umask && maxnode < (unsigned long)nr_node_ids)
		return -EINVAL;
	err = do_get_mempolicy(&mode, &nodes, SC_ARG3(regs), SC_ARG4(regs));
	if (err)
		return err;
	if (upolicy && put_user(mode, upolicy))
		return -EFAULT;
	if (umask)
		return put_user_nodes(umask, maxnode, &nodes);
	return 0;
}
SYSCALL_ENTRY(get_mempolicy, sys_get_mempolicy);

/* ---- mbind ---- */

/* mbind's choice: pages off the new policy's nodes go to its node. */
static int mbind_target(struct mpol_walk *w, struct vm_area_struct *vma,
			unsigned long addr, struct page *pg)
{
	const struct mempolicy *pol = w->pol;
	int nid = page_to_nid(pg);

	if (node_isset(nid, &pol->nodes))
		return -1;
	return mpol_pick_node(pol, nid, vma_ilx(vma, addr), NULL);
}

/*
 * Give every VMA in [@start, @stop) of @mm the policy @pol (a reference
 * each), splitting the VMAs at the edges. -EFAULT when no VMA meets the
 * range, or a part of it has none and @pol is not the default (nothing
 * changed then); -ENOMEM when a split fails.
 */
static int mbind_vmas(struct mm_struct *mm, unsigned long start,
		      unsigned long stop, struct mempolicy *pol)
{
	struct vm_area_struct *vma;
	unsigned long at = start;
	int err;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= stop)
		return -EFAULT;		/* no VMA at all: even for the default */
	for (; at < stop; vma = find_vma(mm, at)) {
		if (!vma || vma->vm_start >= stop) {
			if (pol)
				return -EFAULT;
			break;
		}
		if (vma->vm_start > at && pol)
			return -EFAULT;
		at = vma->vm_end;
	}
	err = split_vma_edges(mm, start, stop);
	if (err)
		return err;
	for (vma = find_vma(mm, start); vma && vma->vm_start < stop;
	     vma = find_vma(mm, vma->vm_end)) {
		mpol_put(vma->vm_policy);
		vma->vm_policy = mpol_get(pol);
	}
	vma_merge_range(mm, start, stop);
	return 0;
}

/*
 * mbind(start, len, mode, nmask, maxnode, flags). Linux's order of
 * checks: mode, mask, flags, start, length, then the policy itself.
 */
static long sys_mbind(struct pt_regs *regs)
{
	unsigned long start = SC_ARG0(regs), len = SC_ARG1(regs);
	unsigned int flags = (unsigned int)SC_ARG5(regs);
	struct mpol_walk w = { .target = mbind_target };
	struct mm_struct *mm = current->mm;	/* NULL in a kernel thread */
	int mode = (int)SC_ARG2(regs);
	nodemask_t nodes, allowed;
	unsigned short mflags;
	struct mempolicy *pol;
	unsigned long end;
	long err;

	err = split_mode(&mode, &mflags);
	if (!err)
		err = get_user_nodes(&nodes,
				     (const unsigned long __user *)SC_ARG3(regs),
				     SC_ARG4(regs));
	if (err)
		return err;
	if (flags & ~(unsigned int)MPOL_MF_VALID)
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (mode == MPOL_DEFAULT)
		flags &= ~MPOL_MF_STRICT;
	end = PAGE_ALIGN(len) + start;
	if (end < start)
		return -EINVAL;
	if (end == start || !mm)
		return 0;
	node_states_mask(N_MEMORY, &allowed);
	pol = mpol_create(mode, mflags, &nodes, &allowed);
	if (IS_ERR(pol))
		return PTR_ERR(pol);

	mmap_write_lock(mm);
	err = mbind_vmas(mm, start, end, pol);
	mmap_write_unlock(mm);
	if (err || pol == NULL || pol->mode == MPOL_LOCAL ||
	    !(flags & (MPOL_MF_STRICT | MPOL_MF_MOVE | MPOL_MF_MOVE_ALL)))
		goto out;

	w.pol = pol;
	w.move = flags & (MPOL_MF_MOVE | MPOL_MF_MOVE_ALL);
	w.move_shared = flags & MPOL_MF_MOVE_ALL;
	if (walk_and_move(mm, start, end, &w) && (flags & MPOL_MF_STRICT))
		err = -EIO;
out:
	mpol_put(pol);
	return err;
}
SYSCALL_ENTRY(mbind, sys_mbind);

/* ---- migrate_pages ---- */

/* migrate_pages' choice: the n-th node of @from goes to the n-th of @to. */
static int remap_target(struct mpol_walk *w, struct vm_area_struct *vma,
			unsigned long addr, struct page *pg)
{
	int nid = page_to_nid(pg), idx, dest;

	idx = node_index(nid, &w->from);
	if (idx < 0)
		return -1;
	dest = nth_node(idx % nodes_weight(&w->to), &w->to);
	return dest == nid ? -1 : dest;
}

/* The task of @pid (0: current) with a reference, or an ERR_PTR. */
static struct task_struct *get_target_task(int pid)
{
	struct task_struct *p;

	if (!pid) {
		get_task_struct(current);
		return current;
	}
	p = pid > 0 ? find_get_task(pid) : NULL;
	return p ? p : ERR_PTR(-ESRCH);
}

/* migrate_pages(pid, maxnode, old_nodes, new_nodes) */
static long sys_migrate_pages(struct pt_regs *regs)
{
	struct mpol_walk w = { .target = remap_target, .move = true,
			       .move_shared = true };
	unsigned long maxnode = SC_ARG1(regs);
	struct task_struct *task;
	struct mm_struct *mm;
	nodemask_t allowed;
	long err;

	err = get_user_nodes(&w.from, (const unsigned long __user *)SC_ARG2(regs),
			     maxnode);
	if (!err)
		err = get_user_nodes(&w.to,
				     (const unsigned long __user *)SC_ARG3(regs),
				     maxnode);
	if (err)
		return err;
	task = get_target_task((int)SC_ARG0(regs));
	if (IS_ERR(task))
		return PTR_ERR(task);
	node_states_mask(N_MEMORY, &allowed);
	w.to.bits &= allowed.bits;
	mm = nodes_empty(&w.to) ? NULL : get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return -EINVAL;
	err = walk_and_move(mm, 0, TASK_SIZE_MAX, &w);
	mmput(mm);
	return err;
}
SYSCALL_ENTRY(migrate_pages, sys_migrate_pages);

/* ---- move_pages ---- */

/*
 * The status of the page at @addr of @mm for move_pages() without nodes:
 * its node, -EFAULT outside any VMA, -ENOENT when not present.
 */
static int page_status(struct mm_struct *mm, unsigned long addr)
{
	struct page *page;
	int ret = -EFAULT;

	mmap_read_lock(mm);
	if (vma_at(mm, addr)) {
		page = mapped_page(mm, addr);
		ret = page ? page_to_nid(page) : -ENOENT;
	}
	mmap_read_unlock(mm);
	return ret;
}

/*
 * Move the page at @addr of @mm to node @nid; the status move_pages()
 * stores: @nid, or -EFAULT, -ENOENT, -EACCES (mapped by others, without
 * MPOL_MF_MOVE_ALL), -EBUSY (a page that cannot move), -ENOMEM.
 */
static int move_one_page(struct mm_struct *mm, unsigned long addr, int nid,
			 bool move_shared)
{
	struct migration_target_control to_node = {
		.nid = nid, .gfp = __GFP_THISNODE,
	};
	struct page *page = NULL;
	int ret = -EFAULT;

	mmap_read_lock(mm);
	if (vma_at(mm, addr)) {
		page = mapped_page(mm, addr);
		if (!page)
			ret = -ENOENT;
		else if (!PageAnon(page))
			ret = -EBUSY;
		else if (!move_shared && page_mapcount(page) > 1)
			ret = -EACCES;
		else if (page_to_nid(page) == nid)
			ret = nid;
		else
			ret = 1;
	}
	mmap_read_unlock(mm);
	if (ret != 1)
		return ret;
	ret = migrate_pages(&page, 1, alloc_migration_target,
			    (unsigned long)&to_node, NULL);
	return ret ? ret : nid;
}

/*
 * move_pages()'s loop. Returns 0, the number of pages that did not move,
 * or an error that stops the call (-EFAULT reading the arrays or
 * writing @status, -ENODEV for a node without memory).
 */
static long do_move_pages(struct mm_struct *mm, unsigned long nr,
			  const void __user * __user *upages,
			  const int __user *unodes, int __user *ustatus,
			  bool move_shared)
{
	long not_moved = 0;
	unsigned long i;

	for (i = 0; i < nr; i++) {
		const void __user *p;
		int nid, status;

		if (get_user(p, upages + i))
			return -EFAULT;
		if (unodes) {
			if (get_user(nid, unodes + i))
				return -EFAULT;
			if (!node_takes_pages(nid))
				return -ENODEV;
			status = move_one_page(mm, (unsigned long)p, nid,
					       move_shared);
			if (status == -EBUSY || status == -ENOMEM ||
			    status == -EAGAIN)
				not_moved++;
		} else {
			status = page_status(mm, (unsigned long)p);
		}
		if (put_user(status, ustatus + i))
			return -EFAULT;
		if (signal_pending(current) && fatal_signal_pending(current))
			return -EINTR;
	}
	return not_moved;
}

/* move_pages(pid, count, pages, nodes, status, flags) */
static long sys_move_pages(struct pt_regs *regs)
{
	int flags = (int)SC_ARG5(regs);
	struct task_struct *task;
	struct mm_struct *mm;
	long err;

	if (flags & ~(MPOL_MF_MOVE | MPOL_MF_MOVE_ALL))
		return -EINVAL;
	task = get_target_task((int)SC_ARG0(regs));
	if (IS_ERR(task))
		return PTR_ERR(task);
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return -EINVAL;
	err = do_move_pages(mm, SC_ARG1(regs),
			    (const void __user * __user *)SC_ARG2(regs),
			    (const int __user *)SC_ARG3(regs),
			    (int __user *)SC_ARG4(regs),
			    flags & MPOL_MF_MOVE_ALL);
	mmput(mm);
	return err;
}
SYSCALL_ENTRY(move_pages, sys_move_pages);
