// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: AF_NETLINK sockets
 *
 * Netlink carries datagrams between the kernel and processes, and
 * between processes. Each socket has a protocol (NETLINK_KOBJECT_UEVENT
 * is the one Tide's kernel serves), a port id once bound (chosen by
 * bind(), or the caller's process id, else a negative number, when it
 * binds itself on first need), and a mask of the 32 multicast groups it
 * listens to. The kernel sends to a group with
 * netlink_broadcast_kernel(); every member gets a copy unless its
 * receive buffer is full, in which case the copy is lost and the
 * member's next receive fails with ENOBUFS. A receive reports the
 * sender's address (port id, group mask) and, with SO_PASSCRED, its
 * credentials: pid, uid and gid 0 for the kernel.
 *
 * Lock rules: nl_table_mutex protects the list of sockets and, for
 * each, its port id, bound and connected state, destination and group
 * mask: bind, connect, setsockopt of memberships, release and every
 * delivery (which walks the list) hold it; getname reads under it. A
 * socket's queue and its congested flag are under its sk_lock, which
 * is taken inside nl_table_mutex. Nothing sleeps holding sk_lock; a
 * sender waiting for room drops nl_table_mutex and holds a reference.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/netlink.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <net/sock.h>

/* The protocols that have a kernel side here. */
#define NETLINK_SERVED	(1U << NETLINK_KOBJECT_UEVENT)

/*
 * struct netlink_sock - a netlink socket
 * @sk: the generic part, first (freed with it)
 * @node: on nl_sockets
 * @congested: deliveries stop until the reader empties its queue; set
 * with the ENOBUFS error; under sk.sk_lock
 * @no_enobufs: NETLINK_NO_ENOBUFS: losses are not reported
 * The other fields are under nl_table_mutex.
 */
struct netlink_sock {
	struct sock sk;
	struct list_head node;
	u32 portid;
	u32 dst_portid;
	u32 dst_group;
	u32 groups;
	bool bound;
	bool connected;
	bool congested;
	bool no_enobufs;
};

static LIST_HEAD(nl_sockets);
static DEFINE_MUTEX(nl_table_mutex);
/* The next port id an autobind tries after a collision; under the mutex. */
static s32 nl_rover = -4096;

static struct netlink_sock *nlk_sk(struct sock *sk)
{
	return container_of(sk, struct netlink_sock, sk);
}

static u32 group_bit(u32 group)
{
	return group ? 1U << (group - 1) : 0;
}

/* The bound socket of @protocol with @portid; nl_table_mutex held. */
static struct netlink_sock *nl_lookup(int protocol, u32 portid)
{
	struct netlink_sock *nlk;

	list_for_each_entry(nlk, &nl_sockets, node)
		if (nlk->bound && nlk->sk.sk_protocol == protocol &&
		    nlk->portid == portid)
			return nlk;
	return NULL;
}

/* Give @nlk @portid; nl_table_mutex held. */
static int nl_insert(struct netlink_sock *nlk, u32 portid)
{
	if (nlk->bound)
		return -EBUSY;
	if (!portid || nl_lookup(nlk->sk.sk_protocol, portid))
		return -EADDRINUSE;
	nlk->portid = portid;
	nlk->bound = true;
	return 0;
}

/*
 * Bind @nlk to a free port id: the caller's process id if free, else
 * the next free negative one. nl_table_mutex held.
 */
static int nl_autobind(struct netlink_sock *nlk)
{
	s32 id = current->tgid;

	if (nlk->bound)
		return 0;
	/* Kernel threads have no process id: straight to the rover. */
	if (id <= 0 || nl_lookup(nlk->sk.sk_protocol, id)) {
		do {
			id = nl_rover;
			nl_rover = id == (-INT_MAX - 1) ? -4096 : id - 1;
		} while (nl_lookup(nlk->sk.sk_protocol, id));
	}
	return nl_insert(nlk, id);
}

/*
 * Queue @skb on @nlk if its buffer has room; else the loss is recorded
 * (ENOBUFS on its next receive unless NETLINK_NO_ENOBUFS).
 * Return: 0 if queued (the queue took @skb), -ENOBUFS if lost.
 */
static int nl_deliver(struct netlink_sock *nlk, struct sk_buff *skb)
{
	struct sock *sk = &nlk->sk;
	int ret = 0;

	spin_lock(&sk->sk_lock);
	if (nlk->congested || sk->sk_rmem_alloc > READ_ONCE(sk->sk_rcvbuf)) {
		if (!READ_ONCE(nlk->no_enobufs) && !nlk->congested) {
			nlk->congested = true;
			sk->sk_err = ENOBUFS;
		}
		ret = -ENOBUFS;
	} else {
		__sock_queue_rcv(sk, skb);
	}
	spin_unlock(&sk->sk_lock);
	wake_up_interruptible_all(&sk->sk_wq);
	return ret;
}

/* A new datagram holding a copy of @len bytes at @data. */
static struct sk_buff *nl_make_skb(const void *data, size_t len,
				   u32 portid, u32 group,
				   const struct ucred *creds)
{
	struct sk_buff *skb = alloc_skb(len);

	if (!skb)
		return NULL;
	memcpy(skb->data, data, len);
	skb->portid = portid;
	skb->dst_group = group;
	skb->creds = *creds;
	return skb;
}

/*
 * A copy of @src to every member of @group of @protocol except the one
 * whose port id is @skip (the destination port id of the send: 0 leaves
 * out unbound members; the sender itself, if a member, gets a copy, as
 * on Linux). nl_table_mutex held.
 * Return: 0 if one got it, -ESRCH if no member took it, -ENOMEM if a
 * copy could not be made and nobody got it.
 */
static int nl_broadcast(int protocol, u32 group, struct sk_buff *src,
			u32 skip)
{
	struct netlink_sock *nlk;
	bool delivered = false, nomem = false;
	struct sk_buff *skb;

	list_for_each_entry(nlk, &nl_sockets, node) {
		if (nlk->portid == skip || nlk->sk.sk_protocol != protocol ||
		    !(nlk->groups & group_bit(group)))
			continue;
		skb = nl_make_skb(src->data, src->len, src->portid,
				  src->dst_group, &src->creds);
		if (!skb) {
			nomem = true;
			continue;
		}
		if (nl_deliver(nlk, skb)) {
			kfree_skb(skb);
			continue;
		}
		delivered = true;
	}
	if (delivered)
		return 0;
	return nomem ? -ENOMEM : -ESRCH;
}

/**
 * netlink_broadcast_kernel - see include/linux/netlink.h
 * @protocol: NETLINK_* protocol
 * @group: 1..32
 * @msg: the payload, copied
 * @len: its length
 *
 * Takes nl_table_mutex; may sleep.
 *
 * Return: 0, -ESRCH (no member took it), -ENOMEM, -EINVAL (protocol or
 * group out of range, or no payload).
 */
int netlink_broadcast_kernel(int protocol, u32 group, const void *msg,
			     size_t len)
{
	static const struct ucred kernel_creds;
	struct sk_buff *src;
	int err;

	if (protocol < 0 || protocol >= NETLINK_MAX_PROTOCOLS ||
	    group < 1 || group > 32 || (!msg && len) || len > INT_MAX)
		return -EINVAL;
	src = nl_make_skb(msg, len, 0, group, &kernel_creds);
	if (!src)
		return -ENOMEM;
	mutex_lock(&nl_table_mutex);
	err = nl_broadcast(protocol, group, src, 0);
	mutex_unlock(&nl_table_mutex);
	kfree_skb(src);
	return err;
}

static bool nl_has_room(struct sock *sk)
{
	struct netlink_sock *nlk = nlk_sk(sk);

	return sock_flag(sk, SOCK_DEAD_BIT) ||
	       (!READ_ONCE(nlk->congested) &&
		READ_ONCE(sk->sk_rmem_alloc) <= READ_ONCE(sk->sk_rcvbuf));
}

