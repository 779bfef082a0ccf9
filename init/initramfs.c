// SPDX-License-Identifier: GPL-2.0
/*
 * Unpack the initramfs that came with the kernel into the root file
 * system: gzip members and plain newc cpio archives, back to back, each
 * entry made through the VFS's in-kernel calls. Then give its memory back.
 */
#include <linux/kernel.h>
#include <linux/cpio.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/inflate.h>
#include <linux/initrd.h>
#include <linux/list.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/bootparam.h>
#include <asm/page.h>

/*
 * DOC: the image
 *
 * As on Linux, an initramfs is a sequence of parts: newc cpio archives
 * (each ending with its "TRAILER!!!" entry) and gzip members, each of
 * which holds cpio archives; NUL bytes may pad between parts. Parts are
 * unpacked in order, so a later part's file replaces an earlier one's.
 * A malformed part stops the walk: what was unpacked before it stays,
 * and populate_rootfs() says what went wrong.
 *
 * Each entry is made under the root as its name says: directories with
 * init_mkdir() (an existing one is fine), regular files with filp_open()
 * and kernel_write(), symlinks with init_symlink(), device nodes, FIFOs
 * and sockets with init_mknod(). Entries of one hard-linked file (same
 * inode number, link count above 1) each become a file holding the data
 * (the VFS contract has no in-kernel link call yet). The mode bits,
 * owner and modification time of the archive are then set on the inode.
 * An entry that cannot be made is counted and reported; the rest go on.
 */

/* A decompressed part larger than this share of free memory is refused. */
#define INITRAMFS_MAX_SHARE	2

struct initramfs_link {
	struct list_head list;
	u32 ino;
	bool empty;		/* written without data: waits for it */
	char name[];
};

struct unpacker {
	char *path;		/* "/" + the entry's name */
	char *target;		/* a symlink's target, NUL-terminated */
	struct list_head links;	/* hard-linked names seen so far */
	unsigned long made;
	unsigned long failed;
	int first_error;
};

bool initrd_present(void)
{
	return boot_info.initrd_size != 0;
}

static u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

/*
 * The output size to try first for the gzip member at @in: a member that
 * ends the image has its length in the image's last four bytes, else
 * assume four times the compressed size.
 */
static size_t gunzip_first_guess(const u8 *in, size_t len)
{
	size_t guess = len * 4;

	if (len >= 4 && get_le32(in + len - 4) >= len)
		guess = get_le32(in + len - 4);
	return PAGE_ALIGN(guess ? guess : PAGE_SIZE);
}

/* The gzip member at @in: decompress it and walk the archives inside. */
static int initramfs_gunzip_part(const u8 *in, size_t len, cpio_actor_t fn,
				 void *arg, size_t *used)
{
	size_t limit = (nr_free_pages() << PAGE_SHIFT) / INITRAMFS_MAX_SHARE;
	size_t cap = gunzip_first_guess(in, len), got = 0;
	void *out;
	int ret;

	for (;;) {
		if (cap > limit)
			return -ENOMEM;
		out = vmalloc(cap);
		if (!out)
			return -ENOMEM;
		ret = gunzip(in, len, used, out, cap, &got);
		if (ret != -ENOSPC)
			break;
		vfree(out);
		cap *= 2;
	}
	if (!ret)
		ret = cpio_for_each(out, got, fn, arg);
	vfree(out);
	return ret;
}

/**
 * initramfs_for_each - call @fn on every entry of an initramfs image
 * @image: the image: cpio archives and gzip members, see the DOC section
 * @len: its size in bytes
 * @fn: called for each entry, as cpio_for_each() calls it; a non-zero
 *	return stops the walk
 * @arg: passed to @fn
 *
 * Each gzip member is decompressed into a vmalloc() buffer that lives
 * while its entries are walked. @fn has run for the entries before any
 * malformed part.
 *
 * Return: 0; what @fn returned if it stopped the walk; -EINVAL for a part
 * that is neither a cpio archive nor a gzip member or is malformed; -EIO
 * for a gzip member whose CRC-32 or length is wrong; -ENOMEM when a
 * member does not fit in half of the free memory or vmalloc() fails.
 */
int initramfs_for_each(const void *image, size_t len, cpio_actor_t fn,
		       void *arg)
{
	const u8 *p = image;
	size_t pos = 0, used;
	int ret;

	while (pos < len) {
		if (!p[pos]) {
			pos++;
			continue;
		}
		if (gzip_magic(p + pos, len - pos))
			ret = initramfs_gunzip_part(p + pos, len - pos, fn, arg,
						    &used);
		else
			ret = cpio_walk_archives(p + pos, len - pos, fn, arg,
						 &used);
		if (ret)
			return ret;
		pos += used;
	}
	return 0;
}

static int write_file(const char *path, const struct cpio_entry *e)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC,
				   e->mode & 07777);
	loff_t pos = 0;
	int ret = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	while (pos < e->size) {
		ssize_t n = kernel_write(f, (const u8 *)e->data + pos,
					 e->size - pos, &pos);

		if (n <= 0) {
			ret = n ? n : -EIO;
			break;
		}
	}
	fput(f);
	return ret;
}

