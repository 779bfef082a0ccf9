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
                          were checked against Linux.

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
    _check("ok 10 refused_calls" in out and "status=0" in out,
           f"netsock did not finish: {out[-300:]!r}")


def netsock_job(ctx, outcome):
    import userland   # the user-space boots' helpers (userland.py)

    return userland._user_job(ctx, outcome, "user:netlink-sockets",
                              netsock_steps)


JOBS = (
    ("user:netlink-sockets", netsock_job),
)
