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

/*
 * TEMPORARY (vfs branch only): send_sig() and signal_pending() belong to
 * kernel/signal.c (the proc helper's). Until that is merged these weak
 * stand-ins say "no signal"; the lead removes them at the merge.
 */
int __weak send_sig(int sig, struct task_struct *p, int priv)
{
	return 0;
}

bool __weak signal_pending(struct task_struct *p)
{
	return false;
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

/**
 * free_pipe_info - free a pipe nobody has open
 * @pipe: the pipe
 */
void free_pipe_info(struct pipe_inode_info *pipe)
{
	kfree(pipe->buf);
	kfree(pipe);
}

/*
 * Sleep on @wq until @cond(@pipe, @arg) holds; the condition is checked
 * under pipe->mutex, which is dropped for the sleep.
 * Return: 0, or -ERESTARTSYS if a signal came first.
 */
static int pipe_wait(struct pipe_inode_info *pipe, struct wait_queue_head *wq,
		     bool (*cond)(struct pipe_inode_info *pipe,
				  unsigned long arg),
		     unsigned long arg)
{
	struct wait_queue_entry w;
	int ret = 0;

	init_wait_entry(&w, 0);
	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		if (cond(pipe, arg))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		mutex_unlock(&pipe->mutex);
		schedule();
		mutex_lock(&pipe->mutex);
	}
	finish_wait(wq, &w);
	return ret;
}

static bool pipe_readable(struct pipe_inode_info *pipe, unsigned long unused)
{
	return pipe->len || !pipe->writers;
}

/* Room for @need bytes, or no reader left. */
static bool pipe_writable(struct pipe_inode_info *pipe, unsigned long need)
{
	return PIPE_SIZE - pipe->len >= need || !pipe->readers;
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

static ssize_t pipe_do_read(struct file *file, struct pipe_buf *b,
			    size_t len)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t done = 0;
	ssize_t err = 0;

	if (!len)
		return 0;
	mutex_lock(&pipe->mutex);
	while (!pipe->len) {
		if (!pipe->writers)
			goto out;
		if (file->f_flags & O_NONBLOCK) {
			err = -EAGAIN;
			goto out;
		}
		err = pipe_wait(pipe, &pipe->rd_wait, pipe_readable, 0);
		if (err)
			goto out;
	}
	while (done < len && pipe->len) {
		size_t n = min3(len - done, (size_t)pipe->len,
				(size_t)(PIPE_SIZE - pipe->head));
		size_t left = pb_out(b, done, pipe->buf + pipe->head, n);

		n -= left;
		done += n;
		pipe->head = (pipe->head + n) % PIPE_SIZE;
		pipe->len -= n;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	if (!pipe->len)
		pipe->head = 0;
out:
	mutex_unlock(&pipe->mutex);
	if (done)
		wake_up_interruptible_all(&pipe->wr_wait);
	return done ? (ssize_t)done : err;
}

static ssize_t pipe_do_write(struct file *file, struct pipe_buf *b,
			     size_t len)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t done = 0;
	ssize_t err = 0;

	if (!len)
		return 0;
	mutex_lock(&pipe->mutex);
	if (!pipe->buf) {
		pipe->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
		if (!pipe->buf) {
			err = -ENOMEM;
			goto out;
		}
	}
	while (done < len) {
		size_t want = len - done, room, tail, n, left;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			err = -EPIPE;
			break;
		}
		room = PIPE_SIZE - pipe->len;
		/* Up to PIPE_BUF bytes go in at once or not at all. */
		if (!room || (len <= PIPE_BUF && room < want)) {
			if (file->f_flags & O_NONBLOCK) {
				err = -EAGAIN;
				break;
			}
			wake_up_interruptible_all(&pipe->rd_wait);
			err = pipe_wait(pipe, &pipe->wr_wait, pipe_writable,
					len <= PIPE_BUF ? want : 1);
			if (err)
				break;
			continue;
		}
		tail = (pipe->head + pipe->len) % PIPE_SIZE;
		n = min3(want, room, (size_t)(PIPE_SIZE - tail));
		left = pb_in(b, done, pipe->buf + tail, n);
		n -= left;
		done += n;
		pipe->len += n;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
out:
	mutex_unlock(&pipe->mutex);
	if (done)
		wake_up_interruptible_all(&pipe->rd_wait);
	return done ? (ssize_t)done : err;
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t len,
			 loff_t *pos)
{
	struct pipe_buf b = { .ubuf = buf, .kernel = false };

	return pipe_do_read(file, &b, len);
}

