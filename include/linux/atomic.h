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

#define ATOMIC_INIT(i)		{ .counter = (i) }
#define ATOMIC_LONG_INIT(i)	{ .counter = (i) }

/*
 * Read-modify-write operations, written out one by one so that each name
 * can be found with grep; only those Tide uses are here (add one by
 * writing it like its neighbours). atomic_fetch_<op>() returns the value
 * before the operation, atomic_<op>_return() the value after it;
 * cmpxchg() returns the value it found (success is "returned @old");
 * try_cmpxchg() returns whether it stored and, if not, updates *@old. The
 * memory order is __ATOMIC_SEQ_CST for the unsuffixed (fully ordered)
 * name, else the one the suffix names; a failed compare is relaxed.
 */
static inline int atomic_fetch_add(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_sub(int i, atomic_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_and(int i, atomic_t *v)
{
	return __atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_or(int i, atomic_t *v)
{
	return __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_xor(int i, atomic_t *v)
{
	return __atomic_fetch_xor(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_inc(atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_dec(atomic_t *v)
{
	return __atomic_fetch_sub(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline int atomic_inc_return(atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline int atomic_dec_return(atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline int atomic_xchg(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}

static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_RELAXED);
	return old;
}

static inline bool atomic_try_cmpxchg(atomic_t *v, int *old, int new)
{
	return __atomic_compare_exchange_n(&v->counter, old, new, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_RELAXED);
}

static inline int atomic_fetch_andnot(int i, atomic_t *v)
{
	return __atomic_fetch_and(&v->counter, ~i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_add_acquire(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_ACQUIRE);
}

static inline int atomic_add_return_acquire(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_ACQUIRE);
}

static inline int atomic_inc_return_acquire(atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, 1, __ATOMIC_ACQUIRE);
}

static inline int atomic_xchg_acquire(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_ACQUIRE);
}

static inline int atomic_fetch_add_release(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_RELEASE);
}

static inline int atomic_add_return_release(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_RELEASE);
}

static inline int atomic_fetch_inc_release(atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, 1, __ATOMIC_RELEASE);
}

static inline int atomic_inc_return_release(atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, 1, __ATOMIC_RELEASE);
}

static inline int atomic_dec_return_release(atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_RELEASE);
}

static inline int atomic_xchg_release(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_RELEASE);
}

static inline int atomic_fetch_add_relaxed(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_fetch_sub_relaxed(int i, atomic_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_fetch_and_relaxed(int i, atomic_t *v)
{
	return __atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_fetch_or_relaxed(int i, atomic_t *v)
{
	return __atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_add_return_relaxed(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_sub_return_relaxed(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_fetch_inc_relaxed(atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, 1, __ATOMIC_RELAXED);
}

static inline int atomic_inc_return_relaxed(atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, 1, __ATOMIC_RELAXED);
}

static inline long atomic_long_fetch_or(long i, atomic_long_t *v)
{
	return __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline long atomic_long_add_return(long i, atomic_long_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline long atomic_long_sub_return(long i, atomic_long_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline long atomic_long_inc_return(atomic_long_t *v)
{
	return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline long atomic_long_dec_return(atomic_long_t *v)
{
	return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static inline long atomic_long_xchg(atomic_long_t *v, long new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}

static inline long atomic_long_fetch_or_acquire(long i, atomic_long_t *v)
{
	return __atomic_fetch_or(&v->counter, i, __ATOMIC_ACQUIRE);
}

static inline long atomic_long_fetch_and_release(long i, atomic_long_t *v)
{
	return __atomic_fetch_and(&v->counter, i, __ATOMIC_RELEASE);
}

static inline long atomic_long_fetch_andnot_release(long i, atomic_long_t *v)
{
	return __atomic_fetch_and(&v->counter, ~i, __ATOMIC_RELEASE);
}

static inline long atomic_long_fetch_add_relaxed(long i, atomic_long_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long atomic_long_fetch_sub_relaxed(long i, atomic_long_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long atomic_long_fetch_and_relaxed(long i, atomic_long_t *v)
{
	return __atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long atomic_long_fetch_or_relaxed(long i, atomic_long_t *v)
{
	return __atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED);
}

static inline long atomic_long_dec_return_relaxed(atomic_long_t *v)
{
	return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_RELAXED);
}

static inline long atomic_long_cmpxchg_relaxed(atomic_long_t *v, long old, long new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_RELAXED,
				    __ATOMIC_RELAXED);
	return old;
}

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

#endif /* _LINUX_ATOMIC_H */
