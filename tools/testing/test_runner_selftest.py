# SPDX-License-Identifier: GPL-2.0
"""Unit tests for the host side of `make check`: KTAP counting, the boot
verdicts, the QEMU command line and how scenarios are reported. Run with
/usr/bin/python3 -m pytest."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap           # noqa: E402
import qemu           # noqa: E402
import scenario       # noqa: E402
import tide_check     # noqa: E402

PASSING = """\
[    0.100000] Tide ready in 0.100000 s
[    0.167518] KTAP version 1
[    0.167606] 1..2
[    0.167758]     KTAP version 1
[    0.167851]     # Subtest: alpha
[    0.168022]     1..3
[    0.168491]     ok 1 one
[    0.169007]     ok 2 two # SKIP not today
[    0.169543]         KTAP version 1
[    0.169617]         # Subtest: three
[    0.170142]         ok 1 first param
[    0.170326]         ok 2 param-1
[    0.170817]     # three: pass:2 fail:0 skip:0 total:2
[    0.170949]     ok 3 three
[    0.172012] # alpha: pass:2 fail:0 skip:1 total:3
[    0.172141] # Totals: pass:3 fail:0 skip:1 total:4
[    0.172248] ok 1 alpha
[    0.172341]     KTAP version 1
[    0.172406]     # Subtest: beta
[    0.172475]     1..1
[    0.172553]     ok 1 only
[    0.174147] ok 2 beta
[    0.174232] # Totals: pass:4 fail:0 skip:1 total:5
[    0.174358] reboot: Power down
"""

FAILING = """\
[    0.107208] KTAP version 1
[    0.107269] 1..1
[    0.107341]     KTAP version 1
[    0.107400]     # Subtest: demo
[    0.107492]     1..3
[    0.107777]     # expect: EXPECTATION FAILED at lib/kunit/x.c:10
[    0.107941]     Expected got == 5, but
[    0.108063]         got == 4 (0x4)
[    0.108237]     not ok 1 expect
[    0.108911]     ok 2 after
[    0.109025]         KTAP version 1
[    0.109085]         # Subtest: params
[    0.109232]         ok 1 param-0
[    0.109332]     # params: EXPECTATION FAILED at lib/kunit/x.c:20
[    0.109604]         not ok 2 param-1
[    0.109677]         ok 3 param-2 # SKIP odd one
[    0.109885]     not ok 3 params
[    0.110181] not ok 1 demo
[    0.110264] # Totals: pass:2 fail:2 skip:1 total:5
"""


def test_passing_counts_leaves():
    r = ktap.parse(PASSING)
    assert r.problems == []
    assert [leaf.name for leaf in r.leaves] == [
        "alpha.one", "alpha.two", "alpha.three.first param",
        "alpha.three.param-1", "beta.only"]
    assert (r.passed, r.failed, r.skipped) == (4, 0, 1)
    assert r.totals_line == (4, 0, 1, 5)
    assert r.by_name()["alpha.two"].reason == "not today"


def test_failing_counts_params_and_keeps_diagnostics():
    r = ktap.parse(FAILING)
    assert r.problems == []
    status = {leaf.name: leaf.status for leaf in r.leaves}
    assert status == {
        "demo.expect": ktap.FAIL,
        "demo.after": ktap.PASS,
        "demo.params.param-0": ktap.PASS,
        "demo.params.param-1": ktap.FAIL,
        "demo.params.param-2": ktap.SKIP,
    }
    expect = r.by_name()["demo.expect"]
    assert "        got == 4 (0x4)" in expect.log
    assert any("EXPECTATION FAILED" in x for x in expect.log)


def test_cut_short_output_is_a_problem():
    cut = "\n".join(FAILING.splitlines()[:11])     # dies inside "demo"
    r = ktap.parse(cut)
    assert r.problems
    assert any("planned" in p for p in r.problems)


def test_suite_without_cases_is_one_leaf():
    text = ("KTAP version 1\n1..1\n"
            "    # broken: failed to initialize (-12)\n"
            "not ok 1 broken\n")
    r = ktap.parse(text)
    assert [(x.name, x.status) for x in r.leaves] == [("broken", ktap.FAIL)]
    assert r.problems == []


def test_no_ktap_at_all():
    r = ktap.parse("[    0.1] Tide ready in 0.1 s\n")
    assert not r.found
    assert r.problems == ["no KTAP output"]


def test_memtotal_bounds():
    assert tide_check.memtotal_problem(500000, "512M") is None
    assert tide_check.memtotal_problem(8256044, "8G") is None
    assert "exceeds" in tide_check.memtotal_problem(600000, "512M")
    assert "under half" in tide_check.memtotal_problem(100000, "512M")
    assert tide_check.memtotal_problem(250000, "512M", "256M") is None
    assert "exceeds" in tide_check.memtotal_problem(500000, "512M", "256M")
    assert tide_check.memtotal_problem(None, "512M") == "no MemTotal line"


POWER_DOWN = "[ 0.3] reboot: Power down\n"


def test_boot_verdicts():
    ok = qemu.BootResult(command=[], status=0,
                         output="[ 0.1] Tide ready in 0.1 s\n" + POWER_DOWN)
    assert qemu.problems(ok, need_ready=True) == []
    panic = qemu.BootResult(command=[], status=3,
                            output="[ 0.2] Kernel panic - not syncing: x\n")
    assert len(qemu.problems(panic)) == 2
    warn = qemu.BootResult(command=[], status=0,
                           output="[ 0.2] WARNING: mm/x.c:1 f: cond\n" +
                           POWER_DOWN)
    assert qemu.problems(warn) == ["console: WARNING: mm/x.c:1 f: cond"]
    hung = qemu.BootResult(command=[], timed_out=True, elapsed=60)
    assert qemu.problems(hung, need_ready=True)[0].startswith("timed out")


def test_exit_0_without_power_off_line_is_unexpected():
    # A triple fault under -no-reboot: QEMU exits 0, Tide said nothing.
    reset = qemu.BootResult(command=[], status=0,
                            output="[ 0.1] Tide ready in 0.1 s\n"
                                   "[ 0.2] test: overflowing\n")
    [why] = qemu.problems(reset, need_ready=True)
    assert why.startswith("unexpected exit: QEMU exited 0 without "
                          '"reboot: Power down"')


def test_expected_panic_verdicts():
    panic = qemu.BootResult(command=[], status=3,
                            output="[ 0.2] Oops: kernel stack overflow\n"
                                   "[ 0.2] Kernel panic - not syncing: x\n")
    assert qemu.problems(panic, expect=qemu.EXIT_PANIC) == []
    reset = qemu.BootResult(command=[], status=0, output="[ 0.2] test\n")
    [why] = qemu.problems(reset, expect=qemu.EXIT_PANIC)
    assert why.startswith("unexpected exit: QEMU exited 0, expected a panic")
    off = qemu.BootResult(command=[], status=0, output=POWER_DOWN)
    assert qemu.problems(off, expect=qemu.EXIT_PANIC)[0].startswith(
        "unexpected exit")
    odd = qemu.BootResult(command=[], status=1, output="")
    assert qemu.problems(odd) == ["unexpected exit: QEMU exit status 1"]


def _fake_boot(monkeypatch, results):
    """qemu.boot() returns the items of @results in turn; returns the list
    of the calls' keyword arguments."""
    calls, queue = [], list(results)

    def fake(kernel, **kw):
        calls.append(kw)
        return queue.pop(0)

    monkeypatch.setattr(qemu, "boot", fake)
    return calls


def _ctx(tmp_path):
    class Ctx:
        kernel = str(tmp_path / "tide")
        build = str(tmp_path)
        log_dir = str(tmp_path)
        timeout = qemu.BOOT_TIMEOUT
    return Ctx()


def test_boot_hang_fails_once_with_registers(monkeypatch, capsys, tmp_path):
    hung = qemu.BootResult(command=[], timed_out=True, elapsed=120,
                           output="[ 0.1] smp: booting CPU 1\n",
                           registers="CPU#0\nRAX=0000000000000000 RBX=1\n"
                                     "RIP=ffffffff80201000 RFL=00000002")
    ok = qemu.BootResult(command=[], status=0, output=POWER_DOWN)
    calls = _fake_boot(monkeypatch, [hung, ok])
    case = tide_check.BootCase("boot:selftest-hang", "pc", "512M")
    [outcome] = tide_check.boot_job(_ctx(tmp_path), case)
    assert len(calls) == 1
    assert calls[0]["timeout"] == qemu.BOOT_TIMEOUT >= 120
    assert outcome.status == tide_check.FAIL
    assert outcome.reason.startswith("timed out after 120.0 s")
    assert "| [ 0.1] smp: booting CPU 1" in outcome.detail
    assert "| RIP=ffffffff80201000 RFL=00000002" in outcome.detail
    assert "RETRY" not in capsys.readouterr().out


