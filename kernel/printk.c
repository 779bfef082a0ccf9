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

#define LOG_BUF_LEN (1UL << CONFIG_LOG_BUF_SHIFT)

int console_loglevel = 7;

/* log_lock protects log_buf, log_head, log_len, consoles and line_open. */
static DEFINE_SPINLOCK(log_lock);
static char log_buf[LOG_BUF_LEN];
static size_t log_head;		/* next byte written */
static size_t log_len;		/* valid bytes, at most LOG_BUF_LEN */
static struct console *consoles;
static bool line_open;		/* the last message did not end in '\n' */
static int line_level;

static void log_store(const char *s, size_t n)
{
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
