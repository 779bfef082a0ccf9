// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf and friends: the subset of printf formats the kernel uses
 * (d i u x X o c s p %), with flags '-', '0', '#', width, precision and the
 * l/ll/z/h length modifiers. %px prints a raw pointer.
 */
#include <linux/kernel.h>
#include <linux/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_number(struct out *o, unsigned long long v, unsigned int base,
		       bool neg, int width, bool zero, bool left, bool upper,
		       bool alt)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, pad;

	alt = alt && base == 16;
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	pad = width - n - (neg ? 1 : 0) - (alt ? 2 : 0);
	if (!left && !zero)
		for (; pad > 0; pad--)
			put(o, ' ');
	if (neg)
		put(o, '-');
	if (alt) {
		put(o, '0');
		put(o, upper ? 'X' : 'x');
	}
	if (!left && zero)
		for (; pad > 0; pad--)
			put(o, '0');
	while (n)
		put(o, tmp[--n]);
	for (; left && pad > 0; pad--)
		put(o, ' ');
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		bool left = false, zero = false, upper = false, neg = false;
		bool alt = false;
		int width = 0, prec = -1, lng = 0, half = 0;
		unsigned long long v;
		unsigned int base = 10;
		const char *s;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (fmt++; *fmt == '-' || *fmt == '0' || *fmt == '#'; fmt++) {
			if (*fmt == '-')
				left = true;
			else if (*fmt == '#')
				alt = true;
			else
				zero = true;
		}
		if (*fmt == '*') {
			width = va_arg(args, int);
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		if (*fmt == '.') {
			prec = 0;
			if (*++fmt == '*') {
				prec = va_arg(args, int);
				fmt++;
			}
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (*fmt - '0');
		}
		for (; *fmt == 'l' || *fmt == 'z' || *fmt == 'h'; fmt++) {
			if (*fmt == 'h')
				half++;
			else
				lng++;
		}

		switch (*fmt) {
		case 'c':
			put(&o, (char)va_arg(args, int));
			continue;
		case 's':
			s = va_arg(args, const char *);
			if (!s)
				s = "(null)";
			width -= strnlen(s, prec < 0 ? (size_t)-1 : (size_t)prec);
			for (; !left && width > 0; width--)
				put(&o, ' ');
			for (; *s && prec != 0; s++, prec--)
				put(&o, *s);
			for (; left && width > 0; width--)
				put(&o, ' ');
			continue;
		case 'p':
			v = (unsigned long)va_arg(args, void *);
			while (fmt[1] == 'x')
				fmt++;
			put(&o, '0');
			put(&o, 'x');
			put_number(&o, v, 16, false, 16, true, false, false, false);
			continue;
		case '%':
			put(&o, '%');
			continue;
		case 'd':
		case 'i': {
			long long sv = lng >= 2 ? va_arg(args, long long) :
				       lng ? va_arg(args, long) : va_arg(args, int);

			/* h and hh: the int passed holds a short or a char. */
			if (half == 1)
				sv = (short)sv;
			else if (half > 1)
				sv = (signed char)sv;
			neg = sv < 0;
			v = neg ? -(unsigned long long)sv : (unsigned long long)sv;
			break;
		}
		case 'X':
			upper = true;
			base = 16;
			goto unsigned_arg;
		case 'x':
			base = 16;
			goto unsigned_arg;
		case 'o':
			base = 8;
			goto unsigned_arg;
		case 'u':
unsigned_arg:
			v = lng >= 2 ? va_arg(args, unsigned long long) :
			    lng ? va_arg(args, unsigned long) : va_arg(args, unsigned int);
			if (half == 1)
				v = (unsigned short)v;
			else if (half > 1)
				v = (unsigned char)v;
			break;
		default:
			put(&o, '%');
			if (!*fmt)
				goto done;
			put(&o, *fmt);
			continue;
		}
		put_number(&o, v, base, neg, width, zero, left, upper, alt);
	}
done:
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/* Like snprintf, but returns what was actually stored (without the NUL). */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n < (int)size ? n : (int)size - 1;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
