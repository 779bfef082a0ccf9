// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel halves of `make bench`: micro-benchmarks run once at boot when
 * their option is given, each printing one "bench: <name>: ..." line that
 * tools/testing/tide_bench.py reads.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/time.h>
#include <asm/setup.h>

static bool bench_page_alloc;

static int __init bench_page_alloc_setup(char *val)
{
	if (!val)
		val = "1";
	return kstrtobool(val, &bench_page_alloc);
}
early_param("bench.page_alloc", bench_page_alloc_setup);

#define BENCH_PAIRS	200000UL

/* Order-0 GFP_KERNEL allocation immediately freed, BENCH_PAIRS times. */
static void bench_page_alloc_run(void)
{
	unsigned long i;
	u64 t0, t1;

	t0 = ktime_get_ns();
	for (i = 0; i < BENCH_PAIRS; i++) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page) {
			pr_err("bench: page_alloc: allocation failed\n");
			return;
		}
		__free_page(page);
	}
	t1 = ktime_get_ns();
	pr_info("bench: page_alloc: %llu pairs/s (%lu pairs in %llu us)\n",
		BENCH_PAIRS * NSEC_PER_SEC / max_t(u64, t1 - t0, 1), BENCH_PAIRS,
		(t1 - t0) / NSEC_PER_USEC);
}

void bench_run(void)
{
	if (bench_page_alloc)
		bench_page_alloc_run();
}
