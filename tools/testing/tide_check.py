#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""`make check`: boot Tide under QEMU and count what passed.

  (a) the KUnit boot: every built-in suite; each KUnit leaf result is one
      test, plus the boot itself and Linux's kunit.py verdict on its log;
  (b) the fail-demo boot: the framework must report the failures that the
      kunit-fail-demo suite makes on purpose;
  (c) a boot matrix: machine types, memory sizes and boot options, each
      boot one test;
  (d) the runner's own unit tests (pytest);
  (e) the hotplug scenarios of tools/testing/hotplug_*.py (scenario.py):
      a guest driven over QMP and its shell, each scenario one test;
  (f) the user-space boots of tools/testing/userland.py (and tty_user.py,
      userland_hotplug.py: hotplug from busybox sh; lsmem_user.py:
      lsmem and chmem against Linux's output; net_user.py: sockets;
      uevent_user.py: uevents, the uevent helper, mdev; numa_user.py:
      numactl and the policy calls; stress_user.py: stress-ng's
      memhotplug stressor; pci_user.py: /sys/bus/pci on pc and q35):
      the initramfs unpacked, busybox init,
      Debian's programs, kselftest;
  (g) compare.py: the same script on Debian's Linux 6.12 and on Tide,
      one test per section (compare:lsmem, compare:chmem, ...), failing
      on a difference tools/testing/compare-allow.txt does not allow.

Prints "PASS name", "FAIL name: reason" or "SKIP name: reason" per test and
ends with "N passed, N failed[, N skipped]"; exits 1 if anything failed.
"""

import argparse
import fnmatch
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap       # noqa: E402
import qemu       # noqa: E402
import scenario   # noqa: E402
import userland   # noqa: E402
import tty_user   # noqa: E402
import init_user  # noqa: E402
import userland_hotplug   # noqa: E402
import lsmem_user  # noqa: E402
import net_user   # noqa: E402
import uevent_user   # noqa: E402
import stress_user   # noqa: E402
import numa_user   # noqa: E402
import pci_user   # noqa: E402
import compare    # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"
TAIL_LINES = 40

PASS, FAIL, SKIP = "PASS", "FAIL", "SKIP"


@dataclass
class Outcome:
    name: str
    status: str
    reason: str = ""
    detail: list = None     # lines to show under a failure


class Job:
    """One unit of work (mostly one boot) that yields Outcomes."""

    def __init__(self, name, fn):
        self.name = name
        self.fn = fn


def _memtotal_kib(result):
    for line in result.lines:
        m = re.search(r"MemTotal:\s+(\d+) kB", line)
        if m:
            return int(m.group(1))
    return None


def _log_path(ctx, name):
    safe = re.sub(r"[^A-Za-z0-9_.=-]+", "_", name)
    return os.path.join(ctx.log_dir, safe + ".log")


def _boot(ctx, name, **kw):
    """Boot once. A boot that hangs fails: its report (_tail()) has the
    end of the console and the registers QEMU gave at the timeout. The
    timeout (--timeout, qemu.BOOT_TIMEOUT by default) is what absorbs a
    loaded host; nothing is booted twice."""
    kw.setdefault("timeout", ctx.timeout)
    return qemu.boot(ctx.kernel, log_path=_log_path(ctx, name), **kw)


_ESCAPES = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|[()][0-9A-Za-z]|c)|[\x00-\x08\x0b-\x1f]")


def _tail(result):
    """What to show under a failed boot: the end of its console, and first
    the lines around its first panic/Oops/WARNING if it has one; then,
    for a boot that timed out, QEMU's register dump."""
    registers = []
    if result.registers:
        registers = ["| QEMU's registers at the timeout:"] + \
            [f"| {line}" for line in result.registers.splitlines()]
    return _console_tail(result) + registers


def _console_tail(result):
    lines = [_ESCAPES.sub("", line).rstrip() for line in result.lines]
    n, half = len(lines), TAIL_LINES // 2
    chosen = lines[-TAIL_LINES:]
    for i, line in enumerate(lines):
        if any(mark in line for mark in qemu.FAILURE_MARKS):
            lo, hi = max(0, i - 5), i + 15
            if hi >= n - half:
                chosen = lines[lo:]
            else:
                chosen = lines[lo:hi] + ["..."] + lines[n - half:]
            break
    return [f"| {line}" for line in chosen]


# (a) ------------------------------------------------------------------ KUnit

