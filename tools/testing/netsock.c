// SPDX-License-Identifier: GPL-2.0
/*
 * netsock: the socket calls as user space sees them on AF_NETLINK.
 *
 * socket()'s errnos for families, types and protocols, the file a
 * socket is (S_IFSOCK, close-on-exec, O_NONBLOCK), bind and autobind
 * with getsockname, the SOL_SOCKET and SOL_NETLINK options with the
 * values Linux reports, poll, nonblocking receives, datagrams between
 * two sockets (sender address, SCM_CREDENTIALS, MSG_PEEK, MSG_TRUNC,
 * scattered recvmsg), multicast to a group with ENOBUFS after a loss,
 * a receive woken by another process, and the calls netlink refuses.
 * Prints KTAP; exits 0 when every case passed. "netsock send" sends a
 * uevent-shaped datagram (see send_words()).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define UEV	NETLINK_KOBJECT_UEVENT

static int failures, number;
static char why[256];

static void report(int ok, const char *name)
{
	number++;
	if (!ok)
		failures++;
	printf("%sok %d %s%s%s\n", ok ? "" : "not ", number, name,
	       ok ? "" : " # ", ok ? "" : why);
	why[0] = 0;
}

/* Records the first mismatch of a case in why[]; returns @ok. */
static int expect(int ok, const char *what, long got, long want)
{
	if (!ok && !why[0])
		snprintf(why, sizeof(why), "%s: got %ld, want %ld", what, got,
			 want);
	return ok;
}

/* @ret is -1 with errno @err. */
static int fails(long ret, int err, const char *what)
{
	if (ret == -1 && errno == err)
		return 1;
	if (!why[0])
		snprintf(why, sizeof(why), "%s: ret %ld errno %d (%s), want %d",
			 what, ret, ret == -1 ? errno : 0,
			 ret == -1 ? strerror(errno) : "-", err);
	return 0;
}

static int eq(long got, long want, const char *what)
{
	return expect(got == want, what, got, want);
}

static int nl_socket(int extra)
{
	return socket(AF_NETLINK, SOCK_DGRAM | extra, UEV);
}

static int nl_bind(int fd, unsigned int pid, unsigned int groups)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK, .nl_pid = pid,
				 .nl_groups = groups };

	return bind(fd, (struct sockaddr *)&a, sizeof(a));
}

static unsigned int nl_pid_of(int fd)
{
	struct sockaddr_nl a;
	socklen_t len = sizeof(a);

	if (getsockname(fd, (struct sockaddr *)&a, &len))
		return 0;
	return a.nl_pid;
}

static int get_int(int fd, int level, int name)
{
	int v = -12345;
	socklen_t len = sizeof(v);

	if (getsockopt(fd, level, name, &v, &len))
		return -errno - 100000;
	return v;
}

static int set_int(int fd, int level, int name, int v)
{
	return setsockopt(fd, level, name, &v, sizeof(v));
}

static void case_socket_errnos(void)
{
	int ok = 1;

	ok &= fails(socket(AF_INET, SOCK_DGRAM, 0), EAFNOSUPPORT, "AF_INET");
	ok &= fails(socket(46, SOCK_DGRAM, 0), EAFNOSUPPORT, "family 46");
	ok &= fails(socket(-1, SOCK_DGRAM, 0), EAFNOSUPPORT, "family -1");
	ok &= fails(socket(AF_NETLINK, SOCK_STREAM, UEV), ESOCKTNOSUPPORT,
		    "SOCK_STREAM");
	ok &= fails(socket(AF_NETLINK, SOCK_SEQPACKET, UEV), ESOCKTNOSUPPORT,
		    "SOCK_SEQPACKET");
	ok &= fails(socket(AF_NETLINK, 11, UEV), EINVAL, "type 11");
	ok &= fails(socket(AF_NETLINK, SOCK_DGRAM | O_APPEND, UEV), EINVAL,
		    "type with O_APPEND");
	ok &= fails(socket(AF_NETLINK, SOCK_DGRAM, 32), EPROTONOSUPPORT,
		    "protocol 32");
	ok &= fails(socket(AF_NETLINK, SOCK_DGRAM, -1), EPROTONOSUPPORT,
		    "protocol -1");
	report(ok, "socket_errnos");
}

