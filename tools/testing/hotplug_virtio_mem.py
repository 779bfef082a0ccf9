# SPDX-License-Identifier: GPL-2.0
"""virtio-mem scenarios: memory that grows and shrinks in device blocks
at the host's request (QEMU's virtio-mem-pci, issue 12).

Each machine boots with 512 MiB and `maxmem=8G`; a virtio-mem-pci device
takes its region from the device memory area above 4 GiB, backed by a
`reserve=off` memory backend (the host commits only what the guest
touches). The host asks for a size with
`qom-set vm0 requested-size`; `qom-get vm0 size` is what the device has
plugged. Tide boots with memhp_default_state=online, so the driver onlines
each memory block it adds; with memory_hotplug.memmap_on_memory (Tide's
default) a fully plugged 128 MiB block adds 126 MiB to MemTotal.

  hotplug:virtio-mem:pc        -M pc: grow 0 -> 4 GiB (plugged size from
                               QMP and debugfs, MemTotal exact, 32 blocks
                               online, /proc/iomem), a request beyond the
                               region (QMP refuses it, nothing changes),
                               shrink 4 -> 1 GiB with memfill's data in
                               the device's memory (boot memory held by a
                               first memfill), moving that data once
                               (pgmigrate_success grows by at most 640 +
                               64 MiB), then a request for 0 that
                               cannot be met: "stopped at" on the console,
                               data intact, the shell answers; once the
                               data is freed the shrink reaches 0
  hotplug:virtio-mem:q35       -M q35: grow 0 -> 4 GiB as above; faked
                               config values through debugfs fake_config:
                               requested_size beyond usable_region_size
                               (clamped), malformed values (a console
                               error each, no crash), then "clear" and the
                               device still grows and shrinks
  hotplug:virtio-mem:two-nodes two devices, on node 0 and on node 1, each
                               plugging 512 MiB at probe: each device's
                               blocks are linked from its own node
  hotplug:virtio-mem:cycles    100 cycles 0 -> 256 MiB -> 0: MemTotal,
                               MemFree, the boot zones' free pages and the
                               memory block count back where they were

The same functions run on Debian's Linux 6.12 (virtio_mem.ko loaded by
the bench's initramfs, linux_ref.py) to check the scenarios themselves:

    /usr/bin/python3 tools/testing/hotplug_virtio_mem.py --linux [-k NAME]

Linux has no debugfs files for virtio-mem and prints no "stopped at"
line: those checks are Tide's only and are skipped there.
"""

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qmp as qmp_mod   # noqa: E402
from scenario import (BLOCK, MEMDIR, Scenario, sh,  # noqa: E402
                      wait_until)

MIB = 1 << 20
GIB = 1 << 30
PAGE = 4096
REGION = 4 * GIB
BASE = 0x100000000      # the first device's region with 512 MiB boot RAM
DEBUGFS = "/sys/kernel/debug/virtio_mem"
ONLINE = "memhp_default_state=online"
MEMORY = "512M,maxmem=8G"
FILLER = "memfill -t 3600"


def vmem_args(dev="vm0", mem="vmem0", size=REGION, node=0, requested=0):
    """QEMU arguments for one virtio-mem-pci device and its backend."""
    return ("-object", f"memory-backend-ram,id={mem},size={size},"
            "reserve=off",
            "-device", f"virtio-mem-pci,id={dev},memdev={mem},node={node},"
            f"requested-size={requested}")


# ---- the kernel under test ----

def is_linux(m):
    """Whether @m runs Linux (validation runs of this file's main())."""
    return getattr(m, "linux", False)


def block_online_kib(m):
    """What one fully plugged 128 MiB block adds to MemTotal, in KiB:
    Tide keeps the block's memmap in its first 2 MiB, Linux (its default,
    memmap_on_memory off) in boot memory."""
    return BLOCK // 1024 if is_linux(m) else (BLOCK - 2 * MIB) // 1024


# ---- host side ----

def plugged(m, dev="vm0"):
    return int(m.qmp.command("qom-get", path=dev, property="size"))


def request(m, size, dev="vm0"):
    m.qmp.command("qom-set", path=dev, property="requested-size", value=size)


def wait_plugged(m, size, dev="vm0", timeout=60.0):
    wait_until(lambda: plugged(m, dev) == size,
               f"{dev} plugged size {size >> 20} MiB (now "
               f"{plugged(m, dev) >> 20} MiB)", timeout=timeout, step=0.05)


def device_info(m, dev="vm0"):
    for d in m.qmp.command("query-memory-devices"):
        if d.get("type") == "virtio-mem" and d["data"].get("id") == dev:
            return d["data"]
    raise AssertionError(f"no virtio-mem {dev} in query-memory-devices")


# ---- guest side ----

def meminfo(m):
    """MemTotal and MemFree in KiB (shell builtins only: no fork)."""
    out = m.run("{ read -r a t c; read -r a f c; } < /proc/meminfo; "
                "echo \"mi $t $f\"")
    found = re.search(r"mi (\d+) (\d+)", out)
    if not found:
        raise AssertionError(f"no MemTotal/MemFree: {out!r}")
    return int(found.group(1)), int(found.group(2))


def memtotal(m):
    return meminfo(m)[0]


def wait_memtotal(m, kib, what, timeout=60.0):
    wait_until(lambda: memtotal(m) == kib,
               f"MemTotal {kib} kB {what} (now {memtotal(m)})",
               timeout=timeout, step=0.1)


def nblocks(m):
    out = sh(m, f"ls {MEMDIR} | grep -c '^memory[0-9]'")
    return int(out.strip().splitlines()[-1])


def boot_free_pages(m):
    """Free pages of node 0's ZONE_DMA and ZONE_DMA32 (/proc/zoneinfo)."""
    out = sh(m, "cat /proc/zoneinfo")
    free = 0
    for zone in re.split(r"^Node ", out, flags=re.M)[1:]:
        if re.match(r"0, zone\s+(DMA|DMA32)\n", zone):
            found = re.search(r"pages free\s+(\d+)", zone)
            free += int(found.group(1)) if found else 0
    return free


def virtio_name(m, dev="vm0"):
    """virtioN of the device at @dev's address, from the probe's
    console line (Linux's and Tide's): "virtio_mem virtioN: start
    address: 0x..."."""
    addr = device_info(m, dev)["memaddr"]
    for line in m.output.splitlines():
        found = re.search(r"virtio_mem (virtio\d+): start address: "
                          r"(0x[0-9a-f]+)", line)
        if found and int(found.group(2), 16) == addr:
            return found.group(1)
    raise AssertionError(f"no \"virtio_mem virtioN: start address: "
                         f"{addr:#x}\" line on the console")


def status(m, vname):
    """debugfs status of @vname as a dict (Tide only)."""
    out = sh(m, f"cat {DEBUGFS}/{vname}/status")
    return dict(re.findall(r"^(\w+) (\S+)$", out, re.M))


def expect_status(m, vname, **want):
    if is_linux(m):
        return
    got = status(m, vname)
    for k, v in want.items():
        if str(got.get(k)) != str(v):
            raise AssertionError(f"{vname} status {k}: {got.get(k)!r}, "
                                 f"expected {v!r} ({got})")


def iomem_ranges(m):
    """(start, end, depth) of every "System RAM (virtio_mem)" line of
    /proc/iomem and (start, end, name) of its parent lines named virtioN."""
    out = sh(m, "grep -e virtio /proc/iomem")
    ram, parents = [], []
    for line in out.splitlines():
        found = re.match(r"^(\s*)([0-9a-f]+)-([0-9a-f]+) : (.*?)\s*$", line)
        if not found:
            continue
        start, end = int(found.group(2), 16), int(found.group(3), 16) + 1
        if found.group(4) == "System RAM (virtio_mem)":
            ram.append((start, end, len(found.group(1))))
        elif re.fullmatch(r"virtio\d+", found.group(4)):
            parents.append((start, end, found.group(4)))
    return ram, parents


