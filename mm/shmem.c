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
 * struct tmpfs_inode - tmpfs's part of an inode (i_private)
 * @chunks: @nr_chunks pointers to PAGE_SIZE data chunks; NULL reads as
 * zeros (a hole)
 * @link: a symlink's target
 * @write_mutex: serialises writers (held across their copies from user
 * memory, which the inode's i_rwsem never is); taken before i_rwsem
 */
struct tmpfs_inode {
	void **chunks;
	unsigned long nr_chunks;
	char *link;
	struct mutex write_mutex;
};

static const struct super_operations tmpfs_ops;
static const struct inode_operations tmpfs_dir_iops;
static const struct inode_operations tmpfs_file_iops;
static const struct inode_operations tmpfs_link_iops;
static const struct file_operations tmpfs_file_ops;

static struct tmpfs_inode *SHMEM_I(struct inode *ip)
{
	return ip->i_private;
}

static struct inode *tmpfs_get_inode(struct super_block *sblk, umode_t mode,
				     dev_t dev)
{
	struct inode *ip = new_inode(sblk);

	if (!ip)
		return NULL;
	ip->i_private = kzalloc(sizeof(struct tmpfs_inode), GFP_KERNEL);
	if (!ip->i_private) {
		iput(ip);
		return NULL;
	}
	mutex_init(&SHMEM_I(ip)->write_mutex);
	ip->i_ino = get_next_ino();
	ip->i_mode = mode;
	switch (mode & S_IFMT) {
	case S_IFREG:
		ip->i_op = &tmpfs_file_iops;
		ip->i_fop = &tmpfs_file_ops;
		break;
	case S_IFDIR:
		ip->i_op = &tmpfs_dir_iops;
		ip->i_fop = &libfs_dir_fops;
		ip->i_nlink = 2;
		break;
	case S_IFLNK:
		ip->i_op = &tmpfs_link_iops;
		break;
	default:
		init_special_inode(ip, mode, dev);
		break;
	}
	return ip;
}

static void tmpfs_free_chunks(struct tmpfs_inode *si, unsigned long from)
{
	unsigned long i;

	for (i = from; i < si->nr_chunks; i++) {
		kfree(si->chunks[i]);
		si->chunks[i] = NULL;
	}
}

static void tmpfs_evict_inode(struct inode *ip)
{
	struct tmpfs_inode *si = SHMEM_I(ip);

	if (!si)
		return;
	tmpfs_free_chunks(si, 0);
	kfree(si->chunks);
	kfree(si->link);
	kfree(si);
	ip->i_private = NULL;
}

static void dir_changed(struct inode *dip)
{
	dip->i_mtime_ns = dip->i_ctime_ns = inode_now_ns();
}

static struct dentry *tmpfs_lookup(struct inode *dip, struct dentry *de,
				   unsigned int flags)
{
	return NULL;	/* every name there is is in the dcache */
}

static int tmpfs_mknod(struct inode *dip, struct dentry *de,
		       umode_t mode, dev_t dev)
{
	struct inode *ip = tmpfs_get_inode(dip->i_sb, mode, dev);

	if (!ip)
		return -ENOSPC;
	if (S_ISDIR(mode))
		dip->i_nlink++;
	d_instantiate(de, ip);
	dir_changed(dip);
	return 0;
}

static int tmpfs_create(struct inode *dip, struct dentry *de,
			umode_t mode, bool excl)
{
	return tmpfs_mknod(dip, de, mode | S_IFREG, 0);
}

static int tmpfs_mkdir(struct inode *dip, struct dentry *de, umode_t mode)
{
	return tmpfs_mknod(dip, de, mode | S_IFDIR, 0);
}

static int tmpfs_symlink(struct inode *dip, struct dentry *de,
			 const char *target)
{
	size_t len = strlen(target);
	struct inode *ip;
	char *link;

	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	link = kmalloc(len + 1, GFP_KERNEL);
	if (!link)
		return -ENOSPC;
	memcpy(link, target, len + 1);
	ip = tmpfs_get_inode(dip->i_sb, S_IFLNK | 0777, 0);
	if (!ip) {
		kfree(link);
		return -ENOSPC;
	}
	SHMEM_I(ip)->link = link;
	ip->i_size = len;
	d_instantiate(de, ip);
	dir_changed(dip);
	return 0;
}

static int tmpfs_link(struct dentry *old, struct inode *dip,
		      struct dentry *de)
{
	struct inode *ip = old->d_inode;

	ip->i_nlink++;
	ip->i_ctime_ns = inode_now_ns();
	ihold(ip);
	d_instantiate(de, ip);
	dir_changed(dip);
	return 0;
}

static int tmpfs_unlink(struct inode *dip, struct dentry *de)
{
	struct inode *ip = de->d_inode;

	ip->i_nlink--;
	ip->i_ctime_ns = inode_now_ns();
	dir_changed(dip);
	return 0;
}

static int tmpfs_rmdir(struct inode *dip, struct dentry *de)
{
	de->d_inode->i_nlink = 0;
	dip->i_nlink--;
	dir_changed(dip);
	return 0;
}

static int tmpfs_rename(struct inode *from_dir, struct dentry *from,
			struct inode *to_dir, struct dentry *to,
			unsigned int flags)
{
	struct inode *ip = from->d_inode;
	struct inode *victim = to->d_inode;
	bool isdir = S_ISDIR(ip->i_mode);

	if (victim) {
		if (isdir) {
			victim->i_nlink = 0;
			to_dir->i_nlink--;
		} else {
			victim->i_nlink--;
		}
		victim->i_ctime_ns = inode_now_ns();
	}
	if (isdir) {
		from_dir->i_nlink--;
		to_dir->i_nlink++;
	}
	ip->i_ctime_ns = inode_now_ns();
	dir_changed(from_dir);
	dir_changed(to_dir);
	return 0;
}

/* Resize the chunk table to hold @n chunks. Under i_rwsem (write). */
static int tmpfs_grow_table(struct tmpfs_inode *si, unsigned long n)
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
static int tmpfs_setattr(struct dentry *de, loff_t size)
{
	struct inode *ip = de->d_inode;
	struct tmpfs_inode *si = SHMEM_I(ip);
	unsigned long keep = DIV_ROUND_UP(size, PAGE_SIZE);
	size_t tail = size % PAGE_SIZE;

	if (size > (loff_t)SHMEM_MAX_CHUNKS * PAGE_SIZE)
		return -EFBIG;
	if (size < ip->i_size) {
		tmpfs_free_chunks(si, keep);
		if (tail && keep && keep <= si->nr_chunks && si->chunks[keep - 1])
			memset(si->chunks[keep - 1] + tail, 0, PAGE_SIZE - tail);
	}
	ip->i_size = size;
	ip->i_mtime_ns = ip->i_ctime_ns = inode_now_ns();
	return 0;
}

/*
 * A read or write goes through a page of stage buffer, one page at a
 * time: the inode's lock is held for the memcpy to or from the chunk
 * only, never across a copy from or to user memory, whose page fault may
 * read another file (a private file mapping) and take its lock.
 */
struct tmpfs_buf {
	union {
		void __user *ubuf;
		void *kbuf;
	};
	bool kernel;
};

static size_t buf_out(struct tmpfs_buf *b, size_t off, const void *src,
		      size_t n)
{
	if (b->kernel) {
		memcpy(b->kbuf + off, src, n);
		return 0;
	}
	return copy_to_user(b->ubuf + off, src, n);
}

static size_t buf_in(struct tmpfs_buf *b, size_t off, void *dst, size_t n)
{
	if (b->kernel) {
		memcpy(dst, b->kbuf + off, n);
		return 0;
	}
	return copy_from_user(dst, b->ubuf + off, n);
}

/*
 * Copy up to @n bytes at @p (within one chunk) into @stage. Return: the
 * bytes there are (0 at or past the end of the file).
 */
static size_t tmpfs_read_piece(struct inode *ip, loff_t p, size_t n,
			       void *stage)
{
	struct tmpfs_inode *si = SHMEM_I(ip);
	unsigned long idx = p / PAGE_SIZE;
	void *chunk;

	down_read(&ip->i_rwsem);
	if (p >= ip->i_size) {
		n = 0;
	} else {
		n = min_t(size_t, n, ip->i_size - p);
		chunk = idx < si->nr_chunks ? si->chunks[idx] : NULL;
		if (chunk)
			memcpy(stage, chunk + p % PAGE_SIZE, n);
		else
			memset(stage, 0, n);
	}
	up_read(&ip->i_rwsem);
	return n;
}

static ssize_t tmpfs_do_read(struct file *filp, struct tmpfs_buf *b,
			     size_t len, loff_t *pos)
{
	struct inode *ip = filp->f_inode;
	void *stage;
	size_t done = 0;
	ssize_t err = 0;

	if (*pos < 0)
		return -EINVAL;
	stage = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!stage)
		return -ENOMEM;
	while (done < len) {
		loff_t p = *pos + done;
		size_t n = min_t(size_t, len - done, PAGE_SIZE - p % PAGE_SIZE);
		size_t left;

		n = tmpfs_read_piece(ip, p, n, stage);
		if (!n)
			break;
		left = buf_out(b, done, stage, n);
		done += n - left;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	kfree(stage);
	*pos += done;
	ip->i_atime_ns = inode_now_ns();
	return done ? (ssize_t)done : err;
}

/* Put @n bytes from @stage at @p (within one chunk). */
static int tmpfs_write_piece(struct inode *ip, loff_t p, size_t n,
			     const void *stage)
{
	struct tmpfs_inode *si = SHMEM_I(ip);
	unsigned long idx = p / PAGE_SIZE;
	int err;

	down_write(&ip->i_rwsem);
	err = tmpfs_grow_table(si, idx + 1);
	if (!err && !si->chunks[idx]) {
		si->chunks[idx] = kzalloc(PAGE_SIZE, GFP_KERNEL);
		if (!si->chunks[idx])
			err = -ENOSPC;
	}
	if (!err) {
		memcpy(si->chunks[idx] + p % PAGE_SIZE, stage, n);
		if (p + (loff_t)n > ip->i_size)
			ip->i_size = p + n;
		ip->i_mtime_ns = ip->i_ctime_ns = inode_now_ns();
	}
	up_write(&ip->i_rwsem);
	return err;
}

static ssize_t tmpfs_do_write(struct file *filp, struct tmpfs_buf *b,
			      size_t len, loff_t *pos)
{
	struct inode *ip = filp->f_inode;
	struct tmpfs_inode *si = SHMEM_I(ip);
	size_t done = 0;
	ssize_t err = 0;
	void *stage;
	loff_t start;

	stage = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!stage)
		return -ENOMEM;
	/* One writer at a time, so that an O_APPEND write stays whole. */
	mutex_lock(&si->write_mutex);
	start = (filp->f_flags & O_APPEND) ? READ_ONCE(ip->i_size) : *pos;
	if (start < 0)
		err = -EINVAL;
	else if (len && start + len > (loff_t)SHMEM_MAX_CHUNKS * PAGE_SIZE)
		err = -EFBIG;
	while (!err && done < len) {
		loff_t p = start + done;
		size_t n = min_t(size_t, len - done, PAGE_SIZE - p % PAGE_SIZE);
		size_t left = buf_in(b, done, stage, n);

		if (left) {
			err = -EFAULT;
			n -= left;
		}
		if (n) {
			int werr = tmpfs_write_piece(ip, p, n, stage);

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
	kfree(stage);
	return done ? (ssize_t)done : err;
}

static ssize_t tmpfs_read(struct file *filp, char __user *buf, size_t len,
			  loff_t *pos)
{
	struct tmpfs_buf b = { .ubuf = buf, .kernel = false };

	return tmpfs_do_read(filp, &b, len, pos);
}

static ssize_t tmpfs_write(struct file *filp, const char __user *buf,
			   size_t len, loff_t *pos)
{
	struct tmpfs_buf b = { .ubuf = (void __user *)buf, .kernel = false };

	return tmpfs_do_write(filp, &b, len, pos);
}

static ssize_t tmpfs_read_kernel(struct file *filp, void *buf, size_t len,
				 loff_t *pos)
{
	struct tmpfs_buf b = { .kbuf = buf, .kernel = true };

	return tmpfs_do_read(filp, &b, len, pos);
}

static ssize_t tmpfs_write_kernel(struct file *filp, const void *buf,
				  size_t len, loff_t *pos)
{
	struct tmpfs_buf b = { .kbuf = (void *)buf, .kernel = true };

	return tmpfs_do_write(filp, &b, len, pos);
}

static int tmpfs_fsync(struct file *filp, int datasync)
{
	return 0;	/* nothing to write back */
}

static int tmpfs_get_link(struct dentry *de, char *buf, size_t size,
			  struct path *jump)
{
	const char *link = SHMEM_I(de->d_inode)->link;

	if (strlen(link) >= size)
		return -ENAMETOOLONG;
	strscpy(buf, link, size);
	return 0;
}

static int tmpfs_statfs(struct dentry *de, void *buf)
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

static const struct super_operations tmpfs_ops = {
	.evict_inode = tmpfs_evict_inode,
	.statfs = tmpfs_statfs,
};

static const struct inode_operations tmpfs_dir_iops = {
	.lookup = tmpfs_lookup,
	.create = tmpfs_create,
	.mkdir = tmpfs_mkdir,
	.rmdir = tmpfs_rmdir,
	.unlink = tmpfs_unlink,
	.link = tmpfs_link,
	.symlink = tmpfs_symlink,
	.mknod = tmpfs_mknod,
	.rename = tmpfs_rename,
};

static const struct inode_operations tmpfs_file_iops = {
	.setattr = tmpfs_setattr,
};

static const struct inode_operations tmpfs_link_iops = {
	.get_link = tmpfs_get_link,
};

static const struct file_operations tmpfs_file_ops = {
	.llseek = generic_file_llseek,
	.read = tmpfs_read,
	.write = tmpfs_write,
	.read_kernel = tmpfs_read_kernel,
	.write_kernel = tmpfs_write_kernel,
	.fsync = tmpfs_fsync,
};

/* The root's mode from a "mode=NNN" option (octal), else @def. */
static umode_t tmpfs_root_mode(const char *data, umode_t def)
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

static struct dentry *tmpfs_mount(struct file_system_type *type, int flags,
				  const char *dev_name, void *data)
{
	struct super_block *sblk = sget_nodev(type, NULL);
	struct inode *root;

	if (IS_ERR(sblk))
		return ERR_PTR(PTR_ERR(sblk));
	sblk->s_magic = TMPFS_MAGIC;
	sblk->s_op = &tmpfs_ops;
	root = tmpfs_get_inode(sblk, S_IFDIR | tmpfs_root_mode(data, 01777), 0);
	sblk->s_root = d_make_root(root);
	if (!sblk->s_root) {
		kill_anon_super(sblk);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sblk->s_root);
}

static struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = tmpfs_mount,
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
	return register_filesystem(&tmpfs_fs_type);
}