static void case_socket_file(void)
{
	int fd = nl_socket(SOCK_CLOEXEC | SOCK_NONBLOCK);
	int raw = socket(AF_NETLINK, SOCK_RAW, UEV);
	char path[64], link[64] = "";
	struct stat st;
	int ok = eq(fd >= 0, 1, "socket") & eq(raw >= 0, 1, "SOCK_RAW");

	ok &= eq(fstat(fd, &st), 0, "fstat");
	ok &= eq(S_ISSOCK(st.st_mode), 1, "S_ISSOCK");
	ok &= eq(fcntl(fd, F_GETFD), FD_CLOEXEC, "F_GETFD");
	ok &= eq(!!(fcntl(fd, F_GETFL) & O_NONBLOCK), 1, "O_NONBLOCK");
	ok &= eq(fcntl(raw, F_GETFD), 0, "F_GETFD without SOCK_CLOEXEC");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	ok &= eq(readlink(path, link, sizeof(link) - 1) > 0, 1, "readlink");
	ok &= eq(!strncmp(link, "socket:[", 8), 1, "fd link socket:[N]");
	ok &= fails(lseek(fd, 0, SEEK_SET), ESPIPE, "lseek");
	ok &= eq(get_int(raw, SOL_SOCKET, SO_TYPE), SOCK_RAW, "SO_TYPE raw");
	close(fd);
	close(raw);
	report(ok, "socket_file");
}

static void case_not_a_socket(void)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof(a);
	int p[2], v = 1, ok = 1;
	char c;

	ok &= eq(pipe(p), 0, "pipe");
	ok &= fails(bind(p[0], (struct sockaddr *)&a, sizeof(a)), ENOTSOCK,
		    "bind pipe");
	ok &= fails(getsockname(p[0], (struct sockaddr *)&a, &len), ENOTSOCK,
		    "getsockname pipe");
	ok &= fails(setsockopt(p[1], SOL_SOCKET, SO_RCVBUF, &v, sizeof(v)),
		    ENOTSOCK, "setsockopt pipe");
	ok &= fails(recv(p[0], &c, 1, MSG_DONTWAIT), ENOTSOCK, "recv pipe");
	ok &= fails(send(p[1], &c, 1, 0), ENOTSOCK, "send pipe");
	ok &= fails(listen(p[0], 1), ENOTSOCK, "listen pipe");
	ok &= fails(bind(999, (struct sockaddr *)&a, sizeof(a)), EBADF,
		    "bind fd 999");
	ok &= fails(recvfrom(-1, &c, 1, 0, NULL, NULL), EBADF, "recv fd -1");
	close(p[0]);
	close(p[1]);
	report(ok, "not_a_socket");
}

