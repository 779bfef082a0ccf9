// SPDX-License-Identifier: GPL-2.0
/*
 * numatest: the NUMA policy system calls seen from user space, for
 * numa_user.py. Built static; runs the same on Linux and on Tide.
 *
 *   numatest where MIB   map and touch MIB MiB, then print on which
 *                        nodes its pages are, asked two ways
 *                        (get_mempolicy MPOL_F_NODE|MPOL_F_ADDR and
 *                        move_pages without nodes): "where: 0=N 1=M"
 *   numatest policy      print the task policy: "policy: MODE mask HEX"
 *   numatest errno       bad arguments; one line per case with the errno
 *                        got, then "errno: N cases"
 *   numatest move        move_pages, mbind MPOL_MF_MOVE/STRICT,
 *                        migrate_pages, interleaving and fork: one line
 *                        per step, "move: done" at the end
 *
 * Exit status 0 unless a call that must work failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MPOL_DEFAULT		0
#define MPOL_PREFERRED		1
#define MPOL_BIND		2
#define MPOL_INTERLEAVE		3
#define MPOL_LOCAL		4
#define MPOL_PREFERRED_MANY	5
#define MPOL_WEIGHTED_INTERLEAVE 6
#define MPOL_F_STATIC_NODES	0x8000
#define MPOL_F_RELATIVE_NODES	0x4000
#define MPOL_F_NUMA_BALANCING	0x2000
#define MPOL_F_NODE		(1 << 0)
#define MPOL_F_ADDR		(1 << 1)
#define MPOL_F_MEMS_ALLOWED	(1 << 2)
#define MPOL_MF_STRICT		(1 << 0)
#define MPOL_MF_MOVE		(1 << 1)
#define MPOL_MF_MOVE_ALL	(1 << 2)
#define MPOL_MF_LAZY		(1 << 3)

#define MAXNODE		65	/* one word of mask, as numactl passes */
#define PAGE		4096UL

static long set_policy(int mode, unsigned long mask, unsigned long maxnode)
{
	return syscall(SYS_set_mempolicy, mode, &mask, maxnode);
}

static long get_policy(int *mode, unsigned long *mask, unsigned long maxnode,
		       void *addr, unsigned long flags)
{
	return syscall(SYS_get_mempolicy, mode, mask, maxnode, addr, flags);
}

static long mbind_range(void *p, unsigned long len, int mode,
			unsigned long mask, unsigned int flags)
{
	return syscall(SYS_mbind, p, len, mode, &mask, MAXNODE, flags);
}

static long move(int pid, unsigned long n, void **pages, int *nodes,
		 int *status, int flags)
{
	return syscall(SYS_move_pages, pid, n, pages, nodes, status, flags);
}

static const char *err_name(long ret)
{
	static char buf[32];

	if (ret >= 0) {
		snprintf(buf, sizeof(buf), "%ld", ret);
		return buf;
	}
	switch (errno) {
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case ENOENT: return "ENOENT";
	case ENODEV: return "ENODEV";
	case ESRCH: return "ESRCH";
	case EIO: return "EIO";
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case ENOSYS: return "ENOSYS";
	default:
		snprintf(buf, sizeof(buf), "errno%d", errno);
		return buf;
	}
}

static const char *status_name(int s)
{
	static char buf[32];

	if (s >= 0) {
		snprintf(buf, sizeof(buf), "%d", s);
		return buf;
	}
	errno = -s;
	return err_name(-1);
}

static char *map_pages(unsigned long n, int touch)
{
	char *p = mmap(NULL, n * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED) {
		perror("numatest: mmap");
		exit(1);
	}
	for (i = 0; touch && i < n; i++)
		p[i * PAGE] = (char)(i + 1);
	return p;
}

/* The node of each page of [p, p + n pages) by get_mempolicy, or -1. */
static int node_of(char *p)
{
	int node = -1;

	if (get_policy(&node, NULL, 0, p, MPOL_F_NODE | MPOL_F_ADDR))
		return -1;
	return node;
}

