// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF64 loader: check an x86-64 executable held in memory and turn
 * its program headers into a load plan (elf_load_plan(), which maps
 * nothing), then map a plan into exec's new address space.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/mm_struct.h>
#include <linux/limits.h>
#include <linux/log2.h>
#include <linux/mman.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <asm/page.h>

/*
 * DOC: what an ELF file must satisfy before Tide runs it
 *
 * The file is untrusted input: every offset and size in it is checked
 * against the buffer's length with overflow-checked arithmetic before any
 * byte it names is read, and headers are copied out with memcpy() so the
 * image needs no alignment. The checks, in order:
 *
 * - the header: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ET_EXEC or
 *   ET_DYN, EM_X86_64 (else -ENOEXEC); e_phentsize is 56 and 1 <= e_phnum
 *   <= ELF_MAX_PHNUM; the program header table lies inside the file;
 * - each PT_LOAD: its file bytes inside the file, p_filesz <= p_memsz, no
 *   wrap and an end below TASK_SIZE_MAX, p_align 0 or a power of two with
 *   p_vaddr and p_offset congruent modulo p_align and modulo the page
 *   size (or the segment could not be mapped from the file), ascending
 *   p_vaddr with no two segments sharing a page;
 * - at most one PT_INTERP, inside the file, a non-empty path whose only
 *   NUL is its last byte, at most PATH_MAX bytes with that NUL;
 * - at most one PT_PHDR, inside a PT_LOAD; at most one PT_GNU_STACK;
 * - e_entry inside the file-backed part of an executable PT_LOAD.
 */

/*
 * Copy out and check the file header and the bounds of the phdr table,
 * in a file of @size bytes whose first @len are at @image.
 */
static int elf_check_header(const void *image, size_t len, u64 size,
			    struct elf64_hdr *eh)
{
	size_t table_bytes, table_end;

	if (size < sizeof(*eh))
		return -ENOEXEC;
	if (len < sizeof(*eh))
		return ELF_PLAN_NEED_MORE;
	memcpy(eh, image, sizeof(*eh));
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT ||
	    eh->e_version != EV_CURRENT)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != EM_X86_64)
		return -ENOEXEC;

	if (eh->e_phentsize != sizeof(struct elf64_phdr))
		return -EINVAL;
	if (eh->e_phnum == 0)
		return -EINVAL;
	if (eh->e_phnum > ELF_MAX_PHNUM)
		return -E2BIG;
	table_bytes = (size_t)eh->e_phnum * sizeof(struct elf64_phdr);
	if (check_add_overflow(eh->e_phoff, table_bytes, &table_end) ||
	    table_end > size)
		return -EINVAL;
	return table_end > len ? ELF_PLAN_NEED_MORE : 0;
}

/* True when [off, off + size) lies inside a file of @len bytes. */
static bool elf_in_file(u64 off, u64 size, u64 len)
{
	u64 end;

	return !check_add_overflow(off, size, &end) && end <= len;
}

static unsigned int elf_prot(u32 p_flags)
{
	unsigned int prot = PROT_NONE;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	return prot;
}

/* Check one PT_LOAD and append it to the plan. */
static int elf_add_load(struct elf_plan *plan, const struct elf64_phdr *ph,
			u64 len)
{
	struct elf_load_seg *seg;
	u64 end;

	if (!elf_in_file(ph->p_offset, ph->p_filesz, len))
		return -EINVAL;
	if (ph->p_filesz > ph->p_memsz)
		return -EINVAL;
	if (check_add_overflow(ph->p_vaddr, ph->p_memsz, &end) ||
	    end > TASK_SIZE_MAX)
		return -EINVAL;
	if (ph->p_align > 1) {
		if (!is_power_of_2(ph->p_align))
			return -EINVAL;
		if ((ph->p_vaddr - ph->p_offset) & (ph->p_align - 1))
			return -EINVAL;
	}
	if ((ph->p_vaddr - ph->p_offset) & (PAGE_SIZE - 1))
		return -EINVAL;
	/* Sorted, and the previous segment's last page is not this one's first. */
	if (plan->nr_segs &&
	    plan->segs[plan->nr_segs - 1].end > ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE))
		return -EINVAL;
	if (plan->nr_segs == ELF_PLAN_MAX_SEGS)
		return -E2BIG;

	seg = &plan->segs[plan->nr_segs++];
	seg->start = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE);
	seg->end = ALIGN(end, PAGE_SIZE);
	seg->vaddr = ph->p_vaddr;
	seg->offset = ph->p_offset;
	seg->filesz = ph->p_filesz;
	seg->memsz = ph->p_memsz;
	seg->prot = elf_prot(ph->p_flags);
	if (seg->end - plan->segs[0].start > ELF_MAX_IMAGE_SPAN)
		return -E2BIG;
	return 0;
}

