# SPDX-License-Identifier: GPL-2.0
"""Memory hotplug figures of `make bench`, for Tide and for Linux 6.12.

The same steps run on both kernels, on the same QEMU machine (-M pc, two
CPUs and 512 MiB on node 0, a memory-less node 1, eight DIMM slots), with
the same initramfs (linux_ref.py: Debian's busybox, the bench's shell
scripts, tools/testing's memfill and ubench):

  boot with memhp_default_state=offline
  (a) device_add a 4 GiB DIMM on node 1; time onlining its 32 blocks
      (online_movable, one state write per block);
  (b) time offlining them, idle; (a) and (b) three times, medians kept;
  (c) online them again; `ubench memcpy` measures the guest's memcpy
      bandwidth (two 128 MiB buffers), the ceiling of any offline that copies
      the data; device_add a second 4 GiB DIMM on node 0, start
      memfill holding 2 GiB of anonymous memory (bound to node 1 with
      set_mempolicy where the kernel has it; Tide, without it, places
      user memory in node 0 until a kernel reserve is left, then in the
      DIMM), online the second DIMM (room for the data), then time
      offlining the first DIMM's 32 blocks; memfill then checks its
      data;
  boot again with memhp_default_state=online
  (d) time from device_add of a 4 GiB DIMM until MemTotal has grown by
      it (median of three DIMMs added one after the other);
  boot again with memhp_default_state=offline
  (e) the same with busybox `mdev -d` onlining each block on its "add"
      uevent (MDEV_RULE, /etc/mdev-memory.conf's rule).

The timed loops of (a)-(c) run in the guest, in busybox sh: /bin/hpbench
writes every block's state in one loop between two clock readings
(`ubench now`), which include opening, writing and closing each state
file. (d) is timed by the host: /bin/hpwait polls MemTotal every
millisecond and prints a line the host waits for.
Figures only: nothing here fails on speed.
See Documentation/dev-tools/testing.rst.
"""

import os
import re
import statistics
import time

import linux_ref
import qemu
import scenario

GIB = 1 << 30
DIMM = 4 * GIB
FILL = DIMM // 2
CYCLES = 3          # online/offline cycles of (a) and (b); medians printed
MEMORY = "512M,slots=8,maxmem=32G"
MEMDIR = "/sys/devices/system/memory"
COPY_MIB = 128      # ubench memcpy: buffer size and copies (fits node 0)
COPY_REPS = 4


def user_programs(build):
    """The static programs the bench's initramfs carries."""
    return [os.path.join(build, "tools", "testing", p)
            for p in ("ubench", "memfill")]


class NotAvailable(Exception):
    """A figure cannot be measured on this kernel; the message says why."""


