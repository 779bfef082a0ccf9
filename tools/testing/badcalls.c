// SPDX-License-Identifier: GPL-2.0
/*
 * badcalls: call system calls with bad pointers, lengths, descriptors
 * and flags, and check that each fails with Linux's errno while this
 * process lives on. Prints KTAP (version 1), one test per call:
 *   ok N name                  the call failed with the expected errno
 *   ok N name # SKIP ...       the kernel does not have the call (ENOSYS)
 *   not ok N name # got ...    anything else (success, another errno)
 * and exits 0 when no test failed. A kernel that kills the process or
 * crashes instead shows as KTAP output that stops before its plan ends.
 *
 * The calls are made with syscall(2), never through glibc's checking
 * wrappers. Built static by the Makefile (gcc -static).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Where Linux x86-64 maps its kernel text: never a user address. */
#define KADDR		((void *)0xffffffff81000000UL)
/* A canonical address just past user space's top. */
#define PAST_USER	((void *)0x0000800000000000UL)

struct bad_call {
	const char *name;
	long nr;
	long args[6];
	int want;		/* the errno Linux gives */
};

/* args[] values that are only known at run time */
enum {
	FD_FILE = -1001,	/* an open regular file */
	FD_DIR = -1002,		/* an open directory */
	FD_PIPE_R = -1003,
	FD_PIPE_W = -1004,
	BUF = -1005,		/* a valid 4 KiB buffer */
	UNMAPPED = -1006,	/* a page that was mapped and unmapped */
	IOV_KADDR = -1007,	/* one iovec pointing at KADDR */
	TS_BAD_NSEC = -1008,	/* a timespec with tv_nsec of 2 s */
	SIGACT = -1009,		/* a valid struct sigaction (kernel's) */
};

#define L(x)	((long)(x))

