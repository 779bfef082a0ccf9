// SPDX-License-Identifier: GPL-2.0
/*
 * The memory character devices of major 1: /dev/null, zero, full, random,
 * urandom and kmsg (the kernel log, one record per read).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include "random.h"

#define MEM_MAJOR	1

/* ---- null, zero, full ---- */

static ssize_t null_read(struct file *file, char __user *buf, size_t len,
			 loff_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *file, const char __user *buf,
			  size_t len, loff_t *pos)
{
	return len;
}

/* Seeking /dev/null, zero or full always lands on 0, as on Linux. */
static loff_t null_lseek(struct file *file, loff_t off, int whence)
{
	file->f_pos = 0;
	return 0;
}

static ssize_t zero_read(struct file *file, char __user *buf, size_t len,
			 loff_t *pos)
{
	if (!len)
		return 0;
	if (clear_user(buf, len) == len)
		return -EFAULT;
	return len;
}

static ssize_t full_write(struct file *file, const char __user *buf,
			  size_t len, loff_t *pos)
{
	return -ENOSPC;
}

/* The same for kernel_read() and kernel_write(). */
static ssize_t null_read_kernel(struct file *file, void *buf, size_t len,
				loff_t *pos)
{
	return 0;
}

static ssize_t null_write_kernel(struct file *file, const void *buf,
				 size_t len, loff_t *pos)
{
	return len;
}

static ssize_t zero_read_kernel(struct file *file, void *buf, size_t len,
				loff_t *pos)
{
	memset(buf, 0, len);
	return len;
}

static ssize_t full_write_kernel(struct file *file, const void *buf,
				 size_t len, loff_t *pos)
{
	return -ENOSPC;
}

static const struct file_operations mem_null_fops = {
	.llseek = null_lseek,
	.read = null_read,
	.write = null_write,
	.read_kernel = null_read_kernel,
	.write_kernel = null_write_kernel,
};

static const struct file_operations mem_zero_fops = {
	.llseek = null_lseek,
	.read = zero_read,
	.write = null_write,
	.read_kernel = zero_read_kernel,
	.write_kernel = null_write_kernel,
};

static const struct file_operations mem_full_fops = {
	.llseek = null_lseek,
	.read = zero_read,
	.write = full_write,
	.read_kernel = zero_read_kernel,
	.write_kernel = full_write_kernel,
};

/* ---- random, urandom ---- */

static ssize_t random_read(struct file *file, char __user *buf, size_t len,
			   loff_t *pos)
{
	return random_read_user(buf, len);
}

