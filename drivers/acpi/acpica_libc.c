// SPDX-License-Identifier: GPL-2.0
/*
 * The C library routines ACPICA calls that Tide's lib/string.c does not
 * have; <acpi/platform/actide.h> maps ACPICA's names onto these.
 */
#include <acpi/acpi.h>

char *acpi_tide_strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

/* As C's strncpy: pads with NULs and leaves @dst unterminated when full. */
char *acpi_tide_strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

char *acpi_tide_strcat(char *dst, const char *src)
{
	acpi_tide_strcpy(dst + strlen(dst), src);
	return dst;
}

char *acpi_tide_strncat(char *dst, const char *src, size_t n)
{
	char *d = dst + strlen(dst);

	while (n-- && *src)
		*d++ = *src++;
	*d = '\0';
	return dst;
}

static int acpi_tide_digit(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/* As C's strtoul, without errno: overflow wraps. */
unsigned long acpi_tide_strtoul(const char *s, char **end, int base)
{
	unsigned long v = 0;

	while (isspace(*s))
		s++;
	if (*s == '+')
		s++;
	if ((base == 0 || base == 16) && s[0] == '0' && tolower(s[1]) == 'x' &&
	    isxdigit(s[2])) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	while (acpi_tide_digit(*s) < base)
		v = v * base + acpi_tide_digit(*s++);
	if (end)
		*end = (char *)s;
	return v;
}