def check_iomem(m, base, size, vname, region=REGION):
    """/proc/iomem: System RAM (virtio_mem) covers [@base, @base + @size)
    exactly (in one line or several) inside a "@vname" line."""
    ram, parents = iomem_ranges(m)
    mine = [r for r in ram if base <= r[0] < base + region]
    covered = sum(e - s for s, e, _ in mine)
    if covered != size or (mine and (min(s for s, _, _ in mine) != base or
                                     max(e for _, e, _ in mine) !=
                                     base + size)):
        raise AssertionError(f"System RAM (virtio_mem) lines {mine} do not "
                             f"cover [{base:#x}, {base + size:#x})")
    if size and not any(n == vname and s <= base and base + size <= e
                        for s, e, n in parents):
        raise AssertionError(f"no {vname} line around the memory in "
                             f"/proc/iomem: {parents}")


def check_blocks_online(m, base, size):
    first, last = base // BLOCK, (base + size) // BLOCK - 1
    out = sh(m, f"cd {MEMDIR}; i={first}; while [ $i -le {last} ]; do "
             f"read s < memory$i/state; echo \"$i $s\"; i=$((i + 1)); "
             f"done; cd /")
    states = dict(re.findall(r"^(\d+) (\w+)$", out, re.M))
    bad = [n for n in range(first, last + 1) if states.get(str(n)) !=
           "online"]
    if bad:
        raise AssertionError(f"memory blocks not online: {bad[:8]} "
                             f"({len(bad)})")