static const struct bad_call calls[] = {
	{ "read_null", SYS_read, { FD_FILE, 0, 16 }, EFAULT },
	{ "read_kernel_addr", SYS_read, { FD_FILE, L(KADDR), 16 }, EFAULT },
	{ "read_unmapped", SYS_read, { FD_FILE, UNMAPPED, 16 }, EFAULT },
	{ "read_past_user", SYS_read, { FD_FILE, L(PAST_USER) - 8, 16 },
	  EFAULT },
	{ "read_bad_fd", SYS_read, { -1, BUF, 16 }, EBADF },
	{ "read_closed_fd", SYS_read, { 1000, BUF, 16 }, EBADF },
	{ "read_directory", SYS_read, { FD_DIR, BUF, 16 }, EISDIR },
	{ "write_null", SYS_write, { FD_PIPE_W, 0, 16 }, EFAULT },
	{ "write_kernel_addr", SYS_write, { FD_PIPE_W, L(KADDR), 16 },
	  EFAULT },
	{ "write_huge_len", SYS_write, { FD_PIPE_W, BUF, -1 }, EFAULT },
	{ "write_read_only_fd", SYS_write, { FD_FILE, BUF, 1 }, EBADF },
	{ "writev_null_iov", SYS_writev, { FD_PIPE_W, 0, 1 }, EFAULT },
	{ "writev_kernel_iov_base", SYS_writev, { FD_PIPE_W, IOV_KADDR, 1 },
	  EFAULT },
	{ "writev_negative_count", SYS_writev, { FD_PIPE_W, IOV_KADDR, -1 },
	  EINVAL },
	{ "open_null", SYS_open, { 0, O_RDONLY }, EFAULT },
	{ "open_kernel_addr", SYS_open, { L(KADDR), O_RDONLY }, EFAULT },
	{ "open_unmapped", SYS_open, { UNMAPPED, O_RDONLY }, EFAULT },
	{ "open_missing", SYS_open, { L("/no/such/file"), O_RDONLY }, ENOENT },
	{ "open_dir_for_write", SYS_open, { L("/"), O_WRONLY }, EISDIR },
	{ "openat_bad_dirfd", SYS_openat, { -5, L("x"), O_RDONLY }, EBADF },
	{ "stat_null_buf", SYS_stat, { L("/"), 0 }, EFAULT },
	{ "stat_null_path", SYS_stat, { 0, BUF }, EFAULT },
	{ "stat_kernel_buf", SYS_stat, { L("/"), L(KADDR) }, EFAULT },
	{ "fstat_bad_fd", SYS_fstat, { -1, BUF }, EBADF },
	{ "close_bad_fd", SYS_close, { -1 }, EBADF },
	{ "dup2_bad_fd", SYS_dup2, { -1, 50 }, EBADF },
	{ "lseek_pipe", SYS_lseek, { FD_PIPE_R, 0, SEEK_SET }, ESPIPE },
	{ "lseek_bad_whence", SYS_lseek, { FD_FILE, 0, 99 }, EINVAL },
	{ "getdents64_not_dir", SYS_getdents64, { FD_FILE, BUF, 4096 },
	  ENOTDIR },
	{ "getdents64_null", SYS_getdents64, { FD_DIR, 0, 4096 }, EFAULT },
	{ "ioctl_bad_fd", SYS_ioctl, { -1, 0x5401, BUF }, EBADF },
	{ "ioctl_tcgets_on_file", SYS_ioctl, { FD_FILE, 0x5401, BUF },
	  ENOTTY },
	{ "pipe_null", SYS_pipe, { 0 }, EFAULT },
	{ "pipe2_bad_flags", SYS_pipe2, { BUF, 0x7fffffff }, EINVAL },
	{ "chdir_null", SYS_chdir, { 0 }, EFAULT },
	{ "chdir_file", SYS_chdir, { L("/etc/passwd") }, ENOTDIR },
	{ "chdir_missing", SYS_chdir, { L("/no/such/dir") }, ENOENT },
	{ "getcwd_small", SYS_getcwd, { BUF, 1 }, ERANGE },
	{ "getcwd_kernel_addr", SYS_getcwd, { L(KADDR), 4096 }, EFAULT },
	{ "readlink_not_link", SYS_readlink, { L("/"), BUF, 100 }, EINVAL },
	{ "unlink_kernel_addr", SYS_unlink, { L(KADDR) }, EFAULT },
	{ "mkdir_null", SYS_mkdir, { 0, 0755 }, EFAULT },
	{ "mmap_zero_len", SYS_mmap,
	  { 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0 }, EINVAL },
	{ "mmap_no_type", SYS_mmap,
	  { 0, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0 }, EINVAL },
	{ "mmap_fixed_kernel", SYS_mmap,
	  { L(KADDR), 4096, PROT_READ,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0 }, ENOMEM },
	{ "mmap_bad_fd", SYS_mmap,
	  { 0, 4096, PROT_READ, MAP_PRIVATE, -1, 0 }, EBADF },
	{ "mmap_unaligned_offset", SYS_mmap,
	  { 0, 4096, PROT_READ, MAP_PRIVATE, FD_FILE, 1 }, EINVAL },
	{ "munmap_unaligned", SYS_munmap, { 0x10001, 4096 }, EINVAL },
	{ "munmap_kernel_addr", SYS_munmap, { L(KADDR), 4096 }, EINVAL },
	{ "mprotect_unaligned", SYS_mprotect, { 0x10001, 4096, PROT_READ },
	  EINVAL },
	{ "mprotect_unmapped", SYS_mprotect, { UNMAPPED, 4096, PROT_READ },
	  ENOMEM },
	{ "uname_null", SYS_uname, { 0 }, EFAULT },
	{ "uname_kernel_addr", SYS_uname, { L(KADDR) }, EFAULT },
	{ "clock_gettime_null", SYS_clock_gettime, { CLOCK_MONOTONIC, 0 },
	  EFAULT },
	{ "clock_gettime_bad_clock", SYS_clock_gettime, { 100, BUF }, EINVAL },
	{ "nanosleep_null", SYS_nanosleep, { 0, 0 }, EFAULT },
	{ "nanosleep_bad_nsec", SYS_nanosleep, { TS_BAD_NSEC, 0 }, EINVAL },
	{ "gettimeofday_kernel_addr", SYS_gettimeofday, { L(KADDR), 0 },
	  EFAULT },
	{ "kill_no_such_pid", SYS_kill, { 0x3fffffff, 0 }, ESRCH },
	{ "kill_bad_signal", SYS_kill, { 1, 1000 }, EINVAL },
	{ "rt_sigaction_sigkill", SYS_rt_sigaction, { SIGKILL, SIGACT, 0, 8 },
	  EINVAL },
	{ "rt_sigaction_kernel_addr", SYS_rt_sigaction,
	  { SIGINT, L(KADDR), 0, 8 }, EFAULT },
	{ "rt_sigaction_bad_size", SYS_rt_sigaction, { SIGINT, SIGACT, 0, 4 },
	  EINVAL },
	{ "rt_sigprocmask_bad_how", SYS_rt_sigprocmask, { 99, BUF, 0, 8 },
	  EINVAL },
	{ "wait4_no_child", SYS_wait4, { -1, 0, 0, 0 }, ECHILD },
	{ "execve_null", SYS_execve, { 0, 0, 0 }, EFAULT },
	{ "execve_missing", SYS_execve, { L("/no/such/prog"), 0, 0 }, ENOENT },
	{ "getrandom_null", SYS_getrandom, { 0, 16, 0 }, EFAULT },
	{ "getrandom_bad_flags", SYS_getrandom, { BUF, 16, 0xff }, EINVAL },
	{ "futex_null", SYS_futex, { 0, 0 /* FUTEX_WAIT */, 0, 0 }, EFAULT },
	{ "prctl_set_name_null", SYS_prctl, { 15 /* PR_SET_NAME */, 0 },
	  EFAULT },
	{ "no_such_syscall", 1000, { 0 }, ENOSYS },
};

