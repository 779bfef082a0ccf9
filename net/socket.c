// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: the socket layer
 *
 * A socket is an open file on the internal file system sockfs (an
 * S_IFSOCK inode named "socket:[INO]") whose private data is a struct
 * socket; the address family's operations (struct proto_ops) do the
 * work. This file holds the system calls (socket, bind, connect,
 * sendto, recvmsg, setsockopt, ...), which check descriptors, copy
 * addresses and messages between user and kernel memory with Linux's
 * errnos, and pass the rest to the family. read, write and poll of the
 * file reach the same operations. Families register with
 * sock_register(); a family Tide lacks gives -EAFNOSUPPORT.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/uaccess.h>
#include <net/sock.h>

/* The most one read or write moves, as the VFS's. */
#define SOCK_MAX_RW	0x7ffff000UL

/*
 * net_families: the registered families, by number. Written by
 * sock_register() and read by socket creation, both under
 * families_lock.
 */
static const struct net_proto_family *net_families[AF_MAX];
static DEFINE_SPINLOCK(families_lock);

/**
 * sock_register - make an address family available to socket()
 * @fam: the family, static
 *
 * Return: 0, -EINVAL (number out of range) or -EEXIST.
 */
int sock_register(const struct net_proto_family *fam)
{
	int err = 0;

	if (fam->family < 0 || fam->family >= AF_MAX)
		return -EINVAL;
	spin_lock(&families_lock);
	if (net_families[fam->family])
		err = -EEXIST;
	else
		net_families[fam->family] = fam;
	spin_unlock(&families_lock);
	return err;
}

static const struct net_proto_family *sock_family(int family)
{
	const struct net_proto_family *fam;

	spin_lock(&families_lock);
	fam = net_families[family];
	spin_unlock(&families_lock);
	return fam;
}

/* A new socket of @family, without a file. */
static int sock_create(int family, int type, int protocol, bool kern,
		       struct socket **res)
{
	const struct net_proto_family *fam;
	struct socket *sock;
	int err;

	if (family < 0 || family >= AF_MAX)
		return -EAFNOSUPPORT;
	if (type >= SOCK_MAX || type < 0)
		return -EINVAL;
	fam = sock_family(family);
	if (!fam)
		return -EAFNOSUPPORT;
	sock = kzalloc(sizeof(*sock), GFP_KERNEL);
	if (!sock)
		return -ENOMEM;
	sock->type = type;
	sock->state = SS_UNCONNECTED;
	err = fam->create(sock, protocol, kern);
	if (err) {
		kfree(sock);
		return err;
	}
	*res = sock;
	return 0;
}

/**
 * sock_create_kern - see include/linux/net.h
 * @family: AF_*
 * @type: SOCK_*
 * @protocol: the family's protocol
 * @res: the new socket
 *
 * Return: 0 or the errno socket(2) gives.
 */
int sock_create_kern(int family, int type, int protocol,
		     struct socket **res)
{
	return sock_create(family, type, protocol, true, res);
}

/**
 * sock_release - release a socket and free it
 * @so: a socket from sock_create_kern(), or the one of a file whose
 * last reference went
 */
void sock_release(struct socket *so)
{
	if (so->ops && so->ops->release)
		so->ops->release(so);
	kfree(so);
}

/* ---- sockfs ---- */

static struct dentry *sockfs_mount(struct file_system_type *type, int flags,
				   const char *devname, void *opts)
{
	return pseudo_fs_mount(type, 0x534F434B);	/* SOCKFS_MAGIC */
}

static struct file_system_type sockfs_type = {
	.name = "sockfs",
	.mount = sockfs_mount,
	.kill_sb = kill_anon_super,
};

/*
 * sock_mnt: sockfs, mounted nowhere, made at the first socket and never
 * freed. Set once under sock_mnt_mutex; read under it.
 */
static struct vfsmount *sock_mnt;
static DEFINE_MUTEX(sock_mnt_mutex);

static struct vfsmount *get_sock_mnt(void)
{
	struct vfsmount *mt;

	mutex_lock(&sock_mnt_mutex);
	if (!sock_mnt) {
		mt = kern_mount(&sockfs_type);
		if (!IS_ERR(mt))
			sock_mnt = mt;
	}
	mt = sock_mnt;
	mutex_unlock(&sock_mnt_mutex);
	return mt;
}