class Guest:
    """One kernel booted with the bench's initramfs: subclasses for Tide
    and Linux say which kernel and command line."""

    name = "?"
    prompt = linux_ref.PROMPT
    _HPBENCH = re.compile(r"hpbench: (\d+) blocks, (-?\d+) us, status (\d+)")
    _MEMTOTAL = re.compile(r"memtotal (\d+)")
    _MEMCPY = re.compile(r"memcpy: \d+ MiB x \d+, best (\d+) MiB/s")
    _NODE_USED = re.compile(r"MemUsed:\s+(\d+) kB")

    def __init__(self, build, log_dir):
        self.build = build
        self.log_dir = log_dir
        self.m = None
        self.initrd = linux_ref.initramfs(os.path.join(build, "linux-ref"),
                                          user_programs(build))

    def boot(self, state, tag):
        return self.boot_cmdline(self.cmdline(state), tag)

    def boot_cmdline(self, cmdline, tag, memory=MEMORY, timeout=600.0):
        """Boots with @cmdline on a -m @memory machine; log NAME-@tag."""
        sc = scenario.Scenario(f"bench:{self.name}", None, memory=memory)
        log = os.path.join(self.log_dir, f"{self.name}-{tag}.log")
        self.m = qemu.Machine(self.kernel, memory=memory, cmdline=cmdline,
                              extra_args=scenario.machine_args(sc),
                              log_path=log, timeout=timeout,
                              prompt=self.prompt, initrd=self.initrd)
        try:
            self.wait_prompt()
        except Exception:
            self.m.kill()
            raise
        return self.m

    def wait_prompt(self):
        self.m.expect(linux_ref.READY, timeout=180)
        self.m.expect(self.prompt, timeout=30)

    def run(self, line, timeout=120.0):
        return self.m.run(line, timeout)

    def block_size(self):
        out = self.run(f"cat {MEMDIR}/block_size_bytes")
        m = re.search(r"^\s*([0-9a-fA-F]+)\s*$", out, re.M)
        if not m:
            raise NotAvailable(f"no {MEMDIR}/block_size_bytes")
        return int(m.group(1), 16)

    def add_dimm(self, dimm_id, node, blocks=True):
        """Plug a 4 GiB DIMM on @node; return its block numbers once their
        directories exist (with @blocks)."""
        addr = scenario.add_dimm(self.m, dimm_id, DIMM, node=node, wait=False)
        bs = self.block_size()
        nrs = list(range(addr // bs, (addr + DIMM) // bs))
        if blocks:
            try:
                scenario.wait_until(
                    lambda: all(f"memory{n}" in names for names in
                                [self.run(f"ls {MEMDIR}")] for n in nrs),
                    f"blocks of {dimm_id}", timeout=60)
            except AssertionError:
                raise NotAvailable("device_add made no memory blocks")
        return nrs

    def set_state(self, nrs, state):
        """Write @state into the blocks @nrs in one loop; seconds taken."""
        out = self.run(f"hpbench {state} {nrs[0]} {nrs[-1]}", timeout=600)
        m = self._HPBENCH.search(out)
        if not m or m.group(3) != "0" or int(m.group(1)) != len(nrs):
            raise NotAvailable(f"hpbench {state} failed: {out.strip()}")
        return int(m.group(2)) / 1e6

    def fill(self, nbytes):
        """Start memfill holding @nbytes of anonymous memory."""
        out = self.run(f"hpfill {nbytes >> 20}", timeout=300)
        if "hpfill: ready" not in out:
            raise NotAvailable(f"memfill failed: {out.strip()}")

    def verify_fill(self):
        """Raise NotAvailable unless memfill finds its data intact."""
        out = self.run("hpfill verify", timeout=300)
        if "verify: OK" not in out:
            raise NotAvailable(f"memfill's data changed: {out.strip()}")

    def node_used_mib(self, node):
        """MemUsed of @node in MiB (None if the kernel does not say)."""
        out = self.run(f"cat /sys/devices/system/node/node{node}/meminfo")
        m = self._NODE_USED.search(out)
        return int(m.group(1)) / 1024 if m else None

    def memcpy_rate(self):
        """The guest's memcpy bandwidth in GiB/s (ubench memcpy)."""
        out = self.run(f"ubench memcpy {COPY_MIB} {COPY_REPS}", timeout=300)
        m = self._MEMCPY.search(out)
        if not m:
            raise NotAvailable(f"ubench memcpy failed: {out.strip()}")
        return int(m.group(1)) / 1024

    def memtotal_kb(self):
        # A kernel message may land in the middle of the output: look for
        # the figure anywhere, and ask again if the message broke it.
        for _ in range(3):
            m = self._MEMTOTAL.search(
                self.run('read -r a b c < /proc/meminfo; echo "memtotal $b"'))
            if m:
                return int(m.group(1))
        raise NotAvailable("no MemTotal line in /proc/meminfo")

    # /bin/hpwait polls /proc/meminfo (shell builtins, no fork) and says
    # when MemTotal has grown; the host takes the time that line arrives.
    def arm_wait(self, want):
        self.m.send(f"hpwait {want}")
        self.m.expect("hpwait: armed", timeout=30)

    def wait_memtotal(self, want, t0, timeout):
        try:
            self.m.expect("hpwait: MemTotal", timeout=timeout)
        except TimeoutError:
            raise NotAvailable(f"MemTotal below {want} kB {timeout} s "
                               f"after device_add")
        seen = time.monotonic()
        self.m.expect(self.prompt)
        return seen, 0.001      # hpwait's poll period


class LinuxGuest(Guest):
    name = "linux"

    def __init__(self, build, log_dir):
        super().__init__(build, log_dir)
        self.kernel, _ = linux_ref.prepare(os.path.join(build, "linux-ref"),
                                           user_programs(build))

    def cmdline(self, state):
        return f"console=ttyS0 loglevel=4 memhp_default_state={state}"

    # Linux keeps no record of how long stop_machine() stopped a CPU.
    def reset_longest_stop(self):
        pass

    def longest_stop_us(self):
        raise NotAvailable("Linux has no longest-stop counter")


class TideGuest(Guest):
    name = "tide"

    def __init__(self, build, log_dir, kernel=None):
        super().__init__(build, log_dir)
        self.kernel = kernel or os.path.join(build, "tide")

    def cmdline(self, state):
        return f"memhp_default_state={state}"

    STOP = "/sys/kernel/debug/stop_machine/longest_ns"

    def reset_longest_stop(self):
        self.run(f"echo 0 > {self.STOP}")

    def longest_stop_us(self):
        m = re.search(r"^(\d+)$", self.run(f"cat {self.STOP}"), re.M)
        if not m:
            raise NotAvailable(f"no figure in {self.STOP}")
        return int(m.group(1)) / 1000


def _throughput(guest, nrs, state):
    """Time @state written into every block of @nrs; GiB/s."""
    return len(nrs) * guest.block_size() / GIB / guest.set_state(nrs, state)


# The figures throughput() measures, in its order.
THROUGHPUT = ("online", "offline", "offline_used", "moved", "longest_stop",
              "memcpy", "offline_vs_memcpy", "dimm_used")


def throughput(guest):
    """Dict metric -> figure for THROUGHPUT: online, offline idle and
    offline half-full in GiB/s, the longest time a CPU stayed stopped
    during the half-full offline in us, the guest's memcpy bandwidth in
    GiB/s, the half-full offline rate as a fraction of it, the MiB node 1
    (the DIMM) held before that offline and those MiB divided by its time
    (GiB/s moved). A figure that cannot be
    had is the NotAvailable explaining why."""
    figures = {}
    m = guest.boot("offline", "throughput")
    with m:
        try:
            nrs = guest.add_dimm("bench0", node=1)
            on, off = [], []
            for _ in range(CYCLES):
                on.append(_throughput(guest, nrs, "online_movable"))
                off.append(_throughput(guest, nrs, "offline"))
            figures["online"] = statistics.median(on)
            figures["offline"] = statistics.median(off)
            guest.set_state(nrs, "online_movable")
            memcpy = guest.memcpy_rate()
            # The second DIMM is added before the fill (its memmap comes
            # from node 0's kernel memory) and onlined after it.
            spare = guest.add_dimm("bench1", node=0)
            guest.fill(FILL)
            guest.set_state(spare, "online_movable")
            used = guest.node_used_mib(1)
            guest.reset_longest_stop()
            rate = _throughput(guest, nrs, "offline")
            try:
                figures["longest_stop"] = guest.longest_stop_us()
            except NotAvailable as e:
                figures["longest_stop"] = e
            guest.verify_fill()
            figures["offline_used"] = rate
            if used is None:
                figures["dimm_used"] = NotAvailable("no node1/meminfo")
                figures["moved"] = figures["dimm_used"]
            else:
                figures["dimm_used"] = used
                figures["moved"] = used / 1024 * rate * GIB / DIMM
            figures["memcpy"] = memcpy
            figures["offline_vs_memcpy"] = rate / memcpy
        except Exception as e:
            if not isinstance(e, NotAvailable):
                e = NotAvailable(f"{type(e).__name__}: {e}")
            for k in THROUGHPUT:
                figures.setdefault(k, e)
    return figures


def latency(guest, runs=3):
    """Seconds from device_add to MemTotal grown by the DIMM (all of it,
    less 2 % for a memmap placed on the DIMM itself), and the uncertainty
    of that figure: the median of @runs DIMMs added one after the other in
    one boot."""
    m = guest.boot("online", "latency")
    figures = []
    with m:
        for i in range(runs):
            before = guest.memtotal_kb()
            want = before + (DIMM >> 10) * 98 // 100
            m.qmp.command("object-add", **{"qom-type": "memory-backend-ram",
                                           "id": f"mem-lat{i}", "size": DIMM})
            guest.arm_wait(want)
            t0 = time.monotonic()
            m.qmp.command("device_add", driver="pc-dimm", id=f"lat{i}",
                          memdev=f"mem-lat{i}", node=1)
            seen, error = guest.wait_memtotal(want, t0, timeout=60)
            figures.append((seen - t0, error))
    return sorted(figures)[len(figures) // 2]


# The rule of scripts/initramfs/etc/mdev-memory.conf.
MDEV_RULE = ("SUBSYSTEM=memory;memory[0-9]+ 0:0 0600 "
             "@echo online > /sys$DEVPATH/state")


def mdev_latency(guest, runs=3):
    """latency() with the blocks onlined by busybox `mdev -d` instead of
    the kernel: the path from the uevent to user space and back."""
    m = guest.boot("offline", "mdev")
    figures = []
    with m:
        guest.run(f"echo '{MDEV_RULE}' > /etc/mdev.conf; mdev -d")
        for i in range(runs):
            before = guest.memtotal_kb()
            want = before + (DIMM >> 10) * 98 // 100
            m.qmp.command("object-add", **{"qom-type": "memory-backend-ram",
                                           "id": f"mem-mdev{i}", "size": DIMM})
            guest.arm_wait(want)
            t0 = time.monotonic()
            m.qmp.command("device_add", driver="pc-dimm", id=f"mdev{i}",
                          memdev=f"mem-mdev{i}", node=1)
            seen, error = guest.wait_memtotal(want, t0, timeout=60)
            figures.append((seen - t0, error))
    return sorted(figures)[len(figures) // 2]


def measure(guest_cls, build, log_dir, **kw):
    """All figures of one kernel: dict metric -> value or NotAvailable.
    @kw go to the guest class (TideGuest takes kernel=)."""
    try:
        guest = guest_cls(build, log_dir, **kw)
    except (linux_ref.LinuxRefError, OSError) as e:
        e = NotAvailable(str(e))
        return {k: e for k in METRICS}
    try:
        out = throughput(guest)
    except Exception as e:
        e = NotAvailable(f"{type(e).__name__}: {e}")
        out = {k: e for k in THROUGHPUT}
    if "made no memory blocks" in str(out["online"]):
        out["latency"] = out["mdev_latency"] = out["online"]
        return out
    try:
        out["latency"] = latency(guest)
    except Exception as e:
        out["latency"] = NotAvailable(f"{type(e).__name__}: {e}")
    try:
        out["mdev_latency"] = mdev_latency(guest)
    except Exception as e:
        out["mdev_latency"] = NotAvailable(f"{type(e).__name__}: {e}")
    return out


# metric -> (label, unit, higher is better, target ratio Tide/Linux)
METRICS = {
    "online": ("online 4 GiB DIMM", "GiB/s", True, 2.0),
    "offline": ("offline 4 GiB DIMM, idle", "GiB/s", True, 2.0),
    "offline_used": ("offline 4 GiB DIMM, 2 GiB in use", "GiB/s", True, 2.0),
    "moved": ("  data on the DIMM / that time", "GiB/s", True, 2.0),
    "memcpy": ("guest memcpy bandwidth, same boot", "GiB/s", True, None),
    "offline_vs_memcpy": ("offline in use / memcpy bandwidth", "ratio",
                          True, None),
    "latency": ("device_add to MemTotal, auto-online", "ms", False, 0.5),
    "mdev_latency": ("device_add to MemTotal, onlined by mdev", "ms", False,
                     None),
    # Tide's own figure: no target ratio, Linux has no such counter.
    "longest_stop": ("longest CPU stop, offline in use", "us", False, None),
}


def _fmt(metric, value):
    if isinstance(value, Exception):
        return "n/a"
    if metric in ("latency", "mdev_latency"):
        return f"{value[0] * 1000:.0f} +/- {value[1] * 1000:.0f}"
    if metric == "offline_vs_memcpy":
        return f"{value:.3f}"
    return f"{value:.2f}"


def _num(metric, value):
    if isinstance(value, Exception):
        return None
    return value[0] if metric in ("latency", "mdev_latency") else value


def report(tide, linux, out):
    """Print the table and the n/a reasons to @out."""
    rows = [("metric", "unit", "Tide", "Linux", "Tide/Linux", "target")]
    for metric, (label, unit, higher, target) in METRICS.items():
        t, lx = _num(metric, tide[metric]), _num(metric, linux[metric])
        ratio = f"{t / lx:.2f}" if t and lx else "n/a"
        rows.append((label, unit, _fmt(metric, tide[metric]),
                     _fmt(metric, linux[metric]), ratio,
                     f"{'>=' if higher else '<='} {target}" if target
                     else "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip(),
              file=out)
    for who, figures in (("Tide", tide), ("Linux", linux)):
        used = figures.get("dimm_used")
        if not isinstance(used, Exception) and used is not None:
            print(f"  {who}: node 1 (the DIMM) held {used:.0f} MiB before "
                  f"the offline in use (memfill {FILL >> 20} MiB)", file=out)
    for who, figures in (("Tide", tide), ("Linux", linux)):
        seen = set()
        for metric, value in figures.items():
            if isinstance(value, Exception) and str(value) not in seen:
                seen.add(str(value))
                print(f"  {who} {metric}: n/a ({value})", file=out)
