// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for NUMA memory policy (mm/mempolicy.c): the checks of
 * mpol_create() for each mode and flag, the node each mode picks, the
 * node mask helpers, and the system calls called as user space would,
 * on a fresh mm with masks in user memory.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/mempolicy.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/nodemask.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <kunit/test.h>

#define UADDR	0x200000UL	/* where the cases map their user memory */
#define PG	PAGE_SIZE

static nodemask_t mask_of(unsigned long bits)
{
	nodemask_t m = { .bits = bits };

	return m;
}

/* mpol_create() and free its result; returns the errno or the mode. */
static int create_mode(int mode, unsigned short flags, unsigned long nodes,
		       unsigned long allowed, unsigned long *got_nodes)
{
	nodemask_t n = mask_of(nodes), a = mask_of(allowed);
	struct mempolicy *pol = mpol_create(mode, flags, &n, &a);
	int ret;

	if (IS_ERR(pol))
		return PTR_ERR(pol);
	if (!pol)
		return MPOL_DEFAULT;
	ret = pol->mode;
	if (got_nodes)
		*got_nodes = pol->nodes.bits;
	mpol_put(pol);
	return ret;
}

static void mempolicy_create_checks(struct kunit *test)
{
	unsigned long nodes = 0;

	KUNIT_EXPECT_EQ(test, create_mode(MPOL_DEFAULT, 0, 0, 3, NULL),
			MPOL_DEFAULT);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_DEFAULT, 0, 1, 3, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_LOCAL, 0, 1, 3, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_LOCAL, MPOL_F_STATIC_NODES, 0, 3,
					  NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_LOCAL, 0, 0, 3, NULL),
			MPOL_LOCAL);
	/* An empty MPOL_PREFERRED is local allocation, but not with flags. */
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_PREFERRED, 0, 0, 3, NULL),
			MPOL_LOCAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_PREFERRED,
					  MPOL_F_RELATIVE_NODES, 0, 3, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_BIND, 0, 0, 3, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_INTERLEAVE, 0, 0, 3, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_PREFERRED_MANY, 0, 0, 3, NULL),
			-EINVAL);
	/* Nodes without memory are dropped; none left is an error. */
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_BIND, 0, 0x20, 3, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_BIND, 0, 0x23, 3, &nodes),
			MPOL_BIND);
	KUNIT_EXPECT_EQ(test, nodes, 3UL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_MAX, 0, 1, 3, NULL), -EINVAL);
	/* MPOL_PREFERRED keeps the first node only. */
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_PREFERRED, 0, 6, 7, &nodes),
			MPOL_PREFERRED);
	KUNIT_EXPECT_EQ(test, nodes, 2UL);
	KUNIT_EXPECT_EQ(test, create_mode(MPOL_WEIGHTED_INTERLEAVE, 0, 3, 3,
					  &nodes), MPOL_WEIGHTED_INTERLEAVE);
	KUNIT_EXPECT_EQ(test, nodes, 3UL);
}

/* Relative masks map bit n onto the n-th allowed node, wrapping. */
static void mempolicy_relative_static(struct kunit *test)
{
	nodemask_t user = mask_of(0x6), allowed = mask_of(0x5);
	struct mempolicy *pol;

	pol = mpol_create(MPOL_INTERLEAVE, MPOL_F_RELATIVE_NODES, &user,
			  &allowed);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(pol));
	/* bit 1 -> 2nd allowed node (2); bit 2 -> 3rd mod 2 = 1st (0) */
	KUNIT_EXPECT_EQ(test, pol->nodes.bits, 0x5UL);
	KUNIT_EXPECT_EQ(test, pol->user_nodes.bits, 0x6UL);
	mpol_put(pol);

	user = mask_of(0x3);
	pol = mpol_create(MPOL_BIND, MPOL_F_STATIC_NODES, &user, &allowed);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(pol));
	KUNIT_EXPECT_EQ(test, pol->nodes.bits, 0x1UL);
	KUNIT_EXPECT_EQ(test, pol->user_nodes.bits, 0x3UL);
	mpol_put(pol);
}

static void mempolicy_pick_node(struct kunit *test)
{
	struct mempolicy pol = { .mode = MPOL_INTERLEAVE,
				 .nodes = mask_of(0xb) };	/* 0, 1, 3 */
	unsigned int il = MAX_NUMNODES - 1;

	KUNIT_EXPECT_EQ(test, mpol_pick_node(NULL, 2, 0, NULL), 2);
	/* The task's interleaving goes round the mask from its start. */
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 2, 0, &il), 0);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 2, 0, &il), 1);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 2, 0, &il), 3);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 2, 0, &il), 0);
	/* A VMA's interleaving follows the page index. */
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 2, 4, NULL), 1);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 2, 5, NULL), 3);
	pol.mode = MPOL_WEIGHTED_INTERLEAVE;
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 2, 6, NULL), 0);

	pol.mode = MPOL_PREFERRED;
	pol.nodes = mask_of(0x8);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 0, 0, NULL), 3);
	pol.mode = MPOL_LOCAL;
	pol.nodes = mask_of(0);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 1, 0, NULL), 1);
	/* BIND and PREFERRED_MANY: the local node when it is in the mask. */
	pol.mode = MPOL_BIND;
	pol.nodes = mask_of(0x3);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 1, 0, NULL), 1);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 0, 0, NULL), 0);
	pol.mode = MPOL_PREFERRED_MANY;
	pol.nodes = mask_of(0x1);
	KUNIT_EXPECT_EQ(test, mpol_pick_node(&pol, 0, 0, NULL), 0);
}

