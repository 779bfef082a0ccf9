// SPDX-License-Identifier: GPL-2.0
/*
 * Boot option parsing. The command line is split on spaces (double quotes
 * group), each word is "name" or "name=value", and the handler registered
 * with early_param() for that name runs. Unknown and malformed options
 * are reported and otherwise ignored, so a typo never stops a boot.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>

char boot_command_line[CONFIG_CMDLINE_SIZE];

/* Options handled elsewhere (by the test runner or later issues). */
static const char *const quiet_unknown[] = { "BOOT_IMAGE", NULL };

static bool name_matches(const char *opt, const char *name)
{
	/* Linux treats '-' and '_' in option names alike. */
	for (; *opt && *name; opt++, name++) {
		char a = *opt == '-' ? '_' : *opt;
		char b = *name == '-' ? '_' : *name;

		if (a != b)
			return false;
	}
	return !*opt && !*name;
}

static char *next_word(char *p, char **name, char **val)
{
	bool quoted = false;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (!*p)
		return NULL;
	*name = p;
	*val = NULL;
	for (; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && (*p == ' ' || *p == '\t' || *p == '\n'))
			break;
		if (*p == '=' && !*val) {
			*p = '\0';
			*val = p + 1;
		}
	}
	if (*p)
		*p++ = '\0';
	if (*val && **val == '"') {
		size_t n = strlen(*val);

		(*val)++;
		if (n >= 2 && (*val)[n - 2] == '"')
			(*val)[n - 2] = '\0';
	}
	return p;
}

/**
 * parse_boot_params - run the handlers in [@start, @end) over @cmdline
 * @cmdline: modified in place (words are terminated)
 *
 * Return: the number of words that were unknown or rejected.
 */
int parse_boot_params(char *cmdline, const struct obs_kernel_param *start,
		      const struct obs_kernel_param *end)
{
	const struct obs_kernel_param *p;
	char *name, *val;
	int bad = 0;

	while ((cmdline = next_word(cmdline, &name, &val))) {
		bool known = false;
		size_t i;

		for (p = start; p < end; p++) {
			if (!name_matches(name, p->name))
				continue;
			known = true;
			if (p->setup(val)) {
				pr_warn("Malformed boot option '%s%s%s', ignored\n",
					name, val ? "=" : "", val ? val : "");
				bad++;
			}
		}
		for (i = 0; !known && quiet_unknown[i]; i++)
			known = !strcmp(name, quiet_unknown[i]);
		if (!known) {
			pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n",
				name, val ? "=" : "", val ? val : "");
			bad++;
		}
	}
	return bad;
}

/**
 * parse_early_params - apply boot_command_line
 *
 * Works on a copy, so boot_command_line stays intact for printing.
 */
void parse_early_params(void)
{
	static char tmp[CONFIG_CMDLINE_SIZE];

	strscpy(tmp, boot_command_line, sizeof(tmp));
	parse_boot_params(tmp, __setup_start, __setup_end);
}
