// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: pipes and FIFOs
 *
 * A pipe is a 64 KiB ring of bytes from the kernel heap (movable), with
 * counts of the open readers and writers. A read waits while the ring
 * is empty and a writer exists, and returns 0 (end of file) once none
 * does; a write waits for room, writes of up to PIPE_BUF bytes go in
 * whole, and a write with no reader left gets SIGPIPE and -EPIPE.
 * O_NONBLOCK turns each wait into -EAGAIN. A FIFO is a pipe made at the
 * first open of its inode, kept in i_pipe.
 *
 * Lock rules: pipe->mutex protects the ring, its counts and the
 * reader/writer counts; sleepers wait on rd_wait (readers) and wr_wait
 * (writers) without it, and each change that may wake them wakes the
 * other side after the change.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include "internal.h"

/* The access bits a FIFO open decides on. */
#define FMODE_RW_MASK	(FMODE_READ | FMODE_WRITE)

#define PIPE_SIZE	65536
#define PIPE_BUF	4096

struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait, wr_wait;
	char *buf;			/* PIPE_SIZE bytes, made on first write */
	unsigned int head;		/* where the next read starts */
	unsigned int len;		/* bytes in the ring */
	unsigned int readers, writers;
	unsigned int r_counter, w_counter;	/* opens so far, for FIFOs */
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pp = kzalloc(sizeof(*pp), GFP_KERNEL);

	if (!pp)
		return NULL;
	mutex_init(&pp->mutex);
	init_waitqueue_head(&pp->rd_wait);
	init_waitqueue_head(&pp->wr_wait);
	return pp;
}

/**
 * free_pipe_info - free a pipe nobody has open
 * @pp: the pipe
 */
void free_pipe_info(struct pipe_inode_info *pp)
{
	kfree(pp->buf);
	kfree(pp);
}

/*
 * Sleep on @wq until @cond(@pp, @arg) holds; the condition is checked
 * under pipe->mutex, which is dropped for the sleep.
 * Return: 0, or -ERESTARTSYS if a signal came first.
 */
static int pipe_wait(struct pipe_inode_info *pp, struct wait_queue_head *wq,
		     bool (*cond)(struct pipe_inode_info *pp,
				  unsigned long arg),
		     unsigned long arg)
{
	struct wait_queue_entry w;
	int ret = 0;

	init_wait_entry(&w, 0);
	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		if (cond(pp, arg))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		mutex_unlock(&pp->mutex);
		schedule();
		mutex_lock(&pp->mutex);
	}
	finish_wait(wq, &w);
	return ret;
}

static bool pipe_readable(struct pipe_inode_info *pp, unsigned long unused)
{
	return pp->len || !pp->writers;
}

/* Room for @need bytes, or no reader left. */
static bool pipe_writable(struct pipe_inode_info *pp, unsigned long need)
{
	return PIPE_SIZE - pp->len >= need || !pp->readers;
}

/* Copy between the ring and a user or kernel buffer. */
struct pipe_buf {
	union {
		void __user *ubuf;
		void *kbuf;
	};
	bool kernel;
};

static size_t pb_out(struct pipe_buf *b, size_t off, const void *src,
		     size_t n)
{
	if (b->kernel) {
		memcpy(b->kbuf + off, src, n);
		return 0;
	}
	return copy_to_user(b->ubuf + off, src, n);
}

static size_t pb_in(struct pipe_buf *b, size_t off, void *dst, size_t n)
{
	if (b->kernel) {
		memcpy(dst, b->kbuf + off, n);
		return 0;
	}
	return copy_from_user(dst, b->ubuf + off, n);
}

