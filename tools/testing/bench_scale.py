# SPDX-License-Identifier: GPL-2.0
"""Hot-add at scale, the figures of `make bench`: Tide and Linux 6.12.

On a 512 MiB machine (-M pc, two CPUs and the boot memory on node 0, a
memory-less node 1) booted with memhp_default_state=online:

  (a) the time from device_add of one 64 GiB DIMM (a reserve=off memory
      backend: the host commits only what the guest writes) until
      MemTotal has grown by what the kernel counts for it with its memmap
      on the DIMM itself (126 MiB per 128 MiB block), for Tide (its
      defaults) and for Debian's Linux 6.12 with
      memory_hotplug.memmap_on_memory=1;
  (b) whether Linux 6.12 manages the same DIMM with its defaults (the
      memmap from boot memory: 1 GiB of it for 64 GiB), and Tide with
      memory_hotplug.memmap_on_memory=0: the time, or what went wrong;
  (c) Tide only: the full scenarios of hotplug_scale.py, one 256 GiB
      DIMM and 240 DIMMs of 1 GiB, with the boot memory (ZONE_DMA32 of
      node 0) left free once the memory is online, and their times.

(a) and (b) use memhp_bench.py's guests and initramfs (/bin/hpwait polls
MemTotal every millisecond; the host takes the time its line arrives);
(c) the scenario image. Figures only: nothing here fails on speed.
"""

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hotplug_scale   # noqa: E402
import linux_ref       # noqa: E402
import memhp_bench     # noqa: E402
import qemu            # noqa: E402
import scenario        # noqa: E402

GIB = 1 << 30
SIZE = 64 * GIB
MEMORY = "512M,slots=4,maxmem=80G"
# Console lines that say an add did not happen (Tide's ACPI driver,
# Linux's), and what the kernel said around them.
STOPPED = re.compile(r"cannot add \[mem|add_memory failed|Out of memory|"
                     r"Kernel panic")
SAID = re.compile(r"^.*(add_memory|cannot add|Out of memory|panic|"
                  r"acpi_memory).*$", re.M)

class _ScaleBoot:
    """memhp_bench's guests on this bench's machine and command lines."""

    def boot_with(self, cmdline, tag):
        return self.boot_cmdline(cmdline, f"scale-{tag}", memory=MEMORY,
                                 timeout=900.0)


class TideScale(_ScaleBoot, memhp_bench.TideGuest):
    pass


class LinuxScale(_ScaleBoot, memhp_bench.LinuxGuest):
    pass


def hot_add(guest, cmdline, tag, timeout):
    """Seconds from device_add of a SIZE DIMM to MemTotal grown by it, or
    a memhp_bench.NotAvailable saying what the console said instead."""
    m = guest.boot_with(cmdline, tag)
    try:
        before = guest.memtotal_kb()
        want = before + hotplug_scale.online_bytes(SIZE) // 1024
        m.qmp.command("object-add", **{"qom-type": "memory-backend-ram",
                                       "id": "mem-big", "size": SIZE,
                                       "reserve": False})
        start = len(m.output)
        guest.arm_wait(want)
        t0 = time.monotonic()
        m.qmp.command("device_add", driver="pc-dimm", id="big",
                      memdev="mem-big", node=0)
        while "hpwait: MemTotal" not in m.output[start:]:
            stopped = STOPPED.search(m.output[start:])
            if stopped or time.monotonic() - t0 > timeout:
                time.sleep(1)   # the lines after the first one
                said = [qemu.strip_stamp(x.group(0)).strip()
                        for x in SAID.finditer(m.output[start:])]
                why = "did not grow" if stopped else \
                    f"below {want} kB after {timeout} s"
                return memhp_bench.NotAvailable(
                    f"MemTotal {why}; console: "
                    f"{' / '.join(said[:3]) or 'nothing'}")
            time.sleep(0.005)
        seen = time.monotonic()
        return seen - t0
    except Exception as e:
        return memhp_bench.NotAvailable(f"{type(e).__name__}: {e}")
    finally:
        m.kill()


def full_scenarios(build, kernel, out):
    """Run hotplug_scale.FULL on @kernel; print each one's figures."""
    log_dir = os.path.join(build, "bench-logs")
    for sc in hotplug_scale.FULL:
        t0 = time.monotonic()
        log = os.path.join(log_dir, sc.name.replace(":", "_") + ".log")
        # The bench kernel's build has no initramfs of its own.
        reasons = scenario.run(kernel, sc, log_path=log,
                               initrd=os.path.join(build, scenario.IMAGE))
        took = time.monotonic() - t0
        status = "ok" if not reasons else "FAILED: " + "; ".join(reasons)
        print(f"  {sc.name}: {status} ({took:.0f} s with the boot; "
              f"console in {log})", file=out, flush=True)


def _fmt(x):
    if isinstance(x, Exception):
        return f"n/a ({x})"
    return f"{x:.1f} s"


def bench(build, kernel=None, out=sys.stdout, full=True):
    """Print the figures; return nothing (n/a figures do not fail)."""
    log_dir = os.path.join(build, "bench-logs")
    os.makedirs(log_dir, exist_ok=True)
    kernel = kernel or os.path.join(build, "tide")
    tide = TideScale(build, log_dir, kernel=kernel)
    rows = [("Tide (memmap_on_memory default on)",
             hot_add(tide, "memhp_default_state=online", "64G", 600)),
            ("Tide, memory_hotplug.memmap_on_memory=0",
             hot_add(tide, "memhp_default_state=online "
                     "memory_hotplug.memmap_on_memory=0", "64G-off", 120))]
    try:
        linux = LinuxScale(build, log_dir)
        base = "console=ttyS0 loglevel=4 memhp_default_state=online"
        rows += [("Linux 6.12, memory_hotplug.memmap_on_memory=1",
                  hot_add(linux, base + " memory_hotplug.memmap_on_memory=1",
                          "64G", 600)),
                 ("Linux 6.12, its defaults",
                  hot_add(linux, base, "64G-default", 120))]
    except (linux_ref.LinuxRefError, OSError) as e:
        rows.append(("Linux 6.12", memhp_bench.NotAvailable(str(e))))
    print(f"hot-add of one {SIZE // GIB} GiB DIMM on a 512 MiB machine, "
          "device_add to MemTotal grown (memhp_default_state=online; "
          f"consoles in {log_dir}/):", file=out)
    for label, figure in rows:
        print(f"  {label}: {_fmt(figure)}", file=out, flush=True)
    if full:
        print("hotplug_scale.py's full cases (Tide; boot memory = free "
              "ZONE_DMA/DMA32 of node 0):", file=out, flush=True)
        full_scenarios(build, kernel, out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--kernel", default=None)
    ap.add_argument("--no-full", action="store_true",
                    help="leave out hotplug_scale.py's full scenarios")
    args = ap.parse_args(argv)
    bench(args.build, args.kernel, full=not args.no_full)
    return 0


if __name__ == "__main__":
    sys.exit(main())
