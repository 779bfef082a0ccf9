// SPDX-License-Identifier: GPL-2.0
/*
 * Memory hotplug policy knobs, set at boot: movable_node,
 * memhp_default_state= and the memory_hotplug.* options. Values, spellings
 * and defaults are Linux 6.12's (memhp_default_state defaults to offline,
 * as with Linux's CONFIG_MHP_DEFAULT_ONLINE_TYPE_OFFLINE).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memory_hotplug.h>

struct memhp_config memhp = {
	.movable_node = false,
	.default_online_type = MMOP_OFFLINE,
	.online_policy = ONLINE_POLICY_CONTIG_ZONES,
	.auto_movable_ratio = 301,
	.auto_movable_numa_aware = true,
	.memmap_on_memory = false,
};

/* Spellings, indexed by enum mmop and enum online_policy (Linux's ABI). */
static const char *const mmop_names[] = {
	"offline", "online", "online_kernel", "online_movable",
};

static const char *const online_policy_names[] = {
	"contig-zones", "auto-movable",
};

const char *mmop_name(enum mmop type)
{
	BUILD_BUG_ON(ARRAY_SIZE(mmop_names) != MMOP_ONLINE_MOVABLE + 1);
	BUILD_BUG_ON(ARRAY_SIZE(online_policy_names) != ONLINE_POLICY_AUTO_MOVABLE + 1);
	return type < ARRAY_SIZE(mmop_names) ? mmop_names[type] : "?";
}

const char *online_policy_name(enum online_policy policy)
{
	return policy < ARRAY_SIZE(online_policy_names) ?
	       online_policy_names[policy] : "?";
}

/* Index of @s in @names (a trailing newline allowed), or -EINVAL. */
static int match_name(const char *const *names, size_t n, const char *s)
{
	size_t i, len;

	if (!s)
		return -EINVAL;
	len = strlen(s);
	if (len && s[len - 1] == '\n')
		len--;
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], s, len))
			return i;
	return -EINVAL;
}

int mmop_parse(const char *s)
{
	return match_name(mmop_names, ARRAY_SIZE(mmop_names), s);
}

static int __init movable_node_setup(char *val)
{
	if (val)
		return -EINVAL;
	memhp.movable_node = true;
	return 0;
}
early_param("movable_node", movable_node_setup);

static int __init memhp_default_state_setup(char *val)
{
	int type = mmop_parse(val);

	if (type < 0)
		return -EINVAL;
	memhp.default_online_type = type;
	return 0;
}
early_param("memhp_default_state", memhp_default_state_setup);

static int __init online_policy_setup(char *val)
{
	int policy = match_name(online_policy_names,
				ARRAY_SIZE(online_policy_names), val);

	if (policy < 0)
		return -EINVAL;
	memhp.online_policy = policy;
	return 0;
}
early_param("memory_hotplug.online_policy", online_policy_setup);

static int __init auto_movable_ratio_setup(char *val)
{
	unsigned long ratio;

	if (!val || kstrtoul(val, 0, &ratio) || ratio > UINT_MAX)
		return -EINVAL;
	memhp.auto_movable_ratio = ratio;
	return 0;
}
early_param("memory_hotplug.auto_movable_ratio", auto_movable_ratio_setup);

/* A bare boolean option means "yes", as for Linux's bool parameters. */
static int bool_option(char *val, bool *res)
{
	if (!val) {
		*res = true;
		return 0;
	}
	return kstrtobool(val, res);
}

static int __init auto_movable_numa_aware_setup(char *val)
{
	return bool_option(val, &memhp.auto_movable_numa_aware);
}
early_param("memory_hotplug.auto_movable_numa_aware", auto_movable_numa_aware_setup);

static int __init memmap_on_memory_setup(char *val)
{
	/* Linux also accepts "force"; Tide does not implement forcing. */
	return bool_option(val, &memhp.memmap_on_memory);
}
early_param("memory_hotplug.memmap_on_memory", memmap_on_memory_setup);
