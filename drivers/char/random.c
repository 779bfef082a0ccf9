// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's random numbers: a ChaCha20 keystream whose key comes from
 * RDRAND or TSC jitter, and getrandom(2) on top of it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/random.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include <asm/processor.h>
#include "random.h"

/**
 * DOC: quality of Tide's random numbers
 *
 * The generator is ChaCha20 (RFC 7539) run as a keystream: each request
 * takes blocks from a 256-bit key and a 64-bit block counter, and then the
 * next block replaces the key, so that a later look at the state cannot
 * recover earlier output.
 *
 * The key is only as good as its seed. When CPUID says the CPU has RDRAND
 * (leaf 1, ECX bit 30) the seed is 32 bytes of RDRAND output mixed with
 * the TSC; this is as good as the hardware generator (or the hypervisor's
 * emulation of it). Without RDRAND the seed comes from timing jitter: the
 * TSC deltas of a few thousand short loops, folded into the key. Under an
 * emulator with a coarse or predictable clock that jitter may hold little
 * real entropy; Tide does not estimate it and never blocks, so
 * /dev/random, /dev/urandom and getrandom() with or without GRND_RANDOM
 * all give the same stream. Writes to /dev/random and /dev/urandom are
 * folded into the key but not credited.
 *
 * rng_lock protects rng_key, rng_counter and rng_seeded; it is taken with
 * interrupts off and never held across a user copy.
 */
static DEFINE_SPINLOCK(rng_lock);
static u32 rng_key[8];
static u64 rng_counter;
static bool rng_seeded;

#define CPUID_1_ECX_RDRAND	(1U << 30)
/* "expand 32-byte k", the ChaCha constant words */
static const u32 chacha_sigma[4] = {
	0x61707865, 0x3320646e, 0x79622d32, 0x6b206574
};

static inline u32 rol32(u32 v, unsigned int s)
{
	return (v << s) | (v >> (32 - s));
}

static inline void chacha_qround(u32 *x, int a, int b, int c, int d)
{
	x[a] += x[b];
	x[d] = rol32(x[d] ^ x[a], 16);
	x[c] += x[d];
	x[b] = rol32(x[b] ^ x[c], 12);
	x[a] += x[b];
	x[d] = rol32(x[d] ^ x[a], 8);
	x[c] += x[d];
	x[b] = rol32(x[b] ^ x[c], 7);
}

/**
 * chacha20_block - one 64-byte ChaCha20 block
 * @in: the 16-word input state (constants, key, counter, nonce)
 * @out: the block, little-endian words as RFC 7539 serialises them
 */
