// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: user address spaces
 *
 * An mm_struct is a PML4 of its own (pgd_alloc(): user half empty, kernel
 * half kept equal to kernel_pml4's), the VMAs (mm/mmap.c) and the page
 * tables and pages faults add below the PML4 (mm/memory.c). A task runs
 * on current->mm; kernel threads have none and run on kernel_pml4, and
 * borrow one with kthread_use_mm(). The scheduler loads CR3 when the next
 * task's mm differs from the one loaded (switch_mm()).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <asm/irqflags.h>

/**
 * mm_alloc - a new, empty user address space
 *
 * No VMAs, an empty user half, one reference (drop it with mmput()).
 *
 * Return: the mm, or NULL when out of memory.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	init_rwsem(&mm->mmap_lock);
	spin_lock_init(&mm->page_table_lock);
	if (pgd_alloc(mm)) {
		kfree(mm);
		return NULL;
	}
	atomic_set(&mm->mm_users, 1);
	INIT_LIST_HEAD(&mm->vma_list);
	mm->mmap_base = TASK_UNMAPPED_TOP;
	return mm;
}

/* Copy @old's program fields (brk, stack, args, exe) into @mm. */
static void dup_mm_fields(struct mm_struct *mm, const struct mm_struct *old)
{
	mm->mmap_base = old->mmap_base;
	mm->exe_file = old->exe_file ? get_file(old->exe_file) : NULL;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
}

/**
 * dup_mm - a copy of @old for fork()
 * @old: the parent's address space
 *
 * The copy has a VMA for each of @old's (with its own file and shared
 * object references), the same program fields, and its page tables
 * filled by copy_page_range() (mm/memory.c) VMA by VMA: private pages
 * shared copy-on-write, shared anonymous pages shared. Takes @old's
 * mmap_lock for writing (faults on it wait); nobody else can see the new
 * mm before it is returned, so its own lock is not taken.
 *
 * Return: the new mm with one reference, or NULL when out of memory
 * (then nothing of it is left).
 */
struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	int ret;

	mm = mm_alloc();
	if (!mm)
		return NULL;
	mmap_write_lock(old);
	dup_mm_fields(mm, old);
	ret = dup_vma_list(mm, old);
	if (!ret) {
		list_for_each_entry(vma, &old->vma_list, vm_list) {
			ret = copy_page_range(mm, old, vma);
			if (ret)
				break;
		}
	}
	mmap_write_unlock(old);
	if (ret) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/**
 * mmget - take a reference to @mm, which the caller holds one of already
 */
void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/**
 * get_task_mm - another task's address space, with a reference
 * @p: the task (the caller holds a reference to it)
 *
 * Reads @p->mm under task_lock(), which exit and exec take to change
 * it: the mm cannot be freed between the read and mmget(). Does not
 * sleep.
 *
 * Return: the mm (mmput() it), or NULL for a kernel thread (also one
 * borrowing an mm with kthread_use_mm()) or a task past exit_mm().
 */
struct mm_struct *get_task_mm(struct task_struct *p)
{
	struct mm_struct *mm;

	task_lock(p);
	mm = p->mm;
	if (mm && (p->flags & PF_KTHREAD))
		mm = NULL;
	if (mm)
		mmget(mm);
	task_unlock(p);
	return mm;
}

/**
 * mmput - drop a reference to @mm; the last one frees it
 *
 * Frees the VMAs (dropping their file references), every user page,
 * the user half's page tables, the PML4, and drops @exe_file. Sleeps; no
 * CPU may have @mm loaded (a task running on it holds a reference).
 * Takes mmap_lock.
 */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	if (WARN_ON_ONCE(!cpumask_empty(&mm->cpu_mask)))
		return;
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	WARN_ON_ONCE(mm->nr_pgtables || mm->nr_pages);
	pgd_free(mm);
	kfree(mm);
}

/**
 * kthread_use_mm - run the calling kernel thread on @next
 *
 * Until kthread_unuse_mm(), user addresses are @next's: uaccess reaches
 * them and user_mode_run() runs in them. Takes a reference. The thread
 * must not be on another mm already.
 */
void kthread_use_mm(struct mm_struct *next)
{
	struct task_struct *p = current;
	unsigned long flags;

	if (WARN_ON_ONCE(p->mm))
		return;
	mmget(next);
	task_lock(p);
	local_irq_save(flags);
	p->mm = next;
	switch_mm(next);
	local_irq_restore(flags);
	task_unlock(p);
}

/**
 * kthread_unuse_mm - back to kernel_pml4 after kthread_use_mm(@prev)
 *
 * Drops the reference kthread_use_mm() took, which may free @prev.
 */
void kthread_unuse_mm(struct mm_struct *prev)
{
	struct task_struct *p = current;
	unsigned long flags;

	if (WARN_ON_ONCE(p->mm != prev))
		return;
	task_lock(p);
	local_irq_save(flags);
	p->mm = NULL;
	switch_mm(NULL);
	local_irq_restore(flags);
	task_unlock(p);
	mmput(prev);
}
