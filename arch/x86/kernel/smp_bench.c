// SPDX-License-Identifier: GPL-2.0
/*
 * `bench.ipi=1`: the round trip of a cross call with wait from CPU 0 to
 * CPU 1 (IPI out, empty function, completion seen), for `make bench`.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/time.h>

#define IPI_ROUNDS	2000

static bool bench_ipi;

static int __init bench_ipi_setup(char *val)
{
	if (!val)
		val = "1";
	return kstrtobool(val, &bench_ipi);
}
early_param("bench.ipi", bench_ipi_setup);

static void ipi_nop(void *info)
{
}

static int __init bench_ipi_run(void)
{
	u64 t0, t1;
	int i;

	if (!bench_ipi)
		return 0;
	if (num_online_cpus() < 2) {
		pr_info("bench: ipi: skipped, one CPU online\n");
		return 0;
	}
	smp_call_function_single(1, ipi_nop, NULL, true);	/* warm up */
	t0 = ktime_get_ns();
	for (i = 0; i < IPI_ROUNDS; i++)
		smp_call_function_single(1, ipi_nop, NULL, true);
	t1 = ktime_get_ns();
	pr_info("bench: ipi: %llu ns round trip (%d rounds, CPU 0 -> 1)\n",
		(t1 - t0) / IPI_ROUNDS, IPI_ROUNDS);
	return 0;
}
late_initcall(bench_ipi_run);