def kunit_job(ctx):
    name = "kunit"
    # mem=511M of 1G: the RAM above it is firmware's, not Tide's, for the
    # cases that hot-add real memory (memmap on memory, driver memory);
    # Tide's last zone still ends inside a pageblock, as with 512M alone.
    cmdline = "kunit.enable=1 mem=511M"
    if ctx.kunit_glob:
        cmdline += f" kunit.filter_glob={ctx.kunit_glob}"
    # Four CPUs, so that the cross-CPU cases (IPIs, TLB shootdown) run.
    result = _boot(ctx, name, memory="1G", machine="pc", cmdline=cmdline,
                   extra_args=("-smp", "4"))
    report = ktap.parse(result.output)
    out = []

    reasons = qemu.problems(result)
    reasons += report.problems
    if report.found and report.totals_line and report.totals_line != (
            report.passed, report.failed, report.skipped, len(report.leaves)):
        reasons.append(f"kernel's # Totals {report.totals_line} disagree "
                       f"with the results counted")
    if report.found and not report.leaves:
        reasons.append("no KUnit results")
    out.append(Outcome("kunit:boot", FAIL if reasons else PASS,
                       "; ".join(reasons), _tail(result) if reasons else None))

    for leaf in report.leaves:
        test = f"kunit:{leaf.name}"
        if leaf.status == ktap.PASS:
            out.append(Outcome(test, PASS))
        elif leaf.status == ktap.SKIP:
            out.append(Outcome(test, SKIP, leaf.reason))
        else:
            out.append(Outcome(test, FAIL, "KUnit reported not ok",
                               [f"| {line}" for line in leaf.log]))

    out.append(_kunit_tool_outcome(ctx, "kunit:kunit.py-parse", result,
                                   report, want_success=True))
    return out


def _kunit_tool_outcome(ctx, test, result, report, want_success):
    """Linux's kunit.py on the same log: it must agree with our count."""
    try:
        tool = ktap.kunit_tool(ctx.build)
    except (OSError, subprocess.CalledProcessError) as e:
        return Outcome(test, FAIL, f"cannot extract kunit.py: {e}")
    verdict = ktap.kunit_parse(tool, result.log_path, python=PYTHON)
    reasons = []
    if verdict.total < 0:
        reasons.append("kunit.py printed no summary")
    elif verdict.total != len(report.leaves):
        reasons.append(f"kunit.py counted {verdict.total} tests, we counted "
                       f"{len(report.leaves)}")
    if verdict.errors:
        reasons.append(f"kunit.py found {verdict.errors} KTAP errors")
    if want_success and verdict.status != 0:
        reasons.append(f"kunit.py parse exited {verdict.status}")
    if not want_success and verdict.status == 0:
        reasons.append("kunit.py parse accepted a failing run")
    summary = verdict.summary or "no summary"
    if reasons:
        detail = [f"| {line}" for line in verdict.output.splitlines()[-TAIL_LINES:]]
        return Outcome(test, FAIL, "; ".join(reasons) + f" ({summary})", detail)
    return Outcome(test, PASS, summary)


# (b) -------------------------------------------------------------- fail demo

FAIL_DEMO_EXPECTED = {
    "kunit-fail-demo.fail_demo_expect": ktap.FAIL,
    "kunit-fail-demo.fail_demo_assert": ktap.FAIL,
    "kunit-fail-demo.fail_demo_after_assert": ktap.PASS,
    "kunit-fail-demo.fail_demo_params.param-0": ktap.PASS,
    "kunit-fail-demo.fail_demo_params.param-1": ktap.FAIL,
    "kunit-fail-demo.fail_demo_params.param-2": ktap.PASS,
}

FAIL_DEMO_TEXT = (
    "# fail_demo_expect: EXPECTATION FAILED at lib/kunit/",
    "Expected got == 5, but",
    "got == 4 (0x4)",
    "# fail_demo_assert: ASSERTION FAILED at lib/kunit/",
    "deliberate failure",
    "not ok 4 fail_demo_params",
    "not ok 1 kunit-fail-demo",
)


def fail_demo_job(ctx):
    name = "fail-demo"
    result = _boot(ctx, name, memory="512M", machine="pc",
                   cmdline="kunit.enable=1 kunit.filter_glob=kunit-fail-demo "
                           "kunit.fail_demo=1")
    report = ktap.parse(result.output)
    reasons = qemu.problems(result) + report.problems
    got = {leaf.name: leaf.status for leaf in report.leaves}
    if got != FAIL_DEMO_EXPECTED:
        reasons.append(f"results {got} != expected {FAIL_DEMO_EXPECTED}")
    text = "\n".join(qemu.strip_stamp(line) for line in result.lines)
    for needle in FAIL_DEMO_TEXT:
        if needle not in text:
            reasons.append(f'no "{needle}" in the output')
    out = [Outcome("fail-demo", FAIL if reasons else PASS, "; ".join(reasons),
                   _tail(result) if reasons else None)]
    out.append(_kunit_tool_outcome(ctx, "fail-demo:kunit.py-parse", result,
                                   report, want_success=False))
    return out


# (c) ------------------------------------------------------------ boot matrix

@dataclass
class BootCase:
    name: str
    machine: str
    memory: str
    cmdline: str = ""
    max_mem: str = None         # MemTotal upper bound, default -m
    expect_text: str = None     # a console line must contain this
    initrd_kib: int = 0         # boot with an initrd of this size
    qemu_args: tuple = ()       # more QEMU arguments (-smp, -numa, ...)
    expect_all: tuple = ()      # console lines must contain each of these
    forbid: tuple = ()          # no console line may contain any of these
    acpitable: str = None       # mk_acpi_table.py arguments: boot with it
    shell: tuple = None         # lines typed at @prompt; not None: the
    #                             boot goes on after "Tide ready"
    prompt: str = None          # the prompt they follow
    expect_exit: int = qemu.EXIT_POWEROFF   # or EXIT_PANIC: a panic test


