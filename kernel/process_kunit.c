// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for processes, signals and futexes: small programs, assembled
 * into the kernel image's rodata and copied to a user page, run in ring
 * 3 with user_mode_run_mm() and report through their exit status.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/mman.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <asm/syscall.h>
#include <kunit/test.h>

#define ANON_FIXED	(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define CODE_VA		0x400000UL
#define DATA_VA		0x600000UL
#define STACK_VA	0x7fff0000UL	/* top of the main stack */
#define STACK_PAGES	4

/*
 * The programs. Code is copied to CODE_VA, so it refers to itself
 * rip-relative; data lives at DATA_VA. Each ends with exit_group(result).
 */
#define PROG(name) \
	extern const u8 prog_##name[], prog_##name##_end[]

PROG(fork_cow);
PROG(segv_child);
PROG(signal_handler);
PROG(futex_pair);
PROG(busy_loop);
PROG(stop_cont);
PROG(itimer_pause);
PROG(vfork_shared);
PROG(getpid_exit);
PROG(wait_restart);
PROG(sse_state);
PROG(orphan_stopped);
PROG(shared_futex);
PROG(fault_siginfo);
PROG(hostname);
PROG(sigtimedwait_chld);

__asm__(
"	.pushsection .rodata, \"a\"\n"
"	.equ DATA, 0x600000\n"

/* fork; the child writes 222 and exits 22; the parent waits, exits 111. */
"	.globl prog_fork_cow, prog_fork_cow_end\n"
"prog_fork_cow:\n"
"	movabs $DATA, %rbx\n"
"	movq $111, (%rbx)\n"
"	mov $57, %eax\n"			/* fork */
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	movq $222, (%rbx)\n"
"	mov (%rbx), %rdi\n"
"	sub $200, %rdi\n"
"	mov $60, %eax\n"			/* exit(22) */
"	syscall\n"
"1:	mov %rax, %r12\n"
"	mov %rax, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"			/* wait4(pid, &status, 0, 0) */
"	syscall\n"
"	cmp %r12, %rax\n"
"	jne 9f\n"
"	cmpl $0x1600, 8(%rbx)\n"		/* WEXITSTATUS 22 */
"	jne 9f\n"
"	mov (%rbx), %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"9:	mov $-1, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_fork_cow_end:\n"

/* fork; the child reads address 0x10; exit(the child's wait status). */
"	.globl prog_segv_child, prog_segv_child_end\n"
"prog_segv_child:\n"
"	movabs $DATA, %rbx\n"
"	mov $57, %eax\n"
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	movl 0x10, %eax\n"
"	ud2\n"
"1:	mov %rax, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"
"	syscall\n"
"	movslq 8(%rbx), %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_segv_child_end:\n"

/*
 * A SIGUSR1 handler (SA_SIGINFO | SA_RESTORER) records the signal and
 * si_signo and clobbers r12 and r15; kill(getpid(), SIGUSR1); after the
 * handler's rt_sigreturn, r12 and r15 must be back: exit(0x600d).
 */
"	.globl prog_signal_handler, prog_signal_handler_end\n"
"prog_signal_handler:\n"
"	movabs $DATA, %rbx\n"
"	lea 5f(%rip), %rax\n"
"	mov %rax, 0x100(%rbx)\n"
"	movq $0x04000004, 0x108(%rbx)\n"
"	lea 6f(%rip), %rax\n"
"	mov %rax, 0x110(%rbx)\n"
"	movq $0, 0x118(%rbx)\n"
"	mov $10, %edi\n"
"	lea 0x100(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	mov $8, %r10d\n"
"	mov $13, %eax\n"			/* rt_sigaction */
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 9f\n"
"	mov $0x1234, %r12\n"
"	mov $0x5678, %r15\n"
"	mov $39, %eax\n"			/* getpid */
"	syscall\n"
"	mov %rax, %rdi\n"
"	mov $10, %esi\n"
"	mov $62, %eax\n"			/* kill */
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 9f\n"
"	cmp $0x1234, %r12\n"
"	jne 9f\n"
"	cmp $0x5678, %r15\n"
"	jne 9f\n"
"	cmpq $10, 0x200(%rbx)\n"
"	jne 9f\n"
"	cmpq $10, 0x208(%rbx)\n"
"	jne 9f\n"
"	mov $0x600d, %edi\n"
"	mov $231, %eax\n"
"	syscall\n"
"9:	mov $1, %edi\n"
"	mov $231, %eax\n"
"	syscall\n"
"5:	movabs $DATA, %rax\n"
"	mov %rdi, 0x200(%rax)\n"
"	movslq (%rsi), %rcx\n"
"	mov %rcx, 0x208(%rax)\n"
"	xor %r12d, %r12d\n"
"	xor %r15d, %r15d\n"
"	ret\n"
"6:	mov $15, %eax\n"			/* rt_sigreturn */
"	syscall\n"
"	ud2\n"
"prog_signal_handler_end:\n"

/*
 * A thread (the flags pthread_create passes) sleeps in FUTEX_WAIT on
 * DATA+0x40; the main thread sleeps 50 ms, sets the word and wakes it.
 * The thread stores its wait's result and 42, and exits; its
 * CLONE_CHILD_CLEARTID word (DATA+0x48) is cleared and woken, which the
 * main thread waits for. exit(0x600d) if the thread's wait returned 0.
 */
"	.globl prog_futex_pair, prog_futex_pair_end\n"
"prog_futex_pair:\n"
"	movabs $DATA, %rbx\n"
"	mov $0x3d0f00, %edi\n"	/* glibc's pthread_create flags */
"	mov %rsp, %rsi\n"
"	sub $0x2000, %rsi\n"			/* the thread's stack */
"	lea 0x48(%rbx), %rdx\n"		/* parent_tid */
"	lea 0x48(%rbx), %r10\n"		/* child_tid */
"	xor %r8d, %r8d\n"			/* tls */
"	mov $56, %eax\n"			/* clone */
"	syscall\n"
"	test %rax, %rax\n"
"	js 9f\n"
"	jnz 2f\n"
/* the thread */
"	lea 0x40(%rbx), %rdi\n"
"	mov $0x80, %esi\n"			/* FUTEX_WAIT_PRIVATE */
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $202, %eax\n"
"	syscall\n"
"	mov %rax, 0x50(%rbx)\n"
"	movq $42, 0x58(%rbx)\n"
"	xor %edi, %edi\n"
"	mov $60, %eax\n"			/* exit: this thread only */
"	syscall\n"
/* the main thread: nanosleep(50 ms) */
"2:	movq $0, 0x60(%rbx)\n"
"	movq $50000000, 0x68(%rbx)\n"
"	lea 0x60(%rbx), %rdi\n"
"	xor %esi, %esi\n"
"	mov $35, %eax\n"
"	syscall\n"
"	movl $1, 0x40(%rbx)\n"
"	lea 0x40(%rbx), %rdi\n"
"	mov $0x81, %esi\n"			/* FUTEX_WAKE_PRIVATE */
"	mov $1, %edx\n"
"	mov $202, %eax\n"
"	syscall\n"
"	cmp $1, %rax\n"
"	jne 9f\n"
/* wait for the thread's exit: the tid word goes to 0 */
"3:	mov 0x48(%rbx), %edx\n"
"	test %edx, %edx\n"
"	jz 4f\n"
"	lea 0x48(%rbx), %rdi\n"
"	mov $0x80, %esi\n"
"	xor %r10d, %r10d\n"
"	mov $202, %eax\n"
"	syscall\n"
"	jmp 3b\n"
"4:	cmpq $42, 0x58(%rbx)\n"
"	jne 9f\n"
"	cmpq $0, 0x50(%rbx)\n"
"	jne 9f\n"
"	mov $0x600d, %edi\n"
"	mov $231, %eax\n"
"	syscall\n"
"9:	mov $1, %edi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_futex_pair_end:\n"

/* Spin until the word at DATA is not 0, counting; exit(1). */
"	.globl prog_busy_loop, prog_busy_loop_end\n"
"prog_busy_loop:\n"
"	movabs $DATA, %rbx\n"
"1:	incq 8(%rbx)\n"
"	cmpq $0, (%rbx)\n"
"	je 1b\n"
"	mov $1, %edi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_busy_loop_end:\n"

/*
 * fork; the child pauses forever. SIGSTOP it, wait4(WUNTRACED) must
 * report (SIGSTOP << 8) | 0x7f; SIGCONT, SIGKILL, wait4 must report 9.
 * exit(0x600d), or the first status that was wrong.
 */
"	.globl prog_stop_cont, prog_stop_cont_end\n"
"prog_stop_cont:\n"
"	movabs $DATA, %rbx\n"
"	mov $57, %eax\n"
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"2:	mov $34, %eax\n"			/* pause */
"	syscall\n"
"	jmp 2b\n"
"1:	mov %rax, %r12\n"
"	mov %r12, %rdi\n"
"	mov $19, %esi\n"			/* SIGSTOP */
"	mov $62, %eax\n"
"	syscall\n"
"	mov %r12, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	mov $2, %edx\n"			/* WUNTRACED */
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"
"	syscall\n"
"	movslq 8(%rbx), %rdi\n"
"	cmp $0x137f, %rdi\n"
"	jne 9f\n"
"	mov %r12, %rdi\n"
"	mov $18, %esi\n"			/* SIGCONT */
"	mov $62, %eax\n"
"	syscall\n"
"	mov %r12, %rdi\n"
"	mov $9, %esi\n"			/* SIGKILL */
"	mov $62, %eax\n"
"	syscall\n"
"	mov %r12, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"
"	syscall\n"
"	movslq 8(%rbx), %rdi\n"
"	cmp $9, %rdi\n"
"	jne 9f\n"
"	mov $0x600d, %edi\n"
"9:	mov $231, %eax\n"
"	syscall\n"
"prog_stop_cont_end:\n"

/*
 * A SIGPROF handler counts; setitimer(ITIMER_PROF, 20 ms); pause()
 * returns -EINTR once the handler ran: exit(the count * 0x100 + -rax).
 */
"	.globl prog_itimer_pause, prog_itimer_pause_end\n"
"prog_itimer_pause:\n"
"	movabs $DATA, %rbx\n"
"	lea 5f(%rip), %rax\n"
"	mov %rax, 0x100(%rbx)\n"
"	movq $0x04000000, 0x108(%rbx)\n"	/* SA_RESTORER */
"	lea 6f(%rip), %rax\n"
"	mov %rax, 0x110(%rbx)\n"
"	mov $27, %edi\n"			/* SIGPROF */
"	lea 0x100(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	mov $8, %r10d\n"
"	mov $13, %eax\n"
"	syscall\n"
"	movq $0, 0x140(%rbx)\n"		/* it_interval */
"	movq $0, 0x148(%rbx)\n"
"	movq $0, 0x150(%rbx)\n"		/* it_value: 20 ms */
"	movq $20000, 0x158(%rbx)\n"
"	mov $2, %edi\n"			/* ITIMER_PROF */
"	lea 0x140(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	mov $38, %eax\n"			/* setitimer */
"	syscall\n"
"	mov $34, %eax\n"			/* pause */
"	syscall\n"
"	neg %rax\n"
"	mov 0x200(%rbx), %rdi\n"
"	shl $8, %rdi\n"
"	add %rax, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"5:	movabs $DATA, %rax\n"
"	incq 0x200(%rax)\n"
"	ret\n"
"6:	mov $15, %eax\n"
"	syscall\n"
"	ud2\n"
"prog_itimer_pause_end:\n"

/*
 * vfork: the child shares the memory and runs first; it stores 7 and
 * exits; the parent, resumed only then, exits with what it reads.
 */
"	.globl prog_vfork_shared, prog_vfork_shared_end\n"
"prog_vfork_shared:\n"
"	movabs $DATA, %rbx\n"
"	movq $1, (%rbx)\n"
"	mov $58, %eax\n"			/* vfork */
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	mov $100000, %ecx\n"		/* linger: the parent must wait */
"2:	dec %ecx\n"
"	jnz 2b\n"
"	movq $7, (%rbx)\n"
"	xor %edi, %edi\n"
"	mov $60, %eax\n"
"	syscall\n"
"1:	mov (%rbx), %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_vfork_shared_end:\n"

/*
 * A SIGUSR1 handler with the sa_flags found at DATA+0x300 (plus
 * SA_RESTORER); the child sleeps 20 ms, sends SIGUSR1 to the parent,
 * which sits in wait4() by then, sleeps 30 ms and exits. exit(handler runs * 0x100 + 1 if
 * wait4 returned the child, or + -rax if it failed).
 */
"	.globl prog_wait_restart, prog_wait_restart_end\n"
"prog_wait_restart:\n"
"	movabs $DATA, %rbx\n"
"	lea 5f(%rip), %rax\n"
"	mov %rax, 0x100(%rbx)\n"
"	mov 0x300(%rbx), %rax\n"
"	or $0x04000000, %rax\n"
"	mov %rax, 0x108(%rbx)\n"
"	lea 6f(%rip), %rax\n"
"	mov %rax, 0x110(%rbx)\n"
"	movq $0, 0x118(%rbx)\n"
"	mov $10, %edi\n"
"	lea 0x100(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	mov $8, %r10d\n"
"	mov $13, %eax\n"
"	syscall\n"
"	mov $57, %eax\n"
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	movq $0, 0x60(%rbx)\n"		/* 20 ms: the parent is in wait4 */
"	movq $20000000, 0x68(%rbx)\n"
"	lea 0x60(%rbx), %rdi\n"
"	xor %esi, %esi\n"
"	mov $35, %eax\n"
"	syscall\n"
"	mov $110, %eax\n"			/* getppid */
"	syscall\n"
"	mov %rax, %rdi\n"
"	mov $10, %esi\n"
"	mov $62, %eax\n"			/* kill(parent, SIGUSR1) */
"	syscall\n"
"	movq $0, 0x60(%rbx)\n"
"	movq $30000000, 0x68(%rbx)\n"
"	lea 0x60(%rbx), %rdi\n"
"	xor %esi, %esi\n"
"	mov $35, %eax\n"
"	syscall\n"
"	mov $5, %edi\n"
"	mov $60, %eax\n"
"	syscall\n"
"1:	mov %rax, %r12\n"
"	mov %rax, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"
"	syscall\n"
"	mov $1, %edi\n"
"	cmp %r12, %rax\n"
"	je 2f\n"
"	mov %rax, %rdi\n"
"	neg %rdi\n"
"2:	mov 0x200(%rbx), %rax\n"
"	shl $8, %rax\n"
"	add %rax, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"5:	movabs $DATA, %rax\n"
"	incq 0x200(%rax)\n"
"	ret\n"
"6:	mov $15, %eax\n"
"	syscall\n"
"	ud2\n"
"prog_wait_restart_end:\n"

/*
 * SSE state: xmm0 holds a value across a signal handler that clears it
 * and across sched_yield() while a forked child (same CPU or not) puts
 * its own value in xmm0 and exits with it. exit(0x600d) if all is kept.
 */
"	.globl prog_sse_state, prog_sse_state_end\n"
"prog_sse_state:\n"
"	movabs $DATA, %rbx\n"
"	lea 5f(%rip), %rax\n"
"	mov %rax, 0x100(%rbx)\n"
"	movq $0x04000000, 0x108(%rbx)\n"
"	lea 6f(%rip), %rax\n"
"	mov %rax, 0x110(%rbx)\n"
"	movq $0, 0x118(%rbx)\n"
"	mov $10, %edi\n"
"	lea 0x100(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	mov $8, %r10d\n"
"	mov $13, %eax\n"
"	syscall\n"
"	movabs $0x1122334455667788, %rax\n"
"	movq %rax, %xmm0\n"
"	mov $39, %eax\n"
"	syscall\n"
"	mov %rax, %rdi\n"
"	mov $10, %esi\n"
"	mov $62, %eax\n"			/* kill(self, SIGUSR1) */
"	syscall\n"
"	mov $57, %eax\n"			/* fork */
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	mov $77, %eax\n"
"	movq %rax, %xmm0\n"
"	mov $24, %eax\n"			/* sched_yield */
"	syscall\n"
"	movq %xmm0, %rdi\n"
"	mov $60, %eax\n"
"	syscall\n"
"1:	mov %rax, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"
"	syscall\n"
"	mov $24, %eax\n"
"	syscall\n"
"	mov $1, %edi\n"
"	movq %xmm0, %rax\n"
"	movabs $0x1122334455667788, %rcx\n"
"	cmp %rcx, %rax\n"
"	jne 9f\n"
"	mov $2, %edi\n"
"	cmpl $0x4d00, 8(%rbx)\n"		/* the child's exit(77) */
"	jne 9f\n"
"	mov $3, %edi\n"
"	cmpq $1, 0x200(%rbx)\n"
"	jne 9f\n"
"	mov $0x600d, %edi\n"
"9:	mov $231, %eax\n"
"	syscall\n"
"5:	pxor %xmm0, %xmm0\n"
"	movabs $DATA, %rax\n"
"	incq 0x200(%rax)\n"
"	ret\n"
"6:	mov $15, %eax\n"
"	syscall\n"
"	ud2\n"
"prog_sse_state_end:\n"

/*
 * fork; the child makes its own process group and stops itself; once
 * wait4(WUNTRACED) saw the stop, the parent exits with the child's pid,
 * orphaning the child's group: the child must get SIGHUP and die.
 */
"	.globl prog_orphan_stopped, prog_orphan_stopped_end\n"
"prog_orphan_stopped:\n"
"	movabs $DATA, %rbx\n"
"	mov $57, %eax\n"
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	xor %edi, %edi\n"
"	xor %esi, %esi\n"
"	mov $109, %eax\n"			/* setpgid(0, 0) */
"	syscall\n"
"	mov $39, %eax\n"
"	syscall\n"
"	mov %rax, %rdi\n"
"	mov $19, %esi\n"
"	mov $62, %eax\n"			/* kill(self, SIGSTOP) */
"	syscall\n"
"2:	mov $34, %eax\n"
"	syscall\n"
"	jmp 2b\n"
"1:	mov %rax, %r12\n"
"	mov %rax, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	mov $2, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"
"	syscall\n"
"	mov %r12, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_orphan_stopped_end:\n"

/*
 * A shared anonymous page; fork; the child sleeps in FUTEX_WAIT (not
 * private) on a word of it and exits with the wait's result; the parent
 * sleeps 50 ms, sets the word and wakes it. exit(woken * 0x100 + the
 * child's exit code), 0x100 when the two processes met.
 */
"	.globl prog_shared_futex, prog_shared_futex_end\n"
"prog_shared_futex:\n"
"	movabs $DATA, %rbx\n"
"	xor %edi, %edi\n"
"	mov $4096, %esi\n"
"	mov $3, %edx\n"			/* PROT_READ | PROT_WRITE */
"	mov $0x21, %r10d\n"			/* MAP_SHARED | MAP_ANONYMOUS */
"	mov $-1, %r8\n"
"	xor %r9d, %r9d\n"
"	mov $9, %eax\n"			/* mmap */
"	syscall\n"
"	mov %rax, %r13\n"
"	movl $0, (%r13)\n"
"	mov $57, %eax\n"
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	mov %r13, %rdi\n"
"	xor %esi, %esi\n"			/* FUTEX_WAIT, shared */
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $202, %eax\n"
"	syscall\n"
"	mov %rax, %rdi\n"
"	mov $60, %eax\n"
"	syscall\n"
"1:	mov %rax, %r12\n"
"	movq $0, 0x60(%rbx)\n"
"	movq $50000000, 0x68(%rbx)\n"
"	lea 0x60(%rbx), %rdi\n"
"	xor %esi, %esi\n"
"	mov $35, %eax\n"
"	syscall\n"
"	movl $1, (%r13)\n"
"	mov %r13, %rdi\n"
"	mov $1, %esi\n"			/* FUTEX_WAKE, shared */
"	mov $1, %edx\n"
"	mov $202, %eax\n"
"	syscall\n"
"	mov %rax, %r14\n"
"	mov %r12, %rdi\n"
"	lea 8(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"
"	syscall\n"
"	movzbl 9(%rbx), %edi\n"		/* the child's exit code */
"	shl $8, %r14\n"
"	add %r14, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_shared_futex_end:\n"

/*
 * SA_SIGINFO handlers for SIGSEGV, SIGILL and SIGFPE; the fault chosen
 * by DATA+0x300 (0: read of 0x10, 1: ud2, 2: division by zero) happens
 * with its expected si_addr in r15. The handler exits with
 * signo << 12 | si_code << 8 | (si_addr == r15).
 */
"	.globl prog_fault_siginfo, prog_fault_siginfo_end\n"
"prog_fault_siginfo:\n"
"	movabs $DATA, %rbx\n"
"	lea 5f(%rip), %rax\n"
"	mov %rax, 0x100(%rbx)\n"
"	movq $0x04000004, 0x108(%rbx)\n"	/* SA_RESTORER | SA_SIGINFO */
"	movq $0, 0x110(%rbx)\n"
"	movq $0, 0x118(%rbx)\n"
"	mov $11, %r12d\n"
"	call 7f\n"
"	mov $4, %r12d\n"
"	call 7f\n"
"	mov $8, %r12d\n"
"	call 7f\n"
"	mov 0x300(%rbx), %rax\n"
"	cmp $1, %rax\n"
"	je 2f\n"
"	cmp $2, %rax\n"
"	je 3f\n"
"	mov $0x10, %r15d\n"
"	movl 0x10, %eax\n"
"	ud2\n"
"2:	lea 4f(%rip), %r15\n"
"4:	ud2\n"
"3:	lea 6f(%rip), %r15\n"
"	xor %ecx, %ecx\n"
"	xor %edx, %edx\n"
"	mov $1, %eax\n"
"6:	div %ecx\n"
"	ud2\n"
/* rt_sigaction(r12, DATA+0x100, NULL, 8) */
"7:	mov %r12d, %edi\n"
"	lea 0x100(%rbx), %rsi\n"
"	xor %edx, %edx\n"
"	mov $8, %r10d\n"
"	mov $13, %eax\n"
"	syscall\n"
"	ret\n"
/* the handler */
"5:	movslq (%rsi), %rdi\n"		/* si_signo */
"	shl $12, %rdi\n"
"	movslq 8(%rsi), %rax\n"		/* si_code */
"	shl $8, %rax\n"
"	or %rax, %rdi\n"
"	xor %eax, %eax\n"
"	cmp %r15, 16(%rsi)\n"			/* si_addr */
"	sete %al\n"
"	or %rax, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_fault_siginfo_end:\n"

/*
 * sethostname("box"); uname() into DATA+0x400; sethostname("tide")
 * again; exit(the first three bytes of the node name, little-endian).
 */
"	.globl prog_hostname, prog_hostname_end\n"
"prog_hostname:\n"
"	movabs $DATA, %rbx\n"
"	movl $0x786f62, 0x380(%rbx)\n"	/* "box" */
"	lea 0x380(%rbx), %rdi\n"
"	mov $3, %esi\n"
"	mov $170, %eax\n"
"	syscall\n"
"	lea 0x400(%rbx), %rdi\n"
"	mov $63, %eax\n"
"	syscall\n"
"	movl $0x65646974, 0x380(%rbx)\n"	/* "tide" */
"	lea 0x380(%rbx), %rdi\n"
"	mov $4, %esi\n"
"	mov $170, %eax\n"
"	syscall\n"
"	mov 0x441(%rbx), %edi\n"		/* utsname.nodename */
"	and $0xffffff, %edi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_hostname_end:\n"

/*
 * SIGCHLD blocked, a child that exits 200 ms later while the parent
 * sleeps in rt_sigtimedwait({SIGCHLD}, 5 s); exits with what the wait
 * returned (17, or -EAGAIN if the SIGCHLD was lost).
 */
"	.globl prog_sigtimedwait_chld, prog_sigtimedwait_chld_end\n"
"prog_sigtimedwait_chld:\n"
"	movabs $DATA, %rbx\n"
"	movq $0x10000, (%rbx)\n"		/* the SIGCHLD bit */
"	xor %edi, %edi\n"			/* SIG_BLOCK */
"	mov %rbx, %rsi\n"
"	xor %edx, %edx\n"
"	mov $8, %r10d\n"
"	mov $14, %eax\n"			/* rt_sigprocmask */
"	syscall\n"
"	mov $57, %eax\n"			/* fork */
"	syscall\n"
"	test %rax, %rax\n"
"	jnz 1f\n"
"	movq $0, 16(%rbx)\n"
"	movq $200000000, 24(%rbx)\n"
"	lea 16(%rbx), %rdi\n"
"	xor %esi, %esi\n"
"	mov $35, %eax\n"			/* nanosleep(200 ms) */
"	syscall\n"
"	mov $7, %edi\n"
"	mov $60, %eax\n"			/* exit(7) */
"	syscall\n"
"1:	movq $5, 32(%rbx)\n"
"	movq $0, 40(%rbx)\n"
"	mov %rbx, %rdi\n"
"	xor %esi, %esi\n"
"	lea 32(%rbx), %rdx\n"
"	mov $8, %r10d\n"
"	mov $128, %eax\n"			/* rt_sigtimedwait */
"	syscall\n"
"	mov %rax, %r12\n"
"	mov $-1, %rdi\n"
"	xor %esi, %esi\n"
"	xor %edx, %edx\n"
"	xor %r10d, %r10d\n"
"	mov $61, %eax\n"			/* wait4(-1, NULL, 0, NULL) */
"	syscall\n"
"	mov %r12, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_sigtimedwait_chld_end:\n"

/* exit_group(getpid()) */
"	.globl prog_getpid_exit, prog_getpid_exit_end\n"
"prog_getpid_exit:\n"
"	mov $39, %eax\n"
"	syscall\n"
"	mov %rax, %rdi\n"
"	mov $231, %eax\n"
"	syscall\n"
"prog_getpid_exit_end:\n"
"	.popsection\n"
);

