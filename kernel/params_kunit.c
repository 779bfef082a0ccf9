// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "params": boot command line splitting and dispatch, and the
 * helpers option handlers lean on: kstrto*(), memparse(), snprintf(),
 * glob_match() and strscpy().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <kunit/test.h>

#define PT_INT_MIN	(-INT_MAX - 1)

/* One call of a test handler: which one, and the value it was given. */
struct pt_call {
	const char *who;
	bool has_val;
	char val[32];
};

static struct pt_call pt_calls[16];
static unsigned int pt_nr_calls;

static int pt_record(const char *who, const char *val)
{
	struct pt_call *c;

	if (pt_nr_calls < ARRAY_SIZE(pt_calls)) {
		c = &pt_calls[pt_nr_calls];
		c->who = who;
		c->has_val = val;
		strscpy(c->val, val ? val : "", sizeof(c->val));
	}
	pt_nr_calls++;
	return 0;
}

static int pt_foo(char *val)
{
	return pt_record("foo", val);
}

static int pt_flag(char *val)
{
	return pt_record("flag", val);
}

static int pt_bar_baz(char *val)
{
	return pt_record("bar_baz", val);
}

static int pt_dash_name(char *val)
{
	return pt_record("dash-name", val);
}

static int pt_reject(char *val)
{
	pt_record("reject", val);
	return -EINVAL;
}

/*
 * The options under test. A local table handed to parse_boot_params(),
 * not early_param(), so that none of them becomes a real boot option.
 */
static const struct obs_kernel_param pt_table[] = {
	{ "foo", pt_foo },
	{ "flag", pt_flag },
	{ "bar_baz", pt_bar_baz },
	{ "dash-name", pt_dash_name },
	{ "reject", pt_reject },
};

/* parse_boot_params() splits in place, so the line must be writable. */
static char pt_line[128];

static int pt_parse(struct kunit *test, const char *cmdline)
{
	KUNIT_ASSERT_LT(test, strlen(cmdline), sizeof(pt_line));
	strscpy(pt_line, cmdline, sizeof(pt_line));
	return parse_boot_params(pt_line, pt_table,
				 pt_table + ARRAY_SIZE(pt_table));
}

/* Checks call @i: handler @who, given @val (NULL: no value at all). */
static void pt_check_call(struct kunit *test, unsigned int i, const char *who,
			  const char *val)
{
	KUNIT_ASSERT_LT_MSG(test, i, pt_nr_calls, "call %u never made", i);
	KUNIT_ASSERT_LT(test, i, ARRAY_SIZE(pt_calls));
	KUNIT_EXPECT_STREQ_MSG(test, pt_calls[i].who, who, "call %u", i);
	KUNIT_EXPECT_EQ_MSG(test, pt_calls[i].has_val, !!val, "call %u", i);
	if (val)
		KUNIT_EXPECT_STREQ_MSG(test, pt_calls[i].val, val, "call %u", i);
}

static int params_test_init(struct kunit *test)
{
	memset(pt_calls, 0, sizeof(pt_calls));
	pt_nr_calls = 0;
	return 0;
}

/* name=value passes the text after '=' to the named handler. */
static void params_name_value(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "foo=42"), 0);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 1);
	pt_check_call(test, 0, "foo", "42");
}

/* Only the first '=' splits; an empty value is "", not NULL. */
static void params_value_edge_cases(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "foo=a=b foo="), 0);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 2);
	pt_check_call(test, 0, "foo", "a=b");
	pt_check_call(test, 1, "foo", "");
}

/* A bare word calls its handler with NULL. */
static void params_bare_word(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "flag"), 0);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 1);
	pt_check_call(test, 0, "flag", NULL);
}

/* Double quotes keep spaces in a value, and are removed from it. */
static void params_quoted_value(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "foo=\"a b  c\" flag"), 0);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 2);
	pt_check_call(test, 0, "foo", "a b  c");
	pt_check_call(test, 1, "flag", NULL);
}

