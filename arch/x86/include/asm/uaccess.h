/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 half of user memory access: the range check and the single
 * loads and stores of get_user()/put_user(). Each access runs inside a
 * stac()/clac() window and has an exception-table entry, so a fault on
 * the user address ends the access with -EFAULT instead of an oops.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/overflow.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/smap.h>

/*
 * __access_ok - does [@addr, @addr + @len) lie wholly in the user half?
 * An empty range at TASK_SIZE_MAX is fine; a range that wraps is not.
 * Says nothing about whether the pages are mapped.
 */
static inline bool __access_ok(unsigned long addr, unsigned long len)
{
	unsigned long end;

	if (check_add_overflow(addr, len, &end))
		return false;
	return end <= TASK_SIZE_MAX;
}

#define access_ok(ptr, len)	__access_ok((unsigned long)(ptr), (len))

/* The unsigned integer type of @n bytes (1, 2, 4 or 8). */
#define __uaccess_uint(n)						\
	__typeof__(__builtin_choose_expr((n) == 1, (u8)0,		\
		   __builtin_choose_expr((n) == 2, (u16)0,		\
		   __builtin_choose_expr((n) == 4, (u32)0, (u64)0))))

#define __uaccess_size_ok(n)	((n) == 1 || (n) == 2 || (n) == 4 || (n) == 8)

/*
 * One load from user memory into @v (an lvalue of __uaccess_uint type),
 * @err preset to -EFAULT and cleared by the instruction after the load:
 * a fault skips that one through the exception table. The caller holds
 * the SMAP window open.
 */
#define __get_user_asm(v, uptr, err) ({				\
	asm volatile("1:	mov %[mem], %[val]\n"			\
		     "	xor %k[e], %k[e]\n"				\
		     "2:\n"						\
		     _ASM_EXTABLE(1b, 2b)				\
		     : [e] "+r"(err), [val] "=q"(v)			\
		     : [mem] "m"(*(const __typeof__(v) __force *)(uptr))); \
})

/* The same for one store of @v. */
#define __put_user_asm(v, uptr, err) ({				\
	asm volatile("1:	mov %[val], %[mem]\n"			\
		     "	xor %k[e], %k[e]\n"				\
		     "2:\n"						\
		     _ASM_EXTABLE(1b, 2b)				\
		     : [e] "+r"(err),					\
		       [mem] "=m"(*(__typeof__(v) __force *)(uptr))	\
		     : [val] "q"(v));					\
})

/**
 * get_user - read one value of 1, 2, 4 or 8 bytes from user memory
 * @x: the lvalue to store it in
 * @ptr: the user address, whose type gives the size
 *
 * Return: 0, or -EFAULT (and @x set to 0) if @ptr is not a user address
 * or the access faults.
 */
#define get_user(x, ptr) ({						\
	const __typeof__(*(ptr)) __user *__gu_p = (ptr);		\
	__uaccess_uint(sizeof(*__gu_p)) __gu_v = 0;			\
	int gu_ret = -EFAULT;						\
									\
	BUILD_BUG_ON(!__uaccess_size_ok(sizeof(*__gu_p)));		\
	if (access_ok(__gu_p, sizeof(*__gu_p))) {			\
		stac();							\
		__get_user_asm(__gu_v, __gu_p, gu_ret);		\
		clac();							\
	}								\
	if (gu_ret)							\
		__gu_v = 0;						\
	(x) = (__force __typeof__(*(ptr)))__gu_v;			\
	gu_ret;							\
})

/**
 * put_user - write one value of 1, 2, 4 or 8 bytes to user memory
 * @x: the value, converted to *@ptr's type
 * @ptr: the user address, whose type gives the size
 *
 * Return: 0, or -EFAULT if @ptr is not a user address or the access
 * faults (the write then did not happen).
 */
#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __user *__pu_p = (ptr);			\
	__typeof__(*(ptr)) __pu_x = (x);				\
	__uaccess_uint(sizeof(*__pu_p)) __pu_v;				\
	int pu_ret = -EFAULT;						\
									\
	BUILD_BUG_ON(!__uaccess_size_ok(sizeof(*__pu_p)));		\
	__builtin_memcpy(&__pu_v, &__pu_x, sizeof(__pu_v));		\
	if (access_ok(__pu_p, sizeof(*__pu_p))) {			\
		stac();							\
		__put_user_asm(__pu_v, __pu_p, pu_ret);		\
		clac();							\
	}								\
	pu_ret;							\
})

/*
 * copy_user_64.S: rep movsb / rep stosb with a fixup; the caller has
 * checked the range and opened the SMAP window. Return: bytes not done.
 */
unsigned long x86_copy_user(void *to, const void *from, unsigned long n);
unsigned long x86_clear_user(void *to, unsigned long n);

#endif /* _ASM_X86_UACCESS_H */
