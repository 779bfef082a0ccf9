/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler attributes and barriers used across the tree. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

/* GCC attributes under the short names the kernel uses everywhere. */
#define noinline	__attribute__((noinline))
#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))
#define __aligned(n)	__attribute__((aligned(n)))
#define __section(name)	__attribute__((section(name)))
#define __used		__attribute__((used))
#define __maybe_unused	__attribute__((unused))
#define __printf(fmt_arg, first_arg) \
	__attribute__((format(printf, fmt_arg, first_arg)))
#define __weak		__attribute__((weak))
#define __must_check	__attribute__((warn_unused_result))

/*
 * Markers for readers (no checker runs on Tide): __user on a pointer
 * into user memory, which only uaccess may touch; __force on a cast that
 * drops such a marker on purpose.
 */
#define __user
#define __force

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

static inline void barrier(void)
{
	__asm__ __volatile__("" ::: "memory");
}
#define READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile typeof(x) *)&(x) = (val))

#define offsetof(t, m) __builtin_offsetof(t, m)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#endif /* _LINUX_COMPILER_H */
