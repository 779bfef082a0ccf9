#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot Tide on the serial console: `make run`, or
#   scripts/run-qemu.sh build/tide [extra QEMU arguments]
# The kernel command line comes from $TIDE_CMDLINE (empty by default);
# $TIDE_INITRD, if set, names an initramfs to boot with (QEMU's -initrd).
# Without a terminal on stdin, tide.poweroff=1 is added so the boot ends by
# itself. Exits with QEMU's status: 0 after power off, 3 after a panic.
set -euo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 KERNEL [QEMU-ARGS...]" >&2
	exit 2
fi
kernel=$1
shift
if [ ! -f "$kernel" ]; then
	echo "$0: $kernel: no such kernel (run make first)" >&2
	exit 2
fi

cmdline=${TIDE_CMDLINE:-}
if [ -t 0 ]; then
	echo "(QEMU: Ctrl-A x quits, Ctrl-A c monitor)"
else
	cmdline="${cmdline:+$cmdline }tide.poweroff=1"
fi

initrd=()
if [ -n "${TIDE_INITRD:-}" ]; then
	if [ ! -f "$TIDE_INITRD" ]; then
		echo "$0: $TIDE_INITRD: no such initramfs" >&2
		exit 2
	fi
	initrd=(-initrd "$TIDE_INITRD")
fi

status=0
# Two CPUs on node 0 and a memory-less node 1 holding the hotplug area,
# with eight DIMM slots (QEMU's ACPI then describes them as PNP0C80).
qemu-system-x86_64 -M pc -m 512M,slots=8,maxmem=8G -smp 2 -cpu max \
	-object memory-backend-ram,id=r0,size=512M \
	-numa node,nodeid=0,cpus=0-1,memdev=r0 -numa node,nodeid=1 \
	-kernel "$kernel" "${initrd[@]}" -append "$cmdline" \
	-nographic -no-reboot -net none -serial mon:stdio \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	"$@" || status=$?
exit "$status"
