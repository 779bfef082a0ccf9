// SPDX-License-Identifier: GPL-2.0
/*
 * memfill: fill anonymous memory with a checksummed pattern and check it
 * later, while the kernel moves it (memory offline migrates pages).
 *
 *   memfill [-S] [-s SEED] [-t SECONDS] MIB
 *
 * Maps MIB MiB of private anonymous memory (with -S, shared anonymous
 * memory, MAP_SHARED | MAP_ANONYMOUS, which a child forked after the
 * fill maps too), writes to every 64-bit word
 * a value computed from SEED and the word's index, and prints
 *   memfill: filled MIB MiB at ADDR, sum SUM
 *   memfill: ready
 * Then, without -t, it reads commands on stdin, one a line:
 *   verify   check every word; print "verify: OK words=N" or
 *            "verify: FAIL bad=N first=OFFSET want=X got=Y"
 *   refill   write the pattern again (after a FAIL, to go on)
 *   quit     exit: status 0 if every verify passed, 1 if one failed
 * (end of input is quit). With -t it does not read stdin: it waits up to
 * SECONDS, verifies once and exits with that status; SIGUSR1 verifies at
 * once and goes on waiting, SIGTERM or SIGINT end the wait early. So a
 * shell script can run `memfill -t 600 64 &`, work, `kill -USR1 $!` and
 * `kill $!; wait $!`. With -S the child checks the memory once more,
 * through its own mapping, when memfill ends; if that fails memfill
 * prints "verify: FAIL in the process sharing the memory" and exits 1.
 *
 * Built static by the Makefile (gcc -static) into the initramfs.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t *area;
static size_t nwords;
static uint64_t seed = 0x7469646531ULL;	/* "tide1" */
static volatile sig_atomic_t verify_now, stop_now;
static int failed;
static pid_t sharer;	/* -S: the child that maps the memory too */

/* A 64-bit mix of the seed and the index: every word differs. */
static uint64_t pattern(uint64_t i)
{
	uint64_t x = seed + i * 0x9e3779b97f4a7c15ULL;

	x ^= x >> 31;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 29;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 32);
}

static uint64_t fill(void)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < nwords; i++) {
		area[i] = pattern(i);
		sum += area[i];
	}
	return sum;
}

/* Words that differ from the pattern; the first one's index in *@first. */
static size_t count_bad(size_t *first)
{
	size_t i, bad = 0;

	for (i = 0; i < nwords; i++)
		if (area[i] != pattern(i) && !bad++)
			*first = i;
	return bad;
}

static int verify(void)
{
	size_t first = 0, bad = count_bad(&first);
	uint64_t want = pattern(first), got = area[first];

	if (!bad) {
		printf("verify: OK words=%zu\n", nwords);
	} else {
		printf("verify: FAIL bad=%zu first=%#zx want=%#llx got=%#llx\n",
		       bad, first * sizeof(*area), (unsigned long long)want,
		       (unsigned long long)got);
		failed = 1;
	}
	fflush(stdout);
	return bad ? 1 : 0;
}

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		verify_now = 1;
	else
		stop_now = 1;
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/*
 * -S: fork the child that shares the memory. It waits until memfill
 * ends it (SIGTERM) or is gone, checks every word quietly and exits 0 if
 * all are right.
 */
static int start_sharer(void)
{
	size_t first;

	catch_signals();	/* before the fork: the child has them at once */
	sharer = fork();
	if (sharer < 0) {
		printf("memfill: fork: %s\n", strerror(errno));
		return -1;
	}
	if (sharer)
		return 0;
	while (!stop_now && getppid() != 1) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	_exit(count_bad(&first) ? 1 : 0);
}

/* -S: end the child and collect its verdict. Return 1 if it failed. */
static int end_sharer(void)
{
	int status;

	if (!sharer)
		return 0;
	kill(sharer, SIGTERM);
	if (waitpid(sharer, &status, 0) == sharer && WIFEXITED(status) &&
	    !WEXITSTATUS(status))
		return 0;
	printf("verify: FAIL in the process sharing the memory\n");
	fflush(stdout);
	return 1;
}

static int timed_run(long seconds)
{
	time_t end = time(NULL) + seconds;

	catch_signals();
	while (!stop_now && time(NULL) < end) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		if (verify_now) {
			verify_now = 0;
			verify();
		}
	}
	return verify() || failed;
}

static int command_loop(void)
{
	char line[128];

	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!strcmp(line, "verify")) {
			verify();
		} else if (!strcmp(line, "refill")) {
			printf("refill: sum %#llx\n", (unsigned long long)fill());
			fflush(stdout);
		} else if (!strcmp(line, "quit")) {
			break;
		} else if (line[0]) {
			printf("memfill: unknown command '%s'\n", line);
			fflush(stdout);
		}
	}
	return failed;
}

int main(int argc, char **argv)
{
	int flags = MAP_PRIVATE | MAP_ANONYMOUS;
	long seconds = -1;
	unsigned long mib;
	uint64_t sum;
	char *end;
	int opt, ret;

	while ((opt = getopt(argc, argv, "Ss:t:")) != -1) {
		switch (opt) {
		case 'S':
			flags = MAP_SHARED | MAP_ANONYMOUS;
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 't':
			seconds = strtol(optarg, NULL, 0);
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc - 1)
		goto usage;
	mib = strtoul(argv[optind], &end, 0);
	if (*end || !mib)
		goto usage;

	nwords = (mib << 20) / sizeof(*area);
	area = mmap(NULL, mib << 20, PROT_READ | PROT_WRITE, flags, -1, 0);
	if (area == MAP_FAILED) {
		printf("memfill: mmap of %lu MiB: %s\n", mib, strerror(errno));
		return 2;
	}
	sum = fill();
	printf("memfill: filled %lu MiB at %p, sum %#llx\n", mib, (void *)area,
	       (unsigned long long)sum);
	fflush(stdout);
	if ((flags & MAP_SHARED) && start_sharer())
		return 2;
	printf("memfill: ready\n");
	fflush(stdout);
	ret = seconds >= 0 ? timed_run(seconds) : command_loop();
	return end_sharer() || ret;
usage:
	fprintf(stderr, "usage: %s [-S] [-s SEED] [-t SECONDS] MIB\n",
		argv[0]);
	return 2;
}
