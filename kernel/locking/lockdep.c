// SPDX-License-Identifier: GPL-2.0
/*
 * The lock-dependency validator: learns the order in which lock classes
 * are taken and reports an order that can deadlock the first time it is
 * seen, not the first time it deadlocks.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/kallsyms.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <asm/sections.h>

/**
 * DOC: lockdep
 *
 * Each lock names a class (struct lock_class, found by its key). Each task
 * keeps the locks it holds, in order, in task_struct.held_locks. Taking B
 * while the most recent lock of the same context is A adds the edge A->B
 * to the graph of classes; before a new edge goes in, a breadth-first
 * search from B looks for a path back to A, and a path means two tasks
 * can each wait for a lock the other holds. The same acquisition also
 * checks for a class taken inside itself, for a class used both in hard
 * IRQ context and with interrupts on, and for a sleeping lock taken while
 * a spinlock is held; a release checks that the lock is held.
 *
 * lockdep_lock, a bare arch_spinlock_t taken with interrupts off, protects
 * every table here and is itself never validated. Reports are gathered
 * under it and printed after it is dropped, because printing takes
 * locks. The first report switches the validator off for the rest of the
 * boot (except in test mode); so does a full table.
 */

#define LOCKDEP_MAX_CLASSES	1024
#define LOCKDEP_MAX_EDGES	8192
#define LOCKDEP_CLASS_HASH	512
#define LOCKDEP_EDGE_HASH	4096
#define LOCKDEP_REPORT_LINES	20

/* lock_class.usage */
#define LOCK_USED_IN_HARDIRQ	0x1
#define LOCK_ENABLED_HARDIRQ	0x2

struct lock_class {
	const struct lock_class_key *key;
	const char *name;
	struct lock_class *hash_next;
	struct lock_edge *edges;	/* edges leaving this class */
	unsigned int usage;
	unsigned long hardirq_ip;	/* first taken in a hard IRQ */
	unsigned long enabled_ip;	/* first taken with interrupts on */
	unsigned char wait;
	unsigned int search_gen;	/* the search that last visited it */
	struct lock_edge *search_via;	/* the edge that search came by */
};

/* @from was held (taken at @from_ip) when @to was taken at @to_ip. */
struct lock_edge {
	struct lock_class *from, *to;
	struct lock_edge *next_out;	/* the next edge leaving @from */
	struct lock_edge *hash_next;
	unsigned long from_ip, to_ip;
};

static arch_spinlock_t lockdep_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static struct lock_class lock_classes[LOCKDEP_MAX_CLASSES];
static struct lock_class *class_hash[LOCKDEP_CLASS_HASH];
static unsigned int nr_classes;
static struct lock_edge lock_edges[LOCKDEP_MAX_EDGES];
static struct lock_edge *edge_hash[LOCKDEP_EDGE_HASH];
static unsigned int nr_edges;
static struct lock_class *search_queue[LOCKDEP_MAX_CLASSES];
static unsigned int search_gen;

static bool lockdep_off;	/* a report was made or a table is full */
static bool lockdep_test_mode;
static unsigned int nr_reports;

/* A report, written under lockdep_lock and printed after it. */
struct report_line {
	const char *what;
	const char *name;
	unsigned long ip;
};

static struct lockdep_report {
	bool pending;		/* filled in, not yet printed */
	bool test;		/* expected: see lockdep_expected() */
	struct task_struct *task;	/* whose acquire or release it is */
	const char *title;
	const char *hint;
	unsigned int nr;
	struct report_line line[LOCKDEP_REPORT_LINES];
} report;

static void report_add(const char *what, struct lock_class *class,
		       unsigned long ip)
{
	if (report.nr < LOCKDEP_REPORT_LINES)
		report.line[report.nr++] = (struct report_line){
			what, class ? class->name : NULL, ip };
}

/*
 * Reports are expected in test mode and while a test provokes a warning
 * on purpose (KUNIT_EXPECT_WARN(), e.g. unlocking a mutex it does not
 * own): they are printed as such and leave the validator on.
 */
static bool lockdep_expected(void)
{
	return lockdep_test_mode || READ_ONCE(warn_expect_depth);
}

/*
 * Starts a report; false if one is already waiting to be printed (then
 * this one is only counted). Turns the validator off outside test mode.
 */
