// SPDX-License-Identifier: GPL-2.0
/*
 * A process's root directory, working directory and umask (struct
 * fs_struct), shared by CLONE_FS threads and copied by fork.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include "internal.h"

/**
 * struct fs_struct - root, cwd and umask of one or more tasks
 * @users: tasks sharing it (get_fs_struct/put_fs_struct)
 * @lock: protects @root, @pwd and @umask; readers copy a path and
 * path_get() it under @lock, then use the copy without it.
 */
struct fs_struct {
	atomic_t users;
	spinlock_t lock;
	struct path root, pwd;
	unsigned int umask;
};

static struct fs_struct *fs_alloc(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	atomic_set(&fs->users, 1);
	spin_lock_init(&fs->lock);
	fs->umask = 0022;
	return fs;
}

/**
 * fs_alloc_root - a new fs_struct at the boot root, umask 022
 *
 * For the first process (and KUnit cases that act as one).
 *
 * Return: the fs_struct, or NULL without memory.
 */
struct fs_struct *fs_alloc_root(void)
{
	struct fs_struct *fs = fs_alloc();

	if (!fs)
		return NULL;
	vfs_root_path(&fs->root);
	vfs_root_path(&fs->pwd);
	return fs;
}

/**
 * copy_fs_struct - fork(): a copy of @src for a new process
 * @src: the parent's
 *
 * Return: the copy (same root, cwd and umask), or NULL without memory.
 */
struct fs_struct *copy_fs_struct(struct fs_struct *src)
{
	struct fs_struct *fs = fs_alloc();

	if (!fs)
		return NULL;
	spin_lock(&src->lock);
	fs->root = src->root;
	fs->pwd = src->pwd;
	path_get(&fs->root);
	path_get(&fs->pwd);
	fs->umask = src->umask;
	spin_unlock(&src->lock);
	return fs;
}

/**
 * get_fs_struct - one more task shares @fs (CLONE_FS)
 * @fs: the fs_struct
 */
void get_fs_struct(struct fs_struct *fs)
{
	atomic_inc(&fs->users);
}

/**
 * put_fs_struct - a task stops using @fs; the last one frees it
 * @fs: the fs_struct, or NULL
 */
void put_fs_struct(struct fs_struct *fs)
{
	if (!fs || !atomic_dec_and_test(&fs->users))
		return;
	path_put(&fs->root);
	path_put(&fs->pwd);
	kfree(fs);
}

/**
 * get_current_root - the caller's root, with references
 * @root: filled in; path_put() it
 *
 * A task without an fs_struct (a kernel thread) sees the boot root.
 */
void get_current_root(struct path *root)
{
	struct fs_struct *fs = current->fs;

	if (!fs) {
		vfs_root_path(root);
		return;
	}
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

/**
 * get_current_pwd - the caller's working directory, with references
 * @pwd: filled in; path_put() it
 */
void get_current_pwd(struct path *pwd)
{
	struct fs_struct *fs = current->fs;

	if (!fs) {
		vfs_root_path(pwd);
		return;
	}
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

/**
 * get_task_fs_path - another task's root or working directory
 * @task: the task (the caller holds a reference to it)
 * @path: filled in, with references; path_put() it
 * @root: the root directory (else the working directory)
 *
 * The fs_struct is read under task_lock(), which exit takes to drop it.
 * Does not sleep.
 *
 * Return: 0, or -ENOENT if @task has no fs_struct (a kernel thread, or
 * past its exit).
 */
int get_task_fs_path(struct task_struct *task, struct path *path,
		     bool root)
{
	struct fs_struct *fs;
	int err = -ENOENT;

	task_lock(task);
	fs = task->fs;
	if (fs) {
		spin_lock(&fs->lock);
		*path = root ? fs->root : fs->pwd;
		path_get(path);
		spin_unlock(&fs->lock);
		err = 0;
	}
	task_unlock(task);
	return err;
}

/**
 * current_umask - the caller's umask (022 without an fs_struct)
 *
 * Return: the umask.
 */
unsigned int current_umask(void)
{
	return current->fs ? READ_ONCE(current->fs->umask) : 0022;
}

/**
 * set_current_umask - umask(2)
 * @mask: the new mask (only 0777 bits kept)
 *
 * Return: the old mask.
 */
unsigned int set_current_umask(unsigned int mask)
{
	struct fs_struct *fs = current->fs;
	unsigned int old;

	if (!fs)
		return 0022;
	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}

/* Replace @which (root or pwd of current's fs) with @pth (referenced). */
static int set_fs_path(struct path *pth, bool root)
{
	struct fs_struct *fs = current->fs;
	struct path old;

	if (!fs) {
		path_put(pth);
		return -EINVAL;
	}
	spin_lock(&fs->lock);
	if (root) {
		old = fs->root;
		fs->root = *pth;
	} else {
		old = fs->pwd;
		fs->pwd = *pth;
	}
	spin_unlock(&fs->lock);
	path_put(&old);
	return 0;
}

/**
 * set_fs_pwd - make @pth (whose reference passes) the working directory
 * @pth: a directory
 *
 * Return: 0, or -EINVAL if the caller has no fs_struct (reference
 * dropped).
 */
int set_fs_pwd(struct path *pth)
{
	return set_fs_path(pth, false);
}

/**
 * set_fs_root - make @pth (whose reference passes) the root directory
 * @pth: a directory
 *
 * Return: 0, or -EINVAL if the caller has no fs_struct.
 */
int set_fs_root(struct path *pth)
{
	return set_fs_path(pth, true);
}
