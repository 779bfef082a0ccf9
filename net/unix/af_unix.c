// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: AF_UNIX sockets, as pairs
 *
 * socketpair(AF_UNIX, ...) joins two sockets: SOCK_STREAM carries a
 * byte stream, SOCK_DGRAM and SOCK_SEQPACKET carry messages whole. A
 * send queues its bytes on the peer's receive queue, counted against
 * the sender's SO_SNDBUF until read (a full send buffer makes the
 * sender wait, or EAGAIN); a receive takes them in order. shutdown()
 * and the peer's close end the stream: reads then give 0 (end of file)
 * and writes EPIPE with SIGPIPE. With SO_PASSCRED the receiver gets the
 * sender's credentials. Sockets that are not a pair cannot bind or
 * listen yet: bind() gives EOPNOTSUPP, connect() to a path ENOENT or
 * ECONNREFUSED (nobody can be listening).
 *
 * Lock rules: unix_peer_mutex protects every socket's @peer pointer
 * (set by socketpair, kept until release; each holds a reference).
 * A socket's queue, counts and sk_shutdown are under its sk_lock.
 * @rd_mutex serialises the readers of one socket, so that a stream
 * read may copy from the first queued datagram without sk_lock held.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <net/sock.h>

/* sizeof(struct sockaddr_un): the family and a 108-byte path. */
#define UNIX_ADDR_MAX		110

/* The most one stream datagram carries. */
#define UNIX_STREAM_CHUNK	(64 * 1024)

struct unix_sock {
	struct sock sk;
	struct unix_sock *peer;
	struct mutex rd_mutex;
};

static DEFINE_MUTEX(unix_peer_mutex);

static struct unix_sock *unix_sk(struct sock *sk)
{
	return container_of(sk, struct unix_sock, sk);
}

static bool unix_connection_type(struct sock *sk)
{
	return sk->sk_type == SOCK_STREAM || sk->sk_type == SOCK_SEQPACKET;
}

/* The peer of @u, referenced, or NULL. */
static struct unix_sock *unix_get_peer(struct unix_sock *u)
{
	struct unix_sock *p;

	mutex_lock(&unix_peer_mutex);
	p = u->peer;
	if (p)
		sock_hold(&p->sk);
	mutex_unlock(&unix_peer_mutex);
	return p;
}

static bool unix_may_send(struct sock *sk)
{
	return READ_ONCE(sk->sk_wmem_alloc) < READ_ONCE(sk->sk_sndbuf) ||
	       (READ_ONCE(sk->sk_shutdown) & SEND_SHUTDOWN) ||
	       READ_ONCE(sk->sk_err);
}


/* One datagram of @len bytes from @m onto @peer, waiting for room. */
static int unix_send_one(struct sock *sk, struct unix_sock *peer,
			 struct msghdr *m, size_t len, long *timeo)
{
	struct ucred creds = { .pid = current->tgid };
	struct sk_buff *skb;
	int err;

	err = sock_wait(sk, unix_may_send, timeo);
	if (err)
		return err;
	if (READ_ONCE(sk->sk_shutdown) & SEND_SHUTDOWN)
		return -EPIPE;
	skb = alloc_skb(len);
	if (!skb)
		return -ENOBUFS;
	if (msg_copy_from(&m->msg_iter, skb->data, len)) {
		kfree_skb(skb);
		return -EFAULT;
	}
	skb->creds = creds;
	skb_set_owner_w(skb, sk);
	spin_lock(&peer->sk.sk_lock);
	if (sock_flag(&peer->sk, SOCK_DEAD_BIT) && !unix_connection_type(sk))
		err = -ECONNREFUSED;	/* a datagram's reader is gone */
	else if (peer->sk.sk_shutdown & RCV_SHUTDOWN)
		err = -EPIPE;
	if (err) {
		spin_unlock(&peer->sk.sk_lock);
		kfree_skb(skb);
		return err;
	}
	__sock_queue_rcv(&peer->sk, skb);
	spin_unlock(&peer->sk.sk_lock);
	wake_up_interruptible_all(&peer->sk.sk_wq);
	return 0;
}