/* Check the PT_INTERP segment and point the plan at its path. */
static int elf_set_interp(struct elf_plan *plan, const struct elf64_phdr *ph,
			  const void *image, size_t len, u64 size)
{
	const char *path;

	if (plan->interp)
		return -EINVAL;
	if (!elf_in_file(ph->p_offset, ph->p_filesz, size))
		return -EINVAL;
	if (ph->p_filesz > PATH_MAX)
		return -E2BIG;
	if (ph->p_filesz < 2)
		return -EINVAL;
	if (!elf_in_file(ph->p_offset, ph->p_filesz, len))
		return ELF_PLAN_NEED_MORE;
	path = (const char *)image + ph->p_offset;
	if (strnlen(path, ph->p_filesz) != ph->p_filesz - 1)
		return -EINVAL;
	plan->interp = path;
	plan->interp_len = ph->p_filesz - 1;
	return 0;
}

/* The loaded segment holding [addr, addr + size), or NULL. */
static const struct elf_load_seg *elf_find_seg(const struct elf_plan *plan,
					       u64 addr, u64 size, bool in_file)
{
	unsigned int i;

	for (i = 0; i < plan->nr_segs; i++) {
		const struct elf_load_seg *seg = &plan->segs[i];
		u64 limit = in_file ? seg->filesz : seg->memsz;

		if (addr >= seg->vaddr && addr - seg->vaddr <= limit &&
		    size <= limit - (addr - seg->vaddr))
			return seg;
	}
	return NULL;
}

/* AT_PHDR: where the loaded image holds the program header table. */
static u64 elf_phdr_from_loads(const struct elf_plan *plan,
			       const struct elf64_hdr *eh)
{
	u64 table_bytes = (u64)eh->e_phnum * sizeof(struct elf64_phdr);
	unsigned int i;

	for (i = 0; i < plan->nr_segs; i++) {
		const struct elf_load_seg *seg = &plan->segs[i];

		if (eh->e_phoff >= seg->offset &&
		    eh->e_phoff - seg->offset <= seg->filesz &&
		    table_bytes <= seg->filesz - (eh->e_phoff - seg->offset))
			return seg->vaddr + (eh->e_phoff - seg->offset);
	}
	return 0;
}

/* One program header; the caller has checked the table is in the file. */
static void elf_read_phdr(const void *image, const struct elf64_hdr *eh,
			  unsigned int i, struct elf64_phdr *ph)
{
	memcpy(ph, (const u8 *)image + eh->e_phoff + i * sizeof(*ph),
	       sizeof(*ph));
}

static int elf_walk_phdrs(const void *image, size_t len, u64 size,
			  const struct elf64_hdr *eh, struct elf_plan *plan,
			  struct elf64_phdr *pt_phdr)
{
	bool seen_stack = false;
	struct elf64_phdr ph;
	unsigned int i;
	int err = 0;

	for (i = 0; i < eh->e_phnum && !err; i++) {
		elf_read_phdr(image, eh, i, &ph);
		switch (ph.p_type) {
		case PT_LOAD:
			err = elf_add_load(plan, &ph, size);
			break;
		case PT_INTERP:
			err = elf_set_interp(plan, &ph, image, len, size);
			break;
		case PT_PHDR:
			if (pt_phdr->p_type == PT_PHDR)
				return -EINVAL;
			*pt_phdr = ph;
			break;
		case PT_GNU_STACK:
			if (seen_stack)
				return -EINVAL;
			seen_stack = true;
			plan->exec_stack = ph.p_flags & PF_X;
			break;
		}
	}
	return err;
}