/* '-' and '_' in names match each other, both ways. */
static void params_dash_underscore(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "bar-baz=1 bar_baz=2 dash_name"), 0);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 3);
	pt_check_call(test, 0, "bar_baz", "1");
	pt_check_call(test, 1, "bar_baz", "2");
	pt_check_call(test, 2, "dash-name", NULL);
}

/* Names must match whole: no prefixes, no extensions. */
static void params_whole_name_match(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "fo=1 foobar=1 foo.x=1"), 3);
	KUNIT_EXPECT_EQ(test, pt_nr_calls, 0);
}

/* Unknown options are counted, and the known ones around them still run. */
static void params_unknown_counted(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "nosuch=1 foo=7 other"), 2);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 1);
	pt_check_call(test, 0, "foo", "7");
}

/* The boot loader's BOOT_IMAGE= is expected, so it is not counted. */
static void params_boot_image_quiet(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "BOOT_IMAGE=/boot/tide foo=1"), 0);
	KUNIT_EXPECT_EQ(test, pt_nr_calls, 1);
}

/* A handler's -EINVAL is counted as bad; later options still run. */
static void params_handler_rejects(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "reject=x foo=1 reject"), 2);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 3);
	pt_check_call(test, 0, "reject", "x");
	pt_check_call(test, 1, "foo", "1");
	pt_check_call(test, 2, "reject", NULL);
}

/* A repeated option calls its handler each time, in command line order. */
static void params_repeated_option(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "foo=1 flag foo=2 foo=3"), 0);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 4);
	pt_check_call(test, 0, "foo", "1");
	pt_check_call(test, 1, "flag", NULL);
	pt_check_call(test, 2, "foo", "2");
	pt_check_call(test, 3, "foo", "3");
}

/* An empty or all-blank command line calls nothing and counts nothing. */
static void params_empty_cmdline(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, ""), 0);
	KUNIT_EXPECT_EQ(test, pt_parse(test, "   "), 0);
	KUNIT_EXPECT_EQ(test, pt_parse(test, " \t\n "), 0);
	KUNIT_EXPECT_EQ(test, pt_nr_calls, 0);
}

/* Leading, trailing and repeated blanks (and a final newline) separate. */
static void params_surrounding_blanks(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pt_parse(test, "   foo=1   \tflag  foo=2\n"), 0);
	KUNIT_ASSERT_EQ(test, pt_nr_calls, 3);
	pt_check_call(test, 0, "foo", "1");
	pt_check_call(test, 1, "flag", NULL);
	pt_check_call(test, 2, "foo", "2");
}

/* One kstrtoull() input and what it should give. */
struct pt_strtoull_case {
	const char *in;
	unsigned int base;
	int ret;
	unsigned long long val;		/* when ret is 0 */
};

static const struct pt_strtoull_case pt_strtoull_cases[] = {
	{ "0", 10, 0, 0 },
	{ "42", 10, 0, 42 },
	{ "+7", 10, 0, 7 },
	{ "42\n", 10, 0, 42 },
	{ "ff", 16, 0, 0xff },
	{ "0x1F", 16, 0, 0x1f },
	{ "0X1f", 0, 0, 0x1f },
	{ "017", 0, 0, 017 },
	{ "0", 0, 0, 0 },
	{ "18446744073709551615", 10, 0, U64_MAX },
	{ "0xffffffffffffffff", 0, 0, U64_MAX },
	{ "18446744073709551616", 10, -ERANGE, 0 },
	{ "0x10000000000000000", 0, -ERANGE, 0 },
	{ "99999999999999999999", 10, -ERANGE, 0 },
	{ "", 10, -EINVAL, 0 },
	{ "\n", 10, -EINVAL, 0 },
	{ "abc", 10, -EINVAL, 0 },
	{ "12a", 10, -EINVAL, 0 },
	{ "-1", 10, -EINVAL, 0 },
	{ " 42", 10, -EINVAL, 0 },
	{ "42 ", 10, -EINVAL, 0 },
	{ "42\n\n", 10, -EINVAL, 0 },
	{ "0x", 16, -EINVAL, 0 },
	{ "08", 0, -EINVAL, 0 },
	{ "2", 2, -EINVAL, 0 },
};

