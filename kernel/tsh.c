// SPDX-License-Identifier: GPL-2.0
/*
 * tsh: a small shell on the serial console, in a kernel thread, until Tide
 * runs a user space: help, cd, pwd, ls, cat, echo with '>', free, dmesg and
 * poweroff, any of them under `time`, over the VFS entry points
 * (vfs_open/vfs_read/vfs_write).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/console.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/time.h>
#include <linux/tsh.h>
#include <linux/tty.h>

#define TSH_PROMPT	"tide# "
#define TSH_LINE_MAX	256
#define TSH_PATH_MAX	512
#define TSH_ARGS_MAX	16
#define TSH_TIME_DEPTH	8	/* "time time ... cmd": at most this many */
#define TSH_OUT_MAX	4096	/* what a command may send to a '>' file */
#define TSH_POLL_MS	10	/* sleep between polls of an idle console */
#define TSH_BURST_MS	50	/* poll without sleeping this long after a key */

static bool tsh_enabled = true;

static int __init tsh_setup(char *val)
{
	if (!val)
		val = "1";
	return kstrtobool(val, &tsh_enabled);
}
early_param("tide.shell", tsh_setup);

/* The shell's state; only the shell thread touches it. */
struct tsh {
	struct console *con;
	struct tty_struct *tty;	/* the console's terminal, read raw, or NULL */
	char line[TSH_LINE_MAX];
	char cwd[TSH_PATH_MAX];
	char path[TSH_PATH_MAX];
	int status;		/* of the last command, for $? */
	char *out;		/* a '>' redirection collects output here */
	size_t out_len;
};

static void tsh_write(struct tsh *sh, const char *s, size_t n)
{
	if (sh->out) {
		n = min(n, TSH_OUT_MAX - sh->out_len);
		memcpy(sh->out + sh->out_len, s, n);
		sh->out_len += n;
		return;
	}
	console_write(sh->con, s, n);
}

static __printf(2, 3) void tsh_printf(struct tsh *sh, const char *fmt, ...)
{
	char buf[256];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	tsh_write(sh, buf, min_t(int, n, sizeof(buf) - 1));
}

/* Error messages always reach the console, as stderr would. */
static __printf(2, 3) void tsh_err(struct tsh *sh, const char *fmt, ...)
{
	char buf[256];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_write(sh->con, buf, min_t(int, n, sizeof(buf) - 1));
}

/* The C library's message for an errno, as bash prints it. */
static const char *tsh_strerror(int err)
{
	static char unknown[32];

	switch (err < 0 ? -err : err) {
	case EPERM:		return "Operation not permitted";
	case ENOENT:		return "No such file or directory";
	case EINTR:		return "Interrupted system call";
	case EIO:		return "Input/output error";
	case ENXIO:		return "No such device or address";
	case E2BIG:		return "Argument list too long";
	case EBADF:		return "Bad file descriptor";
	case EAGAIN:		return "Resource temporarily unavailable";
	case ENOMEM:		return "Cannot allocate memory";
	case EACCES:		return "Permission denied";
	case EFAULT:		return "Bad address";
	case EBUSY:		return "Device or resource busy";
	case EEXIST:		return "File exists";
	case ENODEV:		return "No such device";
	case ENOTDIR:		return "Not a directory";
	case EISDIR:		return "Is a directory";
	case EINVAL:		return "Invalid argument";
	case ENOSPC:		return "No space left on device";
	case ERANGE:		return "Numerical result out of range";
	case ENAMETOOLONG:	return "File name too long";
	case ENOSYS:		return "Function not implemented";
	case ETIME:		return "Timer expired";
	case ETIMEDOUT:		return "Connection timed out";
	}
	snprintf(unknown, sizeof(unknown), "Unknown error %d",
		 err < 0 ? -err : err);
	return unknown;
}

/* @name made absolute against the current directory, in sh->path. */
static const char *tsh_abspath(struct tsh *sh, const char *name)
{
	if (name[0] == '/')
		strscpy(sh->path, name, sizeof(sh->path));
	else
		snprintf(sh->path, sizeof(sh->path), "%s/%s",
			 strcmp(sh->cwd, "/") ? sh->cwd : "", name);
	return sh->path;
}

/* ---- ls ---- */

struct tsh_ls {
	char *names;		/* NUL-separated */
	size_t len, size;
	unsigned int count, widest;
	u8 *types;
};

static int tsh_ls_fill(void *ctx, const char *name, unsigned int type)
{
	struct tsh_ls *ls = ctx;
	size_t n = strlen(name) + 1;

	if (ls->len + n > ls->size || ls->count >= ls->size / 2)
		return -ENOMEM;
	memcpy(ls->names + ls->len, name, n);
	ls->types[ls->count++] = type;
	ls->len += n;
	ls->widest = max_t(unsigned int, ls->widest, n - 1);
	return 0;
}