/**
 * elf_load_plan - check an x86-64 ELF64 executable and plan its loading
 * @image: the whole file, in memory, any alignment
 * @len: its length in bytes
 * @plan: filled on success; zeroed on failure
 *
 * Validates the file header and program headers as listed in the DOC
 * section above and describes what a loader has to do: the PT_LOAD
 * segments with page-rounded bounds, file ranges and protections, the
 * interpreter path, the entry point, AT_PHDR and AT_PHNUM, whether the
 * file is position independent (ET_DYN; then every address in @plan is
 * relative to the load bias) and whether its stack is executable (only
 * when PT_GNU_STACK has PF_X; a file without PT_GNU_STACK gets a
 * non-executable stack).
 *
 * Reads nothing outside [@image, @image + @len) and changes nothing but
 * @plan: it does not map memory, allocate, or open the interpreter.
 * @plan->interp points into @image.
 *
 * Return: 0 on success; -ENOEXEC if the file is not an ELF file Tide runs
 * (short header, bad magic, class, byte order, version, type or machine);
 * -EINVAL if its numbers are inconsistent (an e_phentsize other than 56,
 * no program headers, a table or segment outside the file or wrapping,
 * overlapping or unsorted segments, bad alignment, a
 * duplicate or malformed PT_INTERP, PT_PHDR or PT_GNU_STACK, no PT_LOAD,
 * an entry point outside executable file-backed memory); -E2BIG if it is
 * past Tide's bounds (more than ELF_MAX_PHNUM headers, more than
 * ELF_PLAN_MAX_SEGS PT_LOADs, an image spanning more than
 * ELF_MAX_IMAGE_SPAN, an interpreter path longer than PATH_MAX).
 */
int elf_load_plan(const void *image, size_t len, struct elf_plan *plan)
{
	return elf_load_plan_head(image, len, len, plan);
}

/**
 * elf_load_plan_head - elf_load_plan() from the first bytes of a file
 * @head: the file's first @head_len bytes, any alignment
 * @head_len: how many were read
 * @size: the file's size: segments are checked against it
 * @plan: filled on success; zeroed on failure
 *
 * Exec reads a page or so of a program and plans from that; only a file
 * whose program headers or interpreter path lie further in needs more.
 *
 * Return: as elf_load_plan(); or ELF_PLAN_NEED_MORE (positive) when the
 * header, the program header table or PT_INTERP's path lies in the file
 * past @head_len: call again with more of the file.
 */
int elf_load_plan_head(const void *head, size_t head_len, u64 size,
		       struct elf_plan *plan)
{
	const struct elf_load_seg *seg;
	struct elf64_phdr pt_phdr = { };
	struct elf64_hdr eh;
	int err;

	memset(plan, 0, sizeof(*plan));
	head_len = min_t(u64, head_len, size);
	err = elf_check_header(head, head_len, size, &eh);
	if (err)
		goto fail;
	err = elf_walk_phdrs(head, head_len, size, &eh, plan, &pt_phdr);
	if (err)
		goto fail;

	err = -EINVAL;
	if (!plan->nr_segs)
		goto fail;
	seg = elf_find_seg(plan, eh.e_entry, 1, true);
	if (!seg || !(seg->prot & PROT_EXEC))
		goto fail;
	if (pt_phdr.p_type == PT_PHDR) {
		if (!elf_find_seg(plan, pt_phdr.p_vaddr, pt_phdr.p_memsz, false))
			goto fail;
		plan->phdr_vaddr = pt_phdr.p_vaddr;
	} else {
		plan->phdr_vaddr = elf_phdr_from_loads(plan, &eh);
	}
	plan->entry = eh.e_entry;
	plan->phnum = eh.e_phnum;
	plan->pie = eh.e_type == ET_DYN;
	return 0;

fail:
	memset(plan, 0, sizeof(*plan));
	return err;
}

