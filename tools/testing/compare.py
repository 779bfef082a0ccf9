#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Tide against Debian's Linux 6.12: the same script on the same machine.

Both kernels boot the same QEMU machine (MACHINE: -M pc, two CPUs, 512 MiB
of boot memory split over two NUMA nodes, DIMM slots) with the same
initramfs: the build's initramfs.cpio.gz followed by one more gzip member
that holds /compare/run.sh (GUEST_SCRIPT below). Once busybox sh is up,
two DIMMs are hot-added over QMP, one per node, and the script runs
section by section (SECTIONS): lsmem with its options, numactl, every
file under /sys/devices/system/memory and /sys/devices/system/node, the
memory_hotplug module parameters, a list of invalid writes and their
errno, and chmem runs, each followed by the state it left.

Every item the script prints is framed by "@@< NAME" and "@@> STATUS"
(its exit status); output and status of each item are compared between
the two kernels. A difference fails unless tools/testing/compare-allow.txt
allows it (see load_allow_list() for its format; every entry has a
reason). `make check` runs one job (compare:SECTION outcomes, one per
section, the differing items in the failure); `make compare` runs the
same and prints both outputs side by side:

    /usr/bin/python3 tools/testing/compare.py --build build [--side-by-side]
        [--only-diff] [-k SECTION]

Linux's items are cached in BUILD/compare/ under a hash of everything
that decides them (its kernel, the initramfs, this file, QEMU's version),
so that `make check` boots Linux only when one of those changed.
Linux itself (boot/vmlinuz-6.12*) is unpacked into BUILD/linux-ref by
scripts/install-deps.sh --bench, from a .deb kept outside the clone.
"""

import argparse
import difflib
import fnmatch
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from typing import NamedTuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu       # noqa: E402
import scenario   # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ALLOW_LIST = os.path.join(HERE, "compare-allow.txt")
MIB = 1 << 20

# The machine: boot memory 256 MiB on each of two nodes, one CPU (and
# socket) on each, room for the DIMMs. Both kernels get the same command
# line: loglevel=5 keeps notices and info off the console, where they
# would break into the script's output; memhp_default_state=online_movable
# onlines the DIMMs into ZONE_MOVABLE on both (Debian's config onlines
# new memory by default, Tide's leaves it offline as Linux's Kconfig
# does), where no kernel allocation can land, so that whether an offline
# succeeds does not depend on where each kernel happened to put its own
# data. The script onlines blocks to ZONE_NORMAL only at the end.
MEMORY = "512M,slots=4,maxmem=4G"
MACHINE = ("-smp", "2,sockets=2",
           "-object", "memory-backend-ram,id=boot0,size=256M",
           "-object", "memory-backend-ram,id=boot1,size=256M",
           "-numa", "node,nodeid=0,cpus=0,memdev=boot0",
           "-numa", "node,nodeid=1,cpus=1,memdev=boot1")
CMDLINE = "console=ttyS0 loglevel=5 memhp_default_state=online_movable"

# The DIMMs hot-added before the script runs: (id, size, node). QEMU
# puts the first at 4 GiB (memory32), the next right after it.
DIMMS = (("d0", 256 * MIB, 0), ("d1", 256 * MIB, 1))

SECTIONS = ("lsmem", "numactl", "sysfs-memory", "sysfs-node", "params",
            "uevent", "writes", "chmem")

# The script in the guest: `run.sh SECTION` prints that section's items.
# An item: "@@< NAME", its output (stdout and stderr), "@@> STATUS".
GUEST_SCRIPT = r"""#!/bin/sh
M=/sys/devices/system/memory
N=/sys/devices/system/node
P=/sys/module/memory_hotplug/parameters
ALL=RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES

item() {
	echo "@@< $1"
	eval "$2" 2>&1
	echo "@@> $?"
}

# Every regular file under $1 (name and content, or cat's error), then
# where each symbolic link points.
dump() {
	for f in $(find $1 -type f | sort); do
		item "read $f" "cat $f"
	done
	item "links $1" 'for l in $(find '$1' -type l | sort); do
		echo "$l -> $(readlink $l)"; done'
}

# wr FILE VALUE: write VALUE (and a newline) into FILE, as echo does.
wr() {
	item "write '$2' > $1" "echo '$2' > $1"
}

# After a change: the state lsmem sees, every block shown.
after() {
	item "state after $1" "lsmem -a -o $ALL"
}

chm() {
	item "$*" "$*"
	after "$*"
}

case $1 in
lsmem)
	item "lsmem" "lsmem"
	item "lsmem -a" "lsmem -a"
	item "lsmem -o all" "lsmem -o $ALL"
	item "lsmem -a -o all" "lsmem -a -o $ALL"
	for s in STATE NODE ZONES REMOVABLE STATE,NODE STATE,ZONES \
		 STATE,NODE,ZONES none; do
		item "lsmem --split=$s" "lsmem -o $ALL --split=$s"
	done
	item "lsmem -b" "lsmem -b"
	item "lsmem -n" "lsmem -n"
	item "lsmem -r -a -o all" "lsmem -r -a -o $ALL"
	item "lsmem -P -o all" "lsmem -P -o $ALL"
	item "lsmem -J -a -o all" "lsmem -J -a -o $ALL"
	item "lsmem --summary=only" "lsmem --summary=only"
	item "lsmem --summary=never" "lsmem --summary=never"
	item "lsmem -o NOSUCH" "lsmem -o NOSUCH"
	item "lsmem --split=NOSUCH" "lsmem --split=NOSUCH"
	;;
