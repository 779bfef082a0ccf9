# SPDX-License-Identifier: GPL-2.0
"""kobject uevents seen from user space, on a machine with DIMM slots
(node 0 with the CPUs and 512 MiB, memory-less node 1), hot-added memory
left offline (auto_online_blocks "offline"):

  user:uevent-helper    the uevent helper: a script set in
                        /sys/kernel/uevent_helper gets the subsystem as
                        argv[1] and the event's variables, HOME and PATH
                        in its environment; then busybox mdev as the
                        helper (/proc/sys/kernel/hotplug) with
                        /etc/mdev-memory.conf onlines a hot-added DIMM
                        (MemTotal grows by it); bad writes to uevent
                        files fail with EINVAL;
  user:uevent-netlink   tools/testing/uevent_listen on
                        NETLINK_KOBJECT_UEVENT: the events of a DIMM
                        plugged (and its container's "online"), its
                        blocks onlined and offlined, an event replayed
                        through a uevent file (plain and with a UUID and
                        arguments) and the DIMM unplugged,
                        each with Linux 6.12's variables in its order,
                        from the kernel (port 0), SEQNUM counting up to
                        /sys/kernel/uevent_seqnum;
  user:uevent-mdev      busybox `mdev -d` with /etc/mdev-memory.conf: a
                        DIMM plugged before it runs is onlined once `add`
                        is written to its blocks' uevent files
                        (coldplug), a DIMM plugged while it runs is
                        onlined by it; MemTotal grows by both.

JOBS is for the runner's list (tide_check.py's userland_jobs()).
"""

import re

import scenario
from scenario import MEMDIR, read, sh, wait_until

MIB = 1 << 20
DIMM = 256 * MIB
# What onlining DIMM adds to MemTotal: each 128 MiB block keeps 2 MiB for
# its own memmap (memory_hotplug.memmap_on_memory, on by default).
DIMM_ONLINE = DIMM - DIMM // (128 * MIB) * 2 * MIB
LOG = "/tmp/uevents.log"
HELPER_LOG = "/tmp/helper.log"
UUID = "0a1b2c3d-4e5f-6789-abcd-ef0123456789"
HELPER = ("#!/bin/sh\\n"
          "{ echo \"argc=$# argv1=$1\"; env | sort; echo helper-end; }"
          " >> %s\\n" % HELPER_LOG)
EVENT = re.compile(r"^uevent: (\S+) \(from (\d+)\)\n((?:  .*\n)*)uevent: end$",
                   re.M)
EINVAL_TEXT = "Invalid argument"


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def _mem_total_kb(m):
    found = re.search(r"^MemTotal:\s+(\d+) kB$", read(m, "/proc/meminfo"),
                      re.M)
    _check(found, "no MemTotal in /proc/meminfo")
    return int(found.group(1))


def _wait_mem_total(m, want_kb, what):
    wait_until(lambda: _mem_total_kb(m) >= want_kb, what, timeout=60)


def _blocks_of(addr, size=DIMM):
    return [scenario.block_of(a) for a in range(addr, addr + size,
                                                  scenario.BLOCK)]


def _plug(m, dimm_id, node):
    """A 256 MiB DIMM on @node; its blocks once they exist."""
    addr = scenario.add_dimm(m, dimm_id, DIMM, node=node)
    return _blocks_of(addr)


def _events(m):
    """The events uevent_listen wrote to LOG so far: (header, sender,
    [NAME=VALUE...]) each."""
    text = m.run(f"cat {LOG}", timeout=60)
    return [(h, int(pid), [v.strip() for v in body.splitlines()])
            for h, pid, body in EVENT.findall(text)]


def _write_fails(m, text, path):
    out = m.run(f"echo '{text}' > {path}")
    _check(EINVAL_TEXT in out, f"`echo '{text}' > {path}`: {out!r}, "
           f"want {EINVAL_TEXT}")


def _bad_writes(m, path):
    for text in ("bogus", "addx", "add 1234", f"add {UUID} K=", ""):
        _write_fails(m, text, path)


