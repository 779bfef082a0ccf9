#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""`make bench`: Tide's performance figures, printed next to their targets.

  (1) QEMU start to "Tide ready": the host's time from starting QEMU until
      the console line containing "Tide ready in" arrives (median of 5
      boots, -M pc, at 512 MiB and at 8 GiB), with the time Tide's own
      clock printed in that line;
  (2) order-0 page allocation+free pairs per second, as the kernel measures
      it when booted with bench.page_alloc=1;
  (3) user space, on Tide and on Debian's Linux 6.12, both booted with the
      bench's busybox initramfs (linux_ref.py) at 512 MiB: QEMU start to
      the shell prompt (median of 3 boots), and fork + execve + waitpid of
      a static program in us per cycle (tools/testing/ubench.c);
  (4) memory hotplug: online and offline throughput of a 4 GiB DIMM and
      the latency from device_add to usable memory, on Tide and on Debian's
      Linux 6.12, with each Tide/Linux ratio (memhp_bench.py);
  (5) stress-ng's memhotplug stressor, bogo-ops/s on Tide and on Linux
      6.12 with the stress image (stress_user.py);
  (6) offlining a ZONE_NORMAL block full of kernel data: MiB/s and the
      longest CPU stop, Tide only (bench_kdata.py);
  (7) hot-add at scale on a 512 MiB machine: one 64 GiB DIMM on Tide and
      on Linux 6.12 (with and without memmap_on_memory), and Tide's
      256 GiB DIMM and 240 DIMMs with the boot memory left free
      (bench_scale.py);
  (8) virtio-mem: qom-set requested-size to MemTotal grown by 4 GiB, and
      back with 2 GiB in use, on Tide and on Linux 6.12 (with its
      virtio_mem.ko), with the Linux/Tide ratio (bench_virtio_mem.py).

Figures only: nothing here passes or fails on speed. Exits 1 only if a
boot goes wrong (panic, timeout, no figure).
"""

import argparse
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_kdata   # noqa: E402
import linux_ref   # noqa: E402
import memhp_bench   # noqa: E402
import bench_scale   # noqa: E402
import bench_virtio_mem   # noqa: E402
import qemu   # noqa: E402
import stress_user   # noqa: E402

# Four CPUs, two nodes of 256 MiB each: the machine issue 3 measures on.
SMP4_2NODES = ("-smp", "4",
               "-object", "memory-backend-ram,id=r0,size=256M",
               "-object", "memory-backend-ram,id=r1,size=256M",
               "-numa", "node,nodeid=0,cpus=0-1,memdev=r0",
               "-numa", "node,nodeid=1,cpus=2-3,memdev=r1")

# label, -m, more QEMU arguments, target seconds
READY_TARGETS = (
    ("512M (-M pc)", "512M", (), 0.4),
    ("8G (-M pc)", "8G", (), 0.6),
    ("512M, ACPI, -smp 4, 2 nodes (-M pc)", "512M", SMP4_2NODES, 0.6),
)
_READY = re.compile(r"Tide ready in (\d+\.\d+) s")
_PAGE_ALLOC = re.compile(r"bench: page_alloc: (\d+) pairs/s")
_NAMESPACE = re.compile(r"ACPI: namespace loaded in (\d+) us")
_IPI = re.compile(r"bench: ipi: (\d+) ns round trip")


class BenchError(Exception):
    pass


def _checked_boot(kernel, memory, cmdline, timeout, extra_args=()):
    result = qemu.boot(kernel, memory=memory, machine="pc", cmdline=cmdline,
                       timeout=timeout, marks=(qemu.READY_MARK,),
                       extra_args=extra_args)
    reasons = qemu.problems(result, need_ready=True)
    if reasons:
        tail = "\n".join("    | " + line for line in result.tail(20))
        raise BenchError(f"-m {memory} {cmdline!r}: {'; '.join(reasons)}\n{tail}")
    return result


def ready_time(kernel, memory, runs, timeout, extra_args=()):
    """Host seconds to "Tide ready", Tide's own figures, namespace load us."""
    host, own, namespace = [], [], []
    for _ in range(runs):
        result = _checked_boot(kernel, memory, "tide.poweroff=1", timeout,
                               extra_args)
        host.append(result.marks[qemu.READY_MARK])
        m = _READY.search(result.output)
        if m:
            own.append(float(m.group(1)))
        m = _NAMESPACE.search(result.output)
        if m:
            namespace.append(int(m.group(1)))
    return host, own, namespace


