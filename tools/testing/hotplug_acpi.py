# SPDX-License-Identifier: GPL-2.0
"""Hotplug scenarios for the ACPI memory device driver (PNP0C80).

QEMU's pc-dimm slots are \\_SB.MHPC.MPxx. device_add raises a GPE whose
method sends Notify(MPxx, 1); drivers/acpi/acpi_memhotplug.c adds the
DIMM's memory and answers _OST(1, 0). device_del sends Notify(MPxx, 3);
the driver offlines and removes the memory, evaluates _EJ0 (QEMU drops the
DIMM, DEVICE_DELETED) and answers _OST(3, 0), or, when the memory cannot
be offlined, _OST(3, 0x82) and QEMU keeps the DIMM.
"""

import re

from scenario import (BLOCK, MEMDIR, Scenario, add_dimm, block_of, blocks,
                      del_dimm, dimm_info, ospm_status, read, sh, sh_status,
                      wait_until)

MIB = 1 << 20
GIB = 1 << 30
# Each 128 MiB block keeps its own memmap (memory_hotplug.memmap_on_memory,
# on by default): present, but not in MemTotal, as Linux counts it.
MEMMAP = 2 * MIB
DEBUGFS = "/sys/kernel/debug/acpi_memhotplug"
NODEDIR = "/sys/devices/system/node"

# _OST source events and status codes (ACPI 6.5, 6.3.5).
OST_DEVICE_CHECK = 1
OST_EJECT_REQUEST = 3
OST_SUCCESS = 0
OST_FAILURE = 1
OST_DEVICE_BUSY = 0x82


def dimm_blocks(addr, size):
    return [block_of(a) for a in range(addr, addr + size, BLOCK)]


def node_blocks(m, nid):
    """memoryN names linked under nodeN."""
    out = sh(m, f"ls {NODEDIR}/node{nid}")
    return set(f"memory{n}" for n in re.findall(r"memory(\d+)", out))


def mem_total_kib(m):
    """The `total` column of `free -k`'s Mem: line."""
    for line in sh(m, "free -k").splitlines():
        if line.startswith("Mem:"):
            return int(line.split()[1])
    raise AssertionError("no Mem: line in `free -k`")


def slot_name(m, dimm_id):
    """MPxx, the ACPI device of @dimm_id's slot."""
    return f"MP{dimm_info(m, dimm_id)['slot']:02X}"


def ost_of(m, dimm_id=None, slot=None):
    """(source, status) of the last _OST of @dimm_id's (or @slot's) slot."""
    for st in ospm_status(m):
        if (dimm_id and st.get("device") == dimm_id) or \
           (slot is not None and st.get("slot") == str(slot)):
            return st["source"], st["status"]
    raise AssertionError(f"no ospm status for {dimm_id or slot}: "
                         f"{ospm_status(m)}")


def wait_ost(m, source, status, dimm_id=None, slot=None, timeout=30.0):
    """Wait for an ACPI_DEVICE_OST event with @source and @status for
    @dimm_id (or @slot); also check query-acpi-ospm-status agrees."""
    def match(d):
        info = d.get("info", {})
        return (info.get("source") == source and
                info.get("status") == status and
                ((dimm_id and info.get("device") == dimm_id) or
                 (slot is not None and info.get("slot") == str(slot))))
    m.qmp.wait_event("ACPI_DEVICE_OST", timeout, match=match)


def settle(m, text):
    """Wait until the console has shown @text, then run an empty command:
    kernel messages printed while the shell is at its prompt would
    otherwise end up in the output of the next command."""
    wait_until(lambda: text in m.output, f"`{text}` on the console")
    m.run("")


def dmesg_count(m, text):
    return sh(m, "dmesg").count(text)


def check_dimm_added(m, dimm_id, addr, size, node):
    want = dimm_blocks(addr, size)
    have = blocks(m)
    missing = [b for b in want if b not in have]
    assert not missing, f"{dimm_id}: blocks {missing} missing"
    on_node = node_blocks(m, node)
    off_node = [b for b in want if b not in on_node]
    assert not off_node, f"{dimm_id}: {off_node} not under node{node}"
    for b in (want[0], want[-1]):
        assert read(m, f"{MEMDIR}/{b}/removable") in ("0", "1")
    line = (f"added [mem {addr:#x}-{addr + size - 1:#x}] node {node}")
    assert dmesg_count(m, line) == 1, f"want one `{line}` in dmesg"


# ---- hot-add ----

