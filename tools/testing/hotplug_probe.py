# SPDX-License-Identifier: GPL-2.0
"""Hotplug scenarios: the probe file's node lookup, and cold-plugged DIMMs
onlined at boot.

QEMU describes its whole DIMM area in the SRAT as hotpluggable memory of
the last node, so a block probed there belongs to node 1 of the two-node
machine. DIMMs given on QEMU's command line are added by the ACPI driver
at boot and, with memhp_default_state=online, onlined there: into
ZONE_MOVABLE under movable_node, into a kernel zone without it.
"""

from scenario import MEMDIR, Scenario, blocks, dimm_info, read, sh, sh_status

NODEDIR = "/sys/devices/system/node"
GIB = 1 << 30
MEMMAP = 2 << 20     # a block's own memmap (memmap_on_memory)


def probe_node(m):
    """A probed block lands on the node the SRAT gives its address."""
    sh(m, f"echo 0x100000000 > {MEMDIR}/probe")
    assert "memory32" in blocks(m), blocks(m)
    assert "memory32" in sh(m, f"ls {NODEDIR}/node1"), "memory32 not on node1"
    assert "memory32" not in sh(m, f"ls {NODEDIR}/node0")
    assert "node1" in sh(m, f"ls {MEMDIR}/memory32")
    assert read(m, f"{MEMDIR}/memory32/state") == "offline"
    # Adding it twice, or off a block boundary, fails as in Linux.
    status, out = sh_status(m, f"echo 0x100000000 > {MEMDIR}/probe")
    assert status != 0 and "exists" in out, out
    status, out = sh_status(m, f"echo 0x100001000 > {MEMDIR}/probe")
    assert status != 0 and "Invalid argument" in out, out
    status, out = sh_status(m, f"echo zero > {MEMDIR}/probe")
    assert status != 0 and "Invalid argument" in out, out


COLD = ("-object", "memory-backend-ram,id=m0,size=1G",
        "-device", "pc-dimm,id=c0,memdev=m0,node=1")


def cold_blocks(m):
    addr = dimm_info(m, "c0")["addr"]
    return [f"memory{a >> 27}" for a in range(addr, addr + GIB, 1 << 27)]


def make_coldplug_online(zone):
    def fn(m):
        names = cold_blocks(m)
        for name in names:
            assert read(m, f"{MEMDIR}/{name}/state") == "online", name
            assert read(m, f"{MEMDIR}/{name}/valid_zones") == zone, name
        meminfo = read(m, f"{NODEDIR}/node1/meminfo")
        total = [line for line in meminfo.splitlines() if "MemTotal" in line]
        # 8 blocks, each keeping 2 MiB for its own memmap, present but
        # not in MemTotal (Linux with memory_hotplug.memmap_on_memory=1)
        want = (GIB - 8 * MEMMAP) >> 10
        assert total and int(total[0].split()[3]) == want, total
        # And they go offline again: nothing of the kernel's is in them.
        for name in names:
            sh(m, f"echo offline > {MEMDIR}/{name}/state")
    return fn


SCENARIOS = [
    Scenario("hotplug:probe-node", probe_node),
    Scenario("hotplug:coldplug-online-movable_node",
             make_coldplug_online("Movable"),
             cmdline="movable_node memhp_default_state=online",
             extra_args=COLD),
    Scenario("hotplug:coldplug-online-kernel", make_coldplug_online("Normal"),
             cmdline="memhp_default_state=online", extra_args=COLD),
]
