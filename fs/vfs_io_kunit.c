// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for what sleeps and what touches user memory: blocking pipe
 * reads and writes woken by another thread, poll and select with and
 * without timeouts, and the system call bodies on a user page (bad
 * pointers give -EFAULT; stat, statx and getdents64 lay their records
 * out as Linux does).
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/syscall.h>
#include <kunit/test.h>
#include <kunit/user_page.h>
#include "internal.h"

#define UBUF_VA		0x7ff00000UL

struct io_test_ctx {
	struct files_struct *old_files;
	struct fs_struct *old_fs;
	void *ukva;		/* kernel alias of the user page at UBUF_VA */
	bool mapped;
};

static int io_test_init(struct kunit *test)
{
	struct io_test_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	test->priv = ctx;
	ctx->old_files = current->files;
	ctx->old_fs = current->fs;
	current->files = files_alloc();
	current->fs = fs_alloc_root();
	if (!current->files || !current->fs)
		return -ENOMEM;
	return 0;
}

static void io_test_exit(struct kunit *test)
{
	struct io_test_ctx *ctx = test->priv;

	if (ctx->mapped)
		user_unmap_page(UBUF_VA);
	vfree(ctx->ukva);
	put_files_struct(current->files);
	put_fs_struct(current->fs);
	current->files = ctx->old_files;
	current->fs = ctx->old_fs;
	kfree(ctx);
}

/* A zeroed user page at UBUF_VA; returns its kernel alias. */
static u8 *map_user_page(struct kunit *test)
{
	struct io_test_ctx *ctx = test->priv;

	ctx->ukva = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, ctx->ukva);
	memset(ctx->ukva, 0, PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, user_map_page(UBUF_VA,
			kernel_virt_to_phys((unsigned long)ctx->ukva),
			PAGE_USER_RW), 0);
	ctx->mapped = true;
	return ctx->ukva;
}

struct pipe_job {
	struct file *file;
	char buf[8192];
	size_t len;
	ssize_t result;
	unsigned int delay_ms;
	struct completion done;
};

static int pipe_reader(void *data)
{
	struct pipe_job *job = data;
	loff_t pos = 0;

	job->result = kernel_read(job->file, job->buf, job->len, &pos);
	complete(&job->done);
	return 0;
}

static int pipe_writer(void *data)
{
	struct pipe_job *job = data;
	loff_t pos = 0;

	if (job->delay_ms)
		msleep(job->delay_ms);
	job->result = kernel_write(job->file, job->buf, job->len, &pos);
	complete(&job->done);
	return 0;
}

static struct pipe_job *start_job(struct kunit *test, int (*fn)(void *),
				  struct file *file, size_t len,
				  unsigned int delay_ms)
{
	struct pipe_job *job = kzalloc(sizeof(*job), GFP_KERNEL);
	struct task_struct *t;

	KUNIT_ASSERT_NOT_NULL(test, job);
	job->file = file;
	job->len = len;
	job->delay_ms = delay_ms;
	init_completion(&job->done);
	t = kthread_run(fn, job, "vfs-kunit-pipe");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	return job;
}

/* A reader sleeps on an empty pipe until a writer comes, then until the
 * last writer goes (end of file). */
static void pipe_read_blocks_until_write(struct kunit *test)
{
	struct file *p[2];
	struct pipe_job *job;
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, pipe_make_files(p, 0), 0);
	job = start_job(test, pipe_reader, p[0], 16, 0);
	msleep(20);
	KUNIT_EXPECT_FALSE(test, completion_done(&job->done));
	KUNIT_EXPECT_EQ(test, kernel_write(p[1], "wake", 4, &pos), 4L);
	wait_for_completion(&job->done);
	KUNIT_EXPECT_EQ(test, job->result, 4L);
	KUNIT_EXPECT_EQ(test, memcmp(job->buf, "wake", 4), 0);

	reinit_completion(&job->done);
	kthread_run(pipe_reader, job, "vfs-kunit-pipe");
	msleep(20);
	KUNIT_EXPECT_FALSE(test, completion_done(&job->done));
	fput(p[1]);
	wait_for_completion(&job->done);
	KUNIT_EXPECT_EQ(test, job->result, 0L);
	fput(p[0]);
	kfree(job);
}

