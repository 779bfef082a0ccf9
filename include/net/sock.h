/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The protocol side of a socket (struct sock) and the datagrams queued
 * on it (struct sk_buff), with the receive queue and SOL_SOCKET option
 * code every family shares (net/core/sock.c).
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

/* Linux's defaults and limits (net.core.[rw]mem_default and _max). */
#define SYSCTL_RMEM_DEFAULT	212992
#define SYSCTL_WMEM_DEFAULT	212992
#define SYSCTL_RMEM_MAX		212992
#define SYSCTL_WMEM_MAX		212992
/* The smallest buffers SO_RCVBUF and SO_SNDBUF leave. */
#define SOCK_MIN_RCVBUF		2304
#define SOCK_MIN_SNDBUF		4608
/* What a queued datagram costs beyond its bytes (Linux's sk_buff). */
#define SKB_OVERHEAD		576

/*
 * struct sk_buff - one datagram
 * @node: on the receive queue
 * @len: bytes at @data
 * @truesize: what it counts against the receiver's buffer
 * @portid, @dst_group: the sender's port and the group it was sent to
 * (netlink: the sender address a receive reports)
 * @creds: the sender's, for SCM_CREDENTIALS
 * @users: references: the queue's, and a peeking receiver's
 * @owner: the sending sock whose sk_wmem_alloc counts it (AF_UNIX), with
 * a reference, or NULL
 * @head: bytes already read from @data (a stream's partial read)
 */
struct sk_buff {
	struct list_head node;
	atomic_t users;
	struct sock *owner;
	unsigned int head;
	unsigned int len;
	unsigned int truesize;
	u32 portid;
	u32 dst_group;
	struct ucred creds;
	unsigned char data[];
};

struct sk_buff *alloc_skb(unsigned int len);
/* Drop a reference; the last frees it, uncounting it from its owner. */
void kfree_skb(struct sk_buff *skb);
/* Count @skb against @owner's send buffer until it is freed. */
void skb_set_owner_w(struct sk_buff *skb, struct sock *owner);

/* No timeout: wait until woken. */
#define MAX_SOCK_TIMEO		LONG_MAX

/* sk_shutdown bits */
#define RCV_SHUTDOWN		1
#define SEND_SHUTDOWN		2
#define SHUTDOWN_MASK		3

/* sk_flags bits */
#define SOCK_PASSCRED_BIT	0
#define SOCK_DEAD_BIT		1

/**
 * struct sock - a socket's protocol state
 * @sk_lock: protects @sk_receive_queue, @sk_rmem_alloc, @sk_err,
 * @sk_shutdown and @sk_wmem_alloc (the bytes this sock sent that sit
 * unread in a receiver's queue);
 * taken by receivers, by senders queueing and by readers of the queue
 * (poll). Innermost: only wake-ups of @sk_wq follow it.
 * @sk_wq: receivers and pollers sleep here for data, senders for room;
 * woken after every change of the queue or of @sk_err
 * @sk_refcnt: references; the family frees the sock at the last
 * sock_put() through @sk_destruct
 * @sk_rcvbuf, @sk_sndbuf, @sk_flags, @sk_reuse, @sk_rcvtimeo,
 * @sk_sndtimeo: options, written by setsockopt(), read without a lock
 * (one word each). The timeouts are in jiffies, Linux's way (so that
 * user space reads back the values it reads on Linux), MAX_SOCK_TIMEO
 * for none.
 */
struct sock {
	spinlock_t sk_lock;
	struct list_head sk_receive_queue;
	int sk_rmem_alloc;
	int sk_wmem_alloc;
	int sk_err;
	int sk_shutdown;
	wait_queue_head_t sk_wq;
	atomic_t sk_refcnt;
	int sk_family;
	int sk_type;
	int sk_protocol;
	int sk_rcvbuf;
	int sk_sndbuf;
	int sk_reuse;
	long sk_rcvtimeo;
	long sk_sndtimeo;
	unsigned long sk_flags;
	struct socket *sk_socket;
	void (*sk_destruct)(struct sock *sk);
};

static inline bool sock_flag(const struct sock *sk, int bit)
{
	return READ_ONCE(sk->sk_flags) & (1UL << bit);
}

void sock_init_data(struct socket *sock, struct sock *sk);
void sock_hold(struct sock *sk);
void sock_put(struct sock *sk);

/* Queue @skb on @sk (its lock held), counting it, and wake readers. */
void __sock_queue_rcv(struct sock *sk, struct sk_buff *skb);
/* Drop every queued datagram. */
void sock_purge_queue(struct sock *sk);
bool sock_has_input(struct sock *sk);
/* sk_err, cleared; 0 if none. */
int sock_error(struct sock *sk);

/*
 * The next datagram, for the caller to kfree_skb(): dequeued, or with
 * MSG_PEEK an extra reference to the one left queued. Waits up to
 * SO_RCVTIMEO, not at all with MSG_DONTWAIT. Returns it, or NULL with
 * *@err set to the pending error, -EAGAIN (nothing in time),
 * -ERESTARTSYS or -EINTR (a signal; -EINTR when a timeout was set), or
 * 0 (end of file: receiving was shut down and the queue is empty).
 */
struct sk_buff *skb_recv_datagram(struct sock *sk, int flags, int *err);

/* The timeout a send or receive with @flags waits (0 for MSG_DONTWAIT). */
static inline long sock_timeo(long timeo, int flags)
{
	return (flags & MSG_DONTWAIT) ? 0 : READ_ONCE(timeo);
}

/*
 * Sleep on @sk's queue until @ready(@sk) holds, for at most *@timeo
 * jiffies (decreased by the time slept). Return: 0, -EAGAIN, or
 * -ERESTARTSYS/-EINTR for a signal.
 */
int sock_wait(struct sock *sk, bool (*ready)(struct sock *sk), long *timeo);
unsigned int datagram_poll(struct file *file, struct socket *sock,
			   struct poll_table_struct *pt);

int sock_setsockopt(struct socket *sock, int optname,
		    void __user *optval, unsigned int optlen);
int sock_getsockopt(struct socket *sock, int optname,
		    void __user *optval, int __user *optlen);

#endif /* _NET_SOCK_H */
