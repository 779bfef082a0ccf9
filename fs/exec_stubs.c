// SPDX-License-Identifier: GPL-2.0
/*
 * Interim: weak stand-ins for calls exec and mm make into the VFS
 * (fs.h) and process (sched/task.h, mm/memory.c) contracts, so that the
 * exec branch links and its KUnit suites run before those branches are
 * merged. Each real definition overrides its stand-in at link time; this
 * file goes once the vfs and proc branches are in.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm_struct.h>
#include <linux/sched/task.h>
#include <asm/ptrace.h>

struct file * __weak get_file(struct file *f)
{
	atomic_long_add_return(1, &f->f_count);
	return f;
}

void __weak fput(struct file *file)
{
	if (!atomic_long_sub_return(1, &file->f_count) && file->f_op &&
	    file->f_op->release)
		file->f_op->release(file->f_inode, file);
}

struct file * __weak fget(unsigned int fd)
{
	return NULL;
}

ssize_t __weak kernel_read(struct file *file, void *buf, size_t count,
			   loff_t *pos)
{
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	return file->f_op->read(file, (char __user *)buf, count, pos);
}

struct file * __weak filp_open(const char *name, int flags, umode_t mode)
{
	return ERR_PTR(-ENOENT);
}

void __weak do_close_on_exec(struct files_struct *files)
{
}

int __weak copy_page_range(struct mm_struct *dst, struct mm_struct *src,
			   struct vm_area_struct *vma)
{
	return 0;
}

struct pt_regs * __weak task_pt_regs(struct task_struct *p)
{
	return NULL;
}

void __weak start_thread(struct pt_regs *regs, unsigned long ip,
			 unsigned long sp)
{
	regs->rip = ip;
	regs->rsp = sp;
}
