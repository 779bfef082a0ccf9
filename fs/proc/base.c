// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process directories of procfs: /proc/PID and
 * /proc/PID/task/TID with their files, the fd directory and the magic
 * links exe, cwd, root and fd/N; and /proc/self, /proc/thread-self.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "../internal.h"
#include "internal.h"

/*
 * The descriptors /proc/PID/fd lists: 0 up to this. A process's table
 * may be larger; higher descriptors are found by lookup, not listed.
 */
#define PROC_FD_SCAN	1024

/* ---- ids ---- */

/* The thread group /proc is looked at from: the caller's. */
static int proc_current_tgid(void)
{
	return proc_task_tgid(current);
}

/**
 * proc_self_get_link - /proc/self: "TGID" of the caller
 * @dentry: the link
 * @buf: where the text goes
 * @size: its size
 * @jump: unused
 *
 * Return: 0, or -ENAMETOOLONG.
 */
int proc_self_get_link(struct dentry *dentry, char *buf, size_t size,
		       struct path *jump)
{
	int n = snprintf(buf, size, "%d", proc_current_tgid());

	return n < (int)size ? 0 : -ENAMETOOLONG;
}

/**
 * proc_thread_self_get_link - /proc/thread-self: "TGID/task/TID"
 * @dentry: the link
 * @buf: where the text goes
 * @size: its size
 * @jump: unused
 *
 * Return: 0, or -ENAMETOOLONG.
 */
int proc_thread_self_get_link(struct dentry *dentry, char *buf,
			      size_t size, struct path *jump)
{
	int n = snprintf(buf, size, "%d/task/%d", proc_current_tgid(),
			 current->pid);

	return n < (int)size ? 0 : -ENAMETOOLONG;
}

/* The decimal number @name names, or -1. */
static int proc_name_to_id(const char *name)
{
	int id;

	if (name[0] < '1' || name[0] > '9' || kstrtoint(name, 10, &id))
		return -1;
	return id;
}

/* ---- the ids a directory lists: processes, or a process's threads ---- */

struct proc_ids {
	int *ids;
	unsigned int nr, max;
	int tgid;		/* 0: list processes; else this group's threads */
};

static bool proc_id_wanted(struct task_struct *p, int tgid)
{
	if (p->flags & (PF_IDLE | PF_BOOT))
		return false;
	if (tgid)
		return proc_task_tgid(p) == tgid;
	return !p->tgid || p->tgid == p->pid;
}

static bool proc_ids_count(struct task_struct *p, void *data)
{
	struct proc_ids *s = data;

	if (proc_id_wanted(p, s->tgid))
		s->max++;
	return true;
}

static bool proc_ids_fill(struct task_struct *p, void *data)
{
	struct proc_ids *s = data;

	if (proc_id_wanted(p, s->tgid) && s->nr < s->max)
		s->ids[s->nr++] = p->pid;
	return true;
}

/* Collects the ids sorted; Return: 0 or -ENOMEM (kfree(s->ids) after). */
static int proc_ids_collect(struct proc_ids *s, int tgid)
{
	unsigned int i, j;

	memset(s, 0, sizeof(*s));
	s->tgid = tgid;
	sched_visit_tasks(s, proc_ids_count);
	s->max += 16;		/* tasks made between the two walks */
	s->ids = kmalloc_array(s->max, sizeof(int), GFP_KERNEL);
	if (!s->ids)
		return -ENOMEM;
	sched_visit_tasks(s, proc_ids_fill);
	for (i = 1; i < s->nr; i++) {
		int v = s->ids[i];

		for (j = i; j > 0 && s->ids[j - 1] > v; j--)
			s->ids[j] = s->ids[j - 1];
		s->ids[j] = v;
	}
	return 0;
}

/* Emits the ids as directories; id N sits at position @first + N. */
static int proc_emit_ids(struct dir_context *ctx, loff_t first, int tgid)
{
	struct proc_ids s;
	char name[16];
	unsigned int i;
	int err = proc_ids_collect(&s, tgid);

	if (err)
		return err;
	for (i = 0; i < s.nr; i++) {
		if (first + s.ids[i] < ctx->pos)
			continue;
		snprintf(name, sizeof(name), "%d", s.ids[i]);
		if (!dir_emit(ctx, name, strlen(name), first + s.ids[i],
			      DT_DIR))
			break;
		ctx->pos = first + s.ids[i] + 1;
	}
	kfree(s.ids);
	return 0;
}

/**
 * proc_pid_readdir - list the processes in /proc
 * @file: the open root
 * @ctx: the walk
 * @first: the position of pid 0
 *
 * Return: 0 or -ENOMEM.
 */