numactl)
	item "numactl --hardware" "numactl --hardware"
	item "numactl --show" "numactl --show"
	item "numactl --membind=1 --show" "numactl --membind=1 numactl --show"
	item "numactl --preferred=1 --show" \
		"numactl --preferred=1 numactl --show"
	item "numactl --interleave=all --show" \
		"numactl --interleave=all numactl --show"
	item "numactl --cpunodebind=1 --show" \
		"numactl --cpunodebind=1 numactl --show"
	item "numactl --localalloc --show" \
		"numactl --localalloc numactl --show"
	item "numactl --membind=7 true" "numactl --membind=7 true"
	item "numactl --physcpubind=5 true" "numactl --physcpubind=5 true"
	;;
sysfs-memory)
	dump $M
	;;
sysfs-node)
	dump $N
	;;
params)
	for f in $(ls $P | sort); do
		item "read $P/$f" "cat $P/$f"
	done
	item "ls /sys/kernel/mm" "ls /sys/kernel/mm | sort"
	wr $P/online_policy bad
	wr $P/online_policy ""
	wr $P/online_policy auto-movable
	item "read after write" "cat $P/online_policy"
	wr $P/online_policy contig-zones
	wr $P/auto_movable_ratio x
	wr $P/auto_movable_ratio -1
	wr $P/auto_movable_ratio 4294967296
	wr $P/auto_movable_ratio 500
	item "read after write" "cat $P/auto_movable_ratio"
	wr $P/auto_movable_ratio 301
	wr $P/auto_movable_numa_aware maybe
	wr $P/auto_movable_numa_aware 2
	wr $P/auto_movable_numa_aware n
	item "read after write" "cat $P/auto_movable_numa_aware"
	wr $P/auto_movable_numa_aware Y
	wr $P/memmap_on_memory 1
	wr $P/memmap_on_memory bad
	;;
uevent)
	item "read /sys/kernel/uevent_seqnum" "cat /sys/kernel/uevent_seqnum"
	item "read /sys/kernel/uevent_helper" "cat /sys/kernel/uevent_helper"
	item "read /proc/sys/kernel/hotplug" "cat /proc/sys/kernel/hotplug"
	wr /sys/kernel/uevent_seqnum 5
	for f in /sys/kernel/uevent_helper /proc/sys/kernel/hotplug; do
		item "write 300 characters > $f" "printf '%0300d\\n' 0 > $f"
	done
	wr $M/memory33/uevent bogus
	wr $M/memory33/uevent ""
	wr $M/memory33/uevent change
	wr $M/memory33/uevent "add 0b5e7a5e-1d2c-4c3b-9a8f-0123456789ab"
	wr $M/memory33/uevent "add nonsense"
	wr $N/node1/uevent change
	wr $M/uevent change
	;;
