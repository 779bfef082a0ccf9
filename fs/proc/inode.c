// SPDX-License-Identifier: GPL-2.0
/*
 * procfs inodes: one per lookup, standing for a fixed entry (and the
 * task it is about); text files printed at open, directories of fixed
 * entries, and symlinks.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include "internal.h"

/**
 * DOC: procfs inodes
 *
 * Nothing in procfs is cached: every lookup makes a new inode whose
 * i_private (struct proc_inode_info) names its entry and the task it is
 * about by id, never by pointer, and every dentry is dropped as soon as
 * it is unused (d_delete). A dentry still held (an open file, a working
 * directory) is revalidated on each walk: once its task is gone it is
 * dropped, and the walk gets -ENOENT. An open file of a task that
 * exited keeps the text it printed at open.
 *
 * A text file is printed whole at open (proc_text_build()), so that
 * reading it in pieces sees one consistent text; reads copy from it.
 * A write is one call of the entry's store with the whole buffer (at
 * most PAGE_SIZE - 1 bytes), NUL-terminated.
 */

static const struct inode_operations proc_file_iops;
static const struct inode_operations proc_link_iops;
static const struct file_operations proc_text_fops;

/**
 * proc_make_inode - a new inode for @ent about task @pid
 * @sb: procfs's super block
 * @ent: the entry
 * @pid: the task (0 for none)
 * @fd: the descriptor, for /proc/PID/fd/N
 *
 * Return: the inode, or NULL without memory.
 */
struct inode *proc_make_inode(struct super_block *sb,
			      const struct proc_entry *ent, int pid, int fd)
{
	struct proc_inode_info *info = kzalloc(sizeof(*info), GFP_KERNEL);
	struct inode *inode;

	if (!info)
		return NULL;
	inode = new_inode(sb);
	if (!inode) {
		kfree(info);
		return NULL;
	}
	info->ent = ent;
	info->pid = pid;
	info->fd = fd;
	inode->i_private = info;
	inode->i_ino = get_next_ino();
	inode->i_mode = ent->mode;
	if (S_ISDIR(ent->mode)) {
		inode->i_nlink = 2;
		inode->i_op = ent->iop ? ent->iop : &proc_static_dir_iops;
		inode->i_fop = ent->fop ? ent->fop : &proc_static_dir_fops;
	} else if (S_ISLNK(ent->mode)) {
		inode->i_op = &proc_link_iops;
	} else {
		inode->i_op = &proc_file_iops;
		inode->i_fop = &proc_text_fops;
	}
	return inode;
}

static void procfs_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
	inode->i_private = NULL;
}

const struct super_operations procfs_sops = {
	.evict_inode = procfs_evict_inode,
};

/* A dentry about a task stays valid while the task exists. */
static int proc_d_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = dentry->d_inode;
	struct task_struct *task;

	if (!inode)
		return 0;
	if (!proc_info(inode)->pid)
		return 1;
	task = proc_find_task(proc_info(inode)->pid);
	if (!task)
		return 0;
	put_task_struct(task);
	return 1;
}

static int proc_d_delete(const struct dentry *dentry)
{
	return 1;
}

const struct dentry_operations procfs_dops = {
	.d_revalidate = proc_d_revalidate,
	.d_delete = proc_d_delete,
};

/**
 * proc_lookup_in - look @dentry's name up among fixed entries
 * @dir: the directory
 * @dentry: the name
 * @ents: the entries
 * @nr: how many
 * @pid: the task the new inode is about (0 for none)
 *
 * Return: NULL (@dentry filled, or left negative for -ENOENT), or
 * ERR_PTR(-ENOMEM).
 */
struct dentry *proc_lookup_in(struct inode *dir, struct dentry *dentry,
			      const struct proc_entry *ents, unsigned int nr,
			      int pid)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		struct inode *inode;

		if (strcmp(ents[i].name, dentry->d_name.name))
			continue;
		inode = proc_make_inode(dir->i_sb, &ents[i], pid, 0);
		if (!inode)
			return ERR_PTR(-ENOMEM);
		d_add(dentry, inode);
		break;
	}
	return NULL;
}

static unsigned int proc_dt_of(umode_t mode)
{
	if (S_ISDIR(mode))
		return DT_DIR;
	if (S_ISLNK(mode))
		return DT_LNK;
	return DT_REG;
}

/**
 * proc_emit_entries - list fixed entries for getdents
 * @ctx: the walk; entry i is at position @first + i
 * @ents: the entries
 * @nr: how many
 * @first: the position of the first
 *
 * Return: 1 if every entry was emitted, 0 if the caller's buffer filled.
 */
int proc_emit_entries(struct dir_context *ctx, const struct proc_entry *ents,
		      unsigned int nr, loff_t first)
{
	while (ctx->pos >= first && ctx->pos < first + nr) {
		const struct proc_entry *e = &ents[ctx->pos - first];

		/* a made-up inode number: glibc skips entries with 0 */
		if (!dir_emit(ctx, e->name, strlen(e->name), ctx->pos + 1,
			      proc_dt_of(e->mode)))
			return 0;
		ctx->pos++;
	}
	return 1;
}

