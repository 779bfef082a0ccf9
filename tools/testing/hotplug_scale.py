# SPDX-License-Identifier: GPL-2.0
"""Hotplug at scale: far more memory than the machine boots with.

Each 128 MiB block hot-added keeps its 2 MiB memmap in itself
(memory_hotplug.memmap_on_memory, on by default), so that hot-add takes
next to nothing from boot memory: a 512 MiB machine takes one DIMM of
hundreds of GiB, or a couple of hundred DIMMs one after another
(QEMU's limit is 256 slots). The DIMMs' memory backends are
`reserve=off`: the host commits only what the guest writes, which is
the memmap (1/64 of the DIMM) and the little the kernel puts there.

Tide boots with memhp_default_state=online, so the ACPI driver onlines
every block as it adds it. MemTotal must then grow by exactly what
Linux 6.12 counts with memory_hotplug.memmap_on_memory=1: 126 MiB per
128 MiB block, and come back to the boot figure once the DIMMs are
gone. The scenario prints how much boot memory (ZONE_DMA and ZONE_DMA32
of node 0: the DIMMs are above 4 GiB) is free before, with the memory
online, and after.

`make check` runs the small cases (one 64 GiB DIMM; 16 DIMMs of 1 GiB;
the boot memory a 32 GiB DIMM takes while offline);
bench_scale.py runs the full ones (256 GiB; 240 DIMMs) and times them.
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import (BLOCK, MEMDIR, Scenario, blocks, dimm_info,  # noqa: E402
                      read, sh, wait_until)

MIB = 1 << 20
GIB = 1 << 30
PAGE = 4096
# A block's own memmap: present while online, never in MemTotal.
MEMMAP = 2 * MIB
MOVABLE = "/sys/kernel/debug/tide_movable"
# Test pages written before the removal and checked after it: they sit
# in the DIMMs (the only free ZONE_NORMAL memory) and must be moved out.
FILL_PAGES = 4096


def online_bytes(size):
    """What onlining every block of @size bytes adds to MemTotal."""
    return size // BLOCK * (BLOCK - MEMMAP)


def meminfo_kib(m, field):
    out = read(m, "/proc/meminfo")
    found = re.search(rf"^{field}:\s+(\d+) kB$", out, re.M)
    if not found:
        raise AssertionError(f"no {field} in /proc/meminfo")
    return int(found.group(1))


def boot_free_kib(m):
    """Free KiB of node 0's ZONE_DMA and ZONE_DMA32, from /proc/zoneinfo."""
    out = read(m, "/proc/zoneinfo")
    free = 0
    for zone in re.split(r"^Node ", out, flags=re.M)[1:]:
        head = zone.split("\n", 1)[0]
        if not re.match(r"0, zone\s+(DMA|DMA32)$", head):
            continue
        found = re.search(r"pages free\s+(\d+)", zone)
        if found:
            free += int(found.group(1)) * PAGE // 1024
    return free


def plug(m, dimm_id, size):
    """Hot-add a pc-dimm of @size bytes on node 0 backed by a reserve=off
    memory backend; return its address."""
    m.qmp.command("object-add", **{"qom-type": "memory-backend-ram",
                                   "id": f"mem-{dimm_id}", "size": size,
                                   "reserve": False})
    m.qmp.command("device_add", driver="pc-dimm", id=dimm_id,
                  memdev=f"mem-{dimm_id}", node=0)
    return dimm_info(m, dimm_id)["addr"]


def unplug(m, dimm_id, timeout):
    """Eject @dimm_id (the ACPI driver offlines and removes its memory)
    and drop its backend once QEMU has let go of it."""
    m.qmp.command("device_del", id=dimm_id)
    m.qmp.wait_event("DEVICE_DELETED", timeout,
                     match=lambda d: d.get("device") == dimm_id)
    m.qmp.command("object-del", id=f"mem-{dimm_id}")


def wait_total(m, want_kib, what, timeout, step=1.0):
    wait_until(lambda: meminfo_kib(m, "MemTotal") == want_kib,
               f"MemTotal {want_kib} kB {what}", timeout=timeout, step=step)


def report(name, figures):
    line = ", ".join(f"{k} {v}" for k, v in figures.items())
    print(f"{name}: {line}", flush=True)
    sys.stdout.flush()


