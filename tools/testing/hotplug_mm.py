# SPDX-License-Identifier: GPL-2.0
"""Hotplug scenarios seen from mm's side: memory blocks in sysfs, online
and offline through busybox sh on the console, the zones blocks land in, and
offlining that must migrate data without changing it.

The interfaces are Linux 6.12's (Documentation/admin-guide/mm/
memory-hotplug.rst there, and its selftest mem-on-off-test.sh): writing
online, online_kernel, online_movable or offline to memoryN/state, 1 or 0
to memoryN/online, a default state to auto_online_blocks or to
memhp_default_state= at boot. Data comes from the movable test driver
(/sys/kernel/debug/tide_movable, mm/movable_test.c).

Every scenario plugs DIMMs on node 0, the node with the CPUs and boot
RAM, so that migration has somewhere to go, and ends by taking them out
again and checking that the memory counts are back where they started.

The shell runs in /sys/devices/system/memory and the scenarios name
files relative to it: under TCG every character typed at the console
costs a few milliseconds once a line is longer than the UART's FIFO, so
`cat memory32/state` is four times faster than its absolute spelling.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import (BLOCK, MEMDIR, Scenario, add_dimm, block_of,  # noqa: E402
                      blocks, del_dimm, dimm_info, read, sh, sh_status,
                      wait_until)

MIB = 1 << 20
PAGE = 4096
# What onlining one 128 MiB block adds to MemTotal: its first 2 MiB hold
# its own memmap (memory_hotplug.memmap_on_memory, on by default in Tide),
# present but never managed, as Linux 6.12 counts them with
# memory_hotplug.memmap_on_memory=1.
MEMMAP = 2 * MIB
ONLINE = BLOCK - MEMMAP


def online_bytes(size):
    """What onlining every block of @size bytes adds to MemTotal."""
    return size // BLOCK * ONLINE
MOVABLE = "/sys/kernel/debug/tide_movable"

# What busybox sh's echo prints for a write that fails (its status is 1).
EINVAL = "sh: write error: Invalid argument"
EBUSY = "sh: write error: Device or resource busy"
EEXIST = "sh: write error: File exists"


# ---- helpers ----

def mem(m):
    """(total, free) bytes as `free -b` shows them: totalram and the free
    page count. (No `echo $?` after it: its Mem: row is proof enough.)"""
    out = m.run("free -b")
    row = re.search(r"^Mem:\s+(\d+)\s+(\d+)\s+(\d+)", out, re.M)
    if not row:
        raise AssertionError(f"no Mem: row in `free -b`: {out!r}")
    return int(row.group(1)), int(row.group(3))


def total_mib(m):
    """The total column of `free -m`, as the seed's reader sees it."""
    out = sh(m, "free -m")
    return int(re.search(r"^Mem:\s+(\d+)", out, re.M).group(1))


def dimm_blocks(addr, size):
    """The memoryN names of [@addr, @addr + @size)."""
    return [block_of(a) for a in range(addr, addr + size, BLOCK)]


def in_memdir(fn):
    """@fn, run with the shell's current directory MEMDIR."""
    def wrapped(m):
        sh(m, f"cd {MEMDIR}")
        fn(m)
    wrapped.__name__ = fn.__name__
    return wrapped


def state(m, blk):
    return read(m, f"{blk}/state")


def zones(m, blk):
    return read(m, f"{blk}/valid_zones")


def set_state(m, blk, what):
    """echo @what > memoryN/state, which must succeed."""
    sh(m, f"echo {what} > {blk}/state")


def wait_offline_block(m, blk, timeout=30.0):
    """Wait until memoryN exists and reads offline (a shorter command than
    add_dimm's wait on `ls`, which matters in the cycles)."""
    wait_until(lambda: m.run(f"cat {blk}/state") == "offline\n",
               f"{blk} to appear offline", timeout=timeout, step=0.02)


def gone(m, blk):
    """Whether memoryN no longer exists."""
    out = m.run(f"cat {blk}/state")
    if "No such file or directory" in out:
        return True
    if out.strip() not in ("online", "offline"):
        raise AssertionError(f"cat {blk}/state: {out.strip()!r}")
    return False


def write_fails(m, line, message):
    """@line (an echo into a file) must fail, printing @message."""
    status, out = sh_status(m, line)
    if status != 1 or message not in out:
        raise AssertionError(f"`{line}`: expected status 1 and "
                             f"{message!r}, got {status}: {out.strip()!r}")


