# SPDX-License-Identifier: GPL-2.0
"""The Linux reference machine of `make bench`: Debian's Linux 6.12 with a
busybox initramfs, booted on the same QEMU machine as Tide; Tide boots the
same initramfs, so that both kernels run the same programs and scripts.

`make bench-deps` (scripts/install-deps.sh --bench DIR) downloads Debian's
linux-image-6.12-*-amd64 and busybox-static packages into DIR
(build/linux-ref/) and unpacks boot/ and bin/busybox there. This module
builds the initramfs from them, in Python (newc cpio, gzip), under the
same directory: nothing of it is committed. The kernel's own config
(boot/config-*) is checked for what the bench needs.

The initramfs's /init mounts proc, sysfs, devtmpfs and debugfs, installs
busybox's applet links and execs busybox init, which runs a shell on the
console whose prompt is "bench# ". /bin/hpbench does the timed loops in
the guest, /bin/hpwait waits for MemTotal to grow and /bin/hpfill starts
memfill in the background (see memhp_bench.py); the static programs
tools/testing/ubench and memfill are in /bin.
"""

import glob
import gzip
import io
import lzma
import os
import stat

PROMPT = "bench# "
READY = "bench-init: ready"

# Config options the bench relies on, and the value each must have.
NEEDED_CONFIG = {
    "CONFIG_MEMORY_HOTPLUG": "y",
    "CONFIG_MEMORY_HOTREMOVE": "y",
    "CONFIG_ACPI_HOTPLUG_MEMORY": "y",
    "CONFIG_MIGRATION": "y",
    "CONFIG_NUMA": "y",
    "CONFIG_TMPFS": "y",
    "CONFIG_DEVTMPFS": "y",
    "CONFIG_BLK_DEV_INITRD": "y",
    "CONFIG_RD_GZIP": "y",
    "CONFIG_SERIAL_8250": "y",
    "CONFIG_SERIAL_8250_CONSOLE": "y",
}

_INIT = """\
#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /tmp /mnt
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
[ -e /proc/modules ] && for ko in /lib/modules/*.ko; do insmod "$ko"; done
echo "bench-init: init"
exec /bin/busybox init
"""

_INITTAB = """\
ttyS0::respawn:-/bin/sh
::shutdown:/bin/sync
"""

_PROFILE = """\
PS1='bench# '
export PS1
echo "bench-init: ready"
"""

# hpbench STATE FIRST LAST: write STATE into memoryFIRST..memoryLAST's
# state files in one loop; print "hpbench: N blocks, T us, status S".
# The clock is read twice around the loop (busybox date has no %N, so
# `ubench now`, CLOCK_MONOTONIC in microseconds) and the cost of one more
# reading, taken right after, is subtracted: it is what the two readings
# add to the loop.
_HPBENCH = """\
#!/bin/sh
now() {
	ubench now
}
state=$1; i=$2; last=$3; n=0; st=0
t0=$(now)
while [ $i -le $last ]; do
	echo $state > /sys/devices/system/memory/memory$i/state || st=1
	i=$((i + 1)); n=$((n + 1))
done
t1=$(now)
t2=$(now)
echo "hpbench: $n blocks, $((t1 - t0 - (t2 - t1))) us, status $st"
"""

# hpwait KB: poll MemTotal every millisecond until it is at least KB,
# then say so; hpwait -le KB: until it is at most KB. Shell builtins
# only: read from /proc/meminfo, and read -t on a FIFO nobody writes to
# as a sleep that forks nothing (spinning instead would take a CPU from
# the hotplug work).
_HPWAIT = """\
#!/bin/sh
rm -f /tmp/hpwait.fifo; mkfifo /tmp/hpwait.fifo; exec 3<>/tmp/hpwait.fifo
op=-ge; [ "$1" = -le ] && { op=-le; shift; }
echo "hpwait: armed"
until read -r a b c < /proc/meminfo; [ $b $op $1 ]; do read -t 0.001 -u 3 x; done
echo "hpwait: MemTotal $b kB"
"""


# hpfill MIB: start memfill holding MIB MiB in the background, its memory
# bound to node 1 (the DIMM) where the kernel has set_mempolicy; print
# "hpfill: ready" once it has filled them, "hpfill: failed" if it exited.
# hpfill verify: make it check its pattern (SIGUSR1); print its answer.
_HPFILL = """\
#!/bin/sh
log=/tmp/memfill.log
if [ "$1" = verify ]; then
	n=$(grep -c '^verify:' $log)
	kill -USR1 $(cat /tmp/memfill.pid)
	while [ $(grep -c '^verify:' $log) -eq $n ]; do sleep 0.1; done
	grep '^verify:' $log | tail -n 1
	exit 0
fi
ubench bind 1 /bin/memfill -t 36000 $1 > $log 2>&1 &
echo $! > /tmp/memfill.pid
until grep -q 'memfill: ready' $log; do
	kill -0 $! 2>/dev/null || { echo "hpfill: failed"; cat $log; exit 1; }
	sleep 0.1
done
echo "hpfill: ready"
"""


def modules(ref_dir):
    """The kernel modules the initramfs loads (virtio_mem.ko, which
    Debian builds as a module), as unpacked by make bench-deps."""
    return sorted(glob.glob(os.path.join(
        ref_dir, "lib", "modules", "*", "kernel", "drivers", "virtio",
        "virtio_mem.ko*")))