/* Written bytes are folded into the key, 64 at a time; never credited. */
static ssize_t random_write(struct file *file, const char __user *buf,
			    size_t len, loff_t *pos)
{
	u8 chunk[64];
	size_t done = 0;

	while (done < len) {
		size_t n = min(len - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		add_device_randomness(chunk, n);
		done += n;
	}
	return done;
}

static ssize_t random_read_kernel(struct file *file, void *buf, size_t len,
				  loff_t *pos)
{
	get_random_bytes(buf, len);
	return len;
}

static ssize_t random_write_kernel(struct file *file, const void *buf,
				   size_t len, loff_t *pos)
{
	add_device_randomness(buf, len);
	return len;
}

static const struct file_operations random_fops = {
	.llseek = noop_llseek,
	.read = random_read,
	.write = random_write,
	.read_kernel = random_read_kernel,
	.write_kernel = random_write_kernel,
};

/* ---- kmsg ---- */

/*
 * An open /dev/kmsg holds a copy of the log taken at open (or at a seek
 * to the start) and hands out one line of it per read(), in Linux's
 * record format "level,seq,usec,-;text\n". Tide's log keeps neither the
 * level nor a sequence number: every record says level 6 and the
 * sequence counts the lines of the copy.
 */
struct kmsg_reader {
	char *log;
	size_t len;		/* bytes in @log */
	size_t off;		/* next line starts here */
	u64 seq;
	struct mutex lock;	/* @off and @seq, against concurrent reads */
};

#define KMSG_LOG_MAX	(1UL << CONFIG_LOG_BUF_SHIFT)
#define KMSG_LINE_MAX	1024

/* The first '\n' of @s[0..@n), or NULL. */
static char *kmsg_eol(char *s, size_t n)
{
	for (; n; n--, s++) {
		if (*s == '\n')
			return s;
	}
	return NULL;
}

/* Skips a leading partial line (the ring wrapped over its start). */
static void kmsg_snapshot(struct kmsg_reader *r)
{
	char *nl;

	r->len = log_buf_copy(r->log, KMSG_LOG_MAX);
	r->off = 0;
	r->seq = 0;
	if (r->len && r->log[0] != '[') {
		nl = kmsg_eol(r->log, r->len);
		r->off = nl ? (size_t)(nl - r->log) + 1 : r->len;
	}
}

static int kmsg_open(struct inode *inode, struct file *file)
{
	struct kmsg_reader *r;

	if (!(file->f_mode & FMODE_READ))
		return 0;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->log = vmalloc(KMSG_LOG_MAX);
	if (!r->log) {
		kfree(r);
		return -ENOMEM;
	}
	mutex_init(&r->lock);
	kmsg_snapshot(r);
	file->private_data = r;
	return 0;
}

static int kmsg_release(struct inode *inode, struct file *file)
{
	struct kmsg_reader *r = file->private_data;

	if (r) {
		vfree(r->log);
		kfree(r);
	}
	return 0;
}

/*
 * Formats the line @line (@n bytes, no '\n') as a record in @out.
 * Return: the record's length.
 */
static size_t kmsg_format(char *out, size_t size, u64 seq, const char *line,
			  size_t n)
{
	unsigned long long sec = 0, usec = 0;
	const char *text = line, *end = line + n;

	/* "[%5llu.%06llu] " as printk stamps it */
	if (n && line[0] == '[') {
		const char *p = line + 1;

		while (p < end && *p == ' ')
			p++;
		while (p < end && *p >= '0' && *p <= '9')
			sec = sec * 10 + (*p++ - '0');
		if (p < end && *p == '.')
			p++;
		while (p < end && *p >= '0' && *p <= '9')
			usec = usec * 10 + (*p++ - '0');
		if (p < end && *p == ']')
			p++;
		if (p < end && *p == ' ')
			p++;
		text = p;
	}
	return scnprintf(out, size, "6,%llu,%llu,-;%.*s\n",
			 (unsigned long long)seq, sec * 1000000 + usec,
			 (int)(end - text), text);
}

/*
 * The next record into @rec; Return: its length, 0 or -EAGAIN at the end,
 * -EINVAL if it is longer than @len. Caller holds r->lock; the record is
 * consumed by kmsg_advance() once the caller copied it.
 */
static ssize_t kmsg_next(struct file *file, struct kmsg_reader *r, char *rec,
			 size_t len, size_t *line_len)
{
	char *nl;
	size_t n, rlen;

	if (r->off >= r->len)
		return (file->f_flags & O_NONBLOCK) ? -EAGAIN : 0;
	nl = kmsg_eol(r->log + r->off, r->len - r->off);
	n = nl ? (size_t)(nl - (r->log + r->off)) : r->len - r->off;
	rlen = kmsg_format(rec, KMSG_LINE_MAX, r->seq, r->log + r->off, n);
	if (len < rlen)
		return -EINVAL;		/* Linux: the record does not fit */
	*line_len = n + (nl ? 1 : 0);
	return rlen;
}

static void kmsg_advance(struct kmsg_reader *r, size_t line_len)
{
	r->off += line_len;
	r->seq++;
}

/* One record per read, into user memory (@ubuf) or kernel memory (@kbuf). */
static ssize_t kmsg_do_read(struct file *file, char __user *ubuf, void *kbuf,
			    size_t len)
{
	struct kmsg_reader *r = file->private_data;
	size_t line_len = 0;
	ssize_t ret;
	char *rec;

	if (!r)
		return -EBADF;
	rec = kmalloc(KMSG_LINE_MAX, GFP_KERNEL);
	if (!rec)
		return -ENOMEM;
	mutex_lock(&r->lock);
	ret = kmsg_next(file, r, rec, len, &line_len);
	if (ret > 0) {
		if (kbuf)
			memcpy(kbuf, rec, ret);
		else if (copy_to_user(ubuf, rec, ret))
			ret = -EFAULT;
		if (ret > 0)
			kmsg_advance(r, line_len);
	}
	mutex_unlock(&r->lock);
	kfree(rec);
	return ret;
}

static ssize_t kmsg_read(struct file *file, char __user *buf, size_t len,
			 loff_t *pos)
{
	return kmsg_do_read(file, buf, NULL, len);
}

static ssize_t kmsg_read_kernel(struct file *file, void *buf, size_t len,
				loff_t *pos)
{
	return kmsg_do_read(file, NULL, buf, len);
}

/* SEEK_SET 0 starts over from a fresh copy; SEEK_END skips to its end. */
static loff_t kmsg_llseek(struct file *file, loff_t off, int whence)
{
	struct kmsg_reader *r = file->private_data;

	if (!r)
		return -EBADF;
	if (off)
		return -ESPIPE;
	mutex_lock(&r->lock);
	if (whence == SEEK_SET) {
		kmsg_snapshot(r);
	} else if (whence == SEEK_END) {
		r->off = r->len;
	} else {
		mutex_unlock(&r->lock);
		return -EINVAL;
	}
	mutex_unlock(&r->lock);
	return 0;
}

/* Logs @text (NUL-terminated, @n bytes); a leading "<N>" gives its level. */
static void kmsg_log(const char *text, size_t n)
{
	int level = LOGLEVEL_DEFAULT;
	const char *p = text;

	if (p[0] == '<' && p[1] >= '0' && p[1] <= '9') {
		unsigned int v = 0;
		const char *q = p + 1;

		while (*q >= '0' && *q <= '9')
			v = v * 10 + (*q++ - '0');
		if (*q == '>') {
			level = v & 7;
			p = q + 1;
		}
	}
	printk("%c%c%s%s", KERN_SOH[0], (char)('0' + level), p,
	       n && text[n - 1] == '\n' ? "" : "\n");
}

/* A write is one message, cut to KMSG_LINE_MAX - 1 bytes. */
static ssize_t kmsg_write(struct file *file, const char __user *buf,
			  size_t len, loff_t *pos)
{
	size_t n = min_t(size_t, len, KMSG_LINE_MAX - 1);
	char *text = kmalloc(KMSG_LINE_MAX, GFP_KERNEL);

	if (!text)
		return -ENOMEM;
	if (copy_from_user(text, buf, n)) {
		kfree(text);
		return -EFAULT;
	}
	text[n] = '\0';
	kmsg_log(text, n);
	kfree(text);
	return len;
}

static ssize_t kmsg_write_kernel(struct file *file, const void *buf,
				 size_t len, loff_t *pos)
{
	size_t n = min_t(size_t, len, KMSG_LINE_MAX - 1);
	char *text = kmalloc(KMSG_LINE_MAX, GFP_KERNEL);

	if (!text)
		return -ENOMEM;
	memcpy(text, buf, n);
	text[n] = '\0';
	kmsg_log(text, n);
	kfree(text);
	return len;
}

static const struct file_operations kmsg_fops = {
	.llseek = kmsg_llseek,
	.read = kmsg_read,
	.write = kmsg_write,
	.read_kernel = kmsg_read_kernel,
	.write_kernel = kmsg_write_kernel,
	.open = kmsg_open,
	.release = kmsg_release,
};

/* ---- registration ---- */

static const struct mem_dev {
	const char *name;
	unsigned int minor;
	umode_t mode;
	const struct file_operations *fops;
} mem_devs[] = {
	{ "null", 3, 0666, &mem_null_fops },
	{ "zero", 5, 0666, &mem_zero_fops },
	{ "full", 7, 0666, &mem_full_fops },
	{ "random", 8, 0666, &random_fops },
	{ "urandom", 9, 0666, &random_fops },
	{ "kmsg", 11, 0644, &kmsg_fops },
};

/*
 * chrdev_add() gives each its number and its node in devtmpfs; a failure
 * leaves the others registered.
 */
static int __init chr_dev_init(void)
{
	int i, err, ret = 0;

	for (i = 0; i < (int)ARRAY_SIZE(mem_devs); i++) {
		const struct mem_dev *m = &mem_devs[i];

		err = chrdev_add(MKDEV(MEM_MAJOR, m->minor), m->name,
				 S_IFCHR | m->mode, m->fops);
		if (err) {
			pr_err("mem: /dev/%s: %d\n", m->name, err);
			ret = err;
		}
	}
	return ret;
}
device_initcall(chr_dev_init);
