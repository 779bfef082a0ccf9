/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arithmetic on sizes and counts that come from outside (a user's write,
 * a firmware table): checked operations that report a wrap instead of
 * hiding it, and size helpers that saturate so an allocator refuses.
 */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

#include <linux/types.h>

#ifndef SIZE_MAX
#define SIZE_MAX	((size_t)-1)
#endif

/*
 * check_add_overflow(a, b, d), check_sub_overflow(a, b, d),
 * check_mul_overflow(a, b, d): store a+b, a-b or a*b in *d, computed as
 * if in infinite precision and then truncated to *d's type. True when the
 * stored value is not the exact result (it wrapped, or went below zero
 * for an unsigned *d). @a and @b may have any integer types.
 */
#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d)	__builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)

/**
 * size_mul - @a * @b for an allocation size
 * Return: the product, or SIZE_MAX if it does not fit in a size_t. No
 * allocator can satisfy SIZE_MAX, so the caller sees an allocation failure.
 */
static inline size_t size_mul(size_t a, size_t b)
{
	size_t bytes;

	if (check_mul_overflow(a, b, &bytes))
		return SIZE_MAX;
	return bytes;
}

/**
 * size_add - @a + @b for an allocation size
 * Return: the sum, or SIZE_MAX if it does not fit (or an input is
 * already SIZE_MAX, so saturation carries through a chain of helpers).
 */
static inline size_t size_add(size_t a, size_t b)
{
	size_t bytes;

	if (check_add_overflow(a, b, &bytes))
		return SIZE_MAX;
	return bytes;
}

/**
 * array_size - the bytes of @n elements of @size bytes each
 * Return: @n * @size, or SIZE_MAX on overflow (see size_mul()).
 */
static inline size_t array_size(size_t n, size_t size)
{
	return size_mul(n, size);
}

#endif /* _LINUX_OVERFLOW_H */
