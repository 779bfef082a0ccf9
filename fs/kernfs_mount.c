// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs and debugfs as file systems user space mounts: inodes and
 * dentries made on lookup from kernfs nodes, reads through show() and
 * writes through store(), as Linux's sysfs behaves.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include "kernfs.h"

/**
 * DOC: kernfs through the VFS
 *
 * A mount of sysfs or debugfs is a super block whose root is a kernfs
 * directory (/sys's node, or /sys/kernel/debug's). Nothing is cached:
 * ->lookup makes a fresh inode for the node found, holding a kernfs
 * reference on it (dropped at evict), and d_delete frees every dentry as
 * soon as it is unused, so a removed node disappears from the next
 * lookup. d_revalidate drops a cached dentry whose node was removed.
 *
 * Locks: ->lookup and ->iterate_shared take kernfs_rwsem for reading
 * (inside kernfs_find_and_get() and kernfs_iterate()), never across a
 * user copy: a directory's names are copied out first. A read or write
 * runs show or store under an active reference (kernfs_get_active()),
 * with no VFS or kernfs lock held, as vfs_read() and vfs_write() do.
 *
 * The errors are vfs_open()'s, vfs_read()'s and vfs_write()'s: -EACCES
 * to open without the permission bit or the callback the access needs,
 * -ENODEV on a file removed since it was opened, the store's own -errno
 * to the writer. A write hands the whole buffer (cut to PAGE_SIZE - 1
 * bytes) to one store call, NUL-terminated; a read returns show()'s text
 * from the file position, show() running again for each read.
 */

#define SYSFS_MAGIC	0x62656572
#define DEBUGFS_MAGIC	0x64626720

static struct kernfs_node *kn_of(struct inode *inode)
{
	return inode->i_private;
}

/*
 * An entry's inode number: a hash of its directory's address and its
 * name, so that stat() and getdents agree without holding the node.
 */
static unsigned long kernfs_ino_of(const struct kernfs_node *dir,
				   const char *name)
{
	unsigned long h = 14695981039346656037UL ^ (unsigned long)dir;

	while (*name)
		h = (h ^ (unsigned char)*name++) * 1099511628211UL;
	return (h & 0x7fffffffUL) | 1;
}

static unsigned long kernfs_ino(const struct kernfs_node *kn)
{
	return kn->parent ? kernfs_ino_of(kn->parent, kn->name) : 1;
}

static const struct inode_operations kmnt_dir_iops;
static const struct inode_operations kmnt_file_iops;
static const struct inode_operations kmnt_link_iops;
static const struct file_operations kmnt_dir_fops;
static const struct file_operations kmnt_file_fops;

/* A new inode for @kn; the caller's kernfs reference on @kn passes. */
static struct inode *kmnt_get_inode(struct super_block *sb,
				      struct kernfs_node *kn)
{
	struct inode *inode = new_inode(sb);

	if (!inode) {
		kernfs_put(kn);
		return NULL;
	}
	inode->i_ino = kernfs_ino(kn);
	inode->i_private = kn;
	switch (kn->type) {
	case VFS_DT_DIR:
		inode->i_mode = S_IFDIR | (kn->mode & 07777);
		inode->i_nlink = 2;
		inode->i_op = &kmnt_dir_iops;
		inode->i_fop = &kmnt_dir_fops;
		break;
	case VFS_DT_LNK:
		inode->i_mode = S_IFLNK | 0777;
		inode->i_op = &kmnt_link_iops;
		break;
	default:
		inode->i_mode = S_IFREG | (kn->mode & 07777);
		inode->i_size = PAGE_SIZE;	/* what Linux's sysfs reports */
		inode->i_op = &kmnt_file_iops;
		inode->i_fop = &kmnt_file_fops;
		break;
	}
	return inode;
}

static void kmnt_evict_inode(struct inode *inode)
{
	kernfs_put(kn_of(inode));
	inode->i_private = NULL;
}

static const struct super_operations kmnt_sops = {
	.evict_inode = kmnt_evict_inode,
};

static int kmnt_d_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = dentry->d_inode;

	return inode && !READ_ONCE(kn_of(inode)->removed);
}

static int kmnt_d_delete(const struct dentry *dentry)
{
	return 1;
}

static const struct dentry_operations kmnt_dops = {
	.d_revalidate = kmnt_d_revalidate,
	.d_delete = kmnt_d_delete,
};