static int do_where(unsigned long mib)
{
	unsigned long n = mib * 256, i, count[2][8] = { { 0 } };
	char *p = map_pages(n, 1);
	void **pages = calloc(n, sizeof(*pages));
	int *status = calloc(n, sizeof(*status));

	if (!pages || !status)
		return 1;
	for (i = 0; i < n; i++) {
		int nid = node_of(p + i * PAGE);

		if (nid < 0 || nid > 7) {
			printf("where: page %lu: %s\n", i, err_name(-1));
			return 1;
		}
		count[0][nid]++;
		pages[i] = p + i * PAGE;
	}
	if (move(0, n, pages, NULL, status, 0)) {
		printf("where: move_pages: %s\n", err_name(-1));
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (status[i] < 0 || status[i] > 7) {
			printf("where: status %lu: %d\n", i, status[i]);
			return 1;
		}
		count[1][status[i]]++;
	}
	if (memcmp(count[0], count[1], sizeof(count[0]))) {
		printf("where: get_mempolicy and move_pages differ\n");
		return 1;
	}
	printf("where: 0=%lu 1=%lu\n", count[0][0], count[0][1]);
	return 0;
}

static int do_policy(void)
{
	unsigned long mask = 0;
	int mode = -1;

	if (get_policy(&mode, &mask, MAXNODE, NULL, 0)) {
		printf("policy: %s\n", err_name(-1));
		return 1;
	}
	printf("policy: %d mask %lx\n", mode, mask);
	return 0;
}

static void report(const char *name, long ret)
{
	printf("%s: %s\n", name, err_name(ret));
}