# 512 MiB on node 0 and a memory-less node 1 (QEMU's DIMM area is node 1's).
MEMORYLESS_NODE1 = ("-object", "memory-backend-ram,id=r0,size=512M",
                    "-numa", "node,nodeid=0,memdev=r0", "-numa", "node,nodeid=1")

BOOT_MATRIX = (
    BootCase("boot:pc-128M", "pc", "128M"),
    BootCase("boot:pc-512M", "pc", "512M"),
    BootCase("boot:pc-3G", "pc", "3G"),
    BootCase("boot:pc-8G", "pc", "8G"),
    BootCase("boot:q35-512M", "q35", "512M"),
    BootCase("boot:q35-3G", "q35", "3G"),
    BootCase("boot:pc-512M-mem=256M", "pc", "512M", "mem=256M", max_mem="256M"),
    BootCase("boot:pc-3G-mem=1G", "pc", "3G", "mem=1G", max_mem="1G"),
    BootCase("boot:malformed-option", "pc", "512M", "mem=banana",
             expect_text="Malformed boot option"),
    BootCase("boot:unknown-option", "pc", "512M", "foo=bar",
             expect_text="Unknown kernel command line parameter"),
    BootCase("boot:bad-console", "pc", "512M", "console=tty0",
             expect_text="Malformed boot option 'console=tty0'"),
    BootCase("boot:initrd", "pc", "512M", initrd_kib=1536,
             expect_text="initrd: [mem "),
    # init/main.c: a path that cannot be one is refused, boot goes on.
    BootCase("boot:rdinit-empty", "pc", "512M", "rdinit=",
             expect_text="Malformed boot option 'rdinit='"),
    BootCase("boot:init-too-long", "pc", "512M", "init=/" + "x" * 300,
             expect_text="Malformed boot option 'init=/xxx"),
    BootCase("boot:memblock-debug", "pc", "512M", "memblock=debug",
             expect_text="memblock_reserve: ["),
    BootCase("boot:zoneinfo", "pc", "512M", "loglevel=8",
             expect_text="Node 0, zone    DMA32"),
    # ZONE_MOVABLE sizing on 8 GiB (3 GiB below the PCI hole, 5 GiB above)
    BootCase("boot:kernelcore=50%", "pc", "8G", "kernelcore=50%",
             expect_text="Movable zone start for node 0 at 0x140400000"),
    BootCase("boot:movablecore=1G", "pc", "8G", "movablecore=1G",
             expect_text="Movable zone start for node 0 at 0x200000000"),
    BootCase("boot:kernelcore+movablecore", "pc", "8G",
             "kernelcore=2G movablecore=7G",
             expect_text="Movable zone start for node 0 at 0x100000000"),
    BootCase("boot:kernelcore=mirror", "pc", "512M", "kernelcore=mirror",
             expect_text="kernelcore=mirror is not supported"),
    BootCase("boot:bad-kernelcore", "pc", "512M", "kernelcore=150%",
             expect_text="Malformed boot option 'kernelcore=150%'"),
    BootCase("boot:bad-online-policy", "pc", "512M",
             "memory_hotplug.online_policy=sideways",
             expect_text="Malformed boot option"),
    # SMP: every CPU the MADT lists comes up
    *(BootCase(f"boot:{m}-smp{n}", m, "512M", qemu_args=("-smp", str(n)),
               expect_text=f"Brought up 1 node, {n} CPU")
      for m in ("pc", "q35") for n in (1, 2, 4, 8)),
    # make run's machine: 2 CPUs on node 0, memory-less hotplug node 1, slots
    BootCase("boot:2cpu-2node-slots", "pc", "512M,slots=8,maxmem=8G",
             qemu_args=("-smp", "2", "-object",
                        "memory-backend-ram,id=r0,size=512M", "-numa",
                        "node,nodeid=0,cpus=0-1,memdev=r0", "-numa",
                        "node,nodeid=1"),
             expect_all=("smp: Brought up 2 nodes, 2 CPUs", "Node 1: no memory",
                         "NUMA: node 1 [mem 0x0000000100000000-0x00000004dfffffff] hotplug",
                         "\\_SB_.MHPC.MP07")),
    # memory_hotplug cases that need a particular machine: RAM Tide does not
    # use (mem= below -m) for memmap_on_memory, and a memory-less node
    # (the whole suite runs, as in the KUnit boot; the case must not skip)
    BootCase("boot:hotplug-memmap-on-memory", "pc", "1G",
             "mem=512M kunit.enable=1 kunit.filter_glob=memory_hotplug",
             max_mem="512M", expect_text="mhp_memmap_self_hosted",
             forbid=("not ok", "mhp_memmap_self_hosted # SKIP",
                     "mhp_memmap_accounting # SKIP")),
    BootCase("boot:hotplug-memoryless-node", "pc", "512M,slots=8,maxmem=8G",
             "kunit.enable=1 kunit.filter_glob=memory_hotplug",
             qemu_args=MEMORYLESS_NODE1,
             expect_text="mhp_memoryless_node",
             forbid=("not ok", "mhp_memoryless_node # SKIP")),
    # Cases of other suites that skip in the one-node KUnit boot: a
    # memory-less node's meminfo, and _PXM / SRAT node lookup.
    BootCase("boot:kunit-node-two-nodes", "pc", "512M,slots=8,maxmem=8G",
             "kunit.enable=1 kunit.filter_glob=node",
             qemu_args=MEMORYLESS_NODE1,
             expect_text="node_memoryless_has_no_device",
             forbid=("not ok", "node_memoryless_has_no_device # SKIP")),
    BootCase("boot:kunit-acpi-memhotplug-two-nodes", "pc", "512M,slots=8,maxmem=8G",
             "kunit.enable=1 kunit.filter_glob=acpi_memhotplug",
             qemu_args=MEMORYLESS_NODE1,
             expect_text="node_pxm_then_address",
             forbid=("not ok", "node_pxm_then_address # SKIP")),
    # PCI MSI-X (drivers/pci/msi.c): an e1000e's table (no Tide driver
    # binds it) programmed, its vector delivered to request_irq()'s handler.
    BootCase("boot:kunit-pci-msix", "pc", "512M",
             "kunit.enable=1 kunit.filter_glob=pci_msix",
             qemu_args=("-device", "e1000e"),
             expect_text="ok 2 msix_vectors",
             forbid=("not ok", "# SKIP")),
    # An MCFG whose window lies in RAM is refused: port 0xcf8 stays.
    BootCase("boot:pci-mcfg-in-ram", "pc", "512M",
             acpitable="mcfg --ecam 0x100000,0,0,0",
             expect_all=("PCI: MCFG entry [mem 0x00100000-0x001fffff] "
                         "segment 0 buses 00-00 is unusable",
                         "functions on bus 00 (port 0xcf8)")),
    # The tty: lines typed on the serial port reach a reader through the
    # UART's interrupt and the line discipline (serial8250 KUnit suite):
    # DEL erases, ^C signals the foreground group and flushes the line.
    BootCase("boot:tty-typed-line", "pc", "512M",
             "kunit.enable=1 kunit.filter_glob=serial8250 tty_kunit.typed=1",
             prompt="tty-kunit> ", shell=("tide\x7f\x7fny tty", "abc\x03"),
             expect_all=("ok 2 serial8250_typed_line", "abc^C"),
             forbid=("not ok", "# SKIP")),
    # No program for pid 1: as Linux 6.12 does, a failed init= panics
    # at once, and a boot with no initramfs and no init= finds none of
    # the usual places and panics (init/main.c).
    BootCase("boot:init-missing", "pc", "512M", "init=/nonexistent",
             shell=(), expect_exit=qemu.EXIT_PANIC,
             expect_all=("Kernel panic - not syncing: Requested init "
                         "/nonexistent failed (error -2)",)),
    BootCase("boot:no-init", "pc", "512M", shell=(),
             expect_exit=qemu.EXIT_PANIC,
             expect_all=("Kernel panic - not syncing: No working init found",)),
    # A kernel stack overflow (stack_overflow_test.c) is reported by the
    # double fault handler, which panics: QEMU exits 3, not 0.
    *(BootCase(f"boot:stack-overflow-{where}", "pc", "512M",
               f"tide.test_stack_overflow={where}",
               qemu_args=("-smp", "2"), expect_exit=qemu.EXIT_PANIC,
               expect_all=("Oops: kernel stack overflow on CPU",
                           f"task {task}",
                           "Kernel panic - not syncing: kernel stack overflow"))
      for where, task in (("boot", "boot"), ("thread", "stack_overflow"))),
    # 3 and 4 nodes from QEMU's SRAT, with a SLIT on the 3-node machine:
    # each node's zonelist must follow the distances.
    BootCase("boot:q35-3node-slit", "q35", "512M", "loglevel=8",
             qemu_args=("-smp", "3",
                        "-object", "memory-backend-ram,id=r0,size=256M",
                        "-object", "memory-backend-ram,id=r1,size=128M",
                        "-object", "memory-backend-ram,id=r2,size=128M",
                        "-numa", "node,nodeid=0,cpus=0,memdev=r0",
                        "-numa", "node,nodeid=1,cpus=1,memdev=r1",
                        "-numa", "node,nodeid=2,cpus=2,memdev=r2",
                        "-numa", "dist,src=0,dst=1,val=15",
                        "-numa", "dist,src=0,dst=2,val=25",
                        "-numa", "dist,src=1,dst=2,val=20"),
             expect_all=("smp: Brought up 3 nodes, 3 CPUs",
                         "NUMA: node 2: CPUs 2, 127 MiB present",
                         "Node 0 zonelist: 0:DMA32 1:DMA32 2:DMA32",
                         "Node 2 zonelist: 2:DMA32 1:DMA32 0:DMA32")),
    BootCase("boot:pc-4node", "pc", "512M", "loglevel=8",
             qemu_args=("-smp", "4",
                        *(a for i in range(4) for a in (
                            "-object", f"memory-backend-ram,id=r{i},size=128M",
                            "-numa", f"node,nodeid={i},cpus={i},memdev=r{i}"))),
             expect_all=("smp: Brought up 4 nodes, 4 CPUs",
                         "NUMA: node 3: CPUs 3, 127 MiB present",
                         "Node 3 zonelist: 3:DMA32 0:DMA32 1:DMA32 2:DMA32")),
    # ACPI: tables, namespace, QEMU's memory hotplug slots
    BootCase("boot:acpi-tables", "pc", "512M", "acpi.debug=1",
             expect_all=("ACPI: FACP 0x", "ACPI: MADT: LAPIC 0xfee00000",
                         "ACPI: namespace loaded")),
    BootCase("boot:q35-acpi", "q35", "512M", "acpi.debug=1",
             expect_text="ACPI: namespace loaded"),
    BootCase("boot:acpi-pnp0c80", "pc", "512M,slots=8,maxmem=8G", "acpi.debug=1",
             expect_all=("\\_SB_.MHPC.MP00", "\\_SB_.MHPC.MP07",
                         "_HID PNP0C80")),
    BootCase("boot:acpi=off", "pc", "512M", "acpi=off",
             expect_text="NUMA: no SRAT", forbid=("ACPI: namespace loaded",)),
    BootCase("boot:bad-acpi-option", "pc", "512M", "acpi=strict",
             expect_all=("Malformed boot option 'acpi=strict'",
                         "ACPI: namespace loaded")),
    # Crafted SRATs (QEMU makes none of its own without -numa or slots=)
    BootCase("boot:srat-2node-hotplug", "pc", "512M",
             acpitable="srat --preset two-node-hotplug --ram 512M",
             expect_text="NUMA: node 1 [mem 0x0000000010000000-0x000000001fffffff] hotplug"),
    BootCase("boot:srat-overrun", "pc", "512M",
             acpitable="srat --preset two-node --corrupt overrun",
             expect_text="SRAT is corrupt and ignored"),
    BootCase("boot:srat-zero-length", "pc", "512M",
             acpitable="srat --preset two-node --corrupt zero-length",
             expect_text="has length 0, table ignored"),
    BootCase("boot:srat-truncated", "pc", "512M",
             acpitable="srat --preset two-node --corrupt truncated",
             expect_text="truncated entry at offset"),
    BootCase("boot:srat-unknown-type", "pc", "512M",
             acpitable="srat --preset two-node --corrupt unknown-type",
             expect_text="unknown entry type 127"),
    BootCase("boot:srat-overlap", "pc", "512M",
             acpitable="srat --preset two-node --corrupt overlap",
             expect_text="overlaps [mem"),
    # movable_node on a crafted SRAT whose node 1 boot RAM is hotpluggable
    BootCase("boot:movable_node-srat", "pc", "512M",
             "movable_node kunit.enable=1 kunit.filter_glob=movable_placement",
             acpitable="srat --preset two-node-hotplug --ram 512M",
             expect_all=("Movable zone start for node 1 at 0x10000000",
                         "ok 1 movable_no_reservation_in_hotplug",
                         "ok 4 movable_zone_holds_no_kernel_page",
                         "ok 7 movable_allocation_spares_kernel_reserve"),
             forbid=("not ok", "SKIP no hotpluggable", "SKIP boot without")),
    # kernelcore=: boot memory stays out of ZONE_MOVABLE too
    BootCase("boot:kernelcore-placement", "pc", "8G",
             "kernelcore=50% kunit.enable=1 kunit.filter_glob=movable_placement",
             expect_all=("ok 4 movable_zone_holds_no_kernel_page",
                         "ok 6 movable_allocation_prefers_movable_zone"),
             forbid=("not ok", "SKIP no ZONE_MOVABLE", "SKIP no free")),
    BootCase("boot:srat-hotplug-no-movable_node", "pc", "512M",
             "kunit.enable=1 kunit.filter_glob=movable_placement",
             acpitable="srat --preset two-node-hotplug --ram 512M",
             expect_text="ok 3 movable_hotplug_kernel_zone_without_option",
             forbid=("not ok", "SKIP no hotpluggable", "Movable zone start")),
    # SRAT memory past the CPU's 40 physical address bits (QEMU's TCG
    # CPU), wholly or in part: reported and skipped, the rest is used
    BootCase("boot:srat-beyond-maxphyaddr", "pc", "512M",
             acpitable="srat --preset two-node --mem 1,0x10000000000,0x8000000,hotplug"
                       " --mem 1,0xfff8000000,0x10000000,hotplug",
             expect_all=("[mem 0x0000010000000000-0x0000010007ffffff] is beyond",
                         "[mem 0x000000fff8000000-0x0000010007ffffff] is beyond",
                         "NUMA: node 1 [mem 0x0000000010000000-0x000000001fffffff]")),
    # An SSDT memory device whose _CRS is past the CPU's 40 physical
    # address bits, and one over the local APIC: refused at boot (-EEXIST)
    BootCase("boot:ssdt-memdev-beyond-maxphyaddr", "pc", "512M",
             acpitable="ssdt --memdev MTST,0x10000000000,128M"
                       " --memdev MTSU,0xf8000000,128M",
             expect_all=("MTST: [mem 0x10000000000-0x10007ffffff] is already in use",
                         "MTSU: [mem 0xf8000000-0xffffffff] is already in use")),
    # mem= not a multiple of the page size: rounded down to a page, boots
    BootCase("boot:mem=100000000", "pc", "512M", "mem=100000000",
             max_mem="97656K", expect_text="removing RAM above 0x5f5e000"),
    BootCase("boot:mem=0x2000001", "pc", "512M", "mem=0x2000001",
             max_mem="32M", expect_text="removing RAM above 0x2000000"),
    BootCase("boot:mem=300001K", "pc", "512M", "mem=300001K",
             max_mem="300001K", expect_text="removing RAM above 0x124f8000"),
)


