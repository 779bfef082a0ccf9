# SPDX-License-Identifier: GPL-2.0
"""Every memory block but the kernel image's can leave: node 0 is filled
with every kind of kernel allocation and with user processes, then each
of its blocks is offlined, one by one, while the data stays intact.

The machine (-M pc,max-ram-below-4g=512M, 2 GiB on two nodes of 1 GiB
each) gives node 0 a ZONE_DMA32 below 4 GiB (memory0-memory3) and a
ZONE_NORMAL above it (memory32-memory35); node 1's GiB (memory36-43) is
where node 0's data goes. The scenario

  1. starts USER_PROCS memfill processes, each holding USER_MIB MiB of
     checksummed anonymous memory (and the page tables mapping it); every
     other one maps it shared (memfill -S: MAP_SHARED | MAP_ANONYMOUS,
     mapped by a forked child too);
  2. fills node 0 through the kernel fill test driver
     (/sys/kernel/debug/tide_kfill, mm/kernel_fill_test.c): slab caches,
     kmalloc, kernel heap blocks, vmalloc buffers, a sparse vmalloc area
     with a page table per page and 64 sleeping kernel threads, up to
     FILL_MIB MiB or until ZONE_NORMAL of node 0 nears its low watermark;
  3. checks that `removable` says 0 for the kernel image's block and for
     blocks whose end firmware reserved, 1 for every other;
  4. offlines every block of node 0 except the kernel image's (from
     /proc/iomem's "Kernel code/rodata/data/bss", checked against the
     build's System.map), highest first, retrying once a block that
     fails with EBUSY or EAGAIN, and prints "offlined X of Y blocks of
     node 0" with, for each failure, the block, the errno and the
     console's reason (offline_pages' "pfn ... cannot be moved (type T,
     count C)" line, with T's name);
  5. verifies every checksum (kernel and user) and that the shell still
     answers, onlines every block it offlined, verifies again and frees
     everything.

It fails if any block but the kernel image's stayed online or any
checksum went bad. The report goes to stderr; the failure repeats the
blocks that stayed online, with the page types that pinned them.
See Documentation/admin-guide/mm/memory-hotplug.rst, "Offlining blocks
full of kernel data".
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import BLOCK, MEMDIR, Scenario, sh, sh_status  # noqa: E402

KFILL = "/sys/kernel/debug/tide_kfill"
FILL_MIB = 640
USER_PROCS = 8
USER_MIB = 16
START_KERNEL_MAP = 0xffffffff80000000

# enum page_type (include/linux/mm_types.h), for the reason lines.
PAGE_TYPES = ("none", "buddy", "slab", "kheap", "vmalloc", "pgtable",
              "memmap", "anon")

# What busybox sh's echo prints for a failed write, by errno name.
WRITE_ERRORS = {
    "Device or resource busy": "EBUSY",
    "Resource temporarily unavailable": "EAGAIN",
    "Invalid argument": "EINVAL",
    "Interrupted system call": "EINTR",
    "Out of memory": "ENOMEM",
    "Cannot allocate memory": "ENOMEM",
}

_REASON = re.compile(r"(offline_pages \[.*|offline: .*refused|"
                     r"memory offlining \[.*|memory: memory\d+ .*)$")
_TYPE = re.compile(r"\(type (\d+), count (-?\d+)\)")


def say(*args):
    """The scenario's report, on stderr as hotplug:storm's: make check's
    stdout keeps one line per test."""
    print(*args, file=sys.stderr)


def node_blocks(m, nid):
    """Numbers of node @nid's memory blocks, sorted."""
    out = sh(m, f"ls /sys/devices/system/node/node{nid}")
    return sorted(int(n) for n in re.findall(r"\bmemory(\d+)\b", out))


def kernel_ranges_iomem(m):
    """[(start, end)] of /proc/iomem's Kernel code/data/bss lines."""
    out = sh(m, "cat /proc/iomem")
    return [(int(a, 16), int(b, 16))
            for a, b in re.findall(r"^\s*([0-9a-f]+)-([0-9a-f]+) : Kernel ",
                                   out, re.M)]


def kernel_ranges_sysmap(m):
    """[(start, end)] of the image from the build's System.map (_text to
    _end, linked at __START_KERNEL_map + the physical load address)."""
    kernel = m.command[m.command.index("-kernel") + 1]
    syms = {}
    with open(os.path.join(os.path.dirname(kernel), "System.map")) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] in ("_text", "_end"):
                syms[parts[2]] = int(parts[0], 16)
    return [(syms["_text"] - START_KERNEL_MAP,
             syms["_end"] - START_KERNEL_MAP - 1)]