static void mempolicy_nodemask_helpers(struct kunit *test)
{
	nodemask_t m = mask_of(0x29);	/* 0, 3, 5 */
	struct mempolicy a = { .mode = MPOL_BIND, .nodes = mask_of(1) };
	struct mempolicy b = a;

	KUNIT_EXPECT_EQ(test, nodes_weight(&m), 3U);
	KUNIT_EXPECT_EQ(test, nth_node(2, &m), 5);
	KUNIT_EXPECT_EQ(test, nth_node(3, &m), MAX_NUMNODES);
	KUNIT_EXPECT_EQ(test, node_index(3, &m), 1);
	KUNIT_EXPECT_EQ(test, node_index(4, &m), -1);
	KUNIT_EXPECT_EQ(test, next_node_wrap(5, &m), 0);
	KUNIT_EXPECT_EQ(test, next_node_wrap(0, &m), 3);
	KUNIT_EXPECT_TRUE(test, mpol_equal(NULL, NULL));
	KUNIT_EXPECT_FALSE(test, mpol_equal(NULL, &a));
	KUNIT_EXPECT_TRUE(test, mpol_equal(&a, &b));
	b.nodes = mask_of(2);
	KUNIT_EXPECT_FALSE(test, mpol_equal(&a, &b));
}

/* ---- the system calls, on a fresh mm ---- */

static void unuse(void *mm)
{
	kthread_unuse_mm(mm);
}

/* Back to the default task policy when a case ends. */
static void reset_policy(void *unused)
{
	mpol_exit(current);
}

static struct mm_struct *use_new_mm(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	kthread_use_mm(mm);
	mmput(mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unuse, mm), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, reset_policy,
							NULL), 0);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, UADDR, 4 * PG,
					   PROT_READ | PROT_WRITE,
					   MAP_PRIVATE | MAP_ANONYMOUS |
					   MAP_FIXED), (long)UADDR);
	return mm;
}

static long call(unsigned long nr, unsigned long di, unsigned long si,
		 unsigned long dx, unsigned long r10, unsigned long r8,
		 unsigned long r9)
{
	const struct syscall_entry *e;
	struct pt_regs regs = { 0 };

	regs.rdi = di;
	regs.rsi = si;
	regs.rdx = dx;
	regs.r10 = r10;
	regs.r8 = r8;
	regs.r9 = r9;
	for (e = __syscall_entries_start; e < __syscall_entries_end; e++)
		if (e->nr == nr)
			return e->fn(&regs);
	return -ENOSYS;
}

/* Put @bits as the first word of a user mask at UADDR + @off. */
static unsigned long umask(struct kunit *test, unsigned long off,
			   unsigned long bits)
{
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(UADDR + off), &bits,
					   sizeof(bits)), 0UL);
	return UADDR + off;
}

static void mempolicy_syscall_args(struct kunit *test)
{
	unsigned long m;

	use_new_mm(test);
	m = umask(test, 0, 1);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, 7, m, 65, 0, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND |
				   MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES,
				   m, 65, 0, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_INTERLEAVE |
				   MPOL_F_NUMA_BALANCING, m, 65, 0, 0, 0),
			-EINVAL);
	/* maxnode 0 wraps round to a mask too long; 1 is an empty mask. */
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND, m, 0, 0, 0,
				   0), -EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND, m, 1, 0, 0,
				   0), -EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND, 8, 65, 0, 0,
				   0), -EFAULT);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND, m,
				   PAGE_SIZE * 8 + 2, 0, 0, 0), -EINVAL);
	/* A bit past Linux's 1024 nodes is refused; one below is ignored. */
	umask(test, 17 * 8, 1);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND, m, 18 * 64,
				   0, 0, 0), -EINVAL);
	umask(test, 17 * 8, 0);
	umask(test, 3 * 8, 1);
	KUNIT_EXPECT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND, m, 18 * 64,
				   0, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, call(__NR_get_mempolicy, 0, m, 0, 0, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_get_mempolicy, 0, 0, 0, 0, 8, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_get_mempolicy, 0, 0, 0, UADDR, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_get_mempolicy, 0, 0, 0, 0,
				   MPOL_F_MEMS_ALLOWED | MPOL_F_ADDR, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_get_mempolicy, 0, 0, 0, 0x1000,
				   MPOL_F_ADDR, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, call(__NR_mbind, UADDR + 1, PG, MPOL_BIND, m, 65,
				   0), -EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_mbind, UADDR, PG, MPOL_BIND, m, 65,
				   MPOL_MF_LAZY), -EINVAL);
	KUNIT_EXPECT_EQ(test, call(__NR_mbind, 0x1000, PG, MPOL_BIND, m, 65,
				   0), -EFAULT);
	KUNIT_EXPECT_EQ(test, call(__NR_move_pages, 0, 1, UADDR, 0, UADDR + 64,
				   8), -EINVAL);
}