/*
 * Map one PT_LOAD at @bias: the pages holding file bytes as a private
 * mapping of @file, the pages after them as anonymous memory. When the
 * zero fill begins inside the last file page, that page is read in now
 * and the bytes past p_filesz cleared; the other pages are read by the
 * fault path when touched. Caller holds mmap_lock.
 */
static int elf_map_seg(struct mm_struct *mm, struct file *file,
		       const struct elf_load_seg *seg, unsigned long bias)
{
	unsigned long start = bias + seg->start, end = bias + seg->end;
	unsigned long file_end = bias + seg->vaddr + seg->filesz;
	unsigned long file_top = start;
	unsigned long head = seg->vaddr - seg->start;
	long ret;

	if (seg->filesz) {
		file_top = PAGE_ALIGN(file_end);
		ret = do_mmap(mm, start, file_top - start, seg->prot,
			      MAP_PRIVATE | MAP_FIXED, file,
			      (seg->offset - head) >> PAGE_SHIFT);
		if (ret < 0)
			return ret;
	}
	/* The zero fill starts inside the last file page: clear its tail. */
	if (seg->memsz > seg->filesz && file_end < file_top) {
		ret = populate_vma_range(mm, find_vma(mm, file_end),
					 file_end & PAGE_MASK, file_top);
		if (ret)
			return ret;
		clear_mapped_range(mm, file_end, file_top);
	}
	if (end > file_top) {
		ret = do_mmap(mm, file_top, end - file_top, seg->prot,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL, 0);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/**
 * elf_map_image - map a planned ELF file into exec's new mm
 * @bprm: the execve() in progress; @bprm->mm's mmap_lock held for writing
 * @file: the file @plan was made from
 * @plan: its load plan
 * @bias: added to every address of @plan (0 for ET_EXEC)
 *
 * For the program, the break starts at the page after its last segment
 * (at ELF_ET_DYN_BASE for a PIE without interpreter, which is mapped
 * top-down like a library).
 *
 * Return: 0; -EPERM for a segment below MMAP_MIN_ADDR; -ENOMEM; a read
 * error of @file.
 */
int elf_map_image(struct linux_binprm *bprm, struct file *file,
		  const struct elf_plan *plan, unsigned long bias)
{
	struct mm_struct *mm = bprm->mm;	/* the new one */
	unsigned int i;
	int ret;

	for (i = 0; i < plan->nr_segs; i++) {
		ret = elf_map_seg(mm, file, &plan->segs[i], bias);
		if (ret)
			return ret;
	}
	if (plan != &bprm->plan)
		return 0;
	mm->start_brk = bias + plan->segs[plan->nr_segs - 1].end;
	if (plan->pie && !plan->interp)
		mm->start_brk = ELF_ET_DYN_BASE;
	mm->brk = mm->start_brk;
	return 0;
}

/**
 * elf_choose_bias - where @bprm's program goes
 * @bprm: with its plan made and its new mm empty (mmap_lock held)
 *
 * An ET_EXEC file goes at its own addresses (bias 0). A PIE with an
 * interpreter has its lowest page at ELF_ET_DYN_BASE; one without (a
 * static PIE, or ld.so run as a program) goes top-down below the mmap
 * base, as Linux without address randomisation places them.
 *
 * Return: the bias to add to the plan's addresses.
 */
unsigned long elf_choose_bias(struct linux_binprm *bprm)
{
	const struct elf_plan *plan = &bprm->plan;
	unsigned long span;
	long at;

	if (!plan->pie)
		return 0;
	if (plan->interp)
		return ELF_ET_DYN_BASE - plan->segs[0].start;
	span = plan->segs[plan->nr_segs - 1].end - plan->segs[0].start;
	at = get_unmapped_area(bprm->mm, 0, span);
	if (at < 0)	/* an empty mm always has room for 1 GiB */
		return ELF_ET_DYN_BASE - plan->segs[0].start;
	return at - plan->segs[0].start;
}