/* A writer sleeps on a full pipe until a reader makes room. */
static void pipe_write_blocks_until_room(struct kunit *test)
{
	struct file *p[2];
	struct pipe_job *job;
	char *chunk = kzalloc(4096, GFP_KERNEL);
	loff_t pos = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, chunk);
	KUNIT_ASSERT_EQ(test, pipe_make_files(p, 0), 0);
	for (i = 0; i < 16; i++)
		KUNIT_ASSERT_EQ(test, kernel_write(p[1], chunk, 4096, &pos),
				4096L);
	job = start_job(test, pipe_writer, p[1], 4096, 0);
	msleep(20);
	KUNIT_EXPECT_FALSE(test, completion_done(&job->done));
	KUNIT_EXPECT_EQ(test, kernel_read(p[0], chunk, 4096, &pos), 4096L);
	wait_for_completion(&job->done);
	KUNIT_EXPECT_EQ(test, job->result, 4096L);
	/* With no reader left, a sleeping writer wakes to -EPIPE. */
	reinit_completion(&job->done);
	kthread_run(pipe_writer, job, "vfs-kunit-pipe");
	msleep(20);
	KUNIT_EXPECT_FALSE(test, completion_done(&job->done));
	fput(p[0]);
	wait_for_completion(&job->done);
	KUNIT_EXPECT_EQ(test, job->result, (long)-EPIPE);
	fput(p[1]);
	kfree(job);
	kfree(chunk);
}

static void poll_ready_and_timeout(struct kunit *test)
{
	struct kpollfd fds[3];
	int pfd[2];
	u64 t, start;
	loff_t pos = 0;
	struct file *w;

	KUNIT_ASSERT_EQ(test, do_pipe2(pfd, 0), 0);
	fds[0].fd = pfd[0];
	fds[0].events = EPOLLIN;
	fds[1].fd = pfd[1];
	fds[1].events = EPOLLOUT;
	fds[2].fd = 200;	/* not open */
	fds[2].events = EPOLLIN;
	t = 0;
	KUNIT_EXPECT_EQ(test, do_poll(fds, 3, &t), 2);
	KUNIT_EXPECT_EQ(test, fds[0].revents, 0);
	KUNIT_EXPECT_EQ(test, fds[1].revents, EPOLLOUT);
	KUNIT_EXPECT_EQ(test, fds[2].revents, EPOLLNVAL);
	/* Nothing to read: the timeout runs out. */
	t = 30 * NSEC_PER_MSEC;
	start = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, do_poll(fds, 1, &t), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 30 * NSEC_PER_MSEC);
	KUNIT_EXPECT_EQ(test, t, 0ULL);
	/* Data arrives: readable. */
	w = fget(pfd[1]);
	KUNIT_ASSERT_NOT_NULL(test, w);
	KUNIT_EXPECT_EQ(test, kernel_write(w, "z", 1, &pos), 1L);
	t = 0;
	KUNIT_EXPECT_EQ(test, do_poll(fds, 1, &t), 1);
	KUNIT_EXPECT_EQ(test, fds[0].revents, EPOLLIN);
	fput(w);
	/* The writer gone: hang-up, reported even if not asked for. */
	KUNIT_EXPECT_EQ(test, close_fd(pfd[1]), 0);
	fds[0].events = 0;
	KUNIT_EXPECT_EQ(test, do_poll(fds, 1, &t), 1);
	KUNIT_EXPECT_EQ(test, fds[0].revents, EPOLLHUP);
}

