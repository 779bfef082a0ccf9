# SPDX-License-Identifier: GPL-2.0
"""Debian's stress-ng (0.15.06) on Tide: the memory hotplug stressor.

One boot of the stress image (`make initramfs-stress`: the initramfs
with stress-ng as a second gzip member) on run-qemu.sh's machine, a
256 MiB DIMM hot-added and onlined movable, then three runs of stress-ng,
each one outcome:

  user:stress-memhotplug  stress-ng --memhotplug 1 for RUN_S seconds: it
                          writes offline and online to every block's
                          state file under a 5 s ITIMER_PROF;
  user:stress-vm-mix      the same with --vm 1 --vm-bytes 64M --verify
                          beside it (anonymous memory filled and checked
                          while its blocks go offline and online);
  user:stress-busy        --memhotplug 2 (two writers racing on the same
                          state files) while the movable test driver
                          holds extra references on pages in the DIMM:
                          every offline of that block must come back
                          (EBUSY or EINTR), never hang, and the pages
                          keep their contents.

A run fails when stress-ng exits non-zero or prints a fail: or error:
line (but ALLOWANCES), reports no bogo-ops or no CPU time (usr +
sys, from getrusage()) for a stressor, does not end within
RUN_S + SLACK_S seconds (an offline write that never came back), when
Tide prints an unknown system call or a failure mark, or when the DIMM's
blocks are not online afterwards (stress-ng onlines every block it
touched before it exits).
"""

import os
import re
import time

import qemu
import scenario
from scenario import MEMDIR, add_dimm, block_of, read, sh

IMAGE = "initramfs-stress.cpio.gz"
PROMPT = "tide:/# "
MIB = 1 << 20
DIMM_MIB = 256
MOVABLE = "/sys/kernel/debug/tide_movable"

# Seconds of each stress-ng run, and what it may take beyond that
# (stress-ng's own end: SIGALRM, waiting for the stressors, metrics).
RUN_S = 20
SLACK_S = 40

# error: lines stress-ng prints on Tide that are no stressor's failure,
# each with the reason it is allowed and the shell test (run in the
# guest once, before the first run) under which it is: an allowance
# ends by itself once the kernel has what it lacked.
ALLOWANCES = (
    # Its CPU cache probe wants cpuN directories in
    # /sys/devices/system/cpu, which the NUMA work adds; the stressors
    # do not use what it finds.
    ("no CPUs found in /sys/devices/system/cpu",
     "! ls /sys/devices/system/cpu | grep -q '^cpu[0-9]'"),
)

UNKNOWN_SYSCALL = re.compile(r"syscall: (\d+) not implemented")
METRIC = re.compile(r"stress-ng: metrc: \[\d+\] (\w+)\s+(\d+)\s+([\d.]+)"
                    r"\s+([\d.]+)\s+([\d.]+)")


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def _image(ctx):
    path = os.path.join(ctx.build, IMAGE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} missing "
                                f"(make initramfs-stress builds it)")
    return path


def _start(ctx, name):
    """Boot the stress image; return the machine at the busybox prompt."""
    memory = "512M,slots=8,maxmem=8G"
    sc = scenario.Scenario("user", None, memory=memory)
    m = qemu.Machine(ctx.kernel, memory=memory, cmdline="",
                     extra_args=tuple(scenario.machine_args(sc)),
                     log_path=ctx.log_path(name), timeout=900,
                     prompt=PROMPT, initrd=_image(ctx))
    try:
        m.expect(PROMPT, timeout=qemu.BOOT_TIMEOUT)
    except Exception:
        m.kill()
        raise
    return m


def metrics(text):
    """{stressor: (bogo-ops, usr+sys seconds)} from stress-ng's
    --metrics-brief table."""
    return {m.group(1): (int(m.group(2)),
                         float(m.group(4)) + float(m.group(5)))
            for m in METRIC.finditer(text)}


def problems(out, stressors, allowed=()):
    """What is wrong in the output @out of one stress-ng run (that ends
    with "stress-status=N") of @stressors, error: lines containing one
    of @allowed excepted: a list of reasons."""
    reasons = []
    status = re.search(r"stress-status=(\d+)", out)
    if not status or status.group(1) != "0":
        reasons.append(f"stress-ng exit status "
                       f"{status.group(1) if status else '?'}")
    for line in out.splitlines():
        if "stress-ng: fail:" in line:
            reasons.append(line.strip())
        elif "stress-ng: error:" in line and \
                not any(a in line for a in allowed):
            reasons.append(line.strip())
    if "successful run completed" not in out:
        reasons.append("no `successful run completed`")
    table = metrics(out)
    for s in stressors:
        ops, cpu = table.get(s, (0, 0.0))
        if ops <= 0:
            reasons.append(f"{s}: no bogo-ops in the metrics")
        # getrusage()'s CPU time: each stressor runs for seconds.
        elif cpu <= 0:
            reasons.append(f"{s}: no usr or sys time in the metrics")
    return reasons


