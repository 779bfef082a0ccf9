// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU's protection of the kernel from user memory: SMEP (no kernel
 * instruction fetch from a user page) and SMAP (no kernel data access to
 * one outside a stac()/clac() window), switched on in CR4 on every CPU
 * when CPUID says the CPU has them.
 */
#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/smap.h>

bool x86_smap_enabled;
static bool x86_smep_enabled;

static u32 cpuid_7_ebx(void)
{
	u32 a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
	if (a < CPUID_LEAF_EXT_FEATURES)
		return 0;
	cpuid(CPUID_LEAF_EXT_FEATURES, &a, &b, &c, &d);
	return b;
}

/**
 * cpu_protect_init - turn on SMEP and SMAP on this CPU
 * @boot: true on the boot CPU, whose CPUID decides (and which prints)
 *        what every CPU uses: Tide assumes all CPUs have the same features
 *
 * Called with interrupts off, once per CPU: from trap_init() on CPU 0
 * and from ap_start_kernel() on the others, before either runs anything
 * that could touch a user page.
 */
void cpu_protect_init(bool boot)
{
	unsigned long cr4 = read_cr4();

	if (boot) {
		u32 ebx = cpuid_7_ebx();

		x86_smep_enabled = ebx & CPUID_7_EBX_SMEP;
		x86_smap_enabled = ebx & CPUID_7_EBX_SMAP;
		pr_info("x86: SMEP %s, SMAP %s\n",
			x86_smep_enabled ? "enabled" : "not supported",
			x86_smap_enabled ? "enabled" : "not supported");
	}
	if (x86_smep_enabled)
		cr4 |= X86_CR4_SMEP;
	if (x86_smap_enabled)
		cr4 |= X86_CR4_SMAP;
	write_cr4(cr4);
	/* Start with the SMAP window closed. */
	clac();
}
