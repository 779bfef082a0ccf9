/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PVH entry. QEMU (-kernel) finds pvh_start_32 through the Xen ELF note
 * below and jumps there in 32-bit protected mode, paging off, with %ebx
 * holding the physical address of the hvm_start_info block. We build
 * just enough page tables to reach long mode with the image mapped both
 * at its physical address and in the top 2 GiB, then call C.
 */
#include <asm/page.h>

#define PHYS(sym)	((sym) - __START_KERNEL_map)
#define EARLY_PTE	0x83	/* present, writable, 2 MiB page */
#define EARLY_TABLE	0x03	/* present, writable */

	.section .note.Xen, "a"
	.balign 4
	.long 4			/* name size, "Xen\0" */
	.long 4			/* descriptor size */
	.long 18		/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.balign 4
	.long PHYS(pvh_start_32)

	.section .head.text, "ax"
	.code32
	.globl pvh_start_32
pvh_start_32:
	cli
	cld
	movl %ebx, %esi			/* start info, kept until C */

	/* Clear .bss (the early tables and stack live there). */
	movl $PHYS(__bss_start), %edi
	movl $PHYS(__bss_stop), %ecx
	subl %edi, %ecx
	shrl $2, %ecx
	xorl %eax, %eax
	rep stosl

	movl $PHYS(boot_stack_top), %esp

	/* One PD of 2 MiB pages covering the first GiB. */
	movl $PHYS(early_pd), %edi
	movl $EARLY_PTE, %eax
	movl $512, %ecx
1:	movl %eax, (%edi)
	movl $0, 4(%edi)
	addl $0x200000, %eax
	addl $8, %edi
	loop 1b

	/* PDPT[0] (identity) and PDPT[510] (-2 GiB) both point at it. */
	movl $PHYS(early_pd) + EARLY_TABLE, %eax
	movl %eax, PHYS(early_pdpt_low)
	movl %eax, PHYS(early_pdpt_high) + 510 * 8
	movl $PHYS(early_pdpt_low) + EARLY_TABLE, %eax
	movl %eax, PHYS(early_pml4)
	movl $PHYS(early_pdpt_high) + EARLY_TABLE, %eax
	movl %eax, PHYS(early_pml4) + 511 * 8

	movl %cr4, %eax
	orl $0x20, %eax			/* PAE */
	movl %eax, %cr4
	movl $PHYS(early_pml4), %eax
	movl %eax, %cr3

	movl $0xc0000080, %ecx		/* EFER: long mode and NX */
	rdmsr
	orl $0x900, %eax
	wrmsr

	movl %cr0, %eax
	orl $0x80010001, %eax		/* PG, WP, PE */
	movl %eax, %cr0

	lgdt PHYS(early_gdt_desc)
	ljmp $0x08, $PHYS(pvh_start_64)

	.code64
pvh_start_64:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs

	movabsq $1f, %rax		/* now run at the high address */
	jmp *%rax
1:	lgdt early_gdt_desc64(%rip)	/* GDT by its high address */
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	movl %esi, %edi			/* start info physical address */
	call x86_64_start_kernel
2:	cli
	hlt
	jmp 2b

	.section .rodata
	.balign 16
early_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
early_gdt_end:
early_gdt_desc:
	.word early_gdt_end - early_gdt - 1
	.long PHYS(early_gdt)
early_gdt_desc64:
	.word early_gdt_end - early_gdt - 1
	.quad early_gdt

	.section .bss, "aw", @nobits
	.balign 4096
early_pml4:	.skip 4096
early_pdpt_low:	.skip 4096
early_pdpt_high: .skip 4096
early_pd:	.skip 4096
	.globl boot_stack, boot_stack_top
boot_stack:	.skip 16384
boot_stack_top:
