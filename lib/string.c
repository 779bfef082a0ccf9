// SPDX-License-Identifier: GPL-2.0
/*
 * Freestanding string and memory routines. memset/memcpy use the string
 * instructions, which QEMU's TCG handles far faster than byte loops.
 */
#include <linux/string.h>
#include <linux/kernel.h>
#include <asm/page.h>

void *memset(void *s, int c, size_t n)
{
	void *d = s;
	unsigned long pattern = 0x0101010101010101UL * (u8)c;

	if (!((unsigned long)s & 7) && !(n & 7)) {
		size_t words = n >> 3;

		__asm__ __volatile__("rep stosq" : "+D"(d), "+c"(words)
				     : "a"(pattern) : "memory");
		return s;
	}
	__asm__ __volatile__("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;

	if (!(((unsigned long)dst | (unsigned long)src | n) & 7)) {
		size_t words = n >> 3;

		__asm__ __volatile__("rep movsq" : "+D"(d), "+S"(src), "+c"(words)
				     : : "memory");
		return dst;
	}
	__asm__ __volatile__("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncmp(hay, needle, n))
			return (char *)hay;
	return n ? NULL : (char *)hay;
}

/**
 * strscpy - copy a string into a sized buffer, always terminated
 * Return: the length copied, or -E2BIG if @src did not fit.
 */
size_t strscpy(char *dst, const char *src, size_t size)
{
	size_t i;

	if (!size)
		return -E2BIG;
	for (i = 0; i < size - 1 && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
	return src[i] ? (size_t)-E2BIG : i;
}

bool str_has_prefix(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/**
 * glob_match - shell-style match of @str against @pat ('*', '?')
 * Return: true when the whole of @str matches.
 */
bool glob_match(const char *pat, const char *str)
{
	const char *star = NULL, *resume = NULL;

	while (*str) {
		if (*pat == '*') {
			star = ++pat;
			resume = str;
		} else if (*pat == '?' || *pat == *str) {
			pat++;
			str++;
		} else if (star) {
			pat = star;
			str = ++resume;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}

/**
 * copy_page - copy one 4 KiB page between page-aligned addresses
 *
 * Eight 64-bit moves per loop: under QEMU's TCG each iteration of "rep
 * movsq" costs about as much as a whole loop of these, so for a page this
 * is several times faster there (and no slower on hardware).
 */
void copy_page(void *to, const void *from)
{
	u64 *d = to;
	const u64 *s = from;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / sizeof(u64); i += 8) {
		u64 a = s[i], b = s[i + 1], c = s[i + 2], e = s[i + 3];
		u64 f = s[i + 4], g = s[i + 5], h = s[i + 6], k = s[i + 7];

		d[i] = a;
		d[i + 1] = b;
		d[i + 2] = c;
		d[i + 3] = e;
		d[i + 4] = f;
		d[i + 5] = g;
		d[i + 6] = h;
		d[i + 7] = k;
	}
}