/* A poll with no timeout sleeps until another thread writes. */
static void poll_woken_by_writer(struct kunit *test)
{
	struct kpollfd fd;
	struct pipe_job *job;
	struct file *p[2];
	u64 t = U64_MAX;
	int r;

	KUNIT_ASSERT_EQ(test, pipe_make_files(p, 0), 0);
	r = fd_install_new(p[0], 0);
	KUNIT_ASSERT_GE(test, r, 0);
	job = start_job(test, pipe_writer, p[1], 3, 30);
	fd.fd = r;
	fd.events = EPOLLIN;
	KUNIT_EXPECT_EQ(test, do_poll(&fd, 1, &t), 1);
	KUNIT_EXPECT_EQ(test, fd.revents, EPOLLIN);
	wait_for_completion(&job->done);
	KUNIT_EXPECT_EQ(test, job->result, 3L);
	fput(p[1]);
	kfree(job);
}

static void select_sets(struct kunit *test)
{
	unsigned long in[1] = { 0 }, out[1] = { 0 };
	int pfd[2];
	u64 t = 0;

	KUNIT_ASSERT_EQ(test, do_pipe2(pfd, O_NONBLOCK), 0);
	in[0] = (1UL << pfd[0]);
	out[0] = (1UL << pfd[1]) | (1UL << pfd[0]);
	/* Only the write end is writable; the read end was asked both. */
	KUNIT_EXPECT_EQ(test, do_select(pfd[1] + 1, in, out, NULL, &t), 1);
	KUNIT_EXPECT_EQ(test, in[0], 0UL);
	KUNIT_EXPECT_EQ(test, out[0], (1UL << pfd[1]));
	in[0] = (1UL << 9);
	KUNIT_EXPECT_EQ(test, do_select(10, in, NULL, NULL, &t), -EBADF);
	t = 10 * NSEC_PER_MSEC;
	in[0] = (1UL << pfd[0]);
	KUNIT_EXPECT_EQ(test, do_select(pfd[0] + 1, in, NULL, NULL, &t), 0);
	KUNIT_EXPECT_EQ(test, in[0], 0UL);
}