static void unuse_mm_action(void *mm)
{
	kthread_unuse_mm(mm);
}

/*
 * A new mm the calling thread runs on until the case ends: @prog at
 * CODE_VA, a data page at DATA_VA, STACK_PAGES of stack below STACK_VA.
 */
static struct mm_struct *prog_mm(struct kunit *test, const u8 *prog,
				 const u8 *end)
{
	struct mm_struct *mm = mm_alloc();

	KUNIT_ASSERT_NOT_NULL(test, mm);
	kthread_use_mm(mm);
	mmput(mm);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unuse_mm_action,
							mm), 0);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, CODE_VA, PAGE_SIZE,
					   PROT_READ | PROT_WRITE | PROT_EXEC,
					   ANON_FIXED), (long)CODE_VA);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, DATA_VA, PAGE_SIZE,
					   PROT_READ | PROT_WRITE, ANON_FIXED),
			(long)DATA_VA);
	KUNIT_ASSERT_EQ(test, vm_mmap_anon(mm, STACK_VA - STACK_PAGES * PAGE_SIZE,
					   STACK_PAGES * PAGE_SIZE,
					   PROT_READ | PROT_WRITE, ANON_FIXED),
			(long)(STACK_VA - STACK_PAGES * PAGE_SIZE));
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)CODE_VA, prog,
					   end - prog), 0UL);
	return mm;
}

