// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for AF_NETLINK (net/netlink/af_netlink.c) from inside the
 * kernel: netlink_broadcast_kernel() reaching the members of a group
 * and nobody else, the sender address and credentials a receive
 * reports, peeking and truncation, the receive buffer limit and the
 * ENOBUFS that follows a loss, port ids, and socket()'s errnos.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/net.h>
#include <linux/netlink.h>
#include <linux/string.h>
#include <net/sock.h>
#include <kunit/test.h>

#define UEV	NETLINK_KOBJECT_UEVENT

/* A uevent socket bound to @groups with port id @pid (0: autobind). */
static struct socket *nlt_socket(struct kunit *test, u32 pid, u32 groups)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK, .nl_pid = pid,
				 .nl_groups = groups };
	struct socket *sock;

	KUNIT_ASSERT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_DGRAM, UEV,
					       &sock), 0);
	KUNIT_ASSERT_EQ(test, sock->ops->bind(sock, (struct sockaddr *)&a,
					      sizeof(a)), 0);
	return sock;
}

/* A nonblocking receive into @buf; @addr and @ctl may be NULL. */
static int nlt_recv(struct socket *sock, void *buf, size_t len, int flags,
		    struct sockaddr_nl *addr, void *ctl, size_t ctllen,
		    unsigned int *msg_flags)
{
	struct msghdr m;
	int ret;

	msg_init_kernel(&m, buf, len);
	m.msg_name = addr;
	m.msg_control = ctl;
	m.msg_controllen = ctllen;
	ret = sock->ops->recvmsg(sock, &m, len, flags | MSG_DONTWAIT);
	if (msg_flags)
		*msg_flags = m.msg_flags;
	return ret;
}

static void netlink_broadcast_no_listener(struct kunit *test)
{
	struct socket *other;

	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, "x", 1),
			-ESRCH);
	/* A member of another group is no listener either. */
	other = nlt_socket(test, 0, 1U << 1);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, "x", 1),
			-ESRCH);
	sock_release(other);
}

static void netlink_broadcast_bad_args(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 0, "x", 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 33, "x", 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(-1, 1, "x", 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(32, 1, "x", 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, NULL, 4),
			-EINVAL);
}

static void netlink_broadcast_delivers(struct kunit *test)
{
	static const char ev[] = "add@/devices/system/memory/memory9";
	struct socket *a = nlt_socket(test, 0, 1);
	struct socket *b = nlt_socket(test, 0, 1U | (1U << 4));
	struct sockaddr_nl from;
	char buf[64];

	KUNIT_ASSERT_EQ(test, netlink_broadcast_kernel(UEV, 1, ev,
						       sizeof(ev)), 0);
	memset(&from, 0xff, sizeof(from));
	KUNIT_EXPECT_EQ(test, nlt_recv(a, buf, sizeof(buf), 0, &from, NULL,
				       0, NULL), (int)sizeof(ev));
	KUNIT_EXPECT_STREQ(test, buf, ev);
	KUNIT_EXPECT_EQ(test, from.nl_family, AF_NETLINK);
	KUNIT_EXPECT_EQ(test, from.nl_pad, 0);
	KUNIT_EXPECT_EQ(test, from.nl_pid, 0U);
	KUNIT_EXPECT_EQ(test, from.nl_groups, 1U);
	KUNIT_EXPECT_EQ(test, nlt_recv(b, buf, sizeof(buf), 0, NULL, NULL,
				       0, NULL), (int)sizeof(ev));
	/* One copy each: both queues are empty now. */
	KUNIT_EXPECT_EQ(test, nlt_recv(a, buf, sizeof(buf), 0, NULL, NULL,
				       0, NULL), -EAGAIN);
	KUNIT_EXPECT_EQ(test, nlt_recv(b, buf, sizeof(buf), 0, NULL, NULL,
				       0, NULL), -EAGAIN);
	/* Group 5 reaches b alone, reported as its bit. */
	KUNIT_ASSERT_EQ(test, netlink_broadcast_kernel(UEV, 5, "g5", 3), 0);
	KUNIT_EXPECT_EQ(test, nlt_recv(a, buf, sizeof(buf), 0, NULL, NULL,
				       0, NULL), -EAGAIN);
	KUNIT_EXPECT_EQ(test, nlt_recv(b, buf, sizeof(buf), 0, &from, NULL,
				       0, NULL), 3);
	KUNIT_EXPECT_EQ(test, from.nl_groups, 1U << 4);
	sock_release(a);
	sock_release(b);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, "x", 1),
			-ESRCH);
}