int proc_pid_readdir(struct file *file, struct dir_context *ctx,
		     loff_t first)
{
	return proc_emit_ids(ctx, first, 0);
}

/* ---- magic links ---- */

static struct task_struct *proc_link_task(struct dentry *dentry)
{
	return proc_find_task(proc_info(dentry->d_inode)->pid);
}

static int proc_exe_get_link(struct dentry *dentry, char *buf, size_t size,
			     struct path *jump)
{
	struct task_struct *task = proc_link_task(dentry);
	struct mm_struct *mm;
	int err = -ENOENT;

	if (!task)
		return -ENOENT;
	mm = proc_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return -ENOENT;
	if (mm->exe_file) {
		*jump = mm->exe_file->f_path;
		path_get(jump);
		err = 0;
	}
	mmput(mm);
	return err;
}

/* cwd and root: any process's, read under its task_lock() by fs/. */
static int proc_fs_get_link(struct dentry *dentry, struct path *jump,
			    bool root)
{
	struct task_struct *task = proc_link_task(dentry);
	int err;

	if (!task)
		return -ENOENT;
	err = get_task_fs_path(task, jump, root);
	put_task_struct(task);
	return err;
}

static int proc_cwd_get_link(struct dentry *dentry, char *buf, size_t size,
			     struct path *jump)
{
	return proc_fs_get_link(dentry, jump, false);
}

static int proc_root_get_link(struct dentry *dentry, char *buf, size_t size,
			      struct path *jump)
{
	return proc_fs_get_link(dentry, jump, true);
}

/* The file at descriptor @nr of the process @pid names, or NULL. */
static struct file *proc_task_fget(int pid, unsigned int nr)
{
	struct task_struct *task = proc_find_task(pid);
	struct file *file;

	if (!task)
		return NULL;
	file = fget_task(task, nr);
	put_task_struct(task);
	return file;
}

static int proc_fd_get_link(struct dentry *dentry, char *buf, size_t size,
			    struct path *jump)
{
	struct proc_inode_info *info = proc_info(dentry->d_inode);
	struct file *file = proc_task_fget(info->pid, info->fd);

	if (!file)
		return -ENOENT;
	*jump = file->f_path;
	path_get(jump);
	fput(file);
	return 0;
}

/* ---- /proc/PID/fd ---- */

static const struct proc_entry proc_fd_link_entry = {
	.name = "fd",
	.mode = S_IFLNK | 0700,
	.get_link = proc_fd_get_link,
};

static struct dentry *proc_fd_lookup(struct inode *dir,
				     struct dentry *dentry,
				     unsigned int flags)
{
	int fd = proc_name_to_id(dentry->d_name.name);
	struct inode *inode;
	struct file *file;

	if (!strcmp(dentry->d_name.name, "0"))
		fd = 0;
	if (fd < 0)
		return NULL;
	file = proc_task_fget(proc_info(dir)->pid, fd);
	if (!file)
		return NULL;
	fput(file);
	inode = proc_make_inode(dir->i_sb, &proc_fd_link_entry,
				proc_info(dir)->pid, fd);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

static int proc_fd_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct task_struct *fd_holder;
	char name[16];
	int fd;

	if (!dir_emit_dots(file, ctx))
		return 0;
	fd_holder = proc_find_task(proc_info(file_inode(file))->pid);
	if (!fd_holder)
		return 0;
	for (fd = ctx->pos - 2; fd < PROC_FD_SCAN; fd++) {
		struct file *f = fget_task(fd_holder, fd);

		ctx->pos = fd + 2;
		if (!f)
			continue;
		fput(f);
		snprintf(name, sizeof(name), "%d", fd);
		if (!dir_emit(ctx, name, strlen(name), fd + 2, DT_LNK))
			goto out;
	}
	ctx->pos = PROC_FD_SCAN + 2;
out:
	put_task_struct(fd_holder);
	return 0;
}

static const struct inode_operations proc_fd_dir_iops = {
	.lookup = proc_fd_lookup,
};

static const struct file_operations proc_fd_dir_fops = {
	.llseek = generic_file_llseek,
	.iterate_shared = proc_fd_dir_iterate,
};

/* ---- writable files ---- */

/* /proc/PID/comm: a new name, cut to 15 bytes, without its newline. */
static int proc_comm_store(struct task_struct *task, char *buf, size_t len)
{
	if (len && buf[len - 1] == '\n')
		buf[--len] = '\0';
	strscpy(task->comm, buf, sizeof(task->comm));
	return 0;
}

/* ---- /proc/PID/task/TID and /proc/PID ---- */

