# SPDX-License-Identifier: GPL-2.0
"""User-space boots of `make check`: Tide with the initramfs.

  user:initramfs-unpack     the image of `make initramfs` unpacks whole:
                            as many entries as the archive has, none
                            refused, the initrd memory freed;
  user:initramfs-concat     a plain cpio archive, NUL padding and a gzip
                            member back to back all unpack;
  user:initramfs-truncated  a member whose archive stops half way: the
                            entries before the cut stay, the error is
                            reported and the boot goes on;
  user:busybox              busybox init on the console: a shell typed
                            at, dmesg, glibc programs (ls, lsmem, timeout),
                            bash-static, badcalls, memfill, init left
                            alive by kill, a fill beyond memory killed
                            with the kernel up, poweroff through init;
  user:selftests-badcalls, user:selftests-memfill,
  user:kselftest-memory-hotplug
                            one unattended boot with
                            rdinit=/opt/tide/selftests: badcalls' KTAP,
                            memfill's verify and Linux's mem-on-off-test.sh
                            through Linux's kselftest runner.
"""

import gzip
import os
import re
import struct
import subprocess
import time

import ktap
import qemu

IMAGE = "initramfs.cpio.gz"
USER_PROMPT = "tide:/# "
UNPACKED = re.compile(r"initramfs: unpacked (\d+) entries")


def newc_entries(data):
    """The names in the newc archives of @data (trailers excluded)."""
    names, pos = [], 0
    while pos + 110 <= len(data):
        if data[pos:pos + 6] not in (b"070701", b"070702"):
            if data[pos] == 0:
                pos += 1
                continue
            break
        fields = [int(data[pos + 6 + 8 * i:pos + 14 + 8 * i], 16)
                  for i in range(13)]
        size, namesize = fields[6], fields[11]
        name = data[pos + 110:pos + 110 + namesize - 1].decode()
        pos = (pos + 110 + namesize + 3) & ~3
        pos = (pos + size + 3) & ~3
        if name != "TRAILER!!!":
            names.append(name)
    return names


def newc(entries):
    """A newc archive of (name, mode, data) entries and its trailer."""
    out = bytearray()
    for ino, (name, mode, data) in enumerate(
            list(entries) + [("TRAILER!!!", 0, b"")], start=1):
        raw = name.encode() + b"\0"
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(raw), 0]
        out += b"070701" + b"".join(b"%08x" % f for f in fields) + raw
        out += b"\0" * (-len(out) % 4) + data
        out += b"\0" * (-len(out) % 4)
    return bytes(out)


def _image(ctx):
    path = os.path.join(ctx.build, IMAGE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} missing (make initramfs builds it)")
    return path