static const char *tsh_mode_str(unsigned int type, umode_t mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = type == VFS_DT_DIR ? 'd' : type == VFS_DT_LNK ? 'l' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	s[10] = '\0';
	return s;
}

static void tsh_ls_long(struct tsh *sh, const char *dir, const char *name,
			unsigned int type)
{
	char full[TSH_PATH_MAX], target[TSH_PATH_MAX], mode[11];
	struct vfs_stat st = { .type = type, .mode = 0 };

	snprintf(full, sizeof(full), "%s/%s", dir, name);
	vfs_stat_path(full, false, &st);
	tsh_printf(sh, "%s %s", tsh_mode_str(st.type, st.mode, mode), name);
	if (st.type == VFS_DT_LNK && vfs_readlink_path(full, target,
						       sizeof(target)) >= 0)
		tsh_printf(sh, " -> %s", target);
	tsh_printf(sh, "\n");
}

static int tsh_ls_one(struct tsh *sh, const char *arg, bool lng)
{
	const char *path = tsh_abspath(sh, arg);
	struct tsh_ls ls = { .size = 32768 };
	unsigned int i, cols, col = 0;
	struct vfs_stat st;
	const char *name;
	char mode[11];
	int err;

	err = vfs_stat_path(path, true, &st);
	if (err) {
		tsh_err(sh, "ls: cannot access '%s': %s\n", arg,
			tsh_strerror(err));
		return 2;
	}
	if (st.type != VFS_DT_DIR) {
		if (lng)
			tsh_printf(sh, "%s %s\n",
				   tsh_mode_str(st.type, st.mode, mode), arg);
		else
			tsh_printf(sh, "%s\n", arg);
		return 0;
	}
	ls.names = kmalloc(ls.size, GFP_KERNEL);
	ls.types = kmalloc(ls.size / 2, GFP_KERNEL);
	if (!ls.names || !ls.types) {
		err = -ENOMEM;
		goto out;
	}
	err = vfs_readdir_path(path, tsh_ls_fill, &ls);
	if (err)
		goto out;
	cols = max(1u, 80 / (ls.widest + 2));
	for (i = 0, name = ls.names; i < ls.count;
	     i++, name += strlen(name) + 1) {
		if (lng) {
			tsh_ls_long(sh, path, name, ls.types[i]);
			continue;
		}
		if (++col == cols || i + 1 == ls.count) {
			tsh_printf(sh, "%s\n", name);
			col = 0;
		} else {
			tsh_printf(sh, "%-*s", ls.widest + 2, name);
		}
	}
out:
	kfree(ls.names);
	kfree(ls.types);
	if (err) {
		tsh_err(sh, "ls: cannot open directory '%s': %s\n", arg,
			tsh_strerror(err));
		return 2;
	}
	return 0;
}

static int tsh_ls(struct tsh *sh, int argc, char **argv)
{
	bool lng = false;
	int i, first = 1, ret = 0, nargs;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		lng = true;
		first = 2;
	}
	nargs = argc - first;
	if (!nargs)
		return tsh_ls_one(sh, ".", lng);
	for (i = first; i < argc; i++) {
		if (nargs > 1)
			tsh_printf(sh, "%s%s:\n", i > first ? "\n" : "", argv[i]);
		ret = max(ret, tsh_ls_one(sh, argv[i], lng));
	}
	return ret;
}

/* ---- the other commands ---- */

static int tsh_cat(struct tsh *sh, int argc, char **argv)
{
	struct vfs_file *f;
	char buf[512];
	ssize_t n;
	int i, ret = 0;

	for (i = 1; i < argc; i++) {
		n = vfs_open(tsh_abspath(sh, argv[i]), O_RDONLY, &f);
		if (!n) {
			while ((n = vfs_read(f, buf, sizeof(buf))) > 0)
				tsh_write(sh, buf, n);
			vfs_close(f);
		}
		if (n < 0) {
			tsh_err(sh, "cat: %s: %s\n", argv[i], tsh_strerror(n));
			ret = 1;
		}
	}
	return ret;
}

static int tsh_echo(struct tsh *sh, int argc, char **argv)
{
	bool newline = true;
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		i++;
	}
	for (; i < argc; i++) {
		if (!strcmp(argv[i], "$?"))
			tsh_printf(sh, "%d", sh->status);
		else
			tsh_printf(sh, "%s", argv[i]);
		if (i + 1 < argc)
			tsh_write(sh, " ", 1);
	}
	if (newline)
		tsh_write(sh, "\n", 1);
	return 0;
}