static bool report_begin(const char *title, const char *hint)
{
	bool test = lockdep_expected();

	nr_reports++;
	if (!test)
		WRITE_ONCE(lockdep_off, true);
	if (report.pending)
		return false;
	report.pending = true;
	report.test = test;
	report.task = current;
	report.title = title;
	report.hint = hint;
	report.nr = 0;
	return true;
}

/**
 * lockdep_static_obj - whether @p can serve as a class key
 * @p: address of a lock (or key)
 *
 * Return: true for a static object of the kernel image; false for the
 * heap, vmalloc and every stack, the boot stack included.
 */
bool lockdep_static_obj(const void *p)
{
	const char *c = p;

	if (c >= boot_stack && c < boot_stack_top)
		return false;
	return c >= _text && c < _end;
}

static unsigned int ptr_hash(const void *p, unsigned int size)
{
	u64 v = (u64)(unsigned long)p;

	v ^= v >> 17;
	v *= 0x9e3779b97f4a7c15ULL;
	return (v >> 32) & (size - 1);
}

/* The class of @map, registering it on first use. Under lockdep_lock. */
static struct lock_class *map_class(struct lockdep_map *map)
{
	const struct lock_class_key *key = map->key;
	struct lock_class *class;
	unsigned int h;

	if (map->class)
		return map->class;
	if (!key) {
		/* Statically initialised: the lock is its own key. */
		if (!lockdep_static_obj(map))
			return NULL;	/* never initialised: not validated */
		key = (const struct lock_class_key *)map;
	}
	h = ptr_hash(key, LOCKDEP_CLASS_HASH);
	for (class = class_hash[h]; class; class = class->hash_next)
		if (class->key == key)
			goto found;
	if (nr_classes == LOCKDEP_MAX_CLASSES) {
		if (report_begin("lockdep: out of lock classes, validator off",
				 "raise LOCKDEP_MAX_CLASSES"))
			report_add("class not registered", NULL, 0);
		return NULL;
	}
	class = &lock_classes[nr_classes++];
	class->key = key;
	class->name = map->name ? map->name : "(unnamed)";
	class->wait = map->wait;
	class->hash_next = class_hash[h];
	class_hash[h] = class;
found:
	map->class = class;
	return class;
}

static unsigned int edge_hash_of(struct lock_class *a, struct lock_class *b)
{
	return ((a - lock_classes) * 31 + (b - lock_classes)) &
	       (LOCKDEP_EDGE_HASH - 1);
}

static struct lock_edge *edge_find(struct lock_class *a, struct lock_class *b)
{
	struct lock_edge *e;

	for (e = edge_hash[edge_hash_of(a, b)]; e; e = e->hash_next)
		if (e->from == a && e->to == b)
			return e;
	return NULL;
}

/*
 * Breadth-first search of the graph from @start for @target. Return: the
 * last edge of the path (follow ->from and search_via back to @start), or
 * NULL if there is none. Each class is visited once, so the search is
 * bounded by the number of classes.
 */
static struct lock_edge *graph_search(struct lock_class *start,
				      struct lock_class *target)
{
	unsigned int head = 0, tail = 0;
	struct lock_edge *e;

	search_gen++;
	start->search_gen = search_gen;
	start->search_via = NULL;
	search_queue[tail++] = start;
	while (head < tail) {
		struct lock_class *c = search_queue[head++];

		for (e = c->edges; e; e = e->next_out) {
			if (e->to->search_gen == search_gen)
				continue;
			e->to->search_gen = search_gen;
			e->to->search_via = e;
			if (e->to == target)
				return e;
			search_queue[tail++] = e->to;
		}
	}
	return NULL;
}

static void report_cycle(struct held_lock *prev, struct lock_class *next,
			 unsigned long ip, struct lock_edge *last)
{
	struct lock_edge *path[LOCKDEP_REPORT_LINES];
	unsigned int n = 0;
	struct lock_edge *e;

	if (!report_begin("possible circular locking dependency detected",
			  "these orders, run at once, can deadlock"))
		return;
	report_add("holding", prev->class, prev->ip);
	report_add("  then taking", next, ip);
	report_add("but the opposite order was seen before:", NULL, 0);
	for (e = last; e && n < LOCKDEP_REPORT_LINES; e = e->from->search_via)
		path[n++] = e;
	while (n--) {
		report_add("holding", path[n]->from, path[n]->from_ip);
		report_add("  then taking", path[n]->to, path[n]->to_ip);
	}
}