def helper_steps(m):
    _check(read(m, f"{MEMDIR}/auto_online_blocks") == "offline",
           "hot-added memory would be onlined by the kernel")
    _check(read(m, "/sys/kernel/uevent_helper") == "", "a helper is set")
    _check(read(m, "/proc/sys/kernel/hotplug") == "", "hotplug is set")
    sh(m, f"printf '{HELPER}' > /tmp/helper.sh; chmod +x /tmp/helper.sh")
    sh(m, "echo /tmp/helper.sh > /sys/kernel/uevent_helper")
    _check(read(m, "/proc/sys/kernel/hotplug") == "/tmp/helper.sh",
           "hotplug does not show the helper set in sysfs")
    sh(m, "echo change > /sys/devices/system/node/node0/uevent")
    seqnum = read(m, "/sys/kernel/uevent_seqnum")
    wait_until(lambda: "helper-end" in m.run(f"cat {HELPER_LOG}"),
               "the helper to run")
    env = read(m, HELPER_LOG).splitlines()
    for want in ("argc=1 argv1=node", "ACTION=change",
                 "DEVPATH=/devices/system/node/node0", "SUBSYSTEM=node",
                 "SYNTH_UUID=0", f"SEQNUM={seqnum}", "HOME=/",
                 "PATH=/sbin:/bin:/usr/sbin:/usr/bin"):
        _check(want in env, f"helper: no {want!r} in {env}")
    _bad_writes(m, "/sys/devices/system/node/node0/uevent")

    # busybox mdev as the helper, as on systems without a daemon.
    sh(m, "cp /etc/mdev-memory.conf /etc/mdev.conf")
    sh(m, "echo /sbin/mdev > /proc/sys/kernel/hotplug")
    _check(read(m, "/sys/kernel/uevent_helper") == "/sbin/mdev",
           "uevent_helper does not show the helper set in /proc")
    before = _mem_total_kb(m)
    names = _plug(m, "d1", node=1)
    _wait_mem_total(m, before + (DIMM_ONLINE >> 10), "mdev to online the DIMM")
    for b in names:
        _check(read(m, f"{MEMDIR}/{b}/state") == "online", f"{b} offline")
    sh(m, "echo > /sys/kernel/uevent_helper")
    _check(read(m, "/proc/sys/kernel/hotplug") == "", "helper not cleared")


CONTAINER = "PNP0A06:04"     # QEMU's MHPD, named as Linux names it


def _subsystem(name):
    if name == CONTAINER:
        return "container"
    return "node" if name.startswith("node") else "memory"


def _devpath(name):
    return f"/devices/system/{_subsystem(name)}/{name}"


def _vars(action, name, seq, *extra):
    subsystem = _subsystem(name)
    return [f"ACTION={action}", f"DEVPATH={_devpath(name)}",
            f"SUBSYSTEM={subsystem}", *extra, f"SEQNUM={seq}"]