/*
 * Writes @s quoted into @desc, a newline as \n: a raw one would end the
 * KTAP result line early.
 */
static void pt_quote(char *desc, const char *s)
{
	unsigned int n = 0;

	desc[n++] = '"';
	for (; *s && n < KUNIT_PARAM_DESC_SIZE - 4; s++) {
		if (*s == '\n') {
			desc[n++] = '\\';
			desc[n++] = 'n';
		} else {
			desc[n++] = *s;
		}
	}
	desc[n++] = '"';
	desc[n] = '\0';
}

static void pt_strtoull_desc(const struct pt_strtoull_case *c, char *desc)
{
	size_t n;

	pt_quote(desc, c->in);
	n = strlen(desc);
	snprintf(desc + n, KUNIT_PARAM_DESC_SIZE - n, " base %u", c->base);
}

KUNIT_ARRAY_PARAM(pt_strtoull, pt_strtoull_cases, pt_strtoull_desc);

/* kstrtoull(): the value, -ERANGE on overflow, -EINVAL on junk. */
static void params_kstrtoull(struct kunit *test)
{
	const struct pt_strtoull_case *c = test->param_value;
	unsigned long long v = 0x5a5a;

	KUNIT_EXPECT_EQ(test, kstrtoull(c->in, c->base, &v), c->ret);
	/* On failure the result is left alone. */
	KUNIT_EXPECT_EQ(test, v, c->ret ? 0x5a5aULL : c->val);
}