static void case_bind_and_names(void)
{
	int a = nl_socket(0), b = nl_socket(0), c = nl_socket(0);
	struct sockaddr_nl n;
	socklen_t len = sizeof(n);
	int ok = 1;

	memset(&n, 0xff, sizeof(n));
	ok &= eq(getsockname(a, (struct sockaddr *)&n, &len), 0, "name");
	ok &= eq(len, sizeof(n), "name length") &
	      eq(n.nl_family, AF_NETLINK, "family") &
	      eq(n.nl_pad, 0, "pad") & eq(n.nl_pid, 0, "unbound nl_pid") &
	      eq(n.nl_groups, 0, "unbound groups");
	ok &= eq(nl_bind(a, 0, 1), 0, "bind autobind");
	len = sizeof(n);
	getsockname(a, (struct sockaddr *)&n, &len);
	ok &= eq(n.nl_pid, getpid(), "autobound nl_pid is the pid");
	ok &= eq(n.nl_groups, 1, "groups");
	ok &= eq(nl_bind(b, 0, 0), 0, "second autobind");
	ok &= eq((int)nl_pid_of(b) < 0, 1, "second id negative");
	ok &= fails(nl_bind(c, getpid(), 0), EADDRINUSE, "taken nl_pid");
	ok &= fails(nl_bind(a, 12345, 1), EINVAL, "rebind another id");
	ok &= eq(nl_bind(a, getpid(), 3), 0, "rebind same id");
	len = sizeof(n);
	getsockname(a, (struct sockaddr *)&n, &len);
	ok &= eq(n.nl_groups, 3, "groups replaced");
	n = (struct sockaddr_nl){ .nl_family = AF_UNIX };
	ok &= fails(bind(c, (struct sockaddr *)&n, sizeof(n)), EINVAL,
		    "family AF_UNIX");
	n.nl_family = AF_NETLINK;
	ok &= fails(bind(c, (struct sockaddr *)&n, sizeof(n) - 1), EINVAL,
		    "short address");
	ok &= fails(bind(c, (struct sockaddr *)&n, 129), EINVAL,
		    "address over 128 bytes");
	ok &= fails(bind(c, (struct sockaddr *)&n, -1), EINVAL,
		    "negative length");
	ok &= fails(bind(c, (struct sockaddr *)8, sizeof(n)), EFAULT,
		    "bad address");
	/* A short buffer gets the first bytes and the whole length. */
	memset(&n, 0, sizeof(n));
	len = 4;
	ok &= eq(getsockname(a, (struct sockaddr *)&n, &len), 0, "short");
	ok &= eq(len, 12, "short: whole length") &
	      eq(n.nl_family, AF_NETLINK, "short: family") &
	      eq(n.nl_pid, 0, "short: nothing past 4 bytes");
	len = -1;
	ok &= fails(getsockname(a, (struct sockaddr *)&n, &len), EINVAL,
		    "negative length");
	ok &= fails(getsockname(a, (struct sockaddr *)&n, (socklen_t *)8),
		    EFAULT, "bad length pointer");
	len = sizeof(n);
	ok &= eq(getpeername(a, (struct sockaddr *)&n, &len), 0, "peer");
	ok &= eq(n.nl_pid, 0, "peer nl_pid") & eq(n.nl_groups, 0, "peer grp");
	close(a);
	close(b);
	close(c);
	report(ok, "bind_and_names");
}

/* net.core.rmem_max, or Linux's default where the file is missing. */
static int sysctl_rmem_max(void)
{
	FILE *f = fopen("/proc/sys/net/core/rmem_max", "r");
	int v = 212992;

	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = 212992;
		fclose(f);
	}
	return v;
}

static void case_options(void)
{
	int fd = nl_socket(0), ok = 1, v, cap = sysctl_rmem_max();
	socklen_t len;

	ok &= eq(get_int(fd, SOL_SOCKET, SO_RCVBUF), 212992, "SO_RCVBUF");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_SNDBUF), 212992, "SO_SNDBUF");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_TYPE), SOCK_DGRAM, "SO_TYPE");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_PROTOCOL), UEV, "SO_PROTOCOL");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_DOMAIN), AF_NETLINK, "SO_DOMAIN");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_ERROR), 0, "SO_ERROR");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_PASSCRED), 0, "SO_PASSCRED");
	ok &= eq(set_int(fd, SOL_SOCKET, SO_RCVBUF, 2 << 20), 0, "set");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_RCVBUF), 2 * (cap < (2 << 20) ? cap : (2 << 20)),
		 "SO_RCVBUF capped at rmem_max, doubled");
	ok &= eq(set_int(fd, SOL_SOCKET, SO_RCVBUFFORCE, 2 << 20), 0, "set");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_RCVBUF), 4194304,
		 "SO_RCVBUFFORCE doubled");
	set_int(fd, SOL_SOCKET, SO_RCVBUF, 100);
	ok &= eq(get_int(fd, SOL_SOCKET, SO_RCVBUF), 2304, "SO_RCVBUF floor");
	set_int(fd, SOL_SOCKET, SO_RCVBUF, -1);
	ok &= eq(get_int(fd, SOL_SOCKET, SO_RCVBUF), 2 * cap, "SO_RCVBUF -1");
	set_int(fd, SOL_SOCKET, SO_SNDBUF, 10000);
	ok &= eq(get_int(fd, SOL_SOCKET, SO_SNDBUF), 20000, "SO_SNDBUF");
	set_int(fd, SOL_SOCKET, SO_SNDBUF, 1);
	ok &= eq(get_int(fd, SOL_SOCKET, SO_SNDBUF), 4608, "SO_SNDBUF floor");
	ok &= eq(set_int(fd, SOL_SOCKET, SO_PASSCRED, 5), 0, "SO_PASSCRED");
	ok &= eq(get_int(fd, SOL_SOCKET, SO_PASSCRED), 1, "SO_PASSCRED on");
	set_int(fd, SOL_SOCKET, SO_REUSEADDR, 7);
	ok &= eq(get_int(fd, SOL_SOCKET, SO_REUSEADDR), 1, "SO_REUSEADDR");
	v = 1;
	ok &= fails(setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, 2), EINVAL,
		    "optlen 2");
	ok &= fails(setsockopt(fd, SOL_SOCKET, SO_RCVBUF, (void *)8, 4),
		    EFAULT, "bad optval");
	ok &= fails(set_int(fd, SOL_SOCKET, 999, 1), ENOPROTOOPT,
		    "unknown option");
	ok &= fails(set_int(fd, 6, 1, 1), ENOPROTOOPT, "level TCP");
	len = 2;
	v = 0;
	ok &= eq(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len), 0, "short");
	ok &= eq(len, 2, "short optlen") & eq(v, SOCK_DGRAM, "short value");
	len = -1;
	ok &= fails(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len), EINVAL,
		    "negative optlen");
	ok &= eq(get_int(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS), 0, "NO_ENOBUFS");
	ok &= eq(set_int(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, 1), 0, "set");
	ok &= eq(get_int(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS), 1, "NO_ENOBUFS");
	ok &= fails(set_int(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, 0),
		    EINVAL, "membership of group 0");
	close(fd);
	report(ok, "options");
}

