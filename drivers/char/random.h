/* SPDX-License-Identifier: GPL-2.0 */
/* drivers/char internal: the generator's pieces mem.c and tests use. */
#ifndef _DRIVERS_CHAR_RANDOM_H
#define _DRIVERS_CHAR_RANDOM_H

#include <linux/types.h>

void chacha20_block(const u32 in[16], u8 out[64]);
ssize_t random_read_user(char __user *ubuf, size_t len);
int getrandom_check_flags(unsigned int flags);

#endif /* _DRIVERS_CHAR_RANDOM_H */
