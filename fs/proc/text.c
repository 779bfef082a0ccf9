// SPDX-License-Identifier: GPL-2.0
/*
 * The text of a procfs file: printed whole into a buffer at open, which
 * grows and is printed again when the text does not fit.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include "internal.h"

/* The largest text a procfs file may have (maps of a big process). */
#define PROC_TEXT_MAX	(4UL << 20)

/**
 * proc_printf - append formatted text
 * @t: the text
 * @fmt: printf format
 *
 * Once something does not fit, the text is marked full (proc_text_full())
 * and later calls do nothing.
 */
void proc_printf(struct proc_text *t, const char *fmt, ...)
{
	va_list args;
	size_t room;
	int n;

	if (proc_text_full(t))
		return;
	room = t->size - t->len;
	va_start(args, fmt);
	n = vsnprintf(t->buf + t->len, room, fmt, args);
	va_end(args);
	if (n < 0 || (size_t)n >= room)
		t->len = t->size;
	else
		t->len += n;
}

/**
 * proc_write - append @n raw bytes (NULs included)
 * @t: the text
 * @data: bytes
 * @n: their count
 */
void proc_write(struct proc_text *t, const void *data, size_t n)
{
	if (proc_text_full(t))
		return;
	if (n >= t->size - t->len) {
		t->len = t->size;
		return;
	}
	memcpy(t->buf + t->len, data, n);
	t->len += n;
}

/**
 * proc_putc - append one byte
 * @t: the text
 * @c: the byte
 */
void proc_putc(struct proc_text *t, char c)
{
	proc_write(t, &c, 1);
}

static void *proc_text_alloc(size_t size)
{
	return size <= PAGE_SIZE ? kmalloc(size, GFP_KERNEL) : vmalloc(size);
}

/**
 * proc_text_free - free a text from proc_text_build()
 * @t: the text; its buffer may be NULL
 */
void proc_text_free(struct proc_text *t)
{
	if (t->size <= PAGE_SIZE)
		kfree(t->buf);
	else
		vfree(t->buf);
	t->buf = NULL;
	t->size = t->len = 0;
}

/**
 * proc_text_build - print a file's whole text
 * @show: the file's generator
 * @task: passed to @show
 * @t: the text; proc_text_free() it after use, also on failure
 *
 * Starts with a page and doubles the buffer until the text fits.
 *
 * Return: 0, the -errno of @show, or -ENOMEM (also past 4 MiB).
 */
int proc_text_build(proc_show_t show, struct task_struct *task,
		    struct proc_text *t)
{
	size_t size = PAGE_SIZE;
	int err;

	for (;;) {
		t->buf = proc_text_alloc(size);
		if (!t->buf)
			return -ENOMEM;
		t->size = size;
		t->len = 0;
		err = show(t, task);
		if (err || !proc_text_full(t))
			return err;
		proc_text_free(t);
		if (size >= PROC_TEXT_MAX)
			return -ENOMEM;
		size *= 2;
	}
}