def _acpitable(ctx, args):
    """The crafted table mk_acpi_table.py writes for @args, in the build dir."""
    name = re.sub(r"[^A-Za-z0-9]+", "-", args).strip("-")
    path = os.path.join(ctx.build, f"test-acpi-{name}.dat")
    subprocess.run([PYTHON, os.path.join(HERE, "mk_acpi_table.py")] +
                   shlex.split(args) + [path], check=True,
                   stdout=subprocess.DEVNULL)
    return path


def _initrd(ctx, kib):
    """A file of @kib KiB in the build directory, made once."""
    path = os.path.join(ctx.build, f"test-initrd-{kib}k.bin")
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(bytes(range(256)) * (kib * 4))
    return path


def memtotal_problem(kib, memory, max_mem=None):
    """Why MemTotal @kib is implausible for -m @memory, or None.

    MemTotal counts usable RAM, so it cannot exceed the machine's RAM (or
    mem=), and firmware, the kernel image and the memory map take far
    less than half of it. The PCI hole moves RAM above 4 GiB rather than
    removing it, so the bounds hold for every size on pc and q35.
    """
    if kib is None:
        return "no MemTotal line"
    ram = qemu.parse_size(memory)
    limit = min(ram, qemu.parse_size(max_mem)) if max_mem else ram
    got = kib * 1024
    if got > limit:
        return f"MemTotal {kib} kB exceeds {limit >> 10} kB"
    if got < limit // 2:
        return f"MemTotal {kib} kB is under half of {limit >> 10} kB"
    return None


