# SPDX-License-Identifier: GPL-2.0
"""Hotplug scenarios: ranges that are not RAM to add are refused.

The probe file must refuse, with EEXIST as Linux does, any block the CPU
cannot address (QEMU's TCG CPU has 40 physical address bits), any block
over the MMIO hole below 4 GiB (PCI BARs, IOAPIC, HPET, local APIC, BIOS),
and a start whose end wraps around: the range conflicts in the resource
tree before anything is mapped. No memory block may appear for them, and
a block where memory may go is still added afterwards.
"""

from scenario import MEMDIR, Scenario, blocks, block_of, read, sh, sh_status

IOMEM = "/sys/kernel/debug/iomem"
BLOCK = 128 << 20

REFUSED = (
    1 << 40,                    # first address past 40 physical bits
    0xf8000000,                 # the 128 MiB under 4 GiB: MMIO and the BIOS
    0xfee00000 & ~(BLOCK - 1),  # the block of the local APIC
    0xfec00000 & ~(BLOCK - 1),  # the block of the IOAPIC
    0xe0000000,                 # inside the PCI hole of a 512 MiB PC
    1 << 46,                    # 2^MAX_PHYSMEM_BITS
    1 << 52,                    # past any x86 MAXPHYADDR
    0xfffffffff8000000,         # the last block: its end wraps to 0
)


def iomem_lines(m):
    return [line.strip() for line in read(m, IOMEM).splitlines()]


def probe_refused(m):
    """Each refused probe says "File exists" and leaves no trace."""
    before_blocks = blocks(m)
    before_iomem = iomem_lines(m)
    for addr in REFUSED:
        status, out = sh_status(m, f"echo {addr:#x} > {MEMDIR}/probe")
        assert status != 0 and "File exists" in out, f"{addr:#x}: {out!r}"
        assert block_of(addr) not in blocks(m), f"{addr:#x} made a block"
    assert blocks(m) == before_blocks, blocks(m)
    assert iomem_lines(m) == before_iomem, "refused probes changed iomem"
    assert "Oops" not in sh(m, "dmesg")

    # Memory can still be added where it may go.
    sh(m, f"echo {1 << 32:#x} > {MEMDIR}/probe")
    assert block_of(1 << 32) in blocks(m), blocks(m)
    assert "100000000-107ffffff : System RAM" in iomem_lines(m)


def boot_claims(m):
    """The firmware's ranges, the APICs and the PCI hole are in iomem."""
    lines = iomem_lines(m)
    text = "\n".join(lines)
    for want in ("000a0000-000bffff : Video RAM area",
                 "000f0000-000fffff : Reserved",
                 "fec00000-fec003ff : IOAPIC 0",
                 "fee00000-fee00fff : Local APIC",
                 "fffc0000-ffffffff : Reserved",
                 "20000000-febfffff : PCI mem"):
        assert want in lines, f"no '{want}' in\n{text}"
    # Nothing claimed reaches past the CPU's 40 bits.
    for line in lines:
        end = int(line.split(" ")[0].split("-")[1], 16)
        assert end < 1 << 40, line


SCENARIOS = [
    Scenario("hotplug:ranges:probe-refused", probe_refused, quick=True),
    Scenario("hotplug:ranges:boot-claims", boot_claims, nodes=1),
]