static long run(struct mm_struct *mm)
{
	return user_mode_run_mm(mm, CODE_VA, STACK_VA);
}

static u64 data_word(struct kunit *test, unsigned long off)
{
	u64 v = 0;

	KUNIT_EXPECT_EQ(test, copy_from_user(&v, (void __user *)(DATA_VA + off),
					     sizeof(v)), 0UL);
	return v;
}

/*
 * fork: the child's write goes to its own copy (the parent still reads
 * 111), wait4 returns the child with status 22 << 8, and the parent's
 * data page is its own again (count back to one table).
 */
static void process_fork_cow(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_fork_cow, prog_fork_cow_end);

	KUNIT_EXPECT_EQ(test, run(mm), 111L);
	KUNIT_EXPECT_EQ(test, data_word(test, 0), 111ULL);
	KUNIT_EXPECT_EQ(test, data_word(test, 8) & 0xffffffff, 0x1600ULL);
}

/* A child reading address 0x10 dies of SIGSEGV: wait status 11 (139). */
static void process_segv_kills_child(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_segv_child,
				       prog_segv_child_end);

	KUNIT_EXPECT_EQ(test, run(mm), (long)SIGSEGV);
}

/*
 * A handler runs with the signal number and a siginfo, and rt_sigreturn
 * gives the interrupted code its registers back.
 */
