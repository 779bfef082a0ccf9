// SPDX-License-Identifier: GPL-2.0
/*
 * The 16550 UART console (COM1 unless console=ttySn says otherwise),
 * polled: printk output goes out byte by byte, input is read on demand
 * until the terminal (8250_port.c) is opened and takes input over.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/setup.h>
#include "8250.h"

#define UART_TX		0	/* transmit holding register */
#define UART_RX		0	/* receive buffer */
#define UART_DLL	0	/* divisor latch, low (with DLAB) */
#define UART_IER	1
#define UART_DLM	1	/* divisor latch, high (with DLAB) */
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_CLOCK	115200

static const u16 serial_ports[] = { 0x3f8, 0x2f8, 0x3e8, 0x2e8 };

static u16 serial_base = 0x3f8;
static unsigned int serial_line;	/* n of ttySn */
static unsigned int serial_baud = 115200;
static bool serial_rx_by_tty;		/* 8250_port.c's interrupt reads */

static void serial_hw_init(void)
{
	unsigned int div = UART_CLOCK / serial_baud;

	outb(0, serial_base + UART_IER);
	outb(UART_LCR_DLAB, serial_base + UART_LCR);
	outb(div & 0xff, serial_base + UART_DLL);
	outb(div >> 8, serial_base + UART_DLM);
	outb(UART_LCR_8N1, serial_base + UART_LCR);
	outb(0x07, serial_base + UART_FCR);	/* enable and clear FIFOs */
	outb(0x03, serial_base + UART_MCR);	/* DTR, RTS */
}

static void serial_putc(char c)
{
	unsigned int spins = 100000;

	while (!(inb(serial_base + UART_LSR) & UART_LSR_THRE) && --spins)
		__asm__ __volatile__("pause");
	outb(c, serial_base + UART_TX);
}

/**
 * serial8250_put_raw - send bytes as they are, polling THRE
 * @s: the bytes
 * @n: how many
 *
 * For the terminal, whose line discipline did the '\n' translation;
 * the caller holds printk's lock (console_write()).
 */
void serial8250_put_raw(const u8 *s, size_t n)
{
	for (; n; n--, s++)
		serial_putc(*s);
}

static void serial_write(struct console *con, const char *s, size_t n)
{
	for (; n; n--, s++) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s);
	}
}

static int serial_read(struct console *con)
{
	if (READ_ONCE(serial_rx_by_tty))
		return -1;
	if (!(inb(serial_base + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(serial_base + UART_RX);
}

static struct console serial_console = {
	.name = "ttyS",
	.write = serial_write,
	.read = serial_read,
};

/**
 * serial8250_console_port - the console UART's I/O base and line number
 * @line: set to n of ttySn
 *
 * Return: the I/O port base (0x3f8 for ttyS0).
 */
u16 serial8250_console_port(unsigned int *line)
{
	*line = serial_line;
	return serial_base;
}

/**
 * serial8250_set_rx_owner - who reads the UART's receive register
 * @tty: true while the terminal is open (its interrupt handler reads),
 *	false to give input back to the console's polled ->read()
 */
void serial8250_set_rx_owner(bool tty)
{
	WRITE_ONCE(serial_rx_by_tty, tty);
}

/**
 * serial_console_init - program the UART and start the console
 *
 * Called once, first thing at boot; later console= options re-program
 * the port in place.
 */
void serial_console_init(void)
{
	serial_hw_init();
	register_console(&serial_console, false);
}

/* console=ttyS<n>[,<baud>]; other consoles do not exist on Tide yet. */
static int __init console_setup(char *val)
{
	unsigned long idx, baud = serial_baud;
	char *comma;

	if (!val || !str_has_prefix(val, "ttyS"))
		return -EINVAL;
	comma = strchr(val, ',');
	if (comma) {
		*comma = '\0';
		/* "115200n8": take the leading digits */
		if (kstrtoul(comma + 1, 10, &baud)) {
			char *p = comma + 1;

			baud = 0;
			for (; *p >= '0' && *p <= '9'; p++)
				baud = baud * 10 + (*p - '0');
		}
		if (!baud || baud > UART_CLOCK || UART_CLOCK % baud) {
			*comma = ',';
			return -EINVAL;
		}
	}
	if (kstrtoul(val + 4, 10, &idx) || idx >= ARRAY_SIZE(serial_ports)) {
		if (comma)
			*comma = ',';
		return -EINVAL;
	}
	if (comma)
		*comma = ',';
	serial_base = serial_ports[idx];
	serial_line = idx;
	serial_baud = baud;
	serial_hw_init();
	return 0;
}
early_param("console", console_setup);