def make_add(size, node):
    def fn(m):
        base = len(blocks(m))
        m.qmp.events.clear()
        addr = add_dimm(m, "d1", size, node=node)
        wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d1")
        settle(m, f"added [mem {addr:#x}-")
        assert ost_of(m, "d1") == (OST_DEVICE_CHECK, OST_SUCCESS)
        check_dimm_added(m, "d1", addr, size, node)
        assert len(blocks(m)) == base + size // BLOCK
        assert f"[mem {addr:#x}-{addr + size - 1:#x}] node {node}" in \
            read(m, f"{DEBUGFS}/devices")
    return fn


# ---- hot-remove of offline memory ----

def remove_offline(m):
    base_blocks = blocks(m)
    base_total = mem_total_kib(m)
    addr = add_dimm(m, "d1", GIB, node=1)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d1")
    addr2 = add_dimm(m, "d2", 128 * MIB, node=0)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d2")
    settle(m, f"added [mem {addr2:#x}-")
    slot = dimm_info(m, "d1")["slot"]
    for b in dimm_blocks(addr, GIB):
        assert read(m, f"{MEMDIR}/{b}/state") == "offline", b
    del_dimm(m, "d1")
    wait_ost(m, OST_EJECT_REQUEST, OST_SUCCESS, slot=slot)
    settle(m, f"removed [mem {addr:#x}-")
    assert dimm_info(m, "d1") is None, "d1 still in query-memory-devices"
    have = blocks(m)
    left = [b for b in dimm_blocks(addr, GIB) if b in have]
    assert not left, f"blocks {left} still there"
    assert not node_blocks(m, 1) & set(dimm_blocks(addr, GIB))
    assert dmesg_count(m, f"removed [mem {addr:#x}-{addr + GIB - 1:#x}] "
                       "node 1") == 1
    # The other DIMM is untouched; then it goes too.
    check_dimm_added(m, "d2", addr2, 128 * MIB, 0)
    del_dimm(m, "d2")
    settle(m, f"removed [mem {addr2:#x}-")
    assert blocks(m) == base_blocks
    assert mem_total_kib(m) == base_total
    # The slot is free again: a new DIMM there is added afresh.
    addr3 = add_dimm(m, "d3", GIB, node=1)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d3")
    wait_until(lambda: m.output.count(f"added [mem {addr:#x}-") >= 2,
               "the second add on the console")
    m.run("")
    assert addr3 == addr, f"{addr3:#x} != {addr:#x}"
    assert dmesg_count(m, f"added [mem {addr:#x}-{addr + GIB - 1:#x}] "
                       "node 1") == 2


# ---- cold-plugged DIMMs ----

COLD = ("-object", "memory-backend-ram,id=m0,size=1G",
        "-device", "pc-dimm,id=c0,memdev=m0,node=1",
        "-object", "memory-backend-ram,id=m1,size=128M",
        "-device", "pc-dimm,id=c1,memdev=m1,node=0")


def coldplug(m):
    c0, c1 = dimm_info(m, "c0"), dimm_info(m, "c1")
    check_dimm_added(m, "c0", c0["addr"], GIB, 1)
    check_dimm_added(m, "c1", c1["addr"], 128 * MIB, 0)
    assert "2 with memory at boot" in m.output
    # The boot scan sends no _OST; a hot-remove of a cold DIMM works.
    m.qmp.command("device_del", id="c0")
    m.qmp.wait_event("DEVICE_DELETED", 60,
                     match=lambda d: d.get("device") == "c0")
    settle(m, f"removed [mem {c0['addr']:#x}-")
    assert not set(dimm_blocks(c0["addr"], GIB)) & set(blocks(m))
    check_dimm_added(m, "c1", c1["addr"], 128 * MIB, 0)


# ---- a device check for a device already added ----

def device_check_twice(m):
    addr = add_dimm(m, "d1", GIB, node=1)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d1")
    settle(m, f"added [mem {addr:#x}-")
    before = blocks(m)
    slot = slot_name(m, "d1")
    # Replay the device check through the driver's notify queue, twice,
    # and a bus check; also on the cold-plugged DIMM added at boot and on
    # an empty slot.
    for name, ev in ((slot, 1), (slot, 1), (slot, 0), ("MP00", 1),
                     ("MP07", 1)):
        m.qmp.events.clear()
        sh(m, f"echo {name} {ev} > {DEBUGFS}/notify")
        if name == "MP07":
            wait_ost(m, ev, OST_SUCCESS, slot=7)
        else:
            wait_ost(m, ev, OST_SUCCESS,
                     dimm_id="d1" if name == slot else "c0")
    assert blocks(m) == before
    assert dmesg_count(m, f"added [mem {addr:#x}-") == 1
    c0 = dimm_info(m, "c0")["addr"]
    assert dmesg_count(m, f"added [mem {c0:#x}-") == 1
    assert "already in use" not in sh(m, "dmesg")
    # Values the driver does not act on, and unknown devices, are refused.
    assert sh_status(m, f"echo {slot} 2 > {DEBUGFS}/notify")[0] != 0
    assert sh_status(m, f"echo MPZZ 1 > {DEBUGFS}/notify")[0] != 0


