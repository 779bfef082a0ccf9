/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel random numbers (drivers/char/random.c): a ChaCha20 generator
 * keyed from RDRAND when the CPU has it, else from TSC timing jitter.
 * /dev/random, /dev/urandom and getrandom(2) read from it.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

/* getrandom(2) flags, Linux's values */
#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004
/* Every flag getrandom(2) accepts. */
#define GRND_KNOWN_FLAGS	(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)

void get_random_bytes(void *out, size_t nbytes);
u32 get_random_u32(void);
u64 get_random_u64(void);
void add_device_randomness(const void *in, size_t nbytes);
bool rng_has_rdrand(void);

#endif /* _LINUX_RANDOM_H */