static void process_signal_handler_returns(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_signal_handler,
				       prog_signal_handler_end);

	KUNIT_EXPECT_EQ(test, run(mm), 0x600dL);
	KUNIT_EXPECT_EQ(test, data_word(test, 0x200), (u64)SIGUSR1);
}

/* Two threads: FUTEX_WAIT sleeps until FUTEX_WAKE; CLEARTID wakes too. */
static void process_futex_wait_wake(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_futex_pair,
				       prog_futex_pair_end);

	KUNIT_EXPECT_EQ(test, run(mm), 0x600dL);
	KUNIT_EXPECT_EQ(test, data_word(test, 0x58), 42ULL);
	KUNIT_EXPECT_EQ(test, data_word(test, 0x48) & 0xffffffff, 0ULL);
}

struct busy_run {
	struct mm_struct *mm;
	long result;
	bool done;
};

/* On CPU 1: run the busy loop until its flag is set. */
static int busy_runner(void *data)
{
	struct busy_run *br = data;

	br->result = user_mode_run_mm(br->mm, CODE_VA, STACK_VA);
	WRITE_ONCE(br->done, true);
	return 0;
}

/* On CPU 1 too: set the flag the busy loop waits for. */
static int flag_setter(void *data)
{
	struct busy_run *br = data;
	u64 one = 1;

	kthread_use_mm(br->mm);
	if (copy_to_user((void __user *)DATA_VA, &one, sizeof(one)))
		pr_err("process test: cannot set the flag\n");
	kthread_unuse_mm(br->mm);
	return 0;
}

