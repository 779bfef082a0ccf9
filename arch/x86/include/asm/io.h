/* SPDX-License-Identifier: GPL-2.0 */
/* Port I/O. */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

static inline void outb(u8 v, u16 port)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outw(u16 v, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline u16 inw(u16 port)
{
	u16 v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(u32 v, u16 port)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline u32 inl(u16 port)
{
	u32 v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* Memory-mapped I/O: one access of the given width, never merged or torn. */
#define __iomem

static inline u8 readb(const volatile void __iomem *addr)
{
	return *(const volatile u8 *)addr;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	return *(const volatile u16 *)addr;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 *)addr;
}

static inline u64 readq(const volatile void __iomem *addr)
{
	return *(const volatile u64 *)addr;
}

static inline void writeb(u8 v, volatile void __iomem *addr)
{
	*(volatile u8 *)addr = v;
}

static inline void writew(u16 v, volatile void __iomem *addr)
{
	*(volatile u16 *)addr = v;
}

static inline void writel(u32 v, volatile void __iomem *addr)
{
	*(volatile u32 *)addr = v;
}

static inline void writeq(u64 v, volatile void __iomem *addr)
{
	*(volatile u64 *)addr = v;
}

/* Flags for memremap(). */
#define MEMREMAP_WB	0x1	/* cacheable: RAM and firmware tables */

void __iomem *ioremap(phys_addr_t phys, size_t size);
void iounmap(volatile void __iomem *addr);
void *memremap(phys_addr_t phys, size_t size, unsigned long flags);
void memunmap(void *addr);
unsigned long ioremap_nr_areas(void);

#endif /* _ASM_X86_IO_H */
