// SPDX-License-Identifier: GPL-2.0
/*
 * The console's 16550 UART as a terminal: received bytes come in by
 * interrupt (IRQ 4 for COM1) and go to the line discipline; output is
 * sent by polling THRE under printk's lock, like the console's own.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/workqueue.h>
#include <asm/io.h>
#include "8250.h"

/**
 * DOC: 8250 terminal
 *
 * Receiving: while the terminal is open, the UART raises its interrupt
 * for received data (IER.RDI, with MCR.OUT2 gating the line as on a PC).
 * The handler empties the receive FIFO into uart->rx, a small ring under
 * uart->rx_lock, and queues uart->rx_work; the work item passes the bytes
 * to the tty in process context, where the line discipline may echo and
 * send signals. While the terminal is closed the interrupt is off and
 * the console's polled ->read() (the built-in shell's input) works as
 * before; serial8250_set_rx_owner() switches between the two.
 *
 * Sending: polled. Each batch the line discipline hands over goes out
 * through console_write(), so under printk's log lock: a kernel message
 * lands between two batches (at most N_TTY_ECHO_BUF bytes), never inside
 * one. Baud rate and line settings stay as the boot console set them.
 */

#define UART_RX		0
#define UART_IER	1
#define UART_IIR	2
#define UART_MCR	4
#define UART_LSR	5
#define UART_MSR	6
#define UART_IER_RDI	0x01	/* received data available */
#define UART_IER_RLSI	0x04	/* receiver line status */
#define UART_IIR_NO_INT	0x01
#define UART_MCR_ON	0x0b	/* DTR, RTS, OUT2 */
#define UART_LSR_DR	0x01

#define UART_RX_RING	1024	/* a power of two */
#define UART_RX_BATCH	64
#define UART_IRQ_LOOPS	32	/* interrupt sources handled per entry */

struct uart_8250 {
	u16 base;
	unsigned int irq;
	char name[8];
	/*
	 * rx_lock: the handler fills rx[] at rx_head, the work empties it
	 * at rx_tail; bytes that find it full are counted in rx_dropped.
	 */
	spinlock_t rx_lock;
	u8 rx[UART_RX_RING];
	unsigned int rx_head;
	unsigned int rx_tail;
	unsigned long rx_dropped;	/* lost: the ring was full */
	struct work_struct rx_work;	/* passes rx[] to the tty */
	struct tty_struct tty;
};

static struct uart_8250 uart;
static bool uart_ready;
static struct workqueue_struct *uart_wq;

static void uart_raw_write(struct console *con, const char *s, size_t n)
{
	serial8250_put_raw((const u8 *)s, n);
}

/* Never registered: console_write() only uses it to take printk's lock. */
static struct console uart_raw_console = {
	.name = "ttyS-tty",
	.write = uart_raw_write,
};

static irqreturn_t uart_interrupt(int irq, void *dev)
{
	struct uart_8250 *u = dev;
	unsigned int loops = 0;
	bool got = false;
	u8 c;

	spin_lock(&u->rx_lock);
	while (!(inb(u->base + UART_IIR) & UART_IIR_NO_INT) &&
	       loops++ < UART_IRQ_LOOPS) {
		/* Reading LSR and MSR clears line and modem status causes. */
		while (inb(u->base + UART_LSR) & UART_LSR_DR) {
			c = inb(u->base + UART_RX);
			if (u->rx_head - u->rx_tail < UART_RX_RING)
				u->rx[u->rx_head++ & (UART_RX_RING - 1)] = c;
			else
				u->rx_dropped++;
		}
		inb(u->base + UART_MSR);
		got = true;
	}
	spin_unlock(&u->rx_lock);
	if (got)
		queue_work(uart_wq, &u->rx_work);
	return got ? IRQ_HANDLED : IRQ_NONE;
}