/* get_mempolicy() reads back what set_mempolicy() and mbind() set. */
static void mempolicy_syscall_roundtrip(struct kunit *test)
{
	unsigned long m, got = 0;
	int mode = -1;

	use_new_mm(test);
	m = umask(test, 0, 1);
	KUNIT_ASSERT_EQ(test, call(__NR_set_mempolicy, MPOL_BIND, m, 65, 0, 0,
				   0), 0);
	KUNIT_ASSERT_EQ(test, call(__NR_get_mempolicy, UADDR + 64, UADDR + 128,
				   65, 0, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, get_user(mode, (int __user *)(UADDR + 64)), 0);
	KUNIT_EXPECT_EQ(test, get_user(got, (unsigned long __user *)
				       (UADDR + 128)), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_BIND);
	KUNIT_EXPECT_EQ(test, got, 1UL);
	/* The task is not interleaving: MPOL_F_NODE alone is refused. */
	KUNIT_EXPECT_EQ(test, call(__NR_get_mempolicy, UADDR + 64, 0, 0, 0,
				   MPOL_F_NODE, 0), -EINVAL);

	/* A VMA policy on the second page, none on the first. */
	KUNIT_ASSERT_EQ(test, call(__NR_mbind, UADDR + PG, PG, MPOL_PREFERRED,
				   m, 65, 0), 0);
	KUNIT_ASSERT_EQ(test, call(__NR_get_mempolicy, UADDR + 64, 0, 0,
				   UADDR + PG, MPOL_F_ADDR, 0), 0);
	KUNIT_EXPECT_EQ(test, get_user(mode, (int __user *)(UADDR + 64)), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_PREFERRED);
	KUNIT_ASSERT_EQ(test, call(__NR_get_mempolicy, UADDR + 64, 0, 0,
				   UADDR + 2 * PG, MPOL_F_ADDR, 0), 0);
	KUNIT_EXPECT_EQ(test, get_user(mode, (int __user *)(UADDR + 64)), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_DEFAULT);
	/* The page faulted in under MPOL_BIND {0} is on node 0. */
	KUNIT_ASSERT_EQ(test, call(__NR_get_mempolicy, UADDR + 64, 0, 0,
				   UADDR + 3 * PG, MPOL_F_NODE | MPOL_F_ADDR,
				   0), 0);
	KUNIT_EXPECT_EQ(test, get_user(mode, (int __user *)(UADDR + 64)), 0);
	KUNIT_EXPECT_EQ(test, mode, 0);
}

/* move_pages() without nodes reports each page's node or its errno. */
static void mempolicy_move_pages_status(struct kunit *test)
{
	unsigned long pages[3] = { UADDR, UADDR + 2 * PG, 0x1000 };
	int status[3] = { 7, 7, 7 };
	char one = 1;

	use_new_mm(test);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)UADDR, &one, 1), 0UL);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)(UADDR + PG + 64),
					   pages, sizeof(pages)), 0UL);
	KUNIT_ASSERT_EQ(test, call(__NR_move_pages, 0, 3, UADDR + PG + 64, 0,
				   UADDR + PG + 128, 0), 0);
	KUNIT_ASSERT_EQ(test, copy_from_user(status, (void __user *)
					     (UADDR + PG + 128),
					     sizeof(status)), 0UL);
	KUNIT_EXPECT_EQ(test, status[0], 0);
	KUNIT_EXPECT_EQ(test, status[1], -ENOENT);
	KUNIT_EXPECT_EQ(test, status[2], -EFAULT);
}

static struct kunit_case mempolicy_test_cases[] = {
	KUNIT_CASE(mempolicy_create_checks),
	KUNIT_CASE(mempolicy_relative_static),
	KUNIT_CASE(mempolicy_pick_node),
	KUNIT_CASE(mempolicy_nodemask_helpers),
	KUNIT_CASE(mempolicy_syscall_args),
	KUNIT_CASE(mempolicy_syscall_roundtrip),
	KUNIT_CASE(mempolicy_move_pages_status),
	{}
};

static struct kunit_suite mempolicy_test_suite = {
	.name = "mempolicy",
	.test_cases = mempolicy_test_cases,
};

kunit_test_suite(mempolicy_test_suite);