/*
 * A user busy loop and a kernel thread bound to the same CPU: the tick
 * preempts the loop, so the thread runs and ends it. Without preemption
 * of ring 3 the thread would never run there.
 */
static void process_user_loop_preempted(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_busy_loop, prog_busy_loop_end);
	struct busy_run br = { .mm = mm };
	struct task_struct *runner, *setter;
	u64 one = 1;
	int ms;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU");
	runner = kthread_create(busy_runner, &br, "busy_runner");
	KUNIT_ASSERT_FALSE(test, IS_ERR(runner));
	kthread_bind(runner, 1);
	wake_up_process(runner);
	/* Let the loop start and count a while. */
	for (ms = 0; ms < 2000 && data_word(test, 8) < 1000; ms++)
		msleep(1);
	KUNIT_EXPECT_GE(test, data_word(test, 8), 1000ULL);

	setter = kthread_create(flag_setter, &br, "flag_setter");
	KUNIT_ASSERT_FALSE(test, IS_ERR(setter));
	kthread_bind(setter, 1);
	wake_up_process(setter);
	for (ms = 0; ms < 2000 && !READ_ONCE(br.done); ms++)
		msleep(1);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(br.done));
	if (!READ_ONCE(br.done)) {
		/* End the loop from here so that the case can finish. */
		KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)DATA_VA, &one,
						   sizeof(one)), 0UL);
	}
	kthread_stop(setter);
	kthread_stop(runner);
	KUNIT_EXPECT_EQ(test, br.result, 1L);
}


