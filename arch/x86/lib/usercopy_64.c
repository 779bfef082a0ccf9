// SPDX-License-Identifier: GPL-2.0
/*
 * copy_from_user() and friends: check the user range, open the SMAP
 * window for the access alone, and report a fault the way Linux does.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/**
 * copy_from_user - copy @n bytes from user memory to the kernel
 *
 * Return: the number of bytes not copied: 0 on success, @n when the range
 * is not in the user half. After a fault the bytes not copied are zeroed
 * in @to, so the caller never sees stale kernel data there.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n)) {
		stac();
		left = x86_copy_user(to, (const void __force *)from, n);
		clac();
	}
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

/**
 * copy_to_user - copy @n bytes from the kernel to user memory
 *
 * Return: the number of bytes not copied: 0 on success, @n when the range
 * is not in the user half; after a fault, the bytes from the first one
 * not written on.
 */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	unsigned long left;

	if (!access_ok(to, n))
		return n;
	stac();
	left = x86_copy_user((void __force *)to, from, n);
	clac();
	return left;
}

/**
 * clear_user - zero @n bytes of user memory
 *
 * Return: the number of bytes not zeroed (0 on success).
 */
unsigned long clear_user(void __user *to, unsigned long n)
{
	unsigned long left;

	if (!access_ok(to, n))
		return n;
	stac();
	left = x86_clear_user((void __force *)to, n);
	clac();
	return left;
}

/**
 * strncpy_from_user - copy a NUL-terminated string from user memory
 * @to: kernel buffer of at least @max bytes
 * @ustr: the user string
 * @max: the most bytes to copy, the NUL included
 *
 * Return: the string's length (without the NUL, which is copied) when it
 * fits; @max when no NUL came in @max bytes (@to is then not
 * terminated); -EFAULT when a byte before either end is not readable
 * user memory. Bytes copied before a fault stay in @to.
 */
long strncpy_from_user(char *to, const char __user *ustr, long max)
{
	unsigned long addr = (unsigned long)ustr;
	long i;

	if (max <= 0)
		return 0;
	for (i = 0; i < max; i++) {
		u8 c = 0;
		int err = -EFAULT;

		/* access_ok() per byte: the string may run into the hole. */
		if (!__access_ok(addr + i, 1))
			return -EFAULT;
		stac();
		__get_user_asm(c, ustr + i, err);
		clac();
		if (err)
			return -EFAULT;
		to[i] = c;
		if (!c)
			return i;
	}
	return max;
}
