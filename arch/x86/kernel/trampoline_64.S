/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AP start-up. trampoline_start..trampoline_end is copied to
 * TRAMPOLINE_BASE; a SIPI starts an AP there in real mode, and it climbs
 * through protected mode into long mode on the trampoline's identity map,
 * then jumps to ap_start64 in the kernel image, which moves it onto
 * Tide's page tables, GDT and its own stack and calls ap_start_kernel().
 */
#include <asm/smp.h>

#define TR_ADDR(sym)	(TRAMPOLINE_BASE + ((sym) - trampoline_start))
#define TR_CS64		0x08
#define TR_DS		0x10
#define TR_CS32		0x18

	.section .rodata, "a"
	.balign 16
	.globl trampoline_start
trampoline_start:
	.code16
	cli
	cld
	movw %cs, %ax			/* CS = TRAMPOLINE_BASE >> 4 */
	movw %ax, %ds
	lgdtl (tr_gdt_desc - trampoline_start)
	movl %cr0, %eax
	orl $0x1, %eax			/* PE */
	movl %eax, %cr0
	ljmpl $TR_CS32, $TR_ADDR(tr_pm32)

	.code32
tr_pm32:
	movl $TR_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %cr4, %eax
	orl $0x20, %eax			/* PAE */
	movl %eax, %cr4
	movl TR_ADDR(trampoline_cr3), %eax
	movl %eax, %cr3
	movl $0xc0000080, %ecx		/* EFER: long mode and NX */
	rdmsr
	orl $0x900, %eax
	wrmsr
	movl %cr0, %eax
	orl $0x80010001, %eax		/* PG, WP, PE */
	movl %eax, %cr0
	ljmpl $TR_CS64, $TR_ADDR(tr_lm64)

	.code64
tr_lm64:
	movl $TR_ADDR(trampoline_target), %eax
	movq (%rax), %rax
	jmp *%rax

	.balign 8
tr_gdt:
	.quad 0
	.quad 0x00af9b000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf93000000ffff	/* 0x10: data */
	.quad 0x00cf9b000000ffff	/* 0x18: 32-bit code */
tr_gdt_end:
tr_gdt_desc:
	.word tr_gdt_end - tr_gdt - 1
	.long TR_ADDR(tr_gdt)

	.balign 8
	.globl trampoline_cr3, trampoline_target
trampoline_cr3:
	.quad 0				/* physical address of the trampoline PML4 */
trampoline_target:
	.quad 0				/* ap_start64 */
	.globl trampoline_end
trampoline_end:

/*
 * On the trampoline's page tables, CS from the trampoline GDT, no stack.
 * Interrupts are off until the scheduler's idle loop enables them.
 */
	.text
	.globl ap_start64
ap_start64:
	movq ap_boot_cr3(%rip), %rax
	movq %rax, %cr3
	movq ap_boot_cr4(%rip), %rax
	movq %rax, %cr4
	movq ap_boot_cr0(%rip), %rax
	movq %rax, %cr0
	movq ap_boot_stack(%rip), %rsp
	lgdt ap_gdt_desc(%rip)
	movl $TR_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs
	pushq $TR_CS64
	leaq 1f(%rip), %rax
	pushq %rax
	lretq
1:	xorl %ebp, %ebp
	call ap_start_kernel
2:	cli
	hlt
	jmp 2b

	.data
	.balign 16
ap_gdt:
	.quad 0
	.quad 0x00af9b000000ffff	/* 0x08: 64-bit code, as head_64.S */
	.quad 0x00cf93000000ffff	/* 0x10: data */
ap_gdt_end:
	.balign 8
ap_gdt_desc:
	.word ap_gdt_end - ap_gdt - 1
	.quad ap_gdt
