# SPDX-License-Identifier: GPL-2.0
"""NUMA policy from user space: numactl and tools/testing/numatest.

  user:numa   one boot on two nodes (node 0 with the CPUs and 512 MiB,
              node 1 memory-less), as scenario.py's machines:
              `numactl --hardware` as Linux 6.12 prints it for the same
              machine (sizes and free memory aside), before and after a
              128 MiB DIMM on node 1 is plugged and onlined; the node
              sets under /sys/devices/system/node; numatest's bad
              arguments with Linux's errno values; move_pages' status
              per page, mbind MPOL_MF_MOVE/STRICT, migrate_pages,
              interleaving and fork with Linux's results; `numactl
              --membind=1` (and --membind=0, --interleave, --preferred)
              placing numatest's pages, and memfill's, where Linux
              does; `numactl --show` and /proc/self/status's
              Mems_allowed_list (libnuma's node set); sched_setaffinity
              through --physcpubind.

The expected texts below were recorded from Debian's Linux 6.12 booted on
the same QEMU machine with the same initramfs. JOBS is for the runner's
list (tide_check.py's userland_jobs()).
"""

import re

import scenario
from scenario import MEMDIR, add_dimm, block_of, read, sh, wait_until

MIB = 1 << 20
NODEDIR = "/sys/devices/system/node"

HARDWARE_ONE = """\
available: 1 nodes (0)
node 0 cpus: 0 1
node 0 size: N MB
node 0 free: N MB
node distances:
node   0
  0:  10
"""

HARDWARE_TWO = """\
available: 2 nodes (0-1)
node 0 cpus: 0 1
node 0 size: N MB
node 0 free: N MB
node 1 cpus:
node 1 size: N MB
node 1 free: N MB
node distances:
node   0   1
  0:  10  20
  1:  20  10
"""

ERRNO_TWO_NODES = """\
set-mode-7: EINVAL
set-mode-neg: EINVAL
set-bind-empty: EINVAL
set-bind-maxnode1: EINVAL
set-static-relative: EINVAL
set-default-mask: EINVAL
set-local-mask: EINVAL
set-preferred-empty-static: EINVAL
set-interleave-balancing: EINVAL
set-bind-node5: EINVAL
set-mask-efault: EFAULT
set-maxnode-huge: EINVAL
set-bit-1088: EINVAL
set-bit-192: 0
set-preferred-many: 0
set-weighted: 0
set-bind-balancing: 0
set-default: EINVAL
get-flags-8: EINVAL
get-mems-node: EINVAL
get-addr-no-flag: EINVAL
get-addr-unmapped: EFAULT
get-maxnode-1: EINVAL
get-node-default: EINVAL
get-policy-efault: EFAULT
get-mask-efault: EFAULT
get-mems-allowed: 0
mems-allowed: 3
mbind-unaligned: EINVAL
mbind-flags-lazy: EINVAL
mbind-len0-node5: 0
mbind-hole: EFAULT
mbind-hole-default: EFAULT
mbind-wrap: EINVAL
mbind-ok: 0
get-addr-bind: 0
addr-policy: 2 mask 1
mbind-default: 0
get-addr-default: 0
addr-policy: 0
move-flags: EINVAL
move-pid: ESRCH
move-node5: ENODEV
move-node-neg: ENODEV
move-pages-efault: EFAULT
move-status-efault: EFAULT
migrate-pid: ESRCH
migrate-to-node5: EINVAL
migrate-efault: EFAULT
errno: 46 cases
"""

MOVE = """\
move_pages: 0 status 1 1 0 ENOENT EFAULT
query: 0 status 1 1 0 ENOENT EFAULT
mbind-strict: EIO
mbind-move: 0
after-mbind-0: 000
mbind-move-1: 0
after-mbind-1: 111
fault-under-bind-1: 1110
migrate-1-to-0: 0
after-migrate: 0000
mbind-interleave: 0
interleave: alternates
fork-policy: inherited
move: done
"""
SHOW_INTERLEAVE = """\
policy: interleave
preferred node: 0 (interleave next)
interleavemask: 0 1
interleavenode: 0
physcpubind: 0 1
cpubind: 0
nodebind: 0
membind: 0 1
preferred: 0 1
"""


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def _lines(text):
    """@text's lines, right-stripped, without empty ones at the ends."""
    return [line.rstrip() for line in text.strip("\n").splitlines()]


def _hardware(m):
    """`numactl --hardware` with the sizes replaced by N."""
    out = m.run("numactl --hardware")
    return _lines(re.sub(r"(size|free): \d+ MB", r"\1: N MB", out))


def _same(got, want, what):
    got, want = _lines(got), _lines(want)
    if got != want:
        diff = [f"-{w!r} +{g!r}" for g, w in zip(got + [""] * len(want),
                                              want + [""] * len(got))
                if g != w]
        raise AssertionError(f"{what}: differs from Linux: {diff[:4]}")


