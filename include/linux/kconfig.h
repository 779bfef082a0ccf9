/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included into every translation unit: the generated configuration and
 * IS_ENABLED(), which turns "CONFIG_FOO is defined to 1" into a constant.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#include <generated/autoconf.h>

#define __TIDE_ARG_PLACEHOLDER_1 0,
#define __tide_take_second(ignored, val, ...) val
#define __tide_is_defined(x) ___tide_is_defined(x)
#define ___tide_is_defined(val) ____tide_is_defined(__TIDE_ARG_PLACEHOLDER_##val)
#define ____tide_is_defined(arg1_or_junk) __tide_take_second(arg1_or_junk 1, 0, 0)

/* IS_ENABLED(CONFIG_FOO): 1 when CONFIG_FOO=y, 0 otherwise. */
#define IS_ENABLED(option) __tide_is_defined(option)

#endif /* _LINUX_KCONFIG_H */
