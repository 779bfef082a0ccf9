/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks and the scheduler: struct task_struct, `current`, task states,
 * schedule()/wake_up_process() and sleeping with a timeout. The design is
 * in Documentation/scheduler/design.rst.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/cpumask.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <linux/time.h>
#include <linux/jiffies.h>
#include <linux/smp.h>

/*
 * Task states. A task that is RUNNING is on a run queue (or running); the
 * others sleep until wake_up_state() with a matching mask. Tide has no
 * signals, so INTERRUPTIBLE and UNINTERRUPTIBLE sleep alike; both exist so
 * that code reads as it does in Linux.
 */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_STOPPED		0x0004	/* job-control stop (SIGSTOP and co) */
#define TASK_DEAD		0x0080	/* exited; its stack is freed soon */
#define TASK_NOLOAD		0x0400	/* with UNINTERRUPTIBLE: idle, not hung */
#define TASK_NEW		0x0800	/* created, never woken */
#define TASK_NORMAL		(TASK_UNINTERRUPTIBLE | TASK_INTERRUPTIBLE)
/* Waiting for work that may never come: the hung-task check skips it. */
#define TASK_IDLE		(TASK_NOLOAD | TASK_UNINTERRUPTIBLE)

/* task_struct.flags */
#define PF_IDLE		0x0002	/* a CPU's idle task */
#define PF_KTHREAD	0x0004	/* made by kthread_create() */
#define PF_BOOT		0x0008	/* the boot context (start_kernel) */

#define TASK_COMM_LEN	16

/* task_struct.exit_state */
#define EXIT_ZOMBIE	0x0010	/* exited, waiting for wait4() */
#define EXIT_DEAD	0x0020	/* reaped, or nobody will reap it */

/*
 * Registers a sleeping task needs back: the rest is on its stack. The
 * user-mode state beyond struct pt_regs (arch/x86/kernel/process_64.c):
 * the FS and GS bases user mode set with arch_prctl(), and the x87/SSE
 * registers (FXSAVE image, arch/x86/kernel/fpu.c), NULL for a task that
 * never runs user code.
 */
struct thread_struct {
	unsigned long sp;	/* saved by __switch_to_asm; must stay first */
	unsigned long fsbase;
	unsigned long gsbase;
	struct fxregs_state *fpu;
};

struct kthread;
struct fxregs_state;
struct completion;
struct mm_struct;
struct files_struct;
struct fs_struct;
struct signal_struct;
struct sighand_struct;
struct mempolicy;

/**
 * struct task_struct - a schedulable context: a kernel stack and its state
 *
 * Lock rules: @__state changes to RUNNING only under @pi_lock (wake-up);
 * @on_rq, @run_list and @cpu change under the run queue lock of @cpu, and
 * @cpu only while @pi_lock is held too. Lock order: pi_lock, then rq lock.
 */
struct task_struct {
	struct thread_struct thread;
	long __state;		/* read with task_state() */
	unsigned int flags;
	int preempt_count;
	bool need_resched;	/* switch at the next preemption point */
	bool irqs_late;		/* born before interrupts worked: see core.c */

	int on_rq;		/* runnable: queued or running */
	int on_cpu;		/* its registers are live on a CPU */
	int cpu;		/* the run queue it is (or was last) on */
	int bound_cpu;		/* -1, or the only CPU it may run on */
	struct list_head run_list;
	u64 slice_start_ns;	/* when it last got the CPU */
	u64 switches;		/* times it was switched in */

	spinlock_t pi_lock;	/* serialises wake-ups of this task */
	atomic_t usage;		/* references; freed at 0 (put_task_struct) */

	/* A timed sleep: on the timer list while @timer_armed. */
	struct list_head timer_node;
	u64 timer_deadline_ns;
	bool timer_armed;