static struct socket *sock_from_file(struct file *filp);

/* Copy helpers: the user's or the kernel's memory, vector by vector. */
static size_t msg_copy(struct msg_iter *it, void *kbuf, size_t len,
		       bool to_msg)
{
	size_t done = 0;

	if (it->kernel) {
		size_t n = min(len, it->count);

		if (to_msg)
			memcpy(it->kbuf + it->off, kbuf, n);
		else
			memcpy(kbuf, it->kbuf + it->off, n);
		it->off += n;
		it->count -= n;
		return len - n;
	}
	while (done < len && it->count && it->seg < it->nr_segs) {
		const struct iovec *v = &it->iov[it->seg];
		size_t n = min(len - done, v->iov_len - it->off);
		unsigned long left;

		n = min(n, it->count);
		if (to_msg)
			left = copy_to_user(v->iov_base + it->off,
					    kbuf + done, n);
		else
			left = copy_from_user(kbuf + done,
					      v->iov_base + it->off, n);
		done += n - left;
		it->off += n - left;
		it->count -= n - left;
		if (left)
			break;
		if (it->off == v->iov_len) {
			it->seg++;
			it->off = 0;
		}
	}
	return len - done;
}

/**
 * msg_copy_to - copy bytes into a message's data
 * @it: where they go, advanced
 * @src: kernel memory
 * @len: how many
 *
 * Return: the bytes not copied (a fault, or the end of the buffer).
 */
size_t msg_copy_to(struct msg_iter *it, const void *src, size_t len)
{
	return msg_copy(it, (void *)src, len, true);
}

/**
 * msg_copy_from - copy bytes out of a message's data
 * @it: where they come from, advanced
 * @dst: kernel memory
 * @len: how many
 *
 * Return: the bytes not copied.
 */
size_t msg_copy_from(struct msg_iter *it, void *dst, size_t len)
{
	return msg_copy(it, dst, len, false);
}

/**
 * put_cmsg - add a control message to a receive's msg_control
 * @m: the message; its control pointer and length advance
 * @level: cmsg_level
 * @type: cmsg_type
 * @len: bytes of @data
 * @data: the payload
 *
 * A buffer too short for the header sets MSG_CTRUNC and adds nothing;
 * one too short for the data gets what fits, with MSG_CTRUNC.
 *
 * Return: 0 or -EFAULT.
 */
int put_cmsg(struct msghdr *m, int level, int type, int len,
	     const void *data)
{
	struct cmsghdr h = { .cmsg_level = level, .cmsg_type = type };
	size_t whole = CMSG_LEN(len), used;

	if (!m->msg_control || m->msg_controllen < sizeof(h)) {
		m->msg_flags |= MSG_CTRUNC;
		return 0;
	}
	if (m->msg_controllen < whole) {
		m->msg_flags |= MSG_CTRUNC;
		whole = m->msg_controllen;
	}
	h.cmsg_len = whole;
	if (m->msg_control_is_kernel) {
		memcpy(m->msg_control, &h, sizeof(h));
		memcpy(m->msg_control + sizeof(h), data, whole - sizeof(h));
	} else if (copy_to_user((void __user *)m->msg_control, &h,
				sizeof(h)) ||
		   copy_to_user((void __user *)m->msg_control + sizeof(h),
				data, whole - sizeof(h))) {
		return -EFAULT;
	}
	used = min(CMSG_SPACE(len), m->msg_controllen);
	m->msg_control += used;
	m->msg_controllen -= used;
	return 0;
}

/* ---- the file ---- */

static ssize_t sock_read(struct file *filp, char __user *buf, size_t len,
			 loff_t *pos)
{
	struct socket *sock = sock_from_file(filp);
	struct iovec v = { .iov_base = buf, .iov_len = len };
	struct msghdr m = { .msg_iter = { .iov = &v, .nr_segs = 1,
					  .count = len } };

	if (!len)
		return 0;
	return sock->ops->recvmsg(sock, &m, len,
				  (filp->f_flags & O_NONBLOCK) ?
				  MSG_DONTWAIT : 0);
}

