// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for procfs mounted and read through the VFS: the system-wide
 * files, the writable host name, a task's directory, /proc/self, missing
 * pids, getdents of the root, and reading another address space.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/mm_struct.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include "../internal.h"
#include "internal.h"

#define PROCFS_TEST_BUF	32768

/* procfs on /proc, as user space mounts it; once for the suite. */
static int procfs_suite_init(struct kunit_suite *suite)
{
	struct path p;
	int err;

	init_mkdir("/proc", 0555);
	if (!kern_path("/proc/self", 0, &p)) {
		path_put(&p);
		return 0;		/* already mounted */
	}
	err = init_mount("proc", "/proc", "proc", 0, NULL);
	return err;
}

/* The whole file @name, NUL-terminated (kfree() it); or ERR_PTR. */
static char *read_file(const char *name, ssize_t *lenp)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	char *buf;
	loff_t pos = 0;
	ssize_t n, len = 0;

	if (IS_ERR(f))
		return ERR_PTR(PTR_ERR(f));
	buf = kmalloc(PROCFS_TEST_BUF, GFP_KERNEL);
	if (!buf) {
		fput(f);
		return ERR_PTR(-ENOMEM);
	}
	/* small reads, to see that pieces join up */
	while ((n = kernel_read(f, buf + len,
				min_t(size_t, 100, PROCFS_TEST_BUF - 1 - len),
				&pos)) > 0)
		len += n;
	fput(f);
	if (n < 0) {
		kfree(buf);
		return ERR_PTR(n);
	}
	buf[len] = '\0';
	if (lenp)
		*lenp = len;
	return buf;
}

static char *must_read(struct kunit *test, const char *name)
{
	char *text = read_file(name, NULL);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(text), "%s: %ld", name,
			       IS_ERR(text) ? PTR_ERR(text) : 0L);
	return text;
}

static void procfs_system_files(struct kunit *test)
{
	static const struct { const char *name, *prefix; } files[] = {
		{ "/proc/meminfo", "MemTotal:" },
		{ "/proc/cpuinfo", "processor\t: 0" },
		{ "/proc/stat", "cpu  " },
		{ "/proc/version", "Linux version " },
		{ "/proc/vmstat", "nr_free_pages " },
		{ "/proc/buddyinfo", "Node 0, zone " },
		{ "/proc/zoneinfo", "Node 0, zone " },
		{ "/proc/loadavg", "0.00 0.00 0.00 " },
		{ "/proc/sys/kernel/ostype", "Linux\n" },
		{ "/proc/sys/kernel/osrelease", "6.12.0" },
	};
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(files); i++) {
		char *text = must_read(test, files[i].name);

		KUNIT_EXPECT_TRUE_MSG(test, str_has_prefix(text, files[i].prefix),
				      "%s starts %.20s", files[i].name, text);
		kfree(text);
	}
}

/* The VFS's table of file system types lists procfs's and ours. */
static void procfs_vfs_tables(struct kunit *test)
{
	char *fs = must_read(test, "/proc/filesystems");

	KUNIT_EXPECT_NOT_NULL(test, strstr(fs, "nodev\tproc\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(fs, "nodev\tsysfs\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(fs, "nodev\tdevtmpfs\n"));
	kfree(fs);
}

static ssize_t write_file(const char *name, const char *text)
{
	struct file *f = filp_open(name, O_WRONLY | O_TRUNC, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, text, strlen(text), &pos);
	fput(f);
	return n;
}

/* A written host name is what uname and the file give back. */
static void procfs_hostname_write(struct kunit *test)
{
	struct new_utsname old, now;
	char *text;

	uts_get(&old);
	KUNIT_ASSERT_EQ(test, write_file("/proc/sys/kernel/hostname",
					 "tide-kunit\n"), 11L);
	uts_get(&now);
	KUNIT_EXPECT_STREQ(test, now.nodename, "tide-kunit");
	text = must_read(test, "/proc/sys/kernel/hostname");
	KUNIT_EXPECT_STREQ(test, text, "tide-kunit\n");
	kfree(text);
	/* 65 bytes do not fit */
	KUNIT_EXPECT_EQ(test, write_file("/proc/sys/kernel/hostname",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		(ssize_t)-EINVAL);
	/* read-only files refuse a writer at open */
	KUNIT_EXPECT_EQ(test, write_file("/proc/sys/kernel/ostype", "x"),
			(ssize_t)-EACCES);
	uts_set_hostname(old.nodename, strlen(old.nodename));
}

/*
 * What a kernel thread reads about itself: KUnit runs on the boot
 * context, which /proc does not list (pid 0), so a thread does the reads.
 */
struct procfs_probe {
	struct completion done;
	int pid;
	char comm[TASK_COMM_LEN];
	char *status, *stat, *comm_file, *cmdline, *task_status;
	char *self_stat, *thread_self_stat, *mounts, *self_mounts;
	int self_is_link, self_is_dir;
};

static char *read_or_null(const char *fmt, int a, int b)
{
	char name[64];
	char *text;

	snprintf(name, sizeof(name), fmt, a, b);
	text = read_file(name, NULL);
	return IS_ERR(text) ? NULL : text;
}

static int procfs_probe_fn(void *data)
{
	struct procfs_probe *pr = data;
	struct path p;

	pr->pid = current->pid;
	strscpy(pr->comm, current->comm, sizeof(pr->comm));
	pr->status = read_or_null("/proc/%d/status", pr->pid, 0);
	pr->stat = read_or_null("/proc/%d/stat", pr->pid, 0);
	pr->comm_file = read_or_null("/proc/%d/comm", pr->pid, 0);
	pr->cmdline = read_or_null("/proc/%d/cmdline", pr->pid, 0);
	pr->task_status = read_or_null("/proc/%d/task/%d/status", pr->pid,
				       pr->pid);
	pr->self_stat = read_or_null("/proc/self/stat", 0, 0);
	pr->thread_self_stat = read_or_null("/proc/thread-self/stat", 0, 0);
	pr->mounts = read_or_null("/proc/mounts", 0, 0);
	pr->self_mounts = read_or_null("/proc/self/mounts", 0, 0);
	if (!kern_path("/proc/self", LOOKUP_FOLLOW, &p)) {
		pr->self_is_dir = S_ISDIR(p.dentry->d_inode->i_mode);
		path_put(&p);
	}
	if (!kern_path("/proc/self", 0, &p)) {
		pr->self_is_link = S_ISLNK(p.dentry->d_inode->i_mode);
		path_put(&p);
	}
	complete(&pr->done);
	return 0;
}

static void procfs_probe_free(void *data)
{
	struct procfs_probe *pr = data;

	kfree(pr->status);
	kfree(pr->stat);
	kfree(pr->comm_file);
	kfree(pr->cmdline);
	kfree(pr->task_status);
	kfree(pr->self_stat);
	kfree(pr->thread_self_stat);
	kfree(pr->mounts);
	kfree(pr->self_mounts);
	kfree(pr);
}

static struct procfs_probe *procfs_probe(struct kunit *test)
{
	struct procfs_probe *pr = kzalloc(sizeof(*pr), GFP_KERNEL);
	struct task_struct *t;

	KUNIT_ASSERT_NOT_NULL(test, pr);
	init_completion(&pr->done);
	t = kthread_run(procfs_probe_fn, pr, "procfs-probe");
	if (IS_ERR(t))
		kfree(pr);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	wait_for_completion(&pr->done);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, procfs_probe_free, pr), 0);
	return pr;
}

/* A kernel thread's directory, as it reads it itself. */
static void procfs_pid_dir(struct kunit *test)
{
	struct procfs_probe *pr = procfs_probe(test);
	char want[64];

	KUNIT_ASSERT_NOT_NULL(test, pr->status);
	snprintf(want, sizeof(want), "Name:\t%s\n", pr->comm);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(pr->status, want));
	snprintf(want, sizeof(want), "\nPid:\t%d\n", pr->pid);
	KUNIT_EXPECT_NOT_NULL(test, strstr(pr->status, want));
	KUNIT_EXPECT_NOT_NULL(test, strstr(pr->status, "\nState:\tR (running)\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(pr->status, "\nKthread:\t1\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(pr->status, "\nCpus_allowed_list:\t"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(pr->status, "\nMems_allowed_list:\t0"));
	/* a kernel thread has no memory: no Vm lines, empty cmdline */
	KUNIT_EXPECT_NULL(test, strstr(pr->status, "VmRSS"));
	KUNIT_ASSERT_NOT_NULL(test, pr->cmdline);
	KUNIT_EXPECT_STREQ(test, pr->cmdline, "");
	KUNIT_ASSERT_NOT_NULL(test, pr->stat);
	snprintf(want, sizeof(want), "%d (%s) R ", pr->pid, pr->comm);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(pr->stat, want));
	KUNIT_ASSERT_NOT_NULL(test, pr->comm_file);
	snprintf(want, sizeof(want), "%s\n", pr->comm);
	KUNIT_EXPECT_STREQ(test, pr->comm_file, want);
	KUNIT_ASSERT_NOT_NULL(test, pr->task_status);
	KUNIT_EXPECT_STREQ(test, pr->task_status + strlen("Name:"),
			   pr->status + strlen("Name:"));
}

/* /proc/self and /proc/thread-self are the reader's; mounts goes there. */
static void procfs_self(struct kunit *test)
{
	struct procfs_probe *pr = procfs_probe(test);
	char want[32];

	snprintf(want, sizeof(want), "%d (", pr->pid);
	KUNIT_ASSERT_NOT_NULL(test, pr->self_stat);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(pr->self_stat, want));
	KUNIT_ASSERT_NOT_NULL(test, pr->thread_self_stat);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(pr->thread_self_stat, want));
	KUNIT_EXPECT_TRUE(test, pr->self_is_dir);
	KUNIT_EXPECT_TRUE(test, pr->self_is_link);
	KUNIT_ASSERT_NOT_NULL(test, pr->mounts);
	KUNIT_ASSERT_NOT_NULL(test, pr->self_mounts);
	KUNIT_EXPECT_NOT_NULL(test, strstr(pr->mounts, " /proc proc "));
	KUNIT_EXPECT_STREQ(test, pr->mounts, pr->self_mounts);
}

static void procfs_missing(struct kunit *test)
{
	struct file *f;

	f = filp_open("/proc/999999/status", O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), (long)-ENOENT);
	f = filp_open("/proc/0/status", O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), (long)-ENOENT);
	f = filp_open("/proc/01/status", O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), (long)-ENOENT);
	f = filp_open("/proc/nosuchfile", O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), (long)-ENOENT);
	/* nothing can be made in procfs */
	f = filp_open("/proc/newfile", O_WRONLY | O_CREAT, 0644);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), (long)-EACCES);
}

struct procfs_names {
	struct dir_context ctx;
	bool meminfo, self, pids, dots;
};

static bool procfs_name_seen(struct dir_context *ctx, const char *name,
			     int len, loff_t pos, u64 ino, unsigned int type)
{
	struct procfs_names *n = container_of(ctx, struct procfs_names, ctx);

	if (len == 7 && !strncmp(name, "meminfo", 7))
		n->meminfo = type == DT_REG && ino;
	if (len == 4 && !strncmp(name, "self", 4))
		n->self = type == DT_LNK;
	if (name[0] >= '1' && name[0] <= '9' && type == DT_DIR)
		n->pids = true;
	if (len == 2 && !strncmp(name, "..", 2))
		n->dots = true;
	return true;
}

/* getdents of /proc: the fixed files, the links, and the pids. */
static void procfs_readdir(struct kunit *test)
{
	struct procfs_names n = { .ctx.actor = procfs_name_seen };
	struct file *f = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &n.ctx), 0);
	fput(f);
	KUNIT_EXPECT_TRUE(test, n.dots);
	KUNIT_EXPECT_TRUE(test, n.meminfo);
	KUNIT_EXPECT_TRUE(test, n.self);
	/* kernel threads are listed, by pid */
	KUNIT_EXPECT_TRUE(test, n.pids);
}

static void procfs_test_mmput(void *mm)
{
	mmput(mm);
}

/* Bytes written into a page of an address space read back from outside. */
static void procfs_access_remote(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long flags;
	pgentry_t *pte;
	char got[16] = { };
	long addr;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, procfs_test_mmput, mm), 0);
	addr = vm_mmap_anon(mm, 0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS);
	KUNIT_ASSERT_GT(test, addr, 0L);
	KUNIT_ASSERT_EQ(test, handle_mm_fault(mm, addr, X86_PF_WRITE), 0);
	mmap_read_lock(mm);
	spin_lock_irqsave(&mm->page_table_lock, flags);
	pte = user_pte_lookup(mm, addr);
	KUNIT_ASSERT_TRUE(test, pte && pgentry_present(*pte));
	/* "argv" across the end of the first page: only its head is there */
	memcpy((char *)__va(pgentry_addr(*pte)) + PAGE_SIZE - 6, "a\0bc\0d", 6);
	spin_unlock_irqrestore(&mm->page_table_lock, flags);
	mmap_read_unlock(mm);
	KUNIT_EXPECT_EQ(test, proc_access_remote(mm, addr + PAGE_SIZE - 6, got,
						 10), 6);
	KUNIT_EXPECT_EQ(test, memcmp(got, "a\0bc\0d", 6), 0);
	/* the second page was never touched: nothing */
	KUNIT_EXPECT_EQ(test, proc_access_remote(mm, addr + PAGE_SIZE, got, 4), 0);
}

static struct kunit_case procfs_cases[] = {
	KUNIT_CASE(procfs_system_files),
	KUNIT_CASE(procfs_vfs_tables),
	KUNIT_CASE(procfs_hostname_write),
	KUNIT_CASE(procfs_pid_dir),
	KUNIT_CASE(procfs_self),
	KUNIT_CASE(procfs_missing),
	KUNIT_CASE(procfs_readdir),
	KUNIT_CASE(procfs_access_remote),
	{}
};

static struct kunit_suite procfs_suite = {
	.name = "procfs",
	.suite_init = procfs_suite_init,
	.test_cases = procfs_cases,
};
kunit_test_suite(procfs_suite);
