/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading programs: the contract between fs/exec.c (which owns it) and
 * its callers (execve(2), the start of init).
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

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

#endif /* _LINUX_BINFMTS_H */
