# SPDX-License-Identifier: GPL-2.0
"""The PCI core seen from busybox sh, on -M pc and -M q35.

  user:pci-pc    one boot of -M pc with -device virtio-rng-pci (modern
  user:pci-q35   only: vendor 0x1af4, device 0x1044) and of -M q35 with
                 the same: the console names the configuration access
                 (port 0xcf8 on pc, ECAM from MCFG on q35);
                 /sys/bus/pci/devices/ lists the host bridge and the
                 rng, each a link to /sys/devices/pci0000:00/; the rng's
                 vendor, device, subsystem ids, class, revision, irq
                 (the INTx line SeaBIOS wrote at 0x3c of config, which
                 the config file must show too), resource (Linux's
                 format: 7 lines, the 64-bit prefetchable BAR 4 as on
                 Linux), uevent (PCI_CLASS, PCI_ID, PCI_SUBSYS_ID,
                 PCI_SLOT_NAME, MODALIAS) and its BARs nested under
                 "PCI mem" in /sys/kernel/debug/iomem.

JOBS is for the runner's list (tide_check.py's userland_jobs()).
"""

import re

import userland

RNG = ("-device", "virtio-rng-pci,disable-legacy=on")
HOST = {"pc": "0x1237", "q35": "0x29c0"}
RNG_SLOT = {"pc": "0000:00:03.0", "q35": "0000:00:02.0"}
ACCESS = {"pc": "(port 0xcf8)", "q35": "(ECAM)"}


def _check(cond, what):
    if not cond:
        raise AssertionError(what)


def pci_steps(m, machine):
    _check(ACCESS[machine] in m.output,
           f"no {ACCESS[machine]!r} on the console")
    if machine == "q35":
        _check("PCI: ECAM [mem 0xb0000000-0xbfffffff]" in m.output,
               "no ECAM window from MCFG")
    out = m.run("ls /sys/bus/pci/devices/")
    slot = RNG_SLOT[machine]
    _check("0000:00:00.0" in out and slot in out, f"devices: {out!r}")
    d = f"/sys/bus/pci/devices/{slot}"
    out = m.run(f"readlink {d}")
    _check(out.strip() == f"../../../devices/pci0000:00/{slot}",
           f"link: {out!r}")
    out = m.run("cat /sys/bus/pci/devices/0000:00:00.0/vendor "
                "/sys/bus/pci/devices/0000:00:00.0/device")
    _check(out.split() == ["0x8086", HOST[machine]], f"host bridge: {out!r}")
    out = m.run(f"cd {d} && cat vendor device subsystem_vendor "
                "subsystem_device class revision; cd /")
    _check(out.split() == ["0x1af4", "0x1044", "0x1af4", "0x1100",
                           "0x00ff00", "0x01"], f"rng ids: {out!r}")
    irq = m.run(f"cat {d}/irq").strip()
    line = m.run(f"hexdump -s 60 -n 1 -e '1/1 \"%u\"' {d}/config").strip()
    _check(irq.isdigit() and irq != "0" and irq == line,
           f"irq {irq!r}, config's interrupt line {line!r}")
    res = m.run(f"cat {d}/resource").strip().splitlines()
    _check(len(res) == 7, f"resource lines: {res!r}")
    _check(all(re.fullmatch(r"0x[0-9a-f]{16} 0x[0-9a-f]{16} 0x[0-9a-f]{16}",
                            r) for r in res), f"resource format: {res!r}")
    bar4 = res[4].split()
    _check(bar4[2] == "0x000000000014220c" and int(bar4[1], 16) -
           int(bar4[0], 16) + 1 == 0x4000, f"BAR 4: {res[4]!r}")
    out = m.run(f"cat {d}/uevent")
    for want in ("PCI_CLASS=FF00", "PCI_ID=1AF4:1044",
                 "PCI_SUBSYS_ID=1AF4:1100", f"PCI_SLOT_NAME={slot}",
                 "MODALIAS=pci:v00001AF4d00001044sv00001AF4sd00001100"
                 "bc00scFFi00"):
        _check(want in out.splitlines(), f"uevent lacks {want}: {out!r}")
    out = m.run(f"grep -B20 ' : {slot}$' /sys/kernel/debug/iomem")
    start = bar4[0][2:].lstrip("0")
    _check(re.search(rf"^  0*{start}-\S+ : {slot}$", out, re.M) and
           "PCI mem" in out, f"iomem: {out!r}")


def _job(machine):
    def job(ctx, outcome):
        return userland._user_job(ctx, outcome, f"user:pci-{machine}",
                                  lambda m: pci_steps(m, machine),
                                  machine=machine, extra_args=RNG)
    return job


JOBS = (
    ("user:pci-pc", _job("pc")),
    ("user:pci-q35", _job("q35")),
)
