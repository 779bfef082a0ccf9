// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas. CPU 0 uses the static per-CPU section itself (GS base 0,
 * offset 0), so per-CPU data works from the first instruction; every other
 * possible CPU gets a copy of the section, made before any initcall but
 * this one has run, and its GS base is set to the copy's offset.
 *
 * The copies are vmalloc areas, so their pages move like any vmalloc
 * page (mm/migrate.c), except that the owning CPU itself copies and
 * switches each of its pages during the stop (stop_machine_run_on()):
 * it writes its per-CPU data until the very moment it is asked to.
 * CPU 0's copy is part of the kernel image and does not move.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/processor.h>
#include <asm/smp.h>

unsigned long __per_cpu_offset[NR_CPUS];
DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);

static bool areas_ready;

bool per_cpu_areas_ready(void)
{
	return READ_ONCE(areas_ready);
}

/**
 * per_cpu_area_owner - whose per-CPU copy holds the page of @addr?
 * @addr: a kernel virtual address
 *
 * Only the vmalloc copies count (CPU 0's static section is the kernel
 * image). The areas are set up once and never freed, so no lock is needed.
 *
 * Return: the CPU, or -1 if @addr is in no CPU's copy.
 */
int per_cpu_area_owner(unsigned long addr)
{
	unsigned long size = __stop_tide_percpu - __start_tide_percpu;
	unsigned long base;
	int cpu;

	if (!per_cpu_areas_ready())
		return -1;
	for_each_possible_cpu(cpu) {
		if (!cpu)
			continue;
		base = (unsigned long)__start_tide_percpu + per_cpu_offset(cpu);
		if (addr >= ALIGN_DOWN(base, PAGE_SIZE) &&
		    addr < PAGE_ALIGN(base + size))
			return cpu;
	}
	return -1;
}

/**
 * setup_per_cpu_areas - give each possible CPU but 0 its per-CPU copy
 *
 * Runs as the first core initcall (arch/x86/kernel links before kernel/).
 * A copy starts as CPU 0's section looks at that moment, i.e. with the
 * variables' initial values as long as nothing wrote them earlier (only
 * setup_arch() could have). Pointers into the per-CPU section that a
 * variable holds are not adjusted: initialise those per CPU.
 *
 * Return: 0, or -ENOMEM (the CPUs without a copy are then not possible).
 */
int setup_per_cpu_areas(void)
{
	unsigned long size = __stop_tide_percpu - __start_tide_percpu;
	int cpu;

	smp_enumerate_cpus();
	/* CPU 0 may never have had its GS base set by anyone: make sure. */
	wrmsr(MSR_GS_BASE, 0);
	for_each_possible_cpu(cpu) {
		char *area;

		if (cpu == 0)
			continue;
		area = vmalloc(size ? size : 1);
		if (!area) {
			pr_err("percpu: no memory for CPU %d\n", cpu);
			cpumask_clear_cpu(cpu, &cpus_possible_set);
			cpumask_clear_cpu(cpu, &cpus_present_set);
			continue;
		}
		memcpy(area, __start_tide_percpu, size);
		__per_cpu_offset[cpu] = (unsigned long)area -
					(unsigned long)__start_tide_percpu;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
	}
	WRITE_ONCE(areas_ready, true);
	pr_info("percpu: %lu bytes per CPU, %u possible CPUs\n", size,
		num_possible_cpus());
	return 0;
}
core_initcall(setup_per_cpu_areas);
