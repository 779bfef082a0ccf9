// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: tmpfs
 *
 * A file system kept wholly in memory: its directories are the dcache
 * (every name is a cached dentry, so lookup of a missing name simply
 * says "negative"), a regular file's bytes are PAGE_SIZE chunks from the
 * kernel heap (kmalloc: memory that memory offline can move), and a
 * symlink's text is a kmalloc'd string. The root file system is one.
 *
 * Lock rules: directory changes arrive under the VFS's vfs_dir_mutex; a
 * regular file's chunks and size change under its i_rwsem held for
 * writing and are read under it held for reading, one page at a time and
 * never while user memory is touched; writers also hold the file's
 * write_mutex for the whole write (taken before i_rwsem).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/page.h>

/* The chunk table is one kmalloc: this bounds a file to 2 GiB. */
#define SHMEM_MAX_CHUNKS	(KMALLOC_MAX_SIZE / sizeof(void *))

/**
 * struct shmem_inode - tmpfs's part of an inode (i_private)
 * @chunks: @nr_chunks pointers to PAGE_SIZE data chunks; NULL reads as
 * zeros (a hole)
 * @link: a symlink's target
 * @write_mutex: serialises writers (held across their copies from user
 * memory, which the inode's i_rwsem never is); taken before i_rwsem
 */
struct shmem_inode {
	void **chunks;
	unsigned long nr_chunks;
	char *link;
	struct mutex write_mutex;
};

static const struct super_operations shmem_ops;
static const struct inode_operations shmem_dir_iops;
static const struct inode_operations shmem_file_iops;
static const struct inode_operations shmem_link_iops;
static const struct file_operations shmem_file_ops;

static struct shmem_inode *SHMEM_I(struct inode *inode)
{
	return inode->i_private;
}

static struct inode *shmem_get_inode(struct super_block *sb, umode_t mode,
				     dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_private = kzalloc(sizeof(struct shmem_inode), GFP_KERNEL);
	if (!inode->i_private) {
		iput(inode);
		return NULL;
	}
	mutex_init(&SHMEM_I(inode)->write_mutex);
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &shmem_file_iops;
		inode->i_fop = &shmem_file_ops;
		break;
	case S_IFDIR:
		inode->i_op = &shmem_dir_iops;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
		break;
	case S_IFLNK:
		inode->i_op = &shmem_link_iops;
		break;
	default:
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

static void shmem_free_chunks(struct shmem_inode *si, unsigned long from)
{
	unsigned long i;

	for (i = from; i < si->nr_chunks; i++) {
		kfree(si->chunks[i]);
		si->chunks[i] = NULL;
	}
}

static void shmem_evict_inode(struct inode *inode)
{
	struct shmem_inode *si = SHMEM_I(inode);

	if (!si)
		return;
	shmem_free_chunks(si, 0);
	kfree(si->chunks);
	kfree(si->link);
	kfree(si);
	inode->i_private = NULL;
}

static void dir_changed(struct inode *dir)
{
	dir->i_mtime_ns = dir->i_ctime_ns = inode_now_ns();
}

static struct dentry *shmem_lookup(struct inode *dir, struct dentry *dentry,
				   unsigned int flags)
{
	return NULL;	/* every name there is is in the dcache */
}

static int shmem_mknod(struct inode *dir, struct dentry *dentry,
		       umode_t mode, dev_t dev)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, mode, dev);

	if (!inode)
		return -ENOSPC;
	if (S_ISDIR(mode))
		dir->i_nlink++;
	d_instantiate(dentry, inode);
	dir_changed(dir);
	return 0;
}

static int shmem_create(struct inode *dir, struct dentry *dentry,
			umode_t mode, bool excl)
{
	return shmem_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return shmem_mknod(dir, dentry, mode | S_IFDIR, 0);
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *link;

	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	link = kmalloc(len + 1, GFP_KERNEL);
	if (!link)
		return -ENOSPC;
	memcpy(link, target, len + 1);
	inode = shmem_get_inode(dir->i_sb, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(link);
		return -ENOSPC;
	}
	SHMEM_I(inode)->link = link;
	inode->i_size = len;
	d_instantiate(dentry, inode);
	dir_changed(dir);
	return 0;
}

