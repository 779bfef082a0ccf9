/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc: virtually contiguous memory from scattered pages, mapped in
 * VMALLOC_START..VMALLOC_END with an unmapped guard page below each area.
 * Kernel stacks come from here too.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/list.h>

struct page;

#define VM_ALLOC	0x1	/* pages allocated by vmalloc, freed by vfree */
#define VM_MAP		0x2	/* caller's pages (vmap) */
#define VM_STACK	0x4	/* a kernel stack */

#define THREAD_SIZE	(16UL << 10)

struct vm_struct {
	struct list_head list;		/* sorted by addr, under vmap_lock */
	unsigned long addr;		/* start of the area, guard page included */
	unsigned long size;		/* guard page included */
	struct page **pages;
	unsigned int nr_pages;
	unsigned long flags;
	const void *caller;
};

void vmalloc_init(void);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc_node(unsigned long size, gfp_t gfp, int nid,
		     unsigned long vm_flags, const void *caller);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count);
void vunmap(const void *addr);
struct page *vmalloc_to_page(const void *addr);
bool is_vmalloc_addr(const void *addr);
struct vm_struct *find_vm_area(const void *addr);
unsigned long vmalloc_nr_pages(void);

void *alloc_thread_stack(int nid);
void free_thread_stack(void *stack);
unsigned long kernel_stack_pages(void);

#endif /* _LINUX_VMALLOC_H */