def boot_job(ctx, case):
    # A session at a prompt (or a boot that goes on to init) ends by
    # itself instead.
    cmdline = " ".join(x for x in (case.cmdline, None if case.shell is not None
                                   else "tide.poweroff=1") if x)
    script = tuple((case.prompt, line) for line in case.shell or ())
    extra = tuple(case.qemu_args)
    if case.acpitable:
        extra += ("-acpitable", "file=" + _acpitable(ctx, case.acpitable))
    if case.initrd_kib:
        extra += ("-initrd", _initrd(ctx, case.initrd_kib))
    result = _boot(ctx, case.name, memory=case.memory, machine=case.machine,
                   cmdline=cmdline, extra_args=extra, script=script)
    # A panic test may stop before "Tide ready" and the memory summary.
    powers_off = case.expect_exit == qemu.EXIT_POWEROFF
    reasons = qemu.problems(result, need_ready=powers_off,
                            expect=case.expect_exit)
    problem = powers_off and memtotal_problem(
        _memtotal_kib(result), case.memory.split(",")[0], case.max_mem)
    if problem:
        reasons.append(problem)
    for text in ((case.expect_text,) if case.expect_text else ()) + \
            tuple(case.expect_all):
        if not any(text in line for line in result.lines):
            reasons.append(f'no line containing "{text}"')
    for text in case.forbid:
        bad = [line for line in result.lines if text in line]
        if bad:
            reasons.append(f'forbidden "{text}": {bad[0].strip()}')
    status = FAIL if reasons else PASS
    note = "; ".join(reasons) if reasons else \
        f"MemTotal {_memtotal_kib(result)} kB, {result.elapsed:.2f} s" \
        if powers_off else f"exit status {result.status}, {result.elapsed:.2f} s"
    return [Outcome(case.name, status, note, _tail(result) if reasons else None)]


