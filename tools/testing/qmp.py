# SPDX-License-Identifier: GPL-2.0
"""A small QMP client: JSON lines over QEMU's monitor socket.

The one QMP client of the project (tests and `make bench` both use it).
QEMU greets, the client answers qmp_capabilities, then every command gets
one reply ({"return": ...} or {"error": ...}), matched to it by an id;
events ({"event": ...}) may arrive between them at any time and are kept
for wait_event().
"""

import json
import socket
import time


class QMPError(Exception):
    """QEMU answered a command with an error."""

    def __init__(self, command, error):
        self.command = command
        self.error = error
        super().__init__(f"{command}: {error.get('class')}: "
                         f"{error.get('desc')}")


class QMP:
    """A connection to QEMU's -qmp unix:PATH,server=on,wait=off socket."""

    def __init__(self, path, timeout=30.0):
        deadline = time.monotonic() + timeout
        while True:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.timeout = timeout
        self.sock.settimeout(timeout)
        self.buf = b""
        self.events = []
        self.next_id = 0
        greeting = self._read()
        if "QMP" not in greeting:
            raise OSError(f"not a QMP greeting: {greeting}")
        self.command("qmp_capabilities")

    def _read(self):
        while b"\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise EOFError("QMP socket closed")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def command(self, name, **arguments):
        """Run @name; return its "return" value or raise QMPError."""
        # Each command carries an id and only its own reply counts: one
        # whose wait timed out may still answer later, and that stale
        # reply must not be taken for the next command's.
        self.next_id += 1
        msg = {"execute": name, "id": self.next_id}
        if arguments:
            msg["arguments"] = arguments
        self.sock.settimeout(self.timeout)
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            reply = self._read()
            if "event" in reply:
                self.events.append(reply)
            elif reply.get("id") != self.next_id:
                continue
            elif "error" in reply:
                raise QMPError(name, reply["error"])
            elif "return" in reply:
                return reply["return"]

    def wait_event(self, name, timeout=30.0, match=None):
        """Wait for event @name (whose "data" satisfies @match, if given).

        Events already received count; the one returned is consumed.
        """
        deadline = time.monotonic() + timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev["event"] == name and (match is None or
                                            match(ev.get("data", {}))):
                    return self.events.pop(i)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {name} event in {timeout} s")
            self.sock.settimeout(left)
            try:
                reply = self._read()
                if "event" in reply:    # not a late reply to a command
                    self.events.append(reply)
            except socket.timeout:
                pass
            finally:
                self.sock.settimeout(self.timeout)

    def hmp(self, line):
        """A human monitor command, as typed after Ctrl-A c."""
        return self.command("human-monitor-command", **{"command-line": line})

    def close(self):
        self.sock.close()