static void case_idle(void)
{
	int fd = nl_socket(SOCK_NONBLOCK), blk = nl_socket(0), ok = 1;
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLOUT };
	char buf[16];

	nl_bind(fd, 0, 1);
	nl_bind(blk, 0, 1);
	ok &= eq(poll(&p, 1, 0), 1, "poll");
	ok &= eq(p.revents, POLLOUT, "revents with nothing queued");
	p.events = POLLIN;
	ok &= eq(poll(&p, 1, 50), 0, "poll for input times out");
	ok &= fails(recv(fd, buf, sizeof(buf), 0), EAGAIN, "O_NONBLOCK recv");
	ok &= fails(read(fd, buf, sizeof(buf)), EAGAIN, "O_NONBLOCK read");
	ok &= eq(read(fd, buf, 0), 0, "read of 0 bytes");
	ok &= fails(recv(blk, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN,
		    "MSG_DONTWAIT");
	fcntl(blk, F_SETFL, O_NONBLOCK);
	ok &= fails(recvfrom(blk, buf, sizeof(buf), 0, NULL, NULL), EAGAIN,
		    "F_SETFL O_NONBLOCK");
	ok &= fails(recv(fd, buf, sizeof(buf), MSG_OOB), EOPNOTSUPP,
		    "MSG_OOB");
	close(fd);
	close(blk);
	report(ok, "idle");
}

/* Send @len bytes of @msg from @fd to port @pid / @groups. */
static ssize_t nl_send(int fd, const void *msg, size_t len,
		       unsigned int pid, unsigned int groups)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK, .nl_pid = pid,
				 .nl_groups = groups };

	return sendto(fd, msg, len, 0, (struct sockaddr *)&a, sizeof(a));
}

