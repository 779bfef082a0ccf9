# SPDX-License-Identifier: GPL-2.0
#
# Tide's build. `make` configures (defconfig) if needed and builds
# $(O)/tide; `make V=1` shows the commands. See README for run/check/bench.

SHELL := /bin/bash
O ?= build

# Build on every CPU unless the command line says how many jobs to run
# (only at the top level: a sub-make shares its parent's job slots).
ifeq ($(MAKELEVEL)$(filter -j%,$(MAKEFLAGS)),0)
MAKEFLAGS += -j$(shell nproc)
endif
V ?= 0
srctree := $(CURDIR)
objtree := $(abspath $(O))

ifeq ($(V),1)
Q :=
else
Q := @
endif

CC := gcc
LD := ld
NM := nm
OBJCOPY := objcopy
PYTHON := /usr/bin/python3

KCONFIG_ENV := srctree=$(srctree) KCONFIG_CONFIG=.config

# Directories whose Makefile lists objects in Linux's obj-y style.
dirs := arch/x86/boot arch/x86/kernel arch/x86/entry arch/x86/mm arch/x86/lib init kernel kernel/sched \
	kernel/locking mm lib lib/kunit drivers/tty drivers/tty/serial \
	drivers/acpi arch/x86/kernel/acpi fs drivers/base drivers/base/power \
	drivers/char drivers/pci drivers/virtio \
	net net/core net/netlink net/unix

-include $(objtree)/include/config/auto.conf

all-objs :=
define include_dir
obj-y :=
-include $(1)/Makefile
all-objs += $$(addprefix $(1)/,$$(obj-y))
endef
$(foreach d,$(dirs),$(eval $(call include_dir,$(d))))

objs := $(addprefix $(objtree)/,$(all-objs))

CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie -fno-common \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -mno-sse -mno-mmx \
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	-fno-stack-protector -fno-strict-aliasing -fno-asynchronous-unwind-tables \
	-fcf-protection=none -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -Wno-missing-field-initializers \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-I$(srctree)/include -I$(srctree)/arch/x86/include \
	-I$(objtree)/include -include $(srctree)/include/linux/kconfig.h \
	-fmacro-prefix-map=$(srctree)/= \
	-MMD -MP
AFLAGS := -D__ASSEMBLY__ $(filter-out -std=gnu11,$(CFLAGS))
LDFLAGS := -n -nostdlib -z max-page-size=0x1000 -z noexecstack \
	--no-warn-rwx-segments

.PHONY: all defconfig olddefconfig menuconfig savedefconfig clean run \
	check compare bench bench-deps deps FORCE

all: $(objtree)/tide

$(objtree)/.config:
	$(Q)mkdir -p $(objtree)
	$(Q)cd $(objtree) && $(KCONFIG_ENV) kconfig-conf -s \
		--defconfig=$(srctree)/arch/x86/configs/tide_defconfig \
		$(srctree)/Kconfig

$(objtree)/include/config/auto.conf: $(objtree)/.config $(shell find $(srctree) -name 'Kconfig*' -not -path '$(objtree)/*')
	$(Q)mkdir -p $(objtree)/include/config $(objtree)/include/generated
	$(Q)cd $(objtree) && $(KCONFIG_ENV) kconfig-conf -s --olddefconfig \
		$(srctree)/Kconfig
	$(Q)cd $(objtree) && $(KCONFIG_ENV) kconfig-conf -s --silentoldconfig \
		$(srctree)/Kconfig

defconfig:
	$(Q)rm -f $(objtree)/.config
	$(Q)$(MAKE) -s $(objtree)/.config
	@echo "  CONFIG  $(O)/.config (defconfig)"

olddefconfig: $(objtree)/.config
	$(Q)cd $(objtree) && $(KCONFIG_ENV) kconfig-conf -s --olddefconfig \
		$(srctree)/Kconfig
	$(Q)cd $(objtree) && $(KCONFIG_ENV) kconfig-conf -s --silentoldconfig \
		$(srctree)/Kconfig

