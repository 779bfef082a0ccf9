// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: execve
 *
 * execve() replaces the calling process's program in two halves split by
 * the point of no return. Before it, everything that can fail is done
 * into a struct linux_binprm and a new mm nobody else sees: the argument
 * and environment strings are copied in, the file is opened, checked
 * (a regular file with an execute bit) and read whole; a "#!" script
 * names an interpreter that is opened in its place (fs/binfmt_script.c);
 * an ELF file is checked and planned (fs/binfmt_elf.c), its interpreter
 * too, and both are mapped into the new mm with the stack holding the
 * strings, the auxiliary vector and the pointers the ABI wants. Any
 * failure there frees the new mm and leaves the task as it was.
 *
 * After it (exec_commit()), nothing fails: the task switches to the new
 * mm and drops the old, closes its close-on-exec descriptors, takes the
 * file's name as comm, and start_thread() sets its user registers to
 * start the program (and zeroes the FS base, resets caught signals and
 * lets a vfork parent go on).
 * Documentation/filesystems/binfmt-elf.rst describes the layout.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

/* The first size of the string buffer; it doubles as strings come. */
#define BPRM_STRINGS_MIN	(16UL << 10)

/**
 * bprm_init - start an execve() of @filename
 * @bprm: zeroed by this call
 * @filename: the path, kept by pointer until bprm_free()
 *
 * Return: 0, or -ENOMEM.
 */
int bprm_init(struct linux_binprm *bprm, const char *filename)
{
	memset(bprm, 0, sizeof(*bprm));
	bprm->filename = filename;
	bprm->strings = vmalloc(BPRM_STRINGS_MIN);
	if (!bprm->strings)
		return -ENOMEM;
	bprm->strings_cap = BPRM_STRINGS_MIN;
	return 0;
}

/**
 * bprm_free - release what @bprm holds: files, images, strings, new mm
 *
 * After exec_commit() the mm is the task's and no longer @bprm's.
 */
void bprm_free(struct linux_binprm *bprm)
{
	if (bprm->file)
		fput(bprm->file);
	if (bprm->interp_file)
		fput(bprm->interp_file);
	vfree(bprm->image);
	vfree(bprm->interp_image);
	vfree(bprm->strings);
	if (bprm->mm)
		mmput(bprm->mm);
	memset(bprm, 0, sizeof(*bprm));
}

/* Do the strings and their pointers fit with @more bytes, @nptrs strings? */
static bool bprm_fits(const struct linux_binprm *bprm, size_t more,
		      int nptrs)
{
	size_t ptrs = (bprm->argc + bprm->envc + nptrs + 2) * sizeof(void *);

	return bprm->strings_len + more + ptrs <= MAX_ARG_TOTAL;
}

/**
 * bprm_reserve - make room for @more bytes of strings after the others
 * @bprm: the execve() in progress
 * @more: bytes
 * @nptrs: strings they will add
 *
 * Return: 0; -E2BIG when the strings and their pointers would pass
 * MAX_ARG_TOTAL; -ENOMEM.
 */
int bprm_reserve(struct linux_binprm *bprm, size_t more, int nptrs)
{
	size_t cap = bprm->strings_cap;
	char *grown;

	if (!bprm_fits(bprm, more, nptrs))
		return -E2BIG;
	if (bprm->strings_len + more <= cap)
		return 0;
	while (cap < bprm->strings_len + more)
		cap *= 2;
	grown = vmalloc(cap);
	if (!grown)
		return -ENOMEM;
	memcpy(grown, bprm->strings, bprm->strings_len);
	vfree(bprm->strings);
	bprm->strings = grown;
	bprm->strings_cap = cap;
	return 0;
}

static void bprm_count(struct linux_binprm *bprm, bool env)
{
	if (env)
		bprm->envc++;
	else
		bprm->argc++;
}

/**
 * bprm_add_strings - append kernel strings to argv (or envp, if @env)
 * @bprm: the execve() in progress; argv strings all come before envp's
 * @strs: NULL-terminated array, or NULL for none
 * @env: add to the environment
 *
 * Return: 0; -E2BIG when a string is longer than MAX_ARG_STRLEN or all
 * of them with their pointers pass MAX_ARG_TOTAL; -ENOMEM.
 */
