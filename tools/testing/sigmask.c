// SPDX-License-Identifier: GPL-2.0
/*
 * sigmask: the signal masks ppoll(2) and pselect6(2) wait with.
 *
 * Each case blocks SIGUSR1, has a child send it while the parent waits
 * on a pipe nobody writes, and checks what the wait's own mask does:
 * a mask that lets SIGUSR1 in ends the wait with EINTR and runs the
 * handler; one that keeps it out lets the wait time out with the signal
 * still pending. After each call the caller's mask is what it was.
 * The last case checks that a process group whose only member has exited
 * but is not yet reaped still exists, as on Linux: kill(-pgrp, 0),
 * kill(pid, 0) and setpgid() into it succeed (a shell's pipeline joins
 * the group of a first command that has already finished).
 * Prints KTAP; exits 0 when every case passed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static int failures, number;

static void on_usr1(int sig __attribute__((unused)))
{
	handled++;
}

static void report(int ok, const char *name, const char *why)
{
	number++;
	if (!ok)
		failures++;
	printf("%sok %d %s%s%s\n", ok ? "" : "not ", number, name,
	       ok ? "" : " # ", ok ? "" : why);
}

/* A child that sends SIGUSR1 to its parent after @ms milliseconds. */
static pid_t send_later(int ms)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		struct timespec t = { 0, ms * 1000000L };

		nanosleep(&t, NULL);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	return pid;
}

static int usr1_blocked(void)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, SIGUSR1);
}

static int usr1_pending(void)
{
	sigset_t set;

	sigpending(&set);
	return sigismember(&set, SIGUSR1);
}

/* Wait on @fd with ppoll (or pselect6) and @mask for up to @ms. */
static int wait_with(int use_select, int fd, const sigset_t *mask, int ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	if (use_select) {
		fd_set in;

		FD_ZERO(&in);
		FD_SET(fd, &in);
		return pselect(fd + 1, &in, NULL, NULL, &t, mask);
	} else {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		return ppoll(&p, 1, &t, mask);
	}
}

static void one_case(int use_select, int let_in)
{
	const char *call = use_select ? "pselect6" : "ppoll";
	char name[64], why[128];
	sigset_t mask;
	int fds[2], ret, err;
	pid_t child;

	if (pipe(fds))
		return report(0, call, "pipe failed");
	handled = 0;
	sigemptyset(&mask);
	if (!let_in)
		sigaddset(&mask, SIGUSR1);
	child = send_later(50);
	ret = wait_with(use_select, fds[0], &mask, let_in ? 5000 : 300);
	err = errno;
	waitpid(child, NULL, 0);
	snprintf(name, sizeof(name), "%s_mask_%s", call,
		 let_in ? "lets_signal_in" : "keeps_signal_out");
	if (let_in) {
		snprintf(why, sizeof(why), "ret %d errno %s handled %d blocked %d",
			 ret, strerror(err), handled, usr1_blocked());
		report(ret == -1 && err == EINTR && handled == 1 &&
		       usr1_blocked(), name, why);
	} else {
		int pending = usr1_pending();

		snprintf(why, sizeof(why), "ret %d handled %d pending %d",
			 ret, handled, pending);
		report(ret == 0 && handled == 0 && pending && usr1_blocked(),
		       name, why);
		/* Take the pending signal: unblock, let the handler run. */
		sigprocmask(SIG_UNBLOCK, &mask, NULL);
		sigprocmask(SIG_BLOCK, &mask, NULL);
	}
	close(fds[0]);
	close(fds[1]);
}

/* A group whose one member is a zombie exists until it is reaped. */
static void zombie_group_case(void)
{
	const char *name = "zombie_process_group";
	pid_t zombie, joiner;
	siginfo_t si;
	int status, pipefd[2], ok;
	char c;

	if (pipe(pipefd))
		return report(0, name, "pipe failed");
	zombie = fork();
	if (zombie == 0) {
		setpgid(0, 0);
		_exit(0);
	}
	joiner = fork();
	if (joiner == 0) {
		/* Waits for the parent's word, then joins the zombie's group. */
		close(pipefd[1]);
		if (read(pipefd[0], &c, 1) != 1)
			_exit(3);
		_exit(setpgid(0, zombie) ? 2 : 0);
	}
	close(pipefd[0]);
	setpgid(zombie, zombie);	/* as a shell does; may race the child */
	memset(&si, 0, sizeof(si));
	/* Exited, not reaped. */
	ok = !waitid(P_PID, zombie, &si, WEXITED | WNOWAIT);
	ok = ok && kill(-zombie, 0) == 0 && kill(zombie, 0) == 0;
	ok = ok && write(pipefd[1], "x", 1) == 1;
	ok = ok && waitpid(joiner, &status, 0) == joiner &&
	     WIFEXITED(status) && WEXITSTATUS(status) == 0;
	close(pipefd[1]);
	waitpid(zombie, &status, 0);
	/* Reaped: the group is gone (the joiner is reaped too). */
	ok = ok && kill(-zombie, 0) == -1 && errno == ESRCH;
	report(ok, name, "a zombie's group did not count as existing");
}

int main(void)
{
	struct sigaction sa;
	sigset_t usr1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);

	printf("KTAP version 1\n1..5\n");
	one_case(0, 1);
	one_case(0, 0);
	one_case(1, 1);
	one_case(1, 0);
	zombie_group_case();
	printf("# sigmask: %d failed\n", failures);
	return failures ? 1 : 0;
}