static ssize_t pipe_write(struct file *file, const char __user *buf,
			  size_t len, loff_t *pos)
{
	struct pipe_buf b = { .ubuf = (void __user *)buf, .kernel = false };

	return pipe_do_write(file, &b, len);
}

static ssize_t pipe_read_kernel(struct file *file, void *buf, size_t len,
				loff_t *pos)
{
	struct pipe_buf b = { .kbuf = buf, .kernel = true };

	return pipe_do_read(file, &b, len);
}

static ssize_t pipe_write_kernel(struct file *file, const void *buf,
				 size_t len, loff_t *pos)
{
	struct pipe_buf b = { .kbuf = (void *)buf, .kernel = true };

	return pipe_do_write(file, &b, len);
}

static unsigned int pipe_poll(struct file *file, poll_table *pt)
{
	struct pipe_inode_info *pipe = file->private_data;
	unsigned int mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &pipe->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &pipe->wr_wait, pt);
	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ) {
		if (pipe->len)
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!pipe->writers)
			mask |= EPOLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (pipe->len < PIPE_SIZE)
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!pipe->readers)
			mask |= EPOLLERR;
	}
	mutex_unlock(&pipe->mutex);
	return mask;
}

#define FIONREAD	0x541B

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;
	int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&pipe->mutex);
	n = pipe->len;
	mutex_unlock(&pipe->mutex);
	return put_user(n, (int __user *)arg);
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	if (!pipe->readers && !pipe->writers) {
		/* A FIFO nobody has open keeps no data. */
		kfree(pipe->buf);
		pipe->buf = NULL;
		pipe->head = 0;
		pipe->len = 0;
	}
	mutex_unlock(&pipe->mutex);
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	return 0;
}

/* Serialises making a FIFO's pipe at its first open. */
static DEFINE_MUTEX(fifo_create_mutex);

static bool writer_came(struct pipe_inode_info *pipe, unsigned long old)
{
	return pipe->w_counter != old;
}

static bool reader_came(struct pipe_inode_info *pipe, unsigned long old)
{
	return pipe->r_counter != old;
}

/*
 * open(2) of a FIFO: a reader waits for a writer and a writer for a
 * reader, unless O_NONBLOCK (a writer then gets -ENXIO if no reader is
 * there); O_RDWR waits for nobody.
 */
static int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe;
	unsigned int old;
	int err = 0;

	mutex_lock(&fifo_create_mutex);
	if (!inode->i_pipe)
		inode->i_pipe = alloc_pipe_info();
	pipe = inode->i_pipe;
	mutex_unlock(&fifo_create_mutex);
	if (!pipe)
		return -ENOMEM;
	file->private_data = pipe;
	file->f_mode &= ~FMODE_LSEEK;
	mutex_lock(&pipe->mutex);
	switch (file->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->readers++;
		pipe->r_counter++;
		wake_up_interruptible_all(&pipe->wr_wait);
		old = pipe->w_counter;
		if (!pipe->writers && !(file->f_flags & O_NONBLOCK))
			err = pipe_wait(pipe, &pipe->rd_wait, writer_came, old);
		if (err)
			pipe->readers--;
		break;
	case FMODE_WRITE:
		if (!pipe->readers && (file->f_flags & O_NONBLOCK)) {
			err = -ENXIO;
			break;
		}
		pipe->writers++;
		pipe->w_counter++;
		wake_up_interruptible_all(&pipe->rd_wait);
		old = pipe->r_counter;
		if (!pipe->readers)
			err = pipe_wait(pipe, &pipe->wr_wait, reader_came, old);
		if (err)
			pipe->writers--;
		break;
	case FMODE_READ | FMODE_WRITE:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		wake_up_interruptible_all(&pipe->rd_wait);
		wake_up_interruptible_all(&pipe->wr_wait);
		break;
	default:
		err = -EINVAL;
		break;
	}
	mutex_unlock(&pipe->mutex);
	return err;
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.read_kernel = pipe_read_kernel,
	.write_kernel = pipe_write_kernel,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* The internal file system pipe(2)'s inodes live on. */