int bprm_add_strings(struct linux_binprm *bprm, const char *const *strs,
		     bool env)
{
	size_t len;
	int ret;

	for (; strs && *strs; strs++) {
		len = strnlen(*strs, MAX_ARG_STRLEN) + 1;
		if (len > MAX_ARG_STRLEN)
			return -E2BIG;
		ret = bprm_reserve(bprm, len, 1);
		if (ret)
			return ret;
		memcpy(bprm->strings + bprm->strings_len, *strs, len);
		bprm->strings_len += len;
		bprm_count(bprm, env);
	}
	return 0;
}

/* As bprm_add_strings(), from a user array of user strings. */
static int bprm_add_user_strings(struct linux_binprm *bprm,
				 const char __user *const __user *ustrs,
				 bool env)
{
	const char __user *s;
	size_t room;
	long len;
	int ret;

	for (; ustrs; ustrs++) {
		if (get_user(s, ustrs))
			return -EFAULT;
		if (!s)
			return 0;
		/* Room for the longest string still allowed. */
		room = MAX_ARG_TOTAL - min(MAX_ARG_TOTAL, bprm->strings_len +
			(bprm->argc + bprm->envc + 3) * sizeof(void *));
		room = min_t(size_t, room, MAX_ARG_STRLEN);
		if (!room)
			return -E2BIG;
		ret = bprm_reserve(bprm, room, 1);
		if (ret)
			return ret;
		len = strncpy_from_user(bprm->strings + bprm->strings_len, s,
					room);
		if (len < 0)
			return len;
		if (len == room)
			return -E2BIG;
		bprm->strings_len += len + 1;
		bprm_count(bprm, env);
	}
	return 0;
}

/* May @file be executed? A regular file with an execute bit. */
static int exec_check_file(struct file *file)
{
	const struct inode *ino = file_inode(file);

	if (!ino || !S_ISREG(ino->i_mode))
		return -EACCES;
	if (!(ino->i_mode & 0111))
		return -EACCES;
	if ((file->f_mode & FMODE_READ) == 0)
		return -EACCES;
	return 0;
}

/**
 * bprm_read_file - check @file may be run and read its first bytes
 * @file: an open file
 * @max: the most bytes to read (BINPRM_HEAD_SIZE, or all of them)
 * @image: gets a vmalloc copy of them (vfree() it)
 * @len: gets their number: the smaller of @max and the file's size
 * @size: gets the file's size
 *
 * Return: 0; -EACCES when @file is not a regular file with an execute
 * bit, open for reading; -ENOEXEC when it is empty; -ENOMEM when it is
 * larger than BINPRM_MAX_FILE or memory runs out; -EIO when it is
 * shorter than its size says; a read error.
 */
int bprm_read_file(struct file *file, size_t max, void **image, size_t *len,
		   u64 *size)
{
	loff_t want = file_inode(file) ? file_inode(file)->i_size : 0;
	loff_t pos = 0;
	ssize_t n;
	int ret;
	u8 *buf;

	ret = exec_check_file(file);
	if (ret)
		return ret;
	if (want <= 0)
		return -ENOEXEC;
	if (want > BINPRM_MAX_FILE)
		return -ENOMEM;
	*size = want;
	want = min_t(loff_t, want, max);
	buf = vmalloc(want);
	if (!buf)
		return -ENOMEM;
	while (pos < want) {
		n = kernel_read(file, buf + pos, want - pos, &pos);
		if (n <= 0) {
			vfree(buf);
			return n < 0 ? (int)n : -EIO;
		}
	}
	*image = buf;
	*len = want;
	return 0;
}

/*
 * Plan @file from the first bytes read (*@image, *@len of them); when the
 * plan needs bytes further in, read the whole file in their place.
 */
static int exec_plan(struct file *file, void **image, size_t *len,
		     u64 *size, struct elf_plan *plan)
{
	size_t all_len;
	void *all;
	int ret;

	ret = elf_load_plan_head(*image, *len, *size, plan);
	if (ret != ELF_PLAN_NEED_MORE)
		return ret;
	ret = bprm_read_file(file, BINPRM_MAX_FILE, &all, &all_len, size);
	if (ret)
		return ret;
	vfree(*image);
	*image = all;
	*len = all_len;
	ret = elf_load_plan_head(all, all_len, *size, plan);
	return ret == ELF_PLAN_NEED_MORE ? -EIO : ret;
}

/**
 * bprm_set_file - make @file the one @bprm loads (it takes the reference)
 *
 * Reads its first BINPRM_HEAD_SIZE bytes; the file loaded before (a
 * script) is released.
 *
 * Return: 0, or bprm_read_file()'s errors (then @file is put).
 */
