// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: "#!" scripts
 *
 * A file whose first two bytes are "#!" names its interpreter on the rest
 * of its first line: "#!" [blanks] path [blanks [argument]]. Only the
 * first BINPRM_BUF_SIZE bytes are looked at; a line longer than that is
 * cut there, unless the cut falls inside the path (then the file is not
 * run: -ENOEXEC). Blanks are spaces and tabs; trailing ones are dropped
 * and whatever lies between the path and the end of the line, inner
 * blanks included, is one argument. exec (fs/exec.c) then runs the
 * interpreter with argv[0] replaced by: the interpreter's path, the
 * argument if there is one, and the script's path as execve() got it.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/string.h>

static bool script_blank(char c)
{
	return c == ' ' || c == '\t';
}

/**
 * script_is_script - does the file start with "#!"?
 *
 * Return: true if @image (of @len bytes) is a script.
 */
bool script_is_script(const void *image, size_t len)
{
	return len >= 2 && !memcmp(image, "#!", 2);
}

/**
 * script_parse - read the interpreter and its argument from a "#!" line
 * @image: the file's bytes, starting with "#!"
 * @len: their number
 * @interp: gets the interpreter's path, NUL-terminated
 * @interp_size: @interp's size (BINPRM_BUF_SIZE is enough)
 * @arg: gets a pointer into @image to the argument, or NULL
 * @arg_len: gets the argument's length
 *
 * Return: 0; -ENOEXEC when the line names no interpreter or the path is
 * cut by the BINPRM_BUF_SIZE limit.
 */
int script_parse(const void *image, size_t len, char *interp,
		 size_t interp_size, const char **arg, size_t *arg_len)
{
	const char *line = image, *p, *end, *name;
	size_t n = min_t(size_t, len, BINPRM_BUF_SIZE), i;
	bool cut;

	if (!script_is_script(image, len))
		return -ENOEXEC;
	for (i = 2; i < n && line[i] != '\n' && line[i] != '\0'; i++)
		;
	cut = i == n && n < len;	/* the line goes on past the limit */
	end = line + i;
	for (p = line + 2; p < end && script_blank(*p); p++)
		;
	name = p;
	while (p < end && !script_blank(*p))
		p++;
	if (p == name)
		return -ENOEXEC;
	if (p == end && cut)
		return -ENOEXEC;
	if (p - name + 1 > interp_size)
		return -ENOEXEC;
	memcpy(interp, name, p - name);
	interp[p - name] = '\0';

	while (p < end && script_blank(*p))
		p++;
	while (end > p && script_blank(end[-1]))
		end--;
	*arg = end > p ? p : NULL;
	*arg_len = end - p;
	return 0;
}

/**
 * script_rewrite_args - replace argv[0] with the interpreter's arguments
 * @bprm: the execve() in progress
 * @interp: the interpreter's path
 * @arg: its optional argument (not NUL-terminated), or NULL
 * @arg_len: the argument's length
 *
 * argv becomes: @interp, @arg if any, @bprm->filename, then the old
 * argv[1] on.
 *
 * Return: 0; -E2BIG when the strings no longer fit; -ENOMEM.
 */
int script_rewrite_args(struct linux_binprm *bprm, const char *interp,
			const char *arg, size_t arg_len)
{
	size_t name_len = strlen(interp) + 1;
	size_t file_len = strlen(bprm->filename) + 1;
	size_t old0 = bprm->argc ? strlen(bprm->strings) + 1 : 0;
	size_t front = name_len + (arg ? arg_len + 1 : 0) + file_len;
	char *s;
	int ret;

	if (front > old0) {
		ret = bprm_reserve(bprm, front - old0, arg ? 2 : 1);
		if (ret)
			return ret;
	}
	s = bprm->strings;
	memmove(s + front, s + old0, bprm->strings_len - old0);
	memcpy(s, interp, name_len);
	s += name_len;
	if (arg) {
		memcpy(s, arg, arg_len);
		s[arg_len] = '\0';
		s += arg_len + 1;
	}
	memcpy(s, bprm->filename, file_len);
	bprm->strings_len += front - old0;
	bprm->argc += (arg ? 3 : 2) - (old0 ? 1 : 0);
	return 0;
}