static ssize_t sock_write(struct file *filp, const char __user *buf,
			  size_t len, loff_t *pos)
{
	struct socket *sock = sock_from_file(filp);
	struct iovec v = { .iov_base = (void __user *)buf, .iov_len = len };
	struct msghdr m = { .msg_iter = { .iov = &v, .nr_segs = 1,
					  .count = len } };

	m.msg_flags = (filp->f_flags & O_NONBLOCK) ? MSG_DONTWAIT : 0;
	return sock->ops->sendmsg(sock, &m, len);
}

static unsigned int sock_poll(struct file *filp, poll_table *pt)
{
	struct socket *sock = sock_from_file(filp);

	return sock->ops->poll ? sock->ops->poll(filp, sock, pt) : 0;
}

static int sock_close(struct inode *ip, struct file *filp)
{
	struct socket *so = filp->private_data;

	if (so)
		sock_release(so);
	filp->private_data = NULL;
	return 0;
}

static const struct file_operations sockfs_file_ops = {
	.read = sock_read,
	.write = sock_write,
	.poll = sock_poll,
	.release = sock_close,
};

static struct socket *sock_from_file(struct file *filp)
{
	return filp->f_op == &sockfs_file_ops ? filp->private_data : NULL;
}

/* Give @sock a file and a descriptor; on failure @sock is released. */
static int sock_give_fd(struct socket *sock, int flags)
{
	struct vfsmount *mt = get_sock_mnt();
	struct path pth;
	struct inode *ip;
	struct dentry *d;
	struct file *f;
	char name[32];
	int fd;

	ip = mt ? new_inode(mt->mnt_sb) : NULL;
	if (!ip)
		goto release_sock;
	ip->i_ino = get_next_ino();
	ip->i_mode = S_IFSOCK | 0777;
	ip->i_fop = &sockfs_file_ops;
	snprintf(name, sizeof(name), "socket:[%lu]", ip->i_ino);
	d = d_alloc_name(mt->mnt_root, name);
	if (!d) {
		iput(ip);
		goto release_sock;
	}
	d_instantiate(d, ip);
	pth.mnt = mt;
	pth.dentry = d;
	f = dentry_open(&pth, O_RDWR | (flags & O_NONBLOCK));
	dput(d);
	if (IS_ERR(f))
		goto release_sock;
	f->private_data = sock;
	sock->file = f;
	fd = fd_install_new(f, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);	/* releases the socket */
	return fd;

release_sock:
	sock_release(sock);
	return -ENOMEM;
}

static bool sock_file_nonblock(struct socket *sock)
{
	return READ_ONCE(sock->file->f_flags) & O_NONBLOCK;
}

/* The socket open at @fd, its file referenced; or NULL with *@err. */
static struct socket *sockfd_lookup(int fd, int *err)
{
	struct file *f = fget(fd);

	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	if (!sock_from_file(f)) {
		fput(f);
		*err = -ENOTSOCK;
		return NULL;
	}
	return f->private_data;
}

static void sockfd_put(struct socket *sock)
{
	fput(sock->file);
}

/* An address from user space: at most a sockaddr_storage. */
static int move_addr_to_kernel(void __user *uaddr, int ulen,
			       struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > sizeof(*kaddr))
		return -EINVAL;
	if (ulen && copy_from_user(kaddr, uaddr, ulen))
		return -EFAULT;
	return 0;
}

/*
 * An address to user space: as much of @klen bytes as *@ulenp allows,
 * and *@ulenp set to @klen (the whole length), as Linux does.
 */
static int move_addr_to_user(const void *kaddr, int klen,
			     void __user *uaddr, int __user *ulenp)
{
	int len;

	if (copy_from_user(&len, ulenp, sizeof(len)))
		return -EFAULT;
	if (len > klen)
		len = klen;
	if (len < 0)
		return -EINVAL;
	if (len && copy_to_user(uaddr, kaddr, len))
		return -EFAULT;
	if (copy_to_user(ulenp, &klen, sizeof(klen)))
		return -EFAULT;
	return 0;
}

/* ---- the system calls ---- */

static long sys_socket(struct pt_regs *regs)
{
	int family = SC_ARG0(regs), type = SC_ARG1(regs);
	int protocol = SC_ARG2(regs);
	int flags = type & ~SOCK_TYPE_MASK;
	struct socket *sock;
	int err;

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, false,
			  &sock);
	if (err)
		return err;
	return sock_give_fd(sock, flags);
}
SYSCALL_ENTRY(socket, sys_socket);