/* Mode bits, owner and mtime as the archive has them (umask aside). */
static int set_attrs(const char *path, const struct cpio_entry *e)
{
	struct path p;
	struct inode *inode;
	int ret = kern_path(path, 0, &p);

	if (ret)
		return ret;
	inode = p.dentry->d_inode;
	down_write(&inode->i_rwsem);
	inode->i_mode = (inode->i_mode & S_IFMT) | (e->mode & 07777);
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	inode->i_mtime_ns = (u64)e->mtime * NSEC_PER_SEC;
	up_write(&inode->i_rwsem);
	path_put(&p);
	return 0;
}

/*
 * A hard-linked file: newc writes its names one after the other, the data
 * only with the last; that entry fills the earlier, empty names.
 */
static int add_link(struct unpacker *u, const struct cpio_entry *e)
{
	struct initramfs_link *l;
	size_t len;
	int ret = 0;

	list_for_each_entry(l, &u->links, list) {
		if (l->ino == e->ino && l->empty && e->size) {
			int err = write_file(l->name, e);

			ret = ret ? ret : err;
		}
	}
	len = strlen(u->path) + 1;
	l = kmalloc(sizeof(*l) + len, GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	l->ino = e->ino;
	l->empty = !e->size;
	memcpy(l->name, u->path, len);
	list_add_tail(&l->list, &u->links);
	return ret;
}

static void free_links(struct unpacker *u)
{
	struct initramfs_link *l, *next;

	list_for_each_entry_safe(l, next, &u->links, list)
		kfree(l);
	INIT_LIST_HEAD(&u->links);
}

static int make_entry(struct unpacker *u, const struct cpio_entry *e)
{
	int ret;

	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		ret = init_mkdir(u->path, e->mode & 07777);
		if (ret == -EEXIST)
			ret = 0;
		break;
	case S_IFREG:
		ret = write_file(u->path, e);
		if (!ret && e->nlink > 1)
			ret = add_link(u, e);
		break;
	case S_IFLNK:
		if (e->size >= PATH_MAX)
			return -ENAMETOOLONG;
		memcpy(u->target, e->data, e->size);
		u->target[e->size] = '\0';
		ret = init_symlink(u->target, u->path);
		break;
	default:
		ret = init_mknod(u->path, e->mode,
				 MKDEV(e->rdev_major, e->rdev_minor));
	}
	if (ret)
		return ret;
	/* A symlink's own mode means nothing; "." is the root itself. */
	if (S_ISLNK(e->mode))
		return 0;
	return set_attrs(u->path, e);
}

static int unpack_entry(const struct cpio_entry *e, void *arg)
{
	struct unpacker *u = arg;
	int ret;

	if (e->namelen + 2 > PATH_MAX) {
		ret = -ENAMETOOLONG;
	} else {
		u->path[0] = '/';
		memcpy(u->path + 1, e->name, e->namelen + 1);
		ret = make_entry(u, e);
	}
	if (ret) {
		if (!u->failed++) {
			u->first_error = ret;
			pr_warn("initramfs: cannot make /%s: error %d\n",
				e->name, ret);
		}
	} else {
		u->made++;
	}
	cond_resched();
	return 0;
}

/*
 * Hand the image's pages to the page allocator: the whole pages inside
 * it (a page it shares with other boot data stays reserved).
 */
static void free_initrd_mem(phys_addr_t start, u64 size)
{
	unsigned long pfn, first = PFN_UP(start), end = PFN_DOWN(start + size);
	unsigned long freed = 0;

	if (first < end)
		memblock_phys_free(PFN_PHYS(first), PFN_PHYS(end - first));
	for (pfn = first; pfn < end; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (PageReserved(page)) {
			free_reserved_page(page);
			freed++;
		}
	}
	pr_info("initramfs: freed %lu KiB of initrd memory\n",
		freed << (PAGE_SHIFT - 10));
}

/**
 * populate_rootfs - unpack the boot loader's initramfs into the root
 *
 * Called once by start_kernel() after the initcalls (the root tmpfs is
 * mounted). Without an image it does nothing. Entries that cannot be
 * made are reported and skipped; a malformed part ends the unpacking
 * with what came before it kept. The image's memory is then freed.
 *
 * Return: 0 (also without an image); the error of initramfs_for_each() for a malformed
 * image; -ENOMEM.
 */
int populate_rootfs(void)
{
	phys_addr_t start = boot_info.initrd_start;
	u64 size = boot_info.initrd_size, t0 = ktime_get_ns(), ms;
	struct unpacker u = { .links = LIST_HEAD_INIT(u.links) };
	int ret;

	if (!size)
		return 0;
	if (!memblock_is_memory(start) || !memblock_is_memory(start + size - 1)) {
		pr_err("initramfs: image at %#llx is not in RAM; ignored\n",
		       (unsigned long long)start);
		return -EINVAL;
	}
	u.path = kmalloc(PATH_MAX, GFP_KERNEL);
	u.target = kmalloc(PATH_MAX, GFP_KERNEL);
	ret = -ENOMEM;
	if (u.path && u.target)
		ret = initramfs_for_each(__va(start), size, unpack_entry, &u);
	free_links(&u);
	kfree(u.path);
	kfree(u.target);

	ms = (ktime_get_ns() - t0) / 1000000;
	pr_info("initramfs: unpacked %lu entries from %llu bytes in %llu ms\n",
		u.made, (unsigned long long)size, (unsigned long long)ms);
	if (u.failed)
		pr_warn("initramfs: %lu entries not made (first error %d)\n",
			u.failed, u.first_error);
	if (ret)
		pr_err("initramfs: bad image (error %d); kept what came before\n",
		       ret);
	free_initrd_mem(start, size);
	return ret;
}