static void netlink_peek_and_trunc(struct kunit *test)
{
	struct socket *s = nlt_socket(test, 0, 1);
	unsigned int mf = 0;
	char buf[16];

	KUNIT_ASSERT_EQ(test, netlink_broadcast_kernel(UEV, 1, "0123456789",
						       10), 0);
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, 4, MSG_PEEK, NULL, NULL, 0,
				       &mf), 4);
	KUNIT_EXPECT_TRUE(test, mf & MSG_TRUNC);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "0123", 4), 0);
	/* MSG_TRUNC: the datagram's whole length, still cut to the buffer. */
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, 2, MSG_TRUNC, NULL, NULL, 0,
				       &mf), 10);
	KUNIT_EXPECT_EQ(test, buf[2], 0);
	/* The cut datagram is gone. */
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, NULL, 0,
				       NULL), -EAGAIN);
	sock_release(s);
}

static void netlink_passcred(struct kunit *test)
{
	struct socket *s = nlt_socket(test, 0, 1);
	char ctl[CMSG_SPACE(sizeof(struct ucred))];
	struct cmsghdr *h = (struct cmsghdr *)ctl;
	struct ucred *cr = (struct ucred *)(ctl + CMSG_LEN(0));
	unsigned int mf;
	char buf[8];

	set_bit(SOCK_PASSCRED_BIT, &s->sk->sk_flags);
	KUNIT_ASSERT_EQ(test, netlink_broadcast_kernel(UEV, 1, "c", 1), 0);
	memset(ctl, 0xff, sizeof(ctl));
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, ctl,
				       sizeof(ctl), &mf), 1);
	KUNIT_EXPECT_EQ(test, h->cmsg_level, SOL_SOCKET);
	KUNIT_EXPECT_EQ(test, h->cmsg_type, SCM_CREDENTIALS);
	KUNIT_EXPECT_EQ(test, h->cmsg_len, CMSG_LEN(sizeof(*cr)));
	KUNIT_EXPECT_EQ(test, cr->pid, 0U);
	KUNIT_EXPECT_EQ(test, cr->uid, 0U);
	KUNIT_EXPECT_EQ(test, cr->gid, 0U);
	KUNIT_EXPECT_FALSE(test, mf & MSG_CTRUNC);
	/* No room for the header: MSG_CTRUNC, the data still arrives. */
	KUNIT_ASSERT_EQ(test, netlink_broadcast_kernel(UEV, 1, "d", 1), 0);
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, ctl, 8,
				       &mf), 1);
	KUNIT_EXPECT_TRUE(test, mf & MSG_CTRUNC);
	sock_release(s);
}

/* Fill a small buffer: the loss is reported once, before the data. */
static void netlink_overrun_enobufs(struct kunit *test)
{
	struct socket *s = nlt_socket(test, 0, 1);
	char msg[1000] = { 0 }, buf[1000];
	int sent = 0, got = 0, i, ret;

	s->sk->sk_rcvbuf = SOCK_MIN_RCVBUF;
	for (i = 0; i < 10; i++)
		if (!netlink_broadcast_kernel(UEV, 1, msg, sizeof(msg)))
			sent++;
	/* Queued while the count was within the buffer: a few, not all. */
	KUNIT_EXPECT_GT(test, sent, 0);
	KUNIT_EXPECT_LT(test, sent, 10);
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, NULL, 0,
				       NULL), -ENOBUFS);
	while ((ret = nlt_recv(s, buf, sizeof(buf), 0, NULL, NULL, 0,
			       NULL)) > 0)
		got++;
	KUNIT_EXPECT_EQ(test, ret, -EAGAIN);
	KUNIT_EXPECT_EQ(test, got, sent);
	/* Drained: deliveries work again, with no error pending. */
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, "ok", 2), 0);
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, NULL, 0,
				       NULL), 2);
	sock_release(s);
}

/* While congested nothing is queued, even once room is back. */
static void netlink_congested_until_empty(struct kunit *test)
{
	struct socket *s = nlt_socket(test, 0, 1);
	char msg[1500] = { 0 }, buf[1500];

	s->sk->sk_rcvbuf = SOCK_MIN_RCVBUF;
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg, 1500), 0);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg, 1500), 0);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg, 1500),
			-ESRCH);
	s->sk->sk_rcvbuf = 1 << 20;
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg, 1500),
			-ESRCH);
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, NULL, 0,
				       NULL), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, NULL, 0,
				       NULL), 1500);
	KUNIT_EXPECT_EQ(test, nlt_recv(s, buf, sizeof(buf), 0, NULL, NULL, 0,
				       NULL), 1500);
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg, 1500), 0);
	sock_release(s);
}

