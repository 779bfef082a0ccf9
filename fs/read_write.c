// SPDX-License-Identifier: GPL-2.0
/*
 * Reading and writing open files: read, write, pread64, pwrite64,
 * readv, writev, lseek, and kernel_read()/kernel_write() for the kernel.
 *
 * Also the older kernfs entry points (vfs_open/vfs_read/vfs_write... by
 * path) that the console shell and the sysfs tests use; they reach
 * sysfs and debugfs nodes directly, not through mounts.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include "internal.h"
#include "kernfs.h"

static bool vfs_may_read(struct kernfs_node *kn)
{
	return (kn->mode & 0444) && kn->ops && kn->ops->show;
}

static bool vfs_may_write(struct kernfs_node *kn)
{
	return (kn->mode & 0222) && kn->ops && kn->ops->store;
}

/* The parent of the last component exists and is a directory? */
static bool vfs_parent_is_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct kernfs_node *dir;
	char *parent;
	bool ret;

	if (!slash)
		return false;
	parent = kmalloc(slash - path + 2, GFP_KERNEL);
	if (!parent)
		return false;
	memcpy(parent, path, slash - path + 1);
	parent[slash - path + 1] = '\0';
	dir = kernfs_walk_and_get(parent, true);
	kfree(parent);
	if (IS_ERR(dir))
		return false;
	ret = dir->type == VFS_DT_DIR;
	kernfs_put(dir);
	return ret;
}

/**
 * vfs_open - open a file or directory by absolute path
 * @path: e.g. "/sys/devices/system/memory/block_size_bytes"
 * @flags: O_RDONLY, O_WRONLY or O_RDWR, optionally O_CREAT and O_TRUNC
 * @filp: where the open file goes; vfs_close() it
 *
 * Nothing can be created in sysfs: O_CREAT of a missing file in an
 * existing directory fails with -EACCES, as on Linux.
 *
 * Return: 0, -ENOENT, -ENOTDIR, -ENAMETOOLONG (path walk), -EISDIR (a
 * directory opened for writing), -EACCES (no permission bit or no
 * show/store for the access asked), -EINVAL (bad flags), -ENOMEM.
 */
int vfs_open(const char *path, unsigned int flags, struct vfs_file **filp)
{
	unsigned int acc = flags & O_ACCMODE;
	struct kernfs_node *kn;
	struct vfs_file *f;
	int err;

	if (acc == O_ACCMODE)
		return -EINVAL;
	kn = kernfs_walk_and_get(path, true);
	if (IS_ERR(kn)) {
		err = PTR_ERR(kn);
		if (err == -ENOENT && (flags & O_CREAT) && vfs_parent_is_dir(path))
			err = -EACCES;
		return err;
	}
	if (kn->type == VFS_DT_DIR && acc != O_RDONLY) {
		err = -EISDIR;
		goto put;
	}
	if (kn->type == VFS_DT_REG &&
	    (((acc == O_RDONLY || acc == O_RDWR) && !vfs_may_read(kn)) ||
	     ((acc == O_WRONLY || acc == O_RDWR) && !vfs_may_write(kn)))) {
		err = -EACCES;
		goto put;
	}
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		err = -ENOMEM;
		goto put;
	}
	f->kn = kn;
	f->flags = flags;
	*filp = f;
	return 0;
put:
	kernfs_put(kn);
	return err;
}

/**
 * vfs_close - close a file from vfs_open()
 * @file: the file, or NULL
 */
void vfs_close(struct vfs_file *file)
{
	if (!file)
		return;
	kernfs_put(file->kn);
	kfree(file);
}

/**
 * vfs_read - read from the current position and advance it
 * @file: open for reading
 * @buf: destination
 * @size: bytes wanted
 *
 * Each read runs the file's show into a fresh page and copies from the
 * position, so reading in small pieces sees one consistent text only if
 * the value does not change in between.
 *
 * Return: bytes read (0 at the end), -EBADF if not open for reading,
 * -EISDIR for a directory, -ENODEV if the file was removed since it was
 * opened, -ENOMEM, or the -errno its show returned.
 */