static int do_errno(void)
{
	unsigned long mask = 1, big[20] = { 0 };
	char *p = map_pages(4, 1);
	int cases = 0, mode, status;
	void *page = p;
	int node;

#define CASE(name, call) do { report(name, call); cases++; } while (0)
	CASE("set-mode-7", set_policy(7, 1, MAXNODE));
	CASE("set-mode-neg", set_policy(-1, 1, MAXNODE));
	CASE("set-bind-empty", set_policy(MPOL_BIND, 0, MAXNODE));
	CASE("set-bind-maxnode1", set_policy(MPOL_BIND, 1, 1));
	CASE("set-static-relative",
	     set_policy(MPOL_BIND | MPOL_F_STATIC_NODES |
			MPOL_F_RELATIVE_NODES, 1, MAXNODE));
	CASE("set-default-mask", set_policy(MPOL_DEFAULT, 1, MAXNODE));
	CASE("set-local-mask", set_policy(MPOL_LOCAL, 1, MAXNODE));
	CASE("set-preferred-empty-static",
	     set_policy(MPOL_PREFERRED | MPOL_F_STATIC_NODES, 0, MAXNODE));
	CASE("set-interleave-balancing",
	     set_policy(MPOL_INTERLEAVE | MPOL_F_NUMA_BALANCING, 3, MAXNODE));
	CASE("set-bind-node5", set_policy(MPOL_BIND, 1 << 5, MAXNODE));
	CASE("set-mask-efault",
	     syscall(SYS_set_mempolicy, MPOL_BIND, (void *)8, MAXNODE));
	CASE("set-maxnode-huge",
	     syscall(SYS_set_mempolicy, MPOL_BIND, &mask, 4096 * 8 + 2));
	big[17] = 1;	/* bit 1088: past every node Linux allows */
	CASE("set-bit-1088",
	     syscall(SYS_set_mempolicy, MPOL_BIND, big, 20 * 64));
	big[17] = 0;
	big[0] = 1;
	big[3] = 1;	/* bit 192: accepted, never used */
	CASE("set-bit-192", syscall(SYS_set_mempolicy, MPOL_BIND, big, 20 * 64));
	CASE("set-preferred-many", set_policy(MPOL_PREFERRED_MANY, 3, MAXNODE));
	CASE("set-weighted", set_policy(MPOL_WEIGHTED_INTERLEAVE, 3, MAXNODE));
	CASE("set-bind-balancing",
	     set_policy(MPOL_BIND | MPOL_F_NUMA_BALANCING, 3, MAXNODE));
	CASE("set-default", set_policy(MPOL_DEFAULT, 0, 0));

	CASE("get-flags-8", get_policy(&mode, NULL, 0, NULL, 8));
	CASE("get-mems-node",
	     get_policy(&mode, NULL, 0, NULL, MPOL_F_MEMS_ALLOWED | MPOL_F_NODE));
	CASE("get-addr-no-flag", get_policy(&mode, NULL, 0, p, 0));
	CASE("get-addr-unmapped",
	     get_policy(&mode, NULL, 0, (void *)4096, MPOL_F_ADDR));
	CASE("get-maxnode-1", get_policy(&mode, &mask, 1, NULL, 0));
	CASE("get-node-default", get_policy(&mode, NULL, 0, NULL, MPOL_F_NODE));
	CASE("get-policy-efault", get_policy((int *)8, NULL, 0, NULL, 0));
	CASE("get-mask-efault",
	     get_policy(&mode, (unsigned long *)8, MAXNODE, NULL, 0));
	mask = 0;
	CASE("get-mems-allowed",
	     get_policy(&mode, &mask, MAXNODE, NULL, MPOL_F_MEMS_ALLOWED));
	printf("mems-allowed: %lx\n", mask);

	CASE("mbind-unaligned", mbind_range(p + 1, PAGE, MPOL_BIND, 1, 0));
	CASE("mbind-flags-lazy",
	     mbind_range(p, PAGE, MPOL_BIND, 1, MPOL_MF_LAZY));
	CASE("mbind-len0-node5", mbind_range(p, 0, MPOL_BIND, 1 << 5, 0));
	CASE("mbind-hole", mbind_range((void *)4096, PAGE, MPOL_BIND, 1, 0));
	CASE("mbind-hole-default",
	     mbind_range((void *)4096, PAGE, MPOL_DEFAULT, 0, 0));
	CASE("mbind-wrap",
	     mbind_range((void *)-8192UL, 4 * PAGE, MPOL_BIND, 1, 0));
	CASE("mbind-ok", mbind_range(p, 4 * PAGE, MPOL_BIND, 1, 0));
	mask = 0;
	CASE("get-addr-bind", get_policy(&mode, &mask, MAXNODE, p, MPOL_F_ADDR));
	printf("addr-policy: %d mask %lx\n", mode, mask);
	CASE("mbind-default", mbind_range(p, 4 * PAGE, MPOL_DEFAULT, 0, 0));
	CASE("get-addr-default", get_policy(&mode, NULL, 0, p, MPOL_F_ADDR));
	printf("addr-policy: %d\n", mode);

	node = 0;
	CASE("move-flags", move(0, 1, &page, &node, &status, 8));
	CASE("move-pid", move(99999, 1, &page, &node, &status, 0));
	node = 5;
	CASE("move-node5", move(0, 1, &page, &node, &status, 0));
	node = -1;
	CASE("move-node-neg", move(0, 1, &page, &node, &status, 0));
	CASE("move-pages-efault", move(0, 1, (void **)8, NULL, &status, 0));
	CASE("move-status-efault", move(0, 1, &page, NULL, (int *)8, 0));
	CASE("migrate-pid", syscall(SYS_migrate_pages, 99999, MAXNODE,
				    &mask, &mask, 0));
	mask = 1 << 5;
	CASE("migrate-to-node5",
	     syscall(SYS_migrate_pages, 0, MAXNODE, &mask, &mask));
	CASE("migrate-efault",
	     syscall(SYS_migrate_pages, 0, MAXNODE, (void *)8, &mask));
	printf("errno: %d cases\n", cases);
	return 0;
}

/* Print the nodes of @n pages at @p as a string of digits. */
static void show_nodes(const char *what, char *p, unsigned long n)
{
	unsigned long i;

	printf("%s: ", what);
	for (i = 0; i < n; i++) {
		int nid = node_of(p + i * PAGE);

		if (nid < 0)
			printf("?");
		else
			printf("%d", nid);
	}
	printf("\n");
}

