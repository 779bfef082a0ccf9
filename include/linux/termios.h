/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The terminal ABI user space sees on x86-64: struct termios and
 * termios2, the window size, the mode bits and control-character slots,
 * and the ioctl numbers of terminals. Values are Linux's.
 */
#ifndef _LINUX_TERMIOS_H
#define _LINUX_TERMIOS_H

#include <linux/types.h>

#define NCCS		19	/* slots in c_cc */

/* TCGETS/TCSETS*: 36 bytes, no padding. */
struct termios {
	u32 c_iflag;		/* I*: input translation and flow control */
	u32 c_oflag;		/* O*: output post-processing */
	u32 c_cflag;		/* C*, B*: the line (speed, size, parity) */
	u32 c_lflag;		/* L-side: ICANON, ECHO*, ISIG, ... */
	u8 c_line;		/* line discipline number: N_TTY */
	u8 c_cc[NCCS];		/* special characters, indexed by V* */
};

/* TCGETS2/TCSETS2: termios and the two speeds in bits per second. */
struct termios2 {
	u32 c_iflag;
	u32 c_oflag;
	u32 c_cflag;
	u32 c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
	u32 c_ispeed;
	u32 c_ospeed;
};

/* TIOCGWINSZ/TIOCSWINSZ */
struct winsize {
	u16 ws_row;
	u16 ws_col;
	u16 ws_xpixel;
	u16 ws_ypixel;
};

/* Slots of c_cc */
#define VINTR		0
#define VQUIT		1
#define VERASE		2
#define VKILL		3
#define VEOF		4
#define VTIME		5
#define VMIN		6
#define VSWTC		7
#define VSTART		8
#define VSTOP		9
#define VSUSP		10
#define VEOL		11
#define VREPRINT	12
#define VDISCARD	13
#define VWERASE		14
#define VLNEXT		15
#define VEOL2		16

/* c_iflag */
#define IGNBRK		0x1
#define BRKINT		0x2
#define IGNPAR		0x4
#define PARMRK		0x8
#define INPCK		0x10
#define ISTRIP		0x20
#define INLCR		0x40
#define IGNCR		0x80
#define ICRNL		0x100
#define IUCLC		0x200
#define IXON		0x400
#define IXANY		0x800
#define IXOFF		0x1000
#define IMAXBEL		0x2000
#define IUTF8		0x4000

/* c_oflag */
#define OPOST		0x1
#define OLCUC		0x2
#define ONLCR		0x4
#define OCRNL		0x8
#define ONOCR		0x10
#define ONLRET		0x20
#define OFILL		0x40
#define OFDEL		0x80
#define TABDLY		0x1800
#define TAB3		0x1800	/* expand tabs to spaces (XTABS) */

/* c_cflag */
#define CBAUD		0x100f
#define B38400		0xf
#define BOTHER		0x1000
#define B115200		0x1002
#define CSIZE		0x30
#define CS8		0x30
#define CSTOPB		0x40
#define CREAD		0x80
#define PARENB		0x100
#define PARODD		0x200
#define HUPCL		0x400
#define CLOCAL		0x800
#define CIBAUD		0x100f0000

/* c_lflag */
#define ISIG		0x1
#define ICANON		0x2
#define XCASE		0x4
#define ECHO		0x8
#define ECHOE		0x10
#define ECHOK		0x20
#define ECHONL		0x40
#define NOFLSH		0x80
#define TOSTOP		0x100
#define ECHOCTL		0x200
#define ECHOPRT		0x400
#define ECHOKE		0x800
#define FLUSHO		0x1000
#define PENDIN		0x4000
#define IEXTEN		0x8000
#define EXTPROC		0x10000

/* TCFLSH's argument */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

/* TCXONC's argument */
#define TCOOFF		0
#define TCOON		1
#define TCIOFF		2
#define TCION		3

#define N_TTY		0	/* the only line discipline */

/*
 * ioctl numbers: the classic ones are 'T' << 8 plus a small number; the
 * termios2 ones are _IOR/_IOW('T', n, struct termios2) (44 bytes).
 */
#define __TIOC(nr)		(0x5400 + (nr))
#define __TIOC2(dir, nr)	(((u32)(dir) << 30) | \
				 (sizeof(struct termios2) << 16) | __TIOC(nr))

#define TCGETS		__TIOC(0x01)
#define TCSETS		__TIOC(0x02)
#define TCSETSW		__TIOC(0x03)
#define TCSETSF		__TIOC(0x04)
#define TCSBRK		__TIOC(0x09)
#define TCXONC		__TIOC(0x0a)
#define TCFLSH		__TIOC(0x0b)
#define TIOCEXCL	__TIOC(0x0c)
#define TIOCNXCL	__TIOC(0x0d)
#define TIOCSCTTY	__TIOC(0x0e)
#define TIOCGPGRP	__TIOC(0x0f)
#define TIOCSPGRP	__TIOC(0x10)
#define TIOCOUTQ	__TIOC(0x11)
#define TIOCSTI		__TIOC(0x12)
#define TIOCGWINSZ	__TIOC(0x13)
#define TIOCSWINSZ	__TIOC(0x14)
#define FIONREAD	__TIOC(0x1b)
#define TIOCINQ		FIONREAD
#define TIOCGSERIAL	__TIOC(0x1e)
#define TIOCNOTTY	__TIOC(0x22)
#define TIOCGETD	__TIOC(0x24)
#define TCSBRKP		__TIOC(0x25)
#define TIOCGSID	__TIOC(0x29)
#define TCGETS2		__TIOC2(2, 0x2a)
#define TCSETS2		__TIOC2(1, 0x2b)
#define TCSETSW2	__TIOC2(1, 0x2c)
#define TCSETSF2	__TIOC2(1, 0x2d)

/* TIOCGSERIAL: only what busybox's cttyhack and setserial -g look at. */
struct serial_struct {
	int type;		/* PORT_16550A */
	int line;		/* n of ttySn */
	unsigned int port;	/* I/O port base */
	int irq;
	int flags;
	int xmit_fifo_size;
	int custom_divisor;
	int baud_base;
	u16 close_delay;
	char io_type;
	char reserved_char[1];
	int hub6;
	unsigned short closing_wait;
	unsigned short closing_wait2;
	u8 *iomem_base;
	u16 iomem_reg_shift;
	unsigned int port_high;
	unsigned long iomap_base;
};

#define PORT_16550A	4	/* serial_struct.type of a 16550A */

#endif /* _LINUX_TERMIOS_H */