static long runtime_arg(long a, int *fds, void *buf, void *unmapped,
			void *iov, void *ts, void *act)
{
	switch (a) {
	case FD_FILE:
		return fds[0];
	case FD_DIR:
		return fds[1];
	case FD_PIPE_R:
		return fds[2];
	case FD_PIPE_W:
		return fds[3];
	case BUF:
		return (long)buf;
	case UNMAPPED:
		return (long)unmapped;
	case IOV_KADDR:
		return (long)iov;
	case TS_BAD_NSEC:
		return (long)ts;
	case SIGACT:
		return (long)act;
	}
	return a;
}

int main(void)
{
	static char buf[4096] __attribute__((aligned(4096)));
	static struct { void *base; size_t len; } iov = { KADDR, 16 };
	static struct timespec bad_ts = { 0, 2000000000L };
	static unsigned long act[4];	/* handler SIG_DFL, flags, restorer, mask */
	int fds[4], p[2], failed = 0;
	unsigned int i, n = sizeof(calls) / sizeof(calls[0]);
	void *unmapped;

	fds[0] = open("/etc/passwd", O_RDONLY);
	fds[1] = open("/", O_RDONLY | O_DIRECTORY);
	if (pipe(p)) {
		p[0] = -1;
		p[1] = -1;
	}
	fds[2] = p[0];
	fds[3] = p[1];
	unmapped = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (unmapped != MAP_FAILED)
		munmap(unmapped, 4096);

	printf("KTAP version 1\n1..%u\n", n);
	if (fds[0] < 0 || fds[1] < 0 || fds[2] < 0)
		printf("# setup: file %d dir %d pipe %d (errno %d)\n",
		       fds[0], fds[1], fds[2], errno);
	fflush(stdout);
	for (i = 0; i < n; i++) {
		const struct bad_call *c = &calls[i];
		long a[6], ret;
		int j, err;

		for (j = 0; j < 6; j++)
			a[j] = runtime_arg(c->args[j], fds, buf, unmapped,
					   &iov, &bad_ts, act);
		errno = 0;
		ret = syscall(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		err = errno;
		if (ret == -1 && err == c->want)
			printf("ok %u %s\n", i + 1, c->name);
		else if (ret == -1 && err == ENOSYS)
			printf("ok %u %s # SKIP system call %ld not implemented\n",
			       i + 1, c->name, c->nr);
		else if (ret == -1)
			printf("not ok %u %s # got errno %d (%s), want %d (%s)\n",
			       i + 1, c->name, err, strerror(err), c->want,
			       strerror(c->want));
		else
			printf("not ok %u %s # returned %ld, want errno %d (%s)\n",
			       i + 1, c->name, ret, c->want,
			       strerror(c->want));
		if (!(ret == -1 && (err == c->want || err == ENOSYS)))
			failed++;
		fflush(stdout);
	}
	printf("# badcalls: %u calls, %d failed, process alive\n", n, failed);
	return failed ? 1 : 0;
}
