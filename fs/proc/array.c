// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process files of procfs that are text: status, stat, statm,
 * maps, cmdline, environ and comm; and the task lookups they share.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <linux/mm_struct.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/sched/cpu_time.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include "internal.h"

struct proc_find {
	int pid;
	struct task_struct *found;
};

static bool proc_find_one(struct task_struct *p, void *data)
{
	struct proc_find *f = data;

	if (p->pid != f->pid)
		return true;
	get_task_struct(p);
	f->found = p;
	return false;
}

/**
 * proc_find_task - the task with id @pid (a process or one of its threads)
 * @pid: the id
 *
 * Return: the task with a reference (put_task_struct() it), or NULL.
 */
struct task_struct *proc_find_task(int pid)
{
	struct proc_find f = { .pid = pid };

	if (pid <= 0)
		return NULL;
	sched_visit_tasks(&f, proc_find_one);
	return f.found;
}

/**
 * proc_task_tgid - the process id /proc shows for @task
 * @task: a task
 *
 * Return: its tgid; a kernel thread (tgid 0) is its own process.
 */
int proc_task_tgid(struct task_struct *task)
{
	return task->tgid ? task->tgid : task->pid;
}

/* Runs @fn on @task under tasklist_lock, if @task is still listed. */
struct proc_locked {
	struct task_struct *task;
	void (*fn)(struct task_struct *p, void *data);
	void *data;
};

static bool proc_locked_one(struct task_struct *p, void *data)
{
	struct proc_locked *l = data;

	if (p != l->task)
		return true;
	l->fn(p, l->data);
	return false;
}

static void proc_with_tasklist(struct task_struct *task,
			       void (*fn)(struct task_struct *p, void *data),
			       void *data)
{
	struct proc_locked l = { task, fn, data };

	sched_visit_tasks(&l, proc_locked_one);
}

/**
 * proc_task_mm - @task's address space, with a reference
 * @task: a task
 *
 * Return: the mm (mmput() it), or NULL for a kernel thread or a task that
 * has exited.
 */
struct mm_struct *proc_task_mm(struct task_struct *task)
{
	return get_task_mm(task);
}

/**
 * proc_access_remote - copy bytes out of another address space
 * @mm: the address space, with a reference held
 * @addr: user address
 * @buf: kernel destination
 * @len: bytes wanted
 *
 * Reads the pages that are present through the direct map, a page at a
 * time under mmap_lock (read) and page_table_lock, so that the page is
 * neither unmapped nor migrated while it is copied. Does not fault pages
 * in: it stops at the first page not present.
 *
 * Return: the number of bytes copied.
 */
int proc_access_remote(struct mm_struct *mm, unsigned long addr, void *buf,
		       size_t len)
{
	size_t done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long off = addr & ~PAGE_MASK, flags;
		size_t n = min_t(size_t, len - done, PAGE_SIZE - off);
		pgentry_t *pte;
		bool ok = false;

		spin_lock_irqsave(&mm->page_table_lock, flags);
		pte = user_pte_lookup(mm, addr);
		if (pte && pgentry_present(*pte) && (*pte & _PAGE_USER)) {
			memcpy((char *)buf + done,
			       (char *)__va(pgentry_addr(*pte)) + off, n);
			ok = true;
		}
		spin_unlock_irqrestore(&mm->page_table_lock, flags);
		if (!ok)
			break;
		done += n;
		addr += n;
	}
	mmap_read_unlock(mm);
	return done;
}

/* ---- what the files print ---- */

