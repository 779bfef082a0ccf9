/* SPDX-License-Identifier: GPL-2.0 */
/* Symbols the linker script defines around the image's sections. */
#ifndef _ASM_X86_SECTIONS_H
#define _ASM_X86_SECTIONS_H

extern char _text[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];
/* The boot CPU's first stack (head_64.S): in the image, yet a stack. */
extern char boot_stack[], boot_stack_top[];

#endif /* _ASM_X86_SECTIONS_H */