writes)
	# power/: control and async are the files that take a write.
	for f in control async autosuspend_delay_ms; do
		wr $M/memory32/power/$f bad
	done
	wr $M/memory32/power/control on
	item "power after control on" \
		"cat $M/memory32/power/control $M/memory32/power/runtime_enabled $M/memory32/power/runtime_usage"
	wr $M/memory32/power/control auto
	wr $M/memory32/power/async enabled
	item "power after async enabled" "cat $M/memory32/power/async"
	wr $M/memory32/power/async disabled
	wr $M/memory32/power/autosuspend_delay_ms 100
	item "state of memory32" "cat $M/memory32/state"
	wr $M/memory32/state bad
	wr $M/memory32/state ""
	wr $M/memory32/state ONLINE
	wr $M/memory32/state "online "
	wr $M/memory32/state online
	wr $M/memory32/state online_kernel
	wr $M/memory32/state online_movable
	wr $M/memory32/online 2
	wr $M/memory32/online x
	wr $M/memory32/online 1
	wr $M/memory35/online 0
	item "state of memory35" "cat $M/memory35/state"
	wr $M/memory35/state offline
	wr $M/memory35/online 0
	wr $M/memory35/state bad
	wr $M/memory35/state online_movable
	item "state of memory35" "cat $M/memory35/state"
	wr $M/memory35/state online_movable
	for f in valid_zones phys_index phys_device removable uevent; do
		wr $M/memory32/$f 1
	done
	wr $M/memory99/state online
	wr $M/block_size_bytes 1
	item "read auto_online_blocks" "cat $M/auto_online_blocks"
	wr $M/auto_online_blocks bad
	wr $M/auto_online_blocks ""
	wr $M/auto_online_blocks online_foo
	item "read auto_online_blocks" "cat $M/auto_online_blocks"
	for v in online offline online_kernel "online_movable "; do
		wr $M/auto_online_blocks "$v"
		item "read auto_online_blocks" "cat $M/auto_online_blocks"
	done
	wr $M/auto_online_blocks online_movable
	wr $M/probe foo
	wr $M/probe 0x1
	wr $M/soft_offline_page foo
	wr $M/hard_offline_page foo
	wr $N/node0/meminfo x
	wr $N/node1/distance "10 20"
	wr $N/online 0-1
	wr $N/possible 0
	wr $N/node7/meminfo x
	;;
chmem)
	after "the DIMMs were added"
	chm chmem -b -d 35
	chm chmem -b -e 35
	chm chmem -d 0x110000000-0x117ffffff
	chm chmem -e 0x110000000-0x117ffffff
	chm chmem -d 0x110000000-0x11fffffff
	chm chmem -e 0x110000000-0x11fffffff
	chm chmem -d 256M
	chm chmem -e 256M
	chm chmem -v -b -d 32-33
	chm chmem -v -b -e -z Movable 33
	chm chmem -b -d 33
	chm chmem -b -e -z DMA32 33
	chm chmem -b -e -z DMA 33
	chm chmem -b -e -z Device 33
	chm chmem -b -e -z Nosuch 33
	chm chmem -b -d -z Normal 33
	chm chmem -b -e -z Movable 33
	chm chmem -v -d 128M
	chm chmem -v -e 128M
	chm chmem -b -d 0
	chm chmem -b -e 99
	chm chmem -e 0x1-0x2
	chm chmem -e
	chm chmem -b -d 34-35
	chm chmem -b -e 35
	chm chmem -v -b -e -z Normal 34
	wr $M/memory35/online 0
	wr $M/memory35/online 1
	after "memory35 went off and on through its online file"
	;;
*)
	echo "run.sh: no section $1" >&2
	exit 2
	;;
