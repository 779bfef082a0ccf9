// SPDX-License-Identifier: GPL-2.0
/*
 * SRAT and SLIT: memory ranges, CPUs and distances by proximity domain,
 * checked and handed to the NUMA hooks of <asm/numa.h> at boot.
 *
 * DOC: srat
 *
 * Only enabled entries reach the hooks. A memory range that is empty,
 * wraps around, reaches past the CPU's physical address space (the end of
 * iomem_resource, set from MAXPHYADDR before the SRAT is read), or
 * overlaps one already accepted is reported and skipped, so two nodes
 * never claim the same page and no node spans memory the CPU cannot
 * reach. SRAT revision 1 defines only the low 8 bits of a proximity
 * domain; later revisions all 32. SLIT distances are passed on only
 * between domains the SRAT named, and only when the matrix is sane (10 on
 * the diagonal, more elsewhere); else the whole SLIT is ignored and the
 * defaults apply.
 *
 * A machine has one SRAT and at most one SLIT. QEMU 7.2 keeps its own
 * when another is passed with -acpitable and lists the extra one after
 * it, so when there are several the last one is used (with a warning):
 * that is the table the user supplied.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <asm/numa.h>
#include "internal.h"

#define SRAT_MAX_PXM_SEEN	256

struct srat_state {
	u8 revision;
	int nr_mem;
	struct { u64 start, end; } mem[NUMA_MAX_MEMBLKS];
	bool pxm_seen[SRAT_MAX_PXM_SEEN];
};

static struct srat_state srat_state __initdata;

static void __init srat_saw_pxm(struct srat_state *st, u32 pxm)
{
	if (pxm < SRAT_MAX_PXM_SEEN)
		st->pxm_seen[pxm] = true;
}

static int __init srat_mem_entry(struct srat_state *st,
				 const struct acpi_srat_mem_affinity *m)
{
	u32 pxm = m->proximity_domain;
	u64 start = m->base_address, end = start + m->length;
	bool hotplug = m->flags & ACPI_SRAT_MEM_HOT_PLUGGABLE;
	int i;

	if (st->revision < 2)
		pxm &= 0xff;
	if (!(m->flags & ACPI_SRAT_MEM_ENABLED) || !m->length)
		return 0;
	if (end < start) {
		pr_warn("ACPI: SRAT: PXM %u [mem %#llx + %#llx] wraps around, skipped\n",
			pxm, start, m->length);
		return 0;
	}
	if (end - 1 > iomem_resource.end) {
		pr_warn("ACPI: SRAT: PXM %u [mem %#018llx-%#018llx] is beyond the CPU's physical addresses (up to %#llx), skipped\n",
			pxm, start, end - 1,
			(unsigned long long)iomem_resource.end);
		return 0;
	}
	for (i = 0; i < st->nr_mem; i++) {
		if (start < st->mem[i].end && end > st->mem[i].start) {
			pr_warn("ACPI: SRAT: PXM %u [mem %#018llx-%#018llx] overlaps [mem %#018llx-%#018llx], skipped\n",
				pxm, start, end - 1, st->mem[i].start,
				st->mem[i].end - 1);
			return 0;
		}
	}
	if (st->nr_mem == NUMA_MAX_MEMBLKS) {
		pr_warn("ACPI: SRAT: too many memory ranges, [mem %#018llx-%#018llx] skipped\n",
			start, end - 1);
		return 0;
	}
	st->mem[st->nr_mem].start = start;
	st->mem[st->nr_mem].end = end;
	st->nr_mem++;
	srat_saw_pxm(st, pxm);
	pr_info("ACPI: SRAT: PXM %u [mem %#018llx-%#018llx]%s%s\n", pxm, start,
		end - 1, hotplug ? " hotplug" : "",
		m->flags & ACPI_SRAT_MEM_NON_VOLATILE ? " non-volatile" : "");
	numa_add_memblk(pxm, start, end, hotplug);
	return 0;
}

static int __init srat_entry(union acpi_subtable_headers *h, void *arg,
			     const unsigned long end)
{
	struct srat_state *st = arg;

	switch (h->common.type) {
	case ACPI_SRAT_TYPE_CPU_AFFINITY: {
		struct acpi_srat_cpu_affinity *c = (void *)h;
		u32 pxm = c->proximity_domain_lo;

		if (!(c->flags & ACPI_SRAT_CPU_USE_AFFINITY))
			break;
		if (st->revision >= 2)
			pxm |= c->proximity_domain_hi[0] << 8 |
			       c->proximity_domain_hi[1] << 16 |
			       (u32)c->proximity_domain_hi[2] << 24;
		srat_saw_pxm(st, pxm);
		pr_info("ACPI: SRAT: PXM %u -> APIC %#04x\n", pxm, c->apic_id);
		numa_add_cpu(pxm, c->apic_id);
		break;
	}
	case ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY: {
		struct acpi_srat_x2apic_cpu_affinity *c = (void *)h;

		if (!(c->flags & ACPI_SRAT_CPU_ENABLED))
			break;
		srat_saw_pxm(st, c->proximity_domain);
		pr_info("ACPI: SRAT: PXM %u -> x2APIC %#x\n",
			c->proximity_domain, c->apic_id);
		numa_add_cpu(c->proximity_domain, c->apic_id);
		break;
	}
	case ACPI_SRAT_TYPE_MEMORY_AFFINITY:
		return srat_mem_entry(st, (void *)h);
	default:
		break;		/* generic initiators: not used */
	}
	return 0;
}

