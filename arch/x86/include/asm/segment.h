/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GDT's layout and the segment selectors, for C and assembly alike
 * (desc.h has the structures and the code that loads them).
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

/*
 * The GDT slots. SYSCALL and SYSRET take their selectors from the STAR
 * MSR by fixed arithmetic, which fixes the order: SYSCALL loads CS from
 * STAR[47:32] and SS from the slot after it (kernel code, kernel data);
 * SYSRET to 64-bit mode loads SS from STAR[63:48] + 8 and CS from
 * STAR[63:48] + 16, both with RPL 3 (a 32-bit user code slot, then user
 * data, then 64-bit user code).
 */
#define GDT_KERNEL_CS		0x08
#define GDT_KERNEL_DS		0x10
#define GDT_USER32_CS		0x18	/* SYSRET's base; no compat mode: empty */
#define GDT_USER_DS		0x20
#define GDT_USER_CS		0x28
#define GDT_ENTRY_TSS		6	/* a 16-byte descriptor: slots 6 and 7 */
#define GDT_TSS			(GDT_ENTRY_TSS * 8)
#define GDT_ENTRIES		8

/* A selector's requested privilege level, in its low two bits. */
#define SEGMENT_RPL_MASK	0x3
#define USER_RPL		0x3

/* What user mode runs with: the user slots at privilege level 3. */
#define USER_DS			(GDT_USER_DS | USER_RPL)
#define USER_CS			(GDT_USER_CS | USER_RPL)

/* The flat segments, as head_64.S's early GDT has them (accessed set). */
#define GDT_DESC_CODE64		0x00af9b000000ffffULL
#define GDT_DESC_DATA		0x00cf93000000ffffULL
/* The same with DPL 3 (bits 45-46 of the descriptor). */
#define GDT_DESC_USER_CODE64	0x00affb000000ffffULL
#define GDT_DESC_USER_DATA	0x00cff3000000ffffULL

#endif /* _ASM_X86_SEGMENT_H */