/*
 * Send @skb from @from to the socket with @portid, waiting for room up
 * to @timeo jiffies (see sock_wait()). Consumes @skb. Port 0 is the kernel: it takes the
 * datagram and, having no requests to serve (Linux's uevent socket
 * re-broadcasts injected events; Tide's does not), drops it.
 * Return: 0, -ECONNREFUSED (nobody there), -EAGAIN, -ERESTARTSYS,
 * -EINTR.
 */
static int nl_unicast(struct netlink_sock *from, struct sk_buff *skb,
		      u32 portid, long timeo)
{
	struct netlink_sock *to;
	int err;

	if (!portid) {
		kfree_skb(skb);
		return 0;
	}
	for (;;) {
		mutex_lock(&nl_table_mutex);
		to = nl_lookup(from->sk.sk_protocol, portid);
		if (!to || (to->connected && to->dst_portid != from->portid)) {
			mutex_unlock(&nl_table_mutex);
			kfree_skb(skb);
			return -ECONNREFUSED;
		}
		spin_lock(&to->sk.sk_lock);
		if (!to->congested &&
		    to->sk.sk_rmem_alloc <= READ_ONCE(to->sk.sk_rcvbuf)) {
			__sock_queue_rcv(&to->sk, skb);
			spin_unlock(&to->sk.sk_lock);
			mutex_unlock(&nl_table_mutex);
			wake_up_interruptible_all(&to->sk.sk_wq);
			return 0;
		}
		spin_unlock(&to->sk.sk_lock);
		sock_hold(&to->sk);
		mutex_unlock(&nl_table_mutex);
		err = sock_wait(&to->sk, nl_has_room, &timeo);
		sock_put(&to->sk);
		if (err) {
			kfree_skb(skb);
			return err;
		}
	}
}

static int netlink_sendmsg(struct socket *sock, struct msghdr *m, size_t len)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	struct sockaddr_nl *addr = m->msg_name;
	struct ucred creds = { .pid = current->tgid };
	u32 dst_portid = 0, dst_group = 0;
	struct sk_buff *skb;
	int err;

	if (m->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (m->msg_namelen) {
		if (m->msg_namelen < sizeof(*addr) ||
		    addr->nl_family != AF_NETLINK)
			return -EINVAL;
		dst_portid = addr->nl_pid;
		dst_group = __builtin_ffs(addr->nl_groups);
	}
	mutex_lock(&nl_table_mutex);
	if (!m->msg_namelen) {
		dst_portid = nlk->dst_portid;
		dst_group = nlk->dst_group;
	}
	err = nl_autobind(nlk);
	mutex_unlock(&nl_table_mutex);
	if (err)
		return err;
	if (len > READ_ONCE(nlk->sk.sk_sndbuf) - 32)
		return -EMSGSIZE;
	skb = alloc_skb(len);
	if (!skb)
		return -ENOBUFS;
	if (msg_copy_from(&m->msg_iter, skb->data, len)) {
		kfree_skb(skb);
		return -EFAULT;
	}
	skb->portid = nlk->portid;
	skb->dst_group = dst_group;
	skb->creds = creds;
	if (dst_group) {
		mutex_lock(&nl_table_mutex);
		nl_broadcast(nlk->sk.sk_protocol, dst_group, skb, dst_portid);
		mutex_unlock(&nl_table_mutex);
	}
	err = nl_unicast(nlk, skb, dst_portid,
			 sock_timeo(nlk->sk.sk_sndtimeo, m->msg_flags));
	return err ? err : len;
}