menuconfig: $(objtree)/.config
	$(Q)cd $(objtree) && $(KCONFIG_ENV) kconfig-mconf $(srctree)/Kconfig

savedefconfig: $(objtree)/.config
	$(Q)cd $(objtree) && $(KCONFIG_ENV) kconfig-conf \
		--savedefconfig=defconfig $(srctree)/Kconfig

$(objtree)/%.o: $(srctree)/%.c $(objtree)/include/config/auto.conf
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $*.o")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(objtree)/%.o: $(srctree)/%.S $(objtree)/include/config/auto.conf
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $*.o")
	$(Q)$(CC) $(AFLAGS) -c $< -o $@

# exec's KUnit suite exec_glibc runs a glibc program built here on the
# host (tools/testing/exec/), static and static-pie, which
# fs/exec_glibc.S embeds with .incbin.
exec_test_dir := $(objtree)/tools/testing/exec
exec_test_progs := $(exec_test_dir)/exec_probe-static \
	$(exec_test_dir)/exec_probe-static-pie
$(exec_test_dir)/%-static: $(srctree)/tools/testing/exec/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  $(notdir $@)")
	$(Q)$(CC) -static -Os -s -o $@ $<
$(exec_test_dir)/%-static-pie: $(srctree)/tools/testing/exec/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  $(notdir $@)")
	$(Q)$(CC) -static-pie -Os -s -o $@ $<
$(objtree)/fs/exec_glibc.o: $(srctree)/fs/exec_glibc.S $(exec_test_progs) \
			    $(objtree)/include/config/auto.conf
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      fs/exec_glibc.o")
	$(Q)$(CC) $(AFLAGS) -Wa,-I$(exec_test_dir) -c $< -o $@

$(objtree)/tide.lds: $(srctree)/arch/x86/kernel/tide.lds.S $(objtree)/include/config/auto.conf
	$(Q)$(CC) -E -P $(AFLAGS) -o $@ $<

# ACPICA: Intel's ACPI interpreter, taken at build time from Debian's
# linux-source-6.12 (include/acpi and drivers/acpi/acpica only) into
# $(O)/acpica/, never committed. Tide's own headers come first on the
# include path, so <acpi/platform/aclinux.h> is Tide's shim to actide.h.
# ACPICA is compiled with -O1 and its own warnings relaxed: it is not
# Tide's code and is built as it comes.
ifeq ($(CONFIG_ACPI),y)
LINUX_TARBALL := /usr/src/linux-source-6.12.tar.xz
acpica_dir := $(objtree)/acpica
acpica_stamp := $(acpica_dir)/.extracted
acpica_srcdir := drivers/acpi/acpica
acpica_names := \
	dsargs dscontrol dsdebug dsfield dsinit dsmethod dsmthdat dsobject \
	dsopcode dspkginit dsutils dswexec dswload dswload2 dswscope dswstate \
	evevent evgpe evgpeblk evgpeinit evgpeutil evglock evhandler evmisc \
	evregion evrgnini evsci evxface evxfevnt evxfgpe evxfregn \
	exconcat exconfig exconvrt excreate exdebug exdump exfield exfldio \
	exmisc exmutex exnames exoparg1 exoparg2 exoparg3 exoparg6 exprep \
	exregion exresnte exresolv exresop exserial exstore exstoren exstorob \
	exsystem extrace exutils \
	hwacpi hwesleep hwgpe hwregs hwsleep hwvalid hwxface hwxfsleep hwpci \
	nsaccess nsalloc nsarguments nsconvert nsdump nseval nsinit nsload \
	nsnames nsobject nsparse nspredef nsprepkg nsrepair nsrepair2 \
	nssearch nsutils nswalk nsxfeval nsxfname nsxfobj \
	psargs psloop psobject psopcode psopinfo psparse psscope pstree \
	psutils pswalk psxface \
	rsaddr rscalc rscreate rsdumpinfo rsinfo rsio rsirq rslist rsmemory \
	rsmisc rsserial rsutils rsxface \
	tbdata tbfadt tbfind tbinstal tbprint tbutils tbxface tbxfload tbxfroot \
	utaddress utalloc utascii utbuffer utcksum utcopy utexcep utdebug \
	utdecode utdelete uterror uteval utglobal uthex utids utinit utlock \
	utmath utmisc utmutex utnonansi utobject utosi utownerid utpredef \
	utresdecode utresrc utstate utstring utstrsuppt utstrtoul64 utxface \
	utxfinit utxferror utxfmutex