# (d) ----------------------------------------------------------------- pytest

_PYTEST_LINE = re.compile(r"^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\s+"
                          r"(\S+?)(?:\s+-\s+(.*))?$")
_PYTEST_SUMMARY = re.compile(r"(\d+) (passed|failed|skipped|error|errors)\b")


def pytest_job(ctx):
    cmd = [PYTHON, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider",
           os.path.join(HERE, "test_runner_selftest.py"),
           os.path.join(HERE, "compare_selftest.py")]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, cwd=HERE)
    out = []
    for line in proc.stdout.splitlines():
        m = _PYTEST_LINE.match(line)
        if not m:
            continue
        kind, nodeid, why = m.group(1), m.group(2), m.group(3) or ""
        test = "pytest:" + nodeid.split("::", 1)[-1]
        if kind in ("PASSED", "XFAIL"):
            out.append(Outcome(test, PASS))
        elif kind == "SKIPPED":
            out.append(Outcome(test, SKIP, why))
        else:
            out.append(Outcome(test, FAIL, why or kind.lower(),
                               [f"| {x}" for x in proc.stdout.splitlines()[-TAIL_LINES:]]))
    counted = {}
    for n, what in _PYTEST_SUMMARY.findall(proc.stdout.splitlines()[-1]
                                          if proc.stdout else ""):
        counted[what] = int(n)
    if not out or (proc.returncode != 0 and
                   not any(o.status == FAIL for o in out)):
        out.append(Outcome("pytest", FAIL, f"pytest exited {proc.returncode} "
                           f"({counted or 'no summary'})",
                           [f"| {x}" for x in proc.stdout.splitlines()[-TAIL_LINES:]]))
    return out


