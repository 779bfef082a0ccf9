# SPDX-License-Identifier: GPL-2.0
"""Read the KTAP version 1 that Tide's KUnit prints, two ways.

Our own reader counts leaf results (a plain case, or one parameter of a
parameterised case; a suite that printed no cases counts as one leaf) and
checks the plans. Linux's own kunit.py, taken from Debian's linux-source
tarball, gives a second, independent verdict on the same console log.
"""

import os
import re
import subprocess
import threading
from dataclasses import dataclass, field

LINUX_TARBALL = "/usr/src/linux-source-6.12.tar.xz"
LINUX_TOP = "linux-source-6.12"
KUNIT_TOOL_DIR = "tools/testing/kunit"

PASS, FAIL, SKIP = "pass", "fail", "skip"

_STAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")
_RESULT = re.compile(r"^(?P<indent> *)(?P<ok>ok|not ok) (?P<num>\d+)"
                     r"(?: -)?(?: (?P<name>[^#]*?))?\s*"
                     r"(?:#\s*(?P<directive>\w+)\b\s*(?P<reason>.*))?$")
_SUBTEST = re.compile(r"^(?P<indent> *)# Subtest: (?P<name>.*)$")
_PLAN = re.compile(r"^(?P<indent> *)1\.\.(?P<count>\d+)\s*$")
_VERSION = re.compile(r"^(?P<indent> *)K?TAP version \d+\s*$")
_TOTALS = re.compile(r"^# Totals: pass:(\d+) fail:(\d+) skip:(\d+) "
                     r"total:(\d+)\s*$")


@dataclass
class Leaf:
    """One counted result: its dotted path, status and diagnostic lines."""
    name: str
    status: str
    reason: str = ""
    log: list = field(default_factory=list)


@dataclass
class Report:
    leaves: list = field(default_factory=list)
    problems: list = field(default_factory=list)    # malformed or cut short
    totals_line: tuple = None       # the last "# Totals:" at column 0
    found: bool = False             # a KTAP header was seen at all

    def count(self, status):
        return sum(1 for leaf in self.leaves if leaf.status == status)

    @property
    def passed(self):
        return self.count(PASS)

    @property
    def failed(self):
        return self.count(FAIL)

    @property
    def skipped(self):
        return self.count(SKIP)

    def by_name(self):
        return {leaf.name: leaf for leaf in self.leaves}


def ktap_lines(text):
    """The KTAP part of a console log, printk time stamps removed.

    Starts at the first column-0 "KTAP version" line; lines before it are
    kernel messages.
    """
    out = []
    started = False
    for raw in text.splitlines():
        line = _STAMP.sub("", raw.rstrip("\r\n"), count=1).rstrip()
        if not started:
            if line.startswith("KTAP version"):
                started = True
            else:
                continue
        out.append(line)
    return out


def parse(text):
    """Count the leaf results of the KTAP in @text (a whole console log).

    Nesting comes from the indentation, four spaces a level. A result line
    at level L is a leaf unless results at level L+1 came since the last
    result at level L; the subtest names at levels 1..L make up its path.
    """
    report = Report()
    lines = ktap_lines(text)
    if not lines:
        report.problems.append("no KTAP output")
        return report
    report.found = True

    names = {}      # level -> "# Subtest:" name of the group open there
    plans = {}      # level -> "1..N" of the group open there
    seen = {}       # level -> results so far in the group open there
    diag = []       # lines since the last result line

    def check_plan(level, what):
        if level in plans and seen.get(level, 0) != plans[level]:
            report.problems.append(f"{what}: planned {plans[level]} "
                                   f"results, got {seen.get(level, 0)}")

    for line in lines:
        m = _RESULT.match(line)
        if m:
            level = len(m.group("indent")) // 4
            name = (m.group("name") or "").strip()
            if m.group("ok") == "not ok":
                status = FAIL
            elif (m.group("directive") or "").upper() == "SKIP":
                status = SKIP
            else:
                status = PASS
            if not seen.get(level + 1):
                path = [names[lvl] for lvl in range(1, level + 1)
                        if lvl in names]
                report.leaves.append(Leaf(".".join(path + [name]), status,
                                          (m.group("reason") or "").strip(),
                                          diag))
            # This result closes the group of its own subtests.
            check_plan(level + 1, name)
            for state in (names, plans, seen):
                for lvl in [k for k in state if k > level]:
                    del state[lvl]
            seen[level] = seen.get(level, 0) + 1
            diag = []
            continue
        m = _SUBTEST.match(line)
        if m:
            names[len(m.group("indent")) // 4] = m.group("name").strip()
            continue
        m = _PLAN.match(line)
        if m:
            plans[len(m.group("indent")) // 4] = int(m.group("count"))
            continue
        if _VERSION.match(line):
            continue
        m = _TOTALS.match(line)
        if m:
            report.totals_line = tuple(int(x) for x in m.groups())
        diag.append(line)

    for lvl in sorted(plans, reverse=True):
        what = ".".join(names[k] for k in range(1, lvl + 1) if k in names)
        check_plan(lvl, (what or "top level") + " (output cut short?)")
    return report


_extract_lock = threading.Lock()


def kunit_tool(build_dir, tarball=LINUX_TARBALL):
    """Return the path of Linux's kunit.py, extracting it once into @build_dir.

    Only tools/testing/kunit/ is taken from the tarball, into
    <build_dir>/linux-tools/. Raises FileNotFoundError without the tarball.
    Safe to call from several threads at once (the jobs of make check).
    """
    with _extract_lock:
        return _kunit_tool(build_dir, tarball)


def _kunit_tool(build_dir, tarball):
    dest = os.path.join(build_dir, "linux-tools")
    tool = os.path.join(dest, KUNIT_TOOL_DIR, "kunit.py")
    if os.path.exists(tool):
        return tool
    if not os.path.exists(tarball):
        raise FileNotFoundError(f"{tarball} is missing (apt-get install "
                                f"linux-source-6.12)")
    os.makedirs(dest, exist_ok=True)
    prefix = f"{LINUX_TOP}/{KUNIT_TOOL_DIR}"
    tmp = dest + ".tmp"
    subprocess.run(["rm", "-rf", tmp], check=True)
    os.makedirs(tmp)
    subprocess.run(["tar", "-xJf", tarball, "--strip-components=1",
                    "-C", tmp, prefix], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.makedirs(os.path.join(dest, "tools", "testing"), exist_ok=True)
    os.replace(os.path.join(tmp, KUNIT_TOOL_DIR),
               os.path.join(dest, KUNIT_TOOL_DIR))
    subprocess.run(["rm", "-rf", tmp], check=True)
    return tool


@dataclass
class ToolVerdict:
    status: int
    summary: str        # "Ran N tests: passed: P, ..." or "" if none
    total: int          # tests kunit.py counted, -1 if unknown
    errors: int
    output: str


_TOOL_SUMMARY = re.compile(r"Testing complete\. (Ran (\d+) tests?:?.*)$")


def kunit_parse(tool, log_path, python="/usr/bin/python3", timeout=120):
    """Run `kunit.py parse` on @log_path and read its summary line."""
    proc = subprocess.run([python, tool, "parse", log_path],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=timeout,
                          env=dict(os.environ, TERM="dumb"))
    summary, total, errors = "", -1, 0
    for line in proc.stdout.splitlines():
        m = _TOOL_SUMMARY.search(line)
        if m:
            summary = m.group(1).strip()
            total = int(m.group(2))
            e = re.search(r"errors: (\d+)", summary)
            errors = int(e.group(1)) if e else 0
    return ToolVerdict(proc.returncode, summary, total, errors, proc.stdout)

