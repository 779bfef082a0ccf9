# SPDX-License-Identifier: GPL-2.0
"""busybox init as pid 1 over a login shell's whole life.

  user:init-respawn   `exit` at the login shell: init reaps it and
                      respawns a fresh prompt, `ps` shows no zombie;
                      the new shell has the console as its controlling
                      terminal again (^C reaches its job);
  user:init-session   a session leader that exits hangs up its
                      terminal: the foreground group gets SIGHUP;
  user:init-proc      /proc/1 exists, `ps` lists pid 1, another
                      process's /proc/PID/{cwd,root,fd} can be read,
                      no task sleeps in state D while the system idles,
                      `hostname`, `uname -n` and
                      /proc/sys/kernel/hostname agree.

It boots like the other user-space tests of userland.py; JOBS is for the
runner's list of them (tide_check.py's userland_jobs()).
"""

import re
import time


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def _type(m, data):
    """Bytes on the serial port as they are (no Enter added)."""
    m.proc.stdin.write(data)
    m.proc.stdin.flush()


def _zombies(ps_out):
    """The lines of busybox ps -o pid,ppid,stat,comm whose state is Z."""
    out = []
    for line in ps_out.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[0].isdigit() and "Z" in fields[2]:
            out.append(line.strip())
    return out


def respawn_steps(m):
    first = m.run("echo $$")
    old = re.search(r"^(\d+)\s*$", first, re.M)
    _check(old, f"echo $$: {first!r}")
    m.send("exit")
    m.expect(m.prompt, timeout=30)
    out = m.run("echo $$")
    new = re.search(r"^(\d+)\s*$", out, re.M)
    _check(new and new.group(1) != old.group(1),
           f"no fresh shell after exit: {first!r} then {out!r}")
    out = m.run("ps -o pid,ppid,stat,comm")
    _check("PID" in out, f"ps: {out!r}")
    _check(not _zombies(out), f"zombies after exit: {_zombies(out)}")
    # The respawned shell got the console as its controlling terminal.
    out = m.run("tty")
    _check("/dev/ttyS0" in out, f"tty after respawn: {out!r}")
    m.send("sleep 100; echo not-interrupted")
    time.sleep(1.5)
    _type(m, b"\x03")
    out = m.expect(m.prompt, timeout=20)
    _check("not-interrupted" not in [x.strip() for x in out.splitlines()],
           f"^C after respawn: {out!r}")
    # A second round: the respawn is not a one-off.
    m.send("exit")
    m.expect(m.prompt, timeout=30)
    out = m.run("ps -o pid,ppid,stat,comm")
    _check(not _zombies(out), f"zombies after 2nd exit: {_zombies(out)}")


# The login shell becomes a sh whose background child traps SIGHUP; the
# sh (the session leader) then exits while the child is in the
# terminal's foreground group.
HUP_SCRIPT = ("exec sh -c 'sh -c \"trap \\\"echo HUP-SEEN >/tmp/hup; "
              "exit\\\" HUP; while sleep 1; do :; done\" & sleep 1'")


def session_steps(m):
    m.send(HUP_SCRIPT)
    m.expect(m.prompt, timeout=30)
    out = m.run("sleep 3; cat /tmp/hup; ps -o pid,stat,args")
    _check(re.search(r"^HUP-SEEN", out, re.M), f"no SIGHUP at the session leader's exit: "
           f"{out!r}")
    _check("while sleep" not in out, f"the hung-up job lives on: {out!r}")


def proc_steps(m):
    out = m.run("ls -d /proc/1 && cat /proc/1/stat")
    _check("No such file" not in out and re.search(r"^1 \(init\) ", out, re.M),
           f"/proc/1: {out!r}")
    out = m.run("ps -o pid,ppid,stat,comm")
    _check(re.search(r"^\s*1\s+0\s+\S+\s+init", out, re.M),
           f"ps does not list pid 1: {out!r}")
    out = m.run("readlink /proc/1/cwd; readlink /proc/1/root; ls /proc/1/fd; "
                "echo status=$?")
    _check("denied" not in out and "status=0" in out,
           f"another process's cwd/root/fd: {out!r}")
    _check(re.search(r"^/\s*$", out, re.M), f"/proc/1/cwd: {out!r}")
    out = m.run("sleep 100 & sleep 1; ls -l /proc/$!/fd /proc/$!/cwd; "
                "kill $!; wait")
    _check("denied" not in out and "/dev/" in out,
           f"/proc/PID/fd of a child: {out!r}")
    out = m.run("hostname renamed-$((6 * 7)); hostname; uname -n; "
                "cat /proc/sys/kernel/hostname")
    names = [x.strip() for x in out.splitlines()]
    _check(names.count("renamed-42") == 3, f"hostnames: {out!r}")
    out = m.run("echo tide-host > /proc/sys/kernel/hostname; uname -n; "
                "hostname")
    names = [x.strip() for x in out.splitlines()]
    _check(names.count("tide-host") == 2, f"hostname by /proc: {out!r}")
    out = m.run("domainname dom-42 2>/dev/null || "
                "echo dom-42 > /proc/sys/kernel/domainname; "
                "cat /proc/sys/kernel/domainname; uname -a")
    _check("dom-42" in [x.strip() for x in out.splitlines()],
           f"domainname: {out!r}")
    # procfs reads every process's mm, fds and cwd while processes exec
    # and exit around it (task_lock()); the console must stay clean.
    out = m.run("(i=0; while [ $i -lt 200 ]; do /bin/true; i=$((i + 1)); "
                "done) & for i in $(seq 40); do cat /proc/[0-9]*/maps "
                "/proc/[0-9]*/status /proc/[0-9]*/cmdline >/dev/null 2>&1; "
                "ls -l /proc/[0-9]*/fd /proc/[0-9]*/cwd >/dev/null 2>&1; "
                "done; wait; echo stress-done", timeout=240)
    _check("stress-done" in [x.strip() for x in out.splitlines()],
           f"procfs under exec and exit: {out[-300:]!r}")
    # Kernel threads that wait for work sleep interruptibly (S or I).
    out = m.run("sleep 2; ps -o pid,stat,comm")
    stuck = [line.strip() for line in out.splitlines()
             if len(line.split()) >= 3 and line.split()[1].startswith("D")]
    _check(not stuck, f"tasks in state D while idle: {stuck}")


def _job(name, steps):
    def job(ctx, outcome):
        import userland   # the user-space boots' helpers (userland.py)

        return userland._user_job(ctx, outcome, name, steps)
    return job


JOBS = (
    ("user:init-respawn", _job("user:init-respawn", respawn_steps)),
    ("user:init-session", _job("user:init-session", session_steps)),
    ("user:init-proc", _job("user:init-proc", proc_steps)),
)
