// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time ACPI tables: from the RSDP in the PVH start info through the
 * XSDT/RSDT to every table, each checked before use, and the walker for
 * tables made of typed subtables (MADT, SRAT and the like).
 *
 * DOC: tables
 *
 * acpi_table_init_early() runs in setup_arch() once memremap() works and
 * before any allocator: it keeps a fixed list of the tables whose header
 * and checksum are sound, each mapped once for good (ACPICA later reuses
 * these mappings through acpi_os_map_memory()). A table with a bad length
 * or checksum is reported and left out, so nothing after this point ever
 * reads it. The walker checks a table's whole subtable chain before it
 * calls any handler: an entry shorter than its own header, one that runs
 * past the table's end, or a zero length rejects the table as a whole;
 * entries of unknown types, or too short for their known type, are
 * reported and skipped.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/bootparam.h>
#include <asm/io.h>
#include "internal.h"

bool acpi_disabled;

/* acpi=off is the only value Tide knows; anything else is reported. */
static int __init acpi_off_setup(char *val)
{
	if (!val || strcmp(val, "off"))
		return -EINVAL;
	acpi_disabled = true;
	return 0;
}
early_param("acpi", acpi_off_setup);

struct acpi_early_table {
	phys_addr_t pa;
	struct acpi_table_header *va;	/* mapped for good, whole table */
	u32 len;
};

static struct acpi_early_table early_tables[ACPI_MAX_EARLY_TABLES];
static int nr_early_tables;

/**
 * acpi_checksum - the byte sum ACPI checksums make zero
 *
 * Return: the sum of @len bytes at @buf, modulo 256; 0 means valid.
 */
