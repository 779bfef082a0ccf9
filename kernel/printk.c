// SPDX-License-Identifier: GPL-2.0
/*
 * printk: formats a message, stamps it with the time since boot, keeps it
 * in a ring buffer of 2^CONFIG_LOG_BUF_SHIFT bytes and writes it to every
 * registered console whose level allows it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/errno.h>

#define LOG_BUF_LEN (1UL << CONFIG_LOG_BUF_SHIFT)

int console_loglevel = 7;

/* log_lock protects log_buf, log_head, log_len, consoles and line_open. */
static DEFINE_SPINLOCK(log_lock);
static char log_buf[LOG_BUF_LEN];
static size_t log_head;		/* next byte written */
static size_t log_len;		/* valid bytes, at most LOG_BUF_LEN */
static u64 log_total;		/* bytes ever stored */
static u64 log_cleared;		/* log_total at the last syslog(2) clear */
static struct console *consoles;
static bool line_open;		/* the last message did not end in '\n' */
static int line_level;

static void log_store(const char *s, size_t n)
{
	log_total += n;
	for (; n; n--, s++) {
		log_buf[log_head] = *s;
		log_head = (log_head + 1) & (LOG_BUF_LEN - 1);
		if (log_len < LOG_BUF_LEN)
			log_len++;
	}
}

static void console_emit(const char *s, size_t n)
{
	struct console *c;

	for (c = consoles; c; c = c->next)
		c->write(c, s, n);
}

size_t log_buf_copy(char *dst, size_t size)
{
	unsigned long flags;
	size_t i, n, start;

	spin_lock_irqsave(&log_lock, flags);
	n = min(size, log_len);
	start = (log_head - log_len) & (LOG_BUF_LEN - 1);
	for (i = 0; i < n; i++)
		dst[i] = log_buf[(start + i) & (LOG_BUF_LEN - 1)];
	spin_unlock_irqrestore(&log_lock, flags);
	return n;
}

int vprintk(const char *fmt, va_list args)
{
	char text[512], stamp[24];
	unsigned long flags;
	int level = LOGLEVEL_DEFAULT, n, sn = 0;
	bool cont = false;
	u64 ns;

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] == 'c')
			cont = true;
		else
			level = fmt[1] - '0';
		fmt += 2;
	}
	n = vsnprintf(text, sizeof(text), fmt, args);
	if (n >= (int)sizeof(text))
		n = sizeof(text) - 1;

	spin_lock_irqsave(&log_lock, flags);
	if (cont && line_open) {
		level = line_level;
	} else {
		if (line_open) {
			log_store("\n", 1);
			if (line_level < console_loglevel)
				console_emit("\n", 1);
		}
		ns = ktime_get_ns();
		sn = scnprintf(stamp, sizeof(stamp), "[%5llu.%06llu] ",
			       ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / 1000);
		log_store(stamp, sn);
	}
	log_store(text, n);
	if (level < console_loglevel) {
		if (sn)
			console_emit(stamp, sn);
		console_emit(text, n);
	}
	line_open = n > 0 ? text[n - 1] != '\n' : line_open;
	line_level = level;
	spin_unlock_irqrestore(&log_lock, flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/**
 * console_write - write to one console without mixing with printk
 * @con: a registered console
 *
 * Takes the lock printk emits its lines under, so that a line printed on
 * another CPU lands before or after @s, never inside it (a shell's prompt
 * split by a kernel message is a prompt nobody recognises).
 */
void console_write(struct console *con, const char *s, size_t n)
{
	unsigned long flags;

	spin_lock_irqsave(&log_lock, flags);
	con->write(con, s, n);
	spin_unlock_irqrestore(&log_lock, flags);
}

void register_console(struct console *con, bool replay)
{
	unsigned long flags;
	size_t start, i;

	spin_lock_irqsave(&log_lock, flags);
	if (replay) {
		start = (log_head - log_len) & (LOG_BUF_LEN - 1);
		for (i = 0; i < log_len; i++)
			con->write(con, &log_buf[(start + i) & (LOG_BUF_LEN - 1)], 1);
	}
	con->next = consoles;
	consoles = con;
	spin_unlock_irqrestore(&log_lock, flags);
}

struct console *console_find_input(void)
{
	struct console *c, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&log_lock, flags);
	for (c = consoles; c && !found; c = c->next)
		if (c->read)
			found = c;
	spin_unlock_irqrestore(&log_lock, flags);
	return found;
}

void unregister_console(struct console *con)
{
	struct console **pp;
	unsigned long flags;

	spin_lock_irqsave(&log_lock, flags);
	for (pp = &consoles; *pp; pp = &(*pp)->next) {
		if (*pp == con) {
			*pp = con->next;
			break;
		}
	}
	spin_unlock_irqrestore(&log_lock, flags);
}

