// SPDX-License-Identifier: GPL-2.0
/*
 * Failure reports for KUnit's checks: where the check is, what it expected,
 * and the values it saw, as KTAP diagnostic lines under the failing case.
 * Every line is its own printk() so that each carries the console prefix
 * KTAP parsers strip.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/string.h>
#include <kunit/test.h>

/* Bytes shown of each side of a failed memory comparison. */
#define KUNIT_MEM_SHOW		32
#define KUNIT_MEM_PER_LINE	16

/*
 * Files are compiled by absolute path, so __FILE__ starts with the source
 * tree. This file sits three levels down in it, so its own __FILE__ less
 * three components is the tree's root; report paths relative to that
 * ("mm/memblock.c"), as Linux does.
 */
#define KUNIT_SELF_DEPTH	3

static const char *kunit_short_path(const char *file)
{
	const char *self = __FILE__;
	size_t root = strlen(self);
	int slashes = 0;

	while (root > 0 && slashes < KUNIT_SELF_DEPTH) {
		root--;
		if (self[root] == '/')
			slashes++;
	}
	if (slashes < KUNIT_SELF_DEPTH)
		return file;
	root++;			/* keep the root's trailing '/' out */
	if (strncmp(file, self, root))
		return file;
	return file + root;
}

/* True if @text is the decimal literal of @value, so printing it adds nothing. */
static bool kunit_is_literal(const char *text, long long value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", value);
	return !strcmp(buf, text);
}

static void kunit_print_int_side(const char *text, long long value)
{
	if (kunit_is_literal(text, value))
		return;
	pr_err(KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)\n", text, value,
	       (unsigned long long)value);
}

static void kunit_print_str_side(const char *text, const char *value)
{
	if (value)
		pr_err(KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"\n", text, value);
	else
		pr_err(KUNIT_SUBSUBTEST_INDENT "%s == NULL\n", text);
}

/* Hex dump of the first bytes of @mem, the first differing one in <>. */
static void kunit_print_mem_side(const char *text, const u8 *mem,
				 const u8 *other, size_t size)
{
	size_t shown = min_t(size_t, size, KUNIT_MEM_SHOW);
	size_t diff = size, i, j;
	char line[KUNIT_MEM_PER_LINE * 4 + 1];
	int n;

	if (!mem) {
		pr_err(KUNIT_SUBSUBTEST_INDENT "%s == NULL\n", text);
		return;
	}
	for (i = 0; other && i < size; i++) {
		if (mem[i] != other[i]) {
			diff = i;
			break;
		}
	}
	pr_err(KUNIT_SUBSUBTEST_INDENT "%s ==%s\n", text,
	       shown < size ? " (first bytes)" : "");
	for (i = 0; i < shown; i += KUNIT_MEM_PER_LINE) {
		n = 0;
		for (j = i; j < shown && j < i + KUNIT_MEM_PER_LINE; j++)
			n += scnprintf(line + n, sizeof(line) - n,
				       j == diff ? "<%02x>" : " %02x ", mem[j]);
		pr_err(KUNIT_SUBSUBTEST_INDENT "%s\n", line);
	}
}

/* The optional message of a _MSG check, one printk() per line. */
static void kunit_print_message(const char *fmt, va_list args)
{
	char msg[256];
	char *line, *nl;

	vsnprintf(msg, sizeof(msg), fmt, args);
	for (line = msg; line; line = nl) {
		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		if (*line || nl)
			pr_err(KUNIT_SUBTEST_INDENT "%s\n", line);
	}
}

void __kunit_check_failed(struct kunit *test, const struct kunit_check *check,
			  union kunit_value left, union kunit_value right,
			  size_t size, const char *fmt, ...)
{
	const char *what = check->type == KUNIT_ASSERTION ?
			   "ASSERTION" : "EXPECTATION";
	va_list args;

	kunit_set_failure(test);
	pr_err(KUNIT_SUBTEST_INDENT "# %s: %s FAILED at %s:%d\n", test->name,
	       what, kunit_short_path(check->file), check->line);

	switch (check->kind) {
	case KUNIT_CHECK_FAIL:
		break;
	case KUNIT_CHECK_TRUE:
		pr_err(KUNIT_SUBTEST_INDENT "Expected %s to be true, but is false\n",
		       check->left_text);
		break;
	case KUNIT_CHECK_FALSE:
		pr_err(KUNIT_SUBTEST_INDENT "Expected %s to be false, but is true\n",
		       check->left_text);
		break;
	case KUNIT_CHECK_INT:
		pr_err(KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n",
		       check->left_text, check->op, check->right_text);
		kunit_print_int_side(check->left_text, left.i);
		kunit_print_int_side(check->right_text, right.i);
		break;
	case KUNIT_CHECK_PTR:
		pr_err(KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n",
		       check->left_text, check->op, check->right_text);
		pr_err(KUNIT_SUBSUBTEST_INDENT "%s == %p\n", check->left_text,
		       left.p);
		pr_err(KUNIT_SUBSUBTEST_INDENT "%s == %p\n", check->right_text,
		       right.p);
		break;
	case KUNIT_CHECK_STR:
		pr_err(KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n",
		       check->left_text, check->op, check->right_text);
		kunit_print_str_side(check->left_text, left.s);
		kunit_print_str_side(check->right_text, right.s);
		break;
	case KUNIT_CHECK_NOT_ERR_OR_NULL:
		if (!left.p)
			pr_err(KUNIT_SUBTEST_INDENT "Expected %s is not null, but is\n",
			       check->left_text);
		else
			pr_err(KUNIT_SUBTEST_INDENT "Expected %s is not error, but is: %ld\n",
			       check->left_text, PTR_ERR(left.p));
		break;
	case KUNIT_CHECK_MEM:
		pr_err(KUNIT_SUBTEST_INDENT "Expected %s %s %s (%zu bytes), but\n",
		       check->left_text, check->op, check->right_text, size);
		kunit_print_mem_side(check->left_text, left.p, right.p, size);
		kunit_print_mem_side(check->right_text, right.p, left.p, size);
		break;
	}

	if (fmt) {
		va_start(args, fmt);
		kunit_print_message(fmt, args);
		va_end(args);
	}
}
