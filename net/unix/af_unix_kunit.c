// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for AF_UNIX socket pairs (net/unix/af_unix.c) from inside the
 * kernel: a stream read in pieces, message boundaries, the send buffer
 * count going back to 0 as the reader takes the bytes, a full send
 * buffer, shutdown and close giving end of file, EPIPE and ECONNRESET,
 * and pairs closed with data queued freeing everything.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/sock.h>
#include <kunit/test.h>

static void unix_pair(struct kunit *test, int type, struct socket **a,
		      struct socket **b)
{
	KUNIT_ASSERT_EQ(test, sock_create_kern(AF_UNIX, type, 0, a), 0);
	KUNIT_ASSERT_EQ(test, sock_create_kern(AF_UNIX, type, 0, b), 0);
	KUNIT_ASSERT_EQ(test, (*a)->ops->socketpair(*a, *b), 0);
}

static int ut_send(struct socket *s, const void *data, size_t len)
{
	struct msghdr m;

	msg_init_kernel(&m, (void *)data, len);
	m.msg_flags = MSG_DONTWAIT | MSG_NOSIGNAL;
	return s->ops->sendmsg(s, &m, len);
}

static int ut_recv(struct socket *s, void *buf, size_t len, int flags)
{
	struct msghdr m;

	msg_init_kernel(&m, buf, len);
	return s->ops->recvmsg(s, &m, len, flags | MSG_DONTWAIT);
}

static void unix_stream_pieces(struct kunit *test)
{
	struct socket *a, *b;
	char buf[8];

	unix_pair(test, SOCK_STREAM, &a, &b);
	KUNIT_EXPECT_EQ(test, ut_send(a, "abc", 3), 3);
	KUNIT_EXPECT_EQ(test, ut_send(a, "defg", 4), 4);
	KUNIT_EXPECT_GT(test, a->sk->sk_wmem_alloc, 0);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 2, 0), 2);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "ab", 2), 0);
	/* One read crosses the boundary of the two sends. */
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), 5);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "cdefg", 5), 0);
	KUNIT_EXPECT_EQ(test, a->sk->sk_wmem_alloc, 0);
	KUNIT_EXPECT_EQ(test, b->sk->sk_rmem_alloc, 0);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), -EAGAIN);
	sock_release(a);
	sock_release(b);
}

static void unix_dgram_whole(struct kunit *test)
{
	struct socket *a, *b;
	char buf[8];

	unix_pair(test, SOCK_DGRAM, &a, &b);
	KUNIT_EXPECT_EQ(test, ut_send(a, "abc", 3), 3);
	KUNIT_EXPECT_EQ(test, ut_send(a, "defg", 4), 4);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), 3);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 2, 0), 2);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), -EAGAIN);
	KUNIT_EXPECT_EQ(test, a->sk->sk_wmem_alloc, 0);
	sock_release(a);
	sock_release(b);
}

/* The sender waits (here: EAGAIN) once its bytes in flight fill SO_SNDBUF. */
static void unix_send_buffer_full(struct kunit *test)
{
	static char msg[1000];
	struct socket *a, *b;
	int sent = 0, ret;

	unix_pair(test, SOCK_DGRAM, &a, &b);
	a->sk->sk_sndbuf = SOCK_MIN_SNDBUF;
	while ((ret = ut_send(a, msg, sizeof(msg))) > 0)
		sent++;
	KUNIT_EXPECT_EQ(test, ret, -EAGAIN);
	KUNIT_EXPECT_EQ(test, sent, 3);
	KUNIT_EXPECT_EQ(test, ut_recv(b, msg, sizeof(msg), 0),
			(int)sizeof(msg));
	KUNIT_EXPECT_EQ(test, ut_send(a, msg, sizeof(msg)), (int)sizeof(msg));
	sock_release(a);
	sock_release(b);
}

static void unix_shutdown_and_close(struct kunit *test)
{
	struct socket *a, *b;
	char buf[8];

	unix_pair(test, SOCK_STREAM, &a, &b);
	KUNIT_EXPECT_EQ(test, ut_send(a, "xy", 2), 2);
	KUNIT_EXPECT_EQ(test, a->ops->shutdown(a, SHUT_WR), 0);
	KUNIT_EXPECT_EQ(test, ut_send(a, "z", 1), -EPIPE);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), 2);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), 0);
	KUNIT_EXPECT_EQ(test, a->ops->shutdown(a, 3), -EINVAL);
	/* Closed with unread bytes: the peer sees a reset, then the end. */
	KUNIT_EXPECT_EQ(test, ut_send(b, "q", 1), 1);
	sock_release(a);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), -ECONNRESET);
	KUNIT_EXPECT_EQ(test, ut_recv(b, buf, 8, 0), 0);
	KUNIT_EXPECT_EQ(test, ut_send(b, "q", 1), -EPIPE);
	sock_release(b);
}

static void unix_dgram_peer_gone(struct kunit *test)
{
	struct socket *a, *b;

	unix_pair(test, SOCK_DGRAM, &a, &b);
	sock_release(b);
	KUNIT_EXPECT_EQ(test, ut_send(a, "x", 1), -ECONNREFUSED);
	sock_release(a);
}

/* Pairs closed in either order with data queued both ways. */
static void unix_pairs_cycle(struct kunit *test)
{
	static char msg[3000];
	struct socket *a, *b;
	int i;

	for (i = 0; i < 300; i++) {
		unix_pair(test, i % 3 == 0 ? SOCK_DGRAM : SOCK_STREAM, &a, &b);
		KUNIT_ASSERT_EQ(test, ut_send(a, msg, sizeof(msg)),
				(int)sizeof(msg));
		KUNIT_ASSERT_EQ(test, ut_send(b, msg, sizeof(msg)),
				(int)sizeof(msg));
		if (i & 1) {
			sock_release(a);
			sock_release(b);
		} else {
			sock_release(b);
			sock_release(a);
		}
	}
}

/*
 * A second round of pairs uses no more slab or heap pages than the
 * first left (a leak of the round would be hundreds of pages).
 */
static void unix_no_leak(struct kunit *test)
{
	unsigned long before;

	unix_pairs_cycle(test);
	before = slab_pages() + kheap_nr_pages();
	unix_pairs_cycle(test);
	KUNIT_EXPECT_LE(test, slab_pages() + kheap_nr_pages(), before + 16);
}

static struct kunit_case unix_cases[] = {
	KUNIT_CASE(unix_stream_pieces),
	KUNIT_CASE(unix_dgram_whole),
	KUNIT_CASE(unix_send_buffer_full),
	KUNIT_CASE(unix_shutdown_and_close),
	KUNIT_CASE(unix_dgram_peer_gone),
	KUNIT_CASE(unix_no_leak),
	{}
};

static struct kunit_suite unix_suite = {
	.name = "af_unix",
	.test_cases = unix_cases,
};

kunit_test_suite(unix_suite);