def test_stack_overflow_cases_expect_a_panic(monkeypatch, tmp_path):
    cases = [c for c in tide_check.BOOT_MATRIX
             if c.name.startswith("boot:stack-overflow-")]
    assert {c.name for c in cases} == {"boot:stack-overflow-boot",
                                       "boot:stack-overflow-thread"}
    for case in cases:
        assert case.expect_exit == qemu.EXIT_PANIC
        text = ("[ 0.2] Oops: kernel stack overflow on CPU 1: task "
                f"{case.cmdline.split('=')[1].replace('thread', 'stack_overflow')}"
                " (pid 7)\n[ 0.2] Kernel panic - not syncing: "
                "kernel stack overflow\n")
        _fake_boot(monkeypatch, [
            qemu.BootResult(command=[], status=3, output=text),
            qemu.BootResult(command=[], status=0, output="[ 0.1] reset\n")])
        [good] = tide_check.boot_job(_ctx(tmp_path), case)
        assert good.status == tide_check.PASS, good.reason
        [bad] = tide_check.boot_job(_ctx(tmp_path), case)
        assert bad.status == tide_check.FAIL
        assert "unexpected exit" in bad.reason


def test_qemu_command_line():
    cmd = qemu.qemu_command("build/tide", "3G", "q35", "mem=1G", ["-smp", "1"])
    assert cmd[:7] == ["qemu-system-x86_64", "-M", "q35", "-m", "3G",
                       "-kernel", "build/tide"]
    assert cmd[cmd.index("-append") + 1] == "mem=1G"
    assert "isa-debug-exit,iobase=0xf4,iosize=0x04" in cmd
    assert cmd[-2:] == ["-smp", "1"]


def test_parse_size():
    assert qemu.parse_size("512M") == 512 << 20
    assert qemu.parse_size("3G") == 3 << 30
    assert qemu.parse_size("128") == 128 << 20


def test_job_selection():
    assert tide_check.selected("boot:pc-8G", ["pc-8G"])
    assert tide_check.selected("boot:pc-8G", ["boot:*"])
    assert not tide_check.selected("kunit", ["boot:*"])
    assert tide_check.selected("anything", [])


# ---- hotplug scenarios in make check, without booting QEMU ----

class FakeMachine:
    """Stands in for the qemu.Machine scenario.start() returns. Leaving
    it powers off: status 0 and, with @says_power_down, Tide's line."""

    def __init__(self, output="tide:/# ", says_power_down=True):
        self.output = output
        self.status = None
        self.says_power_down = says_power_down

    def registers(self):
        return "CPU#0\nRIP=ffffffff80200000 RFL=00000246"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.status = qemu.EXIT_POWEROFF
        if self.says_power_down:
            self.output += "poweroff\nPowering off.\n" + POWER_DOWN
        return False


def _run_check(monkeypatch, capsys, tmp_path, scenarios, starts):
    """tide_check.main() over @scenarios only; scenario.start() returns
    (or raises) the items of @starts in turn. Returns (status, stdout)."""
    import scenario

    monkeypatch.setattr(scenario, "all_scenarios",
                        lambda errors=None: list(scenarios))
    queue = list(starts)

    def fake_start(kernel, sc, log_path=None, initrd=None):
        with open(log_path, "w") as f:
            f.write("[    0.1] Tide ready in 0.1 s\n")
        item = queue.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    monkeypatch.setattr(scenario, "start", fake_start)
    (tmp_path / "tide").write_bytes(b"")
    status = tide_check.main(["--build", str(tmp_path), "-j", "1",
                              "-k", "hotplug:selftest"])
    return status, capsys.readouterr().out