/* The bodies of read, write, stat and getdents64 on user memory. */
static void syscalls_on_user_memory(struct kunit *test)
{
	u8 *page = map_user_page(test);
	char __user *ubuf = (char __user *)UBUF_VA;
	struct kstat st;
	int fd;
	u16 reclen;
	long n;

	KUNIT_ASSERT_EQ(test, init_mkdir("/kunit-vfs-io", 0755), 0);
	fd = do_sys_openat(AT_FDCWD, "/kunit-vfs-io/f", O_RDWR | O_CREAT, 0600);
	KUNIT_ASSERT_GE(test, fd, 0);
	memcpy(page, "from user", 9);
	KUNIT_EXPECT_EQ(test, ksys_write(fd, ubuf, 9), 9L);
	KUNIT_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_SET), 0LL);
	memset(page, 0, 16);
	KUNIT_EXPECT_EQ(test, ksys_read(fd, ubuf + 100, 64), 9L);
	KUNIT_EXPECT_EQ(test, memcmp(page + 100, "from user", 9), 0);
	/* Bad pointers: a kernel address, an unmapped user address. */
	KUNIT_EXPECT_EQ(test, ksys_read(fd, (char __user *)page, 4),
			(long)-EFAULT);
	KUNIT_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_SET), 0LL);
	KUNIT_EXPECT_EQ(test, ksys_read(fd, (char __user *)0x1000, 4),
			(long)-EFAULT);
	KUNIT_EXPECT_EQ(test, ksys_write(fd, (char __user *)0x1000, 4),
			(long)-EFAULT);
	KUNIT_EXPECT_EQ(test, ksys_read(99, ubuf, 4), (long)-EBADF);
	KUNIT_EXPECT_EQ(test, ksys_lseek(fd, -20, SEEK_END), (loff_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, ksys_lseek(fd, 2, SEEK_END), 11LL);

	/* struct stat at Linux's x86-64 offsets. */
	KUNIT_ASSERT_EQ(test, vfs_fstat(fd, &st), 0);
	stat_to_user_layout(&st, page);
	KUNIT_EXPECT_EQ(test, *(u64 *)(page + 8), st.ino);
	KUNIT_EXPECT_EQ(test, *(u64 *)(page + 16), 1ULL);	/* nlink */
	KUNIT_EXPECT_EQ(test, *(u32 *)(page + 24), (u32)(S_IFREG | 0600));
	KUNIT_EXPECT_EQ(test, *(s64 *)(page + 48), 9LL);	/* size */
	KUNIT_EXPECT_EQ(test, *(s64 *)(page + 56), (s64)PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, *(s64 *)(page + 64), 8LL);	/* blocks */
	KUNIT_EXPECT_EQ(test, *(u64 *)(page + 88),
			st.mtime_ns / NSEC_PER_SEC);
	statx_to_user_layout(&st, page);
	KUNIT_EXPECT_EQ(test, *(u16 *)(page + 28), (u16)(S_IFREG | 0600));
	KUNIT_EXPECT_EQ(test, *(u64 *)(page + 32), st.ino);
	KUNIT_EXPECT_EQ(test, *(u64 *)(page + 40), 9ULL);
	KUNIT_EXPECT_EQ(test, *(u32 *)(page + 136), MAJOR(st.dev));
	KUNIT_EXPECT_EQ(test, close_fd(fd), 0);

	/* getdents64: ".", "..", "f", each record 8-byte aligned. */
	fd = do_sys_openat(AT_FDCWD, "/kunit-vfs-io", O_RDONLY | O_DIRECTORY,
			   0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, ksys_getdents64(fd, ubuf, 10), -EINVAL);
	n = ksys_getdents64(fd, ubuf, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, n, 72L);	/* 24 + 24 + 24 */
	reclen = *(u16 *)(page + 16);
	KUNIT_EXPECT_EQ(test, reclen, 24);
	KUNIT_EXPECT_EQ(test, page[18], (u8)DT_DIR);
	KUNIT_EXPECT_STREQ(test, (char *)page + 19, ".");
	KUNIT_EXPECT_STREQ(test, (char *)page + 48 + 19, "f");
	KUNIT_EXPECT_EQ(test, page[48 + 18], (u8)DT_REG);
	KUNIT_EXPECT_EQ(test, ksys_getdents64(fd, ubuf, PAGE_SIZE), 0L);
	KUNIT_EXPECT_EQ(test, ksys_getdents64(fd, (void __user *)page, 64),
			(long)-EFAULT);
	KUNIT_EXPECT_EQ(test, close_fd(fd), 0);
	KUNIT_EXPECT_EQ(test, init_unlink("/kunit-vfs-io/f"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir("/kunit-vfs-io"), 0);
}

/* A pipe's name, as /proc/PID/fd shows it; lseek on it and on a device
 * without llseek. */
static void pipe_name_and_seek(struct kunit *test)
{
	struct file *p[2];
	char buf[64];
	char *name;

	KUNIT_ASSERT_EQ(test, pipe_make_files(p, 0), 0);
	name = d_path(&p[0]->f_path, buf, sizeof(buf));
	KUNIT_ASSERT_FALSE(test, IS_ERR(name));
	KUNIT_EXPECT_TRUE(test, str_has_prefix(name, "pipe:["));
	KUNIT_EXPECT_EQ(test, vfs_llseek(p[1], 0, SEEK_CUR), (loff_t)-ESPIPE);
	fput(p[0]);
	fput(p[1]);
}

#define UCODE_VA	0x400000UL
#define UDATA_VA	0x7fff0000UL

/*
 * Ring 3, with no descriptor needed (the task user_mode_run() makes may
 * have no table): r = mkdirat(AT_FDCWD, data + 0, 0755);
 * exit(r + newfstatat(AT_FDCWD, data + 0, data + 0x200,
 * AT_SYMLINK_NOFOLLOW)).
 */
static const u8 prog_mkdir_stat[] = {
	0xb8, 0x02, 0x01, 0x00, 0x00,		/* mov $258, %eax */
	0x48, 0xc7, 0xc7, 0x9c, 0xff, 0xff, 0xff, /* mov $-100, %rdi */
	0xbe, 0x00, 0x00, 0xff, 0x7f,		/* mov $0x7fff0000, %esi */
	0xba, 0xed, 0x01, 0x00, 0x00,		/* mov $0755, %edx */
	0x0f, 0x05,				/* syscall */
	0x49, 0x89, 0xc4,			/* mov %rax, %r12 */
	0xb8, 0x06, 0x01, 0x00, 0x00,		/* mov $262, %eax */
	0x48, 0xc7, 0xc7, 0x9c, 0xff, 0xff, 0xff, /* mov $-100, %rdi */
	0xbe, 0x00, 0x00, 0xff, 0x7f,		/* mov $0x7fff0000, %esi */
	0xba, 0x00, 0x02, 0xff, 0x7f,		/* mov $0x7fff0200, %edx */
	0x41, 0xba, 0x00, 0x01, 0x00, 0x00,	/* mov $0x100, %r10d */
	0x0f, 0x05,				/* syscall */
	0x4c, 0x01, 0xe0,			/* add %r12, %rax */
	0x48, 0x89, 0xc7,			/* mov %rax, %rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/* The calls through SYSCALL itself: numbers and argument registers. */
static void syscalls_from_ring3(struct kunit *test)
{
	u8 *code = kunit_user_page(test, UCODE_VA, PAGE_USER_RX);
	u8 *data = kunit_user_page(test, UDATA_VA, PAGE_USER_RW);

	memcpy(code, prog_mkdir_stat, sizeof(prog_mkdir_stat));
	strscpy((char *)data, "/kunit-vfs-ring3", 64);
	KUNIT_EXPECT_EQ(test, user_mode_run(UCODE_VA, UDATA_VA + PAGE_SIZE),
			0L);
	KUNIT_EXPECT_EQ(test, *(u32 *)(data + 0x200 + 24),
			(u32)(S_IFDIR | 0755));
	KUNIT_EXPECT_EQ(test, *(u64 *)(data + 0x200 + 16), 2ULL);
	/* Again: mkdirat says -EEXIST, the stat still works. */
	KUNIT_EXPECT_EQ(test, user_mode_run(UCODE_VA, UDATA_VA + PAGE_SIZE),
			(long)-EEXIST);
	KUNIT_EXPECT_EQ(test, init_rmdir("/kunit-vfs-ring3"), 0);
	/* A name of PATH_MAX bytes without a NUL, through the entry. */
	memset(data, 'a', PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, user_mode_run(UCODE_VA, UDATA_VA + PAGE_SIZE),
			(long)-ENAMETOOLONG * 2);
}

static struct kunit_case vfs_io_test_cases[] = {
	KUNIT_CASE(pipe_read_blocks_until_write),
	KUNIT_CASE(pipe_write_blocks_until_room),
	KUNIT_CASE(poll_ready_and_timeout),
	KUNIT_CASE(poll_woken_by_writer),
	KUNIT_CASE(select_sets),
	KUNIT_CASE(syscalls_on_user_memory),
	KUNIT_CASE(pipe_name_and_seek),
	KUNIT_CASE(syscalls_from_ring3),
	{}
};

static struct kunit_suite vfs_io_test_suite = {
	.name = "vfs_io",
	.init = io_test_init,
	.exit = io_test_exit,
	.test_cases = vfs_io_test_cases,
};

kunit_test_suite(vfs_io_test_suite);