/* Adds the edge @prev -> @next unless it closes a cycle. */
static void add_dependency(struct held_lock *prev, struct lock_class *next,
			   unsigned long ip)
{
	struct lock_edge *e, *last;
	unsigned int h;

	if (edge_find(prev->class, next))
		return;
	last = graph_search(next, prev->class);
	if (last) {
		report_cycle(prev, next, ip, last);
		return;
	}
	if (nr_edges == LOCKDEP_MAX_EDGES) {
		if (report_begin("lockdep: out of dependency edges, validator off",
				 "raise LOCKDEP_MAX_EDGES"))
			report_add("edge not recorded from", prev->class, prev->ip);
		return;
	}
	e = &lock_edges[nr_edges++];
	e->from = prev->class;
	e->to = next;
	e->from_ip = prev->ip;
	e->to_ip = ip;
	e->next_out = prev->class->edges;
	prev->class->edges = e;
	h = edge_hash_of(prev->class, next);
	e->hash_next = edge_hash[h];
	edge_hash[h] = e;
}

/* A class used both in hard IRQ context and with interrupts enabled. */
static void check_irq_usage(struct lock_class *class, bool hardirq,
			    bool irqs_on, unsigned long ip)
{
	if (hardirq && !(class->usage & LOCK_USED_IN_HARDIRQ)) {
		class->usage |= LOCK_USED_IN_HARDIRQ;
		class->hardirq_ip = ip;
	} else if (!hardirq && irqs_on &&
		   !(class->usage & LOCK_ENABLED_HARDIRQ)) {
		class->usage |= LOCK_ENABLED_HARDIRQ;
		class->enabled_ip = ip;
	} else {
		return;
	}
	if (class->usage != (LOCK_USED_IN_HARDIRQ | LOCK_ENABLED_HARDIRQ))
		return;
	if (report_begin("inconsistent hard-IRQ lock usage",
			 "an IRQ on the holder's CPU would spin for ever")) {
		report_add("taken in a hard IRQ", class, class->hardirq_ip);
		report_add("taken with interrupts on", class,
			   class->enabled_ip);
	}
}

/* Checks @class against the locks @curr holds. Return: false to stop. */
static bool check_held(struct task_struct *curr, struct lock_class *class,
		       int read, bool trylock, bool hardirq, unsigned long ip)
{
	struct held_lock *h, *end = curr->held_locks + curr->lockdep_depth;

	for (h = curr->held_locks; h < end; h++) {
		if (h->class == class && !trylock &&
		    !(read == LOCKDEP_READ_RECURSIVE &&
		      h->read == LOCKDEP_READ_RECURSIVE)) {
			if (report_begin("possible recursive locking detected",
					 "the class is held: may wait on itself")) {
				report_add("holding", h->class, h->ip);
				report_add("  then taking", class, ip);
			}
			return false;
		}
		if (class->wait == LD_WAIT_SLEEP && !trylock &&
		    h->class->wait == LD_WAIT_SPIN) {
			if (report_begin("sleeping lock taken in atomic context",
					 "a spinlock holder must not sleep")) {
				report_add("holding spinlock", h->class, h->ip);
				report_add("  then taking", class, ip);
			}
			return false;
		}
	}
	if (class->wait == LD_WAIT_SLEEP && !trylock && hardirq) {
		if (report_begin("sleeping lock taken in hard IRQ context",
				 "an interrupt handler cannot sleep"))
			report_add("taking", class, ip);
		return false;
	}
	return true;
}

/* The most recent lock @curr took in the same (IRQ or task) context. */
static struct held_lock *prev_held(struct task_struct *curr, bool hardirq)
{
	int depth = curr->lockdep_depth;

	if (!depth || curr->held_locks[depth - 1].hardirq != hardirq)
		return NULL;
	return &curr->held_locks[depth - 1];
}

static void __lock_acquire(struct task_struct *curr, struct lockdep_map *map,
			   int read, bool trylock, unsigned long ip,
			   bool irqs_on)
{
	bool hardirq = in_hardirq();
	struct lock_class *class;
	struct held_lock *prev, *h;

	class = map_class(map);
	if (!class)
		return;
	if (curr->lockdep_depth >= LOCKDEP_MAX_HELD) {
		if (report_begin("lockdep: too many locks held, validator off",
				 "raise LOCKDEP_MAX_HELD"))
			report_add("taking", class, ip);
		WRITE_ONCE(lockdep_off, true);
		return;
	}
	check_irq_usage(class, hardirq, irqs_on, ip);
	if (check_held(curr, class, read, trylock, hardirq, ip)) {
		prev = prev_held(curr, hardirq);
		if (prev && !trylock && prev->class != class)
			add_dependency(prev, class, ip);
	}
	h = &curr->held_locks[curr->lockdep_depth++];
	h->map = map;
	h->class = class;
	h->ip = ip;
	h->read = read;
	h->hardirq = hardirq;
	h->trylock = trylock;
}

