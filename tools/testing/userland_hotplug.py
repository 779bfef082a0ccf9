# SPDX-License-Identifier: GPL-2.0
"""Memory hotplug driven from busybox sh, with user memory as the workload.

  user:hotplug-readme     the README's hotplug session (memfill's 100
                          MiB moved out of the block offlined) and seed
                          004's commands, typed verbatim: the QEMU
                          monitor lines through QMP's
                          human-monitor-command, the shell lines at
                          busybox sh;
  user:hotplug-memfill    a DIMM hot-added and onlined movable, memfill
                          holding most of it, every block of it offlined
                          from the shell and the DIMM unplugged: the
                          pages moved (pgmigrate_success grew by what
                          memfill held there) and memfill's checksums
                          are intact; then the same with device_del
                          alone (the ACPI eject offlines the blocks);
  user:hotplug-eintr      an offline kept busy by pages the movable test
                          driver holds, interrupted by a signal: bash's
                          echo gets EINTR ("Interrupted system call")
                          instead of the EBUSY the retries end with
                          (about a second later), the block is still
                          online and every checksum intact; then ^C
                          typed at the console while busybox's echo
                          writes offline ends it the same way.

Each boots the initramfs like the tests of userland.py (whose helpers it
uses) on a machine with DIMM slots, as `make run` has; JOBS is for the
runner's list (tide_check.py's userland_jobs()).
"""

import re
import time

import scenario
from scenario import MEMDIR, add_dimm, block_of, read, sh, wait_until

MIB = 1 << 20
MOVABLE = "/sys/kernel/debug/tide_movable"
EINTR_TEXT = "Interrupted system call"


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def _machine(boot_mib):
    """-m and the other QEMU arguments of scripts/run-qemu.sh's machine
    (node 0 with the CPUs and @boot_mib MiB, memory-less node 1)."""
    memory = f"{boot_mib}M,slots=8,maxmem=8G"
    sc = scenario.Scenario("user", None, memory=memory)
    return memory, tuple(scenario.machine_args(sc))


def _mem_total_mib(m):
    """The total column of `free -m`'s Mem: line."""
    for line in m.run("free -m").splitlines():
        if line.strip().startswith("Mem:"):
            return int(line.split()[1])
    raise AssertionError("no Mem: line in `free -m`")


def _migrated(m):
    out = read(m, "/proc/vmstat")
    found = re.search(r"^pgmigrate_success (\d+)$", out, re.M)
    _check(found, f"no pgmigrate_success in /proc/vmstat: {out[-200:]!r}")
    return int(found.group(1))


def _wait_block(m, name):
    wait_until(lambda: name in m.run(f"ls {MEMDIR}"), f"{name} to appear")


def _hmp(m, line):
    """A QEMU monitor line, typed as it is."""
    out = str(m.qmp.hmp(line))
    _check("Error" not in out and "error" not in out,
           f"(qemu) {line}: {out!r}")


def _write_fails(m, line, errno_text):
    """@line (an echo into a file) must fail with @errno_text."""
    out = m.run(line)
    _check(errno_text in out, f"`{line}`: {out!r}, want {errno_text}")


