# SPDX-License-Identifier: GPL-2.0
"""Memory hotplug figures of `make bench`, for Tide and for Linux 6.12.

The same steps run on both kernels, on the same QEMU machine (-M pc, two
CPUs and 512 MiB on node 0, a memory-less node 1, eight DIMM slots):

  boot with memhp_default_state=offline
  (a) device_add a 4 GiB DIMM on node 1; time onlining its 32 blocks
      (online_movable, one state write per block);
  (b) time offlining them, idle; (a) and (b) three times, medians kept;
  (c) online them again, fill 2 GiB of the DIMM with movable data (Linux:
      a tmpfs file with mpol=bind:1; Tide: the movable test driver),
      device_add a second 4 GiB DIMM on node 0 and online it (room for
      the data), then time offlining the first DIMM's 32 blocks;
  boot again with memhp_default_state=online
  (d) time from device_add of a 4 GiB DIMM until MemTotal has grown by
      it (median of three DIMMs added one after the other).

The timed loops of (a)-(c) run in the guest: Linux's busybox shell runs
all writes in one loop between two clock readings (/bin/hpbench of the
initramfs); Tide's shell has no loop, so each write is its own
`time echo STATE > FILE` command, timed by the kernel, and the times are
added up. Both include opening, writing and closing each state file.
(d) is timed by the host: Linux's shell polls MemTotal every millisecond
and prints a line the host waits for; Tide's has no loop, so the host
polls `free -k` and splits the difference between polls.
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


class NotAvailable(Exception):
    """A figure cannot be measured on this kernel; the message says why."""


class Guest:
    """What the steps need from a kernel: subclasses for Tide and Linux."""

    name = "?"
    prompt = "# "

    def __init__(self, build, log_dir):
        self.build = build
        self.log_dir = log_dir
        self.m = None

    def boot(self, state, tag):
        sc = scenario.Scenario(f"bench:{self.name}", None, memory=MEMORY)
        log = os.path.join(self.log_dir, f"{self.name}-{tag}.log")
        self.m = qemu.Machine(self.kernel, memory=MEMORY,
                              cmdline=self.cmdline(state),
                              extra_args=scenario.machine_args(sc),
                              log_path=log, timeout=600.0,
                              prompt=self.prompt, initrd=self.initrd)
        try:
            self.wait_prompt()
        except Exception:
            self.m.kill()
            raise
        return self.m

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


class LinuxGuest(Guest):
    name = "linux"
    prompt = linux_ref.PROMPT
    _HPBENCH = re.compile(r"hpbench: (\d+) blocks, (-?\d+) us, status (\d+)")
    _MEMTOTAL = re.compile(r"memtotal (\d+)")

    def __init__(self, build, log_dir):
        super().__init__(build, log_dir)
        self.kernel, self.initrd = linux_ref.prepare(
            os.path.join(build, "linux-ref"))

    def cmdline(self, state):
        return f"console=ttyS0 loglevel=4 memhp_default_state={state}"

    def wait_prompt(self):
        self.m.expect(linux_ref.READY, timeout=180)
        self.m.expect(self.prompt, timeout=30)

    def set_state(self, nrs, state):
        out = self.run(f"hpbench {state} {nrs[0]} {nrs[-1]}", timeout=600)
        m = self._HPBENCH.search(out)
        if not m or m.group(3) != "0" or int(m.group(1)) != len(nrs):
            raise NotAvailable(f"hpbench {state} failed: {out.strip()}")
        return int(m.group(2)) / 1e6

    def fill(self, node, nbytes):
        out = self.run(f"mount -t tmpfs -o size={nbytes + GIB},mpol=bind:{node}"
                       f" fill /mnt && dd if=/dev/zero of=/mnt/fill bs=1M "
                       f"count={nbytes >> 20} && echo fill-ok", timeout=300)
        if "fill-ok\n" not in out:
            raise NotAvailable(f"fill failed: {out.strip()}")

    # Linux keeps no record of how long stop_machine() stopped a CPU.
    def reset_longest_stop(self):
        pass

    def longest_stop_us(self):
        raise NotAvailable("Linux has no longest-stop counter")

    def memtotal_kb(self):
        out = self.run('read -r a b c < /proc/meminfo; echo "memtotal $b"')
        return int(self._MEMTOTAL.search(out).group(1))

    # /bin/hpwait spins on /proc/meminfo (shell builtins, no fork) and
    # says when MemTotal has grown; the host takes the time that line
    # arrives.
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


class TideGuest(Guest):
    name = "tide"
    prompt = qemu.Machine.PROMPT
    initrd = None
    _TIME = re.compile(r"^real (\d+) us$", re.M)
    _FREE = re.compile(r"Mem:\s+(\d+)")

    def __init__(self, build, log_dir, kernel=None):
        super().__init__(build, log_dir)
        self.kernel = kernel or os.path.join(build, "tide")

    def cmdline(self, state):
        return f"memhp_default_state={state}"

    def wait_prompt(self):
        self.m.expect(self.prompt, timeout=120)

    def set_state(self, nrs, state):
        total = 0
        for n in nrs:
            out = self.run(f"time echo {state} > {MEMDIR}/memory{n}/state",
                           timeout=300)
            if "command not found" in out:
                raise NotAvailable("the shell has no `time` command")
            m = self._TIME.search(out)
            status = self.run("echo $?").strip().splitlines()
            if not m or not status or status[-1] != "0":
                raise NotAvailable(f"{state} of memory{n} failed: "
                                   f"{out.strip()}")
            total += int(m.group(1))
        return total / 1e6

    def fill(self, node, nbytes):
        f = "/sys/kernel/debug/tide_movable/fill"
        out = self.run(f"echo {nbytes >> 12} {node} > {f}", timeout=300)
        status = self.run("echo $?").strip().splitlines()
        if not status or status[-1] != "0":
            raise NotAvailable(f"movable test driver fill on node {node} "
                               f"failed: {out.strip()}")

    STOP = "/sys/kernel/debug/stop_machine/longest_ns"

    def reset_longest_stop(self):
        self.run(f"echo 0 > {self.STOP}")

    def longest_stop_us(self):
        m = re.search(r"^(\d+)$", self.run(f"cat {self.STOP}"), re.M)
        if not m:
            raise NotAvailable(f"no figure in {self.STOP}")
        return int(m.group(1)) / 1000

    def memtotal_kb(self):
        # A kernel message (the driver's "added" line) may land in the
        # middle of the output: look for the figure anywhere, and ask
        # again if the message broke it.
        for _ in range(3):
            m = self._FREE.search(self.run("free -k"))
            if m:
                return int(m.group(1))
        raise NotAvailable("no Mem: line in `free -k`")

    # No loops in Tide's shell: the host polls `free -k`.
    def arm_wait(self, want):
        pass

    def wait_memtotal(self, want, t0, timeout):
        return _host_poll(self, want, t0, timeout)


def _throughput(guest, nrs, state):
    """Time @state written into every block of @nrs; GiB/s."""
    return len(nrs) * guest.block_size() / GIB / guest.set_state(nrs, state)


def throughput(guest):
    """(online, offline idle, offline half-full) in GiB/s, and the longest
    time a CPU stayed stopped during the half-full offline in us; a figure
    that cannot be had is the NotAvailable explaining why."""
    figures = [None, None, None, None]
    m = guest.boot("offline", "throughput")
    with m:
        try:
            nrs = guest.add_dimm("bench0", node=1)
            on, off = [], []
            for _ in range(CYCLES):
                on.append(_throughput(guest, nrs, "online_movable"))
                off.append(_throughput(guest, nrs, "offline"))
            figures[0] = statistics.median(on)
            figures[1] = statistics.median(off)
            guest.set_state(nrs, "online_movable")
            guest.fill(1, FILL)
            spare = guest.add_dimm("bench1", node=0)
            guest.set_state(spare, "online_movable")
            guest.reset_longest_stop()
            figures[2] = _throughput(guest, nrs, "offline")
            figures[3] = guest.longest_stop_us()
        except Exception as e:
            if not isinstance(e, NotAvailable):
                e = NotAvailable(f"{type(e).__name__}: {e}")
            figures = [e if f is None else f for f in figures]
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


def _host_poll(guest, want, t0, timeout):
    """Poll MemTotal from the host until it reaches @want kB. Return the
    estimated moment it did (between the readings of the last poll that
    saw less and the first that saw enough; a reading is taken to happen
    halfway through its poll's round trip) and half that interval."""
    last_old = t0
    while True:
        s = time.monotonic()
        kb = guest.memtotal_kb()
        r = time.monotonic()
        if kb >= want:
            hi = (s + r) / 2
            return (last_old + hi) / 2, (hi - last_old) / 2
        last_old = (s + r) / 2
        if r - t0 > timeout:
            raise NotAvailable(f"MemTotal {kb} kB {timeout} s after "
                               f"device_add, not {want} kB")


def measure(guest_cls, build, log_dir, **kw):
    """All figures of one kernel: dict metric -> value or NotAvailable.
    @kw go to the guest class (TideGuest takes kernel=)."""
    try:
        guest = guest_cls(build, log_dir, **kw)
    except (linux_ref.LinuxRefError, OSError) as e:
        e = NotAvailable(str(e))
        return {k: e for k in METRICS}
    out = {}
    try:
        on, off, off_used, stop = throughput(guest)
    except Exception as e:
        on = off = off_used = stop = NotAvailable(f"{type(e).__name__}: {e}")
    out.update(online=on, offline=off, offline_used=off_used,
               longest_stop=stop)
    if "made no memory blocks" in str(on):
        out["latency"] = on
        return out
    try:
        out["latency"] = latency(guest)
    except Exception as e:
        out["latency"] = NotAvailable(f"{type(e).__name__}: {e}")
    return out


# metric -> (label, unit, higher is better, target ratio Tide/Linux)
METRICS = {
    "online": ("online 4 GiB DIMM", "GiB/s", True, 2.0),
    "offline": ("offline 4 GiB DIMM, idle", "GiB/s", True, 2.0),
    "offline_used": ("offline 4 GiB DIMM, 2 GiB in use", "GiB/s", True, 2.0),
    "latency": ("device_add to MemTotal, auto-online", "ms", False, 0.5),
    # Tide's own figure: no target ratio, Linux has no such counter.
    "longest_stop": ("longest CPU stop, offline in use", "us", False, None),
}


def _fmt(metric, value):
    if isinstance(value, Exception):
        return "n/a"
    if metric == "latency":
        return f"{value[0] * 1000:.0f} +/- {value[1] * 1000:.0f}"
    return f"{value:.2f}"


def _num(metric, value):
    if isinstance(value, Exception):
        return None
    return value[0] if metric == "latency" else value


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
        seen = set()
        for metric, value in figures.items():
            if isinstance(value, Exception) and str(value) not in seen:
                seen.add(str(value))
                print(f"  {who} {metric}: n/a ({value})", file=out)
