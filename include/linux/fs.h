/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual file system: inodes, dentries, mounts, open files and the
 * operations file systems and drivers provide. The calls behave as their
 * Linux namesakes do (same arguments, same errors) unless said otherwise;
 * Documentation/filesystems/vfs.rst has Tide's design and lock rules.
 *
 * This header is the contract between the VFS core (fs/), the file
 * systems (tmpfs, procfs, sysfs, debugfs, devtmpfs), the drivers that
 * provide character devices (drivers/tty, drivers/char) and the process
 * code (exec, fork, exit).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/stat.h>
#include <linux/wait.h>

typedef unsigned int dev_t;

#define MINORBITS	20
#define MINORMASK	(~0U >> (32 - MINORBITS))
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

/* Linux's user-visible encoding of a device number (stat's st_rdev). */
static inline u64 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((u64)(minor & ~0xffU) << 12);
}

/* d_type values of getdents64, Linux's */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* lseek whence */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

/* file->f_mode */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_EXEC	0x20

#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4

#define PATH_MAX	4096
#define NAME_MAX	255

struct inode;
struct dentry;
struct file;
struct vfsmount;
struct super_block;
struct poll_table_struct;
struct vm_area_struct;
struct kstat;
struct kstatfs;
struct pipe_inode_info;

/**
 * struct qstr - a name within a directory (not NUL-terminated necessarily)
 */
struct qstr {
	const char *name;
	unsigned int len;
};

/* A place in the tree: a dentry as seen through a mount. */
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* getdents64 and in-kernel directory walks: one call per entry. */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name,
			  int namelen, loff_t pos, u64 ino, unsigned int type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t off, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t len,
			loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf,
			 size_t len, loff_t *pos);
	/* Emits entries from ctx->pos on; returns 0 or -errno. */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	/* Returns EPOLL* bits ready now; registers on @pt's wait queues. */
	unsigned int (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd,
			       unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	/* At the last fput(). */
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, int datasync);
	/*
	 * Optional: read and write with a kernel buffer, for kernel_read()
	 * and kernel_write() (copy_to_user() refuses kernel addresses).
	 * A file without them gives those calls -EINVAL.
	 */
	ssize_t (*read_kernel)(struct file *file, void *buf, size_t len,
			       loff_t *pos);
	ssize_t (*write_kernel)(struct file *file, const void *buf,
				size_t len, loff_t *pos);
};

struct inode_operations {
	/* Fill @dentry (d_add() an inode, or leave it negative); may return
	 * another dentry to use instead, NULL, or ERR_PTR. */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry,
				 unsigned int flags);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode,
		      bool excl);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*link)(struct dentry *old, struct inode *dir,
		    struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     dev_t dev);
	int (*rename)(struct inode *from_dir, struct dentry *from,
		      struct inode *to_dir, struct dentry *to,
		      unsigned int flags);
	/* The target of a symlink, in @buf (NUL-terminated); or -errno.
	 * For magic links (/proc/PID/exe, fd/N) set *@jump and return 0. */
	int (*get_link)(struct dentry *dentry, char *buf, size_t size,
			struct path *jump);	/* *jump: path_get()'d */
	int (*setattr)(struct dentry *dentry, loff_t new_size);
};

/**
 * struct inode - a file, directory, symlink or device node
 *
 * @i_count: references; at 0 the file system's evict (super_operations)
 * runs if @i_nlink is 0 or the super block does not cache it.
 * @i_rwsem: held for writing while a regular file's size or data
 * change (write, truncate), for reading while they are read. Directory
 * entries change under the VFS's one directory mutex (vfs.rst).
 * @i_pipe: a FIFO's pipe, made at its first open (fs/pipe.c).
 */
struct inode {
	unsigned long i_ino;
	umode_t i_mode;
	unsigned int i_nlink;
	unsigned int i_uid, i_gid;
	loff_t i_size;
	dev_t i_rdev;
	u64 i_atime_ns, i_mtime_ns, i_ctime_ns;
	atomic_t i_count;
	struct rw_semaphore i_rwsem;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	void *i_private;		/* the file system's */
	struct list_head i_sb_list;	/* on i_sb->s_inodes */
	struct pipe_inode_info *i_pipe;
};

struct super_operations {
	void (*evict_inode)(struct inode *inode);
	void (*put_super)(struct super_block *sb);
	/* @buf is a struct kstatfs, zeroed; fill f_type and the counts. */
	int (*statfs)(struct dentry *dentry, void *buf);
};