u8 acpi_checksum(const void *buf, size_t len)
{
	const u8 *p = buf;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/**
 * acpi_rsdp_check - validate a Root System Description Pointer
 * @rsdp: the structure
 * @avail: bytes readable at @rsdp
 *
 * Revision 0 (ACPI 1.0) has the 20-byte checksum only; revision 2 and up
 * also a length and an extended checksum over that length.
 *
 * Return: 0 if valid, -EINVAL for a bad signature, checksum or length.
 */
int acpi_rsdp_check(const struct acpi_table_rsdp *rsdp, size_t avail)
{
	if (avail < ACPI_RSDP_CHECKSUM_LENGTH ||
	    memcmp(rsdp->signature, ACPI_SIG_RSDP, 8))
		return -EINVAL;
	if (acpi_checksum(rsdp, ACPI_RSDP_CHECKSUM_LENGTH))
		return -EINVAL;
	if (rsdp->revision < 2)
		return 0;
	if (avail < ACPI_RSDP_XCHECKSUM_LENGTH ||
	    rsdp->length < ACPI_RSDP_XCHECKSUM_LENGTH || rsdp->length > avail)
		return -EINVAL;
	return acpi_checksum(rsdp, rsdp->length) ? -EINVAL : 0;
}

/**
 * acpi_table_check - validate a table's header and checksum
 * @table: the table
 * @avail: bytes readable at @table
 *
 * Return: 0 if valid, -EINVAL if its length is below a header's, above
 * @avail (or ACPI_MAX_TABLE_LEN), or its checksum is wrong.
 */
int acpi_table_check(const struct acpi_table_header *table, size_t avail)
{
	if (avail < sizeof(*table))
		return -EINVAL;
	if (table->length < sizeof(*table) || table->length > avail ||
	    table->length > ACPI_MAX_TABLE_LEN)
		return -EINVAL;
	return acpi_checksum(table, table->length) ? -EINVAL : 0;
}

/*
 * acpi.debug=1 lists the valid tables here (ACPICA lists them again when
 * it loads the namespace) and the namespace's devices (bus.c). Invalid
 * tables are always reported.
 */
bool acpi_debug;

static int __init acpi_debug_setup(char *val)
{
	return kstrtobool(val ? val : "1", &acpi_debug);
}
early_param("acpi.debug", acpi_debug_setup);

static void acpi_print_table(phys_addr_t pa, const struct acpi_table_header *t)
{
	if (!acpi_debug && !acpi_table_check(t, t->length))
		return;
	pr_info("ACPI: %.4s %#018llx %06X (v%02d %-6.6s %-8.8s %08X %-4.4s %08X)\n",
		t->signature, pa, t->length, t->revision, t->oem_id,
		t->oem_table_id, t->oem_revision, t->asl_compiler_id,
		t->asl_compiler_revision);
}

/*
 * Maps the table at @pa whole, checks it and adds it to the list. FACS
 * has no checksum, only a length.
 */
static void __init acpi_add_early_table(phys_addr_t pa)
{
	struct acpi_table_header *hdr, *t;
	bool facs;
	u32 len;
	int i;

	if (!pa)
		return;
	for (i = 0; i < nr_early_tables; i++)
		if (early_tables[i].pa == pa)
			return;
	if (nr_early_tables == ACPI_MAX_EARLY_TABLES) {
		pr_warn("ACPI: more than %d tables, %#llx ignored\n",
			ACPI_MAX_EARLY_TABLES, pa);
		return;
	}
	hdr = memremap(pa, sizeof(*hdr), MEMREMAP_WB);
	if (!hdr) {
		pr_warn("ACPI: cannot map table at %#llx\n", pa);
		return;
	}
	len = hdr->length;
	facs = ACPI_COMPARE_NAMESEG(hdr->signature, ACPI_SIG_FACS);
	memunmap(hdr);
	if (len < (facs ? 64 : sizeof(*hdr)) || len > ACPI_MAX_TABLE_LEN) {
		pr_warn("ACPI: table at %#llx has bad length %u, ignored\n", pa, len);
		return;
	}
	t = memremap(pa, len, MEMREMAP_WB);
	if (!t) {
		pr_warn("ACPI: cannot map table at %#llx\n", pa);
		return;
	}
	if (facs) {
		if (acpi_debug)
			pr_info("ACPI: FACS %#018llx %06X\n", pa, len);
	} else {
		acpi_print_table(pa, t);
		if (acpi_table_check(t, len)) {
			pr_warn("ACPI: %.4s at %#llx: bad checksum (sum %#x), ignored\n",
				t->signature, pa, acpi_checksum(t, len));
			memunmap(t);
			return;
		}
	}
	early_tables[nr_early_tables].pa = pa;
	early_tables[nr_early_tables].va = t;
	early_tables[nr_early_tables].len = len;
	nr_early_tables++;
}

/* The FADT points at the DSDT and FACS; the 64-bit fields win if set. */
static void __init acpi_add_fadt_tables(struct acpi_table_fadt *fadt)
{
	u32 len = fadt->header.length;
	u64 dsdt = fadt->dsdt, facs = fadt->facs;

	if (len >= offsetof(struct acpi_table_fadt, Xdsdt) + 8 && fadt->Xdsdt)
		dsdt = fadt->Xdsdt;
	if (len >= offsetof(struct acpi_table_fadt, Xfacs) + 8 && fadt->Xfacs)
		facs = fadt->Xfacs;
	acpi_add_early_table(facs);
	acpi_add_early_table(dsdt);
}

/* Maps and checks the XSDT or RSDT at @pa; NULL if unusable. */
static struct acpi_table_header * __init acpi_map_root(phys_addr_t pa,
							const char *sig)
{
	struct acpi_table_header *hdr;
	u32 len;

	hdr = memremap(pa, sizeof(*hdr), MEMREMAP_WB);
	if (!hdr)
		return NULL;
	len = hdr->length;
	memunmap(hdr);
	if (len < sizeof(*hdr) || len > ACPI_MAX_TABLE_LEN) {
		pr_warn("ACPI: %s at %#llx has bad length %u\n", sig, pa, len);
		return NULL;
	}
	hdr = memremap(pa, len, MEMREMAP_WB);
	if (!hdr)
		return NULL;
	acpi_print_table(pa, hdr);
	if (!ACPI_COMPARE_NAMESEG(hdr->signature, sig) || acpi_table_check(hdr, len)) {
		pr_warn("ACPI: %s at %#llx: bad signature or checksum\n", sig, pa);
		memunmap(hdr);
		return NULL;
	}
	return hdr;
}

/**
 * acpi_table_init_early - find, check and map every ACPI table
 *
 * Called from setup_arch() after init_mem_mapping(); uses memremap() only.
 *
 * Return: the number of valid tables, -ENODEV without an RSDP (or with
 * acpi=off), -EINVAL when the RSDP or both root tables are corrupt.
 */
int __init acpi_table_init_early(void)
{
	struct acpi_table_rsdp *rsdp;
	struct acpi_table_header *root = NULL;
	phys_addr_t rsdt_pa, xsdt_pa = 0;
	unsigned int entry_size = 4, n, i;
	int rev;

	if (acpi_disabled || !boot_info.rsdp_pa)
		return -ENODEV;
	rsdp = memremap(boot_info.rsdp_pa, sizeof(*rsdp), MEMREMAP_WB);
	if (!rsdp)
		return -ENODEV;
	rev = rsdp->revision;
	if (acpi_rsdp_check(rsdp, sizeof(*rsdp))) {
		pr_err("ACPI: RSDP at %#llx is corrupt, ACPI disabled\n",
		       boot_info.rsdp_pa);
		memunmap(rsdp);
		acpi_disabled = true;
		return -EINVAL;
	}
	if (acpi_debug)
		pr_info("ACPI: RSDP %#018llx %06X (v%02d %-6.6s)\n", boot_info.rsdp_pa,
		rev >= 2 ? rsdp->length : ACPI_RSDP_CHECKSUM_LENGTH, rev,
		rsdp->oem_id);
	rsdt_pa = rsdp->rsdt_physical_address;
	if (rev >= 2)
		xsdt_pa = rsdp->xsdt_physical_address;
	memunmap(rsdp);

	if (xsdt_pa) {
		root = acpi_map_root(xsdt_pa, ACPI_SIG_XSDT);
		entry_size = 8;
	}
	if (!root && rsdt_pa) {
		root = acpi_map_root(rsdt_pa, ACPI_SIG_RSDT);
		entry_size = 4;
	}
	if (!root) {
		pr_err("ACPI: no usable XSDT or RSDT, ACPI disabled\n");
		acpi_disabled = true;
		return -EINVAL;
	}

	n = (root->length - sizeof(*root)) / entry_size;
	for (i = 0; i < n; i++) {
		const u8 *e = (const u8 *)(root + 1) + i * entry_size;
		u64 pa = 0;

		memcpy(&pa, e, entry_size);	/* XSDT entries are unaligned */
		acpi_add_early_table(pa);
	}
	memunmap(root);

	for (i = 0; i < nr_early_tables; i++)
		if (ACPI_COMPARE_NAMESEG(early_tables[i].va->signature, ACPI_SIG_FADT))
			acpi_add_fadt_tables((struct acpi_table_fadt *)early_tables[i].va);
	acpi_parse_fadt();
	return nr_early_tables;
}

/**
 * acpi_get_table_early - a valid table by signature
 * @sig: four characters, e.g. "SRAT"
 * @instance: 0 for the first table with @sig, 1 for the second...
 *
 * Return: the mapped table (valid until shutdown), or NULL.
 */
struct acpi_table_header *acpi_get_table_early(const char *sig, int instance)
{
	int i;

	for (i = 0; i < nr_early_tables; i++)
		if (ACPI_COMPARE_NAMESEG(early_tables[i].va->signature, sig) &&
		    instance-- == 0)
			return early_tables[i].va;
	return NULL;
}

int acpi_early_table_count(void)
{
	return nr_early_tables;
}

/* The mapping of [@pa, @pa + @size) if one boot-time table holds it all. */
void *acpi_early_table_va(phys_addr_t pa, size_t size)
{
	int i;

	for (i = 0; i < nr_early_tables; i++) {
		struct acpi_early_table *t = &early_tables[i];

		if (pa >= t->pa && size <= t->len && pa - t->pa <= t->len - size)
			return (u8 *)t->va + (pa - t->pa);
	}
	return NULL;
}

bool acpi_early_table_owns(const void *va)
{
	const u8 *p = va;
	int i;

	for (i = 0; i < nr_early_tables; i++) {
		const u8 *start = (const u8 *)early_tables[i].va;

		if (p >= start && p < start + early_tables[i].len)
			return true;
	}
	return false;
}

/*
 * Smallest valid length of each subtable type of the tables the walker
 * knows (ACPI 6.5, 5.2.12 and 5.2.16). A type not listed is unknown.
 */
struct acpi_subtable_kind {
	char sig[ACPI_NAMESEG_SIZE];
	u8 type;
	u8 min_len;
};

static const struct acpi_subtable_kind acpi_subtable_kinds[] = {
	{ "APIC", ACPI_MADT_TYPE_LOCAL_APIC, sizeof(struct acpi_madt_local_apic) },
	{ "APIC", ACPI_MADT_TYPE_IO_APIC, sizeof(struct acpi_madt_io_apic) },
	{ "APIC", ACPI_MADT_TYPE_INTERRUPT_OVERRIDE,
	  sizeof(struct acpi_madt_interrupt_override) },
	{ "APIC", ACPI_MADT_TYPE_NMI_SOURCE, sizeof(struct acpi_madt_nmi_source) },
	{ "APIC", ACPI_MADT_TYPE_LOCAL_APIC_NMI,
	  sizeof(struct acpi_madt_local_apic_nmi) },
	{ "APIC", ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE,
	  sizeof(struct acpi_madt_local_apic_override) },
	{ "APIC", ACPI_MADT_TYPE_LOCAL_X2APIC, sizeof(struct acpi_madt_local_x2apic) },
	{ "APIC", ACPI_MADT_TYPE_LOCAL_X2APIC_NMI,
	  sizeof(struct acpi_madt_local_x2apic_nmi) },
	{ "SRAT", ACPI_SRAT_TYPE_CPU_AFFINITY, sizeof(struct acpi_srat_cpu_affinity) },
	{ "SRAT", ACPI_SRAT_TYPE_MEMORY_AFFINITY,
	  sizeof(struct acpi_srat_mem_affinity) },
	{ "SRAT", ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY,
	  sizeof(struct acpi_srat_x2apic_cpu_affinity) },
	{ "SRAT", ACPI_SRAT_TYPE_GENERIC_AFFINITY,
	  sizeof(struct acpi_srat_generic_affinity) },
	{ "SRAT", ACPI_SRAT_TYPE_GENERIC_PORT_AFFINITY,
	  sizeof(struct acpi_srat_generic_affinity) },
};

/* Minimum length of (@sig, @type), or 0 when the walker does not know it. */
static unsigned int acpi_subtable_min_len(const char *sig, u8 type)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(acpi_subtable_kinds); i++)
		if (!memcmp(acpi_subtable_kinds[i].sig, sig, ACPI_NAMESEG_SIZE) &&
		    acpi_subtable_kinds[i].type == type)
			return acpi_subtable_kinds[i].min_len;
	return 0;
}