def readme_steps(m):
    base = _mem_total_mib(m)
    # README, "Hot-plugging memory by hand".
    _hmp(m, "object_add memory-backend-ram,id=mem1,size=512M")
    _hmp(m, "device_add pc-dimm,id=dimm1,memdev=mem1")
    _wait_block(m, "memory35")
    out = m.run("ls /sys/devices/system/memory/")
    _check("memory32" in out and "memory35" in out, f"ls: {out!r}")
    _check(read(m, f"{MEMDIR}/memory32/state") == "offline",
           "a new block is not offline")
    sh(m, "echo online_movable > /sys/devices/system/memory/memory32/state")
    # 126: the block keeps 2 MiB for its own memmap (memmap_on_memory)
    _check(_mem_total_mib(m) == base + 126, "free -m: not 126 MiB more")
    moved = _migrated(m)
    m.run("memfill -t 600 100 &")
    wait_until(lambda: "memfill: ready" in m.output, "memfill: ready",
               timeout=120)
    m.run("")
    sh(m, "echo offline > /sys/devices/system/memory/memory32/state")
    _check(_mem_total_mib(m) == base, "free -m: not back after offline")
    _check(_migrated(m) - moved >= 100 * MIB // 4096 * 9 // 10,
           "memfill's pages did not move out of memory32")
    m.run("kill -USR1 %1")
    wait_until(lambda: "verify: OK" in m.output or "verify: FAIL" in
               m.output, "memfill's verify", timeout=120)
    _check("verify: FAIL" not in m.output, "memfill: checksums differ")
    out = m.run("kill %1; wait", timeout=120)
    _check("Done" in out, f"memfill did not exit 0: {out!r}")
    m.qmp.events.clear()
    _hmp(m, "device_del dimm1")
    m.qmp.wait_event("DEVICE_DELETED", 60,
                     match=lambda d: d.get("device") == "dimm1")
    _hmp(m, "object_del mem1")
    wait_until(lambda: "memory32" not in m.run(f"ls {MEMDIR}"),
               "memory32 to go")

    # Seed 004: the same steps with its names and block memory33.
    _hmp(m, "object_add memory-backend-ram,id=BiscuitOS-mem,size=512M")
    _hmp(m, "device_add pc-dimm,id=BiscuitOS-dimm,memdev=BiscuitOS-mem")
    _wait_block(m, "memory33")
    before = _mem_total_mib(m)
    sh(m, "echo online > /sys/devices/system/memory/memory33/state")
    _check(_mem_total_mib(m) == before + 126, "seed 004: not 126 MiB more")
    sh(m, "echo offline > /sys/devices/system/memory/memory33/state")
    _check(_mem_total_mib(m) == before, "seed 004: not back after offline")
    m.qmp.events.clear()
    _hmp(m, "device_del BiscuitOS-dimm")
    m.qmp.wait_event("DEVICE_DELETED", 60,
                     match=lambda d: d.get("device") == "BiscuitOS-dimm")
    _hmp(m, "object_del BiscuitOS-mem")
    wait_until(lambda: "memory33" not in m.run(f"ls {MEMDIR}"),
               "memory33 to go")
    _check(_mem_total_mib(m) == base, "free -m: not back to the start")


def _online_dimm(m, dimm_id, size):
    """Plug @size bytes on node 0, every block onlined movable from the
    shell; return the blocks."""
    addr = add_dimm(m, dimm_id, size, node=0)
    names = [block_of(a) for a in range(addr, addr + size, scenario.BLOCK)]
    for b in names:
        sh(m, f"echo online_movable > {MEMDIR}/{b}/state")
        _check(read(m, f"{MEMDIR}/{b}/valid_zones") == "Movable",
               f"{b} not in ZONE_MOVABLE")
    return names


def _start_memfill(m, mib):
    """memfill -t in the background; return its pid once it is ready."""
    before = m.output.count("memfill: ready")
    pid = m.run(f"memfill -t 600 {mib} & echo pid=$!")
    found = re.search(r"pid=(\d+)", pid)
    _check(found, f"memfill did not start: {pid!r}")
    wait_until(lambda: m.output.count("memfill: ready") > before,
               "memfill: ready", timeout=120)
    m.run("")
    return found.group(1)


def _stop_memfill(m, pid):
    """Verify now (SIGUSR1), then end it: it exits 0 only if every
    verify passed."""
    before = m.output.count("verify: OK")
    m.run(f"kill -USR1 {pid}")
    wait_until(lambda: m.output.count("verify: OK") > before
               or "verify: FAIL" in m.output, "memfill's verify",
               timeout=120)
    _check("verify: FAIL" not in m.output, "memfill: checksums differ")
    out = m.run(f"kill {pid}; wait {pid}; echo memfill-status=$?",
                timeout=120)
    _check("memfill-status=0" in out, f"memfill: {out!r}")


FILL_MIB = 384
EJECT_MIB = 256