	void *stack;		/* lowest address; NULL for boot-time stacks */
	struct kthread *kthread;
	/*
	 * @alloc_lock (task_lock()) guards the pointers @mm, @files and @fs
	 * of this task against another task reading them: whoever changes
	 * one (exit, exec, close_range's unshare, kthread_use_mm) stores
	 * it under the lock, and a reader from outside (procfs:
	 * get_task_mm(), fget_task(), get_task_fs_path()) takes its
	 * reference under it. The task itself reads its own without it.
	 * Never taken from an interrupt; nothing sleeps under it. Lock
	 * order: alloc_lock, then files_struct/fs_struct's lock, then a
	 * switch_mm() with interrupts off.
	 */
	spinlock_t alloc_lock;
	/* The user address space it runs on; NULL: kernel_pml4 alone. */
	struct mm_struct *mm;
	struct list_head tasks;	/* every task, under tasklist_lock */
	int pid;
	char comm[TASK_COMM_LEN];

	/*
	 * A user process or thread (NULL/0 for kernel threads): kernel/fork.c
	 * and kernel/exit.c own these, with the rules written there. @tgid is
	 * the thread group's id (getpid()), @pid the thread's (gettid()).
	 */
	int tgid;
	struct task_struct *real_parent;	/* under tasklist_lock */
	struct task_struct *group_leader;
	struct files_struct *files;	/* open descriptors (fs/file.c) */
	struct fs_struct *fs;		/* root and cwd (fs/fs_struct.c) */
	struct signal_struct *signal;	/* the thread group's shared state */
	struct sighand_struct *sighand;	/* signal actions */

	/*
	 * Process life (kernel/fork.c, kernel/exit.c). @sibling links a
	 * group leader into its parent's signal->children and @thread_node
	 * every thread into signal->threads, both under tasklist_lock.
	 * @exit_state and @exit_code are written once by the exiting task
	 * under tasklist_lock and read by wait4() under it.
	 */
	struct list_head sibling;
	struct list_head thread_node;
	struct list_head pid_node;	/* kernel/pid.c's table */
	int exit_signal;		/* sent to the parent at exit */
	int __user *set_child_tid;	/* the new tid goes here first */
	int exit_state;			/* 0, EXIT_ZOMBIE or EXIT_DEAD */
	int exit_code;			/* the wait status */
	long exit_arg;			/* what exit(2) was given, whole */
	struct completion *exit_done;	/* completed at exit, if set */
	struct completion *vfork_done;	/* a vfork parent waits on it */
	int __user *clear_child_tid;	/* zeroed and woken at exit */
	void __user *robust_list;	/* stored for get_robust_list() */
	size_t robust_list_len;
	int (*spawn_fn)(void *arg);	/* user_process_spawn()'s function */
	void *spawn_arg;

	/*
	 * CPU time (kernel/sched/cputime.c): the ticks it was running at,
	 * in user mode and in the kernel, in ns. Written only by the tick
	 * of the CPU it runs on; read by anyone with READ_ONCE().
	 */
	u64 utime;
	u64 stime;

	/*
	 * NUMA policy (mm/mempolicy.c): set_mempolicy()'s policy (a
	 * reference, NULL for the default) and the last node its
	 * interleaving used. Only the task itself reads them or changes
	 * them (fork copies them before the child runs); it changes
	 * @mempolicy under @alloc_lock so that a reader from outside could
	 * take a reference under it.
	 */
	struct mempolicy *mempolicy;
	unsigned int il_prev;
	/*
	 * sched_setaffinity()'s CPUs (kernel/sched/affinity.c), under
	 * @pi_lock; @bound_cpu follows it when it names one CPU.
	 */
	struct cpumask cpus_mask;