esac
echo "@@ done $1"
"""

ITEM_START = re.compile(r"^@@< (.*)$")
ITEM_END = re.compile(r"^@@> (\d+)$")
PRINTK = re.compile(r"^\[\s*\d+\.\d+\]")
PRINTK_ANYWHERE = re.compile(r"\[\s*\d+\.\d+\] [^\n]*\n")


class CompareError(Exception):
    pass


# ---- the two machines ----

def linux_paths(build):
    """The vmlinuz of the reference Linux in @build/linux-ref;
    CompareError if it is not unpacked there."""
    ref = os.path.join(build, "linux-ref", "boot")
    kernels = sorted(f for f in os.listdir(ref) if f.startswith(
        "vmlinuz-6.12")) if os.path.isdir(ref) else []
    if not kernels:
        raise CompareError(f"no Linux 6.12 in {ref} (scripts/install-deps.sh "
                           f"--bench {os.path.dirname(ref)} fetches it)")
    return os.path.join(ref, kernels[-1])


def _newc(entries):
    """A newc archive of (name, mode, data) entries and its trailer."""
    out = bytearray()
    for ino, (name, mode, data) in enumerate(
            list(entries) + [("TRAILER!!!", 0, b"")], start=1):
        raw = name.encode() + b"\0"
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(raw), 0]
        out += b"070701" + b"".join(b"%08x" % f for f in fields) + raw
        out += b"\0" * (-len(out) % 4) + data
        out += b"\0" * (-len(out) % 4)
    return bytes(out)


def make_initramfs(build):
    """BUILD/compare/initramfs.cpio.gz: the build's initramfs and a gzip
    member with /compare/run.sh. Return its path."""
    base = os.path.join(build, "initramfs.cpio.gz")
    if not os.path.exists(base):
        raise CompareError(f"{base} missing (make initramfs builds it)")
    member = gzip.compress(_newc([
        ("compare", 0o40755, b""),
        ("compare/run.sh", 0o100755, GUEST_SCRIPT.encode())]), mtime=0)
    outdir = os.path.join(build, "compare")
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, "initramfs.cpio.gz")
    with open(base, "rb") as f:
        data = f.read()
    with open(path + ".tmp", "wb") as f:
        f.write(data + member)
    os.replace(path + ".tmp", path)
    return path


def _block_states(m, names):
    out = m.run("cd /sys/devices/system/memory && for b in " +
                " ".join(names) + "; do echo $b $(cat $b/state); done; cd /")
    return sorted(line.strip() for line in out.splitlines()
                  if line.startswith("memory"))


def _hot_add(m):
    """Plug DIMMS over QMP; return once every new block exists and the
    states of all of them stayed the same for a second."""
    names = []
    for dimm_id, size, node in DIMMS:
        addr = scenario.add_dimm(m, dimm_id, size, node=node, wait=False)
        names += [scenario.block_of(a) for a in
                  range(addr, addr + size, scenario.BLOCK)]
    scenario.wait_until(lambda: all(b in scenario.blocks(m) for b in names),
                        "the DIMMs' blocks to appear", timeout=60)
    last, stable = None, 0
    deadline = time.monotonic() + 30
    while stable < 3 and time.monotonic() < deadline:
        now = _block_states(m, names)
        stable = stable + 1 if now == last else 0
        last = now
        time.sleep(0.3)


def parse_items(text):
    """{name: (output, status)} of the items in @text (console output).
    A name seen twice gets " #2", " #3"... appended."""
    items = {}
    name, lines = None, []
    # A kernel message may break into a line of the script's output: it
    # runs from its time stamp to its newline, and what was cut follows.
    text = PRINTK_ANYWHERE.sub("", text.replace("\r", ""))
    for raw in text.split("\n"):
        line = qemu._CONTROL.sub("", raw)
        if PRINTK.match(line):
            continue
        start = ITEM_START.match(line)
        if start:
            name, lines = start.group(1), []
            continue
        end = ITEM_END.match(line)
        if end and name is not None:
            key, n = name, 1
            while key in items:
                n += 1
                key = f"{name} #{n}"
            items[key] = ("\n".join(lines), int(end.group(1)))
            name = None
            continue
        if name is not None:
            lines.append(line)
    return items


def run_machine(kernel, initrd, log_path, sections=SECTIONS):
    """Boot @kernel with @initrd on the machine, hot-add the DIMMs and run
    the script. Return ({section: {item: (output, status)}}, why the end
    of the boot was wrong or None, console lines with a FAILURE_MARK)."""
    m = qemu.Machine(kernel, memory=MEMORY, cmdline=CMDLINE,
                     extra_args=MACHINE, log_path=log_path, timeout=900,
                     initrd=initrd)
    results = {}
    with m:
        m.expect(qemu.Machine.PROMPT, timeout=qemu.BOOT_TIMEOUT)
        _hot_add(m)
        for sec in sections:
            out = m.run(f"/compare/run.sh {sec}", timeout=300)
            if f"@@ done {sec}" not in out:
                raise CompareError(f"section {sec} did not finish: "
                                   f"{out[-300:]!r}")
            results[sec] = parse_items(out)
    if m.status is None:
        problem = "did not power off (QEMU killed)"
    else:
        problem = qemu.exit_problem(m.status, m.output)
    marks = [line for line in m.output.splitlines()
             if any(x in line for x in qemu.FAILURE_MARKS)]
    return results, problem, marks


def _sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def linux_key(vmlinuz, initrd):
    """The hash of what decides Linux's answers."""
    h = hashlib.sha256()
    for path in (vmlinuz, initrd, os.path.abspath(__file__)):
        h.update(_sha(path).encode())
    ver = subprocess.run([qemu.QEMU, "--version"], capture_output=True,
                         text=True).stdout
    h.update(ver.encode())
    return h.hexdigest()[:16]