def netlink_steps(m):
    m.run(f"uevent_listen > {LOG} 2>&1 &")
    wait_until(lambda: "uevent_listen: ready" in m.run(f"cat {LOG}"),
               "uevent_listen to bind")
    start = int(read(m, "/sys/kernel/uevent_seqnum"))
    names = _plug(m, "d1", node=1)
    b0, b1 = names
    sh(m, f"echo online_movable > {MEMDIR}/{b0}/state")
    sh(m, f"echo 0 > {MEMDIR}/{b0}/online")
    sh(m, f"echo add > {MEMDIR}/{b1}/uevent")
    sh(m, f"echo 'change {UUID} KEY=val X1=2' > {MEMDIR}/{b1}/uevent")
    _bad_writes(m, f"{MEMDIR}/{b1}/uevent")
    _check(read(m, f"{MEMDIR}/{b1}/uevent") == "",
           "a memory block's uevent file is not empty")
    sh(m, f"echo online > {MEMDIR}/{b1}/state")
    scenario.del_dimm(m, "d1")
    wait_until(lambda: b0 not in m.run(f"ls {MEMDIR}"), f"{b0} to go")
    end = int(read(m, "/sys/kernel/uevent_seqnum"))
    wait_until(lambda: f"SEQNUM={end}" in m.run(f"cat {LOG}"),
               "the last event to arrive")

    got = [(h, pid, v) for h, pid, v in _events(m)
           if any(f"SUBSYSTEM={sub}" in v
                   for sub in ("memory", "container", "node"))]
    s = start
    want = [
        # Node 1 had no memory: its device comes with the DIMM, as on
        # Linux.
        ("add", "node1", _vars("add", "node1", s + 1)),
        ("add", b0, _vars("add", b0, s + 2)),
        ("add", b1, _vars("add", b1, s + 3)),
        # QEMU's memory slots sit in container MHPD, which Linux's ACPI
        # rescan reports online once the new memory device is added.
        ("online", CONTAINER, _vars("online", CONTAINER, s + 4)),
        ("online", b0, _vars("online", b0, s + 5)),
        ("offline", b0, _vars("offline", b0, s + 6)),
        ("add", b1, _vars("add", b1, s + 7, "SYNTH_UUID=0")),
        ("change", b1, _vars("change", b1, s + 8, f"SYNTH_UUID={UUID}",
                             "SYNTH_ARG_KEY=val", "SYNTH_ARG_X1=2")),
        ("online", b1, _vars("online", b1, s + 9)),
        # The unplug: the ACPI eject offlines, then removes the blocks.
        ("offline", b1, _vars("offline", b1, s + 10)),
        ("remove", b0, _vars("remove", b0, s + 11)),
        ("remove", b1, _vars("remove", b1, s + 12)),
    ]
    _check(len(got) == len(want),
           f"{len(got)} memory, container and node events, want "
           f"{len(want)}: {[h for h, _, _ in got]}")
    for (header, pid, variables), (action, block, vals) in zip(got, want):
        _check(header == f"{action}@{_devpath(block)}",
               f"header {header!r}, want {action}@{_devpath(block)}")
        _check(pid == 0, f"{header}: sent from port {pid}, not the kernel")
        _check(variables == vals, f"{header}: {variables}, want {vals}")
    _check(end == s + 12, f"uevent_seqnum {end}, want {s + 12}")
    m.run("kill %1; wait")


def mdev_steps(m):
    before = _mem_total_kb(m)
    early = _plug(m, "d1", node=1)
    _check(read(m, f"{MEMDIR}/{early[0]}/state") == "offline",
           "a new block is online without mdev")
    sh(m, "cp /etc/mdev-memory.conf /etc/mdev.conf")
    sh(m, "mdev -d")
    wait_until(lambda: "mdev -d" in m.run("ps"), "mdev -d to run")
    # Its first scan reads /sys/dev/block and /sys/dev/char.
    _check("mdev: " not in m.output, "mdev -d complained")
    # Coldplug: replay the events of the blocks already there.
    m.run(f"for f in {MEMDIR}/memory*/uevent; do echo add > $f; done")
    _wait_mem_total(m, before + (DIMM_ONLINE >> 10), "mdev to online the 1st DIMM")
    later = _plug(m, "d2", node=0)
    _wait_mem_total(m, before + 2 * (DIMM_ONLINE >> 10),
                    "mdev to online the 2nd DIMM")
    for b in early + later:
        _check(read(m, f"{MEMDIR}/{b}/state") == "online", f"{b} offline")


def _job(name, steps):
    def job(ctx, outcome):
        import userland   # the user-space boots' helpers (userland.py)

        memory = "512M,slots=8,maxmem=8G"
        sc = scenario.Scenario("user", None, memory=memory)
        return userland._user_job(ctx, outcome, name, steps, memory=memory,
                                  extra_args=tuple(scenario.machine_args(sc)))
    return job


JOBS = (
    ("user:uevent-helper", _job("user:uevent-helper", helper_steps)),
    ("user:uevent-netlink", _job("user:uevent-netlink", netlink_steps)),
    ("user:uevent-mdev", _job("user:uevent-mdev", mdev_steps)),
)


if __name__ == "__main__":
    raise SystemExit("run through tide_check.py: "
                     "make check CHECKARGS='-k user:uevent'")
