/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs internals (fs/proc/): the text buffer the files are printed
 * into, the generators of each file's text, and the VFS glue's types.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/fs.h>

struct task_struct;
struct mm_struct;

/**
 * struct proc_text - a growing text a procfs file is printed into
 * @buf: the bytes (not NUL-terminated when full)
 * @size: @buf's size
 * @len: bytes used; == @size once something did not fit (the caller
 *	 retries with a bigger buffer, see proc_text_build())
 */
struct proc_text {
	char *buf;
	size_t size;
	size_t len;
};

void proc_printf(struct proc_text *t, const char *fmt, ...) __printf(2, 3);
void proc_putc(struct proc_text *t, char c);
void proc_write(struct proc_text *t, const void *data, size_t n);
static inline bool proc_text_full(const struct proc_text *t)
{
	return t->len >= t->size;
}

/* Prints one file's text about @task (NULL for files not per process). */
typedef int (*proc_show_t)(struct proc_text *t, struct task_struct *task);

int proc_text_build(proc_show_t show, struct task_struct *task,
		    struct proc_text *t);
void proc_text_free(struct proc_text *t);

/* The generators: fs/proc/{meminfo,cpuinfo,stat,vmstat,misc}.c */
int proc_meminfo_show(struct proc_text *t, struct task_struct *task);
int proc_cpuinfo_show(struct proc_text *t, struct task_struct *task);
int proc_stat_show(struct proc_text *t, struct task_struct *task);
int proc_uptime_show(struct proc_text *t, struct task_struct *task);
int proc_loadavg_show(struct proc_text *t, struct task_struct *task);
int proc_vmstat_show(struct proc_text *t, struct task_struct *task);
int proc_zoneinfo_show(struct proc_text *t, struct task_struct *task);
int proc_buddyinfo_show(struct proc_text *t, struct task_struct *task);
int proc_iomem_show(struct proc_text *t, struct task_struct *task);
int proc_version_show(struct proc_text *t, struct task_struct *task);
int proc_cmdline_show(struct proc_text *t, struct task_struct *task);
int proc_filesystems_show(struct proc_text *t, struct task_struct *task);
int proc_mounts_show(struct proc_text *t, struct task_struct *task);
int proc_domainname_show(struct proc_text *t, struct task_struct *task);
int proc_hostname_show(struct proc_text *t, struct task_struct *task);
int proc_osrelease_show(struct proc_text *t, struct task_struct *task);
int proc_ostype_show(struct proc_text *t, struct task_struct *task);

/* Per process: fs/proc/array.c */
int proc_pid_status_show(struct proc_text *t, struct task_struct *task);
int proc_pid_stat_show(struct proc_text *t, struct task_struct *task);
int proc_pid_statm_show(struct proc_text *t, struct task_struct *task);
int proc_pid_maps_show(struct proc_text *t, struct task_struct *task);
int proc_pid_cmdline_show(struct proc_text *t, struct task_struct *task);
int proc_pid_environ_show(struct proc_text *t, struct task_struct *task);
int proc_pid_comm_show(struct proc_text *t, struct task_struct *task);

/* Task lookups: fs/proc/array.c */
struct task_struct *proc_find_task(int pid);
struct mm_struct *proc_task_mm(struct task_struct *task);
int proc_task_tgid(struct task_struct *task);
int proc_access_remote(struct mm_struct *mm, unsigned long addr, void *buf,
		       size_t len);
unsigned int proc_nr_threads(struct task_struct *leader);

/* ---- the VFS side: fs/proc/inode.c, root.c, base.c ---- */

/**
 * struct proc_entry - one name in a procfs directory, fixed at build time
 * @name: the name
 * @mode: S_IFREG, S_IFDIR or S_IFLNK with the permission bits
 * @show: a text file's generator
 * @store: a writable text file's store: gets the whole write,
 *	NUL-terminated; Return: 0 or -errno
 * @get_link: a symlink's target, as inode_operations.get_link
 * @children: a directory made of fixed entries, @nr_children of them
 * @iop: a directory with entries of its own (PIDs, fds): its operations
 * @fop: and its file operations
 */
struct proc_entry {
	const char *name;
	umode_t mode;
	proc_show_t show;
	int (*store)(struct task_struct *task, char *buf, size_t len);
	int (*get_link)(struct dentry *dentry, char *buf, size_t size,
			struct path *jump);
	const struct proc_entry *children;
	unsigned int nr_children;
	const struct inode_operations *iop;
	const struct file_operations *fop;
};

/**
 * struct proc_inode_info - what a procfs inode stands for (i_private)
 * @ent: its entry
 * @pid: the task it is about (0: none); a tgid for /proc/PID, a tid for
 *	/proc/PID/task/TID and what is below them
 * @fd: the descriptor of /proc/PID/fd/N
 */
struct proc_inode_info {
	const struct proc_entry *ent;
	int pid;
	int fd;
};

static inline struct proc_inode_info *proc_info(struct inode *inode)
{
	return inode->i_private;
}

struct inode *proc_make_inode(struct super_block *sb,
			      const struct proc_entry *ent, int pid, int fd);
struct dentry *proc_lookup_in(struct inode *dir, struct dentry *dentry,
			      const struct proc_entry *ents, unsigned int nr,
			      int pid);
int proc_emit_entries(struct dir_context *ctx, const struct proc_entry *ents,
		      unsigned int nr, loff_t first);
extern const struct inode_operations proc_static_dir_iops;
extern const struct file_operations proc_static_dir_fops;
extern const struct super_operations procfs_sops;
extern const struct dentry_operations procfs_dops;

/* fs/proc/base.c */
extern const struct proc_entry proc_pid_entry;
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry);
int proc_pid_readdir(struct file *file, struct dir_context *ctx,
		     loff_t first);
int proc_self_get_link(struct dentry *dentry, char *buf, size_t size,
		       struct path *jump);
int proc_thread_self_get_link(struct dentry *dentry, char *buf, size_t size,
			      struct path *jump);

#endif /* _FS_PROC_INTERNAL_H */