	/*
	 * Signals (kernel/signal.c), under sighand->siglock: the signals
	 * sent to this thread alone, the mask, the mask to restore after
	 * a handler or sigsuspend(), the mask in force before
	 * rt_sigtimedwait() unblocked what it waits for (0 otherwise),
	 * and the alternate signal stack.
	 */
	struct sigpending *pending;
	u64 blocked;
	u64 saved_sigmask;
	u64 real_blocked;
	bool restore_sigmask;
	bool sigpending;		/* recalc_sigpending()'s verdict */
	unsigned long sas_ss_sp;
	size_t sas_ss_size;
	unsigned int sas_ss_flags;

#ifdef CONFIG_PROVE_LOCKING
	/* The locks this task holds, oldest first; only it changes them. */
	int lockdep_depth;
	int lockdep_recursion;	/* inside the validator: skip it */
	struct held_lock held_locks[LOCKDEP_MAX_HELD];
#endif
#ifdef CONFIG_DETECT_HUNG_TASK
	/* The hung-task detector's view: @switches when it last changed. */
	u64 hung_last_switches;
	u64 hung_last_seen_ns;
	bool hung_reported;
#endif
};

/*
 * `current`: the task running on this CPU (its run queue's curr). Valid
 * from the first instruction on CPU 0 and, once sched_init() ran, on
 * every CPU as it comes up.
 */
struct task_struct *sched_get_current(void);
#define current sched_get_current()

/* The full barrier orders the store before the caller's condition check. */
#define set_current_state(st)	smp_store_mb(current->__state, (st))
#define __set_current_state(st) \
	WRITE_ONCE(current->__state, (st))

static inline long task_state(struct task_struct *p)
{
	return READ_ONCE(p->__state);
}

/*
 * Timeouts are in nanoseconds; sched_jiffies_to_ns() converts Linux-style
 * jiffies (HZ per second) for the APIs whose Linux form takes jiffies.
 */
#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))
static inline u64 sched_jiffies_to_ns(long j)
{
	return (u64)j * (NSEC_PER_SEC / HZ);
}

/* The time slice a task runs for before the tick rotates it out. */
#define SCHED_SLICE_NS		(10 * NSEC_PER_MSEC)

void schedule(void);
void cond_resched(void);
void yield(void);
bool need_resched(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void scheduler_tick(void);
void irq_exit_resched(void);
void scheduler_ipi(void);
void cpu_idle_loop(void) __noreturn;

/*
 * schedule_timeout_ns - sleep in the state set before the call until woken
 * or @timeout_ns passed. Return: the nanoseconds left (0 if it timed out).
 */
u64 schedule_timeout_ns(u64 timeout_ns);
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);

struct task_struct *sched_task_alloc(const char *name);
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
void __noreturn do_task_exit(void);
unsigned int sched_nr_running(int cpu);
int sched_bind_task(struct task_struct *p, int cpu);
void sched_fork_affinity(struct task_struct *child, struct task_struct *parent);
bool sched_tick_running(void);
void sched_mark_irqs_live(void);
bool sched_irqs_are_live(void);
unsigned int sched_nr_cpus(void);
void sched_visit_tasks(void *data,
		       bool (*fn)(struct task_struct *p, void *data));
int sched_init(void);

#ifdef CONFIG_DETECT_HUNG_TASK
unsigned int hung_task_check(u64 timeout_ns);
#endif /* CONFIG_DETECT_HUNG_TASK */

/* The arch half: an initial stack frame and the switch itself. */
void arch_thread_setup(struct task_struct *p, void (*entry)(void));
void arch_switch_to(struct task_struct *prev, struct task_struct *next);
void arch_task_free(struct task_struct *p);
void user_task_free(struct task_struct *p);	/* kernel/exit.c */
struct task_struct *__switch_to_asm(struct task_struct *from,
				    struct task_struct *to);

/* Whether @p is a user process or thread (it has a user register frame). */
static inline bool task_is_user(const struct task_struct *p)
{
	return p->signal != NULL;
}

/* Until every task that has exited has had its stack freed (sleeps). */
void sched_reap_dead_wait(void);

#endif /* _LINUX_SCHED_H */
