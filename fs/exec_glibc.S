/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The glibc programs the exec_glibc KUnit suite runs, built on the host
 * from tools/testing/exec/exec_probe.c by the top Makefile.
 */
	.section .rodata, "a"
	.balign 16
	.globl exec_probe_static, exec_probe_static_end
exec_probe_static:
	.incbin "exec_probe-static"
exec_probe_static_end:
	.balign 16
	.globl exec_probe_spie, exec_probe_spie_end
exec_probe_spie:
	.incbin "exec_probe-static-pie"
exec_probe_spie_end:
