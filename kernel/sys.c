// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: process identity system calls
 *
 * The ids a process sees (pids from kernel/pid.c), its process group and
 * session, credentials (everyone is root: set calls accept what they
 * are given for uid/gid 0 and keep nothing else), resource limits, its
 * name, uname() and sysinfo(), reboot().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/cpu_time.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/topology.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <asm/io.h>

static long sys_getpid(struct pt_regs *regs)
{
	return task_tgid_nr(current);
}
SYSCALL_ENTRY(getpid, sys_getpid);

static long sys_gettid(struct pt_regs *regs)
{
	return current->pid;
}
SYSCALL_ENTRY(gettid, sys_gettid);

static long sys_getppid(struct pt_regs *regs)
{
	struct task_struct *parent;
	unsigned long flags;
	int ppid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	parent = current->group_leader ? current->group_leader->real_parent :
		 NULL;
	if (parent)
		ppid = task_tgid_nr(parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
}
SYSCALL_ENTRY(getppid, sys_getppid);

/* Everybody is root: the get calls say 0, the set calls accept 0 only... */
static long sys_getuid(struct pt_regs *regs)
{
	return 0;
}
SYSCALL_ENTRY(getuid, sys_getuid);
SYSCALL_ENTRY(geteuid, sys_getuid);
SYSCALL_ENTRY(getgid, sys_getuid);
SYSCALL_ENTRY(getegid, sys_getuid);

/* ...and any id root could switch to: the change is not kept. */
static long sys_setid(struct pt_regs *regs)
{
	return 0;
}
SYSCALL_ENTRY(setuid, sys_setid);
SYSCALL_ENTRY(setgid, sys_setid);
SYSCALL_ENTRY(setreuid, sys_setid);
SYSCALL_ENTRY(setregid, sys_setid);
SYSCALL_ENTRY(setresuid, sys_setid);
SYSCALL_ENTRY(setresgid, sys_setid);
SYSCALL_ENTRY(setgroups, sys_setid);

/* setfsuid/setfsgid return the previous fs id: 0. */
SYSCALL_ENTRY(setfsuid, sys_getuid);
SYSCALL_ENTRY(setfsgid, sys_getuid);

/* getresuid(ruid, euid, suid) and getresgid: three zeros. */
static long sys_getresid(struct pt_regs *regs)
{
	if (put_user(0U, (unsigned int __user *)SC_ARG0(regs)) ||
	    put_user(0U, (unsigned int __user *)SC_ARG1(regs)) ||
	    put_user(0U, (unsigned int __user *)SC_ARG2(regs)))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(getresuid, sys_getresid);
SYSCALL_ENTRY(getresgid, sys_getresid);

/* getgroups(size, list): root is in no supplementary group. */
static long sys_getgroups(struct pt_regs *regs)
{
	return (int)SC_ARG0(regs) < 0 ? -EINVAL : 0;
}
SYSCALL_ENTRY(getgroups, sys_getgroups);

/* The process (leader) @pid names, 0 meaning current's. tasklist_lock. */
static struct task_struct *find_process(int pid)
{
	struct task_struct *p;

	if (!pid)
		return current->group_leader;
	p = find_task_by_pid(pid);
	if (!p || p->exit_state == EXIT_DEAD)
		return NULL;
	return p->group_leader;
}

/* Whether some process of session @sid has process group @pgrp. */
static bool pgrp_in_session(int pgrp, int sid)
{
	struct task_struct *p;

	list_for_each_entry(p, pid_table_head(), pid_node)
		if (task_in_pgrp_of(p, pgrp) && p->signal->session == sid)
			return true;
	return false;
}

/* Whether a process not yet reaped has process group @pgrp. tasklist_lock. */
static bool pgrp_exists(int pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, pid_table_head(), pid_node)
		if (task_in_pgrp_of(p, pgrp))
			return true;
	return false;
}

/*
 * setpgid(pid, pgid): @pid is the caller or a child of it, in the same
 * session, not a session leader; the group is new (pgid == pid) or one
 * that exists in that session.
 */
static long sys_setpgid(struct pt_regs *regs)
{
	int pid = (int)SC_ARG0(regs), pgid = (int)SC_ARG1(regs);
	struct task_struct *me = current->group_leader, *p;
	unsigned long flags;
	long ret = 0;

	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_process(pid);
	if (!p) {
		ret = -ESRCH;
		goto out;
	}
	if (!pgid)
		pgid = p->pid;
	if (p != me && p->real_parent != me) {
		ret = -ESRCH;
		goto out;
	}
	if (p->signal->session != me->signal->session ||
	    p->signal->session == p->pid) {
		ret = -EPERM;
		goto out;
	}
	if (pgid != p->pid && !pgrp_in_session(pgid, me->signal->session)) {
		ret = -EPERM;
		goto out;
	}
	p->signal->pgrp = pgid;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}
SYSCALL_ENTRY(setpgid, sys_setpgid);

/* getpgid(pid) and getsid(pid) */
static long get_group_id(int pid, bool session)
{
	struct task_struct *p;
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_process(pid);
	ret = !p ? -ESRCH : session ? p->signal->session : p->signal->pgrp;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static long sys_getpgid(struct pt_regs *regs)
{
	return get_group_id((int)SC_ARG0(regs), false);
}
SYSCALL_ENTRY(getpgid, sys_getpgid);

static long sys_getpgrp(struct pt_regs *regs)
{
	return get_group_id(0, false);
}
SYSCALL_ENTRY(getpgrp, sys_getpgrp);

static long sys_getsid(struct pt_regs *regs)
{
	return get_group_id((int)SC_ARG0(regs), true);
}
SYSCALL_ENTRY(getsid, sys_getsid);

/* setsid(): a new session and group led by the caller, no terminal. */
static long sys_setsid(struct pt_regs *regs)
{
	struct task_struct *me = current->group_leader;
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (pgrp_exists(me->pid)) {
		ret = -EPERM;
	} else {
		me->signal->pgrp = me->pid;
		me->signal->session = me->pid;
		me->signal->tty = NULL;
		ret = me->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}
SYSCALL_ENTRY(setsid, sys_setsid);

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_NO_NEW_PRIVS	38
#define PR_GET_NO_NEW_PRIVS	39

/* prctl(option, arg2, ...): the name, and harmless flags accepted. */
static long sys_prctl(struct pt_regs *regs)
{
	char name[TASK_COMM_LEN];
	struct task_struct *p = current;
	long n;

	switch ((int)SC_ARG0(regs)) {
	case PR_SET_NAME:
		n = strncpy_from_user(name, (const char __user *)SC_ARG1(regs),
				      sizeof(name) - 1);
		if (n < 0)
			return n;
		name[n] = '\0';
		strscpy(p->comm, name, sizeof(p->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void __user *)SC_ARG1(regs), p->comm,
				    sizeof(p->comm)) ? -EFAULT : 0;
	case PR_SET_PDEATHSIG:
	case PR_SET_DUMPABLE:
	case PR_SET_NO_NEW_PRIVS:
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(0, (int __user *)SC_ARG1(regs)) ? -EFAULT : 0;
	case PR_GET_DUMPABLE:
		return 1;
	case PR_GET_NO_NEW_PRIVS:
		return 0;
	}
	return -EINVAL;
}
SYSCALL_ENTRY(prctl, sys_prctl);

/*
 * prlimit64(pid, resource, new, old): the limits are kept per process
 * and reported; only RLIMIT_NOFILE and RLIMIT_STACK mean something to
 * the rest of the kernel (fs/file.c, fs/exec.c read them).
 */
static long do_prlimit(int pid, unsigned int res, const struct rlimit64 *new,
		       struct rlimit64 *old)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = 0;

	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_process(pid);
	if (!p) {
		ret = -ESRCH;
	} else {
		if (old)
			*old = p->signal->rlim[res];
		if (new)
			p->signal->rlim[res] = *new;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static long sys_prlimit64(struct pt_regs *regs)
{
	const void __user *unew = (const void __user *)SC_ARG2(regs);
	void __user *uold = (void __user *)SC_ARG3(regs);
	struct rlimit64 new, old;
	long ret;

	if (unew && copy_from_user(&new, unew, sizeof(new)))
		return -EFAULT;
	ret = do_prlimit((int)SC_ARG0(regs), (unsigned int)SC_ARG1(regs),
			 unew ? &new : NULL, uold ? &old : NULL);
	if (!ret && uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}
SYSCALL_ENTRY(prlimit64, sys_prlimit64);

static long sys_getrlimit(struct pt_regs *regs)
{
	struct rlimit64 old;
	long ret = do_prlimit(0, (unsigned int)SC_ARG0(regs), NULL, &old);

	if (!ret && copy_to_user((void __user *)SC_ARG1(regs), &old,
				 sizeof(old)))
		return -EFAULT;
	return ret;
}
SYSCALL_ENTRY(getrlimit, sys_getrlimit);

static long sys_setrlimit(struct pt_regs *regs)
{
	struct rlimit64 new;

	if (copy_from_user(&new, (const void __user *)SC_ARG1(regs),
			   sizeof(new)))
		return -EFAULT;
	return do_prlimit(0, (unsigned int)SC_ARG0(regs), &new, NULL);
}
SYSCALL_ENTRY(setrlimit, sys_setrlimit);

/*
 * getrusage(who, usage): RUSAGE_SELF (0), RUSAGE_CHILDREN (-1) or
 * RUSAGE_THREAD (1); the user and system times (kernel/sched/cputime.c),
 * the other fields zero.
 */
static long sys_getrusage(struct pt_regs *regs)
{
	int who = (int)SC_ARG0(regs);
	struct cputime t;

	if (who != 0 && who != -1 && who != 1)
		return -EINVAL;
	cputime_of(current, who == 0 ? CPUTIME_GROUP : who == 1 ?
		   CPUTIME_THREAD : CPUTIME_CHILDREN, &t);
	return put_rusage(&t, (void __user *)SC_ARG1(regs));
}
SYSCALL_ENTRY(getrusage, sys_getrusage);

/* uname(buf): the one copy of the names kernel/utsname.c keeps. */
static long sys_uname(struct pt_regs *regs)
{
	struct new_utsname names;

	uts_get(&names);
	return copy_to_user((void __user *)SC_ARG0(regs), &names,
			    sizeof(names)) ? -EFAULT : 0;
}
SYSCALL_ENTRY(uname, sys_uname);

/*
 * sethostname(name, len) and setdomainname(name, len): root may (every
 * process is root). The name is copied in first; @set stores it.
 */
static long set_uts_name(struct pt_regs *regs,
			 int (*set)(const char *name, size_t len))
{
	const char __user *uname = (const char __user *)SC_ARG0(regs);
	size_t len = SC_ARG1(regs);
	char name[__NEW_UTS_LEN];

	if (len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(name, uname, len))
		return -EFAULT;
	return set(name, len);
}

static long sys_sethostname(struct pt_regs *regs)
{
	return set_uts_name(regs, uts_set_hostname);
}
SYSCALL_ENTRY(sethostname, sys_sethostname);

static long sys_setdomainname(struct pt_regs *regs)
{
	return set_uts_name(regs, uts_set_domainname);
}
SYSCALL_ENTRY(setdomainname, sys_setdomainname);

/* Linux's struct sysinfo on x86-64 (112 bytes). */
struct user_sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	u16 procs, pad;
	u32 pad2;
	unsigned long totalhigh, freehigh;
	u32 mem_unit;
	char pad3[4];
};

static bool count_process(struct task_struct *p, void *data)
{
	if (p == p->group_leader && !p->exit_state)
		(*(unsigned int *)data)++;
	return true;
}

static long sys_sysinfo(struct pt_regs *regs)
{
	struct user_sysinfo si;
	unsigned int procs = 0;

	_Static_assert(sizeof(si) == 112, "struct sysinfo is 112 bytes");
	memset(&si, 0, sizeof(si));
	visit_user_tasks(count_process, &procs);
	si.uptime = ktime_get_ns() / NSEC_PER_SEC;
	si.totalram = totalram_pages();
	si.freeram = nr_free_pages();
	si.procs = procs;
	si.mem_unit = PAGE_SIZE;
	return copy_to_user((void __user *)SC_ARG0(regs), &si, sizeof(si)) ?
	       -EFAULT : 0;
}
SYSCALL_ENTRY(sysinfo, sys_sysinfo);

/* getcpu(cpu, node, cache) */
static long sys_getcpu(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	if (SC_ARG0(regs) && put_user(cpu, (unsigned int __user *)SC_ARG0(regs)))
		return -EFAULT;
	if (SC_ARG1(regs) && put_user(cpu_to_node(cpu),
				      (unsigned int __user *)SC_ARG1(regs)))
		return -EFAULT;
	return 0;
}
SYSCALL_ENTRY(getcpu, sys_getcpu);

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_MAGIC2A		85072278
#define LINUX_REBOOT_MAGIC2B		369367448
#define LINUX_REBOOT_MAGIC2C		537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

/* The keyboard controller's reset line, then a halt if that fails. */
static void __noreturn machine_restart_kbc(void)
{
	outb(0xfe, 0x64);
	mdelay(100);
	machine_power_off();
}

/* reboot(magic1, magic2, cmd, arg) */
static long sys_reboot(struct pt_regs *regs)
{
	unsigned int m2 = (unsigned int)SC_ARG1(regs);

	if ((unsigned int)SC_ARG0(regs) != LINUX_REBOOT_MAGIC1 ||
	    (m2 != LINUX_REBOOT_MAGIC2 && m2 != LINUX_REBOOT_MAGIC2A &&
	     m2 != LINUX_REBOOT_MAGIC2B && m2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch ((unsigned int)SC_ARG2(regs)) {
	case LINUX_REBOOT_CMD_RESTART:
		pr_emerg("reboot: Restarting system\n");
		machine_restart_kbc();
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		machine_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	}
	return -EINVAL;
}
SYSCALL_ENTRY(reboot, sys_reboot);

/*
 * Priorities: every task runs round robin at nice 0 (SCHED_OTHER). The
 * set calls accept what does not need a real-time class, and change
 * nothing.
 */
#define SCHED_OTHER	0
#define PRIO_PROCESS	0
#define PRIO_USER	2

/* getpriority(which, who): 20 - nice, so 20 for nice 0. */
static long sys_getpriority(struct pt_regs *regs)
{
	return (int)SC_ARG0(regs) < PRIO_PROCESS ||
	       (int)SC_ARG0(regs) > PRIO_USER ? -EINVAL : 20;
}
SYSCALL_ENTRY(getpriority, sys_getpriority);

static long sys_setpriority(struct pt_regs *regs)
{
	return (int)SC_ARG0(regs) < PRIO_PROCESS ||
	       (int)SC_ARG0(regs) > PRIO_USER ? -EINVAL : 0;
}
SYSCALL_ENTRY(setpriority, sys_setpriority);

static long sys_sched_getscheduler(struct pt_regs *regs)
{
	return (int)SC_ARG0(regs) < 0 ? -EINVAL : SCHED_OTHER;
}
SYSCALL_ENTRY(sched_getscheduler, sys_sched_getscheduler);

/* sched_getparam(pid, param): priority 0. */
static long sys_sched_getparam(struct pt_regs *regs)
{
	if ((int)SC_ARG0(regs) < 0 || !SC_ARG1(regs))
		return -EINVAL;
	return put_user(0, (int __user *)SC_ARG1(regs)) ? -EFAULT : 0;
}
SYSCALL_ENTRY(sched_getparam, sys_sched_getparam);

/* sched_setscheduler(pid, policy, param): SCHED_OTHER only. */
static long sys_sched_setscheduler(struct pt_regs *regs)
{
	return (int)SC_ARG1(regs) == SCHED_OTHER ? 0 : -EPERM;
}
SYSCALL_ENTRY(sched_setscheduler, sys_sched_setscheduler);

/* sched_get_priority_max/min(policy): 0 for SCHED_OTHER. */
static long sys_sched_priority_range(struct pt_regs *regs)
{
	return (int)SC_ARG0(regs) == SCHED_OTHER ? 0 : -EINVAL;
}
SYSCALL_ENTRY(sched_get_priority_max, sys_sched_priority_range);
SYSCALL_ENTRY(sched_get_priority_min, sys_sched_priority_range);

/* personality(persona): only PER_LINUX (0); 0xffffffff queries. */
static long sys_personality(struct pt_regs *regs)
{
	unsigned int persona = (unsigned int)SC_ARG0(regs);

	return persona == 0 || persona == 0xffffffff ? 0 : -EINVAL;
}
SYSCALL_ENTRY(personality, sys_personality);