static struct dentry *kmnt_lookup(struct inode *dir,
					struct dentry *dentry,
					unsigned int flags)
{
	struct kernfs_node *kn;
	struct inode *inode;

	kn = kernfs_find_and_get(kn_of(dir), dentry->d_name.name);
	if (!kn)
		return NULL;		/* negative: -ENOENT */
	inode = kmnt_get_inode(dir->i_sb, kn);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

/* Truncation (O_TRUNC) of an attribute does nothing, as on Linux. */
static int kmnt_setattr(struct dentry *dentry, loff_t new_size)
{
	return 0;
}

static int kmnt_get_link(struct dentry *dentry, char *buf,
			       size_t size, struct path *jump)
{
	int ret = kernfs_link_path(kn_of(dentry->d_inode), buf, size);

	return ret < 0 ? ret : 0;
}

static const struct inode_operations kmnt_dir_iops = {
	.lookup = kmnt_lookup,
	.setattr = kmnt_setattr,
};

static const struct inode_operations kmnt_file_iops = {
	.setattr = kmnt_setattr,
};

static const struct inode_operations kmnt_link_iops = {
	.get_link = kmnt_get_link,
};

/* ---- directories ---- */

/* A directory's entries, copied out of the tree for a getdents. */
struct kernfs_dirent {
	char *name;
	unsigned int type;
	unsigned long ino;
};

struct kernfs_dir_snap {
	struct kernfs_node *dir;
	struct kernfs_dirent *ents;
	unsigned int nr, max;
	int err;
};

static int kernfs_snap_fill(void *ctx, const char *name, unsigned int type)
{
	struct kernfs_dir_snap *s = ctx;
	struct kernfs_dirent *e;
	size_t len = strlen(name);

	if (s->nr == s->max) {
		unsigned int max = s->max ? 2 * s->max : 32;

		/* under kernfs_rwsem: kmalloc may sleep, which a rwsem allows */
		e = kmalloc_array(max, sizeof(*e), GFP_KERNEL);
		if (!e)
			return -ENOMEM;
		if (s->nr)
			memcpy(e, s->ents, s->nr * sizeof(*e));
		kfree(s->ents);
		s->ents = e;
		s->max = max;
	}
	e = &s->ents[s->nr];
	e->name = kmalloc(len + 1, GFP_KERNEL);
	if (!e->name)
		return -ENOMEM;
	memcpy(e->name, name, len + 1);
	e->type = type;
	e->ino = kernfs_ino_of(s->dir, name);
	s->nr++;
	return 0;
}

static void kernfs_snap_free(struct kernfs_dir_snap *s)
{
	unsigned int i;

	for (i = 0; i < s->nr; i++)
		kfree(s->ents[i].name);
	kfree(s->ents);
}

static int kmnt_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct kernfs_dir_snap snap = { .dir = kn_of(file_inode(file)) };
	unsigned int i;
	int err;

	if (!dir_emit_dots(file, ctx))
		return 0;
	err = kernfs_iterate(snap.dir, kernfs_snap_fill, &snap);
	if (err) {
		kernfs_snap_free(&snap);
		return err;
	}
	/* entry i sits at position i + 2, after "." and ".." */
	for (i = ctx->pos - 2; i < snap.nr; i++) {
		const struct kernfs_dirent *e = &snap.ents[i];

		if (!dir_emit(ctx, e->name, strlen(e->name), e->ino, e->type))
			break;
		ctx->pos++;
	}
	kernfs_snap_free(&snap);
	return 0;
}

static const struct file_operations kmnt_dir_fops = {
	.llseek = generic_file_llseek,
	.iterate_shared = kmnt_dir_iterate,
};

/* ---- attribute files ---- */

static bool kernfs_may_read(struct kernfs_node *kn)
{
	return (kn->mode & 0444) && kn->ops && kn->ops->show;
}

static bool kernfs_may_write(struct kernfs_node *kn)
{
	return (kn->mode & 0222) && kn->ops && kn->ops->store;
}

static int kmnt_file_open(struct inode *inode, struct file *file)
{
	struct kernfs_node *kn = kn_of(inode);

	if ((file->f_mode & FMODE_READ) && !kernfs_may_read(kn))
		return -EACCES;
	if ((file->f_mode & FMODE_WRITE) && !kernfs_may_write(kn))
		return -EACCES;
	return 0;
}

/*
 * show() into a fresh page. Return: the page (kfree() it) with *@len set,
 * or ERR_PTR(-ENODEV) if the node was removed, -ENOMEM, show's -errno.
 */
static char *kernfs_show_page(struct kernfs_node *kn, size_t *len)
{
	char *page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t n;

	if (!page)
		return ERR_PTR(-ENOMEM);
	if (!kernfs_get_active(kn)) {
		kfree(page);
		return ERR_PTR(-ENODEV);
	}
	n = kn->ops->show(kn, page);
	kernfs_put_active(kn);
	if (n < 0) {
		kfree(page);
		return ERR_PTR(n);
	}
	if (WARN_ON_ONCE(n > (ssize_t)PAGE_SIZE))
		n = PAGE_SIZE;
	*len = n;
	return page;
}

