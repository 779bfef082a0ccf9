/* SPDX-License-Identifier: GPL-2.0 */
/* Circular doubly linked lists with a sentinel head. */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/types.h>
#include <linux/compiler.h>

#define LIST_HEAD_INIT(name) { .next = &(name), .prev = &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *l)
{
	l->next = l;
	l->prev = l;
}

static inline void __list_link(struct list_head *n, struct list_head *prev,
			       struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

static inline void list_add(struct list_head *n, struct list_head *head)
{
	__list_link(n, head, head->next);
}

static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	__list_link(n, head->prev, head);
}

static inline void list_del(struct list_head *e)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
	e->next = (struct list_head *)0x100;
	e->prev = (struct list_head *)0x122;
}

static inline void list_del_init(struct list_head *e)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
	INIT_LIST_HEAD(e);
}

static inline void list_move(struct list_head *e, struct list_head *head)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
	list_add(e, head);
}

static inline void list_move_tail(struct list_head *e, struct list_head *head)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
	list_add_tail(e, head);
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)
#define list_first_entry_or_null(head, type, member) \
	(list_empty(head) ? NULL : list_first_entry(head, type, member))
/* The entry after @pos on its list (the head's container at the end). */
#define list_next_entry(pos, member) \
	container_of((pos)->member.next, typeof(*(pos)), member)

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)
/* Visits every entry; @pos must not be removed inside the loop. */
#define list_for_each_entry(pos, head, member) \
	for (pos = container_of((head)->next, typeof(*pos), member); \
	     &pos->member != (head); \
	     pos = container_of(pos->member.next, typeof(*pos), member))
/* As above, but @pos may be removed: @n already holds the next one. */
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = container_of((head)->next, typeof(*pos), member), \
	     n = container_of(pos->member.next, typeof(*pos), member); \
	     &pos->member != (head); \
	     pos = n, n = container_of(n->member.next, typeof(*n), member))
/* The entry of @ptr's type that holds list node @node in its @member. */
#define list_entry_of(node, ptr, member) container_of(node, typeof(*(ptr)), member)

/* Visits every entry, last first; @pos must not be removed inside the loop. */
#define list_for_each_entry_reverse(it, list, field) \
	for (it = list_entry_of((list)->prev, it, field); \
	     (list) != &it->field; \
	     it = list_entry_of(it->field.prev, it, field))
/* list_for_each_entry_safe(), starting at @pos itself instead of the first. */
#define list_for_each_entry_safe_from(it, next_it, list, field) \
	for (next_it = list_entry_of((it)->field.next, it, field); \
	     (list) != &it->field; \
	     it = next_it, next_it = list_entry_of(next_it->field.next, \
						   next_it, field))

#endif /* _LINUX_LIST_H */
