/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sequence counts: data that is read often and without a lock and
 * written rarely, under the writer's own lock. A reader samples the
 * count, reads, and reads again if the count moved meanwhile (or was
 * odd: a write was under way).
 */
#ifndef _LINUX_SEQLOCK_H
#define _LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <linux/smp.h>
#include <asm/processor.h>

typedef struct {
	unsigned int sequence;	/* odd while a writer is inside */
} seqcount_t;

#define SEQCNT_ZERO(name)	{ .sequence = 0 }

/*
 * Return: the count to pass to read_seqcount_retry(), once no writer is
 * inside. Spins; never sleeps.
 */
static inline unsigned int read_seqcount_begin(const seqcount_t *s)
{
	unsigned int seq;

	while ((seq = READ_ONCE(s->sequence)) & 1)
		cpu_relax();
	smp_rmb();	/* the count before the data: pairs with the writer's */
	return seq;
}

/* Return: true if a write began or ended since read_seqcount_begin(). */
static inline bool read_seqcount_retry(const seqcount_t *s, unsigned int seq)
{
	smp_rmb();	/* the data before the count again */
	return READ_ONCE(s->sequence) != seq;
}

/* Writers are serialised by their own lock and do not sleep inside. */
static inline void write_seqcount_begin(seqcount_t *s)
{
	WRITE_ONCE(s->sequence, s->sequence + 1);
	smp_wmb();	/* odd count visible before any data changes */
}

static inline void write_seqcount_end(seqcount_t *s)
{
	smp_wmb();	/* every data change visible before the even count */
	WRITE_ONCE(s->sequence, s->sequence + 1);
}

#endif /* _LINUX_SEQLOCK_H */
