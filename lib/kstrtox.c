// SPDX-License-Identifier: GPL-2.0
/*
 * Strict number parsing for boot options and (later) sysfs writes: the
 * whole string must be a number, with at most one trailing newline.
 */
#include <linux/kernel.h>
#include <linux/errno.h>

/**
 * kstrtoull - parse an unsigned number
 * @base: 0 picks 16 for "0x", 8 for a leading "0", else 10
 * Return: 0, -EINVAL for anything but digits, -ERANGE on overflow.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	bool any = false;

	if (*s == '+')
		s++;
	if (base == 0 || base == 16) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
			s += 2;
			base = 16;
		} else if (base == 0) {
			base = s[0] == '0' && s[1] ? 8 : 10;
		}
	}
	for (; *s; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			break;
		if (d >= base)
			return -EINVAL;
		if (v > (ULONG_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
		any = true;
	}
	if (*s == '\n')
		s++;
	if (!any || *s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (!ret)
		*res = v;
	return ret;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool neg = *s == '-';
	int ret;

	/* One sign only: kstrtoull() would take the '+' of "-+1". */
	if (neg && s[1] == '+')
		return -EINVAL;
	ret = kstrtoull(s + neg, base, &v);
	if (ret)
		return ret;
	if (v > (unsigned long long)INT_MAX + neg)
		return -ERANGE;
	*res = neg ? -(long long)v : (long long)v;
	return 0;
}

/**
 * kstrtobool - parse a yes/no answer as Linux 6.12 does
 * @s: the string; only its first one or two characters are looked at
 * @res: set to the answer on success, untouched otherwise
 *
 * True: a first character of y, Y, t, T or 1, or "on" (o/O, then n/N).
 * False: n, N, f, F or 0, or "of" (o/O, then f/F), so "off" too. What
 * follows those characters is not looked at ("yes", "true\n").
 *
 * Return: 0, or -EINVAL for anything else, NULL included.
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
	}
	return -EINVAL;
}

/**
 * memparse - parse a size with an optional K/M/G/T/P/E suffix
 * @retptr: if not NULL, set to the first character not consumed
 *
 * Return: the size in bytes; 0 with *retptr == ptr if there was no number.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	unsigned long long v = 0;
	const char *p = ptr;
	unsigned int base = 10, shift = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (;; p++) {
		unsigned int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			break;
		v = v * base + d;
	}
	if (p == ptr || (base == 16 && p == ptr + 2)) {
		if (retptr)
			*retptr = (char *)ptr;
		return 0;
	}
	switch (*p) {
	case 'E':
	case 'e':
		shift += 10;
		/* fall through */
	case 'P':
	case 'p':
		shift += 10;
		/* fall through */
	case 'T':
	case 't':
		shift += 10;
		/* fall through */
	case 'G':
	case 'g':
		shift += 10;
		/* fall through */
	case 'M':
	case 'm':
		shift += 10;
		/* fall through */
	case 'K':
	case 'k':
		shift += 10;
		p++;
	}
	if (retptr)
		*retptr = (char *)p;
	return v << shift;
}