static long sys_socketpair(struct pt_regs *regs)
{
	int family = SC_ARG0(regs), type = SC_ARG1(regs);
	int protocol = SC_ARG2(regs);
	int flags = type & ~SOCK_TYPE_MASK;
	struct socket *a, *b;
	int err, fds[2];

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, false, &a);
	if (err)
		return err;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, false, &b);
	if (err)
		goto release_a;
	err = a->ops->socketpair ? a->ops->socketpair(a, b) : -EOPNOTSUPP;
	if (err)
		goto release_b;
	fds[0] = sock_give_fd(a, flags);
	if (fds[0] < 0) {
		sock_release(b);
		return fds[0];
	}
	fds[1] = sock_give_fd(b, flags);
	if (fds[1] < 0) {
		close_fd(fds[0]);
		return fds[1];
	}
	if (copy_to_user((void __user *)SC_ARG3(regs), fds, sizeof(fds))) {
		close_fd(fds[0]);
		close_fd(fds[1]);
		return -EFAULT;
	}
	return 0;

release_b:
	sock_release(b);
release_a:
	sock_release(a);
	return err;
}
SYSCALL_ENTRY(socketpair, sys_socketpair);

/*
 * bind(2) and connect(2): the socket of fd arg 0, the address at arg 1
 * of arg 2 bytes copied in, then the family's operation (EOPNOTSUPP
 * when it has none).
 */
static long sock_addr_call(struct pt_regs *regs, bool connect)
{
	struct sockaddr_storage addr;
	struct sockaddr *sa = (struct sockaddr *)&addr;
	struct socket *sock;
	int len = SC_ARG2(regs);
	int err;

	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	err = move_addr_to_kernel((void __user *)SC_ARG1(regs), len, &addr);
	if (err)
		goto out;
	if (connect)
		err = sock->ops->connect ?
		      sock->ops->connect(sock, sa, len, sock->file->f_flags) :
		      -EOPNOTSUPP;
	else
		err = sock->ops->bind ? sock->ops->bind(sock, sa, len) :
		      -EOPNOTSUPP;
out:
	sockfd_put(sock);
	return err;
}

static long sys_bind(struct pt_regs *regs)
{
	return sock_addr_call(regs, false);
}
SYSCALL_ENTRY(bind, sys_bind);

static long sys_connect(struct pt_regs *regs)
{
	return sock_addr_call(regs, true);
}
SYSCALL_ENTRY(connect, sys_connect);

static long sock_getname_user(struct pt_regs *regs, int peer)
{
	struct sockaddr_storage addr;
	struct socket *sock;
	int err, len;

	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	memset(&addr, 0, sizeof(struct sockaddr_storage));
	len = sock->ops->getname(sock, (struct sockaddr *)&addr, peer);
	err = len < 0 ? len :
	      move_addr_to_user(&addr, len, (void __user *)SC_ARG1(regs),
				(int __user *)SC_ARG2(regs));
	sockfd_put(sock);
	return err;
}

static long sys_getsockname(struct pt_regs *regs)
{
	return sock_getname_user(regs, 0);
}
SYSCALL_ENTRY(getsockname, sys_getsockname);

static long sys_getpeername(struct pt_regs *regs)
{
	return sock_getname_user(regs, 1);
}
SYSCALL_ENTRY(getpeername, sys_getpeername);

/* listen and accept: no family here listens for connections. */
static long sock_no_connections(int fd)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(fd, &err);
	if (!sock)
		return err;
	sockfd_put(sock);
	return -EOPNOTSUPP;
}

static long sys_listen(struct pt_regs *regs)
{
	return sock_no_connections(SC_ARG0(regs));
}
SYSCALL_ENTRY(listen, sys_listen);

static long sys_accept(struct pt_regs *regs)
{
	return sock_no_connections(SC_ARG0(regs));
}
SYSCALL_ENTRY(accept, sys_accept);

