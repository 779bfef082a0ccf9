// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo: what CPUID says about the processor, one block per
 * online CPU in Linux's x86 layout.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/processor.h>
#include "internal.h"

/* A CPUID register's feature bits and the names /proc/cpuinfo gives them. */
struct cpuinfo_flag {
	u8 bit;
	const char *name;
};

/* Leaf 1, EDX */
static const struct cpuinfo_flag flags_1_edx[] = {
	{ 0, "fpu" }, { 1, "vme" }, { 2, "de" }, { 3, "pse" }, { 4, "tsc" },
	{ 5, "msr" }, { 6, "pae" }, { 7, "mce" }, { 8, "cx8" },
	{ 9, "apic" }, { 11, "sep" }, { 12, "mtrr" }, { 13, "pge" },
	{ 14, "mca" }, { 15, "cmov" }, { 16, "pat" }, { 17, "pse36" },
	{ 19, "clflush" }, { 21, "dts" }, { 22, "acpi" }, { 23, "mmx" },
	{ 24, "fxsr" }, { 25, "sse" }, { 26, "sse2" }, { 27, "ss" },
	{ 28, "ht" }, { 29, "tm" }, { 31, "pbe" },
};

/* Leaf 0x80000001, EDX */
static const struct cpuinfo_flag flags_ext_edx[] = {
	{ 11, "syscall" }, { 20, "nx" }, { 22, "mmxext" },
	{ 25, "fxsr_opt" }, { 26, "pdpe1gb" }, { 27, "rdtscp" },
	{ 29, "lm" },
};

/* Leaf 1, ECX */
static const struct cpuinfo_flag flags_1_ecx[] = {
	{ 0, "pni" }, { 1, "pclmulqdq" }, { 3, "monitor" }, { 5, "vmx" },
	{ 7, "est" }, { 9, "ssse3" }, { 12, "fma" }, { 13, "cx16" },
	{ 17, "pcid" }, { 19, "sse4_1" }, { 20, "sse4_2" },
	{ 21, "x2apic" }, { 22, "movbe" }, { 23, "popcnt" },
	{ 24, "tsc_deadline_timer" }, { 25, "aes" }, { 26, "xsave" },
	{ 28, "avx" }, { 29, "f16c" }, { 30, "rdrand" },
	{ 31, "hypervisor" },
};

/* Leaf 0x80000001, ECX */
static const struct cpuinfo_flag flags_ext_ecx[] = {
	{ 0, "lahf_lm" }, { 1, "cmp_legacy" }, { 2, "svm" },
	{ 5, "abm" }, { 6, "sse4a" }, { 7, "misalignsse" },
	{ 8, "3dnowprefetch" },
};

/* Leaf 7 subleaf 0, EBX */
static const struct cpuinfo_flag flags_7_ebx[] = {
	{ 0, "fsgsbase" }, { 3, "bmi1" }, { 5, "avx2" }, { 7, "smep" },
	{ 8, "bmi2" }, { 9, "erms" }, { 10, "invpcid" },
	{ 16, "avx512f" }, { 18, "rdseed" }, { 19, "adx" },
	{ 20, "smap" }, { 23, "clflushopt" }, { 24, "clwb" },
	{ 29, "sha_ni" },
};

static void cpuinfo_flags(struct proc_text *t, u32 reg,
			  const struct cpuinfo_flag *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (reg & (1U << f[i].bit))
			proc_printf(t, " %s", f[i].name);
	}
}

static void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(sub));
}

/* The TSC's rate in kHz, measured once against the kernel clock. */
static u64 cpuinfo_tsc_khz(void)
{
	static u64 khz;
	u64 t0, n0, t1, n1;

	if (khz)
		return khz;
	t0 = rdtsc();
	n0 = ktime_get_ns();
	udelay(500);
	t1 = rdtsc();
	n1 = ktime_get_ns();
	if (n1 > n0)
		khz = (t1 - t0) * NSEC_PER_MSEC / (n1 - n0);
	return khz;
}

/* Everything CPUID tells, read once on the CPU printing the file. */
struct cpuinfo_id {
	char vendor[13];
	char model_name[49];
	u32 max_leaf, max_ext;
	u32 family, model, stepping;
	u32 r1[4], ext1[4], r7[4];
	u32 l2_kb, clflush, virt_bits;
};