def ipi_round_trip(kernel, timeout):
    result = _checked_boot(kernel, "512M", "bench.ipi=1 tide.poweroff=1",
                           timeout, ("-smp", "2"))
    m = _IPI.search(result.output)
    if not m:
        raise BenchError('no "bench: ipi: <N> ns round trip" line')
    return int(m.group(1))


def page_alloc_rate(kernel, timeout):
    result = _checked_boot(kernel, "512M", "bench.page_alloc=1 tide.poweroff=1",
                           timeout)
    m = _PAGE_ALLOC.search(result.output)
    if not m:
        raise BenchError('no "bench: page_alloc: <N> pairs/s" line (does the '
                         'kernel implement bench.page_alloc=1?)')
    return int(m.group(1))


# The parts after the boot figures, in the order they run: option name,
# what they measure, and how (a true result means a figure failed; a
# kernel that cannot be measured is n/a, not a failure).
SECTIONS = (
    ("user", "user-space figures (prompt time, fork+exec)",
     lambda a, prod: user_figures(a.build, prod)),
    ("memhp", "memory hotplug figures",
     lambda a, prod: memhp(a.build, a.memhp_kernel)),
    ("stress", "stress-ng memhotplug bogo-ops/s",
     lambda a, prod: stress_figures(a.build, prod)),
    ("kdata", "offline of a block full of kernel data",
     lambda a, prod: bench_kdata.report(a.build, prod, sys.stdout)),
    ("scale", "hot-add at scale (bench_scale.py: 64 GiB DIMM, Tide and "
     "Linux; 256 GiB and 240 DIMMs, Tide)",
     lambda a, prod: bench_scale.bench(a.build, prod)),
    ("virtio-mem", "virtio-mem grow and shrink times, Tide and Linux "
     "(bench_virtio_mem.py)",
     lambda a, prod: bench_virtio_mem.bench(a.build, prod)),
)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build",
                    help="build directory holding tide (default: build)")
    ap.add_argument("--runs", type=int, default=5,
                    help="boots per ready-time figure (default 5)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds one boot may take (default 120)")
    ap.add_argument("--memhp-kernel", default=None,
                    help="Tide kernel for the hotplug figures (default: "
                    "BUILD/tide); make bench passes a build without "
                    "CONFIG_DEBUG_VM")
    ap.add_argument("--lockdep-kernel", default=None,
                    help="the --memhp-kernel build with CONFIG_PROVE_LOCKING "
                    "on: the lock validator's cost on boot time")
    for name, what, _ in SECTIONS:
        ap.add_argument(f"--{name}", choices=("yes", "no", "only"),
                        default="yes",
                        help=f"{what}: with the others (yes, the default), "
                        f"not at all, or only these (with any other --X=only)")
    args = ap.parse_args(argv)

    kernel = os.path.join(args.build, "tide")
    if not os.path.exists(kernel):
        print(f"{kernel} does not exist; run make first", file=sys.stderr)
        return 1

    prod = args.memhp_kernel or kernel
    chosen = {name: getattr(args, name.replace("-", "_"))
              for name, _, _ in SECTIONS}
    if "only" in chosen.values():
        failed = False
        for name, _, run in SECTIONS:
            if chosen[name] == "only":
                failed |= bool(run(args, prod))
        return 1 if failed else 0

    failed = False
    namespace = []
    for name, memory, extra, target in READY_TARGETS:
        label = f"ready at {name}"
        try:
            host, own, ns = ready_time(kernel, memory, args.runs, args.timeout,
                                       extra)
        except BenchError as e:
            print(f"{label}: boot failed: {e}")
            failed = True
            continue
        namespace += ns
        med = statistics.median(host)
        own_text = f"{statistics.median(own):.3f} s" if own else "not printed"
        print(f"{label}: {med:.3f} s QEMU start to \"Tide ready\" (median of "
              f"{len(host)}: {', '.join(f'{t:.3f}' for t in sorted(host))}); "
              f"Tide's own clock {own_text}; target < {target} s, "
              f"ratio {med / target:.2f}")

    if namespace:
        print(f"acpi namespace load: {statistics.median(namespace) / 1000:.1f} ms "
              f"(median of {len(namespace)} boots); no target set")
    else:
        print("acpi namespace load: not printed (CONFIG_ACPI off?)")
    if args.memhp_kernel and args.lockdep_kernel:
        failed |= validator_cost(args.memhp_kernel, args.lockdep_kernel,
                                 args.runs, args.timeout)
    try:
        print(f"ipi: {ipi_round_trip(kernel, args.timeout)} ns round trip "
              f"(CPU 0 -> 1, -smp 2); no target set")
    except BenchError as e:
        print(f"ipi: boot failed: {e}")
        failed = True

    try:
        rate = page_alloc_rate(kernel, args.timeout)
        print(f"page_alloc: {rate} order-0 alloc+free pairs/s (512M, -M pc); "
              f"no target set")
    except BenchError as e:
        print(f"page_alloc: boot failed: {e}")
        failed = True
    for name, _, run in SECTIONS:
        if chosen[name] == "yes":
            failed |= bool(run(args, prod))
    return 1 if failed else 0


