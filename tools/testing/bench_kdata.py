# SPDX-License-Identifier: GPL-2.0
"""`make bench`'s kernel data row: offlining one ZONE_NORMAL block full of
kernel data, in MiB/s, and the longest time a CPU stayed stopped meanwhile.

Tide boots on the machine of hotplug:everything-moves (hotplug_everything.py:
-M pc,max-ram-below-4g=512M, 1 GiB on each of two nodes, node 0's
ZONE_NORMAL in memory32-35) with the build's initramfs. The kernel fill
test driver (/sys/kernel/debug/tide_kfill) fills node 0 with slab, kmalloc,
kernel heap, vmalloc, page tables and kernel threads' stacks until its
ZONE_NORMAL nears the low watermark; the census file then tells how many
pages of each ZONE_NORMAL block are in use, and the fullest one is
offlined, timed in the guest (/proc/uptime, 10 ms steps, read just
before and after one `echo offline > memoryN/state`), after writing 0 to
/sys/kernel/debug/stop_machine/longest_ns and reading it after. The rate
is the block's pages in use (what had to move) over that time. The fill
is verified afterwards and the block onlined again.

A block that cannot go offline (a page nothing can move yet) gives n/a
with the errno, the console's reason and the census of pinned pages.
Linux 6.12 has no such figure: it does not move kernel data at all.

Run alone: /usr/bin/python3 tools/testing/bench_kdata.py --build build
"""

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hotplug_everything as hpe   # noqa: E402
import qemu   # noqa: E402
import scenario   # noqa: E402

STOP = "/sys/kernel/debug/stop_machine/longest_ns"
PAGE = 4096
MIB = 1 << 20
_CENSUS = re.compile(r"(\d+) free, (\d+) movable, (\d+) holes")
_TOOK = re.compile(r"^took ([\d.]+) [\d.]+ / ([\d.]+) [\d.]+ / (\d+)$", re.M)


class NotAvailable(Exception):
    """The figure cannot be had; the message says why."""


def boot(kernel, initrd, log_path):
    """Tide on hotplug:everything-moves's machine, at the shell prompt."""
    sc = hpe.SCENARIOS[0]
    m = qemu.Machine(kernel, memory=sc.memory, machine=sc.machine,
                     extra_args=scenario.machine_args(sc), log_path=log_path,
                     timeout=900.0, initrd=initrd)
    try:
        m.expect(qemu.Machine.PROMPT, timeout=scenario.BOOT_TIMEOUT)
    except Exception:
        m.kill()
        raise
    return m


def in_use(m, nr):
    """Pages of memoryN that are not free (what an offline must move)."""
    pages = scenario.BLOCK // PAGE
    scenario.sh(m, f"echo '{nr * pages} {pages}' > {hpe.KFILL}/census")
    got = _CENSUS.search(scenario.sh(m, f"cat {hpe.KFILL}/census"))
    if not got:
        raise NotAvailable(f"no census of memory{nr}")
    return pages - int(got.group(1)) - int(got.group(3))


def normal_blocks(m):
    """Node 0's blocks whose valid_zones is Normal."""
    return [nr for nr in hpe.node_blocks(m, 0)
            if "Normal" in m.run(f"cat {scenario.MEMDIR}/memory{nr}/"
                                 "valid_zones")]


def offline_timed(m, nr):
    """Offline memoryN; return (seconds, longest stop in us), raising
    NotAvailable with the reason when it fails (the longest stop until
    then is in the message)."""
    scenario.sh(m, f"echo 0 > {STOP}")
    mark = hpe.last_console_line(m)
    out = m.run(f"U0=$(cat /proc/uptime); echo offline > "
                f"{scenario.MEMDIR}/memory{nr}/state; S=$?; "
                f"U1=$(cat /proc/uptime); echo \"took $U0 / $U1 / $S\"",
                timeout=600)
    got = _TOOK.search(out)
    if not got:
        raise NotAvailable(f"no times around the offline: {out!r}")
    status = int(got.group(3))
    stop_us = int(scenario.read(m, STOP)) / 1000
    if status != 0:
        raise NotAvailable(
            f"memory{nr}: {hpe.write_errno(out)}: {hpe.reason_line(m, mark)}"
            f" (left: {hpe.pins_text(hpe.census(m, nr))}; longest stop "
            f"until then {stop_us:.0f} us)")
    return float(got.group(2)) - float(got.group(1)), stop_us


def measure(kernel, initrd, log_dir):
    """Dict of the figures (see report()), or raises NotAvailable."""
    m = boot(kernel, initrd, os.path.join(log_dir, "tide-kdata.log"))
    with m:
        scenario.sh(m, f"echo '0 {hpe.FILL_MIB}' > {hpe.KFILL}/fill",
                    timeout=900)
        filled = scenario.read(m, f"{hpe.KFILL}/fill")
        blocks = normal_blocks(m)
        if not blocks:
            raise NotAvailable("node 0 has no ZONE_NORMAL block")
        used = {nr: in_use(m, nr) for nr in blocks}
        nr = max(blocks, key=lambda b: used[b])
        secs, stop_us = offline_timed(m, nr)
        hpe.kfill_verify(m, "after the timed offline")
        scenario.sh(m, f"echo online > {scenario.MEMDIR}/memory{nr}/state")
        scenario.sh(m, f"echo 1 > {hpe.KFILL}/free", timeout=600)
    return {"block": nr, "filled": filled, "mib": used[nr] * PAGE / MIB,
            "seconds": secs, "stop_us": stop_us}


def report(build, kernel, out):
    """Print the row; a figure that cannot be had is n/a with the reason.
    Return True if the boot itself went wrong."""
    log_dir = os.path.join(build, "bench-logs")
    os.makedirs(log_dir, exist_ok=True)
    initrd = os.path.join(build, scenario.IMAGE)
    label = ("kernel data offline (-M pc,max-ram-below-4g=512M, 2x1 GiB, "
             "node 0 filled by tide_kfill)")
    try:
        f = measure(kernel, initrd, log_dir)
    except NotAvailable as e:
        print(f"{label}: n/a: {e}", file=out)
        return False
    except Exception as e:
        print(f"{label}: failed: {type(e).__name__}: {e}", file=out)
        return True
    print(f"{label}: memory{f['block']} (ZONE_NORMAL, {f['mib']:.1f} MiB in "
          f"use) offline in {f['seconds']:.3f} s: "
          f"{f['mib'] / f['seconds']:.0f} MiB/s; longest CPU stop "
          f"{f['stop_us']:.0f} us; fill {f['filled']}; no target set",
          file=out)
    return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--kernel", default=None,
                    help="Tide kernel (default: BUILD/tide)")
    args = ap.parse_args(argv)
    start = time.monotonic()
    failed = report(args.build, args.kernel or
                    os.path.join(args.build, "tide"), sys.stdout)
    print(f"({time.monotonic() - start:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
