// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc: virtually contiguous kernel memory, and kernel stacks.
 *
 * DOC: vmalloc
 *
 * Areas are kept on one list sorted by address; a new area takes the
 * first gap that fits (first fit from VMALLOC_START). Every area starts
 * with an unmapped guard page, so overrunning an area, or a stack
 * growing past its bottom, faults instead of corrupting a neighbour.
 * Each page of a vmalloc area records its address in page->virtual.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include "internal.h"

/* vmap_lock protects vmap_areas, vmalloc_pages and stack_pages. */
static DEFINE_SPINLOCK(vmap_lock);
static LIST_HEAD(vmap_areas);
static unsigned long vmalloc_pages;
static unsigned long stack_pages;

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/* Inserts @vm at the first gap of vm->size bytes. vmap_lock held. */
static int insert_vm_area(struct vm_struct *vm)
{
	unsigned long addr = VMALLOC_START;
	struct vm_struct *cur;

	list_for_each_entry(cur, &vmap_areas, list) {
		if (cur->addr - addr >= vm->size)
			break;
		addr = cur->addr + cur->size;
	}
	if (addr > VMALLOC_END || VMALLOC_END - addr < vm->size)
		return -ENOMEM;
	vm->addr = addr;
	/* cur is the first area above the gap (or the list head). */
	list_add_tail(&vm->list, &cur->list);
	return 0;
}

static struct vm_struct *get_vm_area(unsigned long size, unsigned long flags,
				     const void *caller)
{
	struct vm_struct *vm = kzalloc(sizeof(*vm), GFP_KERNEL);
	unsigned long lock_flags;
	int ret;

	if (!vm)
		return NULL;
	vm->size = PAGE_ALIGN(size) + PAGE_SIZE;
	vm->flags = flags;
	vm->caller = caller;
	spin_lock_irqsave(&vmap_lock, lock_flags);
	ret = insert_vm_area(vm);
	spin_unlock_irqrestore(&vmap_lock, lock_flags);
	if (ret) {
		kfree(vm);
		return NULL;
	}
	return vm;
}

static unsigned long vm_start(const struct vm_struct *vm)
{
	return vm->addr + PAGE_SIZE;
}

/**
 * find_vm_area - the area whose usable part starts at @addr
 * Return: the area, or NULL.
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *vm, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	list_for_each_entry(vm, &vmap_areas, list) {
		if (vm_start(vm) == (unsigned long)addr) {
			found = vm;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	return found;
}

static void account(struct vm_struct *vm, long sign)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	if (vm->flags & VM_ALLOC)
		vmalloc_pages += sign * vm->nr_pages;
	if (vm->flags & VM_STACK)
		stack_pages += sign * vm->nr_pages;
	spin_unlock_irqrestore(&vmap_lock, flags);
}

/* Maps vm->pages; on failure unmaps what it mapped. */
static int map_vm_area(struct vm_struct *vm)
{
	unsigned int i;

	for (i = 0; i < vm->nr_pages; i++) {
		unsigned long va = vm_start(vm) + i * PAGE_SIZE;
		int ret = kernel_map_range(va, page_to_phys(vm->pages[i]),
					   PAGE_SIZE, PAGE_KERNEL, 0);

		if (ret) {
			kernel_unmap_range(vm_start(vm), i * PAGE_SIZE);
			return ret;
		}
	}
	return 0;
}

static void remove_vm_area(struct vm_struct *vm)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	list_del(&vm->list);
	spin_unlock_irqrestore(&vmap_lock, flags);
}

/**
 * __vmalloc_node - allocate @size bytes of virtually contiguous memory
 * @gfp: for the pages (__GFP_ZERO zeroes them)
 * @nid: preferred node for the pages
 * @vm_flags: VM_ALLOC or VM_ALLOC | VM_STACK
 *
 * Return: the address, or NULL for size 0 or when out of memory or range.
 */
