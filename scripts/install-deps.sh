#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Make sure the tools `make`, `make run`, `make check` and `make bench` use
# are installed; installs the missing ones from Debian when run as root.
# Prints nothing when everything is already there.
set -euo pipefail

# `install-deps.sh --bench DIR` (make bench-deps, run by make bench only):
# the Linux reference machine of the bench, Debian's Linux 6.12 kernel
# (the image package linux-image-6.12-amd64 depends on) and busybox-static,
# downloaded into DIR and unpacked there (boot/, bin/busybox), not
# installed: nothing on the system changes.
bench_deps() {
	local dir=$1 pkg deb
	if compgen -G "$dir/boot/vmlinuz-6.12*" >/dev/null &&
	   [ -x "$dir/bin/busybox" ]; then
		return 0
	fi
	for cmd in apt-get apt-cache dpkg-deb; do
		if ! command -v $cmd >/dev/null 2>&1; then
			echo "make bench needs $cmd (Debian's apt and dpkg)" >&2
			return 1
		fi
	done
	image_pkg() {
		apt-cache depends linux-image-6.12-amd64 2>/dev/null |
			sed -n 's/^ *Depends: \(linux-image-6\.12\..*-amd64\)$/\1/p' |
			head -n 1
	}
	pkg=$(image_pkg)
	if [ -z "$pkg" ] && [ "$(id -u)" -eq 0 ]; then
		apt-get update -qq
		pkg=$(image_pkg)
	fi
	if [ -z "$pkg" ]; then
		echo "apt knows no linux-image-6.12-amd64 (run apt-get update)" >&2
		return 1
	fi
	echo "Fetching $pkg and busybox-static into $dir..."
	mkdir -p "$dir"
	rm -f "$dir"/*.deb
	# As root apt warns that _apt cannot write into $dir; that is fine.
	(cd "$dir" && apt-get download -qq "$pkg" busybox-static 2>&1 |
		{ grep -v 'unsandboxed' || true; } >&2)
	for deb in "$dir"/*.deb; do
		case $deb in
		*/linux-image-*) dpkg-deb --fsys-tarfile "$deb" |
				tar -x -C "$dir" ./boot ;;
		*/busybox-static*) dpkg-deb --fsys-tarfile "$deb" |
				tar -x -C "$dir" ./bin/busybox ;;
		esac
	done
	rm -f "$dir"/*.deb
	compgen -G "$dir/boot/vmlinuz-6.12*" >/dev/null && [ -x "$dir/bin/busybox" ]
}

if [ "${1:-}" = --bench ]; then
	bench_deps "${2:?usage: $0 [--bench DIR]}"
	exit
fi

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
# make initramfs: Debian's packages unpacked and packed with cpio.
need_cmd cpio cpio
need_cmd gzip gzip
need_cmd dpkg-deb dpkg
need_cmd apt-get apt
need_cmd objdump binutils
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