static ssize_t kmnt_file_read(struct file *file, char __user *buf,
			       size_t len, loff_t *pos)
{
	size_t n;
	char *page = kernfs_show_page(kn_of(file_inode(file)), &n);
	ssize_t ret;

	if (IS_ERR(page))
		return PTR_ERR(page);
	ret = simple_read_from_buffer(buf, len, pos, page, n);
	kfree(page);
	return ret;
}

static ssize_t kmnt_file_read_kernel(struct file *file, void *buf,
				      size_t len, loff_t *pos)
{
	size_t n;
	char *page = kernfs_show_page(kn_of(file_inode(file)), &n);
	ssize_t ret = 0;

	if (IS_ERR(page))
		return PTR_ERR(page);
	if (*pos >= 0 && *pos < (loff_t)n) {
		ret = min_t(size_t, len, n - *pos);
		memcpy(buf, page + *pos, ret);
		*pos += ret;
	}
	kfree(page);
	return ret;
}

/* One store() of @page[0..@len) (NUL-terminated); advances *@pos. */
static ssize_t kernfs_store_page(struct kernfs_node *kn, const char *page,
				 size_t len, loff_t *pos)
{
	ssize_t ret;

	if (!kernfs_get_active(kn))
		return -ENODEV;
	ret = kn->ops->store(kn, page, len);
	kernfs_put_active(kn);
	if (ret > 0)
		*pos += ret;
	return ret;
}

/*
 * A write: at most a page less one byte of @src (user memory when
 * @from_user) is copied into a NUL-terminated page for one store().
 */
static ssize_t kmnt_write_page(struct file *file, const void *src,
			       bool from_user, size_t len, loff_t *pos)
{
	char *page;
	ssize_t ret;

	if (!len)
		return 0;
	if (len >= PAGE_SIZE)
		len = PAGE_SIZE - 1;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	if (!from_user)
		memcpy(page, src, len);
	else if (copy_from_user(page, (const void __user *)src, len)) {
		kfree(page);
		return -EFAULT;
	}
	page[len] = '\0';
	ret = kernfs_store_page(kn_of(file_inode(file)), page, len, pos);
	kfree(page);
	return ret;
}

static ssize_t kmnt_file_write(struct file *file, const char __user *buf,
				size_t len, loff_t *pos)
{
	return kmnt_write_page(file, (const void __force *)buf, true, len, pos);
}

static ssize_t kmnt_file_write_kernel(struct file *file, const void *buf,
				       size_t len, loff_t *pos)
{
	return kmnt_write_page(file, buf, false, len, pos);
}

static const struct file_operations kmnt_file_fops = {
	.llseek = generic_file_llseek,
	.open = kmnt_file_open,
	.read = kmnt_file_read,
	.write = kmnt_file_write,
	.read_kernel = kmnt_file_read_kernel,
	.write_kernel = kmnt_file_write_kernel,
};

/* ---- the two file system types ---- */

static struct dentry *kernfs_mount_root(struct file_system_type *type,
					struct kernfs_node *root_kn,
					unsigned long magic)
{
	struct super_block *sb;
	struct inode *inode;
	struct dentry *root;

	if (!root_kn)
		return ERR_PTR(-ENODEV);
	sb = sget_nodev(type, root_kn);
	if (IS_ERR(sb))
		return ERR_PTR(PTR_ERR(sb));
	sb->s_magic = magic;
	sb->s_op = &kmnt_sops;
	sb->s_d_op = &kmnt_dops;
	sb->s_flags |= SB_NOCACHE_INODES;
	kernfs_get(root_kn);
	inode = kmnt_get_inode(sb, root_kn);
	root = inode ? d_make_root(inode) : NULL;
	if (!root) {
		kill_anon_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	sb->s_root = root;
	return root;
}

static struct dentry *sysfs_mount(struct file_system_type *type,
				  int flags, const char *source, void *data)
{
	return kernfs_mount_root(type, sysfs_root_kn, SYSFS_MAGIC);
}

static struct dentry *debugfs_mount(struct file_system_type *type,
				    int flags, const char *source, void *data)
{
	return kernfs_mount_root(type, debugfs_root_kn(), DEBUGFS_MAGIC);
}

static struct file_system_type sysfs_mount_type = {
	.name = "sysfs",
	.mount = sysfs_mount,
	.kill_sb = kill_anon_super,
};

static struct file_system_type debugfs_mount_type = {
	.name = "debugfs",
	.mount = debugfs_mount,
	.kill_sb = kill_anon_super,
};

/* After mnt_init() (core) and debugfs_init() (core): fs_initcall. */
static int __init kernfs_mount_init(void)
{
	int err = register_filesystem(&sysfs_mount_type);

	if (!err)
		err = register_filesystem(&debugfs_mount_type);
	return err;
}
fs_initcall(kernfs_mount_init);
