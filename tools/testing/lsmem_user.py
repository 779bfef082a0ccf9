# SPDX-License-Identifier: GPL-2.0
"""util-linux lsmem and chmem on Tide, checked against Linux 6.12's output.

  user:lsmem-chmem   one boot of the machine of scenario.py (node 0 with
                     the CPUs and 512 MiB, memory-less node 1, DIMM
                     slots) with memhp_default_state=offline; SESSION's
                     commands typed at busybox sh in order: lsmem with
                     every option and column, two 256 MiB DIMMs plugged
                     (node 0, node 1), lsmem again, chmem -e/-d by size,
                     range and block with -z for each zone and -v, the
                     failing cases (an unremovable boot block, a range
                     not on block boundaries, an unknown zone, more than
                     there is), and /sys/module/memory_hotplug/parameters
                     read and written (each errno) with chmem following
                     online_policy. Each command's output and exit status
                     must be the text recorded from Debian's Linux 6.12
                     on the same machine and initramfs, except where
                     TIDE_DIFFERS says why Tide's differs.

Kernel messages on the console (lines starting "[    8.123456] ") are
left out of both sides. To record SESSION again from Linux:

    python3 tools/testing/lsmem_user.py --record \\
        build/linux-ref/boot/vmlinuz-6.12.* build/initramfs.cpio.gz
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu       # noqa: E402
import scenario   # noqa: E402

NAME = "user:lsmem-chmem"
PROMPT = "tide:/# "
CMDLINE = "memhp_default_state=offline"
LINUX_CMDLINE = "console=ttyS0 quiet " + CMDLINE
MEMORY = "512M,slots=8,maxmem=8G"
P = "/sys/module/memory_hotplug/parameters"
KMSG = re.compile(r"^\[ *\d+\.\d+\] .*\n?", re.M)

COLUMNS = ("RANGE", "SIZE", "STATE", "REMOVABLE", "BLOCK", "NODE", "ZONES")
ALL = ",".join(COLUMNS)

# The session: shell commands, and "!dimm ID MIB NODE" for a DIMM plugged
# over QMP. Each shell command's status is printed after it as rc=N.
COMMANDS = [
    "lsmem",
    "!dimm d1 256 0",
    "!dimm d2 256 1",
    "cat /sys/devices/system/memory/memory*/valid_zones",
    "lsmem",
    "lsmem -a",
    f"lsmem -a -o {ALL}",
    f"lsmem --output-all",
] + [f"lsmem -o {c}" for c in COLUMNS] + [
    f"lsmem -o {ALL} --split={c}" for c in COLUMNS] + [
    "lsmem -o RANGE,START,END",
    "lsmem -b",
    "lsmem -n",
    "lsmem -J",
    "lsmem -J -a -o BLOCK,NODE,ZONES",
    "lsmem -P",
    "lsmem -r",
    "lsmem -r -a -o BLOCK,STATE,REMOVABLE",
    "lsmem --summary",
    "lsmem --summary=only",
    "lsmem --summary=never",
    "lsmem --split=STATE,NODE",
    "lsmem -o BLOCK,NODE --split NODE",
    "lsmem -o FOO",
    "chmem -e 128M",
    "lsmem -a",
    "chmem -v -e 128M",
    "chmem -e -b 34",
    f"lsmem -a -o {ALL}",
    "chmem -d 128M",
    "lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES",
    "chmem -e -v -z Movable 0x0000000110000000-0x000000011fffffff",
    "chmem -d 0x0000000110000000-0x000000011fffffff",
    "chmem -e -z DMA -b 35",
    "chmem -e -z DMA32 -b 35",
    "chmem -e -z Normal -b 35",
    "chmem -e -z Foo -b 35",
    "chmem -e -z Movable -b 35",
    "lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES",
    "chmem -d -b 0",
    "chmem -e 0x100000001-0x10fffffff",
    "chmem -e 0x100000000-0x107ffffff",
    "chmem -d -b 40",
    "chmem -e 100M",
    "chmem -e 1G",
    "chmem -d -b 32-35",
    "chmem -d -v -b 32-35",
    "lsmem -a",
    "cat /sys/devices/system/memory/memory*/state",
    "cat /sys/devices/system/memory/crash_hotplug",
    # The parameters: formats, modes, errnos.
    "ls /sys/module/memory_hotplug/",
    f"stat -c '%A %s %n' {P}/*",
    f"grep . {P}/*",
    f"echo auto-movable > {P}/online_policy",
    f"cat {P}/online_policy",
    f"echo -n contig-zones > {P}/online_policy",
    f"cat {P}/online_policy",
    f"echo Auto-movable > {P}/online_policy",
    f"echo > {P}/online_policy",
    f"printf 'contig-zones ' > {P}/online_policy",
    f"echo 0 > {P}/auto_movable_ratio",
    f"echo 4294967295 > {P}/auto_movable_ratio",
    f"cat {P}/auto_movable_ratio",
    f"echo 4294967296 > {P}/auto_movable_ratio",
    f"echo 99999999999999999999999 > {P}/auto_movable_ratio",
    f"echo -1 > {P}/auto_movable_ratio",
    f"echo ' 5' > {P}/auto_movable_ratio",
    f"echo -n '6 ' > {P}/auto_movable_ratio",
    f"echo abc > {P}/auto_movable_ratio",
    f"echo 0x10 > {P}/auto_movable_ratio",
    f"cat {P}/auto_movable_ratio",
    f"echo 010 > {P}/auto_movable_ratio",
    f"cat {P}/auto_movable_ratio",
    f"echo +301 > {P}/auto_movable_ratio",
    f"cat {P}/auto_movable_ratio",
] + [f"echo {v} > {P}/auto_movable_numa_aware; cat {P}/auto_movable_numa_aware"
     for v in ("N", "y", "0", "1", "off", "on", "no", "yes", "o", "x", "''",
               "nonsense", "Y")] + [
    f"echo -n '' > {P}/auto_movable_numa_aware",
    f"echo 1 > {P}/memmap_on_memory",
    f"echo force > {P}/memmap_on_memory",
    f"cat {P}/memmap_on_memory",
    # online_policy at work: chmem -e without a zone follows it.
    f"echo auto-movable > {P}/online_policy",
    "cat /sys/devices/system/memory/memory3[2-5]/valid_zones",
    "chmem -e 128M",
    f"echo 0 > {P}/auto_movable_ratio",
    "cat /sys/devices/system/memory/memory3[2-5]/valid_zones",
    "chmem -e -b 33",
    f"echo contig-zones > {P}/online_policy",
    f"echo 301 > {P}/auto_movable_ratio",
    "cat /sys/devices/system/memory/memory3[2-5]/valid_zones",
    "chmem -e -b 34",
    "lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES",
    "chmem -d -v 256M",
    "lsmem -o RANGE,STATE,NODE,ZONES --split=ZONES",
    "chmem -e -z Movable -b 32-33",
    "lsmem -o BLOCK,ZONES,NODE -a",
    "lsmem -o SIZE,STATE,REMOVABLE --split=STATE",
    "chmem -h",
    "lsmem -h",
]
# What Debian's Linux 6.12 printed for COMMANDS (--record).
SESSION = [
    ('lsmem',
     'RANGE                                  SIZE  STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x000000001fffffff  512M online       yes   0-3\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:      0B\n'
     'rc=0\n'),
    ('!dimm d1 256 0',
     '0x100000000\n'),
    ('!dimm d2 256 1',
     '0x110000000\n'),
    ('cat /sys/devices/system/memory/memory*/valid_zones',
     'none\n'
     'DMA32\n'
     'DMA32\n'
     'DMA32\n'
     'Normal Movable\n'
     'Normal Movable\n'
     'Normal Movable\n'
     'Normal Movable\n'
     'rc=0\n'),
    ('lsmem',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -a',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x0000000007ffffff  128M  online       yes     0\n'
     '0x0000000008000000-0x000000000fffffff  128M  online       yes     1\n'
     '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2\n'
     '0x0000000018000000-0x000000001fffffff  128M  online       yes     3\n'
     '0x0000000100000000-0x0000000107ffffff  128M offline              32\n'
     '0x0000000108000000-0x000000010fffffff  128M offline              33\n'
     '0x0000000110000000-0x0000000117ffffff  128M offline              34\n'
     '0x0000000118000000-0x000000011fffffff  128M offline              35\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -a -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  128M  online       yes     0    0           None\n'
     '0x0000000008000000-0x000000000fffffff  128M  online       yes     1    0          DMA32\n'
     '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2    0          DMA32\n'
     '0x0000000018000000-0x000000001fffffff  128M  online       yes     3    0          DMA32\n'
     '0x0000000100000000-0x0000000107ffffff  128M offline              32    0 Normal/Movable\n'
     '0x0000000108000000-0x000000010fffffff  128M offline              33    0 Normal/Movable\n'
     '0x0000000110000000-0x0000000117ffffff  128M offline              34    1 Normal/Movable\n'
     '0x0000000118000000-0x000000011fffffff  128M offline              35    1 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem --output-all',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  128M  online       yes     0    0           None\n'
     '0x0000000008000000-0x000000001fffffff  384M  online       yes   1-3    0          DMA32\n'
     '0x0000000100000000-0x000000010fffffff  256M offline           32-33    0 Normal/Movable\n'
     '0x0000000110000000-0x000000011fffffff  256M offline           34-35    1 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE',
     'RANGE\n'
     '0x0000000000000000-0x000000001fffffff\n'
     '0x0000000100000000-0x000000011fffffff\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o SIZE',
     ' SIZE\n'
     ' 512M\n'
     ' 512M\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o STATE',
     '  STATE\n'
     ' online\n'
     'offline\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o REMOVABLE',
     'REMOVABLE\n'
     '      yes\n'
     '\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o BLOCK',
     'BLOCK\n'
     '  0-3\n'
     '32-35\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o NODE',
     'NODE\n'
     '   0\n'
     '   0\n'
     '   1\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o ZONES',
     '         ZONES\n'
     '          None\n'
     '         DMA32\n'
     'Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=RANGE',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3    0           None\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=SIZE',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3    0           None\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=STATE',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3    0           None\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=REMOVABLE',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3    0           None\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=BLOCK',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3    0           None\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=NODE',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3    0           None\n'
     '0x0000000100000000-0x000000010fffffff  256M offline           32-33    0 Normal/Movable\n'
     '0x0000000110000000-0x000000011fffffff  256M offline           34-35    1 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=ZONES',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  128M  online       yes     0    0           None\n'
     '0x0000000008000000-0x000000001fffffff  384M  online       yes   1-3    0          DMA32\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o RANGE,START,END',
     'lsmem: unknown column: START,END\n'
     'rc=1\n'),
    ('lsmem -b',
     'RANGE                                      SIZE   STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x000000001fffffff 536870912  online       yes   0-3\n'
     '0x0000000100000000-0x000000011fffffff 536870912 offline           32-35\n'
     '\n'
     'Memory block size:            134217728\n'
     'Total online memory:          536870912\n'
     'Total offline memory:         536870912\n'
     'rc=0\n'),
    ('lsmem -n',
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -J',
     '{\n'
     '   "memory": [\n'
     '      {\n'
     '         "range": "0x0000000000000000-0x000000001fffffff",\n'
     '         "size": "512M",\n'
     '         "state": "online",\n'
     '         "removable": true,\n'
     '         "block": "0-3"\n'
     '      },{\n'
     '         "range": "0x0000000100000000-0x000000011fffffff",\n'
     '         "size": "512M",\n'
     '         "state": "offline",\n'
     '         "removable": false,\n'
     '         "block": "32-35"\n'
     '      }\n'
     '   ]\n'
     '}\n'
     'rc=0\n'),
    ('lsmem -J -a -o BLOCK,NODE,ZONES',
     '{\n'
     '   "memory": [\n'
     '      {\n'
     '         "block": "0",\n'
     '         "node": 0,\n'
     '         "zones": "None"\n'
     '      },{\n'
     '         "block": "1",\n'
     '         "node": 0,\n'
     '         "zones": "DMA32"\n'
     '      },{\n'
     '         "block": "2",\n'
     '         "node": 0,\n'
     '         "zones": "DMA32"\n'
     '      },{\n'
     '         "block": "3",\n'
     '         "node": 0,\n'
     '         "zones": "DMA32"\n'
     '      },{\n'
     '         "block": "32",\n'
     '         "node": 0,\n'
     '         "zones": "Normal/Movable"\n'
     '      },{\n'
     '         "block": "33",\n'
     '         "node": 0,\n'
     '         "zones": "Normal/Movable"\n'
     '      },{\n'
     '         "block": "34",\n'
     '         "node": 1,\n'
     '         "zones": "Normal/Movable"\n'
     '      },{\n'
     '         "block": "35",\n'
     '         "node": 1,\n'
     '         "zones": "Normal/Movable"\n'
     '      }\n'
     '   ]\n'
     '}\n'
     'rc=0\n'),
    ('lsmem -P',
     'RANGE="0x0000000000000000-0x000000001fffffff" SIZE="512M" STATE="online" REMOVABLE="yes" BLOCK="0-3"\n'
     'RANGE="0x0000000100000000-0x000000011fffffff" SIZE="512M" STATE="offline" REMOVABLE="" BLOCK="32-35"\n'
     'rc=0\n'),
    ('lsmem -r',
     'RANGE SIZE STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x000000001fffffff 512M online yes 0-3\n'
     '0x0000000100000000-0x000000011fffffff 512M offline  32-35\n'
     'rc=0\n'),
    ('lsmem -r -a -o BLOCK,STATE,REMOVABLE',
     'BLOCK STATE REMOVABLE\n'
     '0 online yes\n'
     '1 online yes\n'
     '2 online yes\n'
     '3 online yes\n'
     '32 offline \n'
     '33 offline \n'
     '34 offline \n'
     '35 offline \n'
     'rc=0\n'),
    ('lsmem --summary',
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem --summary=only',
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem --summary=never',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3\n'
     '0x0000000100000000-0x000000011fffffff  512M offline           32-35\n'
     'rc=0\n'),
    ('lsmem --split=STATE,NODE',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x000000001fffffff  512M  online       yes   0-3\n'
     '0x0000000100000000-0x000000010fffffff  256M offline           32-33\n'
     '0x0000000110000000-0x000000011fffffff  256M offline           34-35\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o BLOCK,NODE --split NODE',
     'BLOCK NODE\n'
     '  0-3    0\n'
     '32-33    0\n'
     '34-35    1\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('lsmem -o FOO',
     'lsmem: unknown column: FOO\n'
     'rc=1\n'),
    ('chmem -e 128M',
     'rc=0\n'),
    ('lsmem -a',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x0000000007ffffff  128M  online       yes     0\n'
     '0x0000000008000000-0x000000000fffffff  128M  online       yes     1\n'
     '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2\n'
     '0x0000000018000000-0x000000001fffffff  128M  online       yes     3\n'
     '0x0000000100000000-0x0000000107ffffff  128M  online       yes    32\n'
     '0x0000000108000000-0x000000010fffffff  128M offline              33\n'
     '0x0000000110000000-0x0000000117ffffff  128M offline              34\n'
     '0x0000000118000000-0x000000011fffffff  128M offline              35\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     640M\n'
     'Total offline memory:    384M\n'
     'rc=0\n'),
    ('chmem -v -e 128M',
     'Memory Block 33 (0x0000000108000000-0x000000010fffffff) enabled\n'
     'rc=0\n'),
    ('chmem -e -b 34',
     'rc=0\n'),
    ('lsmem -a -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  128M  online       yes     0    0           None\n'
     '0x0000000008000000-0x000000000fffffff  128M  online       yes     1    0          DMA32\n'
     '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2    0          DMA32\n'
     '0x0000000018000000-0x000000001fffffff  128M  online       yes     3    0          DMA32\n'
     '0x0000000100000000-0x0000000107ffffff  128M  online       yes    32    0        Movable\n'
     '0x0000000108000000-0x000000010fffffff  128M  online       yes    33    0        Movable\n'
     '0x0000000110000000-0x0000000117ffffff  128M  online       yes    34    1        Movable\n'
     '0x0000000118000000-0x000000011fffffff  128M offline              35    1 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     896M\n'
     'Total offline memory:    128M\n'
     'rc=0\n'),
    ('chmem -d 128M',
     'rc=0\n'),
    ('lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES',
     'RANGE                                   STATE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  online     0    0           None\n'
     '0x0000000008000000-0x000000000fffffff  online     1    0          DMA32\n'
     '0x0000000010000000-0x0000000017ffffff  online     2    0          DMA32\n'
     '0x0000000018000000-0x000000001fffffff  online     3    0          DMA32\n'
     '0x0000000100000000-0x0000000107ffffff  online    32    0        Movable\n'
     '0x0000000108000000-0x000000010fffffff  online    33    0        Movable\n'
     '0x0000000110000000-0x0000000117ffffff offline    34    1 Normal/Movable\n'
     '0x0000000118000000-0x000000011fffffff offline    35    1 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     768M\n'
     'Total offline memory:    256M\n'
     'rc=0\n'),
    ('chmem -e -v -z Movable 0x0000000110000000-0x000000011fffffff',
     'Memory Block 34 (0x0000000110000000-0x0000000117ffffff) enabled\n'
     'Memory Block 35 (0x0000000118000000-0x000000011fffffff) enabled\n'
     'rc=0\n'),
    ('chmem -d 0x0000000110000000-0x000000011fffffff',
     'rc=0\n'),
    ('chmem -e -z DMA -b 35',
     'chmem: Memory Block 35 (0x0000000118000000-0x000000011fffffff) enable failed: Zone mismatch\n'
     'rc=1\n'),
    ('chmem -e -z DMA32 -b 35',
     'chmem: Memory Block 35 (0x0000000118000000-0x000000011fffffff) enable failed: Zone mismatch\n'
     'rc=1\n'),
    ('chmem -e -z Normal -b 35',
     'rc=0\n'),
    ('chmem -e -z Foo -b 35',
     'chmem: unknown memory zone: Foo\n'
     "Try 'chmem --help' for more information.\n"
     'rc=1\n'),
    ('chmem -e -z Movable -b 35',
     'rc=0\n'),
    ('lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES',
     'RANGE                                   STATE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  online     0    0           None\n'
     '0x0000000008000000-0x000000000fffffff  online     1    0          DMA32\n'
     '0x0000000010000000-0x0000000017ffffff  online     2    0          DMA32\n'
     '0x0000000018000000-0x000000001fffffff  online     3    0          DMA32\n'
     '0x0000000100000000-0x0000000107ffffff  online    32    0        Movable\n'
     '0x0000000108000000-0x000000010fffffff  online    33    0        Movable\n'
     '0x0000000110000000-0x0000000117ffffff offline    34    1 Normal/Movable\n'
     '0x0000000118000000-0x000000011fffffff  online    35    1         Normal\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     896M\n'
     'Total offline memory:    128M\n'
     'rc=0\n'),
    ('chmem -d -b 0',
     'chmem: Memory Block 0 (0x0000000000000000-0x0000000007ffffff) disable failed: Invalid argument\n'
     'rc=1\n'),
    ('chmem -e 0x100000001-0x10fffffff',
     'chmem: Start address and (end address + 1) must be aligned to memory block size (128M)\n'
     'rc=1\n'),
    ('chmem -e 0x100000000-0x107ffffff',
     'rc=0\n'),
    ('chmem -d -b 40',
     'rc=1\n'),
    ('chmem -e 100M',
     'chmem: Size must be aligned to memory block size (128M)\n'
     'rc=1\n'),
    ('chmem -e 1G',
     'chmem: Could only enable 128M of memory\n'
     'rc=64\n'),
    ('chmem -d -b 32-35',
     'rc=0\n'),
    ('chmem -d -v -b 32-35',
     'Memory Block 32 (0x0000000100000000-0x0000000107ffffff) already disabled\n'
     'Memory Block 33 (0x0000000108000000-0x000000010fffffff) already disabled\n'
     'Memory Block 34 (0x0000000110000000-0x0000000117ffffff) already disabled\n'
     'Memory Block 35 (0x0000000118000000-0x000000011fffffff) already disabled\n'
     'rc=0\n'),
    ('lsmem -a',
     'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
     '0x0000000000000000-0x0000000007ffffff  128M  online       yes     0\n'
     '0x0000000008000000-0x000000000fffffff  128M  online       yes     1\n'
     '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2\n'
     '0x0000000018000000-0x000000001fffffff  128M  online       yes     3\n'
     '0x0000000100000000-0x0000000107ffffff  128M offline              32\n'
     '0x0000000108000000-0x000000010fffffff  128M offline              33\n'
     '0x0000000110000000-0x0000000117ffffff  128M offline              34\n'
     '0x0000000118000000-0x000000011fffffff  128M offline              35\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     512M\n'
     'Total offline memory:    512M\n'
     'rc=0\n'),
    ('cat /sys/devices/system/memory/memory*/state',
     'online\n'
     'online\n'
     'online\n'
     'online\n'
     'offline\n'
     'offline\n'
     'offline\n'
     'offline\n'
     'rc=0\n'),
    ('cat /sys/devices/system/memory/crash_hotplug',
     '0\n'
     'rc=0\n'),
    ('ls /sys/module/memory_hotplug/',
     'parameters  uevent\n'
     'rc=0\n'),
    ("stat -c '%A %s %n' /sys/module/memory_hotplug/parameters/*",
     '-rw-r--r-- 4096 /sys/module/memory_hotplug/parameters/auto_movable_numa_aware\n'
     '-rw-r--r-- 4096 /sys/module/memory_hotplug/parameters/auto_movable_ratio\n'
     '-r--r--r-- 4096 /sys/module/memory_hotplug/parameters/memmap_on_memory\n'
     '-rw-r--r-- 4096 /sys/module/memory_hotplug/parameters/online_policy\n'
     'rc=0\n'),
    ('grep . /sys/module/memory_hotplug/parameters/*',
     '/sys/module/memory_hotplug/parameters/auto_movable_numa_aware:Y\n'
     '/sys/module/memory_hotplug/parameters/auto_movable_ratio:301\n'
     '/sys/module/memory_hotplug/parameters/memmap_on_memory:N\n'
     '/sys/module/memory_hotplug/parameters/online_policy:contig-zones\n'
     'rc=0\n'),
    ('echo auto-movable > /sys/module/memory_hotplug/parameters/online_policy',
     'rc=0\n'),
    ('cat /sys/module/memory_hotplug/parameters/online_policy',
     'auto-movable\n'
     'rc=0\n'),
    ('echo -n contig-zones > /sys/module/memory_hotplug/parameters/online_policy',
     'rc=0\n'),
    ('cat /sys/module/memory_hotplug/parameters/online_policy',
     'contig-zones\n'
     'rc=0\n'),
    ('echo Auto-movable > /sys/module/memory_hotplug/parameters/online_policy',
     'sh: write error: Invalid argument\n'
     'rc=1\n'),
    ('echo > /sys/module/memory_hotplug/parameters/online_policy',
     'sh: write error: Invalid argument\n'
     'rc=1\n'),
    ("printf 'contig-zones ' > /sys/module/memory_hotplug/parameters/online_policy",
     'rc=1\n'),
    ('echo 0 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'rc=0\n'),
    ('echo 4294967295 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'rc=0\n'),
    ('cat /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     '4294967295\n'
     'rc=0\n'),
    ('echo 4294967296 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'sh: write error: Numerical result out of range\n'
     'rc=1\n'),
    ('echo 99999999999999999999999 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'sh: write error: Numerical result out of range\n'
     'rc=1\n'),
    ('echo -1 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'sh: write error: Invalid argument\n'
     'rc=1\n'),
    ("echo ' 5' > /sys/module/memory_hotplug/parameters/auto_movable_ratio",
     'sh: write error: Invalid argument\n'
     'rc=1\n'),
    ("echo -n '6 ' > /sys/module/memory_hotplug/parameters/auto_movable_ratio",
     'sh: write error: Invalid argument\n'
     'rc=1\n'),
    ('echo abc > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'sh: write error: Invalid argument\n'
     'rc=1\n'),
    ('echo 0x10 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'rc=0\n'),
    ('cat /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     '16\n'
     'rc=0\n'),
    ('echo 010 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'rc=0\n'),
    ('cat /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     '8\n'
     'rc=0\n'),
    ('echo +301 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'rc=0\n'),
    ('cat /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     '301\n'
     'rc=0\n'),
    ('echo N > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'N\n'
     'rc=0\n'),
    ('echo y > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'Y\n'
     'rc=0\n'),
    ('echo 0 > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'N\n'
     'rc=0\n'),
    ('echo 1 > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'Y\n'
     'rc=0\n'),
    ('echo off > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'N\n'
     'rc=0\n'),
    ('echo on > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'Y\n'
     'rc=0\n'),
    ('echo no > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'N\n'
     'rc=0\n'),
    ('echo yes > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'Y\n'
     'rc=0\n'),
    ('echo o > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'sh: write error: Invalid argument\n'
     'Y\n'
     'rc=0\n'),
    ('echo x > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'sh: write error: Invalid argument\n'
     'Y\n'
     'rc=0\n'),
    ("echo '' > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware",
     'sh: write error: Invalid argument\n'
     'Y\n'
     'rc=0\n'),
    ('echo nonsense > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'N\n'
     'rc=0\n'),
    ('echo Y > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware; cat /sys/module/memory_hotplug/parameters/auto_movable_numa_aware',
     'Y\n'
     'rc=0\n'),
    ("echo -n '' > /sys/module/memory_hotplug/parameters/auto_movable_numa_aware",
     'rc=0\n'),
    ('echo 1 > /sys/module/memory_hotplug/parameters/memmap_on_memory',
     "/bin/sh: can't create /sys/module/memory_hotplug/parameters/memmap_on_memory: Permission denied\n"
     'rc=1\n'),
    ('echo force > /sys/module/memory_hotplug/parameters/memmap_on_memory',
     "/bin/sh: can't create /sys/module/memory_hotplug/parameters/memmap_on_memory: Permission denied\n"
     'rc=1\n'),
    ('cat /sys/module/memory_hotplug/parameters/memmap_on_memory',
     'N\n'
     'rc=0\n'),
    ('echo auto-movable > /sys/module/memory_hotplug/parameters/online_policy',
     'rc=0\n'),
    ('cat /sys/devices/system/memory/memory3[2-5]/valid_zones',
     'Movable Normal\n'
     'Movable Normal\n'
     'Normal Movable\n'
     'Normal Movable\n'
     'rc=0\n'),
    ('chmem -e 128M',
     'rc=0\n'),
    ('echo 0 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'rc=0\n'),
    ('cat /sys/devices/system/memory/memory3[2-5]/valid_zones',
     'Movable\n'
     'Normal Movable\n'
     'Normal Movable\n'
     'Normal Movable\n'
     'rc=0\n'),
    ('chmem -e -b 33',
     'rc=0\n'),
    ('echo contig-zones > /sys/module/memory_hotplug/parameters/online_policy',
     'rc=0\n'),
    ('echo 301 > /sys/module/memory_hotplug/parameters/auto_movable_ratio',
     'rc=0\n'),
    ('cat /sys/devices/system/memory/memory3[2-5]/valid_zones',
     'Movable\n'
     'Movable\n'
     'Normal Movable\n'
     'Normal Movable\n'
     'rc=0\n'),
    ('chmem -e -b 34',
     'rc=0\n'),
    ('lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES',
     'RANGE                                   STATE BLOCK NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  online     0    0           None\n'
     '0x0000000008000000-0x000000000fffffff  online     1    0          DMA32\n'
     '0x0000000010000000-0x0000000017ffffff  online     2    0          DMA32\n'
     '0x0000000018000000-0x000000001fffffff  online     3    0          DMA32\n'
     '0x0000000100000000-0x0000000107ffffff  online    32    0        Movable\n'
     '0x0000000108000000-0x000000010fffffff  online    33    0        Movable\n'
     '0x0000000110000000-0x0000000117ffffff  online    34    1        Movable\n'
     '0x0000000118000000-0x000000011fffffff offline    35    1 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     896M\n'
     'Total offline memory:    128M\n'
     'rc=0\n'),
    ('chmem -d -v 256M',
     'Memory Block 34 (0x0000000110000000-0x0000000117ffffff) disabled\n'
     'Memory Block 33 (0x0000000108000000-0x000000010fffffff) disabled\n'
     'rc=0\n'),
    ('lsmem -o RANGE,STATE,NODE,ZONES --split=ZONES',
     'RANGE                                   STATE NODE          ZONES\n'
     '0x0000000000000000-0x0000000007ffffff  online    0           None\n'
     '0x0000000008000000-0x000000001fffffff  online    0          DMA32\n'
     '0x0000000100000000-0x0000000107ffffff  online    0        Movable\n'
     '0x0000000108000000-0x000000011fffffff offline    0 Normal/Movable\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     640M\n'
     'Total offline memory:    384M\n'
     'rc=0\n'),
    ('chmem -e -z Movable -b 32-33',
     'rc=0\n'),
    ('lsmem -o BLOCK,ZONES,NODE -a',
     'BLOCK          ZONES NODE\n'
     '    0           None    0\n'
     '    1          DMA32    0\n'
     '    2          DMA32    0\n'
     '    3          DMA32    0\n'
     '   32        Movable    0\n'
     '   33        Movable    0\n'
     '   34 Normal/Movable    1\n'
     '   35 Normal/Movable    1\n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     768M\n'
     'Total offline memory:    256M\n'
     'rc=0\n'),
    ('lsmem -o SIZE,STATE,REMOVABLE --split=STATE',
     ' SIZE   STATE REMOVABLE\n'
     ' 512M  online       yes\n'
     ' 256M  online       yes\n'
     ' 256M offline \n'
     '\n'
     'Memory block size:       128M\n'
     'Total online memory:     768M\n'
     'Total offline memory:    256M\n'
     'rc=0\n'),
    ('chmem -h',
     '\n'
     'Usage:\n'
     ' chmem [options] [SIZE|RANGE|BLOCKRANGE]\n'
     '\n'
     'Set a particular size or range of memory online or offline.\n'
     '\n'
     'Options:\n'
     ' -e, --enable       enable memory\n'
     ' -d, --disable      disable memory\n'
     ' -b, --blocks       use memory blocks\n'
     ' -z, --zone <name>  select memory zone (see below)\n'
     ' -v, --verbose      verbose output\n'
     ' -h, --help         display this help\n'
     ' -V, --version      display version\n'
     '\n'
     'Supported zones:\n'
     ' DMA\n'
     ' DMA32\n'
     ' Normal\n'
     ' Highmem\n'
     ' Movable\n'
     ' Device\n'
     '\n'
     'For more details see chmem(8).\n'
     'rc=0\n'),
    ('lsmem -h',
     '\n'
     'Usage:\n'
     ' lsmem [options]\n'
     '\n'
     'List the ranges of available memory with their online status.\n'
     '\n'
     'Options:\n'
     ' -J, --json           use JSON output format\n'
     ' -P, --pairs          use key="value" output format\n'
     ' -a, --all            list each individual memory block\n'
     ' -b, --bytes          print SIZE in bytes rather than in human readable format\n'
     " -n, --noheadings     don't print headings\n"
     ' -o, --output <list>  output columns\n'
     '     --output-all     output all columns\n'
     ' -r, --raw            use raw output format\n'
     ' -S, --split <list>   split ranges by specified columns\n'
     ' -s, --sysroot <dir>  use the specified directory as system root\n'
     '     --summary[=when] print summary information (never,always or only)\n'
     '\n'
     ' -h, --help           display this help\n'
     ' -V, --version        display version\n'
     '\n'
     'Available output columns:\n'
     '      RANGE  start and end address of the memory range\n'
     '       SIZE  size of the memory range\n'
     '      STATE  online status of the memory range\n'
     '  REMOVABLE  memory is removable\n'
     '      BLOCK  memory block number or blocks range\n'
     '       NODE  numa node of memory\n'
     '      ZONES  valid zones for the memory range\n'
     '\n'
     'For more details see lsmem(1).\n'
     'rc=0\n'),
]


# Why Tide's output differs from Linux's for some commands.
NO_ZONE_DMA = ("Tide has no ZONE_DMA: memory0 is all DMA32 (Linux's spans "
               "DMA and DMA32, so its valid_zones is \"none\"; an offline "
               "fails with EINVAL on both, for memory0's holes)")
NO_UEVENT = ("/sys/module/MOD/uevent is not there: Tide's kobject uevents "
             "cover devices only")

# SESSION's index -> (its command, Tide's output, the reason).
TIDE_DIFFERS = {
    3: ('cat /sys/devices/system/memory/memory*/valid_zones',
        'DMA32\n'
        'DMA32\n'
        'DMA32\n'
        'DMA32\n'
        'Normal Movable\n'
        'Normal Movable\n'
        'Normal Movable\n'
        'Normal Movable\n'
        'rc=0\n',
        NO_ZONE_DMA),
    14: ('lsmem -o ZONES',
        '         ZONES\n'
        '         DMA32\n'
        'Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        NO_ZONE_DMA),
    26: ('lsmem -J -a -o BLOCK,NODE,ZONES',
        '{\n'
        '   "memory": [\n'
        '      {\n'
        '         "block": "0",\n'
        '         "node": 0,\n'
        '         "zones": "DMA32"\n'
        '      },{\n'
        '         "block": "1",\n'
        '         "node": 0,\n'
        '         "zones": "DMA32"\n'
        '      },{\n'
        '         "block": "2",\n'
        '         "node": 0,\n'
        '         "zones": "DMA32"\n'
        '      },{\n'
        '         "block": "3",\n'
        '         "node": 0,\n'
        '         "zones": "DMA32"\n'
        '      },{\n'
        '         "block": "32",\n'
        '         "node": 0,\n'
        '         "zones": "Normal/Movable"\n'
        '      },{\n'
        '         "block": "33",\n'
        '         "node": 0,\n'
        '         "zones": "Normal/Movable"\n'
        '      },{\n'
        '         "block": "34",\n'
        '         "node": 1,\n'
        '         "zones": "Normal/Movable"\n'
        '      },{\n'
        '         "block": "35",\n'
        '         "node": 1,\n'
        '         "zones": "Normal/Movable"\n'
        '      }\n'
        '   ]\n'
        '}\n'
        'rc=0\n',
        NO_ZONE_DMA),
    42: ('lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES',
        'RANGE                                   STATE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x0000000007ffffff  online     0    0          DMA32\n'
        '0x0000000008000000-0x000000000fffffff  online     1    0          DMA32\n'
        '0x0000000010000000-0x0000000017ffffff  online     2    0          DMA32\n'
        '0x0000000018000000-0x000000001fffffff  online     3    0          DMA32\n'
        '0x0000000100000000-0x0000000107ffffff  online    32    0        Movable\n'
        '0x0000000108000000-0x000000010fffffff  online    33    0        Movable\n'
        '0x0000000110000000-0x0000000117ffffff offline    34    1 Normal/Movable\n'
        '0x0000000118000000-0x000000011fffffff offline    35    1 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     768M\n'
        'Total offline memory:    256M\n'
        'rc=0\n',
        NO_ZONE_DMA),
    50: ('lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES',
        'RANGE                                   STATE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x0000000007ffffff  online     0    0          DMA32\n'
        '0x0000000008000000-0x000000000fffffff  online     1    0          DMA32\n'
        '0x0000000010000000-0x0000000017ffffff  online     2    0          DMA32\n'
        '0x0000000018000000-0x000000001fffffff  online     3    0          DMA32\n'
        '0x0000000100000000-0x0000000107ffffff  online    32    0        Movable\n'
        '0x0000000108000000-0x000000010fffffff  online    33    0        Movable\n'
        '0x0000000110000000-0x0000000117ffffff offline    34    1 Normal/Movable\n'
        '0x0000000118000000-0x000000011fffffff  online    35    1         Normal\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     896M\n'
        'Total offline memory:    128M\n'
        'rc=0\n',
        NO_ZONE_DMA),
    62: ('ls /sys/module/memory_hotplug/',
        'parameters\n'
        'rc=0\n',
        NO_UEVENT),
    114: ('lsmem -a -o RANGE,STATE,BLOCK,NODE,ZONES',
        'RANGE                                   STATE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x0000000007ffffff  online     0    0          DMA32\n'
        '0x0000000008000000-0x000000000fffffff  online     1    0          DMA32\n'
        '0x0000000010000000-0x0000000017ffffff  online     2    0          DMA32\n'
        '0x0000000018000000-0x000000001fffffff  online     3    0          DMA32\n'
        '0x0000000100000000-0x0000000107ffffff  online    32    0        Movable\n'
        '0x0000000108000000-0x000000010fffffff  online    33    0        Movable\n'
        '0x0000000110000000-0x0000000117ffffff  online    34    1        Movable\n'
        '0x0000000118000000-0x000000011fffffff offline    35    1 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     896M\n'
        'Total offline memory:    128M\n'
        'rc=0\n',
        NO_ZONE_DMA),
    116: ('lsmem -o RANGE,STATE,NODE,ZONES --split=ZONES',
        'RANGE                                   STATE NODE          ZONES\n'
        '0x0000000000000000-0x000000001fffffff  online    0          DMA32\n'
        '0x0000000100000000-0x0000000107ffffff  online    0        Movable\n'
        '0x0000000108000000-0x000000011fffffff offline    0 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     640M\n'
        'Total offline memory:    384M\n'
        'rc=0\n',
        NO_ZONE_DMA),
    118: ('lsmem -o BLOCK,ZONES,NODE -a',
        'BLOCK          ZONES NODE\n'
        '    0          DMA32    0\n'
        '    1          DMA32    0\n'
        '    2          DMA32    0\n'
        '    3          DMA32    0\n'
        '   32        Movable    0\n'
        '   33        Movable    0\n'
        '   34 Normal/Movable    1\n'
        '   35 Normal/Movable    1\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     768M\n'
        'Total offline memory:    256M\n'
        'rc=0\n',
        NO_ZONE_DMA),
}

# Tide's `removable` is 0 for a block holding pages that can never move
# (memory0: the kernel image; memory3: firmware's last 128 KiB), where
# Linux 6.12 prints 1 for every block; lsmem shows "no" for them and
# splits its ranges there. Recorded from Tide; each differs from Linux's
# only there (and, where NO_ZONE_DMA says so, in the zones).
REMOVABLE_TRUTH = ("removable tells the truth: memory0 (the kernel image) "
                   "and memory3 (firmware's last 128 KiB) cannot be "
                   "offlined; Linux 6.12 says 1 for every block")
TIDE_REMOVABLE = {
    0: ('lsmem',
        'RANGE                                  SIZE  STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff  128M online        no     0\n'
        '0x0000000008000000-0x0000000017ffffff  256M online       yes   1-2\n'
        '0x0000000018000000-0x000000001fffffff  128M online        no     3\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:      0B\n'
        'rc=0\n',
        False),
    4: ('lsmem',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0\n'
        '0x0000000008000000-0x0000000017ffffff  256M  online       yes   1-2\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        False),
    5: ('lsmem -a',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0\n'
        '0x0000000008000000-0x000000000fffffff  128M  online       yes     1\n'
        '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3\n'
        '0x0000000100000000-0x0000000107ffffff  128M offline              32\n'
        '0x0000000108000000-0x000000010fffffff  128M offline              33\n'
        '0x0000000110000000-0x0000000117ffffff  128M offline              34\n'
        '0x0000000118000000-0x000000011fffffff  128M offline              35\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        False),
    6: ('lsmem -a -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0    0          DMA32\n'
        '0x0000000008000000-0x000000000fffffff  128M  online       yes     1    0          DMA32\n'
        '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2    0          DMA32\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3    0          DMA32\n'
        '0x0000000100000000-0x0000000107ffffff  128M offline              32    0 Normal/Movable\n'
        '0x0000000108000000-0x000000010fffffff  128M offline              33    0 Normal/Movable\n'
        '0x0000000110000000-0x0000000117ffffff  128M offline              34    1 Normal/Movable\n'
        '0x0000000118000000-0x000000011fffffff  128M offline              35    1 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    7: ('lsmem --output-all',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0    0          DMA32\n'
        '0x0000000008000000-0x0000000017ffffff  256M  online       yes   1-2    0          DMA32\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3    0          DMA32\n'
        '0x0000000100000000-0x000000010fffffff  256M offline           32-33    0 Normal/Movable\n'
        '0x0000000110000000-0x000000011fffffff  256M offline           34-35    1 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    11: ('lsmem -o REMOVABLE',
        'REMOVABLE\n'
        '       no\n'
        '      yes\n'
        '       no\n'
        '\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        False),
    15: ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=RANGE',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x000000001fffffff  512M  online        no   0-3    0          DMA32\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    16: ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=SIZE',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x000000001fffffff  512M  online        no   0-3    0          DMA32\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    17: ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=STATE',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x000000001fffffff  512M  online        no   0-3    0          DMA32\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    18: ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=REMOVABLE',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0    0          DMA32\n'
        '0x0000000008000000-0x0000000017ffffff  256M  online       yes   1-2    0          DMA32\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3    0          DMA32\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    19: ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=BLOCK',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x000000001fffffff  512M  online        no   0-3    0          DMA32\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    20: ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=NODE',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x000000001fffffff  512M  online        no   0-3    0          DMA32\n'
        '0x0000000100000000-0x000000010fffffff  256M offline           32-33    0 Normal/Movable\n'
        '0x0000000110000000-0x000000011fffffff  256M offline           34-35    1 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    21: ('lsmem -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES --split=ZONES',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x000000001fffffff  512M  online        no   0-3    0          DMA32\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35    0 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        True),
    23: ('lsmem -b',
        'RANGE                                      SIZE   STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff 134217728  online        no     0\n'
        '0x0000000008000000-0x0000000017ffffff 268435456  online       yes   1-2\n'
        '0x0000000018000000-0x000000001fffffff 134217728  online        no     3\n'
        '0x0000000100000000-0x000000011fffffff 536870912 offline           32-35\n'
        '\n'
        'Memory block size:            134217728\n'
        'Total online memory:          536870912\n'
        'Total offline memory:         536870912\n'
        'rc=0\n',
        False),
    24: ('lsmem -n',
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0\n'
        '0x0000000008000000-0x0000000017ffffff  256M  online       yes   1-2\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        False),
    25: ('lsmem -J',
        '{\n'
        '   "memory": [\n'
        '      {\n'
        '         "range": "0x0000000000000000-0x0000000007ffffff",\n'
        '         "size": "128M",\n'
        '         "state": "online",\n'
        '         "removable": false,\n'
        '         "block": "0"\n'
        '      },{\n'
        '         "range": "0x0000000008000000-0x0000000017ffffff",\n'
        '         "size": "256M",\n'
        '         "state": "online",\n'
        '         "removable": true,\n'
        '         "block": "1-2"\n'
        '      },{\n'
        '         "range": "0x0000000018000000-0x000000001fffffff",\n'
        '         "size": "128M",\n'
        '         "state": "online",\n'
        '         "removable": false,\n'
        '         "block": "3"\n'
        '      },{\n'
        '         "range": "0x0000000100000000-0x000000011fffffff",\n'
        '         "size": "512M",\n'
        '         "state": "offline",\n'
        '         "removable": false,\n'
        '         "block": "32-35"\n'
        '      }\n'
        '   ]\n'
        '}\n'
        'rc=0\n',
        False),
    27: ('lsmem -P',
        'RANGE="0x0000000000000000-0x0000000007ffffff" SIZE="128M" STATE="online" REMOVABLE="no" BLOCK="0"\n'
        'RANGE="0x0000000008000000-0x0000000017ffffff" SIZE="256M" STATE="online" REMOVABLE="yes" BLOCK="1-2"\n'
        'RANGE="0x0000000018000000-0x000000001fffffff" SIZE="128M" STATE="online" REMOVABLE="no" BLOCK="3"\n'
        'RANGE="0x0000000100000000-0x000000011fffffff" SIZE="512M" STATE="offline" REMOVABLE="" BLOCK="32-35"\n'
        'rc=0\n',
        False),
    28: ('lsmem -r',
        'RANGE SIZE STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff 128M online no 0\n'
        '0x0000000008000000-0x0000000017ffffff 256M online yes 1-2\n'
        '0x0000000018000000-0x000000001fffffff 128M online no 3\n'
        '0x0000000100000000-0x000000011fffffff 512M offline  32-35\n'
        'rc=0\n',
        False),
    29: ('lsmem -r -a -o BLOCK,STATE,REMOVABLE',
        'BLOCK STATE REMOVABLE\n'
        '0 online no\n'
        '1 online yes\n'
        '2 online yes\n'
        '3 online no\n'
        '32 offline \n'
        '33 offline \n'
        '34 offline \n'
        '35 offline \n'
        'rc=0\n',
        False),
    32: ('lsmem --summary=never',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0\n'
        '0x0000000008000000-0x0000000017ffffff  256M  online       yes   1-2\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3\n'
        '0x0000000100000000-0x000000011fffffff  512M offline           32-35\n'
        'rc=0\n',
        False),
    33: ('lsmem --split=STATE,NODE',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x000000001fffffff  512M  online        no   0-3\n'
        '0x0000000100000000-0x000000010fffffff  256M offline           32-33\n'
        '0x0000000110000000-0x000000011fffffff  256M offline           34-35\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        False),
    37: ('lsmem -a',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0\n'
        '0x0000000008000000-0x000000000fffffff  128M  online       yes     1\n'
        '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3\n'
        '0x0000000100000000-0x0000000107ffffff  128M  online       yes    32\n'
        '0x0000000108000000-0x000000010fffffff  128M offline              33\n'
        '0x0000000110000000-0x0000000117ffffff  128M offline              34\n'
        '0x0000000118000000-0x000000011fffffff  128M offline              35\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     640M\n'
        'Total offline memory:    384M\n'
        'rc=0\n',
        False),
    40: ('lsmem -a -o RANGE,SIZE,STATE,REMOVABLE,BLOCK,NODE,ZONES',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK NODE          ZONES\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0    0          DMA32\n'
        '0x0000000008000000-0x000000000fffffff  128M  online       yes     1    0          DMA32\n'
        '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2    0          DMA32\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3    0          DMA32\n'
        '0x0000000100000000-0x0000000107ffffff  128M  online       yes    32    0        Movable\n'
        '0x0000000108000000-0x000000010fffffff  128M  online       yes    33    0        Movable\n'
        '0x0000000110000000-0x0000000117ffffff  128M  online       yes    34    1        Movable\n'
        '0x0000000118000000-0x000000011fffffff  128M offline              35    1 Normal/Movable\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     896M\n'
        'Total offline memory:    128M\n'
        'rc=0\n',
        True),
    59: ('lsmem -a',
        'RANGE                                  SIZE   STATE REMOVABLE BLOCK\n'
        '0x0000000000000000-0x0000000007ffffff  128M  online        no     0\n'
        '0x0000000008000000-0x000000000fffffff  128M  online       yes     1\n'
        '0x0000000010000000-0x0000000017ffffff  128M  online       yes     2\n'
        '0x0000000018000000-0x000000001fffffff  128M  online        no     3\n'
        '0x0000000100000000-0x0000000107ffffff  128M offline              32\n'
        '0x0000000108000000-0x000000010fffffff  128M offline              33\n'
        '0x0000000110000000-0x0000000117ffffff  128M offline              34\n'
        '0x0000000118000000-0x000000011fffffff  128M offline              35\n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     512M\n'
        'Total offline memory:    512M\n'
        'rc=0\n',
        False),
    119: ('lsmem -o SIZE,STATE,REMOVABLE --split=STATE',
        ' SIZE   STATE REMOVABLE\n'
        ' 512M  online        no\n'
        ' 256M  online       yes\n'
        ' 256M offline \n'
        '\n'
        'Memory block size:       128M\n'
        'Total online memory:     768M\n'
        'Total offline memory:    256M\n'
        'rc=0\n',
        False),
}
for _i, (_cmd, _out, _no_dma) in TIDE_REMOVABLE.items():
    TIDE_DIFFERS[_i] = (_cmd, _out, REMOVABLE_TRUTH + ("; " + NO_ZONE_DMA
                                                      if _no_dma else ""))

# memory_hotplug.memmap_on_memory reads Y: Tide's default is on (Linux's is
# off), so that hot-add keeps each block's memmap in the block itself.
MEMMAP_ON = ("memory_hotplug.memmap_on_memory defaults to Y in Tide, N in "
             "Linux: every hot-add keeps its memmap in the added memory")
for _i, (_cmd, _out) in enumerate(SESSION):
    if _cmd == f"grep . {P}/*":
        TIDE_DIFFERS[_i] = (_cmd, _out.replace("memmap_on_memory:N\n",
                                               "memmap_on_memory:Y\n"),
                            MEMMAP_ON)
    elif _cmd == f"cat {P}/memmap_on_memory":
        TIDE_DIFFERS[_i] = (_cmd, _out.replace("N\n", "Y\n", 1), MEMMAP_ON)


def run_session(m, commands=COMMANDS):
    """Type @commands at @m's prompt; return [(command, output)], the
    output with its rc=N line and without kernel messages."""
    m.run("stty cols 200 2>/dev/null")
    got = []
    for line in commands:
        if line.startswith("!dimm "):
            _, dimm, mib, node = line.split()
            addr = scenario.add_dimm(m, dimm, int(mib) << 20, node=int(node))
            got.append((line, f"{addr:#x}\n"))
            continue
        out = m.run(line + "; echo rc=$?", timeout=120)
        got.append((line, KMSG.sub("", out)))
    return got


def differences(got):
    """Lines describing where @got differs from what is expected."""
    want = list(SESSION)
    bad = []
    if [c for c, _ in got] != [c for c, _ in want]:
        return ["the session's commands differ from SESSION's: "
                "record it again (--record)"]
    for i, ((cmd, out), (_, linux)) in enumerate(zip(got, want)):
        expect = linux
        if i in TIDE_DIFFERS:
            if TIDE_DIFFERS[i][0] != cmd:
                return [f"TIDE_DIFFERS[{i}] is not `{cmd}`"]
            expect = TIDE_DIFFERS[i][1]
        if out != expect:
            bad.append(f"`{cmd}`: got {out!r}, want {expect!r}")
    return bad


def _machine_args():
    sc = scenario.Scenario(NAME, None, memory=MEMORY)
    return tuple(scenario.machine_args(sc))


def job(ctx, outcome):
    import userland   # the user-space boots' helpers (userland.py)

    m = qemu.Machine(ctx.kernel, memory=MEMORY, cmdline=CMDLINE,
                     extra_args=_machine_args(),
                     log_path=ctx.log_path(NAME), timeout=900,
                     prompt=PROMPT, initrd=userland._image(ctx))
    try:
        m.expect(PROMPT, timeout=qemu.BOOT_TIMEOUT)
        bad = differences(run_session(m))
        userland._poweroff(m)
    except Exception as e:
        if m.proc.poll() is None:
            m.kill()
        return [outcome(NAME, "FAIL", f"{type(e).__name__}: {e}",
                        ctx.log_tail(ctx.log_path(NAME)))]
    marks = [line for line in m.output.splitlines()
             if any(x in line for x in qemu.FAILURE_MARKS)]
    if marks:
        bad.append(f"console: {marks[0].strip()}")
    if bad:
        return [outcome(NAME, "FAIL", f"{len(bad)} differences; first: "
                        + bad[0], bad[:20])]
    return [outcome(NAME, "PASS")]


JOBS = ((NAME, job),)


def record(kernel, initrd, cmdline=LINUX_CMDLINE):
    """Boot @kernel (Linux) and print SESSION's literal from its output."""
    m = qemu.Machine(kernel, memory=MEMORY, cmdline=cmdline,
                     extra_args=_machine_args(), timeout=900,
                     prompt=PROMPT, initrd=initrd)
    with m:
        m.expect(PROMPT, timeout=qemu.BOOT_TIMEOUT)
        got = run_session(m)
    print("SESSION = [")
    for cmd, out in got:
        print(f"    ({cmd!r},")
        lines = out.splitlines(keepends=True)
        if not lines:
            print("     ''),")
        for i, ln in enumerate(lines):
            end = ")," if i == len(lines) - 1 else ""
            print(f"     {ln!r}{end}")
    print("]")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--record":
        record(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("run through tide_check.py: make check "
                         "CHECKARGS='-k user:lsmem-chmem', or --record "
                         "LINUX_KERNEL INITRD")
