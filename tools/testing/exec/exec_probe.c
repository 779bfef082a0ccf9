// SPDX-License-Identifier: GPL-2.0
/*
 * exec_probe: a glibc program that checks what execve() handed it. The
 * exec_glibc KUnit suite embeds it (built with -static and -static-pie)
 * and runs it with argv "PATH one two" and envp "HOME=/ TERM=vt100". It
 * exits 42 when everything is as Linux would give it, else the number
 * of the first check that failed.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

static const char *aux_str(unsigned long type)
{
	const char *s = (const char *)getauxval(type);

	return s ? s : "";
}

int main(int argc, char **argv, char **envp)
{
	char *small, *big;
	int i;

	if (argc != 3 || strcmp(argv[1], "one") || strcmp(argv[2], "two") ||
	    argv[3])
		return 1;
	if (!envp[0] || strcmp(envp[0], "HOME=/") || !envp[1] ||
	    strcmp(envp[1], "TERM=vt100") || envp[2])
		return 2;
	if (getauxval(AT_PAGESZ) != 4096 || getauxval(AT_CLKTCK) != 100)
		return 3;
	if (strcmp(aux_str(AT_EXECFN), argv[0]) ||
	    strcmp(aux_str(AT_PLATFORM), "x86_64"))
		return 4;
	if (!getauxval(AT_RANDOM) || getauxval(AT_SECURE) ||
	    getauxval(AT_UID) || getauxval(AT_EGID))
		return 5;
	if (getauxval(AT_PHENT) != 56 || !getauxval(AT_PHDR) ||
	    !getauxval(AT_ENTRY))
		return 6;
	/* A small block comes from brk, a big one from mmap. */
	small = malloc(100);
	big = malloc(4 << 20);
	if (!small || !big)
		return 7;
	for (i = 0; i < (4 << 20); i += 4096)
		big[i] = (char)i;
	for (i = 0; i < (4 << 20); i += 4096)
		if (big[i] != (char)i)
			return 8;
	free(big);
	strcpy(small, "heap");
	return strcmp(small, "heap") ? 9 : 42;
}
