// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the VFS core and tmpfs: path walk (dots, symlinks, mounts,
 * errors), creating and removing, renaming, open files and descriptor
 * tables, device nodes and FIFOs. Each case works in a directory of its
 * own under the root tmpfs, as a process with its own descriptor table
 * and fs_struct.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <kunit/test.h>
#include "internal.h"

struct vfs_test_ctx {
	struct files_struct *old_files;
	struct fs_struct *old_fs;
	char dir[64];
	char buf[PATH_MAX];
};

static int vfs_test_init(struct kunit *test)
{
	static int serial;
	struct vfs_test_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int err;

	if (!ctx)
		return -ENOMEM;
	ctx->old_files = current->files;
	ctx->old_fs = current->fs;
	current->files = files_alloc();
	current->fs = fs_alloc_root();
	snprintf(ctx->dir, sizeof(ctx->dir), "/kunit-vfs-%d", ++serial);
	test->priv = ctx;
	if (!current->files || !current->fs)
		return -ENOMEM;
	err = init_mkdir(ctx->dir, 0755);
	if (!err)
		err = init_chdir(ctx->dir);
	return err;
}

static void vfs_test_exit(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;

	put_files_struct(current->files);
	put_fs_struct(current->fs);
	current->files = ctx->old_files;
	current->fs = ctx->old_fs;
	kfree(ctx);
}

/* Create @name holding @text. */
static int put_file(const char *name, const char *text)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, text, strlen(text), &pos);
	fput(f);
	return n < 0 ? n : 0;
}

/* Read @name into @buf (NUL-terminated); the length or -errno. */
static ssize_t get_file_text(const char *name, char *buf, size_t size)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size - 1, &pos);
	fput(f);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static int stat_name(const char *name, bool follow, struct kstat *st)
{
	return vfs_fstatat(AT_FDCWD, name, follow ? 0 : AT_SYMLINK_NOFOLLOW, st);
}

static void vfs_create_write_read(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct kstat st;

	KUNIT_ASSERT_EQ(test, put_file("hello", "hello, tmpfs"), 0);
	KUNIT_EXPECT_EQ(test, get_file_text("hello", ctx->buf, 64), 12L);
	KUNIT_EXPECT_STREQ(test, ctx->buf, "hello, tmpfs");
	KUNIT_ASSERT_EQ(test, stat_name("hello", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.size, 12LL);
	KUNIT_EXPECT_TRUE(test, S_ISREG(st.mode));
	KUNIT_EXPECT_EQ(test, st.mode & 0777, 0644 & ~0022);
	KUNIT_EXPECT_EQ(test, st.nlink, 1U);
	/* O_EXCL on an existing name, O_DIRECTORY on a file. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("hello", O_CREAT | O_EXCL, 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("hello", O_DIRECTORY, 0)),
			-ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(".", O_WRONLY, 0)), -EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("nothere", O_RDONLY, 0)),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("new/", O_CREAT | O_WRONLY, 0)),
			-EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(".", 020200000 | O_RDWR, 0600)),
			-EOPNOTSUPP);
}

/* A write past the end leaves a hole of zeros; truncate cuts and zeroes. */
static void vfs_holes_and_truncate(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct file *f = filp_open("sparse", O_RDWR | O_CREAT, 0600);
	loff_t pos = 3 * PAGE_SIZE + 10;
	char c = 'x';
	struct path path;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_write(f, &c, 1, &pos), 1L);
	KUNIT_EXPECT_EQ(test, f->f_inode->i_size, 3LL * PAGE_SIZE + 11);
	pos = PAGE_SIZE - 2;
	memset(ctx->buf, 1, 8);
	KUNIT_EXPECT_EQ(test, kernel_read(f, ctx->buf, 8, &pos), 8L);
	KUNIT_EXPECT_EQ(test, ctx->buf[0] | ctx->buf[7], 0);
	KUNIT_ASSERT_EQ(test, kern_path("sparse", 0, &path), 0);
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, 5), 0);
	KUNIT_EXPECT_EQ(test, vfs_truncate(&path, 3LL * PAGE_SIZE + 11), 0);
	path_put(&path);
	pos = 3 * PAGE_SIZE + 10;
	KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &pos), 1L);
	KUNIT_EXPECT_EQ(test, c, 0);
	fput(f);
}

static void vfs_walk_dots_and_errors(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	char *long_name;
	struct kstat st, root;

	KUNIT_ASSERT_EQ(test, init_mkdir("a", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir("a/b", 0755), 0);
	KUNIT_ASSERT_EQ(test, put_file("a/b/f", "x"), 0);
	KUNIT_EXPECT_EQ(test, get_file_text("a/./b/../b//f", ctx->buf, 8), 1L);
	KUNIT_EXPECT_EQ(test, stat_name("a/b/f/", true, &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, stat_name("a/b/f/x", true, &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, stat_name("a/nope/f", true, &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, stat_name("", true, &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, stat_name("a/b/", true, &st), 0);
	/* ".." at the root stays at the root. */
	KUNIT_ASSERT_EQ(test, stat_name("/", true, &root), 0);
	KUNIT_ASSERT_EQ(test, stat_name("/../../..", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.ino, root.ino);
	/* A component longer than NAME_MAX. */
	long_name = kmalloc(NAME_MAX + 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, long_name);
	memset(long_name, 'n', NAME_MAX + 1);
	long_name[NAME_MAX + 1] = '\0';
	KUNIT_EXPECT_EQ(test, stat_name(long_name, true, &st), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, init_mkdir(long_name, 0755), -ENAMETOOLONG);
	long_name[NAME_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, init_mkdir(long_name, 0755), 0);
	kfree(long_name);
}

static void vfs_symlinks(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	char name[16], target[16];
	struct kstat st;
	int i;

	KUNIT_ASSERT_EQ(test, init_mkdir("d", 0755), 0);
	KUNIT_ASSERT_EQ(test, put_file("d/f", "data"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("d/f", "rel"), 0);
	snprintf(ctx->buf, 80, "%s/d", ctx->dir);
	KUNIT_ASSERT_EQ(test, init_symlink(ctx->buf, "abs"), 0);
	KUNIT_EXPECT_EQ(test, get_file_text("rel", ctx->buf, 8), 4L);
	KUNIT_EXPECT_EQ(test, get_file_text("abs/f", ctx->buf, 8), 4L);
	KUNIT_EXPECT_EQ(test, stat_name("rel", false, &st), 0);
	KUNIT_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KUNIT_EXPECT_EQ(test, st.size, 3LL);
	KUNIT_EXPECT_EQ(test, do_readlinkat(AT_FDCWD, "rel", ctx->buf, 64), 3);
	KUNIT_EXPECT_EQ(test, memcmp(ctx->buf, "d/f", 3), 0);
	KUNIT_EXPECT_EQ(test, do_readlinkat(AT_FDCWD, "d", ctx->buf, 64),
			-EINVAL);
	/* A trailing slash follows a link to a directory. */
	KUNIT_EXPECT_EQ(test, stat_name("abs/", false, &st), 0);
	KUNIT_EXPECT_TRUE(test, S_ISDIR(st.mode));
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("rel", O_RDONLY | O_NOFOLLOW, 0)),
			-ELOOP);
	KUNIT_ASSERT_EQ(test, init_symlink("nowhere", "dangling"), 0);
	KUNIT_EXPECT_EQ(test, stat_name("dangling", true, &st), -ENOENT);
	KUNIT_ASSERT_EQ(test, init_symlink("loop", "loop"), 0);
	KUNIT_EXPECT_EQ(test, stat_name("loop", true, &st), -ELOOP);
	/* A chain of 40 links resolves; 41 is one too many. */
	for (i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		snprintf(target, sizeof(target), i == 1 ? "d/f" : "c%d", i - 1);
		KUNIT_ASSERT_EQ(test, init_symlink(target, name), 0);
	}
	KUNIT_EXPECT_EQ(test, stat_name("c40", true, &st), 0);
	KUNIT_EXPECT_EQ(test, stat_name("c41", true, &st), -ELOOP);
	KUNIT_EXPECT_EQ(test, init_symlink("", "empty"), -ENOENT);
}

static void vfs_unlink_rmdir(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct file *f;
	loff_t pos = 0;
	char *p;

	KUNIT_ASSERT_EQ(test, init_mkdir("d", 0755), 0);
	KUNIT_ASSERT_EQ(test, put_file("d/f", "kept"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir("d"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_unlink("d"), -EISDIR);
	KUNIT_EXPECT_EQ(test, init_rmdir("d/f"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_rmdir("."), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_unlink("d/none"), -ENOENT);
	/* An open file outlives its name. */
	f = filp_open("d/f", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, init_unlink("d/f"), 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("d/f", O_RDONLY, 0)), -ENOENT);
	KUNIT_EXPECT_EQ(test, kernel_read(f, ctx->buf, 8, &pos), 4L);
	KUNIT_EXPECT_EQ(test, f->f_inode->i_nlink, 0U);
	p = d_path(&f->f_path, ctx->buf, PATH_MAX);
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	KUNIT_EXPECT_TRUE(test, strstr(p, "/d/f (deleted)") != NULL);
	fput(f);
	KUNIT_EXPECT_EQ(test, init_rmdir("d"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir("d"), -ENOENT);
}

static void vfs_hard_links(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct kstat st;

	KUNIT_ASSERT_EQ(test, put_file("orig", "shared"), 0);
	KUNIT_ASSERT_EQ(test, do_linkat(AT_FDCWD, "orig", AT_FDCWD, "alias", 0),
			0);
	KUNIT_ASSERT_EQ(test, stat_name("alias", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 2U);
	KUNIT_EXPECT_EQ(test, init_unlink("orig"), 0);
	KUNIT_EXPECT_EQ(test, get_file_text("alias", ctx->buf, 16), 6L);
	KUNIT_ASSERT_EQ(test, init_mkdir("dir", 0755), 0);
	KUNIT_EXPECT_EQ(test, do_linkat(AT_FDCWD, "dir", AT_FDCWD, "d2", 0),
			-EPERM);
	KUNIT_EXPECT_EQ(test, do_linkat(AT_FDCWD, "alias", AT_FDCWD, "dir", 0),
			-EEXIST);
}

static void vfs_rename(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct kstat st;

	KUNIT_ASSERT_EQ(test, put_file("a", "AAA"), 0);
	KUNIT_ASSERT_EQ(test, put_file("b", "B"), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir("d", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir("d/sub", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir("e", 0755), 0);
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "a", AT_FDCWD, "b", 1),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "a", AT_FDCWD, "b", 0), 0);
	KUNIT_EXPECT_EQ(test, get_file_text("b", ctx->buf, 16), 3L);
	KUNIT_EXPECT_EQ(test, stat_name("a", true, &st), -ENOENT);
	/* A long name, into another directory. */
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "b", AT_FDCWD,
					   "e/a-name-longer-than-the-inline-space",
					   0), 0);
	KUNIT_EXPECT_EQ(test, get_file_text("e/a-name-longer-than-the-inline-space",
					    ctx->buf, 16), 3L);
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "d", AT_FDCWD, "d/sub/x",
					   0), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "e", AT_FDCWD, "d", 0),
			-ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "d/sub", AT_FDCWD, "e/sub",
					   0), 0);
	KUNIT_EXPECT_EQ(test, stat_name("e/sub", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 2U);
	KUNIT_ASSERT_EQ(test, stat_name("d", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 2U);
	KUNIT_ASSERT_EQ(test, stat_name("e", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 3U);
	/* An empty directory may replace another empty one. */
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "e/sub", AT_FDCWD, "d",
					   0), 0);
	KUNIT_EXPECT_EQ(test, stat_name("e/sub", true, &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "nothere", AT_FDCWD, "z",
					   0), -ENOENT);
}

/* A tmpfs mounted on a directory: crossing it both ways, busy, gone. */
static void vfs_mounts(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct kstat under, top, st;
	struct file *f;
	char *p;

	KUNIT_ASSERT_EQ(test, init_mkdir("mnt", 0755), 0);
	KUNIT_ASSERT_EQ(test, put_file("mnt/under", "u"), 0);
	KUNIT_ASSERT_EQ(test, stat_name("mnt", true, &under), 0);
	KUNIT_ASSERT_EQ(test, init_mount("none", "mnt", "tmpfs", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, stat_name("mnt", true, &top), 0);
	KUNIT_EXPECT_NE(test, top.dev, under.dev);
	KUNIT_EXPECT_EQ(test, top.mode & 07777, 01777);
	KUNIT_EXPECT_EQ(test, stat_name("mnt/under", true, &st), -ENOENT);
	KUNIT_ASSERT_EQ(test, init_mkdir("mnt/in", 0755), 0);
	KUNIT_ASSERT_EQ(test, put_file("mnt/in/f", "on top"), 0);
	/* ".." from the mount's root goes back to the directory holding
	 * the mountpoint. */
	KUNIT_ASSERT_EQ(test, put_file("beside", "b"), 0);
	KUNIT_EXPECT_EQ(test, get_file_text("mnt/in/../../beside", ctx->buf, 8),
			1L);
	KUNIT_EXPECT_EQ(test, do_renameat2(AT_FDCWD, "beside", AT_FDCWD,
					   "mnt/x", 0), -EXDEV);
	KUNIT_EXPECT_EQ(test, init_rmdir("mnt"), -EBUSY);
	f = filp_open("mnt/in/f", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	p = d_path(&f->f_path, ctx->buf, PATH_MAX);
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	KUNIT_EXPECT_TRUE(test, !strcmp(p + strlen(ctx->dir), "/mnt/in/f"));
	KUNIT_EXPECT_EQ(test, init_umount("mnt", 0), -EBUSY);
	fput(f);
	KUNIT_EXPECT_EQ(test, init_umount("mnt/in", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_umount("mnt", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_name("mnt/under", true, &st), 0);
	KUNIT_EXPECT_EQ(test, stat_name("mnt/in", true, &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_umount("/", 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, init_mount("none", "mnt", "nosuchfs", 0, NULL),
			-ENODEV);
}

/* Two mounts stacked on one directory, then a lazy unmount. */
static void vfs_mount_stack_and_detach(struct kunit *test)
{
	struct kstat st;
	struct file *f;

	KUNIT_ASSERT_EQ(test, init_mkdir("m", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mount("one", "m", "tmpfs", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, put_file("m/first", "1"), 0);
	KUNIT_ASSERT_EQ(test, init_mount("two", "m", "tmpfs", 0,
					 (void *)"mode=0700"), 0);
	KUNIT_ASSERT_EQ(test, stat_name("m", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.mode & 07777, 0700);
	KUNIT_EXPECT_EQ(test, stat_name("m/first", true, &st), -ENOENT);
	KUNIT_ASSERT_EQ(test, put_file("m/second", "2"), 0);
	f = filp_open("m/second", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, init_umount("m", MNT_DETACH), 0);
	/* The lower one shows again; the open file still works. */
	KUNIT_EXPECT_EQ(test, stat_name("m/first", true, &st), 0);
	KUNIT_EXPECT_EQ(test, f->f_inode->i_size, 1LL);
	fput(f);
	KUNIT_EXPECT_EQ(test, init_umount("m", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_name("m/first", true, &st), -ENOENT);
}

static void vfs_chdir_chroot(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct kstat st, jail;
	long len;

	KUNIT_ASSERT_EQ(test, init_mkdir("jail", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir("jail/in", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_chdir("jail/in"), 0);
	len = do_getcwd(ctx->buf, PATH_MAX);
	KUNIT_ASSERT_GT(test, len, 0L);
	KUNIT_EXPECT_TRUE(test, !strcmp(ctx->buf + strlen(ctx->dir),
					"/jail/in"));
	KUNIT_EXPECT_EQ(test, do_getcwd(ctx->buf, 3), -ERANGE);
	KUNIT_EXPECT_EQ(test, init_chdir("/nonexistent"), -ENOENT);
	KUNIT_ASSERT_EQ(test, stat_name("..", true, &jail), 0);
	KUNIT_ASSERT_EQ(test, init_chroot(".."), 0);
	KUNIT_ASSERT_EQ(test, stat_name("/", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.ino, jail.ino);
	KUNIT_ASSERT_EQ(test, stat_name("/../..", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.ino, jail.ino);
	len = do_getcwd(ctx->buf, PATH_MAX);
	KUNIT_EXPECT_STREQ(test, ctx->buf, "/in");
}

static void vfs_fd_table(struct kunit *test)
{
	struct files_struct *copy;
	struct file *f;
	int fd0, fd1, fd2, err = 0, i;

	KUNIT_ASSERT_EQ(test, put_file("f", "x"), 0);
	fd0 = do_sys_openat(AT_FDCWD, "f", O_RDONLY, 0);
	fd1 = do_sys_openat(AT_FDCWD, "f", O_RDONLY | O_CLOEXEC, 0);
	fd2 = do_sys_openat(AT_FDCWD, "f", O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, fd0, 0);
	KUNIT_EXPECT_EQ(test, fd1, 1);
	KUNIT_EXPECT_EQ(test, fd2, 2);
	KUNIT_EXPECT_EQ(test, close_fd(1), 0);
	KUNIT_EXPECT_EQ(test, close_fd(1), -EBADF);
	/* The lowest free number is reused. */
	KUNIT_EXPECT_EQ(test, do_sys_openat(AT_FDCWD, "f", O_RDONLY, 0), 1);
	KUNIT_EXPECT_EQ(test, do_dup3(0, 10, O_CLOEXEC), 10);
	KUNIT_EXPECT_EQ(test, do_fcntl(10, F_GETFD, 0), (long)FD_CLOEXEC);
	KUNIT_EXPECT_EQ(test, do_fcntl(0, F_DUPFD, 5), 5L);
	KUNIT_EXPECT_EQ(test, do_fcntl(0, F_DUPFD_CLOEXEC, 0), 3L);
	KUNIT_EXPECT_EQ(test, do_fcntl(0, F_SETFL, O_NONBLOCK | O_APPEND), 0L);
	KUNIT_EXPECT_EQ(test, do_fcntl(5, F_GETFL, 0),
			(long)(O_NONBLOCK | O_APPEND));
	KUNIT_EXPECT_EQ(test, do_fcntl(99, F_GETFD, 0), (long)-EBADF);
	KUNIT_EXPECT_EQ(test, do_dup3(77, 78, 0), -EBADF);
	/* fork's copy shares the files; exec closes the close-on-exec ones. */
	copy = dup_fd(current->files, &err);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	do_close_on_exec(current->files);
	f = fget(10);
	KUNIT_EXPECT_NULL(test, f);
	f = fget(3);
	KUNIT_EXPECT_NULL(test, f);
	f = fget(5);
	KUNIT_EXPECT_NOT_NULL(test, f);
	fput(f);
	put_files_struct(copy);
	/* close_range marks or closes. */
	KUNIT_EXPECT_EQ(test, do_close_range(0, 1, 4), 0);
	KUNIT_EXPECT_EQ(test, do_fcntl(1, F_GETFD, 0), (long)FD_CLOEXEC);
	KUNIT_EXPECT_EQ(test, do_close_range(0, ~0U, 0), 0);
	KUNIT_EXPECT_EQ(test, close_fd(5), -EBADF);
	/* The table grows to 1024, then -EMFILE. */
	for (i = 0; i < NR_OPEN_MAX; i++) {
		fd0 = do_sys_openat(AT_FDCWD, "f", O_RDONLY, 0);
		if (fd0 != i)
			break;
	}
	KUNIT_EXPECT_EQ(test, i, NR_OPEN_MAX);
	KUNIT_EXPECT_EQ(test, do_sys_openat(AT_FDCWD, "f", O_RDONLY, 0),
			-EMFILE);
	KUNIT_EXPECT_EQ(test, do_close_range(0, ~0U, 0), 0);
}

static int test_chr_opens;
static int test_chr_open(struct inode *inode, struct file *file)
{
	test_chr_opens++;
	return MINOR(inode->i_rdev) == 2 ? -EIO : 0;
}

static const struct file_operations test_chr_fops = {
	.open = test_chr_open,
};

static void vfs_device_nodes(struct kunit *test)
{
	static bool added;
	struct kstat st;
	struct file *f;

	if (!added) {
		KUNIT_ASSERT_EQ(test, chrdev_add(MKDEV(240, 1), "kunit-chr", 0600,
						 &test_chr_fops), 0);
		KUNIT_ASSERT_EQ(test, chrdev_add(MKDEV(240, 2), "kunit-chr2",
						 0600, &test_chr_fops), 0);
		added = true;
	}
	KUNIT_EXPECT_EQ(test, chrdev_add(MKDEV(240, 1), "again", 0600,
					 &test_chr_fops), -EBUSY);
	KUNIT_ASSERT_EQ(test, init_mknod("c", S_IFCHR | 0600, MKDEV(240, 1)), 0);
	KUNIT_ASSERT_EQ(test, init_mknod("c2", S_IFCHR | 0600, MKDEV(240, 2)), 0);
	KUNIT_ASSERT_EQ(test, init_mknod("c3", S_IFCHR | 0600, MKDEV(240, 3)), 0);
	KUNIT_ASSERT_EQ(test, stat_name("c", true, &st), 0);
	KUNIT_EXPECT_TRUE(test, S_ISCHR(st.mode));
	KUNIT_EXPECT_EQ(test, st.rdev, MKDEV(240, 1));
	KUNIT_EXPECT_EQ(test, new_encode_dev(st.rdev), 0xf001ULL);
	test_chr_opens = 0;
	f = filp_open("c", O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_PTR_EQ(test, f->f_op, &test_chr_fops);
	fput(f);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("c2", O_RDWR, 0)), -EIO);
	KUNIT_EXPECT_EQ(test, test_chr_opens, 2);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("c3", O_RDWR, 0)), -ENXIO);
	KUNIT_EXPECT_EQ(test, init_mknod("dir", S_IFDIR | 0755, 0), -EPERM);
	KUNIT_EXPECT_EQ(test, init_mknod("fifo", S_IFIFO | 0600, 0), 0);
}

struct names_seen {
	struct dir_context ctx;
	int count, room;
	bool saw_dot, saw_dotdot, saw_x, saw_sub;
};

static bool note_name(struct dir_context *ctx, const char *name, int len,
		      loff_t pos, u64 ino, unsigned int type)
{
	struct names_seen *s = container_of(ctx, struct names_seen, ctx);

	if (!s->room)
		return false;	/* full: this entry comes again next call */
	s->room--;
	s->count++;
	if (len == 1 && name[0] == '.')
		s->saw_dot = type == DT_DIR;
	if (len == 2 && !memcmp(name, "..", 2))
		s->saw_dotdot = type == DT_DIR;
	if (len == 1 && name[0] == 'x')
		s->saw_x = type == DT_REG;
	if (len == 3 && !memcmp(name, "sub", 3))
		s->saw_sub = type == DT_DIR;
	return true;
}

static void vfs_readdir(struct kunit *test)
{
	struct names_seen s = { .ctx.actor = note_name };
	struct file *f;

	KUNIT_ASSERT_EQ(test, init_mkdir("r", 0755), 0);
	KUNIT_ASSERT_EQ(test, put_file("r/x", ""), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir("r/sub", 0755), 0);
	f = filp_open("r", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	s.room = 3;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s.ctx), 0);
	KUNIT_EXPECT_EQ(test, s.count, 3);
	s.room = 10;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s.ctx), 0);
	KUNIT_EXPECT_EQ(test, s.count, 4);
	KUNIT_EXPECT_TRUE(test, s.saw_dot && s.saw_dotdot && s.saw_x &&
			  s.saw_sub);
	s.count = 0;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s.ctx), 0);
	KUNIT_EXPECT_EQ(test, s.count, 0);
	fput(f);
}

static void vfs_pipe_basics(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	struct file *p[2];
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, pipe_make_files(p, O_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, kernel_read(p[0], ctx->buf, 8, &pos), -EAGAIN);
	KUNIT_EXPECT_EQ(test, kernel_write(p[1], "abcdef", 6, &pos), 6L);
	KUNIT_EXPECT_EQ(test, kernel_read(p[0], ctx->buf, 4, &pos), 4L);
	KUNIT_EXPECT_EQ(test, memcmp(ctx->buf, "abcd", 4), 0);
	KUNIT_EXPECT_EQ(test, vfs_llseek(p[0], 0, SEEK_SET), -ESPIPE);
	fput(p[1]);
	/* What is left, then end of file. */
	KUNIT_EXPECT_EQ(test, kernel_read(p[0], ctx->buf, 8, &pos), 2L);
	KUNIT_EXPECT_EQ(test, kernel_read(p[0], ctx->buf, 8, &pos), 0L);
	fput(p[0]);
	KUNIT_ASSERT_EQ(test, pipe_make_files(p, 0), 0);
	fput(p[0]);
	KUNIT_EXPECT_EQ(test, kernel_write(p[1], "x", 1, &pos), -EPIPE);
	fput(p[1]);
}

/* Fill a non-blocking pipe: 64 KiB go in, then -EAGAIN. */
static void vfs_pipe_capacity(struct kunit *test)
{
	struct file *p[2];
	char *chunk = kzalloc(4096, GFP_KERNEL);
	loff_t pos = 0;
	long total = 0, n;

	KUNIT_ASSERT_NOT_NULL(test, chunk);
	KUNIT_ASSERT_EQ(test, pipe_make_files(p, O_NONBLOCK), 0);
	while ((n = kernel_write(p[1], chunk, 4096, &pos)) > 0)
		total += n;
	KUNIT_EXPECT_EQ(test, n, (long)-EAGAIN);
	KUNIT_EXPECT_EQ(test, total, 65536L);
	KUNIT_EXPECT_EQ(test, kernel_read(p[0], chunk, 100, &pos), 100L);
	/* 100 bytes of room: a 4096-byte write is all or nothing. */
	KUNIT_EXPECT_EQ(test, kernel_write(p[1], chunk, 4096, &pos),
			(long)-EAGAIN);
	KUNIT_EXPECT_EQ(test, kernel_write(p[1], chunk, 8192, &pos), 100L);
	fput(p[0]);
	fput(p[1]);
	kfree(chunk);
}

/* What populate_rootfs() uses to give each cpio entry its attributes. */
static void vfs_init_helpers(struct kunit *test)
{
	struct kstat st;

	KUNIT_ASSERT_EQ(test, put_file("f", "x"), 0);
	KUNIT_EXPECT_EQ(test, init_chmod("f", 04711), 0);
	KUNIT_EXPECT_EQ(test, init_chown("f", 1000, 100, 0), 0);
	KUNIT_EXPECT_EQ(test, init_utimes("f", 1700000000), 0);
	KUNIT_ASSERT_EQ(test, stat_name("f", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)(S_IFREG | 04711));
	KUNIT_EXPECT_EQ(test, st.uid, 1000U);
	KUNIT_EXPECT_EQ(test, st.gid, 100U);
	KUNIT_EXPECT_EQ(test, st.mtime_ns, 1700000000ULL * NSEC_PER_SEC);
	KUNIT_EXPECT_EQ(test, init_chown("f", -1, 7, 0), 0);
	KUNIT_ASSERT_EQ(test, stat_name("f", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.uid, 1000U);
	KUNIT_EXPECT_EQ(test, st.gid, 7U);
	KUNIT_EXPECT_EQ(test, init_link("f", "g"), 0);
	KUNIT_ASSERT_EQ(test, stat_name("g", true, &st), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 2U);
	KUNIT_EXPECT_EQ(test, init_chmod("none", 0700), -ENOENT);
}

/* A removed working directory takes no new entries. */
static void vfs_removed_cwd(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, init_mkdir("gone", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_chdir("gone"), 0);
	KUNIT_ASSERT_EQ(test, init_rmdir("../gone"), 0);
	KUNIT_EXPECT_EQ(test, init_mkdir("x", 0755), -ENOENT);
	KUNIT_EXPECT_EQ(test, do_sys_openat(AT_FDCWD, "f", O_CREAT | O_RDWR,
					    0600), -ENOENT);
	KUNIT_EXPECT_EQ(test, do_getcwd(ctx->buf, PATH_MAX), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_chdir(".."), 0);
}

static void vfs_sendfile(struct kunit *test)
{
	struct vfs_test_ctx *ctx = test->priv;
	char *big = kmalloc(10000, GFP_KERNEL);
	int in, pfd[2], i;
	loff_t off = 9000;
	struct file *r;

	KUNIT_ASSERT_NOT_NULL(test, big);
	for (i = 0; i < 10000; i++)
		big[i] = 'a' + i % 26;
	big[9999] = '\0';
	KUNIT_ASSERT_EQ(test, put_file("src", big), 0);
	in = do_sys_openat(AT_FDCWD, "src", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, in, 0);
	KUNIT_ASSERT_EQ(test, do_pipe2(pfd, O_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, do_sendfile(pfd[1], in, NULL, 100000), 9999L);
	KUNIT_EXPECT_EQ(test, ksys_lseek(in, 0, SEEK_CUR), 9999LL);
	KUNIT_EXPECT_EQ(test, do_sendfile(pfd[1], in, &off, 5), 5L);
	KUNIT_EXPECT_EQ(test, off, 9005LL);
	KUNIT_EXPECT_EQ(test, do_sendfile(in, pfd[0], NULL, 5), -EBADF);
	KUNIT_EXPECT_EQ(test, do_sendfile(pfd[1], pfd[0], &off, 5), -ESPIPE);
	/* Advice is checked, then ignored. */
	KUNIT_EXPECT_EQ(test, vfs_fadvise(in, 0, 2), 0L);
	KUNIT_EXPECT_EQ(test, vfs_fadvise(in, 0, 9), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_fadvise(pfd[0], 0, 0), (long)-ESPIPE);
	KUNIT_EXPECT_EQ(test, vfs_fadvise(99, 0, 0), (long)-EBADF);
	r = fget(pfd[0]);
	KUNIT_ASSERT_NOT_NULL(test, r);
	off = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(r, ctx->buf, 26, &off), 26L);
	KUNIT_EXPECT_EQ(test, memcmp(ctx->buf, big, 26), 0);
	fput(r);
	kfree(big);
}

/* No file has extended attributes; the calls still check the file. */
static void vfs_xattrs(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, put_file("f", "x"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("nowhere", "dangling"), 0);
	KUNIT_EXPECT_EQ(test, vfs_xattr_path("f", true, XATTR_GET),
			(long)-ENODATA);
	KUNIT_EXPECT_EQ(test, vfs_xattr_path("f", true, XATTR_LIST), 0L);
	KUNIT_EXPECT_EQ(test, vfs_xattr_path("f", true, XATTR_SET),
			(long)-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, vfs_xattr_path("none", true, XATTR_GET),
			(long)-ENOENT);
	KUNIT_EXPECT_EQ(test, vfs_xattr_path("dangling", true, XATTR_GET),
			(long)-ENOENT);
	KUNIT_EXPECT_EQ(test, vfs_xattr_path("dangling", false, XATTR_GET),
			(long)-ENODATA);
}

struct stress_job {
	struct fs_struct *fs;
	int id;
	int errors;
	struct completion done;
};

/* One of four threads renaming, linking and removing in one directory. */
static int stress_thread(void *data)
{
	struct stress_job *job = data;
	char mine[32], dir[32];
	struct kstat st;
	int i, err;

	current->fs = job->fs;
	snprintf(mine, sizeof(mine), "t%d", job->id);
	snprintf(dir, sizeof(dir), "d%d", job->id);
	for (i = 0; i < 200; i++) {
		err = put_file(mine, "data");
		if (!err)
			err = do_renameat2(AT_FDCWD, mine, AT_FDCWD, "shared", 0);
		if (!err)
			err = do_linkat(AT_FDCWD, "shared", AT_FDCWD, mine, 0);
		/* Another thread may have replaced or removed "shared". */
		if (err == -ENOENT || err == -EEXIST)
			err = 0;
		if (!err)
			err = init_unlink(mine);
		if (err == -ENOENT)
			err = 0;
		if (!err)
			err = init_mkdir(dir, 0755);
		if (!err)
			err = stat_name("shared", true, &st);
		if (err == -ENOENT)
			err = 0;
		if (!err)
			err = init_rmdir(dir);
		if (err)
			job->errors++;
	}
	current->fs = NULL;
	complete(&job->done);
	return 0;
}

/* Four threads at once on one tmpfs; afterwards only the root is left. */
static void vfs_concurrent_changes(struct kunit *test)
{
	struct stress_job jobs[4];
	struct path path;
	struct inode *inode;
	int i, n = 0;

	KUNIT_ASSERT_EQ(test, init_mkdir("s", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mount("stress", "s", "tmpfs", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, init_chdir("s"), 0);
	for (i = 0; i < 4; i++) {
		jobs[i].fs = current->fs;
		jobs[i].id = i;
		jobs[i].errors = 0;
		init_completion(&jobs[i].done);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(stress_thread,
							    &jobs[i],
							    "vfs-stress")));
	}
	for (i = 0; i < 4; i++) {
		wait_for_completion(&jobs[i].done);
		KUNIT_EXPECT_EQ(test, jobs[i].errors, 0);
	}
	init_unlink("shared");
	KUNIT_ASSERT_EQ(test, kern_path(".", 0, &path), 0);
	spin_lock(&path.dentry->d_sb->s_inode_list_lock);
	list_for_each_entry(inode, &path.dentry->d_sb->s_inodes, i_sb_list)
		n++;
	spin_unlock(&path.dentry->d_sb->s_inode_list_lock);
	path_put(&path);
	KUNIT_EXPECT_EQ(test, n, 1);
	KUNIT_ASSERT_EQ(test, init_chdir(".."), 0);
	KUNIT_EXPECT_EQ(test, init_umount("s", 0), 0);
}

static struct kunit_case vfs_test_cases[] = {
	KUNIT_CASE(vfs_create_write_read),
	KUNIT_CASE(vfs_holes_and_truncate),
	KUNIT_CASE(vfs_walk_dots_and_errors),
	KUNIT_CASE(vfs_symlinks),
	KUNIT_CASE(vfs_unlink_rmdir),
	KUNIT_CASE(vfs_hard_links),
	KUNIT_CASE(vfs_rename),
	KUNIT_CASE(vfs_mounts),
	KUNIT_CASE(vfs_mount_stack_and_detach),
	KUNIT_CASE(vfs_chdir_chroot),
	KUNIT_CASE(vfs_fd_table),
	KUNIT_CASE(vfs_device_nodes),
	KUNIT_CASE(vfs_readdir),
	KUNIT_CASE(vfs_pipe_basics),
	KUNIT_CASE(vfs_pipe_capacity),
	KUNIT_CASE(vfs_init_helpers),
	KUNIT_CASE(vfs_removed_cwd),
	KUNIT_CASE(vfs_sendfile),
	KUNIT_CASE(vfs_xattrs),
	KUNIT_CASE(vfs_concurrent_changes),
	{}
};

static struct kunit_suite vfs_test_suite = {
	.name = "vfs",
	.init = vfs_test_init,
	.exit = vfs_test_exit,
	.test_cases = vfs_test_cases,
};

kunit_test_suite(vfs_test_suite);
