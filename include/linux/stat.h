/* SPDX-License-Identifier: GPL-2.0 */
/* File type bits of a mode, with the values Linux and cpio archives use. */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000

/* Whether mode @m is of file type @type (one of the S_IF* above). */
#define S_TYPE_IS(m, type)	(((m) & S_IFMT) == (type))
#define S_ISREG(m)	S_TYPE_IS(m, S_IFREG)
#define S_ISDIR(m)	S_TYPE_IS(m, S_IFDIR)
#define S_ISLNK(m)	S_TYPE_IS(m, S_IFLNK)
#define S_ISCHR(m)	S_TYPE_IS(m, S_IFCHR)
#define S_ISBLK(m)	S_TYPE_IS(m, S_IFBLK)
#define S_ISFIFO(m)	S_TYPE_IS(m, S_IFIFO)
#define S_ISSOCK(m)	S_TYPE_IS(m, S_IFSOCK)

#endif /* _LINUX_STAT_H */
