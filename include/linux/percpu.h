/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables: DEFINE_PER_CPU() puts a variable in the per-CPU
 * section; each CPU then has its own copy, reached with this_cpu_*() for
 * the running CPU and per_cpu()/per_cpu_ptr() for any CPU.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/percpu.h>

/*
 * The section is an orphan to the linker script, which is what makes ld
 * provide __start_tide_percpu and __stop_tide_percpu around it.
 */
#define PER_CPU_SECTION		"tide_percpu"

#define DEFINE_PER_CPU_ATTRS	__section(PER_CPU_SECTION)

#define DECLARE_PER_CPU(type, name) \
	extern __typeof__(type) name DEFINE_PER_CPU_ATTRS
#define DEFINE_PER_CPU(type, name) \
	__typeof__(type) name DEFINE_PER_CPU_ATTRS
/* A variable other CPUs write often: give it a cache line of its own. */
#define DEFINE_PER_CPU_ALIGNED(type, var) \
	__typeof__(type) var DEFINE_PER_CPU_ATTRS __aligned(64)

extern char __start_tide_percpu[], __stop_tide_percpu[];

/* Offset from CPU 0's copy (the static one) to @cpu's copy. */
extern unsigned long __per_cpu_offset[CONFIG_NR_CPUS];

#define per_cpu_offset(cpu)	(__per_cpu_offset[(cpu)])
#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + per_cpu_offset(cpu)))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), (cpu)))

DECLARE_PER_CPU(unsigned long, this_cpu_off);
DECLARE_PER_CPU(int, cpu_number);

#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + this_cpu_read(this_cpu_off)))
#define raw_cpu_ptr(ptr)	this_cpu_ptr(ptr)

int setup_per_cpu_areas(void);
bool per_cpu_areas_ready(void);
int per_cpu_area_owner(unsigned long addr);

#endif /* _LINUX_PERCPU_H */