def _allowed(m):
    """The ALLOWANCES whose condition holds on this guest."""
    # The answer is computed, so that the echoed command never holds it.
    return [text for text, cond in ALLOWANCES
            if "allow-42" in m.run(f"{cond} && echo allow-$((6 * 7))")]


def _stress(m, args, stressors, allowed):
    """Run stress-ng @args; raise with the reasons if the run failed."""
    cmd = (f"stress-ng {args} --timeout {RUN_S}s --metrics-brief -v; "
           f"echo stress-status=$?")
    start = time.monotonic()
    try:
        out = m.run(cmd, timeout=RUN_S + SLACK_S)
    except Exception as e:
        raise AssertionError(f"stress-ng did not end within "
                             f"{RUN_S + SLACK_S} s (a write that never "
                             f"came back?): {e}")
    took = time.monotonic() - start
    reasons = problems(out, stressors, allowed)
    _check(not reasons, "; ".join(reasons[:5]))
    return out, took


def _blocks_online(m, names):
    for b in names:
        _check(read(m, f"{MEMDIR}/{b}/state") == "online",
               f"{b} not online after stress-ng")


def _console_problems(m, start):
    text = m.output[start:]
    calls = sorted(set(UNKNOWN_SYSCALL.findall(text)))
    reasons = [f"unknown system call {n}" for n in calls]
    reasons += [f"console: {line.strip()}" for line in text.splitlines()
                if any(x in line for x in qemu.FAILURE_MARKS)][:1]
    return reasons


def memhotplug_steps(m, names, allowed):
    _stress(m, "--memhotplug 1", ["memhotplug"], allowed)
    _blocks_online(m, names)


def vm_mix_steps(m, names, allowed):
    _stress(m, "--memhotplug 1 --vm 1 --vm-bytes 64M --verify",
            ["memhotplug", "vm"], allowed)
    _blocks_online(m, names)


def _held_busy(m, names):
    """How often the console said that an offline of one of the blocks
    @names was kept busy (by held pages) or interrupted."""
    count = 0
    for b in names:
        start = int(b[len("memory"):]) * (scenario.BLOCK >> 12)
        last = start + (scenario.BLOCK >> 12) - 1
        # offline_pages() starts after the block's own memmap (2 MiB)
        # when the block keeps it (memmap_on_memory, the default)
        for first in (start, start + (2 << 20 >> 12)):
            head = f"offline_pages [{first:#x}-{last:#x}]: "
            count += (m.output.count(head + "still busy after") +
                      m.output.count(head + "interrupted by a signal"))
    return count


def busy_steps(m, names, allowed):
    before = _held_busy(m, names)
    sh(m, f"echo 16 > {MOVABLE}/fill")
    sh(m, f"echo 1 > {MOVABLE}/hold")
    # Two instances: two writers race on the same state files.
    _stress(m, "--memhotplug 2", ["memhotplug"], allowed)
    _check(_held_busy(m, names) > before,
           "no offline of the DIMM was kept busy by the held pages")
    sh(m, f"echo 0 > {MOVABLE}/hold")
    _check(read(m, f"{MOVABLE}/verify") == "16 pages, 0 bad",
           "held test pages changed")
    sh(m, f"echo 1 > {MOVABLE}/free")
    _blocks_online(m, names)


STEPS = (
    ("user:stress-memhotplug", memhotplug_steps),
    ("user:stress-vm-mix", vm_mix_steps),
    ("user:stress-busy", busy_steps),
)


def stress_job(ctx, outcome):
    names = [n for n, _ in STEPS]
    log = ctx.log_path("user:stress")
    try:
        m = _start(ctx, "user:stress")
    except Exception as e:
        return [outcome(n, "FAIL", f"boot: {e}", ctx.log_tail(log))
                for n in names]
    results = []
    try:
        addr = add_dimm(m, "s1", DIMM_MIB * MIB)
        blocks = [block_of(a) for a in
                  range(addr, addr + DIMM_MIB * MIB, scenario.BLOCK)]
        for b in blocks:
            sh(m, f"echo online_movable > {MEMDIR}/{b}/state")
        allowed = _allowed(m)
    except Exception as e:
        m.kill()
        return [outcome(n, "FAIL", f"setup: {e}", ctx.log_tail(log))
                for n in names]
    for name, steps in STEPS:
        start = len(m.output)
        try:
            steps(m, blocks, allowed)
            reasons = _console_problems(m, start)
        except Exception as e:
            reasons = [f"{type(e).__name__}: {e}"]
        results.append(outcome(name, "FAIL" if reasons else "PASS",
                               "; ".join(reasons),
                               ctx.log_tail(log) if reasons else None))
        if reasons:
            break
    done = {r.name for r in results}
    results += [outcome(n, "FAIL", "not run: an earlier run failed")
                for n in names if n not in done]
    if m.proc.poll() is None:
        m.kill()
    return results


