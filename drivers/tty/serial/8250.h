/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the polled console (8250_early.c) and the terminal (8250_port.c)
 * of the same 16550 UART share.
 */
#ifndef _DRIVERS_TTY_SERIAL_8250_H
#define _DRIVERS_TTY_SERIAL_8250_H

#include <linux/types.h>

struct tty_struct;

u16 serial8250_console_port(unsigned int *line);
void serial8250_set_rx_owner(bool tty);
void serial8250_put_raw(const u8 *s, size_t n);
/* The console UART's terminal, once 8250_port.c set it up, else NULL. */
struct tty_struct *serial8250_console_tty(void);

#endif /* _DRIVERS_TTY_SERIAL_8250_H */