def one_dimm(size, timeout):
    """One DIMM of @size: hot-added and onlined whole, the guest still
    answers and can use it, then it is ejected: MemTotal exact all along."""
    def fn(m):
        sh(m, f"cd {MEMDIR}")
        total0 = meminfo_kib(m, "MemTotal")
        boot0 = boot_free_kib(m)
        nblocks0 = len(blocks(m))
        t0 = time.monotonic()
        addr = plug(m, "big", size)
        want = total0 + online_bytes(size) // 1024
        wait_total(m, want, "with the DIMM online", timeout)
        t_add = time.monotonic() - t0
        boot1 = boot_free_kib(m)
        if len(blocks(m)) != nblocks0 + size // BLOCK:
            raise AssertionError(f"{len(blocks(m)) - nblocks0} blocks added, "
                                 f"not {size // BLOCK}")
        last = f"memory{(addr + size - BLOCK) // BLOCK}"
        if read(m, f"{last}/state") != "online":
            raise AssertionError(f"{last} is not online")
        # Still answering, and the new memory serves allocations.
        sh(m, f"echo {FILL_PAGES} > {MOVABLE}/fill")
        if read(m, f"{MOVABLE}/verify") != f"{FILL_PAGES} pages, 0 bad":
            raise AssertionError("test pages bad before the removal")

        t0 = time.monotonic()
        unplug(m, "big", timeout)
        wait_total(m, total0, "after device_del", 60)
        t_del = time.monotonic() - t0
        if read(m, f"{MOVABLE}/verify") != f"{FILL_PAGES} pages, 0 bad":
            raise AssertionError("test pages bad after the removal")
        sh(m, f"echo 1 > {MOVABLE}/free")
        if len(blocks(m)) != nblocks0:
            raise AssertionError("blocks left after device_del")
        boot2 = boot_free_kib(m)
        report(f"scale one DIMM {size // GIB} GiB", {
            "MemTotal kB before": total0, "with it": want,
            "boot memory free kB before": boot0, "online": boot1,
            "after": boot2, "add+online s": f"{t_add:.1f}",
            "remove s": f"{t_del:.1f}"})
        # Boot memory the hot-add kept: blocks' devices, sysfs, page tables.
        if boot0 - boot1 > (size // GIB) * 64 + 4096:
            raise AssertionError(f"hot-add took {boot0 - boot1} kB of boot "
                                 f"memory for {size // GIB} GiB")
    return fn


def many_dimms(count, timeout_each):
    """@count DIMMs of 1 GiB added one after another, each onlined, then
    removed one by one: MemTotal exact after each step."""
    def fn(m):
        sh(m, f"cd {MEMDIR}")
        total0 = meminfo_kib(m, "MemTotal")
        boot0 = boot_free_kib(m)
        step = online_bytes(GIB) // 1024
        t0 = time.monotonic()
        for i in range(count):
            plug(m, f"d{i}", GIB)
            wait_total(m, total0 + (i + 1) * step, f"with {i + 1} DIMMs",
                       timeout_each, step=0.1)
        t_add = time.monotonic() - t0
        boot1 = boot_free_kib(m)
        t0 = time.monotonic()
        for i in reversed(range(count)):
            unplug(m, f"d{i}", timeout_each)
            wait_total(m, total0 + i * step, f"with {i} DIMMs left", 30,
                       step=0.1)
        t_del = time.monotonic() - t0
        boot2 = boot_free_kib(m)
        report(f"scale {count} DIMMs of 1 GiB", {
            "MemTotal kB before": total0,
            "boot memory free kB before": boot0, "online": boot1,
            "after": boot2, "add+online s": f"{t_add:.1f}",
            "remove s": f"{t_del:.1f}"})
    return fn


# Boot memory one GiB of hot-added memory may take while it stays offline
# (so that nothing can come from the DIMM itself): its 8 blocks' devices
# and sysfs nodes, their share of the page tables and section roots.
BOOT_KIB_PER_GIB = 64


def boot_cost(size):
    """A DIMM of @size hot-added and left offline: what it takes from boot
    memory (all there is), per GiB; all of it back after device_del."""
    def fn(m):
        sh(m, f"cd {MEMDIR}")
        nblocks0 = len(blocks(m))
        free0 = meminfo_kib(m, "MemFree")
        plug(m, "big", size)
        wait_until(lambda: len(blocks(m)) == nblocks0 + size // BLOCK,
                   "the DIMM's blocks", timeout=120, step=1.0)
        free1 = meminfo_kib(m, "MemFree")
        unplug(m, "big", 120)
        wait_until(lambda: len(blocks(m)) == nblocks0, "the blocks to go",
                   timeout=60, step=1.0)
        free2 = meminfo_kib(m, "MemFree")
        per_gib = (free0 - free1) * GIB // size
        report(f"scale boot memory for {size // GIB} GiB offline", {
            "MemFree kB before": free0, "added": free1, "removed": free2,
            "kB per GiB": per_gib})
        if per_gib > BOOT_KIB_PER_GIB:
            raise AssertionError(f"hot-add took {per_gib} kB of boot memory "
                                 f"per GiB, more than {BOOT_KIB_PER_GIB}")
        # Section roots stay (20 KiB per 32 GiB of address space), as in
        # Linux; everything else comes back.
        if free0 - free2 > 256:
            raise AssertionError(f"{free0 - free2} kB not back after "
                                 "device_del")
    return fn


PARAM = "/sys/module/memory_hotplug/parameters/memmap_on_memory"


def memmap_off(m):
    """memory_hotplug.memmap_on_memory=0 at boot: the parameter reads N and
    a DIMM's blocks count whole in MemTotal (their memmap comes from boot
    memory, as in Linux's default)."""
    size = 2 * BLOCK
    if read(m, PARAM) != "N":
        raise AssertionError(f"{PARAM} reads {read(m, PARAM)!r}, not N")
    total0 = meminfo_kib(m, "MemTotal")
    free0 = meminfo_kib(m, "MemFree")
    plug(m, "d0", size)
    wait_total(m, total0 + size // 1024, "with the DIMM online", 60, 0.2)
    # 4 MiB of memmap came out of memory that was online before
    free1 = meminfo_kib(m, "MemFree")
    if free1 > free0 + (size - 4 * MIB) // 1024:
        raise AssertionError(f"MemFree grew by {free1 - free0} kB: the "
                             "memmap did not come from boot memory")
    unplug(m, "d0", 60)
    wait_total(m, total0, "after device_del", 30, 0.2)


def memmap_on(m):
    """By default the parameter reads Y and a block adds 126 MiB."""
    if read(m, PARAM) != "Y":
        raise AssertionError(f"{PARAM} reads {read(m, PARAM)!r}, not Y")
    total0 = meminfo_kib(m, "MemTotal")
    plug(m, "d0", BLOCK)
    wait_total(m, total0 + online_bytes(BLOCK) // 1024, "with the DIMM "
               "online", 60, 0.2)
    unplug(m, "d0", 60)
    wait_total(m, total0, "after device_del", 30, 0.2)


def machine(total_gib, slots):
    """-m for a 512 MiB machine with room for @total_gib GiB of DIMMs."""
    return f"512M,slots={slots},maxmem={total_gib + 8}G"


ONLINE = "memhp_default_state=online"

SCENARIOS = [
    Scenario("hotplug:scale:memmap-on-memory=0", memmap_off,
             cmdline=ONLINE + " memory_hotplug.memmap_on_memory=0"),
    Scenario("hotplug:scale:memmap-on-memory-default", memmap_on,
             cmdline=ONLINE),
    Scenario("hotplug:scale:boot-memory-32G", boot_cost(32 * GIB),
             memory=machine(32, 2), timeout=300.0),
    Scenario("hotplug:scale:one-dimm-64G", one_dimm(64 * GIB, 300),
             cmdline=ONLINE, memory=machine(64, 2), timeout=400.0),
    Scenario("hotplug:scale:16-dimms", many_dimms(16, 60),
             cmdline=ONLINE, memory=machine(16, 16), timeout=400.0),
]

# The full cases, too slow under TCG for `make check`: bench_scale.py
# runs them.
FULL = [
    Scenario("hotplug:scale:one-dimm-256G", one_dimm(256 * GIB, 1800),
             cmdline=ONLINE, memory=machine(256, 2), timeout=3600.0),
    Scenario("hotplug:scale:240-dimms", many_dimms(240, 120),
             cmdline=ONLINE, memory=machine(240, 240), timeout=3600.0),
]
