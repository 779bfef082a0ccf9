// SPDX-License-Identifier: GPL-2.0
/*
 * ubench: the user-space measurements of `make bench`, the same static
 * program on Tide and on Linux 6.12 (tools/testing/memhp_bench.py).
 *
 *   ubench now               print CLOCK_MONOTONIC in microseconds
 *   ubench forkexec N        N times: fork, execve this program with
 *                            "exit", waitpid; print
 *                            "forkexec: N cycles, T us, U us/cycle"
 *   ubench memcpy MIB REPS   copy MIB MiB from one buffer to another
 *                            REPS times; print the fastest copy as
 *                            "memcpy: MIB MiB x REPS, best R MiB/s"
 *   ubench exit              exit 0 at once (what forkexec runs)
 *   ubench bind NODE PROG ARG...
 *                            run PROG with its memory bound to NODE
 *                            (set_mempolicy MPOL_BIND); a kernel without
 *                            set_mempolicy runs it unbound, and says so
 *
 * Exits 1 with a message on stderr if a call fails.
 * Built static by the Makefile (gcc -static) for the bench's initramfs.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static uint64_t now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts)) {
		perror("ubench: clock_gettime");
		exit(1);
	}
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static long parse_count(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v <= 0) {
		fprintf(stderr, "ubench: bad count '%s'\n", s);
		exit(1);
	}
	return v;
}

/* The program's own file: argv[0] if it is absolute, else /proc/self/exe. */
static const char *self_path(const char *argv0)
{
	return argv0[0] == '/' ? argv0 : "/proc/self/exe";
}

static int run_forkexec(const char *self, long n)
{
	char *const child_argv[] = { "ubench", "exit", NULL };
	uint64_t t0, dt;
	long cycle;

	t0 = now_ns();
	for (cycle = 0; cycle < n; cycle++) {
		int status;
		pid_t pid = fork();

		if (pid < 0) {
			perror("ubench: fork");
			return 1;
		}
		if (!pid) {
			execve(self, child_argv, environ);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) != pid) {
			perror("ubench: waitpid");
			return 1;
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status)) {
			fprintf(stderr, "ubench: child status %#x\n", status);
			return 1;
		}
	}
	dt = now_ns() - t0;
	printf("forkexec: %ld cycles, %llu us, %.1f us/cycle\n", n,
	       (unsigned long long)(dt / 1000), dt / 1000.0 / n);
	return 0;
}

static int copy_rate(long mib, long reps)
{
	size_t len = (size_t)mib << 20;
	char *src = malloc(len), *dst = malloc(len);
	uint64_t best = UINT64_MAX;
	long i;

	if (!src || !dst) {
		fprintf(stderr, "ubench: cannot allocate 2 x %ld MiB\n", mib);
		return 1;
	}
	/* Touch both buffers first: page faults are not part of the rate. */
	memset(src, 0x5a, len);
	memset(dst, 0, len);
	for (i = 0; i < reps; i++) {
		uint64_t t0 = now_ns(), dt;

		memcpy(dst, src, len);
		dt = now_ns() - t0;
		if (dt < best)
			best = dt;
		src[0]++;	/* the copies must not be merged */
	}
	if (memcmp(dst + 1, src + 1, len - 1)) {
		fprintf(stderr, "ubench: copy differs\n");
		return 1;
	}
	printf("memcpy: %ld MiB x %ld, best %.0f MiB/s\n", mib, reps,
	       best ? mib * 1e9 / best : 0.0);
	free(src);
	free(dst);
	return 0;
}

#define UBENCH_MPOL_BIND	2	/* Linux's MPOL_BIND */

static int bind_and_run(long node, char **argv)
{
	unsigned long mask[4] = { 0 };

	if (node >= (long)(8 * sizeof(mask))) {
		fprintf(stderr, "ubench: node %ld too large\n", node);
		return 1;
	}
	mask[node / (8 * sizeof(mask[0]))] = 1UL << (node % (8 * sizeof(mask[0])));
	if (syscall(SYS_set_mempolicy, UBENCH_MPOL_BIND, mask,
		    8 * sizeof(mask) + 1)) {
		if (errno != ENOSYS) {
			perror("ubench: set_mempolicy");
			return 1;
		}
		fprintf(stderr, "ubench: no set_mempolicy, running unbound\n");
	}
	execv(argv[0], argv);
	perror("ubench: execv");
	return 1;
}

int main(int nargs, char **args)
{
	const char *cmd = nargs > 1 ? args[1] : "";

	if (!strcmp(cmd, "exit"))
		return 0;
	if (!strcmp(cmd, "now") && nargs == 2) {
		printf("%llu\n", (unsigned long long)(now_ns() / 1000));
		return 0;
	}
	if (!strcmp(cmd, "forkexec") && nargs == 3)
		return run_forkexec(self_path(args[0]), parse_count(args[2]));
	if (!strcmp(cmd, "bind") && nargs >= 4)
		return bind_and_run(strtol(args[2], NULL, 10), args + 3);
	if (!strcmp(cmd, "memcpy") && nargs == 4)
		return copy_rate(parse_count(args[2]), parse_count(args[3]));
	fprintf(stderr,
		"usage: ubench now | forkexec N | memcpy MIB REPS | exit | bind NODE PROG ARG...\n");
	return 1;
}
