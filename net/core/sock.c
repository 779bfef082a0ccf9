// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: what every socket family shares
 *
 * A struct sock holds a socket's receive queue of datagrams (struct
 * sk_buff), the bytes they count against its receive buffer, a pending
 * error, and the SOL_SOCKET options. Receivers take datagrams off the
 * queue (or peek at them), sleeping on sk_wq while it is empty; poll
 * reports what is queued. The limits and the doubling of SO_RCVBUF and
 * SO_SNDBUF values are Linux's, so that user space reads back what it
 * reads on Linux.
 *
 * Lock rules are in include/net/sock.h, beside struct sock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <net/sock.h>

/**
 * alloc_skb - a datagram with room for @len bytes
 * @len: its length
 *
 * Return: the datagram with one reference (zeroed header), or NULL.
 */
struct sk_buff *alloc_skb(unsigned int len)
{
	struct sk_buff *skb = kmalloc(sizeof(*skb) + len, GFP_KERNEL);

	if (!skb)
		return NULL;
	memset(skb, 0, sizeof(*skb));
	INIT_LIST_HEAD(&skb->node);
	atomic_set(&skb->users, 1);
	skb->len = len;
	skb->truesize = ALIGN(len, 64) + SKB_OVERHEAD;
	return skb;
}

/**
 * kfree_skb - drop a reference to a datagram
 * @skb: the datagram, or NULL; freed at its last reference
 */
void kfree_skb(struct sk_buff *skb)
{
	struct sock *owner;

	if (!skb || !atomic_dec_and_test(&skb->users))
		return;
	owner = skb->owner;
	if (owner) {
		spin_lock(&owner->sk_lock);
		owner->sk_wmem_alloc -= skb->truesize;
		spin_unlock(&owner->sk_lock);
		wake_up_interruptible_all(&owner->sk_wq);
		sock_put(owner);
	}
	kfree(skb);
}

/**
 * skb_set_owner_w - count a datagram against its sender's send buffer
 * @skb: the datagram, not yet queued
 * @owner: the sender; referenced until @skb is freed
 */
void skb_set_owner_w(struct sk_buff *skb, struct sock *owner)
{
	sock_hold(owner);
	skb->owner = owner;
	spin_lock(&owner->sk_lock);
	owner->sk_wmem_alloc += skb->truesize;
	spin_unlock(&owner->sk_lock);
}

/**
 * sock_init_data - the generic part of a new sock
 * @sock: its socket, or NULL
 * @sk: the sock, zeroed by its family
 *
 * One reference, Linux's default buffer sizes, an empty queue.
 */
void sock_init_data(struct socket *sock, struct sock *sk)
{
	spin_lock_init(&sk->sk_lock);
	INIT_LIST_HEAD(&sk->sk_receive_queue);
	init_waitqueue_head(&sk->sk_wq);
	atomic_set(&sk->sk_refcnt, 1);
	sk->sk_rcvtimeo = MAX_SOCK_TIMEO;
	sk->sk_sndtimeo = MAX_SOCK_TIMEO;
	sk->sk_rcvbuf = SYSCTL_RMEM_DEFAULT;
	sk->sk_sndbuf = SYSCTL_WMEM_DEFAULT;
	sk->sk_socket = sock;
	if (sock) {
		sk->sk_type = sock->type;
		sock->sk = sk;
	}
}

/**
 * sock_hold - take a reference to @sk
 * @sk: the sock
 */
void sock_hold(struct sock *sk)
{
	atomic_inc(&sk->sk_refcnt);
}

/**
 * sock_put - drop a reference; the last one destroys @sk
 * @sk: the sock
 */
void sock_put(struct sock *sk)
{
	if (!atomic_dec_and_test(&sk->sk_refcnt))
		return;
	sock_purge_queue(sk);
	if (sk->sk_destruct)
		sk->sk_destruct(sk);
	else
		kfree(sk);
}

/**
 * __sock_queue_rcv - put a datagram on a receive queue
 * @sk: the receiver, its sk_lock held
 * @skb: the datagram; the queue takes over the caller's reference
 *
 * Does not check the buffer limit: the family decides. The caller
 * wakes sk_wq once it has dropped the lock.
 */
void __sock_queue_rcv(struct sock *sk, struct sk_buff *skb)
{
	list_add_tail(&skb->node, &sk->sk_receive_queue);
	sk->sk_rmem_alloc += skb->truesize;
}

