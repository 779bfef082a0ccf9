// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: the x86-64 signal frame
 *
 * To run a handler, the kernel pushes on the user stack (or the
 * alternate signal stack, with SA_ONSTACK) what Linux pushes: 128 bytes
 * below the interrupted rsp are skipped (the red zone), then comes the
 * 512-byte FXSAVE image of the x87/SSE registers, 64-byte aligned, and
 * below it struct rt_sigframe: the return address (sa_restorer, which
 * calls rt_sigreturn), a struct ucontext (flags, link, the alternate
 * stack, struct sigcontext with every general register and a pointer to
 * the FXSAVE image, the signal mask to restore) and the siginfo_t. The
 * handler starts with rdi = the signal, rsi = &info, rdx = &uc, rax = 0,
 * and rsp = the frame, so that rsp + 8 is 16-byte aligned as after a
 * call. rt_sigreturn() puts all of it back.
 *
 * Interrupted system calls: -ERESTARTSYS restarts after a handler with
 * SA_RESTART and fails with -EINTR after one without; -ERESTARTNOHAND
 * fails with -EINTR after any handler; -ERESTARTNOINTR always restarts;
 * without a handler all of them restart (rip goes back over the 2-byte
 * syscall instruction and rax gets the call number again).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/syscall.h>

#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4
#define REDZONE			128

/* struct sigcontext, Linux's x86-64 layout (256 bytes). */
struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;
	u64 reserved1[8];
};

struct ucontext_64 {
	u64 uc_flags;
	u64 uc_link;
	u64 ss_sp;
	int ss_flags;
	int pad;
	u64 ss_size;
	struct sigcontext_64 uc_mcontext;
	u64 uc_sigmask;
};

struct rt_sigframe {
	u64 pretcode;
	struct ucontext_64 uc;
	u8 info[128];
};

/* The flags a handler or sigreturn may change: Linux's FIX_EFLAGS. */
#define USER_EFLAGS_MASK	0x254dd5UL

static bool is_restart_code(long rax)
{
	return rax == -ERESTARTSYS || rax == -ERESTARTNOINTR ||
	       rax == -ERESTARTNOHAND || rax == -ERESTART_RESTARTBLOCK;
}

/**
 * syscall_restart - make @regs run its system call again
 * @regs: a system call's frame whose result is a restart code
 */
static void syscall_restart(struct pt_regs *regs)
{
	regs->rax = regs->error_code;
	regs->rip -= 2;
}

/**
 * syscall_restart_if_due - restart an interrupted call no handler saw
 * @regs: the frame do_syscall_64() returns with
 *
 * Called on the way out of every system call, after signal delivery:
 * an interrupted call whose signal went elsewhere (or was ignored)
 * restarts.
 */
void syscall_restart_if_due(struct pt_regs *regs)
{
	if (regs->vector == SYSCALL_VECTOR && is_restart_code(regs->rax)) {
		syscall_restart(regs);
		regs->vector = USER_FRAME_VECTOR;
	}
}

/* Before a handler runs: what becomes of an interrupted call. */
static void handler_restart_fixup(struct pt_regs *regs, struct ksignal *ks)
{
	if (regs->vector != SYSCALL_VECTOR)
		return;
	switch ((long)regs->rax) {
	case -ERESTARTSYS:
		if (ks->ka.flags & SA_RESTART) {
			syscall_restart(regs);
			break;
		}
		regs->rax = -EINTR;
		break;
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		regs->rax = -EINTR;
		break;
	case -ERESTARTNOINTR:
		syscall_restart(regs);
		break;
	}
	regs->vector = USER_FRAME_VECTOR;
}

static void regs_to_sigcontext(struct sigcontext_64 *sc,
			       const struct pt_regs *regs, u64 mask)
{
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->rdi;
	sc->si = regs->rsi;
	sc->bp = regs->rbp;
	sc->bx = regs->rbx;
	sc->dx = regs->rdx;
	sc->ax = regs->rax;
	sc->cx = regs->rcx;
	sc->sp = regs->rsp;
	sc->ip = regs->rip;
	sc->flags = regs->rflags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->err = regs->vector < 32 ? regs->error_code : 0;
	sc->trapno = regs->vector < 32 ? regs->vector : 0;
	sc->oldmask = mask;
	sc->cr2 = regs->vector == 14 ? read_cr2() : 0;
}

/* Where the frame goes: the alternate stack if asked and not on it. */
static unsigned long frame_top(struct pt_regs *regs, struct ksignal *ks)
{
	struct task_struct *p = current;
	unsigned long sp = regs->rsp;

	if ((ks->ka.flags & SA_ONSTACK) && p->sas_ss_size && !on_sig_stack(sp))
		return p->sas_ss_sp + p->sas_ss_size;
	return sp - REDZONE;
}