# ---- a DIMM over memory that is already there ----

def owns_probed_block(m):
    # A block probed by hand where the DIMM then lands belongs to the
    # DIMM: the driver adds the rest of its range around it, and the
    # eject offlines and removes all of it before _EJ0, so the data in
    # the probed block moves away first.
    addr = 6 * GIB
    sh(m, f"echo {addr:#x} > {MEMDIR}/probe")
    assert block_of(addr) in blocks(m)
    m.qmp.command("object-add", **{"qom-type": "memory-backend-ram",
                                   "id": "mem-d1", "size": 256 * MIB})
    m.qmp.command("device_add", driver="pc-dimm", id="d1", memdev="mem-d1",
                  node=1, addr=addr)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d1")
    settle(m, f"took over [mem {addr:#x}-")
    assert block_of(addr + BLOCK) in blocks(m)
    sh(m, f"echo online_movable > {MEMDIR}/{block_of(addr)}/state")
    sh(m, f"echo {PROBED_FILL} 1 > {MOVABLE}/fill")     # on node 1
    slot = dimm_info(m, "d1")["slot"]
    del_dimm(m, "d1")
    wait_ost(m, OST_EJECT_REQUEST, OST_SUCCESS, slot=slot)
    settle(m, f"removed [mem {addr:#x}-")
    assert dimm_info(m, "d1") is None
    assert not set(dimm_blocks(addr, 256 * MIB)) & set(blocks(m))
    assert read(m, f"{MOVABLE}/verify") == f"{PROBED_FILL} pages, 0 bad"
    sh(m, f"echo 1 > {MOVABLE}/free")


# ---- hot-remove of online memory ----

# The DIMM is onlined movable on node 0: ZONE_MOVABLE comes first for
# movable allocations, so the test driver's pages land on it.
FILL_PAGES = 16384      # 64 MiB of the 1 GiB DIMM
PROBED_FILL = 8192      # 32 MiB, in the one block onlined
BIG_FILL = 153600       # 600 MiB: more than node 0 of 512 MiB can take
MOVABLE = "/sys/kernel/debug/tide_movable"


def add_online_dimm(m, dimm_id, size):
    addr = add_dimm(m, dimm_id, size, node=0)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id=dimm_id)
    settle(m, f"added [mem {addr:#x}-")
    for b in dimm_blocks(addr, size):
        if read(m, f"{MEMDIR}/{b}/state") != "online":
            sh(m, f"echo online_movable > {MEMDIR}/{b}/state")
        assert read(m, f"{MEMDIR}/{b}/state") == "online", b
    return addr


def remove_online(m):
    base_total = mem_total_kib(m)
    addr = add_online_dimm(m, "d1", GIB)
    # each 128 MiB block keeps 2 MiB for its own memmap (not in MemTotal)
    assert mem_total_kib(m) == base_total + (GIB - 8 * MEMMAP) // 1024
    sh(m, f"echo {FILL_PAGES} > {MOVABLE}/fill")
    slot = dimm_info(m, "d1")["slot"]
    del_dimm(m, "d1")
    wait_ost(m, OST_EJECT_REQUEST, OST_SUCCESS, slot=slot)
    settle(m, f"removed [mem {addr:#x}-")
    assert dimm_info(m, "d1") is None
    assert not set(dimm_blocks(addr, GIB)) & set(blocks(m))
    assert mem_total_kib(m) == base_total
    assert read(m, f"{MOVABLE}/verify") == f"{FILL_PAGES} pages, 0 bad"
    sh(m, f"echo 1 > {MOVABLE}/free")