/* SIGSTOP and SIGCONT: wait4(WUNTRACED) sees the stop; SIGKILL ends it. */
static void process_stop_continue_kill(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_stop_cont, prog_stop_cont_end);

	KUNIT_EXPECT_EQ(test, run(mm), 0x600dL);
}

/* ITIMER_PROF sends SIGPROF once; pause() returns -EINTR after it. */
static void process_itimer_interrupts_pause(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_itimer_pause,
				       prog_itimer_pause_end);

	KUNIT_EXPECT_EQ(test, run(mm), 0x100L + EINTR);
}

/* vfork: the parent sleeps until the child exits; memory is shared. */
static void process_vfork_waits_for_child(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_vfork_shared,
				       prog_vfork_shared_end);

	KUNIT_EXPECT_EQ(test, run(mm), 7L);
}

/* Runs prog_wait_restart with @sa_flags for its SIGUSR1 handler. */
static long run_wait_restart(struct kunit *test, u64 sa_flags)
{
	struct mm_struct *mm = prog_mm(test, prog_wait_restart,
				       prog_wait_restart_end);

	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(DATA_VA + 0x300),
					   &sa_flags, sizeof(sa_flags)), 0UL);
	return run(mm);
}

/*
 * wait4() interrupted by a handled signal: restarted with SA_RESTART
 * (and reaps the child), -EINTR without.
 */