/* Expected (test-mode) reports go out at KERN_INFO, real ones as warnings. */
#define report_printk(test, fmt, ...)					\
	((test) ? pr_info(fmt, ##__VA_ARGS__) : pr_warn(fmt, ##__VA_ARGS__))

static void print_ip(bool test, const char *what, const char *name,
		     unsigned long ip)
{
	unsigned long off;
	const char *sym = ip ? kallsyms_lookup(ip, &off) : NULL;

	if (!name)
		report_printk(test, "  %s\n", what);
	else if (sym)
		report_printk(test, "  %s %s at %s+0x%lx [<%016lx>]\n", what,
			      name, sym, off, ip);
	else
		report_printk(test, "  %s %s\n", what, name);
}

/* Prints the pending report; called without lockdep_lock. */
static void report_print(struct task_struct *curr, bool test)
{
	struct lockdep_report *r = &report;
	unsigned int i;

	report_printk(test, "%s %s\n",
		      test ? "lockdep-test (expected):" : "WARNING:", r->title);
	report_printk(test, "  task %s:%d\n", curr->comm, curr->pid);
	for (i = 0; i < r->nr; i++)
		print_ip(test, r->line[i].what, r->line[i].name, r->line[i].ip);
	report_printk(test, "  why: %s\n", r->hint);
	report_printk(test, "  locks held by %s:%d:\n", curr->comm, curr->pid);
	for (i = 0; i < (unsigned int)curr->lockdep_depth; i++)
		print_ip(test, "", curr->held_locks[i].class->name,
			 curr->held_locks[i].ip);
	if (!test) {
		dump_stack();
		pr_warn("lockdep: validator turned off\n");
	}
}

/*
 * Prints the report that @curr's last acquire or release made, if any.
 * Interrupts are off; lockdep_lock is not held.
 */
static void report_flush(struct task_struct *curr)
{
	bool test;

	if (!READ_ONCE(report.pending) || READ_ONCE(report.task) != curr)
		return;
	/* Printing takes locks: keep them out of the validator meanwhile. */
	curr->lockdep_recursion++;
	test = READ_ONCE(report.test);
	report_print(curr, test);
	arch_spin_lock(&lockdep_lock);
	report.pending = false;
	arch_spin_unlock(&lockdep_lock);
	curr->lockdep_recursion--;
}

/**
 * lockdep_init_map - name the class of a lock
 * @map: the lock's map
 * @name: a static string, the lock's name at its init site
 * @key: the class key, a static object
 * @wait: LD_WAIT_SPIN or LD_WAIT_SLEEP
 */
void lockdep_init_map(struct lockdep_map *map, const char *name,
		      struct lock_class_key *key, enum lockdep_wait wait)
{
	map->key = key;
	map->name = name;
	map->class = NULL;
	map->wait = wait;
}

/* Whether the validator should look at this call at all. */
static bool lockdep_skip(struct lockdep_map *map, struct task_struct *curr)
{
	return !map || READ_ONCE(lockdep_off) || curr->lockdep_recursion;
}

/**
 * lock_acquire - note that the current context takes @map's lock
 * @map: the lock
 * @read: LOCKDEP_WRITE, LOCKDEP_READ or LOCKDEP_READ_RECURSIVE
 * @trylock: it was taken without waiting (no dependency is recorded)
 * @ip: the caller's address, for reports
 *
 * Called before waiting for the lock, so that a deadlock is reported
 * rather than entered. Any context; takes only lockdep_lock.
 */
void lock_acquire(struct lockdep_map *map, int read, bool trylock,
		  unsigned long ip)
{
	struct task_struct *curr;
	unsigned long flags;

	if (!map || READ_ONCE(lockdep_off))
		return;
	flags = arch_local_irq_save();
	curr = current;
	if (!lockdep_skip(map, curr)) {
		arch_spin_lock(&lockdep_lock);
		__lock_acquire(curr, map, read, trylock, ip,
			       flags & X86_EFLAGS_IF);
		arch_spin_unlock(&lockdep_lock);
		report_flush(curr);
	}
	arch_local_irq_restore(flags);
}

static int held_index(struct task_struct *curr, struct lockdep_map *map)
{
	int i;

	for (i = curr->lockdep_depth - 1; i >= 0; i--)
		if (curr->held_locks[i].map == map)
			return i;
	return -1;
}

static void held_remove(struct task_struct *curr, int i)
{
	for (; i + 1 < curr->lockdep_depth; i++)
		curr->held_locks[i] = curr->held_locks[i + 1];
	curr->lockdep_depth--;
}

/**
 * lock_release - note that the current context drops @map's lock
 * @map: the lock
 * @ip: the caller's address, for reports
 *
 * Reports a lock the current context does not hold.
 */
void lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *curr;
	unsigned long flags;
	int i;

	if (!map || READ_ONCE(lockdep_off))
		return;
	flags = arch_local_irq_save();
	curr = current;
	if (!lockdep_skip(map, curr)) {
		arch_spin_lock(&lockdep_lock);
		i = held_index(curr, map);
		if (i >= 0) {
			held_remove(curr, i);
		} else if (map_class(map) &&
			   report_begin("releasing a lock that is not held",
					"released twice, or not by its taker")) {
			report_add("releasing", map_class(map), ip);
		}
		arch_spin_unlock(&lockdep_lock);
		report_flush(curr);
	}
	arch_local_irq_restore(flags);
}

/**
 * lock_downgrade - a held write lock on @map becomes a read lock
 * @map: the lock
 * @ip: the caller's address
 */
void lock_downgrade(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *curr;
	unsigned long flags;
	int i;

	if (!map || READ_ONCE(lockdep_off))
		return;
	flags = arch_local_irq_save();
	curr = current;
	if (!lockdep_skip(map, curr)) {
		i = held_index(curr, map);
		if (i >= 0)
			curr->held_locks[i].read = LOCKDEP_READ;
	}
	arch_local_irq_restore(flags);
}

/**
 * lockdep_switch_out - the run queue lock leaves the task switching out
 * @map: the lock, held by the current task, which is about to switch
 *
 * Interrupts are off. The next task takes it over with lockdep_switch_in().
 */
void lockdep_switch_out(struct lockdep_map *map)
{
	struct task_struct *curr = current;
	int i;

	if (lockdep_skip(map, curr))
		return;
	i = held_index(curr, map);
	if (i >= 0)
		held_remove(curr, i);
}

/**
 * lockdep_switch_in - the task switched in takes over the run queue lock
 * @map: the lock that the previous task held over the switch
 * @ip: where the switch happened
 *
 * Interrupts are off; nothing is checked, the lock was checked when the
 * previous task took it.
 */
void lockdep_switch_in(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *curr = current;
	struct held_lock *h;

	if (lockdep_skip(map, curr) || !map->class ||
	    curr->lockdep_depth >= LOCKDEP_MAX_HELD)
		return;
	h = &curr->held_locks[curr->lockdep_depth++];
	h->map = map;
	h->class = map->class;
	h->ip = ip;
	h->read = LOCKDEP_WRITE;
	h->hardirq = false;
	h->trylock = false;
}

/* Return: the reports printed (or counted) since boot. */
unsigned int lockdep_reports(void)
{
	return READ_ONCE(nr_reports);
}

/* Return: whether the validator still runs. */
bool lockdep_enabled(void)
{
	return !READ_ONCE(lockdep_off);
}

/**
 * lockdep_test_begin - enter test mode, for the KUnit suite only
 *
 * Until lockdep_test_end(), reports are expected: they are printed at
 * KERN_INFO under "lockdep-test (expected):" and leave the validator on.
 */
void lockdep_test_begin(void)
{
	unsigned long flags = arch_local_irq_save();

	arch_spin_lock(&lockdep_lock);
	lockdep_test_mode = true;
	arch_spin_unlock(&lockdep_lock);
	arch_local_irq_restore(flags);
}

void lockdep_test_end(void)
{
	unsigned long flags = arch_local_irq_save();

	arch_spin_lock(&lockdep_lock);
	lockdep_test_mode = false;
	arch_spin_unlock(&lockdep_lock);
	arch_local_irq_restore(flags);
}