static void case_unicast(void)
{
	static char big[256 << 10];
	int a = nl_socket(SOCK_NONBLOCK), b = nl_socket(0), ok = 1;
	char buf[32], ctl[CMSG_SPACE(sizeof(struct ucred))], one[3], two[8];
	struct iovec iov[2] = { { one, sizeof(one) }, { two, sizeof(two) } };
	struct sockaddr_nl from;
	struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof(from),
			    .msg_iov = iov, .msg_iovlen = 2,
			    .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct cmsghdr *h = (struct cmsghdr *)ctl;
	struct ucred *cr = (struct ucred *)CMSG_DATA(h);
	socklen_t len = sizeof(from);
	unsigned int ida, idb;

	nl_bind(a, 0, 0);
	ida = nl_pid_of(a);
	ok &= eq(nl_send(b, "hello", 5, ida, 0), 5, "sendto");
	idb = nl_pid_of(b);
	ok &= eq(idb != 0 && idb != ida, 1, "sender autobound");
	ok &= eq(recv(a, buf, 2, MSG_PEEK), 2, "MSG_PEEK");
	ok &= eq(recv(a, buf, 2, MSG_PEEK | MSG_TRUNC), 5, "PEEK|TRUNC");
	memset(&from, 0xff, sizeof(from));
	ok &= eq(recvfrom(a, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			  &len), 5, "recvfrom");
	ok &= eq(!memcmp(buf, "hello", 5), 1, "data");
	ok &= eq(len, 12, "address length") &
	      eq(from.nl_pid, idb, "sender nl_pid") &
	      eq(from.nl_groups, 0, "sender groups") &
	      eq(from.nl_family, AF_NETLINK, "sender family");
	/* Scattered, with the sender's credentials. */
	set_int(a, SOL_SOCKET, SO_PASSCRED, 1);
	/* Unconnected, write() goes to the kernel, which takes it. */
	ok &= eq(write(b, "x", 1), 1, "write unconnected");
	nl_send(b, "abcdefghij", 10, ida, 0);
	ok &= eq(recvmsg(a, &m, 0), 10, "recvmsg");
	ok &= eq(!memcmp(one, "abc", 3) && !memcmp(two, "defghij", 7), 1,
		 "scattered data");
	ok &= eq(m.msg_namelen, 12, "msg_namelen") &
	      eq(m.msg_flags, 0, "msg_flags") &
	      eq(m.msg_controllen, CMSG_SPACE(sizeof(*cr)), "msg_controllen");
	ok &= eq(h->cmsg_level, SOL_SOCKET, "cmsg_level") &
	      eq(h->cmsg_type, SCM_CREDENTIALS, "cmsg_type") &
	      eq(cr->pid, getpid(), "cred pid") & eq(cr->uid, 0, "uid");
	/* Truncated: MSG_TRUNC in msg_flags, the rest is lost. */
	nl_send(b, "0123456789abcdefghijklmnopq", 27, ida, 0);
	m.msg_controllen = 0;
	m.msg_control = NULL;
	ok &= eq(recvmsg(a, &m, 0), 11, "recvmsg truncated");
	ok &= eq(m.msg_flags, MSG_TRUNC | MSG_CTRUNC, "MSG_TRUNC|CTRUNC");
	ok &= fails(recv(a, buf, sizeof(buf), 0), EAGAIN, "rest lost");
	/* connect() makes write() go there. */
	from = (struct sockaddr_nl){ .nl_family = AF_NETLINK, .nl_pid = ida };
	ok &= eq(connect(b, (struct sockaddr *)&from, sizeof(from)), 0, "conn");
	ok &= eq(write(b, "w", 1), 1, "write connected");
	ok &= eq(read(a, buf, sizeof(buf)), 1, "read");
	len = sizeof(from);
	getpeername(b, (struct sockaddr *)&from, &len);
	ok &= eq(from.nl_pid, ida, "getpeername");
	ok &= fails(nl_send(b, "z", 1, 0x7ffff000, 0), ECONNREFUSED,
		    "nobody at that port");
	ok &= fails(nl_send(b, big, 212992 - 31, ida, 0), EMSGSIZE,
		    "over SO_SNDBUF - 32");
	ok &= eq(nl_send(b, big, 212992 - 32, ida, 0), 212992 - 32,
		 "SO_SNDBUF - 32");
	ok &= eq(recv(a, big, sizeof(big), 0), 212992 - 32, "big datagram");
	close(a);
	close(b);
	report(ok, "unicast");
}