ssize_t vfs_read(struct vfs_file *file, char *buf, size_t size)
{
	struct kernfs_node *kn = file->kn;
	ssize_t len;
	char *page;

	if ((file->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (kn->type == VFS_DT_DIR)
		return -EISDIR;
	page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	if (!kernfs_get_active(kn)) {
		kfree(page);
		return -ENODEV;
	}
	len = kn->ops->show(kn, page);
	kernfs_put_active(kn);
	if (len > (ssize_t)PAGE_SIZE) {
		WARN_ON_ONCE(1);
		len = PAGE_SIZE;
	}
	if (len >= 0) {
		if (file->pos >= len) {
			len = 0;
		} else {
			len = min_t(size_t, len - file->pos, size);
			memcpy(buf, page + file->pos, len);
			file->pos += len;
		}
	}
	kfree(page);
	return len;
}

/**
 * vfs_write - hand bytes to the file's store
 * @file: open for writing
 * @buf: the bytes; need not be NUL-terminated
 * @len: how many; more than PAGE_SIZE - 1 are cut to that, as on Linux
 *
 * The store gets a NUL-terminated copy.
 *
 * Return: what the store returned: bytes consumed or its -errno (the
 * value write(2) gives the writer); -EBADF if not open for writing,
 * -ENODEV if the file was removed since it was opened, -ENOMEM.
 */
ssize_t vfs_write(struct vfs_file *file, const char *buf, size_t len)
{
	struct kernfs_node *kn = file->kn;
	ssize_t ret;
	char *page;

	if ((file->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (len >= PAGE_SIZE)
		len = PAGE_SIZE - 1;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	memcpy(page, buf, len);
	page[len] = '\0';
	if (!kernfs_get_active(kn)) {
		kfree(page);
		return -ENODEV;
	}
	ret = kn->ops->store(kn, page, len);
	kernfs_put_active(kn);
	if (ret > 0)
		file->pos += ret;
	kfree(page);
	return ret;
}

/**
 * vfs_read_path - open @path, read up to @size bytes from its start, close
 * @path: absolute path
 * @buf: destination (not NUL-terminated)
 * @size: size of @buf
 *
 * Return: bytes read, or a -errno of vfs_open() or vfs_read().
 */
ssize_t vfs_read_path(const char *path, char *buf, size_t size)
{
	struct vfs_file *f;
	ssize_t ret;

	ret = vfs_open(path, O_RDONLY, &f);
	if (ret)
		return ret;
	ret = vfs_read(f, buf, size);
	vfs_close(f);
	return ret;
}

/**
 * vfs_write_path - open @path for writing, write @buf once, close
 * @path: absolute path
 * @buf: bytes
 * @len: their count
 *
 * Return: what vfs_write() returned, or a -errno of vfs_open() (opened
 * as a shell's '>' does: O_WRONLY | O_CREAT | O_TRUNC).
 */
ssize_t vfs_write_path(const char *path, const char *buf, size_t len)
{
	struct vfs_file *f;
	ssize_t ret;

	ret = vfs_open(path, O_WRONLY | O_CREAT | O_TRUNC, &f);
	if (ret)
		return ret;
	ret = vfs_write(f, buf, len);
	vfs_close(f);
	return ret;
}

/**
 * vfs_readdir_path - list a directory, in name order
 * @path: absolute path; a symlink to a directory is followed
 * @fill: called per entry, under the tree lock (see kernfs_iterate())
 * @ctx: passed to @fill
 *
 * Return: 0, a path walk -errno, -ENOTDIR, or what @fill returned.
 */
int vfs_readdir_path(const char *path, vfs_filldir_t fill, void *ctx)
{
	struct kernfs_node *kn = kernfs_walk_and_get(path, true);
	int ret;

	if (IS_ERR(kn))
		return PTR_ERR(kn);
	ret = kernfs_iterate(kn, fill, ctx);
	kernfs_put(kn);
	return ret;
}

/**
 * vfs_stat_path - the type and mode of @path
 * @path: absolute path
 * @follow: stat the target of a final symlink (stat), or the link (lstat)
 * @st: filled in
 *
 * Return: 0 or a path walk -errno.
 */
int vfs_stat_path(const char *path, bool follow, struct vfs_stat *st)
{
	struct kernfs_node *kn = kernfs_walk_and_get(path, follow);

	if (IS_ERR(kn))
		return PTR_ERR(kn);
	st->type = kn->type;
	st->mode = kn->mode;
	kernfs_put(kn);
	return 0;
}

/**
 * vfs_readlink_path - the text of a symlink
 * @path: absolute path of the link
 * @buf: destination, NUL-terminated
 * @size: size of @buf
 *
 * Return: the text's length, a path walk -errno, -EINVAL if @path is not
 * a symlink, -ENAMETOOLONG if @buf is too small.
 */
int vfs_readlink_path(const char *path, char *buf, size_t size)
{
	struct kernfs_node *kn = kernfs_walk_and_get(path, false);
	int ret;

	if (IS_ERR(kn))
		return PTR_ERR(kn);
	ret = kernfs_link_path(kn, buf, size);
	kernfs_put(kn);
	return ret;
}

/* ---- Open files: the read and write system calls ---- */

/* The most one read or write moves, as on Linux (2 GiB less a page). */
#define MAX_RW_COUNT	0x7ffff000UL

static bool file_seekable(struct file *filp)
{
	return filp->f_mode & FMODE_LSEEK;
}

/*
 * Reads and writes through the file position are serialised for
 * regular files and directories only: a pipe or terminal read may sleep
 * for ever, and must not keep a writer of the same open file waiting.
 */
static bool file_pos_lock(struct file *filp)
{
	umode_t mode = filp->f_inode->i_mode;

	if (!S_ISREG(mode) && !S_ISDIR(mode))
		return false;
	mutex_lock(&filp->f_pos_lock);
	return true;
}

static void file_pos_unlock(struct file *filp, bool locked)
{
	if (locked)
		mutex_unlock(&filp->f_pos_lock);
}

/**
 * vfs_llseek - move @filp's position
 * @filp: the file
 * @off: the offset
 * @whence: SEEK_SET, SEEK_CUR, SEEK_END
 *
 * Return: the new position, -ESPIPE (a file whose operations have no
 * llseek: pipes, FIFOs, most devices), -EINVAL.
 */
loff_t vfs_llseek(struct file *filp, loff_t off, int whence)
{
	loff_t ret;

	if (!file_seekable(filp))
		return -ESPIPE;
	if (whence > SEEK_END)
		return -EINVAL;
	mutex_lock(&filp->f_pos_lock);
	ret = filp->f_op->llseek(filp, off, whence);
	mutex_unlock(&filp->f_pos_lock);
	return ret;
}

/* read(2) on a file: the checks, then the file's read. */
static ssize_t vfs_read_file(struct file *filp, char __user *buf,
			     size_t len, loff_t *pos)
{
	if (!(filp->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(filp->f_inode->i_mode))
		return -EISDIR;
	if (!filp->f_op->read)
		return -EINVAL;
	if (!len)
		return 0;
	if (!access_ok(buf, len))
		return -EFAULT;
	return filp->f_op->read(filp, buf, min_t(size_t, len, MAX_RW_COUNT),
				pos);
}

static ssize_t vfs_write_file(struct file *filp, const char __user *buf,
			      size_t len, loff_t *pos)
{
	if (!(filp->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!filp->f_op->write)
		return -EINVAL;
	if (!len)
		return 0;
	if (!access_ok(buf, len))
		return -EFAULT;
	return filp->f_op->write(filp, buf, min_t(size_t, len, MAX_RW_COUNT),
				 pos);
}

/**
 * ksys_read - read(2)
 * @fd: the descriptor
 * @buf: the user buffer
 * @len: bytes wanted
 *
 * Return: bytes read, -EBADF, -EISDIR, -EFAULT, -EINVAL, or the file's
 * error.
 */
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t len)
{
	struct file *f = fget(fd);
	ssize_t ret;
	bool locked;

	if (!f)
		return -EBADF;
	locked = file_pos_lock(f);
	ret = vfs_read_file(f, buf, len, &f->f_pos);
	file_pos_unlock(f, locked);
	fput(f);
	return ret;
}

/**
 * ksys_write - write(2)
 * @fd: the descriptor
 * @buf: the user buffer
 * @len: its length
 *
 * Return: bytes written, -EBADF, -EFAULT, -EINVAL, or the file's error.
 */
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t len)
{
	struct file *f = fget(fd);
	ssize_t ret;
	bool locked;

	if (!f)
		return -EBADF;
	locked = file_pos_lock(f);
	ret = vfs_write_file(f, buf, len, &f->f_pos);
	file_pos_unlock(f, locked);
	fput(f);
	return ret;
}

static long sys_read(struct pt_regs *regs)
{
	return ksys_read(SC_ARG0(regs), (char __user *)SC_ARG1(regs),
			 SC_ARG2(regs));
}
SYSCALL_ENTRY(read, sys_read);

static long sys_write(struct pt_regs *regs)
{
	return ksys_write(SC_ARG0(regs), (const char __user *)SC_ARG1(regs),
			  SC_ARG2(regs));
}
SYSCALL_ENTRY(write, sys_write);

/* pread64/pwrite64: at @pos, the file position untouched. */
static ssize_t ksys_prw(unsigned int fd, char __user *buf, size_t len,
			loff_t pos, bool write)
{
	struct file *f;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (!file_seekable(f))
		ret = -ESPIPE;
	else if (write)
		ret = vfs_write_file(f, buf, len, &pos);
	else
		ret = vfs_read_file(f, buf, len, &pos);
	fput(f);
	return ret;
}

static long sys_pread64(struct pt_regs *regs)
{
	return ksys_prw(SC_ARG0(regs), (char __user *)SC_ARG1(regs),
			SC_ARG2(regs), SC_ARG3(regs), false);
}
SYSCALL_ENTRY(pread64, sys_pread64);

static long sys_pwrite64(struct pt_regs *regs)
{
	return ksys_prw(SC_ARG0(regs), (char __user *)SC_ARG1(regs),
			SC_ARG2(regs), SC_ARG3(regs), true);
}
SYSCALL_ENTRY(pwrite64, sys_pwrite64);

struct user_iovec {
	void __user *base;
	size_t len;
};

#define UIO_MAXIOV	1024

/* readv/writev: one vector after the other, stopping at a short one. */
static ssize_t ksys_rwv(unsigned int fd, const struct user_iovec __user *uv,
			unsigned long cnt, bool write)
{
	struct user_iovec v;
	ssize_t done = 0, ret = 0;
	bool locked;
	struct file *f;
	unsigned long i;

	if (cnt > UIO_MAXIOV)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	locked = file_pos_lock(f);
	for (i = 0; i < cnt; i++) {
		if (copy_from_user(&v, &uv[i], sizeof(v))) {
			ret = -EFAULT;
			break;
		}
		if ((ssize_t)v.len < 0) {
			ret = -EINVAL;
			break;
		}
		if (!v.len)
			continue;
		ret = write ? vfs_write_file(f, v.base, v.len, &f->f_pos) :
			      vfs_read_file(f, v.base, v.len, &f->f_pos);
		if (ret <= 0)
			break;
		done += ret;
		if ((size_t)ret < v.len)
			break;
	}
	file_pos_unlock(f, locked);
	fput(f);
	return done ? done : ret;
}

static long sys_readv(struct pt_regs *regs)
{
	return ksys_rwv(SC_ARG0(regs), (void __user *)SC_ARG1(regs),
			SC_ARG2(regs), false);
}
SYSCALL_ENTRY(readv, sys_readv);

static long sys_writev(struct pt_regs *regs)
{
	return ksys_rwv(SC_ARG0(regs), (void __user *)SC_ARG1(regs),
			SC_ARG2(regs), true);
}
SYSCALL_ENTRY(writev, sys_writev);

/**
 * ksys_lseek - lseek(2)
 * @fd: the descriptor
 * @off: the offset
 * @whence: SEEK_SET, SEEK_CUR, SEEK_END
 *
 * Return: the new position, -EBADF, -ESPIPE, -EINVAL.
 */
loff_t ksys_lseek(unsigned int fd, loff_t off, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	ret = vfs_llseek(f, off, whence);
	fput(f);
	return ret;
}

static long sys_lseek(struct pt_regs *regs)
{
	return ksys_lseek(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs));
}
SYSCALL_ENTRY(lseek, sys_lseek);

/**
 * kernel_read - read an open file into kernel memory
 * @filp: open for reading
 * @buf: destination
 * @count: bytes wanted
 * @pos: the position to read at, advanced
 *
 * Works on files whose operations have read_kernel (tmpfs files, pipes).
 *
 * Return: bytes read (0 at the end), -EBADF (not open for reading),
 * -EISDIR, -EINVAL (the file cannot be read from the kernel), or the
 * file's error.
 */
ssize_t kernel_read(struct file *filp, void *buf, size_t count, loff_t *pos)
{
	if (!(filp->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(filp->f_inode->i_mode))
		return -EISDIR;
	if (!filp->f_op->read_kernel)
		return -EINVAL;
	return filp->f_op->read_kernel(filp, buf,
				       min_t(size_t, count, MAX_RW_COUNT), pos);
}

/**
 * kernel_write - write kernel memory to an open file
 * @filp: open for writing
 * @buf: the bytes
 * @count: their number
 * @pos: the position to write at, advanced (O_APPEND writes at the end)
 *
 * Return: bytes written, -EBADF, -EINVAL (the file cannot be written
 * from the kernel), or the file's error.
 */
ssize_t kernel_write(struct file *filp, const void *buf, size_t count,
		     loff_t *pos)
{
	if (!(filp->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!filp->f_op->write_kernel)
		return -EINVAL;
	return filp->f_op->write_kernel(filp, buf,
					min_t(size_t, count, MAX_RW_COUNT),
					pos);
}

/**
 * do_sendfile - sendfile(2) with a kernel offset
 * @out_fd: open for writing (a file whose operations have write_kernel)
 * @in_fd: open for reading (with read_kernel)
 * @ppos: where to read from, advanced; NULL for @in_fd's position
 * @count: bytes wanted
 *
 * Copies through a kernel page. Where either file cannot move bytes
 * from the kernel (a terminal, say), it says -EINVAL, as Linux does for
 * files it cannot splice; callers then fall back to read and write.
 *
 * Return: bytes copied, -EBADF, -EINVAL, -ESPIPE (@ppos on a pipe),
 * -ENOMEM, or a read or write error if nothing was copied.
 */
ssize_t do_sendfile(unsigned int out_fd, unsigned int in_fd, loff_t *ppos,
		    size_t count)
{
	struct file *in = fget(in_fd), *out = fget(out_fd);
	ssize_t done = 0, err = 0;
	loff_t pos;
	void *stage = NULL;

	if (!in || !out || !(in->f_mode & FMODE_READ) ||
	    !(out->f_mode & FMODE_WRITE)) {
		err = -EBADF;
		goto put;
	}
	err = -EINVAL;
	if (!in->f_op->read_kernel || !out->f_op->write_kernel ||
	    (out->f_flags & O_APPEND))
		goto put;
	err = -ESPIPE;
	if (ppos && !file_seekable(in))
		goto put;
	err = -ENOMEM;
	stage = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!stage)
		goto put;
	err = 0;
	pos = ppos ? *ppos : in->f_pos;
	count = min_t(size_t, count, MAX_RW_COUNT);
	while ((size_t)done < count) {
		size_t want = min_t(size_t, count - done, PAGE_SIZE);
		ssize_t n = in->f_op->read_kernel(in, stage, want, &pos);
		ssize_t w;

		if (n <= 0) {
			err = n;
			break;
		}
		w = out->f_op->write_kernel(out, stage, n, &out->f_pos);
		if (w < 0) {
			pos -= n;
			err = w;
			break;
		}
		done += w;
		if (w < n) {
			pos -= n - w;
			break;
		}
	}
	if (ppos)
		*ppos = pos;
	else
		in->f_pos = pos;
put:
	kfree(stage);
	fput(in);
	fput(out);
	return done ? done : err;
}

static long sys_sendfile(struct pt_regs *regs)
{
	loff_t __user *upos = (loff_t __user *)SC_ARG2(regs);
	loff_t pos;
	ssize_t ret;

	if (!upos)
		return do_sendfile(SC_ARG0(regs), SC_ARG1(regs), NULL,
				   SC_ARG3(regs));
	if (copy_from_user(&pos, upos, sizeof(pos)))
		return -EFAULT;
	if (pos < 0)
		return -EINVAL;
	ret = do_sendfile(SC_ARG0(regs), SC_ARG1(regs), &pos, SC_ARG3(regs));
	if (ret >= 0 && copy_to_user(upos, &pos, sizeof(pos)))
		ret = -EFAULT;
	return ret;
}
SYSCALL_ENTRY(sendfile, sys_sendfile);
