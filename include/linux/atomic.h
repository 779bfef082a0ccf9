/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic counters: atomic_t (int) and atomic_long_t (long), with Linux's
 * operation names and ordering rules. With <linux/bitops.h> and the
 * barriers of <linux/smp.h>, the only place outside the lock primitives
 * where the compiler's __atomic builtins may appear.
 *
 * Ordering, as in Linux: atomic_read(), atomic_set() and the operations
 * that return nothing (atomic_inc(), atomic_add(), atomic_or(), ...) are
 * relaxed. Operations that return a value are fully ordered unless their
 * name ends in _acquire, _release or _relaxed. A failed cmpxchg is relaxed.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * The counter sits inside a struct so that plain reads, writes and
 * arithmetic on it do not compile: every access says how it is ordered.
 */
typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

/*
 * Each generator below makes one operation in the four orderings: the
 * fully ordered name (the compiler's sequentially consistent order) and
 * its _acquire, _release and _relaxed variants, once for atomic_t (prefix
 * atomic) and once for atomic_long_t (prefix atomic_long). The generators
 * are undefined again at the end of this file.
 */
#define ATOMIC_GEN_ORDERS(gen, pfx, type, ctype, ...)			\
	gen(pfx, type, ctype, __ATOMIC_SEQ_CST, __VA_ARGS__,)		\
	gen(pfx, type, ctype, __ATOMIC_ACQUIRE, __VA_ARGS__, _acquire)	\
	gen(pfx, type, ctype, __ATOMIC_RELEASE, __VA_ARGS__, _release)	\
	gen(pfx, type, ctype, __ATOMIC_RELAXED, __VA_ARGS__, _relaxed)

#define ATOMIC_GEN_BOTH(gen, ...)						\
	ATOMIC_GEN_ORDERS(gen, atomic, atomic_t, int, __VA_ARGS__)	\
	ATOMIC_GEN_ORDERS(gen, atomic_long, atomic_long_t, long, __VA_ARGS__)

/* pfx_fetch_<op>(i, v): applies <op> with @i, returns the old value. */
#define ATOMIC_GEN_FETCH(pfx, type, ctype, order, op, builtin, sfx)	\
static inline ctype pfx##_fetch_##op##sfx(ctype i, type *v)		\
{									\
	return builtin(&v->counter, i, order);				\
}

/* pfx_<op>_return(i, v): applies <op> with @i, returns the new value. */
#define ATOMIC_GEN_RETURN(pfx, type, ctype, order, op, builtin, sfx)	\
static inline ctype pfx##_##op##_return##sfx(ctype i, type *v)		\
{									\
	return builtin(&v->counter, i, order);				\
}

/* The same for inc and dec, which take no operand. */
#define ATOMIC_GEN_FETCH1(pfx, type, ctype, order, op, builtin, sfx)	\
static inline ctype pfx##_fetch_##op##sfx(type *v)			\
{									\
	return builtin(&v->counter, 1, order);				\
}

#define ATOMIC_GEN_RETURN1(pfx, type, ctype, order, op, builtin, sfx)	\
static inline ctype pfx##_##op##_return##sfx(type *v)			\
{									\
	return builtin(&v->counter, 1, order);				\
}

/* pfx_xchg(v, new): stores @new, returns the old value. */
#define ATOMIC_GEN_XCHG(pfx, type, ctype, order, unused, sfx)		\
static inline ctype pfx##_xchg##sfx(type *v, ctype new)		\
{									\
	return __atomic_exchange_n(&v->counter, new, order);		\
}

/*
 * pfx_cmpxchg(v, old, new): stores @new if the counter is @old; returns
 * the value it found, so success is "returned @old".
 */
#define ATOMIC_GEN_CMPXCHG(pfx, type, ctype, order, unused, sfx)	\
static inline ctype pfx##_cmpxchg##sfx(type *v, ctype old, ctype new)	\
{									\
	__atomic_compare_exchange_n(&v->counter, &old, new, false,	\
				    order, __ATOMIC_RELAXED);		\
	return old;							\
}

/*
 * pfx_try_cmpxchg(v, old, new): as cmpxchg, but returns whether it stored
 * @new; when it did not, *@old is updated to the value it found.
 */