acpica_objs := $(patsubst %,$(acpica_dir)/$(acpica_srcdir)/%.o,$(acpica_names))
CFLAGS += -I$(acpica_dir)/include
ACPICA_CFLAGS := $(filter-out -O2 -g -Wall -Wextra -Werror,$(CFLAGS)) -O1 \
	-I$(acpica_dir)/$(acpica_srcdir) -I$(srctree)/drivers/acpi/acpica-shim \
	-DBUILDING_ACPICA -w
objs += $(acpica_objs)

$(acpica_stamp): $(LINUX_TARBALL)
	@$(if $(Q),echo "  EXTRACT acpica")
	$(Q)rm -rf $(acpica_dir) && mkdir -p $(acpica_dir)
	$(Q)tar -xJf $(LINUX_TARBALL) --strip-components=1 -C $(acpica_dir) \
		linux-source-6.12/include/acpi linux-source-6.12/$(acpica_srcdir)
	$(Q)touch $@

$(LINUX_TARBALL):
	$(Q)$(srctree)/scripts/install-deps.sh

$(acpica_objs): $(acpica_dir)/%.o: $(acpica_stamp) $(objtree)/include/config/auto.conf
	@$(if $(Q),echo "  CC      acpica/$(notdir $*).o")
	$(Q)$(CC) $(ACPICA_CFLAGS) -c $(acpica_dir)/$*.c -o $@

# Tide's ACPI code, and the PCI core (the MCFG), include ACPICA's
# headers: extract them first.
$(filter $(objtree)/drivers/acpi/% $(objtree)/arch/x86/kernel/acpi/% \
	 $(objtree)/drivers/pci/%,$(objs)): | $(acpica_stamp)
endif # CONFIG_ACPI

# The gzip members lib/inflate_kunit.c decompresses, made by Debian's
# gzip and Python's zlib (scripts/gen_inflate_vectors.py).
inflate_vectors := $(objtree)/include/generated/inflate_vectors.h
$(inflate_vectors): $(srctree)/scripts/gen_inflate_vectors.py \
		$(objtree)/include/config/auto.conf
	@$(if $(Q),echo "  GEN     include/generated/inflate_vectors.h")
	$(Q)$(PYTHON) $< $@
$(objtree)/lib/inflate_kunit.o: $(inflate_vectors)

# Two links: the first finds the text symbols, the second carries their
# table (kallsyms) for backtraces. The table sits after all code and
# data, so adding it moves no symbol.
$(objtree)/tide: $(objs) $(objtree)/tide.lds $(srctree)/scripts/kallsyms.py
	@$(if $(Q),echo "  LD      tide")
	$(Q)$(PYTHON) $(srctree)/scripts/kallsyms.py /dev/null > $(objtree)/kallsyms0.S
	$(Q)$(CC) $(AFLAGS) -c $(objtree)/kallsyms0.S -o $(objtree)/kallsyms0.o
	$(Q)$(LD) $(LDFLAGS) -T $(objtree)/tide.lds -o $@.tmp $(objs) $(objtree)/kallsyms0.o
	$(Q)$(NM) -n $@.tmp > $(objtree)/tide.tmp.map
	$(Q)$(PYTHON) $(srctree)/scripts/kallsyms.py $(objtree)/tide.tmp.map > $(objtree)/kallsyms.S
	$(Q)$(CC) $(AFLAGS) -c $(objtree)/kallsyms.S -o $(objtree)/kallsyms.o
	$(Q)$(LD) $(LDFLAGS) -T $(objtree)/tide.lds -o $@ $(objs) $(objtree)/kallsyms.o
	$(Q)$(NM) -n $@ > $(objtree)/System.map
	$(Q)cmp -s <(grep -i ' t ' $(objtree)/tide.tmp.map) <(grep -i ' t ' $(objtree)/System.map) \
		|| { echo "kallsyms: text moved between links"; rm -f $@; exit 1; }

