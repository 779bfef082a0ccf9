/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler attributes and barriers used across the tree. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define noinline __attribute__((__noinline__))
#define __noreturn __attribute__((__noreturn__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __weak __attribute__((__weak__))
#define __must_check __attribute__((__warn_unused_result__))

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