int bprm_set_file(struct linux_binprm *bprm, struct file *file)
{
	size_t len;
	void *image;
	u64 size;
	int ret;

	ret = bprm_read_file(file, BINPRM_HEAD_SIZE, &image, &len, &size);
	if (ret) {
		fput(file);
		return ret;
	}
	if (bprm->file)
		fput(bprm->file);
	vfree(bprm->image);
	bprm->file = file;
	bprm->image = image;
	bprm->image_len = len;
	bprm->file_size = size;
	return 0;
}

/**
 * bprm_plan - check and plan the ELF file @bprm loads
 *
 * Return: 0, or elf_load_plan()'s errors (-ENOEXEC: not ELF; -EINVAL;
 * -E2BIG), or a read error when more of the file was needed.
 */
int bprm_plan(struct linux_binprm *bprm)
{
	return exec_plan(bprm->file, &bprm->image, &bprm->image_len,
			 &bprm->file_size, &bprm->plan);
}

/**
 * bprm_set_interp - make @file the ELF interpreter (takes the reference)
 *
 * Return: 0; bprm_read_file()'s errors; elf_load_plan()'s for the
 * interpreter (-ENOEXEC, -EINVAL, -E2BIG). On failure @file is put.
 */
int bprm_set_interp(struct linux_binprm *bprm, struct file *file)
{
	int ret;

	ret = bprm_read_file(file, BINPRM_HEAD_SIZE, &bprm->interp_image,
			     &bprm->interp_len, &bprm->interp_size);
	if (ret) {
		fput(file);
		return ret;
	}
	bprm->interp_file = file;
	return exec_plan(file, &bprm->interp_image, &bprm->interp_len,
			 &bprm->interp_size, &bprm->interp_plan);
}

static struct file *exec_open(const char *name)
{
	return filp_open(name, O_RDONLY, 0);
}

/* Sixteen bytes for AT_RANDOM, stirred from the time stamp counter. */
static void exec_random_bytes(u8 *out)
{
	u64 x = rdtsc(), words[2];
	int i;

	for (i = 0; i < 2; i++) {
		x += 0x9e3779b97f4a7c15ULL;
		words[i] = (x ^ (x >> 31)) * 0xbf58476d1ce4e5b9ULL;
		words[i] ^= words[i] >> 29;
	}
	memcpy(out, words, sizeof(words));
}

/* AT_* tags of the auxiliary vector (Linux's values). */
enum {
	AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6,
	AT_BASE = 7, AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12,
	AT_GID = 13, AT_EGID = 14, AT_PLATFORM = 15, AT_HWCAP = 16,
	AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_HWCAP2 = 26,
	AT_EXECFN = 31, AT_MINSIGSTKSZ = 51,
};

#define EXEC_AUXV_PAIRS	20	/* room for every pair exec_fill_auxv() puts */
#define EXEC_PLATFORM	"x86_64"
#define EXEC_MINSIGSTKSZ 2048	/* the legacy x86-64 signal frame */

/* Fill @v with the auxiliary vector; returns the words used. */
static int exec_fill_auxv(const struct linux_binprm *bprm, u64 *v,
			  unsigned long platform, unsigned long random,
			  unsigned long execfn)
{
	u32 a, b, c, d;
	int n = 0;

	cpuid(1, &a, &b, &c, &d);
#define AUX(tag, val) do { v[n++] = (tag); v[n++] = (val); } while (0)
	AUX(AT_HWCAP, d);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);
	AUX(AT_PHDR, bprm->plan.phdr_vaddr ?
		     bprm->load_bias + bprm->plan.phdr_vaddr : 0);
	AUX(AT_PHENT, sizeof(struct elf64_phdr));
	AUX(AT_PHNUM, bprm->plan.phnum);
	AUX(AT_BASE, bprm->interp_bias);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, bprm->load_bias + bprm->plan.entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP2, 0);
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, platform);
	AUX(AT_MINSIGSTKSZ, EXEC_MINSIGSTKSZ);
	AUX(AT_NULL, 0);
#undef AUX
	return n;
}

/*
 * Lay out the initial stack below STACK_TOP in @buf, which stands for
 * [@sp, STACK_TOP), and return @sp. From the top down: 8 zero bytes,
 * the file name (AT_EXECFN), the argv and envp strings, "x86_64", 16
 * random bytes at a 16-byte boundary, then from @sp up: argc, argv[],
 * NULL, envp[], NULL, the auxiliary vector. @sp is 16-byte aligned.
 */