/* Checks the chain of subtables; 0 or -EINVAL, reporting the first fault. */
static int acpi_check_subtables(const struct acpi_table_header *table,
				size_t hdr_size)
{
	const u8 *p = (const u8 *)table + hdr_size;
	const u8 *end = (const u8 *)table + table->length;
	const struct acpi_subtable_header *e;

	while (p < end) {
		e = (const void *)p;
		if (end - p < sizeof(*e)) {
			pr_warn("ACPI: %.4s: truncated entry at offset %#lx, table ignored\n",
				table->signature, (unsigned long)(p - (const u8 *)table));
			return -EINVAL;
		}
		if (e->length < sizeof(*e)) {
			pr_warn("ACPI: %.4s: entry at offset %#lx has length %u, table ignored\n",
				table->signature, (unsigned long)(p - (const u8 *)table),
				e->length);
			return -EINVAL;
		}
		if (e->length > end - p) {
			pr_warn("ACPI: %.4s: entry at offset %#lx (length %u) runs past the end, table ignored\n",
				table->signature, (unsigned long)(p - (const u8 *)table),
				e->length);
			return -EINVAL;
		}
		p += e->length;
	}
	return 0;
}

/**
 * acpi_parse_entries_buf - walk the subtables of a table in memory
 * @table: a table whose checksum was checked (any buffer, for tests)
 * @table_hdr_size: bytes before the first subtable
 * @entry_type: the type to hand to @handler, or ACPI_ANY_SUBTABLE
 * @handler: called per matching entry with @arg and the table's end
 *	address; a negative return stops the walk and is returned
 * @arg: passed through to @handler
 * @max_entries: at most this many handler calls, 0 for no limit
 *
 * Entries of a type the walker does not know, or shorter than their type
 * needs, are reported and skipped; they never reach @handler.
 *
 * Return: the number of handler calls, -EINVAL when the table is too
 * short for @table_hdr_size or its subtable chain is corrupt (then no
 * handler ran), or the handler's negative return.
 */
