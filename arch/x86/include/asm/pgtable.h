/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel page tables. One entry format serves all four levels: the bits
 * are defined here once, with accessors; nothing else builds entries by
 * hand. Level numbers: 4 = PML4, 3 = PDPT (1 GiB leaves), 2 = PD (2 MiB
 * leaves), 1 = PT (4 KiB leaves).
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>

typedef u64 pgentry_t;
typedef u64 pgprot_t;

#define _PAGE_PRESENT	(1ULL << 0)
#define _PAGE_RW	(1ULL << 1)
#define _PAGE_USER	(1ULL << 2)
#define _PAGE_PWT	(1ULL << 3)
#define _PAGE_PCD	(1ULL << 4)
#define _PAGE_ACCESSED	(1ULL << 5)
#define _PAGE_DIRTY	(1ULL << 6)
#define _PAGE_PSE	(1ULL << 7)	/* leaf at level 2 or 3 */
#define _PAGE_GLOBAL	(1ULL << 8)
#define _PAGE_NX	(1ULL << 63)
/*
 * Software bit 9: in a user leaf whose _PAGE_PRESENT is clear, the page
 * named by the address bits is being migrated; the other bits are the
 * entry as it was (mm/rmap.c).
 */
#define _PAGE_MIGRATION	(1ULL << 9)
#define PTE_ADDR_MASK	0x000ffffffffff000ULL
#define PTE_PROT_MASK	(~PTE_ADDR_MASK & ~_PAGE_PSE)

#define PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
			 _PAGE_DIRTY | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_RO	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_RX	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL_NOCACHE (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)
/* User pages: never global, since user mappings will be per process. */
#define PAGE_USER_RW	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
			 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_NX)
#define PAGE_USER_RX	(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)

#define PG_LEVEL_4K	1
#define PG_LEVEL_2M	2
#define PG_LEVEL_1G	3
#define PG_LEVEL_PML4	4

static inline bool pgentry_present(pgentry_t e) { return e & _PAGE_PRESENT; }
static inline bool pgentry_writable(pgentry_t e) { return e & _PAGE_RW; }
static inline bool pgentry_exec(pgentry_t e) { return !(e & _PAGE_NX); }
static inline phys_addr_t pgentry_addr(pgentry_t e) { return e & PTE_ADDR_MASK; }
static inline pgprot_t pgentry_prot(pgentry_t e) { return e & PTE_PROT_MASK; }

/* A leaf at @level (a 4K entry, or a 2M/1G entry with PSE). */
static inline bool pgentry_leaf(pgentry_t e, int level)
{
	return pgentry_present(e) && (level == PG_LEVEL_4K || (e & _PAGE_PSE));
}

static inline pgentry_t mk_leaf(phys_addr_t pa, pgprot_t prot, int level)
{
	return (pa & PTE_ADDR_MASK) | prot | (level > PG_LEVEL_4K ? _PAGE_PSE : 0);
}

/* A user leaf that names a page under migration (see _PAGE_MIGRATION). */
static inline bool pgentry_migration(pgentry_t e)
{
	return (e & (_PAGE_PRESENT | _PAGE_MIGRATION)) == _PAGE_MIGRATION;
}

/* Present user leaf @e made a migration entry: same page, same bits. */
static inline pgentry_t mk_migration_entry(pgentry_t e)
{
	return (e & ~_PAGE_PRESENT) | _PAGE_MIGRATION;
}

/* Migration entry @e made a present leaf again, for the page at @pa. */
static inline pgentry_t migration_entry_restore(pgentry_t e, phys_addr_t pa)
{
	return mk_leaf(pa, (pgentry_prot(e) & ~_PAGE_MIGRATION) | _PAGE_PRESENT,
		       PG_LEVEL_4K);
}

static inline pgentry_t mk_table(phys_addr_t pa)
{
	return (pa & PTE_ADDR_MASK) | PAGE_TABLE;
}

static inline unsigned long pg_level_size(int level)
{
	return 1UL << (PAGE_SHIFT + 9 * (level - 1));
}

static inline unsigned int pg_index(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * (level - 1))) & (PTRS_PER_TABLE - 1);
}

/* Flags for kernel_map_range(). */
#define KMAP_LARGE	0x1	/* may use 2 MiB and 1 GiB leaves */
#define KMAP_NO_1G	0x2	/* ... but not 1 GiB ones */
#define KMAP_USER	0x4	/* tables it adds are user-accessible */

int kernel_map_range(unsigned long va, phys_addr_t pa, unsigned long size,
		     pgprot_t prot, unsigned int flags);
void kernel_unmap_range(unsigned long va, unsigned long size);
int user_map_page(unsigned long va, phys_addr_t pa, pgprot_t prot);
void user_unmap_page(unsigned long va);
pgentry_t *lookup_address(unsigned long va, int *level);
pgentry_t kernel_lookup_entry(unsigned long va, int *level);
phys_addr_t kernel_virt_to_phys(unsigned long va);
unsigned long pgtable_pages_in_use(void);

struct mm_struct;
struct page;
int pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm);

/* Page-table pages and their mover (pgtable.c, pgtable_move.c). */
void pgtable_page_init(struct page *page, struct mm_struct *mm, int level,
		       unsigned long va);
void pgtable_page_clear(struct page *page);
unsigned long pgtable_type_boot_tables(void);
bool kernel_pgtables_locked(void);
void pgd_sync_kernel_entry(const pgentry_t *e);
int pgtable_move_page(struct page *old, struct page *new);

void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_all(void);
void flush_tlb_this_cpu(void);

/* Physical memory as mm sees it at boot: early map first, direct map later. */
void *boot_phys_to_virt(phys_addr_t pa);
extern bool direct_map_ready;
extern pgentry_t *kernel_pml4;

void init_mem_mapping(void);
int arch_map_direct(phys_addr_t start, phys_addr_t end);
/* Bytes of the direct map per leaf level (index PG_LEVEL_4K..PG_LEVEL_1G). */
void direct_map_sizes(unsigned long bytes[4]);
void mark_rodata_ro_check(void);

#endif /* _ASM_X86_PGTABLE_H */