def _module_data(path):
    """A module's bytes, decompressed (busybox insmod loads plain .ko)."""
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".xz"):
        data = lzma.decompress(data)
    elif path.endswith(".zst"):
        raise LinuxRefError(f"{path}: zstd modules are not supported")
    return data


class LinuxRefError(Exception):
    pass


def paths(ref_dir):
    """(vmlinuz, config, busybox) under @ref_dir; LinuxRefError if missing."""
    kernels = sorted(glob.glob(os.path.join(ref_dir, "boot", "vmlinuz-6.12*")))
    configs = sorted(glob.glob(os.path.join(ref_dir, "boot", "config-6.12*")))
    busybox = os.path.join(ref_dir, "bin", "busybox")
    if not kernels or not configs or not os.path.exists(busybox):
        raise LinuxRefError(f"no Linux 6.12 image or busybox in {ref_dir} "
                            f"(make bench-deps fetches them)")
    return kernels[-1], configs[-1], busybox


def check_config(config_path):
    """Return the NEEDED_CONFIG options @config_path lacks (empty: all in)."""
    have = {}
    with open(config_path) as f:
        for line in f:
            name, sep, value = line.strip().partition("=")
            if sep:
                have[name] = value
    return [f"{k}={v}" for k, v in NEEDED_CONFIG.items() if have.get(k) != v]


class _Cpio:
    """A newc ("070701") archive written in memory."""

    def __init__(self):
        self.out = io.BytesIO()
        self.ino = 1

    def _entry(self, name, mode, data=b"", rdev=(0, 0)):
        name_b = name.encode() + b"\0"
        fields = (self.ino, mode, 0, 0, 1, 0, len(data), 0, 0,
                  rdev[0], rdev[1], len(name_b), 0)
        self.ino += 1
        self.out.write(b"070701" + b"".join(b"%08X" % v for v in fields))
        self.out.write(name_b)
        self._pad()
        self.out.write(data)
        self._pad()

    def _pad(self):
        self.out.write(b"\0" * (-self.out.tell() % 4))

    def dir(self, name):
        self._entry(name, stat.S_IFDIR | 0o755)

    def file(self, name, data, mode=0o644):
        self._entry(name, stat.S_IFREG | mode, data)

    def chardev(self, name, major, minor):
        self._entry(name, stat.S_IFCHR | 0o600, rdev=(major, minor))

    def finish(self):
        self._entry("TRAILER!!!", 0)
        self.out.write(b"\0" * (-self.out.tell() % 512))
        return self.out.getvalue()


def build_initramfs(busybox, out_path, programs=(), kmods=()):
    """Write the gzipped newc initramfs to @out_path, with each of the
    static @programs in /bin and the kernel modules @kmods in /lib/modules
    (loaded by /init)."""
    cpio = _Cpio()
    for d in ("bin", "sbin", "usr", "usr/bin", "usr/sbin", "etc", "dev",
              "proc", "sys", "tmp", "mnt", "root", "lib", "lib/modules"):
        cpio.dir(d)
    for ko in kmods:
        name = os.path.basename(ko).split(".ko")[0] + ".ko"
        cpio.file("lib/modules/" + name, _module_data(ko))
    cpio.chardev("dev/console", 5, 1)
    with open(busybox, "rb") as f:
        cpio.file("bin/busybox", f.read(), 0o755)
    cpio.file("init", _INIT.encode(), 0o755)
    cpio.file("etc/inittab", _INITTAB.encode())
    cpio.file("etc/profile", _PROFILE.encode())
    cpio.file("bin/hpbench", _HPBENCH.encode(), 0o755)
    cpio.file("bin/hpwait", _HPWAIT.encode(), 0o755)
    cpio.file("bin/hpfill", _HPFILL.encode(), 0o755)
    for prog in programs:
        with open(prog, "rb") as f:
            cpio.file("bin/" + os.path.basename(prog), f.read(), 0o755)
    tmp = out_path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(gzip.compress(cpio.finish(), compresslevel=6, mtime=0))
    os.replace(tmp, out_path)


def initramfs(ref_dir, programs=()):
    """Build (when older than its inputs) the bench's initramfs from the
    busybox in @ref_dir and the static @programs; return its path.
    LinuxRefError if busybox is not unpacked there."""
    busybox = os.path.join(ref_dir, "bin", "busybox")
    if not os.path.exists(busybox):
        raise LinuxRefError(f"no busybox in {ref_dir} (make bench-deps "
                            f"fetches it)")
    missing = [p for p in programs if not os.path.exists(p)]
    if missing:
        raise LinuxRefError(f"{', '.join(missing)} not built")
    initrd = os.path.join(ref_dir, "initramfs.cpio.gz")
    kmods = modules(ref_dir)
    sources = [busybox, __file__] + list(programs) + kmods
    if (not os.path.exists(initrd) or os.path.getmtime(initrd) <
            max(os.path.getmtime(p) for p in sources)):
        build_initramfs(busybox, initrd, programs, kmods)
    return initrd


def prepare(ref_dir, programs=()):
    """Check the kernel and build the initramfs; return (vmlinuz, initrd).

    LinuxRefError if the packages are not unpacked in @ref_dir or the
    kernel lacks a needed option.
    """
    vmlinuz, config, busybox = paths(ref_dir)
    missing = check_config(config)
    if missing:
        raise LinuxRefError(f"{os.path.basename(vmlinuz)} lacks "
                            f"{', '.join(missing)}")
    return vmlinuz, initramfs(ref_dir, programs)
