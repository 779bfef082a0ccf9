/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of the ELF64 format (System V gABI and its x86-64 supplement)
 * that Tide needs to run an x86-64 executable, and the load plan that
 * fs/binfmt_elf.c derives from a file.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

/* e_ident[]: byte positions, then the values Tide accepts. */
#define EI_NIDENT	16
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1

/* e_type */
#define ET_EXEC		2
#define ET_DYN		3

/* e_machine */
#define EM_X86_64	62

/* p_type */
#define PT_LOAD		1
#define PT_INTERP	3
#define PT_PHDR		6
#define PT_GNU_STACK	0x6474e551

/* p_flags */
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

/* The file header, at offset 0; 64 bytes, little-endian on x86-64. */
struct elf64_hdr {
	u8 e_ident[EI_NIDENT];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u64 e_entry;
	u64 e_phoff;
	u64 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
};

/* One program header, e_phnum of them at e_phoff; 56 bytes each. */
struct elf64_phdr {
	u32 p_type;
	u32 p_flags;
	u64 p_offset;
	u64 p_vaddr;
	u64 p_paddr;
	u64 p_filesz;
	u64 p_memsz;
	u64 p_align;
};

/* Bounds on what Tide agrees to load; beyond them elf_load_plan() says -E2BIG. */
#define ELF_MAX_PHNUM		64
#define ELF_PLAN_MAX_SEGS	16
#define ELF_MAX_IMAGE_SPAN	(1UL << 30)	/* lowest to highest loaded page */

/**
 * struct elf_load_seg - one PT_LOAD segment, ready to be mapped
 * @start: p_vaddr rounded down to a page
 * @end: p_vaddr + p_memsz rounded up to a page (exclusive)
 * @vaddr: p_vaddr itself
 * @offset: p_offset: where the segment's bytes start in the file
 * @filesz: bytes copied (or mapped) from the file at @vaddr
 * @memsz: bytes the segment occupies; those past @filesz are zero
 * @prot: PROT_READ, PROT_WRITE, PROT_EXEC from PF_R, PF_W, PF_X
 *
 * For a PIE (ET_DYN) every address here is relative to the load bias
 * that the loader chooses later.
 */
struct elf_load_seg {
	u64 start;
	u64 end;
	u64 vaddr;
	u64 offset;
	u64 filesz;
	u64 memsz;
	unsigned int prot;
};

/**
 * struct elf_plan - what loading an ELF file would do, checked in advance
 * @segs: the PT_LOAD segments in ascending address order
 * @nr_segs: entries used in @segs (at least one)
 * @interp: the PT_INTERP path, pointing into the image (so valid while the
 *	image is), NUL-terminated; NULL for a static executable
 * @interp_len: strlen(@interp), 0 without one
 * @entry: e_entry
 * @phdr_vaddr: where the program headers are in memory, for AT_PHDR (the
 *	PT_PHDR segment, else the PT_LOAD holding e_phoff); 0 if unmapped
 * @phnum: e_phnum, for AT_PHNUM
 * @pie: ET_DYN: the addresses above are relative to a load bias
 * @exec_stack: PT_GNU_STACK asked for an executable stack
 */
struct elf_plan {
	struct elf_load_seg segs[ELF_PLAN_MAX_SEGS];
	unsigned int nr_segs;
	const char *interp;
	size_t interp_len;
	u64 entry;
	u64 phdr_vaddr;
	unsigned int phnum;
	bool pie;
	bool exec_stack;
};

int elf_load_plan(const void *image, size_t len, struct elf_plan *plan);
/* elf_load_plan_head(): the bytes it needs lie past those it was given. */
#define ELF_PLAN_NEED_MORE	1
int elf_load_plan_head(const void *head, size_t head_len, u64 size,
		       struct elf_plan *plan);

#endif /* _LINUX_ELF_H */
