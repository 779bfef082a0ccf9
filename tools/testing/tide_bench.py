#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""`make bench`: Tide's performance figures, printed next to their targets.

  (1) QEMU start to "Tide ready": the host's time from starting QEMU until
      the console line containing "Tide ready in" arrives (median of 5
      boots, -M pc, at 512 MiB and at 8 GiB), with the time Tide's own
      clock printed in that line;
  (2) order-0 page allocation+free pairs per second, as the kernel measures
      it when booted with bench.page_alloc=1.

Figures only: nothing here passes or fails on speed. Exits 1 only if a
boot goes wrong (panic, timeout, no figure).
"""

import argparse
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu   # noqa: E402

READY_TARGETS = (("512M", 0.4), ("8G", 0.6))     # -m, seconds
_READY = re.compile(r"Tide ready in (\d+\.\d+) s")
_PAGE_ALLOC = re.compile(r"bench: page_alloc: (\d+) pairs/s")


class BenchError(Exception):
    pass


def _checked_boot(kernel, memory, cmdline, timeout):
    result = qemu.boot(kernel, memory=memory, machine="pc", cmdline=cmdline,
                       timeout=timeout, marks=(qemu.READY_MARK,))
    reasons = qemu.problems(result, need_ready=True)
    if reasons:
        tail = "\n".join("    | " + line for line in result.tail(20))
        raise BenchError(f"-m {memory} {cmdline!r}: {'; '.join(reasons)}\n{tail}")
    return result


def ready_time(kernel, memory, runs, timeout):
    """Median host seconds to "Tide ready", and median of Tide's own figure."""
    host, own = [], []
    for _ in range(runs):
        result = _checked_boot(kernel, memory, "tide.poweroff=1", timeout)
        host.append(result.marks[qemu.READY_MARK])
        m = _READY.search(result.output)
        if m:
            own.append(float(m.group(1)))
    return host, own


def page_alloc_rate(kernel, timeout):
    result = _checked_boot(kernel, "512M", "bench.page_alloc=1 tide.poweroff=1",
                           timeout)
    m = _PAGE_ALLOC.search(result.output)
    if not m:
        raise BenchError('no "bench: page_alloc: <N> pairs/s" line (does the '
                         'kernel implement bench.page_alloc=1?)')
    return int(m.group(1))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build",
                    help="build directory holding tide (default: build)")
    ap.add_argument("--runs", type=int, default=5,
                    help="boots per ready-time figure (default 5)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds one boot may take (default 120)")
    args = ap.parse_args(argv)

    kernel = os.path.join(args.build, "tide")
    if not os.path.exists(kernel):
        print(f"{kernel} does not exist; run make first", file=sys.stderr)
        return 1

    failed = False
    for memory, target in READY_TARGETS:
        label = f"ready at {memory} (-M pc)"
        try:
            host, own = ready_time(kernel, memory, args.runs, args.timeout)
        except BenchError as e:
            print(f"{label}: boot failed: {e}")
            failed = True
            continue
        med = statistics.median(host)
        own_text = f"{statistics.median(own):.3f} s" if own else "not printed"
        print(f"{label}: {med:.3f} s QEMU start to \"Tide ready\" (median of "
              f"{len(host)}: {', '.join(f'{t:.3f}' for t in sorted(host))}); "
              f"Tide's own clock {own_text}; target < {target} s, "
              f"ratio {med / target:.2f}")

    try:
        rate = page_alloc_rate(kernel, args.timeout)
        print(f"page_alloc: {rate} order-0 alloc+free pairs/s (512M, -M pc); "
              f"no target set")
    except BenchError as e:
        print(f"page_alloc: boot failed: {e}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