static int tsh_cd(struct tsh *sh, int argc, char **argv)
{
	struct vfs_stat st;
	const char *path;
	int err;

	path = tsh_abspath(sh, argc > 1 ? argv[1] : "/");
	err = vfs_stat_path(path, true, &st);
	if (!err && st.type != VFS_DT_DIR)
		err = -ENOTDIR;
	if (err) {
		tsh_err(sh, "cd: %s: %s\n", argv[1], tsh_strerror(err));
		return 1;
	}
	/* keep it short: drop "//", "/." and resolve ".." textually */
	{
		char out[TSH_PATH_MAX] = "";
		const char *p = path;
		size_t len = 0;

		while (*p) {
			const char *end;
			size_t n;

			while (*p == '/')
				p++;
			end = strchr(p, '/');
			n = end ? (size_t)(end - p) : strlen(p);
			if (!n || (n == 1 && p[0] == '.')) {
				/* nothing */
			} else if (n == 2 && p[0] == '.' && p[1] == '.') {
				while (len && out[len - 1] != '/')
					len--;
				if (len)
					len--;
			} else if (len + n + 2 < sizeof(out)) {
				out[len++] = '/';
				memcpy(out + len, p, n);
				len += n;
			}
			out[len] = '\0';
			p += n;
		}
		strscpy(sh->cwd, len ? out : "/", sizeof(sh->cwd));
	}
	return 0;
}

static int tsh_pwd(struct tsh *sh, int argc, char **argv)
{
	tsh_printf(sh, "%s\n", sh->cwd);
	return 0;
}

/* procps free: KiB by default, -m MiB, -g GiB, -b bytes, -k KiB. */
static int tsh_free(struct tsh *sh, int argc, char **argv)
{
	unsigned long long total, freeb, used;
	unsigned int shift = 10;

	if (argc > 1) {
		if (!strcmp(argv[1], "-b"))
			shift = 0;
		else if (!strcmp(argv[1], "-k"))
			shift = 10;
		else if (!strcmp(argv[1], "-m"))
			shift = 20;
		else if (!strcmp(argv[1], "-g"))
			shift = 30;
		else {
			tsh_err(sh, "free: invalid option -- '%s'\n", argv[1]);
			return 1;
		}
	}
	total = (unsigned long long)totalram_pages() << PAGE_SHIFT;
	freeb = (unsigned long long)nr_free_pages() << PAGE_SHIFT;
	used = total > freeb ? total - freeb : 0;
	tsh_printf(sh, "               total        used        free      shared  buff/cache   available\n");
	tsh_printf(sh, "%-9s%11llu %11llu %11llu %11llu %11llu %11llu\n", "Mem:",
		   total >> shift, used >> shift, freeb >> shift, 0ULL, 0ULL,
		   freeb >> shift);
	tsh_printf(sh, "%-9s%11llu %11llu %11llu\n", "Swap:", 0ULL, 0ULL, 0ULL);
	return 0;
}

static int tsh_dmesg(struct tsh *sh, int argc, char **argv)
{
	size_t size = 1UL << CONFIG_LOG_BUF_SHIFT, n, i;
	char *buf = kmalloc(size, GFP_KERNEL);

	if (!buf) {
		tsh_err(sh, "dmesg: %s\n", tsh_strerror(-ENOMEM));
		return 1;
	}
	n = log_buf_copy(buf, size);
	for (i = 0; i < n; i += 512)
		tsh_write(sh, buf + i, min_t(size_t, 512, n - i));
	if (n && buf[n - 1] != '\n')
		tsh_write(sh, "\n", 1);
	kfree(buf);
	return 0;
}

static int tsh_poweroff(struct tsh *sh, int argc, char **argv)
{
	tsh_printf(sh, "Powering off.\n");
	machine_power_off();
}

static int tsh_help(struct tsh *sh, int argc, char **argv);

static const struct tsh_cmd {
	const char *name;
	int (*fn)(struct tsh *sh, int argc, char **argv);
	const char *usage;
} tsh_cmds[] = {
	{ "help", tsh_help, "help                 this list" },
	{ "cd", tsh_cd, "cd [dir]             change directory (default /)" },
	{ "pwd", tsh_pwd, "pwd                  print the current directory" },
	{ "ls", tsh_ls, "ls [-l] [path...]    list directories" },
	{ "cat", tsh_cat, "cat file...          print files" },
	{ "echo", tsh_echo, "echo [-n] text       print text ($? = last status)" },
	{ "free", tsh_free, "free [-b|-k|-m|-g]   memory in use and free" },
	{ "dmesg", tsh_dmesg, "dmesg                the kernel log" },
	{ "poweroff", tsh_poweroff, "poweroff             power the machine off" },
};