/* kstrtoul() agrees with kstrtoull() at the top of the range. */
static void params_kstrtoul(struct kunit *test)
{
	unsigned long v = 0;

	KUNIT_EXPECT_EQ(test, kstrtoul("4294967296", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 4294967296UL);
	KUNIT_EXPECT_EQ(test, kstrtoul("18446744073709551615", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, kstrtoul("18446744073709551616", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoul("1x", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, ULONG_MAX);
}

/* One kstrtoint() input and what it should give. */
struct pt_strtoint_case {
	const char *in;
	unsigned int base;
	int ret;
	int val;
};

static const struct pt_strtoint_case pt_strtoint_cases[] = {
	{ "0", 10, 0, 0 },
	{ "-0", 10, 0, 0 },
	{ "2147483647", 10, 0, INT_MAX },
	{ "-2147483648", 10, 0, PT_INT_MIN },
	{ "-0x10", 0, 0, -16 },
	{ "12\n", 10, 0, 12 },
	{ "2147483648", 10, -ERANGE, 0 },
	{ "-2147483649", 10, -ERANGE, 0 },
	{ "4294967296", 10, -ERANGE, 0 },
	{ "-", 10, -EINVAL, 0 },
	{ "--1", 10, -EINVAL, 0 },
	{ "-+1", 10, -EINVAL, 0 },
	{ "1-", 10, -EINVAL, 0 },
};

static void pt_strtoint_desc(const struct pt_strtoint_case *c, char *desc)
{
	pt_quote(desc, c->in);
}

KUNIT_ARRAY_PARAM(pt_strtoint, pt_strtoint_cases, pt_strtoint_desc);

/* kstrtoint(): the int range, both signs. */
static void params_kstrtoint(struct kunit *test)
{
	const struct pt_strtoint_case *c = test->param_value;
	int v = 0x5a5a;

	KUNIT_EXPECT_EQ(test, kstrtoint(c->in, c->base, &v), c->ret);
	KUNIT_EXPECT_EQ(test, v, c->ret ? 0x5a5a : c->val);
}

/* One kstrtobool() input: ret, and the value when ret is 0. */
struct pt_strtobool_case {
	const char *in;
	int ret;
	bool val;
};

static const struct pt_strtobool_case pt_strtobool_cases[] = {
	{ "y", 0, true }, { "Y", 0, true }, { "1", 0, true },
	{ "yes", 0, true }, { "on", 0, true }, { "ON", 0, true },
	{ "1\n", 0, true },
	{ "n", 0, false }, { "N", 0, false }, { "0", 0, false },
	{ "off", 0, false }, { "Off", 0, false },
	{ "t", 0, true }, { "T", 0, true }, { "true", 0, true },
	{ "True\n", 0, true }, { "oN", 0, true }, { "On", 0, true },
	{ "f", 0, false }, { "F", 0, false }, { "false", 0, false },
	{ "of", 0, false }, { "OF", 0, false }, { "oFF", 0, false },
	{ "no", 0, false },
	{ "", -EINVAL, false }, { "o", -EINVAL, false },
	{ "x", -EINVAL, false }, { "2", -EINVAL, false },
	{ "e", -EINVAL, false }, { "d", -EINVAL, false },
	{ "ox", -EINVAL, false }, { " y", -EINVAL, false },
	{ "-1", -EINVAL, false }, { "\n", -EINVAL, false },
	{ NULL, -EINVAL, false },
};

static void pt_strtobool_desc(const struct pt_strtobool_case *c, char *desc)
{
	if (c->in)
		pt_quote(desc, c->in);
	else
		strscpy(desc, "NULL", KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(pt_strtobool, pt_strtobool_cases, pt_strtobool_desc);

/* kstrtobool(): y/t/1, n/f/0, on/of(f) in any case; nothing else. */
static void params_kstrtobool(struct kunit *test)
{
	const struct pt_strtobool_case *c = test->param_value;
	bool v = false;
	int ret = kstrtobool(c->in, &v);

	KUNIT_EXPECT_EQ(test, ret, c->ret);
	if (!ret)
		KUNIT_EXPECT_EQ(test, v, c->val);
}

/* One memparse() input: the size, and how many characters it used. */
struct pt_memparse_case {
	const char *in;
	unsigned long long val;
	unsigned int used;
};

static const struct pt_memparse_case pt_memparse_cases[] = {
	{ "4096", 4096, 4 },
	{ "4k", 4096, 2 },
	{ "4K", 4096, 2 },
	{ "16M", 16ULL << 20, 3 },
	{ "2g", 2ULL << 30, 2 },
	{ "2G", 2ULL << 30, 2 },
	{ "3T", 3ULL << 40, 2 },
	{ "1P", 1ULL << 50, 2 },
	{ "1E", 1ULL << 60, 2 },
	{ "0x1000", 0x1000, 6 },
	{ "0X10M", 16ULL << 20, 5 },
	{ "0xfFk", 255ULL << 10, 5 },
	{ "0", 0, 1 },
	{ "12x", 12, 2 },
	{ "512M,foo", 512ULL << 20, 4 },
	{ "", 0, 0 },
	{ "K", 0, 0 },
	{ "abc", 0, 0 },
};

static void pt_memparse_desc(const struct pt_memparse_case *c, char *desc)
{
	pt_quote(desc, c->in);
}

KUNIT_ARRAY_PARAM(pt_memparse, pt_memparse_cases, pt_memparse_desc);

/* memparse(): K/M/G/T/P/E suffixes, hex, and where parsing stopped. */
static void params_memparse(struct kunit *test)
{
	const struct pt_memparse_case *c = test->param_value;
	char *end = NULL;

	KUNIT_EXPECT_EQ(test, memparse(c->in, &end), c->val);
	KUNIT_EXPECT_PTR_EQ(test, end, (char *)c->in + c->used);
	/* retptr is optional. */
	KUNIT_EXPECT_EQ(test, memparse(c->in, NULL), c->val);
}

static void pt_check_fmt(struct kunit *test, const char *got, int n,
			 const char *want, const char *fmt)
{
	KUNIT_EXPECT_STREQ_MSG(test, got, want, "format \"%s\"", fmt);
	KUNIT_EXPECT_EQ_MSG(test, n, (int)strlen(want), "format \"%s\"", fmt);
}

/*
 * Formats into a buffer with room to spare, and checks both the text and
 * the return value (the length of the text).
 */
#define PT_EXPECT_FMT(test, want, fmt, ...)				\
	do {								\
		const char *__want = (want);				\
		char __buf[80];						\
		int __n;						\
									\
		memset(__buf, 0x7f, sizeof(__buf));			\
		__n = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__); \
		pt_check_fmt(test, __buf, __n, __want, fmt);		\
	} while (0)

/* Signed and unsigned decimals, with width, padding and length modifiers. */
static void params_snprintf_decimal(struct kunit *test)
{
	PT_EXPECT_FMT(test, "42", "%d", 42);
	PT_EXPECT_FMT(test, "-42", "%i", -42);
	PT_EXPECT_FMT(test, "0", "%d", 0);
	PT_EXPECT_FMT(test, "-2147483648", "%d", PT_INT_MIN);
	PT_EXPECT_FMT(test, "4294967295", "%u", UINT_MAX);
	PT_EXPECT_FMT(test, "18446744073709551615", "%llu", U64_MAX);
	PT_EXPECT_FMT(test, "-9223372036854775808", "%ld", -LONG_MAX - 1);
	PT_EXPECT_FMT(test, "4096", "%zu", (size_t)4096);
	PT_EXPECT_FMT(test, "[   42]", "[%5d]", 42);
	PT_EXPECT_FMT(test, "[  -42]", "[%5d]", -42);
	PT_EXPECT_FMT(test, "[42   ]", "[%-5d]", 42);
	PT_EXPECT_FMT(test, "[00042]", "[%05d]", 42);
	PT_EXPECT_FMT(test, "[-0042]", "[%05d]", -42);
	PT_EXPECT_FMT(test, "[123456]", "[%3d]", 123456);
	PT_EXPECT_FMT(test, "[   42]", "[%*d]", 5, 42);
	PT_EXPECT_FMT(test, "100%", "%d%%", 100);
}

/* h and hh narrow the argument to short and char, as in C. */
static void params_snprintf_short(struct kunit *test)
{
	PT_EXPECT_FMT(test, "ffff", "%hx", (unsigned short)0xffff);
	PT_EXPECT_FMT(test, "-1", "%hd", (short)-1);
	PT_EXPECT_FMT(test, "65535", "%hu", (unsigned short)-1);
	PT_EXPECT_FMT(test, "5", "%hu", 0x10005);
	PT_EXPECT_FMT(test, "-2", "%hd", 0xfffe);
	PT_EXPECT_FMT(test, "44", "%hhu", 300);
	PT_EXPECT_FMT(test, "-128", "%hhd", 128);
	PT_EXPECT_FMT(test, "[0x7f]", "[%#hhx]", 0x17f);
}

/* Hex and octal, with '#', width and zero padding. */
static void params_snprintf_hex(struct kunit *test)
{
	PT_EXPECT_FMT(test, "ff", "%x", 255);
	PT_EXPECT_FMT(test, "FF", "%X", 255);
	PT_EXPECT_FMT(test, "0xff", "%#x", 255);
	PT_EXPECT_FMT(test, "0XFF", "%#X", 255);
	PT_EXPECT_FMT(test, "ffffffff", "%x", -1);
	PT_EXPECT_FMT(test, "17", "%o", 15);
	PT_EXPECT_FMT(test, "00000000ff", "%010x", 255);
	PT_EXPECT_FMT(test, "      0xff", "%#10x", 255);
	PT_EXPECT_FMT(test, "0000000000001000", "%016llx", 0x1000ULL);
	PT_EXPECT_FMT(test, "000000000000001000", "%018llx", 0x1000ULL);
	PT_EXPECT_FMT(test, "0x0000000000001000", "%#018llx", 0x1000ULL);
	PT_EXPECT_FMT(test, "0xffffffffffffffff", "%#018llx", U64_MAX);
	PT_EXPECT_FMT(test, "0xdeadbeefcafe", "%#llx", 0xdeadbeefcafeULL);
	PT_EXPECT_FMT(test, "[0xff  ]", "[%-#6x]", 255);
}

/* @s, hidden from the compiler so that it cannot warn about a NULL %s. */
static const char *pt_opaque(const char *s)
{
	asm("" : "+r" (s));
	return s;
}

/* Strings and characters, with width, precision and left alignment. */
static void params_snprintf_string(struct kunit *test)
{
	PT_EXPECT_FMT(test, "hello", "%s", "hello");
	PT_EXPECT_FMT(test, "[   hi]", "[%5s]", "hi");
	PT_EXPECT_FMT(test, "[hi   ]", "[%-5s]", "hi");
	PT_EXPECT_FMT(test, "[toolong]", "[%-5s]", "toolong");
	PT_EXPECT_FMT(test, "[abc]", "[%.3s]", "abcdef");
	PT_EXPECT_FMT(test, "[   ab]", "[%5.2s]", "abcdef");
	PT_EXPECT_FMT(test, "[ab   ]", "[%-5.2s]", "abcdef");
	PT_EXPECT_FMT(test, "[ab]", "[%.*s]", 2, "abcdef");
	PT_EXPECT_FMT(test, "[]", "[%.0s]", "abc");
	PT_EXPECT_FMT(test, "(null)", "%s", pt_opaque(NULL));
	PT_EXPECT_FMT(test, "a-z", "%c-%c", 'a', 'z');
	PT_EXPECT_FMT(test, "x=1 y=two", "x=%d y=%s", 1, "two");
}

/* %p and %px print the raw address as 0x and 16 hex digits. */
static void params_snprintf_pointer(struct kunit *test)
{
	PT_EXPECT_FMT(test, "0xffffffff81000000", "%p",
		      (void *)0xffffffff81000000UL);
	PT_EXPECT_FMT(test, "0x0000000000001234", "%p", (void *)0x1234UL);
	PT_EXPECT_FMT(test, "[0x0000000000001234]", "[%px]", (void *)0x1234UL);
}

/*
 * A short buffer gets what fits plus a NUL, nothing past its end; the
 * return value is the length the whole text would have had.
 */
static void params_snprintf_truncation(struct kunit *test)
{
	char buf[16];

	memset(buf, 0x7f, sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 8, "hello world"), 11);
	KUNIT_EXPECT_STREQ(test, buf, "hello w");
	KUNIT_EXPECT_EQ(test, buf[8], 0x7f);

	memset(buf, 0x7f, sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 6, "%d", 123456789), 9);
	KUNIT_EXPECT_STREQ(test, buf, "12345");
	KUNIT_EXPECT_EQ(test, buf[6], 0x7f);

	memset(buf, 0x7f, sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 1, "abc"), 3);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
	KUNIT_EXPECT_EQ(test, buf[1], 0x7f);

	memset(buf, 0x7f, sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 0, "abc"), 3);
	KUNIT_EXPECT_EQ(test, buf[0], 0x7f);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%s=%d", "key", 100), 7);

	/* Exactly fits, with its NUL. */
	memset(buf, 0x7f, sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 4, "abc"), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");

	KUNIT_EXPECT_EQ(test, scnprintf(buf, 4, "abcdef"), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
}

/* One glob_match() pattern, string and verdict. */
struct pt_glob_case {
	const char *pat;
	const char *str;
	bool match;
};

static const struct pt_glob_case pt_glob_cases[] = {
	{ "memblock", "memblock", true },
	{ "memblock", "memblocks", false },
	{ "memblocks", "memblock", false },
	{ "", "", true },
	{ "", "a", false },
	{ "*", "", true },
	{ "*", "anything", true },
	{ "mem*", "memblock", true },
	{ "*block", "memblock", true },
	{ "*block", "memblocks", false },
	{ "m*b*k", "memblock", true },
	{ "a**b", "ab", true },
	{ "*a*a", "banana", true },
	{ "*ab", "aab", true },
	{ "a*c", "ab", false },
	{ "a?c", "abc", true },
	{ "a?c", "ac", false },
	{ "p?ge*", "page_alloc", true },
	{ "?", "", false },
	{ "*?", "", false },
	{ "*x", "abc", false },
};

static void pt_glob_desc(const struct pt_glob_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%s\" vs \"%s\"", c->pat,
		 c->str);
}

KUNIT_ARRAY_PARAM(pt_glob, pt_glob_cases, pt_glob_desc);

/* glob_match(): '*' and '?' against the whole string. */
static void params_glob_match(struct kunit *test)
{
	const struct pt_glob_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, glob_match(c->pat, c->str), c->match);
}