def linux_results(build, initrd, log_path, use_cache=True):
    """Linux's items: from BUILD/compare/linux-KEY.json if there, else by
    booting it (and caching what it gave if the boot was clean)."""
    vmlinuz = linux_paths(build)
    cache = os.path.join(build, "compare",
                         f"linux-{linux_key(vmlinuz, initrd)}.json")
    if use_cache and os.path.exists(cache):
        with open(cache) as f:
            return json.load(f), True
    results, problem, marks = run_machine(vmlinuz, initrd, log_path)
    if problem or marks:
        raise CompareError(f"Linux: {problem or marks[0]}")
    results = {s: {k: list(v) for k, v in items.items()}
               for s, items in results.items()}
    for old in os.listdir(os.path.dirname(cache)):
        if old.startswith("linux-") and old.endswith(".json"):
            os.remove(os.path.join(os.path.dirname(cache), old))
    with open(cache + ".tmp", "w") as f:
        json.dump(results, f, indent=1)
    os.replace(cache + ".tmp", cache)
    return results, False


# ---- the allow-list ----

class Allow:
    """One entry of compare-allow.txt."""

    def __init__(self, lineno, kind, pattern, regex, repl, reason):
        self.lineno = lineno
        self.kind = kind            # "normalize" or "differ"
        self.pattern = pattern      # glob on "SECTION: ITEM"
        self.regex = regex
        self.repl = repl
        self.reason = reason
        self.used = False

    def matches(self, key):
        return fnmatch.fnmatchcase(key, self.pattern)

    def __str__(self):
        return f"compare-allow.txt:{self.lineno}: {self.kind} " \
               f"{self.pattern} ({self.reason})"


def load_allow_list(path=ALLOW_LIST):
    """Parse the allow-list. Each line, after comments (#) and blank lines:

        differ SECTION:GLOB | REASON
        normalize SECTION:GLOB /REGEX/REPLACEMENT/ | REASON

    The glob matches "SECTION: ITEM" (item names as the script prints
    them); `differ` lets the item differ in any way, present on one side
    only included; `normalize` rewrites REGEX (Python syntax, multi-line
    mode) to REPLACEMENT in both outputs before they are compared; the
    delimiter is the line's last character before " | ", "/" or any
    other that REGEX and REPLACEMENT do not contain.
    Every entry needs a reason. CompareError on a malformed line.
    """
    entries = []
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            body, sep, reason = line.rpartition(" | ")
            if not sep or not reason.strip():
                raise CompareError(f"{path}:{lineno}: no reason")
            parts = body.split(None, 1)
            kind = parts[0]
            rest = parts[1] if len(parts) > 1 else ""
            if kind == "differ":
                entries.append(Allow(lineno, kind, rest.strip(), None, None,
                                     reason.strip()))
                continue
            if kind != "normalize":
                raise CompareError(f"{path}:{lineno}: unknown kind {kind}")
            rest = rest.strip()
            delim = rest[-1:]
            parts = rest.rsplit(delim, 3) if delim else []
            if len(parts) != 4 or not parts[0].endswith((" ", "\t")) or \
                    not parts[0].strip():
                raise CompareError(f"{path}:{lineno}: want GLOB /REGEX/REPL/")
            pattern, regex, repl = parts[0].strip(), parts[1], parts[2]
            try:
                compiled = re.compile(regex, re.M)
            except re.error as e:
                raise CompareError(f"{path}:{lineno}: {e}")
            entries.append(Allow(lineno, kind, pattern, compiled, repl,
                                 reason.strip()))
    return entries


# ---- comparing ----

