// SPDX-License-Identifier: GPL-2.0
/*
 * Blocking notifier chains: a singly linked list sorted by priority,
 * highest first, walked under a read-held rw-semaphore.
 */
#include <linux/kernel.h>
#include <linux/notifier.h>

/**
 * blocking_notifier_chain_register - add @nb to @nh by its priority
 *
 * It goes after every block of the same or higher priority. Sleeps.
 * Return: 0, or -EEXIST if @nb is on the chain already (with a warning).
 */
int blocking_notifier_chain_register(struct blocking_notifier_head *nh,
				     struct notifier_block *nb)
{
	struct notifier_block **pos;
	int ret = 0;

	down_write(&nh->rwsem);
	for (pos = &nh->head; *pos; pos = &(*pos)->next) {
		if (WARN_ON(*pos == nb)) {
			ret = -EEXIST;
			goto out;
		}
	}
	for (pos = &nh->head; *pos && (*pos)->priority >= nb->priority;
	     pos = &(*pos)->next)
		;
	nb->next = *pos;
	*pos = nb;
out:
	up_write(&nh->rwsem);
	return ret;
}

/**
 * blocking_notifier_chain_unregister - take @nb off @nh
 *
 * Waits for calls in flight. Return: 0, or -ENOENT if it was not on it.
 */
int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh,
				       struct notifier_block *nb)
{
	struct notifier_block **pos;
	int ret = -ENOENT;

	down_write(&nh->rwsem);
	for (pos = &nh->head; *pos; pos = &(*pos)->next) {
		if (*pos == nb) {
			*pos = nb->next;
			nb->next = NULL;
			ret = 0;
			break;
		}
	}
	up_write(&nh->rwsem);
	return ret;
}

/**
 * blocking_notifier_call_chain - tell every callback on @nh about @val
 * @v: the event's payload, passed through
 *
 * Callbacks run in priority order until one returns a value with
 * NOTIFY_STOP_MASK set. Sleeps.
 * Return: the last callback's return value, NOTIFY_DONE if none ran.
 */
int blocking_notifier_call_chain(struct blocking_notifier_head *nh,
				 unsigned long val, void *v)
{
	struct notifier_block *nb;
	int ret = NOTIFY_DONE;

	if (!READ_ONCE(nh->head))
		return ret;
	down_read(&nh->rwsem);
	for (nb = nh->head; nb; nb = nb->next) {
		ret = nb->notifier_call(nb, val, v);
		if (ret & NOTIFY_STOP_MASK)
			break;
	}
	up_read(&nh->rwsem);
	return ret;
}
