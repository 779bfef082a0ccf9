// SPDX-License-Identifier: GPL-2.0
/*
 * The IDT and CPU exceptions. A page fault on a user address of the
 * current mm, from ring 3 or from a user access in the kernel, is first
 * offered to handle_mm_fault(), with interrupts on if the faulting code
 * had them on (it may sleep). Any other exception in user mode sends the
 * faulting task its signal (SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGTRAP)
 * with Linux's si_code, delivered on the way back to ring 3; a page
 * fault that cannot get memory kills the process. An exception in kernel mode is
 * fatal unless it is a page fault or general protection fault at an
 * instruction the exception table lists (a user access): it prints the
 * registers and a backtrace, then panics. A test may arm a one-shot "expected fault" to
 * check that a mapping really faults.
 * A double fault, NMI or machine check arrives on its own IST stack
 * (tss.c); a double fault whose stack pointer or faulting address is in
 * the guard page below a kernel stack is reported as a stack overflow.
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/kallsyms.h>
#include <linux/mm_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/syscall.h>
#include <asm/traps.h>

#define TRAP_STUB_SIZE		16

static struct gate_desc idt[256] __aligned(16);
extern const char trap_stubs[];

static const char *const trap_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range", "invalid opcode", "device not available",
	"double fault", "coprocessor segment", "invalid TSS",
	"segment not present", "stack segment", "general protection",
	"page fault", "reserved", "x87 FPU error", "alignment check",
	"machine check", "SIMD exception", "virtualization",
	"control protection",
};

static struct fault_expect *armed;

/**
 * fault_expect_arm - let the next kernel page fault be survived
 * @fe: filled in by the fault: address, error code; fe->resume is where
 *      execution continues
 *
 * For tests that check a mapping's protection. Single CPU, one at a time.
 */
void fault_expect_arm(struct fault_expect *fe)
{
	fe->hit = false;
	WRITE_ONCE(armed, fe);
}

void fault_expect_disarm(void)
{
	WRITE_ONCE(armed, NULL);
}

static void show_regs(struct pt_regs *r)
{
	unsigned long off;
	const char *sym = kallsyms_lookup(r->rip, &off);

	printk(KERN_EMERG "RIP: %04lx:%016lx %s+0x%lx\n", r->cs, r->rip,
	       sym ? sym : "?", sym ? off : 0);
	printk(KERN_EMERG "RSP: %016lx EFLAGS: %08lx ERR: %lx\n",
	       r->rsp, r->rflags, r->error_code);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", r->rax, r->rbx, r->rcx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", r->rdx, r->rsi, r->rdi);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", r->rbp, r->r8, r->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11, r->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14, r->r15);
	printk(KERN_EMERG "CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr2(), read_cr3(), read_cr4());
}

/* Is @addr in the guard page below the stack whose lowest address is @bottom? */
static bool in_stack_guard(unsigned long addr, unsigned long bottom)
{
	return bottom && addr < bottom && addr >= bottom - PAGE_SIZE;
}

/*
 * The lowest address of the kernel stack whose guard page @regs->rsp or
 * @cr2 is in, or 0: the current task's stack, else (for the boot task and
 * the secondary CPUs' idle tasks, whose task_struct has no stack) CPU 0's
 * boot stack or this CPU's.
 */
static unsigned long overflowed_stack(struct pt_regs *regs, unsigned long cr2)
{
	struct task_struct *p = current;
	unsigned long bottoms[3] = {
		p ? (unsigned long)p->stack : 0,
		cpu_boot_stack(0),
		cpu_boot_stack(smp_processor_id()),
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bottoms); i++)
		if (in_stack_guard(regs->rsp, bottoms[i]) ||
		    in_stack_guard(cr2, bottoms[i]))
			return bottoms[i];
	return 0;
}

/*
 * A double fault: the CPU could not deliver an exception, most often a
 * page fault on a stack that ran into its guard page (delivering it needs
 * that stack). Runs on the IST_DF stack and does not return.
 */
static void __noreturn do_double_fault(struct pt_regs *regs)
{
	unsigned long cr2 = read_cr2();
	unsigned long bottom = overflowed_stack(regs, cr2);
	struct task_struct *p = current;

	if (!bottom) {
		pr_emerg("Oops: double fault on CPU %d\n", smp_processor_id());
		show_regs(regs);
		panic("Fatal exception: double fault");
	}
	pr_emerg("Oops: kernel stack overflow on CPU %d: task %s (pid %d)\n",
		 smp_processor_id(), p ? p->comm : "?", p ? p->pid : -1);
	pr_emerg("kernel stack overflow: guard page %016lx below stack %016lx-%016lx\n",
		 bottom - PAGE_SIZE, bottom, bottom + THREAD_SIZE - 1);
	show_regs(regs);
	/* The frames above the guard page are mapped: walk them. */
	if (regs->rbp >= bottom && regs->rbp < bottom + THREAD_SIZE)
		show_backtrace(regs->rbp);
	panic("kernel stack overflow");
}

/*
 * A page fault on a user address of the current task's mm, from ring 3 or
 * at a kernel instruction the exception table lists (a user access): 0
 * if handle_mm_fault() filled it in and the instruction may run again,
 * else its error. Any other kernel access to a user address is not served
 * (-EFAULT). Interrupts go on for the fault if the faulting code had
 * them on, so that it may sleep (on mmap_lock, reading a file).
 */
