// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the user segments in every CPU's GDT and for SMEP and SMAP
 * in CR4 (tss.c, cpu_protect.c).
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/smap.h>
#include <kunit/test.h>

/* Descriptor fields, decoded here from the SDM's layout. */
static unsigned int desc_dpl(u64 d)	{ return (d >> 45) & 3; }
static bool desc_present(u64 d)		{ return (d >> 47) & 1; }
static bool desc_code(u64 d)		{ return (d >> 43) & 1; }
static bool desc_long(u64 d)		{ return (d >> 53) & 1; }
static bool desc_writable(u64 d)	{ return (d >> 41) & 1; }

struct cpu_seen {
	u64 user_cs, user_ds, kernel_cs;
	unsigned long cr4;
	bool ran;
};

static struct cpu_seen seen[NR_CPUS];

static void look_at_cpu(void *unused)
{
	struct desc_ptr gdtr;
	struct cpu_seen *s = &seen[smp_processor_id()];
	const u64 *gdt;

	asm volatile("sgdt %0" : "=m"(gdtr));
	gdt = (const u64 *)gdtr.base;
	s->user_cs = gdt[GDT_USER_CS / 8];
	s->user_ds = gdt[GDT_USER_DS / 8];
	s->kernel_cs = gdt[GDT_KERNEL_CS / 8];
	s->cr4 = read_cr4();
	s->ran = true;
}

/* SYSCALL and SYSRET compute selectors from two STAR fields. */
static void cpu_protect_star_layout(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, GDT_KERNEL_DS, GDT_KERNEL_CS + 8);
	KUNIT_EXPECT_EQ(test, USER_DS, (GDT_USER32_CS + 8) | 3);
	KUNIT_EXPECT_EQ(test, USER_CS, (GDT_USER32_CS + 16) | 3);
	KUNIT_EXPECT_EQ(test, GDT_TSS, GDT_USER_CS + 8);
}

/* Every online CPU has the user code and data segments at DPL 3. */
static void cpu_protect_user_segments(struct kunit *test)
{
	int cpu;

	memset(seen, 0, sizeof(seen));
	on_each_cpu(look_at_cpu, NULL, true);
	for_each_online_cpu(cpu) {
		struct cpu_seen *s = &seen[cpu];

		KUNIT_ASSERT_TRUE(test, s->ran);
		KUNIT_EXPECT_TRUE(test, desc_present(s->user_cs));
		KUNIT_EXPECT_EQ(test, desc_dpl(s->user_cs), 3U);
		KUNIT_EXPECT_TRUE(test, desc_code(s->user_cs));
		KUNIT_EXPECT_TRUE(test, desc_long(s->user_cs));
		KUNIT_EXPECT_TRUE(test, desc_present(s->user_ds));
		KUNIT_EXPECT_EQ(test, desc_dpl(s->user_ds), 3U);
		KUNIT_EXPECT_FALSE(test, desc_code(s->user_ds));
		KUNIT_EXPECT_TRUE(test, desc_writable(s->user_ds));
		KUNIT_EXPECT_EQ(test, desc_dpl(s->kernel_cs), 0U);
	}
}

/*
 * QEMU's -cpu max has both features: every online CPU runs with them,
 * and the SMAP window starts closed.
 */
static void cpu_protect_smep_smap(struct kunit *test)
{
	unsigned long flags;
	u32 a, b, c, d;
	int cpu;

	cpuid(0, &a, &b, &c, &d);
	if (a < 7)
		kunit_skip(test, "no CPUID leaf 7");
	cpuid(7, &a, &b, &c, &d);
	if (!(b & (1U << 7)) || !(b & (1U << 20)))
		kunit_skip(test, "CPU without SMEP or SMAP");
	KUNIT_EXPECT_TRUE(test, x86_smap_enabled);
	memset(seen, 0, sizeof(seen));
	on_each_cpu(look_at_cpu, NULL, true);
	for_each_online_cpu(cpu) {
		KUNIT_ASSERT_TRUE(test, seen[cpu].ran);
		KUNIT_EXPECT_TRUE(test, seen[cpu].cr4 & X86_CR4_SMEP);
		KUNIT_EXPECT_TRUE(test, seen[cpu].cr4 & X86_CR4_SMAP);
	}
	/* EFLAGS.AC (bit 18) is clear outside stac()/clac(). */
	asm volatile("pushfq; popq %0" : "=r"(flags));
	KUNIT_EXPECT_EQ(test, flags & (1UL << 18), 0UL);
}

static struct kunit_case cpu_protect_cases[] = {
	KUNIT_CASE(cpu_protect_star_layout),
	KUNIT_CASE(cpu_protect_user_segments),
	KUNIT_CASE(cpu_protect_smep_smap),
	{}
};

static struct kunit_suite cpu_protect_suite = {
	.name = "cpu_protect",
	.test_cases = cpu_protect_cases,
};
kunit_test_suite(cpu_protect_suite);