def test_scenario_failure_is_reported(monkeypatch, capsys, tmp_path):
    import scenario

    def passes(m):
        pass

    def raises(m):
        raise AssertionError("MemTotal did not grow")

    scs = [scenario.Scenario("hotplug:selftest-pass", passes),
           scenario.Scenario("hotplug:selftest-raise", raises)]
    status, out = _run_check(monkeypatch, capsys, tmp_path, scs,
                             [FakeMachine(), FakeMachine()])
    lines = out.splitlines()
    assert "PASS hotplug:selftest-pass" in lines
    assert ("FAIL hotplug:selftest-raise: AssertionError: MemTotal did not "
            "grow") in lines
    assert lines[-1] == "1 passed, 1 failed"
    assert status == 1


def test_scenario_console_warning_fails(monkeypatch, capsys, tmp_path):
    import scenario

    sc = scenario.Scenario("hotplug:selftest-warn", lambda m: None)
    bad = FakeMachine("tide:/# \n[ 1.0] WARNING: mm/x.c:1 f\ntide:/# ")
    status, out = _run_check(monkeypatch, capsys, tmp_path, [sc], [bad])
    assert "FAIL hotplug:selftest-warn: console: WARNING: mm/x.c:1 f" in out
    assert status == 1


def test_scenario_boot_hang_fails_with_registers(monkeypatch, capsys, tmp_path):
    import scenario

    sc = scenario.Scenario("hotplug:selftest-hang", lambda m: None)
    hang = scenario.BootHang("no 'tide:/# ' within 120 s",
                             "CPU#0\nRIP=ffffffff80201234 RFL=00000002")
    status, out = _run_check(monkeypatch, capsys, tmp_path, [sc],
                             [hang, FakeMachine()])
    lines = out.splitlines()
    assert not any(line.startswith("RETRY") for line in lines)
    assert lines[0] == ("FAIL hotplug:selftest-hang: boot hang: no 'tide:/# ' "
                        "within 120 s")
    assert "    | RIP=ffffffff80201234 RFL=00000002" in lines
    assert lines[-1] == "0 passed, 1 failed"
    assert status == 1
    assert scenario.BOOT_TIMEOUT == qemu.BOOT_TIMEOUT >= 120


def test_scenario_step_timeout_has_registers(monkeypatch, capsys, tmp_path):
    import scenario

    def stuck(m):
        raise TimeoutError("no 'tide:/# ' within 60.0 s")

    sc = scenario.Scenario("hotplug:selftest-stuck", stuck)
    status, out = _run_check(monkeypatch, capsys, tmp_path, [sc],
                             [FakeMachine()])
    assert ("FAIL hotplug:selftest-stuck: TimeoutError: no 'tide:/# ' within "
            "60.0 s") in out
    assert "    | RIP=ffffffff80200000 RFL=00000246" in out
    assert status == 1


def test_scenario_exit_without_power_off_line_fails(monkeypatch, capsys,
                                                    tmp_path):
    import scenario

    sc = scenario.Scenario("hotplug:selftest-reset", lambda m: None)
    status, out = _run_check(monkeypatch, capsys, tmp_path, [sc],
                             [FakeMachine(says_power_down=False)])
    assert ("FAIL hotplug:selftest-reset: unexpected exit: QEMU exited 0 "
            'without "reboot: Power down"') in out
    assert status == 1


def test_quick_keeps_a_couple_of_quick_scenarios(monkeypatch):
    import scenario

    scs = [scenario.Scenario(f"hotplug:q{i}", None, quick=i % 2 == 0)
           for i in range(8)]
    monkeypatch.setattr(scenario, "all_scenarios",
                        lambda errors=None: list(scs))
    names = [j.name for j in tide_check.scenario_jobs(quick=True)]
    assert names == ["hotplug:q0", "hotplug:q2"]
    assert len(tide_check.scenario_jobs(quick=False)) == 8


