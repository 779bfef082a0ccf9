// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "acpi_memhotplug": the pure parts of the PNP0C80 driver,
 * which _CRS resources become memory ranges, the node picked for a range
 * and the _OST status codes, fed with resources built in memory.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/memory_hotplug.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <asm/numa.h>
#include "internal.h"

#define GIB	(1ULL << 30)

static void make_qword(struct acpi_resource *res, u8 type, u64 start, u64 len)
{
	memset(res, 0, sizeof(*res));
	res->type = ACPI_RESOURCE_TYPE_ADDRESS64;
	res->length = sizeof(*res);
	res->data.address64.resource_type = type;
	res->data.address64.address.minimum = start;
	res->data.address64.address.maximum = start + len - 1;
	res->data.address64.address.address_length = len;
}

static void make_dword(struct acpi_resource *res, u32 start, u32 len)
{
	memset(res, 0, sizeof(*res));
	res->type = ACPI_RESOURCE_TYPE_ADDRESS32;
	res->length = sizeof(*res);
	res->data.address32.resource_type = ACPI_MEMORY_RANGE;
	res->data.address32.address.minimum = start;
	res->data.address32.address.maximum = start + len - 1;
	res->data.address32.address.address_length = len;
}

static void crs_qword_memory(struct kunit *test)
{
	struct acpi_memory_ranges r = {};
	struct acpi_resource res;

	make_qword(&res, ACPI_MEMORY_RANGE, 4 * GIB, GIB);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	KUNIT_ASSERT_EQ(test, r.nr, 1);
	KUNIT_EXPECT_EQ(test, r.range[0].start, 4 * GIB);
	KUNIT_EXPECT_EQ(test, r.range[0].size, GIB);
	KUNIT_EXPECT_FALSE(test, r.range[0].added);
}

static void crs_dword_memory(struct kunit *test)
{
	struct acpi_memory_ranges r = {};
	struct acpi_resource res;

	make_dword(&res, 0xc0000000, 0x08000000);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	KUNIT_ASSERT_EQ(test, r.nr, 1);
	KUNIT_EXPECT_EQ(test, r.range[0].start, 0xc0000000ULL);
	KUNIT_EXPECT_EQ(test, r.range[0].size, 0x08000000ULL);
}

static void crs_skips_io_and_empty(struct kunit *test)
{
	struct acpi_memory_ranges r = {};
	struct acpi_resource res;

	make_qword(&res, ACPI_IO_RANGE, 0x1000, 0x100);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	make_qword(&res, ACPI_MEMORY_RANGE, 4 * GIB, 0);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	KUNIT_EXPECT_EQ(test, r.nr, 0);
}

/* Firmware's length may run past 2^64: skipped, never wrapped round. */
static void crs_skips_wrapping(struct kunit *test)
{
	struct acpi_memory_ranges r = {};
	struct acpi_resource res;

	make_qword(&res, ACPI_MEMORY_RANGE, 0xfffffffff8000000ULL, 0x10000000);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	KUNIT_EXPECT_EQ(test, r.nr, 0);
	/* Up to the very last byte is a range, if a useless one. */
	make_qword(&res, ACPI_MEMORY_RANGE, 0xfffffffff8000000ULL, 0x8000000);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	KUNIT_EXPECT_EQ(test, r.nr, 1);
}

static void crs_skips_other_types(struct kunit *test)
{
	struct acpi_memory_ranges r = {};
	struct acpi_resource res;

	memset(&res, 0, sizeof(res));
	res.type = ACPI_RESOURCE_TYPE_IRQ;
	res.length = sizeof(res);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	res.type = ACPI_RESOURCE_TYPE_END_TAG;
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	KUNIT_EXPECT_EQ(test, r.nr, 0);
}

static void crs_merges_contiguous(struct kunit *test)
{
	struct acpi_memory_ranges r = {};
	struct acpi_resource res;

	make_qword(&res, ACPI_MEMORY_RANGE, 4 * GIB, GIB);
	acpi_memory_collect_range(&res, &r);
	make_qword(&res, ACPI_MEMORY_RANGE, 5 * GIB, 2 * GIB);
	acpi_memory_collect_range(&res, &r);
	/* A gap: a range of its own. */
	make_qword(&res, ACPI_MEMORY_RANGE, 8 * GIB, GIB);
	acpi_memory_collect_range(&res, &r);
	KUNIT_ASSERT_EQ(test, r.nr, 2);
	KUNIT_EXPECT_EQ(test, r.range[0].start, 4 * GIB);
	KUNIT_EXPECT_EQ(test, r.range[0].size, 3 * GIB);
	KUNIT_EXPECT_EQ(test, r.range[1].start, 8 * GIB);
}