static int netlink_recvmsg(struct socket *sock, struct msghdr *m, size_t len,
			   int flags)
{
	struct sock *sk = sock->sk;
	struct netlink_sock *nlk = nlk_sk(sk);
	struct sockaddr_nl *addr = m->msg_name;
	struct sk_buff *skb;
	size_t copied;
	int err = 0;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	copied = skb->len;
	if (len < copied) {
		m->msg_flags |= MSG_TRUNC;
		copied = len;
	}
	if (msg_copy_to(&m->msg_iter, skb->data, copied))
		err = -EFAULT;
	if (addr) {
		memset(addr, 0, sizeof(*addr));
		addr->nl_family = AF_NETLINK;
		addr->nl_pid = skb->portid;
		addr->nl_groups = group_bit(skb->dst_group);
		m->msg_namelen = sizeof(*addr);
	}
	if (!err && sock_flag(sk, SOCK_PASSCRED_BIT))
		err = put_cmsg(m, SOL_SOCKET, SCM_CREDENTIALS,
			       sizeof(skb->creds), &skb->creds);
	if (flags & MSG_TRUNC)
		copied = skb->len;
	kfree_skb(skb);
	/* An emptied queue lets deliveries in again. */
	spin_lock(&sk->sk_lock);
	if (list_empty(&sk->sk_receive_queue))
		nlk->congested = false;
	spin_unlock(&sk->sk_lock);
	return err ? err : copied;
}

static int netlink_bind(struct socket *sock, struct sockaddr *uaddr, int len)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	struct sockaddr_nl *addr = (struct sockaddr_nl *)uaddr;
	int err = 0;

	if (len < sizeof(*addr) || addr->nl_family != AF_NETLINK)
		return -EINVAL;
	mutex_lock(&nl_table_mutex);
	if (nlk->bound && addr->nl_pid != nlk->portid) {
		err = -EINVAL;
		goto unlock;
	}
	if (!nlk->bound)
		err = addr->nl_pid ? nl_insert(nlk, addr->nl_pid) :
				     nl_autobind(nlk);
	if (!err)
		nlk->groups = addr->nl_groups;
unlock:
	mutex_unlock(&nl_table_mutex);
	return err;
}

static int netlink_connect(struct socket *sock, struct sockaddr *uaddr,
			   int len, int flags)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	struct sockaddr_nl *addr = (struct sockaddr_nl *)uaddr;
	int err;

	if (len < sizeof(addr->nl_family))
		return -EINVAL;
	mutex_lock(&nl_table_mutex);
	if (addr->nl_family == AF_UNSPEC) {
		nlk->connected = false;
		nlk->dst_portid = 0;
		nlk->dst_group = 0;
		err = 0;
	} else if (addr->nl_family != AF_NETLINK || len < sizeof(*addr)) {
		err = -EINVAL;
	} else {
		err = nl_autobind(nlk);
		if (!err) {
			nlk->connected = true;
			nlk->dst_portid = addr->nl_pid;
			nlk->dst_group = __builtin_ffs(addr->nl_groups);
		}
	}
	mutex_unlock(&nl_table_mutex);
	return err;
}

static int netlink_getname(struct socket *sock, struct sockaddr *uaddr,
			   int peer)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	struct sockaddr_nl *addr = (struct sockaddr_nl *)uaddr;

	memset(addr, 0, sizeof(*addr));
	addr->nl_family = AF_NETLINK;
	mutex_lock(&nl_table_mutex);
	if (peer) {
		addr->nl_pid = nlk->dst_portid;
		addr->nl_groups = group_bit(nlk->dst_group);
	} else {
		addr->nl_pid = nlk->portid;
		addr->nl_groups = nlk->groups;
	}
	mutex_unlock(&nl_table_mutex);
	return sizeof(*addr);
}