static int user_addr_fault(struct pt_regs *regs, unsigned long addr)
{
	struct mm_struct *mm = current ? current->mm : NULL;
	int ret;

	if (!mm || addr >= TASK_SIZE_MAX)
		return -EFAULT;
	if (!user_mode(regs) && !search_exception_tables(regs->rip))
		return -EFAULT;
	if (regs->rflags & X86_EFLAGS_IF)
		local_irq_enable();
	ret = handle_mm_fault(mm, addr, regs->error_code);
	local_irq_disable();
	return ret;
}

/* The signal and si_code of an exception in ring 3, Linux's choice. */
static void user_trap_signal(struct pt_regs *regs, int *sig, int *code)
{
	switch (regs->vector) {
	case X86_TRAP_DE:
		*sig = SIGFPE;
		*code = FPE_INTDIV;
		return;
	case X86_TRAP_DB:
		*sig = SIGTRAP;
		*code = TRAP_TRACE;
		return;
	case X86_TRAP_BP:
		*sig = SIGTRAP;
		*code = SI_KERNEL;
		return;
	case X86_TRAP_UD:
		*sig = SIGILL;
		*code = ILL_ILLOPN;
		return;
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		*sig = SIGFPE;
		*code = FPE_FLTINV;
		return;
	case X86_TRAP_NP:
	case X86_TRAP_SS:
	case X86_TRAP_AC:
		*sig = SIGBUS;
		*code = BUS_ADRERR;
		return;
	}
	*sig = SIGSEGV;
	*code = SI_KERNEL;
}

/*
 * An exception in ring 3: a page fault the mm serves is done; otherwise
 * the task gets its signal, delivered before it returns to ring 3.
 */
static void do_user_trap(struct pt_regs *regs)
{
	int sig, code, ret;

	if (regs->vector == X86_TRAP_PF) {
		unsigned long addr = read_cr2();

		ret = user_addr_fault(regs, addr);
		if (!ret)
			return;
		if (ret == -ENOMEM) {
			pr_err("Out of memory: killed process %d (%s) at address %#lx\n",
			       task_tgid_nr(current), current->comm, addr);
			force_sig_fault(SIGKILL, SI_KERNEL, addr);
			return;
		}
		force_sig_fault(SIGSEGV, ret == -EACCES ? SEGV_ACCERR :
				SEGV_MAPERR, addr);
		return;
	}
	user_trap_signal(regs, &sig, &code);
	force_sig_fault(sig, code, sig == SIGSEGV ? 0 : regs->rip);
}

void do_trap(struct pt_regs *regs)
{
	struct fault_expect *fe = READ_ONCE(armed);
	const char *name = regs->vector < 32 && trap_names[regs->vector] ?
			   trap_names[regs->vector] : "interrupt";

	if (regs->vector == X86_TRAP_DF)
		do_double_fault(regs);
	if (user_mode(regs) && regs->vector != X86_TRAP_NMI &&
	    regs->vector != X86_TRAP_MC) {
		do_user_trap(regs);
		return;
	}
	if (regs->vector == X86_TRAP_PF && !user_addr_fault(regs, read_cr2()))
		return;
	if (regs->vector == X86_TRAP_PF && fe) {
		fe->hit = true;
		fe->addr = read_cr2();
		fe->error_code = regs->error_code;
		armed = NULL;
		regs->rip = fe->resume;
		return;
	}
	if ((regs->vector == X86_TRAP_PF || regs->vector == X86_TRAP_GP) &&
	    fixup_exception(regs))
		return;
	printk(KERN_EMERG "Oops: %s (vector %lu)\n", name, regs->vector);
	if (regs->vector == X86_TRAP_PF)
		printk(KERN_EMERG "BUG: unable to handle page fault at %016lx (%s, %s%s)\n",
		       read_cr2(), regs->error_code & 1 ? "protection" : "not present",
		       regs->error_code & 2 ? "write" : "read",
		       regs->error_code & 16 ? ", instruction fetch" : "");
	show_regs(regs);
	show_backtrace(regs->rbp);
	/* Print the faulting function itself first: it may have no frame. */
	panic("Fatal exception: %s", name);
}

/* The IST slot of exception @vector: its own stack for #DF, NMI and #MC. */
static unsigned int trap_ist(int vector)
{
	switch (vector) {
	case X86_TRAP_DF:
		return IST_DF;
	case X86_TRAP_NMI:
		return IST_NMI;
	case X86_TRAP_MC:
		return IST_MC;
	}
	return 0;
}

/*
 * trap_init - CPU 0's TSS and the IDT's exception gates
 *
 * First thing in setup_arch(): from here on an exception prints what
 * happened instead of resetting the machine.
 */
void trap_init(void)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (u64)idt };
	int v;

	cpu_tss_init(0, (unsigned long)boot_stack);
	cpu_protect_init(true);
	syscall_table_init();
	syscall_init();
	for (v = 0; v < 32; v++)
		set_intr_gate_ist(&idt[v], (unsigned long)trap_stubs + v * TRAP_STUB_SIZE,
				  trap_ist(v));
	load_idt(&idtr);
}