void chacha20_block(const u32 in[16], u8 out[64])
{
	u32 x[16];
	int i;

	memcpy(x, in, sizeof(x));
	for (i = 0; i < 10; i++) {
		chacha_qround(x, 0, 4, 8, 12);
		chacha_qround(x, 1, 5, 9, 13);
		chacha_qround(x, 2, 6, 10, 14);
		chacha_qround(x, 3, 7, 11, 15);
		chacha_qround(x, 0, 5, 10, 15);
		chacha_qround(x, 1, 6, 11, 12);
		chacha_qround(x, 2, 7, 8, 13);
		chacha_qround(x, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++) {
		u32 w = x[i] + in[i];

		out[4 * i] = w;
		out[4 * i + 1] = w >> 8;
		out[4 * i + 2] = w >> 16;
		out[4 * i + 3] = w >> 24;
	}
}

/* The next keystream block; the caller holds rng_lock. */
static void rng_next_block(u8 out[64])
{
	u32 st[16];

	memcpy(st, chacha_sigma, sizeof(chacha_sigma));
	memcpy(st + 4, rng_key, sizeof(rng_key));
	st[12] = (u32)rng_counter;
	st[13] = (u32)(rng_counter >> 32);
	st[14] = 0;
	st[15] = 0;
	rng_counter++;
	chacha20_block(st, out);
	memset(st, 0, sizeof(st));
}

/* Replaces the key by the next block; the caller holds rng_lock. */
static void rng_rekey(void)
{
	u8 blk[64];

	rng_next_block(blk);
	memcpy(rng_key, blk, sizeof(rng_key));
	memset(blk, 0, sizeof(blk));
}

/* XORs @len bytes into the key, then rekeys; caller holds rng_lock. */
static void rng_mix(const void *buf, size_t len)
{
	const u8 *p = buf;
	u8 *k = (u8 *)rng_key;
	size_t i;

	while (len) {
		size_t n = min(len, sizeof(rng_key));

		for (i = 0; i < n; i++)
			k[i] ^= p[i];
		rng_rekey();
		p += n;
		len -= n;
	}
}

/**
 * rng_has_rdrand - whether the CPU reports the RDRAND instruction
 *
 * Return: true if CPUID leaf 1 sets ECX bit 30.
 */
bool rng_has_rdrand(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return c & CPUID_1_ECX_RDRAND;
}

static bool rdrand_u64(u64 *v)
{
	int tries;

	for (tries = 0; tries < 10; tries++) {
		unsigned char ok;

		__asm__ __volatile__("rdrand %0; setc %1"
				     : "=r"(*v), "=qm"(ok) : : "cc");
		if (ok)
			return true;
	}
	return false;
}

/* Seed words from the TSC deltas of loops of varying length. */
static void rng_jitter_seed(u64 seed[4])
{
	volatile unsigned long sink = 0;
	u64 prev = rdtsc(), now;
	int i, j;

	for (i = 0; i < 4096; i++) {
		for (j = 0; j < (int)(prev & 0x3f) + 1; j++)
			sink += j;
		now = rdtsc();
		seed[i & 3] = rol32((u32)seed[i & 3], 5) ^
			      (seed[i & 3] << 7) ^ (now - prev) ^ now;
		prev = now;
	}
	(void)sink;
}

/* Keys the generator once; the caller holds rng_lock. */
static void rng_seed_locked(void)
{
	u64 seed[4] = { 0 };
	bool hw = rng_has_rdrand();
	int i;

	if (hw) {
		for (i = 0; i < 4; i++) {
			if (!rdrand_u64(&seed[i]))
				hw = false;
		}
	}
	if (!hw)
		rng_jitter_seed(seed);
	seed[0] ^= rdtsc();
	seed[1] ^= ktime_get_ns();
	rng_mix(seed, sizeof(seed));
	memset(seed, 0, sizeof(seed));
	rng_seeded = true;
}

/**
 * get_random_bytes - fill @out with random bytes
 * @out: destination (kernel memory)
 * @nbytes: how many
 *
 * Seeds the generator on first use. Never sleeps; any context.
 */
void get_random_bytes(void *out, size_t nbytes)
{
	unsigned long flags;
	u8 blk[64], *p = out;

	spin_lock_irqsave(&rng_lock, flags);
	if (!rng_seeded)
		rng_seed_locked();
	while (nbytes) {
		size_t n = min(nbytes, sizeof(blk));

		rng_next_block(blk);
		memcpy(p, blk, n);
		p += n;
		nbytes -= n;
	}
	rng_rekey();
	spin_unlock_irqrestore(&rng_lock, flags);
	memset(blk, 0, sizeof(blk));
}

/**
 * get_random_u32 - a random 32-bit number
 *
 * Return: the number.
 */
u32 get_random_u32(void)
{
	u32 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/**
 * get_random_u64 - a random 64-bit number
 *
 * Return: the number.
 */
u64 get_random_u64(void)
{
	u64 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/**
 * add_device_randomness - fold bytes into the generator's key
 * @in: bytes (kernel memory)
 * @nbytes: how many
 *
 * No entropy is credited: the bytes can only make the key less guessable.
 */
void add_device_randomness(const void *in, size_t nbytes)
{
	unsigned long flags;

	spin_lock_irqsave(&rng_lock, flags);
	if (!rng_seeded)
		rng_seed_locked();
	rng_mix(in, nbytes);
	spin_unlock_irqrestore(&rng_lock, flags);
}

/**
 * random_read_user - copy @len random bytes to user memory
 * @ubuf: user destination
 * @len: bytes wanted
 *
 * Works in 256-byte pieces; a fault part-way returns what was copied.
 *
 * Return: bytes copied, or -EFAULT if none could be.
 */
ssize_t random_read_user(char __user *ubuf, size_t len)
{
	u8 chunk[256];
	size_t done = 0;

	while (done < len) {
		size_t n = min(len - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(ubuf + done, chunk, n)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		done += n;
	}
	memset(chunk, 0, sizeof(chunk));
	return done;
}

/**
 * getrandom_check_flags - whether getrandom(2) accepts @flags
 * @flags: GRND_* bits
 *
 * Return: 0, or -EINVAL for an unknown bit or GRND_INSECURE with
 * GRND_RANDOM (as Linux refuses them).
 */
int getrandom_check_flags(unsigned int flags)
{
	if (flags & ~GRND_KNOWN_FLAGS)
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	return 0;
}

/* The largest count one read(2) moves, as Linux's MAX_RW_COUNT. */
#define RANDOM_MAX_COUNT	(INT_MAX & PAGE_MASK)

static long sys_getrandom(struct pt_regs *regs)
{
	char __user *ubuf = (char __user *)SC_ARG0(regs);
	size_t len = SC_ARG1(regs);
	unsigned int flags = SC_ARG2(regs);
	int err = getrandom_check_flags(flags);

	if (err)
		return err;
	/* Seeded before user space ran: GRND_NONBLOCK never sees -EAGAIN. */
	if (len > RANDOM_MAX_COUNT)
		len = RANDOM_MAX_COUNT;
	return random_read_user(ubuf, len);
}
SYSCALL_ENTRY(getrandom, sys_getrandom);

static int __init random_init(void)
{
	unsigned long flags;

	spin_lock_irqsave(&rng_lock, flags);
	if (!rng_seeded)
		rng_seed_locked();
	spin_unlock_irqrestore(&rng_lock, flags);
	pr_info("random: ChaCha20 keyed from %s\n",
		rng_has_rdrand() ? "RDRAND" : "TSC jitter");
	return 0;
}
core_initcall(random_init);