/* The last table with @sig, warning when there is more than one. */
static struct acpi_table_header * __init acpi_last_table(const char *sig)
{
	int n = 0;

	while (acpi_get_table_early(sig, n))
		n++;
	if (n > 1)
		pr_warn("ACPI: %d %.4s tables, using the last one\n", n, sig);
	return n ? acpi_get_table_early(sig, n - 1) : NULL;
}

/* Checks the SLIT matrix whole before passing any distance on. */
static int __init acpi_parse_slit(struct srat_state *st)
{
	struct acpi_table_slit *slit = (void *)acpi_last_table(ACPI_SIG_SLIT);
	u64 n, i, j;

	if (!slit)
		return -ENODEV;
	n = slit->locality_count;
	if (slit->header.length < sizeof(*slit) || n > SRAT_MAX_PXM_SEEN ||
	    slit->header.length < sizeof(*slit) + n * n) {
		pr_warn("ACPI: SLIT: %llu localities do not fit its %u bytes, ignored\n",
			n, slit->header.length);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			u8 d = slit->entry[i * n + j];

			if (i == j ? d != LOCAL_DISTANCE : d <= LOCAL_DISTANCE) {
				pr_warn("ACPI: SLIT: distance %u from %llu to %llu is invalid, SLIT ignored\n",
					d, i, j);
				return -EINVAL;
			}
		}
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (st->pxm_seen[i] && st->pxm_seen[j])
				numa_set_distance(i, j, slit->entry[i * n + j]);
	pr_info("ACPI: SLIT: %llu localities\n", n);
	return 0;
}

/**
 * acpi_numa_init - report the SRAT and SLIT to the NUMA hooks
 *
 * Called from setup_arch() before x86_numa_init(). A corrupt SRAT is
 * reported and ignored as a whole (no hook is called).
 *
 * Return: the number of SRAT entries used, -ENODEV without an SRAT, or
 * -EINVAL when it is corrupt.
 */
int __init acpi_numa_init(void)
{
	struct acpi_table_header *srat = acpi_last_table(ACPI_SIG_SRAT);
	struct srat_state *st = &srat_state;
	int ret;

	if (!srat)
		return -ENODEV;
	memset(st, 0, sizeof(*st));
	st->revision = srat->revision;
	ret = acpi_parse_entries_buf(srat, sizeof(struct acpi_table_srat),
				     ACPI_ANY_SUBTABLE, srat_entry, st, 0);
	if (ret < 0) {
		pr_warn("ACPI: SRAT is corrupt and ignored: no NUMA information\n");
		return ret;
	}
	acpi_parse_slit(st);
	return ret;
}
