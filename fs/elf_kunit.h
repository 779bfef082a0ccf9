/* SPDX-License-Identifier: GPL-2.0 */
/* Building ELF64 images in memory, for the binfmt_elf and exec suites. */
#ifndef _FS_ELF_KUNIT_H
#define _FS_ELF_KUNIT_H

#include <linux/elf.h>
#include <linux/string.h>

/* An x86-64 ELF header at @img with @phnum program headers right after. */
static inline void elf_test_header(u8 *img, u16 type, u64 entry, u16 phnum)
{
	struct elf64_hdr *h = (struct elf64_hdr *)img;

	memset(h, 0, sizeof(*h));
	memcpy(h->e_ident, ELFMAG, SELFMAG);
	h->e_ident[EI_CLASS] = ELFCLASS64;
	h->e_ident[EI_DATA] = ELFDATA2LSB;
	h->e_ident[EI_VERSION] = EV_CURRENT;
	h->e_type = type;
	h->e_machine = EM_X86_64;
	h->e_version = EV_CURRENT;
	h->e_entry = entry;
	h->e_phoff = sizeof(*h);
	h->e_ehsize = sizeof(*h);
	h->e_phentsize = sizeof(struct elf64_phdr);
	h->e_phnum = phnum;
}

/* Program header @i of the image at @img (p_paddr = p_vaddr). */
static inline void elf_test_phdr(u8 *img, unsigned int i, u32 type,
				 u32 flags, u64 offset, u64 vaddr, u64 filesz,
				 u64 memsz, u64 align)
{
	struct elf64_phdr *p = (struct elf64_phdr *)
			       (img + sizeof(struct elf64_hdr)) + i;

	p->p_type = type;
	p->p_flags = flags;
	p->p_offset = offset;
	p->p_vaddr = vaddr;
	p->p_paddr = vaddr;
	p->p_filesz = filesz;
	p->p_memsz = memsz;
	p->p_align = align;
}

#endif /* _FS_ELF_KUNIT_H */