def _node_used_kb(m, nid):
    out = read(m, f"{NODEDIR}/node{nid}/meminfo")
    found = re.search(r"MemUsed:\s+(\d+) kB", out)
    _check(found, f"node{nid}/meminfo: {out[:120]!r}")
    return int(found.group(1))


def _errno_one_node():
    """Before the DIMM only node 0 has memory: MPOL_F_MEMS_ALLOWED is 1."""
    return ERRNO_TWO_NODES.replace("mems-allowed: 3", "mems-allowed: 1")


def _placement(m):
    for cmd, want in (
            ("numactl --membind=1 numatest where 8", "where: 0=0 1=2048"),
            ("numactl --membind=0 numatest where 8", "where: 0=2048 1=0"),
            ("numactl --interleave=0,1 numatest where 8",
             "where: 0=1024 1=1024"),
            ("numactl --preferred=1 numatest where 8", "where: 0=0 1=2048"),
            ("numactl --membind=1 numatest policy", "policy: 2 mask 2"),
            ("numatest policy", "policy: 0 mask 0")):
        out = m.run(cmd, timeout=120)
        _check(want in out, f"`{cmd}`: {out.strip()!r}, want {want!r}")


def _memfill_on_node1(m):
    """memfill's 64 MiB under --membind=1 land on node 1, not node 0."""
    used0, used1 = _node_used_kb(m, 0), _node_used_kb(m, 1)
    m.run("numactl --membind=1 memfill 64 &")
    wait_until(lambda: "memfill: ready" in m.output, "memfill: ready",
               timeout=120)
    m.run("")
    grew0 = _node_used_kb(m, 0) - used0
    grew1 = _node_used_kb(m, 1) - used1
    m.run("kill %1; wait", timeout=60)
    _check(grew1 >= 64 * 1024, f"node 1 grew by {grew1} kB, want 65536")
    _check(grew0 < 16 * 1024, f"node 0 grew by {grew0} kB under --membind=1")


def numa_steps(m):
    _check(_hardware(m) == _lines(HARDWARE_ONE),
           f"numactl --hardware, one node: {_hardware(m)}")
    _same(m.run("numatest errno"), _errno_one_node(), "numatest errno")
    _check(read(m, f"{NODEDIR}/possible") == "0-1", "node/possible")
    # libnuma's node set comes from Mems_allowed: only node 0 has memory.
    out = m.run("numactl --show")
    _check("membind: 0 \n" in out.replace("\r", ""), f"--show: {out!r}")
    out = m.run("grep Mems_allowed_list /proc/self/status")
    _check("Mems_allowed_list:\t0\n" in out, f"status: {out!r}")
    _check(read(m, f"{NODEDIR}/online") == "0", "node/online before")

    addr = add_dimm(m, "d1", 128 * MIB, node=1)
    block = block_of(addr)
    if read(m, f"{MEMDIR}/{block}/state") == "offline":
        sh(m, f"echo online > {MEMDIR}/{block}/state")
    for name, want in (("online", "0-1"), ("has_memory", "0-1"),
                       ("has_cpu", "0"), ("possible", "0-1")):
        got = read(m, f"{NODEDIR}/{name}")
        _check(got == want, f"node/{name}: {got!r}, want {want!r}")
    got = read(m, f"{NODEDIR}/node1/distance")
    _check(got == "20 10", f"node1/distance: {got!r}")
    _check(_hardware(m) == _lines(HARDWARE_TWO),
           f"numactl --hardware, two nodes: {_hardware(m)}")
    _same(m.run("numatest errno"), ERRNO_TWO_NODES, "numatest errno")
    _same(m.run("numatest move", timeout=120), MOVE, "numatest move")
    _same(m.run("numactl --interleave=all numactl --show"), SHOW_INTERLEAVE,
          "numactl --interleave=all numactl --show")
    out = m.run("grep Mems_allowed_list /proc/self/status")
    _check("Mems_allowed_list:\t0-1\n" in out, f"status: {out!r}")
    _placement(m)
    _memfill_on_node1(m)
    out = m.run("numactl --physcpubind=1 numactl --show")
    _check("physcpubind: 1 \n" in out.replace("\r", ""),
           f"--physcpubind=1: {out!r}")


def _job(name, steps):
    def job(ctx, outcome):
        import userland   # the user-space boots' helpers (userland.py)

        sc = scenario.Scenario(name, None, memory="512M,slots=8,maxmem=8G")
        return userland._user_job(ctx, outcome, name, steps,
                                  memory=sc.memory,
                                  extra_args=tuple(scenario.machine_args(sc)))
    return job


JOBS = (
    ("user:numa", _job("user:numa", numa_steps)),
)


if __name__ == "__main__":
    raise SystemExit("run through tide_check.py: "
                     "make check CHECKARGS='-k user:numa'")