static void cpuinfo_read(struct cpuinfo_id *id)
{
	u32 a, b, c, d, leaf;
	char *p;
	int i;

	memset(id, 0, sizeof(*id));
	cpuid(0, &id->max_leaf, &b, &c, &d);
	memcpy(id->vendor, &b, 4);
	memcpy(id->vendor + 4, &d, 4);
	memcpy(id->vendor + 8, &c, 4);
	cpuid(1, &id->r1[0], &id->r1[1], &id->r1[2], &id->r1[3]);
	a = id->r1[0];
	id->family = (a >> 8) & 0xf;
	id->model = (a >> 4) & 0xf;
	if (id->family == 0xf)
		id->family += (a >> 20) & 0xff;
	if (id->family >= 6)
		id->model |= ((a >> 16) & 0xf) << 4;
	id->stepping = a & 0xf;
	id->clflush = ((id->r1[1] >> 8) & 0xff) * 8;
	if (id->max_leaf >= 7)
		cpuid_count(7, 0, &id->r7[0], &id->r7[1], &id->r7[2],
			    &id->r7[3]);
	cpuid(0x80000000, &id->max_ext, &b, &c, &d);
	if (id->max_ext >= 0x80000001)
		cpuid(0x80000001, &id->ext1[0], &id->ext1[1], &id->ext1[2],
		      &id->ext1[3]);
	if (id->max_ext >= 0x80000004) {
		for (leaf = 0x80000002, i = 0; leaf <= 0x80000004; leaf++) {
			u32 r[4];

			cpuid(leaf, &r[0], &r[1], &r[2], &r[3]);
			memcpy(id->model_name + i, r, sizeof(r));
			i += sizeof(r);
		}
	}
	for (p = id->model_name; *p == ' '; p++)
		;
	memmove(id->model_name, p, strlen(p) + 1);
	if (!id->model_name[0])
		strscpy(id->model_name, "unknown", sizeof(id->model_name));
	if (id->max_ext >= 0x80000006) {
		cpuid(0x80000006, &a, &b, &c, &d);
		id->l2_kb = c >> 16;
	}
	id->virt_bits = 48;
	if (id->max_ext >= 0x80000008) {
		cpuid(0x80000008, &a, &b, &c, &d);
		id->virt_bits = (a >> 8) & 0xff;
	}
}

static void cpuinfo_one(struct proc_text *t, const struct cpuinfo_id *id,
			int cpu, unsigned int ncpu, u64 khz)
{
	proc_printf(t, "processor\t: %d\n", cpu);
	proc_printf(t, "vendor_id\t: %s\n", id->vendor);
	proc_printf(t, "cpu family\t: %u\n", id->family);
	proc_printf(t, "model\t\t: %u\n", id->model);
	proc_printf(t, "model name\t: %s\n", id->model_name);
	proc_printf(t, "stepping\t: %u\n", id->stepping);
	proc_printf(t, "cpu MHz\t\t: %llu.%03llu\n",
		    (unsigned long long)(khz / 1000),
		    (unsigned long long)(khz % 1000));
	if (id->l2_kb)
		proc_printf(t, "cache size\t: %u KB\n", id->l2_kb);
	proc_printf(t, "physical id\t: 0\n");
	proc_printf(t, "siblings\t: %u\n", ncpu);
	proc_printf(t, "core id\t\t: %d\n", cpu);
	proc_printf(t, "cpu cores\t: %u\n", ncpu);
	proc_printf(t, "apicid\t\t: %d\n", cpu);
	proc_printf(t, "initial apicid\t: %d\n", cpu);
	proc_printf(t, "fpu\t\t: yes\n");
	proc_printf(t, "fpu_exception\t: yes\n");
	proc_printf(t, "cpuid level\t: %u\n", id->max_leaf);
	proc_printf(t, "wp\t\t: yes\n");
	proc_printf(t, "flags\t\t:");
	cpuinfo_flags(t, id->r1[3], flags_1_edx, ARRAY_SIZE(flags_1_edx));
	cpuinfo_flags(t, id->ext1[3], flags_ext_edx, ARRAY_SIZE(flags_ext_edx));
	cpuinfo_flags(t, id->r1[2], flags_1_ecx, ARRAY_SIZE(flags_1_ecx));
	cpuinfo_flags(t, id->ext1[2], flags_ext_ecx, ARRAY_SIZE(flags_ext_ecx));
	cpuinfo_flags(t, id->r7[1], flags_7_ebx, ARRAY_SIZE(flags_7_ebx));
	proc_printf(t, "\nbugs\t\t:\n");
	proc_printf(t, "bogomips\t: %llu.%02llu\n",
		    (unsigned long long)(2 * khz / 1000),
		    (unsigned long long)(2 * khz % 1000) / 10);
	proc_printf(t, "clflush size\t: %u\n", id->clflush);
	proc_printf(t, "cache_alignment\t: %u\n", id->clflush);
	proc_printf(t, "address sizes\t: %u bits physical, %u bits virtual\n",
		    x86_phys_bits(), id->virt_bits);
	proc_printf(t, "power management:\n\n");
}

/**
 * proc_cpuinfo_show - /proc/cpuinfo
 * @t: output
 * @task: unused
 *
 * The CPUs of a Tide machine are alike: CPUID is read on the CPU running
 * this and printed for each online CPU, with the CPU number as its core
 * and APIC id. cpu MHz is the TSC's rate.
 *
 * Return: 0.
 */
int proc_cpuinfo_show(struct proc_text *t, struct task_struct *task)
{
	struct cpuinfo_id id;
	unsigned int ncpu = num_online_cpus();
	u64 khz = cpuinfo_tsc_khz();
	int cpu;

	cpuinfo_read(&id);
	for_each_online_cpu(cpu)
		cpuinfo_one(t, &id, cpu, ncpu, khz);
	return 0;
}
