/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What user space hands the socket calls: address families, the
 * generic address, struct msghdr and control messages, the flags of
 * send and receive, and the SOL_SOCKET options. Every value is Linux's
 * x86-64 ABI.
 */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

#include <linux/types.h>

/* Address families (socket()'s first argument). */
#define AF_UNSPEC	0
#define AF_UNIX		1
#define AF_INET		2
#define AF_INET6	10
#define AF_NETLINK	16
#define AF_PACKET	17
#define AF_MAX		46	/* families Linux numbers: 0 .. AF_MAX - 1 */

typedef unsigned short sa_family_t;

/* The generic address; every family's starts with its sa_family_t. */
struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* Large enough for any family's address: the most bind() accepts. */
#define SOCKADDR_STORAGE_SIZE	128
struct sockaddr_storage {
	sa_family_t ss_family;
	char __data[SOCKADDR_STORAGE_SIZE - sizeof(sa_family_t)];
} __aligned(8);

/* The user's struct iovec and struct msghdr (x86-64 layout). */
struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

struct user_msghdr {
	void __user *msg_name;
	int msg_namelen;
	struct iovec __user *msg_iov;
	size_t msg_iovlen;
	void __user *msg_control;
	size_t msg_controllen;
	unsigned int msg_flags;
};

/* SO_RCVTIMEO and SO_SNDTIMEO's value: struct timeval. */
struct sock_timeval {
	long tv_sec;
	long tv_usec;
};

/* Most vectors one call takes. */
#define UIO_MAXIOV	1024

/* A control message header; its data follows, aligned to 8 bytes. */
struct cmsghdr {
	size_t cmsg_len;	/* header and data, unpadded */
	int cmsg_level;
	int cmsg_type;
};

#define CMSG_ALIGN(len)	(((len) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define CMSG_LEN(len)	(CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_SPACE(len)	(CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))

/* SCM_CREDENTIALS' data: the sender's process, user and group. */
struct ucred {
	u32 pid;
	u32 uid;
	u32 gid;
};

#define SCM_RIGHTS	0x01
#define SCM_CREDENTIALS	0x02

/* Flags of send and receive calls. */
#define MSG_OOB		0x1
#define MSG_PEEK	0x2
#define MSG_DONTROUTE	0x4
#define MSG_CTRUNC	0x8
#define MSG_TRUNC	0x20
#define MSG_DONTWAIT	0x40
#define MSG_EOR		0x80
#define MSG_WAITALL	0x100
#define MSG_NOSIGNAL	0x4000
#define MSG_ERRQUEUE	0x2000
#define MSG_CMSG_CLOEXEC 0x40000000

/* shutdown()'s how. */
#define SHUT_RD		0
#define SHUT_WR		1
#define SHUT_RDWR	2

/* Option levels. */
#define SOL_SOCKET	1
#define SOL_NETLINK	270

/* SOL_SOCKET options. */
#define SO_DEBUG	1
#define SO_REUSEADDR	2
#define SO_TYPE		3
#define SO_ERROR	4
#define SO_DONTROUTE	5
#define SO_BROADCAST	6
#define SO_SNDBUF	7
#define SO_RCVBUF	8
#define SO_KEEPALIVE	9
#define SO_OOBINLINE	10
#define SO_NO_CHECK	11
#define SO_PRIORITY	12
#define SO_LINGER	13
#define SO_BSDCOMPAT	14
#define SO_REUSEPORT	15
#define SO_PASSCRED	16
#define SO_PEERCRED	17
#define SO_RCVLOWAT	18
#define SO_SNDLOWAT	19
#define SO_RCVTIMEO	20
#define SO_SNDTIMEO	21
#define SO_SNDBUFFORCE	32
#define SO_RCVBUFFORCE	33
#define SO_ACCEPTCONN	30
#define SO_PROTOCOL	38
#define SO_DOMAIN	39

#endif /* _LINUX_SOCKET_H */
