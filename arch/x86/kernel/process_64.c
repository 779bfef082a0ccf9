// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 half of making a task: the first stack frame, which
 * __switch_to_asm() pops into a fresh task as if it had switched out.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

void ret_from_kernel_thread(void);

/* The frame __switch_to_asm() pops, lowest address first. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp;
	unsigned long ret_addr;
};

_Static_assert(__builtin_offsetof(struct task_struct, thread.sp) == 0,
	       "switch_to_64.S expects thread.sp at offset 0");

/**
 * arch_thread_setup - make @p start in @entry at its first switch-in
 * @p: a task with a stack and not yet runnable
 * @entry: called after schedule_tail(); must not return
 *
 * The stack pointer is 16-byte aligned at ret_from_kernel_thread, as the
 * ABI expects before a call. A zero %rbp ends backtraces.
 */
void arch_thread_setup(struct task_struct *p, void (*entry)(void))
{
	unsigned long top = (unsigned long)p->stack + THREAD_SIZE - 16;
	struct inactive_task_frame *frame;

	frame = (struct inactive_task_frame *)(top - sizeof(*frame));
	memset(frame, 0, sizeof(*frame));
	frame->rbx = (unsigned long)entry;
	frame->ret_addr = (unsigned long)ret_from_kernel_thread;
	p->thread.sp = (unsigned long)frame;
}

/**
 * show_task_stack - print the backtrace of a task that is switched out
 * @p: a sleeping task (not running on any CPU); the caller keeps it and
 *     its stack from being freed
 *
 * Starts from the frame __switch_to_asm() left on @p's stack. The walk
 * stays inside @p's stack, so a task that wakes meanwhile gives a short
 * or odd trace, not a fault. Boot-time stacks (no @p->stack) are not
 * walked.
 */
void show_task_stack(struct task_struct *p)
{
	struct inactive_task_frame *frame;
	unsigned long lo = (unsigned long)p->stack, hi = lo + THREAD_SIZE;

	if (!p->stack || READ_ONCE(p->on_cpu))
		return;
	frame = (struct inactive_task_frame *)READ_ONCE(p->thread.sp);
	if ((unsigned long)frame < lo ||
	    (unsigned long)(frame + 1) > hi)
		return;
	show_backtrace_range(frame->rbp, lo, hi, frame->ret_addr);
}