static void uart_rx_work(struct work_struct *w)
{
	struct uart_8250 *u = container_of(w, struct uart_8250, rx_work);
	u8 batch[UART_RX_BATCH];
	unsigned long flags;
	size_t n;

	for (;;) {
		spin_lock_irqsave(&u->rx_lock, flags);
		for (n = 0; n < sizeof(batch) && u->rx_tail != u->rx_head; n++)
			batch[n] = u->rx[u->rx_tail++ & (UART_RX_RING - 1)];
		spin_unlock_irqrestore(&u->rx_lock, flags);
		if (!n)
			break;
		tty_receive(&u->tty, batch, n);
	}
}

static void uart_tty_write(struct tty_struct *tty, const u8 *buf, size_t n)
{
	console_write(&uart_raw_console, (const char *)buf, n);
}

/* First open: input moves from the console's polling to the interrupt. */
static int uart_tty_open(struct tty_struct *tty)
{
	struct uart_8250 *u = tty->driver_data;
	unsigned long flags;

	serial8250_set_rx_owner(true);
	spin_lock_irqsave(&u->rx_lock, flags);
	u->rx_tail = u->rx_head;
	spin_unlock_irqrestore(&u->rx_lock, flags);
	outb(UART_MCR_ON, u->base + UART_MCR);
	outb(UART_IER_RDI | UART_IER_RLSI, u->base + UART_IER);
	return 0;
}

static void uart_tty_close(struct tty_struct *tty)
{
	struct uart_8250 *u = tty->driver_data;

	outb(0, u->base + UART_IER);
	flush_work(&u->rx_work);
	serial8250_set_rx_owner(false);
}

static void uart_tty_get_serial(struct tty_struct *tty,
				struct serial_struct *ss)
{
	struct uart_8250 *u = tty->driver_data;

	ss->type = PORT_16550A;
	ss->line = MINOR(tty->dev) - TTYS_MINOR_BASE;
	ss->port = u->base;
	ss->irq = u->irq;
	ss->xmit_fifo_size = 16;
	ss->baud_base = 115200;
}

static const struct tty_operations uart_tty_ops = {
	.write = uart_tty_write,
	.open = uart_tty_open,
	.close = uart_tty_close,
	.get_serial = uart_tty_get_serial,
};

/**
 * serial8250_console_tty - the console UART's terminal
 *
 * Return: it, or NULL before serial8250_tty_init() or if that failed.
 */
struct tty_struct *serial8250_console_tty(void)
{
	return READ_ONCE(uart_ready) ? &uart.tty : NULL;
}

static int __init serial8250_tty_init(void)
{
	unsigned int line;
	int err;

	uart.base = serial8250_console_port(&line);
	/* COM1 and COM3 share IRQ 4, COM2 and COM4 IRQ 3. */
	uart.irq = (line & 1) ? 3 : 4;
	snprintf(uart.name, sizeof(uart.name), "ttyS%u", line);
	spin_lock_init(&uart.rx_lock);
	INIT_WORK(&uart.rx_work, uart_rx_work);
	uart_wq = alloc_workqueue("tty_rx", 0, 1);
	if (!uart_wq)
		return -ENOMEM;
	tty_init_struct(&uart.tty, uart.name,
			MKDEV(TTY_MAJOR, TTYS_MINOR_BASE + line), &uart_tty_ops);
	uart.tty.driver_data = &uart;
	outb(0, uart.base + UART_IER);
	err = request_irq(uart.irq, uart_interrupt, 0, uart.name, &uart);
	if (err)
		goto out_wq;
	err = tty_register_console_port(&uart.tty);
	if (err)
		goto out_irq;
	WRITE_ONCE(uart_ready, true);
	return 0;

out_irq:
	free_irq(uart.irq, &uart);
out_wq:
	destroy_workqueue(uart_wq);
	pr_err("%s: no terminal: %d\n", uart.name, err);
	return err;
}
device_initcall(serial8250_tty_init);