# (e) -------------------------------------------------------------- scenarios

QUICK_SCENARIOS = 2     # --quick keeps at most this many (quick=True) ones


def _log_tail(path):
    """_tail() of a scenario's serial log, as far as it was written."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read().replace("\r", "")
    except OSError:
        return ["| (no log)"]
    return _tail(qemu.BootResult(command=[], output=text))


def scenario_job(ctx, sc):
    """Run one scenario once. A hang (no prompt within
    scenario.BOOT_TIMEOUT, or a step that times out) fails like any other
    failure, with QEMU's registers under the console's tail."""
    log = _log_path(ctx, sc.name)
    registers = []
    reasons = scenario.run(ctx.kernel, sc, log, detail=registers)
    if reasons:
        return [Outcome(sc.name, FAIL, "; ".join(reasons),
                        _log_tail(log) + [f"| {line}" for line in registers])]
    return [Outcome(sc.name, PASS)]


def scenario_jobs(quick):
    """One Job per scenario; a hotplug_*.py that does not import is one
    failing job named after it."""
    errors = []
    scenarios = scenario.all_scenarios(errors)
    if quick:
        scenarios = [sc for sc in scenarios if sc.quick][:QUICK_SCENARIOS]
    # Longest first (by the time each allows itself), so that the pool
    # does not end waiting on one long scenario.
    scenarios.sort(key=lambda sc: -sc.timeout)
    jobs = [Job(sc.name, lambda ctx, sc=sc: scenario_job(ctx, sc))
            for sc in scenarios]
    for module, exc in errors:
        def broken(ctx, module=module, exc=exc):
            return [Outcome(f"hotplug:{module}", FAIL,
                            f"cannot import {module}: "
                            f"{type(exc).__name__}: {exc}")]
        jobs.append(Job(f"hotplug:{module}", broken))
    return jobs


# (f) ------------------------------------------------------ user space

class UserlandContext:
    """What tools/testing/userland.py's jobs need from the runner."""

    def __init__(self, ctx):
        self.build = ctx.build
        self.kernel = ctx.kernel
        self._ctx = ctx

    def boot(self, name, **kw):
        return _boot(self._ctx, name, **kw)

    def log_path(self, name):
        return _log_path(self._ctx, name)

    def tail(self, result):
        return _tail(result)

    def log_tail(self, path):
        return _log_tail(path)


def userland_jobs():
    def outcome(name, status, reason="", detail=None):
        return Outcome(name, status, reason, detail)
    return [Job(name, lambda ctx, fn=fn: fn(UserlandContext(ctx), outcome))
            for name, fn in (userland.JOBS + tty_user.JOBS +
                             init_user.JOBS + userland_hotplug.JOBS +
                             lsmem_user.JOBS + net_user.JOBS +
                             uevent_user.JOBS + numa_user.JOBS +
                             stress_user.JOBS + pci_user.JOBS)]


# (g) --------------------------------------------- Linux 6.12 against Tide

def compare_job(ctx):
    """One boot of each kernel (Linux's answers possibly cached); an
    outcome per section of the script."""
    return [Outcome(name, PASS if ok else FAIL, "" if ok else reason,
                    None if ok else detail)
            for name, ok, reason, detail in
            compare.check_outcomes(ctx.build, ctx.log_dir)]


# ----------------------------------------------------------------- driver

class Context:
    def __init__(self, args, log_dir):
        self.build = os.path.abspath(args.build)
        self.kernel = os.path.join(self.build, "tide")
        self.timeout = args.timeout
        self.log_dir = log_dir
        self.kunit_glob = args.kunit_glob


# (c') ------------------------------------------ virtio over modern PCI

# virtio-rng reads 32 bytes at probe through the whole stack: PCI
# enumeration, the virtio capabilities, feature negotiation, a split
# queue, the doorbell and the queue's interrupt: MSI-X on a transitional
# device (QEMU's default, id 0x1005) and a modern-only one (0x1044), and
# INTx with the ISR byte when the device has no MSI-X vectors.
VIRTIO_BOOTS = tuple(
    BootCase(f"boot:virtio-rng-{name}", m, "512M",
             qemu_args=("-device", "virtio-rng-pci" + opts),
             expect_text="virtio_rng virtio0: read 32 random bytes",
             forbid=("virtio 1.x capabilities", "probe failed",
                     "bad chain id", "timed out", "without an interrupt"))
    for name, m, opts in (("pc", "pc", ""), ("q35", "q35", ""),
                          ("q35-modern", "q35", ",disable-legacy=on"),
                          ("pc-intx", "pc", ",vectors=0")))


