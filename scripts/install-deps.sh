#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Make sure the tools `make`, `make run`, `make check` and `make bench` use
# are installed; installs the missing ones from Debian when run as root.
# Prints nothing when everything is already there.
set -euo pipefail

missing=()

need_cmd() {		# need_cmd COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 || missing+=("$2")
}

need_file() {		# need_file PATH PACKAGE
	[ -e "$1" ] || missing+=("$2")
}

need_cmd gcc gcc
need_cmd make make
need_cmd perl perl
need_cmd ld binutils
need_cmd xz xz-utils
need_cmd qemu-system-x86_64 qemu-system-x86
need_cmd kconfig-conf kconfig-frontends
need_file /usr/src/linux-source-6.12.tar.xz linux-source-6.12
if [ ! -x /usr/bin/python3 ]; then
	missing+=(python3 python3-pytest)
elif ! /usr/bin/python3 -c 'import pytest' >/dev/null 2>&1; then
	missing+=(python3-pytest)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "Tide needs these Debian packages: ${missing[*]}" >&2
	echo "Install them with: sudo apt-get install ${missing[*]}" >&2
	exit 1
fi

echo "Installing ${missing[*]}..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
