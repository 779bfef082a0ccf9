/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A non-local exit for KUnit: a failed assertion jumps from deep inside a
 * test case back to the runner, which then goes on with the next case.
 * Tide has no threads to kill, so a saved register set is enough.
 */
#ifndef _KUNIT_TRY_CATCH_H
#define _KUNIT_TRY_CATCH_H

#include <linux/compiler.h>

/*
 * The callee-saved registers of the x86-64 SysV ABI plus the stack pointer
 * and the address to resume at. lib/kunit/try_catch_64.S knows this layout.
 */
enum kunit_jmp_slot {
	KUNIT_JMP_RBX,
	KUNIT_JMP_RBP,
	KUNIT_JMP_R12,
	KUNIT_JMP_R13,
	KUNIT_JMP_R14,
	KUNIT_JMP_R15,
	KUNIT_JMP_RSP,
	KUNIT_JMP_RIP,
	KUNIT_JMP_NR_SLOTS
};

struct kunit_jmp_buf {
	unsigned long slot[KUNIT_JMP_NR_SLOTS];
};

/**
 * kunit_setjmp - remember where to come back to
 * @buf: filled with the caller's registers
 *
 * The caller must not return before kunit_longjmp() on @buf is done with,
 * and locals it changes after this call and reads after the jump must be
 * volatile. Interrupt state and the FPU are not saved.
 *
 * Return: 0 when called; the value given to kunit_longjmp() when resumed.
 */
int kunit_setjmp(struct kunit_jmp_buf *buf) __attribute__((__returns_twice__));

/**
 * kunit_longjmp - resume at the matching kunit_setjmp()
 * @buf: filled by kunit_setjmp() in a function that has not returned yet
 * @val: what kunit_setjmp() returns there; 0 is turned into 1
 */
void __noreturn kunit_longjmp(struct kunit_jmp_buf *buf, int val);

#endif /* _KUNIT_TRY_CATCH_H */
