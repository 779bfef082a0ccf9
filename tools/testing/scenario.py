# SPDX-License-Identifier: GPL-2.0
"""Hotplug scenarios: a Tide guest driven over QMP and its serial shell.

A scenario is one test: it boots Tide as a qemu.Machine on a machine with
DIMM slots, with the initramfs of the build (`make initramfs`:
busybox init, whose rcS mounts /proc, /sys and /sys/kernel/debug), waits
for busybox sh's prompt (qemu.SHELL_PROMPT, `tide:/# `), then its
function adds and removes DIMMs over QMP and types commands there,
raising (AssertionError or any other exception) on the first thing that
is wrong. Leaving the function, the guest must power off cleanly
(`poweroff -f`: status 0 and Tide's "reboot: Power down" line) with no
panic, Oops or WARNING. A boot that does not reach the prompt, or a step
that times out, fails with every CPU's registers taken from QEMU's
monitor before the guest is killed; nothing is retried.

Scenarios are listed in SCENARIOS of the modules tools/testing/hotplug_*.py
and run by `make check` (tide_check.py); one module's can also be run by
hand:

    /usr/bin/python3 tools/testing/scenario.py --build build [-k PATTERN]
"""

import argparse
import fnmatch
import glob
import importlib
import os
import re
import sys
import time
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu   # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MEMDIR = "/sys/devices/system/memory"
BLOCK = 128 << 20


@dataclass
class Scenario:
    name: str                   # the test's name, "hotplug:..."
    fn: object                  # fn(m: qemu.Machine) -> None; raises on failure
    cmdline: str = ""           # Tide's boot options
    memory: str = "512M,slots=8,maxmem=32G"
    extra_args: tuple = ()      # more QEMU arguments (cold-plugged DIMMs...)
    nodes: int = 2              # node 0: CPUs and RAM; the others memory-less
    smp: int = 2
    timeout: float = 180.0      # seconds for the run after the boot
    #                             (which has BOOT_TIMEOUT of its own)
    quick: bool = False         # short enough for `make check --quick`
    machine: str = "pc"         # QEMU's -M, with its options
    #                             (e.g. "pc,max-ram-below-4g=512M")
    node_mib: tuple = ()        # boot RAM of each node in MiB (their sum
    #                             is -m's size); empty: all on node 0


def machine_args(sc):
    """The QEMU arguments of @sc's machine, besides -M, -m and the kernel."""
    boot_mib = qemu.parse_size(sc.memory.split(",")[0]) >> 20
    args = ["-smp", str(sc.smp)]
    if sc.node_mib:
        if len(sc.node_mib) != sc.nodes or sum(sc.node_mib) != boot_mib:
            raise ValueError(f"{sc.name}: node_mib {sc.node_mib} does not "
                             f"split {boot_mib} MiB over {sc.nodes} nodes")
        for n, mib in enumerate(sc.node_mib):
            args += ["-object",
                     f"memory-backend-ram,id=boot{n},size={mib}M",
                     "-numa", f"node,nodeid={n},memdev=boot{n}"
                     + (f",cpus=0-{sc.smp - 1}" if n == 0 else "")]
    elif sc.nodes > 1:
        args += ["-object", f"memory-backend-ram,id=boot,size={boot_mib}M",
                 "-numa", f"node,nodeid=0,cpus=0-{sc.smp - 1},memdev=boot"]
        for n in range(1, sc.nodes):
            args += ["-numa", f"node,nodeid={n}"]
    return args + list(sc.extra_args)


# run()'s first reason starts with this when the guest never reached its
# first prompt in time: the boot hung. The time allowed is the one a boot
# of the matrix has (qemu.BOOT_TIMEOUT), for the same reason.
BOOT_HANG = "boot hang:"
BOOT_TIMEOUT = qemu.BOOT_TIMEOUT


class BootHang(TimeoutError):
    """No prompt within BOOT_TIMEOUT s; @registers: QEMU's at that time."""

    def __init__(self, message, registers):
        super().__init__(message)
        self.registers = registers


# The initramfs the scenarios boot, beside the kernel in the build
# directory (the Makefile's $(initramfs), which `make check` builds).
IMAGE = "initramfs.cpio.gz"


def initramfs_of(kernel):
    """The initramfs of @kernel's build; FileNotFoundError if missing."""
    path = os.path.join(os.path.dirname(os.path.abspath(kernel)), IMAGE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} missing (make initramfs builds it)")
    return path


def start(kernel, sc, log_path=None, initrd=None):
    """Boot @sc's machine with @initrd (default: the initramfs of
    @kernel's build); return the qemu.Machine at busybox sh's first prompt.

    Raises BootHang (with the registers) if the prompt does not come
    within BOOT_TIMEOUT s.
    """
    m = qemu.Machine(kernel, memory=sc.memory, machine=sc.machine,
                     cmdline=sc.cmdline, extra_args=machine_args(sc),
                     log_path=log_path,
                     timeout=BOOT_TIMEOUT + sc.timeout,
                     initrd=initrd or initramfs_of(kernel))
    try:
        m.expect(qemu.Machine.PROMPT, timeout=BOOT_TIMEOUT)
    except TimeoutError as e:
        registers = m.registers()
        m.kill()
        raise BootHang(str(e), registers) from e
    except Exception:
        m.kill()
        raise
    return m


def _register_lines(registers):
    return ["QEMU's registers at the timeout:"] + registers.splitlines()


