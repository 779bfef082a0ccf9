#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Write a crafted ACPI SRAT, SLIT, SSDT or MCFG for QEMU's -acpitable.

Boot tests feed Tide tables QEMU would not generate: node 1's boot RAM
marked hotpluggable, corrupt tables that must be reported and skipped, a
memory device (PNP0C80) whose _CRS lies where no memory may be added.
The table is checksummed unless told otherwise. Layouts follow ACPI 6.5
sections 5.2.16 (SRAT), 5.2.17 (SLIT), 6.4.3.5.1 (QWord address space
descriptor) and 20 (AML encoding).

  mk_acpi_table.py srat OUT --mem 0,0,0xa0000 --mem 0,1M,255M \\
      --mem 1,256M,256M,hotplug --cpu 0,0 --cpu 1,1
  mk_acpi_table.py srat OUT --preset two-node-hotplug --ram 512M
  mk_acpi_table.py slit OUT --dist 10,21,21,10
  mk_acpi_table.py ssdt OUT --memdev MTST,0x10000000000,128M
  mk_acpi_table.py mcfg OUT --ecam 0x100000,0,0,0
"""

import argparse
import struct
import sys

HEADER_LEN = 36
SRAT_HEADER_LEN = HEADER_LEN + 12       # table revision (u32), reserved (u64)
MEM_AFFINITY, CPU_AFFINITY = 1, 0
MEM_ENABLED, MEM_HOTPLUG, MEM_NONVOLATILE = 1, 2, 4
CPU_ENABLED = 1


def parse_size(text):
    """'512M', '0x100000', '1G' -> bytes."""
    text = text.strip()
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    if text and text[-1].upper() in mult:
        return int(text[:-1], 0) * mult[text[-1].upper()]
    return int(text, 0)


def header(sig, length, revision, oem_table_id=b"TIDETEST"):
    return struct.pack("<4sIBB6s8sI4sI", sig, length, revision, 0,
                       b"TIDE  ", oem_table_id, 1, b"TIDE", 1)


def checksummed(table):
    table = bytearray(table)
    table[9] = 0
    table[9] = (-sum(table)) & 0xff
    return bytes(table)


def mem_affinity(pxm, base, size, flags):
    return struct.pack("<BBIHQQIIQ", MEM_AFFINITY, 40, pxm, 0, base, size, 0,
                       flags, 0)


def cpu_affinity(pxm, apic_id, flags=CPU_ENABLED):
    hi = pxm >> 8
    return struct.pack("<BBBBIB3sI", CPU_AFFINITY, 16, pxm & 0xff, apic_id,
                       flags, 0, hi.to_bytes(3, "little"), 0)


def srat(entries, revision=3):
    body = b"".join(entries)
    length = SRAT_HEADER_LEN + len(body)
    return header(b"SRAT", length, revision) + struct.pack("<IQ", 1, 0) + body


def slit(matrix):
    n = int(round(len(matrix) ** 0.5))
    if n * n != len(matrix):
        raise ValueError("--dist needs n*n values")
    body = struct.pack("<Q", n) + bytes(matrix)
    return header(b"SLIT", HEADER_LEN + len(body), 1) + body


def preset_entries(name, ram):
    """Memory below 4 GiB on -M pc: [0, 640K) and [1M, ram)."""
    half = ram // 2
    if name == "two-node-hotplug":
        return [cpu_affinity(0, 0), cpu_affinity(1, 1),
                mem_affinity(0, 0, 0xa0000, MEM_ENABLED),
                mem_affinity(0, 0x100000, half - 0x100000, MEM_ENABLED),
                mem_affinity(1, half, ram - half, MEM_ENABLED | MEM_HOTPLUG)]
    if name == "two-node":
        return [cpu_affinity(0, 0), cpu_affinity(1, 1),
                mem_affinity(0, 0, 0xa0000, MEM_ENABLED),
                mem_affinity(0, 0x100000, half - 0x100000, MEM_ENABLED),
                mem_affinity(1, half, ram - half, MEM_ENABLED)]
    raise ValueError(f"unknown preset {name}")


# AML opcodes (ACPI 6.5 section 20.3)
AML_SCOPE, AML_NAME, AML_BUFFER, AML_BYTE, AML_DWORD = 0x10, 0x08, 0x11, 0x0a, 0x0c
AML_DEVICE = b"\x5b\x82"
EISA_PNP0C80 = bytes((0x41, 0xd0, 0x0c, 0x80))   # EisaId("PNP0C80")


def pkg_length(body):
    """@body prefixed with its AML PkgLength (which counts itself)."""
    n = len(body) + 1
    if n < 0x40:
        return bytes((n,)) + body
    n = len(body) + 2
    if n >= 1 << 12:
        raise ValueError("AML package too long")
    return bytes((0x40 | (n & 0xf), n >> 4)) + body


def qword_memory(base, size):
    """ResourceTemplate() { QWordMemory(consumer, fixed, read-write) }."""
    desc = struct.pack("<BHBBBQQQQQ", 0x8a, 43, 0, 0x0d, 0x03, 0, base,
                       base + size - 1, 0, size)
    return desc + b"\x79\x00"                  # end tag, checksum 0


def memory_device(name, base, size):
    """Device (name) { Name (_HID, EisaId ("PNP0C80")) Name (_CRS, ...) }."""
    crs = qword_memory(base, size)
    buf = bytes((AML_BUFFER,)) + pkg_length(bytes((AML_BYTE, len(crs))) + crs)
    body = name.encode().ljust(4, b"_")[:4]
    body += bytes((AML_NAME,)) + b"_HID" + bytes((AML_DWORD,)) + EISA_PNP0C80
    body += bytes((AML_NAME,)) + b"_CRS" + buf
    return AML_DEVICE + pkg_length(body)


def ssdt(devices):
    """Scope (\\_SB) { the devices }, revision 2 (64-bit integers)."""
    aml = bytes((AML_SCOPE,)) + pkg_length(b"\\_SB_" + b"".join(devices))
    return header(b"SSDT", HEADER_LEN + len(aml), 2) + aml


def corrupt(table, how):
    """Damage a finished (checksummed) SRAT in one of the ways the parser
    must catch."""
    t = bytearray(table)
    first = SRAT_HEADER_LEN
    if how == "checksum":
        t[9] ^= 0x5a
        return bytes(t)
    if how == "overrun":        # last entry claims more than is left
        last = first
        while last + t[last + 1] < len(t):
            last += t[last + 1]
        t[last + 1] = 0xff
    elif how == "zero-length":  # first entry has length 0
        t[first + 1] = 0
    elif how == "truncated":    # table ends one byte into an entry header
        t = t + b"\x01"
        struct.pack_into("<I", t, 4, len(t))
    elif how == "unknown-type":  # an entry of type 0x7f, to be skipped
        t = t + struct.pack("<BB6s", 0x7f, 8, b"\0" * 6)
        struct.pack_into("<I", t, 4, len(t))
    elif how == "overlap":      # a second range over the first one
        t = t + mem_affinity(1, 0x100000, 0x100000, MEM_ENABLED)
        struct.pack_into("<I", t, 4, len(t))
    else:
        raise ValueError(f"unknown corruption {how}")
    return checksummed(bytes(t))


def mcfg(entries):
    """MCFG (PCI Firmware Specification 3.2, 4.1.2): the header, 8 reserved
    bytes, then per ECAM window base (u64), segment (u16), first and last
    bus (u8 each) and 4 reserved bytes."""
    body = b"".join(struct.pack("<QHBBI", base, seg, first, last, 0)
                    for base, seg, first, last in entries)
    length = HEADER_LEN + 8 + len(body)
    return header(b"MCFG", length, 1) + b"\0" * 8 + body


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=("srat", "slit", "ssdt", "mcfg"))
    ap.add_argument("out", help="file to write")
    ap.add_argument("--mem", action="append", default=[],
                    metavar="PXM,BASE,SIZE[,hotplug][,disabled][,nv]")
    ap.add_argument("--cpu", action="append", default=[], metavar="PXM,APIC")
    ap.add_argument("--preset", choices=("two-node", "two-node-hotplug"))
    ap.add_argument("--ram", default="512M", help="RAM size for --preset")
    ap.add_argument("--revision", type=int, default=3)
    ap.add_argument("--corrupt", choices=("checksum", "overrun", "zero-length",
                                          "truncated", "unknown-type",
                                          "overlap"))
    ap.add_argument("--dist", help="SLIT: n*n comma-separated distances")
    ap.add_argument("--memdev", action="append", default=[],
                    metavar="NAME,BASE,SIZE",
                    help="SSDT: a PNP0C80 memory device under \\_SB")
    ap.add_argument("--ecam", action="append", default=[],
                    metavar="BASE,SEGMENT,FIRST_BUS,LAST_BUS",
                    help="MCFG: an ECAM window")
    args = ap.parse_args(argv)

    if args.kind == "mcfg":
        data = checksummed(mcfg([tuple(int(x, 0) for x in e.split(","))
                                 for e in args.ecam]))
    elif args.kind == "slit":
        data = checksummed(slit([int(x, 0) for x in args.dist.split(",")]))
    elif args.kind == "ssdt":
        devs = []
        for d in args.memdev:
            name, base, size = d.split(",")
            devs.append(memory_device(name, parse_size(base), parse_size(size)))
        data = checksummed(ssdt(devs))
    else:
        entries = preset_entries(args.preset, parse_size(args.ram)) \
            if args.preset else []
        for c in args.cpu:
            pxm, apic = (int(x, 0) for x in c.split(","))
            entries.append(cpu_affinity(pxm, apic))
        for m in args.mem:
            parts = m.split(",")
            flags = 0 if "disabled" in parts[3:] else MEM_ENABLED
            flags |= MEM_HOTPLUG if "hotplug" in parts[3:] else 0
            flags |= MEM_NONVOLATILE if "nv" in parts[3:] else 0
            entries.append(mem_affinity(int(parts[0], 0), parse_size(parts[1]),
                                        parse_size(parts[2]), flags))
        data = checksummed(srat(entries, args.revision))
        if args.corrupt:
            data = corrupt(data, args.corrupt)
    with open(args.out, "wb") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
