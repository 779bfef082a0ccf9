/* SPDX-License-Identifier: GPL-2.0 */
/* Run a function while every other CPU waits with interrupts disabled. */
#ifndef _LINUX_STOP_MACHINE_H
#define _LINUX_STOP_MACHINE_H

#include <linux/cpumask.h>

typedef int (*cpu_stop_fn_t)(void *data);

/**
 * stop_machine - run @fn(@arg) on one CPU while all others spin
 * @cpus: @fn runs on the first online CPU of @cpus; NULL: the caller's CPU
 *
 * Every online CPU enters the stop with interrupts disabled; when all are
 * in, @fn runs on its CPU (also with interrupts off) and the others keep
 * spinning until it returns. They still answer cross calls made by @fn
 * (a TLB shootdown, say), and nothing else. Must not be called with
 * interrupts disabled or from an interrupt handler.
 *
 * Return: @fn's return value, or -EINVAL if @cpus has no online CPU.
 */
int stop_machine(cpu_stop_fn_t fn, void *arg, const struct cpumask *cpus);
int stop_machine_helped(cpu_stop_fn_t fn, cpu_stop_fn_t helper, void *arg);
int stop_machine_run_on(int cpu, cpu_stop_fn_t fn, void *arg);
bool stop_machine_stack_busy(unsigned long start, unsigned long end);

#endif /* _LINUX_STOP_MACHINE_H */
