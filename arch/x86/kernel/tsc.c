// SPDX-License-Identifier: GPL-2.0
/*
 * Time from the TSC, calibrated once at boot against PIT channel 2
 * (1.193182 MHz) over a 10 ms window. Before calibration, time reads 0.
 */
#include <linux/kernel.h>
#include <linux/time.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define PIT_HZ			1193182UL
#define PIT_CH2			0x42
#define PIT_MODE		0x43
#define PIT_GATE		0x61
#define CALIBRATE_MS		10

static u64 tsc_base;
static u64 tsc_khz;

u64 ktime_get_ns(void)
{
	u64 delta;

	if (!tsc_khz)
		return 0;
	delta = rdtsc() - tsc_base;
	/* delta * 1e6 / khz without overflowing for ~5 hours at 3 GHz */
	return (delta / tsc_khz) * NSEC_PER_MSEC +
	       (delta % tsc_khz) * NSEC_PER_MSEC / tsc_khz;
}

void udelay(unsigned long usecs)
{
	u64 end = ktime_get_ns() + usecs * NSEC_PER_USEC;

	if (!tsc_khz)
		return;
	while (ktime_get_ns() < end)
		cpu_relax();
}

/**
 * tsc_init - calibrate the TSC and start the clock at 0
 *
 * Busy-waits CALIBRATE_MS on the PIT; interrupts need not be enabled.
 */
void tsc_init(void)
{
	u16 count = PIT_HZ * CALIBRATE_MS / 1000;
	u64 t0, t1;
	u8 gate;

	gate = inb(PIT_GATE);
	outb((gate & ~0x02) | 0x01, PIT_GATE);	/* gate on, speaker off */
	outb(0xb0, PIT_MODE);			/* ch2, lo/hi, mode 0, binary */
	outb(count & 0xff, PIT_CH2);
	outb(count >> 8, PIT_CH2);
	t0 = rdtsc();
	while (!(inb(PIT_GATE) & 0x20))
		;
	t1 = rdtsc();
	outb(gate, PIT_GATE);

	tsc_khz = (t1 - t0) / CALIBRATE_MS;
	if (!tsc_khz)
		tsc_khz = 1;
	/* Keep time running from the first TSC read, not from now. */
	tsc_base = 0;
	pr_info("tsc: Detected %llu.%03llu MHz processor\n",
		tsc_khz / 1000, tsc_khz % 1000);
}