clean:
	rm -rf $(objtree)

# User space. tools/testing's programs, built static for the initramfs;
# the initramfs itself (scripts/mkinitramfs.sh): Debian's busybox-static,
# bash-static, glibc and a few dynamic tools, downloaded once into
# $(TIDE_DEB_CACHE) (outside the clone; default ~/.cache/tide-debs), plus
# Linux's kselftest memory-hotplug script; initramfs-stress.cpio.gz adds
# stress-ng and its libraries as a second gzip member.
# Documentation/filesystems/initramfs.rst describes the image.
user_progs := $(objtree)/tools/testing/memfill $(objtree)/tools/testing/badcalls \
	$(objtree)/tools/testing/sigmask $(objtree)/tools/testing/netsock \
	$(objtree)/tools/testing/uevent_listen $(objtree)/tools/testing/numatest
$(user_progs): $(objtree)/tools/testing/%: $(srctree)/tools/testing/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  USERCC  tools/testing/$*")
	$(Q)$(CC) -static -O2 -Wall -Wextra -Werror -o $@ $<

initramfs := $(objtree)/initramfs.cpio.gz
initramfs_stress := $(objtree)/initramfs-stress.cpio.gz
initramfs_inputs := $(srctree)/scripts/mkinitramfs.sh \
	$(shell find $(srctree)/scripts/initramfs -type f) $(user_progs) \
	/usr/src/linux-source-6.12.tar.xz
$(initramfs): $(initramfs_inputs)
	$(Q)$(srctree)/scripts/mkinitramfs.sh $@ $(objtree)/initramfs $(user_progs)
$(initramfs_stress): $(initramfs_inputs)
	$(Q)$(srctree)/scripts/mkinitramfs.sh --stress $@ \
		$(objtree)/initramfs-stress $(user_progs)

.PHONY: initramfs initramfs-stress
initramfs: deps
	$(Q)$(MAKE) -s $(initramfs)
initramfs-stress: deps
	$(Q)$(MAKE) -s $(initramfs_stress)

# The commands the README names; each installs what it needs first.
deps:
	$(Q)$(srctree)/scripts/install-deps.sh

# make run boots with the initramfs (busybox init and sh on the console);
# RUN_INITRAMFS=n boots without one (then with no init to run Tide
# panics, as Linux does, unless TIDE_CMDLINE has kunit.enable=1 or
# tide.poweroff=1);
# TIDE_INITRD=FILE boots with any image.
RUN_INITRAMFS ?= y
ifeq ($(RUN_INITRAMFS),y)
TIDE_INITRD ?= $(initramfs)
endif
run: deps all
	$(Q)$(if $(filter $(initramfs) $(initramfs_stress),$(TIDE_INITRD)),$(MAKE) -s $(TIDE_INITRD))
	$(Q)TIDE_INITRD=$(TIDE_INITRD) $(srctree)/scripts/run-qemu.sh $(objtree)/tide $(RUNARGS)