static int tsh_help(struct tsh *sh, int argc, char **argv)
{
	unsigned int i;

	tsh_printf(sh, "Tide shell. Any command's output can go to a file: "
		   "cmd > file\n");
	tsh_printf(sh, "  time cmd...          run cmd, print its time in us\n");
	for (i = 0; i < ARRAY_SIZE(tsh_cmds); i++)
		tsh_printf(sh, "  %s\n", tsh_cmds[i].usage);
	return 0;
}

/*
 * Splits @line into words in @words (NUL-separated, as long as @line):
 * blanks separate words, '...' and "..." quote, "> file" or ">> file"
 * names the redirection. Return: the word count, or -EINVAL/-E2BIG.
 */
static int tsh_split(const char *line, char *words, char **argv,
		     char **redirect)
{
	bool in_word = false, want_redir = false;
	char quote = 0, *o = words;
	int argc = 0;

	*redirect = NULL;
	for (;; line++) {
		char c = *line;
		bool blank = !quote && (c == ' ' || c == '\t' || !c);

		if (in_word && (blank || (!quote && c == '>'))) {
			*o++ = '\0';
			in_word = false;
		}
		if (!c)
			break;
		if (blank)
			continue;
		if (!quote && c == '>') {
			if (want_redir && line[-1] != '>')
				return -EINVAL;
			want_redir = true;
			continue;
		}
		if (!in_word) {
			in_word = true;
			if (want_redir) {
				if (*redirect)
					return -EINVAL;
				*redirect = o;
				want_redir = false;
			} else if (argc < TSH_ARGS_MAX) {
				argv[argc++] = o;
			} else {
				return -E2BIG;
			}
		}
		if (quote && c == quote)
			quote = 0;
		else if (!quote && (c == '\'' || c == '"'))
			quote = c;
		else
			*o++ = c;
	}
	if (quote || want_redir)
		return -EINVAL;
	return argc;
}

/*
 * Runs one command line; @depth is how many "time"s enclose it. Each
 * level takes about 1 KiB of the shell thread's 16 KiB stack, so nesting
 * is bounded rather than left to overflow the stack.
 */
static void tsh_run(struct tsh *sh, char *line, unsigned int depth)
{
	char *argv[TSH_ARGS_MAX], *redirect, rpath[TSH_PATH_MAX];
	char words[TSH_LINE_MAX + 1];
	const struct tsh_cmd *cmd = NULL;
	struct vfs_file *f = NULL;
	unsigned int i;
	int argc, err;

	argc = tsh_split(line, words, argv, &redirect);
	if (argc < 0) {
		tsh_err(sh, "tsh: syntax error\n");
		sh->status = 2;
		return;
	}
	if (!argc)
		return;
	/*
	 * "time cmd..." times cmd, its '>' file's open and close included,
	 * and prints the time where stderr would go, as sh's time does.
	 */
	if (argc > 1 && !strcmp(argv[0], "time")) {
		u64 t0 = ktime_get_ns();

		if (depth >= TSH_TIME_DEPTH) {
			tsh_err(sh, "tsh: time: nested more than %d deep\n",
				TSH_TIME_DEPTH);
			sh->status = 2;
			return;
		}
		while (*line == ' ' || *line == '\t')
			line++;
		tsh_run(sh, line + strlen("time"), depth + 1);
		tsh_err(sh, "real %llu us\n", (ktime_get_ns() - t0) / 1000);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(tsh_cmds); i++)
		if (!strcmp(argv[0], tsh_cmds[i].name))
			cmd = &tsh_cmds[i];
	if (!cmd) {
		tsh_err(sh, "tsh: %s: command not found\n", argv[0]);
		sh->status = 127;
		return;
	}
	if (redirect) {
		/* like the shell: open first, fail before the command runs */
		strscpy(rpath, tsh_abspath(sh, redirect), sizeof(rpath));
		err = vfs_open(rpath, O_WRONLY | O_CREAT | O_TRUNC, &f);
		if (err) {
			tsh_err(sh, "tsh: %s: %s\n", redirect,
				tsh_strerror(err));
			sh->status = 1;
			return;
		}
		sh->out = kmalloc(TSH_OUT_MAX, GFP_KERNEL);
		sh->out_len = 0;
		if (!sh->out) {
			vfs_close(f);
			tsh_err(sh, "tsh: %s\n", tsh_strerror(-ENOMEM));
			sh->status = 1;
			return;
		}
	}
	sh->status = cmd->fn(sh, argc, argv);
	if (redirect) {
		ssize_t n = sh->out_len ? vfs_write(f, sh->out, sh->out_len) : 0;

		kfree(sh->out);
		sh->out = NULL;
		vfs_close(f);
		if (n < 0) {
			tsh_err(sh, "%s: write error: %s\n", argv[0],
				tsh_strerror(n));
			sh->status = 1;
		}
	}
}

