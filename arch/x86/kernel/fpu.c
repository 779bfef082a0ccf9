// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: x87 and SSE state of user tasks
 *
 * fpu_init_cpu() turns the FPU and SSE on at each CPU's bring-up: CR0.MP
 * set, EM and TS clear (no lazy #NM trapping), CR4.OSFXSR and
 * CR4.OSXMMEXCPT set (SSE instructions and #XM for unmasked SIMD
 * exceptions). Every task that runs user code owns a 512-byte FXSAVE
 * area, task->thread.fpu. The switch saves the outgoing user task's
 * registers there and loads the incoming one's (arch_switch_to()), so
 * while a user task runs, in ring 3 or in the kernel on its behalf, the
 * CPU's registers are its state. Kernel threads do not touch them: Tide
 * is built with -mno-sse and has no floating point. XSAVE (AVX state) is
 * not used, so user code must not rely on the upper halves of YMM
 * registers surviving a switch; CPUID still advertises them, as the CPU
 * reports it, but CR4.OSXSAVE stays clear, which tells glibc not to use
 * AVX.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

#define X86_CR0_MP		(1UL << 1)
#define X86_CR0_EM		(1UL << 2)
#define X86_CR0_TS		(1UL << 3)
#define X86_CR0_NE		(1UL << 5)
#define X86_CR4_OSFXSR		(1UL << 9)
#define X86_CR4_OSXMMEXCPT	(1UL << 10)

/**
 * fpu_init_cpu - enable x87 and SSE on this CPU and reset their state
 *
 * Called once per CPU with interrupts off (from syscall_init()).
 */
void fpu_init_cpu(void)
{
	unsigned long cr0 = read_cr0();
	u32 mxcsr = MXCSR_DEFAULT;

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	__asm__ __volatile__("fninit; ldmxcsr %0" : : "m"(mxcsr));
}

/**
 * fpu_init_state - the registers a new program starts with
 * @fpu: the area to fill: x87 control word 0x37f, MXCSR 0x1f80, all
 *	data registers zero (as after FNINIT)
 */
void fpu_init_state(struct fxregs_state *fpu)
{
	memset(fpu, 0, sizeof(*fpu));
	fpu->cwd = FCW_DEFAULT;
	fpu->mxcsr = MXCSR_DEFAULT;
	fpu->mxcsr_mask = MXCSR_USER_MASK;
}

/**
 * fpu_alloc - a 16-byte aligned FXSAVE area in the initial state
 *
 * From the kernel heap (movable memory). Free with fpu_free().
 *
 * Return: the area, or NULL without memory.
 */
struct fxregs_state *fpu_alloc(void)
{
	struct fxregs_state *fpu = kmalloc(sizeof(*fpu), GFP_KERNEL);

	if (!fpu)
		return NULL;
	if (WARN_ON_ONCE((unsigned long)fpu & 15)) {
		kfree(fpu);
		return NULL;
	}
	fpu_init_state(fpu);
	return fpu;
}

/**
 * fpu_free - give back an area from fpu_alloc() (NULL is fine)
 * @fpu: the area
 */
void fpu_free(struct fxregs_state *fpu)
{
	kfree(fpu);
}

/**
 * fpu_save - store this CPU's x87/SSE registers in @fpu (FXSAVE64)
 * @fpu: a 16-byte aligned area
 */
void fpu_save(struct fxregs_state *fpu)
{
	__asm__ __volatile__("fxsaveq %0" : "=m"(*fpu));
}

/**
 * fpu_restore - load this CPU's x87/SSE registers from @fpu (FXRSTOR64)
 * @fpu: a 16-byte aligned area whose MXCSR has no reserved bit set
 */
void fpu_restore(const struct fxregs_state *fpu)
{
	__asm__ __volatile__("fxrstorq %0" : : "m"(*fpu));
}

/**
 * fpu_copy_current - the current task's live registers into @dst
 * @dst: an FXSAVE area (a forked child's, or a buffer for a signal frame)
 *
 * Return: 0, or -EINVAL if the current task has no user FPU state.
 */
int fpu_copy_current(struct fxregs_state *dst)
{
	if (!current->thread.fpu)
		return -EINVAL;
	fpu_save(dst);
	return 0;
}

/**
 * fpu_reset_current - start the current task's registers afresh (execve)
 *
 * Interrupts are off around the load, so that no switch saves a half-made
 * state over the task's area.
 */
void fpu_reset_current(void)
{
	struct fxregs_state *fpu = current->thread.fpu;
	unsigned long flags;

	if (!fpu)
		return;
	local_irq_save(flags);
	fpu_init_state(fpu);
	fpu_restore(fpu);
	local_irq_restore(flags);
}
