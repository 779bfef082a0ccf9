#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build Tide's initramfs from Debian's packages (make initramfs):
#   scripts/mkinitramfs.sh [--stress] OUT.cpio.gz WORKDIR PROGRAM...
# Downloads the packages below with `apt-get download` into a cache
# outside the clone ($TIDE_DEB_CACHE, by default
# ${XDG_CACHE_HOME:-~/.cache}/tide-debs), unpacks them with dpkg-deb into
# WORKDIR, lays out the root file system in WORKDIR/root and packs it
# with Debian's cpio (newc) and gzip. Each PROGRAM (tools/testing's, built
# with gcc -static) goes to /usr/bin. With --stress the image also holds
# stress-ng and its libraries, as a second gzip member after the first.
# Documentation/filesystems/initramfs.rst describes the result.
set -euo pipefail

srctree=$(cd "$(dirname "$0")/.." && pwd)
tarball=/usr/src/linux-source-6.12.tar.xz
cache=${TIDE_DEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tide-debs}

# The packages, and the programs taken from them (the libraries each
# needs are found from its ELF NEEDED entries).
base_pkgs=(busybox-static bash-static libc6 coreutils libselinux1
	   libpcre2-8-0 util-linux libsmartcols1 numactl libnuma1)
base_progs=(/bin/ls:/usr/bin/ls /usr/bin/timeout:/usr/bin/timeout
	    /usr/bin/lsmem:/usr/bin/lsmem /usr/sbin/chmem:/usr/sbin/chmem
	    /usr/bin/numactl:/usr/bin/numactl
	    /usr/bin/numastat:/usr/bin/numastat)
# glibc libraries that no program above needs but a user's may.
extra_libs=(libm.so.6)
stress_pkgs=(stress-ng libegl1 libglvnd0 libgles2 libipsec-mb1
	     libjudydebian1 libapparmor1 libbsd0 libmd0 libcrypt1 libgbm1
	     libdrm2 libwayland-server0 libexpat1 libffi8 libjpeg62-turbo
	     libkmod2 liblzma5 libzstd1 libssl3 libsctp1 libxxhash0 zlib1g)
stress_progs=(/usr/bin/stress-ng:/usr/bin/stress-ng)

# Linux 6.12's kselftest files, unedited, under /opt/kselftest.
kselftest_files=(memory-hotplug/mem-on-off-test.sh kselftest/runner.sh
		 kselftest/ktap_helpers.sh kselftest/prefix.pl
		 run_kselftest.sh)

die() {
	echo "mkinitramfs: $*" >&2
	exit 1
}

stress=0
if [ "${1:-}" = --stress ]; then
	stress=1
	shift