void *__vmalloc_node(unsigned long size, gfp_t gfp, int nid,
		     unsigned long vm_flags, const void *caller)
{
	struct vm_struct *vm;
	unsigned int i;

	if (!size || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	/* More pages than RAM never fit, nor would vm->nr_pages hold them. */
	if (PAGE_ALIGN(size) >> PAGE_SHIFT > min_t(unsigned long,
						   totalram_pages(), UINT_MAX))
		return NULL;
	vm = get_vm_area(size, vm_flags | VM_ALLOC, caller);
	if (!vm)
		return NULL;
	vm->nr_pages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	vm->pages = kcalloc(vm->nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!vm->pages)
		goto free_area;
	for (i = 0; i < vm->nr_pages; i++) {
		vm->pages[i] = __alloc_pages(gfp, 0, nid);
		if (!vm->pages[i])
			goto free_pages;
	}
	if (map_vm_area(vm))
		goto free_pages;
	for (i = 0; i < vm->nr_pages; i++) {
		vm->pages[i]->type = PGTY_VMALLOC;
		vm->pages[i]->virtual = vm_start(vm) + i * PAGE_SIZE;
	}
	account(vm, 1);
	return (void *)vm_start(vm);

free_pages:
	for (i = 0; i < vm->nr_pages && vm->pages[i]; i++)
		__free_page(vm->pages[i]);
	kfree(vm->pages);
free_area:
	remove_vm_area(vm);
	kfree(vm);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL, 0, VM_ALLOC,
			      __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL | __GFP_ZERO, 0, VM_ALLOC,
			      __builtin_return_address(0));
}

/**
 * vfree - release memory from vmalloc()/vzalloc()
 *
 * NULL is ignored; an address that does not start a vmalloc area is
 * reported and ignored.
 */
void vfree(const void *addr)
{
	struct vm_struct *vm;
	unsigned int i;

	if (!addr)
		return;
	vm = find_vm_area(addr);
	if (WARN_ON_ONCE(!vm || !(vm->flags & VM_ALLOC)))
		return;
	/* Unmap first: once removed, the range can be handed out again. */
	kernel_unmap_range(vm_start(vm), vm->nr_pages * PAGE_SIZE);
	remove_vm_area(vm);
	account(vm, -1);
	for (i = 0; i < vm->nr_pages; i++) {
		vm->pages[i]->type = PGTY_NONE;
		vm->pages[i]->virtual = 0;
		__free_page(vm->pages[i]);
	}
	kfree(vm->pages);
	kfree(vm);
}

/**
 * vmap - map @count caller-owned pages contiguously
 *
 * The pages stay the caller's; vunmap() removes the mapping only.
 * Return: the address, or NULL.
 */
void *vmap(struct page **pages, unsigned int count)
{
	struct vm_struct *vm;

	if (!count)
		return NULL;
	vm = get_vm_area((unsigned long)count << PAGE_SHIFT, VM_MAP,
			 __builtin_return_address(0));
	if (!vm)
		return NULL;
	vm->pages = pages;
	vm->nr_pages = count;
	if (map_vm_area(vm)) {
		remove_vm_area(vm);
		kfree(vm);
		return NULL;
	}
	return (void *)vm_start(vm);
}

/* Removes a vmap() mapping; NULL is ignored. */
void vunmap(const void *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = find_vm_area(addr);
	if (WARN_ON_ONCE(!vm || !(vm->flags & VM_MAP)))
		return;
	kernel_unmap_range(vm_start(vm), vm->nr_pages * PAGE_SIZE);
	remove_vm_area(vm);
	kfree(vm);
}

/**
 * vmalloc_to_page - the page mapped at a vmalloc address
 * Return: the page, or NULL when @addr is not mapped there.
 */
struct page *vmalloc_to_page(const void *addr)
{
	phys_addr_t pa;

	if (!is_vmalloc_addr(addr))
		return NULL;
	pa = kernel_virt_to_phys((unsigned long)addr);
	return pa == PHYS_ADDR_MAX ? NULL : phys_to_page(pa);
}

unsigned long vmalloc_nr_pages(void)
{
	return vmalloc_pages;
}

/**
 * alloc_thread_stack - a THREAD_SIZE kernel stack with a guard page below
 * Return: the lowest address of the stack (it grows down from +THREAD_SIZE).
 */
void *alloc_thread_stack(int nid)
{
	return __vmalloc_node(THREAD_SIZE, GFP_KERNEL, nid, VM_STACK,
			      __builtin_return_address(0));
}

void free_thread_stack(void *stack)
{
	vfree(stack);
}

unsigned long kernel_stack_pages(void)
{
	return stack_pages;
}

void vmalloc_init(void)
{
	pr_info("vmalloc: %luG of range at %#lx, kernel heap at %#lx\n",
		(VMALLOC_END - VMALLOC_START) >> 30, VMALLOC_START, KHEAP_START);
}
