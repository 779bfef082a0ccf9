// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the local APIC, the IOAPIC routing and the tick: IDs, masked
 * PICs, the calibrated timer and jiffies against the TSC clock.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <kunit/test.h>

static void apic_id_matches_cpuid(struct kunit *test)
{
	u32 a, b, c, d;
	unsigned long flags;

	local_irq_save(flags);
	cpuid(1, &a, &b, &c, &d);
	KUNIT_EXPECT_EQ(test, lapic_id(), b >> 24);
	KUNIT_EXPECT_EQ(test, lapic_id(), x86_cpu_to_apicid[smp_processor_id()]);
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE(test, apic_read(APIC_SVR) & APIC_SVR_ENABLE);
	KUNIT_EXPECT_EQ(test, apic_read(APIC_SVR) & 0xff, SPURIOUS_APIC_VECTOR);
}

static void apic_pics_masked(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, inb(0x21), 0xff);
	KUNIT_EXPECT_EQ(test, inb(0xa1), 0xff);
	KUNIT_EXPECT_TRUE(test, apic_read(APIC_LVT_LINT0) & APIC_LVT_MASKED);
}

static void apic_timer_calibrated(struct kunit *test)
{
	/* QEMU's APIC clock is 1 GHz / 16 here; any real one is MHz-range. */
	KUNIT_EXPECT_GT(test, lapic_timer_hz, 1000000ULL);
	KUNIT_EXPECT_LT(test, lapic_timer_hz, 10000000000ULL);
	KUNIT_EXPECT_EQ(test, lapic_timer_period, (u32)(lapic_timer_hz / HZ));
	KUNIT_EXPECT_TRUE(test, apic_read(APIC_LVT_TIMER) & APIC_LVT_PERIODIC);
	KUNIT_EXPECT_FALSE(test, apic_read(APIC_LVT_TIMER) & APIC_LVT_MASKED);
}

/* 200 ms of TSC time is 50 ticks at HZ=250; allow a wide margin. */
static void apic_jiffies_follow_tsc(struct kunit *test)
{
	unsigned long j0 = jiffies, t0 = this_cpu_read(tick_count), dj;
	u64 start = ktime_get_ns();

	while (ktime_get_ns() - start < 200 * NSEC_PER_MSEC)
		cpu_relax();
	dj = jiffies - j0;
	/*
	 * 200 ms should give HZ / 5 ticks. Under TCG a starved vCPU thread
	 * loses ticks, so only a wildly wrong rate fails: a dead or badly
	 * miscalibrated timer, not a busy host.
	 */
	KUNIT_EXPECT_GE(test, dj, (unsigned long)HZ / 5 / 10);
	KUNIT_EXPECT_LE(test, dj, (unsigned long)HZ / 5 * 4);
	KUNIT_EXPECT_GE(test, this_cpu_read(tick_count) - t0, (unsigned long)HZ / 5 / 10);
}

static void apic_ioapic_routing(struct kunit *test)
{
	struct irq_route r;

	KUNIT_EXPECT_GE(test, ioapic_nr_inputs(), 24U);
	KUNIT_ASSERT_EQ(test, ioapic_route(0, &r), 0);
	KUNIT_EXPECT_EQ(test, r.gsi, 2);
	KUNIT_ASSERT_EQ(test, ioapic_route(4, &r), 0);
	KUNIT_EXPECT_EQ(test, r.gsi, 4);
	KUNIT_EXPECT_FALSE(test, r.level);
	KUNIT_EXPECT_FALSE(test, r.active_low);
	/* A PCI GSI with no override: level, active low. */
	KUNIT_ASSERT_EQ(test, ioapic_route(20, &r), 0);
	KUNIT_EXPECT_EQ(test, r.gsi, 20);
	KUNIT_EXPECT_TRUE(test, r.level);
	KUNIT_EXPECT_TRUE(test, r.active_low);
	KUNIT_EXPECT_EQ(test, ioapic_route(ioapic_nr_inputs(), &r), -EINVAL);
}

static struct kunit_case apic_cases[] = {
	KUNIT_CASE(apic_id_matches_cpuid),
	KUNIT_CASE(apic_pics_masked),
	KUNIT_CASE(apic_timer_calibrated),
	KUNIT_CASE(apic_jiffies_follow_tsc),
	KUNIT_CASE(apic_ioapic_routing),
	{}
};

static struct kunit_suite apic_suite = {
	.name = "apic",
	.test_cases = apic_cases,
};
kunit_test_suite(apic_suite);
