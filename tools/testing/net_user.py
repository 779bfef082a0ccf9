# SPDX-License-Identifier: GPL-2.0
"""Sockets from user space: AF_NETLINK as programs use it.

  user:netlink-sockets    netsock (tools/testing/netsock.c), run from
                          busybox sh: socket()'s errnos, the socket as a
                          file, bind/autobind and getsockname, the
                          SOL_SOCKET and SOL_NETLINK options with
                          Linux's values, poll and nonblocking
                          receives, datagrams between sockets with the
                          sender address, SCM_CREDENTIALS, MSG_PEEK and
                          MSG_TRUNC, multicast with ENOBUFS after a
                          loss, wake-ups across processes, and the
                          calls netlink refuses. Its expected values
                          were checked against Linux;
  user:netlink-mdev       busybox `mdev -d` (the daemon) binds its
                          uevent socket, and a uevent-shaped datagram
                          sent to group 1 by `netsock send` runs the
                          rule of an mdev.conf written by the test.

It boots the initramfs like the tests of userland.py (whose helpers it
uses); JOBS is for the runner's list (tide_check.py's userland_jobs()).
"""


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def netsock_steps(m):
    out = m.run("netsock; echo status=$?", timeout=120)
    bad = [line for line in out.splitlines() if line.startswith("not ok")]
    _check(not bad, f"netsock: {bad[:5]}")
    _check("ok 13 refused_calls" in out and "status=0" in out,
           f"netsock did not finish: {out[-300:]!r}")


DEVPATH = "/devices/virtual/nettest/nettest0"


def mdev_steps(m):
    """busybox mdev -d over netlink: its socket set up as on Linux, and a
    uevent-shaped datagram sent to group 1 runs its mdev.conf rule."""
    m.run("echo 'SUBSYSTEM=nettest;.* 0:0 0600 @echo $ACTION $MDEV "
          ">> /tmp/mdev.log' > /etc/mdev.conf; rm -f /tmp/mdev.log")
    out = m.run("mdev -d; echo status=$?")
    _check("status=0" in out, f"mdev -d: {out!r}")
    pid = m.run("pidof mdev").split()
    _check(len(pid) == 1, f"no mdev daemon: {pid!r}")
    out = m.run(f"ls -l /proc/{pid[0]}/fd")
    _check("socket:[" in out, f"mdev's descriptors: {out!r}")
    out = m.run(f"netsock send 1 add@{DEVPATH} ACTION=add "
                f"DEVPATH={DEVPATH} SUBSYSTEM=nettest SEQNUM=1; "
                "echo status=$?")
    _check("status=0" in out, f"netsock send: {out!r}")
    for _ in range(50):
        out = m.run("cat /tmp/mdev.log 2>/dev/null")
        if "add nettest0" in out:
            break
        m.run("sleep 0.1")
    _check("add nettest0" in out, f"mdev ran no rule: {out!r}")
    m.run(f"kill {pid[0]}")


def mdev_job(ctx, outcome):
    import userland

    return userland._user_job(ctx, outcome, "user:netlink-mdev", mdev_steps)


def netsock_job(ctx, outcome):
    import userland   # the user-space boots' helpers (userland.py)

    return userland._user_job(ctx, outcome, "user:netlink-sockets",
                              netsock_steps)


JOBS = (
    ("user:netlink-sockets", netsock_job),
    ("user:netlink-mdev", mdev_job),
)
