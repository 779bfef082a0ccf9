/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Broken invariants. BUG_ON() panics naming the function; WARN_ON() prints
 * a backtrace and carries on, and is preferred wherever an error return
 * can keep the kernel consistent.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

void __warn(const char *file, int line, const char *func, const char *cond);

/*
 * While warn_expect_depth is non-zero (tests that provoke a warning on
 * purpose, see KUNIT_EXPECT_WARN()), warnings are counted in
 * warn_expect_hits instead of being reported, and WARN_ON_ONCE() stays
 * armed for the real thing.
 */
extern unsigned int warn_expect_depth, warn_expect_hits;
void __noreturn __bug(const char *file, int line, const char *func,
		      const char *cond);

#define BUG() __bug(__FILE__, __LINE__, __func__, "BUG()")
#define BUG_ON(cond) \
	do { if (unlikely(cond)) __bug(__FILE__, __LINE__, __func__, #cond); } while (0)

#define WARN_ON(cond) ({ \
	bool __c = !!(cond); \
	if (unlikely(__c)) \
		__warn(__FILE__, __LINE__, __func__, #cond); \
	unlikely(__c); })

#define WARN_ON_ONCE(cond) ({ \
	static bool __warned; \
	bool __c = !!(cond); \
	if (unlikely(__c) && warn_expect_depth) { \
		warn_expect_hits++; \
	} else if (unlikely(__c) && !__warned) { \
		__warned = true; \
		__warn(__FILE__, __LINE__, __func__, #cond); \
	} \
	unlikely(__c); })

#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(cond) BUG_ON(cond)
#define VM_WARN_ON(cond) WARN_ON(cond)
#else /* !CONFIG_DEBUG_VM */
#define VM_BUG_ON(cond) do { (void)sizeof(cond); } while (0)
#define VM_WARN_ON(cond) ({ (void)sizeof(cond); false; })
#endif /* CONFIG_DEBUG_VM */

#endif /* _LINUX_BUG_H */