static long sys_accept4(struct pt_regs *regs)
{
	if (SC_ARG3(regs) & ~(unsigned long)(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	return sock_no_connections(SC_ARG0(regs));
}
SYSCALL_ENTRY(accept4, sys_accept4);

static long sys_shutdown(struct pt_regs *regs)
{
	struct socket *sock;
	int err;

	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	err = sock->ops->shutdown ?
	      sock->ops->shutdown(sock, SC_ARG1(regs)) : -EOPNOTSUPP;
	sockfd_put(sock);
	return err;
}
SYSCALL_ENTRY(shutdown, sys_shutdown);

static long sys_setsockopt(struct pt_regs *regs)
{
	int level = SC_ARG1(regs), optname = SC_ARG2(regs);
	void __user *optval = (void __user *)SC_ARG3(regs);
	int optlen = SC_ARG4(regs);
	struct socket *sock;
	int err;

	if (optlen < 0)
		return -EINVAL;
	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	if (level == SOL_SOCKET)
		err = sock_setsockopt(sock, optname, optval, optlen);
	else if (sock->ops->setsockopt)
		err = sock->ops->setsockopt(sock, level, optname, optval,
					    optlen);
	else
		err = -EOPNOTSUPP;
	sockfd_put(sock);
	return err;
}
SYSCALL_ENTRY(setsockopt, sys_setsockopt);

static long sys_getsockopt(struct pt_regs *regs)
{
	int level = SC_ARG1(regs), optname = SC_ARG2(regs);
	void __user *optval = (void __user *)SC_ARG3(regs);
	int __user *optlen = (int __user *)SC_ARG4(regs);
	struct socket *sock;
	int err;

	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	if (level == SOL_SOCKET)
		err = sock_getsockopt(sock, optname, optval, optlen);
	else if (sock->ops->getsockopt)
		err = sock->ops->getsockopt(sock, level, optname, optval,
					    optlen);
	else
		err = -EOPNOTSUPP;
	sockfd_put(sock);
	return err;
}
SYSCALL_ENTRY(getsockopt, sys_getsockopt);

static long sys_sendto(struct pt_regs *regs)
{
	void __user *buf = (void __user *)SC_ARG1(regs);
	size_t len = min_t(size_t, SC_ARG2(regs), SOCK_MAX_RW);
	unsigned int flags = SC_ARG3(regs);
	void __user *uaddr = (void __user *)SC_ARG4(regs);
	struct iovec v = { .iov_base = buf, .iov_len = len };
	struct msghdr m = { .msg_iter = { .iov = &v, .nr_segs = 1,
					  .count = len } };
	struct sockaddr_storage addr;
	struct socket *sock;
	int err;

	if (!access_ok(buf, len))
		return -EFAULT;
	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	if (uaddr) {
		err = move_addr_to_kernel(uaddr, SC_ARG5(regs), &addr);
		if (err)
			goto out;
		m.msg_name = &addr;
		m.msg_namelen = SC_ARG5(regs);
	}
	if (sock_file_nonblock(sock))
		flags |= MSG_DONTWAIT;
	m.msg_flags = flags;
	err = sock->ops->sendmsg(sock, &m, len);
out:
	sockfd_put(sock);
	return err;
}
SYSCALL_ENTRY(sendto, sys_sendto);

static long sys_recvfrom(struct pt_regs *regs)
{
	void __user *buf = (void __user *)SC_ARG1(regs);
	size_t len = min_t(size_t, SC_ARG2(regs), SOCK_MAX_RW);
	unsigned int flags = SC_ARG3(regs);
	void __user *uaddr = (void __user *)SC_ARG4(regs);
	struct iovec v = { .iov_base = buf, .iov_len = len };
	struct msghdr m = { .msg_iter = { .iov = &v, .nr_segs = 1,
					  .count = len } };
	struct sockaddr_storage addr;
	struct socket *sock;
	int err, err2;

	if (!access_ok(buf, len))
		return -EFAULT;
	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	memset(&addr, 0, sizeof(struct sockaddr_storage));
	m.msg_name = uaddr ? &addr : NULL;
	if (sock_file_nonblock(sock))
		flags |= MSG_DONTWAIT;
	err = sock->ops->recvmsg(sock, &m, len, flags);
	if (err >= 0 && uaddr) {
		err2 = move_addr_to_user(&addr, m.msg_namelen, uaddr,
					 (int __user *)SC_ARG5(regs));
		if (err2)
			err = err2;
	}
	sockfd_put(sock);
	return err;
}
SYSCALL_ENTRY(recvfrom, sys_recvfrom);

/*
 * The user's struct msghdr into @m: the vectors copied into @iov (the
 * caller kfree()s *@iov), the length checked.
 */
static int copy_msghdr_from_user(struct user_msghdr __user *um,
				 struct user_msghdr *u, struct msghdr *m,
				 struct iovec **iov)
{
	size_t total = 0;
	unsigned long i;

	*iov = NULL;
	if (copy_from_user(u, um, sizeof(*u)))
		return -EFAULT;
	if (u->msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;
	if (u->msg_namelen < 0)
		return -EINVAL;
	if (u->msg_namelen > sizeof(struct sockaddr_storage))
		u->msg_namelen = sizeof(struct sockaddr_storage);
	if (u->msg_controllen > INT_MAX)
		return -ENOBUFS;
	if (u->msg_iovlen) {
		*iov = kmalloc_array(u->msg_iovlen, sizeof(**iov),
				     GFP_KERNEL);
		if (!*iov)
			return -ENOMEM;
		if (copy_from_user(*iov, u->msg_iov,
				   u->msg_iovlen * sizeof(**iov)))
			return -EFAULT;
	}
	for (i = 0; i < u->msg_iovlen; i++) {
		struct iovec *v = &(*iov)[i];

		if ((ssize_t)v->iov_len < 0)
			return -EINVAL;
		if (v->iov_len > SOCK_MAX_RW - total)
			v->iov_len = SOCK_MAX_RW - total;
		if (!access_ok(v->iov_base, v->iov_len))
			return -EFAULT;
		total += v->iov_len;
	}
	memset(m, 0, sizeof(*m));
	m->msg_iter.iov = *iov;
	m->msg_iter.nr_segs = u->msg_iovlen;
	m->msg_iter.count = total;
	m->msg_control = (void __force *)u->msg_control;
	m->msg_controllen = u->msg_controllen;
	return 0;
}

static long sys_sendmsg(struct pt_regs *regs)
{
	unsigned int flags = SC_ARG2(regs);
	struct sockaddr_storage addr;
	struct user_msghdr u;
	struct socket *sock;
	struct iovec *iov;
	struct msghdr m;
	int err;

	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	err = copy_msghdr_from_user((void __user *)SC_ARG1(regs), &u, &m,
				    &iov);
	if (err)
		goto out;
	if (u.msg_name && u.msg_namelen) {
		err = move_addr_to_kernel(u.msg_name, u.msg_namelen, &addr);
		if (err)
			goto out;
		m.msg_name = &addr;
		m.msg_namelen = u.msg_namelen;
	}
	if (sock_file_nonblock(sock))
		flags |= MSG_DONTWAIT;
	m.msg_flags = flags;
	err = sock->ops->sendmsg(sock, &m, m.msg_iter.count);
out:
	kfree(iov);
	sockfd_put(sock);
	return err;
}
SYSCALL_ENTRY(sendmsg, sys_sendmsg);

static long sys_recvmsg(struct pt_regs *regs)
{
	struct user_msghdr __user *um = (void __user *)SC_ARG1(regs);
	unsigned int flags = SC_ARG2(regs);
	struct sockaddr_storage addr;
	struct user_msghdr u;
	struct socket *sock;
	struct iovec *iov;
	unsigned long used;
	struct msghdr m;
	int err, len;

	sock = sockfd_lookup(SC_ARG0(regs), &err);
	if (!sock)
		return err;
	err = copy_msghdr_from_user(um, &u, &m, &iov);
	if (err)
		goto out;
	memset(&addr, 0, sizeof(struct sockaddr_storage));
	m.msg_name = u.msg_name ? &addr : NULL;
	m.msg_flags = flags & MSG_CMSG_CLOEXEC;
	if (sock_file_nonblock(sock))
		flags |= MSG_DONTWAIT;
	len = sock->ops->recvmsg(sock, &m, m.msg_iter.count, flags);
	err = len;
	if (len < 0)
		goto out;
	if (u.msg_name) {
		err = move_addr_to_user(&addr, m.msg_namelen, u.msg_name,
					&um->msg_namelen);
		if (err)
			goto out;
	}
	used = (unsigned long)m.msg_control - (unsigned long)u.msg_control;
	if (copy_to_user(&um->msg_flags, &m.msg_flags, sizeof(m.msg_flags)) ||
	    copy_to_user(&um->msg_controllen, &used, sizeof(used)))
		err = -EFAULT;
	else
		err = len;
out:
	kfree(iov);
	sockfd_put(sock);
	return err;
}
SYSCALL_ENTRY(recvmsg, sys_recvmsg);
