# SPDX-License-Identifier: GPL-2.0
"""Boot Tide under QEMU and capture its serial console.

One place builds the QEMU command line, so that `make check`, `make bench`
and a person at a shell all boot the same machine. Tide leaves QEMU with
status 0 when it powers off and 3 when it panics (isa-debug-exit). A power
off counts only with Tide's own "reboot: Power down" line: a triple fault
also ends QEMU with status 0 under -no-reboot. Any other end, or no exit
before the timeout, is a failure; a timed-out boot is killed only after
QEMU's monitor has given every CPU's registers (every boot has a QMP
socket for that).
"""

import os
import re
import selectors
import shlex
import signal
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field

import qmp as qmp_mod

QEMU = "qemu-system-x86_64"
DEBUG_EXIT = "isa-debug-exit,iobase=0xf4,iosize=0x04"

# -cpu max gives NX, 1 GiB pages and the rest under TCG without warnings
# (checked with QEMU 7.2); qemu64 lacks 1 GiB pages.
CPU = "max"

EXIT_POWEROFF = 0
EXIT_PANIC = 3

# Console text that means the kernel went wrong even if it exited cleanly.
FAILURE_MARKS = ("Kernel panic", "Oops:", "WARNING:")

READY_MARK = "Tide ready in"

# What machine_power_off() prints (arch/x86/kernel/reboot.c) before it
# turns the machine off on purpose.
POWEROFF_MARK = "reboot: Power down"

# Seconds a boot may take by default: ten times what the slowest (the
# KUnit boot) needs on an idle host, so that a loaded host does not fail
# a healthy boot. There is no retry: a boot that runs out of it failed.
BOOT_TIMEOUT = 120.0


def qemu_command(kernel, memory="512M", machine="pc", cmdline="",
                 extra_args=(), cpu=CPU, initrd=None):
    """Return the QEMU argv that boots @kernel with the console on stdout
    (and @initrd, the initramfs, if given)."""
    cmd = [QEMU, "-M", machine, "-m", memory, "-kernel", kernel]
    if initrd:
        cmd += ["-initrd", initrd]
    if cmdline:
        cmd += ["-append", cmdline]
    cmd += ["-nographic", "-no-reboot", "-serial", "stdio",
            "-monitor", "none", "-display", "none", "-net", "none",
            "-device", DEBUG_EXIT, "-cpu", cpu]
    cmd += list(extra_args)
    return cmd


@dataclass
class BootResult:
    """What one boot did."""
    command: list
    status: int = None          # QEMU's exit status; None if it was killed
    output: str = ""            # serial console and QEMU's own messages
    elapsed: float = 0.0        # seconds from start to exit (or kill)
    timed_out: bool = False
    registers: str = None       # `info registers -a` taken at the timeout
    log_path: str = None
    marks: dict = field(default_factory=dict)   # mark -> seconds to its line

    @property
    def lines(self):
        return self.output.splitlines()

    def tail(self, n=40):
        return self.lines[-n:]


def qmp_registers(sock_path, timeout=10.0):
    """Every CPU's registers from QEMU's monitor (`info registers -a`)
    through the QMP socket at @sock_path, or a line saying why not."""
    try:
        conn = qmp_mod.QMP(sock_path, timeout=timeout)
        try:
            return conn.hmp("info registers -a")
        finally:
            conn.close()
    except Exception as e:      # a dead or stuck QEMU: say so, go on
        return f"(no registers: {type(e).__name__}: {e})"


