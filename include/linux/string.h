/* SPDX-License-Identifier: GPL-2.0 */
/* Freestanding string and memory routines (lib/string.c). */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
/* One page, both addresses page aligned; fastest under TCG. */
void copy_page(void *to, const void *from);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strscpy(char *dst, const char *src, size_t size);
char *strstr(const char *hay, const char *needle);
bool str_has_prefix(const char *s, const char *prefix);
bool glob_match(const char *pat, const char *str);

#endif /* _LINUX_STRING_H */