def holed_blocks(m):
    """(memoryN, start, end) of each block that /proc/iomem's System RAM
    touches but does not wholly cover: firmware keeps part of it."""
    ram = [(int(a, 16), int(b, 16) + 1) for a, b in
           re.findall(r"^([0-9a-f]+)-([0-9a-f]+) : System RAM$",
                      sh(m, "cat /proc/iomem"), re.M)]
    starts = sorted({s for a, b in ram
                     for s in range(a // BLOCK * BLOCK, b, BLOCK)})
    holed = []
    for start in starts:
        end = start + BLOCK
        if sum(max(0, min(end, b) - max(start, a)) for a, b in ram) != BLOCK:
            holed.append((block_of(start), start, end))
    return holed


def expect_eq(what, got, want):
    if got != want:
        raise AssertionError(f"{what}: got {got!r}, expected {want!r}")


def unplug(m, dimm_id, addr, size, total0, thorough=True):
    """Take out a DIMM whose blocks are all offline: the DIMM and its
    memoryN directories go, and MemTotal is @total0 again. @thorough also
    lists the memory and node directories (slow) for what is left.
    Return (total, free) after it, as mem() does."""
    del_dimm(m, dimm_id)
    expect_eq(f"{dimm_id} in query-memory-devices", dimm_info(m, dimm_id),
              None)
    for blk in dimm_blocks(addr, size):
        if not gone(m, blk):
            raise AssertionError(f"{blk} left after device_del")
    if thorough:
        left = set(dimm_blocks(addr, size)) & set(blocks(m))
        if left:
            raise AssertionError(f"blocks listed after device_del: "
                                 f"{sorted(left)}")
        node0 = sh(m, "ls ../node/node0")
        for blk in dimm_blocks(addr, size):
            if re.search(rf"\b{blk}\b", node0):
                raise AssertionError(f"node0/{blk} left after device_del")
    total, free = mem(m)
    expect_eq("MemTotal after device_del", total, total0)
    return total, free


# ---- seed 004: hot-add, online by hand, offline, hot-remove ----

def manual_online(m):
    """Linux's default (memhp_default_state=offline): a hot-added DIMM's
    blocks appear offline and `free` does not change; onlining each block
    by hand adds it, offlining takes it away, device_del removes the DIMM."""
    size = 256 * MIB
    expect_eq("auto_online_blocks", read(m, "auto_online_blocks"),
              "offline")
    total0, _ = mem(m)
    mib0 = total_mib(m)
    before = blocks(m)

    addr = add_dimm(m, "dimm0", size)
    new = [b for b in blocks(m) if b not in before]
    expect_eq("new memory blocks", new, dimm_blocks(addr, size))
    for blk in new:
        expect_eq(f"{blk}/state after hot-add", state(m, blk), "offline")
        expect_eq(f"{blk}/online after hot-add",
                  read(m, f"{blk}/online"), "0")
    expect_eq("free -m total after hot-add", total_mib(m), mib0)

    for i, blk in enumerate(new):
        t, f = mem(m)
        set_state(m, blk, "online")
        expect_eq(f"{blk}/state", state(m, blk), "online")
        t2, f2 = mem(m)
        expect_eq(f"MemTotal after onlining {blk}", t2, t + ONLINE)
        if f2 < f + ONLINE - 4 * MIB:
            raise AssertionError(f"onlining {blk} freed {(f2 - f) >> 10} "
                                 f"KiB, not about {ONLINE >> 10}")
    expect_eq("free -m total with the DIMM online", total_mib(m),
              mib0 + online_bytes(size) // MIB)

    for blk in new:
        set_state(m, blk, "offline")
        expect_eq(f"{blk}/state", state(m, blk), "offline")
    expect_eq("free -m total offline again", total_mib(m), mib0)

    unplug(m, "dimm0", addr, size, total0)
    expect_eq("free -m total after device_del", total_mib(m), mib0)


# ---- memhp_default_state= ----

# state written at boot -> (memoryN/state, zone an online block is in)
DEFAULT_STATES = {
    "offline": ("offline", None),
    "online": ("online", "Normal"),
    "online_kernel": ("online", "Normal"),
    "online_movable": ("online", "Movable"),
}


def default_state(policy):
    want_state, want_zone = DEFAULT_STATES[policy]

    def fn(m):
        size = 256 * MIB
        expect_eq("auto_online_blocks",
                  read(m, "auto_online_blocks"), policy)
        total0, _ = mem(m)
        addr = add_dimm(m, "dimm0", size)
        new = dimm_blocks(addr, size)
        for blk in new:
            wait_until(lambda: state(m, blk) == want_state,
                       f"{blk}/state to read {want_state}", timeout=10)
            if want_zone:
                expect_eq(f"{blk}/valid_zones", zones(m, blk), want_zone)
            else:
                # Offline above 4 GiB: the kernel zone first, then Movable.
                expect_eq(f"{blk}/valid_zones", zones(m, blk),
                          "Normal Movable")
        grown = online_bytes(size) if want_state == "online" else 0
        expect_eq("MemTotal after hot-add", mem(m)[0], total0 + grown)
        if want_state == "online":
            for blk in new:
                set_state(m, blk, "offline")
        unplug(m, "dimm0", addr, size, total0)
    return fn


# ---- auto_online_blocks at run time ----

def auto_online_blocks(m):
    """The default set through sysfs, not at boot, applies to the next
    DIMM; a word it does not know is refused and changes nothing."""
    path = "auto_online_blocks"
    size = 256 * MIB
    total0, _ = mem(m)
    write_fails(m, f"echo sideways > {path}", EINVAL)
    expect_eq("auto_online_blocks after a bad write", read(m, path),
              "offline")
    sh(m, f"echo online_movable > {path}")
    expect_eq("auto_online_blocks", read(m, path), "online_movable")

    addr = add_dimm(m, "dimm0", size)
    for blk in dimm_blocks(addr, size):
        wait_until(lambda: state(m, blk) == "online",
                   f"{blk} to come up online", timeout=10)
        expect_eq(f"{blk}/valid_zones", zones(m, blk), "Movable")
    expect_eq("MemTotal", mem(m)[0], total0 + online_bytes(size))

    sh(m, f"echo offline > {path}")
    expect_eq("auto_online_blocks", read(m, path), "offline")
    addr2 = add_dimm(m, "dimm1", BLOCK)
    expect_eq(f"{block_of(addr2)}/state", state(m, block_of(addr2)),
              "offline")
    for blk in dimm_blocks(addr, size):
        set_state(m, blk, "offline")
    unplug(m, "dimm0", addr, size, total0)
    unplug(m, "dimm1", addr2, BLOCK, total0)


# ---- invalid writes ----

def invalid_writes(m):
    """Writes Linux refuses are refused with its errno, and change nothing;
    offlining a boot block with a hole is refused with EINVAL."""
    total0, _ = mem(m)
    addr = add_dimm(m, "dimm0", BLOCK)
    blk = block_of(addr)
    st = f"{blk}/state"
    on = f"{blk}/online"

    # offline block
    for word in ("banana", "Online", "online_movable_", "1", ""):
        write_fails(m, f"echo '{word}' > {st}", EINVAL)
        expect_eq(f"{blk}/state after writing {word!r}", state(m, blk),
                  "offline")
    write_fails(m, f"echo offline > {st}", EINVAL)     # already offline
    for word in ("2", "banana", "-1"):
        write_fails(m, f"echo {word} > {on}", EINVAL)
    sh(m, f"echo 0 > {on}")                             # a no-op, not an error
    expect_eq(f"{blk}/state", state(m, blk), "offline")
    expect_eq("MemTotal with the block offline", mem(m)[0], total0)

    # online block: sysfs_streq() takes the word with or without "\n"
    sh(m, f"echo -n online_movable > {st}")
    expect_eq(f"{blk}/state", state(m, blk), "online")
    for word in ("online", "online_kernel", "online_movable"):
        write_fails(m, f"echo {word} > {st}", EINVAL)   # already online
    expect_eq(f"{blk}/valid_zones", zones(m, blk), "Movable")
    sh(m, f"echo 1 > {on}")                             # a no-op
    write_fails(m, f"echo offlin > {st}", EINVAL)
    expect_eq(f"{blk}/state", state(m, blk), "online")
    expect_eq("MemTotal with the block online", mem(m)[0], total0 + ONLINE)

    # the online file does the same as state
    sh(m, f"echo 0 > {on}")
    expect_eq(f"{blk}/state after online=0", state(m, blk), "offline")
    sh(m, f"echo 1 > {on}")
    expect_eq(f"{blk}/state after online=1", state(m, blk), "online")
    sh(m, f"echo n > {on}")
    expect_eq(f"{blk}/state after online=n", state(m, blk), "offline")

    # boot memory is online already
    write_fails(m, "echo online > memory1/state", EINVAL)

    # A block with a hole (firmware keeps part of it: memory0's legacy
    # area, the ACPI tables at the end of RAM in memory3) is refused
    # before anything else with EINVAL, and Linux's reason on the console.
    holed = holed_blocks(m)
    if not holed:
        raise AssertionError("no boot block with a hole in /proc/iomem")
    for hblk, start, end in holed:
        mark = len(m.output)
        write_fails(m, f"echo offline > {hblk}/state", EINVAL)
        expect_eq(f"{hblk}/state after a refused offline", state(m, hblk),
                  "online")
        want = "failed due to memory holes"
        if start:
            want = f"[mem {start:#010x}-{end - 1:#010x}] " + want
        wait_until(lambda: want in m.output[mark:],
                   f"{want!r} on the console", timeout=10)
    unplug(m, "dimm0", addr, BLOCK, total0)


# ---- the probe file (CONFIG_ARCH_MEMORY_PROBE) ----

# hotplug:mm:probe's machine: one node, no ACPI, and a 128 MiB DIMM at
# 4 GiB that nothing adds at boot; the block probed is its memory.
PROBE_RAM = 4 << 30
PROBE_DIMM = ("-object", f"memory-backend-ram,id=m0,size={BLOCK}",
              "-device", f"pc-dimm,id=p0,memdev=m0,addr={PROBE_RAM:#x}")


def probe(m):
    """Linux's probe ABI: a block-aligned physical address adds one
    offline block; anything else is refused. Linux has no way to remove a
    probed block: it stays, offline, until poweroff. (hotplug_probe.py
    checks the node of a block inside the SRAT's ranges.)

    The block probed has RAM behind it, as it must on Linux: once
    online, user processes' pages go there (they are movable), and a
    block without RAM would lose their data. The RAM is a DIMM given on
    QEMU's command line to a boot with acpi=off, so that no driver adds
    it: only the probe file tells Tide it is there."""
    path = "probe"
    total0, _ = mem(m)
    addr = PROBE_RAM
    blk = block_of(addr)
    write_fails(m, f"echo banana > {path}", EINVAL)
    write_fails(m, f"echo {addr + PAGE:#x} > {path}", EINVAL)
    expect_eq("blocks after refused probes", blk in blocks(m), False)

    sh(m, f"echo {addr:#x} > {path}")
    expect_eq(f"{blk} after probe", blk in blocks(m), True)
    expect_eq(f"{blk}/state", state(m, blk), "offline")
    expect_eq(f"{blk}/phys_index", read(m, f"{blk}/phys_index"),
              f"{addr // BLOCK:08x}")
    expect_eq(f"{blk}/removable", read(m, f"{blk}/removable"), "1")
    expect_eq(f"{blk}/valid_zones", zones(m, blk), "Normal Movable")
    if not re.search(rf"\b{blk}\b", sh(m, "ls ../node/node0")):
        raise AssertionError(f"no node0/{blk} link")
    expect_eq("MemTotal after probe", mem(m)[0], total0)
    write_fails(m, f"echo {addr:#x} > {path}", EEXIST)

    # A probed block onlines and offlines like any other.
    set_state(m, blk, "online_movable")
    expect_eq(f"{blk}/valid_zones", zones(m, blk), "Movable")
    expect_eq("MemTotal with the block online", mem(m)[0], total0 + ONLINE)
    set_state(m, blk, "offline")
    expect_eq(f"{blk}/state", state(m, blk), "offline")
    expect_eq("MemTotal offline again", mem(m)[0], total0)


# ---- offline with data in the way ----

def fill_pages(size):
    return size // 2 // PAGE


def filled_dimm(m, size):
    """Plug a DIMM of @size, online its blocks movable and fill half of it
    with test pages. Return (MemTotal before, address, blocks, pages)."""
    nr = fill_pages(size)
    total0, _ = mem(m)
    addr = add_dimm(m, "dimm0", size)
    new = dimm_blocks(addr, size)
    for blk in new:
        set_state(m, blk, "online_movable")
    sh(m, f"echo {nr} > {MOVABLE}/fill")
    return total0, addr, new, nr


def offline_migrates(m):
    """Half of an online_movable DIMM filled with checksummed pages: every
    block still offlines, and every page reads back intact."""
    size = 256 * MIB
    total0, addr, new, nr = filled_dimm(m, size)
    expect_eq("pages filled", read(m, f"{MOVABLE}/fill"), str(nr))

    # The first block's pages may move into the second, then out again.
    sh(m, "echo 0 > /sys/kernel/debug/stop_machine/longest_ns")
    for blk in new:
        set_state(m, blk, "offline")
        expect_eq(f"{blk}/state", state(m, blk), "offline")
    # The pages moved under stop_machine(), which kept its record.
    stop_ns = int(read(m, "/sys/kernel/debug/stop_machine/longest_ns"))
    assert 0 < stop_ns < 10**9, f"longest stop {stop_ns} ns"
    expect_eq("verify after offline", read(m, f"{MOVABLE}/verify"),
              f"{nr} pages, 0 bad")
    expect_eq("MemTotal with the DIMM offline", mem(m)[0], total0)
    sh(m, f"echo 1 > {MOVABLE}/free")
    unplug(m, "dimm0", addr, size, total0)


def offline_refused(m):
    """When the pages cannot be moved (the driver refuses), offlining a
    block holding them fails with EBUSY and the block stays online with
    its data; once the driver lets go, the same offline succeeds."""
    size = 256 * MIB
    total0, addr, new, nr = filled_dimm(m, size)
    sh(m, f"echo 1 > {MOVABLE}/refuse")

    busy = []
    for blk in new:
        status, out = sh_status(m, f"echo offline > {blk}/state")
        if status == 0:
            continue            # none of the pages were in this block
        if status != 1 or EBUSY not in out:
            raise AssertionError(f"offline {blk}: expected EBUSY, got "
                                 f"{status}: {out.strip()!r}")
        busy.append(blk)
        expect_eq(f"{blk}/state after a refused offline", state(m, blk),
                  "online")
        expect_eq(f"{blk}/valid_zones", zones(m, blk), "Movable")
    if not busy:
        raise AssertionError("no block held a test page: the fill did not "
                             "land in the DIMM's ZONE_MOVABLE")
    expect_eq("verify after refused offlines", read(m, f"{MOVABLE}/verify"),
              f"{nr} pages, 0 bad")
    expect_eq("MemTotal", mem(m)[0],
              total0 + ONLINE * len(busy))

    sh(m, f"echo 0 > {MOVABLE}/refuse")
    for blk in busy:
        set_state(m, blk, "offline")
    expect_eq("verify after offline", read(m, f"{MOVABLE}/verify"),
              f"{nr} pages, 0 bad")
    sh(m, f"echo 1 > {MOVABLE}/free")
    unplug(m, "dimm0", addr, size, total0)


# ---- many cycles ----

CYCLES = 100
# Pages the free count may differ by between two quiet moments (per-CPU
# lists, slab caches): far less than the 2 MiB memmap of one block, or the
# 100 pages a leak of one page per cycle would lose.
FREE_SLACK = 64 * PAGE


def cycles(m):
    """CYCLES times: add a 128 MiB DIMM, online it (alternately to Normal
    and Movable), offline it, remove it; MemTotal and the free page count
    are back at the baseline after each cycle."""
    total0, free0 = mem(m)
    for i in range(CYCLES):
        how = "online_movable" if i % 2 else "online"
        addr = add_dimm(m, "dimm0", BLOCK, wait=False)
        blk = block_of(addr)
        wait_offline_block(m, blk)
        set_state(m, blk, how)
        expect_eq(f"cycle {i}: MemTotal online", mem(m)[0],
                  total0 + ONLINE)
        set_state(m, blk, "offline")
        _, free = unplug(m, "dimm0", addr, BLOCK, total0,
                         thorough=i == CYCLES - 1)
        if abs(free - free0) > FREE_SLACK:
            raise AssertionError(f"cycle {i}: {(free - free0) // PAGE:+d} "
                                 f"free pages against the baseline")


SCENARIOS = [
    Scenario("hotplug:mm:manual-online", in_memdir(manual_online), quick=True),
    Scenario("hotplug:mm:probe", in_memdir(probe), quick=True,
             cmdline="acpi=off", nodes=1, extra_args=PROBE_DIMM),
    *(Scenario(f"hotplug:mm:default-state={policy}",
               in_memdir(default_state(policy)),
               cmdline=f"memhp_default_state={policy}")
      for policy in DEFAULT_STATES),
    Scenario("hotplug:mm:auto-online-blocks", in_memdir(auto_online_blocks)),
    Scenario("hotplug:mm:invalid-writes", in_memdir(invalid_writes)),
    Scenario("hotplug:mm:offline-migrates", in_memdir(offline_migrates)),
    Scenario("hotplug:mm:offline-refused", in_memdir(offline_refused)),
    Scenario("hotplug:mm:cycles", in_memdir(cycles), timeout=420.0),
]

# Scenarios written for a feature not on main yet go here, outside
# SCENARIOS, until it lands (none today).
PENDING = []
