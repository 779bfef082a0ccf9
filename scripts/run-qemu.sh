#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot Tide on the serial console: `make run`, or
#   scripts/run-qemu.sh build/tide [extra QEMU arguments]
# The kernel command line comes from $TIDE_CMDLINE (empty by default).
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

status=0
qemu-system-x86_64 -M pc -m 512M -smp 1 -cpu max \
	-kernel "$kernel" -append "$cmdline" \
	-nographic -no-reboot -net none -serial mon:stdio \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	"$@" || status=$?
exit "$status"