static void netlink_port_ids(struct kunit *test)
{
	struct socket *a = nlt_socket(test, 0, 0);
	struct socket *b = nlt_socket(test, 0, 0);
	struct socket *c = nlt_socket(test, 4242, 0);
	struct sockaddr_nl na, nb, x = { .nl_family = AF_NETLINK,
					 .nl_pid = 4242 };
	struct socket *d;

	KUNIT_EXPECT_EQ(test, a->ops->getname(a, (struct sockaddr *)&na, 0),
			(int)sizeof(na));
	b->ops->getname(b, (struct sockaddr *)&nb, 0);
	KUNIT_EXPECT_NE(test, na.nl_pid, 0U);
	KUNIT_EXPECT_NE(test, na.nl_pid, nb.nl_pid);
	KUNIT_ASSERT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_RAW, UEV, &d),
			0);
	KUNIT_EXPECT_EQ(test, d->ops->bind(d, (struct sockaddr *)&x,
					   sizeof(x)), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, d->ops->bind(d, (struct sockaddr *)&x,
					   sizeof(x) - 1), -EINVAL);
	x.nl_family = AF_UNIX;
	KUNIT_EXPECT_EQ(test, d->ops->bind(d, (struct sockaddr *)&x,
					   sizeof(x)), -EINVAL);
	/* A bound socket keeps its id: another one is refused. */
	x.nl_family = AF_NETLINK;
	x.nl_pid = 4343;
	KUNIT_EXPECT_EQ(test, c->ops->bind(c, (struct sockaddr *)&x,
					   sizeof(x)), -EINVAL);
	x.nl_pid = 4242;
	KUNIT_EXPECT_EQ(test, c->ops->bind(c, (struct sockaddr *)&x,
					   sizeof(x)), 0);
	sock_release(c);
	/* Released: the id is free again. */
	KUNIT_EXPECT_EQ(test, d->ops->bind(d, (struct sockaddr *)&x,
					   sizeof(x)), 0);
	sock_release(a);
	sock_release(b);
	sock_release(d);
}

static void netlink_create_errnos(struct kunit *test)
{
	struct socket *s;

	KUNIT_EXPECT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_STREAM, UEV,
					       &s), -ESOCKTNOSUPPORT);
	KUNIT_EXPECT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_DGRAM, 32,
					       &s), -EPROTONOSUPPORT);
	KUNIT_EXPECT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_DGRAM, -1,
					       &s), -EPROTONOSUPPORT);
	KUNIT_EXPECT_EQ(test, sock_create_kern(AF_INET, SOCK_DGRAM, 0, &s),
			-EAFNOSUPPORT);
	KUNIT_EXPECT_EQ(test, sock_create_kern(AF_MAX, SOCK_DGRAM, 0, &s),
			-EAFNOSUPPORT);
	KUNIT_EXPECT_EQ(test, sock_create_kern(AF_NETLINK, SOCK_MAX, UEV,
					       &s), -EINVAL);
}

/* Many sockets and messages come and go without leaking the heap. */
static void netlink_no_leak(struct kunit *test)
{
	char msg[300] = { 0 };
	struct socket *s;
	int i;

	for (i = 0; i < 200; i++) {
		s = nlt_socket(test, 0, 1);
		KUNIT_ASSERT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg,
							       sizeof(msg)),
				0);
		KUNIT_ASSERT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg,
							       sizeof(msg)),
				0);
		sock_release(s);
	}
	KUNIT_EXPECT_EQ(test, netlink_broadcast_kernel(UEV, 1, msg, 1),
			-ESRCH);
}

static struct kunit_case netlink_cases[] = {
	KUNIT_CASE(netlink_broadcast_no_listener),
	KUNIT_CASE(netlink_broadcast_bad_args),
	KUNIT_CASE(netlink_broadcast_delivers),
	KUNIT_CASE(netlink_peek_and_trunc),
	KUNIT_CASE(netlink_passcred),
	KUNIT_CASE(netlink_overrun_enobufs),
	KUNIT_CASE(netlink_congested_until_empty),
	KUNIT_CASE(netlink_port_ids),
	KUNIT_CASE(netlink_create_errnos),
	KUNIT_CASE(netlink_no_leak),
	{}
};

static struct kunit_suite netlink_suite = {
	.name = "netlink",
	.test_cases = netlink_cases,
};

kunit_test_suite(netlink_suite);
