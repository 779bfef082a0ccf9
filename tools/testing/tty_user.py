# SPDX-License-Identifier: GPL-2.0
"""The serial console's terminal as busybox sh and bash use it.

  user:tty-job-control   in the initramfs's login shell (cttyhack makes
                         ttyS0 its controlling terminal): ^C and ^Z reach
                         the foreground job, a background read stops
                         with SIGTTIN, canonical-mode erase/kill and ^D
                         reach `read` and `cat`, bash -i takes ^C.

It boots like the other user-space tests of userland.py; JOBS is for the
runner's list of them (tide_check.py's userland_jobs()).
"""

import time


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def _type(m, data):
    """Bytes on the serial port as they are (no Enter added)."""
    m.proc.stdin.write(data)
    m.proc.stdin.flush()


def _lines(out):
    return [line.strip() for line in out.splitlines()]


def _interrupt(m, command, key, prompt):
    """Start @command, type @key once it runs; the output up to @prompt."""
    m.send(command)
    time.sleep(1.5)
    _type(m, key)
    return m.expect(prompt, timeout=20)


def tty_steps(m):
    out = m.run("tty; stty -a")
    _check("/dev/ttyS0" in out, f"not the controlling terminal: {out!r}")
    for flag in ("icanon", "echoctl", "onlcr", "isig", "speed 115200"):
        _check(flag in out.split() or flag in out, f"stty -a: {out!r}")

    out = _interrupt(m, "sleep 100; echo not-interrupted", b"\x03",
                     m.prompt)
    _check("^C" in out and "not-interrupted" not in _lines(out),
           f"^C: {out!r}")

    out = _interrupt(m, "sleep 100", b"\x1a", m.prompt)
    _check("Stopped" in out, f"^Z: {out!r}")
    out = m.run("jobs; kill -9 %1; wait")
    _check("sleep 100" in out, f"jobs: {out!r}")

    out = m.run("cat /dev/tty & sleep 1; jobs; kill -9 $!; wait")
    _check("Stopped (tty input)" in out, f"background read: {out!r}")

    m.send("read x; echo \"[$x]\"")
    time.sleep(1)
    _type(m, b"tide\x7f\x7fny\x17erased\x15kept words\x7f\x7fs\r")
    out = m.expect(m.prompt, timeout=20)
    _check("[kept wors]" in out, f"canonical editing: {out!r}")

    m.send("cat; echo cat-done")
    time.sleep(1)
    _type(m, b"abc\x04\x04")
    out = m.expect(m.prompt, timeout=20)
    _check("abccat-done" in out, f"^D: {out!r}")

    m.send("PS1='b''ash> ' bash --norc -i")
    m.expect("bash> ", timeout=30)
    out = _interrupt(m, "sleep 100; echo not-interrupted", b"\x03",
                     "bash> ")
    _check("not-interrupted" not in _lines(out), f"bash ^C: {out!r}")
    m.send("exit")
    m.expect(m.prompt, timeout=20)


def tty_job(ctx, outcome):
    import userland   # the user-space boots' helpers (userland.py)

    return userland._user_job(ctx, outcome, "user:tty-job-control",
                              tty_steps)


JOBS = (
    ("user:tty-job-control", tty_job),
)