/**
 * sock_purge_queue - drop every datagram queued on @sk
 * @sk: the sock
 */
void sock_purge_queue(struct sock *sk)
{
	struct sk_buff *skb, *tmp;
	LIST_HEAD(gone);

	spin_lock(&sk->sk_lock);
	while (!list_empty(&sk->sk_receive_queue))
		list_move_tail(sk->sk_receive_queue.next, &gone);
	sk->sk_rmem_alloc = 0;
	spin_unlock(&sk->sk_lock);
	list_for_each_entry_safe(skb, tmp, &gone, node)
		kfree_skb(skb);
}

/**
 * sock_error - take the pending error of @sk
 * @sk: the sock
 *
 * Return: the negative errno that was pending (now cleared), or 0.
 */
int sock_error(struct sock *sk)
{
	int err;

	spin_lock(&sk->sk_lock);
	err = sk->sk_err;
	sk->sk_err = 0;
	spin_unlock(&sk->sk_lock);
	return -err;
}

/**
 * sock_has_input - is there something for a receive of @sk to report?
 * @sk: the sock
 *
 * Return: true with a datagram queued, an error pending, or receiving
 * shut down (end of file).
 */
bool sock_has_input(struct sock *sk)
{
	return !list_empty(&sk->sk_receive_queue) || READ_ONCE(sk->sk_err) ||
	       (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN);
}

/**
 * sock_wait - see include/net/sock.h
 * @sk: the sock whose sk_wq to sleep on
 * @ready: the condition
 * @timeo: jiffies left, MAX_SOCK_TIMEO for no limit; updated
 *
 * Return: 0, -EAGAIN (time ran out, or *@timeo was 0), -ERESTARTSYS
 * (a signal, no timeout set) or -EINTR (a signal, a timeout set).
 */
int sock_wait(struct sock *sk, bool (*ready)(struct sock *sk), long *timeo)
{
	struct wait_queue_entry w;
	u64 left = *timeo == MAX_SOCK_TIMEO ? U64_MAX :
		   (u64)*timeo * (NSEC_PER_SEC / HZ);
	int ret = 0;

	init_wait_entry(&w, 0);
	for (;;) {
		prepare_to_wait(&sk->sk_wq, &w, TASK_INTERRUPTIBLE);
		if (ready(sk))
			break;
		if (!left) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = *timeo == MAX_SOCK_TIMEO ? -ERESTARTSYS : -EINTR;
			break;
		}
		left = schedule_timeout_ns(left);
	}
	finish_wait(&sk->sk_wq, &w);
	if (*timeo != MAX_SOCK_TIMEO)
		*timeo = DIV_ROUND_UP(left, NSEC_PER_SEC / HZ);
	return ret;
}

/**
 * skb_recv_datagram - the next datagram of a receive queue
 * @sk: the receiver
 * @flags: MSG_PEEK leaves it queued; MSG_DONTWAIT does not wait
 * @err: the error when none is returned
 *
 * A pending error (a lost datagram's -ENOBUFS) is reported first, and
 * cleared, even while datagrams are queued: as on Linux.
 *
 * Return: the datagram with a reference for the caller, or NULL with
 * *@err set (-EAGAIN, -ERESTARTSYS, -EINTR or the pending error).
 */
struct sk_buff *skb_recv_datagram(struct sock *sk, int flags, int *err)
{
	long timeo = sock_timeo(sk->sk_rcvtimeo, flags);
	struct sk_buff *skb;
	int ret;

	for (;;) {
		spin_lock(&sk->sk_lock);
		if (sk->sk_err) {
			*err = -sk->sk_err;
			sk->sk_err = 0;
			spin_unlock(&sk->sk_lock);
			return NULL;
		}
		skb = list_first_entry_or_null(&sk->sk_receive_queue,
					       struct sk_buff, node);
		if (skb) {
			if (flags & MSG_PEEK) {
				atomic_inc(&skb->users);
			} else {
				list_del_init(&skb->node);
				sk->sk_rmem_alloc -= skb->truesize;
			}
			spin_unlock(&sk->sk_lock);
			if (!(flags & MSG_PEEK))
				wake_up_interruptible_all(&sk->sk_wq);
			return skb;
		}
		if (sk->sk_shutdown & RCV_SHUTDOWN) {
			spin_unlock(&sk->sk_lock);
			*err = 0;
			return NULL;
		}
		spin_unlock(&sk->sk_lock);
		ret = sock_wait(sk, sock_has_input, &timeo);
		if (ret) {
			*err = ret;
			return NULL;
		}
	}
}

