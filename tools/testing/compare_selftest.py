# SPDX-License-Identifier: GPL-2.0
"""pytest tests of compare.py's host side (make check's pytest job):
reading the items off a console, the allow-list's format, and what counts
as a difference. No QEMU is started."""

import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare   # noqa: E402


CONSOLE = (
    "tide:/# /compare/run.sh lsmem\r\n"
    "@@< lsmem\r\n"
    "RANGE  SIZE\r\n"
    "[   12.345678] a kernel line in the middle\r\n"
    "\x1b[6n0x0-0x7ffffff 128M\r\n"
    "@@> 0\r\n"
    "@@< lsmem -o NOSUCH\r\n"
    "lsmem: unknown column: NOSUCH\r\n"
    "@@> 1\r\n"
    "@@< lsmem -o NOSUCH\r\n"
    "@@> 1\r\n"
    "@@ done lsmem\r\n")


def test_parse_items_reads_output_and_status():
    items = compare.parse_items(CONSOLE)
    assert items["lsmem"] == ("RANGE  SIZE\n0x0-0x7ffffff 128M", 0)
    assert items["lsmem -o NOSUCH"] == ("lsmem: unknown column: NOSUCH", 1)


def test_parse_items_numbers_a_repeated_name():
    items = compare.parse_items(CONSOLE)
    assert items["lsmem -o NOSUCH #2"] == ("", 1)
    assert list(items) == ["lsmem", "lsmem -o NOSUCH", "lsmem -o NOSUCH #2"]


def test_parse_items_takes_out_a_kernel_line_cut_into_one():
    text = ("@@< write 'chang[   24.740072] synth uevent: bad\r\n"
            "e' > x\r\nsh: write error: Invalid argument\r\n@@> 1\r\n")
    assert compare.parse_items(text) == {
        "write 'change' > x": ("sh: write error: Invalid argument", 1)}


def test_parse_items_drops_an_unfinished_item():
    assert compare.parse_items("@@< half\nsome output\n") == {}


def _allow(tmp_path, text):
    path = tmp_path / "allow.txt"
    path.write_text(text)
    return compare.load_allow_list(str(path))


def test_allow_list_entries(tmp_path):
    entries = _allow(tmp_path, "# comment\n\n"
                     "differ sysfs-node: read /sys/x/* | not in Tide\n"
                     "normalize numactl:* /free: \\d+/free: N/ | numbers\n"
                     "normalize s: links * #^.*/fw -> .*\\n## | no links\n")
    assert [e.kind for e in entries] == ["differ", "normalize", "normalize"]
    assert entries[0].pattern == "sysfs-node: read /sys/x/*"
    assert entries[0].reason == "not in Tide"
    assert entries[1].regex.sub(entries[1].repl, "free: 12") == "free: N"
    assert entries[2].pattern == "s: links *"
    assert entries[2].regex.sub(entries[2].repl, "a\nb/fw -> c\nd") == "a\nd"


@pytest.mark.parametrize("line", [
    "differ lsmem:*",                       # no reason
    "differ lsmem:* | ",                    # an empty reason
    "skip lsmem:* | why",                   # no such kind
    "normalize lsmem:* | why",              # no regex
    "normalize lsmem:* /a/ | why",          # no replacement
    "normalize lsmem:*/a/b/ | why",         # glob and regex run together
    "normalize lsmem:* /(/x/ | why",        # a regex that does not compile
])
def test_allow_list_refuses(tmp_path, line):
    with pytest.raises(compare.CompareError):
        _allow(tmp_path, line + "\n")


def test_the_allow_list_parses():
    entries = compare.load_allow_list()
    assert entries and all(e.reason for e in entries)
    sections = set(compare.SECTIONS)
    for e in entries:
        assert e.pattern.split(":")[0] in sections | {"*"}, e


def _rows(linux, tide, allow_text, tmp_path):
    allow = _allow(tmp_path, allow_text) if allow_text else []
    return {r[0]: r[1] for r in
            compare.compare_section("sec", linux, tide, allow)}


def test_compare_same_and_different(tmp_path):
    rows = _rows({"a": ("x", 0), "b": ("y", 0), "c": ("z", 0)},
                 {"a": ("x", 0), "b": ("y", 1), "c": ("Z", 0)}, "", tmp_path)
    assert rows == {"a": "same", "b": "differ", "c": "differ"}


def test_compare_one_side_only_is_a_difference(tmp_path):
    rows = _rows({"a": ("x", 0)}, {"b": ("x", 0)}, "", tmp_path)
    assert rows == {"a": "differ", "b": "differ"}


def test_compare_normalize_and_differ(tmp_path):
    allow = ("normalize sec: m /\\d+ kB/N kB/ | numbers\n"
             "differ sec: d* | known\n")
    rows = _rows({"m": ("Free: 10 kB", 0), "n": ("Free: 10 kB", 0),
                  "d1": ("x", 0)},
                 {"m": ("Free: 12 kB", 0), "n": ("Free: 12 kB", 0)},
                 allow, tmp_path)
    assert rows == {"m": "same", "n": "differ", "d1": "allowed"}


def test_normalize_does_not_hide_the_status(tmp_path):
    rows = _rows({"m": ("Free: 10 kB", 0)}, {"m": ("Free: 12 kB", 1)},
                 "normalize sec: m /\\d+ kB/N kB/ | numbers\n", tmp_path)
    assert rows == {"m": "differ"}


def test_side_by_side_marks():
    out = compare.side_by_side("i", "differ", "a\nb\nc", "a\nB\nc\nd")
    assert out[0] == "=== i  [DIFFERENT]"
    marks = [line[2] for line in out[1:]]
    assert marks == [" ", "|", " ", ">"]


def test_guest_script_is_valid_sh():
    proc = subprocess.run(["sh", "-n"], input=compare.GUEST_SCRIPT,
                          text=True, capture_output=True)
    assert proc.returncode == 0, proc.stderr
