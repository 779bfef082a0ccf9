/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Netlink as the kernel uses it: AF_NETLINK sockets are implemented in
 * net/netlink/af_netlink.c; other subsystems only send to a multicast
 * group of a protocol (kobject uevents to NETLINK_KOBJECT_UEVENT, group 1).
 */
#ifndef _LINUX_NETLINK_H
#define _LINUX_NETLINK_H

#include <linux/types.h>

/* Protocol numbers (the third argument of socket(AF_NETLINK, ...)). */
#define NETLINK_ROUTE		0
#define NETLINK_KOBJECT_UEVENT	15

/* The multicast group uevents go to. */
#define UEVENT_NETLINK_GROUP	1

/* Protocols are 0 .. NETLINK_MAX_PROTOCOLS - 1; groups 1 .. 32. */
#define NETLINK_MAX_PROTOCOLS	32

/* An AF_NETLINK address (user ABI). nl_pid 0 is the kernel. */
struct sockaddr_nl {
	unsigned short nl_family;	/* AF_NETLINK */
	unsigned short nl_pad;
	u32 nl_pid;			/* port id */
	u32 nl_groups;			/* multicast group mask */
};

/* setsockopt()/getsockopt() options at SOL_NETLINK. */
#define NETLINK_ADD_MEMBERSHIP		1
#define NETLINK_DROP_MEMBERSHIP		2
#define NETLINK_PKTINFO			3
#define NETLINK_BROADCAST_ERROR		4
#define NETLINK_NO_ENOBUFS		5
#define NETLINK_LISTEN_ALL_NSID		8
#define NETLINK_CAP_ACK			10
#define NETLINK_EXT_ACK			11
#define NETLINK_GET_STRICT_CHK		12

/**
 * netlink_broadcast_kernel - send a message from the kernel to a group
 * @protocol: NETLINK_* protocol of the receiving sockets
 * @group: multicast group number (1..32)
 * @msg: the payload, copied
 * @len: its length in bytes
 *
 * Queues a copy of @msg on every socket of @protocol bound to @group,
 * with the sender address {AF_NETLINK, pid 0, groups 1 << (group - 1)}.
 * A socket whose receive buffer is full loses the message (its next
 * receive reports ENOBUFS, as on Linux). May be called from process
 * context with no spinlock held.
 *
 * Return: 0 if at least one socket got it, -ESRCH if none listens,
 * -ENOMEM or -EINVAL.
 */
int netlink_broadcast_kernel(int protocol, u32 group, const void *msg,
			     size_t len);

#endif /* _LINUX_NETLINK_H */
