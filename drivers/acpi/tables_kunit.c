// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "acpi_tables": checksums, RSDP revisions and the subtable
 * walker, fed with tables built in memory: valid, corrupt, truncated,
 * overlapping and with unknown entry types.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/test.h>
#include "internal.h"

#define TBUF_SIZE	512
#define RANGE_SIZE	0x10000000ULL	/* 256 MiB */

/* A table under construction; entries are appended after the header. */
struct tbuf {
	union {
		u8 bytes[TBUF_SIZE];
		struct acpi_table_header hdr;
		u64 align;
	};
	u32 len;
};

static void tbuf_fix_checksum(struct tbuf *t)
{
	t->hdr.length = t->len;
	t->hdr.checksum = 0;
	t->hdr.checksum = -acpi_checksum(t->bytes, t->len);
}

static void tbuf_init_srat(struct tbuf *t)
{
	memset(t, 0, sizeof(*t));
	memcpy(t->hdr.signature, "SRAT", 4);
	t->hdr.revision = 3;
	memcpy(t->hdr.oem_id, "TIDE  ", 6);
	t->len = sizeof(struct acpi_table_srat);
	tbuf_fix_checksum(t);
}

static void tbuf_add(struct tbuf *t, const void *entry, u32 len)
{
	memcpy(t->bytes + t->len, entry, len);
	t->len += len;
	tbuf_fix_checksum(t);
}

static void tbuf_add_cpu(struct tbuf *t, u8 pxm, u8 apic)
{
	struct acpi_srat_cpu_affinity c = {
		.header = { ACPI_SRAT_TYPE_CPU_AFFINITY, sizeof(c) },
		.proximity_domain_lo = pxm, .apic_id = apic,
		.flags = ACPI_SRAT_CPU_USE_AFFINITY,
	};

	tbuf_add(t, &c, sizeof(c));
}

static void tbuf_add_mem(struct tbuf *t, u32 pxm, u64 base, u64 len)
{
	struct acpi_srat_mem_affinity m = {
		.header = { ACPI_SRAT_TYPE_MEMORY_AFFINITY, sizeof(m) },
		.proximity_domain = pxm, .base_address = base, .length = len,
		.flags = ACPI_SRAT_MEM_ENABLED,
	};

	tbuf_add(t, &m, sizeof(m));
}

/* A valid SRAT: two CPUs and two memory ranges. */
static void tbuf_valid_srat(struct tbuf *t)
{
	tbuf_init_srat(t);
	tbuf_add_cpu(t, 0, 0);
	tbuf_add_cpu(t, 1, 1);
	tbuf_add_mem(t, 0, 0, RANGE_SIZE);
	tbuf_add_mem(t, 1, RANGE_SIZE, RANGE_SIZE);
}

/* What the walker handed over, in order. */
struct walk_log {
	int calls;
	u8 types[16];
	int fail_at;		/* return -EIO on this call (1-based), 0: never */
};

static int walk_handler(union acpi_subtable_headers *h, void *arg,
			const unsigned long end)
{
	struct walk_log *log = arg;

	if (log->calls < ARRAY_SIZE(log->types))
		log->types[log->calls] = h->common.type;
	log->calls++;
	return log->calls == log->fail_at ? -EIO : 0;
}

static int walk(struct tbuf *t, int type, struct walk_log *log, unsigned int max)
{
	memset(log->types, 0xee, sizeof(log->types));
	log->calls = 0;
	return acpi_parse_entries_buf(&t->hdr, sizeof(struct acpi_table_srat),
				      type, walk_handler, log, max);
}

static void acpi_table_checksum_valid(struct kunit *test)
{
	struct tbuf t;

	tbuf_valid_srat(&t);
	KUNIT_EXPECT_EQ(test, acpi_checksum(t.bytes, t.len), 0);
	KUNIT_EXPECT_EQ(test, acpi_table_check(&t.hdr, t.len), 0);
}

static void acpi_table_checksum_bad(struct kunit *test)
{
	struct tbuf t;

	tbuf_valid_srat(&t);
	t.bytes[t.len - 1] ^= 0x01;	/* one bit of the last entry */
	KUNIT_EXPECT_EQ(test, acpi_table_check(&t.hdr, t.len), -EINVAL);
}