static int setup_rt_frame(struct ksignal *ks, struct pt_regs *regs)
{
	struct task_struct *p = current;
	struct rt_sigframe *kf;
	unsigned long sp, fp_addr;
	struct fxregs_state *fx;
	u64 mask = p->restore_sigmask ? p->saved_sigmask : p->blocked;
	int err = 0;

	if (!(ks->ka.flags & SA_RESTORER))
		return -EFAULT;
	kf = kzalloc(sizeof(*kf), GFP_KERNEL);
	fx = fpu_alloc();
	if (!kf || !fx) {
		err = -ENOMEM;
		goto out;
	}
	sp = frame_top(regs, ks);
	fp_addr = (sp - FPU_STATE_SIZE) & ~63UL;
	sp = ((fp_addr - sizeof(*kf)) & ~15UL) - 8;

	fpu_copy_current(fx);
	kf->pretcode = (u64)ks->ka.restorer;
	kf->uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	kf->uc.ss_sp = p->sas_ss_sp;
	kf->uc.ss_size = p->sas_ss_size;
	kf->uc.ss_flags = !p->sas_ss_size ? 2 :
			     on_sig_stack(regs->rsp) ? 1 : 0;
	regs_to_sigcontext(&kf->uc.uc_mcontext, regs, mask);
	kf->uc.uc_mcontext.fpstate = fp_addr;
	kf->uc.uc_sigmask = mask;
	if (copy_to_user((void __user *)fp_addr, fx, FPU_STATE_SIZE) ||
	    copy_to_user((void __user *)sp, kf, sizeof(*kf)) ||
	    copy_siginfo_to_user((void __user *)(sp + offsetof(struct rt_sigframe,
							       info)),
				 &ks->info)) {
		err = -EFAULT;
		goto out;
	}
	regs->rdi = ks->sig;
	regs->rsi = sp + offsetof(struct rt_sigframe, info);
	regs->rdx = sp + offsetof(struct rt_sigframe, uc);
	regs->rax = 0;
	regs->rsp = sp;
	regs->rip = (unsigned long)ks->ka.handler;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_RF |
			  X86_EFLAGS_AC);
out:
	fpu_free(fx);
	kfree(kf);
	return err;
}

/**
 * arch_deliver_signals - deliver one pending signal of current
 * @regs: the user frame
 *
 * Called by exit_to_user_mode() with interrupts on when the task has a
 * signal pending. A signal with a handler gets its frame; a frame that
 * cannot be written kills the process with SIGSEGV.
 */
void arch_deliver_signals(struct pt_regs *regs)
{
	struct ksignal ks;

	if (get_signal(&ks)) {
		handler_restart_fixup(regs, &ks);
		if (setup_rt_frame(&ks, regs)) {
			force_sig_fault(SIGSEGV, SI_KERNEL, 0);
			return;
		}
		signal_delivered(&ks, false);
		return;
	}
	syscall_restart_if_due(regs);
	restore_saved_sigmask();
}

/* Load a user FXSAVE image into the current task's registers. */
static int restore_fpstate(unsigned long addr)
{
	struct fxregs_state *fx = fpu_alloc();
	unsigned long flags;
	int err = 0;

	if (!fx)
		return -ENOMEM;
	if (copy_from_user(fx, (const void __user *)addr, FPU_STATE_SIZE)) {
		err = -EFAULT;
		goto out;
	}
	fx->mxcsr &= MXCSR_USER_MASK;
	local_irq_save(flags);
	memcpy(current->thread.fpu, fx, FPU_STATE_SIZE);
	fpu_restore(current->thread.fpu);
	local_irq_restore(flags);
out:
	fpu_free(fx);
	return err;
}

/* rt_sigreturn(): the frame is at rsp - 8 (the handler's ret popped). */
static long sys_rt_sigreturn(struct pt_regs *regs)
{
	unsigned long addr = regs->rsp - 8;
	struct rt_sigframe *frame = kmalloc(sizeof(*frame), GFP_KERNEL);
	struct sigcontext_64 *sc;

	if (!frame)
		goto bad;
	if (copy_from_user(frame, (const void __user *)addr, sizeof(*frame)))
		goto bad;
	sc = &frame->uc.uc_mcontext;
	if (sc->ip >= TASK_SIZE_MAX)
		goto bad;
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->rdi = sc->di;
	regs->rsi = sc->si;
	regs->rbp = sc->bp;
	regs->rbx = sc->bx;
	regs->rdx = sc->dx;
	regs->rcx = sc->cx;
	regs->rsp = sc->sp;
	regs->rip = sc->ip;
	regs->rflags = (regs->rflags & ~USER_EFLAGS_MASK) |
		       (sc->flags & USER_EFLAGS_MASK);
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->vector = USER_FRAME_VECTOR;
	set_current_blocked(frame->uc.uc_sigmask);
	if (sc->fpstate && restore_fpstate(sc->fpstate))
		goto bad;
	regs->rax = sc->ax;
	kfree(frame);
	return regs->rax;
bad:
	kfree(frame);
	force_sig_fault(SIGSEGV, SI_KERNEL, 0);
	return 0;
}
SYSCALL_ENTRY(rt_sigreturn, sys_rt_sigreturn);