/*
 * When a process already has the console's terminal open (pid 1 that
 * found no program to run keeps it), the terminal's interrupt takes the
 * input and polling the console would see none: the shell then reads
 * the terminal too, without line editing, echo or signal characters (it
 * does its own). Otherwise it polls the console as it always did.
 */
static struct tty_struct *tsh_open_tty(void)
{
	struct tty_struct *tty = tty_console();
	struct termios t;

	if (!tty || !tty_in_use(tty) || tty_kernel_open(tty))
		return NULL;
	tty_mode_ioctl(tty, TCGETS, 0, &t);
	t.c_iflag &= ~(ICRNL | IXON);
	t.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tty_mode_ioctl(tty, TCSETS, 0, &t);
	return tty;
}

/*
 * The next character typed, from the terminal when the shell reads it.
 * Otherwise the console is polled. The UART holds only 16: when a line
 * arrives faster than that (pasted, or sent by a test), sleeping 10 ms
 * between polls would let each refill wait that long, so for a while
 * after each character the console is polled with only a yield between
 * reads.
 */
static int tsh_getc(struct tsh *sh)
{
	unsigned long burst_end = jiffies + msecs_to_jiffies(TSH_BURST_MS);
	int c;
	u8 b;

	while (sh->tty) {
		if (tty_kernel_read(sh->tty, &b, 1, false) == 1)
			return b;
		msleep(TSH_POLL_MS);	/* not expected: no signals here */
	}
	while ((c = sh->con->read(sh->con)) < 0) {
		if (time_before(jiffies, burst_end))
			cond_resched();
		else
			msleep(TSH_POLL_MS);
	}
	return c;
}

/* Reads one line, echoing it; "\r", "\n" and "\r\n" all end it. */
static void tsh_readline(struct tsh *sh)
{
	static bool last_cr;
	size_t len = 0;
	int c;

	for (;;) {
		c = tsh_getc(sh);
		if (c == '\n' && last_cr) {
			last_cr = false;
			continue;
		}
		last_cr = c == '\r';
		if (c == '\r' || c == '\n') {
			console_write(sh->con, "\n", 1);
			break;
		}
		if (c == 0x7f || c == '\b') {
			if (len) {
				len--;
				console_write(sh->con, "\b \b", 3);
			}
		} else if (c == 0x03) {		/* Ctrl-C drops the line */
			console_write(sh->con, "^C\n", 3);
			len = 0;
			break;
		} else if (c >= ' ' && c < 0x7f && len + 1 < sizeof(sh->line)) {
			char ch = c;

			sh->line[len++] = ch;
			console_write(sh->con, &ch, 1);
		}
	}
	sh->line[len] = '\0';
}

static int tsh_thread(void *data)
{
	struct tsh *sh = data;

	for (;;) {
		console_write(sh->con, TSH_PROMPT, strlen(TSH_PROMPT));
		tsh_readline(sh);
		tsh_run(sh, sh->line, 0);
	}
	return 0;
}

/**
 * tsh_start - start the console shell in its own kernel thread
 *
 * Called once by start_kernel() after "Tide ready" when Tide is not
 * powering off (tide.poweroff=1) or running KUnit (kunit.enable=1);
 * tide.shell=0 keeps it off. The shell prints "tide# " and polls the
 * console, or reads the console's terminal (drivers/tty) if a process
 * has that open.
 *
 * Return: 0, -ENODEV without a console that reads, -ENOMEM, or the
 * -errno of kthread_run(); 0 also when disabled.
 */
int tsh_start(void)
{
	struct task_struct *t;
	struct tsh *sh;

	if (!tsh_enabled)
		return 0;
	sh = kzalloc(sizeof(*sh), GFP_KERNEL);
	if (!sh)
		return -ENOMEM;
	sh->con = console_find_input();
	if (!sh->con) {
		kfree(sh);
		return -ENODEV;
	}
	strscpy(sh->cwd, "/", sizeof(sh->cwd));
	sh->tty = tsh_open_tty();
	t = kthread_run(tsh_thread, sh, "tsh");
	if (IS_ERR(t)) {
		kfree(sh);
		return PTR_ERR(t);
	}
	return 0;
}