static int shmem_link(struct dentry *old, struct inode *dir,
		      struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_nlink++;
	inode->i_ctime_ns = inode_now_ns();
	ihold(inode);
	d_instantiate(dentry, inode);
	dir_changed(dir);
	return 0;
}

static int shmem_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_nlink--;
	inode->i_ctime_ns = inode_now_ns();
	dir_changed(dir);
	return 0;
}

static int shmem_rmdir(struct inode *dir, struct dentry *dentry)
{
	dentry->d_inode->i_nlink = 0;
	dir->i_nlink--;
	dir_changed(dir);
	return 0;
}

static int shmem_rename(struct inode *old_dir, struct dentry *old_dentry,
			struct inode *new_dir, struct dentry *new_dentry,
			unsigned int flags)
{
	struct inode *inode = old_dentry->d_inode;
	struct inode *victim = new_dentry->d_inode;
	bool isdir = S_ISDIR(inode->i_mode);

	if (victim) {
		if (isdir) {
			victim->i_nlink = 0;
			new_dir->i_nlink--;
		} else {
			victim->i_nlink--;
		}
		victim->i_ctime_ns = inode_now_ns();
	}
	if (isdir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	inode->i_ctime_ns = inode_now_ns();
	dir_changed(old_dir);
	dir_changed(new_dir);
	return 0;
}

/* Resize the chunk table to hold @n chunks. Under i_rwsem (write). */
static int shmem_grow_table(struct shmem_inode *si, unsigned long n)
{
	void **t;

	if (n <= si->nr_chunks)
		return 0;
	if (n > SHMEM_MAX_CHUNKS)
		return -EFBIG;
	n = max(n, min_t(unsigned long, si->nr_chunks * 2, SHMEM_MAX_CHUNKS));
	n = max(n, 8UL);
	t = kcalloc(n, sizeof(void *), GFP_KERNEL);
	if (!t)
		return -ENOSPC;
	if (si->nr_chunks)
		memcpy(t, si->chunks, si->nr_chunks * sizeof(void *));
	kfree(si->chunks);
	si->chunks = t;
	si->nr_chunks = n;
	return 0;
}

/* ->setattr: the new size. Caller holds i_rwsem for writing. */
static int shmem_setattr(struct dentry *dentry, loff_t size)
{
	struct inode *inode = dentry->d_inode;
	struct shmem_inode *si = SHMEM_I(inode);
	unsigned long keep = DIV_ROUND_UP(size, PAGE_SIZE);
	size_t tail = size % PAGE_SIZE;

	if (size > (loff_t)SHMEM_MAX_CHUNKS * PAGE_SIZE)
		return -EFBIG;
	if (size < inode->i_size) {
		shmem_free_chunks(si, keep);
		if (tail && keep && keep <= si->nr_chunks && si->chunks[keep - 1])
			memset(si->chunks[keep - 1] + tail, 0, PAGE_SIZE - tail);
	}
	inode->i_size = size;
	inode->i_mtime_ns = inode->i_ctime_ns = inode_now_ns();
	return 0;
}

/*
 * A read or write goes through a page of bounce buffer, one page at a
 * time: the inode's lock is held for the memcpy to or from the chunk
 * only, never across a copy from or to user memory, whose page fault may
 * read another file (a private file mapping) and take its lock.
 */
struct shmem_buf {
	union {
		void __user *ubuf;
		void *kbuf;
	};
	bool kernel;
};

static size_t buf_out(struct shmem_buf *b, size_t off, const void *src,
		      size_t n)
{
	if (b->kernel) {
		memcpy(b->kbuf + off, src, n);
		return 0;
	}
	return copy_to_user(b->ubuf + off, src, n);
}

static size_t buf_in(struct shmem_buf *b, size_t off, void *dst, size_t n)
{
	if (b->kernel) {
		memcpy(dst, b->kbuf + off, n);
		return 0;
	}
	return copy_from_user(dst, b->ubuf + off, n);
}

/*
 * Copy up to @n bytes at @p (within one chunk) into @bounce. Return: the
 * bytes there are (0 at or past the end of the file).
 */
static size_t shmem_read_piece(struct inode *inode, loff_t p, size_t n,
			       void *bounce)
{
	struct shmem_inode *si = SHMEM_I(inode);
	unsigned long idx = p / PAGE_SIZE;
	void *chunk;

	down_read(&inode->i_rwsem);
	if (p >= inode->i_size) {
		n = 0;
	} else {
		n = min_t(size_t, n, inode->i_size - p);
		chunk = idx < si->nr_chunks ? si->chunks[idx] : NULL;
		if (chunk)
			memcpy(bounce, chunk + p % PAGE_SIZE, n);
		else
			memset(bounce, 0, n);
	}
	up_read(&inode->i_rwsem);
	return n;
}

static ssize_t shmem_do_read(struct file *file, struct shmem_buf *b,
			     size_t len, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	void *bounce;
	size_t done = 0;
	ssize_t err = 0;

	if (*pos < 0)
		return -EINVAL;
	bounce = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	while (done < len) {
		loff_t p = *pos + done;
		size_t n = min_t(size_t, len - done, PAGE_SIZE - p % PAGE_SIZE);
		size_t left;

		n = shmem_read_piece(inode, p, n, bounce);
		if (!n)
			break;
		left = buf_out(b, done, bounce, n);
		done += n - left;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	kfree(bounce);
	*pos += done;
	inode->i_atime_ns = inode_now_ns();
	return done ? (ssize_t)done : err;
}

/* Put @n bytes from @bounce at @p (within one chunk). */
static int shmem_write_piece(struct inode *inode, loff_t p, size_t n,
			     const void *bounce)
{
	struct shmem_inode *si = SHMEM_I(inode);
	unsigned long idx = p / PAGE_SIZE;
	int err;

	down_write(&inode->i_rwsem);
	err = shmem_grow_table(si, idx + 1);
	if (!err && !si->chunks[idx]) {
		si->chunks[idx] = kzalloc(PAGE_SIZE, GFP_KERNEL);
		if (!si->chunks[idx])
			err = -ENOSPC;
	}
	if (!err) {
		memcpy(si->chunks[idx] + p % PAGE_SIZE, bounce, n);
		if (p + (loff_t)n > inode->i_size)
			inode->i_size = p + n;
		inode->i_mtime_ns = inode->i_ctime_ns = inode_now_ns();
	}
	up_write(&inode->i_rwsem);
	return err;
}

static ssize_t shmem_do_write(struct file *file, struct shmem_buf *b,
			      size_t len, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	struct shmem_inode *si = SHMEM_I(inode);
	size_t done = 0;
	ssize_t err = 0;
	void *bounce;
	loff_t start;

	bounce = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	/* One writer at a time, so that an O_APPEND write stays whole. */
	mutex_lock(&si->write_mutex);
	start = (file->f_flags & O_APPEND) ? READ_ONCE(inode->i_size) : *pos;
	if (start < 0)
		err = -EINVAL;
	else if (len && start + len > (loff_t)SHMEM_MAX_CHUNKS * PAGE_SIZE)
		err = -EFBIG;
	while (!err && done < len) {
		loff_t p = start + done;
		size_t n = min_t(size_t, len - done, PAGE_SIZE - p % PAGE_SIZE);
		size_t left = buf_in(b, done, bounce, n);

		if (left) {
			err = -EFAULT;
			n -= left;
		}
		if (n) {
			int werr = shmem_write_piece(inode, p, n, bounce);

			if (werr) {
				err = werr;
				break;
			}
			done += n;
		}
	}
	if (done)
		*pos = start + done;
	mutex_unlock(&si->write_mutex);
	kfree(bounce);
	return done ? (ssize_t)done : err;
}

static ssize_t shmem_read(struct file *file, char __user *buf, size_t len,
			  loff_t *pos)
{
	struct shmem_buf b = { .ubuf = buf, .kernel = false };

	return shmem_do_read(file, &b, len, pos);
}

static ssize_t shmem_write(struct file *file, const char __user *buf,
			   size_t len, loff_t *pos)
{
	struct shmem_buf b = { .ubuf = (void __user *)buf, .kernel = false };

	return shmem_do_write(file, &b, len, pos);
}

static ssize_t shmem_read_kernel(struct file *file, void *buf, size_t len,
				 loff_t *pos)
{
	struct shmem_buf b = { .kbuf = buf, .kernel = true };

	return shmem_do_read(file, &b, len, pos);
}

static ssize_t shmem_write_kernel(struct file *file, const void *buf,
				  size_t len, loff_t *pos)
{
	struct shmem_buf b = { .kbuf = (void *)buf, .kernel = true };

	return shmem_do_write(file, &b, len, pos);
}

static int shmem_fsync(struct file *file, int datasync)
{
	return 0;	/* nothing to write back */
}

static int shmem_get_link(struct dentry *dentry, char *buf, size_t size,
			  struct path *jump)
{
	const char *link = SHMEM_I(dentry->d_inode)->link;

	if (strlen(link) >= size)
		return -ENAMETOOLONG;
	strscpy(buf, link, size);
	return 0;
}

static int shmem_statfs(struct dentry *dentry, void *buf)
{
	struct kstatfs *st = buf;
	unsigned long free = nr_free_pages();

	st->f_type = TMPFS_MAGIC;
	st->f_bsize = PAGE_SIZE;
	st->f_frsize = PAGE_SIZE;
	st->f_blocks = totalram_pages() / 2;
	st->f_bfree = min_t(u64, free, st->f_blocks);
	st->f_bavail = st->f_bfree;
	st->f_files = st->f_blocks;
	st->f_ffree = st->f_bfree;
	st->f_namelen = NAME_MAX;
	return 0;
}

static const struct super_operations shmem_ops = {
	.evict_inode = shmem_evict_inode,
	.statfs = shmem_statfs,
};

static const struct inode_operations shmem_dir_iops = {
	.lookup = shmem_lookup,
	.create = shmem_create,
	.mkdir = shmem_mkdir,
	.rmdir = shmem_rmdir,
	.unlink = shmem_unlink,
	.link = shmem_link,
	.symlink = shmem_symlink,
	.mknod = shmem_mknod,
	.rename = shmem_rename,
};

static const struct inode_operations shmem_file_iops = {
	.setattr = shmem_setattr,
};

static const struct inode_operations shmem_link_iops = {
	.get_link = shmem_get_link,
};

static const struct file_operations shmem_file_ops = {
	.llseek = generic_file_llseek,
	.read = shmem_read,
	.write = shmem_write,
	.read_kernel = shmem_read_kernel,
	.write_kernel = shmem_write_kernel,
	.fsync = shmem_fsync,
};

/* The root's mode from a "mode=NNN" option (octal), else @def. */
static umode_t shmem_root_mode(const char *data, umode_t def)
{
	const char *p = data;
	umode_t mode = 0;

	while (p && *p) {
		if (!strncmp(p, "mode=", 5)) {
			for (p += 5; *p >= '0' && *p <= '7'; p++)
				mode = mode * 8 + (*p - '0');
			return mode & 07777;
		}
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return def;
}

static struct dentry *shmem_mount(struct file_system_type *type, int flags,
				  const char *dev_name, void *data)
{
	struct super_block *sb = sget_nodev(type, NULL);
	struct inode *root;

	if (IS_ERR(sb))
		return ERR_PTR(PTR_ERR(sb));
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &shmem_ops;
	root = shmem_get_inode(sb, S_IFDIR | shmem_root_mode(data, 01777), 0);
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		kill_anon_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sb->s_root);
}

static struct file_system_type shmem_fs_type = {
	.name = "tmpfs",
	.mount = shmem_mount,
	.kill_sb = kill_anon_super,
};

/**
 * shmem_init - register tmpfs
 *
 * Called by the VFS's mnt_init() before it mounts the root; nobody else
 * needs to.
 *
 * Return: 0, or -EBUSY if called twice.
 */
int shmem_init(void)
{
	return register_filesystem(&shmem_fs_type);
}
