/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading programs: the contract between fs/exec.c (which owns it) and
 * its callers (execve(2), the start of init), and the steps of a load
 * that fs/exec.c, fs/binfmt_elf.c and fs/binfmt_script.c share.
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#include <linux/elf.h>

struct file;
struct mm_struct;

/**
 * kernel_execve - load a program into the calling task from the kernel
 * @filename: the path of the program (ELF or #! script)
 * @argv: NULL-terminated kernel strings
 * @envp: NULL-terminated kernel strings
 *
 * As execve(2), but with kernel pointers, for a task made by
 * user_process_spawn(). On success the task's user registers are set to
 * start the program; the caller returns 0 to enter it.
 *
 * Return: 0, or the errors of execve(2) (-ENOENT, -EACCES, -ENOEXEC,
 * -E2BIG, -ENOMEM, ...), with the task unchanged.
 */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

/* One argument or environment string, NUL included, at most this long. */
#define MAX_ARG_STRLEN		(32 * 4096)
/* All strings with their pointers (Linux's bound for an 8 MiB stack). */
#define MAX_ARG_TOTAL		(2UL << 20)
/* Scripts whose interpreter is a script: at most this many in a row. */
#define BINPRM_MAX_DEPTH	4
/* The bytes of a #! line looked at; a longer line is cut there. */
#define BINPRM_BUF_SIZE		256	/* Linux's */
/* What exec reads of a file first: enough for nearly every ELF header. */
#define BINPRM_HEAD_SIZE	4096
/* Programs and interpreters larger than this are refused (-ENOMEM). */
#define BINPRM_MAX_FILE		(256UL << 20)

/* The new stack: its top, its size, and where mmap() places below it. */
#define STACK_TOP		TASK_SIZE_MAX
#define STACK_SIZE		(8UL << 20)
#define MMAP_BASE_GAP		(128UL << 20)
/* Where a PIE with an interpreter is put (Linux's, without ASLR). */
#define ELF_ET_DYN_BASE		0x555555554000UL

/**
 * struct linux_binprm - one execve() in progress
 * @filename: the path execve() was given: AT_EXECFN and the new comm
 * @file: the file being loaded (the program, or the script's interpreter)
 * @image: @file's first bytes (vmalloc), @image_len of them (the whole
 *	file only when its headers lie past BINPRM_HEAD_SIZE)
 * @file_size: @file's size
 * @interp_file: the ELF interpreter (PT_INTERP), once opened
 * @interp_image: its first bytes, @interp_len of them; @interp_size its
 *	size
 * @plan: @image's load plan; @interp_plan: @interp_image's
 * @strings: argv's strings then envp's, each NUL-terminated (vmalloc)
 * @strings_len: bytes used in @strings; @strings_cap: its size
 * @argc: how many argv strings lead @strings; @envc: envp strings after
 * @depth: #! scripts followed so far
 * @mm: the new address space, built before the old one is dropped
 * @entry: where the new program starts (the interpreter's entry if any)
 * @sp: the initial stack pointer (at argc)
 * @load_bias: added to the program's addresses (ET_DYN), else 0
 * @interp_bias: the interpreter's load address (AT_BASE)
 */
struct linux_binprm {
	const char *filename;
	struct file *file;
	void *image;
	size_t image_len;
	u64 file_size;
	struct file *interp_file;	/* a reference */
	void *interp_image;
	size_t interp_len;
	u64 interp_size;
	struct elf_plan plan;
	struct elf_plan interp_plan;
	char *strings;
	size_t strings_len;
	size_t strings_cap;
	int argc;
	int envc;
	int depth;
	struct mm_struct *mm;
	unsigned long entry;
	unsigned long sp;
	unsigned long load_bias;
	unsigned long interp_bias;
};

/* fs/exec.c: the steps of a load, for binfmt_*.c and the tests. */
int bprm_init(struct linux_binprm *bprm, const char *filename);
void bprm_free(struct linux_binprm *bprm);
int bprm_reserve(struct linux_binprm *bprm, size_t more, int nptrs);
int bprm_add_strings(struct linux_binprm *bprm, const char *const *strs,
		     bool env);
int bprm_read_file(struct file *file, size_t max, void **image, size_t *len,
		   u64 *size);
int bprm_set_file(struct linux_binprm *bprm, struct file *file);
int bprm_plan(struct linux_binprm *bprm);
int bprm_set_interp(struct linux_binprm *bprm, struct file *file);
int exec_build_mm(struct linux_binprm *bprm);

/* fs/binfmt_script.c */
bool script_is_script(const void *image, size_t len);
int script_parse(const void *image, size_t len, char *interp,
		 size_t interp_size, const char **arg, size_t *arg_len);
int script_rewrite_args(struct linux_binprm *bprm, const char *interp,
			const char *arg, size_t arg_len);

/* fs/binfmt_elf.c: the mapping half of the loader */
int elf_map_image(struct linux_binprm *bprm, struct file *file,
		  const struct elf_plan *plan, unsigned long bias);
unsigned long elf_choose_bias(struct linux_binprm *bprm);

#endif /* _LINUX_BINFMTS_H */