/* Multicast from a process: members get it; a full one loses it. */
static void case_multicast_enobufs(void)
{
	int a = nl_socket(SOCK_NONBLOCK), b = nl_socket(0), ok = 1, i, got, c;
	static char msg[1000], buf[1000];
	struct sockaddr_nl from;
	socklen_t len = sizeof(from);
	struct pollfd p = { .fd = a, .events = POLLIN };

	nl_bind(a, 0, 1);
	nl_bind(b, 0, 0);
	/* Sent to group 1 and port 0: the kernel takes a copy too. */
	ok &= eq(nl_send(b, "m", 1, 0, 1), 1, "to group 1");
	ok &= eq(recvfrom(a, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			  &len), 1, "member got it");
	ok &= eq(from.nl_groups, 1, "sender groups") &
	      eq(from.nl_pid, nl_pid_of(b), "sender nl_pid");
	set_int(a, SOL_SOCKET, SO_RCVBUF, 0);
	for (i = 0; i < 10; i++)
		nl_send(b, msg, sizeof(msg), 0, 1);
	ok &= eq(poll(&p, 1, 0), 1, "poll");
	ok &= eq(p.revents, POLLIN | POLLERR, "POLLIN|POLLERR");
	ok &= fails(recv(a, buf, sizeof(buf), 0), ENOBUFS, "ENOBUFS");
	for (got = 0; recv(a, buf, sizeof(buf), 0) > 0; got++)
		;
	ok &= eq(errno, EAGAIN, "then EAGAIN") &
	      expect(got > 0 && got < 10, "queued before the loss", got, 2);
	ok &= eq(get_int(a, SOL_SOCKET, SO_ERROR), 0, "error taken");
	/* NETLINK_NO_ENOBUFS: the same losses, unreported. */
	set_int(a, SOL_NETLINK, NETLINK_NO_ENOBUFS, 1);
	for (i = 0; i < 10; i++)
		nl_send(b, msg, sizeof(msg), 0, 1);
	for (got = 0; recv(a, buf, sizeof(buf), 0) > 0; got++)
		;
	ok &= eq(errno, EAGAIN, "no ENOBUFS") &
	      expect(got > 0 && got < 10, "queued", got, 2);
	/* A member by NETLINK_ADD_MEMBERSHIP, never bound: port 0, left
	 * out of sends to port 0. Bound, it gets them.
	 */
	c = nl_socket(SOCK_NONBLOCK);
	ok &= eq(set_int(c, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, 1), 0, "add");
	nl_send(b, "u", 1, 0, 1);
	ok &= fails(recv(c, buf, sizeof(buf), 0), EAGAIN, "unbound member");
	nl_bind(c, 0, 0);
	nl_send(b, "u", 1, 0, 1);
	ok &= fails(recv(c, buf, sizeof(buf), 0), EAGAIN, "bind cleared it");
	set_int(c, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, 1);
	nl_send(b, "u", 1, 0, 1);
	ok &= eq(recv(c, buf, sizeof(buf), 0), 1, "bound member");
	close(c);
	close(a);
	close(b);
	report(ok, "multicast_enobufs");
}

/* A blocked receive and a blocked poll wake for another process. */
static void case_wakeup(void)
{
	int a = nl_socket(0), ok = 1, status;
	struct pollfd p = { .fd = a, .events = POLLIN };
	unsigned int id;
	char buf[8];
	pid_t pid;

	nl_bind(a, 0, 0);
	id = nl_pid_of(a);
	pid = fork();
	if (pid == 0) {
		struct timespec t = { 0, 200 * 1000000L };
		int s = nl_socket(0);

		nanosleep(&t, NULL);
		nl_send(s, "one", 3, id, 0);
		nanosleep(&t, NULL);
		nl_send(s, "two", 3, id, 0);
		_exit(0);
	}
	ok &= eq(recv(a, buf, sizeof(buf), 0), 3, "blocking recv");
	ok &= eq(poll(&p, 1, 5000), 1, "poll woken");
	ok &= eq(recv(a, buf, sizeof(buf), 0), 3, "second");
	waitpid(pid, &status, 0);
	close(a);
	report(ok, "wakeup");
}

/* SO_RCVTIMEO/SO_SNDTIMEO: Linux keeps them in 250 Hz ticks. */
static void case_timeouts(void)
{
	int fd = nl_socket(0), ok = 1;
	struct timeval tv = { 0, 100000 }, got;
	socklen_t len = sizeof(got);
	struct timespec t0, t1;
	long ms;
	char c;

	nl_bind(fd, 0, 0);
	ok &= eq(getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &got, &len), 0, "get");
	ok &= eq(len, 16, "timeval length") & eq(got.tv_sec, 0, "none: sec") &
	      eq(got.tv_usec, 0, "none: usec");
	ok &= eq(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), 0,
		 "set 100 ms");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok &= fails(recv(fd, &c, 1, 0), EAGAIN, "recv times out");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	ok &= expect(ms >= 90 && ms < 2000, "waited ms", ms, 100);
	tv = (struct timeval){ 1, 1 };
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &got, &len);
	ok &= eq(got.tv_sec, 1, "rounded: sec") &
	      eq(got.tv_usec, 4000, "rounded up to a tick");
	tv.tv_usec = 1000000;
	ok &= fails(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)),
		    EDOM, "tv_usec 1000000");
	ok &= fails(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, 8), EINVAL,
		    "short timeval");
	tv = (struct timeval){ -1, 0 };
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	ok &= fails(recv(fd, &c, 1, 0), EAGAIN, "negative: no wait");
	close(fd);
	report(ok, "timeouts");
}

static void case_refused_calls(void)
{
	int fd = nl_socket(0), sv[2], ok = 1;

	ok &= fails(listen(fd, 5), EOPNOTSUPP, "listen");
	ok &= fails(accept(fd, NULL, NULL), EOPNOTSUPP, "accept");
	ok &= fails(accept4(fd, NULL, NULL, 0x1234), EINVAL, "accept4 flags");
	ok &= fails(shutdown(fd, SHUT_RDWR), EOPNOTSUPP, "shutdown");
	ok &= fails(socketpair(AF_NETLINK, SOCK_DGRAM, UEV, sv), EOPNOTSUPP,
		    "socketpair netlink");
	ok &= fails(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, 8), EFAULT,
		    "socketpair bad vector");
	ok &= fails(socketpair(AF_INET, SOCK_STREAM, 0, sv), EAFNOSUPPORT,
		    "socketpair AF_INET");
	close(fd);
	report(ok, "refused_calls");
}

/*
 * netsock send GROUP WORD...: one datagram to the uevent group GROUP,
 * the words separated by NULs as in a uevent (for testing listeners
 * such as mdev -d without a device).
 */
static int send_words(int argc, char **argv)
{
	static char msg[8192];
	size_t len = 0, n;
	int fd = nl_socket(0), i;

	for (i = 3; i < argc; i++) {
		n = strlen(argv[i]) + 1;
		if (len + n > sizeof(msg))
			return 2;
		memcpy(msg + len, argv[i], n);
		len += n;
	}
	if (nl_send(fd, msg, len, 0, 1U << (atoi(argv[2]) - 1)) < 0) {
		perror("netsock send");
		return 1;
	}
	return 0;
}

/* AF_UNIX pairs: a stream, its half-close and its end. */
static void case_unix_stream(void)
{
	static char big[1 << 20];
	int sv[2], ok = 1, status, n;
	struct pollfd p;
	char buf[16];
	long total;
	pid_t pid;

	ok &= eq(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0,
		 "socketpair");
	ok &= eq(write(sv[0], "hello", 5), 5, "write");
	ok &= eq(recv(sv[1], buf, 2, MSG_PEEK), 2, "peek");
	ok &= eq(read(sv[1], buf, 3), 3, "read 3");
	ok &= eq(read(sv[1], buf, 16), 2, "read the rest");
	ok &= eq(!memcmp(buf, "lo", 2), 1, "bytes in order");
	ok &= fails(read(sv[1], buf, 16), EAGAIN, "empty");
	p = (struct pollfd){ .fd = sv[1], .events = POLLIN | POLLOUT };
	ok &= eq(poll(&p, 1, 0), 1, "poll") & eq(p.revents, POLLOUT, "idle");
	ok &= eq(shutdown(sv[0], SHUT_WR), 0, "SHUT_WR");
	ok &= eq(read(sv[1], buf, 16), 0, "end of file");
	p.events = POLLIN | POLLOUT | POLLRDHUP;
	poll(&p, 1, 0);
	ok &= eq(p.revents, POLLIN | POLLOUT | POLLRDHUP, "after SHUT_WR");
	ok &= eq(write(sv[1], "back", 4), 4, "other way still open");
	ok &= eq(read(sv[0], buf, 16), 4, "read back");
	ok &= fails(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE, "write shut");
	ok &= fails(shutdown(sv[0], 3), EINVAL, "how 3");
	close(sv[0]);
	poll(&p, 1, 0);
	ok &= eq(p.revents, POLLIN | POLLOUT | POLLRDHUP | POLLHUP, "closed");
	ok &= fails(send(sv[1], "x", 1, MSG_NOSIGNAL), EPIPE, "peer closed");
	close(sv[1]);
	/* A megabyte through the send buffer, the reader blocking. */
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pid = fork();
	if (pid == 0) {
		close(sv[1]);
		memset(big, 'b', sizeof(big));
		_exit(write(sv[0], big, sizeof(big)) == sizeof(big) ? 0 : 1);
	}
	close(sv[0]);
	for (total = 0; (n = read(sv[1], big, 4096)) > 0; total += n)
		;
	waitpid(pid, &status, 0);
	ok &= eq(total, sizeof(big), "bytes through") &
	      eq(n, 0, "then end of file") & eq(status, 0, "writer");
	close(sv[1]);
	report(ok, "unix_stream");
}

