#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn `nm -n` output into the .kallsyms section Tide searches for backtraces.

Usage: kallsyms.py NM_OUTPUT > kallsyms.S   (/dev/null gives an empty table)
Only text symbols are kept, sorted by address; the table is an array of
addresses, an array of offsets into a name blob, and the blob.
"""
import sys


def main():
    syms = []
    with open(sys.argv[1]) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or parts[1] not in "tTwW":
                continue
            addr = int(parts[0], 16)
            if addr < 0xffffffff80000000:
                continue
            syms.append((addr, parts[2]))
    syms.sort()
    out = ['\t.section .kallsyms, "a"', "\t.balign 8",
           "\t.globl kallsyms_num, kallsyms_addrs, kallsyms_offsets, kallsyms_names",
           "kallsyms_num:", "\t.quad %d" % len(syms), "kallsyms_addrs:"]
    out += ["\t.quad 0x%x" % a for a, _ in syms]
    out.append("kallsyms_offsets:")
    off = 0
    for _, name in syms:
        out.append("\t.long %d" % off)
        off += len(name) + 1
    out.append("kallsyms_names:")
    out += ['\t.asciz "%s"' % n for _, n in syms]
    print("\n".join(out))


if __name__ == "__main__":
    main()