static unsigned long exec_stack_size(const struct linux_binprm *bprm)
{
	size_t words = 1 + bprm->argc + 1 + bprm->envc + 1 +
		       2 * EXEC_AUXV_PAIRS;
	size_t bytes = 8 + strlen(bprm->filename) + 1 + bprm->strings_len +
		       sizeof(EXEC_PLATFORM) + 16 + 16 + words * 8;

	return ALIGN(bytes, 16) + 16;
}

static void exec_fill_stack(const struct linux_binprm *bprm, u8 *buf,
			    unsigned long base, unsigned long *spp)
{
	size_t fn_len = strlen(bprm->filename) + 1;
	unsigned long execfn, strings, platform, random, sp, at;
	u64 *w, auxv[2 * EXEC_AUXV_PAIRS];
	int i, nr_aux;

#define AT(addr) (buf + ((addr) - base))
	execfn = STACK_TOP - 8 - fn_len;
	memcpy(AT(execfn), bprm->filename, fn_len);
	strings = execfn - bprm->strings_len;
	memcpy(AT(strings), bprm->strings, bprm->strings_len);
	platform = strings - sizeof(EXEC_PLATFORM);
	memcpy(AT(platform), EXEC_PLATFORM, sizeof(EXEC_PLATFORM));
	random = (platform - 16) & ~15UL;
	exec_random_bytes(AT(random));

	nr_aux = exec_fill_auxv(bprm, auxv, platform, random, execfn);
	sp = (random - (3 + bprm->argc + bprm->envc + nr_aux) * 8) & ~15UL;
	w = (u64 *)AT(sp);
	*w++ = bprm->argc;
	at = strings;
	/* argv[], its NULL, envp[], its NULL: both even when empty. */
	for (i = 0; i < bprm->argc + bprm->envc; i++) {
		if (i == bprm->argc)
			*w++ = 0;
		*w++ = at;
		at += strlen((const char *)AT(at)) + 1;
	}
	if (!bprm->envc)
		*w++ = 0;
	*w++ = 0;
	memcpy(w, auxv, nr_aux * sizeof(u64));
#undef AT
	*spp = sp;
}

/* Map the stack into the new mm and write its contents. */
static int exec_setup_stack(struct linux_binprm *bprm)
{
	unsigned long size = exec_stack_size(bprm), base, sp;
	struct mm_struct *mm = bprm->mm;	/* the new one */
	struct vm_area_struct *vma;
	long prot = PROT_READ | PROT_WRITE;
	long ret;
	u8 *buf;

	if (size > STACK_SIZE / 2)
		return -E2BIG;
	if (bprm->plan.exec_stack)
		prot |= PROT_EXEC;
	base = STACK_TOP - size;
	buf = vmalloc(size);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0, size);
	exec_fill_stack(bprm, buf, base, &sp);

	ret = do_mmap(mm, STACK_TOP - STACK_SIZE, STACK_SIZE, prot,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN,
		      NULL, 0);
	if (ret < 0)
		goto out;
	vma = find_vma(mm, sp);
	ret = populate_vma_range(mm, vma, sp & PAGE_MASK, STACK_TOP);
	if (!ret)
		ret = copy_to_mm(mm, sp, buf + (sp - base), STACK_TOP - sp);
	if (ret)
		goto out;
	/* argv's strings start right below the file name's. */
	mm->arg_start = STACK_TOP - 8 - strlen(bprm->filename) - 1 -
			bprm->strings_len;
	mm->start_stack = sp;
	bprm->sp = sp;
out:
	vfree(buf);
	return ret;
}

/* Where argv's strings end inside @bprm->strings. */
static size_t bprm_argv_bytes(const struct linux_binprm *bprm)
{
	size_t off = 0;
	int i;

	for (i = 0; i < bprm->argc; i++)
		off += strlen(bprm->strings + off) + 1;
	return off;
}

/**
 * exec_build_mm - build the new address space for a planned ELF program
 * @bprm: with @file, @image and @plan set, and when the plan names an
 *	interpreter, @interp_file and @interp_plan
 *
 * Maps the program (at its addresses, or for a PIE at ELF_ET_DYN_BASE,
 * or top-down when it has no interpreter), the interpreter top-down
 * below the mmap base, the break after the program, and the stack with
 * the strings and the auxiliary vector. Sets @entry, @sp and the new
 * mm's program fields. The current task is not touched.
 *
 * Return: 0; -ENOEXEC when the plan needs an interpreter that is not
 * set; -E2BIG when the strings do not fit the stack; -ENOMEM; a read
 * error of the files. On failure the new mm is freed.
 */
