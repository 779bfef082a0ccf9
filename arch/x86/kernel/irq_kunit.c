// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for interrupt dispatch (irq.c, io_apic.c): request/free rules,
 * handlers reached through their vector, shared lines, spurious vectors,
 * and a real device interrupt (PIT channel 0 through the IOAPIC).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/time.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/irq.h>
#include <kunit/test.h>

/* ISA IRQ 7 (LPT1): no device behind it on QEMU's pc and q35 here. */
#define QUIET_IRQ	7
#define WAIT_NS		(200 * NSEC_PER_MSEC)

struct hit {
	unsigned int calls;
	int irq;
	irqreturn_t ret;
};

static irqreturn_t count_handler(int irq, void *dev)
{
	struct hit *h = dev;

	WRITE_ONCE(h->calls, h->calls + 1);
	h->irq = irq;
	return h->ret;
}

/* Sends @vector to this CPU and waits (interrupts on) until @cond. */
#define self_ipi_until(vector, cond) ({					\
	u64 __end = ktime_get_ns() + WAIT_NS;				\
	lapic_send_ipi_self(vector);					\
	while (!(cond) && ktime_get_ns() < __end)			\
		cpu_relax();						\
	(cond); })

static void irq_request_rules(struct kunit *test)
{
	struct hit a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_HANDLED };

	KUNIT_EXPECT_EQ(test, request_irq(NR_IRQS, count_handler, 0, "t", &a), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(QUIET_IRQ, NULL, 0, "t", &a), -EINVAL);
	/* ISA IRQ 2 has no input of its own: IRQ0 was moved onto GSI 2. */
	KUNIT_EXPECT_EQ(test, request_irq(2, count_handler, 0, "t", &a), -EINVAL);
	KUNIT_ASSERT_EQ(test, request_irq(QUIET_IRQ, count_handler, 0, "t", &a), 0);
	KUNIT_EXPECT_EQ(test, request_irq(QUIET_IRQ, count_handler, 0, "t", &b), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(QUIET_IRQ, count_handler, IRQF_SHARED, "t", &b),
			-EBUSY);
	free_irq(QUIET_IRQ, &a);
	KUNIT_EXPECT_EQ(test, request_irq(QUIET_IRQ, count_handler, 0, "t", &b), 0);
	free_irq(QUIET_IRQ, &b);
}

static void irq_free_unknown_warns(struct kunit *test)
{
	struct hit a = { };

	KUNIT_EXPECT_WARN(test, free_irq(QUIET_IRQ, &a));
}

static void irq_dispatch_by_vector(struct kunit *test)
{
	struct hit a = { .ret = IRQ_HANDLED };
	unsigned long before = irq_count(QUIET_IRQ);

	KUNIT_ASSERT_EQ(test, request_irq(QUIET_IRQ, count_handler, 0, "t", &a), 0);
	KUNIT_EXPECT_TRUE(test, self_ipi_until(irq_to_vector(QUIET_IRQ),
					       READ_ONCE(a.calls) == 1));
	KUNIT_EXPECT_EQ(test, a.irq, QUIET_IRQ);
	KUNIT_EXPECT_EQ(test, irq_count(QUIET_IRQ), before + 1);
	free_irq(QUIET_IRQ, &a);
}

static void irq_shared_line(struct kunit *test)
{
	struct hit a = { .ret = IRQ_NONE }, b = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_EQ(test, request_irq(QUIET_IRQ, count_handler, IRQF_SHARED, "a", &a), 0);
	KUNIT_ASSERT_EQ(test, request_irq(QUIET_IRQ, count_handler, IRQF_SHARED, "b", &b), 0);
	KUNIT_EXPECT_TRUE(test, self_ipi_until(irq_to_vector(QUIET_IRQ),
					       READ_ONCE(b.calls) == 1));
	KUNIT_EXPECT_EQ(test, a.calls, 1);
	free_irq(QUIET_IRQ, &a);
	KUNIT_EXPECT_TRUE(test, self_ipi_until(irq_to_vector(QUIET_IRQ),
					       READ_ONCE(b.calls) == 2));
	KUNIT_EXPECT_EQ(test, a.calls, 1);
	free_irq(QUIET_IRQ, &b);
}

static void irq_spurious_vector(struct kunit *test)
{
	unsigned long before = irq_spurious_count();

	/* No handler on the vector: counted, acknowledged, no crash. */
	KUNIT_EXPECT_TRUE(test, self_ipi_until(UNUSED_TEST_VECTOR,
					       irq_spurious_count() == before + 1));
	/* A device vector without handler is spurious too. */
	KUNIT_EXPECT_TRUE(test, self_ipi_until(irq_to_vector(QUIET_IRQ),
					       irq_spurious_count() == before + 2));
	/* And the APIC still delivers afterwards (the EOIs were sent). */
	KUNIT_EXPECT_TRUE(test, self_ipi_until(UNUSED_TEST_VECTOR,
					       irq_spurious_count() == before + 3));
}

#define PIT_CH0		0x40
#define PIT_MODE	0x43

/* ISA IRQ0 from the PIT, through the MADT override to GSI 2. */
static void irq_pit_through_ioapic(struct kunit *test)
{
	struct hit a = { .ret = IRQ_HANDLED };
	struct irq_route r;
	u64 end;

	KUNIT_ASSERT_EQ(test, ioapic_route(0, &r), 0);
	KUNIT_EXPECT_EQ(test, r.gsi, 2);
	KUNIT_EXPECT_FALSE(test, r.level);
	KUNIT_ASSERT_EQ(test, request_irq(0, count_handler, 0, "pit", &a), 0);
	/* Channel 0, lo/hi, mode 0: the output rises once after ~1 ms. */
	outb(0x30, PIT_MODE);
	outb(1193 & 0xff, PIT_CH0);
	outb(1193 >> 8, PIT_CH0);
	end = ktime_get_ns() + WAIT_NS;
	while (!READ_ONCE(a.calls) && ktime_get_ns() < end)
		cpu_relax();
	free_irq(0, &a);
	KUNIT_EXPECT_EQ(test, a.calls, 1);
	KUNIT_EXPECT_EQ(test, a.irq, 0);
}

static struct kunit_case irq_cases[] = {
	KUNIT_CASE(irq_request_rules),
	KUNIT_CASE(irq_free_unknown_warns),
	KUNIT_CASE(irq_dispatch_by_vector),
	KUNIT_CASE(irq_shared_line),
	KUNIT_CASE(irq_spurious_vector),
	KUNIT_CASE(irq_pit_through_ioapic),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "irq",
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
