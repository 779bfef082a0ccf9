// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "lockdep": each case takes private locks (classes no other
 * code uses) in an order the validator must report, or must accept, and
 * checks the report count. Runs in the validator's test mode, so the
 * expected reports do not fail the boot.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/kobject.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>
#include <kunit/test.h>

static int lockdep_test_init(struct kunit *test)
{
	lockdep_test_begin();
	return 0;
}

/* Every case needs the validator, which a real report turns off. */
static void ld_require(struct kunit *test)
{
	if (!lockdep_enabled())
		kunit_skip(test, "validator is off after an earlier report");
}

static void lockdep_test_exit(struct kunit *test)
{
	lockdep_test_end();
}

static DEFINE_SPINLOCK(ld_abba_a);
static DEFINE_SPINLOCK(ld_abba_b);

/* A then B, later B then A: one report, at the second order. */
static void abba_spinlocks(struct kunit *test)
{
	unsigned int before = lockdep_reports();

	ld_require(test);
	spin_lock(&ld_abba_a);
	spin_lock(&ld_abba_b);
	spin_unlock(&ld_abba_b);
	spin_unlock(&ld_abba_a);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before);

	spin_lock(&ld_abba_b);
	spin_lock(&ld_abba_a);
	spin_unlock(&ld_abba_a);
	spin_unlock(&ld_abba_b);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before + 1);
}

static DEFINE_MUTEX(ld_ring_a);
static DEFINE_MUTEX(ld_ring_b);
static DEFINE_MUTEX(ld_ring_c);

static void take_pair(struct mutex *outer, struct mutex *inner)
{
	mutex_lock(outer);
	mutex_lock(inner);
	mutex_unlock(inner);
	mutex_unlock(outer);
}

/* A->B and B->C are fine; C->A closes a cycle of three. */
static void three_lock_cycle(struct kunit *test)
{
	unsigned int before = lockdep_reports();

	ld_require(test);
	take_pair(&ld_ring_a, &ld_ring_b);
	take_pair(&ld_ring_b, &ld_ring_c);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before);
	take_pair(&ld_ring_c, &ld_ring_a);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before + 1);
}

/*
 * The shape of the valid_zones deadlock, through sysfs and kernfs: a show
 * (under the file's active reference) takes an rwsem for reading, and a
 * removal holds it for writing while it waits for active references.
 */
static DECLARE_RWSEM(ld_hotplug_sem);
static struct attribute ld_attr = { .name = "show_takes_sem", .mode = 0444 };

static ssize_t ld_attr_show(struct kobject *holder, struct attribute *attr,
			    char *buf)
{
	down_read(&ld_hotplug_sem);
	up_read(&ld_hotplug_sem);
	return sysfs_emit(buf, "0\n");
}

static const struct sysfs_ops ld_sysfs_ops = { .show = ld_attr_show };

static void ld_kobj_release(struct kobject *holder)
{
	kfree(holder);
}

static const struct kobj_type ld_ktype = {
	.release = ld_kobj_release,
	.sysfs_ops = &ld_sysfs_ops,
};

static void kernfs_active_vs_rwsem(struct kunit *test)
{
	unsigned int before = lockdep_reports();
	struct kobject *holder;
	char buf[8];

	ld_require(test);
	holder = kzalloc(sizeof(*holder), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, holder);
	kobject_init(holder, &ld_ktype);
	if (kobject_add(holder, NULL, "lockdep_test")) {
		kobject_put(holder);
		KUNIT_FAIL(test, "cannot add /sys/lockdep_test");
		return;
	}
	KUNIT_EXPECT_EQ(test, sysfs_create_file(holder, &ld_attr), 0);
	KUNIT_EXPECT_EQ(test, vfs_read_path("/sys/lockdep_test/show_takes_sem",
					    buf, sizeof(buf)), 2);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before);

	down_write(&ld_hotplug_sem);
	sysfs_remove_file(holder, &ld_attr);
	up_write(&ld_hotplug_sem);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before + 1);
	kobject_del(holder);
	kobject_put(holder);
}

static DEFINE_SPINLOCK(ld_irq_lock);