/* statfs(2)'s fields, filled by super_operations.statfs. */
struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

/**
 * struct dentry_operations - optional per-dentry calls (procfs)
 * @d_revalidate: is a cached @dentry still right? 1 yes, 0 no (the walk
 * drops it and looks the name up again), or -errno.
 * @d_delete: 1 if @dentry must not stay cached once unused.
 */
struct dentry_operations {
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	int (*d_delete)(const struct dentry *dentry);
};

struct file_system_type {
	const char *name;
	/* Build a super block for mount(2) and return its root dentry. */
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	int fs_flags;
	struct list_head fs_list;
};
#define FS_REQUIRES_DEV		1	/* listed without "nodev" */

struct super_block {
	dev_t s_dev;
	unsigned long s_magic;
	struct dentry *s_root;
	const struct super_operations *s_op;
	struct file_system_type *s_type;
	void *s_fs_info;
	atomic_t s_active;
	spinlock_t s_inode_list_lock;
	struct list_head s_inodes;
	unsigned long s_next_ino;
	const struct dentry_operations *s_d_op;	/* for new dentries */
	unsigned long s_flags;		/* SB_* */
	struct list_head s_list;	/* every super block, fs/inode.c */
};
/* Tide evicts every inode at its last iput(): this is always so. */
#define SB_NOCACHE_INODES	0x1
/* Internal file systems (pipes): d_path() gives the bare name. */
#define SB_PSEUDO		0x2

/**
 * struct dentry - a name in a directory and the inode it names
 *
 * @d_inode is NULL for a negative dentry. Children hang on the parent's
 * @d_subdirs through @d_child; the lock rules are in vfs.rst.
 */
struct dentry {
	struct qstr d_name;
	char d_iname[32];		/* short names live here */
	struct dentry *d_parent;
	struct inode *d_inode;
	atomic_t d_count;
	unsigned int d_flags;
	spinlock_t d_lock;
	struct list_head d_child;	/* in the parent's d_subdirs */
	struct list_head d_subdirs;
	struct super_block *d_sb;
	void *d_fsdata;
	int d_mounted;			/* mounts on top of it */
	const struct dentry_operations *d_op;
};
#define DCACHE_UNHASHED		0x1	/* unlinked: no longer in d_subdirs */

/* An open file: one per open(2), shared by dup() and fork(). */
struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* status flags given to open */
	unsigned int f_mode;		/* FMODE_* */
	loff_t f_pos;
	struct mutex f_pos_lock;
	atomic_long_t f_count;
	void *private_data;
};

static inline struct inode *file_inode(const struct file *filp)
{
	return filp->f_inode;
}

/* stat(2)'s fields, filled by vfs_getattr(). */
struct kstat {
	u64 ino;
	dev_t dev, rdev;
	umode_t mode;
	unsigned int nlink;
	unsigned int uid, gid;
	loff_t size;
	u64 blocks;
	unsigned int blksize;
	u64 atime_ns, mtime_ns, ctime_ns;
};

/* ---- The VFS core: fs/ ---- */

/* Super blocks and inodes, for file systems. */
int register_filesystem(struct file_system_type *fs);
struct super_block *sget_nodev(struct file_system_type *type, void *fs_info);
void kill_anon_super(struct super_block *s);
struct dentry *pseudo_fs_mount(struct file_system_type *type,
			       unsigned long magic);
struct vfsmount *kern_mount(struct file_system_type *type);
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
unsigned long get_next_ino(void);
/* The time stamped on inodes: CLOCK_REALTIME, in nanoseconds. */
u64 inode_now_ns(void);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);

/* Dentries. */
struct dentry *d_make_root(struct inode *root);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
void d_add(struct dentry *dentry, struct inode *inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
void d_delete(struct dentry *dentry);
/* The absolute path of @path in the caller's root, at the end of @buf. */
char *d_path(const struct path *path, char *buf, int buflen);
void path_get(const struct path *path);
void path_put(const struct path *path);

/* Path walk from the caller's root and working directory. */
#define LOOKUP_FOLLOW		0x0001
#define LOOKUP_DIRECTORY	0x0002
int kern_path(const char *name, unsigned int flags, struct path *path);
/* The same from @dfd (AT_FDCWD or a directory descriptor). */
int vfs_path_lookup_at(int dfd, const char *name, unsigned int flags,
		       struct path *path);

/* Open files. */
struct file *filp_open(const char *name, int flags, umode_t mode);
struct file *dentry_open(const struct path *path, int flags);
int filp_close(struct file *file);
struct file *get_file(struct file *f);
void fput(struct file *file);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *src, size_t len,
		     loff_t *pos);