static void process_restart_after_handler(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_wait_restart(test, SA_RESTART), 0x101L);
}

static void process_eintr_without_sa_restart(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_wait_restart(test, 0), 0x100L + EINTR);
}

/*
 * SSE registers are a task's own: a handler's changes are undone by
 * rt_sigreturn, a child's stay in the child.
 */
static void process_sse_state_kept(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_sse_state,
				       prog_sse_state_end);

	KUNIT_EXPECT_EQ(test, run(mm), 0x600dL);
}

/*
 * A stopped process whose group the parent's exit orphans gets SIGHUP
 * (and SIGCONT) and, with SIGHUP's default action, goes away.
 */
static void process_orphaned_stopped_group_hup(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_orphan_stopped,
				       prog_orphan_stopped_end);
	struct task_struct *child;
	long pid = run(mm);
	int ms;

	KUNIT_ASSERT_GT(test, pid, 0L);
	for (ms = 0; ms < 2000; ms++) {
		child = find_get_task(pid);
		if (!child)
			break;
		put_task_struct(child);
		msleep(1);
	}
	KUNIT_EXPECT_NULL(test, child);
	if (child)
		kill_pid(pid, SIGKILL);
}

/* A shared futex in MAP_SHARED memory joins two processes after fork. */
static void process_shared_futex_across_fork(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_shared_futex,
				       prog_shared_futex_end);

	KUNIT_EXPECT_EQ(test, run(mm), 0x100L);
}

/* Runs prog_fault_siginfo with fault @which. */
static long run_fault(struct kunit *test, u64 which)
{
	struct mm_struct *mm = prog_mm(test, prog_fault_siginfo,
				       prog_fault_siginfo_end);

	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(DATA_VA + 0x300),
					   &which, sizeof(which)), 0UL);
	return run(mm);
}

/* A read of an unmapped address: SIGSEGV, SEGV_MAPERR, si_addr 0x10. */
static void process_segv_siginfo(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_fault(test, 0),
			(long)(SIGSEGV << 12 | SEGV_MAPERR << 8 | 1));
}

/* ud2: SIGILL, ILL_ILLOPN, si_addr the instruction. */
static void process_sigill_siginfo(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_fault(test, 1),
			(long)(SIGILL << 12 | ILL_ILLOPN << 8 | 1));
}

/* A division by zero: SIGFPE, FPE_INTDIV, si_addr the instruction. */
static void process_sigfpe_siginfo(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_fault(test, 2),
			(long)(SIGFPE << 12 | FPE_INTDIV << 8 | 1));
}

/*
 * sethostname() changes what uname() reports as the node name, and the
 * names of kernel/utsname.c (procfs's) are the same ones.
 */
static void process_sethostname_uname(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_hostname, prog_hostname_end);
	char sysname[6] = { 0 };
	struct new_utsname names;

	KUNIT_ASSERT_EQ(test, uts_set_hostname("before", 6), 0);
	KUNIT_EXPECT_EQ(test, run(mm), 0x786f62L);
	uts_get(&names);
	KUNIT_EXPECT_STREQ(test, names.nodename, "tide");
	KUNIT_EXPECT_EQ(test, copy_from_user(sysname,
					     (void __user *)(DATA_VA + 0x400),
					     5), 0UL);
	KUNIT_EXPECT_STREQ(test, sysname, "Linux");
}