/* Taken with interrupts on, then in (what looks like) a hard IRQ. */
static void irq_safe_unsafe_inversion(struct kunit *test)
{
	unsigned int before = lockdep_reports();

	ld_require(test);
	if (!(arch_local_save_flags() & X86_EFLAGS_IF))
		kunit_skip(test, "interrupts are off in test context");
	spin_lock(&ld_irq_lock);
	spin_unlock(&ld_irq_lock);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before);

	/* Enter hard-IRQ context as the interrupt entry code does. */
	local_irq_disable();
	this_cpu_inc(hardirq_depth);
	spin_lock(&ld_irq_lock);
	spin_unlock(&ld_irq_lock);
	this_cpu_dec(hardirq_depth);
	local_irq_enable();
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before + 1);
}

static DEFINE_SPINLOCK(ld_unheld);

static void unlock_not_held(struct kunit *test)
{
	unsigned int before = lockdep_reports();

	ld_require(test);
	spin_unlock(&ld_unheld);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before + 1);
}

static DEFINE_SPINLOCK(ld_order_a);
static DEFINE_MUTEX(ld_order_m);

/* One order, many times, nested and alone: never a report. */
static void consistent_order_no_report(struct kunit *test)
{
	unsigned int before = lockdep_reports();
	spinlock_t dyn[2];	/* two init sites below: two classes */
	int i;

	ld_require(test);
	spin_lock_init(&dyn[0]);
	spin_lock_init(&dyn[1]);
	for (i = 0; i < 100; i++) {
		mutex_lock(&ld_order_m);
		spin_lock(&ld_order_a);
		spin_lock(&dyn[0]);
		spin_unlock(&dyn[0]);
		spin_unlock(&ld_order_a);
		spin_lock(&dyn[1]);
		spin_unlock(&dyn[1]);
		mutex_unlock(&ld_order_m);
		spin_lock(&ld_order_a);
		spin_unlock(&ld_order_a);
	}
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before);
}

/* Both rwsems come from this one init site: one class. */
static void ld_rwsem_init(struct rw_semaphore *sem)
{
	init_rwsem(sem);
}

/*
 * A reader waits behind a queued writer, so a read lock taken inside a
 * read lock of the same rwsem class can deadlock: reported.
 */
static void rwsem_read_recursion_reported(struct kunit *test)
{
	unsigned int before = lockdep_reports();
	struct rw_semaphore a, b;

	ld_require(test);
	ld_rwsem_init(&a);
	ld_rwsem_init(&b);
	down_read(&a);
	down_read(&b);
	up_read(&b);
	up_read(&a);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before + 1);
}

static struct lock_class_key ld_recursive_key;

/*
 * A reader that never waits while the lock is shared (a kernfs active
 * reference) may nest in itself.
 */
static void recursive_read_allowed(struct kunit *test)
{
	unsigned int before = lockdep_reports();
	struct lockdep_map map;

	ld_require(test);
	lockdep_init_map(&map, "ld_recursive", &ld_recursive_key,
			 LD_WAIT_SLEEP);
	lock_acquire(&map, LOCKDEP_READ_RECURSIVE, false, _THIS_IP_);
	lock_acquire(&map, LOCKDEP_READ_RECURSIVE, false, _THIS_IP_);
	lock_release(&map, _THIS_IP_);
	lock_release(&map, _THIS_IP_);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before);
}

static DEFINE_SPINLOCK(ld_atomic_spin);
static DEFINE_MUTEX(ld_atomic_mutex);

/* mutex_lock() under a spinlock: reported even though it did not sleep. */
static void sleeping_lock_in_atomic(struct kunit *test)
{
	unsigned int before = lockdep_reports();

	ld_require(test);
	spin_lock(&ld_atomic_spin);
	mutex_lock(&ld_atomic_mutex);
	mutex_unlock(&ld_atomic_mutex);
	spin_unlock(&ld_atomic_spin);
	KUNIT_EXPECT_EQ(test, lockdep_reports(), before + 1);
}

static struct kunit_case lockdep_cases[] = {
	KUNIT_CASE(abba_spinlocks),
	KUNIT_CASE(three_lock_cycle),
	KUNIT_CASE(kernfs_active_vs_rwsem),
	KUNIT_CASE(irq_safe_unsafe_inversion),
	KUNIT_CASE(unlock_not_held),
	KUNIT_CASE(consistent_order_no_report),
	KUNIT_CASE(rwsem_read_recursion_reported),
	KUNIT_CASE(recursive_read_allowed),
	KUNIT_CASE(sleeping_lock_in_atomic),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.init = lockdep_test_init,
	.exit = lockdep_test_exit,
	.test_cases = lockdep_cases,
};
kunit_test_suite(lockdep_suite);