static const char *proc_state_name(struct task_struct *task)
{
	long st = task_state(task);

	if (st & TASK_DEAD)
		return "Z (zombie)";
	if (st == TASK_RUNNING || (st & TASK_NEW))
		return "R (running)";
	if ((st & TASK_IDLE) == TASK_IDLE)
		return "I (idle)";
	if (st & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	return "S (sleeping)";
}

/* Everything about a task that is read under tasklist_lock. */
struct proc_task_info {
	int ppid, pgrp, session;
	unsigned int threads;
};

static bool proc_count_thread(struct task_struct *p, void *data)
{
	struct task_struct **leader_and_count = data;

	if (p->tgid && p->tgid == leader_and_count[0]->tgid)
		leader_and_count[1] = (void *)((unsigned long)leader_and_count[1] + 1);
	return true;
}

/**
 * proc_nr_threads - how many tasks share @leader's thread group
 * @leader: any task of the group
 *
 * Return: the count; 1 for a kernel thread.
 */
unsigned int proc_nr_threads(struct task_struct *leader)
{
	struct task_struct *pair[2] = { leader, NULL };

	if (!leader->tgid)
		return 1;
	sched_visit_tasks(pair, proc_count_thread);
	return (unsigned long)pair[1] ? (unsigned long)pair[1] : 1;
}

static void proc_read_info(struct task_struct *p, void *data)
{
	struct proc_task_info *i = data;

	if (p->real_parent)
		i->ppid = proc_task_tgid(p->real_parent);
	if (p->signal) {
		i->pgrp = p->signal->pgrp;
		i->session = p->signal->session;
	}
}

static void proc_task_info(struct task_struct *task,
			   struct proc_task_info *info)
{
	memset(info, 0, sizeof(*info));
	proc_with_tasklist(task, proc_read_info, info);
	info->threads = proc_nr_threads(task);
}

/* Sizes in pages of an address space's parts, for status and statm. */
struct proc_mm_sizes {
	unsigned long total, data, stack, exec, rss, ptes;
	unsigned long locked;	/* pages of VM_LOCKED VMAs (mlock) */
};

static void proc_mm_sizes(struct mm_struct *mm, struct proc_mm_sizes *s)
{
	struct vm_area_struct *vma;

	memset(s, 0, sizeof(*s));
	mmap_read_lock(mm);
	list_for_each_entry(vma, &mm->vma_list, vm_list) {
		unsigned long pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;

		s->total += pages;
		if (vma->vm_flags & VM_LOCKED_MASK)
			s->locked += pages;
		if (vma->vm_start <= mm->start_stack &&
		    vma->vm_end >= mm->start_stack)
			s->stack += pages;
		else if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			s->data += pages;
		else if ((vma->vm_flags & VM_EXEC) && vma->vm_file)
			s->exec += pages;
	}
	s->rss = READ_ONCE(mm->nr_pages);
	s->ptes = READ_ONCE(mm->nr_pgtables);
	mmap_read_unlock(mm);
}

#define PROC_KB(pages)	((pages) << (PAGE_SHIFT - 10))

/* The times of stat are in clock_t: USER_HZ (100) ticks a second. */
#define PROC_NS_PER_TICK	(NSEC_PER_SEC / 100)

static void proc_vm_line(struct proc_text *t, const char *name,
			 unsigned long kb)
{
	proc_printf(t, "%s\t%8lu kB\n", name, kb);
}

/* "3" and "0-1" for CPUs 0 and 1: the mask in hex and as ranges. */
static void proc_cpus_allowed(struct proc_text *t, struct task_struct *task)
{
	unsigned long mask = 0;
	int cpu, first = -1, last = -2;
	bool comma = false;

	for_each_online_cpu(cpu) {
		if (task->bound_cpu >= 0 && cpu != task->bound_cpu)
			continue;
		if (cpu < BITS_PER_LONG)
			mask |= 1UL << cpu;
	}
	proc_printf(t, "Cpus_allowed:\t%lx\n", mask);
	proc_printf(t, "Cpus_allowed_list:\t");
	for (cpu = 0; cpu <= BITS_PER_LONG; cpu++) {
		bool in = cpu < BITS_PER_LONG && (mask & (1UL << cpu));

		if (in && last == cpu - 1) {
			last = cpu;
			continue;
		}
		if (first >= 0) {
			proc_printf(t, comma ? ",%d" : "%d", first);
			if (last > first)
				proc_printf(t, "-%d", last);
			comma = true;
			first = -1;
		}
		if (in)
			first = last = cpu;
	}
	proc_putc(t, '\n');
}

/*
 * The nodes a task may allocate from (those with memory: Tide has no
 * cpusets), as a comma-grouped hex mask of the 1024 node bits Linux's
 * distribution kernels print (libnuma sizes its node masks by it) and
 * as a list of ranges.
 */
#define PROC_MEMS_WORDS	(1024 / 32)

static void proc_mems_allowed(struct proc_text *t)
{
	int nid, w, first = -1;
	bool comma = false;
	nodemask_t mems;

	node_states_mask(N_MEMORY, &mems);
	proc_printf(t, "Mems_allowed:\t");
	for (w = PROC_MEMS_WORDS - 1; w >= 0; w--) {
		u32 word = w * 32 < BITS_PER_LONG ?
			   (u32)(mems.bits >> (w * 32)) : 0;

		proc_printf(t, "%08x%s", word, w ? "," : "\n");
	}
	proc_printf(t, "Mems_allowed_list:\t");
	for (nid = 0; nid <= MAX_NUMNODES; nid++) {
		bool in = nid < MAX_NUMNODES && node_isset(nid, &mems);

		if (in && first < 0)
			first = nid;
		if (in || first < 0)
			continue;
		proc_printf(t, comma ? ",%d" : "%d", first);
		if (nid - 1 > first)
			proc_printf(t, "-%d", nid - 1);
		comma = true;
		first = -1;
	}
	proc_putc(t, '\n');
}

/**
 * proc_pid_status_show - /proc/PID/status
 * @t: output
 * @task: the task
 *
 * Linux's field names and tab layout. Tide runs everything as root and
 * keeps no capability sets: ids are 0, capabilities are full. The
 * signal sets are task_signal_masks()'s. The Vm lines are absent for kernel threads.
 *
 * Return: 0.
 */
int proc_pid_status_show(struct proc_text *t, struct task_struct *task)
{
	struct proc_task_info info;
	struct task_sigmasks sig;
	struct proc_mm_sizes s;
	struct mm_struct *mm;
	int tgid = proc_task_tgid(task);

	proc_task_info(task, &info);
	proc_printf(t, "Name:\t%s\n", task->comm);
	proc_printf(t, "Umask:\t0022\n");
	proc_printf(t, "State:\t%s\n", proc_state_name(task));
	proc_printf(t, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n", tgid,
		    task->pid, info.ppid);
	proc_printf(t, "TracerPid:\t0\n");
	proc_printf(t, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
	proc_printf(t, "FDSize:\t%d\nGroups:\t\n", task->files ? 64 : 0);
	proc_printf(t, "NStgid:\t%d\nNSpid:\t%d\n", tgid, task->pid);
	proc_printf(t, "NSpgid:\t%d\nNSsid:\t%d\n", info.pgrp, info.session);
	proc_printf(t, "Kthread:\t%d\n", task->flags & PF_KTHREAD ? 1 : 0);
	mm = proc_task_mm(task);
	if (mm) {
		proc_mm_sizes(mm, &s);
		mmput(mm);
		proc_vm_line(t, "VmPeak:", PROC_KB(s.total));
		proc_vm_line(t, "VmSize:", PROC_KB(s.total));
		proc_vm_line(t, "VmLck:", PROC_KB(s.locked));
		proc_vm_line(t, "VmPin:", 0);
		proc_vm_line(t, "VmHWM:", PROC_KB(s.rss));
		proc_vm_line(t, "VmRSS:", PROC_KB(s.rss));
		proc_vm_line(t, "RssAnon:", PROC_KB(s.rss));
		proc_vm_line(t, "RssFile:", 0);
		proc_vm_line(t, "RssShmem:", 0);
		proc_vm_line(t, "VmData:", PROC_KB(s.data));
		proc_vm_line(t, "VmStk:", PROC_KB(s.stack));
		proc_vm_line(t, "VmExe:", PROC_KB(s.exec));
		proc_vm_line(t, "VmLib:", 0);
		proc_vm_line(t, "VmPTE:", PROC_KB(s.ptes));
		proc_vm_line(t, "VmSwap:", 0);
		proc_vm_line(t, "HugetlbPages:", 0);
	}
	proc_printf(t, "CoreDumping:\t0\n");
	proc_printf(t, "Threads:\t%u\n", info.threads);
	proc_printf(t, "SigQ:\t0/0\n");
	task_signal_masks(task, &sig);
	proc_printf(t, "SigPnd:\t%016llx\nShdPnd:\t%016llx\n",
		    sig.pending, sig.shared);
	proc_printf(t, "SigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		    sig.blocked, sig.ignored, sig.caught);
	proc_printf(t, "CapInh:\t%016x\n", 0);
	proc_printf(t, "CapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\n");
	proc_printf(t, "CapBnd:\t000001ffffffffff\nCapAmb:\t%016x\n", 0);
	proc_printf(t, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	proc_cpus_allowed(t, task);
	proc_mems_allowed(t);
	proc_printf(t, "voluntary_ctxt_switches:\t%llu\n",
		    (unsigned long long)READ_ONCE(task->switches));
	proc_printf(t, "nonvoluntary_ctxt_switches:\t0\n");
	return 0;
}

/**
 * proc_pid_stat_show - /proc/PID/stat: the 52 fields ps and top read
 * @t: output
 * @task: the task
 *
 * Times are the process's and its reaped children's CPU time in clock
 * ticks (kernel/sched/cputime.c), priority 20 and nice 0.
 *
 * Return: 0.
 */
int proc_pid_stat_show(struct proc_text *t, struct task_struct *task)
{
	struct proc_task_info info;
	struct proc_mm_sizes s = { 0 };
	struct mm_struct *mm = proc_task_mm(task);
	unsigned long start_code = 0, end_code = 0, start_stack = 0;
	unsigned long brk0 = 0, args = 0, args_end = 0;
	unsigned long envs = 0, envs_end = 0;
	unsigned int flags = task->flags & PF_KTHREAD ? 0x00200000 : 0;
	struct cputime self = { 0 }, children = { 0 };

	proc_task_info(task, &info);
	if (task->signal) {
		cputime_of(task, CPUTIME_GROUP, &self);
		cputime_of(task, CPUTIME_CHILDREN, &children);
	} else {
		cputime_of(task, CPUTIME_THREAD, &self);
	}
	if (mm) {
		proc_mm_sizes(mm, &s);
		start_stack = mm->start_stack;
		brk0 = mm->start_brk;
		args = mm->arg_start;
		args_end = mm->arg_end;
		envs = mm->env_start;
		envs_end = mm->env_end;
		start_code = 1;
		end_code = 1;
		mmput(mm);
	}
	proc_printf(t, "%d (%s) %c %d %d %d 0 -1 %u 0 0 0 0 %llu %llu %llu %llu 20 0 %u 0 0 ",
		    task->pid, task->comm, proc_state_name(task)[0], info.ppid,
		    info.pgrp, info.session, flags,
		    self.utime / PROC_NS_PER_TICK, self.stime / PROC_NS_PER_TICK,
		    children.utime / PROC_NS_PER_TICK,
		    children.stime / PROC_NS_PER_TICK, info.threads);
	proc_printf(t, "%lu %lu %llu %lu %lu %lu 0 0 0 0 0 0 0 0 0 0 17 %d 0 0 0 0 0 ",
		    s.total << PAGE_SHIFT, s.rss, 0xffffffffffffffffULL,
		    start_code, end_code, start_stack, task->cpu);
	proc_printf(t, "0 0 %lu %lu %lu %lu %lu 0\n", brk0, args, args_end,
		    envs, envs_end);
	return 0;
}

/**
 * proc_pid_statm_show - /proc/PID/statm: sizes in pages
 * @t: output
 * @task: the task
 *
 * size resident shared text lib data dt; shared, lib and dt are 0.
 *
 * Return: 0.
 */
int proc_pid_statm_show(struct proc_text *t, struct task_struct *task)
{
	struct proc_mm_sizes s = { 0 };
	struct mm_struct *mm = proc_task_mm(task);

	if (mm) {
		proc_mm_sizes(mm, &s);
		mmput(mm);
	}
	proc_printf(t, "%lu %lu 0 %lu 0 %lu 0\n", s.total, s.rss, s.exec,
		    s.data + s.stack);
	return 0;
}

/* One line of maps; @path is NULL for a mapping without a name. */
static void proc_maps_line(struct proc_text *t, struct vm_area_struct *vma,
			   const char *path, dev_t dev, unsigned long ino)
{
	size_t start = t->len;

	proc_printf(t, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		    vma->vm_start, vma->vm_end,
		    vma->vm_flags & VM_READ ? 'r' : '-',
		    vma->vm_flags & VM_WRITE ? 'w' : '-',
		    vma->vm_flags & VM_EXEC ? 'x' : '-',
		    vma->vm_flags & VM_SHARED ? 's' : 'p',
		    (unsigned long long)vma->vm_pgoff << PAGE_SHIFT,
		    MAJOR(dev), MINOR(dev),
		    ino);
	if (path) {
		/* the name starts in column 73, as Linux pads it */
		while (!proc_text_full(t) && t->len - start < 73)
			proc_putc(t, ' ');
		proc_printf(t, "%s", path);
	}
	proc_putc(t, '\n');
}

/**
 * proc_pid_maps_show - /proc/PID/maps
 * @t: output
 * @task: the task
 *
 * "start-end perms offset major:minor inode name" per VMA, in address
 * order; the name is the file's d_path(), or [heap] for the VMA holding
 * the brk area and [stack] for the one holding the initial stack.
 *
 * Return: 0, or -ENOMEM.
 */
int proc_pid_maps_show(struct proc_text *t, struct task_struct *task)
{
	struct mm_struct *mm = proc_task_mm(task);
	struct vm_area_struct *vma;
	char *pbuf;

	if (!mm)
		return 0;
	pbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!pbuf) {
		mmput(mm);
		return -ENOMEM;
	}
	mmap_read_lock(mm);
	list_for_each_entry(vma, &mm->vma_list, vm_list) {
		const char *name = NULL;
		struct inode *inode = NULL;

		if (vma->vm_file) {
			inode = file_inode(vma->vm_file);
			name = d_path(&vma->vm_file->f_path, pbuf, PATH_MAX);
			if (IS_ERR(name))
				name = NULL;
		} else if (vma->vm_start <= mm->brk &&
			   vma->vm_end >= mm->start_brk && mm->start_brk) {
			name = "[heap]";
		} else if (vma->vm_start <= mm->start_stack &&
			   vma->vm_end >= mm->start_stack) {
			name = "[stack]";
		}
		proc_maps_line(t, vma, name, inode ? inode->i_sb->s_dev : 0,
			       inode ? inode->i_ino : 0);
	}
	mmap_read_unlock(mm);
	mmput(mm);
	kfree(pbuf);
	return 0;
}

/* Copies [@start, @end) of @task's memory (argv or envp strings). */
static int proc_pid_area(struct proc_text *t, struct task_struct *task,
			 bool env)
{
	struct mm_struct *mm = proc_task_mm(task);
	unsigned long start, end;
	size_t len;
	int got;

	if (!mm)
		return 0;
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	if (end > start) {
		len = end - start;
		if (len >= t->size - t->len) {
			t->len = t->size;	/* a bigger buffer, please */
		} else {
			got = proc_access_remote(mm, start, t->buf + t->len,
						 len);
			t->len += got;
		}
	}
	mmput(mm);
	return 0;
}

/**
 * proc_pid_cmdline_show - /proc/PID/cmdline: the argv strings, each
 * ending in NUL, copied out of the process's memory; empty for kernel
 * threads
 * @t: output
 * @task: the task
 *
 * Return: 0.
 */
int proc_pid_cmdline_show(struct proc_text *t, struct task_struct *task)
{
	return proc_pid_area(t, task, false);
}

/**
 * proc_pid_environ_show - /proc/PID/environ: the envp strings
 * @t: output
 * @task: the task
 *
 * Return: 0.
 */
int proc_pid_environ_show(struct proc_text *t, struct task_struct *task)
{
	return proc_pid_area(t, task, true);
}

/**
 * proc_pid_comm_show - /proc/PID/comm: the task's name
 * @t: output
 * @task: the task
 *
 * Return: 0.
 */
int proc_pid_comm_show(struct proc_text *t, struct task_struct *task)
{
	proc_printf(t, "%s\n", task->comm);
	return 0;
}