int exec_build_mm(struct linux_binprm *bprm)
{
	struct mm_struct *mm;
	size_t argv_bytes;
	long at;
	int ret;

	if (bprm->plan.interp && !bprm->interp_file)
		return -ENOEXEC;
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	mm->mmap_base = STACK_TOP - MMAP_BASE_GAP;
	bprm->mm = mm;
	mmap_write_lock(mm);
	bprm->load_bias = elf_choose_bias(bprm);
	ret = elf_map_image(bprm, bprm->file, &bprm->plan, bprm->load_bias);
	if (ret)
		goto fail;
	bprm->entry = bprm->load_bias + bprm->plan.entry;
	if (bprm->interp_file) {
		const struct elf_plan *ip = &bprm->interp_plan;

		at = get_unmapped_area(mm, 0, ip->segs[ip->nr_segs - 1].end -
				       ip->segs[0].start);
		ret = at < 0 ? at : 0;
		if (ret)
			goto fail;
		bprm->interp_bias = ip->pie ? at - ip->segs[0].start : 0;
		ret = elf_map_image(bprm, bprm->interp_file,
				    &bprm->interp_plan, bprm->interp_bias);
		if (ret)
			goto fail;
		bprm->entry = bprm->interp_bias + bprm->interp_plan.entry;
	}
	ret = exec_setup_stack(bprm);
	if (ret)
		goto fail;
	argv_bytes = bprm_argv_bytes(bprm);
	mm->arg_end = mm->arg_start + argv_bytes;
	mm->env_start = mm->arg_end;
	mm->env_end = mm->arg_start + bprm->strings_len;
	mm->exe_file = get_file(bprm->file);
	mmap_write_unlock(mm);
	return 0;

fail:
	mmap_write_unlock(mm);
	mmput(mm);
	bprm->mm = NULL;
	return ret;
}

/* The last component of @path, at most TASK_COMM_LEN - 1 bytes of it. */
static void exec_set_comm(struct task_struct *p, const char *path)
{
	const char *base = strrchr(path, '/');

	strscpy(p->comm, base ? base + 1 : path, sizeof(p->comm));
}

/*
 * The point of no return: the task runs @bprm's program from here on.
 * Nothing below fails.
 */
static void exec_commit(struct linux_binprm *bprm)
{
	struct task_struct *p = current;
	struct mm_struct *old = p->mm;
	struct pt_regs *regs;
	unsigned long flags;

	/* task_lock: procfs's get_task_mm() may be reading p->mm. */
	task_lock(p);
	local_irq_save(flags);
	p->mm = bprm->mm;
	switch_mm(bprm->mm);
	local_irq_restore(flags);
	task_unlock(p);
	bprm->mm = NULL;
	if (old)
		mmput(old);

	if (p->files)
		do_close_on_exec(p->files);
	exec_set_comm(p, bprm->filename);
	/* Also zeroes the FS base, resets caught signals, frees a vfork parent. */
	regs = task_pt_regs(p);
	start_thread(regs, bprm->entry, bprm->sp);
}

