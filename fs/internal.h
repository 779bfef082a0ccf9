/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the VFS core share among themselves: the global
 * locks, the dcache and mount internals, path walk and descriptor
 * helpers. Nothing outside fs/ includes this.
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

/*
 * vfs_dir_mutex (fs/namei.c): every change to a directory's entries
 * (create, mkdir, mknod, symlink, link, unlink, rmdir, rename), every
 * ->lookup call and every mount or unmount happen under it. Taken
 * before any i_rwsem and before the spinlocks below.
 */
extern struct mutex vfs_dir_mutex;

/*
 * dcache_lock (fs/dcache.c): the d_subdirs/d_child lists, d_parent,
 * d_name, d_inode, d_flags of every dentry, and d_count leaving 0.
 * Innermost: nothing that sleeps runs under it.
 */
extern spinlock_t dcache_lock;

/* fs/dcache.c */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
void d_move(struct dentry *de, struct dentry *target);
void d_invalidate(struct dentry *de);
void shrink_dcache_sb(struct super_block *sblk);
bool d_is_ancestor(struct dentry *anc, struct dentry *d);
unsigned int d_type_of(umode_t mode);

/* fs/namespace.c */
extern spinlock_t mount_lock;
bool follow_mount(struct path *pth);
void vfs_root_path(struct path *root);	/* the boot root, referenced */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *dev_name, void *data);
void deactivate_super(struct super_block *sblk);
int path_mount(const char *dev_name, const struct path *mp,
	       const char *fstype, unsigned long mflags, void *opts);
int path_umount(struct path *pth, int flags);
struct file_system_type *get_fs_type(const char *fsname);

/* fs/fs_struct.c: the caller's root and cwd (the boot root without fs). */
void get_current_root(struct path *root);
void get_current_pwd(struct path *pwd);
unsigned int current_umask(void);
unsigned int set_current_umask(unsigned int mask);
int set_fs_pwd(struct path *pth);
int set_fs_root(struct path *pth);

/* fs/namei.c */
#define LOOKUP_PARENT	0x0010	/* stop before the last component */
#define LOOKUP_EMPTY	0x0020	/* "" names the start (AT_EMPTY_PATH) */
char *getname(const char __user *name);
void putname(char *name);
int filename_lookup(int dfd, const char *name, unsigned int flags,
		    struct path *pth);
struct dentry *filename_create(int dfd, const char *name,
			       struct path *parent, bool want_dir);
void done_path_create(struct path *parent, struct dentry *de);
struct dentry *lookup_one_locked(struct dentry *parent,
				 const struct qstr *name);
int do_mkdirat(int dfd, const char *name, umode_t mode);
int do_mknodat(int dfd, const char *name, umode_t mode, dev_t dev);
int do_symlinkat(const char *target, int dfd, const char *name);
int do_linkat(int odfd, const char *oldname, int ndfd,
	      const char *newname, int flags);
int do_unlinkat(int dfd, const char *name, int flags);
int do_renameat2(int odfd, const char *oldname, int ndfd,
		 const char *newname, unsigned int flags);
int do_readlinkat(int dfd, const char *name, char *buf, int size);
bool path_is_readonly(const struct path *pth);

/* fs/file_table.c */
struct file *alloc_file(const struct path *pth, unsigned int flags,
			const struct file_operations *fops);

/* fs/open.c */
int vfs_truncate(const struct path *pth, loff_t length);
struct file *do_filp_open(int dfd, const char *name, int flags,
			  umode_t mode);
int do_sys_openat(int dfd, const char *name, int flags, umode_t mode);
int do_ftruncate(unsigned int fd, loff_t length);
int do_faccessat(int dfd, const char *name, int mode, int flags);
long do_getcwd(char *buf, unsigned long size);

/* fs/file.c */
#define NR_OPEN_MAX	1024
struct file *fget_raw(unsigned int fd, bool *cloexec);
int replace_fd(unsigned int fd, struct file *filp, unsigned int flags);
int fd_alloc_from(struct file *filp, unsigned int from, unsigned int flags);
int fd_set_cloexec(unsigned int fd, bool on);
int fd_get_cloexec(unsigned int fd);
int do_dup3(unsigned int oldfd, unsigned int newfd, unsigned int flags);
int do_close_range(unsigned int first, unsigned int last,
		   unsigned int flags);

/* fs/stat.c */
int vfs_fstatat(int dfd, const char *name, int flags, struct kstat *st);
int vfs_fstat(unsigned int fd, struct kstat *st);
void stat_to_user_layout(const struct kstat *st, void *buf);
void statx_to_user_layout(const struct kstat *st, void *buf);

/* fs/readdir.c */
int iterate_dir(struct file *filp, struct dir_context *ctx);
long ksys_getdents64(unsigned int fd, void __user *buf, unsigned int count);

/* fs/read_write.c */
loff_t vfs_llseek(struct file *filp, loff_t off, int whence);
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t len);
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t len);
loff_t ksys_lseek(unsigned int fd, loff_t off, unsigned int whence);
ssize_t do_sendfile(unsigned int out_fd, unsigned int in_fd, loff_t *ppos,
		    size_t count);

/* fs/fcntl.c, fs/ioctl.c, fs/statfs.c, fs/sync.c */
long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long do_vfs_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
int vfs_statfs(const struct path *pth, struct kstatfs *st);
int vfs_fsync(struct file *filp, int datasync);
long vfs_fadvise(unsigned int fd, loff_t len, int advice);

/* fs/select.c: struct pollfd as user space lays it out */
struct kpollfd {
	int fd;
	short events;
	short revents;
};
int do_poll(struct kpollfd *fds, unsigned int nfds, u64 *timeout_ns);
int do_select(int n, unsigned long *in, unsigned long *out,
	      unsigned long *ex, u64 *timeout_ns);

/* fs/xattr.c */
enum xattr_op { XATTR_GET, XATTR_SET, XATTR_LIST, XATTR_REMOVE };
long vfs_xattr_path(const char *name, bool follow, enum xattr_op op);

/* fs/char_dev.c */
extern const struct file_operations chrdev_open_fops;

/* fs/pipe.c */
extern const struct file_operations pipe_file_fops;
void free_pipe_info(struct pipe_inode_info *pp);
int pipe_make_files(struct file **ends, int flags);
int do_pipe2(int *fds, int flags);

#endif /* _FS_INTERNAL_H */
