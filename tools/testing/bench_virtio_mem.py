# SPDX-License-Identifier: GPL-2.0
"""`make bench`'s virtio-mem row: how long a guest takes to grow by 4 GiB
and to shrink back with 2 GiB in use, Tide and Debian's Linux 6.12 side
by side on the same QEMU.

Both kernels boot the bench's initramfs (linux_ref.py, which loads
virtio_mem.ko on Linux: Debian builds it as a module) on -M pc, -smp 2,
512 MiB of boot memory and one virtio-mem-pci device with a 6 GiB region
(reserve=off backend) that plugs 2 GiB at probe: the start. Then:

  grow    qom-set requested-size 6 GiB; the time until MemTotal has grown
          by what 4 GiB plugged gives: 4 GiB on Linux (memmap in boot
          memory, its default), 4032 MiB on Tide (memmap on memory: each
          128 MiB block keeps 2 MiB for its own memmap);
  shrink  memfill holds 2 GiB of anonymous memory (most of it in the
          device's memory, which the kernels serve first), then qom-set
          requested-size 2 GiB; the time until MemTotal is back at the
          start. memfill checks its data afterwards. /proc/vmstat's
          pgmigrate_success before and after gives the MiB each shrink
          migrated (printed per run, beside the 2 GiB in use).

Tide boots with memhp_default_state=online (its default is offline);
Linux with its defaults (Debian's CONFIG_MHP_DEFAULT_ONLINE_TYPE_ONLINE_AUTO
onlines every block it adds). The guest polls MemTotal every millisecond
(/bin/hpwait, shell builtins, no fork) and prints a line when it has
arrived; the host takes the time from just before its qom-set to that
line (one serial line's latency, a few ms, is in the figure). Medians of
RUNS grow/shrink pairs in one boot. The ratio is Linux's time over
Tide's (target >= 2).

Run alone (with the production kernel make bench builds):
    /usr/bin/python3 tools/testing/tide_bench.py --build build \
        --memhp-kernel build/bench-kernel/tide --virtio-mem only
"""

import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import linux_ref   # noqa: E402
import memhp_bench   # noqa: E402
import qemu   # noqa: E402

MIB = 1 << 20
GIB = 1 << 30
BLOCK = 128 * MIB
REGION = 6 * GIB
START = 2 * GIB
GROW = 4 * GIB
FILL_MIB = 2048
RUNS = 3
TIMEOUT = 180.0         # seconds one resize may take before it is n/a
ARGS = ("-smp", "2",
        "-object", f"memory-backend-ram,id=vmem0,size={REGION},reserve=off",
        "-device", f"virtio-mem-pci,id=vm0,memdev=vmem0,node=0,"
        f"requested-size={START}")


class NotAvailable(Exception):
    """A figure cannot be had; the message says why."""


def _plugged(m):
    return int(m.qmp.command("qom-get", path="vm0", property="size"))


def _memtotal(m):
    for _ in range(3):
        got = re.search(r"memtotal (\d+)", m.run(
            'read -r a b c < /proc/meminfo; echo "memtotal $b"'))
        if got:
            return int(got.group(1))
    raise NotAvailable("no MemTotal in /proc/meminfo")


def _timed_resize(m, size, want_kib, shrink):
    """qom-set requested-size @size; seconds until MemTotal reaches
    @want_kib (at most it, with @shrink), seen by /bin/hpwait."""
    m.send(f"hpwait {'-le ' if shrink else ''}{want_kib}")
    m.expect("hpwait: armed", timeout=30)
    t0 = time.monotonic()
    m.qmp.command("qom-set", path="vm0", property="requested-size",
                  value=size)
    try:
        m.expect("hpwait: MemTotal", timeout=TIMEOUT)
    except TimeoutError:
        m.send("\x03")
        raise NotAvailable(f"MemTotal not at {want_kib} kB {TIMEOUT:.0f} s "
                           f"after requested-size {size >> 20} MiB "
                           f"(plugged {_plugged(m) >> 20} MiB)")
    took = time.monotonic() - t0
    m.expect(m.prompt)
    return took


def _migrated(m):
    """pgmigrate_success from /proc/vmstat: pages migration moved."""
    got = re.search(r"^pgmigrate_success (\d+)", m.run(
        "grep '^pgmigrate_success ' /proc/vmstat"), re.M)
    if not got:
        raise NotAvailable("no pgmigrate_success in /proc/vmstat")
    return int(got.group(1))


def _fill(m):
    m.run(f"memfill -t 36000 {FILL_MIB} > /tmp/mf.log 2>&1 & "
          "echo $! > /tmp/mf.pid")
    end = time.monotonic() + 300
    while "memfill: ready" not in m.run("cat /tmp/mf.log"):
        if time.monotonic() > end:
            raise NotAvailable(f"memfill {FILL_MIB} MiB not ready")
        time.sleep(0.5)


def _unfill(m):
    """memfill checks its data (SIGUSR1) and exits; NotAvailable if bad."""
    m.run("kill -USR1 $(cat /tmp/mf.pid)")
    end = time.monotonic() + 300
    while True:
        out = m.run("grep '^verify:' /tmp/mf.log")
        if "verify: OK" in out:
            break
        if "verify: FAIL" in out or time.monotonic() > end:
            raise NotAvailable(f"memfill's data after the shrink: {out!r}")
        time.sleep(0.5)
    m.run("kill $(cat /tmp/mf.pid); wait")


