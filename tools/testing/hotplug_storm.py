# SPDX-License-Identifier: GPL-2.0
"""The hotplug storm: everything that changes memory at once.

The guest's storm driver (mm/hotplug_storm.c, files in
/sys/kernel/debug/hotplug_storm/) runs kernel threads for STORM_SECONDS
that read every file of /sys/devices/system/memory and .../node, write
random states to hot-added blocks' state and online files, set
auto_online_blocks, probe blocks at 32 GiB and toggle the memory
notifier's error injector. Meanwhile the host plugs and unplugs 128 MiB
and 1 GiB DIMMs on node 1 over QMP, and ejects the DIMM holding
checksummed test pages. The shell stays free (the storm is in kernel
threads), so the host polls the storm's status while it runs.

Passing means: the storm ends in time (no deadlock) with no errno Linux
does not give for the file written; the test pages read back intact; the
driver's check finds every zone's present pages equal to its boot pages
plus its online hot-added blocks, managed <= present, free <= managed;
MemTotal is the boot total plus the online hot-added blocks, before and
after the last DIMMs are removed; and no Oops, WARNING or panic.
"""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario import (BLOCK, MEMDIR, Scenario, add_dimm, block_of,  # noqa: E402
                      blocks, dimm_info, read, sh, wait_until)
import qmp as qmp_mod  # noqa: E402

MIB = 1 << 20
GIB = 1 << 30
PAGE = 4096
STORM = "/sys/kernel/debug/hotplug_storm"
MOVABLE = "/sys/kernel/debug/tide_movable"

# Seconds the storm runs; the whole scenario takes about twice that
# plus the boot under TCG on an idle host.
STORM_SECONDS = 25
# How long after its end the storm may take to stop (one slow offline
# under TCG), and how long the shell may take to answer during it.
STOP_GRACE = 30.0
SHELL_BOUND = 20.0
# Test pages: more than one 128 MiB block of the filled DIMM holds, so
# that some land on node 0 too.
FILL_PAGES = 40960
# Blocks the storm driver probes (STORM_PROBE_BASE, STORM_PROBE_BLOCKS):
# no RAM behind them, never onlined.
PROBE_FIRST = (32 << 30) // BLOCK
PROBE_BLOCKS = 2

# A file name the storm's readers leave alone (the driver's skip file),
# besides the scenario's own: to see which file a deadlock needs, run e.g.
# TIDE_STORM_SKIP=state tools/testing/scenario.py -k hotplug:storm.
STORM_SKIP = os.environ.get("TIDE_STORM_SKIP", "")


def mem_total(m):
    """totalram in bytes, as `free -b` shows it."""
    out = m.run("free -b")
    row = re.search(r"^Mem:\s+(\d+)", out, re.M)
    if not row:
        raise AssertionError(f"no Mem: row in `free -b`: {out!r}")
    return int(row.group(1))


def hot_blocks(m, first_hot):
    """{memoryN: state} of the hot-added blocks, probed ones apart."""
    out = {}
    for blk in blocks(m):
        n = int(blk[6:])
        if first_hot <= n < PROBE_FIRST:
            out[blk] = read(m, f"{blk}/state")
    return out


def status(m):
    """The storm's status file, from its "running"/"done" line on (a
    console message may come before it)."""
    out = sh(m, f"cat {STORM}/status", timeout=SHELL_BOUND)
    first = re.search(r"^(idle|running|done)$", out, re.M)
    if not first:
        raise AssertionError(f"no state line in the storm's status: {out!r}")
    return out[first.start():]


SLOTS = 8               # the machine's DIMM slots (Scenario.memory)
RETRY_DEL = 2.0         # seconds between device_dels of a refused DIMM


class Host:
    """The host's half of the storm: DIMMs in and out over QMP.

    A DIMM whose device_del the guest refused (the injector vetoed the
    offline) or has not finished is "pending": device_del is sent again
    now and then (QEMU rejects it while the last one is in progress) and
    its backend goes once QEMU has dropped it. The others take turns.
    """

    def __init__(self, m):
        self.m = m
        self.plugged = []       # DIMMs in QEMU with no device_del pending
        self.pending = {}       # id -> when device_del was last sent
        self.next = 0
        self.last = None        # the last QMP step, for a hang's report
        self.ops = {"add": 0, "add-failed": 0, "del": 0, "deleted": 0,
                    "del-refused": 0, "del-rejected": 0}

    def add(self):
        i = self.next
        self.next += 1
        dimm_id = f"s{i}"
        size = GIB if i % 3 == 2 else 128 * MIB
        self.ops["add"] += 1
        self.last = f"device_add {dimm_id} {size >> 20} MiB"
        try:
            add_dimm(self.m, dimm_id, size, node=1, wait=False)
        except qmp_mod.QMPError:
            self.ops["add-failed"] += 1
            try:
                self.m.qmp.command("object-del", id=f"mem-{dimm_id}")
            except qmp_mod.QMPError:
                pass
            return
        self.plugged.append(dimm_id)

    def _send_del(self, dimm_id):
        self.ops["del"] += 1
        self.last = f"device_del {dimm_id}"
        self.pending[dimm_id] = time.monotonic()
        if dimm_id in self.plugged:
            self.plugged.remove(dimm_id)
        try:
            self.m.qmp.command("device_del", id=dimm_id)
        except qmp_mod.QMPError:
            self.ops["del-rejected"] += 1

    def _reap(self, dimm_id):
        """If QEMU dropped @dimm_id, drop its backend; True if it did."""
        if dimm_info(self.m, dimm_id) is not None:
            return False
        self.m.qmp.command("object-del", id=f"mem-{dimm_id}")
        self.pending.pop(dimm_id, None)
        self.ops["deleted"] += 1
        return True

    def delete(self, dimm_id, timeout):
        """device_del @dimm_id; True once QEMU dropped it (within
        @timeout s), else it stays pending."""
        self._send_del(dimm_id)
        try:
            self.m.qmp.wait_event("DEVICE_DELETED", timeout,
                                  match=lambda d: d.get("device") == dimm_id)
        except TimeoutError:
            self.ops["del-refused"] += 1
            return False
        return self._reap(dimm_id)

    def tend(self):
        """Reap the pending DIMMs QEMU dropped; ask again for the others."""
        for dimm_id, sent in list(self.pending.items()):
            if not self._reap(dimm_id) and \
                    time.monotonic() - sent > RETRY_DEL:
                self._send_del(dimm_id)

    def room(self):
        return len(self.plugged) + len(self.pending) < SLOTS

    def remove_all(self, timeout=60.0):
        """Unplug every DIMM left; AssertionError if one stays."""
        for dimm_id in list(self.plugged):
            self._send_del(dimm_id)
        end = time.monotonic() + timeout
        while self.pending:
            for dimm_id in list(self.pending):
                self._reap(dimm_id)
            if time.monotonic() > end:
                raise AssertionError(
                    f"DIMMs {sorted(self.pending)} not removed {timeout} s "
                    f"after the storm; {evidence(self.m, self)}")
            self.tend()
            time.sleep(0.5)


def start_filled_dimm(m):
    """A 1 GiB DIMM on node 1 with FILL_PAGES test pages: its first block
    online movable when they are allocated (the rest go to node 0), then
    its other blocks online too."""
    addr = add_dimm(m, "f0", GIB, node=1)
    names = [block_of(a) for a in range(addr, addr + GIB, BLOCK)]
    sh(m, f"echo online_movable > {names[0]}/state")
    sh(m, f"echo {FILL_PAGES} 1 > {MOVABLE}/fill")
    for i, blk in enumerate(names[1:]):
        sh(m, f"echo {'online' if i % 2 else 'online_movable'} > "
              f"{blk}/state")
    got = read(m, f"{MOVABLE}/verify")
    if got != f"{FILL_PAGES} pages, 0 bad":
        raise AssertionError(f"verify before the storm: {got!r}")


def run_host_side(m, host, end):
    """Plug and unplug until @end; eject f0 halfway. Poll the guest's
    status between steps, and its check every third time: the shell must
    answer within SHELL_BOUND."""
    f0_at = time.monotonic() + STORM_SECONDS / 2
    polls = 0
    st = None
    while time.monotonic() < end:
        host.tend()
        if "f0" in host.plugged and time.monotonic() > f0_at:
            host.delete("f0", timeout=5.0)
        storm_dimms = [d for d in host.plugged if d != "f0"]
        if len(storm_dimms) < 2 and host.room():
            host.add()
        elif storm_dimms:
            host.delete(storm_dimms[0], timeout=3.0)
        try:
            st = status(m)
            if polls % 3 == 2:
                # Under get_online_mems() the counters agree at any time.
                check = sh(m, f"cat {STORM}/check", timeout=SHELL_BOUND)
                if not re.search(r"^0 mismatches$", check, re.M):
                    raise AssertionError(f"{STORM}/check during the storm:"
                                         f"\n{check}")
        except TimeoutError:
            raise AssertionError(f"the shell did not answer `cat status` "
                                 f"or `cat check` within {SHELL_BOUND} s "
                                 f"during the storm; "
                                 f"{evidence(m, host)}\nlast status:\n{st}")
        polls += 1
    return polls


def evidence(m, host):
    """What the host knows of a hang: its own steps and QEMU's _OST."""
    try:
        ost = m.qmp.command("query-acpi-ospm-status")
    except Exception as e:      # noqa: BLE001 - evidence, never a failure
        ost = f"({e})"
    return (f"host: {host.ops}, DIMMs {host.plugged}, pending "
            f"{sorted(host.pending)}, last {host.last}\n_OST: {ost}")


def wait_storm_done(m, host):
    """Stop the storm (the guest's clock may run slow under a loaded TCG:
    the host's decides) and wait for "done"; on a hang, fail with the
    threads' current ops."""
    sh(m, f"echo 0 > {STORM}/run", timeout=SHELL_BOUND)
    end = time.monotonic() + STOP_GRACE
    while True:
        try:
            st = status(m)
        except TimeoutError:
            raise AssertionError("deadlock: the shell no longer answers "
                                 f"`cat status`; {evidence(m, host)}")
        if st.lstrip().startswith("done"):
            return st
        if time.monotonic() > end:
            tail = sh(m, "dmesg", timeout=SHELL_BOUND).splitlines()[-30:]
            raise AssertionError(
                f"deadlock: the storm did not stop {STOP_GRACE} s after its "
                f"end; status:\n{st}\n{evidence(m, host)}\ndmesg:\n" +
                "\n".join(tail))
        time.sleep(1.0)


def expect_consistent(m, when):
    """The driver's consistency check finds nothing and the test pages
    read back intact."""
    check = read(m, f"{STORM}/check")
    if not check.endswith("0 mismatches"):
        raise AssertionError(f"{STORM}/check {when}:\n{check}")
    got = read(m, f"{MOVABLE}/verify")
    if got != f"{FILL_PAGES} pages, 0 bad":
        raise AssertionError(f"test pages {when}: {got!r}")


def make_storm(skip):
    """The storm, its readers leaving files named @skip alone ("": none)."""
    def fn(m):
        storm(m, skip or STORM_SKIP)
    return fn


def storm(m, skip):
    sh(m, f"cd {MEMDIR}")
    if read(m, "auto_online_blocks") != "offline":
        raise AssertionError("auto_online_blocks is not offline at boot")
    total0 = mem_total(m)
    first_hot = max(int(b[6:]) for b in blocks(m)) + 1
    start_filled_dimm(m)
    host = Host(m)
    host.plugged.append("f0")

    t0 = time.monotonic()
    if skip:
        sh(m, f"echo {skip} > {STORM}/skip")
    sh(m, f"echo {STORM_SECONDS} > {STORM}/run")
    polls = run_host_side(m, host, t0 + STORM_SECONDS)
    st = wait_storm_done(m, host)
    took = time.monotonic() - t0
    print(f"hotplug:storm: {took:.1f} s, host {host.ops}, {polls} polls\n"
          + st, file=sys.stderr)
    unexpected = re.search(r"^unexpected: (\d+)", st, re.M)
    if not unexpected or unexpected.group(1) != "0":
        bad = [ln for ln in sh(m, "dmesg").splitlines()
               if "hotplug_storm:" in ln and "unexpected" in ln]
        raise AssertionError("unexpected errnos in the storm:\n" +
                             "\n".join(bad[-20:]) + "\n" + st)
    for kind in ("read", "state", "online", "probe", "auto_online",
                 "inject"):
        row = re.search(rf"^{kind}\s+ops (\d+) ok (\d+)", st, re.M)
        if not row or int(row.group(1)) == 0:
            raise AssertionError(f"the storm did no {kind} operation:\n{st}")
    if host.ops["deleted"] == 0 or host.ops["add"] - host.ops["add-failed"] < 2:
        raise AssertionError(f"the host hardly stormed: {host.ops}")

    # Quiet now: the injector is back at 0, auto-online at offline.
    if read(m, "auto_online_blocks") != "offline":
        raise AssertionError("auto_online_blocks not offline after the storm")
    for act in ("MEM_GOING_ONLINE", "MEM_GOING_OFFLINE"):
        got = read(m, "/sys/kernel/debug/notifier-error-inject/memory/"
                      f"actions/{act}/error")
        if got != "0":
            raise AssertionError(f"{act} injection left at {got}")
    expect_consistent(m, "after the storm")

    states = hot_blocks(m, first_hot)
    online = sum(1 for s in states.values() if s == "online")
    # each block keeps 2 MiB for its own memmap (memmap_on_memory)
    want = total0 + online * (BLOCK - (2 << 20))
    if mem_total(m) != want:
        raise AssertionError(f"MemTotal {mem_total(m)} != boot {total0} + "
                             f"{online} online blocks: {states}")

    # Take out every DIMM left: the eject offlines what is online.
    host.remove_all()
    wait_until(lambda: not hot_blocks(m, first_hot),
               "the hot-added blocks to go", timeout=30)
    if mem_total(m) != total0:
        raise AssertionError(f"MemTotal {mem_total(m)} != {total0} with "
                             "every DIMM removed")
    expect_consistent(m, "after removal")
    sh(m, f"echo 1 > {MOVABLE}/free")
    for n in range(PROBE_FIRST, PROBE_FIRST + PROBE_BLOCKS):
        blk = f"memory{n}"
        if blk in blocks(m) and read(m, f"{blk}/state") != "offline":
            raise AssertionError(f"probed {blk} is online")


# loglevel=5: the injector's and the online path's info lines would fill
# the serial console, whose output under TCG costs milliseconds a
# character, and hold up the shell; warnings (and so "WARNING:") and
# errors still reach it.
_STORM = Scenario("hotplug:storm", make_storm(""), cmdline="loglevel=5",
                  smp=4, timeout=240.0)
SCENARIOS = [_STORM]