static void acpi_table_length_bad(struct kunit *test)
{
	struct tbuf t;

	tbuf_valid_srat(&t);
	/* Longer than what is readable: a table cut short. */
	KUNIT_EXPECT_EQ(test, acpi_table_check(&t.hdr, t.len - 1), -EINVAL);
	/* Shorter than a header. */
	t.len = sizeof(t.hdr) - 1;
	tbuf_fix_checksum(&t);
	KUNIT_EXPECT_EQ(test, acpi_table_check(&t.hdr, TBUF_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, acpi_table_check(&t.hdr, 8), -EINVAL);
}

/* An RSDP of @rev with both checksums right. */
static void make_rsdp(struct acpi_table_rsdp *r, u8 rev)
{
	memset(r, 0, sizeof(*r));
	memcpy(r->signature, ACPI_SIG_RSDP, 8);
	memcpy(r->oem_id, "TIDE  ", 6);
	r->revision = rev;
	r->rsdt_physical_address = 0x1000;
	if (rev >= 2) {
		r->length = sizeof(*r);
		r->xsdt_physical_address = 0x2000;
	}
	r->checksum = -acpi_checksum(r, ACPI_RSDP_CHECKSUM_LENGTH);
	if (rev >= 2)
		r->extended_checksum = -acpi_checksum(r, sizeof(*r));
}

static void acpi_rsdp_v1(struct kunit *test)
{
	struct acpi_table_rsdp r;

	make_rsdp(&r, 0);
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, ACPI_RSDP_CHECKSUM_LENGTH), 0);
	/* v1 ignores the 2.0 fields, whatever they hold. */
	r.length = 0xdead;
	r.extended_checksum = 0x42;
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, sizeof(r)), 0);
	r.checksum++;
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, sizeof(r)), -EINVAL);
}

static void acpi_rsdp_v2(struct kunit *test)
{
	struct acpi_table_rsdp r;

	make_rsdp(&r, 2);
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, sizeof(r)), 0);
	/* Only 20 bytes readable: the extended part cannot be checked. */
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, ACPI_RSDP_CHECKSUM_LENGTH), -EINVAL);
	/* First checksum right, extended one wrong. */
	r.extended_checksum++;
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, sizeof(r)), -EINVAL);
	/* Length below the 2.0 structure's. */
	make_rsdp(&r, 2);
	r.length = ACPI_RSDP_CHECKSUM_LENGTH;
	r.extended_checksum = 0;
	r.extended_checksum = -acpi_checksum(&r, sizeof(r));
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, sizeof(r)), -EINVAL);
}

static void acpi_rsdp_bad_signature(struct kunit *test)
{
	struct acpi_table_rsdp r;

	make_rsdp(&r, 0);
	r.signature[7] = '!';
	r.checksum = 0;
	r.checksum = -acpi_checksum(&r, ACPI_RSDP_CHECKSUM_LENGTH);
	KUNIT_EXPECT_EQ(test, acpi_rsdp_check(&r, sizeof(r)), -EINVAL);
}

static void acpi_walk_valid(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;

	tbuf_valid_srat(&t);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), 4);
	KUNIT_EXPECT_EQ(test, log.calls, 4);
	KUNIT_EXPECT_EQ(test, log.types[0], ACPI_SRAT_TYPE_CPU_AFFINITY);
	KUNIT_EXPECT_EQ(test, log.types[3], ACPI_SRAT_TYPE_MEMORY_AFFINITY);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_SRAT_TYPE_MEMORY_AFFINITY, &log, 0), 2);
	KUNIT_EXPECT_EQ(test, log.types[0], ACPI_SRAT_TYPE_MEMORY_AFFINITY);
	KUNIT_EXPECT_EQ(test, log.types[1], ACPI_SRAT_TYPE_MEMORY_AFFINITY);
}

static void acpi_walk_empty(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;

	tbuf_init_srat(&t);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), 0);
	KUNIT_EXPECT_EQ(test, log.calls, 0);
}

static void acpi_walk_zero_length(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;

	tbuf_valid_srat(&t);
	/* The second entry's length byte: the walk could never advance. */
	t.bytes[sizeof(struct acpi_table_srat) + 16 + 1] = 0;
	tbuf_fix_checksum(&t);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, log.calls, 0);
}

static void acpi_walk_overrun(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;

	tbuf_valid_srat(&t);
	/* The last entry claims 8 bytes more than the table has left. */
	t.bytes[t.len - 40 + 1] = 48;
	tbuf_fix_checksum(&t);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, log.calls, 0);
}

static void acpi_walk_truncated(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;
	u8 stray = ACPI_SRAT_TYPE_MEMORY_AFFINITY;

	tbuf_valid_srat(&t);
	/* One byte after the last entry: not even an entry header. */
	tbuf_add(&t, &stray, 1);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, log.calls, 0);
}

static void acpi_walk_short_header(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;

	tbuf_init_srat(&t);
	t.len = sizeof(struct acpi_table_header) + 4;	/* SRAT header is 48 */
	tbuf_fix_checksum(&t);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, log.calls, 0);
}

