// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for SYSCALL entry and the system call dispatcher: small
 * hand-assembled programs run in ring 3 through user_mode_run().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <kunit/test.h>
#include <kunit/user_page.h>

#define UCODE_VA	0x400000UL
#define USTACK_VA	0x7fff0000UL

/* getpid(); exit(the result). */
static const u8 prog_getpid[] = {
	0xb8, 0x27, 0x00, 0x00, 0x00,		/* mov $39, %eax */
	0x0f, 0x05,				/* syscall */
	0x48, 0x89, 0xc7,			/* mov %rax, %rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/* A number Linux leaves unassigned (335); exit(the result). */
static const u8 prog_nosys[] = {
	0xb8, 0x4f, 0x01, 0x00, 0x00,		/* mov $335, %eax */
	0x0f, 0x05,				/* syscall */
	0x48, 0x89, 0xc7,			/* mov %rax, %rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/*
 * A call keeps rsp and callee registers: exit(r12 + rsp before - rsp
 * after) through exit_group, 0x5eed when both survive getpid().
 */
static const u8 prog_regs[] = {
	0x48, 0x89, 0xe3,			/* mov %rsp, %rbx */
	0x41, 0xbc, 0xed, 0x5e, 0x00, 0x00,	/* mov $0x5eed, %r12d */
	0xb8, 0x27, 0x00, 0x00, 0x00,		/* mov $39, %eax */
	0x0f, 0x05,				/* syscall */
	0x48, 0x29, 0xe3,			/* sub %rsp, %rbx */
	0x49, 0x8d, 0x3c, 0x1c,			/* lea (%r12,%rbx), %rdi */
	0xb8, 0xe7, 0x00, 0x00, 0x00,		/* mov $231, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/* exit(%cs): the code segment user mode really runs with. */
static const u8 prog_cs[] = {
	0x8c, 0xc8,				/* mov %cs, %eax */
	0x48, 0x89, 0xc7,			/* mov %rax, %rdi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax */
	0x0f, 0x05,				/* syscall */
	0x0f, 0x0b,				/* ud2 */
};

/* Programs that must fault in ring 3. */
static const u8 prog_read_null[] = {
	0x8b, 0x04, 0x25, 0x10, 0x00, 0x00, 0x00, /* mov 0x10, %eax */
	0x0f, 0x0b,				/* ud2 */
};

static const u8 prog_read_kernel[] = {
	0x48, 0xbb, 0x00, 0x00, 0x20, 0x80,	/* movabs $0xffffffff80200000, */
	0xff, 0xff, 0xff, 0xff,			/*        %rbx (kernel text) */
	0x8b, 0x03,				/* mov (%rbx), %eax */
	0x0f, 0x0b,				/* ud2 */
};

static const u8 prog_cli[] = {
	0xfa,					/* cli: privileged */
	0x0f, 0x0b,				/* ud2 */
};

/* Maps a code page and a stack page; returns the code page's kernel alias. */
static u8 *map_prog_pages(struct kunit *test)
{
	u8 *code = kunit_user_page(test, UCODE_VA, PAGE_USER_RX);

	kunit_user_page(test, USTACK_VA, PAGE_USER_RW);
	return code;
}

/* Maps @prog and a stack, runs it in ring 3; returns its exit status. */
static long run_prog(struct kunit *test, const u8 *prog, size_t len)
{
	memcpy(map_prog_pages(test), prog, len);
	return user_mode_run(UCODE_VA, USTACK_VA + PAGE_SIZE);
}

/* The program runs in ring 3, on the user code segment. */
static void syscall_runs_in_ring3(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_prog(test, prog_cs, sizeof(prog_cs)), 0x2bL);
}

static void syscall_getpid_from_user(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_prog(test, prog_getpid, sizeof(prog_getpid)),
			(long)current->pid);
}

static void syscall_unimplemented_is_enosys(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_prog(test, prog_nosys, sizeof(prog_nosys)),
			(long)-ENOSYS);
	/* A second time: same result (the console names it only once). */
	KUNIT_EXPECT_EQ(test, user_mode_run(UCODE_VA, USTACK_VA + PAGE_SIZE),
			(long)-ENOSYS);
}

static void syscall_preserves_registers(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_prog(test, prog_regs, sizeof(prog_regs)), 0x5eedL);
}

/*
 * An exception in ring 3 (taken on the TSS's rsp0 stack, through the
 * common entry's swapgs) ends the program with -EFAULT, not an oops: an
 * unmapped address, a kernel address, a privileged instruction.
 */
static void syscall_user_fault_ends_program(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_prog(test, prog_read_null, sizeof(prog_read_null)),
			(long)-EFAULT);
}

static void syscall_user_cannot_read_kernel(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_prog(test, prog_read_kernel,
				       sizeof(prog_read_kernel)), (long)-EFAULT);
}

static void syscall_user_cannot_cli(struct kunit *test)
{
	u8 *code = map_prog_pages(test);

	memcpy(code, prog_cli, sizeof(prog_cli));
	KUNIT_EXPECT_EQ(test, user_mode_run(UCODE_VA, USTACK_VA + PAGE_SIZE),
			(long)-EFAULT);
	/* The CPU is still fine for the next program. */
	memcpy(code, prog_getpid, sizeof(prog_getpid));
	KUNIT_EXPECT_EQ(test, user_mode_run(UCODE_VA, USTACK_VA + PAGE_SIZE),
			(long)current->pid);
}

/*
 * do_syscall_64() as the entry calls it: with interrupts on, returning
 * with them off; on again after.
 */
static bool call_do_syscall_64(struct pt_regs *regs)
{
	unsigned long flags;
	bool sysret;

	local_irq_save(flags);
	local_irq_enable();
	sysret = do_syscall_64(regs);
	local_irq_restore(flags);
	return sysret;
}

/* A frame as entry_SYSCALL_64 builds it for a call of @nr from @rip. */
static void fake_syscall_regs(struct pt_regs *regs, unsigned long nr,
			      unsigned long rip)
{
	memset(regs, 0, sizeof(*regs));
	regs->vector = SYSCALL_VECTOR;
	regs->error_code = nr;
	regs->rax = -ENOSYS;
	regs->rip = regs->rcx = rip;
	regs->rflags = regs->r11 = X86_EFLAGS_FIXED | X86_EFLAGS_IF;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rsp = USTACK_VA + PAGE_SIZE;
}

/*
 * SYSRET only when it restores the frame exactly; IRET when the return
 * address is not a user address or rcx/r11 no longer match the frame.
 */
static void syscall_sysret_or_iret(struct kunit *test)
{
	struct pt_regs regs;

	fake_syscall_regs(&regs, __NR_getpid, UCODE_VA + 7);
	KUNIT_EXPECT_TRUE(test, call_do_syscall_64(&regs));
	KUNIT_EXPECT_EQ(test, (long)regs.rax, (long)current->pid);

	fake_syscall_regs(&regs, __NR_getpid, 1UL << 47);
	KUNIT_EXPECT_FALSE(test, call_do_syscall_64(&regs));
	fake_syscall_regs(&regs, __NR_getpid, TASK_SIZE_MAX);
	KUNIT_EXPECT_FALSE(test, call_do_syscall_64(&regs));
	fake_syscall_regs(&regs, __NR_getpid, UCODE_VA);
	regs.rcx = 0;
	KUNIT_EXPECT_FALSE(test, call_do_syscall_64(&regs));
	fake_syscall_regs(&regs, __NR_getpid, UCODE_VA);
	regs.rflags |= X86_EFLAGS_TF;
	regs.r11 = regs.rflags;
	KUNIT_EXPECT_FALSE(test, call_do_syscall_64(&regs));
}

/* Numbers past the table, however large, are -ENOSYS too. */
static void syscall_number_out_of_range(struct kunit *test)
{
	struct pt_regs regs;

	fake_syscall_regs(&regs, 512, UCODE_VA);
	call_do_syscall_64(&regs);
	KUNIT_EXPECT_EQ(test, (long)regs.rax, (long)-ENOSYS);
	fake_syscall_regs(&regs, ~0UL, UCODE_VA);
	call_do_syscall_64(&regs);
	KUNIT_EXPECT_EQ(test, (long)regs.rax, (long)-ENOSYS);
}

struct msr_seen {
	u64 star, lstar, mask, efer;
	bool ran;
};

static struct msr_seen msr_seen[NR_CPUS];

static void read_msrs(void *unused)
{
	struct msr_seen *m = &msr_seen[smp_processor_id()];

	m->star = rdmsr(MSR_STAR);
	m->lstar = rdmsr(MSR_LSTAR);
	m->mask = rdmsr(MSR_SYSCALL_MASK);
	m->efer = rdmsr(MSR_EFER);
	m->ran = true;
}

/* Every online CPU can take SYSCALL and SYSRET the same way. */
static void syscall_msrs_on_every_cpu(struct kunit *test)
{
	int cpu;

	memset(msr_seen, 0, sizeof(msr_seen));
	on_each_cpu(read_msrs, NULL, true);
	for_each_online_cpu(cpu) {
		struct msr_seen *m = &msr_seen[cpu];

		KUNIT_ASSERT_TRUE(test, m->ran);
		KUNIT_EXPECT_EQ(test, m->lstar, (u64)(unsigned long)entry_SYSCALL_64);
		KUNIT_EXPECT_EQ(test, (m->star >> 32) & 0xffff, 0x08ULL);
		/* SYSRET: SS = base + 8 = 0x23, CS = base + 16 = 0x2b. */
		KUNIT_EXPECT_EQ(test, ((m->star >> 48) + 8) | 3, 0x23ULL);
		KUNIT_EXPECT_EQ(test, ((m->star >> 48) + 16) | 3, 0x2bULL);
		/* IF, DF, TF and AC cleared on entry. */
		KUNIT_EXPECT_EQ(test, m->mask & 0x40700, 0x40700ULL);
		KUNIT_EXPECT_TRUE(test, m->efer & 1);
	}
}

static struct kunit_case syscall_cases[] = {
	KUNIT_CASE(syscall_msrs_on_every_cpu),
	KUNIT_CASE(syscall_sysret_or_iret),
	KUNIT_CASE(syscall_number_out_of_range),
	KUNIT_CASE(syscall_runs_in_ring3),
	KUNIT_CASE(syscall_getpid_from_user),
	KUNIT_CASE(syscall_unimplemented_is_enosys),
	KUNIT_CASE(syscall_preserves_registers),
	KUNIT_CASE(syscall_user_fault_ends_program),
	KUNIT_CASE(syscall_user_cannot_read_kernel),
	KUNIT_CASE(syscall_user_cannot_cli),
	{}
};

static struct kunit_suite syscall_suite = {
	.name = "syscall",
	.test_cases = syscall_cases,
};
kunit_test_suite(syscall_suite);