#define PID_FILE(n, m, fn) \
	{ .name = n, .mode = S_IFREG | (m), .show = fn }
#define PID_LINK(n, fn) \
	{ .name = n, .mode = S_IFLNK | 0777, .get_link = fn }

static struct dentry *proc_task_dir_lookup(struct inode *dir,
				       struct dentry *dentry,
				       unsigned int flags);
static int proc_task_iterate(struct file *file, struct dir_context *ctx);

static const struct inode_operations proc_task_dir_iops = {
	.lookup = proc_task_dir_lookup,
};

static const struct file_operations proc_task_dir_fops = {
	.llseek = generic_file_llseek,
	.iterate_shared = proc_task_iterate,
};

/* /proc/PID's entries by name; /proc/PID/task/TID has all but "task". */
static const struct proc_entry proc_pid_entries[] = {
	PID_FILE("cmdline", 0444, proc_pid_cmdline_show),
	{ .name = "comm", .mode = S_IFREG | 0644,
	  .show = proc_pid_comm_show, .store = proc_comm_store },
	PID_LINK("cwd", proc_cwd_get_link),
	PID_FILE("environ", 0400, proc_pid_environ_show),
	PID_LINK("exe", proc_exe_get_link),
	{ .name = "fd", .mode = S_IFDIR | 0500,
	  .iop = &proc_fd_dir_iops, .fop = &proc_fd_dir_fops },
	PID_FILE("maps", 0444, proc_pid_maps_show),
	PID_FILE("mounts", 0444, proc_mounts_show),
	PID_LINK("root", proc_root_get_link),
	PID_FILE("stat", 0444, proc_pid_stat_show),
	PID_FILE("statm", 0444, proc_pid_statm_show),
	PID_FILE("status", 0444, proc_pid_status_show),
	{ .name = "task", .mode = S_IFDIR | 0555,
	  .iop = &proc_task_dir_iops, .fop = &proc_task_dir_fops },
};

static const struct proc_entry proc_tid_entry = {
	.name = "tid",
	.mode = S_IFDIR | 0555,
	.children = proc_pid_entries,
	.nr_children = ARRAY_SIZE(proc_pid_entries) - 1,	/* no "task" */
};

/* /proc/PID; also what /proc/TID of a thread shows. */
const struct proc_entry proc_pid_entry = {
	.name = "pid",
	.mode = S_IFDIR | 0555,
	.children = proc_pid_entries,
	.nr_children = ARRAY_SIZE(proc_pid_entries),
};

/* Adds the directory of task @id (entry @ent) if the task exists. */
static struct dentry *proc_id_dir(struct inode *dir, struct dentry *dentry,
				  const struct proc_entry *ent, int id,
				  int tgid)
{
	struct task_struct *task = proc_find_task(id);
	struct inode *inode;
	bool ok;

	if (!task)
		return NULL;
	ok = !(task->flags & (PF_IDLE | PF_BOOT)) &&
	     (!tgid || proc_task_tgid(task) == tgid);
	put_task_struct(task);
	if (!ok)
		return NULL;
	inode = proc_make_inode(dir->i_sb, ent, id, 0);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

/**
 * proc_pid_lookup - /proc/ID: the directory of task ID, if it exists
 * @dir: procfs's root
 * @dentry: the name
 *
 * Return: NULL (@dentry filled or left negative), or ERR_PTR(-ENOMEM).
 */
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry)
{
	int id = proc_name_to_id(dentry->d_name.name);

	if (id < 0)
		return NULL;
	return proc_id_dir(dir, dentry, &proc_pid_entry, id, 0);
}

static struct dentry *proc_task_dir_lookup(struct inode *dir,
				       struct dentry *dentry,
				       unsigned int flags)
{
	int id = proc_name_to_id(dentry->d_name.name);
	struct task_struct *leader = proc_find_task(proc_info(dir)->pid);
	int tgid;

	if (id < 0 || !leader)
		goto out;
	tgid = proc_task_tgid(leader);
	put_task_struct(leader);
	return proc_id_dir(dir, dentry, &proc_tid_entry, id, tgid);
out:
	if (leader)
		put_task_struct(leader);
	return NULL;
}

static int proc_task_iterate(struct file *file, struct dir_context *ctx)
{
	struct task_struct *leader;
	int tgid;

	if (!dir_emit_dots(file, ctx))
		return 0;
	leader = proc_find_task(proc_info(file_inode(file))->pid);
	if (!leader)
		return 0;
	tgid = proc_task_tgid(leader);
	put_task_struct(leader);
	return proc_emit_ids(ctx, 2, tgid);
}
