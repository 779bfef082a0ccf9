// SPDX-License-Identifier: GPL-2.0
/*
 * uevent_listen: print the kobject uevents the kernel multicasts on
 * NETLINK_KOBJECT_UEVENT group 1, one block per event, for the boot
 * tests (tools/testing/uevent_user.py) and for comparing with Linux.
 *
 *   uevent_listen [-n COUNT] [-t MS]
 *
 * Prints "uevent_listen: ready" once bound, then for each message
 * "uevent: HEADER (from PID)" and every NAME=VALUE on its own line
 * indented by two spaces, then "uevent: end". Stops after COUNT events
 * or when none came for MS milliseconds (default: never), saying
 * "uevent_listen: done N".
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>

static void show(const char *buf, size_t len, unsigned int pid)
{
	size_t at = strnlen(buf, len) + 1;

	printf("uevent: %.*s (from %u)\n", (int)strnlen(buf, len), buf, pid);
	while (at < len) {
		size_t n = strnlen(buf + at, len - at);

		if (n)
			printf("  %.*s\n", (int)n, buf + at);
		at += n + 1;
	}
	printf("uevent: end\n");
	fflush(stdout);
}

int main(int argc, char **argv)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	static char buf[16384];
	long count = -1, seen = 0;
	int timeout = -1, opt, fd;

	while ((opt = getopt(argc, argv, "n:t:")) != -1) {
		if (opt == 'n')
			count = strtol(optarg, NULL, 0);
		else if (opt == 't')
			timeout = (int)strtol(optarg, NULL, 0);
		else
			return 2;
	}
	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
		    NETLINK_KOBJECT_UEVENT);
	if (fd < 0) {
		printf("uevent_listen: socket: %s\n", strerror(errno));
		return 1;
	}
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr))) {
		printf("uevent_listen: bind: %s\n", strerror(errno));
		return 1;
	}
	printf("uevent_listen: ready\n");
	fflush(stdout);
	while (count < 0 || seen < count) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		struct sockaddr_nl from;
		socklen_t fromlen = sizeof(from);
		ssize_t len;
		int ret = poll(&pfd, 1, timeout);

		if (ret == 0)
			break;
		if (ret < 0 && errno == EINTR)
			continue;
		if (ret < 0) {
			printf("uevent_listen: poll: %s\n", strerror(errno));
			return 1;
		}
		memset(&from, 0, sizeof(from));
		len = recvfrom(fd, buf, sizeof(buf) - 1, 0,
			       (struct sockaddr *)&from, &fromlen);
		if (len < 0) {
			printf("uevent_listen: recvfrom: %s\n",
			       strerror(errno));
			if (errno == ENOBUFS)
				continue;
			return 1;
		}
		buf[len] = '\0';
		show(buf, (size_t)len, from.nl_pid);
		seen++;
	}
	printf("uevent_listen: done %ld\n", seen);
	return 0;
}