static ssize_t pipe_do_read(struct file *filp, struct pipe_buf *b,
			    size_t len)
{
	struct pipe_inode_info *pp = filp->private_data;
	size_t done = 0;
	ssize_t err = 0;

	if (!len)
		return 0;
	mutex_lock(&pp->mutex);
	while (!pp->len) {
		if (!pp->writers)
			goto out;
		if (filp->f_flags & O_NONBLOCK) {
			err = -EAGAIN;
			goto out;
		}
		err = pipe_wait(pp, &pp->rd_wait, pipe_readable, 0);
		if (err)
			goto out;
	}
	while (done < len && pp->len) {
		size_t n = min3(len - done, (size_t)pp->len,
				(size_t)(PIPE_SIZE - pp->head));
		size_t left = pb_out(b, done, pp->buf + pp->head, n);

		n -= left;
		done += n;
		pp->head = (pp->head + n) % PIPE_SIZE;
		pp->len -= n;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	if (!pp->len)
		pp->head = 0;
out:
	mutex_unlock(&pp->mutex);
	if (done)
		wake_up_interruptible_all(&pp->wr_wait);
	return done ? (ssize_t)done : err;
}

static ssize_t pipe_do_write(struct file *filp, struct pipe_buf *b,
			     size_t len)
{
	struct pipe_inode_info *pp = filp->private_data;
	size_t done = 0;
	ssize_t err = 0;

	if (!len)
		return 0;
	mutex_lock(&pp->mutex);
	if (!pp->buf) {
		pp->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
		if (!pp->buf) {
			err = -ENOMEM;
			goto out;
		}
	}
	while (done < len) {
		size_t want = len - done, room, tail, n, left;

		if (!pp->readers) {
			send_sig(SIGPIPE, current, 0);
			err = -EPIPE;
			break;
		}
		room = PIPE_SIZE - pp->len;
		/* Up to PIPE_BUF bytes go in at once or not at all. */
		if (!room || (len <= PIPE_BUF && room < want)) {
			if (filp->f_flags & O_NONBLOCK) {
				err = -EAGAIN;
				break;
			}
			wake_up_interruptible_all(&pp->rd_wait);
			err = pipe_wait(pp, &pp->wr_wait, pipe_writable,
					len <= PIPE_BUF ? want : 1);
			if (err)
				break;
			continue;
		}
		tail = (pp->head + pp->len) % PIPE_SIZE;
		n = min3(want, room, (size_t)(PIPE_SIZE - tail));
		left = pb_in(b, done, pp->buf + tail, n);
		n -= left;
		done += n;
		pp->len += n;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
out:
	mutex_unlock(&pp->mutex);
	if (done)
		wake_up_interruptible_all(&pp->rd_wait);
	return done ? (ssize_t)done : err;
}

static ssize_t pipe_read(struct file *filp, char __user *buf, size_t len,
			 loff_t *pos)
{
	struct pipe_buf b = { .ubuf = buf, .kernel = false };

	return pipe_do_read(filp, &b, len);
}

static ssize_t pipe_write(struct file *filp, const char __user *buf,
			  size_t len, loff_t *pos)
{
	struct pipe_buf b = { .ubuf = (void __user *)buf, .kernel = false };

	return pipe_do_write(filp, &b, len);
}

static ssize_t pipe_read_kernel(struct file *filp, void *buf, size_t len,
				loff_t *pos)
{
	struct pipe_buf b = { .kbuf = buf, .kernel = true };

	return pipe_do_read(filp, &b, len);
}

static ssize_t pipe_write_kernel(struct file *filp, const void *buf,
				 size_t len, loff_t *pos)
{
	struct pipe_buf b = { .kbuf = (void *)buf, .kernel = true };

	return pipe_do_write(filp, &b, len);
}

static unsigned int pipe_poll(struct file *filp, poll_table *pt)
{
	struct pipe_inode_info *pp = filp->private_data;
	unsigned int mask = 0;

	if (filp->f_mode & FMODE_READ)
		poll_wait(filp, &pp->rd_wait, pt);
	if (filp->f_mode & FMODE_WRITE)
		poll_wait(filp, &pp->wr_wait, pt);
	mutex_lock(&pp->mutex);
	if (filp->f_mode & FMODE_READ) {
		if (pp->len)
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!pp->writers)
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (pp->len < PIPE_SIZE)
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!pp->readers)
			mask |= EPOLLERR;
	}
	mutex_unlock(&pp->mutex);
	return mask;
}

#define FIONREAD	0x541B