static void case_unix_messages(void)
{
	char buf[16], ctl[CMSG_SPACE(sizeof(struct ucred))];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct ucred *cr = (struct ucred *)CMSG_DATA((struct cmsghdr *)ctl);
	struct sockaddr_storage a;
	struct sockaddr_un un;
	socklen_t len = sizeof(a);
	int sv[2], ok = 1, fd;

	ok &= eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0, "dgram pair");
	send(sv[0], "one", 3, 0);
	send(sv[0], "three", 5, 0);
	ok &= eq(recv(sv[1], buf, 16, 0), 3, "first whole");
	ok &= eq(recv(sv[1], buf, 2, MSG_TRUNC), 5, "MSG_TRUNC");
	ok &= eq(getsockname(sv[0], (struct sockaddr *)&a, &len), 0, "name");
	ok &= eq(len, 2, "unnamed: family only") &
	      eq(a.ss_family, AF_UNIX, "AF_UNIX");
	len = sizeof(a);
	ok &= eq(getpeername(sv[0], (struct sockaddr *)&a, &len), 0, "peer");
	set_int(sv[1], SOL_SOCKET, SO_PASSCRED, 1);
	send(sv[0], "c", 1, 0);
	ok &= eq(recvmsg(sv[1], &m, 0), 1, "recvmsg");
	ok &= eq(cr->pid, getpid(), "SCM_CREDENTIALS pid");
	close(sv[1]);
	ok &= fails(send(sv[0], "x", 1, 0), ECONNREFUSED, "reader gone");
	close(sv[0]);
	ok &= eq(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0, "seqpacket");
	send(sv[0], "ab", 2, 0);
	send(sv[0], "cd", 2, 0);
	ok &= eq(recv(sv[1], buf, 16, 0), 2, "one message");
	close(sv[0]);
	ok &= eq(recv(sv[1], buf, 16, 0), 2, "queued one");
	ok &= eq(recv(sv[1], buf, 16, 0), 0, "then end of file");
	close(sv[1]);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	len = sizeof(a);
	ok &= fails(getpeername(fd, (struct sockaddr *)&a, &len), ENOTCONN,
		    "unconnected peer");
	ok &= fails(send(fd, "x", 1, 0), ENOTCONN, "unconnected send");
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/nonexistent/sock");
	ok &= fails(connect(fd, (struct sockaddr *)&un, sizeof(un)), ENOENT,
		    "connect to no file");
	ok &= fails(connect(fd, (struct sockaddr *)&a, sizeof(a)), EINVAL,
		    "address over sockaddr_un");
	close(fd);
	ok &= fails(socket(AF_UNIX, SOCK_STREAM, 5), EPROTONOSUPPORT,
		    "protocol 5");
	ok &= fails(socket(AF_UNIX, SOCK_PACKET, 0), ESOCKTNOSUPPORT,
		    "SOCK_PACKET");
	report(ok, "unix_messages");
}

int main(int argc, char **argv)
{
	if (argc > 3 && !strcmp(argv[1], "send"))
		return send_words(argc, argv);
	printf("KTAP version 1\n1..13\n");
	case_socket_errnos();
	case_socket_file();
	case_not_a_socket();
	case_bind_and_names();
	case_options();
	case_idle();
	case_unicast();
	case_multicast_enobufs();
	case_wakeup();
	case_timeouts();
	case_unix_stream();
	case_unix_messages();
	case_refused_calls();
	printf("# netsock: %d of %d failed\n", failures, number);
	return failures ? 1 : 0;
}
