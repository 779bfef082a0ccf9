// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY weak stand-ins, to be removed by the lead at the merge: the
 * VFS calls fork and exit use (fs/file.c, fs/fs_struct.c, fs.h), until
 * the vfs branch is merged. The real definitions, being strong, replace
 * these at link time. A process with no files_struct or fs_struct
 * (NULL) simply has none.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

struct files_struct * __weak dup_fd(struct files_struct *old, int *errorp)
{
	*errorp = 0;
	return NULL;
}

struct files_struct * __weak files_alloc(void)
{
	return NULL;
}

void __weak get_files_struct(struct files_struct *files)
{
}

void __weak put_files_struct(struct files_struct *files)
{
}

struct fs_struct * __weak copy_fs_struct(struct fs_struct *old)
{
	return NULL;
}

struct fs_struct * __weak fs_alloc_root(void)
{
	return NULL;
}

void __weak get_fs_struct(struct fs_struct *fs)
{
}

void __weak put_fs_struct(struct fs_struct *fs)
{
}