def memfill_steps(m):
    names = _online_dimm(m, "d1", 512 * MIB)
    moved = _migrated(m)
    pid = _start_memfill(m, FILL_MIB)
    for b in names:
        sh(m, f"echo offline > {MEMDIR}/{b}/state", timeout=300)
    moved = _migrated(m) - moved
    # Movable allocations take ZONE_MOVABLE first: nearly all of
    # memfill's pages were in the DIMM and had to move.
    want = FILL_MIB * MIB // 4096 * 9 // 10
    _check(moved >= want, f"{moved} pages migrated, want >= {want}")
    scenario.del_dimm(m, "d1")
    wait_until(lambda: names[0] not in m.run(f"ls {MEMDIR}"),
               f"{names[0]} to go")
    _stop_memfill(m, pid)

    # Again, but device_del alone: the ACPI eject offlines the online
    # blocks itself (from a kernel thread) before QEMU unplugs the DIMM.
    names = _online_dimm(m, "d2", 512 * MIB)
    moved = _migrated(m)
    pid = _start_memfill(m, EJECT_MIB)
    scenario.del_dimm(m, "d2", timeout=300)
    wait_until(lambda: names[0] not in m.run(f"ls {MEMDIR}"),
               f"{names[0]} to go")
    moved = _migrated(m) - moved
    want = EJECT_MIB * MIB // 4096 * 9 // 10
    _check(moved >= want, f"eject: {moved} pages migrated, want >= {want}")
    _stop_memfill(m, pid)


# The signal comes this long after the offline started; the held pages
# keep it retrying for about a second (OFFLINE_MAX_PASSES).
SIGNAL_AFTER = 0.3
OFFLINE_CMD = ("bash -c 'trap \"echo got-usr1\" USR1; "
               "(sleep %s; kill -USR1 $$) & "
               "t0=${EPOCHREALTIME/./}; echo offline > %s/state; "
               "echo status=$? ms=$(((${EPOCHREALTIME/./} - t0) / 1000))'")


def eintr_steps(m):
    names = _online_dimm(m, "d1", 128 * MIB)
    block = f"{MEMDIR}/{names[0]}"
    pid = _start_memfill(m, 64)
    sh(m, f"echo 16 > {MOVABLE}/fill")
    sh(m, f"echo 1 > {MOVABLE}/hold")
    out = m.run(OFFLINE_CMD % (SIGNAL_AFTER, block), timeout=120)
    _check(EINTR_TEXT in out, f"offline not interrupted: {out!r}")
    _check("status=1" in out, f"echo's status: {out!r}")
    _check(read(m, f"{block}/state") == "online", "block not online")
    _check("interrupted by a signal" in m.output,
           "no `interrupted by a signal` line on the console")
    # ^C typed at the console: SIGINT to the foreground job (busybox's
    # time applet runs the echo in a child, which the signal ends).
    before = m.output.count("interrupted by a signal")
    m.send(f"time echo offline > {block}/state")
    time.sleep(SIGNAL_AFTER + 0.2)
    m.proc.stdin.write(b"\x03")
    m.proc.stdin.flush()
    out = m.expect(m.prompt, timeout=60)
    _check("terminated by signal 2" in out, f"^C: {out!r}")
    _check(m.output.count("interrupted by a signal") > before,
           f"^C did not interrupt the offline: {out!r}")
    _check(read(m, f"{block}/state") == "online", "block not online")
    sh(m, f"echo 0 > {MOVABLE}/hold")
    _check(read(m, f"{MOVABLE}/verify") == "16 pages, 0 bad",
           "test pages changed")
    # Nothing holds a page now: the same offline goes through.
    sh(m, f"echo offline > {block}/state", timeout=120)
    _check(read(m, f"{MOVABLE}/verify") == "16 pages, 0 bad",
           "test pages changed when moved")
    sh(m, f"echo 1 > {MOVABLE}/free")
    _stop_memfill(m, pid)
    scenario.del_dimm(m, "d1")


def _job(name, steps, boot_mib):
    def job(ctx, outcome):
        import userland   # the user-space boots' helpers (userland.py)

        memory, args = _machine(boot_mib)
        return userland._user_job(ctx, outcome, name, steps, memory=memory,
                                  extra_args=args)
    return job


JOBS = (
    ("user:hotplug-readme", _job("user:hotplug-readme", readme_steps, 512)),
    ("user:hotplug-memfill", _job("user:hotplug-memfill", memfill_steps,
                                  1024)),
    ("user:hotplug-eintr", _job("user:hotplug-eintr", eintr_steps, 512)),
)


if __name__ == "__main__":
    raise SystemExit("run through tide_check.py: "
                     "make check CHECKARGS='-k user:hotplug'")