static long pipe_fionread(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pp = filp->private_data;
	int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&pp->mutex);
	n = pp->len;
	mutex_unlock(&pp->mutex);
	return put_user(n, (int __user *)arg);
}

static int pipe_release(struct inode *ip, struct file *filp)
{
	struct pipe_inode_info *pp = filp->private_data;

	mutex_lock(&pp->mutex);
	if (filp->f_mode & FMODE_READ)
		pp->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pp->writers--;
	if (!pp->readers && !pp->writers) {
		/* A FIFO nobody has open keeps no data. */
		kfree(pp->buf);
		pp->buf = NULL;
		pp->head = 0;
		pp->len = 0;
	}
	mutex_unlock(&pp->mutex);
	wake_up_interruptible_all(&pp->rd_wait);
	wake_up_interruptible_all(&pp->wr_wait);
	return 0;
}

/* Serialises making a FIFO's pipe at its first open. */
static DEFINE_MUTEX(fifo_create_mutex);

static bool writer_came(struct pipe_inode_info *pp, unsigned long old)
{
	return pp->w_counter != old;
}

static bool reader_came(struct pipe_inode_info *pp, unsigned long old)
{
	return pp->r_counter != old;
}

/*
 * open(2) of a FIFO: a reader waits for a writer and a writer for a
 * reader, unless O_NONBLOCK (a writer then gets -ENXIO if no reader is
 * there); O_RDWR waits for nobody.
 */
static int fifo_open(struct inode *ip, struct file *filp)
{
	struct pipe_inode_info *pp;
	unsigned int old;
	int err = 0;

	mutex_lock(&fifo_create_mutex);
	if (!ip->i_pipe)
		ip->i_pipe = alloc_pipe_info();
	pp = ip->i_pipe;
	mutex_unlock(&fifo_create_mutex);
	if (!pp)
		return -ENOMEM;
	filp->private_data = pp;
	filp->f_mode &= ~FMODE_LSEEK;
	mutex_lock(&pp->mutex);
	switch (filp->f_mode & FMODE_RW_MASK) {
	case FMODE_READ:
		pp->readers++;
		pp->r_counter++;
		wake_up_interruptible_all(&pp->wr_wait);
		old = pp->w_counter;
		if (!pp->writers && !(filp->f_flags & O_NONBLOCK))
			err = pipe_wait(pp, &pp->rd_wait, writer_came, old);
		if (err)
			pp->readers--;
		break;
	case FMODE_WRITE:
		if (!pp->readers && (filp->f_flags & O_NONBLOCK)) {
			err = -ENXIO;
			break;
		}
		pp->writers++;
		pp->w_counter++;
		wake_up_interruptible_all(&pp->rd_wait);
		old = pp->r_counter;
		if (!pp->readers)
			err = pipe_wait(pp, &pp->wr_wait, reader_came, old);
		if (err)
			pp->writers--;
		break;
	case FMODE_READ | FMODE_WRITE:
		pp->readers++;
		pp->writers++;
		pp->r_counter++;
		pp->w_counter++;
		wake_up_interruptible_all(&pp->rd_wait);
		wake_up_interruptible_all(&pp->wr_wait);
		break;
	default:
		err = -EINVAL;
		break;
	}
	mutex_unlock(&pp->mutex);
	return err;
}

const struct file_operations pipe_file_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.read_kernel = pipe_read_kernel,
	.write_kernel = pipe_write_kernel,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_fionread,
	.release = pipe_release,
};

/* The internal file system pipe(2)'s inodes live on. */
static struct dentry *pipefs_mount(struct file_system_type *type, int flags,
				   const char *dev_name, void *data)
{
	return pseudo_fs_mount(type, 0x50495045);	/* PIPEFS_MAGIC */
}

static struct file_system_type pipefs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
	.kill_sb = kill_anon_super,
};

/* Made at the first pipe(2); never unmounted. Under fifo_create_mutex. */
static struct vfsmount *pipe_mnt;

static struct vfsmount *get_pipe_mnt(void)
{
	struct vfsmount *mt;