def kernel_blocks(m):
    """(block numbers holding the kernel image, where that was read):
    from /proc/iomem's Kernel lines, which must lie inside _text.._end of
    the build's System.map and name the same blocks."""
    ranges, image = kernel_ranges_iomem(m), kernel_ranges_sysmap(m)[0]
    if not ranges:
        raise AssertionError("/proc/iomem has no Kernel code/data lines")
    outside = [(a, b) for a, b in ranges if a < image[0] or b > image[1]]
    if outside:
        raise AssertionError(f"/proc/iomem's Kernel lines {outside} are "
                             f"outside the image {image}")
    nrs = set()
    for start, end in ranges:
        nrs.update(range(start // BLOCK, end // BLOCK + 1))
    if sorted(nrs) != list(range(image[0] // BLOCK, image[1] // BLOCK + 1)):
        raise AssertionError(f"/proc/iomem puts the image in {sorted(nrs)}")
    return sorted(nrs), "/proc/iomem"


def not_all_ram(m, nrs):
    """The blocks of @nrs that /proc/iomem's System RAM does not wholly
    cover: firmware keeps part of them (Linux refuses to offline a block
    with such a hole, with EINVAL)."""
    ram = [(int(a, 16), int(b, 16) + 1) for a, b in
           re.findall(r"^([0-9a-f]+)-([0-9a-f]+) : System RAM$",
                      sh(m, "cat /proc/iomem"), re.M)]
    holed = []
    for nr in nrs:
        start, end = nr * BLOCK, (nr + 1) * BLOCK
        covered = sum(max(0, min(end, b) - max(start, a)) for a, b in ram)
        if covered != BLOCK:
            holed.append(nr)
    return holed


def write_errno(out):
    """The errno name of a failed `echo ... > file`, from sh's message."""
    for text, name in WRITE_ERRORS.items():
        if text in out:
            return name
    return out.strip() or "?"


def last_console_line(m):
    """The newest line of the kernel log, to find what comes after it."""
    return m.run("dmesg | tail -n 1").strip()


def reason_line(m, mark):
    """The first console line after @mark saying why an offline failed,
    with the page type named."""
    lines = [line.strip() for line in m.run("dmesg | tail -n 20").splitlines()]
    if mark in lines:
        lines = lines[len(lines) - lines[::-1].index(mark):]
    found = [_REASON.search(line) for line in lines]
    found = [f.group(1) for f in found if f]
    if not found:
        return "(no reason on the console)"
    line = found[0]
    t = _TYPE.search(line)
    if t and int(t.group(1)) < len(PAGE_TYPES):
        line += f" [{PAGE_TYPES[int(t.group(1))]}]"
    return line


def offline_block(m, nr):
    """Offline memoryN, retrying once after EBUSY/EAGAIN. Return None, or
    (errno name, reason line) of the last failure."""
    for _ in range(2):
        mark = last_console_line(m)
        status, out = sh_status(m, f"echo offline > memory{nr}/state",
                                timeout=600)
        if status == 0:
            return None
        err = write_errno(out)
        failure = (err, reason_line(m, mark))
        if err not in ("EBUSY", "EAGAIN"):
            break
    return failure


def census(m, nr):
    """The driver's census of memoryN: {what: pages} of the pinned ones,
    and "movable": the pages in use that migration would try."""
    pages = BLOCK // 4096
    sh(m, f"echo '{nr * pages} {pages}' > {KFILL}/census")
    out = sh(m, f"cat {KFILL}/census")
    pins = {k: int(v) for k, v in re.findall(r"^pinned (\S+) (\d+)$", out,
                                             re.M)}
    movable = re.search(r"(\d+) movable", out)
    if movable:
        pins["movable"] = int(movable.group(1))
    return pins


def kfill_verify(m, when):
    """The driver's verify: (objects, bad), raising if its write fails."""
    out = sh(m, f"cat {KFILL}/verify", timeout=600).strip()
    got = re.search(r"(\d+) objects, (\d+) bad", out)
    if not got:
        raise AssertionError(f"{when}: {KFILL}/verify: {out!r}")
    status, _ = sh_status(m, f"echo 1 > {KFILL}/verify", timeout=600)
    if status != 0 or int(got.group(2)):
        raise AssertionError(f"{when}: kernel fill {out}")
    return int(got.group(1))


class Users:
    """USER_PROCS memfill processes in the guest's background, their pids
    in the shell's $MF, each writing what it says to /tmp/mfN."""

    def __init__(self, m):
        self.m = m
        self.checks = 0         # verify lines each has printed so far
        # No job control: no "Done" notice mixes with a command's output.
        sh(m, "set +m; MF=")
        for i in range(USER_PROCS):
            shared = "-S " if i % 2 else ""
            sh(m, f"memfill {shared}-s {i + 1} -t 3600 {USER_MIB} "
                  f"> /tmp/mf{i} 2>&1 & MF=\"$MF $!\"")
        for i in range(USER_PROCS):
            self._wait(i, lambda out: "memfill: ready" in out, "ready")

    def _wait(self, i, done, what):
        """/tmp/mfN once @done(its text) holds; AssertionError after 20 s."""
        for _ in range(100):
            out = self.m.run(f"cat /tmp/mf{i}")
            if done(out):
                return out
            self.m.run("sleep 0.2")
        raise AssertionError(f"memfill {i} not {what}: {out!r}")

    def verify(self, when):
        """Every memfill checks its memory (SIGUSR1) and says OK."""
        sh(self.m, "for p in $MF; do kill -USR1 $p; done")
        self.checks += 1
        for i in range(USER_PROCS):
            out = self._wait(i, lambda out: len(re.findall(
                r"^verify: ", out, re.M)) >= self.checks, "verified")
            last = re.findall(r"^verify: .*$", out, re.M)[-1]
            if not last.startswith("verify: OK"):
                raise AssertionError(f"{when}: memfill {i}: {last}")

    def stop(self):
        """End every memfill: each verifies once more and exits 0."""
        sh(self.m, "for p in $MF; do kill $p; done")
        out = sh(self.m, "for p in $MF; do wait $p || echo FAIL $p; done")
        if "FAIL" in out:
            raise AssertionError(f"memfill exit: {out.strip()}")


def pins_text(pins):
    return ", ".join(f"{k} {v}" for k, v in pins.items()) or "none"


def offline_all(m, targets, firmware, pinned):
    """Offline @targets then @firmware, one block at a time, and print
    what happened. Return (blocks offlined, failures of @targets as
    (nr, errno, reason, census))."""
    offlined, failures, fw_failures = [], [], []
    for nr in targets:
        failure = offline_block(m, nr)
        if failure:
            failures.append((nr, *failure, census(m, nr)))
        else:
            offlined.append(nr)
    say(f"offlined {len(offlined)} of {len(targets)} blocks of node 0 "
          f"(the kernel image's {pinned} and firmware's {firmware} apart)")
    for nr, err, why, pins in failures:
        say(f"  memory{nr}: {err}: {why}; pages left: {pins_text(pins)}")
    for nr in firmware:
        failure = offline_block(m, nr)
        if failure:
            fw_failures.append(nr)
            say(f"  memory{nr} (firmware's): {failure[0]}: {failure[1]}")
        else:
            offlined.append(nr)
    for nr in pinned + fw_failures:
        say(f"  memory{nr} (not counted), pages left: "
              f"{pins_text(census(m, nr))}")
    return offlined, failures


def check_removable(m, blocks, never):
    """Each of @blocks says removable 1, but those in @never, which hold
    pages that can never move: 0."""
    got = {n: sh(m, f"cat memory{n}/removable").strip() for n in blocks}
    say("removable: " + ", ".join(f"memory{n} {v}" for n, v in got.items()))
    wrong = [n for n, v in got.items() if v != ("0" if n in never else "1")]
    if wrong:
        raise AssertionError("removable is wrong for " + ", ".join(
            f"memory{n} ({got[n]})" for n in wrong))


def everything_moves(m):
    sh(m, f"cd {MEMDIR}")
    node0 = node_blocks(m, 0)
    pinned, source = kernel_blocks(m)
    firmware = [n for n in not_all_ram(m, node0) if n not in pinned]
    targets = [n for n in reversed(node0)
               if n not in pinned and n not in firmware]
    say(f"node 0: blocks {node0}; kernel image in {pinned} ({source}); "
          f"not all System RAM: {firmware}")
    users = Users(m)
    sh(m, f"echo '0 {FILL_MIB}' > {KFILL}/fill", timeout=900)
    say(sh(m, f"cat {KFILL}/fill").strip())
    say(sh(m, f"cat {KFILL}/stats"))
    objects = kfill_verify(m, "after the fill")
    check_removable(m, node0, pinned + firmware)

    offlined, failures = offline_all(m, targets, firmware, pinned)
    say(sh(m, f"cat {KFILL}/stats"))
    kfill_verify(m, "after offlining")
    users.verify("after offlining")
    if "ali ve" not in m.run("echo ali ve; uname -a; free -m"):
        raise AssertionError("the shell stopped answering")
    for nr in offlined:
        sh(m, f"echo online > memory{nr}/state")
    if kfill_verify(m, "after onlining again") != objects:
        raise AssertionError("objects lost after onlining again")
    users.verify("after onlining again")
    users.stop()
    sh(m, f"echo 1 > {KFILL}/free", timeout=600)
    if failures:
        raise AssertionError(
            f"offlined {len(targets) - len(failures)} of {len(targets)} "
            f"blocks of node 0; " + "; ".join(
                f"memory{nr}: {err}: {why} (left: {pins_text(pins)})"
                for nr, err, why, pins in failures))


SCENARIOS = [
    Scenario("hotplug:everything-moves", everything_moves,
             memory="2G,slots=8,maxmem=32G",
             machine="pc,max-ram-below-4g=512M", node_mib=(1024, 1024),
             timeout=900.0),
]