/**
 * datagram_poll - poll of a datagram socket
 * @file: its file
 * @sock: the socket
 * @pt: the poller
 *
 * Return: EPOLLIN|EPOLLRDNORM with a datagram queued, EPOLLERR with an
 * error pending, and always EPOLLOUT|EPOLLWRNORM|EPOLLWRBAND (sending
 * never waits for the sender's own buffer here).
 */
unsigned int datagram_poll(struct file *file, struct socket *sock,
			   struct poll_table_struct *pt)
{
	struct sock *sk = sock->sk;
	unsigned int mask = EPOLLOUT | EPOLLWRNORM | EPOLLWRBAND;

	poll_wait(file, &sk->sk_wq, pt);
	spin_lock(&sk->sk_lock);
	if (sk->sk_err)
		mask |= EPOLLERR;
	if (!list_empty(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	spin_unlock(&sk->sk_lock);
	return mask;
}

#define USEC_PER_SEC	1000000L

/* Linux's rule for SO_RCVBUF/SO_SNDBUF: the value doubled, within limits. */
static int sock_buf_size(int val, int floor)
{
	if (val > INT_MAX / 2)
		val = INT_MAX / 2;
	return max(val * 2, floor);
}

/* SO_RCVTIMEO/SO_SNDTIMEO's struct timeval into jiffies, as Linux rounds. */
static int sock_set_timeout(long *timeo, void __user *optval,
			    unsigned int optlen)
{
	struct sock_timeval tv;

	if (optlen < sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, optval, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_usec < 0 || tv.tv_usec >= USEC_PER_SEC)
		return -EDOM;
	if (tv.tv_sec < 0) {
		/* Linux takes a negative time as "do not wait". */
		WRITE_ONCE(*timeo, 0);
		return 0;
	}
	if ((!tv.tv_sec && !tv.tv_usec) ||
	    tv.tv_sec >= MAX_SOCK_TIMEO / HZ - 1) {
		WRITE_ONCE(*timeo, MAX_SOCK_TIMEO);
		return 0;
	}
	WRITE_ONCE(*timeo, tv.tv_sec * HZ +
		   DIV_ROUND_UP(tv.tv_usec, USEC_PER_SEC / HZ));
	return 0;
}

/* The struct timeval of a timeout in jiffies; none is {0, 0}. */
static struct sock_timeval sock_get_timeout(long timeo)
{
	struct sock_timeval tv = { 0, 0 };

	if (timeo != MAX_SOCK_TIMEO) {
		tv.tv_sec = timeo / HZ;
		tv.tv_usec = (timeo % HZ) * (USEC_PER_SEC / HZ);
	}
	return tv;
}

/**
 * sock_setsockopt - setsockopt(2) at level SOL_SOCKET
 * @sock: the socket
 * @optname: SO_REUSEADDR, SO_PASSCRED, SO_RCVBUF, SO_SNDBUF,
 * SO_RCVBUFFORCE, SO_SNDBUFFORCE (every caller is root here), and
 * SO_RCVTIMEO, SO_SNDTIMEO (a struct timeval)
 * @optval: the user's int or timeval
 * @optlen: its length
 *
 * Return: 0, -EINVAL (@optlen too short), -EFAULT, -EDOM (tv_usec out of
 * range), -ENOPROTOOPT (another option).
 */
int sock_setsockopt(struct socket *sock, int optname,
		    void __user *optval, unsigned int optlen)
{
	struct sock *sk = sock->sk;
	int val;

	if (optname == SO_RCVTIMEO)
		return sock_set_timeout(&sk->sk_rcvtimeo, optval, optlen);
	if (optname == SO_SNDTIMEO)
		return sock_set_timeout(&sk->sk_sndtimeo, optval, optlen);
	if (optlen < sizeof(int))
		return -EINVAL;
	if (copy_from_user(&val, optval, sizeof(val)))
		return -EFAULT;
	switch (optname) {
	case SO_REUSEADDR:
		WRITE_ONCE(sk->sk_reuse, !!val);
		return 0;
	case SO_PASSCRED:
		if (val)
			set_bit(SOCK_PASSCRED_BIT, &sk->sk_flags);
		else
			clear_bit(SOCK_PASSCRED_BIT, &sk->sk_flags);
		return 0;
	case SO_RCVBUF:
		/* Unsigned, as Linux compares: a negative value is huge. */
		if ((unsigned int)val > SYSCTL_RMEM_MAX)
			val = SYSCTL_RMEM_MAX;
		WRITE_ONCE(sk->sk_rcvbuf, sock_buf_size(val, SOCK_MIN_RCVBUF));
		return 0;
	case SO_RCVBUFFORCE:
		WRITE_ONCE(sk->sk_rcvbuf,
			   sock_buf_size(max(val, 0), SOCK_MIN_RCVBUF));
		return 0;
	case SO_SNDBUF:
		if ((unsigned int)val > SYSCTL_WMEM_MAX)
			val = SYSCTL_WMEM_MAX;
		WRITE_ONCE(sk->sk_sndbuf, sock_buf_size(val, SOCK_MIN_SNDBUF));
		return 0;
	case SO_SNDBUFFORCE:
		WRITE_ONCE(sk->sk_sndbuf,
			   sock_buf_size(max(val, 0), SOCK_MIN_SNDBUF));
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/* The int value of a readable SOL_SOCKET option, or -ENOPROTOOPT. */
static int sock_option_value(struct socket *sock, int optname, int *val)
{
	struct sock *sk = sock->sk;

	switch (optname) {
	case SO_TYPE:
		*val = sk->sk_type;
		break;
	case SO_PROTOCOL:
		*val = sk->sk_protocol;
		break;
	case SO_DOMAIN:
		*val = sk->sk_family;
		break;
	case SO_ERROR:
		*val = -sock_error(sk);
		break;
	case SO_REUSEADDR:
		*val = READ_ONCE(sk->sk_reuse);
		break;
	case SO_PASSCRED:
		*val = sock_flag(sk, SOCK_PASSCRED_BIT);
		break;
	case SO_RCVBUF:
		*val = READ_ONCE(sk->sk_rcvbuf);
		break;
	case SO_SNDBUF:
		*val = READ_ONCE(sk->sk_sndbuf);
		break;
	case SO_ACCEPTCONN:
	case SO_KEEPALIVE:
	case SO_BROADCAST:
	case SO_DEBUG:
	case SO_DONTROUTE:
	case SO_OOBINLINE:
	case SO_REUSEPORT:
	case SO_PRIORITY:
	case SO_NO_CHECK:
		/* Options Tide never turns on: their value is off. */
		*val = 0;
		break;
	case SO_RCVLOWAT:
	case SO_SNDLOWAT:
		*val = 1;
		break;
	default:
		return -ENOPROTOOPT;
	}
	return 0;
}

/**
 * sock_getsockopt - getsockopt(2) at level SOL_SOCKET
 * @sock: the socket
 * @optname: SO_TYPE, SO_PROTOCOL, SO_DOMAIN, SO_ERROR (clears it),
 * SO_REUSEADDR, SO_PASSCRED, SO_RCVBUF, SO_SNDBUF, SO_RCVTIMEO,
 * SO_SNDTIMEO and the int options Tide keeps off (SO_KEEPALIVE, ...: 0)
 * @optval: user buffer; a shorter one than an int gets its first bytes
 * @optlen: in: the buffer's length; out: the bytes written
 *
 * Return: 0, -EFAULT, -EINVAL (negative length), -ENOPROTOOPT.
 */
int sock_getsockopt(struct socket *sock, int optname,
		    void __user *optval, int __user *optlen)
{
	int len, val, err;

	if (copy_from_user(&len, optlen, sizeof(len)))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (optname == SO_RCVTIMEO || optname == SO_SNDTIMEO) {
		struct sock_timeval tv = sock_get_timeout(optname == SO_RCVTIMEO ?
				READ_ONCE(sock->sk->sk_rcvtimeo) :
				READ_ONCE(sock->sk->sk_sndtimeo));

		len = min_t(int, len, sizeof(tv));
		if (copy_to_user(optval, &tv, len))
			return -EFAULT;
		goto out;
	}
	err = sock_option_value(sock, optname, &val);
	if (err)
		return err;
	len = min_t(int, len, sizeof(val));
	if (copy_to_user(optval, &val, len))
		return -EFAULT;
out:
	if (copy_to_user(optlen, &len, sizeof(len)))
		return -EFAULT;
	return 0;
}