def test_broken_scenario_module_is_a_failing_job(monkeypatch):
    import scenario

    def broken(errors=None):
        errors.append(("hotplug_bad", SyntaxError("invalid syntax")))
        return []

    monkeypatch.setattr(scenario, "all_scenarios", broken)
    jobs = tide_check.scenario_jobs(quick=False)
    assert [j.name for j in jobs] == ["hotplug:hotplug_bad"]
    [outcome] = jobs[0].fn(None)
    assert outcome.status == tide_check.FAIL
    assert "SyntaxError" in outcome.reason


def _fake_qmp(path, script):
    """A QMP server on @path that greets, then answers each command line
    it reads with script(msg), a list of JSON lines to send."""
    import json
    import socket
    import threading

    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)

    def serve():
        conn, _ = srv.accept()
        conn.sendall(b'{"QMP": {"version": {}}}\n')
        buf = b""
        while True:
            data = conn.recv(4096)
            if not data:
                break
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                for out in script(json.loads(line)):
                    conn.sendall(json.dumps(out).encode() + b"\n")
        conn.close()
        srv.close()

    threading.Thread(target=serve, daemon=True).start()


def test_qmp_stale_reply_is_not_the_next_commands(tmp_path):
    """A reply that arrives after its command timed out is never taken for
    the next command's; a short wait_event leaves the timeout as it was."""
    import qmp
    path = str(tmp_path / "qmp.sock")
    held = []

    def script(msg):
        if msg["execute"] == "slow":
            held.append(msg["id"])      # answered late, with the next one
            return []
        out = [{"return": ["stale"], "id": i} for i in held]
        held.clear()
        return out + [{"return": msg["execute"], "id": msg.get("id")}]

    _fake_qmp(path, script)
    q = qmp.QMP(path, timeout=1.0)
    try:
        q.command("slow")
        raise AssertionError("the slow command did not time out")
    except TimeoutError:
        pass
    try:
        q.wait_event("NEVER", timeout=0.05)
    except TimeoutError:
        pass
    assert q.sock.gettimeout() == 1.0
    assert q.command("fast") == "fast"
    q.close()


# ---- busybox sh at the console, as qemu.Machine sees it ----

def test_shell_prompt_matches_busybox():
    """The prompt of the initramfs's profile, in / and after a cd."""
    for text in (b"tide:/# ", b"tide:/sys/devices/system/memory# "):
        assert qemu.SHELL_PROMPT.fullmatch(text), text
    assert not qemu.SHELL_PROMPT.search(b"tide# ")
    assert not qemu.SHELL_PROMPT.search(b"tide:/\nx# ")


def test_two_kunit_globs_are_refused():
    # kunit.filter_glob takes one glob: the second used to replace the
    # first without a word
    try:
        tide_check.main(["-k", "kunit:a.*", "-k", "kunit:b.*", "--list"])
    except SystemExit as e:
        assert e.code == 2
    else:
        raise AssertionError("two kunit: patterns were accepted")


def test_exit_status_skips_kernel_lines():
    # the CI failure of hotplug:scale:16-dimms: a driver's message came
    # after the status
    out = "0\n[    2.395462] acpi_memhotplug: added [mem 0x3-0x4] node 0\n"
    assert scenario.exit_status(out) == 0
    assert scenario.exit_status("[    1.0] x\n1\n") == 1
    assert scenario.exit_status("\n") is None
    assert scenario.exit_status("[   12.5] 3\n") is None


def test_strip_echo():
    line = "echo offline > memory32/state; echo $? ; echo " + "a" * 40
    # busybox's cursor query, and a line broken at the 80th column
    out = ("\x1b[6n" + line[:47] + "\n" + line[47:] + "\n" + "0\n" +
           "a" * 40 + "\n")
    assert qemu.strip_echo(line, out) == "0\n" + "a" * 40 + "\n"
    assert qemu.strip_echo("cat x", "\x1b[6ncat x\nhello\n") == "hello\n"
    assert qemu.strip_echo("", "\x1b[6n\n") == ""
    # no echo (the guest did not see the line): everything is kept
    assert qemu.strip_echo("ls", "something else\n") == "something else\n"
