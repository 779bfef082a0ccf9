/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of drivers/tty share and nobody else needs. */
#ifndef _DRIVERS_TTY_TTY_H
#define _DRIVERS_TTY_TTY_H

#include <linux/tty.h>

struct signal_struct;

bool tty_is_ctty(struct tty_struct *tty);
int tty_set_ctty(struct tty_struct *tty, bool steal);
int tty_job_check(struct tty_struct *tty, int sig);
/* The same for a given process's shared state (and the tests). */
bool tty_is_ctty_of(struct tty_struct *tty, struct signal_struct *ss);
int tty_set_ctty_of(struct tty_struct *tty, struct signal_struct *ss,
		    int tgid, bool steal);
void tty_disassociate_of(struct signal_struct *ss, int tgid);
bool tty_in_background(struct tty_struct *tty, struct signal_struct *ss);

#include <linux/poll.h>

#endif /* _DRIVERS_TTY_TTY_H */