static int unix_sendmsg(struct socket *sock, struct msghdr *m, size_t len)
{
	struct sock *sk = sock->sk;
	long timeo = sock_timeo(sk->sk_sndtimeo, m->msg_flags);
	struct unix_sock *peer;
	size_t done = 0, n;
	int err = 0;

	if (m->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (m->msg_namelen && unix_connection_type(sk))
		return -EISCONN;
	peer = unix_get_peer(unix_sk(sk));
	if (!peer)
		return m->msg_namelen ? -ECONNREFUSED : -ENOTCONN;
	if (!unix_connection_type(sk) || sk->sk_type == SOCK_SEQPACKET) {
		if (len > READ_ONCE(sk->sk_sndbuf) - 32) {
			err = -EMSGSIZE;
			goto out;
		}
		err = unix_send_one(sk, peer, m, len, &timeo);
		done = err ? 0 : len;
		goto out;
	}
	do {
		n = min_t(size_t, len - done, UNIX_STREAM_CHUNK);
		err = unix_send_one(sk, peer, m, n, &timeo);
		if (err)
			break;
		done += n;
	} while (done < len);
out:
	/* A stream's writer gets SIGPIPE with EPIPE, as for a pipe. */
	if (err == -EPIPE && unix_connection_type(sk) && !done &&
	    !(m->msg_flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	sock_put(&peer->sk);
	return done ? done : err;
}

/* Take datagrams for a read of @len bytes; sk_lock not held. */
static int unix_stream_copy(struct sock *sk, struct msghdr *m, size_t len,
			    int flags, struct ucred *creds)
{
	struct sk_buff *skb, *next;
	size_t done = 0, n;

	spin_lock(&sk->sk_lock);
	skb = list_first_entry_or_null(&sk->sk_receive_queue,
				       struct sk_buff, node);
	while (skb && done < len) {
		*creds = skb->creds;
		spin_unlock(&sk->sk_lock);
		n = min_t(size_t, len - done, skb->len - skb->head);
		if (msg_copy_to(&m->msg_iter, skb->data + skb->head, n))
			return done ? done : -EFAULT;
		done += n;
		spin_lock(&sk->sk_lock);
		next = skb->node.next == &sk->sk_receive_queue ? NULL :
		       list_next_entry(skb, node);
		if (flags & MSG_PEEK) {
			skb = next;
			continue;
		}
		skb->head += n;
		if (skb->head < skb->len)
			break;
		list_del_init(&skb->node);
		sk->sk_rmem_alloc -= skb->truesize;
		spin_unlock(&sk->sk_lock);
		kfree_skb(skb);
		spin_lock(&sk->sk_lock);
		skb = next;
	}
	spin_unlock(&sk->sk_lock);
	return done;
}

static int unix_stream_recv(struct socket *sock, struct msghdr *m,
			    size_t len, int flags, struct ucred *creds)
{
	struct sock *sk = sock->sk;
	long timeo = sock_timeo(sk->sk_rcvtimeo, flags);
	size_t done = 0;
	int ret;

	for (;;) {
		ret = sock_error(sk);
		if (ret)
			break;
		ret = unix_stream_copy(sk, m, len - done, flags, creds);
		if (ret < 0)
			break;
		done += ret;
		if (done == len || (done && !(flags & MSG_WAITALL)) ||
		    (flags & MSG_PEEK && done))
			break;
		spin_lock(&sk->sk_lock);
		ret = list_empty(&sk->sk_receive_queue) &&
		      (sk->sk_shutdown & RCV_SHUTDOWN);
		spin_unlock(&sk->sk_lock);
		if (ret) {
			ret = 0;
			break;
		}
		ret = sock_wait(sk, sock_has_input, &timeo);
		if (ret)
			break;
	}
	return done ? done : ret;
}

static int unix_recvmsg(struct socket *sock, struct msghdr *m, size_t len,
			int flags)
{
	struct sock *sk = sock->sk;
	struct unix_sock *u = unix_sk(sk);
	struct ucred creds = { 0 };
	struct sk_buff *skb;
	int err = 0, ret;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	mutex_lock(&u->rd_mutex);
	if (sk->sk_type == SOCK_STREAM) {
		ret = unix_stream_recv(sock, m, len, flags, &creds);
	} else {
		skb = skb_recv_datagram(sk, flags, &err);
		ret = err;
		if (skb) {
			ret = min_t(size_t, len, skb->len);
			if (len < skb->len)
				m->msg_flags |= MSG_TRUNC;
			if (msg_copy_to(&m->msg_iter, skb->data, ret))
				ret = -EFAULT;
			else if (flags & MSG_TRUNC)
				ret = skb->len;
			creds = skb->creds;
			kfree_skb(skb);
		}
	}
	mutex_unlock(&u->rd_mutex);
	/* The sender of a pair has no address: msg_namelen stays 0. */
	if (ret > 0 && sock_flag(sk, SOCK_PASSCRED_BIT)) {
		err = put_cmsg(m, SOL_SOCKET, SCM_CREDENTIALS, sizeof(creds),
			       &creds);
		if (err)
			ret = err;
	}
	return ret;
}

static int unix_socketpair(struct socket *a, struct socket *b)
{
	struct unix_sock *ua = unix_sk(a->sk), *ub = unix_sk(b->sk);

	mutex_lock(&unix_peer_mutex);
	sock_hold(&ub->sk);
	ua->peer = ub;
	sock_hold(&ua->sk);
	ub->peer = ua;
	mutex_unlock(&unix_peer_mutex);
	if (unix_connection_type(a->sk)) {
		a->state = SS_CONNECTED;
		b->state = SS_CONNECTED;
	}
	return 0;
}

static void unix_set_shutdown(struct sock *sk, int mode)
{
	spin_lock(&sk->sk_lock);
	sk->sk_shutdown |= mode;
	spin_unlock(&sk->sk_lock);
	wake_up_interruptible_all(&sk->sk_wq);
}

static int unix_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;
	struct unix_sock *peer;
	int mode, peer_mode = 0;

	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	mode = (how + 1) & SHUTDOWN_MASK;	/* SHUT_RD is RCV_SHUTDOWN */
	unix_set_shutdown(sk, mode);
	peer = unix_get_peer(unix_sk(sk));
	if (!peer)
		return 0;
	if (unix_connection_type(sk)) {
		if (mode & RCV_SHUTDOWN)
			peer_mode |= SEND_SHUTDOWN;
		if (mode & SEND_SHUTDOWN)
			peer_mode |= RCV_SHUTDOWN;
		unix_set_shutdown(&peer->sk, peer_mode);
	}
	sock_put(&peer->sk);
	return 0;
}

static unsigned int unix_poll(struct file *file, struct socket *sock,
			      struct poll_table_struct *pt)
{
	struct sock *sk = sock->sk;
	unsigned int mask = 0;

	poll_wait(file, &sk->sk_wq, pt);
	spin_lock(&sk->sk_lock);
	if (sk->sk_err)
		mask |= EPOLLERR;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= EPOLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (!list_empty(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (sk->sk_wmem_alloc << 2 <= sk->sk_sndbuf)
		mask |= EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND;
	spin_unlock(&sk->sk_lock);
	return mask;
}

static int unix_getname(struct socket *sock, struct sockaddr *addr, int peer)
{
	struct unix_sock *p;

	if (peer) {
		p = unix_get_peer(unix_sk(sock->sk));
		if (!p)
			return -ENOTCONN;
		sock_put(&p->sk);
	}
	addr->sa_family = AF_UNIX;
	return sizeof(sa_family_t);
}

static int unix_bind(struct socket *sock, struct sockaddr *addr, int len)
{
	if (len < sizeof(sa_family_t) || addr->sa_family != AF_UNIX)
		return -EINVAL;
	return -EOPNOTSUPP;	/* not done: see the DOC comment */
}

/* Nobody can listen: a missing path or a name nobody has. */
static int unix_connect(struct socket *sock, struct sockaddr *addr, int len,
			int flags)
{
	char path[SOCKADDR_STORAGE_SIZE];
	struct path pth;
	int n = len - (int)sizeof(sa_family_t);

	if (len < sizeof(sa_family_t) || len > UNIX_ADDR_MAX)
		return -EINVAL;
	if (addr->sa_family != AF_UNIX)
		return -EINVAL;
	if (n <= 0)
		return -EINVAL;
	if (addr->sa_data[0] == '\0')
		return -ECONNREFUSED;		/* an abstract name */
	memcpy(path, addr->sa_data, n);
	path[n] = '\0';
	if (kern_path(path, LOOKUP_FOLLOW, &pth))
		return -ENOENT;
	path_put(&pth);
	return -ECONNREFUSED;
}

static int unix_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct unix_sock *u, *peer;
	bool unread;

	if (!sk)
		return 0;
	u = unix_sk(sk);
	mutex_lock(&unix_peer_mutex);
	peer = u->peer;
	u->peer = NULL;
	mutex_unlock(&unix_peer_mutex);
	spin_lock(&sk->sk_lock);
	set_bit(SOCK_DEAD_BIT, &sk->sk_flags);
	sk->sk_shutdown = SHUTDOWN_MASK;
	unread = !list_empty(&sk->sk_receive_queue);
	spin_unlock(&sk->sk_lock);
	wake_up_interruptible_all(&sk->sk_wq);
	if (peer) {
		if (unix_connection_type(sk)) {
			spin_lock(&peer->sk.sk_lock);
			peer->sk.sk_shutdown = SHUTDOWN_MASK;
			if (unread)
				peer->sk.sk_err = ECONNRESET;
			spin_unlock(&peer->sk.sk_lock);
			wake_up_interruptible_all(&peer->sk.sk_wq);
		}
		sock_put(&peer->sk);
	}
	/* Datagrams queued here hold references to their senders. */
	sock_purge_queue(sk);
	sock->sk = NULL;
	sock_put(sk);
	return 0;
}

static const struct proto_ops unix_ops = {
	.family = AF_UNIX,
	.release = unix_release,
	.bind = unix_bind,
	.connect = unix_connect,
	.socketpair = unix_socketpair,
	.shutdown = unix_shutdown,
	.getname = unix_getname,
	.poll = unix_poll,
	.sendmsg = unix_sendmsg,
	.recvmsg = unix_recvmsg,
};

static int unix_create(struct socket *sock, int protocol, bool kern)
{
	struct unix_sock *u;

	if (protocol && protocol != AF_UNIX)
		return -EPROTONOSUPPORT;
	switch (sock->type) {
	case SOCK_RAW:
		sock->type = SOCK_DGRAM;
		break;
	case SOCK_STREAM:
	case SOCK_DGRAM:
	case SOCK_SEQPACKET:
		break;
	default:
		return -ESOCKTNOSUPPORT;
	}
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	sock_init_data(sock, &u->sk);
	mutex_init(&u->rd_mutex);
	u->sk.sk_family = AF_UNIX;
	sock->ops = &unix_ops;
	return 0;
}

static const struct net_proto_family unix_family = {
	.family = AF_UNIX,
	.create = unix_create,
};

static int unix_proto_init(void)
{
	return sock_register(&unix_family);
}
core_initcall(unix_proto_init);
