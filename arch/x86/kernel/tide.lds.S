/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tide's image: loaded at CONFIG_PHYSICAL_START, linked in the top 2 GiB.
 * Text, rodata and data each start on a page so that arch/x86/mm can map
 * them read-only+exec, read-only+NX and read-write+NX respectively.
 * The exception table (asm/extable.h) is part of rodata.
 */
#include <asm/page.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(pvh_start_32)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
	note PT_NOTE FLAGS(4);
}

SECTIONS {
	. = __START_KERNEL_map + CONFIG_PHYSICAL_START;
	_text = .;
	.text : AT(ADDR(.text) - __START_KERNEL_map) {
		*(.head.text)
		*(.text .text.*)
	} :text
	_etext = .;

	. = ALIGN(4096);
	__start_rodata = .;
	.rodata : AT(ADDR(.rodata) - __START_KERNEL_map) {
		*(.rodata .rodata.*)
		. = ALIGN(8);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
		. = ALIGN(8);
		__initcall_start = .;
		KEEP(*(.initcall1.init))
		KEEP(*(.initcall3.init))
		KEEP(*(.initcall4.init))
		KEEP(*(.initcall5.init))
		KEEP(*(.initcall6.init))
		KEEP(*(.initcall7.init))
		__initcall_end = .;
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		. = ALIGN(8);
		__kunit_suites_start = .;
		KEEP(*(.kunit_test_suites))
		__kunit_suites_end = .;
		. = ALIGN(8);
		__syscall_entries_start = .;
		KEEP(*(.syscall_entries))
		__syscall_entries_end = .;
	} :rodata
	.note : AT(ADDR(.note) - __START_KERNEL_map) {
		*(.note.Xen)
	} :rodata :note
	.kallsyms : AT(ADDR(.kallsyms) - __START_KERNEL_map) {
		*(.kallsyms)
	} :rodata
	__end_rodata = .;

	. = ALIGN(4096);
	_sdata = .;
	.data : AT(ADDR(.data) - __START_KERNEL_map) {
		*(.data .data.*)
	} :data
	_edata = .;

	. = ALIGN(4096);
	.bss : AT(ADDR(.bss) - __START_KERNEL_map) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(4096);
		__bss_stop = .;
	} :data
	_end = .;

	/DISCARD/ : {
		*(.note.GNU-stack) *(.comment) *(.eh_frame) *(.note.gnu.*)
	}
}