def run(kernel, sc, log_path=None, detail=None, initrd=None):
    """Run @sc once. Return a list of reasons it failed (empty: passed).

    A boot that does not reach the prompt within BOOT_TIMEOUT s gives one
    reason starting with BOOT_HANG; any other failure to boot, "boot:".
    On a timeout (of the boot or of a step), QEMU's register dump goes to
    @detail (a list, if given) as lines to show under the failure.
    """
    try:
        m = start(kernel, sc, log_path, initrd)
    except BootHang as e:
        if detail is not None:
            detail += _register_lines(e.registers)
        return [f"{BOOT_HANG} {e}"]
    except Exception as e:
        return [f"boot: {type(e).__name__}: {e}"]
    reasons = []
    try:
        with m:
            try:
                sc.fn(m)
            except TimeoutError:
                if detail is not None:
                    detail += _register_lines(m.registers())
                raise
    except Exception as e:
        reasons.append(f"{type(e).__name__}: {e}")
    if not reasons:
        problem = qemu.exit_problem(m.status, m.output)
        if problem:
            reasons.append(f"{problem} after poweroff")
    for mark in qemu.FAILURE_MARKS:
        for line in m.output.splitlines():
            if mark in line:
                reasons.append(f"console: {qemu.strip_stamp(line).strip()}")
                break
    return reasons


def all_scenarios(errors=None):
    """Every scenario of every tools/testing/hotplug_*.py module.

    A module that cannot be imported raises, unless @errors is a list:
    then (module name, exception) is appended to it and the others load.
    """
    found = []
    for path in sorted(glob.glob(os.path.join(HERE, "hotplug_*.py"))):
        name = os.path.basename(path)[:-3]
        try:
            mod = importlib.import_module(name)
        except Exception as e:
            if errors is None:
                raise
            errors.append((name, e))
            continue
        found += getattr(mod, "SCENARIOS", [])
    return found


# ---- helpers for scenario functions ----

# A kernel message on the console: it may land anywhere in a command's
# output, before or after the shell's own lines.
_PRINTK_LINE = re.compile(r"^\s*\[\s*\d+\.\d+\] ")


def exit_status(out):
    """The status `echo $?` printed in @out, kernel lines skipped; None
    if there is none."""
    for text in reversed(out.splitlines()):
        text = text.strip()
        if text and not _PRINTK_LINE.match(text) and text.isdigit():
            return int(text)
    return None


def sh(m, line, timeout=60.0):
    """Run @line in the guest's shell; return its output. Raises if it
    failed (the shell's $? is not 0)."""
    out = m.run(line, timeout)
    status = exit_status(m.run("echo $?", timeout))
    if status != 0:
        raise AssertionError(f"`{line}` failed ({status}): {out.strip()}")
    return out


def sh_status(m, line, timeout=60.0):
    """Run @line; return (exit status, output) without raising."""
    out = m.run(line, timeout)
    return exit_status(m.run("echo $?", timeout)), out


def read(m, path):
    """The contents of a file in the guest, stripped."""
    return sh(m, f"cat {path}").strip()


def blocks(m):
    """Names of the memoryN directories, sorted by N."""
    names = re.findall(r"memory(\d+)", sh(m, f"ls {MEMDIR}"))
    return [f"memory{n}" for n in sorted(set(int(x) for x in names))]


def block_of(addr):
    """memoryN of a physical address (one block = one 128 MiB section)."""
    return f"memory{addr // BLOCK}"


def add_dimm(m, dimm_id, size, node=0, wait=True):
    """Plug a new pc-dimm of @size bytes on @node; return its address.

    With @wait, returns once every one of its memoryN directories exists.
    """
    m.qmp.command("object-add", **{"qom-type": "memory-backend-ram",
                                   "id": f"mem-{dimm_id}", "size": size})
    m.qmp.command("device_add", driver="pc-dimm", id=dimm_id,
                  memdev=f"mem-{dimm_id}", node=node)
    addr = dimm_info(m, dimm_id)["addr"]
    if wait:
        want = [block_of(a) for a in range(addr, addr + size, BLOCK)]
        wait_until(lambda: all(b in blocks(m) for b in want),
                   f"blocks of {dimm_id} to appear")
    return addr


def del_dimm(m, dimm_id, timeout=60.0):
    """Unplug @dimm_id and wait until QEMU has removed it (DEVICE_DELETED);
    then drop its memory backend."""
    m.qmp.command("device_del", id=dimm_id)
    m.qmp.wait_event("DEVICE_DELETED", timeout,
                     match=lambda d: d.get("device") == dimm_id)
    m.qmp.command("object-del", id=f"mem-{dimm_id}")


def dimm_info(m, dimm_id):
    """query-memory-devices' data for @dimm_id, or None."""
    for dev in m.qmp.command("query-memory-devices"):
        if dev.get("data", {}).get("id") == dimm_id:
            return dev["data"]
    return None


def ospm_status(m):
    """query-acpi-ospm-status: the last _OST of each slot."""
    return m.qmp.command("query-acpi-ospm-status")


def wait_until(pred, what, timeout=30.0, step=0.2):
    """Poll @pred until true; AssertionError naming @what after @timeout."""
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(step)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("-k", dest="patterns", action="append", default=[])
    ap.add_argument("--log-dir", default=None)
    args = ap.parse_args(argv)
    kernel = os.path.join(args.build, "tide")
    log_dir = args.log_dir or os.path.join(args.build, "scenario-logs")
    os.makedirs(log_dir, exist_ok=True)
    passed = failed = 0
    for sc in all_scenarios():
        if args.patterns and not any(fnmatch.fnmatch(sc.name, f"*{p}*")
                                     for p in args.patterns):
            continue
        safe = re.sub(r"[^A-Za-z0-9_.=-]+", "_", sc.name)
        reasons = run(kernel, sc, os.path.join(log_dir, safe + ".log"))
        if reasons:
            failed += 1
            print(f"FAIL {sc.name}: " + "; ".join(reasons))
        else:
            passed += 1
            print(f"PASS {sc.name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