static int pipefs_d_delete(const struct dentry *dentry)
{
	return 1;	/* nothing to cache: each pipe is used once */
}

static const struct dentry_operations pipefs_dentry_ops = {
	.d_delete = pipefs_d_delete,
};

static struct dentry *pipefs_mount(struct file_system_type *type, int flags,
				   const char *dev_name, void *data)
{
	struct super_block *sb = sget_nodev(type, NULL);
	struct inode *root;

	if (IS_ERR(sb))
		return ERR_PTR(PTR_ERR(sb));
	sb->s_magic = 0x50495045;	/* PIPEFS_MAGIC */
	sb->s_d_op = &pipefs_dentry_ops;
	sb->s_flags |= SB_PSEUDO;
	root = new_inode(sb);
	if (root) {
		root->i_ino = 1;
		root->i_mode = S_IFDIR | 0700;
	}
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		kill_anon_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sb->s_root);
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
	struct vfsmount *mnt;

	mutex_lock(&fifo_create_mutex);
	if (!pipe_mnt) {
		mnt = vfs_kern_mount(&pipefs_type, 0, "pipefs", NULL);
		if (!IS_ERR(mnt))
			pipe_mnt = mnt;
	}
	mnt = pipe_mnt;
	mutex_unlock(&fifo_create_mutex);
	return mnt;
}

/**
 * create_pipe_files - the two ends of a new pipe
 * @res: res[0] gets the read end, res[1] the write end
 * @flags: O_NONBLOCK (on both), others ignored
 *
 * Return: 0, or -ENOMEM (then no file was made).
 */
int create_pipe_files(struct file **res, int flags)
{
	struct vfsmount *mnt = get_pipe_mnt();
	struct pipe_inode_info *pipe;
	struct path path;
	struct inode *inode;
	char name[32];
	struct dentry *d;

	if (!mnt)
		return -ENOMEM;
	inode = new_inode(mnt->mnt_sb);
	pipe = alloc_pipe_info();
	if (!inode || !pipe) {
		iput(inode);
		kfree(pipe);
		return -ENOMEM;
	}
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFIFO | 0600;
	inode->i_fop = &pipefifo_fops;
	inode->i_pipe = pipe;
	pipe->readers = 1;
	pipe->writers = 1;
	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	d = d_alloc_name(mnt->mnt_root, name);
	if (!d) {
		iput(inode);
		return -ENOMEM;
	}
	d_instantiate(d, inode);
	path.mnt = mnt;
	path.dentry = d;
	res[0] = alloc_file(&path, O_RDONLY | (flags & O_NONBLOCK),
			    &pipefifo_fops);
	res[1] = IS_ERR(res[0]) ? res[0] :
		 alloc_file(&path, O_WRONLY | (flags & O_NONBLOCK),
			    &pipefifo_fops);
	dput(d);
	if (IS_ERR(res[1])) {
		if (!IS_ERR(res[0])) {
			res[0]->f_op = NULL;
			fput(res[0]);
		}
		return -ENOMEM;
	}
	res[0]->private_data = pipe;
	res[1]->private_data = pipe;
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
	struct file *files[2];
	int err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	if (!current->files)
		return -EBADF;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fds[0] = fd_install_new(files[0], flags & O_CLOEXEC);
	if (fds[0] < 0) {
		err = fds[0];
		fput(files[0]);
		fput(files[1]);
		return err;
	}
	fds[1] = fd_install_new(files[1], flags & O_CLOEXEC);
	if (fds[1] < 0) {
		err = fds[1];
		close_fd(fds[0]);
		fput(files[1]);
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