def boot(kernel, memory="512M", machine="pc", cmdline="", extra_args=(),
         timeout=BOOT_TIMEOUT, log_path=None, marks=(), script=()):
    """Boot @kernel and wait for QEMU to exit, or kill it after @timeout s
    (first taking the registers of its CPUs into BootResult.registers).

    The console (and QEMU's own messages) go to @log_path as they arrive.
    @marks: strings; the time from QEMU's start until the first complete
    console line containing each is recorded in BootResult.marks.
    @script: (prompt, line) pairs typed on the serial console in order:
    each line is sent once its prompt has appeared since the last one (a
    prompt need not end a line). Input sent before the guest listens is
    lost, which is why it waits for prompts rather than sending at once.
    """
    sockdir = tempfile.mkdtemp(prefix="tide-qmp-")
    sock = os.path.join(sockdir, "qmp.sock")
    cmd = qemu_command(kernel, memory, machine, cmdline,
                       list(extra_args) +
                       ["-qmp", f"unix:{sock},server=on,wait=off"])
    result = BootResult(command=cmd, log_path=log_path)
    log = open(log_path, "wb") if log_path else None
    if log:
        log.write(("# " + shlex.join(cmd) + "\n").encode())

    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if script else
                            subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = start + timeout
    chunks = []
    partial = b""
    step, since_send = 0, b""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                result.timed_out = True
                break
            if not sel.select(min(left, 1.0)):
                continue
            data = os.read(proc.stdout.fileno(), 65536)
            if not data:
                break
            now = time.monotonic() - start
            chunks.append(data)
            if log:
                log.write(data)
                log.flush()
            since_send += data
            if step < len(script) and script[step][0].encode() in since_send:
                proc.stdin.write(script[step][1].encode() + b"\r")
                proc.stdin.flush()
                since_send = b""
                step += 1
                if step == len(script):
                    proc.stdin.close()
            partial += data
            *complete, partial = partial.split(b"\n")
            for raw in complete:
                line = raw.decode("utf-8", "replace")
                for mark in marks:
                    if mark not in result.marks and mark in line:
                        result.marks[mark] = now
    finally:
        sel.close()
        if result.timed_out:
            result.registers = qmp_registers(sock)
            if log:
                log.write(b"\n# QEMU's registers at the timeout:\n" +
                          result.registers.encode())
            _kill(proc)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            _kill(proc)
            proc.wait()
        result.elapsed = time.monotonic() - start
        proc.stdout.close()
        if log:
            log.close()
        shutil.rmtree(sockdir, ignore_errors=True)

    if not result.timed_out:
        result.status = proc.returncode
    result.output = b"".join(chunks).decode("utf-8", "replace").replace("\r", "")
    return result


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def exit_problem(status, output, expect=EXIT_POWEROFF):
    """Why QEMU's exit @status with console @output is not the end
    expected (@expect: EXIT_POWEROFF or EXIT_PANIC), or None.

    A power off must have Tide's POWEROFF_MARK line: status 0 without it
    is an exit Tide did not ask for (a triple fault, with -no-reboot).
    """
    if status == expect == EXIT_POWEROFF:
        if POWEROFF_MARK in output:
            return None
        return (f'unexpected exit: QEMU exited 0 without "{POWEROFF_MARK}" '
                f"(a triple fault?)")
    if status == expect:
        return None
    if status == EXIT_PANIC:
        return "kernel panicked (exit status 3)"
    if status == EXIT_POWEROFF and expect == EXIT_PANIC:
        what = "a power off" if POWEROFF_MARK in output else \
            f'no "{POWEROFF_MARK}" either: a triple fault?'
        return f"unexpected exit: QEMU exited 0, expected a panic (3); {what}"
    return f"unexpected exit: QEMU exit status {status}"


def problems(result, need_ready=False, expect=EXIT_POWEROFF):
    """Return a list of reasons @result is a failed boot (empty if it is fine).

    A boot is fine when QEMU exited before the timeout as @expect says:
    EXIT_POWEROFF, with Tide's power-off line and no panic, Oops or
    WARNING on the console; or EXIT_PANIC (status 3), for a boot that
    tests a panic. With @need_ready it must also have printed "Tide
    ready in".
    """
    reasons = []
    if result.timed_out:
        reasons.append(f"timed out after {result.elapsed:.1f} s")
    else:
        problem = exit_problem(result.status, result.output, expect)
        if problem:
            reasons.append(problem)
    for mark in FAILURE_MARKS if expect == EXIT_POWEROFF else ():
        for line in result.lines:
            if mark in line:
                reasons.append(f"console: {strip_stamp(line).strip()}")
                break
    if need_ready and not any(READY_MARK in line for line in result.lines):
        reasons.append(f'no "{READY_MARK}" line')
    return reasons


_STAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")


def strip_stamp(line):
    """Drop printk's "[    1.234567] " prefix, if any."""
    return _STAMP.sub("", line, count=1)


def parse_size(text):
    """Parse a size like "512M", "3G" or "1024K" into bytes (bare: MiB, as -m)."""
    m = re.fullmatch(r"\s*(\d+)\s*([KMGTkmgt]?)(?:i?B)?\s*", text)
    if not m:
        raise ValueError(f"bad size {text!r}")
    shift = {"": 20, "K": 10, "M": 20, "G": 30, "T": 40}[m.group(2).upper()]
    return int(m.group(1)) << shift


# busybox sh's prompt in Tide's initramfs (PS1='tide:\w\$ ' in its
# /etc/profile): "tide:", the working directory, "# ". busybox asks the
# terminal where its cursor is (ESC [ 6 n) after each prompt; nobody
# answers on a serial line, and it goes on without.
SHELL_PROMPT = re.compile(rb"tide:/[^\n#]*# ")