static int __init loglevel_setup(char *val)
{
	int level;

	if (!val || kstrtoint(val, 10, &level) || level < 0 || level > 15)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init debug_setup(char *val)
{
	if (val)
		return -EINVAL;
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_setup);

static int __init quiet_setup(char *val)
{
	if (val)
		return -EINVAL;
	console_loglevel = 4;
	return 0;
}
early_param("quiet", quiet_setup);

/* ---- syslog(2): the log as busybox's and util-linux's dmesg read it ---- */

/* The @type values of syslog(2) (Linux's numbers). */
enum {
	SYSLOG_CLOSE = 0,
	SYSLOG_OPEN = 1,
	SYSLOG_READ = 2,
	SYSLOG_READ_ALL = 3,
	SYSLOG_READ_CLEAR = 4,
	SYSLOG_CLEAR = 5,
	SYSLOG_CONSOLE_OFF = 6,
	SYSLOG_CONSOLE_ON = 7,
	SYSLOG_CONSOLE_LEVEL = 8,
	SYSLOG_SIZE_UNREAD = 9,
	SYSLOG_SIZE_BUFFER = 10,
};

/* console_loglevel before SYSLOG_CONSOLE_OFF; -1 while it is on. */
static int syslog_saved_level = -1;

/*
 * Copies into @dst the newest bytes of the log written since the last
 * clear, at most @size of them, starting at a line when the cut falls
 * inside one; with @clear, the log then counts as cleared. Takes
 * log_lock. Return: the bytes copied.
 */
static size_t syslog_copy(char *dst, size_t size, bool clear)
{
	unsigned long flags;
	size_t n, i, first, skip = 0;

	spin_lock_irqsave(&log_lock, flags);
	n = min_t(u64, log_len, log_total - log_cleared);
	if (n > size) {
		first = (log_head - n) & (LOG_BUF_LEN - 1);
		/* Drop what does not fit, then the rest of its line. */
		skip = n - size;
		while (skip < n &&
		       log_buf[(first + skip - 1) & (LOG_BUF_LEN - 1)] != '\n')
			skip++;
	}
	first = (log_head - n + skip) & (LOG_BUF_LEN - 1);
	for (i = 0; i < n - skip; i++)
		dst[i] = log_buf[(first + i) & (LOG_BUF_LEN - 1)];
	if (clear)
		log_cleared = log_total;
	spin_unlock_irqrestore(&log_lock, flags);
	return n - skip;
}

static long syslog_read_all(char __user *buf, long len, bool clear)
{
	size_t size, n;
	char *tmp;
	long ret;

	if (!buf || len < 0)
		return -EINVAL;
	if (!len)
		return 0;
	size = min_t(size_t, len, LOG_BUF_LEN);
	tmp = vmalloc(size);
	if (!tmp)
		return -ENOMEM;
	n = syslog_copy(tmp, size, clear);
	ret = copy_to_user(buf, tmp, n) ? -EFAULT : (long)n;
	vfree(tmp);
	return ret;
}

/*
 * syslog(type, buf, len): Linux's klogctl(). Everybody is root, so no
 * call is refused for want of a capability. The reading and clearing
 * calls, the console level ones and the buffer size work as in Linux;
 * the consuming read a klogd uses (SYSLOG_READ) and its count
 * (SYSLOG_SIZE_UNREAD) are not there and give -EINVAL.
 */
static long sys_syslog(struct pt_regs *regs)
{
	int type = SC_ARG0(regs);
	char __user *buf = (char __user *)SC_ARG1(regs);
	int len = SC_ARG2(regs);
	unsigned long flags;

	switch (type) {
	case SYSLOG_CLOSE:
	case SYSLOG_OPEN:
		return 0;
	case SYSLOG_READ_ALL:
	case SYSLOG_READ_CLEAR:
		return syslog_read_all(buf, len, type == SYSLOG_READ_CLEAR);
	case SYSLOG_CLEAR:
		spin_lock_irqsave(&log_lock, flags);
		log_cleared = log_total;
		spin_unlock_irqrestore(&log_lock, flags);
		return 0;
	case SYSLOG_CONSOLE_OFF:
		if (syslog_saved_level < 0)
			syslog_saved_level = console_loglevel;
		console_loglevel = 1;
		return 0;
	case SYSLOG_CONSOLE_ON:
		if (syslog_saved_level >= 0) {
			console_loglevel = syslog_saved_level;
			syslog_saved_level = -1;
		}
		return 0;
	case SYSLOG_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len;
		syslog_saved_level = -1;
		return 0;
	case SYSLOG_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}
SYSCALL_ENTRY(syslog, sys_syslog);
