// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the application processors: which CPUs exist (the MADT, or
 * QEMU's fw_cfg CPU count without one), and INIT-SIPI-SIPI through a
 * real-mode trampoline at TRAMPOLINE_BASE, one AP at a time.
 */
#include <linux/kernel.h>
#include <linux/mmzone.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/memblock.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/bootparam.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/syscall.h>

#pragma weak madt_info

u32 x86_cpu_to_apicid[NR_CPUS];

/* Read by ap_start64 (trampoline_64.S); set before each SIPI. */
unsigned long ap_boot_cr0, ap_boot_cr3, ap_boot_cr4, ap_boot_stack;
static int ap_boot_cpu;

extern const char trampoline_start[], trampoline_end[];
extern const char trampoline_cr3[], trampoline_target[], ap_start64[];

#define FW_CFG_PORT_SEL		0x510
#define FW_CFG_PORT_DATA	0x511
#define FW_CFG_SIGNATURE	0x0000
#define FW_CFG_NB_CPUS		0x0005

#define INIT_DELAY_US		10000
#define SIPI_DELAY_US		200
#define AP_START_TIMEOUT_NS	(5 * NSEC_PER_SEC)

static u16 fw_cfg_read16(u16 key)
{
	u16 v;

	outw(key, FW_CFG_PORT_SEL);
	v = inb(FW_CFG_PORT_DATA);
	return v | inb(FW_CFG_PORT_DATA) << 8;
}

/* QEMU's CPU count, or 1 without fw_cfg. APIC IDs are then 0..n-1. */
static int fw_cfg_nr_cpus(void)
{
	static const char sig[4] = "QEMU";
	int i;

	outw(FW_CFG_SIGNATURE, FW_CFG_PORT_SEL);
	for (i = 0; i < 4; i++)
		if (inb(FW_CFG_PORT_DATA) != (u8)sig[i])
			return 1;
	return max_t(int, fw_cfg_read16(FW_CFG_NB_CPUS), 1);
}

static u32 boot_cpu_apicid(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return b >> 24;
}

static void add_cpu(u32 apicid)
{
	int cpu = num_possible_cpus();

	if (cpu >= NR_CPUS) {
		pr_warn("smp: APIC %u ignored, CONFIG_NR_CPUS=%d\n", apicid, NR_CPUS);
		return;
	}
	x86_cpu_to_apicid[cpu] = apicid;
	cpumask_set_cpu(cpu, &cpus_possible_set);
	cpumask_set_cpu(cpu, &cpus_present_set);
	nr_cpu_ids = cpu + 1;
}

/**
 * smp_enumerate_cpus - number the CPUs: 0 is the boot CPU, then the
 * enabled MADT processors in table order (else QEMU's fw_cfg count)
 *
 * Called once, from setup_per_cpu_areas(), before any initcall needs it.
 */
void smp_enumerate_cpus(void)
{
	u32 bsp = boot_cpu_apicid();
	int i, n;

	x86_cpu_to_apicid[0] = bsp;
	if (&madt_info && madt_info.valid && madt_info.nr_cpus) {
		for (i = 0; i < madt_info.nr_cpus; i++)
			if (madt_info.enabled[i] && madt_info.apic_id[i] != bsp)
				add_cpu(madt_info.apic_id[i]);
		return;
	}
	n = fw_cfg_nr_cpus();
	pr_info("smp: no MADT, %d CPUs from fw_cfg\n", n);
	for (i = 0; i < n; i++)
		if ((u32)i != bsp)
			add_cpu(i);
}

void __weak cpu_idle_loop(void)
{
	for (;;)
		__asm__ __volatile__("sti; hlt" ::: "memory");
}

/* C entry of an AP, from ap_start64 on its own stack, interrupts off. */
void __noreturn ap_start_kernel(void)
{
	int cpu = READ_ONCE(ap_boot_cpu);

	wrmsr(MSR_GS_BASE, per_cpu_offset(cpu));
	/* ap_boot_stack is still ours: the next AP waits until we are online. */
	cpu_tss_init(cpu, READ_ONCE(ap_boot_stack) - THREAD_SIZE);
	cpu_protect_init(false);
	syscall_init();
	idt_load_this_cpu();
	lapic_setup_this_cpu();
	if (lapic_id() != x86_cpu_to_apicid[cpu])
		pr_err("smp: CPU %d has APIC ID %u, expected %u\n", cpu,
		       lapic_id(), x86_cpu_to_apicid[cpu]);
	lapic_timer_start_this_cpu();
	/* The boot CPU waits for this; it also opens the CPU to cross calls. */
	set_cpu_online(cpu, true);
	cpu_idle_loop();
	panic("%s: cpu_idle_loop returned on CPU %d", __func__, cpu);
}

/* Does [@pa, @pa+@size) overlap the trampoline's pages? */
static bool hits_trampoline(phys_addr_t pa, u64 size)
{
	return size && pa < TRAMPOLINE_BASE + TRAMPOLINE_PAGES * PAGE_SIZE &&
	       pa + size > TRAMPOLINE_BASE;
}

/*
 * Copies the trampoline to low memory and builds its page tables: the
 * first 2 MiB identity-mapped, the kernel half shared with kernel_pml4.
 * Return: the mapping of the trampoline pages, or NULL.
 */