def _kernel_has(ctx, option):
    """Whether the kernel under test was built with CONFIG_<option>=y."""
    try:
        with open(os.path.join(ctx.build, ".config")) as f:
            return f"CONFIG_{option}=y\n" in f.read()
    except OSError:
        return False


def virtio_boot_job(ctx, case):
    if not _kernel_has(ctx, "VIRTIO_PCI"):
        return [Outcome(case.name, SKIP, "kernel built without "
                        "CONFIG_VIRTIO_PCI (it needs the PCI core)")]
    return boot_job(ctx, case)


def all_jobs(args):
    # The scenarios are the longest jobs: start them early.
    jobs = [Job("kunit", kunit_job)] + scenario_jobs(args.quick)
    if not args.quick:
        jobs.append(Job("fail-demo", fail_demo_job))
        for case in BOOT_MATRIX:
            jobs.append(Job(case.name, lambda ctx, c=case: boot_job(ctx, c)))
        for case in VIRTIO_BOOTS:
            jobs.append(Job(case.name,
                            lambda ctx, c=case: virtio_boot_job(ctx, c)))
        jobs.append(Job("pytest", pytest_job))
        jobs += userland_jobs()
        jobs.append(Job("compare:", compare_job))
    return jobs


def selected(name, patterns):
    """-k: a glob if it has wildcards, else a substring; any one matches."""
    if not patterns:
        return True
    for pat in patterns:
        if any(ch in pat for ch in "*?["):
            if fnmatch.fnmatchcase(name, pat):
                return True
        elif pat in name:
            return True
    return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build",
                    help="build directory holding tide (default: build)")
    ap.add_argument("--quick", action="store_true",
                    help="the KUnit boot and a couple of short scenarios")
    ap.add_argument("-k", dest="patterns", action="append", default=[],
                    metavar="PATTERN",
                    help="run only jobs whose name matches (substring or "
                         "glob; repeatable): kunit, fail-demo, boot:pc-8G, "
                         "pytest, hotplug:, ...; kunit:GLOB runs the KUnit boot with "
                         "kunit.filter_glob=GLOB")
    ap.add_argument("--keep-logs", action="store_true",
                    help="keep serial logs in BUILD/test-logs/")
    ap.add_argument("-j", "--jobs", type=int, default=2,
                    help="boots run at once (default 2)")
    ap.add_argument("--timeout", type=float, default=qemu.BOOT_TIMEOUT,
                    help=f"seconds one boot may take before it fails "
                         f"(default {qemu.BOOT_TIMEOUT:.0f}; the slowest, "
                         f"the KUnit boot, takes about 10 on an idle host)")
    ap.add_argument("--list", action="store_true", help="list jobs and exit")
    args = ap.parse_args(argv)

    # -k kunit:GLOB runs the KUnit boot with kunit.filter_glob=GLOB, which
    # takes one glob: a second one would silently replace the first.
    args.kunit_glob = None
    for pat in list(args.patterns):
        if pat.startswith("kunit:") and len(pat) > len("kunit:"):
            if args.kunit_glob is not None:
                ap.error(f"one -k kunit:GLOB per run (kunit.filter_glob "
                         f"takes one glob): {args.kunit_glob!r} and "
                         f"{pat[len('kunit:'):]!r}")
            args.kunit_glob = pat[len("kunit:"):]
            args.patterns.remove(pat)
            args.patterns.append("kunit")
    jobs = [j for j in all_jobs(args) if selected(j.name, args.patterns)]
    if args.list:
        for j in jobs:
            print(j.name)
        return 0

    kernel = os.path.join(args.build, "tide")
    if not os.path.exists(kernel):
        print(f"{kernel} does not exist; run make first", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1

    tmp = None
    if args.keep_logs:
        log_dir = os.path.join(os.path.abspath(args.build), "test-logs")
        os.makedirs(log_dir, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="tide-check-")
        log_dir = tmp.name
    ctx = Context(args, log_dir)

    counts = {PASS: 0, FAIL: 0, SKIP: 0}
    lock = threading.Lock()

    def run(job):
        try:
            outcomes = job.fn(ctx)
        except Exception as e:      # a runner bug must not hide the others
            outcomes = [Outcome(job.name, FAIL, f"{type(e).__name__}: {e}")]
        with lock:
            for o in outcomes:
                counts[o.status] += 1
                if o.status == PASS:
                    print(f"PASS {o.name}")
                elif o.status == SKIP:
                    print(f"SKIP {o.name}" + (f": {o.reason}" if o.reason else ""))
                else:
                    print(f"FAIL {o.name}: {o.reason}")
                    for line in o.detail or []:
                        print(f"    {line}")
            sys.stdout.flush()

    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            list(pool.map(run, jobs))
    finally:
        if tmp:
            tmp.cleanup()

    if args.keep_logs:
        print(f"(serial logs in {log_dir})")
    summary = f"{counts[PASS]} passed, {counts[FAIL]} failed"
    if counts[SKIP]:
        summary += f", {counts[SKIP]} skipped"
    print(summary)
    return 1 if counts[FAIL] or not sum(counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
