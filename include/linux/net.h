/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The socket layer (net/socket.c): struct socket, the operations an
 * address family gives its sockets, and the kernel's form of a message
 * (struct msghdr) whose data may live in user or kernel memory.
 * Documentation/networking/netlink.rst describes the design.
 */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/types.h>
#include <linux/socket.h>
#include <linux/wait.h>

struct file;
struct sock;
struct poll_table_struct;

/* Socket types (socket()'s second argument, below the flags). */
#define SOCK_STREAM	1
#define SOCK_DGRAM	2
#define SOCK_RAW	3
#define SOCK_RDM	4
#define SOCK_SEQPACKET	5
#define SOCK_DCCP	6
#define SOCK_PACKET	10
#define SOCK_MAX	11
#define SOCK_TYPE_MASK	0xf

/* Flags or'ed into the type, as O_CLOEXEC and O_NONBLOCK. */
#define SOCK_CLOEXEC	02000000
#define SOCK_NONBLOCK	04000

/* struct socket's state. */
enum socket_state {
	SS_FREE = 0,
	SS_UNCONNECTED,
	SS_CONNECTING,
	SS_CONNECTED,
	SS_DISCONNECTING,
};

/*
 * struct msg_iter - where a message's bytes go or come from
 * @kernel: @kbuf is a kernel buffer; else @iov is a kernel copy of the
 * user's vectors
 * @count: bytes left
 * @seg, @off: the position in @iov
 */
struct msg_iter {
	bool kernel;
	union {
		const struct iovec *iov;
		void *kbuf;
	};
	unsigned long nr_segs;
	size_t count;
	unsigned long seg;
	size_t off;
};

/*
 * struct msghdr - a message inside the kernel
 * @msg_name: the address, in kernel memory (NULL: none)
 * @msg_namelen: its length (set by the receive to the sender's)
 * @msg_control: control messages: user memory unless
 * @msg_control_is_kernel; advanced as put_cmsg() fills it
 * @msg_flags: MSG_* results of a receive (MSG_TRUNC, MSG_CTRUNC)
 */
struct msghdr {
	void *msg_name;
	int msg_namelen;
	struct msg_iter msg_iter;
	void *msg_control;
	size_t msg_controllen;
	bool msg_control_is_kernel;
	unsigned int msg_flags;
};

/**
 * struct socket - the file side of a socket
 * @state: SS_*
 * @type: SOCK_*
 * @file: the open file it belongs to (NULL for kernel sockets)
 * @sk: the family's protocol state
 * @ops: the family's operations
 */
struct socket {
	enum socket_state state;
	short type;
	struct file *file;
	struct sock *sk;
	const struct proto_ops *ops;
};

/*
 * What a family gives its sockets. Each returns 0 or -errno unless
 * said; a family without an operation gives Linux's -EOPNOTSUPP.
 */
struct proto_ops {
	int family;
	int (*release)(struct socket *sock);
	int (*bind)(struct socket *sock, struct sockaddr *addr, int len);
	int (*connect)(struct socket *sock, struct sockaddr *addr, int len,
		       int flags);
	/* Join two new sockets of the family to each other. */
	int (*socketpair)(struct socket *a, struct socket *b);
	/* SHUT_RD, SHUT_WR or SHUT_RDWR. */
	int (*shutdown)(struct socket *sock, int how);
	/* The address's length, written at @addr; @peer: the remote one. */
	int (*getname)(struct socket *sock, struct sockaddr *addr, int peer);
	unsigned int (*poll)(struct file *file, struct socket *sock,
			     struct poll_table_struct *pt);
	/* Options below SOL_SOCKET; @optval is user memory. */
	int (*setsockopt)(struct socket *sock, int level, int optname,
			  void __user *optval, unsigned int optlen);
	int (*getsockopt)(struct socket *sock, int level, int optname,
			  void __user *optval, int __user *optlen);
	/* The bytes sent, or -errno. */
	int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t len);
	/* The bytes received (the whole datagram's with MSG_TRUNC). */
	int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t len,
		       int flags);
};

/* An address family: makes the protocol side of a new socket. */
struct net_proto_family {
	int family;
	int (*create)(struct socket *sock, int protocol, bool kern);
};

int sock_register(const struct net_proto_family *fam);

/**
 * sock_create_kern - a socket for the kernel's own use (tests)
 * @family: AF_*
 * @type: SOCK_* without flags
 * @protocol: the family's protocol
 * @res: the socket; sock_release() it
 *
 * Return: 0, -EAFNOSUPPORT, -EINVAL, -ESOCKTNOSUPPORT,
 * -EPROTONOSUPPORT or -ENOMEM.
 */
int sock_create_kern(int family, int type, int protocol,
		     struct socket **res);
void sock_release(struct socket *sock);

/* Copy into (to) or out of (from) a message's data; return bytes left. */
size_t msg_copy_to(struct msg_iter *it, const void *src, size_t len);
size_t msg_copy_from(struct msg_iter *it, void *dst, size_t len);
int put_cmsg(struct msghdr *m, int level, int type, int len,
	     const void *data);

/* A message whose data is one kernel buffer, for in-kernel callers. */
static inline void msg_init_kernel(struct msghdr *m, void *buf, size_t len)
{
	*m = (struct msghdr){ .msg_iter = { .kernel = true, .kbuf = buf,
					    .nr_segs = 1, .count = len } };
	m->msg_control_is_kernel = true;
}

#endif /* _LINUX_NET_H */