fi
[ $# -ge 2 ] || die "usage: $0 [--stress] OUT.cpio.gz WORKDIR [PROGRAM...]"
out=$(realpath -m "$1")
work=$(realpath -m "$2")
shift 2
programs=("$@")

for cmd in apt-get dpkg-deb cpio gzip objdump find sort; do
	command -v $cmd >/dev/null 2>&1 ||
		die "needs $cmd (scripts/install-deps.sh installs it)"
done

# The newest cached .deb of package $1, if any.
cached_deb() {
	compgen -G "$cache/${1}_*.deb" | sort -V | tail -n 1 || true
}

fetch() {
	local missing=() pkg
	mkdir -p "$cache"
	for pkg in "$@"; do
		[ -n "$(cached_deb "$pkg")" ] || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "  FETCH   ${missing[*]} (into $cache)"
	# As root apt warns that _apt cannot write into the cache; fine.
	if ! (cd "$cache" && apt-get download -qq "${missing[@]}" 2>&1 |
	      { grep -v 'unsandboxed' || true; } >&2); then
		if [ "$(id -u)" -eq 0 ]; then
			apt-get update -qq
			(cd "$cache" && apt-get download -qq "${missing[@]}" \
				2>&1 | { grep -v 'unsandboxed' || true; } >&2)
		fi
	fi
	for pkg in "${missing[@]}"; do
		[ -n "$(cached_deb "$pkg")" ] ||
			die "cannot download $pkg (run apt-get update as root)"
	done
}

# Unpack packages into $1.
unpack() {
	local dir=$1 pkg
	shift
	mkdir -p "$dir"
	for pkg in "$@"; do
		dpkg-deb -x "$(cached_deb "$pkg")" "$dir"
	done
}

# The file that provides shared object $1 in unpacked tree $2.
find_lib() {
	local d
	for d in lib/x86_64-linux-gnu usr/lib/x86_64-linux-gnu lib64; do
		if [ -e "$2/$d/$1" ]; then
			echo "$2/$d/$1"
			return 0
		fi
	done
	return 1
}

# Copy program $1 of unpacked tree $2 to $4 in root $3, then every
# library it needs, transitively, into $3/lib/x86_64-linux-gnu.
install_prog() {
	local src=$2/$1 root=$3 dst=$4 queue lib path
	[ -f "$src" ] || die "no $1 in the unpacked packages"
	mkdir -p "$root/$(dirname "$dst")"
	rm -f "$root/$dst"
	cp -L "$src" "$root/$dst"
	queue=("$src")
	while [ ${#queue[@]} -gt 0 ]; do
		for lib in $(objdump -p "${queue[0]}" |
			     awk '$1 == "NEEDED" { print $2 }'); do
			[ -e "$root/lib/x86_64-linux-gnu/$lib" ] && continue
			path=$(find_lib "$lib" "$2") ||
				die "$lib (needed by $1) is in none of the packages"
			cp -L "$path" "$root/lib/x86_64-linux-gnu/$lib"
			queue+=("$path")
		done
		queue=("${queue[@]:1}")
	done
}

# Linux's kselftest files, extracted once per tarball into the cache.
kselftest_dir() {
	local stamp dir members=() f
	stamp=$(stat -c %Y "$tarball")
	dir=$cache/kselftest-$stamp
	if [ ! -e "$dir/.done" ]; then
		echo "  EXTRACT kselftest (from $tarball)" >&2
		rm -rf "$dir" && mkdir -p "$dir"
		for f in "${kselftest_files[@]}"; do
			members+=("linux-source-6.12/tools/testing/selftests/$f")
		done
		tar -xJf "$tarball" -C "$dir" --strip-components=4 \
			"${members[@]}"
		touch "$dir/.done"
	fi
	echo "$dir"
}

# Pack root $1 into the gzip'd newc archive $2, owned by root.
pack() {
	(cd "$1" && find . -mindepth 1 -print0 | LC_ALL=C sort -z |
	 cpio --null --quiet -o -H newc --owner=0:0 --reproducible) |
		gzip -9 -n > "$2.tmp"
	mv "$2.tmp" "$2"
}

make_base_root() {
	local root=$1 debs=$2 applet p ks

	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib/x86_64-linux-gnu,lib64}
	mkdir -p "$root"/{dev,proc,sys,tmp,root,run,mnt,etc/init.d,opt}
	chmod 1777 "$root/tmp"
	chmod 0700 "$root/root"

	# busybox and its applets: absolute symlinks to /bin/busybox.
	cp "$debs/bin/busybox" "$root/bin/busybox"
	for applet in $("$debs/bin/busybox" --list-full); do
		mkdir -p "$root/$(dirname "$applet")"
		[ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
	done
	cp "$debs/bin/bash-static" "$root/bin/bash-static"
	ln -s bash-static "$root/bin/bash"

	# glibc's loader where the ELF interpreter path says, then the
	# dynamic programs (they replace busybox applets of the same path).
	cp -L "$debs/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" \
		"$root/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
	ln -s /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 \
		"$root/lib64/ld-linux-x86-64.so.2"
	for p in "${base_progs[@]}"; do
		install_prog "${p%%:*}" "$debs" "$root" "${p#*:}"
	done
	for p in "${extra_libs[@]}"; do
		cp -L "$(find_lib "$p" "$debs")" "$root/lib/x86_64-linux-gnu/$p"
	done

	ks=$(kselftest_dir)
	mkdir -p "$root/opt/kselftest"
	cp -r "$ks"/. "$root/opt/kselftest/"
	rm -f "$root/opt/kselftest/.done"
	echo "memory-hotplug:mem-on-off-test.sh" \
		> "$root/opt/kselftest/kselftest-list.txt"

	for p in "${programs[@]}"; do
		cp "$p" "$root/usr/bin/$(basename "$p")"
	done

	# /etc and /opt/tide: scripts/initramfs/ as it is.
	cp -r "$srctree/scripts/initramfs/." "$root/"
	chmod 0755 "$root/etc/init.d/rcS" "$root/opt/tide/selftests"
	ln -s /bin/busybox "$root/init"
}

echo "  INITRAMFS $out"
pkgs=("${base_pkgs[@]}")
[ $stress -eq 1 ] && pkgs+=("${stress_pkgs[@]}")
fetch "${pkgs[@]}"

rm -rf "$work"
mkdir -p "$work"
unpack "$work/debs" "${base_pkgs[@]}"
make_base_root "$work/root" "$work/debs"
pack "$work/root" "$work/base.cpio.gz"

if [ $stress -eq 1 ]; then
	# stress-ng as a second member: only files the base lacks.
	unpack "$work/debs" "${stress_pkgs[@]}"
	cp -a "$work/root" "$work/full"
	for p in "${stress_progs[@]}"; do
		install_prog "${p%%:*}" "$work/debs" "$work/full" "${p#*:}"
	done
	mkdir -p "$work/stress"
	(cd "$work/full" && find . -mindepth 1 \( -type f -o -type l \) -print0 |
	 while IFS= read -r -d '' f; do
		if [ ! -e "$work/root/$f" ] && [ ! -L "$work/root/$f" ]; then
			mkdir -p "$work/stress/$(dirname "$f")"
			cp -a "$f" "$work/stress/$f"
		fi
	 done)
	pack "$work/stress" "$work/stress.cpio.gz"
	cat "$work/base.cpio.gz" "$work/stress.cpio.gz" > "$out.tmp"
	mv "$out.tmp" "$out"
else
	mv "$work/base.cpio.gz" "$out"
fi