/* strscpy(): copies what fits, always terminates, reports truncation. */
static void params_strscpy(struct kunit *test)
{
	char buf[8];

	memset(buf, 0x7f, sizeof(buf));
	KUNIT_EXPECT_EQ(test, (ssize_t)strscpy(buf, "abc", sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, buf[4], 0x7f);

	KUNIT_EXPECT_EQ(test, (ssize_t)strscpy(buf, "1234567", sizeof(buf)), 7);
	KUNIT_EXPECT_STREQ(test, buf, "1234567");

	KUNIT_EXPECT_EQ(test, (ssize_t)strscpy(buf, "12345678", sizeof(buf)),
			-E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "1234567");

	KUNIT_EXPECT_EQ(test, (ssize_t)strscpy(buf, "", sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");

	memset(buf, 0x7f, sizeof(buf));
	KUNIT_EXPECT_EQ(test, (ssize_t)strscpy(buf, "abc", 0), -E2BIG);
	KUNIT_EXPECT_EQ(test, buf[0], 0x7f);
}

static struct kunit_case params_test_cases[] = {
	KUNIT_CASE(params_name_value),
	KUNIT_CASE(params_value_edge_cases),
	KUNIT_CASE(params_bare_word),
	KUNIT_CASE(params_quoted_value),
	KUNIT_CASE(params_dash_underscore),
	KUNIT_CASE(params_whole_name_match),
	KUNIT_CASE(params_unknown_counted),
	KUNIT_CASE(params_boot_image_quiet),
	KUNIT_CASE(params_handler_rejects),
	KUNIT_CASE(params_repeated_option),
	KUNIT_CASE(params_empty_cmdline),
	KUNIT_CASE(params_surrounding_blanks),
	KUNIT_CASE_PARAM(params_kstrtoull, pt_strtoull_gen_params),
	KUNIT_CASE(params_kstrtoul),
	KUNIT_CASE_PARAM(params_kstrtoint, pt_strtoint_gen_params),
	KUNIT_CASE_PARAM(params_kstrtobool, pt_strtobool_gen_params),
	KUNIT_CASE_PARAM(params_memparse, pt_memparse_gen_params),
	KUNIT_CASE(params_snprintf_decimal),
	KUNIT_CASE(params_snprintf_short),
	KUNIT_CASE(params_snprintf_hex),
	KUNIT_CASE(params_snprintf_string),
	KUNIT_CASE(params_snprintf_pointer),
	KUNIT_CASE(params_snprintf_truncation),
	KUNIT_CASE_PARAM(params_glob_match, pt_glob_gen_params),
	KUNIT_CASE(params_strscpy),
	{}
};

static struct kunit_suite params_test_suite = {
	.name = "params",
	.init = params_test_init,
	.test_cases = params_test_cases,
};

kunit_test_suite(params_test_suite);