/*
 * A SIGCHLD that the process blocks, arriving while rt_sigtimedwait()
 * waits for it (busybox init's main loop), is taken by the wait, not
 * thrown away as an ignored signal.
 */
static void process_sigtimedwait_takes_sigchld(struct kunit *test)
{
	struct mm_struct *mm = prog_mm(test, prog_sigtimedwait_chld,
				       prog_sigtimedwait_chld_end);

	KUNIT_EXPECT_EQ(test, run(mm), (long)SIGCHLD);
}

struct spawn_seen {
	struct task_struct *task;
	int pid;
	bool enter_user;
};

/* The function a spawned process runs: a program, then user mode. */
static int spawn_fn(void *data)
{
	struct spawn_seen *seen = data;
	struct task_struct *p = current;
	struct mm_struct *mm;

	get_task_struct(p);
	seen->task = p;
	if (!seen->enter_user)
		return 3;
	mm = mm_alloc();
	if (!mm)
		return 4;
	kthread_use_mm(mm);
	mmput(mm);
	if (vm_mmap_anon(mm, CODE_VA, PAGE_SIZE, PROT_READ | PROT_WRITE |
			 PROT_EXEC, ANON_FIXED) != (long)CODE_VA ||
	    copy_to_user((void __user *)CODE_VA, prog_getpid_exit,
			 prog_getpid_exit_end - prog_getpid_exit))
		return 5;
	start_thread(task_pt_regs(p), CODE_VA, 0);
	return 0;
}

/* Wait until the spawned task has exited (its stack reaped). */
static void wait_spawned(struct kunit *test, struct spawn_seen *seen)
{
	int ms;

	for (ms = 0; ms < 2000; ms++) {
		if (seen->task && task_state(seen->task) == TASK_DEAD)
			break;
		msleep(1);
	}
	KUNIT_ASSERT_NOT_NULL(test, seen->task);
	KUNIT_EXPECT_EQ(test, task_state(seen->task), (long)TASK_DEAD);
}

/*
 * user_process_spawn(): a process of its own with the pid returned
 * (getpid() agrees in user mode); when the function returns 0 the task
 * goes to user mode with the registers start_thread() set; non-zero ends
 * it with that exit status, without user mode.
 */
static void process_spawn_enters_user_mode(struct kunit *test)
{
	struct spawn_seen seen = { .enter_user = true };
	int pid = user_process_spawn(spawn_fn, &seen, "spawn_test");

	KUNIT_ASSERT_GT(test, pid, 0);
	wait_spawned(test, &seen);
	KUNIT_EXPECT_EQ(test, seen.task->pid, pid);
	KUNIT_EXPECT_EQ(test, seen.task->tgid, pid);
	KUNIT_EXPECT_EQ(test, seen.task->exit_arg, (long)pid);
	KUNIT_EXPECT_EQ(test, seen.task->exit_code, (pid & 0xff) << 8);
	put_task_struct(seen.task);

	seen = (struct spawn_seen){ .enter_user = false };
	pid = user_process_spawn(spawn_fn, &seen, "spawn_test");
	KUNIT_ASSERT_GT(test, pid, 1);	/* id 1 is given once, to init */
	wait_spawned(test, &seen);
	KUNIT_EXPECT_EQ(test, seen.task->exit_code, 3 << 8);
	put_task_struct(seen.task);
}

static int idle_fn(void *unused)
{
	return 0;
}

/* Kernel threads share the id space but never get init's id 1. */
static void process_kthread_ids_skip_init(struct kunit *test)
{
	struct task_struct *a = kthread_create(idle_fn, NULL, "ids_a");
	struct task_struct *b = kthread_create(idle_fn, NULL, "ids_b");

	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));
	KUNIT_EXPECT_GT(test, a->pid, 1);
	KUNIT_EXPECT_GT(test, b->pid, a->pid);
	kthread_stop(a);
	kthread_stop(b);
}

static struct kunit_case process_cases[] = {
	KUNIT_CASE(process_fork_cow),
	KUNIT_CASE(process_segv_kills_child),
	KUNIT_CASE(process_signal_handler_returns),
	KUNIT_CASE(process_futex_wait_wake),
	KUNIT_CASE(process_user_loop_preempted),
	KUNIT_CASE(process_stop_continue_kill),
	KUNIT_CASE(process_itimer_interrupts_pause),
	KUNIT_CASE(process_vfork_waits_for_child),
	KUNIT_CASE(process_spawn_enters_user_mode),
	KUNIT_CASE(process_kthread_ids_skip_init),
	KUNIT_CASE(process_sse_state_kept),
	KUNIT_CASE(process_orphaned_stopped_group_hup),
	KUNIT_CASE(process_shared_futex_across_fork),
	KUNIT_CASE(process_segv_siginfo),
	KUNIT_CASE(process_sigill_siginfo),
	KUNIT_CASE(process_sigfpe_siginfo),
	KUNIT_CASE(process_sethostname_uname),
	KUNIT_CASE(process_sigtimedwait_takes_sigchld),
	KUNIT_CASE(process_restart_after_handler),
	KUNIT_CASE(process_eintr_without_sa_restart),
	{}
};

static struct kunit_suite process_suite = {
	.name = "process",
	.test_cases = process_cases,
};
kunit_test_suite(process_suite);