static struct dentry *proc_static_lookup(struct inode *dir,
					 struct dentry *dentry,
					 unsigned int flags)
{
	const struct proc_entry *ent = proc_info(dir)->ent;

	return proc_lookup_in(dir, dentry, ent->children, ent->nr_children,
			      proc_info(dir)->pid);
}

static int proc_static_iterate(struct file *file, struct dir_context *ctx)
{
	const struct proc_entry *ent = proc_info(file_inode(file))->ent;

	if (!dir_emit_dots(file, ctx))
		return 0;
	proc_emit_entries(ctx, ent->children, ent->nr_children, 2);
	return 0;
}

const struct inode_operations proc_static_dir_iops = {
	.lookup = proc_static_lookup,
};

const struct file_operations proc_static_dir_fops = {
	.llseek = generic_file_llseek,
	.iterate_shared = proc_static_iterate,
};

/* ---- symlinks ---- */

static int proc_iop_get_link(struct dentry *dentry, char *buf, size_t size,
			     struct path *jump)
{
	const struct proc_entry *ent = proc_info(dentry->d_inode)->ent;

	return ent->get_link(dentry, buf, size, jump);
}

static const struct inode_operations proc_link_iops = {
	.get_link = proc_iop_get_link,
};

/* ---- text files ---- */

/* O_TRUNC on a writable file (echo name > hostname) changes nothing. */
static int proc_iop_setattr(struct dentry *dentry, loff_t new_size)
{
	return 0;
}

static const struct inode_operations proc_file_iops = {
	.setattr = proc_iop_setattr,
};

static int proc_text_open(struct inode *inode, struct file *file)
{
	const struct proc_inode_info *info = proc_info(inode);
	const struct proc_entry *ent = info->ent;
	struct task_struct *task = NULL;
	struct proc_text *t;
	int err;

	if ((file->f_mode & FMODE_WRITE) && !ent->store)
		return -EACCES;
	if ((file->f_mode & FMODE_READ) && !ent->show)
		return -EACCES;
	if (info->pid) {
		task = proc_find_task(info->pid);
		if (!task)
			return -ENOENT;
	}
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t) {
		err = -ENOMEM;
		goto put;
	}
	err = 0;
	if (file->f_mode & FMODE_READ)
		err = proc_text_build(ent->show, task, t);
	if (err) {
		proc_text_free(t);
		kfree(t);
		goto put;
	}
	file->private_data = t;
put:
	if (task)
		put_task_struct(task);
	return err;
}

static int proc_text_release(struct inode *inode, struct file *file)
{
	struct proc_text *t = file->private_data;

	if (t) {
		proc_text_free(t);
		kfree(t);
	}
	return 0;
}

static ssize_t proc_text_read(struct file *file, char __user *buf,
			      size_t len, loff_t *pos)
{
	struct proc_text *t = file->private_data;

	return simple_read_from_buffer(buf, len, pos, t->buf, t->len);
}

static ssize_t proc_text_read_kernel(struct file *file, void *buf,
				     size_t len, loff_t *pos)
{
	struct proc_text *t = file->private_data;
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	if (*pos >= (loff_t)t->len)
		return 0;
	n = min_t(size_t, len, t->len - *pos);
	memcpy(buf, t->buf + *pos, n);
	*pos += n;
	return n;
}

/* One store() of the NUL-terminated @page; Return: @len or -errno. */
static ssize_t proc_text_store(struct file *file, char *page, size_t len)
{
	const struct proc_inode_info *info = proc_info(file_inode(file));
	struct task_struct *task = NULL;
	int err;

	if (info->pid) {
		task = proc_find_task(info->pid);
		if (!task)
			return -ESRCH;
	}
	err = info->ent->store(task, page, len);
	if (task)
		put_task_struct(task);
	return err ? err : (ssize_t)len;
}

static ssize_t proc_text_write(struct file *file, const char __user *buf,
			       size_t len, loff_t *pos)
{
	char *page;
	ssize_t ret;

	if (len >= PAGE_SIZE)
		len = PAGE_SIZE - 1;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	ret = -EFAULT;
	if (!copy_from_user(page, buf, len)) {
		page[len] = '\0';
		ret = proc_text_store(file, page, len);
	}
	kfree(page);
	return ret;
}

static ssize_t proc_text_write_kernel(struct file *file, const void *buf,
				      size_t len, loff_t *pos)
{
	char *page;
	ssize_t ret;

	if (len >= PAGE_SIZE)
		len = PAGE_SIZE - 1;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	memcpy(page, buf, len);
	page[len] = '\0';
	ret = proc_text_store(file, page, len);
	kfree(page);
	return ret;
}

/* SEEK_SET and SEEK_CUR within the printed text; SEEK_END is -EINVAL. */
static loff_t proc_text_llseek(struct file *file, loff_t off, int whence)
{
	loff_t pos;

	if (whence == SEEK_SET)
		pos = off;
	else if (whence == SEEK_CUR)
		pos = file->f_pos + off;
	else
		return -EINVAL;
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

static const struct file_operations proc_text_fops = {
	.llseek = proc_text_llseek,
	.open = proc_text_open,
	.release = proc_text_release,
	.read = proc_text_read,
	.write = proc_text_write,
	.read_kernel = proc_text_read_kernel,
	.write_kernel = proc_text_write_kernel,
};