static u8 *trampoline_setup(void)
{
	struct boot_info *bi = &boot_info;
	pgentry_t *pml4, *pdpt, *pd;
	u8 *tr;
	int i;

	if (hits_trampoline(bi->start_info_pa, sizeof(struct hvm_start_info)) ||
	    hits_trampoline(bi->cmdline_pa, bi->cmdline_size) ||
	    hits_trampoline(bi->memmap_pa, bi->memmap_size) ||
	    hits_trampoline(bi->modlist_pa, bi->modlist_size)) {
		pr_err("smp: boot data overlaps the trampoline at %#x\n",
		       TRAMPOLINE_BASE);
		return NULL;
	}
	tr = memremap(TRAMPOLINE_BASE, TRAMPOLINE_PAGES * PAGE_SIZE, MEMREMAP_WB);
	if (!tr)
		return NULL;
	memset(tr, 0, TRAMPOLINE_PAGES * PAGE_SIZE);
	memcpy(tr, trampoline_start, trampoline_end - trampoline_start);

	pml4 = (pgentry_t *)(tr + PAGE_SIZE);
	pdpt = (pgentry_t *)(tr + 2 * PAGE_SIZE);
	pd = (pgentry_t *)(tr + 3 * PAGE_SIZE);
	pd[0] = mk_leaf(0, PAGE_TABLE, PG_LEVEL_2M);
	pdpt[0] = mk_table(TRAMPOLINE_BASE + 3 * PAGE_SIZE);
	pml4[0] = mk_table(TRAMPOLINE_BASE + 2 * PAGE_SIZE);
	for (i = PTRS_PER_TABLE / 2; i < PTRS_PER_TABLE; i++)
		pml4[i] = kernel_pml4[i];

	*(u64 *)(tr + (trampoline_cr3 - trampoline_start)) =
		TRAMPOLINE_BASE + PAGE_SIZE;
	*(u64 *)(tr + (trampoline_target - trampoline_start)) =
		(unsigned long)ap_start64;
	ap_boot_cr0 = read_cr0();
	ap_boot_cr3 = read_cr3();
	ap_boot_cr4 = read_cr4();
	return tr;
}

static bool wait_online(int cpu, u64 timeout_ns)
{
	u64 end = ktime_get_ns() + timeout_ns;

	while (!cpu_online(cpu)) {
		if (ktime_get_ns() > end)
			return false;
		cpu_relax();
	}
	return true;
}

/* INIT has been sent; the SIPIs start @cpu on @stack. */
static int start_ap(int cpu)
{
	u32 apicid = x86_cpu_to_apicid[cpu];
	u32 sipi = APIC_DM_STARTUP | (TRAMPOLINE_BASE >> PAGE_SHIFT);
	void *stack = alloc_thread_stack(NUMA_NO_NODE);

	if (!stack)
		return -ENOMEM;
	ap_boot_stack = (unsigned long)stack + THREAD_SIZE;
	WRITE_ONCE(ap_boot_cpu, cpu);
	smp_mb();

	lapic_send_ipi(apicid, sipi);
	if (!wait_online(cpu, SIPI_DELAY_US * NSEC_PER_USEC)) {
		/* The second SIPI is ignored by an AP that already runs. */
		lapic_send_ipi(apicid, sipi);
		if (!wait_online(cpu, AP_START_TIMEOUT_NS)) {
			/* Its stack stays allocated: the AP may still wake. */
			pr_err("smp: CPU %d (APIC %u) did not start\n", cpu, apicid);
			return -EIO;
		}
	}
	return 0;
}

/**
 * smp_boot_cpus - start every present AP
 *
 * Subsys initcall on the boot CPU, with interrupts enabled. INIT goes to
 * all APs at once (one 10 ms wait), then each gets its SIPIs in turn and
 * is waited for. An AP that does not come up is left out of the present
 * mask.
 *
 * APs start only once the scheduler knows interrupts work: an AP's idle
 * loop turns them on only then, and an AP online with interrupts off
 * never answers a cross call (the TLB flush of memunmap() below would
 * wait for it forever, with this CPU's tick held off).
 *
 * Return: 0 (failing APs are reported, not fatal).
 */
int smp_boot_cpus(void)
{
	unsigned int nodes = num_online_nodes();
	u8 *tr = NULL;
	int cpu;

	if (num_present_cpus() > 1 && !WARN_ON_ONCE(!sched_irqs_are_live()))
		tr = trampoline_setup();
	if (tr) {
		for_each_present_cpu(cpu)
			if (cpu)
				lapic_send_ipi(x86_cpu_to_apicid[cpu],
					       APIC_DM_INIT | APIC_ICR_ASSERT |
					       APIC_ICR_LEVEL);
		udelay(INIT_DELAY_US);
		for_each_present_cpu(cpu)
			if (cpu && start_ap(cpu))
				cpumask_clear_cpu(cpu, &cpus_present_set);
		memunmap(tr);
	}
	pr_info("smp: Brought up %u node%s, %u CPU%s\n", nodes,
		nodes == 1 ? "" : "s", num_online_cpus(),
		num_online_cpus() == 1 ? "" : "s");
	return 0;
}
subsys_initcall(smp_boot_cpus);