static void crs_too_many_ranges(struct kunit *test)
{
	struct acpi_memory_ranges r = {};
	struct acpi_resource res;
	int i;

	for (i = 0; i < ACPI_MEMORY_MAX_RANGES; i++) {
		make_qword(&res, ACPI_MEMORY_RANGE, (4 + 2 * i) * GIB, GIB);
		KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
	}
	make_qword(&res, ACPI_MEMORY_RANGE, 64 * GIB, GIB);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), -ENOSPC);
	KUNIT_EXPECT_EQ(test, r.nr, ACPI_MEMORY_MAX_RANGES);
	/* Extending the last range still works when full. */
	make_qword(&res, ACPI_MEMORY_RANGE,
		   (4 + 2 * (ACPI_MEMORY_MAX_RANGES - 1) + 1) * GIB, GIB);
	KUNIT_EXPECT_EQ(test, acpi_memory_collect_range(&res, &r), 0);
}

/* A proximity domain no SRAT names, an address no SRAT covers: node 0. */
static void node_fallback_zero(struct kunit *test)
{
	const u64 nowhere = 1ULL << 50;

	KUNIT_EXPECT_EQ(test, pxm_to_node(0x7fffffff), NUMA_NO_NODE);
	KUNIT_EXPECT_EQ(test, acpi_memory_pick_node(true, 0x7fffffff, nowhere), 0);
	KUNIT_EXPECT_EQ(test, acpi_memory_pick_node(false, 0, nowhere), 0);
}

/* _PXM wins over the address; without it, the SRAT range of the address. */
static void node_pxm_then_address(struct kunit *test)
{
	int pxm, nid = NUMA_NO_NODE;

	for (pxm = 0; pxm < 256 && nid == NUMA_NO_NODE; pxm++)
		nid = pxm_to_node(pxm);
	if (nid == NUMA_NO_NODE)
		kunit_skip(test, "boot without an SRAT");
	pxm--;
	KUNIT_EXPECT_EQ(test, acpi_memory_pick_node(true, pxm, 1ULL << 50), nid);
	/* Boot RAM at 1 MiB: whatever node the SRAT put it on. */
	nid = memory_add_physaddr_to_nid(1 << 20);
	KUNIT_EXPECT_EQ(test, acpi_memory_pick_node(false, 0, 1 << 20), nid);
}

static void ost_codes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, acpi_memory_ost_code(1, 0), 0u);
	KUNIT_EXPECT_EQ(test, acpi_memory_ost_code(3, 0), 0u);
	KUNIT_EXPECT_EQ(test, acpi_memory_ost_code(3, -EBUSY), 0x82u);
	KUNIT_EXPECT_EQ(test, acpi_memory_ost_code(3, -EIO), 1u);
	KUNIT_EXPECT_EQ(test, acpi_memory_ost_code(1, -EBUSY), 1u);
	KUNIT_EXPECT_EQ(test, acpi_memory_ost_code(0, -EEXIST), 1u);
}

static struct kunit_case acpi_memhotplug_cases[] = {
	KUNIT_CASE(crs_qword_memory),
	KUNIT_CASE(crs_dword_memory),
	KUNIT_CASE(crs_skips_io_and_empty),
	KUNIT_CASE(crs_skips_wrapping),
	KUNIT_CASE(crs_skips_other_types),
	KUNIT_CASE(crs_merges_contiguous),
	KUNIT_CASE(crs_too_many_ranges),
	KUNIT_CASE(node_fallback_zero),
	KUNIT_CASE(node_pxm_then_address),
	KUNIT_CASE(ost_codes),
	{}
};

static struct kunit_suite acpi_memhotplug_suite = {
	.name = "acpi_memhotplug",
	.test_cases = acpi_memhotplug_cases,
};
kunit_test_suite(acpi_memhotplug_suite);