def grow(m, total0, size, dev="vm0", base=BASE):
    """Ask for @size and check everything that says it is plugged."""
    vname = virtio_name(m, dev)
    request(m, size, dev)
    wait_plugged(m, size, dev)
    want = total0 + size // BLOCK * block_online_kib(m)
    wait_memtotal(m, want, f"with {size >> 20} MiB plugged")
    expect_status(m, vname, plugged_size=size, requested_size=size,
                  blocks=size // BLOCK, state="running")
    check_blocks_online(m, base, size)
    check_iomem(m, base, size, vname)
    return want


# ---- memfill ----

def start_memfill(m, mib):
    """memfill -t holding @mib MiB in the background; its pid once ready."""
    before = m.output.count("memfill: ready")
    out = m.run(f"{FILLER} {mib} & echo pid=$!")
    found = re.search(r"pid=(\d+)", out)
    if not found:
        raise AssertionError(f"memfill did not start: {out!r}")
    wait_until(lambda: m.output.count("memfill: ready") > before,
               f"memfill {mib} MiB ready", timeout=120, step=0.2)
    return found.group(1)


def verify_memfill(m, pid):
    before = m.output.count("verify: OK")
    m.run(f"kill -USR1 {pid}")
    wait_until(lambda: m.output.count("verify: OK") > before or
               "verify: FAIL" in m.output, f"memfill {pid}'s verify",
               timeout=120, step=0.2)
    if "verify: FAIL" in m.output:
        raise AssertionError("memfill: checksums differ")


def stop_memfill(m, pid):
    verify_memfill(m, pid)
    out = m.run(f"kill {pid}; wait {pid}; echo memfill-status=$?",
                timeout=120)
    if "memfill-status=0" not in out:
        raise AssertionError(f"memfill {pid}: {out!r}")


def migrated_pages(m):
    """pgmigrate_success from /proc/vmstat: pages migration moved."""
    found = re.search(r"^pgmigrate_success (\d+)$",
                      sh(m, "grep '^pgmigrate_success ' /proc/vmstat"), re.M)
    if not found:
        raise AssertionError("no pgmigrate_success in /proc/vmstat")
    return int(found.group(1))


def available_mib(m):
    out = sh(m, "grep MemAvailable /proc/meminfo")
    return int(re.search(r"(\d+) kB", out).group(1)) // 1024


# ---- the scenarios ----

def over_region(m, vname, size):
    """A request beyond the region: QEMU refuses it, nothing changes."""
    total = memtotal(m)
    try:
        request(m, REGION + BLOCK)
    except qmp_mod.QMPError:
        pass
    else:
        raise AssertionError("qom-set requested-size beyond the region "
                             "was accepted")
    got = int(m.qmp.command("qom-get", path="vm0",
                            property="requested-size"))
    if got != size:
        raise AssertionError(f"requested-size {got} after a refused set")
    time.sleep(0.5)
    if plugged(m) != size or memtotal(m) != total:
        raise AssertionError("the guest changed after a refused request")
    expect_status(m, vname, requested_size=size, plugged_size=size)


STOPPED = re.compile(r"virtio_mem (virtio\d+): stopped at (\d+) bytes, "
                     r"requested (\d+): (.*)")


def grow_shrink(m):
    """-M pc: grow 0 -> 4 GiB, over the region, shrink 4 -> 1 GiB with
    data in the device's memory, shrink to 0 short of memory."""
    vname = virtio_name(m)
    total0, _ = meminfo(m)
    blocks0 = nblocks(m)
    expect_status(m, vname, plugged_size=0, requested_size=0, blocks=0,
                  region_size=REGION, addr=hex(BASE), node=0)
    # Boot memory held by a first memfill before the grow (the kernels
    # serve user memory from the highest zone first: the device's), so
    # that the second one lives in the device's memory; then the device
    # shrinks under it.
    boot_fill = start_memfill(m, max(available_mib(m) - 96, 64))
    t0 = time.monotonic()
    grow(m, total0, REGION)
    print(f"virtio-mem pc: grow 0 -> 4 GiB {time.monotonic() - t0:.1f} s",
          flush=True)
    if nblocks(m) != blocks0 + REGION // BLOCK:
        raise AssertionError(f"{nblocks(m) - blocks0} blocks added, not "
                             f"{REGION // BLOCK}")
    over_region(m, vname, REGION)

    data = start_memfill(m, 640)
    moved = migrated_pages(m)
    t0 = time.monotonic()
    request(m, GIB)
    wait_plugged(m, GIB, timeout=120)
    wait_memtotal(m, total0 + GIB // BLOCK * block_online_kib(m),
                  "with 1 GiB plugged")
    took = time.monotonic() - t0
    moved = (migrated_pages(m) - moved) * PAGE // MIB
    print(f"virtio-mem pc: shrink 4 -> 1 GiB with 640 MiB in use "
          f"{took:.1f} s, {moved} MiB migrated", flush=True)
    # The blocks that leave are isolated together: the data moves once,
    # into the blocks that stay, not from one leaving block to the next
    # (the page tables and kernel pages that move with it are a few MiB).
    if not is_linux(m) and moved > 640 + 64:
        raise AssertionError(f"{moved} MiB migrated for 640 MiB in use: "
                             "data moved more than once")
    expect_status(m, vname, plugged_size=GIB, requested_size=GIB,
                  blocks=GIB // BLOCK)
    verify_memfill(m, data)
    verify_memfill(m, boot_fill)
    check_iomem(m, BASE, GIB, vname)
    if nblocks(m) != blocks0 + GIB // BLOCK:
        raise AssertionError(f"{nblocks(m) - blocks0} blocks left, not "
                             f"{GIB // BLOCK}")

    # 0 cannot be reached while memfill holds 640 MiB of what is left.
    mark = len(m.output)
    request(m, 0)
    if is_linux(m):
        time.sleep(10)
    else:
        wait_until(lambda: STOPPED.search(m.output[mark:]),
                   "a \"stopped at\" console line", timeout=90)
        found = STOPPED.search(m.output[mark:])
        at = int(found.group(2))
        if found.group(1) != vname or int(found.group(3)) != 0:
            raise AssertionError(f"stopped line: {found.group(0)!r}")
        if at != plugged(m) or not 640 * MIB <= at <= GIB:
            raise AssertionError(f"stopped at {at}, QEMU has "
                                 f"{plugged(m)} plugged")
        print(f"virtio-mem pc: {found.group(0)}", flush=True)
    stuck = plugged(m)
    if stuck < 512 * MIB:
        raise AssertionError(f"plugged {stuck >> 20} MiB with 640 MiB of "
                             "user data that cannot fit elsewhere")
    verify_memfill(m, data)
    verify_memfill(m, boot_fill)
    sh(m, "echo still here")
    # Free the data: the shrink finishes (the driver retries, or a new
    # request does).
    stop_memfill(m, data)
    stop_memfill(m, boot_fill)
    if is_linux(m):
        # Linux onlines the device's blocks to ZONE_NORMAL, where kernel
        # allocations now pin parts of them: it need not reach 0.
        request(m, 0)
        time.sleep(20)
        print(f"virtio-mem pc: Linux at {plugged(m) >> 20} MiB 20 s after "
              f"the data went (was {stuck >> 20} MiB)", flush=True)
        return
    try:
        wait_plugged(m, 0, timeout=30)
    except AssertionError:
        request(m, 0)
        wait_plugged(m, 0, timeout=60)
    wait_memtotal(m, total0, "with nothing plugged")
    if nblocks(m) != blocks0:
        raise AssertionError(f"{nblocks(m) - blocks0} blocks left at 0")
    check_iomem(m, BASE, 0, vname)


# fake_config writes that must be refused with a console error line
MALFORMED = (
    "block_size 3",
    "block_size 0",
    f"addr {BASE + PAGE:#x}",
    "region_size 0",
    f"usable_region_size {2 * REGION}",
    f"plugged_size {2 * REGION}",
    f"plugged_size {BLOCK + PAGE}",
)


def faked(m, vname, line, error=False):
    """Write @line into fake_config; return the console lines it gave.
    @error: the line is malformed: wait (up to 30 s: the resize thread
    reads the config when it gets to run) for a console line naming its
    field."""
    mark = len(m.output)
    sh(m, f"echo '{line}' > {DEBUGFS}/{vname}/fake_config")

    def lines():
        return [t for t in m.output[mark:].splitlines()
                if f"virtio_mem {vname}:" in t]
    if error:
        field = line.split()[0]
        try:
            wait_until(lambda: any(field in t for t in lines()),
                       f"a console error naming {field}", timeout=30,
                       step=0.1)
        except AssertionError:
            pass        # the caller reports what came instead
    else:
        time.sleep(0.3)
    return lines()


def q35(m):
    """-M q35: grow 0 -> 4 GiB; faked config values; shrink to 0."""
    vname = virtio_name(m)
    total0, _ = meminfo(m)
    blocks0 = nblocks(m)
    grow(m, total0, REGION)
    if not is_linux(m):
        fake_checks(m, vname, total0)
    request(m, 0)
    wait_plugged(m, 0, timeout=120)
    wait_memtotal(m, total0, "with nothing plugged")
    if nblocks(m) != blocks0:
        raise AssertionError(f"{nblocks(m) - blocks0} blocks left at 0")


def fake_checks(m, vname, total0):
    """A requested_size beyond usable_region_size is clamped; malformed
    values give a console error each and change nothing; after "clear" the
    device follows QEMU's requests again."""
    request(m, GIB)
    wait_plugged(m, GIB, timeout=120)
    # QEMU plugs nothing beyond its own requested-size: ask it for 3 GiB
    # while the guest reads a usable region of 2 GiB.
    mark = len(m.output)
    faked(m, vname, f"usable_region_size {2 * GIB}")
    request(m, 3 * GIB)
    wait_plugged(m, 2 * GIB, timeout=60)
    time.sleep(0.5)
    if plugged(m) != 2 * GIB:
        raise AssertionError(f"plugged {plugged(m) >> 20} MiB beyond the "
                             "faked usable region")
    lines = [t for t in m.output[mark:].splitlines() if "clamp" in t]
    if not lines:
        raise AssertionError("no console note of the clamp")
    expect_status(m, vname, plugged_size=2 * GIB,
                  usable_region_size=2 * GIB)
    sh(m, f"echo clear > {DEBUGFS}/{vname}/fake_config")
    wait_plugged(m, 3 * GIB, timeout=60)
    request(m, GIB)
    wait_plugged(m, GIB, timeout=120)
    for line in MALFORMED:
        got = faked(m, vname, line, error=True)
        if not any(line.split()[0] in t for t in got):
            raise AssertionError(f"fake_config {line!r}: no console error "
                                 f"naming it: {got}")
        sh(m, f"echo clear > {DEBUGFS}/{vname}/fake_config")
        sh(m, "echo still here")
    status_now = status(m, vname)
    if int(status_now["plugged_size"]) != GIB:
        raise AssertionError(f"status after the malformed values: "
                             f"{status_now}")
    wait_memtotal(m, total0 + GIB // BLOCK * block_online_kib(m),
                  "with 1 GiB plugged after the malformed values")
    # Still working: grow and shrink once more.
    request(m, GIB + 2 * BLOCK)
    wait_plugged(m, GIB + 2 * BLOCK)
    request(m, GIB)
    wait_plugged(m, GIB)


NODE_SIZE = 2 * GIB
NODE_PLUG = 512 * MIB


def two_nodes(m):
    """Two devices, node 0 and node 1, 512 MiB each plugged at probe:
    each device's memory blocks are linked from its own node."""
    for dev, node in (("vm0", 0), ("vm1", 1)):
        info = device_info(m, dev)
        wait_plugged(m, NODE_PLUG, dev)
        if info.get("node") != node:
            raise AssertionError(f"{dev}: QEMU says node {info.get('node')}")
        base = info["memaddr"]
        vname = virtio_name(m, dev)
        expect_status(m, vname, node=node, plugged_size=NODE_PLUG,
                      addr=hex(base))
        links = sh(m, f"ls /sys/devices/system/node/node{node}")
        mine = set(re.findall(r"\bmemory(\d+)\b", links))
        other = set(re.findall(r"\bmemory(\d+)\b", sh(
            m, f"ls /sys/devices/system/node/node{1 - node}")))
        want = {str(n) for n in range(base // BLOCK,
                                      (base + NODE_PLUG) // BLOCK)}
        if not want <= mine or want & other:
            raise AssertionError(f"{dev}'s blocks {sorted(want)} not all "
                                 f"under node{node} only")
        check_blocks_online(m, base, NODE_PLUG)
        check_iomem(m, base, NODE_PLUG, vname, NODE_SIZE)
    node1 = sh(m, "grep MemTotal /sys/devices/system/node/node1/meminfo")
    kib = int(re.search(r"(\d+) kB", node1).group(1))
    want = NODE_PLUG // BLOCK * block_online_kib(m)
    if kib != want:
        raise AssertionError(f"node1 MemTotal {kib} kB, not {want}")
    # Both shrink to 0, the second from node 1 only.
    request(m, 0, "vm1")
    wait_plugged(m, 0, "vm1")
    wait_until(lambda: re.search(r"MemTotal:\s+0 kB", sh(
        m, "grep MemTotal /sys/devices/system/node/node1/meminfo")),
        "node1 MemTotal 0", timeout=30)
    if plugged(m, "vm0") != NODE_PLUG:
        raise AssertionError("vm0 changed when vm1 shrank")


CYCLES = 100
CYCLE_SIZE = 2 * BLOCK
# Pages the free counts may differ by between two quiet moments (per-CPU
# lists, slab): far less than the 100 pages a leak of one page per cycle
# would lose.
FREE_SLACK = 64


def cycles(m):
    """CYCLES times 0 -> 256 MiB -> 0; everything back where it was."""
    total0, free0 = meminfo(m)
    boot0 = boot_free_pages(m)
    blocks0 = nblocks(m)
    online = total0 + CYCLE_SIZE // BLOCK * block_online_kib(m)
    t0 = time.monotonic()
    for i in range(CYCLES):
        request(m, CYCLE_SIZE)
        wait_plugged(m, CYCLE_SIZE)
        if i % 10 == 0:
            wait_memtotal(m, online, f"cycle {i}, plugged")
        request(m, 0)
        wait_plugged(m, 0)
        if i % 10 == 9:
            wait_memtotal(m, total0, f"cycle {i}, unplugged")
    elapsed = time.monotonic() - t0
    wait_memtotal(m, total0, "after the cycles")
    sh(m, "sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; true")
    total, free = meminfo(m)
    boot = boot_free_pages(m)
    print(f"virtio-mem cycles: {CYCLES} in {elapsed:.1f} s; MemFree "
          f"{free0} -> {free} kB, boot zones free {boot0} -> {boot} pages",
          flush=True)
    if nblocks(m) != blocks0:
        raise AssertionError(f"{nblocks(m) - blocks0} blocks left")
    if abs(free - free0) * 1024 // PAGE > FREE_SLACK:
        raise AssertionError(f"MemFree {free0} -> {free} kB after "
                             f"{CYCLES} cycles")
    if abs(boot - boot0) > FREE_SLACK:
        raise AssertionError(f"boot zones' free pages {boot0} -> {boot}")


SCENARIOS = [
    Scenario("hotplug:virtio-mem:pc", grow_shrink, cmdline=ONLINE,
             memory=MEMORY, nodes=1, extra_args=vmem_args(), timeout=400.0),
    Scenario("hotplug:virtio-mem:q35", q35, cmdline=ONLINE, memory=MEMORY,
             nodes=1, machine="q35", extra_args=vmem_args(), timeout=300.0),
    Scenario("hotplug:virtio-mem:two-nodes", two_nodes, cmdline=ONLINE,
             memory=MEMORY, nodes=2,
             extra_args=vmem_args(size=NODE_SIZE, requested=NODE_PLUG) +
             vmem_args("vm1", "vmem1", NODE_SIZE, 1, NODE_PLUG)),
    Scenario("hotplug:virtio-mem:cycles", cycles, cmdline=ONLINE,
             memory=MEMORY, nodes=1, extra_args=vmem_args(), timeout=300.0),
]


def linux_main(argv=None):
    """Run the scenarios on Debian's Linux 6.12 (make bench-deps)."""
    import fnmatch
    import linux_ref
    import qemu
    import scenario
    ap = argparse.ArgumentParser(description="virtio-mem scenarios on "
                                 "Linux 6.12")
    ap.add_argument("--linux", action="store_true", required=True)
    ap.add_argument("--build", default="build")
    ap.add_argument("-k", dest="patterns", action="append", default=[])
    args = ap.parse_args(argv)
    ref = os.path.join(args.build, "linux-ref")
    progs = [os.path.join(args.build, "tools", "testing", p)
             for p in ("ubench", "memfill")]
    vmlinuz, initrd = linux_ref.prepare(ref, progs)
    log_dir = os.path.join(args.build, "scenario-logs")
    os.makedirs(log_dir, exist_ok=True)
    failed = 0
    for sc in SCENARIOS:
        if args.patterns and not any(fnmatch.fnmatch(sc.name, f"*{p}*")
                                     for p in args.patterns):
            continue
        log = os.path.join(log_dir, "linux-" + sc.name.replace(":", "_") +
                           ".log")
        m = qemu.Machine(vmlinuz, memory=sc.memory, machine=sc.machine,
                         cmdline="console=ttyS0 loglevel=7 " + sc.cmdline,
                         extra_args=scenario.machine_args(sc),
                         log_path=log, timeout=sc.timeout + 180,
                         prompt=linux_ref.PROMPT, initrd=initrd)
        m.linux = True
        reason = None
        try:
            with m:
                m.expect(linux_ref.READY, timeout=180)
                m.expect(m.prompt, timeout=30)
                sc.fn(m)
        except Exception as e:
            reason = f"{type(e).__name__}: {e}"
        if reason is None:
            for mark in qemu.FAILURE_MARKS:
                if mark in m.output:
                    reason = f"console: {mark}"
        failed += reason is not None
        print(f"{'FAIL' if reason else 'PASS'} linux {sc.name}"
              f"{': ' + reason if reason else ''}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(linux_main())