def _write(ctx, name, data):
    path = os.path.join(ctx.build, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def _unpack_boot(ctx, outcome, name, initrd, want, kind="whole"):
    """Boot with @initrd and tide.poweroff=1: populate_rootfs() runs, then
    the machine powers off before init. @want: entries to be made."""
    result = ctx.boot(name, memory="512M", cmdline="tide.poweroff=1",
                      extra_args=("-initrd", initrd))
    reasons = qemu.problems(result, need_ready=True)
    counts = [int(m.group(1)) for line in result.lines
              for m in [UNPACKED.search(line)] if m]
    if not counts:
        reasons.append('no "initramfs: unpacked N entries" line')
    elif counts[0] != want:
        reasons.append(f"unpacked {counts[0]} entries, want {want}")
    bad = [line for line in result.lines if "entries not made" in line
           or "cannot make /" in line]
    if bad:
        reasons.append(f"console: {bad[0].strip()}")
    error = [line for line in result.lines if "initramfs: bad image" in line]
    if kind == "whole" and error:
        reasons.append(f"console: {error[0].strip()}")
    if kind == "truncated" and not error:
        reasons.append('no "initramfs: bad image" line')
    if not any("freed" in line and "initrd memory" in line
               for line in result.lines):
        reasons.append('no "freed ... of initrd memory" line')
    return outcome(name, "FAIL" if reasons else "PASS", "; ".join(reasons),
                   ctx.tail(result) if reasons else None)


def unpack_job(ctx, outcome):
    path = _image(ctx)
    with open(path, "rb") as f:
        want = len(newc_entries(gzip.decompress(f.read())))
    return [_unpack_boot(ctx, outcome, "user:initramfs-unpack", path, want)]


def concat_job(ctx, outcome):
    plain = newc([("concat1", 0o40755, b""),
                  ("concat1/a", 0o100644, b"first archive\n")])
    member = gzip.compress(newc([("concat2", 0o40755, b""),
                                 ("concat2/b", 0o100600, b"second\n"),
                                 ("concat2/l", 0o120777, b"b")]), mtime=0)
    path = _write(ctx, "test-initramfs-concat.bin",
                  plain + b"\0" * 12 + member + b"\0" * 4)
    return [_unpack_boot(ctx, outcome, "user:initramfs-concat", path, 5)]


def truncated_job(ctx, outcome):
    entries = [(f"trunc{i:03d}", 0o100644, b"x" * 200) for i in range(40)]
    archive = newc(entries)
    # Cut inside the 21st entry's data: 20 entries are whole.
    cut = len(newc(entries[:20])) - len(newc([])) + 150
    path = _write(ctx, "test-initramfs-truncated.bin",
                  gzip.compress(archive[:cut], mtime=0))
    return [_unpack_boot(ctx, outcome, "user:initramfs-truncated", path, 20,
                         kind="truncated")]


def _start_user(ctx, name, memory="512M", extra_args=(), machine="pc"):
    """Boot with the initramfs; return the machine at the busybox prompt."""
    m = qemu.Machine(ctx.kernel, memory=memory, machine=machine, cmdline="",
                     extra_args=tuple(extra_args),
                     log_path=ctx.log_path(name), timeout=600,
                     prompt=USER_PROMPT, initrd=_image(ctx))
    deadline = time.monotonic() + qemu.BOOT_TIMEOUT
    while time.monotonic() < deadline:
        out = m.output
        if USER_PROMPT in out:
            m.expect(USER_PROMPT, timeout=1)
            return m
        if m.proc.poll() is not None:
            break
        time.sleep(0.5)
    registers = m.registers()
    m.kill()
    raise TimeoutError(f"no {USER_PROMPT!r} within {qemu.BOOT_TIMEOUT} s "
                       f"| {registers.splitlines()[:3]}")


def _poweroff(m, force=True):
    """busybox's poweroff: with -f reboot(2) straight away; without, a
    SIGUSR2 to init, which it takes in rt_sigtimedwait() with the signal
    blocked, then runs its shutdown and calls reboot(2)."""
    cmd = "poweroff -f" if force else "poweroff"
    m.send(cmd)
    try:
        m.status = m.proc.wait(timeout=30)
    except Exception:
        m.kill()
        raise AssertionError(f"{cmd} did not power off")
    m._finish()
    problem = qemu.exit_problem(m.status, m.output)
    if problem:
        raise AssertionError(problem)


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def busybox_steps(m):
    out = m.run("echo hello-$((6 * 7))")
    _check("hello-42" in out, f"echo: {out!r}")
    out = m.run("bash -c 'echo bash-${BASH_VERSION%%.*}'")
    _check("bash-5" in out, f"bash-static: {out!r}")
    out = m.run("/usr/bin/ls -l /etc/passwd")
    _check("root" in out and "passwd" in out, f"glibc ls: {out!r}")
    out = m.run("timeout 5 true && echo timeout-ok")
    _check("timeout-ok" in out, f"GNU timeout: {out!r}")
    out = m.run("dmesg | grep -c 'Tide ready in'")
    _check(out.split() == ["1"], f"dmesg (syslog(2)): {out!r}")
    out = m.run("lsmem")
    _check("Total online memory" in out, f"lsmem: {out!r}")
    # busybox re-executes itself through /proc/self/exe (run as "exe",
    # it answers that no applet has that name, as on Linux).
    out = m.run("readlink /proc/self/exe; /proc/self/exe 2>&1 | head -1")
    _check("/bin/busybox" in out and "exe: applet not found" in out,
           f"/proc/self/exe: {out!r}")
    # An empty environment still ends envp[] with its NULL.
    out = m.run("env -i /usr/bin/ls -d / && env -i /bin/busybox true && "
                "echo empty-env-ok")
    _check("empty-env-ok" in out, f"exec with no environment: {out!r}")
    # A fault that finds no memory ends the process, not the kernel.
    out = m.run("memfill 1024 </dev/null; echo status=$?", timeout=300)
    _check("status=137" in out and "Out of memory: killed process" in
           m.output, f"memfill beyond memory: {out[-300:]!r}")
    out = m.run("echo verify | memfill 16")
    _check("verify: OK" in out, f"memfill after the kill: {out!r}")
    # /proc/PID/status shows the signal sets: USR2 ignored, USR1 caught.
    out = m.run("sh -c 'trap \"\" USR2; trap : USR1; cat /proc/$$/status' "
                "| grep -E '^Sig(Ign|Cgt)'")
    sets = dict(re.findall(r"^(SigIgn|SigCgt):\s*([0-9a-f]{16})", out, re.M))
    _check(len(sets) == 2 and int(sets["SigIgn"], 16) & (1 << 11) and
           int(sets["SigCgt"], 16) & (1 << 9), f"status signal sets: {out!r}")
    out = m.run("sigmask; echo status=$?")
    _check("status=0" in out and "not ok" not in out,
           f"ppoll/pselect6 masks: {out!r}")
    out = m.run("echo verify | memfill 32")
    _check("verify: OK" in out, f"memfill: {out!r}")
    out = m.run("badcalls; echo status=$?", timeout=120)
    bad = [line for line in out.splitlines() if line.startswith("not ok")]
    _check(not bad, f"badcalls: {bad[:5]}")
    _check("process alive" in out and "status=0" in out,
           f"badcalls did not finish: {out[-300:]!r}")
    # init has no default actions: these are ignored, as on Linux.
    out = m.run("kill -KILL 1; kill -SEGV 1; kill -ABRT 1; sleep 0.2; "
                "kill -0 1 && echo init-alive")
    _check("init-alive" in out and "init exited" not in m.output,
           f"init after kill: {out!r}")


def _user_job(ctx, outcome, name, steps, force_poweroff=True, **kw):
    try:
        m = _start_user(ctx, name, **kw)
    except Exception as e:
        return [outcome(name, "FAIL", f"boot: {e}",
                        ctx.log_tail(ctx.log_path(name)))]
    try:
        steps(m)
        _poweroff(m, force=force_poweroff)
    except Exception as e:
        if m.proc.poll() is None:
            m.kill()
        return [outcome(name, "FAIL", f"{type(e).__name__}: {e}",
                        ctx.log_tail(ctx.log_path(name)))]
    marks = [line for line in m.output.splitlines()
             if any(x in line for x in qemu.FAILURE_MARKS)]
    if marks:
        return [outcome(name, "FAIL", f"console: {marks[0].strip()}",
                        ctx.log_tail(ctx.log_path(name)))]
    return [outcome(name, "PASS")]


def busybox_job(ctx, outcome):
    return _user_job(ctx, outcome, "user:busybox", busybox_steps,
                     force_poweroff=False)


def selftests_job(ctx, outcome):
    """One unattended boot, rdinit=/opt/tide/selftests (no console input):
    badcalls, memfill and Linux's kselftest runner, then poweroff -f.
    Each program is one outcome."""
    names = ("user:selftests-badcalls", "user:selftests-memfill",
             "user:kselftest-memory-hotplug")
    try:
        image = _image(ctx)
    except Exception as e:
        return [outcome(n, "FAIL", str(e)) for n in names]
    result = ctx.boot("user:selftests", memory="512M",
                      cmdline="rdinit=/opt/tide/selftests",
                      extra_args=("-initrd", image), timeout=600)
    text = result.output
    boot = qemu.problems(result, need_ready=True)
    tail = ctx.tail(result)
    out = []

    def add(name, reasons):
        reasons = boot + reasons
        out.append(outcome(name, "FAIL" if reasons else "PASS",
                           "; ".join(reasons), tail if reasons else None))

    start = text.find("selftests: running badcalls")
    end = text.find("selftests: badcalls exited")
    bad = re.findall(r"^not ok \d+ .*$", text[start:end], re.M)
    reasons = [f"badcalls: {b}" for b in bad[:5]]
    if "selftests: badcalls exited 0" not in text:
        reasons.append("badcalls did not exit 0")
    add(names[0], reasons)
    add(names[1], [] if "verify: OK" in text and
        "selftests: memfill exited 0" in text else ["no memfill verify: OK"])
    m = re.search(r"^(not )?ok \d+ selftests: memory-hotplug: "
                  r"mem-on-off-test.sh(.*)$", text, re.M)
    if m and not m.group(1) and "# SKIP" in m.group(2):
        out.append(outcome(names[2], "SKIP", "mem-on-off-test.sh" + m.group(2)))
    else:
        reasons = [] if m and not m.group(1) else \
            [m.group(0).strip() if m else "no KTAP line for mem-on-off-test.sh"]
        add(names[2], reasons + _kunit_py_verdict(ctx, text))
    return out


def _kunit_py_verdict(ctx, text):
    """Linux's kunit.py on the kselftest runner's TAP, as the host sees it:
    the reasons it finds the run wrong (none when it passed one test)."""
    start = text.find("TAP version 13")
    end = text.find("selftests: /opt/kselftest/run_kselftest.sh exited")
    if start < 0 or end < start:
        return ["no kselftest TAP in the log"]
    path = ctx.log_path("user:kselftest-memory-hotplug") + ".tap"
    with open(path, "w") as f:
        f.write(text[start:end])
    try:
        verdict = ktap.kunit_parse(ktap.kunit_tool(ctx.build), path)
    except (OSError, subprocess.CalledProcessError) as e:
        return [f"cannot run kunit.py: {e}"]
    if verdict.status != 0 or verdict.errors or verdict.total != 1:
        return [f"kunit.py parse: exit {verdict.status}, "
                f"{verdict.summary or 'no summary'}"]
    return []


JOBS = (
    ("user:initramfs-unpack", unpack_job),
    ("user:initramfs-concat", concat_job),
    ("user:initramfs-truncated", truncated_job),
    ("user:busybox", busybox_job),
    ("user:selftests", selftests_job),
)
