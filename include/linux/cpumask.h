/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sets of CPUs: a bitmap of CONFIG_NR_CPUS bits, and the three masks the
 * kernel keeps: possible (may ever run), present (found in the MADT) and
 * online (running and taking interrupts). CPU 0 is in all three from the
 * first instruction.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bitops.h>

#define NR_CPUS			CONFIG_NR_CPUS
#define CPUMASK_LONGS		((NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG)

struct cpumask {
	unsigned long bits[CPUMASK_LONGS];
};
typedef struct cpumask cpumask_t;

/* The storage behind the read-only masks below; only arch/ and smp.c write. */
extern struct cpumask cpus_possible_set, cpus_present_set, cpus_online_set;
extern unsigned int nr_cpu_ids;	/* highest possible CPU number + 1 */

#define cpu_possible_mask	((const struct cpumask *)&cpus_possible_set)
#define cpu_present_mask	((const struct cpumask *)&cpus_present_set)
#define cpu_online_mask		((const struct cpumask *)&cpus_online_set)

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m)
{
	return test_bit(cpu, m->bits);
}

/* Atomic: other CPUs may change other bits of the same mask meanwhile. */
static inline void cpumask_set_cpu(int cpu, struct cpumask *m)
{
	set_bit(cpu, m->bits);
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *m)
{
	clear_bit(cpu, m->bits);
}

static inline void cpumask_clear(struct cpumask *m)
{
	int i;

	for (i = 0; i < CPUMASK_LONGS; i++)
		m->bits[i] = 0;
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	int i;

	for (i = 0; i < CPUMASK_LONGS; i++)
		dst->bits[i] = READ_ONCE(src->bits[i]);
}

/* @dst = @a & @b; returns whether the result has any CPU. */
static inline bool cpumask_and(struct cpumask *dst, const struct cpumask *a,
			       const struct cpumask *b)
{
	unsigned long any = 0;
	int i;

	for (i = 0; i < CPUMASK_LONGS; i++)
		any |= dst->bits[i] = READ_ONCE(a->bits[i]) & READ_ONCE(b->bits[i]);
	return any;
}

/* No popcnt instruction is assumed (and no libgcc to call). */
static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned int n = 0;
	int i;

	for (i = 0; i < CPUMASK_LONGS; i++) {
		unsigned long w = READ_ONCE(m->bits[i]);

		for (; w; w &= w - 1)
			n++;
	}
	return n;
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	return cpumask_weight(m) == 0;
}

/* The first CPU in @m after @cpu (-1 to start), or NR_CPUS if none. */
static inline int cpumask_next(int cpu, const struct cpumask *m)
{
	for (cpu++; cpu < NR_CPUS; cpu++)
		if (cpumask_test_cpu(cpu, m))
			return cpu;
	return NR_CPUS;
}

static inline int cpumask_first(const struct cpumask *m)
{
	return cpumask_next(-1, m);
}

#define for_each_cpu(cpu, mask)					\
	for ((cpu) = cpumask_first(mask); (cpu) < NR_CPUS;		\
	     (cpu) = cpumask_next((cpu), (mask)))
#define for_each_possible_cpu(c)	for_each_cpu(c, cpu_possible_mask)
#define for_each_present_cpu(c)		for_each_cpu(c, cpu_present_mask)
#define for_each_online_cpu(c)		for_each_cpu(c, cpu_online_mask)

#define num_online_cpus()	cpumask_weight(cpu_online_mask)
#define num_possible_cpus()	(cpumask_weight(cpu_possible_mask))
#define num_present_cpus()	(cpumask_weight(cpu_present_mask))
#define cpu_online(cpu)		cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu)	cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_present(cpu)	cpumask_test_cpu((cpu), cpu_present_mask)

static inline void set_cpu_online(int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &cpus_online_set);
	else
		cpumask_clear_cpu(cpu, &cpus_online_set);
}

#endif /* _LINUX_CPUMASK_H */