/* Follow #! lines from @bprm->file until an ELF file is loaded. */
static int exec_follow_scripts(struct linux_binprm *bprm)
{
	char interp[BINPRM_BUF_SIZE];
	const char *arg;
	size_t arg_len;
	struct file *file;
	int ret;

	while (script_is_script(bprm->image, bprm->image_len)) {
		if (++bprm->depth > BINPRM_MAX_DEPTH)
			return -ELOOP;
		ret = script_parse(bprm->image, bprm->image_len, interp,
				   sizeof(interp), &arg, &arg_len);
		if (ret)
			return ret;
		ret = script_rewrite_args(bprm, interp, arg, arg_len);
		if (ret)
			return ret;
		file = exec_open(interp);
		if (IS_ERR(file))
			return PTR_ERR(file);
		ret = bprm_set_file(bprm, file);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * Load @file (a reference @bprm takes) as @bprm describes and, if all
 * goes well, commit the task to it.
 */
static int bprm_execve(struct linux_binprm *bprm, struct file *file)
{
	struct file *interp;
	int ret;

	ret = bprm_set_file(bprm, file);
	if (ret)
		return ret;
	ret = exec_follow_scripts(bprm);
	if (ret)
		return ret;
	ret = bprm_plan(bprm);
	if (ret)
		return ret;
	if (bprm->plan.interp) {
		interp = exec_open(bprm->plan.interp);
		if (IS_ERR(interp))
			return PTR_ERR(interp);
		ret = bprm_set_interp(bprm, interp);
		if (ret)
			return ret;
	}
	ret = exec_build_mm(bprm);
	if (ret)
		return ret;
	exec_commit(bprm);
	return 0;
}

/**
 * kernel_execve - load a program into the calling task from the kernel
 * @filename: the path of the program (ELF or #! script)
 * @argv: NULL-terminated kernel strings
 * @envp: NULL-terminated kernel strings
 *
 * See <linux/binfmts.h>. @argv must hold at least one string.
 *
 * Return: 0, or -errno with the task unchanged (-EINVAL for an empty
 * @argv).
 */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct linux_binprm bprm;	/* freed by bprm_free() */
	struct file *file;
	int ret;

	if (!argv || !argv[0])
		return -EINVAL;
	ret = bprm_init(&bprm, filename);
	if (ret)
		return ret;
	ret = bprm_add_strings(&bprm, argv, false);
	if (!ret)
		ret = bprm_add_strings(&bprm, envp, true);
	if (ret)
		goto out;
	file = exec_open(filename);
	if (IS_ERR(file)) {
		ret = PTR_ERR(file);
		goto out;
	}
	ret = bprm_execve(&bprm, file);
out:
	bprm_free(&bprm);
	return ret;
}

/*
 * execve(2) and execveat(2) with user pointers. @file, when not NULL,
 * is the program already open (execveat with AT_EMPTY_PATH).
 */
static long do_execve_user(const char *filename, struct file *file,
			   const char __user *const __user *uargv,
			   const char __user *const __user *uenvp)
{
	struct linux_binprm bprm;	/* freed by bprm_free() */
	int ret;

	ret = bprm_init(&bprm, filename);
	if (ret)
		goto put;
	ret = bprm_add_user_strings(&bprm, uargv, false);
	/* An empty argv gets one empty string, so argv[0] is never NULL. */
	if (!ret && !bprm.argc)
		ret = bprm_add_strings(&bprm, (const char *const []){ "", NULL },
				       false);
	if (!ret)
		ret = bprm_add_user_strings(&bprm, uenvp, true);
	if (ret)
		goto out;
	if (!file) {
		file = exec_open(filename);
		if (IS_ERR(file)) {
			ret = PTR_ERR(file);
			file = NULL;
			goto out;
		}
	}
	ret = bprm_execve(&bprm, file);
	file = NULL;
out:
	bprm_free(&bprm);
put:
	if (file)
		fput(file);
	return ret;
}

/* Copy a user path into a new kernel buffer; ERR_PTR on failure. */
static char *exec_getname(const char __user *upath)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, upath, PATH_MAX);
	if (len < 0 || len == PATH_MAX) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : -ENAMETOOLONG);
	}
	return name;
}

static long sys_execve(struct pt_regs *regs)
{
	char *name = exec_getname((const char __user *)SC_ARG0(regs));
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = *name ? do_execve_user(name, NULL,
			(const char __user *const __user *)SC_ARG1(regs),
			(const char __user *const __user *)SC_ARG2(regs)) :
		      -ENOENT;
	kfree(name);
	return ret;
}
SYSCALL_ENTRY(execve, sys_execve);

/*
 * execveat(2): an absolute path, or one relative to AT_FDCWD, works as
 * execve(); AT_EMPTY_PATH with "" runs the open file @dirfd (fexecve);
 * a path relative to another directory descriptor is not supported yet.
 */
static long sys_execveat(struct pt_regs *regs)
{
	int dirfd = (int)SC_ARG0(regs), flags = (int)SC_ARG4(regs);
	struct file *file = NULL;	/* AT_EMPTY_PATH's */
	char *name;
	long ret;

	if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	name = exec_getname((const char __user *)SC_ARG1(regs));
	if (IS_ERR(name))
		return PTR_ERR(name);
	if (!*name) {
		ret = -ENOENT;
		if (!(flags & AT_EMPTY_PATH))
			goto out;
		ret = -EBADF;
		file = fget(dirfd);
		if (!file)
			goto out;
		snprintf(name, PATH_MAX, "/dev/fd/%d", dirfd);
	} else if (name[0] != '/' && dirfd != AT_FDCWD) {
		ret = -EINVAL;
		goto out;
	}
	ret = do_execve_user(name, file,
			     (const char __user *const __user *)SC_ARG2(regs),
			     (const char __user *const __user *)SC_ARG3(regs));
out:
	kfree(name);
	return ret;
}
SYSCALL_ENTRY(execveat, sys_execveat);
