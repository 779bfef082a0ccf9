/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel fill test driver (mm/kernel_fill_test.c): what its KUnit
 * suite calls besides the debugfs files.
 */
#ifndef _MM_KERNEL_FILL_TEST_H
#define _MM_KERNEL_FILL_TEST_H

#include <linux/types.h>

int kernel_fill_test_fill(int nid, unsigned long mib);
int kernel_fill_test_verify(unsigned long *nr_objects, unsigned long *nr_bad);
void kernel_fill_test_free(void);
unsigned long kernel_fill_test_nr_objects(void);
unsigned long kernel_fill_test_nr_threads(void);
int kernel_fill_test_corrupt(unsigned long idx);
void *kernel_fill_test_piece(unsigned long idx, size_t *size);

#endif /* _MM_KERNEL_FILL_TEST_H */
