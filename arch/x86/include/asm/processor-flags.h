/* SPDX-License-Identifier: GPL-2.0 */
/* RFLAGS bits, for C and assembly alike. */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#include <asm/page.h>	/* _AC() */

#define X86_EFLAGS_FIXED (_AC(1, UL) << 1)	/* always 1 */
#define X86_EFLAGS_TF	(_AC(1, UL) << 8)
#define X86_EFLAGS_IF	(_AC(1, UL) << 9)
#define X86_EFLAGS_DF	(_AC(1, UL) << 10)
#define X86_EFLAGS_NT	(_AC(1, UL) << 14)
#define X86_EFLAGS_RF	(_AC(1, UL) << 16)
#define X86_EFLAGS_AC	(_AC(1, UL) << 18)

#endif /* _ASM_X86_PROCESSOR_FLAGS_H */