static int do_move(void)
{
	char *p = map_pages(4, 0);
	void *pages[5];
	int nodes[5] = { 1, 1, 0, 1, 1 }, status[5], i, pid, wstatus, mode;
	unsigned long from, to, mask;
	long ret;
	char *q;

	for (i = 0; i < 3; i++)
		p[i * PAGE] = 1;
	for (i = 0; i < 4; i++)
		pages[i] = p + i * PAGE;
	pages[4] = (void *)4096;
	ret = move(0, 5, pages, nodes, status, MPOL_MF_MOVE);
	printf("move_pages: %s status", err_name(ret));
	for (i = 0; i < 5; i++)
		printf(" %s", status_name(status[i]));
	printf("\n");
	ret = move(0, 5, pages, NULL, status, 0);
	printf("query: %s status", err_name(ret));
	for (i = 0; i < 5; i++)
		printf(" %s", status_name(status[i]));
	printf("\n");
	if (p[0] != 1 || p[PAGE] != 1 || p[2 * PAGE] != 1 || p[3 * PAGE]) {
		printf("move: contents changed\n");
		return 1;
	}

	/* mbind: STRICT alone finds misplaced pages; MOVE moves them. */
	report("mbind-strict", mbind_range(p, 3 * PAGE, MPOL_BIND, 1,
					   MPOL_MF_STRICT));
	report("mbind-move", mbind_range(p, 3 * PAGE, MPOL_BIND, 1,
					 MPOL_MF_MOVE | MPOL_MF_STRICT));
	show_nodes("after-mbind-0", p, 3);
	report("mbind-move-1", mbind_range(p, 3 * PAGE, MPOL_BIND, 2,
					   MPOL_MF_MOVE));
	show_nodes("after-mbind-1", p, 3);
	p[3 * PAGE] = 1;
	show_nodes("fault-under-bind-1", p, 4);

	/* migrate_pages: everything of node 1 to node 0 and back. */
	from = 2;
	to = 1;
	ret = syscall(SYS_migrate_pages, 0, MAXNODE, &from, &to);
	printf("migrate-1-to-0: %s\n", err_name(ret));
	show_nodes("after-migrate", p, 4);
	mbind_range(p, 4 * PAGE, MPOL_DEFAULT, 0, 0);

	/* mbind interleave: neighbouring pages on different nodes. */
	q = map_pages(8, 0);
	report("mbind-interleave", mbind_range(q, 8 * PAGE, MPOL_INTERLEAVE,
					       3, 0));
	for (i = 0; i < 8; i++)
		q[i * PAGE] = 1;
	for (i = 1; i < 8; i++)
		if (node_of(q + i * PAGE) == node_of(q + (i - 1) * PAGE))
			break;
	printf("interleave: %s\n", i == 8 ? "alternates" : "does not");

	/* fork copies the task policy. */
	if (set_policy(MPOL_PREFERRED, 2, MAXNODE))
		printf("set-preferred: %s\n", err_name(-1));
	pid = fork();
	if (!pid) {
		mask = 0;
		mode = -1;
		get_policy(&mode, &mask, MAXNODE, NULL, 0);
		_exit(mode == MPOL_PREFERRED && mask == 2 ? 0 : 1);
	}
	waitpid(pid, &wstatus, 0);
	printf("fork-policy: %s\n", WIFEXITED(wstatus) &&
	       !WEXITSTATUS(wstatus) ? "inherited" : "lost");
	set_policy(MPOL_DEFAULT, 0, 0);
	printf("move: done\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "where"))
		return do_where(strtoul(argv[2], NULL, 0));
	if (argc == 2 && !strcmp(argv[1], "policy"))
		return do_policy();
	if (argc == 2 && !strcmp(argv[1], "errno"))
		return do_errno();
	if (argc == 2 && !strcmp(argv[1], "move"))
		return do_move();
	fprintf(stderr, "usage: numatest where MIB | policy | errno | move\n");
	return 2;
}
