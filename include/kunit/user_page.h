/* SPDX-License-Identifier: GPL-2.0 */
/* A user page that lives as long as a KUnit case (lib/kunit/user_page.c). */
#ifndef _KUNIT_USER_PAGE_H
#define _KUNIT_USER_PAGE_H

#include <linux/types.h>
#include <asm/pgtable.h>

struct kunit;

u8 *kunit_user_page(struct kunit *test, unsigned long va, pgprot_t prot);

#endif /* _KUNIT_USER_PAGE_H */