# What Machine.run() drops from a command's output: terminal control
# sequences (the cursor query above).
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_echo(line, out):
    """@out, what the shell printed after @line was typed, without the
    echo of @line: the shell's line editor breaks a line that reaches
    the edge of the terminal (80 columns: the serial port has no size)
    onto the next, so the echo may span several lines."""
    out = _CONTROL.sub("", out)
    want = line.strip()
    lines = out.split("\n")
    echo = ""
    for i in range(min(len(lines) - 1, len(want) // 40 + 2)):
        echo += lines[i]
        if echo.rstrip().endswith(want):
            return "\n".join(lines[i + 1:])
    return out


class Machine:
    """A running Tide (or other) guest driven from the host while it runs.

    For tests that hot-plug: the console is read by a thread into
    self.output, lines are typed into the serial port, and QEMU's QMP
    socket is open as self.qmp (see qmp.py). Use as a context manager;
    leaving it powers the guest off (or kills QEMU after @timeout).
    Tide boots its initramfs (@initrd) into busybox sh, whose prompt
    (PROMPT) names the working directory:

        with Machine(kernel, initrd=image, extra_args=[...]) as m:
            m.expect(Machine.PROMPT)
            out = m.run("cat /sys/devices/system/memory/block_size_bytes")
            m.qmp.command("device_add", driver="pc-dimm", id="d1",
                          memdev="m1")

    A prompt (@prompt, or an argument of expect()) is a string or a
    compiled bytes pattern.
    """

    PROMPT = SHELL_PROMPT

    def __init__(self, kernel, memory="512M", machine="pc", cmdline="",
                 extra_args=(), log_path=None, timeout=120.0,
                 prompt=SHELL_PROMPT, initrd=None):
        import threading

        self.prompt = prompt
        self.sockdir = tempfile.mkdtemp(prefix="tide-qmp-")
        sock = os.path.join(self.sockdir, "qmp.sock")
        cmd = qemu_command(kernel, memory, machine, cmdline,
                           list(extra_args) +
                           ["-qmp", f"unix:{sock},server=on,wait=off"],
                           initrd=initrd)
        self.command = cmd
        self.log = open(log_path, "wb") if log_path else None
        if self.log:
            self.log.write(("# " + shlex.join(cmd) + "\n").encode())
        self.start = time.monotonic()
        self.deadline = self.start + timeout
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self._raw = bytearray()
        self._cond = threading.Condition()
        self._eof = False
        self._reader = threading.Thread(target=self._read_console,
                                        daemon=True)
        self._reader.start()
        self.pos = 0            # where the next expect() starts looking
        self.status = None
        try:
            self.qmp = qmp_mod.QMP(sock)
        except Exception:
            self.kill()
            raise

    def _read_console(self):
        fd = self.proc.stdout.fileno()
        while True:
            data = os.read(fd, 65536)
            with self._cond:
                if not data:
                    self._eof = True
                    self._cond.notify_all()
                    return
                self._raw += data
                if self.log:
                    self.log.write(data)
                    self.log.flush()
                self._cond.notify_all()

    @property
    def output(self):
        with self._cond:
            return self._raw.decode("utf-8", "replace").replace("\r", "")

    def _find(self, text):
        """(start, end) of the first @text (a string or a compiled bytes
        pattern) in the console after self.pos, or None."""
        if isinstance(text, str):
            i = self._raw.find(text.encode(), self.pos)
            return (i, i + len(text.encode())) if i >= 0 else None
        found = text.search(self._raw, self.pos)
        return found.span() if found else None

    def expect(self, text, timeout=60.0):
        """Wait until @text (a string or a compiled bytes pattern)
        appears after the last match; return the text between the last
        match and the end of this one. TimeoutError if it does not appear
        within @timeout s, EOFError if QEMU exits first."""
        what = text if isinstance(text, str) else \
            text.pattern.decode("utf-8", "replace")
        end = min(time.monotonic() + timeout, self.deadline)
        with self._cond:
            while True:
                span = self._find(text)
                if span:
                    got = self._raw[self.pos:span[0]]
                    self.pos = span[1]
                    return got.decode("utf-8", "replace").replace("\r", "")
                if self._eof:
                    raise EOFError(f"QEMU exited before {what!r}")
                left = end - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no {what!r} within {timeout} s")
                self._cond.wait(min(left, 1.0))

    def send(self, line):
        """Type @line and Enter on the serial console."""
        self.proc.stdin.write(line.encode() + b"\r")
        self.proc.stdin.flush()

    def run(self, line, timeout=60.0):
        """Type a shell command at the prompt (which must already have been
        consumed by expect()) and return its output, up to the next prompt,
        without the echoed command line."""
        self.send(line)
        return strip_echo(line, self.expect(self.prompt, timeout))

    def registers(self):
        """Every CPU's registers (`info registers -a`), or a line saying
        why QEMU's monitor did not give them. For a timeout's report,
        before the guest is killed."""
        try:
            return str(self.qmp.hmp("info registers -a"))
        except Exception as e:
            return f"(no registers: {type(e).__name__}: {e})"

    def kill(self):
        _kill(self.proc)
        self.proc.wait()
        self._finish()

    def poweroff(self, timeout=30.0):
        """Ask the guest to power off through the shell (busybox's
        `poweroff -f`: reboot(2) at once, not through init); kill it if
        it does not. Return QEMU's exit status (None if killed)."""
        try:
            self.send("poweroff -f")
            self.status = self.proc.wait(timeout=timeout)
        except (subprocess.TimeoutExpired, BrokenPipeError):
            _kill(self.proc)
            self.proc.wait()
        self._finish()
        return self.status

    def _finish(self):
        self._reader.join(timeout=5)
        try:
            self.qmp.close()
        except AttributeError:
            pass
        if self.log and not self.log.closed:
            self.log.close()
        shutil.rmtree(self.sockdir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            if exc[0] is None:
                self.poweroff()
            else:
                self.kill()
        else:
            self.status = self.proc.returncode
            self._finish()
        return False