def stress_figures(build, tide_kernel):
    """The stress-ng row: Tide and Linux 6.12 (n/a without it)."""
    try:
        vmlinuz = linux_ref.paths(os.path.join(build, "linux-ref"))[0]
    except linux_ref.LinuxRefError:
        vmlinuz = None
    return stress_user.bench(build, tide_kernel, vmlinuz, sys.stdout)


USER_BOOTS = 3       # boots per kernel for the prompt figure
FORKEXEC_WARM = 10   # fork+exec cycles run before the timed ones
FORKEXEC_CYCLES = 100
PROMPT_TARGET = 0.5  # seconds, Tide
_FORKEXEC = re.compile(r"forkexec: (\d+) cycles, (\d+) us")


def user_boot(kernel, initrd, cmdline, log_path, forkexec):
    """Boot @kernel with the bench's initramfs at 512 MiB; return the host
    seconds from QEMU's start to the shell prompt and, with @forkexec, the
    microseconds per fork+exec+wait cycle of `ubench forkexec`."""
    m = qemu.Machine(kernel, memory="512M", cmdline=cmdline,
                     log_path=log_path, timeout=300.0,
                     prompt=linux_ref.PROMPT, initrd=initrd)
    with m:
        try:
            m.expect(linux_ref.READY, timeout=180)
            m.expect(m.prompt, timeout=30)
        except (TimeoutError, EOFError) as e:
            m.kill()
            raise BenchError(f"no prompt: {e}")
        prompt = time.monotonic() - m.start
        if not forkexec:
            return prompt, None
        m.run(f"ubench forkexec {FORKEXEC_WARM}", timeout=120)
        out = m.run(f"ubench forkexec {FORKEXEC_CYCLES}", timeout=300)
        f = _FORKEXEC.search(out)
        if not f:
            raise BenchError(f"ubench forkexec: {out.strip()}")
        return prompt, int(f.group(2)) / int(f.group(1))