int vfs_getattr(const struct path *path, struct kstat *stat);
int inode_permission(struct inode *inode, int mask);
/*
 * In-kernel calls by path (initramfs, devtmpfs), from the caller's cwd
 * (the root for a kernel thread); mode bits pass the caller's umask (022
 * for a kernel thread) except in init_chmod().
 */
int init_mkdir(const char *name, umode_t mode);
int init_mknod(const char *name, umode_t mode, dev_t dev);
int init_symlink(const char *target, const char *name);
int init_mount(const char *dev_name, const char *dir_name,
	       const char *fstype, unsigned long mflags, void *opts);
int init_umount(const char *name, int flags);
int init_unlink(const char *name);
int init_rmdir(const char *name);
int init_link(const char *oldname, const char *newname);
int init_chmod(const char *name, umode_t mode);
int init_chown(const char *name, unsigned int uid, unsigned int gid,
	       int flags);
int init_utimes(const char *name, s64 mtime_sec);
int init_chdir(const char *name);
int init_chroot(const char *name);
/* The text of /proc/mounts and /proc/filesystems (cut to @size). */
int mounts_show(char *buf, size_t size);

/* Helpers for simple in-memory file systems (fs/libfs.c). */
loff_t generic_file_llseek(struct file *file, loff_t off, int whence);
loff_t noop_llseek(struct file *file, loff_t off, int whence);
ssize_t simple_read_from_buffer(void __user *ubuf, size_t want, loff_t *posp,
				const void *text, size_t textlen);
int dcache_readdir(struct file *file, struct dir_context *ctx);
bool dir_emit(struct dir_context *ctx, const char *name, int namelen,
	      u64 ino, unsigned int type);
bool dir_emit_dots(struct file *file, struct dir_context *ctx);
extern const struct file_operations libfs_dir_fops;
extern const struct inode_operations libfs_dir_iops;

/* Character devices: fs/char_dev.c. Opening a node with @dev's number
 * gets @fops; chrdev_add() also makes the node /dev/@name in devtmpfs
 * (with @mode's permission bits) once devtmpfs is up. */
int chrdev_add(dev_t dev, const char *name, umode_t mode,
	       const struct file_operations *fops);
/* devtmpfs registers how to make a node; see fs/char_dev.c. */
typedef int (*chrdev_node_fn)(dev_t dev, const char *name, umode_t mode);
void chrdev_register_node_maker(chrdev_node_fn fn);

/* ---- Per-process state the VFS keeps: fs/file.c, fs/fs_struct.c ---- */

struct files_struct;
struct fs_struct;

/* fork(): a copy (or a shared reference with CLONE_FILES / CLONE_FS). */
struct files_struct *dup_fd(struct files_struct *old, int *errorp);
struct files_struct *files_alloc(void);	/* empty table, for init */
void get_files_struct(struct files_struct *files);
void put_files_struct(struct files_struct *files);
/* execve(): close the close-on-exec descriptors. */
void do_close_on_exec(struct files_struct *files);
struct fs_struct *copy_fs_struct(struct fs_struct *old);
struct fs_struct *fs_alloc_root(void);	/* root and cwd: the rootfs */
void get_fs_struct(struct fs_struct *fs);
void put_fs_struct(struct fs_struct *fs);

/* The current task's descriptors. */
struct file *fget(unsigned int fd);	/* a reference, or NULL */
int fd_install_new(struct file *file, unsigned int flags);	/* O_CLOEXEC */
int close_fd(unsigned int fd);

/*
 * Another task's descriptors and directories (procfs), read under its
 * task_lock() (include/linux/sched.h says why).
 */
struct file *fget_task(struct task_struct *owner, unsigned int nr);
int get_task_fs_path(struct task_struct *task, struct path *path,
		     bool root);

int filesystems_show(char *buf, size_t size);

/* tmpfs (mm/shmem.c): registers "tmpfs"; the VFS calls it for the root. */
int shmem_init(void);
#define TMPFS_MAGIC	0x01021994	/* statfs f_type */

/* Unpack the initramfs the boot loader passed into the root tmpfs. */
int populate_rootfs(void);

#endif /* _LINUX_FS_H */