static void acpi_walk_unknown_type(struct kunit *test)
{
	struct walk_log log = {};
	u8 odd[8] = { 0x7f, sizeof(odd) };
	struct tbuf t;

	tbuf_init_srat(&t);
	tbuf_add_cpu(&t, 0, 0);
	tbuf_add(&t, odd, sizeof(odd));
	tbuf_add_mem(&t, 0, 0, RANGE_SIZE);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), 2);
	KUNIT_EXPECT_EQ(test, log.types[0], ACPI_SRAT_TYPE_CPU_AFFINITY);
	KUNIT_EXPECT_EQ(test, log.types[1], ACPI_SRAT_TYPE_MEMORY_AFFINITY);
}

static void acpi_walk_short_known_entry(struct kunit *test)
{
	struct walk_log log = {};
	struct acpi_srat_mem_affinity m = {
		.header = { ACPI_SRAT_TYPE_MEMORY_AFFINITY, 16 },
	};
	struct tbuf t;

	tbuf_init_srat(&t);
	tbuf_add(&t, &m, 16);	/* a memory entry needs 40 bytes */
	tbuf_add_cpu(&t, 0, 0);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), 1);
	KUNIT_EXPECT_EQ(test, log.types[0], ACPI_SRAT_TYPE_CPU_AFFINITY);
}

static void acpi_walk_max_entries(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;

	tbuf_valid_srat(&t);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 3), 3);
	KUNIT_EXPECT_EQ(test, log.calls, 3);
}

static void acpi_walk_handler_error(struct kunit *test)
{
	struct walk_log log = { .fail_at = 2 };
	struct tbuf t;

	tbuf_valid_srat(&t);
	KUNIT_EXPECT_EQ(test, walk(&t, ACPI_ANY_SUBTABLE, &log, 0), -EIO);
	KUNIT_EXPECT_EQ(test, log.calls, 2);
}

static void acpi_walk_bad_args(struct kunit *test)
{
	struct walk_log log = {};
	struct tbuf t;

	tbuf_valid_srat(&t);
	KUNIT_EXPECT_EQ(test, acpi_parse_entries_buf(NULL, 48, ACPI_ANY_SUBTABLE,
						     walk_handler, &log, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, acpi_parse_entries_buf(&t.hdr, 48, ACPI_ANY_SUBTABLE,
						     NULL, &log, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, acpi_parse_entries_buf(&t.hdr, 8, ACPI_ANY_SUBTABLE,
						     walk_handler, &log, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, log.calls, 0);
}

/* The booted machine's tables passed acpi_table_init_early()'s checks. */
static void acpi_boot_tables(struct kunit *test)
{
	struct acpi_table_header *fadt = acpi_get_table_early("FACP", 0);

	if (!acpi_early_table_count())
		kunit_skip(test, "booted without ACPI tables");
	KUNIT_ASSERT_NOT_NULL(test, fadt);
	KUNIT_EXPECT_EQ(test, acpi_table_check(fadt, fadt->length), 0);
	KUNIT_EXPECT_NULL(test, acpi_get_table_early("FACP", 1));
	KUNIT_EXPECT_NULL(test, acpi_get_table_early("NONE", 0));
	KUNIT_EXPECT_PTR_EQ(test, acpi_early_table_va(0, 0), NULL);
}

static struct kunit_case acpi_tables_cases[] = {
	KUNIT_CASE(acpi_table_checksum_valid),
	KUNIT_CASE(acpi_table_checksum_bad),
	KUNIT_CASE(acpi_table_length_bad),
	KUNIT_CASE(acpi_rsdp_v1),
	KUNIT_CASE(acpi_rsdp_v2),
	KUNIT_CASE(acpi_rsdp_bad_signature),
	KUNIT_CASE(acpi_walk_valid),
	KUNIT_CASE(acpi_walk_empty),
	KUNIT_CASE(acpi_walk_zero_length),
	KUNIT_CASE(acpi_walk_overrun),
	KUNIT_CASE(acpi_walk_truncated),
	KUNIT_CASE(acpi_walk_short_header),
	KUNIT_CASE(acpi_walk_unknown_type),
	KUNIT_CASE(acpi_walk_short_known_entry),
	KUNIT_CASE(acpi_walk_max_entries),
	KUNIT_CASE(acpi_walk_handler_error),
	KUNIT_CASE(acpi_walk_bad_args),
	KUNIT_CASE(acpi_boot_tables),
	{}
};

static struct kunit_suite acpi_tables_suite = {
	.name = "acpi_tables",
	.test_cases = acpi_tables_cases,
};
kunit_test_suite(acpi_tables_suite);
