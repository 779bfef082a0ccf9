// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: descriptor tables
 *
 * A process's open descriptors are a files_struct: an array of struct
 * file pointers with a close-on-exec bit per slot, grown on demand up
 * to NR_OPEN_MAX (1024, Linux's default RLIMIT_NOFILE). New descriptors
 * take the lowest free number. Threads created with CLONE_FILES share
 * one table; fork copies it (dup_fd()).
 *
 * A task without a table (a kernel thread) gets -EBADF from every
 * descriptor call.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include "internal.h"

#define NR_OPEN_DEFAULT	64

/**
 * struct files_struct - a descriptor table
 * @count: tasks sharing it
 * @lock: protects @fd, @cloexec, @max_fds and @next_fd. A file found
 * under it gets its reference before the lock is dropped; nothing that
 * sleeps (fput) runs under it.
 * @fd: @max_fds slots
 * @cloexec: one bit per slot
 * @next_fd: no free slot below this one
 */
struct files_struct {
	atomic_t count;
	spinlock_t lock;
	unsigned int max_fds;
	struct file **fd;
	unsigned long *cloexec;
	unsigned int next_fd;
};

static size_t cloexec_bytes(unsigned int n)
{
	return DIV_ROUND_UP(n, BITS_PER_LONG) * sizeof(unsigned long);
}

/* A table with @n empty slots. */
static struct files_struct *files_new(unsigned int n)
{
	struct files_struct *fdt = kzalloc(sizeof(*fdt), GFP_KERNEL);

	if (!fdt)
		return NULL;
	fdt->fd = kcalloc(n, sizeof(struct file *), GFP_KERNEL);
	fdt->cloexec = kzalloc(cloexec_bytes(n), GFP_KERNEL);
	if (!fdt->fd || !fdt->cloexec) {
		kfree(fdt->fd);
		kfree(fdt->cloexec);
		kfree(fdt);
		return NULL;
	}
	atomic_set(&fdt->count, 1);
	spin_lock_init(&fdt->lock);
	fdt->max_fds = n;
	return fdt;
}

/**
 * files_alloc - an empty descriptor table
 *
 * Return: the table (one user), or NULL without memory.
 */
struct files_struct *files_alloc(void)
{
	return files_new(NR_OPEN_DEFAULT);
}

/**
 * dup_fd - fork(): a copy of @old
 * @old: the parent's table
 * @errorp: set to -ENOMEM on failure
 *
 * The copy refers to the same open files (each gets a reference) with
 * the same close-on-exec bits.
 *
 * Return: the copy, or NULL.
 */
struct files_struct *dup_fd(struct files_struct *old, int *errorp)
{
	struct files_struct *fdt;
	unsigned int n, i;

	for (;;) {
		n = READ_ONCE(old->max_fds);
		fdt = files_new(n);
		if (!fdt) {
			*errorp = -ENOMEM;
			return NULL;
		}
		spin_lock(&old->lock);
		if (old->max_fds == n)
			break;
		/* It grew meanwhile: try again at the new size. */
		spin_unlock(&old->lock);
		put_files_struct(fdt);
	}
	for (i = 0; i < n; i++) {
		if (old->fd[i])
			fdt->fd[i] = get_file(old->fd[i]);
	}
	memcpy(fdt->cloexec, old->cloexec, cloexec_bytes(n));
	fdt->next_fd = old->next_fd;
	spin_unlock(&old->lock);
	return fdt;
}

/**
 * get_files_struct - one more task shares @fdt (CLONE_FILES)
 * @fdt: the table
 */
void get_files_struct(struct files_struct *fdt)
{
	atomic_inc(&fdt->count);
}

/**
 * put_files_struct - a task stops using @fdt; the last closes all
 * @fdt: the table, or NULL
 */
void put_files_struct(struct files_struct *fdt)
{
	unsigned int i;

	if (!fdt || !atomic_dec_and_test(&fdt->count))
		return;
	for (i = 0; i < fdt->max_fds; i++)
		fput(fdt->fd[i]);
	kfree(fdt->fd);
	kfree(fdt->cloexec);
	kfree(fdt);
}

/**
 * do_close_on_exec - execve(): close every close-on-exec descriptor
 * @fdt: the table (not shared: exec unshared it)
 */
void do_close_on_exec(struct files_struct *fdt)
{
	unsigned int i;

	for (i = 0; i < READ_ONCE(fdt->max_fds); i++) {
		struct file *f = NULL;

		spin_lock(&fdt->lock);
		if (i < fdt->max_fds && test_bit(i, fdt->cloexec)) {
			f = fdt->fd[i];
			fdt->fd[i] = NULL;
			clear_bit(i, fdt->cloexec);
			if (i < fdt->next_fd)
				fdt->next_fd = i;
		}
		spin_unlock(&fdt->lock);
		fput(f);
	}
}

/*
 * Make room for slot @nr. Called and returns with files->lock held; may
 * drop it to allocate. Return: 0 (room now), -EMFILE, -ENOMEM.
 */
static int expand_files(struct files_struct *fdt, unsigned int nr)
{
	struct file **fd, **old_fd;
	unsigned long *ce, *old_ce;
	unsigned int n;

	while (nr >= fdt->max_fds) {
		if (nr >= NR_OPEN_MAX)
			return -EMFILE;
		n = fdt->max_fds;
		while (n <= nr)
			n *= 2;
		n = min_t(unsigned int, n, NR_OPEN_MAX);
		spin_unlock(&fdt->lock);
		fd = kcalloc(n, sizeof(*fd), GFP_KERNEL);
		ce = kzalloc(cloexec_bytes(n), GFP_KERNEL);
		spin_lock(&fdt->lock);
		if (!fd || !ce) {
			kfree(fd);
			kfree(ce);
			return -ENOMEM;
		}
		if (n <= fdt->max_fds) {	/* someone else grew it */
			kfree(fd);
			kfree(ce);
			continue;
		}
		memcpy(fd, fdt->fd, fdt->max_fds * sizeof(*fd));
		memcpy(ce, fdt->cloexec, cloexec_bytes(fdt->max_fds));
		old_fd = fdt->fd;
		old_ce = fdt->cloexec;
		fdt->fd = fd;
		fdt->cloexec = ce;
		fdt->max_fds = n;
		spin_unlock(&fdt->lock);
		kfree(old_fd);
		kfree(old_ce);
		spin_lock(&fdt->lock);
	}
	return 0;
}

static void set_slot(struct files_struct *fdt, unsigned int fd,
		     struct file *filp, bool cloexec)
{
	fdt->fd[fd] = filp;
	if (cloexec)
		set_bit(fd, fdt->cloexec);
	else
		clear_bit(fd, fdt->cloexec);
}

/**
 * fd_alloc_from - install @filp at the lowest free descriptor >= @from
 * @filp: the file; the caller's reference passes to the table on success
 * @from: the lowest number wanted
 * @flags: O_CLOEXEC or 0
 *
 * Return: the descriptor, -EBADF without a table, -EMFILE if none is
 * free below NR_OPEN_MAX (or @from is beyond it: -EINVAL), -ENOMEM.
 */
int fd_alloc_from(struct file *filp, unsigned int from, unsigned int flags)
{
	struct files_struct *fdt = current->files;
	unsigned int fd;
	int err;

	if (!fdt)
		return -EBADF;
	if (from >= NR_OPEN_MAX)
		return -EINVAL;
	spin_lock(&fdt->lock);
	fd = max(from, fdt->next_fd);
	for (;;) {
		while (fd < fdt->max_fds && fdt->fd[fd])
			fd++;
		if (fd < fdt->max_fds)
			break;
		err = expand_files(fdt, fd);
		if (err) {
			spin_unlock(&fdt->lock);
			return err;
		}
	}
	set_slot(fdt, fd, filp, flags & O_CLOEXEC);
	if (from <= fdt->next_fd)
		fdt->next_fd = fd + 1;
	spin_unlock(&fdt->lock);
	return fd;
}

/**
 * fd_install_new - install @filp at the lowest free descriptor
 * @filp: the file; the caller's reference passes to the table on success
 * @flags: O_CLOEXEC or 0
 *
 * Return: the descriptor, -EBADF without a table, -EMFILE, -ENOMEM.
 */
int fd_install_new(struct file *filp, unsigned int flags)
{
	return fd_alloc_from(filp, 0, flags);
}

/**
 * replace_fd - install @filp at descriptor @fd, closing what was there
 * @fd: the descriptor (dup2, dup3)
 * @filp: the file; the caller's reference passes to the table
 * @flags: O_CLOEXEC or 0
 *
 * Return: @fd, -EBADF (no table, or @fd >= NR_OPEN_MAX), -ENOMEM.
 */
int replace_fd(unsigned int fd, struct file *filp, unsigned int flags)
{
	struct files_struct *fdt = current->files;
	struct file *old;
	int err;

	if (!fdt || fd >= NR_OPEN_MAX)
		return -EBADF;
	spin_lock(&fdt->lock);
	err = expand_files(fdt, fd);
	if (err) {
		spin_unlock(&fdt->lock);
		return err == -EMFILE ? -EBADF : err;
	}
	old = fdt->fd[fd];
	set_slot(fdt, fd, filp, flags & O_CLOEXEC);
	spin_unlock(&fdt->lock);
	fput(old);
	return fd;
}

/**
 * fget_raw - the file at @fd, with a reference
 * @fd: the descriptor
 * @cloexec: if not NULL, its close-on-exec bit
 *
 * Return: the file, or NULL if @fd is not open (or no table).
 */
struct file *fget_raw(unsigned int fd, bool *cloexec)
{
	struct files_struct *fdt = current->files;
	struct file *f = NULL;

	if (!fdt)
		return NULL;
	spin_lock(&fdt->lock);
	if (fd < fdt->max_fds && fdt->fd[fd]) {
		f = get_file(fdt->fd[fd]);
		if (cloexec)
			*cloexec = test_bit(fd, fdt->cloexec);
	}
	spin_unlock(&fdt->lock);
	return f;
}

/**
 * fget - the file at descriptor @fd of the caller, with a reference
 * @fd: the descriptor
 *
 * Return: the file (fput() it), or NULL if @fd is not open.
 */
struct file *fget(unsigned int fd)
{
	return fget_raw(fd, NULL);
}

/**
 * fget_task - the file at descriptor @nr of another task, with a reference
 * @owner: the task (the caller holds a reference to it)
 * @nr: the descriptor
 *
 * task_lock() keeps @owner's table from being dropped by its exit (or
 * swapped by close_range()) while the file is looked up. Does not sleep.
 *
 * Return: the file (fput() it), or NULL if @nr is not open or @owner
 * has no table (a kernel thread, or past its exit).
 */
struct file *fget_task(struct task_struct *owner, unsigned int nr)
{
	struct files_struct *fdt;
	struct file *f = NULL;

	task_lock(owner);
	fdt = owner->files;
	if (fdt) {
		spin_lock(&fdt->lock);
		if (nr < fdt->max_fds && fdt->fd[nr])
			f = get_file(fdt->fd[nr]);
		spin_unlock(&fdt->lock);
	}
	task_unlock(owner);
	return f;
}

/**
 * fd_set_cloexec - set or clear @fd's close-on-exec bit
 * @fd: the descriptor
 * @on: the new value
 *
 * Return: 0 or -EBADF.
 */
int fd_set_cloexec(unsigned int fd, bool on)
{
	struct files_struct *fdt = current->files;
	int err = -EBADF;

	if (!fdt)
		return -EBADF;
	spin_lock(&fdt->lock);
	if (fd < fdt->max_fds && fdt->fd[fd]) {
		if (on)
			set_bit(fd, fdt->cloexec);
		else
			clear_bit(fd, fdt->cloexec);
		err = 0;
	}
	spin_unlock(&fdt->lock);
	return err;
}

/**
 * fd_get_cloexec - @fd's close-on-exec bit
 * @fd: the descriptor
 *
 * Return: 1 or 0, or -EBADF.
 */
int fd_get_cloexec(unsigned int fd)
{
	bool ce = false;
	struct file *f = fget_raw(fd, &ce);

	if (!f)
		return -EBADF;
	fput(f);
	return ce;
}

/* Take the file out of slot @fd; NULL if empty. Caller holds the lock. */
static struct file *take_fd(struct files_struct *fdt, unsigned int fd)
{
	struct file *f;

	if (fd >= fdt->max_fds || !fdt->fd[fd])
		return NULL;
	f = fdt->fd[fd];
	fdt->fd[fd] = NULL;
	clear_bit(fd, fdt->cloexec);
	if (fd < fdt->next_fd)
		fdt->next_fd = fd;
	return f;
}

/**
 * close_fd - close descriptor @fd of the caller
 * @fd: the descriptor
 *
 * Return: 0, or -EBADF if it was not open.
 */
int close_fd(unsigned int fd)
{
	struct files_struct *fdt = current->files;
	struct file *f;

	if (!fdt)
		return -EBADF;
	spin_lock(&fdt->lock);
	f = take_fd(fdt, fd);
	spin_unlock(&fdt->lock);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

#define CR_UNSHARE	(1U << 1)
#define CR_CLOEXEC	(1U << 2)

/**
 * do_close_range - close_range(2)
 * @first: the first descriptor
 * @last: the last (inclusive; ~0U for all)
 * @flags: CR_CLOEXEC (mark instead of closing),
 * CR_UNSHARE (first give the caller a table of its own)
 *
 * Return: 0, -EINVAL (bad flags, @first > @last), -ENOMEM.
 */
int do_close_range(unsigned int first, unsigned int last,
		   unsigned int flags)
{
	struct files_struct *fdt = current->files;
	unsigned int fd;

	if (flags & ~(CR_UNSHARE | CR_CLOEXEC))
		return -EINVAL;
	if (first > last)
		return -EINVAL;
	if (!fdt)
		return 0;
	if ((flags & CR_UNSHARE) && atomic_read(&fdt->count) > 1) {
		int err = 0;
		struct files_struct *copy = dup_fd(fdt, &err);

		if (!copy)
			return err;
		task_lock(current);
		current->files = copy;
		task_unlock(current);
		put_files_struct(fdt);
		fdt = copy;
	}
	for (fd = first; fd <= last && fd < READ_ONCE(fdt->max_fds); fd++) {
		struct file *f = NULL;

		spin_lock(&fdt->lock);
		if (flags & CR_CLOEXEC) {
			if (fd < fdt->max_fds && fdt->fd[fd])
				set_bit(fd, fdt->cloexec);
		} else {
			f = take_fd(fdt, fd);
		}
		spin_unlock(&fdt->lock);
		fput(f);
	}
	return 0;
}

static long sys_close(struct pt_regs *regs)
{
	return close_fd(SC_ARG0(regs));
}
SYSCALL_ENTRY(close, sys_close);

static long sys_close_range(struct pt_regs *regs)
{
	return do_close_range(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs));
}
SYSCALL_ENTRY(close_range, sys_close_range);

/**
 * do_dup3 - dup2(2) and dup3(2)
 * @oldfd: the descriptor copied
 * @newfd: where to
 * @flags: O_CLOEXEC or 0
 *
 * Return: @newfd, -EBADF, -EINVAL (bad flags; dup3 with equal numbers is
 * the caller's check), -ENOMEM.
 */
int do_dup3(unsigned int oldfd, unsigned int newfd, unsigned int flags)
{
	struct file *f;
	int ret;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	ret = replace_fd(newfd, f, flags);
	if (ret < 0)
		fput(f);
	return ret;
}

static long sys_dup(struct pt_regs *regs)
{
	struct file *f = fget(SC_ARG0(regs));
	int ret;

	if (!f)
		return -EBADF;
	ret = fd_install_new(f, 0);
	if (ret < 0)
		fput(f);
	return ret;
}
SYSCALL_ENTRY(dup, sys_dup);

static long sys_dup2(struct pt_regs *regs)
{
	unsigned int oldfd = SC_ARG0(regs), newfd = SC_ARG1(regs);

	if (oldfd == newfd) {
		struct file *f = fget(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return do_dup3(oldfd, newfd, 0);
}
SYSCALL_ENTRY(dup2, sys_dup2);

static long sys_dup3(struct pt_regs *regs)
{
	if (SC_ARG0(regs) == SC_ARG1(regs))
		return -EINVAL;
	return do_dup3(SC_ARG0(regs), SC_ARG1(regs), SC_ARG2(regs));
}
SYSCALL_ENTRY(dup3, sys_dup3);