def _text(entry):
    if entry is None:
        return None
    out, status = entry
    return f"{out}\n[exit {status}]" if out else f"[exit {status}]"


class Row(NamedTuple):
    """One item compared."""
    item: str
    verdict: str        # "same", "allowed" or "differ"
    linux: str          # its output and status, None if absent
    tide: str
    why: object         # the Allow entry that allowed it, or None
    linux_norm: str     # linux and tide after the normalize entries
    tide_norm: str


def compare_section(section, linux, tide, allow):
    """Compare one section's items ({item: (output, status)} each); return
    its Rows in the script's order (Linux's, then Tide's extra ones)."""
    order = list(linux) + [k for k in tide if k not in linux]
    rows = []
    for item in order:
        key = f"{section}: {item}"
        lt, tt = _text(linux.get(item)), _text(tide.get(item))
        nl, nt = lt, tt
        for a in allow:
            if a.kind == "normalize" and a.matches(key):
                before = (nl, nt)
                nl = a.regex.sub(a.repl, nl) if nl is not None else None
                nt = a.regex.sub(a.repl, nt) if nt is not None else None
                if (nl, nt) != before:
                    a.used = True
        if nl == nt:
            rows.append(Row(item, "same", lt, tt, None, nl, nt))
            continue
        why = next((a for a in allow if a.kind == "differ" and
                    a.matches(key)), None)
        if why:
            why.used = True
            rows.append(Row(item, "allowed", lt, tt, why, nl, nt))
        else:
            rows.append(Row(item, "differ", lt, tt, None, nl, nt))
    return rows


def short_diff(lt, tt, limit=12):
    if lt is None:
        return ["  (only on Tide)"] + [f"  + {x}" for x in
                                       tt.splitlines()[:limit]]
    if tt is None:
        return ["  (only on Linux)"] + [f"  - {x}" for x in
                                        lt.splitlines()[:limit]]
    diff = list(difflib.unified_diff(lt.splitlines(), tt.splitlines(),
                                     "linux", "tide", n=1, lineterm=""))[2:]
    more = len(diff) - limit
    out = [f"  {x}" for x in diff[:limit]]
    if more > 0:
        out.append(f"  ... {more} more lines")
    return out


def side_by_side(item, verdict, lt, tt, width=None):
    """The two outputs in columns (Linux left, Tide right); a mark
    between them: '|' a changed line, '<' Linux only, '>' Tide only."""
    head = {"same": "same", "allowed": "allowed difference",
            "differ": "DIFFERENT"}[verdict]
    out = [f"=== {item}  [{head}]"]
    left = (lt or "(absent)").splitlines()
    right = (tt or "(absent)").splitlines()
    sm = difflib.SequenceMatcher(None, left, right, autojunk=False)
    width = width or min(max(len(x) for x in left + [""]), 100)

    def cut(s):
        return s if len(s) <= width else s[:width - 1] + "~"
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        n = max(i2 - i1, j2 - j1)
        for k in range(n):
            a = left[i1 + k] if i1 + k < i2 else None
            b = right[j1 + k] if j1 + k < j2 else None
            mark = " " if op == "equal" else "|" if a is not None and \
                b is not None else "<" if b is None else ">"
            out.append(f"{cut(a or ''):<{width}} {mark} {cut(b or '')}")
    return out


def run(build, log_dir, sections=SECTIONS, use_cache=True):
    """Boot both (Linux possibly from the cache); return (rows by
    section, notes, allow entries, whether Tide's boot went wrong).
    CompareError if the allow-list is malformed or Linux is missing;
    a failed boot raises what qemu.Machine raised."""
    allow = load_allow_list()
    for name in ("compare-tide.log", "compare-linux.log"):
        if os.path.exists(os.path.join(log_dir, name)):
            os.remove(os.path.join(log_dir, name))
    initrd = make_initramfs(build)
    notes = []
    linux, cached = linux_results(build, initrd,
                                  os.path.join(log_dir, "compare-linux.log"),
                                  use_cache)
    notes.append("Linux: from the cache" if cached else "Linux: booted")
    kernel = os.path.join(build, "tide")
    # Every section runs (each starts from the state the one before
    # left); only @sections are compared.
    tide, problem, marks = run_machine(
        kernel, initrd, os.path.join(log_dir, "compare-tide.log"))
    if problem:
        notes.append(f"Tide: {problem}")
    if marks:
        notes.append(f"Tide console: {marks[0].strip()}")
    rows = {sec: compare_section(sec, linux.get(sec, {}),
                                 tide.get(sec, {}), allow)
            for sec in sections}
    return rows, notes, allow, bool(problem or marks)


