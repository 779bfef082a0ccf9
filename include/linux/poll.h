/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll(2) readiness: the EPOLL* bits a file's poll operation returns,
 * and poll_wait(), through which it registers the wait queues whose
 * wake-up means its readiness may have changed (fs/select.c).
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>

/* Linux's values (poll's POLL* bits are the same numbers). */
#define EPOLLIN		0x0001
#define EPOLLPRI	0x0002
#define EPOLLOUT	0x0004
#define EPOLLERR	0x0008
#define EPOLLHUP	0x0010
#define EPOLLNVAL	0x0020
#define EPOLLRDNORM	0x0040
#define EPOLLRDBAND	0x0080
#define EPOLLWRNORM	0x0100
#define EPOLLWRBAND	0x0200
#define EPOLLMSG	0x0400
#define EPOLLRDHUP	0x2000

/* What a file without a poll operation reports: always ready. */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *file,
				struct wait_queue_head *wq,
				struct poll_table_struct *pt);

/**
 * struct poll_table_struct - the poller's side of a poll operation
 * @_qproc: registers the poller on a queue; NULL once registered
 * @_key: the events the poller waits for
 */
typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	unsigned int _key;
} poll_table;

/* Called by a poll operation for each queue that signals a change. */
static inline void poll_wait(struct file *file, struct wait_queue_head *wq,
			     poll_table *pt)
{
	if (pt && pt->_qproc && wq)
		pt->_qproc(file, wq, pt);
}

/* Readiness of @file now, registering @pt's poller if @pt allows. */
unsigned int vfs_poll(struct file *file, poll_table *pt);

#endif /* _LINUX_POLL_H */