# check also compares Tide with Debian's Linux 6.12 (tools/testing/
# compare.py): bench-deps unpacks that kernel into $(O)/linux-ref/ from
# a .deb cached outside the clone (fetched once). Without it the compare
# tests fail and say why. It also builds the stress-ng image (one more
# download of Debian's packages the first time, then cached):
# tools/testing/stress_user.py runs stress-ng from it for about a minute.
check: deps
	$(Q)$(MAKE) -s all $(initramfs) $(initramfs_stress)
	$(Q)$(MAKE) -s bench-deps || \
		echo "check: no Linux 6.12 to compare with; compare: will fail"
	$(Q)$(PYTHON) $(srctree)/tools/testing/tide_check.py --build $(objtree) $(CHECKARGS)

# make compare: the script of compare.py on Linux 6.12 and on Tide, every
# item's two outputs side by side (COMPAREARGS="--only-diff" shows only
# the items that differ, "-k SECTION" one section, "--no-cache" boots
# Linux even when its answers are cached).
compare: deps
	$(Q)$(MAKE) -s all $(initramfs) bench-deps
	$(Q)$(PYTHON) $(srctree)/tools/testing/compare.py --build $(objtree) \
		--side-by-side $(COMPAREARGS)

# make bench also boots Debian's Linux 6.12 for its memory hotplug figures:
# bench-deps fetches that kernel and busybox into $(O)/linux-ref/ (after
# deps, so that two apt-get never run at once). Without them the bench
# still runs and prints Linux's figures as n/a.
#
# The hotplug figures are taken on a production build of Tide (the
# defconfig without CONFIG_DEBUG_VM's page poisoning and without the
# CONFIG_PROVE_LOCKING lock validator), in
# $(O)/bench-kernel/, as Debian's Linux is a production build.
# bench_kernel(dir, sed expressions): the defconfig edited by the sed
# expressions, built in $(objtree)/dir (reconfigured only when they change).
define bench_kernel
	$(Q)mkdir -p $(objtree)/$(1)
	$(Q)sed $(2) $(srctree)/arch/x86/configs/tide_defconfig > $(objtree)/$(1)/.config.want
	$(Q)cmp -s $(objtree)/$(1)/.config.want $(objtree)/$(1)/.config.seed || \
		{ cp $(objtree)/$(1)/.config.want $(objtree)/$(1)/.config.seed; \
		  cp $(objtree)/$(1)/.config.want $(objtree)/$(1)/.config; }
	$(Q)$(MAKE) -s O=$(objtree)/$(1) all
endef

no_debug_vm := -e 's/^CONFIG_DEBUG_VM=y/\# CONFIG_DEBUG_VM is not set/'
no_lockdep := -e 's/^CONFIG_PROVE_LOCKING=y/\# CONFIG_PROVE_LOCKING is not set/'

# The bench's own user program (fork+exec+wait, memcpy, a clock), run
# with memfill on both kernels from the bench's initramfs (linux_ref.py).
bench_progs := $(objtree)/tools/testing/ubench
$(bench_progs): $(objtree)/tools/testing/%: $(srctree)/tools/testing/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  USERCC  tools/testing/$*")
	$(Q)$(CC) -static -O2 -Wall -Wextra -Werror -o $@ $<

# The validator's cost on boot time: the production build with and
# without CONFIG_PROVE_LOCKING ($(O)/bench-lockdep is the former).
bench: deps
	$(Q)$(MAKE) -s bench-deps || \
		echo "bench: no Linux 6.12 reference machine; its figures will be n/a"
	$(Q)$(MAKE) -s all $(initramfs) $(user_progs) $(bench_progs) $(initramfs_stress)
	$(call bench_kernel,bench-kernel,$(no_debug_vm) $(no_lockdep))
	$(call bench_kernel,bench-lockdep,$(no_debug_vm))
	$(Q)$(PYTHON) $(srctree)/tools/testing/tide_bench.py --build $(objtree) \
		--memhp-kernel $(objtree)/bench-kernel/tide \
		--lockdep-kernel $(objtree)/bench-lockdep/tide $(BENCHARGS)

bench-deps: deps
	$(Q)$(srctree)/scripts/install-deps.sh --bench $(objtree)/linux-ref

-include $(objs:.o=.d) $(objtree)/tide.d