static int netlink_setsockopt(struct socket *sock, int level, int optname,
			      void __user *optval, unsigned int optlen)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	unsigned int val = 0;
	int err = 0;

	if (level != SOL_NETLINK)
		return -ENOPROTOOPT;
	if (optlen >= sizeof(int) && copy_from_user(&val, optval, sizeof(val)))
		return -EFAULT;
	switch (optname) {
	case NETLINK_ADD_MEMBERSHIP:
	case NETLINK_DROP_MEMBERSHIP:
		if (!val || val > 32)
			return -EINVAL;
		mutex_lock(&nl_table_mutex);
		if (optname == NETLINK_ADD_MEMBERSHIP)
			nlk->groups |= group_bit(val);
		else
			nlk->groups &= ~group_bit(val);
		mutex_unlock(&nl_table_mutex);
		break;
	case NETLINK_NO_ENOBUFS:
		spin_lock(&nlk->sk.sk_lock);
		WRITE_ONCE(nlk->no_enobufs, !!val);
		if (val)
			nlk->congested = false;
		spin_unlock(&nlk->sk.sk_lock);
		wake_up_interruptible_all(&nlk->sk.sk_wq);
		break;
	default:
		err = -ENOPROTOOPT;
	}
	return err;
}

static int netlink_getsockopt(struct socket *sock, int level, int optname,
			      void __user *optval, int __user *optlen)
{
	struct netlink_sock *nlk = nlk_sk(sock->sk);
	int len, val;

	if (level != SOL_NETLINK)
		return -ENOPROTOOPT;
	if (copy_from_user(&len, optlen, sizeof(len)))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	switch (optname) {
	case NETLINK_NO_ENOBUFS:
		val = READ_ONCE(nlk->no_enobufs);
		break;
	case NETLINK_PKTINFO:
	case NETLINK_BROADCAST_ERROR:
	case NETLINK_LISTEN_ALL_NSID:
	case NETLINK_CAP_ACK:
	case NETLINK_EXT_ACK:
	case NETLINK_GET_STRICT_CHK:
		val = 0;	/* none of these can be turned on here */
		break;
	default:
		return -ENOPROTOOPT;
	}
	if (len < sizeof(int))
		return -EINVAL;
	len = sizeof(int);
	if (copy_to_user(optlen, &len, sizeof(len)) ||
	    copy_to_user(optval, &val, sizeof(val)))
		return -EFAULT;
	return 0;
}

static int netlink_release(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct netlink_sock *nlk;

	if (!sk)
		return 0;
	nlk = nlk_sk(sk);
	mutex_lock(&nl_table_mutex);
	list_del_init(&nlk->node);
	nlk->bound = false;
	mutex_unlock(&nl_table_mutex);
	set_bit(SOCK_DEAD_BIT, &sk->sk_flags);
	wake_up_interruptible_all(&sk->sk_wq);
	sock->sk = NULL;
	sock_put(sk);
	return 0;
}

static const struct proto_ops netlink_ops = {
	.family = AF_NETLINK,
	.release = netlink_release,
	.bind = netlink_bind,
	.connect = netlink_connect,
	.getname = netlink_getname,
	.poll = datagram_poll,
	.setsockopt = netlink_setsockopt,
	.getsockopt = netlink_getsockopt,
	.sendmsg = netlink_sendmsg,
	.recvmsg = netlink_recvmsg,
};

static int netlink_create(struct socket *sock, int protocol, bool kern)
{
	struct netlink_sock *nlk;

	sock->state = SS_UNCONNECTED;
	if (sock->type != SOCK_RAW && sock->type != SOCK_DGRAM)
		return -ESOCKTNOSUPPORT;
	if (protocol < 0 || protocol >= NETLINK_MAX_PROTOCOLS ||
	    !(NETLINK_SERVED & (1U << protocol)))
		return -EPROTONOSUPPORT;
	nlk = kzalloc(sizeof(*nlk), GFP_KERNEL);
	if (!nlk)
		return -ENOMEM;
	sock_init_data(sock, &nlk->sk);
	nlk->sk.sk_family = AF_NETLINK;
	nlk->sk.sk_protocol = protocol;
	sock->ops = &netlink_ops;
	mutex_lock(&nl_table_mutex);
	list_add_tail(&nlk->node, &nl_sockets);
	mutex_unlock(&nl_table_mutex);
	return 0;
}

static const struct net_proto_family netlink_family = {
	.family = AF_NETLINK,
	.create = netlink_create,
};

static int netlink_proto_init(void)
{
	return sock_register(&netlink_family);
}
core_initcall(netlink_proto_init);