def measure(who, kernel, cmdline, initrd, grow_kib, log_path):
    """Dict grow/shrink -> median seconds (or NotAvailable)."""
    m = qemu.Machine(kernel, memory="512M,maxmem=8G", cmdline=cmdline,
                     extra_args=ARGS, log_path=log_path, timeout=1800.0,
                     prompt=linux_ref.PROMPT, initrd=initrd)
    figures = {"grow": [], "shrink": [], "moved": []}
    with m:
        try:
            m.expect(linux_ref.READY, timeout=180)
            m.expect(m.prompt, timeout=30)
            end = time.monotonic() + 60
            while _plugged(m) != START:
                if time.monotonic() > end:
                    raise NotAvailable(f"{START >> 20} MiB not plugged at "
                                       "probe (no driver?)")
                time.sleep(0.2)
            time.sleep(1)
            start = _memtotal(m)
            for _ in range(RUNS):
                figures["grow"].append(_timed_resize(
                    m, START + GROW, start + grow_kib, False))
                _fill(m)
                moved = _migrated(m)
                figures["shrink"].append(_timed_resize(m, START, start,
                                                       True))
                figures["moved"].append(_migrated(m) - moved)
                _unfill(m)
        except Exception as e:
            if not isinstance(e, NotAvailable):
                e = NotAvailable(f"{type(e).__name__}: {e}")
            for k, v in figures.items():
                if not v:
                    figures[k] = e
    for k, v in list(figures.items()):
        if isinstance(v, list):
            figures[k] = statistics.median(v)
            figures[k + "_all"] = sorted(v)
    return figures


MMOM0 = "Tide mmom=0"
WHO = ("Tide", "Linux", MMOM0)


def _ms(v):
    return "n/a" if isinstance(v, Exception) else f"{v * 1000:.0f}"


def _ratio(lx, t):
    if isinstance(lx, Exception) or isinstance(t, Exception):
        return "n/a"
    return f"{lx / t:.2f}"


def bench(build, tide_kernel, out=sys.stdout):
    """Print the virtio-mem table for Tide and Linux 6.12."""
    log_dir = os.path.join(build, "bench-logs")
    os.makedirs(log_dir, exist_ok=True)
    ref = os.path.join(build, "linux-ref")
    progs = memhp_bench.user_programs(build)
    results = {}
    try:
        initrd = linux_ref.initramfs(ref, progs)
    except linux_ref.LinuxRefError as e:
        e = NotAvailable(str(e))
        results = {w: {"grow": e, "shrink": e} for w in WHO}
        initrd = None
    if initrd:
        tide_grow = GROW // BLOCK * (BLOCK - 2 * MIB) // 1024
        results["Tide"] = measure(
            "Tide", tide_kernel, "memhp_default_state=online", initrd,
            tide_grow, os.path.join(log_dir, "virtio-mem-tide.log"))
        results[MMOM0] = measure(
            MMOM0, tide_kernel, "memhp_default_state=online "
            "memory_hotplug.memmap_on_memory=0", initrd, GROW // 1024,
            os.path.join(log_dir, "virtio-mem-tide-mmom0.log"))
        try:
            vmlinuz, _ = linux_ref.prepare(ref, progs)
            if not linux_ref.modules(ref):
                raise linux_ref.LinuxRefError(
                    "no virtio_mem.ko in build/linux-ref (make bench-deps)")
            results["Linux"] = measure(
                "Linux", vmlinuz, "console=ttyS0 loglevel=4", initrd,
                GROW // 1024, os.path.join(log_dir, "virtio-mem-linux.log"))
        except linux_ref.LinuxRefError as e:
            e = NotAvailable(str(e))
            results["Linux"] = {"grow": e, "shrink": e}
    print(f"virtio-mem (-M pc, -smp 2, 512 MiB + a 6 GiB region plugging "
          f"{START >> 30} GiB at probe; median of {RUNS}; consoles in "
          f"{log_dir}/):", file=out)
    rows = [("metric", "unit", "Tide", "Linux", "Linux/Tide", "target",
             "Tide mmom=0", "Linux/it")]
    for key, label in (
            ("grow", "qom-set +4 GiB to MemTotal grown"),
            ("shrink", f"qom-set -4 GiB to MemTotal back, "
                       f"{FILL_MIB >> 10} GiB in use")):
        t, lx = results["Tide"][key], results["Linux"][key]
        t0 = results[MMOM0][key]
        rows.append((label, "ms", _ms(t), _ms(lx), _ratio(lx, t), ">= 2",
                     _ms(t0), _ratio(lx, t0)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  " + "  ".join(c.ljust(w) for c, w in
                               zip(r, widths)).rstrip(), file=out)
    print("  grown by: Tide 4032 MiB (4 GiB plugged, 2 MiB of each 128 MiB "
          "block holds its memmap), Linux and Tide mmom=0 4096 MiB", file=out)
    print("  Tide mmom=0: memory_hotplug.memmap_on_memory=0, the memmap in "
          "boot memory as on Linux (no first write into each new block)",
          file=out)
    for who, figures in results.items():
        runs = figures.get("moved_all")
        if runs:
            print(f"  {who} shrink moved (pgmigrate_success): "
                  f"{', '.join(f'{p * 4096 / MIB:.0f}' for p in runs)} MiB "
                  f"for {FILL_MIB} MiB in use", file=out)
    for who, figures in results.items():
        for key in ("grow", "shrink"):
            runs = figures.get(key + "_all")
            if runs:
                print(f"  {who} {key} runs: "
                      f"{', '.join(f'{t * 1000:.0f}' for t in runs)} ms",
                      file=out)
    for who, figures in results.items():
        seen = set()
        for key, v in figures.items():
            if isinstance(v, Exception) and str(v) not in seen:
                seen.add(str(v))
                print(f"  {who} {key}: n/a ({v})", file=out)


if __name__ == "__main__":
    bench(sys.argv[1] if len(sys.argv) > 1 else "build",
          os.path.join(sys.argv[1] if len(sys.argv) > 1 else "build",
                       "tide"))