def remove_refused(m):
    # Only the DIMM's last block is online when the test pages are made,
    # so they all land there; then every other block but one is onlined
    # movable, and one stays offline as an administrator left it. The
    # eject offlines the empty blocks, fails on the last one, and must
    # bring back exactly what was there: the same blocks online, in
    # ZONE_MOVABLE, and the administrator's block still offline.
    addr = add_dimm(m, "d1", GIB, node=0)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d1")
    settle(m, f"added [mem {addr:#x}-")
    names = dimm_blocks(addr, GIB)
    sh(m, f"echo online_movable > {MEMDIR}/{names[-1]}/state")
    sh(m, f"echo 1 > {MOVABLE}/refuse")
    sh(m, f"echo {FILL_PAGES} > {MOVABLE}/fill")
    for b in names[:-1]:
        if b != names[1]:
            sh(m, f"echo online_movable > {MEMDIR}/{b}/state")
    total = mem_total_kib(m)
    m.qmp.events.clear()
    m.qmp.command("device_del", id="d1")
    wait_ost(m, OST_EJECT_REQUEST, OST_DEVICE_BUSY, dimm_id="d1",
             timeout=120)
    assert ost_of(m, "d1") == (OST_EJECT_REQUEST, OST_DEVICE_BUSY)
    settle(m, "eject refused, memory stays as it was")
    assert dimm_info(m, "d1") is not None, "QEMU dropped a busy DIMM"
    assert not any(e["event"] == "DEVICE_DELETED" for e in m.qmp.events)
    for b in names:
        want = "offline" if b == names[1] else "online"
        assert read(m, f"{MEMDIR}/{b}/state") == want, b
        if want == "online":
            assert read(m, f"{MEMDIR}/{b}/valid_zones") == "Movable", b
    assert mem_total_kib(m) == total
    assert read(m, f"{MOVABLE}/verify") == f"{FILL_PAGES} pages, 0 bad"
    # Tide is healthy: the memory is usable and the next eject succeeds.
    sh(m, f"echo 0 > {MOVABLE}/refuse")
    sh(m, f"echo 1 > {MOVABLE}/migrate")
    del_dimm(m, "d1")
    settle(m, f"removed [mem {addr:#x}-")
    assert dimm_info(m, "d1") is None
    assert not set(names) & set(blocks(m))
    assert read(m, f"{MOVABLE}/verify") == f"{FILL_PAGES} pages, 0 bad"
    sh(m, f"echo 1 > {MOVABLE}/free")


def node_free_kib(m, nid):
    for line in read(m, f"{NODEDIR}/node{nid}/meminfo").splitlines():
        if "MemFree:" in line:
            return int(line.split()[3])
    raise AssertionError(f"no MemFree in node{nid}/meminfo")


def eject_refused_up_front(m):
    # More movable data on the DIMM than node 0 could take above the
    # kernel's reserve: the eject is refused before a page moves, so
    # node 0 keeps its free memory and the kernel keeps working.
    addr = add_dimm(m, "d1", GIB, node=1)
    wait_ost(m, OST_DEVICE_CHECK, OST_SUCCESS, dimm_id="d1")
    names = dimm_blocks(addr, GIB)
    for b in names:
        sh(m, f"echo online_movable > {MEMDIR}/{b}/state")
    sh(m, f"echo {BIG_FILL} 1 > {MOVABLE}/fill", timeout=120)
    free0 = node_free_kib(m, 0)
    m.qmp.events.clear()
    m.qmp.command("device_del", id="d1")
    wait_ost(m, OST_EJECT_REQUEST, OST_DEVICE_BUSY, dimm_id="d1",
             timeout=120)
    settle(m, "eject refused, memory stays as it was")
    assert "room for" in sh(m, "dmesg"), "no reason on the console"
    assert node_free_kib(m, 0) >= free0 - 4096, (free0, node_free_kib(m, 0))
    for b in names:
        assert read(m, f"{MEMDIR}/{b}/state") == "online", b
    # Kernel allocations still work.
    status, out = sh_status(m, f"echo {8 * GIB:#x} > {MEMDIR}/probe")
    assert status == 0, out
    assert read(m, f"{MOVABLE}/verify") == f"{BIG_FILL} pages, 0 bad"
    sh(m, f"echo 1 > {MOVABLE}/free")
    del_dimm(m, "d1")
    assert dimm_info(m, "d1") is None


SCENARIOS = [
    Scenario("hotplug:acpi-add-128M-node0", make_add(128 * MIB, 0)),
    Scenario("hotplug:acpi-add-1G-node1", make_add(GIB, 1)),
    Scenario("hotplug:acpi-add-4G-node0", make_add(4 * GIB, 0)),
    Scenario("hotplug:acpi-add-4G-node1", make_add(4 * GIB, 1)),
    Scenario("hotplug:acpi-remove-offline", remove_offline),
    Scenario("hotplug:acpi-coldplug", coldplug, extra_args=COLD),
    Scenario("hotplug:acpi-device-check-twice", device_check_twice,
             extra_args=COLD[:4]),
    Scenario("hotplug:acpi-owns-probed-block", owns_probed_block),
    Scenario("hotplug:acpi-remove-online", remove_online),
    Scenario("hotplug:acpi-remove-refused", remove_refused),
    Scenario("hotplug:acpi-eject-refused-up-front", eject_refused_up_front),
]