def _log_tail(log_dir, n=30):
    """The end of the console of the boot that ran last (Tide's if it
    started), for a failure's report."""
    for name in ("compare-tide.log", "compare-linux.log"):
        path = os.path.join(log_dir, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.read().replace("\r", "").splitlines()
            return [f"{name}:"] + [f"| {x}" for x in lines[-n:]]
    return []


def check_outcomes(build, log_dir):
    """make check: [(name, ok, reason, detail lines)], one per section
    plus compare:tide-boot (a clean power off, nothing alarming on the
    console)."""
    try:
        rows, notes, allow, bad_boot = run(build, log_dir)
    except Exception as e:
        return [("compare:boot", False, f"{type(e).__name__}: {e}",
                 _log_tail(log_dir))]
    out = [("compare:tide-boot", not bad_boot,
            "; ".join(n for n in notes if n.startswith("Tide")), [])]
    # An entry no item needed is stale (Tide now agrees with Linux
    # there): it must go, or it would hide the next difference.
    unused = [a for a in allow if not a.used]
    out.append(("compare:allow-list", not unused,
                f"{len(unused)} allow-list entries no item needed "
                f"(remove them)", [str(a) for a in unused]))
    for sec, items in rows.items():
        bad = [r for r in items if r.verdict == "differ"]
        detail = []
        for r in bad[:20]:
            detail.append(f"{r.item}:")
            detail += short_diff(r.linux_norm, r.tide_norm)
        if len(bad) > 20:
            detail.append(f"... and {len(bad) - 20} more items")
        reason = f"{len(bad)} of {len(items)} items differ from Linux: " + \
            ", ".join(r.item for r in bad[:5]) + (" ..." if len(bad) > 5
                                                else "")
        out.append((f"compare:{sec}", not bad, reason, detail))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--side-by-side", action="store_true",
                    help="print every item, Linux left, Tide right")
    ap.add_argument("--only-diff", action="store_true",
                    help="with --side-by-side: only the items that differ")
    ap.add_argument("--diff", action="store_true",
                    help="print a unified diff of each item that differs")
    ap.add_argument("--no-cache", action="store_true",
                    help="boot Linux even if its answers are cached")
    ap.add_argument("-k", dest="sections", action="append", default=[],
                    help="only this section (repeatable)")
    args = ap.parse_args(argv)
    build = os.path.abspath(args.build)
    log_dir = os.path.join(build, "compare")
    os.makedirs(log_dir, exist_ok=True)
    sections = tuple(args.sections) or SECTIONS
    try:
        rows, notes, allow, bad_boot = run(build, log_dir, sections,
                                           not args.no_cache)
    except CompareError as e:
        print(f"compare: {e}")
        return 1
    failed = 0
    for sec, items in rows.items():
        for item, verdict, lt, tt, why, nl, nt in items:
            if args.side_by_side and (verdict != "same" or
                                      not args.only_diff):
                print("\n".join(side_by_side(f"{sec}: {item}", verdict,
                                             lt, tt)))
                if why:
                    print(f"    allowed by {why}")
            elif args.diff and verdict == "differ":
                print(f"=== {sec}: {item}")
                print("\n".join(short_diff(nl, nt, limit=40)))
    print()
    for sec, items in rows.items():
        bad = [r.item for r in items if r.verdict == "differ"]
        allowed = sum(1 for r in items if r.verdict == "allowed")
        print(f"{sec}: {len(items)} items, {len(bad)} differ, "
              f"{allowed} allowed differences")
        for name in bad:
            print(f"    differs: {name}")
        failed += len(bad)
    unused = [a for a in allow if not a.used and
              a.pattern.split(":")[0] in sections]
    for a in unused:
        print(f"note: unused allow-list entry {a}")
    for n in notes:
        print(f"note: {n}")
    print(f"(serial logs in {log_dir})")
    return 1 if failed or bad_boot else 0


if __name__ == "__main__":
    sys.exit(main())
