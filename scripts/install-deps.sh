#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Make sure the tools `make`, `make run`, `make check` and `make bench` use
# are installed; installs the missing ones from Debian when run as root.
# Prints nothing when everything is already there.
set -euo pipefail

# `install-deps.sh --bench DIR` (make bench-deps, run by make bench,
# make check and make compare): the Linux reference machine, Debian's
# Linux 6.12 kernel (the image package linux-image-6.12-amd64 depends on)
# and busybox-static, unpacked into DIR (boot/, bin/busybox), not
# installed: nothing on the system changes. The .debs are kept outside
# the clone, in $TIDE_DEB_CACHE (by default ${XDG_CACHE_HOME:-~/.cache}/
# tide-debs, the cache of scripts/mkinitramfs.sh): a fresh clone unpacks
# from there and downloads only what the cache lacks.
bench_deps() {
	local dir=$1 pkg deb missing=()
	local cache=${TIDE_DEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tide-debs}
	if compgen -G "$dir/boot/vmlinuz-6.12*" >/dev/null &&
	   [ -x "$dir/bin/busybox" ] && compgen -G \
	   "$dir/lib/modules/*/kernel/drivers/virtio/virtio_mem.ko*" >/dev/null
	then
		return 0
	fi
	for cmd in apt-get apt-cache dpkg-deb; do
		if ! command -v $cmd >/dev/null 2>&1; then
			echo "bench-deps needs $cmd (Debian's apt and dpkg)" >&2
			return 1
		fi
	done
	image_pkg() {
		apt-cache depends linux-image-6.12-amd64 2>/dev/null |
			sed -n 's/^ *Depends: \(linux-image-6\.12\..*-amd64\)$/\1/p' |
			head -n 1
	}
	# The newest cached .deb of package $1, if any.
	cached_deb() {
		compgen -G "$cache/${1}_*.deb" | sort -V | tail -n 1 || true
	}
	pkg=$(image_pkg)
	if [ -z "$pkg" ] && [ "$(id -u)" -eq 0 ]; then
		apt-get update -qq
		pkg=$(image_pkg)
	fi
	if [ -z "$pkg" ]; then
		# apt knows none (no package lists): any cached image will do.
		deb=$(compgen -G "$cache/linux-image-6.12.*-amd64_*.deb" |
		      sort -V | tail -n 1 || true)
		pkg=$(basename "${deb%%_*}")
	fi
	if [ -z "$pkg" ]; then
		echo "apt knows no linux-image-6.12-amd64 (run apt-get update)" >&2
		return 1
	fi
	mkdir -p "$cache"
	for p in "$pkg" busybox-static; do
		[ -n "$(cached_deb "$p")" ] || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "Fetching ${missing[*]} into $cache..."
		# As root apt warns that _apt cannot write into the cache; fine.
		(cd "$cache" && apt-get download -qq "${missing[@]}" 2>&1 |
			{ grep -v 'unsandboxed' || true; } >&2)
	fi
	mkdir -p "$dir"
	deb=$(cached_deb "$pkg")
	[ -n "$deb" ] && dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir" ./boot
	# virtio-mem is a module in Debian's kernel (CONFIG_VIRTIO_MEM=m):
	# linux_ref.py puts it, decompressed, in the bench's initramfs.
	[ -n "$deb" ] && dpkg-deb --fsys-tarfile "$deb" |
		tar -x -C "$dir" --wildcards \
			'./lib/modules/*/kernel/drivers/virtio/virtio_mem.ko*'
	deb=$(cached_deb busybox-static)
	[ -n "$deb" ] && dpkg-deb --fsys-tarfile "$deb" |
		tar -x -C "$dir" ./bin/busybox
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
