/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x87/SSE registers of user tasks: enabled on every CPU, saved with
 * FXSAVE and loaded with FXRSTOR at each switch between tasks that run
 * user code. The kernel itself is built without SSE and never touches
 * them, so the registers on a CPU always hold the state of the last user
 * task that ran there, or of the current one.
 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <linux/types.h>

/* The 512-byte FXSAVE image (Linux's struct _fpstate_64 is this). */
struct fxregs_state {
	u16 cwd;
	u16 swd;
	u16 twd;
	u16 fop;
	u64 rip;
	u64 rdp;
	u32 mxcsr;
	u32 mxcsr_mask;
	u32 st_space[32];
	u32 xmm_space[64];
	u32 padding[24];
} __aligned(16);

#define FPU_STATE_SIZE		512
/* The MXCSR bits a user may set (FXRSTOR faults on the others). */
#define MXCSR_USER_MASK		0x0000ffbfU
#define MXCSR_DEFAULT		0x1f80U
#define FCW_DEFAULT		0x037fU

struct task_struct;

void fpu_init_cpu(void);
struct fxregs_state *fpu_alloc(void);
void fpu_free(struct fxregs_state *fpu);
void fpu_init_state(struct fxregs_state *fpu);
void fpu_save(struct fxregs_state *fpu);
void fpu_restore(const struct fxregs_state *fpu);
int fpu_copy_current(struct fxregs_state *dst);
void fpu_reset_current(void);

#endif /* _ASM_X86_FPU_H */