#define ATOMIC_GEN_TRY_CMPXCHG(pfx, type, ctype, order, unused, sfx)	\
static inline bool pfx##_try_cmpxchg##sfx(type *v, ctype *old, ctype new) \
{									\
	return __atomic_compare_exchange_n(&v->counter, old, new, false, \
					   order, __ATOMIC_RELAXED);	\
}

ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH, add, __atomic_fetch_add)
ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH, sub, __atomic_fetch_sub)
ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH, and, __atomic_fetch_and)
ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH, or, __atomic_fetch_or)
ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH, xor, __atomic_fetch_xor)
ATOMIC_GEN_BOTH(ATOMIC_GEN_RETURN, add, __atomic_add_fetch)
ATOMIC_GEN_BOTH(ATOMIC_GEN_RETURN, sub, __atomic_sub_fetch)
ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH1, inc, __atomic_fetch_add)
ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH1, dec, __atomic_fetch_sub)
ATOMIC_GEN_BOTH(ATOMIC_GEN_RETURN1, inc, __atomic_add_fetch)
ATOMIC_GEN_BOTH(ATOMIC_GEN_RETURN1, dec, __atomic_sub_fetch)
ATOMIC_GEN_BOTH(ATOMIC_GEN_XCHG, 0)
ATOMIC_GEN_BOTH(ATOMIC_GEN_CMPXCHG, 0)
ATOMIC_GEN_BOTH(ATOMIC_GEN_TRY_CMPXCHG, 0)

/* fetch_andnot(i, v): clears the bits of @i, returns the old value. */
#define ATOMIC_GEN_FETCH_ANDNOT(pfx, type, ctype, order, unused, sfx)	\
static inline ctype pfx##_fetch_andnot##sfx(ctype i, type *v)		\
{									\
	return __atomic_fetch_and(&v->counter, ~i, order);		\
}
ATOMIC_GEN_BOTH(ATOMIC_GEN_FETCH_ANDNOT, 0)

/* Plain loads and stores of the counter; relaxed. */
static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	WRITE_ONCE(v->counter, i);
}

/* Loads that later accesses cannot pass; stores earlier ones cannot. */
static inline int atomic_read_acquire(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);
}

static inline void atomic_set_release(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);
}

static inline long atomic_long_read_acquire(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);
}

static inline void atomic_long_set_release(atomic_long_t *v, long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);
}

/* Operations without a result: atomic, relaxed. */
static inline void atomic_add(int i, atomic_t *v)
{
	atomic_fetch_add_relaxed(i, v);
}

static inline void atomic_sub(int i, atomic_t *v)
{
	atomic_fetch_sub_relaxed(i, v);
}

static inline void atomic_inc(atomic_t *v)
{
	atomic_fetch_add_relaxed(1, v);
}

static inline void atomic_dec(atomic_t *v)
{
	atomic_fetch_sub_relaxed(1, v);
}

static inline void atomic_and(int i, atomic_t *v)
{
	atomic_fetch_and_relaxed(i, v);
}

static inline void atomic_or(int i, atomic_t *v)
{
	atomic_fetch_or_relaxed(i, v);
}

static inline void atomic_andnot(int i, atomic_t *v)
{
	atomic_fetch_and_relaxed(~i, v);
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	atomic_long_fetch_add_relaxed(i, v);
}

static inline void atomic_long_sub(long i, atomic_long_t *v)
{
	atomic_long_fetch_sub_relaxed(i, v);
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	atomic_long_fetch_add_relaxed(1, v);
}

static inline void atomic_long_dec(atomic_long_t *v)
{
	atomic_long_fetch_sub_relaxed(1, v);
}

static inline void atomic_long_and(long i, atomic_long_t *v)
{
	atomic_long_fetch_and_relaxed(i, v);
}

static inline void atomic_long_or(long i, atomic_long_t *v)
{
	atomic_long_fetch_or_relaxed(i, v);
}

static inline void atomic_long_andnot(long i, atomic_long_t *v)
{
	atomic_long_fetch_and_relaxed(~i, v);
}

/* Fully ordered tests of the new value, for reference counts. */
static inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_dec_return(v) == 0;
}

static inline bool atomic_inc_and_test(atomic_t *v)
{
	return atomic_inc_return(v) == 0;
}

static inline bool atomic_sub_and_test(int i, atomic_t *v)
{
	return atomic_sub_return(i, v) == 0;
}

static inline bool atomic_long_dec_and_test(atomic_long_t *v)
{
	return atomic_long_dec_return(v) == 0;
}

/*
 * atomic_add_unless - adds @a to @v unless @v is @u
 *
 * Fully ordered when it adds, relaxed when it does not.
 * Return: true if it added.
 */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	do {
		if (c == u)
			return false;
	} while (!atomic_try_cmpxchg(v, &c, c + a));
	return true;
}

/* Takes a reference only while one is still held. Return: true if so. */
static inline bool atomic_inc_not_zero(atomic_t *v)
{
	return atomic_add_unless(v, 1, 0);
}

#undef ATOMIC_GEN_BOTH
#undef ATOMIC_GEN_CMPXCHG
#undef ATOMIC_GEN_FETCH
#undef ATOMIC_GEN_FETCH1
#undef ATOMIC_GEN_FETCH_ANDNOT
#undef ATOMIC_GEN_ORDERS
#undef ATOMIC_GEN_RETURN
#undef ATOMIC_GEN_RETURN1
#undef ATOMIC_GEN_TRY_CMPXCHG
#undef ATOMIC_GEN_XCHG

#endif /* _LINUX_ATOMIC_H */