JOBS = (
    ("user:stress", stress_job),
)


# ---- make bench: the "stress-ng memhotplug bogo-ops/s" row ----

BENCH_CMD = f"stress-ng --memhotplug 1 --timeout {RUN_S}s --metrics-brief"
RATE = re.compile(r"stress-ng: metrc: \[\d+\] memhotplug\s+(\d+)\s+"
                  r"([\d.]+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)")


def bench_rate(kernel, initrd, cmdline, log_path):
    """Boot @kernel with the stress image on run-qemu.sh's machine, plug a
    DIMM of DIMM_MIB, online its blocks that are offline (Linux's may be
    online already), run BENCH_CMD; return its bogo-ops/s (real time).
    Raises RuntimeError with the reason when there is no figure."""
    memory = "512M,slots=8,maxmem=8G"
    sc = scenario.Scenario("user", None, memory=memory)
    m = qemu.Machine(kernel, memory=memory, cmdline=cmdline,
                     extra_args=tuple(scenario.machine_args(sc)),
                     log_path=log_path, timeout=300, prompt=PROMPT,
                     initrd=initrd)
    try:
        m.expect(PROMPT, timeout=qemu.BOOT_TIMEOUT)
        addr = add_dimm(m, "b1", DIMM_MIB * MIB)
        for a in range(addr, addr + DIMM_MIB * MIB, scenario.BLOCK):
            state = f"{MEMDIR}/{block_of(a)}/state"
            m.run(f"grep -q offline {state} && echo online > {state}")
        out = m.run(BENCH_CMD + "; echo stress-status=$?",
                    timeout=RUN_S + SLACK_S)
    except Exception as e:
        raise RuntimeError(f"{type(e).__name__}: {e}")
    finally:
        m.kill()
    found = RATE.search(out)
    if not found or "stress-status=0" not in out:
        raise RuntimeError(f"no memhotplug figure (see {log_path})")
    return float(found.group(3))


def bench(build, tide_kernel, linux_kernel, out):
    """Print the row "stress-ng memhotplug bogo-ops/s": Tide, Linux (None:
    not available) and their ratio; a figure that cannot be had is n/a
    with its reason. Return: True if any was n/a."""
    initrd = os.path.join(build, IMAGE)
    log_dir = os.path.join(build, "bench-logs")
    os.makedirs(log_dir, exist_ok=True)
    figures, reasons = {}, []
    kernels = [("Tide", tide_kernel, "")]
    if linux_kernel:
        kernels.append(("Linux", linux_kernel, "console=ttyS0 loglevel=4"))
    else:
        reasons.append("Linux: no Linux 6.12 kernel (make bench-deps)")
    for who, kernel, cmdline in kernels:
        if not os.path.exists(initrd):
            reasons.append(f"{who}: {initrd} missing "
                           f"(make initramfs-stress)")
            continue
        log = os.path.join(log_dir, f"stress-{who.lower()}.log")
        try:
            figures[who] = bench_rate(kernel, initrd, cmdline, log)
        except RuntimeError as e:
            reasons.append(f"{who}: {e}")
    t, lx = figures.get("Tide"), figures.get("Linux")
    out.write(f"stress-ng (`{BENCH_CMD}`, 256 MiB DIMM online, -M pc, "
              f"-smp 2, 512 MiB; consoles in {log_dir}/):\n")
    out.write(f"  stress-ng memhotplug bogo-ops/s  Tide "
              f"{f'{t:.2f}' if t else 'n/a'}  Linux "
              f"{f'{lx:.2f}' if lx else 'n/a'}  Tide/Linux "
              f"{f'{t / lx:.3f}' if t and lx else 'n/a'}\n")
    for r in reasons:
        out.write(f"  n/a: {r}\n")
    return bool(reasons)


if __name__ == "__main__":
    raise SystemExit("run through tide_check.py: "
                     "make check CHECKARGS='-k user:stress'")