def user_figures(build, tide_kernel):
    """Print the user-space table: Tide, Linux 6.12, ratios. A kernel that
    cannot be measured gets n/a and its reason below the table."""
    log_dir = os.path.join(build, "bench-logs")
    os.makedirs(log_dir, exist_ok=True)
    ref = os.path.join(build, "linux-ref")
    progs = memhp_bench.user_programs(build)
    figures, reasons = {}, []
    try:
        initrd = linux_ref.initramfs(ref, progs)
        kernels = [("Tide", tide_kernel, "")]
        try:
            vmlinuz, _ = linux_ref.prepare(ref, progs)
            kernels.append(("Linux", vmlinuz, "console=ttyS0 loglevel=4"))
        except linux_ref.LinuxRefError as e:
            reasons.append(f"Linux: {e}")
    except linux_ref.LinuxRefError as e:
        reasons.append(f"both: {e}")
        kernels = []
    for who, kernel, cmdline in kernels:
        try:
            prompts, cycle = [], None
            for i in range(USER_BOOTS):
                log = os.path.join(log_dir, f"user-{who.lower()}-{i}.log")
                p, c = user_boot(kernel, initrd, cmdline, log,
                                 i == USER_BOOTS - 1)
                prompts.append(p)
                cycle = c if c is not None else cycle
            figures[who] = (statistics.median(prompts), cycle, prompts)
        except BenchError as e:
            reasons.append(f"{who}: {e}")
    print(f"user space (busybox initramfs of linux_ref.py, -M pc, 512 MiB, "
          f"1 CPU; consoles in {log_dir}/):")
    rows = [("metric", "unit", "Tide", "Linux", "Tide/Linux", "target")]
    for i, (label, unit, fmt, target) in enumerate((
            ("QEMU start to busybox prompt", "s", "{:.3f}",
             f"Tide < {PROMPT_TARGET}"),
            (f"fork+exec+wait, static ({FORKEXEC_CYCLES} cycles)",
             "us/cycle", "{:.0f}", "-"))):
        t = figures.get("Tide", (None, None))[i]
        lx = figures.get("Linux", (None, None))[i]
        rows.append((label, unit, fmt.format(t) if t else "n/a",
                     fmt.format(lx) if lx else "n/a",
                     f"{t / lx:.2f}" if t and lx else "n/a", target))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  " + "  ".join(c.ljust(w) for c, w in
                               zip(r, widths)).rstrip())
    for who, (_, _, prompts) in figures.items():
        print(f"  {who} prompt times: "
              f"{', '.join(f'{p:.3f}' for p in sorted(prompts))} s")
    for r in reasons:
        print(f"  n/a: {r}")
    return bool(reasons)


def validator_cost(plain, validated, runs, timeout):
    """Print "Tide ready" at 512M with and without the lock validator, both
    production builds otherwise. Return True if a boot failed."""
    med = {}
    for name, kernel in (("without", plain), ("with", validated)):
        try:
            host, _, _ = ready_time(kernel, "512M", runs, timeout)
        except BenchError as e:
            print(f"lock validator: boot {name} it failed: {e}")
            return True
        med[name] = statistics.median(host)
    print(f"lock validator: ready at 512M {med['with']:.3f} s with "
          f"CONFIG_PROVE_LOCKING, {med['without']:.3f} s without (medians of "
          f"{runs}), ratio {med['with'] / med['without']:.2f}; no target set")
    return False


def memhp(build, kernel=None):
    """Print the memory hotplug table: Tide, Linux 6.12 and their ratios.

    A figure one kernel cannot give is printed n/a, with the reason below
    the table; it does not make the bench fail.
    """
    log_dir = os.path.join(build, "bench-logs")
    os.makedirs(log_dir, exist_ok=True)
    linux = memhp_bench.measure(memhp_bench.LinuxGuest, build, log_dir)
    tide = memhp_bench.measure(memhp_bench.TideGuest, build, log_dir,
                               kernel=kernel)
    print(f"memory hotplug (-M pc, -smp 2, 512 MiB on node 0, DIMMs on node "
          f"1; consoles in {log_dir}/):")
    memhp_bench.report(tide, linux, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
