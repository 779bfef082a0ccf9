/* SPDX-License-Identifier: GPL-2.0 */
/* A user page that lives as long as a KUnit case (lib/kunit/user_page.c). */
#ifndef _KUNIT_USER_PAGE_H
#define _KUNIT_USER_PAGE_H

#include <linux/types.h>
#include <asm/pgtable.h>

struct kunit;
struct mm_struct;

u8 *kunit_user_page(struct kunit *test, unsigned long va, pgprot_t prot);

/*
 * The layout of kunit_prog_mm(): code at KUNIT_PROG_CODE_VA, one stack
 * page below KUNIT_PROG_STACK_VA, data at KUNIT_PROG_DATA_VA.
 */
#define KUNIT_PROG_CODE_VA	0x400000UL
#define KUNIT_PROG_DATA_VA	0x600000UL
#define KUNIT_PROG_STACK_VA	0x7fff0000UL

struct mm_struct *kunit_prog_mm(struct kunit *test, const u8 *prog,
				size_t len, unsigned long data_pages,
				unsigned long data_prot);

#endif /* _KUNIT_USER_PAGE_H */