	mutex_lock(&fifo_create_mutex);
	if (!pipe_mnt) {
		mt = kern_mount(&pipefs_type);
		if (!IS_ERR(mt))
			pipe_mnt = mt;
	}
	mt = pipe_mnt;
	mutex_unlock(&fifo_create_mutex);
	return mt;
}

/**
 * pipe_make_files - the two ends of a new pipe
 * @res: res[0] gets the read end, res[1] the write end
 * @flags: O_NONBLOCK (on both), others ignored
 *
 * Return: 0, or -ENOMEM (then no file was made).
 */
int pipe_make_files(struct file **res, int flags)
{
	struct vfsmount *mt = get_pipe_mnt();
	struct pipe_inode_info *pp;
	struct path pth;
	struct inode *ip;
	char name[32];
	struct dentry *d;

	if (!mt)
		return -ENOMEM;
	ip = new_inode(mt->mnt_sb);
	pp = alloc_pipe_info();
	if (!ip || !pp) {
		iput(ip);
		kfree(pp);
		return -ENOMEM;
	}
	ip->i_ino = get_next_ino();
	ip->i_mode = S_IFIFO | 0600;
	ip->i_fop = &pipe_file_fops;
	ip->i_pipe = pp;
	pp->readers = 1;
	pp->writers = 1;
	snprintf(name, sizeof(name), "pipe:[%lu]", ip->i_ino);
	d = d_alloc_name(mt->mnt_root, name);
	if (!d) {
		iput(ip);
		return -ENOMEM;
	}
	d_instantiate(d, ip);
	pth.mnt = mt;
	pth.dentry = d;
	res[0] = alloc_file(&pth, O_RDONLY | (flags & O_NONBLOCK),
			    &pipe_file_fops);
	res[1] = IS_ERR(res[0]) ? res[0] :
		 alloc_file(&pth, O_WRONLY | (flags & O_NONBLOCK),
			    &pipe_file_fops);
	dput(d);
	if (IS_ERR(res[1])) {
		if (!IS_ERR(res[0])) {
			res[0]->f_op = NULL;
			fput(res[0]);
		}
		return -ENOMEM;
	}
	res[0]->private_data = pp;
	res[1]->private_data = pp;
	res[0]->f_mode &= ~FMODE_LSEEK;
	res[1]->f_mode &= ~FMODE_LSEEK;
	return 0;
}

/**
 * do_pipe2 - pipe2(2) into kernel memory
 * @fds: fds[0] gets the read end's descriptor, fds[1] the write end's
 * @flags: O_CLOEXEC, O_NONBLOCK, O_DIRECT (accepted, ignored)
 *
 * Return: 0, -EINVAL (other flags), -EMFILE, -EBADF (no table), -ENOMEM.
 */
int do_pipe2(int *fds, int flags)
{
	struct file *fdt[2];
	int err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	if (!current->files)
		return -EBADF;
	err = pipe_make_files(fdt, flags);
	if (err)
		return err;
	fds[0] = fd_install_new(fdt[0], flags & O_CLOEXEC);
	if (fds[0] < 0) {
		err = fds[0];
		fput(fdt[0]);
		fput(fdt[1]);
		return err;
	}
	fds[1] = fd_install_new(fdt[1], flags & O_CLOEXEC);
	if (fds[1] < 0) {
		err = fds[1];
		close_fd(fds[0]);
		fput(fdt[1]);
		return err;
	}
	return 0;
}

static long pipe2_user(unsigned long ufds, int flags)
{
	int fds[2];
	long err = do_pipe2(fds, flags);

	if (err)
		return err;
	if (copy_to_user((void __user *)ufds, fds, sizeof(fds))) {
		close_fd(fds[0]);
		close_fd(fds[1]);
		return -EFAULT;
	}
	return 0;
}

static long sys_pipe2(struct pt_regs *regs)
{
	return pipe2_user(SC_ARG0(regs), SC_ARG1(regs));
}
SYSCALL_ENTRY(pipe2, sys_pipe2);

static long sys_pipe(struct pt_regs *regs)
{
	return pipe2_user(SC_ARG0(regs), 0);
}
SYSCALL_ENTRY(pipe, sys_pipe);