int acpi_parse_entries_buf(const struct acpi_table_header *table,
			   size_t table_hdr_size, int entry_type,
			   acpi_tbl_entry_handler handler, void *arg,
			   unsigned int max_entries)
{
	const u8 *p, *end;
	unsigned int count = 0, ignored = 0;
	int ret;

	if (!table || !handler || table_hdr_size < sizeof(*table))
		return -EINVAL;
	if (table->length < table_hdr_size) {
		pr_warn("ACPI: %.4s: length %u is shorter than its header, table ignored\n",
			table->signature, table->length);
		return -EINVAL;
	}
	ret = acpi_check_subtables(table, table_hdr_size);
	if (ret)
		return ret;

	p = (const u8 *)table + table_hdr_size;
	end = (const u8 *)table + table->length;
	for (; p < end; p += ((const struct acpi_subtable_header *)p)->length) {
		const struct acpi_subtable_header *e = (const void *)p;
		unsigned int min = acpi_subtable_min_len(table->signature, e->type);

		if (!min) {
			pr_warn("ACPI: %.4s: unknown entry type %u at offset %#lx, skipped\n",
				table->signature, e->type,
				(unsigned long)(p - (const u8 *)table));
			continue;
		}
		if (entry_type != ACPI_ANY_SUBTABLE && e->type != entry_type)
			continue;
		if (e->length < min) {
			pr_warn("ACPI: %.4s: entry type %u at offset %#lx is %u bytes, needs %u, skipped\n",
				table->signature, e->type,
				(unsigned long)(p - (const u8 *)table), e->length, min);
			continue;
		}
		if (max_entries && count >= max_entries) {
			ignored++;
			continue;
		}
		ret = handler((union acpi_subtable_headers *)e, arg,
			      (unsigned long)end);
		if (ret < 0)
			return ret;
		count++;
	}
	if (ignored)
		pr_warn("ACPI: %.4s: %u entries of type %d over the limit of %u ignored\n",
			table->signature, ignored, entry_type, max_entries);
	return count;
}

/**
 * acpi_table_parse_entries - walk the subtables of a boot-time table
 * @sig: the table's signature; its first instance is walked
 *
 * As acpi_parse_entries_buf() otherwise.
 *
 * Return: the number of handler calls, -ENODEV without such a table,
 * or as acpi_parse_entries_buf().
 */
int acpi_table_parse_entries(const char *sig, size_t table_hdr_size,
			     int entry_type, acpi_tbl_entry_handler handler,
			     void *arg, unsigned int max_entries)
{
	struct acpi_table_header *t = acpi_get_table_early(sig, 0);

	if (!t)
		return -ENODEV;
	return acpi_parse_entries_buf(t, table_hdr_size, entry_type, handler,
				      arg, max_entries);
}
